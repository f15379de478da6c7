"""Output models: the published record shape (schema version 1).

Field names here are a contract that other tools read; see DESIGN.md. Every mention carries a
``span`` whose offsets index the exact string given to :func:`extractor.extract`.
This module never imports spaCy so that ``press-extract schema`` runs without a model.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    """Character offsets into the text that was extracted from (``text[start:end]``)."""

    start: int = Field(ge=0, description="Offset of the first character.", examples=[42])
    end: int = Field(ge=0, description="Offset just past the last character.", examples=[47])


class Dateline(_Model):
    """Where and when the release was issued, from its opening line."""

    text: str = Field(
        description="The dateline as written.", examples=["Seoul, Republic of Korea –"]
    )
    span: TextSpan
    city: str | None = Field(default=None, description="City as written.", examples=["Seoul"])
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
    date_precision: Literal["year", "month", "day"] | None = Field(
        default=None, description="Precision of `date`."
    )
    wire: str | None = Field(
        default=None, description="Wire service named in the dateline.", examples=["PRNewswire"]
    )


class Organization(_Model):
    """One organisation, with every mention merged."""

    id: str = Field(description="Record-local id.", examples=["org-1"], pattern=r"^org-\d+$")
    name: str = Field(description="Fullest written name.", examples=["Astana Civil Service Hub"])
    acronym: str | None = Field(default=None, description="Acronym, if any.", examples=["ACSH"])
    aliases: list[str] = Field(
        default_factory=list, description="Other written forms.", examples=[["ACSH"]]
    )
    kind: (
        Literal["government", "intergovernmental", "company", "ngo", "academic", "legislature"]
        | None
    ) = Field(default=None, description="Kind of organisation where the text makes it clear.")
    mentions: list[TextSpan] = Field(default_factory=list, description="Every mention.")


class Person(_Model):
    """A named person with their job title and affiliation."""

    id: str = Field(description="Record-local id.", examples=["per-1"], pattern=r"^per-\d+$")
    name: str = Field(description="Full name without honorific.", examples=["Byung Joon Park"])
    honorific: str | None = Field(default=None, description="Honorific.", examples=["Mr.", "H.E."])
    title: str | None = Field(
        default=None, description="Job title as written.", examples=["Vice Minister"]
    )
    organization: str | None = Field(
        default=None, description="Affiliation as written.", examples=["MOIS"]
    )
    organization_id: str | None = Field(
        default=None, description="Id of the affiliation in `organizations`.", examples=["org-2"]
    )
    mentions: list[TextSpan] = Field(default_factory=list, description="Every mention.")


class Quote(_Model):
    """A direct quotation and who said it."""

    id: str = Field(description="Record-local id.", examples=["q-1"], pattern=r"^q-\d+$")
    text: str = Field(description="The words inside the quote marks.")
    span: TextSpan = Field(description="Span of `text` (inside the marks).")
    speaker: str | None = Field(default=None, description="Full name of the speaker, or null.")
    speaker_id: str | None = Field(
        default=None, description="Id of the speaker in `people` or `organizations`."
    )
    cue: str | None = Field(
        default=None, description="Reporting verb as written.", examples=["stressed"]
    )
    attribution: Literal["explicit", "pronoun", "surname", "adjacency"] | None = Field(
        default=None, description="How the speaker was found."
    )


class Work(_Model):
    """A quoted title of a publication, project, event or slogan (not speech)."""

    text: str = Field(description="The words inside the quote marks.")
    span: TextSpan


class Country(_Model):
    """A country named in the text."""

    name: str = Field(description="ISO 3166 short name.", examples=["Korea, Republic of"])
    iso2: str = Field(pattern=r"^[A-Z]{2}$", examples=["KR"])
    iso3: str = Field(pattern=r"^[A-Z]{3}$", examples=["KOR"])
    mentions: list[TextSpan] = Field(default_factory=list)


class CountryList(_Model):
    """A written enumeration of countries, optionally labelled with a region."""

    label: str | None = Field(default=None, examples=["Central Asia"])
    countries: list[str] = Field(description="ISO alpha-2 codes in written order.")
    stated_count: int | None = Field(
        default=None, description="Count stated in the text, e.g. 12 in '12 countries'."
    )
    span: TextSpan


class Url(_Model):
    url: str = Field(description="As written, trailing punctuation removed.")
    span: TextSpan


class Email(_Model):
    email: str
    span: TextSpan


class Contact(_Model):
    """A media-contact block entry."""

    name: str | None = None
    title: str | None = None
    organization: str | None = None
    email: str | None = None
    phone: str | None = None
    person_id: str | None = None
    span: TextSpan


class Warning(_Model):
    code: str = Field(examples=["invalid_utf8", "country_count_mismatch", "impossible_date"])
    message: str


class PressRelease(_Model):
    """One release turned into a structured record."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: str | None = Field(default=None, description="Path or id given by the caller.")
    title: str | None = Field(default=None, description="The headline.")
    dateline: Dateline | None = None
    organizations: list[Organization] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    works: list[Work] = Field(
        default_factory=list, description="Quoted titles that are not speech."
    )
    countries: list[Country] = Field(default_factory=list)
    country_lists: list[CountryList] = Field(default_factory=list)
    urls: list[Url] = Field(default_factory=list)
    emails: list[Email] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)


class ErrorInfo(_Model):
    """Why one input produced no record."""

    type: str = Field(description="Error class or code.", examples=["InputError", "empty"])
    message: str = Field(description="What was expected and what arrived.")


def _require_ok(schema: dict[str, Any]) -> None:
    # `ok` has a Python default but every written line carries it, and readers tell the two
    # line shapes apart by it: the published schema requires it.
    required = {*schema.get("required", []), "ok"}
    schema["required"] = [name for name in schema["properties"] if name in required]


class BatchSuccess(_Model):
    """One line of batch output for an input that was extracted."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_require_ok)

    source: str | None
    ok: Literal[True] = True
    record: PressRelease
    text: str | None = Field(
        default=None,
        description="The text the spans index (only with --include-text; for HTML, the main text).",
    )


class BatchFailure(_Model):
    """One line of batch output for an input that could not be processed."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_require_ok)

    source: str | None
    ok: Literal[False] = False
    error: ErrorInfo
