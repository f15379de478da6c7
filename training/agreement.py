"""Inter-annotator agreement: span F1 between the first and the blind second pass.

The releases of ``agreement_sample.txt`` were annotated twice, by different annotators, the
second without seeing the first. Agreement is reported as F1 of one pass against the other
(exact start, end and label), per label and overall; also a lenient figure where spans of
the same label that overlap count as agreeing.

Usage:
    python training/agreement.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from annotate import ANNOTATIONS, LABELS, SECOND_PASS, iter_annotations  # noqa: E402

Span = tuple[int, int, str]


def _f1(a: int, b: int, both: int) -> float:
    return 2 * both / (a + b) if a + b else 1.0


def agreement(first: dict[str, list[Span]], second: dict[str, list[Span]]) -> dict:
    """Exact and overlap span F1 per label over the releases both passes annotated."""
    exact: Counter = Counter()
    overlap: Counter = Counter()
    sizes_a: Counter = Counter()
    sizes_b: Counter = Counter()
    shared = sorted(set(first) & set(second))
    for rid in shared:
        a, b = set(first[rid]), set(second[rid])
        for _, _, label in a:
            sizes_a[label] += 1
        for _, _, label in b:
            sizes_b[label] += 1
        for _, _, label in a & b:
            exact[label] += 1
        for s, e, label in a:
            if any(label == lb and s < e2 and s2 < e for s2, e2, lb in b):
                overlap[label] += 1
    result: dict = {"releases": len(shared), "labels": {}}
    for label in (*LABELS, "ALL"):
        if label == "ALL":
            na, nb, ex, ov = (sum(c.values()) for c in (sizes_a, sizes_b, exact, overlap))
        else:
            na, nb, ex, ov = sizes_a[label], sizes_b[label], exact[label], overlap[label]
        result["labels"][label] = {
            "first": na,
            "second": nb,
            "exact_f1": round(_f1(na, nb, ex), 3),
            "overlap_f1": round(_f1(na, nb, ov), 3),
        }
    return result


def _load(directory: Path) -> dict[str, list[Span]]:
    return {
        row["id"]: [(s, e, label) for s, e, label, _ in row["spans"]]
        for row in iter_annotations(directory)
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    result = agreement(_load(ANNOTATIONS), _load(SECOND_PASS))
    print(f"{result['releases']} releases annotated twice")
    print("label    first  second  exact F1  overlap F1")
    for label, row in result["labels"].items():
        print(
            f"{label:7s} {row['first']:6d} {row['second']:7d}  {row['exact_f1']:.3f}     "
            f"{row['overlap_f1']:.3f}"
        )
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
