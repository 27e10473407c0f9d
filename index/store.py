"""The Chroma store: passages with their embeddings, and one record per article.

Two collections: `<name>` holds the passages (chunk text, embedding, offsets,
article metadata); `<name>-articles` holds each article's cleaned text (what
citation offsets refer to), its original text and its metadata. An article
record is written only after all its passages are in, so it marks a complete
ingest: a run killed half-way is detected and finished by the next one.

Beside Chroma, a keyword index (`index.keyword_index`, under the data
directory also when Chroma is a server) holds every passage again for BM25.
The passage writes here (`upsert_passages`, `delete_passages`,
`delete_other_versions`, `delete_article`) write it right after Chroma, one
atomic commit per call, so it follows the same step order as Chroma.
An ingest's groups (`write_articles`) write it first instead: one keyword
commit adds the group's passages and drops its articles' other versions, then
Chroma upserts the passages, writes the records and deletes the other
versions. The keyword index is derived data, checked against the records: a
kill after its commit leaves it ahead of Chroma (versions no record names,
an updated article's old version gone), which the repair below finds and
rewrites from Chroma, like any other difference.

Writes happen in sessions (`writing()`): one process at a time (a lock file
beside the keyword index), the revision bumped when the first write starts and
again when the session ends, and only a session that ended cleanly stamps the
keyword index with the final revision. A stamp that differs from the revision
therefore means a write was interrupted (or made elsewhere), and
`index.repair.repair_store` checks the store.

Within one process, questions may be answered while a write session runs
(an upload ingested in the background): every write call, and each group an
ingest commits, holds the write side of a readers-writer lock
(index/commit_lock.py) whose read side a question holds (`reading()`), so a
question sees the store before or after each commit, never half-way.
Readers' caches key on `read_key` (the revision and this process's commits),
which changes with every commit. A group holds the write side only for
Chroma's three writes and the keyword reader's reload: its keyword commit
(about a third of the time the whole group held it, bench/README.md "Commit
hold") is made before, while questions go on, and stays unseen by them
(the keyword reader reloads only when told: `KeywordIndex.publish`, called
under the write side, even when a write failed) until Chroma's writes are in.
What the group reads to find the other versions it deletes is read before
too: the write session is the only writer, so it still holds at the commit.
Other processes' readers see each write as it lands, as before: only a
question in the process that writes sees commits whole.

A rebuild (index/rebuild.py) never writes the store in use: it builds a whole
new one beside it (`rebuild_copy`: collections and keyword index named with
REBUILD_SUFFIX), then `replace_with` swaps it in: a marker file beside the
keyword index is written, the old collections are deleted and the new ones
renamed, the keyword folders swapped, the marker removed. Each step can be done
again, so a swap killed half-way is finished by the next process that opens the
store (`finish_replacement`); a rebuild killed before the swap leaves the store
in use as it was, and the copy for the next rebuild to go on with.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence

from index.commit_lock import CommitLock
from index.errors import EmbeddingMismatchError, IndexEmptyError, SourcedError, StoreBusyError, StoreUnavailableError
from index.hnsw import HNSW_CONFIGURATION, ef_search_for
from index.store_failures import StoreFailures, StoreLocation, unreachable_message

if TYPE_CHECKING:
    from index.keyword_index import KeywordIndex

# Chroma caps the size of one write; stay well below it.
WRITE_BATCH = 1000
# Articles collection records carry no meaningful vector: Chroma needs one.
_PLACEHOLDER_VECTOR = [1.0]
# How long a write waits for another process's write session (an ingest) to end.
WRITE_LOCK_WAIT_SECONDS = 10.0
# Articles whose passages one Chroma read looks up (one `$or` clause each).
_LOOKUP_BATCH = 100
# How the id of an article's first passage ends (see `passage_id`): the keyword index lists articles by it.
FIRST_PASSAGE_SUFFIX = "::0000"
# The collections and keyword index a rebuild writes are the store's, named with this after the collection name.
REBUILD_SUFFIX = "-rebuild"


def passage_id(article_id: str, content_hash: str, chunk_index: int) -> str:
    """A passage's id: its article, the content version it belongs to, and its place in the article."""
    return f"{article_id}::{content_hash}::{chunk_index:04d}"


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
    # the ingest pipeline's version that wrote this article and its passages (index.pipeline.PIPELINE_VERSION);
    # None: written before the version was recorded
    pipeline_version: int | None = None

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
class ArticleListing:
    """An article as a list shows it: its details and passage count, without its texts."""

    article_id: str
    title: str
    source: str
    published: str | None
    url: str | None
    chunk_count: int
    path: str


@dataclass(frozen=True)
class ArticlePage:
    """One page of the library (`PassageStore.article_page`): the articles on it, how many articles the
    filter matches and how many the library holds."""

    articles: list[ArticleListing]
    matching: int
    total: int
    offset: int
    limit: int

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.matching


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
    """An embedded PersistentClient under `data_dir`, or an HttpClient when a host is given.

    Raises the named errors of index/store_failures.py: StoreUnreachableError for a server
    that does not answer, StoreDamagedError for embedded files that are not a Chroma store,
    DiskFullError when there is no room to create it."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        try:
            client = chromadb.HttpClient(host=host, port=port or 8000, settings=chroma_settings)
            client.heartbeat()
        except Exception as exc:  # chromadb raises several unrelated types for a dead server
            from index.errors import StoreUnreachableError

            raise StoreUnreachableError(unreachable_message(host, port or 8000)) from exc
        return client
    path = Path(data_dir).expanduser() / "chroma"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # noqa: BLE001  explained below, or re-raised as it is
        named = StoreFailures(StoreLocation(path=path)).explain_chroma(exc)
        if named is not None:
            raise named from exc
        if isinstance(exc, OSError):
            raise StoreUnavailableError(
                f"Cannot write the store at {path}; set RAG_DATA_DIR to a writable folder."
            ) from exc
        raise


def _commit(method: Callable[..., Any]) -> Callable[..., Any]:
    """A write call of PassageStore: atomic for readers in this process (see `PassageStore.reading`)."""

    @functools.wraps(method)
    def write(self: "PassageStore", *args: Any, **kwargs: Any) -> Any:
        with self.committing():
            return method(self, *args, **kwargs)

    return write


class _Guarded:
    """A chromadb client or collection whose failing calls raise the store's named errors instead of
    whatever the client library raised (see index/store_failures.py); collections it returns are guarded too."""

    def __init__(self, target: Any, explain: Callable[[BaseException], SourcedError | None]) -> None:
        self._target = target
        self._explain = explain

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if not callable(value):
            return value

        @functools.wraps(value)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                result = value(*args, **kwargs)
            except Exception as exc:
                named = self._explain(exc)
                if named is None:
                    raise
                raise named from exc
            return _Guarded(result, self._explain) if _is_collection(result) else result

        return call


def _is_collection(value: Any) -> bool:
    from chromadb.api.models.Collection import Collection

    return isinstance(value, Collection)


class PassageStore:
    """Passages and article records of one corpus in Chroma, tied to one embedding model,
    plus the keyword index over the same passages when `keyword_path` is given."""

    def __init__(
        self, client: Any, name: str, fingerprint: str, keyword_path: Path | None = None, ef_search: int | None = None
    ) -> None:
        self.failures = StoreFailures(StoreLocation.of_client(client))
        self._raw_client = client
        self._keyword_path = Path(keyword_path) if keyword_path is not None else None
        self._client = _Guarded(client, self._explain)
        self.name = name
        self.fingerprint = fingerprint
        self.ef_search = ef_search  # None: grows with the passage count (index/hnsw.py)
        self._passages: Any = None
        self._articles: Any = None
        self.keyword: KeywordIndex | None = None
        self._lock = _WriteLock(None)
        if keyword_path is not None:
            from index.keyword_index import KeywordIndex

            self.keyword = KeywordIndex(Path(keyword_path))
            self._lock = _WriteLock(Path(keyword_path).with_name(Path(keyword_path).name + ".lock"))
        self._changed = False  # a write happened since the session began (or since the last stamp)
        self._written = 0  # article records written in this write session: what a failure leaves behind
        self.commits = CommitLock()
        self._writes = 0  # write calls made through this handle
        self._commits_seen = 0  # commits (outermost) in which something was written

    # --- failures ------------------------------------------------------------
    def _explain(self, error: BaseException) -> SourcedError | None:
        return self.failures.explain_chroma(error, writing=self._lock.held, written=self._written)

    @contextmanager
    def _local_files(self, path: Path) -> Iterator[None]:
        """Around writes of local files (the keyword index): a full disk becomes DiskFullError."""
        try:
            yield
        except Exception as exc:
            named = self.failures.explain_local(exc, path, writing=self._lock.held, written=self._written)
            if named is None:
                raise
            raise named from exc

    def problem(self) -> str | None:
        """A sentence saying what is wrong with the store, or None when it answers (one cheap round trip)."""
        try:
            self._client.list_collections()
            return None
        except SourcedError as failure:
            return failure.message
        except Exception as failure:  # noqa: BLE001  any failure of the cheapest call means the store is at fault
            return self.failures.problem(failure)

    # --- lifecycle ---------------------------------------------------------
    @property
    def articles_collection_name(self) -> str:
        return f"{self.name}-articles"

    def _collection_names(self) -> set[str]:
        return {c if isinstance(c, str) else c.name for c in self._client.list_collections()}

    def exists(self) -> bool:
        return self.name in self._collection_names()

    def open_for_reading(self) -> "PassageStore":
        """Open an existing store; refuse a missing one or one built with another model."""
        self.finish_replacement()
        if not self.exists():
            raise IndexEmptyError("No articles are indexed yet; run `rag ingest` first.")
        self._passages = self._client.get_collection(self.name, embedding_function=None)
        self._articles = self._client.get_or_create_collection(self.articles_collection_name, embedding_function=None)
        self._check_fingerprint()
        return self

    def open_for_writing(self, rebuild: bool = False) -> "PassageStore":
        """Open or create the store; `rebuild` drops everything first (index/rebuild.py keeps the articles)."""
        self.finish_replacement()
        if rebuild:
            self.drop()
        self._passages = self._client.get_or_create_collection(
            self.name,
            configuration={"hnsw": {**HNSW_CONFIGURATION, "ef_search": self.ef_search or ef_search_for(0)}},
            metadata={"embedding_model": self.fingerprint, "revision": uuid.uuid4().hex},
            embedding_function=None,
        )
        self._articles = self._client.get_or_create_collection(self.articles_collection_name, embedding_function=None)
        self._check_fingerprint()
        return self

    @_commit
    def drop(self) -> None:
        for name in (self.name, self.articles_collection_name):
            try:
                self._client.delete_collection(name)
            except SourcedError:  # the store itself failed (index/store_failures.py)
                raise
            except Exception:  # absent already: nothing to drop
                pass
        if self.keyword is not None:
            self.keyword.clear()

    # --- rebuilding: a new store beside this one, swapped in when whole (module docstring) -----
    def rebuild_copy(self) -> "PassageStore":
        """A handle (not yet opened) on the store a rebuild of this one writes: its own collections and keyword index."""
        keyword_path = self._keyword_path.with_name(self._keyword_path.name + REBUILD_SUFFIX) if self._keyword_path else None
        return PassageStore(self._raw_client, self.name + REBUILD_SUFFIX, self.fingerprint, keyword_path, self.ef_search)

    def has_rebuild_copy(self) -> bool:
        """A rebuild began and was not swapped in: its copy is still there (an interrupted rebuild)."""
        return self.name + REBUILD_SUFFIX in self._collection_names()

    def stored_articles(self) -> list[ArticleRecord]:
        """Every article record, whatever model embedded the passages (a rebuild reads them); none without a store."""
        if self.articles_collection_name not in self._collection_names():
            return []
        self._articles = self._client.get_collection(self.articles_collection_name, embedding_function=None)
        return self.article_records()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the write lock without writing through this handle: other writers wait (a rebuild holds the
        store it replaces, so that nothing is written there meanwhile and lost at the swap)."""
        with self._lock.hold(WRITE_LOCK_WAIT_SECONDS, self._local_files):
            yield

    def replace_with(self, copy: "PassageStore") -> None:
        """Swap the whole store `copy` (from `rebuild_copy`, its writes ended) in for this one; the marker
        makes a swap killed half-way one that the next opening finishes."""
        marker = self._replacement_marker()
        with self._lock.hold(WRITE_LOCK_WAIT_SECONDS, self._local_files):
            if marker is not None and copy._keyword_path is not None:
                with self._local_files(marker):
                    # a copy that got no passage has no keyword folder: an empty one replaces the old index too
                    copy._keyword_path.mkdir(parents=True, exist_ok=True)
                    _write_atomically(marker, copy.name)
            try:
                self._replace_steps()
            except KeyboardInterrupt:
                # the copy is whole and what is left takes milliseconds: the rebuild ends done, not half-swapped
                self._replace_steps()

    def finish_replacement(self) -> None:
        """Finish a swap that was killed half-way (cheap when none was: one stat). Raises StoreBusyError
        while the process swapping holds the store."""
        marker = self._replacement_marker()
        if marker is None or not marker.exists():
            return
        with self._lock.hold(0.0, self._local_files):
            if marker.exists():
                self._replace_steps()

    def _replacement_marker(self) -> Path | None:
        return self._keyword_path.with_name(self._keyword_path.name + ".replacing") if self._keyword_path else None

    def _replace_steps(self) -> None:
        """Each step is skipped once done, so that running them again after a kill finishes the swap."""
        names = self._collection_names()
        copy = self.rebuild_copy()
        for live, staged in ((self.name, copy.name), (self.articles_collection_name, copy.articles_collection_name)):
            if staged in names:
                if live in names:
                    self._client.delete_collection(live)
                self._client.get_collection(staged, embedding_function=None).modify(name=live)
        if self._keyword_path is not None and copy._keyword_path is not None:
            with self._local_files(self._keyword_path):
                _swap_folder(copy._keyword_path, self._keyword_path)
                for leftover in (copy._lock.path, copy._keyword_path.with_name(copy._keyword_path.name + ".repairs.json")):
                    if leftover is not None:
                        leftover.unlink(missing_ok=True)
        marker = self._replacement_marker()
        if marker is not None:
            marker.unlink(missing_ok=True)
        # this handle's collections and keyword reader belong to the store that was replaced
        self._passages = self._articles = None
        if self.keyword is not None:
            from index.keyword_index import KeywordIndex

            self.keyword = KeywordIndex(self.keyword.path)

    # --- readers and commits (one process) -----------------------------------
    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold off commits while reading: what is read meanwhile belongs to one revision."""
        with self.commits.reading():
            yield

    @contextmanager
    def committing(self) -> Iterator[None]:
        """Make the writes inside one commit for readers: they wait for it to end, then see all of it."""
        with self.commits.writing() as outermost:
            began = self._writes
            try:
                yield
            finally:
                if outermost and self._writes != began:
                    self._commits_seen += 1

    @property
    def read_key(self) -> str:
        """What readers key caches on: the revision (any process's writes) and this process's commits
        (a write session bumps the revision only when it starts and ends)."""
        return f"{self.revision}/{self._commits_seen}"

    # --- write sessions ----------------------------------------------------
    @contextmanager
    def writing(self, wait: bool = True) -> Iterator[None]:
        """Hold the store for one write session (see the module docstring).

        Raises StoreBusyError when another process holds it longer than
        WRITE_LOCK_WAIT_SECONDS (at once with `wait=False`). Sessions nest.
        """
        with self._lock.hold(WRITE_LOCK_WAIT_SECONDS if wait else 0.0, self._local_files) as outermost:
            if not outermost:
                yield
                return
            self._changed = False
            self._written = 0
            clean = False
            try:
                yield
                clean = True
            finally:
                if self._changed:
                    self._changed = False
                    try:
                        self.bump_revision()
                        if clean and self.keyword is not None:
                            self.keyword.set_stamps(revision=self.revision)
                    except Exception:
                        if clean:
                            raise
                        # The session failed already (a dead server, a full disk): its error is the one to
                        # show. The keyword index stays unstamped, so the next ingest checks the store.
                if clean:
                    try:
                        self.fit_search_breadth()
                    except Exception as error:  # noqa: BLE001  the session's writes are in: only the breadth is not
                        logging.getLogger(__name__).warning("The search breadth (ef_search) was not updated: %s", error)

    def search_breadth(self) -> int:
        """The HNSW `ef_search` queries of the passages collection use now."""
        fresh = self._client.get_collection(self.name, embedding_function=None)
        return int(((fresh.configuration or {}).get("hnsw") or {}).get("ef_search") or HNSW_CONFIGURATION["ef_search"])

    def fit_search_breadth(self) -> int:
        """Set `ef_search` to the configured one, or to the one the passage count needs; return it. Chroma
        (1.5) applies it to processes that open the store afterwards, and a Chroma server after its restart."""
        wanted = self.ef_search if self.ef_search is not None else ef_search_for(self.count())
        if wanted != self.search_breadth():
            self._passages.modify(configuration={"hnsw": {"ef_search": wanted}})
        return wanted

    def begin_change(self) -> None:
        """Call before writing the keyword index directly (a repair): see `_before_write`."""
        self._before_write()

    def _before_write(self) -> None:
        """Before the first write of a session: unstamp the keyword index and bump the revision,
        so a session killed before its end is seen by every reader as an unchecked revision."""
        self._writes += 1
        if self._changed:
            return
        self._changed = True
        if self.keyword is not None:
            self.keyword.set_stamps(revision=None)
        self.bump_revision()

    def is_verified(self) -> bool:
        """The last write session ended cleanly (or a repair ran) at the current revision."""
        return self.keyword is not None and self.keyword.stamps().get("revision") == self.revision

    def mark_verified(self) -> None:
        if self.keyword is not None:
            self.keyword.set_stamps(revision=self.revision)

    def _check_fingerprint(self) -> None:
        built_with = (self._passages.metadata or {}).get("embedding_model")
        if built_with != self.fingerprint:
            raise EmbeddingMismatchError(
                f"The index was built with the embedding model {built_with!r} but {self.fingerprint!r} is "
                "configured; run `rag ingest --rebuild` to re-embed the articles."
            )

    @property
    def revision(self) -> str:
        """Changes whenever passages change, and when a write session starts; readers key caches on it."""
        fresh = self._client.get_collection(self.name, embedding_function=None)
        return str((fresh.metadata or {}).get("revision", ""))

    @_commit
    def bump_revision(self) -> None:
        self._passages.modify(metadata={"embedding_model": self.fingerprint, "revision": uuid.uuid4().hex})

    # --- articles ----------------------------------------------------------
    def article_records(self) -> list[ArticleRecord]:
        records = [
            _article_from_chroma(i, d, m)
            for got in _pages(self._articles, ["documents", "metadatas"])
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])
        ]
        return sorted(records, key=lambda r: (r.published or "", r.article_id))

    def articles_at(self, paths: Sequence[str]) -> list[ArticleRecord]:
        """The records of the articles read from these files (stored paths): a metadata lookup, so that adding
        one file to a large library does not read every record (their texts: ~3 s of CPU and ~1 GB at 100k passages)."""
        wanted = sorted(set(paths))
        records = []
        for begin in range(0, len(wanted), WRITE_BATCH):
            got = self._articles.get(where={"path": {"$in": wanted[begin : begin + WRITE_BATCH]}},
                                     include=["documents", "metadatas"])
            records += [_article_from_chroma(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]
        return records

    def article_ids(self) -> list[str]:
        """Every article id, without reading the articles' text."""
        return sorted(self._articles.get(include=[])["ids"])

    def article_count(self) -> int:
        """How many article records the store holds (one cheap call, whatever the size)."""
        return int(self._articles.count())

    def existing_article_ids(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these article ids have a record (ids only: no texts are read)."""
        wanted = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        for begin in range(0, len(wanted), WRITE_BATCH):
            found |= set(self._articles.get(ids=wanted[begin : begin + WRITE_BATCH], include=[])["ids"])
        return found

    def articles(self, article_ids: Sequence[str]) -> dict[str, ArticleRecord]:
        """The records of these articles, by id, in one read per WRITE_BATCH ids (unknown ids are left out)."""
        wanted = list(dict.fromkeys(article_ids))
        records: dict[str, ArticleRecord] = {}
        for begin in range(0, len(wanted), WRITE_BATCH):
            got = self._articles.get(ids=wanted[begin : begin + WRITE_BATCH], include=["documents", "metadatas"])
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"]):
                records[i] = _article_from_chroma(i, d, m)
        return records

    def article_page(self, offset: int = 0, limit: int = 50, contains: str = "", id_prefix: str = "") -> ArticlePage:
        """A page of the library, newest publication date first (undated last), `limit` articles from `offset`;
        `contains`: a piece of the title or publisher (any case); `id_prefix`: article ids starting with it.

        The keyword index finds and orders the page (index.keyword_index.KeywordIndex.articles); then only the
        page's records are read (metadata, not the cleaned texts), so a page costs the same at any size."""
        if self.keyword is None:
            raise StoreUnavailableError("This store has no keyword index; open it with rag.services.build_store.")
        offset, limit = max(0, int(offset)), max(1, int(limit))
        matching, firsts = self.keyword.articles(offset=offset, limit=limit, contains=contains, id_prefix=id_prefix)
        ids = list(dict.fromkeys(p.article_id for p in firsts))  # two versions mid-update: listed once
        got = self._articles.get(ids=ids, include=["metadatas"]) if ids else {"ids": [], "metadatas": []}
        by_id = {i: _listing(i, m) for i, m in zip(got["ids"], got["metadatas"])}
        listed = [by_id[i] for i in ids if i in by_id]
        return ArticlePage(listed, matching, self.article_count(), offset, limit)

    def article_ids_where(self, where: dict[str, Any]) -> set[str]:
        """The ids of the article records whose metadata matches `where` (ids only: no texts are read)."""
        return set(self._articles.get(where=where, include=[])["ids"])

    def article(self, article_id: str) -> ArticleRecord | None:
        got = self._articles.get(ids=[article_id], include=["documents", "metadatas"])
        if not got["ids"]:
            return None
        return _article_from_chroma(got["ids"][0], got["documents"][0], got["metadatas"][0])

    def put_article(self, record: ArticleRecord) -> None:
        self.put_articles([record])

    @_commit
    def put_articles(self, records: Sequence[ArticleRecord]) -> None:
        """Write article records, many per Chroma call: each write costs tens of ms whatever its size."""
        if records:
            self._before_write()
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
            self._written += len(batch)

    @_commit
    def delete_article(self, article_id: str) -> int:
        """Remove an article and all its passages; returns the passages removed.

        The record goes first: a run killed in between leaves passages without a
        record (which a repair deletes), never a record missing its passages."""
        self._before_write()
        self._articles.delete(ids=[article_id])
        return self.delete_passages(article_id)

    @_commit
    def delete_articles(self, article_ids: Sequence[str]) -> int:
        """Remove several articles (records first, then passages) in a few writes."""
        if not article_ids:
            return 0
        self._before_write()
        wanted = list(article_ids)
        ids: set[str] = set()
        for begin in range(0, len(wanted), WRITE_BATCH):
            batch = wanted[begin : begin + WRITE_BATCH]
            self._articles.delete(ids=batch)
            ids |= set(self._passages.get(where={"article_id": {"$in": batch}}, include=[])["ids"])
        self.delete_passage_ids(ids, article_ids=wanted)
        return len(ids)

    # --- passages ----------------------------------------------------------
    def passage_ids(self, article_id: str, content_hash: str | None = None) -> set[str]:
        where: dict[str, Any] = {"article_id": article_id}
        if content_hash is not None:
            where = {"$and": [{"article_id": article_id}, {"content_hash": content_hash}]}
        return set(self._passages.get(where=where, include=[])["ids"])

    def passage_ids_where(self, where: dict[str, Any] | None) -> set[str]:
        return set(self._passages.get(where=where or None, include=[])["ids"])

    @_commit
    def upsert_passages(self, passages: Sequence[PassageRecord], embeddings: Sequence[Sequence[float]]) -> None:
        """Chroma first, then the keyword index in one commit (all of each article's passages should
        come in one call: the keyword index's per-article counts are what a repair compares)."""
        if not passages:
            return
        self._before_write()
        self._upsert_chroma_passages(passages, embeddings)
        if self.keyword is not None:
            with self._local_files(self.keyword.path):
                self.keyword.write(passages)

    def delete_passages(self, article_id: str, except_hash: str | None = None) -> int:
        """Delete an article's passages, optionally keeping those of one content version."""
        if except_hash is None:
            return self.delete_other_versions({article_id: None})
        return self.delete_other_versions({article_id: except_hash})

    def write_articles(
        self, records: Sequence[ArticleRecord], passages: Sequence[PassageRecord], embeddings: Sequence[Sequence[float]]
    ) -> None:
        """Write whole articles (an ingest's group): their passages, their records, and the removal of their
        other versions' passages, as one commit for readers, who are held off only for Chroma's writes.

        Crash order (module docstring): the keyword index's commit (new passages in, other versions out)
        first, unseen by readers; then, holding the write side, Chroma's passages, the records, Chroma's
        other versions out, and the keyword commit made visible. `passages` must hold every passage of
        each article (see `upsert_passages`)."""
        versions = {record.article_id: record.content_hash for record in records}
        if not passages and not versions:
            return
        self._before_write()  # unstamped before the first write of the session, the keyword commit included
        # this session is the only writer, so what is read now still holds when the commit comes
        stale = self._other_version_ids(versions)
        keyword = self.keyword
        if keyword is not None:
            older = list(versions) if keyword.holds_other_versions(versions) else []
            try:
                with self._local_files(keyword.path):
                    keyword.write(passages, delete_articles=older, keep_versions=versions, publish=False)
            except BaseException:
                with self.committing():  # readers see what the index holds, as after any failed write
                    keyword.publish()
                raise
        with self.committing():
            try:
                self._before_write()  # counted in this commit: readers' caches move on with it
                self._upsert_chroma_passages(passages, embeddings)
                self.put_articles(records)
                self._delete_chroma_passages(stale)
            finally:
                if keyword is not None:
                    keyword.publish()

    def _other_version_ids(self, versions: Mapping[str, str | None]) -> set[str]:
        """The ids of these articles' passages of any content version but the one given (None: all)."""
        clauses: list[dict[str, Any]] = [
            {"article_id": article_id} if keep is None
            else {"$and": [{"article_id": article_id}, {"content_hash": {"$ne": keep}}]}
            for article_id, keep in versions.items()
        ]
        ids: set[str] = set()
        for begin in range(0, len(clauses), _LOOKUP_BATCH):
            batch = clauses[begin : begin + _LOOKUP_BATCH]
            ids |= self.passage_ids_where(batch[0] if len(batch) == 1 else {"$or": batch})
        return ids

    def _upsert_chroma_passages(self, passages: Sequence[PassageRecord], embeddings: Sequence[Sequence[float]]) -> None:
        for begin in range(0, len(passages), WRITE_BATCH):
            batch = passages[begin : begin + WRITE_BATCH]
            self._passages.upsert(
                ids=[p.passage_id for p in batch],
                embeddings=[list(e) for e in embeddings[begin : begin + WRITE_BATCH]],
                documents=[p.text for p in batch],
                metadatas=[p.metadata() for p in batch],
            )

    def _delete_chroma_passages(self, passage_ids: set[str] | Sequence[str]) -> None:
        ordered = sorted(passage_ids)
        for begin in range(0, len(ordered), WRITE_BATCH):
            self._passages.delete(ids=ordered[begin : begin + WRITE_BATCH])

    @_commit
    def delete_other_versions(self, versions: Mapping[str, str | None]) -> int:
        """For each article, delete its passages of any content version but the one given (None: all)."""
        ids = self._other_version_ids(versions)
        if ids:
            self._before_write()
            self._delete_chroma_passages(ids)
        if self.keyword is not None and self.keyword.holds_other_versions(versions):
            self._before_write()
            with self._local_files(self.keyword.path):
                self.keyword.write(
                    delete_articles=list(versions),
                    keep_versions={a: keep for a, keep in versions.items() if keep is not None},
                )
        return len(ids)

    def passage_vectors(self, passage_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored embeddings of these passages, by id (lets a passage be re-keyed without re-embedding)."""
        vectors: dict[str, list[float]] = {}
        ids = list(passage_ids)
        for begin in range(0, len(ids), WRITE_BATCH):
            got = self._passages.get(ids=ids[begin : begin + WRITE_BATCH], include=["embeddings"])
            vectors.update({pid: [float(x) for x in vector] for pid, vector in zip(got["ids"], got["embeddings"])})
        return vectors

    @_commit
    def delete_passage_ids(self, passage_ids: Sequence[str] | set[str], article_ids: Sequence[str] = ()) -> None:
        """Delete passages by id from Chroma and the keyword index; `article_ids`: also drop
        every keyword passage of these articles (articles being removed)."""
        passage_ids = sorted(passage_ids)
        if not passage_ids and not article_ids:
            return
        self._before_write()
        self._delete_chroma_passages(passage_ids)
        if self.keyword is not None:
            with self._local_files(self.keyword.path):
                self.keyword.write(delete_articles=article_ids, delete_passages=passage_ids)

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

    def passages_of(self, versions: Mapping[str, str]) -> list[PassageRecord]:
        """The passages of these (article id -> content hash) versions, read from Chroma."""
        found: list[PassageRecord] = []
        article_ids = sorted(versions)
        for begin in range(0, len(article_ids), 200):
            got = self._passages.get(
                where={"article_id": {"$in": article_ids[begin : begin + 200]}}, include=["documents", "metadatas"]
            )
            for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                passage = PassageRecord.from_chroma(pid, text, meta)
                if versions.get(passage.article_id) == passage.content_hash:
                    found.append(passage)
        return sorted(found, key=lambda p: (p.article_id, p.chunk_index))

    def all_passage_ids(self, page_size: int = 20000) -> list[str]:
        """Every passage id, without documents or metadata (cheap even at 100k)."""
        ids: list[str] = []
        offset = 0
        while True:
            got = self._passages.get(include=[], limit=page_size, offset=offset)
            if not got["ids"]:
                return ids
            ids.extend(got["ids"])
            offset += len(got["ids"])

    def passage_versions(self, passage_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """(article id, content hash) of each passage, from its metadata."""
        found: dict[str, tuple[str, str]] = {}
        for begin in range(0, len(passage_ids), WRITE_BATCH):
            got = self._passages.get(ids=list(passage_ids[begin : begin + WRITE_BATCH]), include=["metadatas"])
            for pid, meta in zip(got["ids"], got["metadatas"]):
                found[pid] = (str(meta.get("article_id", "")), str(meta.get("content_hash", "")))
        return found

    def article_versions(self) -> dict[str, tuple[str, int]]:
        """(content hash, passage count) of every article record (metadata only: not the cleaned texts)."""
        return {
            article_id: (str(meta.get("content_hash", "")), int(meta.get("chunk_count", 0)))
            for got in _pages(self._articles, ["metadatas"])
            for article_id, meta in zip(got["ids"], got["metadatas"])
        }

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


# Records read per request when reading a whole collection. Chroma reads a page's metadata with one SQL
# variable per record, and SQLite allows 32,766: a library of 154k articles (1M passages) failed in one request.
READ_PAGE = 5000


def _pages(collection: Any, include: list[str], page_size: int = READ_PAGE) -> Iterator[dict[str, Any]]:
    """A whole collection's records, `page_size` at a time."""
    offset = 0
    while True:
        got = collection.get(include=include, limit=page_size, offset=offset)
        if not got["ids"]:
            return
        yield got
        offset += len(got["ids"])


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
        pipeline_version=_optional_int(meta.get("pipeline_version")),
    )


def _listing(article_id: str, meta: dict[str, Any]) -> ArticleListing:
    return ArticleListing(
        article_id=article_id,
        title=str(meta.get("title", article_id)),
        source=str(meta.get("source", "")),
        published=meta.get("published"),
        url=meta.get("url"),
        chunk_count=int(meta.get("chunk_count", 0)),
        path=str(meta.get("path", "")),
    )


def _optional_int(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _swap_folder(staged: Path, live: Path) -> None:
    """Put the folder `staged` where `live` is; run again after a kill, it finishes the swap."""
    replaced = live.with_name(live.name + ".replaced")
    if staged.is_dir():
        if live.exists():
            shutil.rmtree(replaced, ignore_errors=True)
            os.replace(live, replaced)
        os.replace(staged, live)
    shutil.rmtree(replaced, ignore_errors=True)


class _WriteLock:
    """An exclusive lock file for write sessions, across processes (flock) and threads; re-entrant."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._handle: Any = None

    @property
    def held(self) -> bool:
        """A write session is in progress (in this process)."""
        return self._depth > 0

    @contextmanager
    def hold(self, wait_seconds: float, local_files: Callable[[Path], Any] | None = None) -> Iterator[bool]:
        """Yields True for the outermost hold; `local_files(path)` wraps creating the lock file."""
        acquired = (
            self._thread_lock.acquire(timeout=wait_seconds) if wait_seconds > 0 else self._thread_lock.acquire(blocking=False)
        )
        if not acquired:
            raise StoreBusyError(_BUSY)
        try:
            if self._depth == 0:
                if local_files is not None and self.path is not None:
                    with local_files(self.path):
                        self._acquire_file(wait_seconds)
                else:
                    self._acquire_file(wait_seconds)
            self._depth += 1
            try:
                yield self._depth == 1
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release_file()
        finally:
            self._thread_lock.release()

    def _acquire_file(self, wait_seconds: float) -> None:
        if self.path is None:
            return
        try:
            import fcntl
        except ImportError:  # not POSIX: one process at a time is then up to the user
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._handle = handle
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise StoreBusyError(_BUSY) from None
                time.sleep(0.05)

    def _release_file(self) -> None:
        if self._handle is not None:
            import fcntl

            fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


_BUSY = "Another process is writing to this store (an ingest?); try again when it has finished."
