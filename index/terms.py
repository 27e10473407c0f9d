"""Word tokens and their stems: what the keyword index stores and what retrieval and the answerers compare.

Lives in `index/` because the ingest pipeline writes the keyword index; `rag.text`
re-exports these names for the rest of the package.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*%?|[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
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
    """English stopwords: bm25s's list (`bm25s.stopwords.STOPWORDS_EN_PLUS`, NLTK's), plus question words.

    The module is read on its own: importing the bm25s package would import
    scipy.sparse, a second or more of `rag ask`'s start-up for one tuple of words.
    (spaCy's list, which the NLP model would give, drops words news questions
    turn on, such as "call", "last", "next" and "top".)
    """
    package = importlib.util.find_spec("bm25s")
    if package is None or not package.submodule_search_locations:
        raise RuntimeError("The bm25s package is missing; reinstall Sourced (`pip install -e .`).")
    path = Path(next(iter(package.submodule_search_locations))) / "stopwords.py"
    spec = importlib.util.spec_from_file_location("_bm25s_stopwords", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOPWORDS_EN_PLUS) | _QUESTION_WORDS


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


# Texts up to this long (sentences, passages) have their normalised form and words kept: one question reads the
# same sentences for candidates, coverage, citations and support checks, and the next questions read them again.
# Longer ones (whole articles) are not kept, to bound memory.
CACHED_TEXT_CHARS = 4000


def normalise(text: str) -> str:
    """Case-fold, unify quotes/dashes, strip accents: what comparisons of wording use."""
    return _cached_normalise(text) if len(text) <= CACHED_TEXT_CHARS else _normalise(text)


@lru_cache(maxsize=16384)
def _cached_normalise(text: str) -> str:
    return _normalise(text)


def _normalise(text: str) -> str:
    text = _US.sub("USA", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = _NON_ASCII.sub(lambda m: "" if unicodedata.combining(m.group()) else m.group(), text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return text.casefold()


def words(text: str) -> list[str]:
    """Word and number tokens, normalised (numbers keep their digits: "4.5", "15%")."""
    return list(_cached_words(text)) if len(text) <= CACHED_TEXT_CHARS else _words(text)


@lru_cache(maxsize=16384)
def _cached_words(text: str) -> tuple[str, ...]:
    return tuple(_words(text))


def _words(text: str) -> list[str]:
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


def all_stems(text: str) -> frozenset[str]:
    """The stems of every word, stopwords included: a verb such as "give", "said" or "told" is a stopword to
    BM25 but is what a question asks about."""
    return _cached_all_stems(text)


@lru_cache(maxsize=16384)
def _cached_all_stems(text: str) -> frozenset[str]:
    return frozenset(_stemmer().stemWords(words(text)))


def stems(text: str) -> list[str]:
    """Stemmed content words: what BM25 and word-overlap scores compare."""
    return list(_cached_stems(text))


@lru_cache(maxsize=16384)
def _cached_stems(text: str) -> tuple[str, ...]:
    # one ask stems the same passage sentences in scoring, support checks and citations
    return tuple(_stemmer().stemWords(content_words(text)))
