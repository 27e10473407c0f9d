"""Uploads ingested in the background, through the launched app's API (gradio_client).

The app embeds with tests/support/gated_encoder.py: the real model behind a gate
the test shuts, so an upload is held mid-ingest for as long as the test wants.
Overlap is shown by order, never by time: a question is answered while the
upload is known to be waiting at the gate, so it cannot have finished.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.support.gated_encoder import GatedEncoder
from tests.ui.conftest import README_QUESTION, RunningApp, launch_app, private_store

# Small enough that a test article of a few KB goes over it; the short articles below make one passage each.
MAX_CHUNKS = 4
WAIT_SECONDS = 90  # how long a step may take before the test gives up (a hang guard, not a timing check)

# Articles written for these tests.
DEPOT_MD = """---
title: Harrowgate tram depot to open in October
publisher: Harrowgate Courier
date: 2025-08-14
---
The Harrowgate tram depot will open on 6 October with room for thirty-two trams, the transport board said.
Board chair Lorna Eckersley said the depot cost 48 million pounds and was finished two months early.
"""
DEPOT_QUESTION = "How many trams will the Harrowgate tram depot hold?"
WELLS_MD = """---
title: Brackwater restores its village wells
publisher: Brackwater Post
date: 2025-08-15
---
Volunteers in Brackwater restored the three village wells over the summer, the parish council said.
The council paid 9,500 pounds for new oak covers and iron pumps.
"""
FERRY_MD = """---
title: Kellin ferry adds a winter crossing
publisher: Kellin Island News
date: 2025-08-16
---
The Kellin ferry will add a 17:30 winter crossing from November, the operator said.
Tickets for the new crossing go on sale on 1 October.
"""


def long_report() -> str:
    lines = [f"Item {n}: the Brackwater budget committee reviewed line {n}, worth {n * 1250} pounds, and "
             f"approved it after a debate about the {['roads', 'school', 'harbour', 'library'][n % 4]}." for n in range(1, 90)]
    return "---\ntitle: Brackwater budget review\npublisher: Brackwater Post\n---\n" + "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def gate(encoder: Any) -> GatedEncoder:
    return GatedEncoder(encoder)


@pytest.fixture(scope="module")
def encoder() -> Any:
    from index.embedder import MiniLMOnnxEncoder

    return MiniLMOnnxEncoder()


@pytest.fixture(scope="module")
def gated_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory, gate: GatedEncoder) -> Iterator[RunningApp]:
    app, running = launch_app(
        private_store(sample_data_dir, tmp_path_factory, "background-store"), encoder=gate, max_upload_chunks=MAX_CHUNKS
    )
    try:
        yield running
    finally:
        gate.open()
        app.close()


@pytest.fixture(scope="module")
def client(gated_app: RunningApp):  # type: ignore[no-untyped-def]
    from gradio_client import Client

    return Client(gated_app.url, verbose=False, download_files=False)


@pytest.fixture()
def shut_gate(gate: GatedEncoder) -> Iterator[GatedEncoder]:
    gate.shut()
    try:
        yield gate
    finally:
        gate.open()


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def progress_seen(job: Any, wanted: re.Pattern[str]) -> dict[str, Any]:
    """The first progress object the upload job streamed whose message matches (waits for it)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        for output in job.outputs():
            if isinstance(output, dict) and output.get("done") is False and wanted.search(output.get("message", "")):
                return output
        assert not job.done(), f"the upload ended without reporting {wanted.pattern!r}: {job.outputs()}"
        time.sleep(0.05)
    raise AssertionError(f"no progress matching {wanted.pattern!r}: {job.outputs()}")


def cited_sources(answer: dict[str, Any]) -> set[str]:
    return {c["source"] for c in answer["citations"]}


def test_questions_are_answered_while_an_upload_is_ingested_and_see_it_only_once_it_is_in(
    client: Any, gated_app: RunningApp, shut_gate: GatedEncoder, tmp_path: Path
) -> None:
    from gradio_client import handle_file

    files = [write(tmp_path, "depot.md", DEPOT_MD), write(tmp_path, "wells.md", WELLS_MD),
             write(tmp_path, "ferry.md", FERRY_MD)]
    upload = client.submit(paths=[handle_file(str(f)) for f in files], api_name="/upload_article")
    assert shut_gate.entered.wait(WAIT_SECONDS), "the upload never started embedding"
    # The ingest is now held at the gate: read and chunked, nothing committed, and it cannot finish.
    progress = progress_seen(upload, re.compile(r"^Ingesting 1 of 3 files…"))
    assert progress["state"] == "embedding" and progress["files"] == 3 and progress["files_done"] == 0

    answered = client.submit(question=README_QUESTION, api_name="/ask").result(timeout=WAIT_SECONDS)
    assert not answered["abstained"] and "RFE/RL" in cited_sources(answered)
    # asked about the upload meanwhile: the library as it was, without a half-written article
    before = client.submit(question=DEPOT_QUESTION, api_name="/ask").result(timeout=WAIT_SECONDS)
    assert "Harrowgate Courier" not in cited_sources(before)
    assert not upload.done(), "the upload finished while held at the gate"

    shut_gate.open()
    outcome = upload.result(timeout=WAIT_SECONDS)
    assert outcome["done"] is True and outcome["ok"] is True and len(outcome["added"]) == 3, outcome
    after = client.predict(question=DEPOT_QUESTION, api_name="/ask")
    assert "Harrowgate Courier" in cited_sources(after) and "thirty-two" in after["answer"], after
    for article_id in outcome["added"]:
        client.predict(article_id=article_id, api_name="/delete_article")


def test_uploads_queue_one_at_a_time_and_deletes_wait_for_them(
    client: Any, gated_app: RunningApp, shut_gate: GatedEncoder, tmp_path: Path
) -> None:
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    first = client.submit(paths=[handle_file(str(write(tmp_path / "a", "depot.md", DEPOT_MD)))], api_name="/upload_article")
    assert shut_gate.entered.wait(WAIT_SECONDS)
    second = client.submit(paths=[handle_file(str(write(tmp_path / "b", "wells.md", WELLS_MD)))], api_name="/upload_article")
    # held at the gate, the first upload keeps the second waiting: it has not even been read
    waiting = progress_seen(second, re.compile(r"^Waiting for the upload before it to finish \(1 file queued\)…$"))
    assert waiting["state"] == "queued" and waiting["ahead"] == 1 and waiting["files_read"] == 0
    listed = {a["article_id"] for a in client.predict(api_name="/articles")}
    with pytest.raises(AppError, match="An upload is being added to the library; delete the article when it has finished."):
        client.predict(article_id=sorted(listed)[0], api_name="/delete_article")

    shut_gate.open()
    added = [first.result(timeout=WAIT_SECONDS), second.result(timeout=WAIT_SECONDS)]
    assert all(outcome["ok"] for outcome in added), added
    assert {a["article_id"] for a in client.predict(api_name="/articles")} == listed | {
        article_id for outcome in added for article_id in outcome["added"]
    }
    for outcome in added:
        client.predict(article_id=outcome["added"][0], api_name="/delete_article")


def test_a_file_making_too_many_passages_is_refused_before_embedding_and_leaves_nothing(
    client: Any, gated_app: RunningApp, gate: GatedEncoder, tmp_path: Path
) -> None:
    from gradio_client import handle_file

    before = {a["article_id"] for a in client.predict(api_name="/articles")}
    uploads = gated_app.data_dir / "uploads"
    files_before = {p.name for p in uploads.iterdir()} if uploads.is_dir() else set()
    big = write(tmp_path, "budget review.md", long_report())
    small = write(tmp_path, "wells.md", WELLS_MD)
    embedded_before = len(gate.embedded)

    outcome = client.predict(paths=[handle_file(str(big)), handle_file(str(small))], api_name="/upload_article")

    assert outcome["refused"] == ["budget review.md"] and len(outcome["added"]) == 1, outcome
    (refusal,) = [m for m in outcome["messages"] if "budget review.md" in m]
    assert re.fullmatch(
        rf"budget review\.md was refused: it makes \d+ passages and the limit is {MAX_CHUNKS} "
        r"\(RAG_MAX_UPLOAD_CHUNKS\); split it into smaller files\.",
        refusal,
    ), refusal
    assert int(re.search(r"makes (\d+) passages", refusal).group(1)) > MAX_CHUNKS  # type: ignore[union-attr]
    # nothing of it was embedded, stored or kept: only the small file went in
    assert not any("budget committee" in text for text in gate.embedded[embedded_before:])
    assert {p.name for p in uploads.iterdir()} - files_before == {"wells.md"}
    assert not any(p.name.startswith("budget") for p in uploads.iterdir())
    assert {a["article_id"] for a in client.predict(api_name="/articles")} == before | set(outcome["added"])
    assert not any(p.passage.title == "Brackwater budget review" for p in gated_app.assistant.bm25.search(
        "Brackwater budget committee reviewed line", 10))
    client.predict(article_id=outcome["added"][0], api_name="/delete_article")


def test_a_file_far_over_the_passage_limit_is_refused_from_its_length_and_leaves_nothing(
    client: Any, gated_app: RunningApp, gate: GatedEncoder, tmp_path: Path
) -> None:
    """Many times the limit: refused before cleaning (index.pipeline.EARLY_REFUSAL_FACTOR), with the same sentence
    saying about how many passages it would make."""
    from gradio_client import handle_file

    before = {a["article_id"] for a in client.predict(api_name="/articles")}
    uploads = gated_app.data_dir / "uploads"
    files_before = {p.name for p in uploads.iterdir()} if uploads.is_dir() else set()
    huge = write(tmp_path, "annual ledger.html", "<html><head><title>Annual ledger</title></head><body><article>"
                 + "".join(f"<p>{line}</p>" for line in long_report().splitlines()[4:] * 8) + "</article></body></html>")
    embedded_before = len(gate.embedded)

    outcome = client.predict(paths=[handle_file(str(huge))], api_name="/upload_article")

    assert outcome["refused"] == ["annual ledger.html"] and outcome["added"] == [], outcome
    (refusal,) = outcome["messages"]
    assert re.fullmatch(
        rf"annual ledger\.html was refused: it makes about \d+ passages and the limit is {MAX_CHUNKS} "
        r"\(RAG_MAX_UPLOAD_CHUNKS\); split it into smaller files\.",
        refusal,
    ), refusal
    assert not any("budget committee" in text for text in gate.embedded[embedded_before:])
    assert ({p.name for p in uploads.iterdir()} if uploads.is_dir() else set()) == files_before
    assert {a["article_id"] for a in client.predict(api_name="/articles")} == before
    assert not any(p.passage.title == "Annual ledger" for p in gated_app.assistant.bm25.search(
        "Brackwater budget committee reviewed line", 10))
