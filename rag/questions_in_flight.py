"""Questions being answered now, for a background ingest to give way to (cooperatively, bounded).

    questions = QuestionsInFlight()
    with questions.asking():      # around each question (Assistant.stream)
        ...
    questions.give_way()          # at each checkpoint of an upload's ingest (index.pipeline's `give_way`)

The ingest thread's lower CPU priority (rag/ingest_queue.py) does not keep it from taking CPU and the
GIL from the questions, nor its commits from holding them off: at its checkpoints (before an article's
passages are prepared, a group embedded, a group committed) an upload waits while questions are being
answered, up to GIVE_WAY_MAX_PAUSE each time, so that a steady stream of questions slows it but never
stops it.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Iterator

# The longest an ingest waits at one checkpoint for the questions in flight to end. Long enough for a
# question answered in process (~25-100 ms of CPU, more under load) to finish; short enough that with
# questions arriving back to back an upload of 100 files (~130 checkpoints of 64 passages' groups and
# articles) is at most ~30 s slower, never stopped.
GIVE_WAY_MAX_PAUSE = 0.25


class QuestionsInFlight:
    """Counts the questions being answered; `give_way` waits (bounded) until there are none."""

    def __init__(self, max_pause: float = GIVE_WAY_MAX_PAUSE) -> None:
        self.max_pause = max_pause
        self._condition = threading.Condition(threading.Lock())
        self._asking = 0
        self._giving_way = 0

    @contextmanager
    def asking(self) -> Iterator[None]:
        with self._condition:
            self._asking += 1
        try:
            yield
        finally:
            with self._condition:
                self._asking -= 1
                if self._asking == 0:
                    self._condition.notify_all()

    def give_way(self) -> bool:
        """Wait while questions are being answered, at most `max_pause` seconds. True when none are left
        (at once or after waiting), False when the pause ran out with questions still in flight."""
        deadline = time.monotonic() + self.max_pause
        with self._condition:
            self._giving_way += 1
            try:
                while self._asking:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return False
                    self._condition.wait(left)
                return True
            finally:
                self._giving_way -= 1

    @property
    def asked(self) -> int:
        """Questions being answered now."""
        with self._condition:
            return self._asking

    @property
    def giving_way(self) -> int:
        """Threads waiting in `give_way` now."""
        with self._condition:
            return self._giving_way
