"""Builds the collaborators (embedder, store) that the settings describe."""

from __future__ import annotations

from pathlib import Path

from index.embedder import MiniLMOnnxEncoder, OpenAIEncoder, TextEncoder
from index.pipeline import ChunkSettings
from index.store import PassageStore, open_client
from rag.settings import Settings


def build_encoder(settings: Settings) -> TextEncoder:
    if settings.embedding_backend == "openai":
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAIEncoder(settings.openai_embedding_model, key, settings.openai_base_url, settings.embed_batch_size)
    return MiniLMOnnxEncoder(
        batch_size=settings.embed_batch_size,
        graph=settings.embedding_graph,
        cache_dir=Path(settings.model_cache_dir).expanduser(),
        threads=settings.embed_threads or None,
    )


def build_store(settings: Settings, encoder: TextEncoder) -> PassageStore:
    """A store handle (not yet opened): call `open_for_reading` or `open_for_writing`."""
    client = open_client(Path(settings.data_dir), settings.chroma_host, settings.chroma_port)
    return PassageStore(client, settings.collection, encoder.fingerprint)


def chunk_settings(settings: Settings) -> ChunkSettings:
    return ChunkSettings(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)


def bm25_cache_dir(settings: Settings) -> Path:
    """Where BM25 indexes are cached, one folder per store revision."""
    return Path(settings.data_dir).expanduser() / "bm25"


def describe_store(settings: Settings) -> dict[str, object]:
    if settings.uses_chroma_server:
        return {"kind": "chroma-server", "host": settings.chroma_host, "port": settings.chroma_port or 8000,
                "collection": settings.collection}
    return {"kind": "embedded", "path": str(Path(settings.data_dir).expanduser() / "chroma"),
            "collection": settings.collection}
