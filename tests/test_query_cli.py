"""`kg query`, `kg stats` and `kg validate` through the command line, on the small graph."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import small_resolution
from kg.graph import build_graph
from kg.rdf import write_rdf


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(build_graph(small_resolution()), out)
    return out


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def test_query_prints_sparql_json(build):
    result = kg("query", "mentions", "--build", build, "--param", "name=中信重工", "--format", "json")
    assert result.returncode == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert [b["sentence"]["value"][:4] for b in bindings] == ["中航光电"]


def test_a_query_that_pages_says_how_to_get_the_next_rows(build):
    every = kg("query", "relation_evidence", "--build", build, "--format", "csv")
    assert every.returncode == 0 and every.stderr == ""  # fewer rows than a page: no note
    rows = every.stdout.splitlines()[1:]
    first = kg("query", "relation_evidence", "--build", build, "--format", "csv", "--limit", "2")
    assert first.stdout.splitlines()[1:] == rows[:2]
    assert first.stderr.strip() == "kg: rows 1-2; --offset 2 gives the next ones, --limit 0 all of them"
    rest = kg("query", "relation_evidence", "--build", build, "--format", "csv", "--offset", "2", "--limit", "0")
    assert rest.stdout.splitlines()[1:] == rows[2:] and rest.stderr == ""


@pytest.mark.parametrize("args, message", [
    (["SELECT ?x WHERE { ?x"], "malformed SPARQL"),
    (["class_counts", "--limit", "5"], "--limit applies to the library queries that page"),
    (["entity"], "missing parameter name"),
    (["no_such_query"], "unknown query 'no_such_query'"),
])
def test_query_errors_are_one_line(build, args, message):
    result = kg("query", *args, "--build", build)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_stats_and_validate(build):
    stats = kg("stats", build)
    assert stats.returncode == 0 and "kg:Enterprise" in stats.stdout
    validate = kg("validate", build)
    assert validate.returncode == 0 and "0 violations" in validate.stdout


def test_query_without_a_question_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kg", "query", "--build", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("kg: error: give a query")


def assert_one_line_error(result, message: str, exit_code: int = 2) -> None:
    assert result.returncode == exit_code, result.stderr
    assert result.stderr.startswith("kg: error: ") and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture
def endpoint():
    """A SPARQL endpoint on loopback that counts the requests it gets (a bounded serve loop)."""
    import http.server
    import threading

    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head": {"vars": []}, "results": {"bindings": []}}')

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 0.2
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            server.handle_request()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/sparql", requests
    stop.set()
    thread.join(5)
    server.server_close()


@pytest.mark.parametrize("sparql, message", [
    ("SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "SERVICE is not allowed"),
    ("SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}", "SERVICE is not allowed"),
    ("LOAD <{url}>", "updates are not allowed"),
])
def test_a_query_never_makes_a_network_request(build, endpoint, sparql, message):
    url, requests = endpoint
    assert_one_line_error(kg("query", sparql.format(url=url), "--build", build), message)
    assert requests == []


def test_a_runaway_query_stops_at_its_time_limit(build):
    assert_one_line_error(kg("query", CARTESIAN, "--build", build, "--timeout", "1"), "ran longer than 1 s")


def test_ctrl_c_stops_a_query_at_once(build):
    import signal
    import time

    process = subprocess.Popen([sys.executable, "-m", "kg", "query", CARTESIAN, "--build", str(build),
                                "--timeout", "600"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(3)  # the store is open and the query running
        assert process.poll() is None
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)  # not 600 s
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 130


@pytest.mark.parametrize("name, content, message", [
    ("bad.rq", b'SELECT * WHERE { ?s ?p "\xff" }', "bad.rq: not UTF-8 text"),
])
def test_undecodable_query_file(tmp_path, build, name, content, message):
    (tmp_path / name).write_bytes(content)
    assert_one_line_error(kg("query", tmp_path / name, "--build", build), message)


def test_undecodable_arguments(build):
    text = os.fsdecode(b'SELECT * WHERE { ?s ?p "\xff" }')
    assert_one_line_error(kg("query", text, "--build", build), "the query text holds bytes that are not UTF-8")
    value = os.fsdecode(b"name=\xff")
    assert_one_line_error(kg("query", "entity", "-p", value, "--build", build), "--param name holds bytes")


def test_ten_first_queries_at_once_all_answer(tmp_path):
    write_rdf(build_graph(small_resolution()), tmp_path)
    processes = [subprocess.Popen([sys.executable, "-m", "kg", "query", "class_counts", "--build", str(tmp_path),
                                   "--format", "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(10)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0] * 10, [err for _, err in outputs]
    assert len({out for out, _ in outputs}) == 1 and "Enterprise" in outputs[0][0]
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["db", "lock", "source"]


def test_a_read_only_build_answers_queries(tmp_path):
    from filesystems import run_with_read_only

    write_rdf(build_graph(small_resolution()), tmp_path)
    result = run_with_read_only(tmp_path, [sys.executable, "-m", "kg", "query", "class_counts", "--build", tmp_path])
    assert result.returncode == 0, result.stderr
    assert "Enterprise" in result.stdout and not (tmp_path / "store").exists()
