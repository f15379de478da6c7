"""pr_token_attributes: the base model's attribute ruler, applied by table lookup.

The model's ``attribute_ruler`` maps fine-grained tags to parts of speech and sets a few
morphology and lemma exceptions with about 180 ``Matcher`` patterns. The ``Matcher`` tries
every pattern at every token, which costs about 8 ms of a release's 80 ms, a tenth of the
model. The patterns compare a token's own attributes (its lower-case form, tag, dependency
label) with constants, token by token and without quantifiers, so whether a pattern's token
test passes depends only on that token's value of each attribute: this component decides each
test once per attribute value seen and remembers it (:class:`RuleTable`). Each token then
receives the same attribute assignments, in the same order, through the same spaCy function
as the ruler would give it. The default pipeline disables the ruler and puts this component in
its place whenever every pattern is of that kind (:func:`compile_rules`); otherwise the ruler
runs unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG, intify_attr
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from extractor.components._base import FieldComponent

ATTRIBUTE_RULER = "attribute_ruler"
"""The name of the base model's attribute ruler, which this component stands in for."""

READABLE = frozenset({ORTH, LOWER, NORM, TAG, POS, DEP, LEMMA, IS_SPACE})
"""Token attributes a pattern may compare: ``Doc.to_array`` reads them exactly as the
``Matcher`` does."""

WRITABLE = frozenset({TAG, POS, MORPH, LEMMA, DEP})
"""Attributes a rule may set: token-level ones only, so that the order in which different
tokens receive them cannot matter (lexical attributes would change every token of a word)."""

Predicate = Callable[[int, StringStore], bool]
"""Tests one attribute value (a string hash, or 0/1 for a flag) of a token; the string store
turns a hash back into its text."""

Attrs = dict[Any, Any]
"""A rule's normalised attribute assignments, as ``set_token_attrs`` takes them."""


class Longer(NamedTuple):
    """A pattern of two or more tokens."""

    rule: int
    bits: tuple[int, ...]
    """The bit of each of its token tests, in order."""


@dataclass
class RuleTable:
    """An attribute ruler's patterns as bits, one per token test.

    For every attribute a test compares (a column), the table remembers per value seen the bits
    of the tests that value lets through: those whose condition on the column it meets and
    those without a condition there. A token passes the tests in the AND of its columns'
    masks, so a new word costs one evaluation per condition on that word's column, and memory
    grows with the vocabulary, not with combinations of attributes.
    """

    read: list[int]
    """The attributes the tests compare, in array column order."""
    conditions: list[list[tuple[int, Predicate]]]
    """Per column: (test bit, condition) of each test with a condition on it."""
    unconditioned: list[int]
    """Per column: the bits of the tests without a condition on it."""
    single_rule: dict[int, int]
    """Bit of a one-token pattern -> its rule's number."""
    longer: list[Longer]
    assignments: list[Attrs]
    """Per rule number: the attributes it sets."""
    indices: list[int]
    """Per rule number: which token of the match receives them."""
    passed: list[dict[int, int]] = field(default_factory=list)
    """Per column: value -> the bits it lets through (filled as values are seen)."""
    rules_of_mask: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.passed = [{} for _ in self.read]
        self.everything = (1 << (len(self.single_rule) + sum(len(p.bits) for p in self.longer))) - 1
        self.singles = sum(1 << bit for bit in self.single_rule)
        self.firsts = sum(1 << pattern.bits[0] for pattern in self.longer)

    def mask(self, column: int, value: int, strings: StringStore) -> int:
        """The bits of the tests that ``value`` in ``column`` lets through (``strings``: the
        document's, where a hash's text is found)."""
        found = self.passed[column].get(value)
        if found is None:
            found = self.unconditioned[column]
            for bit, condition in self.conditions[column]:
                if condition(value, strings):
                    found |= 1 << bit
            self.passed[column][value] = found
        return found

    def rules(self, mask: int) -> tuple[int, ...]:
        """The rule numbers of the one-token patterns in ``mask``, ascending, no repeats."""
        mask &= self.singles
        found = self.rules_of_mask.get(mask)
        if found is None:
            found = tuple(
                sorted({rule for bit, rule in self.single_rule.items() if mask >> bit & 1})
            )
            self.rules_of_mask[mask] = found
        return found


def _hash(strings: StringStore, value: object) -> int | None:
    """The value as the ``Matcher`` compares it: a string's hash, a flag's or number's int."""
    if isinstance(value, str):
        return strings.add(value)
    if isinstance(value, bool | int):
        return int(value)
    return None


class _Equals(NamedTuple):
    value: int

    def __call__(self, attribute: int, strings: StringStore) -> bool:
        return attribute == self.value


class _Member(NamedTuple):
    members: frozenset[int]
    inside: bool

    def __call__(self, attribute: int, strings: StringStore) -> bool:
        return (attribute in self.members) == self.inside


class _Search(NamedTuple):
    pattern: re.Pattern[str]

    def __call__(self, attribute: int, strings: StringStore) -> bool:
        return self.pattern.search(strings[attribute]) is not None


def _predicate(strings: StringStore, value: object) -> Predicate | None:
    """A test of one attribute value equivalent to the ``Matcher``'s, or ``None``."""
    scalar = _hash(strings, value)
    if scalar is not None:
        return _Equals(scalar)
    if not isinstance(value, Mapping) or len(value) != 1:
        return None
    ((operator, operand),) = value.items()
    if operator in ("IN", "NOT_IN") and isinstance(operand, Sequence):
        members = {_hash(strings, item) for item in operand}
        if None in members:
            return None
        return _Member(frozenset(m for m in members if m is not None), operator == "IN")
    if operator == "REGEX" and isinstance(operand, str):
        return _Search(re.compile(operand))
    return None


def compile_rules(ruler: AttributeRuler) -> RuleTable | None:
    """Turn ``ruler``'s patterns into token tests decided per attribute value.

    Returns:
        The table, or ``None`` when the ruler has no rules, a pattern compares an attribute
        outside :data:`READABLE` (or one attribute twice in a token), uses an operator other
        than equality, ``IN``, ``NOT_IN`` and ``REGEX`` or a quantifier (``OP``), a rule's
        token index falls outside a pattern, or a rule sets an attribute outside
        :data:`WRITABLE`: the ruler must then run itself.
    """
    strings = ruler.vocab.strings
    columns: dict[int, int] = {}
    tests: list[dict[int, Predicate]] = []  # per bit: column -> condition
    single_rule: dict[int, int] = {}
    longer: list[Longer] = []
    if not ruler.attrs:
        return None  # nothing to stand in for (or patterns not loaded yet)
    for rule, assignments in enumerate(ruler.attrs):
        if not set(assignments) <= WRITABLE:
            return None
        _, alternatives = ruler.matcher.get(str(rule))
        index = ruler.indices[rule]
        if any(not -len(pattern) <= index < len(pattern) for pattern in alternatives):
            return None  # the ruler raises E1001 there: let it
        for pattern in alternatives:
            bits = []
            for token in pattern:
                conditions: dict[int, Predicate] = {}
                for name, value in token.items():
                    attribute = intify_attr(name)
                    condition = _predicate(strings, value)
                    if attribute not in READABLE or condition is None:
                        return None
                    column = columns.setdefault(attribute, len(columns))
                    if column in conditions:
                        return None  # "LOWER" and "lower" in one token: both must pass
                    conditions[column] = condition
                bits.append(len(tests))
                tests.append(conditions)
            if len(bits) == 1:
                single_rule[bits[0]] = rule
            elif bits:
                longer.append(Longer(rule, tuple(bits)))
    return RuleTable(
        read=list(columns),
        conditions=[
            [(bit, test[column]) for bit, test in enumerate(tests) if column in test]
            for column in range(len(columns))
        ],
        unconditioned=[
            sum(1 << bit for bit, test in enumerate(tests) if column not in test)
            for column in range(len(columns))
        ],
        single_rule=single_rule,
        longer=longer,
        assignments=list(ruler.attrs),
        indices=list(ruler.indices),
    )


def _token_masks(table: RuleTable, doc: Doc) -> list[int]:
    """Per token: the bits of the tests it passes."""
    values = doc.to_array(table.read).reshape(len(doc), -1).T.tolist() if table.read else []
    strings = doc.vocab.strings
    by_column = [
        [table.mask(column, value, strings) for value in row] for column, row in enumerate(values)
    ]
    masks = []
    for i in range(len(doc)):
        mask = table.everything
        for column in by_column:
            mask &= column[i]
        masks.append(mask)
    return masks


def _longer_matches(table: RuleTable, masks: list[int]) -> dict[int, list[int]]:
    """Token index -> numbers of the longer patterns' rules that assign to it.

    A pattern of n tokens matches at every start whose n tokens pass its n tests in order, as
    the ``Matcher`` finds it; the rule assigns to the match's token at the rule's index.
    """
    found: dict[int, list[int]] = {}
    for start, mask in enumerate(masks):
        if not mask & table.firsts:
            continue
        for pattern in table.longer:
            end = start + len(pattern.bits)
            if end <= len(masks) and all(
                masks[start + offset] >> bit & 1 for offset, bit in enumerate(pattern.bits)
            ):
                target = range(start, end)[table.indices[pattern.rule]]  # may count from the end
                found.setdefault(target, []).append(pattern.rule)
    return found


def apply_rules(table: RuleTable, doc: Doc) -> None:
    """Give every token of ``doc`` the ruler's assignments, in the ruler's order.

    Every pattern is decided on the tokens as they were before any assignment (as the ruler's
    ``Matcher`` runs over the whole document first); a token's rules are applied in ascending
    rule number, so a later rule overrides an earlier one, as in the ruler.
    """
    if len(doc) == 0:
        return
    masks = _token_masks(table, doc)
    longer = _longer_matches(table, masks)
    assignments = table.assignments
    for i, mask in enumerate(masks):
        rules: Sequence[int] = table.rules(mask)
        extra = longer.get(i)
        if extra:
            rules = sorted([*rules, *extra])
        if rules:
            token = doc[i]
            for rule in rules:
                set_token_attrs(token, assignments[rule])


class TokenAttributesComponent(FieldComponent):
    """Applies the pipeline's (disabled) attribute ruler's rules by table lookup.

    The table is built from the ruler on first use, not when the component is made: a
    pipeline loaded from disk makes its components before it loads their data. A ruler the
    table cannot stand in for is run itself.
    """

    def __init__(self, name: str, ruler: AttributeRuler) -> None:
        super().__init__(name)
        self.ruler = ruler
        self._table: RuleTable | None = None
        self._compiled = False

    @property
    def table(self) -> RuleTable | None:
        """The ruler's lookup table, or ``None`` when the ruler must run itself."""
        if not self._compiled:
            self._table = compile_rules(self.ruler)
            self._compiled = True
        return self._table

    def process(self, doc: Doc) -> None:
        table = self.table
        if table is None:
            self.ruler(doc)
        else:
            apply_rules(table, doc)


def ruler_table(nlp: Language) -> RuleTable | None:
    """The lookup table of ``nlp``'s enabled attribute ruler, or ``None`` when it has none or
    one whose rules cannot be decided by lookup (a ruler the model disables stays off)."""
    if ATTRIBUTE_RULER not in nlp.pipe_names:
        return None
    ruler = nlp.get_pipe(ATTRIBUTE_RULER)
    return compile_rules(ruler) if isinstance(ruler, AttributeRuler) else None


@Language.factory(
    "pr_token_attributes",
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag"],
    default_config={},
)
def make_token_attributes(nlp: Language, name: str) -> TokenAttributesComponent:
    """Build the component on the pipeline's ``attribute_ruler`` (enabled or not).

    Raises:
        ValueError: when the pipeline has no attribute ruler.
    """
    if ATTRIBUTE_RULER not in nlp.component_names:
        raise ValueError(f"pr_token_attributes needs the pipeline's {ATTRIBUTE_RULER!r} component")
    ruler = nlp.get_pipe(ATTRIBUTE_RULER)
    if not isinstance(ruler, AttributeRuler):
        raise ValueError(f"pr_token_attributes: {ATTRIBUTE_RULER!r} is not an AttributeRuler")
    return TokenAttributesComponent(name, ruler)
