"""Accuracy floors: every suite's headline figures against ``tests/accuracy_floors.json``.

The suites (``samples/``, ``eval/gold/``, ``../shared/eval/dev`` and fixed slices of the PolNeAR
and Reuters-21578 corpora) and their metrics are defined once in
``benchmarks/accuracy_floors.py``, which also measures them and raises the pinned bounds with
``--write``. Each suite runs once per module; each pinned (suite, metric) is its own test. The
suites under ``../shared`` skip with the missing path when that folder is not beside the repo.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _harness() -> ModuleType:
    """``benchmarks/accuracy_floors.py``, imported as the benchmark scripts import each other."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module("accuracy_floors")


harness = _harness()
PINNED: dict[str, Any] = json.loads(harness.FLOORS.read_text(encoding="utf-8"))

Measured = Callable[[str, Path], dict[str, float | None]]


def _cases() -> Iterator[Any]:
    for name, suite in harness.SUITES.items():
        marks = [pytest.mark.model, *([pytest.mark.shared] if suite.shared else [])]
        for kind, known in (("floors", suite.floors), ("ceilings", suite.ceilings)):
            for key, bound in PINNED.get(name, {}).get(kind, {}).items():
                if key in known:  # unknown keys fail test_accuracy_floors_name_known_metrics
                    yield pytest.param(name, kind, key, bound, marks=marks, id=f"{name}-{key}")


@pytest.fixture(scope="module")
def measured() -> Measured:
    """Measures a suite on first use and returns the same figures afterwards."""
    from extractor.evaluation import predict_ours

    predict = predict_ours()
    cache: dict[str, dict[str, float | None] | BaseException] = {}

    def get(name: str, shared_dir: Path) -> dict[str, float | None]:
        if name not in cache:
            try:
                cache[name] = harness.measure(harness.SUITES[name], predict, shared_dir)
            except Exception as exc:
                cache[name] = exc
                raise
        result = cache[name]
        if isinstance(result, BaseException):
            pytest.fail(f"suite {name} could not be measured (see its first test): {result!r}")
        return result

    return get


@pytest.mark.parametrize(("suite", "kind", "key", "bound"), list(_cases()))
def test_accuracy_meets_pinned_bound(
    request: pytest.FixtureRequest,
    measured: Measured,
    suite: str,
    kind: str,
    key: str,
    bound: float,
) -> None:
    spec = harness.SUITES[suite]
    # shared_dir (conftest) skips with the path it looked for when ../shared is missing.
    shared_dir = request.getfixturevalue("shared_dir") if spec.shared else harness.SHARED
    if not spec.source(shared_dir).exists():
        pytest.skip(f"suite {suite} needs {spec.source(shared_dir)}, which is missing")
    value = measured(suite, shared_dir)[key]
    what = "floor" if kind == "floors" else "ceiling"
    assert value is not None, f"{suite} {key}: nothing to score any more (pinned {what} {bound})"
    assert harness.holds(kind, value, bound), (
        f"{suite} {key}: measured {value:.4f}, "
        f"{'below' if kind == 'floors' else 'above'} its pinned {what} {bound}"
    )


def test_accuracy_floors_name_known_metrics() -> None:
    """A misspelt suite, section or metric in the floors file would silently guard nothing."""
    assert harness.unknown_keys(PINNED) == []


def test_accuracy_floors_pin_every_suite_with_two_decimal_bounds() -> None:
    assert PINNED.get("_comment"), "the floors file explains itself in its _comment"
    assert sorted(k for k in PINNED if not k.startswith("_")) == sorted(harness.SUITES)
    for name in harness.SUITES:
        bounds = [
            *PINNED[name].get("floors", {}).values(),
            *PINNED[name].get("ceilings", {}).values(),
        ]
        assert bounds, f"{name} pins nothing"
        for bound in bounds:
            assert 0.0 <= bound <= 1.0, (name, bound)
            assert math.isclose(bound * 100, round(bound * 100)), (name, bound)
