"""Batch lines as the report reads them: tolerant dicts, never a crash on a bad line.

Lines follow ``schemas/batch_line.schema.json``: ``{"source", "ok": true, "record", "text"?}``
or ``{"source", "ok": false, "error": {"type", "message"}}``. Extra fields are ignored and
missing optional ones are left empty; a line that is not a JSON object of either shape becomes
an entry with error type ``invalid_line`` so the report still shows it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

INVALID_LINE = "invalid_line"


@dataclass(frozen=True)
class BatchEntry:
    """One line of batch output.

    Attributes:
        number: 1-based line number in the batch file (blank lines are skipped, not counted out).
        source: The ``source`` of the line, or None.
        ok: True for a line with a record.
        record: The record (a dict) of a successful line, else an empty dict.
        text: The text the spans index when the line carries it (``--include-text``).
        error_type: For failed lines, the error type or code.
        error_message: For failed lines, the message.
    """

    number: int
    source: str | None
    ok: bool
    record: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    error_type: str = ""
    error_message: str = ""


def _invalid(number: int, message: str, source: Any = None) -> BatchEntry:
    return BatchEntry(
        number=number,
        source=source if isinstance(source, str) else None,
        ok=False,
        error_type=INVALID_LINE,
        error_message=message,
    )


def parse_line(number: int, line: str) -> BatchEntry:
    """Turn one JSON line into an entry; malformed lines give an ``invalid_line`` entry."""
    try:
        data = json.loads(line)
    except ValueError as error:
        return _invalid(number, f"line {number} is not JSON: {error}")
    if not isinstance(data, dict):
        return _invalid(number, f"line {number} is a JSON {type(data).__name__}, not an object")
    source = data.get("source")
    source = source if isinstance(source, str) else None
    if data.get("ok") is True and isinstance(data.get("record"), dict):
        text = data.get("text")
        return BatchEntry(
            number=number,
            source=source,
            ok=True,
            record=data["record"],
            text=text if isinstance(text, str) else None,
        )
    if data.get("ok") is False:
        error = data.get("error") if isinstance(data.get("error"), dict) else {}
        kind, message = error.get("type"), error.get("message")
        return BatchEntry(
            number=number,
            source=source,
            ok=False,
            error_type=kind if isinstance(kind, str) and kind else "unknown",
            error_message=message if isinstance(message, str) else "",
        )
    return _invalid(
        number, f"line {number} is neither a record line nor an error line", data.get("source")
    )


def parse_lines(lines: Iterable[str]) -> list[BatchEntry]:
    """Entries for the non-blank lines, numbered by their line in the input."""
    return [parse_line(number, line) for number, line in enumerate(lines, 1) if line.strip() != ""]


def read_batch_file(path: Path) -> list[BatchEntry]:
    """Read a JSONL batch file written by ``press-extract extract``.

    Raises:
        OSError: when the file cannot be read.
    """
    with path.open(encoding="utf-8", errors="replace") as handle:
        return parse_lines(handle)
