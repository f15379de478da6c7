"""What the readers share: the input reference, the two outcomes of reading, the text checks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import InputError

WarningDict = dict[str, str]

STDIN = "-"

DOCUMENT_KINDS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
"""Suffixes of files that hold one release each (the ones a folder is searched for)."""

CORPUS_KINDS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv": "csv",
    ".csv.gz": "csv",
}
"""Suffixes of files that hold one release per row."""


def kind_of(name: str) -> str:
    """The reader for a file name: ``text``, ``markdown``, ``html``, ``jsonl`` or ``csv``
    (a name with no known suffix is read as text)."""
    lowered = name.lower()
    for suffix, kind in CORPUS_KINDS.items():
        if lowered.endswith(suffix):
            return kind
    return DOCUMENT_KINDS.get(os.path.splitext(lowered)[1], "text")


def display_name(path: str | os.PathLike[str]) -> str:
    """A path as valid text for output: bytes of a name that are not UTF-8 (which Python keeps
    as surrogate escapes) are written as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class InputRef:
    """One input the command line named or a folder held.

    Attributes:
        source: The name written to the output (``display_name`` of the path, or ``-``).
        path: The file; ``None`` for standard input.
        kind: The reader: ``text``, ``markdown``, ``html``, ``jsonl``, ``csv``; empty to choose
            by the file name.
        problem: ``(error type, message)`` when the input was unusable before reading (a
            symbolic-link loop, a broken link, a folder that cannot be listed).
    """

    source: str
    path: Path | None
    kind: str = ""
    problem: tuple[str, str] | None = None

    @property
    def reader(self) -> str:
        """The reader this input goes to."""
        if self.kind:
            return self.kind
        return "text" if self.path is None else kind_of(self.path.name)

    @property
    def is_corpus(self) -> bool:
        """Whether the input holds one release per row."""
        return self.reader in ("jsonl", "csv")


@dataclass(frozen=True)
class Document:
    """A text ready for extraction: the spans of its record index ``text``."""

    source: str
    text: str
    warnings: tuple[WarningDict, ...] = field(default=())


@dataclass(frozen=True)
class Unreadable:
    """An input that gives an error line instead of a record."""

    source: str
    code: str
    message: str

    @classmethod
    def from_error(cls, source: str, error: InputError) -> Unreadable:
        """The unreadable input an :class:`InputError` describes."""
        return cls(source, error.code, str(error))


def check_text(text: object, *, max_chars: int) -> str:
    """Return ``text`` if it can be extracted from, else raise :class:`InputError`.

    Raises:
        InputError: for a non-string, an empty or whitespace-only text, or one longer than
            ``max_chars`` (code ``not_text``, ``empty`` or ``too_large``).
    """
    if not isinstance(text, str):
        raise InputError(f"expected the release as str, got {type(text).__name__}", code="not_text")
    if not text.strip():
        raise InputError("the release is empty (no visible characters)", code="empty")
    if len(text) > max_chars:
        raise InputError(
            f"the release has {len(text):,} characters; the limit is {max_chars:,} "
            "(raise it with max_chars / --max-chars)",
            code="too_large",
        )
    return text
