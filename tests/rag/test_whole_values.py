"""The checks of rag.whole_values on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _value_candidate


@pytest.mark.parametrize(
    ("text", "value", "said"),
    [
        ("Three firefighters were hurt in the Calloway barn fire.", "Three", "Three firefighters"),
        ("The storm damaged 14 “firefighters'” homes in Selby Cove.", "14", None),
        ("The storm hurt 14 “firefighters” in Selby Cove.", "14", "14 “firefighters”"),
        ("The storm hurt 14 firefighters—mostly volunteers—in Selby Cove.", "14", "14 firefighters"),
        ("Seven of the 30 firefighters were hurt in the Calloway fire.", "Seven", "Seven of the 30 firefighters"),
        # the noun after the number is another clause's, or not the number's alone
        ("Seven were hurt, firefighters said after the Calloway fire.", "Seven", None),
        ("In Calloway 14 were hurt; firefighters on the roof fared worst.", "14", None),
        ("Two died and firefighters nearby called for help.", "Two", None),
    ],
)
def test_a_count_is_said_with_the_noun_it_counts_and_never_runs_past_it(text: str, value: str,
                                                                         said: str | None) -> None:  # fmt: skip
    from rag.whole_values import counted_phrase

    assert counted_phrase(_value_candidate(text, value, "CARDINAL"), "firefighters") == said


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        # the model leaves the house number out of a street's name, and the number out of a road's
        ("The clinic will open at 220 Main St. in Orlow next month.", "Main St.", "220 Main St."),
        ("The tornado touched down near County Road 12 and Fenn Road.", "County Road", "County Road 12"),
        ("The crash closed Highway 61 north of Tansy for six hours.", "Highway", "Highway 61"),
        # a number that is no part of the name stays out
        ("Crews repaved 3 Main Street blocks last year.", "Main Street", "Main Street"),
        ("The plan puts 40 homes on Fenn Road, 2 miles from town.", "Fenn Road", "Fenn Road"),
        ("Traffic on the county road 12,000 cars a day.", "county road", "county road"),
        ("The crash happened on Mill Road 200 yards from the school.", "Mill Road", "Mill Road"),
        ("The clinic opened in 2019 Elm Street offices once used by a bank.", "Elm Street", "Elm Street"),
    ],
)  # fmt: skip
def test_a_place_answer_is_said_with_the_number_of_its_address(text: str, name: str, said: str) -> None:
    from rag.whole_values import place_with_its_number

    assert place_with_its_number(_value_candidate(text, name, "FAC")) == said
