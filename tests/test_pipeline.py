"""Building the pipeline, its declared data flow, the public entry points and multiprocessing."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from spacy.language import Language

from extractor import ConfigError, ModelNotFoundError, extract, extract_many
from extractor.assemble import to_record
from extractor.pipeline import build_nlp, installed_pipelines, resolve_model_name
from extractor.settings import COMPONENTS

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

YEARLESS = (
    "PORTLAND, Ore., Feb 26 - Officials in Oregon said on Thursday that the port will "
    "reopen next week after repairs to the main pier.\n"
)


@pytest.mark.model
def test_pipeline_analyze_pipes_has_no_problems(nlp: Language) -> None:
    problems = nlp.analyze_pipes()["problems"]
    for name in COMPONENTS:
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
        build_nlp("en_no_such_model_xyz")
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
        build_nlp(components=components)
    assert "pr_" in str(caught.value)  # the message lists the allowed names
    assert components[-1] in str(caught.value)


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
