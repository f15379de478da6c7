"""Measure the accuracy suites and pin their headline figures in ``tests/accuracy_floors.json``.

    python benchmarks/accuracy_floors.py                  # measured figures beside the pinned ones
    python benchmarks/accuracy_floors.py --suite samples  # only some suites (repeat the option)
    python benchmarks/accuracy_floors.py --write          # raise floors / lower ceilings to match
    python benchmarks/accuracy_floors.py --write --allow-lower   # also loosen them (say why)

Suites: the gold folders ``samples/``, ``eval/gold/`` and ``../shared/eval/dev`` (scored by
:mod:`extractor.evaluation`, the rules of ``press-extract evaluate``), the first 40 articles of the
PolNeAR dev split and the first 600 Reuters-21578 records (scored by ``polnear.py`` and
``reuters.py``). The suites under ``../shared`` are left out when that folder is missing.

A floor is the measured figure rounded DOWN to two decimals; a ceiling (for a share that should
stay low) is rounded UP. ``--write`` refuses to loosen any bound unless ``--allow-lower`` is
given, so ``tests/test_accuracy.py`` only ever tightens on purpose. This module is also the
harness that test imports: the suites and their metrics are defined here once.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _shared
import polnear
import reuters
from sample_floors import floor2, metric

from extractor.evaluation import Predictor, evaluate_dir, predict_ours
from extractor.scoring import LABELS, Report

REPO_ROOT = _shared.REPO_ROOT
SHARED = REPO_ROOT.parent / "shared"
FLOORS = REPO_ROOT / "tests" / "accuracy_floors.json"
EPS = 1e-9  # F1 = 3/4 computes as 0.7499999999999999; its floor 0.75 must still hold
POLNEAR_ARTICLES = 40
REUTERS_RECORDS = 600

Bounds = dict[str, dict[str, float]]  # {"floors": {metric: value}, "ceilings": {...}}


@dataclass(frozen=True)
class Suite:
    """One evaluation run and the metrics of it that get a pinned bound.

    Attributes:
        name: Key of the suite in the floors file.
        about: What is scored, for the printed table.
        shared: Whether ``path`` lies in the ``shared`` folder beside the repository.
        path: The gold folder or corpus file, relative to the repository or to ``shared``.
        score: Runs a predictor over the data at the resolved path and scores it.
        floors: Metrics that must not drop (F1 of P/R/F1 counts, else the ratio).
        ceilings: Metrics (shares) that must not rise.
        labels: Readable names of the metrics.
    """

    name: str
    about: str
    shared: bool
    path: str
    score: Callable[[Path, Predictor], Report]
    floors: tuple[str, ...]
    ceilings: tuple[str, ...]
    labels: Mapping[str, str]

    def source(self, shared_dir: Path = SHARED) -> Path:
        """Where the suite's data is, given the ``shared`` folder."""
        return (shared_dir if self.shared else REPO_ROOT) / self.path

    def kind(self, key: str) -> str:
        """``"floors"`` or ``"ceilings"``: the section of the floors file ``key`` belongs in."""
        return "ceilings" if key in self.ceilings else "floors"


def _gold_dir(path: Path, predict: Predictor) -> Report:
    return evaluate_dir(path, predict=predict)


def _polnear(path: Path, predict: Predictor) -> Report:
    articles = polnear.load_articles(path, "dev", POLNEAR_ARTICLES)  # never the test split
    return polnear.score_run(predict(polnear.article_items(articles)), articles)


def _reuters(path: Path, predict: Predictor) -> Report:
    articles = reuters.load_articles(path, REUTERS_RECORDS)
    return reuters.score_run(predict(reuters.article_items(articles)), articles)


_GOLD_CEILINGS = ("quotes_without_speaker", "extraction_failed")
_GOLD_FLOORS = tuple(key for key in LABELS if key not in _GOLD_CEILINGS)


_DEV2_FLOORS = (
    "quotes@0.3",
    "quotes@0.8",
    "quote_speaker",
    "countries",
    "urls",
    "emails",
    "dateline_presence",
    "dateline_city",
    "dateline_country",
    "dateline_date",
    "title",
)


def _gold_suite(name: str, about: str, path: str, *, shared: bool) -> Suite:
    return Suite(name, about, shared, path, _gold_dir, _GOLD_FLOORS, _GOLD_CEILINGS, LABELS)


SUITES: dict[str, Suite] = {
    suite.name: suite
    for suite in (
        _gold_suite("samples", "golden samples (samples/)", "samples", shared=False),
        _gold_suite("eval_gold", "team gold releases (eval/gold/)", "eval/gold", shared=False),
        _gold_suite("shared_dev", "gold releases in ../shared/eval/dev", "eval/dev", shared=True),
        Suite(  # the fields of the styles issue only (people and organisations move elsewhere)
            "shared_dev2",
            "gold releases in ../shared/eval/dev2 (datelines, links, quotes, countries)",
            True,
            "eval/dev2",
            _gold_dir,
            _DEV2_FLOORS,
            ("extraction_failed",),
            LABELS,
        ),
        Suite(
            "polnear_dev_slice",
            f"PolNeAR dev split, first {POLNEAR_ARTICLES} articles in file order",
            True,
            "data/quotes_gold.jsonl",
            _polnear,
            ("quotes@0.3", "quotes@0.8", "speaker_named"),
            ("quotes_without_speaker",),
            polnear.LABELS,
        ),
        Suite(
            "reuters_slice",
            f"Reuters-21578 datelines, first {REUTERS_RECORDS} records",
            True,
            "data/reuters21578_datelines.jsonl",
            _reuters,
            ("dateline_detected", "dateline_city", "dateline_date"),
            (),
            reuters.LABELS,
        ),
    )
}


def measure(suite: Suite, predict: Predictor, shared_dir: Path = SHARED) -> dict[str, float | None]:
    """Run one suite and return its figure per metric (None when there was nothing to score)."""
    report = suite.score(suite.source(shared_dir), predict)
    return {key: metric(report, key) for key in (*suite.floors, *suite.ceilings)}


def ceil2(value: float) -> float:
    """Round up to two decimals (0.8 stays 0.8 despite binary floating point)."""
    return math.ceil(round(value * 100, 6)) / 100


def holds(kind: str, value: float, bound: float) -> bool:
    """Whether ``value`` keeps a floor (``value >= bound``) or a ceiling (``value <= bound``)."""
    return value + EPS >= bound if kind == "floors" else value - EPS <= bound


def pin(kind: str, value: float) -> float:
    """The bound pinned for a measured value: rounded down for floors, up for ceilings."""
    return floor2(value) if kind == "floors" else ceil2(value)


def unknown_keys(document: Mapping[str, Any]) -> list[str]:
    """Every suite, section or metric in a floors document that the harness does not know."""
    found = []
    for name, bounds in document.items():
        if name.startswith("_"):
            continue
        suite = SUITES.get(name)
        if suite is None or not isinstance(bounds, Mapping):
            found.append(name)
            continue
        for kind, values in bounds.items():
            allowed = {"floors": suite.floors, "ceilings": suite.ceilings}.get(kind)
            if allowed is None:
                found.append(f"{name}.{kind}")
            else:
                found += [f"{name}.{kind}.{key}" for key in values if key not in allowed]
    return found


def tighten(
    suite: Suite, old: Mapping[str, Mapping[str, float]], measured: Mapping[str, float | None]
) -> tuple[Bounds, list[str]]:
    """The bounds pinned for ``measured``, and every old bound they would loosen or drop.

    Args:
        suite: The measured suite.
        old: Its bounds in the floors file (``{"floors": {...}, "ceilings": {...}}``).
        measured: Its figures from :func:`measure`.

    Returns:
        The new bounds (each the measured figure, rounded to the safe side) and the loosened
        ones as ``"suite.kind.metric: old -> new"`` lines.
    """
    new: Bounds = {"floors": {}, "ceilings": {}}
    loosened = []
    for key, value in measured.items():
        kind = suite.kind(key)
        before = old.get(kind, {}).get(key)
        after = None if value is None else pin(kind, value)
        if before is not None and (after is None or not holds(kind, after, before)):
            loosened.append(f"{suite.name}.{kind}.{key}: {before} -> {after}")
        if after is not None:
            new[kind][key] = after
    return new, loosened


def table(suite: Suite, measured: Mapping[str, float | None], pinned: Mapping[str, Any]) -> str:
    """Measured figures beside the pinned bounds of one suite, one line per metric."""
    lines = [f"{suite.name}: {suite.about}"]
    for key, value in measured.items():
        kind = suite.kind(key)
        bound = pinned.get(kind, {}).get(key)
        shown = "n/a" if value is None else f"{value:.3f}"
        sign = ">=" if kind == "floors" else "<="
        if bound is None:
            status = "not pinned"
        elif value is None:
            status = "FAIL (nothing to score)"
        else:
            status = "ok" if holds(kind, value, bound) else "FAIL"
        pinned_text = "-" if bound is None else f"{bound:.2f}"
        label = suite.labels.get(key, key)
        lines.append(f"  {key:24} {shown:>6} {sign} {pinned_text:5} {status:10} {label}")
    return "\n".join(lines)


COMMENT = (
    "Accuracy bounds checked by tests/test_accuracy.py: per suite, each figure must stay >= its "
    "floor and <= its ceiling. Floors are measured figures rounded down to 2 decimals, ceilings "
    "rounded up. They may only be raised (ceilings lowered) by hand, on purpose: edit this file "
    "or run `python benchmarks/accuracy_floors.py --write`, which refuses to loosen a bound "
    "unless given --allow-lower (say why in the commit). Suites are defined in "
    "benchmarks/accuracy_floors.py."
)


def main(argv: Iterable[str] | None = None) -> int:
    """Measure the suites, print the tables and optionally write the floors file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", action="append", choices=list(SUITES), help="only this suite")
    parser.add_argument("--write", action="store_true", help=f"write {FLOORS.name}")
    parser.add_argument("--allow-lower", action="store_true", help="let --write loosen bounds")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder")
    args = parser.parse_args(None if argv is None else list(argv))

    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}
    pinned: dict[str, Any] = {name: old[name] for name in SUITES if name in old}
    predict = predict_ours()
    loosened: list[str] = []
    for suite in (SUITES[name] for name in args.suite or SUITES):
        if suite.shared and not suite.source(args.shared).exists():
            print(f"{suite.name}: skipped, {suite.source(args.shared)} not found\n")
            continue
        measured = measure(suite, predict, args.shared)
        print(table(suite, measured, old.get(suite.name, {})) + "\n")
        pinned[suite.name], down = tighten(suite, old.get(suite.name, {}), measured)
        loosened += down
    print("(measured, then the pinned bound)")
    if not args.write:
        return 0
    if loosened and not args.allow_lower:
        print("refusing to loosen (pass --allow-lower):", *loosened, sep="\n  ", file=sys.stderr)
        return 1
    document = {"_comment": COMMENT, **{name: pinned[name] for name in SUITES if name in pinned}}
    FLOORS.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
