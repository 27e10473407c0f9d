"""Whether and how a sentence answers a yes/no question: whether it tells of the event asked about, as done or
not (`tells_whether`), and whether it says yes or no (`whether_told`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from index.nlp import sentence_parse
from rag.moods import clause_is_uncertain, clause_mood, is_infinitive
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.value_clause import governing_verb, negated, token_stems, what_can_be
from rag.verb_classes import IRREALIS_GOVERNORS
from rag.verb_meanings import phrasal_meaning, same_act
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Token

# How alike a sentence's word must be to a verb a yes/no question asks about to tell of the same thing ("raise":
# "increase" 0.66, "get": "receive" 0.59; "get": "need" 0.35). Word likeness also puts some opposites above it
# ("open": "close" 0.55), which lets such a sentence answer, as it did before this check. Chosen on the dev splits.
SAME_EVENT_LIKENESS = 0.58
# Verbs that tell of the same outcome, which word likeness does not put near each other ("approve": "pass" 0.44):
# deciding on something (either way: "Did the board grant the variance?" is told by "denied"), choosing someone,
# receiving something, a verdict either way ("convict": "acquit" 0.30), finishing, closing ("complete": "finish"
# 0.56, "close": "shut" 0.56). A closed class of English verbs.
SAME_EVENT = tuple(
    all_stems(" ".join(group))
    for group in (
        ("approve", "approved", "pass", "passed", "adopt", "adopted", "ratify", "ratified", "okay", "okayed",
         "endorse", "endorsed", "authorize", "authorized", "reject", "rejected", "defeat", "defeated", "veto",
         "vetoed", "deny", "denied", "grant", "granted"),
        ("hire", "hired", "appoint", "appointed", "name", "named", "pick", "picked", "choose", "chose", "chosen",
         "select", "selected", "elect", "elected"),
        ("get", "got", "receive", "received", "win", "won", "award", "awarded", "grant", "granted"),
        ("convict", "convicted", "acquit", "acquitted"),
        ("complete", "completed", "finish", "finished"),
        ("close", "closed", "shut"),
        ("demolish", "demolished", "raze", "razed"),
    )
)  # fmt: skip


def tells_whether(analysis: QuestionAnalysis, text: str, word_likeness: WordLikeness = SAME_WORD_ONLY) -> bool:
    """Whether a sentence can answer a yes/no question: it tells of what the question asks whether it happened
    (one of the question's verbs, as a verb or a noun, a verb alike in meaning, or one of the same outcome:
    "passed" for "approve"), and, when the question asks
    whether it was done, tells of it as done or as not done, not as what may, will or has to be, nor as a
    purpose: "Did the county qualify for aid?" is not answered by "the county needs $3.2 million in damage to
    qualify", nor "Did the council okay the lines?" by "The council still has to approve them". True for other
    questions, and for a yes/no question on "be" alone ("Was the water safe?")."""
    wanted = analysis.asked_verb_forms
    if not wanted:
        return True
    if _ASKS_WHICH_WAY.search(analysis.question) and _A_CHANGE_TOLD.search(text):
        return True  # "Did attendance go up or down?": "drew 52,700 visitors, a 6 percent increase over 2023"
    stems_wanted = all_stems(" ".join(wanted))
    for token in sentence_parse(text):
        if token.pos_ not in ("VERB", "NOUN", "ADJ"):  # the tagger takes some participles for adjectives
            continue
        same = tells_the_same_event(token, stems_wanted) or _hurt_as_asked(analysis, token)
        alike = token.pos_ == "VERB" and max(word_likeness(f, token.lemma_) for f in wanted) >= SAME_EVENT_LIKENESS
        if not (same or alike):
            continue
        if not same and analysis.mood == "realised" and token.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children
        ):
            continue  # "Has Norcross hired the workers?": "Norcross employs about 350 people" tells of what is, not
            # of the hiring (a verb alike in meaning, in the plain present)
        if analysis.mood != "realised" or (_noun_told_as_done(token) if token.pos_ == "NOUN" else _told_as_done(token)):
            return True
    return False


# A question of which way something went ("go up or down", "more or fewer", "rise or fall"), and the words a sentence
# tells a change by, either way ("a 6 percent increase", "fewer than last year", "down from 212"). English words.
_ASKS_WHICH_WAY = re.compile(
    r"\b(?:up\s+or\s+down|down\s+or\s+up|more\s+(?:\w+\s+)?or\s+(?:fewer|less)|(?:fewer|less)\s+(?:\w+\s+)?or\s+more|"
    r"higher\s+or\s+lower|lower\s+or\s+higher|ris\w*\s+or\s+f[ae]ll\w*|increas\w*\s+or\s+decreas\w*|"
    r"grow\w*\s+or\s+shr[iu]nk\w*)\b",
    re.IGNORECASE,
)
_A_CHANGE_TOLD = re.compile(r"\b(?:increas\w*|decreas\w*|rise|rises|rose|risen|rising|fell|fall|falls|fallen|drop\w*|"
                            r"grew|grow\w*|climb\w*|jump\w*|declin\w*|shr[iu]nk\w*|more than|fewer than|less than|"
                            r"higher than|lower than|up from|down from)\b", re.IGNORECASE)


# "Was anyone hurt?" asks whether someone came to harm, which news tells by any of these verbs in the passive ("No one
# was harmed"; "hurt": "harm" 0.57 by word likeness); not "Did the closure hurt businesses?", a harm of another kind.
_COMING_TO_HARM = frozenset({"hurt", "injure", "harm", "wound"})
_ASKS_WHETHER_HURT = re.compile(r"\b(?:was|were|been|get|got|gotten)\s+(?:\w+\s+)?(?:hurt|injured|harmed|wounded)\b",
                                re.IGNORECASE)


def _hurt_as_asked(analysis: QuestionAnalysis, token: "Token") -> bool:
    """Whether the question asks whether someone was hurt and the word tells of someone harmed, in the passive."""
    return (token.tag_ == "VBN" and token.lemma_.casefold() in _COMING_TO_HARM
            and bool(_ASKS_WHETHER_HURT.search(analysis.question)))  # fmt: skip


def whether_told(analysis: QuestionAnalysis, text: str) -> Literal["yes", "no"] | None:
    """How a sentence answers a yes/no question on something done: "yes" when it tells the question's own verb (or
    its noun, or one of the same act) as done ("The board approved the levy 5-2"), "no" when it tells it as not
    done ("The board did not approve it", "No one was hurt", "Nobody died") or tells the other outcome of a decision
    ("The board rejected the levy" for "Did the board approve it?"); None when it does not tell either way, or the
    question does not ask whether something was done (nor when the question itself is negated: "Didn't ...?")."""
    wanted = analysis.asked_verb_forms
    if not wanted or analysis.negative or _ALTERNATIVES.search(analysis.question):
        return None  # (nor "Was he killed by a missile or a drone?", which asks which)
    if analysis.mood != "realised":
        return _whether_told_as_it_is(analysis, text)
    # the sentence must be of the question's case: every noun the question's verb is said of, to or with
    # ("voters" of "Did voters approve the merger?", "wire" of "guilty of taking the copper wire") stands in it
    sentence = sentence_parse(text)
    said = {stem for t in sentence for stem in token_stems(t)}
    if not all(token_stems(noun) & said for noun in _case_nouns(analysis)):
        return None
    stems_wanted = all_stems(" ".join(wanted))
    for token in sentence:
        if token.pos_ != "VERB" or not _told_as_done(token):
            continue
        if stems_wanted & token_stems(token) or (analysis.predicate and same_act(analysis.predicate, token)):
            denied = negated(token) or any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_ONE or any(d.lower_ == "no" for d in c.children))
                for c in token.children
            )  # fmt: skip
            return "no" if denied else "yes"
        if not negated(token) and any(
            stems_wanted & first and token_stems(token) & second for first, second in _OTHER_OUTCOMES
        ):
            return "no"  # "rejected" for "Did the board approve it?"
    return None


def _whether_told_as_it_is(analysis: QuestionAnalysis, text: str) -> Literal["yes", "no"] | None:
    """How a sentence answers a yes/no question on what is or will be ("Will the museum stay open during the work?",
    "Is Kessing keeping its prenatal clinic?"): "yes" when it tells the question's own verb (or one of the same act)
    of the question's case, in that verb's own clause, as it is or is set to be ("The museum will stay open on
    weekends"), "no" when it denies it so ("will not stay open") or gives the opposite state ("will stay closed");
    None when it tells it as done, as what may be ("could stay open"), of other things ("will keep its prenatal
    clinic" for the Saturday hours), or not at all. The case is the nouns of the question verb's own clause (not
    those of "while the roof gets fixed")."""
    question = sentence_parse(analysis.question)
    stems_wanted = all_stems(" ".join(analysis.asked_verb_forms))
    # the states the asked verb says its subject or object is or stays in: "open" of "stay open", "keep it open"
    asked_states = {t.lower_ for v in question if v.pos_ == "VERB" and stems_wanted & token_stems(v)
                    for c in v.children for t in (c, *c.children)
                    if t.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and t.tag_ in ("JJ", "VBN")}  # fmt: skip
    case = _own_case_nouns(analysis)
    for token in sentence_parse(text):
        if token.pos_ != "VERB" or not (stems_wanted & token_stems(token)
                                        or (analysis.predicate and same_act(analysis.predicate, token))):  # fmt: skip
            continue
        if token.dep_ in _SIDE_CLAUSES:
            continue  # "Asked whether she would request a recount, she said she would not": the asking is aside
        told = {stem for t in _clause_of(token) for stem in token_stems(t)}
        if not all(token_stems(noun) & told for noun in case):
            continue  # "will close on Saturdays but will keep its prenatal clinic": not the Saturday hours
        if clause_mood(token) == "realised" or clause_is_uncertain(token) or is_infinitive(token):
            return None  # "kept it open last year", "could stay open", "voted to keep it open": not how it stands
        states = {t.lower_ for t in _clause_of(token) if t.pos_ in ("ADJ", "VERB")}  # (the parser may hang "open"
        # elsewhere in the clause: "keep its clinic on Birch Street open")
        other_state = bool(asked_states) and not asked_states & states
        if other_state and not any(_OPPOSITE_STATES.get(state, frozenset()) & states for state in asked_states):
            return None  # "stay open" asked, "stay in business" told
        return "no" if negated(token) != other_state else "yes"
    return None


# States said after a verb of keeping or being, and their opposites: "stay open" / "stay closed". English words.
_OPPOSITE_STATES = {"open": frozenset({"closed", "shut"}), "closed": frozenset({"open"}), "shut": frozenset({"open"})}


def _clause_of(verb: "Token") -> list["Token"]:
    """The words of a verb's own clause: its subtree, and the subject it shares with the verb it is joined to ("The
    clinic will close ... but will keep its prenatal clinic")."""
    shared = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.dep_ == "conj" else []
    return [*verb.subtree, *(t for s in shared for t in s.subtree)]


# Clauses hung on a sentence's news, which tell something aside of it.
_SIDE_CLAUSES = frozenset({"advcl", "acl", "relcl", "amod", "pcomp"})


def _own_case_nouns(analysis: QuestionAnalysis) -> list["Token"]:
    """`_case_nouns` of a yes/no question's verbs, without those of a clause hung on them ("while the depot roof gets
    fixed", "who live nearby")."""
    return [noun for noun in _case_nouns(analysis)
            if not any(t.dep_ in _SIDE_CLAUSES | {"ccomp"} for t in _up_to_the_asked_verb(noun, analysis))]


def _up_to_the_asked_verb(noun: "Token", analysis: QuestionAnalysis) -> list["Token"]:
    """The tokens from `noun` up to (not including) the nearest asked verb above it, or the root."""
    path: list["Token"] = []
    token = noun
    while token.head.i != token.i and not (token.head.pos_ == "VERB"
                                           and token.head.lemma_.casefold() in analysis.asked_verb_forms):  # fmt: skip
        token = token.head
        path.append(token)
    return path


_ALTERNATIVES = re.compile(r"\bor\b", re.IGNORECASE)
# Words for anyone at all, which a sentence need not name: "Did anybody die?"
_ANYONE_WORDS = frozenset({"anybody", "anyone", "anything", "somebody", "someone", "one"})


def _case_nouns(analysis: QuestionAnalysis) -> list["Token"]:
    """The nouns a yes/no question's verbs are said of, to or with: the subjects, objects and objects of prepositions
    in their clauses ("voters", "merger" of "Did voters approve the merger?"; "wire" of "find him guilty of taking
    the wire"), each the head of its phrase."""
    doc = sentence_parse(analysis.question)
    verbs = [t for t in doc if t.pos_ == "VERB" and t.lemma_.casefold() in analysis.asked_verb_forms]
    return [t for verb in verbs for t in verb.subtree
            if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "oprd") and t.pos_ in ("NOUN", "PROPN")
            and t.lower_ not in _ANYONE_WORDS]  # fmt: skip


# Words for no one as a clause's subject: "No one was hurt", "Nobody died", "None of the homes flooded".
_NO_ONE = frozenset({"nobody", "none", "nothing", "neither"})
# The two outcomes of one decision or contest, as pairs of stems: telling one answers "no" to the other.
_OTHER_OUTCOMES = tuple(
    (all_stems(first), all_stems(second))
    for first, second in (
        ("approve approved pass passed adopt adopted", "reject rejected deny denied defeat defeated veto vetoed"),
        ("convict convicted", "acquit acquitted"),
        ("win won", "lose lost"),
    )
)  # fmt: skip


def tells_the_same_event(token: "Token", stems_wanted: frozenset[str]) -> bool:
    """Whether a word tells of the verbs whose stems are `stems_wanted`: one of them as a verb or a noun ("reopened",
    "the reopening"), a phrasal verb that means one ("stepped down" for "resign"), or a verb of the same outcome
    ("passed" for "approve")."""
    forms = token_stems(token)
    meaning = phrasal_meaning(token) if token.pos_ == "VERB" else None
    if meaning is not None:
        forms = forms | all_stems(meaning)
    return bool(stems_wanted & forms) or (
        token.pos_ == "VERB" and any(stems_wanted & group and forms & group for group in SAME_EVENT)
    )


# Adjectives that make a noun of doing something not (yet) done: "a list of possible cuts", "the proposed merger".
_NOT_YET_DONE = frozenset({"possible", "proposed", "planned", "potential", "future", "expected", "likely"})


def _noun_told_as_done(noun: "Token") -> bool:
    """Whether a noun of the verb asked about tells of it as done: "Approval of the budget came on a 5-2 vote"; not
    "Hiring is to begin in the spring", "will recommend a sentence of two years" or "a list of possible cuts"."""
    if any(c.dep_ == "amod" and c.lemma_.casefold() in _NOT_YET_DONE for c in noun.children):
        return False
    # the object of a verb is done as the verb is ("will recommend a sentence"); a subject has a time of its own
    # ("The board's approval in March will let the work start")
    if noun.dep_ not in ("dobj", "attr", "oprd"):
        return True
    verb = governing_verb(noun)
    if verb.lemma_.casefold() in IRREALIS_GOVERNORS | _ASKING_FOR:
        return False  # "The planning commission recommended approval": what is asked for is not done
    return verb.pos_ not in ("VERB", "AUX") or _told_as_done(verb)


# Verbs of asking for something to be done, whose object is not done ("recommended approval", "urged a ban").
_ASKING_FOR = frozenset({"recommend", "urge", "request", "ask", "suggest", "demand", "call", "seek", "propose"})


def _told_as_done(verb: "Token") -> bool:
    """Whether a verb's clause tells of something as done or not done (or as what is), not as what may, will or
    has to be, nor as a purpose ("to get to work"), also from a clause it hangs in ("would survey residents
    before deciding")."""
    token = verb
    through_time = False
    while True:
        if clause_mood(token) == "irrealis" or clause_is_uncertain(token):
            return False
        if token is verb and what_can_be(token):
            return False  # "The agency can fine companies up to $25,000 a day": what may be done (not "Drivers can
            # use Elm Street because crews fixed it", whose fixing is done)
        if (token is not verb and token.pos_ == "VERB" and token.lemma_.casefold() in IRREALIS_GOVERNORS
                and not through_time):  # fmt: skip
            return False  # "are talking about combining them", "plan on closing it": not (yet) done; but "debated
            # for hours before passing it" tells it passed
        if is_infinitive(token):
            head = token.head
            # "voted to approve": done when the vote was; "has to approve", "commute to get to work": not
            if (token.dep_ not in ("xcomp", "advcl") or head.lemma_.casefold() == "have"
                    or clause_mood(head) != "realised"):  # fmt: skip
                return False
            if token.dep_ == "advcl" and token.i < head.i:
                return False  # "To win approval, the marina agreed ...": a purpose stated first, not what was done
        # "Hiring is to begin in the spring": a doing that is a subject is done when its clause is
        if token.dep_ not in ("pcomp", "pobj", "prep", "advcl", "csubj") or token.head.i == token.i:
            return True
        through_time = through_time or token.lower_ in ("before", "after", "while", "until", "since")
        token = token.head
