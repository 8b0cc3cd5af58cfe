"""Plain data passed between pipeline stages.

ingest -> RawDocument; text -> Document (cleaned text, offset map, sentences, metadata);
extract -> Extraction (Mentions and RelationMentions with provenance);
resolve -> Resolution (Entities with canonical ids, Facts with Evidence);
graph -> networkx.MultiDiGraph (see kg.graph.build for its attributes).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from operator import attrgetter

ENTITY_TYPES = ("Enterprise", "Project", "Park", "Policy", "Institution", "Region")
CORE_TYPES = ("Enterprise", "Project", "Park", "Policy")
RELATION_TYPES = ("undertakes", "participatesIn", "locatedIn", "partOf")


def _pickled_as_arguments(cls):
    """Pickle a slotted dataclass as its constructor's arguments: its default pickling calls
    `fields()` on every object, twice as slow for the many mentions a worker sends back."""
    values = attrgetter(*(f.name for f in fields(cls)))
    cls.__reduce__ = lambda self: (cls, values(self))
    return cls


@dataclass(frozen=True)
class RawDocument:
    """A decoded source file."""

    doc_id: str
    path: str
    text: str
    encoding: str  # of a text file; "pdf", "html" or "docx" for text read out of those
    # offsets in `text` where pages 2, 3, ... begin (PDF only; empty: no pages)
    page_starts: tuple[int, ...] = ()
    title: str | None = None  # from the file itself (HTML <title>), preferred to the header's
    date: str | None = None  # ISO yyyy-mm-dd, from the file itself
    warnings: tuple[str, ...] = ()  # one line each, shown to the user


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    date: str | None = None  # ISO yyyy-mm-dd
    issuer: str | None = None
    region: str | None = None
    year: int | None = None


@dataclass
class Document:
    """A cleaned document: `offsets[i]` is the index in `raw` of `text[i]`."""

    doc_id: str
    path: str
    raw: str
    text: str
    offsets: list[int]
    sentences: list[Sentence]
    meta: DocumentMeta
    page_starts: tuple[int, ...] = ()  # as in RawDocument: offsets in `raw` where pages 2, 3, ... begin

    def page_at(self, pos: int) -> int | None:
        """The 1-based page holding cleaned offset `pos`; None for a document without pages."""
        if not self.page_starts:
            return None
        original = self.offsets[pos] if pos < len(self.offsets) else len(self.raw)
        return bisect.bisect_right(self.page_starts, original) + 1

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned-text span [start, end) back to the original file."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence containing cleaned offset `pos` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Mention:
    """One surface occurrence of an entity in a document's cleaned text."""

    name: str  # surface form without quotes/title marks
    type: str
    start: int
    end: int
    sentence: int
    source: str  # the component that produced it
    confidence: float = 1.0
    also: tuple[str, ...] = ()


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class RelationMention:
    head: Mention
    relation: str
    tail: Mention
    sentence: int
    source: str
    confidence: float = 1.0


@dataclass
class ProjectAttributes:
    investment_yuan: int | None = None
    investment_text: str | None = None
    status: str | None = None
    year: int | None = None


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    mentions: list[Mention]
    relations: list[RelationMention]
    # keyed by the mention's (start, end)
    attributes: dict[tuple[int, int], ProjectAttributes] = field(default_factory=dict)


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: document, sentence and character spans."""

    doc_id: str
    sentence_index: int
    sentence: str
    start: int  # cleaned text
    end: int
    orig_start: int  # original file
    orig_end: int
    source: str
    confidence: float
    page: int | None = None  # 1-based page of a PDF


@dataclass
class Entity:
    id: str  # stable canonical id (also the RDF local name and GEXF node id)
    type: str
    name: str  # canonical name
    aliases: set[str] = field(default_factory=set)
    also: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    mentions: list[Evidence] = field(default_factory=list)
    attributes: ProjectAttributes = field(default_factory=ProjectAttributes)
    # per document: the surface forms seen there (for `kg extract`)
    names_by_doc: dict[str, set[str]] = field(default_factory=dict)
    corrections: list[str] = field(default_factory=list)  # what an analyst's corrections changed


@dataclass
class Fact:
    head: str  # entity id
    relation: str
    tail: str
    evidence: list[Evidence] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # what an analyst's corrections changed


@dataclass
class Resolution:
    documents: list[Document]
    entities: dict[str, Entity]
    facts: list[Fact]
    warnings: list[str] = field(default_factory=list)  # corrections that found nothing ...
