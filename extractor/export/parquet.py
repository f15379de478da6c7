"""Write batch lines as Parquet tables with pyarrow: one file per table, explicit schemas.

Parquet files are written whole, so :class:`ParquetSink` keeps the rows of every release in
memory until :meth:`ParquetSink.close` (a line for a release seen before replaces it, as in the
SQLite database) and then writes ``DIR/<table>.parquet`` for every table, empty ones included,
each through a temporary file so a reader never sees half a file. The same lines always give
byte-identical files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from extractor.export.rows import Rows, rows_for_line
from extractor.export.sqlite import ExportError, Outcome
from extractor.export.tables import TABLES, Table

if TYPE_CHECKING:
    import pyarrow as pa


def arrow_schema(table: Table) -> pa.Schema:
    """The pyarrow schema of one export table (required columns are not nullable)."""
    import pyarrow as pa

    types = {"text": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    return pa.schema(
        [
            pa.field(
                column.name,
                pa.list_(pa.string()) if column.kind == "list" else types[column.kind],
                nullable=not column.required,
            )
            for column in table.columns
        ]
    )


class ParquetSink:
    """Collects batch lines and writes one Parquet file per export table on close."""

    def __init__(self, directory: str | Path) -> None:
        """Remember the folder (created on close when missing).

        Raises:
            ExportError: when ``directory`` exists and is not a folder.
        """
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise ExportError(f"{self.directory} exists and is not a folder")
        self._releases: dict[str, tuple[str, Rows]] = {}

    def add(self, line: Mapping[str, Any]) -> Outcome:
        """Keep one batch line's rows (replacing an earlier line of the same release).

        Raises:
            LineError: when the line cannot be exported.
        """
        return self.add_rows(rows_for_line(line))

    def add_rows(self, rows: Rows) -> Outcome:
        """Like :meth:`add`, from the line's rows (:func:`~extractor.export.rows.rows_for_line`)."""
        release = rows["releases"][0]
        key, digest = release["release_id"], release["digest"]
        before = self._releases.get(key)
        if before is not None and before[0] == digest:
            return Outcome.UNCHANGED
        self._releases[key] = (digest, rows)
        return Outcome.ADDED if before is None else Outcome.REPLACED

    def close(self) -> dict[str, int]:
        """Write every table; returns table name → rows written."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.directory.mkdir(parents=True, exist_ok=True)
        counts: dict[str, int] = {}
        for table in TABLES:
            rows = [
                row for _, per_table in self._releases.values() for row in per_table[table.name]
            ]
            data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
            path = self.directory / f"{table.name}.parquet"
            partial = path.with_suffix(".parquet.partial")
            pq.write_table(data, partial)
            os.replace(partial, path)
            counts[table.name] = data.num_rows
        self._releases.clear()
        return counts

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
