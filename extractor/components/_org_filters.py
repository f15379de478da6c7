"""Checks that keep non-organisations out: regions, events, places, job titles, people the
model labelled ORG, tickers, bills, common nouns (package-private; pure functions)."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span

from extractor import resources
from extractor.components._org_patterns import (
    service_district,
)
from extractor.components._org_words import (
    ADDRESS_HEADS,
    ADDRESS_WORDS,
    COMPANY_HEADS,
    EVENT_HEADS,
    GENERIC_ORG_WORDS,
    GENERIC_PHRASE_WORDS,
    HONORIFIC_WORDS,
    NON_ORG_HEADS,
    ORG_WORDS,
    PLACE_HEADS,
    PORTFOLIO_HOLDERS,
    PORTFOLIO_WORDS,
    WORK_HEADS,
)
from extractor.text.names import (  # noqa: F401
    company_name,
    introduces_person,
    named_person,
    person_shaped,
    ticker_symbols,
)


def head_word(name: str) -> str:
    return name.split()[-1].lower().strip(".,") if name.split() else ""


def is_not_organisation(name: str) -> bool:
    """True for names that are never organisations on their own (regions, "AI", events...)."""
    key = name.lower()
    if key in resources.non_org_words() or key in resources.region_words():
        return True
    if resources.normalise_country_key(name) in resources.country_aliases():
        return True
    if name in resources.us_states():
        return True  # "KS", "Massachusetts" tagged ORG
    if key in resources.demonyms():
        return True
    if " " not in name and key.replace("’", "'") in resources.city_countries():
        return True  # "Wrocław", "N’Djamena" tagged ORG
    head = head_word(name)
    if head in NON_ORG_HEADS and not name.startswith("United Nations"):
        return True
    if " " not in name and key in GENERIC_ORG_WORDS:
        return True
    if all(w in GENERIC_PHRASE_WORDS | GENERIC_ORG_WORDS for w in key.split()):
        return True  # "Media Relations", "Media"
    if head in ADDRESS_HEADS or {w.lower() for w in name.split()} & ADDRESS_WORDS:
        return True  # "Hart Senate Office Building", "UN Headquarters", "Room 306 Fargo"
    compass = re.match(r"^(?:North|South|East|West|Central|Mid)(?:\w*)[ -](.+)$", name)
    if compass and (
        compass.group(1) in resources.us_states()
        or resources.normalise_country_key(compass.group(1)) in resources.country_aliases()
        or compass.group(1) in ("America", "Europe", "Asia", "Africa")
    ):
        return True  # "Northwest Louisiana", "Mid-America"
    words = {w.lower() for w in name.split() if w[:1].isupper()}
    if len(name.split()) > 1 and service_district(name.split()[-2], name.split()[-1]):
        return False
    if head in PLACE_HEADS or words & (EVENT_HEADS | WORK_HEADS):
        return not looks_like_org(name)
    named = [w.lower() for w in name.split() if w.lower() not in ("of", "the", "for", "and")]
    return all(w in resources.title_words() for w in named)  # "Director General"


def looks_like_org(name: str) -> bool:
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & (ORG_WORDS - {"congress"})) and head_word(name) not in WORK_HEADS


def domain_of_a_title(doc: Doc, ent: Span, name: str) -> bool:
    """``Minister of [Natural Resources]``: a portfolio, not an organisation — an ORG entity
    right after "Minister/Secretary/Commissioner of/for (the)" or "committee on" with no
    organisation word."""
    before = [t for t in doc[max(0, ent.start - 12) : ent.start] if t.lower_ != "the"]
    while len(before) > 2 and before[-1].lower_ in ("and", ",", "&"):
        # "Minister of Energy and [Natural Resources]", "subcommittee on X, Y, and [Z]"
        while len(before) > 2 and before[-1].lower_ in ("and", ",", "&"):
            before = before[:-1]
        while (
            len(before) > 2
            and before[-1].text[:1].isupper()
            and before[-1].lower_ not in PORTFOLIO_HOLDERS
        ):
            before = before[:-1]
    if len(before) < 2 or before[-1].lower_ not in ("of", "for", "on"):
        return False
    if before[-2].lower_ not in PORTFOLIO_HOLDERS:
        return False
    words = {w.lower().strip(".,") for w in name.split()}
    return not (words & ORG_WORDS) and name not in resources.known_org_acronyms()


def inside_title(doc: Doc, ent: Span) -> bool:
    """An ORG wedged in a job title: ``Director of [X] at the Y``, ``Chairman of [the X] of Y``."""
    before = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]]
    if "of" not in before[-2:]:
        return False
    title_index = ent.start - 2 if before[-1:] == ["of"] else ent.start - 3
    if title_index < 0 or doc[title_index].lower_ not in resources.title_words():
        return False
    after = doc[ent.end : ent.end + 3]
    preps = {"of", "at", "for", "with", "in"}
    if ent[-1].lower_ in preps:
        return (len(after) > 0 and after[0].text[:1].isupper()) or (
            len(after) > 1 and after[0].lower_ == "the" and after[1].text[:1].isupper()
        )
    return (
        len(after) > 1
        and after[0].lower_ in preps
        and (after[1].text[:1].isupper() or after[1].lower_ == "the")
    )


def governs(text: str, start: int) -> bool:
    """A country named inside an organisation's name ("Government of the Republic of Korea")."""
    return bool(re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 10) : start]))


def names_a_person(name: str, person_words: set[str]) -> bool:
    """An ORG entity that is a person: introduced by an honorific, made only of words the
    model also uses in PERSON entities ("Eleanor Marsh" tagged both ways), or a person's
    surname in capitals ("NELSON")."""
    words = name.split()
    if words[0].rstrip(".").lower() in HONORIFIC_WORDS:
        return True
    if len(words) == 1 and name.isupper() and name.title() in person_words:
        return True
    if set(w.lower().strip(".,") for w in words) & ORG_WORDS or name.isupper():
        return False
    return all(w in person_words for w in words)


_BILL = re.compile(r"^(?:H\.?\s?R\.?|S\.|H\.\s?Res\.?|S\.\s?Res\.?)\s?\d+$")


def not_a_name(ent: Span) -> bool:
    """Entities that cannot be an organisation's name: a bill number ("H.R. 517"), a phrase
    with a finite verb ("Helps Fend Off", "Will Receive"), a lone plural noun ("Students")."""
    if _BILL.match(ent.text):
        return True
    if any(t.tag_ in ("MD", "VBZ", "VBD") for t in ent):
        return True
    return len(ent) == 1 and ent[0].tag_ == "NNS" and not ent.text.isupper()


def is_rank_word(word: str) -> bool:
    """ "Senator", "Sen.", "Mr." before a name."""
    return (
        word.lower().rstrip(".") in resources.title_words()
        or word in resources.title_abbreviations()
        or word.rstrip(".").lower() in HONORIFIC_WORDS
    )


def title_modifier(doc: Doc, ent: Span) -> bool:
    """A single capitalised word in front of a job title is its portfolio, not an
    organisation: "[Defense] Secretary", "[Ranking] Member" (an acronym there is one: "UNDP
    Administrator")."""
    if len(ent) != 1 or ent.end >= len(doc):
        return False
    if ent.text.lower() not in PORTFOLIO_WORDS | {"ranking"}:
        return False  # "UNDP Administrator", "Boeing CEO" name organisations
    following = doc[ent.end]
    return following.text[:1].isupper() and following.lower_ in resources.title_words()


def _entity_ending_at(doc: Doc, end: int) -> Span | None:
    """The entity whose last token is ``end - 1``, read from the token attributes."""
    last = end - 1
    if last < 0 or not doc[last].ent_type_:
        return None
    first = last
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return Span(doc, first, end, label=doc[last].ent_type_)


def place_by_context(doc: Doc, ent: Span) -> bool:
    """An ORG written as a place: ``in [Franklin], Southampton County``, ``in [Kings Point],
    New York``, ``[Stoddard] counties``, ``342 [Dirksen Senate Office] Building``."""
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if following in ADDRESS_HEADS or following in ("county", "counties", "parish"):
        return True
    words = {w.lower() for w in ent.text.split()}
    if len(words) > 2 or words & ORG_WORDS or set(ent.text.split()) & COMPANY_HEADS:
        return False
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of":
        previous = _entity_ending_at(doc, ent.start - 1)
        if previous is not None and (previous.label_ == "PERSON" or person_shaped(previous.text)):
            return True  # a hometown: "Daniel Cannard of [Hampton]"
    if ent.start == 0 or doc[ent.start - 1].lower_ not in ("in", "near", "outside"):
        return False
    after = doc[ent.end : ent.end + 4]
    if len(after) < 2 or after[0].text != ",":
        return False
    following = " ".join(t.text for t in after[1:3])
    place = following.split()[0] if following else ""
    return (
        place in resources.us_states()
        or following in resources.us_states()
        or resources.normalise_country_key(place) in resources.country_aliases()
        or bool(re.match(r"^[A-Z]\w+ (?:County|Parish|Borough)$", following))
    )


_PROSE_END = re.compile(r"[,;:!?)]|\.$")


def prose_words(text: str) -> set[str]:
    """Every string written as a word of prose: after whitespace, and before whitespace,
    ``,;:!?)`` or a full stop that ends the text or is followed by whitespace (so "ashcombe"
    of "www.ashcombe.com" is not one). One pass over the text's whitespace-separated chunks.
    """
    words: set[str] = set()
    for chunk in re.finditer(r"(?<=\s)\S+", text):
        word = chunk.group()
        if chunk.end() < len(text):  # followed by whitespace
            words.add(word)
        words.update(word[: mark.start()] for mark in _PROSE_END.finditer(word))
    return words


def common_noun(doc: Doc, ent: Span, prose: Callable[[], AbstractSet[str]]) -> bool:
    """A one-word ORG that only starts a sentence ("Utilities have had ...") and is written in
    lower case elsewhere in the document.

    Args:
        doc: The document.
        ent: The ORG entity.
        prose: Gives the document's :func:`prose_words` (asked only for such an entity).
    """
    if len(ent) != 1 or not ent.text[1:].islower():
        return False
    opening = ent.start > 0 and doc[ent.start - 1].is_quote and doc[ent.start - 1].is_sent_start
    if not (ent[0].is_sent_start or opening):
        return False
    return ent.text.lower() in prose()
