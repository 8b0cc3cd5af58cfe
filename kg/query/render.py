"""Render a QueryResult as a terminal table, SPARQL 1.1 CSV/TSV, or SPARQL 1.1 Query Results JSON or XML."""
from __future__ import annotations

import csv
import io
import json
import shutil

from kg.errors import KgError
from kg.query.engine import QueryResult
from kg.rdf.iris import shorten

FORMATS = ("table", "csv", "tsv", "json", "xml")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def render(result: QueryResult, fmt: str) -> str:
    """The result in `fmt` (table, csv, tsv, json or xml), ending with a newline."""
    renderers = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "xml": _xml}
    if fmt not in renderers:
        raise KgError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if result.boolean is not None and fmt not in ("json", "xml"):
        return "true\n" if result.boolean else "false\n"
    return renderers[fmt](result)


def term_json(term) -> dict:
    """One RDF term as a SPARQL 1.1 Query Results JSON binding."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Literal):
        binding = {"type": "literal", "value": term.value}
        if term.language:
            binding["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            binding["datatype"] = term.datatype.value
        return binding
    return {"type": "triple", "value": {k: term_json(getattr(term, k)) for k in ("subject", "predicate", "object")}}


def _json(result: QueryResult) -> str:
    if result.boolean is not None:
        document = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [{var: term_json(term) for var, term in zip(result.variables, row) if term is not None}
                    for row in result.rows]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def _xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format."""
    from xml.sax.saxutils import escape, quoteattr

    lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    lines += [f"<variable name={quoteattr(var)}/>" for var in result.variables]
    lines.append("</head>")
    if result.boolean is not None:
        lines.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        lines.append("<results>")
        for row in result.rows:
            lines.append("<result>")
            lines += [f"<binding name={quoteattr(var)}>{_xml_term(term_json(term), escape, quoteattr)}</binding>"
                      for var, term in zip(result.variables, row) if term is not None]
            lines.append("</result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def _xml_term(binding: dict, escape, quoteattr) -> str:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return f"<uri>{escape(value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape(value)}</bnode>"
    if kind == "triple":
        parts = "".join(f"<{k}>{_xml_term(v, escape, quoteattr)}</{k}>" for k, v in value.items())
        return f"<triple>{parts}</triple>"
    attrs = ""
    if "xml:lang" in binding:
        attrs = f" xml:lang={quoteattr(binding['xml:lang'])}"
    elif "datatype" in binding:
        attrs = f" datatype={quoteattr(binding['datatype'])}"
    return f"<literal{attrs}>{escape(value)}</literal>"


def _plain(term) -> str:
    """The CSV form of a term: IRI or lexical value, `_:id` for a blank node, empty when unbound."""
    if term is None:
        return ""
    binding = term_json(term)
    if binding["type"] == "bnode":
        return "_:" + binding["value"]
    return str(term) if binding["type"] == "triple" else binding["value"]


def _display(term) -> str:
    """A table cell: like CSV, with IRIs of known namespaces shortened (kg:Enterprise)."""
    return shorten(term.value) if term is not None and term_json(term)["type"] == "uri" else _plain(term)


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows([_plain(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join("?" + var for var in result.variables)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(*result.variables, show_lines=False, highlight=False)
    for row in result.rows:
        table.add_row(*(Text(_display(term)) for term in row))
    buffer = io.StringIO()
    console = Console(file=buffer, width=shutil.get_terminal_size((160, 24)).columns, highlight=False)
    console.print(table)
    console.print(f"{len(result.rows)} row(s)")
    return buffer.getvalue()
