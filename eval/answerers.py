"""What the runner asks: anything that turns a question (in a conversation) into an `Answer`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from rag.assistant import AnswerModeChoice, Assistant
from rag.models import Answer
from rag.retrieval import RetrievalMode


class Answerer(Protocol):
    """A system under evaluation; `top_k` is the k of the retrieval metrics."""

    name: str
    top_k: int

    def new_conversation(self) -> Any: ...

    def ask(self, question: str, conversation: Any) -> Answer: ...

    def describe(self) -> dict[str, Any]: ...


@dataclass
class AssistantAnswerer:
    """Sourced itself, with the answer mode, k and retrieval mode of one configuration."""

    assistant: Assistant
    name: str = "sourced"
    mode: AnswerModeChoice = "extractive"
    top_k: int = 5
    retrieval_mode: RetrievalMode = "hybrid"

    def new_conversation(self) -> Any:
        return self.assistant.new_conversation()

    def ask(self, question: str, conversation: Any) -> Answer:
        return self.assistant.ask(
            question, mode=self.mode, top_k=self.top_k, retrieval_mode=self.retrieval_mode, conversation=conversation
        )

    def describe(self) -> dict[str, Any]:
        settings = self.assistant.settings
        return {
            "name": self.name,
            "answerer": "sourced",
            "mode": self.mode,
            "top_k": self.top_k,
            "retrieval_mode": self.retrieval_mode,
            "chunk_size": settings.chunk_size,
            "chunk_overlap": settings.chunk_overlap,
            "abstain_threshold": settings.abstain_threshold,
            "max_answer_sentences": settings.max_answer_sentences,
            "llm_model": settings.llm_model if self.mode == "llm" else None,
        }
