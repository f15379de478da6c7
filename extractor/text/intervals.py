"""Character ranges looked up in logarithmic time (no scan over every range per query)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate


class Ranges:
    """A fixed set of ``(start, end)`` character ranges, possibly overlapping.

    ``covers(position)`` answers "is ``position`` inside any range" and ``starting_in(a, b)``
    lists the ranges that start in ``[a, b)``, both without scanning every range: the checks
    that run once per mention stay linear in the length of the document overall.
    """

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._starts = [start for start, _ in self._ranges]
        self._reach = list(accumulate((end for _, end in self._ranges), max))
        self._by_end: dict[int, list[tuple[int, int]]] = {}
        for found in self._ranges:
            self._by_end.setdefault(found[1], []).append(found)

    def __len__(self) -> int:
        return len(self._ranges)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._ranges)

    def covers(self, position: int) -> bool:
        """Whether some range holds ``position`` (``start <= position < end``)."""
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and self._reach[index] > position

    def starting_in(self, begin: int, end: int) -> Iterator[tuple[int, int]]:
        """The ranges whose start lies in ``[begin, end)``, in order."""
        low = bisect_left(self._starts, begin)
        high = bisect_left(self._starts, end)
        return iter(self._ranges[low:high])

    def within(self, begin: int, end: int) -> list[tuple[int, int]]:
        """The ranges that lie inside ``[begin, end)``, in order."""
        return [found for found in self.starting_in(begin, end) if found[1] <= end]

    def ending_at(self, end: int) -> list[tuple[int, int]]:
        """The ranges that end at ``end``, in order."""
        return self._by_end.get(end, [])


def overlaps(ranges: Ranges, start: int, end: int) -> bool:
    """Whether some range shares a character with ``[start, end)``."""
    return ranges.covers(start) or any(True for _ in ranges.starting_in(start, end))
