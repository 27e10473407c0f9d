"""How alike two words are in meaning, from the local MiniLM encoder.

The extractive answerer compares a few words of the question with the words of
the clause that holds an answer: the question's verb with the verb the answer
hangs on ("injured" and "hurt" say the same; "voted" and "filled" do not), and
the noun a "how many" question counts with the noun the number counts ("beds"
against "exam rooms"). No thesaurus ships offline, but the sentence encoder
places a lone word near the words used alike, which is what these checks need.

Words are embedded one at a time on the question session and kept: a question
brings two or three words the process has not seen before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

    from index.embedder import TextEncoder

# Distinct words kept; 384 floats each, so 4096 words take about 6 MB.
CACHED_WORDS = 4096
# How alike a word of the sentence must be to one of the question's to tell of the same thing ("house": "home").
SAME_THING_LIKENESS = 0.6


class WordLikeness(Protocol):
    def __call__(self, first: str, second: str) -> float:
        """How alike two words are: 1 for the same word, near 0 for unrelated ones."""


class EncoderWordLikeness:
    """Word likeness from an encoder: the cosine of the two words' vectors, a negative one read as 0 and one
    past 1 (float32 rounding, for words the tokenizer reads alike: "café" and "cafe") as 1."""

    def __init__(self, encoder: "TextEncoder") -> None:
        self._encoder = encoder
        self._vector = lru_cache(maxsize=CACHED_WORDS)(self._embed)

    def _embed(self, word: str) -> "np.ndarray":
        import numpy as np

        vector = np.asarray(self._encoder.embed_query(word), dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def __call__(self, first: str, second: str) -> float:
        first, second = first.strip().casefold(), second.strip().casefold()
        if not first or not second:
            return 0.0
        if first == second:
            return 1.0
        return min(1.0, max(0.0, float(self._vector(first) @ self._vector(second))))


class SameWordOnly:
    """Word likeness without an encoder: a word is only like itself."""

    def __call__(self, first: str, second: str) -> float:
        return float(bool(first.strip()) and first.strip().casefold() == second.strip().casefold())


SAME_WORD_ONLY = SameWordOnly()
