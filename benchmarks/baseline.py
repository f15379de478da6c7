"""Score the bare-model baseline alone on a gold folder and print its table.

Usage (from the repository root)::

    python benchmarks/baseline.py ../shared/eval/dev [--json OUT] [--show-errors [N]]
        [--model NAME]

The baseline is :mod:`extractor.baseline`: the pretrained spaCy model's entities mapped onto
the record fields, plus textacy's ``direct_quotations`` (needs the ``dev`` extras).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import _shared

from extractor.baseline import predict_baseline
from extractor.evaluation import evaluate_docs, load_gold_dir


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
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the baseline over the gold folder and print the table; returns the exit code."""
    args = parse_args(argv)
    docs = load_gold_dir(args.gold_dir)
    timed = _shared.run(predict_baseline(args.model), [doc.text for doc in docs])
    report = evaluate_docs(docs, predict=lambda _texts: timed.records)
    runs = {"baseline": timed}
    print(f"{args.gold_dir}: {len(docs)} documents")
    print(_shared.report_text({"baseline": report}, runs, show_errors=args.show_errors))
    if args.json:
        _shared.write_json(args.json, {"gold_dir": str(args.gold_dir)}, {"baseline": report}, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
