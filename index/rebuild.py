"""`rag ingest --rebuild`: every article embedded again into a new index, which replaces the old one when whole.

What a rebuild is for: another embedding model (the old vectors cannot be
mixed with new ones), other chunk settings, a store to start afresh. What it
must not do is lose an article: the store holds articles ingested from any
path and uploaded through the app, not only those of the articles folder.

So a rebuild carries every stored article over, read again under its id from
its file when the file is still there, else from the text the store keeps
(index.pipeline.read_again), plus the files of the paths given; pruning (the
articles folder) removes articles whose files are gone there, as a plain
ingest does. Everything is written to a copy beside the store in use
(`PassageStore.rebuild_copy`), which `PassageStore.replace_with` swaps in at
the end. Until then the store in use is untouched and answers questions
(unless it was built with another model, which is what the rebuild fixes);
it is held for writing the whole time, so that nothing written to it
meanwhile is lost at the swap.

Interrupted (Ctrl-C, a kill, a failure), a rebuild leaves the store in use as
it was and its copy as far as it got: the next `rag ingest --rebuild` goes on
with that copy (an article whose version is in it whole is not embedded
again) and drops from it any article the store in use no longer holds.
A copy embedded with another model than the one configured is started afresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from index.embedder import TextEncoder
from index.errors import ArticleNotCarriedError, EmbeddingMismatchError, IngestPathError, SourcedError
from index.pipeline import IngestReport, ingest
from index.store import PassageStore


def rebuild(paths: Sequence[Path], store: PassageStore, encoder: TextEncoder, **options: Any) -> IngestReport:
    """Re-embed every article of `store` (not opened: it may have been built with another model) and the files
    under `paths` into a new index that replaces it. `options` are `index.pipeline.ingest`'s.

    The report describes the new index: every article in it is `added`, `removed` are those of the old one
    it left out (pruned), `chunks` are the passages embedded by this run (fewer when it went on with the copy
    an interrupted rebuild left)."""
    with store.locked():
        store.finish_replacement()
        before = store.stored_articles()
        fresh = not store.has_rebuild_copy()
        copy = _open_copy(store, fresh)
        try:
            report = ingest(paths, copy, encoder, carry=before, repair="if-needed", refresh_outdated=False, **options)
        except (ArticleNotCarriedError, IngestPathError):
            if fresh:  # refused before anything was written: no copy is left for a rebuild to go on with
                copy.drop()
            raise
        kept = set(report.added) | set(report.updated) | set(report.unchanged)
        with copy.writing():
            copy.delete_articles(sorted(set(copy.article_ids()) - kept))
        store.replace_with(copy)
    return _rebuild_report(report, kept, {record.article_id for record in before})


def _open_copy(store: PassageStore, fresh: bool) -> PassageStore:
    """The copy to write: the one an interrupted rebuild left, when embedded with the configured model, else a new one."""
    copy = store.rebuild_copy()
    if fresh:
        copy.drop()  # a keyword folder without its collections is nothing to go on with
        return copy.open_for_writing()
    try:
        return copy.open_for_writing()
    except EmbeddingMismatchError:
        return copy.open_for_writing(rebuild=True)


def _rebuild_report(report: IngestReport, kept: set[str], before: set[str]) -> IngestReport:
    report.added = sorted(kept)
    report.updated, report.unchanged, report.reasons = [], [], {}
    report.removed = sorted(before - kept)
    report.repair = None  # what a check of the copy found says nothing about the store in use
    return report


def rebuild_unfinished(store: PassageStore) -> int | None:
    """How many articles the copy of an interrupted rebuild holds; None when no rebuild is unfinished."""
    if not store.has_rebuild_copy():
        return None
    copy = store.rebuild_copy()
    try:
        return copy.open_for_reading().article_count()
    except SourcedError:  # a copy of another model: unfinished all the same, and the next rebuild starts it afresh
        return 0
