"""The HTML report: highlights at the record's spans, escaping, safe file names, overview links.

Batch lines are built by hand here (no model); one CLI test at the end runs ``extract --report``.
"""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from extractor.report import (
    BatchEntry,
    PageText,
    page_name,
    page_text,
    parse_lines,
    read_batch_file,
    release_page,
    write_report,
)
from extractor.report import overview as ov
from extractor.report.highlight import (
    Annotation,
    locate_title,
    record_annotations,
    render_text,
)

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'&'

TEXT = (
    "Acme Water Opens Pilot Plant in Nairobi\n\n"
    "NAIROBI, Kenya, March 3, 2026 /PRNewswire/ -- Acme Water Ltd. opened a pilot plant. "
    '"Clean water from Acme Water should not be a luxury," said Jane Wanjiru, Chief Executive '
    "Officer of Acme Water. Partners in Kenya, Uganda and Tanzania (three countries) joined "
    'the "Water for All" programme. See https://example.com/pilot or write to '
    "press@example.com.\n\nMedia contact: Tom Otieno, press@example.com\n"
)


def at(text: str, needle: str, nth: int = 0) -> dict[str, int]:
    """The span of the nth occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle)}


def make_record(text: str = TEXT) -> dict[str, Any]:
    """A full record over TEXT with every kind of span, nested and overlapping."""
    quote = at(text, "Clean water from Acme Water should not be a luxury,")
    return {
        "schema_version": "1.0",
        "source": "ex.txt",
        "title": "Acme Water Opens Pilot Plant in Nairobi",
        "dateline": {
            "text": "NAIROBI, Kenya, March 3, 2026 /PRNewswire/ --",
            "span": at(text, "NAIROBI, Kenya, March 3, 2026 /PRNewswire/ --"),
            "city": "NAIROBI",
            "region": "Kenya",
            "country": "KE",
            "date": "2026-03-03",
            "date_precision": "day",
            "wire": "PRNewswire",
        },
        "organizations": [
            {
                "id": "org-1",
                "name": "Acme Water Ltd.",
                "acronym": None,
                "aliases": ["Acme Water"],
                "kind": "company",
                "mentions": [
                    at(text, "Acme Water Ltd."),
                    at(text, "Acme Water", 2),  # inside the quote
                    at(text, "Acme Water", 3),  # inside the person's title
                ],
            }
        ],
        "people": [
            {
                "id": "per-1",
                "name": "Jane Wanjiru",
                "honorific": None,
                "title": "Chief Executive Officer",
                "organization": "Acme Water",
                "organization_id": "org-1",
                "mentions": [at(text, "Jane Wanjiru")],
            }
        ],
        "quotes": [
            {
                "id": "q-1",
                "text": text[quote["start"] : quote["end"]],
                "span": quote,
                "speaker": "Jane Wanjiru",
                "speaker_id": "per-1",
                "cue": "said",
                "attribution": "explicit",
            }
        ],
        "works": [{"text": "Water for All", "span": at(text, "Water for All")}],
        "countries": [
            {
                "name": "Kenya",
                "iso2": "KE",
                "iso3": "KEN",
                "mentions": [at(text, "Kenya"), at(text, "Kenya", 1)],
            },
            {"name": "Uganda", "iso2": "UG", "iso3": "UGA", "mentions": [at(text, "Uganda")]},
            {
                "name": "Tanzania, United Republic of",
                "iso2": "TZ",
                "iso3": "TZA",
                "mentions": [at(text, "Tanzania")],
            },
        ],
        "country_lists": [
            {
                "label": None,
                "countries": ["KE", "UG", "TZ"],
                "stated_count": 3,
                "span": at(text, "Kenya, Uganda and Tanzania"),
            }
        ],
        "urls": [
            {"url": "https://example.com/pilot", "span": at(text, "https://example.com/pilot")}
        ],
        "emails": [
            {"email": "press@example.com", "span": at(text, "press@example.com")},
            {"email": "press@example.com", "span": at(text, "press@example.com", 1)},
        ],
        "contacts": [
            {
                "name": "Tom Otieno",
                "email": "press@example.com",
                "span": at(text, "Tom Otieno, press@example.com"),
            }
        ],
        "warnings": [],
    }


def ok_line(record: dict[str, Any], text: str | None = TEXT, source: str | None = "ex.txt") -> str:
    line: dict[str, Any] = {"source": source, "ok": True, "record": record}
    if text is not None:
        line["text"] = text
    return json.dumps(line)


def error_line(source: str | None, kind: str, message: str) -> str:
    return json.dumps({"source": source, "ok": False, "error": {"type": kind, "message": message}})


def entry_of(record: dict[str, Any], text: str | None = TEXT, source: str = "ex.txt") -> BatchEntry:
    return parse_lines([ok_line(record, text, source)])[0]


def page_of(record: dict[str, Any], text: str = TEXT) -> str:
    return release_page(entry_of(record, text), PageText(text, "line", "from the line"))


class _TextMarks(HTMLParser):
    """Reads the highlighted text of a page: its characters and each mark's offsets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.chars: list[str] = []
        self.position = 0
        self.open: list[tuple[dict[str, str], int]] = []
        self.marks: list[tuple[dict[str, str], int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "div" and values.get("id") == "text":
            self.inside = True
        elif self.inside and tag == "mark":
            self.open.append((values, self.position))

    def handle_endtag(self, tag: str) -> None:
        if self.inside and tag == "mark":
            values, start = self.open.pop()
            self.marks.append((values, start, self.position))
        elif tag == "div":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.chars.append(data)
            self.position += len(data)


def highlighted(html: str) -> tuple[str, set[tuple[str, str, int, int]]]:
    """The page's text and its highlights as (field, key, start, end), continued pieces joined."""
    parser = _TextMarks()
    parser.feed(html)
    assert not parser.open, "unclosed <mark>"
    joined: dict[tuple[str, str], list[list[int]]] = {}
    for values, start, end in sorted(parser.marks, key=lambda mark: (mark[1], -mark[2])):
        classes = values["class"].split()
        field = next(c[2:] for c in classes if c.startswith("f-"))
        spans = joined.setdefault((field, values.get("data-k", "")), [])
        if "c" in classes:
            assert spans and spans[-1][1] == start, f"continued piece {start} has no head"
            spans[-1][1] = end
        else:
            spans.append([start, end])
    found = {(f, k, s, e) for (f, k), spans in joined.items() for s, e in spans}
    return "".join(parser.chars), found


def expected_spans(record: dict[str, Any]) -> set[tuple[str, str, int, int]]:
    """Every span of a record as (field, key, start, end), as the page should show it."""
    want = set()
    span = record["dateline"]["span"]
    want.add(("dateline", "dateline", span["start"], span["end"]))
    for field, name in (("person", "people"), ("org", "organizations")):
        for item in record[name]:
            want |= {(field, item["id"], m["start"], m["end"]) for m in item["mentions"]}
    for quote in record["quotes"]:
        want.add(("quote", quote["id"], quote["span"]["start"], quote["span"]["end"]))
    for country in record["countries"]:
        key = f"c-{country['iso2']}"
        want |= {("country", key, m["start"], m["end"]) for m in country["mentions"]}
    for field, name, prefix in (
        ("work", "works", "w"),
        ("clist", "country_lists", "cl"),
        ("link", "urls", "u"),
        ("link", "emails", "e"),
        ("contact", "contacts", "ct"),
    ):
        for number, item in enumerate(record[name], 1):
            want.add((field, f"{prefix}-{number}", item["span"]["start"], item["span"]["end"]))
    return want


# ---- highlighting ----


def test_report_every_span_of_the_record_is_highlighted_at_its_offsets() -> None:
    record = make_record()
    text, found = highlighted(page_of(record))
    assert text == TEXT
    want = expected_spans(record)
    assert want <= found, f"not highlighted: {sorted(want - found)}"
    assert {item for item in found if item[0] != "title"} == want


def test_report_title_is_found_next_to_its_person() -> None:
    record = make_record()
    _, found = highlighted(page_of(record))
    span = at(TEXT, "Chief Executive Officer")
    assert ("title", "per-1", span["start"], span["end"]) in found


@pytest.mark.parametrize(
    ("text", "title", "mention", "expected"),
    [
        ("CEO Ann Lee said. Later, the CEO left.", "CEO", "Ann Lee", 0),  # nearest wins
        ("Ann Lee, the CEO, said.", "CEO", "Ann Lee", 13),
        ("Ann Lee said." + " " * 400 + "CEO", "CEO", "Ann Lee", None),  # too far away
        ("Ann Lee said.", "", "Ann Lee", None),
    ],
)
def test_report_locate_title(text: str, title: str, mention: str, expected: int | None) -> None:
    start = text.index(mention)
    found = locate_title(text, title, [(start, start + len(mention))])
    assert (found[0] if found else None) == expected


def test_report_random_overlapping_spans_nest_and_keep_their_offsets() -> None:
    generator = random.Random(20260301)
    text = "".join(generator.choice("ab <&>\"'\n") for _ in range(120))
    fields = ["quote", "person", "org", "country", "title", "link", "clist"]
    for _ in range(200):
        annotations = []
        for number in range(generator.randint(1, 12)):
            start = generator.randrange(0, len(text) - 1)
            end = generator.randint(start + 1, len(text))
            annotations.append(Annotation(start, end, generator.choice(fields), f"k{number}"))
        html = f'<div class="text" id="text">{render_text(text, annotations)}</div>'
        shown, found = highlighted(html)
        assert shown == text
        assert found == {(a.field, a.key, a.start, a.end) for a in annotations}


def test_report_quote_is_linked_to_its_speaker() -> None:
    html = page_of(make_record())
    quote = re.search(r'<mark class="f-quote"[^>]*>', html)
    assert quote and 'data-k="q-1"' in quote.group(0) and 'data-s="per-1"' in quote.group(0)
    assert re.search(r'<mark class="f-person" data-k="per-1"[^>]*id="m-person-per-1"', html)
    assert re.search(r'<li class="item" data-k="q-1" data-s="per-1">', html)
    assert 'href="#m-person-per-1"' in html  # the quote's speaker links to their first mention
    assert 'href="#m-org-org-1"' in html  # the person's affiliation links to the organisation


def test_report_legend_counts_per_field() -> None:
    html = page_of(make_record())
    legend = dict(re.findall(r'id="show-(\w+)" checked[^>]*>.*?<span class="n">(\d+)</span>', html))
    assert legend["person"] == "1" and legend["org"] == "3" and legend["country"] == "4"
    assert legend["link"] == "3" and legend["quote"] == "1" and legend["title"] == "1"


def test_report_spans_outside_the_text_are_listed_not_fatal() -> None:
    record = make_record()
    record["people"][0]["mentions"].append({"start": len(TEXT) - 2, "end": len(TEXT) + 40})
    record["organizations"][0]["mentions"].append({"start": 5, "end": 5})
    record["urls"][0]["span"] = {"start": "x", "end": None}
    _, problems = record_annotations(record, len(TEXT))
    assert len(problems) == 3
    html = page_of(record)
    assert 'id="span-problems"' in html
    assert "outside the text" in html and "empty" in html and "malformed" in html
    _, found = highlighted(html)
    assert ("person", "per-1", len(TEXT) - 2, len(TEXT) + 40) not in found


def test_report_text_that_does_not_match_the_record_is_flagged() -> None:
    record = make_record()
    changed = TEXT.replace("Clean water", "Dirty water")
    html = release_page(entry_of(record, changed), PageText(changed, "file", "re-read"))
    assert 'id="mismatches"' in html and "quote q-1" in html


# ---- escaping ----


def test_report_hostile_text_and_fields_are_escaped() -> None:
    text = f"{HOSTILE}\n\nSPRINGFIELD -- {HOSTILE} said Ann {HOSTILE}.\n"
    record = {
        "title": HOSTILE,
        "dateline": {"text": "SPRINGFIELD --", "span": at(text, "SPRINGFIELD --"), "city": HOSTILE},
        "people": [
            {
                "id": f"per-1{HOSTILE}",
                "name": HOSTILE,
                "title": HOSTILE,
                "mentions": [at(text, "Ann")],
            }
        ],
        "organizations": [{"id": "org-1", "name": HOSTILE, "aliases": [HOSTILE], "mentions": []}],
        "quotes": [
            {"id": "q-1", "text": HOSTILE, "span": at(text, HOSTILE, 1), "speaker": HOSTILE}
        ],
        "urls": [{"url": "javascript:alert(1)", "span": at(text, "Ann")}],
        "warnings": [{"code": HOSTILE, "message": HOSTILE}],
    }
    lines = [ok_line(record, text, source=HOSTILE), error_line(HOSTILE, HOSTILE, HOSTILE)]
    entries = parse_lines(lines)
    pages = {"release": release_page(entries[0], page_text(entries[0]))}
    pages["overview"] = ov_page(entries)
    for name, html in pages.items():
        assert html.count("<script") == 1, name  # only the page's own script
        assert "<img" not in html and "onerror=alert" not in html.replace(
            "onerror=alert(1)&gt;", ""
        )
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html, name
        assert 'href="javascript:' not in html, name
    shown, _ = highlighted(pages["release"])
    assert shown == text


def ov_page(entries: list[BatchEntry]) -> str:
    from extractor.report import overview_page

    pages = {entry.number: f"releases/{page_name(entry.number, entry.source)}" for entry in entries}
    return overview_page(entries, pages, title=HOSTILE)


def test_report_pages_load_nothing_from_the_network() -> None:
    html = page_of(make_record())
    assert re.search(
        r"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'", html
    )
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"\ssrc=", html)
    external = re.findall(r'href="(https?://[^"]*)"', html)
    assert external == ["https://example.com/pilot"]  # the release's own URL, a plain link
    assert 'rel="noopener noreferrer"' in html


# ---- file names and the folder ----


@pytest.mark.parametrize(
    ("number", "source", "expected"),
    [
        (1, "samples/wire_launch.txt", "0001-wire_launch.html"),
        (2, "../../x", "0002-x.html"),
        (3, "..", "0003-release.html"),
        (4, None, "0004-release.html"),
        (5, "C:\\evil\\..\\x y.HTM", "0005-x-y.html"),
        (6, ".hidden", "0006-hidden.html"),
        (12345, "a/b/", "12345-release.html"),
        (7, "nw-247PressRelease-000", "0007-nw-247PressRelease-000.html"),
    ],
)
def test_report_page_name(number: int, source: str | None, expected: str) -> None:
    assert page_name(number, source) == expected


def test_report_hostile_sources_never_write_outside_the_folder(tmp_path: Path) -> None:
    sources = ["../../x", "a" * 300, "", None, "/etc/passwd", "..", "a/b/../../../c.txt"]
    sources += ["x.txt", "x.txt", "con", "\u00e9\u00e8/\u202e.txt", "x" + "/" * 50]
    lines = [ok_line(make_record(), TEXT, source) for source in sources]
    folder = tmp_path / "deep" / "report"
    result = write_report(parse_lines(lines), folder)
    written = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert all(p.resolve().is_relative_to(folder.resolve()) for p in written)
    pages = sorted((folder / "releases").iterdir())
    assert result.pages == len(pages) == len(sources)
    assert all(re.fullmatch(r"\d{4}-[A-Za-z0-9._-]{1,60}\.html", p.name) for p in pages)
    assert len(written) == len(sources) + 1  # the pages and index.html, nothing else


def test_report_overview_links_to_every_release_page(tmp_path: Path) -> None:
    lines = [
        ok_line(make_record(), TEXT, "a/one.txt"),
        error_line("a/empty.txt", "empty", "the release is empty (no visible characters)"),
        ok_line(make_record(), TEXT, "b/one.txt"),
        error_line("a/bin.txt", "binary", "the input looks binary"),
        error_line("a/bin2.txt", "binary", "the input looks binary"),
        ok_line(make_record(), TEXT, "c.html"),
    ]
    folder = tmp_path / "report"
    write_report(parse_lines(lines), folder)
    index = (folder / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'href="(releases/[^"]+)"', index))
    files = {f"releases/{p.name}" for p in (folder / "releases").iterdir()}
    assert links == files and len(files) == 3
    for page in files:
        html = (folder / page).read_text(encoding="utf-8")
        assert 'href="../index.html"' in html
        assert html.count("<mark") > 10
    failed = re.search(r'<ul id="failed-by-type">(.*?)</ul>', index, re.S)
    assert failed and re.findall(r"(\d+) <span[^>]*>(\w+)</span>", failed.group(1)) == [
        ("2", "binary"),
        ("1", "empty"),
    ]
    assert 'id="fail-2"' in index and "the release is empty (no visible characters)" in index
    assert index.count("<tr data-s=") == 6


def test_report_templates_are_package_data() -> None:
    templates = resources.files("extractor.report") / "templates"
    names = {item.name for item in templates.iterdir()}
    assert {"base.html.j2", "release.html.j2", "overview.html.j2", "report.css"} <= names
    assert {"release.js", "overview.js"} <= names


# ---- where the text comes from ----


def test_report_rereads_the_source_when_the_line_has_no_text(tmp_path: Path) -> None:
    source = tmp_path / "ex.txt"
    source.write_text(TEXT, encoding="utf-8")
    entry = entry_of(make_record(), text=None, source=str(source))
    got = page_text(entry)
    assert got.origin == "file" and got.text == TEXT
    html = release_page(entry, got)
    assert "re-read from the source file" in html
    shown, found = highlighted(html)
    assert shown == TEXT and expected_spans(make_record()) <= found


@pytest.mark.parametrize("source", ["missing/nowhere.txt", "-", None])
def test_report_says_why_there_is_no_text(source: str | None) -> None:
    entry = parse_lines([ok_line(make_record(), text=None, source=source)])[0]
    got = page_text(entry)
    assert got.text is None
    html = release_page(entry, got)
    assert 'id="no-text"' in html and "--include-text" in html
    assert "<mark" not in html
    assert "Jane Wanjiru" in html  # the record is still shown


# ---- tolerant reading ----


def test_report_malformed_lines_and_fields_do_not_crash(tmp_path: Path) -> None:
    odd_record = {
        "title": 42,
        "dateline": "Nairobi",
        "people": "nobody",
        "organizations": [
            None,
            {"id": "org-1", "aliases": "ACME"},
            {"mentions": [{"start": "a", "end": 2}]},
        ],
        "quotes": [{"span": {"start": 0, "end": 3}, "speaker_id": "per-9"}],
        "countries": [{"iso2": None, "mentions": None}, {"iso2": "KE", "mentions": "Kenya"}],
        "country_lists": [{"countries": [1, "KE"], "stated_count": "three", "span": None}],
        "urls": [{}],
        "future_field": {"anything": True},
    }
    lines = [
        "not json",
        "[1, 2]",
        '{"ok": true}',
        "",
        json.dumps(
            {"source": "x", "ok": True, "record": odd_record, "text": "abc def", "extra": 1}
        ),
        json.dumps({"source": 7, "ok": False}),
    ]
    entries = parse_lines(lines)
    assert [(e.number, e.ok, e.error_type) for e in entries] == [
        (1, False, "invalid_line"),
        (2, False, "invalid_line"),
        (3, False, "invalid_line"),
        (5, True, ""),
        (6, False, "unknown"),
    ]
    write_report(entries, tmp_path / "r")
    page = (tmp_path / "r" / "releases" / "0005-x.html").read_text(encoding="utf-8")
    assert 'data-k="q-1"' not in page and '<mark class="f-quote"' in page
    # the org mention {"start": "a"}, the country list and the URL without span; the string
    # "Kenya" given as mentions is no list of spans (not five malformed characters)
    assert page.count("malformed span") == 3


def test_report_read_batch_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(ok_line(make_record()) + "\n\n" + error_line("b", "empty", "m") + "\n")
    entries = read_batch_file(path)
    assert [(e.number, e.ok, e.source) for e in entries] == [(1, True, "ex.txt"), (3, False, "b")]
    assert entries[0].text == TEXT


# ---- overview figures ----


def _dated(date: str | None, **extra: Any) -> BatchEntry:
    record = {"dateline": {"text": "X --", "span": {"start": 0, "end": 4}, "date": date}, **extra}
    return BatchEntry(number=1, source="s", ok=True, record=record)


def test_report_top_lists_count_quotes_and_releases() -> None:
    people = [{"id": "per-1", "name": "Ann Lee"}, {"id": "per-2", "name": "ann  lee"}]
    quotes = [{"speaker": "Ann Lee"}, {"speaker": "Ann Lee"}, {"speaker": None}]
    entries = [_dated(None, people=people, quotes=quotes), _dated(None, people=people[:1])]
    assert [(r.name, r.count) for r in ov.top_speakers(entries)] == [("Ann Lee", 2)]
    assert [(r.name, r.count) for r in ov.top_people(entries)] == [("Ann Lee", 2)]


@pytest.mark.parametrize(
    ("dates", "unit", "labels", "counts"),
    [
        (["2025-01-05", "2025-03", "2025"], "month", ["2025-01", "2025-02", "2025-03"], [1, 0, 1]),
        (["2019-05-01", "2021", "2024-02"], "year", [str(y) for y in range(2019, 2025)],
         [1, 0, 1, 0, 0, 1]),
        (["1000", "1500"], "10-year", None, None),
        (["2025-13", "not a date", None], "year", [], []),
    ],
)  # fmt: skip
def test_report_timeline_buckets(
    dates: list[str | None], unit: str, labels: list[str] | None, counts: list[int] | None
) -> None:
    line = ov.timeline([_dated(date) for date in dates])
    assert line.unit == unit
    assert len(line.bars) <= ov.MAX_BARS
    if labels is not None:
        assert [bar.label for bar in line.bars] == labels
        assert [bar.count for bar in line.bars] == counts
    assert line.dated + line.undated == len(dates)


# ---- command line ----


def test_cli_report_writes_the_folder(tmp_path: Path) -> None:
    batch = tmp_path / "out.jsonl"
    batch.write_text(ok_line(make_record()) + "\n" + error_line("b.txt", "empty", "m") + "\n")
    result = CliRunner().invoke(
        app, ["report", str(batch), "-o", str(tmp_path / "rep"), "--title", "My batch"]
    )
    assert result.exit_code == 0, result.stderr
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert "<title>My batch</title>" in index
    assert (tmp_path / "rep" / "releases" / "0001-ex.html").is_file()
    assert "1 release pages" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "missing.jsonl"], "no such file"),
        (["report", "{batch}", "-o", "{tmp}/no/such/folder"], "does not exist"),
        (["report", "{batch}", "-o", "{batch}"], "names a file"),
    ],
)
def test_cli_report_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    batch = tmp_path / "out.jsonl"
    batch.write_text(ok_line(make_record()) + "\n")
    args = [a.format(batch=batch, tmp=tmp_path) for a in args]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.model
@pytest.mark.parametrize("to_file", [True, False])
def test_cli_extract_with_report(tmp_path: Path, samples_dir: Path, to_file: bool) -> None:
    sample = samples_dir / "wire_launch.txt"
    args = ["extract", str(sample), "--report", str(tmp_path / "rep")]
    if to_file:
        args += ["-o", str(tmp_path / "out.jsonl")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    record = json.loads(
        (tmp_path / "out.jsonl").read_text(encoding="utf-8") if to_file else result.stdout
    )["record"]
    page = tmp_path / "rep" / "releases" / "0001-wire_launch.html"
    html = page.read_text(encoding="utf-8")
    assert "re-read from the source file" in html  # no --include-text: the file was re-read
    _, found = highlighted(html)
    for quote in record["quotes"]:
        assert ("quote", quote["id"], quote["span"]["start"], quote["span"]["end"]) in found
    for person in record["people"]:
        for mention in person["mentions"]:
            assert ("person", person["id"], mention["start"], mention["end"]) in found
    assert 'href="releases/0001-wire_launch.html"' in (tmp_path / "rep" / "index.html").read_text()
