"""Tests of the scorer on hand-made gold and predicted records (no model needed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractor.scoring import (
    Counts,
    ErrorItem,
    Ratio,
    Report,
    date_matches,
    format_errors,
    format_table,
    greedy_match,
    person_match_score,
    same_attribute,
    same_speaker,
    score_document,
    span_overlap,
    token_overlap,
)


def gold_doc(**fields: Any) -> dict[str, Any]:
    """A gold annotation with every list empty, updated with ``fields``."""
    doc: dict[str, Any] = {
        "title": None,
        "dateline": None,
        "people": [],
        "quotes": [],
        "organizations": [],
        "countries": [],
        "urls": [],
        "emails": [],
    }
    doc.update(fields)
    return doc


def pred_doc(**fields: Any) -> dict[str, Any]:
    """A predicted record in the ``PressRelease`` shape, updated with ``fields``."""
    doc: dict[str, Any] = {
        "schema_version": "1.0",
        "source": None,
        "title": None,
        "dateline": None,
        "organizations": [],
        "people": [],
        "quotes": [],
        "works": [],
        "countries": [],
        "country_lists": [],
        "urls": [],
        "emails": [],
        "contacts": [],
        "warnings": [],
    }
    doc.update(fields)
    return doc


def quote(text: str, speaker: str | None = None) -> dict[str, Any]:
    return {"id": "q-1", "text": text, "span": {"start": 0, "end": 1}, "speaker": speaker}


def person(name: str, **attrs: str | None) -> dict[str, Any]:
    empty = {"honorific": None, "title": None, "organization": None}
    return {"id": "per-1", "name": name, **empty, **attrs}


def org(name: str, acronym: str | None = None, aliases: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": "org-1", "name": name, "acronym": acronym, "aliases": list(aliases)}


GOLD_QUOTE = "the adoption of AI in the public sector is no longer a choice but a necessity"


# --------------------------------------------------------------------------- basic helpers


@pytest.mark.parametrize(
    ("counts", "precision", "recall", "f1"),
    [
        (Counts(tp=2, fp=2, fn=0), 0.5, 1.0, 2 / 3),
        (Counts(tp=0, fp=0, fn=3), 0.0, 0.0, 0.0),
        (Counts(tp=3, fp=1, fn=1), 0.75, 0.75, 0.75),
    ],
)
def test_scoring_counts_scores(counts: Counts, precision: float, recall: float, f1: float) -> None:
    assert counts.precision == pytest.approx(precision)
    assert counts.recall == pytest.approx(recall)
    assert counts.f1 == pytest.approx(f1)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("No universal model, for AI!", "no universal model for ai", 1.0),
        ("a b c d", "a b", 0.5),  # shared 2 / longer side 4
        ("a b", "a b c d", 0.5),  # symmetric
        ("a a b", "a b b", 2 / 3),  # multiset: shared a, b
        ("", "a b", 0.0),
    ],
)
def test_scoring_token_overlap(a: str, b: str, expected: float) -> None:
    assert token_overlap(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (5, 10), 0.5),
        ((0, 4), (4, 8), 0.0),
        ((0, 10), (2, 4), 0.2),
    ],
)
def test_scoring_span_overlap(a: tuple[int, int], b: tuple[int, int], expected: float) -> None:
    assert span_overlap(a, b) == pytest.approx(expected)


def test_scoring_greedy_match_prefers_best_pair() -> None:
    # pred 0 fits gold 0 a little and gold 1 best; pred 1 fits only gold 0.
    table = {(0, 0): 0.4, (0, 1): 0.9, (1, 0): 0.6}
    pairs = greedy_match(2, 2, lambda i, j: table.get((i, j), 0.0), 0.3)
    assert pairs == [(0, 1), (1, 0)]


def test_scoring_greedy_match_is_one_to_one() -> None:
    pairs = greedy_match(3, 1, lambda i, j: 1.0, 0.3)
    assert pairs == [(0, 0)]


# --------------------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    ("pred_text", "at_03", "at_08"),
    [
        (GOLD_QUOTE, 1, 1),
        # 14 of 16 gold tokens: overlap 0.875 passes both thresholds.
        ("the adoption of AI in the public sector is no longer a choice", 1, 1),
        # 6 of 16 tokens: 0.375 passes 0.3 only.
        ("the adoption of AI in the", 1, 0),
        # 4 of 16 tokens: 0.25 passes neither.
        ("adoption of AI in", 0, 0),
    ],
)
def test_scoring_quote_overlap_thresholds(pred_text: str, at_03: int, at_08: int) -> None:
    report = score_document(
        pred_doc(quotes=[quote(pred_text)]), gold_doc(quotes=[quote(GOLD_QUOTE)])
    )
    assert report.counts["quotes@0.3"] == Counts(tp=at_03, fp=1 - at_03, fn=1 - at_03)
    assert report.counts["quotes@0.8"] == Counts(tp=at_08, fp=1 - at_08, fn=1 - at_08)


def test_scoring_quotes_split_quote_is_two_quotes() -> None:
    gold = gold_doc(quotes=[quote("We will win,"), quote("and we will win again.")])
    pred = pred_doc(quotes=[quote("We will win, and we will win again.")])
    report = score_document(pred, gold)
    # The joined quote overlaps the second half with 5/8 tokens; the first half stays missed.
    assert report.counts["quotes@0.3"] == Counts(tp=1, fp=0, fn=1)


@pytest.mark.parametrize(
    ("pred_speaker", "gold_speaker", "correct"),
    [
        ("Byung Joon Park", "Byung Joon Park", True),
        ("Park", "Byung Joon Park", True),  # same surname counts
        ("Senator Akaka", "Daniel K. Akaka", True),
        ("Joe Biden", "Joseph R. Biden, Jr.", True),  # suffix is not the surname
        ("Jane Park", "Byung Joon Park", True),  # surname only, by the rule
        ("Alikhan Baimenov", "Byung Joon Park", False),
        (None, "Byung Joon Park", False),
        ("he", "Byung Joon Park", False),
    ],
)
def test_scoring_speaker_surname_match(
    pred_speaker: str | None, gold_speaker: str, correct: bool
) -> None:
    assert same_speaker(pred_speaker, gold_speaker) is correct
    report = score_document(
        pred_doc(quotes=[quote(GOLD_QUOTE, pred_speaker)]),
        gold_doc(quotes=[quote(GOLD_QUOTE, gold_speaker)]),
    )
    assert report.rates["quote_speaker"] == Ratio(int(correct), 1)


def test_scoring_speaker_accuracy_skips_unknown_gold_speaker() -> None:
    gold = gold_doc(quotes=[quote(GOLD_QUOTE, None), quote("another thing said here", "Kim")])
    pred = pred_doc(quotes=[quote(GOLD_QUOTE, "Park"), quote("another thing said here", "Kim")])
    assert score_document(pred, gold).rates["quote_speaker"] == Ratio(1, 1)


def test_scoring_speaker_accuracy_counts_only_matched_quotes() -> None:
    gold = gold_doc(quotes=[quote(GOLD_QUOTE, "Park")])
    pred = pred_doc(quotes=[quote("something else entirely", "Park")])
    assert score_document(pred, gold).rates["quote_speaker"] == Ratio(0, 0)


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [(["Park", None, None, "Kim"], Ratio(2, 4)), (["Park"], Ratio(0, 1)), ([], Ratio(0, 0))],
)
def test_scoring_unknown_speaker_share(speakers: list[str | None], expected: Ratio) -> None:
    pred = pred_doc(quotes=[quote(f"quote number {i}", s) for i, s in enumerate(speakers)])
    assert score_document(pred, gold_doc()).rates["quotes_without_speaker"] == expected


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("pred_name", "gold_name", "score"),
    [
        ("Byung Joon Park", "Byung Joon Park", 1.0),
        ("Mr. Byung Joon Park", "Byung Joon Park", 1.0),
        ("H.E. Min Jae Kim", "Min Jae Kim", 1.0),
        ("Dr Jane Doe", "Jane Doe", 1.0),
        ("Daniel Akaka", "Daniel K. Akaka", 0.5),  # surname + first initial
        ("D. Akaka", "Daniel K. Akaka", 0.5),
        ("Akaka", "Daniel K. Akaka", 0.0),  # a lone surname has no initial
        ("Brown", "Bob Brown", 0.0),  # not even when it starts with the initial
        ("Bob Brown", "Michael Brown", 0.0),
        ("Daniel Inouye", "Daniel K. Akaka", 0.0),
    ],
)
def test_scoring_people_match_with_honorific_and_initial(
    pred_name: str, gold_name: str, score: float
) -> None:
    assert person_match_score(pred_name, gold_name) == score
    report = score_document(
        pred_doc(people=[person(pred_name)]), gold_doc(people=[person(gold_name)])
    )
    hit = int(score > 0)
    assert report.counts["people"] == Counts(tp=hit, fp=1 - hit, fn=1 - hit)


def test_scoring_people_exact_name_wins_over_initial_match() -> None:
    gold = gold_doc(people=[person("John Smith"), person("Jane Smith")])
    pred = pred_doc(people=[person("J. Smith"), person("John Smith")])
    report = score_document(pred, gold)
    # "John Smith" takes its exact twin; "J. Smith" still matches "Jane Smith" by initial.
    assert report.counts["people"] == Counts(tp=2, fp=0, fn=0)


@pytest.mark.parametrize(
    ("pred_value", "gold_value", "correct"),
    [
        ("Sen.", "Senator", True),
        ("Lt. Gov.", "Lieutenant Governor", True),
        ("Atty. General", "Attorney General", True),
        ("HUD Sec.", "HUD Secretary", True),
        ("Deputy Director", "Director", False),  # token F1 0.67 < 0.8
        ("Director of Digital Government", "Director of Digital Government Cooperation", True),
        (None, None, True),  # null == null
        ("", None, True),
        (None, "Senator", False),
        ("Senator", None, False),
        ("Representative", "Senator", False),
    ],
)
def test_scoring_title_abbreviation_equivalence(
    pred_value: str | None, gold_value: str | None, correct: bool
) -> None:
    assert same_attribute(pred_value, gold_value) is correct


def test_scoring_people_attribute_accuracy() -> None:
    gold = gold_doc(
        people=[
            {
                "name": "Daniel K. Akaka",
                "honorific": None,
                "title": "Senator",
                "organization": None,
            },
            {
                "name": "Min Jae Kim",
                "honorific": "H.E.",
                "title": "Vice Minister",
                "organization": "MOIS",
            },
        ]
    )
    pred = pred_doc(
        people=[
            {**person("Daniel Akaka"), "title": "Sen."},
            {
                **person("Min Jae Kim"),
                "honorific": "Mr.",
                "title": "Vice Minister",
                "organization": "Ministry of the Interior",
            },
        ]
    )
    report = score_document(pred, gold)
    assert report.rates["person_title"] == Ratio(2, 2)
    # Akaka's gold affiliation is null: not scored (GOLD_FORMAT.md); Kim's is wrong
    assert report.rates["person_organization"] == Ratio(0, 1)
    assert report.rates["person_honorific"] == Ratio(1, 2)


def test_scoring_people_null_gold_title_earns_nothing_and_null_prediction_is_wrong() -> None:
    gold = gold_doc(
        people=[
            {"name": "Jane Roe", "honorific": None, "title": None, "organization": "Acme"},
            {"name": "John Doe", "honorific": None, "title": "CEO", "organization": None},
        ]
    )
    pred = pred_doc(people=[person("Jane Roe"), person("John Doe")])
    report = score_document(pred, gold)
    assert report.rates["person_title"] == Ratio(0, 1)
    assert report.rates["person_organization"] == Ratio(0, 1)
    assert report.rates["person_honorific"] == Ratio(2, 2)


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    ("pred_org", "hit"),
    [
        (org("the Ministry of the Interior and Safety"), 1),  # leading "the" dropped
        (org("ministry of the interior and safety"), 1),  # case-insensitive
        (org("Ministry of Interior", acronym="MOIS"), 1),  # acronym equals a gold alias
        (org("Interior Ministry", aliases=("MOIS",)), 1),  # alias equals a gold alias
        (org("Ministry of the Interior"), 0),  # no alias equal
    ],
)
def test_scoring_org_alias_matching_with_the(pred_org: dict[str, Any], hit: int) -> None:
    gold = gold_doc(organizations=[["Ministry of the Interior and Safety", "MOIS"]])
    report = score_document(pred_doc(organizations=[pred_org]), gold)
    assert report.counts["organizations"] == Counts(tp=hit, fp=1 - hit, fn=1 - hit)


def test_scoring_org_matching_is_one_to_one() -> None:
    gold = gold_doc(organizations=[["Ministry of the Interior and Safety", "MOIS"]])
    pred = pred_doc(organizations=[org("Ministry of the Interior and Safety"), org("MOIS")])
    assert score_document(pred, gold).counts["organizations"] == Counts(tp=1, fp=1, fn=0)


@pytest.mark.parametrize(
    ("pred_org", "expected"),
    [
        (org("Astana Civil Service Hub", acronym="ACSH"), Ratio(1, 1)),
        (org("Astana Civil Service Hub", acronym="NIA"), Ratio(0, 1)),  # acronym of another org
        (org("Astana Civil Service Hub"), Ratio(0, 0)),  # no acronym: not a pair
    ],
)
def test_scoring_acronym_pair_precision(pred_org: dict[str, Any], expected: Ratio) -> None:
    gold = gold_doc(
        organizations=[
            ["Astana Civil Service Hub", "ACSH"],
            ["National Information Society Agency", "NIA"],
        ]
    )
    assert score_document(pred_doc(organizations=[pred_org]), gold).rates["acronym_pairs"] == (
        expected
    )


# --------------------------------------------------------------------------- set fields


@pytest.mark.parametrize(
    ("field", "pred_items", "gold_items", "expected"),
    [
        (
            "countries",
            [{"name": "Korea, Republic of", "iso2": "KR", "iso3": "KOR"}, {"iso2": "AI"}],
            ["KR", "KZ"],
            Counts(tp=1, fp=1, fn=1),
        ),
        ("countries", [{"iso2": "KR"}, {"iso2": "KR"}], ["KR"], Counts(tp=1, fp=0, fn=0)),
        (
            "urls",
            [{"url": "www.nps.gov/history", "span": {"start": 0, "end": 1}}],
            ["www.nps.gov/history", "www.preserveamerica.gov"],
            Counts(tp=1, fp=0, fn=1),
        ),
        ("emails", [{"email": "ACHP@achp.gov"}], ["achp@achp.gov"], Counts(tp=1, fp=0, fn=0)),
        ("emails", [], [], Counts()),
    ],
)
def test_scoring_set_metrics(
    field: str, pred_items: list[Any], gold_items: list[str], expected: Counts
) -> None:
    report = score_document(pred_doc(**{field: pred_items}), gold_doc(**{field: gold_items}))
    assert report.counts[field] == expected


def test_scoring_set_metrics_are_micro_summed() -> None:
    first = score_document(pred_doc(countries=[{"iso2": "KR"}]), gold_doc(countries=["KR"]))
    second = score_document(pred_doc(countries=[{"iso2": "JP"}]), gold_doc(countries=["CN"]))
    total = Report.combine([first, second])
    assert total.counts["countries"] == Counts(tp=1, fp=1, fn=1)
    assert total.documents == 2


# --------------------------------------------------------------------------- dateline, title


@pytest.mark.parametrize(
    ("pred_date", "gold_date", "correct"),
    [
        ("2025-10", "2025-10", True),
        ("2025-10-01", "2025-10", True),  # cut to the gold precision
        ("2025", "2025-10", False),  # less precise than gold
        ("2025-11", "2025-10", False),
        ("2005-03-09", "2005-03-09", True),
        (None, None, True),
        ("2005-03-09", None, False),
        (None, "2005-03-09", False),
    ],
)
def test_scoring_dateline_precision(
    pred_date: str | None, gold_date: str | None, correct: bool
) -> None:
    assert date_matches(pred_date, gold_date) is correct
    gold = gold_doc(
        dateline={"text": "Seoul –", "city": "Seoul", "country": "KR", "date": gold_date}
    )
    pred = pred_doc(
        dateline={"text": "Seoul –", "city": "SEOUL", "country": "KR", "date": pred_date}
    )
    report = score_document(pred, gold)
    assert report.rates["dateline_date"] == Ratio(int(correct), 1)
    assert report.rates["dateline_city"] == Ratio(1, 1)  # case-insensitive


@pytest.mark.parametrize(
    ("pred_dateline", "gold_dateline", "presence", "has_parts"),
    [
        (None, None, Ratio(1, 1), False),
        ({"text": "WASHINGTON -", "city": "WASHINGTON"}, None, Ratio(0, 1), False),
        (None, {"text": "WASHINGTON -", "city": "WASHINGTON", "date": None}, Ratio(0, 1), True),
    ],
)
def test_scoring_dateline_presence(
    pred_dateline: dict[str, Any] | None,
    gold_dateline: dict[str, Any] | None,
    presence: Ratio,
    has_parts: bool,
) -> None:
    report = score_document(pred_doc(dateline=pred_dateline), gold_doc(dateline=gold_dateline))
    assert report.rates["dateline_presence"] == presence
    # City/country/date are scored only where gold has a dateline, and a missing
    # prediction gets no credit, not even for a null gold date.
    assert ("dateline_date" in report.rates) is has_parts
    if has_parts:
        assert report.rates["dateline_date"] == Ratio(0, 1)


@pytest.mark.parametrize(
    ("pred_title", "gold_title", "correct"),
    [
        ("SEN. ALLEN  ANNOUNCES\nCAUCUS ", "SEN. ALLEN ANNOUNCES CAUCUS", True),
        ("Sen. Allen announces caucus", "SEN. ALLEN ANNOUNCES CAUCUS", False),
        (None, None, True),
        (None, "A headline", False),
    ],
)
def test_scoring_title_whitespace_normalised(
    pred_title: str | None, gold_title: str | None, correct: bool
) -> None:
    report = score_document(pred_doc(title=pred_title), gold_doc(title=gold_title))
    assert report.rates["title"] == Ratio(int(correct), 1)


# --------------------------------------------------------------------------- gold shapes


def test_scoring_accepts_record_shaped_gold() -> None:
    record = pred_doc(
        organizations=[org("Astana Civil Service Hub", acronym="ACSH")],
        countries=[{"name": "Korea, Republic of", "iso2": "KR", "iso3": "KOR"}],
        urls=[{"url": "https://example.org", "span": {"start": 0, "end": 19}}],
        people=[person("Byung Joon Park")],
    )
    report = score_document(record, record)
    for key in ("organizations", "countries", "urls", "people"):
        assert report.counts[key] == Counts(tp=1), key


def test_scoring_ignores_extra_gold_keys() -> None:
    gold = gold_doc(wire="PRNewswire", contacts=[{"name": "x"}], stated_count=12, notes="n")
    assert score_document(pred_doc(), gold).rates["title"] == Ratio(1, 1)


# --------------------------------------------------------------------------- errors, output


def test_scoring_error_lists() -> None:
    gold = gold_doc(
        quotes=[quote(GOLD_QUOTE, "Byung Joon Park"), quote("no universal model", "Baimenov")],
        people=[{**person("Min Jae Kim"), "title": "Vice Minister"}],
        countries=["KR"],
    )
    pred = pred_doc(
        quotes=[quote(GOLD_QUOTE, "Kim"), quote("Global Approaches to AI Governance")],
        people=[{**person("Min Jae Kim"), "title": "Minister of Finance"}],
        countries=[{"iso2": "AI"}],
    )
    errors = score_document(pred, gold, name="001").errors["001"]
    assert ErrorItem("quote speaker", "wrong", GOLD_QUOTE, "Byung Joon Park", "Kim") in errors
    assert ErrorItem("quotes", "missed", "no universal model") in errors
    assert ErrorItem("quotes", "false_alarm", "Global Approaches to AI Governance") in errors
    assert (
        ErrorItem("person title", "wrong", "Min Jae Kim", "Vice Minister", "Minister of Finance")
        in errors
    )
    assert ErrorItem("countries", "missed", "KR") in errors
    assert ErrorItem("countries", "false_alarm", "AI") in errors
    text = format_errors(Report.combine([score_document(pred, gold, name="001")]))
    assert "[001] quotes missed: 'no universal model'" in text


def test_scoring_perfect_prediction_has_no_errors() -> None:
    gold = gold_doc(quotes=[quote(GOLD_QUOTE, "Park")], countries=["KR"], title="T")
    pred = pred_doc(
        quotes=[quote(GOLD_QUOTE, "Byung Joon Park")], countries=[{"iso2": "KR"}], title="T"
    )
    assert score_document(pred, gold, name="x").errors == {"x": ()}


def test_scoring_report_to_dict_is_json_safe() -> None:
    report = score_document(pred_doc(quotes=[quote("a b c")]), gold_doc(), name="d")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["counts"]["quotes@0.3"] == {
        "tp": 0,
        "fp": 1,
        "fn": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert data["rates"]["quote_speaker"] == {"hits": 0, "total": 0, "value": None}
    assert data["errors"]["d"][0]["kind"] == "false_alarm"


def test_scoring_format_table_has_one_column_per_system() -> None:
    ours = score_document(pred_doc(countries=[{"iso2": "KR"}]), gold_doc(countries=["KR"]))
    baseline = score_document(pred_doc(), gold_doc(countries=["KR"]))
    lines = format_table({"ours": ours, "baseline": baseline}).splitlines()
    assert lines[0].split() == ["metric", "ours", "baseline"]
    row = next(line for line in lines if line.startswith("countries"))
    column = lines[0].index("ours")
    assert row[column:].startswith("1.000 / 1.000 / 1.000")  # aligned under its header
    assert row[lines[0].index("baseline") :].startswith("0.000 / 0.000 / 0.000")


# --------------------------------------------------------------------------- failures


def test_scoring_failed_documents_are_counted() -> None:
    from extractor.evaluation import failed_record

    failed = failed_record(("some text", "a.txt"), "pipeline_error", "boom")
    assert score_document(failed, gold_doc()).rates["extraction_failed"] == Ratio(1, 1)
    assert score_document(pred_doc(), gold_doc()).rates["extraction_failed"] == Ratio(0, 1)
