"""Country names in running text, with the context checks that keep false matches out.

Shared by the components that need to know where countries are written (countries, people).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extractor import resources

_FOOD_AFTER = re.compile(
    r"^\s+(?:dinner|sandwich|breast|meat|day|farm|farmers|producers|products|industry|hunt)"
)
_CAUCASUS_HINTS = ("Armenia", "Azerbaijan", "Tbilisi", "Caucasus", "Georgian")

_PERSON_NAMED = frozenset({"jordan", "chad", "georgia"})


@dataclass(frozen=True)
class CountryMention:
    iso2: str
    start: int
    end: int


def accept_country(text: str, name: str, start: int, end: int, key: str) -> bool:
    """Case and context checks for one alias match."""
    if not name[:1].isupper():
        return False
    if len(key.replace(".", "")) <= 3 and name.replace(".", "").upper() != name.replace(".", ""):
        return False  # "US"/"UK" only in capitals, never "us"
    if key == "america" and re.search(
        r"(?:Latin|South|North|Central|of)\s+$", text[max(0, start - 10) : start]
    ):
        return False
    if key == "turkey" and _FOOD_AFTER.match(text[end : end + 20]):
        return False
    previous = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 20) : start])
    if previous and (
        previous.group(1) == "New" or f"{previous.group(1)} {name}" in resources.us_states()
    ):
        return False  # New Mexico, New Jersey, New Guinea
    if key in ("us", "u.s") and shouted_line(text, start):
        return False  # "JOIN US FOR THE LAUNCH"
    if key in _PERSON_NAMED and re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
        return False  # Jordan Ellis, Chad Novotny
    return not (key == "georgia" and not any(h in text for h in _CAUCASUS_HINTS))


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_WORD = re.compile(r"[\w’'.\-]+")
MAX_WORDS = 6
"""Longest country form looked up, in words ("Lao People's Democratic Republic")."""


def shouted_line(text: str, position: int) -> bool:
    """Is the line around ``position`` written in capitals (a headline)?"""
    begin = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[begin : end if end >= 0 else len(text)]
    if line != line.upper():  # a lower-case letter somewhere (checked in C, lines are long)
        return False
    return sum(c.isalpha() for c in line) > 12


def find_country_mentions(text: str, excluded: list[tuple[int, int]]) -> list[CountryMention]:
    """Country names in ``text`` outside the ``excluded`` ranges (e.g. people's names).

    Each capitalised word starts a lookup of the longest run of up to ``MAX_WORDS`` words
    (separated by single spaces) that is a country form; dictionary lookups keep this linear
    in the length of the text.

    Args:
        text: The document text.
        excluded: Character ranges where a match is not a country (person names).

    Returns:
        Mentions in text order.
    """
    return [m for m in _country_mentions(text) if not any(s <= m.start < e for s, e in excluded)]


@lru_cache(maxsize=4)
def _country_mentions(text: str) -> tuple[CountryMention, ...]:
    """Every country mention of ``text``; cached because three components ask per document."""
    aliases = resources.country_aliases()
    starters = _first_words()
    words = list(_WORD.finditer(text))
    mentions = []
    index = 0
    while index < len(words):
        first = words[index].group().lower().replace("’", "'")
        if not words[index].group()[:1].isupper() or not any(
            form in starters for form in (first, first.rstrip(".-"), _POSSESSIVE.sub("", first))
        ):
            index += 1
            continue
        found = _longest_form(text, words, index, aliases)
        if found is None:
            index += 1
            continue
        start, end, size, code = found
        index += size
        name = text[start:end]
        key = resources.normalise_country_key(name)
        if not accept_country(text, name, start, end, key):
            continue
        mentions.append(CountryMention(code, start, end))
    return tuple(mentions)


@cache
def _first_words() -> frozenset[str]:
    """First words of every country form, to skip the capitalised words that start none."""
    return frozenset(key.split()[0] for key in resources.country_aliases())


def _longest_form(
    text: str, words: list[re.Match[str]], index: int, aliases: dict[str, str]
) -> tuple[int, int, int, str] | None:
    start = words[index].start()
    last = index
    while last + 1 < len(words) and last + 1 - index < MAX_WORDS:
        gap = text[words[last].end() : words[last + 1].start()]
        if gap not in (" ", "\u00a0"):
            break
        last += 1
    for stop in range(last, index - 1, -1):
        end = words[stop].end()
        trimmed = _POSSESSIVE.sub("", text[start:end])
        for candidate_end in dict.fromkeys(
            (end, len(text[start:end].rstrip(".-")) + start, len(trimmed) + start)
        ):
            key = text[start:candidate_end].lower().replace("’", "'").replace("\u00a0", " ")
            code = aliases.get(key)
            if code is not None:
                return start, candidate_end, stop - index + 1, code
    return None
