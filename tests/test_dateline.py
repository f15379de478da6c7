"""Datelines: place, date, wire service and span from the opening lines of a release.

Most cases call ``find_dateline`` directly (no model); a few go through ``extract()``.
Expected values are read off the short texts below, not taken from a run of the code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from extractor.components.dateline import DatelineHit, find_dateline

BODY = " Acme Corp said on Monday that it would expand.\n"
FIELDS = ("city", "region", "country", "date", "date_precision", "wire")


def fields(hit: DatelineHit) -> dict[str, Any]:
    return {name: getattr(hit, name) for name in FIELDS}


def expect(**given: Any) -> dict[str, Any]:
    """Every field, ``None`` unless given: an unexpected value in any field fails."""
    return {name: given.get(name) for name in FIELDS}


def codes(hit: DatelineHit) -> list[str]:
    return [code for code, _ in hit.warnings]


def found(text: str, reference_date: dt.date | None = None) -> DatelineHit:
    hit = find_dateline(text, reference_date)
    assert hit is not None, f"no dateline found in {text!r}"
    assert text[hit.start : hit.end] == hit.text
    return hit


# --- formats: agency, UN, wire services, AP, Reuters, Senate ------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        pytest.param(
            "Seoul, Republic of Korea – October 2025.\n\nMore than 30 civil servants met.",
            "Seoul, Republic of Korea – October 2025.",
            expect(
                city="Seoul",
                region="Republic of Korea",
                country="KR",
                date="2025-10",
                date_precision="month",
            ),
            id="agency-month-own-line",
        ),
        pytest.param(
            "Seoul, Republic of Korea – October 2025. More than 30 civil servants met.",
            "Seoul, Republic of Korea – October 2025.",
            expect(
                city="Seoul",
                region="Republic of Korea",
                country="KR",
                date="2025-10",
                date_precision="month",
            ),
            id="agency-month-then-body-on-same-line",
        ),
        pytest.param(
            "Astana, Kazakhstan – 15 October 2025.\nThe Hub announced a new programme.",
            "Astana, Kazakhstan – 15 October 2025.",
            expect(
                city="Astana",
                region="Kazakhstan",
                country="KZ",
                date="2025-10-15",
                date_precision="day",
            ),
            id="agency-day-own-line",
        ),
        pytest.param(
            "Nairobi, Kenya – 3 March 2024 – The agency opened a regional office.",
            "Nairobi, Kenya – 3 March 2024 –",
            expect(
                city="Nairobi",
                region="Kenya",
                country="KE",
                date="2024-03-03",
                date_precision="day",
            ),
            id="agency-date-between-dashes",
        ),
        pytest.param(
            "GENEVA (1 March 2024) – The agency warned of a funding gap.",
            "GENEVA (1 March 2024) –",
            expect(city="GENEVA", country="CH", date="2024-03-01", date_precision="day"),
            id="un-parenthesised-date",
        ),
        pytest.param(
            "Geneva, 1 March 2024 – The agency warned of a funding gap.",
            "Geneva, 1 March 2024 –",
            expect(city="Geneva", country="CH", date="2024-03-01", date_precision="day"),
            id="un-day-month-year-title-case",
        ),
        pytest.param(
            "GENEVA, March 2024 - The agency published its annual report.",
            "GENEVA, March 2024 -",
            expect(city="GENEVA", country="CH", date="2024-03", date_precision="month"),
            id="month-precision-before-dash",
        ),
        pytest.param(
            "NEW YORK, March 3, 2024 /PRNewswire/ -- Acme Corp today announced results.",
            "NEW YORK, March 3, 2024 /PRNewswire/ --",
            expect(
                city="NEW YORK",
                country="US",
                date="2024-03-03",
                date_precision="day",
                wire="PRNewswire",
            ),
            id="prnewswire",
        ),
        pytest.param(
            "SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp today announced results.",
            "SAN FRANCISCO--(BUSINESS WIRE)--",
            expect(city="SAN FRANCISCO", country="US", wire="Business Wire"),
            id="business-wire",
        ),
        pytest.param(
            "TORONTO, Jan. 5, 2024 /CNW/ - Acme Corp today announced results.",
            "TORONTO, Jan. 5, 2024 /CNW/ -",
            expect(
                city="TORONTO",
                country="CA",
                date="2024-01-05",
                date_precision="day",
                wire="CNW",
            ),
            id="cnw",
        ),
        pytest.param(
            "AUSTIN, Texas, Jan. 5, 2024 (GLOBE NEWSWIRE) -- Acme Corp today announced results.",
            "AUSTIN, Texas, Jan. 5, 2024 (GLOBE NEWSWIRE) --",
            expect(
                city="AUSTIN",
                region="Texas",
                country="US",
                date="2024-01-05",
                date_precision="day",
                wire="GlobeNewswire",
            ),
            id="globe-newswire",
        ),
        pytest.param(
            "WASHINGTON (AP) — Lawmakers passed the bill on Thursday.",
            "WASHINGTON (AP) —",
            expect(city="WASHINGTON", country="US", wire="AP"),
            id="ap",
        ),
        pytest.param(
            "LONDON (Reuters) - Britain's economy grew faster than expected.",
            "LONDON (Reuters) -",
            expect(city="LONDON", country="GB", wire="Reuters"),
            id="reuters-wire-tag",
        ),
        pytest.param(
            "Washington, D.C. -- Senator Smith today introduced a bill.",
            "Washington, D.C. --",
            expect(city="Washington", region="D.C.", country="US"),
            id="senate",
        ),
        pytest.param(
            "NEW YORK and CHICAGO (December 22, 2013) — The two firms agreed to merge.",
            "NEW YORK and CHICAGO (December 22, 2013) —",
            expect(city="NEW YORK", country="US", date="2013-12-22", date_precision="day"),
            id="multi-city",
        ),
        pytest.param(
            "Springfield, Ill. — The mayor opened the new library.",
            "Springfield, Ill. —",
            expect(city="Springfield", region="Ill.", country="US"),
            id="title-case-city-state-abbreviation",
        ),
        pytest.param(
            "ST. LOUIS, Mo. -- The brewery will add 200 jobs.",
            "ST. LOUIS, Mo. --",
            expect(city="ST. LOUIS", region="Mo.", country="US"),
            id="all-caps-city-with-period",
        ),
        pytest.param(
            "THE HAGUE, March 2, 2024 - The court ruled on Tuesday.",
            "THE HAGUE, March 2, 2024 -",
            expect(city="THE HAGUE", country="NL", date="2024-03-02", date_precision="day"),
            id="the-hague-all-caps",
        ),
        pytest.param(
            "The Hague, March 2, 2024 - The court ruled on Tuesday.",
            "The Hague, March 2, 2024 -",
            expect(city="The Hague", country="NL", date="2024-03-02", date_precision="day"),
            id="the-hague-title-case",
        ),
        pytest.param(
            "Port Moresby, Papua New Guinea - The government signed the accord.",
            "Port Moresby, Papua New Guinea -",
            expect(city="Port Moresby", region="Papua New Guinea", country="PG"),
            id="multi-word-country-region",
        ),
    ],
)
def test_dateline_formats(text: str, dateline: str, expected: dict[str, Any]) -> None:
    hit = found(text)
    assert hit.text == dateline
    assert fields(hit) == expected
    assert hit.warnings == []


def test_dateline_multi_city_keeps_every_city() -> None:
    hit = found("NEW YORK and CHICAGO (December 22, 2013) — The two firms agreed to merge.")
    assert hit.cities == ["NEW YORK", "CHICAGO"]


# --- dates without a year ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference_date", "date", "wire"),
    [
        pytest.param(
            "NEW YORK, 5 March (UN News) – The Secretary-General said.",
            dt.date(2024, 3, 6),
            "2024-03-05",
            "UN News",
            id="un-news-same-year",
        ),
        pytest.param(
            "PORTLAND, Ore., Feb 26 - Officials said the port will reopen.",
            dt.date(1987, 3, 1),
            "1987-02-26",
            None,
            id="reuters-same-year",
        ),
        pytest.param(
            "PORTLAND, Ore., Dec 30 - Officials said the port will reopen.",
            dt.date(2025, 1, 3),
            "2024-12-30",
            None,
            id="reuters-december-in-early-january-is-previous-year",
        ),
        pytest.param(
            "PORTLAND, Ore., Feb 26 - Officials said the port will reopen.",
            dt.date(2024, 1, 5),
            "2023-02-26",
            None,
            id="reuters-weeks-ahead-of-reference-is-previous-year",
        ),
        pytest.param(
            "PORTLAND, Ore., Jan 2 - Officials said the port will reopen.",
            dt.date(2025, 1, 3),
            "2025-01-02",
            None,
            id="reuters-early-january-stays-in-reference-year",
        ),
        pytest.param(
            "PORTLAND, Ore., March 5 - Officials said the port will reopen.",
            dt.date(2024, 3, 1),
            "2024-03-05",
            None,
            id="reuters-days-after-reference-stays-in-reference-year",
        ),
    ],
)
def test_dateline_reference_date_completes_year(
    text: str, reference_date: dt.date, date: str, wire: str | None
) -> None:
    hit = found(text, reference_date)
    assert (hit.date, hit.date_precision, hit.wire) == (date, "day", wire)
    assert hit.warnings == []


@pytest.mark.parametrize(
    ("text", "city", "region", "country", "wire"),
    [
        pytest.param(
            "NEW YORK, 5 March (UN News) – The Secretary-General said.",
            "NEW YORK",
            None,
            "US",
            "UN News",
            id="un-news",
        ),
        pytest.param(
            "PORTLAND, Ore., Feb 26 - Officials said the port will reopen.",
            "PORTLAND",
            "Ore.",
            "US",
            None,
            id="reuters-region-ore",
        ),
        pytest.param(
            "THE HAGUE, March 2 - The court ruled on Tuesday.",
            "THE HAGUE",
            None,
            "NL",
            None,
            id="the-hague",
        ),
        pytest.param(
            "SEOUL, Oct. 2 (Yonhap) -- South Korea's exports rose.",
            "SEOUL",
            None,
            "KR",
            "Yonhap",
            id="yonhap",
        ),
    ],
)
def test_dateline_date_without_year_warns_and_guesses_nothing(
    text: str, city: str, region: str | None, country: str, wire: str | None
) -> None:
    hit = found(text)
    assert fields(hit) == expect(city=city, region=region, country=country, wire=wire)
    assert codes(hit) == ["date_without_year"]


# --- dashes, case of the place ---------------------------------------------------------------


@pytest.mark.parametrize("dash", ["-", "--", "–", "—", ":"])
@pytest.mark.parametrize(
    ("place", "country"),
    [("LONDON", "GB"), ("London", "GB"), ("BERLIN", "DE"), ("Berlin", "DE")],
)
def test_dateline_each_dash_after_a_place(dash: str, place: str, country: str) -> None:
    hit = found(f"{place} {dash}{BODY}")
    assert hit.text == f"{place} {dash}"
    assert fields(hit) == expect(city=place, country=country)


@pytest.mark.parametrize("dash", ["-", "--", "–", "—", ":"])
@pytest.mark.parametrize("place", ["TOKYO, Japan", "Tokyo, Japan"])
def test_dateline_each_dash_after_a_date(dash: str, place: str) -> None:
    hit = found(f"{place}, March 3, 2024 {dash}{BODY}")
    assert hit.text == f"{place}, March 3, 2024 {dash}"
    city = place.split(",")[0]
    assert fields(hit) == expect(
        city=city, region="Japan", country="JP", date="2024-03-03", date_precision="day"
    )


# --- date-only datelines -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "date", "precision"),
    [
        pytest.param("October 12, 2025 —" + BODY, "October 12, 2025 —", "2025-10-12", "day"),
        pytest.param("October 12, 2025 –" + BODY, "October 12, 2025 –", "2025-10-12", "day"),
        pytest.param("October 12, 2025 --" + BODY, "October 12, 2025 --", "2025-10-12", "day"),
        pytest.param("12 October 2025 -" + BODY, "12 October 2025 -", "2025-10-12", "day"),
        pytest.param("2025-10-12 —" + BODY, "2025-10-12 —", "2025-10-12", "day"),
        pytest.param("March 2024 —" + BODY, "March 2024 —", "2024-03", "month"),
    ],
)
def test_dateline_date_only(text: str, dateline: str, date: str, precision: str) -> None:
    hit = found(text)
    assert hit.text == dateline
    assert fields(hit) == expect(date=date, date_precision=precision)
    assert hit.cities == []
    assert hit.warnings == []


# --- impossible dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference_date", "city"),
    [
        pytest.param("LONDON, February 30, 2025 - The bank said." + BODY, None, "LONDON"),
        pytest.param("February 30, 2025 — The bank said." + BODY, None, None),
        pytest.param("GENEVA (31 April 2024) – The agency said." + BODY, None, "GENEVA"),
        pytest.param(
            "LONDON, Feb 30 - The bank said." + BODY, dt.date(2025, 3, 1), "LONDON", id="yearless"
        ),
    ],
)
def test_dateline_impossible_date_warns(
    text: str, reference_date: dt.date | None, city: str | None
) -> None:
    hit = found(text, reference_date)
    assert hit.city == city
    assert (hit.date, hit.date_precision) == (None, None)
    assert codes(hit) == ["impossible_date"]


# --- what is not a dateline ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Acme Posts Record Results\n\nThe board met in Paris. LONDON, March 3, 2024 - "
            "Acme said profits rose.",
            id="later-sentence",
        ),
        pytest.param(
            "Acme said on Monday that LONDON (Reuters) - was wrong.", id="mid-line-wire-tag"
        ),
        pytest.param("For Immediate Release: March 9, 2005" + BODY, id="for-immediate-release"),
        pytest.param("FOR IMMEDIATE RELEASE – March 9, 2005" + BODY, id="for-immediate-caps"),
        pytest.param("Embargoed until March 9, 2005" + BODY, id="embargo"),
        pytest.param("Acme Unveils Mine-to-Battery Plan" + BODY, id="hyphenated-headline"),
        pytest.param("Mine-to-Battery: Acme Opens Plant" + BODY, id="hyphenated-colon-headline"),
        pytest.param(
            "Mine-to-Battery Supply Chain - A New Era" + BODY, id="hyphenated-dash-headline"
        ),
        pytest.param(
            "ACME UNVEILS MINE-TO-BATTERY PLAN - NEW PLANT" + BODY,
            id="all-caps-hyphenated-dash-headline",
        ),
        pytest.param("LONDON-based Acme said on Monday it would expand.", id="attached-hyphen"),
        pytest.param("Contact: Jane" + BODY, id="contact"),
        pytest.param("CONTACT: Jane Doe" + BODY, id="contact-caps"),
        pytest.param("Media Contact: Jane Doe, 555-0100" + BODY, id="media-contact"),
        pytest.param("Update: Acme Recalls Product" + BODY, id="update-colon"),
        pytest.param("Highlights: Strong growth" + BODY, id="colon-unknown-place"),
        pytest.param("Today – The ministry said." + BODY, id="today-dash"),
    ],
)
def test_dateline_rejects(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "dateline", "start"),
    [
        pytest.param(
            "For Immediate Release: March 9, 2005\n\nWASHINGTON, D.C. -- Senator Smith said.",
            "WASHINGTON, D.C. --",
            38,
            id="after-release-line",
        ),
        pytest.param(
            "Contact: Jane Doe\nLONDON, March 3, 2024 - Acme said.",
            "LONDON, March 3, 2024 -",
            18,
            id="after-contact-line",
        ),
        pytest.param(
            "Acme Unveils Mine-to-Battery Plan\n\nLONDON, March 3, 2024 - Acme said.",
            "LONDON, March 3, 2024 -",
            35,
            id="after-hyphenated-headline",
        ),
        pytest.param(
            "LONDON, March 3, 2024 - Acme said.\nPARIS (AFP) - France said.",
            "LONDON, March 3, 2024 -",
            0,
            id="first-of-two",
        ),
        pytest.param(
            "   LONDON, March 3, 2024 - Acme said.", "LONDON, March 3, 2024 -", 3, id="indented"
        ),
        pytest.param(
            "\n\n  Headline\r\n\r\nPARIS (Reuters) - France said.",
            "PARIS (Reuters) -",
            16,
            id="crlf-lines",
        ),
    ],
)
def test_dateline_span_indexes_text(text: str, dateline: str, start: int) -> None:
    hit = found(text)
    assert (hit.text, hit.start, hit.end) == (dateline, start, start + len(dateline))
    assert text[hit.start : hit.end] == dateline


# --- through extract() ---------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "reference_date", "date", "warning_codes"),
    [
        pytest.param(
            "PORTLAND, Ore., Dec 30 - Officials said the port will reopen.\n",
            dt.date(2025, 1, 3),
            "2024-12-30",
            [],
            id="reference-date",
        ),
        pytest.param(
            "PORTLAND, Ore., Dec 30 - Officials said the port will reopen.\n",
            None,
            None,
            ["date_without_year"],
            id="no-reference-date",
        ),
        pytest.param(
            "Bank Reports Results\n\nLONDON, February 30, 2025 - The bank said profits rose.\n",
            None,
            None,
            ["impossible_date"],
            id="impossible-date",
        ),
    ],
)
def test_dateline_extract_record(
    text: str, reference_date: dt.date | None, date: str | None, warning_codes: list[str]
) -> None:
    from extractor import extract

    record = extract(text, reference_date=reference_date)
    assert record.dateline is not None
    span = record.dateline.span
    assert text[span.start : span.end] == record.dateline.text
    assert record.dateline.date == date
    assert [w.code for w in record.warnings] == warning_codes


# --- the grammar: release styles outside the Senate/Reuters/PR Newswire family -----------------


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        pytest.param(
            "RIVERTON, MD, March 12, 2025 /24-7PressRelease/ -- Acme Corp opened a plant.",
            "RIVERTON, MD, March 12, 2025 /24-7PressRelease/ --",
            expect(
                city="RIVERTON",
                region="MD",
                country="US",
                date="2025-03-12",
                wire="24-7PressRelease",
            ),
            id="slash-tag-after-date",
        ),
        pytest.param(
            "Tucson, AZ (Newsworthy.ai) Thursday Jan 18, 2024 @ 5:00 PM Eastern — Acme grew.",
            "Tucson, AZ (Newsworthy.ai) Thursday Jan 18, 2024 @ 5:00 PM Eastern —",
            expect(
                city="Tucson", region="AZ", country="US", date="2024-01-18", wire="Newsworthy.ai"
            ),
            id="tag-then-weekday-time-zone",
        ),
        pytest.param(
            "HANOI, VIETNAM – Media OutReach Newswire – 17 June 2026 – Acme ranked 26th.",
            "HANOI, VIETNAM – Media OutReach Newswire – 17 June 2026 –",
            expect(
                city="HANOI",
                region="VIETNAM",
                country="VN",
                date="2026-06-17",
                wire="Media OutReach Newswire",
            ),
            id="wire-name-between-dashes",
        ),
        pytest.param(
            "(NewMediaWire) - March 22, 2025 - Glendale, CA – The museum will open.",
            "(NewMediaWire) - March 22, 2025 - Glendale, CA –",
            expect(
                city="Glendale", region="CA", country="US", date="2025-03-22", wire="NewMediaWire"
            ),
            id="tag-first-then-date-then-place",
        ),
        pytest.param(
            "Acme Opens Plant\n\nBURLINGTON, NJ / PR Karma / September 5, 2024 7:30\n\nAcme said.",
            "BURLINGTON, NJ / PR Karma / September 5, 2024 7:30",
            expect(
                city="BURLINGTON", region="NJ", country="US", date="2024-09-05", wire="PR Karma"
            ),
            id="spaced-slash-tag-own-line",
        ),
        pytest.param(
            "BRUSSELS. 3 March 2024 – The Commission adopted the plan.",
            "BRUSSELS. 3 March 2024 –",
            expect(city="BRUSSELS", country="BE", date="2024-03-03"),
            id="full-stop-after-city",
        ),
        pytest.param(
            "Brussels, 3 March 2024\n\nThe Commission adopted the plan.",
            "Brussels, 3 March 2024",
            expect(city="Brussels", country="BE", date="2024-03-03"),
            id="no-dash-own-line",
        ),
        pytest.param(
            "Brussels, 3 March 2024 The Commission adopted the plan.",
            "Brussels, 3 March 2024",
            expect(city="Brussels", country="BE", date="2024-03-03"),
            id="no-dash-before-the-first-sentence",
        ),
        pytest.param(
            "SAN FRANCISCO--(BUSINESS WIRE)--March 5, 2024--Acme Corp today announced results.",
            "SAN FRANCISCO--(BUSINESS WIRE)--March 5, 2024--",
            expect(city="SAN FRANCISCO", country="US", date="2024-03-05", wire="Business Wire"),
            id="business-wire-date-glued-to-the-body",
        ),
        pytest.param(
            "ESTERO, FL — July 14, 2026 — (NOTICIAS NEWSWIRE) — Acme won an award.",
            "ESTERO, FL — July 14, 2026 — (NOTICIAS NEWSWIRE) —",
            expect(
                city="ESTERO",
                region="FL",
                country="US",
                date="2026-07-14",
                wire="Noticias Newswire",
            ),
            id="known-wire-after-the-date-canonical-name",
        ),
        pytest.param(
            "NEW YORK, NY / News Direct/ June 20th, 2024 / Acme issued a forecast.",
            "NEW YORK, NY / News Direct/ June 20th, 2024 /",
            expect(
                city="NEW YORK", region="NY", country="US", date="2024-06-20", wire="News Direct"
            ),
            id="ordinal-date",
        ),
        pytest.param(
            "INDIANAPOLIS, INDIANA — WEDNESDAY, MAY 20, 2026\n\nAcme introduced a tool.",
            "INDIANAPOLIS, INDIANA — WEDNESDAY, MAY 20, 2026",
            expect(city="INDIANAPOLIS", region="INDIANA", country="US", date="2026-05-20"),
            id="capitals-weekday-own-line",
        ),
        pytest.param(
            "Springfield, United States - August 11, 2025 / Acme Mowers / Acme sells mowers.",
            "Springfield, United States - August 11, 2025 / Acme Mowers /",
            expect(
                city="Springfield",
                region="United States",
                country="US",
                date="2025-08-11",
                wire="Acme Mowers",
            ),
            id="unknown-tag-as-written",
        ),
        pytest.param(
            "CHICAGO and PARK CITY, UT – January 5, 2025 – Acme won again.",
            "CHICAGO and PARK CITY, UT – January 5, 2025 –",
            expect(city="CHICAGO", country="US", date="2025-01-05"),
            id="two-cities-and",
        ),
        pytest.param(
            "Mahe, Seychelles, Aug. 19, 2024 – Acme cut its fees.",
            "Mahe, Seychelles, Aug. 19, 2024 –",
            expect(city="Mahe", region="Seychelles", country="SC", date="2024-08-19"),
            id="region-is-a-country",
        ),
        pytest.param(
            "RIVERSIDE –\u00a0A jury found the man guilty.",
            "RIVERSIDE –",
            expect(city="RIVERSIDE", country="US"),
            id="no-break-space-after-dash",
        ),
    ],
)
def test_dateline_grammar_styles(text: str, dateline: str, expected: dict[str, Any]) -> None:
    """Every field (all dates in these cases are written to the day)."""
    hit = found(text)
    assert hit.text == dateline
    expected = {**expected, "date_precision": "day" if expected["date"] else None}
    assert fields(hit) == expected
    assert hit.warnings == []


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        pytest.param("London, Ontario – The council met.", "London", "CA", id="london-ontario"),
        pytest.param("LONDON, March 3, 2024 - The bank said.", "LONDON", "GB", id="london"),
        pytest.param("Paris, Texas – The council met.", "Paris", "US", id="paris-texas"),
        pytest.param("PARIS, March 3, 2024 - The ministry said.", "PARIS", "FR", id="paris"),
        pytest.param("VICTORIA, BC – The council met.", "VICTORIA", "CA", id="victoria-bc"),
        pytest.param("Melbourne, Victoria – The council met.", "Melbourne", "AU", id="state"),
        pytest.param("Leeds, England – The council met.", "Leeds", "GB", id="uk-nation"),
        pytest.param("SALT LAKE CITY – The council met.", "SALT LAKE CITY", "US", id="gazetteer"),
        pytest.param("ST. PAUL, March 3, 2024 – The council met.", "ST. PAUL", "US", id="saint"),
        pytest.param(
            "FRANKFURT, March 3 (Reuters) - Shares fell.", "FRANKFURT", "DE", id="am-main"
        ),
        pytest.param("BAHRAIN, March 1 - Oil rose.", "BAHRAIN", "BH", id="country-as-place"),
        pytest.param(
            "BUENOS AIRES, AR — May 2, 2026 — Acme said.", "BUENOS AIRES", "AR", id="iso-ar"
        ),
        pytest.param(
            "LITTLE ROCK, AR — May 2, 2026 — Acme said.", "LITTLE ROCK", "US", id="state-ar"
        ),
    ],
)
def test_dateline_gazetteer_and_region_words_decide(text: str, city: str, country: str) -> None:
    hit = found(text)
    assert (hit.city, hit.country) == (city, country)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("WHEN: Monday, March 3, 2025\nWHERE: City Hall\n", id="when-label"),
        pytest.param("Born: June 9, 1948" + BODY, id="born-label"),
        pytest.param("(NewsUSA) - Storm season is here." + BODY, id="tag-alone"),
        pytest.param("Dogecoin (DOGE): The Benchmark of Meme Coins" + BODY, id="ticker-heading"),
        pytest.param("Acme, Inc. (NASDAQ: ACME), a leading provider, said." + BODY, id="ticker"),
        pytest.param("Starting January 5, customers can order online." + BODY, id="sentence"),
        pytest.param("Ontario—Taipei Route Nears One Million Passengers" + BODY, id="compound"),
        pytest.param("Key Highlights\n\n* Revenue rose.\n", id="heading"),
        pytest.param("[00:00] Intro: Welcome to the show." + BODY, id="timestamp"),
        pytest.param("Class Period: Feb. 6, 2024 – July 24, 2024" + BODY, id="label-with-date"),
        pytest.param("Release Date: March 26, 2025" + BODY, id="release-date"),
        pytest.param("Friday, October 18, 2024\n\nThe defendant was sentenced.\n", id="date-line"),
        pytest.param("Bedford- Stuyvesant, Brooklyn. She was arraigned." + BODY, id="broken-word"),
        pytest.param("(BookTrib) - “Day of Wrath” by Jane Roe" + BODY, id="credit-in-parens"),
    ],
)
def test_dateline_grammar_rejects_headings_and_labels(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_after_a_bulleted_list_of_highlights() -> None:
    bullets = "".join(f"* Highlight number {n} of the quarter rose sharply\n" for n in range(12))
    dateline = "CUPERTINO, Calif., May 7, 2026 – Acme said."
    text = f"Acme Reports Results\n\nRevenue grew\n{bullets}\n{dateline}"
    hit = found(text)
    assert (hit.city, hit.date) == ("CUPERTINO", "2026-05-07")


def test_dateline_extra_wires_name_a_tag_between_dashes() -> None:
    text = "OSLO – Acme Daily – 3 March 2024 – The fund grew."
    plain = found(text)
    assert plain.wire is None
    hit = find_dateline(text, extra_wires=["Acme Daily"])
    assert hit is not None
    assert (hit.text, hit.wire, hit.date) == (
        "OSLO – Acme Daily – 3 March 2024 –",
        "Acme Daily",
        "2024-03-03",
    )


@pytest.mark.model
def test_dateline_extra_wires_from_the_component_config() -> None:
    import spacy

    import extractor.components  # noqa: F401  (registers the factories)
    from extractor import attrs

    nlp = spacy.blank("en")
    nlp.add_pipe("pr_dateline", config={"extra_wires": ["Acme Daily"]})
    doc = nlp("OSLO – Acme Daily – 3 March 2024 – The fund grew.")
    assert doc._.get(attrs.DATELINE)["wire"] == "Acme Daily"
