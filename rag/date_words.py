"""How news writes the parts of a date: month and weekday names, years and ordinal words, which both a
question's constraints and the kinds of answer read.
"""

from __future__ import annotations

import re
from typing import Sequence

from index.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from rag.text import normalise

_MONTH_NAMES = dict(MONTH_NUMBERS)  # "july", "jul", "sept" -> month number
WEEKDAYS = frozenset(name.casefold() for name in WEEKDAY_NAMES)

YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth")  # fmt: skip


# Month and weekday names, as `rag.text.words` gives them ("jan", "sept", "thursday").
CALENDAR_WORDS = frozenset(normalise(name) for name in (*MONTH_NUMBERS, *WEEKDAY_NAMES))


# "May" names a month and is a verb. Read without a parse, the month is the one written with a capital after a
# sentence's first word ("in May", "the May call") or before a day or a year ("May 4 was cold"); the verb is the
# rest ("it may rain", "May the board vote?").
_MAY = re.compile(r"\bmay\b", re.IGNORECASE)
_DAY_OR_YEAR_AFTER = re.compile(r"\s+\d")
_SENTENCE_OPENING = " \t“\"‘'(["
MONTH, VERB = "month", "verb"


def kinds_of_may(text: str, dates: Sequence[str] = ()) -> frozenset[str]:
    """How `text` uses "may": MONTH, VERB, both or neither; `dates` are the texts the parser tagged as dates
    ("what happened in may?" written without a capital), whose "may" is the month."""
    kinds = {MONTH if _the_month(text, found.start()) else VERB for found in _MAY.finditer(text)}
    if VERB in kinds and any(_MAY.search(date) for date in dates):
        kinds = (kinds - {VERB}) | {MONTH}
    return frozenset(kinds)


def same_may(asked: frozenset[str], text: str) -> bool:
    """Whether `text` uses "may" as a question that uses it as `asked` (kinds_of_may) does: the month of "the May
    call" is not the verb of "he may talk"."""
    return bool(asked & kinds_of_may(text))


def _the_month(text: str, at: int) -> bool:
    if text[at] != "M":
        return False
    if _DAY_OR_YEAR_AFTER.match(text, at + 3):
        return True
    before = text[:at].rstrip(_SENTENCE_OPENING)
    return bool(before) and before[-1] not in ".!?:\n"
