"""The checks of rag.measures on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _answers, _passage, _tagged


def test_a_measure_of_another_dimension_does_not_answer_how_high_or_how_fast() -> None:
    """"How high did the surge get?" takes a length, not "71 mph" (a gust's speed); "How high were the winds?" asks
    for a speed; "How fast was it going?" takes no length; a number without a unit is not judged."""
    from rag.measures import of_another_dimension

    text = "In Orrin Bay the strongest gust reached 71 mph, and the surge pushed the water 4.1 feet above the tide."
    passage = _passage(text, _tagged(text, "QUANTITY", "71 mph", "4.1 feet") + _tagged(text, "GPE", "Orrin Bay"))
    assert _answers("How high did the storm surge get in Orrin Bay?", passage) == ["4.1 feet"]
    assert "71 mph" in _answers("How high were the winds in Orrin Bay?", passage)
    assert of_another_dimension("How fast was the Tamsin ferry going?", "40 feet")
    assert not of_another_dimension("How fast was the Tamsin ferry going?", "40 miles an hour")
    assert not of_another_dimension("How deep is Orrin Lake?", "40")
    assert not of_another_dimension("How hot did it get in Orrin Bay?", "104 degrees")
    assert of_another_dimension("How hot did it get in Orrin Bay?", "6 inches")


def test_a_measure_the_question_may_ask_in_another_dimension_is_not_dropped() -> None:
    """"How heavy was the snowfall?" takes inches; "How high was the fever?" degrees; "How high did it get?" may ask
    for the heat; a length in a time ("2 feet an hour") is a speed for "How fast ...?"."""
    from rag.measures import of_another_dimension

    assert not of_another_dimension("How heavy was the snowfall in Ellsmere?", "10 inches")
    assert not of_another_dimension("How heavy was the rain in Quarrow?", "3.2 inches")
    assert of_another_dimension("How heavy was the rain in Quarrow?", "45 mph")
    assert of_another_dimension("How heavy was the truck?", "10 inches")
    assert not of_another_dimension("How high was the boy's fever?", "104 degrees")
    assert not of_another_dimension("How high did it get in Quarrow on Monday?", "104 degrees")
    assert of_another_dimension("How high did the Tarn River get?", "104 degrees")
    text = "The Vellan River rose 2 feet an hour on Saturday, as gusts reached 40 mph."
    passage = _passage(text, _tagged(text, "QUANTITY", "2 feet", "40 mph") + _tagged(text, "DATE", "Saturday"))
    assert "2 feet" in _answers("How fast did the Vellan River rise?", passage)
    text = "The ferry was going 18 knots when it hit a pier 40 feet from shore."
    passage = _passage(text, _tagged(text, "QUANTITY", "18 knots", "40 feet"))
    assert _answers("How fast was the ferry going?", passage) == ["18 knots"]


def test_how_heavy_a_snowfall_was_is_a_depth() -> None:
    """"How heavy was the snowfall?" is answered in inches, not left unanswered as a weight would be; "How heavy
    was the truck?" still takes no length."""
    from rag.measures import of_another_dimension

    assert not of_another_dimension("How heavy was the snowfall in Brantley?", "14 inches")
    assert not of_another_dimension("How heavy was the rain in Brantley?", "3 inches")
    assert of_another_dimension("How heavy was the Brantley fire truck?", "40 feet")


def test_an_area_or_a_volume_is_no_height_or_depth() -> None:
    """"How tall will the wind turbines be?" takes no "4,100 acres" (the turbines' wind is no wind asked about);
    "How deep is the reservoir?" no "31,000 acre-feet" (a volume, though it ends in "feet"); a height in feet
    still answers, and "How big ...?" asks for no one dimension."""
    from rag.measures import of_another_dimension

    assert of_another_dimension("How tall will the Orrin Ridge wind turbines be?", "about 4,100 acres")
    assert not of_another_dimension("How tall will the Orrin Ridge wind turbines be?", "about 590 feet")
    assert of_another_dimension("How deep is the Tamsin reservoir?", "31,000 acre-feet")
    assert not of_another_dimension("How big is the Tamsin farm?", "300 acres")
    assert not of_another_dimension("How high were the winds at Orrin Ridge?", "71 mph")
    text = "The Orrin Ridge turbines would stand about 590 feet on about 4,100 acres of leased land."
    passage = _passage(text, _tagged(text, "QUANTITY", "about 590 feet", "about 4,100 acres"))
    assert _answers("How tall will the Orrin Ridge wind turbines be?", passage) == ["about 590 feet"]


@pytest.mark.parametrize(("question", "text", "values", "answers"), [
    # a width, a thickness or a depth is told by a word of it; a bare length is how long something is or gets
    ("How wide is Runway 9 at Velt airport?", "The extension will add 900 feet to Runway 9 at Velt airport, bringing "
     "it to 5,500 feet.", ("900 feet", "5,500 feet"), []),
    ("How wide is Runway 9 at Velt airport?", "Runway 9 at Velt airport is 100 feet wide.", ("100 feet",),
     ["100 feet"]),
    ("How wide will the Orby bike path be?", "The Orby bike path will have a width of 12 feet.", ("12 feet",),
     ["12 feet"]),
    ("How deep is the Orby well?", "The Orby well reaches 340 feet below the surface.", ("340 feet",), ["340 feet"]),
    ("How deep is the Orby well?", "The Orby well serves 300 homes along 2 miles of Mill Road.", ("2 miles",), []),
    ("How thick is the new ice at Velt pond?", "The new ice at Velt pond is 6 inches thick.", ("6 inches",),
     ["6 inches"]),
    # nor asked of how far or how tall, which a bare length may answer
    ("How tall is the Orby water tower?", "The 120-foot Orby water tower will be painted in May.", ("120-foot",),
     ["120-foot"]),
])  # fmt: skip
def test_a_width_a_thickness_or_a_depth_is_told_by_a_word_of_it(
    question: str, text: str, values: tuple[str, ...], answers: list[str]
) -> None:
    passage = _passage(text, _tagged(text, "QUANTITY", *values))
    assert _answers(question, passage) == answers
