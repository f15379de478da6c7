"""Throughput: the bare pretrained model against the full toolkit, on the same texts, same run.

    python benchmarks/throughput.py [--n 150] [--path ../shared/data/press_releases/...jsonl]

(a) ``bare``: ``spacy.load(resolve_model_name(None))`` and ``nlp.pipe`` (the speed floor of
DESIGN.md); (b) ``ours``: :func:`extractor.extract_many`, i.e. the same model plus the pr_*
components plus record assembly; (c) ``fast``: ``extract_many(fast=True)``, no statistical
model; (d) ``model``: the model as ours runs it, without our field components
(:func:`extractor.pipeline.load_model`: the attribute ruler applied by table lookup, only verbs
lemmatised), to show apart what the stand-ins save and what our components and the records
cost. All load before timing and get a warm-up pass; then they run ``--rounds``
times (default 2) with the order alternated and the best time of each counts.
Texts come from the Senate corpus, ``structured`` releases first.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from _shared import REPO_ROOT, read_jsonl

DEFAULT_PATH = REPO_ROOT.parent / "shared/data/press_releases/grimmer_senate_press_releases.jsonl"


def load_texts(path: Path, n: int) -> list[str]:
    """``n`` non-empty texts, the ``structured`` releases before the ``flattened`` ones."""
    rows = [row for row in read_jsonl(path) if (row.get("text") or "").strip()]
    rows.sort(key=lambda row: row.get("format") != "structured")  # stable: file order kept
    if len(rows) < n:
        raise SystemExit(f"{path} holds {len(rows)} usable texts, fewer than --n {n}")
    return [row["text"] for row in rows[:n]]


def timed(run: Callable[[], int]) -> float:
    start = time.perf_counter()
    count = run()
    seconds = time.perf_counter() - start
    assert count > 0
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="number of texts (default 150)")
    parser.add_argument("--path", type=Path, default=DEFAULT_PATH, help="JSONL corpus")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: auto)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, both")
    parser.add_argument("--warm-up", type=int, default=10, help="texts in the warm-up pass")
    parser.add_argument(
        "--rounds", type=int, default=2, help="timed rounds, order alternated (default 2)"
    )
    args = parser.parse_args(argv)

    import spacy

    from extractor import extract_many
    from extractor.pipeline import get_nlp, load_model, resolve_model_name

    texts = load_texts(args.path, args.n)
    name = resolve_model_name(args.model)
    bare = spacy.load(name)
    model = load_model(args.model)
    get_nlp(args.model)  # load ours before timing too

    def run_bare(items: list[str]) -> int:
        return sum(1 for _ in bare.pipe(items, batch_size=args.batch_size))

    def run_model(items: list[str]) -> int:
        return sum(1 for _ in model.pipe(items, batch_size=args.batch_size))

    def run_ours(items: list[str]) -> int:
        records = extract_many(items, model=args.model, batch_size=args.batch_size)
        return sum(1 for _ in records)

    def run_fast(items: list[str]) -> int:
        records = extract_many(items, model=args.model, batch_size=args.batch_size, fast=True)
        return sum(1 for _ in records)

    systems = {
        "bare": run_bare,
        "ours": run_ours,
        "fast": run_fast,
        "model": run_model,
    }
    for run in systems.values():  # warm-up
        run(texts[: args.warm_up])
    best = dict.fromkeys(systems, float("inf"))
    orders = (list(systems), list(reversed(systems)))
    for order in (orders[r % 2] for r in range(args.rounds)):
        for system in order:
            seconds = timed(lambda system=system: systems[system](texts))
            best[system] = min(best[system], seconds)
            print(f"  {system:10}  {seconds:7.2f} s")

    chars = sum(len(t) for t in texts)
    rate = {system: len(texts) / seconds for system, seconds in best.items()}
    print(
        f"model {name}, {len(texts)} texts ({chars / len(texts):,.0f} chars on average), "
        f"batch size {args.batch_size}, best of {args.rounds}"
    )
    for system in systems:
        print(f"{system:10}  {rate[system]:7.2f} docs/s  ({best[system]:.2f} s)")
    ratio = rate["ours"] / rate["bare"]
    print(
        f"ours/bare  {ratio:.3f}  (ours takes {1 / ratio:.2f}x the bare model's time, "
        f"{(1 / ratio - 1) * 100:+.0f}%)"
    )
    print(
        f"model/bare  {rate['model'] / rate['bare']:.3f}  (what the stand-ins for the attribute "
        "ruler and the lemmatizer save)"
    )
    print(
        f"ours/model  {rate['ours'] / rate['model']:.3f}  (the same model components on both "
        "sides: what the pr_* field components and the records cost)"
    )
    fast_bare, fast_ours = rate["fast"] / rate["bare"], rate["fast"] / rate["ours"]
    print(f"fast/bare  {fast_bare:.2f}   fast/ours  {fast_ours:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
