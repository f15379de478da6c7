"""Shared base of the toolkit's components: error handling around a ``process`` step."""

from __future__ import annotations

from spacy.pipeline import Pipe
from spacy.tokens import Doc

from extractor import attrs, resources


class FieldComponent(Pipe):
    """A thin adapter: subclasses implement :meth:`process`, which calls pure functions.

    A failure inside one component is routed through spaCy's error handler
    (``nlp.set_error_handler``), so a batch runner can record it and carry on. A document
    already marked as failed (``doc._.pr_failure``) is passed on untouched.
    """

    def __init__(self, name: str, **extra_words: list[str]) -> None:
        """Args:
        name: The component's name in the pipeline.
        **extra_words: Entries added to packaged word lists while this component runs
            (``title_words``, ``reporting_verbs``; see :func:`extractor.resources.extended`).
        """
        self.name = name
        self.extra_words = {key: list(words) for key, words in extra_words.items() if words}
        attrs.register_extensions()

    def process(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if doc._.get(attrs.FAILURE) is not None:
            return doc
        try:
            if self.extra_words:
                with resources.extended(**self.extra_words):
                    self.process(doc)
            else:
                self.process(doc)
        except Exception as error:
            self.get_error_handler()(self.name, self, [doc], error)
        return doc
