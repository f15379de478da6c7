"""Write batch lines into a SQLite database with sqlite-utils: one release at a time, upserted.

The database is incremental and repeatable:

- a release whose line is byte-for-byte what the database already holds (same ``digest``) is
  left alone, so exporting the same file twice writes nothing;
- a release whose line changed (same ``release_id``, new digest) has its child rows deleted and
  written again and its ``releases`` row upserted: never duplicates;
- a new release is added.

Each release is written inside a savepoint, and the transaction is committed every
``commit_every`` releases and on :meth:`SqliteSink.close`, so an interrupted run leaves whole
releases only. Full-text search (FTS5) over ``quotes.text`` and ``releases.title`` is kept in
sync by the triggers sqlite-utils creates.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import ForeignKey

from extractor.errors import ExtractorError
from extractor.export.rows import LineError, Row, Rows, rows_for_line
from extractor.export.tables import FORMAT_VERSION, TABLES, Table

META_TABLE = "export_meta"
"""Key/value table naming the export format and its version."""

_SQLITE_TYPES: dict[str, type] = {"text": str, "int": int, "bool": int, "list": str}


class ExportError(ExtractorError):
    """An output cannot be used (not a database, or one written by another export format)."""


class Outcome(StrEnum):
    """What adding one line did to an output."""

    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def _foreign_keys(table: Table) -> list[ForeignKey]:
    return [
        ForeignKey(
            table.name,
            None,
            ref.other_table,
            None,
            columns=ref.columns,
            other_columns=ref.other_columns,
            is_compound=True,
        )
        if len(ref.columns) > 1
        else ForeignKey(table.name, ref.columns[0], ref.other_table, ref.other_columns[0])
        for ref in table.references
    ]


def create_tables(db: Database) -> None:
    """Create every export table, index and full-text index that is missing (idempotent)."""
    with db.atomic():
        for table in TABLES:
            db[table.name].create(
                {column.name: _SQLITE_TYPES[column.kind] for column in table.columns},
                pk=table.pk[0] if len(table.pk) == 1 else table.pk,
                foreign_keys=_foreign_keys(table),
                not_null=[column.name for column in table.columns if column.required],
                if_not_exists=True,
            )
            for ref in table.references:
                if len(ref.columns) > 1:  # the key's leading column is indexed by the pk
                    db[table.name].create_index(ref.columns, if_not_exists=True)
            if table.fts and not db[f"{table.name}_fts"].exists():
                db[table.name].enable_fts(table.fts, create_triggers=True)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _sqlite_row(row: Row) -> Row:
    return {name: _sqlite_value(value) for name, value in row.items()}


class SqliteSink:
    """Adds batch lines to a SQLite database (created when missing).

    Example:
        >>> with SqliteSink("out.db") as sink:  # doctest: +SKIP
        ...     for line in lines:
        ...         sink.add(line)
    """

    def __init__(self, path: str | Path, *, commit_every: int = 200) -> None:
        """Open (or create) the database and its tables.

        Args:
            path: The database file.
            commit_every: Commit after this many written releases.

        Raises:
            ExportError: when the file is not a SQLite database or holds another format.
        """
        self.path = Path(path)
        self.commit_every = max(1, commit_every)
        self._pending = 0
        try:
            self.db = Database(self.path)
        except sqlite3.Error as error:
            raise ExportError(f"cannot open {self.path} as a SQLite database: {error}") from None
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            self._check_format()
            create_tables(self.db)
        except sqlite3.DatabaseError as error:
            self.db.close()
            raise ExportError(f"{self.path} is not a usable SQLite database: {error}") from None
        except ExportError:
            self.db.close()
            raise

    def _check_format(self) -> None:
        meta = self.db[META_TABLE]
        if not meta.exists():
            if self.db.table_names():
                raise ExportError(
                    f"{self.path} already holds tables that press-extract did not write "
                    f"({', '.join(sorted(self.db.table_names())[:5])}); export into a new file"
                )
            with self.db.atomic():
                meta.insert_all(
                    [
                        {"key": "format", "value": "press-extract"},
                        {"key": "format_version", "value": FORMAT_VERSION},
                    ],
                    pk="key",
                )
            return
        found = {row["key"]: row["value"] for row in meta.rows}
        if found.get("format_version") != FORMAT_VERSION:
            raise ExportError(
                f"{self.path} was written by export format version "
                f"{found.get('format_version')!r}, this is version {FORMAT_VERSION!r}; "
                "export into a new file"
            )

    def _stored_digest(self, release_id: str) -> str | None:
        for row in self.db["releases"].rows_where("release_id = ?", [release_id], select="digest"):
            return str(row["digest"])
        return None

    def add(self, line: Mapping[str, Any]) -> Outcome:
        """Write one batch line: add, replace or leave its release.

        Raises:
            LineError: when the line cannot be exported; the database is left as it was.
        """
        return self.add_rows(rows_for_line(line))

    def add_rows(self, rows: Rows) -> Outcome:
        """Like :meth:`add`, from the line's rows (:func:`~extractor.export.rows.rows_for_line`).

        Raises:
            LineError: when the database refuses the rows; it is left as it was.
        """
        release = rows["releases"][0]
        key = release["release_id"]
        stored = self._stored_digest(key)
        if stored == release["digest"]:
            return Outcome.UNCHANGED
        if not self.db.conn.in_transaction:
            self.db.begin()
        try:
            with self.db.atomic():
                if stored is not None:
                    for table in reversed(TABLES[1:]):
                        self.db[table.name].delete_where("release_id = ?", [key])
                self.db["releases"].upsert(_sqlite_row(release), pk="release_id")
                for table in TABLES[1:]:
                    if rows[table.name]:
                        self.db[table.name].insert_all(
                            [_sqlite_row(row) for row in rows[table.name]]
                        )
        except sqlite3.Error as error:
            raise LineError(f"the database refused release {key!r}: {error}") from None
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()
        return Outcome.ADDED if stored is None else Outcome.REPLACED

    def commit(self) -> None:
        """Commit the releases written so far."""
        self.db.commit()
        self._pending = 0

    def close(self) -> None:
        """Commit and close the database."""
        try:
            self.commit()
        finally:
            self.db.close()

    def __enter__(self) -> SqliteSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
