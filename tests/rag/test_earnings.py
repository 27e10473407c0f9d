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


@pytest.mark.parametrize(("sentence", "told"), [
    # the one the sentence before hires, by name or by a pronoun, paid in the sentence after: what the sentence before
    # calls her is who is paid
    ("Orrin, 44, will be paid $96,500 a year and starts July 1.", True),
    ("She will be paid $96,500 a year and starts July 1.", True),
    ("Orrin, 44, will start July 1 at an annual salary of $96,500.", True),
    # a sum of another, or one paid for a thing
    ("Tamsin, 52, will be paid $96,500 a year and starts July 1.", False),
    ("The field work, estimated at $96,500, will be paid for with a state grant.", False),
])  # fmt: skip
def test_the_pay_of_one_the_sentence_before_hires_answers_what_the_post_pays(sentence: str, told: bool) -> None:
    from rag.candidate import Candidate
    from rag.earnings import pays_someone_else
    from rag.query import analyse
    from rag.something_else import pays_for_something_else
    from tests.rag.candidate_helpers import _passage

    before = "The Velt school board voted 7-0 to hire Ada Orrin, the athletic director at Tarn High, to run athletics."
    text = f"{before} {sentence}"
    value = text.index("$96,500")
    candidate = Candidate(0, _passage(text), len(before) + 1, len(text), {}, [(value, value + 7, "MONEY")])
    for question in ("What's Velt paying its new athletic director?", "What will the new Velt athletic director be "
                     "paid?"):  # fmt: skip
        analysis = analyse(question)
        assert (not pays_someone_else(analysis, candidate) and not pays_for_something_else(analysis, candidate)) is told


def test_a_sum_paid_for_a_thing_is_no_rival_of_a_salary() -> None:
    from rag.earnings import earnings_not_told
    from rag.query import analyse
    from tests.rag.test_extractive import _valued

    question = analyse("What's Velt paying its new athletic director?")
    assert earnings_not_told(question, _valued("The field work, estimated at $186,000, will be paid for with a state "
                                               "grant.", "$186,000", "MONEY"))  # fmt: skip
    assert not earnings_not_told(question, _valued("Orrin will be paid $96,500 a year.", "$96,500", "MONEY"))
    assert not earnings_not_told(question, _valued("The job pays $96,500 a year.", "$96,500", "MONEY"))
    assert not earnings_not_told(question, _valued("Orrin's contract runs three years and pays $96,500 a year.",
                                                   "$96,500", "MONEY"))  # fmt: skip
    assert not earnings_not_told(analyse("What did the Velt field work cost?"),
                                 _valued("The field work, estimated at $186,000, will be paid for with a state grant.",
                                         "$186,000", "MONEY"))  # fmt: skip


@pytest.mark.parametrize("question", ["What was Tam Gaskell's salary as Velt's athletic director?",
                                      "What salary did Tam Gaskell earn as Velt's athletic director?"])
def test_the_pay_of_one_the_sentence_before_hires_is_not_that_of_another_asked_by_name(question: str) -> None:
    """"She will be paid $96,500" after Ada Orrin's hiring is her pay, not that of Tam Gaskell, whom she replaces."""
    from index.nlp import sentence_parse
    from rag.earnings import earnings_of_one_named_before
    from rag.query import analyse

    before = "The Velt school board voted 7-0 to hire Ada Orrin to replace Tam Gaskell as athletic director."
    for sentence in ("She will be paid $96,500 a year.", "Orrin will be paid $96,500 a year."):
        assert not earnings_of_one_named_before(sentence_parse(sentence), before, analyse(question))
    assert earnings_of_one_named_before(sentence_parse("Gaskell was paid $91,000 a year."), before, analyse(question))
