"""Every Doc extension the toolkit uses: its name, the shape of its value, its registration.

All values are JSON-safe (dicts, lists, strings, ints) so Docs can cross process boundaries
in ``nlp.pipe(n_process>1)``. Offsets are character offsets into ``doc.text``. Each value has
a ``TypedDict`` here; the component that assigns it declares it in ``assigns`` and the ones
that read it declare it in ``requires``.
"""

from __future__ import annotations

from typing import TypedDict

from spacy.tokens import Doc

# ----------------------------------------------------------------------------- value shapes


class FailureValue(TypedDict):
    """Why the document produced no record (set by the caller or the error handler)."""

    type: str
    message: str


class TitleValue(TypedDict):
    text: str
    start: int
    end: int


class DatelineValue(TypedDict):
    text: str
    start: int
    end: int
    city: str | None
    region: str | None
    country: str | None
    date: str | None
    date_precision: str | None
    wire: str | None
    cities: list[str]
    wire_span: list[int] | None  # [start, end) of the wire tag as written, for pr_links


class QuoteSpanValue(TypedDict):
    """A pair of quote marks: inside offsets (marks excluded) and where the marks are."""

    start: int
    end: int
    open_at: int
    close_at: int | None


class ContactBlockValue(TypedDict):
    """A media-contact block: header start, first character after the header, end."""

    start: int
    body_start: int
    end: int


class CountryMentionValue(TypedDict):
    iso2: str
    start: int
    end: int


class ContextValue(TypedDict):
    """Facts about the text that several components need, computed once by ``pr_context``."""

    body_start: int
    quote_spans: list[QuoteSpanValue]
    quoted_titles: list[list[int]]
    contact_blocks: list[ContactBlockValue]
    country_mentions: list[CountryMentionValue]


class LinkValue(TypedDict):
    text: str
    start: int
    end: int


class LinksValue(TypedDict):
    urls: list[LinkValue]
    emails: list[LinkValue]


class OrganisationValue(TypedDict):
    name: str
    acronym: str | None
    aliases: list[str]
    kind: str | None
    mentions: list[list[int]]


class PersonValue(TypedDict):
    name: str
    honorific: str | None
    title: str | None
    organization: str | None
    org_index: int | None
    gender: str | None
    mentions: list[list[int]]


class ContactValue(TypedDict):
    name: str | None
    title: str | None
    organization: str | None
    email: str | None
    phone: str | None
    start: int
    end: int


class SpeakerRef(TypedDict):
    kind: str  # "person" or "org"
    index: int


class QuoteValue(TypedDict):
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_ref: SpeakerRef | None
    cue: str | None
    attribution: str | None


class WorkValue(TypedDict):
    text: str
    start: int
    end: int


class CountryValue(TypedDict):
    iso2: str
    mentions: list[list[int]]


class CountryListValue(TypedDict):
    label: str | None
    countries: list[str]
    stated_count: int | None
    start: int
    end: int


class WarningValue(TypedDict):
    code: str
    message: str


# ----------------------------------------------------------------------------- names

REFERENCE_DATE = "pr_reference_date"  # str (ISO date) | None, set by the caller
TEXT = "pr_text"  # str | None: doc.text, built once (see text_of)
FAILURE = "pr_failure"  # FailureValue | None
TITLE = "pr_title"  # TitleValue | None
DATELINE = "pr_dateline"  # DatelineValue | None
CONTEXT = "pr_context"  # ContextValue | None
LINKS = "pr_links"  # LinksValue | None
ORGANISATIONS = "pr_organisations"  # list[OrganisationValue]
PEOPLE = "pr_people"  # list[PersonValue]
CONTACTS = "pr_contacts"  # list[ContactValue]
QUOTES = "pr_quotes"  # list[QuoteValue]
WORKS = "pr_works"  # list[WorkValue]
COUNTRIES = "pr_countries"  # list[CountryValue]
COUNTRY_LISTS = "pr_country_lists"  # list[CountryListValue]
WARNINGS = "pr_warnings"  # list[WarningValue]

_DEFAULTS: dict[str, object] = {
    REFERENCE_DATE: None,
    TEXT: None,
    FAILURE: None,
    TITLE: None,
    DATELINE: None,
    CONTEXT: None,
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


def declared(name: str) -> str:
    """The ``doc._.<name>`` form that ``assigns`` / ``requires`` declarations use."""
    return f"doc._.{name}"


def register_extensions() -> None:
    """Declare every extension on ``Doc`` unless it already exists."""
    for name, default in _DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per document and kept on the Doc.

    spaCy builds ``doc.text`` anew on every access by joining every token (about a
    millisecond on a release); every component reads the text, so the first one to ask keeps
    it on the document for the others.
    """
    text = doc._.get(TEXT)
    if text is None:
        text = doc.text
        doc._.set(TEXT, text)
    return text


def add_warning(doc: Doc, code: str, message: str) -> None:
    """Append a non-fatal problem to the Doc's warnings."""
    value: WarningValue = {"code": code, "message": message}
    doc._.set(WARNINGS, [*doc._.get(WARNINGS), value])


def mark_failed(doc: Doc, kind: str, message: str) -> None:
    """Record why ``doc`` gives no record; components skip a failed document."""
    doc._.set(FAILURE, {"type": kind, "message": message})


def context(doc: Doc) -> ContextValue:
    """The shared facts ``pr_context`` wrote.

    Raises:
        ValueError: when ``pr_context`` has not run on ``doc`` (a component that needs it was
            added without it; ``nlp.analyze_pipes()`` reports that too).
    """
    value = doc._.get(CONTEXT)
    if value is None:
        raise ValueError("doc._.pr_context is not set: add the pr_context component first")
    return value
