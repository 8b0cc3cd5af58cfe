"""The ontology (schemas/kg.ttl) inside every build, and the super-types each entity states.

`ontology_lines` gives kg.ttl as N-Quads lines in its own named graph, named by the ontology's
IRI, so a build carries its vocabulary and type queries need no extra file.  `super_types`
reads the transitive rdfs:subClassOf of an entity type from the same file (kg:Entity and the
aligned ORG / schema.org / Dublin Core classes), which entities state outright, so
`?x a kg:Entity` and `?x a org:FormalOrganization` answer without inference.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from kg.rdf.iris import BASE, PREFIXES
from kg.resources import SCHEMAS

ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_FILE = SCHEMAS / "kg.ttl"
SUBCLASS_OF = PREFIXES["rdfs"] + "subClassOf"


@lru_cache(maxsize=1)
def _ontology_triples() -> tuple:
    import pyoxigraph as ox

    return tuple(ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE))


def ontology_lines() -> Iterator[str]:
    """kg.ttl as N-Quads lines (with their newlines) in the graph named ONTOLOGY_IRI, in file order."""
    for triple in _ontology_triples():
        yield f"{triple.subject} {triple.predicate} {triple.object} <{ONTOLOGY_IRI}> .\n"


@lru_cache(maxsize=None)
def super_types(class_iri: str) -> tuple[str, ...]:
    """Every class `class_iri` is a subclass of (transitively), sorted."""
    parents: dict[str, set[str]] = {}
    for triple in _ontology_triples():
        if triple.predicate.value == SUBCLASS_OF:
            parents.setdefault(triple.subject.value, set()).add(triple.object.value)
    found, todo = set(), [class_iri]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return tuple(sorted(found))
