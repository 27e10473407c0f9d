"""A large library in seconds, and a count of what is read from it.

`add_articles` writes one-passage articles through the store's own write path
(`PassageStore.upsert_passages`, which writes Chroma and the keyword index, then
`put_articles`), as bench/scale_bench.py does: a library of a thousand articles
without embedding a thousand texts. Their vectors are random unit vectors, so
they rank differently for every query; their texts and titles are made here.

`ReadCounter` wraps the collections of real stores as they are opened and counts
what each `get` returns: records with their contents (documents or metadata) and
ids alone. It measures, it changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest

from index.store import ArticleRecord, PassageRecord, PassageStore, passage_id

TOWNS = ("Alder Springs", "Brackwater", "Corliss", "Dunmore", "Eastbrook", "Fenwick", "Greer", "Harlan")
TOPICS = ("bridge repairs", "school budget", "water rates", "library hours", "bus routes", "park lighting")
PUBLISHERS = ("Valley Ledger", "Harbour Gazette", "Riverside Post")


def synthetic_article(number: int) -> tuple[ArticleRecord, PassageRecord]:
    """Article `number`: a town, a topic, a publisher and a date (every tenth one undated)."""
    town, topic = TOWNS[number % len(TOWNS)], TOPICS[number % len(TOPICS)]
    publisher = PUBLISHERS[number % len(PUBLISHERS)]
    published = None if number % 10 == 9 else (date(2019, 1, 1) + timedelta(days=number)).isoformat()
    title = f"{town} council report {number} on {topic}"
    text = (
        f"The {town} council discussed {topic} at meeting number {number}. "
        f"Councillors asked for a report on the {topic} before the next vote."
    )
    article_id = f"synthetic/report-{number:05d}.txt~{number:08x}"
    content_hash = f"h{number:06d}"
    record = ArticleRecord(
        article_id=article_id, title=title, source=publisher, published=published, url=None,
        content_hash=content_hash, chunk_count=1, path=f"/synthetic/report-{number:05d}.txt", text=text,
        raw_text=f"{title}\n\n{text}", pipeline_version=_pipeline_version(),
    )
    passage = PassageRecord(
        passage_id=passage_id(article_id, content_hash, 0), article_id=article_id, text=text, start=0, end=len(text),
        chunk_index=0, title=title, source=publisher, published=published, url=None, content_hash=content_hash,
    )
    return record, passage


def _pipeline_version() -> int:
    from index.pipeline import PIPELINE_VERSION

    return PIPELINE_VERSION


def add_articles(store: PassageStore, count: int, dimensions: int = 384, seed: int = 11) -> list[ArticleRecord]:
    """Write `count` synthetic articles into `store` (opened for writing) in one write session."""
    rng = np.random.default_rng(seed)
    made = [synthetic_article(n) for n in range(count)]
    vectors = rng.normal(size=(count, dimensions)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with store.writing():
        store.upsert_passages([p for _, p in made], vectors.tolist())
        store.put_articles([r for r, _ in made])
    return [r for r, _ in made]


@dataclass
class Reads:
    """What `get` returned from one collection: records with contents, and ids alone."""

    records: int = 0
    ids: int = 0
    calls: list[str] = field(default_factory=list)


class _CountingCollection:
    def __init__(self, inner: Any, reads: Reads) -> None:
        self._inner = inner
        self._reads = reads

    def get(self, *args: Any, **kwargs: Any) -> Any:
        got = self._inner.get(*args, **kwargs)
        include = kwargs.get("include", ["documents", "metadatas"])  # Chroma's default
        if include:
            self._reads.records += len(got["ids"])
        else:
            self._reads.ids += len(got["ids"])
        self._reads.calls.append(f"{len(got['ids'])} {'records' if include else 'ids'}")
        return got

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class ReadCounter:
    """Counts the article records and passages read from every store opened while it is installed."""

    def __init__(self) -> None:
        self.articles = Reads()
        self.passages = Reads()

    def wrap(self, store: PassageStore) -> PassageStore:
        if not isinstance(store._articles, _CountingCollection):
            store._articles = _CountingCollection(store._articles, self.articles)
            store._passages = _CountingCollection(store._passages, self.passages)
        return store

    def reset(self) -> None:
        for reads in (self.articles, self.passages):
            reads.records, reads.ids, reads.calls = 0, 0, []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> "ReadCounter":
        counter = self
        opened_for_reading = PassageStore.open_for_reading
        opened_for_writing = PassageStore.open_for_writing

        def open_for_reading(store: PassageStore) -> PassageStore:
            return counter.wrap(opened_for_reading(store))

        def open_for_writing(store: PassageStore, rebuild: bool = False) -> PassageStore:
            return counter.wrap(opened_for_writing(store, rebuild))

        monkeypatch.setattr(PassageStore, "open_for_reading", open_for_reading)
        monkeypatch.setattr(PassageStore, "open_for_writing", open_for_writing)
        return self
