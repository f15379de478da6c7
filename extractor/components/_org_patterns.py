"""Organisation names found by their shape: proper-noun runs that end in an organisation
word ("Willamette Basin Monitoring Consortium", "Office of the Minister of X")."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from extractor import resources
from extractor.components._org_words import (
    ADDRESS_HEADS,
    COMPANY_HEADS,
    COMPANY_SUFFIX,
    DISTRICT_KINDS,
    PATTERN_HEADS,
    POSSESSIVE,
)


def cut_country_tail(name: str) -> str:
    """``Department of Water Resources of Lao PDR`` -> ``Department of Water Resources``: the
    country a national body belongs to is not part of its name."""
    for tail in re.finditer(r"\s+of\s+(?:the\s+)?", name):
        head, country = name[: tail.start()], name[tail.end() :]
        if (
            re.search(r"\b(?:Ministry|Department|Office|Agency|Directorate|Centre|Center)\b", head)
            and resources.normalise_country_key(country) in resources.country_aliases()
        ):
            return head
    return name


_TRAILING_SUFFIX = re.compile(
    r",?[ \t]+(?:a\.s\.|s\.r\.o\.|S\.p\.A\.|S\.A\.|N\.V\.|B\.V\.|GmbH|AG|LLC|LLP|Inc\.|Ltd\.|plc)"
    r"(?![\w])"
)

_LEADING_FUNCTION_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "By",
        "With",
        "From",
        "Today",
        "This",
        "That",
        "These",
        "Our",
        "Its",
        "Their",
        "His",
        "Her",
        "As",
        "And",
        "But",
        "Under",
        "Through",
        "Both",
        "Each",
        "Every",
        "Recent",
        "Current",
        "Several",
        "Many",
        "Some",
        "Other",
        "All",
        "Recently",
        "Currently",
        "Yesterday",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "Meanwhile",
        "Additionally",
    ]
)

_CAPS_RUN = re.compile(
    r"[A-Z][\w’'&.\-]*(?:[ \t]+(?:(?:of|for|on|and|the|de|du|des|in|&)[ \t]+)*[A-Z][\w’'&.\-]*)*"
)

_ORDINAL_SESSION = re.compile(r"\b\d{1,3}(?:st|nd|rd|th) (?:Congress|Parliament|Legislature)\b")

_CONNECTING = frozenset({"of", "for", "on", "and", "the", "in", "&"})

_ABBREVIATED = re.compile(r"^(?:St|Mt|Inc|Ltd|Corp|Co|Jr|Ft)\.$|^(?:[A-Z]\.)+$")

_RUN_BREAKERS = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "About",
    ]
)
"""Words that end a proper-noun run: weekdays and months ("on Monday"), and "About"
opening a boilerplate heading ("About Acme Foundation")."""


def is_head(word: str) -> bool:
    return POSSESSIVE.sub("", word.rstrip(",;:")) in PATTERN_HEADS or (
        word.rstrip(".,;:") in PATTERN_HEADS
    )


_COMPANY_ENDINGS = COMPANY_HEADS | {"LLC", "Inc.", "Ltd.", "plc"}


def _split_run(
    words: list[re.Match[str]], breaks: AbstractSet[int], offset: int
) -> list[list[re.Match[str]]]:
    """Cut a run after a sentence-final word or a possessive, before a person's name, a weekday
    or month, and at "and" between two names ("Consortium and the Office of ...")."""
    pieces: list[list[re.Match[str]]] = [[]]
    for index, word in enumerate(words):
        text = word.group()
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if text.rstrip(".,;:") in _RUN_BREAKERS:
            pieces += [[word], []]
            continue
        company = {text, following} & _COMPANY_ENDINGS
        if pieces[-1] and offset + word.start() in breaks and not company:
            pieces.append([])  # not in "Pinecrest [Kitchens LLC]" the model took for a person
        if (
            text in ("and", "&")
            and pieces[-1]
            and (
                following == "the"
                or is_head(pieces[-1][-1].group())
                or (following.isupper() and len(following.strip(".,;:")) >= 2)  # "X and HHS"
            )
        ):
            pieces.append([])
            continue
        if text in ("on", "in") and following.rstrip(".,;:") in _RUN_BREAKERS:
            pieces.append([])
            continue
        pieces[-1].append(word)
        if text.endswith(".") and not _ABBREVIATED.match(text):
            pieces.append([])
        elif (
            POSSESSIVE.search(text)
            and following
            and (is_head(text) or offset + pieces[-1][0].start() in breaks)
        ):  # "General Assembly’s Special Committee", "Allen's Review Board"; not "Children’s Fund"
            pieces.append([])
    return [p for p in pieces if p]


def find_pattern_organisations(
    text: str, start: int = 0, breaks: frozenset[int] = frozenset()
) -> list[tuple[str, int]]:
    """Proper-noun runs that end in an organisation word: ``Willamette Basin Monitoring
    Consortium``, ``Office of the Minister of Natural Resources``, ``Tatnall School``.

    These catch organisations the statistical model misses. Runs that start with a job title
    ("Deputy Minister of ...") have the title cut off first.

    Args:
        text: The document text.
        start: Offset where the body starts (the headline block is skipped).
        breaks: Offsets where a run must be cut (starts of people's names).

    Returns:
        ``(name, offset)`` pairs.
    """
    found = [(m.group(), m.start()) for m in _ORDINAL_SESSION.finditer(text, start)]
    for match in _CAPS_RUN.finditer(text, start):
        all_words = list(re.finditer(r"\S+", match.group()))
        for words in _split_run(all_words, breaks, match.start()):
            hit = _organisation_in_run(text, match.start(), words)
            if hit is not None:
                found.append(hit)
    return found


def _organisation_in_run(
    text: str, base: int, words: list[re.Match[str]]
) -> tuple[str, int] | None:
    """The organisation name inside one proper-noun run, if it has an organisation word."""
    heads = [
        i
        for i, w in enumerate(words)
        if is_head(w.group()) or (i > 0 and service_district(words[i - 1].group(), w.group()))
    ]
    if not heads:
        return None
    first = 0
    while first < heads[0] and (
        words[first].group() in _LEADING_FUNCTION_WORDS
        or (
            words[first].group().lower() in resources.title_words()
            and first + 1 != heads[0]  # "General Assembly" keeps its first word
        )
        or words[first].group().islower()
    ):
        first += 1
    if words[heads[0]].group().rstrip(".,;:") in COMPANY_HEADS:
        connectors = [i for i in range(first, heads[0]) if words[i].group() in _CONNECTING]
        first = connectors[-1] + 1 if connectors else first  # "Shares of [Northfork Grocers]"
    # "Ministry of X", "Tallinn University of Technology" run on; "Tallinn University Press"
    # stops at its last head word
    if heads[-1] + 1 < len(words) and words[heads[-1] + 1].group().lower() in ADDRESS_HEADS:
        return None  # "Hart Senate Office Building" is an address
    whole = heads[0] == first or _continues(words, heads[-1])
    last = len(words) - 1 if whole else heads[-1]
    while last > first and words[last].group().islower():
        last -= 1
    if last <= first and words[first].group() in PATTERN_HEADS:
        return None
    while last > first and words[last].group().lower() in _CONNECTING:
        last -= 1
    country_in = _country_after_in(words, first, last)
    if country_in is not None:
        last = country_in
    begin = base + words[first].start()
    end = base + words[last].end()
    name = POSSESSIVE.sub("", text[begin:end]).rstrip(".,;:")
    if (
        name.endswith(("Inc", "Ltd", "Corp"))
        and text[begin + len(name) : begin + len(name) + 1] == "."
    ):
        name += "."
    name = cut_country_tail(name)
    suffix = _TRAILING_SUFFIX.match(text, begin + len(name))
    if suffix and not COMPANY_SUFFIX.search(name):
        name += suffix.group()  # "Moravia Battery Metals a.s.", "Veltrona Biosciences, Inc."
    return name, begin


def service_district(before: str, word: str) -> bool:
    """``Pecan Creek Municipal Utility District``: a public body, not an area."""
    return word.rstrip(".,;:") == "District" and before in DISTRICT_KINDS


def _continues(words: list[re.Match[str]], head: int) -> bool:
    """A name goes on after its last head word with "of/for/on" ("University of Technology")."""
    return head + 2 < len(words) and words[head + 1].group() in ("of", "for", "on", "de", "du")


def _country_after_in(words: list[re.Match[str]], first: int, last: int) -> int | None:
    """Where the name ends when "in" inside it leads to anything but a country: "Embassy of
    Norway in Kenya" keeps its country, "Office of X in Ottawa" stops before "in"."""
    for index in range(first + 1, last + 1):
        if words[index].group() != "in":
            continue
        rest = " ".join(w.group() for w in words[index + 1 : last + 1]).rstrip(".,;:")
        if resources.normalise_country_key(rest) in resources.country_aliases():
            return last
        return index - 1
    return None
