"""The article library behind the configured store: open it, ingest files, delete and list articles.

`rag ingest`, `rag delete`, `rag serve`'s first start, the Library tab, the
evaluation and the benchmarks all go through here, so each operation means the
same everywhere:

- `ingest_paths(settings, paths)` is `rag ingest`: the articles folder when no
  path is given (pruned: articles whose files are gone are removed), the whole
  store checked and repaired first when the last write did not end cleanly (always
  with `check`), progress reported through callbacks;
- `Library.ingest` adds files to an open library (uploads): no pruning, and the
  store-wide check is left to the next `rag ingest` or app start;
- `Library.delete` removes articles with their passages, and the copy of an
  uploaded file;
- `Library.edit_metadata` changes an article's title, publisher, date or url:
  written to the `manifest.json` beside its file (which outranks what the file
  says), then that one file is ingested again;
- `open_assistant(settings, articles)` opens the store for answering and, when
  it is empty, ingests `articles` first. Empty has one meaning: no article is
  indexed (no store yet, or every article deleted).

Nothing here prints: callers draw progress bars and say what happened.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from index.dates import iso_date
from index.errors import IndexEmptyError, IngestPathError, SourcedError
from index.metadata import (
    MANIFEST_NAME,
    ManifestUnreadableError,
    remove_manifest_entry,
    restore_manifest,
    update_manifest_entry,
)
from index.pipeline import (
    GiveWay, IngestReport, ReadCallback, RepairMode, SkippedArticle, StoredCallback, check_paths, ingest,
)
from index.store import ArticleListing, ArticlePage, ArticleRecord, PassageStore
from rag import messages
from rag.errors import InvalidRequestError
from rag.messages import ARTICLE_NOT_FOUND, ARTICLES_DIR_MISSING
from rag.services import (
    UPLOAD_ID_PREFIX,
    UPLOADS_FOLDER,
    article_id_for,
    build_encoder,
    build_store,
    chunk_settings,
    id_namespaces,
    keyword_index_dir,
    open_store_for_reading,
    store_exists,
    uploads_dir,
)
from rag.settings import Settings

__all__ = [
    "ArticleListing", "ArticleNotFoundError", "ArticlePage", "ArticleRecord", "DeletedArticle", "EditedArticle", "IngestReport", "InvalidMetadataError",
    "Library", "MetadataNotSavedError", "OpenedAssistant", "SkippedArticle", "metadata_changes", "ingest_paths", "open_assistant", "remove_uploaded_copy", "repair_summary", "status",
]

if TYPE_CHECKING:
    from index.embedder import TextEncoder
    from index.repair import RepairReport
    from rag.assistant import Assistant

logger = logging.getLogger(__name__)

# A rebuild stopped before its new index replaced the one in use, which stays whole (index/rebuild.py).
UNFINISHED_REBUILD = (
    "A rebuild of the index was interrupted ({articles} re-embedded so far; the index in use is whole); "
    "run `rag ingest --rebuild` to finish it."
)
INTERRUPTED_REBUILD = (
    "Interrupted: the index in use is as it was, with every article; run `rag ingest --rebuild` again to finish "
    "the rebuild (it goes on from where it stopped)."
)
INTERRUPTED_INGEST = (
    "Interrupted: the articles ingested so far are kept; run the same `rag ingest` again to add the rest."
)

ProgressCallback = Callable[[int, int], None]
"""`progress(done, total)`: chunks embedded so far, of those this run embeds."""
SkipCallback = Callable[[SkippedArticle], None]
"""`on_skip(skipped)`: a file left out, with its reason, as it is met."""


class ArticleNotFoundError(SourcedError):
    """No indexed article has the id given."""

    exit_code = 2


class InvalidMetadataError(InvalidRequestError):
    """An edited title, publisher, date or url can't be stored (nothing was written)."""


class MetadataNotSavedError(SourcedError):
    """The edit was valid but could not be saved: the manifest is unreadable or unwritable, or the file unreadable."""


# Longer than these, a value is pasted text, not a title or a publisher's name.
MAX_EDITED_TITLE_CHARS = 300
MAX_EDITED_PUBLISHER_CHARS = 200
MAX_EDITED_URL_CHARS = 2000


@dataclass(frozen=True)
class EditedArticle:
    """An article whose details were edited: its record before and after, and the manifest that holds the edit."""

    before: ArticleRecord
    record: ArticleRecord
    manifest: Path
    changes: dict[str, str | None] = field(default_factory=dict)  # what was written (None: that field cleared)

    @property
    def changed(self) -> bool:
        """The stored details differ from before (an edit that restates them changes nothing)."""
        fields = ("title", "source", "published", "url")
        return any(getattr(self.before, f) != getattr(self.record, f) for f in fields)

    def as_json(self) -> dict[str, object]:
        return {**self.record.summary(), "manifest": str(self.manifest), "changed": self.changed}


def metadata_changes(
    title: str | None = None, publisher: str | None = None, published: object = None, url: str | None = None
) -> dict[str, str | None]:
    """The manifest fields an edit sets, checked: None leaves a field as it is; an empty string clears the
    manifest's value (the field falls back to what the file says); the date comes out YYYY-MM-DD.
    Raises InvalidMetadataError, with one sentence, for the first value that can't be stored."""
    changes: dict[str, str | None] = {}
    for name, value, limit in (
        ("title", title, MAX_EDITED_TITLE_CHARS),
        ("publisher", publisher, MAX_EDITED_PUBLISHER_CHARS),
        ("url", url, MAX_EDITED_URL_CHARS),
    ):
        if value is None:
            continue
        text = " ".join(str(value).split())  # a pasted line break or tab is a space, as the readers make it
        if len(text) > limit:
            raise InvalidMetadataError(messages.METADATA_TOO_LONG.format(field=name, length=len(text), limit=limit))
        changes[name] = text or None
    if changes.get("url"):
        parts = urlsplit(str(changes["url"]))
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in str(changes["url"]):
            raise InvalidMetadataError(messages.METADATA_BAD_URL.format(value=str(url).strip()))
    if published is not None:
        if isinstance(published, str) and not published.strip():
            changes["published"] = None
        else:
            day = iso_date(published)  # the one date rule of the project: ambiguous or partial dates are refused
            if day is None:
                raise InvalidMetadataError(messages.METADATA_BAD_DATE.format(value=str(published).strip()))
            changes["published"] = day
    return changes


@dataclass(frozen=True)
class DeletedArticle:
    """An article removed from the library: its record as it was, and what became of its file."""

    record: ArticleRecord
    passages: int
    file_removed: bool  # the uploaded copy under RAG_DATA_DIR/uploads/ was deleted
    file_remains: bool  # a file outside uploads/ still exists: ingesting it again adds the article back

    def as_json(self) -> dict[str, object]:
        return {
            "article_id": self.record.article_id,
            "title": self.record.title,
            "path": self.record.path,
            "passages": self.passages,
            "file_removed": self.file_removed,
        }


class Library:
    """The articles of one store: list, ingest, delete. Collaborators are passed in; see `open`."""

    def __init__(self, settings: Settings, store: PassageStore, encoder: "TextEncoder") -> None:
        self.settings = settings
        self.store = store
        self.encoder = encoder

    @classmethod
    def open(cls, settings: Settings, encoder: "TextEncoder | None" = None) -> "Library":
        """The configured store, opened for reading (raises IndexEmptyError when there is none yet)."""
        encoder = encoder or build_encoder(settings)
        return cls(settings, open_store_for_reading(settings, encoder), encoder)

    # --- reading ---------------------------------------------------------------
    def is_empty(self) -> bool:
        """No article is indexed: what "empty" means for every caller."""
        return self.store.article_count() == 0

    def articles(self) -> list[ArticleRecord]:
        """Every article with its texts: a read of the whole library (`page` lists it a page at a time)."""
        return self.store.article_records()

    def article(self, article_id: str) -> ArticleRecord | None:
        return self.store.article(article_id)

    def page(self, offset: int = 0, limit: int = 50, contains: str = "", uploads_only: bool = False) -> ArticlePage:
        """`limit` articles from `offset`, newest publication date first (undated last), with how many match and
        how many there are; `contains`: a piece of the title or publisher, in any case; `uploads_only`: only
        articles uploaded through the app. Reads only the page's records, whatever the library's size."""
        prefix = f"{UPLOAD_ID_PREFIX}/" if uploads_only else ""
        return self.store.article_page(offset, limit, contains=contains, id_prefix=prefix)

    def upload_name_taken(self, name: str) -> bool:
        """Whether a new upload may not be saved as `name`: a file of that name is in the uploads folder, or an
        uploaded article was read from a file of that name (since deleted). One id lookup, not a list of the
        library: an upload's id is a function of its name (index/identity.py)."""
        path = uploads_dir(self.settings) / name
        if path.exists():
            return True
        return bool(self.store.existing_article_ids([article_id_for(self.settings, path)]))

    # --- writing ---------------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[Path],
        *,
        prune: bool = False,
        progress: ProgressCallback | None = None,
        on_skip: SkipCallback | None = None,
        repair: "RepairMode | bool" = False,
        refresh_outdated: bool = False,
        max_chunks: int | None = None,
        on_read: ReadCallback | None = None,
        on_stored: StoredCallback | None = None,
        group_chunks: int | None = None,
        give_way: GiveWay | None = None,
    ) -> IngestReport:
        """Add or update the files under `paths` (see index.pipeline.ingest for the guarantees);
        `refresh_outdated`: also process again the articles an older pipeline version wrote.

        `max_chunks` skips a file that makes more passages (uploads: RAG_MAX_UPLOAD_CHUNKS); `on_read` is
        called as each file is read, `on_stored` as each group of articles is in the store, `group_chunks`
        sets how many passages go in one commit, `give_way` is called at the ingest's checkpoints (uploads:
        `Assistant.questions.give_way`, to wait a little while questions are answered). Questions asked meanwhile in this process see each
        commit whole (PassageStore.reading)."""
        return ingest(
            paths,
            self.store,
            self.encoder,
            chunks=chunk_settings(self.settings),
            max_bytes=self.settings.max_file_bytes,
            prune=prune,
            progress=progress,
            on_skip=on_skip,
            namespaces=id_namespaces(self.settings),
            repair=repair,
            refresh_outdated=refresh_outdated,
            max_chunks=max_chunks,
            on_read=on_read,
            on_stored=on_stored,
            group_chunks=group_chunks,
            give_way=give_way,
        )

    def delete(self, article_ids: Sequence[str]) -> list[DeletedArticle]:
        """Remove these articles and their passages, and the uploaded copies of uploaded ones.

        Every id is checked first: an unknown one raises ArticleNotFoundError and
        nothing is deleted.
        """
        wanted = list(dict.fromkeys(article_ids))
        records: list[ArticleRecord] = []
        for article_id in wanted:
            record = self.store.article(article_id)
            if record is None:
                raise ArticleNotFoundError(ARTICLE_NOT_FOUND.format(article_id=article_id))
            records.append(record)
        with self.store.writing():
            if len(records) == 1:
                counts = {records[0].article_id: self.store.delete_article(records[0].article_id)}
            else:
                self.store.delete_articles(wanted)
                counts = {record.article_id: record.chunk_count for record in records}
        deleted = []
        for record in records:
            try:
                removed = remove_uploaded_copy(self.settings.data_dir, record.path)
            except OSError as failure:  # the article is gone from the index either way
                logger.warning("could not remove %s: %s", record.path, failure)
                removed = False
            remains = not removed and bool(record.path) and Path(record.path).is_file()
            deleted.append(DeletedArticle(record, counts[record.article_id], removed, remains))
        return deleted

    def edit_metadata(
        self,
        article_id: str,
        *,
        title: str | None = None,
        publisher: str | None = None,
        published: object = None,
        url: str | None = None,
    ) -> EditedArticle:
        """Change an article's title, publisher, publication date or url, and ingest its file again.

        The values are checked as `metadata_changes` says (None: leave the field; "": clear the
        manifest's value so the file's own, or the inferred one, applies). They are written to the
        entry for the article's file in the `manifest.json` of its folder (for an upload, the uploads
        folder), created if missing, other entries kept, replaced in one step; then that one file is
        ingested again, so its passages and every answer's citations carry the new details.
        An unknown id raises ArticleNotFoundError, a value that can't be stored InvalidMetadataError,
        and in both cases nothing is written; if the write or the ingest fails, the manifest is put
        back as it was (MetadataNotSavedError).
        """
        before = self.store.article(article_id)
        if before is None:
            raise ArticleNotFoundError(ARTICLE_NOT_FOUND.format(article_id=article_id))
        changes = metadata_changes(title, publisher, published, url)
        path = Path(before.path)
        manifest = path.parent / MANIFEST_NAME
        if not before.path or not path.is_file():
            raise InvalidMetadataError(messages.METADATA_FILE_GONE.format(title=before.title, path=before.path or "?"))
        if article_id_for(self.settings, path) != article_id:  # ingesting the file would add a second article
            raise InvalidMetadataError(messages.METADATA_ID_MOVED.format(title=before.title))
        if not changes:
            return EditedArticle(before, before, manifest)
        try:
            previous = update_manifest_entry(path.parent, path.name, changes)
        except ManifestUnreadableError as problem:
            raise MetadataNotSavedError(
                messages.METADATA_MANIFEST_UNREADABLE.format(title=before.title, problem=problem)
            ) from problem
        except OSError as failure:
            raise MetadataNotSavedError(
                messages.METADATA_NOT_WRITTEN.format(title=before.title, path=manifest, reason=failure.strerror or failure)
            ) from failure
        try:
            report = self.ingest([path])
            if report.skipped:
                raise MetadataNotSavedError(
                    messages.METADATA_NOT_REINGESTED.format(title=before.title, reason=report.skipped[0].reason.rstrip("."))
                )
        except BaseException:
            restore_manifest(path.parent, previous)  # the store still shows the old details: so must the manifest
            raise
        after = self.store.article(article_id) or before
        return EditedArticle(before, after, manifest, changes)

    def repair_if_needed(self, trigger: str) -> "RepairReport | None":
        """Repair what an interrupted write left (cheap when the last write ended cleanly)."""
        from index.repair import repair_if_needed

        return repair_if_needed(self.store, trigger=trigger)


def remove_uploaded_copy(data_dir: Path, stored_path: str) -> bool:
    """Delete the uploaded file of a deleted article; files outside uploads/ are never touched."""
    if not stored_path:
        return False
    folder = (Path(data_dir).expanduser() / UPLOADS_FOLDER).resolve()
    path = Path(stored_path).resolve()
    if path.is_relative_to(folder) and path.is_file():
        path.unlink()
        try:  # a later upload of the same name must not inherit the details edited for this one
            remove_manifest_entry(path.parent, path.name)
        except (OSError, ManifestUnreadableError) as failure:
            logger.warning("could not remove %s from the uploads manifest: %s", path.name, failure)
        return True
    return False


def ingest_paths(
    settings: Settings,
    paths: Sequence[Path] = (),
    *,
    rebuild: bool = False,
    prune: bool | None = None,
    progress: ProgressCallback | None = None,
    on_skip: SkipCallback | None = None,
    encoder: "TextEncoder | None" = None,
    check: bool = False,
) -> IngestReport:
    """What `rag ingest` does: `paths` (default: RAG_ARTICLES_DIR) into the configured store; with `rebuild`,
    every stored article and the files of `paths` into a new index that replaces it when whole (index/rebuild.py).

    `prune` defaults to on for the articles folder and off for paths given. The
    whole store is checked and repaired first (`report.repair`) when the last write
    did not end cleanly, or always with `check` (`rag ingest --check`): a check reads
    every article, so adding one file to a large library would otherwise cost the
    whole library. Every article an older pipeline version wrote is processed again
    (`report.reasons`). A path that does not exist raises IngestPathError before the
    model loads or the store is created.
    """
    managed = not paths
    targets = list(paths) or [Path(settings.articles_dir)]
    if managed and not targets[0].expanduser().is_dir():
        raise IngestPathError(ARTICLES_DIR_MISSING.format(path=targets[0]))
    check_paths(targets)
    encoder = encoder or build_encoder(settings)
    prune = managed if prune is None else prune
    if rebuild:
        from index.rebuild import rebuild as rebuild_index

        return rebuild_index(
            targets, build_store(settings, encoder), encoder, chunks=chunk_settings(settings),
            max_bytes=settings.max_file_bytes, prune=prune, progress=progress, on_skip=on_skip,
            namespaces=id_namespaces(settings),
        )
    store = build_store(settings, encoder).open_for_writing()
    library = Library(settings, store, encoder)
    return library.ingest(
        targets, prune=prune, progress=progress, on_skip=on_skip,
        repair="always" if check else "if-needed", refresh_outdated=True,
    )


def unfinished_rebuild(settings: Settings, encoder: "TextEncoder | None" = None) -> str | None:
    """The sentence saying what to run when a rebuild was interrupted before it replaced the index; else None."""
    from index.rebuild import rebuild_unfinished

    copied = rebuild_unfinished(build_store(settings, encoder or build_encoder(settings)))
    if copied is None:
        return None
    return UNFINISHED_REBUILD.format(articles=messages.counted(copied, "article"))


@dataclass
class OpenedAssistant:
    """`open_assistant`'s result: the Assistant, and what was done to the store on the way."""

    assistant: "Assistant"
    ingested: IngestReport | None = None  # the library was empty, so these articles were ingested
    repair: "RepairReport | None" = None  # what the check at opening repaired (None: nothing to check)


def open_assistant(
    settings: Settings,
    articles: Path | None = None,
    *,
    progress: ProgressCallback | None = None,
    on_skip: SkipCallback | None = None,
    before_ingest: Callable[[Path], None] | None = None,
    trigger: str = "open",
) -> OpenedAssistant:
    """The Assistant over the configured store; an empty library gets `articles` ingested first.

    `articles` defaults to RAG_ARTICLES_DIR, ingested as `rag ingest` does with no
    path (pruned); a folder given is ingested as `rag ingest FOLDER`. A library
    that is not empty is repaired if its last write did not end cleanly.
    """
    from rag.assistant import Assistant

    encoder = build_encoder(settings)
    try:
        library: Library | None = Library.open(settings, encoder)
    except IndexEmptyError:
        library = None
    if library is not None and not library.is_empty():
        repair = library.repair_if_needed(trigger)
        return OpenedAssistant(Assistant(settings, library.store, encoder), repair=repair)
    if before_ingest is not None:
        before_ingest(articles or Path(settings.articles_dir))
    report = ingest_paths(
        settings, [articles] if articles is not None else [], progress=progress, on_skip=on_skip, encoder=encoder
    )
    store = build_store(settings, encoder).open_for_reading()
    return OpenedAssistant(Assistant(settings, store, encoder), ingested=report)


def status(settings: Settings, *, check_endpoint: bool = True) -> dict[str, Any]:
    """What `rag status --json` prints: the store, the embedding model, the endpoint, the settings (secrets
    masked), the articles and the latest repairs. A store not created yet reads as empty."""
    from index.outdated import OutdatedArticles, find_outdated
    from index.pipeline import PIPELINE_VERSION
    from index.rebuild import rebuild_unfinished
    from index.repair import recent_repairs
    from rag.messages import outdated_index
    from rag.services import describe_store, endpoint_status

    encoder = build_encoder(settings)
    store = build_store(settings, encoder) if store_exists(settings) else None  # reading creates no store
    try:
        if store is None:
            raise IndexEmptyError("No articles are indexed yet.")
        store.open_for_reading()
        articles = [record.summary() for record in store.article_records()]
        passages = store.count()
        outdated = find_outdated(store, PIPELINE_VERSION)
        breadth: int | None = store.search_breadth()
    except IndexEmptyError:
        articles, passages, outdated, breadth = [], 0, OutdatedArticles(PIPELINE_VERSION, 0), None
    keyword = store.keyword if store is not None else None
    copied = rebuild_unfinished(store) if store is not None else None
    return {
        "store": {
            **describe_store(settings),
            "passages": passages,
            "hnsw_ef_search": breadth,  # how broadly dense queries search (index/hnsw.py); None: no store yet
            "keyword_index": {
                "path": str(keyword.path if keyword else keyword_index_dir(settings)),
                "passages": keyword.count() if keyword else 0,
                "verified": store.is_verified() if store is not None and passages else True,
            },
        },
        "embedding_model": encoder.fingerprint,
        "answer_mode": settings.effective_answer_mode,
        "endpoint": endpoint_status(settings) if check_endpoint else {"configured": settings.llm_configured},
        "settings": settings.public_dict(),
        "articles": articles,
        "repairs": recent_repairs(store) if store is not None else [],
        # the ingest pipeline's version, and the articles another version wrote (`rag ingest` processes them again)
        "pipeline": {
            "version": PIPELINE_VERSION,
            "outdated_articles": sorted(outdated.ids),
            "notice": outdated_index(len(outdated.older), len(outdated.newer), outdated.total),
        },
        # a rebuild interrupted before its new index replaced this one: what it re-embedded, and what to run
        "rebuild": None if copied is None else {
            "articles": copied, "notice": UNFINISHED_REBUILD.format(articles=messages.counted(copied, "article")),
        },
    }


def repair_summary(entry: dict[str, Any]) -> str:
    """One line for people from a repair as `status` lists it."""
    from index.repair import RepairReport

    fields = {k: v for k, v in entry.items() if k in RepairReport.__dataclass_fields__}
    return RepairReport(**fields).summary()
