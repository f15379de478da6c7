"""Quotations: pairing quote marks, attributing speakers, and telling speech from quoted titles.

The ``find_quote_spans`` tests are pure (no model). The attribution and works tests run the full
pipeline through ``extract`` and are marked ``model``. Every text is invented for these tests.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import pytest
from spacy.language import Language

from extractor import attrs, extract
from extractor.components.quotes.resolver import Resolver, Sentences
from extractor.components.quotes.strategies import QuoteContext, between_quotes, label_line
from extractor.models import PressRelease
from extractor.text.marks import OPENERS, find_quote_spans, is_mentioned_word

HEAD = "Riverton Water Board hosts forum\n\n"
DOE = "John Doe, Chairman of the Riverton Water Board, opened the forum on Monday.\n\n"
MINISTRY = (
    "Ministry of Water Affairs opens plant\n\nThe Ministry of Water Affairs opened a plant.\n\n"
)
PLANT = "This plant will serve forty thousand homes"
RIVERS = "every city must protect its rivers for the next generation"
MARK_CHARS = set(OPENERS) | set(OPENERS.values())


def _xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


def _inner_texts(text: str) -> list[str]:
    """Inner texts of the quote spans, after checking each span's offsets are coherent."""
    spans = find_quote_spans(text)
    for span in spans:
        assert text[span.open_at] in MARK_CHARS, span
        assert span.open_at < span.start < span.end <= len(text), span
        if span.close_at is not None:
            assert span.end <= span.close_at < len(text), span
            assert text[span.close_at] in MARK_CHARS, span
        inner = text[span.start : span.end]
        assert inner == inner.strip(), span
    return [text[span.start : span.end] for span in spans]


# --------------------------------------------------------------------------------------------
# Quote marks (pure)
# --------------------------------------------------------------------------------------------

MARKS = [
    pytest.param(
        HEAD + "“We will act now,” said Jane Roe. She added: “Today matters.”\n",
        ["We will act now,", "Today matters."],
        id="curly-double",
    ),
    pytest.param(
        HEAD + "‘We will act now,’ said Jane Roe. ‘Today matters,’ she added.\n",
        ["We will act now,", "Today matters,"],
        id="curly-single-when-no-double-marks",
    ),
    pytest.param(
        HEAD + '"We will act now," said Jane Roe. She added: "Today matters."\n',
        ["We will act now,", "Today matters."],
        id="straight-double",
    ),
    pytest.param(
        HEAD + "'We will act now,' said Jane Roe.\n",
        ["We will act now,"],
        id="straight-single-when-no-double-marks",
    ),
    pytest.param(
        HEAD + "«We will act now», said Jane Roe. «Today matters», she added.\n",
        ["We will act now", "Today matters"],
        id="guillemets",
    ),
    pytest.param(
        HEAD + "« We will act now », said Jane Roe.\n",
        ["We will act now"],
        id="guillemets-with-inner-spaces",
    ),
    # negatives: single marks are not quotes when the text has double marks
    pytest.param(
        HEAD + "He called the plan ‘odd’. “We will act now,” said Jane Roe.\n",
        ["We will act now,"],
        id="curly-single-ignored-beside-double",
    ),
    pytest.param(
        HEAD + "He called the plan 'odd'. \"We will act now,\" said Jane Roe.\n",
        ["We will act now,"],
        id="straight-single-ignored-beside-double",
    ),
    # negatives: straight marks used as inch signs, empty marks
    pytest.param(
        HEAD + 'The pipe is 3" wide and 5" long.\n\n"We will act now," said Jane Roe.\n',
        ["We will act now,"],
        id="inch-marks-are-not-quotes",
    ),
    pytest.param(
        HEAD + "Say “” and “ ” aloud. “We will act now,” said Jane Roe.\n",
        ["We will act now,"],
        id="empty-marks-give-no-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quotes_marks_pair(text: str, expected: list[str]) -> None:
    assert _inner_texts(text) == expected


APOSTROPHES = [
    pytest.param(
        HEAD + "Korea’s plan, which we don’t doubt, recalls the 90’s and the members’ vote.\n",
        [],
        id="curly-apostrophes-only",
    ),
    pytest.param(
        HEAD + "Korea's plan, which we don't doubt, recalls the 90's and the members' vote.\n",
        [],
        id="straight-apostrophes-only",
    ),
    pytest.param(
        HEAD + "Since the ’90s the Jones’ farm and Côte d’Ivoire’s towns grew.\n",
        [],
        id="decade-and-names",
    ),
    pytest.param(
        HEAD + "Korea’s members’ plan works. ‘We don’t doubt the 90’s results,’ Roe said.\n",
        ["We don’t doubt the 90’s results,"],
        id="apostrophes-around-single-quote",
    ),
    pytest.param(
        HEAD + "Korea's members' plan works. 'We don't doubt the 90's results,' Roe said.\n",
        ["We don't doubt the 90's results,"],
        id="straight-apostrophes-around-single-quote",
    ),
    pytest.param(
        HEAD + "‘We thank the members’ families,’ Roe said.\n",
        ["We thank the members’ families,"],
        id="plural-possessive-inside-single-quote",
    ),
    pytest.param(
        HEAD + "Korea’s plan is “what we don’t doubt,” Roe said of the members’ vote.\n",
        ["what we don’t doubt,"],
        id="apostrophes-in-double-quoted-text",
    ),
    pytest.param(
        HEAD + "‘We thank our partners’, Roe said. ‘Next year is ours,’ she added.\n",
        ["We thank our partners", "Next year is ours,"],
        id="single-quote-closing-after-s",
    ),
    pytest.param(
        HEAD + "'We thank our partners', Roe said. 'Next year is ours,' she added.\n",
        ["We thank our partners", "Next year is ours,"],
        id="straight-single-quote-closing-after-s",
    ),
]


@pytest.mark.parametrize(("text", "expected"), APOSTROPHES)
def test_quotes_apostrophes_are_not_marks(text: str, expected: list[str]) -> None:
    assert _inner_texts(text) == expected


NESTED = [
    pytest.param(
        HEAD + "“The report ‘Clean Rivers’ shows progress,” Roe said.\n",
        ["The report ‘Clean Rivers’ shows progress,"],
        id="curly-single-inside-double",
    ),
    pytest.param(
        HEAD + "\"The report 'Clean Rivers' shows progress,\" Roe said.\n",
        ["The report 'Clean Rivers' shows progress,"],
        id="straight-single-inside-double",
    ),
    pytest.param(
        HEAD + "“He said ‘we go’ and left,” Roe said. “Then we followed,” she added.\n",
        ["He said ‘we go’ and left,", "Then we followed,"],
        id="nested-then-next-quote",
    ),
    pytest.param(
        HEAD + "“The ‘members’ charter’ matters,” Roe said.\n",
        ["The ‘members’ charter’ matters,"],
        id="nested-with-possessive",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NESTED)
def test_quotes_nested_stay_inside_outer(text: str, expected: list[str]) -> None:
    assert _inner_texts(text) == expected


MULTI_PARAGRAPH = [
    pytest.param(
        HEAD + "“First we cleaned the rivers.\n\n“Then we rebuilt the pipes.\n\n"
        "“Now we serve every home,” Roe said.\n",
        ["First we cleaned the rivers.", "Then we rebuilt the pipes.", "Now we serve every home,"],
        id="curly-three-paragraphs",
    ),
    pytest.param(
        HEAD + '"First we cleaned the rivers.\n\n"Now we serve every home," Roe said.\n\n'
        'Later "we rest," Doe said.\n',
        ["First we cleaned the rivers.", "Now we serve every home,", "we rest,"],
        id="straight-two-paragraphs-then-another-quote",
    ),
    pytest.param(
        HEAD + "«First we cleaned the rivers.\n\n«Now we serve every home», Roe said.\n",
        ["First we cleaned the rivers.", "Now we serve every home"],
        id="guillemets-two-paragraphs",
    ),
    pytest.param(
        HEAD + "‘First we cleaned the rivers.\n\n‘Now we serve every home,’ Roe said.\n",
        ["First we cleaned the rivers.", "Now we serve every home,"],
        id="single-two-paragraphs",
    ),
    pytest.param(
        HEAD + "“First we cleaned the rivers.\n“Now we serve every home,” Roe said.\n",
        ["First we cleaned the rivers.", "Now we serve every home,"],
        id="paragraphs-on-consecutive-lines",
    ),
    pytest.param(
        HEAD + "“First ‘clean’ rivers.\n\n“Now we serve every home,” Roe said.\n",
        ["First ‘clean’ rivers.", "Now we serve every home,"],
        id="nested-inside-multi-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MULTI_PARAGRAPH)
def test_quotes_multi_paragraph_one_per_paragraph(text: str, expected: list[str]) -> None:
    assert _inner_texts(text) == expected


UNBALANCED = [
    pytest.param(
        HEAD + "“This never closes, Roe said.\n\nA later paragraph. “Found later,” Doe said.\n",
        ["This never closes, Roe said.", "Found later,"],
        id="curly-open-never-closed",
    ),
    pytest.param(
        HEAD + "“Open and never closed.\n\nPlain paragraph.\n\n“Found later,” Doe said. "
        "“And more,” she added.\n",
        ["Open and never closed.", "Found later,", "And more,"],
        id="open-then-plain-paragraph",
    ),
    pytest.param(
        HEAD + "This closes only” oddly.\n\n“Found later,” Doe said.\n",
        ["Found later,"],
        id="stray-closer",
    ),
    pytest.param(
        HEAD + "Odd ” mark ” here.\n\n“Found later,” Doe said.\n",
        ["Found later,"],
        id="two-stray-closers",
    ),
    pytest.param(
        HEAD + "” stray closer first. “Found later,” Doe said.\n",
        ["Found later,"],
        id="closer-before-opener",
    ),
    pytest.param(
        HEAD + "“Open “again and more.\n\n“Found later,” Doe said.\n",
        ["Open “again and more.", "Found later,"],
        id="double-opener",
    ),
    pytest.param(
        HEAD + 'He said "open only.\n\nLater "Found later," Doe said.\n',
        ["open only.", "Found later,"],
        id="straight-open-never-closed",
    ),
    pytest.param(
        HEAD + '"One," Roe said. "Two\n\nLater "Found later," Doe said.\n',
        ["One,", "Two", "Found later,"],
        id="odd-number-of-straight-marks",
    ),
    pytest.param(
        HEAD + "« open only.\n\nLater «Found later», Doe said.\n",
        ["open only.", "Found later"],
        id="guillemet-open-never-closed",
    ),
    pytest.param(
        HEAD + "The ‘dangling mark here.\n\n‘Found later,’ Doe said.\n",
        ["dangling mark here.", "Found later,"],
        id="single-open-never-closed",
    ),
    pytest.param(
        HEAD + "A paragraph. “Found,” Doe said. And “dangling",
        ["Found,", "dangling"],
        id="open-at-end-of-text",
    ),
    pytest.param("", [], id="empty-text"),
    pytest.param("“”«»'\"‘’", [], id="marks-only"),
    pytest.param(HEAD + "“", [], id="lone-opener-at-end"),
]


@pytest.mark.parametrize(("text", "expected"), UNBALANCED)
def test_quotes_unbalanced_marks_do_not_swallow(text: str, expected: list[str]) -> None:
    found = _inner_texts(text)
    assert found == expected
    assert not any("\n\n" in inner for inner in found)


# --------------------------------------------------------------------------------------------
# Attribution (full pipeline)
# --------------------------------------------------------------------------------------------


class Q(NamedTuple):
    """One expected quote: inner text, speaker, cue and how the speaker was found."""

    text: str
    speaker: str | None
    cue: str | None
    how: str | None


@functools.cache
def _record(text: str) -> PressRelease:
    return extract(text)


def _entity_name(record: PressRelease, ref: str) -> str:
    entities = {p.id: p.name for p in record.people} | {o.id: o.name for o in record.organizations}
    assert ref in entities, f"speaker_id {ref} names no person or organisation"
    return entities[ref]


def _quotes(text: str) -> list[Q]:
    record = _record(text)
    for quote in record.quotes:
        if quote.speaker_id is not None:
            assert _entity_name(record, quote.speaker_id) == quote.speaker
    return [Q(q.text, q.speaker, q.cue, q.attribution) for q in record.quotes]


ATTRIBUTION = [
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT},” Jane Roe said.\n",
        [Q(f"{PLANT},", "Jane Roe", "said", "explicit")],
        id="quote-X-said",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT},” said Jane Roe.\n",
        [Q(f"{PLANT},", "Jane Roe", "said", "explicit")],
        id="quote-said-X",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\nJane Roe said: “{PLANT}.”\n",
        [Q(f"{PLANT}.", "Jane Roe", "said", "explicit")],
        id="X-said-colon-quote",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT},” said Jane Roe, Chief Executive of "
        "the Riverton Water Board.\n",
        [Q(f"{PLANT},", "Jane Roe", "said", "explicit")],
        id="quote-said-X-title-of-org",
    ),
    pytest.param(
        HEAD + "The plant opened on Monday.\n\nJane Roe, Chief Executive of the Riverton Water "
        f"Board, said “{PLANT.lower()}.”\n",
        [Q(f"{PLANT.lower()}.", "Jane Roe", "said", "explicit")],
        id="X-title-said-quote",
    ),
    pytest.param(
        HEAD + "Jane Roe told reporters: “We are proud of the plant.”\n",
        [Q("We are proud of the plant.", "Jane Roe", "told", "explicit")],
        id="X-told-reporters",
    ),
    pytest.param(
        HEAD
        + "Jane Roe, Director of the board, said in a statement: “We are proud of the plant.”\n",
        [Q("We are proud of the plant.", "Jane Roe", "said", "explicit")],
        id="X-said-in-a-statement",
    ),
    pytest.param(
        HEAD + "The plant opened on Monday. The plant, according to Jane Roe, is “the largest of "
        "its kind in the region and a model for others.”\n",
        [
            Q(
                "the largest of its kind in the region and a model for others.",
                "Jane Roe",
                "according to",
                "explicit",
            )
        ],
        id="according-to-X",
    ),
    pytest.param(
        HEAD + "According to Jane Roe, Director of the Riverton Water Board, the plant is “the "
        "largest of its kind in the region.”\n",
        [Q("the largest of its kind in the region.", "Jane Roe", "According to", "explicit")],
        id="according-to-X-title-starts-sentence",
    ),
    pytest.param(
        HEAD + "The plant opened on Monday.\n\n“This plant,” Jane Roe said, “will serve forty "
        "thousand homes.”\n",
        [
            Q("This plant,", "Jane Roe", "said", "explicit"),
            Q("will serve forty thousand homes.", "Jane Roe", "said", "explicit"),
        ],
        id="quote-split-by-attribution",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT},” said Jane Roe. “It is the largest "
        "project we have ever built.”\n",
        [
            Q(f"{PLANT},", "Jane Roe", "said", "explicit"),
            Q("It is the largest project we have ever built.", "Jane Roe", None, "adjacency"),
        ],
        id="second-sentence-same-paragraph",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT}.” -Commissioner Jane Roe\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "explicit")],
        id="quote-dash-title-name",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT}.” — Commissioner Jane Roe\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "explicit")],
        id="quote-em-dash-title-name",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\nAnd from Chairwoman Jane Roe: “{PLANT}.”\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "explicit")],
        id="and-from-X-colon-same-line",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\nAnd from Chairwoman Jane Roe:\n“{PLANT}.”\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "explicit")],
        id="and-from-X-colon-next-line",
    ),
    pytest.param(
        HEAD + "The forum opened with Chairwoman Jane Roe.\n\nAnd from Chairwoman Roe:\n"
        f"“{PLANT}.”\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "surname")],
        id="and-from-surname-colon-next-line",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\n“{PLANT},” said Jane Roe.\n\n"
        "“We built it in under two years with local workers.”\n",
        [
            Q(f"{PLANT},", "Jane Roe", "said", "explicit"),
            Q("We built it in under two years with local workers.", "Jane Roe", None, "adjacency"),
        ],
        id="floating-quote-after-attributed",
    ),
    pytest.param(
        HEAD + "“We will protect the rivers,” said Jane Roe.\n\n"
        "“We will fund the towns,” said John Doe.\n",
        [
            Q("We will protect the rivers,", "Jane Roe", "said", "explicit"),
            Q("We will fund the towns,", "John Doe", "said", "explicit"),
        ],
        id="two-speakers-two-paragraphs",
    ),
    pytest.param(
        HEAD + "The forum opened on Monday.\n\n“John Doe built this forum from nothing,” said "
        "Jane Roe.\n",
        [Q("John Doe built this forum from nothing,", "Jane Roe", "said", "explicit")],
        id="person-named-inside-is-not-speaker",
    ),
    # negatives: no speaker to find, or adjacency must not carry over
    pytest.param(
        HEAD
        + "The forum opened on Monday.\n\n“This forum will shape our rivers,” officials said.\n",
        [Q("This forum will shape our rivers,", None, None, None)],
        id="described-speaker-is-not-a-name",
    ),
    pytest.param(
        HEAD + "The forum opened on Monday.\n\n“This forum will shape our rivers for a decade.”\n",
        [Q("This forum will shape our rivers for a decade.", None, None, None)],
        id="no-attribution",
    ),
    pytest.param(
        HEAD + "“This forum will shape our rivers,” said Jane Roe.\n\nJohn Doe, a board member, "
        "also spoke on Monday.\n\n“We need more funding for small towns.”\n",
        [
            Q("This forum will shape our rivers,", "Jane Roe", "said", "explicit"),
            Q("We need more funding for small towns.", None, None, None),
        ],
        id="no-adjacency-across-a-new-person",
    ),
    pytest.param(
        HEAD + DOE + f"Doe painted a banner with the words “{RIVERS}.”\n",
        [Q(f"{RIVERS}.", None, None, None)],
        id="non-reporting-verb-is-no-cue",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), ATTRIBUTION)
def test_quotes_attribution_patterns(text: str, expected: list[Q]) -> None:
    assert _quotes(text) == expected


VERBS = ["added", "noted", "stressed", "emphasized", "underlined", "highlighted", "urged", "warned"]
VERB_FORMS = {
    "that": (DOE + "Doe {verb} that “{rivers}.”\n", "{rivers}."),
    "colon": (DOE + "Doe {verb}: “{Rivers}.”\n", "{Rivers}."),
    "after": (DOE + "“{Rivers},” Doe {verb}.\n", "{Rivers},"),
}


@pytest.mark.model
@pytest.mark.parametrize("form", list(VERB_FORMS))
@pytest.mark.parametrize("verb", VERBS)
def test_quotes_reporting_verbs(verb: str, form: str) -> None:
    template, inner = VERB_FORMS[form]
    words = {"verb": verb, "rivers": RIVERS, "Rivers": RIVERS.capitalize()}
    text = HEAD + template.format(**words)
    quotes = _quotes(text)
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        (inner.format(**words), "John Doe", verb)
    ]


PRONOUNS = [
    pytest.param(
        HEAD + "John Doe, Chairman of the Riverton Water Board, opened the forum on Monday. He "
        "stressed that there is “no universal model for water governance in every country.”\n",
        [
            Q(
                "no universal model for water governance in every country.",
                "John Doe",
                "stressed",
                "pronoun",
            )
        ],
        id="he-stressed-that-partial",
    ),
    pytest.param(
        HEAD + "Jane Roe, Director of the Riverton Water Board, opened the forum on Monday. She "
        "noted that the plan is “a promise to every family in the valley.”\n",
        [Q("a promise to every family in the valley.", "Jane Roe", "noted", "pronoun")],
        id="she-noted-that-partial",
    ),
    pytest.param(
        HEAD + DOE + f"“{RIVERS.capitalize()},” he said.\n",
        [Q(f"{RIVERS.capitalize()},", "John Doe", "said", "pronoun")],
        id="quote-he-said",
    ),
    pytest.param(
        HEAD + "Mr. John Doe, Chairman of the board, opened the forum on Monday. She stressed "
        "that there is “no universal model for water governance in every country.”\n",
        [Q("no universal model for water governance in every country.", None, None, None)],
        id="she-does-not-resolve-to-mr",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_quotes_pronoun_resolves_to_person_named_before(text: str, expected: list[Q]) -> None:
    assert _quotes(text) == expected


SURNAMES = [
    pytest.param(
        HEAD + DOE + "Mr. Doe said: “We listened to every resident.”\n",
        [Q("We listened to every resident.", "John Doe", "said", "surname")],
        id="mr-surname-before-quote",
    ),
    pytest.param(
        HEAD + DOE + f"Doe stressed that “{RIVERS}.”\n",
        [Q(f"{RIVERS}.", "John Doe", "stressed", "surname")],
        id="bare-surname-before-quote",
    ),
    pytest.param(
        HEAD + "Jane Roe and Mary Poe attended on Monday.\n\nMs. Poe said: “We listened to "
        "every resident.”\n",
        [Q("We listened to every resident.", "Mary Poe", "said", "surname")],
        id="ms-surname-picks-right-person",
    ),
    pytest.param(
        HEAD + DOE + "“We listened to every resident,” Mr. Doe said.\n",
        [Q("We listened to every resident,", "John Doe", "said", "surname")],
        id="mr-surname-after-quote",
    ),
    # negative: a surname nobody introduced does not fall back on the person named earlier
    pytest.param(
        HEAD + DOE + "“We listened to every resident,” Mr. Smith said.\n",
        [Q("We listened to every resident,", "Smith", "said", "explicit")],
        id="unknown-surname-is-not-the-earlier-person",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), SURNAMES)
def test_quotes_surname_resolves_to_full_name(text: str, expected: list[Q]) -> None:
    assert _quotes(text) == expected


ORG_SPEAKERS = [
    pytest.param(
        MINISTRY + "“The plant will serve forty thousand homes,” the ministry said.\n",
        "Ministry of Water Affairs",
        "said",
        id="quote-the-ministry-said",
    ),
    pytest.param(
        MINISTRY + "The ministry said: “The plant will serve forty thousand homes.”\n",
        "Ministry of Water Affairs",
        "said",
        id="the-ministry-said-colon",
    ),
    pytest.param(
        MINISTRY + "“The plant will serve forty thousand homes,” said the Ministry of Water "
        "Affairs in a statement.\n",
        "Ministry of Water Affairs",
        "said",
        id="said-full-org-name",
    ),
    pytest.param(
        "Riverton Water Board opens plant\n\nThe Riverton Water Board opened a plant on Monday."
        "\n\n“The plant will serve forty thousand homes,” the Riverton Water Board said.\n",
        "Riverton Water Board",
        "said",
        id="org-name-said",
    ),
    pytest.param(
        MINISTRY + "The plant, according to the ministry, is “the largest of its kind in the "
        "region and a model for others.”\n",
        "Ministry of Water Affairs",
        "according to",
        id="according-to-the-ministry",
    ),
    # negatives: the noun matches no listed organisation
    pytest.param(
        HEAD + "The Riverton Water Board opened a plant on Monday.\n\n“The plant will serve "
        "forty thousand homes,” the ministry said.\n",
        None,
        None,
        id="ministry-not-linked-to-a-board",
    ),
    pytest.param(
        HEAD + "The forum opened on Monday.\n\n“The forum will shape our rivers for a decade,” "
        "the ministry said.\n",
        None,
        None,
        id="ministry-with-no-organisations",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "org", "cue"), ORG_SPEAKERS)
def test_quotes_organisation_speaker(text: str, org: str | None, cue: str | None) -> None:
    record = _record(text)
    assert len(record.quotes) == 1
    quote = record.quotes[0]
    org_ids = {o.name: o.id for o in record.organizations}
    if org is None:
        assert quote.speaker_id is None
        assert quote.speaker not in org_ids
    else:
        assert (quote.speaker, quote.speaker_id, quote.cue) == (org, org_ids.get(org), cue)
        assert quote.attribution == "explicit"


# --------------------------------------------------------------------------------------------
# Not speech: quoted titles and scare quotes go to works
# --------------------------------------------------------------------------------------------

NOT_SPEECH = [
    pytest.param(
        HEAD + "The board published “Global Approaches to Water Policy” on Monday.\n",
        ["Global Approaches to Water Policy"],
        [],
        id="publication-title",
    ),
    pytest.param(
        HEAD + "The board released a report titled “Rivers in a warming world” on Monday.\n",
        ["Rivers in a warming world"],
        [],
        id="sentence-case-report-after-titled",
    ),
    pytest.param(
        HEAD + "The board published “What We Owe Our Rivers” on Monday.\n",
        ["What We Owe Our Rivers"],
        [],
        id="title-with-we-and-our",
    ),
    pytest.param(
        HEAD + "The forum reviewed the “Clean Rivers and Safe Drinking Water Act of 2024” in "
        "detail.\n",
        ["Clean Rivers and Safe Drinking Water Act of 2024"],
        [],
        id="act-title",
    ),
    pytest.param(
        HEAD + "The board launched the project “Blue Towns” with three cities.\n",
        ["Blue Towns"],
        [],
        id="project-title",
    ),
    pytest.param(
        HEAD + "Delegates met at the “Riverton Water Week 2025” conference.\n",
        ["Riverton Water Week 2025"],
        [],
        id="event-title",
    ),
    pytest.param(
        HEAD + "Jane Roe testified at the hearing “Protecting Small Town Water Systems” on "
        "Monday.\n",
        ["Protecting Small Town Water Systems"],
        [],
        id="hearing-title-with-speaker-nearby",
    ),
    pytest.param(
        HEAD + "Jane Roe said the report “Global Approaches to Water Policy” is useful.\n",
        ["Global Approaches to Water Policy"],
        [],
        id="title-in-a-said-sentence",
    ),
    pytest.param(
        HEAD + "Some critics called the plan “woke” on Monday.\n",
        ["woke"],
        [],
        id="scare-quoted-word",
    ),
    pytest.param(
        HEAD + "Jane Roe said the plan was “woke” on Monday.\n",
        ["woke"],
        [],
        id="scare-quoted-word-in-a-said-sentence",
    ),
    pytest.param(
        HEAD + "The mayor calls Riverton the “world capital of rivers” in her speeches.\n",
        ["world capital of rivers"],
        [],
        id="scare-quoted-phrase",
    ),
    # negatives: speech stays in quotes
    pytest.param(
        HEAD + "The board published “Global Approaches to Water Policy” on Monday.\n\n"
        "“This report shows what works,” said Jane Roe.\n",
        ["Global Approaches to Water Policy"],
        ["This report shows what works,"],
        id="title-then-speech",
    ),
    pytest.param(
        HEAD + "Critics called the plan “woke” on Monday.\n\n“We will protect the rivers,” said "
        "Jane Roe.\n",
        ["woke"],
        ["We will protect the rivers,"],
        id="scare-word-then-speech",
    ),
    pytest.param(
        HEAD + "Jane Roe said the plan was “simply not enough” for the valley.\n",
        [],
        ["simply not enough"],
        id="attributed-short-phrase-is-speech",
    ),
    pytest.param(
        HEAD + "The forum opened on Monday.\n\n“Thank you, Riverton,” said Mayor Jane Roe.\n",
        [],
        ["Thank you, Riverton,"],
        id="short-attributed-thanks-is-speech",
    ),
    pytest.param(
        HEAD + "The forum opened on Monday.\n\n“Welcome to Riverton,” said Mayor Jane Roe.\n",
        [],
        ["Welcome to Riverton,"],
        id="short-title-case-attributed-speech",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "works", "quotes"), NOT_SPEECH)
def test_quotes_not_speech_goes_to_works(text: str, works: list[str], quotes: list[str]) -> None:
    record = _record(text)
    assert [w.text for w in record.works] == works
    assert [q.text for q in record.quotes] == quotes
    for work in record.works:
        assert text[work.span.start : work.span.end] == work.text


# --------------------------------------------------------------------------------------------
# Invariants over every model text above
# --------------------------------------------------------------------------------------------


def _plain(params: list) -> list:
    """The same texts without their xfail marks: the invariants hold for every text."""
    return [pytest.param(p.values[0], id=p.id) for p in params]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", _plain(ATTRIBUTION + PRONOUNS + SURNAMES + ORG_SPEAKERS + NOT_SPEECH)
)
def test_quotes_text_is_span_and_explicit_cue_is_written(text: str) -> None:
    record = _record(text)
    for index, quote in enumerate(record.quotes, start=1):
        assert quote.id == f"q-{index}"
        assert text[quote.span.start : quote.span.end] == quote.text
        assert text[quote.span.start - 1] in MARK_CHARS
        if quote.cue is not None:  # as written: checked exactly in the tables above
            assert quote.cue.lower() in text.lower()
            assert quote.speaker is not None
            assert quote.attribution in ("explicit", "pronoun", "surname")
        if quote.speaker is None:
            assert (quote.speaker_id, quote.cue, quote.attribution) == (None, None, None)
        else:
            assert quote.attribution is not None


# --------------------------------------------------------------------------------------------
# Styles of other publishers: label lines, attributions between quotes, mentioned words
# --------------------------------------------------------------------------------------------

STYLES = [
    pytest.param(
        HEAD + "The plant opened on Monday.\n\nJANE ROE, CHIEF ENGINEER, RIVERTON WATER BOARD "
        f"“{PLANT}.”\n",
        [Q(f"{PLANT}.", "JANE ROE", None, "explicit")],
        id="label-on-the-quote-line-no-colon",
    ),
    pytest.param(
        HEAD + "The plant opened on Monday.\n\nJane Roe, Chief Engineer, Riverton Water Board:\n\n"
        f"“{PLANT}.”\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "explicit")],
        id="label-line-above-with-colon",
    ),
    pytest.param(
        HEAD + f"The plant opened on Monday.\n\nFrom Jane Roe:\n\n“{PLANT}.”\n",
        [Q(f"{PLANT}.", "Jane Roe", None, "explicit")],
        id="from-name-label",
    ),
    pytest.param(
        HEAD + "Samuel Okafor was sentenced on Monday, District Attorney Jane Roe announced. "
        "“The law protects every family in this county.” Roe said. “We will not stop.”\n",
        [
            Q("The law protects every family in this county.", "Jane Roe", "said", "surname"),
            Q("We will not stop.", "Jane Roe", None, "adjacency"),
        ],
        id="attribution-between-two-quotes-in-one-paragraph",
    ),
    pytest.param(
        HEAD + "“We will keep the rivers clean,” said Giordano (Gio) Albertazzi, Riverton Water "
        "CEO.\n",
        [Q("We will keep the rivers clean,", "Giordano Albertazzi", "said", "explicit")],
        id="said-name-with-nickname-and-organisation-title",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_quotes_publisher_styles(text: str, expected: list[Q]) -> None:
    assert _quotes(text) == expected


STYLE_WORKS = [
    pytest.param(
        HEAD + "Share your moments with “#GivingThanks Challenge” and “ThisIs (TurkeyDinner).”\n",
        ["#GivingThanks Challenge", "ThisIs (TurkeyDinner)."],
        [],
        id="hashtags-and-tag-words",
    ),
    pytest.param(
        HEAD + "Professor Jane Roe will give a talk titled “Why rivers matter and what towns "
        "can do about them” on Monday.\n",
        ["Why rivers matter and what towns can do about them"],
        [],
        id="sentence-case-talk-title-after-titled",
    ),
    pytest.param(
        HEAD + "She will give the keynote “Small towns in a changing climate” at the forum.\n",
        ["Small towns in a changing climate"],
        [],
        id="keynote-title",
    ),
    pytest.param(
        HEAD + "Residents coined the term “river debt” for the backlog of repairs.\n",
        ["river debt"],
        [],
        id="mentioned-term",
    ),
    pytest.param(
        HEAD + "Jane Roe said the phrase “river debt” was coined by residents.\n",
        [],
        ["river debt"],
        id="mentioned-term-attributed-stays-speech",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "works", "quotes"), STYLE_WORKS)
def test_quotes_titles_and_mentioned_words_are_not_speech(
    text: str, works: list[str], quotes: list[str]
) -> None:
    record = _record(text)
    assert [w.text for w in record.works] == works
    assert [q.text for q in record.quotes] == quotes


# --- each new strategy alone, on a parsed Doc ----------------------------------------------


def _context(nlp: Language, text: str, index: int = 0) -> QuoteContext:
    """The context of quote ``index`` of ``text``, with no previous speaker."""
    doc = nlp(text)
    spans = attrs.context(doc)["quote_spans"]
    previous_close = spans[index - 1]["close_at"] if index else -1
    return QuoteContext(
        doc,
        text,
        spans[index],
        Resolver(doc, text, spans),
        Sentences(doc, text),
        None,
        len(text),
        spans[index - 1]["open_at"] if index else -1,
        previous_close if previous_close is not None else -1,
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(f"Board news\n\nJANE ROE, CEO, ACME WATER:\n“{PLANT}.”\n", "JANE ROE"),
        pytest.param(f"Board news\n\nJane Roe, Chief Engineer “{PLANT}.”\n", "Jane Roe"),
        pytest.param(f"Board news\n\nFrom Jane Roe:\n\n“{PLANT}.”\n", "Jane Roe"),
        pytest.param(f"Board news\n\nThe board said on Monday:\n\n“{PLANT}.”\n", None),
        pytest.param(f"Board news\n\nCHIEF EXECUTIVE OFFICER:\n“{PLANT}.”\n", None),
        pytest.param(f"Board news\n\nWe asked residents about the plant. “{PLANT}.”\n", None),
    ],
)
def test_quotes_label_line_alone(nlp: Language, text: str, speaker: str | None) -> None:
    found = label_line(_context(nlp, text))
    assert (found.speaker if found is not None else None) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Board news\n\n“The plant is open.” Jane Roe said. “It serves every home.”\n",
            "Jane Roe",
        ),
        pytest.param(
            "Board news\n\n“The plant is open.” The forum ended. “It serves every home.”\n", None
        ),
        pytest.param(
            "Board news\n\n“The plant is open.”\n\nJane Roe said so. “It serves every home.”\n",
            None,
        ),
    ],
)
def test_quotes_between_quotes_alone(nlp: Language, text: str, speaker: str | None) -> None:
    found = between_quotes(_context(nlp, text, 1))
    assert (found.speaker if found is not None else None) == speaker


@pytest.mark.parametrize(
    ("inner", "before", "mentioned"),
    [
        ("#GivingThanks Challenge", "", True),
        ("ThisIs ( ).", "", True),
        ("@AcmeWater", "", True),
        ("river debt", "coined the term ", True),
        ("We opened the McDonald plant today.", "", False),
        ("Watch it on YouTube", "", False),
        ("every city must protect its rivers", "the words ", False),
    ],
)
def test_quotes_mentioned_words(inner: str, before: str, mentioned: bool) -> None:
    assert is_mentioned_word(inner, before) is mentioned


@pytest.mark.model
def test_quotes_extra_reporting_verbs_from_the_component_config() -> None:
    from extractor.settings import Settings

    text = HEAD + "The plant opened on Monday.\n\n“We will win the cup,” Jane Roe gushed.\n"
    extra = Settings(component_config={"pr_quotes": {"extra_reporting_verbs": ["gush"]}})
    assert [(q.speaker, q.cue) for q in extract(text).quotes] == [(None, None)]
    assert [(q.speaker, q.cue) for q in extract(text, settings=extra).quotes] == [
        ("Jane Roe", "gushed")
    ]
