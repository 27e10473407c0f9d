"""Refusals where an article says the thing asked is not known or not given (rag/withheld.py).

On sentences and two short articles written for these tests (tests/rag/data/withheld_corpus, the
`withheld_assistant` fixture), none from the sample or the evaluation corpora."""

from __future__ import annotations

import pytest

from rag.models import CANNOT_ANSWER
from rag.query import analyse
from rag.withheld import withholds


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What motive did police give for the fire?", "Mertens declined to talk about a motive."),
        ("Which discount chain would run the store?",
         "The company has said the store would be run by a national discount chain, which it has declined to name."),
        ("What caused the fire on Elm Street?", "The cause of the fire has not been determined."),
        # "What caused X?" asks of X: why it happened, or its source, is withheld
        ("What caused the outage in Orlow?", "It is unclear why the outage happened."),
        ("What caused the spill into Tarn Creek?", "The source of the spill has not been determined."),
        ("When will Norvale begin hiring?", "Norvale has not said when hiring will begin."),
        ("How many people were inside the building?", "It was unclear how many people were inside the building."),
        ("Why did the warehouse burn?", "Investigators have not said why the warehouse burned."),
        ("When will Hale be sentenced?", "A sentencing date has not been set."),
        ("Who was the victim of the Elm Street crash?", "The victim's name was withheld until relatives were told."),
        ("How much will the repairs cost?", "Officials would not say how much the repairs would cost."),
        ("Why did Hale vote against the plan?", "Hale didn't say why she voted against the plan."),
        ("Who is the new principal?", "The district has not named a new principal."),
        ("Who was the driver of the Orlow bus?", "Police have not released the name of the driver."),
        # a fear before it, and a withholding of its own after "and"; a warning that announces one
        ("Who was the driver of the Orlow bus?", "Police feared a leak and did not release the name of the driver."),
        ("Who was the driver of the Orlow bus?", "Police warned that they would not release the name of the driver "
         "until Friday."),
        ("Who did the Orlow board hire as tenant liaison?", "The board has not announced a name for the tenant liaison "
         "it plans to hire."),
        ("What did Mayor Kell say about the tax increase?", "Kell declined to comment on the tax increase."),
        # by or of the one the question names: by name, in part, through a spokesman, or as "she"
        ("What did Ada Kell say about the levy?", "A spokesman for Ada Kell would not say what she thought of the levy."),
        ("What did Ada Kell say about the levy?", "She declined to comment on the levy."),
        ("What did Ada Kell say about the levy?", "It is unclear what Kell said about the levy."),
        ("What reason did the Orlow board give for the closing?", "The board did not give a reason for the closing."),
        # a phrasal verb withholds what its one verb means ("stepping down": resigning)
        ("Why did Hal Orrin resign as Tarnby's coach?", "Orrin did not give a reason for stepping down."),
        # the same party as the question's, named or not
        ("How much will the solar firm pay the Denholm farmers?",
         "It would not say how much the farmers will be paid."),
        ("How much will Corliss Solar pay the farmers?", "Corliss would not say how much it will pay the farmers."),
        # a kind of party that may hold the one named
        ("How much will Corliss Solar pay Denholm Township?",
         "Corliss declined to say how much it will pay the other towns along the line."),
        # what is withheld points back to the clause before it
        ("What is the cancellation fee the Orlow clinic owes the agency?",
         "Kell said the clinic would owe the agency a cancellation fee but did not disclose the amount."),
    ],
)  # fmt: skip
def test_a_sentence_that_says_the_thing_asked_is_not_given_withholds_it(question: str, sentence: str) -> None:
    assert withholds(analyse(question), sentence)


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # withholds something else than what is asked
        ("How many people did the storm kill?", "Officials did not release the names of the storm victims."),
        ("When did the fire start?", "The cause of the fire has not been determined."),
        ("What caused the outage in Orlow?", "A source said the outage was not expected to last."),
        ("What caused the outage in Orlow?", "It is unclear how many homes the outage reached."),
        ("When did the plant close?", "The company did not say why the plant closed in March."),
        ("How many people were arrested at the Orlow protest?", "Police did not say how many people were hurt."),
        # the question's noun is only beside what is withheld
        ("How did the council vote on the budget?", "Smith declined to comment on the budget vote."),
        # the name of a thing is no one's name
        ("Who is building the Orlow library?", "The town has not announced a name for the building."),
        # a negation that withholds nothing
        ("How many homes were damaged?", "The storm did not damage the school."),
        ("Who won the race?", "Nobody knows who will win the next race."),
        # what someone fears may not be known, not what is not known
        ("Who is the director of the Orlow dispatch center?", "Its council voted to keep its own dispatchers, citing "
         "concern that operators in a distant building would not know local street names."),
        ("Who were the victims of the Orlow fire?", "Residents worried that the county would not release the names "
         "of the victims."),
        # a verb of giving that gives no information, and a phrasal verb
        ("What did the mayor tell the council about the town's goals?", "Orlow will not give up its goals."),
        ("What did the mayor tell the council about the land?", "The mayor will not give the council the land."),
        ("How many firefighters fought the fire?", "About 40 firefighters fought the fire, and no one was hurt."),
        # a clause the parser hangs on the withholding verb from before it tells, and withholds nothing
        ("What caused the crash on Dell Road?", "Police said ice caused the crash; the driver's name was not released."),
        ("When did the fire start?", "Crews said the fire started around 2 a.m.; it was not clear when it would be out."),
        # the question's act done to another party than the one it names
        ("How much will the solar firm pay Denholm County?", "It would not say how much the farmers will be paid."),
        ("How much will Corliss Solar pay Denholm County?", "Corliss would not say how much it will pay the farmers."),
        # a clause before that the withheld noun does not point back to
        ("How much will the Orlow clinic pay for the new wing?",
         "Kell said the clinic would owe the agency a cancellation fee but did not disclose the amount."),
        ("How much will the Orlow clinic owe the agency?",
         "Kell said the clinic would owe the agency a fee but did not disclose a date for the payment."),
        # a phrasal verb of another meaning
        ("Why did Hal Orrin resign as Tarnby's coach?", "Orrin did not give a reason for stepping in."),
        # withheld by someone else than the one the question asks about, or of no one: a name beside another word
        # is not the one who withholds
        ("What did Ada Kell say about the levy?", "Orrin declined to comment on the levy."),
        ("What did Ada Kell say about the levy?", "Tom Reyes said the levy was not discussed at the Kell-Orrin meeting."),
    ],
)  # fmt: skip
def test_a_sentence_that_withholds_something_else_does_not(question: str, sentence: str) -> None:
    assert not withholds(analyse(question), sentence)


@pytest.mark.parametrize(
    ("question", "withheld"),
    [
        ("What caused the Tull Street warehouse fire in Harrow?", "The cause of the fire has not been determined"),
        ("How much was the Brisk Freight warehouse insured for?", "declined to say how much the building was insured"),
        ("Which hospital group will run the Nolby clinic?", "which the township has declined to name"),
        ("Why did Amos Riel vote against the Nolby lease?", "Riel did not say why he voted no"),
    ],
)
def test_a_question_an_article_says_is_not_answered_is_refused_with_that_sentence_shown(
    withheld_assistant: object, question: str, withheld: str
) -> None:
    answer = withheld_assistant.ask(question, mode="extractive")  # type: ignore[attr-defined]
    assert answer.abstained and answer.answer == CANNOT_ANSWER and not answer.citations
    assert answer.notice is not None and withheld in answer.notice
    assert answer.notice.startswith(("Harrow Gazette says", "Nolby Record says"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many firefighters fought the Harrow warehouse fire?", "About 40"),
        ("How many people will the Nolby clinic employ?", "about 20"),
        ("Who cast the only vote against the Nolby lease?", "Amos Riel"),
    ],
)
def test_what_the_same_articles_do_say_is_still_answered(
    withheld_assistant: object, question: str, expected: str
) -> None:
    answer = withheld_assistant.ask(question, mode="extractive")  # type: ignore[attr-defined]
    assert not answer.abstained and expected.casefold() in answer.answer.casefold(), answer.answer
    assert answer.notice is None


def test_the_questions_names_must_be_in_the_withholding_sentences_passage() -> None:
    from rag.models import Passage
    from rag.withheld import find_withheld

    def passage(text: str, title: str) -> Passage:
        return Passage(passage_id=title, article_id=title, title=title, source="Orlow Star", text=text, start=0,
                       end=len(text))  # fmt: skip

    question = analyse("How much did Orlow spend on the pool repairs?")
    assert [c.text for c in question.constraints] == ["Orlow"]
    elsewhere = passage("She said the senior center did not say how much it would spend on a van service.",
                        "Senior center plans a van service")  # fmt: skip
    here = passage("Orlow officials would not say how much the town would spend on the pool repairs.",
                   "Orlow pool reopens")  # fmt: skip
    assert find_withheld(question, [elsewhere]) is None
    found = find_withheld(question, [elsewhere, here])
    assert found is not None and found.passage is here and found.passage_rank == 1
