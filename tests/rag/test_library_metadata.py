"""Editing an article's title, publisher, date and url (rag.library.Library.edit_metadata) on real embedded stores:
the edit lands in the manifest beside the file, the file is ingested again, and answers cite the new details."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.assistant import Assistant
from rag.library import ArticleNotFoundError, InvalidMetadataError, MetadataNotSavedError, ingest_paths
from rag.services import uploads_dir
from tests.conftest import make_settings

# Written for these tests.
FERRY = "Ferry timetable changes\nThe Kellin ferry will leave at 06:40 from Monday, twenty minutes earlier than now.\n"
MARKET = "Market hall reopens\nThe Dunmore market hall reopened on Saturday after a roof repair that took nine weeks.\n"
KILN_MD = """---
title: Thornby kiln relit
publisher: Thornby Record
date: 2027-02-01
---
The Thornby glassworks lit its restored kiln on Monday after eight years of repairs.
"""
MARKET_ENTRY = {"title": "Dunmore market hall reopens after repairs", "publisher": "Dunmore Weekly", "extra": "kept"}


@pytest.fixture()
def town(tmp_path: Path) -> tuple[Assistant, Path]:
    """Two articles in a folder with a manifest that describes one of them, ingested into a fresh store."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    manifest = {"_comment": "written by hand", "articles": {"market.txt": MARKET_ENTRY}}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assert len(ingest_paths(settings, [folder]).added) == 2
    return Assistant.from_settings(settings), folder


def _id_of(assistant: Assistant, path: Path) -> str:
    return assistant.article_id_for(path)


def test_an_edit_is_written_to_the_manifest_and_answers_cite_the_new_details(town: tuple[Assistant, Path]) -> None:
    assistant, folder = town
    ferry_id = _id_of(assistant, folder / "ferry.txt")
    passages_before = assistant.store.count()
    title_before = assistant.article(ferry_id).title  # type: ignore[union-attr]

    edited = assistant.edit_article(
        ferry_id, publisher="Kellin  Island Courier", published="July 3, 2025", url="https://courier.example/ferry"
    )

    assert edited.changed and edited.manifest == folder / "manifest.json"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["_comment"] == "written by hand" and manifest["articles"]["market.txt"] == MARKET_ENTRY
    assert manifest["articles"]["ferry.txt"] == {
        "publisher": "Kellin Island Courier", "published": "2025-07-03", "url": "https://courier.example/ferry"
    }
    record = assistant.article(ferry_id)
    assert record is not None
    assert (record.title, record.source, record.published, record.url) == (
        title_before, "Kellin Island Courier", "2025-07-03", "https://courier.example/ferry"
    )
    # the one file was ingested again in place: no second article, no leftover passages
    assert len(assistant.articles()) == 2 and assistant.store.count() == passages_before

    answer = assistant.ask("When will the Kellin ferry leave?")
    cited = [c for c in answer.citations if c.article_id == ferry_id]
    assert cited, answer.answer
    assert {(c.source, c.published, c.url) for c in cited} == {
        ("Kellin Island Courier", "2025-07-03", "https://courier.example/ferry")
    }


@pytest.mark.parametrize(
    ("details", "words"),
    [
        ({"published": "03/07/2025"}, "YYYY-MM-DD"),  # 3 July or March 7: refused, never guessed
        ({"published": "July 2025"}, "YYYY-MM-DD"),
        ({"title": "New title", "published": "2025-02-30"}, "YYYY-MM-DD"),  # one bad value stops the whole edit
        ({"url": "ftp://files.example/ferry"}, "https://"),
        ({"url": "courier.example/ferry"}, "https://"),
        ({"publisher": "x" * 201}, "at most 200"),
    ],
)
def test_an_invalid_value_is_refused_with_one_sentence_and_nothing_changes(
    town: tuple[Assistant, Path], details: dict[str, str], words: str
) -> None:
    assistant, folder = town
    ferry_id = _id_of(assistant, folder / "ferry.txt")
    manifest_before = (folder / "manifest.json").read_bytes()
    record_before = assistant.article(ferry_id)

    with pytest.raises(InvalidMetadataError, match=words) as refused:
        assistant.edit_article(ferry_id, **details)

    assert "\n" not in refused.value.message and refused.value.message.endswith(".")
    assert (folder / "manifest.json").read_bytes() == manifest_before
    assert assistant.article(ferry_id) == record_before


def test_an_unknown_id_is_refused_and_no_manifest_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    ingest_paths(settings, [folder])
    assistant = Assistant.from_settings(settings)
    with pytest.raises(ArticleNotFoundError, match="rag status"):
        assistant.edit_article("no-such-article", publisher="Anyone")
    assert not (folder / "manifest.json").exists()


def test_an_empty_value_clears_the_edit_and_the_file_speaks_again(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "kiln.md").write_text(KILN_MD, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    ingest_paths(settings, [folder])
    assistant = Assistant.from_settings(settings)
    kiln_id = _id_of(assistant, folder / "kiln.md")

    assistant.edit_article(kiln_id, publisher="Thornby Evening Record", published="2027-02-02")
    record = assistant.article(kiln_id)
    assert record is not None and (record.source, record.published) == ("Thornby Evening Record", "2027-02-02")

    assistant.edit_article(kiln_id, publisher="", published="")
    record = assistant.article(kiln_id)
    assert record is not None and (record.source, record.published) == ("Thornby Record", "2027-02-01")
    assert json.loads((folder / "manifest.json").read_text(encoding="utf-8")) == {"articles": {}}


def test_an_upload_keeps_its_edit_in_the_uploads_manifest_until_it_is_deleted(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    upload = uploads_dir(settings) / "market.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text(MARKET, encoding="utf-8")
    ingest_paths(settings, [upload])
    assistant = Assistant.from_settings(settings)
    market_id = _id_of(assistant, upload)

    edited = assistant.edit_article(market_id, title="Dunmore market hall is open again")
    assert edited.manifest == upload.parent / "manifest.json"
    assert json.loads(edited.manifest.read_text(encoding="utf-8"))["articles"] == {
        "market.txt": {"title": "Dunmore market hall is open again"}
    }
    assert assistant.article(market_id).title == "Dunmore market hall is open again"  # type: ignore[union-attr]

    # deleting the upload forgets its details: a later upload of another market.txt starts from its own text
    assistant.delete_article(market_id)
    assert json.loads(edited.manifest.read_text(encoding="utf-8"))["articles"] == {}


def test_an_unreadable_manifest_is_never_overwritten(town: tuple[Assistant, Path]) -> None:
    assistant, folder = town
    ferry_id = _id_of(assistant, folder / "ferry.txt")
    (folder / "manifest.json").write_text('{"articles": {"market.txt": ', encoding="utf-8")  # cut short
    with pytest.raises(MetadataNotSavedError, match="fix or remove that manifest.json"):
        assistant.edit_article(ferry_id, publisher="Kellin Island Courier")
    assert (folder / "manifest.json").read_text(encoding="utf-8") == '{"articles": {"market.txt": '
    assert assistant.article(ferry_id).source != "Kellin Island Courier"  # type: ignore[union-attr]
