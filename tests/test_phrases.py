"""find_phrases: the matches of one alternation regex, found in one pass over the words."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.text.phrases import find_phrases, trie_pattern

_PIECES = ["Acme", "Acme Water", "O", "Brien", "Smith", "-", "'", "’", "&", "T", "AT", "(", "é"]
_SEPARATORS = [" ", "", "\n", ", ", "-", "'", "’"]


def _regex_matches(
    text: str, phrases: set[str], start: int, not_before: str, not_after: str
) -> list[tuple[int, int, str]]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    pattern = rf"(?<![\w{re.escape(not_before)}])(?:{alternatives})(?![\w{re.escape(not_after)}])"
    return [(m.start(), m.end(), m.group()) for m in re.compile(pattern).finditer(text, start)]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=25),
    phrases=st.sets(
        st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), min_size=1)
        .map(lambda parts: "".join(p + s for p, s in parts).strip())
        .filter(bool),
        min_size=1,
        max_size=5,
    ),
    start=st.integers(min_value=0, max_value=20),
    boundaries=st.sampled_from([("", ""), ("’'-", "-")]),
)
@example(
    pieces=[("Acme", " "), ("Water", " ")],
    phrases={"Acme", "Acme Water", "Water"},
    start=0,
    boundaries=("", ""),
)  # the longer phrase wins at the same place; none inside it
@example(
    pieces=[("Smith", "-"), ("Jones", " "), ("Smith", " ")],
    phrases={"Smith"},
    start=0,
    boundaries=("’'-", "-"),
)  # not inside a hyphenated name
def test_find_phrases_is_the_alternation_regex(
    pieces: list[tuple[str, str]],
    phrases: set[str],
    start: int,
    boundaries: tuple[str, str],
) -> None:
    text = "".join(p + s for p, s in pieces)
    not_before, not_after = boundaries
    expected = _regex_matches(text, phrases, start, not_before, not_after)
    found = find_phrases(text, phrases, start=start, not_before=not_before, not_after=not_after)
    assert found == expected


def test_find_phrases_with_no_phrases_finds_nothing() -> None:
    assert find_phrases("Acme Water said", []) == []
    assert find_phrases("Acme Water said", [""]) == []


def test_find_phrases_scales_to_many_phrases() -> None:
    """Ten thousand names over a long text: the one-pass search gives the regex's answer."""
    names = [f"Org{i} Holdings" for i in range(10_000)]
    text = " and ".join(names[::7]) + "."
    found = find_phrases(text, names)
    assert [phrase for _, _, phrase in found] == names[::7]
    assert all(text[a:b] == phrase for a, b, phrase in found)


@settings(max_examples=300, deadline=None)
@given(
    words=st.sets(st.text(alphabet="ab. -", min_size=1, max_size=5), min_size=1, max_size=8),
    text=st.text(alphabet="ab. -x", max_size=30),
)
@example(words={"say", "says", "said"}, text="she says so, he said")
def test_trie_pattern_matches_what_the_longest_first_alternation_matches(
    words: set[str], text: str
) -> None:
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    for suffix in ("", r"[ ]x"):  # alone, and where what follows decides between two words
        expected = [m.span() for m in re.finditer(rf"(?:{alternation}){suffix}", text)]
        found = [m.span() for m in re.finditer(rf"(?:{trie_pattern(words)}){suffix}", text)]
        assert found == expected
