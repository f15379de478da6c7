"""Helpers shared by the field tests: minimal releases, cached extraction, strict xfails."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from extractor import extract
from extractor.models import PressRelease

HEADLINE = "Partners announce new programme"


def xfail(reason: str) -> pytest.MarkDecorator:
    """A known miss: strict, so fixing it makes the suite ask for the mark's removal."""
    return pytest.mark.xfail(reason=reason, strict=True, raises=AssertionError)


def release(body: str) -> str:
    """A minimal release: a neutral headline, a blank line, the body."""
    return f"{HEADLINE}\n\n{body}\n"


@cache
def record_of(body: str) -> PressRelease:
    """The record of ``release(body)``, extracted once per body."""
    return extract(release(body))


EMPTY_RECORD: dict[str, Any] = {
    "schema_version": "1.0",
    "source": None,
    "title": None,
    "dateline": None,
    **{
        key: []
        for key in (
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
    },
}


def minimal_record(**fields: Any) -> dict[str, Any]:
    """A valid record with every field written (empty), then ``fields`` on top."""
    return {
        **{k: (list(v) if isinstance(v, list) else v) for k, v in EMPTY_RECORD.items()},
        **fields,
    }


DATELINE = {
    "text": "Seoul, Republic of Korea –",
    "span": {"start": 0, "end": 26},
    "city": "Seoul",
    "region": "Republic of Korea",
    "country": None,
    "date": None,
    "date_precision": None,
    "wire": None,
}
