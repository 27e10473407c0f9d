"""The readers-writer lock between questions and an ingest's commits (index/commit_lock.py), and the store's
use of it: shown by the order of events between real threads, never by how long anything took."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

import pytest

from index.commit_lock import CommitLock

STEP = 30.0  # a hang guard for each wait: the tests check order, not time


def in_thread(work: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_readers_share_and_a_commit_waits_for_them_then_new_readers_wait_for_the_commit() -> None:
    lock = CommitLock()
    events: list[str] = []
    first_in, second_in, leave = threading.Event(), threading.Event(), threading.Event()
    committed, late_reader_in = threading.Event(), threading.Event()

    def reader(entered: threading.Event, name: str) -> None:
        with lock.reading():
            events.append(f"{name} in")
            entered.set()
            assert leave.wait(STEP)
            events.append(f"{name} out")

    first = in_thread(lambda: reader(first_in, "reader 1"))
    assert first_in.wait(STEP)
    second = in_thread(lambda: reader(second_in, "reader 2"))
    assert second_in.wait(STEP), "a second reader waited for the first"

    def commit() -> None:
        with lock.writing():
            events.append("commit")
        committed.set()

    writer = in_thread(commit)
    while lock._writers_waiting == 0:  # the commit has asked for the lock
        threading.Event().wait(0.001)

    def late_reader() -> None:
        with lock.reading():
            events.append("late reader in")
            late_reader_in.set()

    late = in_thread(late_reader)
    assert not committed.is_set() and not late_reader_in.is_set()
    leave.set()
    for thread in (first, second, writer, late):
        thread.join(STEP)
    # the commit came after both readers left, and the reader that came while it waited went after it
    assert events.index("commit") > max(events.index("reader 1 out"), events.index("reader 2 out"))
    assert events.index("late reader in") > events.index("commit")


def test_both_sides_are_reentrant_and_a_writer_may_read() -> None:
    lock = CommitLock()
    with lock.writing() as outermost:
        assert outermost and lock.held_for_writing
        with lock.writing() as inner, lock.reading():
            assert not inner
    assert not lock.held_for_writing
    with lock.reading(), lock.reading():
        pass  # a nested read never waits, even for a waiting writer
    with lock.reading(), pytest.raises(RuntimeError, match="cannot start a commit"):
        with lock.writing():
            pass


def wait_until(condition: Callable[[], bool]) -> None:
    deadline = threading.Event()
    for _ in range(int(STEP * 1000)):
        if condition():
            return
        deadline.wait(0.001)
    raise AssertionError("the condition never held")


def test_a_question_asked_mid_commit_waits_for_it_and_sees_the_whole_group(
    sample_data_dir: Path, tmp_path: Path, encoder: Any
) -> None:
    import shutil

    from rag.assistant import Assistant
    from rag.services import build_store
    from tests.conftest import make_settings

    data_dir = tmp_path / "data"
    shutil.copytree(sample_data_dir, data_dir)
    settings = make_settings(data_dir)
    assistant = Assistant(settings, build_store(settings, encoder).open_for_reading(), encoder)
    store = assistant.store
    article = tmp_path / "depot.md"
    article.write_text("---\ntitle: Tram depot opens\npublisher: Harrowgate Courier\n---\n"
                       "The Harrowgate tram depot opened on Friday with room for thirty-two trams.\n", encoding="utf-8")
    events: list[str] = []
    half_written, answered = threading.Event(), threading.Event()
    cited: list[set[str]] = []
    upsert = store.upsert_passages

    def upsert_then_pause(passages: Any, vectors: Any) -> None:
        upsert(passages, vectors)  # the passages are in; the article record is not yet
        half_written.set()
        # the question has come: it is either held at the lock, or (without one) already answered
        wait_until(lambda: store.commits.waiting[0] == 1 or answered.is_set())
        events.append("commit goes on")

    store.upsert_passages = upsert_then_pause  # type: ignore[method-assign]

    def ask() -> None:
        answer = assistant.ask("How many trams does the Harrowgate tram depot hold?")
        events.append("answered")
        cited.append({c.source for c in answer.citations})
        answered.set()

    ingest = in_thread(lambda: assistant.ingest([article], prune=False))
    assert half_written.wait(STEP)
    asker = in_thread(ask)
    ingest.join(STEP)
    asker.join(STEP)
    assert events == ["commit goes on", "answered"]
    assert "Harrowgate Courier" in cited[0] and assistant.article(assistant.article_id_for(article)) is not None
