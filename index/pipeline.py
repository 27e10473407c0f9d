"""Incremental, idempotent ingestion: files → load → clean → metadata → chunk → embed → Chroma.

Ids are stable: an article is identified by its path relative to the folder
ingested (or its file name), and each passage id carries a hash of the
article's cleaned text, metadata and chunk settings. Changed articles are
embedded in groups; for each group the pipeline (1) upserts the new passages,
(2) deletes each article's passages of any other version, (3) writes the
article records last, in one Chroma write (every write costs 50-75 ms here
whatever its size; two writes per article took 17% of a 2,000-chunk ingest,
see bench/README.md). A run killed anywhere leaves for each article either the
old record (so the next run redoes the article, upserts being idempotent) or
the new one with all its passages.

Work overlaps (bench/README.md, "Ingest throughput"): a worker thread reads,
cleans and chunks the files ahead of the embedder, and another embeds the next
group while the calling thread writes the current one. Writes stay in the
calling thread, in order, so the guarantees above do not change.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from index.chunking import chunk_text
from index.cleaning import clean_article
from index.embedder import TextEncoder, llama_embedding
from index.loaders import SUPPORTED_SUFFIXES, SkippedFile, load_document
from index.metadata import MANIFEST_NAME, read_manifest, resolve_metadata
from index.sentences import split_sentences
from index.store import ArticleRecord, PassageRecord, PassageStore
from index.vector_codec import pack

# Articles are embedded in groups of about this many chunks: large enough to
# keep the embedder's batches full, small enough that a killed run loses little.
EMBED_GROUP_CHUNKS = 256
# Part of every content hash: bump it when what is stored per passage changes,
# so the next ingest re-embeds instead of calling old passages unchanged.
PIPELINE_VERSION = 2

# (chunks embedded, chunks to embed): the second grows while files are still being read
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class ChunkSettings:
    chunk_size: int = 230
    chunk_overlap: int = 40


@dataclass
class SkippedArticle:
    path: str
    reason: str


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[SkippedArticle] = field(default_factory=list)
    chunks: int = 0  # chunks embedded and written in this run
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _PreparedArticle:
    record: ArticleRecord
    passages: list[PassageRecord]
    existed: bool


def discover_files(paths: Sequence[Path]) -> tuple[list[tuple[Path, str]], list[SkippedArticle], list[Path]]:
    """(file, article id) pairs to ingest, paths that don't exist, and the folders walked (for pruning)."""
    files: list[tuple[Path, str]] = []
    missing: list[SkippedArticle] = []
    folders: list[Path] = []
    for path in paths:
        path = Path(path).expanduser()
        if path.is_dir():
            folders.append(path.resolve())
            for candidate in sorted(path.rglob("*")):
                if candidate.is_file() and candidate.name != MANIFEST_NAME and not candidate.name.startswith("."):
                    files.append((candidate, candidate.relative_to(path).as_posix()))
        elif path.is_file():
            files.append((path, path.name))
        else:
            missing.append(SkippedArticle(str(path), "does not exist"))
    return files, missing, folders


def content_hash(text: str, metadata: dict[str, Any], chunks: ChunkSettings) -> str:
    payload = json.dumps(
        [PIPELINE_VERSION, text, metadata, chunks.chunk_size, chunks.chunk_overlap], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def prepare_article(
    path: Path, article_id: str, manifest: dict[str, dict[str, Any]], chunks: ChunkSettings, max_bytes: int
) -> tuple[ArticleRecord, list[PassageRecord]]:
    """Load, clean, describe and chunk one file (no embedding). Raises SkippedFile."""
    loaded = load_document(path, max_bytes=max_bytes)
    cleaned = clean_article(loaded.text)
    if not cleaned.text.strip():
        raise SkippedFile(path, "has no article text left after removing boilerplate")
    meta = resolve_metadata(path.name, cleaned.text, manifest.get(path.name), loaded.metadata)
    meta_dict = {"title": meta.title, "source": meta.publisher, "published": meta.published, "url": meta.url}
    digest = content_hash(cleaned.text, meta_dict, chunks)
    pieces = chunk_text(cleaned.text, chunks.chunk_size, chunks.chunk_overlap)
    passages = [
        PassageRecord(
            passage_id=f"{article_id}::{digest}::{piece.index:04d}",
            article_id=article_id,
            text=piece.text,
            start=piece.start,
            end=piece.end,
            chunk_index=piece.index,
            title=meta.title,
            source=meta.publisher,
            published=meta.published,
            url=meta.url,
            content_hash=digest,
            sentence_spans=tuple(split_sentences(piece.text)),
        )
        for piece in pieces
    ]
    record = ArticleRecord(
        article_id=article_id,
        title=meta.title,
        source=meta.publisher,
        published=meta.published,
        url=meta.url,
        content_hash=digest,
        chunk_count=len(passages),
        path=str(path.resolve()),
        text=cleaned.text,
        raw_text=loaded.text,
        segments=cleaned.segments,
    )
    return record, passages


def _is_complete(store: PassageStore, record: ArticleRecord) -> bool:
    stored = store.article(record.article_id)
    if stored is None or stored.content_hash != record.content_hash:
        return False
    return store.passage_ids(record.article_id) == store.passage_ids(record.article_id, record.content_hash) and len(
        store.passage_ids(record.article_id, record.content_hash)
    ) == record.chunk_count


def _groups(articles: Iterable[_PreparedArticle]) -> Iterable[list[_PreparedArticle]]:
    group: list[_PreparedArticle] = []
    size = 0
    for article in articles:
        group.append(article)
        size += len(article.passages)
        if size >= EMBED_GROUP_CHUNKS:
            yield group
            group, size = [], 0
    if group:
        yield group


_PREPARED_AHEAD = 64  # files read, cleaned and chunked ahead of the embedder
_DONE = object()
Prepared = tuple[Path, str, "tuple[ArticleRecord, list[PassageRecord]] | SkippedFile"]


def _prepare(files: Sequence[tuple[Path, str]], chunks: ChunkSettings, max_bytes: int, background: bool) -> Iterator[Prepared]:
    """`prepare_article` of each file, in order; in the background, from a worker thread that keeps ahead.

    Loading, cleaning and chunking the next files then overlaps with embedding
    (onnxruntime releases the GIL). Errors other than SkippedFile are re-raised here.
    """
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}

    def prepared(path: Path, article_id: str) -> Prepared:
        if path.parent not in manifests:
            manifests[path.parent] = read_manifest(path.parent)
        try:
            return path, article_id, prepare_article(path, article_id, manifests[path.parent], chunks, max_bytes)
        except SkippedFile as skip:
            return path, article_id, skip

    if not background:
        yield from (prepared(path, article_id) for path, article_id in files)
        return
    ready: queue.Queue[Any] = queue.Queue(maxsize=_PREPARED_AHEAD)
    stop = threading.Event()

    def put(item: Any) -> None:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def work() -> None:
        try:
            for path, article_id in files:
                if stop.is_set():
                    return
                put(prepared(path, article_id))
        except BaseException as error:  # handed to the consumer, which raises it
            put(error)
            return
        put(_DONE)

    worker = threading.Thread(target=work, name="ingest-prepare", daemon=True)
    worker.start()
    try:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def _embedded_groups(
    groups: Iterator[list[_PreparedArticle]], make_embed: Callable[[], "EmbedFunction"], ahead: bool
) -> Iterator[tuple[list[_PreparedArticle], Sequence[Sequence[float]], list[PassageRecord]]]:
    """Each group with its vectors and passages, in order; with `ahead`, a worker thread embeds the
    next group while the caller writes this one. The embedder is made at the first group (for the
    OpenAI backend that imports llama-index, 1.4 s, which an ingest with nothing to embed skips)."""
    embed: EmbedFunction | None = None
    if not ahead:
        for group in groups:
            passages = [p for article in group for p in article.passages]
            embed = embed or make_embed()
            yield group, *(embed(passages) if passages else ([], passages))
        return
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-embed")
    previous: tuple[list[_PreparedArticle], Future[Any]] | None = None
    try:
        for group in groups:
            passages = [p for article in group for p in article.passages]
            embed = embed or make_embed()
            submitted: Future[Any] = worker.submit(embed, passages) if passages else _finished(([], passages))
            if previous is not None:
                yield previous[0], *previous[1].result()
            previous = (group, submitted)
        if previous is not None:
            yield previous[0], *previous[1].result()
    finally:
        worker.shutdown(wait=True, cancel_futures=True)


def _finished(value: Any) -> "Future[Any]":
    future: Future[Any] = Future()
    future.set_result(value)
    return future


def ingest(
    paths: Sequence[Path],
    store: PassageStore,
    encoder: TextEncoder,
    *,
    chunks: ChunkSettings = ChunkSettings(),
    max_bytes: int = 10_000_000,
    prune: bool = False,
    progress: ProgressCallback | None = None,
    on_skip: Callable[[SkippedArticle], None] | None = None,
    overlap: bool = True,
) -> IngestReport:
    """Bring the store in line with the files under `paths`; see the module docstring for the guarantees.

    `overlap=False` runs reading, embedding and writing one after another in
    this thread, as before they overlapped (bench/ingest_bench.py compares).
    """
    started = time.perf_counter()
    report = IngestReport()
    files, missing, folders = discover_files(paths)
    for skipped in missing:
        report.skipped.append(skipped)
        if on_skip:
            on_skip(skipped)

    seen_ids: set[str] = set()
    total = done = 0  # chunks to embed: the total grows while files are still being read

    prepared = _prepare(files, chunks, max_bytes, background=overlap)

    def pending_articles() -> Iterator[_PreparedArticle]:
        nonlocal total
        for path, article_id, outcome in prepared:
            if article_id in seen_ids:  # e.g. a/x.txt and b/x.txt: one would silently replace the other
                outcome = SkippedFile(path, f"has the same article id ({article_id}) as another file of this ingest; rename one")
            if isinstance(outcome, SkippedFile):
                skipped = SkippedArticle(str(path), outcome.reason)
                report.skipped.append(skipped)
                if on_skip:
                    on_skip(skipped)
                continue
            record, passages = outcome
            seen_ids.add(article_id)
            if _is_complete(store, record):
                report.unchanged.append(article_id)
                continue
            total += len(passages)
            if progress:
                progress(done, total)
            yield _PreparedArticle(record, passages, existed=store.article(article_id) is not None)

    if progress:
        progress(0, 0)
    changed = False
    embedded = _embedded_groups(_groups(pending_articles()), lambda: _embedding_function(encoder), ahead=overlap)
    try:
        for group, vectors, passages in embedded:
            store.upsert_passages(passages, vectors)
            for article in group:
                store.delete_passages(article.record.article_id, except_hash=article.record.content_hash)
            store.put_articles([article.record for article in group])
            changed = True
            for article in group:
                (report.updated if article.existed else report.added).append(article.record.article_id)
            report.chunks += len(passages)
            done += len(passages)
            if progress:
                progress(done, total)
    finally:  # a failed write stops the worker threads now, not when the traceback is collected
        embedded.close()
        prepared.close()

    if prune:
        for stale in _stale_articles(store, folders, seen_ids):
            store.delete_article(stale)
            report.removed.append(stale)
            changed = True
    if changed:
        store.bump_revision()
    report.seconds = time.perf_counter() - started
    return report


EmbedFunction = Callable[[list[PassageRecord]], tuple[Sequence[Sequence[float]], list[PassageRecord]]]


def _embedding_function(encoder: TextEncoder) -> EmbedFunction:
    """Passage vectors, plus sentence vectors when the encoder can pool token states per span."""
    with_spans = getattr(encoder, "embed_with_spans", None)
    if with_spans is not None:

        def embed_local(passages: list[PassageRecord]) -> tuple[Sequence[Sequence[float]], list[PassageRecord]]:
            vectors, sentence_vectors = with_spans([p.text for p in passages], [p.sentence_spans for p in passages])
            return vectors.tolist(), [p.with_sentence_vectors(pack(v)) for p, v in zip(passages, sentence_vectors)]

        return embed_local

    embedding = llama_embedding(encoder, embed_batch_size=EMBED_GROUP_CHUNKS)

    def embed_remote(passages: list[PassageRecord]) -> tuple[Sequence[Sequence[float]], list[PassageRecord]]:
        # an API embedder cannot pool token states per span, so each sentence is embedded
        # on its own, in the same batched calls: the extractive answerer scores sentences
        # by their similarity to the question whatever the backend
        import numpy as np

        sentences = [p.text[s:e] for p in passages for s, e in p.sentence_spans]
        vectors = embedding.get_text_embedding_batch([p.text for p in passages] + sentences)
        sentence_vectors = np.asarray(vectors[len(passages) :], dtype=np.float32)
        with_sentences: list[PassageRecord] = []
        row = 0
        for passage in passages:
            count = len(passage.sentence_spans)
            with_sentences.append(passage.with_sentence_vectors(pack(sentence_vectors[row : row + count])))
            row += count
        return vectors[: len(passages)], with_sentences

    return embed_remote


def _stale_articles(store: PassageStore, folders: Sequence[Path], seen_ids: set[str]) -> list[str]:
    """Articles stored from one of `folders` whose file was not ingested this run (deleted or now skipped)."""
    stale: list[str] = []
    for record in store.article_records():
        if record.article_id in seen_ids or not record.path:
            continue
        stored_path = Path(record.path)
        if any(stored_path.is_relative_to(folder) for folder in folders):
            stale.append(record.article_id)
    return stale
