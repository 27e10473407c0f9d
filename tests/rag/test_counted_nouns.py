"""The checks of rag.counted_nouns on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _value_candidate


@pytest.mark.parametrize(("text", "value", "counted"), [
    # the parser hangs the number on the first word of a compound in the plural: what the compound names is counted
    ("The Orlow district logged 540 ambulance calls last year.", "540", "call"),
    ("The town has 12 police officers.", "12", "officer"),
    # not a measure before a noun in the singular, nor the parser's compound of a noun in the singular
    ("Judge Ada Quist wrote a 22-page decision.", "22", "page"),
    ("The new rates apply to the 310 metered spaces downtown.", "310", "space"),
    # "an estimated" and "a record" hang on the noun as the number does
    ("The storm uprooted an estimated 600 trees in Orlow.", "an estimated 600", "tree"),
    ("An estimated 3,500 people came to the Orlow fair.", "An estimated 3,500", "people"),
])  # fmt: skip
def test_a_number_before_a_compound_counts_its_last_noun(text: str, value: str, counted: str) -> None:
    from rag.counted_nouns import counted_noun

    assert counted_noun(_value_candidate(text, value, "CARDINAL")) == counted


@pytest.mark.parametrize(("question", "text", "value", "names_one"), [
    ("How many bus routes does Orby run?", "Orby will end service on Routes 2 and 15 in June.", "15", True),
    ("How many trains stop at Orby station?", "Orby Transit moved Routes 2 and 15 to the station.", "15", True),
    ("How many voters live in Orby?", "About 2,300 voters are registered in Precinct 7, officials said.", "7", True),
    # a count, and a score beside a team's name
    ("How many buses does Orby run?", "Orby Transit runs 24 buses on nine routes.", "24", False),
    ("How many points did Harrowgate score?", "Final: Orby 58, Harrowgate 51.", "51", False),
    # a number right after a lowercase singular noun, after a preposition or an article, names one too
    ("How many lanes will the new Orby track have?", "Cracks run across lane 3 of the Orby track.", "3", True),
    # not after a word that says how many, nor before the noun it counts
    ("How many complaints has Orby received?", "Complaints to the town number 212, the clerk said.", "212", False),
    ("How many people live in Orby?", "The town of Orby, population 8,200, voted on Tuesday.", "8,200", False),
    ("How many people live in Orby?", "Orby, with a population 8,200, voted on Tuesday.", "8,200", False),
    ("How many kindergartners enrolled in Orby?", "Enrollment by grade: kindergarten 188, first grade 175.", "188",
     False),
    ("How many lanes will the new Orby track have?", "The new Orby track will have 8 lanes.", "8", False),
])  # fmt: skip
def test_a_number_that_names_one_of_a_kind_is_no_count(question: str, text: str, value: str, names_one: bool) -> None:
    from rag.counted_nouns import names_one_by_its_number
    from rag.query import analyse

    assert names_one_by_its_number(analyse(question), _value_candidate(text, value, "CARDINAL")) is names_one
