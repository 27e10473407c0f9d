"""Bylines, datelines and navigation bars, on lines written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from index.header_lines import is_navigation_bar, is_prose, is_role, is_station_name, read_header_line


@pytest.mark.parametrize(
    ("line", "publisher", "published"),
    [
        ("Quarry Bay Herald / April 9, 2025", "Quarry Bay Herald", date(2025, 4, 9)),
        ("Quarry Bay Herald | April 9, 2025", "Quarry Bay Herald", date(2025, 4, 9)),
        ("Quarry Bay Herald · Wed 9 Apr 2025 · 4 min read", "Quarry Bay Herald", date(2025, 4, 9)),
        ("KWRN 12 – Updated 2025-04-09T18:05:00-05:00", "KWRN 12", date(2025, 4, 9)),
        ("Published April 9, 2025", None, date(2025, 4, 9)),
        ("First published: 9 April 2025, 06:10 BST", None, date(2025, 4, 9)),
        ("Posted on Wednesday, April 9, 2025 at 6:00 p.m.", None, date(2025, 4, 9)),
    ],
)
def test_datelines_give_a_publisher_and_a_date(line: str, publisher: str | None, published: date) -> None:
    header = read_header_line(line)
    assert header is not None and header.kind == "dateline"
    assert (header.publisher, header.published) == (publisher, published)


@pytest.mark.parametrize(
    ("line", "publisher", "published"),
    [
        ("By Jane Doe, AP, July 3, 2025", "AP", date(2025, 7, 3)),
        ("By Jane Doe | Harbor Gazette", "Harbor Gazette", None),
        ("By Jane Doe | Harbor Gazette | Jul. 3, 2025", "Harbor Gazette", date(2025, 7, 3)),
        ("BY OWEN MARSH, Lakeshore Wire Service", "Lakeshore Wire Service", None),
        ("By Ana Ruiz, Tom Bell and Li Wei, Fenwick Daily Star", "Fenwick Daily Star", None),
        ("By Ana Ruiz and Tom Bell", None, None),
        ("By Ana Ruiz, Senior Correspondent", None, None),  # a role is not a publisher
        ("By Ana Ruiz, Star staff writer", None, None),
        ("**By Ana Ruiz, Staff Writer**", None, None),  # Markdown emphasis
        ("By Ana Ruiz · 3 July 2025 · 6 min read", None, date(2025, 7, 3)),
        ("Posted by Newsroom Staff | July 3, 2025 | Local Sports", None, date(2025, 7, 3)),  # after the date: a section
        ("Submitted by Ana Ruiz on Thu, 07/03/2025 - 10:15", None, date(2025, 7, 3)),  # the weekday settles it
        # the date first, then the byline
        ("Posted July 3, 2025 by Lakeside Radio News", None, date(2025, 7, 3)),
        ("Published 9:40 AM, July 3, 2025, by Omar Reyes, Fenwick Daily Star", "Fenwick Daily Star", date(2025, 7, 3)),
        ("July 3, 2025 by Omar Reyes", None, date(2025, 7, 3)),
    ],
)
def test_bylines_give_the_organisation_and_date(line: str, publisher: str | None, published: date | None) -> None:
    header = read_header_line(line)
    assert header is not None and header.kind == "byline"
    assert (header.publisher, header.published) == (publisher, published)


def test_an_update_date_is_marked_as_such() -> None:
    updated = read_header_line("Last updated: July 5, 2025 9:12 AM")
    assert updated is not None and updated.updated and updated.published == date(2025, 7, 5)
    both = read_header_line("Published July 3, 2025 | Updated July 5, 2025")
    assert both is not None and not both.updated and both.published == date(2025, 7, 3)


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, crews had restored power to most of the county.",
        "By the numbers",
        "By 2030 the district expects enrollment to fall by a fifth.",
        "The board met on July 3, 2025 to approve the contract.",
        "Harvest Fair, September 12, 2025",  # a heading: a name beside a date with only a comma
        "On July 3, 2025 by the old mill, the river rose two feet.",
        "Updated July 5, 2025 by the editors",  # not a name after "by"
        "Fenwick council approves $3.2 million plan",
        "Ward 4 | Ward 5 | Ward 6",
        "",
    ],
)
def test_other_lines_are_not_header_lines(line: str) -> None:
    assert read_header_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home | Local | Sports | Obituaries | Contact", True),
        ("Sign in | Register | Digital Edition", True),
        ("Sports › High School › Football", True),
        ("NEWS » CITY HALL", True),
        ("Fenwick Daily Star | KFWN", False),  # two items between pipes: a masthead, not a menu
        ("Water rates to rise | What it means for you this fall", False),
        ("Results | 1,204 | 52%", False),
        ("Events | July 3, 2025 | Town Hall", False),
        ("Home / Harbour / Ferry Service", True),  # a breadcrumb with slashes
        ("Quarry Bay Herald / KQBH", False),
        ("Home News Sports Weather Obituaries", True),  # a menu copied without its separators
        ("Harbour News Tonight", False),
        ("home news sports weather", False),
        # a broadcaster's menu: segments named by the channel, items of four words
        ("Home | News | Weather | Watch Live | 4 On Your Side | Sports | Election Results | Contact", True),
        ("Scores | 4 | 7 | Final", False),  # a number alone is no menu item
    ],
)
def test_navigation_bars(line: str, expected: bool) -> None:
    assert is_navigation_bar(line) is expected


def test_roles_and_prose() -> None:
    assert is_role("Staff Writer") and is_role("Star staff") and is_role("Special to the Star")
    assert not is_role("Fenwick Daily Star") and not is_role("The writer said so.")
    assert is_prose("The council voted 5-2 on Tuesday to raise water rates by 8 percent.")
    assert not is_prose("Council raises water rates by 8 percent")
    # a long menu is no paragraph: its separators are no words
    assert not is_prose("Home | News | Weather | Watch Live | 4 On Your Side | Sports | Election Results | Contact")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("KTRV Country 98.5", True),
        ("WPLN 12 Nightside", True),
        ("CFRA 580", True),
        ("Channel 12 Action News | WLKT", True),
        ("**KTRV Country 98.5**", True),
        ("Fenwick Daily Star", False),
        ("Fenwick Daily Star | KFWN", False),  # no channel or frequency
        ("FEMA approves grants for 40 flooded homes", False),  # a sentence, not a name
        ("Route 4 Bridge Reopens", False),
        ("KTRV", False),
    ],
)
def test_station_names(line: str, expected: bool) -> None:
    assert is_station_name(line) is expected
