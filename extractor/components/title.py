"""pr_title: the headline, taken as the first non-empty line of a multi-line release."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent

_LINE = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class TitleHit:
    """The headline and its offsets (surrounding whitespace excluded)."""

    text: str
    start: int
    end: int


def find_title(text: str) -> TitleHit | None:
    """Return the first non-empty line as the headline.

    A text made of a single line (a scraped page that lost its line breaks, or a bare
    paragraph) has no separable headline, so the result is ``None``.

    Args:
        text: The document text.

    Returns:
        The headline, or ``None`` when the text has fewer than two non-empty lines.
    """
    lines = _LINE.finditer(text)
    first = next(lines, None)
    if first is None or next(lines, None) is None:
        return None
    raw = first.group()
    stripped = raw.strip()
    start = first.start() + raw.index(stripped)
    return TitleHit(stripped, start, start + len(stripped))


class TitleComponent(FieldComponent):
    """Writes ``doc._.pr_title``."""

    def process(self, doc: Doc) -> None:
        hit = find_title(attrs.text_of(doc))
        doc._.set(attrs.TITLE, None if hit is None else asdict(hit))


@Language.factory("pr_title", assigns=[f"doc._.{attrs.TITLE}"], default_config={})
def make_title(nlp: Language, name: str) -> TitleComponent:
    """Build the title component."""
    return TitleComponent(name)
