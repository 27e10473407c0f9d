"""Articles written by another version of the ingest pipeline, and why an article is written again.

Each article record carries the pipeline version that wrote it and its passages
(`ArticleRecord.pipeline_version`, from `index.pipeline.PIPELINE_VERSION`). A
store built by an older version answers, but worse: its passages lack what the
current answerer reads (since version 3, the named entities of each passage).
`find_outdated` tells readers so cheaply (a count and id-only queries, no article
text is read), and `rag ingest` re-processes those articles (index.pipeline.ingest).
Records from before the version was recorded have none: they count as outdated
until the next ingest, which re-processes them, or only records the version
when their content hash shows the passages are current already (the version is
part of that hash).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.store import ArticleRecord, PassageStore


@dataclass(frozen=True)
class OutdatedArticles:
    """What `find_outdated` found: the articles not written by the current pipeline version."""

    current_version: int
    total: int  # articles in the store
    older: frozenset[str] = field(default_factory=frozenset)  # by an older version, or one that recorded none
    newer: frozenset[str] = field(default_factory=frozenset)  # by a newer version (Sourced was downgraded)

    @property
    def ids(self) -> frozenset[str]:
        return self.older | self.newer

    def __bool__(self) -> bool:
        return bool(self.older or self.newer)


def find_outdated(store: "PassageStore", current_version: int) -> OutdatedArticles:
    """The articles of `store` whose records were not written by `current_version`: a count and id-only
    queries that return only the outdated ids, so an up-to-date library of any size costs the same
    (listing every id took a read of the whole library at each new revision)."""
    total = store.article_count()
    if not total:
        return OutdatedArticles(current_version, 0)
    # Chroma's $ne also matches records without the key: those written before the version was recorded
    other = store.article_ids_where({"pipeline_version": {"$ne": current_version}})
    newer = store.article_ids_where({"pipeline_version": {"$gt": current_version}}) if other else set()
    return OutdatedArticles(current_version, total, frozenset(other - newer), frozenset(newer))


# how every reason `version_reason` gives begins
VERSION_REASON_START = "it was indexed by"


def version_reason(stored_version: int | None, current_version: int) -> str:
    """Why an article written by `stored_version` is processed again."""
    if stored_version is None:
        return f"{VERSION_REASON_START} an earlier version of the pipeline (now version {current_version})"
    return f"{VERSION_REASON_START} pipeline version {stored_version} (now version {current_version})"


def is_version_reason(reason: str) -> bool:
    """`reason` says the article was processed again because another pipeline version wrote it."""
    return reason.startswith(VERSION_REASON_START)


def update_reason(stored: "ArticleRecord", record: "ArticleRecord", current_version: int) -> str:
    """Why `stored` is replaced by `record` (the same article prepared again): what differs between them."""
    if stored.text != record.text or _described(stored) != _described(record):
        return "its text or metadata changed"
    if stored.pipeline_version != current_version:
        return version_reason(stored.pipeline_version, current_version)
    if stored.content_hash == record.content_hash:
        return "some of its passages were missing"
    return "the chunk settings changed"


def _described(record: "ArticleRecord") -> tuple[str, str, str | None, str | None]:
    return record.title, record.source, record.published, record.url
