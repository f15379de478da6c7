"""The text a record's spans index: from the batch line, else re-read from its source file.

:func:`reread_source` is the one place where the report reads input files; it reads them with
the batch's own reader so that HTML pages give the same main text and undecodable bytes the
same replacement characters as when the record was extracted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractor.report.lines import BatchEntry

# The report re-reads files that were extracted already; the batch's size limit (which the
# user may have raised with --max-chars) is not known here, so none is applied.
_NO_LIMIT = 1 << 40


@dataclass(frozen=True)
class PageText:
    """The text for one release page and where it came from.

    Attributes:
        text: The text, or None when neither the line nor the source file gives it.
        origin: ``"line"`` (``--include-text``), ``"file"`` (re-read) or ``""`` (no text).
        note: A sentence for the page saying where the text came from or why it is missing.
    """

    text: str | None
    origin: str
    note: str


def reread_source(source: str) -> str:
    """Read a source file the same way ``press-extract extract`` read it.

    Relative paths are taken from the current folder, as the batch took them.

    Raises:
        OSError: when there is no such file.
        extractor.errors.InputError: when the batch reader rejects the file.
    """
    from extractor.errors import InputError
    from extractor.readers import InputRef, read_document

    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f"no file {source} (relative to the current folder)")
    ref = InputRef(source, path)
    if ref.is_corpus:
        raise InputError(
            f"{source} is a corpus file (one release per row), not one release", code="not_text"
        )
    text, _ = read_document(ref, max_chars=_NO_LIMIT)
    return text


def page_text(entry: BatchEntry) -> PageText:
    """The text for an entry's page: the line's ``text``, else its source file re-read."""
    if entry.text is not None:
        return PageText(
            entry.text, "line", "Text from the batch line (extracted with --include-text)."
        )
    from extractor.readers import STDIN  # the readers load when a page needs them

    missing = "The batch line carries no text (extract was run without --include-text)"
    if not entry.source or entry.source == STDIN:
        what = "standard input" if entry.source == STDIN else "no source"
        return PageText(None, "", f"{missing}, and the input was {what}, which cannot be re-read.")
    from extractor.errors import ExtractorError

    try:
        text = reread_source(entry.source)
    except (OSError, ExtractorError) as error:
        return PageText(None, "", f"{missing}, and the source cannot be re-read: {error}.")
    return PageText(text, "file", f"Text re-read from the source file {entry.source}.")
