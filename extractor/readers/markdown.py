"""Markdown reduced to plain text (markdown-it-py, CommonMark plus tables and strikethrough).

What stays: the words. Headings become lines of their own (the first is usually the title);
emphasis, strong and strikethrough markers go; a link becomes its text (``[Acme](https://…)`` →
``Acme``; an autolink ``<https://…>`` keeps its address); images, raw HTML tags and horizontal
rules go (``<br>`` is a line break); code keeps its content; list items keep a ``-`` or ``1.``
marker, one per line; table rows are lines with cells joined by `` | ``; blocks are separated by
a blank line. A YAML front-matter block is dropped, its ``title`` kept as the first line.
Spans index the text this returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TITLE_KEY = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def split_front_matter(source: str) -> tuple[str | None, str]:
    """``(title or None, rest)``: a leading YAML front-matter block removed."""
    found = _FRONT_MATTER.match(source)
    if found is None:
        return None, source
    title = _TITLE_KEY.search(found.group(1))
    value = title.group(1).strip("'\"") if title else None
    return value or None, source[found.end() :]


def _is_break(token: Token) -> bool:
    if token.type in ("softbreak", "hardbreak"):
        return True
    return token.type == "html_inline" and bool(_BREAK_TAG.match(token.content.strip()))


def inline_text(children: Sequence[Token]) -> str:
    """The words of an inline run: markup dropped, link texts kept, breaks as newlines."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif _is_break(child):
            parts.append("\n")
    return "".join(parts).strip()


def _blocks(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """``(kind, text)`` per block: ``item`` and ``row`` blocks pack tightly, others do not."""
    blocks: list[tuple[str, str]] = []
    markers: list[str] = []  # one per open list item
    row: list[str] | None = None
    fresh_item = False
    for token in tokens:
        kind = token.type
        if kind == "list_item_open":
            markers.append(f"{token.info}{token.markup}" if token.info else "-")
            fresh_item = True
        elif kind == "list_item_close":
            markers.pop()
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append(("row", " | ".join(row)))
            row = None
        elif kind == "inline":
            text = inline_text(token.children or [])
            if row is not None:
                row.append(text)
            elif markers:
                prefix = f"{markers[-1]} " if fresh_item else ""
                blocks.append(("item", prefix + text))
                fresh_item = False
            elif text:
                blocks.append(("block", text))
        elif kind in ("fence", "code_block"):
            blocks.append(("block", token.content.rstrip("\n")))
        elif kind == "html_block":
            text = _TAG.sub("", token.content).strip()
            if text:
                blocks.append(("block", text))
    return blocks


def markdown_to_text(source: str) -> str:
    """The plain text of a Markdown document (see the module docstring)."""
    title, body = split_front_matter(source)
    blocks = _blocks(_parser().parse(body))
    if title:
        blocks.insert(0, ("block", title))
    out: list[str] = []
    previous = ""
    for kind, text in blocks:
        if out:
            out.append("\n" if kind == previous and kind in ("item", "row") else "\n\n")
        out.append(text)
        previous = kind
    return "".join(out) + ("\n" if out else "")
