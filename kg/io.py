"""Atomic output: a file is written to a temporary file beside the target, then renamed; a build
folder is written beside its target, then exchanged with it (`build_folder`).

A target that is a device or a pipe (`/dev/stdout`) is written directly: it cannot be replaced.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterator

from kg.errors import KgError


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; on success it replaces `path`, on error it is removed."""
    path = Path(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder, expected a file name")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        try:
            with open(path, mode, encoding=None if "b" in mode else encoding) as fh:
                yield fh
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str) -> None:
    with atomic_open(path, "w") as fh:
        fh.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


BUILD_MARKER = ".kg-build"  # in every folder `kg build` wrote (the same bytes in every build)


@contextlib.contextmanager
def build_folder(out: str | Path) -> Iterator[Path]:
    """A build appears as a whole or not at all: yield a fresh folder beside `out` to write the build
    into; when the block ends without error it takes `out`'s place in one atomic exchange (the old
    build is then removed), on error it is removed and `out` stays as it was.

    Only one build writes a folder at a time (a lock on `out` itself: a second one gets a KgError).
    Leftovers of killed builds (`.NAME.kg-*` beside `out`) are removed first. A folder that holds
    other files than a build is refused rather than replaced."""
    import shutil

    target = check_build_folder(out)
    target.mkdir(parents=True, exist_ok=True)
    lock = _lock_build_folder(out, target)
    try:
        for leftover in target.parent.glob(f".{target.name}.kg-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        staging = target.parent / f".{target.name}.kg-new-{os.getpid()}"
        staging.mkdir()
        try:
            yield staging
            (staging / BUILD_MARKER).write_text("a folder written by kg build\n", encoding="utf-8")
            _exchange(staging, target)  # `staging` now names the old build
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        os.close(lock)


def check_build_folder(out: str | Path) -> Path:
    """KgError unless a build may be written to `out` now; returns its resolved path."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise KgError(f"{out}: is a file, not a folder: choose another --out")
    target = out.resolve()
    if target.is_dir():
        if not _replaceable(target):
            raise KgError(f"{out}: folder holds files that kg build did not write: choose an empty or new --out")
        os.close(_lock_build_folder(out, target))
    return target


def _lock_build_folder(out: Path, target: Path) -> int:
    """An open descriptor of `target` holding its exclusive lock; KgError if a build holds it."""
    import fcntl

    lock = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(lock)
        raise KgError(f"{out}: another kg build is writing this folder: wait for it or choose another --out") from None
    return lock


def _replaceable(folder: Path) -> bool:
    """An empty folder, one written by kg build (marked, or from before builds were marked), or one
    holding only the extraction cache a build in progress has filled."""
    names = {p.name for p in folder.iterdir()}
    return names <= {"cache"} or bool(names & {BUILD_MARKER, "graph.trig", "build.json"})


def _exchange(new: Path, old: Path) -> None:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); elsewhere two renames."""
    import ctypes
    import errno

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if renameat2(at_fdcwd, os.fsencode(new), at_fdcwd, os.fsencode(old), rename_exchange) == 0:
            return
        error = ctypes.get_errno()
        if error not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(error, os.strerror(error), str(old))
    aside = old.with_name(f".{old.name}.kg-old-{os.getpid()}")
    os.rename(old, aside)
    os.rename(new, old)
    os.rename(aside, new)
