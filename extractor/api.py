"""Public entry points: ``extract`` for one release, ``extract_many`` for a stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from spacy.tokens import Doc

from extractor import attrs
from extractor.assemble import to_record
from extractor.errors import InputError
from extractor.models import PressRelease
from extractor.pipeline import get_nlp
from extractor.settings import DEFAULT_MAX_CHARS

Item: TypeAlias = str | tuple[str, str | None] | tuple[str, str | None, dt.date | None]
"""An input: the text, ``(text, source)`` or ``(text, source, reference_date)``."""


def check_text(text: object, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return ``text`` if it can be extracted from, else raise :class:`InputError`.

    Raises:
        InputError: for a non-string, an empty or whitespace-only text, or one longer than
            ``max_chars`` (code ``not_text``, ``empty`` or ``too_large``).
    """
    if not isinstance(text, str):
        raise InputError(f"expected the release as str, got {type(text).__name__}", code="not_text")
    if not text.strip():
        raise InputError("the release is empty (no visible characters)", code="empty")
    if len(text) > max_chars:
        raise InputError(
            f"the release has {len(text):,} characters; the limit is {max_chars:,} "
            "(raise it with max_chars / --max-chars)",
            code="too_large",
        )
    return text


def _normalise(
    item: Item, reference_date: dt.date | None
) -> tuple[str, str | None, dt.date | None]:
    if isinstance(item, str):
        return item, None, reference_date
    if isinstance(item, tuple) and len(item) in (2, 3):
        text, source = item[0], item[1]
        ref = item[2] if len(item) == 3 else None  # type: ignore[misc]
        return text, source, ref or reference_date
    raise InputError(
        f"expected str, (text, source) or (text, source, reference_date); got {item!r:.80}",
        code="not_text",
    )


def extract_many(
    items: Iterable[Item],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    reference_date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[PressRelease]:
    """Extract records from many releases through ``nlp.pipe``, in input order.

    Args:
        items: Texts, ``(text, source)`` pairs or ``(text, source, reference_date)`` triples.
        model: spaCy pipeline name; ``None`` picks the default.
        n_process: Worker processes for ``nlp.pipe``.
        batch_size: Documents per batch.
        reference_date: Completes dates written without a year (per-item dates win).
        max_chars: Longest text accepted.

    Yields:
        One :class:`PressRelease` per item.

    Raises:
        InputError: for an item that is not text, is empty or is too long.
    """
    nlp = get_nlp(model)

    def docs() -> Iterator[tuple[Doc, str | None]]:
        for item in items:
            text, source, ref = _normalise(item, reference_date)
            doc = nlp.make_doc(check_text(text, max_chars=max_chars))
            doc._.set(attrs.REFERENCE_DATE, ref.isoformat() if ref else None)
            yield doc, source

    pipe = nlp.pipe(docs(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, source in pipe:
        yield to_record(doc, source=source)


def extract(
    text: str,
    *,
    source: str | None = None,
    model: str | None = None,
    reference_date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> PressRelease:
    """Extract one record from one release.

    Args:
        text: The release; ``span`` offsets in the record index this exact string.
        source: Path or id to carry into the record.
        model: spaCy pipeline name; ``None`` picks the default.
        reference_date: Completes dates written without a year (e.g. "Feb 26").
        max_chars: Longest text accepted.

    Raises:
        InputError: for an empty or too long text.
        ModelNotFoundError: when the model is not installed.
    """
    return next(extract_many([(text, source, reference_date)], model=model, max_chars=max_chars))
