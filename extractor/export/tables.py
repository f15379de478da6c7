"""The export's tables: columns, types, keys and references, declared once.

Both writers read these declarations: the SQLite writer creates its tables from them and the
Parquet writer builds its pyarrow schemas from them, so the two always have the same columns in
the same order, with types that stay the same even for an empty table.

Keys: a release is keyed by ``release_id``: its ``source``, or a content key for lines without
one (:func:`extractor.export.rows.release_key`). Every other table is keyed by
``(release_id, id)``, where ``id`` is the record-local id (``org-1``, ``per-1``, ``q-1``) or, for
items that have none, one made the same way from the item's 1-based position (``country-2``,
``url-1``, ``warning-1``).
Ids are unique within a release across all tables, so ``mentions`` can point at any item with
``(release_id, item_id)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: Bump when a column, key or table changes: a database of another version is refused.
FORMAT_VERSION = "1"

Kind = Literal["text", "int", "bool", "list"]


@dataclass(frozen=True)
class Column:
    """One column. ``list`` columns hold lists of strings (JSON text in SQLite)."""

    name: str
    kind: Kind = "text"
    required: bool = False


@dataclass(frozen=True)
class Reference:
    """A foreign key: ``columns`` of this table point at ``other_columns`` of ``other_table``."""

    columns: tuple[str, ...]
    other_table: str
    other_columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One table: its columns in order, primary key, foreign keys and full-text columns."""

    name: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    fts: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        """Column names in table order."""
        return [column.name for column in self.columns]


def _text(*names: str) -> tuple[Column, ...]:
    return tuple(Column(name) for name in names)


_KEY = (Column("release_id", required=True), Column("id", required=True))
_POSITION = Column("position", "int", required=True)
_SPAN = (Column("span_start", "int"), Column("span_end", "int"))
_TO_RELEASE = Reference(("release_id",), "releases", ("release_id",))
_PK = ("release_id", "id")


def _child(
    name: str, *columns: Column, references: tuple[Reference, ...] = (), fts: tuple[str, ...] = ()
) -> Table:
    return Table(
        name,
        (*_KEY, _POSITION, *columns),
        _PK,
        (_TO_RELEASE, *references),
        fts,
    )


def _to(column: str, other_table: str) -> Reference:
    return Reference(("release_id", column), other_table, ("release_id", "id"))


COUNTED = (
    "organizations",
    "people",
    "quotes",
    "works",
    "countries",
    "country_lists",
    "urls",
    "emails",
    "contacts",
    "warnings",
)
"""Record fields whose length ``releases`` keeps as ``n_<field>``."""

RELEASES = Table(
    "releases",
    (
        Column("release_id", required=True),
        Column("source"),
        Column("ok", "bool", required=True),
        Column("schema_version"),
        Column("title"),
        Column("dateline_text"),
        Column("dateline_start", "int"),
        Column("dateline_end", "int"),
        *_text(
            "dateline_city",
            "dateline_region",
            "dateline_country",
            "dateline_date",
            "dateline_date_precision",
            "dateline_wire",
        ),
        *(Column(f"n_{field}", "int") for field in COUNTED),
        Column("n_mentions", "int"),
        Column("record"),
        Column("text"),
        Column("digest", required=True),
    ),
    ("release_id",),
    fts=("title",),
)

ERRORS = Table(
    "errors",
    (Column("release_id", required=True), *_text("source", "type", "message")),
    ("release_id",),
    (_TO_RELEASE,),
)

ORGANIZATIONS = _child(
    "organizations",
    *_text("name", "acronym", "kind"),
    Column("aliases", "list"),
    Column("n_mentions", "int"),
)

PEOPLE = _child(
    "people",
    *_text("name", "honorific", "title", "organization", "organization_id"),
    Column("n_mentions", "int"),
    references=(_to("organization_id", "organizations"),),
)

QUOTES = _child(
    "quotes",
    Column("text"),
    *_SPAN,
    *_text("speaker", "speaker_id", "speaker_person_id", "speaker_org_id", "cue", "attribution"),
    references=(
        _to("speaker_person_id", "people"),
        _to("speaker_org_id", "organizations"),
    ),
    fts=("text",),
)

WORKS = _child("works", Column("text"), *_SPAN)

COUNTRIES = _child("countries", *_text("name", "iso2", "iso3"), Column("n_mentions", "int"))

COUNTRY_LISTS = _child(
    "country_lists",
    Column("label"),
    Column("countries", "list"),
    Column("stated_count", "int"),
    *_SPAN,
)

URLS = _child("urls", Column("url"), Column("href"), *_SPAN)

EMAILS = _child("emails", Column("email"), *_SPAN)

CONTACTS = _child(
    "contacts",
    *_text("name", "title", "organization", "email", "phone", "person_id"),
    *_SPAN,
    references=(_to("person_id", "people"),),
)

WARNINGS = _child("warnings", *_text("code", "message"))

MENTIONS = Table(
    "mentions",
    (
        Column("release_id", required=True),
        Column("item_id", required=True),
        Column("n", "int", required=True),
        Column("field", required=True),
        *_SPAN,
        Column("surface"),
    ),
    ("release_id", "item_id", "n"),
    (_TO_RELEASE,),
)

TABLES: tuple[Table, ...] = (
    RELEASES,
    ERRORS,
    ORGANIZATIONS,
    PEOPLE,
    QUOTES,
    WORKS,
    COUNTRIES,
    COUNTRY_LISTS,
    URLS,
    EMAILS,
    CONTACTS,
    WARNINGS,
    MENTIONS,
)
"""Every table, each after the tables it references (insert in this order, delete in reverse)."""

TABLE_NAMES: tuple[str, ...] = tuple(table.name for table in TABLES)
