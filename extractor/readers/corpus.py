"""Corpus files: one release per row of a JSON Lines (``.jsonl``, ``.jsonl.gz``) or CSV
(``.csv``, ``.csv.gz``) file.

The text is the row's ``text`` field, or several fields joined with one space
(``("dateline", "body")``: a null field is left out). A row's ``source`` is ``PATH#ID`` with the
value of its id field, or ``PATH:LINE`` (the line the row starts on) when the row has no id, an
empty one, or one an earlier row of the file already used, so sources stay unique and a resumed
run finds them again. The text then goes through the same last steps as a text file (newlines as
LF, control characters checked); spans index that text.

JSON Lines are UTF-8 (a line that is not gets its bad bytes replaced and an ``invalid_utf8``
warning); a CSV file's encoding is found from its first megabyte the way a text file's is.
Unusable rows become error lines of type ``bad_row``; a CSV file without the text column gives
one ``bad_row`` line for the whole file; a file with no rows gives one ``empty`` line.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractor.errors import InputError
from extractor.readers.base import Document, Unreadable, WarningDict, check_text
from extractor.readers.text import bom_encoding, finish, guess_encoding

SAMPLE_BYTES = 1 << 20
"""How much of a CSV file decides its encoding."""

_READ_ERRORS = (OSError, EOFError, zlib.error, UnicodeDecodeError)

Skip = Callable[[str], bool]
Row = Document | Unreadable


@dataclass(frozen=True)
class RowFields:
    """Which fields of a row hold the text and the id.

    Attributes:
        text: One field, or several joined with a space in this order.
        id: The field whose value names the row in ``PATH#ID``.
    """

    text: tuple[str, ...] = ("text",)
    id: str = "id"


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


class _Sources:
    """Unique row sources: ``PATH#ID`` for the first row with an id, else ``PATH:LINE``."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.used: set[str] = set()

    def name(self, value: object, line: int) -> str:
        if isinstance(value, str | int) and not isinstance(value, bool):
            key = str(value)
            if key and key not in self.used:
                self.used.add(key)
                return f"{self.source}#{key}"
        return f"{self.source}:{line}"


def row_text(row: Mapping[str, Any], fields: Sequence[str]) -> str:
    """The text of a row: the fields' string values joined with a space (nulls left out).

    Raises:
        InputError: ``bad_row`` for a missing field or one that is not a string.
    """
    parts: list[str] = []
    for name in fields:
        if name not in row:
            known = ", ".join(list(row)[:12]) or "none"
            raise InputError(f"the row has no field {name!r} (fields: {known})", code="bad_row")
        value = row[name]
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(
                f"field {name!r} should hold text, got {type(value).__name__}", code="bad_row"
            )
        if value:
            parts.append(value)
    return " ".join(parts)


def _document(
    source: str, text: str, warnings: list[WarningDict], max_chars: int
) -> Document | Unreadable:
    try:
        text, warnings = finish(text, warnings)
        check_text(text, max_chars=max_chars)
    except InputError as error:
        return Unreadable.from_error(source, error)
    return Document(source, text, tuple(warnings))


def _decode_line(raw: bytes) -> tuple[str, list[WarningDict]]:
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        text = raw.decode("utf-8", errors="replace")
        message = (
            f"the row is not valid UTF-8 (first bad byte at offset {error.start} of its line); "
            "invalid bytes were replaced with U+FFFD"
        )
        return text, [{"code": "invalid_utf8", "message": message}]


def iter_jsonl(
    path: Path, source: str, fields: RowFields, *, max_chars: int, skip: Skip | None = None
) -> Iterator[Row]:
    """One document or error per non-blank line of a JSON Lines file (see the module doc)."""
    sources = _Sources(source)
    rows = 0
    line = 0
    try:
        with open_binary(path) as handle:
            for line, raw in enumerate(handle, start=1):
                if line == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                if not raw.strip():
                    continue
                rows += 1
                yield from _jsonl_row(raw, line, sources, fields, max_chars, skip)
    except _READ_ERRORS as error:
        yield Unreadable(
            f"{source}:{line + 1}",
            "unreadable",
            f"{source}: cannot read past line {line}: {error}",
        )
        return
    if rows == 0:
        yield Unreadable(source, "empty", f"{source}: the corpus file has no rows")


def _jsonl_row(
    raw: bytes,
    line: int,
    sources: _Sources,
    fields: RowFields,
    max_chars: int,
    skip: Skip | None,
) -> Iterator[Row]:
    text, warnings = _decode_line(raw)
    try:
        row = json.loads(text)
    except ValueError as error:
        name = sources.name(None, line)
        if skip is None or not skip(name):
            yield Unreadable(name, "bad_row", f"the line is not JSON: {error}")
        return
    if not isinstance(row, dict):
        name = sources.name(None, line)
        if skip is None or not skip(name):
            yield Unreadable(
                name, "bad_row", f"expected a JSON object per line, got {type(row).__name__}"
            )
        return
    name = sources.name(row.get(fields.id), line)
    if skip is not None and skip(name):
        return
    try:
        body = row_text(row, fields.text)
    except InputError as error:
        yield Unreadable.from_error(name, error)
        return
    yield _document(name, body, warnings, max_chars)


def csv_encoding(sample: bytes) -> tuple[str, list[WarningDict]]:
    """The encoding of a CSV file from its first bytes, and the warning each row then gets."""
    found = bom_encoding(sample)
    if found is not None:
        encoding = found[0]
        return ("utf-8-sig" if encoding == "utf-8" else encoding.rsplit("-", 1)[0]), []
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        guessed = guess_encoding(sample)
        if guessed is not None:
            message = f"decoded as {guessed} (guessed: the CSV file is not valid UTF-8)"
            return guessed, [{"code": "legacy_encoding", "message": message}]
    return "utf-8", []


def _csv_records(path: Path) -> Iterator[tuple[int, list[str], list[WarningDict]]]:
    """``(first line, cells, warnings)`` per non-empty CSV record."""
    csv.field_size_limit(2**31 - 1)
    with open_binary(path) as binary:
        encoding, warnings = csv_encoding(binary.read(SAMPLE_BYTES))
    with open_binary(path) as binary:
        text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(text)
        start = 1
        for cells in reader:
            if cells:
                yield start, cells, warnings
            start = reader.line_num + 1


def iter_csv(
    path: Path, source: str, fields: RowFields, *, max_chars: int, skip: Skip | None = None
) -> Iterator[Row]:
    """One document or error per record of a CSV file with a header row (see the module doc)."""
    sources = _Sources(source)
    header: list[str] | None = None
    rows = 0
    line = 0
    try:
        for line, cells, warnings in _csv_records(path):
            if header is None:
                header = [cell.strip().removeprefix("\ufeff") for cell in cells]
                missing = [name for name in fields.text if name not in header]
                if missing:
                    yield Unreadable(
                        source,
                        "bad_row",
                        f"{source}: the CSV header has no column {missing[0]!r} "
                        f"(columns: {', '.join(header[:12])})",
                    )
                    return
                continue
            rows += 1
            record = dict(zip(header, cells, strict=False))
            name = sources.name(record.get(fields.id), line)
            if skip is not None and skip(name):
                continue
            if len(cells) != len(header):
                message = f"the row has {len(cells)} cells, the header {len(header)}"
                yield Unreadable(name, "bad_row", message)
                continue
            yield _document(name, row_text(record, fields.text), list(warnings), max_chars)
    except (*_READ_ERRORS, csv.Error) as error:
        yield Unreadable(
            f"{source}:{line + 1}", "unreadable", f"{source}: cannot read past line {line}: {error}"
        )
        return
    if rows == 0:
        yield Unreadable(source, "empty", f"{source}: the corpus file has no rows")


def count_rows(path: Path, kind: str) -> int | None:
    """How many inputs a corpus file gives (``None`` when it cannot be counted cheaply)."""
    if not path.is_file():
        return None
    try:
        if kind == "jsonl":
            with open_binary(path) as handle:
                rows = sum(1 for raw in handle if raw.strip())
        else:
            rows = max(sum(1 for _ in _csv_records(path)) - 1, 0)
    except (*_READ_ERRORS, csv.Error):
        return None
    return max(rows, 1)  # a file with no rows still gives one (error) line
