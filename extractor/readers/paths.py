"""Collect inputs: files, folders (recursively), ``-`` for standard input, file lists.

A folder is searched for release files (``.txt``, ``.md``, ``.markdown``, ``.html``, ``.htm``)
in sorted order; symbolic links are followed, a link that loops (to itself, or to a folder that
contains it) and a broken link with a release suffix become inputs that give an error line, and
so does a subfolder that cannot be listed. Corpus files (``.jsonl``, ``.csv``, …) are read when
named, not when found in a folder.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from extractor.errors import UsageError
from extractor.readers.base import DOCUMENT_KINDS, STDIN, InputRef, display_name

_Key = tuple[int, int]


def _is_document(name: str) -> bool:
    return os.path.splitext(name.lower())[1] in DOCUMENT_KINDS


def _problem(path: Path, code: str, message: str) -> InputRef:
    source = display_name(path)
    return InputRef(source, path, problem=(code, f"{source}: {message}"))


def _key(status: os.stat_result) -> _Key:
    return status.st_dev, status.st_ino


def _walk(folder: Path, ancestors: frozenset[_Key]) -> Iterator[InputRef]:
    """Release files under ``folder`` in sorted order, and problems in their place."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield _problem(folder, "unreadable", f"cannot list the folder: {error.strerror}")
        return
    for entry in entries:
        path = folder / entry.name
        try:
            status = os.stat(path)  # follows symbolic links
        except OSError as error:
            if error.errno == errno.ELOOP:
                yield _problem(path, "symlink_loop", "symbolic link loop (it resolves to itself)")
            elif entry.is_symlink() and _is_document(entry.name):
                yield _problem(path, "unreadable", "broken symbolic link")
            continue
        if stat.S_ISDIR(status.st_mode):
            if _key(status) in ancestors:
                yield _problem(
                    path, "symlink_loop", "symbolic link loop (it points to a folder above it)"
                )
            else:
                yield from _walk(path, ancestors | {_key(status)})
        elif stat.S_ISREG(status.st_mode) and _is_document(entry.name):
            yield InputRef(display_name(path), path)


def _expand(raw: str) -> list[InputRef]:
    if raw == STDIN:
        return [InputRef(STDIN, None)]
    path = Path(raw)
    try:
        status = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UsageError(f"symbolic link loop: {display_name(raw)}") from None
        raise UsageError(f"no such file or folder: {display_name(raw)}") from None
    if not stat.S_ISDIR(status.st_mode):
        return [InputRef(display_name(raw), path)]
    found = list(_walk(path, frozenset({_key(status)})))
    if not found:
        raise UsageError(
            f"folder {display_name(raw)} has no inputs (expected files ending in "
            f"{', '.join(sorted(DOCUMENT_KINDS))}; name corpus files such as .jsonl or .csv "
            "directly)"
        )
    return found


def read_file_list(handle: IO[bytes]) -> list[str]:
    """Paths from a ``--files-from`` list: one per line, blank lines skipped, any bytes kept."""
    names = []
    for line in handle.read().split(b"\n"):
        line = line.rstrip(b"\r")
        if line.strip():
            names.append(os.fsdecode(line))
    return names


def collect_inputs(paths: Iterable[str]) -> list[InputRef]:
    """Expand files, folders (recursively, by suffix) and ``-`` into an ordered input list.

    Raises:
        UsageError: for a path that does not exist, a link loop named on the command line, a
            folder with no inputs, or ``-`` given twice.
    """
    inputs: list[InputRef] = []
    for raw in paths:
        inputs.extend(_expand(raw))
    if sum(1 for ref in inputs if ref.path is None) > 1:
        raise UsageError("standard input (-) can be read only once")
    return inputs
