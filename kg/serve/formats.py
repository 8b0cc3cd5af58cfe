"""Content negotiation and the bodies of SPARQL answers: results as JSON, XML, CSV or TSV, graphs as
Turtle, N-Triples or JSON-LD; optionally with the build's IRIs rewritten to the server's own base."""
from __future__ import annotations

from dataclasses import dataclass

from kg.query.engine import QueryResult
from kg.query.render import render
from kg.rdf.iris import BASE, PREFIXES

# name -> (media type sent, media types and `format=` values accepted)
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ("application/sparql-results+json", "application/json", "json")),
    "xml": ("application/sparql-results+xml", ("application/sparql-results+xml", "application/xml", "text/xml",
                                               "xml")),
    "csv": ("text/csv", ("text/csv", "csv")),
    "tsv": ("text/tab-separated-values", ("text/tab-separated-values", "tsv")),
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ("text/turtle", "application/x-turtle", "turtle", "ttl")),
    "ntriples": ("application/n-triples", ("application/n-triples", "text/plain", "nt", "ntriples", "n-triples")),
    "jsonld": ("application/ld+json", ("application/ld+json", "json-ld", "jsonld")),
}


@dataclass
class Body:
    """An HTTP answer made by a query worker."""

    status: int
    media_type: str
    content: bytes


def accepted(accept: str) -> list[str]:
    """The media types of an Accept header, most preferred first (q=0 dropped)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def negotiate(formats: dict, accept: str, requested: str | None) -> str:
    """The name of the format to send: `format=` first, then the Accept header, else the first one."""
    wanted = ([requested.lower()] if requested else []) + accepted(accept or "")
    for media in wanted:
        for name, (_, aliases) in formats.items():
            if media in aliases:
                return name
    return next(iter(formats))


def answer_body(result: QueryResult, accept: str, requested: str | None) -> Body:
    """The body of a query answer in the negotiated format."""
    if not result.graph:
        name = negotiate(RESULT_FORMATS, accept, requested)
        return Body(200, RESULT_FORMATS[name][0] + "; charset=utf-8", render(result, name).encode("utf-8"))
    import pyoxigraph

    name = negotiate(GRAPH_FORMATS, accept, requested)
    rdf_format = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
                  "jsonld": pyoxigraph.RdfFormat.JSON_LD}[name]
    triples = [pyoxigraph.Triple(*row) for row in result.rows]
    content = pyoxigraph.serialize(triples, format=rdf_format, prefixes=None if name == "ntriples" else PREFIXES)
    return Body(200, GRAPH_FORMATS[name][0] + "; charset=utf-8", content)


DATA_NAMESPACES = tuple(PREFIXES[name] for name in ("id", "doc", "fact", "ev"))


class IriRewriter:
    """Maps the IRIs of a build's things (https://w3id.org/kg-gov-cn/id/..., doc/, fact/, ev/) to a
    server's base and back; the vocabulary's IRIs stay as they are."""

    def __init__(self, public_base: str | None):
        self.public_base = public_base.rstrip("/") + "/" if public_base else None

    def incoming(self, sparql: str) -> str:
        """A query written with the server's IRIs, asked with the build's."""
        return sparql.replace(self.public_base, BASE) if self.public_base else sparql

    def outgoing(self, result: QueryResult) -> QueryResult:
        """The result with the build's IRIs turned into the server's."""
        if not self.public_base:
            return result
        rows = [[self._term(term) for term in row] for row in result.rows]
        return QueryResult(result.variables, rows, result.boolean, result.graph)

    def _term(self, term):
        import pyoxigraph

        if isinstance(term, pyoxigraph.NamedNode) and term.value.startswith(DATA_NAMESPACES):
            return pyoxigraph.NamedNode(self.public_base + term.value[len(BASE):])
        if isinstance(term, pyoxigraph.Triple):
            return pyoxigraph.Triple(*(self._term(t) for t in (term.subject, term.predicate, term.object)))
        return term
