"""pr_organisations: organisations with acronyms, merged mentions and exact offsets.

The statistical model's ORG entities are the candidates. They are repaired (cut at an
opening parenthesis, leading "the" and possessives removed), filtered (job titles, "AI",
regions, countries, events, publications and places are not organisations), and merged with
acronym definitions found Schwartz–Hearst style (``Long Form (ACR)`` and ``ACR (Long Form)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import attrs, resources
from extractor.components._base import FieldComponent, header_end
from extractor.components._contacts import contact_blocks, name_fields
from extractor.components._marks import quoted_title_ranges
from extractor.components._places import find_country_mentions

EVENT_HEADS = frozenset(
    [
        "forum",
        "summit",
        "conference",
        "workshop",
        "festival",
        "expo",
        "symposium",
        "webinar",
        "games",
        "olympics",
        "championship",
        "championships",
        "fair",
        "week",
        "day",
        "awards",
        "award",
        "meeting",
        "seminar",
        "roundtable",
        "dialogue",
        "hackathon",
        "marathon",
        "ceremony",
        "gala",
        "exhibition",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
    ]
)
WORK_HEADS = frozenset(
    [
        "review",
        "report",
        "reports",
        "outlook",
        "agreement",
        "treaty",
        "accord",
        "accords",
        "protocol",
        "pact",
        "act",
        "bill",
        "index",
        "handbook",
        "guidelines",
        "guide",
        "magazine",
        "newsletter",
        "strategy",
        "plan",
        "agenda",
        "declaration",
        "resolution",
        "treaty",
        "accord",
        "charter",
        "amendment",
        "framework",
        "survey",
        "study",
    ]
)
PLACE_HEADS = frozenset(
    [
        "valley",
        "river",
        "county",
        "island",
        "islands",
        "street",
        "avenue",
        "square",
        "mountain",
        "mountains",
        "lake",
        "bay",
        "city",
        "town",
        "village",
        "airport",
        "harbor",
        "harbour",
        "road",
        "region",
        "province",
        "state",
        "district",
        "peninsula",
        "coast",
        "hills",
        "beach",
        "hill",
        "headquarters",
        "building",
        "tower",
        "plaza",
        "stadium",
        "arena",
    ]
)
ORG_WORDS = frozenset(
    [
        "ministry",
        "department",
        "agency",
        "office",
        "hub",
        "association",
        "organization",
        "organisation",
        "bank",
        "fund",
        "council",
        "commission",
        "committee",
        "institute",
        "institution",
        "university",
        "college",
        "school",
        "center",
        "centre",
        "service",
        "services",
        "administration",
        "bureau",
        "authority",
        "foundation",
        "corporation",
        "company",
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "corp",
        "corp.",
        "group",
        "society",
        "federation",
        "alliance",
        "union",
        "board",
        "network",
        "trust",
        "partnership",
        "party",
        "coalition",
        "court",
        "senate",
        "congress",
        "parliament",
        "assembly",
        "secretariat",
        "directorate",
        "division",
        "unit",
        "laboratory",
        "laboratories",
        "lab",
        "academy",
        "museum",
        "hospital",
        "police",
        "army",
        "navy",
        "force",
        "forces",
        "guard",
        "caucus",
        "league",
        "club",
        "chamber",
        "cooperative",
        "programme",
    ]
)
INTERGOVERNMENTAL = frozenset(
    [
        "UN",
        "UNDP",
        "UNICEF",
        "UNESCO",
        "UNHCR",
        "UNEP",
        "UNFPA",
        "UNIDO",
        "UNCTAD",
        "WHO",
        "WTO",
        "WFP",
        "FAO",
        "ILO",
        "IAEA",
        "IMF",
        "OECD",
        "NATO",
        "EU",
        "ASEAN",
        "APEC",
        "OPEC",
        "AU",
        "ADB",
        "AfDB",
        "IDB",
        "EBRD",
        "OSCE",
        "WMO",
        "ITU",
        "IOM",
        "UNODC",
        "ESCAP",
    ]
)
NON_ORG_HEADS = frozenset(
    [
        "program",
        "programs",
        "grant",
        "grants",
        "account",
        "accounts",
        "institutions",
        "initiative",
        "initiatives",
        "act",
        "acts",
    ]
)
GENERIC_PHRASE_WORDS = frozenset(
    {"media", "relations", "communications", "press", "public", "affairs", "investor", "news"}
)
GENERIC_ORG_WORDS = frozenset(
    [
        "department",
        "board",
        "office",
        "agency",
        "ministry",
        "committee",
        "subcommittee",
        "council",
        "commission",
        "administration",
        "bureau",
        "authority",
        "group",
        "company",
        "government",
        "division",
        "unit",
        "treasury",
        "directorate",
        "secretariat",
        "organisation",
        "organization",
        "institute",
        "foundation",
    ]
)
_ACRONYM = r"[A-Z][A-Za-z&\-]{0,2}[A-Z][A-Z&\-]{0,8}"
_PAREN_ACRONYM = re.compile(rf"\((?P<acr>{_ACRONYM})(?:s)?(?:[,;][^)]*)?\)")
_ACR_PAREN = re.compile(rf"\b(?P<acr>{_ACRONYM})\s*\((?P<long>[A-Z][^()\n]{{3,120}})\)")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass
class OrgHit:
    """One organisation with all of its mentions (character offsets)."""

    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class AcronymDefinition:
    """``long`` defined as ``acronym`` in the text."""

    long: str
    long_start: int
    acronym: str
    acronym_start: int


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Schwartz–Hearst check: every acronym letter found in order, the first starting a word."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    long = " ".join(words).lower()
    position = len(long) - 1
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        while position >= 0 and (
            long[position] != char or (index == 0 and position > 0 and long[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def _long_form_before(text: str, end: int, acronym: str) -> tuple[str, int] | None:
    """The shortest run of words ending at ``end`` that the acronym abbreviates."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 200)
    window = text[line_start:end].rstrip()
    words = list(re.finditer(r"[^\s]+", window))
    limit = min(len(words), len(acronym) + 5, 2 * len(acronym) + 2)
    for size in range(1, limit + 1):
        chosen = words[len(words) - size :]
        first = chosen[0].group()
        if not first[:1].isupper() or first[:1].lower() != acronym[0].lower():
            continue
        texts = [w.group() for w in chosen]
        if _initials_match(acronym, texts):
            start = line_start + chosen[0].start()
            return text[start : line_start + len(window)].rstrip(",;"), start
    return None


def find_acronym_definitions(text: str) -> list[AcronymDefinition]:
    """Find ``Long Form (ACR)`` and ``ACR (Long Form)`` definitions.

    Args:
        text: The document text.

    Returns:
        Definitions in text order.
    """
    found: list[AcronymDefinition] = []
    for match in _PAREN_ACRONYM.finditer(text):
        acronym = match.group("acr")
        long = _long_form_before(text, match.start(), acronym)
        if long is not None:
            found.append(AcronymDefinition(long[0], long[1], acronym, match.start("acr")))
    for match in _ACR_PAREN.finditer(text):
        acronym, long = match.group("acr"), match.group("long").strip()
        words = long.split()
        if len(words) < 2 or long.upper() == long:
            continue
        if words[0][0].lower() == acronym[0].lower() and _initials_match(acronym, words):
            found.append(AcronymDefinition(long, match.start("long"), acronym, match.start("acr")))
    return sorted(found, key=lambda d: d.long_start)


def _extend_long_form(
    text: str, ents: tuple[Span, ...], definition: AcronymDefinition
) -> AcronymDefinition:
    """Widen a Schwartz–Hearst long form to the ORG entity or ``Department of`` that holds it.

    ``U.S. Department of Housing and Urban Development (HUD)``: the shortest matching run is
    "Housing and Urban Development"; the organisation is the whole entity.
    """
    start = definition.long_start
    for ent in ents:
        if ent.label_ == "ORG" and ent.start_char < start < ent.end_char:
            start = ent.start_char
            break
    else:
        match = re.search(
            r"(?:\b[A-Z][\w.]*\s+){0,2}[A-Z]\w+\s+(?:of|for)\s+(?:the\s+)?$",
            text[max(0, start - 60) : start],
        )
        if (
            match
            and match.group().split()[-2 if match.group().split()[-1] != "the" else -3].lower()
            in ORG_WORDS
        ):
            start = start - (len(text[max(0, start - 60) : start]) - match.start())
    if start == definition.long_start:
        return definition
    long = text[start : definition.long_start] + definition.long
    return AcronymDefinition(long, start, definition.acronym, definition.acronym_start)


def clean_org_text(text: str, start: int) -> tuple[str, int] | None:
    """Repair an ORG entity: cut at "(", a line break or an e-mail; drop a leading "the" or
    "About", possessives and dangling words."""
    cut = re.split(r"\(|\n|\S+@", text, maxsplit=1)[0].rstrip()
    match = _LEADING_THE.match(cut) or re.match(r"^(?:About|Recent|Current|Several)\s+", cut)
    if match:
        start += match.end()
        cut = cut[match.end() :]
    cut = _POSSESSIVE.sub("", cut).rstrip(" ,;:-–")
    cut = re.sub(r"(?:\s+(?:of|and|for|at|in|the|&)){1,2}$", "", cut)
    cut = cut_country_tail(cut)
    words = cut.split()
    while len(words) > 1 and words[-1].lower() in resources.title_words():
        words.pop()  # "UNDP Administrator" -> "UNDP"
    cut = " ".join(words) if len(words) < len(cut.split()) else cut
    if not cut or not any(c.isupper() for c in cut[:1]):
        return None
    return cut, start


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


def _head(name: str) -> str:
    return name.split()[-1].lower().strip(".,") if name.split() else ""


def is_not_organisation(name: str) -> bool:
    """True for names that are never organisations on their own (regions, "AI", events...)."""
    key = name.lower()
    if key in resources.non_org_words() or key in resources.region_words():
        return True
    if resources.normalise_country_key(name) in resources.country_aliases():
        return True
    if key in resources.demonyms():
        return True
    if " " not in name and key.replace("’", "'") in resources.city_countries():
        return True  # "Wrocław", "N’Djamena" tagged ORG
    head = _head(name)
    if head in NON_ORG_HEADS and not name.startswith("United Nations"):
        return True
    if " " not in name and key in GENERIC_ORG_WORDS:
        return True
    if all(w in GENERIC_PHRASE_WORDS | GENERIC_ORG_WORDS for w in key.split()):
        return True  # "Media Relations", "Media"
    if head in _ADDRESS_HEADS or {w.lower() for w in name.split()} & _ADDRESS_WORDS:
        return True  # "Hart Senate Office Building", "UN Headquarters", "Room 306 Fargo"
    compass = re.match(r"^(?:North|South|East|West|Central|Mid)(?:\w*)[ -](.+)$", name)
    if compass and (
        compass.group(1) in resources.us_states()
        or resources.normalise_country_key(compass.group(1)) in resources.country_aliases()
        or compass.group(1) in ("America", "Europe", "Asia", "Africa")
    ):
        return True  # "Northwest Louisiana", "Mid-America"
    words = {w.lower() for w in name.split() if w[:1].isupper()}
    if len(name.split()) > 1 and _service_district(name.split()[-2], name.split()[-1]):
        return False
    if head in PLACE_HEADS or words & (EVENT_HEADS | WORK_HEADS):
        return not _looks_like_org(name)
    named = [w.lower() for w in name.split() if w.lower() not in ("of", "the", "for", "and")]
    return all(w in resources.title_words() for w in named)  # "Director General"


_ADDRESS_HEADS = frozenset({"building", "street", "avenue", "road", "plaza", "headquarters"})
_ADDRESS_WORDS = frozenset({"suite", "room", "avenue", "street", "boulevard", "floor"})


def _looks_like_org(name: str) -> bool:
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & (ORG_WORDS - {"congress"})) and _head(name) not in WORK_HEADS


_PORTFOLIO_HOLDERS = frozenset(
    {
        "minister",
        "ministers",
        "secretary",
        "commissioner",
        "undersecretary",
        "ministry",
        "committee",
        "subcommittee",
    }
)


def _domain_of_a_title(doc: Doc, ent: Span, name: str) -> bool:
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
            and before[-1].lower_ not in _PORTFOLIO_HOLDERS
        ):
            before = before[:-1]
    if len(before) < 2 or before[-1].lower_ not in ("of", "for", "on"):
        return False
    if before[-2].lower_ not in _PORTFOLIO_HOLDERS:
        return False
    words = {w.lower().strip(".,") for w in name.split()}
    return not (words & ORG_WORDS) and name not in resources.known_org_acronyms()


def _inside_title(doc: Doc, ent: Span) -> bool:
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


def _governs(text: str, start: int) -> bool:
    """A country named inside an organisation's name ("Government of the Republic of Korea")."""
    return bool(re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 10) : start]))


def _names_a_person(name: str, person_words: set[str]) -> bool:
    """An ORG entity that is a person: introduced by an honorific, made only of words the
    model also uses in PERSON entities ("Eleanor Marsh" tagged both ways), or a person's
    surname in capitals ("NELSON")."""
    words = name.split()
    if words[0].rstrip(".").lower() in _HONORIFIC_WORDS:
        return True
    if len(words) == 1 and name.isupper() and name.title() in person_words:
        return True
    if set(w.lower().strip(".,") for w in words) & ORG_WORDS or name.isupper():
        return False
    return all(w in person_words for w in words)


_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*$")
_PARTY_WORDS = frozenset({"republican", "democrat", "independent", "labour", "conservative"})
_ROLES_ORGS_HAVE_TOO = frozenset(
    {
        "leader",
        "developer",
        "partner",
        "member",
        "owner",
        "producer",
        "provider",
        "maker",
        "supplier",
        "operator",
        "manufacturer",
        "publisher",
        "sponsor",
        "host",
        "unit",
    }
)


def person_shaped(name: str) -> bool:
    """Two to four capitalised name words with no organisation, title or place word in them
    ("Eleanor Marsh", "Lydia Kamau-Frost"; not "Harlow Ridge Analytics", "Pacific Northwest")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return False
    lowered = {w.lower() for w in words}
    if lowered & (ORG_WORDS | PLACE_HEADS | EVENT_HEADS | WORK_HEADS | NON_ORG_HEADS):
        return False
    if lowered & (resources.title_words() | resources.region_words()):
        return False
    if any(w in resources.demonyms() or w in resources.us_states() for w in lowered):
        return False
    key = name.lower()
    return not (
        key in resources.city_countries()
        or resources.normalise_country_key(name) in resources.country_aliases()
    )


def introduces_person(doc: Doc, start: int, end: int) -> bool:
    """Context that makes tokens ``start:end`` a person's name whatever the model's label:
    a job title in apposition (``X, Chief Financial Officer``, ``X, the university’s chief
    economist``) or a rank or party right before (``Commissioner X``, ``Republican X``)."""
    if end < len(doc) and doc[end].text == ",":
        words = [t.lower_ for t in doc[end + 1 : end + 8]]
        skip = 1 if words[:1] and words[0] in ("a", "an", "the", "its", "our", "their") else 0
        if len(words) > skip + 1 and words[skip + 1] in ("’s", "'s"):
            skip += 2  # "the university’s chief economist"
        for word in words[skip : skip + 4]:
            if word in ("of", "at", "for", "with", ",", "and", "(") or word in (
                _ROLES_ORGS_HAVE_TOO
            ):
                break
            if word in resources.title_words():
                return True
    if start > 0:
        before = doc[start - 1]
        word = before.lower_
        if before.text[:1].isupper() and (
            word in _PARTY_WORDS or (word in resources.title_words() and word != "general")
        ):
            return True
    return False


_HONORIFIC_WORDS = frozenset(
    {
        "mr",
        "ms",
        "mrs",
        "dr",
        "prof",
        "honourable",
        "honorable",
        "hon",
        "sir",
        "dame",
        "h.e",
        "his",
        "her",
        "amb",
    }
)


def classify_kind(name: str, acronym: str | None) -> str | None:
    """Kind of organisation where its name makes it clear."""
    words = {w.lower().strip(".,") for w in name.split()}
    if acronym in INTERGOVERNMENTAL or name.startswith("United Nations"):
        return "intergovernmental"
    if words & {"inc", "ltd", "llc", "plc", "corp", "corporation", "company", "gmbh", "co"}:
        return "company"
    if words & {"university", "college", "school", "academy"}:
        return "academic"
    legislative = {"senate", "congress", "parliament", "assembly", "house"}
    if words & legislative and "committee" not in words:
        return "legislature"
    if words & {"ministry", "department", "government", "agency", "administration", "bureau"}:
        return "government"
    if words & {"foundation", "ngo", "charity", "alliance", "society"}:
        return "ngo"
    return None


def _key(name: str) -> str:
    """Merge key: no "the", no possessive, lower case, a trailing country as its ISO code."""
    name = _POSSESSIVE.sub("", _LEADING_THE.sub("", name.strip())).lower()
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"^(?:u\.\s?s\.?|u s|united states)\s+(?=\w)", "", name)  # "U.S. Department of X"
    match = re.match(r"^(.+?\bof)\s+(?:the\s+)?(.+)$", name)
    if match:
        code = resources.country_aliases().get(resources.normalise_country_key(match.group(2)))
        if code:
            return f"{match.group(1)} {code}"
    return name


class _Registry:
    """Collects names and mentions and merges those that name the same organisation."""

    def __init__(self) -> None:
        self.orgs: list[OrgHit] = []
        self.by_key: dict[str, OrgHit] = {}

    def add(self, name: str, start: int, end: int, acronym: str | None = None) -> OrgHit:
        org = self.by_key.get(_key(name)) or (acronym and self.by_key.get(_key(acronym))) or None
        if org is None:
            org = OrgHit(name=name)
            self.orgs.append(org)
        self._absorb(org, name)
        if acronym:
            org.acronym = org.acronym or acronym
            self.by_key.setdefault(_key(acronym), org)
        if (start, end) not in org.mentions:
            org.mentions.append((start, end))
        return org

    def _absorb(self, org: OrgHit, name: str) -> None:
        self.by_key.setdefault(_key(name), org)
        if name == org.name or name in org.aliases:
            return
        if name.isupper() and len(name) <= 10 and " " not in name:
            org.acronym = org.acronym or name
            if org.name == name:
                return
        if org.name.isupper() and " " not in org.name and not name.isupper():
            org.aliases.append(org.name)
            org.acronym = org.acronym or org.name
            org.name = name
        elif len(name) > len(org.name) and not name.isupper():
            org.aliases.append(org.name)
            org.name = name
        else:
            org.aliases.append(name)


_COMPANY_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Ltd\.?|LLC|plc|PLC|Corp\.?|Corporation|Co\.|GmbH|S\.A\.|AG|N\.V\.|a\.s\.)$"
)


def _add_short_company_names(text: str, registry: _Registry) -> None:
    """``Acme Water Ltd.`` is also written ``Acme Water``: add that alias and its mentions."""
    for org in registry.orgs:
        short = _COMPANY_SUFFIX.sub("", org.name)
        if short == org.name and org.name.split()[-1] in COMPANY_HEADS:
            short = org.name.rsplit(" ", 1)[0]  # "Southern Skies" of "Southern Skies Airways"
            if " " not in short and short in _COMMON_FIRST_WORDS:
                continue
        if short == org.name or len(short) < 3:
            continue
        found = False
        pattern = rf"(?<![\w-]){re.escape(short)}(?![\w-])(?![ \t]+[A-Z])"
        for match in re.finditer(pattern, text):
            if not any(s <= match.start() < e for s, e in org.mentions):
                org.mentions.append(match.span())
                found = True
        if found and short not in org.aliases:
            org.aliases.append(short)


def initials(name: str) -> str:
    """Initials of the capitalised words: "Government Accountability Office" -> "GAO"."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _merge_initialisms(registry: _Registry) -> None:
    """Fold an acronym-only organisation into the one whose initials spell it."""
    for org in list(registry.orgs):
        if org.acronym != org.name:
            continue
        targets = [
            o
            for o in registry.orgs
            if o is not org and o.acronym is None and initials(o.name) == org.name
        ]
        if len(targets) == 1:
            target = targets[0]
            target.acronym = org.name
            target.mentions.extend(org.mentions)
            registry.orgs.remove(org)


COMPANY_HEADS = frozenset(
    [
        "Foods",
        "Grocers",
        "Partners",
        "Kitchens",
        "Metals",
        "Analytics",
        "Biosciences",
        "Holdings",
        "Systems",
        "Technologies",
        "Labs",
        "Pharmaceuticals",
        "Therapeutics",
        "Airways",
        "Airlines",
        "Motors",
        "Industries",
        "Enterprises",
        "Logistics",
        "Solutions",
        "Ventures",
        "Bancorp",
        "Robotics",
        "Mining",
        "Minerals",
        "LLP",
        "GmbH",
        "AG",
    ]
)
PATTERN_HEADS = (
    frozenset(
        [
            "Ministry",
            "Department",
            "Agency",
            "Office",
            "Hub",
            "Association",
            "Organization",
            "Organisation",
            "Bank",
            "Fund",
            "Council",
            "Commission",
            "Committee",
            "Subcommittee",
            "Institute",
            "Institution",
            "University",
            "College",
            "School",
            "Academy",
            "Administration",
            "Bureau",
            "Authority",
            "Foundation",
            "Corporation",
            "Company",
            "Inc.",
            "Ltd.",
            "LLC",
            "plc",
            "Corp.",
            "Group",
            "Society",
            "Federation",
            "Alliance",
            "Union",
            "Board",
            "Network",
            "Trust",
            "Consortium",
            "Embassy",
            "Secretariat",
            "Directorate",
            "Coalition",
            "Court",
            "Parliament",
            "Assembly",
            "Laboratory",
            "Laboratories",
            "Hospital",
            "Chamber",
            "Cooperative",
            "Partnership",
            "Caucus",
            "Center",
            "Centre",
        ]
    )
    | COMPANY_HEADS
)
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
        "New",
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
) - {"New"}
_CAPS_RUN = re.compile(
    r"[A-Z][\w’'&.\-]*(?:[ \t]+(?:(?:of|for|on|and|the|de|du|des|in|&)[ \t]+)*[A-Z][\w’'&.\-]*)*"
)


_ORDINAL_SESSION = re.compile(r"\b\d{1,3}(?:st|nd|rd|th) (?:Congress|Parliament|Legislature)\b")
_CONNECTING = frozenset({"of", "for", "on", "and", "the", "in", "&"})
_ABBREVIATED = re.compile(r"^(?:St|Mt|Inc|Ltd|Corp|Co|Jr|Ft)\.$|^(?:[A-Z]\.)+$")


_WEEKDAYS_MONTHS = frozenset(
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


def _is_head(word: str) -> bool:
    return _POSSESSIVE.sub("", word.rstrip(",;:")) in PATTERN_HEADS or (
        word.rstrip(".,;:") in PATTERN_HEADS
    )


def _split_run(
    words: list[re.Match[str]], breaks: set[int], offset: int
) -> list[list[re.Match[str]]]:
    """Cut a run after a sentence-final word or a possessive, before a person's name, a weekday
    or month, and at "and" between two names ("Consortium and the Office of ...")."""
    pieces: list[list[re.Match[str]]] = [[]]
    for index, word in enumerate(words):
        text = word.group()
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if text.rstrip(".,;:") in _WEEKDAYS_MONTHS:
            pieces += [[word], []]
            continue
        company = {text, following} & (COMPANY_HEADS | {"LLC", "Inc.", "Ltd.", "plc"})
        if pieces[-1] and offset + word.start() in breaks and not company:
            pieces.append([])  # not in "Pinecrest [Kitchens LLC]" the model took for a person
        if (
            text in ("and", "&")
            and pieces[-1]
            and (following == "the" or _is_head(pieces[-1][-1].group()))
        ):
            pieces.append([])
            continue
        if text in ("on", "in") and following.rstrip(".,;:") in _WEEKDAYS_MONTHS:
            pieces.append([])
            continue
        pieces[-1].append(word)
        if text.endswith(".") and not _ABBREVIATED.match(text):
            pieces.append([])
        elif (
            _POSSESSIVE.search(text)
            and following
            and (_is_head(text) or offset + pieces[-1][0].start() in breaks)
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
        for words in _split_run(all_words, set(breaks), match.start()):
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
        if _is_head(w.group()) or (i > 0 and _service_district(words[i - 1].group(), w.group()))
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
    if heads[-1] + 1 < len(words) and words[heads[-1] + 1].group().lower() in _ADDRESS_HEADS:
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
    name = _POSSESSIVE.sub("", text[begin:end]).rstrip(".,;:")
    if (
        name.endswith(("Inc", "Ltd", "Corp"))
        and text[begin + len(name) : begin + len(name) + 1] == "."
    ):
        name += "."
    name = cut_country_tail(name)
    suffix = _TRAILING_SUFFIX.match(text, begin + len(name))
    if suffix and not _COMPANY_SUFFIX.search(name):
        name += suffix.group()  # "Moravia Battery Metals a.s.", "Veltrona Biosciences, Inc."
    return name, begin


_DISTRICT_KINDS = frozenset(
    {"Utility", "School", "Water", "Irrigation", "Fire", "Sanitation", "Transit", "Conservation"}
)


def _service_district(before: str, word: str) -> bool:
    """``Pecan Creek Municipal Utility District``: a public body, not an area."""
    return word.rstrip(".,;:") == "District" and before in _DISTRICT_KINDS


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


def find_organisations(doc: Doc) -> list[OrgHit]:
    """Organisations in ``doc`` from ORG entities, acronym definitions, proper-noun runs that
    end in an organisation word, and known acronyms.

    Args:
        doc: A Doc with entities (any pipeline; a blank one finds only acronyms).

    Returns:
        Organisations in order of first mention, each with merged mentions.
    """
    text = doc.text
    ents = doc.ents  # each access of ents rebuilds the spans: read it once
    registry = _Registry()
    definitions = find_acronym_definitions(text)
    rejected = _add_definitions(text, ents, definitions, registry)
    body_start = header_end(doc)
    context = _Context(
        text=text,
        quoted_titles=quoted_title_ranges(text),
        securities=_ticker_symbols(text),
        patterns=find_pattern_organisations(
            text, body_start, frozenset(e.start_char for e in ents if e.label_ == "PERSON")
        ),
    )
    _add_entities(doc, ents, context, body_start, rejected, registry)
    _add_patterns(ents, context, registry)
    _add_acronyms(text, body_start, {d.acronym for d in definitions}, context, registry)
    _merge_initialisms(registry)
    _add_short_company_names(text, registry)
    _merge_short_forms(registry)
    for org in registry.orgs:
        org.mentions.sort()
        org.aliases = [a for a in dict.fromkeys(org.aliases) if a not in (org.name, org.acronym)]
        if org.acronym and org.acronym != org.name and org.acronym not in org.aliases:
            org.aliases.insert(0, org.acronym)
        org.kind = classify_kind(org.name, org.acronym)
    return sorted(registry.orgs, key=lambda o: o.mentions[0])


@dataclass(frozen=True)
class _Context:
    """What every candidate is checked against."""

    text: str
    quoted_titles: list[tuple[int, int]]
    securities: list[tuple[int, int]]
    patterns: list[tuple[str, int]]

    def excluded(self, start: int, end: int) -> bool:
        """Inside a quoted title, a ticker symbol, or a currency code before an amount."""
        if any(s <= start < e for s, e in self.quoted_titles + self.securities):
            return True
        return self.text[start:end] in resources.currency_codes() and bool(
            re.match(r"\s?[\d$€£¥]", self.text[end : end + 2])
        )  # "CHF 18 million"


def _add_definitions(
    text: str, ents: tuple[Span, ...], definitions: list[AcronymDefinition], registry: _Registry
) -> set[str]:
    """Register acronym definitions whose long form is an organisation; return the others."""
    rejected: set[str] = set()
    for definition in definitions:
        definition = _extend_long_form(text, ents, definition)
        long = clean_org_text(definition.long, definition.long_start)
        if long is None:
            continue
        name, start = long
        tagged = any(ent.label_ == "ORG" and ent.start_char <= start < ent.end_char for ent in ents)
        organisational = (
            _looks_like_org(name) or definition.acronym in resources.known_org_acronyms() or tagged
        )
        if organisational and not is_not_organisation(name):
            registry.add(name, start, start + len(name), definition.acronym)
        else:
            rejected.add(definition.acronym)
    return rejected


def _add_entities(
    doc: Doc,
    ents: tuple[Span, ...],
    context: _Context,
    body_start: int,
    rejected: set[str],
    registry: _Registry,
) -> None:
    """Register the model's ORG entities that survive repair and the non-organisation checks."""
    text = context.text
    person_words = {w for e in ents if e.label_ == "PERSON" for w in e.text.split()}
    all_countries = [(m.start, m.end) for m in find_country_mentions(text, [])]
    contact_names = [span for block in contact_blocks(text) for span in name_fields(text, block)]
    country_spans = [(s, e) for s, e in all_countries if not _governs(text, s)]
    for ent in ents:
        if ent.label_ != "ORG" or ent.start_char < body_start or _inside_title(doc, ent):
            continue
        if context.excluded(ent.start_char, ent.end_char) or _common_noun(doc, ent, text):
            continue
        if _place_by_context(doc, ent) or _title_modifier(doc, ent) or _not_a_name(ent):
            continue
        cleaned = clean_org_text(ent.text, ent.start_char)
        if cleaned is None or is_not_organisation(cleaned[0]):
            continue
        if _names_a_person(cleaned[0], person_words) or (
            person_shaped(cleaned[0]) and introduces_person(doc, ent.start, ent.end)
        ):
            continue
        if cleaned[0].split()[0].lower() in resources.title_words():
            continue  # "Counsellor for Climate and Development" is a job title
        org_end = cleaned[1] + len(cleaned[0])
        if any(s < org_end and cleaned[1] < e for s, e in country_spans) or any(
            cleaned[1] <= s < org_end < e for s, e in all_countries
        ):
            continue  # "Côte" of "Côte d’Ivoire", "National Education of Côte"
        if any(s <= ent.start_char < e for s, e in contact_names):
            continue  # a contact's name the model took for an organisation
        if _domain_of_a_title(doc, ent, cleaned[0]):
            continue  # "Minister of [Natural Resources]"
        possessor = re.match(r"^(.+?)['’]s\s+(.+)$", cleaned[0])
        ranked = ent.start > 0 and _is_rank_word(doc[ent.start - 1].text)
        if possessor and (possessor.group(1).split()[-1] in person_words or ranked):
            cleaned = (possessor.group(2), cleaned[1] + possessor.start(2))  # "Allen's Board"
        elif possessor and _is_head(possessor.group(1).split()[-1]):
            # "General Assembly’s Special Committee": two organisations
            registry.add(possessor.group(1), cleaned[1], cleaned[1] + len(possessor.group(1)))
            cleaned = (possessor.group(2), cleaned[1] + possessor.start(2))
        name, start = _widen(cleaned[0], cleaned[1], context.patterns)
        if name in rejected and not registry.by_key.get(_key(name)):
            continue
        registry.add(name, start, start + len(name))


def _widen(name: str, start: int, patterns: list[tuple[str, int]]) -> tuple[str, int]:
    """An entity the model cut short takes the organisation-word run that contains it:
    "[Intergovernmental Commission] on Drylands", "[Homeland Security] and Governmental
    Affairs Committee". A run only reaches further left for a fragment with no organisation
    word ("Recent National Park Service" does not replace "National Park Service")."""
    end = start + len(name)
    for long, begin in patterns:
        inside = begin <= start and end <= begin + len(long) and len(long) > len(name)
        if not inside:
            continue
        left = long[: start - begin].strip()
        if (
            not _looks_like_org(name)
            or left.endswith(" and")
            or left.lower() in (resources.demonyms())
        ):
            return long, begin  # a fragment, "X and [Y Committee]", "Spanish [Honor Society]"
        extension = long[end - begin :].split()
        if begin == start and not any(_is_head(w) for w in extension):
            return long, begin  # not across a second name: "Department of X of the Ministry"
    return name, start


def _add_patterns(ents: tuple[Span, ...], context: _Context, registry: _Registry) -> None:
    """Register organisation-word runs the model missed. A run that ends in a company word or
    suffix wins over a PERSON entity inside it ("[Pinecrest Kitchens] LLC")."""
    taken = [(s, e) for o in registry.orgs for s, e in o.mentions]
    people = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    for name, start in context.patterns:
        end = start + len(name)
        if any(s < end and start < e for s, e in taken) or is_not_organisation(name):
            continue
        company = name.split()[-1] in COMPANY_HEADS or bool(_COMPANY_SUFFIX.search(name))
        if not company and any(s < end and start < e for s, e in people):
            continue
        if context.excluded(start, end):
            continue
        registry.add(name, start, end)


def _add_acronyms(
    text: str, body_start: int, defined: set[str], context: _Context, registry: _Registry
) -> None:
    """Every use of a defined acronym, and of a known one, in the body is a mention."""
    acronyms = {o.acronym for o in registry.orgs if o.acronym}
    known = resources.known_org_acronyms()
    for match in _ACRONYM_USE.finditer(text, body_start):
        acronym = match.group()
        if context.excluded(match.start(), match.end()):
            continue
        if (
            acronym in acronyms
            or acronym in known
            or (acronym in defined and registry.by_key.get(_key(acronym)))
        ):
            registry.add(acronym, match.start(), match.end(), acronym)


_ACRONYM_USE = re.compile(r"\b[A-Z][A-Z&\-]{1,9}(?=(?:s|['’]s)?\b)")
_LISTING = re.compile(r"(?:^|[;,]\s*)[A-Z][A-Za-z ]{1,30}?\s*:\s*[A-Z][A-Z0-9.\-]{0,9}\b")


def _ticker_symbols(text: str) -> list[tuple[int, int]]:
    """Spans of ticker tags, ``(NASDAQ: BWTR)`` / ``(LSE: ASHP; TSX: AP)``: a listing
    reference, so neither the exchange nor the symbol is an organisation of the release."""
    spans = []
    for paren in re.finditer(r"\(([^()\n]{3,80})\)", text):
        if _LISTING.match(paren.group(1)):
            spans.append(paren.span())
    return spans


_BILL = re.compile(r"^(?:H\.?\s?R\.?|S\.|H\.\s?Res\.?|S\.\s?Res\.?)\s?\d+$")


def _not_a_name(ent: Span) -> bool:
    """Entities that cannot be an organisation's name: a bill number ("H.R. 517"), a phrase
    with a finite verb ("Helps Fend Off", "Will Receive"), a lone plural noun ("Students")."""
    if _BILL.match(ent.text):
        return True
    if any(t.tag_ in ("MD", "VBZ", "VBD") for t in ent):
        return True
    return len(ent) == 1 and ent[0].tag_ == "NNS" and not ent.text.isupper()


def _is_rank_word(word: str) -> bool:
    """ "Senator", "Sen.", "Mr." before a name."""
    return (
        word.lower().rstrip(".") in resources.title_words()
        or word in resources.title_abbreviations()
        or word.rstrip(".").lower() in _HONORIFIC_WORDS
    )


def _title_modifier(doc: Doc, ent: Span) -> bool:
    """A single capitalised word in front of a job title is its portfolio, not an
    organisation: "[Defense] Secretary", "[Ranking] Member" (an acronym there is one: "UNDP
    Administrator")."""
    if len(ent) != 1 or not ent.text[1:].islower() or ent.end >= len(doc):
        return False  # "UNDP Administrator", "FarSounder CEO" name organisations
    following = doc[ent.end]
    return following.text[:1].isupper() and following.lower_ in resources.title_words()


def _place_by_context(doc: Doc, ent: Span) -> bool:
    """A short ORG with no organisation word written as a place: ``in [Franklin], Southampton
    County``, ``in [Kings Point], New York``."""
    words = {w.lower() for w in ent.text.split()}
    if len(words) > 2 or words & ORG_WORDS or set(ent.text.split()) & COMPANY_HEADS:
        return False
    if ent.start > 1 and doc[ent.start - 1].lower_ == "of":
        previous = [e for e in doc.ents if e.end == ent.start - 1]
        if previous and (previous[0].label_ == "PERSON" or person_shaped(previous[0].text)):
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


def _common_noun(doc: Doc, ent: Span, text: str) -> bool:
    """A one-word ORG that only starts a sentence ("Utilities have had ...") and is written in
    lower case elsewhere in the document."""
    if len(ent) != 1 or not ent.text[1:].islower():
        return False
    opening = ent.start > 0 and doc[ent.start - 1].is_quote and doc[ent.start - 1].is_sent_start
    if not (ent[0].is_sent_start or opening):
        return False
    word = re.escape(ent.text.lower())  # as a word of prose, not in "www.ashcombe.com"
    return re.search(rf"(?<=\s){word}(?=[\s,;:!?)]|\.(?:\s|$))", text) is not None


_COMMON_FIRST_WORDS = frozenset(
    [
        "American",
        "United",
        "General",
        "National",
        "International",
        "Global",
        "First",
        "Royal",
        "Standard",
        "Pacific",
        "Atlantic",
        "Continental",
        "Southern",
        "Northern",
        "Eastern",
        "Western",
        "Central",
        "New",
        "Great",
        "Public",
        "Federal",
        "State",
        "City",
        "Union",
        "Trust",
        "Capital",
        "Advanced",
        "Applied",
        "Integrated",
        "Allied",
        "Consolidated",
    ]
)


def _merge_short_forms(registry: _Registry) -> None:
    """Fold an organisation that is another's short form into it: "Brightwater" and
    "Brightwater Analytics" into "Brightwater Analytics Inc.", "Merchant Marine Academy" into
    "United States Merchant Marine Academy", "Finance Committee" into "Senate Finance
    Committee" — only when exactly one organisation has it as its short form."""
    for short in sorted(registry.orgs, key=lambda o: len(o.name), reverse=True):
        fulls = [f for f in registry.orgs if f is not short and _short_form_of(short.name, f)]
        if len(fulls) != 1:
            continue
        full = fulls[0]
        full.mentions.extend(m for m in short.mentions if m not in full.mentions)
        full.aliases += [short.name, *short.aliases]
        full.acronym = full.acronym or short.acronym
        registry.orgs.remove(short)


def _short_form_of(short: str, full: OrgHit) -> bool:
    forms = {full.name, *full.aliases}
    if short in forms:
        return True
    if short.isupper():
        return False
    plain = short.split()[0] not in _COMMON_FIRST_WORDS and not _looks_like_org(short)
    for form in forms:
        company = form.split()[-1] in COMPANY_HEADS or bool(_COMPANY_SUFFIX.search(form))
        if plain and company and form.startswith(short + " "):
            return True  # "Southern Crescent" of "Southern Crescent Airways"
        prefix = form[: -len(short)].strip() if form.endswith(" " + short) else ""
        if prefix and resources.normalise_country_key(prefix) in resources.country_aliases():
            return True  # "Merchant Marine Academy" of "United States Merchant Marine Academy"
        if prefix and len(short.split()) >= 2 and _head(short) in ORG_WORDS:
            return True  # "Review Board" of "Service Academy Review Board"
    return False


class OrganisationsComponent(FieldComponent):
    """Writes ``doc._.pr_organisations``."""

    def process(self, doc: Doc) -> None:
        doc._.set(
            attrs.ORGANISATIONS,
            [
                {
                    "name": o.name,
                    "acronym": o.acronym,
                    "aliases": o.aliases,
                    "kind": o.kind,
                    "mentions": [list(m) for m in o.mentions],
                }
                for o in find_organisations(doc)
            ],
        )


@Language.factory(
    "pr_organisations",
    assigns=[f"doc._.{attrs.ORGANISATIONS}"],
    requires=["doc.ents", f"doc._.{attrs.TITLE}", f"doc._.{attrs.DATELINE}"],
    default_config={},
)
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """Build the organisations component."""
    return OrganisationsComponent(name)
