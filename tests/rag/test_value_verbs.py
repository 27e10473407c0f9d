"""The checks of rag.value_verbs on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _flags, _value_candidate


@pytest.mark.parametrize(
    ("question", "text", "value", "label", "other"),
    [
        ("When did the Orlow pool reopen?", "The Orlow pool closed on June 3 after a pump failed.", "June 3", "DATE",
         True),
        ("How many workers did the Orlow plant hire last year?", "The Orlow plant laid off 40 workers.", "40",
         "CARDINAL", True),
        ("When did the Orlow pool reopen?", "The Orlow pool reopened on July 9.", "July 9", "DATE", False),
        # officers or jobs lost are the opposite of those hired
        ("How many officers has Orlow hired this year?", "Orlow lost 11 officers to other departments.", "11",
         "CARDINAL", True),
        ("How many jobs will be lost in Orlow?", "The Orlow plant still needs to hire about 180 people.", "about 180",
         "CARDINAL", True),
        # one event told from the other side: the seller's sale is the buyer's purchase
        ("When did Garrow Co. sell the Orlow mill?", "Ivo Marsh bought the Orlow mill from Garrow Co. in 2019.",
         "2019", "DATE", False),
        # the question's own verb is there too
        ("When did the Orlow pool reopen?", "The Orlow pool, closed since June, reopened on July 9.", "July 9", "DATE",
         False),
        # the value's own verb does the asked act again, joined to its opposite
        ("When will Tarn Road open again?", "Tarn Road, closed since the March flood, should reopen by June 1.",
         "June 1", "DATE", False),
        ("When will Tarn Road open again?", "Tarn Road reopened in May but closed again on June 1.", "June 1", "DATE",
         True),
        # a start is no finish
        ("When will the Tarn Road repaving be finished?", "Repaving Tarn Road is scheduled to begin in May.", "May",
         "DATE", True),
        ("When will the Tarn Road repaving be completed?", "Work on Tarn Road will start in May.", "May", "DATE", True),
        ("When will the Tarn Road repaving be finished?", "Repaving Tarn Road should be finished by October.",
         "October", "DATE", False),
    ],
)  # fmt: skip
def test_a_value_of_the_opposite_event_does_not_answer(question: str, text: str, value: str, label: str,
                                                      other: bool) -> None:  # fmt: skip
    from rag.value_verbs import done_the_other_way

    assert _flags(done_the_other_way, question, text, value, label) is other


@pytest.mark.parametrize(
    ("question", "text", "elsewhere"),
    [
        ("How many people does Orrick Foods employ in Tansy Ferry?", "The company employs 40 people in Bellmoor.",
         True),
        ("How many people does Orrick Foods employ in Bellmoor?", "The company employs 40 people in Bellmoor.", False),
        # the place asked named in the sentence too, and another verb than the question's
        ("How many people does Orrick Foods employ in Tansy Ferry?",
         "The company employs 40 people in Bellmoor and 12 in Tansy Ferry.", False),
        ("How many people does Orrick Foods employ in Tansy Ferry?", "The company hired 40 people in Bellmoor.", False),
        # the place told may lie in the one asked: "Bellmoor, the county seat"
        ("How many people does Orrick Foods employ in Tansy County?",
         "The company employs 40 people in Bellmoor, the county seat.", False),
    ],
)  # fmt: skip
def test_a_value_of_the_questions_act_done_in_another_named_place_answers_nothing(question: str, text: str,
                                                                                  elsewhere: bool) -> None:  # fmt: skip
    from rag.query import analyse
    from rag.value_verbs import done_in_another_place

    assert done_in_another_place(analyse(question), _value_candidate(text, "40", "CARDINAL")) is elsewhere


@pytest.mark.parametrize(("question", "text", "value", "other_way"), [
    # "Starting ..." puts a time before what happens from then on: no act of starting
    ("When does Route 4 stop going down Mill Road?", "Starting March 2, Orby's Route 4 will no longer travel along "
     "Mill Road.", "March 2", False),
    ("When do Tesk residents have to stop putting glass in their bins?",
     "Beginning June 1, Tesk residents will have to stop putting glass in their bins.", "June 1", False),
    # the start of something else than the act asked (the act asked in a clause of its own), and a start for a stop
    ("When will the Tesk fair end?", "Starting Friday, the Tesk fair will run for nine days.", "Friday", True),
    ("When will the Orby bridge project be finished?",
     "Starting Monday, crews will work nights so the bridge project can be finished by December.", "Monday", True),
    ("When did the Orby pool stop taking swimmers?", "The Orby pool will start taking swimmers on June 1.", "June 1",
     True),
])  # fmt: skip
def test_a_time_that_starts_what_is_asked_is_no_start_of_its_opposite(
    question: str, text: str, value: str, other_way: bool
) -> None:
    from rag.value_verbs import done_the_other_way

    assert _flags(done_the_other_way, question, text, value, "DATE") is other_way
