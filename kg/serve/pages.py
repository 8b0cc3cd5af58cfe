"""HTML pages of the server: the home page, one page per entity or document IRI, the query page.

Pages are plain HTML with a little CSS and no script; every value is escaped.  Data come from
SPARQL SELECTs (the `*_QUERY` texts below) answered by the same worker pool as /sparql.
"""
from __future__ import annotations

import re
from collections import defaultdict
from html import escape
from urllib.parse import urlencode

from kg.model import ENTITY_TYPES
from kg.query.library import describe, query_parameters
from kg.rdf.iris import BASE, shorten
from kg.serve.formats import DATA_NAMESPACES

_LABELS = "skos:prefLabel|dcterms:title|kg:text"
_ENTITY_TYPES = ", ".join(f"kg:{t}" for t in ENTITY_TYPES)

OUTGOING_QUERY = """SELECT ?p ?o ?label WHERE {{
  <{iri}> ?p ?o OPTIONAL {{ ?o %s ?label }}
}} ORDER BY ?p STR(?o) LIMIT 500""" % _LABELS
# what refers to the IRI, among the things with a name (entities, documents)
INCOMING_QUERY = """SELECT ?s ?p ?label WHERE {{
  ?s ?p <{iri}> ; skos:prefLabel|dcterms:title ?label
}} ORDER BY ?p STR(?label) LIMIT 500"""
# the RDF of a page: what the IRI says, and the relations and facts pointing at it
DESCRIBE_QUERY = """CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} WHERE {{
  {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> FILTER(STRSTARTS(STR(?q), STR(kg:)) || ?q IN (rdf:subject, rdf:object)) }}
}}"""
RELATIONS_QUERY = """SELECT ?fact ?direction ?relation ?other ?otherLabel ?otherType WHERE {{
  {{ ?fact rdf:subject <{iri}> ; rdf:predicate ?relation ; rdf:object ?other . BIND("out" AS ?direction) }}
  UNION
  {{ ?fact rdf:object <{iri}> ; rdf:predicate ?relation ; rdf:subject ?other . BIND("in" AS ?direction) }}
  ?other a ?otherType ; skos:prefLabel ?otherLabel .
  FILTER(?otherType IN (%s))
}} ORDER BY DESC(?direction) ?relation STR(?otherLabel) LIMIT 1000""" % _ENTITY_TYPES
# apart from RELATIONS_QUERY: pyoxigraph would read every evidence for an OPTIONAL there
EVIDENCE_QUERY = """SELECT ?fact ?document ?title ?sentence WHERE {{
  {{ ?fact rdf:subject <{iri}> }} UNION {{ ?fact rdf:object <{iri}> }}
  GRAPH ?document {{
    ?evidence oa:hasBody ?fact ; kg:sentence ?s . ?s kg:text ?sentence .
    OPTIONAL {{ ?document dcterms:title ?title }}
  }}
}} ORDER BY STR(?document) STR(?sentence) LIMIT 5000"""

STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#222}
header{background:#2f3e4e;padding:.6em 1.2em}header a{color:#fff;margin-right:1.2em;text-decoration:none}
main{padding:1em 1.5em;max-width:72em}table{border-collapse:collapse;margin:.6em 0}
td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}th{background:#eef1f4}
.type{display:inline-block;padding:.1em .5em;border-radius:.8em;background:#eef1f4;font-size:.9em}
.iri{color:#666;font-size:.85em;word-break:break-all}blockquote{margin:.2em 0 .4em 1em;color:#333}
textarea{width:100%;font-family:monospace}pre{background:#f6f8fa;padding:.6em;overflow:auto}
.error{color:#a00}
"""


def page(title: str, body: str) -> str:
    """A whole HTML page."""
    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)} · kg</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{STYLE}</style></head>'
            '<body><header><a href="/">kg</a><a href="/query">query</a><a href="/sparql">SPARQL endpoint</a>'
            f'</header><main>{body}</main></body></html>\n')


def href(iri: str, public_base: str | None = None) -> str:
    """The server path of a build's IRI (also of one rewritten to `public_base`), else the IRI."""
    if public_base and iri.startswith(public_base):
        iri = BASE + iri[len(public_base):]
    if iri.startswith(DATA_NAMESPACES):
        return "/" + iri[len(BASE):]
    return iri


def link(iri: str, text: str | None = None, public_base: str | None = None) -> str:
    return f'<a href="{escape(href(iri, public_base))}">{escape(text or shorten(iri))}</a>'


def cell(binding: dict | None, public_base: str | None = None) -> str:
    """One SPARQL JSON binding as table-cell HTML."""
    if binding is None:
        return ""
    if binding["type"] == "uri":
        return link(binding["value"], public_base=public_base)
    return escape(binding["value"])


def results_table(document: dict, public_base: str | None = None) -> str:
    """SPARQL 1.1 Query Results JSON as an HTML table (or the ASK answer)."""
    if "boolean" in document:
        return f"<p>ASK: <b>{'true' if document['boolean'] else 'false'}</b></p>"
    variables = document["head"]["vars"]
    rows = document["results"]["bindings"]
    head = "".join(f"<th>{escape(v)}</th>" for v in variables)
    body = "".join("<tr>" + "".join(f"<td>{cell(row.get(v), public_base)}</td>" for v in variables) + "</tr>"
                   for row in rows)
    return f"<p>{len(rows)} row(s)</p><table><tr>{head}</tr>{body}</table>"


def _value(row: dict, name: str) -> str | None:
    return row[name]["value"] if name in row else None


def resource_page(iri: str, outgoing: list[dict], incoming: list[dict], relations: list[dict],
                  evidence: list[dict], public_base: str | None = None) -> str:
    """The page of one IRI: for an entity its label, type, aliases, relations with their evidence
    and neighbours; for anything else (document, sentence, fact, evidence) its statements."""
    by_property = defaultdict(list)
    for row in outgoing:
        by_property[_value(row, "p")].append(row)
    label = next((_value(r, "o") for p in ("http://www.w3.org/2004/02/skos/core#prefLabel",
                                            "http://purl.org/dc/terms/title") for r in by_property.get(p, [])),
                 None) or shorten(iri)
    types = [_value(r, "o") for r in by_property.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", [])]
    parts = [f"<h1>{escape(label)}</h1>",
             "<p>" + " ".join(f'<span class="type">{escape(shorten(t))}</span>' for t in types) + "</p>",
             f'<p class="iri">{escape(iri)} · RDF: ' + " ".join(
                 f'<a href="?{urlencode({"format": f})}">{name}</a>'
                 for f, name in (("ttl", "Turtle"), ("nt", "N-Triples"), ("jsonld", "JSON-LD"))) + "</p>"]
    aliases = [_value(r, "o") for r in by_property.get("http://www.w3.org/2004/02/skos/core#altLabel", [])]
    if aliases:
        parts.append("<p>Also called: " + "、".join(escape(a) for a in aliases) + "</p>")
    if relations:
        parts.append("<h2>Relations and their evidence</h2>" + _relations_table(relations, evidence, public_base))
    parts.append("<h2>Statements</h2>" + _statements(outgoing, "p", "o", public_base))
    if incoming:
        parts.append("<h2>Referred to by</h2>" + _statements(incoming, "p", "s", public_base, reverse=True))
    return page(label, "\n".join(parts))


def _relations_table(relations: list[dict], evidence: list[dict], public_base: str | None) -> str:
    quotes = defaultdict(list)
    for ev in evidence:
        quotes[_value(ev, "fact")].append(
            f"<blockquote>{escape(_value(ev, 'sentence'))} — "
            f"{link(_value(ev, 'document'), _value(ev, 'title'), public_base)}</blockquote>")
    rows = []
    for row in relations:
        arrow = "→" if _value(row, "direction") == "out" else "←"
        rows.append(f"<tr><td>{arrow} {escape(shorten(_value(row, 'relation')))}</td>"
                    f"<td>{link(_value(row, 'other'), _value(row, 'otherLabel'), public_base)} "
                    f'<span class="type">{escape(shorten(_value(row, "otherType")))}</span></td>'
                    f"<td>{''.join(quotes[_value(row, 'fact')])}</td></tr>")
    return "<table><tr><th>relation</th><th>with</th><th>evidence</th></tr>" + "".join(rows) + "</table>"


def _statements(rows: list[dict], prop: str, other: str, public_base: str | None, reverse: bool = False) -> str:
    lines = []
    for row in rows:
        target = row[other]
        shown = cell(target, public_base)
        if target["type"] == "uri" and "label" in row:
            shown = link(target["value"], _value(row, "label"), public_base)
        lines.append(f"<tr><td>{'← ' if reverse else ''}{escape(shorten(_value(row, prop)))}</td><td>{shown}</td></tr>")
    return "<table>" + "".join(lines) + "</table>"


def home_page(build_name: str, counts: dict, has_report: bool) -> str:
    """Counts per class, and where to go next."""
    rows = "".join(f"<tr><td>{link(_value(r, 'class'))}</td><td>{escape(_value(r, 'instances'))}</td></tr>"
                   for r in counts["results"]["bindings"])
    report = '<li><a href="/report">the report</a>: tables and a network picture</li>' if has_report else ""
    return page(build_name, f"<h1>{escape(build_name)}</h1><ul>"
                f'<li><a href="/query">queries</a>: the query library and a free query box</li>'
                f'<li><a href="/sparql">/sparql</a>: the SPARQL 1.1 endpoint for tools</li>{report}</ul>'
                f"<h2>Instances per class</h2><table>{rows}</table>")


_PARAMETER_DOC = re.compile(r"^#\s+\$(\w+)\s+(.*)$", re.MULTILINE)


def query_page(library: list[tuple[str, str]], chosen: str | None, params: dict, free_text: str,
               answer: str) -> str:
    """The query library, each query with a form for its parameters, the free query box and an answer."""
    items = []
    for name, sparql in library:
        docs = dict(_PARAMETER_DOC.findall(sparql))
        inputs = "".join(
            f'<label>{escape(p)} <input name="{escape(p)}" value="{escape(params.get(p, "") if name == chosen else "")}"'
            f' placeholder="{escape(docs.get(p, ""))}" required></label> ' for p in query_parameters(sparql))
        items.append(f'<li><form action="/query" method="get"><input type="hidden" name="library" value="{escape(name)}">'
                     f"<b>{escape(name)}</b> {inputs}<button>run</button></form>"
                     f"<div>{escape(describe(sparql))}</div>"
                     f"<details><summary>SPARQL</summary><pre>{escape(sparql)}</pre></details></li>")
    box = ('<form action="/query" method="post"><textarea name="query" rows="8">'
           f"{escape(free_text)}</textarea><br><button>run</button> "
           'or download as <select name="format">' + "".join(
               f"<option>{f}</option>" for f in ("json", "xml", "csv", "tsv", "ttl", "nt", "jsonld"))
           + '</select> <button formaction="/sparql">download</button>'
           "<p>Prefixes kg:, id:, doc:, skos:, dcterms:, oa:, prov:, rdf:, rdfs:, xsd:, org:, schema: "
           "are predeclared.</p></form>")
    return page("queries", f"<h1>Queries</h1>{answer}<h2>Library</h2><ul>{''.join(items)}</ul>"
                f"<h2>Your own query</h2>{box}")


def error_html(message: str) -> str:
    return f'<p class="error">{escape(message)}</p>'
