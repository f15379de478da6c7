"""pr_entities: one reading of a name per document (label consistency after the NER).

A release names a person in full once ("Senator Richard Lugar") and then by surname
("Lugar said"), an organisation in full and then again and again; the statistical model
tags each mention on its own context and misses or mislabels many of the repeats ("Lugar"
as a place). This component makes the document agree with itself:

* a standalone word that is the surname of a person the model found in full (or the family
  name written first, after an honorific: "Mr Lim" for "Lim Ban Hock") becomes a PERSON
  mention, also where the model gave it another one-word label — unless the release uses the
  word more often inside the names of places and organisations than inside people's (one
  misreading of "the Lower Keys" as a person does not make every "Keys" one);
* a further occurrence of an organisation the model found (a multi-word name or an acronym)
  becomes an ORG mention where the model tagged nothing, unless the name goes on there
  ("Harbor Friends" of "Harbor Friends for Veterans");
* a company written right before its exchange tag ("Stratasys (NASDAQ: SSYS)") is an ORG
  whatever the model read there, and so is every other mention of its name, one-word names
  included ("Vertiv CEO" is not a person);
* a capitalised name that ends in a legal form ("Happy Stan’s Recycling Services Ltd.", "Jin
  Li Mould Manufacturing Pte Ltd") is one ORG, over the pieces the model cut it into or the
  person it read there, and its mentions without the legal form are ORGs too;
* an acronym defined right after an organisation ("Corrupt Practices Investigation Bureau
  (CPIB)") is an ORG wherever the release uses it;
* a list whose names the model mostly read as organisations (a bulleted list of sponsors,
  "partners including MoonPay, Banxa, Simplex and Legend Trading") is a list of
  organisations: the names in it the model left untagged are ORGs too;
* a name the model read as an organisation but written with a job title in apposition
  ("Matan Slagter, CEO and Co-Founder at Armadillo") is a PERSON;
* a name the release gives an age ("Abdul Rahim Bin Mawasi (“Rahim”), a 55-year-old male",
  "11-year-old Dominic Sumicek") is a PERSON, and the short form it defines in quotes is that
  person wherever used.

It also mends the job-title (ROLE) spans the model breaks: two ROLE pieces that touch are
one title ("Assistant District" + "Attorney"), a title takes in the title-case words right
before it that the model left out ("[District] Attorney Mike Hestrin") and title words it
cut from its end ("chief executive" + "officer"), and a parenthesis opened inside a title is
closed inside it ("Deputy Secretary (Policy)").

It only adds or relabels whole tokens outside longer entities, so it never cuts a name the
model found. Pure functions over token lists; the component is a thin adapter.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from spacy.attrs import ORTH, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.components._org_words import ORG_WORDS, PLACE_HEADS
from extractor.text.acronyms import find_acronym_definitions
from extractor.text.names import COMPANY_SUFFIX, ticker_symbols

_MIN_NAME_CHARS = 2


@dataclass(frozen=True)
class Ent:
    """An entity as token offsets: ``doc[start:end]`` with ``label``."""

    start: int
    end: int
    label: str


def _name_word(word: str) -> bool:
    """A capitalised word that can be a name on its own ("Lugar", "O’Neill", "LIM")."""
    core = word.replace("’", "").replace("'", "").replace("-", "")
    return len(core) >= _MIN_NAME_CHARS and core.isalpha() and word[:1].isupper()


def consistent_entities(
    words: list[str],
    ents: list[Ent],
    honorifics: frozenset[str] = frozenset(),
    listed: AbstractSet[tuple[str, ...]] = frozenset(),
    short_names: AbstractSet[tuple[str, ...]] = frozenset(),
    org_words: AbstractSet[str] = frozenset(),
) -> list[Ent]:
    """The entities of a document made consistent (see the module docstring).

    Args:
        words: The document's token texts.
        ents: The model's entities.
        honorifics: Words that introduce a name ("Mr", "Ms", "Dr"), lower-cased.
        listed: Names known to be companies (:func:`listed_companies`): every mention of
            one is an ORG, also a one-word name and where the model read a person or place.
        short_names: People's short forms defined in the text (:func:`described_people`):
            read as surnames.
        org_words: Lower-cased head words of organisations' names ("council", "bureau").

    Returns:
        The entities, with surname and repeated-organisation mentions added.
    """
    covered = [None] * len(words)  # index of the entity covering each token
    for index, ent in enumerate(ents):
        for i in range(ent.start, ent.end):
            covered[i] = index
    surnames: set[str] = set()
    family_first: set[str] = set()
    in_other_names: Counter[str] = Counter()  # "Keys" of "Florida Keys", "Lower Keys"
    in_people: Counter[str] = Counter()
    for ent in ents:
        tokens = words[ent.start : ent.end]
        if len(tokens) < 2:
            continue
        named = [w for w in tokens if _name_word(w)]
        if ent.label != "PERSON":
            # The model reads people as organisations ("A. Aubrey Bodine", "Del. Moon"): an
            # ORG counts against a surname only when its name says organisation ("Team").
            if ent.label != "ORG" or org_words.intersection(w.lower() for w in tokens):
                in_other_names.update(set(named))
            continue
        in_people.update(set(named))
        if len(named) >= 2:
            surnames.add(named[-1])
            family_first.add(named[0])
    # A surname the document uses more often inside the names of places and organisations
    # than inside people's is the model's one misreading, not a person to propagate.
    surnames = {w for w in surnames if in_people[w] >= in_other_names[w]}
    family_first = {w for w in family_first if in_people[w] >= in_other_names[w]}
    lower_words = {w for w in words if w.islower()}  # "Management" of "the management"
    surnames.update(name[0] for name in short_names if len(name) == 1)
    org_names = {
        tuple(words[e.start : e.end])
        for e in ents
        if e.label == "ORG"
        and (e.end - e.start >= 2 or (words[e.start].isupper() and len(words[e.start]) >= 2))
    } | {name for name in listed if len(name) > 1 or name[0].lower() not in lower_words}
    added: list[Ent] = []
    relabelled: dict[int, str] = {}
    for i, word in enumerate(words):
        owner = covered[i]
        single = owner is not None and ents[owner].end - ents[owner].start == 1
        if owner is not None and not (single and ents[owner].label != "PERSON"):
            continue
        before = words[i - 1] if i > 0 else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        after_is_name = bool(after) and after[:1].isupper() and after.isalpha()
        honorific_before = before.lower().rstrip(".") in honorifics
        shouted = word.isupper() and word.title() in surnames  # "SEN. ALLEN PRAISES ..."
        is_surname = (word in surnames and not after_is_name) or shouted
        is_family = word in family_first and honorific_before
        if is_surname or is_family:
            if owner is None:
                added.append(Ent(i, i + 1, "PERSON"))
            else:
                relabelled[owner] = "PERSON"
    for index, ent in enumerate(ents):
        if ent.label != "ORG" and tuple(words[ent.start : ent.end]) in listed:
            relabelled[index] = "ORG"  # "Vertiv" read as a person, "Vertiv (NYSE: VRT)"
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(org_names, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(name)
    i = 0
    while i < len(words):  # one pass, longest name first at each word
        for name in by_first.get(words[i], ()):
            size = len(name)
            after = words[i + size] if i + size < len(words) else ""
            then = words[i + size + 1] if i + size + 1 < len(words) else ""
            if (
                tuple(words[i : i + size]) == name
                and all(c is None for c in covered[i : i + size])
                and not after[:1].isdigit()  # "ISO 37122", "CES 2025": a standard, an event
                and not (after in ("of", "for") and then[:1].isupper())  # "Toys for Tots"
            ):
                added.append(Ent(i, i + size, "ORG"))
                i += size - 1
                break
        i += 1
    result = [Ent(e.start, e.end, relabelled.get(index, e.label)) for index, e in enumerate(ents)]
    return sorted(result + added, key=lambda e: (e.start, -e.end))


MAX_LISTED_NAME = 6
"""Words a listed company's name may have when the model marked nothing before its tag."""
_NAME_JOINERS = frozenset({"&", "and", "of"})


class _Layout(NamedTuple):
    """A document's text rebuilt from its tokens, with the offsets the steps below share."""

    text: str
    starts: list[int]  # each token's character offset (one past the end last)
    token_at: dict[int, int]  # character offset -> the token starting there


def _layout(words: list[str], spaces: list[bool]) -> _Layout:
    widths = [len(w) + s for w, s in zip(words, spaces, strict=True)]
    text = "".join(w + " " * s for w, s in zip(words, spaces, strict=True))
    starts = list(itertools.accumulate(widths, initial=0))
    return _Layout(text, starts, {start: i for i, start in enumerate(starts[:-1])})


def _owners(ents: list[Ent]) -> dict[int, int]:
    """Token index -> the index of the entity covering it."""
    return {i: index for index, e in enumerate(ents) for i in range(e.start, e.end)}


def _without_legal_form(
    words: list[str], layout: _Layout, begin: int, end: int
) -> tuple[str, ...] | None:
    """The words of name ``words[begin:end]`` before its legal form ("Healthcare Triangle"
    of "Healthcare Triangle, Inc."); None when it has none or nothing is left."""
    starts = layout.starts
    name = layout.text[starts[begin] : starts[end - 1] + len(words[end - 1])]
    legal = COMPANY_SUFFIX.search(name)
    if legal is None:
        return None
    cut = starts[begin] + legal.start()
    short = next(i for i in range(begin, end + 1) if i == end or starts[i] >= cut)
    return tuple(words[begin:short]) if short > begin else None


def listed_companies(
    words: list[str], spaces: list[bool], ents: list[Ent]
) -> tuple[list[Ent], set[tuple[str, ...]]]:
    """Companies named right before their exchange tag ("Stratasys (NASDAQ: SSYS)",
    "Healthcare Triangle, Inc. (Nasdaq: HCTI)"): whatever the model tagged there, or the
    capitalised words there when it tagged nothing, is an organisation.

    Args:
        words: The document's token texts.
        spaces: Whether each token is followed by a space.
        ents: The entities so far.

    Returns:
        The entities with those names as ORG, and each such name as a word tuple, also
        without its legal form ("Healthcare Triangle"), for :func:`consistent_entities`.
    """
    layout = _layout(words, spaces)
    ending = {e.end: index for index, e in enumerate(ents)}
    covered = {i for e in ents for i in range(e.start, e.end)}
    known = {tuple(words[e.start : e.end]) for e in ents if e.label == "ORG"}
    result = list(ents)
    names: set[tuple[str, ...]] = set()
    for tag_start, _ in ticker_symbols(layout.text):
        end = layout.token_at.get(tag_start)
        if end is None or end == 0:
            continue
        if end in ending:
            index = ending[end]
            ent = ents[index]
            if ent.label not in ("ORG", "PERSON", "GPE", "PRODUCT", "FAC", "NORP"):
                continue
            begin = ent.start
            result[index] = Ent(ent.start, ent.end, "ORG")
        else:
            begin = _name_before(words, end, covered)
            if begin is None:
                continue
            # a sentence's first word is capitalised too: where the document names the
            # company elsewhere with fewer words, that is its name ("Enter [Acme Corp]")
            begin = next((k for k in range(begin, end) if tuple(words[k:end]) in known), begin)
            result.append(Ent(begin, end, "ORG"))
        covered.update(range(begin, end))
        names.add(tuple(words[begin:end]))
        short = _without_legal_form(words, layout, begin, end)
        if short is not None and any(c.isalpha() for w in short for c in w):
            names.add(short)  # a number alone is not propagated as a name
    return sorted(result, key=lambda e: (e.start, -e.end)), names


def defined_acronyms(
    words: list[str], spaces: list[bool], ents: list[Ent]
) -> tuple[list[Ent], set[tuple[str, ...]]]:
    """An acronym defined in parentheses right after an organisation ("Corrupt Practices
    Investigation Bureau (CPIB)", Schwartz–Hearst initials) is an ORG there, and (through
    :func:`consistent_entities`) wherever the release uses it.

    Returns:
        The entities with the defining mentions as ORG, and the acronyms as one-word names.
    """
    layout = _layout(words, spaces)
    starts = layout.starts
    org_ends = {starts[e.end - 1] + len(words[e.end - 1]) for e in ents if e.label == "ORG"}
    owner = _owners(ents)
    result = list(ents)
    names: set[tuple[str, ...]] = set()
    for definition in find_acronym_definitions(layout.text):
        i = layout.token_at.get(definition.acronym_start)
        if (
            definition.acronym_start < definition.long_start  # "ACR (Long Form)"
            or definition.long_start + len(definition.long) not in org_ends
            or i is None
            or words[i] != definition.acronym
            or not _initials_cover(definition.acronym, definition.long)
        ):
            continue
        names.add((definition.acronym,))
        if i not in owner:
            result.append(Ent(i, i + 1, "ORG"))
        elif ents[owner[i]] == Ent(i, i + 1, ents[owner[i]].label):
            result[owner[i]] = Ent(i, i + 1, "ORG")  # "(CPIB)" read as a place
    return sorted(result, key=lambda e: (e.start, -e.end)), names


_AGE = re.compile(r"\b\d{1,3}-year-old\b")
_ALIAS = re.compile(r"[(\[][“\"]([^”\"()\[\]\n]{2,40})[”\"][)\]]")
_BEFORE_AGE = re.compile(rf"({_ALIAS.pattern})?[\s,]*(?:\([^()\n]{{0,20}}?,\s*|\(\s*)?(?:an?\s+)?$")
"""What stands between a name and its age: a short form, a comma, "(夏雁宾, ", "a"."""
_NAME_LINKS = frozenset({"bin", "binte", "bte", "s/o", "d/o", "@", "al", "van", "de", "von"})
MAX_DESCRIBED_NAME = 7
"""Words a person's name may have before its short form or age ("Mohd Mustaqim Kam @ Kam
Hock Beng (“Mustaqim”), a 64-year-old male")."""


def described_people(
    words: list[str], spaces: list[bool], ents: list[Ent]
) -> tuple[list[Ent], set[tuple[str, ...]]]:
    """People the release describes as people: a name followed by an age ("Abdul Rahim Bin
    Mawasi (“Rahim”), a 55-year-old male", "Malik (a 34-year-old male") or preceded by one
    ("11-year-old Dominic Sumicek"). The name becomes a PERSON whatever the model read; a
    short form defined in quotes right after it ("(“Rahim”)") is the person in every mention.

    Returns:
        The entities, and the short forms as word tuples (for :func:`consistent_entities`'
        surnames).
    """
    layout = _layout(words, spaces)
    text = layout.text
    if "-year-old" not in text:
        return ents, set()
    ends_at = {layout.starts[i] + len(word): i + 1 for i, word in enumerate(words)}
    owner = _owners(ents)
    found: list[tuple[int, int]] = []
    aliases: set[tuple[str, ...]] = set()
    for age in _AGE.finditer(text):
        after = layout.token_at.get(age.end() + 1)  # "11-year-old [Dominic Sumicek]"
        if after is not None and words[after][:1].isupper():
            end = after
            while end < len(words) and end - after < 4 and _name_token(words[end]):
                end += 1
            tagged = ents[owner[after]].label if after in owner else None
            if end - after >= 2 and tagged in (None, "PERSON", "ORG"):
                found.append((after, end))  # two words at least: "a 45-year-old Malaysian"
        before = _BEFORE_AGE.search(text[max(0, age.start() - 80) : age.start()])
        if before is None:
            continue
        end = ends_at.get(len(text[: age.start() - len(before.group())].rstrip()))
        if end is None:
            continue
        begin = end
        while begin > 0 and end - begin < MAX_DESCRIBED_NAME and _name_token(words[begin - 1]):
            if begin - 1 in owner and ents[owner[begin - 1]].label not in _ABSORBED:
                break
            begin -= 1
        while begin < end and words[begin].lower() in _NAME_LINKS:
            begin += 1
        if begin == end or (
            begin > 0 and begin - 1 not in owner and words[begin - 1][:1].isupper()
        ):
            continue  # no name, or a longer run of capitals than a name
        if all(w.lower() in STOP_WORDS for w in words[begin:end]):
            continue  # "The 35-year-old", "A 50-year-old"
        found.append((begin, end))
        if before.group(2):
            aliases.add(tuple(before.group(2).split()))
    removed: set[int] = set()
    added: list[Ent] = []
    for begin, end in found:
        inside = {owner[i] for i in range(begin, end) if i in owner}
        if any(ents[i].start < begin or ents[i].end > end for i in inside):
            continue  # an entity runs past the name: left to the model
        removed |= inside
        added.append(Ent(begin, end, "PERSON"))
    kept = [e for index, e in enumerate(ents) if index not in removed]
    return sorted(kept + added, key=lambda e: (e.start, -e.end)), aliases


def _name_token(word: str) -> bool:
    """A word of a person's name: capitalised, or a link such as "bin", "s/o", "@"."""
    return (word[:1].isupper() and any(c.isalpha() for c in word)) or word.lower() in _NAME_LINKS


def _initials_cover(acronym: str, long: str) -> bool:
    """Are the acronym's letters the long form's word initials (one may be missing in an
    acronym of three letters or more: "USCIS" of "U.S. Citizenship and Immigration
    Services")? A ticker is not: "EW" of "Edwards Lifesciences", "LLY" of "Eli Lilly"."""
    initials = Counter(w[0].lower() for w in re.split(r"[\s\-/]+", long) if w[:1].isalpha())
    letters = Counter(c.lower() for c in acronym if c.isalpha())
    matched = sum((letters & initials).values())
    size = sum(letters.values())
    return matched >= (size - 1 if size >= 3 else size)


MAX_LEGAL_NAME = 6
"""Words a company's name may have before its legal form."""
_LEGAL_JOINERS = frozenset({"&", "and", "’s", "'s", "-"})
_TIGHT_JOINERS = frozenset({"’s", "'s", "-"})
"""What joins a name to the entity before it ("[Happy Stan]’s Recycling Services Ltd."); an
"and" there joins two names ("University of Wisconsin and Geron Corporation")."""
_ABSORBED = frozenset({"ORG", "GPE", "PERSON", "NORP"})


def legal_form_names(
    words: list[str], spaces: list[bool], ents: list[Ent]
) -> tuple[list[Ent], set[tuple[str, ...]]]:
    """A capitalised name that ends in a legal form ("Happy Stan’s Recycling Services Ltd.",
    "Tom’s Tyre Pte Ltd", "NRx Pharmaceuticals, Inc.") is one ORG: the model's pieces inside
    it (an organisation cut in two, the person or place the company is named after) give way
    to it. The name stops at a lower-case word, a line break, a job title or another kind of
    entity, and after a capitalised function word (a title-case headline: "Partners With
    [Acme Inc.]"); a model span that runs past it is left alone.

    Returns:
        The entities, and each such name as a word tuple, also without its legal form, for
        :func:`consistent_entities`.
    """
    layout = _layout(words, spaces)
    text, starts = layout.text, layout.starts
    owner = _owners(ents)
    found: list[tuple[int, int]] = []
    org_starts = {e.end: e.start for e in ents if e.label == "ORG"}  # by where they end
    known = {tuple(words[e.start : e.end]) for e in ents if e.label == "ORG"}
    legal_ends = {}  # token ending a legal form -> where the legal form starts (a char)
    for last in range(1, len(words)):
        if not (words[last][:1].isupper() or words[last] in ("plc", "a.s.")):
            continue  # every legal form ends in a capital word but these two
        end_char = starts[last] + len(words[last])
        window = max(0, end_char - 40)
        legal = COMPANY_SUFFIX.search(text[window:end_char])
        if legal is not None:
            stripped = legal.group().lstrip(", ")
            legal_ends[last] = window + legal.end() - len(stripped)
    for last, first_char in legal_ends.items():
        if last + 1 in org_starts and (
            org_starts[last + 1] == 0 or words[org_starts[last + 1] - 1] not in _TIGHT_JOINERS
        ):
            continue  # the model found a name ending in the legal form: its reading stands
        if legal_ends.get(last + 1, len(text)) <= first_char:
            continue  # not the end of the legal form ("Pte" of "Pte Ltd")
        name_end = next((i for i in range(last + 1) if starts[i] >= first_char), last)
        if name_end > 0 and words[name_end - 1] == ",":
            name_end -= 1
        begin = _name_start(words, name_end, ents, owner, known)
        if begin is None:
            continue
        # a title-case headline runs into the name: where the document names the company
        # elsewhere with fewer words, that is its name ("Lawsuit Against [Acme Corp]")
        end = last + 1
        begin = next(
            (
                k
                for k in range(begin, end)
                if tuple(words[k:end]) in known and not any(i in owner for i in range(begin, k))
            ),
            begin,
        )
        found.append((begin, end))
    removed: set[int] = set()
    added: list[Ent] = []
    names: set[tuple[str, ...]] = set()
    for begin, end in found:
        inside = {owner[i] for i in range(begin, end) if i in owner}
        if any(ents[i].start < begin or ents[i].end > end for i in inside):
            continue  # the model's span runs past the name: left as it is
        if inside == {owner.get(begin)} and ents[owner[begin]] == Ent(begin, end, "ORG"):
            pass  # the model found it
        else:
            removed |= inside
            added.append(Ent(begin, end, "ORG"))
        names.add(tuple(words[begin:end]))
        short = _without_legal_form(words, layout, begin, end)
        if short is not None:
            names.add(short)
    kept = [e for index, e in enumerate(ents) if index not in removed]
    return sorted(kept + added, key=lambda e: (e.start, -e.end)), names


def _name_start(
    words: list[str],
    end: int,
    ents: list[Ent],
    owner: dict[int, int],
    known: set[tuple[str, ...]],
) -> int | None:
    """Where the capitalised name ending at token ``end`` (its legal form follows) begins;
    None when there is no such name or it is longer than :data:`MAX_LEGAL_NAME` words."""
    begin = end
    while begin > 0:
        word = words[begin - 1]
        if begin - 1 in owner:
            ent = ents[owner[begin - 1]]
            if ent.label not in _ABSORBED:
                return None  # a date, a title, a product: where the name starts is unclear
            begin = ent.start
            if begin == 0 or words[begin - 1] not in _TIGHT_JOINERS:
                break  # an entity starts the name unless joined to what precedes it
        elif "\n" in word:
            break
        elif word[:1].isupper() or word[:1].isdigit() or _inner_capital(word):
            if word.lower() in STOP_WORDS and begin < end:
                # "Lawsuit Filed Against [Acme Inc.]" (a title-case headline) or "All Things
                # Are [Possible Foundation Inc]": a name only where the model knows it
                name = tuple(words[begin:end])
                return begin if any(k[: len(name)] == name for k in known) else None
            begin -= 1
        elif begin < end and (
            word in _TIGHT_JOINERS or (word in _LEGAL_JOINERS and begin - 2 not in owner)
        ):
            begin -= 1
        elif word == ")" or any(c.isupper() for c in word):
            return None  # "(SAL) Ventures Ltd.", "--Burcon": where the name starts is unclear
        else:
            break
        if end - begin > MAX_LEGAL_NAME:
            return None
    while begin < end and (words[begin] in _LEGAL_JOINERS or words[begin] == "The"):
        begin += 1
    if not any(c.isalpha() for word in words[begin:end] for c in word):
        return None  # "2025 Inc."
    return begin


def _inner_capital(word: str) -> bool:
    """ "iCoreConnect", "eBay": a lower-case first letter, a capital inside."""
    return word[:1].islower() and any(c.isupper() for c in word[1:])


def _name_before(words: list[str], end: int, covered: set[int]) -> int | None:
    """Where the capitalised name that ends at token ``end`` begins (a comma only before a
    legal form: "Forward Industries, Inc."); None when there is none, when it is longer
    than :data:`MAX_LISTED_NAME` words (a title-case headline), or touches an entity."""
    begin = end
    while begin > 0 and end - begin <= MAX_LISTED_NAME:
        word = words[begin - 1]
        if begin - 1 in covered or "\n" in word:
            break
        named = word[:1].isupper() or word[:1].isdigit() or _inner_capital(word)
        legal_next = begin < end and COMPANY_SUFFIX.match(" " + words[begin])
        joins = begin < end and (word in _NAME_JOINERS or (word == "," and bool(legal_next)))
        if not (named or joins):
            if any(c.isupper() for c in word):
                return None  # "--Burcon": a name glued to punctuation, its start unknown
            break
        begin -= 1
    while begin < end and (words[begin] in _NAME_JOINERS or words[begin] == ","):
        begin += 1
    if begin == end or end - begin > MAX_LISTED_NAME:
        return None
    if begin > 0 and (begin - 1 in covered or words[begin - 1][:1].isupper()):
        return None  # runs on into an entity ("Ho Chi Minh City Development ... Bank") or
        # past the length limit
    if 0 < begin < end - 1 and words[begin - 1] == "$":
        begin += 1  # a cashtag before the name: "$AUUD Auddia (NASDAQ: AUUD)"
    return begin


def mend_names(words: list[str], spaces: list[bool], ents: list[Ent]) -> list[Ent]:
    """A PERSON the model cut at a hyphen takes the rest of a hyphenated surname
    ("Priya Raman" + "-Holt" with no space between)."""
    starts = {e.start for e in ents}
    mended = []
    for ent in ents:
        end = ent.end
        while (
            ent.label == "PERSON"
            and end + 1 < len(words)
            and words[end] == "-"
            and not spaces[end - 1]
            and not spaces[end]
            and words[end + 1][:1].isupper()
            and end not in starts
            and end + 1 not in starts
        ):
            end += 2
        mended.append(Ent(ent.start, end, ent.label))
    return mended


MAX_ROLE_EXTENSION = 2
"""Title-case words a ROLE may take in on its left."""
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "as", "to", "in", "for", "with", "on", "at", "by", "from", "of", "and"}
)


def mend_roles(
    words: list[str], ents: list[Ent], title_words: frozenset[str] = frozenset()
) -> list[Ent]:
    """ROLE spans joined, widened over title-case words before them and title words after
    them ("chief executive" + "officer"), and closed over a parenthesis (see the module
    docstring). Before that, a one-word ROLE that is a given name joins its PERSON, an ORG in
    apposition that begins with a title word becomes a ROLE, and a county tagged as a place
    joins the ROLE it precedes; other entities unchanged."""
    ents = _given_names_out_of_roles(words, sorted(ents, key=lambda e: e.start), title_words)
    ents = _titles_in_apposition(words, ents, title_words)
    merged: list[Ent] = []
    for ent in ents:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.end == ent.start
            and ent.label == "ROLE"
            and (previous.label == "ROLE" or _local_jurisdiction(words, previous))
        ):
            merged[-1] = Ent(previous.start, ent.end, "ROLE")
        else:
            merged.append(ent)
    taken = [False] * len(words)
    for ent in merged:
        for i in range(ent.start, ent.end):
            taken[i] = True
    mended = []
    for ent in merged:
        if ent.label != "ROLE":
            mended.append(ent)
            continue
        start, end = ent.start, ent.end
        while (
            start > 0
            and ent.start - start < MAX_ROLE_EXTENSION
            and not taken[start - 1]
            and words[start - 1].istitle()
            and words[start - 1].isalpha()
            and words[start - 1].lower() not in _FUNCTION_WORDS
        ):
            start -= 1  # "[District] Attorney Mike Hestrin"
        while end < len(words) and not taken[end] and words[end].lower() in title_words:
            end += 1
        inside = words[start:end]
        if inside.count("(") > inside.count(")") and end < len(words) and words[end] == ")":
            end += 1
        while end - start > 1 and (
            (len(words[end - 1]) > 1 and words[end - 1].lower() in _FUNCTION_WORDS)
            or words[end - 1] in _TRAILING_MARKS
        ):
            end -= 1  # "Director At" in a title-case line ("Division A" keeps its letter)
        mended.append(Ent(start, end, "ROLE"))
    return mended


_LOCAL_JURISDICTIONS = frozenset({"county", "parish", "borough"})
"""A place named with one of these before an office is part of the title ("Harris County
District Attorney", "Johnston County Sheriff"); a state or a country stays a place of its own
("Texas Governor", "U.S. Senator"), as the annotation guidelines have it."""


def _local_jurisdiction(words: list[str], ent: Ent) -> bool:
    return ent.label == "GPE" and any(
        w.lower() in _LOCAL_JURISDICTIONS for w in words[ent.start : ent.end]
    )


def _title_word(word: str, title_words: frozenset[str]) -> bool:
    """A title word, also in the plural ("Senators", "Congressmen")."""
    lower = word.lower()
    return (
        lower in title_words
        or lower.removesuffix("s") in title_words
        or (lower.endswith("men") and lower[:-3] + "man" in title_words)
    )


def _titles_in_apposition(
    words: list[str], ents: list[Ent], title_words: frozenset[str]
) -> list[Ent]:
    """An ORG right after "PERSON ," that begins with a title word is the person's title:
    "Tom Reyes, [SVP of Refining]ORG at Harbor Fuels" becomes a ROLE."""
    result = list(ents)
    for index, (person, ent) in enumerate(itertools.pairwise(ents)):
        if (
            person.label == "PERSON"
            and ent.label == "ORG"
            and ent.start == person.end + 1
            and words[person.end] == ","
            and _title_word(words[ent.start], title_words)
        ):
            result[index + 1] = Ent(ent.start, ent.end, "ROLE")
    return result


def _given_names_out_of_roles(
    words: list[str], ents: list[Ent], title_words: frozenset[str]
) -> list[Ent]:
    """A one-word ROLE right before a PERSON that is a name word, not a title word, is the
    person's given name: "[Alexander]ROLE [John Davis]PERSON" becomes one PERSON (left as a
    ROLE, it would take in the title before it as well)."""
    result: list[Ent] = []
    for ent in ents:
        previous = result[-1] if result else None
        if (
            previous is not None
            and ent.label == "PERSON"
            and previous.label == "ROLE"
            and previous.end == ent.start
            and previous.end - previous.start == 1
            and words[previous.start].istitle()
            and words[previous.start].isalpha()
            and not _title_word(words[previous.start], title_words)
        ):
            result[-1] = Ent(previous.start, ent.end, "PERSON")
        else:
            result.append(ent)
    return result


_TRAILING_MARKS = frozenset({",", ";", ":", "-", "–", "—", "/"})
"""Punctuation a title cannot end with."""
_COORDINATORS = frozenset({",", "and"})


def _acronym(part: tuple[str, ...], org_words: frozenset[str]) -> bool:
    """One word in capitals that is not a legal form: "IMF", not "LLC"."""
    word = part[0] if len(part) == 1 else ""
    return len(word) >= 2 and word.isalpha() and word.isupper() and word.lower() not in org_words


def _complete_name(
    part: tuple[str, ...], orgs: set[tuple[str, ...]], org_words: frozenset[str]
) -> bool:
    """Whether ``part``, before a comma, is a whole organisation name: one the document tags
    as an organisation elsewhere, one ending in an organisation word or legal form ("Salisbury
    School", "Acme Inc."), or an acronym."""
    if part in orgs or _acronym(part, org_words):
        return True
    return len(part) >= 2 and part[-1].lower() in org_words and part[0][:1].isupper()


def _reads_as_name(
    part: tuple[str, ...], orgs: set[tuple[str, ...]], org_words: frozenset[str]
) -> bool:
    """Whether ``part``, the last of a list, reads as a name: a complete one, or two or more
    words beginning with a capital."""
    return _complete_name(part, orgs, org_words) or (len(part) >= 2 and part[0][:1].isupper())


def _is_list(
    names: list[tuple[str, ...]], comma: bool, orgs: set[tuple[str, ...]], org_words: frozenset[str]
) -> bool:
    """Whether the parts of a span cut at its coordinators are several names.

    With a comma between them, every part but the last must be a complete name
    (:func:`_complete_name`). With "and" alone the words before it often share the last
    part's head ("Securities and Exchange Commission", "Senate Post Office and Civil Service
    Committee"), so only a name tagged elsewhere in the document or an acronym counts there,
    or a last part that is an acronym ("World Bank and IMF": no name ends in "and IMF").
    """
    if len(names) < 2 or not _reads_as_name(names[-1], orgs, org_words):
        return False
    if comma:
        return all(_complete_name(name, orgs, org_words) for name in names[:-1])
    return _acronym(names[-1], org_words) or all(
        name in orgs or _acronym(name, org_words) for name in names[:-1]
    )


def split_repeated(words: list[str], ents: list[Ent]) -> list[Ent]:
    """A PERSON or ORG span that is one name written twice ("OneWall Communities OneWall
    Communities": "About X" and "X is ..." run together when line breaks were lost) becomes
    two mentions."""
    result: list[Ent] = []
    for ent in ents:
        size = ent.end - ent.start
        half = ent.start + size // 2
        if (
            ent.label in ("PERSON", "ORG")
            and size >= 4  # "Sirhan Sirhan", "Duran Duran": a one-word repeat can be the name
            and size % 2 == 0
            and words[ent.start : half] == words[half : ent.end]
        ):
            result.extend([Ent(ent.start, half, ent.label), Ent(half, ent.end, ent.label)])
        else:
            result.append(ent)
    return result


def split_coordinated(words: list[str], ents: list[Ent], org_words: frozenset[str]) -> list[Ent]:
    """An ORG span that lists several organisations ("World Bank and IMF", "Alchemy Pay, and
    Legend Trading", "Publix, Stop & Shop") becomes one ORG per name.

    Split only where the parts are several names (:func:`_is_list`) and no lower-case word
    other than "and" is inside, so that a coordination within one name stays whole:
    "Securities and Exchange Commission", "Senate Post Office and Civil Service Committee" (the
    head is shared), "Department of Housing and Urban Development" (a preposition), "Procter
    and Gamble", "Bit Digital, Inc." (a legal form).
    """
    orgs = {tuple(words[e.start : e.end]) for e in ents if e.label == "ORG"}
    result: list[Ent] = []
    for ent in ents:
        inside = words[ent.start : ent.end]
        if ent.label != "ORG" or not any(w in _COORDINATORS for w in inside[1:-1]):
            result.append(ent)
            continue
        if any(w.islower() and w != "and" for w in inside):
            result.append(ent)
            continue
        parts: list[tuple[int, int]] = []
        start = ent.start
        for i in range(ent.start, ent.end):
            if words[i] in _COORDINATORS:
                if i > start:
                    parts.append((start, i))
                start = i + 1
        if start < ent.end:
            parts.append((start, ent.end))
        others = orgs - {tuple(inside)}
        names = [tuple(words[a:b]) for a, b in parts]
        if _is_list(names, "," in inside, others, org_words):
            result.extend(Ent(a, b, "ORG") for a, b in parts)
        else:
            result.append(ent)
    return result


_BULLETS = frozenset({"*", "-", "•", "–", "·", "▪", "●", "◦"})
_ITEM_ENDS = frozenset({"–", "—", ":", "(", "|", "-"})  # "Acme Labs – 20", "Acme: booth 4"
_LIST_SEPARATORS = frozenset({",", ";"})
_LIST_JOINERS = frozenset({"and", "or", "&"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ":"})
_INNER_LINKS = frozenset({"of", "for", "the", "and", "&", "de", "at", "on", "in", "-", "’s", "'s"})
_WORD_JOINERS = frozenset({"-", "’s", "'s"})
MAX_LIST_ITEM = 6
"""Words a name in a list may have."""


def _capitalised(word: str) -> bool:
    return (word[:1].isupper() or _inner_capital(word)) and any(c.isalpha() for c in word)


def _name_like(words: list[str], begin: int, end: int) -> bool:
    """``words[begin:end]`` reads as one name: capitalised at both ends, only links between,
    and not a capitalised function word alone ("The", "We")."""
    if not 0 < end - begin <= MAX_LIST_ITEM:
        return False
    if not (_capitalised(words[begin]) and _capitalised(words[end - 1])):
        return False
    if end - begin == 1 and words[begin].lower() in STOP_WORDS:
        return False
    if any(c.isdigit() for w in words[begin:end] for c in w):
        return False  # "U17", "Booth 4": a category, a place
    last = words[end - 1]
    if len(last) > 2 and last.endswith("s") and last[:-1].isupper():
        return False  # "PCs", "Xumo TVs": things
    return all(_capitalised(w) or w.lower() in _INNER_LINKS for w in words[begin:end])


def _bullet_lists(words: list[str]) -> list[list[tuple[int, int]]]:
    """The items of each bulleted list: consecutive lines that open with a bullet ("* BD",
    "- United Way", "3. Epitel"), each item the line up to a dash, colon or parenthesis."""
    lists: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    line_start = 0
    for i in range(len(words) + 1):
        if i < len(words) and "\n" not in words[i]:
            continue
        begin = line_start
        while begin < i and words[begin].isspace():
            begin += 1
        line_start = i + 1
        if begin == i:
            continue  # a blank line does not end a list
        if words[begin] in _BULLETS:
            begin += 1
        elif words[begin].isdigit() and begin + 1 < i and words[begin + 1] in (".", ")"):
            begin += 2
        else:
            if len(current) >= 2:
                lists.append(current)
            current = []
            continue
        end = next((k for k in range(begin, i) if words[k] in _ITEM_ENDS), i)
        while end > begin and (words[end - 1].isspace() or words[end - 1] in (",", ";", ".")):
            end -= 1
        current.append((begin, end))
    if len(current) >= 2:
        lists.append(current)
    return lists


def _inline_lists(words: list[str]) -> list[list[tuple[int, int]]]:
    """The names of each run-in list ("partners including MoonPay, Banxa, Simplex and
    Legend Trading"): three or more names joined by commas, with "and"/"or" before the
    last; the first may follow other words, the last may be followed by them."""
    lists: list[list[tuple[int, int]]] = []
    segments: list[tuple[int, int]] = []
    begin = 0
    for i in range(len(words) + 1):
        word = words[i] if i < len(words) else "\n"
        if word in _LIST_SEPARATORS or word in _SENTENCE_ENDS or "\n" in word:
            segments.append((begin, i))
            begin = i + 1
            if word not in _LIST_SEPARATORS:
                lists.extend(_run_in_items(words, segments))
                segments = []
    return lists


def _run_in_items(words: list[str], segments: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The lists in one sentence's comma-separated ``segments``."""
    found: list[list[tuple[int, int]]] = []
    items: list[tuple[int, int]] = []
    for begin, end in segments:
        while begin < end and words[begin].isspace():
            begin += 1
        if begin < end and words[begin] in _LIST_JOINERS:
            begin += 1  # ", and Legend Trading"
        if items and _name_like(words, begin, end):
            joined = next((k for k in range(begin, end) if words[k] in ("and", "or")), None)
            if (
                joined is not None
                and _name_like(words, joined + 1, end)
                and _name_like(words, begin, joined)
            ):
                items.extend([(begin, joined), (joined + 1, end)])  # "Banxa and Simplex"
                continue
            items.append((begin, end))
            continue
        if items:  # the last name may be followed by other words: "and Acme said"
            joined = next((k for k in range(begin, end) if words[k] in ("and", "or")), None)
            if joined is not None and _name_like(words, begin, joined):
                items.append((begin, joined))  # "Quillfin and [Torvik] today"
                begin = joined + 1
            lead = begin
            while lead < end and _capitalised(words[lead]):
                lead += 1
            if lead > begin and begin > 0 and words[begin - 1] in _LIST_JOINERS:
                items.append((begin, lead))
            if len(items) >= 3:
                found.append(items)
            items = []
        tail = end  # the first name may follow other words: "including MoonPay"
        while tail > begin and (
            _capitalised(words[tail - 1])
            or (
                words[tail - 1] in _WORD_JOINERS
                and tail < end
                and tail - 2 >= begin
                and _capitalised(words[tail - 2])
            )
        ):
            tail -= 1  # "In-Lite", "Children’s Hospital" whole
        continues = tail > begin and words[tail - 1] in _INNER_LINKS  # "Board of [Directors]"
        if tail < end and not continues and _name_like(words, tail, end):
            items = [(tail, end)]
    if len(items) >= 3:
        found.append(items)
    return found


def homogeneous_lists(words: list[str], ents: list[Ent]) -> list[Ent]:
    """A list whose names the model mostly read as organisations is a list of organisations:
    its names the model left untagged become ORGs ("sponsors: * Curavit * Epitel * Stryker",
    "partners including MoonPay, Banxa, Simplex and Legend Trading").

    A list counts when it has at least two names the model tagged exactly as ORG and at least
    twice as many ORG names as names with another label; a name only part of which is an
    entity is left alone.

    Args:
        words: The document's token texts.
        ents: The entities so far.

    Returns:
        The entities with the untagged names of such lists added as ORG.
    """
    exact = {(e.start, e.end): e.label for e in ents}
    covered = {i for e in ents for i in range(e.start, e.end)}
    added: list[Ent] = []
    for items in _bullet_lists(words) + _inline_lists(words):
        labels = Counter(exact[item] for item in items if item in exact)
        others = labels.total() - labels["ORG"]
        if labels["ORG"] < 2 or labels["ORG"] < 2 * others:
            continue
        for begin, end in items:
            if not _name_like(words, begin, end):
                continue
            if all(i not in covered for i in range(begin, end)):
                added.append(Ent(begin, end, "ORG"))
                covered.update(range(begin, end))
    return sorted(ents + added, key=lambda e: (e.start, -e.end))


MAX_APPOSED_NAME = 4
"""Words of a person's name the model read as an organisation before ", Title"."""


def titled_people(words: list[str], ents: list[Ent], head_words: AbstractSet[str]) -> list[Ent]:
    """A name the model read as an organisation but written with a job title in apposition
    ("Matan Slagter, CEO and Co-Founder at Armadillo", "Kin Ng, Bureau Chief") is a person:
    two to four capitalised words, none the head word of an organisation's or a place's name
    ("Foundation", "Area"), right before a comma and a capitalised ROLE that no other name
    follows ("Acme, CEO Ana Lee" is not one).

    Args:
        words: The document's token texts.
        ents: The entities so far, in document order.
        head_words: Lower-cased head words of organisations' and places' names.

    Returns:
        The entities with such names relabelled PERSON.
    """
    result = list(ents)
    for index, ent in enumerate(ents[:-1]):
        role = ents[index + 1]
        name = words[ent.start : ent.end]
        if (
            ent.label != "ORG"
            or role.label != "ROLE"
            or not 2 <= len(name) <= MAX_APPOSED_NAME
            or role.start != ent.end + 1
            or words[ent.end] != ","
        ):
            continue
        if not all(w[:1].isupper() and w.isalpha() for w in name):
            continue
        if any(w.lower() in head_words for w in name) or not words[role.start][:1].isupper():
            continue  # "Heritage Area, chief attraction of the valley"
        after = ents[index + 2] if index + 2 < len(ents) else None
        if after is not None and after.label == "PERSON" and after.start == role.end:
            continue
        result[index] = Ent(ent.start, ent.end, "PERSON")
    return result


@cache
def _honorific_keys() -> frozenset[str]:
    """The honorifics lower-cased without their full stop ("mr", "dr"), built once."""
    return frozenset(h.lower().rstrip(".") for h in resources.honorifics())


class EntitiesComponent(FieldComponent):
    """Rewrites ``doc.ents`` so that every mention of a name has the same reading."""

    def process(self, doc: Doc) -> None:
        if not doc.has_annotation("ENT_IOB"):
            return
        table = doc.to_array([ORTH, SPACY])  # one pass in C instead of a Token per word
        strings = doc.vocab.strings
        words = [strings[int(orth)] for orth in table[:, 0]]
        spaces = [bool(space) for space in table[:, 1]]
        ents = [Ent(e.start, e.end, e.label_) for e in doc.ents]
        ents = mend_roles(words, mend_names(words, spaces, ents), resources.title_words())
        ents = split_coordinated(words, split_repeated(words, ents), ORG_WORDS)
        ents = homogeneous_lists(words, ents)
        ents, listed = listed_companies(words, spaces, ents)
        ents, legal = legal_form_names(words, spaces, ents)
        ents, acronyms = defined_acronyms(words, spaces, ents)
        ents, aliases = described_people(words, spaces, ents)
        ents = titled_people(words, ents, ORG_WORDS | PLACE_HEADS)
        known = listed | legal | acronyms
        fixed = consistent_entities(words, ents, _honorific_keys(), known, aliases, ORG_WORDS)
        spans = [Span(doc, e.start, e.end, label=e.label) for e in fixed]
        doc.ents = filter_spans(spans)


@Language.factory(
    "pr_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """Build the entity-consistency component."""
    attrs.register_extensions()
    return EntitiesComponent(name)
