"""Fixtures of the index tests: writable copies of the sample articles, small generated corpora, store checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# The Chroma server, encoder and backend fixtures live in tests/conftest.py, so that the whole
# session shares one of each; these names stay importable from here.
from tests.conftest import Backend  # noqa: F401
from tests.support.chroma_server import (  # noqa: F401
    CHROMA_CLI,
    CHROMA_START_SECONDS,
    ChromaServer,
    _heartbeat,
    free_port,
)


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
