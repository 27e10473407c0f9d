"""A value's figure as an amount (rag.figures), on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.test_extractive import _passage


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("a three-year contract", "three years", True),  # a length written as a modifier
        ("36 months", "three years", True),
        ("Twenty-five", "25", True),
        ("three years", "2 years", False),
        ("one-two", "12", False),
    ],
)
def test_figures_are_compared_as_numbers_and_lengths(first: str, second: str, same: bool) -> None:
    from rag.candidate import Candidate
    from rag.figures import figure

    def candidate(value: str) -> Candidate:
        passage = _passage("p", "Helmsby Star", f"The county agreed to {value} on Monday.")
        start = passage.text.index(value)
        return Candidate(0, passage, 0, len(passage.text), {}, [(start, start + len(value), "DATE")])

    assert (figure(candidate(first)) == figure(candidate(second))) is same
