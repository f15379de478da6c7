"""The command line through ``typer.testing.CliRunner``: output lines, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _helpers import DATELINE, minimal_record
from typer.testing import CliRunner, Result

from cli import app
from extractor.schema import write_schemas

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GOOD = (
    "Harbour Authority Opens New Ferry Terminal\n\n"
    "HALIFAX, Nova Scotia, March 3, 2026 -- The Halifax Harbour Authority today opened a new "
    "ferry terminal. Details: https://harbour.example.org/terminal.\n"
)
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input)


def rows(result: Result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    (path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (path / "b_empty.txt").write_bytes(b"")
    (path / "c_binary.txt").write_bytes(b"\x00\x01\x02")
    (path / "d_latin1.txt").write_bytes(GOOD.replace("ferry", "caf\u00e9").encode("latin-1"))
    (path / "e_whitespace.txt").write_text(" \n\n\t", encoding="utf-8")
    return path


@pytest.mark.model
def test_cli_extract_mixed_folder_exit_1_one_line_each(folder: Path) -> None:
    result = invoke("extract", str(folder))
    assert result.exit_code == EXIT_FAILED, result.stderr
    got = [(Path(r["source"]).name, r["ok"]) for r in rows(result)]
    assert got == [
        ("a_good.txt", True),
        ("b_empty.txt", False),
        ("c_binary.txt", False),
        ("d_latin1.txt", True),
        ("e_whitespace.txt", False),
    ]
    assert "5 inputs: 2 ok, 3 failed" in result.stderr
    latin1 = rows(result)[3]["record"]
    assert "invalid_utf8" in {w["code"] for w in latin1["warnings"]}


@pytest.mark.model
def test_cli_extract_all_ok_exit_0(folder: Path) -> None:
    result = invoke("extract", str(folder / "a_good.txt"), str(folder / "d_latin1.txt"))
    assert result.exit_code == EXIT_OK, result.stderr
    assert [r["ok"] for r in rows(result)] == [True, True]


@pytest.mark.model
def test_cli_extract_output_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "OUT.jsonl"
    result = invoke("extract", str(folder), "-o", str(out))
    assert result.exit_code == EXIT_FAILED
    assert result.stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    assert [json.loads(line)["source"] for line in lines] == sorted(
        str(p) for p in folder.iterdir()
    )


@pytest.mark.model
@pytest.mark.parametrize("flag", ["--silent", "-s"])
def test_cli_extract_silent_prints_no_summary(folder: Path, flag: str) -> None:
    result = invoke("extract", str(folder / "a_good.txt"), flag)
    assert result.exit_code == EXIT_OK
    assert result.stderr == ""
    assert len(rows(result)) == 1


@pytest.mark.model
def test_cli_extract_stdin() -> None:
    result = invoke("extract", "-", input=GOOD.encode())
    assert result.exit_code == EXIT_OK, result.stderr
    (row,) = rows(result)
    assert row["source"] == "-"
    assert [u["url"] for u in row["record"]["urls"]] == ["https://harbour.example.org/terminal"]


@pytest.mark.model
def test_cli_extract_max_chars(folder: Path) -> None:
    result = invoke("extract", str(folder / "a_good.txt"), "--max-chars", "100")
    assert result.exit_code == EXIT_FAILED
    (row,) = rows(result)
    assert row["error"]["type"] == "too_large"


@pytest.mark.model
def test_cli_extract_reference_date(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("PORTLAND, Ore., Feb 26 - The port will reopen next week.\n", encoding="utf-8")
    result = invoke("extract", str(path), "--reference-date", "1987-02-26")
    assert result.exit_code == EXIT_OK, result.stderr
    assert rows(result)[0]["record"]["dateline"]["date"] == "1987-02-26"


def test_cli_extract_all_inputs_bad_exit_1(folder: Path) -> None:
    result = invoke("extract", str(folder / "b_empty.txt"), str(folder / "c_binary.txt"))
    assert result.exit_code == EXIT_FAILED
    assert [r["error"]["type"] for r in rows(result)] == ["empty", "binary"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["extract", "does/not/exist.txt"], "no such file or folder"),
        (["extract", "{empty}"], "has no inputs"),
        (["extract", "{good}", "--reference-date", "26/02/1987"], "YYYY-MM-DD"),
        (["extract", "{good}", "--max-chars", "0"], "max-chars"),
        (["extract"], "Missing argument"),
        (["validate", "does/not/exist.jsonl"], "no such file"),
        (["evaluate", "does/not/exist"], "no such folder"),
        (["evaluate", "{empty}"], "no gold pairs"),
        (["extract", "{good}", "-o", "{empty}/missing/out.jsonl"], "does not exist"),
    ],
    ids=[
        "missing-path",
        "empty-folder",
        "bad-date",
        "bad-max-chars",
        "no-paths",
        "validate-missing",
        "evaluate-missing",
        "evaluate-empty",
        "output-folder-missing",
    ],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, folder: Path, args: list[str], words: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    good = folder / "a_good.txt"
    args = [a.format(empty=empty, good=good) for a in args]
    result = invoke(*args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert words in result.stderr
    assert result.stdout == ""


def test_cli_schema_check_committed_exit_0() -> None:
    result = invoke("schema", "--check")
    assert result.exit_code == EXIT_OK, result.stderr


def test_cli_schema_check_drift_exit_1(tmp_path: Path) -> None:
    assert invoke("schema", "--write", "--dir", str(tmp_path)).exit_code == EXIT_OK
    assert invoke("schema", "--check", "--dir", str(tmp_path)).exit_code == EXIT_OK
    path = tmp_path / "press_release.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.0"', '"1.1"'), encoding="utf-8")
    result = invoke("schema", "--check", "--dir", str(tmp_path))
    assert result.exit_code == EXIT_FAILED
    assert "press_release.schema.json" in result.stderr
    assert "schema --write" in result.stderr


def test_cli_schema_prints_both_schemas() -> None:
    result = invoke("schema")
    assert result.exit_code == EXIT_OK
    assert set(json.loads(result.stdout)) == {"press_release.schema.json", "batch_line.schema.json"}


def test_cli_schema_write_creates_files(tmp_path: Path) -> None:
    target = tmp_path / "new"
    result = invoke("schema", "--write", "--dir", str(target))
    assert result.exit_code == EXIT_OK
    assert sorted(p.name for p in target.iterdir()) == sorted(
        p.name for p in write_schemas(tmp_path / "again")
    )


def test_cli_validate_reports_file_line_and_path(tmp_path: Path) -> None:
    good = {"source": "a.txt", "ok": True, "record": minimal_record()}
    bad = {
        "source": "b.txt",
        "ok": True,
        "record": minimal_record(dateline={**DATELINE, "country": "korea"}),
    }
    path = tmp_path / "out.jsonl"
    path.write_text(f"{json.dumps(good)}\n{json.dumps(bad)}\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == EXIT_FAILED
    assert f"{path}:2: $.record.dateline.country: " in result.stdout
    assert "1 violation" in result.stderr


def test_cli_validate_clean_file_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    line = {"source": "a.txt", "ok": False, "error": {"type": "empty", "message": "empty"}}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == EXIT_OK, result.stdout
    assert result.stdout == ""


@pytest.mark.parametrize(
    "content",
    ["{}", "", "\n\n", "[1, 2, 3]", '{"hello": "world"}'],
    ids=["empty-object", "empty-file", "blank-lines", "array", "not-a-record"],
)
def test_cli_validate_exit_1_without_a_record(tmp_path: Path, content: str) -> None:
    path = tmp_path / "out.json"
    path.write_text(content, encoding="utf-8")
    result = invoke("validate", str(path))
    assert result.exit_code == EXIT_FAILED, result.stdout
    assert all(len(line) < 300 for line in result.stdout.splitlines())


@pytest.mark.model
def test_cli_extract_output_validates(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    invoke("extract", str(folder), "-o", str(out), "-s")
    result = invoke("validate", str(out))
    assert result.exit_code == EXIT_OK, result.stdout


@pytest.mark.model
def test_cli_evaluate_samples_prints_table(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    result = invoke("evaluate", str(SAMPLES), "--json", str(figures))
    assert result.exit_code == EXIT_OK, result.stderr
    header, rule, *body = result.stdout.splitlines()
    assert header.split() == ["metric", "ours"]
    assert set(rule) == {"-", " "}
    documents = len(list(SAMPLES.glob("*.expected.json")))
    assert body[0].split() == ["documents", str(documents)]
    assert any(line.startswith("people") for line in body)
    assert json.loads(figures.read_text(encoding="utf-8"))["ours"]["documents"] == documents
