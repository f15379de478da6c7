"""pr_people: named people with honorific, job title and affiliation.

Candidates are the model's PERSON entities plus names introduced by an honorific, a rank or a
contact block (:mod:`.candidates`); titles and affiliations come from the ROLE entities next to
a name or, failing those, the title phrase written around it (:mod:`.roles`); mentions are
linked into people (:mod:`.linking`). The rooms import only :mod:`.names` and each other in
that order; the component reads ``doc._`` values it declares.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor import attrs
from extractor.components._base import FieldComponent
from extractor.components.people.candidates import (
    candidate_spans,
    overlaps_org_or_country,
)
from extractor.components.people.linking import (
    add_coordinated_given_names,
    add_surname_mentions,
    fill_from_contacts,
    is_place_only,
    link_mentions,
    share_plural_titles,
)
from extractor.components.people.names import (
    PersonHit,
)
from extractor.components.people.roles import (
    UNLISTED,
    EntityIndex,
    government_posts,
    mention_with_role,
    org_spans,
)
from extractor.text.intervals import Ranges


def find_people(doc: Doc) -> list[PersonHit]:
    """People named in ``doc``, with titles and affiliations.

    Args:
        doc: A parsed Doc with entities and ``doc._.pr_organisations``.

    Returns:
        People in order of first mention.
    """
    text = attrs.text_of(doc)
    ents = doc.ents  # so does doc.ents rebuild its spans
    context = attrs.context(doc)
    affiliations = org_spans(doc, text, ents)  # the model's other ORGs can be affiliations
    countries = Ranges((m["start"], m["end"]) for m in context["country_mentions"])
    entities = EntityIndex.of(doc, ents)
    listed = ((o.start, o.end) for o in affiliations if o.index != UNLISTED)
    places = Ranges([*listed, *countries])
    mentions = [
        m
        for span in candidate_spans(doc, text, ents, context)
        if (m := mention_with_role(doc, text, span, affiliations, countries, entities))
        and not overlaps_org_or_country(m, places)
    ]
    tags = Ranges(m.span() for m in re.finditer(r"\([DRI]\s?-[^()\n]{1,30}\)", text))
    mentions = [m for m in mentions if not tags.covers(m.start)]  # "(D-8th Dist.)"
    others = [  # the model's GPE label on a given name ("Stephen") is common; places are checked
        (e.start_char, e.end_char) for e in ents if e.label_ in ("ORG", "NORP", "FAC", "PRODUCT")
    ]
    mentions = share_plural_titles(text, add_coordinated_given_names(text, mentions, others))
    people = [p for p in link_mentions(mentions) if not is_place_only(p)]
    employers = {p.organization.casefold() for p in people if p.organization}
    people = [p for p in people if p.name.casefold() not in employers]  # "(..., Gojek Singapore)"
    add_surname_mentions(text, people, context["body_start"])
    government_posts(people, doc._.get(attrs.ORGANISATIONS))
    return people


class PeopleComponent(FieldComponent):
    """Writes ``doc._.pr_people``."""

    def process(self, doc: Doc) -> None:
        people = find_people(doc)
        fill_from_contacts(attrs.text_of(doc), people, doc._.get(attrs.CONTACTS))
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
    default_config={"extra_title_words": []},
)
def make_people(nlp: Language, name: str, *, extra_title_words: list[str]) -> PeopleComponent:
    """Build the people component.

    Args:
        nlp: The pipeline.
        name: The component's name.
        extra_title_words: Words that make a job title, added to the packaged list
            (``extractor/data/title_words.txt``), e.g. ``["ombudsperson"]``.
    """
    return PeopleComponent(name, title_words=extra_title_words)
