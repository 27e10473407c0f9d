"""The Chroma store: passages with their embeddings, and one record per article.

Two collections: `<name>` holds the passages (chunk text, embedding, offsets,
article metadata); `<name>-articles` holds each article's cleaned text (what
citation offsets refer to), its original text and its metadata. An article
record is written only after all its passages are in, so it marks a complete
ingest: a run killed half-way is detected and finished by the next one.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Sequence

from index.errors import EmbeddingMismatchError, IndexEmptyError, StoreUnavailableError

# HNSW settings measured on this machine kind at 100k chunks: the defaults
# (16 / 100 / 100) found 0.71 of the exact top-10; 32 / 200 / 100 found 0.82
# (0.98 counting near-ties) at p95 2.7 ms.
HNSW_CONFIGURATION = {"space": "cosine", "max_neighbors": 32, "ef_construction": 200, "ef_search": 100}
# Chroma caps the size of one write; stay well below it.
WRITE_BATCH = 1000
# Articles collection records carry no meaningful vector: Chroma needs one.
_PLACEHOLDER_VECTOR = [1.0]


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    title: str
    source: str
    published: str | None
    url: str | None
    content_hash: str
    chunk_count: int
    path: str
    text: str = field(repr=False)
    raw_text: str = field(default="", repr=False)
    # (clean_start, raw_start, length) for each kept line: maps a citation back to the original.
    segments: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)

    def summary(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "url": self.url,
            "chunks": self.chunk_count,
            "path": self.path,
        }


@dataclass(frozen=True)
class PassageRecord:
    passage_id: str
    article_id: str
    text: str
    start: int
    end: int
    chunk_index: int
    title: str
    source: str
    published: str | None
    url: str | None
    content_hash: str
    # sentence spans local to `text` and their vectors (vector_codec.pack), when the embedder gives them
    sentence_spans: tuple[tuple[int, int], ...] = ()
    sentence_vectors: str = field(default="", repr=False)
    # named entities (start, end, label) local to `text`, found at ingest (index.nlp)
    entities: tuple[tuple[int, int, str], ...] = field(default=(), repr=False)

    def metadata(self) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "chunk_index": self.chunk_index,
            "title": self.title,
            "source": self.source,
            "content_hash": self.content_hash,
        }
        if self.published:
            meta["published"] = self.published
            meta["published_ordinal"] = date.fromisoformat(self.published).toordinal()
        if self.url:
            meta["url"] = self.url
        if self.sentence_spans:
            meta["sentence_spans"] = json.dumps(self.sentence_spans)
        if self.sentence_vectors:
            meta["sentence_vectors"] = self.sentence_vectors
        if self.entities:
            meta["entities"] = json.dumps(self.entities, separators=(",", ":"))
        return meta

    @classmethod
    def from_chroma(cls, passage_id: str, text: str, meta: dict[str, Any]) -> "PassageRecord":
        return cls(
            passage_id=passage_id,
            article_id=str(meta["article_id"]),
            text=text,
            start=int(meta["start"]),
            end=int(meta["end"]),
            chunk_index=int(meta.get("chunk_index", 0)),
            title=str(meta.get("title", "")),
            source=str(meta.get("source", "")),
            published=meta.get("published"),
            url=meta.get("url"),
            content_hash=str(meta.get("content_hash", "")),
            sentence_spans=tuple(tuple(span) for span in json.loads(meta.get("sentence_spans") or "[]")),
            sentence_vectors=str(meta.get("sentence_vectors") or ""),
            entities=tuple((int(s), int(e), str(label)) for s, e, label in json.loads(meta.get("entities") or "[]")),
        )

    def with_sentence_vectors(self, packed: str) -> "PassageRecord":
        return replace(self, sentence_vectors=packed)


@dataclass(frozen=True)
class DenseHit:
    passage: PassageRecord
    similarity: float


def open_client(data_dir: Path, host: str | None = None, port: int | None = None) -> Any:
    """An embedded PersistentClient under `data_dir`, or an HttpClient when a host is given."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            client = chromadb.HttpClient(host=host, port=port or 8000, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several unrelated types for a dead server
            raise StoreUnavailableError(
                f"Cannot reach the Chroma server at {host}:{port or 8000}; start it with "
                f"`chroma run --host {host} --port {port or 8000}` or unset RAG_CHROMA_HOST."
            ) from exc
        return client
    path = Path(data_dir).expanduser() / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except OSError as exc:
        raise StoreUnavailableError(
            f"Cannot write the store at {path}; set RAG_DATA_DIR to a writable folder."
        ) from exc


class PassageStore:
    """Passages and article records of one corpus in Chroma, tied to one embedding model."""

    def __init__(self, client: Any, name: str, fingerprint: str) -> None:
        self._client = client
        self.name = name
        self.fingerprint = fingerprint
        self._passages: Any = None
        self._articles: Any = None

    # --- lifecycle ---------------------------------------------------------
    @property
    def articles_collection_name(self) -> str:
        return f"{self.name}-articles"

    def exists(self) -> bool:
        names = {c if isinstance(c, str) else c.name for c in self._client.list_collections()}
        return self.name in names

    def open_for_reading(self) -> "PassageStore":
        """Open an existing store; refuse a missing one or one built with another model."""
        if not self.exists():
            raise IndexEmptyError("No articles are indexed yet; run `rag ingest` first.")
        self._passages = self._client.get_collection(self.name, embedding_function=None)
        self._articles = self._client.get_or_create_collection(self.articles_collection_name, embedding_function=None)
        self._check_fingerprint()
        return self

    def open_for_writing(self, rebuild: bool = False) -> "PassageStore":
        """Open or create the store; `rebuild` drops everything first."""
        if rebuild:
            self.drop()
        self._passages = self._client.get_or_create_collection(
            self.name,
            configuration={"hnsw": HNSW_CONFIGURATION},
            metadata={"embedding_model": self.fingerprint, "revision": uuid.uuid4().hex},
            embedding_function=None,
        )
        self._articles = self._client.get_or_create_collection(self.articles_collection_name, embedding_function=None)
        self._check_fingerprint()
        return self

    def drop(self) -> None:
        for name in (self.name, self.articles_collection_name):
            try:
                self._client.delete_collection(name)
            except Exception:  # absent already: nothing to drop
                pass

    def _check_fingerprint(self) -> None:
        built_with = (self._passages.metadata or {}).get("embedding_model")
        if built_with != self.fingerprint:
            raise EmbeddingMismatchError(
                f"The index was built with the embedding model {built_with!r} but {self.fingerprint!r} is "
                "configured; run `rag ingest --rebuild` to re-embed the articles."
            )

    @property
    def revision(self) -> str:
        """Changes whenever passages change; caches (BM25) key on it."""
        fresh = self._client.get_collection(self.name, embedding_function=None)
        return str((fresh.metadata or {}).get("revision", ""))

    def bump_revision(self) -> None:
        self._passages.modify(metadata={"embedding_model": self.fingerprint, "revision": uuid.uuid4().hex})

    # --- articles ----------------------------------------------------------
    def article_records(self) -> list[ArticleRecord]:
        got = self._articles.get(include=["documents", "metadatas"])
        records = [_article_from_chroma(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(records, key=lambda r: (r.published or "", r.article_id))

    def article_ids(self) -> list[str]:
        """Every article id, without reading the articles' text."""
        return sorted(self._articles.get(include=[])["ids"])

    def article(self, article_id: str) -> ArticleRecord | None:
        got = self._articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return _article_from_chroma(got["ids"][0], got["documents"][0], got["metadatas"][0])

    def put_article(self, record: ArticleRecord) -> None:
        self.put_articles([record])

    def put_articles(self, records: Sequence[ArticleRecord]) -> None:
        """Write article records, many per Chroma call: each write costs tens of ms whatever its size."""
        for begin in range(0, len(records), WRITE_BATCH):
            batch = records[begin : begin + WRITE_BATCH]
            documents, metadatas = [], []
            for record in batch:
                meta = asdict(record)
                documents.append(meta.pop("text"))
                meta.pop("article_id")
                meta["segments"] = json.dumps(meta["segments"])
                metadatas.append({k: v for k, v in meta.items() if v is not None})
            self._articles.upsert(
                ids=[record.article_id for record in batch],
                embeddings=[_PLACEHOLDER_VECTOR] * len(batch),
                documents=documents,
                metadatas=metadatas,
            )

    def delete_articles(self, article_ids: Sequence[str]) -> None:
        """Remove many articles and their passages in a few Chroma writes (delete_article costs two writes each)."""
        ids = list(article_ids)
        for begin in range(0, len(ids), WRITE_BATCH):
            batch = ids[begin : begin + WRITE_BATCH]
            self._passages.delete(where={"article_id": {"$in": batch}})
            self._articles.delete(ids=batch)

    def delete_article(self, article_id: str) -> int:
        """Remove an article and all its passages; returns the passages removed."""
        removed = self.delete_passages(article_id)
        self._articles.delete(ids=[article_id])
        return removed

    # --- passages ----------------------------------------------------------
    def passage_ids(self, article_id: str, content_hash: str | None = None) -> set[str]:
        where: dict[str, Any] = {"article_id": article_id}
        if content_hash is not None:
            where = {"$and": [{"article_id": article_id}, {"content_hash": content_hash}]}
        return set(self._passages.get(where=where, include=[])["ids"])

    def passage_ids_where(self, where: dict[str, Any] | None) -> set[str]:
        return set(self._passages.get(where=where or None, include=[])["ids"])

    def upsert_passages(self, passages: Sequence[PassageRecord], embeddings: Sequence[Sequence[float]]) -> None:
        for begin in range(0, len(passages), WRITE_BATCH):
            batch = passages[begin : begin + WRITE_BATCH]
            self._passages.upsert(
                ids=[p.passage_id for p in batch],
                embeddings=[list(e) for e in embeddings[begin : begin + WRITE_BATCH]],
                documents=[p.text for p in batch],
                metadatas=[p.metadata() for p in batch],
            )

    def delete_passages(self, article_id: str, except_hash: str | None = None) -> int:
        """Delete an article's passages, optionally keeping those of one content version."""
        ids = self.passage_ids(article_id)
        if except_hash is not None:
            ids -= self.passage_ids(article_id, except_hash)
        if ids:
            self._passages.delete(ids=sorted(ids))
        return len(ids)

    def passage_vectors(self, passage_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored embeddings of these passages, by id (lets a passage be re-keyed without re-embedding)."""
        vectors: dict[str, list[float]] = {}
        ids = list(passage_ids)
        for begin in range(0, len(ids), WRITE_BATCH):
            got = self._passages.get(ids=ids[begin : begin + WRITE_BATCH], include=["embeddings"])
            vectors.update({pid: [float(x) for x in vector] for pid, vector in zip(got["ids"], got["embeddings"])})
        return vectors

    def count(self) -> int:
        return int(self._passages.count())

    def iter_passages(self, page_size: int = 5000) -> Iterator[PassageRecord]:
        """Every passage, paged so 100k passages don't load as one response."""
        offset = 0
        while True:
            got = self._passages.get(include=["documents", "metadatas"], limit=page_size, offset=offset)
            if not got["ids"]:
                return
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                yield PassageRecord.from_chroma(pid, text, meta)
            offset += len(got["ids"])

    def passages_by_id(self, passage_ids: Sequence[str]) -> dict[str, PassageRecord]:
        if not passage_ids:
            return {}
        got = self._passages.get(ids=list(passage_ids), include=["documents", "metadatas"])
        return {
            pid: PassageRecord.from_chroma(pid, text, meta)
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
        }

    def query(self, embedding: Sequence[float], n_results: int, where: dict[str, Any] | None = None) -> list[DenseHit]:
        # Chroma returns fewer hits when the collection is smaller; a count() here cost 15 ms at 100k
        got = self._passages.query(
            query_embeddings=[list(embedding)],
            n_results=n_results,
            where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        return [
            DenseHit(PassageRecord.from_chroma(pid, text, meta), 1.0 - float(distance))
            for pid, text, meta, distance in zip(
                got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0]
            )
        ]


def _article_from_chroma(article_id: str, text: str, meta: dict[str, Any]) -> ArticleRecord:
    return ArticleRecord(
        article_id=article_id,
        title=str(meta.get("title", article_id)),
        source=str(meta.get("source", "")),
        published=meta.get("published"),
        url=meta.get("url"),
        content_hash=str(meta.get("content_hash", "")),
        chunk_count=int(meta.get("chunk_count", 0)),
        path=str(meta.get("path", "")),
        text=text,
        raw_text=str(meta.get("raw_text", "")),
        segments=tuple(tuple(s) for s in json.loads(meta.get("segments") or "[]")),
    )
