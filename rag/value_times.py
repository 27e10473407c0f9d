"""The time a figure is given for, read off the words around it: "lent 18,250 books *in 2022* and 19,700 *last
year*", "its cardiac unit, which *now* has 30". A sentence that gives one thing's figure for two times gives each
its own time in its own clause, after the figure ("in 2022") or before its verb ("now has"); a question that names
a time ("How many books did it lend last year?") asks for the figure of that time.

A time is kept as "kind:value" keys: "year:2024", "month:6", "weekday:monday", "season:summer", "part:first
quarter", and for times said from the day of writing both "tense:past" / "tense:present" / "tense:future" and the
words ("rel:last year"), so that "now" and "this fall" are one present and "last year" and "this year" differ."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from index.dates import MONTH_NAMES, MONTH_NUMBERS, WEEKDAY_NAMES
from rag.text import NUMBER_WORDS

if TYPE_CHECKING:
    from rag.candidate import Candidate

_PERIODS = r"year|month|week|spring|summer|fall|autumn|winter|season|quarter|semester|term|school\s+year"
_SEASONS = r"spring|summer|fall|autumn|winter"
_MONTHS = "|".join(sorted({*MONTH_NAMES, *(f"{name[:3]}." for name in MONTH_NAMES), "Sept."}, key=len, reverse=True))
# How time is named in news writing. Month and weekday names only capitalised ("may" is a verb).
_TIME = re.compile(
    r"(?<![\w.])(?:"
    r"(?P<range>(?:19|20)\d\d)[-–](?P<range_end>(?:19|20)?\d\d)(?!\d)"
    r"|(?P<year>(?:19|20)\d\d)"
    rf"|(?P<month>{_MONTHS.replace('.', '[.]')})"
    rf"|(?P<weekday>{'|'.join(WEEKDAY_NAMES)})"
    r"|(?P<now>(?i:now|currently|today))"
    rf"|(?P<relative>(?i:this|last|next)\s+(?i:{_PERIODS}))"
    rf"|(?P<earlier>(?i:a)\s+(?i:year)\s+(?i:earlier|before))"
    rf"|(?P<ago>(?i:a)\s+(?i:year)\s+(?i:ago))"
    rf"|(?P<season_by>(?i:in|during|for|by))\s+(?i:the\s+)?(?:(?i:late|early|mid)[\s-]+)?(?P<season>(?i:{_SEASONS}))"
    r"|(?P<part>(?i:first|second|third|fourth)\s+(?i:quarter|half))"
    r")(?![\w])"
)
# A name read as a time: a month or a weekday name, or a year, before a capitalised word ("Chief April Dunn", "the
# March Street office", "2020 Main Street", "May Quell hire staff?"), unless a word of time comes before it ("In
# June Quell took in 62 dogs").
_BEFORE_A_NAME = re.compile(r"\s+[A-Z]")  # (matched at the time's end)
_TIME_WORD_BEFORE = re.compile(
    r"(?i:\b(?:in|on|by|since|until|through|during|of|from|to|last|this|next|early|late|mid|and|or)\s+|,\s*)$"
)
# An article or a possessive before a year, which then dates the name after it: "the 2024 Harvest Fair", "Velt's 2023
# Founders Day".
_AN_ARTICLE_BEFORE = re.compile(r"(?:\b(?i:the|a|an|this|that)|['’]s)\s+$")
# A verb of saying right before a weekday, which then tells when something was said, not when it happened.
_SAID_BEFORE = re.compile(
    r"\b(?i:said|says|announced|reported|confirmed|told\s+\w+(?:\s+\w+)?)\s+(?i:on\s+)?$"
)
# What ends a figure's clause, and where the clause before it opens: a comma, a semicolon, a conjunction, a word
# that sets two figures side by side, another figure (not a year).
_CLAUSE_END = re.compile(
    r"[,;]|\b(?i:and|but|while|compared|versus|than|up from|down from|from|to)\b"
    r"|(?<![\d,.\-–])(?!(?:19|20)\d\d\b)\d"  # (not the end of a range of years, "2023-24")
)
_CLAUSE_OPENS = re.compile(r"[,;]|\b(?i:and|but|while|which|that|compared\s+with|versus|than|from|to)\b")
# A figure's start: a digit that begins no year, a currency sign, or a number in words ("hired seven new ...").
_A_FIGURE = re.compile(
    rf"\$|(?<![\d,.])(?!(?:19|20)\d\d\b)\d|\b(?i:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b"
)
# Kinds whose times of one kind cannot be two at once; "rel" keys only tell which words were used.
_CLASHING = frozenset({"year", "month", "weekday", "tense", "season", "part"})


def time_of(text: str, start: int, end: int) -> frozenset[str]:
    """The times named for the figure at `start`-`end` of `text` (one sentence): those after it up to the end of
    its clause, and those between the clause's start and the figure ("which now has 30"); failing both, a time
    its part of the sentence opens with, before any figure ("By July, the rate had dropped to 4.6 percent"; "in
    2024 it saw 4,700 patients and made 810 referrals"; not "lost $1.9 million last year, and ... two")."""
    after = text[end:]
    stop = _CLAUSE_END.search(after)
    before = text[:start]
    opened = max((m.end() for m in _CLAUSE_OPENS.finditer(before)), default=0)
    own = _times(text, end, end + (stop.start() if stop else len(after))) | _times(text, opened, start)
    if own:
        return own
    part = before.rfind(";") + 1
    figure = _A_FIGURE.search(before, part)
    return _times(text, part, figure.start() if figure else start)


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
    return clash(figure_time(candidate), figure_time(best) | times_asked(question), moments=False)


def clash(times: frozenset[str], others: frozenset[str], moments: bool = True) -> bool:
    """Whether two sets of times name different ones of a kind both name: 2019 and 2024, April and July, last
    year and this year (or now), summer and winter. Times of different kinds do not clash: "last year" may be
    2024, Thursday may be in June, "now" is this fall. Without `moments`, weekdays do not either: a weekday tells
    when something happened, which two outlets tie to different moments of one event ("restored service Sunday",
    "after a transformer failed Saturday night")."""
    kinds = {_kind(t) for t in times} & {_kind(t) for t in others} & _CLASHING
    if not moments:
        kinds.discard("weekday")
    return any(not {t for t in times if _kind(t) == kind} & others for kind in kinds)


def matches(times: frozenset[str], asked: frozenset[str]) -> bool:
    """Whether a figure's times are the ones asked: in the question's own terms when it names any beyond a tense
    ("now" is not "this year", though both are present), else by tense."""
    precise = {t for t in asked if _kind(t) != "tense"}
    return bool(times & (precise or asked))


def with_years_of_writing(times: frozenset[str], published: str | None) -> frozenset[str]:
    """The times, with the year that "last year", "this year" or "next year" is in an article written in
    `published` ("2024-03-28": "last year" is 2023), so that they clash with another year a question names; the
    same times when the article's date is not known."""
    written = year_written(published)
    if written is None:
        return times
    return times | {f"year:{written + _YEARS_FROM_WRITING[t]}" for t in times if t in _YEARS_FROM_WRITING}


def sentence_week(candidate: "Candidate") -> frozenset[str]:
    """The weekday the candidate's sentence names when it names no year, month or other time ("crested at 31.4
    feet early Monday, 9.4 feet above flood stage"): the week every figure of it is told of, unless the figure's
    own clause names another time; empty otherwise."""
    times = _times(candidate.text, 0, len(candidate.text))
    return times if times and all(_kind(t) == "weekday" for t in times) else frozenset()


def with_the_year_of_its_week(times: frozenset[str], published: str | None) -> frozenset[str]:
    """The times, with the year of a weekday named without a year or a month ("approved it on Tuesday"): news
    names a day by its weekday within the week of writing, so it is in the article's year (or, for an article of
    early January, the year before), which clashes with a year long before that a question names."""
    written = year_written(published)
    if written is None or not any(_kind(t) == "weekday" for t in times):
        return times
    if any(_kind(t) in ("year", "month") for t in times):
        return times
    early_january = (published or "")[5:7] == "01" and (published or "")[8:10] <= "07"
    return times | {f"year:{written}"} | ({f"year:{written - 1}"} if early_january else set())


# The years from an article's own that "last year", "this year" and "next year" name.
_YEARS_FROM_WRITING = {"rel:last year": -1, "rel:this year": 0, "rel:next year": 1}


def year_written(published: str | None) -> int | None:
    """The year of an article's date ("2024-03-28": 2024); None when it is not known."""
    written = (published or "")[:4]
    return int(written) if written.isdigit() else None


def _kind(key: str) -> str:
    return key.partition(":")[0]


@lru_cache(maxsize=512)  # asked once for each candidate a rule checks
def times_asked(question: str) -> frozenset[str]:
    """The times a question names ("last year", "2019", "now"); not a bound ("How many routes will it have after
    January?" asks for no figure of January)."""
    unbounded = _BOUND.sub("", question)
    return _times(unbounded, 0, len(unbounded))


_BOUND = re.compile(r"\b(?i:after|before)\s+\S+(?:\s+\d{4})?")


def _times(text: str, start: int, end: int) -> frozenset[str]:
    """The keys of the times named between `start` and `end` of `text` (a year "a year earlier" than a year named
    before it is that year's)."""
    keys: set[str] = set()
    for match in _TIME.finditer(text, start, end):
        named = match.group("month") or match.group("weekday") or match.group("year")
        if (named and _BEFORE_A_NAME.match(text, match.end())
                and not _TIME_WORD_BEFORE.search(text, 0, match.start())
                and not (match.group("year") and _AN_ARTICLE_BEFORE.search(text, 0, match.start()))):  # fmt: skip
            continue  # a name: "Chief April Dunn", "2020 Main Street" (not "the 2024 Harvest Fair", that year's)
        if match.group("weekday") and _SAID_BEFORE.search(text, 0, match.start()):
            continue  # when it was said: "Orlow police said Sunday that 45 people were arrested"
        keys |= _keys(match, text)
    return frozenset(keys)


def _keys(match: re.Match[str], text: str) -> set[str]:
    if match.group("range"):
        first, last = match.group("range"), match.group("range_end")
        return {f"year:{first}", f"year:{first[:2] + last if len(last) == 2 else last}"}  # "2023-24": both
    if match.group("year"):
        return {f"year:{match.group('year')}"}
    if match.group("month"):
        return {f"month:{MONTH_NUMBERS[match.group('month').rstrip('.').casefold()]}"}
    if match.group("weekday"):
        return {f"weekday:{match.group('weekday').casefold()}"}
    if match.group("now"):
        return {"tense:present", "rel:now"}
    if match.group("season"):
        season = "fall" if match.group("season").casefold() == "autumn" else match.group("season").casefold()
        # "plans to hire 60 more by fall": a deadline, the coming one
        return {f"season:{season}", *(("tense:future",) if match.group("season_by").casefold() == "by" else ())}
    if match.group("part"):
        return {f"part:{' '.join(match.group('part').casefold().split())}"}
    if match.group("earlier"):
        # "52 permits in 2019, compared with 38 a year earlier": 2018's; with no year named, last year's
        years = re.findall(r"(?<![\w.])(?:19|20)\d\d(?![\w])", text[: match.start()])
        return {f"year:{int(years[-1]) - 1}"} if years else {"tense:past", "rel:last year"}
    if match.group("ago"):
        return {"tense:past", "rel:last year"}
    words = " ".join(match.group("relative").casefold().split())
    tense, period = {"this": "present", "last": "past", "next": "future"}[words.split()[0]], words.split()[-1]
    season = {f"season:{'fall' if period == 'autumn' else period}"} if re.fullmatch(_SEASONS, period) else set()
    return {f"tense:{tense}", f"rel:{words}", *season}  # "last spring" is a spring too
