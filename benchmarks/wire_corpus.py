"""Datelines, URLs and e-mails on the 935 wire and agency releases (no gold: shares and a sample).

    python benchmarks/wire_corpus.py ../shared/data/press_releases/wire_and_agency_releases.jsonl
    python benchmarks/wire_corpus.py PATH --sample 100 --sample-out /tmp/sample.tsv

Prints, per publisher kind and per publisher, the share of releases in which a dateline is
found (``pr_dateline``'s pure function, no model: fast), with the URL and e-mail counts. A
share is not an accuracy: the corpus has no gold, and many releases have no dateline at all
(IBN teasers, Singapore ministries, Harris County). Accuracy comes from reading releases:
``--sample N`` draws N release ids with a fixed seed from the releases that are not in
``../shared/eval/dev2`` (its 25 sources are excluded) and writes, for each, the opening lines
beside what was found, to check by hand (see ``benchmarks/handcheck_wire_agency.md``).

The script imports only functions that exist on ``main`` too, so ``PYTHONPATH=<a checkout of
main>`` gives the figures before a change.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _shared import REPO_ROOT, read_jsonl

from extractor.components.dateline import find_dateline
from extractor.components.links import find_emails, find_urls

DEFAULT_DEV2 = REPO_ROOT.parent / "shared/eval/dev2"
SEED = 20261202


def group_of(row: dict[str, Any]) -> str:
    """The publisher (the wire, the agency, the county), all corporate newsrooms as one."""
    return "corporate newsrooms" if row["publisher_kind"] == "corporate" else row["publisher"]


def dev2_sources(folder: Path) -> set[str]:
    """The ``source`` of every gold file in the dev2 folder (empty when it is missing)."""
    return {
        json.loads(path.read_text(encoding="utf-8"))["source"]
        for path in sorted(folder.glob("*.gold.json"))
    }


def sample_ids(rows: Sequence[dict[str, Any]], excluded: set[str], n: int, seed: int) -> list[str]:
    """``n`` ids drawn with ``random.Random(seed)`` from the sorted ids not in ``excluded``."""
    ids = sorted(row["id"] for row in rows if row["source"] not in excluded)
    return sorted(random.Random(seed).sample(ids, n))


def opening(text: str, lines: int = 4, width: int = 160) -> str:
    """The first non-empty lines of a text, each cut to ``width`` characters."""
    kept = [line.strip()[:width] for line in text.splitlines() if line.strip()][:lines]
    return " || ".join(kept)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the shares; write the sample table when asked. Returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="wire_and_agency_releases.jsonl")
    parser.add_argument("--dev2", type=Path, default=DEFAULT_DEV2, help="dev2 gold folder")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="draw N ids")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--sample-out", type=Path, default=None, metavar="TSV")
    args = parser.parse_args(argv)

    rows = list(read_jsonl(args.path))
    found: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    links: collections.Counter[str] = collections.Counter()
    hits: dict[str, Any] = {}
    for row in rows:
        hit = find_dateline(row["text"])
        hits[row["id"]] = hit
        for key in (row["publisher_kind"], f"  {group_of(row)}"):
            total[key] += 1
            found[key] += hit is not None
        wire = (hit.wire_span,) if hit and hit.wire_span else ()
        links["urls"] += len(find_urls(row["text"], wire))
        links["emails"] += len(find_emails(row["text"]))
    kinds = sorted({row["publisher_kind"] for row in rows}, key=lambda k: -total[k])
    print(f"{len(rows)} releases; dateline found in {sum(h is not None for h in hits.values())}")
    print(f"{'publisher kind / publisher':<52} found / releases")
    for kind in kinds:
        print(f"{kind:<52} {found[kind]:>4} / {total[kind]:<4} {found[kind] / total[kind]:.2f}")
        groups = sorted({f"  {group_of(r)}" for r in rows if r["publisher_kind"] == kind})
        for group in sorted(groups, key=lambda g: (-total[g], g)):
            share = found[group] / total[group]
            print(f"{group:<52} {found[group]:>4} / {total[group]:<4} {share:.2f}")
    print(f"URLs found: {links['urls']}, e-mails found: {links['emails']}")

    if args.sample:
        ids = sample_ids(rows, dev2_sources(args.dev2), args.sample, args.seed)
        by_id = {row["id"]: row for row in rows}
        out = args.sample_out.open("w", encoding="utf-8") if args.sample_out else sys.stdout
        for release_id in ids:
            row, hit = by_id[release_id], hits[release_id]
            text = row["text"]
            shown = "-" if hit is None else f"{hit.text} | {hit.city} | {hit.country} | {hit.date}"
            wire = (hit.wire_span,) if hit and hit.wire_span else ()
            urls = ", ".join(h.text for h in find_urls(text, wire))
            emails = ", ".join(h.text for h in find_emails(text))
            print("\t".join([release_id, shown, urls, emails, opening(text)]), file=out)
        if args.sample_out:
            out.close()
            print(f"sample of {len(ids)} written to {args.sample_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
