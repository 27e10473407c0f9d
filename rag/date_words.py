"""How news writes the parts of a date: month and weekday names, years and ordinal words, which both a
question's constraints and the kinds of answer read.
"""

from __future__ import annotations

import re

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
