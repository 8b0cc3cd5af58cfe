"""Text stage: repair PDF artefacts with an offset map, split sentences, read the header."""
from kg.text.clean import clean_text
from kg.text.metadata import read_metadata
from kg.text.sentences import split_sentences
from kg.model import Document, RawDocument


def prepare(raw: RawDocument) -> Document:
    """RawDocument -> Document (cleaned text, offsets into the original, sentences, metadata)."""
    text, offsets = clean_text(raw.text)
    return Document(
        doc_id=raw.doc_id,
        path=raw.path,
        raw=raw.text,
        text=text,
        offsets=offsets,
        sentences=split_sentences(text),
        meta=read_metadata(text, raw.doc_id),
    )


__all__ = ["clean_text", "prepare", "read_metadata", "split_sentences"]
