"""Fixtures of the UI tests: a real app on a free port over a private copy of the sample store."""

from __future__ import annotations

import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import make_settings

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts"
README_QUESTION = "What did Putin tell Trump about Russia's goals in Ukraine?"
# Four short articles written for these tests (not the sample corpus): a library of the user's own.
OWN_LIBRARY = Path(__file__).resolve().parent / "library"
SERVE_SECONDS = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RunningApp:
    url: str
    assistant: Any
    data_dir: Path


def launch_app(data_dir: Path, encoder: Any = None, **overrides: object) -> tuple[Any, RunningApp]:
    """The app over `data_dir`; `encoder`: another embedder (e.g. tests/support/gated_encoder.py's) in place of
    the configured one."""
    from rag.assistant import Assistant
    from rag.services import build_store
    from ui.app import build_app

    settings = make_settings(data_dir, **overrides)
    if encoder is None:
        assistant = Assistant.from_settings(settings)
    else:
        assistant = Assistant(settings, build_store(settings, encoder).open_for_reading(), encoder)
    app = build_app(assistant)
    app.queue()
    # gradio's own check that the page answers gives each try 3 s and fails the launch at the first slow
    # one, which a loaded machine (CI, parallel workers) sometimes is; the same check, with more patience:
    _, url, _ = app.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True,
                           _frontend=False)
    _wait_until_served(url)
    return app, RunningApp(url.rstrip("/"), assistant, data_dir)


def _wait_until_served(url: str, seconds: float = SERVE_SECONDS) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.head(url, timeout=10).status_code in (200, 401, 302, 303, 307):
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"the launched app at {url} did not answer within {seconds:.0f} s")
        time.sleep(0.2)


def private_store(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A copy of the ingested sample store that a module may change (uploads, deletes, feedback)."""
    target = tmp_path_factory.mktemp(name) / "data"
    shutil.copytree(sample_data_dir, target)
    return target


@pytest.fixture(scope="session")
def own_library_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding OWN_LIBRARY, ingested once; copy it before changing it (see `private_store`)."""
    from rag.library import ingest_paths

    data_dir = tmp_path_factory.mktemp("own-library-store")
    report = ingest_paths(make_settings(data_dir), [OWN_LIBRARY], prune=False)
    assert report.as_json()["added"] == len(list(OWN_LIBRARY.glob("*.md")))
    return data_dir


@pytest.fixture(scope="module")
def running_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One launched app per test module, over its own copy of the sample store."""
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "ui-store"))
    try:
        yield running
    finally:
        app.close()
