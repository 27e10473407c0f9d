"""The example questions under the chat box: drawn from the indexed articles, and answered by them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ui.examples import MAX_EXAMPLES, SAMPLE_QUESTIONS, example_questions

CASES = [(article_id, question) for article_id, questions in SAMPLE_QUESTIONS.items() for question in questions]


@dataclass
class FakeArticle:
    article_id: str
    title: str


@pytest.mark.parametrize(("article_id", "question"), CASES)
def test_each_sample_question_is_answered_from_its_article(assistant: object, article_id: str, question: str) -> None:
    answer = assistant.ask(question)  # type: ignore[attr-defined]
    assert not answer.abstained, f"the example {question!r} is not answered"
    assert article_id in {c.article_id for c in answer.citations}


def test_examples_follow_the_library() -> None:
    samples = [FakeArticle(a, "t") for a in SAMPLE_QUESTIONS]
    assert example_questions(samples) == [q for _, q in CASES][:MAX_EXAMPLES]
    only_upload = [FakeArticle("ferries.md", "Portmere approves ferries")]
    assert example_questions(only_upload) == ["What does the article “Portmere approves ferries” report?"]
    assert example_questions([]) == []
    mixed = [FakeArticle("000_037889587b53874b.txt", "t"), *only_upload]
    assert example_questions(mixed)[-1].endswith("“Portmere approves ferries” report?")
