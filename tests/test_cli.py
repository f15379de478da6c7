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
    assert "legacy_encoding" in {w["code"] for w in latin1["warnings"]}


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
        (["extract"], "no inputs"),
        (["validate", "does/not/exist.jsonl"], "no such file"),
        (["evaluate", "does/not/exist"], "no such folder"),
        (["evaluate", "{empty}"], "no gold pairs"),
        (["extract", "{good}", "-o", "{empty}/missing/out.jsonl"], "does not exist"),
        (["extract", "{good}", "-o", "{empty}"], "is a folder"),
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
        "output-is-a-folder",
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


# --------------------------------------------------------------------------- batch options
# A blank pipeline (blank_model) keeps these fast: they test the command line, not extraction.


def test_cli_version() -> None:
    from extractor import __version__

    result = invoke("--version")
    assert result.exit_code == EXIT_OK
    assert result.stdout.startswith(f"press-extract {__version__} (spaCy ")


def test_cli_help_has_no_type_hints_and_documents_every_option() -> None:
    import click
    import typer.main

    command = typer.main.get_command(app)
    for name, sub in [("", command), *command.commands.items()]:  # type: ignore[attr-defined]
        assert invoke(*([name] if name else []), "--help").exit_code == EXIT_OK
        context = click.Context(sub)
        for param in sub.params:
            if param.param_type_name != "option":
                continue
            assert param.help, f"{name} {param.opts} has no help text"
            names, _ = param.get_help_record(context)
            assert "<" not in names, f"{name} {names}: a type hint instead of a metavar"
            if getattr(param, "is_flag", False) or getattr(param, "count", False):
                assert names == ", ".join(param.opts), f"a flag shows a value: {names}"


def test_cli_existing_output_is_refused_without_resume(tmp_path: Path, blank_model: str) -> None:
    release = tmp_path / "a.txt"
    release.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "earlier"}\n', encoding="utf-8")
    result = invoke("extract", str(release), "-o", str(out), "--model", blank_model)
    assert result.exit_code == EXIT_USAGE
    assert "--resume" in result.stderr and "--overwrite" in result.stderr
    assert out.read_text(encoding="utf-8") == '{"source": "earlier"}\n'
    result = invoke("extract", str(release), "-o", str(out), "--model", blank_model, "--overwrite")
    assert result.exit_code == EXIT_OK, result.stderr
    assert [json.loads(x)["source"] for x in out.read_text().splitlines()] == [str(release)]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--resume"], "need an output file"),
        (["-o", "{out}", "--resume", "--overwrite"], "exclude each other"),
        (["--n-process", "2", "--dask-scheduler", "tcp://127.0.0.1:1"], "exclude each other"),
        (["--files-from", "{missing}"], "cannot read --files-from"),
        (["--text-field", "a,,b"], "NAME"),
    ],
)
def test_cli_batch_usage_errors(tmp_path: Path, args: list[str], words: str) -> None:
    release = tmp_path / "a.txt"
    release.write_text(GOOD, encoding="utf-8")
    args = [a.format(out=tmp_path / "o.jsonl", missing=tmp_path / "nope") for a in args]
    result = invoke("extract", str(release), *args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert words in result.stderr


def test_cli_resume_appends_only_missing_inputs(tmp_path: Path, blank_model: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        (folder / f"r{n}.txt").write_text(f"Release {n}\n\nPARIS - Text {n}.\n", encoding="utf-8")
    out, db = tmp_path / "out.jsonl", tmp_path / "out.db"
    args = ["extract", str(folder), "-o", str(out), "--model", blank_model, "--sqlite", str(db)]
    assert invoke(*args).exit_code == EXIT_OK
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:25])  # killed while writing line 3
    result = invoke(*args, "--resume")
    assert result.exit_code == EXIT_OK, result.stderr
    assert "resuming" in result.stderr and "torn last line" in result.stderr
    assert "4 inputs: 4 ok" in result.stderr and "2 already in" in result.stderr
    assert out.read_bytes() == full  # same lines, same order, nothing doubled
    import sqlite3

    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM releases").fetchone() == (6,)
    result = invoke(*args, "--resume")
    assert result.exit_code == EXIT_OK and out.read_bytes() == full
    assert "0 inputs" in result.stderr and "6 already in" in result.stderr


def test_cli_non_utf8_file_names_never_crash(tmp_path: Path, blank_model: str) -> None:
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    for raw in (b"caf\xe9.txt", b"ok.txt", b"\xff\xfe.md"):
        Path(os.fsdecode(os.fsencode(folder) + b"/" + raw)).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for target in (["-o", str(out)], []):
        result = invoke("extract", str(folder), "--model", blank_model, *target)
        assert result.exit_code == EXIT_OK, result.stderr
    written = out.read_bytes()
    assert result.stdout_bytes == written
    sources = [json.loads(line)["source"] for line in written.decode("utf-8").splitlines()]
    assert sources == [f"{folder}/caf\\xe9.txt", f"{folder}/ok.txt", f"{folder}/\\xff\\xfe.md"]


def test_cli_corpus_rows_and_files_from(tmp_path: Path, blank_model: str) -> None:
    corpus = tmp_path / "reuters.jsonl"
    corpus_rows = [
        {"id": 1, "dateline": "SALVADOR, Feb 26 -", "body": "Showers continued."},
        {"id": 2, "dateline": "LONDON, March 2 -", "body": ""},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in corpus_rows), encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{corpus}\n", encoding="utf-8")
    result = invoke(
        "extract",
        "--files-from",
        str(listing),
        "--text-field",
        "dateline,body",
        "--include-text",
        "--model",
        blank_model,
    )
    assert result.exit_code == EXIT_OK, result.stderr
    got = [(r["source"], r["text"]) for r in rows(result)]
    assert got == [
        (f"{corpus}#1", "SALVADOR, Feb 26 - Showers continued."),
        (f"{corpus}#2", "LONDON, March 2 -"),
    ]


def test_cli_max_chars_above_a_million(tmp_path: Path, blank_model: str) -> None:
    path = tmp_path / "long.txt"
    paragraph = "The harbour authority opened a terminal in Halifax, Nova Scotia. " * 20
    text = GOOD + (paragraph + "\n\n") * (1_050_000 // (len(paragraph) + 2))
    path.write_text(text, encoding="utf-8")
    assert len(text) > 1_000_000
    result = invoke(
        "extract", str(path), "--max-chars", "2000000", "--model", blank_model, "--include-text"
    )
    assert result.exit_code == EXIT_OK, result.stderr
    (row,) = rows(result)
    assert row["text"] == text
    assert "long_text" in {w["code"] for w in row["record"]["warnings"]}
    assert row["record"]["urls"][0]["url"] == "https://harbour.example.org/terminal"


def test_cli_summary_names_failures_time_and_output(
    tmp_path: Path, folder: Path, blank_model: str
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(folder), "-o", str(out), "--model", blank_model)
    assert result.exit_code == EXIT_FAILED
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("5 inputs: 2 ok, 3 failed (2 empty, 1 binary)")
    assert " s, " in summary and "docs/s" in summary and str(out) in summary


def test_cli_internal_error_exits_3(
    tmp_path: Path, folder: Path, blank_model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extractor.batch

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(extractor.batch, "extract_chunk", broken)
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(folder), "-o", str(out), "--model", blank_model)
    assert result.exit_code == 3
    assert "internal error: RuntimeError: a bug" in result.stderr
    assert "--resume" in result.stderr
