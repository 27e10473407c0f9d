"""The ingest pipeline: incremental, idempotent, pruning, skipping bad files, surviving SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pytest

from index.embedder import MiniLMOnnxEncoder
from index.identity import article_id
from index.pipeline import EMBED_GROUP_CHUNKS, ChunkSettings, ingest, prepare_article
from index.metadata import read_manifest
from index.sentences import split_sentences
from index.store import PassageStore, open_client
from index.vector_codec import unpack
from rag.services import build_store
from tests.conftest import make_settings
from tests.index.conftest import SMALL_CHUNKS, Backend, assert_consistent
from tests.support import warm_process

CHUNKS = ChunkSettings(*SMALL_CHUNKS)
RAG = Path(sys.executable).with_name("rag")


class CountingEncoder(MiniLMOnnxEncoder):
    """The real encoder, counting the texts it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Any]) -> Any:
        self.embedded += len(texts)
        return super().embed_with_spans(texts, spans)

    def embed_array(self, texts: Sequence[str]) -> Any:
        self.embedded += len(texts)
        return super().embed_array(texts)


class PlainEncoder:
    """An encoder with only the `TextEncoder` protocol (like the OpenAI one): no sentence spans."""

    def __init__(self, inner: MiniLMOnnxEncoder) -> None:
        self.inner = inner

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def counting() -> CountingEncoder:
    return CountingEncoder()


def open_store(backend: Backend, tmp_path: Path, encoder: Any) -> PassageStore:
    return build_store(backend.settings(tmp_path / "data"), encoder).open_for_writing()


def expected_chunks(folder: Path, chunks: ChunkSettings = CHUNKS) -> dict[str, int]:
    """Chunks per article id of the folder's .txt files."""
    manifest = read_manifest(folder)
    return {
        article_id(path): len(prepare_article(path, article_id(path), manifest, chunks, 10_000_000)[1])
        for path in sorted(folder.glob("*.txt"))
    }


def ids(folder: Path, *names: str) -> set[str]:
    return {article_id(folder / name) for name in names}


# --- incremental and idempotent -------------------------------------------------------------


def test_a_second_ingest_embeds_and_writes_nothing(
    backend: Backend, tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    store = open_store(backend, tmp_path, counting)
    expected = expected_chunks(small_corpus)
    before = counting.embedded
    first = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert sorted(first.added) == sorted(expected) and not first.updated and not first.unchanged
    assert first.chunks == sum(expected.values()) == counting.embedded - before
    assert assert_consistent(store) == expected
    revision = store.revision

    before = counting.embedded
    second = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert second.as_json() | {"seconds": 0} == {
        "added": 0, "updated": 0, "unchanged": 4, "removed": 0, "migrated": 0, "skipped": [], "updates": [], "chunks": 0,
        "seconds": 0, "repair": None,  # no store check was asked for
    }
    assert counting.embedded == before, "an unchanged article was embedded again"
    assert store.revision == revision, "a run that changed nothing invalidated the caches"
    assert assert_consistent(store) == expected


def test_a_changed_article_replaces_all_its_chunks(
    backend: Backend, tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    store = open_store(backend, tmp_path, counting)
    ingest([small_corpus], store, counting, chunks=CHUNKS)
    before = assert_consistent(store)
    old_ids = {aid: store.passage_ids(aid) for aid in before}
    revision = store.revision

    changed = small_corpus / "000001.txt"
    changed_id = article_id(changed)
    lines = changed.read_text(encoding="utf-8").splitlines()
    # a shorter article with a new paragraph: the new version has fewer chunks than the old one
    lines = lines[:3] + ["The ministry published a correction on Friday, saying an earlier figure was wrong."]
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert report.updated == [changed_id] and not report.added and len(report.unchanged) == 3
    after = assert_consistent(store)
    assert after[changed_id] == expected_chunks(small_corpus)[changed_id] == report.chunks
    assert after[changed_id] < before[changed_id]
    assert not store.passage_ids(changed_id) & old_ids[changed_id], "passages of the old version were left"
    record = store.article(changed_id)
    assert record is not None and "published a correction" in record.text
    assert any("published a correction" in p.text for p in store.iter_passages() if p.article_id == changed_id)
    for other in set(before) - {changed_id}:
        assert store.passage_ids(other) == old_ids[other]
    assert store.revision != revision


def test_a_deleted_article_is_removed_only_with_prune(
    backend: Backend, tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    store = open_store(backend, tmp_path, counting)
    ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True)
    (small_corpus / "000002.txt").unlink()
    gone = article_id(small_corpus / "000002.txt")

    kept = ingest([small_corpus], store, counting, chunks=CHUNKS, prune=False)
    assert kept.removed == [] and kept.chunks == 0
    assert store.article(gone) is not None and store.passage_ids(gone)

    pruned = ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True)
    assert pruned.removed == [gone] and pruned.chunks == 0
    assert store.article(gone) is None and store.passage_ids(gone) == set()
    assert set(assert_consistent(store)) == ids(small_corpus, "000000.txt", "000001.txt", "000003.txt")


def test_ingesting_a_file_outside_the_folder_does_not_prune_the_folder(
    backend: Backend, tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    store = open_store(backend, tmp_path, counting)
    ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True)
    outside = tmp_path / "elsewhere" / "note.md"
    outside.parent.mkdir()
    outside.write_text("# Harbour reopens\n\nThe harbour reopened on Monday after storm repairs were finished.\n")
    for prune in (False, True):
        report = ingest([outside], store, counting, chunks=CHUNKS, prune=prune)
        assert report.removed == []
    assert set(assert_consistent(store)) == set(expected_chunks(small_corpus)) | {article_id(outside)}
    # and the folder's own prune leaves the outside article alone
    assert ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True).removed == []
    assert store.article(article_id(outside)) is not None


# --- identity: one file, one article --------------------------------------------------------------


def test_a_file_reached_through_its_folder_or_on_its_own_is_one_article(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    nested = small_corpus / "2025" / "june"
    nested.mkdir(parents=True)
    (nested / "harbour.md").write_text("# Harbour reopens\n\nThe harbour reopened on Monday after storm repairs.\n")
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    first = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert article_id(nested / "harbour.md") in first.added and article_id(nested / "harbour.md").startswith("harbour.md~")
    alone = ingest([nested / "harbour.md"], store, counting, chunks=CHUNKS)
    assert (alone.added, alone.unchanged, alone.chunks) == ([], [article_id(nested / "harbour.md")], 0)
    assert len(store.article_records()) == 5


def test_a_moved_articles_folder_keeps_its_ids_and_embeds_nothing(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    from index.identity import Namespace

    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    before = ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True,
                    namespaces=[Namespace("articles", small_corpus)])
    moved = small_corpus.rename(tmp_path / "moved")
    after = ingest([moved], store, counting, chunks=CHUNKS, prune=True, namespaces=[Namespace("articles", moved)])
    assert sorted(after.unchanged) == sorted(before.added) and (after.added, after.removed, after.chunks) == ([], [], 0)
    # the records say where the files are now (evaluation maps them by path)
    assert all(Path(r.path).parent == moved.resolve() for r in store.article_records())
    assert len(store.article_records()) == 4


def test_a_file_stored_under_an_id_of_another_namespace_is_replaced_not_duplicated(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    """E.g. RAG_ARTICLES_DIR pointed at the folder, then no longer and the folder is ingested by path."""
    from index.identity import Namespace

    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    managed = ingest([small_corpus], store, counting, chunks=CHUNKS, namespaces=[Namespace("articles", small_corpus)])
    by_path = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert sorted(by_path.added) == sorted(expected_chunks(small_corpus))
    assert sorted(by_path.removed) == sorted(managed.added)
    assert assert_consistent(store) == expected_chunks(small_corpus)


def test_adding_one_file_reads_the_records_of_its_own_path_not_every_record(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upload into a large library must not read every article record (their texts: seconds and a GB at 100k
    passages); finding an earlier id of the same file needs only the records stored from that path."""
    from index.identity import Namespace

    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    managed = ingest([small_corpus], store, counting, chunks=CHUNKS, namespaces=[Namespace("articles", small_corpus)])
    outside = tmp_path / "elsewhere" / "ferry.md"
    outside.parent.mkdir()
    outside.write_text("# Ferry timetable changes\n\nThe island ferry will leave an hour earlier from the first of May.\n")

    def every_record() -> list[Any]:
        raise AssertionError("read every article record to add one file")

    monkeypatch.setattr(store, "article_records", every_record)
    added = ingest([outside], store, counting, chunks=CHUNKS)
    assert (added.added, added.removed) == ([article_id(outside)], [])
    # the same check still finds a file stored under another id: the folder's files, now by path
    one = sorted(small_corpus.glob("*.txt"))[0]
    again = ingest([one], store, counting, chunks=CHUNKS)
    assert (again.added, again.removed) == ([article_id(one)], [article_id(one, [Namespace("articles", small_corpus)])])
    monkeypatch.undo()
    assert len(store.article_records()) == len(managed.added) + 1


def test_hidden_folders_and_files_are_not_read(tmp_path: Path, small_corpus: Path, counting: CountingEncoder) -> None:
    expected = sorted(expected_chunks(small_corpus))
    (small_corpus / ".git").mkdir()
    (small_corpus / ".git" / "description").write_text("Unnamed repository; edit this file to name it.\n")
    (small_corpus / ".git" / "notes.txt").write_text("A note kept by version control, not an article at all.\n")
    (small_corpus / ".draft.txt").write_text("A draft that is not ready to be published anywhere yet.\n")
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    report = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert report.skipped == [] and sorted(report.added) == expected


# --- bad files ---------------------------------------------------------------------------------


def test_bad_files_are_skipped_with_a_reason_and_the_rest_ingest(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    good = set(expected_chunks(small_corpus))
    (small_corpus / "empty.txt").write_text("")
    (small_corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (small_corpus / "huge.txt").write_text("Word after word fills this file. " * 400)  # ~13 kB
    (small_corpus / "slides.pptx").write_bytes(b"PK\x03\x04 not really")
    (small_corpus / "nested").mkdir()
    (small_corpus / "nested" / "blank.md").write_text("   \n\n")
    seen: list[Any] = []
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    report = ingest([small_corpus], store, counting, chunks=CHUNKS, max_bytes=10_000, on_skip=seen.append)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons == {
        "empty.txt": "is empty",
        "image.txt": "looks like a binary file, not text",
        "huge.txt": "is larger than the 0.01 MB limit",
        "slides.pptx": "unsupported file type .pptx; use .txt, .md, .html or .pdf",
        "blank.md": "is empty",
    }
    assert [s.path for s in seen] == [s.path for s in report.skipped]  # each reported as it happens
    assert set(report.added) == good
    assert set(assert_consistent(store)) == set(report.added)


# Web pages written for this test (invented places): what a page's text extraction gives when the page holds
# no article, and real articles as short as they come.
CLUTTER_PAGES = {
    "links.html": '<html><body><nav><a href="/">Home</a></nav></body></html>',
    "menu.html": (
        "<html><head><title>Fenwick Courier</title></head><body><header><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul></nav></header><footer>"
        "<p>&copy; 2024 Fenwick Courier. All rights reserved.</p></footer></body></html>"
    ),
    "paywall.html": "<html><body><main><p>Sign in to continue reading.</p><button>Subscribe</button></main></body></html>",
    "headline.html": "<html><body><article><h1>Tollbridge mayor resigns after audit</h1></article></body></html>",
}
SHORT_PAGES = {
    "ferry.html": (
        "<html><body><article><h1>Ferry delayed</h1><p>The Ostrava Bay ferry left two hours late.</p>"
        "</article></body></html>"
    ),
    "library.htm": "<html><body><article><p>北浜町の図書館が月曜日に再開した。</p></article></body></html>",
}


def test_a_web_page_without_a_sentence_is_skipped_with_its_reason(tmp_path: Path, counting: CountingEncoder) -> None:
    """A page of links used to be ingested as a one-passage article reading "Home"."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, html in {**CLUTTER_PAGES, **SHORT_PAGES}.items():
        (folder / name).write_text(html, encoding="utf-8")
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    report = ingest([folder], store, counting, chunks=CHUNKS)
    assert {Path(s.path).name: s.reason for s in report.skipped} == {
        "links.html": "has no sentence of article text (the page reads “Home”)",
        "menu.html": "has no sentence of article text (the page reads “© 2024 Fenwick Courier. All rights reserved.”)",
        "paywall.html": "has no sentence of article text (the page reads “Sign in to continue reading. Subscribe”)",
        "headline.html": "has no sentence of article text (the page reads “Tollbridge mayor resigns after audit”)",
    }
    assert sorted(report.added) == sorted(article_id(folder / name) for name in SHORT_PAGES)
    texts = {record.text for record in store.article_records()}
    assert texts == {"The Ostrava Bay ferry left two hours late.", "北浜町の図書館が月曜日に再開した。"}


def test_an_article_whose_file_turns_bad_is_pruned(tmp_path: Path, small_corpus: Path, counting: CountingEncoder) -> None:
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True)
    (small_corpus / "000003.txt").write_text("")
    report = ingest([small_corpus], store, counting, chunks=CHUNKS, prune=True)
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [("000003.txt", "is empty")]
    assert report.removed == [article_id(small_corpus / "000003.txt")]
    assert article_id(small_corpus / "000003.txt") not in assert_consistent(store)


def test_two_files_with_the_same_name_in_one_ingest_are_two_articles(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "000001.txt").write_text("Another story\nA different article that happens to have the same file name.\n")
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    report = ingest([small_corpus, other], store, counting, chunks=CHUNKS)
    assert len(report.added) == 5 and not report.skipped
    assert assert_consistent(store) == {**expected_chunks(small_corpus), **expected_chunks(other)}
    assert "different article" not in store.article(article_id(small_corpus / "000001.txt")).text  # type: ignore[union-attr]
    assert "different article" in store.article(article_id(other / "000001.txt")).text  # type: ignore[union-attr]


# --- what is stored -------------------------------------------------------------------------------


def test_passages_carry_their_sentence_spans_and_vectors(sample_data_dir: Path, encoder: MiniLMOnnxEncoder) -> None:
    store = PassageStore(open_client(sample_data_dir), "articles", encoder.fingerprint).open_for_reading()
    per_article = assert_consistent(store)
    assert len(per_article) == 5 and sum(per_article.values()) == store.count()
    passages = list(store.iter_passages())
    for passage in passages:
        assert list(passage.sentence_spans) == split_sentences(passage.text)
        vectors = unpack(passage.sentence_vectors)
        assert vectors.shape == (len(passage.sentence_spans), 384)
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=0.02)
    # the stored chunk vector is the text's embedding: querying with it finds the passage itself
    sample = passages[len(passages) // 2]
    hit = store.query(encoder.embed_query(sample.text), 1)[0]
    assert hit.passage.passage_id == sample.passage_id and hit.similarity > 0.999


def test_an_encoder_without_sentence_spans_ingests_through_llama_index(
    tmp_path: Path, small_corpus: Path, encoder: MiniLMOnnxEncoder
) -> None:
    plain = PlainEncoder(encoder)
    store = build_store(make_settings(tmp_path / "data"), plain).open_for_writing()
    report = ingest([small_corpus], store, plain, chunks=CHUNKS)
    assert len(report.added) == 4
    assert_consistent(store)
    passages = list(store.iter_passages())
    # without span pooling, each sentence is embedded on its own through the same llama-index batches
    for passage in passages:
        vectors = unpack(passage.sentence_vectors)
        assert vectors.shape == (len(passage.sentence_spans), 384)
        first = passage.text[slice(*passage.sentence_spans[0])]
        assert float(vectors[0] @ np.array(encoder.embed_query(first))) > 0.99
    hit = store.query(encoder.embed_query(passages[0].text), 1)[0]
    assert hit.passage.passage_id == passages[0].passage_id and hit.similarity > 0.999


def test_new_chunk_settings_re_embed_every_article(tmp_path: Path, small_corpus: Path, counting: CountingEncoder) -> None:
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    ingest([small_corpus], store, counting, chunks=CHUNKS)
    bigger = ChunkSettings(128, 20)
    report = ingest([small_corpus], store, counting, chunks=bigger)
    assert len(report.updated) == 4 and report.chunks == sum(expected_chunks(small_corpus, bigger).values())
    assert assert_consistent(store) == expected_chunks(small_corpus, bigger)


def test_progress_counts_chunks_up_to_the_total(tmp_path: Path, small_corpus: Path, counting: CountingEncoder) -> None:
    """The total is known before the first embedding (every file is read and chunked first); done counts up to it."""
    calls: list[tuple[int, int]] = []
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    report = ingest([small_corpus], store, counting, chunks=CHUNKS, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, report.chunks) and calls[-1] == (report.chunks, report.chunks) and report.chunks > 0
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert {t for _, t in calls} == {report.chunks}


class RecordingEncoder(MiniLMOnnxEncoder):
    """The real encoder; records which threads embed, and signals when the first embedding is done."""

    def __init__(self) -> None:
        import threading

        super().__init__()
        self.threads: set[str] = set()
        self.first_done = threading.Event()

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Any]) -> Any:
        import threading

        self.threads.add(threading.current_thread().name)
        try:
            return super().embed_with_spans(texts, spans)
        finally:
            self.first_done.set()


def test_passages_are_prepared_while_earlier_ones_embed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Preparing passages (sentence spans, NER) runs beside the embedder, not all before it; embedding runs
    beside the writes."""
    from bench.corpus import generate_corpus
    from index import pipeline

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 24, seed=3, paragraphs=(3, 5))
    last = sorted(p.name for p in corpus.glob("*.txt"))[-1]
    encoder = RecordingEncoder()
    real_passages = pipeline.article_passages
    overlapped: list[bool] = []
    preparers: set[str] = set()

    def passages_of_last_after_first_embedding(article: Any) -> Any:
        import threading

        preparers.add(threading.current_thread().name)
        if Path(article.record.path).name == last:  # prepared in order before embedding, this would wait in vain
            overlapped.append(encoder.first_done.wait(timeout=60))
        return real_passages(article)

    monkeypatch.setattr(pipeline, "article_passages", passages_of_last_after_first_embedding)
    monkeypatch.setattr(pipeline, "EMBED_GROUP_CHUNKS", 16)  # several groups from a small corpus
    store = build_store(make_settings(tmp_path / "data"), encoder).open_for_writing()
    report = ingest([corpus], store, encoder, chunks=CHUNKS)
    assert len(report.added) == 24
    assert overlapped == [True], "the last article was prepared only after the embedding had finished"
    assert preparers == {"ingest-prepare"} and encoder.threads == {"ingest-embed_0"}
    assert assert_consistent(store) == expected_chunks(corpus)


def test_unchanged_articles_are_not_run_through_the_entity_model(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NER is the costly part of preparing an article: only changed articles pay it."""
    from index import pipeline

    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    ingest([small_corpus], store, counting, chunks=CHUNKS)
    calls: list[int] = []
    real_entities = pipeline.entities_by_line

    def counted(texts: Sequence[str], *args: Any, **kwargs: Any) -> Any:
        calls.append(len(texts))
        return real_entities(texts, *args, **kwargs)

    monkeypatch.setattr(pipeline, "entities_by_line", counted)
    assert len(ingest([small_corpus], store, counting, chunks=CHUNKS).unchanged) == 4
    assert calls == []
    edited = small_corpus / "000001.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "Officials in Lisbon confirmed the figures on Tuesday.\n")
    report = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert report.updated == [article_id(edited)] and calls == [1]
    assert any(label == "GPE" for p in store.iter_passages() if p.article_id == article_id(edited) for _, _, label in p.entities)


def test_overlapped_and_one_after_another_ingests_store_the_same(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import pipeline

    monkeypatch.setattr(pipeline, "EMBED_GROUP_CHUNKS", 8)
    stores = {}
    for overlap in (True, False):
        store = build_store(make_settings(tmp_path / f"data-{overlap}"), counting).open_for_writing()
        report = ingest([small_corpus], store, counting, chunks=CHUNKS, overlap=overlap)
        assert len(report.added) == 4
        stores[overlap] = {p.passage_id: p for p in store.iter_passages()}
        assert assert_consistent(store) == expected_chunks(small_corpus)
    assert stores[True].keys() == stores[False].keys()
    for passage_id, passage in stores[True].items():
        assert passage.metadata() == stores[False][passage_id].metadata()


def test_an_error_while_preparing_ahead_stops_the_ingest(tmp_path: Path, small_corpus: Path, counting: CountingEncoder,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected error in the preparing thread reaches the caller; articles completed before it stay complete."""
    from index import pipeline

    import threading

    real_passages = pipeline.article_passages
    failed_in: list[str] = []

    def failing_passages(article: Any) -> Any:
        if Path(article.record.path).name == "000002.txt":
            failed_in.append(threading.current_thread().name)
            raise RuntimeError("disk on fire")
        return real_passages(article)

    monkeypatch.setattr(pipeline, "article_passages", failing_passages)
    monkeypatch.setattr(pipeline, "EMBED_GROUP_CHUNKS", 4)  # the articles before the failing one are written first
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert failed_in == ["ingest-prepare"]  # raised in the preparing thread, handed to the caller
    assert not [t for t in threading.enumerate() if t.name.startswith("ingest-")], "worker threads left running"
    assert 1 <= len(assert_consistent(store)) < 4
    monkeypatch.setattr(pipeline, "article_passages", real_passages)
    report = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert len(report.added) + len(report.unchanged) == 4
    assert assert_consistent(store) == expected_chunks(small_corpus)


def test_a_file_making_more_passages_than_max_chunks_is_skipped_before_embedding(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    expected = expected_chunks(small_corpus)
    limit = max(expected.values())
    long = small_corpus / "long.txt"
    long.write_text("Budget lines\n" + "\n".join(
        f"The committee approved budget line {n}, worth {n * 125} pounds, after a debate about the roads." for n in range(60)
    ), encoding="utf-8")
    record, passages = prepare_article(long, "long", {}, CHUNKS, 10_000_000)
    assert len(passages) > limit
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    read: list[str] = []
    stored: list[str] = []
    before = counting.embedded

    report = ingest([small_corpus], store, counting, chunks=CHUNKS, max_chunks=limit, on_read=lambda p: read.append(p.name),
                    on_stored=lambda records: stored.extend(r.article_id for r in records))

    (skipped,) = report.skipped
    assert Path(skipped.path).name == "long.txt" and skipped.chunks == len(passages)
    assert skipped.reason == f"makes {len(passages):,} passages, more than the {limit:,} allowed"
    assert counting.embedded - before == sum(expected.values()), "the refused file was embedded"
    assert assert_consistent(store) == expected and sorted(stored) == sorted(expected) == sorted(report.added)
    assert sorted(read) == sorted([*(Path(p).name for p in small_corpus.glob("*.txt"))])  # every file, refused too


def test_smaller_groups_commit_each_group_whole_as_it_goes(tmp_path: Path, small_corpus: Path, counting: CountingEncoder) -> None:
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    seen: list[tuple[list[str], set[str]]] = []

    def check(records: list[Any]) -> None:  # right after each commit: those articles are whole in the store
        seen.append(([r.article_id for r in records], set(assert_consistent(store))))

    report = ingest([small_corpus], store, counting, chunks=CHUNKS, group_chunks=1, on_stored=check)
    assert len(seen) == len(report.added) == 4  # one article a group
    committed: set[str] = set()
    for group, whole in seen:
        committed |= set(group)
        assert whole == committed


# --- interrupted runs --------------------------------------------------------------------------------


def test_a_run_interrupted_between_passages_and_record_is_completed(
    tmp_path: Path, small_corpus: Path, counting: CountingEncoder
) -> None:
    """The states a kill can leave: passages of a new article without its record, and an updated
    article whose new passages are in while its record still describes the old version."""
    store = build_store(make_settings(tmp_path / "data"), counting).open_for_writing()
    ingest([small_corpus], store, counting, chunks=CHUNKS)
    manifest = read_manifest(small_corpus)

    def write_passages_only(path: Path) -> None:
        _, passages = prepare_article(path, article_id(path), manifest, CHUNKS, 10_000_000)
        vectors = counting.embed_array([p.text for p in passages])
        store.upsert_passages(passages, vectors.tolist())

    fresh = small_corpus / "000009.txt"
    fresh.write_text("Ferry strike ends\nThe ferry crews voted to end their strike on Sunday. " * 3)
    write_passages_only(fresh)
    edited = small_corpus / "000000.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "A late paragraph was added to the story on Monday.\n")
    write_passages_only(edited)
    with pytest.raises(AssertionError):
        assert_consistent(store)  # the damage is real

    report = ingest([small_corpus], store, counting, chunks=CHUNKS)
    assert report.added == [article_id(fresh)] and report.updated == [article_id(edited)]
    assert assert_consistent(store) == expected_chunks(small_corpus)


def _rows(chroma_dir: Path, collection: str) -> int:
    """Records upserted into a collection so far (deletes, operation 3, left out), read from Chroma's sqlite log; 0 while locked."""
    try:
        with sqlite3.connect(f"file:{chroma_dir / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=0.2) as db:
            row = db.execute(
                "SELECT count(*) FROM embeddings_queue q JOIN collections c "
                "ON q.topic = 'persistent://default/default/' || c.id WHERE c.name = ? AND q.operation != 3",
                (collection,),
            ).fetchone()
        return int(row[0])
    except sqlite3.Error:
        return 0


def test_sigkill_half_way_then_ingest_again_leaves_a_complete_store(tmp_path: Path) -> None:
    """A real `rag ingest` killed with SIGKILL mid-run; the next run must finish the job exactly."""
    from bench.corpus import generate_corpus
    from rag.library import ingest_paths

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 40, seed=5, paragraphs=(2, 4))
    # the smallest chunks Settings allow: more chunks per second, so several embedding groups in little time
    size, overlap = 32, 5
    env_settings = {"RAG_CHUNK_SIZE": str(size), "RAG_CHUNK_OVERLAP": str(overlap), "RAG_EMBED_BATCH_SIZE": "8"}

    # a clean ingest, for the totals to compare with
    clean = ingest_paths(
        make_settings(tmp_path / "clean", chunk_size=size, chunk_overlap=overlap),
        [corpus],
    )
    total = clean.chunks
    assert len(clean.added) == 40 and total > EMBED_GROUP_CHUNKS, "the corpus must span several embedding groups"

    data = tmp_path / "data"
    env = {**os.environ, **env_settings, "RAG_DATA_DIR": str(data)}
    victim = subprocess.Popen([str(RAG), "ingest", str(corpus), "--json"], env=env, cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    # wait until some articles are complete (their records are written last), then kill at once
    while victim.poll() is None and time.monotonic() < deadline and _rows(data / "chroma", "articles-articles") == 0:
        time.sleep(0.02)
    assert victim.poll() is None, f"the ingest ended before it could be killed: {victim.communicate()}"
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    records, passages = _rows(data / "chroma", "articles-articles"), _rows(data / "chroma", "articles")
    assert 0 < records < 40 and 0 < passages < total, (records, passages, total)

    done = warm_process.run_rag(["ingest", str(corpus), "--json"], env=env, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["added"] + report["updated"] + report["unchanged"] == 40
    assert report["chunks"] < total  # what the killed run completed was not embedded again

    store = PassageStore(open_client(data), "articles", MiniLMOnnxEncoder().fingerprint).open_for_reading()
    per_article = assert_consistent(store)
    clean_store = PassageStore(open_client(tmp_path / "clean"), "articles", MiniLMOnnxEncoder().fingerprint).open_for_reading()
    assert per_article == assert_consistent(clean_store)  # every article exactly once, same chunks
    assert store.count() == clean_store.count() == total
    assert len(store.article_records()) == 40


def _ledger(lines: int) -> str:
    """A plain article of `lines` sentences about a made-up parish budget (written for these tests)."""
    return "\n".join(
        f"Line {n} of the Oakhurst parish ledger lists {n * 17} pounds for the {['hall', 'lanes', 'pond'][n % 3]} repairs."
        for n in range(1, lines + 1)
    ) + "\n"


def test_a_file_far_over_the_passage_limit_is_refused_from_its_text_before_cleaning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Far over the limit: refused with an estimate, before the cleaner runs. Near it: cleaned and counted exactly."""
    import index.pipeline as pipeline
    from index.pipeline import EARLY_REFUSAL_FACTOR, TooManyChunks, estimated_chunks, read_article

    chunks = ChunkSettings()
    far, near = tmp_path / "far.txt", tmp_path / "near.txt"
    far.write_text(_ledger(600), encoding="utf-8")
    near.write_text(_ledger(120), encoding="utf-8")
    limit = 4
    assert estimated_chunks(far.read_text(), chunks) > EARLY_REFUSAL_FACTOR * limit
    assert limit < estimated_chunks(near.read_text(), chunks) <= EARLY_REFUSAL_FACTOR * limit

    cleaned: list[int] = []
    real_clean = pipeline.clean_article
    monkeypatch.setattr(pipeline, "clean_article", lambda text: cleaned.append(len(text)) or real_clean(text))
    with pytest.raises(TooManyChunks) as far_refusal:
        read_article(far, "far", {}, chunks, max_bytes=10_000_000, max_chunks=limit)
    assert far_refusal.value.estimated and cleaned == []
    assert "makes about " in far_refusal.value.reason
    # the estimate is close to what chunking the whole text makes
    exact = len(read_article(far, "far", {}, chunks, max_bytes=10_000_000).pieces)
    assert 0.8 * exact <= far_refusal.value.chunks <= 1.2 * exact

    with pytest.raises(TooManyChunks) as near_refusal:
        read_article(near, "near", {}, chunks, max_bytes=10_000_000, max_chunks=limit)
    assert not near_refusal.value.estimated and len(cleaned) == 2
    assert near_refusal.value.chunks == len(read_article(near, "near", {}, chunks, max_bytes=10_000_000).pieces)
