"""The background ingest queue (rag/ingest_queue.py): one job at a time, in order, progress, failures as sentences.
Order is shown with events between the jobs, never with timings."""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

import pytest

from rag.errors import SourcedError
from rag.ingest_queue import JOB_FAILED, IngestJob, IngestQueue

STEP = 30.0  # a hang guard for each wait


def test_jobs_run_one_at_a_time_in_the_order_submitted_and_report_their_progress() -> None:
    queue = IngestQueue()
    release = threading.Event()
    log: list[str] = []
    running: list[int] = []

    def work(name: str, hold: bool) -> Any:
        def run(job: IngestJob) -> str:
            running.append(1)
            assert len(running) == 1, "two jobs ran at once"
            log.append(f"{name} starts")
            job.file_read()
            job.passages(0, 8)
            job.files_done(1)
            if hold:
                assert release.wait(STEP)
            log.append(f"{name} ends")
            running.pop()
            return name

        return run

    first = queue.submit(work("first", hold=True), files=2)
    second = queue.submit(work("second", hold=False), files=1)
    third = queue.submit(work("third", hold=False), files=3)
    while first.snapshot().state != "embedding":
        assert not first.wait(0.001)
    assert queue.busy and [job.id for job in queue.unfinished()] == [first.id, second.id, third.id]
    progress = first.snapshot()
    assert (progress.state, progress.files, progress.files_read, progress.files_done) == ("embedding", 2, 1, 1)
    assert (progress.passages_done, progress.passages_total) == (0, 8)
    assert [second.snapshot().ahead, third.snapshot().ahead] == [1, 2]
    assert second.snapshot().state == "queued" and not second.finished

    release.set()
    assert third.wait(STEP) and first.finished and second.finished
    assert log == ["first starts", "first ends", "second starts", "second ends", "third starts", "third ends"]
    assert [first.result, second.result, third.result] == ["first", "second", "third"]
    assert third.snapshot().state == "done" and third.snapshot().files_done == 3
    assert queue.job(first.id) is first and queue.job("no-such-job") is None
    # the worker ends with the queue, and a later job starts a new one
    while queue.busy:
        threading.Event().wait(0.001)
    assert queue.submit(lambda job: "later", files=1).wait(STEP)


def test_a_job_that_fails_ends_with_one_sentence_and_the_queue_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    queue = IngestQueue()

    def named(job: IngestJob) -> None:
        raise SourcedError("The Chroma server stopped answering; start it again and upload the files again.")

    def unexpected(job: IngestJob) -> None:
        raise KeyError("chunk")

    with caplog.at_level(logging.ERROR, logger="rag.ingest_queue"):
        failing = queue.submit(named, files=1)
        crashing = queue.submit(unexpected, files=1)
        after = queue.submit(lambda job: "fine", files=1)
        assert after.wait(STEP)
    assert failing.snapshot().state == "failed" and failing.result is None
    assert failing.error == "The Chroma server stopped answering; start it again and upload the files again."
    assert crashing.error == JOB_FAILED and "KeyError" in caplog.text  # the traceback goes to the log only
    assert after.result == "fine"


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="thread priorities are a Linux feature")
def test_the_worker_gives_way_to_questions_for_the_cpu() -> None:
    # Linux keeps a nice value per thread: the ingest's is higher (lower priority) than the threads asking
    queue = IngestQueue()
    job = queue.submit(lambda job: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()), files=1)
    assert job.wait(STEP) and job.error is None
    asking = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert job.result > asking or job.result == 19
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == asking  # the caller's own is unchanged
