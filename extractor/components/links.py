"""pr_links: web addresses and e-mail addresses as releases write them, with exact offsets.

Three forms of web address are found: with a scheme (``https://…``), starting with
``www.``, and bare domains (``example.app``, ``Vertiv.com``, ``RocksAndStocks.news/Terms``).
A bare domain counts only when it ends in a **public suffix** of the Public Suffix List,
read from the snapshot that ``tldextract`` ships (never fetched: see :func:`public_suffix`).

Contact blocks are often run together by scrapers (``www.example.comE-Mail: x@example.com``,
``CARocksAndStocks.news310.299.1717 OfficeEditor@…``): an address ends where its public
suffix ends and a label, a capitalised word or digits start, and a capitalised label glued
to the front of an address (``OfficeEditor@``, ``CARocks…``) is cut off. Trailing
punctuation is removed. Obfuscated addresses (``[email protected]``, ``jane [at] example
dot com``) and placeholder addresses (``name@example.com``) are never e-mails. A domain that
is the name of the wire service in the dateline's tag (``(Newsworthy.ai)``) and a domain
written just before the full address it names (``on newsdirect.com: https://newsdirect.com/…``)
are not links of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent
from extractor.text.intervals import Ranges, overlaps

_STOP = r"\s<>\"“”«»\[\]{}|^`—–"  # a dash is never part of an address as written
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# An address starts after a space or a word run into it ("atwww.", "Smithhttps://"); it stops
# where another one starts run into it ("…/asiahttps://x.com", "….hk/https://…"), except in
# a percent-encoded parameter ("?next=https%3A%2F%2Fwww.…").
_URL = re.compile(
    rf"(?:(?:(?<![\w@/.])|(?<=[A-Za-z0-9/]))(?:https?|ftp)://|(?:(?<![\w@/.])|(?<=[a-z]))www\.)"
    rf"(?:(?!(?:(?<=\w)|(?<=[^/]/))(?<!%2F)(?<!%2f)(?:https?://|www\.))[^{_STOP}])+",
    re.IGNORECASE,
)
_BARE = re.compile(
    rf"(?<![\w@/.\-])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9\-]*"
    rf"(?:/[^{_STOP}]*)?"
)
_TRAILING = ".,;:!?'’\"”»*"
_PAIRS = {")": "(", "]": "[", "}": "{"}
_GLUED_LABEL = re.compile(
    r"^(?:Office|E-?mail|Mail|Email|Phone|Tel|Telephone|Fax|Mobile|Cell|Contact|Website|Web"
    r"|Twitter|Facebook|Instagram|LinkedIn|Press|Media|Inquiries|Info)(?=[A-Z])"
)
_PATH_EMAIL = re.compile(r"(?<=/)[\w.+\-]+@[A-Za-z0-9\-]+\.[A-Za-z]")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[a-z])(?=www)")  # "comE-Mail", "news310", "comwww"
_GLUED_COMPANY = re.compile(
    r"^(?:Inc|Ltd|LLC|Corp|Co|PLC|plc|GmbH|AG|SA)\.(?=[A-Za-z])"
)  # "Inc.ksmith@"
_GLUED_NUMBER = re.compile(r"^[\d\-.()+]{7,}(?=[A-Za-z])")  # a phone number run into it
_LEADING_CAPITALS = re.compile(r"^[A-Z]{2,}(?=[A-Z][a-z])")  # "CARocksAndStocks.news"
_OBFUSCATED = re.compile(r"\[\s*email\s*(?:&#160;|\s)*protected\s*\]", re.IGNORECASE)
PLACEHOLDER_DOMAINS = frozenset(
    ["example", "domain", "yourdomain", "yourcompany", "company", "email", "sample", "test"]
)
PLACEHOLDER_LOCALS = frozenset(
    [
        "name",
        "yourname",
        "your.name",
        "you",
        "your",
        "user",
        "username",
        "email",
        "youremail",
        "your.email",
        "firstname.lastname",
        "first.last",
        "xxx",
        "x",
    ]
)
"""An address whose local part is one of :data:`PLACEHOLDER_LOCALS` and whose registered
name (before the public suffix) is one of :data:`PLACEHOLDER_DOMAINS` stands for any address
in instructions and templates (``name@example.com``, ``you@yourdomain.com``)."""
_CLASSIC_SUFFIXES = frozenset(["com", "org", "net", "edu", "gov", "info", "biz"])


@dataclass(frozen=True)
class LinkHit:
    """A URL or e-mail found in the text."""

    text: str
    start: int
    end: int


@cache
def _extractor() -> object:
    """The public-suffix reader: tldextract with its bundled snapshot, no cache, no network.

    ``suffix_list_urls=()`` disables every download and ``cache_dir=None`` every file write,
    so tldextract reads the Public Suffix List snapshot inside the package.
    """
    import tldextract  # deferred: only documents with a dotted word need it

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


def public_suffix(host: str) -> tuple[str, str]:
    """Split a host name into its registered name and its public suffix.

    Args:
        host: A host name as written, e.g. ``"news.example.co.uk"``.

    Returns:
        ``(domain, suffix)``, e.g. ``("example", "co.uk")``; ``suffix`` is ``""`` when the
        host does not end in a public suffix.
    """
    result = _extractor()(host.lower())  # type: ignore[operator]
    return result.domain, result.suffix


_GLUED_SENTENCE = re.compile(
    r"/[^/?#]*[a-z0-9](The|This|These|Those|For|Visit|Click|Learn|Read|Follow|About|Our)$"
)
"""A path run into the next sentence's first word (a capital after lower case at the end)."""


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


def _valid_host(host: str) -> bool:
    domain, suffix = public_suffix(host)
    return bool(domain and suffix)


def _host_end(host: str) -> int | None:
    """Where a host name really ends when text is glued after it, or ``None`` when it does
    not end in a public suffix.

    ``"example.com"`` -> its length; ``"www.example.comE-Mail"`` -> after ``.com``;
    ``"RocksAndStocks.news310.299.1717"`` -> after ``.news``: a label that runs from lower
    case into a capital or a digit is cut there when what comes before is a whole address.
    """
    labels = host.split(".")
    for index in range(1, len(labels)):
        glue = _GLUE.search(labels[index])
        if glue is None or not labels[index][: glue.start()].islower():
            continue  # "YouTube", "eBay" are written that way; "comE-Mail" is run together
        candidate = ".".join([*labels[:index], labels[index][: glue.start()]])
        if _valid_host(candidate):
            return len(candidate)
    return len(host) if _valid_host(host) else None


def _bare_domain_ok(host: str) -> bool:
    """A bare domain's suffix is in lower or upper case, or one of the classic generic
    suffixes in title case ("BestGrowthStocks.Com"; "Hire.Inc", "growth.Global" are words
    run together); its registered name is not a number ("0788.HK" is a stock code)."""
    domain, suffix = public_suffix(host)
    last = host.rsplit(".", 1)[-1]
    if domain.isdigit():
        return False
    return last.islower() or last.isupper() or suffix in _CLASSIC_SUFFIXES


def find_urls(text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[LinkHit]:
    """Find web addresses: with a scheme, starting with ``www.``, or a bare domain that ends in
    a public suffix (``housing.example.edu/rent``, ``acme.xyz``).

    Args:
        text: The document text.
        skip: Ranges where bare domains are names, not links (the dateline's wire tag).

    Returns:
        One hit per occurrence, trailing punctuation and glued text removed.
    """
    hits: list[LinkHit] = []
    for match in _URL.finditer(text):
        url = _trim(match.group())
        glued_email = _PATH_EMAIL.search(url)
        if glued_email is not None:  # "https://acme.com/support@acme.comDisclaimer"
            url = url[: glued_email.start()]
        glued_word = _GLUED_SENTENCE.search(url)
        if glued_word is not None:  # "https://acme.vn/enThe issuer ...": a sentence run in
            url = url[: glued_word.start(1)]
        rest = url.split("://", 1)[-1]
        host = re.split(r"[/?#:]", rest, maxsplit=1)[0]
        end = _host_end(host)
        if end is None and "." not in host:
            continue
        if end is not None and end < len(host):  # glued text after the host stops it
            url = url[: len(url) - len(rest) + end]
        hits.append(LinkHit(url, match.start(), match.start() + len(url)))
    taken = Ranges([*((h.start, h.end) for h in hits), *skip])
    for match in _BARE.finditer(text):
        start = match.start()
        if overlaps(taken, start, match.end()):
            continue  # part of an address found with its scheme or "www.", or a wire tag
        if text[match.end() : match.end() + 1] == "@":
            continue  # the local part of an e-mail address
        url = _trim(match.group())
        leading = _LEADING_CAPITALS.match(url)
        if leading is not None:  # "CARocksAndStocks.news": a state code glued to the front
            url, start = url[leading.end() :], start + leading.end()
        host = url.split("/", 1)[0]
        end = _host_end(host)
        if end is None or "." not in host[:end]:
            continue
        if end < len(host):
            url = host[:end]
        if not _bare_domain_ok(url.split("/", 1)[0]) or url[0] == "-":
            continue
        hits.append(LinkHit(url, start, start + len(url)))
    hits.sort(key=lambda h: h.start)
    return _drop_names_of_next_link(text, hits)


def _drop_names_of_next_link(text: str, hits: list[LinkHit]) -> list[LinkHit]:
    """Drop a bare domain written just before the full address of the same site
    (``View source version on newsdirect.com: https://newsdirect.com/news/…``)."""
    kept = []
    for index, hit in enumerate(hits):
        following = hits[index + 1] if index + 1 < len(hits) else None
        if (
            following is not None
            and "/" not in hit.text
            and "://" in following.text
            and not text[hit.end : following.start].strip(" :\t—–-")
            and public_suffix(hit.text) == public_suffix(_host_of(following.text))
        ):
            continue
        kept.append(hit)
    return kept


def _host_of(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return re.split(r"[/?#:]", rest, maxsplit=1)[0]


def find_emails(text: str) -> list[LinkHit]:
    """Find e-mail addresses as written (trailing dots removed, glued labels cut off).

    Obfuscated forms (``[email protected]``) never match; placeholder addresses
    (:data:`PLACEHOLDER_DOMAINS`) are left out.
    """
    hits = []
    for match in _EMAIL.finditer(text):
        email = match.group().rstrip(".-")
        start = match.start()
        local, _, host = email.partition("@")
        if "@" in host or not local.strip(".") or _OBFUSCATED.search(email):
            continue
        label = (
            _GLUED_LABEL.match(local) or _GLUED_NUMBER.match(local) or _GLUED_COMPANY.match(local)
        )
        if label is not None:  # "OfficeEditor@…", "1-800-617-9550ir@…": run into the address
            local, start = local[label.end() :], start + label.end()
        end = _host_end(host)  # no public suffix ("burns.senate" cut short): kept as written
        host = host[:end] if end is not None else host
        if "." not in host:
            continue
        if local.lower() in PLACEHOLDER_LOCALS and public_suffix(host)[0] in PLACEHOLDER_DOMAINS:
            continue
        email = f"{local}@{host}"
        hits.append(LinkHit(email, start, start + len(email)))
    return hits


def _as_dicts(hits: list[LinkHit]) -> list[dict[str, object]]:
    return [{"text": h.text, "start": h.start, "end": h.end} for h in hits]


class LinksComponent(FieldComponent):
    """Writes ``doc._.pr_links`` = ``{"urls": [...], "emails": [...]}``."""

    def process(self, doc: Doc) -> None:
        text = attrs.text_of(doc)
        dateline = doc._.get(attrs.DATELINE)
        wire = dateline["wire_span"] if dateline else None
        urls = find_urls(text, skip=((wire[0], wire[1]),) if wire else ())
        doc._.set(attrs.LINKS, {"urls": _as_dicts(urls), "emails": _as_dicts(find_emails(text))})


@Language.factory(
    "pr_links",
    assigns=[attrs.declared(attrs.LINKS)],
    requires=[attrs.declared(attrs.DATELINE)],  # where the wire tag is
    default_config={},
)
def make_links(nlp: Language, name: str) -> LinksComponent:
    """Build the links component."""
    return LinksComponent(name)
