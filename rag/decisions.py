"""A body's decision and who carries it out: "The City Council voted to give $38 million to Brassfield
Partners" tells what the council decided, not who redevelops the mall.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.candidate import Candidate
from rag.moods import is_infinitive
from rag.query import QuestionAnalysis
from rag.slots import slot_of
from rag.value_clause import _predicate_stems, answer_clause_tokens, any_of
from rag.verb_meanings import phrasal_meaning
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness
from rag.yes_no import SAME_EVENT, SAME_EVENT_LIKENESS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of a decision to do something: "voted on Tuesday to repair the levee".
DECIDING = frozenset({"vote", "decide", "agree", "approve", "move", "authorize", "elect", "choose", "resolve"})


def decided_another_thing(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a name answering "Who ...?" is the body that decided something else: for "Who is redeveloping the
    mall?" the council of "The City Council voted to give $38 million to Brassfield Partners" voted; the one who
    redevelops is another. The name is a body (not a person: "Council member Rita Okafor voted for the plan" tells
    who supported it) and the subject of a verb of deciding with a "to" clause, and neither that verb nor what it
    decided to do is the question's verb or one like it ("Who hired Reid?": "The board voted to hire Reid"; "Who
    banned fireworks?": "voted to prohibit fireworks"; "Who rejected the plan?": a vote approves or rejects).
    False for other questions and for a question on "be" ("Who is ...?")."""
    if analysis.answer_type not in ("person", "organisation") or candidate.answer is None or not analysis.predicate:
        return False
    if candidate.answer[2] == "PERSON":
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    if verb.lemma_.casefold() not in DECIDING or slot_of(span.root) != "subject":
        return False
    wanted = _predicate_stems(analysis)
    if wanted & SAME_EVENT[0]:
        return False  # "voted 4-1 against the plan" tells who rejected it
    done = _decided_clauses(verb)
    if not done:
        return False  # "voted against the plan", "will vote Tuesday on the sale": no other doer
    verbs = [verb, *done, *(c for d in done for c in d.conjuncts)]
    if any_of(wanted, verbs):
        return False
    return not any(word_likeness(f, t.lemma_) >= SAME_EVENT_LIKENESS for f in analysis.predicate_forms for t in verbs)


# Verbs of a decision that lets, refuses, pays for or asks for what another does ("voted to approve 40
# townhouses": someone else builds them), not one the body itself carries out ("voted to tear down the old
# armory", "voted to take over the program"). A closed class of English verbs.
_LETTING_ANOTHER = frozenset({"approve", "allow", "permit", "authorize", "authorise", "ok", "okay", "endorse", "back",
                              "support", "grant", "license", "rezone", "zone", "sanction", "let", "deny", "reject",
                              "block", "fund", "finance", "subsidize", "hire", "award", "seek", "ask", "request",
                              "invite", "recommend", "proceed"})  # fmt: skip


def decided_for_another(candidate: Candidate) -> bool:
    """Whether a body's decision ("voted to approve 40 townhouses") lets, refuses, pays for or asks for what another
    does, so that the body is not the one who does it; False when it decided to do something itself ("voted to
    tear down the old jail", "voted to cover the cost")."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    done = _decided_clauses(clause[1])
    verbs = [*done, *(c for d in done for c in d.conjuncts)]
    if any(t.lower_ in ("itself", "themselves", "ourselves") for v in verbs for t in v.subtree):
        return False  # "voted to go ahead with repainting the bandstand themselves"
    # ("voted to go ahead with the revetment": to proceed with it, which another builds)
    return bool(verbs) and all((phrasal_meaning(v) or v.lemma_.casefold()) in _LETTING_ANOTHER for v in verbs)


def decided_upon(best: Candidate, other: Candidate) -> bool:
    """Whether `other`'s value stands in what `best`'s body decided to do ("voted to hire Marcus Reid"), not
    elsewhere in the sentence ("over objections from Mayor Lena Vasko", "citing a warning from Chief Garrity")."""
    clause = answer_clause_tokens(best)
    if clause is None or other.answer is None or other.passage is not best.passage or other.start != best.start:
        return False
    other_span = clause[0].doc.char_span(other.answer[0] - best.start, other.answer[1] - best.start,
                                         alignment_mode="expand")
    if other_span is None:
        return False
    for done in _decided_clauses(clause[1]):
        token = other_span.root
        while token.head.i != token.i and token.head.i != done.i:
            token = token.head
        if token.head.i != done.i or token.i == done.i:
            continue
        # what was decided, not an aside set off by a comma ("..., citing a warning from Chief Garrity")
        return token.dep_ not in ("advcl", "npadvmod") and not (token.i > 0 and token.doc[token.i - 1].text == ",")
    return False


def _decided_clauses(verb: "Token") -> list["Token"]:
    """The "to" clauses of a verb of deciding: "hire" of "voted to hire Reid"."""
    return [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c)]
