"""What `kg build` reports: counts per type and "which companies appear in which initiatives"."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

INITIATIVE_TYPES = ("Project", "Policy", "Park")


@dataclass(frozen=True)
class CompanyInitiative:
    company: str
    initiative: str
    initiative_type: str
    relation: str
    document: str
    evidence: str
    count: int


@dataclass
class Summary:
    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    rows: list[CompanyInitiative]


def company_initiatives(graph: nx.MultiDiGraph) -> list[CompanyInitiative]:
    """Enterprise -> Project/Policy/Park edges, most evidenced first."""
    rows = []
    for head, tail, data in graph.edges(data=True):
        if graph.nodes[head]["type"] != "Enterprise" or graph.nodes[tail]["type"] not in INITIATIVE_TYPES:
            continue
        first = data["evidence"][0]
        rows.append(CompanyInitiative(
            graph.nodes[head]["label"], graph.nodes[tail]["label"], graph.nodes[tail]["type"],
            data["relation"], first["doc"], first["sentence"], data["count"],
        ))
    return sorted(rows, key=lambda r: (-r.count, r.company, r.relation, r.initiative))


def summarize(graph: nx.MultiDiGraph) -> Summary:
    entities = Counter(data["type"] for _, data in graph.nodes(data=True))
    relations = Counter(key for _, _, key in graph.edges(keys=True))
    return Summary(len(graph.graph.get("documents", [])), dict(sorted(entities.items())),
                   dict(sorted(relations.items())), company_initiatives(graph))
