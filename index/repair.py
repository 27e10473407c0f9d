"""Find and repair what an interrupted write can leave in the store, and bring the keyword index in line.

What a kill can leave, given the write order (index/pipeline.py, index/store.py):

- passages without an article record (a new article killed before its record
  was written, a delete killed between record and passages): deleted, unless
  the ingest running the repair is about to write that article at that version;
- passages of another content version than the article's record (an update
  killed before its record, or before the old version was deleted): deleted;
- an article record without all its passages (only older versions of this
  code wrote records that way): the record and its passages are dropped, so
  the next ingest of its file adds it again (it is named in the report);
- keyword index passages that differ from the records: per article, the
  keyword index's passages per content version are compared with the record's
  (content hash, passage count); extra versions are deleted there and a
  missing or short version is copied from Chroma.

A repair never touches an article whose record and passages agree, and never
writes a passage twice (ids are stable, writes are upserts). Repairs that
changed something are logged beside the keyword index (`recent_repairs`).
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from index.errors import StoreBusyError, StoreUnavailableError
from index.store import PassageStore

_LOG_FILE = "repairs.json"
LOG_ENTRIES = 20
# Articles copied from Chroma into the keyword index per commit.
_COPY_BATCH_ARTICLES = 200


@dataclass
class RepairReport:
    trigger: str
    checked_at: str = ""
    orphan_passages: dict[str, int] = field(default_factory=dict)
    stale_passages: dict[str, int] = field(default_factory=dict)
    incomplete_articles: list[str] = field(default_factory=list)
    keyword_copied: list[str] = field(default_factory=list)
    keyword_removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str | None = None  # why no check ran (another process was writing)

    @property
    def changed(self) -> bool:
        return bool(
            self.orphan_passages or self.stale_passages or self.incomplete_articles
            or self.keyword_copied or self.keyword_removed
        )

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        """One line for people: what was repaired."""
        parts = []
        if self.orphan_passages:
            parts.append(
                f"removed {sum(self.orphan_passages.values())} passages of {len(self.orphan_passages)} articles "
                "that had no article record"
            )
        if self.stale_passages:
            parts.append(f"removed {sum(self.stale_passages.values())} passages of outdated article versions")
        if self.incomplete_articles:
            parts.append(
                f"dropped {len(self.incomplete_articles)} articles missing passages (ingest their files again): "
                + ", ".join(self.incomplete_articles[:5]) + ("…" if len(self.incomplete_articles) > 5 else "")
            )
        if self.keyword_copied:
            parts.append(f"rewrote {len(self.keyword_copied)} articles in the keyword index")
        if self.keyword_removed:
            parts.append(f"removed {len(self.keyword_removed)} articles from the keyword index")
        return "; ".join(parts) if parts else "nothing to repair"


def repair_store(
    store: PassageStore, *, redoing: Mapping[str, str] | None = None, trigger: str = "ingest", wait: bool = True
) -> RepairReport:
    """Check the whole store and repair it (see the module docstring).

    `redoing`: article id -> content hash of the articles the calling ingest is
    about to write; their passages of that version are left for it to complete.
    With `wait=False` a store held by another writer is left alone (`skipped`).
    """
    redoing = dict(redoing or {})
    report = RepairReport(trigger=trigger)
    began = time.perf_counter()
    try:
        with store.writing(wait=wait):
            _repair_chroma(store, redoing, report)
            if store.keyword is not None:
                _sync_keyword(store, redoing, report)
            if not report.changed:
                store.mark_verified()
    except StoreBusyError as busy:
        if wait:
            raise
        report.skipped = busy.message
    report.seconds = round(time.perf_counter() - began, 3)
    report.checked_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    if report.changed:
        _log(store, report)
    return report


def repair_if_needed(store: PassageStore, trigger: str) -> RepairReport | None:
    """Repair unless the last write session ended cleanly at the current revision (cheap check)."""
    if store.is_verified():
        return None
    return repair_store(store, trigger=trigger, wait=False)


def sync_keyword_index(store: PassageStore) -> RepairReport | None:
    """Bring only the keyword index in line with the article records (no Chroma writes): for a
    store built before the keyword index existed. None when another process is writing."""
    report = RepairReport(trigger="keyword index build")
    began = time.perf_counter()
    try:
        with store.writing(wait=False):
            _sync_keyword(store, {}, report)
    except (StoreBusyError, StoreUnavailableError, OSError):
        return None  # busy, or a read-only data dir: questions go on with what the index holds
    report.seconds = round(time.perf_counter() - began, 3)
    report.checked_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return report


def recent_repairs(store: PassageStore) -> list[dict[str, Any]]:
    """The repairs that changed something, newest first (at most LOG_ENTRIES)."""
    if store.keyword is None:
        return []
    try:
        return list(json.loads(_log_path(store).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return []


# --- the steps -------------------------------------------------------------------------------


def _repair_chroma(store: PassageStore, redoing: Mapping[str, str], report: RepairReport) -> None:
    records = store.article_versions()
    by_version: dict[tuple[str, str], set[str]] = defaultdict(set)
    unparsed: list[str] = []
    for passage_id in store.all_passage_ids():
        parsed = _parse_passage_id(passage_id)
        # an id that names a recorded article is trusted (it carries the content hash);
        # any other is looked up, in case the id scheme is not the one parsed here
        if parsed is not None and parsed[0] in records:
            by_version[parsed].add(passage_id)
        else:
            unparsed.append(passage_id)
    for passage_id, version in store.passage_versions(unparsed).items():
        by_version[version].add(passage_id)

    doomed: set[str] = set()
    for (article_id, content_hash), passage_ids in by_version.items():
        if redoing.get(article_id) == content_hash:
            continue  # the calling ingest writes this version now
        record = records.get(article_id)
        if record is None:
            report.orphan_passages[article_id] = report.orphan_passages.get(article_id, 0) + len(passage_ids)
        elif content_hash != record[0]:
            report.stale_passages[article_id] = report.stale_passages.get(article_id, 0) + len(passage_ids)
        else:
            continue
        doomed |= passage_ids
    for article_id, (content_hash, chunk_count) in sorted(records.items()):
        if article_id not in redoing and len(by_version.get((article_id, content_hash), ())) != chunk_count:
            report.incomplete_articles.append(article_id)
    if doomed:
        store.delete_passage_ids(doomed)
    if report.incomplete_articles:
        store.delete_articles(report.incomplete_articles)


def _sync_keyword(store: PassageStore, redoing: Mapping[str, str], report: RepairReport) -> None:
    keyword = store.keyword
    assert keyword is not None
    keyword.refresh()
    records = store.article_versions()
    held = keyword.versions()
    remove: list[str] = []
    trim: dict[str, str] = {}
    copy: dict[str, str] = {}
    for article_id in sorted(set(held) | set(records)):
        have = held.get(article_id, {})
        if article_id not in records:
            if have and not (article_id in redoing and set(have) == {redoing[article_id]}):
                remove.append(article_id)
            continue
        content_hash, chunk_count = records[article_id]
        if have == {content_hash: chunk_count}:
            continue
        if have.get(content_hash) == chunk_count:
            trim[article_id] = content_hash  # the right version is whole: drop the others
        else:
            copy[article_id] = content_hash
    if remove or trim or copy:
        store.begin_change()  # the session's end bumps the revision and stamps the index
    if remove or trim:
        keyword.write(delete_articles=remove + list(trim), keep_versions=trim)
    pending = sorted(copy.items())
    for begin in range(0, len(pending), _COPY_BATCH_ARTICLES):
        batch = dict(pending[begin : begin + _COPY_BATCH_ARTICLES])
        keyword.write(store.passages_of(batch), delete_articles=list(batch))
    report.keyword_removed = remove + sorted(trim)
    report.keyword_copied = sorted(copy)


def _parse_passage_id(passage_id: str) -> tuple[str, str] | None:
    """(article id, content hash) from `<article id>::<content hash>::<chunk index>`."""
    parts = passage_id.rsplit("::", 2)
    if len(parts) != 3 or not parts[2].isdigit():
        return None
    return parts[0], parts[1]


def _log_path(store: PassageStore) -> Path:
    # beside the keyword index's folder, so a rebuild (which deletes that folder) keeps the history
    assert store.keyword is not None
    return store.keyword.path.with_name(f"{store.keyword.path.name}.{_LOG_FILE}")


def _log(store: PassageStore, report: RepairReport) -> None:
    if store.keyword is None:
        return
    entries = [report.as_json(), *recent_repairs(store)][:LOG_ENTRIES]
    path = _log_path(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{_LOG_FILE}.{os.getpid()}")
        temporary.write_text(json.dumps(entries, indent=1), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass
