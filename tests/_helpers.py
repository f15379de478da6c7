"""Helpers shared by the field tests: minimal releases, cached extraction, strict xfails."""

from __future__ import annotations

from functools import cache

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
