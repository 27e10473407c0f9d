"""Article metadata: manifest first, then what the file carries, then inference from the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.metadata import (
    MAX_TITLE_CHARS,
    UNKNOWN_PUBLISHER,
    infer_title,
    read_manifest,
    resolve_metadata,
)
from index.pipeline import ChunkSettings, prepare_article
from rag.settings import BUNDLED_ARTICLES_DIR


def test_the_title_is_the_first_non_blank_line_shortened_when_it_is_body_text() -> None:
    assert infer_title("\n\n  Putin calls Trump  \nBody.", "fallback") == "Putin calls Trump"
    assert infer_title(" \n ", "fallback") == "fallback"
    long_line = "word " * 100
    title = infer_title(long_line, "fallback")
    assert len(title) == MAX_TITLE_CHARS and title.endswith("…")


def test_manifest_entries_are_read_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": {"a.txt": {"title": "A", "publisher": "P"}, "b.txt": "not a mapping"}}),
        encoding="utf-8",
    )
    assert read_manifest(tmp_path) == {"a.txt": {"title": "A", "publisher": "P"}}


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"articles": []}', ""])
def test_an_unusable_manifest_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / "manifest.json").write_text(content, encoding="utf-8")
    assert read_manifest(tmp_path) == {}


def test_no_manifest_means_no_entries(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}


def test_the_manifest_beats_the_file_which_beats_inference() -> None:
    text = "Headline in the text\nBody."
    loader = {"title": "Front-matter title", "publisher": "Front Matter Times", "published": "2024-01-02"}
    manifest = {"title": "Manifest title", "published": "3 Jul 2025", "url": "https://example.org/a"}
    meta = resolve_metadata("a.md", text, manifest, loader)
    assert meta.title == "Manifest title"
    assert meta.publisher == "Front Matter Times"  # the manifest does not say, so the file's value stays
    assert meta.published == "2025-07-03"
    assert meta.url == "https://example.org/a"

    only_loader = resolve_metadata("a.md", text, None, loader)
    assert (only_loader.title, only_loader.published, only_loader.url) == ("Front-matter title", "2024-01-02", None)

    inferred = resolve_metadata("a.txt", text, {"title": "", "publisher": None}, {})
    assert inferred.title == "Headline in the text"
    assert inferred.publisher == UNKNOWN_PUBLISHER
    assert inferred.published is None


def test_source_and_date_are_accepted_as_synonyms() -> None:
    meta = resolve_metadata("a.txt", "T\nB", {"source": "Reuters", "date": "2025-05-20"}, {})
    assert (meta.publisher, meta.published) == ("Reuters", "2025-05-20")


@pytest.mark.parametrize("name", sorted(read_manifest(BUNDLED_ARTICLES_DIR)))
def test_sample_articles_take_their_metadata_from_the_manifest(name: str) -> None:
    entry = read_manifest(BUNDLED_ARTICLES_DIR)[name]
    record, passages = prepare_article(
        BUNDLED_ARTICLES_DIR / name, name, read_manifest(BUNDLED_ARTICLES_DIR), ChunkSettings(), 10_000_000
    )
    assert (record.title, record.source, record.published, record.url) == (
        entry["title"],
        entry["publisher"],
        entry["published"],
        entry["url"],
    )
    assert passages and all(
        (p.title, p.source, p.published, p.url) == (record.title, record.source, record.published, record.url)
        for p in passages
    )


def test_stored_articles_carry_the_manifest_metadata(sample_data_dir: Path) -> None:
    """What `rag ingest` stored for the sample corpus: one record per manifest entry, same metadata."""
    from index.embedder import MiniLMOnnxEncoder
    from index.store import PassageStore, open_client

    store = PassageStore(open_client(sample_data_dir), "articles", MiniLMOnnxEncoder().fingerprint).open_for_reading()
    manifest = read_manifest(BUNDLED_ARTICLES_DIR)
    stored = {Path(r.path).name: r for r in store.article_records()}
    assert set(stored) == set(manifest)
    for name, entry in manifest.items():
        assert stored[name].title == entry["title"]
        assert stored[name].source == entry["publisher"]
        assert stored[name].published == entry["published"]
    name_of = {r.article_id: name for name, r in stored.items()}
    for passage in store.iter_passages():
        assert passage.published == manifest[name_of[passage.article_id]]["published"]
