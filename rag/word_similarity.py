"""How alike two words are in meaning, from the local MiniLM encoder.

The extractive answerer compares a few words of the question with the words of
the clause that holds an answer: the question's verb with the verb the answer
hangs on ("injured" and "hurt" say the same; "voted" and "filled" do not), and
the noun a "how many" question counts with the noun the number counts ("beds"
against "exam rooms"). No thesaurus ships offline, but the sentence encoder
places a lone word near the words used alike, which is what these checks need.

Words are embedded one at a time on the question session (rag.services builds
the encoder), and kept: a question brings two or three words the process has
not seen before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import numpy as np

    from index.embedder import TextEncoder

# Distinct words kept; 384 floats each, so 4096 words take about 6 MB.
CACHED_WORDS = 4096

# Two words -> cosine of their vectors, 0 for opposite or unrelated ones.
WordSimilarity = Callable[[str, str], float]


def encoder_word_similarity(encoder: "TextEncoder") -> WordSimilarity:
    """A WordSimilarity backed by `encoder` (one model call per word not seen before)."""

    @lru_cache(maxsize=CACHED_WORDS)
    def vector(word: str) -> "np.ndarray":
        import numpy as np

        embedded = np.asarray(encoder.embed_query(word), dtype=np.float32)
        norm = float(np.linalg.norm(embedded))
        return embedded / norm if norm else embedded

    def similarity(first: str, second: str) -> float:
        first, second = first.strip().casefold(), second.strip().casefold()
        if not first or not second:
            return 0.0
        if first == second:
            return 1.0
        return max(0.0, float(vector(first) @ vector(second)))

    return similarity


def same_word_only(first: str, second: str) -> float:
    """The WordSimilarity to use without an encoder: a word is only like itself."""
    return float(bool(first.strip()) and first.strip().casefold() == second.strip().casefold())
