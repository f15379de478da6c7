"""Read JSON Lines batch output and feed it to export sinks, reporting every unusable line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from extractor.export.rows import LineError, Rows, rows_for_line
from extractor.export.sqlite import Outcome


class Sink(Protocol):
    """Where export rows go (:class:`SqliteSink`, :class:`ParquetSink`)."""

    def add_rows(self, rows: Rows) -> Outcome:
        """Store one line's rows."""
        ...


@dataclass(frozen=True)
class Problem:
    """A line that was not exported: where it is and why."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ExportStats:
    """Counts of one export. ``added``/``replaced``/``unchanged`` are the first sink's."""

    lines: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    """Error lines (inputs the extraction failed on): stored as ``errors`` rows."""
    rejected: int = 0
    """Lines that could not be read or stored: each one is reported as a :class:`Problem`."""


def parse_lines(raw_lines: Iterable[bytes]) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed JSON or LineError)`` per non-blank line; numbers start at 1."""
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield number, LineError(f"not valid UTF-8 (bad byte at offset {error.start})")
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        try:
            yield number, json.loads(text)
        except json.JSONDecodeError as error:
            yield number, LineError(f"not valid JSON: {error.msg} (column {error.colno})")
        except RecursionError:
            yield number, LineError("not usable JSON: nested too deeply")


def export_lines(
    raw_lines: Iterable[bytes],
    name: str,
    sinks: Sequence[Sink],
    *,
    stats: ExportStats | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> ExportStats:
    """Export every line of one JSONL stream into every sink.

    Args:
        raw_lines: The stream's lines as bytes (an open binary file works).
        name: The stream's name in problem reports (a path, ``-``).
        sinks: Outputs, each given every usable line; the first sink's outcomes are counted.
        stats: Counts to add to (several files into one export); new ones when omitted.
        on_problem: Called for each line that is not exported.

    Returns:
        The counts, including this stream's.
    """
    stats = stats if stats is not None else ExportStats()
    for number, parsed in parse_lines(raw_lines):
        stats.lines += 1
        try:
            if isinstance(parsed, LineError):
                raise parsed
            rows = rows_for_line(parsed)
            outcomes = [sink.add_rows(rows) for sink in sinks]
        except LineError as error:
            stats.rejected += 1
            if on_problem is not None:
                on_problem(Problem(name, number, str(error)))
            continue
        if outcomes:
            setattr(stats, outcomes[0].value, getattr(stats, outcomes[0].value) + 1)
        if not rows["releases"][0]["ok"]:
            stats.failed += 1
    return stats
