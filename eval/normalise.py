"""Answer-text normalisation for fact matching and token F1.

Two wordings of one fact must compare equal: "30-day" and "30 day", "1,000"
and "1000", "10%" and "10 per cent", "Zelenskyy’s" and "zelenskyy's", "six"
and "6". Citation markers are not words of the answer.
"""

from __future__ import annotations

import re
import unicodedata

from rag.text import NUMBER_WORDS

_MARKERS = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PERCENT = re.compile(r"\s*%|\bper\s+cent\b")
_NOT_WORD = re.compile(r"[^\w.\s]+")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")  # keep the point of "4.5", drop full stops
_SPACES = re.compile(r"\s+")
_ARTICLES = frozenset({"a", "an", "the"})
_NUMBER_WORDS = {word: str(value) for word, value in NUMBER_WORDS.items()}


def strip_markers(text: str) -> str:
    return _MARKERS.sub(" ", text)


def normalise_answer(text: str) -> str:
    """Lower-case words and numbers separated by single spaces; see the module docstring."""
    text = unicodedata.normalize("NFKD", strip_markers(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = _THOUSANDS.sub("", text)
    text = _PERCENT.sub(" percent", text)
    text = _NOT_WORD.sub(" ", text.replace("_", " "))
    text = _LONE_DOT.sub(" ", text)
    words = [_NUMBER_WORDS.get(word, word) for word in _SPACES.split(text) if word]
    return " ".join(words)


def answer_tokens(text: str) -> list[str]:
    """Tokens for token F1 (SQuAD): normalised words without the articles a/an/the."""
    return [word for word in normalise_answer(text).split() if word not in _ARTICLES]


def contains_alias(text: str, alias: str) -> bool:
    """Does `text` state `alias`? Matched from a word start, after normalising both.

    An alias ending in a letter may be a stem ("sanction" matches "sanctions");
    one ending in a digit must end the number ("6" does not match "60" or "6.5").
    """
    wanted = normalise_answer(alias)
    if not wanted:
        return False
    ending = r"(?![\d]|\.\d)" if wanted[-1].isdigit() else ""
    return re.search(rf"(?<![\w.]){re.escape(wanted)}{ending}", normalise_answer(text)) is not None


def collapse_whitespace(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
