"""A second corpus for the answerer's rules: nine short articles written for these tests (tests/rag/data/rules_corpus),
none of them from the sample, so no rule passes only on text it was written for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

from tests.conftest import make_settings

if TYPE_CHECKING:
    from rag.word_likeness import WordLikeness

RULES_CORPUS = Path(__file__).resolve().parent / "data" / "rules_corpus"
# Two short articles written for the tests of what articles say they do not know (rag.withheld) and of who
# someone is (rag.identity).
WITHHELD_CORPUS = Path(__file__).resolve().parent / "data" / "withheld_corpus"


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


@pytest.fixture(scope="session")
def withheld_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A read-only Assistant over the withheld corpus (embedded Chroma in a temp dir)."""
    from rag.assistant import Assistant
    from rag.library import ingest_paths

    settings = make_settings(tmp_path_factory.mktemp("withheld-store"))
    assert ingest_paths(settings, [WITHHELD_CORPUS], prune=False).as_json()["added"] == 2
    yield Assistant.from_settings(settings)


@pytest.fixture
def likeness(encoder: object) -> "WordLikeness":
    """Word likeness from the local encoder, as the answerer has it."""
    from rag.word_likeness import EncoderWordLikeness

    return EncoderWordLikeness(encoder)  # type: ignore[arg-type]
