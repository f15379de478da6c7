"""Figures for the overview page of a batch: pure functions over batch entries.

Names are grouped case-insensitively and shown in their most frequent written form. People,
organisations, countries and places count the releases that name them; speakers count quotes.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from extractor.report.highlight import as_dicts, as_text
from extractor.report.lines import BatchEntry

TOP = 15
MAX_BARS = 80
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Ranked:
    """One row of a most-frequent list."""

    name: str
    count: int
    share: float  # count relative to the largest count of the list (0..1], for the bar


@dataclass(frozen=True)
class Bar:
    """One period of the releases-over-time chart."""

    label: str
    count: int
    height: float  # relative to the tallest bar (0..1]


@dataclass(frozen=True)
class Timeline:
    """Releases per period of their dateline date."""

    unit: str  # "month" or "N-year", for the caption
    bars: list[Bar]
    dated: int
    undated: int
    coarse: int = 0  # dates too coarse for the unit (year only when bars are months)


@dataclass
class _Tally:
    """Counts per case-folded name, remembering the written forms."""

    counts: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, name: str, weight: int = 1) -> None:
        key = " ".join(name.split()).casefold()
        if key:
            self.counts[key] += weight
            self.forms[key][" ".join(name.split())] += weight

    def top(self, limit: int = TOP) -> list[Ranked]:
        ranked = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        if not ranked:
            return []
        largest = ranked[0][1]
        return [
            Ranked(self.forms[key].most_common(1)[0][0], count, count / largest)
            for key, count in ranked
        ]


def _distinct(names: Iterable[str]) -> list[str]:
    """One written form per case-folded name, so a release counts once per name."""
    seen: dict[str, str] = {}
    for name in names:
        key = " ".join(name.split()).casefold()
        if key and key not in seen:
            seen[key] = name
    return list(seen.values())


def top_speakers(entries: list[BatchEntry], limit: int = TOP) -> list[Ranked]:
    """Speakers by number of quotes."""
    tally = _Tally()
    for entry in entries:
        for quote in as_dicts(entry.record.get("quotes")):
            tally.add(as_text(quote.get("speaker")))
    return tally.top(limit)


def _top_named(entries: list[BatchEntry], field_name: str, limit: int) -> list[Ranked]:
    tally = _Tally()
    for entry in entries:
        names = [as_text(item.get("name")) for item in as_dicts(entry.record.get(field_name))]
        for name in _distinct(names):
            tally.add(name)
    return tally.top(limit)


def top_people(entries: list[BatchEntry], limit: int = TOP) -> list[Ranked]:
    """People by number of releases naming them."""
    return _top_named(entries, "people", limit)


def top_organisations(entries: list[BatchEntry], limit: int = TOP) -> list[Ranked]:
    """Organisations by number of releases naming them."""
    return _top_named(entries, "organizations", limit)


def top_countries(entries: list[BatchEntry], limit: int = TOP) -> list[Ranked]:
    """Countries by number of releases naming them."""
    return _top_named(entries, "countries", limit)


def place_of(record: dict) -> str:
    """The dateline place as ``City, CC`` (city as written, country code), or ``""``."""
    dateline = record.get("dateline")
    if not isinstance(dateline, dict):
        return ""
    city = " ".join(as_text(dateline.get("city")).split())
    country = as_text(dateline.get("country"))
    return ", ".join(part for part in (city, country) if part)


def top_places(entries: list[BatchEntry], limit: int = TOP) -> list[Ranked]:
    """Dateline places by number of releases."""
    tally = _Tally()
    for entry in entries:
        tally.add(place_of(entry.record))
    return tally.top(limit)


def top_wires(entries: list[BatchEntry], limit: int = TOP) -> list[Ranked]:
    """Wire services named in datelines, by number of releases."""
    tally = _Tally()
    for entry in entries:
        dateline = entry.record.get("dateline")
        if isinstance(dateline, dict):
            tally.add(as_text(dateline.get("wire")))
    return tally.top(limit)


def date_of(record: dict) -> str:
    """The dateline date when it is a valid ISO date at year, month or day precision."""
    dateline = record.get("dateline")
    date = as_text(dateline.get("date")) if isinstance(dateline, dict) else ""
    match = _DATE.match(date)
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        return ""
    return date


def _nice_step(span: int) -> int:
    """The smallest step of 1, 2 or 5 times a power of ten that needs at most MAX_BARS bars."""
    if span <= MAX_BARS:
        return 1
    magnitude = 10 ** int(math.log10(span / MAX_BARS))
    for factor in (1, 2, 5, 10):
        if span / (factor * magnitude) <= MAX_BARS:
            return factor * magnitude
    return 10 * magnitude


def timeline(entries: list[BatchEntry]) -> Timeline:
    """Releases per month (when the dates cover at most three years) or per year(s).

    Every period between the first and the last date gets a bar, empty ones included, so
    gaps show. Periods widen (2, 5, 10... years) so there are never more than MAX_BARS bars.
    """
    dates = [date_of(entry.record) for entry in entries if entry.ok]
    known = [d for d in dates if d]
    undated = len(dates) - len(known)
    if not known:
        return Timeline("year", [], 0, undated)
    years = [int(d[:4]) for d in known]
    months = [int(d[:4]) * 12 + int(d[5:7]) - 1 for d in known if len(d) >= 7]
    if months and max(years) - min(years) < 3:
        counts = Counter(months)
        low, high = min(months), max(months)
        labels = {m: f"{m // 12}-{m % 12 + 1:02d}" for m in range(low, high + 1)}
        return _bars("month", counts, labels, len(known), undated, len(known) - len(months))
    step = _nice_step(max(years) - min(years) + 1)
    first = min(years) - min(years) % step
    counts = Counter(first + (year - first) // step * step for year in years)
    labels = {
        y: (str(y) if step == 1 else f"{y}–{y + step - 1}")
        for y in range(first, max(years) + 1, step)
    }
    unit = "year" if step == 1 else f"{step}-year"
    return _bars(unit, counts, labels, len(known), undated)


def _bars(
    unit: str,
    counts: Counter[int],
    labels: dict[int, str],
    dated: int,
    undated: int,
    coarse: int = 0,
) -> Timeline:
    largest = max(counts.values(), default=0) or 1
    bars = [
        Bar(label, counts.get(key, 0), counts.get(key, 0) / largest)
        for key, label in labels.items()
    ]
    return Timeline(unit, bars, dated, undated, coarse)


@dataclass(frozen=True)
class Totals:
    """Counts at the top of the overview."""

    releases: int
    ok: int
    failed: int
    failed_by_type: list[tuple[str, int]]
    warnings_by_code: list[tuple[str, int]]
    quotes: int
    quotes_with_speaker: int
    people: int
    organisations: int


def totals(entries: list[BatchEntry]) -> Totals:
    """Counts of releases, failures by error type, warnings by code and mentions."""
    failed = Counter(entry.error_type for entry in entries if not entry.ok)
    warnings: Counter[str] = Counter()
    quotes = with_speaker = people = organisations = 0
    for entry in entries:
        record = entry.record
        warnings.update(
            as_text(w.get("code")) or "unknown" for w in as_dicts(record.get("warnings"))
        )
        entry_quotes = as_dicts(record.get("quotes"))
        quotes += len(entry_quotes)
        with_speaker += sum(1 for quote in entry_quotes if as_text(quote.get("speaker")))
        people += len(as_dicts(record.get("people")))
        organisations += len(as_dicts(record.get("organizations")))
    ok = sum(1 for entry in entries if entry.ok)
    return Totals(
        releases=len(entries),
        ok=ok,
        failed=len(entries) - ok,
        failed_by_type=sorted(failed.items(), key=lambda item: (-item[1], item[0])),
        warnings_by_code=sorted(warnings.items(), key=lambda item: (-item[1], item[0])),
        quotes=quotes,
        quotes_with_speaker=with_speaker,
        people=people,
        organisations=organisations,
    )
