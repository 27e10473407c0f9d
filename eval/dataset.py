"""The evaluation set: loading, validating and expanding items into scored cases.

An item is one line of `eval/dataset.jsonl` (schema of shared/eval-examples.jsonl):
a question, or a conversation of turns, with the facts a right answer must
contain (each a list of aliases), a reference answer, the gold source articles
and evidence quotes copied verbatim from them. A *case* is one question put to
the system: an item without turns is one case, a conversation is one case per
turn (asked in order in one chat).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from eval.normalise import contains_alias

DEFAULT_DATASET = Path(__file__).resolve().parent / "dataset.jsonl"
ItemType = Literal["factoid", "numeric", "date", "multi-doc", "disagreement", "conversation", "unanswerable"]
Fact = list[str]


class DatasetError(Exception):
    """The dataset file is missing or malformed; the message says where."""


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    quote: str = Field(min_length=1)


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1)
    facts: list[Fact] = Field(default_factory=list)
    reference: str | None = None


class EvalItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    type: ItemType
    answerable: bool
    question: str | None = None
    reference: str | None = None
    facts: list[Fact] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    turns: list[Turn] = Field(default_factory=list)

    @field_validator("facts")
    @classmethod
    def _aliases_not_empty(cls, facts: list[Fact]) -> list[Fact]:
        if any(not aliases or any(not a.strip() for a in aliases) for aliases in facts):
            raise ValueError("every fact needs at least one non-empty alias")
        return facts

    @model_validator(mode="after")
    def _consistent(self) -> "EvalItem":
        if self.turns and self.question:
            raise ValueError("an item has either a question or turns, not both")
        if not self.turns and not self.question:
            raise ValueError("an item needs a question (or turns)")
        if (self.type == "conversation") != bool(self.turns):
            raise ValueError("conversation items, and only they, have turns")
        if self.answerable:
            if not self.sources or not self.evidence:
                raise ValueError("an answerable item needs sources and evidence")
            if not self.turns and not self.facts:
                raise ValueError("an answerable item needs facts")
            if any(not turn.facts for turn in self.turns):
                raise ValueError("every turn of an answerable conversation needs facts")
        elif self.facts or self.evidence or self.type != "unanswerable":
            raise ValueError("an unanswerable item has type 'unanswerable', no facts and no evidence")
        if any(e.source not in self.sources for e in self.evidence):
            raise ValueError("every evidence source must be listed in sources")
        return self


@dataclass(frozen=True)
class EvalCase:
    """One question put to the system, with what a right answer needs."""

    case_id: str
    item_id: str
    type: str
    turn: int | None  # index in the conversation, None for single questions
    question: str
    answerable: bool
    facts: list[Fact]
    reference: str | None
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


def load_dataset(path: Path = DEFAULT_DATASET) -> list[EvalItem]:
    """Parse and validate every line; raises DatasetError naming the first bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"Cannot read the evaluation set {path} ({exc.strerror or exc}).") from exc
    items: list[EvalItem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data: Any = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"Line {number} of {path} is not valid JSON ({exc.msg}).") from exc
        if isinstance(data, dict) and data.get("draft"):
            raise DatasetError(f"Line {number} of {path} is a draft item; complete it and remove \"draft\" first.")
        try:
            item = EvalItem.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "item"
            raise DatasetError(f"Line {number} of {path} is not a valid item ({where}: {first['msg']}).") from exc
        if item.id in seen:
            raise DatasetError(f"Line {number} of {path} repeats the id {item.id!r}.")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise DatasetError(f"The evaluation set {path} holds no items.")
    return items


def select_items(items: list[EvalItem], only: list[str] | None = None, limit: int | None = None) -> list[EvalItem]:
    """Items of the given types (all when `only` is empty), the first `limit` of them."""
    chosen = [item for item in items if not only or item.type in only]
    return chosen[:limit] if limit is not None else chosen


def expand_cases(item: EvalItem) -> list[EvalCase]:
    """The cases of an item: itself, or one per conversation turn."""
    if not item.turns:
        assert item.question is not None  # validated
        return [
            EvalCase(item.id, item.id, item.type, None, item.question, item.answerable, item.facts,
                     item.reference, item.sources, item.evidence)
        ]
    cases = []
    for index, turn in enumerate(item.turns):
        evidence = turn_evidence(turn, item.evidence)
        sources = sorted({e.source for e in evidence}) or item.sources
        cases.append(
            EvalCase(f"{item.id}#{index + 1}", item.id, item.type, index, turn.question, item.answerable,
                     turn.facts, turn.reference, sources, evidence)
        )
    return cases


def turn_evidence(turn: Turn, evidence: list[Evidence]) -> list[Evidence]:
    """The item's evidence quotes that hold one of the turn's facts; all of them when none does.

    Conversations list evidence per item, not per turn; a quote that contains an
    alias of the turn's facts is the evidence that turn needs retrieved.
    """
    matching = [e for e in evidence if any(contains_alias(e.quote, alias) for fact in turn.facts for alias in fact)]
    return matching or list(evidence)


def corpus_problems(items: list[EvalItem], articles_dir: Path) -> list[str]:
    """Sources that don't exist under `articles_dir` and quotes that aren't exact substrings of their article."""
    problems: list[str] = []
    texts: dict[str, str | None] = {}
    for item in items:
        for source in item.sources:
            if source not in texts:
                path = articles_dir / source
                texts[source] = path.read_text(encoding="utf-8") if path.is_file() else None
            if texts[source] is None:
                problems.append(f"{item.id}: source {source} does not exist in {articles_dir}")
        for evidence in item.evidence:
            text = texts.get(evidence.source)
            if text is not None and evidence.quote not in text:
                problems.append(f"{item.id}: quote {evidence.quote[:60]!r} is not in {evidence.source}")
    return problems
