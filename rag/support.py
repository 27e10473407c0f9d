"""The support check: does a cited passage really say what the answer sentence says?

Deterministic, no model: every number and name of the sentence must occur in
the passage, and most of its content words (stemmed) too. A number counts in any
form ("three", "3"; "tenth", "10th"), and one written before a noun must be the
passage's number of that noun: "50 percent tariffs in 100 days" is not supported
by "100 percent tariffs ... in 50 days", though both numbers occur.

    supported    all numbers and names found, and >= SUPPORTED_SHARE of content words
    partial      >= PARTIAL_SHARE of content words, numbers/names possibly missing
    unsupported  otherwise, or no content words at all
"""

from __future__ import annotations

import re

from rag.date_words import ORDINAL_WORDS
from rag.models import Support
from rag.text import NUMBER_WORDS, capitalised_terms, is_number, normalise, stems, stopwords, words

# An answer sentence may rephrase a little ("said" for "told"), but 80% of its
# content words must be the passage's; at half it is only partly grounded.
SUPPORTED_SHARE = 0.8
PARTIAL_SHARE = 0.5
_MARKER = re.compile(r"\s*\[\d+\]")
# "one" is as often a pronoun or "a" ("one official said") as a count: a rephrasing, not a number
_COUNT_WORDS = {word: str(value) for word, value in NUMBER_WORDS.items() if word != "one"}
_ORDINALS = {word: f"{n}th" for n, word in enumerate(ORDINAL_WORDS, start=1)}
# `words` splits "10th" into "10" and "th"
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


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
    names = set(capitalised_terms(sentence))
    hard_facts_found = _numbers_agree(sentence, passage) and all(name in passage_norm for name in names)
    if share >= SUPPORTED_SHARE and hard_facts_found:
        return "supported"
    if share >= PARTIAL_SHARE:
        return "partial"
    return "unsupported"


def _counted(text: str) -> list[tuple[str, str | None, bool]]:
    """The numbers of `text` as (value, stem of the noun right after it if any, written in digits): digits,
    count words and ordinals in one form ("three hours" and "3 hours" are "3" and "hour"; "tenth" and "10th"
    are "10th"); whole tokens, so "January 2" is not "January 20"."""
    tokens = words(text)
    stop = stopwords()
    found: list[tuple[str, str | None, bool]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value: str | None = None
        noun: str | None = None
        if is_number(token):
            value = token.rstrip("%")
            if token.endswith("%"):
                noun = "percent"
            elif i + 1 < len(tokens) and tokens[i + 1] in _ORDINAL_SUFFIXES:
                value += "th"
                i += 1
        else:
            value = _COUNT_WORDS.get(token) or _ORDINALS.get(token)
        if value is not None:
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            if noun is None and following.isalpha() and following not in stop:
                noun = following
            found.append((value, (stems(noun) or [noun])[0] if noun else None, is_number(token)))
        i += 1
    return found


def _numbers_agree(sentence: str, passage: str) -> bool:
    """Every number of `sentence` is in `passage`, and one written before a noun is there before that noun
    too, unless the passage gives it no noun ("the sixth between the two leaders": it cannot tell). A number
    in the other form ("2" for "two") counts only before the same noun: "January 2" is no "two leaders"."""
    in_passage = _counted(passage)
    for value, noun, digits in _counted(sentence):
        forms = [(n, d) for v, n, d in in_passage if v == value]
        same_form = {n for n, d in forms if d == digits}
        if noun is None:
            agrees = bool(same_form) or any(n is None for n, _ in forms)
        else:
            agrees = bool(same_form & {noun, None}) or any(n == noun for n, _ in forms)
        if not agrees:
            return False
    return True
