"""A constraint of a question (a name, a year, a year range, a date, a number, an identifier ...), and whether
it holds in an article's text: names as outlets spell them, numbered names, datelines, dates and year ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Literal

from rag.date_words import ORDINAL_WORDS, _MONTH_NAMES
from rag.text import NUMBER_WORDS

ConstraintKind = Literal["name", "year", "year_range", "date", "number", "identifier", "size", "numbered"]

YEAR_RANGE = re.compile(r"\b(1[89]\d\d|2\d\d\d)\s*[-–—/]\s*(\d{4}|\d{2})\b")


@dataclass(frozen=True)
class Constraint:
    """Something the question names that the answering sentence or its article must mention."""

    text: str  # as written in the question
    kind: ConstraintKind
    label: str | None = None  # the NER label, for names
    keys: tuple[str, ...] = ()  # normalised forms looked for
    # Names joined by "and"/"or" ("the Tolliver County and the Corliss-Greer bonds") share a group:
    # a sentence about either one respects the question. None: a group of its own.
    alternatives: str | None = None
    # A name the question gives with nouns for what it names ("the Wexley city council", "the Eastbrook school
    # board"): one of them must stand within a few words of the name ("Wexley's council", "Eastbrook Public
    # Schools"), not only the town
    near: tuple[str, ...] = ()
    # The names joined to this one by "and"/"or" before such nouns ("the joint Tarnby and Orlow police"): one of
    # them must stand within a few words of it, in the same sentence ("Tarnby police and Orlow police"), not
    # anywhere in the article ("Tarnby police have 21 officers. Orlow police have 17")
    joined: tuple[str, ...] = ()
    # A local body's capitalised name ("the Harwick City Council") as its place and the noun for the body ("harwick",
    # "council"): an article whose dateline gives the place ("HARWICK - The City Council voted ...") is about that
    # place's council wherever it writes "the council".
    place_and_body: tuple[str, str] | None = None

    def holds_in(self, text: str, words: Collection[str]) -> bool:
        """Whether `text` (normalised, see rag.text.normalise) with word tokens `words` mentions it."""
        if self.kind == "name" and self.place_and_body is not None:
            place, body = self.place_and_body
            if _in_the_dateline(place, text) and any(word in _BODY_WORD_FORMS.get(body, ()) for word in words):
                return True
        if self.kind == "name":
            return (
                all(_name_in(key, text, words) for key in self.keys)
                and (not self.near or any(_stands_near(self.keys[0], noun, text) for noun in self.near))
                and (not self.joined or any(_stand_together(self.keys[0], other, text) for other in self.joined))
            )
        if self.kind == "year_range":
            first, second = self.keys
            return any(
                match.group(1) == first and full_year(first, match.group(2)) == second
                for match in YEAR_RANGE.finditer(text)
            )
        if self.kind == "date":
            month, day = int(self.keys[0]), self.keys[1]
            return any(
                _MONTH_NAMES.get(m.group("month")) == month and m.group("day") == day for m in date_mentions(text)
            )
        if self.kind == "numbered":
            return numbered_in(self.keys[0], self.keys[1], text)
        if self.kind == "identifier":
            return re.search(rf"(?<![\w-]){re.escape(self.keys[0])}(?![\w-])", text) is not None
        if self.kind == "size":
            number, noun = self.keys
            spelled = [word for word, value in NUMBER_WORDS.items() if str(value) == number]
            numbers = "|".join([re.escape(number), *spelled])
            plural = re.escape(noun[:-1]) + "ies" if noun.endswith("y") else re.escape(noun) + "(?:s|es)"
            return re.search(rf"(?<![\w.-])(?:{numbers})[\s-](?:{re.escape(noun)}|{plural})\b", text) is not None
        if self.kind == "number":  # "7 percent" is also written "7%", one word to rag.text.words
            return all(key in words or f"{key}%" in words for key in self.keys)
        return all(key in words for key in self.keys)


_CARDINAL_WORDS = tuple(word for word, value in sorted(NUMBER_WORDS.items(), key=lambda item: item[1])
                       if 0 < value <= len(ORDINAL_WORDS))
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
          "xviii", "xix", "xx")


def numbered_in(word: str, number: str, text: str) -> bool:
    """Whether normalised `text` names the one of `word` with `number` as news writes it: "precinct 7", "no. 3 fire
    station", "lot no. 9", "the fourth ward", "the 2nd district" (the number within three words of the word)."""
    forms = [re.escape(number), rf"no\.?\s*{re.escape(number)}", rf"number\s+{re.escape(number)}"]
    if number.isdigit():
        forms.append(rf"{int(number)}(?:st|nd|rd|th)")
        if 0 < int(number) <= len(ORDINAL_WORDS):
            # "the Fourth Ward", "Ward Three", "Phase II"
            forms += [ORDINAL_WORDS[int(number) - 1], _CARDINAL_WORDS[int(number) - 1], _ROMAN[int(number) - 1]]
    numbered = rf"(?:{'|'.join(forms)})"
    near = r"(?:\W+\w+){0,2}\W+"
    return re.search(rf"(?<![\w-]){numbered}{near}{re.escape(word)}s?\b|\b{re.escape(word)}{near}{numbered}(?![\w-])"
                     rf"|\b{re.escape(word)}\s*{re.escape(number)}(?![\w-])", text) is not None


# Words between a name and the noun for what it names: "Tarnby County commissioners", "the Tarnby Board of
# Education", "Wexley's city council".
_NEAR_WORDS = 3


# The nouns that end a local body's name after its place ("Harwick City Council", "Tarnby County Commission",
# "Orlow School Board"), and the words for its kind between ("City", "Town"). English words for kinds of bodies.
BODY_NOUNS = frozenset({"council", "commission", "board"})
BODY_KINDS = frozenset({"city", "town", "village", "school", "planning", "township", "borough"})
# The words news writing uses for a body or its members ("the council", "councilors", "board members").
_BODY_WORD_FORMS = {noun: frozenset({noun, noun + "s", noun + "or", noun + "ors", noun + "er", noun + "ers",
                                     noun + "man", noun + "men", noun + "woman", noun + "women"})
                    for noun in BODY_NOUNS}  # fmt: skip


def _in_the_dateline(place: str, text: str) -> bool:
    """Whether a normalised article opens a line with `place` as its dateline ("harwick - ...", "harwick, ohio (ap)
    - ...")."""
    # a dash after a space, or a long one ("harwick - ", "harwick—"), not a hyphen ("harwick-based")
    dateline = (rf"(?:^|\n){re.escape(place)}(?:,\s*[\w. ]{{1,15}})?(?:\s*\([^)\n]{{1,30}}\))?"
                r"(?:\s+[-—–]|\s*[—–])")
    return re.search(dateline, text) is not None


def _name_in(key: str, text: str, words: Collection[str]) -> bool:
    if " " not in key and "-" not in key:
        if key in words or f"{key}'s" in words:
            return True
        words = [w.removesuffix("'s") for w in words]
        # spellings differ between outlets ("Adebanjo" / "Adebanjoo"): a name may gain or lose
        # up to two trailing letters, but never digits (identifiers are exact)
        return len(key) >= 5 and any(
            (w.startswith(key) or key.startswith(w)) and abs(len(w) - len(key)) <= 2 and len(w) >= 5 and w.isalpha()
            for w in words
            if w[:1] == key[:1]
        )
    pattern = _name_pattern(key)  # "corliss greer" matches "corliss-greer"
    return re.search(rf"(?<!\w){pattern}(?!\w)", text) is not None


def _name_pattern(key: str) -> str:
    """A pattern for the words of `key` with anything but a word between them; a "the" inside the name may be left
    out, as outlets do ("friends of the orrick library" matches "Friends of Orrick Library"); a word before the last
    may be possessive, which the key leaves out ("pruitt hardware" matches "Pruitt's Hardware")."""
    parts = key.split()
    last = len(parts) - 1
    return "".join(
        r"(?:the\W+)?" if part == "the" and 0 < i < last
        else (_street_word(part) if i > 0 else re.escape(part)) + (r"(?:'s)?\W+" if i < last else "")
        for i, part in enumerate(parts)
    )


# A street type and the abbreviation news writing gives it in an address ("46 Pell St.", "80 Mill Rd.").
_STREET_ABBREVIATIONS = {"street": "st", "avenue": "ave", "road": "rd", "boulevard": "blvd", "drive": "dr",
                         "lane": "ln", "place": "pl", "court": "ct", "parkway": "pkwy", "highway": "hwy"}  # fmt: skip
_STREET_TYPES = {short: full for full, short in _STREET_ABBREVIATIONS.items()}


def _street_word(part: str) -> str:
    """A word of a name after its first as a pattern: a street type also as its other form ("Pell Street" matches
    "Pell St." and the other way round; not "Dr. Lee", where "Dr." comes first)."""
    full = _STREET_TYPES.get(part.rstrip("."), part.rstrip("."))
    short = _STREET_ABBREVIATIONS.get(full)
    return re.escape(part) if short is None else rf"(?:{full}|{short}\.?)"


def _stand_together(key: str, other: str, text: str) -> bool:
    """Whether the names `key` and `other` stand within _NEAR_WORDS words of each other in `text`, in one
    sentence."""
    first, second = _name_pattern(key), _name_pattern(other)
    gap = rf"(?:[^\w.;!?]+\w+){{0,{_NEAR_WORDS}}}?[^\w.;!?]+"
    return re.search(rf"(?<!\w)(?:{first}{gap}{second}|{second}{gap}{first})(?!\w)", text) is not None


def _stands_near(key: str, noun: str, text: str) -> bool:
    """Whether the name `key` stands within _NEAR_WORDS words of `noun` or a word it begins ("commission":
    "commissioners") in `text`."""
    name = _name_pattern(key)
    head = re.escape(noun[:-1] if noun.endswith("s") else noun)
    gap = rf"(?:\W+\w+){{0,{_NEAR_WORDS}}}?\W+"
    return re.search(rf"(?<!\w){name}{gap}{head}\w*|(?<!\w){head}\w*{gap}{name}(?!\w)", text) is not None


def year_ranges(text: str) -> list[tuple[str, str]]:
    """The year ranges `text` names ("2024-2025", "2024-25"), as (first year, second year)."""
    found = [(m.group(1), full_year(m.group(1), m.group(2))) for m in YEAR_RANGE.finditer(text)]
    return [(first, second) for first, second in found if second is not None]


def full_year(first: str, second: str) -> str | None:
    """"2009", "10" -> "2010"; None when the second part is not the following years (not a range)."""
    full = first[:2] + second if len(second) == 2 else second
    return full if 0 < int(full) - int(first) <= 5 else None


_DATE_MENTION = re.compile(
    r"\b(?:(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?\s+(?P<day>[0-3]?\d)(?!\d)"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>"
    + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
    + r")\b)"
)


@dataclass(frozen=True)
class _DateMatch:
    start: int
    end: int
    text: str
    fields: dict[str, str]

    def group(self, name: str | int) -> str:
        return self.text if name == 0 else self.fields[str(name)]


def date_mentions(text: str) -> list[_DateMatch]:
    """Month-and-day mentions in normalised text ("august 14", "14 august", "aug. 14")."""
    found = []
    for m in _DATE_MENTION.finditer(text):
        month = m.group("month") or m.group("month2")
        day = str(int(m.group("day") or m.group("day2")))
        found.append(_DateMatch(m.start(), m.end(), m.group(0), {"month": month, "day": day}))
    return found
