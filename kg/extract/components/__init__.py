"""spaCy components of the extraction pipeline, registered by name on import."""
from spacy.tokens import Doc

from kg.extract.components import lexicon_matcher, patterns, select  # noqa: F401

for _name in ("kg_document", "kg_candidates", "kg_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
