"""Answers already given, kept for the store generation they were found in.

A question asked again (the same standalone question after any follow-up
rewrite, the same request options and the same settings) while the store is
at the same generation gets the same extractive answer, so it is kept and
handed out again instead of being searched for and picked again. The
generation is the store's `read_key` (index/store.py): it changes with every
commit of this process (an upload's groups, a delete, a metadata edit) and
with the revision another process's ingest bumps, and the first look-up under
a new generation empties the cache. An answer is therefore never served from
a library it was not found in.

Generated (LLM) answers are not kept: they are written anew each time, and a
failed endpoint should be tried again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Hashable

from rag.models import Answer

# Answers kept (of one generation). Each holds its passages with their sentence vectors: ~50-100 KB.
ANSWER_CACHE_SIZE = 256


class AnswerCache:
    """A bounded, thread-safe map from a request's key to its answer, for one generation at a time."""

    def __init__(self, size: int = ANSWER_CACHE_SIZE) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._answers: OrderedDict[Hashable, Answer] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, generation: str, key: Hashable) -> Answer | None:
        """A copy of the answer kept for `key` at `generation` (None: none is)."""
        with self._lock:
            if generation != self._generation:  # the store changed: nothing kept still holds
                self._generation = generation
                self._answers.clear()
            kept = self._answers.get(key)
            if kept is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
        return detached(kept)

    def put(self, generation: str, key: Hashable, answer: Answer) -> None:
        """Keep a copy of `answer`, found at `generation`; dropped if the store has changed since."""
        if self.size <= 0:
            return
        kept = detached(answer)
        with self._lock:
            if generation != self._generation:
                return
            self._answers[key] = kept
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._answers)


def detached(answer: Answer) -> Answer:
    """A copy whose fields and lists can be changed (the question, timings, notice, citations of one request)
    without changing `answer`. The citations, sentences and passages in the lists are shared: nothing changes
    those once an answer is made, and copying them deeply cost more than finding most answers did."""
    return answer.model_copy(
        update={
            "citations": list(answer.citations),
            "sentences": list(answer.sentences),
            "flagged": list(answer.flagged),
            "invalid_markers": list(answer.invalid_markers),
            "retrieved": list(answer.retrieved),
            "timings_ms": dict(answer.timings_ms),
        }
    )
