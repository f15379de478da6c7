"""pr_dateline: place, date and wire service from the opening line of a release.

The grammar lives in :mod:`extractor.text.datelines` (pure functions); this component runs
it on the Doc's text with the reference date and the configured extra wire names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent
from extractor.text.datelines import DatelineHit, find_dateline, match_wire, parse_date

__all__ = [
    "DatelineComponent",
    "DatelineHit",
    "find_dateline",
    "make_dateline",
    "match_wire",
    "parse_date",
]


class DatelineComponent(FieldComponent):
    """Writes ``doc._.pr_dateline`` (and date problems to ``doc._.pr_warnings``)."""

    def __init__(self, name: str, extra_wires: Sequence[str] = ()) -> None:
        super().__init__(name)
        self.extra_wires = tuple(extra_wires)

    def process(self, doc: Doc) -> None:
        ref = doc._.get(attrs.REFERENCE_DATE)
        hit = find_dateline(
            attrs.text_of(doc), dt.date.fromisoformat(ref) if ref else None, self.extra_wires
        )
        if hit is None:
            doc._.set(attrs.DATELINE, None)
            return
        for code, message in hit.warnings:
            attrs.add_warning(doc, code, message)
        record = asdict(hit)
        del record["warnings"]
        record["wire_span"] = list(hit.wire_span) if hit.wire_span else None
        doc._.set(attrs.DATELINE, record)


@Language.factory(
    "pr_dateline",
    assigns=[f"doc._.{attrs.DATELINE}", f"doc._.{attrs.WARNINGS}"],
    default_config={"extra_wires": []},
)
def make_dateline(nlp: Language, name: str, *, extra_wires: list[str]) -> DatelineComponent:
    """Build the dateline component.

    Args:
        nlp: The pipeline.
        name: The component's name.
        extra_wires: Wire-service names to add to the packaged list
            (``data/wire_services.json``): tags naming them are reported under the name
            given, and such a name between dashes is read as a tag.
    """
    return DatelineComponent(name, extra_wires)
