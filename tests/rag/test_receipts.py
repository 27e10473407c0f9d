"""What someone gets, raises or takes in (rag.receipts): a sum someone else pays out, in a sentence that never names
the one asked about, does not answer; on text written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "sentence", "value", "another"),
    [
        ("How much drought money did Ada Voss get from the county?",
         "County supervisors on Monday approved a $950,000 drought relief fund.", "$950,000", True),
        ("How much money will Ada Voss lose because of the campground closure?",
         "The town will spend about $38,000 to replace the campground's trash bins.", "$38,000", True),
        ("How much did the Brill quilting circle get from the small-groups fund?",
         "The council set aside $40,000 for groups with budgets under $50,000.", "$40,000", True),
        ("How much will Wexley make from selling its crushed glass?",
         "The recycling processor began charging $118 a ton to take glass last year.", "$118", True),
        # the one asked about named, by a word that starts the same
        ("How much did Harlan County commissioners take from the reserve fund?",
         "The Harlan County Commission voted 5-0 to spend $275,000 from its reserve fund.", "$275,000", False),
        ("How much did the Orrin Bay fair take in at the gate this year?",
         "The Orrin Bay fair took in $212,000 at the gate.", "$212,000", False),
        # a pronoun may be the one asked about; a verb that is no paying out
        ("How much did the Brill quilting circle raise?", "It paid out $4,000 in prizes.", "$4,000", False),
        ("How much have the Keep Tarn Open parents raised?",
         "The group has raised $14,500 for legal costs.", "$14,500", False),
        # others' payments that are the takings asked, a recipient named by another word, a loss "cost" one, a
        # getting verb aside, a record "set"
        ("How much did the Orrin Bay fair take in at the gate this year?",
         "Commissioners contribute about $180,000 a year toward its operating costs.", "$180,000", False),
        ("How much did Wexley make from the sale of the old jail?",
         "A developer paid $2.1 million for the building.", "$2.1 million", False),
        ("How much did Maple Street Elementary get from the foundation?",
         "The Orrin Bay Foundation awarded the school $25,000 for its reading program.", "$25,000", False),
        ("How much did Ada Voss lose in the fire?",
         "The fire cost the bakery owner $40,000 in equipment.", "$40,000", False),
        ("How much will residents pay so the town can get new bins?",
         "Residents will pay $38 a year for the bins.", "$38", False),
        ("How much did the Orrin Bay fair take in at the gate this year?",
         "The fair set a record with $212,000 in ticket sales.", "$212,000", False),
        # not a question of getting
        ("How much did the town spend on the bins?",
         "Commissioners contribute about $180,000 a year toward its operating costs.", "$180,000", False),
    ],
)  # fmt: skip
def test_a_sum_paid_out_by_another_is_not_what_the_one_asked_about_got(
    question: str, sentence: str, value: str, another: bool
) -> None:
    from rag.query import analyse
    from rag.receipts import paid_out_by_another
    from tests.rag.test_extractive import _valued

    assert paid_out_by_another(analyse(question), _valued(sentence, value, "MONEY")) is another


def test_what_another_pays_out_leaves_what_the_one_asked_about_got_unanswered() -> None:
    """End to end: the town's spending is no answer to what the ranger will lose, nor the council's set-aside to
    what the quilting circle got."""
    from rag.query import analyse
    from tests.rag.test_extractive import _answer_text, _passage

    question = analyse("How much money will Ada Voss lose because of the campground closure?")
    spent = _passage("a", "Orrin Bay Light", "The Tarn Lake campground will close for the season, ranger Ada Voss "
                     "said. The town will spend about $38,000 to replace the campground's trash bins.")  # fmt: skip
    assert _answer_text(question, [spent], lambda a, b: float(a == b)).startswith("The articles don't say")
    question = analyse("How much did the Brill quilting circle get from the small-groups fund?")
    set_aside = _passage("b", "Orrin Bay Light", "The Brill quilting circle applied to the small-groups fund this "
                         "spring. For the first time, the council set aside $40,000 for groups with budgets under "
                         "$50,000.")  # fmt: skip
    assert _answer_text(question, [set_aside], lambda a, b: float(a == b)).startswith("The articles don't say")
