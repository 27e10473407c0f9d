"""The checks of rag.ages on text written for these tests."""

from __future__ import annotations

import pytest


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
    from rag.ages import states_an_age

    start = text.index(number)
    assert states_an_age(text, start, start + len(number)) is is_age
