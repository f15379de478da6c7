"""pr_entities' mends of the model's spans (pure functions over token lists)."""

from __future__ import annotations

import pytest
import spacy

from extractor.components._org_words import ORG_WORDS, PLACE_HEADS
from extractor.components.entities import (
    Ent,
    consistent_entities,
    defined_acronyms,
    described_people,
    homogeneous_lists,
    legal_form_names,
    listed_companies,
    mend_roles,
    split_coordinated,
    split_repeated,
    titled_people,
)


def _org_spans(sentence: str, names: list[str]) -> tuple[list[str], list[Ent]]:
    """The sentence's words (split on spaces) and an ORG for each name, where it occurs."""
    words = sentence.split(" ")
    ents = []
    for name in names:
        size = len(name.split(" "))
        start = next(i for i in range(len(words)) if words[i : i + size] == name.split(" "))
        ents.append(Ent(start, start + size, "ORG"))
    return words, ents


def _names(words: list[str], ents: list[Ent]) -> list[str]:
    return [" ".join(words[e.start : e.end]) for e in ents if e.label == "ORG"]


@pytest.mark.parametrize(
    ("sentence", "tagged", "expected"),
    [
        pytest.param(
            "relief from the World Bank and IMF was cut",
            ["World Bank and IMF"],
            ["World Bank", "IMF"],
            id="bank-and-acronym",
        ),
        pytest.param(
            "shares in Harbor Analytics Inc. , Rhine Metals Ltd. and Acme Holdings rose",
            ["Harbor Analytics Inc. , Rhine Metals Ltd. and Acme Holdings"],
            ["Harbor Analytics Inc.", "Rhine Metals Ltd.", "Acme Holdings"],
            id="three-companies",
        ),
        pytest.param(
            "Alchemy Pay said so . Partners include Alchemy Pay , and Legend Trading now",
            ["Alchemy Pay", "Alchemy Pay , and Legend Trading"],
            ["Alchemy Pay", "Alchemy Pay", "Legend Trading"],
            id="name-known-elsewhere",
        ),
        # Coordinations inside one name stay whole.
        pytest.param(
            "filed with the U.S. Securities and Exchange Commission today",
            ["U.S. Securities and Exchange Commission"],
            ["U.S. Securities and Exchange Commission"],
            id="shared-head",
        ),
        pytest.param(
            "a member of the Senate Post Office and Civil Service Committee since",
            ["Senate Post Office and Civil Service Committee"],
            ["Senate Post Office and Civil Service Committee"],
            id="shared-head-after-an-organisation-word",
        ),
        pytest.param(
            "pupils of Salisbury School , Berkshire School played",
            ["Salisbury School , Berkshire School"],
            ["Salisbury School", "Berkshire School"],
            id="comma-list",
        ),
        pytest.param(
            "the Department of Housing and Urban Development said",
            ["Department of Housing and Urban Development"],
            ["Department of Housing and Urban Development"],
            id="preposition-inside",
        ),
        pytest.param(
            "Procter and Gamble said",
            ["Procter and Gamble"],
            ["Procter and Gamble"],
            id="single-words",
        ),
        pytest.param(
            "Bit Digital , Inc. said",
            ["Bit Digital , Inc."],
            ["Bit Digital , Inc."],
            id="legal-form-after-comma",
        ),
        pytest.param(
            "Acme , LLC said",
            ["Acme , LLC"],
            ["Acme , LLC"],
            id="legal-form-in-capitals",
        ),
    ],
)
def test_split_coordinated(sentence: str, tagged: list[str], expected: list[str]) -> None:
    words, ents = _org_spans(sentence, tagged)
    assert _names(words, split_coordinated(words, ents, ORG_WORDS)) == expected


def test_split_coordinated_leaves_other_labels() -> None:
    words = ["Smith", "and", "Jones", ",", "Bank", "of", "Oz", "and", "IMF"]
    ents = [Ent(0, 3, "PERSON"), Ent(4, 9, "ORG")]
    result = split_coordinated(words, ents, ORG_WORDS)
    assert result[0] == Ent(0, 3, "PERSON")
    assert _names(words, result) == ["Bank of Oz and IMF"]  # "of": one name


@pytest.mark.parametrize(
    ("words", "role", "expected"),
    [
        (["Former", "Director", "At", "the", "Bureau"], (0, 3), (0, 2)),
        (["Chief", "Executive", ",", "Acme"], (0, 3), (0, 2)),
        (["Head", "of", "Research"], (0, 3), (0, 3)),
        (["Of"], (0, 1), (0, 1)),  # a one-word span is left alone
        (["Director", ",", "Division", "A"], (0, 4), (0, 4)),  # a letter, not "a"
    ],
)
def test_roles_do_not_end_with_a_function_word(
    words: list[str], role: tuple[int, int], expected: tuple[int, int]
) -> None:
    (mended,) = mend_roles(words, [Ent(*role, "ROLE")])
    assert (mended.start, mended.end) == expected


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        pytest.param(
            ["Harris", "County", "District", "Attorney", "Kim", "Ogg"],
            [Ent(0, 3, "GPE"), Ent(3, 4, "ROLE"), Ent(4, 6, "PERSON")],
            [(0, 4, "ROLE"), (4, 6, "PERSON")],
            id="county-office-is-one-title",
        ),
        pytest.param(
            ["Texas", "Governor", "Rick", "Perry"],
            [Ent(0, 1, "GPE"), Ent(1, 2, "ROLE"), Ent(2, 4, "PERSON")],
            [(0, 1, "GPE"), (1, 2, "ROLE"), (2, 4, "PERSON")],
            id="a-state-stays-a-place",
        ),
        pytest.param(
            ["Attorney", "Alexander", "John", "Davis"],
            [Ent(1, 2, "ROLE"), Ent(2, 4, "PERSON")],
            [(1, 4, "PERSON")],
            id="given-name-tagged-role",
        ),
        pytest.param(
            ["Senators", "Max", "Baucus"],
            [Ent(0, 1, "ROLE"), Ent(1, 3, "PERSON")],
            [(0, 1, "ROLE"), (1, 3, "PERSON")],
            id="plural-title-stays",
        ),
        pytest.param(
            ["Minister", "of", "State", "Amy", "Khor"],
            [Ent(0, 3, "ROLE"), Ent(3, 5, "PERSON")],
            [(0, 3, "ROLE"), (3, 5, "PERSON")],
            id="portfolio-word-stays-in-a-longer-title",
        ),
        pytest.param(
            ["Tom", "Reyes", ",", "SVP", "of", "Refining"],
            [Ent(0, 2, "PERSON"), Ent(3, 6, "ORG")],
            [(0, 2, "PERSON"), (3, 6, "ROLE")],
            id="title-in-apposition-tagged-org",
        ),
        pytest.param(
            ["Tom", "Reyes", ",", "Harbor", "Fuels"],
            [Ent(0, 2, "PERSON"), Ent(3, 5, "ORG")],
            [(0, 2, "PERSON"), (3, 5, "ORG")],
            id="employer-in-apposition-stays",
        ),
    ],
)
def test_roles_around_places_and_names(
    words: list[str], ents: list[Ent], expected: list[tuple[int, int, str]]
) -> None:
    mended = mend_roles(
        words, ents, frozenset({"attorney", "governor", "senator", "minister", "svp"})
    )
    assert [(e.start, e.end, e.label) for e in mended] == expected


@pytest.mark.parametrize(
    ("words", "ent", "expected"),
    [
        (["About", "Acme", "Labs", "Acme", "Labs", "builds"], Ent(1, 5, "ORG"), [(1, 3), (3, 5)]),
        (["Jane", "Roe", "Jane", "Roe"], Ent(0, 4, "PERSON"), [(0, 2), (2, 4)]),
        (["Acme", "Labs", "Acme", "Works"], Ent(0, 4, "ORG"), [(0, 4)]),  # not a repeat
        (["New", "York", "New", "York"], Ent(0, 4, "GPE"), [(0, 4)]),  # places left alone
        (["Duran", "Duran"], Ent(0, 2, "ORG"), [(0, 2)]),  # one word repeated: may be the name
    ],
)
def test_a_name_written_twice_is_two_mentions(
    words: list[str], ent: Ent, expected: list[tuple[int, int]]
) -> None:
    assert [(e.start, e.end) for e in split_repeated(words, [ent])] == expected


_TOKENIZER = spacy.blank("en").tokenizer


def _tokens(text: str, tagged: list[tuple[str, str]]) -> tuple[list[str], list[bool], list[Ent]]:
    """spaCy's words of ``text`` with their trailing-space flags, and an entity for each
    (surface, label) at its first occurrence."""
    doc = _TOKENIZER(text)
    ents = []
    for surface, label in tagged:
        span = doc.char_span(text.index(surface), text.index(surface) + len(surface))
        assert span is not None
        ents.append(Ent(span.start, span.end, label))
    return [t.text for t in doc], [bool(t.whitespace_) for t in doc], ents


def _spans(words: list[str], spaces: list[bool], ents: list[Ent]) -> list[tuple[str, str]]:
    return [
        (
            "".join(
                w + " " * s
                for w, s in zip(words[e.start : e.end], spaces[e.start : e.end], strict=True)
            ).strip(),
            e.label,
        )
        for e in ents
    ]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        pytest.param(
            "longtime partner Stratasys (NASDAQ: SSYS) has extended",
            [("Stratasys", "PERSON")],
            [("Stratasys", "ORG")],
            id="model-read-a-person",
        ),
        pytest.param(
            "- Forward Industries, Inc. (NASDAQ: FORD) today announced",
            [],
            [("Forward Industries, Inc.", "ORG")],
            id="untagged-with-legal-form",
        ),
        pytest.param(
            "shares of iCoreConnect (NASDAQ: ICCT) rose",
            [],
            [("iCoreConnect", "ORG")],
            id="inner-capital",
        ),
        pytest.param(
            "newsroom: $AUUD Auddia (NASDAQ: AUUD) said",
            [],
            [("Auddia", "ORG")],
            id="cashtag-before-the-name",
        ),
        pytest.param(
            "Acme Metals Corp grew. Enter Acme Metals Corp (NASDAQ: AMC) now",
            [("Acme Metals Corp", "ORG")],
            [("Acme Metals Corp", "ORG"), ("Acme Metals Corp", "ORG")],
            id="sentence-initial-word-left-out",
        ),
        pytest.param(
            "Ho Chi Minh City Development Bank (HoSE: HDB) said",
            [("Ho Chi Minh City", "GPE")],
            [("Ho Chi Minh City", "GPE")],
            id="runs-into-an-entity-left-alone",
        ),
        pytest.param(
            "One Two Three Four Five Six Seven Corp (NYSE: X) rose",
            [],
            [],
            id="longer-than-a-name-left-alone",
        ),
        pytest.param(
            "the report (see below) and Acme (ticker pending)",
            [],
            [],
            id="not-an-exchange-tag",
        ),
        pytest.param(
            "in 2024 (NASDAQ: X) for",
            [("2024", "DATE")],
            [("2024", "DATE")],
            id="a-date-is-not-a-company",
        ),
    ],
)
def test_listed_companies(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    words, spaces, ents = _tokens(text, tagged)
    result, _ = listed_companies(words, spaces, ents)
    assert _spans(words, spaces, result) == expected


def test_listed_company_names_every_mention() -> None:
    text = (
        "Healthcare Triangle, Inc. (Nasdaq: HCTI) said. Healthcare Triangle grew."
        " Vertiv (NYSE: VRT) hired. Our Vertiv CEO Ana Lee said."
    )
    words, spaces, model = _tokens(text, [("Vertiv CEO", "PERSON")])
    model = [Ent(model[0].start, model[0].start + 1, "PERSON")]  # "Vertiv" read as a person
    ents, listed = listed_companies(words, spaces, model)
    assert ("Healthcare", "Triangle") in listed  # also without its legal form
    result = consistent_entities(words, ents, listed=listed)
    assert _spans(words, spaces, result) == [
        ("Healthcare Triangle, Inc.", "ORG"),
        ("Healthcare Triangle", "ORG"),
        ("Vertiv", "ORG"),
        ("Vertiv", "ORG"),
    ]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        pytest.param(
            "Reyes founded Happy Stan’s Recycling Services Ltd. in 1988",
            [("Reyes", "PERSON"), ("Happy Stan", "ORG"), ("Recycling Services Ltd.", "ORG")],
            [("Reyes", "PERSON"), ("Happy Stan’s Recycling Services Ltd.", "ORG")],
            id="pieces-joined",
        ),
        pytest.param(
            "contracts with Tom’s Tyre Pte Ltd were",
            [("Tom", "PERSON")],
            [("Tom’s Tyre Pte Ltd", "ORG")],
            id="named-after-a-person",
        ),
        pytest.param(
            "acquired Northgate Alarm Systems, Inc. last year",
            [],
            [("Northgate Alarm Systems, Inc.", "ORG")],
            id="untagged-with-comma",
        ),
        pytest.param(
            "About Acme Labs, Inc.\nAcme Labs makes",
            [("Acme Labs, Inc.", "ORG")],
            [("Acme Labs, Inc.", "ORG")],
            id="the-model-found-it",
        ),
        pytest.param(
            "Senior Director of Sales at Acme Inc. said",
            [("Senior Director of Sales", "ROLE")],
            [("Senior Director of Sales", "ROLE"), ("Acme Inc.", "ORG")],
            id="stops-at-a-lower-case-word",
        ),
        pytest.param(
            "on 2024 Acme Inc. said",
            [("2024", "DATE")],
            [("2024", "DATE")],
            id="after-another-kind-of-entity-left-alone",
        ),
        pytest.param(
            "Lawsuit Filed Against Acme Inc. (AC)\nAcme Inc. said",
            [("Acme Inc.", "ORG")],
            [("Acme Inc.", "ORG"), ("Acme Inc.", "ORG")],
            id="title-case-headline-known-name",
        ),
        pytest.param(
            "ContactJo Li All Things Are Possible Foundation Inc Email",
            [],
            [],
            id="capitalised-stop-word-unknown-name-left-alone",
        ),
        pytest.param(
            "Northern Lights Harbour Bay Ocean Marine Coastal Services Ltd today",
            [],
            [],
            id="longer-than-a-name-left-alone",
        ),
    ],
)
def test_legal_form_names(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    words, spaces, ents = _tokens(text, tagged)
    result, _ = legal_form_names(words, spaces, ents)
    assert _spans(words, spaces, result) == expected


def test_legal_form_short_name_is_every_mention() -> None:
    text = "Quillon Robotics Pte Ltd opened a plant. Quillon Robotics hires 200."
    words, spaces, ents = _tokens(text, [])
    ents, names = legal_form_names(words, spaces, ents)
    result = consistent_entities(words, ents, listed=names)
    assert _spans(words, spaces, result) == [
        ("Quillon Robotics Pte Ltd", "ORG"),
        ("Quillon Robotics", "ORG"),
    ]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        pytest.param(
            "the Corrupt Practices Investigation Bureau (CPIB) said. The CPIB charged him.",
            [("Corrupt Practices Investigation Bureau", "ORG")],
            [
                ("Corrupt Practices Investigation Bureau", "ORG"),
                ("CPIB", "ORG"),
                ("CPIB", "ORG"),
            ],
            id="defined-then-used",
        ),
        pytest.param(
            "the Council of Indigenous Peoples (CIP) met",
            [("Council of Indigenous Peoples", "ORG"), ("CIP", "GPE")],
            [("Council of Indigenous Peoples", "ORG"), ("CIP", "ORG")],
            id="model-read-a-place",
        ),
        pytest.param(
            "shares of Edwards Lifesciences (EW) fell",
            [("Edwards Lifesciences", "ORG")],
            [("Edwards Lifesciences", "ORG")],
            id="a-ticker-is-not-an-acronym",
        ),
        pytest.param(
            "the Safe Streets Programme (SSP) began",
            [],
            [],
            id="long-form-not-an-organisation",
        ),
        pytest.param(
            "the International Organization for Standardization (ISO) wrote ISO 37122 and",
            [("International Organization for Standardization", "ORG")],
            [("International Organization for Standardization", "ORG"), ("ISO", "ORG")],
            id="not-before-a-number",
        ),
    ],
)
def test_defined_acronyms(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    words, spaces, ents = _tokens(text, tagged)
    ents, acronyms = defined_acronyms(words, spaces, ents)
    result = consistent_entities(words, ents, listed=acronyms)
    assert _spans(words, spaces, result) == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        pytest.param(
            "a) Tay Wen Hui (“Tay”), a 41-year-old male Singaporean; later Tay paid.",
            [("Tay Wen Hui", "ORG"), ("Tay", "GPE")],
            [("Tay Wen Hui", "PERSON"), ("Tay", "PERSON"), ("Tay", "PERSON")],
            id="short-form-and-age",
        ),
        pytest.param(
            "b) Rosli bin Kamal (39-year-old male Malaysian) was charged",
            [("Rosli", "PERSON")],
            [("Rosli bin Kamal", "PERSON")],
            id="age-in-parenthesis-with-a-name-link",
        ),
        pytest.param(
            "killing 9-year-old Kiera Dunmore and her",
            [("Kiera Dunmore", "ORG")],
            [("Kiera Dunmore", "PERSON")],
            id="age-before-the-name",
        ),
        pytest.param(
            "A 50-year-old man was arrested. The 35-year-old victim said",
            [],
            [],
            id="no-name",
        ),
        pytest.param(
            "a 47-year-old Crown Heights man and a 45-year-old Malaysian",
            [("Crown Heights", "GPE"), ("Malaysian", "NORP")],
            [("Crown Heights", "GPE"), ("Malaysian", "NORP")],
            id="places-and-nationalities-stay",
        ),
        pytest.param(
            "the Senior Investigations Officer Lee, a 30-year-old officer",
            [("Senior Investigations Officer", "ROLE")],
            [("Senior Investigations Officer", "ROLE"), ("Lee", "PERSON")],
            id="stops-at-a-title",
        ),
    ],
)
def test_described_people(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    words, spaces, ents = _tokens(text, tagged)
    ents, short_names = described_people(words, spaces, ents)
    result = consistent_entities(words, ents, short_names=short_names)
    assert _spans(words, spaces, result) == expected


def _tagged(
    text: str, marks: list[tuple[str, str, int]]
) -> tuple[list[str], list[bool], list[Ent]]:
    """Like ``_tokens``, with each (surface, label, n) at the surface's n-th occurrence."""
    doc = _TOKENIZER(text)
    ents = []
    for surface, label, nth in marks:
        at = -1
        for _ in range(nth + 1):
            at = text.index(surface, at + 1)
        span = doc.char_span(at, at + len(surface))
        assert span is not None
        ents.append(Ent(span.start, span.end, label))
    return [t.text for t in doc], [bool(t.whitespace_) for t in doc], ents


def _people(words: list[str], spaces: list[bool], ents: list[Ent]) -> list[str]:
    return [name for name, label in _spans(words, spaces, ents) if label == "PERSON"]


def test_surname_mentions_become_people() -> None:
    text = "Senator Maria Okafor spoke. Okafor said the Okafor plan works, and Mr. Okafor left."
    words, spaces, ents = _tagged(text, [("Maria Okafor", "PERSON", 0), ("Okafor", "GPE", 2)])
    result = consistent_entities(words, ents, frozenset({"mr"}))
    assert _people(words, spaces, result) == ["Maria Okafor", "Okafor", "Okafor", "Okafor"]


def test_surname_used_mostly_in_place_names_is_not_propagated() -> None:
    # One misreading of "Lower Keys" as a person does not make every "Keys" a person when
    # the release names the place more often.
    text = (
        "Homes in the Lower Keys sell. The Upper Keys and the Florida Keys differ. "
        "Buyers in the Keys wait."
    )
    marks = [
        ("Lower Keys", "PERSON", 0),
        ("Upper Keys", "LOC", 0),
        ("Florida Keys", "GPE", 0),
    ]
    words, spaces, ents = _tagged(text, marks)
    result = consistent_entities(words, ents, org_words=ORG_WORDS)
    assert _people(words, spaces, result) == ["Lower Keys"]


def test_person_misread_as_organisation_does_not_block_the_surname() -> None:
    # The model's ORG readings of a person's full name are no evidence against the surname;
    # an ORG whose name says organisation ("... Museum") is.
    text = (
        "A photograph by A. Hollis Brandt hangs here. A. Hollis Brandt printed it. "
        "Nora Brandt, his niece, said Brandt worked alone."
    )
    marks = [
        ("A. Hollis Brandt", "ORG", 0),
        ("A. Hollis Brandt", "ORG", 1),
        ("Nora Brandt", "PERSON", 0),
    ]
    words, spaces, ents = _tagged(text, marks)
    result = consistent_entities(words, ents, org_words=ORG_WORDS)
    assert _people(words, spaces, result) == ["Nora Brandt", "Brandt"]

    text = "The Brandt Museum and the Brandt Foundation opened. Nora Brandt said Brandt grew."
    marks = [
        ("Brandt Museum", "ORG", 0),
        ("Brandt Foundation", "ORG", 0),
        ("Nora Brandt", "PERSON", 0),
    ]
    words, spaces, ents = _tagged(text, marks)
    result = consistent_entities(words, ents, org_words=ORG_WORDS)
    assert _people(words, spaces, result) == ["Nora Brandt"]


def test_organisation_not_repeated_where_its_name_goes_on() -> None:
    text = (
        "Harbor Friends gave toys. Harbor Friends for Veterans met. Harbor Friends of Oslo"
        " too. Harbor Friends thanked them."
    )
    words, _, ents = _tagged(text, [("Harbor Friends", "ORG", 0)])
    result = consistent_entities(words, ents)
    assert _names(words, result) == ["Harbor Friends", "Harbor Friends"]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        pytest.param(
            "Sponsors include:\n\n* Harbor Labs\n\n* Quillfin\n\n* Rhine Metals Ltd.\n\n"
            "* Torvik Analytics\n\nThe event opens.",
            ["Harbor Labs", "Rhine Metals Ltd."],
            ["Harbor Labs", "Quillfin", "Rhine Metals Ltd.", "Torvik Analytics"],
            id="bullets",
        ),
        pytest.param(
            "Top brands:\n1. Harbor Labs – 20\n2. Quillfin – 18\n3. Torvik Analytics – 9\n",
            ["Harbor Labs", "Torvik Analytics"],
            ["Harbor Labs", "Quillfin", "Torvik Analytics"],
            id="numbered-with-counts",
        ),
        pytest.param(
            "Partners including Harbor Labs, Quillfin, Torvik Analytics, and Rhine Metals joined.",
            ["Harbor Labs", "Torvik Analytics"],
            ["Harbor Labs", "Quillfin", "Torvik Analytics", "Rhine Metals"],
            id="run-in",
        ),
        pytest.param(
            "It works with Harbor Labs, Quillfin and Torvik Analytics today.",
            ["Harbor Labs", "Torvik Analytics"],
            ["Harbor Labs", "Quillfin", "Torvik Analytics"],
            id="run-in-and",
        ),
        # Not enough organisations, or mostly other things: left as the model read it.
        pytest.param(
            "Partners including Harbor Labs, Quillfin, Torvik Analytics and Oslo joined.",
            ["Harbor Labs"],
            ["Harbor Labs"],
            id="one-organisation",
        ),
        pytest.param(
            "Flavours:\n* Harbor Labs\n* Blue Sunset\n* Citrus Zen\n* Quillfin\n* Torvik\n",
            ["Harbor Labs", "Blue Sunset", "Citrus Zen", "Torvik"],
            ["Harbor Labs"],
            id="mostly-products",
        ),
        pytest.param(
            "Teams Harbor Labs, Quillfin Analytics, U17 and U19 play.",
            ["Harbor Labs", "Quillfin Analytics"],
            ["Harbor Labs", "Quillfin Analytics"],
            id="digits-are-not-names",
        ),
        pytest.param(
            "Chair of the Board of Directors, Harbor Labs, Quillfin Analytics and Rhine Metals.",
            ["Harbor Labs", "Quillfin Analytics"],
            ["Harbor Labs", "Quillfin Analytics", "Rhine Metals"],
            id="first-name-cut-from-a-longer-one",
        ),
    ],
)
def test_homogeneous_lists(text: str, tagged: list[str], expected: list[str]) -> None:
    labels = {"Blue Sunset": "PRODUCT", "Citrus Zen": "PRODUCT", "Torvik": "PRODUCT"}
    marks = [(name, labels.get(name, "ORG")) for name in tagged]
    words, spaces, ents = _tokens(text, marks)
    result = homogeneous_lists(words, ents)
    orgs = [name for name, label in _spans(words, spaces, result) if label == "ORG"]
    assert orgs == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        pytest.param(
            "said Orla Venn, Chief Executive of Quillfin.",
            [("Orla Venn", "ORG"), ("Chief Executive", "ROLE")],
            [("Orla Venn", "PERSON"), ("Chief Executive", "ROLE")],
            id="name-then-title",
        ),
        pytest.param(
            "under the supervision of Kai Ng, Bureau Chief.",
            [("Kai Ng", "ORG"), ("Bureau Chief", "ROLE")],
            [("Kai Ng", "PERSON"), ("Bureau Chief", "ROLE")],
            id="two-short-words",
        ),
        # Organisations stay: an organisation word, a person after the title, no comma.
        pytest.param(
            "thanks to Harbor Foundation, Chief Executive of the year.",
            [("Harbor Foundation", "ORG"), ("Chief Executive", "ROLE")],
            [("Harbor Foundation", "ORG"), ("Chief Executive", "ROLE")],
            id="organisation-word",
        ),
        pytest.param(
            "Harbor Labs, CEO Ana Lee said.",
            [("Harbor Labs", "ORG"), ("CEO", "ROLE"), ("Ana Lee", "PERSON")],
            [("Harbor Labs", "ORG"), ("CEO", "ROLE"), ("Ana Lee", "PERSON")],
            id="title-of-the-next-name",
        ),
        pytest.param(
            "Blackstone Heritage Area, Chief Attraction of the valley.",
            [("Blackstone Heritage Area", "ORG"), ("Chief Attraction", "ROLE")],
            [("Blackstone Heritage Area", "ORG"), ("Chief Attraction", "ROLE")],
            id="place-word",
        ),
        pytest.param(
            "Orla Venn, chief attraction of the fair.",
            [("Orla Venn", "ORG"), ("chief attraction", "ROLE")],
            [("Orla Venn", "ORG"), ("chief attraction", "ROLE")],
            id="lower-case-title",
        ),
        pytest.param(
            "Harbor Labs CEO said.",
            [("Harbor Labs", "ORG"), ("CEO", "ROLE")],
            [("Harbor Labs", "ORG"), ("CEO", "ROLE")],
            id="no-apposition",
        ),
    ],
)
def test_titled_people(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    words, spaces, ents = _tokens(text, tagged)
    heads = ORG_WORDS | PLACE_HEADS
    assert _spans(words, spaces, titled_people(words, ents, heads)) == expected
