"""Turn a processed Doc into a :class:`PressRelease`: the only place that knows both."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from spacy.tokens import Doc

from extractor import attrs
from extractor.models import (
    Contact,
    Country,
    CountryList,
    Dateline,
    Email,
    Organization,
    Person,
    PressRelease,
    Quote,
    TextSpan,
    Url,
    Warning,
    Work,
)
from extractor.resources import country_by_iso2


def _span(start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end)


def _spans(pairs: list[list[int]]) -> list[TextSpan]:
    return [_span(s, e) for s, e in pairs]


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_URI_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def link_href(url: str) -> str:
    """``url`` as a link (an RFC 3986 URI): ``https://`` is added to an address written
    without a scheme; characters a URI cannot hold as written (a space, a non-ASCII letter, a
    ``%`` that starts no escape, as in an address cut at ``…%20to%``) are percent-encoded."""
    href = url if _SCHEME.match(url) else f"https://{url}"
    return quote(_LONE_PERCENT.sub("%25", href), safe=_URI_SAFE)


def _ref_id(ref: dict[str, Any] | None) -> str | None:
    if not ref:
        return None
    prefix = "per" if ref["kind"] == "person" else "org"
    return f"{prefix}-{int(ref['index']) + 1}"


def to_record(
    doc: Doc, *, source: str | None = None, warnings: list[dict[str, str]] | None = None
) -> PressRelease:
    """Build the output record from the ``doc._.pr_*`` values.

    Args:
        doc: A Doc that went through the pipeline.
        source: Path or id given by the caller.
        warnings: Problems found before extraction (e.g. while reading the input).
    """
    title = doc._.get(attrs.TITLE)
    raw_dateline = doc._.get(attrs.DATELINE)
    dateline = None
    if raw_dateline:
        dateline = Dateline(
            text=raw_dateline["text"],
            span=_span(raw_dateline["start"], raw_dateline["end"]),
            **{
                k: raw_dateline[k]
                for k in ("city", "region", "country", "date", "date_precision", "wire")
            },
        )
    orgs = [
        Organization(
            id=f"org-{i}",
            name=o["name"],
            acronym=o["acronym"],
            aliases=o["aliases"],
            kind=o["kind"],
            mentions=_spans(o["mentions"]),
        )
        for i, o in enumerate(doc._.get(attrs.ORGANISATIONS), start=1)
    ]
    people = [
        Person(
            id=f"per-{i}",
            name=p["name"],
            honorific=p["honorific"],
            title=p["title"],
            organization=p["organization"],
            organization_id=None if p["org_index"] is None else f"org-{p['org_index'] + 1}",
            mentions=_spans(p["mentions"]),
        )
        for i, p in enumerate(doc._.get(attrs.PEOPLE), start=1)
    ]
    quotes = [
        Quote(
            id=f"q-{i}",
            text=q["text"],
            span=_span(q["start"], q["end"]),
            speaker=q["speaker"],
            speaker_id=_ref_id(q["speaker_ref"]),
            cue=q["cue"],
            attribution=q["attribution"],
        )
        for i, q in enumerate(doc._.get(attrs.QUOTES), start=1)
    ]
    countries = []
    for c in doc._.get(attrs.COUNTRIES):
        info = country_by_iso2(c["iso2"])
        if info is not None:
            countries.append(
                Country(
                    name=info.name, iso2=info.iso2, iso3=info.iso3, mentions=_spans(c["mentions"])
                )
            )
    links = doc._.get(attrs.LINKS) or {"urls": [], "emails": []}
    by_name = {p.name: p.id for p in people}
    return PressRelease(
        source=source,
        title=title["text"] if title else None,
        dateline=dateline,
        organizations=orgs,
        people=people,
        quotes=quotes,
        works=[
            Work(text=w["text"], span=_span(w["start"], w["end"])) for w in doc._.get(attrs.WORKS)
        ],
        countries=countries,
        country_lists=[
            CountryList(
                label=cl["label"],
                countries=cl["countries"],
                stated_count=cl["stated_count"],
                span=_span(cl["start"], cl["end"]),
            )
            for cl in doc._.get(attrs.COUNTRY_LISTS)
        ],
        urls=[
            Url(url=u["text"], href=link_href(u["text"]), span=_span(u["start"], u["end"]))
            for u in links["urls"]
        ],
        emails=[Email(email=e["text"], span=_span(e["start"], e["end"])) for e in links["emails"]],
        contacts=[
            Contact(
                name=c["name"],
                title=c["title"],
                organization=c["organization"],
                email=c["email"],
                phone=c["phone"],
                person_id=by_name.get(c["name"]) if c["name"] else None,
                span=_span(c["start"], c["end"]),
            )
            for c in doc._.get(attrs.CONTACTS)
        ],
        warnings=[Warning(**w) for w in [*(warnings or []), *doc._.get(attrs.WARNINGS)]],
    )
