"""Batch runs: collect inputs, read them safely, extract, write one JSON line per input.

Nothing here prints: the caller (the CLI) gets :class:`RunStats` and a progress callback.
Every input yields exactly one line, in input order: a record, or an error saying why not.

Invalid UTF-8 is decoded with replacement characters (U+FFFD) and flagged with an
``invalid_utf8`` warning in the record, so a mostly good file is not lost; a file that looks
binary (NUL bytes) is an error line.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from extractor.api import check_text, extract_many
from extractor.errors import ExtractorError, InputError
from extractor.models import (
    BatchFailure,
    BatchSuccess,
    ErrorInfo,
    Failure,
    PressRelease,
    Warning,
)
from extractor.settings import DEFAULT_MAX_CHARS, Settings

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
STDIN = "-"


class UsageError(ExtractorError):
    """The command line names no usable input (missing path, empty folder)."""


@dataclass(frozen=True)
class InputRef:
    """Where one input comes from: a file path or standard input."""

    source: str
    path: Path | None


@dataclass
class ReadResult:
    """A text ready for extraction, with warnings found while reading it."""

    text: str
    warnings: list[dict[str, str]] = field(default_factory=list)


@dataclass
class RunStats:
    """Counts of a finished batch run."""

    total: int = 0
    ok: int = 0
    failed: int = 0
    warnings: int = 0


def collect_inputs(paths: Iterable[str]) -> list[InputRef]:
    """Expand files, folders (recursively, by suffix) and ``-`` into an ordered input list.

    Raises:
        UsageError: for a path that does not exist or a folder with no inputs.
    """
    inputs: list[InputRef] = []
    for raw in paths:
        if raw == STDIN:
            inputs.append(InputRef(STDIN, None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not found:
                raise UsageError(
                    f"folder {raw} has no inputs (expected files ending in {sorted(SUFFIXES)})"
                )
            inputs.extend(InputRef(str(p), p) for p in found)
        elif path.is_file():
            inputs.append(InputRef(raw, path))
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return inputs


def html_main_text(html: str) -> str:
    """The main text of an HTML page (boilerplate removed), via trafilatura.

    Raises:
        InputError: when the page has no main text.
    """
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError("the HTML page has no main text", code="empty")
    return text


def decode(data: bytes) -> ReadResult:
    """Decode bytes as UTF-8; invalid bytes are replaced and flagged.

    Raises:
        InputError: for binary data (NUL bytes).
    """
    if b"\x00" in data[:8192]:
        raise InputError("the input looks binary (it contains NUL bytes)", code="binary")
    try:
        return ReadResult(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        message = (
            f"the input is not valid UTF-8 (first bad byte at offset {error.start}); "
            f"{text.count(chr(0xFFFD))} invalid byte sequences were replaced with U+FFFD"
        )
        return ReadResult(text, [{"code": "invalid_utf8", "message": message}])


def read_input(
    ref: InputRef, *, max_chars: int = DEFAULT_MAX_CHARS, stdin: IO[bytes] | None = None
) -> ReadResult:
    """Read one input and check it can be extracted from.

    Raises:
        InputError: for unreadable, binary, empty or too large inputs.
    """
    if ref.path is None:
        data = (stdin or sys.stdin.buffer).read()
    else:
        try:
            if ref.path.stat().st_size > 4 * max_chars + 1024:
                raise InputError(
                    f"the file has {ref.path.stat().st_size:,} bytes, over the limit of "
                    f"{max_chars:,} characters (raise it with --max-chars)",
                    code="too_large",
                )
            data = ref.path.read_bytes()
        except OSError as error:
            raise InputError(
                f"cannot read {ref.source}: {error.strerror}", code="unreadable"
            ) from error
    result = decode(data)
    if ref.path is not None and ref.path.suffix.lower() in (".html", ".htm"):
        result.text = html_main_text(result.text)
    check_text(result.text, max_chars=max_chars)
    return result


def _failure(source: str, error: InputError) -> BatchFailure:
    return BatchFailure(source=source, error=ErrorInfo(type=error.code, message=str(error)))


def iter_lines(
    inputs: Iterable[InputRef],
    *,
    settings: Settings | None = None,
    include_text: bool = False,
) -> Iterator[BatchSuccess | BatchFailure]:
    """Yield one output line per input, in input order.

    Inputs are read lazily and go through one :func:`extract_many` stream; an input that
    cannot be read becomes an error line in its place, and so does a document the pipeline
    failed on.
    """
    settings = settings or Settings()
    pending: deque[tuple[InputRef, ReadResult | InputError]] = deque()

    def readable() -> Iterator[tuple[str, str]]:
        for ref in inputs:
            try:
                read: ReadResult | InputError = read_input(ref, max_chars=settings.max_chars)
            except InputError as error:
                read = error
            pending.append((ref, read))
            if isinstance(read, ReadResult):
                yield read.text, ref.source

    def unreadable_first() -> Iterator[BatchFailure]:
        while pending and isinstance(pending[0][1], InputError):
            ref, error = pending.popleft()
            yield _failure(ref.source, error)  # type: ignore[arg-type]

    for result in extract_many(readable(), settings=settings):
        yield from unreadable_first()
        ref, read = pending.popleft()  # readable: the unreadable ones went out above
        if isinstance(result, Failure):
            yield BatchFailure(source=ref.source, error=result.error)
        else:
            yield _success(ref.source, cast(ReadResult, read), result, include_text)
    yield from unreadable_first()


def _success(
    source: str, read: ReadResult, record: PressRelease, include_text: bool
) -> BatchSuccess:
    extra = [Warning(**w) for w in read.warnings]
    record = record.model_copy(update={"warnings": [*extra, *record.warnings]})
    return BatchSuccess(source=source, record=record, text=read.text if include_text else None)


def to_json_line(line: BatchSuccess | BatchFailure) -> str:
    """One JSON Lines row (no newline), non-ASCII kept as is, unset ``text`` left out."""
    data = line.model_dump(mode="json")
    if data.get("text") is None:
        data.pop("text", None)
    return json.dumps(data, ensure_ascii=False)


def run(
    inputs: list[InputRef],
    out: IO[str],
    *,
    settings: Settings | None = None,
    include_text: bool = False,
    progress: Callable[[BatchSuccess | BatchFailure], None] | None = None,
) -> RunStats:
    """Extract every input and write JSON Lines to ``out``.

    Args:
        inputs: From :func:`collect_inputs`.
        out: Where the lines go.
        settings: Run settings (model, batch size, processes, limits).
        include_text: Add the text the spans index to each line.
        progress: Called after each line is written.
    """
    stats = RunStats()
    for line in iter_lines(inputs, settings=settings, include_text=include_text):
        out.write(to_json_line(line) + "\n")
        stats.total += 1
        if isinstance(line, BatchSuccess):
            stats.ok += 1
            stats.warnings += len(line.record.warnings)
        else:
            stats.failed += 1
        if progress is not None:
            progress(line)
    return stats
