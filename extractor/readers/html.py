"""HTML pages reduced to their main text with trafilatura; spans index that main text.

The page is parsed by lxml with its ``huge_tree`` option, so pages nested far deeper than
libxml2's default limit (255 levels) are read; beyond what the parser can build at all (about
2,000 levels) a page whose main text is lost is reported as ``too_deep`` rather than ``empty``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from extractor.errors import InputError

if TYPE_CHECKING:
    from lxml.html import HtmlElement, HTMLParser

DEPTH_LIMIT = 2000
"""Nesting at which a page without main text counts as too deep rather than empty."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 KB, if any."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


@lru_cache(maxsize=1)
def _parser() -> HTMLParser:
    from lxml.html import HTMLParser

    return HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


def parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree (``None`` when there is nothing to parse)."""
    from lxml import etree
    from lxml.html import fromstring

    if not html.strip():
        return None
    try:
        return fromstring(html.encode("utf-8", "replace"), parser=_parser())
    except (etree.ParserError, ValueError):
        return None


def depth(tree: HtmlElement) -> int:
    """How deep the elements of ``tree`` nest (iteratively: no recursion limit)."""
    from lxml import etree

    level = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest


def html_main_text(html: str) -> str:
    """The main text of an HTML page (boilerplate removed), via trafilatura.

    Raises:
        InputError: ``too_deep`` when the page nests deeper than the parser can follow and no
            main text was found; ``empty`` when the page has no main text.
    """
    import trafilatura

    tree = parse(html)
    if tree is None:
        raise InputError("the HTML page is empty", code="empty")
    nesting = depth(tree)
    text = trafilatura.extract(tree, include_comments=False, include_tables=False)
    if text and text.strip():
        return text
    if nesting >= DEPTH_LIMIT:
        raise InputError(
            f"the HTML page nests elements at least {nesting:,} levels deep, more than the "
            f"parser follows ({DEPTH_LIMIT:,}); no main text was found",
            code="too_deep",
        )
    raise InputError("the HTML page has no main text", code="empty")
