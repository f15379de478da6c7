"""Plain text: bytes to the text the spans index (decoding, newlines, control characters).

The decoding, in order:

1. a byte-order mark names the encoding (UTF-8, UTF-16 or UTF-32, either byte order); the mark
   is dropped;
2. otherwise strict UTF-8;
3. otherwise the encoding the document declares (an HTML ``<meta charset>``), if any;
4. otherwise a guess by ``charset-normalizer``, with cp1252 (the usual legacy encoding of
   English text) preferred whenever the guesser rates it as good as its first choice; the
   record gets a ``legacy_encoding`` warning naming the encoding;
5. when nothing fits, UTF-8 with every bad byte replaced by U+FFFD (warning ``invalid_utf8``).
   Text that is mostly valid UTF-8 with a few damaged bytes takes this route directly, so one
   bad byte never turns a UTF-8 release into mojibake.

Then every line ending (CRLF or a lone CR) becomes LF: what ``open(path).read()`` returns with
Python's universal newlines, minus the byte-order mark. A text is ``binary`` only when control
characters and replacement characters make up more than 10 % of the whole text; a few stray
ones (a NUL anywhere in a long release) are kept and reported (``control_characters``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from extractor.errors import InputError

WarningDict = dict[str, str]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
PREFERRED_LEGACY = "cp1252"
BINARY_SHARE = 0.10
"""Share of control and replacement characters above which a text is ``binary``."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""C0 controls and DEL, except tab, line feed, form feed and carriage return."""
_NEWLINES = re.compile(r"\r\n?")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass
class Decoded:
    """A decoded text, the encoding used and what was noticed on the way."""

    text: str
    encoding: str
    warnings: list[WarningDict] = field(default_factory=list)


def _warning(code: str, message: str) -> WarningDict:
    return {"code": code, "message": message}


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark at the start of ``data`` names, and the mark's length."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _replaced(data: bytes, encoding: str, error: UnicodeDecodeError, code: str) -> Decoded:
    text = data.decode(encoding, errors="replace")
    count = text.count("\ufffd")
    message = (
        f"the input is not valid {encoding.upper()} (first bad byte at offset {error.start}); "
        f"{count} invalid byte sequences were replaced with U+FFFD"
    )
    return Decoded(text, encoding, [_warning(code, message)])


def _mostly_utf8(data: bytes) -> bool:
    """Whether the invalid UTF-8 in ``data`` looks like damage to a UTF-8 text: it holds at
    least as many valid multi-byte sequences as invalid ones."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    return valid >= invalid and valid > 0


def guess_encoding(data: bytes) -> str | None:
    """A legacy encoding for bytes that are not UTF-8 (cp1252 when it fits as well as the
    guesser's first choice), or ``None`` when nothing fits."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=[PREFERRED_LEGACY]).best()
    if western is not None and (
        best is None or (western.chaos <= best.chaos and western.coherence >= best.coherence - 0.01)
    ):
        return PREFERRED_LEGACY
    return best.encoding if best is not None else None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_like_utf16(text: str) -> bool:
    return text.count("\x00") > len(text) * 0.2


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode bytes (see the module docstring for the order of attempts).

    Args:
        data: The raw bytes.
        declared: An encoding the document names for itself (HTML ``<meta charset>``).
    """
    found = bom_encoding(data)
    if found is not None:
        encoding, length = found
        body = data[length:]
        try:
            return Decoded(body.decode(encoding), encoding)
        except UnicodeDecodeError as error:
            code = "invalid_utf8" if encoding == "utf-8" else "replaced_characters"
            return _replaced(body, encoding, error, code)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_error = error
    else:
        if not _looks_like_utf16(text):
            return Decoded(text, "utf-8")
        guessed = guess_encoding(data)
        if guessed is None or not guessed.startswith("utf_"):
            return Decoded(text, "utf-8")
        note = f"decoded as {guessed.upper()} (no byte-order mark; guessed from the bytes)"
        return Decoded(data.decode(guessed, errors="replace"), guessed, [_legacy(note)])
    codec = _known_codec(declared)
    if codec is not None and codec != "utf-8":
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            note = f"decoded as {codec} (declared by the document; not valid UTF-8)"
            return Decoded(text, codec, [_legacy(note)])
    if not _mostly_utf8(data):
        guessed = guess_encoding(data)
        if guessed is not None:
            note = (
                f"decoded as {guessed} (guessed: the input is not valid UTF-8, first bad byte "
                f"at offset {first_error.start})"
            )
            return Decoded(data.decode(guessed, errors="replace"), guessed, [_legacy(note)])
    return _replaced(data, "utf-8", first_error, "invalid_utf8")


def _legacy(message: str) -> WarningDict:
    return _warning("legacy_encoding", message)


def normalise_newlines(text: str) -> str:
    """Every CRLF and lone CR as LF (Python's universal newlines)."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def replace_surrogates(text: str) -> tuple[str, list[WarningDict]]:
    """Lone surrogates (which JSON escapes such as ``\\ud800`` can produce) as U+FFFD."""
    found = _SURROGATE.search(text)
    if found is None:
        return text, []
    fixed, count = _SURROGATE.subn("\ufffd", text)
    message = (
        f"{count} lone surrogate code points (first at character {found.start()}) were "
        "replaced with U+FFFD"
    )
    return fixed, [_warning("replaced_characters", message)]


def check_controls(text: str) -> list[WarningDict]:
    """Warnings for stray control characters; :class:`InputError` when the text is binary.

    The test runs over the whole text: control characters (C0 except tab, LF, FF, CR; and DEL)
    plus U+FFFD replacement characters above 10 % of it make it ``binary``.

    Raises:
        InputError: code ``binary``.
    """
    controls = _CONTROL.findall(text)
    suspicious = len(controls) + text.count("\ufffd")
    if text and suspicious > len(text) * BINARY_SHARE:
        raise InputError(
            f"the input looks binary: {suspicious:,} of its {len(text):,} characters are "
            "control or replacement characters",
            code="binary",
        )
    if not controls:
        return []
    first = _CONTROL.search(text)
    assert first is not None
    kinds = ", ".join(sorted({f"U+{ord(c):04X}" for c in controls})[:5])
    return [
        _warning(
            "control_characters",
            f"{len(controls)} control characters ({kinds}) kept in the text, the first at "
            f"character {first.start()}",
        )
    ]


def finish(text: str, warnings: list[WarningDict] | None = None) -> tuple[str, list[WarningDict]]:
    """The last steps every reader takes: newlines as LF, surrogates and controls checked.

    Raises:
        InputError: for a binary text.
    """
    text, surrogates = replace_surrogates(normalise_newlines(text))
    return text, [*(warnings or []), *surrogates, *check_controls(text)]


def read_text(data: bytes) -> tuple[str, list[WarningDict]]:
    """A plain-text file's bytes as the text the spans index, with its warnings.

    Raises:
        InputError: for a binary file.
    """
    decoded = decode(data)
    return finish(decoded.text, decoded.warnings)
