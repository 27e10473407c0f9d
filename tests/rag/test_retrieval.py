"""Hybrid retrieval: BM25 hits come whole from the keyword index; filters apply inside both searches."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rag.assistant import Assistant
from rag.retrieval import HybridRetriever, RetrievalFilters

QUESTIONS = [
    "How long did the July 3 call last?",
    "What did Peskov say on state television?",
    "How many combat clashes did Ukraine report?",
    "What did Kaja Kallas say about sanctions?",
]


class OnlyDenseQueries:
    """The real store, refusing every read but the dense query: retrieval must need no other."""

    def __init__(self, store: object) -> None:
        self._store = store

    def query(self, *args: Any, **kwargs: Any) -> Any:
        return self._store.query(*args, **kwargs)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"retrieval read the store through {name}")


@pytest.mark.parametrize("mode", ["hybrid", "bm25"])
def test_bm25_hits_need_no_read_from_chroma(assistant: Assistant, mode: str) -> None:
    # 15 candidates of 25 chunks: the dense search misses some BM25 hits, which come whole from the keyword index
    retriever = HybridRetriever(OnlyDenseQueries(assistant.store), assistant.encoder, assistant.bm25, candidates=15)  # type: ignore[arg-type]
    bm25_only = 0
    for question in QUESTIONS:
        result = retriever.retrieve(question, top_k=8, mode=mode)  # type: ignore[arg-type]
        assert result.passages and all(p.text and p.sentence_spans for p in result.passages)
        bm25_only += sum(p.bm25_rank is not None and p.dense_rank is None for p in result.passages)
        stored = assistant.store.passages_by_id([p.passage_id for p in result.passages if "+" not in p.passage_id])
        for passage in result.passages:
            if passage.passage_id in stored:  # not merged: exactly what Chroma holds
                record = stored[passage.passage_id]
                assert (passage.text, passage.start, passage.end, passage.title, passage.source, passage.published) == (
                    record.text, record.start, record.end, record.title, record.source, record.published
                )
                assert passage.sentence_vectors == record.sentence_vectors
                assert passage.sentence_spans == [tuple(s) for s in record.sentence_spans]
    assert bm25_only > 0, "some passages were found by BM25 alone"


def test_filters_apply_inside_the_keyword_search(assistant: Assistant) -> None:
    retriever = HybridRetriever(OnlyDenseQueries(assistant.store), assistant.encoder, assistant.bm25, candidates=30)  # type: ignore[arg-type]
    records = assistant.articles()
    publisher = records[0].source
    dated = sorted(r.published for r in records if r.published)
    since = dated[len(dated) // 2]
    for filters in (RetrievalFilters(publishers=(publisher,)), RetrievalFilters(date_from=since),
                    RetrievalFilters(date_to=since), RetrievalFilters(publishers=(publisher,), date_to=dated[-1])):
        for question in QUESTIONS:
            passages = retriever.retrieve(question, top_k=30, mode="bm25", filters=filters).passages
            for p in passages:
                if filters.publishers:
                    assert p.source in filters.publishers
                if filters.date_from:
                    assert p.published and date.fromisoformat(p.published) >= date.fromisoformat(filters.date_from)
                if filters.date_to:
                    assert p.published and date.fromisoformat(p.published) <= date.fromisoformat(filters.date_to)
    # nothing matches an unknown publisher
    assert retriever.retrieve(QUESTIONS[0], mode="bm25", filters=RetrievalFilters(publishers=("Nobody",))).passages == []
