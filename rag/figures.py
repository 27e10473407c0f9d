"""A value's figure as an amount: its number, its unit and a length of time in days.

An answer's value is read here whenever two values are compared: "Three" and "3"
are one figure, "three years" and "36 months" one length, "$1.4 million" and
"1.4 million dollars" one sum, and "$1.1 million" and "$960,000" are of one unit
(dollars) though not one figure. Used to tell distinct answers apart and to tell
whether two outlets' figures disagree (rag.rivals).
"""

from __future__ import annotations

import re

from rag.answer_types import is_duration
from rag.candidate import Candidate
from rag.text import NUMBER_WORDS, normalise, stems

# Words that qualify a figure without changing what it measures.
_HEDGES = ("about", "nearly", "almost", "around", "roughly", "approximately", "some", "least", "more", "less",
           "over", "under", "just", "only", "estimated")  # fmt: skip


def answer_key(candidate: Candidate) -> str:
    answer = candidate.answer_text()
    if answer is None:
        return f"{candidate.passage.passage_id}:{candidate.start}"
    return _value_key(answer)


def _value_key(answer: str) -> str:
    digits = re.findall(r"\d+(?:\.\d+)?", answer.replace(",", ""))
    return " ".join(digits) if digits else " ".join(stems(answer)) or normalise(answer)


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_AMOUNT = re.compile(r"([$€£¥])?\s?(\d[\d,]*(?:\.\d+)?)(?:[\s-](thousand|million|billion|trillion))?"
                     r"(?:\s(dollars?|euros?|pounds?|cents?))?", re.IGNORECASE)  # fmt: skip


def amounts(text: str) -> list[tuple[float, bool]]:
    """Every number of `text` as (amount, whether it is a sum of money): "$1.4 million" and "1.4 million
    dollars" are (1400000.0, True), "12" is (12.0, False); a number inside another ("2012", "12.5") is its own."""
    found = []
    for match in _AMOUNT.finditer(text):
        sign, digits, scale, unit = match.groups()
        if match.start() and text[match.start() - 1].isdigit():
            continue
        amount = float(digits.replace(",", "")) * _SCALES.get((scale or "").casefold(), 1.0)
        found.append((amount, bool(sign or unit)))
    return found


def figure(candidate: Candidate) -> str:
    """The candidate's answer as a figure: "3" for "Three" and "3", "25" for "Twenty-five" (one outlet spells a
    small count out, another gives it in digits: the same figure, no disagreement); a length of time in days
    ("three years" and "36 months" are one length)."""
    answer = candidate.answer_text()
    if answer is None:
        return answer_key(candidate)
    digits = SPELLED_NUMBER.sub(as_digits, answer)
    return (length_in_days(digits) if is_duration(answer) else None) or _value_key(digits)


# A number written as words: "three", "Twenty-five".
SPELLED_NUMBER = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)?\b")


def as_digits(match: re.Match[str]) -> str:
    parts = match.group().casefold().split("-")
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] not in NUMBER_WORDS:
        return f"{NUMBER_WORDS[parts[0]]}-{match.group().split('-')[1]}"  # "three-year" -> "3-year"
    if not all(part in NUMBER_WORDS for part in parts):
        return match.group()
    values = [NUMBER_WORDS[part] for part in parts]
    if len(values) == 2 and not (values[0] >= 20 and values[0] % 10 == 0 and values[1] < 10):
        return match.group()  # "one-two" is no number
    return str(sum(values))


# Days in each unit of a length of time, and a length as news writes it: "36 months", "a 40-month", "a year".
_DAYS_IN = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "fortnight": 14.0,
            "month": 365.25 / 12, "year": 365.25, "decade": 3652.5, "centur": 36525.0}  # fmt: skip
_LENGTH = re.compile(rf"\b(\d+(?:\.\d+)?|an?)[\s-]+({'|'.join(_DAYS_IN)})", re.IGNORECASE)


def length_in_days(text: str) -> str | None:
    """"36 months" -> "1095.75 days"; None unless each number of `text` is a length ("2 to 3 years" is not one)."""
    lengths = _lengths_in_days(text)
    return " ".join(f"{days:.6g} days" for days in lengths) if lengths else None


def _lengths_in_days(text: str) -> list[float]:
    """Each length of time in `text`, in days; none unless each of its numbers is one."""
    lengths = [(1.0 if n.isalpha() else float(n)) * _DAYS_IN[unit.casefold()] for n, unit in _LENGTH.findall(text)]
    return lengths if len(lengths) >= len(re.findall(r"\d+(?:\.\d+)?", text)) else []


def amount(candidate: Candidate) -> float | None:
    """The candidate's answer as one amount ("$2.6 million": 2600000, "three": 3, "36 months": 1095.75 days); None
    when it is not one."""
    answer = candidate.answer_text()
    if answer is None:
        return None
    digits = SPELLED_NUMBER.sub(as_digits, answer)
    found = _lengths_in_days(digits) if is_duration(answer) else [value for value, _ in amounts(digits)]
    return found[0] if len(found) == 1 else None


def same_unit(first: str, second: str, focus: str | None = None) -> bool:
    """Two figures measure the same thing: the same unit, or a bare count beside a count of the noun asked
    about ("17" and "14 homes" for "how many homes": one outlet's figure left the noun out). "212" and
    "38-acre" do not: acres are not what was asked about."""
    units = _unit(first), _unit(second)
    if units[0] == units[1]:
        return True
    asked = set(stems(focus)) if focus else set()
    return any(not unit for unit in units) and any(unit and unit <= asked for unit in units)


def _unit(value: str) -> frozenset[str]:
    """What a figure counts or measures ("hour", "$"), hedges, scale words and digits aside: two figures differ
    only when they measure the same thing."""
    symbols = {c for c in value if c in "$€£¥%"}
    if is_duration(value):
        return frozenset({"<length of time>"})  # "40-month" and "three years" measure the same thing
    # "three" and "Two" are numbers, as "3" and "2" are: neither is what is counted
    hedges = {stem for word in (*_HEDGES, *NUMBER_WORDS, *_SCALES) for stem in stems(word)}  # "$1.1 million" is "$"
    return frozenset(set(stems(re.sub(r"[\d.,]+", " ", value))) - hedges | symbols)
