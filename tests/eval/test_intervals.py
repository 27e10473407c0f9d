"""eval/intervals.py: a rate's and a mean's 95% intervals, and a paired change between two runs."""

from __future__ import annotations

import math

import pytest

from eval.intervals import mean_interval, paired_change, proportion_interval

Z_95 = 1.959963984540054


def wilson(count: int, total: int) -> tuple[float, float]:
    """The Wilson score interval from its textbook formula, to check scipy's against."""
    share = count / total
    centre = (share + Z_95**2 / (2 * total)) / (1 + Z_95**2 / total)
    half = Z_95 / (1 + Z_95**2 / total) * math.sqrt(share * (1 - share) / total + Z_95**2 / (4 * total**2))
    return centre - half, centre + half


@pytest.mark.parametrize(("count", "total"), [(99, 152), (19, 240), (0, 12), (12, 12), (1, 3)])
def test_a_rate_has_the_wilson_interval(count: int, total: int) -> None:
    interval = proportion_interval(count, total)
    assert interval is not None
    low, high = wilson(count, total)
    assert (interval.low, interval.high) == (pytest.approx(low, abs=1e-9), pytest.approx(high, abs=1e-9))
    assert interval.low <= count / total <= interval.high


def test_a_rate_over_no_question_has_no_interval() -> None:
    assert proportion_interval(0, 0) is None


def test_a_mean_interval_holds_the_mean_narrows_with_more_questions_and_repeats() -> None:
    values = [1.0, 0.0, 0.5, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0]
    few = mean_interval(values)
    many = mean_interval(values * 20)
    assert few is not None and many is not None
    mean = sum(values) / len(values)
    assert few.low < mean < few.high and many.low < mean < many.high
    assert many.high - many.low < (few.high - few.low) / 2
    assert mean_interval(values) == few  # a fixed seed: the same figures print the same interval


def test_a_mean_of_equal_values_and_of_none() -> None:
    interval = mean_interval([0.5] * 30)
    assert interval is not None and (interval.low, interval.high) == (0.5, 0.5)
    assert mean_interval([]) is None


def test_a_paired_change_counts_questions_that_moved_and_tests_their_split() -> None:
    before = [0.0] * 6 + [1.0] * 4 + [0.0] * 10
    after = [1.0] * 5 + [0.0] + [1.0] * 2 + [0.0] * 2 + [0.0] * 10  # five gained, two lost
    change = paired_change(before, after)
    assert (change.questions, change.better, change.worse) == (20, 5, 2)
    assert change.before == pytest.approx(0.2) and change.after == pytest.approx(0.35)
    assert change.change == pytest.approx(0.15)
    # two-sided exact binomial over the seven that moved: P(X <= 2) + P(X >= 5) with p = 1/2
    assert change.p_value == pytest.approx(2 * (1 + 7 + 21) / 2**7)
    assert change.interval.low <= change.change <= change.interval.high


def test_lower_is_better_counts_a_drop_as_better() -> None:
    answered_before = [1.0] * 6 + [0.0] * 4  # wrong answers to unanswerable questions
    answered_after = [0.0] * 5 + [1.0] + [1.0] + [0.0] * 3  # five now refused, one now answered
    change = paired_change(answered_before, answered_after, higher_is_better=False)
    assert (change.better, change.worse) == (5, 1)
    assert change.p_value == pytest.approx(14 / 64)
    assert change.change == pytest.approx(-0.4)


def test_a_large_one_sided_change_is_beyond_chance_and_one_question_is_not() -> None:
    before = [0.0] * 100
    many = paired_change(before, [1.0] * 30 + [0.0] * 70)
    assert many.beyond_chance and many.p_value < 1e-6 and many.interval.low > 0
    one = paired_change(before, [1.0] + [0.0] * 99)
    assert not one.beyond_chance and one.p_value == 1.0


def test_no_change_has_a_zero_interval_and_p_one() -> None:
    same = paired_change([1.0, 0.0, 0.5], [1.0, 0.0, 0.5])
    assert (same.better, same.worse, same.p_value) == (0, 0, 1.0)
    assert (same.interval.low, same.interval.high) == (0.0, 0.0) and not same.beyond_chance


@pytest.mark.parametrize(("before", "after"), [([1.0], [1.0, 0.0]), ([], [])])
def test_values_that_do_not_pair_are_refused(before: list[float], after: list[float]) -> None:
    with pytest.raises(ValueError):
        paired_change(before, after)
