"""Numbered citations: quotes, offsets, verdicts, and "also reported by" across publishers."""

from __future__ import annotations

from rag.citations import CitedSentence, QuoteSpan, also_reported_by, number_citations
from rag.models import Passage


def passage(pid: str, source: str, text: str, start: int = 0) -> Passage:
    return Passage(passage_id=pid, article_id=f"{pid}.txt", title=f"Title {pid}", source=source, text=text,
                   start=start, end=start + len(text))


AP = passage("ap", "Associated Press", "Intro. The call lasted almost an hour, the Kremlin said on Thursday.", start=100)
SMH = passage("smh", "The Sydney Morning Herald", "Putin spoke to Trump. The Kremlin said the call lasted almost an hour.")
SMH_AGAIN = passage("smh2", "The Sydney Morning Herald", "The Kremlin said the call lasted almost an hour, aides added.")
RFE = passage("rfe", "RFE/RL", "Sanctions on oil were discussed by European ministers in Brussels.")


def quote_of(p: Passage, sentence: str) -> QuoteSpan:
    start = p.text.index(sentence)
    return QuoteSpan(p, start, start + len(sentence))


def test_other_publishers_saying_the_same_are_named_once_and_the_rest_are_not() -> None:
    quote = quote_of(AP, "The call lasted almost an hour, the Kremlin said on Thursday.")
    assert also_reported_by(quote, [AP, SMH, SMH_AGAIN, RFE]) == ["The Sydney Morning Herald"]
    assert also_reported_by(quote, [AP, RFE]) == []
    assert also_reported_by(QuoteSpan(AP, 0, 6), [AP, SMH]) == [], "too short to compare"


def test_numbering_offsets_and_verdicts() -> None:
    cited = [
        CitedSentence("The call lasted almost an hour, the Kremlin said on Thursday.",
                      [quote_of(AP, "The call lasted almost an hour, the Kremlin said on Thursday.")]),
        CitedSentence("Sanctions on oil were discussed by European ministers in Brussels.",
                      [quote_of(RFE, "Sanctions on oil were discussed by European ministers in Brussels.")]),
    ]
    text, citations, sentences = number_citations(cited, [AP, SMH, RFE])
    assert text.endswith("on Thursday. [1] Sanctions on oil were discussed by European ministers in Brussels. [2]")
    first = citations[0]
    assert (first.n, first.start, first.end) == (1, 107, 107 + len(first.quote))
    assert first.also_reported_by == ["The Sydney Morning Herald"]
    assert [s.support for s in sentences] == ["supported", "supported"]
    assert [s.citations for s in sentences] == [[1], [2]]


def test_sentences_quoted_together_each_carry_the_citations_marker() -> None:
    """Two consecutive sentences of one passage are one citation, yet each is a sentence of the answer followed by
    its marker (README: `answer`, `sentences[]`)."""
    first, second = "Intro.", "The call lasted almost an hour, the Kremlin said on Thursday."
    both = QuoteSpan(AP, 0, len(AP.text))
    cited = [CitedSentence(f"{first} {second}", [both], pieces=(first, second), relevance="answers")]
    text, citations, sentences = number_citations(cited, [AP])
    assert text == f"{first} [1] {second} [1]"
    assert len(citations) == 1 and citations[0].quote == AP.text
    assert [(s.text, s.citations) for s in sentences] == [(first, [1]), (second, [1])]
