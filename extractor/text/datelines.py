"""Datelines: place, date and wire service from the opening line of a release.

A dateline is read with a small grammar, not matched against a list of known formats. At
the start of one of the first lines (the headline line included, for releases that have
none) it reads a sequence of **parts** joined by **separators**:

- a **place**: a city ("SALT LAKE CITY", "St. Paul"), optionally followed by regions
  ("PORTLAND, Ore.", "HENGQIN, CHINA", "London, Ontario, Canada"); several cities joined by
  "and", "&" or "/" ("CHICAGO and PARK CITY, UT"); or a place in parentheses ("(BOISE)");
- a **date** in any common order and precision ("March 3, 2024", "3rd March, 2024",
  "21 August 2026", "October 2025", "2024-03-03", "Feb 26"), optionally with a weekday
  ("Monday Dec 1, 2025", "WEDNESDAY, MAY 20, 2026"), an ordinal ("June 20th"), a time and a
  zone ("@ 7:00 AM Eastern", "17:00"), or in parentheses ("(1 March 2024)");
- a **wire tag** of any name: ``/Name/``, ``/ Name /``, ``(Name)``, ``[Name]``, or a name
  between dashes that reads as a wire ("– Media OutReach Newswire –"), before or after the
  date, or first ("(NewMediaWire) - March 22, 2025 - Glendale, CA –");
- separators: ``--``, ``—``, ``–``, ``-``, ``,``, ``.``, ``|``, ``/``, ``@`` or a space.

The sequence must end where the body starts: a separator before the first sentence (any
dash, ``:``, ``|``, ``/``, and ``,`` or ``.`` after a date or tag), the end of the line (a
dateline on its own line, which then needs a date or a tag), or a plain space before a
capitalised word when both a place and a date were read ("Brussels, 3 March 2024 The
Commission ..."). A place must read as one: no heading or label words ("FOR IMMEDIATE
RELEASE", "WHEN: Monday", "Born: June 9, 1948"), and without a date or tag a place written
in mixed case must be a known place (the gazetteer of :mod:`extractor.resources`) or carry a
known region. Known wires keep their canonical names (``data/wire_services.json`` and the
``extra_wires`` of the component's config); other tags are reported as written.

Pure functions over text (no spaCy): ``pr_dateline`` writes the result to the Doc, where
``pr_links`` reads where a wire tag is (a tag such as "(Newsworthy.ai)" names the service,
it is not a link of the release).

Countries come from the dateline's own region words first (a US state, a Canadian province,
a country, another country's first-level division), so "London, Ontario" is in Canada and
"Paris, Texas" in the US; a city alone takes the country of the most populous place of that
name in the gazetteer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from extractor import resources

# --- the grammar's pieces ------------------------------------------------------------------

_SP = r"[ \t\u00a0]"

_MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_DATE_CORE = (
    rf"(?:{_MONTH}[ \t]+{_DAY}(?:,?[ \t]+{_YEAR})?"
    rf"|{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH},?(?:[ \t]+{_YEAR})?"
    rf"|{_MONTH},?[ \t]+{_YEAR}"
    rf"|{_YEAR}-\d{{2}}-\d{{2}})"
)
_ZONE = (
    r"(?:[A-Z]{1,4}T|UTC|GMT|Z|(?:US/)?(?:Eastern|Pacific|Central|Mountain)(?:[ \t]+Time)?"
    r"|[A-Z][a-z]+/[A-Za-z_]+)"
)
_TIME = (
    r"(?:[ \t]*(?:@|at|,|-)?[ \t]*(?:\d{1,2}:\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    rf"|\d{{1,2}}[ \t]*[AaPp]\.?[Mm]\.?)(?:[ \t]+{_ZONE}\b)?)"
)
_DATE = re.compile(rf"(?:{_WEEKDAY},?[ \t]+)?(?P<core>{_DATE_CORE}){_TIME}?(?![\w/])")
_DATE_RE = re.compile(rf"^(?:{_WEEKDAY},?[ \t]+)?{_DATE_CORE}{_TIME}?$")
_HAS_DAY = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}}(?!\d)|\d\s+(?:of\s+)?{_MONTH}|\d{{4}}-\d\d-\d\d)")
_HAS_YEAR = re.compile(_YEAR)

_CONNECTOR = r"(?:de|da|do|del|la|le|of|upon|on|am|an\s+der|sur|es|el|al|im|y)"
_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = rf"(?!{_MONTH}[ \t]*\d)(?!{_WEEKDAY},?[ \t]+{_MONTH})[{_UPPER}][\w.'’]*(?:-[\w.'’]+)*"
_PLACE_WORDS = rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD}){{0,4}}"
_JOIN = r"(?:/|[ \t]+/[ \t]+(?![^/\n]{1,50}/)|[ \t]+(?:and|AND|&)[ \t]+)"  # not "/ PR Karma /"
_CITIES = rf"{_PLACE_WORDS}(?:{_JOIN}{_PLACE_WORDS}){{0,3}}"
_PLACE = re.compile(rf"{_CITIES}(?:[ \t]*,[ \t]*{_CITIES}){{0,3}}")
_PAREN_PLACE = re.compile(rf"\([ \t]*(?P<inner>{_CITIES}(?:[ \t]*,[ \t]*{_CITIES}){{0,2}})[ \t]*\)")

_BRACKETED = re.compile(
    r"/[ \t]*(?P<slash>[\w.&'’][^/\n]{0,48}?)[ \t]*/"
    r"|\([ \t]*(?P<paren>[^()\n]{1,60}?)[ \t]*\)"
    r"|\[[ \t]*(?P<square>[^\[\]\n]{1,60}?)[ \t]*\]"
)
_DASH = r"(?:[-–—―]{2,3}|–|—|―|(?<!\w)-|-(?!\w)|â(?=[ \t]))"  # â: an en dash cut by bad decoding
_DASHED_NAME = re.compile(
    rf"[{_UPPER}0-9][^–—―\n(),]{{0,60}}?(?:\([^()\n]{{1,80}}\))?(?=[ \t]*{_DASH})"
)
_WIRE_WORD = re.compile(r"wire|news|press|\bPR\b|media|release", re.IGNORECASE)
_SEPARATOR = re.compile(rf"{_SP}*(?P<mark>{_DASH}|,|\.(?={_SP})|\||/|@|:)?{_SP}*")
_TERMINAL = re.compile(
    rf"{_SP}*(?P<mark>{_DASH}|:|\||/|,|\.)?{_SP}*(?P<rest>[^\s\u00a0]?)",
)
_SPACE = re.compile(rf"{_SP}*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_BULLET = re.compile(r"[ \t]*(?:[*•▪◦‣]|-(?=[ \t]))[ \t]")
_WIDE_GAP = re.compile(r"\S[ \t\u00a0]{3,}(?=[A-Z(])")

_STOP_WORDS = frozenset(
    [
        "for",
        "immediate",
        "release",
        "releases",
        "contact",
        "contacts",
        "press",
        "media",
        "embargoed",
        "embargo",
        "note",
        "editors",
        "statement",
        "update",
        "subject",
        "date",
        "from",
        "to",
        "re",
        "by",
        "posted",
        "source",
        "phone",
        "email",
        "e-mail",
        "fax",
        "senator",
        "sen",
        "rep",
        "representative",
        "today",
        "yesterday",
        "a",
        "an",
        "this",
        "in",
        "on",
        "at",
        "as",
        "it",
        "we",
        "i",
        "he",
        "she",
        "they",
        "our",
        "its",
        "mr",
        "mrs",
        "ms",
        "dr",
        "washington's",
        "chairman",
        "president",
        "when",
        "where",
        "what",
        "who",
        "born",
        "died",
        "period",
        "class",
        "deadline",
        "time",
        "venue",
        "location",
        "highlights",
        "advisory",
        "agenda",
        "event",
        "about",
    ]
)
_NOT_PLACE_WORDS = frozenset(
    [
        "university",
        "college",
        "school",
        "report",
        "grants",
        "grant",
        "economy",
        "organization",
        "organisation",
        "program",
        "programs",
        "act",
        "bill",
        "committee",
        "update",
        "news",
        "statement",
        "sens",
        "reps",
        "foundation",
        "inc",
        "inc.",
        "llc",
        "ltd",
        "corp",
        "corp.",
    ]
)
MAX_LINES = 8
"""How many non-empty opening lines are searched for a dateline (bulleted lines, such as the
highlights of an earnings release, are skipped and not counted)."""
STRONG_PLACE_POPULATION = 100_000
"""A place that alone (no date, tag or region) introduces a label-like ``X:`` line must be
at least this large, so that "Born:" or "Media:" (small towns too) are not datelines."""


@dataclass(frozen=True)
class DatelineHit:
    """A dateline found at the start of a line."""

    text: str
    start: int
    end: int
    city: str | None = None
    region: str | None = None
    country: str | None = None
    date: str | None = None
    date_precision: str | None = None
    wire: str | None = None
    cities: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    wire_span: tuple[int, int] | None = None
    """Where the wire tag is written, delimiters included (offsets into the text)."""


@dataclass
class _Parts:
    """What the grammar read from one line, with the end of the last part."""

    place: str | None = None
    place_in_parens: bool = False
    date: str | None = None
    wire: str | None = None
    wire_known: bool = False
    wire_first: bool = False
    wire_span: tuple[int, int] | None = None
    extra_region: str | None = None
    end: int = 0
    count: int = 0


# --- wires ---------------------------------------------------------------------------------


def match_wire(text: str, extra_wires: Sequence[str] = ()) -> str | None:
    """Return the canonical wire-service name written in ``text``, if any.

    Args:
        text: A tag with its delimiters ("/PRNewswire/", "(BUSINESS WIRE)") or a bare name.
        extra_wires: Further wire names (the component's ``extra_wires``), matched as whole
            names in any case and returned as given.
    """
    inner = text.strip().strip("/()[]").strip()
    for name in extra_wires:
        if inner.lower() == name.strip().lower():
            return name.strip()
    for candidate in dict.fromkeys((text, f"({inner})", f"/{inner}/")):
        for pattern, name in _wire_patterns():
            if pattern.search(candidate):
                return name
    return None


@cache
def _wire_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(src, re.IGNORECASE), name) for src, name in resources.wire_services()]


def _tag_like(inner: str) -> bool:
    """Could this bracketed text be a wire tag? Not a date, a ticker ("NASDAQ: QLYS"), a
    list ("Cloud, PC, and Xbox"), a time ("00:00") or a clause."""
    words = inner.split()
    return (
        not _is_date(inner)
        and ":" not in inner
        and "," not in inner
        and 0 < len(words) <= 8
        and any(c.isalpha() for c in inner)
    )


# --- dates ---------------------------------------------------------------------------------


def _is_date(text: str) -> bool:
    return bool(_DATE_RE.match(text.strip().rstrip(".")))


def parse_date(
    text: str, reference_date: dt.date | None
) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """Parse a dateline date at the precision it is written.

    Args:
        text: The date as written, e.g. ``"Feb 26"``, ``"1 March 2024"``, ``"October 2025"``,
            ``"Monday Dec 1, 2025 @ 7:00 AM Eastern"`` (weekday and time are ignored).
        reference_date: Completes a date written without a year.

    Returns:
        ``(iso_date, precision, warning)``; ``warning`` is ``(code, message)`` when the date
        could not be completed or is impossible, and the date is then ``None``.
    """
    import dateparser  # deferred: importing it costs about a second

    found = _DATE.search(text.strip())
    core = found.group("core") if found is not None else text.strip()
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", core.strip().rstrip("."), flags=re.I)
    cleaned = re.sub(r"\bof\s+", "", cleaned)
    cleaned = re.sub(r"(?i)\b(Sept)\.?(?=\s)", "Sep", cleaned)
    cleaned = re.sub(r"(?<=[A-Za-z])\.(?=\s)", "", cleaned)  # "October. 21" / "Jan. 5"
    has_year = bool(_HAS_YEAR.search(cleaned))
    precision = "day" if _HAS_DAY.search(cleaned) else "month"
    if not has_year and reference_date is None:
        return None, None, ("date_without_year", f"dateline date {text!r} has no year")
    base = dt.datetime.combine(reference_date or dt.date(2000, 1, 1), dt.time())
    settings = {"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base}
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None, None, ("impossible_date", f"dateline date {text!r} is not a valid date")
    value = parsed.date()
    if not has_year and reference_date is not None:
        value = _nearest_year(value, reference_date)
    iso = value.isoformat() if precision == "day" else value.isoformat()[:7]
    return iso, precision, None


def _nearest_year(value: dt.date, reference: dt.date) -> dt.date:
    """Put a year-less date in the year that brings it closest to (not far after) ``reference``."""
    try:
        value = value.replace(year=reference.year)
        if value > reference + dt.timedelta(days=31):
            value = value.replace(year=reference.year - 1)
    except ValueError:  # 29 February
        pass
    return value


# --- places --------------------------------------------------------------------------------


def _split_places(places: str) -> tuple[list[str], list[str]]:
    """Split a place into its cities and the first city's regions: ``"NEW YORK and CHICAGO"``
    -> ``(["NEW YORK", "CHICAGO"], [])``; ``"PORTLAND, Ore."`` -> ``(["PORTLAND"], ["Ore."])``;
    ``"SYDNEY, NOVA SCOTIA and SAN DIEGO, CA"`` -> ``(["SYDNEY", "SAN DIEGO"], ["NOVA SCOTIA"])``.
    """
    groups = [g for g in re.split(r"\s+(?:and|AND|&)\s+|\s*/\s*", places.strip().strip("()"))]
    cities: list[str] = []
    regions: list[str] = []
    for index, group in enumerate(g for g in groups if g.strip(" ,")):
        parts = [p.strip() for p in group.split(",") if p.strip()]
        cities.append(parts[0])
        if index == 0:
            regions = parts[1:]
    return cities, regions


def _written_form(table: Container[str], key: str) -> str | None:
    """The form of a region word a table lists: as written, in capitals, without a full stop."""
    return next((form for form in (key, key.upper(), key.rstrip(".")) if form in table), None)


def region_country(region: str) -> str | None:
    """The country a dateline's region words name: a US state ("Ore.", "TX"), a Canadian
    province ("BC", "Ontario"), a country ("CHINA", "United States") or another country's
    first-level division ("England", "Bavaria" as "Bayern"), when only one country has it."""
    key = region.strip()
    if _written_form(resources.us_states(), key) is not None:
        return "US"
    if _written_form(resources.canadian_provinces(), key) is not None:
        return "CA"
    code = resources.country_aliases().get(resources.normalise_country_key(key.rstrip(".")))
    if code:
        return code
    divisions = resources.region_countries().get(resources.place_key(key), frozenset())
    return next(iter(divisions)) if len(divisions) == 1 else None


def region_countries_of(region: str) -> set[str]:
    """Every country a region word can name: "AR" is Arkansas (US) and Argentina (AR), "CA"
    California and Canada, "GA" Georgia and Gabon."""
    key = region.strip()
    codes: set[str] = set()
    if _written_form(resources.us_states(), key) is not None:
        codes.add("US")
    if _written_form(resources.canadian_provinces(), key) is not None:
        codes.add("CA")
    code = resources.country_aliases().get(resources.normalise_country_key(key.rstrip(".")))
    if code:
        codes.add(code)
    if len(key) == 2 and key.isupper() and resources.country_by_iso2(key) is not None:
        codes.add(key)  # an ISO code written as a region
    return codes


def _state_of(region: str) -> str | None:
    states = resources.us_states()
    form = _written_form(states, region.strip())
    return states[form] if form is not None else None


def place_country(city: str | None, regions: Sequence[str]) -> str | None:
    """The country of a dateline place: its region words decide (the last one that names a
    country wins: "Hengqin, Guangdong, China"), else the most populous place called ``city``.

    Args:
        city: The (first) city as written, e.g. ``"London"``.
        regions: The region parts after it, e.g. ``["Ontario"]``.

    Returns:
        The ISO 3166-1 alpha-2 code, or ``None`` when neither the regions nor the gazetteer
        know the place.
    """
    for region in reversed(regions):
        codes = region_countries_of(region)
        if len(codes) > 1 and city:  # "AR": Arkansas or Argentina? the city decides
            places = resources.places_named(city)
            for place in places:
                if place.country in codes and (
                    place.country != "US" or _state_of(region) == place.admin1
                ):
                    return place.country
        code = region_country(region)
        if code:
            return code
    if city:
        places = resources.places_named(city)
        if places:
            return places[0].country
        return resources.country_aliases().get(resources.normalise_country_key(city))
    return None


def _known_in_parens(city: str, regions: Sequence[str]) -> bool:
    """A place in parentheses ("(BOISE) -", "(Springfield, Ill.) -") is written in capitals,
    is in the gazetteer or carries a known region; a name in parentheses otherwise is a
    credit or a tag ("(BookTrib) -")."""
    if city.upper() == city or any(region_country(r) for r in regions):
        return True
    return bool(resources.places_named(city)) or region_country(city) is not None


def _known_city(city: str) -> int | None:
    """Population of the largest place called ``city``, or ``None`` when none is known."""
    places = resources.places_named(city)
    return places[0].population if places else None


def _plausible(
    cities: list[str], regions: list[str], has_date: bool, wire: str | None, mark: str | None
) -> bool:
    """Does the place read as a dateline's place rather than a heading or a label?

    ``wire`` is a tag that counts as evidence (a known wire, a name that reads as a wire, or
    any tag beside a date); a place alone in mixed case must be a well-known city
    (:func:`~extractor.resources.city_countries`), a country or carry a known region.
    """
    named = cities + [r for r in regions if region_country(r) is None]  # not "ON", "IN"
    if any(w.lower().strip(".’':") in _STOP_WORDS for w in " ".join(named).split()):
        return False
    words = " ".join(cities + regions).replace(",", " ").split()
    city = cities[0]
    region_known = any(region_country(r) is not None for r in regions)
    population = _known_city(city)
    country_word = region_country(city) is not None
    known = region_known or population is not None or country_word
    shouting = (
        sum(c.isupper() for c in city) >= 2 and city.upper() == city and len(city.split()) <= 3
    )
    if len(city.split()) >= 3 and not (known or shouting):
        return False  # "Statewide Jobs Summit Scheduled April 30 –" is a headline
    if mark == ":" and not (has_date or wire):
        # "Highlights: Strong growth" is a label; "LONDON: The bank said" a dateline
        return region_known or country_word or (population or 0) >= STRONG_PLACE_POPULATION
    if shouting and not (known or has_date or wire is not None or regions):
        first = city.split()[0]
        lowered = {w.lower().strip(".") for w in city.split()}
        if first == "THE" or lowered & (resources.title_words() | _NOT_PLACE_WORDS):
            return False  # "THE ECONOMY -", "INDIANA UNIVERSITY -", "SENS. DORGAN -"
    if {w.lower().strip(".,") for w in words} & _NOT_PLACE_WORDS and not (has_date or wire):
        return False
    if not (shouting or has_date or wire is not None or region_known or country_word):
        return city.lower() in resources.city_countries()  # "Bedford- Stuyvesant" broken
    if mark == "," and not (shouting or region_known or country_word or population):
        return False  # "Starting January 5, ..." is a sentence
    return shouting or known or has_date or wire is not None


# --- the grammar ---------------------------------------------------------------------------


def _read_parts(line: str, extra_wires: Sequence[str]) -> list[_Parts]:
    """Every way the opening of ``line`` reads as a sequence of dateline parts, longest first.

    Each entry is the state after one more part, so the caller can fall back to a shorter
    reading when the longer one is not followed by the body (a capitalised sentence start is
    read as a place, and rejected, after a tag).
    """
    states: list[_Parts] = []
    state = _Parts()
    position = 0
    for _ in range(6):
        nxt = None
        if state.count == 0:
            nxt = _next_part(line, 0, state, extra_wires)
        else:
            spaced = _SPACE.match(line, position).end()
            separated = _SEPARATOR.match(line, position).end()
            for start in dict.fromkeys((spaced, separated)):
                if start == position and line[start : start + 1] not in ("(", "/", "["):
                    continue  # parts are set apart by a separator, a space or a bracket
                nxt = _next_part(line, start, state, extra_wires)
                if nxt is not None:
                    break
        if nxt is None:
            break
        state = nxt
        states.append(nxt)
        position = nxt.end
    return states[::-1]


def _next_part(line: str, start: int, state: _Parts, extra_wires: Sequence[str]) -> _Parts | None:
    """The state after reading one more part at ``start``, or ``None``."""
    bracketed = _BRACKETED.match(line, start)
    if bracketed is not None:
        inner = bracketed.group("slash") or bracketed.group("paren") or bracketed.group("square")
        inner = inner.strip()
        if _is_date(inner) and state.date is None:
            return _with(state, bracketed.end(), date=inner)
        if (
            bracketed.group("paren") is not None
            and state.place is not None
            and state.extra_region is None
            and state.wire is None
            and region_country(inner) is not None
            and match_wire(inner, extra_wires) is None
        ):
            return _with(state, bracketed.end(), extra_region=inner)  # "Springfield (Ill.)"
        paren_place = _PAREN_PLACE.fullmatch(bracketed.group())
        if (
            state.count == 0
            and paren_place is not None
            and not _WIRE_WORD.search(inner)
            and match_wire(inner, extra_wires) is None
        ):
            return _with(state, bracketed.end(), place=paren_place.group("inner"), parens=True)
        if state.wire is None and _tag_like(inner):
            known = match_wire(bracketed.group(), extra_wires)
            wire = known or " ".join(inner.split())
            return _with(
                state,
                bracketed.end(),
                start=bracketed.start(),
                wire=wire,
                known=bool(known),
                first=not state.count,
            )
        return None
    date = _DATE.match(line, start)
    if date is not None and state.date is None:
        return _with(state, date.end(), date=date.group())
    if state.place is None and (state.count == 0 or state.wire_first):
        place = _PLACE.match(line, start)
        if place is not None:
            return _with(state, place.end(), place=place.group().rstrip(" \t,"))
    if state.wire is None and state.count and line[start - 1 : start].isspace():
        dashed = _DASHED_NAME.match(line, start)
        previous = line[:start].rstrip()
        after_dash = bool(re.search(rf"{_DASH}$", previous))
        if dashed is not None and after_dash:
            name = dashed.group().strip()
            known = match_wire(name, extra_wires)
            if known or (_WIRE_WORD.search(name) and len(name.split()) <= 10):
                end = start + len(dashed.group().rstrip())
                return _with(state, end, start=start, wire=known or name, known=bool(known))
    return None


def _with(
    state: _Parts,
    end: int,
    *,
    start: int = 0,
    place: str | None = None,
    parens: bool = False,
    date: str | None = None,
    wire: str | None = None,
    known: bool = False,
    first: bool = False,
    extra_region: str | None = None,
) -> _Parts:
    return _Parts(
        place=place if place is not None else state.place,
        place_in_parens=parens or state.place_in_parens,
        date=date if date is not None else state.date,
        wire=wire if wire is not None else state.wire,
        wire_known=known or state.wire_known,
        wire_first=first or state.wire_first,
        wire_span=(start, end) if wire is not None else state.wire_span,
        extra_region=extra_region if extra_region is not None else state.extra_region,
        end=end,
        count=state.count + 1,
    )


def _wire_tag_named(parts: _Parts) -> bool:
    return parts.wire is not None and _WIRE_WORD.search(parts.wire) is not None


def _ending(line: str, parts: _Parts) -> int | None:
    """Where the dateline ends (after its closing separator), or ``None`` when what follows
    the parts is not the start of the body."""
    after = _TERMINAL.match(line, parts.end)
    mark, rest = after.group("mark"), after.group("rest")
    strong = parts.date is not None or parts.wire is not None
    if mark is None:
        if not rest:  # the end of the line: a dateline on its own line
            return parts.end if strong and (parts.place or (parts.date and parts.wire)) else None
        if parts.place and parts.date and (rest.isupper() or rest in '“"‘'):
            return parts.end  # "Brussels, 3 March 2024 The Commission ..."
        return None
    glued = after.start("mark") == parts.end and line[parts.end - 1 : parts.end].isalpha()
    if mark in ("–", "—") and glued and rest.isalpha():
        return None  # "Ontario—Taipei Route": a compound, not a place and a dash
    if mark in (",", ".") and not strong:
        return None  # "Paris, the capital ..." / "London. The bank ..." are sentences
    if mark == "/" and not rest and not strong:
        return None
    if mark == "." and rest and not (rest.isupper() or rest in '“"‘'):
        return None
    return after.start("rest") if rest else len(line.rstrip())


def _match_line(
    line: str, offset: int, reference_date: dt.date | None, extra_wires: Sequence[str] = ()
) -> DatelineHit | None:
    stripped = line.lstrip(" \t\u00a0\ufeff")  # a byte-order mark too
    offset += len(line) - len(stripped)
    for parts in _read_parts(stripped, extra_wires):
        hit = _hit(stripped, offset, parts, reference_date)
        if hit is not None:
            return hit
    return None


def _hit(
    line: str, offset: int, parts: _Parts, reference_date: dt.date | None
) -> DatelineHit | None:
    if parts.place is None and parts.date is None:
        return None  # a tag alone ("(NewsUSA) -") says neither where nor when
    end = _ending(line, parts)
    if end is None:
        return None
    after = _TERMINAL.match(line, parts.end)
    mark = after.group("mark")
    if parts.place is None:
        if not (parts.wire or (mark and re.fullmatch(_DASH, mark))) or not after.group("rest"):
            return None  # a date alone starts a dateline only before a dash and the body
        cities: list[str] = []
        regions: list[str] = []
    else:
        cities, regions = _split_places(parts.place)
        if parts.extra_region:
            regions.append(parts.extra_region)
        evidence = (
            parts.wire if (parts.wire_known or parts.date or _wire_tag_named(parts)) else None
        )
        if parts.place_in_parens and not _known_in_parens(cities[0], regions):
            return None  # "(BookTrib) - “Day of Wrath”": a credit tag, not "(BOISE) -"
        if not (parts.place_in_parens and mark != ":") and not _plausible(
            cities, regions, parts.date is not None, evidence, mark
        ):
            return None
    glued_hyphen = mark == "-" and after.start("mark") == parts.end
    if glued_hyphen and parts.place and not parts.date and parts.place != parts.place.upper():
        return None  # "Bedford- Stuyvesant": a word broken at its hyphen, not "CITY- text"
    if cities and not regions:
        cities[0] = cities[0].rstrip(".") or cities[0]  # "BRUSSELS. 3 March 2024"
    warnings: list[tuple[str, str]] = []
    iso = precision = None
    if parts.date:
        iso, precision, warning = parse_date(parts.date.strip("()[]/ "), reference_date)
        if warning:
            warnings.append(warning)
    text = line[:end].rstrip()
    city = cities[0] if cities else None
    region = ", ".join(regions) or None
    country = place_country(city, regions)
    return DatelineHit(
        text,
        offset,
        offset + len(text),
        city=city,
        region=region,
        country=country,
        date=iso,
        date_precision=precision,
        wire=parts.wire,
        cities=cities,
        warnings=warnings,
        wire_span=(
            (offset + parts.wire_span[0], offset + parts.wire_span[1]) if parts.wire_span else None
        ),
    )


def find_dateline(
    text: str, reference_date: dt.date | None = None, extra_wires: Iterable[str] = ()
) -> DatelineHit | None:
    """Find the dateline at the start of one of the first lines of ``text``.

    Args:
        text: The document text.
        reference_date: Completes dates written without a year.
        extra_wires: Wire names to report under the name given (besides the packaged list),
            and to accept between dashes even when they do not read as a wire.

    Returns:
        The dateline, or ``None`` when no opening line starts with one.
    """
    wires = tuple(extra_wires)
    index = 0
    for line in _LINE.finditer(text):
        if _BULLET.match(line.group()):
            continue  # a list of highlights before the dateline does not count as lines
        index += 1
        if index > MAX_LINES:
            break
        hit = _match_line(line.group(), line.start(), reference_date, wires)
        if hit is not None:
            return hit
        # a scraped sub-headline and the dateline on one line, set apart by a run of spaces
        gap = _WIDE_GAP.search(line.group())
        if gap is not None:
            hit = _match_line(
                line.group()[gap.end() :], line.start() + gap.end(), reference_date, wires
            )
            if hit is not None and hit.city is not None:
                return hit
    return None
