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
        # a time its part of the sentence opens with, shared; not one another figure's clause names before it
        ("In June Quell took in 62 dogs and adopted out 38.", "38", {"month 6"}),
        ("Quell took in 62 dogs in June and adopted out 38.", "38", set()),
        ("In 2023 Quell made 620 referrals; in 2024 it saw 4,700 patients and made 810.", "810", {"2024"}),
        # a season after "in", a quarter
        ("Quell's inns were 68 percent full in the summer and 44 percent in the winter.", "44 percent", {"winter"}),
        ("Quell's collections ran 3.5 percent behind in the first quarter.", "3.5 percent", {"first quarter"}),
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


def test_a_time_that_opens_the_sentence_is_its_figures_when_they_name_none() -> None:
    assert _time("By July, the Quell jobless rate had fallen to 4.6 percent.", "4.6 percent") == {"month 7"}
    assert _time("In 2019, the Quell club had 40 members; today it has 65.", "65") == {"now"}
    assert _time("The Quell council approved 40 homes, the mayor said Monday.", "40") == frozenset()


@pytest.mark.parametrize(
    ("times", "others", "clashing"),
    [
        ({"2019"}, {"2024"}, True),
        ({"month 4"}, {"month 7"}, True),
        ({"last year"}, {"now"}, True),
        # times of different kinds may be one time: "last year" may be 2024, Thursday in June
        ({"last year"}, {"2024"}, False),
        ({"thursday"}, {"month 6", "2024"}, False),
        ({"2024", "month 6"}, {"2024"}, False),
    ],
)
def test_two_times_clash_when_they_name_different_ones_of_a_kind(
    times: set[str], others: set[str], clashing: bool
) -> None:
    from rag.value_times import clash

    assert clash(frozenset(times), frozenset(others)) is clashing
