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
    put_articles = store.put_articles

    def pause_then_put_articles(records: Any) -> None:
        # the passages are in (Chroma and the keyword index); the article record is not yet
        half_written.set()
        # the question has come: it is either held at the lock, or (without one) already answered
        wait_until(lambda: store.commits.waiting[0] == 1 or answered.is_set())
        events.append("commit goes on")
        put_articles(records)

    store.put_articles = pause_then_put_articles  # type: ignore[method-assign]

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


class _PausingWriter:
    """A real Tantivy writer whose commits stop, once committed, until the test lets them go on."""

    def __init__(self, writer: Any, at_commit: Callable[[], None]) -> None:
        self._writer = writer
        self._at_commit = at_commit

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)

    def commit(self) -> Any:
        stamp = self._writer.commit()
        self._at_commit()
        return stamp


def pause_keyword_commits(store: Any, at_commit: Callable[[], None]) -> None:
    keyword = store.keyword
    open_writer = keyword._writer
    keyword._writer = lambda index: _PausingWriter(open_writer(index), at_commit)


def seen_whole(store: Any, encoder: Any, queries: list[str]) -> dict[str, str]:
    """What a question sees, read as one (under the read side, the keyword view refreshed as a question
    refreshes it): the keyword index and Chroma agree with the article records, and every BM25 or dense
    hit is a passage of its article's recorded version, at the offsets the record's text has. Returns
    the content hash of every article."""
    keyword = store.keyword
    with store.reading():
        keyword.refresh()
        records = store.article_versions()
        assert keyword.versions() == {a: {h: n} for a, (h, n) in records.items()}
        assert keyword.count() == store.count() == sum(n for _, n in records.values())
        hits = [h.passage for q in queries for h in keyword.search(q, 5)]
        hits += [h.passage for q in queries for h in store.query(encoder.embed_query(q), 5)]
        texts = store.articles(sorted({p.article_id for p in hits}))
        for passage in hits:
            record = texts[passage.article_id]  # a hit always has its article's record
            assert passage.content_hash == record.content_hash
            assert record.text[passage.start : passage.end] == passage.text
    return {a: h for a, (h, _) in records.items()}


def test_a_question_goes_on_while_the_keyword_index_commits_and_sees_the_group_only_after_chromas_writes(
    sample_data_dir: Path, tmp_path: Path, encoder: Any
) -> None:
    """The keyword index's commit of a group (most of a commit's work besides Chroma's writes) no longer
    holds questions off: one asked while it runs is answered from the store as it was, whole."""
    import shutil

    from rag.assistant import Assistant
    from rag.services import build_store
    from tests.conftest import make_settings

    data_dir = tmp_path / "data"
    shutil.copytree(sample_data_dir, data_dir)
    settings = make_settings(data_dir)
    assistant = Assistant(settings, build_store(settings, encoder).open_for_reading(), encoder)
    store = assistant.store
    depot, ferry = tmp_path / "depot.md", tmp_path / "ferry.md"
    header = "---\ntitle: Tram depot opens\npublisher: Harrowgate Courier\n---\n"
    depot.write_text(header + "The Harrowgate tram depot opened on Friday with room for thirty-two trams.\n",
                     encoding="utf-8")
    assistant.ingest([depot], prune=False)
    depot.write_text(header + "The Harrowgate tram depot opened on Friday with room for forty trams. A funicular "
                     "from the station to the depot will follow in spring.\n", encoding="utf-8")
    ferry.write_text("---\ntitle: Ferry resumes\npublisher: Orkholm Herald\n---\n"
                     "The ferry to Orkholm resumes sailing in May, the harbour master said.\n", encoding="utf-8")
    queries = ["funicular to the tram depot", "ferry to Orkholm", "tram depot trams"]
    before = seen_whole(store, encoder, queries)
    committed, go_on, answered = threading.Event(), threading.Event(), threading.Event()

    def at_commit() -> None:
        committed.set()
        assert go_on.wait(STEP)

    pause_keyword_commits(store, at_commit)
    answers: list[Any] = []

    def ask() -> None:
        answers.append(assistant.ask("When does the funicular to the Harrowgate tram depot open?"))
        answered.set()

    ingest = in_thread(lambda: assistant.ingest([depot, ferry], prune=False))
    try:
        assert committed.wait(STEP)  # the keyword index holds the new passages on disk; Chroma not yet
        asker = in_thread(ask)
        assert answered.wait(STEP), "the question waited for the keyword index's commit"
        assert seen_whole(store, encoder, queries) == before  # still the store as it was, whole
        for citation in answers[0].citations:
            record = assistant.article(citation.article_id)
            assert "funicular" not in citation.text and record is not None
            assert record.text[citation.start : citation.end] == citation.quote
    finally:
        go_on.set()
        ingest.join(STEP)
    asker.join(STEP)
    after = seen_whole(store, encoder, queries)
    assert after != before and len(after) == len(before) + 1
    cited = assistant.ask("When does the funicular to the Harrowgate tram depot open?").citations
    assert any("funicular" in c.text for c in cited)


def test_questions_during_an_ingest_see_each_group_whole(tmp_path: Path, encoder: Any) -> None:
    """Updates and new articles committed in several groups, read by a question at every keyword commit (before
    Chroma's writes) and by another reading over and over meanwhile: each read sees one state, whole."""
    from bench.corpus import generate_corpus
    from index.pipeline import ChunkSettings, ingest
    from index.store import PassageStore, open_client

    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 6, seed=5, paragraphs=(2, 3))
    store = PassageStore(open_client(tmp_path / "data"), "groups", encoder.fingerprint, tmp_path / "data" / "keyword")
    store.open_for_writing()
    chunks = ChunkSettings(64, 10)
    ingest([corpus], store, encoder, chunks=chunks, group_chunks=8)
    for number, path in enumerate(sorted(corpus.glob("*.txt"))[:4]):
        path.write_text(path.read_text(encoding="utf-8") + f"\nThe harbour office corrected notice {number} on Monday.\n",
                        encoding="utf-8")
    generate_corpus(tmp_path / "more", 2, seed=6, paragraphs=(2, 3))
    for path in (tmp_path / "more").glob("*.txt"):
        shutil_copy(path, corpus / f"more-{path.name}")
    queries = ["harbour office corrected notice", "council budget vote", "ferry timetable"]
    states = [seen_whole(store, encoder, queries)]
    at_commits: list[dict[str, str]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def at_commit() -> None:  # in the ingest thread, the group's keyword commit made, Chroma's writes to come
        result: list[dict[str, str]] = []
        reader = in_thread(lambda: result.append(seen_whole(store, encoder, queries)))
        reader.join(STEP)
        assert result, "a question waited for the keyword index's commit"
        at_commits.append(result[0])

    def keep_reading() -> None:
        try:
            while not done.is_set():
                seen_whole(store, encoder, queries)
        except BaseException as error:  # noqa: BLE001  reported by the test thread
            errors.append(error)

    pause_keyword_commits(store, at_commit)
    reader = in_thread(keep_reading)
    try:
        report = ingest([corpus], store, encoder, chunks=chunks, group_chunks=8)
    finally:
        done.set()
        reader.join(STEP)
    assert not errors, errors[0]
    states.append(seen_whole(store, encoder, queries))
    assert len(report.updated) == 4 and len(report.added) == 2
    assert len(at_commits) >= 3  # several groups, each seen as the state before its commit
    assert at_commits[0] == states[0]
    for earlier, later in zip(at_commits, at_commits[1:]):
        assert earlier != later  # each commit changed the store as a whole, the next keyword commit unseen
    assert at_commits[-1] != states[-1]


def shutil_copy(source: Path, target: Path) -> None:
    target.write_bytes(source.read_bytes())
