"""Sums in a currency written as a word ("3.2 million crowns", "50,000 pesos", "40,000 shekels") or after a sign
the model left out ("€ 3 million"), which the NER model often tags as a bare number (CARDINAL) or a quantity:
`written_sum` finds the whole sum, so that a money question ("How much did the bridge cost?") has its answer.

"Pounds" is a weight as often as a currency ("300 pounds of food"): a sum only where nothing tells of a weight.
"""

from __future__ import annotations

import re

# English names of currencies, singular and plural (not "won" or "mark", which are as often other words). Not
# the words of any corpus: the currencies a news article may count in.
_CURRENCY_NAMES = (
    r"dollars?|euros?|pounds?|sterling|quid|pence|crowns?|kronor|krona|kroner|krone|kronur|francs?|yen|yuan|"
    r"renminbi|rupees?|pesos?|dinars?|dirhams?|shekels?|riyals?|rials?|rubles?|roubles?|lira|lire|liras|"
    r"zloty|zlotys|zlotych|forints?|korunas?|lei|leu|levs?|leva|hryvnias?|tenge|rand|naira|cedis?|shillings?|"
    r"ringgit|baht|rupiah|dongs?|pesetas?|escudos?|guilders?|drachmas?|reais|bolivars?|soles?|quetzals?|lempiras?|"
    r"colones|colons?|taka|kwacha|birr|nakfa|ariary|dalasis?|kyats?|afghanis?"
)
# A currency's name right after the number, maybe after a country's adjective or two ("12 million Swedish kronor",
# "5 million Hong Kong dollars").
_CURRENCY_AFTER = re.compile(rf"\s+(?:[A-Z][a-z]+\s+){{0,2}}(?P<name>{_CURRENCY_NAMES})\b", re.IGNORECASE)
# A currency's name as the last word of the entity ("500,000 pounds" tagged as a quantity).
_CURRENCY_LAST = re.compile(rf"\b(?P<name>{_CURRENCY_NAMES})$", re.IGNORECASE)
# Signs of currencies, which the model sometimes leaves out of the sum, or which a space parts from it.
CURRENCY_SIGNS = frozenset("$€£¥₹₪₩₽₺₦₱")
_SIGN_BEFORE = re.compile(rf"[{''.join(sorted(CURRENCY_SIGNS))}]\s?$")
_A_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
                       r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)\b",
                       re.IGNORECASE)  # fmt: skip
_POUND = re.compile(r"^pounds?$", re.IGNORECASE)
# What tells of a weight in pounds: "pounds of food", "a 300-pound bear", the verb weigh, a weight's abbreviation.
_OF_A_THING_AFTER = re.compile(r"\s+of\s+(?!sterling\b)", re.IGNORECASE)
_WEIGHT_WORDS = re.compile(r"\b(?:weigh\w*|lbs?|heav(?:y|ier|iest)|ton(?:ne)?s?|ounces?|kilo\w*)\b", re.IGNORECASE)


def written_sum(text: str, s: int, e: int, label: str, start: int, end: int) -> tuple[int, int] | None:
    """For an entity `text[s:e]` the model tagged as a number or a quantity in the sentence `text[start:end]`,
    the span of the sum of money it is part of ("3.2 million" of "3.2 million crowns", "500,000 pounds" as it
    stands, "3 million" of "€ 3 million"); None when it is no sum, or a weight in pounds ("300 pounds of food",
    "the bear weighed 300 pounds")."""
    if label not in ("CARDINAL", "QUANTITY") or not _A_NUMBER.search(text, s, e):
        return None
    sign = _SIGN_BEFORE.search(text, start, s)
    if sign is not None and sign.end() == s:
        return sign.start(), e  # "€ 3 million": the sign parted from its number by a space
    last = _CURRENCY_LAST.search(text, s, e)
    after = _CURRENCY_AFTER.match(text, e, end) if last is None else None
    named = last or after
    if named is None:
        return None
    over = named.end() if after is not None else e
    if _POUND.match(named.group("name")) and _a_weight(text, over, start, end):
        return None
    return s, over


def _a_weight(text: str, over: int, start: int, end: int) -> bool:
    """Whether pounds ending at `over` in the sentence `text[start:end]` weigh something: pounds of a thing, a
    sentence that tells of weighing ("weighed", "lbs", "tons"), or an article that counts its money in dollars."""
    return bool(_OF_A_THING_AFTER.match(text, over, end) or _WEIGHT_WORDS.search(text, start, end)
                or counts_in_dollars(text))


def counts_in_dollars(text: str) -> bool:
    """Whether an article writes its sums in dollars and never in pounds sterling: its "pounds" weigh something."""
    return "$" in text and "£" not in text
