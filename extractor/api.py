"""Public entry points: ``extract`` for one release, ``extract_many`` for a stream.

``extract_many`` yields exactly one result per input, in input order: the record, or a
:class:`~extractor.models.Failure` in its place. Inputs that cannot be extracted (not text,
empty, too long) and documents on which a component fails never cost the other items of the
batch; everything runs through one ``nlp.pipe`` stream.

No input costs more than linear time or unbounded memory (:mod:`extractor.guards`): long runs
of characters without a space are tokenised in pieces, and a text longer than
``Settings.chunk_chars`` goes through the statistical model in pieces; either way the spans
index the text given, and the record carries a ``long_runs`` / ``long_text`` warning.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TypeAlias

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs, guards
from extractor.assemble import to_record
from extractor.errors import ExtractorError, InputError, PipelineError
from extractor.models import ErrorInfo, Failure, PressRelease
from extractor.pipeline import get_nlp
from extractor.readers.base import check_text as _check_text
from extractor.settings import DEFAULT_MAX_CHARS, Settings, make_settings

logger = logging.getLogger(__name__)

Item: TypeAlias = str | tuple[str, str | None] | tuple[str, str | None, dt.date | None]
"""An input: the text, ``(text, source)`` or ``(text, source, reference_date)``."""

Result: TypeAlias = PressRelease | Failure
"""One output of :func:`extract_many`: a record, or the failure standing in for it."""

Errors: TypeAlias = Literal["return", "raise"]

_NOTHING = object()
"""Marks an empty input stream (``None`` is an item, a bad one)."""

Note: TypeAlias = dict[str, str]
"""A warning found before the pipeline ran: ``{"code": ..., "message": ...}``."""


def check_text(text: object, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Return ``text`` if it can be extracted from, else raise :class:`InputError`.

    Raises:
        InputError: for a non-string, an empty or whitespace-only text, or one longer than
            ``max_chars`` (code ``not_text``, ``empty`` or ``too_large``).
    """
    return _check_text(text, max_chars=max_chars)


def _normalise(
    item: object, reference_date: dt.date | None
) -> tuple[object, str | None, dt.date | None]:
    if isinstance(item, tuple) and len(item) in (2, 3):
        text, source = item[0], item[1]
        ref = item[2] if len(item) == 3 else None
        if source is not None and not isinstance(source, str):
            raise InputError(
                f"expected the source as str or None, got {type(source).__name__}",
                code="not_text",
            )
        if ref is not None and not isinstance(ref, dt.date):
            raise InputError(
                f"expected the reference date as datetime.date, got {type(ref).__name__}",
                code="not_text",
            )
        return text, source, ref or reference_date
    if isinstance(item, str):
        return item, None, reference_date
    raise InputError(
        f"expected str, (text, source) or (text, source, reference_date); "
        f"got {type(item).__name__}",
        code="not_text",
    )


def _source_of(item: object) -> str | None:
    if isinstance(item, tuple) and len(item) in (2, 3) and isinstance(item[1], str):
        return item[1]
    return None


def _settings(settings: Settings | None, **overrides: Any) -> Settings:
    return (settings or Settings()).updated(**overrides)


def extract_many(
    items: Iterable[Item],
    *,
    settings: Settings | None = None,
    errors: Errors = "return",
    model: str | None = None,
    n_process: int | None = None,
    batch_size: int | None = None,
    reference_date: dt.date | None = None,
    max_chars: int | None = None,
    fast: bool | None = None,
) -> Iterator[Result]:
    """Extract records from many releases through one ``nlp.pipe`` stream, in input order.

    Args:
        items: Texts, ``(text, source)`` pairs or ``(text, source, reference_date)`` triples.
        settings: Run settings; the keyword options below override its fields.
        errors: ``"return"`` (default) yields a :class:`Failure` in place of each input that
            could not be extracted; ``"raise"`` raises instead (:class:`InputError` for a bad
            input, :class:`PipelineError` for a component failure), after yielding the
            results before it.
        model: spaCy pipeline name; ``None`` picks the default.
        n_process: Worker processes for ``nlp.pipe``.
        batch_size: Documents per batch.
        reference_date: Completes dates written without a year (per-item dates win).
        max_chars: Longest text accepted.
        fast: Run without the statistical model (about ten times faster; datelines,
            countries, links and quote spans as usual, fewer people and speakers).

    Yields:
        One :class:`PressRelease` or :class:`Failure` per item. When iterating ``items``
        itself raises, the results before it are yielded, then one failure (type
        ``input_error``) saying at which item the input stopped.

    Raises:
        ConfigError: for settings the pipeline refuses (unknown model, bad option).
    """
    config = _settings(
        settings,
        model=model,
        n_process=n_process,
        batch_size=batch_size,
        reference_date=reference_date,
        max_chars=max_chars,
        fast=fast,
    )
    if errors not in ("return", "raise"):
        raise InputError(f"errors must be 'return' or 'raise', got {errors!r}", code="input_error")
    stopped: list[tuple[Failure, BaseException]] = []
    stream = _guarded(items, stopped)
    first = next(stream, _NOTHING)
    if first is _NOTHING:  # nothing to extract: the model is not loaded
        yield from _stopped(stopped, errors)
        return
    nlp = get_nlp(config)
    nlp.max_length = max(nlp.max_length, config.max_chars + 1)
    long_texts: dict[int, tuple[str, dt.date | None]] = {}

    def docs() -> Iterator[tuple[Doc, tuple[int, str | None, list[Note]]]]:
        for index, item in enumerate(itertools.chain([first], stream)):
            source = _source_of(item)
            notes: list[Note] = []
            try:
                text, source, ref = _normalise(item, config.reference_date)
                text = check_text(text, max_chars=config.max_chars)
                notes = guard_notes(text, config.chunk_chars)
                if len(text) > config.chunk_chars:  # analysed in pieces when it comes out
                    long_texts[index] = (text, ref)
                    doc = nlp.make_doc("")
                    attrs.mark_failed(doc, "input_error", "analysed in pieces")
                else:
                    doc = guards.make_doc(nlp, text)
                    doc._.set(attrs.TEXT, text)  # the Doc's text: spaCy would rebuild it
                    doc._.set(attrs.REFERENCE_DATE, ref.isoformat() if ref else None)
            except InputError as error:
                doc = nlp.make_doc("")
                attrs.mark_failed(doc, error.code, f"item {index}: {error}")
            yield doc, (index, source, notes)

    pipe = nlp.pipe(
        docs(), as_tuples=True, batch_size=config.batch_size, n_process=config.n_process
    )
    for doc, (index, source, notes) in pipe:
        if index in long_texts:
            doc = _analyse_long(nlp, config, *long_texts.pop(index))
        result = _result(doc, source, notes)
        if errors == "raise" and isinstance(result, Failure):
            raise _as_error(result)
        yield result
    yield from _stopped(stopped, errors)


def guard_notes(text: str, chunk_chars: int) -> list[Note]:
    """Warnings for a text the guards of :mod:`extractor.guards` will treat specially."""
    notes: list[Note] = []
    runs = guards.long_runs(text)
    if runs:
        start, end = max(runs, key=lambda run: run[1] - run[0])
        notes.append(
            {
                "code": "long_runs",
                "message": f"{len(runs)} runs of more than {guards.MAX_RUN} characters without "
                f"a space (the longest: {end - start:,} at character {start:,}) were tokenised "
                "in pieces",
            }
        )
    if len(text) > chunk_chars:
        pieces = len(guards.chunk_bounds(text, chunk_chars))
        notes.append(
            {
                "code": "long_text",
                "message": f"the text has {len(text):,} characters: the model read it in "
                f"{pieces} pieces of at most {chunk_chars:,} (sentences and entities do not "
                "cross a cut)",
            }
        )
    return notes


def _analyse_long(nlp: Language, config: Settings, text: str, ref: dt.date | None) -> Doc:
    """A long text through the model in pieces, then the toolkit's components on the whole."""
    ours = [name for name in nlp.pipe_names if name in config.components]
    try:
        doc = guards.analyse_in_chunks(
            nlp,
            text,
            model_pipes=[name for name in nlp.pipe_names if name not in ours],
            size=config.chunk_chars,
        )
    except Exception as error:  # a model component failing: this document only
        logger.warning("analysing a long text failed", exc_info=error)
        doc = nlp.make_doc("")
        attrs.mark_failed(doc, "pipeline_error", f"{type(error).__name__}: {error}")
        return doc
    doc._.set(attrs.TEXT, text)  # the joined Doc's text: spaCy would rebuild it
    doc._.set(attrs.REFERENCE_DATE, ref.isoformat() if ref else None)
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _guarded(
    items: Iterable[object], stopped: list[tuple[Failure, BaseException]]
) -> Iterator[object]:
    """The caller's items; when iterating them raises, the error is recorded in ``stopped``
    and the stream ends, so the items before it are still extracted."""
    index = 0
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as error:
            message = (
                f"reading the inputs failed at item {index}: {type(error).__name__}: {error}; "
                "later items were not read"
            )
            failure = Failure(source=None, error=ErrorInfo(type="input_error", message=message))
            stopped.append((failure, error))
            return
        yield item
        index += 1


def _stopped(stopped: list[tuple[Failure, BaseException]], errors: Errors) -> Iterator[Failure]:
    for failure, error in stopped:
        if errors == "raise":
            raise error
        yield failure


def _result(doc: Doc, source: str | None, notes: list[Note] | None = None) -> Result:
    failure = doc._.get(attrs.FAILURE)
    if failure is None:
        try:
            return to_record(doc, source=source, warnings=notes)
        except Exception as error:  # a record the models refuse is a bug: report, go on
            logger.warning("assembling the record of %r failed", source, exc_info=error)
            failure = {
                "type": "pipeline_error",
                "message": f"assembling the record failed: {type(error).__name__}: {error}",
            }
    return Failure(source=source, error=ErrorInfo(**failure))


def _as_error(failure: Failure) -> ExtractorError:
    if failure.error.type == "pipeline_error":
        return PipelineError(failure.error.message, source=failure.source)
    return InputError(failure.error.message, code=failure.error.type)


def extract(
    text: str,
    *,
    source: str | None = None,
    settings: Settings | None = None,
    model: str | None = None,
    reference_date: dt.date | None = None,
    max_chars: int | None = None,
    fast: bool | None = None,
) -> PressRelease:
    """Extract one record from one release.

    Args:
        text: The release; ``span`` offsets in the record index this exact string.
        source: Path or id to carry into the record.
        settings: Run settings; the keyword options override its fields.
        model: spaCy pipeline name; ``None`` picks the default.
        reference_date: Completes dates written without a year (e.g. "Feb 26").
        max_chars: Longest text accepted.
        fast: Run without the statistical model.

    Raises:
        InputError: for an empty or too long text.
        PipelineError: when a component fails on this text.
        ModelNotFoundError: when the model is not installed.
    """
    results = extract_many(
        [(text, source, reference_date)],
        settings=settings,
        errors="raise",
        model=model,
        max_chars=max_chars,
        n_process=1,
        fast=fast,
    )
    record = next(results)
    if isinstance(record, Failure):  # not reached: errors="raise" raises instead
        raise _as_error(record)
    return record


__all__ = ["Item", "Result", "check_text", "extract", "extract_many", "make_settings"]
