"""A background ingest gives way to questions (rag/questions_in_flight.py, index.pipeline's `give_way`):
it waits at its checkpoints while a question is answered, goes on when it ends, and never waits longer
than its pause however many questions come. Shown by order and by counts, never by timings."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from index.pipeline import ChunkSettings, IngestReport, ingest
from rag.questions_in_flight import QuestionsInFlight
from rag.services import build_store
from tests.conftest import make_settings
from tests.index.conftest import SMALL_CHUNKS, assert_consistent

CHUNKS = ChunkSettings(*SMALL_CHUNKS)
STEP = 60.0  # a hang guard for each wait, not a timing check


class RecordedGiveWay:
    """A `give_way` that records which threads came to a checkpoint and whether they found no question left."""

    def __init__(self, questions: QuestionsInFlight) -> None:
        self.questions = questions
        self.calls: list[tuple[str, bool]] = []
        self._lock = threading.Lock()

    def __call__(self) -> bool:
        clear = self.questions.give_way()
        with self._lock:
            self.calls.append((threading.current_thread().name, clear))
        return clear


def start_ingest(folder: Path, data_dir: Path, encoder: Any, give_way: Any) -> tuple[threading.Thread, dict[str, Any], Any]:
    store = build_store(make_settings(data_dir), encoder).open_for_writing()
    outcome: dict[str, Any] = {"progress": []}

    def run() -> None:
        outcome["report"] = ingest(
            [folder], store, encoder, chunks=CHUNKS, group_chunks=8, give_way=give_way,
            progress=lambda done, total: outcome["progress"].append((done, total)),
        )

    thread = threading.Thread(target=run, name="test-ingest", daemon=True)
    thread.start()
    return thread, outcome, store


def wait_until(condition: Any) -> None:
    deadline = time.monotonic() + STEP
    while not condition():
        assert time.monotonic() < deadline, "hang guard"
        time.sleep(0.005)


def test_an_ingest_waits_at_its_checkpoints_while_a_question_is_answered_and_goes_on_when_it_ends(
    tmp_path: Path, small_corpus: Path, encoder: Any
) -> None:
    questions = QuestionsInFlight(max_pause=STEP)  # longer than the question: the ingest waits it out
    give_way = RecordedGiveWay(questions)
    with questions.asking():
        thread, outcome, store = start_ingest(small_corpus, tmp_path / "data", encoder, give_way)
        wait_until(lambda: questions.giving_way >= 1)
        assert thread.is_alive() and "report" not in outcome
        assert store.count() == 0, "the ingest committed while a question was being answered"
        assert all(done == 0 for done, _ in outcome["progress"])
    thread.join(STEP)
    assert not thread.is_alive()
    report: IngestReport = outcome["report"]
    assert len(report.added) == 4 and report.chunks > 8  # several groups: several commit checkpoints
    assert store.count() == report.chunks and sum(assert_consistent(store).values()) == report.chunks
    done, total = outcome["progress"][-1]
    assert done == total == report.chunks
    threads = {name for name, _ in give_way.calls}
    # every kind of checkpoint: articles prepared, groups embedded (worker threads), groups committed
    assert {"test-ingest", "ingest-prepare"} <= threads and any(name.startswith("ingest-embed") for name in threads)
    assert all(clear for _, clear in give_way.calls), "a checkpoint gave up waiting for the question"


def test_the_pause_is_bounded_so_an_ingest_finishes_while_questions_keep_coming(
    tmp_path: Path, small_corpus: Path, encoder: Any
) -> None:
    questions = QuestionsInFlight(max_pause=0.01)
    give_way = RecordedGiveWay(questions)
    with questions.asking():  # a question in flight throughout, as when users ask back to back
        thread, outcome, store = start_ingest(small_corpus, tmp_path / "data", encoder, give_way)
        thread.join(STEP)
        assert not thread.is_alive(), "the ingest waited for the questions to stop"
    assert len(outcome["report"].added) == 4 and store.count() == outcome["report"].chunks
    assert give_way.calls and not any(clear for _, clear in give_way.calls)


def test_a_question_counts_while_it_is_answered(assistant: Any) -> None:
    assert assistant.questions.asked == 0
    events = assistant.stream("Who leads the city council?")
    next(events)  # the answer's text: the question is being answered
    assert assistant.questions.asked == 1
    waiting = threading.Thread(target=assistant.questions.give_way)
    for _ in events:
        pass
    assert assistant.questions.asked == 0
    waiting.start()
    waiting.join(STEP)
    assert not waiting.is_alive() and assistant.questions.give_way() is True


def test_give_way_returns_as_soon_as_the_last_question_ends() -> None:
    questions = QuestionsInFlight(max_pause=STEP)
    results: list[bool] = []
    first, second = questions.asking(), questions.asking()
    first.__enter__()
    second.__enter__()
    waiter = threading.Thread(target=lambda: results.append(questions.give_way()))
    waiter.start()
    wait_until(lambda: questions.giving_way == 1)
    first.__exit__(None, None, None)
    assert questions.asked == 1 and questions.giving_way == 1 and not results, "gave way while a question was in flight"
    second.__exit__(None, None, None)
    waiter.join(STEP)
    assert results == [True] and questions.giving_way == 0


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    from bench.corpus import generate_corpus

    folder = tmp_path / "small"
    generate_corpus(folder, 4, seed=11, paragraphs=(3, 5))
    return folder
