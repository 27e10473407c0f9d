"""Why an article is written again (index.outdated.update_reason), and the notice's wording (rag.messages)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.outdated import is_version_reason, update_reason
from index.store import ArticleRecord
from rag.messages import outdated_index

STORED = ArticleRecord(
    article_id="pier.txt~00000000", title="Pier reopens", source="Bay Post", published="2024-02-01", url=None,
    content_hash="aaaa", chunk_count=1, path="/news/pier.txt", text="The pier reopened on Monday.",
    pipeline_version=3,
)


@pytest.mark.parametrize(
    ("stored", "prepared", "reason"),
    [
        (STORED, replace(STORED, text="The pier reopened on Tuesday.", content_hash="bbbb"), "its text or metadata changed"),
        (STORED, replace(STORED, title="Pier reopens at last", content_hash="bbbb"), "its text or metadata changed"),
        (replace(STORED, pipeline_version=2), replace(STORED, content_hash="bbbb"),
         "it was indexed by pipeline version 2 (now version 3)"),
        (replace(STORED, pipeline_version=None), replace(STORED, content_hash="bbbb"),
         "it was indexed by an earlier version of the pipeline (now version 3)"),
        (STORED, replace(STORED, content_hash="bbbb"), "the chunk settings changed"),
        (STORED, STORED, "some of its passages were missing"),
    ],
)
def test_the_reason_names_what_differs(stored: ArticleRecord, prepared: ArticleRecord, reason: str) -> None:
    assert update_reason(stored, prepared, 3) == reason
    assert is_version_reason(reason) == reason.startswith("it was indexed")


def test_the_notice_counts_the_outdated_articles_in_plain_words() -> None:
    assert outdated_index(0, 0, 7) is None
    assert outdated_index(7, 0, 7) == (
        "The index was built by an older version of Sourced, so answers may miss what the articles say; "
        "run `rag ingest` to bring it up to date."
    )
    assert outdated_index(0, 2, 2).startswith("The index was built by a newer version of Sourced")
    assert outdated_index(2, 0, 7) == (
        "2 of the 7 articles were indexed by an older version of Sourced, so answers may miss what they say; "
        "run `rag ingest` to bring them up to date."
    )
    assert outdated_index(1, 1, 7).startswith("2 of the 7 articles were indexed by another version of Sourced")
