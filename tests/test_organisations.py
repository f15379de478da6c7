"""Organisations: acronym definitions, merged mentions, sub-units, what is not an
organisation, and the kind of organisation.

Pure helpers (``find_acronym_definitions``, ``initials``, ``clean_org_text``,
``is_not_organisation``, ``classify_kind``, ``find_pattern_organisations``) run without a
model; the ``extract`` cases (``model`` marker) run short invented releases through the
pretrained pipeline. Cases the toolkit gets wrong are kept as strict xfails.
"""

from __future__ import annotations

import re

import pytest
from _helpers import record_of, release
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.components.organisations import (
    _occurrences,
    classify_kind,
    clean_org_text,
    find_acronym_definitions,
    find_pattern_organisations,
    initials,
    is_not_organisation,
)
from extractor.models import Organization, PressRelease


def named(record: PressRelease, name: str) -> Organization:
    found = [o for o in record.organizations if o.name == name]
    names = [o.name for o in record.organizations]
    assert len(found) == 1, f"expected one organisation named {name!r}; organisations are {names}"
    return found[0]


def forms(org: Organization) -> set[str]:
    """Every written form of an organisation, compared as the scoring does (case-insensitive,
    leading "the" dropped)."""
    return {_key(f) for f in (org.name, org.acronym, *org.aliases) if f}


def _key(name: str) -> str:
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def check_absent_present(body: str, absent: list[str], present: list[str]) -> None:
    """None of ``absent`` is any organisation's written form; each of ``present`` is one
    organisation's name."""
    record = record_of(body)
    written = set().union(*(forms(o) for o in record.organizations))
    assert sorted(_key(a) for a in absent if _key(a) in written) == []
    for name in present:
        named(record, name)


def mention_texts(body: str, org: Organization) -> list[str]:
    text = release(body)
    return [text[m.start : m.end] for m in org.mentions]


# ---------------------------------------------------------------------------
# find_acronym_definitions (pure)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Astana Civil Service Hub (ACSH) met on Monday.",
            [("Astana Civil Service Hub", "ACSH")],
            id="long-then-acronym",
        ),
        pytest.param(
            "ACSH (Astana Civil Service Hub) met on Monday.",
            [("Astana Civil Service Hub", "ACSH")],
            id="acronym-then-long",
        ),
        pytest.param(
            "The United Nations Development Programme (UNDP) said it would help.",
            [("United Nations Development Programme", "UNDP")],
            id="known-acronym-defined",
        ),
        pytest.param(
            "UNDP (United Nations Development Programme) said it would help.",
            [("United Nations Development Programme", "UNDP")],
            id="known-acronym-first",
        ),
        pytest.param(
            "the Ministry of the Interior and Safety (MOIS) of the Republic of Korea",
            [("Ministry of the Interior and Safety", "MOIS")],
            id="skips-lower-case-words",
        ),
        pytest.param(
            "The Ministry of Digital Development (MDD, Kazakhstan) agreed.",
            [("Ministry of Digital Development", "MDD")],
            id="acronym-with-comment",
        ),
        pytest.param(
            "The Ministry of Finance (MoF) agreed.",
            [("Ministry of Finance", "MoF")],
            id="mixed-case-acronym",
        ),
        pytest.param(
            "The Korea Institute of Public Administration (KIPA) and the Asian Development "
            "Bank (ADB) agreed.",
            [
                ("Korea Institute of Public Administration", "KIPA"),
                ("Asian Development Bank", "ADB"),
            ],
            id="two-definitions",
        ),
        # Negative: parentheses that define nothing.
        pytest.param("The economy grew by 5 percent (GDP) in 2024.", [], id="lower-case-before"),
        pytest.param("The meeting (see Annex) was long.", [], id="not-an-acronym"),
        pytest.param("The grant (USD 5 million) was signed.", [], id="amount"),
        pytest.param("Jane Roe (UNDP) said it would help.", [], id="affiliation-not-definition"),
        pytest.param("The Rhine Policy Institute (XYZ) agreed.", [], id="letters-do-not-match"),
        pytest.param("The Astana Civil Service Hub (the Hub) agreed.", [], id="short-name"),
        pytest.param("ACSH (ASTANA CIVIL SERVICE HUB) agreed.", [], id="upper-case-long-form"),
    ],
)
def test_organisations_acronym_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_acronym_definitions(text)
    assert [(d.long, d.acronym) for d in found] == expected
    for definition in found:
        start, acronym_start = definition.long_start, definition.acronym_start
        assert text[start : start + len(definition.long)] == definition.long
        assert text[acronym_start : acronym_start + len(definition.acronym)] == definition.acronym


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Government Accountability Office", "GAO", id="plain"),
        pytest.param("Astana Civil Service Hub", "ACSH", id="four-words"),
        pytest.param("Asia-Pacific Economic Cooperation", "APEC", id="hyphen"),
        pytest.param("United Nations Development Programme", "UNDP", id="un"),
        # Negative: lower-case words give no letter ("MOIS" is not its initials).
        pytest.param("Ministry of the Interior and Safety", "MIS", id="lower-case-words"),
    ],
)
def test_organisations_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


# ---------------------------------------------------------------------------
# clean_org_text, is_not_organisation, classify_kind (pure)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("the OECD’s", ("OECD", 14), id="the-and-possessive"),
        pytest.param("The Ministry of Energy", ("Ministry of Energy", 14), id="leading-The"),
        pytest.param("UNDP's", ("UNDP", 10), id="straight-possessive"),
        pytest.param(
            "Astana Civil Service Hub (ACSH)", ("Astana Civil Service Hub", 10), id="parenthesis"
        ),
        pytest.param("UNDP Administrator", ("UNDP", 10), id="trailing-title"),
        pytest.param("Meridian Foods, CIO", ("Meridian Foods", 10), id="comma-before-title"),
        pytest.param("About Harbor Analytics", ("Harbor Analytics", 16), id="about-heading"),
        pytest.param(
            "SOURCE Brightwater Labs Inc.", ("Brightwater Labs Inc.", 17), id="wire-source-label"
        ),
        pytest.param("Source Capital", ("Source Capital", 10), id="a-name-that-says-source"),
        pytest.param(
            "Northwind Logistics Ltd.\nContact", ("Northwind Logistics Ltd.", 10), id="line-break"
        ),
        pytest.param("Meridian Bank,", ("Meridian Bank", 10), id="trailing-comma"),
        pytest.param("HarborviewHarborview", ("Harborview", 10), id="heading-run-into-name"),
        pytest.param("Company Websitehttps", ("Company Website", 10), id="glued-address"),
        pytest.param("Bonbon", ("Bonbon", 10), id="short-repeat-is-a-name"),
        pytest.param("the Bank of", ("Bank", 14), id="dangling-of"),
        # Negative: nothing left, or nothing capitalised.
        pytest.param("the", None, id="only-the"),
        pytest.param("the ministry", None, id="lower-case"),
        pytest.param(
            "Department of Water Resources of Lao PDR",
            ("Department of Water Resources", 10),
            id="trailing-country",
        ),
        pytest.param(
            "Ministry of Energy of Tajikistan",
            ("Ministry of Energy", 10),
            id="trailing-country-short",
        ),
    ],
)
def test_organisations_clean_org_text(text: str, expected: tuple[str, int] | None) -> None:
    assert clean_org_text(text, 10) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("AI", True, id="ai"),
        pytest.param("Secretary-General", True, id="title-word"),
        pytest.param("Minister", True, id="title-minister"),
        pytest.param("Spokesperson", True, id="title-spokesperson"),
        pytest.param("the Caucasus", True, id="region-the"),
        pytest.param("Caucasus", True, id="region"),
        pytest.param("Central Asia", True, id="region-two-words"),
        pytest.param("Asia-Pacific", True, id="region-hyphen"),
        pytest.param("Silicon Valley", True, id="place"),
        pytest.param("Global Water Forum", True, id="event-forum"),
        pytest.param("Central Asia Climate Summit", True, id="event-summit"),
        pytest.param("Annual Report", True, id="publication-report"),
        pytest.param("OECD Economic Outlook", True, id="publication-outlook"),
        pytest.param("Public Governance Review", True, id="publication-review"),
        pytest.param("Kazakhstan", True, id="country"),
        pytest.param("Republic of Korea", True, id="country-long"),
        pytest.param("Korean", True, id="demonym"),
        pytest.param("Media Relations", True, id="generic-phrase"),
        pytest.param("Ministry", True, id="generic-word"),
        # Negative: organisations, including ones that contain a region or event word.
        pytest.param("Ministry of Energy", False, id="ministry"),
        pytest.param("World Health Organization", False, id="who"),
        pytest.param("OECD", False, id="acronym"),
        pytest.param("Astana Civil Service Hub", False, id="hub"),
        pytest.param("Harbor Analytics Inc.", False, id="company"),
        pytest.param("Pacific Islands Forum Secretariat", False, id="forum-secretariat"),
        pytest.param("Caucasus Research Network", False, id="region-in-name"),
        pytest.param(
            "Director General",
            True,
            id="two-word-title",
        ),
        pytest.param(
            "Chief Executive Officer",
            True,
            id="three-word-title",
        ),
        pytest.param(
            "Paris Agreement",
            True,
            id="treaty",
        ),
    ],
)
def test_organisations_is_not_organisation(name: str, expected: bool) -> None:
    assert is_not_organisation(name) is expected


@pytest.mark.parametrize(
    ("name", "acronym", "kind"),
    [
        pytest.param("Ministry of Finance", None, "government", id="ministry"),
        pytest.param("Department of Water Resources", None, "government", id="department"),
        pytest.param("Korea Digital Agency", None, "government", id="agency"),
        pytest.param("OECD", "OECD", "intergovernmental", id="known-acronym"),
        pytest.param(
            "United Nations Development Programme", "UNDP", "intergovernmental", id="un-defined"
        ),
        pytest.param(
            "United Nations Office for Project Services", None, "intergovernmental", id="un-name"
        ),
        pytest.param("Northwind Logistics Ltd.", None, "company", id="ltd"),
        pytest.param("Harbor Analytics Inc.", None, "company", id="inc"),
        pytest.param("University of Tallinn", None, "academic", id="university"),
        pytest.param("Tallinn University of Technology", None, "academic", id="university-of"),
        # Negative: the name does not make the kind clear, or a closer word wins.
        pytest.param("School Meals Company Ltd.", None, "company", id="school-company"),
        pytest.param("Rhine Policy Institute", None, None, id="institute"),
        pytest.param("Cascade Foods", None, None, id="no-suffix"),
    ],
)
def test_organisations_classify_kind(name: str, acronym: str | None, kind: str | None) -> None:
    assert classify_kind(name, acronym) == kind


# ---------------------------------------------------------------------------
# find_pattern_organisations (pure)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Officials from the Willamette Basin Monitoring Consortium attended.",
            ["Willamette Basin Monitoring Consortium"],
            id="consortium",
        ),
        pytest.param(
            "Officials from the Office of the Minister of Natural Resources attended.",
            ["Office of the Minister of Natural Resources"],
            id="office-of-the-minister",
        ),
        pytest.param("Pupils at Tatnall School planted trees.", ["Tatnall School"], id="school"),
        pytest.param(
            "The Ministry of Trade and Industry agreed.",
            ["Ministry of Trade and Industry"],
            id="and-inside-name",
        ),
        pytest.param(
            "Director of the Rhine Policy Institute Anna Keller spoke.",
            ["Rhine Policy Institute"],
            id="title-cut-off",
        ),
        pytest.param(
            "The findings appear in the Rhine Policy Institute’s Annual Report.",
            ["Rhine Policy Institute"],
            id="possessive-before-publication",
        ),
        # Negative: no organisation word, or the bare word alone.
        pytest.param("Deputy Minister of Finance Aida Bekova spoke.", [], id="title-only"),
        pytest.param("The Board met on Monday.", [], id="bare-head"),
        pytest.param("The meeting was held on Monday in Tallinn.", [], id="no-org-word"),
        pytest.param(
            "Officials from the Tallinn University of Technology attended.",
            ["Tallinn University of Technology"],
            id="of-after-head",
        ),
        pytest.param(
            "Officials met the Office of the Minister of Natural Resources on Monday.",
            ["Office of the Minister of Natural Resources"],
            id="on-weekday",
        ),
        pytest.param(
            "On Monday the Astana Civil Service Hub met.",
            ["Astana Civil Service Hub"],
            id="leading-weekday",
        ),
        pytest.param(
            "Harbor Analytics Inc. and Northwind Logistics Ltd. agreed.",
            ["Harbor Analytics Inc.", "Northwind Logistics Ltd."],
            id="two-companies",
        ),
        pytest.param(
            "The Willamette Basin Monitoring Consortium and the Office of the Minister of "
            "Natural Resources signed.",
            [
                "Willamette Basin Monitoring Consortium",
                "Office of the Minister of Natural Resources",
            ],
            id="two-organisations",
        ),
    ],
)
def test_organisations_find_pattern_organisations(text: str, expected: list[str]) -> None:
    found = find_pattern_organisations(text)
    assert [name for name, _ in found] == expected
    for name, start in found:
        assert text[start : start + len(name)] == name


# ---------------------------------------------------------------------------
# extract(): acronyms and merged mentions
# ---------------------------------------------------------------------------

ACSH_LONG_FIRST = (
    "The Astana Civil Service Hub (ACSH) launched the study on Monday. ACSH will publish the "
    "results in June, and the ACSH secretariat will coordinate."
)
ACSH_ACRONYM_FIRST = (
    "The study was prepared by ACSH (Astana Civil Service Hub) with partners. ACSH will "
    "publish the results in June."
)
KIPA_RPI = (
    "The Korea Institute of Public Administration (KIPA) signed an agreement with the Rhine "
    "Policy Institute (RPI) on Monday. Under the agreement, KIPA will host RPI researchers, and "
    "KIPA’s library will open to them."
)
UNDP_WHO = (
    "The United Nations Development Programme (UNDP) and the World Health Organization opened "
    "an office. Delegates who attended said UNDP and the WHO would lead."
)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            ACSH_LONG_FIRST,
            {
                ("Astana Civil Service Hub", "ACSH"): [
                    "Astana Civil Service Hub",
                    "ACSH",
                    "ACSH",
                    "ACSH",
                ]
            },
            id="long-form-first",
        ),
        pytest.param(
            ACSH_ACRONYM_FIRST,
            {("Astana Civil Service Hub", "ACSH"): ["ACSH", "Astana Civil Service Hub", "ACSH"]},
            id="acronym-first",
        ),
        pytest.param(
            KIPA_RPI,
            {
                ("Korea Institute of Public Administration", "KIPA"): [
                    "Korea Institute of Public Administration",
                    "KIPA",
                    "KIPA",
                    "KIPA",
                ],
                ("Rhine Policy Institute", "RPI"): ["Rhine Policy Institute", "RPI", "RPI"],
            },
            id="two-definitions",
        ),
        pytest.param(
            UNDP_WHO,
            {
                ("United Nations Development Programme", "UNDP"): [
                    "United Nations Development Programme",
                    "UNDP",
                    "UNDP",
                ],
                ("World Health Organization", "WHO"): ["World Health Organization", "WHO"],
            },
            id="known-acronyms-defined-and-lower-case-who",
        ),
    ],
)
def test_organisations_acronym_uses_are_mentions(
    body: str, expected: dict[tuple[str, str], list[str]]
) -> None:
    record = record_of(body)
    actual = {(o.name, o.acronym): mention_texts(body, o) for o in record.organizations}
    assert actual == expected


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The OECD published the review on Monday. UNDP and the WHO contributed data, and "
            "NATO was briefed.",
            {"OECD": 1, "UNDP": 1, "WHO": 1, "NATO": 1},
            id="undefined-known-acronyms",
        ),
        # Negative: upper-case words that are not organisations, and lower-case "who".
        pytest.param(
            "Researchers who study AI said the CEO expected GDP to grow. Those who attended "
            "agreed.",
            {},
            id="not-organisations",
        ),
    ],
)
def test_organisations_known_acronyms_without_definition(
    body: str, expected: dict[str, int]
) -> None:
    record = record_of(body)
    assert {o.name: len(o.mentions) for o in record.organizations} == expected
    for org in record.organizations:
        assert org.acronym == org.name
        assert org.kind == "intergovernmental"


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "name", "count"),
    [
        pytest.param(
            "The OECD published the review on Monday. The OECD’s experts visited five "
            "countries, and the OECD will report in May.",
            "OECD",
            3,
            id="acronym-the-and-possessive",
        ),
        pytest.param(
            "The Astana Civil Service Hub’s members met on Monday. Members said the Astana "
            "Civil Service Hub would expand.",
            "Astana Civil Service Hub",
            2,
            id="name-possessive-and-the",
        ),
        pytest.param(
            "UNDP's partners met on Monday. The UNDP will report in May.",
            "UNDP",
            2,
            id="straight-apostrophe",
        ),
    ],
)
def test_organisations_possessive_and_the_merge(body: str, name: str, count: int) -> None:
    record = record_of(body)
    assert [o.name for o in record.organizations] == [name]
    assert mention_texts(body, record.organizations[0]) == [name] * count


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "parent", "units", "parent_alone"),
    [
        pytest.param(
            "The OECD Public Governance Directorate prepared the review. The OECD said the "
            "findings would be discussed in Paris.",
            "OECD",
            ["OECD Public Governance Directorate"],
            "The OECD said",
            id="oecd-directorate",
        ),
        pytest.param(
            "The OECD Directorate for Public Governance and the OECD Development Centre "
            "prepared the report. The OECD said it would publish it in May.",
            "OECD",
            ["OECD Directorate for Public Governance", "OECD Development Centre"],
            "The OECD said",
            id="two-oecd-units",
        ),
        pytest.param(
            "The Department of Budget Policy of the Ministry of Finance prepared the draft. "
            "The Ministry of Finance will publish it in May.",
            "Ministry of Finance",
            ["Department of Budget Policy"],
            "The Ministry of Finance will",
            id="ministry-department",
        ),
    ],
)
def test_organisations_sub_units_stay_distinct(
    body: str, parent: str, units: list[str], parent_alone: str
) -> None:
    record = record_of(body)
    head = named(record, parent)
    for unit in units:
        sub = named(record, unit)
        assert sub.id != head.id
        assert _key(unit) not in forms(head)
        assert _key(parent) not in forms(sub)
    start = release(body).index(parent_alone) + parent_alone.index(parent)
    assert (start, start + len(parent)) in [(m.start, m.end) for m in head.mentions]


# ---------------------------------------------------------------------------
# extract(): what is not an organisation
# ---------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "The Ministry of Energy said AI would transform the grid.",
            ["AI"],
            ["Ministry of Energy"],
            id="ai",
        ),
        pytest.param(
            "Experts from Central Asia, the Caucasus and the Asia-Pacific region met the "
            "Caucasus Research Network in Almaty on Monday.",
            ["Central Asia", "Caucasus", "Asia-Pacific", "Asia-Pacific region"],
            ["Caucasus Research Network"],
            id="regions",
        ),
        pytest.param(
            "The Ministry of Energy will host the Global Water Forum in Dushanbe next year.",
            ["Global Water Forum"],
            ["Ministry of Energy"],
            id="event-forum",
        ),
        pytest.param(
            "Speaking at the Central Asia Climate Summit, the Secretary General of the Rhine "
            "Policy Institute urged action.",
            ["Central Asia Climate Summit", "Secretary General"],
            ["Rhine Policy Institute"],
            id="event-summit",
        ),
        pytest.param(
            "The Public Governance Review of Kazakhstan was presented to the Ministry of "
            "Finance on Monday.",
            ["Public Governance Review", "Public Governance Review of Kazakhstan", "Kazakhstan"],
            ["Ministry of Finance"],
            id="publication-review",
        ),
        pytest.param(
            "The Ministry of Finance will publish the Tax Transparency Report in June.",
            ["Tax Transparency Report"],
            ["Ministry of Finance"],
            id="publication-report",
        ),
        pytest.param(
            "The findings appear in the Rhine Policy Institute’s Annual Report, published on "
            "Monday.",
            ["Annual Report", "Rhine Policy Institute’s Annual Report"],
            ["Rhine Policy Institute"],
            id="publication-possessive",
        ),
        pytest.param(
            "The letter was signed by the Chief Economist, the Director of Research and the "
            "Permanent Secretary of the Ministry of Finance.",
            ["Chief Economist", "Director of Research", "Permanent Secretary"],
            ["Ministry of Finance"],
            id="job-titles",
        ),
        pytest.param(
            "The Executive Director of Communications and the Head of Research of the Rhine "
            "Policy Institute signed the letter.",
            ["Head of Research", "Executive Director of Communications"],
            ["Rhine Policy Institute"],
            id="job-titles-head-of",
        ),
        pytest.param(
            "Kazakhstan, Uzbekistan and the Republic of Korea signed the memorandum with the "
            "Ministry of Finance.",
            ["Kazakhstan", "Uzbekistan", "Republic of Korea"],
            ["Ministry of Finance"],
            id="countries",
        ),
        pytest.param(
            "Farmers in Dayton met the Ministry of Agriculture on Tuesday.",
            ["Dayton"],
            ["Ministry of Agriculture"],
            id="city",
        ),
    ],
)
def test_organisations_non_organisations_dropped(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


# ---------------------------------------------------------------------------
# extract(): kind
# ---------------------------------------------------------------------------

MEMORANDUM = (
    "The Ministry of Finance, Northwind Logistics Ltd., the University of Tallinn and the WHO "
    "signed the memorandum. The Rhine Policy Institute will monitor it."
)
DATA_SHARING = (
    "Harbor Analytics Inc., Tallinn University of Technology and the United Nations "
    "Development Programme will share the data with the Ministry of Education."
)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        pytest.param(MEMORANDUM, "Ministry of Finance", "government", id="ministry"),
        pytest.param(MEMORANDUM, "Northwind Logistics Ltd.", "company", id="ltd"),
        pytest.param(MEMORANDUM, "University of Tallinn", "academic", id="university"),
        pytest.param(MEMORANDUM, "WHO", "intergovernmental", id="known-acronym"),
        pytest.param(DATA_SHARING, "Harbor Analytics Inc.", "company", id="inc"),
        pytest.param(
            DATA_SHARING, "Tallinn University of Technology", "academic", id="university-of"
        ),
        pytest.param(
            DATA_SHARING,
            "United Nations Development Programme",
            "intergovernmental",
            id="un-name",
        ),
        pytest.param(DATA_SHARING, "Ministry of Education", "government", id="ministry-2"),
        # Negative: nothing in the name says what kind it is.
        pytest.param(MEMORANDUM, "Rhine Policy Institute", None, id="unclear"),
    ],
)
def test_organisations_kind(body: str, name: str, kind: str | None) -> None:
    assert named(record_of(body), name).kind == kind


# ---------------------------------------------------------------------------
# extract(): tickers, currencies, common nouns, short forms, company names, cut entities
# ---------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "Quillon Robotics Inc. (NASDAQ: QLRB) today announced a new arm.",
            ["NASDAQ", "QLRB"],
            ["Quillon Robotics Inc."],
            id="ticker-tag",
        ),
        pytest.param(
            "Fernhill Mining plc (LSE: FHM; TSX: FHX) reported output.",
            ["LSE", "FHM", "TSX", "FHX"],
            ["Fernhill Mining plc"],
            id="two-listings",
        ),
        pytest.param(
            "The Alpine Relief Foundation appealed for CHF 4 million for the flood response.",
            ["CHF"],
            ["Alpine Relief Foundation"],
            id="currency-before-amount",
        ),
        pytest.param(
            "Brackwater Utilities Board said prices would rise. “Utilities must invest,” she "
            "said. Many utilities agree.",
            ["Utilities"],
            ["Brackwater Utilities Board"],
            id="sentence-initial-common-noun",
        ),
        pytest.param(
            "The Ministry of Health met delegates at the Harcourt Building on Monday.",
            ["Harcourt Building"],
            ["Ministry of Health"],
            id="building",
        ),
        pytest.param(
            "Growers across the Pacific Northwest met the Ministry of Agriculture.",
            ["Pacific Northwest"],
            ["Ministry of Agriculture"],
            id="us-region",
        ),
    ],
)
def test_organisations_listing_money_and_prose_dropped(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "name", "aliases"),
    [
        pytest.param(
            "Tidewell Analytics Inc. launched a sensor. Tidewell Analytics said orders were "
            "strong, and Tidewell expects growth.",
            "Tidewell Analytics Inc.",
            {"tidewell analytics", "tidewell"},
            id="company-short-forms",
        ),
        pytest.param(
            "Regulators questioned Southern Skies Airways on Tuesday. Southern Skies said it "
            "would refund passengers.",
            "Southern Skies Airways",
            {"southern skies"},
            id="company-head-short-form",
        ),
        pytest.param(
            "Ms. Reyes works at the United States Coast Guard Academy. The Coast Guard Academy "
            "opened in 1876.",
            "United States Coast Guard Academy",
            {"coast guard academy"},
            id="country-prefix-dropped",
        ),
        pytest.param(
            "Quillon Robotics, Inc. (NASDAQ: QLRB) today opened a plant. Quillon Robotics "
            "Inc. said the plant will employ 200.",
            "Quillon Robotics, Inc.",
            {"quillon robotics inc."},
            id="comma-before-legal-form",
        ),
    ],
)
def test_organisations_short_forms_merge(body: str, name: str, aliases: set[str]) -> None:
    record = record_of(body)
    org = named(record, name)
    assert aliases <= forms(org)
    assert all(not (aliases & forms(o)) for o in record.organizations if o is not org)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        pytest.param(
            "The group agreed to acquire Pinecrest Kitchens LLC, a frozen-meal producer.",
            ["Pinecrest Kitchens LLC"],
            ["Kitchens LLC"],
            id="llc-over-person",
        ),
        pytest.param(
            "The plant will be built by Moravia Battery Metals a.s., a Czech company.",
            ["Moravia Battery Metals a.s."],
            [],
            id="lower-case-suffix",
        ),
        pytest.param(
            "Shares of Northfork Grocers fell 4 per cent.",
            ["Northfork Grocers"],
            ["Shares of Northfork Grocers"],
            id="company-head-after-of",
        ),
        pytest.param(
            "Officials from the Southern Hydro-Meteorological Centre of Viet Nam attended.",
            ["Southern Hydro-Meteorological Centre"],
            ["Southern Hydro-Meteorological Centre of Viet Nam"],
            id="country-tail-centre",
        ),
        pytest.param(
            "Delegates told the General Assembly’s Special Committee on Coastal Erosion that "
            "the Children’s Relief Fund had run out of money.",
            ["General Assembly", "Special Committee on Coastal Erosion", "Children’s Relief Fund"],
            ["Fund", "Assembly’s Special Committee on Coastal Erosion"],
            id="possessive-after-head-only",
        ),
        # Negative: a sub-unit "of" its parent is not widened into one name.
        pytest.param(
            "The Department of Budget Policy of the Ministry of Finance issued a note.",
            ["Ministry of Finance"],
            ["Department of Budget Policy of the Ministry of Finance"],
            id="not-across-two-names",
        ),
    ],
)
def test_organisations_names_completed(body: str, present: list[str], absent: list[str]) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
def test_organisations_headline_acronyms_not_mentions() -> None:
    text = "WASHINGTON (AP) — Lawmakers questioned the head of Harbor Lines Corp. on Tuesday.\n"
    record = record_of(text)
    assert all("AP" not in forms(o) | {o.acronym} for o in record.organizations)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        pytest.param(
            "Recent National Park Service estimates show a backlog.",
            ["National Park Service"],
            ["Recent National Park Service"],
            id="sentence-initial-adjective",
        ),
        pytest.param(
            "Senator Akaka sits on the Homeland Security and Governmental Affairs Committee.",
            ["Homeland Security and Governmental Affairs Committee"],
            ["Governmental Affairs Committee", "Homeland Security"],
            id="and-joined-committee",
        ),
        pytest.param(
            "The bill passed in the 109th Congress with wide support.",
            ["109th Congress"],
            [],
            id="ordinal-congress",
        ),
        pytest.param(
            "Farmers in Franklin, Southampton County lost crops, as did students from Kings "
            "Point, New York, said the Virginia Farm Bureau.",
            ["Virginia Farm Bureau"],
            ["Franklin"],
            id="place-by-context",
        ),
        pytest.param(
            "She chairs the subcommittee on Transportation, Treasury, and Housing and Urban "
            "Development.",
            [],
            ["Transportation", "Housing and Urban Development"],
            id="committee-on-portfolios",
        ),
    ],
)
def test_organisations_context_decides(body: str, present: list[str], absent: list[str]) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "The hearing was held in the Hart Senate Office Building with the Federal Aviation "
            "Administration.",
            ["Hart Senate Office Building"],
            ["Federal Aviation Administration"],
            id="office-building",
        ),
        pytest.param(
            "The Centers for Medicare & Medicaid Services said Medicare would cover the test.",
            ["Medicare"],
            ["Centers for Medicare & Medicaid Services"],
            id="programme",
        ),
        pytest.param(
            "Defense Secretary Lloyd Hammond met the Ranking Member of the Armed Services "
            "Committee.",
            ["Defense", "Ranking"],
            ["Armed Services Committee"],
            id="portfolio-before-title",
        ),
        pytest.param(
            "The Director General welcomed the Paris Agreement on behalf of the World Health "
            "Organization.",
            ["Director General", "Paris Agreement"],
            ["World Health Organization"],
            id="title-and-treaty",
        ),
    ],
)
def test_organisations_senate_release_noise_dropped(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "name", "aliases"),
    [
        pytest.param(
            "The grant comes from the U.S. Department of Homeland Security. The Department of "
            "Homeland Security announced it on Monday.",
            "U.S. Department of Homeland Security",
            {"department of homeland security"},
            id="us-prefix",
        ),
        pytest.param(
            "The bill is before the Senate Finance Committee. The Finance Committee meets in May.",
            "Senate Finance Committee",
            {"finance committee"},
            id="legislature-prefix",
        ),
        pytest.param(
            "Senator Allen's Service Academy Review Board met. The Review Board's "
            "recommendations follow.",
            "Service Academy Review Board",
            {"review board"},
            id="possessive-person-and-tail",
        ),
    ],
)
def test_organisations_prefixed_forms_merge(body: str, name: str, aliases: set[str]) -> None:
    record = record_of(body)
    org = named(record, name)
    assert aliases <= forms(org)
    assert len([o for o in record.organizations if forms(o) & aliases]) == 1


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "Daniel Cannard of Hampton and Emily Edman of Poquoson were nominated to the Naval "
            "Academy.",
            ["Hampton", "Poquoson"],
            ["Naval Academy"],
            id="hometown",
        ),
        pytest.param(
            "Visit the office at 657 2nd Avenue North; Room 306 Fargo, ND 58102, run by the Red "
            "River Valley Council.",
            ["Room 306 Fargo"],
            [],
            id="address",
        ),
        pytest.param(
            "The corridor links Mid-America and Canada and helps Northwest Louisiana, said the "
            "Ports Authority of Louisiana.",
            ["Mid-America", "Northwest Louisiana"],
            [],
            id="compass-region",
        ),
        pytest.param(
            "Officials from the Pecan Creek Municipal Utility District met residents.",
            [],
            ["Pecan Creek Municipal Utility District"],
            id="service-district",
        ),
        pytest.param(
            "She joined the National Honor Society and the Spanish Honor Society.",
            ["Honor Society"],
            ["National Honor Society", "Spanish Honor Society"],
            id="demonym-widened",
        ),
    ],
)
def test_organisations_places_addresses_and_districts(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "The Senate passed H.R. 517 after the Congressional Budget Office scored it.",
            ["H.R. 517"],
            ["Congressional Budget Office"],
            id="bill-number",
        ),
        pytest.param(
            "Sen. Ben Nelson spoke at noon.\nNELSON HELPS FARMERS\nThe Farm Service Agency "
            "will pay the claims.",
            ["NELSON"],
            ["Farm Service Agency"],
            id="capitalised-surname",
        ),
        pytest.param(
            "Students from the Tatnall School visited the Capitol.",
            ["Students"],
            ["Tatnall School"],
            id="lone-common-noun",
        ),
        # Negative: a company written in camel case before a title stays an organisation.
        pytest.param(
            "FarSounder President Matthew Coolidge thanked the Navy.",
            [],
            ["FarSounder"],
            id="camel-case-company-before-title",
        ),
    ],
)
def test_organisations_bills_verbs_and_common_nouns(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "name", "aliases", "absent"),
    [
        pytest.param(
            "The U.S. Senate passed the bill on Monday, and the Senate will vote again in May.",
            "U.S. Senate",
            {"senate"},
            [],
            id="country-prefixed-body",
        ),
        pytest.param(
            "The U.S. Department of Agriculture will pay growers in KS. USDA said the Department "
            "of Agriculture had the funds.",
            "U.S. Department of Agriculture",
            {"usda", "department of agriculture"},
            ["KS"],
            id="us-initialism",
        ),
        # Negative: a plural kind of body is not one organisation.
        pytest.param(
            "He was nominated to the U.S. Service Academies by the Naval Academy Board.",
            "Naval Academy Board",
            set(),
            ["U.S. Service Academies"],
            id="plural-kind",
        ),
    ],
)
def test_organisations_national_bodies(
    body: str, name: str, aliases: set[str], absent: list[str]
) -> None:
    check_absent_present(body, absent, [name])
    assert aliases <= forms(named(record_of(body), name))


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        pytest.param(
            "The U.S. Department of Agriculture, Office of Rural Development has awarded a grant.",
            ["U.S. Department of Agriculture", "Office of Rural Development"],
            ["U.S. Department of Agriculture, Office of Rural Development"],
            id="comma-between-bodies",
        ),
        pytest.param(
            "The Department of Health and Human Services and HHS staff agreed.",
            ["Department of Health and Human Services"],
            ["Department of Health and Human Services and HHS"],
            id="and-before-acronym",
        ),
        # Negative: a comma before a place keeps the place out.
        pytest.param(
            "Homes in Franklin, Southampton County and Surry, Isle of Wight County were flooded, "
            "said the Virginia Farm Bureau.",
            ["Virginia Farm Bureau"],
            ["Surry"],
            id="comma-before-place",
        ),
    ],
)
def test_organisations_commas_and_acronyms_split(
    body: str, present: list[str], absent: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "name", "alias"),
    [
        pytest.param(
            "The Department of Health and Human Services said HHS would pay.",
            "Department of Health and Human Services",
            "hhs",
            id="department-initials",
        ),
        pytest.param(
            "The House of Representatives voted, and the House will meet again.",
            "House of Representatives",
            "house",
            id="house",
        ),
    ],
)
def test_organisations_short_names_of_federal_bodies(body: str, name: str, alias: str) -> None:
    record = record_of(body)
    assert alias in forms(named(record, name))
    assert len(record.organizations) == 1


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "The Congressional Gold Medal was presented by the Tuskegee Airmen Association.",
            ["Congressional Gold Medal"],
            ["Tuskegee Airmen Association"],
            id="medal",
        ),
        pytest.param(
            "Leaders of the Civil Rights Movement met the Southern Christian Leadership "
            "Conference board at the Capitol.",
            ["Civil Rights Movement", "Capitol"],
            [],
            id="movement-and-building",
        ),
    ],
)
def test_organisations_awards_movements_buildings(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    ("body", "absent", "present"),
    [
        pytest.param(
            "Farms in Ralls, St. Charles and Stoddard counties flooded, said the Missouri Farm "
            "Bureau.",
            ["Stoddard"],
            ["Missouri Farm Bureau"],
            id="counties",
        ),
        pytest.param(
            "The hearing is in 342 Dirksen Senate Office Building with the Government "
            "Accountability Office.",
            ["Dirksen Senate Office"],
            ["Government Accountability Office"],
            id="building-after",
        ),
        pytest.param(
            "Airmen trained at Lockbourne Air Base with the Tuskegee Airmen Association.",
            ["Lockbourne Air Base"],
            ["Tuskegee Airmen Association"],
            id="air-base",
        ),
        pytest.param(
            "Imports of milk protein concentrate (MPC) worry the Dairy Farmers Cooperative. "
            "MPC prices fell.",
            ["MPC"],
            ["Dairy Farmers Cooperative"],
            id="term-acronym",
        ),
        pytest.param(
            "September 2007 Press Releases\n\nThe Farm Service Agency will pay.",
            ["Press Releases"],
            ["Farm Service Agency"],
            id="press-releases",
        ),
    ],
)
def test_organisations_counties_bases_terms(
    body: str, absent: list[str], present: list[str]
) -> None:
    check_absent_present(body, absent, present)


@pytest.mark.model
@pytest.mark.usefixtures("nlp")
def test_organisations_company_before_title_and_person_surname() -> None:
    body = (
        "Boeing CEO Dave Calhoun said orders rose. Tom Baker runs Baker Holdings. Baker said "
        "the firm would grow."
    )
    record = record_of(body)
    named(record, "Boeing")
    holdings = named(record, "Baker Holdings")
    text = release(body)
    assert all(text[m.start : m.end] != "Baker" for m in holdings.mentions)


def test_organisations_acronym_only_entry_joins_the_name_its_initials_spell() -> None:
    from extractor.components.organisations import _merge_initialisms, _Registry

    registry = _Registry()
    registry.add("CPIB", 0, 4)
    registry.add("Corrupt Practices Investigation Bureau", 10, 48)
    registry.add("MSU", 60, 63)
    _merge_initialisms(registry)
    assert [(o.name, o.acronym, sorted(o.mentions)) for o in registry.orgs] == [
        ("Corrupt Practices Investigation Bureau", "CPIB", [(0, 4), (10, 48)]),
        ("MSU", None, [(60, 63)]),  # no organisation's initials spell it: kept as written
    ]


_WORDS = ["Acme", "Water", "Acme-Water", "Baker", "Holdings", "of", "the", "U.S.", "AT&T", "(", ")"]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), max_size=30),
    seps=st.lists(st.sampled_from([" ", "  ", "\n", ", ", "-", "\t"]), min_size=30, max_size=30),
    names=st.sets(
        st.lists(st.sampled_from(_WORDS[:8]), min_size=1, max_size=3).map(" ".join),
        max_size=4,
    ),
)
@example(words=["of", "the"] * 3, seps=[" "] * 30, names={"of the of"})  # overlapping
def test_occurrences_are_what_one_search_per_name_finds(
    words: list[str], seps: list[str], names: set[str]
) -> None:
    """The one-pass search for short company names finds exactly the matches of one
    ``re.finditer`` per name (whole names, not followed by a capitalised word, no overlap)."""
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    found = _occurrences(text, names)
    for name in names:
        pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])(?![ \t]+[A-Z])"
        expected = [m.span() for m in re.finditer(pattern, text)]
        assert [m.span() for m in found[name]] == expected, (name, text)
