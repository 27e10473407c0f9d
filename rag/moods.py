"""The mood of a clause, in a question or in an article's sentence: something done ("hired", "has hired"), not
(yet) done ("will open", "expects to hire"), or what may not happen at all ("could come down"); and whether a
question asks what is done so far, how things stand now, or when something is set to be.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from rag.verb_classes import IRREALIS_AUXILIARIES, IRREALIS_GOVERNORS, LINKING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How a clause stands to reality: done ("hired", "has hired", "was lifted"), not (yet) done ("will hold",
# "expects to hire"), or neither said (the present: "is", "holds").
Mood = Literal["realised", "irrealis"]


def question_mood(doc: "Doc") -> Mood | None:
    """Whether a question asks about something done ("How many has it hired?", "When was it lifted?") or not
    (yet) done ("When will it open?", "How much is it expected to cost?"); None for the plain present."""
    for token in doc:
        if token.tag_ == "MD" and token.lower_ in IRREALIS_AUXILIARIES:
            return None if _future_in_the_past(token) else "irrealis"
        if (token.pos_ == "VERB" and token.lemma_.casefold() in IRREALIS_GOVERNORS and _governs_an_infinitive(token)
                and not (token.lemma_ == "have" and token.tag_ == "VBD")):  # fmt: skip
            return "irrealis"  # (what "had to" be done was done: "How many people had to be rescued?")
    for token in doc:
        if _describes_a_noun(token):
            continue  # "the laid-off workers", "the proposed hearing": a participle before a noun sets no mood
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and token.lemma_ not in LINKING_VERBS):
            return "realised"
        if token.lower_ in ("has", "have", "had", "did", "was", "were"):
            return "realised"
    return None


def _describes_a_noun(token: "Token") -> bool:
    """A participle before the noun it describes ("When is the job fair for laid-off workers?", "When is the
    proposed hearing?"), which tells nothing of when the question's event is."""
    return token.tag_ in ("VBN", "VBD") and token.dep_ in ("amod", "compound") and token.head.i > token.i


def _future_in_the_past(modal: "Token") -> bool:
    """"would" in what someone thought or said in the past: "What did the agents think the storm would cost?" asks
    for what they thought, which was said as done ("put losses at $12 million") or as what would be ("said it
    would cost $12 million"), so neither mood."""
    clause = modal.head
    if modal.lower_ != "would" or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    said = clause.head
    return said.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in said.children)


# Words that ask what has been done up to now: "How many has it hired so far?", "... to date?"
_UP_TO_NOW = ("so far", "to date", "thus far", "already")


def asks_so_far(doc: "Doc", predicate: str | None, mood: "Mood | None") -> bool:
    """Whether the question asks what has been done up to now: its verb in the present perfect ("How many
    workers has the plant hired?") or "so far", "to date", "already". An article that says what is planned
    ("expects to hire 120") does not answer it, whenever it was written; unless what is asked is itself a plan
    ("How many jobs has the firm promised?", "How many has it promised to hire?")."""
    if predicate is None or predicate in IRREALIS_GOVERNORS or mood == "irrealis":
        return False
    text = f" {doc.text.casefold()} "
    if any(f" {words} " in text or f" {words}?" in text for words in _UP_TO_NOW):
        return True
    # the parser does not always hang "has" on the participle ("How many drivers has Orlow Dairy hired?"); a
    # "has" of a clause on a noun is not the question's ("How many did the storm that has hit Orlow kill?")
    have = next((t.i for t in doc if t.lower_ in ("has", "have") and t.head.dep_ not in ("relcl", "acl")), None)
    return have is not None and any(t.tag_ in ("VBN", "VBD") for t in doc[have + 1 :])  # the tagger says "hired": VBD


# Words that ask how things stand at present: "How many pupils does it have now?"
_AT_PRESENT = re.compile(r"\b(?:now|nowadays|these days|currently|at present|today|right now|this year)\b",
                         re.IGNORECASE)


def asks_now(doc: "Doc", mood: "Mood | None") -> bool:
    """Whether a question in the plain present asks how things stand now ("How many kids go to Birchwood these
    days?", "Who runs the diner now?"), so that a figure told in the past ("had 412 students in 2014") does not
    answer it when one told in the present does ("this year it has 187")."""
    # ("does it have" is present, though question_mood reads a bare "have" as done)
    return (mood != "irrealis" and bool(_AT_PRESENT.search(doc.text)) and any(t.tag_ in ("VBZ", "VBP") for t in doc)
            and not any(t.tag_ in ("VBD", "VBN") for t in doc))  # fmt: skip


def asks_when_it_is_set(doc: "Doc", mood: "Mood | None") -> bool:
    """Whether a question asks when something is set to be, in the plain present and of nothing done: "When does
    the higher sales tax kick in?", "When are applications due?", "When does the new chief take over?". An article
    tells of such a date as planned ("takes effect April 1", "will start Jan. 8"); the day something was done
    ("voters on Tuesday approved it", "left in 2023") answers another question."""
    return (mood is None and any(t.tag_ in ("VBZ", "VBP") for t in doc)
            and not any(t.tag_ in ("VBD", "VBN") and not _describes_a_noun(t) for t in doc))  # fmt: skip


def _governs_an_infinitive(verb: "Token") -> bool:
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # (not a "to" with a noun of its own: "the job that went to Marcus Reid" is no plan)
    return any(c.dep_ == "xcomp" for c in verb.children) or (
        following is not None and following.lower_ == "to" and not any(c.dep_ == "pobj" for c in following.children)
    )


def _xcomp_chain(verb: "Token") -> list["Token"]:
    """`verb` and the verbs it completes, up the parse: "hire" in "expects to hire", then "expects"."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def is_infinitive(verb: "Token") -> bool:
    """"to hire": the verb has "to" before it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_mood(verb: "Token") -> Mood | None:
    """The mood of the clause of `verb` in a sentence: irrealis when a modal or a verb of intention governs it
    ("would hold", "expects to hire"), realised when it is in the past or the perfect ("opened", "has hired",
    "were hurt"), None for the present."""
    if verb.dep_ == "acomp" and verb.head.i != verb.i:
        verb = verb.head  # "if the beach stays closed": the clause's verb is "stays", whatever "closed" was tagged
    if (verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.i != verb.i
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):  # fmt: skip
        return clause_mood(verb.head)  # "will spend $96 million ... and hire 340 workers": the "will" is of both
    chain = _xcomp_chain(verb)
    for token in chain:
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in IRREALIS_AUXILIARIES for a in auxiliaries):
            return "irrealis"
        if token is not verb and token.lemma_.casefold() in IRREALIS_GOVERNORS:
            return "irrealis"
        if _be_to(token):
            return "irrealis"
    if any(is_infinitive(t) for t in chain[:-1]):
        return None  # "voted Monday to open the pool on June 1": the vote is past, the opening is not said to be
    top = chain[-1]
    # "would close the pool if the county refused to pay within 30 days": a condition is no fact, whatever
    # its tense
    if _a_condition(top):
        return "irrealis"
    if top.dep_ == "advcl" and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX"):
        if clause_mood(top.head) == "irrealis":
            return "irrealis"
    auxiliaries = [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    if top.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had") for a in auxiliaries):
        return "realised"
    return None


# Modals and verbs of a clause that may not happen at all, where "will", "plans to" and "expects to" tell of
# what is set to: "could come down as soon as Aug. 15", "should start in June", "hopes to open in May", and what
# must be, which has not been yet: "must approve the budget by June 30".
UNCERTAIN_AUXILIARIES = frozenset({"would", "should", "could", "might", "may", "must"})
UNCERTAIN_GOVERNORS = frozenset({"hope", "aim", "seek", "propose", "try", "want", "wish", "consider"})


def _a_condition(verb: "Token") -> bool:
    """"if the county refused to pay", "unless a buyer is found": the clause of `verb` is a condition."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _be_to(token: "Token") -> bool:
    """"is to begin", "were to be paid": a "be" with an infinitive to complete it tells of what is arranged,
    not of what is done."""
    return token.lemma_.casefold() == "be" and any(c.dep_ == "xcomp" and is_infinitive(c) for c in token.children)


def clause_is_uncertain(verb: "Token") -> bool:
    """Whether the clause of `verb` says what may or may not happen: no answer to what did happen ("When did
    the hotel come down?" is not answered by "could come down as soon as Aug. 15"), though a plan stated as
    one ("voters will decide Nov. 5", "expects to hire 120 drivers") may answer it in an article written before
    the day."""
    while True:
        chain = _xcomp_chain(verb)
        if any(
            any(c.dep_ in ("aux", "auxpass") and c.lower_ in UNCERTAIN_AUXILIARIES for c in token.children)
            or (token is not verb and token.lemma_.casefold() in UNCERTAIN_GOVERNORS)
            # "if the beach stays closed past Aug. 15": a condition is no fact
            or _a_condition(token)
            for token in chain
        ):
            return True
        top = chain[-1]
        # "could begin in October, with the first tenants moving in during the spring": what hangs on a clause
        # that may not happen may not either (not a clause of its own: "After 14 people overdosed, nobody should
        # need convincing")
        if top.dep_ not in ("pcomp", "pobj", "prep", "acomp") or top.head.i == top.i:
            return False
        verb = top.head
