"""One date parser for every source: full dates only, ambiguous numeric dates refused."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from index.dates import MONTH_NAMES, MONTH_NUMBERS, find_dates, iso_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # ISO 8601, with and without a time and zone (the written date, never converted)
        ("2025-07-03", date(2025, 7, 3)),
        ("2025-07-03T10:00:00Z", date(2025, 7, 3)),
        ("2025-07-03T23:38:00+10:00", date(2025, 7, 3)),
        ("2025-07-03 09:00:00.250-05:00", date(2025, 7, 3)),
        ("2025/07/03", date(2025, 7, 3)),  # year first is always year-month-day
        # month names, abbreviated, with a dot, ordinals, day first or month first
        ("July 3, 2025", date(2025, 7, 3)),
        ("3 July 2025", date(2025, 7, 3)),
        ("Jul. 3, 2025", date(2025, 7, 3)),
        ("Sept. 10, 2024", date(2024, 9, 10)),
        ("3rd July 2025", date(2025, 7, 3)),
        ("the 2nd of July, 2025", date(2025, 7, 2)),
        ("03 Jul 2025, 23:38 GMT+10", date(2025, 7, 3)),
        ("Jan 18, 2024 7:55 AM CST", date(2024, 1, 18)),
        # weekday prefixes, including abbreviations dateutil does not know
        ("Thursday, July 3, 2025", date(2025, 7, 3)),
        ("Tues., July 1, 2025", date(2025, 7, 1)),
        ("Sat 5 Jul 2025 06.00 BST", date(2025, 7, 5)),
        ("Mon, 07 Jul 2025 10:00:00 +0000", date(2025, 7, 7)),  # RFC 2822, as in RSS
        # numeric dates that read the same day-first and month-first
        ("13/07/2025", date(2025, 7, 13)),
        ("7/13/2025", date(2025, 7, 13)),
        ("05/05/2025", date(2025, 5, 5)),
        ("31.12.2024", date(2024, 12, 31)),
        # a value that carries one date among other words
        ("Published: April 3, 2024 at 5:42 PM CDT", date(2024, 4, 3)),
        ("Updated 3 July 2025 and first published 3 July 2025", date(2025, 7, 3)),
        # already dates
        (date(2025, 7, 3), date(2025, 7, 3)),
        (datetime(2025, 7, 3, 23, 38), date(2025, 7, 3)),
    ],
)
def test_dates_are_read(value: object, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        # ambiguous: 3 July or March 7 depends on the country
        "03/07/2025",
        "3/7/2025",
        "03.07.2025",
        "03-07-2025",
        "03/07/25",
        # partial: dateutil would fill the missing parts from today
        "July 2025",
        "July 3",
        "2025",
        "3",
        "2025-07",
        # impossible or out of range
        "2025-02-30",
        "2025-13-01",
        "0/0/0",
        # junk and look-alikes in news text
        "yesterday",
        "Route 30",
        "4-3",
        "2024-25",
        "9.4 mills",
        "12.75",
        "version 1.2.3",
        "The talks on May 2025",
        "From July 3, 2025 to July 5, 2025",  # two different dates: which one?
        "",
        "   ",
        None,
        20250703,
        3.5,
    ],
)
def test_non_dates_and_ambiguous_dates_are_refused(value: object) -> None:
    assert parse_date(value) is None


def test_iso_date_is_the_storage_form() -> None:
    assert iso_date("Jul. 3, 2025") == "2025-07-03"
    assert iso_date("03/07/2025") is None


def test_find_dates_gives_each_date_with_its_place_in_the_line() -> None:
    line = "Posted Wednesday, June 21, 2023 6:00 am | Updated 22 June 2023"
    found = find_dates(line)
    assert [f.value for f in found] == [date(2023, 6, 21), date(2023, 6, 22)]
    assert line[found[0].start : found[0].end] == "Wednesday, June 21, 2023"
    assert line[found[1].start : found[1].end] == "22 June 2023"
    assert find_dates("Council votes 4-3 on the 2024-25 budget of $9.4 million") == []


def test_month_names_are_english_whatever_the_locale() -> None:
    assert len(MONTH_NAMES) == 12 and MONTH_NAMES[0] == "January"
    assert MONTH_NUMBERS["sept"] == MONTH_NUMBERS["sep"] == MONTH_NUMBERS["september"] == 9


def test_a_weekday_settles_an_ambiguous_numeric_date() -> None:
    assert parse_date("Wed, 12/11/2019 - 09:15") == date(2019, 12, 11)  # 11 December 2019 was a Wednesday
    assert parse_date("Tuesday 12/11/2019") == date(2019, 11, 12)  # 12 November 2019 was a Tuesday
    assert parse_date("Thursday 12/11/2019") is None  # neither reading is a Thursday
    assert parse_date("12/11/2019") is None


def test_ambiguous_dates_can_be_found_without_a_value() -> None:
    line = "Harbor Gazette | 03/07/2025"
    assert find_dates(line) == []
    (found,) = find_dates(line, ambiguous=True)
    assert found.value is None and line[found.start : found.end] == "03/07/2025"
    assert parse_date("Published 3 July 2025, updated 03/07/2025") is None  # is the second date the same? unknown
