"""Example questions shown under the chat box, drawn from the articles actually indexed.

The bundled sample articles have hand-written questions that their text
answers (checked by tests/ui); any other article gets a question built from
its title, so a library without the samples still offers examples that work.
"""

from __future__ import annotations

from typing import Protocol, Sequence

MAX_EXAMPLES = 6

SAMPLE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "000_037889587b53874b.txt": (
        "What did Putin tell Trump about Russia's goals in Ukraine?",
        "How long did the July 3 call last?",
    ),
    "002_d25f915a26dc1e1c.txt": ("What did Putin and Trump discuss besides Ukraine?",),
    "001_d926b90d832a6a80.txt": ("What did the Pentagon freeze the day before the call?",),
    "003_334e79f81d6f5466.txt": ("Is Putin ready to negotiate with Ukraine?",),
    "004_bbd023a9186ca4e3.txt": ("What did Trump claim after his two-hour call with Putin?",),
}


class _Article(Protocol):
    article_id: str
    title: str


def example_questions(articles: Sequence[_Article], limit: int = MAX_EXAMPLES) -> list[str]:
    present = {a.article_id for a in articles}
    questions = [q for article_id, qs in SAMPLE_QUESTIONS.items() if article_id in present for q in qs]
    for article in articles:
        if article.article_id not in SAMPLE_QUESTIONS and len(questions) < limit:
            questions.append(f"What does the article “{article.title}” report?")
    return questions[:limit]
