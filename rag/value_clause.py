"""The clause that holds a candidate's value, read from the parse of its sentence: the value's words, the verb
it hangs on, and how that verb stands to the question's own verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.candidate import Candidate
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.verb_meanings import same_act

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# How many steps up the parse an answer may be from the verb that governs it ("17" -> "homes" -> "damaged").
_GOVERNING_STEPS = 4


def answer_clause_tokens(candidate: Candidate) -> "tuple[Span, Token] | None":
    """The candidate's value in the parse of its sentence, and the verb it hangs on (or the nearest head)."""
    entity = candidate.answer
    if entity is None:
        return None
    doc = sentence_parse(candidate.text)
    span = doc.char_span(entity[0] - candidate.start, entity[1] - candidate.start, alignment_mode="expand")
    if span is None:
        return None
    return span, governing_verb(span.root)


def value_verb(candidate: Candidate) -> "Token | None":
    """The verb the candidate's value hangs on (None when it hangs on none: a noun, or no value)."""
    clause = answer_clause_tokens(candidate)
    return clause[1] if clause is not None and clause[1].pos_ in ("VERB", "AUX") else None


def governing_verb(token: "Token") -> "Token":
    """The verb `token` hangs on, up to `_GOVERNING_STEPS` heads away; else where the climb stopped (the root,
    or a noun)."""
    for _ in range(_GOVERNING_STEPS):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return token


def what_can_be(verb: "Token") -> bool:
    """Whether the verb's clause says what can be, which tells nothing of what was: "Drilling a new well can cost
    $12,000 to $25,000" for what the Pettibones paid, "The shelter can sleep 40" for how many it took in."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children)


def the_asked_act(analysis: QuestionAnalysis, verb: "Token") -> bool:
    """Whether the verb is the question's own, or one of the same act ("took effect Jan. 1" for "When does the fee
    take effect?", "started Monday" for "When does she start?"): what is asked of, already done."""
    return bool(_predicate_stems(analysis) & token_stems(verb)) or bool(
        analysis.predicate and same_act(analysis.predicate, verb))


SLOTTED_TYPES = frozenset({"person", "organisation"})


def verb_and_head(verb: "Token") -> list["Token"]:
    """"expects to hire 120": the verb the answer hangs on, and the one it completes."""
    return [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") else [])


def token_stems(token: "Token") -> frozenset[str]:
    """The stems of a word as written and of its lemma (the lemmatiser errs: "fined" -> "fin")."""
    return all_stems(token.text) | all_stems(token.lemma_)


def _predicate_stems(analysis: QuestionAnalysis) -> frozenset[str]:
    """The stems of every form of the question's main verb ("lose", "lost")."""
    return all_stems(" ".join(analysis.predicate_forms))


def any_of(wanted: set[str], verbs: list["Token"]) -> bool:
    """Whether one of `verbs` is one of the forms in `wanted` (stems of the question's verb)."""
    return any(wanted & token_stems(t) for t in verbs)


def negated(verb: "Token") -> bool:
    """The verb of a clause is negated: "did not", "never", "no longer"; not a participle standing for a
    preposition ("not including the 2014 annexation")."""
    if verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(
        child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and any(g.dep_ == "neg" for g in child.children))
        for child in verb.children
    )
