"""The names a sentence gives that the question does not: how many, whether a person or a body is among them,
and whether a name is one the question gives.
"""

from __future__ import annotations

import re

from rag.answer_types import ANSWER_LABELS
from rag.asked_roles import PEOPLES_NOUNS
from rag.candidate import Candidate
from rag.date_words import CALENDAR_WORDS
from rag.models import Passage
from rag.name_words import ORGANISATION_WORDS, POSSESSIVE_END, POSSESSIVE_IN_TEXT
from rag.text import all_stems, normalise, stems, stopwords, words

# Entity labels of names (ANSWER_LABELS["name"]): who and what a sentence is about.
_NAMES = frozenset(ANSWER_LABELS["name"])
# More new names than this say no more about whether a sentence answers.
MAX_NEW_NAMES = 3


def new_names(candidate: Candidate, question: str) -> int:
    """How many names (people, organisations, places ...) the candidate's sentence gives that the question does
    not, up to `MAX_NEW_NAMES`. A sentence that answers "Which firm drew up the plans?" or "What did the
    mayor announce?" usually names someone or something new; one that only restates what the question names
    ("An architect hired by the district estimated the repairs ...") seldom does."""
    return min(MAX_NEW_NAMES, names_not_asked(candidate.passage, candidate.start, candidate.end, question))


def names_someone_new(candidate: Candidate, question: str) -> bool:
    """Whether the candidate's sentence names a person or an organisation the question does not name (a person
    counts as named by the surname: "Vladimir Orlov" is named by "What did Orlov say?"). Places are left out:
    a news sentence sets its scene ("in Mornby") whatever it tells."""
    normalised_question, question_words = normalise(question), set(words(question))
    return any(
        not in_question(candidate.passage.text[s:e], label, normalised_question, question_words)
        for s, e, label in candidate.passage.entities
        if s >= candidate.start and e <= candidate.end and label in ("PERSON", "ORG")
    )


def names_a_person(candidate: Candidate, question: str) -> bool:
    """Whether the sentence names someone the question does not: a sentence ranked ahead that may already say who."""
    passage = candidate.passage
    return any(a_persons_name(passage.text[s:e], label, question)
               for s, e, label in passage.entities if candidate.start <= s and e <= candidate.end)  # fmt: skip


def a_persons_name(name: str, label: str, question: str) -> bool:
    """Whether a name the model tagged may be a person's the question does not give: a PERSON, or an ORG, which
    the model often makes of a person's name, unless it shares a word with the question ("The Kell Town Council"
    for "Which council members ...?")."""
    return normalise(name) not in normalise(question) and (
        label == "PERSON" or label == "ORG" and not set(stems(question)) & set(stems(name))
    )


def names_not_asked(passage: Passage, start: int, end: int, question: str) -> int:
    """How many distinct names the text `passage.text[start:end]` gives that `question` does not."""
    asked = normalise(question)
    found = {
        normalise(passage.text[s:e]) for s, e, label in passage.entities if s >= start and e <= end and label in _NAMES
    }
    return sum(1 for name in found if name and name not in asked)


def in_question(
    text: str, label: str, normalised_question: str, question_words: set[str], question: str = ""
) -> bool:
    """Whether the question already names this entity (so it cannot be the answer)."""
    digits = re.findall(r"\d[\d,.]*", text)
    if digits:
        # "Feb. 14" is not named by a question about "Lock 14": its month is not in the question
        days = [w for w in words(text) if w in CALENDAR_WORDS]
        return all(d.replace(",", "").rstrip(".") in question_words for d in digits) and all(
            w in question_words for w in days
        )
    # ("Okafor-Lind's salary": the possessive's name is the question's "Ruth Okafor-Lind")
    names = [POSSESSIVE_END.sub("", w) for w in words(text) if len(w) > 2 and w not in stopwords()]
    if label == "PERSON":
        # (the model may take a person's town into the name: "Mae Orlowski of Tolliver")
        names = [POSSESSIVE_END.sub("", w) for w in words(re.split(r"\s+of\s+", text)[0])
                 if len(w) > 2 and w not in stopwords()]  # fmt: skip
    if names and _set_aside_by_the_question(names, label, question):
        return True
    if label == "PERSON" and names:
        # the surname; not one the question writes only as the first word of a longer name ("Who started Keel
        # Valley Plastics?" does not name Walter Keel)
        if names[-1] not in question_words:
            # a possessive names her in full ("Who bought Mae Orlowski's hog?"), not her family ("Ada Renn's son")
            return all(n in {POSSESSIVE_END.sub("", w) for w in question_words} for n in names)
        return not (question and _only_opening_a_name(names[-1], question))
    if normalise(text) in normalised_question or (names and all(w in question_words for w in names)):
        return True
    return label == "ORG" and _named_by_part(names, question)


_WRITTEN_WORD = re.compile(r"[^\W_][\w&-]*")

# "Which airline, besides Skylark, ...?", "Who other than Mayor Ada Renn voted no?": the names after it are not the
# answer, however the text goes on with them ("Skylark Regional Airlines").
_SETTING_ASIDE = re.compile(r"\b(?i:besides|other than|apart from|aside from|except(?:\s+for)?|excluding)\s+(?i:the\s+)?"
                            r"([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*)")
# Titles before a name set aside, which another name may bear too ("besides Mayor Ada Renn": "Mayor Tam Orr"): the
# nouns for people, and the titles and abbreviations news puts before a name that are not among them.
_TITLE_WORDS = PEOPLES_NOUNS | {"councilor", "councillor", "council", "member", "governor", "senator", "representative",
                                "rep", "sen", "dr", "mr", "mrs", "ms", "sgt", "capt", "lt", "det"}  # fmt: skip


def _set_aside_by_the_question(names: list[str], label: str, question: str) -> bool:
    """Whether the question sets this name aside ("besides Skylark"): a person by the surname, anything else when
    its name begins with the name set aside ("Skylark Regional Airlines"; not "Velt Paving" for "besides Velt
    Grange")."""
    told = [POSSESSIVE_END.sub("", n) for n in names if n not in _TITLE_WORDS]
    for match in _SETTING_ASIDE.finditer(question):
        set_aside = [w for w in (POSSESSIVE_END.sub("", w.casefold().rstrip(".,")) for w in match.group(1).split())
                     if w not in _TITLE_WORDS]  # fmt: skip
        if not set_aside or not told:
            continue
        if told[-1] in set_aside if label == "PERSON" else told[: len(set_aside)] == set_aside:
            return True
    return False


def _only_opening_a_name(word: str, question: str) -> bool:
    """Whether every time the question writes `word` it opens a longer name, a capitalised word following it
    ("Keel Valley Plastics" for "keel"; not "Keel's plant", "Mayor Keel" at the end, nor "Keel and Orr")."""
    found = list(re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", question, re.IGNORECASE))
    return bool(found) and all(
        re.match(r"\s+[A-Z]", question[m.end() :]) and not re.search(r"\b[A-Z][\w'’-]*\s+$", question[: m.start()])
        for m in found
    )


def _named_by_part(names: list[str], question: str) -> bool:
    """Whether the question names an organisation by the first or the last two or more words of its name, at
    least half of it, with no other name around them: "Brindlemoor Regional's new tower" names "Brindlemoor
    Regional Medical Center", "the port commission" names "the Marrowby County Port Commission"; but "Tarnby
    High School" names no "Orlow High School", nor "Kestrel Valley Dairy" "Kestrel Valley Foods", and one
    shared word names nothing ("the Kestrelton library" and "Kestrelton Builders")."""
    written = _WRITTEN_WORD.findall(POSSESSIVE_IN_TEXT.sub("", question))  # as written, capitals and all
    lowered = [w.casefold() for w in written]
    for size in range(len(names) - 1, 1, -1):
        if 2 * size < len(names):
            break
        for part, look in ((names[:size], 1), (names[-size:], -1)):
            for i in range(len(lowered) - size + 1):
                if lowered[i : i + size] != part:
                    continue
                j = i + size if look == 1 else i - 1
                beside = written[j] if 0 <= j < len(written) else ""
                if beside.casefold() in ("which", "what", "whose"):
                    continue  # "Which fire department ...?": the kind asked about, not a name
                if look == 1 and _another_thing_of_the_name(question, written[i:j], beside, names[size:]):
                    continue  # "the Ossory Flats clinic" names the town's clinic, not "Ossory Flats Public Library"
                # another name next to the shared words: another organisation of the same kind
                if not (beside[:1].isupper() and beside.casefold() not in names):
                    return True
    return False


def _another_thing_of_the_name(question: str, shared: list[str], after: str, rest: list[str]) -> bool:
    """Whether the question writes the first words of an organisation's name right before a common noun its name
    does not go on with, when the name ends in another kind of place or body ("the Ossory Flats clinic" for "Ossory
    Flats Public Library"): another thing of the same place's name. Not when a possessive stands between
    ("Brindlemoor Regional's new tower"), nor when the name's end says no kind ("the Kestrel Valley store" may be
    Kestrel Valley Foods)."""
    if (not after or not after[:1].islower() or after in stopwords() or not rest
            or rest[-1] not in ORGANISATION_WORDS or all_stems(after) & all_stems(" ".join(rest))):  # fmt: skip
        return False
    return bool(re.search(r"\b" + r"\s+".join(map(re.escape, shared)) + r"\s+" + re.escape(after) + r"\b", question))
