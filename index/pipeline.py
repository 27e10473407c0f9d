"""Incremental, idempotent ingestion: files → load → clean → metadata → chunk → embed → Chroma.

Ids are stable and unique: an article's id is a readable slug of its file
name plus a hash of where the file is (index/identity.py), and each passage id
carries a hash of the article's cleaned text, metadata and chunk settings.
Discovery never leaves a folder being ingested: symbolic links out of it, and
links that loop, are skipped with a reason; a path that does not exist stops
the run before anything is written (IngestPathError). Changed articles are
embedded in groups; for each group (`PassageStore.write_articles`) the keyword
index commits the new passages and drops the articles' other versions (one
commit, unseen by questions until the end), then Chroma (1) upserts the new
passages, (2) writes the article records, in one Chroma write (every write
costs 50-75 ms here whatever its size; two writes per article took 17% of a
2,000-chunk ingest, see bench/README.md), (3) deletes each article's passages
of any other version.
A run killed anywhere leaves for each article either the old record with all
its passages or the new one with all its passages, plus perhaps passages no
record describes (of the version not recorded), which `index.repair` deletes,
and a keyword index ahead of Chroma, which it rewrites from Chroma:
no kill leaves a record short of passages. The whole run is one write session
of the store (`PassageStore.writing`): one writer at a time, and a run that did
not end cleanly is seen by the next one, which repairs the store first (`repair="if-needed"`).

Each file is read in two stages. `read_article` (load, clean, metadata,
content hash, chunk boundaries) runs for every file before the write session,
so path and file errors come first and the repair knows every article the run
is about to write. `article_passages` (sentence spans and the named entities of
the article, the expensive part) runs only for articles that changed.

Work overlaps (bench/README.md, "Ingest throughput"): a worker thread prepares
the changed articles' passages (spaCy's NER) ahead of the embedder, and another
embeds the next group while the calling thread writes the current one. Writes
stay in the calling thread, in order, so the guarantees above do not change.

Each group is one commit for readers in this process (`PassageStore.write_articles`,
which holds them off only for Chroma's three writes): a question asked meanwhile
sees the group all in or all out. `max_chunks` refuses a file that makes more passages than that
(after cleaning, before anything is embedded).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import queue
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, Sequence

from index.chunking import Chunk, chunk_text
from index.cleaning import CleanedText, clean_article, has_sentence
from index.embedder import TextEncoder, llama_embedding
from index.errors import ArticleNotCarriedError, IngestPathError
from index.identity import CURRENT_ASCII_ID_PATTERN, Namespace, article_id as id_for_path, is_current_id
from index.loaders import SUPPORTED_SUFFIXES, SkippedFile, load_document
from index.nlp import entities_by_line, entities_within
from index.metadata import MANIFEST_NAME, ArticleMetadata, read_manifest, resolve_metadata
from index.outdated import find_outdated, update_reason, version_reason
from index.sentences import split_sentences
from index.store import ArticleRecord, PassageRecord, PassageStore, passage_id
from index.vector_codec import pack

# Articles are embedded in groups of about this many chunks: large enough to
# keep the embedder's batches full, small enough that a killed run loses little.
EMBED_GROUP_CHUNKS = 256
# Part of every content hash, and recorded with every article record: bump it when
# what is stored per passage changes, so the next ingest re-processes old articles
# (wherever their files are) and questions over an old store say to run it
# (index/outdated.py).
PIPELINE_VERSION = 4  # 4: no sentence ends at a title before a name ("Capt. Renata Halvorsen"); one may at "ATMs."
# Re-keyed articles are written in groups of about this many passages (no embedding: only Chroma writes).
MIGRATE_GROUP_CHUNKS = 2000

# (chunks embedded and written, chunks to embed in this run)
ProgressCallback = Callable[[int, int], None]
ReadCallback = Callable[[Path], None]
"""`on_read(path)`: a file was read and chunked, or skipped (once per file found)."""
StoredCallback = Callable[[list[ArticleRecord]], None]
"""`on_stored(records)`: these articles are in the store, passages and records (once per group committed)."""


@dataclass(frozen=True)
class ChunkSettings:
    chunk_size: int = 230
    chunk_overlap: int = 40


@dataclass
class SkippedArticle:
    path: str
    reason: str
    chunks: int | None = None  # the passages it would have made, when `max_chunks` refused it
    estimated: bool = False  # `chunks` was estimated from the text before cleaning (TooManyChunks.estimated)


class TooManyChunks(SkippedFile):
    """A file that makes more passages than an ingest allows (`max_chunks`); `estimated`: counted from its text
    before cleaning and chunking (see EARLY_REFUSAL_FACTOR), so `chunks` is about right, not exact."""

    def __init__(self, path: Path, chunks: int, limit: int, estimated: bool = False) -> None:
        about = "about " if estimated else ""
        super().__init__(path, f"makes {about}{chunks:,} passages, more than the {limit:,} allowed")
        self.chunks = chunks
        self.limit = limit
        self.estimated = estimated


# A file whose extracted text alone would make more than this many times the passages allowed is refused
# before cleaning, the slow step for a very long file (a 9.9 MB web page: a minute here, on top of the loader's
# ~20 s). Cleaning drops whole boilerplate lines; it would have to drop more than three quarters of the text for
# such a file to fit. Files between the limit and this many times it are cleaned and chunked, and counted exactly.
EARLY_REFUSAL_FACTOR = 4


def estimated_chunks(text: str, chunks: "ChunkSettings") -> int:
    """About how many passages `text` makes: its tokens over the new tokens each chunk adds."""
    from index.tokens import count_tokens

    step = max(1, chunks.chunk_size - chunks.chunk_overlap)
    return max(1, -(-max(0, count_tokens(text) - chunks.chunk_overlap) // step))


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # articles stored under an id of an earlier scheme, re-keyed to their current id (no re-embedding)
    migrated: list[str] = field(default_factory=list)
    skipped: list[SkippedArticle] = field(default_factory=list)
    # why each updated article was written again (article id -> reason; index.outdated.update_reason)
    reasons: dict[str, str] = field(default_factory=dict)
    chunks: int = 0  # chunks embedded and written in this run
    seconds: float = 0.0
    repair: Any = None  # index.repair.RepairReport when the run checked the store first


    def as_json(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "migrated": len(self.migrated),
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
            # each updated article with its reason: a changed file, or one indexed by an older pipeline version
            "updates": [{"article_id": a, "reason": self.reasons.get(a, "")} for a in self.updated],
            "chunks": self.chunks,
            "seconds": round(self.seconds, 3),
            # what the check of the whole store before this run repaired (None: no check ran)
            "repair": self.repair.as_json() if self.repair is not None else None,
        }


@dataclass
class _PreparedArticle:
    record: ArticleRecord
    passages: list[PassageRecord]
    existed: bool


@dataclass
class Discovery:
    """What a set of paths holds: the files to ingest, what was skipped and why, and what is missing."""

    files: list[tuple[Path, Path]] = field(default_factory=list)  # (path as found, the file it resolves to)
    skipped: list[SkippedArticle] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # folders walked, resolved (for pruning)
    missing: list[str] = field(default_factory=list)  # one sentence per path that cannot be read at all


def discover_files(paths: Sequence[Path]) -> Discovery:
    """The files under `paths`, each once; nothing outside a folder being walked is read through a link."""
    found = Discovery()
    resolved_seen: dict[Path, Path] = {}
    for given in paths:
        path = Path(given).expanduser()
        if path.is_symlink() and not path.exists():
            found.missing.append(f"{shown(path)} {_link_problem(path)}")
        elif path.is_dir():
            root = path.resolve()
            found.folders.append(root)
            _walk(root, found, resolved_seen)
        elif path.is_file():
            # a file named on its own is read wherever a link to it points: the user chose it
            _add(path, path.resolve(), found, resolved_seen)
        elif path.exists():
            found.skipped.append(SkippedArticle(shown(path), "is not a regular file"))
        else:
            found.missing.append(f"{shown(path)} does not exist")
    return found


# A file name that is not UTF-8 (e.g. Latin-1 or CP1251 bytes from an old archive) reaches Python with
# surrogates for its bytes: Chroma, JSON and the terminal cannot take it, so it is skipped, shown escaped.
NOT_UTF8_REASON = "has a name that is not UTF-8 text (its bytes are shown as \\xNN); rename it to ingest it"


def shown(path: Path | str) -> str:
    """`path` as text that can be printed and stored: bytes of a name that is not UTF-8 as \\xe9."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _is_utf8(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_paths(paths: Sequence[Path]) -> None:
    """Raise IngestPathError when a path does not exist or cannot be read (cheap: call it before opening the store)."""
    missing = []
    for given in paths:
        path = Path(given).expanduser()
        if path.is_symlink() and not path.exists():
            missing.append(f"{shown(path)} {_link_problem(path)}")
        elif not path.exists():
            missing.append(f"{shown(path)} does not exist")
    _refuse_missing(missing)
    _refuse_unreadable(paths)


def _refuse_unreadable(paths: Sequence[Path]) -> None:
    """A path named on its own that this user may not read is refused, as one that does not exist is: the user
    asked for it by name (a file in a folder being ingested is skipped with its reason instead)."""
    for given in paths:
        path = Path(given).expanduser()
        # a folder must also be entered (x) to list what is in it
        wanted = os.R_OK | os.X_OK if path.is_dir() else os.R_OK
        if path.exists() and not os.access(path, wanted):
            what = "folder" if path.is_dir() else "file"
            raise IngestPathError(
                f"Nothing was ingested: you may not read the {what} {shown(path)} (permission denied); make it "
                f"readable (chmod u+r{'x' if what == 'folder' else ''}) or leave it out, and try again."
            )


def _refuse_missing(missing: Sequence[str]) -> None:
    if missing:
        others = len(missing) - 1
        more = f" (and {others} other path{'' if others == 1 else 's'})" if others else ""
        raise IngestPathError(f"Nothing was ingested: {missing[0]}{more}; check the path and try again.")


def _add(path: Path, resolved: Path, found: Discovery, resolved_seen: dict[Path, Path]) -> None:
    if not (_is_utf8(path) and _is_utf8(resolved)):
        found.skipped.append(SkippedArticle(shown(path), NOT_UTF8_REASON))
        return
    first = resolved_seen.get(resolved)
    if first is None:
        resolved_seen[resolved] = path
        found.files.append((path, resolved))
    elif path.is_symlink():
        found.skipped.append(
            SkippedArticle(shown(path), f"is a symbolic link to {shown(first)}, which is ingested under its own name")
        )
    # the same file named twice (a folder and a file in it) is ingested once, silently


def _walk(root: Path, found: Discovery, resolved_seen: dict[Path, Path]) -> None:
    """Regular files under `root` (hidden ones and manifests left out), then the links that stay inside it."""
    files: list[Path] = []
    links: list[Path] = []

    def unreadable(error: OSError) -> None:
        found.skipped.append(SkippedArticle(shown(error.filename), f"could not be read: {error.strerror or error}"))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable):  # never follows links to folders
        here = Path(folder)
        subfolders = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if (here / name).is_symlink():
                links.append(here / name)
            else:
                subfolders.append(name)
        dirnames[:] = subfolders
        for name in sorted(filenames):
            if name.startswith(".") or name == MANIFEST_NAME:
                continue
            entry = here / name
            if entry.is_symlink():
                links.append(entry)
            elif entry.is_file():
                files.append(entry)
            else:
                found.skipped.append(SkippedArticle(shown(entry), "is not a regular file"))
    for entry in sorted(files):
        _add(entry, entry, found, resolved_seen)  # root is resolved and no link was followed: entry is its own target
    for link in sorted(links):
        target = _link_target(link)
        if target is None:
            found.skipped.append(SkippedArticle(shown(link), _link_problem(link)))
        elif not target.is_relative_to(root):
            found.skipped.append(
                SkippedArticle(shown(link), f"is a symbolic link to {shown(target)}, outside the folder being ingested; "
                               "copy the file into the folder to ingest it")
            )
        elif target.is_dir():
            reason = (
                "is a symbolic link to a folder that contains it (a loop)"
                if link.parent.is_relative_to(target)
                else "is a symbolic link to a folder inside the one being ingested, whose files are read from there"
            )
            found.skipped.append(SkippedArticle(shown(link), reason))
        elif not target.is_file():
            found.skipped.append(SkippedArticle(shown(link), "is a symbolic link to something that is not a regular file"))
        else:
            _add(link, target, found, resolved_seen)
    found.files.sort(key=lambda pair: pair[0])


def _link_target(link: Path) -> Path | None:
    try:
        return link.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: Python < 3.13 reports a symlink loop so
        return None


def _link_problem(link: Path) -> str:
    """Why a link that cannot be resolved is no file: a loop, or a target that does not exist."""
    try:
        link.resolve(strict=True)
    except RuntimeError:
        return "is a symbolic link that loops back on itself"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link that loops back on itself"
    return f"is a broken symbolic link (its target {shown(os.readlink(link))} does not exist)"


def content_hash(text: str, metadata: dict[str, Any], chunks: ChunkSettings) -> str:
    payload = json.dumps(
        [PIPELINE_VERSION, text, metadata, chunks.chunk_size, chunks.chunk_overlap], ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass
class ReadArticle:
    """A file loaded, cleaned, described and cut into chunks: enough to decide whether it changed.

    Its passages (sentence spans, named entities) come from `article_passages`.
    """

    record: ArticleRecord
    pieces: list[Chunk]


def read_article(
    path: Path,
    article_id: str,
    manifest: dict[str, dict[str, Any]],
    chunks: ChunkSettings,
    max_bytes: int,
    max_chunks: int | None = None,
) -> ReadArticle:
    """Load, clean, describe and chunk one file (no NER, no embedding). Raises SkippedFile (TooManyChunks
    when it makes more than `max_chunks` passages)."""
    loaded = load_document(path, max_bytes=max_bytes)
    if max_chunks is not None:
        estimate = estimated_chunks(loaded.text, chunks)
        if estimate > EARLY_REFUSAL_FACTOR * max_chunks:
            raise TooManyChunks(path, estimate, max_chunks, estimated=True)
    cleaned = clean_article(loaded.text)
    if not cleaned.text.strip():
        raise SkippedFile(path, "has no article text left after removing boilerplate")
    if path.suffix.lower() in HTML_SUFFIXES:
        _refuse_page_without_article(path, cleaned)
    meta = resolve_metadata(path.name, cleaned.text, manifest.get(path.name), loaded.metadata, header_text=loaded.text)
    return _read(article_id, str(path.resolve()), cleaned, loaded.text, meta, chunks, max_chunks)


HTML_SUFFIXES = (".html", ".htm")


def _refuse_page_without_article(path: Path, cleaned: CleanedText) -> None:
    """A web page whose text holds no sentence (menus, links, a footer) is no article: the extractor returns
    what it finds on any page, and a page of links gives "Home"."""
    if not has_sentence(cleaned.text):
        raise SkippedFile(path, f"has no sentence of article text (the page reads “{_glimpse(cleaned.text)}”)")


def _glimpse(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def read_stored_article(stored: ArticleRecord, chunks: ChunkSettings) -> ReadArticle:
    """Read an article again from the copy of its text the store keeps (its file is gone), keeping its
    metadata: what the manifest or the file said cannot be read again."""
    raw_text = stored.raw_text or stored.text
    cleaned = clean_article(raw_text)
    if not cleaned.text.strip():  # the rules changed so much that nothing is left: keep the text as it was cleaned
        cleaned = CleanedText(text=stored.text, removed=(), segments=stored.segments)
        raw_text = stored.raw_text
    meta = ArticleMetadata(title=stored.title, publisher=stored.source, published=stored.published, url=stored.url)
    return _read(stored.article_id, stored.path, cleaned, raw_text, meta, chunks)


def _read(
    article_id: str, path: str, cleaned: CleanedText, raw_text: str, meta: ArticleMetadata, chunks: ChunkSettings,
    max_chunks: int | None = None,
) -> ReadArticle:
    """A cleaned and described article, hashed and cut into chunks."""
    meta_dict = {"title": meta.title, "source": meta.publisher, "published": meta.published, "url": meta.url}
    digest = content_hash(cleaned.text, meta_dict, chunks)
    pieces = chunk_text(cleaned.text, chunks.chunk_size, chunks.chunk_overlap)
    if max_chunks is not None and len(pieces) > max_chunks:
        raise TooManyChunks(Path(path), len(pieces), max_chunks)
    record = ArticleRecord(
        article_id=article_id,
        title=meta.title,
        source=meta.publisher,
        published=meta.published,
        url=meta.url,
        content_hash=digest,
        chunk_count=len(pieces),
        path=path,
        text=cleaned.text,
        raw_text=raw_text,
        segments=cleaned.segments,
        pipeline_version=PIPELINE_VERSION,
    )
    return ReadArticle(record, pieces)


def article_passages(article: ReadArticle) -> list[PassageRecord]:
    """The passages of a read article: each chunk with its sentence spans and named entities."""
    record = article.record
    # once per article, not per chunk: chunks overlap
    (entities,) = entities_by_line([record.text])
    return [
        PassageRecord(
            passage_id=passage_id(record.article_id, record.content_hash, piece.index),
            article_id=record.article_id,
            text=piece.text,
            start=piece.start,
            end=piece.end,
            chunk_index=piece.index,
            title=record.title,
            source=record.source,
            published=record.published,
            url=record.url,
            content_hash=record.content_hash,
            sentence_spans=tuple(split_sentences(piece.text)),
            entities=tuple(entities_within(entities, piece.start, piece.end)),
        )
        for piece in article.pieces
    ]


def prepare_article(
    path: Path, article_id: str, manifest: dict[str, dict[str, Any]], chunks: ChunkSettings, max_bytes: int
) -> tuple[ArticleRecord, list[PassageRecord]]:
    """Load, clean, describe and chunk one file, with its passages' entities (no embedding). Raises SkippedFile."""
    article = read_article(path, article_id, manifest, chunks, max_bytes)
    return article.record, article_passages(article)


def _is_complete(store: PassageStore, record: ArticleRecord, stored: ArticleRecord | None) -> bool:
    """`stored` is `record` with all its passages, written by this pipeline version. A record that names no
    version is current when its content hash is (the version is part of the hash): it only needs the version."""
    if stored is None or stored.content_hash != record.content_hash:
        return False
    if stored.pipeline_version not in (None, PIPELINE_VERSION):
        return False
    return store.passage_ids(record.article_id) == store.passage_ids(record.article_id, record.content_hash) and len(
        store.passage_ids(record.article_id, record.content_hash)
    ) == record.chunk_count


def _groups(articles: Iterable[_PreparedArticle], group_chunks: int) -> Iterable[list[_PreparedArticle]]:
    group: list[_PreparedArticle] = []
    size = 0
    for article in articles:
        group.append(article)
        size += len(article.passages)
        if size >= group_chunks:
            yield group
            group, size = [], 0
    if group:
        yield group


GiveWay = Callable[[], object]
"""Called at an ingest's checkpoints (`ingest`'s `give_way`); may wait, must return."""

_PREPARED_AHEAD = 64  # articles whose passages are prepared ahead of the embedder
_DONE = object()


def _prepare(
    pending: Sequence[tuple[ReadArticle, bool]], background: bool, give_way: GiveWay | None = None
) -> Iterator[_PreparedArticle]:
    """Each changed article with its passages (`article_passages`), in order; in the background, from a
    worker thread that keeps ahead, so spaCy's NER of the next articles overlaps with embedding
    (onnxruntime releases the GIL) and with the writes. Errors are re-raised here."""

    def prepared(article: ReadArticle, existed: bool) -> _PreparedArticle:
        if give_way:
            give_way()
        return _PreparedArticle(article.record, article_passages(article), existed)

    if not background:
        yield from (prepared(article, existed) for article, existed in pending)
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
            for article, existed in pending:
                if stop.is_set():
                    return
                put(prepared(article, existed))
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
    groups: Iterable[list[_PreparedArticle]], make_embed: Callable[[], "EmbedFunction"], ahead: bool,
    give_way: GiveWay | None = None,
) -> Iterator[tuple[list[_PreparedArticle], Sequence[Sequence[float]], list[PassageRecord]]]:
    """Each group with its vectors and passages, in order; with `ahead`, a worker thread embeds the
    next group while the caller writes this one. The embedder is made at the first group (for the
    OpenAI backend that imports llama-index, 1.4 s, which an ingest with nothing to embed skips).
    `give_way` is called by the thread that embeds, before each group."""
    embed: EmbedFunction | None = None
    if give_way:
        make_embed = _giving_way_first(make_embed, give_way)
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


def _giving_way_first(make_embed: Callable[[], "EmbedFunction"], give_way: GiveWay) -> Callable[[], "EmbedFunction"]:
    def make() -> "EmbedFunction":
        embed = make_embed()

        def embed_after_giving_way(passages: list[PassageRecord]) -> tuple[Sequence[Sequence[float]], list[PassageRecord]]:
            give_way()
            return embed(passages)

        return embed_after_giving_way

    return make


def _finished(value: Any) -> "Future[Any]":
    future: Future[Any] = Future()
    future.set_result(value)
    return future


RepairMode = Literal["always", "if-needed", "never"]
"""When an ingest checks the whole store first (`ingest`'s `repair`)."""


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
    namespaces: Sequence[Namespace] = (),
    repair: "RepairMode | bool" = False,
    overlap: bool = True,
    refresh_outdated: bool = False,
    max_chunks: int | None = None,
    on_read: ReadCallback | None = None,
    on_stored: StoredCallback | None = None,
    group_chunks: int | None = None,
    give_way: GiveWay | None = None,
    carry: Sequence[ArticleRecord] = (),
) -> IngestReport:
    """Bring the store in line with the files under `paths`; see the module docstring for the guarantees.

    `namespaces` are the folders whose files are keyed by their place inside them
    (uploads, the managed articles folder; see index/identity.py). Raises
    IngestPathError, before writing anything, when a path does not exist.
    `repair`: check the whole store first (`index.repair.repair_store`): "always" (or True: `rag ingest
    --check`), "if-needed" (`rag ingest`: only when the last write session did not end cleanly, which is
    when a check can find something; a check reads every article, O(library) per ingest), "never" (or
    False: an upload of a few files leaves it to the next `rag ingest` or app start).
    `overlap=False` runs preparing passages, embedding and writing one after another in
    this thread, as before they overlapped (bench/ingest_bench.py compares); the store ends the same.
    `refresh_outdated`: also process again every stored article written by another pipeline
    version (index/outdated.py), from its file when it is still there, else from the text the
    store keeps; they are reported as updated, with the reason.
    `max_chunks`: skip a file making more passages (uploads); `on_read` / `on_stored`: see their types;
    `group_chunks`: passages embedded and committed together (default EMBED_GROUP_CHUNKS; smaller: readers
    see articles sooner, at the cost of more writes).
    `give_way`: called at each checkpoint (before an article's passages are prepared, a group embedded, a
    group committed; never inside a commit) by the thread at it; a background ingest passes one that waits
    a bounded time while questions are being answered (rag/questions_in_flight.py).
    `carry`: articles of another store (the one a rebuild replaces, index/rebuild.py) to write too, under
    their ids, unless this run's files cover them or pruning removes them: read again from their files,
    else from the text that store kept; one that gives no text raises ArticleNotCarriedError before any write.
    """
    started = time.perf_counter()
    report = IngestReport()
    found = discover_files(paths)
    _refuse_missing(found.missing)
    _refuse_unreadable(paths)
    for skipped in found.skipped:
        report.skipped.append(skipped)
        if on_skip:
            on_skip(skipped)

    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    read: list[ReadArticle] = []
    seen_ids: set[str] = set()
    ingested: dict[str, str] = {}  # stored path -> article id, for every file read this run
    for path, resolved in found.files:
        article_id = id_for_path(resolved, namespaces)
        folder = path.parent
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
        try:
            if article_id in seen_ids:  # two files, one id: only a hash collision can do this
                raise SkippedFile(path, f"has the same article id ({article_id}) as another file of this ingest; rename one")
            article = read_article(path, article_id, manifests[folder], chunks, max_bytes, max_chunks)
        except SkippedFile as skip:
            too_many = skip if isinstance(skip, TooManyChunks) else None
            skipped = SkippedArticle(str(path), skip.reason, too_many.chunks if too_many else None,
                                     too_many.estimated if too_many else False)
            report.skipped.append(skipped)
            if on_skip:
                on_skip(skipped)
            if on_read:
                on_read(path)
            continue
        if on_read:
            on_read(path)
        seen_ids.add(article_id)
        ingested[article.record.path] = article_id
        read.append(article)

    mode = {True: "always", False: "never"}.get(repair, repair) if isinstance(repair, bool) else repair
    if mode not in ("always", "if-needed", "never"):
        raise ValueError(f"repair must be 'always', 'if-needed' or 'never', not {repair!r}")
    pruned = found.folders if prune else []

    def to_be_removed(record: ArticleRecord) -> bool:  # as _stale_articles decides, below
        stored = Path(record.path)
        return record.path in ingested or any(stored.is_relative_to(folder) for folder in pruned)

    read.extend(_read_carried(carry, seen_ids, to_be_removed, manifests, chunks, max_bytes))
    with store.writing():
        # before this session writes: whether the last one ended cleanly (then a check finds nothing to repair)
        check = mode == "always" or (mode == "if-needed" and not store.is_verified())
        _migrate_legacy_ids(store, namespaces, report)
        if refresh_outdated:
            read.extend(_read_outdated(store, seen_ids, to_be_removed, manifests, chunks, max_bytes, report, on_skip))
        if check:
            from index.repair import repair_store

            report.repair = repair_store(store, redoing={a.record.article_id: a.record.content_hash for a in read})
        pending: list[tuple[ReadArticle, bool]] = []  # (article, whether a version of it is stored)
        relocated: list[ArticleRecord] = []
        for article in read:
            record = article.record
            stored = store.article(record.article_id)
            if _is_complete(store, record, stored):
                if stored is not None and (stored.path != record.path or stored.pipeline_version is None):
                    # same place in its namespace, folder moved: keep the record's path true;
                    # or current passages under a record that names no version: record it
                    relocated.append(record)
                report.unchanged.append(record.article_id)
                continue
            if stored is not None:
                report.reasons[record.article_id] = update_reason(stored, record, PIPELINE_VERSION)
            pending.append((article, stored is not None))
        if relocated:
            store.put_articles(relocated)
        read = []

        total = sum(article.record.chunk_count for article, _ in pending)
        done = 0
        if progress:
            progress(0, total)
        prepared = _prepare(pending, background=overlap, give_way=give_way)
        groups = _groups(prepared, group_chunks or EMBED_GROUP_CHUNKS)
        embedded = _embedded_groups(groups, lambda: _embedding_function(encoder), ahead=overlap, give_way=give_way)
        try:
            for group, vectors, passages in embedded:
                if give_way:
                    give_way()
                # questions in this process see the group all in or all out
                store.write_articles([article.record for article in group], passages, vectors)
                if on_stored:
                    on_stored([article.record for article in group])
                for article in group:
                    (report.updated if article.existed else report.added).append(article.record.article_id)
                report.chunks += len(passages)
                done += len(passages)
                if progress:
                    progress(done, total)
        finally:  # a failed write stops the worker threads now, not when the traceback is collected
            embedded.close()
            prepared.close()

        if prune or report.added:
            # without prune only records stored from the files read this run can be stale: read just those
            records = store.article_records() if prune else store.articles_at(list(ingested))
            stale = _stale_articles(records, found.folders if prune else [], seen_ids, ingested)
            store.delete_articles(stale)
            report.removed.extend(stale)
        # the session's end bumps the store's revision if anything was written
    report.seconds = time.perf_counter() - started
    return report


def _read_outdated(
    store: PassageStore,
    seen_ids: set[str],
    to_be_removed: Callable[[ArticleRecord], bool],
    manifests: dict[Path, dict[str, dict[str, Any]]],
    chunks: ChunkSettings,
    max_bytes: int,
    report: IngestReport,
    on_skip: Callable[[SkippedArticle], None] | None,
) -> list[ReadArticle]:
    """The stored articles written by another pipeline version that this run's files do not cover, read
    again under their ids (`read_again`). Articles this run removes (their files gone from a folder being
    pruned) are left to that."""
    outdated = sorted(find_outdated(store, PIPELINE_VERSION).ids - seen_ids)
    read: list[ReadArticle] = []
    for article_id in outdated:
        stored = store.article(article_id)
        if stored is None or (stored.path and to_be_removed(stored)):
            continue
        article = read_again(stored, manifests, chunks, max_bytes)
        if not article.pieces:
            skipped = SkippedArticle(
                stored.path or article_id,
                f"{version_reason(stored.pipeline_version, PIPELINE_VERSION)} and could not be processed again; "
                "ingest its file again or delete it",
            )
            report.skipped.append(skipped)
            if on_skip:
                on_skip(skipped)
            continue
        seen_ids.add(article_id)
        read.append(article)
    return read


def read_again(
    stored: ArticleRecord, manifests: dict[Path, dict[str, dict[str, Any]]], chunks: ChunkSettings, max_bytes: int
) -> ReadArticle:
    """A stored article read again under its id: from its file when it is still there and reads, else from
    the store's copy of its text. Its `pieces` are empty when neither gives any text."""
    path = Path(stored.path) if stored.path else None
    try:
        if path is None or not path.is_file():
            raise SkippedFile(path or Path(stored.article_id), "is gone")
        if path.parent not in manifests:
            manifests[path.parent] = read_manifest(path.parent)
        return read_article(path, stored.article_id, manifests[path.parent], chunks, max_bytes)
    except SkippedFile:
        # the file is gone or no longer reads: the store keeps the article's text, which is enough
        return read_stored_article(stored, chunks)


def _read_carried(
    carried: Sequence[ArticleRecord],
    seen_ids: set[str],
    to_be_removed: Callable[[ArticleRecord], bool],
    manifests: dict[Path, dict[str, dict[str, Any]]],
    chunks: ChunkSettings,
    max_bytes: int,
) -> list[ReadArticle]:
    """The articles of `ingest`'s `carry` that this run's files do not cover and that it does not remove,
    read again (`read_again`). Raises ArticleNotCarriedError, before anything is written, for one that
    gives no text: a rebuild that left it out would lose it."""
    read: list[ReadArticle] = []
    for stored in carried:
        if stored.article_id in seen_ids or (stored.path and to_be_removed(stored)):
            continue
        article = read_again(stored, manifests, chunks, max_bytes)
        if not article.pieces:
            raise ArticleNotCarriedError(
                f"Nothing was rebuilt: the stored article {stored.article_id} has no text to embed again, in its "
                f"file or in the store; delete it (`rag delete {stored.article_id}`) and run `rag ingest --rebuild` again."
            )
        seen_ids.add(stored.article_id)
        read.append(article)
    return read


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


def _stale_articles(
    records: Sequence[ArticleRecord], folders: Sequence[Path], seen_ids: set[str], ingested: dict[str, str]
) -> list[str]:
    """Articles to remove: stored from one of `folders` but not ingested this run (deleted or now skipped),
    or read from a file ingested this run under another id (an id from before a namespace changed)."""
    stale: list[str] = []
    for record in records:
        if record.article_id in seen_ids or not record.path:
            continue
        stored_path = Path(record.path)
        if record.path in ingested or any(stored_path.is_relative_to(folder) for folder in folders):
            stale.append(record.article_id)
    return stale


def _migrate_legacy_ids(store: PassageStore, namespaces: Sequence[Namespace], report: IngestReport) -> None:
    """Re-key articles stored under an earlier id scheme (the file name relative to the folder ingested).

    Their passages are copied under the new id with their stored vectors (nothing
    is embedded), then the new records are written, then the old articles
    deleted, a group at a time: a run killed half-way leaves an old article (done
    again next run) or both (the old one deleted next run, as a duplicate). An
    old record whose new id is taken already (e.g. two old ids for one file) is
    a duplicate and is deleted.
    """
    keyword = store.keyword
    if keyword is not None and store.is_verified() and not keyword.has_article_ids_outside(CURRENT_ASCII_ID_PATTERN):
        return  # the keyword index matches the records (the last write ended cleanly): every id is current
    stored_ids = store.article_ids()
    legacy = {i for i in stored_ids if not is_current_id(i)}
    if not legacy:
        return
    taken = set(stored_ids) - legacy
    plan: list[tuple[ArticleRecord, str]] = []
    duplicates: list[str] = []
    for record in store.article_records():
        if record.article_id not in legacy or not record.path:
            continue  # current, or nothing to key it by: it keeps its id
        new_id = id_for_path(Path(record.path), namespaces)
        if new_id in taken:
            duplicates.append(record.article_id)
        else:
            taken.add(new_id)
            plan.append((record, new_id))
    if duplicates:
        store.delete_articles(duplicates)
        report.removed.extend(duplicates)

    group: list[tuple[ArticleRecord, str]] = []
    size = 0
    for entry in plan:
        group.append(entry)
        size += entry[0].chunk_count
        if size >= MIGRATE_GROUP_CHUNKS or entry is plan[-1]:
            _rekey_group(store, group, report)
            group, size = [], 0


def _rekey_group(store: PassageStore, group: Sequence[tuple[ArticleRecord, str]], report: IngestReport) -> None:
    """Copy one group of old-id articles under their new ids (stored vectors reused), then delete the old ones."""
    old_ids = [record.article_id for record, _ in group]
    passage_ids = sorted(store.passage_ids_where({"article_id": {"$in": old_ids}}))
    stored = store.passages_by_id(passage_ids)
    vectors = store.passage_vectors(passage_ids)
    per_article: dict[str, list[PassageRecord]] = {}
    for passage in stored.values():
        per_article.setdefault(passage.article_id, []).append(passage)
    passages: list[PassageRecord] = []
    passage_vectors: list[list[float]] = []
    records: list[ArticleRecord] = []
    for record, new_id in group:
        mine = sorted(
            (p for p in per_article.get(record.article_id, []) if p.content_hash == record.content_hash),
            key=lambda p: p.chunk_index,
        )
        if len(mine) != record.chunk_count or any(p.passage_id not in vectors for p in mine):
            continue  # incomplete: left as it is; ingesting its file again replaces it
        for passage in mine:
            passages.append(
                replace(passage, passage_id=passage_id(new_id, passage.content_hash, passage.chunk_index), article_id=new_id)
            )
            passage_vectors.append(vectors[passage.passage_id])
        records.append(replace(record, article_id=new_id))
    if not records:
        return
    store.upsert_passages(passages, passage_vectors)
    store.put_articles(records)
    done = {record.article_id for record in records}
    store.delete_articles([old for old, (_, new_id) in zip(old_ids, group) if new_id in done])
    report.migrated.extend(record.article_id for record in records)
