"""Calendar dates in article metadata and text: one parser, one rule, month names in one place.

`parse_date` is the only function in the project that turns a string into a
date: front matter, HTML meta values, manifest entries and the header lines of
plain text all go through it. Parsing is done by python-dateutil; this module
adds the rules a publication date needs:

* Every part must be written: a day, a month and a year. "July 2025", "July 3"
  and "2025" are not dates (dateutil would fill the gaps from today).
* Ambiguous numeric dates are refused. "03/07/2025" is 3 July in most of the
  world and March 7 in the United States, and nothing in a file says which was
  meant; storing the wrong date is worse than storing none. A numeric date is
  read only when both readings agree: a part above 12 ("13/07/2025", "7/13/2025")
  or equal parts ("05/05/2025"). A date that starts with a four-digit year
  ("2025-07-03", "2025/07/03") is year-month-day (ISO 8601 order).
* A leading weekday ("Thursday, July 3, 2025"; "Tues." too) settles an
  ambiguous numeric date when only one reading falls on it ("Wed, 12/11/2019"
  is 11 December); otherwise it is ignored. So are a time and a time zone: the
  date is the one written, never converted ("2025-07-03T23:38:00+10:00" is 2025-07-03).
* A string that is not itself a date but contains exactly one ("Published:
  April 3, 2024 at 5:42 PM CDT", "By Jane Doe, AP, July 3, 2025") gives that
  date; `find_dates` lists where dates are written in a line.

Month and weekday names are English (the language of the rest of the
pipeline) and are fixed here rather than taken from the `calendar` module,
whose names follow the process locale.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

__all__ = [
    "FoundDate",
    "MONTH_NAMES",
    "MONTH_NUMBERS",
    "MONTH_PATTERN",
    "TIME_PATTERN",
    "WEEKDAY_NAMES",
    "WEEKDAY_PATTERN",
    "find_dates",
    "iso_date",
    "parse_date",
]

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# casefolded name or abbreviation -> month number: "july" and "jul" -> 7; "sept" too
MONTH_NUMBERS: dict[str, int] = {
    **{name.casefold(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].casefold(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
_WEEKDAY_FORMS = sorted(
    {name.casefold() for name in WEEKDAY_NAMES}
    | {name[:3].casefold() for name in WEEKDAY_NAMES}
    | {"tues", "thur", "thurs", "weds"},
    key=len,
    reverse=True,
)

# Regex sources (use with re.IGNORECASE). Longest forms first so "June" is not read as "Jun".
MONTH_PATTERN = "(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + ")"
WEEKDAY_PATTERN = "(?:" + "|".join(_WEEKDAY_FORMS) + ")"
# A clock time with optional seconds, a.m./p.m. and a zone ("5:42 PM CDT", "06.00 BST", "23:38 GMT+10").
# Zone names are matched in upper case only, so words are never taken for zones.
TIME_PATTERN = (
    r"(?:\b\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b))?"
    r"|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b))"
    r"(?:\s*(?-i:\b(?:GMT|UTC|[A-Z]{1,4}T)\b)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?"
)

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_EXPRESSION = (
    # a weekday, if any, belongs to the date so that it is not left over in the line
    rf"(?:\b{WEEKDAY_PATTERN}\b\.?,?\s+)?"
    r"(?:"
    rf"\b{MONTH_PATTERN}\b\.?\s+{_DAY}\b,?\s+\d{{4}}\b"  # July 3, 2025 / Jul. 3 2025
    rf"|\b{_DAY}\s+(?:of\s+)?{MONTH_PATTERN}\b\.?,?\s+\d{{4}}\b"  # 3 July 2025 / 3rd of July, 2025
    r"|(?<![\d/.-])\d{4}-\d{1,2}-\d{1,2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d/-])"
    r"|(?<![\d/.-])\d{4}[/.]\d{1,2}[/.]\d{1,2}(?![\d/-]|\.\d)"
    r"|(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/-]|\.\d)"
    r")"
)
_YEAR_FIRST = re.compile(r"^\d{4}[-/.]\d")
_LEADING_WEEKDAY = re.compile(rf"^{WEEKDAY_PATTERN}\b\.?,?\s*", re.IGNORECASE)
# Longer than this, a string is prose, not a date value.
MAX_DATE_CHARS = 200


@dataclass(frozen=True)
class FoundDate:
    start: int  # character offsets of the date expression in the searched text
    end: int
    value: date | None  # None: an ambiguous numeric date (listed only when asked for)


@cache
def _date_expression() -> re.Pattern[str]:
    return re.compile(_DATE_EXPRESSION, re.IGNORECASE)


def find_dates(text: str, ambiguous: bool = False) -> list[FoundDate]:
    """The dates written in `text` (day, month and year all given), in order of appearance.

    With `ambiguous`, numeric dates that read two ways ("03/07/2025") are listed
    too, with no value: the text says a date there, but not which.
    """
    found = []
    for match in _date_expression().finditer(text):
        readings = _readings(match.group(0))
        if readings and (len(readings) == 1 or ambiguous):
            value = next(iter(readings)) if len(readings) == 1 else None
            found.append(FoundDate(match.start(), match.end(), value))
    return found


def parse_date(value: Any) -> date | None:
    """The date a value gives: a date, a datetime, or a string that is or contains exactly one date.

    None for anything else: junk, partial dates, impossible dates (2025-02-30),
    ambiguous numeric dates ("03/07/2025"), or a string naming two different dates.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    whole = _readings(text)
    if whole:
        return whole.pop() if len(whole) == 1 else None
    found = {f.value for f in find_dates(text, ambiguous=True)}
    return found.pop() if len(found) == 1 else None  # None also when one of the dates is ambiguous


def iso_date(value: Any) -> str | None:
    """`parse_date` as YYYY-MM-DD (how dates are stored), or None."""
    parsed = parse_date(value)
    return parsed.isoformat() if parsed else None


# Two defaults that differ in every field: a part dateutil filled in from the
# default shows up as two different readings.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def _readings(text: str) -> set[date] | None:
    """The dates `text` can be read as by dateutil (the whole of it), or None when it is not a full date.

    One reading: a date. Two: an ambiguous numeric date (day-first and month-first differ).
    """
    from dateutil import parser

    weekday = _LEADING_WEEKDAY.match(text.strip())
    text = text.strip()[weekday.end() :] if weekday else text.strip()
    if not text or not any(c.isdigit() for c in text):
        return None
    year_first = bool(_YEAR_FIRST.match(text))
    readings: set[date] = set()
    for dayfirst in (False,) if year_first else (False, True):
        by_default = set()
        for default in _DEFAULTS:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # e.g. UnknownTimezoneWarning: the zone is not used
                    parsed = parser.parse(text, default=default, dayfirst=dayfirst, yearfirst=year_first, ignoretz=True)
            except (ValueError, OverflowError, TypeError):  # ParserError is a ValueError
                return None
            by_default.add(parsed.date())
        if len(by_default) > 1:
            return None  # a part was missing and came from the default
        readings |= by_default
    if len(readings) > 1 and weekday:
        # "Wed, 12/11/2019": 11 December was a Wednesday, 12 November was not
        day = _weekday_number(weekday.group(0))
        readings = {r for r in readings if r.weekday() == day} or readings
    return readings


def _weekday_number(word: str) -> int:
    return next(i for i, name in enumerate(WEEKDAY_NAMES) if name.lower().startswith(word.strip(" .,").lower()[:3]))
