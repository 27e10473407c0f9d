"""Candidate features (rag.candidates) on text written for these tests."""

from __future__ import annotations

from rag.candidates import _specific, text_stems
from rag.text import stems


def test_a_hyphenated_word_is_also_read_as_one_word() -> None:
    assert set(stems("ceasefire")) <= text_stems("They demanded a 30-day cease-fire.")
    assert set(stems("email")) <= text_stems("She sent an e-mail to the board.")
    assert set(stems("cease fire")) <= text_stems("a cease-fire")


def test_a_bare_year_is_less_precise_than_a_full_date() -> None:
    assert _specific("2019") < _specific("March 4, 2019") == 1.0
    assert _specific("2019") > _specific("March")
    assert _specific("$4 million") == 1.0


def test_relation_coverage_ignores_the_names_the_question_gives() -> None:
    """Two sentences about the same town: only one says what was asked (who voted against)."""
    from rag.candidates import find_candidates
    from rag.models import Passage
    from rag.query import analyse

    text = (
        "About 240 Corvale residents filled the high school gym for the budget meeting on Tuesday. "
        "Council members Ada Whitlow and Gerald Pino voted against the Corvale budget."
    )
    passage = Passage(passage_id="p", article_id="a", title="Corvale budget", source="Corvale Star", text=text,
                      start=0, end=len(text))  # fmt: skip
    question = analyse("Which Corvale council members voted against the budget?")
    found = find_candidates(question, [passage], idf=lambda stem: 1.0)
    by_sentence = {c.text.split()[0]: c.features["relation_coverage"] for c in found}
    assert by_sentence["Council"] > 0.5 > by_sentence["About"]


def test_the_verb_governing_a_value_must_be_the_questions_verb() -> None:
    from rag.candidates import Candidate, answer_on_predicate
    from rag.models import Passage
    from rag.query import analyse

    def candidate(text: str, value: str, label: str) -> Candidate:
        passage = Passage(passage_id="p", article_id="a", title="t", source="s", text=text, start=0, end=len(text))
        start = text.index(value)
        return Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), label)])

    voted = analyse("How many residents voted for the Corvale budget?")
    assert answer_on_predicate(voted, candidate("About 240 residents filled the gym.", "About 240", "CARDINAL")) == 0
    assert answer_on_predicate(voted, candidate("In all, 212 residents voted for it.", "212", "CARDINAL")) == 1
    hired = analyse("How many workers will the plant hire?")
    assert answer_on_predicate(hired, candidate("The plant expects to hire 120 workers.", "120", "CARDINAL")) == 1
    assert answer_on_predicate(analyse("What is the budget?"), candidate("It is $4 million.", "$4 million", "MONEY")) == 1
