"""The answers this server process gave, by an id it issued: what a rating is checked against and written from.

The browser keeps its chat (ui/session.py), but whatever a browser sends can
be made up, so feedback never takes the question, answer or citations from
it: the client names an answer by its id, and the entry is written from the
server's own record. The record is kept in memory, for the most recent
answers only (least recently used first out), so a restarted server, or an
answer older than the last `capacity`, can no longer be rated.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from rag.models import Answer

# A rating can be changed (up, then down); past this many per answer, more are refused.
MAX_RATINGS_PER_ANSWER = 3


@dataclass
class IssuedAnswer:
    """What feedback needs of one answer, copied when it was given (the answer object itself is not kept)."""

    answer_id: str
    question: str
    rewritten_query: str | None
    answer: str
    abstained: bool
    citations: list[dict[str, Any]]
    settings: dict[str, Any]
    ratings: list[tuple[str, str | None]] = field(default_factory=list)  # (rating, comment) written so far


def new_answer_id() -> str:
    """Unguessable (128 random bits), so knowing one id tells nothing about another."""
    return secrets.token_urlsafe(16)


class AnswerLedger:
    """A bounded, thread-safe record of the answers given, newest last."""

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._records: OrderedDict[str, IssuedAnswer] = OrderedDict()
        self.lock = threading.Lock()

    def issue(self, answer: Answer, settings: dict[str, Any]) -> str:
        """Remember `answer` (asked with `settings`) and return the id that names it."""
        contract = answer.to_contract()
        record = IssuedAnswer(
            answer_id=new_answer_id(),
            question=answer.question,
            rewritten_query=answer.rewritten_query,
            answer=answer.answer,
            abstained=answer.abstained,
            citations=contract["citations"],
            settings=dict(settings),
        )
        with self.lock:
            self._records[record.answer_id] = record
            while len(self._records) > self.capacity:
                self._records.popitem(last=False)
        return record.answer_id

    def get(self, answer_id: Any) -> IssuedAnswer | None:
        """The record of `answer_id`, or None when this process never gave it or has forgotten it."""
        if not isinstance(answer_id, str):
            return None
        with self.lock:
            record = self._records.get(answer_id)
            if record is not None:
                self._records.move_to_end(answer_id)  # an answer being rated stays a little longer
            return record

    def __len__(self) -> int:
        with self.lock:
            return len(self._records)
