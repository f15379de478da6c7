"""pr_organisations: organisations with acronyms, merged mentions and exact offsets.

The statistical model's ORG entities are the candidates. They are repaired (cut at an
opening parenthesis, leading "the" and possessives removed), filtered (job titles, "AI",
regions, countries, events, publications and places are not organisations), and merged with
acronym definitions found Schwartz–Hearst style (``Long Form (ACR)`` and ``ACR (Long Form)``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor import attrs, resources
from extractor.components._base import FieldComponent
from extractor.components._org_filters import (
    common_noun,
    company_name,
    domain_of_a_title,
    governs,
    head_word,
    inside_title,
    is_not_organisation,
    is_rank_word,
    looks_like_org,
    named_person,
    names_a_person,
    not_a_name,
    place_by_context,
    prose_words,
    ticker_symbols,
    title_modifier,
)
from extractor.components._org_patterns import (
    cut_country_tail,
    find_pattern_organisations,
    is_head,
)
from extractor.components._org_words import (
    COMMON_FIRST_WORDS,
    COMPANY_HEADS,
    COMPANY_SUFFIX,
    INTERGOVERNMENTAL,
    ORG_WORDS,
    POSSESSIVE,
)
from extractor.text.acronyms import (
    PAREN_ACRONYM,
    AcronymDefinition,
    find_acronym_definitions,
)
from extractor.text.contacts import ContactBlock, name_fields
from extractor.text.intervals import Ranges, overlaps
from extractor.text.places import shouted_line

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


@dataclass
class OrgHit:
    """One organisation with all of its mentions (character offsets)."""

    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _extend_long_form(
    text: str, org_ents: list[tuple[int, int]], definition: AcronymDefinition
) -> AcronymDefinition:
    """Widen a Schwartz–Hearst long form to the ORG entity or ``Department of`` that holds it.

    ``U.S. Department of Housing and Urban Development (HUD)``: the shortest matching run is
    "Housing and Urban Development"; the organisation is the whole entity.

    Args:
        text: The document text.
        org_ents: ``(start, end)`` of the ORG entities, sorted (entities do not overlap).
        definition: The definition found in the text.
    """
    start = definition.long_start
    index = bisect_left(org_ents, (start,)) - 1  # the last entity starting before the long form
    if index >= 0 and start < org_ents[index][1]:
        start = org_ents[index][0]
    else:
        match = re.search(
            r"(?:\b[A-Z][\w.]*\s+){0,2}[A-Z]\w+\s+(?:of|for)\s+(?:the\s+)?$",
            text[max(0, start - 60) : start],
        )
        if (
            match
            and match.group().split()[-2 if match.group().split()[-1] != "the" else -3].lower()
            in ORG_WORDS
        ):
            start = start - (len(text[max(0, start - 60) : start]) - match.start())
    if start == definition.long_start:
        return definition
    long = text[start : definition.long_start] + definition.long
    return AcronymDefinition(long, start, definition.acronym, definition.acronym_start)


_DOUBLED = re.compile(r"(\w{3,})\1")


def clean_org_text(text: str, start: int) -> tuple[str, int] | None:
    """Repair an ORG entity: cut at "(", a line break, an e-mail or a comma before a second
    body ("Department of Agriculture, Office of Rural Development"); drop a leading "the" or
    "About" (or a wire's footer label "SOURCE"), possessives and dangling words."""
    cut = re.split(r"\(|\n|\S+@|(?<=[a-z])(?:https?|www)\b", text, maxsplit=1)[0].rstrip()
    doubled = _DOUBLED.fullmatch(cut)
    if doubled:  # "VertivVertiv": a scraped heading run into the name it introduces
        cut = doubled.group(1)
    parts = re.split(r",\s+(?=(?:the\s+)?[A-Z]\w+ of\b)", cut, maxsplit=1)
    if len(parts) == 2 and looks_like_org(parts[1]) and not is_not_organisation(parts[1]):
        cut = parts[0]
    match = _LEADING_THE.match(cut) or re.match(r"^(?:About|Recent|Current|Several|SOURCE)\s+", cut)
    if match:
        start += match.end()
        cut = cut[match.end() :]
    cut = POSSESSIVE.sub("", cut).rstrip(" ,;:-–")
    cut = re.sub(r"(?:\s+(?:of|and|for|at|in|the|&)){1,2}$", "", cut)
    cut = cut_country_tail(cut)
    words = cut.split()
    while len(words) > 1 and words[-1].lower() in resources.title_words():
        words.pop()  # "UNDP Administrator" -> "UNDP"
    if len(words) < len(cut.split()):
        cut = " ".join(words).rstrip(" ,;:-–")  # "Aramark, CIO" -> "Aramark"
    if not cut or not any(c.isupper() for c in cut[:1]):
        return None
    return cut, start


def classify_kind(name: str, acronym: str | None) -> str | None:
    """Kind of organisation where its name makes it clear."""
    words = {w.lower().strip(".,") for w in name.split()}
    if acronym in INTERGOVERNMENTAL or name.startswith("United Nations"):
        return "intergovernmental"
    if words & {"inc", "ltd", "llc", "plc", "corp", "corporation", "company", "gmbh", "co"}:
        return "company"
    if words & {"university", "college", "school", "academy"}:
        return "academic"
    legislative = {"senate", "congress", "parliament", "assembly", "house"}
    if words & legislative and "committee" not in words:
        return "legislature"
    if words & {"ministry", "department", "government", "agency", "administration", "bureau"}:
        return "government"
    if words & {"foundation", "ngo", "charity", "alliance", "society"}:
        return "ngo"
    return None


def _key(name: str) -> str:
    """Merge key: no "the", no possessive, no comma before a legal form ("Bit Digital, Inc."
    is "Bit Digital Inc."), lower case, a trailing country as its ISO code."""
    name = POSSESSIVE.sub("", _LEADING_THE.sub("", name.strip()))
    legal = COMPANY_SUFFIX.search(name)
    if legal is not None and legal.group().startswith(","):
        name = name[: legal.start()] + legal.group()[1:]
    name = name.lower()
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"^(?:u\.\s?s\.?|u s|united states)\s+(?=\w)", "", name)  # "U.S. Department of X"
    match = re.match(r"^(.+?\bof)\s+(?:the\s+)?(.+)$", name)
    if match:
        code = resources.country_aliases().get(resources.normalise_country_key(match.group(2)))
        if code:
            return f"{match.group(1)} {code}"
    return name


class _Registry:
    """Collects names and mentions and merges those that name the same organisation."""

    def __init__(self) -> None:
        self.orgs: list[OrgHit] = []
        self.by_key: dict[str, OrgHit] = {}

    def add(self, name: str, start: int, end: int, acronym: str | None = None) -> OrgHit:
        org = self.by_key.get(_key(name)) or (acronym and self.by_key.get(_key(acronym))) or None
        if org is None:
            org = OrgHit(name=name)
            self.orgs.append(org)
        self._absorb(org, name)
        if acronym:
            org.acronym = org.acronym or acronym
            self.by_key.setdefault(_key(acronym), org)
        if (start, end) not in org.mentions:
            org.mentions.append((start, end))
        return org

    def _absorb(self, org: OrgHit, name: str) -> None:
        self.by_key.setdefault(_key(name), org)
        if name == org.name or name in org.aliases:
            return
        if name.isupper() and len(name) <= 10 and " " not in name:
            org.acronym = org.acronym or name
            if org.name == name:
                return
        if org.name.isupper() and " " not in org.name and not name.isupper():
            org.aliases.append(org.name)
            org.acronym = org.acronym or org.name
            org.name = name
        elif len(name) > len(org.name) and not name.isupper():
            org.aliases.append(org.name)
            org.name = name
        else:
            org.aliases.append(name)


def _add_short_company_names(text: str, registry: _Registry, surnames: set[str]) -> None:
    """``Acme Water Ltd.`` is also written ``Acme Water``: add that alias and its mentions
    (not a one-word form that is a person's surname: "Baker" of Tom Baker and "Baker
    Holdings")."""
    shorts: dict[int, str] = {}
    for index, org in enumerate(registry.orgs):
        short = COMPANY_SUFFIX.sub("", org.name)
        if short == org.name and org.name.split()[-1] in COMPANY_HEADS:
            short = org.name.rsplit(" ", 1)[0]  # "Southern Skies" of "Southern Skies Airways"
            if " " not in short and short in COMMON_FIRST_WORDS:
                continue
        if short == org.name or len(short) < 3 or short in surnames:
            continue
        shorts[index] = short
    occurrences = _occurrences(text, set(shorts.values()))
    for index, short in shorts.items():
        org = registry.orgs[index]
        found = False
        for match in occurrences[short]:
            before = re.search(r"(\S+)\s+$", text[max(0, match.start() - 30) : match.start()])
            if before and before.group(1)[:1].isupper() and not before.group(1).endswith("."):
                continue  # "Tom [Baker]" is a person, not "Baker Holdings"
            if not any(s <= match.start() < e for s, e in org.mentions):
                org.mentions.append(match.span())
                found = True
        if found and short not in org.aliases:
            org.aliases.append(short)


_WORD = re.compile(r"(?<![\w-])\w[\w-]*")


def _occurrences(text: str, names: set[str]) -> dict[str, list[re.Match[str]]]:
    """Where each name is written as a whole name not followed by another capitalised word
    (what ``re.finditer`` finds for each name), in one pass over the text's words instead of
    one pass per name."""
    patterns = {
        name: re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?![ \t]+[A-Z])") for name in names
    }
    found: dict[str, list[re.Match[str]]] = {name: [] for name in names}
    by_first: dict[str, list[str]] = {}
    for name in names:
        first = _WORD.match(name)
        if first is None:  # not starting with a word character: search the text for it alone
            found[name] = list(patterns[name].finditer(text))
        else:
            by_first.setdefault(first.group(), []).append(name)
    if not by_first:
        return found
    ends = dict.fromkeys(names, 0)
    for word in _WORD.finditer(text):
        for name in by_first.get(word.group(), ()):
            if word.start() < ends[name]:
                continue  # inside the previous occurrence (matches do not overlap)
            match = patterns[name].match(text, word.start())
            if match is not None:
                found[name].append(match)
                ends[name] = match.end()
    return found


def initials(name: str) -> str:
    """Initials of the capitalised words: "Government Accountability Office" -> "GAO",
    "U.S. Department of Agriculture" -> "USDA"."""
    return "".join(
        w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,}", w) else w[0]
        for w in name.replace("-", " ").split()
        if w[:1].isupper()
    )


def _initialisms(name: str) -> set[str]:
    """Acronyms a name may go by: its initials, with "US" for a federal body written without
    "U.S." ("USDA"), without the "D" of "Department of" ("HHS")."""
    forms = {initials(name), "US" + initials(name)}
    if name.startswith("Department of "):
        forms.add(initials(name[len("Department of ") :]))
    return forms


def _merge_initialisms(registry: _Registry) -> None:
    """Fold an acronym-only organisation ("CPIB", "MSU") into the one organisation whose
    initials spell it ("Corrupt Practices Investigation Bureau", "Montana State University");
    organisations are indexed by their initials, not compared pair by pair."""
    by_initials: dict[str, list[OrgHit]] = {}
    for org in registry.orgs:
        if org.acronym is None:
            for form in _initialisms(org.name):
                by_initials.setdefault(form, []).append(org)
    merged: set[int] = set()
    for org in registry.orgs:
        acronym_only = org.name.isupper() and " " not in org.name
        if not acronym_only or org.acronym not in (None, org.name):
            continue
        targets = [o for o in by_initials.get(org.name, []) if o is not org and o.acronym is None]
        if len(targets) == 1:
            target = targets[0]
            target.acronym = org.name
            target.mentions.extend(org.mentions)
            merged.add(id(org))
    registry.orgs[:] = [o for o in registry.orgs if id(o) not in merged]


def find_organisations(doc: Doc) -> list[OrgHit]:
    """Organisations in ``doc`` from ORG entities, acronym definitions, proper-noun runs that
    end in an organisation word, and known acronyms.

    Args:
        doc: A Doc with entities (any pipeline; a blank one finds only acronyms).

    Returns:
        Organisations in order of first mention, each with merged mentions.
    """
    text = attrs.text_of(doc)
    ents = doc.ents  # each access of ents rebuilds the spans: read it once
    registry = _Registry()
    definitions = find_acronym_definitions(text)
    rejected = _add_definitions(text, ents, definitions, registry) | defined_terms(text)
    context = attrs.context(doc)
    body_start = context["body_start"]
    checks = _Context(
        text=text,
        quoted_titles=[(s, e) for s, e in context["quoted_titles"]],
        countries=[(m["start"], m["end"]) for m in context["country_mentions"]],
        contact_names=[
            span
            for block in context["contact_blocks"]
            for span in name_fields(text, ContactBlock(**block))
        ],
        securities=ticker_symbols(text),
        patterns=find_pattern_organisations(
            text, body_start, frozenset(e.start_char for e in ents if e.label_ == "PERSON")
        ),
    )
    _add_entities(doc, ents, checks, body_start, rejected, registry)
    _add_patterns(ents, checks, registry)
    _add_acronyms(text, body_start, {d.acronym for d in definitions}, checks, registry)
    _merge_initialisms(registry)
    surnames = {e.text.split()[-1] for e in ents if e.label_ == "PERSON" and " " in e.text}
    _add_short_company_names(text, registry, surnames)
    _merge_short_forms(registry)
    for org in registry.orgs:
        org.mentions.sort()
        org.aliases = [a for a in dict.fromkeys(org.aliases) if a not in (org.name, org.acronym)]
        if org.acronym and org.acronym != org.name and org.acronym not in org.aliases:
            org.aliases.insert(0, org.acronym)
        org.kind = classify_kind(org.name, org.acronym)
    return sorted(registry.orgs, key=lambda o: o.mentions[0])


@dataclass(frozen=True)
class _Context:
    """What every candidate is checked against."""

    text: str
    quoted_titles: list[tuple[int, int]]
    countries: list[tuple[int, int]]
    contact_names: list[tuple[int, int]]
    securities: list[tuple[int, int]]
    patterns: list[tuple[str, int]]

    @cached_property
    def prose_words(self) -> set[str]:
        """The strings written as words of prose (:func:`prose_words`)."""
        return prose_words(self.text)

    @cached_property
    def _excluded_ranges(self) -> Ranges:
        return Ranges([*self.quoted_titles, *self.securities])

    @cached_property
    def pattern_ranges(self) -> Ranges:
        """The organisation-word runs as ranges (their order in :attr:`patterns` is kept by
        :meth:`patterns_containing`)."""
        return Ranges((begin, begin + len(long)) for long, begin in self.patterns)

    @cached_property
    def _pattern_order(self) -> dict[tuple[int, int], int]:
        order: dict[tuple[int, int], int] = {}
        for index, (long, begin) in enumerate(self.patterns):
            order.setdefault((begin, begin + len(long)), index)
        return order

    @cached_property
    def _longest_pattern(self) -> int:
        return max((len(long) for long, _ in self.patterns), default=0)

    def patterns_containing(self, start: int, end: int) -> list[tuple[str, int]]:
        """The runs that hold ``[start, end)``, in the order of :attr:`patterns`."""
        found = [
            (begin, stop)
            for begin, stop in self.pattern_ranges.starting_in(
                start - self._longest_pattern, start + 1
            )
            if stop >= end
        ]
        found.sort(key=lambda r: self._pattern_order[r])
        return [(self.text[begin:stop], begin) for begin, stop in found]

    def excluded(self, start: int, end: int) -> bool:
        """Inside a quoted title, a ticker symbol, or a currency code before an amount."""
        if self._excluded_ranges.covers(start):
            return True
        return self.text[start:end] in resources.currency_codes() and bool(
            re.match(r"\s?[\d$€£¥]", self.text[end : end + 2])
        )  # "CHF 18 million"


def defined_terms(text: str) -> set[str]:
    """Acronyms defined for lower-case terms: "milk protein concentrate (MPC)" names a thing,
    so a later "MPC" is no organisation."""
    terms = set()
    for match in PAREN_ACRONYM.finditer(text):
        acronym = match.group("acr")
        words = re.findall(r"[\w’'-]+", text[max(0, match.start() - 80) : match.start()])
        words = words[-len(acronym) :]
        if all(w.islower() for w in words) and "".join(w[0] for w in words) == acronym.lower():
            terms.add(acronym)
    return terms


def _add_definitions(
    text: str, ents: tuple[Span, ...], definitions: list[AcronymDefinition], registry: _Registry
) -> set[str]:
    """Register acronym definitions whose long form is an organisation; return the others."""
    rejected: set[str] = set()
    org_ents = sorted((e.start_char, e.end_char) for e in ents if e.label_ == "ORG")
    tagged_orgs = Ranges(org_ents)
    for definition in definitions:
        definition = _extend_long_form(text, org_ents, definition)
        long = clean_org_text(definition.long, definition.long_start)
        if long is None:  # "milk protein concentrate (MPC)": a term, not an organisation
            rejected.add(definition.acronym)
            continue
        name, start = long
        tagged = tagged_orgs.covers(start)
        organisational = (
            looks_like_org(name) or definition.acronym in resources.known_org_acronyms() or tagged
        )
        if organisational and not is_not_organisation(name):
            registry.add(name, start, start + len(name), definition.acronym)
        else:
            rejected.add(definition.acronym)
    return rejected


def _add_entities(
    doc: Doc,
    ents: tuple[Span, ...],
    context: _Context,
    body_start: int,
    rejected: set[str],
    registry: _Registry,
) -> None:
    """Register the model's ORG entities that survive repair and the non-organisation checks."""
    text = context.text
    person_words = {w for e in ents if e.label_ == "PERSON" for w in e.text.split()}
    all_countries = context.countries
    contact_names = context.contact_names
    country_spans = [(s, e) for s, e in all_countries if not governs(text, s)]
    country_ends = {s: e for s, e in reversed(country_spans)}  # the first one at each start
    country_ranges, all_country_ranges = Ranges(country_spans), Ranges(all_countries)
    contact_ranges = Ranges(contact_names)
    for ent in ents:
        if ent.label_ != "ORG" or ent.start_char < body_start or inside_title(doc, ent):
            continue
        if context.excluded(ent.start_char, ent.end_char):
            continue
        if common_noun(doc, ent, lambda: context.prose_words):
            continue
        if shouted_line(text, ent.start_char) and ent.text not in resources.known_org_acronyms():
            continue  # the model's entities in an all-caps headline line are noise
        if place_by_context(doc, ent) or title_modifier(doc, ent) or not_a_name(ent):
            continue
        cleaned = clean_org_text(ent.text, ent.start_char)
        if cleaned is None or is_not_organisation(cleaned[0]):
            continue
        if names_a_person(cleaned[0], person_words) or named_person(
            doc, cleaned[0], ent.start, ent.end
        ):
            continue
        if cleaned[0].split()[0].lower() in resources.title_words():
            continue  # "Counsellor for Climate and Development" is a job title
        org_end = cleaned[1] + len(cleaned[0])
        leading = country_ends.get(cleaned[1])
        if (
            leading is not None
            and looks_like_org(text[leading:org_end])
            and not _plural_head(cleaned[0])
        ):
            pass  # "U.S. Senate", "Canadian ..." : a national body named with its country
        elif overlaps(country_ranges, cleaned[1], org_end) or any(
            e > org_end for _, e in all_country_ranges.starting_in(cleaned[1], org_end)
        ):
            continue  # "Côte" of "Côte d’Ivoire", "National Education of Côte"
        if contact_ranges.covers(ent.start_char):
            continue  # a contact's name the model took for an organisation
        if domain_of_a_title(doc, ent, cleaned[0]):
            continue  # "Minister of [Natural Resources]"
        possessor = re.match(r"^(.+?)['’]s\s+(.+)$", cleaned[0])
        ranked = ent.start > 0 and is_rank_word(doc[ent.start - 1].text)
        if possessor and (possessor.group(1).split()[-1] in person_words or ranked):
            cleaned = (possessor.group(2), cleaned[1] + possessor.start(2))  # "Allen's Board"
        elif possessor and is_head(possessor.group(1).split()[-1]):
            # "General Assembly’s Special Committee": two organisations
            registry.add(possessor.group(1), cleaned[1], cleaned[1] + len(possessor.group(1)))
            cleaned = (possessor.group(2), cleaned[1] + possessor.start(2))
        name, start = _widen(
            cleaned[0],
            cleaned[1],
            context.patterns_containing(cleaned[1], cleaned[1] + len(cleaned[0])),
        )
        if name in rejected and not registry.by_key.get(_key(name)):
            continue
        registry.add(name, start, start + len(name))


def _plural_head(name: str) -> bool:
    """ "U.S. Service Academies": a kind of body, not one organisation."""
    last = name.split()[-1].lower()
    return last.endswith("ies") or (last.endswith("s") and last[:-1] in ORG_WORDS)


def _widen(name: str, start: int, patterns: list[tuple[str, int]]) -> tuple[str, int]:
    """An entity the model cut short takes the organisation-word run that contains it:
    "[Intergovernmental Commission] on Drylands", "[Homeland Security] and Governmental
    Affairs Committee". A run only reaches further left for a fragment with no organisation
    word ("Recent National Park Service" does not replace "National Park Service")."""
    end = start + len(name)
    for long, begin in patterns:
        inside = begin <= start and end <= begin + len(long) and len(long) > len(name)
        if not inside:
            continue
        left = long[: start - begin].strip()
        if (
            not looks_like_org(name)
            or left.endswith(" and")
            or left.lower() in (resources.demonyms())
        ):
            return long, begin  # a fragment, "X and [Y Committee]", "Spanish [Honor Society]"
        extension = long[end - begin :].split()
        if begin == start and not any(is_head(w) for w in extension):
            return long, begin  # not across a second name: "Department of X of the Ministry"
    return name, start


def _add_patterns(ents: tuple[Span, ...], context: _Context, registry: _Registry) -> None:
    """Register organisation-word runs the model missed. A run that ends in a company word or
    suffix wins over a PERSON entity inside it ("[Pinecrest Kitchens] LLC")."""
    taken = Ranges((s, e) for o in registry.orgs for s, e in o.mentions)
    people = Ranges((e.start_char, e.end_char) for e in ents if e.label_ == "PERSON")
    roles = [(e.start_char, e.end_char) for e in ents if e.label_ == "ROLE"]
    for name, start in context.patterns:
        end = start + len(name)
        if overlaps(taken, start, end) or is_not_organisation(name):
            continue
        if name.split()[-1].lower() in resources.title_words() and any(
            s <= start and end <= e for s, e in roles
        ):
            continue  # "Council President": a job title, not a council
        if not company_name(name) and overlaps(people, start, end):
            continue
        if context.excluded(start, end) or shouted_line(context.text, start):
            continue
        registry.add(name, start, end)


def _add_acronyms(
    text: str, body_start: int, defined: set[str], context: _Context, registry: _Registry
) -> None:
    """Every use of a defined acronym, and of a known one, in the body is a mention."""
    acronyms = {o.acronym for o in registry.orgs if o.acronym}
    known = resources.known_org_acronyms()
    for match in _ACRONYM_USE.finditer(text, body_start):
        acronym = match.group()
        if context.excluded(match.start(), match.end()):
            continue
        if (
            acronym in acronyms
            or acronym in known
            or (acronym in defined and registry.by_key.get(_key(acronym)))
        ):
            registry.add(acronym, match.start(), match.end(), acronym)


_ACRONYM_USE = re.compile(r"\b[A-Z][A-Z&\-]{1,9}(?=(?:s|['’]s)?\b)")


def _merge_short_forms(registry: _Registry) -> None:
    """Fold an organisation that is another's short form into it: "Brightwater" and
    "Brightwater Analytics" into "Brightwater Analytics Inc.", "Merchant Marine Academy" into
    "United States Merchant Marine Academy", "Finance Committee" into "Senate Finance
    Committee" — only when exactly one organisation has it as its short form.

    Each form's leading and trailing word runs index the organisations that could hold a
    short form, so only those are compared (no comparison of every pair)."""
    holders: dict[str, list[OrgHit]] = {}
    for org in registry.orgs:
        for form in {org.name, *org.aliases}:
            words = form.split()
            for size in range(1, len(words) + 1):
                for part in (" ".join(words[:size]), " ".join(words[-size:])):
                    holders.setdefault(part, [])
                    if not holders[part] or holders[part][-1] is not org:
                        holders[part].append(org)
    merged: set[int] = set()
    for short in sorted(registry.orgs, key=lambda o: len(o.name), reverse=True):
        if id(short) in merged:
            continue
        fulls = [
            f
            for f in holders.get(short.name, [])  # each organisation once (appended so above)
            if f is not short and id(f) not in merged and _short_form_of(short.name, f)
        ]
        if len(fulls) != 1:
            continue
        full = fulls[0]
        full.mentions.extend(m for m in short.mentions if m not in full.mentions)
        full.aliases += [short.name, *short.aliases]
        full.acronym = full.acronym or short.acronym
        merged.add(id(short))
    registry.orgs[:] = [o for o in registry.orgs if id(o) not in merged]


def _short_form_of(short: str, full: OrgHit) -> bool:
    forms = {full.name, *full.aliases}
    if short in forms:
        return True
    if short.isupper():
        return False
    if short in ("House", "Senate") and any(f.startswith(short + " of ") for f in forms):
        return True  # "House" of "House of Representatives"
    plain = short.split()[0] not in COMMON_FIRST_WORDS and not looks_like_org(short)
    for form in forms:
        if plain and company_name(form) and form.startswith(short + " "):
            return True  # "Southern Crescent" of "Southern Crescent Airways"
        prefix = form[: -len(short)].strip() if form.endswith(" " + short) else ""
        if prefix and resources.normalise_country_key(prefix) in resources.country_aliases():
            return True  # "Merchant Marine Academy" of "United States Merchant Marine Academy"
        if prefix and len(short.split()) >= 2 and head_word(short) in ORG_WORDS:
            return True  # "Review Board" of "Service Academy Review Board"
    return False


class OrganisationsComponent(FieldComponent):
    """Writes ``doc._.pr_organisations``."""

    def process(self, doc: Doc) -> None:
        doc._.set(
            attrs.ORGANISATIONS,
            [
                {
                    "name": o.name,
                    "acronym": o.acronym,
                    "aliases": o.aliases,
                    "kind": o.kind,
                    "mentions": [list(m) for m in o.mentions],
                }
                for o in find_organisations(doc)
            ],
        )


@Language.factory(
    "pr_organisations",
    assigns=[attrs.declared(attrs.ORGANISATIONS)],
    requires=["doc.ents", attrs.declared(attrs.CONTEXT)],
    default_config={},
)
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """Build the organisations component."""
    return OrganisationsComponent(name)
