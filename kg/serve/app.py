"""The Starlette application: the SPARQL 1.1 Protocol at /sparql, a page per IRI, the query page."""
from __future__ import annotations

import json
import re
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from kg.query.library import list_queries, resolve_query, substitute_params
from kg.errors import KgError
from kg.query.prefixes import code_only
from kg.rdf.iris import BASE
from kg.serve import pages
from kg.serve.formats import GRAPH_FORMATS, Body, accepted, negotiate
from kg.serve.workers import Job, Limits, QueryPool

MAX_QUERY_BYTES = 1 << 20
READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"
FORM = "application/x-www-form-urlencoded"
# after code_only, a prologue is PREFIX name: and BASE keywords with their IRIs blanked out
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                     re.IGNORECASE)
_IRI_PATH = re.compile(r"(id|doc|fact|ev)/[^<>\"{}|^`\\\s]+")
HTML_TYPES = ("text/html", "application/xhtml+xml", "*/*")


def plain(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(f"kg: error: {message}\n", status_code=status)


async def form(request: Request) -> dict[str, str]:
    """The fields of a URL-encoded body (the last value of a repeated name)."""
    return dict(parse_qsl((await request.body()).decode("utf-8", errors="replace"), keep_blank_values=True))


def is_update(sparql: str) -> bool:
    """True for SPARQL Update text (after its prologue and comments)."""
    return bool(_UPDATE.match(code_only(sparql)))


def wants_html(request: Request) -> bool:
    """True when the client ranks HTML (or anything) above every RDF type: a browser, or curl."""
    rdf_types = {alias for _, aliases in GRAPH_FORMATS.values() for alias in aliases if "/" in alias}
    for media in accepted(request.headers.get("accept", "")):
        if media in HTML_TYPES:
            return True
        if media in rdf_types:
            return False
    return True


def create_app(build_dir: str | Path, workers: int = 4, limits: Limits | None = None,
               public_base: str | None = None) -> Starlette:
    """The server of one build folder (its store must exist: kg.query.open_store makes it)."""
    build_dir = Path(build_dir)
    public_base = public_base.rstrip("/") + "/" if public_base else None
    pool = QueryPool(build_dir, workers, limits or Limits(), public_base)

    async def answer(sparql: str, accept: str = "", requested: str | None = None) -> Body:
        return await pool.answer(Job(sparql, accept, requested))

    async def select(sparql: str) -> dict:
        """A SELECT answered as SPARQL JSON (KgError with the worker's message otherwise)."""
        body = await answer(sparql, "application/sparql-results+json")
        if body.status != 200:
            raise KgError(body.content.decode("utf-8").strip().removeprefix("kg: error: "))
        return json.loads(body.content)

    def response(body: Body) -> Response:
        return Response(body.content, status_code=body.status, media_type=body.media_type)

    async def sparql(request: Request) -> Response:
        if request.method == "GET":
            params = request.query_params
            if "update" in params:
                return plain(403, READ_ONLY)
            text = params.get("query")
        else:
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            length = request.headers.get("content-length", "0")
            if not length.isdigit() or int(length) > MAX_QUERY_BYTES:
                return plain(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
            if kind == "application/sparql-update":
                return plain(403, READ_ONLY)
            if kind == FORM:
                params = await form(request)
                if "update" in params:
                    return plain(403, READ_ONLY)
                text = params.get("query")
            elif kind == "application/sparql-query":
                params = request.query_params
                text = (await request.body()).decode("utf-8", errors="replace")
            else:
                return plain(415, f"POST a query as {FORM} or application/sparql-query, not {kind or 'no type'}")
        if not text:
            if accepted(request.headers.get("accept", ""))[:1] == ["text/html"]:
                return RedirectResponse("/query", status_code=303)
            return plain(400, "give a query: ?query=SPARQL (SPARQL 1.1 Protocol)")
        if is_update(text):
            return plain(403, READ_ONLY)
        return response(await answer(text, request.headers.get("accept", ""), params.get("format")))

    async def resource(request: Request) -> Response:
        path = request.path_params["path"]
        if not _IRI_PATH.fullmatch(path):
            return plain(404, f"/{path}: no such page")
        iri = BASE + path
        requested = request.query_params.get("format")
        html = requested == "html" or (not requested and wants_html(request))
        try:
            if not (await select(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"))["boolean"]:
                return plain(404, f"{iri} is not in this build")
            if not html:
                return response(await answer(pages.DESCRIBE_QUERY.format(iri=iri),
                                             request.headers.get("accept", ""), requested))
            found = [(await select(text.format(iri=iri)))["results"]["bindings"]
                     for text in (pages.OUTGOING_QUERY, pages.INCOMING_QUERY, pages.RELATIONS_QUERY,
                                  pages.EVIDENCE_QUERY)]
        except KgError as exc:
            return HTMLResponse(pages.page("error", pages.error_html(str(exc))), status_code=503)
        return HTMLResponse(pages.resource_page(iri, *found, public_base=public_base))

    async def home(request: Request) -> Response:
        try:
            counts = await select(resolve_query("class_counts"))
        except KgError as exc:
            return HTMLResponse(pages.page("error", pages.error_html(str(exc))), status_code=503)
        return HTMLResponse(pages.home_page(build_dir.resolve().name, counts, (build_dir / "report.html").is_file()))

    async def query(request: Request) -> Response:
        params = dict(request.query_params)
        if request.method == "POST":
            params.update(await form(request))
        library = [(name, resolve_query(name)) for name, _ in list_queries()]
        chosen, free_text = params.pop("library", None), params.pop("query", "")
        params.pop("format", None)
        answer_html, status = "", 200
        try:
            if chosen:
                sparql = substitute_params(resolve_query(chosen), params)
                answer_html = f"<h2>{chosen}</h2>" + await _answer_html(sparql)
            elif free_text:
                if is_update(free_text):
                    raise KgError(READ_ONLY)
                answer_html = "<h2>Answer</h2>" + await _answer_html(free_text)
        except KgError as exc:
            answer_html, status = pages.error_html(str(exc)), 400
        example = free_text or "SELECT ?company ?name WHERE {\n  ?company a kg:Enterprise ; skos:prefLabel ?name\n} LIMIT 20"
        return HTMLResponse(pages.query_page(library, chosen, params, example, answer_html), status_code=status)

    async def _answer_html(sparql: str) -> str:
        body = await answer(sparql, "application/sparql-results+json")
        if body.status != 200:
            raise KgError(body.content.decode("utf-8").strip().removeprefix("kg: error: "))
        if body.media_type.startswith("application/sparql-results+json"):
            return pages.results_table(json.loads(body.content), public_base)
        return f"<pre>{pages.escape(body.content.decode('utf-8'))}</pre>"

    async def report(request: Request) -> Response:
        path = build_dir / "report.html"
        if not path.is_file():
            return plain(404, f"no report.html in the build: run `kg report {build_dir}`")
        return FileResponse(path, media_type="text/html; charset=utf-8")

    @asynccontextmanager
    async def lifespan(app):
        pool.start()
        try:
            yield
        finally:
            pool.close()

    routes = [
        Route("/", home),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/query", query, methods=["GET", "POST"]),
        Route("/report", report),
        Route("/{path:path}", resource),
    ]
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"])]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
