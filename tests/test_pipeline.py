"""Building the pipeline, its declared data flow, the public entry points and multiprocessing."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from extractor import ConfigError, InputError, ModelNotFoundError, extract, extract_many
from extractor.assemble import to_record
from extractor.errors import PipelineError
from extractor.models import Failure, PressRelease
from extractor.pipeline import build_nlp, installed_pipelines, resolve_model_name
from extractor.settings import COMPONENTS, Settings, make_settings

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

YEARLESS = (
    "PORTLAND, Ore., Feb 26 - Officials in Oregon said on Thursday that the port will "
    "reopen next week after repairs to the main pier.\n"
)


@pytest.mark.model
def test_pipeline_analyze_pipes_has_no_problems(nlp: Language) -> None:
    problems = nlp.analyze_pipes()["problems"]
    for name in (*COMPONENTS, "pr_verb_lemmas", "pr_token_attributes"):
        assert problems[name] == [], f"{name}: {problems[name]}"


@pytest.mark.model
def test_pipeline_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[-len(COMPONENTS) :] == list(COMPONENTS)
    assert "ner" in names
    assert names.index("ner") < names.index("pr_organisations")


@pytest.mark.model
@pytest.mark.parametrize(
    ("component", "declared"),
    [("pr_people", "assigns"), ("pr_quotes", "requires")],
)
def test_pipeline_speakers_flow_is_declared(nlp: Language, component: str, declared: str) -> None:
    meta = nlp.get_pipe_meta(component)
    assert "doc._.pr_people" in getattr(meta, declared)


def test_pipeline_unknown_model_lists_installed_pipelines() -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        build_nlp(Settings(model="en_no_such_model_xyz"))
    message = str(caught.value)
    assert "en_no_such_model_xyz" in message
    installed = installed_pipelines()
    assert installed, "this environment should have the default model installed"
    for name in installed:
        assert name in message
    assert isinstance(caught.value, ConfigError)


def test_pipeline_default_model_resolves() -> None:
    assert resolve_model_name(None) in installed_pipelines()


@pytest.mark.parametrize("components", [("pr_nope",), ("pr_links", "quotes")])
def test_pipeline_unknown_component_raises_config_error(components: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings(components=components)
    assert "pr_" in str(caught.value)  # the message lists the allowed names
    assert components[-1] in str(caught.value)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"batch_size": 0}, "batch_size"),
        ({"n_proces": 2}, "n_proces"),
        ({"component_config": {"pr_nope": {}}}, "pr_nope"),
    ],
    ids=["zero-batch", "misspelt-key", "config-for-unknown-component"],
)
def test_pipeline_settings_refuse_bad_values(values: dict[str, object], words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_settings(**values)
    assert words in str(caught.value)


def test_pipeline_settings_are_frozen() -> None:
    settings = make_settings(batch_size=4)
    with pytest.raises(ValueError):
        settings.batch_size = 8  # type: ignore[misc]
    assert settings.updated(batch_size=None, n_process=2) == make_settings(
        batch_size=4, n_process=2
    )


def test_pipeline_factories_in_entry_point() -> None:
    found = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= set(found)
    import extractor.components  # noqa: F401  (registers the factories)

    for name in COMPONENTS:
        assert Language.has_factory(name)
        assert Language.get_factory_meta(name).factory == name
        assert callable(found[name].load())


@pytest.mark.model
def test_pipeline_n_process_2_matches_n_process_1() -> None:
    paths = sorted(SAMPLES.glob("*.txt"))[:3]
    items = [(p.read_text(encoding="utf-8"), p.name, dt.date(2026, 3, 1)) for p in paths]
    one = [r.model_dump() for r in extract_many(items, n_process=1)]
    two = [r.model_dump() for r in extract_many(items, n_process=2, batch_size=1)]
    assert len(one) == 3
    assert two == one


@pytest.mark.model
def test_pipeline_extract_many_keeps_order_and_sources() -> None:
    heads = [f"Headline number {word} for the order test" for word in ("one", "two", "three")]
    items = [
        (f"{h}\n\nThe body of release {i} says little.", f"src-{i}") for i, h in enumerate(heads)
    ]
    items.insert(1, "Bare text without a source, written as one line.")
    records = list(extract_many(items))
    assert [r.source for r in records] == ["src-0", None, "src-1", "src-2"]
    assert [r.title for r in records if r.source] == heads


@pytest.mark.model
@pytest.mark.parametrize(
    ("reference", "expected"),
    [(dt.date(1987, 2, 26), "1987-02-26"), (dt.date(1990, 6, 1), "1990-02-26")],
)
def test_pipeline_reference_date_completes_yearless_dateline(
    reference: dt.date, expected: str
) -> None:
    record = extract(YEARLESS, reference_date=reference)
    assert record.dateline is not None
    assert record.dateline.city == "PORTLAND"
    assert (record.dateline.date, record.dateline.date_precision) == (expected, "day")


@pytest.mark.model
def test_pipeline_yearless_dateline_without_reference_has_no_guessed_year() -> None:
    record = extract(YEARLESS)
    assert record.dateline is not None
    assert record.dateline.city == "PORTLAND"
    assert record.dateline.date is None  # no year anywhere: not today's year silently


BLANK_TEXTS = {
    "empty": "",
    "plain": "Just one plain sentence with nothing to find.",
    "link": "Read more at https://example.org/report or write to press@example.org today.",
    "quote": 'Officials met.\n\nMr. John Smith said "we will build it this year" today.',
    "odd-quote": 'He said "this never closes\n\nMore at https://example.org/odd.',
}


@pytest.mark.parametrize("name", sorted(BLANK_TEXTS))
def test_pipeline_components_run_on_users_blank_pipeline(blank_nlp: Language, name: str) -> None:
    for component in COMPONENTS:
        blank_nlp.add_pipe(component)
    text = BLANK_TEXTS[name]
    doc = blank_nlp(text)
    record = to_record(doc)
    for url in record.urls:
        assert text[url.span.start : url.span.end] == url.url
    if "https://" in text:
        assert record.urls
    if name == "quote":
        assert [q.text for q in record.quotes] == ["we will build it this year"]
        assert (
            text[record.quotes[0].span.start : record.quotes[0].span.end]
            == "we will build it this year"
        )


@pytest.mark.parametrize("name", sorted(BLANK_TEXTS))
def test_pipeline_components_run_on_blank_pipeline_with_sentencizer(
    blank_nlp: Language, name: str
) -> None:
    blank_nlp.add_pipe("sentencizer")
    for component in COMPONENTS:
        blank_nlp.add_pipe(component)
    text = BLANK_TEXTS[name]
    record = to_record(blank_nlp(text))
    if "https://" in text:
        assert [text[u.span.start : u.span.end] for u in record.urls] == [
            u.url for u in record.urls
        ]
        assert record.urls


# --------------------------------------------------------------------------- results in place

GOOD_RELEASE = "Port Reopens After Repairs\n\nLISBON, March 3, 2026 - The port reopened today.\n"


@pytest.mark.model
def test_pipeline_extract_many_bad_item_becomes_failure_in_place() -> None:
    results = list(extract_many([(GOOD_RELEASE, "a"), ("", "b"), (GOOD_RELEASE, "c")]))
    assert [type(r).__name__ for r in results] == ["PressRelease", "Failure", "PressRelease"]
    failure = results[1]
    assert isinstance(failure, Failure)
    assert (failure.source, failure.error.type) == ("b", "empty")
    assert "item 1" in failure.error.message


@pytest.mark.model
@pytest.mark.parametrize("n_process", [1, 2])
def test_pipeline_extract_many_keeps_every_good_item(n_process: int) -> None:
    items: list[Any] = [(GOOD_RELEASE, f"doc-{i}") for i in range(60)]
    items[21] = ("   ", "doc-21")
    items[40] = (12345, "doc-40")
    results = list(extract_many(items, n_process=n_process, batch_size=8))
    assert [r.source for r in results] == [f"doc-{i}" for i in range(60)]
    failed = {i for i, r in enumerate(results) if isinstance(r, Failure)}
    assert failed == {21, 40}
    assert results[40].error.type == "not_text"  # type: ignore[union-attr]


@pytest.mark.model
def test_pipeline_extract_many_errors_raise_names_the_item() -> None:
    results = extract_many([(GOOD_RELEASE, "a"), ("", "b")], errors="raise")
    assert isinstance(next(results), PressRelease)
    with pytest.raises(InputError) as caught:
        next(results)
    assert caught.value.code == "empty"
    assert "item 1" in str(caught.value)


@pytest.mark.model
def test_pipeline_extract_many_failing_generator_keeps_items_before_it() -> None:
    def items() -> Iterator[tuple[str, str]]:
        for i in range(5):
            if i == 3:
                raise OSError("disk went away")
            yield GOOD_RELEASE, f"doc-{i}"

    results = list(extract_many(items()))
    assert [r.source for r in results[:3]] == ["doc-0", "doc-1", "doc-2"]
    assert all(isinstance(r, PressRelease) for r in results[:3])
    assert len(results) == 4 and isinstance(results[3], Failure)
    assert results[3].error.type == "input_error"
    assert "item 3" in results[3].error.message and "disk went away" in results[3].error.message


def test_pipeline_extract_many_nothing_to_do_loads_no_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from extractor import api

    def no_model(*_: Any) -> None:
        raise AssertionError("the model was loaded for no input")

    monkeypatch.setattr(api, "get_nlp", no_model)
    assert list(extract_many([])) == []


@pytest.mark.model
def test_pipeline_component_failure_is_a_failure_result(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.components import links

    def boom(*args: Any, **kwargs: Any) -> list[Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(links, "find_urls", boom)
    results = list(extract_many([(GOOD_RELEASE, "a"), (GOOD_RELEASE, "b")]))
    assert all(isinstance(r, Failure) for r in results)
    assert results[0].error.type == "pipeline_error"  # type: ignore[union-attr]
    assert "pr_links" in results[0].error.message  # type: ignore[union-attr]
    with pytest.raises(PipelineError):
        extract(GOOD_RELEASE)


@pytest.mark.model
def test_pipeline_component_failure_logs_a_line_and_the_traceback_only_at_debug(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from extractor.components import links

    def boom(*args: Any, **kwargs: Any) -> list[Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(links, "find_urls", boom)
    with caplog.at_level(logging.DEBUG, logger="extractor"):
        list(extract_many([(GOOD_RELEASE, "a")]))
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    debug = [r for r in caplog.records if r.levelno == logging.DEBUG and r.exc_info]
    assert [r.getMessage() for r in warnings] == ["component pr_links failed: RuntimeError: boom"]
    assert warnings[0].exc_info is None  # a terminal shows one line, not a traceback
    assert debug and "pr_links" in debug[0].getMessage()


@pytest.mark.model
def test_pipeline_default_uses_the_shipped_entity_model(nlp: Language) -> None:
    from extractor.pipeline import SHIPPED_NER

    assert SHIPPED_NER.is_dir()
    assert "ROLE" in nlp.get_pipe("ner").labels  # type: ignore[attr-defined]
    doc = nlp("Acme Robotics appointed Jane Doe as Chief Financial Officer on Monday.")
    assert ("Chief Financial Officer", "ROLE") in [(e.text, e.label_) for e in doc.ents]


def test_pipeline_named_model_keeps_its_own_entities() -> None:
    from extractor.pipeline import load_base

    stock = load_base(resolve_model_name(None), use_shipped_ner=False)
    assert "ROLE" not in stock.get_pipe("ner").labels  # type: ignore[attr-defined]


@pytest.mark.model
def test_pipeline_word_lists_extend_from_the_config() -> None:
    text = (
        "Ombudsman Opens Office\n\n"
        'LISBON, March 3, 2026 - "The office is open," opined Helen Morris, the city\'s '
        "ombudsperson.\n"
    )  # the name is incidental: the test is about the word lists a config extends
    plain = extract(text)
    assert plain.quotes[0].cue is None
    settings = make_settings(
        component_config={
            "pr_quotes": {"extra_reporting_verbs": ["opine"]},
            "pr_people": {"extra_title_words": ["harbourmaster"]},
        }
    )
    extended = extract(text, settings=settings)
    assert (extended.quotes[0].cue, extended.quotes[0].speaker) == ("opined", "Helen Morris")
    from extractor import resources

    assert "opine" not in resources.reporting_verbs()  # nothing leaks out of the component


def test_pipeline_config_with_an_unknown_key_is_refused() -> None:
    with pytest.raises(ConfigError):
        build_nlp(make_settings(component_config={"pr_people": {"extra_title_wordz": ["x"]}}))


@pytest.mark.model
def test_only_verbs_are_lemmatised_and_as_the_model_would(nlp: Language) -> None:
    """The default pipeline disables the model's lemmatizer and lemmatises verbs alone with
    it: their lemmas are the full lemmatizer's; nouns get none (the model's attribute ruler
    still gives a few words, such as pronouns, theirs)."""
    assert "lemmatizer" not in nlp.pipe_names
    assert nlp.pipe_names.index("pr_verb_lemmas") < nlp.pipe_names.index("pr_quotes")
    text = "The ministers were saying that Acme had stressed its plans, the agency reported."
    ours = nlp(text)
    full = spacy.load(resolve_model_name(None))(text)
    verbs = [t.i for t in full if t.pos_ in ("VERB", "AUX")]
    assert [ours[i].lemma_ for i in verbs] == [full[i].lemma_ for i in verbs]
    assert {full[i].lemma_ for i in verbs} >= {"be", "say", "stress", "report"}
    assert all(t.lemma_ == "" for t in ours if t.pos_ in ("NOUN", "PROPN"))


def test_verb_lemmas_need_a_lemmatizer() -> None:
    with pytest.raises(ValueError, match="lemmatizer"):
        spacy.blank("en").add_pipe("pr_verb_lemmas")
