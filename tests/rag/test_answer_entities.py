"""The checks of rag.answer_entities on text written for these tests."""

from __future__ import annotations

import pytest

from rag.answer_entities import _specific
from tests.rag.candidate_helpers import _answers, _passage, _tagged


def test_a_bare_year_is_less_precise_than_a_full_date() -> None:
    assert _specific("2019") < _specific("March 4, 2019") == 1.0
    assert _specific("2019") > _specific("March")
    assert _specific("$4 million") == 1.0


@pytest.mark.parametrize(
    ("text", "number", "is_age"),
    [
        ("Dale Orrin, 52, of Lanford, was charged.", "52", True),
        ("A 34-year-old Lanford man was hurt.", "34", True),
        ("The victim, aged 71, lived alone.", "71", True),
        ("She is 45 years old.", "45", True),
        ("Route 9, 12 miles east of Lanford, was closed.", "12", False),
        ("The council voted 5-2 on 14 items.", "14", False),
        ("Born in 1950, he moved to Lanford.", "1950", False),
        ("At the height of the outage, 8,700 customers were without power.", "8,700", False),
        ("Of the voters, 12.5 percent stayed home.", "12.5", False),
        # "of" and a place name follow an age; "of the" and a possessive follow a count
        ("Tomas Reyne, 33 of Helmsby, was arrested.", "33", True),
        ("On Tuesday, 40 of the Helmsby depot's workers walked out.", "40", False),
        ("In all, 14 of Helmsby's 20 schools closed.", "14", False),
        # a name's age may close its sentence; a number after a town and a comma is no age
        ("The deal closed Monday, said co-op president Ivo Marchetti, 68.", "68", True),
        ("In Helmsby, 12 homes flooded.", "12", False),
        ("Votes for the levy rose to 4,210, 68.", "68", False),
    ],
)
def test_an_age_is_told_by_how_news_writing_gives_one(text: str, number: str, is_age: bool) -> None:
    from rag.answer_entities import states_an_age

    start = text.index(number)
    assert states_an_age(text, start, start + len(number)) is is_age


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("What is the average hourly wage at the Tressan plant?", True),
        ("What does a starting weaver make an hour in Tressan?", True),
        ("How much will a monthly parking pass in Tressan cost?", True),
        ("What will Tressan households pay each month for trash pickup?", True),
        # a period that dates what is asked is no rate
        ("How much did the Tressan plant cost a year ago?", False),
        ("How much did Tressan spend on the plant last year?", False),
        # or per unit of measure
        ("How much per pound will the Tressan cannery pay growers?", True),
        ("What do Tressan farmers pay for an acre-foot of water?", True),
        ("How much did the 40-acre Tressan farm sell for?", False),
    ],
)  # fmt: skip
def test_a_question_may_ask_for_a_sum_per_period(question: str, rate: bool) -> None:
    from rag.answer_entities import asked_rate

    assert (asked_rate(question) is not None) is rate


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("How much does the Wrenmouth ferry charge for a foot passenger?",
         "The Wrenmouth ferry charges $4 for foot passengers.", "$4"),
        ("How much does Carrow College charge for a degree in nursing?",
         "A nursing degree at Carrow College costs $48,000 over four years.", "$48,000"),
        ("How much did Marla's Bakery charge for a pound cake?",
         "Marla's Bakery sold its pound cakes for $12 each at the Orlow fair.", "$12"),
        ("How much did Quarrel County pay for a mile-long stretch of Route 9?",
         "Quarrel County paid $4 million to repave the mile-long stretch of Route 9.", "$4 million"),
    ],
)  # fmt: skip
def test_a_thing_bought_whole_named_by_a_unit_asks_for_no_price_per_unit(question: str, text: str, value: str) -> None:
    """"for a foot passenger", "for a pound cake": a unit's word in a thing's name asks no price per foot or pound;
    "for a gallon of gas" does."""
    from rag.answer_entities import asked_rate

    assert _answers(question, _passage(text, _tagged(text, "MONEY", value))) == [value]
    assert asked_rate("How much did Wrenmouth pay for a gallon of diesel?") is not None


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
    from rag.answer_entities import _in_a_dateline

    listed = ("Bids received:\nHESKETH PAVING, Orlow - $1.2 million\nTALLIS BUILDERS, Kan. (AP) - wire copy\n"
              "ORLOW FALLS, KAN. (AP) - more wire copy")  # fmt: skip
    assert not _in_a_dateline(listed, listed.index("HESKETH"), listed.index("HESKETH") + len("HESKETH PAVING"))
    assert _in_a_dateline(listed, listed.index("TALLIS"), listed.index("TALLIS") + len("TALLIS BUILDERS"))
    assert _in_a_dateline(listed, listed.index("ORLOW FALLS"), listed.index("ORLOW FALLS") + len("ORLOW FALLS"))
    # a dateline that gives the state after the town, as US wire stories do
    state = text.replace("TARRING FORD (KVNR)", "TARRING FORD, Kan. (KVNR)")
    town = state.index("in Tarring Ford") + len("in ")
    passage = _passage(state, [(town, town + len("Tarring Ford"), "ORG"), *_tagged(state, "ORG", "KVNR"),
                               *_tagged(state, "ORG", "Hensel Fuel Supply")])  # fmt: skip
    assert _answers("Which business did the diesel that killed fish in Mossy Brook come from?", passage) == [
        "Hensel Fuel Supply"
    ]


@pytest.mark.parametrize(("text", "name", "label", "holds"), [
    ("The Tarnby school board named Dana Lisle its new superintendent on Monday.", "Dana Lisle", "PERSON", True),
    ("The city hired a Tarrow firm named Orrel Design as architect for the new library.", "Orrel Design", "ORG",
     True),
    ("A Tarrow firm called Hesketh Partners will serve as architect for the new library.", "Hesketh Partners", "ORG",
     True),
    ("A group called Save Hollin sued the architect of the new library on Monday.", "Save Hollin", "ORG", False),
])  # fmt: skip
def test_a_word_of_naming_gives_a_role_named_right_after_the_name(text: str, name: str, label: str,
                                                                  holds: bool) -> None:  # fmt: skip
    """"named Dana Lisle its new superintendent": the role's noun follows the name, with only "as", "its new",
    "will serve as" between; "called Save Hollin sued the architect" gives the group no role."""
    from rag.answer_entities import _names_the_focus
    from rag.text import stems

    start = text.index(name)
    role = "superintendent" if "superintendent" in text else "architect"
    assert _names_the_focus(text, (start, start + len(name), label), set(stems(role)), set(), (0, len(text)),
                            True) is holds  # fmt: skip


def test_a_measure_of_another_dimension_does_not_answer_how_high_or_how_fast() -> None:
    """"How high did the surge get?" takes a length, not "71 mph" (a gust's speed); "How high were the winds?" asks
    for a speed; "How fast was it going?" takes no length; a number without a unit is not judged."""
    from rag.answer_entities import _of_another_dimension

    text = "In Orrin Bay the strongest gust reached 71 mph, and the surge pushed the water 4.1 feet above the tide."
    passage = _passage(text, _tagged(text, "QUANTITY", "71 mph", "4.1 feet") + _tagged(text, "GPE", "Orrin Bay"))
    assert _answers("How high did the storm surge get in Orrin Bay?", passage) == ["4.1 feet"]
    assert "71 mph" in _answers("How high were the winds in Orrin Bay?", passage)
    assert _of_another_dimension("How fast was the Tamsin ferry going?", "40 feet")
    assert not _of_another_dimension("How fast was the Tamsin ferry going?", "40 miles an hour")
    assert not _of_another_dimension("How deep is Orrin Lake?", "40")
    assert not _of_another_dimension("How hot did it get in Orrin Bay?", "104 degrees")
    assert _of_another_dimension("How hot did it get in Orrin Bay?", "6 inches")


def test_a_measure_the_question_may_ask_in_another_dimension_is_not_dropped() -> None:
    """"How heavy was the snowfall?" takes inches; "How high was the fever?" degrees; "How high did it get?" may ask
    for the heat; a length in a time ("2 feet an hour") is a speed for "How fast ...?"."""
    from rag.answer_entities import _of_another_dimension

    assert not _of_another_dimension("How heavy was the snowfall in Ellsmere?", "10 inches")
    assert not _of_another_dimension("How heavy was the rain in Quarrow?", "3.2 inches")
    assert _of_another_dimension("How heavy was the rain in Quarrow?", "45 mph")
    assert _of_another_dimension("How heavy was the truck?", "10 inches")
    assert not _of_another_dimension("How high was the boy's fever?", "104 degrees")
    assert not _of_another_dimension("How high did it get in Quarrow on Monday?", "104 degrees")
    assert _of_another_dimension("How high did the Tarn River get?", "104 degrees")
    text = "The Vellan River rose 2 feet an hour on Saturday, as gusts reached 40 mph."
    passage = _passage(text, _tagged(text, "QUANTITY", "2 feet", "40 mph") + _tagged(text, "DATE", "Saturday"))
    assert "2 feet" in _answers("How fast did the Vellan River rise?", passage)
    text = "The ferry was going 18 knots when it hit a pier 40 feet from shore."
    passage = _passage(text, _tagged(text, "QUANTITY", "18 knots", "40 feet"))
    assert _answers("How fast was the ferry going?", passage) == ["18 knots"]


def test_a_word_ending_like_a_number_is_no_figure() -> None:
    """"twenty" and "fifteen" are number words; "city", "county" and "plenty" only end like them: a value the model
    tags as a number with none of them in it has no figure."""
    from rag.answer_entities import _A_FIGURE

    assert _A_FIGURE.search("twenty-five") and _A_FIGURE.search("fifteen")
    assert not any(_A_FIGURE.search(value) for value in ("as big as a city", "the county", "plenty"))
    text = "Hail as big as a city bus fell on Brantley."
    assert _answers("How much hail fell on Brantley?", _passage(text, _tagged(text, "CARDINAL", "as big as a city"))) == []


def test_how_heavy_a_snowfall_was_is_a_depth() -> None:
    """"How heavy was the snowfall?" is answered in inches, not left unanswered as a weight would be; "How heavy
    was the truck?" still takes no length."""
    from rag.answer_entities import _of_another_dimension

    assert not _of_another_dimension("How heavy was the snowfall in Brantley?", "14 inches")
    assert not _of_another_dimension("How heavy was the rain in Brantley?", "3 inches")
    assert _of_another_dimension("How heavy was the Brantley fire truck?", "40 feet")


def test_an_area_or_a_volume_is_no_height_or_depth() -> None:
    """"How tall will the wind turbines be?" takes no "4,100 acres" (the turbines' wind is no wind asked about);
    "How deep is the reservoir?" no "31,000 acre-feet" (a volume, though it ends in "feet"); a height in feet
    still answers, and "How big ...?" asks for no one dimension."""
    from rag.answer_entities import _of_another_dimension

    assert _of_another_dimension("How tall will the Orrin Ridge wind turbines be?", "about 4,100 acres")
    assert not _of_another_dimension("How tall will the Orrin Ridge wind turbines be?", "about 590 feet")
    assert _of_another_dimension("How deep is the Tamsin reservoir?", "31,000 acre-feet")
    assert not _of_another_dimension("How big is the Tamsin farm?", "300 acres")
    assert not _of_another_dimension("How high were the winds at Orrin Ridge?", "71 mph")
    text = "The Orrin Ridge turbines would stand about 590 feet on about 4,100 acres of leased land."
    passage = _passage(text, _tagged(text, "QUANTITY", "about 590 feet", "about 4,100 acres"))
    assert _answers("How tall will the Orrin Ridge wind turbines be?", passage) == ["about 590 feet"]


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
    from rag.answer_entities import _a_place_by_its_name

    start = text.index(name)
    assert _a_place_by_its_name(text, start, start + len(name)) is place


@pytest.mark.parametrize(("question", "text", "another"), [
    ("Who is president of the Tarnby teachers union?", "Board President Ada Renn said the vote was 5-2.", True),
    ("Who is president of the Tarnby school board?", "Board President Ada Renn said the vote was 5-2.", False),
    ("Who is president of the Tarnby teachers union?", "Union President Ada Renn said members voted.", False),
    ("Who is president of the Tarnby teachers union?", "President Ada Renn said members voted.", False),
])  # fmt: skip
def test_the_head_of_another_body_does_not_answer_for_the_body_asked(question: str, text: str,
                                                                    another: bool) -> None:  # fmt: skip
    from rag.answer_entities import _head_of_another_body

    at = text.index("Ada Renn")
    assert _head_of_another_body("president", question, text, (at, at + 8), (0, len(text))) is another
    passage = _passage(text, _tagged(text, "PERSON", "Ada Renn"), "Tarnby", "Oxley Star")
    assert ("Ada Renn" in _answers(question, passage)) is not another


@pytest.mark.parametrize(
    ("role", "question", "text", "name", "another"),
    [
        # the kind before the role: a word of status, a lowercase noun, a possessive
        ("chief", "Who will be Tarnby's permanent police chief?", "Deputy Chief Ada Renn will serve as interim chief "
         "until the search ends.", "Ada Renn", True),
        ("driver", "What is the name of the sedan driver who was hurt?", "The van's driver, Dale Orrin, 52, had minor "
         "injuries.", "Dale Orrin", True),
        ("coach", "Who is the head coach at Tarnby High?", "Assistant coach Bo Lisle ran Tuesday's practice.",
         "Bo Lisle", True),
        ("director", "Who is Tarnby's finance director?", "The roof leaks, library director Ada Renn said.",
         "Ada Renn", True),  # a noun the role is a compound of
        # the same kind, a kind of one meaning, or no kind on either side
        ("chief", "Who is Tarnby's acting police chief?", "The council named Ada Renn interim chief.", "Ada Renn",
         False),
        ("driver", "What is the name of the sedan driver who was hurt?", "The sedan's driver, Dale Orrin, 52, was "
         "flown to Orlow General.", "Dale Orrin", False),
        ("chief", "Who is Tarnby's new police chief?", "The council named Ada Renn interim police chief.", "Ada Renn",
         False),
        ("principal", "Who is the new principal of Tarnby Middle School?", "Tarnby Middle School Principal Ada Renn "
         "will retire in June.", "Ada Renn", False),
        # a service's word in capitals right before the title is its kind ("Fire Chief")
        ("chief", "Who is the police chief in Tarnby?", "Fire Chief Ada Renn said crews went door to door.",
         "Ada Renn", True),
        ("chief", "Who is the fire chief in Tarnby?", "Fire Chief Ada Renn said crews went door to door.",
         "Ada Renn", False),
        ("chief", "Who is the chief of the Tarnby police?", "Deputy Chief Ada Renn spoke for the department.",
         "Ada Renn", False),
        # a sentence's other words before the role are no kind of it
        ("principal", "Who is the high school principal?", "Classes start Sept. 3, said longtime principal Ada "
         "Renn.", "Ada Renn", False),
        ("director", "Who is the county's health director?", "Ada Renn, who became director of the health "
         "department in May, spoke.", "Ada Renn", False),
        ("director", "Who is Tarnby's finance director?", "The budget is balanced, finance director Ada Renn said.",
         "Ada Renn", False),
        ("superintendent", "Who is the Tarnby school superintendent?", "Tarnby schools superintendent Ada Renn "
         "spoke.", "Ada Renn", False),  # the compound's noun in the plural
    ],
)  # fmt: skip
def test_a_role_of_another_kind_does_not_answer_for_the_kind_asked(
    role: str, question: str, text: str, name: str, another: bool
) -> None:
    from rag.answer_entities import another_kind_of

    at = text.index(name)
    assert another_kind_of(role, question, text, (at, at + len(name)), (0, len(text))) is another


def test_a_dateline_taken_for_a_name_is_no_answer() -> None:
    from rag.answer_entities import _in_a_dateline

    text = "ORLOW FALLS - The storefront on Mill Street will reopen as a bakery."
    assert _in_a_dateline(text, 0, len("ORLOW FALLS -"))
    assert not _in_a_dateline("ORLOW FALLS is a town.", 0, len("ORLOW FALLS"))


@pytest.mark.parametrize("span", ["Capt", "Orlow Middle School to Quell Roofing of", "Quell Roofing of"])
def test_a_span_that_is_no_name_answers_no_who_or_where(span: str) -> None:
    """The model's spans: "Capt" left when "TARNBY - Capt" loses its dateline, two names joined by "to"."""
    from rag.answer_entities import _NO_NAME

    assert _NO_NAME.search(span)
    for name in ("Capt. Ada Moss", "Friends of the Orlow Library", "Quell Roofing", "Bank of Tarnby"):
        assert not _NO_NAME.search(name)


@pytest.mark.parametrize(("text", "acts"), [
    ("After-school clubs were called off by Quell Middle School for the week.", True),
    ("Quell Middle School will hold a counseling session on Thursday.", True),
    ("Quell Middle School needs $2 million in repairs.", False),
])  # fmt: skip
def test_a_name_that_acts_in_its_sentence(text: str, acts: bool) -> None:
    from rag.answer_entities import _does_something

    start = text.index("Quell Middle School")
    assert _does_something(text, start, start + 19, 0, len(text), acts=True) is acts
