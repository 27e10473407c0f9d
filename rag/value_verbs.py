"""Whether the verb a value hangs on tells the act the question asks about: not its opposite, not the act done
in another place, not a holding for a doing, not what is only to come; and whether two values hang on one act.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rag.candidate import Candidate
from rag.moods import clause_mood
from rag.query import QuestionAnalysis
from rag.text import all_stems, words
from rag.value_clause import _predicate_stems, answer_clause_tokens, any_of, value_verb, verb_and_head
from rag.verb_meanings import phrasal_meaning, same_act
from rag.who_did_it import the_questions_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def done_in_another_place(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value answers the question's verb done in another named place than the one the question puts it
    in: "The company employs four people in Corliss" does not answer "How many people does Skyward employ in
    Dunmore?", whatever its article says of Dunmore. Only when the value's clause has the question's own verb and
    its sentence does not name the place asked."""
    if candidate.answer is None or not analysis.predicate:
        return False
    asked = _places_of(the_questions_verb(analysis))
    if not asked:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or clause[1].lemma_.casefold() != analysis.predicate:
        return False
    sentence = set(words(candidate.text))
    told = _places_of(clause[1])
    return bool(told) and not any(place <= sentence for place in asked) and all(
        not place & other for place in asked for other in told
    )


def _places_of(verb: "Token | None") -> list[set[str]]:
    """The words of each named place a verb is done in or at ("employs 40 people in Corliss": {"corliss"}, the
    parser hanging the place on the verb or on its object), with the nouns that describe it."""
    if verb is None:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    # (with the nouns that describe it: "in Corliss, the county seat" is in the county)
    return [set(words(" ".join(t.text for t in obj.subtree if t.pos_ in ("PROPN", "NOUN"))))
            for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN"]  # fmt: skip


# Verbs of opposite events, as pairs of stems: English antonyms, which word likeness puts near each other ("open":
# "close" 0.55) because they are used of the same things. Not the pairs that tell one event from either side (buy
# and sell, win and lose, join and leave): "X sold the inn to Y for $1.1 million" says what Y paid.
_OPPOSITE_VERBS = tuple(
    (all_stems(first), all_stems(second))
    for first, second in (
        ("open", "close"), ("reopen", "close"), ("open", "shut"), ("reopen", "shut"), ("start", "end"),
        ("start", "stop"), ("begin", "end"), ("start", "finish"), ("begin", "finish"), ("start", "complete"),
        ("begin", "complete"), ("resume", "stop"), ("resume", "suspend"), ("lift", "impose"),
        ("lift", "issue"), ("hire", "fire"), ("hire", "lay"), ("hire", "lose"), ("recruit", "lose"), ("add", "lose"),
        ("win", "lose"), ("gain", "lose"), ("rise", "fall"),
        ("increase", "decrease"), ("increase", "cut"), ("raise", "lower"), ("raise", "cut"), ("add", "remove"),
        ("add", "cut"), ("expand", "shrink"), ("arrest", "release"), ("build", "demolish"), ("convict", "acquit"),
    )
)  # fmt: skip


# Participles that put a time before what happens from then on, as "from" does ("Starting March 2, the bus will no
# longer stop there", "Beginning Monday, ...").
_STARTING_FROM = re.compile(r"starting|beginning")


def done_the_other_way(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value answer hangs on the opposite of the question's verb: "closed ... on Monday" for "When were
    the beds reopened?", "laid off 40 workers" for "How many did it hire?". False when the question's own verb is
    there too, and for questions without a verb."""
    if candidate.answer is None or not analysis.predicate:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verbs = verb_and_head(clause[1])
    wanted = _predicate_stems(analysis)
    starting, main = clause[1], clause[1].head
    if _STARTING_FROM.fullmatch(starting.lower_) and clause[0].start == starting.i + 1 and main.i != starting.i:
        chain = [main, *(c for c in main.children if c.dep_ == "xcomp")]
        chain += [c for v in chain[1:] for c in v.children if c.dep_ == "xcomp"]
        if any(all_stems(v.text) & wanted for v in chain) or any(
            c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children) or c.dep_ == "neg"
            for v in chain for c in v.children
        ):  # fmt: skip
            return False  # "Starting April 1, residents will have to stop ...", "Starting March 2, the bus will no
            # longer stop there": "from then on", no act of starting (but "Starting Friday, the fair will run", and
            # "Starting Monday, crews will work nights so the project can be finished")
    if any_of(wanted, verbs) or any_of(frozenset(f"re{stem}" for stem in wanted), verbs[:1]):
        return False  # (the value's own verb doing the act again, "closed ..., should reopen by Sept. 15", is no
        # opposite of "open" for the "closed" it is joined to)
    return any(
        (wanted & first and any_of(second, verbs)) or (wanted & second and any_of(first, verbs))
        for first, second in _OPPOSITE_VERBS
    )


# Verbs of holding people, which tell how many there are, not how many were done ("has 60 members so far" and
# "signatures total 41,200" may well be what was done so far); and a question whose own main verb is "have" after
# "does" ("How many volunteers does it have left?"), whatever perfect a clause of it has.
_HOLDING_VERBS = frozenset({"employ", "represent"})
_ASKS_WHAT_IT_HAS = re.compile(r"(?i)\b(?:does|do|did)\b[^?]*\bhave\b")


def held_not_done(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a count answering "How many workers has Greythorn hired so far?" (what has been done up to now) is
    only how many there are: "Greythorn employs 410 people in Scarrow Gap", "The association represents about 520
    teachers". False for other questions, and for one whose own verb is of holding."""
    if analysis.answer_type != "count" or not analysis.so_far or analysis.predicate in _HOLDING_VERBS:
        return False
    if _ASKS_WHAT_IT_HAS.search(analysis.question):
        return False  # "How many seats does the theater have now that it's been restored?", "... have left"
    verb = value_verb(candidate)
    return verb is not None and verb.lemma_.casefold() in _HOLDING_VERBS


def told_as_to_come(candidate: Candidate) -> bool:
    """Whether the verb the candidate's value hangs on tells what would or will be ("The expansion would add about
    6.5 million cubic yards"), not what is."""
    verb = value_verb(candidate)
    return verb is not None and clause_mood(verb) == "irrealis"


def the_same_act(candidate: Candidate, other: Candidate) -> bool:
    """Whether two values hang on verbs of one act ("have received" and "received"; "signed up" and "took part" are
    two): the same lemma, or one phrasal verb's meaning, or verbs of one act (rag.verb_meanings.same_act)."""
    verb, other_verb = value_verb(candidate), value_verb(other)
    if verb is None or other_verb is None:
        return False
    return same_act(phrasal_meaning(verb) or verb.lemma_.casefold(), other_verb)
