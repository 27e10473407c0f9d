"""The time a figure is given for (rag.value_times), on invented sentences."""

from __future__ import annotations

import pytest

from rag.value_times import time_of, times_asked


def _time(sentence: str, figure: str) -> frozenset[str]:
    at = sentence.index(figure)
    return time_of(sentence, at, at + len(figure))


@pytest.mark.parametrize(
    ("sentence", "figure", "time"),
    [
        # after the figure, to the end of its clause
        ("The Quell library lent 12,400 books in 2022 and 13,100 last year, its director said.", "12,400", {"2022"}),
        ("The Quell library lent 12,400 books in 2022 and 13,100 last year, its director said.", "13,100",
         {"last year"}),
        ("Quell issued 52 permits in the first quarter, compared with 38 a year earlier.", "38", {"last year"}),
        ("Quell registered 900 voters in Sept. and 1,100 in October.", "1,100", {"month 10"}),
        # before its verb, in its own clause
        ("Quell will add 12 beds to its burn unit, which now has 20.", "20", {"now"}),
        # none of its own: the time is another figure's
        ("Quell will add 12 beds to its burn unit, which now has 20.", "12", set()),
        ("Quell took in 62 dogs in June and adopted out 38.", "38", set()),
        # "may" is a verb, not the month
        ("Quell may hire 14 officers.", "14", set()),
    ],
)  # fmt: skip
def test_the_time_a_figure_is_given_for(sentence: str, figure: str, time: set[str]) -> None:
    assert _time(sentence, figure) == time


def test_the_times_a_question_names_say_the_same_in_one_way() -> None:
    assert times_asked("How many beds does the Quell burn unit currently have?") == {"now"}
    assert times_asked("How many books did Quell lend in January 2023?") == {"month 1", "2023"}
    assert times_asked("How many officers does Quell have?") == frozenset()
