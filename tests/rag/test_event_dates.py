"""The checks of rag.event_dates on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.rag.candidate_helpers import _answers, _flags, _passage, _tagged, _value_candidate

if TYPE_CHECKING:
    from rag.word_likeness import WordLikeness


@pytest.mark.parametrize(
    ("question", "text", "value", "another"),
    [
        # the day of a vote to do something is not the day it was done
        ("When were the Quell levee repairs completed?", "The levee board voted on Tuesday to repair the Quell levee.",
         "Tuesday", True),
        ("When does Dana Lisle take over as Quell's police chief?", "The Quell council voted 5-2 Monday to hire Dana "
         "Lisle as police chief.", "Monday", True),
        # unless what was voted on is what is asked, or the vote itself
        ("When was the Quell police chief hired?", "The Quell council voted 5-2 Monday to hire Dana Lisle as police "
         "chief.", "Monday", False),
        ("When did the Quell council vote on the budget?", "The Quell council voted Tuesday to adopt the budget.",
         "Tuesday", False),
        ("When will Quell voters vote on the bond?", "Quell voters will decide Nov. 5 whether to borrow $4 million.",
         "Nov. 5", False),
        # the day what was decided takes effect, which the parser may hang on the vote
        ("When does Quell's new water charge start?", "The Quell board voted 7-2 Monday to raise the water charge "
         "from $28 to $32, effective Jan. 1, 2025.", "Jan. 1, 2025", False),
    ],
)  # fmt: skip
def test_the_day_of_a_decision_to_do_something_else_answers_no_when_question(
    question: str, text: str, value: str, another: bool
) -> None:
    from rag.event_dates import dates_another_event
    from rag.query import analyse

    assert dates_another_event(analyse(question), _value_candidate(text, value, "DATE")) is another


@pytest.mark.parametrize(
    ("question", "text", "value", "done"),
    [
        # what was done on another verb is past: no day of what will be
        ("When will the Orrin Creek bridge reopen?", "The Orrin Creek bridge, which has been closed since June, is "
         "one of 11 spans.", "June", True),
        ("When will the Orrin Creek bridge reopen?", "Most of the county's bridges are one-lane spans built in the "
         "1930s.", "the 1930s", True),
        ("When will the Brenton Mall be torn down?", "The Wexham council approved a demolition permit for the Brenton "
         "Mall on Sept. 9.", "Sept. 9", True),
        # a clause of time or cause in the past tells what was done, though the sentence tells what will be
        ("When will the Brenton Mall be torn down?", "Shoppers will lose their last grocery store after the Wexham "
         "council approved a demolition permit for the Brenton Mall on Sept. 9.", "Sept. 9", True),
        ("When will the Brenton Mall be torn down?", "The Brenton Mall will close because its owner missed a loan "
         "payment on Sept. 9.", "Sept. 9", True),
        # what will be, the question's own verb, or a day a preposition puts ahead
        ("When will the Orrin Creek bridge reopen?", "The Orrin Creek bridge will reopen after crews replace its "
         "deck in May.", "May", False),
        ("When will the Orrin Creek bridge reopen?", "The county said the Orrin Creek bridge will reopen in May.",
         "May", False),
        ("When will the Orrin Creek bridge reopen?", "The Orrin Creek bridge reopened in May.", "May", False),
        ("When will the Wexham council vote on the levy?", "The Wexham council postponed its vote on the levy until "
         "June 3.", "June 3", False),
        # not for a question about what was done
        ("When was the Brenton Mall torn down?", "The Wexham council approved a demolition permit for the Brenton "
         "Mall on Sept. 9.", "Sept. 9", False),
    ],
)  # fmt: skip
def test_the_day_of_what_was_done_answers_no_question_about_what_will_be(
    question: str, text: str, value: str, done: bool
) -> None:
    from rag.event_dates import dates_what_was_done
    from rag.query import analyse

    assert dates_what_was_done(analyse(question), _value_candidate(text, value, "DATE")) is done


def test_a_persons_name_after_in_is_no_place_and_a_date_of_an_event_is_no_decisions() -> None:
    from rag.event_dates import dates_another_event
    from rag.query import analyse

    text = ("The Orlow school board voted 4-1 Monday to fire Superintendent Ada Renn. Members said they lost "
            "confidence in Ada Renn after the audit.")  # fmt: skip
    passage = _passage(text, _tagged(text, "ORG", "The Orlow school board") + _tagged(text, "PERSON", "Ada Renn"))
    assert "Ada Renn" in _answers("Whom did the Orlow school board fire?", passage)
    sworn = _value_candidate("Ada Renn was sworn in as Orlow mayor on Jan. 3 to serve a four-year term.", "Jan. 3",
                             "DATE")  # fmt: skip
    assert not dates_another_event(analyse("When did Ada Renn take office as Orlow mayor?"), sworn)


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sentence tells of no such event at all
        ("When did Harold Ames die?", "For the first time since 1945, Ames Hardware is not owned by an Ames.", "1945",
         True),
        ("When did Walter Brannock retire?", "The firm was founded in 1988 by Walter Brannock.", "1988", True),
        ("When was the Orlow Grange hall built?", "About 40 people spent Tuesday night in the Orlow Grange hall.",
         "Tuesday night", True),
        # the question's verb as a noun, a verb of the same act, a verb alike in meaning, another verb of saying
        ("When did the Orlow cannery reopen?", "The cannery's reopening on May 5 drew a crowd.", "May 5", False),
        ("When did work on the Orlow culvert start?", "Work on the culvert began June 2.", "June 2", False),
        ("When was the Orlow pool constructed?", "The pool, built in 1971, loses water.", "1971", False),
        ("When did the mayor announce the Orlow plan?", "She said on July 14 that the plan would go ahead.",
         "July 14", False),
        # plans, phrasal verbs and verbs that only say something took place are left to the other checks
        ("When will the Orlow pool reopen?", "The pool was built in 1971.", "1971", False),
        ("When is the Orlow pool supposed to reopen?", "The pool was built in 1971.", "1971", False),
        ("When did the Orlow fire break out?", "A fire early Sunday, Feb. 11, killed a man.", "Feb. 11", False),
        ("When did the Orlow tornado hit?", "Crews were still clearing trees on Friday.", "Friday", False),
        # a date on a phrasal or idiomatic verb may tell the event in other words
        ("When did Walter Brannock retire?", "Walter Brannock stepped down as president in 2011.", "2011", False),
        ("When did Ada Quist die?", "Ada Quist passed away in 2002.", "2002", False),
        ("When did the Orlow library project begin?", "Crews broke ground in May 2020.", "May 2020", False),
    ],
)  # fmt: skip
def test_a_date_from_a_sentence_that_tells_no_such_event_does_not_tell_when_it_happened(
    question: str, text: str, value: str, other: bool, likeness: "WordLikeness"
) -> None:
    from rag.event_dates import dates_an_event_not_told
    from rag.query import analyse

    assert dates_an_event_not_told(analyse(question), _value_candidate(text, value, "DATE"), likeness) is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # a year that names the thing asked about, and a state since a date
        ("When was the Orlow footbridge last painted?", "Crews will close the 1958 Orlow footbridge in May.", "1958",
         True),
        ("When did the Orlow cannery reopen?", "The Orlow cannery, closed since March, was sold on Friday.", "March",
         True),
        # what was made then, a year naming the event asked about, since when, and "not ... since" for the last time
        ("When was the Orlow footbridge built?", "Crews will close the 1958 Orlow footbridge in May.", "1958", False),
        ("In what year did Orlow annex Pell?", "Orlow's 1998 annexation of Pell doubled the town.", "1998", False),
        ("Since when has the Orlow cannery been closed?", "The Orlow cannery, closed since March, was sold on Friday.",
         "March", False),
        ("When was the Orlow harbor last dredged?", "The Orlow harbor has not been dredged since 2009.", "2009",
         False),
        # a question whose verb only says the event took place asks for the event's own date
        ("When did the Orlow flood happen?", "The 1993 Orlow flood destroyed 40 homes.", "1993", False),
    ],
)  # fmt: skip
def test_a_date_of_a_thing_or_of_a_state_does_not_tell_when_something_happened(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.event_dates import dates_a_thing_or_a_state

    assert _flags(dates_a_thing_or_a_state, question, text, value, "DATE") is other


@pytest.mark.parametrize(("question", "value", "published", "before"), [
    ("When will Orby auction off its old brush truck?", "1998", "2025-04-02", True),
    # a year still to come, a question of what was done, and an article of no known date
    ("When will Orby auction off its old brush truck?", "2026", "2025-04-02", False),
    ("When did Orby buy its old brush truck?", "1998", "2025-04-02", False),
    ("When will Orby auction off its old brush truck?", "1998", None, False),
    # a decade gone by
    ("When will Orby auction off its old brush truck?", "late 1970s", "2025-04-02", True),
    # a time told as past, in an article of any date
    ("When will Orby auction off its old brush truck?", "last year", None, True),
    ("When will Orby auction off its old brush truck?", "two years ago", None, True),
    ("When does the Orby brush truck's lease expire?", "last year", None, True),
    ("When did Orby buy its old brush truck?", "last year", None, False),
    ("When will Orby auction off its old brush truck?", "next year", None, False),
    # a plan or a chance in the past may have been for a time now past
    ("When was Orby supposed to auction off its old brush truck?", "last year", None, False),
    ("When would Orby have auctioned off its old brush truck?", "two years ago", None, False),
])  # fmt: skip
def test_a_year_before_its_article_dates_nothing_to_come(question: str, value: str, published: str | None,
                                                         before: bool) -> None:  # fmt: skip
    from rag.candidate import Candidate
    from rag.event_dates import dated_before_its_article
    from rag.query import analyse

    text = f"The old brush truck, a {value} model, will be sold at auction."
    passage = _passage(text).model_copy(update={"published": published})
    start = text.index(value)
    candidate = Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), "DATE")])
    assert dated_before_its_article(analyse(question), candidate) is before


@pytest.mark.parametrize(("question", "text", "value", "another"), [
    # the act asked, done to another thing by name, or by another by name when neither has an object
    ("When did Ilse Varga buy Harrow Mill?", "Varga, who bought the neighboring Tessel orchard in 2014, said the mill "
     "needs a new roof.", "2014", True),
    ("When did the Orrin Street Bakery open?", "Its rival, Crumb & Co., opened on Dock Road in 2021.", "2021", True),
    # the thing asked by name, or in a common noun; one who acts on the thing asked
    ("When did Ilse Varga buy Harrow Mill?", "Varga bought Harrow Mill in 2014 from the Tessel family.", "2014", False),
    ("When did Ilse Varga buy Harrow Mill?", "Varga bought the mill in 2014 from the Tessel family.", "2014", False),
    ("When did the Orrin Street Bakery open?", "The bakery opened on Orrin Street in 2021.", "2021", False),
    ("When will the Orrin clinic close?", "The Kessel County Health Department will close its Orrin clinic on "
     "Aug. 19.", "Aug. 19", False),
])  # fmt: skip
def test_the_date_of_the_act_asked_done_to_or_by_another_by_name(
    question: str, text: str, value: str, another: bool
) -> None:
    from rag.event_dates import dates_another_named_ones_act
    from rag.query import analyse

    assert dates_another_named_ones_act(analyse(question), _value_candidate(text, value, "DATE")) is another



def test_a_date_of_buying_another_thing_by_name_is_put_aside() -> None:
    """The answerer's ordering drops the date of buying another named thing, and keeps the date of the thing asked."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "Varga, who bought the neighboring Tessel orchard in 2014, said the mill needs a new roof."
    candidate = _value_candidate(text, "2014", "DATE")
    assert fitting_first([candidate], analyse("When did Ilse Varga buy Harrow Mill?")) == []
    assert fitting_first([candidate], analyse("When did Ilse Varga buy the Tessel orchard?")) == [candidate]
