"""Guards that keep every input's cost linear in its length, with spans on the original text.

* **Long runs.** spaCy's tokenizer strips prefixes and suffixes one character at a time and
  searches the rest again each time, so a run of characters without a space costs time
  quadratic in its length: 10,000 ``"`` in a row take about 11 s, 50,000 take minutes. A run
  of non-space characters longer than :data:`MAX_RUN` is tokenised in pieces of at most that
  length, the rest of the text as usual, and the pieces are joined with ``Doc.from_docs``:
  ``doc.text`` is the input, character for character, and no token other than a run of spaces
  (which costs linear time) is longer than :data:`MAX_RUN`.
* **Long texts.** The statistical model needs memory roughly in proportion to the length of one
  Doc (about 3 GB per million characters here) and slows down past that. A text longer than
  ``Settings.chunk_chars`` goes through the model's own components in pieces cut at paragraph
  breaks (else line breaks, else spaces); the analysed pieces are joined into one Doc, which the
  toolkit's components then read whole. Sentences and entities cannot cross a cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

MAX_RUN = 400
"""Longest run of characters without a space that is tokenised in one piece."""


def _long_run_pattern(limit: int) -> re.Pattern[str]:
    return re.compile(rf"\S{{{limit + 1},}}")


def long_runs(text: str, limit: int = MAX_RUN) -> list[tuple[int, int]]:
    """``(start, end)`` of every run of non-space characters longer than ``limit``."""
    return [found.span() for found in _long_run_pattern(limit).finditer(text)]


def pieces(text: str, limit: int = MAX_RUN) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces that tokenise independently: the text between
    long runs as it is, each long run in slices of at most ``limit`` characters."""
    out: list[tuple[int, int]] = []
    position = 0
    for start, end in long_runs(text, limit):
        if start > position:
            out.append((position, start))
        out.extend((cut, min(cut + limit, end)) for cut in range(start, end, limit))
        position = end
    if position < len(text) or not out:
        out.append((position, len(text)))
    return out


def join_docs(docs: Sequence[Doc]) -> Doc:
    """One Doc from consecutive pieces: its text is the pieces' texts, joined as they are."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(list(docs), ensure_whitespace=False)


def make_doc(nlp: Language, text: str, limit: int = MAX_RUN) -> Doc:
    """``nlp.make_doc(text)`` in time linear in ``len(text)``: long runs are tokenised in pieces.

    The returned Doc's text equals ``text``; no token except a run of spaces is longer than
    ``limit`` characters. A text without long runs gives exactly ``nlp.make_doc``'s result.
    """
    cuts = pieces(text, limit)
    if len(cuts) == 1:
        return nlp.tokenizer(text)
    return join_docs([nlp.tokenizer(text[start:end]) for start, end in cuts])


_BREAKS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\n[ \t]*\n\s*"),  # after a paragraph break
    re.compile(r"\n\s*"),  # after a line break
    re.compile(r"\s+"),  # after a space
)


def chunk_bounds(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` chunks of about ``size`` characters (at most ``size``), each ending
    after a paragraph break when one falls in its second half, else a line break, else a
    space, else cut hard."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        window = text[start + size // 2 : end]
        cut = end
        for pattern in _BREAKS:
            found = None
            for found in pattern.finditer(window):  # noqa: B007 (the last match counts)
                pass
            if found is not None:
                cut = start + size // 2 + found.end()
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def analyse_in_chunks(
    nlp: Language,
    text: str,
    *,
    model_pipes: Iterable[str],
    size: int,
    limit: int = MAX_RUN,
) -> Doc:
    """Run the model's components over ``text`` in chunks of about ``size`` characters and
    join the analysed chunks into one Doc whose text is ``text``.

    Args:
        nlp: The pipeline.
        text: The long text.
        model_pipes: The components to run on each chunk (the statistical model's; the
            caller runs the others on the joined Doc).
        size: Chunk length in characters.
        limit: Longest run tokenised in one piece (see :func:`make_doc`).
    """
    names = set(model_pipes)
    chunks = [make_doc(nlp, text[start:end], limit) for start, end in chunk_bounds(text, size)]
    disable = [name for name in nlp.pipe_names if name not in names]
    analysed = list(nlp.pipe(chunks, batch_size=1, disable=disable))
    return join_docs(analysed)
