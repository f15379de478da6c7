"""Countries: names and aliases in running text, context checks, and written country lists.

Most cases call ``find_country_mentions`` / ``find_country_lists`` directly (no model); a few
go through ``extract()``. Expected values are read off the short texts below.
"""

from __future__ import annotations

import pytest

from extractor.components.countries import find_country_lists, inside_a_name
from extractor.text.places import find_country_mentions


def mentions(text: str, excluded: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    """``(iso2, text as written)`` for each mention, in text order."""
    return [(m.iso2, text[m.start : m.end]) for m in find_country_mentions(text, excluded or [])]


# --- aliases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials from the Republic of Korea attended.", [("KR", "Republic of Korea")]),
        ("Officials from South Korea attended.", [("KR", "South Korea")]),
        ("Officials from Korea attended.", [("KR", "Korea")]),
        ("Sanctions on the DPRK were discussed.", [("KP", "DPRK")]),
        ("Sanctions on North Korea were discussed.", [("KP", "North Korea")]),
        ("Delegates from Laos arrived.", [("LA", "Laos")]),
        ("Delegates from Lao PDR arrived.", [("LA", "Lao PDR")]),
        (
            "Delegates from the Lao People’s Democratic Republic arrived.",
            [("LA", "Lao People’s Democratic Republic")],
        ),
        (
            "Delegates from the Lao People's Democratic Republic arrived.",
            [("LA", "Lao People's Democratic Republic")],
        ),
        ("Rice exports from Viet Nam rose.", [("VN", "Viet Nam")]),
        ("Rice exports from Vietnam rose.", [("VN", "Vietnam")]),
        ("The summit in Türkiye ended.", [("TR", "Türkiye")]),
        ("The summit in Turkey ended.", [("TR", "Turkey")]),
        ("Cocoa from Côte d’Ivoire is sold.", [("CI", "Côte d’Ivoire")]),
        ("Cocoa from Côte d'Ivoire is sold.", [("CI", "Côte d'Ivoire")]),
        ("Cocoa from Ivory Coast is sold.", [("CI", "Ivory Coast")]),
        ("Typhoons hit the Philippines.", [("PH", "Philippines")]),
        ("Glassmakers in Czechia expanded.", [("CZ", "Czechia")]),
        ("Glassmakers in the Czech Republic expanded.", [("CZ", "Czech Republic")]),
        ("Clinics in Eswatini opened.", [("SZ", "Eswatini")]),
        ("Gas from Russia was cut.", [("RU", "Russia")]),
        ("Gas from the Russian Federation was cut.", [("RU", "Russian Federation")]),
        ("Talks with Iran resumed.", [("IR", "Iran")]),
        ("Aid to Syria was pledged.", [("SY", "Syria")]),
        ("Roads in Tanzania were repaired.", [("TZ", "Tanzania")]),
        ("Lithium from Bolivia is prized.", [("BO", "Bolivia")]),
        ("Oil from Venezuela was shipped.", [("VE", "Venezuela")]),
        ("Wine from Moldova won prizes.", [("MD", "Moldova")]),
        ("Delegates from the State of Palestine spoke.", [("PS", "State of Palestine")]),
        ("Trade with the UK grew.", [("GB", "UK")]),
        ("Trade with Britain grew.", [("GB", "Britain")]),
        ("Trade with the United Kingdom grew.", [("GB", "United Kingdom")]),
        ("Trade with the US grew.", [("US", "US")]),
        ("Trade with the USA grew.", [("US", "USA")]),
        ("Trade with the United States grew.", [("US", "United States")]),
        ("Trade with the U.S. grew.", [("US", "U.S.")]),
    ],
)
def test_countries_aliases(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Korea, Lao PDR and Viet Nam signed; South Korea and the DPRK did not.",
            ["KR", "LA", "VN", "KR", "KP"],
            id="korea-vs-dprk",
        ),
        pytest.param(
            "Sudan and South Sudan, Niger and Nigeria, Dominica and the Dominican Republic.",
            ["SD", "SS", "NE", "NG", "DM", "DO"],
            id="longest-form-wins",
        ),
    ],
)
def test_countries_aliases_in_one_sentence(text: str, expected: list[str]) -> None:
    assert [code for code, _ in mentions(text)] == expected


# --- context -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She grew up in Atlanta, Georgia, and now works in Ohio.", [], id="atlanta"),
        pytest.param("Georgia Power, the Atlanta utility, raised rates.", [], id="georgia-power"),
        pytest.param(
            "Talks between Georgia, Armenia and Azerbaijan resumed.",
            [("GE", "Georgia"), ("AM", "Armenia"), ("AZ", "Azerbaijan")],
            id="beside-armenia-azerbaijan",
        ),
        pytest.param(
            "The pipeline crosses Georgia to reach the Black Sea, officials in Tbilisi said.",
            [("GE", "Georgia")],
            id="tbilisi",
        ),
        pytest.param(
            "Projects in the Caucasus focus on Georgia.", [("GE", "Georgia")], id="caucasus"
        ),
    ],
)
def test_countries_georgia_needs_caucasus_context(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Jordan Ellis, the director, spoke.", [], id="jordan-ellis"),
        pytest.param("Chad Novak, the director, spoke.", [], id="chad-novak"),
        pytest.param(
            "Aid to Jordan and Lebanon increased.",
            [("JO", "Jordan"), ("LB", "Lebanon")],
            id="jordan-and-lebanon",
        ),
        pytest.param(
            "Chad Novak and Jordan Ellis met in Chad.", [("TD", "Chad")], id="people-then-country"
        ),
        pytest.param("Troops left Chad last year.", [("TD", "Chad")], id="chad-country"),
    ],
)
def test_countries_person_names_are_not_countries(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "excluded", "expected"),
    [
        pytest.param("Michael Jordan spoke in Jordan.", [(0, 14)], [("JO", "Jordan")], id="one"),
        pytest.param("Michael Jordan spoke in Jordan.", [], [("JO", "Jordan")] * 2, id="none"),
    ],
)
def test_countries_excluded_ranges_are_skipped(
    text: str, excluded: list[tuple[int, int]], expected: list[tuple[str, str]]
) -> None:
    assert mentions(text, excluded) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("They enjoyed a turkey dinner.", [], id="lowercase-turkey"),
        # capitalised mid-sentence, "Turkey products" reads as products of Turkey: the list
        # of food words after "Turkey" that used to decide this was fitted to one release
        pytest.param("They sold Turkey products abroad.", [("TR", "Turkey")], id="turkey-products"),
        pytest.param("Turkey dinner sales rose.", [], id="turkey-dinner-capitalised"),
        pytest.param(
            "Turkey products account for a third of sales. Exports to Japan rose.",
            [("JP", "Japan")],
            id="sentence-start-unconfirmed",
        ),
        pytest.param(
            "Turkey signed. Talks with Turkey resume.",
            [("TR", "Turkey"), ("TR", "Turkey")],
            id="sentence-start-confirmed-later",
        ),
        pytest.param("Exports to Turkey rose.", [("TR", "Turkey")], id="country"),
        pytest.param("Turkey and Greece agreed.", [("TR", "Turkey"), ("GR", "Greece")], id="pair"),
    ],
)
def test_countries_turkey_the_food_is_not_a_country(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Korean delegation and Kenyan officials met.",
        "South Korean and North Korean officials met.",
        "British, American and Turkish firms bid.",
        "Ivorian cocoa and Russian gas prices rose.",
        "Lao officials met Filipino nurses.",
        "Georgian wine is popular.",
    ],
)
def test_countries_demonyms_are_not_mentions(text: str) -> None:
    assert mentions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Plants in New Mexico and New Jersey opened.", [], id="us-states"),
        pytest.param("Exports to Mexico rose.", [("MX", "Mexico")], id="mexico"),
        pytest.param("Banks in Jersey held the funds.", [("JE", "Jersey")], id="jersey"),
        pytest.param(
            "Researchers studied birds on New Guinea.",
            [],
            id="new-guinea-island",
        ),
    ],
)
def test_countries_new_x_is_not_country_x(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Join us in Paris.", [], id="us"),
        pytest.param("Let us know.", [], id="let-us"),
        pytest.param("Us too, said the minister.", [], id="sentence-start"),
        pytest.param("US officials said the deal was done.", [("US", "US")], id="capitals"),
        pytest.param(
            "JOIN US FOR THE LAUNCH IN PARIS",
            [],
            id="all-caps-headline",
        ),
    ],
)
def test_countries_us_pronoun_is_not_us(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel's government said.", [("IL", "Israel")]),
        ("Israel’s government said.", [("IL", "Israel")]),
        ("Korea’s experience was shared.", [("KR", "Korea")]),
        ("Kenya's president spoke.", [("KE", "Kenya")]),
        ("the Philippines' capital", [("PH", "Philippines")]),
    ],
)
def test_countries_possessives_count(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials from the Republic of Korea, Côte d’Ivoire and the UK met in Laos.",
        "Israel’s and Jordan's envoys met. Chad Novak spoke of Chad.",
    ],
)
def test_countries_mention_offsets_index_text(text: str) -> None:
    found = find_country_mentions(text, [])
    assert found
    starts = [m.start for m in found]
    assert starts == sorted(starts)
    for mention in found:
        written = text[mention.start : mention.end]
        assert written == written.strip()
        assert written[:1].isupper()


# --- country lists -------------------------------------------------------------------------

AGENCY = (
    "More than 30 civil servants from 12 countries from Central Asia (Kazakhstan, "
    "Kyrgyzstan, Tajikistan, and Uzbekistan), the Caucasus (Armenia, Azerbaijan, and "
    "Georgia), and the Asia-Pacific region (Bangladesh, Cambodia, Laos, Mongolia, and the "
    "Philippines) gathered in Seoul."
)
AGENCY_LISTS = [
    ("Central Asia", ["KZ", "KG", "TJ", "UZ"], 12),
    ("the Caucasus", ["AM", "AZ", "GE"], 12),
    ("the Asia-Pacific region", ["BD", "KH", "LA", "MN", "PH"], 12),
]


def lists_of(text: str) -> tuple[list[tuple[str | None, list[str], int | None]], list[str]]:
    found, warnings = find_country_lists(text, find_country_mentions(text, []))
    return [(i.label, i.countries, i.stated_count) for i in found], [c for c, _ in warnings]


@pytest.mark.parametrize(
    ("text", "expected", "warning_codes"),
    [
        pytest.param(AGENCY, AGENCY_LISTS, [], id="agency-three-regions"),
        pytest.param(
            "Talks in East Africa (Kenya, Uganda and Rwanda) went well.",
            [("East Africa", ["KE", "UG", "RW"], None)],
            [],
            id="labelled-no-count",
        ),
        pytest.param(
            "Leaders of the Nordic countries (Denmark, Finland, Iceland, Norway and Sweden) met.",
            [("the Nordic countries", ["DK", "FI", "IS", "NO", "SE"], None)],
            [],
            id="label-with-countries-word",
        ),
        pytest.param(
            "Experts from Southeast Asia (Viet Nam, Lao PDR and Cambodia) attended.",
            [("Southeast Asia", ["VN", "LA", "KH"], None)],
            [],
            id="aliases-in-list",
        ),
        pytest.param(
            "Participants came from Kenya, Uganda and Rwanda.",
            [(None, ["KE", "UG", "RW"], None)],
            [],
            id="plain-list-no-label",
        ),
        pytest.param(
            "Delegates from Kenya, the United States and Japan signed.",
            [(None, ["KE", "US", "JP"], None)],
            [],
            id="plain-list-with-the",
        ),
        pytest.param(
            "Participants came from three countries: Kenya, Uganda and Rwanda.",
            [(None, ["KE", "UG", "RW"], 3)],
            [],
            id="count-matches",
        ),
        pytest.param(
            "Participants came from five countries: Kenya, Uganda and Rwanda.",
            [(None, ["KE", "UG", "RW"], 5)],
            ["country_count_mismatch"],
            id="count-mismatch",
        ),
        pytest.param(
            "Participants came from Kenya, Uganda and Rwanda. Twelve countries signed later.",
            [(None, ["KE", "UG", "RW"], None)],
            [],
            id="count-in-other-sentence",
        ),
        pytest.param(
            "Kenya hosted the talks. Uganda attended.", [], [], id="separate-sentences-no-list"
        ),
    ],
)
def test_countries_lists(
    text: str,
    expected: list[tuple[str | None, list[str], int | None]],
    warning_codes: list[str],
) -> None:
    assert lists_of(text) == (expected, warning_codes)


def test_countries_list_spans_cover_the_names() -> None:
    found, _ = find_country_lists(AGENCY, find_country_mentions(AGENCY, []))
    assert [AGENCY[i.start : i.end] for i in found] == [
        "Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan",
        "Armenia, Azerbaijan, and Georgia",
        "Bangladesh, Cambodia, Laos, Mongolia, and the Philippines",
    ]


# --- through extract() ---------------------------------------------------------------------


@pytest.mark.model
def test_countries_extract_agency_release() -> None:
    from extractor import extract

    text = "Regional Forum Opens in Seoul\n\nSeoul, Republic of Korea – October 2025.\n\n" + AGENCY
    record = extract(text)
    got = [(c.label, c.countries, c.stated_count) for c in record.country_lists]
    assert got == AGENCY_LISTS
    for item in record.country_lists:
        assert text[item.span.start : item.span.end].endswith(
            {"KZ": "Uzbekistan", "AM": "Georgia", "BD": "Philippines"}[item.countries[0]]
        )
    codes = [c.iso2 for c in record.countries]
    # the dateline's "Republic of Korea" is where the release was issued, not a country it
    # names (GOLD_FORMAT: countries are not taken from the dateline alone)
    assert set(codes) == {code for _, group, _ in AGENCY_LISTS for code in group}
    assert "country_count_mismatch" not in [w.code for w in record.warnings]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "stated", "warning_codes"),
    [
        pytest.param("five countries: Kenya, Uganda and Rwanda", 5, ["country_count_mismatch"]),
        pytest.param("three countries: Kenya, Uganda and Rwanda", 3, []),
        pytest.param("Kenya, Uganda and Rwanda", None, []),
    ],
)
def test_countries_extract_count_mismatch_warning(
    sentence: str, stated: int | None, warning_codes: list[str]
) -> None:
    from extractor import extract

    text = f"NAIROBI, March 3, 2024 - Participants came from {sentence}. The meeting ended.\n"
    record = extract(text)
    assert [(c.label, c.countries, c.stated_count) for c in record.country_lists] == [
        (None, ["KE", "UG", "RW"], stated)
    ]
    assert [w.code for w in record.warnings] == warning_codes


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ATLANTA, March 3, 2024 - Jordan Ellis, who grew up in Atlanta, Georgia, said "
            "the firm would hire 200 people. Aid to Jordan and Lebanon rose.\n",
            ["JO", "LB"],
            id="jordan-ellis-atlanta-georgia",
        ),
        pytest.param(
            "Acme Corp said on Monday that its chief executive, Michael Jordan, would retire. "
            "Jordan joined the company in 2010.\n",
            [],
            id="michael-jordan",
        ),
    ],
)
def test_countries_extract_people_are_not_countries(text: str, expected: list[str]) -> None:
    from extractor import extract

    record = extract(text)
    assert [c.iso2 for c in record.countries] == expected


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        pytest.param("an associate professor at the Macao University of Tourism", True),
        pytest.param("to the Board of the Singapore Land Authority (SLA)", True),
        pytest.param("Chief Executive of the National Gallery Singapore, will", True),
        pytest.param("(Former Executive Chairman, PwC LLP Singapore)", True),
        pytest.param("(General Manager, Gojek Singapore)", True),
        pytest.param("The Singapore government said on Monday", False),
        pytest.param("exports from Japan Singapore and Korea rose", False),
        pytest.param("the Government of Singapore said", False),
        pytest.param("Talks between Macao and Hengqin continue.", False),
        pytest.param("Minister Grace Fu visited Singapore in May.", False),
    ],
)
def test_countries_inside_a_longer_name(text: str, inside: bool) -> None:
    mention = find_country_mentions(text)[0]
    assert inside_a_name(text, mention.start, mention.end) is inside
