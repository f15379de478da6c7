"""How our components' cost grows with the length of a document.

    python benchmarks/scaling.py [--sizes 1 4 16 64] [--path SENATE.jsonl]

For each size k, k different Senate releases are joined into one document (blank lines between);
the pretrained model runs once on it (not timed), then each pr_* component (the toolkit's, and
the stand-ins for the lemmatizer and the attribute ruler) is timed on that parsed document.
Prints microseconds per character per component and in total, and the growth of the total from
the smallest to the largest size: a linear component keeps its cost per character flat.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _shared import read_jsonl
from throughput import DEFAULT_PATH

from extractor.pipeline import get_nlp


def documents(path: Path, sizes: list[int]) -> dict[int, str]:
    """For each size k, the first k structured releases joined by blank lines."""
    texts = [r["text"] for r in read_jsonl(path) if r.get("format") == "structured"]
    return {k: "\n\n".join(texts[:k]) for k in sizes}


def time_components(text: str, repeats: int = 3) -> dict[str, float]:
    """Best-of-``repeats`` seconds per pr_* component on the parsed ``text``."""
    nlp = get_nlp()
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    ours = [name for name in nlp.pipe_names if name.startswith("pr_")]
    model = [name for name in nlp.pipe_names if name not in ours]
    best: dict[str, float] = {}
    for _ in range(repeats):
        doc = nlp.make_doc(text)
        for name in model:
            doc = nlp.get_pipe(name)(doc)
        for name in ours:
            start = time.perf_counter()
            doc = nlp.get_pipe(name)(doc)
            elapsed = time.perf_counter() - start
            best[name] = min(best.get(name, elapsed), elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    docs = documents(args.path, args.sizes)
    rows = {}
    for k, text in docs.items():
        rows[k] = (len(text), time_components(text))
    header = "component          " + "".join(f"{k:>4d}x µs/char " for k in docs)
    print(header)
    for name in rows[min(docs)][1]:
        cells = "".join(f"{1e6 * rows[k][1][name] / rows[k][0]:13.3f}  " for k in docs)
        print(f"{name:18s} {cells}")
    totals = {k: sum(times.values()) / chars for k, (chars, times) in rows.items()}
    print("total              " + "".join(f"{1e6 * totals[k]:13.3f}  " for k in docs))
    smallest, largest = min(docs), max(docs)
    print(
        "chars: "
        + ", ".join(f"{k}x {rows[k][0]:,}" for k in docs)
        + f"\ngrowth {largest}x/{smallest}x of µs/char: {totals[largest] / totals[smallest]:.2f}"
    )


if __name__ == "__main__":
    main()
