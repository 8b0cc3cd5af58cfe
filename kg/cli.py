"""`kg`: a thin command-line shell over kg.api (heavy libraries are imported inside commands)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kg.errors import KgError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="Turn Chinese government documents into a knowledge graph of enterprises, projects, parks and policies.",
)

MIN_CONFIDENCE_HELP = "Leave out mentions and relations below this confidence (0 to 1)."
LEXICON_HELP = "Extra lexicon file (TYPE<TAB>NAME<TAB>ALIAS|ALIAS); repeatable."
MODEL_HELP = "A model folder written by `kg train` (default: the model that ships with kg)."
JOBS_HELP = ("Processes reading and extracting documents (default: one per CPU and document; above 8 MiB of "
             "input at most one per MiB); the output is the same.")
EXECUTOR_HELP = "local (processes on this machine) or dask (a dask.distributed cluster, see --scheduler)."
SCHEDULER_HELP = "The Dask scheduler's address (tcp://HOST:8786) for --executor dask."


def _progress(paths_hint: str):
    """A rich progress callback on a terminal, nothing otherwise."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import Progress

    progress = Progress(transient=True, console=_console(stderr=True))
    task = progress.add_task(paths_hint, total=None)
    return progress, lambda path: progress.update(task, advance=1, description=f"{paths_hint} {path.name}")


def _console(stderr: bool = False):
    """A rich console; off a terminal (make, pipes) it is wide enough for the summary table."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(stderr=stderr, highlight=False, width=None if stream.isatty() else 160)


def _run_with_progress(func, label: str, *args, **kwargs):
    progress, callback = _progress(label)
    if progress is None:
        return func(*args, **kwargs)
    with progress:
        return func(*args, on_document=callback, **kwargs)


def _warn_skipped(result) -> None:
    from kg.api import warn

    for path in result.skipped:
        warn(f"{path}: empty file, skipped")
    for message in result.warnings:
        warn(message)


@app.command()
def build(
    inputs: List[Path] = typer.Argument(..., help="Document files or folders (*.txt, *.pdf, *.html, *.htm, *.docx)."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help=LEXICON_HELP),
    corrections: Optional[Path] = typer.Option(
        None, "--corrections", help="Corrections file (see README); kept in OUT and applied to later builds there."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP),
    rows: int = typer.Option(20, help="Company-initiative rows to show in the summary."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help=JOBS_HELP),
    executor: str = typer.Option("local", "--executor", help=EXECUTOR_HELP),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    model: Optional[Path] = typer.Option(None, "--model", help=MODEL_HELP),
):
    """Run the whole pipeline and write the graph (RDF, GEXF, GraphML, CSV, JSON) to OUT."""
    from kg import api

    _print_build(_run_with_progress(api.build, "reading", inputs, out, lexicon, corrections=corrections,
                                    min_confidence=min_confidence, jobs=jobs,
                                    executor=executor, scheduler=scheduler, model=model), out, rows)


@app.command()
def add(
    inputs: List[Path] = typer.Argument(..., help="Document files or folders to add (a document of the same name is replaced)."),
    to: Path = typer.Option(..., "--to", help="A folder written by `kg build`."),
    rows: int = typer.Option(20, help="Company-initiative rows to show in the summary."),
):
    """Add documents to a build: only they are read, then the whole graph is resolved and written again."""
    from kg import api

    _print_build(_run_with_progress(api.add, "reading", inputs, to), to, rows)


@app.command()
def remove(
    names: List[str] = typer.Argument(..., help="Document names, as in extractions/NAME.json."),
    from_: Path = typer.Option(..., "--from", help="A folder written by `kg build`."),
    rows: int = typer.Option(20, help="Company-initiative rows to show in the summary."),
):
    """Remove documents from a build and write the graph of the others."""
    from kg import api

    _print_build(api.remove(names, from_), from_, rows)


@app.command()
def review(
    build_dir: Path = typer.Argument(Path("out"), help="A folder written by `kg build`."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="The workbook to write (default BUILD/review.xlsx)."),
    apply: Optional[Path] = typer.Option(None, "--apply", help="A marked review sheet (.xlsx or .csv) to apply."),
    rows: int = typer.Option(20, help="Company-initiative rows to show after --apply."),
):
    """Write a spreadsheet of entities and company-initiative links to mark, or apply a marked one."""
    from kg import api

    if apply is None:
        for path in api.review(build_dir, out):
            typer.echo(f"wrote {path}")
        return
    added, built = api.apply_review(build_dir, apply)
    typer.echo(f"{len(added)} correction(s) added to {build_dir / 'corrections.tsv'}")
    _print_build(built, build_dir, rows)


def _print_build(built, out: Path, rows: int) -> None:
    from kg.graph.summary import summarize
    from kg.report import print_summary

    result, graph, written = built
    _warn_skipped(result)
    documents = len(result.resolution.documents)
    if result.read < documents:
        typer.echo(f"{result.read} document(s) read, {documents - result.read} taken from the cache in {out}/")
    print_summary(_console(), summarize(graph), rows, out, len(written))
    _done_with_large_state()


# set by a command that leaves millions of objects behind (documents, resolution, graph, models)
# once everything it writes is closed and no worker process or thread of its own is left
_EXIT_AT_ONCE = False


def _done_with_large_state() -> None:
    global _EXIT_AT_ONCE
    _EXIT_AT_ONCE = True


def _exit_at_once() -> None:
    """End the process without the interpreter's teardown, which would free those objects one by
    one (a third of a second after a build of the bundled corpus, more for larger ones)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Document files or folders (*.txt, *.pdf, *.html, *.htm, *.docx)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for one NAME.json per document."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help=LEXICON_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help=JOBS_HELP),
    executor: str = typer.Option("local", "--executor", help=EXECUTOR_HELP),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    model: Optional[Path] = typer.Option(None, "--model", help=MODEL_HELP),
):
    """Write one JSON per document in the annotation guide's format."""
    from kg import api

    result, written = _run_with_progress(api.extract, "extracting", inputs, out, lexicon, jobs=jobs,
                                         executor=executor, scheduler=scheduler, model=model)
    _warn_skipped(result)
    typer.echo(f"wrote {len(written)} file(s) to {out}")
    _done_with_large_state()


@app.command("eval")
def evaluate(
    gold: List[Path] = typer.Option(..., "--gold", help="Folder of gold NAME.json files (with --cv: repeatable)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Folder of predicted NAME.json files."),
    cv: int = typer.Option(0, "--cv", help="K-fold cross-validation by document over the gold folders."),
    seed: int = typer.Option(0, "--seed", help="Seed for dealing documents into folds."),
    rules_only: bool = typer.Option(False, "--rules-only", help="With --cv: score the rule components alone."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="With --cv: model files trained at once (default: cores)."),
    errors: int = typer.Option(0, "--errors", help="Show up to N false positives and misses per type."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
):
    """Score predictions against gold files, or cross-validate training on the gold itself."""
    import json

    from kg import api
    from kg.eval.score import format_score, score_to_json

    if cv:
        if pred is not None:
            raise KgError("--cv trains and predicts itself: give --gold folders, not --pred")
        results = api.cross_validate(gold, cv, seed, rules_only, jobs=jobs)
    else:
        if pred is None or len(gold) != 1:
            raise KgError("give one --gold folder and --pred (or --cv K)")
        results = [("all", api.evaluate(gold[0], pred))]
    if as_json:
        typer.echo(json.dumps({label: score_to_json(r) for label, r in results}, ensure_ascii=False, indent=1)
                   if cv else json.dumps(score_to_json(results[0][1]), ensure_ascii=False, indent=1))
        return
    for label, result in results:
        if cv:
            typer.echo(f"== {label} ({len(result.docs)} documents, {cv}-fold cross-validation)")
        typer.echo(format_score(result, errors))


@app.command()
def train(
    gold: List[Path] = typer.Option(..., "--gold", help="Folder of gold NAME.json (texts beside, in ../texts or "
                                                    "../corpus), or a folder holding gold/ and texts/; repeatable."),
    out: Path = typer.Option(Path("model"), "--out", "-o", help="Model folder to write."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help=LEXICON_HELP),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Model files trained at once (default: cores)."),
):
    """Train the entity taggers from annotated documents."""
    from kg import api

    path = api.train(gold, out, lexicon, jobs)
    typer.echo(f"wrote model to {path}; use it with --model {path}")


@app.command()
def explain(
    document: Path = typer.Argument(..., help="One document file."),
    sentence: Optional[int] = typer.Option(None, "--sentence", "-s", help="Only this sentence (index)."),
    lexicon: Optional[List[Path]] = typer.Option(None, "--lexicon", help=LEXICON_HELP),
    model: Optional[Path] = typer.Option(None, "--model", help=MODEL_HELP),
):
    """Show each sentence's candidates: which rule or model proposed them, and what was kept and why."""
    from kg import api

    _echo_block(api.explain(document, lexicon, model, sentence))


@app.command()
def query(
    spec: Optional[str] = typer.Argument(None, help="A library query name, a .rq file, or SPARQL text."),
    build_dir: Path = typer.Option(Path("out"), "--build", "-b", help="A folder written by `kg build`."),
    param: Optional[List[str]] = typer.Option(None, "--param", "-p", help="name=value, repeatable."),
    fmt: str = typer.Option("table", "--format", "-f", help="table|csv|tsv|json|xml"),
    list_: bool = typer.Option(False, "--list", help="List the query library and exit."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP),
    timeout: float = typer.Option(60.0, "--timeout", help="Stop the query after SECONDS (0: no limit).",
                                  metavar="SECONDS"),
    limit: Optional[int] = typer.Option(None, "--limit", help="Rows of a query that pages (default 100; 0: all)."),
    offset: Optional[int] = typer.Option(None, "--offset", help="Rows of a query that pages to skip first."),
):
    """Ask a SPARQL question of a build (pyoxigraph store)."""
    from kg import query as q

    if list_:
        for name, description in q.list_queries():
            typer.echo(f"{name:28} {description}")
        return
    if spec is None:
        raise KgError("give a query: a library name (see `kg query --list`), a .rq file or SPARQL text")
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise KgError(f"--param {item!r}: expected name=value")
        params[name] = value
    params.update({name: str(value) for name, value in (("limit", limit), ("offset", offset)) if value is not None})
    if min_confidence > 0:
        from kg.query.threshold import store_at_least

        store = store_at_least(_build_file(build_dir, "graph.json").parent, min_confidence)
    else:
        store = q.open_store(build_dir)
    sparql = q.resolve_query(spec)
    result = q.run_query(store, sparql, params, timeout=timeout if timeout > 0 else None)
    _echo_block(q.render(result, fmt))
    _note_next_page(sparql, params, len(result.rows))


def _note_next_page(sparql: str, params: dict[str, str], rows: int) -> None:
    """On stderr, when a query that pages answered a full page: how to get the next one, or all."""
    from kg.query.library import page_values, pages

    if not pages(sparql):
        return
    page = page_values(params)
    if page["limit"] and rows == page["limit"]:
        typer.echo(f"kg: rows {page['offset'] + 1}-{page['offset'] + rows}; --offset {page['offset'] + rows} "
                   f"gives the next ones, --limit 0 all of them", err=True)


@app.command()
def export(
    build_dir: Path = typer.Option(Path("out"), "--build", "-b", help="A folder written by `kg build`."),
    fmt: str = typer.Option("gexf", "--format", "-f", help="gexf|graphml|csv|json|neo4j|ttl|trig|nq|jsonld"),
    view: str = typer.Option("full", "--view", help="full|linked|initiatives|companies"),
    out: Path = typer.Option(..., "--out", "-o", help="Output file (csv: a file stem; neo4j: a folder)."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help=MIN_CONFIDENCE_HELP),
):
    """Export a build's graph in another format or view."""
    from kg import export as ex

    graph = ex.read_json(_build_file(build_dir, "graph.json"))
    if min_confidence > 0:
        from kg.graph.confidence import at_least

        graph = at_least(graph, min_confidence)
    for path in ex.export_graph(graph, fmt, view, out):
        typer.echo(f"wrote {path}")


@app.command()
def stats(build_dir: Path = typer.Argument(Path("out"), help="A folder written by `kg build`.")):
    """Counts per class and relation, and the entities with the highest degree."""
    from kg import query as q

    _echo_block(q.stats_text(build_dir))


@app.command()
def load(
    build_dir: Path = typer.Option(Path("out"), "--build", "-b", help="A folder written by `kg build`."),
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store URL, e.g. http://127.0.0.1:7878/store"),
):
    """Send a build's graphs to a SPARQL store (SPARQL 1.1 Graph Store protocol; replaces them)."""
    from kg.rdf.load import load_endpoint

    loaded = load_endpoint(build_dir, endpoint)
    typer.echo(f"sent {loaded.triples} triples in {loaded.graphs} graph(s) to {endpoint}")


@app.command()
def validate(build_dir: Path = typer.Argument(Path("out"), help="A folder written by `kg build`.")):
    """Check a build's RDF against the SHACL shapes."""
    from kg.rdf.validate import validate_build

    conforms, report = validate_build(build_dir)
    typer.echo(report)
    if not conforms:
        raise typer.Exit(1)


@app.command()
def report(build_dir: Path = typer.Argument(Path("out"), help="A folder written by `kg build`.")):
    """Write BUILD_DIR/report.html: counts, tables and a network picture, in one offline file."""
    from kg import api

    typer.echo(f"wrote {api.report(build_dir)}")


@app.command()
def serve(
    build_dir: Path = typer.Argument(Path("out"), help="A folder written by `kg build`."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    timeout: float = typer.Option(10.0, "--timeout", help="Seconds a query may run before it is stopped."),
    max_rows: int = typer.Option(100_000, "--max-rows", help="Rows (or triples) a query may answer."),
    workers: int = typer.Option(4, "--workers", help="Queries answered at once (one process each)."),
    base: Optional[str] = typer.Option(None, "--base", help="Show the build's IRIs under this URL "
                                       "(e.g. http://HOST:PORT/) instead of https://w3id.org/kg-gov-cn/."),
):
    """Serve a build: SPARQL endpoint at /sparql, a page per entity and document, a query page."""
    from kg.serve import Limits, serve as run_server

    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise KgError("--timeout, --max-rows and --workers must be positive")
    _build_file(build_dir, "graph.trig")
    typer.echo(f"kg: serving {build_dir} at http://{host}:{port}/ (SPARQL endpoint: /sparql); Ctrl-C stops",
               err=True)
    run_server(build_dir, host, port, workers, Limits(timeout, max_rows), base)


def _echo_block(text: str) -> None:
    typer.echo(text, nl=not text.endswith("\n"))


def _build_file(build_dir: Path, name: str) -> Path:
    path = build_dir / name
    if not path.is_file():
        raise KgError(f"{path}: not found; run `kg build INPUT --out {build_dir}` first")
    return path


def _fail(message: str, exit_code: int) -> None:
    print(f"kg: error: {' '.join(message.split())}", file=sys.stderr)
    sys.exit(exit_code)


def main() -> None:
    """Run the CLI; user errors, file system errors (read-only, full disk, a file where a folder
    belongs) and undecodable text end as one `kg: error:` line and a non-zero exit."""
    from kg.errors import describe_os_error, describe_unicode_error

    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
    except SystemExit as exc:
        if _EXIT_AT_ONCE and exc.code in (None, 0):
            _exit_at_once()
        raise
    except KgError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(describe_os_error(exc), 1)
    except UnicodeError as exc:
        _fail(describe_unicode_error(exc), 2)
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        sys.exit(130)
