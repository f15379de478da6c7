"""Hostile inputs: the cost of long punctuation runs and of very long texts, with the guards.

    python benchmarks/guards.py [--runs 2000,10000,50000] [--bare-up-to 10000]
                                [--long 2000000]

(a) Tokenising ``"`` repeated N times: spaCy's own tokenizer (quadratic; only up to
``--bare-up-to``) against :func:`extractor.guards.make_doc` (pieces of 400 characters).
(b) ``extract()`` of a release followed by 50,000 ``"``: time and peak memory of the process.
(c) With ``--long N``: ``extract()`` of an N-character release (a team sample repeated), which
the model reads in pieces of 100,000 characters.
"""

from __future__ import annotations

import argparse
import resource
import time

from _shared import REPO_ROOT


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(call: object) -> float:
    start = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", default="2000,10000,50000", help="run lengths to tokenise")
    parser.add_argument("--bare-up-to", type=int, default=10_000, help="longest bare run")
    parser.add_argument("--long", type=int, default=0, help="also extract a text this long")
    args = parser.parse_args(argv)

    import spacy

    from extractor import extract
    from extractor.guards import make_doc
    from extractor.pipeline import get_nlp

    blank = spacy.blank("en")
    for length in [int(n) for n in args.runs.split(",")]:
        text = '"' * length
        guarded = timed(lambda text=text: make_doc(blank, text))
        bare = (
            f"{timed(lambda text=text: blank.tokenizer(text)):8.2f} s"
            if length <= args.bare_up_to
            else "(skipped)"
        )
        print(f'tokenise {length:>7,} ": spaCy {bare}, guarded {guarded:6.3f} s')

    get_nlp()
    sample = (REPO_ROOT / "samples/wire_launch.txt").read_text(encoding="utf-8")
    before = peak_mb()
    seconds = timed(lambda: extract(sample + "\n\n" + '"' * 50_000 + "\n"))
    print(
        f'extract() of a release + 50,000 ": {seconds:.1f} s, peak RSS {peak_mb():,.0f} MB '
        f"(model loaded: {before:,.0f} MB)"
    )
    if args.long:
        text = ((sample + "\n\n") * (args.long // (len(sample) + 2) + 1))[: args.long]
        seconds = timed(lambda: extract(text, max_chars=len(text)))
        print(
            f"extract() of {len(text):,} characters: {seconds:.1f} s, peak RSS {peak_mb():,.0f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
