"""Where a voter's account of her vote is (rag.voter_accounts), on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.test_votes import _sentences

@pytest.mark.parametrize(
    ("sentence", "accounts"),
    [
        ("Council member Ada Kell voted no, saying the town cannot afford a second engine.", True),
        ("Ada Kell, the lone no vote, said the plan had been rushed.", True),
        ("Council member Ada Kell voted no on the Brackley fire engine.", False),
        ("Council member Hollis Brandeau voted no, calling the police raise reckless.", True),
        ("Council member Hollis Brandeau voted against the budget, which she called reckless.", True),
        ("Council member Ori Falkenrath voted no on what Mayor Jen Adairson called a needed repair.", False),
        # the voter's own stance beside the vote
        ("The lone no vote came from trustee Ada Kell, who had pushed to keep the lot as a public park.", True),
        ("The lone no vote came from trustee Ada Kell, who joined the board in 2021.", False),
    ],
)
def test_an_account_in_the_sentence_of_the_vote_comes_after_the_vote(sentence: str, accounts: bool) -> None:
    """"voted no, saying ...", "the lone no vote, said ...", "voted no, calling ..." and "which she called ..." give
    the voter's account; the vote alone does not, nor "on what Mayor Jen Adairson called ...", the mayor's words."""
    from rag.voter_accounts import accounts_in_the_sentence

    vote, = _sentences(sentence)
    assert accounts_in_the_sentence(vote, "no") == accounts


def test_the_account_after_a_vote_is_the_voters_asked_about() -> None:
    """The next sentence's "She said ..." is the voters'; a voter's account by name is hers, not the other
    voter's the vote's sentence names beside her, however far after the vote (within the sentences given)."""
    from rag.voter_accounts import account_after

    vote, supporter, account = _sentences(
        "Council members Ada Kell and Ned Roe voted no. Mayor Lila Stroud said the engine arrives in March. "
        "Roe said the town should have repaired its old engine first."
    )
    assert account_after(vote, [supporter, account], {"roe"}) is account
    assert account_after(vote, [supporter, account], {"kell"}) is None
    # a question that names no voter: only the next sentence, by pronoun or by a voter's name, or the one after a
    # next that quotes no one
    assert account_after(vote, [supporter, account], set()) is None
    vote, aside, account = _sentences(
        "Council members Ada Kell and Ned Roe voted no. Neither criticized the chief. Instead, Roe said, the town "
        "should have waited for the audit."
    )
    assert account_after(vote, [aside, account], set()) is account
    vote, account = _sentences("Trustee Ada Kell cast the only no vote. Kell said the district had other needs.")
    assert account_after(vote, [account], set()) is account
    vote, account = _sentences("Trustee Ada Kell cast the only no vote. She said the district had other needs.")
    assert account_after(vote, [account], {"kell"}) is account


def test_an_account_quoted_for_another_speaker_is_not_the_voters() -> None:
    """"They said ..., clerk Jo Pell reported." is Pell's report; a pronoun account past the next sentence may be
    anyone's."""
    from rag.voter_accounts import account_after

    vote, reported = _sentences(
        "Trustee Ada Kell voted no. They said raises begin in July, village clerk Jo Pell reported."
    )
    assert account_after(vote, [reported], {"kell"}) is None
    vote, other, pronoun = _sentences(
        "Trustee Ada Kell voted no. The board meets again in May. She said the plan was rushed."
    )
    assert account_after(vote, [other, pronoun], {"kell"}) is None


def test_a_no_voters_sentence_brings_their_account_after_it() -> None:
    """"Why did one council member vote against the cameras?": "Council member Ada Kell cast the lone no vote." is
    followed by "She said ...", her reason; a sentence about something else is not brought, nor an account after
    a sentence of no vote."""
    from rag.voter_accounts import with_the_voters_account

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
    from rag.voter_accounts import with_the_voters_account

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


def _vote_asked(text: str, question: str) -> "tuple[str, str | None] | None":
    """The sentence `rag.votes.voters_vote` takes for `question` from the one-passage article `text`, and its
    account's (None for no vote)."""
    from rag.query import analyse
    from rag.voter_accounts import voters_vote

    vote = voters_vote(_sentences(text), analyse(question))
    return None if vote is None else (vote.vote.text, None if vote.account is None else vote.account.text)


_TWO_VOTES = (
    "The Halvern Town Council voted 5-2 on Monday to rezone the old Tessler mill site for apartments. "
    "Council members Greta Ruzicka and Oren Palk voted against the rezoning. "
    "Ruzicka said the site should stay zoned for industry because the town needs jobs. "
    "In a separate vote, the Halvern council approved a $2 downtown parking fee 6-1, with Bram Tullis voting "
    "against it. Tullis said the fee would drive shoppers to the mall in Kessick."
)


def test_a_voters_vote_on_another_matter_is_not_the_one_asked_about() -> None:
    """Two votes in one report: Tullis voted against the parking fee, not the rezoning, and Ruzicka against the
    rezoning, not the fee (a town's name, in both, does not make them one matter); "voted no" with nothing named
    is the vote asked about."""
    assert _vote_asked(_TWO_VOTES, "Why did Bram Tullis vote against the Halvern rezoning?") is None
    assert _vote_asked(_TWO_VOTES, "Why did Greta Ruzicka vote against the Halvern parking fee?") is None
    vote, account = _vote_asked(_TWO_VOTES, "Why did Bram Tullis vote against the Halvern parking fee?")
    assert "Bram Tullis voting against it" in vote and account is not None and "shoppers" in account
    vote, account = _vote_asked(
        "The Orrin council voted 6-1 on Tuesday to buy a street sweeper. Council member Ada Luskova voted no. "
        "Luskova said the city could rent one for less.",
        "Why did Ada Luskova vote against the street sweeper?",
    )
    assert vote == "Council member Ada Luskova voted no." and account is not None


def test_the_voter_asked_about_is_the_one_who_voted() -> None:
    """"... voted against the plan proposed by Selectman Ivo Brandauer" is not Brandauer's vote; "Voting against
    were ..." and "The lone vote against it was cast by ..." name the voters after the vote's words."""
    proposed = ("The Pellridge selectmen adopted a road plan 2-1. Selectman Wren Haverbrook voted against the plan "
                "proposed by Selectman Ivo Brandauer. Haverbrook said the plan skipped the north end.")  # fmt: skip
    assert _vote_asked(proposed, "Why did Ivo Brandauer vote against the road plan?") is None
    assert _vote_asked(proposed, "Why did Wren Haverbrook vote against the road plan?") is not None
    were = ("The Quenmoor council approved a hotel tax 5-2. Voting against were council members Ada Quistgaard and "
            "Remy Talbrook. Quistgaard said the tax would send tour groups elsewhere.")  # fmt: skip
    assert _vote_asked(were, "Why did Ada Quistgaard vote against the hotel tax?")[1] is not None
    cast_by = ("The Orrin council approved a leash ordinance 6-1. The lone vote against the ordinance was cast by "
               "Council member Ines Abaroa. Abaroa said it would ticket people in their own yards.")  # fmt: skip
    assert _vote_asked(cast_by, "Why did Ines Abaroa vote against the leash ordinance?")[1] is not None


def test_a_pronoun_after_a_vote_on_anothers_proposal_is_not_the_voters_account() -> None:
    """"He said ..." after "... voted against the trash plan, which was proposed by Mayor Tom Brisbane." may be
    the mayor's; after "voted against hiring consultant Joel Nessler." it is the voter's."""
    proposed = ("Council member Ada Rennick voted against the trash plan, which was proposed by Mayor Tom Brisbane. "
                "He said the plan would save the town $90,000 a year.")  # fmt: skip
    assert _vote_asked(proposed, "Why did Ada Rennick vote against the trash plan?")[1] is None
    hired = ("Council member Ada Pruettman voted against hiring consultant Joel Nessler. She said the city's own "
             "staff could do the study.")  # fmt: skip
    assert _vote_asked(hired, "Why did Ada Pruettman vote against hiring the consultant?")[1] is not None


def test_an_earlier_vote_is_not_the_one_asked_about() -> None:
    """"who opposed the dog park plan last year, said she was pleased" tells of last year's vote, and what she
    said is no account of it; "who had voted against it on its first reading, voted against it again" tells of
    this one too."""
    from rag.votes import earlier_vote

    last_year = ("Mayor Dana Fiskell, who opposed the dog park plan last year, said she was pleased with the new "
                 "design.")  # fmt: skip
    assert earlier_vote(last_year, "no", "Why did Dana Fiskell oppose the dog park plan?")
    assert not earlier_vote(last_year, "no", "Why did Dana Fiskell oppose the dog park plan last year?")
    assert _vote_asked("The Halbury council approved a dog park 5-2. " + last_year,
                       "Why did Dana Fiskell oppose the dog park plan?") is None  # fmt: skip
    again = ("Council member Ada Kelsall, who had voted against the code on its first reading, voted against it "
             "again.")  # fmt: skip
    assert not earlier_vote(again, "no", "Why did Ada Kelsall vote against the zoning code?")


def test_an_account_by_another_of_the_voters_surname_is_not_hers() -> None:
    """"Resident Tom Vennard ... said" is not Ada Vennard's account; "Ada M. Luskova said" is Ada Luskova's."""
    namesake = ("The Drummock council voted 4-1 to buy a snowplow. Council member Ada Vennard voted no. Resident "
                "Tom Vennard, who plows driveways for a living, said the town should hire private plows.")  # fmt: skip
    assert _vote_asked(namesake, "Why did Ada Vennard vote against the snowplow?")[1] is None
    initial = ("The Orrin council voted 5-1 to buy a street sweeper. Council member Ada M. Luskova voted no. Council "
               "member Ada M. Luskova said the city could rent a sweeper for far less.")  # fmt: skip
    assert _vote_asked(initial, "Why did Ada Luskova vote against the street sweeper?")[1] is not None


@pytest.mark.parametrize(
    ("account", "hers"),
    [
        ("\"It's too much money for a city our size,\" Lindqvarn said.", True),
        ("\"It's too much money for a city our size,\" she said.", True),
        ("\"It's too much money for a city our size,\" said council member Petra Lindqvarn.", True),
        ("In an interview, Lindqvarn said the old truck still passes inspection.", True),
        ("According to Lindqvarn, the old truck still passes inspection.", True),
        ("Lindqvarn explained that the old truck still passes inspection.", True),
        ("Lindqvarn has said the old truck still passes inspection.", True),
        ("Council member Petra Lindqvarn said the old truck still passes inspection.", True),
        ("\"This is a good day for the city,\" Mayor Jen Adairson said.", False),
        ("In an interview, Mayor Jen Adairson said the truck is overdue.", False),
        ("According to Mayor Jen Adairson, the truck is overdue.", False),
        ("Adairson has said the truck is overdue.", False),
    ],
)
def test_a_voters_account_in_the_forms_news_gives_it(account: str, hers: bool) -> None:
    """A quote with its speaker named after it, "In an interview, ... said", "According to ...", "explained",
    "has said" and a title of lowercase words ("Council member ...") give the voter's account, and another's
    in the same forms do not."""
    from rag.voter_accounts import account_after

    vote, after = _sentences("Council member Petra Lindqvarn cast the lone vote against the purchase. " + account)
    assert (account_after(vote, [after], {"lindqvarn"}) is after) == hers


def test_another_voters_vote_does_not_bring_the_account_of_the_voter_asked_about() -> None:
    """For "Why did Tullis vote against it?", Ruzicka's vote sentence chosen does not bring Tullis's account."""
    from rag.voter_accounts import with_the_voters_account

    candidates = _sentences(_TWO_VOTES)
    lead, ruzicka = candidates[:2]
    assert with_the_voters_account([lead, ruzicka], candidates, "no", {"tullis"}) == [lead, ruzicka]


@pytest.mark.parametrize(
    ("vote", "account", "asked", "named"),
    [
        # a speaker named between commas, by name or pronoun
        ("Judge Amara Strevell dissented.", "The ban, Strevell wrote, takes property from owners without paying them.",
         {"strevell"}, True),
        ("Sen. Halden Mroz has opposed the tax.", "Rural drivers, he says, would pay the most.", {"mroz"}, False),
        # a pronoun speaker at the sentence's end
        ("Council member Bram Okafrey cast the lone vote against the cameras.",
         "His worry is privacy: the cameras would record every car that passes, he told the council.", {"okafrey"},
         False),
        # a quote its speaker "told" someone
        ("Trustee Noor Halvik voted against the levy.",
         "\"We have an empty school we are still heating,\" Halvik told reporters after the meeting.", {"halvik"},
         True),
    ],
)
def test_an_account_is_found_in_more_of_the_ways_news_writing_attributes_one(
    vote: str, account: str, asked: set[str], named: bool
) -> None:
    """"The ban, Strevell wrote, ...", "..., he says, ...", "..., he told the council." and '"...," Halvik told
    reporters.' give the voter's account; a named speaker's is not another voter's."""
    from rag.voter_accounts import account_after

    voted, said = _sentences(f"{vote} {account}")
    assert account_after(voted, [said], asked) is said
    if named:
        assert account_after(voted, [said], {"pellworth"}) is None


def test_writing_and_telling_give_an_account_in_the_sentence_of_the_vote() -> None:
    """"dissented, writing that ..." and "opposed the plan, telling the board ..." say why, as "saying" does."""
    from rag.voter_accounts import accounts_in_the_sentence

    writing, = _sentences("Judge Amara Strevell dissented, writing that the ban takes property without paying for it.")
    telling, = _sentences("Ana Pell opposed the plan, telling the board it would take her front yard.")
    assert accounts_in_the_sentence(writing, "no")
    assert accounts_in_the_sentence(telling, "no")


def test_a_voters_account_may_come_right_before_the_vote() -> None:
    """"Council member Bram Okafrey has argued for months that ..." right before "..., with Okafrey voting no" is his
    account; another's right before is not."""
    text = ("Council member Bram Okafrey has argued for months that traffic cameras invade drivers' privacy. "
            "On Monday the Harnsey council approved the cameras 6-1, with Okafrey voting no. "
            "The cameras will be installed this summer.")  # fmt: skip
    assert _vote_asked(text, "Why did Bram Okafrey vote against the cameras?") == (
        "On Monday the Harnsey council approved the cameras 6-1, with Okafrey voting no.",
        "Council member Bram Okafrey has argued for months that traffic cameras invade drivers' privacy.",
    )
    other = text.replace("Council member Bram Okafrey has", "Mayor Lars Quenwick has")
    assert _vote_asked(other, "Why did Bram Okafrey vote against the cameras?") == (
        "On Monday the Harnsey council approved the cameras 6-1, with Okafrey voting no.", None)


@pytest.mark.parametrize(
    ("text", "question", "of_a_vote"),
    [
        # someone who opposed a plan, asked why she was against it: she may have no vote, and her account may take
        # words of its own, so no account found is no refusal
        ("Ana Pell, who has lived on Dell Road for 40 years, opposed the plan. Widening the road would take her "
         "front yard.", "Why was Ana Pell against the plan?", False),
        ("Lydia Oxenholt, who owns a hardware store in Harnsey, opposed the merger. Her store will lose customers.",
         "Why was Lydia Oxenholt against the merger?", False),
        # a vote asked of, or one cast, or a voter's opposing
        ("Ana Pell, who has lived on Dell Road for 40 years, opposed the plan. Widening the road would take her "
         "front yard.", "Why did Ana Pell oppose the plan?", True),
        ("Council member Ana Pell voted against the plan. The plan goes to the county next.",
         "Why was Ana Pell against the plan?", True),
        ("Trustee Ana Pell opposed the plan. The plan goes to the county next.", "Why was Ana Pell against the plan?",
         True),
    ],
)
def test_a_question_about_someone_against_something_refuses_only_for_a_vote(
    text: str, question: str, of_a_vote: bool
) -> None:
    """"Why was Ana Pell against the plan?" met by "Ana Pell opposed the plan" alone tells of no vote cast: without
    an account found the report is not taken to tell how she voted and not why."""
    from rag.query import analyse
    from rag.voter_accounts import voters_vote

    vote = voters_vote(_sentences(text), analyse(question))
    assert vote is not None and not vote.accounted_for
    assert vote.of_a_vote is of_a_vote


def test_a_vote_on_another_thing_than_the_one_she_is_asked_to_be_against_is_not_taken() -> None:
    """Marchwood voted against the budget and has been against closing Ridley Street: "Why was she against the
    Ridley Street closure?" is not answered by her budget vote; "Why was she against the budget?" is."""
    text = ("The Brisco Falls council voted 4-1 on Tuesday to pass a $22 million budget. "
            "Council member Sela Marchwood voted no, saying the budget added too many city jobs. "
            "Marchwood has also been against closing Ridley Street to cars, which she said would empty its shops.")
    assert _vote_asked(text, "Why was council member Sela Marchwood against the Ridley Street closure?") is None
    assert _vote_asked(text, "Why was council member Sela Marchwood against the budget?") == (
        "Council member Sela Marchwood voted no, saying the budget added too many city jobs.", None)


def test_a_vote_asked_of_a_body_or_opposition_without_a_vote_is_no_voters_vote() -> None:
    """"Why did the council vote against it?" asks of a body, whose reasons the report gives in words of its own, and
    "Residents opposed the tower" tells of no vote cast: neither is a voter's vote whose account must follow (the
    answerer used to refuse both whatever the refusal model said)."""
    body = ("The Brackley Town Council voted against buying a new fire engine on Monday. The engine would have cost "
            "$780,000, and the town's reserve holds $400,000.")  # fmt: skip
    assert _vote_asked(body, "Why did the Brackley council vote against the fire engine?") is None
    tower = ("Dozens of residents opposed the Elm Park cell tower at a hearing on Tuesday. Parents fear its radio "
             "waves would harm their children.")  # fmt: skip
    assert _vote_asked(tower, "Why are parents opposed to the Elm Park cell tower?") is None
    assert _vote_asked(tower, "Why did residents oppose the Elm Park cell tower?") is None
    # a voter of the body is still one
    voter = ("The Brackley council voted 6-1 to buy an engine. Council member Ada Kell voted no. She said it cost too "
             "much.")  # fmt: skip
    assert _vote_asked(voter, "Why did one Brackley council member vote against the engine?") == (
        "Council member Ada Kell voted no.", "She said it cost too much.")


def test_the_only_member_to_vote_no_is_a_voter_whose_account_follows() -> None:
    """"Ned Roe was the only council member to vote against the engine." tells of his vote, and "He said ..." of
    his account."""
    assert _vote_asked(
        "The council voted 6-1 to buy a fire engine. Ned Roe was the only council member to vote against the fire "
        "engine. He said the town should have repaired its old engine first.",
        "Why did Ned Roe vote against the fire engine?",
    ) == ("Ned Roe was the only council member to vote against the fire engine.",
          "He said the town should have repaired its old engine first.")  # fmt: skip


def test_an_account_a_few_sentences_on_is_found_past_sentences_that_are_no_candidates() -> None:
    """A sentence left out of the candidates (a "why" question keeps only those near the person's name) does not end
    the look for her account, and the next sentence stays the only one a pronoun account may be."""
    from rag.voter_accounts import account_after, sentences_after

    vote, mayor, chief, account = _sentences(
        "Council members Ada Kell and Ned Roe voted no. Mayor Lila Stroud said the engine arrives in March. "
        "Fire Chief Sam Ortiz said the crews were relieved. Roe said the town should have repaired its old engine."
    )
    following = sentences_after(vote, [vote, mayor, account])
    assert following == [mayor, None, account]
    assert account_after(vote, following, {"roe"}) is account
    vote, other, pronoun = _sentences("Trustee Ada Kell voted no. The board meets again. She said the plan was rushed.")
    assert account_after(vote, sentences_after(vote, [vote, pronoun]), {"kell"}) is None


def test_an_account_after_the_report_of_another_vote_is_of_that_one() -> None:
    """"Kell said the fee was too high." after "In a separate vote, the council approved a parking fee." is her
    account of the fee, not of the engine."""
    assert _vote_asked(
        "The council voted 5-2 to buy an engine. Council member Ada Kell voted no. In a separate vote, the council "
        "approved a parking fee. Kell said the fee was too high.",
        "Why did Ada Kell vote against the engine?",
    ) == ("Council member Ada Kell voted no.", None)


def test_he_or_she_after_a_vote_of_two_is_not_told_as_one_of_thems_account() -> None:
    """"Council members Ada Kell and Ned Roe voted no. He said ..." may be either's: no account of Kell's; "Both
    said ..." is each one's, and "She said ..." after one voter's vote is hers."""
    from rag.voter_accounts import account_after

    vote, he = _sentences("Council members Ada Kell and Ned Roe voted no. He said the town could not afford it.")
    assert account_after(vote, [he], {"kell"}) is None
    vote, both = _sentences("Council members Ada Kell and Ned Roe voted no. Both said the town could not afford it.")
    assert account_after(vote, [both], {"kell"}) is both
    vote, she = _sentences("Council member Ada Kell voted no. She said the town could not afford it.")
    assert account_after(vote, [she], {"kell"}) is she


_BUS_AND_LIBRARY = (
    "The Ferrisham school board approved a new bus contract 5-0 on Monday after trustee Lio Vantrasse raised a "
    "concern that its fuel clause could add $90,000 a year. "
    "Vantrasse voted against the library budget. "
    "She said the library should cut its evening hours before asking for more."
)


def test_an_objection_to_one_matter_is_not_a_no_vote_on_another() -> None:
    """"What was Vantrasse's concern about the bus contract?" is not answered by her no vote on the library budget
    and her account of it: the report tells of her concern about the bus contract without a vote; the library
    budget's objection is that vote's account."""
    assert _vote_asked(_BUS_AND_LIBRARY, "What was Vantrasse's concern about the bus contract?") is None
    assert _vote_asked(_BUS_AND_LIBRARY, "What concern did Lio Vantrasse raise about the bus contract?") is None
    vote, account = _vote_asked(_BUS_AND_LIBRARY, "What was Vantrasse's objection to the library budget?")
    assert vote == "Vantrasse voted against the library budget." and account is not None and "evening" in account


_LEVY_VOTE = ("The Tollisford council voted 4-1 on Tuesday to put a school levy on the ballot. "
              "Council member Nimbrey Oskavy cast the lone no vote. ")  # fmt: skip


@pytest.mark.parametrize(
    ("after", "question", "refused"),
    [
        # no account, nor anything more of hers: how she voted, not her objection
        ("Mayor Cadoric Brandvik said the schools had not asked for new money in years.",
         "What was Oskavy's objection to the levy?", True),
        ("Oskavy is running for mayor.", "What was Oskavy's objection to the levy?", True),
        ("Mayor Cadoric Brandvik said the schools had not asked for new money in years.",
         "What objection did the lone holdout raise?", True),
        # her objection in words no account's pattern knows
        ("The levy would push renters out of the village, Oskavy said.",
         "What was Oskavy's objection to the levy?", False),
        ('"Renters will pay for this levy," Oskavy said at the meeting.',
         "What concern did Nimbrey Oskavy have about the levy?", False),
        ("Her objection was that landlords would pass the tax on to renters.",
         "What was Oskavy's objection to the levy?", False),
        ("Her objection was that landlords would pass the tax on to renters.",
         "What objection did the lone holdout raise?", False),
        ("Mayor Cadoric Brandvik thanked the council. Oskavy has criticized the levy as a burden on renters.",
         "What was Oskavy's objection to the levy?", False),
    ],
)
def test_an_objection_is_refused_only_when_the_report_tells_nothing_more_of_the_no_voter(
    after: str, question: str, refused: bool
) -> None:
    """"What was Oskavy's objection to the levy?" after a no vote with no account found is refused when the report
    tells nothing more of her, not when it tells her objection in words of its own ("..., Oskavy said.", '"...,"
    Oskavy said at the meeting.', "Her objection was ...", "Oskavy has criticized ..."), which the ranker may answer
    with; "Why did she vote no?" is not asked."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    candidates = _sentences(_LEVY_VOTE + after)
    assert (fitting_first(candidates, analyse(question)) == []) is refused
