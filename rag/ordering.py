"""The rules that order a question's candidates before the refusal model decides (`fitting_first`): the sentence
naming the voters asked about first, a value of the thing asked rather than of something else, the value on the
question's verb or given for the time asked, a destination for "Where was X taken?", what was added rather than the
total it reached, and the like. Each rule looks at the first few candidates only, and keeps the order when none
fits better."""

from __future__ import annotations

import re
from typing import Callable

from index.nlp import sentence_parse
from rag.another_person import (
    a_sum_of_anothers, counts_anothers, done_by_another_named, done_to_other_people, given_for_another_named,
    of_another_person, paid_to_another_person, saved_for_another_named,
)  # fmt: skip
from rag.answer_clause import answer_clause, clause_agrees
from rag.candidate import Candidate, sentence_spans, span_before, text_stems, with_sentence_before
from rag.counted_nouns import counted_noun, counts_a_noun_of_its_own, names_one_by_its_number
from rag.date_words import YEAR
from rag.decisions import decided_another_thing, decided_for_another, decided_upon
from rag.event_dates import (
    dated_as_to_come, dated_before_its_article, dates_a_habit_not_an_event, dates_a_thing_or_a_state,
    dates_an_event_not_told, dates_another_event, dates_another_named_ones_act, dates_what_was_done,
)  # fmt: skip
from rag.new_names import names_a_person
from rag.something_else import (
    approximate_for_exact, counts_instead_of_an_amount, counts_something_else, counts_those_taken_on,
    counts_votes_not_asked, lasts_for_something_else, pays_for_something_else, shares_something_else,
    sizes_something_else, sums_something_else,
)  # fmt: skip
from rag.value_verbs import done_in_another_place, done_the_other_way, held_not_done, the_same_act, told_as_to_come
from rag.who_did_it import (
    acts_rather_than_places, does_the_asked_act_aside, given_the_work, made_by, made_no_work_told,
    names_what_it_is_done_to, only_said_it,
)  # fmt: skip
from rag.yes_no import tells_whether
from rag.earnings import pays_someone_else
from rag.figures import amount, same_unit
from rag.leaders import first_titled_head
from rag.prices import prices_another_thing
from rag.rivals import a_population, rival_of_something_else
from rag.query import QuestionAnalysis
from rag.receipts import paid_out_by_another
from rag.tenure import held_for_now, lasts_for_another_tenure, leaves_the_post
from rag.text import NUMBER_WORDS, all_stems, normalise, stems
from rag.value_times import (
    clash, figure_time, matches, sentence_week, times_asked, with_the_year_of_its_week, with_years_of_writing,
    year_written,
)
from rag.voter_accounts import tells_the_vote_not_why
from rag.votes import (
    asked_side, asks_a_game_tally, asks_for_an_account, asks_how_it_voted, asks_the_count, first_naming_voters,
    gives_a_tally, gives_the_count, names_no_voter_asked, tells_how_it_voted, vote_side,
)  # fmt: skip
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness

# Value candidates whose clause is checked against the question's time and polarity (one parse each).
CHECKED_FOR_MOOD = 5
# When the best value is of something else, the values after it that are checked for one of the thing asked: a few
# more than for mood, since each one dropped moves the rest up ("What's the college paying its new president?": the
# base salary came seventh, after sums of a dorm's cost and of adjuncts' pay). On the dev splits and invented probes
# 8 changed one answer (right) against 5, and 12 none more.
CHECKED_FOR_SOMETHING_ELSE = 8
# The acts a firm is hired for and the verbs of hiring one ("Who's building the dorm?", "Whom did they hire to fix
# it?"), and the job a hiring verb's infinitive names ("hire ... to *design* the repairs"). English verbs.
_WORK_ACTS = frozenset({"build", "fix", "repair", "renovate", "replace", "construct", "rebuild", "restore", "pave",
                        "install", "redo", "haul", "clean", "demolish", "resurface", "dredge", "upgrade", "expand",
                        "remediate", "paint"})  # fmt: skip
_WORK_ACT_STEMS = frozenset(stems(" ".join(_WORK_ACTS)))
_HIRING = frozenset({"hire", "pick", "choose", "select", "contract", "retain"})
_THE_JOB_HIRED_FOR = re.compile(r"(?i)\bto\s+([a-z]+)\b")
# "Who got the contract for the body cameras?", "Which firm won the paving bid?": asks for the one given the work
# (not "Who got the manager job?", a hire).
_GOT_THE_WORK = re.compile(r"(?i)\b(?:get|gets|got|win|wins|won|land|lands|landed|receive[sd]?|secured?)\s+"
                           r"(?:the|a|that|this)\s+(?:[\w$.,-]+\s+){0,3}?(?:contract|bid)\b")
# Verbs of doing a job and the jobs done: "What company is doing the culvert job?", "Who handled the work?".
_DOING = frozenset({"do", "handle"})
_JOBS = frozenset({"job", "work", "project"})
# Words of any job given, which say nothing of which job: "the plumbing contract" is told by "plumbing".
_ANY_WORK_STEMS = frozenset(stems("contract contracts bid bids job jobs work"))
# How many candidates are looked through for the firm given the job: the sentence of the award names neither the
# thing nor the act in the question's words, so it ranks low.
CHECKED_FOR_WORK = 10
# And how many, for a firm given it in another article than the best candidate's (which must name the thing worked
# on): the development probes' award sentences ranked as low as 23rd.
CHECKED_FOR_WORK_ELSEWHERE = 25
# How far before a sentence (in characters, about two sentences) a person's name may stand for its "she said".
NAMED_BEFORE = 250
_WORD = re.compile(r"[\w-]+")  # "Renn's letter": "Renn", "s"


def _moved_first(candidates: list[Candidate], chosen: Candidate | None) -> list[Candidate]:
    """The candidates with `chosen` first (the order as it was when there is none)."""
    return candidates if chosen is None else [chosen, *(c for c in candidates if c is not chosen)]


def _first_that(
    candidates: list[Candidate], fits: Callable[[Candidate], bool], window: int = CHECKED_FOR_MOOD
) -> list[Candidate]:
    """When the best candidate does not `fit`, the first of the next ones within `window` that does comes first."""
    if not candidates or fits(candidates[0]):
        return candidates
    return _moved_first(candidates, next((c for c in candidates[1:window] if fits(c)), None))


def _before_the_answer(candidate: Candidate, pattern: re.Pattern[str], reach: int) -> bool:
    """Whether `pattern` ends right before the candidate's value, within `reach` characters of its sentence."""
    entity = candidate.answer
    return entity is not None and bool(
        pattern.search(candidate.passage.text, max(candidate.start, entity[0] - reach), entity[0])
    )


def agreeing_first(
    candidates: list[Candidate], analysis: QuestionAnalysis, window: int = CHECKED_FOR_MOOD
) -> list[Candidate]:
    """The ranked candidates; when the best value's clause contradicts the question's time or polarity
    (rag.answer_clause.clause_agrees), the first of the next ones within `window` whose clause agrees takes its
    place: "Where will riders catch it?" is answered by "buses will stop at the park-and-ride lot", not by "will
    no longer run down Front Street", ranked first for its words. When the best counts the noun asked about
    (`answer_on_focus`), a number of something else does not take its place. When none agrees, the order stays, and the
    refusal model sees the disagreement (`mood_agrees`). Only the best is parsed when it agrees."""
    if not analysis.typed or len(candidates) < 2 or clause_agrees(analysis, candidates[0]):
        return candidates
    # a count or a sum next to the noun asked about ("the mill's water use, up to 2 million gallons a day")
    counts_the_focus = (analysis.answer_type in ("count", "quantity", "money")
                        and candidates[0].features.get("answer_on_focus", 0.0) >= 1.0)  # fmt: skip
    for candidate in candidates[1:window]:
        if (counts_the_focus and candidate.features.get("answer_on_focus", 0.0) == 0.0
                and counts_a_noun_of_its_own(candidate)):  # fmt: skip
            continue  # a number of something else ("120 workers") does not answer for the water; a number standing
            # alone ("It hired nine instead", "will hold 600") may well count the noun asked about
        if clause_agrees(analysis, candidate):
            return _moved_first(candidates, _on_the_verb_in_its_sentence(candidates[:window], candidate, analysis))
    return candidates


def _on_the_verb_in_its_sentence(candidates: list[Candidate], chosen: Candidate,
                                 analysis: QuestionAnalysis) -> Candidate:  # fmt: skip
    """`chosen`, or a value of the same sentence among `candidates` that hangs on the question's verb (or one of the
    same act) and agrees with the question when `chosen` does not hang on it: "hopes to break ground in summer 2025
    and open the school in fall 2027" answers "When is the school to open?" with fall 2027."""
    if not analysis.predicate or answer_clause(analysis, chosen)["answer_on_same_act"]:
        return chosen
    return next((c for c in candidates if c is not chosen and c.passage is chosen.passage and c.start == chosen.start
                 and answer_clause(analysis, c)["answer_on_same_act"] and clause_agrees(analysis, c)), chosen)


def fitting_first(
    candidates: list[Candidate], analysis: QuestionAnalysis, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> list[Candidate]:
    """The ranked candidates as the refusal model sees them (none when none fits):

    - for "Who voted against the fee?" or "Did anyone vote no?", the sentence naming who did first
      (rag.votes.first_naming_voters);
    - for a yes/no question, only the sentences among the first few that tell of what it asks about
      (rag.yes_no.tells_whether);
    - when the best value is of something else than asked (a count of other things or of another's, a sum of
      another kind, the day of a decision to do something else: `_of_something_else`), only the values among the
      first few that are not;
    - for "why" or "what did X say" about one person, only the sentences where the person is named; for "Why did
      X vote no?", none when the sentence of X's vote gives no account of it and none after it does
      (rag.voter_accounts.tells_the_vote_not_why); for "Which members voted for it?", none when no sentence
      names them and the best gives the tally or the other side's voters (rag.votes.names_no_voter_asked);
    - for "Who ...?" answered by a body that decided something else: the name its decision is about first, or,
      when it names no one and lets another act, the first few that decided nothing else
      (`decided_another_thing`);
    - for "Who's fixing the bridge?" and "Whom did they hire to build it?", the firm given the job first, before
      and after the rest (`asks_for_the_hired_firm`, rag.who_did_it.given_the_work);
    - for "Where was X taken?" and other questions of going somewhere, a place someone goes to first
      (`destination_first`);
    - for a figure asked of no time, one of the article's own event before one it recalls from years before
      (`of_the_articles_own_time_first`);
    - for "How many more ...?", a number of more first (`added_first`); for another count, a total before what
      is added (`total_first`); an exact count or sum before the round one that rounds it (`exact_first`);
    - then a value that agrees with the question's time and polarity first (`agreeing_first`)."""
    # "Who voted against the fee?", "Did anyone vote no?": the sentence naming who did first
    voters = first_naming_voters(candidates, analysis)
    candidates = _moved_first(candidates, voters)
    if voters is None and names_no_voter_asked(candidates, analysis):
        return []  # "Which commissioners voted for it?": the report gives the tally or the other side's voters
    # "Who runs the marina?": a name with a head's title beside it first ("owner Erling Gunderholt")
    candidates = _moved_first(candidates, first_titled_head(candidates, analysis, CHECKED_FOR_MOOD))
    hired = None
    if asks_for_the_hired_firm(analysis) and candidates:
        # "Who's fixing the Tanner Creek bridge?": the firm given the job ("awarded the repair contract to ..."), in
        # the article the best candidate comes from (and first again after the orderings below)
        article = candidates[0].passage.article_id
        given = [c for c in candidates[:CHECKED_FOR_WORK] if given_the_work(c)]
        if not given and _GOT_THE_WORK.search(analysis.question):
            return []  # "Who got the contract for the ER renovation?": no sentence gives anyone a contract
        hired = next((c for c in given if c.passage.article_id == article and the_hired_firm(c, analysis)), None)
        if hired is None:
            # the award may be told in another article than the best candidate's, far down (it shares few of the
            # question's words): one whose sentence, or the one before, names the very thing worked on
            hired = next((c for c in candidates[:CHECKED_FOR_WORK_ELSEWHERE]
                          if the_hired_firm(c, analysis) and _names_the_thing_worked_on(c, analysis)), None)
        candidates = _moved_first(candidates, hired)
    if analysis.asked_verb_forms:
        named = [voters] if voters is not None else []
        return named + [c for c in candidates[:CHECKED_FOR_MOOD]
                        if c is not voters and tells_whether(analysis, c.text, word_likeness)]  # fmt: skip
    if candidates and _of_something_else(candidates[0], analysis, word_likeness):
        candidates = [c for c in candidates[:CHECKED_FOR_SOMETHING_ELSE]
                      if not _of_something_else(c, analysis, word_likeness)]  # fmt: skip
    if analysis.answer_type in ("reason", "quote"):
        candidates = _where_the_person_is_named(candidates, analysis)
    if asks_for_an_account(analysis) and tells_the_vote_not_why(candidates, analysis):
        return []  # the article says how they voted, not why (nor, for an objection, anything more of theirs)
    if asks_the_count(analysis):
        # "What was the council's vote on the signals?": only a sentence with that vote's count answers
        return [c for c in candidates if gives_the_count(c, analysis, _sentence_before(c))]
    if asks_how_it_voted(analysis):
        # "How did the board vote on the plan?": its count, a side taken or the outcome
        return [c for c in candidates if tells_how_it_voted(c, analysis, _sentence_before(c))]
    if asks_a_game_tally(analysis):
        # "What was the final score?", "What was Orby's record?": only a sentence with a tally answers
        return [c for c in candidates if gives_a_tally(c.text)]
    if not analysis.typed:
        candidates = named_by_focus_first(candidates, analysis)
    if candidates and decided_another_thing(analysis, candidates[0], word_likeness):
        decided = decided_upon_first(candidates)
        # "The Planning Board voted to approve 40 townhouses" for "Who's building the townhouses?": when the
        # decision names no one and lets another act, the body is still no answer; the first few that decided
        # nothing else are kept. Not when it decided to act itself ("voted to tear down the jail": it demolishes it)
        if decided[0] is not candidates[0]:
            candidates = decided
        elif decided_for_another(candidates[0]):
            candidates = [
                c for c in candidates[:CHECKED_FOR_MOOD] if not decided_another_thing(analysis, c, word_likeness)
            ]
    if (analysis.answer_type == "place" and analysis.predicate in _MOTION_VERBS
            and not _NOT_GOING_TO.search(analysis.question)):  # fmt: skip
        candidates = destination_first(candidates)
    if analysis.answer_type in ("person", "organisation") and candidates:
        candidates = doer_of_the_act_aside_first(candidates, analysis)
        candidates = maker_of_the_work_first(candidates, analysis)
    if analysis.answer_type == "count":
        candidates = counting_the_noun_first(candidates, analysis)
    # a time one figure's clause gives may be said for the sentence ("took in 62 dogs in June and adopted out 38"):
    # the question's verb chooses after it
    if analysis.answer_type in _TIME_CHOOSES:
        candidates = of_the_time_asked_first(candidates, analysis, word_likeness)
        candidates = naming_the_questions_figure_first(candidates, analysis)
        candidates = of_the_articles_own_time_first(candidates, analysis, word_likeness)
    if analysis.answer_type in _VERB_CHOOSES:
        candidates = on_the_questions_verb_first(candidates, analysis, word_likeness)
    if analysis.answer_type == "date":
        candidates = span_end_first(candidates, analysis)
    if analysis.answer_type in ("count", "quantity", "money"):
        candidates = (added_first(candidates) if _ASKS_HOW_MANY_MORE.search(analysis.question)
                      else total_first(candidates, analysis, word_likeness))  # fmt: skip
    if analysis.answer_type in ("count", "money"):
        candidates = exact_first(candidates)
    candidates = agreeing_first(candidates, analysis)
    if hired is not None and any(c is hired for c in candidates):
        candidates = _moved_first(candidates, hired)
    if candidates and dated_as_to_come(analysis, candidates[0]):
        return []  # none of the first few dates what the question asks as done
    return candidates


# How far a round figure may stand from the exact one it rounds: "More than 300 farmers" in a lead, "317 farms" below
# (news rounds to the nearest round number below or above, seldom by a fifth or more).
ROUNDED_BY = 0.2
# The words that round a figure, and which side of it the exact one lies: above, below, or either.
_ROUNDED_UP_TO = re.compile(r"(?i)(?:more than|over|upwards of|at least)\s")
_ROUNDED_DOWN_TO = re.compile(r"(?i)(?:nearly|almost|close to|under|less than|fewer than|just under)\s")
_ROUNDED_TO = re.compile(r"(?i)(?:about|around|roughly|some|approximately|an estimated)\s")


def exact_first(candidates: list[Candidate], window: int = CHECKED_FOR_MOOD) -> list[Candidate]:
    """When the best figure is a round one ("More than 300 farmers", "about $2 million") and one of the first few
    from the same article is an exact figure of the same unit, on a verb of the same act, that it rounds ("have
    received": 317 "received"; "$2.14 million"), the exact one first: a news lead rounds what the story gives in
    full further down. (Not a record's "Census records show 472 residents" for "Nearly 500 residents signed".)"""
    if not candidates or candidates[0].answer is None:
        return candidates
    best = candidates[0]
    text, rounded = best.answer_text() or "", amount(best)
    if rounded is None or rounded <= 0:
        return candidates
    for candidate in candidates[1:window]:
        exact_text = candidate.answer_text() or ""
        exact = amount(candidate)
        if (candidate.passage.article_id != best.passage.article_id or exact is None or exact == rounded
                or any(p.match(exact_text) for p in (_ROUNDED_UP_TO, _ROUNDED_DOWN_TO, _ROUNDED_TO))
                or not same_unit(exact_text, text)):  # fmt: skip
            continue
        if not the_same_act(best, candidate):
            continue  # "Nearly 500 residents signed" is not rounded from "486 residents voted"
        if ((_ROUNDED_UP_TO.match(text) and rounded < exact <= rounded * (1 + ROUNDED_BY))
                or (_ROUNDED_DOWN_TO.match(text) and rounded * (1 - ROUNDED_BY) <= exact < rounded)
                or (_ROUNDED_TO.match(text) and abs(exact - rounded) <= rounded * ROUNDED_BY / 2)):  # fmt: skip
            return _moved_first(candidates, candidate)
    return candidates


def asks_for_the_hired_firm(analysis: QuestionAnalysis) -> bool:
    """"Who's building the dorm?", "Who did they hire to fix the bridge?", "Who got the contract?": a question of who
    does a job one is hired for; not "Who hired Pell Mechanical?" (the one who hired), nor "Who did they hire to
    design the repairs?" (a job no contract for the work tells)."""
    if analysis.answer_type not in ("person", "organisation"):
        return False
    if _GOT_THE_WORK.search(analysis.question) or _doing_the_job(analysis.question):
        return True
    if analysis.predicate in _WORK_ACTS:
        return analysis.asked_slot != "object"
    if analysis.predicate not in _HIRING or analysis.asked_slot != "object":
        return False
    job = _THE_JOB_HIRED_FOR.search(analysis.question)
    return job is None or bool(set(stems(job.group(1))) & _WORK_ACT_STEMS)


def _doing_the_job(question: str) -> bool:
    """Whether the question asks who does a job ("What company is doing the culvert job?"): a job noun is the object
    of "do" or "handle" (not "Who did the mayor praise for the work?", whose "did" is a helper)."""
    return any(t.dep_ == "dobj" and t.lemma_.casefold() in _JOBS and t.head.lemma_.casefold() in _DOING
               for t in sentence_parse(question))  # fmt: skip


def the_hired_firm(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate names the firm given the job the question asks about (`asks_for_the_hired_firm`): given
    the work (rag.who_did_it.given_the_work) in a sentence about the thing asked (`about_the_thing_asked`), or one
    that names no other job (`names_no_other_job`), and not on another street than the question names."""
    return (
        given_the_work(candidate)
        and (about_the_thing_asked(candidate, analysis) or names_no_other_job(candidate, analysis))
        and not _on_another_street(candidate, analysis)
    )


def _names_the_thing_worked_on(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate's sentence, or the one before, names the thing the question's work is done on (the
    object of its verb: "stadium" of "Who is building the new stadium at Orby High?")."""
    things = [t for t in sentence_parse(analysis.question) if t.dep_ == "dobj" and t.pos_ == "NOUN"]
    told = text_stems(with_sentence_before(candidate))
    # (and the question's names: "Tarn High will open its new stadium" is not Orby High's)
    names = [c for c in analysis.constraints if c.kind == "name"]
    return (bool(things) and all(all_stems(t.text) & told for t in things)
            and all(all_stems(c.text) & told for c in names))  # fmt: skip


def _on_another_street(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the question asks of work on one street ("Who's going to pave Quarry Road?") and the candidate's
    sentence, or the one before, tells of streets it does not name ("Mill Street ... will be repaved"): a firm
    given that job, not the one asked about."""
    asked = _STREET_NAME.findall(analysis.question)
    told = with_sentence_before(candidate)
    return (bool(asked) and bool(_STREET_NAME.search(told))
            and not any(normalise(street) in normalise(told) for street in asked))  # fmt: skip


# A street's name: "Quarry Road", "Mill Street", "Canal Avenue".
_STREET_NAME = re.compile(
    r"\b[A-Z][\w'’-]*\s+(?:Street|St\.|Road|Rd\.|Lane|Avenue|Ave\.|Drive|Boulevard|Highway|Pike|Parkway)(?!\w)"
)


def about_the_thing_asked(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate's sentence, or the one before it, names something the question does besides its act
    ("the Tanner Creek bridge ... will close" before "awarded the repair contract to Keystone Span Co."): a firm
    given another job of the article ("Brookstone Asphalt has the Quarry Lane paving contract" for the overpass)
    is not the one asked about. When the question says which job ("the plumbing contract"), the sentence or the one
    before says it too: "The roofing contract went to Harl Dace Roofing" is not the plumbing one."""
    told = text_stems(with_sentence_before(candidate))
    which = _WHICH_JOB.findall(analysis.question)
    if which and not all_stems(" ".join(which)) & told:
        return False
    asked = text_stems(analysis.question) - _WORK_ACT_STEMS - _ANY_WORK_STEMS - set(stems(" ".join(_HIRING)))
    return bool(asked & told)


def names_no_other_job(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate's sentence, and the one before it, name no job but the question's and nothing the firm
    could work on: "Brackenridge & Tull Constructors won the construction contract" in the article of the plant
    upgrade asked about (whose names find_candidates has checked the article for) gives the job of the article's
    own story; "Brookstone Asphalt has the Quarry Lane paving contract" names another job, "Orrin Paving will also
    resurface Mill Road" another thing."""
    told = with_sentence_before(candidate)
    asked = text_stems(analysis.question)
    jobs = [job for job in _WHICH_JOB.findall(told) if job.casefold() not in NUMBER_WORDS]  # not "four bids"
    if any(not all_stems(job) & (asked | _ANY_JOB_STEMS) for job in jobs):
        return False
    firm = candidate.answer
    before = span_before(candidate)
    opening = before[0] if before is not None else candidate.start
    return not any(
        label in _THINGS_WORKED_ON and not (firm is not None and s < firm[1] and e > firm[0])
        and not all_stems(candidate.passage.text[s:e]) & asked
        for s, e, label in candidate.passage.entities
        if s < candidate.end and e > opening
    )


# Words of a contract or a bid that say no job of its own: "the *construction* contract", "the *winning* bid".
_ANY_JOB_STEMS = frozenset(stems("construction general building main winning lowest low cheapest successful"))
# Names of things a firm may be hired to work on: a road, a building, a project.
_THINGS_WORKED_ON = frozenset({"FAC", "PRODUCT", "EVENT", "WORK_OF_ART"})


# The word that says which job a contract or a bid is for: "the *plumbing* contract", "the *paving* bid".
_WHICH_JOB = re.compile(r"(?i)\b(?!(?:the|a|an|that|this|its|their|city|town|county|state|new|\$?[\d.,]+|million)\b)"
                        r"([a-z]+)\s+(?:contract|bid)s?\b")


def counting_the_noun_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                            window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "How many doctors work at the clinic?": when the best number counts another noun ("saw 9,400
    patients", alike enough to pass), a number of its sentence that counts the noun asked about ("with five exam
    rooms and three doctors") comes first; the order stays when none does."""
    if not candidates or not analysis.focus:
        return candidates
    focus = all_stems(analysis.focus)
    best = candidates[0]
    counted = counted_noun(best)
    # "made 23 arrests" counts the people "How many people were arrested?" asks about by the question's verb
    if counted is None or all_stems(counted) & (focus | all_stems(" ".join(analysis.predicate_forms))):
        return candidates
    return _moved_first(candidates, next(
        (c for c in candidates[1:window] if c.passage is best.passage and c.start == best.start
         and all_stems(counted_noun(c) or "") & focus), None))  # fmt: skip


# Kinds of value whose sentence may give several of that kind, each on its own verb ("budgeted $85,000 ... but
# spent $112,400"; "took in 1,430 dogs and placed 1,210").
_VERB_CHOOSES = frozenset({"count", "money", "date", "person", "place"})


def on_the_questions_verb_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                                word_likeness: WordLikeness = SAME_WORD_ONLY,
                                window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "How many dogs did the shelter place in homes?": when the best number hangs on another verb than the
    question's ("took in 1,430 dogs"), a number of the same sentence or the next that hangs on the question's verb
    comes first ("and placed 1,210 in homes"; "It hired three in August" for "How many drivers did it hire in
    August?"), unless it counts something else. The order stays when none does, or the question has no verb of
    its own ("How many buses does it have?")."""
    if not candidates or not analysis.predicate:
        return candidates
    best = candidates[0]
    clause = answer_clause(analysis, best)
    if clause["answer_on_predicate"] or clause["answer_on_same_act"]:
        return candidates
    following = _next_sentence_start(best)
    # not from the figure of the time asked to one given for another ("took 1.2 million trips last year, compared
    # with 940,000 in 2019" for 2019); one given for no time may share the sentence's ("took in 62 dogs in June and
    # adopted out 38")
    asked = times_asked(analysis.question) & figure_time(best)  # the asked times the best is given for
    # a verb of the same act in other words ("arrested" for "caught") chooses within the best one's sentence only:
    # the next may tell of another ("officers at the fairgrounds apprehended 6 people")
    return _moved_first(candidates, next(
        (c for c in candidates[1:window]
         if c.passage is best.passage and c.start in (best.start, following)
         and not _given_for_other_times(c, asked)
         and not _a_habit_for_an_occasion(c, analysis)
         and answer_clause(analysis, c)["answer_on_predicate" if c.start != best.start else "answer_on_same_act"]
         and not _of_something_else(c, analysis, word_likeness)), None))  # fmt: skip


# Words that tell what is done as a rule, not on one occasion ("usually handles about eight calls a day").
_HABITUAL = re.compile(r"\b(?:usually|typically|normally|ordinarily|generally|routinely|on average|on a typical)\b",
                       re.IGNORECASE)


def _a_habit_for_an_occasion(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate's sentence tells what is done as a rule ("The department usually handles about eight
    calls a day") and the question asks of what was done, not of a habit ("How many calls did it handle during the
    storm?"; not "How many calls does it usually handle?")."""
    return (analysis.mood == "realised" and not _HABITUAL.search(analysis.question)
            and bool(_HABITUAL.search(candidate.text)))  # fmt: skip


def _given_for_other_times(candidate: Candidate, asked: frozenset[str]) -> bool:
    """Whether a figure is given for times of its own, none of them `asked`."""
    times = figure_time(candidate)
    return bool(asked and times and not times & asked)


# Kinds of figure a sentence may give for two times ("lent 18,250 books in 2022 and 19,700 last year").
_TIME_CHOOSES = frozenset({"count", "money", "quantity", "percent", "measure"})


# How many years before its article's own a year must be for a figure given for it to be of an earlier event told
# as background ("The 2009 kill ... killed about 1,500 fish", in a story of 2024); the words a question asks of an
# earlier event by ("the dairy's previous spill"); a year (not one a clause of the sentence counts from or compares
# with: "a grass surface in use since 1988").
_YEARS_BEFORE_BACKGROUND = 2
_ASKS_AN_EARLIER_ONE = re.compile(r"(?i)\b(?:previous|earlier|prior|former|first|original|last|old)\b")
_A_YEAR = re.compile(r"(?<!since )(?<!from )(?<!than )(?<!until )\b(?:19|20)\d\d\b")


def of_the_articles_own_time_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                                   word_likeness: WordLikeness = SAME_WORD_ONLY,
                                   window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "How many fish were killed in the Millrace Creek spill?", asking of no time: when the best figure's
    sentence dates it years before its article ("The 2009 kill ... killed about 1,500 fish"), a figure of the same
    article whose sentence gives no such year and more of the question's words comes first ("About 4,100 dead fish
    ... have been counted along Millrace Creek"): a story's own event, not one it recalls."""
    if (not candidates or times_asked(analysis.question) or _A_YEAR.search(analysis.question)
            or _ASKS_AN_EARLIER_ONE.search(analysis.question)):  # fmt: skip
        return candidates  # (a time asked, or an earlier event: "How many fish died in the dairy's previous spill?")
    best = candidates[0]
    if not _background_year(best):
        return candidates
    return _moved_first(candidates, next(
        (c for c in candidates[1:window]
         if c.answer is not None and c.passage.article_id == best.passage.article_id and not _background_year(c)
         and c.features.get("coverage", 0.0) > best.features.get("coverage", 0.0)
         and _a_figure_of_the_same_thing(c, best, analysis, word_likeness)), None))  # fmt: skip


def _a_figure_of_the_same_thing(candidate: Candidate, best: Candidate, analysis: QuestionAnalysis,
                                word_likeness: WordLikeness) -> bool:  # fmt: skip
    """Whether a figure measures what the best one does: the same unit ("about 1,500 fish", "About 4,100 dead
    trout"; not "2.4 million bushels" and "20 miles"), and, when the best says what it counts, a count that says
    so too, of what the question asks about (not "nine of 12 counts" for "17 homeowners",
    rag.something_else.counts_something_else)."""
    if not same_unit(candidate.answer_text() or "", best.answer_text() or "", analysis.focus):
        return False
    return counted_noun(best) is None or (counted_noun(candidate) is not None
                                          and not counts_something_else(analysis, candidate, word_likeness))


def _background_year(candidate: Candidate) -> bool:
    """Whether every year the candidate's sentence gives is years before its article's own."""
    written = year_written(candidate.passage.published)
    years = [int(y) for y in _A_YEAR.findall(candidate.text)]
    return bool(written is not None and years) and max(years) <= written - _YEARS_BEFORE_BACKGROUND


def of_the_time_asked_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                            word_likeness: WordLikeness = SAME_WORD_ONLY,
                            window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "How many books did the library lend last year?": when the best figure is given for no time the question
    names ("lent 18,250 books in 2022"), a figure of the same sentence or the next given for one comes first ("and
    19,700 last year"; "which now has 30" for "How many beds does it have now?"), or of any sentence when the best
    is given for another time; unless it is of something else. The order stays when the question names no time or
    none is."""
    asked = times_asked(analysis.question)
    best_times = figure_time(candidates[0]) if candidates else frozenset()
    if not candidates or not asked or matches(best_times, asked):
        return candidates
    best = candidates[0]
    following = _next_sentence_start(best)
    # a best figure given for another time gives way to one of any sentence given for the time asked
    anywhere = clash(best_times, asked)
    return _moved_first(candidates, next(
        (c for c in candidates[1:window]
         if (anywhere or (c.passage is best.passage and c.start in (best.start, following)))
         and matches(figure_time(c), asked)
         and not _of_something_else(c, analysis, word_likeness)), None))  # fmt: skip


def doer_of_the_act_aside_first(candidates: list[Candidate], analysis: QuestionAnalysis) -> list[Candidate]:
    """For "Who won the mayor race?": when the best name's sentence tells the act in a participle clause ("Delia
    Marchetti ousted Mayor Roy Hadfield, winning 6,412 votes") and the best is not the subject it shares, that
    subject's candidate of the same sentence comes first (rag.who_did_it.does_the_asked_act_aside)."""
    best = candidates[0]
    if does_the_asked_act_aside(analysis, best) is not False:
        return candidates
    return _moved_first(candidates, next(
        (c for c in candidates[1:CHECKED_FOR_MOOD] if c.passage is best.passage and c.start == best.start
         and does_the_asked_act_aside(analysis, c)), None))  # fmt: skip


def maker_of_the_work_first(candidates: list[Candidate], analysis: QuestionAnalysis) -> list[Candidate]:
    """For "Who did the audit of the ambulance times?" or "Who put together the report?": the one the article says
    the work is by ("The audit, carried out by the consulting firm Halberd & Quist, ...", "a report by the city's
    emergency director, Idris Falconbridge", "The study was conducted by ...") comes first, among the first few,
    before a name the sentence only tells the work of ("an audit presented to the Board of Selectmen")."""
    work = _work_asked(analysis)
    if work is None:
        return candidates
    return _moved_first(candidates, next((c for c in candidates[:CHECKED_FOR_MOOD] if made_by(c, work)), None))


def _work_asked(analysis: QuestionAnalysis) -> str | None:
    """The lemma of the work whose maker "Who did / wrote / carried out the N?" asks for ("audit"), else None."""
    if analysis.asked_slot not in ("subject", None) or analysis.question_word not in ("who", "which", "what"):
        return None
    for token in sentence_parse(analysis.question):
        verb = token.head
        if (token.dep_ == "dobj" and token.pos_ == "NOUN" and verb.lemma_.casefold() in _MAKING
                and not any(c.dep_ == "nsubj" and c.pos_ != "PRON"
                            and not any(d.lower_ in ("which", "what") for d in c.children)
                            for c in verb.children)):  # fmt: skip
            return token.lemma_.casefold()  # (not "What did the board do with the report?": the board did it)
    return None


# Verbs of making a piece of work: "Who did / conducted / wrote / put together the report?"
_MAKING = frozenset({"do", "conduct", "write", "prepare", "carry", "put", "compile", "produce", "author", "draft",
                     "draw", "perform", "run", "lead"})  # fmt: skip


def naming_the_questions_figure_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                                      window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "What will the levy cost the owner of a $300,000 house?": a figure the question names tells which case it
    asks of, so when the best figure's sentence (or the one before) does not give it ("raising about $9.8 million a
    year") and one of the same article does ("The owner of a $300,000 home will pay about $435 a year"), that one
    comes first."""
    figures = [c.keys for c in analysis.constraints if c.kind == "number"]
    if not candidates or not figures:
        return candidates
    best = candidates[0]
    if _names_the_figures(best, figures):
        return candidates
    return _moved_first(candidates, next(
        (c for c in candidates[1:window] if c.answer is not None and c.passage.article_id == best.passage.article_id
         and _names_the_figures(c, figures)), None))  # fmt: skip


def _names_the_figures(candidate: Candidate, figures: list[tuple[str, ...]]) -> bool:
    """Whether the candidate's sentence, or the one before, gives each figure (as its digits: "300000")."""
    digits = set(re.findall(r"\d+", with_sentence_before(candidate).replace(",", "")))
    return all(any(key in digits for key in keys) for keys in figures)


def _next_sentence_start(candidate: Candidate) -> int | None:
    """Where the sentence after the candidate's starts in its passage (None for the passage's last)."""
    return next((s for s, _ in sentence_spans(candidate.passage) if s >= candidate.end), None)


# "How many more officers ...?", "How much more will it cost?": the question asks for what is added, which news
# writing gives with "more" or the like after the number ("needs 12 more", "$2 million more", "15 additional beds").
_ASKS_HOW_MANY_MORE = re.compile(r"\bhow (?:many|much) (?:more|additional|extra)\b", re.IGNORECASE)
# ("30 or more", "five and more" give a least number, nothing added)
_ADDED_AFTER = re.compile(r"^\W*(?:(?!(?:or|and)\b)[\w-]+\s+)?(?:more|additional|extra)\b", re.IGNORECASE)
_ADDED_BEFORE = re.compile(
    r"\b(?:another|an additional|an extra|add|adds|added|adding)\s+(?:(?:about|roughly|nearly|some|up to)\s+)?$",
    re.IGNORECASE,
)


def added_first(candidates: list[Candidate]) -> list[Candidate]:
    """For "How many more employees will she need?": when the best value is not one of more ("The jail has 58
    employees"), the first of the next few that is comes first ("she will need 12 more"); the order stays when
    none is."""
    return _first_that(candidates, _an_addition)


# Words before a total: "for a total of 300", "bringing the total to 300" ("300 in all" only by `_TOTAL_AFTER`, for
# questions that ask what was added).
_TOTAL_BEFORE = re.compile(
    r"\b(?:a total of|totals?|totaling|totalling|bringing (?:it|them|(?:the|its|their) [\w-]+) to)\s+$",
    re.IGNORECASE
)


# Verbs whose object is what is added: "How many officers will the department hire?" is answered by "will hire 6
# more officers, for a total of 48" with 6. A closed class of English verbs.
_ADDING_VERBS = frozenset({"add", "hire", "recruit", "need", "gain", "create"})
# Verbs of a change, whose "How much ...?" asks by how much, not the level it reached ("How much will the bill rise?":
# "add about $4.75 a month to the bill ..., bringing it to $52.30"). A closed class of English verbs.
_CHANGING_VERBS = frozenset({"rise", "increase", "grow", "climb", "jump", "fall", "drop", "decline", "decrease",
                             "shrink", "go"})  # fmt: skip
# After a figure: it is a total ("210 beds in all", "$3 million altogether").
_TOTAL_AFTER = re.compile(r"(?:\s+[\w-]+){0,2}\s+(?:in all|altogether|in total)\b", re.IGNORECASE)


def total_first(
    candidates: list[Candidate], analysis: QuestionAnalysis, word_likeness: WordLikeness = SAME_WORD_ONLY,
    window: int = CHECKED_FOR_MOOD,
) -> list[Candidate]:
    """For "How many beds will the jail have after the expansion?" (no "more"): when the best value is what is added
    ("The plan adds 120 beds"), a total among the next few comes first ("for a total of 300"); the order stays when
    none is given. With the question's `analysis`: when it asks what is added ("How many officers will it hire?"),
    the other way round (`added_not_total_first`); and only a total in the addition's article that counts no other
    thing ("A total of 12 contractors bid")."""
    if (analysis.predicate in _CHANGING_VERBS - {"go"}) or _ASKS_A_CHANGE.search(analysis.question):
        candidates = change_not_level_first(candidates, window)
    if analysis.predicate in _ADDING_VERBS or analysis.predicate in _CHANGING_VERBS:
        return added_not_total_first(candidates, analysis, window)
    if not candidates or not _an_addition(candidates[0]):
        return candidates
    best = candidates[0]
    chosen = next((c for c in candidates[1:window] if _before_the_answer(c, _TOTAL_BEFORE, 30)
                   and c.passage.article_id == best.passage.article_id
                   and not rival_of_something_else(c, analysis, word_likeness)), None)  # fmt: skip
    return _moved_first(candidates, chosen)


# A question that asks by how much something changed ("By how much ...?", "How much will the bill go up?"); not "What's
# tuition going to be?".
_ASKS_A_CHANGE = re.compile(r"\bby how (?:much|many)\b|\b(?:go|goes|went|gone|going) (?:up|down)\b", re.IGNORECASE)
# Before a figure: it is a change ("an increase of $1.4 million", "up 12 percent", "rose by 300").
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:an?\s+)?(?:increase|rise|jump|hike|drop|decrease|decline|cut|reduction|gain|loss)\s+of"
    r"|[,;(]\s*(?:up|down)|\b(?:rose|rise|rises|increased|increases|grew|grows|fell|falls|dropped|drops|declined|"
    r"decreased|jumped|climbed|went up|go up|goes up|went down)(?:\s+by)?)\s+"
    r"(?:(?:about|nearly|roughly|almost|more than|less than|some)\s+)?$",
    re.IGNORECASE,
)


def change_not_level_first(candidates: list[Candidate], window: int = CHECKED_FOR_MOOD) -> list[Candidate]:
    """For "By how much did the budget increase?": when the best figure is no change ("adopted a $38.6 million
    budget"), a figure of its sentence given as one comes first (", an increase of $1.4 million"); the order stays
    when none is."""
    if not candidates or _before_the_answer(candidates[0], _CHANGE_BEFORE, 30):
        return candidates
    best = candidates[0]
    return _moved_first(candidates, next(
        (c for c in candidates[1:window] if c.passage is best.passage and c.start == best.start
         and _before_the_answer(c, _CHANGE_BEFORE, 30)), None))  # fmt: skip


# Verbs that ask for where a span of days ends or starts ("When does early voting end?"), and what joins a span's
# two ends ("runs Oct. 21 through Nov. 2", "from May 3 to May 9"). Closed classes of English words.
_ENDING_VERBS = frozenset({"end", "finish", "expire", "conclude", "wrap"})
_STARTING_VERBS = frozenset({"begin", "start", "open", "commence", "kick", "launch"})
_SPAN_JOINT = re.compile(r"\s*(?:through|thru|to|until|till|[-–—])\s*", re.IGNORECASE)


def span_end_first(candidates: list[Candidate], analysis: QuestionAnalysis) -> list[Candidate]:
    """For "When does early voting end?": when the best date opens a span of its sentence ("runs Oct. 21 through Nov.
    2"), the date that closes it comes first; for "When does it start?", the other way round. The order stays
    otherwise ("When does it run?" asks for both, which the best one's sentence gives)."""
    if not candidates or candidates[0].answer is None or analysis.predicate not in _ENDING_VERBS | _STARTING_VERBS:
        return candidates
    best = candidates[0]
    text = best.passage.text
    ending = analysis.predicate in _ENDING_VERBS
    for other in candidates[1:]:
        if other.passage is not best.passage or other.start != best.start or other.answer is None:
            continue
        first, second = (best.answer, other.answer) if ending else (other.answer, best.answer)
        if first[1] < second[0] and _SPAN_JOINT.fullmatch(text, first[1], second[0]):
            return _moved_first(candidates, other)
    return candidates


def added_not_total_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                          window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "How many firefighters did the department hire this year?" or "How much will the bill rise?": when the best
    value is the total the hiring or the change brought it to ("hired seven new firefighters this year, bringing its
    roster to 58"; "210 beds in all"), a value of the same passage among the next few that was added comes first;
    when none was, the first few that are no totals."""
    if not candidates or not _a_total(candidates[0]):
        return candidates
    best = candidates[0]
    # one that was added, on the question's verb or after "add" ("will add 36 beds"), not another level ("up from 136
    # now"); failing one, none of the totals answers
    added = next((c for c in candidates[1:window]
                  if c.passage is best.passage and not _a_total(c)
                  and (_an_addition(c) or answer_clause(analysis, c)["answer_on_predicate"])), None)  # fmt: skip
    return _moved_first(candidates, added) if added else [c for c in candidates[:window] if not _a_total(c)]


def _a_total(candidate: Candidate) -> bool:
    """"for a total of 300", "bringing its roster to 58", "210 beds in all"."""
    entity = candidate.answer
    return entity is not None and (_before_the_answer(candidate, _TOTAL_BEFORE, 30)
                                   or bool(_TOTAL_AFTER.match(candidate.passage.text, entity[1], candidate.end)))


def _an_addition(candidate: Candidate) -> bool:
    entity = candidate.answer
    return entity is not None and bool(
        _ADDED_AFTER.match(candidate.passage.text[entity[1] : entity[1] + 30])
        or _before_the_answer(candidate, _ADDED_BEFORE, 20)
    )


# Verbs of going or of taking someone or something somewhere, whose "where" is a destination: "Where was the
# driver taken?", "Where will the buses be rerouted?". A closed class of English verbs.
_MOTION_VERBS = frozenset({
    "go", "take", "send", "move", "fly", "bring", "head", "transfer", "relocate", "reroute", "detour", "divert",
    "evacuate", "transport", "carry", "airlift", "rush", "drive", "return", "shift", "redirect", "ship", "haul",
})  # fmt: skip
# Such a verb in a question that asks no destination: where from ("Where was she transferred from?", not "Where
# was he taken from the scene?"), where something left its way ("Where did the car go off the road?", "Where did
# the plane take off?"), where something happened ("Where will the festival take place?", "Where did the hikers go
# missing?"), and a way or a spot asked by a preposition ("Along what road would the panels have gone?", "On which
# street will the buses go?").
_NOT_GOING_TO = re.compile(
    r"\b(?:[Ff]rom(?!\s+(?:the|a|an|his|her|their|its)\b|\s+[A-Z])|off|missing|"
    r"t(?:ake|akes|aking|ook|aken)\s+(?:place|part))\b"
    r"|^\W*(?:[Aa]long|[Oo]n|[Aa]t|[Nn]ear|[Bb]eside|[Ii]n|[Tt]hrough|[Aa]cross|[Pp]ast)\s+(?:what|which)\b"
)
# "to" or "into" before a value, perhaps with the place the value is in: where someone or something goes
# ("flown to Tarnby General Hospital", "sent to the Quay Street bridge", "move the work to its
# larger plant in Orlow", "moved to Station 1 on Tannery Square"); not "according to", "next to" and the like, which
# go nowhere, nor "spoke to reporters at the hospital".
_TO_BEFORE = re.compile(
    r"(?<!\baccording )(?<!\bnext )(?<!\bdue )(?<!\bclose )(?<!\bthanks )(?<!\bcompared )(?<!\bprior )"
    r"(?<!\bclosest )(?<!\bnearest )\b(?:to|into|toward|towards)\s+"
    r"(?:(?:the|its|their|his|her|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:in|at)\s+"
    r"|(?-i:[A-Z][\w'’-]*)(?:\s+[\w'’-]+){0,2}?\s+(?:in|on|at)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_TO_REACH = 60


def destination_first(candidates: list[Candidate]) -> list[Candidate]:
    """For "Where was the driver taken?": when the best place is not one anyone goes to ("a crash a mile north of
    Selby"), the first of the next few that follows "to" comes first ("flown to Tarnby General Hospital"); the order
    stays when none does."""
    return _first_that(candidates, lambda c: _before_the_answer(c, _TO_BEFORE, _TO_REACH) and not _given_to(c))


def _given_to(candidate: Candidate) -> bool:
    """Whether the "to" before the candidate's value is that of something given ("awarded an emergency contract of
    $212,000 to Vellacourt Environmental Services"), which goes nowhere."""
    if candidate.answer is None:
        return False
    before = candidate.answer[0] - candidate.start  # (the value's place in the sentence)
    to = [t for t in sentence_parse(candidate.text) if t.lower_ == "to" and before - _TO_REACH <= t.idx < before]
    return bool(to) and to[-1].head.lemma_.casefold() in _GIVING


# Verbs of giving, whose "to" names who gets something, not a place anyone goes to.
_GIVING = frozenset({"award", "give", "grant", "pay", "sell", "lease", "donate", "loan", "owe", "offer", "assign",
                     "hand", "contract"})  # fmt: skip


def decided_upon_first(candidates: list[Candidate], window: int = CHECKED_FOR_MOOD) -> list[Candidate]:
    """The best is a body that decided something other than the question asks ("The Harlan County Board of
    Education voted to hire Marcus Reid" for "Who became superintendent?"): another name of the same sentence among
    the first few comes first, the one the decision is about; the order stays when there is none."""
    best = candidates[0]
    same = [c for c in candidates[1:window] if decided_upon(best, c)]
    # a person before an organisation, as for any "Who ...?" ("Marcus Reid", not "Harlan High School" he led)
    return _moved_first(candidates, next((c for c in same if c.features.get("answer_first_kind")),
                                         same[0] if same else None))  # fmt: skip


def named_by_focus_first(candidates: list[Candidate], analysis: QuestionAnalysis,
                         window: int = CHECKED_FOR_MOOD) -> list[Candidate]:  # fmt: skip
    """For "Which council members ...?" asked of sentences: the first of the first few sentences that put names
    right after the noun asked about ("Council members Rita Okafor and Dale Pruitt cast the dissenting votes")
    comes first, ahead of a sentence about the vote that names none of them. Only a sentence with the question's
    verb ("Council members Lena Hart and Bram Oyelaran abstained" did not vote against anything), on its side of
    a vote, that does not give the noun as another's, with one name for "Which member ...?"; and not past a
    sentence ranked ahead that tells of the same and names someone ("Wade Kessel was the only council member to
    vote against it" may well say who)."""
    asked = asked_side(analysis.question)
    verb = all_stems(" ".join(analysis.predicate_forms))
    focus = all_stems(analysis.focus or "")
    question = normalise(analysis.question)
    for candidate in candidates[:window]:
        said = all_stems(candidate.text)
        if verb and not verb & said:
            continue
        side = vote_side(candidate.text)
        if asked and side and side != asked:
            continue  # "Which members voted against ...?": not those a sentence says voted yes
        names = named_by_focus(analysis, candidate)
        if len(names) > 1 and not analysis.focus_is_plural:
            continue  # "Which commissioner ...?" asks for one of the two a sentence names
        if names and not _focus_of_another(analysis, candidate):
            return _moved_first(candidates, candidate)
        if (verb or focus & said) and names_a_person(candidate, question):
            return candidates  # "Ines Carrow and Toby Fenn were the two council members who voted against it"
    return candidates


def _focus_of_another(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether the sentence gives the noun asked about as another's: a name just before it (past the words the
    question puts before it too) that the question does not put there: "Norvish leader Ada Renn" for "Which Kell
    leader ...?", "Dunmore council members" for "Which Kell council members ...?"."""
    focus = set(stems(analysis.focus or ""))
    question_words = [normalise(w) for w in _WORD.findall(analysis.question)]
    at = next((i for i, w in enumerate(question_words) if focus & set(stems(w))), None)
    modifiers = set(question_words[max(0, (at or 0) - _MODIFIER_WORDS) : at or 0])
    passage = candidate.passage
    found = list(_WORD.finditer(passage.text, candidate.start, candidate.end))
    for i, match in enumerate(found):
        if not focus & set(stems(match.group())):
            continue
        j = i - 1
        while j >= 0 and normalise(found[j].group()) in modifiers:
            j -= 1  # "council" of "Dunmore council members", which the question has too
        if j < 0:
            continue
        word_start = found[j].start()
        for s, e, label in passage.entities:
            if label in _OWNER_LABELS and s <= word_start < e:
                if not set(normalise(passage.text[s:e]).split()) & modifiers:
                    return True
    return False


# How many words before the noun a question may qualify it with ("Which Fallowmere city council members").
_MODIFIER_WORDS = 3
_OWNER_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC"})


def _of_something_else(candidate: Candidate, analysis: QuestionAnalysis, word_likeness: WordLikeness) -> bool:
    """"How many cars ...?": "14 intersections", or "Merriwold's 11 cars" for Kinloss; "What is the rent?": "$38
    million in financing"; "When were the repairs done?": the day of the vote to do them; "What was the rate in
    June?": March's. Each check applies to one kind of question only."""
    return something_else_check(candidate, analysis, word_likeness) is not None


def something_else_check(candidate: Candidate, analysis: QuestionAnalysis, word_likeness: WordLikeness) -> str | None:
    """The name of the first check that finds the candidate's value of something else than asked
    (`_SOMETHING_ELSE_CHECKS`, in order), or None; `rag eval funnel` says which rule dropped a right answer by it."""
    for check, reads_likeness in _SOMETHING_ELSE_CHECKS:
        found = check(analysis, candidate, word_likeness) if reads_likeness else check(analysis, candidate)
        if found:
            return check.__name__.lstrip("_")
    return None


# What stands before the level a change starts from ("will rise *from* $95 to $125"), and words that tell a figure
# of what is to come holds now ("will remain $22 a month", "now has to take in").
_A_LEVEL_NOW = re.compile(r"\bfrom\s+$")
_NOW_IN_IT = re.compile(r"(?i)\b(?:now|currently|remains?|remain(?:ed|ing)|stays?|continues?|still)\b")


def _given_for_another_time(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """"What was the jobless rate in June?": not "6.1 percent in March" (`rag.value_times.clash`); "How many went
    last year?": not the 800 of "first held in 1998", a year long before the article's; "How many does it hold
    now?": not a figure of what would or will be."""
    if analysis.answer_type not in _TIME_CHOOSES:
        return False
    if _from_before_a_year_not_told(analysis, candidate) or _of_a_past_year_not_told(analysis, candidate):
        return True
    times, asked = figure_time(candidate), times_asked(analysis.question)
    if ("rel:now" in asked and told_as_to_come(candidate) and not _NOW_IN_IT.search(candidate.text)
            and not _A_LEVEL_NOW.search(candidate.passage.text, max(0, candidate.answer[0] - 6), candidate.answer[0])):
        return True  # "How many cubic yards does it hold right now?": not what an expansion "would add" (but "will
        # rise from $95 to $125" gives the fee now, "will remain $22" and "now has to take in 900 tons" too)
    published = candidate.passage.published
    resolved = times if _told_from_another_time(candidate) else with_years_of_writing(times, published)
    if resolved:
        resolved = with_the_year_of_its_week(resolved, published)
    else:  # (the year of the sentence's week only: its weekday is the clause's of another figure, not this one's)
        week = sentence_week(candidate)
        resolved = with_the_year_of_its_week(week, published) - week
    return clash(resolved, asked) or _long_before(times, asked, published)


# The checks of `_of_something_else`, in the order they are tried, and whether each reads word likeness.
_SOMETHING_ELSE_CHECKS: tuple[tuple[Callable[..., bool], bool], ...] = (
    (counts_something_else, True), (counts_instead_of_an_amount, True), (counts_those_taken_on, False),
    (counts_votes_not_asked, False), (counts_anothers, False), (a_sum_of_anothers, False), (of_another_person, False),
    (paid_to_another_person, False), (done_by_another_named, False), (saved_for_another_named, False),
    (given_for_another_named, False),
    (held_not_done, False), (held_for_now, False), (leaves_the_post, False), (lasts_for_another_tenure, False),
    (done_to_other_people, False), (sums_something_else, True), (pays_someone_else, True),
    (sizes_something_else, True), (lasts_for_something_else, True), (shares_something_else, True),
    (pays_for_something_else, True), (prices_another_thing, True), (paid_out_by_another, False),
    (dates_another_event, False), (dates_another_named_ones_act, False), (dates_what_was_done, False),
    (dates_a_habit_not_an_event, False), (dated_before_its_article, False), (dates_a_thing_or_a_state, False),
    (dates_an_event_not_told, True), (done_the_other_way, False), (acts_rather_than_places, False),
    (done_in_another_place, False), (approximate_for_exact, False), (only_said_it, False),
    (made_no_work_told, False), (names_what_it_is_done_to, False), (names_one_by_its_number, False),
    (a_population, False), (_given_for_another_time, False),
)


# "before 2016", "before the 2017 fare increase", "before it was changed in 2018": the year a question asks a figure of
# the time before.
_BEFORE_A_YEAR = re.compile(r"(?i)\bbefore\b(?:\s+[\w'’-]+){0,5}?\s+((?:19|20)\d\d)\b")


def _years_told(candidate: Candidate) -> set[int]:
    """The years the candidate's sentence and the one before it name."""
    return {int(year) for year in YEAR.findall(with_sentence_before(candidate))}


def _from_before_a_year_not_told(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """"What was the fare before the 2017 increase?": a figure told with no year up to 2017, in its sentence or the
    one before, is of its article's own time, years later ("will pay $9.25 starting May 1, up from $7.50" in an
    article of 2025 gives the fare before this year's increase). Not when the article is of that year itself."""
    asked = _BEFORE_A_YEAR.search(analysis.question)
    written = year_written(candidate.passage.published)
    if asked is None or written is None or int(asked.group(1)) >= written:
        return False
    return not any(year <= int(asked.group(1)) for year in _years_told(candidate))


# How many years before its article's a year must be for a figure of it to be told with the year: an article gives
# the figures of its own year and the last two without naming them ("last year", "in 2022" told a sentence earlier).
_YEARS_BEFORE_TOLD = 3


def _of_a_past_year_not_told(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """"How much did the 1998 landfill expansion cost?": in an article of 2025, a figure whose sentence, and the one
    before, name not 1998 ("The expansion will cost $14.6 million") is of the article's own time. Only when every
    year the question names is that far back."""
    years = {int(t.partition(":")[2]) for t in times_asked(analysis.question) if t.startswith("year:")}
    written = year_written(candidate.passage.published)
    if not years or written is None or any(year > written - _YEARS_BEFORE_TOLD for year in years):
        return False
    return not years & _years_told(candidate)


def _told_from_another_time(candidate: Candidate) -> bool:
    """Whether "last year" or "this year" in the candidate's sentence may not be its article's: the sentence names
    a year of its own ("In a 2019 report, the state said ... last year"), the time is another figure's after the
    value ("8.4 percent over this year's spending"), or it is in a clause on another verb before it ("which opened
    last year, employs 300")."""
    if candidate.answer is None or _A_YEAR.search(candidate.text):
        return True
    text, start, end = candidate.passage.text, candidate.answer[0], candidate.answer[1]
    return bool(_A_YEARS_OWN.search(text, end, candidate.end) or _IN_A_CLAUSE_BEFORE.search(text, candidate.start,
                                                                                             start))  # fmt: skip


# A time said from the day of writing that is another thing's, after the value ("over this year's spending"), and
# one in a relative clause before it ("which opened last year").
_A_YEARS_OWN = re.compile(r"(?i)\b(?:this|last|next)\s+year['’]s\b")
_IN_A_CLAUSE_BEFORE = re.compile(r"(?i)\b(?:which|who|when)\b[^,;]*\b(?:this|last|next)\s+year\b")
# How many years before an article's own a year is that "last year" or "this year" in a question cannot mean.
_YEARS_BEFORE_RECENT = 2


def _long_before(times: frozenset[str], asked: frozenset[str], published: str | None) -> bool:
    """Whether a figure is given only for years well before its article's (`published`, "2025-06-11") and the
    question asks of a recent one ("last year", "this year", "now")."""
    written = year_written(published)
    years = [int(t.partition(":")[2]) for t in times if t.startswith("year:")]
    recent = asked & {"rel:last year", "rel:this year", "rel:now"}
    return bool(recent and years and written is not None) and max(years) < written - _YEARS_BEFORE_RECENT


def _where_the_person_is_named(candidates: list[Candidate], analysis: QuestionAnalysis) -> list[Candidate]:
    """"Why did Wexcombe vote no?": only a reason given where she is named (in the sentence or just before it, for
    "she said"), not one Fitch gave. Only when the question names one person, whom the articles name as a person
    and as nothing else (the model may take a town in a question for a person); a word of the name will do
    ("Wexcombe said")."""
    people = [name for name, label in analysis.entities if label == "PERSON"]
    if len(people) != 1:
        return candidates
    name_words = {word for word in people[0].split() if len(word) > 2}
    labels = {label for c in candidates for s, e, label in c.passage.entities
              if name_words & set(_WORD.findall(c.passage.text[s:e]))}  # fmt: skip
    if "PERSON" not in labels or labels & {"GPE", "LOC", "FAC", "ORG"}:
        return candidates
    return [c for c in candidates
            if name_words & set(_WORD.findall(c.passage.text[max(0, c.start - NAMED_BEFORE) : c.end]))]  # fmt: skip


def _sentence_before(candidate: Candidate) -> str:
    before = span_before(candidate)
    return candidate.passage.text[before[0] : before[1]] if before else ""


# Labels a "which <role>" question can be answered with when the sentence puts a name beside the role.
_NAMED_LABELS = ("PERSON", "ORG", "GPE", "FAC", "LOC")
# Prepositions after which a name says where, not what the noun before is called ("the largest employer in Tansy
# Ferry"); not "of", which names ("the city of Tarrow").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "for", "to", "on", "by", "with", "outside"})
# How many words may separate the role noun from the name ("council members Ada Kettering").
ROLE_WINDOW = 3


def named_by_focus(analysis: QuestionAnalysis, candidate: Candidate) -> list[str]:
    """For "Which council members ...?": the names the sentence puts right after the asked-for noun, as in
    "Council members Ada Kettering and Gerald Tallis voted against" (a name joined to one by "and" counts too).
    Empty when the question asks for no kind of thing (its focus is only what it is about: `focus_asked`) or the
    sentence names none that way."""
    if analysis.question_word not in ("which", "what", "who") or not analysis.focus:
        return []
    if analysis.question_word != "who" and not analysis.focus_asked:
        return []  # "What did the council members say?" asks what they said, not who they are
    focus = set(stems(analysis.focus))
    text, passage = candidate.text, candidate.passage
    asked = normalise(analysis.question)
    names: list[str] = []
    last_end: int | None = None
    previous_end = candidate.start  # the words before a name are read back to the name before it, not past it
    for s, e, label in sorted(passage.entities):
        if s < candidate.start or e > candidate.end:
            continue
        name = passage.text[s:e]
        before = passage.text[max(previous_end, s - 60) : s].split()[-ROLE_WINDOW:]
        # "the largest employer in Tansy Ferry": a place after a preposition is where, not the employer's name
        # (not past a comma: "the only school in town, Fenwick Academy" names the school)
        cut = max((i + 1 for i, w in enumerate(before) if w.casefold() in _PLACE_PREPOSITIONS), default=0)
        if not any(w.endswith(",") for w in before[cut:]):
            before = before[cut:]
        previous_end = max(previous_end, e)
        if label not in _NAMED_LABELS:
            continue
        joined = last_end is not None and passage.text[last_end:s].strip() in (",", "and", ", and", "or")
        # "Which airport ...?": "the Quenby-Marsh Airport" names one of the kind asked for in its own words (the
        # first such name: "Harlan Middle School will close, and its students will move to Orrin Elementary School")
        kind_in_name = not names and bool(focus & set(stems(_name_head(name))))
        if (focus & set(stems(" ".join(before))) or joined or kind_in_name) and normalise(name) not in asked:
            names.append(name)
            last_end = e
    return names if text else []


def _name_head(name: str) -> str:
    """The word that says what a name names: the one before "of" ("Board of Regents" is a board, "University of
    Kessford" a university), else the last ("Carrick Park", "the Quenby-Marsh Airport")."""
    named = name.split()
    if "of" in named[1:]:
        return named[named.index("of", 1) - 1]
    return named[-1] if named else ""
