"""Output models: the published record shape (schema version 1).

Field names here are a contract that other tools read; see DESIGN.md. Every mention carries a
``span`` whose offsets index the exact string given to :func:`extractor.extract`.

Every field is written on every record (``null`` or ``[]`` when empty), so the published
schema requires every property; codes are closed enumerations. What a schema cannot say
(``start <= end``, real calendar dates, ISO 3166 codes, ids that resolve, offsets that fit the
text) is checked by :func:`extractor.schema.validate`.

This module never imports spaCy so that ``press-extract schema`` runs without a model.
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

WarningCode: TypeAlias = Literal[
    "invalid_utf8",
    "replaced_characters",
    "legacy_encoding",
    "control_characters",
    "long_runs",
    "long_text",
    "date_without_year",
    "impossible_date",
    "country_count_mismatch",
]
"""Codes of non-fatal problems found in one input."""

WARNING_CODES: tuple[str, ...] = WarningCode.__args__  # type: ignore[attr-defined]

ErrorType: TypeAlias = Literal[
    "empty",
    "too_large",
    "not_text",
    "binary",
    "bad_row",
    "unreadable",
    "too_deep",
    "symlink_loop",
    "pipeline_error",
    "input_error",
]
"""Why an input produced no record."""

ERROR_TYPES: tuple[str, ...] = ErrorType.__args__  # type: ignore[attr-defined]

Attribution: TypeAlias = Literal["explicit", "label", "pronoun", "surname", "adjacency"]
DatePrecision: TypeAlias = Literal["year", "month", "day"]
OrganizationKind: TypeAlias = Literal[
    "government", "intergovernmental", "company", "ngo", "academic", "legislature"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class TextSpan(_Model):
    """Character offsets into the text that was extracted from (``text[start:end]``)."""

    start: int = Field(ge=0, description="Offset of the first character.", examples=[42])
    end: int = Field(ge=0, description="Offset just past the last character.", examples=[47])


class Dateline(_Model):
    """Where and when the release was issued, from its opening line."""

    text: str = Field(
        description="The dateline as written, without the dash that ends it.",
        examples=["Seoul, Republic of Korea", "AUSTIN, Texas, March 3, 2026 /PRNewswire/"],
    )
    span: TextSpan = Field(description="Span of `text`.")
    city: str | None = Field(
        default=None, description="City (or first place) as written.", examples=["Seoul"]
    )
    region: str | None = Field(
        default=None,
        description="State, province or country words as written.",
        examples=["Republic of Korea", "Ore."],
    )
    country: str | None = Field(
        default=None,
        description="ISO 3166-1 alpha-2 code, written or inferred; null when unknown.",
        examples=["KR"],
        pattern=r"^[A-Z]{2}$",
    )
    date: str | None = Field(
        default=None,
        description="ISO date at the precision written: YYYY, YYYY-MM or YYYY-MM-DD.",
        examples=["2025-10", "2024-03-03"],
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
    )
    date_precision: DatePrecision | None = Field(
        default=None, description="Precision of `date` (null when there is no date)."
    )
    wire: str | None = Field(
        default=None,
        description="Wire service named in the dateline: a known wire by its canonical name, "
        "another tag as written.",
        examples=["PRNewswire", "Business Wire"],
    )


class Organization(_Model):
    """One organisation, with every mention merged."""

    id: str = Field(description="Record-local id.", examples=["org-1"], pattern=r"^org-\d+$")
    name: str = Field(description="Fullest written name.", examples=["Astana Civil Service Hub"])
    acronym: str | None = Field(default=None, description="Acronym, if any.", examples=["ACSH"])
    aliases: list[str] = Field(
        default_factory=list,
        description="Other written forms (the acronym included).",
        examples=[["ACSH"]],
    )
    kind: OrganizationKind | None = Field(
        default=None, description="Kind of organisation where its name makes it clear."
    )
    mentions: list[TextSpan] = Field(default_factory=list, description="Every mention.")


class Person(_Model):
    """A named person with their job title and affiliation."""

    id: str = Field(description="Record-local id.", examples=["per-1"], pattern=r"^per-\d+$")
    name: str = Field(description="Full name without honorific.", examples=["Byung Joon Park"])
    honorific: str | None = Field(
        default=None,
        description="Honorific as normalised (Mr., Ms., Dr., H.E., ...).",
        examples=["Mr.", "H.E."],
    )
    title: str | None = Field(
        default=None, description="Job title as written.", examples=["Vice Minister"]
    )
    organization: str | None = Field(
        default=None, description="Affiliation as written.", examples=["MOIS"]
    )
    organization_id: str | None = Field(
        default=None,
        description="Id of the affiliation in `organizations`, when it is one of them.",
        examples=["org-2"],
        pattern=r"^org-\d+$",
    )
    mentions: list[TextSpan] = Field(default_factory=list, description="Every mention.")


class Quote(_Model):
    """A direct quotation and who said it."""

    id: str = Field(description="Record-local id.", examples=["q-1"], pattern=r"^q-\d+$")
    text: str = Field(description="The words inside the quote marks.")
    span: TextSpan = Field(description="Span of `text` (inside the marks).")
    speaker: str | None = Field(default=None, description="Full name of the speaker, or null.")
    speaker_id: str | None = Field(
        default=None,
        description="Id of the speaker in `people` or `organizations`.",
        pattern=r"^(?:per|org)-\d+$",
    )
    cue: str | None = Field(
        default=None, description="Reporting verb as written.", examples=["stressed"]
    )
    attribution: Attribution | None = Field(
        default=None,
        description="How the speaker was found: named next to a cue (explicit), a label line "
        "before the quote (label), a pronoun, a surname alone, or the previous quote's speaker "
        "(adjacency).",
    )


class Work(_Model):
    """A quoted title of a publication, project, event or slogan, or a scare quote (not speech)."""

    text: str = Field(description="The words inside the quote marks.")
    span: TextSpan = Field(description="Span of `text`.")


class Country(_Model):
    """A country named in the text."""

    name: str = Field(description="ISO 3166 short name.", examples=["Korea, Republic of"])
    iso2: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2.", examples=["KR"])
    iso3: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3.", examples=["KOR"])
    mentions: list[TextSpan] = Field(default_factory=list, description="Every mention.")


class CountryList(_Model):
    """A written enumeration of countries, optionally labelled with a region."""

    label: str | None = Field(
        default=None,
        description="The region or group named for the list.",
        examples=["Central Asia"],
    )
    countries: list[str] = Field(
        description="ISO alpha-2 codes in written order.", examples=[["KZ", "KG"]]
    )
    stated_count: int | None = Field(
        default=None,
        ge=0,
        description="Count stated in the text, e.g. 12 in '12 countries'.",
    )
    span: TextSpan = Field(description="From the first country of the list to the last.")


class Url(_Model):
    """A web address as written."""

    url: str = Field(
        description="As written, trailing punctuation removed.",
        examples=["www.example.com/news", "https://example.org"],
    )
    href: str = Field(
        description="The address as a link: `url` with `https://` added when written without a "
        "scheme.",
        json_schema_extra={"format": "uri"},
        examples=["https://www.example.com/news"],
    )
    span: TextSpan = Field(description="Span of `url`.")


class Email(_Model):
    """An e-mail address as written."""

    email: str = Field(
        description="The address as written.",
        json_schema_extra={"format": "email"},
        examples=["press@example.org"],
    )
    span: TextSpan = Field(description="Span of `email`.")


class Contact(_Model):
    """A media-contact block entry."""

    name: str | None = Field(default=None, description="The contact's name.")
    title: str | None = Field(default=None, description="The contact's job title.")
    organization: str | None = Field(default=None, description="The contact's organisation.")
    email: str | None = Field(default=None, description="E-mail address in the entry.")
    phone: str | None = Field(default=None, description="Telephone number as written.")
    person_id: str | None = Field(
        default=None, description="Id of the contact in `people`.", pattern=r"^per-\d+$"
    )
    span: TextSpan = Field(description="The block, header included.")


class Warning(_Model):
    """A non-fatal problem found in this input."""

    code: WarningCode = Field(
        description="What kind of problem.",
        examples=["invalid_utf8", "country_count_mismatch", "impossible_date"],
    )
    message: str = Field(description="What was found, with where when it helps.")


class PressRelease(_Model):
    """One release turned into a structured record."""

    schema_version: Literal["1.0"] = Field(
        default=SCHEMA_VERSION, description="Version of this record shape."
    )
    source: str | None = Field(default=None, description="Path or id given by the caller.")
    title: str | None = Field(default=None, description="The headline.")
    dateline: Dateline | None = Field(
        default=None, description="Place, date and wire of the opening line, if written."
    )
    organizations: list[Organization] = Field(
        default_factory=list, description="Organisations, in order of first mention."
    )
    people: list[Person] = Field(
        default_factory=list, description="People, in order of first mention."
    )
    quotes: list[Quote] = Field(default_factory=list, description="Direct quotations, in order.")
    works: list[Work] = Field(
        default_factory=list, description="Quoted titles and scare quotes that are not speech."
    )
    countries: list[Country] = Field(
        default_factory=list, description="Countries named in the text."
    )
    country_lists: list[CountryList] = Field(
        default_factory=list, description="Written enumerations of countries."
    )
    urls: list[Url] = Field(default_factory=list, description="Web addresses, in order.")
    emails: list[Email] = Field(default_factory=list, description="E-mail addresses, in order.")
    contacts: list[Contact] = Field(
        default_factory=list, description="Entries of media-contact blocks."
    )
    warnings: list[Warning] = Field(
        default_factory=list, description="Non-fatal problems found in this input."
    )


class ErrorInfo(_Model):
    """Why one input produced no record."""

    type: ErrorType = Field(description="Kind of failure.", examples=["empty", "too_large"])
    message: str = Field(description="What was expected and what arrived.")


class Failure(_Model):
    """The result that stands in for a record when one input could not be extracted."""

    source: str | None = Field(description="Path or id given by the caller.")
    error: ErrorInfo = Field(description="What went wrong.")


def _require_ok(schema: dict[str, Any]) -> None:
    # `ok` has a Python default but every written line carries it, and readers tell the two
    # line shapes apart by it: the published schema requires it.
    required = {*schema.get("required", []), "ok"}
    schema["required"] = [name for name in schema["properties"] if name in required]


class BatchSuccess(_Model):
    """One line of batch output for an input that was extracted."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=_require_ok,
        json_schema_serialization_defaults_required=False,
    )

    source: str | None = Field(description="Path (or PATH#ID for a corpus row) of the input.")
    ok: Literal[True] = Field(default=True, description="The input was extracted.")
    record: PressRelease = Field(description="The extracted record.")
    text: str | None = Field(
        default=None,
        description="The text the spans index (only with --include-text; for HTML and "
        "Markdown, the text they were reduced to).",
    )


class BatchFailure(_Model):
    """One line of batch output for an input that could not be processed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra=_require_ok,
        json_schema_serialization_defaults_required=False,
    )

    source: str | None = Field(description="Path (or PATH#ID for a corpus row) of the input.")
    ok: Literal[False] = Field(default=False, description="The input produced no record.")
    error: ErrorInfo = Field(description="What went wrong.")
