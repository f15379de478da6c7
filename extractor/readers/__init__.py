"""Readers: each input (a file, a corpus row, standard input) becomes the text its record's
spans index, or the reason it cannot be extracted.

| input | the text the spans index |
|---|---|
| ``.txt``, other names, ``-`` | the decoded text (:mod:`~extractor.readers.text`) |
| ``.md``, ``.markdown`` | the Markdown reduced to plain text (:mod:`~extractor.readers.markdown`) |
| ``.html``, ``.htm`` | the page's main text (:mod:`~extractor.readers.html`) |
| ``.jsonl``, ``.csv`` (``.gz``) rows | the row's text field(s) (:mod:`~extractor.readers.corpus`) |

Every kind ends the same way: line endings as LF, lone surrogates replaced, control characters
checked (binary texts refused), empty and too large texts refused. Readers never print; what
they notice travels as warnings on the :class:`Document` or as an :class:`Unreadable`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from extractor.errors import InputError
from extractor.readers.base import (
    STDIN,
    Document,
    InputRef,
    Unreadable,
    WarningDict,
    check_text,
    display_name,
    kind_of,
)
from extractor.readers.corpus import RowFields, count_rows, iter_csv, iter_jsonl
from extractor.readers.paths import collect_inputs, read_file_list
from extractor.readers.text import decode, finish

__all__ = [
    "STDIN",
    "Document",
    "InputRef",
    "RowFields",
    "Unreadable",
    "check_text",
    "collect_inputs",
    "count_inputs",
    "display_name",
    "iter_documents",
    "kind_of",
    "read_document",
    "read_file_list",
]


def _read_bytes(ref: InputRef, max_chars: int, stdin: IO[bytes] | None) -> bytes:
    if ref.path is None:
        return (stdin or sys.stdin.buffer).read()
    try:
        size = ref.path.stat().st_size
        if size > 4 * max_chars + 1024:
            raise InputError(
                f"the file has {size:,} bytes, over the limit of {max_chars:,} characters "
                "(raise it with --max-chars)",
                code="too_large",
            )
        return ref.path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {ref.source}: {error.strerror}", code="unreadable") from None


def read_document(
    ref: InputRef, *, max_chars: int, stdin: IO[bytes] | None = None
) -> tuple[str, list[WarningDict]]:
    """The text of a one-release input (text, Markdown, HTML, stdin) and its warnings.

    Raises:
        InputError: for an unreadable, binary, empty, too deep or too large input.
    """
    if ref.problem is not None:
        code, message = ref.problem
        raise InputError(message, code=code)
    data = _read_bytes(ref, max_chars, stdin)
    kind = ref.reader
    if kind == "html":
        from extractor.readers.html import declared_charset, html_main_text

        decoded = decode(data, declared=declared_charset(data))
        text, warnings = finish(html_main_text(decoded.text), decoded.warnings)
    elif kind == "markdown":
        from extractor.readers.markdown import markdown_to_text

        decoded = decode(data)
        text, warnings = finish(decoded.text, decoded.warnings)
        text = markdown_to_text(text)
    else:
        decoded = decode(data)
        text, warnings = finish(decoded.text, decoded.warnings)
    check_text(text, max_chars=max_chars)
    return text, warnings


def iter_documents(
    inputs: Iterable[InputRef],
    *,
    max_chars: int,
    fields: RowFields | None = None,
    skip: Callable[[str], bool] | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | Unreadable]:
    """Every document of ``inputs`` in order (a corpus file gives one per row), lazily.

    Args:
        inputs: From :func:`collect_inputs`.
        max_chars: Longest text accepted.
        fields: Which row fields hold the text and the id (corpus files).
        skip: Sources to leave out (already written by an earlier run); a skipped file is
            not read.
        stdin: Standard input's bytes (default ``sys.stdin.buffer``).
    """
    fields = fields or RowFields()
    for ref in inputs:
        if ref.is_corpus and ref.path is not None and ref.problem is None:
            rows = iter_jsonl if ref.reader == "jsonl" else iter_csv
            yield from rows(ref.path, ref.source, fields, max_chars=max_chars, skip=skip)
            continue
        if skip is not None and skip(ref.source):
            continue
        try:
            text, warnings = read_document(ref, max_chars=max_chars, stdin=stdin)
        except InputError as error:
            yield Unreadable.from_error(ref.source, error)
        else:
            yield Document(ref.source, text, tuple(warnings))


def count_inputs(inputs: Iterable[InputRef]) -> int | None:
    """How many output lines ``inputs`` give (``None`` when a corpus cannot be counted)."""
    total = 0
    for ref in inputs:
        if ref.is_corpus and ref.path is not None and ref.problem is None:
            rows = count_rows(ref.path, ref.reader)
            if rows is None:
                return None
            total += rows
        else:
            total += 1
    return total
