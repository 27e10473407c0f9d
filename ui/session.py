"""A browser session's chat: the answered turns, as kept in the browser, and the options of each ask.

The turns live in the browser's localStorage (gr.BrowserState) as plain JSON,
so reloading the page brings back every answer with its own citations. Each
turn is self-contained (passages and quotes are copied in), so its sources
still show after the article changes. The rag `Conversation` used for
follow-up rewriting is rebuilt from these turns on every request.

The browser can send anything as its turns, so they are only ever used for
what that browser shows itself and for its own follow-up questions; a rating
names the turn's `answer_id`, and the feedback entry comes from the server's
own record of that answer (ui/answers.py), never from the turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from rag.assistant import Assistant
from rag.chat import Conversation
from rag.models import Answer

Rating = Literal["up", "down"]
# localStorage holds about 5 MB per site; a turn is ~10 KB with its passages.
MAX_STORED_TURNS = 60
# The trace view shows the start of each retrieved passage; storing whole
# passages of every retrieved chunk would multiply the stored size by top-k.
STORED_TRACE_CHARS = 400


@dataclass
class ChatTurn:
    answer: Answer
    settings: dict[str, Any]
    rating: Rating | None = None
    comment: str | None = field(default=None)
    answer_id: str | None = None  # the server's id of this answer (ui/answers.py); None for older stored turns

    def to_state(self) -> dict[str, Any]:
        answer = self.answer.model_dump(mode="json")
        for passage in answer.get("retrieved", []):
            passage["text"] = passage["text"][:STORED_TRACE_CHARS]
        return {
            "answer": answer,
            "settings": self.settings,
            "rating": self.rating,
            "comment": self.comment,
            "answer_id": self.answer_id,
        }

    @classmethod
    def from_state(cls, data: Any) -> "ChatTurn | None":
        """A stored turn, or None when it is not one (an older format, a hand-edited localStorage)."""
        if not isinstance(data, dict):
            return None
        try:
            answer = Answer.model_validate(data.get("answer"))
        except ValidationError:
            return None
        rating = data.get("rating") if data.get("rating") in ("up", "down") else None
        settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
        comment = data.get("comment") if isinstance(data.get("comment"), str) else None
        answer_id = data.get("answer_id") if isinstance(data.get("answer_id"), str) else None
        return cls(answer, settings, rating, comment, answer_id)


def load_turns(raw: Any) -> list[ChatTurn]:
    """The stored turns (the last MAX_STORED_TURNS, as many as the page ever stores), skipping unreadable ones."""
    if not isinstance(raw, list):
        return []
    return [turn for turn in (ChatTurn.from_state(item) for item in raw[-MAX_STORED_TURNS:]) if turn is not None]


def dump_turns(turns: list[ChatTurn]) -> list[dict[str, Any]]:
    return [turn.to_state() for turn in turns[-MAX_STORED_TURNS:]]


def conversation_for(assistant: Assistant, turns: list[ChatTurn]) -> Conversation:
    """The rag Conversation these turns make (it keeps only as much history as its token budget)."""
    conversation = assistant.new_conversation()
    for turn in turns:
        conversation.add(turn.answer)
    return conversation
