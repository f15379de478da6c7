"""Readers: decoding, newlines, binary test, Markdown, HTML, corpus rows, paths (no model)."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
from pathlib import Path

import pytest

from extractor.errors import InputError, UsageError
from extractor.readers import (
    Document,
    InputRef,
    RowFields,
    Unreadable,
    collect_inputs,
    count_inputs,
    iter_documents,
    read_document,
    read_file_list,
)
from extractor.readers.html import html_main_text
from extractor.readers.markdown import markdown_to_text
from extractor.readers.text import check_controls, decode, normalise_newlines, read_text

RELEASE = (
    "Acme Water Opens Pilot Plant in Nairobi\n\n"
    "NAIROBI, Kenya, March 3, 2026 -- Acme Water Ltd. today opened a pilot plant. "
    "\u201cClean water should not be a luxury,\u201d said Jane Wanjiru, the company\u2019s "
    "Chief Executive Officer.\n"
)


def documents(refs: list[InputRef], **options: object) -> list[Document | Unreadable]:
    return list(iter_documents(refs, max_chars=options.pop("max_chars", 100_000), **options))  # type: ignore[arg-type]


def ref(path: Path) -> InputRef:
    return InputRef(str(path), path)


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "encoding",
    ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"],
)
def test_readers_bom_names_the_encoding(encoding: str) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }.get(encoding, b"")
    decoded = decode(bom + RELEASE.encode(encoding))
    assert decoded.text == RELEASE
    assert decoded.warnings == []


def test_readers_cp1252_smart_quotes_are_kept_with_a_warning() -> None:
    text, warnings = read_text(RELEASE.encode("cp1252"))
    assert text == RELEASE
    assert text.count("\u201c") == 1 and text.count("\u201d") == 1
    assert [w["code"] for w in warnings] == ["legacy_encoding"]
    assert "cp1252" in warnings[0]["message"]


def test_readers_other_legacy_encodings_are_guessed() -> None:
    russian = "Пресс-релиз: Министерство объявило о новой программе поддержки."
    decoded = decode(russian.encode("cp1251"))
    assert decoded.text == russian
    assert decoded.encoding == "cp1251"


def test_readers_utf8_with_a_damaged_byte_stays_utf8() -> None:
    data = RELEASE.encode().replace(b"pilot", b"pil\xffot")
    text, warnings = read_text(data)
    assert "pil\ufffdot" in text and "\u201cClean" in text
    assert [w["code"] for w in warnings] == ["invalid_utf8"]


def test_readers_utf16_without_bom_is_recognised() -> None:
    decoded = decode(RELEASE.encode("utf-16-le"))
    assert decoded.text == RELEASE
    assert [w["code"] for w in decoded.warnings] == ["legacy_encoding"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\rb", "a\n\nb"),
        ("a\n\rb", "a\n\nb"),
        ("no breaks", "no breaks"),
    ],
    ids=["crlf", "lone-cr", "cr-cr", "lf-cr", "none"],
)
def test_readers_newlines_become_lf(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected
    assert read_text(raw.encode())[0] == expected


@pytest.mark.parametrize("where", [100, 15_000])
def test_readers_one_nul_anywhere_is_kept_and_reported(where: int) -> None:
    text = ("word " * 4000)[:where] + "\x00" + ("word " * 4000)[where:]
    kept, warnings = read_text(text.encode())
    assert kept == text
    assert [w["code"] for w in warnings] == ["control_characters"]
    assert f"at character {where}" in warnings[0]["message"]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 50,
        bytes(range(256)) * 8,
        b"text " * 100 + b"\x00\x01\x02\x03" * 100,
    ],
    ids=["png", "zip", "all-bytes", "binary-tail"],
)
def test_readers_binary_is_judged_over_the_whole_text(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_text(data)
    assert caught.value.code == "binary"


def test_readers_check_controls_counts_every_kind() -> None:
    (warning,) = check_controls("a\x00b\x07c" + "x" * 100)
    assert "2 control characters (U+0000, U+0007)" in warning["message"]


# --------------------------------------------------------------------------- Markdown

MARKDOWN = """# Acme *Water* Opens Pilot Plant in Nairobi

**NAIROBI, Kenya, March 3, 2026** -- [Acme Water Ltd.](https://acme.example) today opened a
pilot plant, said Jane Wanjiru, [Chief Executive Officer](https://acme.example/team) of Acme.

## Highlights

- 3 million litres a day
- Solar powered, see <https://acme.example/solar>

1. First phase
2. Second phase

| Site | Litres |
|------|--------|
| Nairobi | 3m |

![Acme logo](logo.png)

Contact: press@acme.example \\*not emphasis\\* &amp; more
"""


def test_readers_markdown_to_text() -> None:
    text = markdown_to_text(MARKDOWN)
    assert text.splitlines()[0] == "Acme Water Opens Pilot Plant in Nairobi"
    assert "\n\nNAIROBI, Kenya, March 3, 2026 -- Acme Water Ltd. today opened a\npilot" in text
    assert "Jane Wanjiru, Chief Executive Officer of Acme." in text
    assert "- 3 million litres a day\n- Solar powered, see https://acme.example/solar" in text
    assert "1. First phase\n2. Second phase" in text
    assert "Site | Litres\nNairobi | 3m" in text
    assert "Contact: press@acme.example *not emphasis* & more" in text
    for syntax in ("**", "](", "#", "![", "logo.png", "|---"):
        assert syntax not in text


def test_readers_markdown_front_matter_gives_the_title() -> None:
    text = markdown_to_text('---\ntitle: "Acme Opens Plant"\ndate: 2026-03-03\n---\nBody text.\n')
    assert text == "Acme Opens Plant\n\nBody text.\n"


def test_readers_markdown_file_is_read_as_its_text(tmp_path: Path) -> None:
    source = MARKDOWN.replace("of Acme.", "of Acme\u2019s caf\u00e9.")
    path = tmp_path / "release.md"
    path.write_bytes(source.replace("\n", "\r\n").encode("cp1252"))
    text, warnings = read_document(ref(path), max_chars=100_000)
    assert text == markdown_to_text(source)
    assert "Acme\u2019s caf\u00e9." in text
    assert [w["code"] for w in warnings] == ["legacy_encoding"]


# --------------------------------------------------------------------------- HTML

PAGE_BODY = (
    "<article><h1>Acme Opens Plant</h1><p>NAIROBI, Kenya, March 3, 2026 -- Acme Water Ltd. "
    "today opened a pilot plant in the city, the first of its kind in the region.</p>"
    "<p>The plant will serve three million people, officials said at the opening.</p></article>"
)


def nested(depth: int) -> str:
    return f"<html><body>{'<div>' * depth}{PAGE_BODY}{'</div>' * depth}</body></html>"


@pytest.mark.parametrize("depth", [1, 254, 300, 1500])
def test_readers_deep_html_is_read(depth: int) -> None:
    assert "Acme Water Ltd. today opened" in html_main_text(nested(depth))


def test_readers_html_deeper_than_the_parser_is_too_deep() -> None:
    with pytest.raises(InputError) as caught:
        html_main_text(nested(5000))
    assert caught.value.code == "too_deep"


def test_readers_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = nested(1).replace("<html>", '<html><head><meta charset="windows-1252"></head>')
    path = tmp_path / "page.html"
    path.write_bytes(page.replace("opened", "\u201copened\u201d").encode("cp1252"))
    text, warnings = read_document(ref(path), max_chars=100_000)
    assert "\u201copened\u201d" in text
    assert "declared" in warnings[0]["message"]


# --------------------------------------------------------------------------- corpus rows


def write_jsonl(path: Path, rows: list[object], *, raw: bytes = b"") -> Path:
    data = b"".join(json.dumps(row).encode() + b"\n" for row in rows) + raw
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def summary(items: list[Document | Unreadable]) -> list[tuple[str, str]]:
    return [
        (item.source, item.text if isinstance(item, Document) else f"!{item.code}")
        for item in items
    ]


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.jsonl.gz"])
def test_readers_jsonl_rows(tmp_path: Path, name: str) -> None:
    path = write_jsonl(
        tmp_path / name,
        [
            {"id": "a", "text": "First release.\r\nLine two."},
            {"id": 7, "text": "Second release."},
            {"text": "No id."},
            {"id": "a", "text": "Repeated id."},
            {"id": "b", "body": "no text field"},
            {"id": "c", "text": 42},
            [1, 2],
            {"id": "d", "text": ""},
        ],
        raw=b"\n{not json\n",
    )
    got = summary(documents([ref(path)]))
    p = str(path)
    assert got == [
        (f"{p}#a", "First release.\nLine two."),
        (f"{p}#7", "Second release."),
        (f"{p}:3", "No id."),
        (f"{p}:4", "Repeated id."),
        (f"{p}#b", "!bad_row"),
        (f"{p}#c", "!bad_row"),
        (f"{p}:7", "!bad_row"),
        (f"{p}#d", "!empty"),
        (f"{p}:10", "!bad_row"),
    ]
    assert count_inputs([ref(path)]) == len(got)


def test_readers_jsonl_joins_text_fields_and_skips_sources(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "reuters.jsonl",
        [
            {"id": 1, "dateline": "SALVADOR, Feb 26 -", "body": "Showers continued."},
            {"id": 2, "dateline": None, "body": "No dateline."},
            {"id": 3, "dateline": "LONDON, March 2 -", "body": "Skipped."},
        ],
    )
    fields = RowFields(text=("dateline", "body"))
    skip = {f"{path}#3"}.__contains__
    got = summary(documents([ref(path)], fields=fields, skip=skip))
    assert got == [
        (f"{path}#1", "SALVADOR, Feb 26 - Showers continued."),
        (f"{path}#2", "No dateline."),
    ]


def test_readers_jsonl_oddities(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8
        + b'{"id": "bom", "text": "After a BOM."}\n'
        + b'{"id": "latin", "text": "Caf\xe9 bad byte."}\n'
        + b'{"id": "surrogate", "text": "Lone \\ud800 surrogate."}\n'
        + b"\n\n"
        + b'{"id": "torn", "text": "no newline at the end"}'
    )
    items = documents([ref(path)])
    assert [item.source.split("#")[1] for item in items] == ["bom", "latin", "surrogate", "torn"]
    assert isinstance(items[1], Document) and items[1].text == "Caf\ufffd bad byte."
    assert [w["code"] for w in items[1].warnings] == ["invalid_utf8"]
    assert isinstance(items[2], Document) and items[2].text == "Lone \ufffd surrogate."
    assert [w["code"] for w in items[2].warnings] == ["replaced_characters"]


def test_readers_empty_and_truncated_corpus_give_a_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(b'{"id": "a", "text": "One."}\n' * 50)[:-20])
    got = summary(documents([ref(empty), ref(broken)]))
    assert got[0] == (str(empty), "!empty")
    assert got[-1][1] == "!unreadable"
    assert all(text == "One." for _, text in got[1:-1])


CSV = (
    'id,title,text\r\n1,First,"Multi-line\r\nrelease, with ""quotes""."\r\n'
    ",No id,Second release.\r\n3,Short\r\n"
)


def test_readers_csv_rows(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_bytes(CSV.encode("cp1252"))
    got = summary(documents([ref(path)]))
    assert got == [
        (f"{path}#1", 'Multi-line\nrelease, with "quotes".'),
        (f"{path}:4", "Second release."),
        (f"{path}#3", "!bad_row"),
    ]
    assert count_inputs([ref(path)]) == 3


def test_readers_csv_legacy_encoding_and_missing_column(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.csv.gz"
    legacy.write_bytes(gzip.compress("id,text\n1,\u201cQuoted\u201d caf\u00e9.\n".encode("cp1252")))
    (item,) = documents([ref(legacy)])
    assert isinstance(item, Document) and item.text == "\u201cQuoted\u201d caf\u00e9."
    assert [w["code"] for w in item.warnings] == ["legacy_encoding"]
    other = tmp_path / "other.csv"
    other.write_text("id,body\n1,x\n2,y\n", encoding="utf-8")
    (failure,) = documents([ref(other)])
    assert isinstance(failure, Unreadable)
    assert (failure.source, failure.code) == (str(other), "bad_row")
    assert "no column 'text'" in failure.message


def test_readers_corpus_rows_over_max_chars(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", [{"id": "x", "text": "y" * 101}])
    (item,) = documents([ref(path)], max_chars=100)
    assert isinstance(item, Unreadable) and item.code == "too_large"


# --------------------------------------------------------------------------- paths


def bytes_name(folder: Path, name: bytes) -> Path:
    return Path(os.fsdecode(os.fsencode(folder) + b"/" + name))


def test_readers_non_utf8_file_name_is_escaped(tmp_path: Path) -> None:
    path = bytes_name(tmp_path, b"caf\xe9.txt")
    path.write_bytes(RELEASE.encode())
    (found,) = collect_inputs([str(tmp_path)])
    assert found.source == f"{tmp_path}/caf\\xe9.txt"
    found.source.encode("utf-8")  # valid text for the output
    (item,) = documents([found])
    assert isinstance(item, Document) and item.text == RELEASE


def test_readers_file_list_keeps_any_bytes(tmp_path: Path) -> None:
    path = bytes_name(tmp_path, b"r\xe9sum\xe9.txt")
    path.write_bytes(RELEASE.encode())
    names = read_file_list(io.BytesIO(os.fsencode(path) + b"\r\n\n  \n"))
    assert names == [str(path)]
    (found,) = collect_inputs(names)
    assert found.path == path and "\\xe9" in found.source


def symlinked(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "sub" / "b.md").write_text(RELEASE, encoding="utf-8")
    (folder / "self.txt").symlink_to("self.txt")  # a loop of its own
    (folder / "sub" / "up").symlink_to("..")  # a loop through a parent folder
    (folder / "gone.txt").symlink_to("missing.txt")
    (folder / "linked.txt").symlink_to("a.txt")
    return folder


def test_readers_symlink_loops_become_error_lines(tmp_path: Path) -> None:
    folder = symlinked(tmp_path)
    got = [
        (Path(r.source).relative_to(folder).as_posix(), r.problem)
        for r in collect_inputs([str(folder)])
    ]
    names = [name for name, _ in got]
    assert names == ["a.txt", "gone.txt", "linked.txt", "self.txt", "sub/b.md", "sub/up"]
    problems = {name: problem[0] for name, problem in got if problem}
    assert problems == {
        "gone.txt": "unreadable",
        "self.txt": "symlink_loop",
        "sub/up": "symlink_loop",
    }
    items = documents(collect_inputs([str(folder)]))
    assert [item.code for item in items if isinstance(item, Unreadable)] == [
        "unreadable",
        "symlink_loop",
        "symlink_loop",
    ]


def test_readers_named_symlink_loop_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(UsageError, match="symbolic link loop"):
        collect_inputs([str(tmp_path / "loop.txt")])


def test_readers_corpus_files_are_read_when_named_not_found(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "rows.jsonl", [{"id": "a", "text": "x"}])
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert [Path(r.source).name for r in collect_inputs([str(tmp_path)])] == ["a.txt"]
    (named,) = collect_inputs([str(tmp_path / "rows.jsonl")])
    assert named.is_corpus


def test_readers_stdin_only_once() -> None:
    with pytest.raises(UsageError, match="only once"):
        collect_inputs(["-", "-"])
