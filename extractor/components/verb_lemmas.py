"""pr_verb_lemmas: the base model's lemmatizer, run on verbs only.

The toolkit reads lemmas in one place: whether a verb is a reporting verb ("said", "stressed",
"is quoted as saying"). Lemmatising every token costs about 6 ms of a release's 80 ms in the
base pipeline, so the default pipeline disables the model's ``lemmatizer`` and puts this
component in its place: the same lemmatizer object and rules, applied to the tokens tagged
``VERB`` or ``AUX``. Their lemmas are exactly the full lemmatizer's; other tokens keep only
the few lemmas the model's attribute ruler sets (pronouns), nouns none.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import POS
from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from extractor.components._base import FieldComponent

Lemmatize = Callable[[Token], list[str]]

LEMMATIZER = "lemmatizer"
"""The name of the base model's lemmatizer, which this component stands in for."""


def verb_positions(doc: Doc) -> list[int]:
    """Indices of the tokens tagged ``VERB`` or ``AUX``."""
    if len(doc) == 0:
        return []
    pos = doc.to_array(POS)
    return numpy.flatnonzero((pos == VERB) | (pos == AUX)).tolist()


def lemmatize_verbs(doc: Doc, lemmatize: Lemmatize) -> None:
    """Set ``token.lemma_`` of every verb of ``doc`` that has none, with ``lemmatize``."""
    for i in verb_positions(doc):
        token = doc[i]
        if token.lemma == 0:
            token.lemma_ = lemmatize(token)[0]


class VerbLemmasComponent(FieldComponent):
    """Sets ``token.lemma`` of verbs with the pipeline's (disabled) lemmatizer."""

    def __init__(self, name: str, lemmatize: Lemmatize) -> None:
        super().__init__(name)
        self.lemmatize = lemmatize

    def process(self, doc: Doc) -> None:
        lemmatize_verbs(doc, self.lemmatize)


@Language.factory(
    "pr_verb_lemmas",
    assigns=["token.lemma"],
    # reads token.pos, which the model's attribute_ruler maps from token.tag (the
    # attribute_ruler declares nothing, so requiring token.pos would read as unmet)
    requires=["token.tag"],
    default_config={},
)
def make_verb_lemmas(nlp: Language, name: str) -> VerbLemmasComponent:
    """Build the verb-lemma component from the pipeline's ``lemmatizer`` (enabled or not).

    Raises:
        ValueError: when the pipeline has no component named ``lemmatizer``.
    """
    if LEMMATIZER not in nlp.component_names:
        raise ValueError(f"pr_verb_lemmas needs the pipeline's {LEMMATIZER!r} component")
    return VerbLemmasComponent(name, nlp.get_pipe(LEMMATIZER).lemmatize)
