"""Keep a build folder up to date: documents are added and removed, only new or changed ones are
read and extracted again (a cache in the build folder), and the whole set is resolved again."""
from kg.incremental.cache import ExtractionCache, pipeline_version
from kg.incremental.manifest import CORRECTIONS, MANIFEST, Manifest, read_manifest

__all__ = ["CORRECTIONS", "MANIFEST", "ExtractionCache", "Manifest", "pipeline_version", "read_manifest"]
