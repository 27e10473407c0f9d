"""The launched app's API through gradio_client: /ask, /articles, /upload_article, /delete_article."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest

from tests.ui.conftest import README_QUESTION, RunningApp, launch_app, private_store

# Small enough that a test can go over it with a few KB of valid text.
UPLOAD_LIMIT_MB = 0.004
HARBOUR_MD = """---
title: Portmere harbour approves evening ferries
publisher: Portmere Gazette
date: 2025-06-12
---
The Portmere harbour council approved three evening ferry crossings to Kellin Island on Tuesday.
The first evening ferry leaves Portmere at 21:15 on 1 July.
"""


@pytest.fixture(scope="module")
def api_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app, running = launch_app(
        private_store(sample_data_dir, tmp_path_factory, "api-store"), max_upload_mb=UPLOAD_LIMIT_MB
    )
    try:
        yield running
    finally:
        app.close()


@pytest.fixture(scope="module")
def client(api_app: RunningApp):  # type: ignore[no-untyped-def]
    from gradio_client import Client

    return Client(api_app.url, verbose=False, download_files=False)


def test_only_the_documented_endpoints_are_public(client) -> None:  # type: ignore[no-untyped-def]
    endpoints = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert endpoints == {"/ask", "/feedback", "/articles", "/upload_article", "/delete_article"}


def test_ask_returns_the_answer_with_markers_and_citations(client) -> None:  # type: ignore[no-untyped-def]
    result = client.predict(question=README_QUESTION, api_name="/ask")
    assert not result["abstained"] and result["mode"] == "extractive"
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", result["answer"])}
    assert markers and markers == {c["n"] for c in result["citations"]}
    first = result["citations"][0]
    assert first["quote"] in first["text"] and first["source"] == "RFE/RL"
    assert "goals in Ukraine" in result["answer"]


def test_ask_applies_filters_and_reports_errors_in_one_sentence(client) -> None:  # type: ignore[no-untyped-def]
    from gradio_client.exceptions import AppError

    filtered = client.predict(question=README_QUESTION, publishers=["The Independent"], top_k=3, api_name="/ask")
    assert {c["source"] for c in filtered["citations"]} <= {"The Independent"}
    with pytest.raises(AppError, match="The question is empty"):
        client.predict(question="  ", api_name="/ask")
    with pytest.raises(AppError, match="must look like 2025-07-03"):
        client.predict(question=README_QUESTION, date_from="last week", api_name="/ask")
    with pytest.raises(AppError, match="LLM mode needs an endpoint"):
        client.predict(question=README_QUESTION, mode="llm", api_name="/ask")


def test_articles_lists_the_library_without_server_paths(client) -> None:  # type: ignore[no-untyped-def]
    articles = client.predict(api_name="/articles")
    # ids are readable: the file name, then a hash of where the file is
    sample = [a for a in articles if a["article_id"].startswith("000_037889587b53874b.txt~")]
    assert len(sample) == 1 and sample[0]["source"] == "RFE/RL"
    assert all(a["chunks"] > 0 and "path" not in a for a in articles)


def test_upload_refuses_other_types_and_oversize_files(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gradio_client import handle_file

    before = len(client.predict(api_name="/articles"))
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x90\x00" + bytes(200))
    big = tmp_path / "long-report.txt"
    big.write_text("The harbour report continues at length. " * 150, encoding="utf-8")
    assert big.stat().st_size > UPLOAD_LIMIT_MB * 1_000_000

    result = client.predict(paths=[handle_file(str(exe)), handle_file(str(big))], api_name="/upload_article")

    assert result["ok"] is False and result["added"] == []
    assert sorted(result["refused"]) == ["long-report.txt", "setup.exe"]
    messages = " ".join(result["messages"])
    assert "setup.exe was refused: .exe files can't be read" in messages
    assert "long-report.txt was refused: it is 6 KB and the limit is 4 KB (RAG_MAX_UPLOAD_MB)." in messages
    assert len(client.predict(api_name="/articles")) == before


def test_uploaded_article_can_be_asked_about_then_deleted(client, api_app: RunningApp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    article = tmp_path / "portmere-ferries.md"
    article.write_text(HARBOUR_MD, encoding="utf-8")
    result = client.predict(paths=[handle_file(str(article))], api_name="/upload_article")
    (article_id,) = result["added"]
    assert result["ok"] and article_id.startswith("upload/portmere-ferries.md~"), result
    assert (api_app.data_dir / "uploads" / "portmere-ferries.md").is_file()

    answer = client.predict(question="When does the first evening ferry leave Portmere?", api_name="/ask")
    assert any(c["source"] == "Portmere Gazette" for c in answer["citations"]), answer
    assert "21:15" in answer["answer"]

    deleted = client.predict(article_id=article_id, api_name="/delete_article")
    assert deleted["deleted"] == article_id
    assert not (api_app.data_dir / "uploads" / "portmere-ferries.md").exists()
    assert article_id not in {a["article_id"] for a in client.predict(api_name="/articles")}
    with pytest.raises(AppError, match="no longer in the library"):
        client.predict(article_id=article_id, api_name="/delete_article")


def test_binary_file_with_a_text_name_is_skipped_with_the_loaders_reason(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gradio_client import handle_file

    fake = tmp_path / "notes.txt"
    fake.write_bytes(bytes(range(256)) * 4)
    result = client.predict(paths=[handle_file(str(fake))], api_name="/upload_article")
    assert result["refused"] == ["notes.txt"]
    assert result["messages"] == ["notes.txt looks like a binary file, not text, so it was not added."]
