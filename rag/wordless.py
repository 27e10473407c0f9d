"""Questions with nothing to look for: no English content word at all.

"?", "a", "...", "🙂🙂🙂", and a question written in a script other than the
Latin alphabet ("普京和特朗普的电话持续了多久？", "Как долго длился звонок?")
give the answerer no word to find in an article, so whatever it found would be
chance. The parse of the English model says which words carry content (nouns,
verbs, adjectives, names, numbers; stopwords too: "Who called?" asks about a
call); a word of another script is no English word, whatever the model, which
knows English only, tagged it.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Parts of speech that say what a question is about (not "who", "is", "it", "of", "why").
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def names_nothing(doc: "Doc") -> bool:
    """Whether the parsed question holds no content word written in Latin letters or digits."""
    return not any(token.pos_ in _CONTENT_POS and _english_letters(token.text) for token in doc)


def _english_letters(word: str) -> bool:
    """Whether the word is written in the Latin alphabet or in digits ("Zürich", "2024", not "звонок", "🙂")."""
    return any(c.isdigit() or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN")) for c in word)
