"""How fast the report's overview renders in headless Chromium, and whether pages stay offline.

    python benchmarks/report_render.py BATCH.jsonl [--out DIR] [--runs 7] [--check-pages N]
                                       [--screenshots DIR]
    python benchmarks/report_render.py --corpus \
        ../shared/data/press_releases/wire_and_agency_releases.jsonl --out /tmp/wire-report

With ``--corpus`` a JSONL corpus of ``{"id", "text"}`` rows is extracted first (source = id,
text included; a few minutes for the 935 wire/agency releases) and its batch lines are written
beside the report as ``batch.jsonl``. Then the report is written (timed), and ``index.html`` is
opened ``--runs`` times, each time in a fresh Chromium driven over the DevTools protocol:

- ``ready``: from navigation start to the second animation frame after the load event, i.e. the
  page parsed, styled, laid out, its script run and painted (``performance.now()`` in the page);
- ``load``: the load event (``loadEventEnd`` of the navigation entry);
- ``fcp``: first contentful paint.

Browser start-up is not counted. Every run also checks that the page requested nothing but
itself and logged no error. ``--check-pages N`` does the same check on N release pages.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from _shared import REPO_ROOT, read_jsonl

sys.path.insert(0, str(REPO_ROOT / "tests"))
from _chromium import Browser, find_chromium

from extractor.report import read_batch_file, write_report

READY = """new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  done({ready: performance.now(), load: nav.loadEventEnd, fcp: fcp ? fcp.startTime : null,
        rows: document.querySelectorAll("#releases tbody tr").length,
        nodes: document.getElementsByTagName("*").length});
})))"""


def extract_corpus(corpus: Path, out: Path) -> Path:
    """Batch lines (with text) for every row of a ``{"id", "text"}`` JSONL corpus."""
    from extractor import extract_many
    from extractor.batch import to_json_line
    from extractor.models import BatchSuccess

    rows = list(read_jsonl(corpus))
    items = [(row["text"], str(row["id"])) for row in rows]
    path = out / "batch.jsonl"
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as handle:
        records = extract_many(items, batch_size=32)
        for (text, source), record in zip(items, records, strict=True):
            line = BatchSuccess(source=source, record=record, text=text)
            handle.write(to_json_line(line) + "\n")
    print(f"extracted {len(items)} releases in {time.perf_counter() - start:.0f} s -> {path}")
    return path


def check_offline(browser: Browser, page: Path) -> list[str]:
    """Problems of one page: requests other than the page itself, logged errors."""
    browser.open(page.as_uri())
    others = [url for url in browser.requested_urls() if url != page.as_uri()]
    return [f"{page.name}: requested {url}" for url in others] + [
        f"{page.name}: {problem}" for problem in browser.problems()
    ]


def save_screenshots(browser: Browser, index: Path, page: Path, folder: Path) -> None:
    """Overview and one release page, at desktop (1280x900) and phone (390x844) sizes."""
    folder.mkdir(parents=True, exist_ok=True)
    for width, height, kind in ((1280, 900, "desktop"), (390, 844, "phone")):
        browser.resize(width, height)
        for name, url in (("overview", index), ("release", page)):
            browser.open(url.as_uri(), timeout=60)
            shot = browser.screenshot(folder / f"report-{name}-{kind}.png")
            print(f"screenshot: {shot} ({shot.stat().st_size / 1e3:.0f} kB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batch", nargs="?", type=Path, help="JSONL output of `extract`.")
    parser.add_argument("--corpus", type=Path, help="JSONL corpus of {id, text} to extract.")
    parser.add_argument("--out", type=Path, default=Path("report-bench"), help="Report folder.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--check-pages", type=int, default=20, help="Release pages to check.")
    parser.add_argument(
        "--screenshots", type=Path, help="Save screenshots of the overview and a release here."
    )
    parser.add_argument("--page", default="*", help="Release page to screenshot (file glob).")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("needs Chromium on PATH (Debian package `chromium`)")
    args.out.mkdir(parents=True, exist_ok=True)
    batch = extract_corpus(args.corpus, args.out) if args.corpus else args.batch
    if batch is None:
        raise SystemExit("give a batch file or --corpus")
    start = time.perf_counter()
    entries = read_batch_file(batch)
    result = write_report(entries, args.out, title=f"Report of {batch.name}")
    built = time.perf_counter() - start
    size = result.index.stat().st_size
    print(f"report: {result.pages} pages + index.html ({size / 1e6:.2f} MB) in {built:.1f} s")

    figures: list[dict[str, float]] = []
    problems: list[str] = []
    for run in range(args.runs):
        with Browser(chromium, width=1280, height=900) as browser:
            browser.open(result.index.as_uri(), timeout=60)
            figures.append(browser.evaluate(READY, timeout=60))
            problems += [f"run {run + 1}: {p}" for p in check_offline(browser, result.index)]
            if run == 0 and args.screenshots:
                page = sorted((args.out / "releases").glob(args.page))[0]
                save_screenshots(browser, result.index, page, args.screenshots)
    print(f"overview: {figures[0]['rows']} table rows, {figures[0]['nodes']} elements")
    for name in ("ready", "load", "fcp"):
        values = [figure[name] for figure in figures if figure[name] is not None]
        if not values:
            print(f"{name:>5}: not reported by the browser")
            continue
        print(
            f"{name:>5}: min {min(values):6.0f} ms  median {statistics.median(values):6.0f} ms  "
            f"max {max(values):6.0f} ms  ({len(values)} runs, first {values[0]:.0f} ms)"
        )
    pages = sorted((args.out / "releases").glob("*.html"))[: args.check_pages]
    with Browser(chromium) as browser:
        for page in pages:
            problems += check_offline(browser, page)
    print(
        f"offline check: index ({args.runs} loads) and {len(pages)} release pages: "
        f"{len(problems)} problem(s)"
    )
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
