"""Shared base of the toolkit's components: error handling around a ``process`` step."""

from __future__ import annotations

from spacy.pipeline import Pipe
from spacy.tokens import Doc

from extractor import attrs


class FieldComponent(Pipe):
    """A thin adapter: subclasses implement :meth:`process`, which calls pure functions.

    A failure inside one component is routed through spaCy's error handler
    (``nlp.set_error_handler``), so a batch runner can record it and carry on.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        attrs.register_extensions()

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.process(doc)
        except Exception as error:
            self.get_error_handler()(self.name, self, [doc], error)
        return doc


MAX_HEADLINE = 250
"""A first line longer than this is a lead paragraph, not a headline."""


def header_end(doc: Doc) -> int:
    """Offset where the body starts: entities before it sit in the headline block.

    The headline repeats the body in capitals or title case, where the statistical model
    invents entities ("SEN. ALLEN PLEDGES SUPPORT" as an organisation), so name-finding
    components skip it, and the dateline itself.
    """
    title = doc._.get(attrs.TITLE)
    dateline = doc._.get(attrs.DATELINE)
    if dateline is not None:
        return int(dateline["end"])
    if title is not None and len(title["text"]) <= MAX_HEADLINE:
        return int(title["end"])
    return 0
