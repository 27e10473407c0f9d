"""Fixtures of the index tests: a real `chroma run` server, the real ONNX embedder, stores on both backends."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from rag.settings import Settings
from tests.conftest import make_settings

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


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """A real Chroma server (`chroma run`) on a free port, for the whole session."""
    assert CHROMA_CLI.is_file(), f"the chroma CLI is missing next to {sys.executable}"
    path = tmp_path_factory.mktemp("chroma-server")
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


@pytest.fixture(scope="session")
def encoder() -> object:
    """One real MiniLM ONNX encoder for the session (loading it costs ~0.3 s, but tests share it)."""
    from index.embedder import MiniLMOnnxEncoder

    return MiniLMOnnxEncoder()


@dataclass(frozen=True)
class Backend:
    """Builds settings for one store backend; every call gets its own collection (the server is shared)."""

    kind: str  # "embedded" or "server"
    server: ChromaServer | None

    def settings(self, data_dir: Path, **overrides: object) -> Settings:
        overrides.setdefault("collection", f"t-{uuid.uuid4().hex[:12]}")
        if self.server is not None:
            overrides.update(chroma_host=self.server.host, chroma_port=self.server.port)
        return make_settings(data_dir, **overrides)


@pytest.fixture(params=["embedded", "server"])
def backend(request: pytest.FixtureRequest) -> Backend:
    """Each store/pipeline test runs against an embedded PersistentClient and against a real server."""
    if request.param == "server":
        return Backend("server", request.getfixturevalue("chroma_server"))
    return Backend("embedded", None)


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    """A private, writable copy of the sample articles (with their manifest)."""
    from rag.settings import BUNDLED_ARTICLES_DIR

    target = tmp_path / "corpus"
    shutil.copytree(BUNDLED_ARTICLES_DIR, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


# --- small generated corpora and store checks -------------------------------------------------

SMALL_CHUNKS = (64, 10)  # chunk size / overlap for the small corpora: short chunks embed fast


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    """Four short generated news articles (with a manifest), about 20 chunks at 64 tokens."""
    from bench.corpus import generate_corpus

    folder = tmp_path / "small"
    generate_corpus(folder, 4, seed=11, paragraphs=(3, 5))
    return folder


def assert_consistent(store: object) -> dict[str, int]:
    """Every passage belongs to a complete article: unique ids, counts match records, offsets match text.

    Returns the passage count per article.
    """
    from collections import Counter

    records = {r.article_id: r for r in store.article_records()}  # type: ignore[attr-defined]
    passages = list(store.iter_passages())  # type: ignore[attr-defined]
    ids = [p.passage_id for p in passages]
    assert len(ids) == len(set(ids)), "duplicate passage ids"
    per_article = Counter(p.article_id for p in passages)
    orphans = set(per_article) - set(records)
    assert not orphans, f"passages without an article record: {sorted(orphans)}"
    for article_id, record in records.items():
        mine = sorted((p for p in passages if p.article_id == article_id), key=lambda p: p.chunk_index)
        assert per_article[article_id] == record.chunk_count, f"{article_id}: {per_article[article_id]} passages, record says {record.chunk_count}"
        assert [p.chunk_index for p in mine] == list(range(record.chunk_count))
        assert {p.content_hash for p in mine} <= {record.content_hash}
        for p in mine:
            assert record.text[p.start : p.end] == p.text
    assert store.count() == len(passages)  # type: ignore[attr-defined]
    return dict(per_article)
