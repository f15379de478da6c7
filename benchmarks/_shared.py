"""Helpers shared by the benchmark scripts: paths, corpus reading, running systems, output.

Importing this module puts the repository root on ``sys.path`` so that the scripts run as
``python benchmarks/NAME.py`` from a checkout even before ``pip install -e .``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from extractor.scoring import Report, format_errors, format_table  # noqa: E402

Predictor = Callable[[Sequence[Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class Run:
    """Records of one system over a corpus, with the time it took."""

    records: list[dict[str, Any]]
    seconds: float


def read_jsonl(path: str | Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSON Lines file, at most ``limit`` of them."""
    with Path(path).open(encoding="utf-8") as handle:
        count = 0
        for line in handle:
            if limit is not None and count >= limit:
                return
            if line.strip():
                count += 1
                yield json.loads(line)


def add_common_args(parser: argparse.ArgumentParser) -> None:
    """Options every benchmark takes: --limit, --json, --show-errors, --no-baseline, --model."""
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write scores here")
    parser.add_argument(
        "--show-errors",
        nargs="?",
        type=int,
        const=10,
        default=None,
        metavar="N",
        help="print up to N error lines per system (default 10)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="run our pipeline only")
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: auto)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")


def systems(args: argparse.Namespace) -> dict[str, Predictor]:
    """The predictors to run: ours, plus the baseline unless ``--no-baseline``."""
    from baseline_system import predict_baseline

    from extractor.evaluation import predict_ours

    chosen: dict[str, Predictor] = {"ours": predict_ours(args.model, batch_size=args.batch_size)}
    if not args.no_baseline:
        chosen["baseline"] = predict_baseline(args.model, batch_size=args.batch_size)
    return chosen


def run(predict: Predictor, items: Sequence[Any]) -> Run:
    """Run one predictor over every item and time it (model loading included)."""
    start = time.perf_counter()
    records = predict(items)
    return Run(records, time.perf_counter() - start)


def failed(records: Sequence[Mapping[str, Any]]) -> list[tuple[str | None, str]]:
    """``(source, message)`` of every record that stands in for a failed extraction."""
    from extractor.evaluation import FAILED

    return [
        (record.get("source"), warning.get("message", ""))
        for record in records
        for warning in record.get("warnings", [])
        if warning.get("code") == FAILED
    ]


def report_text(
    reports: Mapping[str, Report],
    runs: Mapping[str, Run],
    *,
    labels: Mapping[str, str] | None = None,
    show_errors: int | None = None,
) -> str:
    """The comparison table, the timings and (optionally) the first errors of each system."""
    lines = [format_table(reports, labels), ""]
    for name, result in runs.items():
        n = len(result.records)
        rate = n / result.seconds if result.seconds else 0.0
        lines.append(f"time {name}: {result.seconds:.1f} s for {n} docs ({rate:.1f} docs/s)")
        failures = failed(result.records)
        if failures:
            lines.append(f"FAILED {name}: {len(failures)} docs raised (scored as empty records):")
            lines += [f"  {source}: {message}" for source, message in failures[:10]]
    if show_errors is not None:
        for name, report in reports.items():
            errors = format_errors(report, limit=None).splitlines()
            shown = min(show_errors, len(errors))
            lines += ["", f"errors of {name} ({shown} of {len(errors)}):"]
            lines += errors[:show_errors]
    return "\n".join(lines)


def write_json(
    path: Path, meta: Mapping[str, Any], reports: Mapping[str, Report], runs: Mapping[str, Run]
) -> None:
    """Write the scores of every system (and the run metadata) as one JSON object."""
    data = {
        **meta,
        "systems": {
            name: {
                **report.to_dict(),
                "seconds": round(runs[name].seconds, 3),
                "failed": [source for source, _ in failed(runs[name].records)],
            }
            for name, report in reports.items()
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
