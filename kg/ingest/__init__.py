"""Ingest stage: find input files and decode them (UTF-8, UTF-8 with BOM, GB18030)."""
from kg.ingest.read import MAX_BYTES, collect_inputs, read_document

__all__ = ["MAX_BYTES", "collect_inputs", "read_document"]
