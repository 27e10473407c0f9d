"""The checks of rag.yes_no on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest


if TYPE_CHECKING:
    from rag.word_likeness import WordLikeness


@pytest.mark.parametrize(
    ("question", "text", "tells"),
    [
        # told as done, or as not done: yes or no
        ("Did Ketterby qualify for federal disaster aid?", "Ketterby qualified for federal disaster aid on Friday.",
         True),
        ("Did Ketterby qualify for federal disaster aid?", "Ketterby did not qualify for federal disaster aid, the "
         "state said.", True),
        ("Has the Orlow council approved the sewer lines?", "The Orlow council voted 4-1 on Monday to approve the "
         "sewer lines.", True),
        # what may, will or has to be is neither
        ("Did Ketterby qualify for federal disaster aid?", "Ketterby needs $2 million in public damage to qualify "
         "for federal disaster aid.", False),
        ("Has the Orlow council approved the sewer lines?", "The Orlow council still has to approve the sewer lines.",
         False),
        ("Did the Pellow board reopen the pool?", "The Pellow board would reopen the pool if donors paid for repairs.",
         False),
        ("Did the Pellow board reopen the pool?", "The board said it would survey residents before deciding whether "
         "to reopen the pool.", False),
        ("Did the Pellow board reopen the pool?", "Residents packed the meeting to ask the board to reopen the pool.",
         False),
        # a sentence about something else
        ("Did the Pellow board reopen the pool?", "The Pellow pool has been closed since a pipe burst in June.",
         False),
        # a question about what will be is answered by what will be
        ("Will the Pellow board reopen the pool?", "The Pellow board will reopen the pool in May.", True),
        # a verb of coming to harm tells of being hurt
        ("Was anyone hurt in the Orlow bus crash?", "Police said no one was harmed in the Orlow bus crash.", True),
        ("Was anyone hurt in the Orlow bus crash?", "Police said no one was injured in the Orlow bus crash.", True),
        # (not a harm of another kind, nor one done to a thing)
        ("Did the Tarnby bridge closure hurt downtown shops?", "No one was injured when crews closed the Tarnby "
         "bridge.", False),
        ("Was anyone injured in the Orlow bus crash?", "The Orlow bus crash did not harm the bridge, engineers said.",
         False),
        # "go" with a doing asks of the doing, however the parser hangs it
        ("Can people still go sledding on Tarn Hill while the park is closed?", "The park's trails are closed, but "
         "sledding remains allowed on Tarn Hill.", True),
        # a question of which way something went is told by a change either way, by any word for it
        ("Did attendance at the Orby fair go up or down this year?", "The Orby County Fair drew 52,700 visitors over "
         "five days, a 6 percent increase over 2023.", True),
        ("Did the Tarnby fair get more people or fewer than the year before?", "That is about 12 percent more than "
         "in 2023, when rain held attendance down.", True),
        ("Did attendance at the Orby fair go up or down this year?", "The Orby County Fair opened on Aug. 6 with a "
         "new grandstand.", False),
        # a noun of the verb tells of it too
        ("Did Ketterby's council approve the budget?", "Approval of the Ketterby budget came on a 5-2 vote.", True),
        # a question on "be" alone asks for no verb
        ("Was the Pellow pool safe?", "The Pellow pool has been closed since a pipe burst in June.", True),
    ],
)  # fmt: skip
def test_a_yes_no_question_is_answered_only_by_a_sentence_that_tells_whether(question: str, text: str, tells: bool) -> None:
    from rag.query import analyse
    from rag.yes_no import tells_whether

    assert tells_whether(analyse(question), text) is tells


def test_a_verb_alike_in_meaning_tells_whether_and_one_unlike_does_not(likeness: "WordLikeness") -> None:
    """"Did the county get the grant?": "received" tells whether; "needs" does not."""
    from rag.query import analyse
    from rag.yes_no import tells_whether

    question = analyse("Did Ketterby County get the state flood grant?")
    assert tells_whether(question, "Ketterby County received the state flood grant in March.", likeness)
    assert not tells_whether(question, "Ketterby County needs the state flood grant to rebuild the levee.", likeness)
    # a verb alike in meaning in the plain present tells of what is, not of what was done
    hired = analyse("Has Orlow Tool hired the 90 new workers?")
    assert not tells_whether(hired, "Orlow Tool already employs about 350 people at the plant.", likeness)
    assert tells_whether(hired, "Orlow Tool has employed 90 new workers since May.", likeness)


@pytest.mark.parametrize(
    ("question", "text", "tells"),
    [
        # a verb of the same outcome, a noun of the question's verb, a light verb's object
        ("Did the Orlow council approve the budget?", "The Orlow council passed the budget 5-2 on Monday.", True),
        ("Has the Orlow council hired a police chief?", "The Orlow council appointed Ada Renn as police chief.", True),
        ("Did police make any arrests after the Orlow robbery?", "Police arrested two men after the Orlow robbery.",
         True),
        # a verb the tagger took for an adjective or a noun is still asked about
        ("Did the Orlow plant close?", "The Orlow plant will close in June if no buyer is found.", False),
        ("Did the Orlow plant close?", "The Orlow plant closed on Friday.", True),
        # what must be has not been
        ("Did the Orlow council approve the budget?", "The Orlow council must approve the budget by June 30.", False),
        # nor what is arranged to be ("is to begin"), nor what hangs on it ("once ... is finished")
        ("Did Tolver Pumps finish its plant addition?", "Hiring is to begin next year, once the addition is "
         "finished.", False),
        ("Did Tolver Pumps finish its plant addition?", "Tolver Pumps finished the addition in March, and hiring "
         "began.", True),
        # a verdict, a decision, an ending either way, in other words
        ("Was Dana Pruett convicted of arson?", "A Wexham jury acquitted Dana Pruett of arson on Friday.", True),
        ("Has the Orlow board granted the variance?", "The Orlow board denied the variance Tuesday.", True),
        ("Has the repaving of Elm Street been completed?", "Crews finished repaving Elm Street on Wednesday.", True),
        ("Did the Orlow mill close?", "The Orlow mill shut its gates for good on Friday.", True),
        # a phrasal verb tells as the verb it means, in the question ("sign off") or the sentence ("stepped down")
        ("Has Orlow's police chief resigned?", "Police Chief Ada Renn stepped down Friday after 27 years.", True),
        ("Did the Orlow board approve the permit?", "The Orlow board turned down the permit on a 4-1 vote.", True),
        ("Did the judge dismiss the Orlow lawsuit?", "A Tarnby judge threw out the Orlow lawsuit on Wednesday.", True),
        ("Did the Orlow union sign off on the contract?", "Orlow union members ratified the contract 27 to 2.", True),
        ("Has the old Orlow armory been torn down?", "Crews finished razing the old Orlow armory on Monday.", True),
        ("Has Orlow's police chief resigned?", "Police Chief Ada Renn stepped onto the stage on Friday.", False),
        # what is planned to settle it is not done, nor what a vote to borrow was for
        ("Did Orlow Mills settle the lawsuit?", "Orlow Mills plans to pay $90,000 to settle the lawsuit.", False),
        ("Did the Orlow council repair the library roof?", "The Orlow council voted Monday to borrow $2 million to "
         "repair the library roof.", False),
        # "can" of what follows from a deed done leaves the deed done; a noun of the deed as a subject has its own time
        ("Did Orlow close the pool at Elm Park?", "Residents can no longer swim at Elm Park because Orlow closed the "
         "pool in June.", True),
        ("Did the Orlow board approve the townhouses?", "The board's approval of the townhouses in March will let "
         "Brickline Homes start work in May.", True),
        ("Did the Orlow board approve the townhouses?", "The Orlow planning commission recommended approval of the "
         "townhouses 5-2.", False),
        # what may be done, and a noun of the verb in a clause of what is not (yet) done, are not done
        ("Has Orlow Chemical been fined?", "The state can fine Orlow Chemical up to $10,000 a day.", False),
        ("Has Rena Dorsett been sentenced?", "Prosecutors will recommend a sentence of two years for Rena Dorsett.",
         False),
        ("Has Rena Dorsett been sentenced?", "Rena Dorsett's sentence of two years was handed down on Friday.", True),
        ("Has the Orlow board cut the band program?", "The superintendent gave the Orlow board a list of possible "
         "cuts.", False),
        ("Has Orlow Tool hired the 90 workers?", "Hiring is to begin at Orlow Tool in the spring.", False),
        # a purpose stated before what was done is not done
        ("Did Tolver Marina get its state permit?", "To get the state permit, Tolver Marina agreed to move its fuel "
         "dock.", False),
        ("Did Tolver Marina get its state permit?", "Tolver Marina agreed to move its fuel dock and got the state "
         "permit.", True),
        # what was done before something else happened is done
        ("Did the Orlow council pass the budget?", "The Orlow council debated for hours before passing the budget "
         "5-2.", True),
        # nor what is being studied or talked about
        ("Did Orlow and Pell merge their fire departments?", "Orlow and Pell agreed to study merging their fire "
         "departments.", False),
        ("Did Orlow and Pell merge their fire departments?", "Orlow and Pell are talking about merging their fire "
         "departments.", False),
        ("Did Orlow and Pell merge their fire departments?", "Orlow and Pell merged their fire departments in May.",
         True),
    ],
)  # fmt: skip
def test_a_yes_no_question_is_told_by_the_same_outcome_in_other_words(question: str, text: str, tells: bool) -> None:
    from rag.query import analyse
    from rag.yes_no import tells_whether

    assert tells_whether(analyse(question), text) is tells


def test_a_yes_no_question_about_a_verb_of_intention_is_told_by_it() -> None:
    from rag.query import analyse
    from rag.yes_no import tells_whether

    assert tells_whether(analyse("Did the Vinton school board propose a levy?"),
                         "The Vinton school board proposed a $4 million levy on Monday.")
    assert tells_whether(analyse("Did Ostry County offer buyouts to flooded homeowners?"),
                         "Ostry County offered buyouts to 40 flooded homeowners.")
