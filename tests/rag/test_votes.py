"""How a vote's report and a question about a vote are read (rag.votes): the side a sentence tells of, who voted so,
whom a question asks about, on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from rag.candidate import Candidate


def _sentences(text: str) -> list["Candidate"]:
    """One candidate per sentence of the one-passage article `text`."""
    from index.nlp import entities_by_line
    from rag.candidate import Candidate, sentence_spans
    from rag.models import Passage

    passage = Passage(passage_id="p", article_id="a", title="Vote", source="Orrin Bay Courier", text=text, start=0,
                      end=len(text), entities=entities_by_line([text])[0])  # fmt: skip
    return [Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage)]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Why did Ada Kell oppose the levy?", "no"),
        ("Trustee Ned Roe opposes the new fee.", "no"),
        ("Council member Ada Kell voted against the contract.", "no"),
        ("Ada Kell cast the lone no vote.", "no"),
        ("Council members Ada Kell and Ned Roe voted for the plan.", "yes"),
        ("Ada Kell voted for the plan and Ned Roe voted against it.", None),
        ("Parents urged residents to vote no on the levy.", None),
        ("The board voted 5-2 to buy the land.", None),
        # "no vote" and "dissent" only as votes cast
        ("Council president Ivo Brandwell said there will be no vote on the rezoning until June.", None),
        ("Council member Oren Palkowski said dissent among residents had grown since spring.", None),
        ("The budget passed with two no votes.", "no"),
        ("Board member Ori Falkenrath cast the only dissenting vote.", "no"),
        ("Why did Ori Falkenrath dissent on the land swap?", "no"),
        # a vote cast by "the only one to vote no", not one asked of others; "dissent" and "opposed" as a vote only
        ("Wade Kessel was the only council member to vote against the levy.", "no"),
        ("Ines Quade was one of two trustees to vote no.", "no"),
        ("Parents plan to vote against the levy.", None),
        ("Parents urged residents last week to vote no on the levy.", None),
        ("Residents who wanted to voice dissent packed the hall.", None),
        ("The mayor said he would not tolerate dissent.", None),
        ("Why did the trustee dissent?", "no"),
        ("Council members voted for a three-year contract, as opposed to a five-year one.", "yes"),
        ("The budget passed 7-0, with no votes against it.", None),
    ],
)
def test_the_side_of_a_vote_a_sentence_tells_of(text: str, side: str | None) -> None:
    """"oppose" and its forms tell of a no as "opposed" does; a vote asked of others and a tally tell of none."""
    from rag.votes import vote_side

    assert vote_side(text) == side


def test_surnames_are_the_last_word_of_each_name_as_sentences_are_split_into_words() -> None:
    """A double-barrelled name's last part is looked for, since a sentence's words are split the same way."""
    from rag.text import words
    from rag.votes import surnames

    assert surnames(["Ada Kell", "Ned Roe-Martin", ""]) == {"kell", "martin"}
    assert surnames(["Ned Roe-Martin"]) <= set(words("Roe-Martin said the fee was too high."))


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Why did Ada Kell vote against hiring Omar Reyes?", {"kell"}),
        ("Why did council member Ned Roe oppose the Brackley fire engine?", {"roe"}),
        ("Why was Ada Kell, a trustee, against it?", {"kell"}),
        ("Why did a couple of Brackley council members vote against the engine?", set()),
        ("Why did the lone holdout vote no?", set()),
        # a town's name the model takes for a person's, before the noun for the voters, names no voter
        ("Which Harlan Crossing aldermen opposed the tax rate?", set()),
        # and a place's name before it ("Tarnby Heights", tagged a place) names none either ...
        ("Which Tarnby Heights aldermen opposed the tax rate?", set()),
        # ... while a person's name the model tags as a place right before the vote is the voter asked about
        ("Why did Kerstin Halden vote no?", {"halden"}),
    ],
)
def test_the_voters_a_question_asks_about_are_named_before_its_vote(question: str, asked: set[str]) -> None:
    from rag.votes import voters_asked
    from rag.query import analyse

    assert voters_asked(analyse(question)) == asked


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("Why was one Brackley council member against buying the fire engine?", "no"),
        ("Why were two trustees against the levy?", "no"),
        ("Why was Ada Kell against the plan?", "no"),
        ("Why are neighbors against the cell tower?", None),
        ("Why was the lawsuit against the city filed?", None),
        ("Why was the lawsuit by two council members against the city filed?", None),
        ("Why did Ned Roe vote for the plan?", "yes"),
    ],
)
def test_a_question_about_a_voter_against_something_asks_about_a_no(question: str, side: str | None) -> None:
    """"Why was one council member against it?" asks why a voter (or someone named) voted no; neighbours against a
    tower, and a lawsuit against the city, are no vote."""
    from rag.votes import asked_side

    assert asked_side(question) == side


@pytest.mark.parametrize(
    ("sentence", "question", "tells"),
    [
        ("Neighbors led by Hana Vesely opposed the Gorse Road rezoning at a hearing.",
         "Who voted against the Gorse Road rezoning?", False),
        ("Neighbor Hana Vesely, who opposed the apartment plan, spoke for 20 minutes.",
         "Who voted against the apartment plan?", False),
        ("Neighbors led by Hana Vesely opposed the Gorse Road rezoning at a hearing.",
         "Who opposed the Gorse Road rezoning?", True),
        ("Council members Ines Quadrell and Bo Lindhagen opposed the garage.",
         "Who voted against the parking garage?", True),
        ("Trustee Ola Brisker, who opposed last year's contract, supported this one.",
         "Did anyone on the board vote against the teachers' contract?", False),
        # the voter named after the vote, as who cast it
        ("The lone dissenting vote came from board member Ola Brisker, who wanted a shorter contract.",
         "Which trustee voted against the teachers' contract?", True),
        ("The only no vote was cast by Trustee Ola Brisker.", "Who voted against the teachers' contract?", True),
        ("The lone dissenting vote surprised Trustee Ola Brisker.", "Who voted against the teachers' contract?", False),
    ],
)
def test_who_voted_is_told_by_voters_not_by_those_who_only_opposed(sentence: str, question: str,
                                                                    tells: bool) -> None:  # fmt: skip
    """"Who voted against it?" is not answered by residents who opposed it, nor by a vote of last year; "Who
    opposed it?" is, and council members who opposed it voted."""
    from rag.query import analyse
    from rag.votes import tells_who_voted

    candidate, = _sentences(sentence)
    assert tells_who_voted(candidate, analyse(question)) == tells


def test_a_decimal_point_does_not_end_the_clause_of_an_earlier_vote() -> None:
    """"voted against the $1.2 million plan last year" is last year's vote."""
    from rag.votes import earlier_vote

    assert earlier_vote("Ada Kell, who voted against the $1.2 million plan last year, said she likes this one.", "no",
                        "Why did Ada Kell vote against the plan?")  # fmt: skip


@pytest.mark.parametrize(
    ("question", "side", "account"),
    [
        ("What was Ada Kell's problem with the plan?", "no", True),
        ("What objection did the lone no vote raise?", "no", True),
        ("What concern did Ned Roe have about the levy?", "no", True),
        ("What was the problem with the Brackley boiler?", None, True),
        ("What problem did the audit find?", None, True),
        ("What did the plan cost?", None, False),
    ],
)
def test_an_objection_asks_for_the_account_of_a_no(question: str, side: str | None, account: bool) -> None:
    """"What was Ada Kell's problem with the plan?" asks for her account of a no vote, as "Why did she vote no?"
    does (whether she is a voter the vote's sentence tells); a boiler's problem has no voter to tell it of, and no
    side of a vote whose account a voter's "He said ..." after a no vote would add to its answer."""
    from rag.query import analyse
    from rag.votes import account_side, asks_for_an_account

    analysis = analyse(question)
    assert account_side(analysis) == side
    assert asks_for_an_account(analysis) == account


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What was the council's vote on the Harrow Lane rezoning?", True),
        ("What was the final vote on Tuesday?", True),
        ("What was the final tally at the Tamsin food drive?", False),  # no vote's
        ("What was the profit margin at Corvane Foods?", False),
        ("What was the vote about?", False),  # what it was on
        ("How did the council vote on the budget?", False),  # a side answers
        ("What did the council vote on?", False),
        # a verb of what the vote was on, or of when it was taken, is not the question's own
        ("What was the vote on extending the Orrin Bay leaf pickup?", True),
        ("What was the board's vote when it put the Orrin Bay clerk on leave?", True),
        ("What did the board's vote on the Orrin Bay pickup change?", False),
    ],
)
def test_a_question_asking_what_the_vote_was_asks_for_its_count(question: str, asks: bool) -> None:
    from rag.query import analyse
    from rag.votes import asks_the_count

    assert asks_the_count(analyse(question)) is asks


def test_a_votes_count_answers_only_for_the_matter_it_was_on() -> None:
    """"What was the vote on the signals?" is answered by "voted 4-1 to replace the signals" (or by "approved it 4-1"
    after a sentence about them), not by "In a separate 5-2 vote, the council raised meter rates", whatever the
    sentence before it told of, nor by a sentence about the signals with no count."""
    from rag.query import analyse
    from rag.votes import gives_the_count

    lead, no_count, separate = _sentences(
        "The Orrin Bay council voted 4-1 on Tuesday to replace the traffic signals on Harrow Lane. "
        "The council approved new signals on Harrow Lane after a long debate. "
        "In a separate 5-2 vote, the council raised downtown parking meter rates."
    )
    signals = analyse("What was the council's vote on the Harrow Lane signals?")
    assert gives_the_count(lead, signals)
    assert not gives_the_count(no_count, signals)
    assert not gives_the_count(separate, signals, context=no_count.text)
    meters = analyse("What was the council's vote on the parking meter rates?")
    assert gives_the_count(separate, meters, context=no_count.text)
    # another body's vote on the matter is not the one asked about
    (board,) = _sentences("The Orrin Bay planning board voted 4-1 on Tuesday to replace the Harrow Lane signals.")
    assert not gives_the_count(board, signals)
    assert gives_the_count(board, analyse("What was the planning board's vote on the Harrow Lane signals?"))
    # a school committee is a school board
    (committee,) = _sentences("Orrin Bay school committee members voted 5-2 to replace the Harrow Lane signals.")
    assert gives_the_count(committee, analyse("What was the school board's vote on the Harrow Lane signals?"))
    (approved_it,) = _sentences("The council approved them 6-0 after an hour of debate.")
    assert gives_the_count(approved_it, signals, context=no_count.text)
    (unanimous,) = _sentences("The school levy on Tamsin Hill passed unanimously.")
    assert gives_the_count(unanimous, analyse("What was the vote on the Tamsin Hill school levy?"))


def test_a_votes_count_on_what_the_question_names_only_by_place_is_on_another_matter() -> None:
    """"What was the council's vote on the Orrin Bay harbor budget?": "approved new mooring fees at Orrin Bay Harbor on
    a 6-1 vote" shares the harbor's name with the question, not its budget."""
    from rag.query import analyse
    from rag.votes import gives_the_count

    (fees,) = _sentences("Boaters will pay more after the council approved new mooring fees at Orrin Bay Harbor on a "
                         "6-1 vote Tuesday.")  # fmt: skip
    assert not gives_the_count(fees, analyse("What was the council's vote on the Orrin Bay harbor budget?"))
    assert gives_the_count(fees, analyse("What was the council's vote on the Orrin Bay harbor fees?"))
    # a matter headed by no common noun is still matched by any of its words
    assert gives_the_count(fees, analyse("What was the council's vote on raising the Orrin Bay Harbor fees?"))


def test_a_vote_asked_for_by_its_count_is_refused_when_the_report_gives_none(encoder: object) -> None:
    """The report tells that the council approved the signals, and the count of another vote: no answer to "What was
    the vote on the signals?"; the count when the report gives it."""
    from tests.rag.test_extractive import _answer_with_similarity, _passage

    question = "What was the Orrin Bay council's vote on the Harrow Lane signals?"
    without = _passage("a", "Orrin Bay Courier", "The Orrin Bay council on Tuesday approved a $1.2 million project to "
                       "replace the traffic signals on Harrow Lane. In a separate 5-2 vote, the council raised "
                       "downtown parking meter rates.")  # fmt: skip
    assert _answer_with_similarity(question, [without], encoder).startswith("The articles don't say")
    told = _passage("b", "Orrin Bay Courier", "The Orrin Bay council voted 4-1 on Tuesday to replace the traffic "
                    "signals on Harrow Lane at a cost of $1.2 million.")  # fmt: skip
    assert "4-1" in _answer_with_similarity(question, [told], encoder)


@pytest.mark.parametrize(
    ("sentence", "gives"),
    [
        ("The board voted five to two to close Ashby Primary.", True),
        ("The levy passed 61% to 39%.", True),
        ("The levy failed by 212 votes.", True),
        ("All five commissioners voted for the closing.", True),
        ("Trustee Ivo Renn cast the lone no vote.", True),
        ("The closing passed on a tie-breaking vote by the mayor.", True),
        ("The levy passed with 61 percent voting yes.", True),
        ("Two weeks after the vote, the school closed its doors.", False),
        ("The board approved the closing of Ashby Primary.", False),
        ("The 2024-2025 budget closes Ashby Primary.", False),
    ],
)
def test_a_votes_count_is_told_in_the_ways_news_writing_tells_it(sentence: str, gives: bool) -> None:
    from rag.query import analyse
    from rag.votes import gives_the_count

    (candidate,) = _sentences(sentence)
    assert gives_the_count(candidate, analyse("What was the final vote?")) is gives


@pytest.mark.parametrize(
    "question",
    [
        "Which trustee voted no on the Orlow levee contract?",
        "which Orlow trustee opposed the tax break?",
        "Which Harlan Crossing aldermen opposed the tax rate?",
    ],
)
def test_a_question_for_which_member_took_a_side_asks_who_voted(question: str) -> None:
    """"Which trustee voted no?" asks for a name, whatever answer type the parse gives it."""
    from rag.query import analyse
    from rag.votes import asks_who_voted

    assert asks_who_voted(analyse(question))


def test_how_someone_voted_is_answered_by_the_count_or_a_side_taken() -> None:
    """"How did the planning board vote on the Harrow Lane plan?" is told by "voted 4-1" or "voted against it",
    not by a sentence on the plan with no vote in it."""
    from rag.ordering import fitting_first
    from rag.query import analyse
    from rag.votes import asks_how_it_voted

    question = analyse("How did the Orrin Bay planning board vote on the revised Harrow Lane plan?")
    assert asks_how_it_voted(question)
    assert asks_how_it_voted(analyse("How did Ada Kell vote on the Orrin Bay budget?"))
    assert not asks_how_it_voted(analyse("How did the Orrin Bay planning board pick the Harrow Lane plan?"))
    plan, counted, side = _sentences(
        "The revised Harrow Lane plan calls for 40 homes in Orrin Bay. The planning board voted 4-1 on Tuesday to "
        "approve the revised Harrow Lane plan. Member Ada Kell voted against the Harrow Lane plan."
    )
    assert fitting_first([plan, counted, side], question) == [counted, side]
    assert fitting_first([plan], question) == []


@pytest.mark.parametrize(("question", "asks"), [
    ("What was the score of Orrin Bay's last game at Pell Field?", True),
    ("What was Orrin Bay's football record in 2024?", True),
    ("What was the final score?", True),
    ("What record did the Orrin Bay team set?", False),  # a record set, not a season's
    ("What was the record crowd at Pell Field?", False),  # a crowd asked
    ("What were the Orrin Bay reading scores in 2024?", False),  # scores of many, not a game's
    ("What was the Orrin Bay plant's inspection score?", False),  # no game's
    ("What is Orrin Bay's safety record?", False),
    ("What was the coach's overall record at Orrin Bay?", True),
])  # fmt: skip
def test_a_score_or_a_record_asked_is_a_tally(question: str, asks: bool) -> None:
    from rag.query import analyse
    from rag.votes import asks_a_game_tally

    assert asks_a_game_tally(analyse(question)) is asks


def test_a_score_asked_is_answered_only_by_a_sentence_with_a_tally() -> None:
    """"The Herons played their last game at Pell Field" gives no score; "beat Orrin Bay 28-14" does."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    question = analyse("What was the score of the Herons' last game at Pell Field?")
    played, scored = _sentences(
        "The Herons played their last game at Pell Field on Friday. They beat Orrin Bay 28-14 in front of 900 fans."
    )
    assert fitting_first([played, scored], question) == [scored]
    assert fitting_first([played], question) == []


@pytest.mark.parametrize(("text", "tally"), [
    ("They beat Orrin Bay 28-14.", True),
    ("Final: Herons 58, Orrin Bay 51.", True),
    ("They won six to four.", True),
    ("The Herons finished with 19 wins and 6 losses.", True),
    ("The Herons went undefeated.", True),
    ("The Herons played their last game at Pell Field.", False),
])  # fmt: skip
def test_a_tally_as_news_gives_it(text: str, tally: bool) -> None:
    from rag.votes import gives_a_tally

    assert gives_a_tally(text) is tally


def test_a_vote_to_do_something_asks_how_it_is_done_and_an_outcome_tells_a_vote() -> None:
    from rag.query import analyse
    from rag.votes import asks_how_it_voted, tells_how_it_voted

    assert not asks_how_it_voted(analyse("How did the Orrin Bay board vote to pay for the new roof?"))
    question = analyse("How did the Orrin Bay council vote on the park plan?")
    (rejected,) = _sentences("The Orrin Bay council rejected the park plan on Tuesday.")
    (heard,) = _sentences("The Orrin Bay council heard the park plan on Tuesday.")
    (to_meet,) = _sentences("The Orrin Bay council will meet Friday to approve the park plan.")
    assert tells_how_it_voted(rejected, question)
    assert not tells_how_it_voted(heard, question)
    assert not tells_how_it_voted(to_meet, question)  # not done yet
