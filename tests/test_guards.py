"""Guards: long runs are tokenised in bounded pieces, long texts analysed in chunks; the spans
keep indexing the original text. (No timings here: benchmarks/guards.py measures them.)"""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from extractor import extract_many
from extractor.guards import (
    MAX_RUN,
    analyse_in_chunks,
    chunk_bounds,
    long_runs,
    make_doc,
    pieces,
)
from extractor.models import PressRelease
from extractor.settings import make_settings

ALPHABET = ['"', "a", " ", "\n", ".", "(", "\u201c", "x", "\t", "\U0001f600", "-", "\u00a0", "é"]


def random_texts(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts: list[str] = []
        size = rng.choice([0, 1, 40, 700, 3000])
        while sum(map(len, parts)) < size:
            parts.append(rng.choice(ALPHABET) * rng.choice([1, 3, 90, 401, 1200]))
        texts.append("".join(parts))
    return texts


def test_guards_make_doc_keeps_the_text_and_bounds_the_tokens(blank_nlp: Language) -> None:
    for text in random_texts(200):
        doc = make_doc(blank_nlp, text, 50)
        assert doc.text == text
        assert all(len(token.text) <= 50 for token in doc if not token.is_space)
        assert sum(len(token.text_with_ws) for token in doc) == len(text)


def test_guards_make_doc_is_plain_tokenisation_without_long_runs(blank_nlp: Language) -> None:
    text = "Acme (ACME) said: \u201cWe\u2019re here.\u201d See https://acme.example/a?b=c."
    assert long_runs(text) == []
    assert [t.text for t in make_doc(blank_nlp, text)] == [t.text for t in blank_nlp(text)]


@pytest.mark.parametrize("run", ['"' * 50_000, "(" * 20_000, "\U0001f600" * 20_000, "ab" * 30_000])
def test_guards_hostile_runs_are_cut(blank_nlp: Language, run: str) -> None:
    text = f"Acme said {run} and left."
    doc = make_doc(blank_nlp, text)
    assert doc.text == text
    assert max(len(token.text) for token in doc) <= MAX_RUN
    assert [t.text for t in doc[:2]] == ["Acme", "said"]
    assert [t.text for t in doc[-3:]] == ["and", "left", "."]


def test_guards_pieces_cover_the_text() -> None:
    text = "a " + "b" * 1000 + " c"
    cuts = pieces(text, 400)
    assert cuts == [(0, 2), (2, 402), (402, 802), (802, 1002), (1002, 1004)]
    assert pieces("", 400) == [(0, 0)]


def test_guards_chunk_bounds_cut_at_paragraphs() -> None:
    paragraph = "A sentence of the release goes here. " * 10 + "\n\n"
    text = paragraph * 60
    bounds = chunk_bounds(text, 2000)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(e - s <= 2000 for s, e in bounds)
    assert all(text[:e].endswith("\n\n") for _, e in bounds[:-1])
    no_breaks = "x" * 5000
    assert chunk_bounds(no_breaks, 2000) == [(0, 2000), (2000, 4000), (4000, 5000)]


RELEASE = (
    "Harbour Authority Opens New Ferry Terminal\n\n"
    "HALIFAX, Nova Scotia, March 3, 2026 -- The Halifax Harbour Authority today opened a new "
    "ferry terminal on the waterfront. \u201cThis terminal will serve commuters for fifty "
    "years,\u201d said Ms. Jane Doe, Chief Executive Officer of the Halifax Harbour Authority. "
    "Details at https://harbour.example.org/terminal.\n\n"
)


def spans_fit(record: PressRelease, text: str) -> None:
    for url in record.urls:
        assert text[url.span.start : url.span.end] == url.url
    for quote in record.quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
    for person in record.people:
        for mention in person.mentions:
            assert text[mention.start : mention.end].strip()


@pytest.mark.model
def test_guards_long_text_is_analysed_in_chunks(nlp: Language) -> None:
    text = RELEASE + "".join(
        f"Paragraph {n}: the Halifax Harbour Authority met Mr. John Smith in Toronto.\n\n"
        for n in range(80)
    )
    doc = analyse_in_chunks(
        nlp, text, model_pipes=[n for n in nlp.pipe_names if not n.startswith("pr_")], size=1500
    )
    assert doc.text == text
    assert len(list(doc.sents)) > 80 and len(doc.ents) > 80
    (record,) = extract_many([text], settings=make_settings(chunk_chars=1500))
    assert isinstance(record, PressRelease)
    assert "long_text" in {w.code for w in record.warnings}
    assert record.title == "Harbour Authority Opens New Ferry Terminal"
    assert record.dateline is not None and record.dateline.city == "HALIFAX"
    assert [u.url for u in record.urls] == ["https://harbour.example.org/terminal"]
    spans_fit(record, text)


@pytest.mark.model
def test_guards_hostile_release_keeps_its_spans() -> None:
    text = RELEASE + '"' * 8_000 + "\n\n" + "(" * 2_000 + " The end.\n"
    (record,) = extract_many([text])
    assert isinstance(record, PressRelease)
    assert "long_runs" in {w.code for w in record.warnings}
    assert [u.url for u in record.urls] == ["https://harbour.example.org/terminal"]
    spans_fit(record, text)
