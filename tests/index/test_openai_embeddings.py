"""RAG_EMBEDDING_BACKEND=openai: llama-index's OpenAIEmbedding against the local OpenAI-protocol server."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.embedder import OpenAIEncoder
from index.errors import EmbedderUnavailableError, EmbeddingMismatchError
from tests.conftest import make_settings
from tests.support.openai_server import EMBEDDING_DIMENSIONS, FakeOpenAIServer


def openai_settings(data_dir: Path, server: FakeOpenAIServer, **overrides: object):  # type: ignore[no-untyped-def]
    return make_settings(
        data_dir,
        embedding_backend="openai",
        openai_api_key="sk-test-not-a-real-key",
        openai_base_url=server.base_url,
        **overrides,
    )


def test_encoder_calls_the_endpoint_in_batches(openai_server: FakeOpenAIServer) -> None:
    encoder = OpenAIEncoder("text-embedding-3-small", "sk-test", openai_server.base_url, batch_size=2)
    texts = ["Putin spoke to Trump by phone.", "Trump and Putin spoke on the phone.", "Bakery sells bread."]
    vectors = np.array(encoder.embed_documents(texts))
    assert vectors.shape == (3, EMBEDDING_DIMENSIONS)
    assert len(openai_server.embedding_requests) == 2  # 3 texts in batches of 2
    assert openai_server.embedding_requests[0]["model"] == "text-embedding-3-small"
    query = np.array(encoder.embed_query("What did Putin and Trump discuss on the phone?"))
    assert query @ vectors[1] > query @ vectors[2]
    assert encoder.fingerprint == "openai:text-embedding-3-small"


def test_missing_key_is_one_clear_sentence() -> None:
    with pytest.raises(EmbedderUnavailableError) as raised:
        OpenAIEncoder("text-embedding-3-small", None, None)
    assert "OPENAI_API_KEY" in raised.value.message


def test_ingest_and_ask_with_openai_embeddings_then_switching_model_asks_for_a_rebuild(
    tmp_path: Path, openai_server: FakeOpenAIServer
) -> None:
    from rag.assistant import Assistant
    from rag.library import ingest_paths

    # the test server's vectors are hashed words, not meanings: the refusal model, fitted with MiniLM's
    # similarities, is not what this test is about, so it answers whatever the pipeline found
    settings = openai_settings(tmp_path / "data", openai_server, answer_mode="extractive", abstain_threshold=0.0)
    report = ingest_paths(settings, []).as_json()
    assert report["added"] == 5 and report["chunks"] > 5
    assert openai_server.embedding_requests, "chunks were embedded by the endpoint"

    assistant = Assistant.from_settings(settings)
    stored = next(iter(assistant.store.iter_passages()))
    assert stored.sentence_vectors and len(stored.sentence_spans) > 1, "sentences are embedded too"
    answer = assistant.ask("How long did the July 3 call between Trump and Putin last?")
    assert not answer.abstained and answer.citations
    assert all(c.quote in c.text for c in answer.citations)  # answered and cited from passages the endpoint embedded
    assert assistant.store.fingerprint == "openai:text-embedding-3-small"

    with pytest.raises(EmbeddingMismatchError) as raised:
        Assistant.from_settings(make_settings(tmp_path / "data"))
    assert "rag ingest --rebuild" in raised.value.message
