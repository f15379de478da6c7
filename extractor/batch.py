"""Batch runs: readers → extraction → one JSON line per input, in input order; resume.

Nothing here prints: the caller (the CLI) gets :class:`RunStats`, a progress callback and a
stop hook. Every input yields exactly one line: a record, or an error saying why not.

The inputs are read lazily in this process (:mod:`extractor.readers`) and cut into chunks of
``Settings.batch_size`` documents; each chunk is extracted (:func:`extract_chunk`) by a
*backend*:

* in this process, when ``n_process`` is 1;
* by ``n_process`` worker processes (started with ``spawn``; each builds the pipeline once,
  ignores Ctrl-C and exits when this process dies), at most four chunks per worker in flight;
* by the workers of a Dask cluster when ``Settings.scheduler`` names one
  (:mod:`extractor.dask`).

Worker processes are started with ``spawn``: a script that calls :func:`run` with
``n_process > 1`` needs the usual ``if __name__ == "__main__":`` guard.

Results are written in input order and flushed after every chunk, so an interrupted or killed
run leaves only whole lines (at worst one torn last line, which :func:`open_output` with
``resume=True`` cuts off before appending the inputs whose ``source`` is not in the file yet).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol, TypeAlias, TypeVar

from extractor.errors import ExtractorError, UsageError
from extractor.models import BatchFailure, BatchSuccess, ErrorInfo, Failure, PressRelease, Warning
from extractor.readers import (
    STDIN,
    Document,
    InputRef,
    RowFields,
    Unreadable,
    collect_inputs,
    count_inputs,
    iter_documents,
)
from extractor.settings import Settings

__all__ = [
    "STDIN",
    "BatchLine",
    "Existing",
    "InputRef",
    "RunStats",
    "UsageError",
    "WorkerError",
    "collect_inputs",
    "count_inputs",
    "extract_chunk",
    "iter_lines",
    "open_output",
    "run",
    "scan_output",
    "to_json_line",
]

IN_FLIGHT = 4
"""Chunks in flight per worker: enough that a slow chunk at the head of the line does not
leave the other workers idle, few enough to keep memory flat."""

BatchLine: TypeAlias = BatchSuccess | BatchFailure
Chunk: TypeAlias = list[Document | Unreadable]
T = TypeVar("T")


class WorkerError(ExtractorError):
    """A worker process or the Dask cluster failed (not an input): the run cannot go on."""


@dataclass
class RunStats:
    """Counts of a batch run.

    Attributes:
        total: Lines written by this run.
        ok: Of which records.
        failed: Of which error lines.
        warnings: Warnings in the records written.
        errors: Error lines by error type.
        skipped: Inputs left out because the output already held their line (resume).
        seconds: Wall-clock time of the run.
        interrupted: Whether the run stopped early at the caller's request.
    """

    total: int = 0
    ok: int = 0
    failed: int = 0
    warnings: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def rate(self) -> float:
        """Lines written per second."""
        return self.total / self.seconds if self.seconds > 0 else 0.0

    def add(self, line: BatchLine) -> None:
        """Count one written line."""
        self.total += 1
        if isinstance(line, BatchSuccess):
            self.ok += 1
            self.warnings += len(line.record.warnings)
        else:
            self.failed += 1
            self.errors[line.error.type] += 1


# --------------------------------------------------------------------------- one chunk


def _line(document: Document, result: PressRelease | Failure, include_text: bool) -> BatchLine:
    if isinstance(result, Failure):
        return BatchFailure(source=document.source, error=result.error)
    extra = [Warning(**w) for w in document.warnings]  # type: ignore[arg-type]
    record = result.model_copy(update={"warnings": [*extra, *result.warnings]})
    text = document.text if include_text else None
    return BatchSuccess(source=document.source, record=record, text=text)


def extract_chunk(
    chunk: Sequence[Document | Unreadable], settings: Settings, include_text: bool = False
) -> list[BatchLine]:
    """The output lines of one chunk, in order (runs in whichever process gets the chunk).

    The documents go through one in-process :func:`~extractor.extract_many` stream; the
    pipeline is built once per process and cached.
    """
    from extractor.api import extract_many

    documents = [item for item in chunk if isinstance(item, Document)]
    results: Iterator[PressRelease | Failure] = iter(())
    if documents:
        local = settings.model_copy(update={"n_process": 1})
        results = extract_many(((d.text, d.source) for d in documents), settings=local)
    lines: list[BatchLine] = []
    for item in chunk:
        if isinstance(item, Unreadable):
            error = ErrorInfo(type=item.code, message=item.message)  # type: ignore[arg-type]
            lines.append(BatchFailure(source=item.source, error=error))
        else:
            lines.append(_line(item, next(results), include_text))
    return lines


# --------------------------------------------------------------------------- backends


class Backend(Protocol):
    """Extracts chunks somewhere and gives their lines back in input order."""

    def map(self, chunks: Iterable[Chunk]) -> Iterator[list[BatchLine]]:
        """The lines of each chunk, in the order of ``chunks``."""
        ...

    def close(self, *, force: bool = False) -> None:
        """Release workers; ``force`` ends them without waiting for their current chunk."""
        ...


class _Result(Protocol[T]):  # concurrent.futures.Future and distributed.Future alike
    def result(self, timeout: float | None = None) -> T: ...

    def cancel(self) -> Any: ...


def ordered(
    submit: Callable[[Chunk], _Result[list[BatchLine]]], chunks: Iterable[Chunk], window: int
) -> Iterator[list[BatchLine]]:
    """Submit chunks with at most ``window`` in flight and yield their results in order."""
    pending: deque[_Result[list[BatchLine]]] = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


class InProcess:
    """Chunks extracted one after the other in this process."""

    def __init__(self, settings: Settings, include_text: bool) -> None:
        self.settings = settings
        self.include_text = include_text

    def map(self, chunks: Iterable[Chunk]) -> Iterator[list[BatchLine]]:
        """See :class:`Backend`."""
        for chunk in chunks:
            yield extract_chunk(chunk, self.settings, self.include_text)

    def close(self, *, force: bool = False) -> None:
        """Nothing to release."""


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)  # the batch process died (e.g. SIGKILL): do not linger holding a model


def _init_worker(settings: Settings, parent: int) -> None:
    """Worker start: ignore Ctrl-C (the parent stops the run), watch the parent, build the
    pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    from extractor.pipeline import get_nlp

    get_nlp(settings)


def _ready() -> int:
    return os.getpid()


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes start: they inherit the blocked signal, so a
    Ctrl-C at that moment cannot raise inside a half-started worker; the parent gets it as
    soon as the block ends."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class ProcessPool:
    """Chunks extracted by ``n`` worker processes, each with its own pipeline."""

    def __init__(self, settings: Settings, include_text: bool, processes: int) -> None:
        from extractor.pipeline import resolve_model_name

        resolve_model_name(settings.model)  # a missing model is a usage error, raised here
        self.settings = settings
        self.include_text = include_text
        self.processes = processes
        self.executor = ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(settings, os.getpid()),
        )
        try:
            with _sigint_blocked():
                started = [self.executor.submit(_ready) for _ in range(processes)]
            for future in started:
                future.result()
        except BrokenProcessPool as error:
            self.close(force=True)
            raise WorkerError(f"the worker processes could not start: {error}") from None

    def _submit(self, chunk: Chunk) -> Future[list[BatchLine]]:
        return self.executor.submit(extract_chunk, chunk, self.settings, self.include_text)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[list[BatchLine]]:
        """See :class:`Backend`."""
        try:
            yield from ordered(self._submit, chunks, IN_FLIGHT * self.processes)
        except BrokenProcessPool as error:
            raise WorkerError(
                f"a worker process died ({error}); the lines written so far are complete"
            ) from None

    def close(self, *, force: bool = False) -> None:
        """Stop the workers (see :class:`Backend`)."""
        if force:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


def make_backend(settings: Settings, include_text: bool) -> Backend:
    """The backend ``settings`` ask for: a Dask cluster, worker processes or this process.

    Raises:
        ConfigError: for a model that is not installed, or a Dask scheduler that cannot be
            reached.
        WorkerError: when worker processes cannot start.
    """
    if settings.scheduler:
        from extractor.dask import DaskBackend

        return DaskBackend(settings, include_text)
    if settings.n_process > 1:
        return ProcessPool(settings, include_text, settings.n_process)
    return InProcess(settings, include_text)


# --------------------------------------------------------------------------- lines


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def iter_batches(
    inputs: Iterable[InputRef],
    *,
    settings: Settings | None = None,
    include_text: bool = False,
    skip: Callable[[str], bool] | None = None,
    stdin: IO[bytes] | None = None,
    backend: Backend | None = None,
) -> Iterator[list[BatchLine]]:
    """The output lines of ``inputs``, one list per chunk, in input order.

    Args:
        inputs: From :func:`collect_inputs`.
        settings: Model, batch size, processes or Dask scheduler, limits, corpus fields.
        include_text: Add the text the spans index to each line.
        skip: Sources to leave out (see :func:`extractor.readers.iter_documents`).
        stdin: Standard input's bytes.
        backend: Where chunks are extracted (default: what ``settings`` ask for; closed at
            the end only when made here).
    """
    settings = settings or Settings()
    documents = iter_documents(
        inputs,
        max_chars=settings.max_chars,
        fields=RowFields(settings.text_fields, settings.id_field),
        skip=skip,
        stdin=stdin,
    )
    own = backend is None
    worker = backend or make_backend(settings, include_text)
    force = True
    try:
        yield from worker.map(chunked(documents, settings.batch_size))
        force = False
    finally:
        if own:
            worker.close(force=force)


def iter_lines(
    inputs: Iterable[InputRef], *, settings: Settings | None = None, include_text: bool = False
) -> Iterator[BatchLine]:
    """Yield one output line per input, in input order (see :func:`iter_batches`)."""
    for lines in iter_batches(inputs, settings=settings, include_text=include_text):
        yield from lines


def to_json_line(line: BatchLine) -> str:
    """One JSON Lines row (no newline), non-ASCII kept as is, unset ``text`` left out."""
    data = line.model_dump(mode="json")
    if data.get("text") is None:
        data.pop("text", None)
    return json.dumps(data, ensure_ascii=False)


def encode_line(line: BatchLine) -> bytes:
    """The row as UTF-8 bytes with its newline. A lone surrogate (a JSON row may carry one)
    is written as its ``\\uXXXX`` escape, so the output is always valid UTF-8 and JSON."""
    return (to_json_line(line) + "\n").encode("utf-8", "backslashreplace")


def _write(out: IO[bytes] | IO[str], data: bytes) -> None:
    if isinstance(out, io.TextIOBase):
        out.write(data.decode("utf-8"))
    else:
        out.write(data)  # type: ignore[arg-type]
    out.flush()


# --------------------------------------------------------------------------- output file


@dataclass
class Existing:
    """What an earlier run left in an output file.

    Attributes:
        done: The ``source`` of every complete line.
        lines: Complete lines with a source.
        unusable: Complete lines that are not batch lines (left in place, not counted done).
        torn: Bytes of a torn last line (no newline: the run was killed while writing it).
        size: Bytes of complete lines (where appending starts).
    """

    done: set[str] = field(default_factory=set)
    lines: int = 0
    unusable: int = 0
    torn: int = 0
    size: int = 0


def scan_output(path: Path) -> Existing:
    """Read an earlier run's output: sources done, unusable lines, a torn last line."""
    found = Existing()
    with path.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                found.torn = len(raw)
                break
            found.size += len(raw)
            if not raw.strip():
                continue
            try:
                source = json.loads(raw)["source"]
            except (ValueError, TypeError, KeyError):
                source = None
            if isinstance(source, str):
                found.done.add(source)
                found.lines += 1
            else:
                found.unusable += 1
    return found


def open_output(
    path: Path, *, resume: bool = False, overwrite: bool = False
) -> tuple[IO[bytes], Existing]:
    """Open the output file for a run.

    Args:
        path: The JSONL output.
        resume: Keep the lines already there (a torn last line is cut off) and append.
        overwrite: Replace a file that is not empty.

    Returns:
        The file, open for writing bytes, and what it already held.

    Raises:
        UsageError: when the file is not empty and neither ``resume`` nor ``overwrite`` is set,
            when both are, or when it cannot be written (no such folder, a folder, no
            permission).
    """
    if resume and overwrite:
        raise UsageError("--resume and --overwrite exclude each other")
    if not path.parent.is_dir():
        raise UsageError(f"the folder of the output does not exist: {path.parent}")
    if path.is_dir():
        raise UsageError(f"the output is a folder: {path}")
    exists = path.is_file() and path.stat().st_size > 0
    if exists and not (resume or overwrite):
        raise UsageError(
            f"{path} exists and is not empty: add --resume to continue it (inputs already "
            "there are skipped) or --overwrite to replace it"
        )
    try:
        if resume and exists:
            existing = scan_output(path)
            if existing.torn:
                os.truncate(path, existing.size)
            return path.open("ab"), existing
        return path.open("wb"), Existing()
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror}") from None


# --------------------------------------------------------------------------- the run


def run(
    inputs: list[InputRef],
    out: IO[bytes] | IO[str],
    *,
    settings: Settings | None = None,
    include_text: bool = False,
    progress: Callable[[BatchLine], None] | None = None,
    skipped: Callable[[str], None] | None = None,
    done: set[str] | frozenset[str] = frozenset(),
    stop: Callable[[], bool] | None = None,
    stdin: IO[bytes] | None = None,
) -> RunStats:
    """Extract every input and write JSON Lines to ``out``, flushing after every chunk.

    Args:
        inputs: From :func:`collect_inputs`.
        out: Where the lines go (bytes are written as UTF-8; a text stream also works).
        settings: Run settings (model, batch size, processes or scheduler, limits, fields).
        include_text: Add the text the spans index to each line.
        progress: Called with each line once it is written and flushed.
        skipped: Called with the source of each input left out because it is in ``done``.
        done: Sources already written by an earlier run (see :func:`open_output`).
        stop: Checked after each chunk; when it returns true the run ends there, with every
            line of the chunks handed out so far written (``stats.interrupted``).
        stdin: Standard input's bytes.

    Raises:
        ConfigError: for a model or scheduler that cannot be used.
        WorkerError: when a worker process or the cluster fails.
    """
    settings = settings or Settings()
    stats = RunStats()
    started = time.perf_counter()

    def skip(source: str) -> bool:
        if source not in done:
            return False
        stats.skipped += 1
        if skipped is not None:
            skipped(source)
        return True

    batches = iter_batches(
        inputs,
        settings=settings,
        include_text=include_text,
        skip=skip if done else None,
        stdin=stdin,
    )
    try:
        for lines in batches:
            _write(out, b"".join(encode_line(line) for line in lines))
            for line in lines:
                stats.add(line)
                if progress is not None:
                    progress(line)
            if stop is not None and stop():
                stats.interrupted = True
                break
    finally:
        batches.close()
        stats.seconds = time.perf_counter() - started
    return stats
