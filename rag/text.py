"""Text primitives shared by retrieval, the answerers and the support check.

Sentence splitting lives in `index.sentences` (ingestion needs it too).
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from index.sentences import split_sentences

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket)
# before whitespace and an opening quote, capital or digit; and at line breaks.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_US = re.compile(r"\bU\.S\.(?=\W|$)|\bUS\b")

# Words that carry no content in a question about news ("what did he say").
_QUESTION_WORDS = {
    "say", "said", "says", "tell", "told", "according", "article", "articles", "report", "reported", "reports",
    "describe", "described", "mention", "mentioned", "whom", "whose", "which", "what", "when", "where", "who", "why",
    "how", "many", "much", "did", "does", "do", "also", "would", "could", "get", "give", "gave", "name", "kind",
}


@cache
def stopwords() -> frozenset[str]:
    """nltk's English stopword list from the copy llama-index ships (read as a file, offline), plus question words."""
    words: set[str] = set(_QUESTION_WORDS)
    spec = importlib.util.find_spec("llama_index.core")
    if spec and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / "_static/nltk_cache/corpora/stopwords/english"
        if path.is_file():
            words.update(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    if len(words) == len(_QUESTION_WORDS):
        from bm25s.stopwords import STOPWORDS_EN

        words.update(STOPWORDS_EN)
    return frozenset(words)


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def normalise(text: str) -> str:
    """Case-fold, unify quotes/dashes, strip accents: what comparisons of wording use."""
    text = _US.sub("USA", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = _NON_ASCII.sub(lambda m: "" if unicodedata.combining(m.group()) else m.group(), text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return text.casefold()


def words(text: str) -> list[str]:
    """Word and number tokens, normalised (numbers keep their digits: "4.5", "15%")."""
    return [w.replace(",", "") if w[0].isdigit() else w.replace("’", "'") for w in _WORD.findall(normalise(text))]


def content_words(text: str) -> list[str]:
    """Words minus stopwords; possessive 's dropped."""
    stop = stopwords()
    result = []
    for word in words(text):
        if word.endswith("'s"):
            word = word[:-2]
        if word and word not in stop:
            result.append(word)
    return result


def stems(text: str) -> list[str]:
    """Stemmed content words: what BM25 and word-overlap scores compare."""
    return list(_cached_stems(text))


@lru_cache(maxsize=16384)
def _cached_stems(text: str) -> tuple[str, ...]:
    # one ask stems the same passage sentences in scoring, support checks and citations
    return tuple(_stemmer().stemWords(content_words(text)))


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
