"""kg.io: atomic files and build folders that appear whole or not at all, even when a build is killed."""
from __future__ import annotations

import fcntl
import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.io import BUILD_MARKER, build_folder, write_text

KG = [sys.executable, "-m", "kg"]


def test_a_pipe_or_device_is_written_not_replaced(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_text(fifo, "企业\n")
    reader.join(10)
    assert received == ["企业\n"] and fifo.is_fifo()


def _write_build(folder: Path, label: str) -> None:
    write_text(folder / "graph.trig", label)
    write_text(folder / "extractions" / f"{label}.json", label)


def test_a_build_replaces_the_old_one_whole(tmp_path):
    out = tmp_path / "out"
    with build_folder(out) as staging:
        _write_build(staging, "old")
        assert not (out / "graph.trig").exists()
    with build_folder(out) as staging:
        _write_build(staging, "new")
        assert (out / "graph.trig").read_text(encoding="utf-8") == "old"  # readers see the old build meanwhile
    assert sorted(p.name for p in (out / "extractions").iterdir()) == ["new.json"]  # nothing stale
    assert (out / BUILD_MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failed_build_leaves_the_old_one(tmp_path):
    out = tmp_path / "out"
    with build_folder(out) as staging:
        _write_build(staging, "old")
    with pytest.raises(RuntimeError), build_folder(out) as staging:
        _write_build(staging, "new")
        raise RuntimeError("the pipeline failed")
    assert (out / "graph.trig").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    with build_folder(out) as staging:
        _write_build(staging, "first")
        with pytest.raises(KgError, match="another kg build is writing this folder"), build_folder(out):
            pass
    assert (out / "graph.trig").read_text(encoding="utf-8") == "first"


def test_leftovers_of_killed_builds_are_removed_and_foreign_folders_kept(tmp_path):
    leftover = tmp_path / ".out.kg-new-99999"
    leftover.mkdir()
    (leftover / ".graph.trig.x.tmp").write_text("half", encoding="utf-8")
    with build_folder(tmp_path / "out") as staging:
        _write_build(staging, "b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(KgError, match="mine: folder holds files that kg build did not write"):
        with build_folder(tmp_path / "mine"):
            pass
    assert (tmp_path / "mine" / "thesis.docx").read_bytes() == b"precious"


DOCUMENTS = {
    "a.txt": "洛阳市人民政府2024年工作报告\n中信重工投资50亿元建设智能制造产业园项目，项目已开工建设。\n",
    "b.txt": "涧西区2023年工作报告\n一拖集团入选专精特新名单，洛阳轴承集团股份有限公司风电轴承项目建成投产。\n",
}


def _snapshot(out: Path) -> dict[str, str]:
    """Every file of a build but its query store (made by RocksDB, not byte-stable)."""
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.rglob("*"))
            if p.is_file() and "store" not in p.relative_to(out).parts}


def _build(inputs, out) -> float:
    started = time.monotonic()
    result = subprocess.run([*KG, "build", *inputs, "--out", out], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - started


def test_a_killed_build_leaves_exactly_the_old_or_the_new_build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCUMENTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    out, reference = tmp_path / "builds" / "out", tmp_path / "reference"
    _build([docs / "a.txt", docs / "b.txt"], out)
    old = _snapshot(out)
    duration = _build([docs / "a.txt"], reference)  # the new build, fewer inputs
    new = _snapshot(reference)
    assert old != new
    chance = random.Random(12)
    for _ in range(2):
        process = subprocess.Popen([*KG, "build", docs / "a.txt", "--out", out],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.3, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _snapshot(out) in (old, new)
    _build([docs / "a.txt"], out)
    assert _snapshot(out) == new
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]  # no leftover staging folder
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp") or ".tmp-" in p.name]
    assert sorted(p.name for p in (out / "extractions").iterdir()) == ["a.json"]


def test_a_concurrent_build_is_refused_with_a_clear_message(tmp_path):
    (tmp_path / "a.txt").write_text(DOCUMENTS["a.txt"], encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    holder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)  # what a running build holds
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        result = subprocess.run([*KG, "build", tmp_path / "a.txt", "--out", out], capture_output=True, text=True)
    finally:
        os.close(holder)
    assert result.returncode == 2
    assert result.stderr.strip() == f"kg: error: {out}: another kg build is writing this folder: wait for it or choose another --out"
    assert list(out.iterdir()) == []
