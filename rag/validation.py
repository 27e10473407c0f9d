"""Checks on a question before any work is done; each failure is one sentence saying what to do."""

from __future__ import annotations

import re
import unicodedata

from rag.errors import InvalidQuestionError

_WHITESPACE_CONTROLS = re.compile(r"[\t\r\n]+")


def validate_question(question: object, max_chars: int) -> str:
    """The question with whitespace normalised, or InvalidQuestionError."""
    if not isinstance(question, str):
        raise InvalidQuestionError("The question must be text; pass it as a string.")
    text = _WHITESPACE_CONTROLS.sub(" ", question).strip()
    if not text:
        raise InvalidQuestionError("The question is empty; type a question about the articles.")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in text):
        raise InvalidQuestionError("The question contains control characters; remove them and ask again.")
    if len(text) > max_chars:
        raise InvalidQuestionError(
            f"The question is {len(text)} characters long; keep it under {max_chars} characters (RAG_MAX_QUESTION_CHARS)."
        )
    return " ".join(text.split())
