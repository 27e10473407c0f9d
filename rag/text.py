"""Text primitives shared by retrieval, the answerers and the support check.

Sentence splitting lives in `index.sentences` and tokenisation in `index.terms`
(ingestion needs them too: the keyword index stores stems); both are re-exported here.
"""

from __future__ import annotations

import re

from index.sentences import split_sentences
from index.terms import all_stems, content_words, normalise, stems, stopwords, words

__all__ = [
    "NUMBER_WORDS", "all_stems", "capitalised_terms", "content_words", "is_number", "noun_stems", "normalise",
    "split_sentences", "stems", "stopwords", "words",
]

# Numbers written as words, as news writing spells the small ones ("three firefighters", "Two were hurt").
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}


# English nouns whose plural a stemmer does not bring to the singular's stem ("people" -> "peopl", "person").
_IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women"}
_OTHER_NUMBER = _IRREGULAR_PLURALS | {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}


def noun_stems(noun: str) -> set[str]:
    """The stems of a noun in the singular and the plural: "people" is "person" too ("One person died" counts
    people)."""
    other = _OTHER_NUMBER.get(noun.casefold())
    return set(stems(noun)) | (set(stems(other)) if other else set())


def is_number(word: str) -> bool:
    return word[:1].isdigit()


def capitalised_terms(text: str) -> list[str]:
    """Names and proper nouns: capitalised words not at the start of a sentence, normalised."""
    found: list[str] = []
    for start, end in split_sentences(text):
        sentence_words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text[start:end])
        for i, word in enumerate(sentence_words):
            term = normalise(word).removesuffix("'s")
            if word[:1].isupper() and i > 0 and len(term) > 1 and term not in stopwords():
                found.append(term)
    return found
