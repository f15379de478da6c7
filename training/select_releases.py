"""Choose the releases to annotate, split them by publisher and cut them into batches.

Deterministic: the same corpora give the same ``training/releases.jsonl`` (ids, corpus,
publisher, split, batch; no text). Only sources whose licence permits reuse are drawn:

* US Senate press releases (US-government works), ``format == "structured"`` only;
* the Newsworthy.ai press-release archive (CC0) and the Singapore government sites (MIT).

The US county prosecutors' pages and the corporate newsrooms state no licence and are left out.
None of the ``../shared/eval`` gold releases is drawn. The test split's publishers (senators,
wires, agencies) appear in no other split, so the test figures measure generalisation to
publishers the model never saw.

Usage:
    python training/select_releases.py [--shared ../shared] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "releases.jsonl"
SEED = 20261202
BATCH_SIZE = 19

SENATE_FILE = "data/press_releases/grimmer_senate_press_releases.jsonl"
WIRE_FILE = "data/press_releases/wire_and_agency_releases.jsonl"

# Publishers held out for the test and dev splits (every release of theirs goes there).
TEST_PUBLISHERS = frozenset(
    {
        "senate:Boxer",
        "senate:Feingold",
        "senate:Lugar",
        "senate:Murkowski",
        "senate:Salazar",
        "senate:Snowe",
        "senate:Talent",
        "senate:Wyden",
        "senate:Vitter",
        "wire:mediaoutreach",
        "wire:prkarma",
        "wire:newmediawire",
        "wire:noticiasnewswire",
        "sg:Singapore Corrupt Practices Investigation Bureau",
    }
)
DEV_PUBLISHERS = frozenset(
    {
        "senate:Cantwell",
        "senate:Dodd",
        "senate:Isakson",
        "senate:Kyl",
        "senate:Reed",
        "wire:keycrew",
        "wire:evertiseaipr",
        "wire:newsusa",
    }
)

PER_SENATOR = 3
PER_WIRE = 10
PER_SG_AGENCY = {
    "Singapore Ministry of Law": 24,
    "Singapore Ministry of Sustainability and the Environment": 14,
    "Singapore Corrupt Practices Investigation Bureau": 20,
}
MIN_WORDS = 150
MAX_WORDS = 1400


@dataclass(frozen=True)
class Round:
    """How many releases of each publisher a round of annotation takes."""

    per_senator: int
    per_wire: int
    per_sg_agency: dict[str, int]
    seed: int


# Later rounds (batches after the earlier rounds', which they leave as they were) draw only
# from the training publishers, weighted towards the wires, whose styles vary most. Each takes
# the next releases of every publisher's shuffled pool, so earlier rounds are a prefix.
_LATER_SG_AGENCY = {
    "Singapore Ministry of Law": 20,
    "Singapore Ministry of Sustainability and the Environment": 10,
}
ROUNDS = (
    Round(PER_SENATOR, PER_WIRE, PER_SG_AGENCY, SEED),
    Round(1, 15, _LATER_SG_AGENCY, 20261203),
    Round(1, 15, _LATER_SG_AGENCY, 20261204),
)


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _gold_sources(shared: Path) -> set[str]:
    sources = set()
    for gold in (shared / "eval").glob("*/*.gold.json"):
        source = json.loads(gold.read_text(encoding="utf-8")).get("source") or ""
        sources.add(source.removeprefix("Grimmer US Senate press releases: "))
    return sources


def _words(text: str) -> int:
    return len(text.split())


def candidates(shared: Path) -> list[dict]:
    """Every licensed release that may be annotated, with its publisher key."""
    gold = _gold_sources(shared)
    rows = []
    for record in _load(shared / SENATE_FILE):
        if record["format"] != "structured" or record["id"] in gold:
            continue
        rows.append(
            {
                "id": record["id"],
                "corpus": "senate",
                "publisher": f"senate:{record['senator']}",
                "words": _words(record["text"]),
            }
        )
    for record in _load(shared / WIRE_FILE):
        if record["source"] in gold:
            continue
        if record["source"].startswith("Newsworthyai/"):
            publisher = f"wire:{record['publisher']}"
        elif record["source"].startswith("isomerpages/"):
            publisher = f"sg:{record['publisher']}"
        else:
            continue  # prosecutors' pages and corporate newsrooms: no licence stated
        rows.append(
            {
                "id": record["id"],
                "corpus": "wire_agency",
                "publisher": publisher,
                "words": _words(record["text"]),
            }
        )
    return [row for row in rows if MIN_WORDS <= row["words"] <= MAX_WORDS]


def _quota(publisher: str, round_: Round) -> int:
    kind, _, name = publisher.partition(":")
    if kind == "senate":
        return round_.per_senator
    if kind == "wire":
        return round_.per_wire
    return round_.per_sg_agency.get(name, 0)


def _split(publisher: str) -> str:
    if publisher in TEST_PUBLISHERS:
        return "test"
    if publisher in DEV_PUBLISHERS:
        return "dev"
    return "train"


def choose(rows: list[dict]) -> list[dict]:
    """A stratified sample: a few releases of every senator, wire and agency.

    The first round draws from every publisher; later rounds only from the training
    publishers (the dev and test splits stay as the first round made them)."""
    rng = random.Random(ROUNDS[0].seed)  # shuffles the pools, then the first round
    by_publisher: dict[str, list[dict]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["id"]):
        by_publisher[row["publisher"]].append(row)
    rounds: list[list[dict]] = [[] for _ in ROUNDS]
    for publisher in sorted(by_publisher):
        pool = by_publisher[publisher]
        rng.shuffle(pool)
        taken = 0
        for index, round_ in enumerate(ROUNDS):
            if index and _split(publisher) != "train":
                break
            quota = _quota(publisher, round_)
            rounds[index].extend(pool[taken : taken + quota])
            taken += quota
    chosen = []
    first_batch = 1
    for index, (round_, drawn) in enumerate(zip(ROUNDS, rounds, strict=True)):
        for row in drawn:
            row["split"] = _split(row["publisher"])
            row["round"] = index + 1
        # the first round's shuffle continues the pool shuffles' generator
        (rng if index == 0 else random.Random(round_.seed)).shuffle(drawn)
        for position, row in enumerate(drawn):
            row["batch"] = f"b{first_batch + position // BATCH_SIZE:02d}"
        first_batch += -(-len(drawn) // BATCH_SIZE)
        chosen.extend(drawn)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--check", action="store_true", help="Fail if releases.jsonl differs.")
    args = parser.parse_args(argv)
    chosen = choose(candidates(args.shared))
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in chosen)
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("releases.jsonl is up to date" if same else "releases.jsonl differs")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    splits: dict[str, list[int]] = defaultdict(list)
    for row in chosen:
        splits[row["split"]].append(row["words"])
    for split, words in sorted(splits.items()):
        print(f"{split}: {len(words)} releases, {sum(words):,} words")
    print(f"all: {len(chosen)} releases, {sum(r['words'] for r in chosen):,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
