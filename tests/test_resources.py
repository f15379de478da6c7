"""Tests for extractor.resources: the package's word lists and lookup tables."""

import json
import re
from collections.abc import Callable
from importlib.resources import files

import pycountry
import pytest

from extractor.resources import (
    CountryInfo,
    ambiguous_country_forms,
    canadian_provinces,
    city_countries,
    country_aliases,
    country_by_iso2,
    demonyms,
    honorifics,
    known_org_acronyms,
    non_org_words,
    normalise_country_key,
    org_words,
    region_words,
    reporting_verbs,
    title_abbreviations,
    title_words,
    us_states,
    wire_services,
)

PYCOUNTRY_ALPHA2 = frozenset(country.alpha_2 for country in pycountry.countries)


def _first_wire(text: str) -> str | None:
    """Return the name of the first wire pattern that matches ``text``, as a caller would."""
    for pattern, name in wire_services():
        if re.search(pattern, text, re.IGNORECASE):
            return name
    return None


# --- countries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso2"),
    [
        ("Republic of Korea", "KR"),
        ("the Republic of Korea", "KR"),
        ("South Korea", "KR"),
        ("Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("DPRK", "KP"),
        ("North Korea", "KP"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Lao People’s Democratic Republic", "LA"),
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Turkey", "TR"),
        ("Côte d’Ivoire", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("the Philippines", "PH"),
        ("Czechia", "CZ"),
        ("Czech Republic", "CZ"),
        ("Eswatini", "SZ"),
        ("Swaziland", "SZ"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("Tanzania", "TZ"),
        ("Bolivia", "BO"),
        ("Venezuela", "VE"),
        ("Moldova", "MD"),
        ("State of Palestine", "PS"),
        ("Palestine", "PS"),
        ("the UK", "GB"),
        ("U.K.", "GB"),
        ("Britain", "GB"),
        ("Great Britain", "GB"),
        ("the United Kingdom", "GB"),
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("the United States", "US"),
        ("United States of America", "US"),
        ("America", "US"),
        ("UAE", "AE"),
        ("Taiwan", "TW"),
        ("Macedonia", "MK"),
        ("North Macedonia", "MK"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Cape Verde", "CV"),
        ("Cabo Verde", "CV"),
        ("Holland", "NL"),
        ("the Netherlands", "NL"),
        ("Democratic Republic of the Congo", "CD"),
        ("DRC", "CD"),
        ("Republic of the Congo", "CG"),
        ("Micronesia", "FM"),
        ("Brunei", "BN"),
        ("The Bahamas", "BS"),
        ("the Gambia", "GM"),
        ("Kyrgyzstan", "KG"),
        ("Kyrgyz Republic", "KG"),
        ("Curaçao", "CW"),
        ("Curacao", "CW"),
        ("Falkland Islands", "FK"),
        ("Holy See", "VA"),
        ("Georgia", "GE"),
    ],
)
def test_resources_country_aliases_map_written_forms(written: str, iso2: str) -> None:
    assert country_aliases()[normalise_country_key(written)] == iso2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lao People’s Democratic Republic", "lao people's democratic republic"),
        ("Côte d‘Ivoire", "côte d'ivoire"),
        ("The Netherlands", "netherlands"),
        ("the  United\u00a0Kingdom", "united kingdom"),
        ("  Republic of Korea ", "republic of korea"),
        ("Theodore", "theodore"),
        ("U.S.", "u.s."),
    ],
)
def test_resources_normalise_country_key(text: str, expected: str) -> None:
    assert normalise_country_key(text) == expected


def test_resources_country_alias_keys_are_normalised() -> None:
    bad = [key for key in country_aliases() if normalise_country_key(key) != key]
    assert bad == []


@pytest.mark.parametrize(
    "demonym",
    ["korean", "american", "british", "chinese", "filipino", "lao", "georgian", "swiss", "thai"],
)
def test_resources_demonyms_are_not_country_aliases(demonym: str) -> None:
    assert demonym in demonyms()
    assert demonym not in country_aliases()


def test_resources_no_demonym_is_a_country_alias() -> None:
    assert set(demonyms()) & set(country_aliases()) == set()


@pytest.mark.parametrize(
    ("iso2", "expected"),
    [
        ("KR", CountryInfo(iso2="KR", iso3="KOR", name="Korea, Republic of")),
        ("kr", CountryInfo(iso2="KR", iso3="KOR", name="Korea, Republic of")),
        ("LA", CountryInfo(iso2="LA", iso3="LAO", name="Lao People's Democratic Republic")),
        ("GB", CountryInfo(iso2="GB", iso3="GBR", name="United Kingdom")),
        ("XK", None),
        ("ZZ", None),
        ("", None),
    ],
)
def test_resources_country_by_iso2(iso2: str, expected: CountryInfo | None) -> None:
    assert country_by_iso2(iso2) == expected


@pytest.mark.parametrize(
    ("form", "ambiguous"),
    [
        ("georgia", True),
        ("jordan", True),
        ("chad", True),
        ("turkey", True),
        ("guinea", True),
        ("congo", True),
        ("america", True),
        ("us", True),
        ("china", False),
        ("korea", False),
        ("france", False),
        ("türkiye", False),
        ("papua new guinea", False),
    ],
)
def test_resources_ambiguous_country_forms(form: str, ambiguous: bool) -> None:
    assert (form in ambiguous_country_forms()) is ambiguous


def test_resources_ambiguous_forms_are_country_aliases() -> None:
    assert ambiguous_country_forms() <= set(country_aliases())


@pytest.mark.parametrize(
    ("demonym", "iso2"),
    [
        ("korean", "KR"),
        ("south korean", "KR"),
        ("north korean", "KP"),
        ("kenyan", "KE"),
        ("kazakh", "KZ"),
        ("tajik", "TJ"),
        ("uzbek", "UZ"),
        ("azerbaijani", "AZ"),
        ("filipino", "PH"),
        ("dutch", "NL"),
        ("emirati", "AE"),
        ("nigerien", "NE"),
        ("nigerian", "NG"),
    ],
)
def test_resources_demonyms_map_to_codes(demonym: str, iso2: str) -> None:
    assert demonyms()[demonym] == iso2


def test_resources_demonyms_are_many_and_lower_case() -> None:
    table = demonyms()
    assert len(table) >= 150
    assert all(key == key.lower() for key in table)


@pytest.mark.parametrize(
    "table",
    [country_aliases, demonyms, city_countries],
    ids=["country_aliases", "demonyms", "city_countries"],
)
def test_resources_values_are_pycountry_alpha2(table: Callable[[], dict[str, str]]) -> None:
    unknown = {key: code for key, code in table().items() if code not in PYCOUNTRY_ALPHA2}
    assert unknown == {}


def test_resources_every_pycountry_country_has_an_alias() -> None:
    assert set(country_aliases().values()) == PYCOUNTRY_ALPHA2


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Oregon", "OR"),
        ("OR", "OR"),
        ("Ore.", "OR"),
        ("Ore", "OR"),
        ("ORE.", "OR"),
        ("OREGON", "OR"),
        ("N.Y.", "NY"),
        ("New York", "NY"),
        ("D.C.", "DC"),
        ("DC", "DC"),
        ("D.C", "DC"),
        ("District of Columbia", "DC"),
        ("Calif.", "CA"),
        ("CALIF.", "CA"),
        ("Mass.", "MA"),
        ("Wash.", "WA"),
        ("Pa.", "PA"),
        ("Fla.", "FL"),
        ("Ill.", "IL"),
        ("Mont", "MT"),
        ("S.C.", "SC"),
        ("W.Va.", "WV"),
        ("DE", "DE"),
        ("Del.", "DE"),
        ("Texas", "TX"),
        ("Puerto Rico", "PR"),
        ("P.R.", "PR"),
    ],
)
def test_resources_us_states_map_written_forms(written: str, code: str) -> None:
    assert us_states()[written] == code


@pytest.mark.parametrize("written", ["oregon", "calif.", "Korea", "Ontario"])
def test_resources_us_states_reject_other_forms(written: str) -> None:
    assert written not in us_states()


def test_resources_us_states_cover_states_dc_and_puerto_rico() -> None:
    assert len(set(us_states().values())) == 52


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Ontario", "ON"),
        ("Ont.", "ON"),
        ("ON", "ON"),
        ("Quebec", "QC"),
        ("Québec", "QC"),
        ("Que.", "QC"),
        ("B.C.", "BC"),
        ("British Columbia", "BC"),
        ("Alta.", "AB"),
        ("N.S.", "NS"),
        ("P.E.I.", "PE"),
        ("Nfld.", "NL"),
        ("Yukon", "YT"),
    ],
)
def test_resources_canadian_provinces_map_written_forms(written: str, code: str) -> None:
    assert canadian_provinces()[written] == code


def test_resources_canadian_provinces_cover_all_thirteen() -> None:
    assert len(set(canadian_provinces().values())) == 13


@pytest.mark.parametrize(
    ("city", "iso2"),
    [
        ("washington", "US"),
        ("new york", "US"),
        ("pittsburgh", "US"),
        ("minneapolis", "US"),
        ("seoul", "KR"),
        ("london", "GB"),
        ("tokyo", "JP"),
        ("frankfurt", "DE"),
        ("zurich", "CH"),
        ("hong kong", "HK"),
        ("toronto", "CA"),
        ("buenos aires", "AR"),
        ("sao paulo", "BR"),
        ("kuala lumpur", "MY"),
        ("new delhi", "IN"),
        ("manama", "BH"),
        ("abu dhabi", "AE"),
        ("wellington", "NZ"),
        ("the hague", "NL"),
        ("astana", "KZ"),
        ("dushanbe", "TJ"),
    ],
)
def test_resources_city_countries_map_cities(city: str, iso2: str) -> None:
    assert city_countries()[city] == iso2


@pytest.mark.parametrize(
    "city",
    ["birmingham", "cambridge", "kingston", "san jose", "manchester", "st. louis", "victoria"],
)
def test_resources_city_countries_leave_out_ambiguous_cities(city: str) -> None:
    assert city not in city_countries()


def test_resources_city_countries_are_many_and_lower_case() -> None:
    table = city_countries()
    assert len(table) >= 400
    assert all(city == city.lower() for city in table)


@pytest.mark.parametrize(
    ("word", "is_region"),
    [
        ("central asia", True),
        ("the caucasus", True),
        ("caucasus", True),
        ("asia-pacific", True),
        ("the asia-pacific", True),
        ("asia pacific", True),
        ("middle east", True),
        ("sub-saharan africa", True),
        ("the americas", True),
        ("sahel", True),
        ("korea", False),
        ("oecd", False),
    ],
)
def test_resources_region_words(word: str, is_region: bool) -> None:
    assert (word in region_words()) is is_region


def test_resources_region_words_are_not_countries() -> None:
    assert region_words() & set(country_aliases()) == set()


# --- organisations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("acronym", "known"),
    [
        ("OECD", True),
        ("UNDP", True),
        ("UN", True),
        ("WHO", True),
        ("FEMA", True),
        ("DHS", True),
        ("GAO", True),
        ("HUD", True),
        ("EPA", True),
        ("AFL-CIO", True),
        ("NAACP", True),
        ("BBC", True),
        ("AI", False),
        ("CEO", False),
        ("GDP", False),
        ("COVID", False),
        ("US", False),
        ("UK", False),
        ("USA", False),
        ("who", False),
    ],
)
def test_resources_known_org_acronyms(acronym: str, known: bool) -> None:
    assert (acronym in known_org_acronyms()) is known


def test_resources_known_org_acronyms_are_many() -> None:
    assert len(known_org_acronyms()) >= 300


@pytest.mark.parametrize(
    ("word", "listed"),
    [
        ("ai", True),
        ("ceo", True),
        ("cfo", True),
        ("gdp", True),
        ("covid-19", True),
        ("covid", True),
        ("internet", True),
        ("ict", True),
        ("esg", True),
        ("r&d", True),
        ("iot", True),
        ("5g", True),
        ("q&a", True),
        ("ph.d.", True),
        ("AI", False),
        ("oecd", False),
        ("undp", False),
    ],
)
def test_resources_non_org_words(word: str, listed: bool) -> None:
    assert (word in non_org_words()) is listed


def test_resources_non_org_words_are_not_known_acronyms() -> None:
    lowered = {acronym.lower() for acronym in known_org_acronyms()}
    assert lowered & non_org_words() == set()


# --- people --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Mr.", "Mr."),
        ("Mr", "Mr."),
        ("MR.", "Mr."),
        ("Ms", "Ms."),
        ("Mrs.", "Mrs."),
        ("Dr", "Dr."),
        ("Prof.", "Prof."),
        ("Professor", "Prof."),
        ("H.E.", "H.E."),
        ("His Excellency", "H.E."),
        ("Her Excellency", "H.E."),
        ("Hon.", "Hon."),
        ("Honourable", "Hon."),
        ("Honorable", "Hon."),
        ("the Honourable", "Hon."),
        ("Sen.", "Sen."),
        ("SEN.", "Sen."),
        ("Rep.", "Rep."),
        ("Amb.", "Amb."),
        ("Gen.", "Gen."),
        ("Gov.", "Gov."),
        ("Capt.", "Capt."),
        ("Col.", "Col."),
        ("Lt.", "Lt."),
        ("Adm.", "Adm."),
        ("Rev.", "Rev."),
        ("Mx.", "Mx."),
        ("Miss", "Miss"),
        ("Sir", "Sir"),
        ("Dame", "Dame"),
        ("Lord", "Lord"),
        ("Lady", "Lady"),
    ],
)
def test_resources_honorifics_map_to_canonical(written: str, canonical: str) -> None:
    assert honorifics()[written] == canonical


@pytest.mark.parametrize("written", ["HE", "He", "mr.", "President"])
def test_resources_honorifics_reject_non_honorifics(written: str) -> None:
    assert written not in honorifics()


@pytest.mark.parametrize(
    ("word", "is_title"),
    [
        ("director", True),
        ("minister", True),
        ("secretary-general", True),
        ("vice-president", True),
        ("chairwoman", True),
        ("spokesperson", True),
        ("ceo", True),
        ("head", True),
        ("deputy", True),
        ("vice", True),
        ("rapporteur", True),
        ("economist", True),
        ("governance", False),
        ("korea", False),
        ("said", False),
    ],
)
def test_resources_title_words(word: str, is_title: bool) -> None:
    assert (word in title_words()) is is_title


def test_resources_title_words_are_single_lower_case_tokens() -> None:
    words = title_words()
    assert len(words) >= 150
    assert all(word == word.lower() and " " not in word for word in words)


@pytest.mark.parametrize(
    ("abbreviation", "title"),
    [
        ("Sen.", "Senator"),
        ("Rep.", "Representative"),
        ("Gov.", "Governor"),
        ("Sec.", "Secretary"),
        ("Amb.", "Ambassador"),
        ("Gen.", "General"),
        ("Pres.", "President"),
        ("Dir.", "Director"),
        ("Lt.", "Lieutenant"),
        ("Col.", "Colonel"),
        ("Adm.", "Admiral"),
        ("Atty.", "Attorney"),
        ("Sen", "Senator"),
        ("SEN.", "Senator"),
        ("Lt. Gov.", "Lieutenant Governor"),
    ],
)
def test_resources_title_abbreviations_expand(abbreviation: str, title: str) -> None:
    assert title_abbreviations()[abbreviation] == title


@pytest.mark.parametrize(
    "lemma",
    [
        "say",
        "tell",
        "add",
        "note",
        "stress",
        "emphasize",
        "emphasise",
        "underline",
        "highlight",
        "urge",
        "warn",
        "explain",
        "declare",
        "announce",
        "argue",
        "insist",
        "acknowledge",
        "reiterate",
        "underscore",
        "testify",
        "tweet",
        "welcome",
        "praise",
        "describe",
        "call",
    ],
)
def test_resources_reporting_verbs_include_cues(lemma: str) -> None:
    assert lemma in reporting_verbs()


@pytest.mark.parametrize("word", ["said", "stressed", "workshop", "government"])
def test_resources_reporting_verbs_are_lemmas_only(word: str) -> None:
    assert word not in reporting_verbs()


# --- datelines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Acme", "PRNewswire"),
        ("WASHINGTON, May 1, 2023 /PRNewswire-USNewswire/ -- The", "PRNewswire"),
        ("SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp", "Business Wire"),
        ("(BUSINESS WIRE)", "Business Wire"),
        ("OSLO, Norway, June 1, 2024 (GLOBE NEWSWIRE) -- Acme", "GlobeNewswire"),
        ("TORONTO, March 3, 2024 /CNW/ - Acme", "CNW"),
        ("WASHINGTON (AP) — The", "AP"),
        ("LONDON (Reuters) - Britain", "Reuters"),
        ("NEW YORK (UN News) - The", "UN News"),
        ("PARIS (AFP) - France", "AFP"),
        ("AUSTIN, Texas, Feb. 2, 2024 /EINPresswire.com/ -- Acme", "EIN Presswire"),
        ("VANCOUVER, BC / ACCESSWIRE / March 1, 2024 /", "ACCESSWIRE"),
        ("NEW YORK, NY (ACCESSWIRE) / Acme", "ACCESSWIRE"),
        ("SEOUL, Oct. 2 (Yonhap) -- South Korea", "Yonhap"),
    ],
)
def test_resources_wire_services_match_datelines(text: str, name: str) -> None:
    assert _first_wire(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "Seoul, Republic of Korea – October 2025.",
        "WASHINGTON, D.C. --",
        "(AP Photo/Evan Vucci)",
        "the Asia-Pacific Economic Cooperation (APEC) forum",
        "the Reuters Institute said",
    ],
)
def test_resources_wire_services_ignore_other_text(text: str) -> None:
    assert _first_wire(text) is None


def test_resources_wire_services_match_their_documented_examples() -> None:
    data = json.loads((files("extractor") / "data" / "wire_services.json").read_text("utf-8"))
    misses = [
        (entry["name"], example)
        for entry in data["services"]
        for example in entry["examples"]
        if _first_wire(example) != entry["name"]
    ]
    assert misses == []


def test_resources_wire_services_returns_a_fresh_list() -> None:
    services = wire_services()
    services.clear()
    assert wire_services() != []


# --- caching -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "loader",
    [
        country_aliases,
        ambiguous_country_forms,
        demonyms,
        us_states,
        canadian_provinces,
        city_countries,
        known_org_acronyms,
        non_org_words,
        honorifics,
        title_words,
        title_abbreviations,
        reporting_verbs,
        region_words,
    ],
    ids=lambda loader: loader.__name__,
)
def test_resources_loaders_are_cached(loader: Callable[[], object]) -> None:
    assert loader() is loader()


def test_resources_extended_lists_only_inside_the_block() -> None:
    from extractor import resources

    assert "opine" not in resources.reporting_verbs()
    with resources.extended(reporting_verbs=["opine"], title_words=["Harbourmaster"]):
        assert "opine" in resources.reporting_verbs()
        assert {"opine", "opines", "opined"} <= resources.reporting_verb_forms()
        assert "harbourmaster" in resources.title_words()
    assert "opine" not in resources.reporting_verbs()
    assert "harbourmaster" not in resources.title_words()


def test_resources_extended_refuses_an_unknown_list() -> None:
    import pytest

    from extractor import resources

    with pytest.raises(ValueError, match="org_wordz"), resources.extended(org_wordz=["x"]):
        pass


def test_title_words_take_the_undotted_abbreviations_as_listed() -> None:
    words = title_words()
    assert {"vp", "svp", "evp"} <= words
    assert not {"sec", "sen", "gen"} & words  # "SEC" is a variant of "Sec.", and an agency


def test_organisation_words_are_stored_lower_cased() -> None:
    """People and entity rules compare lower-cased words with them directly."""
    words = org_words().org_words
    assert words and all(word == word.lower() for word in words)
