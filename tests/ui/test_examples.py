"""The example questions under the chat box: drawn from the indexed articles, and answered by them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from rag.settings import BUNDLED_ARTICLES_DIR
from ui.examples import MAX_EXAMPLES, SAMPLE_QUESTIONS, example_questions

CASES = [(name, question) for name, questions in SAMPLE_QUESTIONS.items() for question in questions]


@dataclass
class FakeArticle:
    path: str
    title: str


@pytest.mark.parametrize(("name", "question"), CASES)
def test_each_sample_question_is_answered_from_its_article(assistant: object, name: str, question: str) -> None:
    answer = assistant.ask(question)  # type: ignore[attr-defined]
    assert not answer.abstained, f"the example {question!r} is not answered"
    cited = {assistant.article(c.article_id).path for c in answer.citations}  # type: ignore[attr-defined]
    assert str(BUNDLED_ARTICLES_DIR.resolve() / name) in cited


def test_examples_follow_the_library() -> None:
    samples = [FakeArticle(str(BUNDLED_ARTICLES_DIR / a), "t") for a in SAMPLE_QUESTIONS]
    assert example_questions(samples) == [q for _, q in CASES][:MAX_EXAMPLES]
    only_upload = [FakeArticle("/data/uploads/ferries.md", "Portmere approves ferries")]
    assert example_questions(only_upload) == ["What does the article “Portmere approves ferries” report?"]
    assert example_questions([]) == []
    # a file named like a sample but kept elsewhere (e.g. an upload) gets no sample question
    lookalike = [FakeArticle("/data/uploads/000_037889587b53874b.txt", "Lookalike")]
    assert example_questions(lookalike) == ["What does the article “Lookalike” report?"]
    mixed = [FakeArticle(str(BUNDLED_ARTICLES_DIR / "000_037889587b53874b.txt"), "t"), *only_upload]
    assert example_questions(mixed)[-1].endswith("“Portmere approves ferries” report?")
