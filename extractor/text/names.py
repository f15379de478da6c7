"""Name shapes shared by the components that tell people from organisations (people,
organisations, contacts): pure functions over strings and parsed Docs, no state."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extractor import resources

_WORDS = resources.org_words()
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*$")
COMPANY_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Ltd\.?|Limited|LLC|LLP|L\.?P\.|plc|PLC|Corp\.?|Corporation|Co\.|GmbH"
    r"|S\.A\.|S\.p\.A\.|AG|N\.V\.|B\.V\.|SE|SAS|a\.s\.|(?:Pte|Pty|Sdn\.? Bhd)\.?(?: Ltd\.?)?)$"
)
"""A company's legal-form suffix ("Inc.", "Ltd", "Pte Ltd", "GmbH"): a closed class."""


_LISTING = re.compile(r"(?:^|[;,]\s*)[A-Z][A-Za-z ]{1,30}?\s*:\s*[A-Z][A-Z0-9.\-]{0,9}\b")


def ticker_symbols(text: str) -> list[tuple[int, int]]:
    """Spans of ticker tags, ``(NASDAQ: BWTR)`` / ``(LSE: ASHP; TSX: AP)``: a listing
    reference, so neither the exchange nor the symbol is an organisation of the release."""
    spans = []
    for paren in re.finditer(r"\(([^()\n]{3,80})\)", text):
        if _LISTING.match(paren.group(1)):
            spans.append(paren.span())
    return spans


def title_like(tokens: list[str]) -> bool:
    """Do the first words (before "of"/"at"/"for") hold a job-title word?"""
    for word in (t.lower() for t in tokens[:6]):
        if word in ("of", "at", "for"):
            break
        if (
            word in resources.title_words()
            or word.rstrip(".") + "." in resources.title_abbreviations()
        ):
            return True
    return False


def person_shaped(name: str) -> bool:
    """Two to four capitalised name words with no organisation, title or place word in them
    ("Eleanor Marsh", "Lydia Kamau-Frost"; not "Harlow Ridge Analytics", "Pacific Northwest")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return False
    lowered = {w.lower() for w in words}
    if words[0] in ("The", "A", "An") or lowered & _WORDS.portfolio_words:
        return False  # "The New Light", "Homeland Security"
    if lowered & (
        _WORDS.org_words
        | _WORDS.place_heads
        | _WORDS.address_heads
        | _WORDS.event_heads
        | _WORDS.work_heads
    ):
        return False
    if lowered & _WORDS.non_org_heads:
        return False
    if set(words) & _WORDS.company_heads:
        return False  # "Cascade Hearth Foods"
    if lowered & (resources.title_words() | resources.region_words()):
        return False
    if any(w in resources.demonyms() for w in lowered) or name in resources.us_states():
        return False
    if any(w in resources.us_states() for w in words):
        return False  # "New Jersey", "Texas"
    key = name.lower()
    return not (
        key in resources.city_countries()
        or resources.normalise_country_key(name) in resources.country_aliases()
    )


_PARTY_TAG = re.compile(r"(?:\(\s*|,\s*)[DRI]\s?-\s?(?:[A-Z]|\d)")


def named_person(doc: Doc, name: str, start: int, end: int) -> bool:
    """``name`` (tokens ``start:end``) is a person's whatever the model's label: shaped like
    a name and introduced as one by its context."""
    return person_shaped(name) and introduces_person(doc, start, end)


def company_name(name: str) -> bool:
    """Ends in a company word or suffix: "Cascade Hearth Foods", "Pinecrest Kitchens LLC"."""
    return name.split()[-1] in _WORDS.company_heads or bool(COMPANY_SUFFIX.search(name))


def introduces_person(doc: Doc, start: int, end: int) -> bool:
    """Context that makes tokens ``start:end`` a person's name whatever the model's label:
    a party-state tag after it (``X (D-DE)``), a job title in apposition (``X, Chief Financial
    Officer``, ``X, the university’s chief economist``), a rank or party right before
    (``Commissioner X``, ``Republican X``)."""
    if end < len(doc) and _PARTY_TAG.match(doc[end : end + 5].text):
        return True  # "Rush Holt (D-12th Dist.)", "Tom Carper, D-Del.": only politicians
    if end < len(doc) and doc[end].text == ",":
        following = doc[end + 1 : end + 8]
        stop = next(
            (i for i, t in enumerate(following) if t.is_quote or t.pos_ in ("VERB", "AUX")),
            len(following),
        )  # not '"X," said Senator Y': a quote's end and its attribution
        words = [t.lower_ for t in following[:stop]]
        skip = 1 if words[:1] and words[0] in ("a", "an", "the", "its", "our", "their") else 0
        if len(words) > skip + 1 and words[skip + 1] in ("’s", "'s"):
            skip += 2  # "the university’s chief economist"
        for word in words[skip : skip + 4]:
            if word in ("of", "at", "for", "with", ",", "and", "(") or word in (
                _WORDS.roles_orgs_have_too
            ):
                break
            if word in resources.title_words():
                return True
    if start > 0:
        before = doc[start - 1]
        word = before.lower_
        rank = word[:-1] if word.endswith("s") and word[:-1] in resources.title_words() else word
        if before.text[:1].isupper() and (
            word in _WORDS.party_words or (rank in resources.title_words() and rank != "general")
        ):
            return True  # "Commissioner X", "Republican X", "Representatives X, Y"
    return False
