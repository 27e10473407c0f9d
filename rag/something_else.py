"""Value answers of something else than the question asks about: a number counting another noun, a sum of
another kind, a sum sizing or paying for another thing, a length of another thing, a share of another whole, and
a round figure for an exact one asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.answer_types import GROUPS_OF_PEOPLE, MEASURE_UNITS
from rag.asked_roles import PEOPLES_NOUNS
from rag.candidate import Candidate, span_before
from rag.counted_nouns import (
    _counted_noun, _counted_similarity, _counts, counted_by_ellipsis, counted_by_its_subject,
    counted_by_the_sentence_before,
)  # fmt: skip
from rag.earnings import PERSONAL_SUMS, asks_earnings, earnings_of_one_named_before
from rag.expected_answer import SUM_OF_MONEY_NOUNS
from rag.number_roles import asks_population
from rag.query import QuestionAnalysis
from rag.text import all_stems, stems
from rag.value_clause import _predicate_stems, answer_clause_tokens, token_stems
from rag.verb_classes import IRREALIS_GOVERNORS
from rag.word_likeness import SAME_THING_LIKENESS, SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# How alike the noun a number counts must be to the noun a "how many" question asks about ("riders" for "people"
# 0.37; "treatment rooms" for "beds" 0.52 passes too, "intersections" for "cars" 0.31 and "checkouts" for "people"
# 0.26 do not). Chosen on the dev splits, below the least alike pair of any right answer there (0.37).
COUNTED_LIKENESS = 0.35


def counts_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a number answer to "How many N ...?" counts a noun unlike N: "14 intersections" for "How many cars
    travel the avenue?", "a 12-unit building" for "How many firefighters were hurt?". False when the sentence does
    not say what the number counts, or the question asks no count."""
    if (_counts(analysis) != "count" or not analysis.focus or candidate.answer is None or asks_population(analysis)
            or analysis.focus in ("enrollment", "enrolment")):  # fmt: skip
        return False  # a population or an enrollment counts people of any name ("4,300 pupils"), not a noun
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    counted = (_counted_noun(clause[0]) or counted_by_ellipsis(clause[0])
               or counted_by_the_sentence_before(candidate, clause[0]))  # fmt: skip
    if counted is None:
        sized = counted_by_its_subject(clause[0])
        if sized is not None and sized.lemma_.casefold() in _SIZED_BY_PEOPLE:
            # "Attendance fell to 68,900": a number of people, which answers "How many visitors ...?" and not "How
            # many votes ...?"
            return not (analysis.focus in PEOPLE_ASKED_OF | _WHO_LIVE_IN_HOMES
                        or word_likeness(analysis.focus, "people") >= COUNTED_LIKENESS)  # fmt: skip
        if sized is not None and sized.head.lower_ == "of":
            counted = sized  # "The number of licenses stands at 412" counts licenses (not "Circulation rose to
            # 88,000", which counts books lent in other words, nor "The fleet stands at 63")
    if counted is not None and any(all_stems(analysis.focus) & token_stems(c) for c in counted.children
                                   if c.dep_ == "conj" and c.pos_ == "NOUN"
                                   and any(a.dep_ == "amod" for a in c.children)):  # fmt: skip
        # "27 arts and cultural organizations": the parser hangs the number on the first of two words that describe
        # the noun (not "14 libraries and recreation centers", two things counted together)
        return False
    if counted is not None and _of_another_kind_by_its_compound(counted, clause[0].root, analysis):
        return True  # "610 ambulance calls" for "How many overnight calls?"
    # "How many people were arrested?": "23 arrests" counts them by the question's own verb; "How many arrests?":
    # "arrested 23 people" counts them by the sentence's
    if counted is not None and (
        all_stems(counted.lemma_) & _predicate_stems(analysis)
        or any(_a_noun_of_doing(counted.lemma_.casefold(), verb) for verb in analysis.predicate_forms)
    ):
        return False  # (or "drew 14 applicants" for "How many people applied?")
    if all_stems(analysis.focus) & token_stems(clause[1]):
        return False
    if counted is not None and counted.lemma_.casefold() == "member" and any(
        all_stems(analysis.focus) & token_stems(c) for c in counted.children if c.dep_ == "compound"
    ):
        return False  # "212 faculty members" counts the faculty, "40 crew members" the crew
    if counted is not None and _a_kind_of_thing(counted):
        # "one-bedroom lofts", "two-story homes": a kind of loft or home, counted by no number; "a 16-unit building"
        # is one building of 16 homes, which likeness tells ("apartments" are units)
        if all_stems(analysis.focus) & token_stems(counted):
            return False
        described = counted.head
        while described.dep_ == "compound" and described.head.i > described.i:
            described = described.head
        if all_stems(analysis.focus) & token_stems(described) or counted.lemma_.casefold() not in _HOMES_OF:
            return True
        if analysis.focus in PEOPLE_ASKED_OF | _WHO_LIVE_IN_HOMES:
            return True  # "the 96-unit complex" counts its homes, not its tenants
    if (counted is not None and not token_stems(counted) & all_stems(analysis.focus)  # (another noun than asked)
            and not _a_kind_of_thing(counted)) and (
        _described_by_the_asked(counted, analysis.focus)
        or (_counted_noun(clause[0]) is not None and _names_the_asked_apart(counted, analysis.focus))
    ):
        return True  # "FRTA buses carried 2.4 million passengers" for "How many buses are in the fleet?"
    family = _COUNTED_AS.get(analysis.focus)
    if family is not None and counted is not None and not token_stems(counted) & family:
        return True  # "How many jobs will the marina create?": "120 new boat slips" counts no jobs, however alike
    return _counted_similarity(analysis.focus, clause[0], "count", word_likeness, counted) < COUNTED_LIKENESS


# Nouns for a collection of things, whose size is how many things it holds ("How big is the fleet?": "40 buses"). A
# closed class of English collective nouns.
_COLLECTIONS = frozenset({"fleet", "herd", "flock", "collection", "inventory", "stock", "backlog", "caseload",
                          "waitlist", "roster", "field", "pool", "portfolio", "library", "archive",
                          "lineup"})  # fmt: skip


def counts_instead_of_an_amount(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a bare number answering "How much diesel spilled?" or "How much of a raise did they get?" counts a
    noun of its own that is neither the thing asked about nor like it: "spilling about 30 logs", "the union
    represents 174 drivers" (though the question names the drivers: they got the raise). An amount is a sum, a
    share or a measure; a count gives it only of the thing itself, of one like it, or of what a group or a
    collection holds ("How much of the herd was lost?": "40 cows")."""
    if (analysis.answer_type != "quantity" or analysis.question_word != "how much" or not analysis.focus
            or candidate.answer is None or candidate.answer[2] != "CARDINAL"
            or analysis.focus in GROUPS_OF_PEOPLE | _COLLECTIONS):  # fmt: skip
        return False  # (a count of its parts may size a thing: "How big is the new wing?": "adds 48 beds")
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    counted = _counted_noun(clause[0])
    if counted is None or token_stems(counted) & all_stems(analysis.focus) or _held(counted):
        return False
    return word_likeness(analysis.focus, counted.lemma_.casefold()) < COUNTED_LIKENESS


# Verbs and nouns of what a place holds: "will seat 4,500 fans", "has room for 60 dogs". English words.
_HOLDING_VERBS = frozenset({"hold", "seat", "house", "sleep", "accommodate", "fit", "store", "shelter"})
_ROOM_NOUNS = frozenset({"room", "space", "capacity", "bed", "beds"})


def _held(counted: "Token") -> bool:
    """Whether a noun counted is what a place holds, its capacity ("will seat 4,500 fans", "room for 60 dogs")."""
    head = counted.head
    if counted.dep_ == "dobj" and head.lemma_.casefold() in _HOLDING_VERBS:
        return True
    return (counted.dep_ == "pobj" and head.lower_ == "for"
            and head.head.lemma_.casefold() in _ROOM_NOUNS)  # fmt: skip


# Nouns for a number of people that a number standing alone gives the size of ("Attendance fell to 68,900").
# (not "turnout", which counts ballots as well as voters)
_SIZED_BY_PEOPLE = (GROUPS_OF_PEOPLE - {"turnout"}) | {"enrollment", "enrolment", "population", "ridership",
                                                      "headcount"}  # fmt: skip


# Verbs of taking people or things on, whose object counts those added, not all there are ("plans to hire 40 nurses",
# "funds four additional firefighters"); and the verbs of a question that asks how many there are ("work", "employ"; no
# verb for "be" and "have"). English verbs.
_TAKING_ON = frozenset({"hire", "rehire", "recruit", "add", "fund"})
_HOW_MANY_THERE_ARE = frozenset({"work", "employ", "staff", "serve"})


def counts_those_taken_on(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a number answering how many there are ("How many nurses work at the hospital?", "How many firefighters
    does Orby have?") counts those a verb takes on: "plans to hire 40 registered nurses", "funds four additional
    firefighters" count the ones added. Not for a question on taking on itself ("How many nurses will it hire?"), nor
    for one on what will be ("How many beds will the jail have after the expansion?": what is added tells the total
    apart from what there is now)."""
    if _counts(analysis) != "count" or candidate.answer is None or analysis.mood == "irrealis" or not (
        analysis.predicate is None or analysis.predicate in _HOW_MANY_THERE_ARE
    ):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = clause[0].root
    if token.dep_ in ("nummod", "quantmod") and token.head.pos_ == "NOUN":
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_.casefold() in _TAKING_ON


# A count of votes told by the side it is on, in a sentence of a vote: "The final tally was 1,902 against and 1,756 in
# favor", "2,236 yes and 2,195 no".
_A_SIDES_VOTES = re.compile(r"\s+(?:votes?\s+)?(?:against|in\s+favou?r|yes|no)\b", re.IGNORECASE)
_OF_A_VOTE = re.compile(r"(?i)\b(?:tally|vot(?:e|es|ed|ing|ers?)|ballots?|referendum|measure|levy|bond)\b")
# Nouns of a count question that votes answer: votes, voters and ballots, and people and residents, who cast them.
_COUNTED_BY_VOTES = frozenset({"vote", "voter", "ballot", "people", "person", "resident", "citizen", "member"})


def counts_votes_not_asked(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a number answering "How many students are enrolled at Ostlebury Middle School?" is one side's votes
    ("The final tally was 1,902 against and 1,756 in favor" of a school bond): votes answer only a question about votes,
    voters or ballots."""
    if _counts(analysis) != "count" or candidate.answer is None or (analysis.focus or "") in _COUNTED_BY_VOTES:
        return False
    text = candidate.passage.text
    return bool(_A_SIDES_VOTES.match(text, candidate.answer[1]) and _OF_A_VOTE.search(candidate.text))


def _described_by_the_asked(counted: "Token", focus: str) -> bool:
    """Whether the noun a number counts (another than the one asked about) has the noun a "how many" question asks
    about as a word describing it: "14 bus routes" are routes, for "How many buses?"; "24 sworn officer positions,
    but only 17 are filled" counts positions, for "How many officers has the chief hired?"."""
    asked = all_stems(focus)
    return any(c.dep_ == "compound" and c.i < counted.i and token_stems(c) & asked for c in counted.children)


def _names_the_asked_apart(counted: "Token", focus: str) -> bool:
    """Whether the sentence names the noun a "how many" question asks about apart from the noun its number counts
    (another than the one asked about), neither holding the other: the writer had the word and counted something
    else ("FRTA *buses* carried 2.4 million passengers" for "How many buses?", "The *farm's* machinery, including
    two tractors" for "How many farms?"). Not "3,100 customers, most of them households", where the asked noun
    describes those counted."""
    asked = all_stems(focus)
    within = {t.i for t in counted.subtree}
    clause = _clause_head(counted)
    # (in the number's own clause: "Twelve children were hurt when the bus carrying students overturned" names the
    # students in another)
    return any(
        token.pos_ == "NOUN" and token.i not in within and token_stems(token) & asked
        and counted not in token.subtree and _clause_head(token) == clause
        for token in counted.doc
    )


def _clause_head(token: "Token") -> "Token":
    """The verb heading the clause a word is in (a participle or a preposition the tagger calls a verb, "including",
    heads none of its own); the sentence's root when none does."""
    for head in token.ancestors:
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("prep", "amod", "aux", "auxpass", "pcomp"):
            # (a verb joined to another with no subject of its own shares its clause: "runs 14 bus routes ... and
            # carried about 2.1 million passengers")
            while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in head.children
            ):
                head = head.head
            return head
    return token.sent.root


def _of_another_kind_by_its_compound(counted: "Token", number: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether the noun a number counts is a compound whose first word (the one the parser hung the number on) the
    question does not use, while the question gives the counted noun a word of its own: "610 ambulance calls" for
    "How many overnight calls?" (but for "How many calls did the district answer?" or "How many ambulance
    calls?")."""
    parts = [c for c in counted.children if c.dep_ == "compound" and c.i < counted.i]
    if number.head not in parts or not all_stems(counted.lemma_) & all_stems(analysis.focus or ""):
        return False
    asked = re.search(rf"\bhow many\s+((?:[\w-]+\s+)+?){re.escape(analysis.focus or '')}", analysis.question,
                      re.IGNORECASE)  # fmt: skip
    if asked is None:
        return False
    # (a name before the noun, "How many Quarrisford customers?", tells whose, not what kind)
    own = set(stems(" ".join(w for w in asked.group(1).split() if not w[:1].isupper())))
    return bool(own) and not any(token_stems(part) & own for part in parts)


def _a_kind_of_thing(counted: "Token") -> bool:
    """Whether a number's noun is hyphen-joined to it and describes another noun: "bedroom" of "one-bedroom lofts",
    "story" of "a two-story house", "unit" of "a 16-unit building"; not "acre" of "a 1,200-acre fire", which
    measures the fire."""
    doc = counted.doc
    # (the parser may tag the described noun as anything: "a 96-bed nursing home", with "home" an adverb)
    return (counted.dep_ in ("compound", "amod", "nmod") and counted.head.i > counted.i and counted.i >= 2
            and doc[counted.i - 1].text == "-" and counted.lemma_.casefold() not in MEASURE_UNITS)  # fmt: skip


# Nouns for the homes a building is counted by ("a 16-unit building"), and for the people who live in them.
_HOMES_OF = frozenset({"unit"})
_WHO_LIVE_IN_HOMES = frozenset({"tenant", "renter", "people", "person", "occupant"})


# The endings English puts on a verb to name those who do it, or the doing: "bidder", "voter", "applicant",
# "attendee", "application".
_DOER_ENDINGS = frozenset({"er", "or", "ar", "ant", "icant", "ent", "ee", "ion", "ation", "ication", "ist"})


def _a_noun_of_doing(noun: str, verb: str) -> bool:
    """Whether `noun` names those who do `verb`, or the doing, by a regular ending: "applicant" of "apply",
    "bidder" of "bid", "voter" of "vote", "attendee" of "attend"; not "passenger" of "pass"."""
    verb = verb.casefold()
    for base in {verb, verb[:-1] if verb.endswith(("e", "y")) else verb}:  # "employ-ee", "vot-er"
        rest = noun[len(base):]
        if len(base) >= 3 and noun.startswith(base) and (
            rest in _DOER_ENDINGS or (rest[:1] == base[-1] and rest[1:] in _DOER_ENDINGS)  # "bid-d-er"
        ):
            return True
    return False


# Nouns that count what a "how many" question asks by a noun word likeness places too near others ("jobs": "boat"
# 0.40, "fields" 0.37, above COUNTED_LIKENESS; "employees": "customers"): the English nouns news counts jobs and
# those who hold them by.
_JOBS_AND_WORKERS = all_stems("job jobs position positions worker workers employee employees people person hire hires "
                              "layoff layoffs opening openings staff staffer staffers post posts workforce member "
                              "members")
_COUNTED_AS = {noun: _JOBS_AND_WORKERS for noun in ("job", "employee", "worker", "staffer", "workforce")}


# How alike a word of the sentence must be to the sum a money question names ("wage": "pay" 0.73, "salary":
# "pay" 0.54, "fare": "ticket" 0.52; "rent": "financing" 0.50 and "spend" 0.47, "salary": "cost" 0.30 are not).
SUM_LIKENESS = 0.5
# Sums earned, and the verbs that tell of earning one; other sums are charged.
_EARNINGS = frozenset({"salary", "wage", "pay", "pension", "severance"})
# Words for one earning ("will earn a $160,000 salary, and her pay could rise": the salary is her pay). English.
_ONE_EARNING = frozenset({"salary", "pay", "wage"})

EARNING_VERBS = frozenset({"make", "earn", "pay", "get", "receive"})
_CHARGING_VERBS = frozenset({"cost", "charge", "run", "face", "set"})


def sums_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answers "What is the salary / rent / fare ...?" from a sentence that names no such sum: "What
    rent will the apartments charge?" is not answered by "up to $38 million in tax increment financing", nor
    "What's the starting salary?" by "positions which will cost about $1.9 million a year". False for other
    questions."""
    if analysis.answer_type != "money" or analysis.focus not in SUM_OF_MONEY_NOUNS or candidate.answer is None:
        return False
    if re.search(rf"(?i)\b(?:did|does|do|will|would|should|must|can|could)\s+(?:(?!(?:the|a|an|its|their|his|her)\s)"
                 rf"[\w'’.-]+\s+){{1,5}}?{re.escape(analysis.focus)}\b", analysis.question) and not re.search(
        rf"(?i)['’]s\s+{re.escape(analysis.focus)}\b", analysis.question):  # (not "What will Orrin's pay be?")
        return False  # "How much did Cedar Gap pay for its new truck?" names no sum ("pay" is its verb)
    focus_stems = _with_same_sums(all_stems(analysis.focus))
    clause = answer_clause_tokens(candidate)
    kind = _the_sums_noun(clause[0]) if clause is not None else None
    if analysis.focus in _PAID_OVER_AND_OVER and kind is not None and (
        kind.lemma_.casefold() == "bonus" or _PAID_ONCE.search(kind.doc[kind.left_edge.i : kind.i].text)
    ):
        return True  # "a one-time stipend of $7,500 for his service as interim director" is no salary
    if (kind is not None and kind.lemma_.casefold() in SUM_OF_MONEY_NOUNS | PERSONAL_SUMS
            and not focus_stems & token_stems(kind)
            and not {kind.lemma_.casefold(), analysis.focus} <= _ONE_EARNING
            and any(t.pos_ == "NOUN" and t != kind and focus_stems & token_stems(t) for t in kind.doc)):  # fmt: skip
        return True  # "a $1,500 monthly stipend on top of his current salary" is no salary
    # "Workers will make $20 an hour" is pay; "A ride costs $2.50" a fare; "positions that will cost $1.9 million"
    # no salary
    if clause is not None and clause[1].lemma_.casefold() in (
        EARNING_VERBS if analysis.focus in _EARNINGS else _CHARGING_VERBS
    ):
        return False
    for token in sentence_parse(candidate.text):
        if token.pos_ not in ("NOUN", "VERB"):
            continue
        if focus_stems & token_stems(token):
            return False
        if word_likeness(analysis.focus, token.lemma_) >= SUM_LIKENESS:
            return False
    return True


# Sums paid again and again, which a sum paid once is not: "What is her salary?" ("a one-time stipend of $7,500", "a
# $5,000 signing bonus").
_PAID_OVER_AND_OVER = frozenset({"salary", "wage", "pension"})
_PAID_ONCE = re.compile(r"\b(?:one[\s-]?time|lump[\s-]sum|single)\b", re.IGNORECASE)


def _the_sums_noun(value: "Span") -> "Token | None":
    """The noun a sum is the amount of: "stipend" of "a $1,500 monthly stipend" and of "a stipend of $9,200"; None
    when the sentence names none ("rose to $95,000")."""
    root = value.root
    if root.dep_ in ("nummod", "nmod", "compound", "amod", "quantmod") and root.head.pos_ == "NOUN" and (
        root.head.i > root.i
    ):
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return root.head.head
    return None


# Words for one sum that news uses alike ("held on $25,000 bond" is the bail asked about; "seeks $3.5 million in
# damages" is what a lawsuit asks; "a penalty of $2,000 for each day" is the fine).
_SAME_SUMS = (all_stems("bail bond"), all_stems("lawsuit suit complaint claim damages"), all_stems("fine penalty"))


def named_stems(analysis: QuestionAnalysis) -> frozenset[str]:
    """The stems of the names, years and numbers the question gives (its constraints)."""
    return all_stems(" ".join(constraint.text for constraint in analysis.constraints))


def _with_same_sums(stems_asked: frozenset[str]) -> frozenset[str]:
    """The stems, with the other words for a sum one of them names."""
    return stems_asked.union(*(group for group in _SAME_SUMS if group & stems_asked))


# Nouns that stand for any undertaking: "What did the work cost?" asks about the renovation the article sizes.
_GENERAL_NOUNS = frozenset({"work", "project", "job", "effort", "undertaking", "thing"})


def sizes_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answering a money question is the size of a thing the question does not ask about: "held on
    $25,000 bond" for "How much cash did deputies find?", "a $31 million plan to rebuild the wharf" for what a
    hotel will cost. A sum before a noun sizes it; the question asks about that noun when a word of its phrase is
    one of the question's own (besides the names it gives: the plan may name the same town) or the noun is like
    the question's focus. False for other questions, and for a sum that sizes no noun ("spent $2 million")."""
    if analysis.answer_type != "money" or candidate.answer is None or _GENERAL_NOUNS & set(analysis.content_lemmas):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span = clause[0]
    top = span.root  # its head stands outside the sum
    noun = top.head
    if top.dep_ not in ("nummod", "nmod", "compound", "amod") or noun.pos_ != "NOUN" or span.start <= noun.i < span.end:
        return False
    asked = _with_same_sums(all_stems(" ".join(analysis.content_lemmas)) - named_stems(analysis))
    # the noun's phrase, and what the verb it hangs on does it for ("approved a $7.5 million bond to build ...")
    purposes = [c for c in noun.head.children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i]
    phrase = [t for t in [*noun.subtree, *(w for c in purposes for w in c.subtree)]
              if not span.start <= t.i < span.end and t.pos_ in ("NOUN", "VERB", "ADJ")]  # fmt: skip
    if any(token_stems(t) & asked for t in [*phrase, *_put_at_the_sum(noun)]):
        return False
    if noun.lemma_.casefold() in _PAYMENT_NOUNS and _paid_for_in_its_clause(noun, _paid_for_asked(analysis)):
        return False  # "The revaluation was done by Northgate under a $386,000 contract": what is paid for it
    return not (analysis.focus and word_likeness(analysis.focus, noun.lemma_) >= SUM_LIKENESS)


def _put_at_the_sum(noun: "Token") -> list["Token"]:
    """The nouns of what a verb puts at the sum that sizes `noun` ("set bail at $50,000 cash for Corrigan and $75,000
    cash for Etheridge": the bail), which the sum gives the size of; none when the noun hangs on no verb's
    preposition."""
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ != "pobj" or first.head.dep_ != "prep" or first.head.head.pos_ != "VERB":
        return []
    return [t for c in first.head.head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
            if t.pos_ == "NOUN"]


# Nouns of an agreement to pay, whose sum is what is paid for what their clause names ("under a $386,000
# contract"). English nouns.
_PAYMENT_NOUNS = frozenset({"contract", "deal", "agreement", "award", "settlement", "purchase"})


def _paid_for_in_its_clause(noun: "Token", asked: frozenset[str]) -> bool:
    """Whether the verb an agreement to pay hangs on (and the verb its participle clause tells more of: "voted to
    buy a ladder truck, awarding a $1.38 million contract") has a word of the question among its subjects and
    objects ("The revaluation was performed by Northgate under a $386,000 contract")."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    verbs = [verb]
    if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG":
        # (the clause it tells more of, and what that clause's verb was done to: "voted to buy ..., awarding ...")
        verbs += [verb.head, *(c for c in verb.head.children if c.dep_ in ("advcl", "xcomp") and c.i < verb.i)]
    arguments = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    arguments += [o for v in verbs for c in v.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(token_stems(t) & asked for a in arguments if a is not noun and noun not in a.subtree
               for t in a.subtree if t.pos_ in ("NOUN", "PROPN"))


def _paid_for_asked(analysis: QuestionAnalysis) -> frozenset[str]:
    """The stems of what a money question asks the sum paid for, besides its names: its words outside a clause
    that tells why or so that ("How much will it cost to fix up the station so the ladder truck fits?": not
    "truck")."""
    doc = sentence_parse(analysis.question)
    aside = {t.i for c in doc if c.dep_ == "advcl" for t in c.subtree}
    return _with_same_sums(all_stems(" ".join(t.lemma_ for t in doc if t.i not in aside and t.pos_ in ("NOUN", "VERB")))
                           - named_stems(analysis))


def lasts_for_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a length of time answering "How long ...?" is joined to a noun the question does not ask about as a
    word of it: "in its 28-year history" for how long a park will be closed, "a 10-year abatement" for how long
    layoffs will last. Not when a word of the noun's phrase is one of the question's (besides its names: "a six-day
    strike" for how long the strike lasted) or the noun is like a word of the question ("a three-year contract" for
    how long the deal is); nor for a length joined to no noun ("closed for 14 months"). So too for a measure: "a
    40-foot section of the wall" is no depth of the floodwater (but for "How far ...?", "a 3-mile drive")."""
    answer = candidate.answer_text() or ""
    measured = analysis.answer_type == "measure" and analysis.question_word != "how far"
    # (a length hyphen-joined to its noun, or one in the possessive: "60 days' notice")
    if (analysis.answer_type != "duration" and not measured) or candidate.answer is None or not (
        "-" in answer or answer.endswith(("'", "’"))
    ):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span = clause[0]
    top = span.root
    noun = top.head
    if (top.dep_ not in ("nummod", "nmod", "compound", "amod", "poss") or noun.pos_ != "NOUN"
            or span.start <= noun.i < span.end):  # fmt: skip
        return False
    if top.dep_ == "poss" and noun.lemma_.casefold() in _DURATION_WORDS | {"worth"}:
        return False  # "will reopen in two weeks' time": the length itself
    asked_lemmas = [lemma for lemma in analysis.content_lemmas if lemma not in _DURATION_WORDS]
    asked = all_stems(" ".join(asked_lemmas)) - named_stems(analysis)
    phrase = [t for t in noun.subtree if not span.start <= t.i < span.end and t.pos_ in ("NOUN", "VERB", "ADJ")]
    if any(token_stems(t) & asked for t in phrase):
        return False
    # "a 30-day cease-fire" for "How long was the ceasefire?": the noun written with a hyphen or without
    joined = "".join(t.lower_ for t in noun.subtree if t.text != "-")
    if any(len(lemma) > 3 and lemma.replace("-", "") in joined for lemma in asked_lemmas):
        return False
    if token_stems(noun) & _AGREEMENTS and all_stems(" ".join(asked_lemmas)) & _AGREEMENTS:
        return False  # "a five-year, $11.2 million transportation contract" for how long the deal runs
    return not any(word_likeness(lemma, noun.lemma_) >= SUM_LIKENESS for lemma in asked_lemmas)


# Words news uses alike for one agreement, which word likeness places apart ("deal": "contract"). English nouns.
_AGREEMENTS = all_stems("deal deals contract contracts agreement agreements pact pacts accord accords lease leases")


# Words of a question of how long that say nothing of what lasts ("How long is it?", "How many years ...?").
_DURATION_WORDS = frozenset({"long", "time", "year", "month", "week", "day", "hour", "minute", "last", "take"})


def shares_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a percentage answering a percent question is a share of something the question does not ask about:
    "54.3 percent of the vote" for "What interest rate will the county pay?", "80 percent of the cost" for a bus
    route's on-time rate. The percentage says what it is a share of ("of the vote"); the question asks about that
    when it names it or a word like its focus. False for other questions, and for a percentage of nothing named
    ("rose 8 percent")."""
    if analysis.answer_type != "percent" or candidate.answer is None:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span = clause[0]
    of = next((c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end), None)
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) if of else None
    if whole is None:
        return False
    question_stems = all_stems(analysis.question)
    if token_stems(whole) & question_stems or token_stems(clause[1]) & question_stems:
        return False  # "graduated 88 percent of its seniors" for the graduation rate
    if _abbreviated(whole, analysis.question):
        return False
    return not (analysis.focus and word_likeness(analysis.focus, whole.lemma_) >= SUM_LIKENESS)


def _abbreviated(noun: "Token", question: str) -> bool:
    """Whether the question writes `noun`'s phrase by its initials: "GDP" for "gross domestic product"."""
    words_of_phrase = [t.text for t in noun.children if t.dep_ in ("amod", "compound") and t.i < noun.i] + [noun.text]
    initials = "".join(word[0] for word in words_of_phrase).casefold()
    return len(initials) >= 2 and any(
        word.casefold() == initials for word in re.findall(r"\b[A-Z]{2,6}\b", question)
    )


# Words of any money question, which say nothing of what the sum is for, and verbs that only say when or whether
# ("is going to cost", "ended up paying", "expected to cost").
_MONEY_QUESTION_WORDS = all_stems("cost spend pay price money much dollar amount total tag charge bill sum end wind "
                                  "turn come " + " ".join(IRREALIS_GOVERNORS))


# Subjects that stand for what the sentence before names: "It cost $685,000".
_POINTING_PRONOUNS = frozenset({"it", "this", "that"})


def pays_for_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answering a money question comes from a sentence that names nothing the sum is asked for:
    "Stabilizing the building would cost about $3.1 million" for what knocking the house down will cost, "The
    group spent about $18,000 on mailers" for what the levy asked voters for. The question's words besides the
    names it gives, its words of money and words for any undertaking ("the work") must have one in the sentence,
    as written or alike in meaning; True when none has. False for other questions, and for a question with no
    such word ("What did it pay?")."""
    if analysis.answer_type != "money" or candidate.answer is None:
        return False
    not_asked = named_stems(analysis) | _MONEY_QUESTION_WORDS
    asked = [lemma for lemma in analysis.content_lemmas
             if lemma not in _GENERAL_NOUNS and not all_stems(lemma) & not_asked]  # fmt: skip
    # (a word that only describes is not enough to ask for: "the final price tag" asks the price of what the
    # question names; "the average hourly pay" may still be found by "average")
    describing = {t.lemma_.casefold() for t in sentence_parse(analysis.question) if t.pos_ == "ADJ"}
    if all(lemma in describing for lemma in asked):
        return False
    doc = sentence_parse(candidate.text)
    said = [t for t in doc if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ")]
    before = span_before(candidate)
    told_before = candidate.passage.text[before[0] : before[1]] if before is not None else ""
    if before is not None and ((doc[0].dep_ in ("nsubj", "nsubjpass") and doc[0].lower_ in _POINTING_PRONOUNS
                                and any(t.lemma_ == "cost" and t.pos_ == "VERB" for t in doc))
                               or (doc[0].dep_ == "poss" and doc[0].lower_ in _OWNERS_BEFORE
                                   and doc[0].head.dep_ in ("nsubj", "nsubjpass")
                                   and doc[0].head.lemma_.casefold() in PERSONAL_SUMS)
                               or (asks_earnings(analysis)
                                   and earnings_of_one_named_before(doc, told_before, analysis))):  # fmt: skip
        # "It cost $685,000": the cost of what the sentence before names ("The new barn is 80 by 160 feet"); not
        # "It paid $1.1 million in taxes", where the pronoun is the payer. "Their pay, about $38,000, will come
        # from ...": the pay of those the sentence before names (not "Its cost", whose "its" may be anything the
        # sentence before names)
        said += [t for t in sentence_parse(candidate.passage.text[before[0] : before[1]]) if t.pos_ == "NOUN"]
    if any(_with_same_sums(all_stems(" ".join(asked))) & token_stems(t) for t in said):
        return False
    return not any(word_likeness(lemma, t.lemma_) >= SAME_THING_LIKENESS for lemma in asked for t in said
                   if t.pos_ == "NOUN")  # fmt: skip


# Possessive pronouns that open a sentence about whose pay it is, named in the sentence before ("Their pay ...").
_OWNERS_BEFORE = frozenset({"their", "its", "his", "her"})


# Nouns for people a place or a date may be asked of ("Where was the driver taken?"), beyond titles and roles.
PEOPLE_ASKED_OF = PEOPLES_NOUNS | {"man", "woman", "boy", "girl", "teen", "teenager", "child", "kid", "passenger",
                                    "patient", "resident", "son", "daughter", "wife", "husband", "parent", "family",
                                    "hiker", "swimmer", "cyclist", "pedestrian", "motorist", "rider"}  # fmt: skip



# "Exactly how many ...?", "the precise cost": a question for an exact figure.
_ASKS_EXACTLY = re.compile(r"\b(?:exactly|precisely|exact|precise)\b", re.IGNORECASE)
# Words that make a figure an approximation: "about an hour", "more than 80", "nearly $2 million".
_APPROXIMATE = re.compile(r"\b(?:about|around|roughly|nearly|almost|approximately|some|more than|less than|fewer than|"
                          r"at least|up to|over|under|an estimated|close to|upwards of)\b", re.IGNORECASE)
FIGURE_TYPES = frozenset({"count", "money", "quantity", "percent", "measure", "duration", "age"})


def approximate_for_exact(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a figure answering "Exactly how many minutes did the call last?" is only an approximation ("about an
    hour", "more than 80 people"): a question for an exact figure is not answered by a round one. False for other
    questions."""
    if analysis.answer_type not in FIGURE_TYPES or candidate.answer is None:
        return False
    if not _ASKS_EXACTLY.search(analysis.question):
        return False
    return bool(_APPROXIMATE.search(candidate.answer_text()))
