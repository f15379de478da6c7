"""pr_context: the facts several components need, computed once per document.

Where the body starts (after the headline and dateline), where quotations are (paired quote
marks) and which of them are quoted titles, where media-contact blocks are, and where
countries are named. Later components read ``doc._.pr_context`` (declared in their
``requires``) instead of recomputing these or sharing hidden caches.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent
from extractor.text.contacts import contact_blocks
from extractor.text.marks import find_quote_spans, is_quoted_title
from extractor.text.places import find_country_mentions

MAX_HEADLINE = 250
"""A first line longer than this is a lead paragraph, not a headline."""


def body_start(title: attrs.TitleValue | None, dateline: attrs.DatelineValue | None) -> int:
    """Offset where the body starts: entities before it sit in the headline block.

    The headline repeats the body in capitals or title case, where the statistical model
    invents entities ("SEN. ALLEN PLEDGES SUPPORT" as an organisation), so name-finding
    components skip it, and the dateline itself.
    """
    if dateline is not None:
        return int(dateline["end"])
    if title is not None and len(title["text"]) <= MAX_HEADLINE:
        return int(title["end"])
    return 0


def build_context(
    text: str,
    title: attrs.TitleValue | None,
    dateline: attrs.DatelineValue | None,
    entities: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
) -> attrs.ContextValue:
    """Every shared fact about ``text``.

    Args:
        text: The document text.
        title: ``doc._.pr_title``.
        dateline: ``doc._.pr_dateline``.
        entities: ``(start, end, label)`` of the model's PERSON entities (empty without a
            model): they settle whether an ambiguous country name ("Jordan") is a person's.

    Returns:
        The value of ``doc._.pr_context``.
    """
    spans = find_quote_spans(text)
    return {
        "body_start": body_start(title, dateline),
        "quote_spans": [
            {"start": q.start, "end": q.end, "open_at": q.open_at, "close_at": q.close_at}
            for q in spans
        ],
        "quoted_titles": [
            [q.start, q.end] for q in spans if is_quoted_title(text[q.start : q.end], "")
        ],
        "contact_blocks": [
            {"start": b.start, "body_start": b.body_start, "end": b.end}
            for b in contact_blocks(text)
        ],
        "country_mentions": [
            {"iso2": m.iso2, "start": m.start, "end": m.end}
            for m in find_country_mentions(
                text,
                entities=entities,
                home_country=dateline["country"] if dateline is not None else None,
            )
        ],
    }


class ContextComponent(FieldComponent):
    """Writes ``doc._.pr_context``."""

    def process(self, doc: Doc) -> None:
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ == "PERSON"]
        doc._.set(
            attrs.CONTEXT,
            build_context(
                attrs.text_of(doc), doc._.get(attrs.TITLE), doc._.get(attrs.DATELINE), entities
            ),
        )


@Language.factory(
    "pr_context",
    assigns=[attrs.declared(attrs.CONTEXT)],
    requires=[attrs.declared(attrs.TITLE), attrs.declared(attrs.DATELINE)],
    default_config={},
)
def make_context(nlp: Language, name: str) -> ContextComponent:
    """Build the context component."""
    return ContextComponent(name)
