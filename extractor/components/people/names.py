"""People's names: honorifics, ranks, cleaning a written name, telling a name from a place
or a company (pure functions over strings)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor import resources

ORG_WORDS = resources.org_words().org_words


COMPANY_HEADS = resources.org_words().company_heads


CONNECTORS = frozenset({"of", "for", "and", "on", "&", "the", "to", "in", "at"})


MODIFIERS = frozenset({"former", "acting", "interim", "deputy", "then", "outgoing", "incoming"})


_PLACE_HEADS = frozenset(
    {
        "home",
        "center",
        "centre",
        "building",
        "street",
        "road",
        "avenue",
        "county",
        "school",
        "river",
        "valley",
        "bridge",
        "station",
        "airport",
        "site",
        "memorial",
        "falls",
        "springs",
        "heights",
        "monument",
        "trail",
    }
)


_STORMS = frozenset({"hurricane", "storm", "typhoon", "cyclone", "tropical"})


_PLACE_FIRST_WORDS = frozenset({"Lake", "Mount", "Mt.", "Fort", "Ft.", "Port", "Cape", "Camp"})


PLURAL_RANKS = {
    "Sens.": "Senator",
    "Senators": "Senator",
    "Reps.": "Representative",
    "Representatives": "Representative",
    "Govs.": "Governor",
    "Governors": "Governor",
}


_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_’'\-]*(?:[’'\-][^\W\d_]+)*\.?"


_RANKS = (
    r"Senator|Sen\.|Sens\.|Representative|Rep\.|Reps\.|Congressman|Congresswoman|Governor|Gov\."
    r"|Mayor|President|Secretary|Commissioner|Chairman|Chairwoman|Minister|Ambassador|Amb\."
    r"|General|Gen\.|Admiral|Judge|Justice"
)


HONORIFIC_NAME = re.compile(
    r"\b(?P<hon>Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|H\.E\.|His Excellency|Her Excellency"
    r"|Hon\.|Honourable|Honorable|Sir|Dame|"
    + _RANKS
    + r")[ \t]+(?P<name>"
    + _NAME_WORD
    + r"(?:[ \t]+"
    + _NAME_WORD
    + r"){0,3})"
)


NICKNAMED = re.compile(
    rf"(?P<given>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]*[\"“](?P<nick>[A-Z][\w.]{{0,15}})[\"”]"
    rf"[ \t]*(?P<family>{_NAME_WORD})"
)  # 'Ernest Jackson "EJ" Halton'


@dataclass
class PersonHit:
    """A person with every mention (character offsets)."""

    name: str
    honorific: str | None = None
    title: str | None = None
    organization: str | None = None
    org_index: int | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """One written mention of a person, with what its context says."""

    name: str
    start: int
    end: int
    honorific: str | None = None
    title: str | None = None
    organization: str | None = None
    org_index: int | None = None


def honorific_form(text: str) -> str | None:
    return resources.honorifics().get(text) or resources.honorifics().get(text.rstrip("."))


PURE_HONORIFICS = frozenset(
    {
        "Mr.",
        "Amb.",
        "Ms.",
        "Mrs.",
        "Miss",
        "Dr.",
        "Prof.",
        "H.E.",
        "Sir",
        "Dame",
        "Mx.",
        "Hon.",
        "Lord",
        "Lady",
    }
)


def is_rank(text: str) -> bool:
    if honorific_form(text) in PURE_HONORIFICS:
        return False
    return text in resources.title_abbreviations() or text.lower() in resources.title_words()


def clean_name(
    text: str, *, introduced: bool = False
) -> tuple[str, int, str | None, str | None] | None:
    """Split a PERSON entity into (name, offset of name, honorific, leading rank/title).

    ``introduced``: an honorific or rank stands right before ``text``.
    Returns ``None`` when the text is not a plausible personal name.
    """
    words = list(re.finditer(r"[^\s\-–—]\S*", text))  # "-Commissioner X" after a quote
    honorific = rank = None
    while words:
        first = words[0].group()
        two = f"{first} {words[1].group()}" if len(words) > 1 else ""
        if honorific_form(two):
            honorific, words = honorific_form(two), words[2:]
        elif honorific_form(first) and not is_rank(first):
            honorific, words = honorific_form(first), words[1:]
        elif is_rank(first) or first.lower() in MODIFIERS:
            rank, words = first, words[1:]
        elif len(words) > 2 and first.lower() in resources.demonyms():
            words = words[1:]  # "Singaporean Tan Li Ming": a nationality, not a name
        else:
            break
    while words and (not words[-1].group()[:1].isupper() or words[-1].group() in ("’s", "'s")):
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    name = re.sub(r"(?:['’]s|['’])$", "", text[start:end]).rstrip(",;:")
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:Jr|Sr)\.$", name):
        name = name[:-1]  # the sentence's full stop ("... Castellanos-Reyes."), not an initial
    introduced = introduced or honorific is not None or rank is not None
    if not _plausible_name(name, introduced=introduced):
        return None
    return name, start, honorific, rank


def _plausible_name(name: str, *, introduced: bool = False) -> bool:
    """Can ``name`` be a person's? ``introduced``: written after an honorific or a rank, which
    settles that a place word in it ("Dr. Amelia Springs") is a surname."""
    if not name or any(c.isdigit() or c in '"“”«»@/' for c in name):
        return False
    if not introduced and name.split()[-1].lower() in _PLACE_HEADS:
        return False
    if not introduced and name.split()[0] in _PLACE_FIRST_WORDS:
        return False  # "Lake Texoma", "Fort Riley"
    if name.split()[0].lower().rstrip("s") in _STORMS:
        return False  # "Hurricanes Rita and Katrina"
    key = name.lower()
    if key in resources.non_org_words() or key in resources.region_words():
        return False
    if key in _PLATFORMS:  # "he added on Twitter": tagged PERSON, never a person
        return False
    if resources.normalise_country_key(name) in resources.country_aliases():
        return False
    if name in resources.known_org_acronyms() or key in resources.demonyms():
        return False
    words = name.split()
    if len(words) > 5 or (name.isupper() and len(name) <= 5):
        return False
    return all(
        w[:1].isupper() or w.lower() in {"de", "van", "von", "bin", "al", "da", "del", "la", "le"}
        for w in words
    )


def singular(title: str) -> str:
    """ "Senators" -> "Senator" (a plural rank before coordinated names applies to each)."""
    return title[:-1] if title.endswith(("tors", "tives", "ors", "ers")) else title


def gender_of(honorific: str | None) -> str | None:
    if honorific in ("Mr.", "Sir", "Lord"):
        return "m"
    if honorific in ("Ms.", "Mrs.", "Miss", "Dame", "Lady"):
        return "f"
    return None


_PLATFORMS = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "snapchat", "reddit"}
)


COMPANY_WORDS = frozenset(
    {"inc", "llc", "ltd", "plc", "corp", "co", "group", "capital", "energy"}
    | {w.lower() for w in COMPANY_HEADS}
)  # last words that make a name a company's
