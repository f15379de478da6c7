"""Media-contact blocks ("Media contact: Jane Roe, Head of Communications, jane@…").

``pr_context`` finds the blocks once per document (``doc._.pr_context["contact_blocks"]``);
the contacts component parses them, and the name-finding components use them (the model
often tags a contact's name as an organisation there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor import resources
from extractor.text.names import person_shaped

GENERIC_PHRASE_WORDS = resources.org_words().generic_phrase_words

CONTACT_HEADER = re.compile(
    r"^[ \t]*(?:(?:media|press|news|investor|for more information,?)[ \t]+)?(?:contacts?|inquiries)"
    r"[ \t]*(?::|—|–|-|$)"  # a delimiter or the end of the line: not "Contacts between ..."
    r"|^[^\n]{0,80}\bplease contact:[ \t]*$",  # "For interviews ..., please contact:"
    re.IGNORECASE | re.MULTILINE,
)
_NAME_FIELD = re.compile(
    r"(?<![\w@.])(?:[A-ZÀ-Þ][a-zà-ÿ’'\-]+)(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ’'\-]+){1,2}"
    r"(?=[ \t]*(?:[,|;\n]|$))"
)
MAX_LINES = 6


@dataclass(frozen=True)
class ContactBlock:
    """Where a contact block is: its header start, the end of its text."""

    start: int
    body_start: int
    end: int


def contact_blocks(text: str) -> list[ContactBlock]:
    """Contact blocks: a contact header and up to ``MAX_LINES`` lines, to the next blank line."""
    blocks = []
    for header in CONTACT_HEADER.finditer(text):
        start, body_start = header.start(), header.end()
        while True:
            block_end = text.find("\n\n", body_start + 1)
            block_end = len(text) if block_end < 0 else block_end
            lines = text[body_start:block_end].split("\n")[:MAX_LINES]
            block = "\n".join(lines).rstrip()
            if not block.strip():
                break
            blocks.append(ContactBlock(start, body_start, body_start + len(block)))
            following = text[block_end:].lstrip("\n")
            paragraph = following.split("\n\n", 1)[0]
            lines = paragraph.split("\n")
            if "@" not in paragraph or len(lines) > MAX_LINES or CONTACT_HEADER.match(paragraph):
                break  # another contact follows with its own e-mail; a new header starts anew
            if any(len(line) > 100 for line in lines):
                break  # prose, not a contact entry
            start = body_start = len(text) - len(following)
    return blocks


def name_fields(text: str, block: ContactBlock) -> list[tuple[int, int]]:
    """Fields of a block that read as a personal name: two or three capitalised words alone
    between separators ("Imogen Reyes," / "Tomasz Wielgosz\\n")."""
    fields = []
    for match in _NAME_FIELD.finditer(text, block.body_start, block.end):
        line_start = max(block.body_start, text.rfind("\n", 0, match.start()) + 1)
        before = text[line_start : match.start()].rstrip()
        words = {w.lower() for w in match.group().split()}
        if words & (resources.title_words() | GENERIC_PHRASE_WORDS):
            continue  # "Press Officer", "Investor Relations"
        if not person_shaped(match.group()):
            continue  # "Brightwater Analytics": an organisation on its own line
        if not before or before[-1] in ",|;:":  # the field starts its line or follows a separator
            fields.append(match.span())
    return fields
