"""pr_quotes: direct quotations, their reporting verb and their speaker.

Three pure steps:

1. :func:`find_quote_spans` pairs quote marks (curly, straight, guillemets, single quotes)
   without ever confusing apostrophes, and never lets an unbalanced mark swallow the rest of
   the text: an open quote ends at the end of its paragraph when the next paragraph reopens,
   or when nothing closes it.
2. :func:`is_quoted_title` and :func:`is_scare_quote` tell speech from quoted titles and
   scare quotes (a short phrase is speech only when the sentence attributes it).
3. :func:`attribute` finds the cue verb and the speaker: after the quote (``“…,” X said``,
   ``said X``, ``“…” -X``), before it in the same sentence (``X said: “…”``,
   ``He stressed that “…”``), ``according to X``, a line ending in a colon, or the previous
   quote's speaker (adjacency). Pronouns and surnames resolve to people already introduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.text.marks import (
    QuoteSpan,
    find_quote_spans,
    is_quoted_title,
    is_scare_quote,
)

_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_ORG_NOUNS = frozenset(
    [
        "ministry",
        "department",
        "agency",
        "office",
        "organisation",
        "organization",
        "company",
        "firm",
        "government",
        "commission",
        "committee",
        "council",
        "bank",
        "union",
        "association",
        "foundation",
        "group",
        "institute",
        "university",
        "board",
        "authority",
        "administration",
        "secretariat",
        "hub",
        "center",
        "centre",
    ]
)


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, how that was found, and the cue verb."""

    speaker: str | None
    ref: dict[str, object] | None
    cue: str | None
    how: str | None


_COLON_INTRO = re.compile(
    r"(?:[Ff]rom|[Bb]y)\s+(?:the\s+desk\s+of\s+)?(?:[A-Z][a-z]+\.?\s+)??"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s*[,:]"
)
_SAID_AFTER = re.compile(r"\s*(?:said|says|added|asked|told|explained)\b")
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[-—–―]+[ \t\u00a0]*(?:(?:Sen|Rep|Gov|Dr|Mr|Ms|Mrs|Prof)\.[ \t]+)?"
    r"(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-.]*){0,3})"
)


def _cue_token(token: Token) -> bool:
    return (
        token.pos_ in ("VERB", "AUX")
        and token.lemma_.lower() in resources.reporting_verbs()
        and (token.lemma_.lower() != "be")
    )


class _Resolver:
    """Maps tokens to people and organisations and resolves pronouns."""

    def __init__(self, doc: Doc, text: str, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text = text
        self.people = doc._.get(attrs.PEOPLE)
        self.orgs = doc._.get(attrs.ORGANISATIONS)
        self.person_at: dict[int, int] = {}
        for index, person in enumerate(self.people):
            for start, end in person["mentions"]:
                for char in range(start, end):
                    self.person_at[char] = index
        self.org_at: dict[int, int] = {}
        for index, org in enumerate(self.orgs):
            for start, end in org["mentions"]:
                for char in range(start, end):
                    self.org_at[char] = index
        self.quoted: set[int] = set()  # people named inside quotes are not their speakers
        for span in spans:
            self.quoted.update(range(span.start, span.end))
        self.genders = {i: p.get("gender") for i, p in enumerate(self.people)}

    def person(self, index: int, near: int | None = None) -> Attribution:
        """Person ``index`` as a speaker; ``near`` picks the mention that was read, so a bare
        surname ("Roe") is reported as found by surname."""
        person = self.people[index]
        how = "explicit"
        if near is not None and person["mentions"] and " " in person["name"]:
            start, end = min(person["mentions"], key=lambda m: abs(m[0] - near))
            how = "explicit" if " " in self.text[start:end] else "surname"
        return Attribution(person["name"], {"kind": "person", "index": index}, None, how)

    def for_token(self, token: Token, previous: Attribution | None) -> Attribution | None:
        """Resolve a speaker token (name, surname, pronoun or organisation noun)."""
        if token.idx in self.person_at:
            index = self.person_at[token.idx]
            person = self.people[index]
            text = self.text
            whole = any(s <= token.idx < e and " " in text[s:e] for s, e in person["mentions"])
            how = "explicit" if whole or " " not in person["name"] else "surname"
            return Attribution(person["name"], {"kind": "person", "index": index}, None, how)
        if token.lower_ in _PRONOUNS:
            return self.pronoun(token, previous)
        if token.idx in self.org_at:
            index = self.org_at[token.idx]
            return Attribution(
                self.orgs[index]["name"], {"kind": "org", "index": index}, None, "explicit"
            )
        if token.lower_ in _ORG_NOUNS:
            for index, org in enumerate(self.orgs):
                if token.lower_ in org["name"].lower().split():
                    ref = {"kind": "org", "index": index}
                    return Attribution(org["name"], ref, None, "explicit")
        return None

    def pronoun(self, token: Token, previous: Attribution | None) -> Attribution | None:
        gender = _PRONOUNS[token.lower_]
        if previous is not None and previous.ref and previous.ref["kind"] == "person":
            index = int(previous.ref["index"])  # type: ignore[call-overload]
            if self.genders.get(index) in (None, gender):
                self.genders[index] = gender
                return Attribution(previous.speaker, previous.ref, None, "pronoun")
        best = None
        for char in range(token.idx - 1, -1, -1):
            if char in self.quoted:
                continue
            index = self.person_at.get(char)
            if index is not None and self.genders.get(index) in (None, gender):
                best = index
                break
        if best is None:
            return None
        self.genders[best] = gender
        return Attribution(
            self.people[best]["name"], {"kind": "person", "index": best}, None, "pronoun"
        )

    def by_written_name(self, name: str) -> Attribution | None:
        """A speaker named in text the NER missed: link it to a person by surname if possible."""
        name = name.strip(" ,.;:")
        if not name or not name[:1].isupper():
            return None
        last = name.split()[-1].lower()
        for index, person in enumerate(self.people):
            if person["name"].split()[-1].lower() == last:
                how = "explicit" if " " in name else "surname"
                return Attribution(person["name"], {"kind": "person", "index": index}, None, how)
        for index, org in enumerate(self.orgs):
            if name in (org["name"], org["acronym"], *org["aliases"]):
                return Attribution(org["name"], {"kind": "org", "index": index}, None, "explicit")
        return Attribution(name, None, None, "explicit")

    def first_person(self, start: int, end: int) -> int | None:
        for char in range(start, end):
            if char in self.person_at:
                return self.person_at[char]
        return None

    def nearest_person(self, start: int, end: int) -> int | None:
        for char in range(end - 1, start - 1, -1):
            if char in self.person_at:
                return self.person_at[char]
        return None


def _subject(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "that") and cue.dep_ == "relcl":
                return cue.head  # "Stevie Wonder, who joked, ..." -> the antecedent
            return child
    for child in cue.children:
        if child.dep_ in ("dobj", "attr") and child.i > cue.i and child.pos_ == "PROPN":
            return child
    if cue.dep_ in ("conj", "advcl", "xcomp", "ccomp") and cue.head is not cue:
        return _subject(cue.head) if _cue_token(cue.head) else None
    return None


def _speaker_from_cue(
    cue: Token,
    resolver: _Resolver,
    previous: Attribution | None,
    window: tuple[int, int],
    *,
    after: bool = False,
) -> Attribution | None:
    subject = _subject(cue)
    found = None
    if subject is not None:
        found = resolver.for_token(subject, previous)
        if found is None:  # "Viet Nam's Deputy Minister ..., Mr. Tran Quoc Hung, said"
            subtree = list(subject.subtree)
            people = [t for t in subtree if t.idx in resolver.person_at]
            for token in people or subtree:
                found = resolver.for_token(token, previous)
                if found is not None:
                    break
        if found is None and subject.text[:1].isupper():
            found = resolver.by_written_name(_proper_name(subject))
            if found is not None and found.ref is None and subject.pos_ != "PROPN":
                found = None  # a capitalised common noun ("Officials said")
        if found is None:
            return None  # a described speaker ("protesters", "the campaign"): not a name
    else:
        # after a quote the name nearest the quote comes first; before it, the last one
        index = resolver.first_person(*window) if after else resolver.nearest_person(*window)
        if index is not None:
            found = resolver.person(index, window[0] if after else window[1])
    if found is None:
        return None
    return Attribution(found.speaker, found.ref, cue.text, found.how)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _sentence(token: Token) -> Span:
    """The sentence holding ``token``; without sentence boundaries (a blank pipeline), the
    stretch between sentence-final punctuation or line breaks."""
    doc = token.doc
    if doc.has_annotation("SENT_START"):
        return token.sent
    text = doc.text
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, token.idx)]
    begin = starts[-1] if starts else 0
    following = _SENTENCE_END.search(text, token.idx + len(token.text))
    end = following.start() if following else len(text)
    span = doc.char_span(begin, max(end, begin + 1), alignment_mode="expand")
    return span if span is not None else doc[token.i : token.i + 1]


def _outermost_first(cues: list[Token]) -> list[Token]:
    """Cue verbs before a quote, nearest first, except that a cue governing the nearest one
    comes before it: in ``X said Y called Z “…”`` the quote is reported by X."""
    ordered = sorted(cues, key=lambda t: -t.i)
    if not ordered:
        return ordered
    positions = {c.i for c in cues}
    chain: list[Token] = []
    token = ordered[0]
    for _ in range(50):  # heads form a tree; the bound guards against a malformed parse
        if token.head.i == token.i:
            break
        token = token.head
        if token.i in positions:
            chain.append(token)
    governing = chain[::-1]  # outermost first
    taken = {c.i for c in governing}
    return [*governing, *[c for c in ordered if c.i not in taken]]


def _proper_name(token: Token) -> str:
    """The proper-noun phrase headed by ``token`` ("Jon Tester", "Politifact")."""
    parts = [t for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i]
    parts = [t for t in parts if token.i - t.i < 4] or [token]
    return token.doc[parts[0].i : token.i + 1].text


def attribute(
    doc: Doc,
    span: QuoteSpan,
    resolver: _Resolver,
    previous: Attribution | None,
    next_open: int,
    previous_open: int = -1,
) -> Attribution:
    """Find the cue and speaker of one quote (see the module docstring for the patterns).

    ``previous_open`` is where the previous quote opened: a statement introduced in that
    quote's paragraph ("X issued this statement ... Y wrote, “…”") outranks adjacency.
    """
    text = resolver.text
    close = span.close_at if span.close_at is not None else span.end
    line_end = text.find("\n", close)
    line_end = len(text) if line_end < 0 else line_end
    after_end = min(next_open, line_end)
    after = (
        doc.char_span(close + 1, after_end, alignment_mode="expand")
        if close + 1 < after_end
        else None
    )
    if after is not None:
        sentence_cut = next((t.i for t in after if t.text in (".", "!", "?")), after.end)
        tokens = list(doc[after.start : min(sentence_cut, after.start + 30)])
        lead = text[close + 1 : close + 5].lstrip(" \t\u00a0")
        if lead.startswith(("-", "—", "–", "―")) and tokens:
            index = resolver.nearest_person(close, tokens[-1].idx + len(tokens[-1]))
            if index is not None:
                return resolver.person(index, close)
            name = _DASH_NAME.match(text, close + 1)
            if name is not None:
                found = resolver.by_written_name(name.group("name"))
                if found is not None:
                    return found
        for token in tokens:
            if _cue_token(token) and token.tag_ != "VBG":
                named = resolver.first_person(close, token.idx)
                if named is not None:  # “…,” X, a top adviser, said
                    person = resolver.person(named, close)
                    return Attribution(person.speaker, person.ref, token.text, person.how)
                window = (close, tokens[-1].idx + len(tokens[-1]))
                found = _speaker_from_cue(token, resolver, previous, window, after=True)
                if found is not None:
                    return found
    opening = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if opening is not None:
        sentence = _sentence(opening[0])
        before = [
            t
            for t in doc[sentence.start : opening.start]
            if t.idx < span.open_at and not t.is_space
        ]
        if len(before) <= 2 and sentence.start > 0:
            previous_sentence = _sentence(doc[sentence.start - 1])
            if previous_sentence.text.rstrip().endswith(":"):
                before = list(previous_sentence)
        for token in _outermost_first([t for t in before if _cue_token(t)]):
            window = (before[0].idx, token.idx)
            found = _speaker_from_cue(token, resolver, previous, window)
            if found is not None:
                return found
        sentence_text = text[sentence.start_char : sentence.end_char]
        according = re.search(r"\baccording to\s+", sentence_text, re.IGNORECASE)
        if according:
            start = sentence.start_char + according.end()
            token = doc.char_span(start, start + 1, alignment_mode="expand")
            if token is not None:
                found = resolver.for_token(token[0], previous)
                if found is None:
                    index = resolver.nearest_person(start, sentence.end_char)
                    found = resolver.person(index, start) if index is not None else None
                if found is None:
                    name = re.match(
                        r"(?:the\s+)?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]*){0,3})", text[start:]
                    )
                    found = resolver.by_written_name(name.group(1)) if name else None
                if found is None:  # "according to the ministry"
                    for nxt in doc[token.start : token.start + 3]:
                        found = resolver.for_token(nxt, previous)
                        if found is not None:
                            break
                if found is not None:
                    cue = sentence_text[according.start() : according.start() + 12]
                    return Attribution(found.speaker, found.ref, cue, found.how)
        if before and before[-1].text == ":":
            index = resolver.nearest_person(before[0].idx, span.open_at)
            if index is not None:
                return resolver.person(index, span.open_at)
            named = _COLON_INTRO.search(text, before[0].idx, before[-1].idx + 1)
            if named is not None:  # "And from Chairwoman Roe:" on the line before
                found = resolver.by_written_name(named.group("name"))
                if found is not None:
                    return found
    intro = _statement_intro(doc, span.open_at, resolver)
    paragraph_start = text.rfind("\n", 0, max(previous_open, 0)) + 1
    if intro is not None and (previous is None or intro[1] >= paragraph_start):
        return intro[0]
    if previous is not None and previous.speaker is not None:
        return Attribution(previous.speaker, previous.ref, None, "adjacency")
    return Attribution(None, None, None, None)


_STATEMENT = re.compile(
    r"\b(?:issued|released|made|delivered|gave|offered|had)\s+(?:the\s+following|this|these|a|an)"
    r"\s+(?:\w+\s+){0,2}(?:statement|remarks|comments|message)\b",
    re.IGNORECASE,
)


def _statement_intro(doc: Doc, open_at: int, resolver: _Resolver) -> tuple[Attribution, int] | None:
    """``X issued the following statement ...`` followed by the quoted statement.

    Returns:
        The speaker and where the introduction is written, or ``None``.
    """
    start = max(0, open_at - 1200)
    intros = list(_STATEMENT.finditer(resolver.text, start, open_at))
    if not intros:
        return None
    verb = doc.char_span(intros[-1].start(), intros[-1].start() + 1, alignment_mode="expand")
    if verb is None:
        return None
    sentence = _sentence(verb[0])
    found = _speaker_from_cue(verb[0], resolver, None, (sentence.start_char, verb[0].idx))
    if found is None:
        return None
    return Attribution(found.speaker, found.ref, found.cue, "explicit"), intros[-1].start()


def find_quotes(doc: Doc) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Quotes (with speakers) and quoted titles in ``doc``.

    Args:
        doc: A parsed Doc with ``doc._.pr_people`` and ``doc._.pr_organisations``.

    Returns:
        ``(quotes, works)`` as JSON-safe dicts.
    """
    text = doc.text
    spans = find_quote_spans(text)
    resolver = _Resolver(doc, text, spans)
    quotes: list[dict[str, object]] = []
    works: list[dict[str, object]] = []
    previous: Attribution | None = None
    previous_end = previous_open = -1
    unclosed: set[int] = set()
    for position, span in enumerate(spans):
        inner = text[span.start : span.end]
        line_start = text.rfind("\n", 0, span.open_at) + 1
        work = {"text": inner, "start": span.start, "end": span.end}
        close = span.close_at if span.close_at is not None else span.end
        said_after = _SAID_AFTER.match(text, close + 1) is not None
        if is_quoted_title(inner, text[line_start : span.open_at]) and not said_after:
            works.append(work)
            continue
        if previous is not None and _new_people_between(
            resolver, previous_end, span.open_at, previous
        ):
            previous = None
        next_open = spans[position + 1].open_at if position + 1 < len(spans) else len(text)
        found = attribute(doc, span, resolver, previous, next_open, previous_open)
        single_word = len(inner.split()) == 1
        if is_scare_quote(inner) and (single_word or found.cue is None or found.how == "adjacency"):
            works.append(work)
            continue
        quotes.append(
            {
                "text": inner,
                "start": span.start,
                "end": span.end,
                "speaker": found.speaker,
                "speaker_ref": found.ref,
                "cue": found.cue,
                "attribution": found.how,
            }
        )
        previous = found if found.speaker else previous
        if span.close_at is None:
            unclosed.add(span.start)
        previous_end = span.close_at if span.close_at is not None else span.end
        previous_open = span.open_at
    _continue_backwards(quotes, unclosed)
    return quotes, works


def _continue_backwards(quotes: list[dict[str, object]], unclosed: set[int]) -> None:
    """A paragraph of a multi-paragraph quote (no closing mark; the next paragraph reopens)
    takes the speaker of its continuation, whose attribution comes after it."""
    for index in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[index], quotes[index + 1]
        if quote["speaker"] is None and quote["start"] in unclosed and following["speaker"]:
            quote.update(
                speaker=following["speaker"],
                speaker_ref=following["speaker_ref"],
                attribution="adjacency",
            )


def _new_people_between(resolver: _Resolver, start: int, end: int, previous: Attribution) -> bool:
    """True when someone other than the previous speaker is named between two quotes in
    different paragraphs (within a paragraph, the speaker of a split quote carries on)."""
    if end - start > 1500:
        return True
    if "\n" not in resolver.text[max(start, 0) : end]:
        return False
    index = resolver.nearest_person(max(start, 0), end)
    if index is None:
        return False
    same_ref = previous.ref == {"kind": "person", "index": index}
    return not same_ref and resolver.people[index]["name"] != previous.speaker


class QuotesComponent(FieldComponent):
    """Writes ``doc._.pr_quotes`` and ``doc._.pr_works``."""

    def process(self, doc: Doc) -> None:
        quotes, works = find_quotes(doc)
        doc._.set(attrs.QUOTES, quotes)
        doc._.set(attrs.WORKS, works)


@Language.factory(
    "pr_quotes",
    assigns=[f"doc._.{attrs.QUOTES}", f"doc._.{attrs.WORKS}"],
    requires=[f"doc._.{attrs.PEOPLE}", f"doc._.{attrs.ORGANISATIONS}"],
    default_config={},
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """Build the quotes component."""
    return QuotesComponent(name)
