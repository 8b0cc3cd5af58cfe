"""Extract stage: entity mentions (a spaCy pipeline of rule components) and relations."""
from kg.extract.pipeline import Extractor

__all__ = ["Extractor"]
