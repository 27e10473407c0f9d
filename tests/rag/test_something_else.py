"""The checks of rag.something_else on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.rag.candidate_helpers import _flags, _passage, _value_candidate

if TYPE_CHECKING:
    from rag.candidate import Candidate
    from rag.word_likeness import WordLikeness

_JAIL_BEDS = "The plan adds 60 beds to the Quell County jail, which has 150, for a total of 210."
_FOOD_BANK = "The Quell food bank fed 1,900 families in 2023 and expects to feed 2,200 this year."


@pytest.mark.parametrize(
    ("question", "text", "value", "label", "other"),
    [
        ("How many firefighters were hurt in the Quell Court fire?", "The fire broke out in a 12-unit building on "
         "Quell Court.", "12", "CARDINAL", True),
        ("How many firefighters were hurt in the Quell Court fire?", "Three firefighters were hurt in the Quell Court "
         "fire.", "Three", "CARDINAL", False),
        # a number that says nothing of what it counts may count the thing asked
        ("How many inmates can the Quell County jail hold?", "The Quell County jail has 16.", "16", "CARDINAL", False),
        # and so may one that counts by the question's verb
        ("How many people got arrested on Quell Lake last summer?", "Deputies made 23 arrests on Quell Lake last "
         "summer.", "23", "CARDINAL", False),
        # a question that counts nothing
        ("When did the Quell Court fire start?", "The fire broke out in a 12-unit building on Quell Court.", "12",
         "CARDINAL", False),
        # a number standing alone counts the noun the sentence counted last before it
        ("How many deputies work at the Quell County jail?", _JAIL_BEDS, "150", "CARDINAL", True),
        ("How many deputies work at the Quell County jail?", _JAIL_BEDS, "210", "CARDINAL", True),
        ("How many beds does the Quell County jail have?", _JAIL_BEDS, "150", "CARDINAL", False),
        ("How many teachers work at Quell Elementary?", "Enrollment at Quell Elementary rose from 310 pupils last "
         "year to 345 this fall.", "345", "CARDINAL", True),
        ("How many volunteers does the Quell food bank have?", _FOOD_BANK, "2,200", "CARDINAL", True),
        ("How many families will the Quell food bank feed this year?", _FOOD_BANK, "2,200", "CARDINAL", False),
        # after another verb it counts no noun before it; after "more" it does
        ("How many visitors did the Quell library draw?", "The Quell library bought 40 computers last year and drew "
         "52,000.", "52,000", "CARDINAL", False),
        ("How many members does the Quell lighthouse society have?", "The Quell lighthouse society owns one "
         "lighthouse and leases two more from the state.", "two", "CARDINAL", True),
        # a number before "all" and a noun counts the noun
        ("How many teachers does the Quell district have?", "The Quell district runs 45 all new buses.", "45",
         "CARDINAL", True),
        # not a count that describes the number's own subject, nor a part of what "them" stands for
        ("How many guides work at the Quell lodge?", "The Quell lodge, which has 40 rooms, employs 25 in summer.",
         "25", "CARDINAL", False),
        ("How many freshmen are in the Quell High band?", "The Quell High band has 70 members, 15 of them freshmen.",
         "15", "CARDINAL", False),
        # a noun for those who do the question's verb counts them: "applicants" for "applied", "bidders" for "bid"
        ("How many people applied for the Quell clerk's job?", "The board said the search drew 31 applicants.", "31",
         "CARDINAL", False),
        ("How many companies bid on the Quell pool?", "The town heard from four bidders in all.", "four", "CARDINAL",
         False),
        ("How many cars passed the Quell checkpoint?", "The ferry carried 90 passengers on Sunday.", "90", "CARDINAL",
         True),
        # a number hyphen-joined to a noun tells a kind of the thing, not how many there are
        ("How many lofts will the Quell mill hold?", "Its one-bedroom lofts will rent for $1,100 a month.", "one",
         "CARDINAL", True),
        ("How many bedrooms do the Quell lofts have?", "Its one-bedroom lofts will rent for $1,100 a month.", "one",
         "CARDINAL", False),
        # whatever the parser makes of the noun described ("home" taken for an adverb here)
        ("How many exam rooms does the Quell clinic have?", "Inspectors fined Orrin Manor, a 96-bed nursing home in "
         "Quell, $8,500.", "96", "CARDINAL", True),
        # a number the model tagged with a word of a compound noun counts the compound's noun
        ("How many ambulances does Quell have?", "Quell logged 610 ambulance calls last year.", "610 ambulance",
         "CARDINAL", True),
        ("How many ambulance calls did Quell log?", "Quell logged 610 ambulance calls last year.", "610 ambulance",
         "CARDINAL", False),
    ],
)  # fmt: skip
def test_a_number_of_something_else_answers_no_how_many_question(
    question: str, text: str, value: str, label: str, other: bool
) -> None:
    from rag.query import analyse
    from rag.something_else import counts_something_else

    assert counts_something_else(analyse(question), _value_candidate(text, value, label)) is other


def test_a_number_of_something_alike_in_meaning_counts_the_thing_asked(likeness: "WordLikeness") -> None:
    """"about 310 riders" counts the people "How many people ride the bus?" asks about; "14 intersections" counts
    no cars."""
    from rag.query import analyse
    from rag.something_else import counts_something_else

    riders = _value_candidate("Route 9 carries about 310 riders on a weekday.", "about 310", "CARDINAL")
    assert not counts_something_else(analyse("How many people ride the Route 9 bus on a weekday?"), riders, likeness)
    signals = _value_candidate("New signals will go up at 14 intersections along Quell Avenue.", "14", "CARDINAL")
    assert counts_something_else(analyse("How many cars a day travel on Quell Avenue?"), signals, likeness)
    # a unit of "a 16-unit building" is one of its homes, hyphen-joined or not
    units = _value_candidate("The Quell Hotel will become a 16-unit apartment building.", "16", "CARDINAL")
    assert not counts_something_else(analyse("How many apartments will the Quell Hotel hold?"), units, likeness)
    assert counts_something_else(analyse("How many buildings does Quell Hotel own?"), units, likeness)
    # and it counts homes, not the people living in them
    assert counts_something_else(analyse("How many Quell Hotel tenants signed the letter?"), units, likeness)


def test_jobs_are_counted_only_by_the_nouns_news_counts_jobs_by(likeness: "WordLikeness") -> None:
    """"120 new boat slips" counts no jobs, though word likeness puts "boat" near "job"; "employ 120 people" does."""
    from rag.query import analyse
    from rag.something_else import counts_something_else

    question = analyse("How many new jobs will the Orlow marina expansion create?")
    slips = _value_candidate("The board let the Orlow marina build 120 new boat slips on the lake.", "120", "CARDINAL")
    assert counts_something_else(question, slips, likeness)
    people = _value_candidate("The Orlow marina expects to employ 120 people after the expansion.", "120", "CARDINAL")
    assert not counts_something_else(question, people, likeness)
    # nor does a utility's count of customers count its employees, however alike the nouns of people
    workers = analyse("How many employees work at the Orlow utility?")
    customers = _value_candidate("At the peak, 9,400 of the Orlow utility's 11,900 customers lost power.", "11,900",
                                 "CARDINAL")
    assert counts_something_else(workers, customers, likeness)
    staff = _value_candidate("The Orlow utility has 85 workers on its payroll.", "85", "CARDINAL")
    assert not counts_something_else(workers, staff, likeness)


_ASKED_FOR_BEDS = "Mayor Ada Renn asked Quell County for more addiction treatment beds on Tuesday. The county has 12."


@pytest.mark.parametrize(
    ("question", "text", "other"),
    [
        ("How many nurses work at the Quell County clinic?", _ASKED_FOR_BEDS, True),
        ("How many treatment beds does Quell County have?", _ASKED_FOR_BEDS, False),
        # "more money" is no thing counted
        ("How many snowplows does Quell County have?", "Quell County spent more money on snow removal this winter "
         "than ever. The county has 12.", False),
    ],
)
def test_a_number_a_place_has_counts_what_the_sentence_before_asks_more_of(question: str, text: str,
                                                                          other: bool) -> None:  # fmt: skip
    """"asked for more addiction treatment beds. The county has 12.": 12 beds (the parser hangs "more" on
    "addiction")."""
    from rag.candidate import Candidate
    from rag.query import analyse
    from rag.something_else import counts_something_else

    start = text.index("The county")
    value = text.index("12")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + 2, "CARDINAL")])
    assert counts_something_else(analyse(question), candidate) is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        ("What rent will the Tressan apartments charge?", "The council gave up to $38 million in financing to the "
         "Tressan developer.", "$38 million", True),
        ("What rent will the Tressan apartments charge?", "Rents at the Tressan apartments will start at $950 a "
         "month.", "$950", False),
        # a question for a sum of no named kind
        ("How much will the Tressan apartments cost?", "The council gave up to $38 million in financing to the "
         "Tressan developer.", "$38 million", False),
        # a sum paid once is no salary, whatever it is called
        ("What is Ada Renn's salary as town planner?", "Renn will get a one-time stipend of $4,000 for serving as "
         "acting manager.", "$4,000", True),
        ("What is Ada Renn's salary as town planner?", "Renn will get a $4,000 signing bonus.", "$4,000", True),
        ("What is Ada Renn's salary as town planner?", "Renn will get a yearly stipend of $4,000 as planner.",
         "$4,000", False),
    ],
)  # fmt: skip
def test_a_sum_of_another_kind_answers_no_question_for_a_salary_a_rent_or_a_fare(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.something_else import sums_something_else

    assert _flags(sums_something_else, question, text, value, "MONEY") is other


def test_a_word_alike_names_the_sum_asked(likeness: "WordLikeness") -> None:
    """"What is the hourly wage?": "will pay $21 an hour" names it; "positions that will cost $1.9 million" does not."""
    from rag.query import analyse
    from rag.something_else import sums_something_else

    question = analyse("What is the average wage at the Tressan plant?")
    paid = _value_candidate("The new Tressan jobs will pay $21 an hour on average.", "$21", "MONEY")
    positions = _value_candidate("The Tressan positions will cost $1.9 million a year.", "$1.9 million", "MONEY")
    assert not sums_something_else(question, paid, likeness)
    assert sums_something_else(question, positions, likeness)


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # "arrested 23 people" counts the arrests asked about
        ("How many arrests did police make at Quell Lake?", "Police arrested 23 people at Quell Lake last summer.",
         "23", False),
        # members of what the question counts are that; members of another body are not
        ("How many faculty does Quell College have?", "The Quell College union represents 140 full-time and "
         "part-time faculty members.", "140", False),
        ("How many faculty does Quell College have?", "The Quell College union represents 140 board members.", "140",
         True),
    ],
)  # fmt: skip
def test_a_number_of_people_or_of_what_the_verb_does_counts_the_thing_asked(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.something_else import counts_something_else

    assert _flags(counts_something_else, question, text, value, "CARDINAL") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        ("What is the bus fare in Orlow?", "A ride on an Orlow city bus costs $2.50, the transit office said.", "$2.50",
         False),
        ("What is the pay at the Orlow plant?", "Workers at the Orlow plant will make $20 an hour.", "$20", False),
    ],
)  # fmt: skip
def test_a_sum_charged_or_earned_names_a_fare_or_pay(question: str, text: str, value: str, other: bool) -> None:
    from rag.something_else import sums_something_else

    assert _flags(sums_something_else, question, text, value, "MONEY") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the length is joined to a thing the question does not ask about
        ("How long will Tarrow Park be closed?",
         "The Orlow Fair moves downtown for the first time in its 28-year history because Tarrow Park is closed.",
         "28-year", True),
        ("How long will the Orlow layoffs last?", "The Orlow plant keeps its 10-year abatement despite the layoffs.",
         "10-year", True),
        # or to the thing asked about, or to no noun
        ("How long did the Orlow teachers' strike last?", "Classes resume after a six-day strike in Orlow.", "six-day",
         False),
        ("How long will Tarrow Park be closed?", "Tarrow Park will be closed for 14 months.", "14 months", False),
        ("How long was the ceasefire in Orlow?", "Orlow agreed to a 30-day cease-fire.", "30-day", False),
        # a measure joined to another noun is no measure of the thing asked about; a distance is told by a trip
        ("How deep was the floodwater on Orby's Mill Street?", "The council voted to repair the floodwall along Mill "
         "Street, two weeks after a 40-foot section of it gave way.", "40-foot", True),
        ("How tall is the Orby water tower?", "Orby will paint its 120-foot water tower in May.", "120-foot", False),
        ("How far is the Orby school from Tarn?", "Tarn pupils face a 12-mile ride to the Orby school.", "12-mile",
         False),
        # a length in the possessive is of the noun after it
        ("How long was Ada Quist Orlow's superintendent?", "Under her contract, Quist had to give 60 days' notice.",
         "60 days'", True),
        ("How much notice did Ada Quist have to give Orlow?", "Under her contract, Quist had to give 60 days' notice.",
         "60 days'", False),
        ("How long will the Orlow pool be closed?", "The Orlow pool will reopen in two weeks' time.", "two weeks'",
         False),
        ("How long has Orlow Hospital been open?", "The walkout was the first in the hospital's 41-year history.",
         "41-year", False),  # a word of its owner's is the question's
        # news writes one agreement as a deal, a contract or a pact
        ("How long does Orlow's deal with Tarn Transit run?", "The board voted to award a five-year, $11.2 million "
         "bus contract to Tarn Transit.", "five-year", False),
    ],
)  # fmt: skip
def test_a_length_of_another_thing_answers_no_question_of_how_long(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.something_else import lasts_for_something_else

    assert _flags(lasts_for_something_else, question, text, value, "DATE") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sum sizes a thing the question does not ask about
        ("How much cash did police find in the Orlow car?", "The Orlow driver is held on $40,000 bond.", "$40,000",
         True),
        ("How much will the new Orlow library cost?", "The council approved a $6 million plan to fix Orlow's roads.",
         "$6 million", True),
        # it sizes the thing asked about, or a word of its phrase is the question's
        ("How much will it cost to fix the Orlow roads?", "The council approved a $6 million plan to fix Orlow's "
         "roads.", "$6 million", False),
        ("How much will the Orlow library cost?", "Orlow approved a $6 million library on Main Street.", "$6 million",
         False),
        # a sum that sizes no noun, and a question about any undertaking ("the work")
        ("How much cash did police find in the Orlow car?", "Police found $9,200 in the Orlow car.", "$9,200", False),
        ("What did the work at Orlow Park cost?", "Orlow Park was closed for a $2 million renovation.", "$2 million",
         False),
    ],
)  # fmt: skip
def test_a_sum_that_sizes_another_thing_answers_no_question_about_a_sum(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.something_else import sizes_something_else

    assert _flags(sizes_something_else, question, text, value, "MONEY") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        ("What interest rate will Orlow pay on its school bonds?", "The Orlow school bond passed with 54.3 percent of "
         "the vote.", "54.3 percent", True),
        ("What was the Orlow bus line's on-time rate last year?", "The state pays 80 percent of the cost of the Orlow "
         "bus line.", "80 percent", True),
        # a share of what the question names, and a percentage of nothing named
        ("What share of the Orlow budget goes to police?", "Police get 40 percent of the Orlow budget.", "40 percent",
         False),
        ("What interest rate will Orlow pay on its school bonds?", "Orlow will pay 4.1 percent on the bonds.",
         "4.1 percent", False),
        # the question writes the whole by its initials
        ("What share of GDP does Orlow spend on roads?", "Orlow spends 2 percent of each town’s gross domestic "
         "product on roads.", "2 percent", False),
    ],
)  # fmt: skip
def test_a_share_of_another_thing_answers_no_percent_question(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.something_else import shares_something_else

    assert _flags(shares_something_else, question, text, value, "PERCENT") is other


def test_a_share_of_a_thing_alike_the_one_asked_about_answers(likeness: "WordLikeness") -> None:
    from rag.query import analyse
    from rag.something_else import shares_something_else

    won = _value_candidate("The Orlow levy won 58 percent of the ballots cast.", "58 percent", "PERCENT")
    assert not shares_something_else(analyse("What percentage of the vote did the Orlow levy get?"), won, likeness)
    assert shares_something_else(analyse("What interest rate will Orlow pay?"), won, likeness)


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sentence names nothing the sum is asked for
        ("What is it going to cost to tear down the Orlow mill?", "Shoring up the old building would cost about $2 "
         "million, the engineer said.", "about $2 million", True),
        ("How much money did the Orlow diner lose during the boil order?", "Replacing Orlow's water mains would cost "
         "$40 million.", "$40 million", True),
        # it names it, the question names only what the sum is and who pays, or any undertaking
        ("What is it going to cost to tear down the Orlow mill?", "Tearing down the Orlow mill will cost $900,000.",
         "$900,000", False),
        ("What did Orlow pay?", "Orlow paid $4 million for the land.", "$4 million", False),
        ("What did the work at Orlow Park cost?", "Orlow Park was closed for a $2 million renovation.", "$2 million",
         False),
    ],
)  # fmt: skip
def test_a_sum_from_a_sentence_about_something_else_answers_no_money_question(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.something_else import pays_for_something_else

    assert _flags(pays_for_something_else, question, text, value, "MONEY") is other


@pytest.mark.parametrize(("before", "other"), [
    ("The new Pellworth boathouse is 40 by 90 feet and has racks for 30 canoes.", False),
    ("Volunteers spent three weekends clearing brush along the Pellworth shore.", True),
])  # fmt: skip
def test_a_sum_whose_subject_points_back_is_of_what_the_sentence_before_names(before: str, other: bool) -> None:
    """"It cost $412,000" gives the cost of what the sentence before it tells of."""
    from rag.candidate import Candidate
    from rag.query import analyse
    from rag.something_else import pays_for_something_else

    text = f"{before} It cost $412,000, said treasurer Ada Lusk."
    start, value = text.index("It cost"), text.index("$412,000")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + len("$412,000"), "MONEY")])
    assert pays_for_something_else(analyse("How much did the new Pellworth boathouse cost?"), candidate) is other
    # the pronoun pays: the sum is not the price of what the sentence before names
    text = f"{before} It paid $412,000 in taxes last year."
    start, value = text.index("It paid"), text.index("$412,000")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + len("$412,000"), "MONEY")])
    assert pays_for_something_else(analyse("How much did Ada Lusk pay for the Pellworth boathouse?"), candidate)


def test_a_word_alike_in_meaning_names_what_the_sum_is_for(likeness: "WordLikeness") -> None:
    """"What will the levy cost someone who owns a $150,000 house?": "The owner of a $150,000 home will pay $42"."""
    from rag.query import analyse
    from rag.something_else import pays_for_something_else

    question = analyse("What will the Orlow road levy cost someone who owns a $150,000 house?")
    home = _value_candidate("A home worth $150,000 will pay about $42 a year.", "about $42", "MONEY")
    assert pays_for_something_else(question, home) is True  # as written, no word of the question is there
    assert pays_for_something_else(question, home, likeness) is False


def test_an_enrollment_counts_pupils_of_any_name() -> None:
    from rag.query import analyse
    from rag.something_else import counts_something_else

    served = _value_candidate("The Orlow district serves 4,300 pupils.", "4,300", "CARDINAL")
    assert not counts_something_else(analyse("What is the enrollment of the Orlow school district?"), served)


def test_a_sum_or_share_of_what_is_asked_in_other_words_still_answers() -> None:
    from rag.query import analyse
    from rag.something_else import pays_for_something_else, shares_something_else, sizes_something_else

    bond = _value_candidate("Orin Vell is held on $50,000 bond in the Orlow jail.", "$50,000", "MONEY")
    assert not sizes_something_else(analyse("How much was the bail for Orin Vell in Orlow?"), bond)
    assert not pays_for_something_else(analyse("How much was Orin Vell's bail set at?"), bond)
    station = _value_candidate("Orlow voters approved a $7.5 million bond to build a new fire station.",
                               "$7.5 million", "MONEY")  # fmt: skip
    assert not sizes_something_else(analyse("How much will the new Orlow fire station cost?"), station)
    seniors = _value_candidate("Orlow High graduated 88 percent of its seniors last spring.", "88 percent", "PERCENT")
    assert not shares_something_else(analyse("What is the graduation rate at Orlow High?"), seniors)


@pytest.mark.parametrize(
    ("question", "text", "value", "approximate"),
    [
        ("Exactly how many people went to the Orlow fair?", "About 4,000 people went to the Orlow fair.",
         "About 4,000", True),
        ("What was the exact cost of the Orlow bridge?", "The Orlow bridge cost more than $2 million.",
         "more than $2 million", True),
        # an exact figure answers; a question for any figure takes a round one
        ("Exactly how many people went to the Orlow fair?", "Exactly 4,012 people went to the Orlow fair.", "4,012",
         False),
        ("How many people went to the Orlow fair?", "About 4,000 people went to the Orlow fair.", "About 4,000",
         False),
    ],
)  # fmt: skip
def test_a_question_for_an_exact_figure_is_not_answered_by_a_round_one(question: str, text: str, value: str,
                                                                      approximate: bool) -> None:  # fmt: skip
    from rag.query import analyse
    from rag.something_else import approximate_for_exact

    label = "MONEY" if "$" in value else "CARDINAL"
    assert approximate_for_exact(analyse(question), _value_candidate(text, value, label)) is approximate


@pytest.mark.parametrize(("question", "other"), [
    ("How many overnight calls did the Orlow district answer?", True),
    ("How many calls did the Orlow district answer?", False),
    ("How many ambulance calls did the Orlow district answer?", False),
    # a name before the noun tells whose, not what kind
    ("How many Orlow calls did the district answer?", False),
])  # fmt: skip
def test_a_compound_of_another_kind_than_the_question_gives_counts_something_else(question: str, other: bool) -> None:
    from rag.query import analyse
    from rag.something_else import counts_something_else

    candidate = _value_candidate("The Orlow district answered 610 ambulance calls last year.", "610", "CARDINAL")
    assert counts_something_else(analyse(question), candidate) is other


def test_a_sum_of_those_a_possessive_pronoun_points_back_to_is_what_they_are_paid() -> None:
    """"Their pay, about $38,000, will come from reserves": the pay of the inspectors the sentence before names."""
    from rag.candidate import Candidate
    from rag.query import analyse
    from rag.something_else import pays_for_something_else

    text = ("Orby hired two seasonal water inspectors. Their pay, about $38,000 combined, will come from reserves. "
            "The fund also paid $9,000 for signs.")  # fmt: skip
    passage = _passage(text)
    question = analyse("How much will Orby's two seasonal water inspectors be paid?")

    def candidate(sentence: str, value: str) -> Candidate:
        start = text.index(sentence)
        return Candidate(0, passage, start, start + len(sentence), {},
                         [(text.index(value), text.index(value) + len(value), "MONEY")])  # fmt: skip

    told = candidate("Their pay, about $38,000 combined, will come from reserves.", "about $38,000")
    assert not pays_for_something_else(question, told)
    assert pays_for_something_else(question, candidate("The fund also paid $9,000 for signs.", "$9,000"))
    # "its cost" may be the cost of anything the sentence before names
    plan = "Crossing guards were left out of the Orby safety plan. Its cost, about $410,000, came from reserves."
    start = plan.index("Its cost")
    cost = Candidate(0, _passage(plan), start, len(plan), {},
                     [(plan.index("about $410,000"), plan.index("about $410,000") + 14, "MONEY")])  # fmt: skip
    assert pays_for_something_else(analyse("How much will the Orby crossing guards cost?"), cost)


@pytest.mark.parametrize(("text", "value", "other"), [
    ("A colony of beavers has flooded nearly half a mile of the Orby trail.", "nearly half", True),  # half a mile
    ("Nearly half the beavers at the Orby preserve were moved.", "Nearly half", False),  # half of the beavers
    ("About 14 beavers live at the Orby preserve.", "About 14", False),
])  # fmt: skip
def test_half_a_unit_counts_none_of_the_things_asked(text: str, value: str, other: bool) -> None:
    """"How many beavers live there?": "nearly half a mile" is half of one mile, not a number of beavers."""
    from rag.something_else import counts_something_else

    assert _flags(counts_something_else, "How many beavers live at the Orby preserve?", text, value,
                  "CARDINAL") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sentence names the noun asked about apart from the one its number counts: the writer counted another
        ("How many buses are in the Orly Transit fleet?", "Orly Transit buses carried 2.4 million passengers last "
         "year.", "2.4 million", True),
        ("How many farms are there in Tessing County?", "The farm's machinery, including two tractors and a combine, "
         "sold for $610,000.", "two", True),
        # the noun asked about describes the one counted: "bus routes" are routes
        ("How many buses does Orly Transit run?", "Orly Transit runs 14 bus routes in Tessing County.", "14", True),
        # a number hyphen-joined to a noun that describes another ("a 10-game season") counts no kids
        ("How many kids play in the Orly soccer club?", "The Orly league's 36 teams will play a 10-game regular "
         "season instead of the usual 14.", "10", True),
        # but the noun counted may be the one asked about itself, written twice, or described by it
        ("How many nurses will Orly Regional hire?", "Orly Regional plans to hire 40 registered nurses to replace "
         "its traveling nurses.", "40", False),
        ("How many households lost power in Orly?", "About 3,100 customers, most of them households, lost power in "
         "Orly.", "About 3,100", False),
        # in a clause joined to the number's with no subject of its own, the noun asked about is in the same clause
        ("How many buses does Orly Transit have?", "Orly Transit runs 14 bus routes and carried about 2.1 million "
         "passengers last year.", "about 2.1 million", True),
        # the noun asked about named in another clause
        ("How many students were hurt in Orly?", "Twelve children were hurt in Orly when the bus carrying students "
         "overturned.", "Twelve", False),
    ],
)  # fmt: skip
def test_a_number_counting_another_noun_than_the_one_the_sentence_names_answers_no_how_many(
    question: str, text: str, value: str, other: bool, likeness: "WordLikeness"
) -> None:
    """Word likeness places "buses" near "passengers" and "farms" near "tractors"; the sentence that names the
    buses or the farm apart from what its number counts tells that the number counts something else."""
    from rag.query import analyse
    from rag.something_else import counts_something_else

    candidate = _value_candidate(text, value, "CARDINAL")
    assert counts_something_else(analyse(question), candidate, likeness) is other


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("What is Dr. Ada Pell's regular salary?", True),  # the stipend is paid on top of it
        ("What is Dr. Ada Pell's stipend?", False),
    ],
)  # fmt: skip
def test_a_sum_of_another_kind_than_the_sum_the_sentence_names_beside_it_is_not_that_sum(
    question: str, other: bool
) -> None:
    """"a $1,500 monthly stipend on top of her current salary" names the salary, and the sum is the stipend's."""
    from rag.query import analyse
    from rag.something_else import sums_something_else

    text = "Pell, the county's deputy health officer, will receive a $1,500 monthly stipend on top of her salary."
    assert sums_something_else(analyse(question), _value_candidate(text, "$1,500", "MONEY")) is other
    earned = "Quist will earn a $160,000 salary, and her pay could rise with bonuses."  # one earning, two words
    assert not sums_something_else(analyse("What is Ada Quist's pay?"), _value_candidate(earned, "$160,000", "MONEY"))
    paid = "Pell, the county's deputy health officer, will earn a salary of $98,000."
    assert not sums_something_else(analyse("What is Dr. Ada Pell's regular salary?"),
                                   _value_candidate(paid, "$98,000", "MONEY"))  # fmt: skip


@pytest.mark.parametrize(
    ("question", "text", "value", "taken_on"),
    [
        ("How many nurses work at Tarrow General Hospital?", "Tarrow General Hospital plans to hire 40 registered "
         "nurses by June.", "40", True),
        ("How many firefighters does Tarrow have in total?", "The budget funds four additional firefighters.", "four",
         True),
        # how many there are, and a question on taking on itself
        ("How many nurses work at Tarrow General Hospital?", "Tarrow General Hospital employs 310 nurses.", "310",
         False),
        ("How many nurses will Tarrow General Hospital hire?", "Tarrow General Hospital plans to hire 40 registered "
         "nurses by June.", "40", False),
        ("How many beds will the Tarrow jail have after the expansion?", "The plan adds 180 beds to the Tarrow jail, "
         "which has 240, for a total of 420.", "180", False),
    ],
)  # fmt: skip
def test_a_number_of_those_taken_on_is_not_how_many_there_are(question: str, text: str, value: str,
                                                            taken_on: bool) -> None:  # fmt: skip
    """"plans to hire 40 nurses" counts the nurses to be added, not how many work at the hospital."""
    from rag.something_else import counts_those_taken_on

    assert _flags(counts_those_taken_on, question, text, value, "CARDINAL") is taken_on


@pytest.mark.parametrize(
    ("question", "text", "value", "votes"),
    [
        ("How many students go to Tarrow Middle School?", "The final tally on the Tarrow Middle School bond was 1,902 "
         "against and 1,756 in favor.", "1,902", True),
        ("How many homes are in Tarrow?", "The levy passed with 2,236 yes and 2,195 no.", "2,236", True),
        # a question about votes, and a number not of a side
        ("How many votes did the Tarrow Middle School bond get?", "The final tally on the Tarrow Middle School bond "
         "was 1,902 against and 1,756 in favor.", "1,756", False),
        ("How many students go to Tarrow Middle School?", "The bond would rebuild Tarrow Middle School, which 640 "
         "students attend.", "640", False),
    ],
)  # fmt: skip
def test_one_sides_votes_answer_no_count_of_anything_else(question: str, text: str, value: str, votes: bool) -> None:
    """"1,902 against" counts votes on a school bond, not the school's pupils."""
    from rag.something_else import counts_votes_not_asked

    assert _flags(counts_votes_not_asked, question, text, value, "CARDINAL") is votes


@pytest.mark.parametrize(("question", "text", "value", "other"), [
    # a count of another noun is no amount asked
    ("How much diesel spilled when the Ferrand log truck rolled?", "The truck rolled over, spilling about 30 logs "
     "down the bank.", "about 30", True),
    ("How much of a raise did Ferrand bus drivers get?", "The union represents 174 drivers and mechanics.", "174",
     True),
    ("How much water did the Corby lift station pump?", "The outage cut water to 6,150 customers in Corby.",
     "6,150", True),
    # but a count of its parts may size a thing
    ("How big is the new wing at Corby Hospital?", "The new wing at Corby Hospital adds 48 beds.", "48", False),
    ("How large is the planned Harrow Glen subdivision?", "The Harrow Glen subdivision would add 85 homes.", "85",
     False),
    # a group of people is sized by a count of its people, a collection by what it holds
    ("How big was the crowd at the Corby rally?", "About 800 people came to the Corby rally.", "About 800", False),
    # a count of the thing itself, or of none at all
    ("How big is the Corby bus fleet?", "The Corby fleet now has 40 buses.", "40", False),
    ("How big is the Corby animal shelter?", "The Corby shelter has room for 60 dogs and 40 cats.", "60", False),
    ("How big is the new Corby arena?", "The new Corby arena will seat 4,500 fans.", "4,500", False),
    ("How much water does the Ferrand bottling plant use?", "The Ferrand plant, built in 1988, grew to 540 by "
     "2001.", "540", False),
    # not a question of a size
    ("How many people work at the Ferrand bottling plant?", "The Ferrand bottling plant employs about 540 people.",
     "about 540", False),
])  # fmt: skip
def test_a_count_of_another_noun_gives_no_size_or_amount(
    question: str, text: str, value: str, other: bool, likeness: "WordLikeness"
) -> None:
    from rag.query import analyse
    from rag.something_else import counts_instead_of_an_amount

    candidate = _value_candidate(text, value, "CARDINAL")
    assert counts_instead_of_an_amount(analyse(question), candidate, likeness) is other


@pytest.mark.parametrize(("question", "text", "value", "other"), [
    # a number standing alone gives the size of its verb's subject
    ("How many votes did Ada Quist get in the Lusk fair board race?", "Attendance at the Lusk fair fell to 68,900 "
     "this year.", "68,900", True),
    ("How many votes did Ada Quist get in the Lusk fair board race?", "LUSK -- Attendance at the Lusk fair fell to "
     "68,900 this year.", "68,900", True),
    ("How many people went to the Lusk fair this year?", "Attendance at the Lusk fair fell to 68,900 this year.",
     "68,900", False),
    ("How many visitors did the Lusk fair draw this year?", "Attendance at the Lusk fair fell to 68,900 this year.",
     "68,900", False),
    ("How many boats fish out of Lusk Harbor?", "The number of lobster licenses in Lusk fell to 412 last year.",
     "412", True),
    ("How many lobster licenses are held in Lusk?", "The number of lobster licenses in Lusk fell to 412 last year.",
     "412", False),
    # a collection's size says nothing of what it holds, nor a doing's of what was done; nor a number a verb gives
    # another thing
    ("How many buses does Lusk Transit run?", "The Lusk Transit fleet now stands at 63.", "63", False),
    ("How many books did the Lusk library lend last year?", "Circulation at the Lusk library rose to 88,000 last "
     "year.", "88,000", False),
    ("How many ballots were cast in the Lusk levy vote?", "In the Lusk levy vote, turnout was 3,100.", "3,100",
     False),
    ("How many people spoke at the Lusk hearing?", "The break cut off water to 310 in Lusk for a day.", "310", False),
])  # fmt: skip
def test_a_number_standing_alone_counts_the_subject_it_gives_the_size_of(
    question: str, text: str, value: str, other: bool, likeness: "WordLikeness"
) -> None:
    from rag.query import analyse
    from rag.something_else import counts_something_else

    candidate = _value_candidate(text, value, "CARDINAL")
    assert counts_something_else(analyse(question), candidate, likeness) is other
