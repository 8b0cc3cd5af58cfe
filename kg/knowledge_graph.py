"""The Python API: build a knowledge graph from files or strings, or load a build, and use it.

    >>> import kg
    >>> g = kg.build_texts({"news": "中信重工、一拖集团等企业入选专精特新名单。"})
    >>> sorted(g.graph.nodes[n]["label"] for n in g.graph)           # a networkx.MultiDiGraph
    ['专精特新', '中信重工', '中国一拖']
    >>> [(r["company"], r["relation"], r["initiative"]) for r in g.links()]
    [('中信重工', 'participatesIn', '专精特新'), ('中国一拖', 'participatesIn', '专精特新')]
    >>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?x a kg:Enterprise }")
    [{'n': 2}]
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {XSD + "integer": int, XSD + "int": int, XSD + "long": int, XSD + "decimal": float,
            XSD + "double": float, XSD + "float": float}


@dataclass
class KnowledgeGraph:
    """A built knowledge graph: `graph` (networkx.MultiDiGraph, attributes as in kg.graph.build)
    and `folder`, the build folder holding its RDF, exports and query store."""

    folder: Path
    graph: nx.MultiDiGraph
    _temporary: Any = field(default=None, repr=False)  # keeps a temporary build folder alive
    _store: Any = field(default=None, repr=False)  # the query store, opened on the first query

    def links(self) -> list[dict]:
        """Which companies appear in which initiatives: one record per (company, relation,
        initiative), most evidenced first, with `initiative_type`, `document` and the first
        `evidence` sentence, and `evidences`, how many sentences say so."""
        from kg.graph.summary import company_initiatives

        records = []
        for row in company_initiatives(self.graph):
            record = asdict(row)
            record["evidences"] = record.pop("count")
            records.append(record)
        return records

    def links_frame(self):
        """`links()` as a pandas DataFrame (needs pandas: pip install pandas)."""
        try:
            import pandas
        except ImportError:
            raise KgError("links_frame() needs pandas: pip install pandas") from None
        return pandas.DataFrame(self.links(),
                                columns=["company", "initiative", "initiative_type", "relation", "document",
                                         "evidence", "evidences"])

    def query(self, sparql: str, **params: str) -> list[dict] | bool:
        """Answer SPARQL (a library query name, a .rq file or SPARQL text; the project's prefixes
        predeclared) on the build's store: one dict per row, variable -> Python value (IRIs and
        strings as str, numbers as int or float, unbound left out); an ASK gives a bool."""
        from kg.query import open_store, resolve_query, run_query

        if self._store is None:  # a small build is held in memory: its queries answer faster
            self._store = open_store(self.folder, in_memory=None)
        result = run_query(self._store, resolve_query(sparql), params)
        if result.boolean is not None:
            return result.boolean
        return [{var: _python(term) for var, term in zip(result.variables, row) if term is not None}
                for row in result.rows]


def _python(term) -> Any:
    datatype = getattr(term, "datatype", None)
    if datatype is not None and datatype.value in _NUMBERS:
        return _NUMBERS[datatype.value](term.value)
    if datatype is not None and datatype.value == XSD + "boolean":
        return term.value == "true"
    return term.value


def build(inputs: list[str | Path], out: str | Path | None = None,
          lexicons: list[str | Path] | None = None) -> KnowledgeGraph:
    """Build from document files and folders (as `kg build`); `out=None` builds in a temporary
    folder that lives as long as the returned object."""
    from kg import api

    temporary = None
    if out is None:
        temporary = tempfile.TemporaryDirectory(prefix="kg-")
        out = temporary.name
    _, graph, _ = api.build(list(inputs), out, lexicons)
    return KnowledgeGraph(Path(out), graph, temporary)


def build_texts(texts: dict[str, str], out: str | Path | None = None,
                lexicons: list[str | Path] | None = None) -> KnowledgeGraph:
    """Build from strings: {document name: text}; each name becomes the document id."""
    with tempfile.TemporaryDirectory(prefix="kg-texts-") as folder:
        for name, text in texts.items():
            if not re.fullmatch(r"[\w.-]+", name) or name.startswith("."):
                raise KgError(f"document name {name!r}: use letters, digits, '-', '_' and '.'")
            (Path(folder) / f"{name}.txt").write_text(text, encoding="utf-8")
        return build([folder], out, lexicons)


def load(folder: str | Path) -> KnowledgeGraph:
    """A build folder written by `kg build` (or `build(..., out=folder)`)."""
    from kg.api import read_build_graph

    return KnowledgeGraph(Path(folder), read_build_graph(folder))
