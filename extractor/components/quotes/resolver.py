"""Who a quote's speaker is: the resolver that maps text to people and organisations, and
the dependency-based helpers the attribution strategies share.

Every helper that reads the dependency parse checks that the Doc has one first: on a blank or
fast pipeline (no parser) they degrade to what the words alone say, never reading token heads
or children that were not set.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractor import attrs, resources
from extractor.text.names import person_shaped

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


def cue_token(
    token: Token, extra: frozenset[str] = frozenset(), tagged: bool | None = None
) -> bool:
    """A reporting verb ("said", "stressed"); without a tagger, by its word alone.

    Args:
        token: The token.
        extra: More verbs (the component's ``extra_reporting_verbs``), as lemmas and forms.
        tagged: Whether the document has tags, when the caller knows (spaCy answers by
            reading the document's tokens until one is tagged: every token when none is).
    """
    if tagged is None:
        tagged = token.doc.has_annotation("TAG")
    if not tagged:
        return token.lower_ in resources.reporting_verb_forms() or token.lower_ in extra
    lemma = token.lemma_.lower()
    return (
        token.pos_ in ("VERB", "AUX")
        and (lemma in resources.reporting_verbs() or lemma in extra or token.lower_ in extra)
        and (lemma != "be")
    )


class Resolver:
    """Maps tokens to people and organisations and resolves pronouns."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        spans: list[attrs.QuoteSpanValue],
        extra_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.text = text
        self.extra_verbs = extra_verbs
        self.tagged = doc.has_annotation("TAG")  # asked once: spaCy reads the tokens to answer
        self.has_deps = doc.has_annotation("DEP")
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
            self.quoted.update(range(span["start"], span["end"]))
        self.genders = {i: p.get("gender") for i, p in enumerate(self.people)}

    def is_cue(self, token: Token) -> bool:
        """:func:`cue_token` with this document's extra verbs and tagging."""
        return cue_token(token, self.extra_verbs, self.tagged)

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


def subject(cue: Token) -> Token | None:
    """The speaker token of a cue verb: its subject (a word, never a stray "." the parser
    labelled nsubj), a relative clause's antecedent, or a proper-noun object."""
    for child in cue.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not (child.is_punct or child.is_space):
            if child.lower_ in ("who", "that") and cue.dep_ == "relcl":
                return cue.head  # "Stevie Wonder, who joked, ..." -> the antecedent
            return child
    for child in cue.children:
        if child.dep_ in ("dobj", "attr") and child.i > cue.i and child.pos_ == "PROPN":
            return child
    if cue.dep_ in ("conj", "advcl", "xcomp", "ccomp") and cue.head is not cue:
        return subject(cue.head) if cue_token(cue.head) else None
    return None


def speaker_from_cue(
    cue: Token,
    resolver: Resolver,
    previous: Attribution | None,
    window: tuple[int, int],
    *,
    after: bool = False,
) -> Attribution | None:
    found_subject = subject(cue) if resolver.has_deps else None
    found = None
    if found_subject is not None:
        found = resolver.for_token(found_subject, previous)
        written = (
            resolver.by_written_name(proper_name(found_subject))
            if found is None and found_subject.pos_ == "PROPN" and found_subject.text[:1].isupper()
            else None
        )
        if written is not None and written.ref is None and written.speaker:
            for word in reversed(written.speaker.split()[:-1]):  # "Carper Statement": Carper
                known = resolver.by_written_name(word)
                if known is not None and known.ref is not None and known.ref["kind"] == "person":
                    written = known
                    break
        own_name = written is not None and (
            (written.ref is not None and written.ref["kind"] == "person")
            or (written.ref is None and person_shaped(_without_parentheses(written.speaker)))
        )
        if own_name:
            found = written  # "said Giordano (Gio) Albertazzi, Vertiv CEO": not "Vertiv"
        if found is None:  # "Viet Nam's Deputy Minister ..., Mr. Tran Quoc Hung, said"
            subtree = list(found_subject.subtree)
            people = [t for t in subtree if t.idx in resolver.person_at]
            for token in people:
                found = resolver.for_token(token, previous)
                if found is not None:
                    break
        if found is None:
            for token in found_subject.subtree:
                found = resolver.for_token(token, previous)
                if found is not None:
                    break
        if found is None and found_subject.text[:1].isupper():
            found = resolver.by_written_name(proper_name(found_subject))
            if found is not None and found.ref is None and found_subject.pos_ != "PROPN":
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


class Sentences:
    """Sentence bounds of a Doc: the parser's, or (without one) the stretches between
    sentence-final punctuation and line breaks, computed once per document."""

    _END = re.compile(r"(?<=[.!?])\s+|\n")

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.parsed = doc.has_annotation("SENT_START")
        self.starts: list[int] = (
            [] if self.parsed else [0] + [m.end() for m in self._END.finditer(text)]
        )
        self.text_length = len(text)

    def of(self, token: Token) -> Span:
        """The sentence holding ``token``."""
        if self.parsed:
            return token.sent
        index = bisect_right(self.starts, token.idx) - 1
        begin = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else self.text_length
        span = self.doc.char_span(begin, max(end, begin + 1), alignment_mode="expand")
        return span if span is not None else self.doc[token.i : token.i + 1]


def outermost_first(cues: list[Token], parsed: bool) -> list[Token]:
    """Cue verbs before a quote, nearest first, except that a cue governing the nearest one
    comes before it: in ``X said Y called Z “…”`` the quote is reported by X (``parsed``:
    whether the document has a dependency parse)."""
    ordered = sorted(cues, key=lambda t: -t.i)
    if not ordered or not parsed:
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


def _without_parentheses(name: str | None) -> str:
    return re.sub(r"\s*\([^)]*\)", "", name or "")


def proper_name(token: Token) -> str:
    """The proper-noun phrase ending at ``token`` ("Jon Tester", "Politifact"), a nickname in
    parentheses left out ("Giordano (Gio) Albertazzi" -> "Giordano Albertazzi")."""
    doc = token.doc
    first = index = token.i
    while index > 0 and token.i - index < 6:
        word = doc[index - 1]
        if word.pos_ == "PROPN":
            first = index = index - 1
        elif word.text == ")" and index >= 3 and doc[index - 3].text == "(":
            index -= 3  # "(Gio)"
        else:
            break
    return _without_parentheses(doc[first : token.i + 1].text)
