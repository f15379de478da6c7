"""Measure the fuzzy-field scores on ``samples/`` and pin them as floors in ``samples/floors.json``.

    python benchmarks/sample_floors.py                 # show measured scores beside the floors
    python benchmarks/sample_floors.py --write         # raise floors to the measured scores
    python benchmarks/sample_floors.py --write --allow-lower   # also lower them (say why)

A floor is the measured score rounded DOWN to two decimals, per sample and over all samples
(micro average). ``--write`` refuses to lower a floor unless ``--allow-lower`` is given, so the
regression gate in ``tests/test_samples.py`` only ever tightens by accident.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any

from _shared import REPO_ROOT

from extractor.scoring import Report, score_document

SAMPLES = REPO_ROOT / "samples"
FLOORS = SAMPLES / "floors.json"

#: Fuzzy metrics gated by a floor: P/R/F1 counts give their F1, ratios their value.
METRICS: dict[str, str] = {
    "people": "people F1",
    "person_title": "title accuracy over matched people",
    "person_organization": "organisation accuracy over matched people",
    "person_honorific": "honorific accuracy over matched people",
    "quotes@0.3": "quotes F1 at token overlap >= 0.3",
    "quotes@0.8": "quotes F1 at token overlap >= 0.8",
    "quote_speaker": "speaker accuracy over matched quotes",
    "organizations": "organisations F1",
}


def metric(report: Report, key: str) -> float | None:
    """The score of ``key``: F1 for counts (1.0 when both sides are empty), else the ratio."""
    if key in report.counts:
        counts = report.counts[key]
        return 1.0 if counts.tp + counts.fp + counts.fn == 0 else counts.f1
    ratio = report.rates.get(key)
    return None if ratio is None else ratio.value


def floor2(value: float) -> float:
    """Round down to two decimals (0.8 stays 0.8 despite binary floating point)."""
    return math.floor(round(value * 100, 6)) / 100


def measure() -> dict[str, Any]:
    """Extract every sample and score its fuzzy fields: floors per sample and overall."""
    from extractor import extract_many

    names = sorted(p.name.removesuffix(".txt") for p in SAMPLES.glob("*.txt"))
    items = [((SAMPLES / f"{n}.txt").read_text(encoding="utf-8"), n) for n in names]
    records = [r.model_dump(mode="json") for r in extract_many(items)]
    reports = {
        name: score_document(
            record,
            json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8")),
            name=name,
        )
        for name, record in zip(names, records, strict=True)
    }

    def floors(report: Report) -> dict[str, float]:
        values = {key: metric(report, key) for key in METRICS}
        return {key: floor2(value) for key, value in values.items() if value is not None}

    return {
        "overall": floors(Report.combine(reports.values())),
        "samples": {name: floors(report) for name, report in reports.items()},
    }


def lowered(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Every floor in ``old`` that ``new`` would lower or drop."""
    found = []
    for scope, values in [("overall", old.get("overall", {}))] + [
        (f"samples.{name}", values) for name, values in old.get("samples", {}).items()
    ]:
        target = new["overall"] if scope == "overall" else new["samples"].get(scope[8:], {})
        for key, value in values.items():
            if key not in target or target[key] < value:
                found.append(f"{scope}.{key}: {value} -> {target.get(key)}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write samples/floors.json")
    parser.add_argument("--allow-lower", action="store_true", help="let --write lower floors")
    args = parser.parse_args(argv)

    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    new = measure()
    for scope, values in [("overall", new["overall"]), *new["samples"].items()]:
        pinned = old.get("overall") if scope == "overall" else old.get("samples", {}).get(scope)
        cells = [f"{k}={v:.2f}/{(pinned or {}).get(k, '-')}" for k, v in values.items()]
        print(f"{scope:20} " + "  ".join(cells))
    print("(measured/pinned)")
    if not args.write:
        return 0
    down = lowered(old, new)
    if down and not args.allow_lower:
        print("refusing to lower floors (pass --allow-lower):", *down, sep="\n  ", file=sys.stderr)
        return 1
    document = {
        "about": "Floors for the fuzzy fields of samples/*.expected.json, checked by "
        "tests/test_samples.py; written by benchmarks/sample_floors.py (rounded down to 2 "
        "decimals; F1 is 1.0 when gold and prediction are both empty).",
        "metrics": METRICS,
        **new,
    }
    FLOORS.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
