"""Quote attribution as an ordered chain of small strategies.

Each strategy looks at one quote in its context and either names the speaker (an
:class:`~extractor.components.quotes.resolver.Attribution`) or passes. :func:`attribute`
asks them in the order of :data:`STRATEGIES` and takes the first answer, so each pattern can
be tested alone and the order is written down in one place:

1. :func:`dash_after` — ``“…” -X`` / ``“…” — Sen. X``
2. :func:`cue_after` — ``“…,” X said`` / ``“…,” said X`` / ``“…,” X, a top adviser, said``
3. :func:`cue_before` — ``X said: “…”`` / ``He stressed that “…”`` (or a sentence ending in a
   colon just before the quote)
4. :func:`according_to` — ``according to X``
5. :func:`label_line` — a label before the quote, on its line or the line above:
   ``JANE DOE, CEO, ACME: “…”``, ``RICH GARRITY, CHIEF OFFICER, STRATASYS “…”``,
   ``From Jane Doe:``
6. :func:`colon_line` — a line ending in a colon that names a person (``From Chair Roe:``)
7. :func:`statement_intro` — ``X issued the following statement ...``
8. :func:`between_quotes` — an attribution between the previous quote and this one in the
   same paragraph (``“…” Ogg said. “…”``, ``“…,” she added, “…”``)
9. :func:`adjacency` — the previous quote's speaker
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from extractor import attrs, resources
from extractor.components.quotes.resolver import (
    Attribution,
    Resolver,
    Sentences,
    outermost_first,
    speaker_from_cue,
)

_COLON_INTRO = re.compile(
    r"(?:[Ff]rom|[Bb]y)\s+(?:the\s+desk\s+of\s+)?(?:[A-Z][a-z]+\.?\s+)??"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s*[,:]"
)
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[-—–―]+[ \t\u00a0]*(?:(?:Sen|Rep|Gov|Dr|Mr|Ms|Mrs|Prof)\.[ \t]+)?"
    r"(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-.]*){0,3})"
)
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_ACCORDING_NAME = re.compile(r"(?:the\s+)?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]*){0,3})")
_STATEMENT = re.compile(
    r"\b(?:issued|released|made|delivered|gave|offered|had)\s+(?:the\s+following|this|these|a|an)"
    r"\s+(?:\w+\s+){0,2}(?:statement|remarks|comments|message)\b",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w’'\-]*\.?(?:[ \t]+[A-Z][\w’'\-]*\.?){1,3}"
_FIELD = (
    r"[A-Z0-9][\w’'&.\-]*(?:[ \t]+(?:(?:of|and|the|for|at|de|in|&)[ \t]+)?[A-Z0-9(][\w’'&.()\-]*)*"
)
_LABEL = re.compile(
    rf"^[ \t]*(?:[-*•][ \t]*)?(?:[Ff]rom[ \t]+)?(?P<name>{_NAME})"
    rf"(?:[ \t]*,[ \t]*{_FIELD}){{0,4}}[ \t]*(?:[:—–-][ \t]*)?$"
)
LABEL_LENGTH = 160
"""Longest label line (characters) read as naming the speaker of the quote after it."""
BETWEEN_REACH = 120
"""Longest text between two quotes of one paragraph read as the second one's attribution."""
STATEMENT_REACH = 1200
"""How far before a quote (characters) a statement introduction is looked for."""


@dataclass
class QuoteContext:
    """One quote and what the strategies may read about it.

    Attributes:
        doc: The parsed document.
        text: ``attrs.text_of(doc)``, read once.
        span: The quote's marks and inside offsets.
        resolver: Maps offsets to people and organisations.
        sentences: Sentence bounds of the document.
        previous: The previous quote's attribution (if it had a speaker).
        next_open: Where the next quote opens (the text after this one ends there).
        previous_open: Where the previous quote opened (-1 for the first quote).
        previous_close: Where the previous quote's closing mark is (-1 for none).
    """

    doc: Doc
    text: str
    span: attrs.QuoteSpanValue
    resolver: Resolver
    sentences: Sentences
    previous: Attribution | None
    next_open: int
    previous_open: int = -1
    previous_close: int = -1

    @property
    def close(self) -> int:
        """Where the closing mark is (the inside's end for an unclosed quote)."""
        close = self.span["close_at"]
        return close if close is not None else self.span["end"]

    @cached_property
    def after(self) -> list[Token]:
        """Tokens after the closing mark: to the end of that sentence, line or next quote."""
        line_end = self.text.find("\n", self.close)
        line_end = len(self.text) if line_end < 0 else line_end
        end = min(self.next_open, line_end)
        if self.close + 1 >= end:
            return []
        span = self.doc.char_span(self.close + 1, end, alignment_mode="expand")
        if span is None:
            return []
        cut = next((t.i for t in span if t.text in (".", "!", "?")), span.end)
        return list(self.doc[span.start : min(cut, span.start + 30)])

    @cached_property
    def opening(self) -> Span | None:
        """The token of the opening mark."""
        return self.doc.char_span(
            self.span["open_at"], self.span["open_at"] + 1, alignment_mode="expand"
        )

    @cached_property
    def sentence(self) -> Span | None:
        """The sentence the opening mark is in."""
        return self.sentences.of(self.opening[0]) if self.opening is not None else None

    @cached_property
    def before(self) -> list[Token]:
        """Tokens of the quote's sentence before the opening mark (or of the previous
        sentence when that one ends in a colon and this one starts with the quote)."""
        opening, sentence = self.opening, self.sentence
        if opening is None or sentence is None:
            return []
        tokens = [
            t
            for t in self.doc[sentence.start : opening.start]
            if t.idx < self.span["open_at"] and not t.is_space
        ]
        if len(tokens) <= 2 and sentence.start > 0:
            previous_sentence = self.sentences.of(self.doc[sentence.start - 1])
            if previous_sentence.text.rstrip().endswith(":"):
                tokens = list(previous_sentence)
        return tokens


Strategy = Callable[[QuoteContext], Attribution | None]


def dash_after(q: QuoteContext) -> Attribution | None:
    """``“…” -X``: a dash after the quote, then the speaker's name."""
    tokens = q.after
    lead = q.text[q.close + 1 : q.close + 5].lstrip(" \t\u00a0")
    if not tokens or not lead.startswith(("-", "—", "–", "―")):
        return None
    index = q.resolver.nearest_person(q.close, tokens[-1].idx + len(tokens[-1]))
    if index is not None:
        return q.resolver.person(index, q.close)
    name = _DASH_NAME.match(q.text, q.close + 1)
    return q.resolver.by_written_name(name.group("name")) if name is not None else None


def cue_after(q: QuoteContext) -> Attribution | None:
    """``“…,” X said`` / ``“…,” said X``: a reporting verb after the quote."""
    tokens = q.after
    for token in tokens:
        if not q.resolver.is_cue(token) or token.tag_ == "VBG":
            continue
        named = q.resolver.first_person(q.close, token.idx)
        if named is not None:  # “…,” X, a top adviser, said
            person = q.resolver.person(named, q.close)
            return Attribution(person.speaker, person.ref, token.text, person.how)
        following = q.doc[token.i + 1 : token.i + 3]
        named = (
            q.resolver.first_person(following.start_char, following.end_char)
            if len(following)
            else None
        )
        if named is not None:  # “…,” said X / opined Senator X
            person = q.resolver.person(named, token.idx)
            return Attribution(person.speaker, person.ref, token.text, person.how)
        window = (q.close, tokens[-1].idx + len(tokens[-1]))
        found = speaker_from_cue(token, q.resolver, q.previous, window, after=True)
        if found is not None:
            return found
    return None


def cue_before(q: QuoteContext) -> Attribution | None:
    """``X said: “…”`` / ``He stressed that “…”``: a reporting verb before the quote in its
    sentence; the outermost verb first (``X said Y called Z “…”`` is X's)."""
    before = q.before
    for token in outermost_first([t for t in before if q.resolver.is_cue(t)], q.resolver.has_deps):
        found = speaker_from_cue(token, q.resolver, q.previous, (before[0].idx, token.idx))
        if found is not None:
            return found
    return None


def according_to(q: QuoteContext) -> Attribution | None:
    """``according to X`` in the quote's sentence."""
    sentence = q.sentence
    if sentence is None:
        return None
    sentence_text = q.text[sentence.start_char : sentence.end_char]
    according = _ACCORDING.search(sentence_text)
    if according is None:
        return None
    start = sentence.start_char + according.end()
    token = q.doc.char_span(start, start + 1, alignment_mode="expand")
    if token is None:
        return None
    resolver = q.resolver
    found = resolver.for_token(token[0], q.previous)
    if found is None:
        index = resolver.nearest_person(start, sentence.end_char)
        found = resolver.person(index, start) if index is not None else None
    if found is None:
        name = _ACCORDING_NAME.match(q.text, start)
        found = resolver.by_written_name(name.group(1)) if name else None
    if found is None:  # "according to the ministry"
        for following in q.doc[token.start : token.start + 3]:
            found = resolver.for_token(following, q.previous)
            if found is not None:
                break
    if found is None:
        return None
    cue = sentence_text[according.start() : according.start() + 12]
    return Attribution(found.speaker, found.ref, cue, found.how)


def colon_line(q: QuoteContext) -> Attribution | None:
    """A sentence ending in a colon before the quote, naming a person or ``From X:``."""
    before = q.before
    if not before or before[-1].text != ":":
        return None
    index = q.resolver.nearest_person(before[0].idx, q.span["open_at"])
    if index is not None:
        return q.resolver.person(index, q.span["open_at"])
    named = _COLON_INTRO.search(q.text, before[0].idx, before[-1].idx + 1)
    return q.resolver.by_written_name(named.group("name")) if named is not None else None


def _label_before(q: QuoteContext) -> tuple[int, str] | None:
    """The label-shaped text before the quote: on its own line before the opening mark, or
    the previous non-empty line when the quote starts its line."""
    open_at = q.span["open_at"]
    line_start = q.text.rfind("\n", 0, open_at) + 1
    head = q.text[line_start:open_at]
    if head.strip():
        return line_start, head
    stop = line_start  # back over the blank lines and spaces before the quote's line
    while stop > 0 and q.text[stop - 1].isspace():
        stop -= 1
    if stop <= 0:
        return None
    start = q.text.rfind("\n", 0, stop) + 1
    return start, q.text[start:stop]


def label_line(q: QuoteContext) -> Attribution | None:
    """A label naming the speaker before the quote: ``NAME, TITLE, ORG:`` or ``From NAME:``,
    on the quote's line or the line above. A label has no verb: every word is capitalised
    but for a few joining words, so a sentence before a quote is never read as one."""
    found = _label_before(q)
    if found is None:
        return None
    start, label = found
    if len(label) > LABEL_LENGTH or any(m in label for m in '“”"«»'):
        return None
    match = _LABEL.match(label)
    if match is None:
        return None
    name = match.group("name")
    words = {w.lower().strip(".,") for w in name.split()}
    if words & resources.title_words():
        return None  # "CHIEF EXECUTIVE OFFICER:" names no one
    index = q.resolver.first_person(start + match.start("name"), start + match.end("name"))
    if index is not None:
        return q.resolver.person(index, start)
    return q.resolver.by_written_name(name)


def between_quotes(q: QuoteContext) -> Attribution | None:
    """``“…” Ogg said. “…”``: a short attribution between the previous quote and this one, in
    the same paragraph and with no other quotation between them, names this one's speaker
    when the previous quote has none (when it has one, :func:`adjacency` carries it on)."""
    if q.previous_close < 0 or (q.previous is not None and q.previous.speaker is not None):
        return None  # a named previous speaker carries on through adjacency
    between = q.text[q.previous_close + 1 : q.span["open_at"]]
    if not between.strip() or len(between) > BETWEEN_REACH or "\n" in between:
        return None
    if any(mark in between for mark in '“”"«»'):
        return None  # another quotation or a title stands between them
    span = q.doc.char_span(q.previous_close + 1, q.span["open_at"], alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if not q.resolver.is_cue(token) or token.tag_ == "VBG":
            continue
        window = (span.start_char, span.end_char)
        found = speaker_from_cue(token, q.resolver, q.previous, window, after=True)
        if found is not None:
            return found
    return None


def statement_intro(q: QuoteContext) -> Attribution | None:
    """``X issued the following statement ...`` before the quote. It outranks adjacency
    only when written after the previous quote's paragraph began."""
    intros = list(
        _STATEMENT.finditer(q.text, max(0, q.span["open_at"] - STATEMENT_REACH), q.span["open_at"])
    )
    if not intros:
        return None
    paragraph_start = q.text.rfind("\n", 0, max(q.previous_open, 0)) + 1
    if q.previous is not None and intros[-1].start() < paragraph_start:
        return None
    verb = q.doc.char_span(intros[-1].start(), intros[-1].start() + 1, alignment_mode="expand")
    if verb is None:
        return None
    sentence = q.sentences.of(verb[0])
    found = speaker_from_cue(verb[0], q.resolver, None, (sentence.start_char, verb[0].idx))
    if found is None:
        return None
    return Attribution(found.speaker, found.ref, found.cue, "explicit")


def adjacency(q: QuoteContext) -> Attribution | None:
    """The previous quote's speaker carries on."""
    if q.previous is None or q.previous.speaker is None:
        return None
    return Attribution(q.previous.speaker, q.previous.ref, None, "adjacency")


STRATEGIES: tuple[Strategy, ...] = (
    dash_after,
    cue_after,
    cue_before,
    according_to,
    label_line,
    colon_line,
    statement_intro,
    between_quotes,
    adjacency,
)
"""The strategies in the order they are asked."""

NO_SPEAKER = Attribution(None, None, None, None)


def attribute(q: QuoteContext, strategies: tuple[Strategy, ...] = STRATEGIES) -> Attribution:
    """The first strategy's answer, or no speaker."""
    for strategy in strategies:
        found = strategy(q)
        if found is not None:
            return found
    return NO_SPEAKER
