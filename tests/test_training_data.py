"""The entity model's annotated corpus (``training/``) holds to what the model card says:
the selection is reproducible, the splits are by publisher, later rounds only add training
releases, and every stored span lies on the text it was made for."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest

TRAINING = Path(__file__).resolve().parents[1] / "training"
sys.path.insert(0, str(TRAINING))

import annotate  # noqa: E402
import select_releases  # noqa: E402


def _rows() -> list[dict]:
    text = (TRAINING / "releases.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_selection_is_reproducible_from_the_corpora(shared_dir: Path) -> None:
    chosen = select_releases.choose(select_releases.candidates(shared_dir))
    assert [json.dumps(row, ensure_ascii=False) for row in chosen] == [
        json.dumps(row, ensure_ascii=False) for row in _rows()
    ]


def test_splits_are_by_publisher_and_later_rounds_only_train() -> None:
    rows = _rows()
    splits_of: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        splits_of[row["publisher"]].add(row["split"])
    assert all(len(splits) == 1 for splits in splits_of.values())
    rounds = [row["round"] for row in rows]
    assert rounds == sorted(rounds)
    assert {row["split"] for row in rows if row["round"] > 1} == {"train"}
    assert {row["split"] for row in rows if row["round"] == 1} == {"train", "dev", "test"}


def test_batches_are_numbered_in_order_and_full_but_for_each_rounds_last() -> None:
    numbers = [int(row["batch"][1:]) for row in _rows()]
    assert numbers == sorted(numbers)
    sizes: dict[int, int] = defaultdict(int)
    for number in numbers:
        sizes[number] += 1
    short = [n for n, size in sizes.items() if size != select_releases.BATCH_SIZE]
    assert len(short) <= len(select_releases.ROUNDS)


@pytest.fixture(scope="module")
def annotated(shared_dir: Path) -> tuple[dict[str, annotate.Release], list[dict]]:
    return annotate.releases(shared_dir), list(annotate.iter_annotations(annotate.ANNOTATIONS))


def test_every_chosen_release_is_annotated_once(
    annotated: tuple[dict[str, annotate.Release], list[dict]],
) -> None:
    corpus, rows = annotated
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(corpus)


def test_spans_lie_on_their_text_without_overlap(
    annotated: tuple[dict[str, annotate.Release], list[dict]],
) -> None:
    corpus, rows = annotated
    for row in rows:
        release = corpus[row["id"]]
        assert row["text_sha1"] == release.digest, row["id"]
        assert row["split"] == release.split, row["id"]
        previous_end = 0
        for start, end, label, surface in sorted(row["spans"]):
            assert label in annotate.LABELS, (row["id"], label)
            assert release.text[start:end] == surface, (row["id"], start, surface)
            assert surface == surface.strip() and surface, (row["id"], surface)
            assert start >= previous_end, (row["id"], surface)
            previous_end = end


def test_no_gold_release_of_the_evaluation_sets_is_annotated(shared_dir: Path) -> None:
    gold_texts = [
        path.read_text(encoding="utf-8")[:200].strip()
        for path in (shared_dir / "eval").glob("*/*.txt")
    ]
    corpus = annotate.releases(shared_dir)
    for release in corpus.values():
        assert not any(head and head in release.text for head in gold_texts), release.id
