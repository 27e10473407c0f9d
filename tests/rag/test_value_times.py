"""The time a figure is given for (rag.value_times), on invented sentences."""

from __future__ import annotations

import pytest

from rag.value_times import clash, matches, time_of, times_asked

LAST_YEAR = {"tense:past", "rel:last year"}
NOW = {"tense:present", "rel:now"}


def _time(sentence: str, figure: str) -> frozenset[str]:
    at = sentence.index(figure)
    return time_of(sentence, at, at + len(figure))


@pytest.mark.parametrize(
    ("sentence", "figure", "time"),
    [
        # after the figure, to the end of its clause
        ("The Quell library lent 12,400 books in 2022 and 13,100 last year, its director said.", "12,400",
         {"year:2022"}),
        ("The Quell library lent 12,400 books in 2022 and 13,100 last year, its director said.", "13,100", LAST_YEAR),
        ("Quell registered 900 voters in Sept. and 1,100 in October.", "1,100", {"month:10"}),
        # before its verb, in its own clause; not a neighbour's, across "from" or "compared with"
        ("Quell will add 12 beds to its burn unit, which now has 20.", "20", NOW),
        ("Quell's rate climbed to 5.2 percent in June from 4.1 percent in March.", "4.1 percent", {"month:3"}),
        ("Quell had 45 staff in 2024 compared with 30 in 2019.", "30", {"year:2019"}),
        # none of its own: the time is another figure's
        ("Quell will add 12 beds to its burn unit, which now has 20.", "12", set()),
        ("Quell took in 62 dogs in June and adopted out 38.", "38", set()),
        # a time its part of the sentence opens with, shared
        ("In June Quell took in 62 dogs and adopted out 38.", "38", {"month:6"}),
        ("In 2023 Quell made 620 referrals; in 2024 it saw 4,700 patients and made 810.", "810", {"year:2024"}),
        ("By July, the Quell jobless rate had fallen to 4.6 percent.", "4.6 percent", {"month:7"}),
        # a season after "in", a quarter, a range of years, a year before a year named
        ("Quell's inns were 68 percent full in the summer and 44 percent in late winter.", "44 percent",
         {"season:winter"}),
        ("Quell's collections ran 3.5 percent behind in the first quarter.", "3.5 percent", {"part:first quarter"}),
        ("Quell enrolled 2,100 students in the 2023-24 school year.", "2,100", {"year:2023", "year:2024"}),
        ("Quell issued 52 permits in 2019, compared with 38 a year earlier.", "38", {"year:2018"}),
        # "last spring" is a spring; "by fall" a deadline to come
        ("Quell planted 210 trees last spring.", "210", {"tense:past", "rel:last spring", "season:spring"}),
        ("Quell plans to hire 60 more by fall.", "60", {"season:fall", "tense:future"}),
        # not a verb, a name or an address, nor a rate "a year", nor the day something was said
        ("Quell police said Sunday that 45 people were arrested.", "45", set()),
        ("Quell may hire 14 officers.", "14", set()),
        ("Police Chief April Dunn said Quell has 45 officers.", "45", set()),
        ("The office at 2020 Main Street in Quell has 12 clerks.", "12", set()),
        ("Quell raised starting pay to $61,500 a year.", "$61,500", set()),
    ],
)  # fmt: skip
def test_the_time_a_figure_is_given_for(sentence: str, figure: str, time: set[str]) -> None:
    assert _time(sentence, figure) == time


def test_the_times_a_question_names_say_the_same_in_one_way() -> None:
    assert times_asked("How many beds does the Quell burn unit currently have?") == NOW
    assert times_asked("How many books did Quell lend in January 2023?") == {"month:1", "year:2023"}
    assert times_asked("May Quell hire more officers?") == frozenset()
    assert times_asked("How many routes will Quell Transit have after January?") == frozenset()
    assert times_asked("How many officers does Quell have?") == frozenset()
    # a year after an article or a possessive dates the name after it; a number before a name may be an address's
    assert times_asked("How much did the 2024 Quell Harvest Fair raise?") == {"year:2024"}
    assert times_asked("How many came to Quell's 2023 Founders Day?") == {"year:2023"}
    assert times_asked("Who lives at 2020 Main Street in Quell?") == frozenset()


@pytest.mark.parametrize(
    ("times", "others", "clashing"),
    [
        ({"year:2019"}, {"year:2024"}, True),
        ({"month:4"}, {"month:7"}, True),
        (LAST_YEAR, NOW, True),
        ({"season:summer"}, {"season:winter"}, True),
        # times of different kinds may be one time: "last year" may be 2024, Thursday in June; "now" is this year
        (LAST_YEAR, {"year:2024"}, False),
        ({"weekday:thursday"}, {"month:6", "year:2024"}, False),
        ({"tense:present", "rel:this year"}, NOW, False),
        ({"year:2024", "month:6"}, {"year:2024"}, False),
    ],
)  # fmt: skip
def test_two_times_clash_when_they_name_different_ones_of_a_kind(
    times: set[str], others: set[str], clashing: bool
) -> None:
    assert clash(frozenset(times), frozenset(others)) is clashing


def test_a_weekday_clashes_only_as_a_moment() -> None:
    """Two outlets tie one event to different moments ("restored service Sunday", "failed Saturday night")."""
    assert clash(frozenset({"weekday:sunday"}), frozenset({"weekday:saturday"}))
    assert not clash(frozenset({"weekday:sunday"}), frozenset({"weekday:saturday"}), moments=False)


def test_a_figure_matches_the_time_asked_in_the_questions_own_terms() -> None:
    """"now" asks for the figure said to be now, not this year's, though both are present."""
    this_year = frozenset({"tense:present", "rel:this year"})
    assert not matches(this_year, frozenset(NOW))
    assert matches(frozenset(NOW), frozenset(NOW))
    assert matches(this_year, frozenset({"tense:present"}))


@pytest.mark.parametrize(("published", "asked", "clashes"), [
    # "last year" in an article of 2024 is 2023: no answer for 2021, the answer for 2023
    ("2024-03-28", "How many calls did the Orby ambulance handle in 2021?", True),
    ("2024-03-28", "How many calls did the Orby ambulance handle in 2023?", False),
    # an article of no known date leaves "last year" any year
    (None, "How many calls did the Orby ambulance handle in 2021?", False),
])  # fmt: skip
def test_last_year_is_the_year_before_the_articles_own(published: str | None, asked: str, clashes: bool) -> None:
    from rag.value_times import with_years_of_writing

    sentence = "The Orby ambulance handled 6,240 calls last year."
    times = time_of(sentence, sentence.index("6,240"), sentence.index("6,240") + 5)
    assert clash(with_years_of_writing(times, published), times_asked(asked)) is clashes


@pytest.mark.parametrize(("published", "asked", "clashes"), [
    # a weekday is in the week of writing: no answer for a year long before, the answer for the article's year
    ("2024-06-19", "How much did the Orby library renovation cost in 2019?", True),
    ("2024-06-19", "How much did the Orby library renovation cost in 2024?", False),
    ("2024-01-03", "How much did the Orby library renovation cost in 2023?", False),  # a Tuesday of late December
    ("2024-06-19", "How much did the Orby library renovation cost in 2023?", True),  # no December in June
    (None, "How much did the Orby library renovation cost in 2019?", False),
])  # fmt: skip
def test_a_weekday_is_in_the_year_of_its_article(published: str | None, asked: str, clashes: bool) -> None:
    from rag.value_times import with_the_year_of_its_week

    sentence = "The Orby council on Tuesday approved a $3.8 million renovation of the library."
    times = time_of(sentence, sentence.index("$3.8"), sentence.index("$3.8") + 12)
    assert clash(with_the_year_of_its_week(times, published), times_asked(asked)) is clashes
    # a weekday of a month named may be of any year the article tells of ("on a Tuesday in March")
    dated = "The council on Tuesday in March approved a $3.8 million renovation."
    times = time_of(dated, dated.index("$3.8"), dated.index("$3.8") + 12)
    assert with_the_year_of_its_week(times, "2024-06-19") == times


def test_a_sentence_of_one_weekday_tells_every_figure_of_that_week() -> None:
    """"crested at 31.4 feet early Monday, 9.4 feet above flood stage": both figures are Monday's."""
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.value_times import sentence_week

    def week(text: str) -> frozenset[str]:
        passage = Passage(passage_id="a", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                          entities=[])  # fmt: skip
        at = text.index("9.4")
        return sentence_week(Candidate(0, passage, 0, len(text), {}, [(at, at + 8, "QUANTITY")]))

    assert week("The Orby River crested at 31.4 feet early Monday, 9.4 feet above flood stage.") == {"weekday:monday"}
    assert week("The Orby River crested at 31.4 feet in April 2019, 9.4 feet above flood stage.") == frozenset()
    assert week("The Orby River crested at 31.4 feet, 9.4 feet above flood stage.") == frozenset()
