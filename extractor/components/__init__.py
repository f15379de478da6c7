"""The toolkit's spaCy components; importing this package registers their factories."""

from extractor.components import (  # noqa: F401
    contacts,
    context,
    countries,
    dateline,
    entities,
    links,
    organisations,
    people,
    quotes,
    rule_names,
    title,
    token_attributes,
    verb_lemmas,
)
