"""A readers-writer lock between questions and the short commits of an ingest, within one process.

An ingest spends almost all its time reading files and embedding passages,
which touches nothing a question reads; only its commits (a group's passages,
records and old versions, written to Chroma and the keyword index) change
what questions see. Questions hold the read side while they search and pick
sentences, so each sees the store either before or after a commit, never
half-way; commits hold the write side, which waits for the questions in
progress, and new questions wait for a commit that is waiting (so a stream of
questions cannot starve an upload). Both sides are re-entrant in the thread
that holds them, and a writer may read.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator


class CommitLock:
    def __init__(self) -> None:
        self._condition = threading.Condition(threading.Lock())
        self._readers = 0  # threads reading (each counted once, however deeply it nests)
        self._writer: int | None = None  # the thread writing
        self._writer_depth = 0
        self._writers_waiting = 0
        self._readers_waiting = 0
        self._local = threading.local()  # this thread's read depth

    @contextmanager
    def reading(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        me = threading.get_ident()
        if depth == 0 and self._writer != me:
            with self._condition:
                self._readers_waiting += 1
                try:
                    while self._writer is not None or self._writers_waiting:
                        self._condition.wait()
                finally:
                    self._readers_waiting -= 1
                self._readers += 1
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            if depth == 0 and self._writer != me:
                with self._condition:
                    self._readers -= 1
                    if self._readers == 0:
                        self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[bool]:
        """Yields True for the outermost hold (the commit that ends when it exits)."""
        me = threading.get_ident()
        with self._condition:
            if self._writer == me:
                self._writer_depth += 1
            else:
                if getattr(self._local, "depth", 0):
                    raise RuntimeError("a thread that is reading cannot start a commit (it would wait for itself)")
                self._writers_waiting += 1
                try:
                    while self._writer is not None or self._readers:
                        self._condition.wait()
                finally:
                    self._writers_waiting -= 1
                self._writer, self._writer_depth = me, 1
        try:
            yield self._writer_depth == 1
        finally:
            with self._condition:
                self._writer_depth -= 1
                if self._writer_depth == 0:
                    self._writer = None
                    self._condition.notify_all()

    @property
    def waiting(self) -> tuple[int, int]:
        """(readers, writers) waiting for the lock now."""
        with self._condition:
            return self._readers_waiting, self._writers_waiting

    @property
    def held_for_writing(self) -> bool:
        return self._writer == threading.get_ident()
