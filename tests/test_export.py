"""Export of batch output: SQLite tables (keys, FTS5, upserts) and Parquet files.

Batch lines are built by hand from the output models (no spaCy model needed); one test runs
``extract --sqlite`` over ``samples/``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlite_utils import Database
from typer.testing import CliRunner, Result

from cli import app
from extractor.batch import to_json_line
from extractor.export import (
    TABLE_NAMES,
    TABLES,
    ExportError,
    LineError,
    Outcome,
    ParquetSink,
    SqliteSink,
    arrow_schema,
    export_lines,
    release_key,
    rows_for_line,
)
from extractor.models import (
    BatchFailure,
    BatchSuccess,
    Contact,
    Country,
    CountryList,
    Dateline,
    Email,
    ErrorInfo,
    Organization,
    Person,
    PressRelease,
    Quote,
    TextSpan,
    Url,
    Warning,
    Work,
)

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SPAN_FIELDS = ("quotes", "works", "country_lists", "urls", "emails", "contacts")
MENTION_FIELDS = ("organizations", "people", "countries")
LIST_FIELDS = (
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


def span(start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end)


def rich_record(
    source: str | None, quote: str = "Clean water should not be a luxury"
) -> PressRelease:
    """A record with every field filled, written by hand (offsets need not index a real text)."""
    return PressRelease(
        source=source,
        title="Acme Water Opens Pilot Plant in Nairobi",
        dateline=Dateline(
            text="NAIROBI, Kenya, March 3, 2026 /PRNewswire/ --",
            span=span(41, 86),
            city="NAIROBI",
            region="Kenya",
            country="KE",
            date="2026-03-03",
            date_precision="day",
            wire="PRNewswire",
        ),
        organizations=[
            Organization(
                id="org-1",
                name="Acme Water Ltd.",
                aliases=["Acme Water", "Acme"],
                kind="company",
                mentions=[span(87, 102), span(300, 310)],
            ),
            Organization(
                id="org-2",
                name="Kenya Water Board",
                acronym="KWB",
                aliases=["KWB"],
                kind="government",
                mentions=[span(400, 417)],
            ),
        ],
        people=[
            Person(
                id="per-1",
                name="Jane Wanjiru",
                title="Chief Executive Officer",
                organization="Acme Water",
                organization_id="org-1",
                mentions=[span(200, 212), span(500, 508)],
            ),
            Person(id="per-2", name="Tom Otieno", honorific="Mr.", mentions=[span(600, 610)]),
        ],
        quotes=[
            Quote(
                id="q-1",
                text=quote,
                span=span(150, 150 + len(quote)),
                speaker="Jane Wanjiru",
                speaker_id="per-1",
                cue="said",
                attribution="explicit",
            ),
            Quote(
                id="q-2",
                text="We welcome the plant",
                span=span(420, 440),
                speaker="Kenya Water Board",
                speaker_id="org-2",
                cue="said",
                attribution="explicit",
            ),
            Quote(id="q-3", text="water for all", span=span(700, 713)),
        ],
        works=[Work(text="Water for Tomorrow", span=span(720, 738))],
        countries=[
            Country(name="Kenya", iso2="KE", iso3="KEN", mentions=[span(50, 55), span(800, 805)]),
            Country(name="Uganda", iso2="UG", iso3="UGA", mentions=[span(810, 816)]),
        ],
        country_lists=[
            CountryList(
                label="East Africa", countries=["KE", "UG"], stated_count=2, span=span(800, 827)
            )
        ],
        urls=[
            Url(
                url="https://example.com/pilot",
                href="https://example.com/pilot",
                span=span(900, 925),
            )
        ],
        emails=[Email(email="press@example.com", span=span(930, 947))],
        contacts=[
            Contact(
                name="Tom Otieno", email="press@example.com", person_id="per-2", span=span(950, 990)
            )
        ],
        warnings=[Warning(code="date_without_year", message="the dateline date has no year")],
    )


def success(source: str | None, **kwargs: Any) -> dict[str, Any]:
    """A batch line for a successful input, exactly as ``extract`` writes it."""
    text = kwargs.pop("text", None)
    line = BatchSuccess(source=source, record=rich_record(source, **kwargs), text=text)
    return json.loads(to_json_line(line))


def failure(source: str | None, kind: str = "empty", message: str = "the release is empty") -> dict:
    line = BatchFailure(source=source, error=ErrorInfo(type=kind, message=message))
    return json.loads(to_json_line(line))


def key_of(line: dict[str, Any]) -> str:
    return rows_for_line(line)["releases"][0]["release_id"]


def expected_counts(lines: list[dict[str, Any]]) -> dict[str, int]:
    """Rows each table must hold, counted from the JSON lines alone (last line per key wins)."""
    by_key = {key_of(line): line for line in lines}
    counts: Counter[str] = Counter({name: 0 for name in TABLE_NAMES})
    for line in by_key.values():
        counts["releases"] += 1
        if not line["ok"]:
            counts["errors"] += 1
            continue
        record = line["record"]
        for field in LIST_FIELDS:
            counts[field] += len(record[field])
        counts["mentions"] += sum(len(i["mentions"]) for f in MENTION_FIELDS for i in record[f])
        counts["mentions"] += sum(len(record[f]) for f in SPAN_FIELDS)
        counts["mentions"] += 1 if record["dateline"] else 0
    return dict(counts)


def db_counts(path: Path) -> dict[str, int]:
    db = Database(path)
    try:
        return {name: db[name].count for name in TABLE_NAMES}
    finally:
        db.close()


def dump(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def write_jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return path


def invoke(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture
def lines() -> list[dict[str, Any]]:
    return [
        success("a.txt"),
        success("b.txt", quote="Every drop counts, said nobody in particular"),
        failure("c.txt"),
        success(None, text="NAIROBI, Kenya - a release read from standard input."),
    ]


def export_sqlite(path: Path, lines: list[dict[str, Any]]) -> list[Outcome]:
    with SqliteSink(path) as sink:
        return [sink.add(line) for line in lines]


# --- rows (pure) -------------------------------------------------------------------------


def test_export_rows_one_row_per_item_and_every_span_a_mention() -> None:
    line = success("a.txt")
    rows = rows_for_line(line)
    assert {name: len(rows[name]) for name in TABLE_NAMES} == expected_counts([line])
    assert [r["id"] for r in rows["organizations"]] == ["org-1", "org-2"]
    assert [r["id"] for r in rows["country_lists"]] == ["list-1"]
    assert rows["organizations"][0]["aliases"] == ["Acme Water", "Acme"]
    mention_keys = [(m["item_id"], m["n"]) for m in rows["mentions"]]
    assert len(mention_keys) == len(set(mention_keys))
    assert ("dateline", 1) in mention_keys
    assert ("org-1", 2) in mention_keys


def test_export_rows_speaker_and_affiliation_references() -> None:
    quotes = {q["id"]: q for q in rows_for_line(success("a.txt"))["quotes"]}
    assert (quotes["q-1"]["speaker_person_id"], quotes["q-1"]["speaker_org_id"]) == ("per-1", None)
    assert (quotes["q-2"]["speaker_person_id"], quotes["q-2"]["speaker_org_id"]) == (None, "org-2")
    assert quotes["q-3"]["speaker_id"] is None
    people = rows_for_line(success("a.txt"))["people"]
    assert [p["organization_id"] for p in people] == ["org-1", None]


def test_export_rows_dangling_reference_is_null_record_keeps_it() -> None:
    line = success("a.txt")
    line["record"]["people"][0]["organization_id"] = "org-9"
    line["record"]["quotes"][0]["speaker_id"] = "per-9"
    rows = rows_for_line(line)
    assert rows["people"][0]["organization_id"] is None
    assert rows["quotes"][0]["speaker_id"] == "per-9"
    assert rows["quotes"][0]["speaker_person_id"] is None
    assert json.loads(rows["releases"][0]["record"])["people"][0]["organization_id"] == "org-9"


@pytest.mark.parametrize(
    ("source", "keyed_by_content"),
    [("a.txt", False), ("dir/a b.txt", False), (None, True), ("", True), ("-", True)],
)
def test_export_release_key_rule(source: str | None, keyed_by_content: bool) -> None:
    line = success(source)
    key = key_of(line)
    if keyed_by_content:
        assert key.startswith("sha256:") and len(key) == len("sha256:") + 16
        assert key_of(json.loads(json.dumps(line))) == key  # stable
        assert key_of(success(source, quote="another quote")) != key  # content-addressed
    else:
        assert key == source
    assert release_key("x.txt", "0" * 64) == "x.txt"


def test_export_rows_tolerate_missing_optional_and_extra_fields() -> None:
    line = {"source": "min.txt", "ok": True, "record": {"people": [{"name": "A B"}]}, "x": 1}
    line["record"]["future_field"] = {"anything": [1, 2]}
    rows = rows_for_line(line)
    assert rows["people"] == [
        {
            "release_id": "min.txt",
            "id": "per-1",
            "position": 1,
            "name": "A B",
            "honorific": None,
            "title": None,
            "organization": None,
            "organization_id": None,
            "n_mentions": 0,
        }
    ]
    release = rows["releases"][0]
    assert release["n_quotes"] == 0 and release["dateline_city"] is None
    assert json.loads(release["record"])["future_field"] == {"anything": [1, 2]}


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d["record"]["people"][1].update(name=42), "$.record.people[1].name"),
        (lambda d: d["record"].update(quotes={"q": 1}), "$.record.quotes: expected a list"),
        (lambda d: d["record"]["urls"].append("x"), "$.record.urls[1]: expected an object"),
        (lambda d: d["record"]["people"][1].update(id="per-1"), "used twice"),
        (lambda d: d["record"]["quotes"][0]["span"].update(start="1"), ".span.start"),
        (lambda d: d.update(ok="yes"), "$.ok"),
        (lambda d: d.pop("record"), "needs its record"),
        (lambda d: d["record"].update(title="\ud800"), "lone surrogate"),
    ],
)
def test_export_rows_bad_values_raise_with_json_path(mutate: Any, words: str) -> None:
    line = success("a.txt")
    mutate(line)
    with pytest.raises(LineError, match=words.replace("[", r"\[").replace("$", r"\$")):
        rows_for_line(line)


def test_export_rows_not_an_object() -> None:
    with pytest.raises(LineError, match="expected a JSON object"):
        rows_for_line([1, 2])


# --- SQLite ------------------------------------------------------------------------------


def test_export_sqlite_counts_equal_jsonl_counts(tmp_path: Path, lines: list[dict]) -> None:
    db = tmp_path / "out.db"
    assert export_sqlite(db, lines) == [Outcome.ADDED] * 4
    assert db_counts(db) == expected_counts(lines)
    assert all(db_counts(db)[name] > 0 for name in TABLE_NAMES)


def test_export_sqlite_foreign_keys_hold_and_are_enforced(tmp_path: Path, lines: list) -> None:
    db_path = tmp_path / "out.db"
    export_sqlite(db_path, lines)
    db = Database(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    references = {(fk.table, fk.other_table) for t in TABLE_NAMES for fk in db[t].foreign_keys}
    assert ("quotes", "people") in references and ("people", "organizations") in references
    assert ("mentions", "releases") in references
    with pytest.raises(sqlite3.IntegrityError):
        db["quotes"].insert(
            {"release_id": "a.txt", "id": "q-9", "position": 9, "speaker_person_id": "per-9"}
        )
    db.close()


def test_export_sqlite_error_line_becomes_errors_row(tmp_path: Path, lines: list) -> None:
    db_path = tmp_path / "out.db"
    export_sqlite(db_path, lines)
    db = Database(db_path)
    assert list(db["errors"].rows) == [
        {
            "release_id": "c.txt",
            "source": "c.txt",
            "type": "empty",
            "message": lines[2]["error"]["message"],
        }
    ]
    release = db["releases"].get("c.txt")
    assert release["ok"] == 0 and release["record"] is None and release["n_quotes"] is None
    db.close()


def test_export_fts_finds_quoted_phrase_and_title(tmp_path: Path, lines: list) -> None:
    db_path = tmp_path / "out.db"
    export_sqlite(db_path, lines)
    db = Database(db_path)
    hits = list(db["quotes"].search('"every drop counts"'))
    assert [(h["release_id"], h["id"]) for h in hits] == [("b.txt", "q-1")]
    assert list(db["quotes"].search('"drop every counts"')) == []
    titles = {row["release_id"] for row in db["releases"].search('"pilot plant"')}
    assert titles == {"a.txt", "b.txt", key_of(lines[3])}
    db.close()


def test_export_reexport_is_idempotent(tmp_path: Path, lines: list) -> None:
    db_path = tmp_path / "out.db"
    export_sqlite(db_path, lines)
    before, size = dump(db_path), db_path.read_bytes()
    assert export_sqlite(db_path, lines) == [Outcome.UNCHANGED] * 4
    assert dump(db_path) == before
    assert db_path.read_bytes() == size


def test_export_resumed_batch_adds_only_new_releases(tmp_path: Path, lines: list) -> None:
    db_path = tmp_path / "out.db"
    export_sqlite(db_path, lines[:2])
    first = {r["release_id"]: r for r in Database(db_path)["releases"].rows}
    assert export_sqlite(db_path, lines) == [Outcome.UNCHANGED] * 2 + [Outcome.ADDED] * 2
    assert db_counts(db_path) == expected_counts(lines)
    again = {r["release_id"]: r for r in Database(db_path)["releases"].rows}
    assert {k: again[k] for k in first} == first


def test_export_changed_release_replaces_its_rows(tmp_path: Path) -> None:
    db_path = tmp_path / "out.db"
    old, new = success("a.txt"), success("a.txt", quote="A completely different sentence")
    new["record"]["people"].pop()
    new["record"]["contacts"] = []
    assert export_sqlite(db_path, [old, success("b.txt")]) == [Outcome.ADDED] * 2
    assert export_sqlite(db_path, [new]) == [Outcome.REPLACED]
    assert db_counts(db_path) == expected_counts([new, success("b.txt")])
    db = Database(db_path)
    hits = db["quotes"].search('"completely different"', columns=["release_id"])
    assert list(hits) == [{"release_id": "a.txt"}]
    assert list(db["quotes"].search('"clean water should"', columns=["release_id"])) == [
        {"release_id": "b.txt"}
    ]
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()


def test_export_same_source_twice_in_one_file_last_wins(tmp_path: Path) -> None:
    db_path = tmp_path / "out.db"
    lines = [success("a.txt"), success("a.txt", quote="Second version of the quote")]
    assert export_sqlite(db_path, lines) == [Outcome.ADDED, Outcome.REPLACED]
    db = Database(db_path)
    assert [q["text"] for q in db["quotes"].rows_where("id = 'q-1'")] == [
        "Second version of the quote"
    ]
    db.close()


HOSTILE = [
    "He said \"don't\" and 'won't' — «oui» „ja“ ‘x’ `y` \\n \\\" ; DROP TABLE quotes; --",
    "e\u0301 \u200b\u200d\u2028\u2029 \U0001f600 \ufeff \u202e\u05e9\u05dc\u05d5\u05dd \ufffd",
    "line one\nline two\r\n\ttab",
    "x" * 1_000_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=["quotes", "unicode", "controls", "1m-chars"])
def test_export_hostile_text_stored_exactly(tmp_path: Path, text: str) -> None:
    line = success("odd.txt", quote=text, text="T" + text)
    line["record"]["title"] = text
    line["record"]["organizations"][0]["aliases"] = [text, "plain"]
    export_sqlite(tmp_path / "out.db", [line])
    db = Database(tmp_path / "out.db")
    assert db["quotes"].get(("odd.txt", "q-1"))["text"] == text
    release = db["releases"].get("odd.txt")
    assert release["title"] == text and release["text"] == "T" + text
    assert json.loads(release["record"]) == line["record"]
    assert json.loads(db["organizations"].get(("odd.txt", "org-1"))["aliases"]) == [text, "plain"]
    db.close()
    with ParquetSink(tmp_path / "pq") as sink:
        sink.add(line)
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    assert quotes[0]["text"] == text
    orgs = pq.read_table(tmp_path / "pq" / "organizations.parquet").to_pylist()
    assert orgs[0]["aliases"] == [text, "plain"]


def test_export_interrupted_run_leaves_whole_releases(tmp_path: Path, lines: list) -> None:
    db_path = tmp_path / "out.db"
    sink = SqliteSink(db_path, commit_every=2)
    for line in lines[:3]:
        sink.add(line)
    seen = Database(db_path)  # another reader, as after a crash: only committed releases
    assert seen["releases"].count == 2
    assert {name: seen[name].count for name in TABLE_NAMES} == expected_counts(lines[:2])
    seen.close()
    sink.close()
    assert db_counts(db_path) == expected_counts(lines[:3])


def test_export_refused_release_leaves_no_partial_rows(
    tmp_path: Path, lines: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlite_utils.db import Table

    db_path = tmp_path / "out.db"
    insert_all = Table.insert_all

    def failing(self: Table, records: Any, *args: Any, **kwargs: Any) -> Table:
        if self.name == "mentions":
            raise sqlite3.IntegrityError("simulated failure")
        return insert_all(self, records, *args, **kwargs)

    with SqliteSink(db_path) as sink:
        sink.add(lines[0])
        monkeypatch.setattr(Table, "insert_all", failing)
        with pytest.raises(LineError, match="simulated failure"):
            sink.add(lines[1])
        monkeypatch.undo()
        sink.add(lines[2])
    assert db_counts(db_path) == expected_counts([lines[0], lines[2]])


def test_export_sqlite_refuses_other_databases(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    Database(other)["cats"].insert({"name": "Tom"})
    with pytest.raises(ExportError, match="did not write"):
        SqliteSink(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all, just bytes" * 100)
    with pytest.raises(ExportError, match="not a usable SQLite database"):
        SqliteSink(junk)
    old = tmp_path / "old.db"
    SqliteSink(old).close()
    Database(old)["export_meta"].update("format_version", {"value": "0"})
    with pytest.raises(ExportError, match="format version '0'"):
        SqliteSink(old)


# --- Parquet -----------------------------------------------------------------------------


def test_export_parquet_read_back_same_counts_and_types(tmp_path: Path, lines: list) -> None:
    with ParquetSink(tmp_path / "pq") as sink:
        for line in lines:
            sink.add(line)
    expected = expected_counts(lines)
    for table in TABLES:
        data = pq.read_table(tmp_path / "pq" / f"{table.name}.parquet")
        assert data.num_rows == expected[table.name], table.name
        assert data.schema.equals(arrow_schema(table)), table.name
    releases = pq.read_table(tmp_path / "pq" / "releases.parquet")
    assert releases.schema.field("ok").type == pa.bool_()
    assert releases.schema.field("n_quotes").type == pa.int64()


def test_export_parquet_empty_tables_keep_their_types(tmp_path: Path) -> None:
    with ParquetSink(tmp_path / "pq") as sink:
        sink.add({"source": "x.txt", "ok": True, "record": {}})
    for table in TABLES:
        schema = pq.read_schema(tmp_path / "pq" / f"{table.name}.parquet")
        assert schema.equals(arrow_schema(table), check_metadata=False), table.name
    assert pq.read_schema(tmp_path / "pq" / "organizations.parquet").field(
        "aliases"
    ).type == pa.list_(pa.string())


def test_export_parquet_same_lines_same_bytes(tmp_path: Path, lines: list) -> None:
    for folder in ("one", "two"):
        with ParquetSink(tmp_path / folder) as sink:
            for line in [*lines, lines[0]]:
                sink.add(line)
    for name in TABLE_NAMES:
        first = (tmp_path / "one" / f"{name}.parquet").read_bytes()
        assert first == (tmp_path / "two" / f"{name}.parquet").read_bytes(), name
    assert not list((tmp_path / "one").glob("*.partial"))


# --- JSONL and command line --------------------------------------------------------------


def test_export_lines_report_malformed_with_line_numbers(lines: list) -> None:
    raw = [
        json.dumps(lines[0]).encode(),
        b"{not json",
        b"",
        b"\xff\xfe broken bytes",
        json.dumps({**lines[1], "ok": "maybe"}).encode(),
        json.dumps(lines[2]).encode(),
    ]
    problems: list[str] = []

    class Recorder:
        def __init__(self) -> None:
            self.keys: list[str] = []

        def add_rows(self, rows: dict[str, list[dict[str, Any]]]) -> Outcome:
            self.keys.append(rows["releases"][0]["release_id"])
            return Outcome.ADDED

    sink = Recorder()
    stats = export_lines(raw, "in.jsonl", [sink], on_problem=lambda p: problems.append(str(p)))
    assert sink.keys == ["a.txt", "c.txt"]
    assert (stats.lines, stats.added, stats.failed, stats.rejected) == (5, 2, 1, 3)
    assert [p.split(": ")[0] for p in problems] == ["in.jsonl:2", "in.jsonl:4", "in.jsonl:5"]
    assert "not valid JSON" in problems[0] and "UTF-8" in problems[1] and "$.ok" in problems[2]


def test_cli_export_sqlite_and_parquet(tmp_path: Path, lines: list) -> None:
    jsonl = write_jsonl(tmp_path / "out.jsonl", lines)
    db, folder = tmp_path / "out.db", tmp_path / "pq"
    result = invoke("export", str(jsonl), "--sqlite", str(db), "--parquet", str(folder))
    assert result.exit_code == EXIT_OK, result.stderr
    assert "4 lines: 4 added, 0 replaced, 0 unchanged (1 failed inputs" in result.stderr
    assert db_counts(db) == expected_counts(lines)
    assert {p.stem for p in folder.glob("*.parquet")} == set(TABLE_NAMES)
    before = dump(db)
    again = invoke("export", str(jsonl), "--sqlite", str(db))
    assert again.exit_code == EXIT_OK
    assert "0 added, 0 replaced, 4 unchanged" in again.stderr
    assert dump(db) == before


def test_cli_export_malformed_lines_exit_1_rest_stored(tmp_path: Path, lines: list) -> None:
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text(
        json.dumps(lines[0]) + "\n" + '{"source": "x", "ok": tr\n' + json.dumps(lines[1]) + "\n",
        encoding="utf-8",
    )
    result = invoke("export", str(jsonl), "--sqlite", str(tmp_path / "o.db"))
    assert result.exit_code == EXIT_FAILED
    assert f"{jsonl}:2: not valid JSON" in result.stderr
    assert "1 rejected" in result.stderr
    assert db_counts(tmp_path / "o.db")["releases"] == 2


def test_cli_export_stdin(tmp_path: Path, lines: list) -> None:
    data = "".join(json.dumps(line) + "\n" for line in lines).encode()
    result = invoke("export", "-", "--sqlite", str(tmp_path / "o.db"), input=data)
    assert result.exit_code == EXIT_OK, result.stderr
    assert db_counts(tmp_path / "o.db") == expected_counts(lines)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["{jsonl}"], "nothing to write"),
        (["{tmp}/missing.jsonl", "--sqlite", "{tmp}/o.db"], "no such file"),
        (["{jsonl}", "--sqlite", "{tmp}/nowhere/o.db"], "folder of --sqlite does not exist"),
        (["{jsonl}", "--parquet", "{jsonl}"], "must be a folder"),
        (["{jsonl}", "--sqlite", "{jsonl}"], "not a usable SQLite database"),
    ],
)
def test_cli_export_usage_errors_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", [success("a.txt")])
    result = invoke("export", *(a.format(jsonl=jsonl, tmp=tmp_path) for a in args))
    assert result.exit_code == EXIT_USAGE
    assert words in result.stderr


def readme_queries() -> list[str]:
    """The SQL blocks of the README's export section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Export", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0] for block in section.split("```sql\n")[1:]]


def _jsonl_lines(path: Path) -> Iterator[dict[str, Any]]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        yield json.loads(raw)


@pytest.mark.model
def test_cli_extract_sqlite_writes_same_tables_as_export(tmp_path: Path) -> None:
    out, db = tmp_path / "out.jsonl", tmp_path / "run.db"
    result = invoke("extract", str(SAMPLES), "-o", str(out), "--sqlite", str(db), "-s")
    assert result.exit_code == EXIT_OK, result.stderr
    lines = list(_jsonl_lines(out))
    assert len(lines) == len(list(SAMPLES.glob("*.txt")))
    assert db_counts(db) == expected_counts(lines)
    before = dump(db)
    again = invoke("export", str(out), "--sqlite", str(db))
    assert again.exit_code == EXIT_OK
    assert f"0 added, 0 replaced, {len(lines)} unchanged" in again.stderr
    assert dump(db) == before
    separate = tmp_path / "export.db"
    assert invoke("export", str(out), "--sqlite", str(separate), "-s").exit_code == EXIT_OK
    assert dump(separate) == before
    queries = readme_queries()
    assert len(queries) == 3
    conn = sqlite3.connect(db)
    for query in queries:  # the README shows their output on the samples
        assert conn.execute(query).fetchall(), query
    conn.close()
