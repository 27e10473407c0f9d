"""The extractive answerer's assembly of an answer (rag.extractive), on text written for these tests."""

from __future__ import annotations


def test_the_sentence_after_the_best_one_may_open_the_next_paragraph_but_not_the_next_section() -> None:
    """News paragraphs are often one sentence long: "... an engineer has said." / "Ines Kovalenko, the county's
    bridge engineer, ..." names who. A blank line ends a section, and what follows it is another matter."""
    from index.nlp import entities_by_line
    from rag.candidates import Candidate, sentence_spans
    from rag.extractive import _continues, _next_sentence
    from rag.models import Passage
    from rag.query import analyse

    text = (
        "The Tallow Creek bridge will be rebuilt by 2027, an engineer has said.\n"
        "Speaking at a public meeting, Ines Kovalenko, the county's bridge engineer, said the old deck had rusted.\n"
        "\n"
        "In other business, the Tallow County board bought a fire truck from Keswick Motors."
    )
    passage = Passage(passage_id="p", article_id="a", title="Bridge", source="Tallow Star", text=text, start=0,
                      end=len(text), entities=entities_by_line([text])[0])  # fmt: skip
    first, second, third = (Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage))
    candidates = [first, second, third]
    assert _next_sentence(first, candidates) is second
    assert _next_sentence(second, candidates) is None
    assert _continues(second, analyse("Which engineer said the Tallow Creek bridge will be rebuilt by 2027?"))
