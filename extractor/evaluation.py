"""Run a system over a gold folder and score it with :mod:`extractor.scoring`.

A gold folder holds pairs ``NAME.txt`` + ``NAME.gold.json`` (``GOLD_FORMAT.md``) or
``NAME.txt`` + ``NAME.expected.json`` (the repository's ``samples/``). A *predictor* is any
callable that turns a list of texts into a list of record dicts in the same order, such as
:func:`predict_ours` or the baseline of ``benchmarks/baseline_system.py``. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import InputError
from extractor.scoring import EXTRACTION_FAILED, Report, score_document

#: One input for a predictor: a text, ``(text, source)`` or ``(text, source, reference_date)``.
Item = str | tuple[str, str | None] | tuple[str, str | None, dt.date | None]
Predictor = Callable[[Sequence[Item]], list[dict[str, Any]]]

GOLD_SUFFIXES: tuple[str, ...] = (".gold.json", ".expected.json")
FAILED = EXTRACTION_FAILED
_LIST_FIELDS = (
    "organizations",
    "people",
    "quotes",
    "works",
    "countries",
    "country_lists",
    "urls",
    "emails",
    "contacts",
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its text and its annotation.

    Attributes:
        name: The file stem shared by the pair (``001`` for ``001.txt``).
        text: The release text, read as UTF-8.
        gold: The parsed annotation.
        path: Path of the annotation file.
    """

    name: str
    text: str
    gold: dict[str, Any]
    path: Path


def _gold_path(text_path: Path) -> Path | None:
    stem = text_path.name.removesuffix(".txt")
    for suffix in GOLD_SUFFIXES:
        candidate = text_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _read_pair(text_path: Path, gold_path: Path) -> GoldDoc:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{gold_path}: expected a JSON object, got invalid JSON ({exc})") from exc
    if not isinstance(gold, dict):
        raise InputError(f"{gold_path}: expected a JSON object, got {type(gold).__name__}")
    text = text_path.read_text(encoding="utf-8")
    return GoldDoc(text_path.name.removesuffix(".txt"), text, gold, gold_path)


def load_gold_dir(path: str | Path) -> list[GoldDoc]:
    """Read every ``NAME.txt`` that has a ``NAME.gold.json`` or ``NAME.expected.json``.

    Args:
        path: The gold folder.

    Returns:
        The documents sorted by name. Text files without an annotation are skipped.

    Raises:
        InputError: When ``path`` is not a folder, holds no pair, or an annotation is not a
            JSON object.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"expected a gold folder, got {str(folder)!r} (not a directory)")
    docs = [
        _read_pair(text_path, gold_path)
        for text_path in sorted(folder.glob("*.txt"))
        if (gold_path := _gold_path(text_path)) is not None
    ]
    if not docs:
        wanted = " or ".join(f"NAME{suffix}" for suffix in GOLD_SUFFIXES)
        raise InputError(
            f"no gold pairs in {str(folder)!r}: expected NAME.txt files next to {wanted}"
        )
    return docs


def evaluate_docs(docs: Sequence[GoldDoc], *, predict: Predictor) -> Report:
    """Predict every document and score it against its gold annotation.

    Args:
        docs: Gold documents, e.g. from :func:`load_gold_dir`.
        predict: Turns the list of texts into the list of records, in order.

    Returns:
        The summed report, with per-document error lists keyed by document name.

    Raises:
        ValueError: When the predictor returns a different number of records.
    """
    records = predict([doc.text for doc in docs])
    if len(records) != len(docs):
        raise ValueError(f"predictor returned {len(records)} records for {len(docs)} texts")
    return Report.combine(
        score_document(record, doc.gold, name=doc.name)
        for doc, record in zip(docs, records, strict=True)
    )


def evaluate_dir(gold_dir: str | Path, *, predict: Predictor) -> Report:
    """Score a predictor on a gold folder (see :func:`load_gold_dir`).

    Args:
        gold_dir: Folder of ``NAME.txt`` + ``NAME.gold.json`` pairs.
        predict: Turns a list of texts into a list of records, in order.

    Returns:
        The summed report.
    """
    return evaluate_docs(load_gold_dir(gold_dir), predict=predict)


def _source(item: Item) -> str | None:
    return None if isinstance(item, str) else item[1]


def failed_record(item: Item, kind: str, message: str) -> dict[str, Any]:
    """An empty record standing in for an input the system failed on (it scores as misses).

    Args:
        item: The input that failed.
        kind: The error type.
        message: What went wrong.

    Returns:
        A record of the ``PressRelease`` shape with no fields found and one warning with
        code ``extraction_failed``.
    """
    return {
        "schema_version": "1.0",
        "source": _source(item),
        "title": None,
        "dateline": None,
        **{key: [] for key in _LIST_FIELDS},
        "warnings": [
            {"code": FAILED, "message": f"{kind}: {message}"},
        ],
    }


def predict_ours(
    model: str | None = None, *, n_process: int = 1, batch_size: int = 16, fast: bool = False
) -> Predictor:
    """A predictor running the toolkit's own pipeline through :func:`extractor.extract_many`.

    An input the pipeline fails on becomes a :func:`failed_record` in its place (it scores as
    misses and is counted in the ``extraction_failed`` share), so one bad document costs its
    own score, not the run.

    Args:
        model: spaCy pipeline name; None picks the default model.
        n_process: Processes for ``nlp.pipe``.
        batch_size: Batch size for ``nlp.pipe``.
        fast: Run the fast mode (no statistical model).

    Returns:
        A callable mapping items (texts, or ``(text, source[, reference_date])`` tuples) to
        record dicts (``PressRelease.model_dump(mode="json")``), input order kept.
    """

    def predict(items: Sequence[Item]) -> list[dict[str, Any]]:
        from extractor import extract_many  # the pipeline loads only when used
        from extractor.models import Failure

        items = list(items)
        results = extract_many(
            items, model=model, n_process=n_process, batch_size=batch_size, fast=fast
        )
        records = []
        for item, result in zip(items, results, strict=True):
            if isinstance(result, Failure):
                logger.warning("extraction failed on %r: %s", _source(item), result.error.message)
                records.append(failed_record(item, result.error.type, result.error.message))
            else:
                records.append(result.model_dump(mode="json"))
        return records

    return predict
