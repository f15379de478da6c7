"""pr_people: named people with honorific, job title and affiliation; media contacts.

Candidates are the model's PERSON entities plus names introduced by an honorific or a rank
("Mr. X", "Sen. X") that the model missed. Titles are read before the name
("UNDP Administrator Jane Roe", "Vice Minister of MOIS H.E. Min Jae Kim") and in an
appositive after it ("X, Director of Y at the Ministry of Z (ACR) of Country,"). The
affiliation is the first organisation (from ``doc._.pr_organisations``) or, failing that,
the first country named in the title phrase. Short mentions ("Mr. Baimenov", "Baimenov")
are linked to the full name introduced before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.text.contacts import ContactBlock, name_fields
from extractor.text.names import named_person, person_shaped, title_like
from extractor.text.places import shouted_line

ORG_WORDS = resources.org_words().org_words
COMPANY_HEADS = resources.org_words().company_heads

_CONNECTORS = frozenset({"of", "for", "and", "on", "&", "the", "to", "in", "at"})
_MODIFIERS = frozenset({"former", "acting", "interim", "deputy", "then", "outgoing", "incoming"})
_PLACE_HEADS = frozenset(
    {
        "home",
        "center",
        "centre",
        "building",
        "street",
        "road",
        "avenue",
        "county",
        "school",
        "river",
        "valley",
        "bridge",
        "station",
        "airport",
        "site",
        "memorial",
        "falls",
        "springs",
        "heights",
        "monument",
        "trail",
    }
)
_STORMS = frozenset({"hurricane", "storm", "typhoon", "cyclone", "tropical"})
_PLACE_FIRST_WORDS = frozenset({"Lake", "Mount", "Mt.", "Fort", "Ft.", "Port", "Cape", "Camp"})
_PLURAL_RANKS = {
    "Sens.": "Senator",
    "Senators": "Senator",
    "Reps.": "Representative",
    "Representatives": "Representative",
    "Govs.": "Governor",
    "Governors": "Governor",
}
_COORDINATED = re.compile(
    r"^\s*(?:\([^)]*\)|,\s*[RDI]-[A-Z][\w.]*)?\s*(?:,|and|&|, and)\s*$"
)  # "A (D-DE), B", "A, R-Ga., and B"
_DASHES = frozenset({"-", "--", "---", "–", "—"})
_APPOSITIVE_END = frozenset(
    {"“", "”", '"', "«", "»", ",", ";", ".", ")", ":", "—", "–", "(", "!", "?"}
)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_’'\-]*(?:[’'\-][^\W\d_]+)*\.?"
_RANKS = (
    r"Senator|Sen\.|Sens\.|Representative|Rep\.|Reps\.|Congressman|Congresswoman|Governor|Gov\."
    r"|Mayor|President|Secretary|Commissioner|Chairman|Chairwoman|Minister|Ambassador|Amb\."
    r"|General|Gen\.|Admiral|Judge|Justice"
)
_HONORIFIC_NAME = re.compile(
    r"\b(?P<hon>Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|H\.E\.|His Excellency|Her Excellency"
    r"|Hon\.|Honourable|Honorable|Sir|Dame|"
    + _RANKS
    + r")[ \t]+(?P<name>"
    + _NAME_WORD
    + r"(?:[ \t]+"
    + _NAME_WORD
    + r"){0,3})"
)
_NICKNAMED = re.compile(
    rf"(?P<given>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]*[\"“](?P<nick>[A-Z][\w.]{{0,15}})[\"”]"
    rf"[ \t]*(?P<family>{_NAME_WORD})"
)  # 'Ernest Jackson "EJ" Halton'


@dataclass
class PersonHit:
    """A person with every mention (character offsets)."""

    name: str
    honorific: str | None = None
    title: str | None = None
    organization: str | None = None
    org_index: int | None = None
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """One written mention of a person, with what its context says."""

    name: str
    start: int
    end: int
    honorific: str | None = None
    title: str | None = None
    organization: str | None = None
    org_index: int | None = None


@dataclass(frozen=True, order=True)
class OrgSpan:
    start: int
    end: int
    index: int


def _honorific_form(text: str) -> str | None:
    return resources.honorifics().get(text) or resources.honorifics().get(text.rstrip("."))


_PURE_HONORIFICS = frozenset(
    {
        "Mr.",
        "Amb.",
        "Ms.",
        "Mrs.",
        "Miss",
        "Dr.",
        "Prof.",
        "H.E.",
        "Sir",
        "Dame",
        "Mx.",
        "Hon.",
        "Lord",
        "Lady",
    }
)


def _is_rank(text: str) -> bool:
    if _honorific_form(text) in _PURE_HONORIFICS:
        return False
    return text in resources.title_abbreviations() or text.lower() in resources.title_words()


def clean_name(
    text: str, *, introduced: bool = False
) -> tuple[str, int, str | None, str | None] | None:
    """Split a PERSON entity into (name, offset of name, honorific, leading rank/title).

    ``introduced``: an honorific or rank stands right before ``text``.
    Returns ``None`` when the text is not a plausible personal name.
    """
    words = list(re.finditer(r"[^\s\-–—]\S*", text))  # "-Commissioner X" after a quote
    honorific = rank = None
    while words:
        first = words[0].group()
        two = f"{first} {words[1].group()}" if len(words) > 1 else ""
        if _honorific_form(two):
            honorific, words = _honorific_form(two), words[2:]
        elif _honorific_form(first) and not _is_rank(first):
            honorific, words = _honorific_form(first), words[1:]
        elif _is_rank(first) or first.lower() in _MODIFIERS:
            rank, words = first, words[1:]
        else:
            break
    while words and (not words[-1].group()[:1].isupper() or words[-1].group() in ("’s", "'s")):
        words = words[:-1]
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    name = re.sub(r"(?:['’]s|['’])$", "", text[start:end]).rstrip(",;:")
    introduced = introduced or honorific is not None or rank is not None
    if not _plausible_name(name, introduced=introduced):
        return None
    return name, start, honorific, rank


def _plausible_name(name: str, *, introduced: bool = False) -> bool:
    """Can ``name`` be a person's? ``introduced``: written after an honorific or a rank, which
    settles that a place word in it ("Dr. Amelia Springs") is a surname."""
    if not name or any(c.isdigit() or c in '"“”«»@/' for c in name):
        return False
    if not introduced and name.split()[-1].lower() in _PLACE_HEADS:
        return False
    if not introduced and name.split()[0] in _PLACE_FIRST_WORDS:
        return False  # "Lake Texoma", "Fort Riley"
    if name.split()[0].lower().rstrip("s") in _STORMS:
        return False  # "Hurricanes Rita and Katrina"
    key = name.lower()
    if key in resources.non_org_words() or key in resources.region_words():
        return False
    if key in _PLATFORMS:  # "he added on Twitter": tagged PERSON, never a person
        return False
    if resources.normalise_country_key(name) in resources.country_aliases():
        return False
    if name in resources.known_org_acronyms() or key in resources.demonyms():
        return False
    words = name.split()
    if len(words) > 5 or (name.isupper() and len(name) <= 5):
        return False
    return all(
        w[:1].isupper() or w.lower() in {"de", "van", "von", "bin", "al", "da", "del", "la", "le"}
        for w in words
    )


def _org_spans(doc: Doc, text: str) -> list[OrgSpan]:
    """Every place an organisation is written: its mentions and each occurrence of its names."""
    spans: set[OrgSpan] = set()
    forms: dict[str, int] = {}
    for index, org in enumerate(doc._.get(attrs.ORGANISATIONS)):
        spans.update(OrgSpan(start, end, index) for start, end in org["mentions"])
        for form in {org["name"], *(org["aliases"] or []), org["acronym"]} - {None}:
            forms.setdefault(form, index)
    if forms:
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        for match in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", text):
            spans.add(OrgSpan(match.start(), match.end(), forms[match.group()]))
    return sorted(spans, key=lambda s: (s.start, -s.end))


def split_title(
    text: str,
    start: int,
    end: int,
    orgs: list[OrgSpan],
    countries: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> tuple[str | None, str | None, int | None]:
    """Split a title phrase into (title, affiliation as written, organisation index).

    The affiliation is the first organisation mention in the phrase, or else the first
    country; the title is what precedes it, without the linking preposition.
    """
    inside = [o for o in orgs if start <= o.start and o.end <= end]
    inside = [
        o
        for o in inside
        if not any(p is not o and p.start <= o.start and o.end <= p.end for p in inside)
    ]
    inside_countries = [c for c in countries if start <= c[0] and c[1] <= end]
    if inside and (not inside_countries or inside[0].start <= inside_countries[0][0]):
        target: tuple[int, int] = (inside[0].start, inside[0].end)
        index: int | None = inside[0].index
    elif inside_countries:  # the first affiliation written wins, organisation or country
        target, index = inside_countries[0], None
    else:
        return _split_on_preposition(text[start:end])
    affiliation = re.sub(r"^the\s+", "", text[target[0] : target[1]])
    before = text[start : target[0]]
    after = text[target[1] : end]
    before = re.sub(r"(?:\s*\b(?:of|at|for|with|from|in|to)\b)?(?:\s+the)?\s*$", "", before)
    after = re.sub(r"^\s*\([^)]*\)", "", after).strip()
    if after and not re.match(r"(?:of|at|for|in|on|to|and|,)\b", after):
        title = _tidy_title(f"{before} {after}")
    else:
        title = _tidy_title(before)
    return title, affiliation, index


_AFFILIATION = re.compile(
    r"\s(?P<prep>at|for|with|of)\s+(?:the\s+)?(?P<org>[A-Z][\w’'&.\-]*(?:\s+(?:(?:of|for|and|&|the)\s+)*"
    r"[A-Z][\w’'&.\-]*)*)"
)


_PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Commissioner)$", re.I)


def _split_on_preposition(phrase: str) -> tuple[str | None, str | None, int | None]:
    """``spokesperson for Cascade Foods`` -> title and an affiliation the model missed."""
    for match in _AFFILIATION.finditer(phrase):
        org = match.group("org").rstrip(",;:")
        if org.endswith(".") and not re.search(r"\b(?:Inc|Ltd|Corp|Co)\.$", org):
            org = org.rstrip(".")  # the sentence's full stop, not the one of "Inc."
        last = org.split()[-1].rstrip(".").lower()
        if match.group("prep") == "of" and last not in _COMPANY_WORDS and last not in _ORG_HEADS:
            continue  # "Director of Communications" is a title, "CEO of Acme Metals" is not
        if match.group("prep") == "for" and _PORTFOLIO.search(phrase[: match.start()]):
            continue  # "Minister for Industrial Strategy": a portfolio, not an affiliation
        return _tidy_title(phrase[: match.start()]), org, None
    return _tidy_title(phrase), None, None


_ORG_HEADS = ORG_WORDS  # one list of organisation words for people and organisations


def _tidy_title(title: str) -> str | None:
    title = re.sub(r"\s+", " ", title).strip(" ,;:-–—")
    title = re.sub(r"\s+\.", ".", title)
    if title in _PLURAL_RANKS:
        return _PLURAL_RANKS[title]
    if title in resources.title_abbreviations():  # "Sen." -> "Senator"
        return _singular(resources.title_abbreviations()[title])
    title = re.sub(
        r"^(?:a|an|the|who is|who serves as|who (?:heads|leads|chairs|runs|directs))(?:\s+|$)",
        "",
        title,
        flags=re.I,
    )
    title = re.sub(r"^(?:[a-z]+)?['’]s\s+", "", title)  # "the airline's chief executive"
    title = re.sub(r"\s+and\s+(?:the|a|an)\s.*$", "", title)
    title = re.sub(r"\s+(?:in|from)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*$", "", title)
    title = re.sub(r"\s*\([^)]*\)\s*", " ", title).strip()
    return title or None


_LEADS = frozenset({"heads", "leads", "chairs", "runs", "directs"})
_WHO_VERBS = frozenset({"heads", "leads", "chairs", "is", "serves"})


def _appositive(doc: Doc, end_token: int) -> tuple[int, int] | None:
    """Character range of ``, TITLE [of ORG] ,`` right after a name, if it reads as a title."""
    if end_token >= len(doc) or doc[end_token].text != ",":
        return None
    tokens = []
    depth = 0
    for token in doc[end_token + 1 : end_token + 30]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
            if depth < 0:
                break
        elif (
            (depth == 0 and (token.text in _APPOSITIVE_END or "\n" in token.text))
            or (depth == 0 and token.lower_ in ("which", "that", "where"))
            or (
                depth == 0
                and token.lower_ == "who"
                and (token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in _WHO_VERBS)
            )
            or (
                depth == 0
                and token.pos_ in ("VERB", "AUX")
                and token.tag_ not in ("VBN", "VBG")
                and token.lower_ not in ("heads", "leads", "chairs", "is", "serves")
            )
        ):
            break
        tokens.append(token)
    leads = len(tokens) > 2 and tokens[0].lower_ == "who" and tokens[1].lower_ in _LEADS
    if not tokens or not (leads or title_like([t.text for t in tokens])):
        return None  # "X, who heads the Y Council," names the organisation without a title
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _word_before(doc: Doc, start_token: int) -> tuple[str | None, int]:
    """The honorific-like word before ``start_token``, mending what the tokenizer split
    ("Hon" + "." -> "Hon."; "His Excellency" is one word).

    Returns:
        The word and the index of its first token.
    """
    index = start_token - 1
    if index < 0:
        return None, start_token
    word, first = doc[index].text, index
    if word == "." and index > 0 and not doc[index - 1].whitespace_:
        word, first = doc[index - 1].text + ".", index - 1
    if first > 0 and doc[first - 1].lower_ in ("his", "her") and word == "Excellency":
        word, first = f"{doc[first - 1].text} {word}", first - 1
    return word, first


def _pre_title(
    doc: Doc, start_token: int, orgs: list[OrgSpan]
) -> tuple[str | None, int, int] | None:
    """Honorific and title phrase written before a name: ``UNDP Administrator [H.E.] Name``."""
    index = start_token - 1
    honorific = None
    word, first = _word_before(doc, start_token)
    if word is not None and _honorific_form(word) and not _is_rank(word):
        honorific = _honorific_form(word)
        index = first - 1
        if index >= 0 and doc[index].lower_ == "the" and word in ("Honourable", "Honorable"):
            index -= 1  # "Minister of X, the Honourable Name"
    fronted = index >= 0 and doc[index].text == ","
    if fronted:  # "The Minister for Industrial Strategy, Rachel Penhaligon, said"
        index -= 1
    end = index
    while index >= 0:
        token = doc[index]
        text = token.text.lstrip("-–—") or token.text  # "-Commissioner X" after a quote
        if text == "." and index > 0 and _is_rank(doc[index - 1].text + "."):
            index -= 1
            continue
        if text == ")" and not (
            index >= 2 and doc[index - 2].text == "(" and doc[index - 1].text.isupper()
        ):
            break
        if "\n" in text or text in _DASHES or (token.is_punct and text not in ("(", ")", "&")):
            break
        lower = text.lower()
        if not (
            text[:1].isupper()
            or lower in _CONNECTORS
            or lower in _MODIFIERS
            or lower in resources.title_words()
            or text in "()&"
            or (text in ("’s", "'s") and doc[index - 1].text[:1].isupper())  # "Lao People’s"
        ):
            break
        if token.ent_type_ == "PERSON":  # another person's name ends the title phrase
            if fronted:
                return (honorific, -1, -1) if honorific else None  # "Senator Smith, Jane Doe"
            break  # "Sen. Mark Holloway and Rep. [Dana Whitfield]"
        index -= 1
        if text != token.text:
            break
    begin = index + 1
    org_starts = {o.start for o in orgs}
    while begin <= end and not _title_start(doc[begin], org_starts):
        begin += 1
    if begin > end:
        return (honorific, -1, -1) if honorific else None
    words = [t.text.lstrip("-–—") for t in doc[begin : end + 1]]
    if not any(
        _is_rank(w) or w in _PLURAL_RANKS or w.lower() in resources.title_words() for w in words
    ):
        return (honorific, -1, -1) if honorific else None
    return honorific, doc[begin].idx, doc[end].idx + len(doc[end].text)


def _title_start(token: Token, org_starts: set[int]) -> bool:
    """Can a title phrase begin at this token? (a title word, a modifier, an organisation)."""
    text = token.text.lstrip("-–—") or token.text
    if resources.normalise_country_key(text) in resources.country_aliases():
        return False
    if text.lower() in resources.demonyms():
        return False
    return (
        _is_rank(text)
        or text in _PLURAL_RANKS  # "Senators A, B and C"
        or text.lower() in resources.title_words()
        or text.lower() in _MODIFIERS
        or token.idx in org_starts
        or (text.isupper() and text.isalpha() and len(text) >= 2)
    )


def _mention_from(
    doc: Doc, text: str, span: Span, orgs: list[OrgSpan], countries: list[tuple[int, int]]
) -> Mention | None:
    nickname = _NICKNAMED.search(span.text)
    written = span.text
    if nickname:  # the nickname in quotes is not part of the name
        written = written[: nickname.end("given")] + " " + written[nickname.start("family") :]
    word, _ = _word_before(doc, span.start)
    introduced = word is not None and (_honorific_form(word) is not None or _is_rank(word))
    cleaned = clean_name(written, introduced=introduced)
    if cleaned is None:
        return None
    name, offset, honorific, rank = cleaned
    start = span.start_char + offset
    end = span.start_char + nickname.end("family") if nickname else start + len(name)
    title = organization = None
    org_index = None
    name_span = doc.char_span(start, start + len(name), alignment_mode="expand")
    before = _pre_title(doc, name_span.start if name_span is not None else span.start, orgs)
    if before is not None:
        honorific = honorific or before[0]
        if before[1] >= 0:
            title, organization, org_index = split_title(
                text, before[1], before[2], orgs, countries
            )
    if rank is None and title is None:
        word, _ = _word_before(doc, name_span.start if name_span is not None else span.start)
        rank = word if word is not None and _is_rank(word) and word.endswith(".") else None
    if rank and title is None:
        title = _singular(resources.title_abbreviations().get(rank, rank))
    if organization is None:  # "Chief X of the Kinagami First Nation"
        organization, org_index = _org_after_preposition(doc, text, span.end, orgs)
    after = _appositive(doc, span.end)
    if after is not None and (title is None or organization is None):
        a_title, a_org, a_index = split_title(text, after[0], after[1], orgs, countries)
        if title is None or (a_org and a_title and title.lower() in a_title.lower()):
            title, organization, org_index = a_title, a_org, a_index
        elif a_title and _is_bare_rank(title, rank):
            short = _RANK_SHORT.get(title, title)
            honorific = honorific or (short if short in _RANK_HONORIFICS else None)
            title, organization, org_index = a_title, a_org, a_index  # "Amb. X, Permanent ..."
    if organization is None and before is not None and before[1] >= 0:
        organization, org_index = _possessor(text, before[1], orgs, countries)
    if organization is None and after is not None:
        owner = re.match(r"(?:the|its)\s+([a-z]+)['’]s\s", text[after[0] : after[1]])
        if owner:  # "X, the university’s chief economist"
            organization, org_index = _described_org(owner.group(1), start, text, orgs)
    if organization is None and title:
        described = re.search(r"\s+(?:at|for|with|of|in)\s+the\s+([a-z]+)$", title)
        if described:  # "an organizer with the alliance"
            organization, org_index = _described_org(described.group(1), start, text, orgs)
            if organization is not None or described.group(1) in _DESCRIPTIONS:
                title = title[: described.start()]  # "organizer with the union": no name given
    return Mention(name, start, end, honorific, title, organization, org_index)


def _possessor(
    text: str, title_start: int, orgs: list[OrgSpan], countries: list[tuple[int, int]]
) -> tuple[str | None, int | None]:
    """Whose a fronted title is: ``Viet Nam's Deputy Minister``, ``Its president``."""
    head = text[max(0, title_start - 12) : title_start]
    match = re.search(r"(?:(?<=\w)['’]s|\b(?P<its>[Ii]ts|[Tt]heir))\s+$", head)
    if match is None:
        return None, None
    at = title_start - len(head) + match.start()
    if match.group("its"):
        earlier = [o for o in orgs if o.end <= at]
        if not earlier:
            return None, None
        latest = max(earlier, key=lambda o: o.start)
        return text[latest.start : latest.end], latest.index
    for org in orgs:
        if org.end == at:
            return text[org.start : org.end], org.index
    for begin, end in countries:
        if end == at:
            return text[begin:end], None
    return None, None


_COMPANY_DESCRIPTIONS = frozenset({"company", "firm", "airline", "carrier", "business", "group"})
_DESCRIPTIONS = _COMPANY_DESCRIPTIONS | _ORG_HEADS | {"union", "agency", "government"}


def _described_org(
    noun: str, before: int, text: str, orgs: list[OrgSpan]
) -> tuple[str | None, int | None]:
    """The organisation a definite description names: "the alliance" -> the last organisation
    before it with "Alliance" in its name; "the company" -> the most mentioned one."""
    earlier = [o for o in orgs if o.end <= before]
    stem = noun[:5]
    named = [o for o in earlier if text[o.start : o.end].split()[-1].lower().startswith(stem)]
    named = named or [
        o for o in earlier if any(w.lower().startswith(stem) for w in text[o.start : o.end].split())
    ]
    if named:
        latest = max(named, key=lambda o: o.start)
        return text[latest.start : latest.end], latest.index
    if noun in _COMPANY_DESCRIPTIONS and earlier:
        counts: dict[int, int] = {}
        for org in orgs:
            counts[org.index] = counts.get(org.index, 0) + 1
        top = max(counts, key=lambda i: (counts[i], -i))
        first = min((o for o in orgs if o.index == top), key=lambda o: o.start)
        return text[first.start : first.end], top
    return None, None


_RANK_HONORIFICS = frozenset({"Amb.", "Gen.", "Prof.", "Dr.", "Adm.", "Col.", "Lt.", "Capt."})
_RANK_SHORT = {
    "Ambassador": "Amb.",
    "General": "Gen.",
    "Professor": "Prof.",
    "Doctor": "Dr.",
    "Admiral": "Adm.",
    "Colonel": "Col.",
    "Lieutenant": "Lt.",
    "Captain": "Capt.",
}  # a rank written out by _tidy_title, back to the honorific it also is


def _is_bare_rank(title: str | None, rank: str | None) -> bool:
    """A title that is only a rank written before the name ("Amb.", "Sen.")."""
    if title is None:
        return False
    if rank and title == _singular(resources.title_abbreviations().get(rank, rank)):
        return True
    if " " in title:
        return False
    # "Gen." written out: a military, diplomatic or academic rank gives way to the appositive
    # job; a legislator keeps "Senator" (the gold convention for members of Congress)
    return title in resources.title_abbreviations() or title in _RANK_SHORT


def _singular(title: str) -> str:
    """ "Senators" -> "Senator" (a plural rank before coordinated names applies to each)."""
    return title[:-1] if title.endswith(("tors", "tives", "ors", "ers")) else title


def _org_after_preposition(
    doc: Doc, text: str, end_token: int, orgs: list[OrgSpan]
) -> tuple[str | None, int | None]:
    """``Name at the Tatnall School`` / ``Name of ACME``: the organisation right after."""
    if end_token + 1 >= len(doc) or doc[end_token].lower_ not in ("at", "of", "from", "in"):
        return None, None
    position = doc[end_token + 1].idx
    if doc[end_token + 1].lower_ == "the" and end_token + 2 < len(doc):
        position = doc[end_token + 2].idx
    for org in orgs:
        if org.start == position:
            return text[org.start : org.end], org.index
    return None, None


def _candidate_spans(
    doc: Doc, text: str, ents: tuple[Span, ...], context: attrs.ContextValue
) -> list[Span]:
    body_start = context["body_start"]
    quoted_titles = context["quoted_titles"]
    spans = [
        _extend_name(doc, ent)
        for ent in _joined_person_ents(doc, ents)
        if ent.start_char >= body_start
        and not any(s <= ent.start_char < e for s, e in quoted_titles)
    ]
    spans += [
        ent
        for ent in ents
        if ent.label_ in ("ORG", "GPE", "LOC", "NORP", "FAC")
        and ent.start_char >= body_start
        and named_person(doc, ent.text, ent.start, ent.end)
    ]  # "Lydia Kamau-Frost, the university’s chief economist" tagged ORG
    spans += [
        tail
        for ent in ents
        if ent.label_ == "ORG" and ent.start_char >= body_start
        if (tail := _name_after_rank(doc, ent)) is not None
    ]  # "[U.S. Representatives Scott Garrett]" tagged ORG as one
    spans += [
        run
        for run in _untagged_name_runs(doc, body_start)
        if named_person(doc, run.text, run.start, run.end)
    ]  # "Bounmy Phommachanh, Director of Statistics" the model left untagged
    for match in _NICKNAMED.finditer(text, body_start):
        if not person_shaped(f"{match.group('given')} {match.group('family')}"):
            continue
        if re.search(
            r"\b(?:the|a|an|The|A|An)\s+$", text[max(0, match.start() - 5) : match.start()]
        ):
            continue  # 'the Big "Red" Apple exhibit'
        named = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if named is not None:
            spans = [s for s in spans if s.end <= named.start or named.end <= s.start]
            spans.append(named)
    taken = {i for ent in spans for i in range(ent.start_char, ent.end_char)}
    for match in _HONORIFIC_NAME.finditer(text):
        if match.start("name") in taken or match.start() < body_start:
            continue
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        pure = _honorific_form(match.group("hon")) in _PURE_HONORIFICS or match.group("hon") in (
            "Honourable",
            "Honorable",
        )
        blocked = ("GPE", "NORP", "LOC") if pure else ("ORG", "GPE", "NORP", "LOC")
        if span is None or any(t.ent_type_ in blocked for t in span):
            continue
        if (
            match.group("hon") in ("President", "Secretary", "General", "Minister")
            and len(span) < 2
        ):
            continue
        spans.append(span)
    taken = {i for span in spans for i in range(span.start_char, span.end_char)}
    for block in context["contact_blocks"]:
        for start, end in name_fields(text, ContactBlock(**block)):
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is not None and start not in taken:
                spans.append(span)
    inside = [  # "Mwangi" the model tagged inside "Honourable [Grace Mwangi]"
        a
        for a in spans
        if any(
            b.start_char <= a.start_char and a.end_char <= b.end_char and len(b) > len(a)
            for b in spans
        )
    ]
    return sorted(
        (s for s in spans if s not in inside and not shouted_line(text, s.start_char)),
        key=lambda s: s.start_char,
    )  # an all-caps line (a headline repeated in the body) gives the model's noise


def _name_after_rank(doc: Doc, ent: Span) -> Span | None:
    """The personal name closing an entity that starts with a rank: "U.S. Representatives
    [Scott Garrett]", "Agriculture Secretary [Mike Johanns]"."""
    ranks = [
        t.i
        for t in ent
        if t.lower_ in resources.title_words()
        or t.text in _PLURAL_RANKS
        or t.text in resources.title_abbreviations()
    ]
    if not ranks or not 2 <= ent.end - ranks[-1] - 1 <= 4:
        return None
    tail = doc[ranks[-1] + 1 : ent.end]
    return tail if person_shaped(tail.text) else None


def _untagged_name_runs(doc: Doc, body_start: int) -> list[Span]:
    """Runs of two to four proper nouns outside any entity, each ending its run."""
    runs: list[Span] = []
    start = None
    for token in doc:
        inside = token.pos_ == "PROPN" and not token.ent_type_ and token.idx >= body_start
        if inside and start is None:
            start = token.i
        if not inside and start is not None:
            if 2 <= token.i - start <= 4:
                runs.append(doc[start : token.i])
            start = None
    if start is not None and 2 <= len(doc) - start <= 4:
        runs.append(doc[start:])
    return runs


def _joined_person_ents(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """PERSON entities, with two that touch joined ("Fatuma" + "Hassan Abdi")."""
    joined: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        slashes = [t.i for t in ent if t.text == "/"]
        if slashes:  # "Tom Eastwick / Sophie Adeyemi"
            bounds = [ent.start, *slashes, ent.end]
            joined += [
                doc[a + (a != ent.start) : b]
                for a, b in pairwise(bounds)
                if b > a + (a != ent.start)
            ]
            continue
        if joined and joined[-1].end == ent.start and "\n" not in doc[ent.start - 1].whitespace_:
            joined[-1] = doc[joined[-1].start : ent.end]
        else:
            joined.append(ent)
    return joined


def _extend_name(doc: Doc, ent: Span) -> Span:
    """Take in one more capitalised word the model cut off ("Madina Serikovna [Temirbekova]")."""
    if ent.end >= len(doc):
        return ent
    nxt = doc[ent.end]
    word = nxt.text
    if (
        word[:1].isupper()
        and word[1:].islower()
        and not nxt.ent_type_
        and not nxt.is_sent_start
        and nxt.pos_ == "PROPN"
        and word.lower() not in resources.title_words()
        and not ent.text.endswith(("’s", "'s"))
    ):
        return doc[ent.start : ent.end + 1]
    return ent


def _gender(honorific: str | None) -> str | None:
    if honorific in ("Mr.", "Sir", "Lord"):
        return "m"
    if honorific in ("Ms.", "Mrs.", "Miss", "Dame", "Lady"):
        return "f"
    return None


def link_mentions(mentions: list[Mention]) -> list[PersonHit]:
    """Group mentions into people: short forms join the full name introduced before them.

    A one-word mention is a surname: it joins the latest person whose last word it is or,
    failing that, whose first word it is (family name first: "Wang Lei" ... "Mr. Wang"). An
    honorific of known gender never joins a person of the other gender ("Ms. Keller" is not
    "Mr. Thomas Keller").
    """
    people: list[PersonHit] = []
    by_name: dict[str, PersonHit] = {}
    for mention in mentions:
        gender = _gender(mention.honorific)
        person = by_name.get(mention.name.lower())
        if person is not None and gender and person.gender and person.gender != gender:
            person = None
        if person is None and " " not in mention.name:
            person = _surname_owner(people, mention.name.lower(), gender)
        if person is None:
            longer = [
                p
                for p in people
                if " " not in p.name
                and mention.name.split()[-1].lower() == p.name.lower()
                and not (gender and p.gender and p.gender != gender)
            ]
            if longer:
                person = longer[-1]
                by_name[mention.name.lower()] = person
                person.name = mention.name
        if person is None:
            person = PersonHit(name=mention.name)
            people.append(person)
            by_name[mention.name.lower()] = person
        person.mentions.append((mention.start, mention.end))
        person.honorific = person.honorific or mention.honorific
        if person.title is None and mention.title:
            person.title = mention.title
        if person.organization is None and mention.organization:
            person.organization, person.org_index = mention.organization, mention.org_index
        person.gender = person.gender or gender
    return people


def _surname_owner(people: list[PersonHit], word: str, gender: str | None) -> PersonHit | None:
    """The latest person a bare surname belongs to, of the mention's gender when it has one."""
    fits = [p for p in people if not (gender and p.gender and p.gender != gender)]
    for position in (-1, 0):  # "Anna Keller" -> "Keller"; "Wang Lei" -> "Wang"
        owners = [p for p in fits if " " in p.name and p.name.split()[position].lower() == word]
        if owners:
            return owners[-1]
    return None


def find_people(doc: Doc) -> list[PersonHit]:
    """People named in ``doc``, with titles and affiliations.

    Args:
        doc: A parsed Doc with entities and ``doc._.pr_organisations``.

    Returns:
        People in order of first mention.
    """
    text = doc.text  # doc.text joins every token: read it once
    ents = doc.ents  # so does doc.ents rebuild its spans
    context = attrs.context(doc)
    orgs = _org_spans(doc, text)
    countries = [(m["start"], m["end"]) for m in context["country_mentions"]]
    mentions = [
        m
        for span in _candidate_spans(doc, text, ents, context)
        if (m := _mention_from(doc, text, span, orgs, countries))
        and not _overlaps_org_or_country(m, orgs, countries)
    ]
    tags = [m.span() for m in re.finditer(r"\([DRI]\s?-[^()\n]{1,30}\)", text)]
    mentions = [
        m for m in mentions if not any(s <= m.start < e for s, e in tags)
    ]  # "(D-8th Dist.)"
    others = [  # the model's GPE label on a given name ("Stephen") is common; places are checked
        (e.start_char, e.end_char) for e in ents if e.label_ in ("ORG", "NORP", "FAC", "PRODUCT")
    ]
    mentions = _share_plural_titles(text, _add_coordinated_given_names(text, mentions, others))
    people = [p for p in link_mentions(mentions) if not _is_place_only(p)]
    add_surname_mentions(text, people, context["body_start"])
    _government_posts(people, doc._.get(attrs.ORGANISATIONS))
    return people


def _government_posts(people: list[PersonHit], orgs: list[dict[str, object]]) -> None:
    """A minister with no affiliation written serves the one government the release names
    ("The Minister of Natural Resources ... the Government of Canada will join ...")."""
    governments = [i for i, o in enumerate(orgs) if str(o["name"]).startswith("Government of")]
    if len(governments) != 1:
        return
    index = governments[0]
    for person in people:
        if person.organization is None and person.title and "minister" in person.title.lower():
            person.organization, person.org_index = str(orgs[index]["name"]), index


_GIVEN_AND = re.compile(
    r"(?:\b(?:of|to|by|and)|,)[ \t]+(?P<given>[A-Z][a-z]+)[ \t]+(?:and|&)[ \t]+$"
)


def _add_coordinated_given_names(
    text: str, mentions: list[Mention], other_entities: list[tuple[int, int]]
) -> list[Mention]:
    """``the son of Edward and Deborah Amorosso``: two people sharing the surname; the first
    is written with the given name only (not a place or organisation the model labelled:
    "of Texas and John Smith", "by Google and Mary Brown")."""
    added = []
    for mention in mentions:
        words = mention.name.split()
        if len(words) < 2:
            continue
        match = _GIVEN_AND.search(text, max(0, mention.start - 40), mention.start)
        if match is None or match.group("given").lower() in resources.title_words():
            continue
        if resources.normalise_country_key(match.group("given")) in resources.country_aliases():
            continue
        given_start = match.start("given")
        given = match.group("given")
        if given in resources.us_states() or given.lower() in resources.city_countries():
            continue
        if any(s <= given_start < e for s, e in other_entities):
            continue
        if any(m.start <= given_start < m.end for m in mentions):
            continue  # "Holloway and Dana Whitfield": the first is someone already named
        added.append(
            Mention(
                f"{match.group('given')} {words[-1]}",
                given_start,
                given_start + len(match.group("given")),
            )
        )
    return sorted([*mentions, *added], key=lambda m: m.start)


def add_surname_mentions(text: str, people: list[PersonHit], start: int = 0) -> None:
    """Add bare-surname mentions ("said Tester") the model did not tag.

    A surname counts when it stands alone (no capitalised word right before it, other than
    an honorific or rank, and none right after); it goes to the nearest person introduced
    before it with that surname.
    """
    taken = sorted(m for p in people for m in p.mentions)
    by_surname: dict[str, list[PersonHit]] = {}
    for person in people:
        if " " in person.name:
            by_surname.setdefault(person.name.split()[-1], []).append(person)
    if not by_surname:
        return
    pattern = re.compile(r"(?<![\w’'\-])(" + "|".join(map(re.escape, by_surname)) + r")(?![\w\-])")
    for match in pattern.finditer(text, start):
        begin, end = match.span()
        if any(s <= begin < e for s, e in taken):
            continue
        before = re.search(r"(\S+)\s+$", text[max(0, begin - 30) : begin])
        if (
            before
            and before.group(1)[:1].isupper()
            and not before.group(1).endswith((",", ";", ":"))  # "Later, Baimenov said"
            and not (_honorific_form(before.group(1)) or _is_rank(before.group(1)))
        ):
            continue
        if re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
            continue
        owners = by_surname[match.group()]
        candidates = [p for p in owners if p.mentions[0][0] < begin]
        if not candidates and len(owners) == 1:
            candidates = owners  # introduced in full only later ("(Ernest Hollings, ...)")
        if candidates:
            owner = max(
                candidates,
                key=lambda p: max((m[0] for m in p.mentions if m[0] < begin), default=-1),
            )
            owner.mentions.append((begin, end))
    for person in people:
        person.mentions.sort()


def _overlaps_org_or_country(
    mention: Mention, orgs: list[OrgSpan], countries: list[tuple[int, int]]
) -> bool:
    """A "person" that is part of an organisation's or a country's name ("Harlow Ridge" in
    "Harlow Ridge Analytics Inc.", "Côte" in "Côte d’Ivoire")."""
    if mention.name.split()[-1].rstrip(".").lower() in _COMPANY_WORDS:
        return True
    spans = [(o.start, o.end) for o in orgs] + countries
    return any(s <= mention.start < e for s, e in spans)  # "Michael Jordan" stays a person


_PLATFORMS = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "snapchat", "reddit"}
)
_COMPANY_WORDS = frozenset(
    {"inc", "llc", "ltd", "plc", "corp", "co", "group", "capital", "energy"}
    | {w.lower() for w in COMPANY_HEADS}
)  # last words that make a name a company's


def _share_plural_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """``Sens. A (D-DE), B, C and D``: every name of a list headed by a plural rank takes
    the rank, as long as the names follow one another with only commas, "and" and party
    tags between them."""
    shared: list[Mention] = []
    chain: str | None = None  # the plural rank's title while its list runs on
    for mention in mentions:
        previous = shared[-1] if shared else None
        gap = text[previous.end : mention.start] if previous is not None else ""
        coordinated = previous is not None and len(gap) < 60 and bool(_COORDINATED.match(gap))
        if (
            previous is not None
            and previous.title
            and _PLURAL_BEFORE.search(text[max(0, previous.start - 20) : previous.start])
        ):
            chain = previous.title
        if not coordinated:
            chain = None
        if chain and mention.title is None:
            mention = Mention(
                mention.name,
                mention.start,
                mention.end,
                mention.honorific,
                chain,
                mention.organization,
                mention.org_index,
            )
        shared.append(mention)
    return shared


_PLURAL_BEFORE = re.compile(r"(?:Sens|Reps|Govs)\.?\s*$|(?:tors|tives|nors)\s*$")


def _is_place_only(person: PersonHit) -> bool:
    """A one-word "person" with no title, honorific, affiliation or full name ("Kent"
    of "Kent and Sussex Counties", "Treasures"): releases introduce people in full or by
    rank, so a lone capitalised word is a place, a programme or a fragment."""
    return (
        " " not in person.name
        and not person.title
        and not person.honorific
        and not person.organization  # "Baucus, who chairs the Senate Finance Committee"
    )


def _on_short_line(text: str, offset: int) -> bool:
    """A contact entry's line, not a paragraph of prose."""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return (len(text) if end < 0 else end) - begin <= 100


def fill_from_contacts(
    text: str, people: list[PersonHit], contacts: list[attrs.ContactValue]
) -> None:
    """A contact block's title and organisation complete its person's record."""
    for contact in contacts:
        for person in people:
            if person.name == contact["name"] or any(
                contact["start"] <= s < contact["end"] and _on_short_line(text, s)
                for s, _ in person.mentions
            ):  # every name listed in the block ("Tom Eastwick / Sophie Adeyemi")
                if person.name == contact["name"]:
                    person.title = person.title or contact["title"]
                person.organization = person.organization or contact["organization"]


class PeopleComponent(FieldComponent):
    """Writes ``doc._.pr_people``."""

    def process(self, doc: Doc) -> None:
        people = find_people(doc)
        fill_from_contacts(doc.text, people, doc._.get(attrs.CONTACTS))
        doc._.set(
            attrs.PEOPLE,
            [
                {
                    "name": p.name,
                    "honorific": p.honorific,
                    "title": p.title,
                    "organization": p.organization,
                    "org_index": p.org_index,
                    "gender": p.gender,
                    "mentions": [list(m) for m in p.mentions],
                }
                for p in people
            ],
        )


@Language.factory(
    "pr_people",
    assigns=[attrs.declared(attrs.PEOPLE)],
    requires=[
        "doc.ents",
        attrs.declared(attrs.CONTEXT),
        attrs.declared(attrs.CONTACTS),
        attrs.declared(attrs.ORGANISATIONS),
    ],
    default_config={},
)
def make_people(nlp: Language, name: str) -> PeopleComponent:
    """Build the people component."""
    return PeopleComponent(name)
