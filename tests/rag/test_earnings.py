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
