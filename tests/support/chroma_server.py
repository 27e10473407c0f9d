"""A real Chroma server (`chroma run`) on a free loopback port, started and stopped by the tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

CHROMA_START_SECONDS = 60.0
CHROMA_CLI = Path(sys.executable).with_name("chroma")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _heartbeat(host: str, port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/api/v2/heartbeat", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class ChromaServer:
    host: str
    port: int
    path: Path


@contextmanager
def running_chroma_server(path: Path) -> Iterator[ChromaServer]:
    """`chroma run --path PATH/db` on a free port until the block ends; its log is PATH/server.log."""
    import pytest

    assert CHROMA_CLI.is_file(), f"the chroma CLI is missing next to {sys.executable}"
    host, port = "127.0.0.1", free_port()
    log = (path / "server.log").open("wb")
    process = subprocess.Popen(
        [str(CHROMA_CLI), "run", "--path", str(path / "db"), "--host", host, "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + CHROMA_START_SECONDS
        while not _heartbeat(host, port):
            if process.poll() is not None:
                pytest.fail(f"chroma run exited with {process.returncode}: {(path / 'server.log').read_text()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"chroma run gave no heartbeat within {CHROMA_START_SECONDS:.0f} s")
            time.sleep(0.1)
        yield ChromaServer(host, port, path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
