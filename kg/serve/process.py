"""`kg serve` as a child process on a free loopback port (for notebooks, tests and the load script)."""
from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from kg.errors import KgError


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class ServerProcess:
    """`with ServerProcess(build_dir, "--timeout", "2") as url:` runs `kg serve` until the block ends."""

    def __init__(self, build_dir: str | Path, *options: str, host: str = "127.0.0.1", startup_seconds: float = 60):
        self.port = free_port(host)
        self.url = f"http://{host}:{self.port}"
        self._command = [sys.executable, "-m", "kg", "serve", str(build_dir), "--host", host,
                         "--port", str(self.port), *options]
        self._startup_seconds = startup_seconds
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> str:
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen(self._command, stdout=subprocess.DEVNULL, stderr=self._stderr)
        deadline = time.monotonic() + self._startup_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._stderr.seek(0)
                raise KgError(f"kg serve stopped: {self._stderr.read().strip()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5):
                    return self.url
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise KgError(f"kg serve did not answer within {self._startup_seconds:g} s")

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._stderr.close()
