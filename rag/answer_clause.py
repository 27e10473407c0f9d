"""How the clause that holds a value answer fits the question: on the question's verb or another, counting the
noun asked about or another, and told in the question's time and polarity (`answer_clause`, `clause_agrees`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.candidate import Candidate
from rag.counted_nouns import _counted_similarity, _counts
from rag.date_words import YEAR
from rag.moods import clause_is_uncertain, clause_mood, is_infinitive
from rag.query import QuestionAnalysis
from rag.slots import noun_named, slot_of
from rag.value_clause import (
    SLOTTED_TYPES, _predicate_stems, answer_clause_tokens, any_of, negated, the_asked_act, verb_and_head, what_can_be,
)  # fmt: skip
from rag.verb_classes import INTENDING_VERBS, IRREALIS_GOVERNORS
from rag.verb_meanings import same_act
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def answer_clause(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> dict[str, float]:
    """How the clause that holds a value answer fits the question, from one parse of the candidate's sentence
    (the best candidate's only):

    - `answer_on_predicate`: 1 when the verb governing the answer is the question's main verb ("Who cast the
      lone vote?": "Vera Maddox cast the only no vote"), 0 when it is another verb ("About 240 residents
      *filled* the gym" for "How many residents voted?");
    - `predicate_similarity`: the same, graded by `word_likeness` when the verbs differ ("hurt" for
      "injured" scores high, "filled" for "voted" low);
    - `counted_similarity`: for "how many" questions, how alike the noun asked about and the noun the number
      counts are ("How many beds?": "24 beds" 1, "24 exam rooms" less, "14 intersections" little); for "how
      much N" ones, N and what the unit measures ("How much rain?": "4 inches of snow" low);
    - `mood_agrees`: 0 when the question asks about something not (yet) done and the clause tells of something
      done ("When will it hold the event?": "which opened in January"), or when the clause denies what a
      question that denies nothing asks ("Where will riders catch it?": "will no longer stop at Elm
      Street"), or when a name stands in the other place than the question word's on the question's own verb
      ("Whom did the council hire?": "The Tarnby City Council voted to hire ...", `_fills_the_slot`); else 1.
      Not the other way round: news reports plans before they happen, so "When did the
      county vote?" is answered by "voters will decide Nov. 5" in an article written before the vote. But
      a question about what has been done up to now ("How many has the plant hired so far?") is not
      answered by a plan ("expects to hire 120").

    Each is 1 when there is nothing to compare (no answer entity, a question on "is" or in the present, a
    number that counts no noun)."""
    nothing_to_compare = {"answer_on_predicate": 1.0, "answer_on_same_act": 1.0, "predicate_similarity": 1.0,
                          "counted_similarity": 1.0, "mood_agrees": 1.0}  # fmt: skip
    entity = candidate.answer
    wanted = _predicate_stems(analysis)
    counts = _counts(analysis)
    if entity is None or (not wanted and analysis.mood is None and not analysis.ahead and counts is None):
        return nothing_to_compare
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return nothing_to_compare
    span, token = clause
    verbs = verb_and_head(token) + _done_by_the_object(span, token)
    on_predicate = not wanted or any_of(wanted, verbs)
    # a verb of the same act in other words ("arrested" for "caught") is as like the question's as its own
    on_same_act = on_predicate or (
        analysis.predicate is not None and any(same_act(analysis.predicate, t) for t in verbs)
    )
    predicate_similarity = 1.0
    if not on_same_act and analysis.predicate:
        predicate_similarity = max(word_likeness(analysis.predicate, t.lemma_) for t in verbs)
    counted_similarity = 1.0
    if counts is not None and analysis.focus:
        counted_similarity = _counted_similarity(analysis.focus, span, counts, word_likeness)
    return {"answer_on_predicate": float(on_predicate), "answer_on_same_act": float(on_same_act),
            "predicate_similarity": predicate_similarity,
            "counted_similarity": counted_similarity, "mood_agrees": float(_agrees(analysis, span, token))}  # fmt: skip


def clause_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """`answer_clause`'s `mood_agrees` alone: whether the clause that holds the candidate's value tells of
    what the question asks in its time and polarity (true when there is nothing to compare)."""
    wanted = _predicate_stems(analysis)
    if candidate.answer is None or (not wanted and analysis.mood is None and not analysis.ahead
                                    and _counts(analysis) is None):  # fmt: skip
        return True
    clause = answer_clause_tokens(candidate)
    return clause is None or _agrees(analysis, *clause)


def _agrees(analysis: QuestionAnalysis, span: "Span", token: "Token") -> bool:
    mood = clause_mood(token) if token.pos_ in ("VERB", "AUX") else None
    if _intended(analysis, span, token) or _chosen_to_do(token):
        mood = "irrealis"
    # "Route 40 will no longer stop at Elm Street" does not say where it stops; "will not reopen until
    # June 1" does say when it reopens
    denied = not analysis.negative and negated(token) and not _through_until(span.root, token)
    # (for a question of how things stand now, a clause in the past tense that says when tells how they stood:
    # "had 412 in 2014"; "raised starting pay to $69,000" tells how it stands)
    then = analysis.now and token.tag_ == "VBD" and any(
        YEAR.fullmatch(t.text) or t.lower_ in _TIMES_GONE for t in token.subtree
    )
    # (a date of a thing the clause names, not of its act, may be set: "launched a campaign with an open house on
    # Saturday, Jan. 27", "voted Monday to raise the charge, effective Jan. 1")
    ahead = analysis.ahead and _dates_the_act(span, token) and not the_asked_act(analysis, token)
    return (not ((analysis.mood == "irrealis" or ahead) and mood == "realised")
            and not (analysis.so_far and mood == "irrealis")
            and not then
            and not (analysis.mood == "realised" and mood != "realised"
                     and (clause_is_uncertain(token) or what_can_be(token)))
            # (what was done is not what was meant: "The city's goal is to cut water use by 15 percent")
            and not (analysis.mood == "realised" and _what_a_noun_of_intention_is(token, analysis))
            and not denied and _fills_the_slot(analysis, span, token))  # fmt: skip


def _chosen_to_do(verb: "Token") -> bool:
    """Whether the verb chooses someone to do something still to come: "The board appointed his deputy, Philippa
    Grenvoss, to succeed him" tells who is going to succeed him, though the choice is made."""
    return verb.lemma_.casefold() in _CHOOSING and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


# Verbs of choosing someone for a post or a task ("named her to lead the office").
_CHOOSING = frozenset({"appoint", "name", "choose", "pick", "select", "hire", "tap", "elect", "designate", "ask"})


# Verbs of setting a time for something, whose date is the thing's ("set a hearing for April 2").
_SCHEDULING = frozenset({"set", "schedule", "reschedule", "slate", "move", "push", "postpone", "delay", "plan"})


def _dates_the_act(span: "Span", verb: "Token") -> bool:
    """Whether a date tells when the verb's act was done ("left in 2023", "announced Wednesday", "the council on
    Tuesday approved"): its way up to the verb passes no word that takes it as its own, an adjective ("effective
    Jan. 1") or a noun in an object's place ("with ... an open house on Saturday, Jan. 27"), and the verb sets no
    time for a thing ("set a public hearing for April 2")."""
    if verb.lemma_.casefold() in _SCHEDULING:
        return False
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.i != verb.i and (token.pos_ == "ADJ" or token.dep_ in ("dobj", "pobj", "attr")):
            return False
    return True


# Words that put a clause in a time gone by: "last year", "two years ago", "once had", "formerly".
_TIMES_GONE = frozenset({"last", "ago", "once", "formerly", "previously", "then"})


def _intended(analysis: QuestionAnalysis, span: "Span", verb: "Token") -> bool:
    """Whether the value is in the object of a verb of intention, so it is meant, not done: "Calderwood plans 1,420
    houses", "needed 60 volunteers", and in the passive "Harbor Point was planned with 86 condominiums"; or it is
    what a noun of intention is for, whatever became of it ("a plan for 48 houses was rejected"). Not "120 families
    have requested vouchers" (the families did request), nor when the question asks about that verb itself ("How
    many volunteers did it need?")."""
    if _under_a_noun_of_intention(span, verb, analysis) or _what_a_noun_of_intention_is(verb, analysis):
        return True
    lemma = verb.lemma_.casefold()
    if lemma not in INTENDING_VERBS or lemma in analysis.predicate_forms:
        return False
    if any(span.root in obj.subtree for obj in verb.children if obj.dep_ == "dobj"):
        return True
    # (the passive tells a plan as it was, which a question of what was meant asks: "How many condos was it supposed
    # to have?"; "How many will it end up with?" asks what will be, which "will stop at 52" tells, not the plan)
    passive = verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return (passive and (analysis.so_far or _asks_what_was_meant(analysis))
            and any(span.root in prep.subtree for prep in verb.children if prep.dep_ == "prep"))  # fmt: skip


# Verbs of intention a question asks what was meant by ("was supposed to have", "did it want to build"), not of what
# will be ("going to", "set to").
_MEANING_VERBS = frozenset(IRREALIS_GOVERNORS - {"go", "have", "set"})


def _asks_what_was_meant(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks by a verb of intention ("was supposed to", "did it want to") what was meant."""
    return any(t.lemma_.casefold() in _MEANING_VERBS for t in sentence_parse(analysis.question))


# Nouns of what someone means to do or have, whose "for" or "of" object is meant, not done ("a plan for 48
# houses", "the proposal of 240 units"). A closed class of English nouns.
_NOUNS_OF_INTENTION = frozenset({"plan", "proposal", "request", "bid", "offer", "goal", "target", "application"})


def _what_a_noun_of_intention_is(verb: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether the value's verb is what a noun of intention is ("The city's goal is to cut water use by 15
    percent"), which is meant, not done, unless the question asks about that noun or the sentence says it was
    met ("The PTA's goal was to raise $40,000, and it reached it in May")."""
    if verb.dep_ not in ("xcomp", "ccomp", "attr") or verb.head.lemma_ != "be":
        return False
    if any(t.lemma_.casefold() in _MEETING_A_GOAL and any(
        c.dep_ == "dobj" and (c.lower_ == "it" or c.lemma_.casefold() in _NOUNS_OF_INTENTION) for c in t.children
    ) for t in verb.doc):  # fmt: skip
        return False  # ("and it reached it"; not "to meet the cost of new swings")
    return any(c.dep_ == "nsubj" and c.lemma_.casefold() in _NOUNS_OF_INTENTION
               and c.lemma_.casefold() not in analysis.predicate_forms and c.lemma_.casefold() != analysis.focus
               for c in verb.head.children)  # fmt: skip


# Verbs that say a goal was met. English verbs.
_MEETING_A_GOAL = frozenset({"reach", "meet", "hit", "exceed", "surpass", "beat", "top", "achieve"})


def _under_a_noun_of_intention(span: "Span", verb: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether the value's way up to its verb passes "for" or "of" on a noun of intention ("whose plan for 48
    houses was rejected"), or the value sizes one ("approved a $180 million plan"), which the question does not ask
    about."""
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        head = token.head
        meant = (head.head if token.dep_ == "pobj" and head.lower_ in ("for", "of")
                 else head if token.i == span.root.i and token.dep_ in ("nummod", "compound", "amod", "quantmod")
                 else None)  # fmt: skip
        if (meant is not None and meant.pos_ == "NOUN" and meant.lemma_.casefold() in _NOUNS_OF_INTENTION
                and meant.lemma_.casefold() not in analysis.predicate_forms
                and meant.lemma_.casefold() != analysis.focus):  # fmt: skip
            return True
        token = head
    return False


def _done_by_the_object(span: "Span", verb: "Token") -> list["Token"]:
    """"hired Farrand Brothers to replace the culvert", "chose Ada Lind to lead the team": the verbs the answer,
    as the object of a verb of engaging someone (`_ENGAGING_VERBS`), is the doer of (an object's infinitive)."""
    if span.root.dep_ != "dobj" or span.root.head.i != verb.i or verb.lemma_.casefold() not in _ENGAGING_VERBS:
        return []
    return [c for c in verb.children if c.pos_ == "VERB" and c.i > span.root.i
            and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and is_infinitive(c)))]  # fmt: skip


# Verbs of engaging someone to do a thing, whose object does it: "hired Farrand Brothers to replace the culvert";
# not "asked Ostrow Paving to fix the potholes", which the firm may not do.
_ENGAGING_VERBS = frozenset({"hire", "pick", "choose", "select", "contract", "retain", "pay", "tap", "name", "appoint",
                             "commission", "engage", "enlist", "authorize", "award"})  # fmt: skip


def _fills_the_slot(analysis: QuestionAnalysis, span: "Span", verb: "Token") -> bool:
    """Whether a name answers in the question word's place, when it hangs on the question's own verb: for "Whom
    did the council hire?" the one hired ("voted to hire Dana Lisle"), not the one hiring ("The Tarnby City
    Council voted to hire ..."); for "Who hired Lisle?" the other way round. True when either place is unknown,
    or the verb is another: "Who became superintendent?" is answered by the one a board "hired as
    superintendent"."""
    if analysis.asked_slot is None or analysis.answer_type not in SLOTTED_TYPES:
        return True
    wanted = _predicate_stems(analysis)
    # "The council voted to hire Lisle": the council hires too
    completed = [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and is_infinitive(c))]
    verbs = verb_and_head(verb) + completed
    if not any_of(wanted, verbs):
        return _fills_the_other_side(analysis, span, verbs)
    # "hired Farrand Brothers to replace the culvert": the one hired does the replacing
    slot = "subject" if any_of(wanted, _done_by_the_object(span, verb)) else slot_of(span.root)
    if slot is None and _another_party(span.root, verbs):
        return False  # "Nina Hart bought the store from Ray Dunley": who it was bought from did not buy it
    return slot is None or slot == analysis.asked_slot


# Prepositions whose object on a verb of an exchange is its other party: "bought the store from Ray Dunley", "sold it
# to Nina Hart", "hired her away from Orlow".
_OTHER_PARTY_PREPOSITIONS = frozenset({"from", "to"})


def _another_party(token: "Token", verbs: list["Token"]) -> bool:
    """Whether the name is the object of "from" or "to" on one of `verbs`, the other party of what they tell."""
    token = noun_named(token)
    return token.dep_ == "pobj" and token.head.lower_ in _OTHER_PARTY_PREPOSITIONS and token.head.head in verbs


# Verbs of one exchange told from its other side, and the preposition the party asked for stands after there: who
# bought the store is whom it was sold "to" ("Gordon Ames sold the store to Marcus Reyes"), who sold it is whom it
# was bought "from", who won a contract is whom it was awarded "to". A closed class of English verbs.
_OTHER_SIDE = {
    "buy": (("sell",), "to"), "purchase": (("sell",), "to"), "acquire": (("sell",), "to"),
    "sell": (("buy", "purchase", "acquire"), "from"),
    "win": (("award", "give", "grant"), "to"), "receive": (("award", "give", "grant"), "to"),
}  # fmt: skip


def _fills_the_other_side(analysis: QuestionAnalysis, span: "Span", verbs: list["Token"]) -> bool:
    """For "Who bought ...?" asked of a sentence that tells the sale ("sold the store to Marcus Reyes"), whether the
    name is the one after the other verb's preposition ("to", or the one given to: "awarded Orrin the contract"),
    not its subject ("Gordon Ames sold ..."); true for other verbs and questions."""
    other_side = _OTHER_SIDE.get(analysis.predicate or "")
    if other_side is None or analysis.asked_slot != "subject":
        return True
    others, preposition = other_side
    told = [t for t in verbs if t.lemma_.casefold() in others]
    if not told:
        return True
    token = noun_named(span.root)
    if token.dep_ == "dative" and token.head in told:
        return True
    if token.dep_ != "pobj" or token.head.lower_ != preposition:
        return False
    # the parser may hang the preposition on the verb's object: "awarded a tax break to Keel Valley Plastics"
    held = token.head.head
    return held in told or (held.dep_ == "dobj" and held.head in told)


def _through_until(answer: "Token", verb: "Token") -> bool:
    """The answer hangs on the verb through "until" or "before" ("not ... until June 1"), or "since" ("has not
    been dredged since 2011": the last time it was)."""
    token = answer
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ("until", "till", "before", "since"):
            return True
        token = token.head
    return False
