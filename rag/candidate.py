"""An answer candidate: a sentence of a retrieved passage, with the value in it that may answer, and the
sentences around it in its passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.sentences import split_sentences
from rag.models import Passage
from rag.text import stems

Entity = tuple[int, int, str]


@dataclass
class Candidate:
    passage_rank: int
    passage: Passage
    start: int  # sentence offsets local to the passage text
    end: int
    features: dict[str, float]
    answers: list[Entity] = field(default_factory=list)  # fitting entities, offsets local to the passage
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def answer(self) -> Entity | None:
        """The answer entity: the fitting entity nearest to the question's words."""
        return self.answers[0] if self.answers else None

    def answer_text(self) -> str | None:
        entity = self.answer
        return self.passage.text[entity[0] : entity[1]] if entity else None


def text_stems(text: str) -> set[str]:
    """The stems of `text`, its hyphenated words also read as one ("cease-fire" is "ceasefire" too)."""
    found = set(stems(text))
    if "-" in text:
        found.update(stems(text.replace("-", "")))
    return found


def sentence_spans(passage: Passage) -> list[tuple[int, int]]:
    """The passage's sentences as stored at ingest, or split now for a passage without them."""
    return [(int(s), int(e)) for s, e in passage.sentence_spans] or split_sentences(passage.text)


def span_before(candidate: Candidate) -> tuple[int, int] | None:
    """Where the sentence before the candidate's stands in its passage (None for the passage's first)."""
    before = [(s, e) for s, e in sentence_spans(candidate.passage) if e <= candidate.start]
    return before[-1] if before else None


def span_after(candidate: Candidate, next_paragraph: bool = False) -> tuple[int, int] | None:
    """Where the sentence after the candidate's stands in its passage, in the same paragraph; with
    `next_paragraph`, also the first of the next one, since news paragraphs are often one sentence long. Never
    across a blank line, which ends a section (None then, and for the passage's last sentence)."""
    after = [(s, e) for s, e in sentence_spans(candidate.passage) if s >= candidate.end]
    if not after or candidate.passage.text[candidate.end : after[0][0]].count("\n") > int(next_paragraph):
        return None
    return after[0]


def with_sentence_before(candidate: Candidate) -> str:
    """The candidate's sentence with the one before it, which often names who or where ("In Alder Springs, ...")."""
    return sentence_with_the_one_before(candidate.passage, candidate.start, candidate.end)


def sentence_with_the_one_before(passage: Passage, start: int, end: int) -> str:
    """passage.text[start:end], a sentence, with the one before it in its passage (none for the passage's first)."""
    before = [s for s, e in sentence_spans(passage) if e <= start][-1:]
    return passage.text[before[0] if before else start : end]
