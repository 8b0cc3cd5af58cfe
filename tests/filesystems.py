"""Real small file systems for the fault tests: a command runs in its own mount namespace
(`unshare -rm`, no root needed where user namespaces are allowed) over a tiny tmpfs or a read-only
bind mount. Tests skip, saying why, where the machine allows neither."""
from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest


@functools.cache
def _unavailable() -> str | None:
    """Why mount namespaces cannot be used here, or None."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True)
    return f"mount namespaces are not allowed: {probe.stderr.strip()}" if probe.returncode else None


def _run(setup: str, mountpoint: Path, command: list) -> subprocess.CompletedProcess:
    reason = _unavailable()
    if reason:
        pytest.skip(reason)
    script = f'{setup} && exec "$@"'
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", *map(str, command)],
                          capture_output=True, text=True, env={"MNT": str(mountpoint), "PATH": "/usr/bin:/bin"})


def run_on_small_disk(mountpoint: Path, kilobytes: int, command: list) -> subprocess.CompletedProcess:
    """Run `command` with a `kilobytes`-sized tmpfs mounted on `mountpoint` (a real full disk)."""
    mountpoint.mkdir(parents=True, exist_ok=True)
    return _run(f'mount -t tmpfs -o size={kilobytes}k tmpfs "$MNT"', mountpoint, command)


def run_with_read_only(folder: Path, command: list) -> subprocess.CompletedProcess:
    """Run `command` with `folder` (and what it holds) mounted read-only."""
    return _run('mount --bind "$MNT" "$MNT" && mount -o remount,bind,ro "$MNT"', folder, command)
