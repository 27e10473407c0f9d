"""How a vote's report is read (rag.votes): the side a sentence tells of, and where a voter's account is, on text
written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from rag.candidates import Candidate


def _sentences(text: str) -> list["Candidate"]:
    """One candidate per sentence of the one-passage article `text`."""
    from index.nlp import entities_by_line
    from rag.candidates import Candidate, sentence_spans
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
    ],
)
def test_the_side_of_a_vote_a_sentence_tells_of(text: str, side: str | None) -> None:
    """"oppose" and its forms tell of a no as "opposed" does; a vote asked of others and a tally tell of none."""
    from rag.votes import vote_side

    assert vote_side(text) == side


def test_an_account_in_the_sentence_of_the_vote_comes_after_its_words_of_the_vote() -> None:
    """"voted no, saying ..." and "the lone no vote, said ..." give the account; the vote alone does not."""
    from rag.votes import accounts_in_the_sentence

    saying, = _sentences("Council member Ada Kell voted no, saying the town cannot afford a second engine.")
    said, = _sentences("Ada Kell, the lone no vote, said the plan had been rushed.")
    alone, = _sentences("Council member Ada Kell voted no on the Brackley fire engine.")
    assert accounts_in_the_sentence(saying, "no")
    assert accounts_in_the_sentence(said, "no")
    assert not accounts_in_the_sentence(alone, "no")


def test_the_account_after_a_vote_is_the_voters_asked_about() -> None:
    """The next sentence's "She said ..." is the voters'; a voter's account by name is hers, not the other
    voter's the vote's sentence names beside her, however far after the vote (within the sentences given)."""
    from rag.votes import account_after

    vote, supporter, account = _sentences(
        "Council members Ada Kell and Ned Roe voted no. Mayor Lila Stroud said the engine arrives in March. "
        "Roe said the town should have repaired its old engine first."
    )
    assert account_after(vote, [supporter, account], {"roe"}) is account
    assert account_after(vote, [supporter, account], {"kell"}) is None
    # a question that names no voter: only the next sentence, by pronoun or by a voter's name
    assert account_after(vote, [supporter, account], set()) is None
    vote, account = _sentences("Trustee Ada Kell cast the only no vote. Kell said the district had other needs.")
    assert account_after(vote, [account], set()) is account
    vote, account = _sentences("Trustee Ada Kell cast the only no vote. She said the district had other needs.")
    assert account_after(vote, [account], {"kell"}) is account


def test_an_account_quoted_for_another_speaker_is_not_the_voters() -> None:
    """"They said ..., clerk Jo Pell reported." is Pell's report; a pronoun account past the next sentence may be
    anyone's."""
    from rag.votes import account_after

    vote, reported = _sentences(
        "Trustee Ada Kell voted no. They said raises begin in July, village clerk Jo Pell reported."
    )
    assert account_after(vote, [reported], {"kell"}) is None
    vote, other, pronoun = _sentences(
        "Trustee Ada Kell voted no. The board meets again in May. She said the plan was rushed."
    )
    assert account_after(vote, [other, pronoun], {"kell"}) is None


def test_surnames_are_the_last_word_of_each_name_as_sentences_are_split_into_words() -> None:
    """A double-barrelled name's last part is looked for, since a sentence's words are split the same way."""
    from rag.text import words
    from rag.votes import surnames

    assert surnames(["Ada Kell", "Ned Roe-Martin", ""]) == {"kell", "martin"}
    assert surnames(["Ned Roe-Martin"]) <= set(words("Roe-Martin said the fee was too high."))


def test_a_no_voters_sentence_brings_their_account_after_it() -> None:
    """"Why did one council member vote against the cameras?": "Council member Ada Kell cast the lone no vote." is
    followed by "She said ...", her reason; a sentence about something else is not brought, nor an account after
    a sentence of no vote."""
    from rag.votes import with_the_voters_account

    candidates = _sentences(
        "The Quenlow City Council voted 6-1 on Tuesday to buy 40 body cameras. Council member Ada Kell cast the lone "
        "no vote. She said the money would be better spent on three vacant officer positions. Chief Omar Reyes said "
        "the cameras arrive in May."
    )
    lead, no_vote, account, _ = candidates
    assert with_the_voters_account([lead, no_vote], candidates, "no", set()) == [lead, no_vote, account]
    assert with_the_voters_account([lead, account], candidates, "no", set()) == [lead, account]
    assert with_the_voters_account([lead], candidates, "no", set()) == [lead]


def _dissenters_account(text: str) -> list[str]:
    """The sentences `with_the_voters_account` gives for the first two sentences of `text` chosen."""
    from rag.votes import with_the_voters_account

    candidates = _sentences(text)
    return [c.text for c in with_the_voters_account(candidates[:2], candidates, "no", set())]


def test_what_is_done_to_a_no_voter_is_not_their_account() -> None:
    """"They were told ...", "He was questioned by reporters ...": done to them; "She later said ..." is theirs."""
    lead = "The Denholm Village Board passed a $14.2 million budget 6-1 Thursday. "
    told = lead + "Trustee Gail Mirren cast the lone no vote. They were told the state would cut road aid."
    questioned = lead + "Trustee Gail Mirren voted no. He was questioned by reporters but declined to comment."
    later = lead + "Trustee Gail Mirren voted no. She later said roads needed the money more."
    assert len(_dissenters_account(told)) == 2
    assert len(_dissenters_account(questioned)) == 2
    assert len(_dissenters_account(later)) == 3


def test_another_sides_words_are_not_the_no_voters_account() -> None:
    """"Both sides said ...", an account quoted for another speaker at its end, and "She wants to run for mayor"
    do not follow a no vote; "Both members said ..." does."""
    lead = "The Grisby council approved a firefighters' contract 4-1 on Monday. "
    sides = lead + "Council member Ned Tolland voted against it. Both sides said they were relieved."
    another = (lead + "Council member Ned Tolland voted no. They said raises begin in July, city manager Jo Pell "
               "reported.")  # fmt: skip
    wants = lead + "Council member Ida Tolland voted against it. She wants to run for mayor in 2026."
    members = lead + "Council members Ned Tolland and Ida Roe voted no. Both members said the city cannot pay."
    assert len(_dissenters_account(sides)) == 2
    assert len(_dissenters_account(another)) == 2
    assert len(_dissenters_account(wants)) == 2
    assert len(_dissenters_account(members)) == 3


def test_urging_others_to_vote_no_is_not_a_no_vote() -> None:
    """"Parents urged residents to vote no on the levy." tells of no vote cast, so the parents' account after it
    is not brought."""
    text = ("The Hadley Cross school board voted 4-1 to ask voters for a $6 million levy. Parents urged residents "
            "to vote no on the levy. They said the district had wasted money on a bus garage.")
    assert len(_dissenters_account(text)) == 2


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Why did Ada Kell vote against hiring Omar Reyes?", {"kell"}),
        ("Why did council member Ned Roe oppose the Brackley fire engine?", {"roe"}),
        ("Why was Ada Kell, a trustee, against it?", {"kell"}),
        ("Why did a couple of Brackley council members vote against the engine?", set()),
        ("Why did the lone holdout vote no?", set()),
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
