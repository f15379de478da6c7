"""Many literal phrases found in one pass over a text's words.

A regular expression ``(?<!\\w)(?:NAME1|NAME2|…)(?!\\w)`` built from the names of a document
tries every name at every position: on a text of several million characters with thousands of
names that is hours. :func:`find_phrases` finds the same matches by looking up, at each place
a word starts, only the phrases that begin with that word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=16)
def _patterns(
    not_before: str, not_after: str, starts: str
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(where a phrase may start, not preceded by a word character or ``not_before``; a
    character that may not follow a phrase).

    ``starts`` says what the phrases begin with, so that only those places are visited:
    ``"upper"`` a capital A–Z (names: a word run starting with one), ``"word"`` any word
    character (a word run), ``"any"`` (a word run or one other character)."""
    before = re.escape(not_before)
    start = {"upper": r"[A-Z]\w*", "word": r"\w+", "any": r"\w+|[^\w]"}[starts]
    return (
        re.compile(rf"(?<![\w{before}])(?:{start})", re.DOTALL),
        re.compile(rf"[\w{re.escape(not_after)}]"),
    )


def find_phrases(
    text: str,
    phrases: Iterable[str],
    *,
    start: int = 0,
    not_before: str = "",
    not_after: str = "",
) -> list[tuple[int, int, str]]:
    """Where ``phrases`` are written as whole words: left to right, without overlap, the
    longest phrase at each place.

    The result is the matches of
    ``re.finditer(r"(?<![\\w{not_before}])(?:P1|P2|…)(?![\\w{not_after}])", text, start)`` with
    the phrases escaped and tried longest first, in time linear in the text for any number
    of phrases.

    Args:
        text: The text.
        phrases: Literal phrases (empty ones are ignored).
        start: Where to start looking.
        not_before: Characters that, besides word characters, may not come right before a
            phrase (``"-'"``: not inside "Smith-Jones" or "O'Brien").
        not_after: Characters that, besides word characters, may not come right after one.

    Returns:
        ``(start, end, phrase)`` of each occurrence, in text order.
    """
    by_key: dict[str, list[str]] = {}
    for phrase in sorted({p for p in phrases if p}, key=len, reverse=True):
        first = _WORD_RUN.match(phrase)
        by_key.setdefault(first.group() if first else phrase[0], []).append(phrase)
    found: list[tuple[int, int, str]] = []
    if not by_key:
        return found
    if all("A" <= key[0] <= "Z" for key in by_key):
        starts = "upper"
    elif all(_WORD_RUN.match(key) for key in by_key):
        starts = "word"
    else:
        starts = "any"
    candidates, blocked_after = _patterns(not_before, not_after, starts)
    end = start
    for candidate in candidates.finditer(text, start):
        at = candidate.start()
        if at < end:
            continue  # inside the previous occurrence
        for phrase in by_key.get(candidate.group(), ()):
            stop = at + len(phrase)
            if text.startswith(phrase, at) and not blocked_after.match(text, stop):
                found.append((at, stop, phrase))
                end = stop
                break
    return found


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression (source) matching any of ``words``, built as a trie.

    It matches what ``"|".join(map(re.escape, sorted(words, key=len, reverse=True)))`` matches,
    longest word first, but tries each character once instead of every word at every place:
    of the words written at a place, one at most continues with the text's next character.
    """
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
