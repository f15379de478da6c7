"""Milliseconds per document for each pipeline component, the model's and ours.

    python benchmarks/components.py [--n 150] [--path SENATE.jsonl] [--fast]

Runs each component of the toolkit's pipeline over the same texts one after the other
(``pipe`` where the component has one) and prints its time per document, the model's total,
ours, and our share of the model's time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from throughput import DEFAULT_PATH, load_texts

from extractor import attrs
from extractor.pipeline import get_nlp
from extractor.settings import make_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--fast", action="store_true", help="the fast mode's pipeline")
    args = parser.parse_args()
    nlp = get_nlp(make_settings(fast=args.fast))
    texts = load_texts(args.path, args.n)
    list(nlp.pipe(texts[:10]))  # warm up: lazy data (gazetteer, suffix list) loads here
    docs = [nlp.make_doc(text) for text in texts]
    for doc, text in zip(docs, texts, strict=True):
        doc._.set(attrs.TEXT, text)  # as extract() does: the text is known, not rebuilt
    seconds: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = (
            list(proc.pipe(docs, batch_size=16))
            if hasattr(proc, "pipe")
            else [proc(d) for d in docs]
        )
        seconds[name] = time.perf_counter() - start
    # ours: the pr_* components, including the stand-ins for the lemmatizer and attribute ruler
    ours = sum(s for name, s in seconds.items() if name.startswith("pr_"))
    model = sum(s for name, s in seconds.items() if not name.startswith("pr_"))
    for name, value in seconds.items():
        print(f"{name:18s} {1000 * value / len(texts):7.2f} ms/doc")
    print(f"{'model':18s} {1000 * model / len(texts):7.2f} ms/doc")
    print(f"{'ours':18s} {1000 * ours / len(texts):7.2f} ms/doc")
    if model:
        print(f"ours / model time: {ours / model:.3f}")


if __name__ == "__main__":
    main()
