"""Links: web addresses and e-mail addresses as releases write them, with exact offsets.

Every case is a short text written for the test; expected values are read off the text.
"""

from __future__ import annotations

import socket

import pytest

from extractor import extract, validate
from extractor.assemble import link_href
from extractor.components.links import find_emails, find_urls, public_suffix
from extractor.text.datelines import find_dateline


def urls(text: str) -> list[str]:
    found = find_urls(text)
    assert all(text[h.start : h.end] == h.text for h in found)
    return [h.text for h in found]


def emails(text: str) -> list[str]:
    found = find_emails(text)
    assert all(text[h.start : h.end] == h.text for h in found)
    return [h.text for h in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("See https://example.org/report.pdf.", ["https://example.org/report.pdf"]),
        pytest.param("Visit www.acme-water.co.ke today", ["www.acme-water.co.ke"]),
        pytest.param("Download it at example.app.", ["example.app"], id="bare-new-gtld"),
        pytest.param("Read more on acme.xyz, our blog.", ["acme.xyz"], id="bare-xyz"),
        pytest.param("Website is Vertiv.com or call us", ["Vertiv.com"], id="bare-capitalised"),
        pytest.param("BestGrowthStocks.Com AI-model issues", ["BestGrowthStocks.Com"]),
        pytest.param("visit housing.example.edu/rent now", ["housing.example.edu/rent"]),
        pytest.param(
            "(see https://en.wikipedia.org/wiki/Foo_(bar))",
            ["https://en.wikipedia.org/wiki/Foo_(bar)"],
        ),
        pytest.param("Learn more atwww.acme.com.", ["www.acme.com"], id="www-glued-to-a-word"),
        pytest.param(
            "Visit RocksAndStocks.news/Terms", ["RocksAndStocks.news/Terms"], id="dot-news"
        ),
    ],
)
def test_links_urls_as_written(text: str, expected: list[str]) -> None:
    assert urls(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Website: www.acmebio.comE-Mail: info@acmebio.comX: @AcmeBio",
            ["www.acmebio.com"],
            id="label-glued-after-www",
        ),
        pytest.param(
            "Los Angeles, CARocksAndStocks.news310.299.1717 Office",
            ["RocksAndStocks.news"],
            id="state-code-before-digits-after",
        ),
        pytest.param("About HR.comHR.com, the largest", ["HR.com"], id="name-run-into-itself"),
        pytest.param(
            "Find us on www.eBay.com and www.YouTube.com", ["www.eBay.com", "www.YouTube.com"]
        ),
    ],
)
def test_links_glued_contact_lines_split_at_the_label(text: str, expected: list[str]) -> None:
    assert urls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It rose 2.5 per cent to 1,200.50 dollars.", id="numbers"),
        pytest.param("Dr. Kim, M.D., M.Sc., spoke.", id="degrees"),
        pytest.param("About Inc.Inc. is the leading media brand", id="sentences-run-together"),
        pytest.param("Growth rose.Global demand fell.", id="long-suffix-in-title-case"),
        pytest.param("China Tower (Stock Code: 0788.HK) rose", id="stock-code"),
        pytest.param("Read report.pdf and setup notes", id="file-name"),
    ],
)
def test_links_not_urls(text: str) -> None:
    assert urls(text) == []


def test_links_site_named_before_its_full_address_is_one_link() -> None:
    text = "View source version on newsdirect.com: https://newsdirect.com/news/acme-123"
    assert urls(text) == ["https://newsdirect.com/news/acme-123"]


@pytest.mark.model
def test_links_wire_tag_of_the_dateline_is_not_a_link() -> None:
    text = (
        "Acme Expands\n\n"
        "New York (Newsworthy.ai) Monday Dec 1, 2025 @ 7:00 AM Eastern — Acme.com grew."
    )
    dateline = find_dateline(text)
    assert dateline is not None and dateline.wire_span is not None
    assert [h.text for h in find_urls(text)] == ["Newsworthy.ai", "Acme.com"]
    assert [h.text for h in find_urls(text, (dateline.wire_span,))] == ["Acme.com"]
    assert [u.url for u in extract(text).urls] == ["Acme.com"]  # the span pr_dateline found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Contact press@acme.org.", ["press@acme.org"]),
        pytest.param("E-Mail: info@acmebio.comX: @AcmeBio", ["info@acmebio.com"], id="label-after"),
        pytest.param(
            "310.299.1717 OfficeEditor@RocksAndStocks.news", ["Editor@RocksAndStocks.news"]
        ),
        pytest.param("Investors:1-800-617-9550ir@acme.com", ["ir@acme.com"], id="phone-before"),
        pytest.param(
            "PCG Advisory, Inc.jroe@pcgexample.comwww.pcgexample.com",
            ["jroe@pcgexample.com"],
            id="company-suffix-before-and-www-after",
        ),
        pytest.param("Write to jane.roe@ministry.gov.sg or call", ["jane.roe@ministry.gov.sg"]),
        pytest.param("mail matt@burns.senate today", ["matt@burns.senate"], id="no-public-suffix"),
    ],
)
def test_links_emails_as_written(text: str, expected: list[str]) -> None:
    assert emails(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Email: [email protected] for details", id="cloudflare-obfuscated"),
        pytest.param("write to jane [at] example [dot] org", id="spelled-out"),
        pytest.param("Use the form name@example.com in the field.", id="placeholder"),
        pytest.param("Send it to you@yourdomain.com first.", id="placeholder-yourdomain"),
        pytest.param("Follow @AcmeBio on X", id="handle"),
    ],
)
def test_links_obfuscated_and_placeholder_addresses_are_not_emails(text: str) -> None:
    assert emails(text) == []


def test_links_public_suffix_reads_the_bundled_list_without_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the public-suffix list must not be fetched")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    from extractor.components import links

    links._extractor.cache_clear()
    assert public_suffix("news.example.co.uk") == ("example", "co.uk")
    assert public_suffix("acme.xyz") == ("acme", "xyz")
    assert public_suffix("report.pdf")[1] == ""


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            "Learn more: https://harbour.example.vn/enThe issuer is solely responsible.",
            "https://harbour.example.vn/en",
        ),
        (
            "Follow https://x.example.com/acme_roboticsThe company said.",
            "https://x.example.com/acme_robotics",
        ),
        ("See https://example.org/TheBook for details.", "https://example.org/TheBook"),
    ],
    ids=["glued-the", "glued-after-handle", "capitalised-path-kept"],
)
def test_links_sentence_run_into_the_address_is_cut(text: str, url: str) -> None:
    assert [h.text for h in find_urls(text)] == [url]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Watch pic.example.com/P2qpm3h3Pm—the crowd sang.", "pic.example.com/P2qpm3h3Pm"),
        ("Slides at https://example.org/deck–2024 today", "https://example.org/deck"),
    ],
    ids=["em-dash", "en-dash"],
)
def test_links_end_at_a_dash(text: str, url: str) -> None:
    assert [h.text for h in find_urls(text)] == [url]


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("example.org/a", "https://example.org/a"),
        ("https://example.gov/Letter%20to%", "https://example.gov/Letter%20to%25"),
        ("https://example.gov/a%2Fb", "https://example.gov/a%2Fb"),
        ("www.exämple.org/straße", "https://www.ex%C3%A4mple.org/stra%C3%9Fe"),
    ],
    ids=["bare", "cut-escape", "valid-escape-kept", "non-ascii"],
)
def test_links_href_is_a_valid_uri(url: str, href: str) -> None:
    assert link_href(url) == href
    record = extract(f"Acme opens a depot\n\nThe plans are at {url} for everyone.")
    assert [u.href for u in record.urls] == [href]
    assert validate(record) == []
