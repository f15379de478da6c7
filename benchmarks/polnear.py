"""Quotes and speakers on PolNeAR (``quotes_gold.jsonl``): ours and the baseline side by side.

Usage (from the repository root)::

    python benchmarks/polnear.py ../shared/data/quotes_gold.jsonl --split dev [--limit N]
        [--json OUT] [--show-errors [N]] [--no-baseline] [--model NAME]

Gold quotes are the spans of type ``direct`` and ``embedded`` with their quote marks (and any
punctuation after the closing mark) stripped. A predicted quote matches a gold quote by
character overlap (overlapping characters / length of the longer span), greedily one-to-one,
at thresholds 0.3 and 0.8. Speakers are scored on the quotes matched at 0.3:

- a gold speaker that is only a pronoun ("he", "she", ...) is not resolved in PolNeAR, so those
  quotes are counted apart, with how often the system gave a speaker for them at all and how
  often that speaker is not itself a pronoun (a name it resolved; not checked against gold);
- a gold speaker that names someone is matched when its surname is one of the predicted
  speaker's words. The surname is the last word of the span's head (before the first comma,
  parenthesis or dash; "X of Y" gives X when X ends in a name), if that word is capitalised:
  "Morial" in "Marc H. Morial, the chief executive ...";
- descriptions ("the mayor") and missing gold speakers are not scored.

The PolNeAR authors reserve the test split for final evaluation, so ``--split test`` needs
``--final``. The corpus is for internal research only: do not ship its text or the JSON output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import _shared

from extractor.scoring import (
    Counts,
    ErrorItem,
    Ratio,
    Report,
    greedy_match,
    match_counts,
    span_overlap,
    tokens,
)

THRESHOLDS = (0.3, 0.8)
GOLD_TYPES = frozenset({"direct", "embedded"})
PRONOUNS = frozenset(
    {
        "he",
        "she",
        "they",
        "i",
        "we",
        "you",
        "it",
        "him",
        "her",
        "them",
        "us",
        "me",
        "his",
        "hers",
        "its",
        "their",
        "theirs",
        "our",
        "ours",
        "my",
        "mine",
        "your",
        "who",
        "one",
        "this",
        "that",
        "these",
        "those",
        "and",
    }
)
_NOT_NAMES = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "i"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TITLE_WORDS = frozenset(
    {
        "secretary",
        "minister",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "governor",
        "mayor",
        "speaker",
        "representative",
        "senator",
        "attorney",
        "general",
        "chief",
        "head",
        "leader",
        "member",
        "department",
        "ministry",
        "office",
        "state",
    }
)
_OPEN_MARKS = re.compile(r"^[\s\"“”„«]+")
_CLOSE_MARKS = re.compile(r"(?:[\"“”»]+[^\w\"“”]*)?\s*$")
_HEAD_END = re.compile(r",|\(| \.\.\. | -- | — ")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")  # keeps Ki-moon and O'Neill whole

LABELS = {
    "quotes@0.3": "quotes, char overlap >= 0.3",
    "quotes@0.8": "quotes, char overlap >= 0.8",
    "direct_recall@0.3": "recall of type=direct gold quotes @0.3",
    "speaker_named": "speaker accuracy (matched @0.3, gold speaker a name)",
    "pronoun_gold": "gold quotes whose speaker is a pronoun (share)",
    "pronoun_speaker_given": "  of those matched @0.3: speaker non-null",
    "pronoun_speaker_named": "  of those matched @0.3: speaker a name (not a pronoun)",
    "quotes_without_speaker": "predicted quotes without speaker (share)",
}

SpeakerKind = Literal["none", "pronoun", "name", "description"]


@dataclass(frozen=True)
class GoldQuote:
    """A gold quote span with its marks stripped."""

    start: int
    end: int
    kind: str
    speaker: str | None

    @property
    def speaker_kind(self) -> SpeakerKind:
        """How the gold speaker can be scored."""
        return speaker_kind(self.speaker)


def strip_marks(text: str, start: int) -> tuple[int, int]:
    """Offsets of a gold span without its quote marks and trailing punctuation.

    Args:
        text: The gold span text (``article[start:end]``).
        start: Offset of the span in the article.

    Returns:
        ``(start, end)`` of the words inside the marks.
    """
    lead = _OPEN_MARKS.match(text)
    cut_start = lead.end() if lead else 0
    trail = _CLOSE_MARKS.search(text, cut_start)
    cut_end = trail.start() if trail else len(text)
    return start + cut_start, start + max(cut_start, cut_end)


def speaker_kind(speaker: str | None) -> SpeakerKind:
    """Classify a PolNeAR source span: none, pronoun, name or description."""
    if not speaker or not speaker.strip():
        return "none"
    if all(word in PRONOUNS for word in tokens(speaker)):
        return "pronoun"
    return "name" if gold_surname(speaker) else "description"


def speaker_head(speaker: str) -> str:
    """The naming part of a source span: before the first comma, parenthesis or dash.

    ``"Rep. Jim Clyburn (D-S.C.), the assistant leader"`` gives ``"Rep. Jim Clyburn"``. A head
    "X of Y" whose X ends in a capitalised word that is not a title gives X
    (``"Representative Charles B. Rangel of New York"``); "Secretary of State John Kerry" stays.
    """
    head = _HEAD_END.split(speaker.strip(), maxsplit=1)[0].strip()
    before, of, _ = head.partition(" of ")
    last = _name_words(before)[-1:] if of else []
    if last and last[0][:1].isupper() and last[0].casefold() not in _TITLE_WORDS:
        return before
    return head


def _name_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.casefold() not in _NAME_SUFFIXES]


def gold_surname(speaker: str) -> str | None:
    """The last word of the speaker's head when it is capitalised, else None (a description).

    ``"Marc H. Morial, the chief executive"`` gives ``"Morial"``; ``"the Vermont senator"``
    and ``"Obama's former campaign strategist"`` give None.
    """
    words = _name_words(speaker_head(speaker))
    if not words or not words[-1][:1].isupper() or words[-1].casefold() in _NOT_NAMES:
        return None
    if words[-1][-2:] in ("'s", "’s"):
        return None  # "Donald Trump's": the speaker is something of Trump's
    return words[-1]


def speaker_matches(pred: str | None, gold: str) -> bool:
    """Whether the gold speaker's surname is one of the predicted speaker's words."""
    surname = gold_surname(gold)
    predicted = set(tokens(pred))
    return surname is not None and all(word in predicted for word in tokens(surname))


def gold_quotes(article: Mapping[str, Any]) -> list[GoldQuote]:
    """The article's direct and embedded quote spans, marks stripped."""
    found = []
    for quote in article["quotes"]:
        if quote["type"] in GOLD_TYPES:
            start, end = strip_marks(quote["text"], quote["start"])
            found.append(GoldQuote(start, end, quote["type"], quote["speaker"]))
    return found


def _pred_span(quote: Mapping[str, Any]) -> tuple[int, int]:
    span = quote.get("span") or {}
    return int(span.get("start", 0)), int(span.get("end", 0))


def _speaker_rates(
    pairs: Sequence[tuple[int, int]],
    pred: Sequence[Mapping[str, Any]],
    gold: Sequence[GoldQuote],
    text: str,
    errors: list[ErrorItem],
) -> dict[str, Ratio]:
    named = pronoun_given = pronoun_named = pronoun_total = 0
    named_hits = 0
    for i, j in pairs:
        got, expected = pred[i].get("speaker"), gold[j].speaker
        if gold[j].speaker_kind == "pronoun":
            pronoun_total += 1
            pronoun_given += got is not None
            pronoun_named += speaker_kind(got) not in ("none", "pronoun")
        elif gold[j].speaker_kind == "name" and expected is not None:
            named += 1
            if speaker_matches(got, expected):
                named_hits += 1
            else:
                quoted = text[gold[j].start : gold[j].end]
                errors.append(ErrorItem("quote speaker", "wrong", quoted, expected, got))
    pronouns = sum(1 for q in gold if q.speaker_kind == "pronoun")
    return {
        "speaker_named": Ratio(named_hits, named),
        "pronoun_gold": Ratio(pronouns, len(gold)),
        "pronoun_speaker_given": Ratio(pronoun_given, pronoun_total),
        "pronoun_speaker_named": Ratio(pronoun_named, pronoun_total),
    }


def score_article(record: Mapping[str, Any], article: Mapping[str, Any]) -> Report:
    """Score one predicted record against one PolNeAR article."""
    text: str = article["text"]
    gold = gold_quotes(article)
    pred = list(record.get("quotes") or [])
    spans = [_pred_span(q) for q in pred]
    counts: dict[str, Counts] = {}
    rates: dict[str, Ratio] = {}
    errors: list[ErrorItem] = []
    for threshold in THRESHOLDS:
        pairs = greedy_match(
            len(pred),
            len(gold),
            lambda i, j: span_overlap(spans[i], (gold[j].start, gold[j].end)),
            threshold,
        )
        counts[f"quotes@{threshold}"] = match_counts(pairs, len(pred), len(gold))
        if threshold == THRESHOLDS[0]:
            direct = [j for j, q in enumerate(gold) if q.kind == "direct"]
            found = {j for _, j in pairs}
            rates["direct_recall@0.3"] = Ratio(len(found.intersection(direct)), len(direct))
            rates.update(_speaker_rates(pairs, pred, gold, text, errors))
            errors += _quote_errors(pairs, spans, gold, text)
    no_speaker = sum(1 for q in pred if not q.get("speaker"))
    rates["quotes_without_speaker"] = Ratio(no_speaker, len(pred))
    return Report(1, counts, rates, {article["id"]: tuple(errors)})


def score_run(
    records: Sequence[Mapping[str, Any]], articles: Sequence[Mapping[str, Any]]
) -> Report:
    """Score a system's records (in article order) over all articles."""
    pairs = zip(records, articles, strict=True)
    return Report.combine(score_article(record, article) for record, article in pairs)


def _quote_errors(
    pairs: Sequence[tuple[int, int]],
    spans: Sequence[tuple[int, int]],
    gold: Sequence[GoldQuote],
    text: str,
) -> list[ErrorItem]:
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    missed = [
        ErrorItem("quotes", "missed", text[q.start : q.end], q.speaker)
        for j, q in enumerate(gold)
        if j not in matched_gold
    ]
    extra = [
        ErrorItem("quotes", "false_alarm", text[s:e])
        for i, (s, e) in enumerate(spans)
        if i not in matched_pred
    ]
    return missed + extra


def load_articles(path: Path, split: str, limit: int | None) -> list[dict[str, Any]]:
    """The articles of one split, in file order, at most ``limit``."""
    rows = (row for row in _shared.read_jsonl(path) if row["split"] == split)
    return list(itertools.islice(rows, limit))


def article_items(
    articles: Sequence[Mapping[str, Any]],
) -> list[tuple[str, str, dt.date | None]]:
    """Predictor inputs ``(text, id, publication date)`` of the articles, in order."""
    return [
        (a["text"], a["id"], dt.date.fromisoformat(a["date"]) if a.get("date") else None)
        for a in articles
    ]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; refuses the test split without ``--final``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="quotes_gold.jsonl")
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--final", action="store_true", help="allow --split test")
    _shared.add_common_args(parser)
    args = parser.parse_args(argv)
    if args.split == "test" and not args.final:
        parser.error("the PolNeAR test split is reserved for final evaluation; add --final")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit code."""
    args = parse_args(argv)
    articles = load_articles(args.path, args.split, args.limit)
    if not articles:
        print(f"no articles in split {args.split!r} of {args.path}", file=sys.stderr)
        return 1
    items = article_items(articles)
    runs = {name: _shared.run(predict, items) for name, predict in _shared.systems(args).items()}
    reports = {name: score_run(result.records, articles) for name, result in runs.items()}
    print(f"PolNeAR {args.split}: {len(articles)} articles")
    print(_shared.report_text(reports, runs, labels=LABELS, show_errors=args.show_errors))
    if args.json:
        meta = {"corpus": "PolNeAR v1.0.0", "split": args.split, "articles": len(articles)}
        _shared.write_json(args.json, meta, reports, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
