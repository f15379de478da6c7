"""Build the HTML report of a batch: one page per release and an overview (``index.html``).

Pages are self-contained (inline CSS and JavaScript, no network request; a Content Security
Policy forbids any) and open from the file system. All text from the batch is escaped by
Jinja's autoescaping or :func:`markupsafe.escape`. Page file names are derived from the line
number and a sanitised last part of the source, so no source can write outside the report
folder.

The functions taking entries and returning strings are pure; :func:`write_report` is the only
one that touches the file system (and, through :mod:`extractor.report.sources`, re-reads
sources whose lines carry no text).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from extractor.report import overview
from extractor.report.highlight import (
    FIELDS,
    as_dicts,
    as_list,
    as_text,
    field_counts,
    record_annotations,
    render_text,
    span_of,
    text_mismatches,
    title_annotations,
)
from extractor.report.lines import BatchEntry
from extractor.report.sources import PageText, page_text

PAGES_DIR = "releases"
INDEX = "index.html"
_SLUG_MAX = 60
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_INPUT_SUFFIX = re.compile(r"\.(txt|md|html?)$", re.IGNORECASE)
_SAFE_SCHEMES = ("http://", "https://")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("extractor.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["FIELDS"] = FIELDS
    return env


@cache
def _inline_script(name: str) -> tuple[Markup, Markup]:
    """A script template's text and its CSP hash source (``'sha256-...'``).

    The Content Security Policy of each page allows this script only, so even text that
    escaped escaping could not run.
    """
    source = _environment().get_template(name).render()
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return Markup(source), Markup(f"'sha256-{digest}'")


DEFAULT_TITLE = "press-extract report"
"""The report's title when none is given (the command line's ``--title`` default too)."""


def page_name(number: int, source: str | None) -> str:
    """A safe file name for a release page: line number plus the sanitised source name.

    Only the last path component of the source is used, reduced to ``[A-Za-z0-9._-]``, cut
    to 60 characters, without leading dots; the line number keeps names unique.
    """
    base = re.split(r"[\\/]", source or "")[-1]
    slug = _UNSAFE.sub("-", _INPUT_SUFFIX.sub("", base)).strip("-._")[:_SLUG_MAX].strip("-._")
    return f"{number:04d}-{slug or 'release'}.html"


def safe_href(url: str) -> str | None:
    """The URL when it is an http(s) address that may be a link, else None (shown as text)."""
    return url if url.lower().startswith(_SAFE_SCHEMES) else None


def display_title(entry: BatchEntry) -> str:
    """The release's headline, else its source, else its line number."""
    title = " ".join(as_text(entry.record.get("title")).split())
    return title or entry.source or f"line {entry.number}"


@dataclass(frozen=True)
class Nav:
    """Links from a release page to its neighbours (file names in the same folder)."""

    previous: str | None = None
    next: str | None = None


def _person_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    org_ids = {as_text(org.get("id")) for org in as_dicts(record.get("organizations"))}
    quotes_by_speaker: dict[str, int] = {}
    for quote in as_dicts(record.get("quotes")):
        speaker = as_text(quote.get("speaker_id"))
        quotes_by_speaker[speaker] = quotes_by_speaker.get(speaker, 0) + 1
    rows = []
    for person in as_dicts(record.get("people")):
        key = as_text(person.get("id"))
        affiliation_id = as_text(person.get("organization_id"))
        rows.append(
            {
                "key": key,
                "name": as_text(person.get("name")),
                "honorific": as_text(person.get("honorific")),
                "title": as_text(person.get("title")),
                "organization": as_text(person.get("organization")),
                "organization_id": affiliation_id if affiliation_id in org_ids else "",
                "mentions": len(as_list(person.get("mentions"))),
                "quotes": quotes_by_speaker.get(key, 0) if key else 0,
            }
        )
    return rows


def _org_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "key": as_text(org.get("id")),
            "name": as_text(org.get("name")),
            "acronym": as_text(org.get("acronym")),
            "aliases": [alias for alias in as_list(org.get("aliases")) if isinstance(alias, str)],
            "kind": as_text(org.get("kind")),
            "mentions": len(as_list(org.get("mentions"))),
        }
        for org in as_dicts(record.get("organizations"))
    ]


def _quote_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    speakers = {
        as_text(item.get("id"))
        for name in ("people", "organizations")
        for item in as_dicts(record.get(name))
    }
    rows = []
    for quote in as_dicts(record.get("quotes")):
        speaker_id = as_text(quote.get("speaker_id"))
        rows.append(
            {
                "key": as_text(quote.get("id")),
                "text": as_text(quote.get("text")),
                "speaker": as_text(quote.get("speaker")),
                "speaker_id": speaker_id if speaker_id in speakers else "",
                "speaker_field": "org" if speaker_id.startswith("org-") else "person",
                "cue": as_text(quote.get("cue")),
                "attribution": as_text(quote.get("attribution")),
            }
        )
    return rows


def _country_list_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    names = {
        as_text(country.get("iso2")): as_text(country.get("name"))
        for country in as_dicts(record.get("countries"))
    }
    rows = []
    for number, clist in enumerate(as_dicts(record.get("country_lists")), 1):
        codes = [code for code in as_list(clist.get("countries")) if isinstance(code, str)]
        stated = clist.get("stated_count")
        stated = stated if type(stated) is int else None
        rows.append(
            {
                "key": f"cl-{number}",
                "label": as_text(clist.get("label")),
                "countries": [(code, names.get(code, "")) for code in codes],
                "stated": stated,
                "mismatch": stated is not None and stated != len(codes),
            }
        )
    return rows


def record_panel(record: dict[str, Any]) -> dict[str, Any]:
    """The structured record, reshaped for the side panel of a release page."""
    dateline = record.get("dateline") if isinstance(record.get("dateline"), dict) else None
    return {
        "title": as_text(record.get("title")),
        "dateline": (
            {
                name: as_text(dateline.get(name))
                for name in ("text", "city", "region", "country", "date", "date_precision", "wire")
            }
            if dateline
            else None
        ),
        "people": _person_rows(record),
        "organizations": _org_rows(record),
        "quotes": _quote_rows(record),
        "works": [as_text(work.get("text")) for work in as_dicts(record.get("works"))],
        "countries": [
            {
                "key": f"c-{as_text(country.get('iso2'))}",
                "name": as_text(country.get("name")),
                "iso2": as_text(country.get("iso2")),
                "iso3": as_text(country.get("iso3")),
                "mentions": len(as_list(country.get("mentions"))),
            }
            for country in as_dicts(record.get("countries"))
        ],
        "country_lists": _country_list_rows(record),
        "urls": [
            {
                "key": f"u-{number}",
                "url": as_text(url.get("url")),
                "href": safe_href(as_text(url.get("url"))),
            }
            for number, url in enumerate(as_dicts(record.get("urls")), 1)
        ],
        "emails": [
            {"key": f"e-{number}", "email": as_text(email.get("email"))}
            for number, email in enumerate(as_dicts(record.get("emails")), 1)
        ],
        "contacts": [
            {
                "key": f"ct-{number}",
                **{
                    name: as_text(contact.get(name))
                    for name in ("name", "title", "organization", "email", "phone")
                },
                "located": span_of(contact.get("span")) is not None,
            }
            for number, contact in enumerate(as_dicts(record.get("contacts")), 1)
        ],
        "warnings": [
            {"code": as_text(w.get("code")), "message": as_text(w.get("message"))}
            for w in as_dicts(record.get("warnings"))
        ],
    }


def release_page(
    entry: BatchEntry,
    text: PageText,
    *,
    nav: Nav | None = None,
    report_title: str = DEFAULT_TITLE,
) -> str:
    """The HTML page of one release: highlighted text beside its structured record.

    Args:
        entry: A successful batch entry.
        text: The text the record's spans index (see :func:`sources.page_text`).
        nav: Neighbouring pages, for previous / next links.
        report_title: The overview's title, for the link back to it.
    """
    record = entry.record
    if text.text is not None:
        annotations, problems = record_annotations(record, len(text.text))
        annotations += title_annotations(record, text.text)
        body = render_text(text.text, annotations)
        mismatches = text_mismatches(record, text.text)
    else:
        annotations, problems, body, mismatches = [], [], None, []
    counts = field_counts(annotations)
    script, script_hash = _inline_script("release.js")
    return (
        _environment()
        .get_template("release.html.j2")
        .render(
            entry=entry,
            page_title=display_title(entry),
            report_title=report_title,
            text=text,
            body=body,
            legend=[(field, label, counts[field]) for field, label in FIELDS.items()],
            problems=problems,
            mismatches=mismatches,
            panel=record_panel(record),
            nav=nav or Nav(),
            script=script,
            script_hash=script_hash,
        )
    )


def _row(entry: BatchEntry, page: str | None) -> dict[str, Any]:
    record = entry.record
    dateline = record.get("dateline") if isinstance(record.get("dateline"), dict) else {}
    names = [
        as_text(item.get(key))
        for field_name, key in (
            ("people", "name"),
            ("organizations", "name"),
            ("countries", "name"),
            ("quotes", "speaker"),
        )
        for item in as_dicts(record.get(field_name))
    ]
    place = overview.place_of(record)
    wire = as_text(dateline.get("wire")) if dateline else ""
    title = display_title(entry)
    search = " ".join([title, entry.source or "", place, wire, entry.error_type, *names])
    return {
        "number": entry.number,
        "page": page,
        "title": title,
        "source": entry.source or "",
        "ok": entry.ok,
        "error_type": entry.error_type,
        "date": overview.date_of(record),
        "place": place,
        "wire": wire,
        "people": len(as_dicts(record.get("people"))),
        "organizations": len(as_dicts(record.get("organizations"))),
        "quotes": len(as_dicts(record.get("quotes"))),
        "countries": len(as_dicts(record.get("countries"))),
        "links": len(as_dicts(record.get("urls"))) + len(as_dicts(record.get("emails"))),
        "warnings": len(as_dicts(record.get("warnings"))),
        "search": " ".join(search.split()).casefold(),
    }


def overview_page(
    entries: list[BatchEntry], pages: dict[int, str], *, title: str, batch_name: str = ""
) -> str:
    """The overview (``index.html``) of a batch.

    Args:
        entries: Every line of the batch.
        pages: Line number -> page path relative to the overview, for lines that have a page.
        title: Page heading.
        batch_name: Name of the batch file, shown under the heading.
    """
    ok_entries = [entry for entry in entries if entry.ok]
    script, script_hash = _inline_script("overview.js")
    lists = [
        ("speakers", "Most quoted speakers", "quotes", overview.top_speakers(ok_entries)),
        ("people", "People named most", "releases", overview.top_people(ok_entries)),
        ("orgs", "Organisations named most", "releases", overview.top_organisations(ok_entries)),
        ("countries", "Countries named most", "releases", overview.top_countries(ok_entries)),
        ("places", "Dateline places", "releases", overview.top_places(ok_entries)),
        ("wires", "Wire services", "releases", overview.top_wires(ok_entries)),
    ]
    return (
        _environment()
        .get_template("overview.html.j2")
        .render(
            title=title,
            batch_name=batch_name,
            totals=overview.totals(entries),
            lists=lists,
            timeline=overview.timeline(entries),
            rows=[_row(entry, pages.get(entry.number)) for entry in entries],
            failures=[entry for entry in entries if not entry.ok],
            script=script,
            script_hash=script_hash,
        )
    )


@dataclass(frozen=True)
class ReportResult:
    """What :func:`write_report` wrote."""

    index: Path
    pages: int
    without_text: int


def _inside(folder: Path, path: Path) -> Path:
    if not path.resolve().is_relative_to(folder.resolve()):
        raise ValueError(f"refusing to write {path} outside the report folder {folder}")
    return path


def write_report(
    entries: list[BatchEntry],
    folder: Path,
    *,
    title: str = DEFAULT_TITLE,
    batch_name: str = "",
    text_for: Callable[[BatchEntry], PageText] = page_text,
) -> ReportResult:
    """Write ``index.html`` and one page per successful line under ``folder/releases/``.

    Args:
        entries: Every line of the batch (see :func:`extractor.report.lines.read_batch_file`).
        folder: The report folder; created when missing, existing files are overwritten.
        title: Title of the overview page.
        batch_name: Name of the batch file, shown on the overview.
        text_for: Gives the text of an entry (default: the line's text, else the source file).

    Raises:
        OSError: when a file cannot be written.
    """
    pages_dir = folder / PAGES_DIR
    pages_dir.mkdir(parents=True, exist_ok=True)
    ok_entries = [entry for entry in entries if entry.ok]
    names = {entry.number: page_name(entry.number, entry.source) for entry in ok_entries}
    without_text = 0
    for position, entry in enumerate(ok_entries):
        nav = Nav(
            previous=names[ok_entries[position - 1].number] if position > 0 else None,
            next=names[ok_entries[position + 1].number] if position + 1 < len(ok_entries) else None,
        )
        text = text_for(entry)
        without_text += text.text is None
        html = release_page(entry, text, nav=nav, report_title=title)
        _inside(folder, pages_dir / names[entry.number]).write_text(html, encoding="utf-8")
    pages = {number: f"{PAGES_DIR}/{name}" for number, name in names.items()}
    index = _inside(folder, folder / INDEX)
    index.write_text(
        overview_page(entries, pages, title=title, batch_name=batch_name), encoding="utf-8"
    )
    return ReportResult(index=index, pages=len(ok_entries), without_text=without_text)
