"""The report in headless Chromium: screenshots at desktop and phone widths are not blank, the
highlights are drawn, pages make no network request and log no error, the scripts work.

The report is built from the extraction of ``samples/`` (the pretrained model) plus one failed
input. Set ``PRESS_EXTRACT_SCREENSHOTS=DIR`` to keep the screenshots for a look.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from _chromium import Browser, find_chromium, has_colour, image_stats

from extractor.batch import collect_inputs, iter_lines, to_json_line
from extractor.report import parse_lines, write_report

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="needs headless Chromium on PATH (Debian package `chromium`; .ci/run installs "
        "it when apt-get works as root) - none found, so the report is not rendered",
    ),
]

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PERSON_BG = (0xFE, 0xCD, 0xD3)
QUOTE_BG = (0xFE, 0xF3, 0xC7)
ORG_BG = (0xBF, 0xDB, 0xFE)
TIMELINE_BAR = (0x3B, 0x82, 0xC4)


@pytest.fixture(scope="module")
def report(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report folder of the samples batch (with --include-text) plus one empty input."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    inputs = collect_inputs([str(samples_dir), str(folder / "empty.txt")])
    lines = [to_json_line(line) for line in iter_lines(inputs, include_text=True)]
    out = tmp_path_factory.mktemp("report")
    write_report(parse_lines(lines), out, title="Samples")
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as started:
        yield started


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("PRESS_EXTRACT_SCREENSHOTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("screenshots")


def release_page(report: Path) -> Path:
    return next((report / "releases").glob("*-wire_launch.html"))


def load(browser: Browser, page: Path, size: tuple[int, int]) -> None:
    browser.resize(*size)
    browser.open(page.as_uri())
    assert browser.problems() == []
    assert browser.requested_urls() == [page.as_uri()]  # nothing but the page itself
    overflow = browser.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the window"


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_report_browser_release_page_renders(
    report: Path, browser: Browser, shots: Path, width: str
) -> None:
    page = release_page(report)
    load(browser, page, WIDTHS[width])
    png = browser.screenshot(shots / f"release-{width}.png", full_page=True)
    stats = image_stats(browser, png)
    assert stats["width"] == WIDTHS[width][0] and stats["height"] >= WIDTHS[width][1]
    assert stats["ink"] > 0.05 and stats["colours"] > 100, "the screenshot looks blank"
    for colour in (PERSON_BG, QUOTE_BG, ORG_BG):
        assert has_colour(stats, colour), f"no highlight in {colour} on the screenshot"


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_report_browser_overview_renders(
    report: Path, browser: Browser, shots: Path, width: str
) -> None:
    load(browser, report / "index.html", WIDTHS[width])
    png = browser.screenshot(shots / f"overview-{width}.png")
    stats = image_stats(browser, png)
    assert stats["ink"] > 0.05 and stats["colours"] > 50, "the screenshot looks blank"
    assert has_colour(stats, TIMELINE_BAR, pixels=100), "no releases-over-time bars"


def test_report_browser_quote_lights_up_its_speaker(report: Path, browser: Browser) -> None:
    load(browser, release_page(report), WIDTHS["desktop"])
    lit = browser.evaluate(
        """(() => {
          const quote = document.querySelector("mark.f-quote[data-s]");
          quote.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
          const speaker = quote.getAttribute("data-s");
          return {
            speaker: speaker,
            lit: [...document.querySelectorAll(".lit")].map((el) => el.getAttribute("data-k")),
            mentions: document.querySelectorAll('mark[data-k="' + speaker + '"]').length,
          };
        })()"""
    )
    assert lit["mentions"] > 0
    assert lit["lit"].count(lit["speaker"]) >= lit["mentions"]  # marks and the panel entry


def test_report_browser_table_filters_and_sorts(report: Path, browser: Browser) -> None:
    load(browser, report / "index.html", WIDTHS["desktop"])
    result = browser.evaluate(
        """(async () => {
          const visible = () => [...document.querySelectorAll("#releases tbody tr")]
            .filter((row) => !row.hidden);
          const total = visible().length;
          const status = document.getElementById("status");
          status.value = "failed";
          status.dispatchEvent(new Event("change"));
          const failed = visible().length;
          status.value = "";
          status.dispatchEvent(new Event("change"));
          const query = document.getElementById("q");
          query.value = "brightwater";
          query.dispatchEvent(new Event("input"));
          await new Promise((done) => setTimeout(done, 300));
          const filtered = visible().length;
          query.value = "";
          query.dispatchEvent(new Event("input"));
          await new Promise((done) => setTimeout(done, 300));
          const header = [...document.querySelectorAll("#releases th")]
            .find((th) => th.textContent.includes("Quotes"));
          header.querySelector("button").click();  // counts: largest first
          const quotes = visible().map((row) => Number(row.cells[header.cellIndex].textContent));
          return {total, failed, filtered, quotes, sort: header.getAttribute("aria-sort"),
                  shown: document.getElementById("shown").textContent};
        })()"""
    )
    assert result["total"] == 9 and result["failed"] == 1
    assert result["filtered"] == 1
    assert result["sort"] == "descending"
    assert result["quotes"] == sorted(result["quotes"], reverse=True)
    assert result["shown"] == "9 of 9 shown"
