"""Passages, candidates and answers made from text written for the tests of the answer candidates (rag.candidates and
the modules of its checks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from rag.candidate import Candidate
    from rag.models import Passage


def _passage(
    text: str, entities: Sequence[tuple[int, int, str]] = (), title: str = "t", source: str = "s"
) -> "Passage":
    """One passage that is a whole article, with the entities the NER model is taken to have found."""
    from rag.models import Passage

    return Passage(passage_id="p", article_id="a", title=title, source=source, text=text, start=0, end=len(text),
                   entities=list(entities))  # fmt: skip


def _tagged(text: str, label: str, *values: str) -> list[tuple[int, int, str]]:
    """Each value's first place in `text`, as an entity of `label`."""
    return [(text.index(value), text.index(value) + len(value), label) for value in values]


def _answers(question: str, passage: "Passage") -> list[str | None]:
    """The answer values of `question`'s candidates in `passage`, best first."""
    from rag.candidates import find_candidates
    from rag.query import analyse

    return [c.answer_text() for c in find_candidates(analyse(question), [passage], idf=lambda stem: 1.0)]


def _value_candidate(text: str, value: str, label: str) -> "Candidate":
    from rag.candidate import Candidate

    passage = _passage(text)
    start = text.index(value)
    return Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), label)])


def _flags(check: Callable[..., bool], question: str, text: str, value: str, label: str) -> bool:
    """What one of rag.candidates' checks of a value answer says of `value` (tagged `label`) in `text`."""
    from rag.query import analyse

    return check(analyse(question), _value_candidate(text, value, label))
