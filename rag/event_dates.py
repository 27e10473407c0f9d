"""Date answers that date another event than the one asked about: a day that recurs, a year before the
article, the date of a decision to do it, of something done before, of a thing or a state, of an event the
sentence does not tell, or of what is still to come.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.dates import WEEKDAY_NAMES
from index.nlp import sentence_parse
from rag.candidate import Candidate
from rag.decisions import DECIDING
from rag.moods import clause_mood, is_infinitive
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.value_clause import _predicate_stems, answer_clause_tokens, any_of, negated, the_asked_act, token_stems
from rag.value_times import year_written
from rag.verb_classes import IRREALIS_GOVERNORS, SAYING_VERBS
from rag.verb_meanings import same_act
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness
from rag.yes_no import tells_the_same_event

if TYPE_CHECKING:
    from spacy.tokens import Token


def dates_a_habit_not_an_event(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answering when something starts, ends or resumes, which happens once, is a day that recurs:
    "homes ... may water on Thursdays" for "When will Orby end its watering limits?", "bouquets delivered every Friday"
    for "When does the subscription start?". Not for a question that asks of days or habits ("What days ...?", "How
    often ...?")."""
    if analysis.answer_type != "date" or candidate.answer is None or analysis.predicate not in _ONE_TIME_VERBS:
        return False
    if _ASKS_OF_DAYS.search(analysis.question):
        return False
    start = candidate.answer[0]
    return bool(_RECURRING_DAY.fullmatch(candidate.answer_text().strip())
                or _EVERY_BEFORE.search(candidate.passage.text, max(0, start - 8), start))  # fmt: skip


# Verbs of what happens once to a thing that runs on ("start", "end"; not "open", which a shop does every day).
_ONE_TIME_VERBS = frozenset({"start", "begin", "end", "finish", "reopen", "resume", "launch", "expire", "lift",
                             "complete", "debut"})  # fmt: skip
_ASKS_OF_DAYS = re.compile(r"(?i)(?<![\w-])(?:days?|often|usually|every|each)\b")  # (not "its 90-day limits")
# "on Thursdays", "weekends": a day in the plural recurs
_RECURRING_DAY = re.compile(r"(?i)(?:" + "|".join(f"{day}s" for day in WEEKDAY_NAMES) + r")|weekends|weeknights")
_EVERY_BEFORE = re.compile(r"(?i)\b(?:every|each)\s+$")


def dated_before_its_article(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a year answering when something will be done ("When will Cedar Gap auction off its old truck?") is
    one before the year its article was written, which no time to come can be: "The old brush truck, a 1998
    model, will be sold at auction"; or a time the article tells as past ("unchanged from last year")."""
    if analysis.answer_type != "date" or candidate.answer is None or not (analysis.mood == "irrealis"
                                                                           or analysis.ahead):  # fmt: skip
        return False
    if _POINTS_BACK.fullmatch(candidate.answer_text().strip()) and not _A_PLAN_IN_THE_PAST.search(analysis.question):
        return True  # "unchanged from last year", "two weeks ago": a time before the article's (but "When was the
        # pool supposed to open?" may be answered by "last summer")
    written = year_written(candidate.passage.published)
    year = _A_YEAR_OR_DECADE.fullmatch(candidate.answer_text().strip())
    return year is not None and written is not None and int(year.group(1)) < written


# A time told as before the article's own: "last year", "the past month", "yesterday", "three weeks ago", "earlier
# this year".
_POINTS_BACK = re.compile(r"(?i)(?:last|(?:the\s+)?(?:past|previous))\s+(?:year|month|week|spring|summer|fall|autumn|"
                          r"winter|season|decade)|yesterday|.+\s+ago|earlier\s+this\s+(?:year|month|week)")
# A question of a plan or a chance in the past: "When was the pool supposed to open?", "When would it have closed?",
# "When did the town plan to open it?".
_A_PLAN_IN_THE_PAST = re.compile(r"(?i)\b(?:was|were|did|had)\b|\b(?:would|should|could|might|must)\b[^?]*\bhave\b")


# A year or a decade as a date answer: "1998", "in 1998", "the late 1970s".
_A_YEAR_OR_DECADE = re.compile(r"(?:in\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?((?:19|20)\d\d)s?")


def dates_another_event(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answer tells when a decision to do something else was taken: for "When were the levee repairs
    completed?" the date of "The board voted on Tuesday to repair the levee" is the vote's, not the repairs'. The
    date hangs on a verb that governs a "to" clause, and neither is the question's verb ("When was the chief hired?"
    is answered by "voted Monday to hire ...", "When did the council vote?" too). False for other questions."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate_forms:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verb = clause[1]
    if verb.lemma_.casefold() not in DECIDING:
        return False  # "was sworn in on Jan. 3 to serve a four-year term": the date is of the event, not a decision
    if _EFFECTIVE_BEFORE.search(candidate.text, 0, candidate.answer[0] - candidate.start):
        return False  # "voted Monday to raise the charge, effective Jan. 1": when what was decided takes effect
    # "will decide Nov. 5 whether to borrow": the date of the decision asked about, not of a decision to borrow
    done = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c)
            and not any(m.lower_ == "whether" for m in c.children)]  # fmt: skip
    wanted = _predicate_stems(analysis)
    return bool(done) and not any_of(wanted, [verb, *done])


# Prepositions that put a date ahead of the clause's own time: "postponed the vote until June 3", "pushed back to
# May", "rescheduled for Friday", "must be finished by May".
_AHEAD = frozenset({"until", "till", "to", "for", "by", "through"})


def dates_what_was_done(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answer to "When will X happen?" tells when something else was done: for "When will the bridge
    reopen?", "built in the 1930s" or "closed since June" dates what is past. The date's clause is in the past or
    the perfect ("the spans built in the 1930s" too) on another verb than the question's (on any verb when the
    question's is "be done" or the like); not when a preposition puts the date ahead ("postponed the vote until
    June 3"). False for other questions."""
    if analysis.answer_type != "date" or analysis.mood != "irrealis":
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "since":
        return True  # "the first new dormitory on campus since 1972": a time past
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    described = (verb.dep_ == "acl" and verb.tag_ == "VBN"
                 and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))  # fmt: skip
    if not (described or clause_mood(verb) == "realised" or _told_as_past(verb)):
        return False
    if span.root.dep_ == "pobj" and span.root.head.lower_ in _AHEAD:
        return False
    if _EFFECTIVE_BEFORE.search(candidate.text, 0, candidate.answer[0] - candidate.start):
        return False  # "approved a 9 percent increase, effective July 1": the day is ahead
    if verb.lemma_.casefold() in _SCHEDULING_VERBS and any(
        (span.root in c.subtree
         and (c.dep_ == "dobj" or (c.dep_ == "npadvmod" and not _A_WEEKDAY.fullmatch(span.text))))
        or (c.dep_ == "prep" and span.root in list(c.children))
        for c in verb.children
    ):
        return False  # "A judge set Feb. 3 as the trial date", "scheduled a June 12 vote": a day put ahead (not "set
        # aside $4 million for a station on Oct. 14")
    return not any_of(_predicate_stems(analysis), [verb])


# Words opening a clause of time or cause whose simple past tells what was done, whatever the clause it belongs to
# will do: "will pay more *after* the council approved new rates Tuesday".
_PAST_CLAUSE_MARKS = frozenset({"after", "since", "because", "once"})


def _told_as_past(verb: "Token") -> bool:
    """Whether a verb heads a clause of time or cause in the simple past ("after the board voted 5-0 on Tuesday"),
    which tells what was done though the clause it belongs to tells what will be."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBD"
            and any(c.dep_ == "mark" and c.lower_ in _PAST_CLAUSE_MARKS for c in verb.children))  # fmt: skip


# Verbs that put a day ahead when done: "set Aug. 25 as the first day", "picked the week of Aug. 8". English verbs.
_SCHEDULING_VERBS = frozenset({"set", "schedule", "reschedule", "choose", "pick", "slate", "plan", "fix", "select",
                               "target", "announce", "move", "push", "delay", "postpone", "settle"})  # fmt: skip
_EFFECTIVE_BEFORE = re.compile(r"\b(?:effective|starting|beginning|as\s+of)\s+$", re.IGNORECASE)
_A_WEEKDAY = re.compile(r"(?:" + "|".join(WEEKDAY_NAMES) + r")", re.IGNORECASE)


def dated_as_to_come(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answers "When was the bridge repaired?" (something done) from a clause that tells what is to
    come: "will close June 9 while crews repair its deck" says when the work will start, not that it was done."""
    if analysis.answer_type != "date" or analysis.mood != "realised" or not _surely_asks_a_deed(analysis.question):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or clause[1].pos_ not in ("VERB", "AUX"):
        return False
    return clause_mood(clause[1]) == "irrealis"


def _surely_asks_a_deed(question: str) -> bool:
    """Whether a question read as asking about something done surely does: its verb is tagged a verb in the past
    ("When was it repaired?", "When did it close?"), and it names no plan, whatever the tagger made of the words
    ("What day was Grelling planning to shut it?", "When was a job fair set for ...?", with "planning" and "set"
    tagged as nouns; "When does the branch shut?", with "shut" tagged as past)."""
    doc = sentence_parse(question)
    # ("had" of "found out it had won" is no "had to")
    if any(t.lower_ in ("does", "do") or t.lemma_.casefold() in IRREALIS_GOVERNORS - {"have"} for t in doc):
        return False
    return any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN") for t in doc) or any(t.lower_ == "did" for t in doc)


# Verbs of a thing's making, whose date the thing's own date is ("When was the dam built?": "the 1931 dam").
_MAKING = frozenset({"build", "construct", "open", "found", "establish", "make", "create", "erect", "complete",
                     "finish", "date", "start", "begin"})  # fmt: skip


# Verbs that only say an event took place ("When did the flood happen?": "the 1993 flood" dates it).
_OCCURRING = frozenset({"happen", "occur", "take", "hold", "stage", "strike", "hit"})


def dates_a_thing_or_a_state(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answer to "When did X happen?" dates a thing or a state rather than the event: "the 1931
    concrete dam" (a year naming the dam the question asks about) for when it was last repaired, "closed since
    June" for when the plant reopened. True for a date before a noun of the question that is no name of its event
    ("the county's 2014 annexation" dates the annexing), or after "since" on a verb not denied ("has not been dredged
    since 2011" tells when it last was); not when the question asks since when, or when a thing was made ("When
    was the dam built?": "the 1931 dam"). False for other questions."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate:
        return False
    if analysis.predicate in _MAKING | _OCCURRING or re.search(r"\bsince\b", analysis.question, re.IGNORECASE):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    top = span.root  # its head stands outside the date
    noun = top.head
    if top.dep_ in ("nummod", "compound", "amod", "nmod") and noun.pos_ in ("NOUN", "PROPN") and noun.i >= span.end:
        thing = token_stems(noun)
        return bool(thing & all_stems(analysis.question)) and not thing & _predicate_stems(analysis)
    after_since = span.start > 0 and span.doc[span.start - 1].lower_ == "since"
    return after_since and not negated(verb)


# Light verbs, which name no event of their own ("When did the work get done?", "When does the board have its vote?"),
# and verbs of what is expected, whose event is another verb ("When was the center supposed to open?").
_LIGHT_PREDICATES = frozenset({"be", "do", "have", "get", "make", "go", "come", "take", "suppose", "expect",
                               "schedule", "plan", "set", "slate", "intend"})  # fmt: skip
# How alike a sentence's verb must be to the question's to tell of the same event for `dates_an_event_not_told`:
# lower than SAME_EVENT_LIKENESS, as the check only drops dates of sentences with no such verb at all ("construct":
# "build" 0.50, "vote": "decide" 0.54; "retire": "found" 0.12, "die": "own" 0.31, "build": "close" 0.33).
TOLD_EVENT_LIKENESS = 0.45
# A particle after the question's verb makes a phrasal verb of unknown meaning ("break out", "kick in", "put up").
_PARTICLES = r"(?:out|in|up|down|off|on|over|back|through|away|about)"


def dates_an_event_not_told(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a date answer comes from a sentence that does not tell of the event asked about at all: for "When did
    Harold Ames die?", "Ames Hardware has been owned by an Ames since 1945"; for "When did Walter Keel retire?",
    "founded in 1988 by Walter Keel". The sentence has no word of the question's verb, as a verb or a noun ("the
    reopening"), nor a verb of the same act or outcome ("began" for "start", "passed" for "approve") or alike in
    meaning. Only for what was done ("When did ...?"): plans are told in too many words. False for other questions,
    for a question on a verb that only says something took place ("When did the storm hit?"), on a light verb, or on
    a phrasal verb ("When did the fire break out?")."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate:
        return False
    if analysis.mood != "realised" or analysis.predicate in _OCCURRING | _LIGHT_PREDICATES:
        return False  # plans and schedules are told in many words ("When does the fee kick in?": "takes effect")
    forms = "|".join(re.escape(form) for form in analysis.predicate_forms)
    if re.search(rf"\b(?:{forms})\s+{_PARTICLES}\b", analysis.question, re.IGNORECASE):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or _idiomatic(clause[1]):
        return False  # "stepped down in 2011", "passed away in 2002", "broke ground in May": the event in other words
    wanted = _predicate_stems(analysis)
    return not any(_of_the_asked_event(token, analysis, wanted, word_likeness)
                   for token in sentence_parse(candidate.text))  # fmt: skip


# Verbs that tell many events in idioms ("broke ground", "gave way", "had it under control by 4:30").
_IDIOM_VERBS = (_LIGHT_PREDICATES - {"be"}) | {
    "break", "give", "pass", "walk", "step", "turn", "bring", "hold", "keep", "put", "run", "call", "pull", "roll",
    "wrap", "see",
}  # fmt: skip


def _idiomatic(verb: "Token") -> bool:
    """Whether the verb a date hangs on is part of a phrasal verb ("walked away", "passed away") or one that tells
    many events in idioms, whose meaning its word does not give."""
    return verb.lemma_.casefold() in _IDIOM_VERBS or any(
        c.dep_ == "prt" or (c.dep_ == "advmod" and re.fullmatch(_PARTICLES, c.lower_)) for c in verb.children
    )


def _of_the_asked_event(
    token: "Token", analysis: QuestionAnalysis, wanted: frozenset[str], word_likeness: WordLikeness
) -> bool:
    """Whether a word of a sentence tells of the question's event (whose verb's stems are `wanted`): that verb,
    its noun or a verb of the same outcome (`tells_the_same_event`), a verb of the same act, another verb of saying
    for one of saying, or a verb alike in meaning."""
    if token.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
        return False
    if tells_the_same_event(token, wanted):
        return True
    if token.pos_ != "VERB":
        return False
    predicate = analysis.predicate or ""
    return (
        (predicate in SAYING_VERBS and token.lemma_.casefold() in SAYING_VERBS)
        or same_act(predicate, token)
        or max(word_likeness(f, token.lemma_) for f in analysis.predicate_forms) >= TOLD_EVENT_LIKENESS
    )


def dates_another_named_ones_act(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answers when the act asked was done, but to or by another thing by name: for "When did
    Barnaby Skerritt buy Pennycress Farm?", "Skerritt, who bought the adjoining Hollins orchard in 2016" (both
    objects names, sharing no word); for "When did the Lintmoor Community Pantry open?", "a discount grocer,
    Thriftwell, opened on the bypass in 2022" (no object either side, both subjects names sharing none). A common
    noun may be the one asked ("bought the dairy", "The pantry opened"), and one who acts on the thing asked is no
    other thing ("The county will close its Orby clinic" for when the clinic closes)."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or clause[1].pos_ not in ("VERB", "AUX") or not the_asked_act(analysis, clause[1]):
        return False
    verb = clause[1]
    asked_verb = next((t for t in sentence_parse(analysis.question) if t.dep_ == "ROOT"), None)
    if asked_verb is None:
        return False
    asked = frozenset(all_stems(" ".join(t.text for t in asked_verb.doc if t.pos_ == "PROPN")))
    asked_object, told_object = _argument(asked_verb, ("dobj",)), _argument(verb, ("dobj",))
    if asked_object is not None or told_object is not None:
        return _another_name(asked_object, told_object, asked)
    return _another_name(_argument(asked_verb, ("nsubj",)), _argument(verb, ("nsubj",)), asked)


def _argument(verb: "Token", deps: tuple[str, ...]) -> "Token | None":
    """The verb's argument of one of `deps`, or, for a relative clause's "who" or "which", the noun it hangs on."""
    found = next((c for c in verb.children if c.dep_ in deps), None)
    if found is not None and found.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return found


def _another_name(asked: "Token | None", told: "Token | None", question_names: frozenset[str]) -> bool:
    """Whether both the question's argument and the sentence's are names (a proper noun heads them, or names one
    beside it: "a discount grocer, Thriftwell"), and the sentence's shares no word with the question's names."""
    if asked is None or told is None or asked.pos_ != "PROPN":
        return False
    told = next((c for c in told.children if c.dep_ == "appos" and c.pos_ == "PROPN"), told)
    names = [t.text for t in told.subtree if t.pos_ == "PROPN" and (t is told or t.dep_ in ("compound", "flat"))]
    return told.pos_ in ("PROPN", "NOUN") and bool(names) and not all_stems(" ".join(names)) & question_names
