"""Verbs that tell of one act in other words: the one verb a phrasal verb means ("sign off": "approve"), and
verbs of the same act ("arrested" for "caught", "shut down" for "closed").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Phrasal verbs and the one verb each means in news about decisions, courts, offices and buildings ("signed off on
# the contract": approved it; "threw out the lawsuit": dismissed it). A closed class of English phrasal verbs.
PHRASAL_MEANINGS = {("sign", "off"): "approve", ("turn", "down"): "reject", ("vote", "down"): "reject",
                     ("throw", "out"): "dismiss", ("toss", "out"): "dismiss", ("step", "down"): "resign",
                     ("wrap", "up"): "finish", ("shut", "down"): "close", ("tear", "down"): "demolish",
                     ("knock", "down"): "demolish", ("call", "off"): "cancel", ("push", "back"): "postpone",
                     ("put", "off"): "postpone", ("hold", "off"): "postpone", ("go", "up"): "rise",
                     ("go", "down"): "fall", ("go", "ahead"): "proceed", ("chip", "in"): "contribute",
                     ("pitch", "in"): "contribute", ("set", "aside"): "allocate", ("shell", "out"): "pay",
                     ("pony", "up"): "pay", ("fork", "over"): "pay", ("take", "over"): "succeed",
                     ("drop", "out"): "withdraw", ("pull", "out"): "withdraw", ("back", "out"): "withdraw",
                     ("lay", "off"): "cut"}  # fmt: skip


# Verbs of one act, as news writes it in other words ("arrested" for "caught", "appointed" for "hired", "shuttered"
# for "closed"); not its opposite ("rejected" is another outcome than "approved"). A closed class of English verbs.
_SAME_ACTS = tuple(frozenset(group) for group in (
    ("arrest", "catch", "apprehend", "nab", "capture"),
    ("hire", "appoint", "name", "pick", "choose", "select", "tap"),
    ("approve", "pass", "adopt", "ratify", "okay", "authorize"),
    ("reject", "defeat", "veto"),
    ("close", "shut", "shutter"),
    ("complete", "finish", "finalize"),
    ("win", "land", "secure"),
    ("demolish", "raze"),
    ("buy", "purchase", "acquire"),
    ("injure", "hurt", "wound"),
    ("fine", "penalize"),
    ("begin", "start", "commence"),
    ("resign", "quit"),
    ("succeed", "replace"),  # a post: "Who will replace Tolliver?": "appointed his deputy to succeed him"
    ("postpone", "delay"),
    ("cancel", "scrap", "scrub"),
    ("play", "face", "meet"),  # a game: "Harlow Falls will face Ashford Hollow on Nov. 25", "last met them in 2019"
    ("start", "found", "establish", "launch"),  # a business: "What year did the store get started?": "founded"
))  # fmt: skip


def same_act(asked: str, verb: "Token") -> bool:
    """Whether `verb` (as written, or by the phrasal verb it is part of) tells of the act the question's verb
    `asked` names, in other words: "arrested" for "caught", "shut down" for "closed"."""
    lemma = phrasal_meaning(verb) or verb.lemma_.casefold()
    if lemma == "meet" and not any(c.dep_ == "dobj" for c in verb.children):
        return lemma == asked  # a board that meets plays no one
    return lemma == asked or any(asked in group and lemma in group for group in _SAME_ACTS)


def phrasal_meaning(verb: "Token") -> str | None:
    """The one verb a phrasal verb means ("sign off" -> "approve", "stepped down" -> "resign"); None for others."""
    # the parser may tag the particle right after the verb as an adverb ("stepped down Friday")
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1)]
    lemma = verb.lemma_.casefold()
    return next((PHRASAL_MEANINGS[(lemma, p)] for p in particles if (lemma, p) in PHRASAL_MEANINGS), None)
