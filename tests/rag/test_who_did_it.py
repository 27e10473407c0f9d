"""The checks of rag.who_did_it on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.rag.candidate_helpers import _flags, _passage, _tagged, _value_candidate

if TYPE_CHECKING:
    pass


def test_an_organisation_that_acts_in_its_clause_is_no_place() -> None:
    """"Where is Tarrow putting the shelter?": "The Tarrow City Council voted to turn the garage on Kestle Lane into
    a shelter" puts it on Kestle Lane; the council, the clause's subject, is who acts. An organisation where
    something is ("moved into the Tarrow Grange Hall") is a place, and other questions are not read."""
    from rag.who_did_it import acts_rather_than_places

    text = "The Tarrow City Council voted 4-1 on Monday to turn the bus garage on Kestle Lane into a shelter."
    question = "Where is Tarrow putting the shelter?"
    assert _flags(acts_rather_than_places, question, text, "The Tarrow City Council", "ORG")
    assert not _flags(acts_rather_than_places, question, text, "Kestle Lane", "FAC")
    moved = "Workers moved into the Tarrow Grange Hall on Monday."
    assert not _flags(acts_rather_than_places, "Where did the workers move?", moved, "the Tarrow Grange Hall", "ORG")
    assert not _flags(acts_rather_than_places, "Who voted to open a shelter?", text, "The Tarrow City Council", "ORG")
    # the doer of a passive acts too
    passive = "Kestle Lane should reopen by Sept. 15 under a contract approved Tuesday by the Tarrow Select Board."
    assert _flags(acts_rather_than_places, "Where did Tarrow residents stay?", passive, "the Tarrow Select Board", "ORG")
    # the question's own subject named again keeps, it is not where
    based = "Keldon Rescue Co. will base an ambulance at the township garage on Kestle Lane."
    question = "Where is Keldon Rescue keeping its ambulance in Tarrow?"
    assert _flags(acts_rather_than_places, question, based, "Keldon Rescue Co.", "ORG")
    assert not _flags(acts_rather_than_places, question, based, "Kestle Lane", "FAC")
    # the owner of what the subject names is no subject ("Keldon's summer concerts" go somewhere)
    concerts = "Harwick's summer concert series will move to the Harwick Elementary School lawn."
    assert not _flags(acts_rather_than_places, "Where will Harwick's summer concerts go?", concerts,
                      "the Harwick Elementary School", "ORG")  # fmt: skip
    # a town's name opening a place's name is no subject named again
    skate = "For now, skaters use the parking lot of the Kelsford Public Library."
    assert not _flags(acts_rather_than_places, "Where do Kelsford skaters skate now?", skate,
                      "the Kelsford Public Library", "ORG")  # fmt: skip


def test_an_organisation_where_things_happen_is_a_place_when_the_sentence_gives_no_other() -> None:
    """"Harlan Middle School will take the students" answers "Where will the students go?" (no other place there);
    an agent of a passive ("taken in by the Kell Humane Society") is no actor to drop; a firm is dropped when the
    sentence gives a place besides ("in Kessel County")."""
    from rag.candidate import Candidate
    from rag.query import analyse
    from rag.who_did_it import acts_rather_than_places

    def flags(question: str, text: str, value: str, places: tuple[str, ...] = ()) -> bool:
        passage = _passage(text, [*_tagged(text, "ORG", value), *_tagged(text, "GPE", *places)])
        start = text.index(value)
        candidate = Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), "ORG")])
        return acts_rather_than_places(analyse(question), candidate)

    school = "Harlan Middle School will take the 200 Kell Elementary students while their school is rebuilt."
    assert not flags("Where will the Kell Elementary students go?", school, "Harlan Middle School")
    shelter = "The rescued animals were taken in by the Kell County Humane Society."
    assert not flags("Where were the rescued animals taken?", shelter, "the Kell County Humane Society")
    plant = "Tarrow Mills will build the new plant in Kessel County, the company said."
    assert flags("Where will the new plant be built?", plant, "Tarrow Mills", ("Kessel County",))


@pytest.mark.parametrize(
    ("question", "text", "name", "only_said"),
    [
        # the speaker of a report does not do what the question asks
        ("Who built the new Tarrow ferry?", "Manager Ines Varga said the fare increase will pay for the new ferry.",
         "Ines Varga", True),
        ("Who's fixing the Tarrow bridge?", "Ines Varga said the detour will add ten minutes to her drive.",
         "Ines Varga", True),
        # unless what they said tells them doing it
        ("Who fixed the Tarrow bridge?", "Ines Varga said she fixed the bridge in two weeks.", "Ines Varga", False),
        ("Who fixed the Tarrow bridge?", "Ines Varga said we fixed the bridge in two weeks.", "Ines Varga", False),
        ("Who will fix the Tarrow bridge?", "Ines Varga said she plans to fix the bridge in May.", "Ines Varga", False),
        # an act no one is said to do is not theirs ("will help pay for rebuilding it": whoever rebuilds it)
        ("Who will rebuild the Tarrow pier?", "Ines Varga said the fee will help pay for rebuilding the pier.",
         "Ines Varga", True),
        # or the act is one news tells by what was said, or a post a title beside the name tells
        ("Who opposed the Tarrow ferry fare increase?", "Ines Varga said the fare increase was too steep.",
         "Ines Varga", False),
        ("Who identified the pier's pilings as the main problem?", "Harbor master Ines Varga said the pier's pilings "
         "were the main problem.", "Ines Varga", False),
        # (without "as", identifying is an act of its own: "Who identified the victim?")
        ("Who identified the Tarrow crash victim?", "Police spokesman Ines Varga said the coroner identified the "
         "Tarrow crash victim on Tuesday.", "Ines Varga", True),
        ("Who runs the Tarrow marina?", "The marina is full, owner Ines Varga said.", "Ines Varga", False),
        ("Who designed the Tarrow lofts?", "Architect Ines Varga, who designed the lofts, said rents start at $900.",
         "Ines Varga", False),
        ("Which firm hauls Tarrow's trash?", "Ines Varga Boatworks, the Orlow firm that hauls Tarrow's trash, said it "
         "will raise its rates.", "Ines Varga Boatworks", False),
        ("Which firm hauls Tarrow's trash?", "Ines Varga Boatworks said the Orlow firm that hauls Tarrow's trash will "
         "raise its rates.", "Ines Varga Boatworks", True),
        ("Which firm hauls Tarrow's trash?", "Ines Varga Boatworks, the Pellham company that hauls Tarrow's trash, "
         "said it will raise its rates.", "Pellham", True),  # a name in the apposition is not the speaker
        ("Who started Tarrow Restoration?", "Tarrow Restoration founder Ines Varga said the firm has 12 workers.",
         "Ines Varga", False),
        # a title beside the speaker that the question asks of tells who holds the post; another word does not
        ("Who replaced Ola Dunn as the Tarrow airport manager?",
         "Airport manager Ines Varga said the fuel pump opens in May.", "Ines Varga", False),
        ("Who sold the land to the Tarrow school board?", "Board Chair Ines Varga said the site was the only one.",
         "Ines Varga", True),
        # and the doer named by the sentence is no speaker
        ("Who built the new Tarrow ferry?", "The ferry was built by Ines Varga Boatworks, the board said.",
         "Ines Varga Boatworks", False),
    ],
)  # fmt: skip
def test_the_speaker_of_a_report_is_not_the_doer_of_what_it_does_not_tell_them_doing(
    question: str, text: str, name: str, only_said: bool
) -> None:
    from rag.query import analyse
    from rag.who_did_it import only_said_it

    label = "ORG" if name.endswith("Boatworks") else "PERSON"
    assert only_said_it(analyse(question), _value_candidate(text, name, label)) is only_said


def test_a_name_of_the_thing_a_who_question_is_done_to_is_not_its_doer() -> None:
    """"Who fixed up the old bank?" is not answered by "the former Orlow Savings Bank building"."""
    from rag.query import analyse
    from rag.who_did_it import names_what_it_is_done_to

    text = "The clinic opened Monday in the former Orlow Savings Bank building, which Kell Builders renovated."
    question = analyse("Who fixed up the old bank?")
    assert names_what_it_is_done_to(question, _value_candidate(text, "Orlow Savings Bank", "ORG"))
    assert not names_what_it_is_done_to(question, _value_candidate(text, "Kell Builders", "ORG"))
    # the noun asked for is no thing done to: "Which bank lent the money?" is answered by a bank
    # a thing of the kind may do it: "Harlow Community Bank bought the bank in 2015"
    bought = "Kell Community Bank bought the old bank in 2015."
    assert not names_what_it_is_done_to(analyse("Who bought the old bank?"), _value_candidate(bought,
                                        "Kell Community Bank", "ORG"))  # fmt: skip
    lent = "Orlow Savings Bank lent the town $2 million."
    assert not names_what_it_is_done_to(analyse("Which bank lent the money?"), _value_candidate(lent,
                                        "Orlow Savings Bank", "ORG"))  # fmt: skip


@pytest.mark.parametrize(("text", "given"), [
    ("The Orlow board voted 3-0 to award a $1.2 million repair contract to Pellan Bridge Company", True),
    ("The board awarded Pellan Bridge Company the contract.", True),
    ("Pellan Bridge Company won the bid.", True),
    ("The general contractor is Pellan Bridge Company", True),
    ("Pellan Bridge Company was the general contractor.", True),
    ("The hall will be built by Pellan Bridge Company, selected as general contractor in March.", True),
    ("Pellan Bridge Company did the work.", True),
    ("The $2.1 million paving contract went to Pellan Bridge Company, the lowest of three bidders.", True),
    ("The contract with Pellan Bridge Company covers 40 radios and their software.", True),
    ("The lowest of four bids came from Pellan Bridge Company, at $3.1 million.", True),
    ("The winning bid came from Pellan Bridge Company.", True),
    ("The lowest offer, from Pellan Bridge Company of Tarnby, was $2.2 million.", True),
    ("The contractor, Pellan Bridge Company of Tarnby, faces a fine of $500 a day.", True),
    # no job given to it
    ("Four bids came from firms like Pellan Bridge Company.", False),  # any bid, not the one that won
    ("The highest of four bids came from Pellan Bridge Company.", False),
    ("A letter from Pellan Bridge Company asked for more time.", False),
    ("Orby police said Pellan Bridge Contractors owes $4,000 in back taxes.", False),  # its own name's last word
    ("The town's first grant went to Pellan Bridge Company.", False),
    ("The mayor met with Pellan Bridge Company about the contract.", False),
    ("The mayor gave Pellan Bridge Company an award.", False),
    ("Pellan Bridge Company lost the bid.", False),
    ("Pellan Bridge Company said the contract was fair.", False),
])  # fmt: skip
def test_the_firm_given_a_job_is_told_by_the_award_or_by_its_post(text: str, given: bool) -> None:
    from rag.who_did_it import given_the_work

    name = "Pellan Bridge Contractors" if "Contractors" in text else "Pellan Bridge Company"
    assert given_the_work(_value_candidate(text, name, "ORG")) is given


@pytest.mark.parametrize(("question", "text", "name", "label", "made"), [
    # who decided, or a building named near the work, is not who made it
    ("Who designed the Dock Street parking garage in Pellow?", "The Pellow City Council voted 5-2 on Tuesday to "
     "build a garage on the Dock Street lot behind the Tamsin County Courthouse.", "the Tamsin County Courthouse",
     "ORG", False),
    ("Who designed the Dock Street parking garage in Pellow?", "The Pellow City Council voted 5-2 on Tuesday to "
     "build a garage on the Dock Street lot.", "The Pellow City Council", "ORG", False),
    ("Who wrote the Pellow harbor report?", "Harbor master Ivo Renn said the report was released Monday.", "Ivo Renn",
     "PERSON", False),
    # a sentence that tells the making, or names the maker by what they do
    ("Who designed the Dock Street parking garage in Pellow?", "The plans for the Dock Street garage were drawn up by "
     "Ames & Vell Architects.", "Ames & Vell Architects", "ORG", True),
    ("Who designed the Dock Street parking garage in Pellow?", "Ada Fisk, the garage's architect, said the ramps "
     "would be heated.", "Ada Fisk", "PERSON", True),
    ("Who wrote the Pellow harbor report?", "The report, written by consultant Ivo Renn, calls for dredging.",
     "Ivo Renn", "PERSON", True),
])  # fmt: skip
def test_who_made_a_work_is_told_by_the_making_or_the_makers_name(
    question: str, text: str, name: str, label: str, made: bool
) -> None:
    from rag.who_did_it import made_no_work_told

    assert _flags(made_no_work_told, question, text, name, label) is not made


def test_a_body_that_voted_for_the_work_is_put_aside_as_its_maker() -> None:
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The Pellow City Council voted 5-2 on Tuesday to build a garage on the Dock Street lot."
    council = _value_candidate(text, "The Pellow City Council", "ORG")
    assert fitting_first([council], analyse("Who designed the Dock Street parking garage in Pellow?")) == []
    voted = analyse("Who voted to build the Dock Street parking garage in Pellow?")
    assert fitting_first([council], voted) == [council]


def test_plans_drawn_up_are_told_by_a_design() -> None:
    from rag.who_did_it import made_no_work_told

    text = "The Orrin Hospital's new wing was designed by Tessel & Maund Architects."
    question = "Which firm drew up the plans for the Orrin Hospital's new wing?"
    assert not _flags(made_no_work_told, question, text, "Tessel & Maund Architects", "ORG")


def test_a_work_by_a_name_tells_its_maker() -> None:
    from rag.who_did_it import made_no_work_told

    text = ("Damage to city property was put at $2.6 million, according to a report by the city's emergency "
            "management director, Ines Falk.")
    assert not _flags(made_no_work_told, "Who wrote the Pellow storm damage report?", text, "Ines Falk", "PERSON")


def test_a_work_presented_by_a_name_does_not_tell_its_maker() -> None:
    from rag.who_did_it import made_no_work_told

    text = "The council also heard a report on lead pipes, presented by Councilor Ines Falk, on Monday."
    assert _flags(made_no_work_told, "Who wrote the Pellow lead pipe report?", text, "Ines Falk", "PERSON")
