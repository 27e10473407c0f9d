"""Shared fixtures: real embedded Chroma stores in temp dirs, the sample corpus ingested once per session,
one real `chroma run` server and one ONNX encoder for the whole session, and both store backends."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests explore the same examples on every run, so CI is reproducible
# and nothing is written to .hypothesis/.
hypothesis_settings.register_profile("sourced", derandomize=True, database=None, deadline=None)
hypothesis_settings.load_profile("sourced")

from rag.settings import BUNDLED_ARTICLES_DIR, Settings
from tests.support.chroma_server import ChromaServer, running_chroma_server
from tests.support.openai_server import openai_server  # noqa: F401  (fixture)

# Tests never read the developer's .env or environment settings.
for _name in list(os.environ):
    if _name.startswith("RAG_") or _name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        del os.environ[_name]


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir, **overrides)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def sample_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding the sample corpus, ingested once; copy it before mutating (see `fresh_data_dir`)."""
    from rag.library import ingest_paths

    data_dir = tmp_path_factory.mktemp("sample-store")
    report = ingest_paths(make_settings(data_dir), [])
    assert report.as_json()["added"] == 5
    return data_dir


@pytest.fixture()
def fresh_data_dir(sample_data_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the ingested sample store, safe to change."""
    target = tmp_path / "data"
    shutil.copytree(sample_data_dir, target)
    return target


@pytest.fixture(scope="session")
def sample_settings(sample_data_dir: Path) -> Settings:
    return make_settings(sample_data_dir)


@pytest.fixture(scope="session")
def assistant(sample_settings: Settings) -> Iterator[object]:
    """A read-only Assistant over the sample corpus (do not ingest or delete through it)."""
    from rag.assistant import Assistant

    yield Assistant.from_settings(sample_settings)


@pytest.fixture()
def articles_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled articles folder."""
    target = tmp_path / "articles"
    shutil.copytree(BUNDLED_ARTICLES_DIR, target)
    return target


# --- a Chroma server, the encoder, both backends (defined here once: a fixture imported into several
# conftest files or modules is a separate fixture in each, and would start a server per import) ---------


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """A real Chroma server (`chroma run`) on a free port, for the whole session."""
    with running_chroma_server(tmp_path_factory.mktemp("chroma-server")) as server:
        yield server


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
