"""Mentions of a record as highlights over the text their spans index.

Pure functions: a record (a dict read from a batch line) and its text go in, annotations and
an HTML string of the text with ``<mark>`` elements come out. Mentions nest (a person inside a
quote) and may cross (an organisation running past the end of a quote); crossing ones are cut
into pieces so that the marks are always properly nested, and every piece after the first
carries the class ``c`` (continued). The text content of the HTML is exactly the input text.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup, escape

# Field key -> legend label, in legend order.
FIELDS: dict[str, str] = {
    "dateline": "Dateline",
    "person": "Person",
    "title": "Job title",
    "org": "Organisation",
    "quote": "Quote",
    "work": "Quoted title",
    "country": "Country",
    "clist": "Country list",
    "link": "URL / e-mail",
    "contact": "Media contact",
}

# Among mentions with the same start and end, the earlier field in this order is the outer one.
_NESTING = ("contact", "clist", "dateline", "quote", "work", "org", "person", "title", "country")
_RANK = {field: rank for rank, field in enumerate(_NESTING)}

# How far from a person's mention their job title is looked for (the record has no title span).
TITLE_WINDOW = 250


@dataclass(frozen=True)
class Annotation:
    """One highlighted mention.

    Attributes:
        start: First character (inclusive).
        end: Last character (exclusive).
        field: A key of :data:`FIELDS`.
        key: The entity the mention belongs to (``per-1``, ``org-2``, ``q-1``, ``c-KR``...).
        label: Tooltip text.
        speaker: For quotes, the speaker's id (people or organisations), else ``""``.
    """

    start: int
    end: int
    field: str
    key: str
    label: str = ""
    speaker: str = ""


@dataclass(frozen=True)
class SpanProblem:
    """A span of the record that cannot be shown (outside the text, empty or malformed)."""

    field: str
    key: str
    where: str
    message: str


def as_dicts(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list field; anything else (missing, null, wrong type) is empty."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def as_list(value: Any) -> list[Any]:
    """A list field as a list; anything else (missing, null, a string, a dict) is empty."""
    return value if isinstance(value, list) else []


def as_text(value: Any) -> str:
    """A string field as text; null or other types give ``""``."""
    return value if isinstance(value, str) else ""


def span_of(obj: Any) -> tuple[int, int] | None:
    """``(start, end)`` of a ``{start, end}`` dict, or None when it is not one."""
    if not isinstance(obj, dict):
        return None
    start, end = obj.get("start"), obj.get("end")
    if type(start) is not int or type(end) is not int:
        return None
    return start, end


def _spans(record: dict[str, Any]) -> Iterator[tuple[str, str, str, Any, str]]:
    """Every span of the record: (field, key, tooltip, raw span, speaker id)."""
    dateline = record.get("dateline")
    if isinstance(dateline, dict):
        yield (
            "dateline",
            "dateline",
            f"Dateline: {as_text(dateline.get('text'))}",
            (dateline.get("span")),
            "",
        )
    for person in as_dicts(record.get("people")):
        key = as_text(person.get("id"))
        label = f"Person {key}: {as_text(person.get('name'))}"
        for mention in as_list(person.get("mentions")):
            yield "person", key, label, mention, ""
    for org in as_dicts(record.get("organizations")):
        key = as_text(org.get("id"))
        label = f"Organisation {key}: {as_text(org.get('name'))}"
        for mention in as_list(org.get("mentions")):
            yield "org", key, label, mention, ""
    for quote in as_dicts(record.get("quotes")):
        key = as_text(quote.get("id"))
        speaker = as_text(quote.get("speaker")) or "no speaker"
        cue = as_text(quote.get("cue"))
        label = f"Quote {key} · speaker: {speaker}" + (f" · {cue}" if cue else "")
        yield "quote", key, label, quote.get("span"), as_text(quote.get("speaker_id"))
    for number, work in enumerate(as_dicts(record.get("works")), 1):
        yield "work", f"w-{number}", "Quoted title (not speech)", work.get("span"), ""
    for country in as_dicts(record.get("countries")):
        iso2 = as_text(country.get("iso2"))
        label = f"Country: {as_text(country.get('name'))} ({iso2})"
        for mention in as_list(country.get("mentions")):
            yield "country", f"c-{iso2}", label, mention, ""
    for number, clist in enumerate(as_dicts(record.get("country_lists")), 1):
        label = "Country list" + (f": {as_text(clist.get('label'))}" if clist.get("label") else "")
        yield "clist", f"cl-{number}", label, clist.get("span"), ""
    for number, url in enumerate(as_dicts(record.get("urls")), 1):
        yield "link", f"u-{number}", f"URL: {as_text(url.get('url'))}", url.get("span"), ""
    for number, email in enumerate(as_dicts(record.get("emails")), 1):
        label = f"E-mail: {as_text(email.get('email'))}"
        yield "link", f"e-{number}", label, email.get("span"), ""
    for number, contact in enumerate(as_dicts(record.get("contacts")), 1):
        label = "Media contact" + (
            f": {as_text(contact.get('name'))}" if contact.get("name") else ""
        )
        yield "contact", f"ct-{number}", label, contact.get("span"), ""


def record_annotations(
    record: dict[str, Any], text_length: int
) -> tuple[list[Annotation], list[SpanProblem]]:
    """The record's mentions as annotations, and the spans that cannot be shown.

    Args:
        record: The ``record`` of a batch line.
        text_length: Length of the text the spans index.

    Returns:
        Annotations in record order, and one problem per span that is malformed, empty or
        reaches outside ``[0, text_length]``.
    """
    annotations: list[Annotation] = []
    problems: list[SpanProblem] = []
    for field, key, label, raw, speaker in _spans(record):
        where = f"{FIELDS[field]} {key}".strip()
        span = span_of(raw)
        if span is None:
            problems.append(SpanProblem(field, key, where, f"malformed span {raw!r}"))
            continue
        start, end = span
        if not 0 <= start < end <= text_length:
            reason = "empty" if start == end else f"outside the text (length {text_length})"
            problems.append(SpanProblem(field, key, where, f"span {start}–{end} is {reason}"))
            continue
        annotations.append(Annotation(start, end, field, key, label, speaker))
    return annotations, problems


def locate_title(text: str, title: str, mentions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a person's job title is written: the occurrence nearest to one of their mentions.

    The record gives a title as written but no span for it, so it is looked for within
    :data:`TITLE_WINDOW` characters of each mention.

    Returns:
        ``(start, end)`` of the nearest occurrence, or None when there is none nearby.
    """
    if not title.strip():
        return None
    best: tuple[int, int, int] | None = None
    for m_start, m_end in mentions:
        low = max(0, m_start - TITLE_WINDOW - len(title))
        high = min(len(text), m_end + TITLE_WINDOW + len(title))
        found = text.find(title, low, high)
        while found != -1:
            end = found + len(title)
            distance = m_start - end if end <= m_start else max(0, found - m_end)
            if best is None or distance < best[0]:
                best = (distance, found, end)
            found = text.find(title, found + 1, high)
    return None if best is None else (best[1], best[2])


def title_annotations(record: dict[str, Any], text: str) -> list[Annotation]:
    """Job titles of the record's people, located next to their mentions in ``text``."""
    found: list[Annotation] = []
    for person in as_dicts(record.get("people")):
        title = as_text(person.get("title"))
        mentions = [
            span
            for span in map(span_of, as_list(person.get("mentions")))
            if span is not None and 0 <= span[0] < span[1] <= len(text)
        ]
        located = locate_title(text, title, mentions)
        if located is not None:
            key = as_text(person.get("id"))
            label = f"Job title of {as_text(person.get('name'))} ({key})"
            found.append(Annotation(located[0], located[1], "title", key, label))
    return found


@dataclass(frozen=True)
class Piece:
    """A properly nested part of an annotation (``continued`` for every part after the first)."""

    annotation: Annotation
    start: int
    end: int
    continued: bool = False


def nest(annotations: list[Annotation]) -> list[Piece]:
    """Cut annotations into pieces that nest: no piece crosses the boundary of another.

    Pieces come out in document order with outer pieces before the pieces they contain. A
    mention that runs past the end of an enclosing one is cut there and continues after it.
    """
    queue: list[tuple[tuple[int, int, int], int, Piece]] = []
    for seq, annotation in enumerate(annotations):
        piece = Piece(annotation, annotation.start, annotation.end)
        heapq.heappush(queue, (_order_piece(piece), seq, piece))
    seq = len(annotations)
    stack: list[Piece] = []
    pieces: list[Piece] = []
    while queue:
        _, _, piece = heapq.heappop(queue)
        while stack and stack[-1].end <= piece.start:
            stack.pop()
        if stack and piece.end > stack[-1].end:
            rest = replace(piece, start=stack[-1].end, continued=True)
            heapq.heappush(queue, (_order_piece(rest), seq, rest))
            seq += 1
            piece = replace(piece, end=stack[-1].end)
        pieces.append(piece)
        stack.append(piece)
    return pieces


def _order_piece(piece: Piece) -> tuple[int, int, int]:
    return piece.start, -piece.end, _RANK.get(piece.annotation.field, len(_RANK))


def _open_tag(piece: Piece, anchors: set[str]) -> str:
    annotation = piece.annotation
    classes = f"f-{annotation.field}" + (" c" if piece.continued else "")
    attrs = [f'class="{classes}"']
    if annotation.key:
        attrs.append(f'data-k="{escape(annotation.key)}"')
    if annotation.speaker:
        attrs.append(f'data-s="{escape(annotation.speaker)}"')
    anchor = f"m-{annotation.field}-{annotation.key}"
    if not piece.continued and anchor not in anchors:
        anchors.add(anchor)
        attrs.append(f'id="{escape(anchor)}"')
    if annotation.label:
        attrs.append(f'title="{escape(annotation.label)}"')
    return f"<mark {' '.join(attrs)}>"


def render_text(text: str, annotations: list[Annotation]) -> Markup:
    """The text as escaped HTML with one ``<mark>`` per nested piece of each annotation.

    Each mark has the class ``f-<field>`` (plus ``c`` on continued pieces), ``data-k`` with
    the entity key, ``data-s`` with a quote's speaker id, a tooltip, and on the first mention
    of each entity an ``id`` of the form ``m-<field>-<key>`` that the record panel links to.
    Annotations outside the text must have been left out (see :func:`record_annotations`).
    """
    parts: list[str] = []
    anchors: set[str] = set()
    stack: list[Piece] = []
    position = 0
    for piece in nest(annotations):
        while stack and stack[-1].end <= piece.start:
            closing = stack.pop()
            parts.append(escape(text[position : closing.end]))
            parts.append("</mark>")
            position = closing.end
        parts.append(escape(text[position : piece.start]))
        parts.append(_open_tag(piece, anchors))
        position = piece.start
        stack.append(piece)
    while stack:
        closing = stack.pop()
        parts.append(escape(text[position : closing.end]))
        parts.append("</mark>")
        position = closing.end
    parts.append(escape(text[position:]))
    return Markup("".join(parts))


def field_counts(annotations: list[Annotation]) -> dict[str, int]:
    """Number of highlighted mentions per field, for the legend (every field present)."""
    counts = dict.fromkeys(FIELDS, 0)
    for annotation in annotations:
        counts[annotation.field] = counts.get(annotation.field, 0) + 1
    return counts


def text_mismatches(record: dict[str, Any], text: str) -> list[str]:
    """Fields whose written form differs from the text at their span.

    Quotes, quoted titles, the dateline, URLs and e-mails carry their text beside their span;
    when these disagree the text is probably not the one the record was extracted from (the
    source file changed since, or the line was edited).
    """
    checks: list[tuple[str, str, Any]] = []
    dateline = record.get("dateline")
    if isinstance(dateline, dict):
        checks.append(("dateline", as_text(dateline.get("text")), dateline.get("span")))
    for quote in as_dicts(record.get("quotes")):
        checks.append(
            (f"quote {as_text(quote.get('id'))}", as_text(quote.get("text")), quote.get("span"))
        )
    for work in as_dicts(record.get("works")):
        checks.append(("quoted title", as_text(work.get("text")), work.get("span")))
    for url in as_dicts(record.get("urls")):
        checks.append(("URL", as_text(url.get("url")), url.get("span")))
    for email in as_dicts(record.get("emails")):
        checks.append(("e-mail", as_text(email.get("email")), email.get("span")))
    problems = []
    for where, written, raw in checks:
        span = span_of(raw)
        if span is None or not written or not 0 <= span[0] < span[1] <= len(text):
            continue
        if " ".join(text[span[0] : span[1]].split()) != " ".join(written.split()):
            problems.append(
                f"{where}: the record has {written[:60]!r}, the text has "
                f"{text[span[0] : span[1]][:60]!r}"
            )
    return problems
