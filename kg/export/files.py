"""What `kg build` and `kg export` write: one function per command, dispatching on format and view."""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.export.csv_tables import write_csv
from kg.export.flat import flatten
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.node_link import write_json
from kg.export.views import view as select_view

GRAPH_FORMATS = ("gexf", "graphml", "csv", "json", "neo4j")
RDF_FORMATS = ("ttl", "trig", "nq", "jsonld")
FORMATS = GRAPH_FORMATS + RDF_FORMATS
RDF_VIEWS = ("full", "initiatives")  # views that keep the typed relations RDF needs
BUILD_FILES = ("graph.gexf", "graph.graphml", "entities.csv", "relations.csv", "graph.json")


def write_build_exports(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write `BUILD_FILES` into `out_dir`: GEXF, GraphML, the Gephi node and edge tables (from one
    flattening, so communities are computed once), node-link JSON."""
    paths = [Path(out_dir) / name for name in BUILD_FILES]
    gexf, graphml, entities, relations, node_link = paths
    flat = flatten(graph)
    write_gexf(graph, gexf, flat)
    write_graphml(graph, graphml, flat)
    write_csv(graph, entities, relations, flat)
    write_json(graph, node_link)
    return paths


def csv_paths(out: Path) -> tuple[Path, Path]:
    """The node and edge tables for `--format csv --out out`: ``<stem>.nodes.csv``, ``<stem>.edges.csv``."""
    stem = out.stem if out.suffix.lower() == ".csv" else out.name
    return out.with_name(f"{stem}.nodes.csv"), out.with_name(f"{stem}.edges.csv")


def export_graph(graph: nx.MultiDiGraph, fmt: str, view: str, out: str | Path) -> list[Path]:
    """Write `view` (full | initiatives | companies) of `graph` as `fmt` to `out`; return the files written."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    selected = select_view(graph, view)
    if fmt in RDF_FORMATS:
        if view not in RDF_VIEWS:
            raise KgError(f"--view {view} cannot be written as RDF: choose one of {', '.join(RDF_VIEWS)}")
        from kg.rdf import write_rdf_file

        return [write_rdf_file(selected, fmt, out)]
    if fmt == "neo4j":
        from kg.export.neo4j import write_neo4j

        return write_neo4j(selected, out)
    if fmt == "csv":
        nodes_path, edges_path = csv_paths(out)
        write_csv(selected, nodes_path, edges_path)
        return [nodes_path, edges_path]
    {"gexf": write_gexf, "graphml": write_graphml, "json": write_json}[fmt](selected, out)
    return [out]
