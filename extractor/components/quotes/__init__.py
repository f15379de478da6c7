"""pr_quotes: direct quotations, their reporting verb and their speaker.

Three steps:

1. ``pr_context`` pairs the quote marks (``doc._.pr_context["quote_spans"]``): curly,
   straight, guillemets and single quotes, never confusing apostrophes, and never letting an
   unbalanced mark swallow the rest of the text.
2. :func:`~extractor.text.marks.is_quoted_title` and
   :func:`~extractor.text.marks.is_scare_quote` tell speech from quoted titles and scare
   quotes (a short phrase is speech only when the sentence attributes it); those go to
   ``doc._.pr_works``.
3. :func:`~extractor.components.quotes.strategies.attribute` asks an ordered chain of small
   strategies for the cue verb and the speaker; pronouns and surnames resolve to people
   already introduced (:mod:`~extractor.components.quotes.resolver`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent
from extractor.components.quotes.resolver import Attribution, Resolver, Sentences
from extractor.components.quotes.strategies import QuoteContext, attribute
from extractor.text.marks import is_mentioned_word, is_quoted_title, is_scare_quote

_SAID_AFTER = re.compile(r"\s*(?:said|says|added|asked|told|explained)\b")
NEW_SPEAKER_GAP = 1500
"""Characters between two quotes beyond which the earlier speaker does not carry on."""


def find_quotes(
    doc: Doc, extra_verbs: frozenset[str] = frozenset()
) -> tuple[list[attrs.QuoteValue], list[attrs.WorkValue]]:
    """Quotes (with speakers) and quoted titles in ``doc``.

    Args:
        doc: A Doc with ``doc._.pr_context``, ``doc._.pr_people`` and
            ``doc._.pr_organisations``.
        extra_verbs: Reporting verbs to add to the packaged list (lower-cased lemmas and
            written forms).

    Returns:
        ``(quotes, works)`` as JSON-safe dicts.
    """
    text = attrs.text_of(doc)
    spans = attrs.context(doc)["quote_spans"]
    resolver = Resolver(doc, text, spans, extra_verbs)
    sentences = Sentences(doc, text)
    quotes: list[attrs.QuoteValue] = []
    works: list[attrs.WorkValue] = []
    previous: Attribution | None = None
    previous_end = previous_open = -1
    unclosed: set[int] = set()
    for position, span in enumerate(spans):
        inner = text[span["start"] : span["end"]]
        line_start = text.rfind("\n", 0, span["open_at"]) + 1
        work: attrs.WorkValue = {"text": inner, "start": span["start"], "end": span["end"]}
        close = span["close_at"] if span["close_at"] is not None else span["end"]
        said_after = _SAID_AFTER.match(text, close + 1) is not None
        if is_quoted_title(inner, text[line_start : span["open_at"]]) and not said_after:
            works.append(work)
            continue
        if previous is not None and _new_people_between(
            resolver, previous_end, span["open_at"], previous
        ):
            previous = None
        next_open = spans[position + 1]["open_at"] if position + 1 < len(spans) else len(text)
        found = attribute(
            QuoteContext(
                doc,
                text,
                span,
                resolver,
                sentences,
                previous,
                next_open,
                previous_open,
                previous_end,
            )
        )
        single_word = len(inner.split()) == 1
        unattributed = found.cue is None or found.how == "adjacency"
        if is_scare_quote(inner) and (single_word or unattributed):
            works.append(work)
            continue
        mentioned = is_mentioned_word(inner, text[line_start : span["open_at"]])
        if mentioned and (unattributed or found.speaker is None):
            works.append(work)  # “#GivingThanks Challenge”, “ThisIs ( ).”: tags, not speech
            continue
        quotes.append(
            {
                "text": inner,
                "start": span["start"],
                "end": span["end"],
                "speaker": found.speaker,
                "speaker_ref": found.ref,  # type: ignore[typeddict-item]
                "cue": found.cue,
                "attribution": found.how,
            }
        )
        previous = found if found.speaker else previous
        if span["close_at"] is None:
            unclosed.add(span["start"])
        previous_end = close
        previous_open = span["open_at"]
    _continue_backwards(quotes, unclosed)
    return quotes, works


def _continue_backwards(quotes: list[attrs.QuoteValue], unclosed: set[int]) -> None:
    """A paragraph of a multi-paragraph quote (no closing mark; the next paragraph reopens)
    takes the speaker of its continuation, whose attribution comes after it."""
    for index in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[index], quotes[index + 1]
        if quote["speaker"] is None and quote["start"] in unclosed and following["speaker"]:
            quote.update(
                speaker=following["speaker"],
                speaker_ref=following["speaker_ref"],
                attribution="adjacency",
            )


def _new_people_between(resolver: Resolver, start: int, end: int, previous: Attribution) -> bool:
    """True when someone other than the previous speaker is named between two quotes in
    different paragraphs (within a paragraph, the speaker of a split quote carries on)."""
    if end - start > NEW_SPEAKER_GAP:
        return True
    if "\n" not in resolver.text[max(start, 0) : end]:
        return False
    index = resolver.nearest_person(max(start, 0), end)
    if index is None:
        return False
    same_ref = previous.ref == {"kind": "person", "index": index}
    return not same_ref and resolver.people[index]["name"] != previous.speaker


class QuotesComponent(FieldComponent):
    """Writes ``doc._.pr_quotes`` and ``doc._.pr_works``."""

    def __init__(self, name: str, extra_reporting_verbs: Sequence[str] = ()) -> None:
        super().__init__(name)
        self.extra_verbs = frozenset(v.strip().lower() for v in extra_reporting_verbs if v.strip())

    def process(self, doc: Doc) -> None:
        quotes, works = find_quotes(doc, self.extra_verbs)
        doc._.set(attrs.QUOTES, quotes)
        doc._.set(attrs.WORKS, works)


@Language.factory(
    "pr_quotes",
    assigns=[attrs.declared(attrs.QUOTES), attrs.declared(attrs.WORKS)],
    requires=[
        attrs.declared(attrs.CONTEXT),
        attrs.declared(attrs.PEOPLE),
        attrs.declared(attrs.ORGANISATIONS),
    ],
    default_config={"extra_reporting_verbs": []},
)
def make_quotes(nlp: Language, name: str, *, extra_reporting_verbs: list[str]) -> QuotesComponent:
    """Build the quotes component.

    Args:
        nlp: The pipeline.
        name: The component's name.
        extra_reporting_verbs: Verbs that introduce speech, added to the packaged list
            (``data/reporting_verbs.txt``); give the lemma and, for pipelines without a
            tagger, the written forms too (``["gush", "gushed"]``).
    """
    return QuotesComponent(name, extra_reporting_verbs)
