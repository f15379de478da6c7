"""Quote marks: pairing them into quotations and telling speech from quoted titles.

``pr_context`` pairs the marks once per document (``doc._.pr_context["quote_spans"]``);
the quotes component tells speech from titles with :func:`is_quoted_title` and
:func:`is_scare_quote`. Pure functions over text; no spaCy, no state.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "”", "‘": "’", '"': '"', "'": "'"}
DOUBLE_OPEN = frozenset("“«„")
DOUBLE_CLOSE = frozenset("”»")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
        "via",
        "per",
        "nor",
        "de",
        "la",
    ]
)
_WORK_CUES = re.compile(
    r"\b(?:entitled|titled|called|named|dubbed|known as|themed(?:\s+around)?|the (?:report|"
    r"publication|book|film|project|programme|program|initiative|campaign|column|hearing|"
    r"study|conference|event|theme|slogan|motto|song|series|exhibition|act|bill|plan|strategy))"
    r"\s*,?\s*$",
    re.IGNORECASE,
)
_TITLE_CUES = re.compile(
    r"\b(?:entitled|titled|themed(?:\s+around)?|(?:talk|lecture|keynote|presentation|panel|"
    r"session|webinar|workshop|seminar|symposium|exhibit|exhibition|podcast|episode|article|"
    r"paper|essay|album|award|category|motto|slogan|theme|campaign|"
    r"initiative|programme|program|project|series)(?:\s+(?:on|about|of|called|titled|"
    r"entitled|named))?)\s*,?\s*$",
    re.IGNORECASE,
)
_MENTION_CUES = re.compile(
    r"\b(?:the\s+)?(?:hashtag|term|phrase|expression|label)s?\s*,?\s*$",
    re.IGNORECASE,
)
_TAG_WORD = re.compile(r"^[#@]\w|^[a-z]{2,}[A-Z]|[A-Z][a-z]{3,}[A-Z][a-z]")
"""A hashtag or handle, or words run together the way tags write them ("GivingThanks",
"ThisIs"); "McDonald", "YouTube" and "iPhone"-style names have too few letters before the
capital, or none, to count."""


@dataclass(frozen=True)
class QuoteSpan:
    """The inside of a pair of quote marks (marks excluded)."""

    start: int
    end: int
    open_at: int
    close_at: int | None


def _is_space_or_start(text: str, index: int) -> bool:
    return (
        index < 0
        or index >= len(text)
        or text[index].isspace()
        or text[index] in "([{—–-/:;"
        or text[index] in OPENERS
    )


def _is_boundary_after(text: str, index: int) -> bool:
    return index >= len(text) or text[index].isspace() or text[index] in ".,;:!?)]}—–-…"


def _is_apostrophe(text: str, index: int) -> bool:
    """’ or ' between letters (don’t, Korea’s), after a digit (the 90’s) or before a decade."""
    prev = text[index - 1] if index > 0 else " "
    nxt = text[index + 1] if index + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    if nxt.isdigit() and (prev.isspace() or prev == "("):  # ’90s
        return True
    return prev in "sS" and not nxt.isalnum() and index > 1 and text[index - 2].isalpha()


def _paragraph_breaks(text: str) -> list[int]:
    """Offsets where a paragraph ends: a blank line, or a newline before an indented line."""
    return [m.start() for m in re.finditer(r"\n(?=[ \t]*\n|[ \t]+\S|[ \t]*[“«\"])", text)]


def _line_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n", text)]


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quote marks into quotations.

    Args:
        text: The document text.

    Returns:
        Quote spans in text order; inner offsets exclude the marks and outer whitespace.
    """
    use_single = not any(c in text for c in '“”«»"')
    breaks = _paragraph_breaks(text)
    newlines = _line_ends(text)
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_mark = ""

    cuts = breaks if breaks else newlines  # sorted offsets

    def first_break_after(position: int, limit: int) -> int | None:
        index = bisect_right(cuts, position)
        return cuts[index] if index < len(cuts) and cuts[index] < limit else None

    def emit(start: int, end: int, close_at: int | None) -> None:
        inner = text[start:end]
        left = len(inner) - len(inner.lstrip())
        right = len(inner.rstrip())
        if right > left:
            spans.append(QuoteSpan(start + left, start + right, start - 1, close_at))

    for index, char in enumerate(text):
        if char not in "“”«»„\"'‘’":
            continue
        single = char in "'‘’"
        closing_plural = (  # ‘We thank our partners’, Roe said.
            open_at is not None
            and open_mark in "‘'"
            and char in "’'"
            and index + 1 < len(text)
            and text[index + 1] in ",.;:!?\n"
        )
        if single and (not use_single or (_is_apostrophe(text, index) and not closing_plural)):
            continue
        if open_at is None:
            opens = char in "“«„‘" or (
                char in "\"'"
                and _is_space_or_start(text, index - 1)
                and not _is_space_or_start(text, index + 1)
            )
            if opens:
                open_at, open_mark = index, char
            continue
        closes = (
            char in DOUBLE_CLOSE
            or (char == "’" and open_mark == "‘")
            or (char in "\"'" and char == open_mark)
        )
        reopens = (
            char in DOUBLE_OPEN
            or char == "‘"
            or (
                char in "\"'"
                and _is_space_or_start(text, index - 1)
                and not _is_boundary_after(text, index + 1)
            )
        )
        crossing = first_break_after(open_at, index)
        if closes and not (reopens and crossing is not None):
            emit(open_at + 1, index, index)
            open_at = None
        elif reopens and crossing is not None:
            emit(open_at + 1, crossing, None)
            open_at, open_mark = index, char
    if open_at is not None:
        crossing = first_break_after(open_at, len(text))
        emit(open_at + 1, crossing if crossing is not None else len(text), None)
    return spans


def is_quoted_title(inner: str, before: str) -> bool:
    """True for quoted titles of publications, projects, acts, events or columns.

    Args:
        inner: The words inside the marks.
        before: Text just before the opening mark (same line).
    """
    words = re.findall(r"[A-Za-z][\w’'\-]*", inner)
    if not words:
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[:1].isupper())
    title_case = bool(content) and capitalised / len(content) >= 0.75 and len(words) >= 2
    personal = re.search(r"\b(?:I|we|We|my|our|you)\b", inner) is not None
    if title_case and len(words) <= 25 and (not personal or len(words) <= 8):
        return True
    if _TITLE_CUES.search(before) and len(words) <= 25 and not personal:
        return True  # a talk "Why we sleep and what happens when we do not", the word "woke"
    return bool(_WORK_CUES.search(before)) and (title_case or len(words) <= 6)


def quoted_title_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quoted titles in ``text`` (names inside them are not entities)."""
    return [
        (q.start, q.end)
        for q in find_quote_spans(text)
        if is_quoted_title(text[q.start : q.end], "")
    ]


def is_scare_quote(inner: str) -> bool:
    """A few words in marks that do not form a sentence (“woke”, “world capital of X”).

    Such a span is speech only when the sentence attributes it to someone.
    """
    words = re.findall(r"[A-Za-z][\w’'\-]*", inner)
    return len(words) <= 4 and not inner.rstrip().endswith((".", "!", "?", ","))


def is_mentioned_word(inner: str, before: str = "") -> bool:
    """Words mentioned rather than spoken: hashtags, handles and tag words in marks
    (“#GivingThanks Challenge”, “ThisIs ( ).”), or words after "the term", "the phrase",
    "the hashtag" (up to 12 words).

    Such a span is speech only when the sentence attributes it to someone.

    Args:
        inner: The words inside the marks.
        before: Text just before the opening mark (same line).
    """
    words = re.findall(r"[#@]?[A-Za-z][\w’'\-]*", inner)
    if 0 < len(words) <= 12 and _MENTION_CUES.search(before):
        return True
    return 0 < len(words) <= 5 and any(_TAG_WORD.search(word) for word in words)
