"""Whether a number is the age a question asks for: someone's age as news gives it ("Dale Orrin, 52"), of the one
asked about, now rather than then, or a thing's age.
"""

from __future__ import annotations

import re

from rag.asked_roles import PEOPLES_NOUNS
from rag.candidate import text_stems
from rag.name_words import POSSESSIVE_END
from rag.query import QuestionAnalysis
from rag.text import stems

# How news writing gives an age: "Dale Orrin, 52, of Lanford", "a 52-year-old driver", "aged 52", "52 years old".
# "Tomas Reyne, 33 of Helmsby": an age is followed by where the person is from, a name; "On Tuesday, 40 of the
# workers" and "14 of Corran's 20 schools" count
_AGE_AFTER = re.compile(r"(?:,|\)|;| of [A-Z][\w.-]*(?![\w.-]*['’])|-year-old| years? old| years of age)")
_AGE_BEFORE = re.compile(r"(?:, |\(|\baged )$")
# The end of a sentence after an age, and the end of the capitalised name an age closing a sentence is given to.
_AGE_CLOSING = re.compile(r"(?:\.(?:\s|$)|$)")
_A_NAMES_END = re.compile(r"\b[A-Z][a-z][\w'-]*, $")
# The oldest age a number can be.
MAX_AGE = 120
# A building, a bridge or a business may be older: "The mill, now 180 years old".
MAX_AGE_OF_A_THING = 999


def the_age_of_another(text: str, start: int, end: int, question_stems: set[str]) -> bool:
    """The age at text[start:end] is given to someone or something the question does not name: "a 62-year-old
    *woman*" or "Osgood Tremlett, 41," for "How old is the building?"; but "The driver, a 52-year-old man" and
    "The driver, 52," give the driver's age (the question's noun just before it)."""
    aged = _AGED_NOUN.match(text, end)
    if aged is not None and set(stems(aged.group(1))) & question_stems:
        return False
    before = text[max(0, start - 40) : start].split()[-_APPOSITION_WORDS:]
    return not text_stems(" ".join(before)) & question_stems


def _aged_surnames(analysis: QuestionAnalysis) -> list[str]:
    """For "How old is Randall Kuiper?": the surnames of the people the question names in full ("Kuiper"; "Orrin"
    of "Dale Orrin Jr."). Not a one-word name, which may be a town the model took for a person ("How old is
    Pellinwood's new top cop?"), nor a possessive one, whose owner's age is not asked ("Ada Renn's son")."""
    names = [[w for w in name.split() if w.casefold().rstrip(".,") not in _NAME_SUFFIXES]
             for name, label in analysis.entities if label == "PERSON" and not POSSESSIVE_END.search(name)]
    return [name[-1] for name in names if len(name) > 1]


# What may follow a surname in a full name ("Dale Orrin Jr."), and a name's possessive ending ("Ada Renn's").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Words before an age in which the noun it is in apposition to stands: "The driver, a 52-year-old man".
_APPOSITION_WORDS = 4
# The noun an age in "N-year-old X" is given to, and the words after it ("the 90-year-old Selbourne mill").
_AGED_NOUN = re.compile(r"(?:-year-old)?\s+((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)")  # up to three words


def states_an_age(text: str, start: int, end: int, oldest: int = MAX_AGE) -> bool:
    """Whether the number at text[start:end] is someone's (or, up to `oldest`, something's) age, as news writing
    puts it."""
    number = re.match(r"\d{1,3}(?!\d|[.,]\d)", text[start:end])  # a whole number: not the 8 of "8,700"
    if number is None or int(number.group()) > oldest:
        return False
    rest = text[start + number.end() : start + number.end() + 14]
    if re.match(r"(?:-year-old| years? old| years of age)", rest):
        return True
    if not _AGE_BEFORE.search(text[max(0, start - 7) : start]):
        return False
    # A name's age may also close its sentence: "..., said co-op president Hank Delacroix, 72."
    closes_after_a_name = _AGE_CLOSING.match(rest) and _A_NAMES_END.search(text[max(0, start - 40) : start])
    return bool(_AGE_AFTER.match(rest) or closes_after_a_name)


# "<noun> are 22 years old": the noun whose age a linking verb gives.
_AGED_NOUN_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:is|are|was|were|will be)\s+(?:now\s+|about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?$"
)
# Words for people that may stand before such a linking verb ("the chief is 59", "who is 44").
_PERSON_WORDS = PEOPLES_NOUNS | {"he", "she", "they", "who", "i", "we", "you", "man", "woman", "person", "people",
                                 "boy", "girl", "child", "children", "son", "daughter", "wife", "husband", "mother",
                                 "father", "brother", "sister", "men", "women", "kids"}  # fmt: skip


def a_things_age(text: str, sentence_start: int, age_start: int) -> bool:
    """Whether the age at `age_start` is given of a thing by a linking verb ("the radios are 22 years old"), not of
    a person ("the chief is 59", "Tate is 59")."""
    before = _AGED_NOUN_BEFORE.search(text[max(sentence_start, age_start - 60) : age_start])
    if before is None:
        return False
    noun = before.group(1)
    return noun not in _PERSON_WORDS and noun.rstrip("s") not in _PERSON_WORDS
