"""The Chroma store, against an embedded PersistentClient and against a real `chroma run` server."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from index.errors import EmbeddingMismatchError, IndexEmptyError, StoreUnavailableError
from index.hnsw import HNSW_CONFIGURATION
from index.store import WRITE_BATCH, ArticleRecord, PassageRecord, PassageStore, open_client
from rag.services import build_store
from tests.index.conftest import Backend, free_port

FINGERPRINT = "all-MiniLM-L6-v2:onnx-int8:test:384"
TEXTS = {
    "a": [
        "The city council approved a new budget for the hospital on Tuesday.",
        "Nurses said the money would pay for forty new beds.",
    ],
    "b": [
        "Heavy rain flooded several streets near the river overnight.",
        "Firefighters pumped water out of basements until dawn.",
        "The weather service expects more storms this week.",
    ],
}
SOURCES = {"a": "City Gazette", "b": "River Times"}
PUBLISHED = {"a": "2025-07-03", "b": "2025-05-20"}


def passages_of(article_id: str, content_hash: str = "h1") -> list[PassageRecord]:
    records, offset = [], 0
    for index, text in enumerate(TEXTS[article_id]):
        records.append(
            PassageRecord(
                passage_id=f"{article_id}::{content_hash}::{index:04d}",
                article_id=article_id,
                text=text,
                start=offset,
                end=offset + len(text),
                chunk_index=index,
                title=f"Article {article_id}",
                source=SOURCES[article_id],
                published=PUBLISHED[article_id],
                url=None if article_id == "a" else "https://example.org/b",
                content_hash=content_hash,
                sentence_spans=((0, len(text)),),
                sentence_vectors="",
            )
        )
        offset += len(text) + 1
    return records


def record_of(article_id: str, content_hash: str = "h1") -> ArticleRecord:
    text = "\n".join(TEXTS[article_id])
    return ArticleRecord(
        article_id=article_id,
        title=f"Article {article_id}",
        source=SOURCES[article_id],
        published=PUBLISHED[article_id],
        url=None,
        content_hash=content_hash,
        chunk_count=len(TEXTS[article_id]),
        path=f"/corpus/{article_id}.txt",
        text=text,
        raw_text="HEADER\n" + text,
        segments=((0, 7, len(TEXTS[article_id][0])),),
    )


def write(store: PassageStore, encoder: object, article_id: str, content_hash: str = "h1") -> list[PassageRecord]:
    passages = passages_of(article_id, content_hash)
    store.upsert_passages(passages, encoder.embed_array([p.text for p in passages]).tolist())  # type: ignore[attr-defined]
    store.delete_passages(article_id, except_hash=content_hash)
    store.put_article(record_of(article_id, content_hash))
    return passages


def open_store(backend: Backend, tmp_path: Path, fingerprint: str = FINGERPRINT, **overrides: object) -> PassageStore:
    settings = backend.settings(tmp_path / "data", **overrides)

    # build_store needs only the encoder's fingerprint; the vectors come from the real encoder fixture
    return build_store(settings, SimpleNamespace(fingerprint=fingerprint))  # type: ignore[arg-type]


def test_a_missing_store_asks_for_an_ingest(backend: Backend, tmp_path: Path) -> None:
    store = open_store(backend, tmp_path)
    assert not store.exists()
    with pytest.raises(IndexEmptyError, match=r"run `rag ingest` first"):
        store.open_for_reading()


def test_passages_and_articles_round_trip(backend: Backend, tmp_path: Path, encoder: object) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    written = write(store, encoder, "a") + write(store, encoder, "b")
    assert store.count() == 5
    assert store.passage_ids("a") == {"a::h1::0000", "a::h1::0001"}
    assert store.passage_ids("b", "h1") == {p.passage_id for p in written if p.article_id == "b"}
    assert store.passage_ids("b", "other") == set()

    got = store.passages_by_id([p.passage_id for p in written])
    assert got == {p.passage_id: p for p in written}  # every field survives Chroma, sentence spans included
    assert sorted(store.iter_passages(page_size=2), key=lambda p: p.passage_id) == sorted(
        written, key=lambda p: p.passage_id
    )

    assert store.article("a") == record_of("a")
    assert store.article("missing") is None
    records = store.article_records()
    assert [r.article_id for r in records] == ["b", "a"]  # oldest first
    assert records[1].raw_text.startswith("HEADER") and records[1].segments == record_of("a").segments
    assert store.article("a").summary() == {  # type: ignore[union-attr]
        "article_id": "a",
        "title": "Article a",
        "source": "City Gazette",
        "published": "2025-07-03",
        "url": None,
        "chunks": 2,
        "path": "/corpus/a.txt",
    }

    # a second handle (a new process, in effect) sees the same store
    reader = open_store(backend, tmp_path, collection=store.name).open_for_reading()
    assert reader.count() == 5 and len(reader.article_records()) == 2


def test_many_article_records_go_in_one_write(backend: Backend, tmp_path: Path) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    records = [record_of("a"), record_of("b"), replace(record_of("a"), article_id="c", published=None, url="https://x.org/c")]
    store.put_articles(records)
    assert store.article_records() == sorted(records, key=lambda r: (r.published or "", r.article_id))
    store.put_articles([replace(records[0], title="Corrected")])  # upserts: a record is replaced, not duplicated
    assert store.article("a").title == "Corrected" and len(store.article_records()) == 3  # type: ignore[union-attr]


def test_the_library_is_read_a_page_or_a_few_records_at_a_time(backend: Backend, tmp_path: Path, encoder: object) -> None:
    from index.store import ArticleListing

    store = open_store(backend, tmp_path).open_for_writing()
    with store.writing():
        write(store, encoder, "a")
        write(store, encoder, "b")
    assert store.article_count() == 2
    assert store.existing_article_ids(["a", "missing", "a"]) == {"a"}
    assert store.articles(["b", "missing", "a"]) == {"a": record_of("a"), "b": record_of("b")}
    first = store.article_page(limit=1)
    assert first.articles == [ArticleListing("a", "Article a", "City Gazette", "2025-07-03", None, 2, "/corpus/a.txt")]
    assert (first.matching, first.total, first.has_previous, first.has_next) == (2, 2, False, True)
    second = store.article_page(offset=1, limit=1)
    assert [a.article_id for a in second.articles] == ["b"] and second.has_previous and not second.has_next
    assert [a.article_id for a in store.article_page(contains="river TIMES").articles] == ["b"]
    assert store.article_page(contains="river", id_prefix="upload/").matching == 0


def test_outdated_articles_are_found_without_listing_every_article(backend: Backend, tmp_path: Path) -> None:
    from index.outdated import find_outdated

    store = open_store(backend, tmp_path).open_for_writing()
    versions = {"old": 2, "unrecorded": None, "current": 3, "newer": 4}
    store.put_articles([replace(record_of("a"), article_id=a, pipeline_version=v) for a, v in versions.items()])
    found = find_outdated(store, 3)
    assert (found.total, found.older, found.newer) == (4, {"old", "unrecorded"}, {"newer"})
    store.delete_articles(["old", "unrecorded", "newer"])
    assert not find_outdated(store, 3) and find_outdated(store, 3).total == 1


def test_the_collection_records_the_fingerprint_and_hnsw_settings(backend: Backend, tmp_path: Path) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    settings = backend.settings(tmp_path / "data")
    client = open_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
    collection = client.get_collection(store.name)
    assert collection.metadata["embedding_model"] == FINGERPRINT
    hnsw = collection.configuration["hnsw"]
    assert {k: hnsw[k] for k in HNSW_CONFIGURATION} == HNSW_CONFIGURATION


def test_a_write_session_writes_the_search_breadth_for_processes_opened_afterwards(
    backend: Backend, tmp_path: Path, encoder: object
) -> None:
    name = f"breadth-{tmp_path.name[-20:]}"  # three handles on one collection (a server is shared by tests)
    store = open_store(backend, tmp_path, collection=name).open_for_writing()
    with store.writing():
        write(store, encoder, "a")
    assert store.search_breadth() == HNSW_CONFIGURATION["ef_search"]  # a small library: the floor

    wider = open_store(backend, tmp_path, collection=name, hnsw_ef_search=250).open_for_writing()
    with wider.writing():
        write(wider, encoder, "b")
    assert wider.search_breadth() == 250
    reader = open_store(backend, tmp_path, collection=name).open_for_reading()
    assert reader.search_breadth() == 250
    query = encoder.embed_query("Which streets were flooded by the rain?")  # type: ignore[attr-defined]
    assert reader.query(query, n_results=3)[0].passage.passage_id == "b::h1::0000"

    # Unset again: the next write session puts back the breadth the passage count needs.
    with store.writing():
        write(store, encoder, "a", content_hash="h2")
    assert store.search_breadth() == HNSW_CONFIGURATION["ef_search"]


def test_dense_query_ranks_by_cosine_similarity_and_filters(backend: Backend, tmp_path: Path, encoder: object) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    write(store, encoder, "a")
    write(store, encoder, "b")
    query = encoder.embed_query("Which streets were flooded by the rain?")  # type: ignore[attr-defined]
    hits = store.query(query, n_results=10)
    assert len(hits) == 5  # capped at what the store holds
    assert hits[0].passage.passage_id == "b::h1::0000"
    similarities = [h.similarity for h in hits]
    assert similarities == sorted(similarities, reverse=True)
    exact = float(np.dot(query, encoder.embed_array([hits[0].passage.text])[0]))  # type: ignore[attr-defined]
    assert hits[0].similarity == pytest.approx(exact, abs=1e-4)

    only_a = store.query(query, n_results=10, where={"source": "City Gazette"})
    assert {h.passage.article_id for h in only_a} == {"a"}
    since = store.query(query, n_results=10, where={"published_ordinal": {"$gte": 739400}})  # 2025-06-06
    assert {h.passage.article_id for h in since} == {"a"}


def test_a_new_version_replaces_the_old_passages(backend: Backend, tmp_path: Path, encoder: object) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    write(store, encoder, "a", "h1")
    write(store, encoder, "b", "h1")
    write(store, encoder, "b", "h2")
    assert store.passage_ids("b") == {"b::h2::0000", "b::h2::0001", "b::h2::0002"}
    assert store.article("b").content_hash == "h2"  # type: ignore[union-attr]
    assert store.count() == 5

    assert store.delete_article("b") == 3
    assert store.article("b") is None and store.passage_ids("b") == set()
    assert store.count() == 2
    assert store.delete_article("b") == 0  # deleting twice is harmless


def test_ids_vectors_and_batched_deletes_for_re_keying(backend: Backend, tmp_path: Path, encoder: object) -> None:
    """What re-keying an article needs: its id without its text, its stored vectors, many deletes in few writes."""
    store = open_store(backend, tmp_path).open_for_writing()
    written = write(store, encoder, "a") + write(store, encoder, "b")
    assert store.article_ids() == ["a", "b"]
    vectors = store.passage_vectors([p.passage_id for p in written] + ["no-such-passage"])
    assert set(vectors) == {p.passage_id for p in written}
    expected = encoder.embed_array([p.text for p in written])  # type: ignore[attr-defined]
    for passage, vector in zip(written, expected):
        assert vectors[passage.passage_id] == pytest.approx(vector.tolist(), abs=1e-6)
    store.delete_articles(["a", "b"])
    assert store.article_ids() == [] and store.count() == 0


def test_the_revision_changes_when_bumped_and_only_then(backend: Backend, tmp_path: Path) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    first = store.revision
    assert first and store.revision == first
    store.bump_revision()
    assert store.revision != first
    assert open_store(backend, tmp_path, collection=store.name).open_for_reading().revision == store.revision


def test_another_embedding_model_is_refused_until_rebuild(backend: Backend, tmp_path: Path, encoder: object) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    write(store, encoder, "a")
    other = open_store(backend, tmp_path, fingerprint="openai:text-embedding-3-small", collection=store.name)
    for opening in (other.open_for_reading, other.open_for_writing):
        with pytest.raises(EmbeddingMismatchError) as info:
            opening()
        message = info.value.message
        assert FINGERPRINT in message and "openai:text-embedding-3-small" in message
        assert "run `rag ingest --rebuild`" in message
    # the refusal changed nothing
    assert open_store(backend, tmp_path, collection=store.name).open_for_reading().count() == 2

    rebuilt = other.open_for_writing(rebuild=True)
    assert rebuilt.count() == 0 and rebuilt.article_records() == []
    assert open_store(backend, tmp_path, fingerprint="openai:text-embedding-3-small", collection=store.name).open_for_reading()
    with pytest.raises(EmbeddingMismatchError):
        open_store(backend, tmp_path, collection=store.name).open_for_reading()


def test_a_fingerprint_rewritten_in_chroma_is_detected(backend: Backend, tmp_path: Path) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    settings = backend.settings(tmp_path / "data")
    client = open_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
    client.get_collection(store.name).modify(metadata={"embedding_model": "some-other-model:768", "revision": "x"})
    with pytest.raises(EmbeddingMismatchError, match="some-other-model:768"):
        open_store(backend, tmp_path, collection=store.name).open_for_writing()


def test_writes_larger_than_one_chroma_batch_are_split(backend: Backend, tmp_path: Path) -> None:
    store = open_store(backend, tmp_path).open_for_writing()
    total = WRITE_BATCH + 500
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(total, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    passages = [
        PassageRecord(f"big::h::{i:04d}", "big", f"passage {i}", i, i + 1, i, "Big", "Src", None, None, "h")
        for i in range(total)
    ]
    store.upsert_passages(passages, vectors.tolist())
    assert store.count() == total
    assert len(store.passage_ids("big")) == total
    assert sum(1 for _ in store.iter_passages(page_size=400)) == total
    # each passage kept its own vector, in both write batches
    for i in (3, WRITE_BATCH - 1, WRITE_BATCH, total - 1):
        hit = store.query(vectors[i].tolist(), 1)[0]
        assert hit.passage.passage_id == f"big::h::{i:04d}" and hit.similarity == pytest.approx(1.0, abs=1e-3)


def test_an_unreachable_server_is_one_clear_sentence(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError) as info:
        open_client(tmp_path, "127.0.0.1", port)
    assert time.monotonic() - started < 30
    message = info.value.message
    assert message == (
        f"Cannot reach the Chroma server at 127.0.0.1:{port}; start it with "
        f"`chroma run --host 127.0.0.1 --port {port}` or unset RAG_CHROMA_HOST."
    )


def test_an_unwritable_data_dir_is_one_clear_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailableError, match=r"set RAG_DATA_DIR to a writable folder"):
        open_client(blocker)


def test_whole_library_reads_go_a_page_at_a_time(backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Chroma reads a page's metadata with one SQL variable per record: a 154k-article library (1M passages)
    # failed in one request with "too many SQL variables". Pages of 2 over 5 records read every record once.
    import index.store

    store = open_store(backend, tmp_path).open_for_writing()
    records = [replace(record_of("a"), article_id=name, url=f"https://x.org/{name}") for name in "abcde"]
    store.put_articles(records)
    monkeypatch.setattr(index.store, "READ_PAGE", 2)
    monkeypatch.setattr(index.store._pages, "__defaults__", (2,))
    requests: list[int | None] = []
    original = store._articles.get

    def counting_get(*args: object, **kwargs: object) -> object:
        requests.append(kwargs.get("limit"))  # type: ignore[arg-type]
        return original(*args, **kwargs)

    monkeypatch.setattr(store._articles, "get", counting_get)
    assert sorted(store.article_versions()) == list("abcde")
    assert [r.article_id for r in store.article_records()] == list("abcde")
    assert requests and set(requests) == {2}
