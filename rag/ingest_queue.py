"""Ingests in the background, one at a time: uploads queue behind each other while questions go on.

    queue = IngestQueue()
    job = queue.submit(lambda job: library.ingest(paths, on_read=job.file_read, ...), files=len(paths))
    job.snapshot()   # state, files read / done, passages embedded, place in the queue
    job.wait(0.5)    # True once it has finished; job.result, or job.error (one sentence)

A job is a function given its `IngestJob`, through which it reports progress.
One worker thread runs the jobs in turn (it ends when the queue is empty and
starts again with the next job), so two ingests never compete for the store's
write session or the CPU, and a question never waits for an ingest but for
its short commits (index/commit_lock.py). The worker runs at a lower CPU
priority than the questions (Linux): with 20 users asking throughout a 100-file
upload their p95 fell by a quarter and the upload took about twice as long
(bench/README.md, "Asking while an upload is ingested"). A job that raises is logged and
ends with a sentence instead of a result.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal, Sequence

from rag.errors import SourcedError

logger = logging.getLogger(__name__)

# How much lower the worker's CPU priority is than the questions' (a nice increment, Linux: per thread).
BACKGROUND_NICENESS = 10

JobState = Literal["queued", "reading", "embedding", "done", "failed"]
# Finished jobs kept for their pages to fetch the outcome (each holds an outcome of a few sentences).
FINISHED_KEPT = 200
JOB_FAILED = "The upload stopped because of an unexpected error; nothing more was added. Try again (the server log has the details)."


@dataclass(frozen=True)
class JobSnapshot:
    """A job's progress at one moment."""

    job_id: str
    state: JobState
    files: int  # files in the job
    files_read: int  # read and chunked (or refused)
    files_done: int  # in the library, or refused
    passages_done: int  # passages embedded and committed
    passages_total: int  # passages to embed (known once every file is read)
    ahead: int  # jobs before this one in the queue (while queued)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    def as_json(self) -> dict[str, Any]:
        return {
            "job_id": self.job_id,
            "state": self.state,
            "files": self.files,
            "files_read": self.files_read,
            "files_done": self.files_done,
            "passages_done": self.passages_done,
            "passages_total": self.passages_total,
            "ahead": self.ahead,
        }


class IngestJob:
    """One queued ingest; its work reports progress through `file_read`, `files_done`, `passages`."""

    def __init__(self, work: Callable[["IngestJob"], Any], files: int, queue: "IngestQueue") -> None:
        self.id = secrets.token_urlsafe(12)
        self.files = files
        self._work = work
        self._queue = queue
        self._lock = threading.Lock()
        self._finished = threading.Event()
        self._state: JobState = "queued"
        self._files_read = 0
        self._files_done = 0
        self._passages = (0, 0)
        self.result: Any = None
        self.error: str | None = None

    # --- reported by the work ---------------------------------------------------------------------
    def file_read(self, _path: Path | None = None) -> None:
        with self._lock:
            self._files_read = min(self.files, self._files_read + 1)

    def files_done(self, count: int = 1) -> None:
        """`count` more files are finished: in the library, unchanged, or refused."""
        with self._lock:
            self._files_done = min(self.files, self._files_done + count)

    def passages(self, done: int, total: int) -> None:
        """Passages embedded and committed so far, of those this job embeds (index.pipeline's progress)."""
        with self._lock:
            self._state = "embedding"
            self._passages = (done, total)

    # --- read by pages ---------------------------------------------------------------------------
    def snapshot(self) -> JobSnapshot:
        with self._lock:
            state, read, done, (passages, total) = self._state, self._files_read, self._files_done, self._passages
        ahead = self._queue.ahead_of(self) if state == "queued" else 0
        return JobSnapshot(self.id, state, self.files, read, done, passages, total, ahead)

    @property
    def finished(self) -> bool:
        return self._finished.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has finished (True) or `timeout` seconds have passed (False)."""
        return self._finished.wait(timeout)

    # --- run by the worker -----------------------------------------------------------------------
    def _run(self) -> None:
        with self._lock:
            self._state = "reading"
        try:
            result = self._work(self)
        except SourcedError as failure:  # a named failure: its own sentence
            self._finish("failed", error=failure.message)
        except Exception:  # noqa: BLE001  the worker must survive any job; the log keeps the traceback
            logger.exception("background ingest %s failed", self.id)
            self._finish("failed", error=JOB_FAILED)
        else:
            self._finish("done", result=result)

    def _finish(self, state: JobState, *, result: Any = None, error: str | None = None) -> None:
        with self._lock:
            self._state = state
            self.result, self.error = result, error
            self._files_done = self.files if state == "done" else self._files_done
        self._finished.set()


class IngestQueue:
    """Jobs run one at a time, in the order submitted, on a worker thread of their own."""

    def __init__(self, name: str = "sourced-ingest") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._pending: deque[IngestJob] = deque()
        self._running: IngestJob | None = None
        self._worker: threading.Thread | None = None
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()

    def submit(self, work: Callable[[IngestJob], Any], files: int) -> IngestJob:
        """Queue `work` (called with its job); returns at once."""
        job = IngestJob(work, files, self)
        with self._lock:
            self._pending.append(job)
            self._jobs[job.id] = job
            self._forget_old()
            if self._worker is None:
                self._worker = threading.Thread(target=self._drain, name=self._name, daemon=True)
                self._worker.start()
        return job

    def job(self, job_id: str | None) -> IngestJob | None:
        if not job_id:
            return None
        with self._lock:
            return self._jobs.get(job_id)

    def unfinished(self) -> Sequence[IngestJob]:
        """The running job, then the queued ones."""
        with self._lock:
            return [job for job in (self._running, *self._pending) if job is not None and not job.finished]

    @property
    def busy(self) -> bool:
        """A job is running or queued (one that has just finished no longer counts)."""
        return bool(self.unfinished())

    def ahead_of(self, job: IngestJob) -> int:
        with self._lock:
            try:
                position = self._pending.index(job)
            except ValueError:
                return 0
            return position + (self._running is not None and not self._running.finished)

    def _drain(self) -> None:
        _give_way_to_questions()
        while True:
            with self._lock:
                if not self._pending:
                    self._running = None
                    self._worker = None
                    return
                job = self._running = self._pending.popleft()
            job._run()

    def _forget_old(self) -> None:
        finished = [job_id for job_id, job in self._jobs.items() if job.finished]
        for job_id in finished[: max(0, len(finished) - FINISHED_KEPT)]:
            del self._jobs[job_id]


def _give_way_to_questions() -> None:
    """Lower this thread's CPU priority (not the process's: Linux keeps a nice value per thread), so that on a
    busy machine the questions answered meanwhile get the cores first and the upload the rest. Where that
    cannot be done the worker runs at the same priority as the questions."""
    try:
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + BACKGROUND_NICENESS))
    except (AttributeError, OSError):  # not Linux, or not allowed
        pass
