"""JSON Schemas generated from the output models, and validation against them.

No spaCy here: ``press-extract schema`` and ``validate`` run without loading a model.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema import FormatChecker as _FormatChecker
from jsonschema.exceptions import ValidationError
from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from extractor.errors import InputError
from extractor.models import BatchFailure, BatchSuccess, PressRelease

DRAFT = "https://json-schema.org/draft/2020-12/schema"
RECORD_FILE = "press_release.schema.json"
BATCH_LINE_FILE = "batch_line.schema.json"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


class _Draft202012(GenerateJsonSchema):
    """Stamps ``$schema`` on the generated document."""

    def generate(self, schema, mode="serialization"):  # type: ignore[no-untyped-def]
        document = super().generate(schema, mode=mode)
        return {"$schema": DRAFT, **document}


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one :class:`PressRelease` record."""
    schema = PressRelease.model_json_schema(mode="serialization", schema_generator=_Draft202012)
    schema["$id"] = RECORD_FILE
    return schema


def batch_line_schema() -> dict[str, Any]:
    """The JSON Schema of one line of ``press-extract extract`` output."""
    adapter: TypeAdapter[BatchSuccess | BatchFailure] = TypeAdapter(BatchSuccess | BatchFailure)
    schema = adapter.json_schema(mode="serialization", schema_generator=_Draft202012)
    schema["$id"] = BATCH_LINE_FILE
    schema["title"] = "BatchLine"
    return schema


def build_schemas() -> dict[str, dict[str, Any]]:
    """Every published schema by file name."""
    return {RECORD_FILE: record_schema(), BATCH_LINE_FILE: batch_line_schema()}


def render(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file (stable key order, trailing newline)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Regenerate the schema files in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in build_schemas().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def drifted_schemas(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    drifted = []
    for name, schema in build_schemas().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != render(schema):
            drifted.append(name)
    return drifted


@dataclass(frozen=True)
class Violation:
    """One violation, located by file, line and JSON path."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


@cache
def _validators() -> dict[str, Draft202012Validator]:
    """Validators by kind: ``record``, ``line`` (either line shape), ``success``, ``failure``.

    Built once: generating and checking the schemas costs far more than validating a record.
    """
    checker = _FormatChecker()
    line = batch_line_schema()
    schemas = {
        "record": record_schema(),
        "line": line,
        "success": {"$schema": DRAFT, "$defs": line["$defs"], "$ref": "#/$defs/BatchSuccess"},
        "failure": {"$schema": DRAFT, "$defs": line["$defs"], "$ref": "#/$defs/BatchFailure"},
    }
    validators = {}
    for kind, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
        validators[kind] = Draft202012Validator(schema, format_checker=checker)
    return validators


def _located(error: ValidationError) -> Iterator[ValidationError]:
    """The errors that locate a problem at its field.

    An ``anyOf``/``oneOf`` failure (e.g. a nullable object such as ``dateline``) is replaced by
    the errors of its one branch whose type fits the instance, so that a bad
    ``dateline.country`` is reported at ``$.dateline.country`` rather than at ``$.dateline``.
    """
    if error.validator in ("anyOf", "oneOf") and error.context:
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        fitting = [
            errors
            for errors in branches.values()
            if not any(e.validator == "type" and not e.relative_path for e in errors)
        ]
        if len(fitting) == 1:
            for sub in fitting[0]:
                yield from _located(sub)
            return
    yield error


def _json_path(parts: Iterable[Any]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


MAX_SHOWN = 60
"""Longest excerpt of a bad value quoted in a message (never a whole document)."""

_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def _shown(value: Any) -> str:
    """A short excerpt of a value for a message."""
    if isinstance(value, dict | list):
        return f"{_JSON_TYPES[type(value)]} of {len(value)} item(s)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _message(error: ValidationError) -> str:
    """A short message for a schema error that quotes at most an excerpt of the bad value."""
    value = error.instance
    if error.validator == "type":
        expected = error.validator_value
        wanted = " or ".join(expected) if isinstance(expected, list) else expected
        return f"expected {wanted}, got {_JSON_TYPES.get(type(value), type(value).__name__)}"
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v) for v in error.validator_value)
        return f"{_shown(value)} is not one of: {allowed}"
    if error.validator == "const":
        return f"{json.dumps(error.validator_value)} was expected, got {_shown(value)}"
    if error.validator == "pattern":
        return f"{_shown(value)} does not match {error.validator_value}"
    if error.validator == "format":
        return f"{_shown(value)} is not a valid {error.validator_value}"
    if error.validator in ("minimum", "maximum"):
        return (
            f"{_shown(value)} is below the minimum of {error.validator_value}"
            if (error.validator == "minimum")
            else f"{_shown(value)} is above the maximum of {error.validator_value}"
        )
    message = error.message
    return message if len(message) <= 200 else message[:199] + "…"


def validate(
    instance: Any, *, text: str | None = None, file: str = "<record>", line: int = 1
) -> list[Violation]:
    """Check a record (or a batch line, recognised by its ``ok``, ``record`` or ``error`` key).

    First against the published JSON Schema (with format checking), then what a schema cannot
    express: every span has ``start <= end`` (and, when the text is known, lies inside it and
    spells the mention the record gives), dates are real calendar dates at their precision,
    country codes are ISO 3166-1, record-local ids are unique and every id that points at
    another item resolves.

    Args:
        instance: Parsed JSON, or a :class:`PressRelease`.
        text: The text the record was extracted from; a batch line's own ``text`` is used
            when this is not given.
        file: Name used in the violations.
        line: Line number used in the violations.

    Returns:
        Every violation, sorted by JSON path; empty when the instance is valid.
    """
    if isinstance(instance, PressRelease):
        instance = instance.model_dump(mode="json")
    validators = _validators()
    kind = "record"
    if isinstance(instance, dict) and "ok" in instance:
        ok = instance["ok"]
        kind = "success" if ok is True else "failure" if ok is False else "line"
    elif isinstance(instance, dict) and ("record" in instance or "error" in instance):
        kind = "success" if "record" in instance else "failure"  # a batch line without `ok`
    found = [
        (list(located.absolute_path), _message(located))
        for error in validators[kind].iter_errors(instance)
        for located in _located(error)
    ]
    if kind == "success" and isinstance(instance.get("record"), dict):
        own_text = instance.get("text")
        found += [
            (["record", *path], message)
            for path, message in record_problems(
                instance["record"], text if text is not None else own_text
            )
        ]
    elif kind == "record" and isinstance(instance, dict):
        found += record_problems(instance, text)
    found.sort(key=lambda item: [str(p) for p in item[0]])
    return [Violation(file, line, _json_path(path), message) for path, message in found]


Problem = tuple[list[Any], str]


def record_problems(record: dict[str, Any], text: str | None = None) -> list[Problem]:
    """What the schema cannot check in a record: spans, dates, country codes and ids.

    Items whose shape the schema already rejects are skipped here, never raised on.

    Args:
        record: A parsed record.
        text: The text the record indexes, when known.

    Returns:
        ``(path, message)`` pairs.
    """
    problems: list[Problem] = []
    problems += _span_problems(record, text)
    problems += _date_problems(record.get("dateline"))
    problems += _country_problems(record)
    problems += _id_problems(record)
    return problems


# Fields whose mention text the record spells out: (list field or None, key of the text).
_SPELLED = (("quotes", "text"), ("works", "text"), ("urls", "url"), ("emails", "email"))


def _spans_in(value: Any, path: list[Any]) -> Iterator[tuple[list[Any], dict[str, Any]]]:
    """Every ``{start, end}`` object under ``value`` with its path."""
    if isinstance(value, dict):
        if set(value) == {"start", "end"}:
            yield path, value
            return
        for key, item in value.items():
            yield from _spans_in(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _spans_in(item, [*path, index])


def _offsets(span: Any) -> tuple[int, int] | None:
    if not isinstance(span, dict):
        return None
    start, end = span.get("start"), span.get("end")
    if type(start) is not int or type(end) is not int:
        return None
    return start, end


def _span_problems(record: dict[str, Any], text: str | None) -> list[Problem]:
    problems: list[Problem] = []
    for path, span in _spans_in(record, []):
        offsets = _offsets(span)
        if offsets is None:
            continue
        start, end = offsets
        if start > end:
            problems.append((path, f"start {start} is after end {end}"))
        elif text is not None and end > len(text):
            problems.append((path, f"end {end} is past the end of the text ({len(text)} chars)"))
    if text is None:
        return problems
    spelled = [(["dateline"], record.get("dateline"), "text")]
    for field, key in _SPELLED:
        items = record.get(field)
        if isinstance(items, list):
            spelled += [([field, i], item, key) for i, item in enumerate(items)]
    for path, item, key in spelled:
        if not isinstance(item, dict) or not isinstance(item.get(key), str):
            continue
        offsets = _offsets(item.get("span"))
        if offsets is None or not 0 <= offsets[0] <= offsets[1] <= len(text):
            continue
        written = text[offsets[0] : offsets[1]]
        if written != item[key]:
            problems.append(
                (
                    [*path, key],
                    f"text[{offsets[0]}:{offsets[1]}] is {_shown(written)}, "
                    f"not {_shown(item[key])}",
                )
            )
    return problems


_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


def _date_problems(dateline: Any) -> list[Problem]:
    if not isinstance(dateline, dict):
        return []
    date, precision = dateline.get("date"), dateline.get("date_precision")
    if not isinstance(date, str):
        if date is None and precision is not None:
            return [(["dateline", "date_precision"], "is set but the date is null")]
        return []
    if len(date) not in _PRECISION_BY_LENGTH:
        return []  # the schema's pattern reports it
    problems: list[Problem] = []
    try:
        year, month, day = (int(part) for part in (date + "-01-01")[:10].split("-"))
        _dt.date(year, month, day)
    except ValueError:
        problems.append((["dateline", "date"], f"{date!r} is not a calendar date"))
    expected = _PRECISION_BY_LENGTH[len(date)]
    if precision is not None and precision != expected:
        problems.append(
            (["dateline", "date_precision"], f"is {precision!r} but {date!r} is a {expected}")
        )
    return problems


def _country_problems(record: dict[str, Any]) -> list[Problem]:
    import pycountry

    problems: list[Problem] = []

    def check(path: list[Any], code: Any) -> None:
        if (
            isinstance(code, str)
            and len(code) == 2
            and pycountry.countries.get(alpha_2=code) is None
        ):
            problems.append((path, f"{code!r} is not an ISO 3166-1 alpha-2 code"))

    dateline = record.get("dateline")
    if isinstance(dateline, dict):
        check(["dateline", "country"], dateline.get("country"))
    for index, country in enumerate(_items(record, "countries")):
        iso2, iso3 = country.get("iso2"), country.get("iso3")
        check(["countries", index, "iso2"], iso2)
        known = pycountry.countries.get(alpha_2=iso2) if isinstance(iso2, str) else None
        if known is not None and isinstance(iso3, str) and iso3 != known.alpha_3:
            problems.append(
                (["countries", index, "iso3"], f"{iso3!r} is not the alpha-3 code of {iso2!r}")
            )
    for index, listed in enumerate(_items(record, "country_lists")):
        codes = listed.get("countries")
        if isinstance(codes, list):
            for position, code in enumerate(codes):
                check(["country_lists", index, "countries", position], code)
    return problems


def _items(record: dict[str, Any], field: str) -> list[dict[str, Any]]:
    value = record.get(field)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _id_problems(record: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    ids: dict[str, set[str]] = {}
    for field in ("organizations", "people", "quotes"):
        seen: set[str] = set()
        for index, item in enumerate(_items(record, field)):
            identifier = item.get("id")
            if isinstance(identifier, str):
                if identifier in seen:
                    problems.append(([field, index, "id"], f"{identifier!r} is used twice"))
                seen.add(identifier)
        ids[field] = seen
    targets = (
        ("people", "organization_id", ids["organizations"]),
        ("quotes", "speaker_id", ids["people"] | ids["organizations"]),
        ("contacts", "person_id", ids["people"]),
    )
    for field, key, known in targets:
        for index, item in enumerate(_items(record, field)):
            target = item.get(key)
            if isinstance(target, str) and target not in known:
                problems.append(([field, index, key], f"{target!r} names no item of the record"))
    return problems


def validate_file(path: Path) -> list[Violation]:
    """Validate a JSON file (one record or batch line) or a JSON Lines file.

    An empty file, or one holding only blank lines, is a violation: it holds no record.

    Raises:
        InputError: when the file cannot be read.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}", code="unreadable") from error
    name = str(path)
    if not text.strip():
        return [Violation(name, 1, "$", "the file holds no record (it is empty)")]
    try:
        return validate(json.loads(text), file=name, line=1)
    except json.JSONDecodeError:
        pass
    violations: list[Violation] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            instance = json.loads(raw)
        except json.JSONDecodeError as error:
            violations.append(Violation(name, number, "$", f"not valid JSON: {error.msg}"))
            continue
        violations.extend(validate(instance, file=name, line=number))
    return violations
