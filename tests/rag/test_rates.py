"""The checks of rag.rates on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _answers, _passage, _tagged


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("What is the average hourly wage at the Tressan plant?", True),
        ("What does a starting weaver make an hour in Tressan?", True),
        ("How much will a monthly parking pass in Tressan cost?", True),
        ("What will Tressan households pay each month for trash pickup?", True),
        # a period that dates what is asked is no rate
        ("How much did the Tressan plant cost a year ago?", False),
        ("How much did Tressan spend on the plant last year?", False),
        # or per unit of measure
        ("How much per pound will the Tressan cannery pay growers?", True),
        ("What do Tressan farmers pay for an acre-foot of water?", True),
        ("How much did the 40-acre Tressan farm sell for?", False),
    ],
)  # fmt: skip
def test_a_question_may_ask_for_a_sum_per_period(question: str, rate: bool) -> None:
    from rag.rates import asked_rate

    assert (asked_rate(question) is not None) is rate


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("How much does the Wrenmouth ferry charge for a foot passenger?",
         "The Wrenmouth ferry charges $4 for foot passengers.", "$4"),
        ("How much does Carrow College charge for a degree in nursing?",
         "A nursing degree at Carrow College costs $48,000 over four years.", "$48,000"),
        ("How much did Marla's Bakery charge for a pound cake?",
         "Marla's Bakery sold its pound cakes for $12 each at the Orlow fair.", "$12"),
        ("How much did Quarrel County pay for a mile-long stretch of Route 9?",
         "Quarrel County paid $4 million to repave the mile-long stretch of Route 9.", "$4 million"),
    ],
)  # fmt: skip
def test_a_thing_bought_whole_named_by_a_unit_asks_for_no_price_per_unit(question: str, text: str, value: str) -> None:
    """"for a foot passenger", "for a pound cake": a unit's word in a thing's name asks no price per foot or pound;
    "for a gallon of gas" does."""
    from rag.rates import asked_rate

    assert _answers(question, _passage(text, _tagged(text, "MONEY", value))) == [value]
    assert asked_rate("How much did Wrenmouth pay for a gallon of diesel?") is not None
