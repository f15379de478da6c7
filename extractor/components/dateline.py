"""pr_dateline: place, date and wire service from the opening line of a release.

The dateline is looked for only at the start of one of the first lines of the text (the
headline line included, for releases that have none), never in a later sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs, resources
from extractor.components._base import FieldComponent

_MONTH = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = (
    rf"(?:(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}-\d{{2}}-\d{{2}}))"
)
_CONNECTOR = r"(?:de|da|do|del|la|le|of|upon|on|am|sur|es|el)"
_WORD = rf"(?!{_MONTH}\s*\d)[A-Z][A-Za-z.'’]*(?:-[A-Za-z.'’]+)*"
_PLACE = rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD}){{0,4}}"
_PLACES = rf"{_PLACE}(?:[ \t]*,[ \t]*{_PLACE}){{0,2}}(?:[ \t]+(?:and|&)[ \t]+{_PLACE})?"
_DASH = r"(?:-{2,3}|(?<!\w)-|-(?!\w)|–|—|:|â(?=[ \t]))"  # â: an en dash cut by bad decoding
_PAREN = r"\([ \t]*[^()\n]{1,60}?[ \t]*\)"

_DATELINE = re.compile(
    rf"""
    (?P<places>{_PLACES}|\([ \t]*{_PLACES}[ \t]*\))
    (?:[ \t]*(?P<paren1>{_PAREN}))?
    (?:[ \t]*,?[ \t]*(?P<date>{_DATE}))?
    (?:[ \t]*(?P<paren2>{_PAREN}))?
    (?:[ \t]*(?P<slash>/[A-Za-z][\w .\-]{{1,40}}/))?
    [ \t]*(?P<dash>{_DASH})
    (?:[ \t]*(?P<paren3>{_PAREN})[ \t]*{_DASH})?
    (?:[ \t]*(?P<date2>{_DATE})(?:\.|[ \t]*{_DASH})?(?=\s|$))?
    """,
    re.VERBOSE,
)
_DATE_ONLY = re.compile(rf"(?P<date>{_DATE})[ \t]*(?P<dash>-{{1,3}}|–|—)(?=[ \t]*\S)", re.I)
_DATE_RE = re.compile(rf"^{_DATE}$", re.I)
_HAS_DAY = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}}(?!\d)|\d\s+{_MONTH}|\d{{4}}-\d\d-\d\d)", re.I)
_HAS_YEAR = re.compile(_YEAR)
_LINE = re.compile(r"[^\n]*\S[^\n]*")

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
    ]
)
MAX_LINES = 8
"""How many non-empty opening lines are searched for a dateline."""


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


def _strip_parens(text: str) -> str:
    return text.strip().removeprefix("(").removesuffix(")").strip()


def _is_date(text: str) -> bool:
    return bool(_DATE_RE.match(text.strip().rstrip(".")))


def match_wire(text: str) -> str | None:
    """Return the canonical wire-service name written in ``text``, if any."""
    for pattern, name in _wire_patterns():
        if pattern.search(text):
            return name
    return None


@cache
def _wire_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(src, re.IGNORECASE), name) for src, name in resources.wire_services()]


def parse_date(
    text: str, reference_date: dt.date | None
) -> tuple[str | None, str | None, tuple[str, str] | None]:
    """Parse a dateline date at the precision it is written.

    Args:
        text: The date as written, e.g. ``"Feb 26"``, ``"1 March 2024"``, ``"October 2025"``.
        reference_date: Completes a date written without a year.

    Returns:
        ``(iso_date, precision, warning)``; ``warning`` is ``(code, message)`` when the date
        could not be completed or is impossible, and the date is then ``None``.
    """
    import dateparser  # deferred: importing it costs about a second

    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().rstrip("."))
    cleaned = re.sub(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+", "", cleaned, flags=re.I)
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


def _split_places(places: str) -> tuple[list[str], list[str]]:
    """Split ``"NEW YORK and CHICAGO"`` / ``"PORTLAND, Ore."`` into cities and region parts."""
    parts = [p.strip() for p in _strip_parens(places).split(",") if p.strip()]
    head = re.split(r"\s+(?:and|&)\s+", parts[0])
    return head, parts[1:]


def _infer_country(city: str | None, region: str | None) -> str | None:
    if region:
        key = region.strip()
        states = resources.us_states()
        if key in states or key.upper() in states or key.rstrip(".") in states:
            return "US"
        if key in resources.canadian_provinces():
            return "CA"
        code = resources.country_aliases().get(resources.normalise_country_key(key))
        if code:
            return code
    if city:
        key = city.lower()
        code = resources.city_countries().get(key)
        if code:
            return code
        return resources.country_aliases().get(resources.normalise_country_key(city))
    return None


def _plausible(
    cities: list[str], regions: list[str], has_date: bool, wire: str | None, dash: str
) -> bool:
    words = " ".join(cities + regions).replace(",", " ").split()
    if any(w.lower().strip(".’'") in _STOP_WORDS for w in words):
        return False
    city = cities[0]
    known = (
        city.lower() in resources.city_countries()
        or _infer_country(None, regions[0] if regions else city) is not None
    )
    shouting = (
        sum(c.isupper() for c in city) >= 2 and city.upper() == city and len(city.split()) <= 3
    )
    if len(city.split()) >= 3 and not (known or shouting):
        return False  # "Statewide Jobs Summit Scheduled April 30 –" is a headline
    if dash == ":":
        return known  # "Born: June 9, 1948", "WHEN: Monday" are not datelines
    if shouting and not (known or has_date or wire is not None or regions):
        first = city.split()[0]
        lowered = {w.lower().strip(".") for w in city.split()}
        if first == "THE" or lowered & (resources.title_words() | _NOT_PLACE_WORDS):
            return False  # "THE ECONOMY -", "INDIANA UNIVERSITY -", "SENS. DORGAN -"
    return shouting or known or has_date or wire is not None


def _match_line(line: str, offset: int, reference_date: dt.date | None) -> DatelineHit | None:
    stripped = line.lstrip()
    offset += len(line) - len(stripped)
    only = _DATE_ONLY.match(stripped)
    if only:
        date_text = only.group("date")
        iso, precision, warning = parse_date(date_text, reference_date)
        text = stripped[: only.end()]
        return DatelineHit(
            text,
            offset,
            offset + len(text),
            date=iso,
            date_precision=precision,
            warnings=[warning] if warning else [],
        )
    match = _DATELINE.match(stripped)
    if match is None:
        return None
    cities, regions = _split_places(match.group("places"))
    date_text = match.group("date") or match.group("date2")
    wire = None
    for name in ("paren1", "paren2", "paren3", "slash"):
        part = match.group(name)
        if not part:
            continue
        inner = _strip_parens(part).strip("/")
        if _is_date(inner):
            date_text = date_text or inner
        elif (found := match_wire(part)) is not None:
            wire = found
        elif name == "paren1" and not regions and match_wire(inner) is None:
            regions = [inner] if _infer_country(None, inner) else regions
    in_parens = match.group("places").lstrip().startswith("(")
    dash = match.group("dash")
    if not (in_parens and dash != ":") and not _plausible(
        cities, regions, date_text is not None, wire, dash
    ):
        return None
    warnings: list[tuple[str, str]] = []
    iso = precision = None
    if date_text:
        iso, precision, warning = parse_date(date_text, reference_date)
        if warning:
            warnings.append(warning)
    text = stripped[: match.end()].rstrip()
    region = ", ".join(regions) or None
    city = cities[0]
    country = _infer_country(city, region)
    if region is None and city.lower() not in resources.city_countries():
        code = resources.country_aliases().get(resources.normalise_country_key(city))
        if code:  # the place written is a country, not a city
            city, region = None, cities[0]
    return DatelineHit(
        text,
        offset,
        offset + len(text),
        city=city,
        region=region,
        country=country,
        date=iso,
        date_precision=precision,
        wire=wire,
        cities=cities,
        warnings=warnings,
    )


def find_dateline(text: str, reference_date: dt.date | None = None) -> DatelineHit | None:
    """Find the dateline at the start of one of the first lines of ``text``.

    Args:
        text: The document text.
        reference_date: Completes dates written without a year.

    Returns:
        The dateline, or ``None`` when no opening line starts with one.
    """
    for index, line in enumerate(_LINE.finditer(text)):
        if index >= MAX_LINES:
            break
        hit = _match_line(line.group(), line.start(), reference_date)
        if hit is not None:
            return hit
        # a scraped sub-headline and the dateline on one line, set apart by a run of spaces
        gap = _WIDE_GAP.search(line.group())
        if gap is not None:
            hit = _match_line(line.group()[gap.end() :], line.start() + gap.end(), reference_date)
            if hit is not None and hit.city is not None:
                return hit
    return None


_WIDE_GAP = re.compile(r"\S[ \t\u00a0]{3,}(?=[A-Z(])")


class DatelineComponent(FieldComponent):
    """Writes ``doc._.pr_dateline`` (and date problems to ``doc._.pr_warnings``)."""

    def process(self, doc: Doc) -> None:
        ref = doc._.get(attrs.REFERENCE_DATE)
        hit = find_dateline(attrs.text_of(doc), dt.date.fromisoformat(ref) if ref else None)
        if hit is None:
            doc._.set(attrs.DATELINE, None)
            return
        for code, message in hit.warnings:
            attrs.add_warning(doc, code, message)
        record = asdict(hit)
        del record["warnings"]
        doc._.set(attrs.DATELINE, record)


@Language.factory(
    "pr_dateline",
    assigns=[f"doc._.{attrs.DATELINE}", f"doc._.{attrs.WARNINGS}"],
    default_config={},
)
def make_dateline(nlp: Language, name: str) -> DatelineComponent:
    """Build the dateline component."""
    return DatelineComponent(name)
