"""Where a question's constraints hold (rag.constraint), on questions and texts written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse
from rag.text import normalise, words
from tests.rag.constraint_helpers import holds, kinds


def test_a_possessive_name_holds_as_written() -> None:
    """The key of "Brannock's Hardware" drops the possessive; the article keeps it."""
    assert holds("Who bought Brannock's Hardware?", "For the first time since 1951, Brannock's Hardware has a new owner.")
    assert holds("Who bought Brannock's Hardware?", "Brannock’s Hardware has a new owner.")
    assert not holds("Who bought Brannock's Hardware?", "Brannock Lumber and Orrin Hardware both have new owners.")


def test_a_year_range_is_not_met_by_a_neighbouring_range() -> None:
    question = "How large a budget did Brantley approve for 2009-2010?"
    assert holds(question, "Brantley approved a $14 million budget for fiscal 2009-10.")
    assert holds(question, "Brantley's 2009–2010 budget came to $14 million.")
    assert not holds(question, "Brantley approved a $13 million budget for fiscal 2008-2009.")


def test_identifiers_match_exactly_and_names_tolerate_spelling() -> None:
    assert not holds("What was the vote on Ordinance Quillport042?", "Ordinance Quillport049 passed 4-1.")
    assert holds("What was the vote on Ordinance Quillport042?", "Ordinance Quillport042 passed 4-1.")
    assert holds("What did Zelenskyy say?", "Zelensky said the talks would go on.")
    assert not holds("How many homes were damaged in Scott County?", "The storm damaged 12 homes in Geauga County.")
    assert holds("When do the Corliss-Greer rules start?", "The Corliss-Greer district rules start in May.")


def test_a_percentage_holds_written_with_a_sign_or_in_words() -> None:
    question = "When does the 4% fare increase on the Orlow ferry start?"
    assert holds(question, "On the Orlow ferry, the 4% increase starts March 1.")
    assert holds(question, "On the Orlow ferry, the 4 percent increase starts March 1.")
    assert not holds(question, "On the Orlow ferry, the 14% increase starts March 1.")
    question = "When does the 4 percent fare increase on the Orlow ferry start?"
    assert holds(question, "Orlow ferry fares rise 4% in March.")


def test_a_size_joined_to_a_noun_holds_in_digits_or_words_with_or_without_a_hyphen() -> None:
    question = "What is the rent for a two-bedroom apartment at the Ostrava Flats?"
    assert kinds(question)["two-bedroom"] == "size"
    assert holds(question, "At the Ostrava Flats a 2-bedroom apartment rents for $1,400.")
    assert holds(question, "Apartments with two bedrooms at the Ostrava Flats rent for $1,400.")
    assert not holds(question, "One-bedroom apartments at the Ostrava Flats rent for $1,100.")
    assert not holds(question, "A 12-bedroom inn stands beside the Ostrava Flats.")
    assert holds("What does a 64-gallon cart cost in Pell?", "In Pell a 64 gallon cart costs $21.")
    assert holds("Who will build the 12-story Pell tower?", "The Pell tower will rise 12 stories.")
    # a length of time is no size: outlets time one event differently ("a call of nearly an hour")
    assert "two-hour" not in kinds("How long did the two-hour hearing in Ostrava last?")


@pytest.mark.parametrize(("text", "holds"), [
    ("Wexley's council voted 4-3 on Monday.", True),
    ("The Wexley City Council met on Monday.", True),
    ("Council members in Wexley voted 4-3.", True),
    ("The Dunning council will share the shelter with Wexley.", False),
    ("The Wexley Arts Festival opens Friday.", False),
])  # fmt: skip
def test_a_name_given_with_a_noun_for_what_it_names_holds_only_near_that_noun(text: str, holds: bool) -> None:
    from rag.constraint import Constraint

    wexley_council = Constraint("Wexley", "name", label="ORG", keys=("wexley",), near=("city", "council"))
    assert wexley_council.holds_in(normalise(text), set(words(text))) is holds


@pytest.mark.parametrize(("question", "text", "holds"), [
    ("Was anyone hurt in the fire on Pell Street?", "A fire gutted a duplex at 46 Pell St. early Sunday.", True),
    ("What happened on Pell St.?", "A fire gutted a duplex on Pell Street early Sunday.", True),
    ("What happened on Pell Avenue?", "A fire gutted a duplex at 46 Pell Ave. early Sunday.", True),
    ("What happened on Pell Street?", "A fire gutted a duplex on Pell Avenue early Sunday.", False),
])  # fmt: skip
def test_a_street_holds_in_its_abbreviated_form(question: str, text: str, holds: bool) -> None:
    """"Pell Street" is "Pell St." in an address, and the other way round; another street type is another street."""
    street = next(c for c in analyse(question).constraints if "Pell" in c.text)
    assert street.holds_in(normalise(text), set(words(text))) is holds


@pytest.mark.parametrize(("text", "holds"), [
    ("Parking fees\nHARWICK - The City Council voted 5-2 on Tuesday to reject the fees.", True),
    ("HARWICK, Ohio (AP) - Council members voted 5-2 on Tuesday.", True),
    ("The Harwick City Council voted 5-2 on Tuesday.", True),
    # the place only in passing, or another place's dateline; no council at all
    ("Parking fees\nDUNMORE - The council voted 5-2, as Harwick did last year.", False),
    ("Parking fees\nHARWICK - The planning board voted 5-2 on Tuesday.", False),
    # a hyphen is no dateline's dash; a boardwalk is no board
    ("Parking fees\nHarwick-based Lakeside Foods won a tax break from the Orlow council.", False),
])  # fmt: skip
def test_a_local_bodys_name_holds_in_an_article_whose_dateline_gives_its_place(text: str, holds: bool) -> None:
    """"Did the Harwick City Council approve the fees?": local news names the town in the dateline and writes "the
    council" after it."""
    council = next(c for c in analyse("Did the Harwick City Council approve the fees?").constraints)
    assert council.holds_in(normalise(text), set(words(text))) is holds


@pytest.mark.parametrize("text", [
    "The Friends of the Orrick Library raised $12,400 at its book sale.",
    "Friends of Orrick Library raised $12,400 at its book sale.",
])  # fmt: skip
def test_a_the_inside_a_name_may_be_left_out_by_an_outlet(text: str) -> None:
    assert holds("How much did the Friends of the Orrick Library raise?", text)


@pytest.mark.parametrize(("text", "holds"), [
    ("Polls in Ward No. 3 open at 7 a.m.", True),
    ("Polls in the Third Ward open at 7 a.m.", True),
    ("Harold Voss represents the 3rd Ward.", True),
    ("Voters in Ward 3 may use the library.", True),
    ("Voters in Ward 30 may use the library.", False),
    ("Voters in Ward 4 may use the library.", False),
])  # fmt: skip
def test_a_numbered_name_holds_as_news_writes_it(text: str, holds: bool) -> None:
    """"Ward 3" is "the Third Ward", "the 3rd Ward"; not Ward 30 or Ward 4."""
    from rag.text import normalise

    ward = next(c for c in analyse("Who represents Ward 3 on the council?").constraints if c.kind == "numbered")
    assert ward.holds_in(normalise(text), set(words(text))) is holds
