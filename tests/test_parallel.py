"""kg.parallel: per-document work in worker processes or on a Dask cluster gives the output of one process."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import api
from kg.errors import KgError
from kg.parallel import process_documents

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file of a build but the query store (a database, not an output)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "store" not in p.relative_to(out).parts}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    out = tmp_path_factory.mktemp("jobs1")
    api.build([CORPUS], out, jobs=1)
    return _outputs(out)


def test_two_processes_write_the_same_bytes_as_one(one_process, tmp_path):
    api.build([CORPUS], tmp_path, jobs=2)
    assert _outputs(tmp_path) == one_process


def test_dask_cluster_writes_the_same_bytes_as_one_process(one_process, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        api.build([CORPUS], tmp_path, executor="dask", scheduler=cluster.scheduler_address)
    assert _outputs(tmp_path) == one_process


def test_a_lexicon_reaches_the_dask_workers(tmp_path):
    distributed = pytest.importorskip("distributed")
    doc = tmp_path / "doc.txt"
    doc.write_text("去年，甲乙丙丁科技推进了新项目。\n", encoding="utf-8")
    lexicon = tmp_path / "extra.tsv"
    lexicon.write_text("Enterprise\t甲乙丙丁科技\n", encoding="utf-8")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        (result,) = process_documents([doc], [lexicon], executor="dask", scheduler=cluster.scheduler_address)
    assert ("甲乙丙丁科技", "Enterprise") in {(m.name, m.type) for m in result.extraction.mentions}


def test_workers_report_empty_files_and_bad_input_like_one_process(tmp_path):
    (tmp_path / "a.txt").write_text("洛阳市人民政府办公室关于推进中信重工项目的通知。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    results = list(process_documents(sorted(tmp_path.glob("*.txt")), jobs=2))
    assert [(r.path.name, r.raw and r.raw.doc_id, r.extraction is not None) for r in results] == [
        ("a.txt", "a", True), ("b.txt", None, False)]
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(KgError, match="c.txt: binary file"):
        api.run_pipeline([tmp_path], jobs=2)


@pytest.mark.parametrize("options, message", [
    ({"jobs": 0}, "--jobs 0"),
    ({"executor": "spark"}, "unknown executor 'spark'"),
    ({"scheduler": "tcp://127.0.0.1:1"}, "--scheduler needs --executor dask"),
    ({"executor": "dask"}, "needs --scheduler"),
])
def test_bad_options_are_one_line_errors(options, message):
    with pytest.raises(KgError, match=message):
        list(process_documents([CORPUS / "x.txt"], **options))


def test_by_default_one_worker_per_cpu_and_document_and_for_a_large_corpus_per_mib(tmp_path, monkeypatch):
    from kg.parallel import SHARED_START_BYTES, WORKER_BYTES, _default_workers

    monkeypatch.setattr("os.cpu_count", lambda: 4)
    small = [tmp_path / f"s{i}.txt" for i in range(5)]
    for path in small:
        path.write_text("中信重工。", encoding="utf-8")
    assert _default_workers(small[:1]) == 1  # one document: read in this process
    assert _default_workers(small[:3]) == 3 and _default_workers(small) == 4  # forks sharing the start-up
    large = [tmp_path / f"l{i}.txt" for i in range(8)]
    for path in large:
        with open(path, "wb") as fh:
            fh.truncate(SHARED_START_BYTES // 2 + 1)  # sparse: only the size counts
    assert _default_workers(large[:2]) == 4
    monkeypatch.setattr("os.cpu_count", lambda: 64)  # now the input, not the CPUs, bounds the workers
    assert _default_workers(large[:2]) == (SHARED_START_BYTES + 2) // WORKER_BYTES
    assert _default_workers(large) == 4 * SHARED_START_BYTES // WORKER_BYTES


def test_for_a_small_corpus_this_process_loads_the_extractor_once_for_the_workers(tmp_path, monkeypatch):
    from kg import parallel

    monkeypatch.setattr(parallel, "_extractors", {})
    paths = [tmp_path / f"d{i}.txt" for i in range(2)]
    for path in paths:
        path.write_text("中信重工实施智能制造项目。", encoding="utf-8")
    results = list(process_documents(paths, jobs=2))
    assert [r.extraction.mentions[0].name for r in results] == ["中信重工", "中信重工"]
    assert list(parallel._extractors) == [((), None)]  # loaded here, inherited by the forked workers
    monkeypatch.setattr(parallel, "_extractors", {})
    monkeypatch.setattr(parallel, "SHARED_START_BYTES", 0)
    list(process_documents(paths, jobs=2))
    assert parallel._extractors == {}  # a large corpus: each worker loads its own


def test_one_job_runs_here_for_a_small_corpus_and_in_one_worker_for_a_large_one(tmp_path, monkeypatch):
    from kg import parallel

    monkeypatch.setattr(parallel, "_extractors", {})
    path = tmp_path / "d.txt"
    path.write_text("中信重工实施智能制造项目。", encoding="utf-8")
    assert list(process_documents([path], jobs=1))[0].extraction.mentions[0].name == "中信重工"
    assert list(parallel._extractors) == [((), None)]
    monkeypatch.setattr(parallel, "_extractors", {})
    monkeypatch.setattr(parallel, "SHARED_START_BYTES", 0)
    assert list(process_documents([path], jobs=1))[0].extraction.mentions[0].name == "中信重工"
    assert parallel._extractors == {}  # the models stay out of the process that resolves and writes
