"""Build the knowledge graph as a networkx.MultiDiGraph.

Graph attributes:
  ``graph.graph["documents"]``: list of dicts ``{id, path, title, date, issuer, region, year}``.
Node (key: the entity id) attributes:
  ``type``, ``label`` (canonical name), ``aliases`` (sorted list), ``also`` (sorted list of other
  acceptable types), ``documents`` (sorted list of doc ids), ``mentions`` (int),
  ``mention_evidence`` (list of evidence dicts), and for projects when known:
  ``investment_yuan`` (int), ``investment_text``, ``status``, ``year``; ``corrections`` (sorted
  list of notes) when an analyst's corrections changed the entity.
Edge (key: the relation name; one edge per head, relation, tail) attributes:
  ``relation``, ``count`` (number of evidences), ``confidence`` (max over evidences),
  ``documents`` (sorted list), ``evidence`` (list of evidence dicts sorted by document and span),
  ``corrections`` (sorted list of notes) when the relation was added by a correction.
Evidence dict keys: ``doc``, ``sentence_index``, ``sentence``, ``start``, ``end``,
``orig_start``, ``orig_end``, ``source``, ``confidence``, and ``page`` (1-based) for a PDF.
"""
from __future__ import annotations

from dataclasses import asdict

import networkx as nx

from kg.model import Evidence, Resolution


def evidence_to_dict(ev: Evidence) -> dict:
    """The evidence as a dict; ``page`` only where the document has pages (PDF)."""
    d = {"sentence_index": ev.sentence_index, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
         "orig_start": ev.orig_start, "orig_end": ev.orig_end, "source": ev.source, "confidence": ev.confidence}
    if ev.page is not None:
        d["page"] = ev.page
    d["doc"] = ev.doc_id
    return d


def _evidence_sort_key(d: dict) -> tuple:
    return (d["doc"], d["start"], d["end"], d["source"])


def build_graph(resolution: Resolution) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph["documents"] = [
        {
            "id": doc.doc_id,
            "path": doc.path,
            "title": doc.meta.title,
            "date": doc.meta.date,
            "issuer": doc.meta.issuer,
            "region": doc.meta.region,
            "year": doc.meta.year,
        }
        for doc in sorted(resolution.documents, key=lambda d: d.doc_id)
    ]
    for ent_id in sorted(resolution.entities):
        ent = resolution.entities[ent_id]
        attrs = {
            "type": ent.type,
            "label": ent.name,
            "aliases": sorted(ent.aliases - {ent.name}),
            "also": sorted(ent.also),
            "documents": sorted(ent.documents),
            "mentions": len(ent.mentions),
            "mention_evidence": sorted((evidence_to_dict(e) for e in ent.mentions), key=_evidence_sort_key),
        }
        for key, value in asdict(ent.attributes).items():
            if value is not None:
                attrs[key] = value
        if ent.corrections:
            attrs["corrections"] = sorted(ent.corrections)
        g.add_node(ent_id, **attrs)
    for fact in sorted(resolution.facts, key=lambda f: (f.head, f.relation, f.tail)):
        evidence = sorted((evidence_to_dict(e) for e in fact.evidence), key=_evidence_sort_key)
        g.add_edge(
            fact.head,
            fact.tail,
            key=fact.relation,
            relation=fact.relation,
            count=len(evidence),
            confidence=max((e["confidence"] for e in evidence), default=1.0),
            documents=sorted({e["doc"] for e in evidence}),
            evidence=evidence,
            **({"corrections": sorted(fact.corrections)} if fact.corrections else {}),
        )
    return g
