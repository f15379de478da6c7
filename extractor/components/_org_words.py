"""Word lists that decide what is and is not an organisation's name (package-private).

The lists live once, as package data (``extractor/data/org_words.json``, loaded by
:func:`extractor.resources.org_words`); the regular expressions are code."""

from __future__ import annotations

import re

from extractor import resources
from extractor.text.names import COMPANY_SUFFIX  # noqa: F401  (re-exported)

_WORDS = resources.org_words()
EVENT_HEADS = _WORDS.event_heads
WORK_HEADS = _WORDS.work_heads
PLACE_HEADS = _WORDS.place_heads
ORG_WORDS = _WORDS.org_words
INTERGOVERNMENTAL = _WORDS.intergovernmental
NON_ORG_HEADS = _WORDS.non_org_heads
GENERIC_PHRASE_WORDS = _WORDS.generic_phrase_words
GENERIC_ORG_WORDS = _WORDS.generic_org_words
PORTFOLIO_WORDS = _WORDS.portfolio_words
ADDRESS_HEADS = _WORDS.address_heads
ADDRESS_WORDS = _WORDS.address_words
PORTFOLIO_HOLDERS = _WORDS.portfolio_holders
PARTY_WORDS = _WORDS.party_words
ROLES_ORGS_HAVE_TOO = _WORDS.roles_orgs_have_too
HONORIFIC_WORDS = _WORDS.honorific_words
COMPANY_HEADS = _WORDS.company_heads
DISTRICT_KINDS = _WORDS.district_kinds
COMMON_FIRST_WORDS = _WORDS.common_first_words
PATTERN_HEADS = _WORDS.pattern_heads | COMPANY_HEADS

POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[-’'][A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]+)*$")
