"""Numbers that are not the figure a question asks for: a side of a tally ("voted 5-2"), a number of a name
("Route 9", "Ordinance 2024-09"), a chance ("a 70 percent chance"), "first" of "for the first time".
"""

from __future__ import annotations

import re

from rag.answer_types import MEASURE_UNITS
from rag.text import stems

# A capitalised noun for a numbered document or measure right before a number: "Ordinance 2024-09",
# "Resolution 2025-04", "Policy 5130", "Bill No. 12". English nouns, not those of any corpus.
_NUMBERED_DOCUMENT = re.compile(
    r"\b(?:Ordinance|Resolution|Policy|Bill|Case|Docket|Motion|Measure|Proposition|Amendment|Article|Section|"
    r"Chapter|Item|Order|Act|Rule|Form)(?: No\.| Number)?\s+$"
    # and the numbers that name a road, a room or a school grade: "Route 9", "County Road 14", "grades 6 through 12"
    r"|\b(?:Route|Highway|Interstate|Road|Ward|Precinct|Room|Suite|Unit|Lot|Pier|Gate|Exit|Platform|Flight)\s+$"
    r"|\b[Gg]rades?\s+(?:\d+\s*(?:through|to|and|[-–])\s*)?$"
)
_NUMBERED_DOCUMENT_REACH = 24
# Nouns for roads, rooms and numbered posts as writers put them in lowercase ("route 9", "fire station 4",
# "precinct 14"), and five that `_NUMBERED_DOCUMENT` lacks in capitals ("Station 4", "Engine 12", "District 3"),
# where the number is one of a name too.
_NUMBERED_POST = re.compile(
    r"\b(?:route|highway|interstate|ward|precinct|room|suite|pier|gate|exit|platform|station|district|engine|"
    r"ladder|terminal|Station|District|Engine|Ladder|Terminal)\s+$"
)
# Units a number after such a noun may count instead ("the station 4 miles north", "the pier 9 hours later").
_COUNTED_UNITS = MEASURE_UNITS | {"second", "minute", "hour", "day", "week", "month", "year", "time", "percent",
                                  "feet", "people", "person"}  # fmt: skip


def names_a_numbered_thing(text: str, start: int, end: int, focus_stems: frozenset[str] | set[str]) -> bool:
    """Whether the number at text[start:end] is part of a name: "Ordinance 2024-09", "Route 9", "fire station 4";
    not when a unit follows it ("the station 4 miles north of town": four miles), when it is a sum or a measure
    with its unit ("gave the district $4.2 million", "a room 9 feet wide"), or when the thing asked about follows
    it ("gave the precinct 6 new officers" for "How many officers ...?")."""
    reach = max(0, start - _NUMBERED_DOCUMENT_REACH)
    if _NUMBERED_DOCUMENT.search(text, reach, start):
        return True
    if not _NUMBERED_POST.search(text, reach, start) or not _A_BARE_NUMBER.fullmatch(text[start:end]):
        return False
    unit = re.match(r"\s+([a-z]+)", text[end : end + 20])
    if unit is not None and {unit.group(1), unit.group(1).removesuffix("s")} & _COUNTED_UNITS:
        return False
    counted = [w for w in text[end : end + 60].split()[:3] if w.casefold() not in _BEFORE_THE_COUNTED][:1]
    return not (focus_stems and counted and focus_stems & set(stems(counted[0])))


# A number alone, as names give them ("route 9", "station 4B"), and the words between a count and what it counts
# ("6 new officers", "14 more teachers").
_A_BARE_NUMBER = re.compile(r"\d+[A-Za-z]?")
_BEFORE_THE_COUNTED = frozenset({"more", "new", "additional", "extra", "full-time", "part-time", "other"})

# A number that is one side of a body's tally ("voted 3-2", "a 5-2 vote", "voted 6 to 1"), which answers how many
# members voted one way, not "By how many votes did the bond pass?" nor how many people voted.
_TALLY_AFTER = re.compile(r"\s?[-–]\s?\d{1,2}\b|\s+to\s+\d{1,2}\b(?!\s*(?:percent|%))")
_TALLY_BEFORE = re.compile(r"\b\d{1,2}(?:\s?[-–]\s?|\s+to\s+)$")


def a_side_of_a_tally(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is one side of a tally of one or two digits ("3" of "voted 3-2")."""
    return bool(re.fullmatch(r"\d{1,2}", text[start:end]) and (
        _TALLY_AFTER.match(text, end) or _TALLY_BEFORE.search(text, max(0, start - 6), start)))


# Nouns of how likely something is: a percentage of one ("a 70 percent chance of snow") is no amount.
_CHANCE_WORDS = r"(?:chances?|probability|likelihood|odds)"

_CHANCE_AFTER = re.compile(rf"\s*{_CHANCE_WORDS}\b", re.IGNORECASE)
_CHANCE_BEFORE = re.compile(rf"\b{_CHANCE_WORDS}\b[^.,;:!?]{{0,40}}$", re.IGNORECASE)


def a_chance(text: str, start: int, end: int, sentence_start: int) -> bool:
    """The percentage at text[start:end] tells how likely something is: "a 70 percent chance of snow", "put the
    odds of rain at 80 percent"."""
    return bool(_CHANCE_AFTER.match(text, end) or _CHANCE_BEFORE.search(text, max(sentence_start, start - 60), start))


# A tally ("voted 5-2", "won 3-1"): its numbers count votes or points, which only a question about them asks for.
_TALLY = re.compile(r"\d+\s?[-–]\s?\d+")
_TALLY_IN_WORDS = re.compile(
    r"\b(?:passed|failed|won|lost|carried|approved|rejected|defeated|voted|vote of|margin of)\s+"
    r"(?P<first>\d[\d,]*)\s+to\s+(?P<last>\d[\d,]*)\b"
    # and what follows a result: a pause, the votes or a word of when; not the thing a range counts ("approved 40
    # to 60 homes", "3 to 4 percent raises", "won 3 to 4 more seats", "approved 40 to 60 in the first phase")
    r"(?=\s*(?:[,.;:)—–-]|$)|\s+(?:votes?|ballots?|on|after|before|over|against|when|during|last|this|but)\b)"
    # or the votes named ("512 votes to 398 for ...")
    r"|\b(?P<votes>\d[\d,]*)\s+votes?\s+to\s+(?P<other>\d[\d,]*)\b",
    re.IGNORECASE,
)

# A verb of voting before a tally, and what may end the clause after one ("174-17, or about 91 percent").
_A_VOTE_BEFORE = re.compile(r"(?i)\b(?:approved|ratified|passed|rejected|defeated|voted|adopted)\b[^.;]*$")
_CLAUSE_END_AFTER = re.compile(r"(?i)\s*(?:[,.;:)—–]|$|\s(?:votes?|ballots?|margin|vote)\b)")


def for_the_first_time(text: str, start: int, end: int) -> bool:
    """The ordinal at [start, end) is "first" in "for the first time": "never before". A later one does count
    ("met for the third time this year": three times)."""
    return (
        text[start:end].casefold() == "first"
        and text[max(0, start - 8) : start].casefold() == "for the "
        and text[end : end + 5].casefold() == " time"
    )


def in_a_tally(text: str, start: int, end: int, focus_stems: set[str]) -> bool:
    """The number at [start, end) is a side of a tally like "5-2": not a span of years such as "2023-24", nor a
    range of the thing counted ("40-50 people" for "How many people ...?")."""
    for match in _TALLY.finditer(text, max(0, start - 4), min(len(text), end + 4)):
        if match.start() <= start < match.end():
            counted = bool(focus_stems & set(stems(" ".join(text[match.end() : match.end() + 40].split()[:1]))))
            if counted:
                return False
            # a larger one after a verb of voting, ending its clause: "Union members approved the contract 174-17,"
            return all(len(side) <= 2 for side in re.findall(r"\d+", match.group())) or bool(
                _A_VOTE_BEFORE.search(text, max(0, match.start() - 50), match.start())
                and _CLAUSE_END_AFTER.match(text, match.end())
            )
    # "The recall passed 512 to 398", "512 votes to 398": a vote's result in words, of any size
    return any(
        match.start("first" if match.group("first") else "votes") <= start
        < match.end("last" if match.group("first") else "other")
        for match in _TALLY_IN_WORDS.finditer(text, max(0, start - 40), min(len(text), end + 20))
    )
