"""The data model every consumer sees: passages, citations, answers.

`Answer.to_contract()` is the `rag ask --json` object of design.md.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

Support = Literal["supported", "partial", "unsupported"]
Relevance = Literal["answers", "related"]

CANNOT_ANSWER = "The articles don't say; I can't answer that from the indexed sources."
"""The one fixed refusal sentence: the UI, the eval suite and the LLM prompt all recognise it."""


class Passage(BaseModel):
    """A retrieved chunk with where it came from and how each retriever ranked it."""

    passage_id: str
    article_id: str
    title: str
    source: str
    published: str | None = None
    url: str | None = None
    text: str
    start: int = Field(description="Offset of the passage in the cleaned article text.")
    end: int
    score: float = Field(0.0, description="Fused retrieval score (higher is better).")
    dense_rank: int | None = None
    bm25_rank: int | None = None
    fused_rank: int | None = None
    dense_score: float | None = None
    bm25_score: float | None = None
    sentence_spans: list[tuple[int, int]] = Field(default_factory=list, exclude=True)
    sentence_vectors: str = Field("", exclude=True, repr=False)
    entities: list[tuple[int, int, str]] = Field(
        default_factory=list, exclude=True, repr=False, description="Named entities (start, end, label) local to text."
    )


class Citation(BaseModel):
    """One numbered source of an answer: the passage and the exact quote it rests on."""

    n: int
    passage_id: str
    article_id: str
    title: str
    source: str
    published: str | None = None
    url: str | None = None
    text: str = Field(description="The whole passage.")
    quote: str = Field(description="The sentence(s) of the passage that the answer cites.")
    start: int = Field(description="Offset of the quote in the cleaned article text.")
    end: int
    passage_start: int = Field(description="Offset of the passage in the cleaned article text.")
    score: float = 0.0
    support: Support = "supported"
    also_reported_by: list[str] = Field(default_factory=list, description="Other publishers whose passages say the same.")
    relevance: Relevance | None = Field(
        None,
        description="Extractive answers: whether the quote answers the question ('answers') or supports the "
        "answer ('related'). `support` only checks the words are the passage's, which a quote always passes.",
    )


class AnswerSentence(BaseModel):
    """A sentence of the answer, the citations after it and the support check's verdict."""

    text: str
    citations: list[int] = Field(default_factory=list)
    support: Support = "unsupported"


class Answer(BaseModel):
    question: str
    rewritten_query: str | None = None
    answer: str
    abstained: bool = False
    mode: Literal["extractive", "llm"] = "extractive"
    notice: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    sentences: list[AnswerSentence] = Field(default_factory=list)
    flagged: list[str] = Field(default_factory=list, description="Answer sentences without a supported citation.")
    invalid_markers: list[int] = Field(
        default_factory=list, description="Markers [n] the model wrote that point at no passage (removed from the answer)."
    )
    retrieved: list[Passage] = Field(default_factory=list, description="Every passage retrieved, for the trace view.")
    confidence: float | None = Field(
        None, description="Extractive answers: the refusal model's probability that the answer is right."
    )
    timings_ms: dict[str, float] = Field(default_factory=dict)

    def to_contract(self, include_trace: bool = False) -> dict[str, Any]:
        """The `rag ask --json` object (design.md), plus sentences/flags; the retrieval trace on request."""
        data = self.model_dump(exclude=set() if include_trace else {"retrieved"})
        return data
