"""Example questions shown under the chat box, drawn from the articles actually indexed.

The bundled sample articles have hand-written questions that their text
answers (checked by tests/ui); any other article gets a question built from
its title, so a library without the samples still offers examples that work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, Sequence

from rag.settings import BUNDLED_ARTICLES_DIR

MAX_EXAMPLES = 6

# keyed by the sample's file name in data/articles/ (article ids also hash where the file is)
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
    title: str
    path: str


def sample_name(article: _Article) -> str | None:
    """The file name of a bundled sample article, None for any other article."""
    path = Path(article.path) if article.path else None
    if path is None or not path.is_relative_to(BUNDLED_ARTICLES_DIR.resolve()):
        return None
    return path.name


def example_questions(articles: Sequence[_Article], limit: int = MAX_EXAMPLES) -> list[str]:
    present = {sample_name(a) for a in articles}
    questions = [q for name, qs in SAMPLE_QUESTIONS.items() if name in present for q in qs]
    for article in articles:
        if sample_name(article) not in SAMPLE_QUESTIONS and len(questions) < limit:
            questions.append(f"What does the article “{article.title}” report?")
    return questions[:limit]
