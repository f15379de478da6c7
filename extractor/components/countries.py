"""pr_countries: countries named in the text (ISO 3166) and written lists of countries.

Mentions come from ``doc._.pr_context`` (an alias table of ISO names plus the forms releases
use, with context rules for forms that are not always countries); those inside a person's or
an organisation's name or in the dateline do not count. Lists are runs of country names
joined by commas/"and"; a list inside parentheses takes its label from the words before the
parenthesis ("Central Asia (Kazakhstan, …)"), and a count stated in the same sentence
("12 countries") is checked against the lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.text.intervals import Ranges
from extractor.text.places import CountryMention

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_STATED = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:countries|nations|member states|economies)\b",
    re.IGNORECASE,
)
_JOINER = re.compile(r"^\s*(?:,|;|/|&|\band\b|\bor\b|,\s*(?:and|or)\b)\s*(?:the\s+)?$")
_LABEL_STOP = re.compile(
    r"(?:^|[,;:(]|\b(?:from|across|in|and|including|of|with|between|among)\b)\s*(?!.*(?:[,;:(]|\b(?:from|across|in|and|including|of|with|between|among)\b))",
    re.IGNORECASE,
)


@dataclass
class CountryHit:
    """A country with every mention."""

    iso2: str
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class CountryListHit:
    """A written enumeration of countries."""

    label: str | None
    countries: list[str]
    stated_count: int | None
    start: int
    end: int


def _label_before(text: str, paren: int) -> str | None:
    head = text[max(0, paren - 80) : paren].rstrip()
    cut = list(_LABEL_STOP.finditer(head))
    label = head[cut[-1].end() :].strip() if cut else head.strip()
    label = re.sub(r"^(?:and|or)\s+", "", label)
    return label if label[:1].isalpha() and len(label.split()) <= 5 else None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return left + 1, min(right_candidates) if right_candidates else len(text)


def find_country_lists(
    text: str, mentions: list[CountryMention]
) -> tuple[list[CountryListHit], list[tuple[str, str]]]:
    """Group adjacent mentions into lists, label them and check stated counts.

    Returns:
        The lists and any ``(code, message)`` warnings for counts that do not match.
    """
    groups: list[list[CountryMention]] = []
    for mention in mentions:
        if groups and _JOINER.match(text[groups[-1][-1].end : mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    lists: list[CountryListHit] = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        paren = text.rfind("(", max(0, start - 5), start)
        in_paren = paren >= 0 and not text[paren + 1 : start].strip(" the")
        if len(group) < 2 and not in_paren:
            continue
        label = _label_before(text, paren) if in_paren else None
        codes = list(dict.fromkeys(m.iso2 for m in group))
        lists.append(CountryListHit(label, codes, None, start, end))
    warnings: list[tuple[str, str]] = []
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for index, item in enumerate(lists):
        by_sentence.setdefault(_sentence_bounds(text, item.start, item.end), []).append(index)
    for (s_start, s_end), indices in by_sentence.items():
        stated = _STATED.search(text[s_start:s_end])
        if stated is None:
            continue
        raw = stated.group("n").lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        total = len({c for i in indices for c in lists[i].countries})
        for i in indices:
            item = lists[i]
            lists[i] = CountryListHit(item.label, item.countries, count, item.start, item.end)
        if total != count:
            warnings.append(
                (
                    "country_count_mismatch",
                    f"the text states {count} countries but lists {total}: "
                    f"{text[lists[indices[0]].start : lists[indices[-1]].end][:120]!r}",
                )
            )
    return lists, warnings


_GOVERNED = re.compile(r"\bof\s+(?:the\s+)?$")
_NAME_WORDS_AFTER = re.compile(r"(?:[ \t]+(?:(?:of|and|for|&)[ \t]+)?[A-Z][\w’'&.\-]*){1,4}")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Z][\w’'&.\-]*)[ \t]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•*(\-–—]\s*|\n\s*)$")


_NAME_HEADS = resources.org_words().org_words | {
    w.lower() for w in resources.org_words().company_heads
}  # the words that end an organisation's name, lower-cased


def inside_a_name(text: str, start: int, end: int) -> bool:
    """Is the country name at ``start:end`` part of a longer proper name, which the model did
    not tag as an organisation? "Macao University of Tourism", "Singapore Land Authority"
    (an organisation word follows in the same run of capitalised words), "National Gallery
    Singapore", "PwC LLP Singapore", "Gojek Singapore" (a capitalised word that does not start
    a sentence comes just before). "The Singapore government", "Japan Singapore" and
    "Government of Singapore" are not."""
    after = _NAME_WORDS_AFTER.match(text, end)
    if after is not None:
        following = re.findall(r"[A-Z][\w’'&.\-]*", after.group())
        if any(w.lower().strip(".") in _NAME_HEADS for w in following):
            return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group("word")
    if resources.normalise_country_key(word.rstrip(",")) in resources.country_aliases():
        return False
    if word.lower() in resources.title_words() or word in resources.honorifics():
        return False
    return not _SENTENCE_START.search(text[max(0, before.start() - 3) : before.start()])


def countries_in_body(
    text: str,
    mentions: list[attrs.CountryMentionValue],
    excluded: list[tuple[int, int]],
    organisations: list[tuple[int, int]],
) -> list[CountryMention]:
    """The country mentions that count: not inside a person's name or the dateline (a place
    of issue is not a country the release is about), and inside an organisation's name only
    when the organisation is the country's ("Government of Switzerland", "Monetary Authority
    of Singapore"), not when the country only qualifies it ("Singapore Land Authority")."""
    kept = []
    excluded_ranges, organisation_ranges = Ranges(excluded), Ranges(organisations)
    for m in mentions:
        start = m["start"]
        if excluded_ranges.covers(start):
            continue
        if inside_a_name(text, start, m["end"]):
            continue  # "the Board of the Singapore Land Authority": the country qualifies a name
        inside = (
            [s for s, e in organisations if s <= start < e]
            if organisation_ranges.covers(start)
            else []
        )
        if inside and not _GOVERNED.search(text[max(inside[0], start - 10) : start]):
            continue
        kept.append(CountryMention(m["iso2"], start, m["end"]))
    return kept


class CountriesComponent(FieldComponent):
    """Writes ``doc._.pr_countries`` and ``doc._.pr_country_lists``."""

    def process(self, doc: Doc) -> None:
        excluded = [(m[0], m[1]) for item in doc._.get(attrs.PEOPLE) for m in item["mentions"]]
        organisations = [
            (m[0], m[1]) for item in doc._.get(attrs.ORGANISATIONS) for m in item["mentions"]
        ]
        dateline = doc._.get(attrs.DATELINE)
        if dateline is not None:
            excluded.append((dateline["start"], dateline["end"]))
        text = attrs.text_of(doc)
        mentions = countries_in_body(
            text, attrs.context(doc)["country_mentions"], excluded, organisations
        )
        by_code: dict[str, CountryHit] = {}
        for mention in mentions:
            by_code.setdefault(mention.iso2, CountryHit(mention.iso2)).mentions.append(
                (mention.start, mention.end)
            )
        lists, warnings = find_country_lists(text, mentions)
        doc._.set(
            attrs.COUNTRIES,
            [{"iso2": c.iso2, "mentions": [list(m) for m in c.mentions]} for c in by_code.values()],
        )
        doc._.set(
            attrs.COUNTRY_LISTS,
            [
                {
                    "label": item.label,
                    "countries": item.countries,
                    "stated_count": item.stated_count,
                    "start": item.start,
                    "end": item.end,
                }
                for item in lists
            ],
        )
        for code, message in warnings:
            attrs.add_warning(doc, code, message)


@Language.factory(
    "pr_countries",
    assigns=[
        attrs.declared(attrs.COUNTRIES),
        attrs.declared(attrs.COUNTRY_LISTS),
        attrs.declared(attrs.WARNINGS),
    ],
    requires=[
        attrs.declared(attrs.CONTEXT),
        attrs.declared(attrs.DATELINE),
        attrs.declared(attrs.PEOPLE),
        attrs.declared(attrs.ORGANISATIONS),
    ],
    default_config={},
)
def make_countries(nlp: Language, name: str) -> CountriesComponent:
    """Build the countries component."""
    return CountriesComponent(name)
