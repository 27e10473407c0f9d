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
        ("Who runs the police department in Orvask Springs?", True),
        # a board, a commission, a council or a committee has a head too: its chair
        ("Who heads the Orvask Water Authority board?", True),
        ("Who leads the Orvask planning commission?", True),
        # an activity, or a body that is not what is asked about: the noun the thing asked ends in
        ("Who is in charge of the cleanup at the plant?", False),
        ("Who is leading the investigation into the company?", False),
        ("Who is running for president of the union?", False),
        ("Who is heading the search for the club's missing boat?", False),
        # a head then, which a title in the news does not give
        ("Who was running the mill when it closed in 1982?", False),
    ],
)
def test_a_question_asks_who_heads_a_firm_a_group_or_an_office(question: str, asks: bool) -> None:
    from rag.leaders import asks_who_heads
    from rag.query import analyse

    assert asks_who_heads(analyse(question)) == asks


def _headed(text: str, name: str, label: str, question: str) -> bool:
    from rag.candidate import Candidate
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
                   "Who heads the fishermen's company that bought the old cannery?")  # fmt: skip
    assert _headed("The marina has 180 slips, owner Erling Vasko said.", "Vasko", "PERSON", question)
    assert _headed("Ada Orle, the trust's executive director, said the boiler failed.", "Ada Orle", "PERSON",
                   "who's in charge of the nonprofit that will run the Tamsin theater?")  # fmt: skip
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


@pytest.mark.parametrize(
    ("question", "text", "name"),
    [
        ("Who runs the Reed Cove marina?", "The cleanup was organized by marina owner Ervald Vasquell.",
         "Ervald Vasquell"),
        ("Who runs the hospital?", "The hospital will hire 60 nurses, the hospital's chief executive, Orla Vancemore, "
         "said.", "Orla Vancemore"),
        ("Who heads the library?", "The library has been short-staffed, interim director Cass Umberley said.",
         "Cass Umberley"),
        ("Who runs the restaurant?", "The patio cost $60,000, said Nilvo Farrowmede, a co-owner of the restaurant.",
         "Nilvo Farrowmede"),
        ("Who runs the mill?", "The mill will make blankets, said the mill's new owner, Wenna Drascombe.",
         "Wenna Drascombe"),
        ("Who runs the marina?", "The fuel dock will cost $75,000, Brackwater Marina owner Ervald Vosslund said.",
         "Ervald Vosslund"),
        ("Who runs Quenmore Valley Hospital?", "It will see 3,000 patients, Hospital president Ruthe Callowen-Senn "
         "said.", "Ruthe Callowen-Senn"),
        ("Who runs the hospital?", "The beds open in 2027, said the hospital's president and chief executive, Ruthe "
         "Callowen-Senn.", "Ruthe Callowen-Senn"),
        ("Who runs the bakery?", "The bakery bakes 400 loaves, said Pia Lundgaard, owner of Pia's Bakery.",
         "Pia Lundgaard"),
        ("Who heads the Orvask Water Authority board?", "\"No one enjoys a rate increase,\" said board chair Ysolde "
         "Quarne.", "Ysolde Quarne"),
    ],
)
def test_a_title_of_the_thing_asked_is_a_heads(question: str, text: str, name: str) -> None:
    """The thing's own word ("marina owner", "the hospital's chief executive"), one that keeps the post
    ("interim", "new", "a co-owner"), the name of a body of the kind asked when the question names none."""
    assert _headed(text, name, "PERSON", question)


@pytest.mark.parametrize(
    ("question", "text", "name"),
    [
        # the head of another body
        ("Who runs the marina?", "The permit could be ready by May, the county's manager, Adrava Quillsmead, said.",
         "Adrava Quillsmead"),
        ("Who runs the bakery?", "They will get severance pay, union president Jorvane Tamblewick said.",
         "Jorvane Tamblewick"),
        ("Who runs the hotel?", "It will have 90 rooms, the rival chain's chief executive, Mara Fenwhistle, said.",
         "Mara Fenwhistle"),
        ("Who runs the library?", "The roof will cost $310,000, said Ilvra Marrowquist, president of the library's "
         "friends group, which raised $25,000.", "Ilvra Marrowquist"),
        ("Who runs the hospital?", "The hospital board voted 9-0, board chair Reuvask Stroudley said.",
         "Reuvask Stroudley"),
        ("Who runs the bakery?", "Flour costs 30 percent more, said the company's president, Anwen Quistrel, whose "
         "mill supplies it.", "Anwen Quistrel"),
        ("Who heads the union's negotiating team?", "The union wants a 12 percent raise, union president Tovrin "
         "Lindquell said.", "Tovrin Lindquell"),
        # of a sub-unit, a deputy, a past head
        ("Who runs the company?", "It will run a second shift, plant manager Ivrik Braskerud said.", "Ivrik Braskerud"),
        ("Who runs the marina?", "Boats run aground, the marina's dock manager, Pellvar Sorrowby, said.",
         "Pellvar Sorrowby"),
        ("Who heads the agency?", "The buses will run on the east side, assistant director Ren Coylebury said.",
         "Ren Coylebury"),
        ("Who leads the union?", "The union wants a raise, vice president Tovrin Lindquell said.", "Tovrin Lindquell"),
        ("Who runs the brewery?", "It was opened in 1994 by former owner Ervald Vasquell.", "Ervald Vasquell"),
        ("Who runs the club?", "The roof leaks, said Guvrin Prellwitz, a former president of the club.",
         "Guvrin Prellwitz"),
        ("Who runs the museum?", "The wing will cost $3 million, said Director Emeritus Halvik Pettivane.",
         "Halvik Pettivane"),
        # of another town's body of the same kind
        ("Who runs the Orvask library?", "Libraries are cutting hours, Tamrive Library director Gavrel Fennisk said.",
         "Gavrel Fennisk"),
        ("Who heads the Orvask Chamber of Commerce?", "The fair will have 80 booths, said Danvir Loftberg, president "
         "of the Tamrive Chamber of Commerce.", "Danvir Loftberg"),
        # kin, and no one's post
        ("Who runs the store?", "The store now sells online, said Halvik Pennifrew, son of owner Abe Pennifrew.",
         "Halvik Pennifrew"),
        ("Who runs the shop?", "The shop will reopen Monday, said Ana Loyvard, wife of the owner.", "Ana Loyvard"),
        ("Who runs the shop?", "The shop will reopen Monday, said Ana Loyvard, the owner's sister.", "Ana Loyvard"),
        ("Who runs the museum?", "The museum has been looking for a new director, Ana Loyvard said.", "Ana Loyvard"),
    ],
)
def test_a_title_of_another_body_or_post_is_no_heads(question: str, text: str, name: str) -> None:
    """Not the county's manager, a union's president, a rival's chief executive, a board's chair, a plant's or a
    dock's manager, an assistant, a vice or former president, another town's library director, an owner's son."""
    assert not _headed(text, name, "PERSON", question)


def test_who_runs_the_marina_is_not_the_county_manager_nor_the_cleanup_the_plant_manager() -> None:
    """End to end, on what the refusal model alone refused or answered right: the county's manager does not run
    the marina; the cleanup at the plant is the state officer's, not the plant manager's."""
    from tests.rag.test_extractive import _answer_text, _passage

    from rag.models import CANNOT_ANSWER
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    marina = ("Marina asks for more slips\n"
              "ORVASK - The Reed Cove marina asked the county on Tuesday for permission to add 40 boat slips before "
              "summer.\n"
              "The marina now has 180 slips and a waiting list of about 230 boaters.\n"
              "The permit for the marina could be ready by May, the county's manager, Adrava Quillsmead, "
              "said.")  # fmt: skip
    assert _answer_text(analyse("Who runs the marina?"), [_passage("a", "Orvask Ledger", marina)],
                        SAME_WORD_ONLY) == CANNOT_ANSWER  # fmt: skip
    spill = ("Oil spill at chemical plant\n"
             "HOLLVICK - About 2,000 gallons of oil spilled at the Hollvick chemical plant on Monday.\n"
             "The plant will stay closed this week, plant manager Ivrik Braskerud said.\n"
             "The cleanup at the plant is being run by state environmental officer Kira Danefield.")  # fmt: skip
    answer = _answer_text(analyse("Who is in charge of the cleanup at the plant?"), [_passage("a", "Hollvick Post",
                                                                                             spill)], SAME_WORD_ONLY)
    assert "Danefield" in answer.split("[1]")[0] and "Braskerud" not in answer.split("[1]")[0]
