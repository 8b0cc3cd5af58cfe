"""Text stage: repair PDF artefacts with an offset map, split sentences, read the header."""
from dataclasses import replace

from kg.text.clean import clean_text
from kg.text.metadata import read_metadata
from kg.text.sentences import split_sentences
from kg.model import Document, RawDocument


def prepare(raw: RawDocument) -> Document:
    """RawDocument -> Document (cleaned text, offsets into the original, sentences, metadata)."""
    text, offsets = clean_text(raw.text)
    meta = read_metadata(text, raw.doc_id)
    if raw.title or raw.date:
        meta = replace(meta, title=raw.title or meta.title, date=raw.date or meta.date,
                       year=int(raw.date[:4]) if raw.date else meta.year)
    return Document(
        doc_id=raw.doc_id,
        path=raw.path,
        raw=raw.text,
        text=text,
        offsets=offsets,
        sentences=split_sentences(text),
        meta=meta,
        page_starts=raw.page_starts,
    )


__all__ = ["clean_text", "prepare", "read_metadata", "split_sentences"]
