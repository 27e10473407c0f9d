"""A second corpus for the answerer's rules: nine short articles written for these tests (tests/rag/data/rules_corpus),
none of them from the sample, so no rule passes only on text it was written for."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import make_settings

RULES_CORPUS = Path(__file__).resolve().parent / "data" / "rules_corpus"


@pytest.fixture(scope="session")
def rules_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A read-only Assistant over the rules corpus (embedded Chroma in a temp dir)."""
    from rag.assistant import Assistant
    from rag.library import ingest_paths

    data_dir = tmp_path_factory.mktemp("rules-store")
    settings = make_settings(data_dir)
    report = ingest_paths(settings, [RULES_CORPUS], prune=False)
    assert report.as_json()["added"] == 9
    yield Assistant.from_settings(settings)
