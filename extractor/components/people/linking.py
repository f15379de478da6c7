"""From mentions to people: a surname or a short form joins the full name introduced before
it, coordinated names share a surname or a plural rank, contact blocks complete a record."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from extractor import attrs, resources
from extractor.components.people.names import (
    Mention,
    PersonHit,
    gender_of,
    honorific_form,
    is_rank,
)
from extractor.text.intervals import Ranges
from extractor.text.phrases import find_phrases

_COORDINATED = re.compile(
    r"^\s*(?:\([^)]*\)|,\s*[RDI]-[A-Z][\w.]*)?\s*(?:,|and|&|, and)\s*$"
)  # "A (D-DE), B", "A, R-Ga., and B"


class _People:
    """The people found so far, in order, with their names indexed by word: linking looks a
    short form up among the people before it once per mention, without a scan over them."""

    def __init__(self) -> None:
        self.items: list[PersonHit] = []
        self._words: dict[tuple[int, str], list[int]] = {}  # (0 or -1, word) -> positions
        self._single: dict[str, list[int]] = {}  # one-word name -> positions
        self._position: dict[int, int] = {}  # id of a person -> position

    def add(self, person: PersonHit) -> None:
        self._position[id(person)] = len(self.items)
        self.items.append(person)
        self._index(len(self.items) - 1)

    def rename(self, person: PersonHit, name: str) -> None:
        at = self._position[id(person)]
        if " " not in person.name:
            self._single[person.name.lower()].remove(at)
        person.name = name
        self._index(at)

    def _index(self, at: int) -> None:
        name = self.items[at].name
        if " " not in name:
            insort(self._single.setdefault(name.lower(), []), at)
            return
        words = name.split()
        for position in (-1, 0):
            insort(self._words.setdefault((position, words[position].lower()), []), at)

    def latest_with_word(self, position: int, word: str, gender: str | None) -> PersonHit | None:
        """The latest person of two or more words whose word at ``position`` is ``word``."""
        return self._latest(self._words.get((position, word), []), gender)

    def latest_named(self, word: str, gender: str | None) -> PersonHit | None:
        """The latest person named by the one word ``word``."""
        return self._latest(self._single.get(word, []), gender)

    def _latest(self, positions: list[int], gender: str | None) -> PersonHit | None:
        for at in reversed(positions):
            person = self.items[at]
            if not (gender and person.gender and person.gender != gender):
                return person
        return None


def link_mentions(mentions: list[Mention]) -> list[PersonHit]:
    """Group mentions into people: short forms join the full name introduced before them.

    A one-word mention is a surname: it joins the latest person whose last word it is or,
    failing that, whose first word it is (family name first: "Wang Lei" ... "Mr. Wang"). An
    honorific of known gender never joins a person of the other gender ("Ms. Keller" is not
    "Mr. Thomas Keller").
    """
    people = _People()
    by_name: dict[str, PersonHit] = {}
    for mention in mentions:
        gender = gender_of(mention.honorific)
        person = by_name.get(mention.name.lower())
        if person is not None and gender and person.gender and person.gender != gender:
            person = None
        if person is None and " " not in mention.name:
            word = mention.name.lower()  # "Anna Keller" -> "Keller"; "Wang Lei" -> "Wang"
            person = people.latest_with_word(-1, word, gender) or people.latest_with_word(
                0, word, gender
            )
        if person is None:
            person = people.latest_named(mention.name.split()[-1].lower(), gender)
            if person is not None:
                by_name[mention.name.lower()] = person
                people.rename(person, mention.name)
        if person is None:
            person = PersonHit(name=mention.name)
            people.add(person)
            by_name[mention.name.lower()] = person
        person.mentions.append((mention.start, mention.end))
        person.honorific = person.honorific or mention.honorific
        if person.title is None and mention.title:
            person.title = mention.title
        if person.organization is None and mention.organization:
            person.organization, person.org_index = mention.organization, mention.org_index
        person.gender = person.gender or gender
    return people.items


_GIVEN_AND = re.compile(
    r"(?:\b(?:of|to|by|and)|,)[ \t]+(?P<given>[A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+$"
)


def add_coordinated_given_names(
    text: str, mentions: list[Mention], other_entities: list[tuple[int, int]]
) -> list[Mention]:
    """``the son of Edward and Deborah Amorosso``: two people sharing the surname; the first
    is written with the given name only (not a place or organisation the model labelled:
    "of Texas and John Smith", "by Google and Mary Brown")."""
    added = []
    for mention in mentions:
        words = mention.name.split()
        if len(words) < 2:
            continue
        match = _GIVEN_AND.search(text, max(0, mention.start - 40), mention.start)
        if match is None or match.group("given").lower() in resources.title_words():
            continue
        if resources.normalise_country_key(match.group("given")) in resources.country_aliases():
            continue
        given_start = match.start("given")
        given = match.group("given")
        if given in resources.us_states() or given.lower() in resources.city_countries():
            continue
        if any(s <= given_start < e for s, e in other_entities):
            continue
        if any(m.start <= given_start < m.end for m in mentions):
            continue  # "Holloway and Dana Whitfield": the first is someone already named
        added.append(
            Mention(
                f"{match.group('given')} {words[-1]}",
                given_start,
                given_start + len(match.group("given")),
            )
        )
    return sorted([*mentions, *added], key=lambda m: m.start)


def add_surname_mentions(text: str, people: list[PersonHit], start: int = 0) -> None:
    """Add bare-surname mentions ("said Tester") the model did not tag.

    A surname counts when it stands alone (no capitalised word right before it, other than
    an honorific or rank, and none right after); it goes to the nearest person introduced
    before it with that surname.
    """
    taken = Ranges(m for p in people for m in p.mentions)
    by_surname: dict[str, list[PersonHit]] = {}
    for person in people:
        if " " in person.name:
            by_surname.setdefault(person.name.split()[-1], []).append(person)
    if not by_surname:
        return
    for begin, end, surname in find_phrases(
        text, by_surname, start=start, not_before="’'-", not_after="-"
    ):
        if taken.covers(begin):
            continue
        before = re.search(r"(\S+)\s+$", text[max(0, begin - 30) : begin])
        if (
            before
            and before.group(1)[:1].isupper()
            and not before.group(1).endswith((",", ";", ":"))  # "Later, Baimenov said"
            and not (honorific_form(before.group(1)) or is_rank(before.group(1)))
        ):
            continue
        if re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
            continue
        owners = by_surname[surname]
        candidates = [p for p in owners if p.mentions[0][0] < begin]
        if not candidates and len(owners) == 1:
            candidates = owners  # introduced in full only later ("(Ernest Hollings, ...)")
        if candidates:
            owner = max(
                candidates,
                key=lambda p: max((m[0] for m in p.mentions if m[0] < begin), default=-1),
            )
            owner.mentions.append((begin, end))
    for person in people:
        person.mentions.sort()


def share_plural_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Sens. A (D-DE), B, C and D``: every name of a list headed by a plural rank takes
    the rank, as long as the names follow one another with only commas, "and" and party
    tags between them."""
    shared: list[Mention] = []
    chain: str | None = None  # the plural rank's title while its list runs on
    for mention in mentions:
        previous = shared[-1] if shared else None
        gap = text[previous.end : mention.start] if previous is not None else ""
        coordinated = previous is not None and len(gap) < 60 and bool(_COORDINATED.match(gap))
        if (
            previous is not None
            and previous.title
            and _PLURAL_BEFORE.search(text[max(0, previous.start - 20) : previous.start])
        ):
            chain = previous.title
        if not coordinated:
            chain = None
        if chain and mention.title is None:
            mention = Mention(
                mention.name,
                mention.start,
                mention.end,
                mention.honorific,
                chain,
                mention.organization,
                mention.org_index,
            )
        shared.append(mention)
    return shared


_PLURAL_BEFORE = re.compile(r"(?:Sens|Reps|Govs)\.?\s*$|(?:tors|tives|nors)\s*$")


def is_place_only(person: PersonHit) -> bool:
    """A one-word "person" with no title, honorific, affiliation or full name ("Kent"
    of "Kent and Sussex Counties", "Treasures"): releases introduce people in full or by
    rank, so a lone capitalised word is a place, a programme or a fragment."""
    return (
        " " not in person.name
        and not person.title
        and not person.honorific
        and not person.organization  # "Baucus, who chairs the Senate Finance Committee"
    )


def _on_short_line(text: str, offset: int) -> bool:
    """A contact entry's line, not a paragraph of prose."""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return (len(text) if end < 0 else end) - begin <= 100


def fill_from_contacts(
    text: str, people: list[PersonHit], contacts: list[attrs.ContactValue]
) -> None:
    """A contact block's title and organisation complete its person's record."""
    if not contacts:
        return
    by_name: dict[str, list[int]] = {}
    for at, person in enumerate(people):
        by_name.setdefault(person.name, []).append(at)
    starts = sorted((s, at) for at, person in enumerate(people) for s, _ in person.mentions)
    offsets = [s for s, _ in starts]
    for contact in contacts:
        listed = {  # every name listed in the block ("Tom Eastwick / Sophie Adeyemi")
            at
            for s, at in starts[
                bisect_left(offsets, contact["start"]) : bisect_left(offsets, contact["end"])
            ]
            if _on_short_line(text, s)
        }
        for at in sorted(listed.union(by_name.get(contact["name"], []))):
            person = people[at]
            if person.name == contact["name"]:
                person.title = person.title or contact["title"]
            person.organization = person.organization or contact["organization"]
