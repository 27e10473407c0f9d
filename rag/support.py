"""The support check: does a cited passage really say what the answer sentence says?

Deterministic, no model: every number and name of the sentence must occur in
the passage, and most of its content words (stemmed) too.

    supported    all numbers and names found, and >= SUPPORTED_SHARE of content words
    partial      >= PARTIAL_SHARE of content words, numbers/names possibly missing
    unsupported  otherwise, or no content words at all
"""

from __future__ import annotations

import re

from rag.models import Support
from rag.text import capitalised_terms, content_words, is_number, normalise, stems

# An answer sentence may rephrase a little ("said" for "told"), but 80% of its
# content words must be the passage's; at half it is only partly grounded.
SUPPORTED_SHARE = 0.8
PARTIAL_SHARE = 0.5
_MARKER = re.compile(r"\s*\[\d+\]")


def strip_markers(sentence: str) -> str:
    return _MARKER.sub("", sentence).strip()


def support_verdict(sentence: str, passage: str) -> Support:
    """Verdict of `sentence` (citation markers ignored) against the `passage` it cites."""
    sentence = strip_markers(sentence)
    sentence_stems = set(stems(sentence))
    if not sentence_stems:
        return "unsupported"
    passage_stems = set(stems(passage))
    passage_norm = normalise(passage)
    share = len(sentence_stems & passage_stems) / len(sentence_stems)
    numbers = {w for w in content_words(sentence) if is_number(w)}
    names = set(capitalised_terms(sentence))
    passage_words = set(content_words(passage))
    # numbers as whole tokens: "January 2" is not supported by "January 20"
    hard_facts_found = all(n in passage_words for n in numbers) and all(
        name in passage_norm for name in names
    )
    if share >= SUPPORTED_SHARE and hard_facts_found:
        return "supported"
    if share >= PARTIAL_SHARE:
        return "partial"
    return "unsupported"
