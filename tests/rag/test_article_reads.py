"""The articles a question's constraint checks read come in one store read per question, embedded and through a
real `chroma run` server (where each read is a round trip: one per article made server asks 2.7x the retrieval
floor at 100k passages, bench/README.md "Scale")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import make_settings
from tests.index.conftest import _heartbeat, free_port
from tests.support.large_library import ReadCounter

# "July 3" is a constraint most sentences that answer do not repeat: it is checked against their articles
QUESTION = "How long did the July 3 call between Trump and Putin last?"


@pytest.fixture(params=["embedded", "server"])
def settings(request: pytest.FixtureRequest, fresh_data_dir: Path) -> Iterator[object]:
    if request.param == "embedded":
        yield make_settings(fresh_data_dir)
        return
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("chroma")), "run", "--path", str(fresh_data_dir / "chroma"),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + 60
        while not _heartbeat("127.0.0.1", port):
            assert process.poll() is None and time.monotonic() < deadline, "chroma run did not start"
            time.sleep(0.1)
        yield make_settings(fresh_data_dir, chroma_host="127.0.0.1", chroma_port=port)
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_questions_articles_are_read_in_one_call_and_kept_for_the_revision(
    settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rag.assistant import Assistant

    reads = ReadCounter().install(monkeypatch)
    assistant = Assistant.from_settings(settings)  # type: ignore[arg-type]
    reads.reset()
    answer = assistant.ask(QUESTION, mode="extractive")
    assert not answer.abstained and "hour" in answer.answer
    with_texts = [call for call in reads.articles.calls if call.endswith("records")]
    assert len(with_texts) == 1, reads.articles.calls  # one read for every article the checks needed
    assert reads.articles.records >= 2  # the question's passages come from more than one article
    reads.reset()
    again = assistant.ask(QUESTION, mode="extractive")
    assert again.answer == answer.answer and reads.articles.records == 0  # kept until the store changes
    # each article read alone gives the same texts, so the same answer
    fresh = Assistant.from_settings(settings)  # type: ignore[arg-type]
    texts = {c.article_id: fresh._article_text(c.article_id) for c in answer.citations}
    kept = assistant._indexes().article_texts
    assert all(kept.kept(a) in (None, terms) for a, terms in texts.items())
