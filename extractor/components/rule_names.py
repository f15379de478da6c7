"""pr_rule_names: people's names found by their written context, for pipelines without an
entity model (the fast mode).

With no statistical model there are no PERSON entities, so names are read where releases
mark them: next to a reporting verb (``said Jane Doe``, ``Jane Doe said``,
``Jane Doe, chief executive, said``), after an honorific or rank (``Ms. Lee``, ``Senator
Roe``), and at the head of a label line before a quote (``JANE DOE, CEO, ACME:``). The
component writes them as PERSON entities; a pipeline that already has entities is left as it
is. Pure functions over the text; the component is a thin adapter.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.text.phrases import trie_pattern

_WORD = r"[A-ZÀ-Þ][a-zß-ÿ’'\-]+"
_INITIAL = r"[A-Z]\."
_NAME = rf"(?:{_WORD}|{_INITIAL})(?:[ \t]+(?:{_WORD}|{_INITIAL})){{1,3}}"
_CAPS_NAME = r"[A-Z][A-Z’'\-]+(?:[ \t]+[A-Z][A-Z’'\-]+){1,3}"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    verbs = trie_pattern(resources.reporting_verb_forms())
    honorifics = trie_pattern(resources.honorifics())
    return (
        # said Jane Doe / said Senator Jane Doe
        re.compile(rf"\b(?:{verbs})[ \t]+(?:(?:{honorifics})[ \t]+)?(?P<name>{_NAME})"),
        # Jane Doe said / Jane Doe, the chief executive, said
        re.compile(rf"(?P<name>{_NAME})(?:,[^,.\n“”\"]{{2,80}},)?[ \t]+(?:{verbs})\b"),
        # Ms. Lee / Senator Jane Doe
        re.compile(rf"\b(?:{honorifics})[ \t]+(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"),
        # JANE DOE, CEO, ACME:  (a label line before a quote)
        re.compile(rf"(?m)^[ \t]*(?P<name>{_CAPS_NAME}),[^\n]{{0,120}}:[ \t]*$"),
    )


def find_rule_names(text: str) -> list[tuple[int, int]]:
    """Character ranges of people's names marked by their context (see the module docstring)."""
    found = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span("name")
            name = text[start:end]
            if resources.normalise_country_key(name) in resources.country_aliases():
                continue
            if name.split()[0].lower() in resources.title_words():
                continue  # "Chief Executive said": a title, not a name
            found.append((start, end))
    return found


class RuleNamesComponent(FieldComponent):
    """Adds PERSON entities found by context when the pipeline has no entity model."""

    def process(self, doc: Doc) -> None:
        if doc.has_annotation("ENT_IOB"):
            return
        spans = [
            span
            for start, end in find_rule_names(attrs.text_of(doc))
            if (span := doc.char_span(start, end, label="PERSON", alignment_mode="contract"))
        ]
        doc.ents = filter_spans(spans)


@Language.factory(
    "pr_rule_names",
    assigns=["doc.ents"],
    default_config={},
)
def make_rule_names(nlp: Language, name: str) -> RuleNamesComponent:
    """Build the rule-based name finder (the fast mode's stand-in for the entity model)."""
    attrs.register_extensions()
    return RuleNamesComponent(name)
