"""Acronym definitions in running text, Schwartz–Hearst style: ``Long Form (ACR)`` and
``ACR (Long Form)``. Pure functions over strings; used by the entity and organisation
components."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ACRONYM = r"[A-Z][A-Za-z&\-]{0,2}[A-Z][A-Z&\-]{0,8}"


PAREN_ACRONYM = re.compile(rf"\((?P<acr>{_ACRONYM})(?:s)?(?:[,;][^)]*)?\)")


_ACR_PAREN = re.compile(rf"\b(?P<acr>{_ACRONYM})\s*\((?P<long>[A-Z][^()\n]{{3,120}})\)")


@dataclass(frozen=True)
class AcronymDefinition:
    """``long`` defined as ``acronym`` in the text."""

    long: str
    long_start: int
    acronym: str
    acronym_start: int


def _initials_match(acronym: str, words: list[str]) -> bool:
    """Schwartz–Hearst check: every acronym letter found in order, the first starting a word."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    long = " ".join(words).lower()
    position = len(long) - 1
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        while position >= 0 and (
            long[position] != char or (index == 0 and position > 0 and long[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


def _long_form_before(text: str, end: int, acronym: str) -> tuple[str, int] | None:
    """The shortest run of words ending at ``end`` that the acronym abbreviates."""
    line_start = max(text.rfind("\n", 0, end) + 1, end - 200)
    window = text[line_start:end].rstrip()
    words = list(re.finditer(r"[^\s]+", window))
    limit = min(len(words), len(acronym) + 5, 2 * len(acronym) + 2)
    for size in range(1, limit + 1):
        chosen = words[len(words) - size :]
        first = chosen[0].group()
        if not first[:1].isupper() or first[:1].lower() != acronym[0].lower():
            continue
        texts = [w.group() for w in chosen]
        if _initials_match(acronym, texts):
            start = line_start + chosen[0].start()
            return text[start : line_start + len(window)].rstrip(",;"), start
    return None


def find_acronym_definitions(text: str) -> list[AcronymDefinition]:
    """Find ``Long Form (ACR)`` and ``ACR (Long Form)`` definitions.

    Args:
        text: The document text.

    Returns:
        Definitions in text order.
    """
    found: list[AcronymDefinition] = []
    for match in PAREN_ACRONYM.finditer(text):
        acronym = match.group("acr")
        long = _long_form_before(text, match.start(), acronym)
        if long is not None:
            found.append(AcronymDefinition(long[0], long[1], acronym, match.start("acr")))
    for match in _ACR_PAREN.finditer(text):
        acronym, long = match.group("acr"), match.group("long").strip()
        words = long.split()
        if len(words) < 2 or long.upper() == long:
            continue
        if words[0][0].lower() == acronym[0].lower() and _initials_match(acronym, words):
            found.append(AcronymDefinition(long, match.start("long"), acronym, match.start("acr")))
    return sorted(found, key=lambda d: d.long_start)
