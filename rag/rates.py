"""Sums given per period or per unit: what must stand by a sum when a question asks for a rate ("an hour", "per
pound"), a rate that answers no question of a sum paid once, and a sum earned.
"""

from __future__ import annotations

import re

from index.nlp import sentence_parse
from rag.answer_types import MEASURE_UNITS, unit_forms
from rag.counted_nouns import TIME_NOUNS
from rag.something_else import EARNING_VERBS
from rag.text import all_stems, stems
from rag.value_clause import governing_verb


def earned(text: str, sentence: tuple[int, int], at: int) -> bool:
    """Whether the sum at text[at:] is earned in its sentence (text[sentence[0]:sentence[1]]): its verb is one of
    earning ("will earn $18 an hour", "will pay referees a stipend of $35 per game"; not "will charge $3 per
    swimmer")."""
    doc = sentence_parse(text[sentence[0] : sentence[1]])
    token = next((t for t in doc if t.idx >= at - sentence[0]), None)
    return token is not None and governing_verb(token).lemma_.casefold() in EARNING_VERBS


# "a year ago", "a week later": a period that dates something, no rate.
_DATING_AFTER = "ago|later|earlier|before|after"
# Periods a sum may be asked for by: "hourly", "an hour", "per hour", "a month", "monthly" ...
_PERIOD_ABBREVIATIONS = {"hour": "hr", "month": "mo", "year": "yr", "week": "wk"}
_PERIODS = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "year": "yearly|annual|annually",
            "night": "nightly"}  # fmt: skip


def asked_rate(question: str) -> re.Pattern[str] | None:
    """What must stand by a sum when the question asks for one per period ("What is the hourly wage?", "What does a
    weaver make an hour?", "How much is a monthly pass?"): "an hour", "per month", "a year", "hourly" ...; or per
    unit of measure ("How much per pound ...?": "a pound", "per pound", "/lb"); None when it asks for no rate ("How
    much did it cost a year ago?", "How much did the 40-acre farm sell for?")."""
    for period, adjectives in _PERIODS.items():
        # lower case only: "the Weekly Ledger" names a paper
        if re.search(rf"\b(?:{adjectives})\b|\b(?:per|an?|each|every) {period}\b(?! (?:{_DATING_AFTER}))", question):
            short = _PERIOD_ABBREVIATIONS.get(period, period)
            return re.compile(
                rf"\b(?:(?:per|an?|each|every) {period}\b|(?:{adjectives})\b)|/\s?(?:{period}|{short})\b", re.IGNORECASE
            )
    # a price per unit of measure: "How much per pound ...?", "What do farmers pay for an acre-foot of water?"
    for unit in MEASURE_UNITS:
        # "for a gallon of gas", "for an acre-foot of water"; not "for a foot passenger", "for a pound cake", "for a
        # degree in nursing", "for a mile-long stretch": a thing bought whole
        if re.search(rf"\b(?:per|each|every) {unit}\b|\bfor an? {unit}(?:-(?:foot|hour))?(?:\s+of\b|\W*$)"
                     rf"|\bhow much (?:per|an?) {unit}\b", question, re.IGNORECASE):  # fmt: skip
            forms = unit_forms(unit).pattern
            return re.compile(rf"\b(?:per|an?|each|every)\s+(?:{forms})|/\s?(?:{forms})", re.IGNORECASE)
    return None


# What a thing done once costs: "How much will the hotel cost to build?", "the price tag on the bridge"
_ASKS_A_SUM_PAID_ONCE = re.compile(
    r"\b(?:price tag|costs?\s+to\s+(?:build|buy|construct|repair|replace|fix|renovate|restore|finish|complete|"
    r"demolish|rebuild|widen|dredge|install))\b",
    re.IGNORECASE,
)
# ... but not of a thing paid for by the period ("How much does it cost to buy a membership?": "$240 a year", "the
# price tag for tuition"), nor over a span the article may give by the year ("How much will it cost to fix the roads
# over 10 years?": "$2 million a year for ten years")
_PAID_BY_THE_PERIOD = re.compile(
    r"\b(?-i:tuition|memberships?|insurance|premiums?|subscriptions?|pass(?:es)?|rent|leases?|dues)\b"
    r"|\b(?:over|for|during|across|within)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?(?:[\w-]+\s+)?"
    r"(?:years|months|weeks|decades?)\b",
    re.IGNORECASE,
)


def asks_a_sum_paid_once(question: str) -> bool:
    """Whether the question asks what a thing done or bought once costs, which a rate ("$450,000 a year") is not."""
    return bool(_ASKS_A_SUM_PAID_ONCE.search(question)) and not _PAID_BY_THE_PERIOD.search(question)


PER_AMOUNT_AFTER = re.compile(r"\s+(?:per|for each|for every|on each|on every)\s+\$[\d,]+")

# Words of a question that asks a rate ("What is the tax rate?", "How much per $1,000?", "How many mills?").
ASKS_A_RATE = re.compile(r"(?i)\b(?:rates?|per|mills?|millage|each|every|for\s+every)\b")
# After a sum, the one thing it is given per ("$3.10 for every ton", "$3,500 per household"), and words of a question
# that ask the price of one thing (a fee or fare is given per ton or per ride). English words.
_PER_UNIT_AFTER = re.compile(r"(?:\s+to\s+\$[\d,.]+(?:\s+(?:million|billion))?)?"  # ("$1.85 to $2.40 per ton")
                             r"\s+(?:per|for each|for every|on each|on every)\s+([a-z][\w-]*)")
# Before a sum, what makes it the level a rate changed from ("$3.10 for every ton, up from $2.25"); a sum; and how
# far before it (in characters, about a clause) the rate it changed to may stand.
_CHANGED_FROM_BEFORE = re.compile(r"\b(?:up|down)\s+from\s+\$?$")
_A_SUM = re.compile(r"\$[\d,.]*\d(?:\s+(?:million|billion))?")
_RATE_CHANGE_REACH = 100
# Units of time besides those of `TIME_NOUNS`: a sum per one of them is a wage or a cost over time, not a price.
_SHORT_TIME_NOUNS = frozenset({"hour", "minute", "second", "decade", "century", "shift", "time"})
_ASKS_A_PRICE_OF_ONE = re.compile(r"(?i)\b(?:fees?|fares?|prices?|tolls?|charges?|tipping|host|apiece)\b")


def a_unit_rate_not_asked(text: str, start: int, end: int, question: str) -> bool:
    """Whether the sum at text[start:end] is given per one thing ("$3.10 for every ton of trash", "$3,500 per
    household", "from $1.85 to $2.40 per ton"), or is the level such a rate changed from ("..., up from $2.25"), not
    per a time (a yearly cost is still a cost: "$240,000 a year"), and the question asks no price of one thing:
    none of its words of a rate or a fee, nor the thing the sum is given per ("What can a household get?")."""
    if _CHANGED_FROM_BEFORE.search(text, max(0, start - 12), start):
        earlier = list(_A_SUM.finditer(text, max(0, start - _RATE_CHANGE_REACH), start))
        if earlier:
            end = earlier[-1].end()  # the rate it changed to tells what it is given per
    per = _PER_UNIT_AFTER.match(text, end)
    if per is None or per.group(1).rstrip("s") in TIME_NOUNS | _SHORT_TIME_NOUNS:
        return False
    if ASKS_A_RATE.search(question) or _ASKS_A_PRICE_OF_ONE.search(question):
        return False
    return not all_stems(per.group(1)) & set(stems(question))
