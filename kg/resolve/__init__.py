"""Resolve stage: one entity per real-world thing, with a canonical name, aliases and a stable id."""
from kg.resolve.keys import entity_key, normalize
from kg.resolve.resolve import resolve

__all__ = ["entity_key", "normalize", "resolve"]
