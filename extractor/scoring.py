"""Score predicted records against gold annotations (the rules of ``GOLD_FORMAT.md``).

Everything here is a pure function over plain dicts: no spaCy, no file access, no printing.
A prediction is a record as produced by ``PressRelease.model_dump(mode="json")``; a gold
document follows ``GOLD_FORMAT.md``. Both shapes are accepted on either side where they differ
(organisations as alias lists or as objects, countries as codes or objects, URLs and e-mails as
strings or objects), so the golden ``samples/*.expected.json`` records can serve as gold too.

Matching rules:

- quotes: greedy one-to-one by token overlap (shared tokens / token count of the longer side;
  words only, case-insensitive), reported at thresholds 0.3 and 0.8; speaker accuracy over the
  quotes matched at 0.3 whose gold speaker is known (same surname counts).
- people: same name after dropping honorifics, or same surname and first initial; title,
  organisation and honorific accuracy over matched people by token F1 >= 0.8, with the
  abbreviations in :data:`ABBREVIATIONS` read as their full words. Title and organisation are
  scored over the matched people whose gold value is not null (a null prediction for a gold
  value is wrong; "null equals null" earns nothing); honorific over every matched person
  (null == null is correct: most people have none, and inventing one is an error).
- organisations: any of name/acronym/aliases equals any gold alias (case-insensitive, leading
  "the" dropped), one-to-one. Acronym pairs: a predicted organisation with both a name and an
  acronym is correct when one gold inner list holds both.
- countries, URLs, e-mails: set precision/recall/F1 per document, summed over documents.
- dateline: presence over all documents; city (case-insensitive), country and date (exact at the
  gold precision) over the documents whose gold has a dateline.
- headline: whitespace-normalised exact match.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QUOTE_THRESHOLDS: tuple[float, ...] = (0.3, 0.8)
ATTRIBUTE_MIN_F1 = 0.8

ABBREVIATIONS: dict[str, str] = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "sec": "secretary",
    "amb": "ambassador",
    "gen": "general",
    "pres": "president",
    "dir": "director",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "atty": "attorney",
}

LABELS: dict[str, str] = {
    "extraction_failed": "documents the system failed on (share)",
    "quotes@0.3": "quotes, token overlap >= 0.3",
    "quotes@0.8": "quotes, token overlap >= 0.8",
    "quote_speaker": "speaker accuracy (matched @0.3, gold speaker known)",
    "quotes_without_speaker": "predicted quotes without speaker (share)",
    "people": "people",
    "person_title": "person title accuracy (matched, gold title not null)",
    "person_organization": "person organisation accuracy (matched, gold not null)",
    "person_honorific": "person honorific accuracy (matched people)",
    "organizations": "organisations",
    "acronym_pairs": "acronym pairs correct (predicted pairs)",
    "countries": "countries (micro)",
    "urls": "URLs (micro)",
    "emails": "e-mails (micro)",
    "dateline_presence": "dateline present/absent accuracy (all docs)",
    "dateline_city": "dateline city (docs with gold dateline)",
    "dateline_country": "dateline country (docs with gold dateline)",
    "dateline_date": "dateline date (docs with gold dateline)",
    "title": "headline exact (whitespace-normalised)",
}

_WORD = re.compile(r"\w+")
_HONORIFIC_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev|hon|honou?rable|h\.\s*e"
    r"|his\s+excellency|her\s+excellency)\.?\s+)+",
    re.IGNORECASE,
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_LEADING_THE = re.compile(r"^the\s+")

EXTRACTION_FAILED = "extraction_failed"
"""Warning code of a record standing in for a document the system failed on."""

ErrorKind = Literal["missed", "false_alarm", "wrong"]


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that matched (0.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items that were found (0.0 when gold is empty)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        """JSON-safe view with the derived scores."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``: an accuracy or a share."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """``hits / total``, or None when there was nothing to count."""
        return self.hits / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    def to_dict(self) -> dict[str, float | int | None]:
        """JSON-safe view with the derived value."""
        value = self.value
        return {
            "hits": self.hits,
            "total": self.total,
            "value": None if value is None else round(value, 4),
        }


@dataclass(frozen=True)
class ErrorItem:
    """One scoring error in one document, kept for ``--show-errors``."""

    field: str
    kind: ErrorKind
    text: str
    expected: str | None = None
    got: str | None = None


@dataclass(frozen=True)
class Report:
    """Scores of one system over one or more documents.

    Attributes:
        documents: Number of documents scored.
        counts: P/R/F1 metrics by key (see :data:`LABELS`).
        rates: Accuracies and shares by key.
        errors: Error lists by document name.
    """

    documents: int = 0
    counts: Mapping[str, Counts] = field(default_factory=dict)
    rates: Mapping[str, Ratio] = field(default_factory=dict)
    errors: Mapping[str, tuple[ErrorItem, ...]] = field(default_factory=dict)

    def __add__(self, other: Report) -> Report:
        return Report(
            documents=self.documents + other.documents,
            counts=_sum_maps(self.counts, other.counts, Counts()),
            rates=_sum_maps(self.rates, other.rates, Ratio()),
            errors={**self.errors, **other.errors},
        )

    @classmethod
    def combine(cls, reports: Iterable[Report]) -> Report:
        """Sum per-document reports into one (micro-averaged) report."""
        total = cls()
        for report in reports:
            total = total + report
        return total

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe view of every metric and error."""
        return {
            "documents": self.documents,
            "counts": {key: value.to_dict() for key, value in self.counts.items()},
            "rates": {key: value.to_dict() for key, value in self.rates.items()},
            "errors": {
                name: [asdict(item) for item in items] for name, items in self.errors.items()
            },
        }


def _sum_maps(left: Mapping[str, Any], right: Mapping[str, Any], zero: Any) -> dict[str, Any]:
    keys = list(dict.fromkeys([*left, *right]))
    return {key: left.get(key, zero) + right.get(key, zero) for key in keys}


# --------------------------------------------------------------------------- text helpers


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens of ``text``; punctuation dropped.

    Args:
        text: Any text, or None.

    Returns:
        The words, in order (empty for None).
    """
    return _WORD.findall(text.casefold()) if text else []


def token_overlap(a: str | None, b: str | None) -> float:
    """Shared tokens divided by the token count of the longer side (0.0 if either is empty)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    shared = sum((Counter(ta) & Counter(tb)).values())
    return shared / max(len(ta), len(tb))


def token_f1(a: Sequence[str], b: Sequence[str]) -> float:
    """Multiset token F1 of two token lists (1.0 when both are empty)."""
    if not a and not b:
        return 1.0
    shared = sum((Counter(a) & Counter(b)).values())
    if not shared:
        return 0.0
    precision, recall = shared / len(a), shared / len(b)
    return 2 * precision * recall / (precision + recall)


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlapping characters divided by the length of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longer = max(a[1] - a[0], b[1] - b[0])
    return shared / longer if shared > 0 and longer > 0 else 0.0


def collapse_ws(text: str | None) -> str | None:
    """``text`` with runs of whitespace turned into one space and the ends stripped."""
    return " ".join(text.split()) if text is not None else None


def name_tokens(name: str | None) -> list[str]:
    """Tokens of a person name after dropping leading honorifics (Mr., Dr., H.E., ...)."""
    return tokens(_HONORIFIC_PREFIX.sub("", name.strip())) if name else []


def surname(name: str | None) -> str | None:
    """Last name token that is not a suffix such as Jr. or III, lower-cased."""
    words = [word for word in name_tokens(name) if word not in _NAME_SUFFIXES]
    return words[-1] if words else None


def person_match_score(pred: str | None, gold: str | None) -> float:
    """1.0 for the same name without honorifics, 0.5 for same surname and first initial.

    The initial rule needs at least two name tokens on both sides, so "Brown" never matches
    "Bob Brown" by the initial "B".
    """
    pt, gt = name_tokens(pred), name_tokens(gold)
    if not pt or not gt:
        return 0.0
    if pt == gt:
        return 1.0
    if len(pt) > 1 and len(gt) > 1 and surname(pred) == surname(gold) and pt[0][0] == gt[0][0]:
        return 0.5
    return 0.0


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker names the gold speaker (same surname counts)."""
    expected = surname(gold)
    return expected is not None and surname(pred) == expected


def attribute_tokens(value: str | None) -> list[str]:
    """Tokens of a title/organisation/honorific with :data:`ABBREVIATIONS` expanded."""
    return [ABBREVIATIONS.get(word, word) for word in tokens(value)]


def same_attribute(pred: str | None, gold: str | None) -> bool:
    """Token F1 >= 0.8 after expanding abbreviations; null (or blank) equals null."""
    pt, gt = attribute_tokens(pred), attribute_tokens(gold)
    if not pt or not gt:
        return not pt and not gt
    return token_f1(pt, gt) >= ATTRIBUTE_MIN_F1


def org_key(alias: str) -> str:
    """Normal form of an organisation alias: case-folded, spaces collapsed, leading "the" cut."""
    return _LEADING_THE.sub("", " ".join(alias.split()).casefold())


def date_matches(pred: str | None, gold: str | None) -> bool:
    """Whether ``pred`` equals ``gold`` at the gold precision (YYYY, YYYY-MM or YYYY-MM-DD).

    A more precise prediction is cut to the gold precision; a less precise one is wrong.
    A null gold date is matched only by a null prediction.
    """
    if gold is None:
        return pred is None
    return pred is not None and len(pred) >= len(gold) and pred[: len(gold)] == gold


# --------------------------------------------------------------------------- matching


def greedy_match(
    n_pred: int,
    n_gold: int,
    score: Callable[[int, int], float],
    threshold: float,
) -> list[tuple[int, int]]:
    """One-to-one greedy matching: best-scoring pairs first, ties by position.

    Args:
        n_pred: Number of predicted items.
        n_gold: Number of gold items.
        score: ``score(i, j)`` for predicted item ``i`` and gold item ``j``.
        threshold: Lowest score a pair needs (inclusive); pairs scoring 0 never match.

    Returns:
        Matched ``(pred_index, gold_index)`` pairs, sorted by ``pred_index``.
    """
    scored = [(score(i, j), i, j) for i in range(n_pred) for j in range(n_gold)]
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for value, i, j in scored:
        if value < threshold or value <= 0:
            break
        if i in used_pred or j in used_gold:
            continue
        used_pred.add(i)
        used_gold.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def match_counts(pairs: Sequence[tuple[int, int]], n_pred: int, n_gold: int) -> Counts:
    """Counts of a one-to-one matching."""
    return Counts(tp=len(pairs), fp=n_pred - len(pairs), fn=n_gold - len(pairs))


def set_counts(pred: Iterable[str], gold: Iterable[str]) -> Counts:
    """Set precision/recall counts of two collections (duplicates ignored)."""
    p, g = set(pred), set(gold)
    return Counts(tp=len(p & g), fp=len(p - g), fn=len(g - p))


# --------------------------------------------------------------------------- normalisation


def _as_str(value: Any, key: str) -> str | None:
    if isinstance(value, Mapping):
        value = value.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _strings(items: Iterable[Any] | None, key: str) -> list[str]:
    return [s for s in (_as_str(item, key) for item in items or ()) if s is not None]


@dataclass(frozen=True)
class _Org:
    keys: frozenset[str]
    label: str
    name: str | None = None
    acronym: str | None = None


def _org_entries(items: Iterable[Any] | None) -> list[_Org]:
    entries: list[_Org] = []
    for item in items or ():
        if isinstance(item, Mapping):
            name, acronym = _as_str(item, "name"), _as_str(item, "acronym")
            written = [name, acronym, *_strings(item.get("aliases"), "")]
        else:
            name, acronym = None, None
            written = [item] if isinstance(item, str) else list(item)
        aliases = [alias for alias in written if isinstance(alias, str) and alias.strip()]
        if aliases:
            keys = frozenset(org_key(alias) for alias in aliases)
            entries.append(_Org(keys, " / ".join(dict.fromkeys(aliases)), name, acronym))
    return entries


# --------------------------------------------------------------------------- field scorers


@dataclass
class _Part:
    counts: dict[str, Counts] = field(default_factory=dict)
    rates: dict[str, Ratio] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)

    def add(self, other: _Part) -> None:
        self.counts.update(other.counts)
        self.rates.update(other.rates)
        self.errors.extend(other.errors)


def _score_quotes(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> _Part:
    part = _Part()
    p_text = [str(q.get("text") or "") for q in pred]
    g_text = [str(q.get("text") or "") for q in gold]

    def score(i: int, j: int) -> float:
        return token_overlap(p_text[i], g_text[j])

    for threshold in QUOTE_THRESHOLDS:
        pairs = greedy_match(len(pred), len(gold), score, threshold)
        part.counts[f"quotes@{threshold}"] = match_counts(pairs, len(pred), len(gold))
        if threshold == QUOTE_THRESHOLDS[0]:
            part.rates["quote_speaker"] = _speaker_ratio(pairs, pred, gold, part.errors)
            part.errors.extend(_unmatched("quotes", pairs, p_text, g_text))
    no_speaker = sum(1 for q in pred if not _as_str(q, "speaker"))
    part.rates["quotes_without_speaker"] = Ratio(no_speaker, len(pred))
    return part


def _speaker_ratio(
    pairs: Sequence[tuple[int, int]],
    pred: Sequence[Mapping[str, Any]],
    gold: Sequence[Mapping[str, Any]],
    errors: list[ErrorItem],
) -> Ratio:
    hits = total = 0
    for i, j in pairs:
        expected = _as_str(gold[j], "speaker")
        if expected is None:
            continue
        got = _as_str(pred[i], "speaker")
        total += 1
        if same_speaker(got, expected):
            hits += 1
        else:
            text = str(gold[j].get("text") or "")
            errors.append(ErrorItem("quote speaker", "wrong", text, expected, got))
    return Ratio(hits, total)


def _unmatched(
    name: str, pairs: Sequence[tuple[int, int]], pred: Sequence[str], gold: Sequence[str]
) -> list[ErrorItem]:
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    missed = [ErrorItem(name, "missed", g) for j, g in enumerate(gold) if j not in matched_gold]
    extra = [ErrorItem(name, "false_alarm", p) for i, p in enumerate(pred) if i not in matched_pred]
    return missed + extra


def _score_people(pred: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> _Part:
    part = _Part()
    p_names = [_as_str(p, "name") for p in pred]
    g_names = [_as_str(g, "name") for g in gold]

    def score(i: int, j: int) -> float:
        return person_match_score(p_names[i], g_names[j])

    pairs = greedy_match(len(pred), len(gold), score, 0.5)
    part.counts["people"] = match_counts(pairs, len(pred), len(gold))
    for attr, key, scored_when_null in (
        ("title", "person_title", False),
        ("organization", "person_organization", False),
        ("honorific", "person_honorific", True),
    ):
        part.rates[key] = _attribute_ratio(
            pairs, pred, gold, attr, part.errors, scored_when_null=scored_when_null
        )
    part.errors.extend(
        _unmatched("people", pairs, [n or "" for n in p_names], [n or "" for n in g_names])
    )
    return part


def _attribute_ratio(
    pairs: Sequence[tuple[int, int]],
    pred: Sequence[Mapping[str, Any]],
    gold: Sequence[Mapping[str, Any]],
    attr: str,
    errors: list[ErrorItem],
    *,
    scored_when_null: bool,
) -> Ratio:
    """Share of matched people whose ``attr`` is right; with ``scored_when_null`` False, only
    the people whose gold value is not null count."""
    hits = total = 0
    for i, j in pairs:
        expected, got = _as_str(gold[j], attr), _as_str(pred[i], attr)
        if not scored_when_null and not (expected or "").strip():
            continue
        total += 1
        if same_attribute(got, expected):
            hits += 1
        else:
            name = _as_str(gold[j], "name") or ""
            errors.append(ErrorItem(f"person {attr}", "wrong", name, expected, got))
    return Ratio(hits, total)


def _score_organizations(pred_items: Any, gold_items: Any) -> _Part:
    part = _Part()
    pred, gold = _org_entries(pred_items), _org_entries(gold_items)

    def score(i: int, j: int) -> float:
        shared = pred[i].keys & gold[j].keys
        return len(shared) / len(pred[i].keys | gold[j].keys) if shared else 0.0

    pairs = greedy_match(len(pred), len(gold), score, 1e-9)
    part.counts["organizations"] = match_counts(pairs, len(pred), len(gold))
    part.errors.extend(
        _unmatched("organizations", pairs, [o.label for o in pred], [o.label for o in gold])
    )
    part.rates["acronym_pairs"] = _acronym_ratio(pred, gold, part.errors)
    return part


def _acronym_ratio(pred: Sequence[_Org], gold: Sequence[_Org], errors: list[ErrorItem]) -> Ratio:
    hits = total = 0
    for org in pred:
        if not org.name or not org.acronym or org_key(org.name) == org_key(org.acronym):
            continue  # a pair links a long form to its acronym
        total += 1
        wanted = {org_key(org.name), org_key(org.acronym)}
        if any(wanted <= entry.keys for entry in gold):
            hits += 1
        else:
            errors.append(ErrorItem("acronym pair", "wrong", f"{org.name} ({org.acronym})"))
    return Ratio(hits, total)


def _score_set(name: str, pred: list[str], gold: list[str]) -> _Part:
    counts = set_counts(pred, gold)
    p, g = set(pred), set(gold)
    errors = [ErrorItem(name, "missed", item) for item in sorted(g - p)]
    errors += [ErrorItem(name, "false_alarm", item) for item in sorted(p - g)]
    return _Part(counts={name: counts}, errors=errors)


_SET_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("countries", "iso2", False),
    ("urls", "url", False),
    ("emails", "email", True),
)


def _score_sets(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> _Part:
    part = _Part()
    for name, key, fold in _SET_FIELDS:
        p, g = _strings(pred.get(name), key), _strings(gold.get(name), key)
        if fold:
            p, g = [s.casefold() for s in p], [s.casefold() for s in g]
        part.add(_score_set(name, p, g))
    return part


def _score_dateline(pred: Mapping[str, Any] | None, gold: Mapping[str, Any] | None) -> _Part:
    part = _Part()
    present = (pred is not None) == (gold is not None)
    part.rates["dateline_presence"] = Ratio(int(present), 1)
    if not present:
        kind: ErrorKind = "missed" if gold is not None else "false_alarm"
        text = _as_str(gold if gold is not None else pred, "text") or ""
        part.errors.append(ErrorItem("dateline", kind, text))
    if gold is None:
        return part
    if pred is None:
        # A missing dateline gets no credit for its parts, not even for a null gold date.
        pred = {}
        checks = dict.fromkeys(("city", "country", "date"), False)
    else:
        checks = {
            "city": _same_ci(_as_str(pred, "city"), _as_str(gold, "city")),
            "country": _as_str(pred, "country") == _as_str(gold, "country"),
            "date": date_matches(_as_str(pred, "date"), _as_str(gold, "date")),
        }
    text = _as_str(gold, "text") or ""
    for key, ok in checks.items():
        part.rates[f"dateline_{key}"] = Ratio(int(ok), 1)
        if not ok:
            expected, got = _as_str(gold, key), _as_str(pred, key)
            part.errors.append(ErrorItem(f"dateline {key}", "wrong", text, expected, got))
    return part


def _same_ci(pred: str | None, gold: str | None) -> bool:
    return (collapse_ws(pred) or "").casefold() == (collapse_ws(gold) or "").casefold()


def _score_title(pred: str | None, gold: str | None) -> _Part:
    ok = collapse_ws(pred) == collapse_ws(gold)
    errors = [] if ok else [ErrorItem("title", "wrong", gold or "", gold, pred)]
    return _Part(rates={"title": Ratio(int(ok), 1)}, errors=errors)


# --------------------------------------------------------------------------- entry points


def score_document(pred: Mapping[str, Any], gold: Mapping[str, Any], *, name: str = "") -> Report:
    """Score one predicted record against its gold annotation.

    Args:
        pred: The predicted record (``PressRelease.model_dump(mode="json")`` shape).
        gold: The gold annotation (``GOLD_FORMAT.md`` shape; extra keys are ignored).
        name: Document name used to key the error list.

    Returns:
        A one-document :class:`Report`; add reports with ``+`` or :meth:`Report.combine`.
    """
    part = _Part()
    failed = any(w.get("code") == EXTRACTION_FAILED for w in pred.get("warnings") or [])
    part.rates["extraction_failed"] = Ratio(int(failed), 1)
    part.add(_score_quotes(pred.get("quotes") or [], gold.get("quotes") or []))
    part.add(_score_people(pred.get("people") or [], gold.get("people") or []))
    part.add(_score_organizations(pred.get("organizations"), gold.get("organizations")))
    part.add(_score_sets(pred, gold))
    part.add(_score_dateline(pred.get("dateline"), gold.get("dateline")))
    part.add(_score_title(_as_str(pred, "title"), _as_str(gold, "title")))
    counts = {key: part.counts[key] for key in LABELS if key in part.counts}
    rates = {key: part.rates[key] for key in LABELS if key in part.rates}
    return Report(documents=1, counts=counts, rates=rates, errors={name: tuple(part.errors)})


def score_documents(
    pairs: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
) -> Report:
    """Score ``(name, pred, gold)`` triples and sum the results (micro average)."""
    return Report.combine(score_document(pred, gold, name=name) for name, pred, gold in pairs)


# --------------------------------------------------------------------------- formatting


def _format_counts(counts: Counts | None) -> str:
    if counts is None:
        return "-"
    return f"{counts.precision:.3f} / {counts.recall:.3f} / {counts.f1:.3f}"


def _format_ratio(ratio: Ratio | None) -> str:
    if ratio is None:
        return "-"
    value = ratio.value
    shown = "n/a" if value is None else f"{value:.3f}"
    return f"{shown} ({ratio.hits}/{ratio.total})"


def format_table(reports: Mapping[str, Report], labels: Mapping[str, str] | None = None) -> str:
    """Plain-text table with one column per system.

    Args:
        reports: Report by system name, e.g. ``{"ours": ..., "baseline": ...}``.
        labels: Row labels by metric key; defaults to :data:`LABELS` (unknown keys show as is).

    Returns:
        The aligned table. Rows follow the order of ``labels``, then :data:`LABELS`, then
        any other key in the order the reports hold them.
    """
    # Custom labels come first in row order and override the default texts.
    labels = {**(labels or {}), **LABELS, **(labels or {})}
    order = {key: index for index, key in enumerate(labels)}
    systems = list(reports)
    keys = list(dict.fromkeys(k for r in reports.values() for k in [*r.counts, *r.rates]))
    keys.sort(key=lambda k: order.get(k, len(order)))
    rows: list[list[str]] = [["metric", *systems]]
    rows.append(["documents", *(str(reports[s].documents) for s in systems)])
    for key in keys:
        if any(key in r.counts for r in reports.values()):
            cells = [_format_counts(reports[s].counts.get(key)) for s in systems]
            rows.append([f"{labels.get(key, key)}  P / R / F1", *cells])
        else:
            cells = [_format_ratio(reports[s].rates.get(key)) for s in systems]
            rows.append([labels.get(key, key), *cells])
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _clip(text: str | None, width: int = 90) -> str:
    if text is None:
        return "null"
    text = collapse_ws(text) or ""
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def format_errors(report: Report, *, limit: int | None = None) -> str:
    """Plain-text list of the errors in ``report``, grouped by document.

    Args:
        report: A report holding per-document error lists.
        limit: Most errors shown per document (None for all).

    Returns:
        One line per error, e.g. ``[002] quotes missed: "This Administration ..."``.
    """
    lines: list[str] = []
    for name, items in report.errors.items():
        for item in items[:limit] if limit is not None else items:
            line = f"[{name}] {item.field} {item.kind}: {_clip(item.text)}"
            if item.kind == "wrong" and (item.expected, item.got) != (None, None):
                line += f" expected {_clip(item.expected, 60)} got {_clip(item.got, 60)}"
            lines.append(line)
    return "\n".join(lines)
