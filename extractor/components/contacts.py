"""pr_contacts: media-contact blocks ("Media contact: Jane Roe, Head of Communications,
jane@…, +1 555 0100"), parsed into name, title, organisation, e-mail and phone."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.text.contacts import ContactBlock, name_fields
from extractor.text.names import person_shaped, title_like

_PHONE = re.compile(r"(?:\+|\()?\d[\d ().\-]{6,}\d")
_ORGANISATION_WORDS = (
    resources.org_words().org_words
    | {w.lower() for w in resources.org_words().company_heads}
    | {"inc", "llc", "ltd", "plc", "corp", "co", "group"}
)


@dataclass
class ContactHit:
    """One entry of a media-contact block."""

    start: int
    end: int
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    email: str | None = None
    phone: str | None = None


def find_contacts(
    text: str, blocks: list[ContactBlock], names: list[tuple[str, int]]
) -> list[ContactHit]:
    """Parse media-contact blocks (``Media contact: Name, Title, e-mail, phone``).

    Args:
        text: The document text.
        blocks: Where the blocks are (``doc._.pr_context["contact_blocks"]``).
        names: Person names with their start offsets (the model's PERSON entities and the
            fields of a block shaped like a name), to recognise the contact's name: the first
            one written in a block.

    Returns:
        One entry per contact block.
    """
    contacts = []
    person_names = {name for name, _ in names}
    names = sorted(names, key=lambda n: n[1])
    offsets = [offset for _, offset in names]
    for found in blocks:
        block, end = text[found.body_start : found.end], found.end
        header_start, header_end = found.start, found.body_start
        fields = [f.strip() for f in re.split(r"[\n,|;]", block) if f.strip()]
        hit = ContactHit(header_start, end)
        email = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", block)
        phone = _PHONE.search(block)
        hit.email = email.group().rstrip(".") if email else None
        hit.phone = phone.group().strip() if phone else None
        first = bisect_left(offsets, header_end)  # the first name written in the block
        if first < len(names) and offsets[first] < end:
            hit.name = names[first][0]
        for part in fields:
            if part in (hit.email, hit.phone) or (hit.name and hit.name in part):
                continue
            if part in person_names:
                continue  # "Contact: A, phone; B, phone": B is a second contact, not A's employer
            if "@" in part or _PHONE.fullmatch(part) or part.lower().startswith(("tel", "phone")):
                continue
            if hit.title is None and title_like(part.split()):
                hit.title = part
            elif hit.organization is None and hit.name:
                part = re.sub(r"\s*\([^)]*\)", "", part)  # "Brackenfield Partners (PR adviser)"
                if _names_an_organisation(part):
                    hit.organization = part
        if hit.name or hit.email or hit.phone:
            contacts.append(hit)
    return contacts


def _names_an_organisation(part: str) -> bool:
    """A contact field naming an organisation ("Ashcombe Provisions plc", "Hub Foundation")."""
    words = [w.strip(".,") for w in part.split()]
    if not words or not part[:1].isupper() or any(c.isdigit() for c in part):
        return False
    if {w.lower() for w in words} & _ORGANISATION_WORDS:
        return True
    if person_shaped(part):
        return False  # a second contact's name
    return len(words) >= 2 and all(w[:1].isupper() for w in words)  # "Northwind Logistics"


class ContactsComponent(FieldComponent):
    """Writes ``doc._.pr_contacts``."""

    def process(self, doc: Doc) -> None:
        text = attrs.text_of(doc)
        blocks = [ContactBlock(**b) for b in attrs.context(doc)["contact_blocks"]]
        if not blocks:
            doc._.set(attrs.CONTACTS, [])
            return
        names = [(e.text, e.start_char) for e in doc.ents if e.label_ == "PERSON"]
        names += [(text[s:e], s) for block in blocks for s, e in name_fields(text, block)]
        doc._.set(attrs.CONTACTS, [asdict(c) for c in find_contacts(text, blocks, names)])


@Language.factory(
    "pr_contacts",
    assigns=[attrs.declared(attrs.CONTACTS)],
    requires=[attrs.declared(attrs.CONTEXT)],
    default_config={},
)
def make_contacts(nlp: Language, name: str) -> ContactsComponent:
    """Build the contacts component."""
    return ContactsComponent(name)
