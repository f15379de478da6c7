"""The baseline a user would otherwise pick: the bare spaCy model plus textacy's quotations.

Entities of the pretrained model are mapped onto the record fields without any of the
toolkit's own components: PERSON -> people (no honorific, title or affiliation), ORG ->
organisations (no acronyms), GPE -> countries by an exact ``pycountry`` lookup, ``like_url``
and ``like_email`` tokens -> URLs and e-mails, the first non-empty line -> title, and no
dateline. Quotes come from :func:`textacy.extract.triples.direct_quotations`; it raises
``ValueError`` on an odd number of quote marks, which here means "no quotes found".
The records have the :class:`extractor.models.PressRelease` shape, so the same scorer applies.

textacy is a development dependency only (``pip install 'press-extract[dev]'``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pycountry

from extractor.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from extractor.evaluation import Item

Record = dict[str, Any]
QuoteFinder = Callable[["Doc"], Iterable[Any]]


def load_direct_quotations() -> QuoteFinder:
    """Import textacy's ``direct_quotations`` on first use.

    Returns:
        The function ``direct_quotations(doc)``.

    Raises:
        ConfigError: When textacy is not installed.
    """
    try:
        triples = importlib.import_module("textacy.extract.triples")
    except ImportError as exc:
        raise ConfigError(
            "the baseline needs textacy for quotations, but it is not installed; "
            "install the development extras: pip install 'press-extract[dev]' "
            "(or pip install textacy==0.13.0)"
        ) from exc
    return triples.direct_quotations


def _span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


def _first_line(text: str) -> str | None:
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def _unique_ents(doc: Doc, label: str) -> dict[str, list[Span]]:
    found: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ == label and ent.text.strip():
            found.setdefault(ent.text.strip(), []).append(ent)
    return found


def _people(doc: Doc) -> list[Record]:
    return [
        {
            "id": f"per-{n}",
            "name": name,
            "honorific": None,
            "title": None,
            "organization": None,
            "organization_id": None,
            "mentions": [_span(e.start_char, e.end_char) for e in ents],
        }
        for n, (name, ents) in enumerate(_unique_ents(doc, "PERSON").items(), start=1)
    ]


def _organizations(doc: Doc) -> list[Record]:
    return [
        {
            "id": f"org-{n}",
            "name": name,
            "acronym": None,
            "aliases": [],
            "kind": None,
            "mentions": [_span(e.start_char, e.end_char) for e in ents],
        }
        for n, (name, ents) in enumerate(_unique_ents(doc, "ORG").items(), start=1)
    ]


def _country(name: str) -> Any | None:
    try:
        return pycountry.countries.lookup(name)
    except LookupError:
        return None


def _countries(doc: Doc) -> list[Record]:
    found: dict[str, Record] = {}
    for name, ents in _unique_ents(doc, "GPE").items():
        country = _country(name)
        if country is None:
            continue
        empty = {"name": country.name, "iso2": country.alpha_2, "iso3": country.alpha_3}
        record = found.setdefault(country.alpha_2, {**empty, "mentions": []})
        record["mentions"].extend(_span(e.start_char, e.end_char) for e in ents)
    return list(found.values())


def _token_field(doc: Doc, attr: str, key: str) -> list[Record]:
    seen: set[str] = set()
    records: list[Record] = []
    for token in doc:
        if getattr(token, attr) and token.text not in seen:
            seen.add(token.text)
            records.append({key: token.text, "span": _span(token.idx, token.idx + len(token))})
    return records


def _quote(n: int, triple: Any) -> Record:
    content: Span = triple.content
    inner = content[1:-1] if len(content) > 2 else content
    speaker: list[Token] = list(triple.speaker)
    cue: list[Token] = list(triple.cue)
    return {
        "id": f"q-{n}",
        "text": inner.text,
        "span": _span(inner.start_char, inner.end_char),
        "speaker": " ".join(tok.text for tok in speaker) or None,
        "speaker_id": None,
        "cue": " ".join(tok.text for tok in cue) or None,
        "attribution": "explicit",
    }


def _quotes(doc: Doc, finder: QuoteFinder) -> list[Record]:
    try:
        triples = list(finder(doc))
    except ValueError:
        return []  # odd number of quote marks: textacy refuses the whole document
    return [_quote(n, triple) for n, triple in enumerate(triples, start=1)]


def baseline_record(doc: Doc, finder: QuoteFinder, source: str | None = None) -> Record:
    """Map a parsed ``Doc`` to a record dict of the ``PressRelease`` shape.

    Args:
        doc: The text parsed by the bare pretrained model.
        finder: ``direct_quotations`` (see :func:`load_direct_quotations`).
        source: Value of the ``source`` field.

    Returns:
        The record, with ``dateline`` always null.
    """
    return {
        "schema_version": "1.0",
        "source": source,
        "title": _first_line(doc.text),
        "dateline": None,
        "organizations": _organizations(doc),
        "people": _people(doc),
        "quotes": _quotes(doc, finder),
        "works": [],
        "countries": _countries(doc),
        "country_lists": [],
        "urls": _token_field(doc, "like_url", "url"),
        "emails": _token_field(doc, "like_email", "email"),
        "contacts": [],
        "warnings": [],
    }


def _split(item: Item) -> tuple[str, str | None]:
    if isinstance(item, str):
        return item, None
    return item[0], item[1]


def _load(model: str | None) -> Language:
    import spacy

    from extractor.pipeline import resolve_model_name

    return spacy.load(resolve_model_name(model))


def predict_baseline(
    model: str | None = None, *, batch_size: int = 16
) -> Callable[[Sequence[Item]], list[Record]]:
    """A predictor running the bare spaCy model and textacy (see the module docstring).

    textacy and the model are loaded on the first call, once.

    Args:
        model: spaCy pipeline name; None picks the toolkit's default model.
        batch_size: Batch size for ``nlp.pipe``.

    Returns:
        A callable mapping items (texts, or ``(text, source[, reference_date])`` tuples; dates
        are ignored) to record dicts, input order kept.
    """
    loaded: dict[str, Any] = {}

    def predict(items: Sequence[Item]) -> list[Record]:
        if not loaded:
            loaded["finder"] = load_direct_quotations()
            loaded["nlp"] = _load(model)
        pairs = [_split(item) for item in items]
        docs: Iterator[tuple[Doc, str | None]] = loaded["nlp"].pipe(
            pairs, as_tuples=True, batch_size=batch_size
        )
        return [baseline_record(doc, loaded["finder"], source) for doc, source in docs]

    return predict
