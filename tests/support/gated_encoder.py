"""The real MiniLM encoder with a gate in front of ingest embedding, so a test can hold an ingest mid-way.

`GatedEncoder(real)` embeds exactly as `real` does (same vectors, same fingerprint,
so it opens stores built with it), but while the gate is shut, embedding passages
for an ingest (`embed_with_spans`) waits at it: the test knows the ingest is running
and unfinished (`entered` is set) for as long as it keeps the gate shut, and can
show that questions are answered meanwhile: an ordering, not a timing. Query
embedding never waits. A gate left shut for GATE_TIMEOUT_SECONDS raises instead
of hanging the test run.
"""

from __future__ import annotations

import threading
from typing import Any, Sequence

GATE_TIMEOUT_SECONDS = 120.0


class GateLeftShut(RuntimeError):
    pass


class GatedEncoder:
    def __init__(self, real: Any) -> None:
        self.real = real
        self.entered = threading.Event()  # an ingest is waiting at the shut gate (or has passed it)
        self._open = threading.Event()
        self._open.set()
        self.embedded: list[str] = []  # every passage text embedded for an ingest

    @property
    def fingerprint(self) -> str:
        return str(self.real.fingerprint)

    def shut(self) -> None:
        self.entered.clear()
        self._open.clear()

    def open(self) -> None:
        self._open.set()

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> Any:
        self.entered.set()
        if not self._open.wait(GATE_TIMEOUT_SECONDS):
            raise GateLeftShut("the test never opened the gate of the ingest")
        self.embedded.extend(texts)
        return self.real.embed_with_spans(texts, spans)

    def embed_query(self, text: str) -> list[float]:
        return list(self.real.embed_query(text))

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return list(self.real.embed_documents(texts))

    def __getattr__(self, name: str) -> Any:  # embed_array and the rest: as the real encoder
        return getattr(self.real, name)


class MeetingEncoder(GatedEncoder):
    """A GatedEncoder whose next `meet` query embeddings after `meet_next()` wait for each other at a barrier:
    they get past it only if that many questions are being answered at once. A barrier left waiting `timeout`
    seconds breaks, and the questions at it fail, instead of hanging the test run."""

    def __init__(self, real: Any, meet: int, timeout: float = GATE_TIMEOUT_SECONDS) -> None:
        super().__init__(real)
        self.meet = meet
        self.timeout = timeout
        self.barrier: threading.Barrier | None = None
        self._to_meet = 0
        self._count_lock = threading.Lock()

    def meet_next(self) -> threading.Barrier:
        with self._count_lock:
            self.barrier = threading.Barrier(self.meet, timeout=self.timeout)
            self._to_meet = self.meet
            return self.barrier

    def embed_query(self, text: str) -> list[float]:
        with self._count_lock:
            barrier = self.barrier if self._to_meet > 0 else None
            self._to_meet -= 1 if barrier is not None else 0
        if barrier is not None:
            barrier.wait()
        return super().embed_query(text)
