"""The kinds of answer a question may ask for (`AnswerType`), and which of the NER model's entities can give
each: its labels, a length of time or a point in time, the part of a date asked, a number of people or a sum.
"""

from __future__ import annotations

import re
from typing import Collection, Literal

from rag.date_words import ORDINAL_WORDS, WEEKDAYS, YEAR, _MONTH_NAMES
from rag.text import NUMBER_WORDS, normalise, stems

AnswerType = Literal[
    "person", "organisation", "place", "date", "duration", "count", "money", "percent", "quantity", "measure", "age",
    "name", "reason", "quote", "list", "yes_no", "description",
]  # fmt: skip

# Entity labels (OntoNotes, as the NER model tags them) that can answer each typed question.
ANSWER_LABELS: dict[str, tuple[str, ...]] = {
    "person": ("PERSON", "ORG"),  # "Who will train the welders?": "Ardmoor Community College"
    "organisation": ("ORG",),
    "place": ("GPE", "LOC", "FAC", "ORG"),  # "Where did the students go?": "Harlan Middle School", an ORG to the model
    "date": ("DATE", "TIME"),
    "duration": ("DATE", "TIME", "QUANTITY"),
    "count": ("CARDINAL", "ORDINAL", "QUANTITY"),
    "money": ("MONEY",),
    "percent": ("PERCENT",),
    "quantity": ("MONEY", "QUANTITY", "CARDINAL", "PERCENT"),  # "How big a cut?": "20 percent" too
    # "How deep was the water?": "4 feet" first; a bare number only when no passage gives a unit
    # ("a magnitude 5.8 quake", "40 stories"): rag.candidates.measures_first
    "measure": ("QUANTITY", "CARDINAL"),  # not a sum: "How tall is the statue?" is not "$85,000" it cost
    "age": ("CARDINAL", "DATE"),  # "Dale Orrin, 52," and "52 years old" (the model tags ages either way)
    # "What is the name of the restaurant?": a name of any kind
    "name": ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"),
}
TYPED_ANSWERS = frozenset(ANSWER_LABELS)

# Nouns for a sum a body has, owes or lacks ("How big was the deficit?"): its size is a sum or a share, never a
# bare number of something. English nouns of public finance.
_FINANCIAL_NOUNS = frozenset({"deficit", "surplus", "shortfall", "debt", "revenue", "income", "profit", "savings",
                              "endowment", "overrun", "windfall", "reserve", "reserves", "gap", "loss",
                              "losses"})  # fmt: skip
# Of those, nouns as often of a number of things ("the job loss", "a shortfall of 60 volunteers", "a gap of 40
# votes", "their 42-7 loss"): a sum only when the question names money too ("the budget shortfall").
_SUMS_OR_COUNTS = frozenset({"gap", "loss", "losses", "shortfall"})
# A tax levied at a rate: "a 1.5-mill levy" gives its size in a bare number.
_RATED_IN_MILLS = frozenset({"levy"})
# Nouns for a group of people ("How big was the crowd?"): its size is a number of people or a share ("turnout was
# 34 percent"), never a sum of money or a measure ("3 acres"). English nouns for gatherings and staffs.
GROUPS_OF_PEOPLE = frozenset({"crowd", "audience", "turnout", "attendance", "staff", "workforce", "faculty",
                               "membership", "congregation", "class", "team", "squad", "crew", "following",
                               "gathering", "rally", "protest", "delegation"})  # fmt: skip

# Words that make an amount a sum of money ("how much money", "what dollar value").
MONEY_WORDS = frozenset({"money", "cash", "funding", "dollar", "euro", "pound", "yen", "cent", "price", "cost",
                         "fee", "salary", "wage", "fine", "budget", "worth", "spend", "pay", "owe", "fund",
                         "donate", "invest", "borrow", "bond", "bail", "loan", "grant", "levy", "rent", "severance",
                         "settlement", "damages", "fare", "tuition", "payment", "refund", "rebate",
                         "subsidy", "pension", "bonus", "reward", "aid", "reimbursement", "compensation",
                         "allowance", "stipend", "bid"})  # fmt: skip
# Nouns whose size is a sum or a share, never a bare number ("How big was the deficit?": not "186" students).
ONLY_SUMS = (_FINANCIAL_NOUNS | MONEY_WORDS) - _SUMS_OR_COUNTS - _RATED_IN_MILLS
# Nouns as often of a store of salt, water or land as of money ("the road salt reserve", "a nature reserve").
RESERVES = frozenset({"reserve", "reserves"})
# Nouns of public finance whose "What is the N?" asks for a sum ("What was the mill's payroll?", "What is the
# deficit?"), with an offer's price ("What was the winning bid?"); not those as often of a number of things.
FINANCE_SUMS = (_FINANCIAL_NOUNS | {"payroll", "bid"}) - _SUMS_OR_COUNTS - RESERVES

# A number with a decimal fraction counts nothing unless a scale word makes it whole ("1.2 million").
_FRACTION = re.compile(r"\d\.\d")
_SCALE_WORDS = re.compile(r"\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
# "5 per cent" is sometimes tagged MONEY: a share is no sum of money.
_PERCENT_WORDS = re.compile(r"%|\bper ?cent\b|\bpercent(?:age)?\b", re.IGNORECASE)
# An ordinal ("the sixth call") answers "how many times" or "which number", not "how many homes".
_ORDINAL_FOCUS = frozenset({"time", "number"})

# Units that make a DATE/TIME/QUANTITY entity a length of time rather than a point in time.
DURATION_UNITS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year", "decade", "century"}
)
# Units of measure (lemmas) a "how many" question can count in: "How many square feet ...?" asks for a number of
# feet, which "30 treatment rooms" is not. English units, not the words of any corpus.
MEASURE_UNITS = frozenset({"foot", "mile", "acre", "inch", "yard", "meter", "metre", "kilometer", "kilometre",
                           "gallon", "liter", "litre", "pound", "ton", "tonne", "ounce", "degree", "hectare",
                           "kilowatt", "megawatt", "watt", "barrel", "bushel"})  # fmt: skip


# The abbreviations news writing gives units in ("60 mph", "2,400 sq. ft.", "1,200 lbs.", "98°F"); those that are
# also common words ("in.", "m") are left out.
_UNIT_ABBREVIATIONS = {"foot": ("ft",), "mile": ("mph",), "pound": ("lb", "lbs"), "kilometer": ("km",),
                       "kilometre": ("km",), "degree": ("°", "°f", "°c"), "kilowatt": ("kw", "kwh"),
                       "megawatt": ("mw", "mwh"), "gallon": ("gal",), "ounce": ("oz",), "yard": ("yd", "yds")}  # fmt: skip


def unit_forms(unit: str) -> re.Pattern[str]:
    """The written forms of a unit of measure: its singular and plural ("foot", "feet") and its abbreviations
    ("ft"), not inside a longer word."""
    plural = {"foot": "feet", "inch": "inches"}.get(unit, unit + "s")
    forms = "|".join(re.escape(form) for form in (unit, plural, *_UNIT_ABBREVIATIONS.get(unit, ())))
    return re.compile(rf"(?<![^\W\d_])(?:{forms})(?![^\W\d_])", re.IGNORECASE)


# Words that turn a length of time into a point in time: "60 days ago", "earlier this week", "next month"
# (but "the next 50 days" is a length: a number between makes it one).
_POINTING_WORDS = frozenset({"ago", "earlier", "later", "since"})
# A length of time has a number, or a word standing for one: "a day", "several weeks", "three years".
_QUANTIFIERS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "several", "few",
                          "many", "half", "couple", "dozen", "dozens", "hundreds"})  # fmt: skip
_DEICTIC = frozenset({"this", "next", "last", "previous", "coming"})

# A date in digits: "7/3/2025", "3.7.2025", "2025-07-03".
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")


# An ordinal before a word of time: "a sixth day", "its 12th year" (not "a second", a length of time itself, nor
# "the first five years").
_AN_ORDINAL_BEFORE_A_WORD = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS) + r")\s+([a-z]+)")


def is_duration(entity_text: str) -> bool:
    """A length of time ("86 days", "about an hour", "a 30-day") rather than a point in time ("May 14")."""
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    units = any(w.rstrip("s") in DURATION_UNITS for w in words)
    counted = any(w.isdigit() or w in _QUANTIFIERS for w in words)
    deictic = any(w in _DEICTIC and nxt.rstrip("s") in DURATION_UNITS for w, nxt in zip(words, words[1:]))
    # ("a sixth day", "its 12th year": one of a row, not how long)
    ordinal = any(m.group(1).rstrip("s") in DURATION_UNITS
                  for m in _AN_ORDINAL_BEFORE_A_WORD.finditer(normalise(entity_text)))  # fmt: skip
    pointed = (
        deictic
        or ordinal
        or any(w in _MONTH_NAMES or w in WEEKDAYS or w in _POINTING_WORDS for w in words)
        or bool(YEAR.search(entity_text))
    )
    # ("750 kilowatt-hours", "700 gallons per minute": an amount of energy or a rate, measured by a time)
    return units and counted and not pointed and not _BY_A_TIME.search(entity_text)


# A unit of time that makes another unit of it ("kilowatt-hours", "staff-hours"; not "six-day") or a rate ("per
# minute"). English words.
_BY_A_TIME = re.compile(r"(?i)\b(?:kilowatt|megawatt|gigawatt|watt|man|person|labou?r|worker|staff|volunteer|patient|"
                        r"bed|passenger|vehicle|seat)-(?:hours?|days?)\b"
                        r"|\bper\s+(?:second|minute|hour|day|week|month|year)\b")


def _a_fraction(number: str) -> bool:
    """A number with a decimal part and no scale word that makes it whole ("0.5", not "1.2 million")."""
    return bool(_FRACTION.search(number)) and not _SCALE_WORDS.search(number)


# Verbs of a change in an amount: a share answers by how much ("cut travel times by 20 percent"). English verbs.
_VERBS_OF_CHANGE = frozenset({"save", "cut", "reduce", "shave", "lose", "gain", "add", "increase", "decrease",
                              "shorten", "lengthen", "trim", "slash"})  # fmt: skip


def _counts_the_focus(entity_text: str, focus: str) -> bool:
    """Whether a number right before the focus noun counts it ("14 seasons", "three terms"); not a year ("the 2019
    season")."""
    words = entity_text.split()
    return any(
        (re.fullmatch(r"\d{1,3}", first) or first.casefold() in NUMBER_WORDS) and set(stems(second)) & set(stems(focus))
        for first, second in zip(words, words[1:])
    )


def entity_fits(answer_type: str, label: str, entity_text: str, focus: str | None = None,
                asked: Collection[str] = ()) -> bool:  # fmt: skip
    """Whether an entity of `label` can answer a question of `answer_type` about `focus`, the question's content
    lemmas being `asked`."""
    if answer_type == "count" and focus and focus.rstrip("s") in DURATION_UNITS and label in ("DATE", "TIME"):
        return is_duration(entity_text)  # "how many days ...?": "86 days" is tagged as a date, not a number
    if answer_type == "count" and focus and label in ("DATE", "TIME") and _counts_the_focus(entity_text, focus):
        return True  # "How many seasons did she coach?": the model tags "14 seasons" or "three terms" as a date
    if label == "MONEY" and _PERCENT_WORDS.search(entity_text):
        label = "PERCENT"
    if answer_type == "duration" and focus == "time" and label == "PERCENT" and set(asked) & _VERBS_OF_CHANGE:
        return True  # "How much time could drivers save?": "up to 20 percent" of it
    if label not in ANSWER_LABELS.get(answer_type, ()):
        return False
    if answer_type == "quantity" and focus in GROUPS_OF_PEOPLE and (
        label == "MONEY" or any(unit_forms(unit).search(entity_text) for unit in MEASURE_UNITS)
    ):
        return False  # "How big was the crowd?": "More than 80", not "3 acres"
    if (answer_type == "quantity" and label == "CARDINAL"
            and (focus in ONLY_SUMS or (focus in _SUMS_OR_COUNTS and set(asked) & ONLY_SUMS))):  # fmt: skip
        return False  # "How big was the deficit?": a sum or a share, not "186" students
    if (answer_type == "count" and label == "QUANTITY" and focus and not set(stems(focus)) & set(stems(entity_text))
            and not (focus in MEASURE_UNITS and unit_forms(focus).search(entity_text))):  # fmt: skip
        return False  # "how many homes": "1,200 acres" measures something else; "how many feet": "2 feet" does not
    if answer_type == "count" and label == "CARDINAL" and _a_fraction(entity_text):
        return False  # "how many people": "1.5" (of a 1.5-acre lot) counts no one; "1.2 million" or "4.2 miles" do
    if label == "ORDINAL":
        return focus is None or focus in _ORDINAL_FOCUS
    if answer_type == "duration":
        return is_duration(entity_text)
    if answer_type == "date":
        return (not is_duration(entity_text) and gives_the_date_part(entity_text, focus)
                and not _a_bare_small_number(entity_text) and not _units_alone(entity_text))  # fmt: skip
    return True


def _units_alone(entity_text: str) -> bool:
    """Units of time with no number or time named ("months", "for years", "hours"): no point in time ("who book
    months ahead")."""
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    units = {w for w in words if w.endswith("s") and w[:-1] in DURATION_UNITS}
    return bool(units) and all(w in units or w in ("for", "the", "many", "several") for w in words)


# Words that make a number a time: "6 a.m.", "the 1990s", "day 6", "week 3", "6 years ago".
_TIME_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                         "century", "today", "tomorrow", "yesterday", "tonight", "weekend", "season", "quarter",
                         "spring", "summer", "fall", "autumn", "winter", "ago", "now", "s"})  # fmt: skip


def _a_bare_small_number(entity_text: str) -> bool:
    """Whether a "date" the model tagged is a small number with no word of time: "under 6" of "children under 6 ride
    free" is an age; "June 6", "6 a.m.", "day 6" are times."""
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    numbers = [w for w in words if w.isdigit()]
    return (bool(numbers) and all(len(n) <= 2 for n in numbers) and not _CLOCK_TIME.search(entity_text)
            # (not "the 6th", "3/4", "'64")
            and not re.search(r"\d(?:st|nd|rd|th)\b|\d\s*[/.-]\s*\d|['’]\d\d\b", entity_text)
            and not any(w in _MONTH_NAMES or w in WEEKDAYS or w in _TIMES_OF_DAY or w in _TIME_WORDS
                        for w in words))  # fmt: skip


# A day's name, as holidays are named: "Memorial Day", "Election Day", "Christmas Eve".
_NAMED_DAY = re.compile(r"\b(?:Day|Eve)\b")
# The ordinal words a day of a month may be written in: "the Fourth of July", "March first", "March twenty-first".
_DAY_ORDINALS = frozenset({*ORDINAL_WORDS, "thirtieth"})


def _a_day_in_words(words: list[str]) -> bool:
    """The words give a day of a month as an ordinal word: "the fourth of july", "march first"; not "the first
    week of march"."""
    words = [w for w in words if w not in ("twenty", "thirty")]  # "march twenty-first": "march first"
    for i, word in enumerate(words):
        of_a_month = words[i + 1 : i + 2] == ["of"] and any(w in _MONTH_NAMES for w in words[i + 2 : i + 3])
        if word in _DAY_ORDINALS and of_a_month:
            return True
        if word in _MONTH_NAMES and i + 1 < len(words) and words[i + 1] in _DAY_ORDINALS:
            return True
    return False


def gives_the_date_part(entity_text: str, focus: str | None) -> bool:
    """Whether a point in time says what "what year / month / day / date" asks for: a year number for "year",
    a month for "month", a weekday for "weekday", a weekday or a day of a month for "day", a day of a month for
    "date" ("What year was the pool built?" is not answered by "Monday", nor "In what month?" by "2024").
    "What time / hour" asks for a time of day ("7:09 p.m.", "Friday evening"), not "Monday". Any point in time
    answers the other questions ("When ...?")."""
    part = (focus or "").casefold()
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    month = any(w in _MONTH_NAMES for w in words)
    weekday = any(w in WEEKDAYS for w in words)
    day_of_month = ((month and any(w.isdigit() and len(w) <= 2 for w in words))
                    or bool(_NUMERIC_DATE.search(entity_text)) or _a_day_in_words(words))  # fmt: skip
    named_day = bool(_NAMED_DAY.search(entity_text))  # "Memorial Day", "Christmas Eve"
    if part == "year":
        return bool(YEAR.search(entity_text))
    if part == "month":
        return month or day_of_month
    if part == "weekday":
        return weekday
    if part == "day":
        return weekday or day_of_month or named_day
    if part == "date":
        return day_of_month
    if part in ("time", "hour"):
        return bool(_CLOCK_TIME.search(entity_text)) or any(w in _TIMES_OF_DAY for w in words)
    return True


# A time of day: "7:09 p.m.", "6 a.m.", "noon"; and the parts of a day news writing gives instead.
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b", re.IGNORECASE)
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight", "dawn", "dusk", "noon",
                           "midnight", "midday"})  # fmt: skip
