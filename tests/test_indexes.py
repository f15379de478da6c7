"""The lookups that keep long texts linear give what the scans they replaced gave.

Each index answers a per-mention question (which spans hold an offset, which end at one,
which people a surname can join) without a scan over every span; the tests compare it with
that scan on generated inputs.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.components._org_filters import prose_words
from extractor.components.people.linking import link_mentions
from extractor.components.people.names import Mention
from extractor.components.people.roles import OrgSpan, OrgSpans
from extractor.text.intervals import Ranges

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=15,
)


@settings(max_examples=300, deadline=None)
@given(spans=spans, position=st.integers(0, 90))
def test_first_holding_is_the_first_span_in_order_that_holds_the_offset(
    spans: list[tuple[int, int]], position: int
) -> None:
    orgs = OrgSpans(
        sorted(
            (OrgSpan(s, e, i) for i, (s, e) in enumerate(spans)), key=lambda o: (o.start, -o.end)
        )
    )
    expected = next((o for o in orgs if o.start <= position < o.end), None)
    assert orgs.first_holding(position) == expected


@settings(max_examples=300, deadline=None)
@given(spans=spans, begin=st.integers(0, 90), length=st.integers(0, 40))
def test_ranges_within_and_ending_at_are_the_scans(
    spans: list[tuple[int, int]], begin: int, length: int
) -> None:
    ranges = Ranges(spans)
    ordered = sorted(spans)
    end = begin + length
    assert ranges.within(begin, end) == [r for r in ordered if begin <= r[0] and r[1] <= end]
    assert ranges.ending_at(end) == [r for r in ordered if r[1] == end]
    assert list(ranges) == ordered


_CHUNKS = ["utilities", "Utilities", "www.utilities.com", "utilities.", "utilities,", "(utilities)"]


@settings(max_examples=300, deadline=None)
@given(
    chunks=st.lists(
        st.tuples(st.sampled_from(_CHUNKS), st.sampled_from([" ", "\n", "", ". ", "; "])),
        max_size=8,
    )
)
@example(chunks=[("Go", " "), ("www.utilities.com", "")])  # inside an address: not prose
def test_prose_words_is_the_search_for_each_word(chunks: list[tuple[str, str]]) -> None:
    text = "".join(c + s for c, s in chunks)
    prose = prose_words(text)
    for word in ("utilities", "Utilities", "www.utilities.com", "(utilities"):
        pattern = rf"(?<=\s){re.escape(word)}(?=[\s,;:!?)]|\.(?:\s|$))"
        assert (word in prose) == (re.search(pattern, text) is not None), (word, text)


def _mention(name: str, start: int, honorific: str | None = None) -> Mention:
    return Mention(name=name, start=start, end=start + len(name), honorific=honorific)


def test_linking_joins_surnames_to_the_latest_person_of_the_right_gender() -> None:
    people = link_mentions(
        [
            _mention("Anna Keller", 0),
            _mention("Thomas Keller", 20, "Mr."),
            _mention("Keller", 40, "Ms."),  # the latest Keller is Thomas, of the other gender
            _mention("Keller", 60),
            _mention("Wang Lei", 80),
            _mention("Wang", 100),  # family name first
            _mention("Roe", 120),  # introduced by surname first ...
            _mention("Jane Roe", 140),  # ... then in full: the same person, renamed
            _mention("Roe", 160),
        ]
    )
    names = {p.name: p.mentions for p in people}
    assert names == {
        "Anna Keller": [(0, 11), (40, 46)],
        "Thomas Keller": [(20, 33), (60, 66)],
        "Wang Lei": [(80, 88), (100, 104)],
        "Jane Roe": [(120, 123), (140, 148), (160, 163)],
    }
