"""Where people are named: the model's PERSON entities, joined and widened where the model cut
a name, and the names introduced by an honorific, a rank or a contact block that it missed."""

from __future__ import annotations

import re
from itertools import groupby, pairwise

import numpy
from spacy.attrs import ENT_TYPE, IDX, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from extractor import attrs, resources
from extractor.components.people.names import (
    COMPANY_WORDS,
    HONORIFIC_NAME,
    NICKNAMED,
    ORG_WORDS,
    PLURAL_RANKS,
    PURE_HONORIFICS,
    Mention,
    honorific_form,
)
from extractor.text.contacts import ContactBlock, name_fields
from extractor.text.intervals import Ranges
from extractor.text.names import named_person, person_shaped
from extractor.text.places import shouted_line


def candidate_spans(
    doc: Doc, text: str, ents: tuple[Span, ...], context: attrs.ContextValue
) -> list[Span]:
    body_start = context["body_start"]
    quoted_titles = context["quoted_titles"]
    spans = [
        _extend_name(doc, ent)
        for ent in _joined_person_ents(doc, ents)
        if ent.start_char >= body_start
        and not any(s <= ent.start_char < e for s, e in quoted_titles)
    ]
    spans += [
        ent
        for ent in ents
        if ent.label_ in ("ORG", "GPE", "LOC", "NORP", "FAC")
        and ent.start_char >= body_start
        and named_person(doc, ent.text, ent.start, ent.end)
    ]  # "Lydia Kamau-Frost, the university’s chief economist" tagged ORG
    spans += [
        tail
        for ent in ents
        if ent.label_ == "ORG" and ent.start_char >= body_start
        if (tail := _name_after_rank(doc, ent)) is not None
    ]  # "[U.S. Representatives Scott Garrett]" tagged ORG as one
    spans += [
        run
        for run in _untagged_name_runs(doc, body_start)
        if named_person(doc, run.text, run.start, run.end)
    ]  # "Bounmy Phommachanh, Director of Statistics" the model left untagged
    for match in NICKNAMED.finditer(text, body_start):
        if not person_shaped(f"{match.group('given')} {match.group('family')}"):
            continue
        if re.search(
            r"\b(?:the|a|an|The|A|An)\s+$", text[max(0, match.start() - 5) : match.start()]
        ):
            continue  # 'the Big "Red" Apple exhibit'
        named = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if named is not None:
            spans = [s for s in spans if s.end <= named.start or named.end <= s.start]
            spans.append(named)
    taken = {i for ent in spans for i in range(ent.start_char, ent.end_char)}
    for match in HONORIFIC_NAME.finditer(text):
        if match.start("name") in taken or match.start() < body_start:
            continue
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        pure = honorific_form(match.group("hon")) in PURE_HONORIFICS or match.group("hon") in (
            "Honourable",
            "Honorable",
        )
        blocked = ("GPE", "NORP", "LOC") if pure else ("ORG", "GPE", "NORP", "LOC")
        if span is None or any(t.ent_type_ in blocked for t in span):
            continue
        if (
            match.group("hon") in ("President", "Secretary", "General", "Minister")
            and len(span) < 2
        ):
            continue
        spans.append(span)
    taken = {i for span in spans for i in range(span.start_char, span.end_char)}
    for block in context["contact_blocks"]:
        for start, end in name_fields(text, ContactBlock(**block)):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and start not in taken:
                spans.append(span)
    inside = set(_nested(spans))  # "Mwangi" the model tagged inside "Honourable [Grace Mwangi]"
    return sorted(
        (s for s in spans if s not in inside and not shouted_line(text, s.start_char)),
        key=lambda s: s.start_char,
    )  # an all-caps line (a headline repeated in the body) gives the model's noise


def _name_after_rank(doc: Doc, ent: Span) -> Span | None:
    """The personal name closing an entity that starts with a rank: "U.S. Representatives
    [Scott Garrett]", "Agriculture Secretary [Mike Johanns]"."""
    ranks = [
        t.i
        for t in ent
        if t.lower_ in resources.title_words()
        or t.text in PLURAL_RANKS
        or t.text in resources.title_abbreviations()
    ]
    if not ranks or not 2 <= ent.end - ranks[-1] - 1 <= 4:
        return None
    tail = doc[ranks[-1] + 1 : ent.end]
    return tail if person_shaped(tail.text) else None


def _untagged_name_runs(doc: Doc, body_start: int) -> list[Span]:
    """Runs of two to four proper nouns outside any entity, each ending its run."""
    if len(doc) == 0:
        return []
    # token attributes as arrays: creating a Token object per token costs more than the rest
    pos, ent_type, idx = doc.to_array([POS, ENT_TYPE, IDX]).T
    inside = (pos == PROPN) & (ent_type == 0) & (idx >= body_start)
    edges = numpy.diff(inside.astype(numpy.int8), prepend=0, append=0)
    starts = numpy.flatnonzero(edges == 1)
    ends = numpy.flatnonzero(edges == -1)
    pairs = zip(starts.tolist(), ends.tolist(), strict=True)
    return [doc[a:b] for a, b in pairs if 2 <= b - a <= 4]


def _joined_person_ents(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """PERSON entities, with two that touch joined ("Fatuma" + "Hassan Abdi")."""
    joined: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        slashes = [t.i for t in ent if t.text == "/"]
        if slashes:  # "Tom Eastwick / Sophie Adeyemi"
            bounds = [ent.start, *slashes, ent.end]
            joined += [
                doc[a + (a != ent.start) : b]
                for a, b in pairwise(bounds)
                if b > a + (a != ent.start)
            ]
            continue
        if joined and joined[-1].end == ent.start and "\n" not in doc[ent.start - 1].whitespace_:
            joined[-1] = doc[joined[-1].start : ent.end]
        else:
            joined.append(ent)
    return joined


def _extend_name(doc: Doc, ent: Span) -> Span:
    """Take in one more capitalised word the model cut off ("Madina Serikovna [Temirbekova]")."""
    if ent.end >= len(doc):
        return ent
    nxt = doc[ent.end]
    word = nxt.text
    if (
        word[:1].isupper()
        and word[1:].islower()
        and not nxt.ent_type_
        and not nxt.is_sent_start
        and nxt.pos_ == "PROPN"
        and word.lower() not in resources.title_words()
        and not ent.text.endswith(("’s", "'s"))
    ):
        return doc[ent.start : ent.end + 1]
    return ent


_SURNAMES_TOO = frozenset(
    {"bank", "board", "chamber", "court", "force", "guard", "league", "trust", "union"}
)
"""Organisation words that are also family names ("Jamie Court", "Tyra Banks" aside)."""

_ORGANISATION_ENDINGS = COMPANY_WORDS | (ORG_WORDS - _SURNAMES_TOO)
"""Last words that make a name an organisation's: no PERSON of the 415 annotated releases
ends with one, and the model's false PERSONs do ("... High School", "... Country Club")."""


def overlaps_org_or_country(mention: Mention, places: Ranges) -> bool:
    """A "person" that is part of an organisation's or a country's name ("Harlow Ridge" in
    "Harlow Ridge Analytics Inc.", "Côte" in "Côte d’Ivoire"); ``places`` holds the
    organisations' and countries' spans."""
    if mention.name.split()[-1].rstrip(".").lower() in _ORGANISATION_ENDINGS:
        return True  # "Tan Kok Quan Partnership", "Austin E. Lathrop High School"
    return places.covers(mention.start)  # "Michael Jordan" stays a person


def _nested(spans: list[Span]) -> list[Span]:
    """The spans that lie inside a longer one of ``spans`` (sorted once, no pairwise scan)."""
    ordered = sorted(spans, key=lambda s: (s.start_char, -s.end_char))
    nested: list[Span] = []
    reach = -1  # the furthest end of a span that starts before the current start
    for _, same_start in groupby(ordered, key=lambda s: s.start_char):
        group = list(same_start)
        longest = group[0].end_char  # same start: sorted longest first
        nested.extend(s for s in group if s.end_char <= reach or s.end_char < longest)
        reach = max(reach, longest)
    return nested
