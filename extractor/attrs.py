"""Every Doc extension the toolkit uses, declared once and idempotently.

All values are JSON-safe (dicts, lists, strings, ints) so Docs can cross process boundaries
in ``nlp.pipe(n_process>1)``. Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from spacy.tokens import Doc

REFERENCE_DATE = "pr_reference_date"  # ISO date string set by the caller, or None
TITLE = "pr_title"  # {"text", "start", "end"} or None
DATELINE = "pr_dateline"  # dict or None
LINKS = "pr_links"  # {"urls": [...], "emails": [...]} each {"text", "start", "end"}
ORGANISATIONS = "pr_organisations"  # [{"name", "acronym", "aliases", "kind", "mentions"}]
PEOPLE = "pr_people"  # [{"name", "honorific", "title", "organization", "org_index", ...}]
CONTACTS = "pr_contacts"  # [{"name", "title", "organization", "email", "phone", "start", "end"}]
QUOTES = "pr_quotes"  # [{"text", "start", "end", "speaker", "speaker_ref", "cue", ...}]
WORKS = "pr_works"  # [{"text", "start", "end"}]
COUNTRIES = "pr_countries"  # [{"iso2", "mentions": [[start, end], ...]}]
COUNTRY_LISTS = "pr_country_lists"  # [{"label", "countries", "stated_count", "start", "end"}]
WARNINGS = "pr_warnings"  # [{"code", "message"}]

_DEFAULTS: dict[str, object] = {
    REFERENCE_DATE: None,
    TITLE: None,
    DATELINE: None,
    LINKS: None,
    ORGANISATIONS: [],
    PEOPLE: [],
    CONTACTS: [],
    QUOTES: [],
    WORKS: [],
    COUNTRIES: [],
    COUNTRY_LISTS: [],
    WARNINGS: [],
}


def register_extensions() -> None:
    """Declare every extension on ``Doc`` unless it already exists."""
    for name, default in _DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_warning(doc: Doc, code: str, message: str) -> None:
    """Append a non-fatal problem to the Doc's warnings."""
    doc._.set(WARNINGS, [*doc._.get(WARNINGS), {"code": code, "message": message}])
