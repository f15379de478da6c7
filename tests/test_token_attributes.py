"""pr_token_attributes gives every token what the model's attribute ruler would give it."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from extractor.components.token_attributes import apply_rules, compile_rules, ruler_table
from extractor.pipeline import build_nlp, resolve_model_name
from extractor.settings import Settings

COMPARED = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def base() -> Language:
    """The stock model, its ruler enabled (the reference)."""
    return spacy.load(resolve_model_name(None))


def _before_ruler(nlp: Language, texts: list[str]) -> list[Doc]:
    """The texts tagged and parsed, the ruler (and what follows it) not run."""
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") :]
    with nlp.select_pipes(disable=after):
        return list(nlp.pipe(texts))


def _assert_same(ruler: AttributeRuler, docs: list[Doc]) -> None:
    table = compile_rules(ruler)
    assert table is not None
    for doc in docs:
        expected, ours = doc.copy(), doc.copy()
        ruler(expected)
        apply_rules(table, ours)
        assert numpy.array_equal(expected.to_array(COMPARED), ours.to_array(COMPARED)), [
            (t.text, t.pos_, t.morph, t.lemma_, u.pos_, u.morph, u.lemma_)
            for t, u in zip(expected, ours, strict=True)
            if (t.pos, t.morph, t.lemma) != (u.pos, u.morph, u.lemma)
        ]


@pytest.mark.model
def test_default_pipeline_stands_in_for_the_ruler(nlp: Language) -> None:
    assert "attribute_ruler" not in nlp.pipe_names
    assert "attribute_ruler" in nlp.disabled
    names = nlp.pipe_names
    assert names.index("parser") < names.index("pr_token_attributes")
    assert names.index("pr_token_attributes") < names.index("pr_verb_lemmas")


@pytest.mark.model
def test_model_rules_on_contractions_and_multi_token_patterns(base: Language) -> None:
    """The model's patterns of two tokens ("gon na", "let 's", "ai n't", "there is") and its
    one-token ones, on a sentence built to hit them."""
    text = (
        "Y'all gonna see: let's go, c'mon, it ain't over and we gotta win. There is a vote "
        "and there were two, he gets it and she got it.\n\n  Done."
    )
    docs = _before_ruler(base, [text])
    _assert_same(base.get_pipe("attribute_ruler"), docs)
    ours = docs[0].copy()
    table = compile_rules(base.get_pipe("attribute_ruler"))
    assert table is not None
    apply_rules(table, ours)
    lemmas = {t.text: t.lemma_ for t in ours}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"


@pytest.mark.model
def test_model_rules_on_releases_of_each_corpus(base: Language, shared_dir: Path) -> None:
    texts = []
    for name in ("grimmer_senate_press_releases.jsonl", "wire_and_agency_releases.jsonl"):
        lines = (shared_dir / "data" / "press_releases" / name).read_text("utf-8").splitlines()
        texts += [json.loads(line).get("text") or "" for line in lines[::97][:12]]
    assert len(texts) >= 20
    _assert_same(base.get_pipe("attribute_ruler"), _before_ruler(base, texts))


WORDS = [
    "gon", "na", "let", "'s", "ai", "n't", "nt", "y'", "y", "all", "there", "is", "are",
    "The", "agency", "said", "Smith", "will", "be", "got", "ta", "gets", "c'm", "on", "\n",
    "  ", "-", "I", "me", "They", "was", "were", "'re", ".", ",", "2026", "'",
]  # fmt: skip


@pytest.mark.model
@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_model_rules_on_any_sequence_of_awkward_words(base: Language, words: list[str]) -> None:
    _assert_same(base.get_pipe("attribute_ruler"), _before_ruler(base, [" ".join(words)]))


def _custom_ruler() -> tuple[Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["acme", "globex"]}}]], {"POS": "PROPN", "LEMMA": "firm"})
    ruler.add([[{"LOWER": "acme"}]], {"POS": "NOUN"})  # later: overrides the POS only
    ruler.add([[{"ORTH": {"REGEX": "^[0-9]+$"}}]], {"POS": "NUM", "MORPH": "NumType=Card"})
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}]], {"TAG": "X"})
    ruler.add(
        [[{"LOWER": "new"}, {}, {"LOWER": "city"}], [{"LOWER": "san"}, {"LOWER": "jose"}]],
        {"LEMMA": "place"},
        index=-1,
    )
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "PROPN"}, index=1)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    return nlp, ruler


CUSTOM_WORDS = [
    "acme", "Acme", "globex", "the", "a", "new", "york", "city", "san", "jose", "42", "4x",
    "New", "\n\n", "went", ".",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(CUSTOM_WORDS), max_size=30))
def test_operators_quantifier_free_patterns_and_order_match_the_ruler(words: list[str]) -> None:
    nlp, ruler = _custom_ruler()
    _assert_same(ruler, [nlp.make_doc(" ".join(words))])


UNDECIDABLE = [
    ([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"}, 0),  # a quantifier
    ([[{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}]], {"POS": "NOUN"}, 0),
    ([[{"LOWER": "acme"}]], {"NORM": "acme corp"}, 0),  # a lexical attribute
    ([[{"LENGTH": 3}]], {"POS": "X"}, 0),
    ([[{"LOWER": "the", "lower": {"NOT_IN": ["a"]}}]], {"POS": "DET"}, 0),  # LOWER twice
]


@pytest.mark.parametrize(("patterns", "assigned", "index"), UNDECIDABLE)
def test_a_ruler_the_table_cannot_decide_runs_itself(
    patterns: list[list[dict[str, Any]]], assigned: dict[str, str], index: int
) -> None:
    """No table; a pr_token_attributes added anyway runs the ruler, so nothing changes."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns, assigned, index=index)
    assert compile_rules(ruler) is None
    nlp.disable_pipe("attribute_ruler")
    nlp.add_pipe("pr_token_attributes")
    text = "the very very big acme cat and the dog"
    expected = ruler(nlp.make_doc(text))
    assert numpy.array_equal(nlp(text).to_array(COMPARED), expected.to_array(COMPARED))


def test_an_index_outside_a_pattern_is_left_to_the_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"POS": "NOUN"}, index=1)
    assert compile_rules(ruler) is None  # the ruler itself raises E1001 on a match


def test_a_ruler_reading_one_attribute() -> None:
    """``Doc.to_array`` of one attribute is one-dimensional (a tag map reads only TAG)."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["a", "the"]}}]], {"POS": "DET"})
    _assert_same(ruler, [nlp.make_doc("the cat saw a dog"), nlp.make_doc("cat")])


def test_a_model_whose_ruler_is_off_keeps_it_off() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "cat"}]], {"POS": "NOUN"})
    nlp.disable_pipe("attribute_ruler")
    assert ruler_table(nlp) is None


def test_a_saved_pipeline_reloads_with_its_rules(tmp_path: Path) -> None:
    """The table is built on first use: a reloaded pipeline makes the component before it
    loads the ruler's patterns."""
    nlp, _ = _custom_ruler()
    nlp.disable_pipe("attribute_ruler")
    nlp.add_pipe("pr_token_attributes")
    text = "acme built 42 homes in new york"
    before = nlp(text).to_array(COMPARED)
    nlp.to_disk(tmp_path / "model")
    reloaded = spacy.load(tmp_path / "model")
    assert "attribute_ruler" not in reloaded.pipe_names
    after = reloaded(text).to_array(COMPARED)
    assert numpy.array_equal(before, after)
    assert reloaded(text)[0].pos_ == "NOUN"


def test_build_keeps_a_ruler_it_cannot_stand_in_for(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    nlp.to_disk(tmp_path / "model")
    built = build_nlp(Settings(model=str(tmp_path / "model")))
    assert "attribute_ruler" in built.pipe_names
    assert "pr_token_attributes" not in built.pipe_names


def test_component_survives_pickling_for_worker_processes() -> None:
    nlp, ruler = _custom_ruler()
    table = compile_rules(ruler)
    assert table is not None
    copy = pickle.loads(pickle.dumps(table))
    doc = nlp.make_doc("acme built 42 homes in new york")
    apply_rules(copy, doc)
    assert [t.pos_ for t in doc][:3] == ["NOUN", "", "NUM"] and doc[6].pos_ == "PROPN"
