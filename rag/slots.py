"""Where the question word stands to its verb, the one who does it or the one it is done to ("Who hired her?",
"Whom did the council hire?"), and where a name stands in an article's clause.
"""

from __future__ import annotations

from itertools import takewhile
from typing import TYPE_CHECKING, Literal

from rag.verb_classes import AUXILIARIES

if TYPE_CHECKING:
    from spacy.tokens import Token

# Where the question word stands to its verb: the one who does it, or the one it is done to (`slot_of`).
Slot = Literal["subject", "object"]


def _asked_slot(wh: "Token | None") -> Slot | None:
    """`slot_of` for the question word, read from the word order, which the parser often gets wrong in a
    question ("Whom did the port commission pick?" parsed with "Whom" as the subject): the question word, or
    its "which N" phrase, followed by "did", "will", "has" ..., a noun and then a verb asks for the object ("Whom
    did the council hire?", "Which firm has the city chosen?"); followed by a verb, for the subject ("Who hired
    her?", "Which firm will build it?"), unless the verb is passive ("Who was hired?", "Who will be named?",
    "Who got fired?"). "Who has the contract?" and "Which firm did the bridge work?", where "have" or "do" may be
    the verb itself, ask for neither: only "whom" is surely the object there."""
    if wh is None or wh.lower_ not in ("who", "whom", "which", "what"):
        return None
    doc = wh.doc
    preposition = _preposition_before(wh)
    if preposition is not None:
        return "subject" if preposition == "by" else None  # "By whom ...?"; "To whom ...?" neither
    following = _after_the_question_phrase(wh)
    if wh.lower_ == "who" and following and following[0].lower_ in ("'s", "’s"):
        # "Who's fixing the bridge?": "'s" is "is" (or "has")
        helpers = [following[0], *takewhile(_helper_verb, following[1:])]
    else:
        helpers = list(takewhile(_helper_verb, following))
    if not following or not helpers:
        return "subject" if following and following[0].pos_ == "VERB" else None
    after = following[len(helpers)] if len(helpers) < len(following) else None
    if after is not None and after.pos_ in ("VERB", "AUX") and after.tag_ != "TO":
        passive = after.tag_ == "VBN" and any(t.lemma_ in ("be", "get") for t in helpers)
        return "object" if passive else "subject"  # "was hired", "will be named", "got fired"; "will build"
    if after is None or helpers[0].lemma_ == "be":
        return None  # "Who is the mayor?"
    # "did the council hire": a noun phrase, then the verb, which the tagger may take for a noun at the end
    verb = next((t for t in following[len(helpers) :] if t.pos_ == "VERB" and t.tag_ != "VBG"), None)
    if verb is not None and doc[verb.i - 1].lower_ != "to":
        return "object"
    return "object" if wh.lower_ == "whom" else None


def _after_the_question_phrase(wh: "Token") -> list["Token"]:
    """The words after the question word, or after its "which N" phrase, without punctuation."""
    last = wh.head.i if wh.dep_ == "det" and wh.head.i > wh.i else wh.i
    return [t for t in wh.doc[last + 1 :] if not t.is_punct]


def _helper_verb(token: "Token") -> bool:
    """An auxiliary of a question ("did", "will", "has", "been", "being"), or "got" of a passive."""
    return token.lower_ in AUXILIARIES or token.lower_ in ("been", "being", "be") or token.lemma_ == "get"


def _preposition_before(wh: "Token") -> str | None:
    """The preposition right before the question word ("to" of "To whom ...?"), lower case; None without one."""
    return wh.doc[wh.i - 1].lower_ if wh.i > 0 and wh.doc[wh.i - 1].pos_ == "ADP" else None


def after_a_preposition(wh: "Token | None") -> bool:
    """"To whom did Ostley give the permit?", "From whom ...": the question word follows a preposition other than
    "by", so it asks for neither the doer nor the one done to, and the doer ("Ostley") is no answer either."""
    return wh is not None and _preposition_before(wh) not in (None, "by")


def _doer(wh: "Token | None") -> str | None:
    """The words between the auxiliary and the verb of a question about the one something is done to: "the
    port commission" in "Whom did the port commission pick?"; None when there are none."""
    if wh is None:
        return None
    following = _after_the_question_phrase(wh)
    if len(following) < 3 or following[0].lower_ not in AUXILIARIES:
        return None
    phrase = list(takewhile(lambda t: t.pos_ not in ("VERB", "AUX"), following[1:]))
    if len(phrase) == len(following) - 1:
        phrase = phrase[:-1]  # "Whom did the council hire?" with "hire" tagged a noun: the last word is the verb
    return " ".join(t.text for t in phrase) or None


def noun_named(token: "Token") -> "Token":
    """The noun a name stands for in its clause: "Capt." of "hire Capt. Renata Halvorsen", "employee" of "to
    longtime employee Marcus Reyes", "Lisle" of "Lisle and Orme"."""
    while token.dep_ in ("compound", "appos", "conj", "flat") and token.head.i != token.i:
        token = token.head
    return token


def slot_of(token: "Token | None") -> Slot | None:
    """Whether `token` (a question word or an answer, after the words of its name) is the one who does what its
    clause says ("subject": "Who hired her?", "She was hired by the council") or the one it is done to
    ("object": "Whom did they hire?", "They hired Dana Lisle", "Lisle was hired"); None for anything else."""
    if token is None:
        return None
    token = noun_named(token)
    if token.dep_ == "nsubj":
        return "subject"
    if token.dep_ in ("dobj", "nsubjpass"):
        return "object"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return "subject"
    return None
