"""A question asking for a measured value by its name (rag.measured), on text written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "asks", "measured"),
    [
        ("What was the lead level in the water at Ashby Primary?", True, {"lead"}),
        ("What's the speed limit on Corvane Road?", True, {"speed"}),
        ("What rating did the tornado that hit Tamsin get?", True, set()),
        ("How high did the river get at Tamsin?", False, set()),  # a typed question: a number word asks it
        ("What did the inspectors find at the Orr Creek bridge?", False, set()),
    ],
)
def test_a_question_names_the_measured_value_it_asks_for(question: str, asks: bool, measured: set[str]) -> None:
    from rag.measured import _what_is_measured, asks_a_measure
    from rag.query import analyse

    analysis = analyse(question)
    assert asks_a_measure(analysis) is asks
    if asks:
        assert analysis.focus is not None and set(_what_is_measured(question, analysis.focus)) == measured


def test_only_a_sentence_with_a_figure_of_what_is_measured_answers(encoder: object) -> None:
    """"Inspectors closed the fountain at Ashby Primary" names the school but gives no lead level: refused. "A sample
    held 22 parts per billion of lead" gives it; "The school has 310 pupils" gives a figure of something else."""
    from tests.rag.test_extractive import _answer_with_similarity, _passage

    question = "What was the lead level in the drinking fountain at Ashby Primary?"
    closed = _passage("a", "Tamsin Courier", "Inspectors closed the drinking fountain at Ashby Primary on Monday after "
                      "a test of its water. Ashby Primary has 310 pupils.")  # fmt: skip
    assert _answer_with_similarity(question, [closed], encoder).startswith("The articles don't say")
    measured = _passage("b", "Tamsin Courier", "Inspectors closed the drinking fountain at Ashby Primary on Monday. A "
                        "sample of its water held 22 parts per billion of lead, the county said.")  # fmt: skip
    assert "22 parts per billion" in _answer_with_similarity(question, [measured], encoder)
