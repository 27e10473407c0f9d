"""What someone gets, raises, takes in or loses: "How much drought money did Pruett Landsdowne get from the
county?", "How much will Pellbrook make from selling its glass?", "How much will the ranger lose?".

The sum that answers is one the question's subject gets (or loses). A sentence that never names the subject and
gives a sum someone else pays out with no one named to receive it ("The town will spend about $38,000 to replace
the bins", "the processor began charging $118 a ton", "the council set aside $40,000 for groups", "supervisors
approved a $950,000 relief fund") tells of money going elsewhere. What others pay, spend, give or contribute may be
what the subject takes in ("A developer paid $2.1 million for the building" is what the county made), and "cost"
may be a loss ("The fire cost the owner $40,000"): neither is read as money going elsewhere. The verbs are English
words of getting and of paying out.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.candidate import Candidate
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.value_clause import answer_clause_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of getting money (the question's), and of paying it out (the sentence's)
_GETTING = frozenset({"get", "receive", "raise", "make", "collect", "take", "lose", "win", "bring", "earn", "net",
                      "gross"})  # fmt: skip
_PAYING_OUT = frozenset({"spend", "pay", "contribute", "charge", "approve", "allocate", "set", "budget", "donate",
                         "give", "award", "grant", "cost"})  # fmt: skip
# Verbs of taking in: what others pay, spend, give or contribute may be the takings ("Fairgoers spent $212,000 at
# the gate", "A developer paid $2.1 million for the building" is what the county made)
_TAKING_IN = frozenset({"make", "take", "earn", "net", "gross", "bring", "raise", "collect"})
_OTHERS_TAKINGS = frozenset({"spend", "pay", "donate", "give", "contribute"})
# Shortest stem two words may share as a start to name the same one ("commission" of "commissioners")
_SHARED_START = 6


def paid_out_by_another(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum answering "How much did X get / raise / take in / make / lose ...?" (X the subject of the
    question's main verb) comes from a sentence that never names X and whose sum's verb pays money out, with a noun
    subject of its own (not a pronoun, which may be X) and no one named to receive it ("The town will spend about
    $38,000", "the council set aside $40,000 for groups"). For a question of taking in, what others pay, spend,
    give or contribute is not money going elsewhere; for a question of losing, neither is a cost. False for other
    questions, and for a sentence that names X ("The Harlan County Commission voted to spend $275,000" for what its
    commissioners took)."""
    if analysis.answer_type not in ("money", "quantity") or candidate.answer is None or candidate.answer[2] != "MONEY":
        return False  # ("How much did the fair take in?" names no money: a quantity, answered by a sum)
    getter = _getter(analysis.question)
    if not getter:
        return False
    doc = sentence_parse(candidate.text)
    if any(_same_word(stem, said) for t in doc for said in all_stems(t.text) for stem in getter):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verb = clause[1]
    lemma = verb.lemma_.casefold()
    asked = _getting_verb(analysis.question)
    if lemma not in _PAYING_OUT or (asked in _TAKING_IN and lemma in _OTHERS_TAKINGS):
        return False
    if lemma == "set" and not any(c.lower_ == "aside" for c in verb.children):
        return False  # "set aside $40,000" (not "set a record with $212,000")
    if asked == "lose" and lemma == "cost":
        return False  # "The fire cost the bakery owner $40,000": a loss
    if any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return False  # a recipient named, maybe the one asked by another word ("awarded the school $25,000")
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("xcomp", "advcl", "conj"):  # "voted to spend ...": the voter's subject
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.pos_ in ("NOUN", "PROPN") for s in subjects)


def _getter(question: str) -> frozenset[str]:
    """The stems of the subject of the question's verb of getting money ("Landsdowne" of "How much did Pruett
    Landsdowne get from the county?"), with its compound names; empty when it has none or it is a pronoun."""
    verb = _question_verb(question)
    if verb is None or verb.lemma_.casefold() not in _GETTING:
        return frozenset()
    heads = [h for c in verb.children if c.dep_ == "nsubj" for h in (c, *c.conjuncts) if h.pos_ in ("NOUN", "PROPN")]
    return frozenset().union(*(all_stems(" ".join(
        [h.text, *(c.text for c in h.children if c.dep_ == "compound" and c.pos_ == "PROPN")])) for h in heads))


def _getting_verb(question: str) -> str | None:
    verb = _question_verb(question)
    return verb.lemma_.casefold() if verb is not None else None


@lru_cache(maxsize=256)
def _question_verb(question: str) -> "Token | None":
    """The question's main verb (its root), when it is one: not a verb of a clause aside ("How much will residents
    pay so the town can get new bins?")."""
    root = next((t for t in sentence_parse(question) if t.dep_ == "ROOT"), None)
    return root if root is not None and root.pos_ == "VERB" else None


def _same_word(asked: str, said: str) -> bool:
    """Whether two stems name one word, or one is the start of the other ("commission", "commissioner")."""
    if asked == said:
        return True
    shorter, longer = sorted((asked, said), key=len)
    return len(shorter) >= _SHARED_START and longer.startswith(shorter)
