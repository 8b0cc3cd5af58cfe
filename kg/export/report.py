"""`kg report`: one self-contained HTML file to look at a build, with no network.

Counts, the company–initiative table with its evidence (sortable and searchable), the top
companies, parks and policies, and an interactive network of the linked part of the graph,
coloured by type.  The network is drawn by vis-network, read from the pinned pyvis package
(which ships it) and inlined with the page's own small script (`report.js`) and the data.
"""
from __future__ import annotations

import importlib.util
import json
from html import escape
from pathlib import Path

import networkx as nx

from kg.errors import KgError
from kg.export.gexf import OTHER_COLOUR, TYPE_COLOURS
from kg.export.views import linked_view
from kg.graph.summary import summarize
from kg.io import write_text

VIS_NETWORK = Path("lib", "vis-9.1.2")  # inside the pyvis package
TOP = 10
TOP_TYPES = ("Enterprise", "Park", "Policy")
PAGE_SCRIPT = Path(__file__).with_name("report.js")
STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:1em 2em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
th{background:#eef1f4;text-align:left}th[data-sort]{cursor:pointer}th[data-sort]:after{content:" ⇅";color:#999}
#network{height:640px;border:1px solid #ccc}.swatch{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em}
.tops{display:flex;gap:2em;flex-wrap:wrap}#search{width:24em;padding:.3em}.evidence{max-width:40em}
"""


def hex_colour(entity_type: str) -> str:
    return "#%02X%02X%02X" % TYPE_COLOURS.get(entity_type, OTHER_COLOUR)


def vis_network_files() -> tuple[str, str]:
    """(JavaScript, CSS) of vis-network as shipped by pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise KgError("kg report needs the pyvis package (it ships vis-network): pip install 'pyvis==0.3.2'")
    folder = Path(spec.origin).parent / VIS_NETWORK
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


def network_data(graph: nx.MultiDiGraph) -> dict:
    """vis-network nodes and edges of the linked part of the graph."""
    linked = linked_view(graph)
    nodes = [{"id": n, "label": a["label"], "type": a["type"], "value": linked.degree(n),
              "color": hex_colour(a["type"]), "title": f"{a['label']} ({a['type']})"}
             for n, a in sorted(linked.nodes(data=True))]
    edges = [{"from": u, "to": v, "title": key, "arrows": "to"} for u, v, key in sorted(linked.edges(keys=True))]
    return {"nodes": nodes, "edges": edges}


def _json_script(element_id: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _table(headers: list[str], rows: list[list], table_id: str = "", sortable: bool = False) -> str:
    head = "".join(f"<th{' data-sort' if sortable else ''}>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table{f" id={table_id!r}" if table_id else ""}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def top_entities(graph: nx.MultiDiGraph, entity_type: str, n: int = TOP) -> list[list]:
    """(label, relations) of the `n` entities of a type with the most relations."""
    ranked = sorted(((graph.degree(node), a["label"]) for node, a in graph.nodes(data=True)
                     if a["type"] == entity_type), key=lambda item: (-item[0], item[1]))
    return [[label, degree] for degree, label in ranked[:n] if degree > 0]


def report_html(graph: nx.MultiDiGraph, title: str) -> str:
    """The whole report page."""
    summary = summarize(graph)
    data = network_data(graph)
    script, css = vis_network_files()
    counts = [[f"entity: {t}", n] for t, n in summary.entities.items()]
    counts += [[f"relation: {r}", n] for r, n in summary.relations.items()]
    links = [[r.company, r.initiative, r.initiative_type, r.relation, r.count, r.document, r.evidence]
             for r in summary.rows]
    legend = "".join(f'<span class="swatch" style="background:{hex_colour(t)}"></span>{escape(t)}'
                     for t in TYPE_COLOURS)
    tops = "".join(f"<div><h3>Top {escape(t)}</h3>{_table([t, 'relations'], top_entities(graph, t))}</div>"
                   for t in TOP_TYPES)
    return (
        f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{css}</style><style>{STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f"<p>{summary.documents} document(s), {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations; "
        f"the network shows the {len(data['nodes'])} entities with at least one relation.</p>"
        f"<h2>Counts</h2>{_table(['kind', 'count'], counts)}"
        f'<h2>Network</h2><p>{legend}</p><div id="network"></div>'
        f"<h2>Which companies appear in which initiatives</h2>"
        f'<p><input id="search" type="search" placeholder="search the table"> <span id="shown"></span></p>'
        + _table(["company", "initiative", "type", "relation", "evidences", "document", "evidence"], links,
                 "links", sortable=True)
        + f'<h2>Top companies, parks and policies</h2><div class="tops">{tops}</div>'
        + _json_script("kg-network", data)
        + f"<script>{script}</script><script>{PAGE_SCRIPT.read_text(encoding='utf-8')}</script>"
        "</body></html>\n"
    )


def write_report(graph: nx.MultiDiGraph, path: str | Path, title: str = "kg report") -> Path:
    """Write the report of `graph` to `path` (atomically)."""
    path = Path(path)
    write_text(path, report_html(graph, title))
    return path
