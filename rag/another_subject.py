"""Sentences about another one than the question asks about, whatever their article says of the one asked: a
rival of the same kind, a namesake, another place, another period or number, another event of the same kind.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from index.dates import MONTH_NUMBERS
from rag.answer_places import THOROUGHFARE
from rag.constraint import Constraint, numbered_in, year_ranges
from rag.constraint_checker import ConstraintChecker
from rag.models import Passage
from rag.text import normalise, stems, words
from rag.value_times import matches, times_asked


def names_a_namesake(passage: Passage, start: int, end: int, constraints: Sequence[Constraint],
                      answer_type: str) -> bool:  # fmt: skip
    """Whether the sentence names, by given name and surname, another person of the surname of one the question
    names in full, and not that one's given name: "His son Gordon Pruitt took over in 1981" does not answer "When did
    Harold Pruitt die?"."""
    if answer_type in ("person", "organisation"):
        return False  # "Who was Harold Pruitt married to?": "his wife, Edna Pruitt"
    # (not "Harold Pruitt's son": the question asks of another of the family)
    asked = [_name_words(c.text) for c in constraints
             if c.kind == "name" and c.label == "PERSON" and not c.text.endswith(("'s", "’s"))]  # fmt: skip
    asked = [person for person in asked if len(person) > 1]
    if not asked:
        return False
    sentence = {_given(word) for word in _name_words(passage.text[start:end])}
    named = [_name_words(passage.text[s:e]) for s, e, label in passage.entities
             if label == "PERSON" and start <= s and e <= end]  # fmt: skip
    return any(len(name) > 1 and name[-1] == person[-1] and _given(name[0]) != _given(person[0])
               and _given(person[0]) not in sentence for person in asked for name in named)  # fmt: skip


def namesake_articles(passages: Sequence[Passage], constraints: Sequence[Constraint],
                      article_stems: Callable[[Passage], frozenset[str]]) -> frozenset[str]:  # fmt: skip
    """The articles, among those of `passages`, about a namesake of a person the question names in full: a passage
    of theirs names another person of the surname by another first name ("Donald Renn" for "What did Ada Renn
    say?") and the article never writes the asked first name (in any form: "Councilors" is "Councilor"), so its
    "Renn" is Donald Renn wherever a sentence says "Renn" alone."""
    asked = [_name_words(c.text) for c in constraints
             if c.kind == "name" and c.label == "PERSON" and not c.text.endswith(("'s", "’s"))]  # fmt: skip
    asked = [person for person in asked if len(person) > 1]
    found: set[str] = set()
    for passage in passages if asked else ():
        named = [_name_words(passage.text[s:e]) for s, e, label in passage.entities if label == "PERSON"]
        for person in asked:
            others = any(len(name) > 1 and name[-1] == person[-1] and _given(name[0]) != _given(person[0])
                         for name in named)  # fmt: skip
            if others and not set(stems(person[0])) <= article_stems(passage):
                found.add(passage.article_id)
    return frozenset(found)


def _name_words(text: str) -> list[str]:
    """The words of a name, normalised (case, accents, quotes), without a possessive's "'s" ("Ada Renn's": "ada",
    "renn"), a hyphenated one whole ("Noor Abernathy-Vale": "noor", "abernathy-vale", not a given name "abernathy")."""
    return [w.removesuffix("'s") for w in _NAME_WORD.findall(normalise(text))]


# A word of a name, with the hyphens and apostrophes inside it ("abernathy-vale", "o'neill").
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _given(word: str) -> str:
    """A given name's first part, which outlets write alone or joined ("Mary-Kate", "Mary Kate")."""
    return word.split("-")[0]


# Labels of names that a rival of the same kind can stand in for: "Greer County" and "Tolliver County".
_RIVAL_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
# A name whose last word is joined to the one before: that word is one of two things the name lists, not its kind.
_JOINED_LAST_WORD = re.compile(r"(?:&|\band)\s+\S+$")


def names_a_rival(passage: Passage, start: int, end: int, missing: list[Constraint]) -> bool:
    """Whether the sentence names, in place of a name the question asks about and the sentence lacks, another
    of the same kind: "Tolliver County" for a question about Greer County, "Harlan Middle School" for one about
    Dunning Middle School. Such a sentence is about the other one, whatever its article says elsewhere."""
    asked = [c for c in missing if c.kind == "name" and c.label in _RIVAL_LABELS and c.alternatives is None]
    if not asked:
        return False
    for s, e, label in passage.entities:
        if s < start or e > end or label not in _RIVAL_LABELS:
            continue
        joined = bool(_JOINED_LAST_WORD.search(passage.text[s:e]))
        named = [w.removesuffix("'s") for w in words(passage.text[s:e]) if w != "the"]
        for constraint in asked:
            if joined and not _JOINED_LAST_WORD.search(constraint.text):
                continue  # "Gallowglass Steel & Bridge" names a firm of two trades, not a bridge
            wanted = [w for w in " ".join([constraint.keys[0], *constraint.near[-1:]]).split() if w != "the"]
            # same kind: they end alike ("... County", "... School"); another one: the rest differs
            if len(wanted) > 1 and len(named) > 1 and named[-1] == wanted[-1] and named[:-1] != wanted[:-1]:
                return True
            # two streets are one kind whichever word each goes by ("a fire on Dunmore Street" for "the Quarry Road
            # fire"), unless the sentence calls a street by the asked one's ("widen 3.1 miles of the pike")
            if (len(wanted) > 1 and len(named) > 1
                    and THOROUGHFARE.search(passage.text[s:e]) and THOROUGHFARE.search(constraint.text)
                    and wanted[-1] not in words(passage.text[start:end])):  # fmt: skip
                return True
    return False


# A sentence's first words that set it in a place: "In Tidewick, ...", "At Port Quillan the surge ...".
# Words that set a place beside the article's own: "In neighboring Osgood County", "in nearby Salem Hill".
_NEIGHBORING = r"(?:neighboring|neighbouring|nearby)"
_SETTING_OPENER = re.compile(rf"^\W*(?:In|At)\s+(?:the\s+)?(?:{_NEIGHBORING}\s+)?$")
# A sentence that tells of another event of the kind asked ("was hurt in a similar fall", "canceled its derby in 2022
# for the same reason", "A similar break-in ..."), and a question that asks of one ("Has this happened before?").
# English words for likeness and for what came before.
_ANOTHER_INSTANCE = re.compile(
    r"\b(?:a|an|another)\s+similar\s+[\w-]+\b(?!\s+(?:to|as)\b)"
    r"|\bsimilar\s+(?:problems|complaints|cases|incidents|failures|issues|concerns)\b"
    r"|\bfor\s+the\s+same\s+reasons?\b",
    re.IGNORECASE,
)
_ASKS_OF_ANOTHER_INSTANCE = re.compile(
    r"\b(?:similar|same|previous(?:ly)?|before|earlier|prior|last\s+time|ever|again|other|another|elsewhere)\b",
    re.IGNORECASE,
)
# How a sentence about another event opens: with its own time or place, or with the likeness itself ("In 2019,
# lineman Curtis Bell was hurt in a similar fall", "Last year, Dalton Supply paid ... for similar problems", "A
# similar garage proposal was rejected", "Neighboring Wexford County canceled its derby ... for the same reason");
# not one that tells the event asked and likens it after ("will close Monday for the same reason it closed last
# summer", "fined the company $45,000 on Friday, after a similar fine in 2019").
_ANOTHER_EVENT_OPENER = re.compile(
    r"\W*(?:In\s+(?:19|20)\d\d\b|Last\s+(?:year|month|spring|summer|fall|autumn|winter)\b|(?:A|An|Another)\s+similar\b|"
    rf"(?:In\s+)?{_NEIGHBORING}\b|Earlier\s+this\s+year\b|Two\s+years\s+ago\b|"
    r"In\s+(?:" + "|".join(MONTH_NUMBERS) + r")\b)",
    re.IGNORECASE,
)
# ... or tells it within: "built a similar warehouse in nearby Salem Hill", "was fined $12,000 in 2019 for similar
# problems" (the other event's own reason, in the plural), "Stroud-Galway built a similar reservoir in 2020".
_ANOTHER_EVENT_INSIDE = re.compile(rf"\bin\s+{_NEIGHBORING}\s+[A-Z]|\bfor\s+similar\s+\w+s\b"
                                   r"|\b(?!(?:after|before|with|like|of|in|to|for|from|and|or|but|as|than|at|on|by|"
                                   r"while|if|when|that|is|was|be|said|says|warned|expect|expects)\b)"
                                   r"[a-z]+\s+(?:a|an|another)\s+similar\b")
# A time a sentence gives an earlier event ("in 2019", "last year", "in September").
_ANOTHER_TIME = re.compile(
    r"\b(?:(?:in|of)\s+(?:19|20)\d\d|(?:19|20)\d\d,|last\s+(?:year|spring|summer|fall|autumn|winter|month)|"
    r"(?:in|last)\s+(?:" + "|".join(MONTH_NUMBERS) + r"))\b",
    re.IGNORECASE,
)


def of_another_instance(text: str, question: str, checker: ConstraintChecker) -> bool:
    """Whether a sentence tells of another event of the kind asked: it likens it to the one asked ("was hurt in a
    similar fall", "for similar problems", "for the same reason"), gives it a time of its own that the question
    does not ("In 2019, ..."), and lacks a name the question gives ("Who was the Lakeview lineman hurt Thursday?").
    Not "About 30 students got sick, a similar number to ...", nor a question of the earlier event."""
    if (not _ANOTHER_INSTANCE.search(text) or _ASKS_OF_ANOTHER_INSTANCE.search(question)
            or not (_ANOTHER_EVENT_OPENER.match(text) or _ANOTHER_EVENT_INSIDE.search(text))):  # fmt: skip
        return False
    told = _ANOTHER_TIME.search(text)
    if told is None or told.group().strip(", ").split()[-1].casefold() in question.casefold():
        return False
    asked = times_asked(question)
    # it lacks a name the question gives, or the time the question gives ("fined on Friday": "in 2019")
    return any(c.kind == "name" for c in checker.share_in(text)[1]) or bool(
        asked and not matches(times_asked(text), asked))


# An opening that says its place is another than the article's: "In neighboring Osgood County, ...".
_ANOTHER_PLACE_OPENER = re.compile(rf"\b{_NEIGHBORING}\s+$", re.IGNORECASE)
# Labels the model gives an unfamiliar town or site after "In"/"At" (a person's too: "In Tidewick" is no person)
_SETTING_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def opening_settings(passage: Passage, start: int, end: int) -> list[tuple[int, int]]:
    """The names the sentence opens by setting itself in ("In Tidewick, ...", "At Port Quillan the surge ..."):
    a town's, a site's or one the model takes for a person's or a firm's, not a person's own ("In Kell's view")."""
    return [(s, e) for s, e, label in passage.entities
            if label in _SETTING_LABELS and start <= s < end and _SETTING_OPENER.match(passage.text[start:s])
            and not _POSSESSIVE_AFTER.match(passage.text, e)]  # fmt: skip


def set_in_another_place(passage: Passage, settings: list[tuple[int, int]], missing: list[Constraint]) -> bool:
    """Whether the sentence opens by setting itself in a place ("In Tidewick, firefighters took 14 people from
    flooded houses", "At Port Quillan the surge ...") while a name the question asks about is not in it
    (`missing`, read in the sentence alone: its opening leaves the place of the sentence before), and its passage
    (or the article's title) lists that place beside the one asked ("homes in Orrin Bay and Tidewick"): it tells
    of that other place, whatever its article says of the one asked. Not a place within the one asked or of it,
    which is not listed beside it ("In the Elm Park neighborhood, ...", "At City Hall, ...", "In Orrin County,
    ..." for a town of that county, "At Hollin Freight, ..." for its town). `settings`: `opening_settings`."""
    asked = [c for c in missing if c.kind == "name" and c.alternatives is None and c.keys]
    if not asked:
        return False
    if any(_ANOTHER_PLACE_OPENER.search(passage.text, max(0, s - 20), s) and _a_town(passage, s, e)
           for s, e in settings):  # fmt: skip
        return True  # "In neighboring Osgood County, 12 farmers filed suit": the sentence says it is elsewhere
    article = f"{passage.title}\n{passage.text}"
    return any(_listed_together(article, passage.text[s:e], c.keys[0]) for s, e in settings for c in asked)


# The last word of a site's name: "At the nearby Grange Hall" is a spot in the same town.
_A_SITE_LAST = re.compile(r"\b(?:Park|Hall|Campus|Center|Centre|School|Field|Grange|Church|Library|Lake|Beach|Mall|"
                          r"Plaza|Square|Street|Road|Avenue)$")  # fmt: skip


def _a_town(passage: Passage, start: int, end: int) -> bool:
    """Whether the model tagged the name at passage.text[start:end] as a town or a county, not a site in one."""
    return any(s == start and e == end and label == "GPE" for s, e, label in passage.entities) and not (
        _A_SITE_LAST.search(passage.text[start:end]))


# A list of names that "and", "or" or "&" closes: "Orrin Bay and Tidewick", "Brantley, Marlow and Corbin"; not a
# name and what it lies in ("Pellham, Orrin County"), which no "and" closes
_A_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_LIST_OF_NAMES = re.compile(rf"{_A_NAME}(?:\s*,\s*{_A_NAME})*\s*,?\s+(?:and|or|&)\s+{_A_NAME}")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")


def _listed_together(text: str, place: str, key: str) -> bool:
    """Whether `text` lists `place` (as written) and the name of normalised `key` side by side."""
    place_words = [w for w in re.findall(r"[\w'’-]+", place) if w.casefold() != "the"]
    if not place_words:
        return False
    place_pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, place_words)) + r"(?!\w)")
    if re.search(place_pattern.pattern, key, re.IGNORECASE):
        return False  # "In Orrin Bay, ..." for the Orrin Bay fire department: the place of the name asked
    key_pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, key.split())) + r"(?!\w)", re.IGNORECASE)
    for listed in _LIST_OF_NAMES.finditer(text):
        # each its own item, not one ("Brantley's Elm Park and Hadley Hill neighborhoods")
        items = _LIST_SEPARATOR.split(listed.group())
        places = {i for i, item in enumerate(items) if place_pattern.search(item)}
        keys = {i for i, item in enumerate(items) if key_pattern.search(item)}
        if places and keys and not places & keys:
            return True
    return False


def names_another_period(text: str, missing: list[Constraint]) -> bool:
    """Whether the sentence names a year range other than the one the question asks about and the sentence lacks:
    "a $19.2 million budget for fiscal 2024-2025" does not answer a question about the 2023-2024 budget, whatever
    its article says of last year's."""
    return any(c.kind == "year_range" for c in missing) and bool(year_ranges(text))


# A name that ends in its number ("precinct 7", "quillport042"): the name's words and the number.
_NUMBERED_NAME = re.compile(r"(.*?[a-z])[\s-]*(\d+[a-z]?)")


def names_another_number(text: str, constraints: Sequence[Constraint]) -> bool:
    """Whether the sentence names one of a kind by another number than the question and lacks the question's: "about
    2,300 voters are registered in Precinct 4" does not answer for Precinct 7, nor a Quillport049 sentence for
    Quillport042, whatever the article or the sentence before says of the one asked."""
    sentence = normalise(text)
    for constraint in constraints:
        if constraint.kind == "numbered":
            name, number = constraint.keys
        else:
            numbered = _NUMBERED_NAME.fullmatch(constraint.keys[0]) if constraint.keys else None
            if constraint.kind != "identifier" or numbered is None:
                continue
            name, number = numbered.groups()
        pattern = r"\W+".join(map(re.escape, name.split()))
        found = set(re.findall(rf"(?<!\w){pattern}[\s-]*(?:(?:no\.?|number)\s*)?(\d+[a-z]?)(?!\w)", sentence))
        if found and number not in found and not numbered_in(name, number, sentence):
            return True
    return False
