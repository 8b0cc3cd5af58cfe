"""Node-link JSON (networkx ``node_link_data``): the whole graph with every attribute, evidence included."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.io import atomic_open


def write_json(graph: nx.Graph, path: str | Path) -> None:
    """Write `graph` as node-link JSON, one node or edge a line; nodes, edges and keys sorted, so the
    output is deterministic."""
    data = nx.node_link_data(graph, edges="edges")
    data["nodes"].sort(key=lambda node: node["id"])
    if not graph.is_directed():
        for edge in data["edges"]:
            if edge["target"] < edge["source"]:
                edge["source"], edge["target"] = edge["target"], edge["source"]
    data["edges"].sort(key=lambda edge: (edge["source"], edge["target"], str(edge.get("key", ""))))

    def dumps(value) -> str:  # json.dumps, not json.dump: only the former uses the C encoder
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    with atomic_open(path) as fh:  # written item by item: the whole text of a large graph is never held
        fh.write("{")
        for number, key in enumerate(sorted(data)):
            fh.write(f"{', ' if number else ''}{dumps(key)}: ")
            if key in ("nodes", "edges"):
                fh.write("[")
                fh.writelines(f"{',' if index else ''}\n{dumps(item)}" for index, item in enumerate(data[key]))
                fh.write("\n]")
            else:
                fh.write(dumps(data[key]))
        fh.write("}\n")


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by `write_json` (e.g. a build folder's ``graph.json``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return nx.node_link_graph(data, edges="edges")
    except FileNotFoundError:
        raise KgError(f"{path}: no such graph file (run `kg build` first)") from None
    except OSError as err:
        raise KgError(f"{path}: cannot read ({err.strerror})") from None
    except (ValueError, KeyError, TypeError) as err:
        raise KgError(f"{path}: not a node-link graph JSON file ({err})") from None
