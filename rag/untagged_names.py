"""Names and counts of a sentence the NER model tagged as nothing: a clause's subject of two capitalised words, a
firm's name, a person's name after a title, a number in figures that counts something.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from index.nlp import sentence_parse
from rag.asked_roles import OFFICE_TITLES, role_forms
from rag.candidate import Entity
from rag.event_dates import SAYING_VERBS
from rag.models import Passage
from rag.name_words import A_FIRM_WORD, PERSONS_NAME
from rag.query import QuestionAnalysis
from rag.roles import NOT_THE_HOLDER, titled_by_another
from rag.text import NUMBER_WORDS, stopwords

if TYPE_CHECKING:
    from spacy.tokens import Token


def untagged_subject_names(passage: Passage, start: int, end: int) -> list[Entity]:
    """Proper names of two or more words that are a clause's subject in the sentence `passage.text[start:end]`
    and that the model tagged as nothing, as organisations: the small model misses many unfamiliar firms
    ("Wendlow Castings will close its foundry": no entity). Read only for questions about a business."""
    return _untagged_names(passage, start, end,
                           ends=lambda t: t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN",
                           opens=lambda t: t.pos_ == "PROPN")  # fmt: skip


def _untagged_names(passage: Passage, start: int, end: int, ends: Callable[["Token"], bool],
                    opens: Callable[["Token"], bool]) -> list[Entity]:  # fmt: skip
    """Names of two or more words in the sentence `passage.text[start:end]` that the model tagged as nothing, as
    organisations: each ends on a word `ends` accepts and runs back over the words before it that `opens` accepts
    and that hang on a word of the name (one word alone is as likely a surname as a firm)."""
    doc = sentence_parse(passage.text[start:end])
    found: list[Entity] = []
    for token in doc:
        if not ends(token):
            continue
        first = token
        while first.i > 0 and opens(doc[first.i - 1]) and first.i <= doc[first.i - 1].head.i <= token.i:
            first = doc[first.i - 1]
        s, e = start + first.idx, start + token.idx + len(token.text)
        if first.i < token.i and not _tagged_within(passage, s, e):
            found.append((s, e, "ORG"))
    return found


def _tagged_within(passage: Passage, start: int, end: int) -> bool:
    """Whether the model tagged an entity that overlaps `passage.text[start:end]`."""
    return any(s < end and e > start for s, e, _ in passage.entities)


def _titled_speaker_misread(passage: Passage, match: re.Match[str]) -> bool:
    """Whether the model tagged a title and the name after it, just those, as a work's title or a product, and a
    verb of saying follows: "Superintendent Ingrid Rolle said" is a person speaking (not the film "Judge Dredd
    Returns", nor a dog named "Chief Rex Barker")."""
    return any(
        s == match.start() and e == match.end() and label in ("WORK_OF_ART", "PRODUCT")
        for s, e, label in passage.entities
    ) and bool(_SAID_AFTER_THE_NAME.match(passage.text, match.end()))


def untagged_firm_names(passage: Passage, start: int, end: int) -> list[Entity]:
    """Proper names of two or more words ending in a word of a firm's name ("Stellbrook Builders, a Quillhaven
    company, won the contract": no entity), which the model tagged as nothing, as organisations: a firm may be the
    answer to "Who is building it?" as well as to "Which company ...?". (The words before are capitalised; the
    parser may take an unknown one for an adjective, "Tavish" of "Tavish Builders".)"""
    return _untagged_names(passage, start, end,
                           ends=lambda t: t.text[:1].isupper() and bool(A_FIRM_WORD.fullmatch(t.text)),
                           opens=lambda t: t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN"))  # fmt: skip


def untagged_titled_people(passage: Passage, start: int, end: int, analysis: QuestionAnalysis) -> list[Entity]:
    """A person's name right after a title ("The board chose deputy director Emeka Trevannion"), which the model
    tagged as nothing: a name of two or three capitalised words, none a word of an organisation's name. For "Who is
    the fire chief in Orby?", only after that title, held by the one named ("Former Chief", "Deputy Chief" are
    others'), of no other place than the question names ("Tarnby Fire Chief")."""
    found: list[Entity] = []
    for match in _A_NAME_AFTER_A_TITLE.finditer(passage.text, start, end):
        s, e = match.start("name"), match.end("name")
        if _tagged_within(passage, s, e) and not _titled_speaker_misread(passage, match):
            continue
        if analysis.role and not _holds_the_title_asked(passage.text, start, match, analysis):
            continue
        if (not analysis.role and analysis.predicate not in _TELLING_VERBS
                and (_SAID_AFTER_THE_NAME.match(passage.text, e)
                     or _SAID_BEFORE_THE_TITLE.search(passage.text, start, match.start()))):  # fmt: skip
            continue  # "..., Fire Chief Vidar Tregear said": who told of it, not who did it (nor whose shop burned)
        found.append((s, e, "PERSON"))
    return found


# Verbs a question asks who told something by ("Who explained what set off the fire?"), which a speaker answers.
_TELLING_VERBS = SAYING_VERBS | {"explain"}
# A verb of saying right after a name, or before its title: "Fire Chief Ada Quist said", "said Fire Chief ...".
_SAID_AFTER_THE_NAME = re.compile(r"\s*,?\s*(?:said|says|told|added|noted|explained|wrote)\b")
_SAID_BEFORE_THE_TITLE = re.compile(r"\b(?:said|says|told|added|noted|explained|wrote)\s+(?:[A-Z][\w'’.-]*\s+)*$")


def _holds_the_title_asked(text: str, start: int, match: re.Match[str], analysis: QuestionAnalysis) -> bool:
    """Whether the title before a name is the role the question asks of, held by the one named, of no place the
    question does not name: "Fire Chief Ada Quist" for "Who is the fire chief?"; not "Former Chief Ada Quist" nor
    "Tarnby Fire Chief Ada Quist" for the one of Orby."""
    title = match.group("title").casefold()
    if not any(title == form or title.endswith(form) for form in role_forms(analysis.role or "")):
        return False
    if set(title.split()[:-1]) & NOT_THE_HOLDER:
        return False  # "Deputy Chief Ada Quist" holds no chief's post
    return not titled_by_another(text[start : match.start()], analysis.question,
                                  places=match.group("title")[:1].isupper())  # fmt: skip


# A title, then a person's name: "deputy director Emeka Trevannion", "Fire Chief Ada Quist" (the whole of the
# capitalised words: not "Tarn Public" of "Tarn Public Library").
_A_NAME_AFTER_A_TITLE = re.compile(
    r"\b(?P<title>(?i:" + "|".join(OFFICE_TITLES) + r")(?:\s+(?i:" + "|".join(OFFICE_TITLES) + r"))*)"
    rf"\s+(?P<name>{PERSONS_NAME.pattern})(?!\s+[A-Z])"
)


# A number in figures before a word in lower case, which counts it ("about 900 customers"); not a year, a sum, a
# share or a time ("$900 million", "900 percent", "9 p.m."), nor a number before a function word ("ages 6 and 9").
_A_COUNT_IN_FIGURES = re.compile(
    r"(?<![\w$€£.,-])(?i:(?:about|nearly|almost|roughly|some|more than|fewer than|at least|over)\s+)?"
    r"(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*(?![\w,.%-])(?=\s+(?!percent\b|[ap]\.m\.)(?P<counted>[a-z]{3,}))"
)


# A count in words opening a sentence, where the model misses it ("Eleven passengers were hurt", "Thirty-five
# residents"); not "One", which opens "One of ..." and "One day ...".
_TENS = "|".join(word for word, value in NUMBER_WORDS.items() if value >= 20)
_DIGITS = "|".join(word for word, value in NUMBER_WORDS.items() if 0 < value < 10)
_TEENS_AND_UNDER = "|".join(word for word, value in NUMBER_WORDS.items() if 1 < value < 20)
_A_COUNT_IN_WORDS = re.compile(
    rf"(?i:\b(?:(?:{_TENS})(?:-(?:{_DIGITS}))?|{_TEENS_AND_UNDER}))\b(?=\s+(?P<counted>[a-z]{{3,}}))"
)

# A capitalised word right before a number: the number is part of a name ("Route 7", "Lock 14").
_A_NAMES_NUMBER = re.compile(r"\b[A-Z][\w.'’-]*\s+$")


def untagged_counts(passage: Passage, start: int, end: int) -> list[Entity]:
    """Numbers in figures that count something and that the model tagged as nothing, as cardinals: the small
    model misses some ("Power was out for about 900 customers": no entity). Read only for "how many" questions."""
    opening = _A_COUNT_IN_WORDS.match(passage.text, start, end)  # where the model misses a count in words
    found = [*_A_COUNT_IN_FIGURES.finditer(passage.text, start, end), *([opening] if opening else [])]
    return [
        (m.start(), m.end(), "CARDINAL") for m in found
        if not _tagged_within(passage, m.start(), m.end())
        and not _A_NAMES_NUMBER.search(passage.text, start, m.start()) and m.group("counted") not in stopwords()
    ]  # fmt: skip
