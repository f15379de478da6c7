"""Country names in running text, with the context checks that keep false matches out.

Shared by the components that need to know where countries are written (countries, people).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor import resources

_FOOD_AFTER = re.compile(
    r"^\s+(?:dinner|sandwich|breast|meat|day|farm|farmers|producers|industry|hunt)"
)
_CAUCASUS_HINTS = ("Armenia", "Azerbaijan", "Tbilisi", "Caucasus", "Georgian")

_PERSON_NAMED = frozenset({"jordan", "chad", "georgia"})


@dataclass(frozen=True)
class CountryMention:
    iso2: str
    start: int
    end: int


@cache
def _alias_pattern() -> re.Pattern[str]:
    keys = sorted(resources.country_aliases(), key=len, reverse=True)
    alternatives = "|".join(re.escape(k) for k in keys)
    return re.compile(
        rf"(?<![\w.])(?:the\s+)?(?P<name>{alternatives})(?![\w’']|\.\w)", re.IGNORECASE
    )


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
    if previous and f"{previous.group(1)} {name}" in resources.us_states():
        return False  # New Mexico, New Jersey
    if key in _PERSON_NAMED and re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
        return False  # Jordan Ellis, Chad Novotny
    return not (key == "georgia" and not any(h in text for h in _CAUCASUS_HINTS))


def find_country_mentions(text: str, excluded: list[tuple[int, int]]) -> list[CountryMention]:
    """Country names in ``text`` outside the ``excluded`` ranges (e.g. people's names).

    Args:
        text: The document text.
        excluded: Character ranges where a match is not a country (person names).

    Returns:
        Mentions in text order.
    """
    normalised = text.replace("’", "'")
    aliases = resources.country_aliases()
    mentions = []
    for match in _alias_pattern().finditer(normalised):
        start, end = match.span("name")
        name = text[start:end]
        key = resources.normalise_country_key(name)
        code = aliases.get(key)
        if code is None or not accept_country(text, name, start, end, key):
            continue
        if any(s <= start < e for s, e in excluded):
            continue
        mentions.append(CountryMention(code, start, end))
    return mentions
