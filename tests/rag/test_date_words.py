"""How news writes the parts of a date (rag.date_words), on sentences written for these tests."""

from __future__ import annotations

import pytest

from rag.date_words import MONTH, VERB, kinds_of_may, same_may


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The Orlow ferry may stop in winter.", {VERB}),
        ("May the board vote on it?", {VERB}),
        ("How long did the May meeting last?", {MONTH}),
        ("The pool reopened in May.", {MONTH}),
        ("May 4 was the coldest day of the spring.", {MONTH}),
        ("The board may vote again in May.", {VERB, MONTH}),
        ("The ferry sails daily.", set()),
    ],
)
def test_may_is_the_month_with_a_capital_past_the_first_word_or_before_a_number(text: str, kinds: set[str]) -> None:
    assert kinds_of_may(text) == kinds


def test_a_may_the_parser_tagged_a_date_is_the_month_however_it_is_written() -> None:
    assert kinds_of_may("what happened at the pool in may?", dates=["may"]) == {MONTH}
    assert same_may(frozenset({MONTH}), "The pool reopened in May.")
    assert not same_may(frozenset({MONTH}), "The pool may reopen.")
