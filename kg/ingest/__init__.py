"""Ingest stage: find input files and read them (text in UTF-8 or GB18030, PDF, HTML, DOCX)."""
from kg.ingest.read import MAX_BYTES, SUFFIXES, collect_inputs, read_bytes, read_document

__all__ = ["MAX_BYTES", "SUFFIXES", "collect_inputs", "read_bytes", "read_document"]
