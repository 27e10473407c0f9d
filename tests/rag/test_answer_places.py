"""The checks of rag.answer_places on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _answers, _passage, _tagged


def test_the_town_an_article_is_filed_from_is_no_firm_and_an_address_online_no_name() -> None:
    """The dateline "TARRING FORD (KVNR) -" says Tarring Ford is a town, so "a depot in Tarring Ford", which the
    model tags as an organisation, does not answer "Which business ...?"; nor does an e-mail address."""
    text = ("TARRING FORD (KVNR) - A diesel spill at a fuel depot in Tarring Ford killed fish in Mossy Brook.\n"
            "The diesel came from a cracked tank at Hensel Fuel Supply, officials said.\n"
            "Send news tips to desk@kvnr.example.")  # fmt: skip
    town = text.index("in Tarring Ford") + len("in ")
    passage = _passage(text, [(town, town + len("Tarring Ford"), "ORG"),
                              *_tagged(text, "ORG", "Hensel Fuel Supply", "desk@kvnr.example")])  # fmt: skip
    assert _answers("Which business did the diesel that killed fish in Mossy Brook come from?", passage) == [
        "Hensel Fuel Supply"
    ]
    # a line of a list that gives a firm's town after a comma is no dateline; a state after the town is one
    from rag.answer_places import in_a_dateline

    listed = ("Bids received:\nHESKETH PAVING, Orlow - $1.2 million\nTALLIS BUILDERS, Kan. (AP) - wire copy\n"
              "ORLOW FALLS, KAN. (AP) - more wire copy")  # fmt: skip
    assert not in_a_dateline(listed, listed.index("HESKETH"), listed.index("HESKETH") + len("HESKETH PAVING"))
    assert in_a_dateline(listed, listed.index("TALLIS"), listed.index("TALLIS") + len("TALLIS BUILDERS"))
    assert in_a_dateline(listed, listed.index("ORLOW FALLS"), listed.index("ORLOW FALLS") + len("ORLOW FALLS"))
    # a dateline that gives the state after the town, as US wire stories do
    state = text.replace("TARRING FORD (KVNR)", "TARRING FORD, Kan. (KVNR)")
    town = state.index("in Tarring Ford") + len("in ")
    passage = _passage(state, [(town, town + len("Tarring Ford"), "ORG"), *_tagged(state, "ORG", "KVNR"),
                               *_tagged(state, "ORG", "Hensel Fuel Supply")])  # fmt: skip
    assert _answers("Which business did the diesel that killed fish in Mossy Brook come from?", passage) == [
        "Hensel Fuel Supply"
    ]


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("The new tower will be built on Quarry Hill next year.", "Quarry Hill", True),
        ("The detour runs along Halsey Road.", "Halsey Road", True),
        ("Tom Hill said the tower will be built next year.", "Tom Hill", False),
        ("The council thanked Ada Brook for her work.", "Ada Brook", False),
    ],
)
def test_a_name_ending_in_a_streets_or_a_hills_word_after_a_preposition_of_place_is_a_place(
    text: str, name: str, place: bool
) -> None:
    from rag.answer_places import a_place_by_its_name

    start = text.index(name)
    assert a_place_by_its_name(text, start, start + len(name)) is place


def test_a_dateline_taken_for_a_name_is_no_answer() -> None:
    from rag.answer_places import in_a_dateline

    text = "ORLOW FALLS - The storefront on Mill Street will reopen as a bakery."
    assert in_a_dateline(text, 0, len("ORLOW FALLS -"))
    assert not in_a_dateline("ORLOW FALLS is a town.", 0, len("ORLOW FALLS"))
