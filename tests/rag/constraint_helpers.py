"""The constraints of questions written for the tests of rag.constraint and rag.question_constraints: their
kinds, and whether they hold in a text.
"""

from __future__ import annotations

from rag.query import analyse
from rag.text import normalise, words


def kinds(question: str, publishers: frozenset[str] = frozenset()) -> dict[str, str]:
    return {c.text: c.kind for c in analyse(question, publishers).constraints}


def holds(question: str, text: str) -> bool:
    return all(c.holds_in(normalise(text), set(words(text))) for c in analyse(question).constraints)
