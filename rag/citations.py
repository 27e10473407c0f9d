"""Turning (answer sentence, passage, quote) triples into numbered citations, for both answerers."""

from __future__ import annotations

from dataclasses import dataclass

from rag.models import AnswerSentence, Citation, Passage, Relevance, Support
from rag.support import support_verdict
from rag.text import split_sentences, stems

# Share of a cited sentence's content words another publisher's sentence must
# have for the panel to say "also reported by".
ALSO_REPORTED_OVERLAP = 0.6


@dataclass(frozen=True)
class QuoteSpan:
    """A quote inside a passage, as offsets local to the passage text."""

    passage: Passage
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


@dataclass
class CitedSentence:
    text: str  # the answer sentence, without marker
    quotes: list[QuoteSpan]
    end: str = ""  # punctuation after the marker: "About an hour [1]."
    relevance: Relevance | None = None  # extractive answers: does this quote answer the question?
    # the answer sentences `text` is made of when it quotes several of one passage at once: each is followed by
    # the markers in the answer text and is a sentence of its own in `Answer.sentences` (empty: `text` is one)
    pieces: tuple[str, ...] = ()


def best_quote(sentence: str, passage: Passage) -> QuoteSpan:
    """The passage sentence that shares most content with `sentence` (for LLM answers)."""
    target = set(stems(sentence))
    best: tuple[float, int, int] = (-1.0, 0, len(passage.text))
    for start, end in split_sentences(passage.text):
        candidate = set(stems(passage.text[start:end]))
        overlap = len(target & candidate) / (len(target | candidate) or 1)
        if overlap > best[0]:
            best = (overlap, start, end)
    return QuoteSpan(passage, best[1], best[2])


def also_reported_by(quote: QuoteSpan, passages: list[Passage]) -> list[str]:
    wanted = set(stems(quote.text))
    if len(wanted) < 3:
        return []
    publishers: list[str] = []
    for other in passages:
        if other.source == quote.passage.source or other.source in publishers:
            continue
        for start, end in split_sentences(other.text):
            if len(wanted & set(stems(other.text[start:end]))) / len(wanted) >= ALSO_REPORTED_OVERLAP:
                publishers.append(other.source)
                break
    return publishers


def number_citations(
    cited: list[CitedSentence], passages: list[Passage]
) -> tuple[str, list[Citation], list[AnswerSentence]]:
    """Answer text with [n] markers, the citations (numbered by first appearance) and per-sentence verdicts."""
    citations: list[Citation] = []
    by_key: dict[tuple[str, int, int], int] = {}
    parts: list[str] = []
    sentences: list[AnswerSentence] = []
    for item in cited:
        numbers: list[int] = []
        verdicts: list[Support] = []
        for quote in item.quotes:
            key = (quote.passage.passage_id, quote.start, quote.end)
            if key not in by_key:
                verdict = support_verdict(item.text, quote.passage.text)
                citations.append(
                    Citation(
                        n=len(citations) + 1,
                        passage_id=quote.passage.passage_id,
                        article_id=quote.passage.article_id,
                        title=quote.passage.title,
                        source=quote.passage.source,
                        published=quote.passage.published,
                        url=quote.passage.url,
                        text=quote.passage.text,
                        quote=quote.text,
                        start=quote.passage.start + quote.start,
                        end=quote.passage.start + quote.end,
                        passage_start=quote.passage.start,
                        score=quote.passage.score,
                        support=verdict,
                        also_reported_by=also_reported_by(quote, passages),
                        relevance=item.relevance,
                    )
                )
                by_key[key] = len(citations)
                verdicts.append(verdict)
            else:
                verdicts.append(support_verdict(item.text, quote.passage.text))
                if item.relevance == "answers":
                    citations[by_key[key] - 1].relevance = "answers"
            numbers.append(by_key[key])
        marker = "".join(f"[{n}]" for n in numbers)
        if item.pieces:
            # every sentence points at its passage, those quoted together too: "A [1] B [1]"
            parts.extend(f"{piece} {marker}" for piece in item.pieces)
            parts[-1] += item.end
            sentences.extend(
                AnswerSentence(text=piece, citations=numbers, support=_piece_support(piece, item.quotes))
                for piece in item.pieces
            )
            continue
        parts.append(f"{item.text} {marker}".strip() + item.end)
        sentences.append(AnswerSentence(text=item.text, citations=numbers, support=_best(verdicts)))
    return " ".join(parts), citations, sentences


def _piece_support(piece: str, quotes: list[QuoteSpan]) -> Support:
    """The support check's verdict on one sentence of several quoted together."""
    return _best([support_verdict(piece, quote.passage.text) for quote in quotes])


def _best(verdicts: list[Support]) -> Support:
    for level in ("supported", "partial"):
        if level in verdicts:
            return level  # type: ignore[return-value]
    return "unsupported"
