"""Golden samples: ``samples/NAME.txt`` against ``samples/NAME.expected.json`` (GOLD_FORMAT shape).

Exact fields (headline, dateline parts, URLs, e-mails, countries) must equal the expected
values; fuzzy fields (people, quotes, organisations) are scored with
:func:`extractor.scoring.score_document` and must not fall below the floors pinned in
``samples/floors.json`` (``benchmarks/sample_floors.py`` measures and raises them).
Known exact-field misses are strict xfails, so fixing one makes the suite ask for the mark's
removal.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extractor.scoring import Report, score_document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NAMES = sorted(p.name.removesuffix(".txt") for p in SAMPLES.glob("*.txt"))
EXPECTED: dict[str, dict[str, Any]] = {
    name: json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    for name in NAMES
    if (SAMPLES / f"{name}.expected.json").is_file()
}
FLOORS: dict[str, Any] = json.loads((SAMPLES / "floors.json").read_text(encoding="utf-8"))

Getter = Callable[[dict[str, Any]], Any]
EPS = 1e-9  # F1 = 3/4 computes as 0.7499999999999999; its floor 0.75 must still hold


def _dateline(key: str, *, fold: bool = False) -> Getter:
    def get(record: dict[str, Any]) -> Any:
        dateline = record.get("dateline")
        value = None if dateline is None else dateline.get(key)
        return value.casefold() if fold and isinstance(value, str) else value

    return get


def _strings(field: str, key: str) -> Getter:
    def get(record: dict[str, Any]) -> list[str]:
        return [item if isinstance(item, str) else item[key] for item in record.get(field, [])]

    return get


def _countries(record: dict[str, Any]) -> set[str]:
    return {c if isinstance(c, str) else c["iso2"] for c in record.get("countries", [])}


#: Exact fields: the same getter reads the record and the expected file.
EXACT: dict[str, Getter] = {
    "title": lambda record: record.get("title"),
    "dateline.text": _dateline("text"),
    "dateline.city": _dateline("city", fold=True),
    "dateline.region": _dateline("region", fold=True),
    "dateline.country": _dateline("country"),
    "dateline.date": _dateline("date"),
    "urls": _strings("urls", "url"),
    "emails": _strings("emails", "email"),
    "countries": _countries,
}

#: Exact-field misses of the current pipeline, by (sample, field).
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _exact_cases() -> list[Any]:
    cases = []
    for name in NAMES:
        for field in EXACT:
            reason = KNOWN_MISSES.get((name, field))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            cases.append(pytest.param(name, field, marks=marks, id=f"{name}-{field}"))
    return cases


def _floor_cases(floors: dict[str, dict[str, float]]) -> list[Any]:
    return [
        pytest.param(name, key, floor, id=f"{name}-{key}")
        for name, values in floors.items()
        for key, floor in values.items()
    ]


def metric(report: Report, key: str) -> float | None:
    """F1 for P/R/F1 metrics (1.0 when gold and prediction are both empty), else the ratio."""
    if key in report.counts:
        counts = report.counts[key]
        return 1.0 if counts.tp + counts.fp + counts.fn == 0 else counts.f1
    ratio = report.rates.get(key)
    return None if ratio is None else ratio.value


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    """Every sample extracted once, as JSON-shaped records by sample name."""
    from extractor import extract_many

    items = [((SAMPLES / f"{n}.txt").read_text(encoding="utf-8"), n) for n in NAMES]
    return {
        record.source: record.model_dump(mode="json")
        for record in extract_many(items)
        if record.source is not None
    }


@pytest.fixture(scope="module")
def reports(records: dict[str, dict[str, Any]]) -> dict[str, Report]:
    return {name: score_document(records[name], EXPECTED[name], name=name) for name in NAMES}


def test_samples_are_paired_and_floored() -> None:
    assert len(NAMES) >= 8
    assert sorted(EXPECTED) == NAMES, "every samples/NAME.txt needs NAME.expected.json"
    assert sorted(FLOORS["samples"]) == NAMES
    assert set(FLOORS["overall"]) <= set(FLOORS["metrics"])


@pytest.mark.model
@pytest.mark.parametrize(("name", "field"), _exact_cases())
def test_samples_exact_field(records: dict[str, dict[str, Any]], name: str, field: str) -> None:
    get = EXACT[field]
    assert get(records[name]) == get(EXPECTED[name])


@pytest.mark.model
@pytest.mark.parametrize(
    "name", [n for n, gold in EXPECTED.items() if "wire" in (gold["dateline"] or {})]
)
def test_samples_dateline_wire(records: dict[str, dict[str, Any]], name: str) -> None:
    """The wire tag, where the expected file states one (an extra key beyond GOLD_FORMAT)."""
    assert _dateline("wire")(records[name]) == EXPECTED[name]["dateline"]["wire"]


@pytest.mark.model
@pytest.mark.parametrize(("name", "key", "floor"), _floor_cases(FLOORS["samples"]))
def test_samples_fuzzy_field_meets_floor(
    reports: dict[str, Report], name: str, key: str, floor: float
) -> None:
    value = metric(reports[name], key)
    assert value is not None, f"{key} has nothing to score on {name} any more"
    assert value + EPS >= floor, f"{name} {key}: {value:.3f} fell below the floor {floor}"


@pytest.mark.model
@pytest.mark.parametrize(("key", "floor"), sorted(FLOORS["overall"].items()))
def test_samples_fuzzy_field_overall_meets_floor(
    reports: dict[str, Report], key: str, floor: float
) -> None:
    value = metric(Report.combine(reports.values()), key)
    assert value is not None
    assert value + EPS >= floor, f"all samples {key}: {value:.3f} fell below the floor {floor}"


def test_samples_floors_are_rounded_down_scores() -> None:
    for values in [FLOORS["overall"], *FLOORS["samples"].values()]:
        for floor in values.values():
            assert 0.0 <= floor <= 1.0
            assert math.isclose(floor * 100, round(floor * 100)), floor
