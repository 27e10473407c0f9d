"""Hybrid retrieval: only the BM25 hits that can still reach the top k are read from the store."""

from __future__ import annotations

from typing import Sequence

from rag.assistant import Assistant
from rag.retrieval import HybridRetriever

QUESTIONS = [
    "How long did the July 3 call last?",
    "What did Peskov say on state television?",
    "How many combat clashes did Ukraine report?",
    "What did Kaja Kallas say about sanctions?",
]


class CountingReads:
    """The real store, counting the passages read by id."""

    def __init__(self, store: object) -> None:
        self._store = store
        self.read = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def passages_by_id(self, passage_ids: Sequence[str]) -> dict:
        self.read += len(passage_ids)
        return self._store.passages_by_id(passage_ids)  # type: ignore[attr-defined]


def test_the_top_k_is_the_full_rankings_top_k_with_fewer_reads(assistant: Assistant) -> None:
    store = CountingReads(assistant.store)
    # 15 candidates of 25 chunks: the dense search misses some BM25 hits
    retriever = HybridRetriever(store, assistant.encoder, assistant.bm25, candidates=15)  # type: ignore[arg-type]
    saved = 0
    for question in QUESTIONS:
        store.read = 0
        top = retriever.retrieve(question, top_k=2).passages
        read_for_top = store.read
        store.read = 0
        full = retriever.retrieve(question, top_k=50).passages  # deep enough to read every BM25 hit
        saved += store.read - read_for_top
        assert [(p.article_id, p.start, p.score) for p in top] == [(p.article_id, p.start, p.score) for p in full[:2]]
    assert saved > 0, "some BM25-only hits that could not reach the top 2 were never read"
