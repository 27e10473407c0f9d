"""One Assistant answering on many threads at once, against a real embedded store, also while an upload is
ingested beside them: every answer is the one the same Assistant gives asking alone, and nothing fails.

Overlap is shown by order, never by time: the upload is held at a gate in front of its embedding
(tests/support/gated_encoder.py) while the threads ask, so it cannot have committed anything; and two
questions are shown to be inside the Assistant at once by a barrier they must both reach.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

import pytest

from rag.answer_cache import AnswerCache
from rag.models import Answer
from tests.conftest import make_settings
from tests.support.gated_encoder import GatedEncoder, MeetingEncoder

THREADS = 6
WAIT_SECONDS = 120  # a hang guard for each wait, not a timing check

# Questions about the sample corpus, worded for these tests; the last is not answered by it.
QUESTIONS = [
    "What did Putin tell Trump about Russia's goals in Ukraine?",
    "Who is Yury Ushakov?",
    "How long did the phone call between Putin and Trump last?",
    "What did Dmitry Peskov say about negotiations with Ukraine?",
    "Which weapons deliveries to Ukraine did the United States pause?",
    "What did Trump say after his two-hour call with Putin?",
    "When did the third anniversary of the Azovstal surrender fall?",
    "What did the Kremlin say about Iran during the call?",
    "How many goats did the village of Brantley sell in March?",
]

# Articles written for these tests: the upload.
DEPOT = """---
title: Harrowgate tram depot to open in October
publisher: Harrowgate Courier
date: 2025-08-14
---
The Harrowgate tram depot will open on 6 October with room for thirty-two trams, the transport board said.
Board chair Lorna Eckersley said the depot cost 48 million pounds and was finished two months early.
"""
DEPOT_QUESTION = "How many trams will the Harrowgate tram depot hold?"
WELLS = """---
title: Brackwater restores its village wells
publisher: Brackwater Post
date: 2025-08-15
---
Volunteers in Brackwater restored the three village wells over the summer, the parish council said.
The council paid 9,500 pounds for new oak covers and iron pumps.
"""


def comparable(answer: Answer) -> dict[str, Any]:
    """The whole answer, retrieval trace included, but for how long it took."""
    data = answer.to_contract(include_trace=True)
    data.pop("timings_ms")
    return data


def on_threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    """Run work(0..count-1) on threads started together; the exceptions they raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(number: int) -> None:
        try:
            start.wait(WAIT_SECONDS)
            work(number)
        except BaseException as error:  # noqa: BLE001  collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_SECONDS * 2)
        assert not thread.is_alive(), "a thread never finished"
    return errors


def open_assistant(data_dir: Path, encoder_wrapper: Callable[[Any], Any] = GatedEncoder) -> Any:
    from rag.assistant import Assistant
    from rag.services import build_encoder, build_store

    settings = make_settings(data_dir)
    encoder = encoder_wrapper(build_encoder(settings))
    return Assistant(settings, build_store(settings, encoder).open_for_reading(), encoder)


@pytest.fixture(scope="module")
def serial_answers(sample_data_dir: Path) -> dict[str, dict[str, Any]]:
    """Each question's answer from an Assistant asking one question at a time."""
    assistant = open_assistant(sample_data_dir)
    return {question: comparable(assistant.ask(question)) for question in QUESTIONS}


def test_questions_asked_on_many_threads_at_once_get_the_answers_asked_alone_gets(
    sample_data_dir: Path, serial_answers: dict[str, dict[str, Any]]
) -> None:
    assistant = open_assistant(sample_data_dir, lambda real: MeetingEncoder(real, THREADS))
    barrier = assistant.encoder.meet_next()  # the threads' first questions are answered at once
    assistant.answers = AnswerCache(size=0)  # every question is answered in full, on every thread
    answers: list[tuple[str, dict[str, Any]]] = []

    def ask_all(number: int) -> None:
        for question in QUESTIONS[number:] + QUESTIONS[:number]:  # each thread in its own order
            answers.append((question, comparable(assistant.ask(question))))

    assert on_threads(THREADS, ask_all) == []
    assert not barrier.broken
    assert len(answers) == THREADS * len(QUESTIONS)
    different = [question for question, answer in answers if answer != serial_answers[question]]
    assert different == []


def test_questions_asked_on_many_threads_while_an_upload_is_ingested_see_it_whole_or_not_at_all(
    fresh_data_dir: Path, serial_answers: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    assistant = open_assistant(fresh_data_dir)
    gate: GatedEncoder = assistant.encoder
    folder = tmp_path / "upload"
    folder.mkdir()
    (folder / "depot.md").write_text(DEPOT, encoding="utf-8")
    (folder / "wells.md").write_text(WELLS, encoding="utf-8")
    before = assistant.ask(DEPOT_QUESTION)
    assert before.abstained and not any(c.source == "Harrowgate Courier" for c in before.citations)

    gate.shut()
    outcome: dict[str, Any] = {}

    def upload() -> None:
        try:
            outcome["report"] = assistant.ingest([folder], prune=False)
        except BaseException as error:  # noqa: BLE001  reported by the assertion below
            outcome["error"] = error

    uploading = threading.Thread(target=upload)
    uploading.start()
    try:
        assert gate.entered.wait(WAIT_SECONDS), "the upload never started embedding"
        held: list[tuple[str, dict[str, Any]]] = []

        def ask_while_held(number: int) -> None:
            for question in QUESTIONS[number:] + QUESTIONS[:number] + [DEPOT_QUESTION]:
                held.append((question, comparable(assistant.ask(question))))

        # the upload is held in front of its embedding: read and chunked, nothing committed
        assert on_threads(THREADS, ask_while_held) == []
        assert uploading.is_alive(), "the upload finished while held at the gate"
    finally:
        gate.open()
    during: list[tuple[str, dict[str, Any]]] = []

    def ask_until_uploaded(number: int) -> None:
        questions = QUESTIONS[number:] + QUESTIONS[:number] + [DEPOT_QUESTION]
        asked = 0
        while uploading.is_alive() or asked < len(questions):  # some before its commit, the rest after
            question = questions[asked % len(questions)]
            during.append((question, comparable(assistant.ask(question))))
            asked += 1

    assert on_threads(THREADS, ask_until_uploaded) == []
    uploading.join(WAIT_SECONDS)
    assert "error" not in outcome, outcome
    assert outcome["report"].as_json()["added"] == 2

    before_upload = {**serial_answers, DEPOT_QUESTION: comparable(before)}
    after_upload = {question: comparable(assistant.ask(question)) for question in before_upload}
    depot = after_upload[DEPOT_QUESTION]
    assert "Harrowgate Courier" in {c["source"] for c in depot["citations"]} and "thirty-two" in depot["answer"]
    assert [question for question, answer in held if answer != before_upload[question]] == []
    # asked while it was committed: the library before the upload or after it, never a part of it
    assert [question for question, answer in during if answer not in (before_upload[question], after_upload[question])] == []


def test_a_question_is_still_answered_when_the_parse_workers_are_gone(sample_settings: object) -> None:
    """At interpreter exit (or after the pool is shut down) no worker can take the question's parse: it is
    parsed on the asking thread, and the answer is the one a working pool gives."""
    from rag.assistant import Assistant

    question = "How long did the phone call between Putin and Trump last?"
    working = Assistant.from_settings(sample_settings)  # type: ignore[arg-type]
    expected = working.ask(question, mode="extractive")
    closed = Assistant.from_settings(sample_settings)  # type: ignore[arg-type]
    closed._parser().shutdown()
    answer = closed.ask(question, mode="extractive")
    assert not answer.abstained
    assert answer.answer == expected.answer
