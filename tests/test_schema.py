"""JSON Schemas: committed copies match the models, they are valid Draft 2020-12, records validate,
and violations point at the file, line and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from _helpers import DATELINE, minimal_record
from jsonschema import Draft202012Validator

from extractor.schema import (
    BATCH_LINE_FILE,
    RECORD_FILE,
    SCHEMA_DIR,
    build_schemas,
    drifted_schemas,
    render,
    validate,
    validate_file,
    write_schemas,
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_schema_committed_files_match_the_models() -> None:
    assert drifted_schemas() == [], "run: press-extract schema --write"
    committed = {p.name for p in SCHEMA_DIR.glob("*.json")}
    assert committed == set(build_schemas()), "stale or missing files in schemas/"


def test_schema_write_then_check_is_clean(tmp_path: Path) -> None:
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in written) == sorted(build_schemas())
    assert drifted_schemas(tmp_path) == []


@pytest.mark.parametrize("name", [RECORD_FILE, BATCH_LINE_FILE])
@pytest.mark.parametrize("change", ["edit", "delete"])
def test_schema_drift_is_detected(tmp_path: Path, name: str, change: str) -> None:
    write_schemas(tmp_path)
    path = tmp_path / name
    if change == "edit":
        schema = json.loads(path.read_text(encoding="utf-8"))
        schema["$defs"]["TextSpan"]["required"] = ["start"]  # a hand edit: `end` optional
        path.write_text(render(schema), encoding="utf-8")
    else:
        path.unlink()
    assert drifted_schemas(tmp_path) == [name]


@pytest.mark.parametrize("name", sorted(build_schemas()))
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = build_schemas()[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    Draft202012Validator.check_schema(json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8")))


def test_schema_record_forbids_extra_keys_everywhere() -> None:
    schema = build_schemas()[RECORD_FILE]
    objects = [schema, *schema["$defs"].values()]
    assert all(o.get("additionalProperties") is False for o in objects if "properties" in o)


@pytest.mark.model
def test_schema_sample_records_validate() -> None:
    from extractor import extract_many

    paths = sorted(SAMPLES.glob("*.txt"))
    items = [(p.read_text(encoding="utf-8"), p.name) for p in paths]
    records = list(extract_many(items))
    assert len(records) == len(paths)
    for record, (text, _) in zip(records, items, strict=True):
        assert validate(record, text=text) == [], record.source
        assert validate({"source": record.source, "ok": True, "record": record.model_dump()}) == []


@pytest.mark.parametrize(
    ("instance", "path", "words"),
    [
        (minimal_record(dateline={**DATELINE, "country": "korea"}), "$.dateline.country", "korea"),
        (minimal_record(dateline={**DATELINE, "date": "October 2025"}), "$.dateline.date", "match"),
        (minimal_record(dateline={"text": "Seoul"}), "$.dateline", "'span' is a required"),
        (minimal_record(speakers=[]), "$", "'speakers' was unexpected"),
        (minimal_record(schema_version="2.0"), "$.schema_version", '"1.0" was expected'),
        (
            minimal_record(
                urls=[
                    {
                        "url": "a.example",
                        "href": "https://a.example",
                        "span": {"start": -1, "end": 3},
                    }
                ]
            ),
            "$.urls[0].span.start",
            "minimum",
        ),
        (
            minimal_record(
                people=[
                    {
                        "id": "person-1",
                        "name": "Ann Lee",
                        "honorific": None,
                        "title": None,
                        "organization": None,
                        "organization_id": None,
                        "mentions": [],
                    }
                ]
            ),
            "$.people[0].id",
            "match",
        ),
        ({"source": "a.txt", "ok": True}, "$", "'record' is a required"),
        ({"source": "a.txt", "ok": False}, "$", "'error' is a required"),
        ({"source": "a.txt", "record": minimal_record()}, "$", "'ok' is a required"),
        (
            {"source": "a.txt", "error": {"type": "empty", "message": "the release is empty"}},
            "$",
            "'ok' is a required",
        ),
        (
            {
                "source": "a.txt",
                "ok": True,
                "record": minimal_record(dateline={**DATELINE, "country": "kr"}),
            },
            "$.record.dateline.country",
            "kr",
        ),
        ({"source": "a.txt", "ok": False, "error": {"type": "empty"}}, "$.error", "'message'"),
    ],
    ids=[
        "country-not-iso",
        "date-not-iso",
        "dateline-without-span",
        "extra-key",
        "schema-version",
        "negative-offset",
        "bad-person-id",
        "ok-line-without-record",
        "failed-line-without-error",
        "record-line-without-ok",
        "error-line-without-ok",
        "line-with-bad-record",
        "error-without-message",
    ],
)
def test_schema_validate_points_at_the_field(instance: Any, path: str, words: str) -> None:
    violations = validate(instance, file="out.jsonl", line=7)
    assert violations, "expected a violation"
    located = [v for v in violations if v.path == path]
    assert located, f"no violation at {path}: {[str(v) for v in violations]}"
    assert any(words in v.message for v in located), [v.message for v in located]
    assert str(located[0]).startswith(f"out.jsonl:7: {path}: ")


@pytest.mark.parametrize(
    "instance",
    [
        minimal_record(),
        minimal_record(dateline={**DATELINE, "country": "KR", "date": "2025-10"}),
        {"source": None, "ok": False, "error": {"type": "empty", "message": "empty"}},
        {"source": "a.txt", "ok": True, "record": minimal_record(), "text": "The text."},
    ],
    ids=["record", "record-with-dateline", "failure-line", "success-line"],
)
def test_schema_validate_accepts_valid_instances(instance: Any) -> None:
    assert validate(instance) == []


def test_schema_validate_file_gives_line_numbers(tmp_path: Path) -> None:
    good = {"source": "a.txt", "ok": True, "record": minimal_record()}
    bad = {"source": "b.txt", "ok": True, "record": minimal_record(title=5)}
    lines = [json.dumps(good), "", json.dumps(bad), "{not json", json.dumps(good)]
    path = tmp_path / "out.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    violations = validate_file(path)
    assert [(v.line, v.path) for v in violations] == [(3, "$.record.title"), (4, "$")]
    assert str(violations[0]).startswith(f"{path}:3: $.record.title: ")
    assert "not valid JSON" in violations[1].message


def test_schema_validate_file_single_json_document(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(minimal_record(), indent=2), encoding="utf-8")
    assert validate_file(path) == []
    path.write_text(json.dumps(minimal_record(extra=1), indent=2), encoding="utf-8")
    assert [(v.line, v.path) for v in validate_file(path)] == [(1, "$")]


QUOTE = {
    "id": "q-1",
    "text": "We are ready.",
    "span": {"start": 1, "end": 14},
    "speaker": None,
    "speaker_id": None,
    "cue": None,
    "attribution": None,
}
PERSON = {
    "id": "per-1",
    "name": "Ann Lee",
    "honorific": None,
    "title": None,
    "organization": None,
    "organization_id": None,
    "mentions": [{"start": 20, "end": 27}],
}
TEXT = "“We are ready.” said Ann Lee."


@pytest.mark.parametrize(
    ("instance", "text", "path", "words"),
    [
        ({}, None, "$", "'title' is a required property"),
        (
            minimal_record(dateline={**DATELINE, "date": "2025-13-45"}),
            None,
            "$.dateline.date",
            "not a calendar date",
        ),
        (
            minimal_record(dateline={**DATELINE, "date": "2025-02-30"}),
            None,
            "$.dateline.date",
            "not a calendar date",
        ),
        (
            minimal_record(dateline={**DATELINE, "date": "2025-10", "date_precision": "day"}),
            None,
            "$.dateline.date_precision",
            "is a month",
        ),
        (
            minimal_record(dateline={**DATELINE, "span": {"start": 9, "end": 3}}),
            None,
            "$.dateline.span",
            "after end",
        ),
        (minimal_record(quotes=[QUOTE]), "short", "$.quotes[0].span", "past the end of the text"),
        (minimal_record(quotes=[QUOTE]), "x" * 40, "$.quotes[0].text", 'not "We are ready."'),
        (
            minimal_record(dateline={**DATELINE, "country": "XX"}),
            None,
            "$.dateline.country",
            "not an ISO 3166-1",
        ),
        (
            minimal_record(
                countries=[{"name": "Kenya", "iso2": "KE", "iso3": "KEY", "mentions": []}]
            ),
            None,
            "$.countries[0].iso3",
            "not the alpha-3 code",
        ),
        (
            minimal_record(
                country_lists=[
                    {
                        "label": None,
                        "countries": ["KE", "QQ"],
                        "stated_count": None,
                        "span": {"start": 0, "end": 5},
                    }
                ]
            ),
            None,
            "$.country_lists[0].countries[1]",
            "not an ISO 3166-1",
        ),
        (
            minimal_record(quotes=[{**QUOTE, "speaker_id": "per-1"}]),
            None,
            "$.quotes[0].speaker_id",
            "names no item",
        ),
        (
            minimal_record(people=[{**PERSON, "organization_id": "org-3"}]),
            None,
            "$.people[0].organization_id",
            "names no item",
        ),
        (minimal_record(people=[PERSON, PERSON]), None, "$.people[1].id", "used twice"),
        (
            minimal_record(warnings=[{"code": "oops", "message": "m"}]),
            None,
            "$.warnings[0].code",
            "is not one of",
        ),
        (
            minimal_record(
                urls=[{"url": "a b", "href": "https://a b", "span": {"start": 0, "end": 3}}]
            ),
            None,
            "$.urls[0].href",
            "not a valid uri",
        ),
        (
            {"source": "a", "ok": False, "error": {"type": "Boom", "message": "m"}},
            None,
            "$.error.type",
            "is not one of",
        ),
        (
            {"source": "a", "ok": True, "record": minimal_record(quotes=[QUOTE]), "text": "x" * 40},
            None,
            "$.record.quotes[0].text",
            'not "We are ready."',
        ),
    ],
    ids=[
        "empty-object",
        "month-13",
        "february-30",
        "precision-mismatch",
        "end-before-start",
        "span-past-text",
        "span-spells-other-text",
        "country-XX",
        "iso3-mismatch",
        "list-code-QQ",
        "dangling-speaker-id",
        "dangling-organization-id",
        "duplicate-id",
        "unknown-warning-code",
        "href-not-uri",
        "unknown-error-type",
        "line-text-checked",
    ],
)
def test_schema_validate_rejects_what_the_contract_forbids(
    instance: Any, text: str | None, path: str, words: str
) -> None:
    violations = validate(instance, text=text)
    located = [v for v in violations if v.path == path]
    assert located, f"no violation at {path}: {[str(v) for v in violations]}"
    assert any(words in v.message for v in located), [v.message for v in located]


def test_schema_validate_accepts_a_consistent_record_with_its_text() -> None:
    record = minimal_record(
        quotes=[{**QUOTE, "speaker": "Ann Lee", "speaker_id": "per-1", "cue": "said"}],
        people=[PERSON],
    )
    assert validate(record, text=TEXT) == []


def test_schema_messages_quote_an_excerpt_never_a_whole_document() -> None:
    huge = minimal_record(title="A" * 5000)
    violations = validate([huge, huge])
    assert [v.path for v in violations] == ["$"]
    assert violations[0].message == "expected object, got array"
    long_code = validate(minimal_record(warnings=[{"code": "x" * 5000, "message": "m"}]))
    assert long_code and all(len(v.message) < 300 for v in long_code)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "holds no record"),
        ("\n\n  \n", "holds no record"),
        ("[1, 2]", "expected object, got array"),
        ('"a string"', "expected object, got string"),
        ("{}", "is a required property"),
    ],
    ids=["empty-file", "blank-lines", "array", "string", "empty-object"],
)
def test_schema_validate_file_rejects_files_without_records(
    tmp_path: Path, content: str, words: str
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(content, encoding="utf-8")
    violations = validate_file(path)
    assert violations and any(words in v.message for v in violations), violations
