"""index/terms.py: the stopword list comes from bm25s, a dependency, not from a private folder of llama-index."""

from __future__ import annotations

import subprocess
import sys


def test_stopwords_need_no_llama_index_and_keep_rag_ask_light() -> None:
    """With llama-index unimportable the list still loads, and reading it imports neither bm25s nor scipy."""
    code = (
        "import sys; sys.modules['llama_index'] = None; sys.modules['llama_index.core'] = None\n"
        "from index.terms import content_words, stopwords\n"
        "words = stopwords()\n"
        "print(len(words), 'bm25s' in sys.modules, any(m.startswith('scipy') for m in sys.modules))\n"
        "print(content_words(\"Didn't the ferry leave at 06:40, and what did they say about the call?\"))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    size, contents = result.stdout.strip().splitlines()
    count, bm25s_imported, scipy_imported = size.split()
    assert int(count) > 150 and bm25s_imported == "False" and scipy_imported == "False"
    # stopwords, contractions and question words go; content words and numbers stay
    assert contents == "['ferry', 'leave', '06', '40', 'call']"


def test_the_list_is_bm25s_english_list() -> None:
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    from index.terms import stopwords

    assert set(STOPWORDS_EN_PLUS) <= stopwords()
    assert {"call", "last", "next", "first", "two"}.isdisjoint(stopwords())  # words news questions turn on
