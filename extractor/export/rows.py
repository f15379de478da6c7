"""Pure functions that turn one parsed batch line (a dict) into rows for every export table.

A line follows ``schemas/batch_line.schema.json``: ``{"source", "ok": true, "record", "text"?}``
or ``{"source", "ok": false, "error": {"type", "message"}}``. Extra fields are ignored (the
record is kept whole in ``releases.record``), a missing optional field gives null or no rows,
and a value of the wrong type raises :class:`LineError` naming its JSON path, so a damaged
line is reported instead of being stored half right.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from extractor.errors import ExtractorError
from extractor.export.tables import COUNTED, RELEASES, TABLE_NAMES

Row = dict[str, Any]
Rows = dict[str, list[Row]]

STDIN_SOURCE = "-"
"""The source the command line gives standard input; keyed by content like a null source."""

CONTENT_KEY_PREFIX = "sha256:"

#: Record fields whose items have no id of their own, with the prefix of the ids made for them.
_MADE_ID_PREFIXES = {
    "works": "work",
    "countries": "country",
    "country_lists": "list",
    "urls": "url",
    "emails": "email",
    "contacts": "contact",
    "warnings": "warning",
}
_OWN_ID_PREFIXES = {"organizations": "org", "people": "per", "quotes": "q"}


class LineError(ExtractorError, ValueError):
    """A batch line that cannot be exported; the message says what was expected and where."""


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: equal values give equal strings."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def line_digest(line: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the line's canonical JSON: whether a release changed since last time.

    Raises:
        LineError: when the line holds text that UTF-8 cannot encode (a lone surrogate
            written as a ``\\ud800`` escape), which no database column could store exactly.
    """
    try:
        data = canonical_json(line).encode("utf-8")
    except UnicodeEncodeError as error:
        raise LineError(
            f"the line contains {error.object[error.start : error.end]!r}, a lone surrogate "
            "that is not valid Unicode text and cannot be stored exactly"
        ) from None
    return hashlib.sha256(data).hexdigest()


def release_key(source: str | None, digest: str) -> str:
    """The key of a release: its source, or ``sha256:`` + 16 hex digits of the line's digest.

    A line whose source is null, empty or ``-`` (standard input) has no name that tells two
    releases apart, so it is keyed by its content: the same line always gets the same key
    (exporting it again changes nothing) and different lines never share one.
    """
    if source is not None and source.strip() and source != STDIN_SOURCE:
        return source
    return CONTENT_KEY_PREFIX + digest[:16]


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def _text(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise LineError(f"{where}: expected a string or null, got {_type_name(value)} {value!r:.60}")


def _int(value: Any, where: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise LineError(f"{where}: expected an integer or null, got {_type_name(value)} {value!r:.60}")


def _object(value: Any, where: str) -> Mapping[str, Any] | None:
    if value is None or isinstance(value, Mapping):
        return value
    raise LineError(f"{where}: expected an object or null, got {_type_name(value)}")


def _list(value: Any, where: str) -> Sequence[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise LineError(f"{where}: expected a list, got {_type_name(value)}")


def _strings(value: Any, where: str) -> list[str]:
    items = _list(value, where)
    for index, item in enumerate(items):
        _text(item, f"{where}[{index}]")
    return [item for item in items if item is not None]


def _items(record: Mapping[str, Any], field: str) -> list[tuple[str, Mapping[str, Any]]]:
    """``(json_path, item)`` for each object in ``record[field]`` (a missing field: none)."""
    where = f"$.record.{field}"
    out = []
    for index, item in enumerate(_list(record.get(field), where)):
        path = f"{where}[{index}]"
        if not isinstance(item, Mapping):
            raise LineError(f"{path}: expected an object, got {_type_name(item)}")
        out.append((path, item))
    return out


def _span(value: Any, where: str) -> tuple[int | None, int | None]:
    span = _object(value, where)
    if span is None:
        return None, None
    return _int(span.get("start"), f"{where}.start"), _int(span.get("end"), f"{where}.end")


class _Release:
    """Collects the rows of one successful line; ids are checked unique within the release."""

    def __init__(self, key: str, text: str | None) -> None:
        self.key = key
        self.text = text
        self.rows: Rows = {name: [] for name in TABLE_NAMES}
        self.ids: dict[str, set[str]] = {}
        self._seen: set[str] = set()
        self._mention_counts: dict[str, int] = {}

    def item_id(self, field: str, item: Mapping[str, Any], position: int, where: str) -> str:
        given = _text(item.get("id"), f"{where}.id")
        prefix = _OWN_ID_PREFIXES.get(field) or _MADE_ID_PREFIXES[field]
        item_id = given if given else f"{prefix}-{position}"
        if item_id in self._seen or item_id == "dateline":
            raise LineError(f"{where}.id: the id {item_id!r} is used twice in this record")
        self._seen.add(item_id)
        self.ids.setdefault(field, set()).add(item_id)
        return item_id

    def resolve(self, field: str, item_id: str | None) -> str | None:
        """``item_id`` when the record has an item with that id in ``field``, else null."""
        return item_id if item_id in self.ids.get(field, set()) else None

    def mention(self, field: str, item_id: str, span: Any, where: str) -> None:
        """One ``mentions`` row: the span, numbered per item, with its text when known."""
        start, end = _span(span, where)
        surface = None
        if self.text is not None and start is not None and end is not None:
            surface = self.text[start:end] if 0 <= start <= end <= len(self.text) else None
        n = self._mention_counts.get(item_id, 0) + 1
        self._mention_counts[item_id] = n
        self.rows["mentions"].append(
            {
                "release_id": self.key,
                "item_id": item_id,
                "n": n,
                "field": field,
                "span_start": start,
                "span_end": end,
                "surface": surface,
            }
        )

    def add(self, field: str, item_id: str, position: int, **values: Any) -> None:
        """One row of the table named ``field``."""
        self.rows[field].append(
            {"release_id": self.key, "id": item_id, "position": position, **values}
        )


def _dateline(built: _Release, record: Mapping[str, Any], release: Row) -> None:
    where = "$.record.dateline"
    dateline = _object(record.get("dateline"), where)
    if dateline is None:
        return
    start, end = _span(dateline.get("span"), f"{where}.span")
    release.update(dateline_start=start, dateline_end=end)
    for name in ("text", "city", "region", "country", "date", "date_precision", "wire"):
        release[f"dateline_{name}"] = _text(dateline.get(name), f"{where}.{name}")
    if dateline.get("span") is not None:
        built.mention("dateline", "dateline", dateline.get("span"), f"{where}.span")


def _mentions(
    built: _Release, field: str, item_id: str, item: Mapping[str, Any], where: str
) -> int:
    spans = _list(item.get("mentions"), f"{where}.mentions")
    for index, span in enumerate(spans):
        built.mention(field, item_id, span, f"{where}.mentions[{index}]")
    return len(spans)


def _entities(built: _Release, record: Mapping[str, Any]) -> None:
    """Organisations, people, quotes and countries: referenced first, referring after."""
    for position, (where, org) in enumerate(_items(record, "organizations"), start=1):
        item_id = built.item_id("organizations", org, position, where)
        built.add(
            "organizations",
            item_id,
            position,
            name=_text(org.get("name"), f"{where}.name"),
            acronym=_text(org.get("acronym"), f"{where}.acronym"),
            kind=_text(org.get("kind"), f"{where}.kind"),
            aliases=_strings(org.get("aliases"), f"{where}.aliases"),
            n_mentions=_mentions(built, "organizations", item_id, org, where),
        )
    for position, (where, person) in enumerate(_items(record, "people"), start=1):
        item_id = built.item_id("people", person, position, where)
        org_id = _text(person.get("organization_id"), f"{where}.organization_id")
        built.add(
            "people",
            item_id,
            position,
            name=_text(person.get("name"), f"{where}.name"),
            honorific=_text(person.get("honorific"), f"{where}.honorific"),
            title=_text(person.get("title"), f"{where}.title"),
            organization=_text(person.get("organization"), f"{where}.organization"),
            organization_id=built.resolve("organizations", org_id),
            n_mentions=_mentions(built, "people", item_id, person, where),
        )
    for position, (where, quote) in enumerate(_items(record, "quotes"), start=1):
        item_id = built.item_id("quotes", quote, position, where)
        start, end = _span(quote.get("span"), f"{where}.span")
        speaker_id = _text(quote.get("speaker_id"), f"{where}.speaker_id")
        built.add(
            "quotes",
            item_id,
            position,
            text=_text(quote.get("text"), f"{where}.text"),
            span_start=start,
            span_end=end,
            speaker=_text(quote.get("speaker"), f"{where}.speaker"),
            speaker_id=speaker_id,
            speaker_person_id=built.resolve("people", speaker_id),
            speaker_org_id=built.resolve("organizations", speaker_id),
            cue=_text(quote.get("cue"), f"{where}.cue"),
            attribution=_text(quote.get("attribution"), f"{where}.attribution"),
        )
        if quote.get("span") is not None:
            built.mention("quotes", item_id, quote.get("span"), f"{where}.span")
    for position, (where, country) in enumerate(_items(record, "countries"), start=1):
        item_id = built.item_id("countries", country, position, where)
        built.add(
            "countries",
            item_id,
            position,
            name=_text(country.get("name"), f"{where}.name"),
            iso2=_text(country.get("iso2"), f"{where}.iso2"),
            iso3=_text(country.get("iso3"), f"{where}.iso3"),
            n_mentions=_mentions(built, "countries", item_id, country, where),
        )


#: Fields whose items carry one ``span``: field → the item's text columns (besides the span).
_SPANNED_TEXT = {
    "works": ("text",),
    "urls": ("url", "href"),
    "emails": ("email",),
    "contacts": ("name", "title", "organization", "email", "phone"),
}


def _spanned(built: _Release, record: Mapping[str, Any]) -> None:
    """Works, country lists, URLs, e-mails, contacts (one span each) and warnings."""
    for field in ("works", "country_lists", "urls", "emails", "contacts"):
        for position, (where, item) in enumerate(_items(record, field), start=1):
            item_id = built.item_id(field, item, position, where)
            start, end = _span(item.get("span"), f"{where}.span")
            values: Row = {"span_start": start, "span_end": end}
            for name in _SPANNED_TEXT.get(field, ()):
                values[name] = _text(item.get(name), f"{where}.{name}")
            if field == "country_lists":
                values.update(
                    label=_text(item.get("label"), f"{where}.label"),
                    countries=_strings(item.get("countries"), f"{where}.countries"),
                    stated_count=_int(item.get("stated_count"), f"{where}.stated_count"),
                )
            elif field == "contacts":
                person_id = _text(item.get("person_id"), f"{where}.person_id")
                values["person_id"] = built.resolve("people", person_id)
            built.add(field, item_id, position, **values)
            if item.get("span") is not None:
                built.mention(field, item_id, item.get("span"), f"{where}.span")
    for position, (where, warning) in enumerate(_items(record, "warnings"), start=1):
        item_id = built.item_id("warnings", warning, position, where)
        built.add(
            "warnings",
            item_id,
            position,
            code=_text(warning.get("code"), f"{where}.code"),
            message=_text(warning.get("message"), f"{where}.message"),
        )


def rows_for_line(line: Any) -> Rows:
    """Rows for every export table from one parsed batch line.

    Args:
        line: One line of ``press-extract extract`` output, parsed.

    Returns:
        Table name → rows (dicts keyed by column name); every table is present, most empty.

    Raises:
        LineError: when the line is not a batch line or holds a value of the wrong type.
    """
    if not isinstance(line, Mapping):
        raise LineError(f"expected a JSON object (one batch line), got {_type_name(line)}")
    digest = line_digest(line)
    source = _text(line.get("source"), "$.source")
    key = release_key(source, digest)
    ok = line.get("ok")
    if ok is None and ("record" in line) != ("error" in line):
        ok = "record" in line  # tolerated: a line without `ok` is told apart by its payload
    if not isinstance(ok, bool):
        raise LineError(f"$.ok: expected true or false, got {_type_name(ok)}")
    release: Row = dict.fromkeys(RELEASES.column_names)
    release.update(release_id=key, source=source, ok=ok, digest=digest)
    if not ok:
        error = _object(line.get("error"), "$.error") or {}
        rows: Rows = {name: [] for name in TABLE_NAMES}
        rows["releases"].append(release)
        rows["errors"].append(
            {
                "release_id": key,
                "source": source,
                "type": _text(error.get("type"), "$.error.type"),
                "message": _text(error.get("message"), "$.error.message"),
            }
        )
        return rows
    record = _object(line.get("record"), "$.record")
    if record is None:
        raise LineError("$.record: a line with ok true needs its record")
    built = _Release(key, _text(line.get("text"), "$.text"))
    _dateline(built, record, release)
    _entities(built, record)
    _spanned(built, record)
    release.update(
        schema_version=_text(record.get("schema_version"), "$.record.schema_version"),
        title=_text(record.get("title"), "$.record.title"),
        record=json.dumps(record, ensure_ascii=False),
        text=built.text,
        n_mentions=len(built.rows["mentions"]),
    )
    for field in COUNTED:
        release[f"n_{field}"] = len(_list(record.get(field), f"$.record.{field}"))
    built.rows["releases"].append(release)
    return built.rows
