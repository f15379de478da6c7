"""The fast mode (no statistical model) runs every component on a blank pipeline without
crashing, over a sample of every shared corpus, and keeps the rule-based fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import extract, extract_many
from extractor.models import PressRelease
from extractor.schema import validate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPORA = {
    "senate": ("press_releases/grimmer_senate_press_releases.jsonl", ("text",)),
    "wire_agency": ("press_releases/wire_and_agency_releases.jsonl", ("text",)),
    "polnear": ("quotes_gold.jsonl", ("text",)),
    "reuters": ("reuters21578_datelines.jsonl", ("dateline", "body")),
}
SAMPLE = 25


def _sample(path: Path, fields: tuple[str, ...]) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            texts.append(" ".join(row[f] for f in fields))
            if len(texts) == SAMPLE:
                break
    return texts


@pytest.mark.shared
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_fast_mode_runs_every_component_on_each_shared_corpus(corpus: str) -> None:
    relative, fields = CORPORA[corpus]
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} not found")
    texts = _sample(path, fields)
    results = list(extract_many([(t, f"{corpus}-{i}") for i, t in enumerate(texts)], fast=True))
    assert len(results) == len(texts)
    for text, result in zip(texts, results, strict=True):
        assert isinstance(result, PressRelease), result
        assert validate(result, text=text) == []


RELEASE = (
    "Port Reopens After Repairs\n\n"
    'LISBON, March 3, 2026 - "We are open again," said Ana Costa, the port director. '
    "Details at https://port.example.org or press@port.example.org.\n"
)


def test_fast_mode_keeps_datelines_links_quotes_and_speakers() -> None:
    record = extract(RELEASE, fast=True)
    assert record.dateline is not None and record.dateline.city == "LISBON"
    assert [u.url for u in record.urls] == ["https://port.example.org"]
    assert [e.email for e in record.emails] == ["press@port.example.org"]
    assert [(q.text, q.speaker) for q in record.quotes] == [("We are open again,", "Ana Costa")]
