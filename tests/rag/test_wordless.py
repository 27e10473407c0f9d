"""Questions with no English word to look for (rag.wordless), on questions written for these tests."""

from __future__ import annotations

import pytest

from index.nlp import parse
from rag.wordless import names_nothing


@pytest.mark.parametrize(
    "question",
    ["?", "a", "...", "🙂🙂🙂", "Why?", "Who is it?",
     "奥洛镇的新桥什么时候开通？",  # Chinese: "When does Orlow town's new bridge open?"
     "Когда откроется новый мост в Орлове?",  # Russian, the same
     "Πότε ανοίγει η νέα γέφυρα;"],  # Greek, the same  # fmt: skip
)
def test_a_question_with_no_english_content_word_names_nothing(question: str) -> None:
    assert names_nothing(parse(question))


@pytest.mark.parametrize(
    "question",
    ["Who called?", "What did she say?", "When does the new Orlow bridge open?", "2024?", "Zürich?",
     "How long did the May call last?", "What did 奥洛 say about the bridge?"],  # fmt: skip
)
def test_a_question_with_one_english_content_word_names_something(question: str) -> None:
    """Stopwords count ("call", "say", "May" are on spaCy's list); a name in another script beside English words
    does not make the question wordless."""
    assert not names_nothing(parse(question))
