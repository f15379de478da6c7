"""Job titles and affiliations: the ROLE entities the model found next to a name and, where it
found none, the title phrase written before the name or in apposition after it; the
organisation (or country) each title belongs to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from extractor import attrs, resources
from extractor.components.people.names import (
    COMPANY_WORDS,
    CONNECTORS,
    MODIFIERS,
    NICKNAMED,
    ORG_WORDS,
    PLURAL_RANKS,
    PURE_HONORIFICS,
    Mention,
    PersonHit,
    clean_name,
    honorific_form,
    is_rank,
    singular,
)
from extractor.text.intervals import Ranges
from extractor.text.names import title_like
from extractor.text.phrases import find_phrases

_DASHES = frozenset({"-", "--", "---", "–", "—"})


_APPOSITIVE_END = frozenset(
    {"“", "”", '"', "«", "»", ",", ";", ".", ")", ":", "—", "–", "(", "!", "?"}
)


@dataclass(frozen=True, order=True)
class OrgSpan:
    start: int
    end: int
    index: int


UNLISTED = -1
"""``OrgSpan.index`` of an organisation the model tagged that is not in the record's list."""

_NO_RANGES = Ranges(())


class OrgSpans(list[OrgSpan]):
    """The organisation spans of a document (a list, in text order) with lookups by start
    and by end offset built once, so checks made per mention do not scan every span."""

    @cached_property
    def by_start(self) -> dict[int, list[OrgSpan]]:
        found: dict[int, list[OrgSpan]] = {}
        for span in self:
            found.setdefault(span.start, []).append(span)
        return found

    @cached_property
    def by_end(self) -> dict[int, list[OrgSpan]]:
        found: dict[int, list[OrgSpan]] = {}
        for span in self:
            found.setdefault(span.end, []).append(span)
        return found

    @cached_property
    def _starts(self) -> list[int]:
        return [span.start for span in self]

    @cached_property
    def _reach(self) -> list[int]:
        return list(accumulate((span.end for span in self), max))

    def first_holding(self, position: int) -> OrgSpan | None:
        """The first span in text order that holds ``position`` (``start <= position < end``)."""
        index = bisect_right(self._reach, position)  # the first span ending after position
        if index < len(self) and self[index].start <= position:
            return self[index]
        return None

    def within(self, start: int, end: int) -> list[OrgSpan]:
        """The spans that lie inside ``[start, end)``, in text order."""
        low = bisect_left(self._starts, start)
        high = bisect_left(self._starts, end)
        return [span for span in self[low:high] if span.end <= end]


def org_spans(doc: Doc, text: str, ents: tuple[Span, ...] = ()) -> OrgSpans:
    """Every place an organisation is written: its mentions and each occurrence of its names,
    and the model's other ORG entities (index :data:`UNLISTED`), which can still be a
    person's affiliation as written."""
    spans: set[OrgSpan] = set()
    forms: dict[str, int] = {}
    for index, org in enumerate(doc._.get(attrs.ORGANISATIONS)):
        spans.update(OrgSpan(start, end, index) for start, end in org["mentions"])
        for form in {org["name"], *(org["aliases"] or []), org["acronym"]} - {None}:
            forms.setdefault(form, index)
    spans.update(OrgSpan(start, end, forms[form]) for start, end, form in find_phrases(text, forms))
    listed = Ranges((o.start, o.end) for o in spans)
    spans.update(
        OrgSpan(e.start_char, e.end_char, UNLISTED)
        for e in ents
        if e.label_ == "ORG"
        and not listed.covers(e.start_char)
        and not any(True for _ in listed.starting_in(e.start_char, e.end_char))
    )
    return OrgSpans(sorted(spans, key=lambda s: (s.start, -s.end)))


def split_title(
    text: str,
    start: int,
    end: int,
    orgs: OrgSpans,
    countries: Ranges = _NO_RANGES,
) -> tuple[str | None, str | None, int | None]:
    """Split a title phrase into (title, affiliation as written, organisation index).

    The affiliation is the first organisation mention in the phrase, or else the first
    country; the title is what precedes it, without the linking preposition.
    """
    inside = orgs.within(start, end)
    inside = [
        o
        for o in inside
        if not any(p is not o and p.start <= o.start and o.end <= p.end for p in inside)
    ]
    inside_countries = countries.within(start, end)
    if inside and (not inside_countries or inside[0].start <= inside_countries[0][0]):
        target: tuple[int, int] = (inside[0].start, inside[0].end)
        index: int | None = inside[0].index
    elif inside_countries:  # the first affiliation written wins, organisation or country
        target, index = inside_countries[0], None
    else:
        return _split_on_preposition(text[start:end])
    affiliation = re.sub(r"^the\s+", "", text[target[0] : target[1]])
    before = text[start : target[0]]
    after = text[target[1] : end]
    before = re.sub(r"(?:\s*\b(?:of|at|for|with|from|in|to)\b)?(?:\s+the)?\s*$", "", before)
    after = re.sub(r"^\s*\([^)]*\)", "", after).strip()
    if _SENTENCE_END.fullmatch(after):
        after = ""  # the sentence's full stop after the affiliation: "at MobileX."
    if after and not _CONTINUATION.match(after):
        title = _tidy_title(f"{before} {after}")
    else:
        title = _tidy_title(before)
    return title, affiliation, index


_SENTENCE_END = re.compile(r"[.!?;:,\s]*")
_CONTINUATION = re.compile(r"(?:(?:[Oo]f|[Aa]t|[Ff]or|[Ii]n|[Oo]n|[Tt]o|[Aa]nd)\b|,)")
"""What follows an affiliation without belonging to the title: a preposition or conjunction,
lower-case or capitalised ("At that time" after a sentence the model did not end; not
"AT&T"), or a comma."""


_AFFILIATION = re.compile(
    r"\s(?P<prep>at|for|with|of)\s+(?:the\s+)?(?P<org>[A-Z][\w’'&.\-]*(?:\s+(?:(?:of|for|and|&|the)\s+)*"
    r"[A-Z][\w’'&.\-]*)*)"
)


_PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Commissioner)$", re.I)


def _split_on_preposition(phrase: str) -> tuple[str | None, str | None, int | None]:
    """``spokesperson for Cascade Foods`` -> title and an affiliation the model missed."""
    for match in _AFFILIATION.finditer(phrase):
        org = match.group("org").rstrip(",;:")
        if org.endswith(".") and not re.search(r"\b(?:Inc|Ltd|Corp|Co)\.$", org):
            org = org.rstrip(".")  # the sentence's full stop, not the one of "Inc."
        last = org.split()[-1].rstrip(".").lower()
        if match.group("prep") == "of" and last not in COMPANY_WORDS and last not in _ORG_HEADS:
            continue  # "Director of Communications" is a title, "CEO of Acme Metals" is not
        if match.group("prep") == "for" and _PORTFOLIO.search(phrase[: match.start()]):
            continue  # "Minister for Industrial Strategy": a portfolio, not an affiliation
        return _tidy_title(phrase[: match.start()]), org, None
    return _tidy_title(phrase), None, None


_ORG_HEADS = ORG_WORDS  # one list of organisation words for people and organisations


def _tidy_title(title: str) -> str | None:
    title = re.sub(r"\s+", " ", title).strip(" ,;:-–—")
    title = re.sub(r"\s+\.", ".", title)
    if title in PLURAL_RANKS:
        return PLURAL_RANKS[title]
    if title in resources.title_abbreviations():  # "Sen." -> "Senator"
        return singular(resources.title_abbreviations()[title])
    title = re.sub(
        r"^(?:a|an|the|who is|who serves as|who (?:heads|leads|chairs|runs|directs))(?:\s+|$)",
        "",
        title,
        flags=re.I,
    )
    title = re.sub(r"^(?:[a-z]+)?['’]s\s+", "", title)  # "the airline's chief executive"
    title = re.sub(r"\s+and\s+(?:the|a|an)\s.*$", "", title)
    title = re.sub(r"\s+(?:in|from)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*$", "", title)
    title = re.sub(r"\s*\([^)]*\)\s*", " ", title).strip()
    return title or None


_LEADS = frozenset({"heads", "leads", "chairs", "runs", "directs"})


_WHO_VERBS = frozenset({"heads", "leads", "chairs", "is", "serves"})


def _appositive(doc: Doc, end_token: int) -> tuple[int, int] | None:
    """Character range of ``, TITLE [of ORG] ,`` right after a name, if it reads as a title."""
    if end_token >= len(doc) or doc[end_token].text != ",":
        return None
    tokens = []
    depth = 0
    for token in doc[end_token + 1 : end_token + 30]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            if depth < 0:
                break
        elif (
            (depth == 0 and (token.text in _APPOSITIVE_END or "\n" in token.text))
            or (depth == 0 and token.lower_ in ("which", "that", "where"))
            or (
                depth == 0
                and token.lower_ == "who"
                and (token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in _WHO_VERBS)
            )
            or (
                depth == 0
                and token.pos_ in ("VERB", "AUX")
                and token.tag_ not in ("VBN", "VBG")
                and token.lower_ not in _WHO_VERBS
            )
        ):
            break
        tokens.append(token)
    leads = len(tokens) > 2 and tokens[0].lower_ == "who" and tokens[1].lower_ in _LEADS
    if not tokens or not (leads or title_like([t.text for t in tokens])):
        return None  # "X, who heads the Y Council," names the organisation without a title
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _word_before(doc: Doc, start_token: int) -> tuple[str | None, int]:
    """The honorific-like word before ``start_token``, mending what the tokenizer split
    ("Hon" + "." -> "Hon."; "His Excellency" is one word).

    Returns:
        The word and the index of its first token.
    """
    index = start_token - 1
    if index < 0:
        return None, start_token
    word, first = doc[index].text, index
    if word == "." and index > 0 and not doc[index - 1].whitespace_:
        word, first = doc[index - 1].text + ".", index - 1
    if first > 0 and doc[first - 1].lower_ in ("his", "her") and word == "Excellency":
        word, first = f"{doc[first - 1].text} {word}", first - 1
    return word, first


def _pre_title(doc: Doc, start_token: int, orgs: OrgSpans) -> tuple[str | None, int, int] | None:
    """Honorific and title phrase written before a name: ``UNDP Administrator [H.E.] Name``."""
    index = start_token - 1
    honorific = None
    word, first = _word_before(doc, start_token)
    if word is not None and honorific_form(word) and not is_rank(word):
        honorific = honorific_form(word)
        index = first - 1
        if index >= 0 and doc[index].lower_ == "the" and word in ("Honourable", "Honorable"):
            index -= 1  # "Minister of X, the Honourable Name"
    fronted = index >= 0 and doc[index].text == ","
    if fronted:  # "The Minister for Industrial Strategy, Rachel Penhaligon, said"
        index -= 1
    end = index
    while index >= 0:
        token = doc[index]
        text = token.text.lstrip("-–—") or token.text  # "-Commissioner X" after a quote
        if text == "." and index > 0 and is_rank(doc[index - 1].text + "."):
            index -= 1
            continue
        if text == ")" and not (
            index >= 2 and doc[index - 2].text == "(" and doc[index - 1].text.isupper()
        ):
            break
        if "\n" in text or text in _DASHES or (token.is_punct and text not in ("(", ")", "&")):
            break
        lower = text.lower()
        if not (
            text[:1].isupper()
            or lower in CONNECTORS
            or lower in MODIFIERS
            or lower in resources.title_words()
            or text in "()&"
            or (text in ("’s", "'s") and doc[index - 1].text[:1].isupper())  # "Lao People’s"
        ):
            break
        if token.ent_type_ == "PERSON":  # another person's name ends the title phrase
            if fronted:
                return (honorific, -1, -1) if honorific else None  # "Senator Smith, Jane Doe"
            break  # "Sen. Mark Holloway and Rep. [Dana Whitfield]"
        index -= 1
        if text != token.text:
            break
    scan_start = index + 1
    begin = scan_start
    while begin <= end and not _title_start(doc[begin], orgs.by_start):
        begin += 1
    if begin > end:
        return (honorific, -1, -1) if honorific else None
    while begin > scan_start and _qualifies_title(doc[begin - 1]):
        begin -= 1  # "[District] Attorney", "[Fire] Chief": the words that say which office
    words = [t.text.lstrip("-–—") for t in doc[begin : end + 1]]
    if not any(
        is_rank(w) or w in PLURAL_RANKS or w.lower() in resources.title_words() for w in words
    ):
        return (honorific, -1, -1) if honorific else None
    return honorific, doc[begin].idx, doc[end].idx + len(doc[end].text)


def _qualifies_title(token: Token) -> bool:
    """A capitalised word right before a title that is part of it ("District" of "District
    Attorney"): not an entity (a place or an organisation is an affiliation) nor a function
    word (a title-case headline: "Sentenced By")."""
    return (
        token.text[:1].isupper()
        and token.is_alpha
        and not token.ent_type_
        and token.lower_ not in STOP_WORDS
    )


def _title_start(token: Token, org_starts: Container[int]) -> bool:
    """Can a title phrase begin at this token? (a title word, a modifier, an organisation)."""
    text = token.text.lstrip("-–—") or token.text
    if resources.normalise_country_key(text) in resources.country_aliases():
        return False
    if text.lower() in resources.demonyms():
        return False
    return (
        is_rank(text)
        or text in PLURAL_RANKS  # "Senators A, B and C"
        or text.lower() in resources.title_words()
        or text.lower() in MODIFIERS
        or token.idx in org_starts
        or (text.isupper() and text.isalpha() and len(text) >= 2)
    )


def _possessor(
    text: str, title_start: int, orgs: OrgSpans, countries: Ranges
) -> tuple[str | None, int | None]:
    """Whose a fronted title is: ``Viet Nam's Deputy Minister``, ``Its president``."""
    head = text[max(0, title_start - 12) : title_start]
    match = re.search(r"(?:(?<=\w)['’]s|\b(?P<its>[Ii]ts|[Tt]heir))\s+$", head)
    if match is None:
        return None, None
    at = title_start - len(head) + match.start()
    if match.group("its"):
        earlier = [o for o in orgs if o.end <= at]
        if not earlier:
            return None, None
        latest = max(earlier, key=lambda o: o.start)
        return text[latest.start : latest.end], latest.index
    for org in orgs.by_end.get(at, ()):
        return text[org.start : org.end], org.index
    for begin, end in countries.ending_at(at):
        return text[begin:end], None
    return None, None


_COMPANY_DESCRIPTIONS = frozenset({"company", "firm", "airline", "carrier", "business", "group"})


_DESCRIPTIONS = _COMPANY_DESCRIPTIONS | _ORG_HEADS | {"union", "agency", "government"}


def _described_org(
    noun: str, before: int, text: str, orgs: OrgSpans
) -> tuple[str | None, int | None]:
    """The organisation a definite description names: "the alliance" -> the last organisation
    before it with "Alliance" in its name; "the company" -> the most mentioned one."""
    earlier = [o for o in orgs if o.end <= before]
    stem = noun[:5]
    named = [o for o in earlier if text[o.start : o.end].split()[-1].lower().startswith(stem)]
    named = named or [
        o for o in earlier if any(w.lower().startswith(stem) for w in text[o.start : o.end].split())
    ]
    if named:
        latest = max(named, key=lambda o: o.start)
        return text[latest.start : latest.end], latest.index
    if noun in _COMPANY_DESCRIPTIONS and earlier:
        counts: dict[int, int] = {}
        for org in orgs:
            counts[org.index] = counts.get(org.index, 0) + 1
        top = max(counts, key=lambda i: (counts[i], -i))
        first = min((o for o in orgs if o.index == top), key=lambda o: o.start)
        return text[first.start : first.end], top
    return None, None


_RANK_HONORIFICS = frozenset({"Amb.", "Gen.", "Prof.", "Dr.", "Adm.", "Col.", "Lt.", "Capt."})


_RANK_SHORT = {
    "Ambassador": "Amb.",
    "General": "Gen.",
    "Professor": "Prof.",
    "Doctor": "Dr.",
    "Admiral": "Adm.",
    "Colonel": "Col.",
    "Lieutenant": "Lt.",
    "Captain": "Capt.",
}  # a rank written out by _tidy_title, back to the honorific it also is


def _is_bare_rank(title: str | None, rank: str | None) -> bool:
    """A title that is only a rank written before the name ("Amb.", "Sen.")."""
    if title is None:
        return False
    if rank and title == singular(resources.title_abbreviations().get(rank, rank)):
        return True
    if " " in title:
        return False
    # "Gen." written out: a military, diplomatic or academic rank gives way to the appositive
    # job; a legislator keeps "Senator" (the gold convention for members of Congress)
    return title in resources.title_abbreviations() or title in _RANK_SHORT


def _org_after_preposition(
    doc: Doc, text: str, end_token: int, orgs: OrgSpans
) -> tuple[str | None, int | None]:
    """``Name at the Tatnall School`` / ``Name of ACME``: the organisation right after."""
    if end_token + 1 >= len(doc) or doc[end_token].lower_ not in ("at", "of", "from", "in"):
        return None, None
    position = doc[end_token + 1].idx
    if doc[end_token + 1].lower_ == "the" and end_token + 2 < len(doc):
        position = doc[end_token + 2].idx
    for org in orgs.by_start.get(position, ()):
        return text[org.start : org.end], org.index
    return None, None


def government_posts(people: list[PersonHit], orgs: list[dict[str, object]]) -> None:
    """A minister with no affiliation written serves the one government the release names
    ("The Minister of Natural Resources ... the Government of Canada will join ...")."""
    governments = [i for i, o in enumerate(orgs) if str(o["name"]).startswith("Government of")]
    if len(governments) != 1:
        return
    index = governments[0]
    for person in people:
        if person.organization is None and person.title and "minister" in person.title.lower():
            person.organization, person.org_index = str(orgs[index]["name"]), index


@dataclass(frozen=True)
class EntityIndex:
    """The document's entities by first and end token, and whether the model tags ROLE."""

    by_start: dict[int, Span]
    by_end: dict[int, Span]
    has_roles: bool

    @classmethod
    def of(cls, doc: Doc, ents: tuple[Span, ...]) -> EntityIndex:
        labels = doc.vocab.strings
        has_roles = "ROLE" in labels and any(e.label_ == "ROLE" for e in ents)
        return cls({e.start: e for e in ents}, {e.end: e for e in ents}, has_roles)


def _org_index_at(orgs: OrgSpans, start: int | None) -> int | None:
    if start is None:
        return None
    holding = orgs.first_holding(start)
    return holding.index if holding is not None and holding.index != UNLISTED else None


def mention_with_role(
    doc: Doc,
    text: str,
    span: Span,
    orgs: OrgSpans,
    countries: Ranges,
    entities: EntityIndex | None = None,
) -> Mention | None:
    """One mention of a person: the cleaned name, its honorific, and the title and affiliation
    written around it (from the model's ROLE entities, else from the title phrase rules)."""
    nickname = NICKNAMED.search(span.text)
    written = span.text
    if nickname:  # the nickname in quotes is not part of the name
        written = written[: nickname.end("given")] + " " + written[nickname.start("family") :]
    word, _ = _word_before(doc, span.start)
    introduced = word is not None and (honorific_form(word) is not None or is_rank(word))
    cleaned = clean_name(written, introduced=introduced)
    if cleaned is None:
        return None
    name, offset, honorific, rank = cleaned
    start = span.start_char + offset
    end = span.start_char + nickname.end("family") if nickname else start + len(name)
    title = organization = None
    org_index = None
    name_span = doc.char_span(start, start + len(name), alignment_mode="expand")
    reading = None
    if entities is not None and name_span is not None:
        # "Name (Title, Organisation)": the last part of the parenthesis names the employer
        # even where the model tagged no ORG there, and the title is all before it
        reading = parenthesised_role(doc, name_span, entities.by_start)
        if reading is None and entities.has_roles:
            word, first = _word_before(doc, name_span.start)
            between = (
                name_span.start - first
                if word is not None and honorific_form(word) in PURE_HONORIFICS
                else 0
            )
            reading = role_from_entities(
                doc, name_span, entities.by_start, entities.by_end, between
            )
    before = _pre_title(doc, name_span.start if name_span is not None else span.start, orgs)
    if before is not None:
        honorific = honorific or before[0]
        if before[1] >= 0:
            title, organization, org_index = split_title(
                text, before[1], before[2], orgs, countries
            )
    if rank is None and title is None:
        word, _ = _word_before(doc, name_span.start if name_span is not None else span.start)
        rank = word if word is not None and is_rank(word) and word.endswith(".") else None
    if rank and title is None:
        title = singular(resources.title_abbreviations().get(rank, rank))
    if organization is None:  # "Chief X of the Kinagami First Nation"
        organization, org_index = _org_after_preposition(doc, text, span.end, orgs)
    after = _appositive(doc, span.end)
    if after is not None and (title is None or organization is None):
        a_title, a_org, a_index = split_title(text, after[0], after[1], orgs, countries)
        if title is None or (a_org and a_title and title.lower() in a_title.lower()):
            title, organization, org_index = a_title, a_org, a_index
        elif a_title and _is_bare_rank(title, rank):
            short = _RANK_SHORT.get(title, title)
            honorific = honorific or (short if short in _RANK_HONORIFICS else None)
            title, organization, org_index = a_title, a_org, a_index  # "Amb. X, Permanent ..."
    if organization is None and before is not None and before[1] >= 0:
        organization, org_index = _possessor(text, before[1], orgs, countries)
    if organization is None and after is not None:
        owner = re.match(r"(?:the|its)\s+([a-z]+)['’]s\s", text[after[0] : after[1]])
        if owner:  # "X, the university’s chief economist"
            organization, org_index = _described_org(owner.group(1), start, text, orgs)
    if organization is None and title:
        described = re.search(r"\s+(?:at|for|with|of|in)\s+the\s+([a-z]+)$", title)
        if described:  # "an organizer with the alliance"
            organization, org_index = _described_org(described.group(1), start, text, orgs)
            if organization is not None or described.group(1) in _DESCRIPTIONS:
                title = title[: described.start()]  # "organizer with the union": no name given
    if reading is not None:
        title, organization, org_index = _merge_readings(
            text, reading, (title, organization, org_index), orgs, countries
        )
    if org_index == UNLISTED:
        org_index = None
    return Mention(name, start, end, honorific, title, organization, org_index)


_TRAILING_LINK = re.compile(r"(?:,|\s(?:of|at|for|with|in))\s+(?:the\s+)?$")


def _split_role(
    text: str, reading: RoleReading, orgs: OrgSpans, countries: Ranges
) -> tuple[str, str | None, int | None]:
    """A ROLE the model ran into its employer ("Vice Minister of MOIS"): an organisation or
    country that ends the ROLE after "of/at/for/with" or a comma is the affiliation."""
    start, end = reading.title_start, reading.title_start + len(reading.title)
    ending = orgs.by_end.get(end, ())
    places: list[tuple[int, int, int | None]] = [(o.start, o.end, o.index) for o in ending]
    places += [(s, e, None) for s, e in countries.ending_at(end)]
    for place_start, place_end, index in sorted(places, key=lambda p: (p[0], p[1])):
        if not (start < place_start and place_end == end):
            continue
        link = _TRAILING_LINK.search(text, start, place_start)
        if link is None or link.end() != place_start:
            continue
        title = text[start : link.start()].strip(" ,")
        if title:
            return title, text[place_start:place_end], index
    return reading.title, None, None


_DANGLING = re.compile(r"(?:\s+(?:of|at|for|with|in|and|&|the)|[\s,;:(\-–—])+$", re.IGNORECASE)


def _normalise_role(title: str) -> str:
    """A ROLE as a title: a rank abbreviation or plural written out ("Sen." -> "Senator",
    "Reps." -> "Representative"), no dangling preposition or punctuation at its end."""
    title = _DANGLING.sub("", " ".join(title.split()))
    if title in PLURAL_RANKS:
        return PLURAL_RANKS[title]
    if title in resources.title_abbreviations():
        return singular(resources.title_abbreviations()[title])
    return title


def _merge_readings(
    text: str,
    reading: RoleReading,
    phrase: tuple[str | None, str | None, int | None],
    orgs: OrgSpans,
    countries: Ranges,
) -> tuple[str | None, str | None, int | None]:
    """The title and affiliation from the model's ROLE, completed by the title phrase rules.

    An organisation or country written inside the ROLE ("Vice Minister of MOIS") is split off
    as the affiliation. The phrase rules' reading wins when it names an affiliation the ROLE
    reading lacks, or spells out a longer title that holds the ROLE ("Chairman of the
    Steering Committee" for "Chairman") with an affiliation after it.
    """
    title, organization, org_index = _split_role(text, reading, orgs, countries)
    title = _normalise_role(title)
    if organization is None and reading.organization is not None:
        organization = re.sub(r"^the\s+", "", reading.organization)
        org_index = _org_index_at(orgs, reading.org_start)
    phrase_title, phrase_org, phrase_index = phrase
    longer = (
        phrase_title is not None
        and phrase_org is not None
        and len(phrase_title) > len(title)
        and phrase_title.lower().startswith(title.lower())
    )
    if longer:
        return phrase_title, phrase_org, phrase_index
    if organization is None and phrase_org is not None:
        return title, phrase_org, phrase_index
    return title, organization, org_index


# ----------------------------------------------------------------------------- from entities

_LINKS_AFTER_ROLE = frozenset({"of", "at", "for", "with", ",", "-", "–", "—", "in", "from", "("})
_JOIN_ROLES = frozenset({"and", "&", ","})
_ROLE_MODIFIERS = frozenset({"former", "acting", "interim", "then", "outgoing", "incoming"})


@dataclass(frozen=True)
class RoleReading:
    """A title and affiliation read from the model's ROLE / ORG / GPE entities."""

    title: str
    title_start: int
    organization: str | None
    org_start: int | None


def _entity_starting(doc: Doc, ents_by_start: dict[int, Span], index: int) -> Span | None:
    return ents_by_start.get(index) if 0 <= index < len(doc) else None


def _joined_roles(doc: Doc, ents_by_start: dict[int, Span], role: Span) -> Span:
    """``Chief Executive Officer and Co-Founder``: ROLE entities joined by and/&/, read as one
    title (the second starts right after the joining word)."""
    end = role.end
    while end + 1 < len(doc) and doc[end].lower_ in _JOIN_ROLES:
        following = _entity_starting(doc, ents_by_start, end + 1)
        if following is None or following.label_ != "ROLE":
            break
        end = following.end
    return doc[role.start : end]


def _with_modifier(doc: Doc, role: Span) -> Span:
    """Take in "former" / "acting" written right before a ROLE the model cut it from."""
    if role.start > 0 and doc[role.start - 1].lower_ in _ROLE_MODIFIERS:
        return doc[role.start - 1 : role.end]
    return role


def _affiliation_after(doc: Doc, ents_by_start: dict[int, Span], end: int) -> Span | None:
    """The ORG or GPE written after a title: ``of/at/for/with [the] X``, ``, X``, ``– X``."""
    index = end
    if index < len(doc) and doc[index].lower_ in _LINKS_AFTER_ROLE:
        index += 1
        if index < len(doc) and doc[index].lower_ == "the":
            index += 1
        found = _entity_starting(doc, ents_by_start, index)
        if found is not None and found.label_ in ("ORG", "GPE"):
            return found
    return None


def _affiliation_before(doc: Doc, ents_by_end: dict[int, Span], start: int) -> Span | None:
    """The ORG or GPE written right before a title: ``Vertiv CEO``, ``Singapore’s Minister``."""
    index = start
    if index > 0 and doc[index - 1].text in ("’s", "'s"):
        index -= 1
    found = ents_by_end.get(index)
    return found if found is not None and found.label_ in ("ORG", "GPE") else None


def role_from_entities(
    doc: Doc,
    name: Span,
    ents_by_start: dict[int, Span],
    ents_by_end: dict[int, Span],
    honorific_tokens: int = 0,
) -> RoleReading | None:
    """The title of the person named by ``name`` from the model's ROLE entities.

    A ROLE written right before the name (an honorific between them allowed) or in apposition
    after it (``Name, ROLE``, ``Name (ROLE, ORG)``, ``Name as ROLE``); several ROLEs joined by
    "and" read as one title. The affiliation is the ORG or GPE entity written after the title
    with "of/at/for/with" or a comma, or right before it ("Vertiv CEO").

    Args:
        doc: The parsed document.
        name: The person's name tokens.
        ents_by_start: The document's entities by first token.
        ents_by_end: The document's entities by end token.
        honorific_tokens: Tokens of an honorific written between a title and the name.

    Returns:
        The reading, or ``None`` when no ROLE entity stands next to the name.
    """
    before = _role_before(doc, name, ents_by_start, ents_by_end, honorific_tokens)
    after = _role_after(doc, name, ents_by_start)
    if before is not None and after is not None:
        if _normalise_role(before.title) in _RANK_SHORT:
            return after  # "Gen. John Roe, Chief of Staff of the Army": a rank gives way
        if (
            before.organization is None
            and not is_rank(before.title)  # "Sen. X, chairman of ...": the senator stays
            and after.title[:1].isupper()
            and _normalise_role(before.title) != _normalise_role(after.title)
            and not _names_next(ents_by_start, after)
        ):  # "Assistant District Attorney X, Bureau Chief"
            return RoleReading(
                f"{before.title}, {after.title}",
                before.title_start,
                after.organization,
                after.org_start,
            )
    return before or after


def _names_next(ents_by_start: dict[int, Span], reading: RoleReading) -> bool:
    """Does a person's name follow the ROLE of ``reading``? ("Mayor A, Council President B":
    the second title is B's, not more of A's)."""
    role = next((e for e in ents_by_start.values() if e.start_char == reading.title_start), None)
    if role is None:
        return False
    following = ents_by_start.get(role.end)
    return following is not None and following.label_ == "PERSON"


def _role_before(
    doc: Doc,
    name: Span,
    ents_by_start: dict[int, Span],
    ents_by_end: dict[int, Span],
    honorific_tokens: int,
) -> RoleReading | None:
    role = ents_by_end.get(name.start - honorific_tokens)
    if role is None or role.label_ != "ROLE":
        return None
    before = _affiliation_before(doc, ents_by_end, role.start)
    role = _with_modifier(doc, role)
    return _reading(role, before or _affiliation_after(doc, ents_by_start, role.end))


def _role_after(doc: Doc, name: Span, ents_by_start: dict[int, Span]) -> RoleReading | None:
    index = name.end
    if index >= len(doc) or doc[index].lower_ not in (",", "(", "as", "–", "—", "-"):
        return None
    index += 1
    if index < len(doc) and doc[index].lower_ in ("the", "a", "an", "our", "its"):
        index += 1
    role = _entity_starting(doc, ents_by_start, index)
    if role is None and index < len(doc) and doc[index].lower_ in _ROLE_MODIFIERS:
        role = _entity_starting(doc, ents_by_start, index + 1)
    if role is None or role.label_ != "ROLE":
        return None
    role = _with_modifier(doc, _joined_roles(doc, ents_by_start, role))
    return _reading(role, _affiliation_after(doc, ents_by_start, role.end))


MAX_PARENTHESIS = 40
"""Longest parenthesis after a name (tokens) read as ``(Title, Organisation)``."""


_ABBREVIATION = re.compile(r"[A-Za-z]{1,4}\.")


def _parenthesis(doc: Doc, opening: int) -> tuple[int, list[int]] | None:
    """The token closing the parenthesis opened at ``opening`` and the commas directly inside
    it (not in a nested "(Policy)"), if it closes on the same line within
    :data:`MAX_PARENTHESIS` tokens."""
    depth = 0
    commas = []
    for token in doc[opening : opening + MAX_PARENTHESIS]:
        if "\n" in token.text:
            return None
        depth += token.text == "("
        depth -= token.text == ")"
        if depth == 0:
            return token.i, commas
        if depth == 1 and token.text == ",":
            commas.append(token.i)
    return None


def _org_or_place(ents_by_start: dict[int, Span], span: Span) -> bool:
    """Is ``span`` exactly an ORG or GPE entity?"""
    entity = ents_by_start.get(span.start)
    return entity is not None and entity.end == span.end and entity.label_ in ("ORG", "GPE")


def parenthesised_role(doc: Doc, name: Span, ents_by_start: dict[int, Span]) -> RoleReading | None:
    """``Name (Title, Organisation)`` as board and panel lists write it: the part after the
    last comma is the affiliation when it is one organisation or place entity (or the text
    has no entity there but capitalised words), the part before it the title."""
    if name.end >= len(doc) or doc[name.end].text != "(":
        return None
    found = _parenthesis(doc, name.end)
    if found is None:
        return None
    close, commas = found
    if not commas or commas[-1] + 1 >= close:
        return None
    title = doc[name.end + 1 : commas[-1]]
    org = doc[commas[-1] + 1 : close]
    is_org = _org_or_place(ents_by_start, org)
    capitalised = all(t.text[:1].isupper() or not t.is_alpha for t in org)
    if not (is_org or capitalised) or any(t.text in "()" for t in org):
        return None
    if not any(len(t.text) >= 2 and t.is_alpha for t in title):
        return None  # no word: "(D., Del.)" is a party and a state, not a title and employer
    if _ABBREVIATION.fullmatch(org.text) and not is_org:
        return None  # "(U.S. Army, Ret.)": retired, not an employer
    if len(org) == 1 and org.text.rstrip(".").lower() in COMPANY_WORDS:
        return None  # "(Kestrel Labs, Inc)": a company's legal form, not title and employer
    if doc[commas[-1]].ent_iob_ == "I":
        return None  # one entity across the comma
    if _org_or_place(ents_by_start, title):
        return None  # the part before the comma is an organisation or place, not a title
    return RoleReading(title.text.strip(), title.start_char, org.text, org.start_char)


def _reading(role: Span, org: Span | None) -> RoleReading:
    title = role.text.strip(" ,;:")
    return RoleReading(
        title,
        role.start_char,
        org.text if org is not None else None,
        org.start_char if org is not None else None,
    )
