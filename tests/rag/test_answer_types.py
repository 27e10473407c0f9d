"""Which entities can answer each kind of question (rag.answer_types), on values and questions written for these
tests.
"""

from __future__ import annotations

import pytest

from rag.answer_types import entity_fits, is_duration
from rag.query import analyse


@pytest.mark.parametrize(
    ("value", "duration"),
    [("86 days", True), ("about an hour", True), ("a 30-day", True), ("the next 50 days", True),
     ("60 days ago", False), ("earlier this week", False), ("July 3", False), ("next week", False),
     ("fiscal year", False), ("2019", False), ("two nights", True), ("three weekends", True), ("Friday night", False),
     ("last night", False), ("a sixth day", False), ("its 12th year", False), ("a second", True),
     ("30 seconds", True), ("the first five years", True)],
)  # fmt: skip
def test_a_length_of_time_is_told_from_a_point_in_time(value: str, duration: bool) -> None:
    assert is_duration(value) is duration


@pytest.mark.parametrize(
    ("value", "fits"),
    [("under 6", False), ("ages 6 to 12", False), ("June 6", True), ("6 a.m.", True), ("Jan. 6", True),
     ("the 6th", True), ("6 years ago", True), ("2024", True), ("the 1990s", True), ("Friday", True), ("'64", True)],
)  # fmt: skip
def test_a_small_number_with_no_word_of_time_is_no_date(value: str, fits: bool) -> None:
    """The model tags "children under 6 ride free" as a date: a number with no word of time is an age or a count."""
    assert entity_fits("date", "DATE", value) is fits


@pytest.mark.parametrize(("value", "fits"), [
    ("months", False), ("Years", False), ("for decades", False), ("hours", False),
    ("two months", False), ("Monday", True), ("last year", True), ("the 1980s", True), ("months later", True),
])  # fmt: skip
def test_units_of_time_with_no_number_are_no_date(value: str, fits: bool) -> None:
    """"organizers, who book months ahead": the model tags "months" as a date; it names no time."""
    assert entity_fits("date", "DATE", value) is fits


def test_ordinals_answer_how_many_times_but_not_how_many_homes() -> None:
    assert entity_fits("count", "ORDINAL", "sixth", "time")
    assert not entity_fits("count", "ORDINAL", "first", "home")
    assert entity_fits("date", "DATE", "May 23, 2025")
    assert not entity_fits("date", "DATE", "three years")
    assert entity_fits("person", "ORG", "Brackwell Community College")  # "Who will train the welders?"
    assert not entity_fits("person", "GPE", "Lanford")


@pytest.mark.parametrize(("label", "value", "fits"), [
    ("CARDINAL", "More than 80", True), ("PERCENT", "34 percent", True), ("QUANTITY", "about 300 people", True),
    ("QUANTITY", "2.3 acres", False), ("MONEY", "$9,800", False), ("QUANTITY", "4,000 square feet", False),
])  # fmt: skip
def test_the_size_of_a_crowd_or_a_staff_is_a_number_of_people_not_a_measure(label: str, value: str, fits: bool) -> None:
    assert entity_fits("quantity", label, value, "crowd") is fits
    assert entity_fits("quantity", label, value, "park")  # the size of a park may be any of them


@pytest.mark.parametrize(("label", "value", "fits"), [
    ("MONEY", "$1.2 million", True), ("PERCENT", "3 percent", True), ("CARDINAL", "186", False),
])  # fmt: skip
def test_the_size_of_a_deficit_is_a_sum_or_a_share_not_a_bare_number(label: str, value: str, fits: bool) -> None:
    assert entity_fits("quantity", label, value, "deficit") is fits
    assert entity_fits("quantity", label, value, "crater")  # the size of a crater may be any of them


@pytest.mark.parametrize(("question", "value", "fits"), [
    ("How big was the job loss at the Tarrow plant?", "140", True),  # a number of jobs
    ("How big was the shortfall in volunteers at the Tarrow fair?", "60", True),
    ("How big was the gap between Farrow and Pell?", "40", True),  # votes
    ("How big was the revenue loss at the Tarrow plant?", "186", False),  # a sum
    ("How big was the Tarrow budget shortfall?", "186", False),
])  # fmt: skip
def test_a_loss_gap_or_shortfall_is_a_sum_only_when_the_question_names_money(
    question: str, value: str, fits: bool
) -> None:
    analysis = analyse(question)
    assert entity_fits(analysis.answer_type, "CARDINAL", value, analysis.focus, analysis.content_lemmas) is fits


def test_a_count_of_time_units_is_answered_by_a_length_of_time() -> None:
    from rag.answer_types import entity_fits

    question = analyse("How many weeks did the bus drivers' strike in Harlow last?")
    assert question.answer_type == "count" and question.focus == "week"
    assert entity_fits(question.answer_type, "DATE", "six weeks", question.focus)
    assert not entity_fits(question.answer_type, "DATE", "last Tuesday", question.focus)
    assert not entity_fits("count", "DATE", "six weeks", "bus")


def test_a_quantity_of_something_else_does_not_count_what_was_asked() -> None:
    from rag.answer_types import entity_fits

    assert not entity_fits("count", "QUANTITY", "about 1,200 acres", "home")
    assert entity_fits("count", "QUANTITY", "40 tonnes", "tonne")
    assert entity_fits("count", "CARDINAL", "17", "home")
    # a decimal fraction counts nothing ("a 0.8-mill levy"), unless a scale word makes it whole
    assert not entity_fits("count", "CARDINAL", "0.8", "people")
    assert entity_fits("count", "CARDINAL", "1.2 million", "people")
    assert entity_fits("quantity", "CARDINAL", "0.8", "levy")
    assert entity_fits("count", "QUANTITY", "6.3 miles", "mile")


def test_a_share_tagged_as_money_is_a_percentage_not_a_sum() -> None:
    assert not entity_fits("money", "MONEY", "5 per cent")
    assert entity_fits("percent", "MONEY", "5 per cent")
    assert entity_fits("money", "MONEY", "$4.2 million")


@pytest.mark.parametrize(
    ("question", "value", "fits"),
    [
        ("In what year was the Dunmere swimming pool built?", "1968", True),
        ("In what year was the Dunmere swimming pool built?", "Monday", False),
        ("In what month will the Kessock tax bills go out?", "October", True),
        ("In what month will the Kessock tax bills go out?", "2024-09", False),
        ("On what day did the storm hit Dunmere?", "Tuesday", True),
        ("On what day did the storm hit Dunmere?", "April 9", True),
        ("On what day did the storm hit Dunmere?", "2023", False),
        ("On what date did the Kessock strike begin?", "March 3, 2021", True),
        ("On what date did the Kessock strike begin?", "2021", False),
        ("When did the Kessock strike begin?", "2021", True),  # "when" takes any point in time
        # a named day, and a day of a month in words
        ("On what day did the storm hit Dunmere?", "Memorial Day", True),
        ("On what day did the storm hit Dunmere?", "Christmas Eve", True),
        ("On what day did the storm hit Dunmere?", "the Fourth of July", True),
        ("On what date did the Kessock strike begin?", "the first of March", True),
        ("On what date did the Kessock strike begin?", "Memorial Day", False),
        ("On what day did the storm hit Dunmere?", "the first week of March", False),
    ],
)
def test_what_year_month_day_or_date_asks_for_that_part_of_a_date(question: str, value: str, fits: bool) -> None:
    analysis = analyse(question)
    assert analysis.answer_type == "date"
    assert entity_fits("date", "DATE", value, analysis.focus) is fits


@pytest.mark.parametrize(
    ("value", "fits"), [("Monday", False), ("7:09 p.m.", True), ("about 6 a.m.", True), ("Friday evening", True)]
)
def test_what_time_asks_for_a_time_of_day(value: str, fits: bool) -> None:
    analysis = analyse("What time was the Selbourne tornado warning issued?")
    assert entity_fits("date", "TIME" if any(c.isdigit() for c in value) else "DATE", value, analysis.focus) is fits


def test_a_share_of_time_answers_how_much_time() -> None:
    """"could cut travel times by up to 20 percent" answers "How much time could drivers save?"."""
    assert entity_fits("duration", "PERCENT", "up to 20 percent", "time", ("time", "driver", "save"))
    assert not entity_fits("duration", "PERCENT", "up to 20 percent", "detour", ("detour", "save"))
    # "About 40 percent of students spend more than two hours": a share of the students, not of the time
    assert not entity_fits("duration", "PERCENT", "About 40 percent", "time", ("time", "student", "spend"))


@pytest.mark.parametrize(("text", "duration"), [
    ("750 kilowatt-hours", False),  # energy, measured by a time
    ("700 gallons per minute", False),  # a rate
    ("about an hour", True),
    ("40-hour", True),
    ("two hours a day", True),
    ("a six-day", True),  # a number word before the hyphen
])
def test_an_amount_or_a_rate_measured_by_a_time_is_no_length_of_time(text: str, duration: bool) -> None:
    from rag.answer_types import is_duration

    assert is_duration(text) is duration


@pytest.mark.parametrize(("text", "fits"), [("14 seasons", True), ("three seasons", True), ("last season", False),
                                            ("14 years", False), ("the 2019 season", False)])  # fmt: skip
def test_a_count_of_spans_of_time_the_model_tags_as_a_date_answers_how_many_of_them(text: str, fits: bool) -> None:
    """"How many seasons did she coach?": the model tags "In 14 seasons" as a date."""
    from rag.answer_types import entity_fits

    assert entity_fits("count", "DATE", text, "season") is fits
