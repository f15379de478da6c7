"""Datelines on Reuters-21578 (``reuters21578_datelines.jsonl``): ours and the baseline.

Usage (from the repository root)::

    python benchmarks/reuters.py ../shared/data/reuters21578_datelines.jsonl [--limit N]
        [--json OUT] [--show-errors [N]] [--no-baseline] [--model NAME]

Each article becomes the text ``dateline + " " + body`` with the reference date taken from its
DATE field (``26-FEB-1987 15:01:01.79``). Gold city is the dateline before its first comma;
gold date is the month and day written in the dateline with the year of DATE. Scores: dateline
detected, city exact (case-insensitive) and full date (YYYY-MM-DD), all over every article
except the date, which counts only articles whose dateline has a readable month and day.
The bare-model baseline finds no datelines; its zeros are printed for reference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _shared

from extractor.scoring import ErrorItem, Ratio, Report, date_matches

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH_DAY = re.compile(
    r"\b(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9}))\b"
)
LABELS = {
    "dateline_detected": "dateline detected",
    "dateline_city": "dateline city exact (case-insensitive)",
    "dateline_date": "dateline full date (gold has month/day)",
}


@dataclass(frozen=True)
class Article:
    """One Reuters article with its dateline gold."""

    id: str
    text: str
    dateline: str
    reference_date: dt.date
    city: str
    date: str | None


def reference_date(value: str) -> dt.date:
    """The day of a Reuters DATE field such as ``26-FEB-1987 15:01:01.79``."""
    return dt.datetime.strptime(value.strip().split()[0], "%d-%b-%Y").date()


def gold_city(dateline: str) -> str:
    """The dateline before its first comma (or before the trailing dash when there is none)."""
    head = dateline.split(",", 1)[0] if "," in dateline else dateline.rstrip(" -")
    return head.strip()


def gold_date(dateline: str, year: int) -> str | None:
    """``YYYY-MM-DD`` from the month and day after the dateline's first comma, or None."""
    _, _, rest = dateline.partition(",")
    match = _MONTH_DAY.search(rest)
    if match is None:
        return None
    month = MONTHS.get((match["month"] or match["month2"]).lower()[:3])
    day = int(match["day"] or match["day2"])
    try:
        return dt.date(year, month, day).isoformat() if month else None
    except ValueError:
        return None


def load_articles(path: Path, limit: int | None) -> list[Article]:
    """The first ``limit`` articles of the corpus with their gold city and date."""
    articles = []
    for row in _shared.read_jsonl(path, limit=limit):
        day = reference_date(row["date"])
        articles.append(
            Article(
                id=str(row["id"]),
                text=f"{row['dateline']} {row['body']}",
                dateline=row["dateline"],
                reference_date=day,
                city=gold_city(row["dateline"]),
                date=gold_date(row["dateline"], day.year),
            )
        )
    return articles


def article_items(articles: Sequence[Article]) -> list[tuple[str, str, dt.date]]:
    """Predictor inputs ``(dateline + body, id, DATE day)`` of the articles, in order."""
    return [(a.text, a.id, a.reference_date) for a in articles]


def score_article(record: Mapping[str, Any], article: Article) -> Report:
    """Score the dateline of one predicted record."""
    found = record.get("dateline")
    pred = found or {}
    city, date = pred.get("city"), pred.get("date")
    city_ok = found is not None and (city or "").strip().casefold() == article.city.casefold()
    date_ok = found is not None and date_matches(date, article.date)
    rates = {
        "dateline_detected": Ratio(int(found is not None), 1),
        "dateline_city": Ratio(int(city_ok), 1),
    }
    if article.date is not None:
        rates["dateline_date"] = Ratio(int(date_ok), 1)
    errors: list[ErrorItem] = []
    if found is None:
        errors.append(ErrorItem("dateline", "missed", article.dateline))
    else:
        if not city_ok:
            errors.append(ErrorItem("dateline city", "wrong", article.dateline, article.city, city))
        if article.date is not None and not date_ok:
            errors.append(ErrorItem("dateline date", "wrong", article.dateline, article.date, date))
    return Report(1, {}, rates, {article.id: tuple(errors)})


def score_run(records: Sequence[Mapping[str, Any]], articles: Sequence[Article]) -> Report:
    """Score a system's records (in article order) over all articles."""
    pairs = zip(records, articles, strict=True)
    return Report.combine(score_article(record, article) for record, article in pairs)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="reuters21578_datelines.jsonl")
    _shared.add_common_args(parser)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit code."""
    args = parse_args(argv)
    articles = load_articles(args.path, args.limit)
    if not articles:
        print(f"no articles in {args.path}", file=sys.stderr)
        return 1
    items = article_items(articles)
    runs = {name: _shared.run(predict, items) for name, predict in _shared.systems(args).items()}
    reports = {name: score_run(result.records, articles) for name, result in runs.items()}
    print(f"Reuters-21578 datelines: {len(articles)} articles")
    print(_shared.report_text(reports, runs, labels=LABELS, show_errors=args.show_errors))
    if args.json:
        meta = {"corpus": "Reuters-21578, Distribution 1.0", "articles": len(articles)}
        _shared.write_json(args.json, meta, reports, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
