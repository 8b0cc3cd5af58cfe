"""The project's prefixes, predeclared in every query, and a readable message for an undeclared one.

`with_prefixes` puts a PREFIX declaration for each project prefix the query does not declare itself
in front of the query's first line, so line numbers in parser messages stay right.
"""
from __future__ import annotations

import re

from kg.query.library import OPAQUE
from kg.rdf.iris import PREFIXES

QUERY_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "dc": "http://purl.org/dc/elements/1.1/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
}

_OPAQUE = re.compile(OPAQUE)
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_USED = re.compile(r"(?<![\w?$@.:-])([A-Za-z][\w-]*(?:\.[\w-]+)*):")


def code_only(sparql: str) -> str:
    """The query with its strings, IRIs and comments blanked out."""
    return _OPAQUE.sub(" ", sparql)


def declared_prefixes(sparql: str) -> set[str]:
    return {m.group(1) or "" for m in _DECLARED.finditer(code_only(sparql))}


def with_prefixes(sparql: str) -> str:
    """`sparql` with the project prefixes it does not declare itself declared in front."""
    own = declared_prefixes(sparql)
    head = "".join(f"PREFIX {p}: <{ns}> " for p, ns in QUERY_PREFIXES.items() if p not in own)
    return head + sparql


def undeclared_prefixes(sparql: str) -> list[str]:
    """Prefixes the query uses but neither declares nor finds among the project's, in order of use."""
    known = declared_prefixes(sparql) | set(QUERY_PREFIXES)
    code = code_only(sparql)
    found = []
    for match in _USED.finditer(code):
        name = match.group(1)
        if name not in known and name not in found:
            found.append(name)
    return found


def unknown_prefix_message(sparql: str) -> str | None:
    """A readable message naming the first undeclared prefix of the query, or None."""
    missing = undeclared_prefixes(sparql)
    if not missing:
        return None
    return (f"unknown prefix {missing[0]}: declare it with `PREFIX {missing[0]}: <namespace IRI>` "
            f"(predeclared: {', '.join(QUERY_PREFIXES)})")
