"""pr_links: web addresses and e-mail addresses, with exact offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = re.compile(
    r"(?<![\w@/.])(?:(?:https?|ftp)://|www\.)[^\s<>\"“”«»]+",
    re.IGNORECASE,
)
_BARE_DOMAIN = re.compile(
    r"(?<![\w@/.\-])(?:[a-z0-9][a-z0-9\-]*\.)+(?:com|org|net|edu|gov|int|mil|info|io|co\.uk|org\.uk"
    r"|ac\.uk|gov\.uk|eu|ca|de|fr|ch|be|nl|au|nz|in|kr|jp|cn|ke|za|ng)(?=[/\s,;:)]|\.(?:\s|$)|$)"
    r"(?:/[^\s<>\"“”«»]*)?",
)
_TRAILING = ".,;:!?'’\"”»"
_PAIRS = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class LinkHit:
    """A URL or e-mail found in the text."""

    text: str
    start: int
    end: int


def _trim(candidate: str) -> str:
    """Remove trailing punctuation, keeping closing brackets that close inside the URL."""
    while candidate:
        last = candidate[-1]
        if last in _TRAILING or (
            last in _PAIRS and candidate.count(_PAIRS[last]) < candidate.count(last)
        ):
            candidate = candidate[:-1]
        else:
            break
    return candidate


def find_urls(text: str) -> list[LinkHit]:
    """Find web addresses: with a scheme, starting with ``www.``, or a bare domain with a
    common top-level domain (``housing.example.edu/rent``).

    Args:
        text: The document text.

    Returns:
        One hit per occurrence, trailing punctuation removed.
    """
    hits = []
    for match in _URL.finditer(text):
        url = _trim(match.group())
        if "." in url.split("//", 1)[-1]:
            hits.append(LinkHit(url, match.start(), match.start() + len(url)))
    taken = [(h.start, h.end) for h in hits]
    for match in _BARE_DOMAIN.finditer(text):  # "housing.example.edu/rent" (no scheme, no www.)
        url = _trim(match.group())
        if not any(s <= match.start() < e for s, e in taken):
            hits.append(LinkHit(url, match.start(), match.start() + len(url)))
    return sorted(hits, key=lambda h: h.start)


def find_emails(text: str) -> list[LinkHit]:
    """Find e-mail addresses (trailing dots removed)."""
    hits = []
    for match in _EMAIL.finditer(text):
        email = match.group().rstrip(".-")
        if email.count("@") == 1 and "." in email.split("@")[1]:
            hits.append(LinkHit(email, match.start(), match.start() + len(email)))
    return hits


def _as_dicts(hits: list[LinkHit]) -> list[dict[str, object]]:
    return [{"text": h.text, "start": h.start, "end": h.end} for h in hits]


class LinksComponent(FieldComponent):
    """Writes ``doc._.pr_links`` = ``{"urls": [...], "emails": [...]}``."""

    def process(self, doc: Doc) -> None:
        text = attrs.text_of(doc)
        doc._.set(
            attrs.LINKS,
            {"urls": _as_dicts(find_urls(text)), "emails": _as_dicts(find_emails(text))},
        )


@Language.factory("pr_links", assigns=[f"doc._.{attrs.LINKS}"], default_config={})
def make_links(nlp: Language, name: str) -> LinksComponent:
    """Build the links component."""
    return LinksComponent(name)
