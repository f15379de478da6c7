"""Property tests: whatever the text, the record holds to its contract.

Texts are drawn from a mix of release-like pieces (quote marks of every kind, apostrophes,
dashes, names, URLs, e-mails, line breaks, odd Unicode), so the components meet the
combinations no hand-written case covers.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract_many
from extractor.models import Failure, PressRelease
from extractor.schema import validate

PIECES = [
    "Acme Water Ltd.",
    "Jane Doe",
    "Sen. John Roe (D-Ore.)",
    "said",
    "“",
    "”",
    '"',
    "'",
    "’",
    "«",
    "»",
    "(",
    ")",
    " – ",
    "--",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "PORTLAND, Ore., March 3, 2026 /PRNewswire/ --",
    "https://example.org/a?b=c.",
    "www.example.com",
    "press@example.org",
    "Ministry of Law (MinLaw)",
    "Kenya, Uganda and Tanzania",
    "12 countries",
    "Chief Executive Officer",
    "Georgia",
    "\u00a0",
    "é",
    "🙂",
    "\u200b",
    "Mr. Lim",
]

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=12)), min_size=1, max_size=40
).map(lambda parts: " ".join(parts))

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.model
@PROPERTY
@given(text=texts)
def test_properties_any_text_gives_a_valid_record_or_a_named_failure(text: str) -> None:
    (result,) = list(extract_many([(text, "prop")]))
    if isinstance(result, Failure):
        assert result.error.type in ("empty", "too_large", "not_text")
        assert not text.strip()
        return
    assert validate(result, text=text) == [], text
    for quote in result.quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
    for person in result.people:
        for mention in person.mentions:
            assert 0 <= mention.start < mention.end <= len(text)


GOOD = "Plant Opens\n\nLISBON, March 3, 2026 - The water plant opened today, Jane Doe said.\n"
BAD: list[Any] = ["", "   \n\t", 42, None, ("", "src"), b"bytes", ("text", 5)]


@pytest.mark.model
@PROPERTY
@given(
    layout=st.lists(
        st.one_of(st.just("good"), st.sampled_from(range(len(BAD)))), min_size=1, max_size=12
    )
)
def test_properties_bad_items_anywhere_keep_every_good_one(layout: list[Any]) -> None:
    items = [(GOOD, f"good-{i}") if slot == "good" else BAD[slot] for i, slot in enumerate(layout)]
    results = list(extract_many(items))
    assert len(results) == len(items)
    for slot, result in zip(layout, results, strict=True):
        if slot == "good":
            assert isinstance(result, PressRelease)
            assert result.dateline is not None and result.dateline.city == "LISBON"
        else:
            assert isinstance(result, Failure)


@pytest.mark.model
@settings(max_examples=3, deadline=None)
@given(batch=st.lists(texts, min_size=2, max_size=4))
def test_properties_two_processes_give_the_same_records_as_one(batch: list[str]) -> None:
    items = [(text, f"doc-{i}") for i, text in enumerate(batch)]
    one = [r.model_dump() for r in extract_many(items, n_process=1)]
    two = [r.model_dump() for r in extract_many(items, n_process=2, batch_size=1)]
    assert two == one
