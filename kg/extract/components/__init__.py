"""spaCy components of the extraction pipeline, registered by name on import."""
from spacy.tokens import Doc

for _name in ("kg_document", "kg_candidates", "kg_mentions", "kg_tokens", "kg_rule_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

from kg.extract.components import (  # noqa: E402,F401
    companies,
    designations,
    enumerations,
    firms,
    heads,
    learned,
    lexicon_matcher,
    propagate,
    quoted,
    regions,
    select,
)
