"""The checks of rag.answer_clause on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.rag.candidate_helpers import _passage, _tagged, _value_candidate

if TYPE_CHECKING:
    from rag.word_likeness import WordLikeness


def test_the_verb_governing_a_value_must_be_the_questions_verb() -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    def on_predicate(question: str, text: str, value: str, label: str) -> float:
        return answer_clause(analyse(question), _value_candidate(text, value, label))["answer_on_predicate"]

    voted = "How many residents voted for the Corvale budget?"
    assert on_predicate(voted, "About 240 residents filled the gym.", "About 240", "CARDINAL") == 0
    assert on_predicate(voted, "In all, 212 residents voted for it.", "212", "CARDINAL") == 1
    hire = "How many workers will the plant hire?"
    assert on_predicate(hire, "The plant expects to hire 120 workers.", "120", "CARDINAL") == 1
    assert on_predicate("What is the budget?", "It is $4 million.", "$4 million", "MONEY") == 1
    # the parser hangs a question's verb off a name ("has Corvale Dairy hired"): it is still the question's verb
    hired = "How many drivers has Corvale Dairy hired?"
    assert on_predicate(hired, "Corvale Dairy has hired 35 drivers.", "35", "CARDINAL") == 1
    assert on_predicate(hired, "Corvale Dairy owns 35 trucks.", "35", "CARDINAL") == 0
    # "give", "said", "told" are stopwords to BM25, and still the verb a question asks about
    gave = "Pell County gave Lanford 30 days to repair the levee."
    assert on_predicate("How long did Pell County give Lanford?", gave, "30 days", "DATE") == 1


def test_a_verb_like_the_questions_counts_more_than_another_verb(likeness: "WordLikeness") -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    def graded(question: str, text: str, value: str, label: str, words: object = likeness) -> float:
        candidate = _value_candidate(text, value, label)
        return answer_clause(analyse(question), candidate, words)["predicate_similarity"]  # type: ignore[arg-type]

    injured = "How many hikers were injured in the Tarn Ridge rockfall?"
    hurt = graded(injured, "Four hikers were bruised when rocks fell on the Tarn Ridge trail.", "Four", "CARDINAL")
    guided = graded(injured, "Four hikers guided the rangers up the Tarn Ridge trail.", "Four", "CARDINAL")
    assert hurt > guided
    # the same verb is 1 whatever the likeness; without an encoder another verb is 0
    assert graded(injured, "Four hikers were injured on Tarn Ridge.", "Four", "CARDINAL") == 1.0
    assert graded(injured, "Four hikers were bruised on Tarn Ridge.", "Four", "CARDINAL", SAME_WORD_ONLY) == 0.0
    # a verb of the same act in other words is the question's verb (rag.query.same_act)
    assert graded(injured, "Four hikers were hurt on Tarn Ridge.", "Four", "CARDINAL", SAME_WORD_ONLY) == 1.0


def test_a_count_of_another_thing_scores_below_a_count_of_the_thing_asked(likeness: "WordLikeness") -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    def counted(question: str, text: str, value: str) -> float:
        candidate = _value_candidate(text, value, "CARDINAL")
        return answer_clause(analyse(question), candidate, likeness)["counted_similarity"]

    beds = "How many beds does the Fennick clinic have?"
    assert counted(beds, "The Fennick clinic has 40 beds.", "40") == 1.0
    cots = counted(beds, "The Fennick clinic has 40 cots.", "40")
    spaces = counted(beds, "The Fennick clinic has 40 parking spaces.", "40")
    assert 1.0 > cots > spaces
    # a number that counts no noun has nothing to compare; nor has a question that is no count
    assert counted(beds, "The count of beds at the Fennick clinic rose to 40.", "40") == 1.0
    assert counted("When did the Fennick clinic open?", "The clinic opened in 1998 with 40 cots.", "40") == 1.0


def _compared_nouns(question: str, text: str, value: str, label: str = "CARDINAL") -> tuple[float, list[str]]:
    """`counted_similarity`, and the words of the sentence that word likeness compared with the question's
    focus (0.5 for any two words), so a test sees which noun was taken for the one counted."""
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    analysis = analyse(question)
    asked: list[str] = []

    def likeness(first: str, second: str) -> float:
        if first == analysis.focus:  # not the question's verb, which is compared too
            asked.append(second)
        return 0.5

    features = answer_clause(analysis, _value_candidate(text, value, label), likeness)
    return features["counted_similarity"], asked


def test_the_noun_a_number_counts_is_found_in_the_usual_phrasings() -> None:
    homes = "How many homes were damaged on Quarry Lane?"
    # "12 of the 40 cars": the 12 are cars, though the parser hangs "12" on the verb
    assert _compared_nouns(homes, "Flooding damaged 12 of the 40 homes on Quarry Lane.", "12") == (1.0, [])
    assert _compared_nouns(homes, "Flooding damaged 12 of the 40 cars on Quarry Lane.", "12") == (0.5, ["car"])
    residents = "How many residents signed the Ostrey petition?"
    assert _compared_nouns(residents, "Hundreds of tourists signed the Ostrey petition.", "Hundreds")[1] == ["tourist"]
    trucks = "How many trucks were parked at the Velmont depot?"
    assert _compared_nouns(trucks, "A dozen vans were parked at the Velmont depot.", "dozen")[1] == ["van"]
    assert _compared_nouns(trucks, "Sixty-odd vans were parked at the Velmont depot.", "Sixty-odd")[1] == ["van"]
    # an answer that holds its unit counts that unit, also when the parser hangs it on the noun after it
    acres = "How many acres has the Cobbs Ferry fire burned?"
    assert _compared_nouns(acres, "The 1,200-acre fire near Cobbs Ferry is contained.", "1,200-acre",
                           "QUANTITY") == (1.0, [])  # fmt: skip
    homes_burned = "How many homes has the Cobbs Ferry fire burned?"
    assert _compared_nouns(homes_burned, "The Cobbs Ferry fire has burned 1,200 acres.", "1,200 acres",
                           "QUANTITY")[1] == ["acre"]  # fmt: skip


def test_a_number_after_its_noun_is_compared_with_nothing() -> None:
    # "Room 12" names a room, "population 4,300" gives a population's value: neither counts its noun, and
    # "population" is not what "How many people" counts
    people = "How many people live in Ostrey?"
    assert _compared_nouns(people, "Ostrey, population 4,300, sits on the Wend river.", "4,300") == (1.0, [])
    passengers = "How many passengers were on the Linwick flight?"
    assert _compared_nouns(passengers, "Linwick Flight 212 landed late.", "212") == (1.0, [])


def test_only_the_thing_counted_or_measured_is_compared_with_the_noun_a_number_counts() -> None:
    # "how tall", "how big", "how often": the focus is what is measured, the number counts stories, people, times
    assert _compared_nouns("How tall is the Osgood tower?", "The Osgood tower rises 40 stories.", "40") == (1.0, [])
    assert _compared_nouns("How big was the crowd in Ostrey?", "About 3,000 people filled the Ostrey square.",
                           "About 3,000") == (1.0, [])  # fmt: skip
    ferry = "How often does the Linwick ferry sail?"
    assert _compared_nouns(ferry, "The Linwick ferry sails 12 times a day.", "12") == (1.0, [])
    # "how much N": N against what the unit measures, when the sentence says it
    water = "How much water did Corbridge use in June?"
    assert _compared_nouns(water, "Corbridge used 4 million gallons of water in June.", "4 million gallons",
                           "QUANTITY") == (1.0, [])  # fmt: skip
    assert _compared_nouns(water, "Corbridge used 4 million gallons of fuel in June.", "4 million gallons",
                           "QUANTITY") == (0.5, ["fuel"])  # fmt: skip
    assert _compared_nouns(water, "Corbridge used 4 million gallons in June.", "4 million gallons",
                           "QUANTITY") == (1.0, [])  # fmt: skip


def test_a_question_about_what_will_happen_is_not_answered_by_what_happened() -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    def agrees(question: str, text: str, value: str, label: str) -> float:
        return answer_clause(analyse(question), _value_candidate(text, value, label))["mood_agrees"]

    will_open = "When will the Lanford library open its new branch?"
    opened = "The Lanford library, which opened its east branch in March, will add a third one."
    assert agrees(will_open, opened, "March", "DATE") == 0
    assert agrees(will_open, "The Lanford library said it would open the branch in May.", "May", "DATE") == 1
    # a condition is no fact, whatever its tense
    conditional = "Lanford would close the pool if the county refused to pay within 30 days."
    assert agrees("How long would the county have before the pool closes?", conditional, "30 days", "DATE") == 1
    # news reports plans before they happen: a past-tense question may be answered by an announced date
    assert agrees("When did Lanford vote on the levy?", "Lanford voters will decide on May 6.", "May 6", "DATE") == 1
    assert agrees("How long is the Lanford contract?", "It signed a three-year contract.", "three-year", "DATE") == 1


@pytest.mark.parametrize(
    ("question", "text", "agrees"),
    [
        # what has been done up to now is not what is planned
        ("How many drivers has Orlow Dairy hired so far?", "Orlow Dairy expects to hire 120 drivers by May.", 0.0),
        ("How many drivers has Orlow Dairy hired?", "Orlow Dairy expects to hire 120 drivers by May.", 0.0),
        ("How many drivers has Orlow Dairy hired?", "Orlow Dairy has hired 120 drivers since May.", 1.0),
        # "is to hire": what is arranged, not done
        ("How many drivers has Orlow Dairy hired so far?", "Orlow Dairy is to hire 120 drivers by May.", 0.0),
        # a question about a plan is answered by one; and news reports plans before they happen
        ("How many drivers has Orlow Dairy promised to hire?", "Orlow Dairy expects to hire 120 drivers.", 1.0),
        ("How many drivers did Orlow Dairy hire?", "Orlow Dairy expects to hire 120 drivers by May.", 1.0),
        # a verb of intention with the value for its object: planned, not done
        ("How many homes has Orlow Builders finished so far?", "Orlow Builders plans 120 homes on the old farm.", 0.0),
        ("How many homes has Orlow Builders finished so far?", "Orlow Builders has finished 120 homes.", 1.0),
        ("How many homes will Orlow Builders put up?", "Orlow Builders plans 120 homes on the old farm.", 1.0),
        ("How many homes will Orlow Builders put up?", "Orlow Builders wants 120 homes on the old farm.", 1.0),
        ("How many teachers has the Lund district hired so far?", "The Lund district needs 120 teachers.", 0.0),
        # the value is who did it, not what was meant: the families did request them
        ("How many families have applied for vouchers so far?", "About 120 families have requested vouchers.", 1.0),
        # the question asks about that verb itself
        ("How many volunteers did the Corbin food bank need?", "The Corbin food bank needed 120 volunteers.", 1.0),
    ],
)
def test_a_plan_does_not_answer_what_has_been_done_so_far(question: str, text: str, agrees: float) -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    assert answer_clause(analyse(question), _value_candidate(text, "120", "CARDINAL"))["mood_agrees"] == agrees


@pytest.mark.parametrize(
    ("question", "text", "value", "label", "agrees"),
    [
        ("Where will Orlow riders catch the bus?", "The bus will no longer stop on Elm Street.", "Elm Street",
         "FAC", 0.0),
        ("Where did the Orlow council meet?", "The council did not meet at Town Hall.", "Town Hall", "FAC", 0.0),
        # "not ... until" says when; a participle standing for a preposition denies nothing
        ("When will the Orlow pool reopen?", "The pool will not reopen until June 1.", "June 1", "DATE", 1.0),
        # "not ... since" says when it last was
        ("In what year was the Orlow harbor last dredged?", "The harbor has not been dredged since 2011.", "2011",
         "DATE", 1.0),
        ("In what year did Orlow annex Pell?", "That is the land, not including the 2014 annexation of Pell.",
         "2014", "DATE", 1.0),
        # a question that denies something may be answered by a clause that denies it
        ("Which street will the Orlow bus not serve?", "The bus will no longer stop on Elm Street.",
         "Elm Street", "FAC", 1.0),
    ],
)  # fmt: skip
def test_a_clause_that_denies_what_is_asked_does_not_answer_it(
    question: str, text: str, value: str, label: str, agrees: float
) -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    assert answer_clause(analyse(question), _value_candidate(text, value, label))["mood_agrees"] == agrees


@pytest.mark.parametrize(
    ("question", "text", "names", "fitting"),
    [
        ("Who bought the hardware store?", "Gordon Ames, 71, sold the store to longtime employee Marcus Reyes in July.",
         ("Gordon Ames", "Marcus Reyes"), "Marcus Reyes"),
        ("Who sold the hardware store?", "Marcus Reyes bought the store from Gordon Ames in July.",
         ("Marcus Reyes", "Gordon Ames"), "Gordon Ames"),
        ("Which firm won the paving contract?", "Tolland Holdings awarded the paving contract to Orrick Paving Co.",
         ("Tolland Holdings", "Orrick Paving Co."), "Orrick Paving Co."),
        # the question's own verb: who it was bought from did not buy it
        ("Who bought the hardware store?", "Marcus Reyes bought the store from Gordon Ames in July.",
         ("Marcus Reyes", "Gordon Ames"), "Marcus Reyes"),
        # the parser hangs "to" on the object here
        ("Which company received a tax break?", "Tolland Holdings awarded a 10-year tax break to Orrick Plastics.",
         ("Tolland Holdings", "Orrick Plastics"), "Orrick Plastics"),
    ],
)
def test_a_party_to_an_exchange_told_from_its_other_side_is_the_one_after_its_preposition(
    question: str, text: str, names: tuple[str, str], fitting: str
) -> None:
    """"Who bought ...?" is answered by whom it was sold to, not by who sold it."""
    from rag.answer_clause import clause_agrees
    from rag.candidates import find_candidates
    from rag.query import analyse

    passage = _passage(text, _tagged(text, "PERSON" if question.startswith("Who ") else "ORG", *names))
    found = find_candidates(analyse(question), [passage], idf=lambda stem: 1.0)
    assert {c.answer_text() for c in found} >= set(names)
    assert [c.answer_text() for c in found if clause_agrees(analyse(question), c)] == [fitting]


HIRED = "The Tarnby City Council voted 5-2 on Monday to hire Sheriff's Capt. Wenna Colquite as its police chief."
PASSIVE = "Wenna Colquite was hired by the Tarnby City Council on Monday."


@pytest.mark.parametrize(
    ("question", "text", "value", "label", "fills"),
    [
        # the one hired, not the one hiring, and the other way round
        ("Whom did the Tarnby council hire as police chief?", HIRED, "Wenna Colquite", "PERSON", 1.0),
        ("Whom did the Tarnby council hire as police chief?", HIRED, "The Tarnby City Council", "ORG", 0.0),
        ("Who hired Wenna Colquite?", HIRED, "The Tarnby City Council", "ORG", 1.0),
        ("Who hired a police chief on Monday?", HIRED, "Wenna Colquite", "PERSON", 0.0),
        ("Who was hired as Tarnby's police chief?", HIRED, "Wenna Colquite", "PERSON", 1.0),
        ("Who was hired as Tarnby's police chief?", HIRED, "The Tarnby City Council", "ORG", 0.0),
        # a passive sentence turns the places round
        ("Whom did the Tarnby council hire?", PASSIVE, "Wenna Colquite", "PERSON", 1.0),
        ("Whom did the Tarnby council hire?", PASSIVE, "the Tarnby City Council", "ORG", 0.0),
        # a question without either place ("Who is ...?") takes either, and so does one on another verb
        ("Who is Tarnby's police chief?", HIRED, "Wenna Colquite", "PERSON", 1.0),
        ("Who became Tarnby's police chief?", HIRED, "Wenna Colquite", "PERSON", 1.0),
    ],
)  # fmt: skip
def test_a_name_answers_in_the_question_words_place(question: str, text: str, value: str, label: str,
                                                     fills: float) -> None:  # fmt: skip
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    assert answer_clause(analyse(question), _value_candidate(text, value, label))["mood_agrees"] == fills


@pytest.mark.parametrize(
    ("question", "slot"),
    [
        ("Whom did the port commission pick to dredge the harbor?", "object"),  # parsed with "Whom" as subject
        ("Which company has the council hired?", "object"),
        ("Who was hired by the council?", "object"),
        ("Who has been named chief?", "object"),
        ("Who hired Dana Lisle?", "subject"),
        ("Which firm will build it?", "subject"),
        ("By whom was the wall designed?", "subject"),
        ("Who will be hired as police chief?", "object"),
        ("Who is being investigated?", "object"),
        ("Who got fired?", "object"),
        ("Who is the mayor?", None),
        ("To whom did he sell it?", None),
        # "have" or "do" may be the verb itself
        ("Who has the contract to plow the roads?", None),
    ],
)
def test_the_question_word_asks_for_the_one_who_does_it_or_the_one_it_is_done_to(question: str,
                                                                                  slot: str | None) -> None:
    from rag.query import analyse

    assert analyse(question).asked_slot == slot


@pytest.mark.parametrize(
    ("question", "text", "value", "agrees"),
    [
        # what may or may not happen does not answer what did
        ("When did the Orlow mill come down?", "The Orlow mill could come down as soon as Aug. 15.", "Aug. 15", 0.0),
        ("When did work on the Orlow school begin?", "Work on the Orlow school should start in June 2026.",
         "June 2026", 0.0),
        ("When did the Orlow board decide on the grant?", "The Orlow board aims to decide on the grant in "
         "September.", "September", 0.0),
        # nor does a condition, or what hangs on a clause that may not happen
        ("When did the Orlow beach reopen?", "The town will refund the passes if the Orlow beach stays closed past "
         "Aug. 15.", "Aug. 15", 0.0),
        ("When did the first tenants move into the Orlow lofts?", "Work could begin in October, with the first "
         "tenants moving into the Orlow lofts in the spring of 2027.", "the spring of 2027", 0.0),
        # a clause of its own tells what happened, whatever the main one says
        ("When did 14 people overdose in Orlow?", "After what happened in February, when 14 people overdosed in "
         "Orlow, nobody should need convincing.", "February", 1.0),
        # what is set to happen may answer it, in an article written before the day
        ("When did Orlow vote on the levy?", "Orlow voters will decide the levy on Nov. 5.", "Nov. 5", 1.0),
    ],
)  # fmt: skip
def test_what_may_happen_does_not_answer_what_did(question: str, text: str, value: str, agrees: float) -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    assert answer_clause(analyse(question), _value_candidate(text, value, "DATE"))["mood_agrees"] == agrees


_STOOD = "Tolliver School had 390 pupils in 2012; this year it has 140."
_GREW = "Tolliver School grew from 390 pupils to 140 pupils."


@pytest.mark.parametrize(
    ("question", "text", "agrees"),
    [
        ("How many pupils go to Tolliver School these days?", _STOOD, ["140"]),
        ("How many pupils does Tolliver School have now?", _STOOD, ["140"]),
        # a question of no time in particular takes either
        ("How many pupils go to Tolliver School?", _STOOD, ["390", "140"]),
        # a change told in the past with no time tells how things stand
        ("How many pupils does Tolliver School have now?", _GREW, ["140"]),
    ],
)
def test_a_question_of_how_things_stand_now_is_not_answered_by_how_they_stood(question: str, text: str,
                                                                              agrees: list[str]) -> None:  # fmt: skip
    """"had 390 pupils in 2012" tells how things stood; "this year it has 140" how they stand."""
    from rag.answer_clause import clause_agrees
    from rag.candidates import find_candidates
    from rag.query import analyse

    passage = _passage(text, _tagged(text, "CARDINAL", "390", "140"))
    found = find_candidates(analyse(question), [passage], idf=lambda stem: 1.0)
    assert [c.answer_text() for c in found if clause_agrees(analyse(question), c)] == agrees


@pytest.mark.parametrize(
    ("question", "text", "value", "agrees"),
    [
        # the day something was done does not say when what it set takes effect
        ("When does the Brindle parking fee kick in?", "The Brindle council on Monday approved a $2 parking fee.",
         "Monday", False),
        ("When does the Brindle parking fee kick in?", "The Brindle parking fee takes effect March 3.", "March 3",
         True),
        ("When are nominations due for the Pell Award?", "The Pell committee announced the award Friday.",
         "Friday", False),
        ("When does Ines Korda take over as fire chief?", "Korda left the Tarnby department in 2021.", "2021", False),
        # a date of what the clause names, not of its act
        ("When does the Brindle parking fee kick in?",
         "The Brindle council voted 5-1 Monday to raise the parking fee, effective March 3.", "March 3", True),
        ("When is the Orlow club's open house?",
         "The Orlow club this week launched a drive called \"Join Us,\" with posters, radio spots and an open house at "
         "its hall on Saturday, May 4.",
         "Saturday, May 4", True),
        # the asked act itself, already done, and a time set for a thing
        ("When does the Brindle parking fee take effect?", "The Brindle parking fee took effect Jan. 1.", "Jan. 1",
         True),
        ("When does the new Brindle fire chief start?", "The new Brindle fire chief, Ada Lim, started Monday.",
         "Monday", True),
        ("When is the Brindle budget hearing?", "The Brindle council set a public hearing on the budget for April 2.",
         "April 2", True),
        # asked of what was done, the day it was done answers
        ("When did the Brindle council approve the parking fee?",
         "The Brindle council on Monday approved a $2 parking fee.", "Monday", True),
    ],
)
def test_a_question_of_when_something_is_set_is_not_answered_by_when_something_was_done(
    question: str, text: str, value: str, agrees: bool
) -> None:
    assert _clause_agrees(question, text, value, "DATE") is agrees


def _clause_agrees(question: str, text: str, value: str, label: str) -> bool:
    """Whether the clause of `value` (an entity of `label`) in the one-sentence article `text` agrees with the
    question's time and polarity (rag.answer_clause.clause_agrees)."""
    from rag.answer_clause import clause_agrees
    from rag.query import analyse

    return clause_agrees(analyse(question), _value_candidate(text, value, label))


@pytest.mark.parametrize(("text", "does"), [
    ("The Orlow board hired Tarn Paving to fix the potholes on Quay Street.", True),
    # asked to, not engaged to: the firm may not do it
    ("Residents asked Tarn Paving to fix the potholes on Quay Street, but the firm has not agreed.", False),
])  # fmt: skip
def test_the_one_engaged_to_do_the_act_does_it(text: str, does: bool) -> None:
    from rag.answer_clause import answer_clause
    from rag.query import analyse

    candidate = _value_candidate(text, "Tarn Paving", "ORG")
    clause = answer_clause(analyse("Who is fixing the potholes on Quay Street?"), candidate)
    assert bool(clause["answer_on_same_act"]) is does


# (question, sentence, value, whether the value's clause agrees with the question)
_MEANT_OR_DONE = [
        # meant, in the passive, or as what a plan is for: it answers what was meant
        ("How many condos was Pell Landing supposed to have?",
         "Pell Landing was planned with 64 condominiums and a rooftop deck.", "64", True),
        ("How many houses did Tarnby Homes want to build in Orlow?",
         "A builder whose plan for 52 houses off Mill Road was rejected by Orlow has sued the town.", "52", True),
        # and not what has been done so far
        ("How many houses has Tarnby Homes built in Orlow so far?",
         "A builder whose plan for 52 houses off Mill Road was rejected by Orlow has sued the town.", "52", False),
        # what was done answers what was done
        ("How many houses has Tarnby Homes built in Orlow so far?",
         "Tarnby Homes has built 52 houses off Mill Road in Orlow since 2021.", "52", True),
        # a plan as it was does not answer what will be
        ("How many condominiums will Pell Landing end up with?",
         "Pell Landing was planned with 64 condominiums, but the developer said it will stop at 40.", "64", False),
        # a question about the plan itself
        ("How many condos were in the plan for Pell Landing?",
         "The plan for 64 condominiums at Pell Landing was approved in May.", "64", True),
]  # fmt: skip


@pytest.mark.parametrize("case", _MEANT_OR_DONE, ids=[case[0] for case in _MEANT_OR_DONE])
def test_a_figure_of_what_was_meant_answers_what_was_meant_not_what_was_done(case: tuple[str, str, str, bool]) -> None:
    """"was planned with 64 condominiums", "whose plan for 52 houses was rejected": meant, not done."""
    question, text, value, agrees = case
    assert _clause_agrees(question, text, value, "CARDINAL") is agrees


@pytest.mark.parametrize(("question", "agrees"), [
    ("How much is the Orlow mall redevelopment going to cost?", True),  # the size of a plan is meant
    ("How much has Orlow spent on the mall redevelopment so far?", False),
])
def test_the_size_of_a_plan_is_meant_not_done(question: str, agrees: bool) -> None:
    text = "In March, the Orlow board approved a $60 million plan to redevelop the mall."
    assert _clause_agrees(question, text, "$60 million", "MONEY") is agrees


@pytest.mark.parametrize(("question", "text", "value", "label", "agrees"), [
    # what a goal is, is meant, not done
    ("By how much did Orby cut its water use last summer?",
     "The town's goal is to cut water use by 15 percent, the mayor said.", "15 percent", "PERCENT", False),
    ("By how much did Orby cut its water use last summer?",
     "The town cut water use by 17 percent, the mayor said.", "17 percent", "PERCENT", True),
    ("By how much does Orby hope to cut its water use?",
     "The town's goal is to cut water use by 15 percent, the mayor said.", "15 percent", "PERCENT", True),
    # a goal met is done
    ("How much did the Orby PTA raise for the playground?",
     "The PTA's goal was to raise $40,000 for the playground, and it reached it in May.", "$40,000", "MONEY", True),
    ("How much did the Orby PTA raise for the playground?",
     "The PTA's goal is to raise $40,000 to meet the cost of new swings.", "$40,000", "MONEY", False),
    # what can be tells nothing of what was
    ("How much did the Renns pay to drill their new well?",
     "Drilling a new well can cost $12,000, a driller said.", "$12,000", "MONEY", False),
    ("How much did the Renns pay to drill their new well?",
     "Drilling the Renns' new well cost $12,000, a driller said.", "$12,000", "MONEY", True),
])  # fmt: skip
def test_what_was_meant_or_can_be_does_not_answer_what_was_done(question: str, text: str, value: str, label: str,
                                                                agrees: bool) -> None:  # fmt: skip
    assert _clause_agrees(question, text, value, label) is agrees


@pytest.mark.parametrize(("text", "agrees"), [
    ("The Orby board appointed his deputy, Ada Lim, to succeed him.", True),  # chosen to do what is to come
    ("The Orby board picked Ada Lim to lead the department.", True),
    ("The Orby board appointed Ada Lim last year.", False),  # a choice made, and nothing more to come
])  # fmt: skip
def test_one_chosen_to_do_something_answers_who_is_going_to_do_it(text: str, agrees: bool) -> None:
    """"Who is going to replace Tolliver?": "appointed his deputy, Ada Lim, to succeed him" tells who will, though
    the appointment is done."""
    assert _clause_agrees("Who is going to replace Tolliver as head of the Orby parks?", text, "Ada Lim",
                          "PERSON") is agrees
