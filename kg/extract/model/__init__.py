"""The learned extractor: character CRFs decide entity spans and types; the rule components are
their features, not the final deciders.

Entities are tagged in three layers (`layers.LAYERS`) so that a name nested in another of a
different kind is still a mention of its own (中航光电 inside 中航光电高端互连科技产业社区).
"""
from kg.extract.model.layers import LAYERS
from kg.extract.model.store import Model, default_model_path, load_model

__all__ = ["LAYERS", "Model", "default_model_path", "load_model"]
