"""The trivial baseline every configuration must beat.

It answers with the one sentence of the corpus that shares most content words
with the question, cites the whole article it comes from, and never refuses.
Its citations are perfect by construction (it quotes verbatim), which is why
citation scores are always read next to fact recall and the refusal rates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from rag.library import ArticleRecord
from rag.models import Answer, AnswerSentence, Citation, Passage
from rag.support import support_verdict
from rag.text import content_words, split_sentences


@dataclass(frozen=True)
class _Sentence:
    article: ArticleRecord
    start: int
    end: int
    words: frozenset[str]


@dataclass
class OverlapBaseline:
    articles: Sequence[ArticleRecord]
    name: str = "baseline"
    top_k: int = 5
    _sentences: list[_Sentence] = field(default_factory=list, init=False, repr=False)

    def new_conversation(self) -> Any:
        return None  # no memory: each turn is answered on its own

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "answerer": "overlap-baseline", "mode": "baseline", "top_k": self.top_k,
                "retrieval_mode": None}

    def ask(self, question: str, conversation: Any = None) -> Answer:
        wanted = set(content_words(question))
        best = max(self._corpus(), key=lambda s: len(wanted & s.words))  # max keeps the first of ties
        article = best.article
        quote = article.text[best.start : best.end]
        passage = Passage(
            passage_id=f"{article.article_id}::whole", article_id=article.article_id, title=article.title,
            source=article.source, published=article.published, url=article.url, text=article.text,
            start=0, end=len(article.text), fused_rank=1,
        )
        verdict = support_verdict(quote, article.text)
        citation = Citation(
            n=1, passage_id=passage.passage_id, article_id=article.article_id, title=article.title,
            source=article.source, published=article.published, url=article.url, text=article.text, quote=quote,
            start=best.start, end=best.end, passage_start=0, support=verdict,
        )
        return Answer(
            question=question,
            answer=f"{quote} [1]",
            citations=[citation],
            sentences=[AnswerSentence(text=quote, citations=[1], support=verdict)],
            retrieved=[passage],
        )

    def _corpus(self) -> list[_Sentence]:
        if not self._sentences:
            self._sentences = [
                _Sentence(article, start, end, frozenset(content_words(article.text[start:end])))
                for article in sorted(self.articles, key=lambda a: a.article_id)
                for start, end in split_sentences(article.text)
            ]
        if not self._sentences:
            raise ValueError("the baseline needs at least one article with text")
        return self._sentences
