"""Analysis-ready export of batch output: a SQLite database (FTS5) and Parquet tables.

- :mod:`~extractor.export.tables` declares the tables, keys and references once;
- :mod:`~extractor.export.rows` turns one parsed batch line into rows (pure functions);
- :class:`SqliteSink` and :class:`ParquetSink` store rows; :func:`export_lines` feeds them a
  JSONL stream and reports the lines it could not use.

The same sinks serve ``press-extract export`` (reading JSONL) and ``press-extract extract
--sqlite`` (lines added as the batch produces them). Nothing here prints.
"""

from __future__ import annotations

from extractor.export.jsonl import ExportStats, Problem, Sink, export_lines, parse_lines
from extractor.export.parquet import ParquetSink, arrow_schema
from extractor.export.rows import LineError, canonical_json, line_digest, release_key, rows_for_line
from extractor.export.sqlite import ExportError, Outcome, SqliteSink, create_tables
from extractor.export.tables import FORMAT_VERSION, TABLE_NAMES, TABLES, Column, Reference, Table

__all__ = [
    "FORMAT_VERSION",
    "TABLES",
    "TABLE_NAMES",
    "Column",
    "ExportError",
    "ExportStats",
    "LineError",
    "Outcome",
    "ParquetSink",
    "Problem",
    "Reference",
    "Sink",
    "SqliteSink",
    "Table",
    "arrow_schema",
    "canonical_json",
    "create_tables",
    "export_lines",
    "line_digest",
    "parse_lines",
    "release_key",
    "rows_for_line",
]
