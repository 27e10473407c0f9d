"""For good or for now (rag.tenure): who holds a post for good is not answered by a stand-in's sentence, on text
written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "sentence", "name", "for_now"),
    [
        ("Who did the Brackley board pick as its permanent harbor master?",
         "The board named deputy harbor master Ivo Renn as interim harbor master starting May 1.", "Ivo Renn", True),
        ("Who will be Corvane's permanent library director?",
         "Ada Voss will run the Corvane library on an interim basis after director Tam Hollis retires.", "Ada Voss",
         True),
        ("Who will permanently lead the Wexley planning board?",
         "Vice chair Oren Tate will lead the board until the town council appoints a permanent chair.", "Oren Tate",
         True),
        ("Who is Orrin Bay's permanent fire chief?",
         "Acting Chief Lena Marsh said the station would stay open.", "Lena Marsh", True),
        # the sentence names the holder for good
        ("Who did the Brackley board pick as its permanent harbor master?",
         "The board made interim harbor master Ivo Renn its permanent harbor master on Tuesday.", "Ivo Renn", False),
        ("Who will permanently lead the Wexley planning board?",
         "Oren Tate will take the chair permanently on Sept. 1.", "Oren Tate", False),
        ("Who did the Brackley board pick as its permanent harbor master?",
         "The board picked Ivo Renn, a former ferry captain, as harbor master.", "Ivo Renn", False),
        ("Who did Orrin Bay hire as its permanent fire chief?",
         "Interim Chief Lena Marsh has applied for the permanent post.", "Lena Marsh", True),
        # a stand-in word said of another time, another person, or as a verb; "a permanent" said of the one named
        ("Who did the Corvane board pick as its permanent superintendent?",
         "The board named Ada Voss, who had been interim superintendent since March, to the job on Tuesday.",
         "Ada Voss", False),
        ("Who did the Corvane board pick as its permanent superintendent?",
         "The board picked Ada Voss over acting superintendent Tom Reed.", "Ada Voss", False),
        ("Who did the Corvane board pick as its permanent superintendent?",
         "The board, acting on the search firm's advice, picked Ada Voss.", "Ada Voss", False),
        ("Who did the Corvane board pick as its permanent superintendent?",
         "The board hired Ada Voss as a permanent replacement for Tom Reed.", "Ada Voss", False),
        # the question does not ask for good, or asks no post
        ("Who proposed the permanent ban on leaf burning?",
         "Acting Mayor Ada Voss proposed the ban in May.", "Ada Voss", False),
        ("Who will lead the Wexley planning board?",
         "Vice chair Oren Tate will lead the board until the town council appoints a permanent chair.", "Oren Tate",
         False),
        ("Who is Corvane's interim library director?",
         "Ada Voss will run the Corvane library on an interim basis.", "Ada Voss", False),
    ],
)  # fmt: skip
def test_a_stand_in_does_not_answer_who_holds_a_post_for_good(
    question: str, sentence: str, name: str, for_now: bool
) -> None:
    from rag.query import analyse
    from rag.tenure import held_for_now
    from tests.rag.test_extractive import _valued

    assert held_for_now(analyse(question), _valued(sentence, name, "PERSON")) is for_now


def test_a_stand_in_named_in_an_article_leaves_the_permanent_holder_unanswered() -> None:
    """End to end: the interim harbor master's sentence is no answer to who the permanent one is, alone or beside
    the sentence that names who will take the post for good."""
    from rag.query import analyse
    from tests.rag.test_extractive import _answer_text, _passage

    question = analyse("Who did the Brackley board pick as its permanent harbor master?")
    interim = _passage("a", "Brackley Tide", "The Brackley port board voted 4-1 to name deputy harbor master Ivo Renn "
                       "as interim harbor master starting May 1.")  # fmt: skip
    assert _answer_text(question, [interim], lambda a, b: float(a == b)).startswith("The articles don't say")
    both = _passage("b", "Brackley Tide", "The Brackley port board voted 4-1 to name deputy harbor master Ivo Renn "
                    "as interim harbor master starting May 1. Nell Quarry will take the post permanently on Sept. 1, "
                    "the board said.")  # fmt: skip
    assert not _answer_text(question, [both], lambda a, b: float(a == b)).startswith("Ivo Renn")


@pytest.mark.parametrize(
    ("question", "sentence", "name", "leaves"),
    [
        ("Who did the Corvane board pick as its new library director?",
         "Tam Hollis will retire as library director on June 30 after 22 years.", "Tam Hollis", True),
        ("Who has been hired as Wexley's permanent finance director?",
         "The audit came weeks after the departure of the town's longtime finance director, Ada Voss, who resigned in "
         "May.", "Ada Voss", True),
        ("Who will be Orrin Bay's next harbor master?",
         "Nell Quarry will run the harbor after harbor master Ivo Renn leaves at the end of the month.", "Ivo Renn",
         True),
        ("Who did the Corvane board pick as its new library director?",
         "Director Tam Hollis stepped down in March.", "Tam Hollis", True),
        ("Who did Wexley College name as its permanent president?",
         "Ada Voss will resign as president of Wexley College on June 30.", "Ada Voss", True),
        ("Who will be Orrin Bay's next harbor master?",
         "Harbor master Ivo Renn will step down in September after 14 years running Orrin Bay's waterfront.",
         "Ivo Renn", True),
        # the one who comes, also from another post
        ("Who is Dunmere Township's new superintendent?",
         "Hector Vail, who led Marrowick schools for six years, left to become Dunmere Township's superintendent.",
         "Hector Vail", False),
        ("Who did the Corvane board pick as its new library director?",
         "The board picked Nell Quarry to succeed Tam Hollis, who will retire on June 30.", "Nell Quarry", False),
        ("Who will be Orrin Bay's next harbor master?",
         "Nell Quarry will run the harbor after harbor master Ivo Renn leaves at the end of the month.", "Nell Quarry",
         False),
        ("Who did the Corvane board pick as its new superintendent?",
         "The board picked Hector Vail, who will resign as Marrowick's superintendent next month, to lead the "
         "district.", "Hector Vail", False),
        ("Who is Dunmere's new superintendent?",
         "Hector Vail, who resigned from Marrowick schools in June to take the Dunmere job, starts Monday.",
         "Hector Vail", False),
        ("Who is the new fire chief?",
         "New Chief Nell Quarry left the hearing before the vote.", "Nell Quarry", False),
        # questions of who leaves, of who holds the post now, or of no post
        ("Who said they would retire next year?",
         "Fire Chief Ada Voss will retire next year, she told the council.", "Ada Voss", False),
        ("Who proposed the new ordinance?",
         "Council member Ada Voss, who will retire in December, proposed the new ordinance.", "Ada Voss", False),
        ("Who is retiring as Corvane's library director?",
         "Tam Hollis will retire as library director on June 30 after 22 years.", "Tam Hollis", False),
        ("Who is Corvane's library director?",
         "Tam Hollis will retire as library director on June 30 after 22 years.", "Tam Hollis", False),
        # who fills in, or holds the post for now, is not the one who left it
        ("Who is filling in as Corvane's treasurer?",
         "Treasurer Tam Hollis submitted his resignation on Feb. 16.", "Tam Hollis", True),
        ("Who is serving as acting fire chief in Corvane?",
         "The last permanent fire chief, Ivo Renn, left in January to run the state fire academy.", "Ivo Renn", True),
        ("Who is filling in as Corvane's treasurer?",
         "Deputy Treasurer Nell Quarry will fill in until the board hires a replacement.", "Nell Quarry", False),
        ("Who is filling in as Corvane's treasurer?",
         "Ivo Renn, retired since 2019, is filling in as treasurer.", "Ivo Renn", False),
        ("Who is the interim superintendent in Corvane?",
         "Interim Superintendent Nell Quarry, who will retire in June, signed the budget.", "Nell Quarry", False),
        ("Who is serving as acting treasurer in Corvane?",
         "Treasurer Nell Quarry submitted her resignation from the school board.", "Nell Quarry", False),
        # no post asked for now
        ("Who filled in the pothole on Corvane Road?",
         "Road foreman Ivo Renn, who will retire in June, filled it in.", "Ivo Renn", False),
        ("Who is acting on the Corvane noise complaints?",
         "Inspector Ivo Renn, who will retire in June, took the complaints.", "Ivo Renn", False),
    ],
)  # fmt: skip
def test_one_who_leaves_the_post_is_not_who_comes_to_it(question: str, sentence: str, name: str, leaves: bool) -> None:
    from rag.query import analyse
    from rag.tenure import leaves_the_post
    from tests.rag.test_extractive import _valued

    assert leaves_the_post(analyse(question), _valued(sentence, name, "PERSON")) is leaves


def test_a_stand_in_is_read_in_the_answers_own_sentence() -> None:
    """A candidate that runs on into the next sentence ("... said she would apply for the permanent job") is read in
    the sentence that names the answer."""
    from rag.candidate import Candidate
    from rag.query import analyse
    from rag.tenure import held_for_now
    from tests.rag.test_extractive import _passage

    text = ("The board named Deputy Chief Lena Marsh as interim chief starting July 1. Marsh, a paramedic, said she "
            "would apply for the permanent job.")  # fmt: skip
    passage = _passage("a", "Orrin Bay Light", text)
    at = text.index("Lena Marsh")
    candidate = Candidate(0, passage, 0, len(text), {}, [(at, at + len("Lena Marsh"), "PERSON")])
    assert held_for_now(analyse("Who did Orrin Bay hire as its permanent fire chief?"), candidate)


_LED = "Tom Reed has led the Tarrow highway department for 11 years."


@pytest.mark.parametrize(
    ("question", "text", "value", "another"),
    [
        # another's act, another act, and a sentence that names him not
        ("How long has Tom Reed been the Tarrow highway superintendent?", "Highway superintendent Tom Reed "
         "said drivers have complained about the dip for two years.", "two years", True),
        ("How long has Tom Reed been the Tarrow highway superintendent?", "The board approved a new three-year "
         "contract for highway superintendent Tom Reed.", "three-year", True),
        ("How long has Tom Reed been the Tarrow highway superintendent?", "Deputy Ada Voss said the garage has "
         "leaked since January.", "since January", True),
        # his own time in the post, by his name or a pronoun
        ("How long has Tom Reed been the Tarrow highway superintendent?", _LED, "11 years", False),
        ("How long has Tom Reed been the Tarrow highway superintendent?", "Reed said he has served as "
         "superintendent for 11 years.", "11 years", False),
        # "who" of a clause that describes him, or a time in an apposition of his; "who" of another person
        ("How long has Tom Reed been the Tarrow highway superintendent?", "Tom Reed, who has led the Tarrow highway "
         "department for 11 years, resigned Tuesday.", "11 years", False),
        ("How long has Tom Reed been the Tarrow highway superintendent?", "Tom Reed, superintendent of the Tarrow "
         "highway department for the past 11 years, has resigned.", "the past 11 years", False),
        ("How long has Tom Reed been the Tarrow highway superintendent?", "Ada Voss, who has led the garage crew for "
         "11 years, said Tom Reed would stay.", "11 years", True),
        # a question of no person's time in a post
        ("How long has Reed's Hardware been on Mill Street?", "Tom Reed said drivers have complained about "
         "the dip for two years.", "two years", False),
    ],
)  # fmt: skip
def test_a_length_of_time_answers_how_long_someone_held_a_post_only_if_it_is_theirs_in_it(
    question: str, text: str, value: str, another: bool
) -> None:
    """"How long has Tom Reed been superintendent?" is not answered by how long drivers complained, how long
    his new contract runs, or a time in a sentence that does not name him."""
    from index.nlp import entities_by_line
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.query import analyse
    from rag.tenure import lasts_for_another_tenure

    passage = Passage(passage_id="p", article_id="p", title="t", source="s", text=text, start=0, end=len(text),
                      entities=entities_by_line([text])[0])  # fmt: skip
    at = text.index(value)
    candidate = Candidate(0, passage, 0, len(text), {}, [(at, at + len(value), "DATE")])
    assert lasts_for_another_tenure(analyse(question), candidate) is another
