"""Country names in running text, with the context checks that keep false matches out.

``pr_context`` finds them once per document (``doc._.pr_context["country_mentions"]``); the
countries component and the name-finding components read them from there.

A form that is not always a country (``ambiguous`` in ``country_aliases.json``: Jordan,
Chad, Georgia, Turkey, ...) is decided by its context, not by lists of texts it once
appeared in: the model's entity label where there is a model (a PERSON is not a country), a
following capitalised name where there is none ("Jordan Ellis"), and for a name that is also
a US state (Georgia) the other places named in its sentence and in the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from extractor import resources
from extractor.text.intervals import Ranges


@dataclass(frozen=True)
class CountryMention:
    iso2: str
    start: int
    end: int


Entity = tuple[int, int, str]
"""``(start, end, label)`` of one of the model's entities."""

_NOT_PLACES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_STATE_CUE = re.compile(r"(?:\bstate\s+of\s+$)|\(\s*[DRI]\s?-\s?$", re.IGNORECASE)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_END.search(text, end, end + 400)
    return (ends_before[-1] if ends_before else max(0, start - 400)), (
        after.start() if after else min(len(text), end + 400)
    )


def _us_states_in(text: str) -> list[str]:
    states = resources.us_states()
    return [
        m.group() for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text) if m.group() in states
    ]


class _MentionIndex:
    """Country mentions in text order, for the questions asked once per mention (which are
    in a sentence, how many are foreign) without a scan over every mention."""

    def __init__(self, text: str, mentions: Sequence[CountryMention]) -> None:
        self._text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.foreign = sum(m.iso2 != "US" for m in self.mentions)

    def within(self, begin: int, stop: int) -> list[CountryMention]:
        """The mentions starting in ``[begin, stop)``."""
        return self.mentions[bisect_left(self._starts, begin) : bisect_left(self._starts, stop)]

    @cached_property
    def states(self) -> list[str]:
        """The US states named anywhere in the text."""
        return _us_states_in(self._text)


def _is_us_state_here(
    text: str,
    start: int,
    end: int,
    name: str,
    index: _MentionIndex,
    home_country: str | None,
) -> bool:
    """For a country name that is also a US state ("Georgia"): does this text mean the state?

    The sentence decides first (a party-state tag or "state of" before it, another US state
    named in it, or a foreign country named in it); failing that, the document: issued in
    the US (its dateline), or US states named and no foreign country.
    """
    if _STATE_CUE.search(text[max(0, start - 12) : start]):
        return True
    begin, stop = _sentence_around(text, start, end)
    sentence_states = [s for s in _us_states_in(text[begin:stop]) if s != name]
    foreign = [m for m in index.within(begin, stop) if m.iso2 != "US" and m.start != start]
    if sentence_states or foreign:
        return bool(sentence_states) and not foreign
    if home_country is not None:
        return home_country == "US"
    document_states = [s for s in index.states if s != name]
    here = sum(m.iso2 != "US" for m in index.within(start, start + 1))
    return bool(document_states) and index.foreign == here


def accept_country(
    text: str, name: str, start: int, end: int, key: str, entities: Sequence[Entity] = ()
) -> bool:
    """Case and context checks for one alias match (``entities`` as in
    :func:`find_country_mentions`)."""
    if not name[:1].isupper():
        return False
    if len(key.replace(".", "")) <= 3 and name.replace(".", "").upper() != name.replace(".", ""):
        return False  # "US"/"UK" only in capitals, never "us"
    if key == "america" and re.search(
        r"(?:Latin|South|North|Central|of)\s+$", text[max(0, start - 10) : start]
    ):
        return False  # a continent, not the country
    previous = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 20) : start])
    if previous and (
        previous.group(1) == "New" or f"{previous.group(1)} {name}" in resources.us_states()
    ):
        return False  # New Mexico, New Jersey, New Guinea: a longer place name
    if key in ("us", "u.s") and shouted_line(text, start):
        return False  # "JOIN US FOR THE LAUNCH"
    if key not in resources.ambiguous_country_forms():
        return True
    covering = [label for s, e, label in entities if s <= start and end <= e]
    if entities:
        return not any(label in _NOT_PLACES for label in covering)  # "Michael Jordan"
    # with no model, a capitalised word after the form reads as a surname ("Jordan Ellis")
    return not re.match(r"\s+[A-Z][a-z]+\b", text[end : end + 30])


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


def find_country_mentions(
    text: str,
    excluded: Sequence[tuple[int, int]] = (),
    *,
    entities: Sequence[Entity] = (),
    home_country: str | None = None,
) -> list[CountryMention]:
    """Country names in ``text`` outside the ``excluded`` ranges.

    Each capitalised word starts a lookup of the longest run of up to ``MAX_WORDS`` words
    (separated by single spaces) that is a country form; dictionary lookups keep this linear
    in the length of the text.

    Args:
        text: The document text.
        excluded: Character ranges where a match is not a country (e.g. people's names).
        entities: The model's entities, when there is a model: an ambiguous form covered by a
            PERSON, ORG, product, event, work or law entity is not a country.
        home_country: ISO code of the country the release was issued in (its dateline), which
            settles a name that is also a US state when its sentence does not.

    Returns:
        Mentions in text order.
    """
    aliases = resources.country_aliases()
    starters = _first_words()
    words = list(_WORD.finditer(text))
    excluded_ranges = Ranges(excluded)
    found_all: list[tuple[CountryMention, str]] = []
    free = 0  # the first word not inside a country name already found
    for index, word in enumerate(words):
        written = word.group()
        if index < free or not written[:1].isupper():
            continue
        first = written.lower().replace("’", "'")
        if not (
            first in starters
            or first.rstrip(".-") in starters
            or _POSSESSIVE.sub("", first) in starters
        ):
            continue
        found = _longest_form(text, words, index, aliases)
        if found is None:
            continue
        start, end, size, code = found
        free = index + size
        name = text[start:end]
        key = resources.normalise_country_key(name)
        if excluded_ranges.covers(start):
            continue
        if not accept_country(text, name, start, end, key, entities):
            continue
        found_all.append((CountryMention(code, start, end), name))
    index = _MentionIndex(text, [m for m, _ in found_all])
    kept = [
        (m, name)
        for m, name in found_all
        if name not in resources.us_states()
        or not _is_us_state_here(text, m.start, m.end, name, index, home_country)
    ]
    return _confirmed_sentence_starts(text, kept)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or before.endswith("\n") or bool(re.search(r"[.!?:]\s+$", before))


def _confirmed_sentence_starts(
    text: str, found: list[tuple[CountryMention, str]]
) -> list[CountryMention]:
    """Drop an ambiguous form capitalised only because it starts a sentence ("Turkey
    products account for ...") unless the text confirms it: the same country named elsewhere,
    or another country named in the same sentence ("Turkey and Greece agreed"). At the start
    of a sentence a capital says nothing about a proper noun; capitals throughout ("US") do."""
    ambiguous = resources.ambiguous_country_forms()

    def doubtful(mention: CountryMention, name: str) -> bool:
        return (
            resources.normalise_country_key(name) in ambiguous
            and not name.isupper()
            and _sentence_initial(text, mention.start)
        )

    confirmed = {m.iso2 for m, name in found if not doubtful(m, name)}
    index = _MentionIndex(text, [m for m, _ in found])
    kept = []
    for mention, name in found:
        if doubtful(mention, name) and mention.iso2 not in confirmed:
            begin, stop = _sentence_around(text, mention.start, mention.end)
            if not any(o.iso2 != mention.iso2 for o in index.within(begin, stop)):
                continue
        kept.append(mention)
    return kept


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
