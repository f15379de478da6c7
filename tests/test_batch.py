"""Batch runs: every input gives exactly one line, in input order; bad inputs give error lines."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from extractor.batch import (
    InputRef,
    UsageError,
    collect_inputs,
    iter_lines,
    run,
)
from extractor.errors import InputError
from extractor.models import BatchFailure, BatchSuccess
from extractor.readers import read_document
from extractor.readers.text import decode
from extractor.settings import make_settings

GOOD = (
    "Harbour Authority Opens New Ferry Terminal\n\n"
    "HALIFAX, Nova Scotia, March 3, 2026 -- The Halifax Harbour Authority today opened a new "
    "ferry terminal on the waterfront.\n"
)
ODD_QUOTES = (
    "Odd Quote Marks in a Release\n\n"
    'He said "this never closes and the paragraph simply ends.\n\n'
    "More information is available at https://example.org/odd-quotes for the public.\n\n"
    "Mr. John Smith, Director of Operations at Acme Corporation, attended the meeting.\n"
)
HTML = """<!DOCTYPE html>
<html><head><title>Harbour site</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact the webmaster</a></li></ul></nav>
<header><p>Subscribe to our newsletter! Cookie settings.</p></header>
<article><h1>Harbour Authority Opens New Ferry Terminal</h1>
<p>HALIFAX, Nova Scotia, March 3, 2026 -- The Halifax Harbour Authority today opened a new ferry
terminal on the waterfront, the largest investment in the port in twenty years.</p>
<p>"This terminal will serve commuters for the next fifty years," said Ms. Jane Doe, Chief
Executive Officer of the Halifax Harbour Authority.</p>
<p>The terminal cost 120 million dollars and was built over three years. More details are
available at https://harbour.example.org/terminal for the public.</p>
</article>
<footer><p>Copyright 2026 Harbour Example. All rights reserved. Privacy policy.</p></footer>
</body></html>
"""
BOILERPLATE = ("About us", "Contact the webmaster", "Cookie settings", "All rights reserved")

#: name, bytes, expected outcome: "ok" or the error code of the line.
MIXED: list[tuple[str, bytes, str]] = [
    ("01_empty.txt", b"", "empty"),
    ("02_whitespace.txt", b"  \n\t\n   \n", "empty"),
    ("03_binary.txt", b"PK\x03\x04\x00\x00binary\x00data", "binary"),
    ("04_good.txt", GOOD.encode(), "ok"),
    ("05_latin1.txt", GOOD.replace("waterfront", "caf\u00e9 terrace").encode("latin-1"), "ok"),
    ("06_odd_quotes.txt", ODD_QUOTES.encode(), "ok"),
    ("07_page.html", HTML.encode(), "ok"),
]


def write_inputs(folder: Path, files: Iterable[tuple[str, bytes, str]] = MIXED) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data, _ in files:
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def outcome(line: BatchSuccess | BatchFailure) -> str:
    return "ok" if isinstance(line, BatchSuccess) else line.error.type


# --------------------------------------------------------------------------- without the model


def test_batch_collect_inputs_folder_is_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/d.htm", "notes.json", "img.png", "E.TXT"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [
        Path(ref.source).relative_to(tmp_path).as_posix() for ref in collect_inputs([str(tmp_path)])
    ]
    assert found == ["E.TXT", "a.md", "b.txt", "sub/c.html", "sub/d.htm"]


def test_batch_collect_inputs_keeps_argument_order(tmp_path: Path) -> None:
    paths = write_inputs(tmp_path)
    given = [str(paths[3]), "-", str(paths[0])]
    refs = collect_inputs(given)
    assert [ref.source for ref in refs] == given
    assert refs[1].path is None


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        ("missing", "no such file or folder"),
        ("empty", "has no inputs"),
        ("no-inputs", "has no inputs"),
    ],
)
def test_batch_collect_inputs_usage_errors(tmp_path: Path, setup: str, words: str) -> None:
    target = tmp_path / "folder"
    if setup != "missing":
        target.mkdir()
    if setup == "no-inputs":
        (target / "data.json").write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match=words):
        collect_inputs([str(target)])


@pytest.mark.parametrize(
    ("data", "text", "codes"),
    [
        (b"Plain text.", "Plain text.", []),
        ("\ufeffWith a BOM.".encode(), "With a BOM.", []),
        ("Korea\u2019s \u201cquote\u201d".encode(), "Korea\u2019s \u201cquote\u201d", []),
        (b"Caf\xe9 au lait.", "Caf\u00e9 au lait.", ["legacy_encoding"]),
        (b"\xef\xbb\xbfBOM then \xff bad.", "BOM then \ufffd bad.", ["invalid_utf8"]),
        ("Korea\u2019s \xff".encode()[:-2] + b"\xff", "Korea\u2019s \ufffd", ["invalid_utf8"]),
    ],
    ids=["ascii", "bom", "curly", "latin1", "bom-and-invalid", "utf8-with-one-bad-byte"],
)
def test_batch_decode(data: bytes, text: str, codes: list[str]) -> None:
    result = decode(data)
    assert result.text == text
    assert [w["code"] for w in result.warnings] == codes


def test_batch_read_document_rejects_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as caught:
        read_document(InputRef(str(path), path), max_chars=1000)
    assert caught.value.code == "binary"


@pytest.mark.parametrize(
    ("name", "data", "max_chars", "code"),
    [
        ("empty.txt", b"", 1000, "empty"),
        ("blank.txt", b" \n\r\n\t", 1000, "empty"),
        ("big.txt", b"x" * 101, 100, "too_large"),
        ("huge.txt", b"x" * 5000, 100, "too_large"),
        ("nav-only.html", b"<html><body><nav></nav></body></html>", 1000, "empty"),
    ],
)
def test_batch_read_input_errors(
    tmp_path: Path, name: str, data: bytes, max_chars: int, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document(InputRef(str(path), path), max_chars=max_chars)
    assert caught.value.code == code


def test_batch_read_input_limit_is_inclusive(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_text("y" * 100, encoding="utf-8")
    assert read_document(InputRef(str(path), path), max_chars=100)[0] == "y" * 100


def test_batch_read_input_vanished_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(InputError) as caught:
        read_document(InputRef(str(path), path), max_chars=1000)
    assert caught.value.code == "unreadable"


def test_batch_read_input_html_is_reduced_to_main_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    text = read_document(InputRef(str(path), path), max_chars=100_000)[0]
    assert text.startswith("Harbour Authority Opens New Ferry Terminal")
    assert "https://harbour.example.org/terminal" in text
    for words in BOILERPLATE:
        assert words not in text
    assert "<" not in text


def test_batch_read_input_stdin() -> None:
    text, _ = read_document(
        InputRef("-", None), max_chars=1000, stdin=io.BytesIO("Caf\u00e9 news.".encode())
    )
    assert text == "Caf\u00e9 news."


def crash_on_boom(text: str, *_: Any, **__: Any) -> list[Any]:
    """Stands in for a component's pure function: fails on a text containing BOOM."""
    if "BOOM" in text:
        raise RuntimeError("a component crashed")
    return []


@pytest.mark.model
@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_batch_pipeline_failure_costs_only_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    from extractor.components import links

    monkeypatch.setattr(links, "find_urls", crash_on_boom)
    files = [
        ("a.txt", b"First release of the batch.", "ok"),
        ("b.txt", b"BOOM goes the pipeline.", "pipeline_error"),
        ("c.txt", b"", "empty"),
        ("d.txt", b"Fourth release of the batch.", "ok"),
    ]
    write_inputs(tmp_path, files)
    settings = make_settings(batch_size=batch_size)
    lines = list(iter_lines(collect_inputs([str(tmp_path)]), settings=settings))
    assert [outcome(line) for line in lines] == [code for _, _, code in files]
    assert [line.source for line in lines] == [str(tmp_path / n) for n, _, _ in files]
    assert "pr_links" in lines[1].error.message
    assert "a component crashed" in lines[1].error.message


def test_batch_all_inputs_unreadable_needs_no_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor import api

    def no_model(*_: Any, **__: Any) -> None:
        raise AssertionError("the model was loaded with nothing to extract")

    monkeypatch.setattr(api, "get_nlp", no_model)
    write_inputs(tmp_path, MIXED[:3])
    out = io.BytesIO()
    stats = run(collect_inputs([str(tmp_path)]), out)
    assert (stats.total, stats.ok, stats.failed) == (3, 0, 3)
    assert [json.loads(line)["ok"] for line in out.getvalue().splitlines()] == [False] * 3


# --------------------------------------------------------------------------- with the model


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[str], Any]:
    folder = tmp_path_factory.mktemp("mixed")
    paths = write_inputs(folder)
    out = io.BytesIO()
    stats = run(collect_inputs([str(folder)]), out, include_text=True)
    return paths, out.getvalue().decode().splitlines(), stats


@pytest.mark.model
def test_batch_one_line_per_input_in_order(mixed_run: tuple[list[Path], list[str], Any]) -> None:
    paths, lines, stats = mixed_run
    rows = [json.loads(line) for line in lines]
    assert [row["source"] for row in rows] == [str(p) for p in paths]
    got = ["ok" if row["ok"] else row["error"]["type"] for row in rows]
    assert got == [code for _, _, code in MIXED]
    for row in rows:
        if not row["ok"]:
            assert row["error"]["message"]
    assert (stats.total, stats.ok, stats.failed) == (7, 4, 3)


@pytest.mark.model
def test_batch_lines_validate(mixed_run: tuple[list[Path], list[str], Any]) -> None:
    from extractor.schema import validate

    for number, line in enumerate(mixed_run[1], start=1):
        assert validate(json.loads(line), line=number) == []


def row_for(mixed_run: tuple[list[Path], list[str], Any], name: str) -> dict[str, Any]:
    paths, lines, _ = mixed_run
    index = [p.name for p in paths].index(name)
    row = json.loads(lines[index])
    assert row["ok"], row
    return row


@pytest.mark.model
def test_batch_legacy_encoding_is_decoded_and_flagged_in_record(
    mixed_run: tuple[list[Path], list[str], Any],
) -> None:
    row = row_for(mixed_run, "05_latin1.txt")
    warnings = [w for w in row["record"]["warnings"] if w["code"] == "legacy_encoding"]
    assert len(warnings) == 1
    assert "cp1252" in warnings[0]["message"]
    assert "caf\u00e9 terrace" in row["text"]
    assert row["record"]["title"] == "Harbour Authority Opens New Ferry Terminal"


@pytest.mark.model
def test_batch_odd_quote_marks_do_not_stop_later_paragraphs(
    mixed_run: tuple[list[Path], list[str], Any],
) -> None:
    record = row_for(mixed_run, "06_odd_quotes.txt")["record"]
    assert [u["url"] for u in record["urls"]] == ["https://example.org/odd-quotes"]
    assert "John Smith" in {p["name"] for p in record["people"]}
    for quote in record["quotes"]:  # an unclosed quote must not swallow the next paragraphs
        assert "https://" not in quote["text"]
        assert "John Smith" not in quote["text"]


@pytest.mark.model
def test_batch_html_spans_index_the_main_text(
    mixed_run: tuple[list[Path], list[str], Any],
) -> None:
    row = row_for(mixed_run, "07_page.html")
    text, record = row["text"], row["record"]
    for words in BOILERPLATE:
        assert words not in text
    assert record["title"] == "Harbour Authority Opens New Ferry Terminal"
    assert [u["url"] for u in record["urls"]] == ["https://harbour.example.org/terminal"]
    for url in record["urls"]:
        assert text[url["span"]["start"] : url["span"]["end"]] == url["url"]
    assert "Jane Doe" in {p["name"] for p in record["people"]}


@pytest.mark.model
def test_batch_without_include_text_omits_text(tmp_path: Path) -> None:
    write_inputs(tmp_path, [MIXED[3]])
    out = io.BytesIO()
    run(collect_inputs([str(tmp_path)]), out)
    assert "text" not in json.loads(out.getvalue())


@pytest.mark.model
def test_batch_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    lines = list(iter_lines(collect_inputs(["-"])))
    assert len(lines) == 1
    assert isinstance(lines[0], BatchSuccess)
    assert lines[0].source == "-"
    assert lines[0].record.dateline is not None
    assert lines[0].record.dateline.city == "HALIFAX"


@pytest.mark.model
def test_batch_max_chars_gives_error_line_and_goes_on(tmp_path: Path) -> None:
    files = [
        ("a.txt", b"x" * 150, "too_large"),
        ("b.txt", b"PARIS, France - A short release.", "ok"),
    ]
    write_inputs(tmp_path, files)
    lines = list(iter_lines(collect_inputs([str(tmp_path)]), settings=make_settings(max_chars=100)))
    assert [outcome(line) for line in lines] == ["too_large", "ok"]
    assert "100" in lines[0].error.message


# --------------------------------------------------------------------------- runner and resume
# These use a blank pipeline (the toolkit's components without the statistical model): they
# test reading, ordering, processes and the output file, not extraction quality.


def blank_settings(blank_model: str, **values: Any) -> Any:
    return make_settings(model=blank_model, **values)


def numbered_inputs(folder: Path, count: int) -> list[InputRef]:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = f"Release {n:02d}\n\nPARIS, France - Item {n} of the batch.\n" if n % 4 else ""
        (folder / f"r{n:02d}.txt").write_text(text, encoding="utf-8")
    return collect_inputs([str(folder)])


def lines_of(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_batch_worker_processes_give_the_same_lines_in_order(
    tmp_path: Path, blank_model: str
) -> None:
    inputs = numbered_inputs(tmp_path / "in", 11)
    one, two = io.BytesIO(), io.BytesIO()
    run(inputs, one, settings=blank_settings(blank_model, batch_size=2))
    stats = run(inputs, two, settings=blank_settings(blank_model, batch_size=2, n_process=2))
    assert two.getvalue() == one.getvalue()
    assert [row["source"] for row in lines_of(two.getvalue())] == [r.source for r in inputs]
    assert (stats.total, stats.failed, dict(stats.errors)) == (11, 3, {"empty": 3})


def test_batch_stop_ends_after_the_chunk_in_progress(tmp_path: Path, blank_model: str) -> None:
    inputs = numbered_inputs(tmp_path / "in", 9)
    out = io.BytesIO()
    seen: list[str] = []
    stats = run(
        inputs,
        out,
        settings=blank_settings(blank_model, batch_size=4),
        progress=lambda line: seen.append(line.source or ""),
        stop=lambda: len(seen) >= 1,
    )
    assert stats.interrupted
    assert stats.total == 4 == len(lines_of(out.getvalue()))
    assert seen == [r.source for r in inputs[:4]]


def test_batch_resume_drops_a_torn_line_and_appends_the_rest(
    tmp_path: Path, blank_model: str
) -> None:
    from extractor.batch import open_output

    inputs = numbered_inputs(tmp_path / "in", 10)
    settings = blank_settings(blank_model, batch_size=3)
    path = tmp_path / "out.jsonl"
    handle, existing = open_output(path)
    with handle:
        run(inputs, handle, settings=settings, stop=lambda: True)
        handle.write(b'{"source": "' + inputs[3].source.encode() + b'", "ok": tr')  # killed here
    before = path.read_bytes()
    handle, existing = open_output(path, resume=True)
    assert (existing.lines, existing.torn > 0) == (3, True)
    assert existing.done == {r.source for r in inputs[:3]}
    skipped: list[str] = []
    with handle:
        stats = run(inputs, handle, settings=settings, done=existing.done, skipped=skipped.append)
    after = path.read_bytes()
    assert after.startswith(before[: existing.size])
    assert [row["source"] for row in lines_of(after)] == [r.source for r in inputs]
    assert (stats.total, stats.skipped, len(skipped)) == (7, 3, 3)
    handle, existing = open_output(path, resume=True)
    handle.close()
    assert (existing.lines, existing.torn, existing.unusable) == (10, 0, 0)


@pytest.mark.parametrize(
    ("content", "options", "words"),
    [
        (b"{}\n", {}, "--resume"),
        (b"{}\n", {"resume": True, "overwrite": True}, "exclude each other"),
    ],
)
def test_batch_open_output_refuses(
    tmp_path: Path, content: bytes, options: dict[str, bool], words: str
) -> None:
    from extractor.batch import open_output

    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=words):
        open_output(path, **options)
    assert path.read_bytes() == content


def test_batch_open_output_overwrite_and_empty_file(tmp_path: Path) -> None:
    from extractor.batch import open_output

    path = tmp_path / "out.jsonl"
    path.write_bytes(b"")
    handle, existing = open_output(path)  # an empty file is no earlier run
    handle.close()
    path.write_bytes(b'{"source": "a"}\n')
    handle, existing = open_output(path, overwrite=True)
    handle.close()
    assert path.read_bytes() == b"" and not existing.done


def test_batch_lines_are_valid_utf8_whatever_the_strings() -> None:
    from extractor.batch import encode_line
    from extractor.models import ErrorInfo

    line = BatchFailure(source="caf\udce9.txt", error=ErrorInfo(type="empty", message="x"))
    data = encode_line(line)
    data.decode("utf-8")
    assert json.loads(data)["source"] == "caf\udce9.txt"


@pytest.mark.model
def test_batch_reading_problems_end_to_end(tmp_path: Path) -> None:
    """What used to lose text now gives the title, dateline, quote and job title."""
    from test_readers import MARKDOWN, RELEASE

    files = {
        "a_lone_cr.txt": RELEASE.replace("\n", "\r").encode(),
        "b_cp1252.txt": RELEASE.encode("cp1252"),
        "c_utf16_bom.txt": RELEASE.encode("utf-16"),
        "d_release.md": MARKDOWN.encode(),
        "e_nul_late.txt": (RELEASE + "More text. " * 1500 + "\x00 and the end.\n").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    lines = list(iter_lines(collect_inputs([str(tmp_path)]), include_text=True))
    assert all(isinstance(line, BatchSuccess) for line in lines), lines
    for line in lines:
        assert isinstance(line, BatchSuccess)
        record = line.record
        assert record.title == "Acme Water Opens Pilot Plant in Nairobi", line.source
        assert record.dateline is not None and record.dateline.city == "NAIROBI"
        jane = [p for p in record.people if p.name == "Jane Wanjiru"]
        assert jane and jane[0].title and jane[0].title.startswith("Chief Executive Officer")
        assert "](" not in (jane[0].title or "")
        if not line.source.endswith(".md"):
            assert [q.text for q in record.quotes] == ["Clean water should not be a luxury,"]
        assert line.text is not None
        for mention in jane[0].mentions:
            assert line.text[mention.start : mention.end] == "Jane Wanjiru"
    codes = {Path(line.source or "").name: {w.code for w in line.record.warnings} for line in lines}  # type: ignore[union-attr]
    assert "legacy_encoding" in codes["b_cp1252.txt"]
    assert "control_characters" in codes["e_nul_late.txt"]
