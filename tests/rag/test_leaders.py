"""Who heads something (rag.leaders), on text written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Who runs the marina that wants to add 40 slips in Orrin Bay?", True),
        ("Who heads the fishermen's company that bought the old cannery?", True),
        ("who's in charge of the nonprofit that will run the Tamsin theater?", True),
        ("Who runs Orrin Bay Memorial Hospital?", True),
        ("Who ran for mayor of Orrin Bay?", False),
        ("Who led the search for the missing hiker?", False),
        ("Who owns the house on Quay Lane?", False),
    ],
)
def test_a_question_asks_who_heads_a_firm_a_group_or_an_office(question: str, asks: bool) -> None:
    from rag.leaders import asks_who_heads
    from rag.query import analyse

    assert asks_who_heads(analyse(question)) == asks


def _headed(text: str, name: str, label: str, question: str) -> bool:
    from rag.candidates import Candidate
    from rag.leaders import titled_head
    from rag.models import Passage

    passage = Passage(passage_id="p", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                      entities=[(text.index(name), text.index(name) + len(name), label)])  # fmt: skip
    return titled_head(Candidate(0, passage, 0, len(text), {}, [passage.entities[0]]), question)


def test_a_heads_title_beside_a_name_is_of_the_thing_asked_unless_it_names_another() -> None:
    """"the group's president, Jory Tamblin", "owner Erling Vasko" (the surname tagged alone), "Ada Orle, the
    trust's executive director" give a head of what the question asks about; "Society president Lena Crake" and
    "Ivo Marsh, president of the Tamsin Lake Association" give the head of something else it does not name."""
    question = "Who runs the marina that wants to add 40 slips in Orrin Bay?"
    assert _headed("The rest came from a loan, said the group's president, Jory Tamblin.", "Jory Tamblin", "PERSON",
                   question)  # fmt: skip
    assert _headed("The marina has 180 slips, owner Erling Vasko said.", "Vasko", "PERSON", question)
    assert _headed("Ada Orle, the trust's executive director, said the boiler failed.", "Ada Orle", "PERSON", question)
    assert not _headed("Society president Lena Crake said the group raised $150,000.", "Lena Crake", "PERSON",
                       question)  # fmt: skip
    assert not _headed("Ivo Marsh, president of the Tamsin Lake Association, said the plan was fine.", "Ivo Marsh",
                       "PERSON", question)  # fmt: skip
    assert not _headed("The marina has 180 slips, Erling Vasko said.", "Erling Vasko", "PERSON", question)


def test_who_runs_the_marina_is_its_owner_not_another_groups_president() -> None:
    """End to end: the owner's name, which the refusal model alone refused, not the lake group's president."""
    from tests.rag.test_extractive import _answer_text, _passage

    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    text = ("Orrin Bay board lets marina grow\n"
            "ORRIN BAY - The Orrin Bay Planning Board voted 4-1 on Thursday to let Vasko Marina build 40 new boat slips "
            "on Tamsin Lake.\n"
            "The marina, on Reed Cove, now has 180 slips and a waiting list of about 230 boaters, owner Erling Vasko "
            "said.\n"
            "Ivo Marsh, president of the Tamsin Lake Association, said the group did not oppose the plan.")  # fmt: skip
    answer = _answer_text(analyse("Who runs the marina that wants to add 40 slips in Orrin Bay?"),
                          [_passage("a", "Orrin Bay Ledger", text)], SAME_WORD_ONLY)  # fmt: skip
    assert "Vasko" in answer.split("[1]")[0] and "Marsh" not in answer.split("[1]")[0]
