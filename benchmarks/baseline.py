"""Score our pipeline beside the bare-model baseline on a gold folder and print both.

Usage (from the repository root)::

    python benchmarks/baseline.py ../shared/eval/dev [--json OUT] [--show-errors [N]]
        [--model NAME] [--no-ours]

The baseline is ``benchmarks/baseline_system.py``: the pretrained spaCy model's entities
mapped onto the record fields, plus textacy's ``direct_quotations`` (needs the ``dev``
extras). It lives beside the benchmarks, not in the package.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import _shared
from baseline_system import predict_baseline

from extractor.evaluation import evaluate_docs, load_gold_dir, predict_ours


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dir", type=Path, help="folder of NAME.txt + NAME.gold.json")
    parser.add_argument("--json", type=Path, default=None, metavar="OUT", help="write scores")
    parser.add_argument(
        "--show-errors",
        nargs="?",
        type=int,
        const=10,
        default=None,
        metavar="N",
        help="print up to N error lines (default 10)",
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: auto)")
    parser.add_argument("--no-ours", action="store_true", help="score the baseline alone")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the baseline over the gold folder and print the table; returns the exit code."""
    args = parse_args(argv)
    docs = load_gold_dir(args.gold_dir)
    texts = [doc.text for doc in docs]
    predictors = {} if args.no_ours else {"ours": predict_ours(args.model)}
    predictors["baseline"] = predict_baseline(args.model)
    runs = {name: _shared.run(predict, texts) for name, predict in predictors.items()}
    reports = {
        name: evaluate_docs(docs, predict=lambda _texts, run=run: run.records)
        for name, run in runs.items()
    }
    print(f"{args.gold_dir}: {len(docs)} documents")
    print(_shared.report_text(reports, runs, show_errors=args.show_errors))
    if args.json:
        _shared.write_json(args.json, {"gold_dir": str(args.gold_dir)}, reports, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
