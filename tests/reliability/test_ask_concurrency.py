"""Many users asking at once through the launched app's API (gradio_client), also while an upload is ingested.

Issue 11's "20 concurrent users asking 5 questions each, also while an upload of 100 files runs" as a test
of correctness: no ask fails and every answer is the one a user asking alone gets. How fast they are is
bench/upload_ask_bench.py's to measure. Overlap is shown by order, never by time: questions meet at a
barrier inside the embedder, which only as many questions answered at once can pass, and the upload is
held at a gate in front of its embedding while the users ask.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.support.gated_encoder import MeetingEncoder
from tests.ui.conftest import RunningApp, launch_app, private_store

USERS = 20
ASKS = 5
MEET = 2  # questions that must be inside the app at once
WAIT_SECONDS = 90  # a hang guard for each wait, not a timing check

# Questions about the sample corpus, worded for this test; the last is not answered by it.
QUESTIONS = [
    "What did Putin tell Trump about Russia's goals in Ukraine?",
    "How long did the phone call between Putin and Trump last?",
    "What did Dmitry Peskov say about negotiations with Ukraine?",
    "Which weapons deliveries to Ukraine did the United States pause?",
    "What did Trump say after his two-hour call with Putin?",
    "What did the Kremlin say about Iran during the call?",
    "Who is Yury Ushakov?",
    "How many goats did the village of Brantley sell in March?",
]
# Articles written for this test: the upload.
KILN = """---
title: Thornby kiln relit after repairs
publisher: Thornby Record
date: 2027-02-01
---
The Thornby glassworks lit its restored kiln on Monday after eight years of repairs, the trust said.
The repairs cost 310,000 pounds, raised by the village over four summers.
"""
KILN_QUESTION = "How long did the Thornby kiln repairs take?"
MARKET = """---
title: Dunmore market hall reopens
publisher: Dunmore Weekly
date: 2027-02-03
---
The Dunmore market hall reopened on Saturday after a roof repair that took nine weeks.
Forty stalls traded on the first day, the market manager said.
"""


@pytest.fixture(scope="module")
def meeting() -> MeetingEncoder:
    from index.embedder import MiniLMOnnxEncoder

    return MeetingEncoder(MiniLMOnnxEncoder(), MEET, timeout=WAIT_SECONDS)


@pytest.fixture(scope="module")
def app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory, meeting: MeetingEncoder) -> Iterator[RunningApp]:
    """The app as `rag serve` builds it (default RAG_ASK_WORKERS), the embedder behind a barrier and a gate."""
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "concurrency-store"), encoder=meeting)
    try:
        yield running
    finally:
        meeting.open()
        app.close()


def client(running: RunningApp) -> Any:
    from gradio_client import Client

    return Client(running.url, verbose=False, download_files=False, ssl_verify=False)


def comparable(answer: dict[str, Any]) -> dict[str, Any]:
    """The /ask object but for what differs between two asks of one question (its id, how long it took)."""
    return {k: v for k, v in answer.items() if k not in ("answer_id", "timings_ms")}


def test_questions_are_answered_at_once_not_one_after_another(app: RunningApp, meeting: MeetingEncoder) -> None:
    # each waits inside the app for the other: answered one at a time, the first would wait in vain
    questions = QUESTIONS[:MEET]
    barrier = meeting.meet_next()
    jobs = [client(app).submit(question=q, api_name="/ask") for q in questions]
    answers = [job.result(timeout=WAIT_SECONDS * 2) for job in jobs]
    assert not barrier.broken
    assert all(isinstance(a, dict) and a["question"] == q for a, q in zip(answers, questions)), answers


def ask_as_users(running: RunningApp, questions_of: list[list[str]]) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """Each user (a thread with a client of its own) asks its questions one after another; all start at once."""
    clients = [client(running) for _ in questions_of]
    answers: list[tuple[str, dict[str, Any]]] = []
    errors: list[str] = []
    start = threading.Barrier(len(questions_of))

    def user(api: Any, questions: list[str]) -> None:
        start.wait(WAIT_SECONDS)
        for question in questions:
            try:
                answers.append((question, api.predict(question=question, api_name="/ask")))
            except Exception as error:  # noqa: BLE001  counted: the test wants none
                errors.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=user, args=pair) for pair in zip(clients, questions_of)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS * 4)
        assert not thread.is_alive(), "a user never got all their answers"
    return answers, errors


def wait_for_progress(job: Any, wanted: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if any(isinstance(o, dict) and o.get("done") is False and re.search(wanted, o.get("message", ""))
               for o in job.outputs()):
            return
        assert not job.done(), job.outputs()
        time.sleep(0.05)
    raise AssertionError(f"no progress matching {wanted!r}: {job.outputs()}")


def test_twenty_users_asking_five_questions_each_while_an_upload_is_ingested_all_get_their_answers(
    app: RunningApp, meeting: MeetingEncoder, tmp_path: Path
) -> None:
    from gradio_client import handle_file

    api = client(app)
    asked = [*QUESTIONS, KILN_QUESTION]
    alone = {question: comparable(api.predict(question=question, api_name="/ask")) for question in asked}
    assert alone[KILN_QUESTION]["abstained"]
    users = [[asked[(user + n) % len(asked)] for n in range(ASKS)] for user in range(USERS)]

    files = []
    for name, text in (("kiln.md", KILN), ("market.md", MARKET)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    meeting.shut()
    try:
        upload = api.submit(paths=[handle_file(str(f)) for f in files], api_name="/upload_article")
        assert meeting.entered.wait(WAIT_SECONDS), "the upload never started embedding"
        wait_for_progress(upload, r"^Ingesting")
        # the upload is held in front of its embedding: nothing of it is in the library yet
        answers, errors = ask_as_users(app, users)
        assert not upload.done(), "the upload finished while held at the gate"
    finally:
        meeting.open()
    assert errors == []
    assert len(answers) == USERS * ASKS
    assert [question for question, answer in answers if comparable(answer) != alone[question]] == []

    outcome = upload.result(timeout=WAIT_SECONDS)
    assert outcome["ok"] and len(outcome["added"]) == 2, outcome
    after = api.predict(question=KILN_QUESTION, api_name="/ask")
    assert "Thornby Record" in {c["source"] for c in after["citations"]} and "eight years" in after["answer"].lower(), after
    for article_id in outcome["added"]:
        api.predict(article_id=article_id, api_name="/delete_article")
