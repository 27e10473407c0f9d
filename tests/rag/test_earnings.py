"""What someone is paid (rag.earnings): the questions that ask it and the sums that answer it, on text written for
these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What will the 8 paramedics in the Wexley fire district be paid?", "paramedic"),
        ("How much are Orrin Bay lifeguards paid?", "lifeguard"),
        ("What will the new jobs at the Tamsin cannery pay?", "job"),
        ("what does the job pay?", "job"),
        ("What did Brackley pay its last harbor master, Ivo Renn?", "master"),
        ("How much will Corvane pay its drivers?", "driver"),
        # a price paid for something, a payer, a sum named outright: no earnings asked
        ("How much did Corvane pay the Aldous family for the farm?", None),
        ("How much is Wexley paying the engineers to design the bridge?", None),
        ("How much will the county pay?", None),
        ("What salary will Ivo Renn get?", None),
        ("How much was paid for the land?", None),
        ("How much did the city pay the lawyers?", None),  # a fee paid to another, not one of its own
        # earnings asked by their noun: whose they are, when the question says
        ("What's the starting salary for a Corvane firefighter?", "firefighter"),
        ("What is the Brackley harbor master's salary?", "master"),
    ],
)
def test_a_question_asks_the_earnings_of_who_is_paid_not_of_what_is_paid_for(question: str, asked: str | None) -> None:
    from rag.earnings import payee
    from rag.query import analyse

    assert payee(analyse(question)) == asked


def test_a_sum_paid_by_others_does_not_say_what_the_paramedics_are_paid(encoder: object) -> None:
    """"The owner of a $300,000 home would pay about $95 a year more" is a sum someone else pays: no answer to what
    the district's paramedics will be paid, which "The paramedics will earn $52,000 a year" and "at a salary of
    $52,000" give."""
    from tests.rag.test_extractive import _answer_with_similarity, _passage

    question = "What will the 8 paramedics in the Wexley fire district be paid?"
    taxes = _passage("a", "Wexley Standard", "The Wexley fire district will hire 8 paramedics next year. The owner of "
                     "a $300,000 home in Wexley would pay about $95 a year more in fire taxes.")  # fmt: skip
    assert _answer_with_similarity(question, [taxes], encoder).startswith("The articles don't say")
    earn = _passage("b", "Wexley Standard", "The Wexley fire district will hire 8 paramedics next year. The "
                    "paramedics will earn $52,000 a year.")  # fmt: skip
    assert _answer_with_similarity(question, [earn], encoder).startswith("$52,000 [1]")
    salary = _passage("c", "Wexley Standard", "The Wexley fire district will hire 8 paramedics next year, each at a "
                      "salary of $52,000.")  # fmt: skip
    assert _answer_with_similarity(question, [salary], encoder).startswith("$52,000 [1]")


def test_a_sum_answers_what_a_post_pays_when_its_sentence_names_the_post_or_earnings() -> None:
    """"The new jobs will pay $24 an hour" answers "What will the new jobs pay?"; "a tax break for a $24 million
    expansion" does not."""
    from rag.earnings import pays_someone_else
    from rag.query import analyse
    from tests.rag.test_extractive import _valued

    question = analyse("What will the new jobs at the Tamsin cannery pay?")
    assert not pays_someone_else(question, _valued("The new jobs will pay $24 an hour.", "$24", "MONEY"))
    expansion = _valued("The county gave Tamsin Cannery a tax break for a $24 million expansion.", "$24 million",
                        "MONEY")  # fmt: skip
    assert pays_someone_else(question, expansion)


def test_earnings_named_as_someone_elses_do_not_say_what_the_one_asked_about_is_paid() -> None:
    """"starting pay for deputies" and "the deputies' pay" are what the deputies get, not what the sheriff was paid;
    "a salary of $91,000" with no one named, or "pay for the sheriff", may answer it."""
    from rag.earnings import pays_someone_else
    from rag.query import analyse
    from tests.rag.test_extractive import _valued

    question = analyse("What did Corvane County pay its last sheriff?")
    others = [
        "The board also raised starting pay for deputies from $44,000 to $47,500.",
        "The board also raised the deputies' pay to $47,500.",
    ]
    for text in others:
        assert pays_someone_else(question, _valued(text, "$47,500", "MONEY")), text
    for text in ["The board hired him at a salary of $91,000.", "The board set pay for the sheriff at $91,000."]:
        assert not pays_someone_else(question, _valued(text, "$91,000", "MONEY")), text


def test_a_salary_asked_for_someone_is_not_answered_by_anothers_pay(encoder: object) -> None:
    """"What's the starting salary for a Corvane firefighter?" is not answered by "starting pay for officers";
    "Firefighters will be paid $58,000" and "a starting salary of $58,000" (naming no one else) answer it."""
    from tests.rag.test_extractive import _answer_with_similarity, _passage

    question = "What's the starting salary for a Corvane firefighter?"
    police = _passage("a", "Corvane Courier", "The Corvane council hired six firefighters on Monday. It also raised "
                      "starting pay for officers from $51,000 to $54,500 a year.")  # fmt: skip
    assert _answer_with_similarity(question, [police], encoder).startswith("The articles don't say")
    for text in ["The Corvane council hired six firefighters on Monday. Firefighters will be paid $58,000 a "
                 "year to start.", "The Corvane council hired six firefighters on Monday at a starting salary of $58,000."]:
        answer = _answer_with_similarity(question, [_passage("b", "Corvane Courier", text)], encoder)
        assert answer.startswith("$58,000 [1]"), answer
