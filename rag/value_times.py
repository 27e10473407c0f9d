"""The time a figure is given for, read off the words around it: "lent 18,250 books *in 2022* and 19,700 *last
year*", "its cardiac unit, which *now* has 30". A sentence that gives one thing's figure for two times gives each
its own time in its own clause, after the figure ("in 2022") or before its verb ("now has"); a question that names
a time ("How many books did it lend last year?") asks for the figure of that time."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.dates import MONTH_NAMES, MONTH_NUMBERS, WEEKDAY_NAMES

if TYPE_CHECKING:
    from rag.candidates import Candidate

# How time is named in news writing: a year, a month, a weekday, "now", "this/last/next <period>", a season after
# "in (the)", an ordinal quarter or half. Month and weekday names only capitalised ("may" is a verb).
_PERIODS = r"(?i:year|month|week|spring|summer|fall|autumn|winter|season|quarter|semester|term)"
_SEASONS = r"(?i:spring|summer|fall|autumn|winter)"
_MONTHS = "|".join(sorted({*MONTH_NAMES, *(f"{name[:3]}." for name in MONTH_NAMES), "Sept."}, key=len, reverse=True))
_TIME = re.compile(
    rf"(?<![\w.])(?:(?:19|20)\d\d|(?:{_MONTHS.replace('.', '[.]')})|{'|'.join(WEEKDAY_NAMES)}|(?i:now|currently|today)|"
    rf"(?i:this|last|next)\s+{_PERIODS}|(?i:a)\s+{_PERIODS}\s+(?i:earlier|before|ago)|"
    rf"(?:(?<=(?i:in) )|(?<=(?i:during) ))(?i:the )?{_SEASONS}|(?i:first|second|third|fourth) (?i:quarter|half))(?![\w])"
)
# What ends a figure's clause: a comma, a semicolon, a conjunction, another figure (not a year).
_CLAUSE_END = re.compile(
    r"[,;]|\b(?i:and|but|while|compared|up from|down from|from|to)\b|(?<![\d,.])(?!(?:19|20)\d\d\b)\d"
)
# Words a time says the same with ("currently" is "now"; "a year earlier" is "last year").
_SAME_TIME = {"currently": "now", "today": "now", "a year earlier": "last year", "a year before": "last year",
              "a year ago": "last year"}  # fmt: skip


def time_of(text: str, start: int, end: int) -> frozenset[str]:
    """The times named for the figure at `start`-`end` of `text` (one sentence): those after it up to the end of
    its clause, and those between the clause's start and the figure ("which now has 30"); failing both, those of
    its part of the sentence before it."""
    after = text[end:]
    stop = _CLAUSE_END.search(after)
    before = text[:start]
    opened = max((m.end() for m in re.finditer(r"[,;]|\b(?:and|but|which|that)\b", before)), default=0)
    own = _times(after[: stop.start() if stop else len(after)]) | _times(before[opened:])
    if own:
        return own
    # failing its own, a time its part of the sentence opens with, before any figure ("By July, the rate had dropped
    # to 4.6 percent"; "in 2024 it saw 4,700 patients and made 810 referrals"; not "lost $1.9 million last year, and
    # ... two")
    part = before[before.rfind(";") + 1 :]
    figure = _A_FIGURE.search(part)
    return _times(part[: figure.start() if figure else len(part)])


# A figure's start: a digit that begins no year, or a currency sign.
_A_FIGURE = re.compile(r"\$|(?<![\d,.])(?!(?:19|20)\d\d\b)\d")


def figure_time(candidate: "Candidate") -> frozenset[str]:
    """The times named for a candidate's value in its sentence (`time_of`); none for a sentence answer."""
    entity = candidate.answer
    if entity is None:
        return frozenset()
    sentence = candidate.passage.text[candidate.start : candidate.end]
    return time_of(sentence, entity[0] - candidate.start, entity[1] - candidate.start)


def of_another_time(candidate: "Candidate", best: "Candidate", question: str) -> bool:
    """Whether a second outlet's figure is given for a time that neither the best figure nor the question names
    ("5.1 percent in April" against "By July, ... 4.6 percent" for July): no disagreement on one thing."""
    # a weekday tells when something happened, which two outlets tie to different moments of one event ("restored
    # service Sunday", "after a transformer failed Saturday night")
    return clash(figure_time(candidate), figure_time(best) | times_asked(question), kinds=_PERIOD_KINDS)


_PERIOD_KINDS = frozenset({"year", "month", "relative"})


def clash(times: frozenset[str], others: frozenset[str],
          kinds: frozenset[str] = frozenset({*_PERIOD_KINDS, "weekday"})) -> bool:  # fmt: skip
    """Whether two sets of times name different ones of a kind (of `kinds`) both name: "2019" and "2024", "month 4"
    and "month 7", "last year" and "now". Times of different kinds do not clash: "last year" may be 2024,
    "Thursday" in June."""
    return any(
        (mine := {t for t in times if _kind(t) == kind}) and not mine & others
        for kind in {_kind(t) for t in times} & {_kind(t) for t in others} & kinds
    )


def _kind(time: str) -> str:
    if time.isdigit():
        return "year"
    if time.startswith("month "):
        return "month"
    if time.capitalize() in WEEKDAY_NAMES:
        return "weekday"
    return "relative"


def times_asked(question: str) -> frozenset[str]:
    """The times a question names ("last year", "2019", "now")."""
    return _times(question)


def _times(text: str) -> frozenset[str]:
    return frozenset(_key(m.group(0)) for m in _TIME.finditer(text))


def _key(time: str) -> str:
    """One key per time: "Jan." and "January" are month 1; "currently" is "now"; "the summer" is "summer"."""
    words = " ".join(time.casefold().split()).removeprefix("the ")
    month = MONTH_NUMBERS.get(words.rstrip("."))
    return f"month {month}" if month is not None else _SAME_TIME.get(words, words)
