"""A value answer as its sentence says it whole, past what the model tagged: a weekday with its date, a rate
with its base, a street or a road with its number, a count with the noun it counts.
"""

from __future__ import annotations

import re

from index.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from index.nlp import sentence_parse
from rag.answer_places import ROAD_NOUN_LAST, THOROUGHFARE
from rag.answer_text import balanced_quotes
from rag.candidate import Candidate, text_stems
from rag.counted_nouns import COUNTED_WINDOW, _counted_noun
from rag.rates import PER_AMOUNT_AFTER
from rag.text import stems

# A house number right before a street's name ("220 Main St."), and a road's number right after its name ("County
# Road 12", "Highway 61").
_HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?:at|to|from|of|on|near|outside|behind|in)\s+(?!(?:18|19|20)\d\d\s)(\d{1,5})\s+$"  # not a year: "in 2019 Elm"
)

_ROAD_NUMBER_AFTER = re.compile(r"\s+\d{1,4}[A-Z]?\b(?![\w,.]*\d)(?!\s*(?:percent|%|yards?|feet|foot|miles?|meters?|"
                                r"minutes?|hours?|cars|vehicles|people)\b)")


# A weekday answer and the date the sentence gives right after it ("Thursday, Feb. 6"), which the model may tag apart.
_WEEKDAY = re.compile(r"(?:" + "|".join(WEEKDAY_NAMES) + r")$")
_DAY_OF_A_MONTH_AFTER = re.compile(
    r",\s+(?:" + "|".join(sorted((m.capitalize() for m in MONTH_NUMBERS), key=len, reverse=True)) + r")\.?\s+\d{1,2}\b"
)


def date_with_its_day(candidate: Candidate) -> str | None:
    """A weekday answer with the date right after it ("Thursday, Feb. 6"); else the answer as tagged."""
    if candidate.answer is None:
        return None
    text = candidate.passage.text
    s, e, _ = candidate.answer
    day = _DAY_OF_A_MONTH_AFTER.match(text, e, candidate.end) if _WEEKDAY.search(text[s:e]) else None
    return text[s : day.end() if day else e]


def rate_with_its_base(candidate: Candidate) -> str | None:
    """A rate given as a sum per sum, said whole ("$18.42 per $1,000", which the model tags as "18.42"); else the
    answer as tagged."""
    if candidate.answer is None:
        return None
    text = candidate.passage.text
    s, e, _ = candidate.answer
    per_amount = PER_AMOUNT_AFTER.match(text, e, candidate.end)
    if per_amount is None or _A_PERCENT.search(text[s:e]):
        return text[s:e]
    return text[s - 1 if text[s - 1 : s] == "$" else s : per_amount.end()]


def place_with_its_number(candidate: Candidate) -> str | None:
    """A place answer as the sentence gives it, with the number the model leaves out of a street's or a road's name:
    a house number before a street ("220 Main St."), a number after a road ("County Road 12"); None for no answer."""
    if candidate.answer is None:
        return None
    text = candidate.passage.text
    s, e, _ = candidate.answer
    name = text[s:e]
    if THOROUGHFARE.search(" " + name):
        number = _HOUSE_NUMBER_BEFORE.search(text, max(candidate.start, s - 16), s)
        if number is not None:
            s = number.start(1)
    if ROAD_NOUN_LAST.search(name):
        number = _ROAD_NUMBER_AFTER.match(text, e, candidate.end)
        if number is not None:
            e = number.end()
    return text[s:e]


# After a sum, the sum it is given per: a rate ("$18.42 per $1,000 of assessed value", "$2.10 for every $100").
_A_PERCENT = re.compile(r"%|\bpercent\b|\bper cent\b", re.IGNORECASE)


def counted_phrase(candidate: Candidate, focus: str | None) -> str | None:
    """A count with the noun asked about that it counts ("three firefighters", "24 exam rooms", "12 of the 40
    homes"), None when the parse does not give that noun within COUNTED_WINDOW words after the number: a number
    alone does not say what it counts, and a noun after it may belong to another clause ("Seven were hurt,
    firefighters said", "laid off seven and other workers fear ...")."""
    entity = candidate.answer
    if entity is None or not focus:
        return None
    doc = sentence_parse(candidate.text)
    span = doc.char_span(entity[0] - candidate.start, entity[1] - candidate.start, alignment_mode="expand")
    noun = _counted_noun(span) if span is not None else None
    if noun is None or noun.i < span.end or not set(stems(focus)) & text_stems(noun.text):
        return None  # the answer holds its noun already ("1,200 acres"), or counts something else
    between = [t for t in doc[span.end : noun.i] if not t.is_punct]
    if len(between) > COUNTED_WINDOW or any(t.dep_ in ("cc", "conj") or t.pos_ in ("VERB", "AUX") for t in between):
        return None  # "seven and other workers": the noun is not the seven's alone
    end = candidate.start + noun.idx + len(noun.text)
    text = candidate.passage.text
    if not balanced_quotes(text[entity[0] : end]):
        if not text.startswith(("”", '"'), end):
            return None
        end += 1  # "14 “homes”": the quotation closes after the noun
    return text[entity[0] : end]
