"""JSON Schemas generated from the output models, and validation against them.

No spaCy here: ``press-extract schema`` and ``validate`` run without loading a model.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
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
    """One schema violation, located by file, line and JSON path."""

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


def _json_path(parts: Iterator[Any]) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def validate(instance: Any, *, file: str = "<record>", line: int = 1) -> list[Violation]:
    """Check a record (or a batch line, recognised by its ``ok``, ``record`` or ``error`` key).

    Args:
        instance: Parsed JSON, or a :class:`PressRelease`.
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
    errors = [
        located for error in validators[kind].iter_errors(instance) for located in _located(error)
    ]
    errors.sort(key=lambda e: list(map(str, e.absolute_path)))
    return [Violation(file, line, _json_path(iter(e.absolute_path)), e.message) for e in errors]


def validate_file(path: Path) -> list[Violation]:
    """Validate a JSON file (one record or batch line) or a JSON Lines file.

    Raises:
        InputError: when the file cannot be read.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}", code="unreadable") from error
    name = str(path)
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
