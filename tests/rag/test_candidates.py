"""Candidate features (rag.candidates) on text written for these tests."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Sequence

import pytest

from rag.candidates import _specific, text_stems
from rag.text import stems

if TYPE_CHECKING:
    from rag.candidates import Candidate
    from rag.models import Passage
    from rag.word_likeness import WordLikeness


def test_a_hyphenated_word_is_also_read_as_one_word() -> None:
    assert set(stems("ceasefire")) <= text_stems("They demanded a 30-day cease-fire.")
    assert set(stems("email")) <= text_stems("She sent an e-mail to the board.")
    assert set(stems("cease fire")) <= text_stems("a cease-fire")


def test_a_bare_year_is_less_precise_than_a_full_date() -> None:
    assert _specific("2019") < _specific("March 4, 2019") == 1.0
    assert _specific("2019") > _specific("March")
    assert _specific("$4 million") == 1.0


def test_relation_coverage_ignores_the_names_the_question_gives() -> None:
    """Two sentences about the same town: only one says what was asked (who voted against)."""
    from rag.candidates import find_candidates
    from rag.models import Passage
    from rag.query import analyse

    text = (
        "About 240 Corvale residents filled the high school gym for the budget meeting on Tuesday. "
        "Council members Ada Whitlow and Gerald Pino voted against the Corvale budget."
    )
    passage = Passage(passage_id="p", article_id="a", title="Corvale budget", source="Corvale Star", text=text,
                      start=0, end=len(text))  # fmt: skip
    question = analyse("Did Corvale council members vote against the budget?")
    found = find_candidates(question, [passage], idf=lambda stem: 1.0)
    by_sentence = {c.text.split()[0]: c.features["relation_coverage"] for c in found}
    assert by_sentence["Council"] > 0.5 > by_sentence["About"]


@pytest.fixture
def likeness(encoder: object) -> "WordLikeness":
    """Word likeness from the local encoder, as the answerer has it."""
    from rag.word_likeness import EncoderWordLikeness

    return EncoderWordLikeness(encoder)  # type: ignore[arg-type]


def _passage(
    text: str, entities: Sequence[tuple[int, int, str]] = (), title: str = "t", source: str = "s"
) -> "Passage":
    """One passage that is a whole article, with the entities the NER model is taken to have found."""
    from rag.models import Passage

    return Passage(passage_id="p", article_id="a", title=title, source=source, text=text, start=0, end=len(text),
                   entities=list(entities))  # fmt: skip


def _tagged(text: str, label: str, *values: str) -> list[tuple[int, int, str]]:
    """Each value's first place in `text`, as an entity of `label`."""
    return [(text.index(value), text.index(value) + len(value), label) for value in values]


def _answers(question: str, passage: "Passage") -> list[str | None]:
    """The answer values of `question`'s candidates in `passage`, best first."""
    from rag.candidates import find_candidates
    from rag.query import analyse

    return [c.answer_text() for c in find_candidates(analyse(question), [passage], idf=lambda stem: 1.0)]


def _value_candidate(text: str, value: str, label: str) -> "Candidate":
    from rag.candidates import Candidate

    passage = _passage(text)
    start = text.index(value)
    return Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), label)])


def _flags(check: Callable[..., bool], question: str, text: str, value: str, label: str) -> bool:
    """What one of rag.candidates' checks of a value answer says of `value` (tagged `label`) in `text`."""
    from rag.query import analyse

    return check(analyse(question), _value_candidate(text, value, label))


def test_the_verb_governing_a_value_must_be_the_questions_verb() -> None:
    from rag.candidates import answer_clause
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
    from rag.candidates import answer_clause
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
    from rag.candidates import answer_clause
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
    from rag.candidates import answer_clause
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
    from rag.candidates import answer_clause
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
    ("text", "number", "is_age"),
    [
        ("Dale Orrin, 52, of Lanford, was charged.", "52", True),
        ("A 34-year-old Lanford man was hurt.", "34", True),
        ("The victim, aged 71, lived alone.", "71", True),
        ("She is 45 years old.", "45", True),
        ("Route 9, 12 miles east of Lanford, was closed.", "12", False),
        ("The council voted 5-2 on 14 items.", "14", False),
        ("Born in 1950, he moved to Lanford.", "1950", False),
        ("At the height of the outage, 8,700 customers were without power.", "8,700", False),
        ("Of the voters, 12.5 percent stayed home.", "12.5", False),
        # "of" and a place name follow an age; "of the" and a possessive follow a count
        ("Tomas Reyne, 33 of Helmsby, was arrested.", "33", True),
        ("On Tuesday, 40 of the Helmsby depot's workers walked out.", "40", False),
        ("In all, 14 of Helmsby's 20 schools closed.", "14", False),
        # a name's age may close its sentence; a number after a town and a comma is no age
        ("The deal closed Monday, said co-op president Ivo Marchetti, 68.", "68", True),
        ("In Helmsby, 12 homes flooded.", "12", False),
        ("Votes for the levy rose to 4,210, 68.", "68", False),
    ],
)
def test_an_age_is_told_by_how_news_writing_gives_one(text: str, number: str, is_age: bool) -> None:
    from rag.candidates import states_an_age

    start = text.index(number)
    assert states_an_age(text, start, start + len(number)) is is_age


@pytest.mark.parametrize(
    ("answer_type", "text", "gives"),
    [
        ("reason", "Council member Ada Whitlow voted against the Lanford levy.", False),
        ("reason", "Whitlow voted against the levy because it raised taxes on farms.", True),
        ("reason", "The levy is too much for retirees, Whitlow said.", True),
        ("reason", "Whitlow voted no, saying the levy is too much for retirees.", True),
        # "after" in a news lead tells when, not why: "will reopen Friday, after the council voted 5-2 Monday"
        ("reason", "The Lanford pool will reopen in May, after the council voted 5-2 on Monday to fix its roof.", False),
        ("reason", "Whitlow voted no after the levy was raised, because it hurt farms.", True),
        ("quote", "Whitlow voted no, saying the levy is too much for retirees.", True),
        ("quote", "The Lanford levy passed 5-2 on Monday.", False),
        ("quote", "“It is too much,” Whitlow said of the levy.", True),
        ("description", "The Lanford levy passed 5-2 on Monday.", True),
    ],
)
def test_a_why_question_needs_a_reason_and_a_what_did_they_say_question_words(answer_type: str, text: str,
                                                                              gives: bool) -> None:  # fmt: skip
    from rag.candidates import gives_what_is_asked

    assert gives_what_is_asked(answer_type, text) is gives


def test_a_number_in_the_outlets_own_name_is_no_answer() -> None:
    text = "Lanford lost 45 jobs when the plant closed, a spokesman told 8 News; KLNF 8 News has more."
    eights = [i for i, c in enumerate(text) if c == "8"]
    entities = [*_tagged(text, "CARDINAL", "45"), *((i, i + 1, "CARDINAL") for i in eights)]
    passage = _passage(text, entities, title="Plant closes", source="KLNF 8 News")
    assert set(_answers("How many jobs did Lanford lose?", passage)) == {"45"}


def test_an_age_answers_only_a_question_about_age() -> None:
    """"Orla Brandt, 27, was hurt": the model may tag the 27 as a date or a count; it says how old she is."""
    text = "Orla Brandt, 27, was hurt shortly after 2 a.m. on March 3 when two cars collided in Keddington."
    entities = [*_tagged(text, "DATE", "27", "March 3"), *_tagged(text, "TIME", "2 a.m.")]
    passage = _passage(text, entities, title="Crash", source="Keddington Star")

    def answers(question: str) -> set[str | None]:
        return set(_answers(question, passage))

    assert "27" not in answers("When was Orla Brandt hurt?")
    assert answers("When was Orla Brandt hurt?") == {"2 a.m. on March 3"}  # the time and its day, one answer
    assert answers("How old is Orla Brandt?") == {"27"}


def test_a_measure_is_answered_by_a_quantity_with_its_unit_not_by_a_count() -> None:
    """"How deep" asks for a length: "3 feet", never the number of homes in the same sentence."""
    from index.nlp import entities_by_line
    from rag.candidates import find_candidates
    from rag.models import Passage
    from rag.query import analyse

    text = "Twelve homes on Mill Street flooded Tuesday when the water in the Corvale creek rose 3 feet in an hour."
    entities = entities_by_line([text])[0]  # as ingest finds them
    passage = Passage(passage_id="p", article_id="a", title="Corvale flood", source="Corvale Star", text=text,
                      start=0, end=len(text), entities=entities)  # fmt: skip
    depth = {c.answer_text() for c in find_candidates(analyse("How deep did the Corvale creek rise?"), [passage],
                                                        idf=lambda stem: 1.0)}  # fmt: skip
    homes = {c.answer_text() for c in find_candidates(analyse("How many homes flooded in Corvale?"), [passage],
                                                        idf=lambda stem: 1.0)}  # fmt: skip
    assert depth == {"3 feet"}
    assert "Twelve" in homes
    # no unit anywhere: a bare number is still an answer to "how tall"
    tower = "The new Lanford tower will rise 40 stories above the river."
    tall = Passage(passage_id="q", article_id="b", title="Lanford tower", source="Lanford Star", text=tower,
                   start=0, end=len(tower), entities=entities_by_line([tower])[0])  # fmt: skip
    found = find_candidates(analyse("How tall is the new Lanford tower?"), [tall], idf=lambda stem: 1.0)
    assert {c.answer_text() for c in found} == {"40"}


def test_new_names_counts_the_names_a_sentence_adds_to_the_question() -> None:
    from rag.candidates import MAX_NEW_NAMES, new_names

    text = "Harrow Design Group of Lanford drew up the plans for the Corvale library, Mayor Ida Brandt said."
    candidate = _value_candidate(text, "Harrow Design Group", "ORG")
    candidate.passage.entities = [
        (0, 19, "ORG"), (23, 30, "GPE"), (57, 64, "GPE"), (80, 90, "PERSON"),
    ]  # fmt: skip
    assert [text[s:e] for s, e, _ in candidate.passage.entities[:4]] == [
        "Harrow Design Group", "Lanford", "Corvale", "Ida Brandt"]  # fmt: skip
    # Corvale is asked about; the firm, its town and the mayor are new
    assert new_names(candidate, "Which firm drew up the plans for the Corvale library?") == 3
    restated = "An architect hired by Corvale estimated the repairs at $640,000."
    plain = _value_candidate(restated, "Corvale", "GPE")
    plain.passage.entities = [(22, 29, "GPE"), (55, 63, "MONEY")]  # a sum is no name
    assert new_names(plain, "Which architect estimated the cost of repairing the Corvale library?") == 0
    many = _value_candidate(text, "Harrow Design Group", "ORG")
    many.passage.entities = candidate.passage.entities
    assert new_names(many, "Who drew up the plans?") == MAX_NEW_NAMES


def test_a_dateline_the_model_took_into_a_name_is_not_part_of_the_answer() -> None:
    from rag.candidates import find_candidates
    from rag.models import Passage
    from rag.query import analyse

    text = "LANFORD - Orrin Dairy Co. will close its cheese plant on Mill Road by June 30, putting 80 people out of work."
    passage = Passage(passage_id="p", article_id="a", title="Dairy to close plant", source="Lanford Star", text=text,
                      start=0, end=len(text), entities=[(0, 25, "ORG"), (69, 76, "DATE"), (86, 88, "CARDINAL")])  # fmt: skip
    assert text[0:25] == "LANFORD - Orrin Dairy Co."
    named = find_candidates(analyse("What is the name of the company that will close the cheese plant?"), [passage],
                            idf=lambda stem: 1.0)  # fmt: skip
    assert [c.answer_text() for c in named] == ["Orrin Dairy Co."]
    # without the dateline the name is the one the question gives, so it is no answer to it
    asked = find_candidates(analyse("What is the name of the investment group that bought the Orrin Dairy plant?"),
                            [passage], idf=lambda stem: 1.0)  # fmt: skip
    assert [c.answer_text() for c in asked] == []
    # a news service's credit after the dateline's place is part of it too
    credited = "LANFORD (WLPR) - Orrin Dairy Co. will close its cheese plant by June 30."
    passage = Passage(passage_id="p", article_id="a", title="Dairy to close plant", source="WLPR", text=credited,
                      start=0, end=len(credited), entities=[(0, 32, "ORG")])  # fmt: skip
    assert credited[0:32] == "LANFORD (WLPR) - Orrin Dairy Co."
    named = find_candidates(analyse("What is the name of the company that will close the cheese plant?"), [passage],
                            idf=lambda stem: 1.0)  # fmt: skip
    assert [c.answer_text() for c in named] == ["Orrin Dairy Co."]


@pytest.mark.parametrize(
    ("predicate", "text", "gives_a_reason"),
    [
        # "after" beside the event asked about gives its cause
        ("suspend", "The Lanford ferry was suspended on Friday after its engine failed.", True),
        ("fire", "The board fired Superintendent Dale Orrin on Tuesday after an audit found $2 million missing.", True),
        # a lead's "after" tells when something else happened
        ("close", "The Lanford pool will reopen in May, after the council voted 5-2 on Monday to fix its roof.", False),
        ("retire", "It hired four deckhands after raising starting pay, but two captains retired this year.", False),
        (None, "The Lanford ferry was suspended on Friday after its engine failed.", False),
    ],
)
def test_after_gives_the_reason_of_the_event_it_follows(predicate: str | None, text: str, gives_a_reason: bool) -> None:
    from rag.candidates import gives_what_is_asked

    assert gives_what_is_asked("reason", text, predicate) is gives_a_reason


@pytest.mark.parametrize(
    ("text", "gives_a_reason"),
    [
        # "since" of time gives no reason
        ("It is the first fare increase in Orlow since 2020.", False),
        ("Fares have not risen since last spring.", False),
        ("The depot has stood empty since July.", False),
        ("Nothing has changed since then.", False),
        # "since" of cause does, as do the other causal words
        ("She voted no since the village had not applied for grants.", True),
        ("The board voted no because the bid came in late.", True),
    ],
)
def test_since_of_time_gives_no_reason(text: str, gives_a_reason: bool) -> None:
    from rag.candidates import gives_what_is_asked

    assert gives_what_is_asked("reason", text) is gives_a_reason


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
    from rag.candidates import answer_clause
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
    from rag.candidates import answer_clause
    from rag.query import analyse

    assert answer_clause(analyse(question), _value_candidate(text, value, label))["mood_agrees"] == agrees


def test_a_tally_counts_votes_only() -> None:
    from rag.candidates import find_candidates
    from rag.query import analyse

    text = "The Orlow library board voted 5-2 on Tuesday to close the branch."
    five, two = text.index("5-2"), text.index("5-2") + 2
    passage = _passage(text, [(five, five + 1, "CARDINAL"), (two, two + 1, "CARDINAL")], "Orlow branch closes",
                       "Orlow Star")  # fmt: skip
    assert not find_candidates(analyse("How many books did the Orlow library lend?"), [passage], idf=lambda s: 1.0)
    voted = find_candidates(analyse("How many Orlow board members voted to close the branch?"), [passage],
                            idf=lambda s: 1.0)  # fmt: skip
    assert voted and voted[0].answer_text() == "5"


def test_a_vote_result_in_words_counts_votes_only() -> None:
    """"The recall passed 612 to 455": the numbers are votes, however large, so they count no signatures; a
    question about the votes still gets them."""
    text = "The Orlow library levy passed 612 to 455 on Tuesday. Organizers had gathered signatures since June."
    passage = _passage(text, _tagged(text, "CARDINAL", "612", "455"))
    assert _answers("How many signatures did the Orlow library levy petition get?", passage) == []
    assert _answers("How many votes did the Orlow library levy get?", passage)[:1] == ["612"]
    votes = "Dana Orme received 590 votes to 441 for Tam Quist in the Orlow recall."
    passage = _passage(votes, _tagged(votes, "CARDINAL", "590", "441"))
    assert _answers("How many signatures did the Orlow recall petition get?", passage) == []
    # a range of the thing counted after a word of voting: no result
    homes = "The Orlow council approved 40 to 60 homes on the Hollin farm site."
    passage = _passage(homes, _tagged(homes, "CARDINAL", "40 to 60"))
    assert _answers("How many homes did the Orlow council approve?", passage) == ["40 to 60"]
    phase = "The Orlow council approved 40 to 60 in the first phase of the Hollin farm homes."
    passage = _passage(phase, _tagged(phase, "CARDINAL", "40 to 60"))
    assert _answers("How many homes did the Orlow council approve?", passage) == ["40 to 60"]
    # in figures, after a verb of voting and closing its clause
    ratified = "Orlow library workers ratified the contract 212-19, or about 92 percent."
    passage = _passage(ratified, _tagged(ratified, "CARDINAL", "212"))
    assert _answers("How many librarians does Orlow employ?", passage) == []
    assert _answers("How many votes did the Orlow library contract get?", passage)[:1] == ["212"]
    range_of_homes = "The Orlow council approved 150-200 homes on the Hollin farm site."
    passage = _passage(range_of_homes, _tagged(range_of_homes, "CARDINAL", "150-200"))
    assert _answers("How many homes did the Orlow council approve?", passage) == ["150-200"]
    rose = "Orlow library visits rose from 612 to 955 a day after the levy passed."
    passage = _passage(rose, _tagged(rose, "CARDINAL", "612", "955"))
    assert "955" in _answers("How many visits does the Orlow library get a day?", passage)


def test_a_range_of_the_thing_counted_is_no_tally() -> None:
    text = "Organizers said 40-50 people attended the Orlow library forum on Monday."
    passage = _passage(text, _tagged(text, "CARDINAL", "40-50"), "Orlow forum", "Orlow Star")
    found = _answers("How many people attended the Orlow library forum?", passage)
    assert found and found[0] == "40-50"


def test_for_the_first_time_counts_nothing() -> None:
    text = "Orlow and Pell officials met for the first time since 2019. It was the sixth meeting of the two mayors."
    passage = _passage(text, _tagged(text, "ORDINAL", "first", "sixth"), "Orlow and Pell", "Orlow Star")
    assert _answers("How many times had the Orlow and Pell mayors met?", passage) == ["sixth"]


def test_for_a_later_time_counts_the_times() -> None:
    text = "The Orlow parks board met for the third time this year on Monday."
    passage = _passage(text, _tagged(text, "ORDINAL", "third"), "Orlow parks", "Orlow Star")
    found = _answers("How many times has the Orlow parks board met this year?", passage)
    assert found and found[0] == "third"


def test_a_street_the_model_took_for_a_person_is_no_answer_to_who() -> None:
    text = "Deputies arrested Nell Corrigan, 34, after searching a house on Quillon Lane in Oxley, and Tom Lane was fined."
    names = ("Nell Corrigan", "Quillon Lane", "Tom Lane")
    passage = _passage(text, _tagged(text, "PERSON", *names), "Arrest", "Oxley Star")  # as the model may tag them
    assert set(_answers("Whom did the deputies arrest in Oxley?", passage)) == {"Nell Corrigan", "Tom Lane"}


def test_a_town_the_model_took_for_a_person_in_a_list_of_places_is_no_answer_to_who() -> None:
    text = "Nell Corrigan is charged with stealing converters from cars parked in Oxley and Tarnwick since May."
    entities = _tagged(text, "PERSON", "Nell Corrigan", "Tarnwick") + _tagged(text, "GPE", "Oxley")
    passage = _passage(text, entities, "Thefts", "Oxley Star")
    assert _answers("Who is charged with stealing converters in Oxley?", passage) == ["Nell Corrigan"]
    # people listed together stay people, a list of places after them or not
    text = "Awards went to Nell Corrigan and Tam Wyle of Oxley, Tarnwick and Brisby."
    entities = _tagged(text, "PERSON", "Nell Corrigan", "Tam Wyle", "Tarnwick") + _tagged(text, "GPE", "Oxley")
    found = _answers("Who won the awards in Oxley?", _passage(text, entities, "Awards", "Oxley Star"))
    assert {"Nell Corrigan", "Tam Wyle"} <= set(found)


def test_a_town_before_a_noun_for_someone_unnamed_is_no_answer_to_who() -> None:
    """"A 34-year-old Tarrow man was rescued": the small model may tag the town as a firm or a person; before "man"
    it says where he is from. A family's name before "family" stays theirs."""
    text = "A 34-year-old Tarrow man was pulled from the Quell River on Monday by Lt. Ada Brisk, fire officials said."
    entities = _tagged(text, "ORG", "Tarrow") + _tagged(text, "PERSON", "Ada Brisk")
    passage = _passage(text, entities, "Rescue", "Oxley Star")
    assert _answers("Who pulled the kayaker from the river?", passage) == ["Ada Brisk"]
    assert _answers("Which company pulled him out?", passage) == []
    family = "The Pettiford family lost their home on Quell Road to a fire on Monday."
    passage = _passage(family, _tagged(family, "PERSON", "Pettiford"), "Fire", "Oxley Star")
    assert _answers("Who lost their home on Quell Road?", passage) == ["Pettiford"]


@pytest.mark.parametrize(
    "text",
    [
        "In Harwick, Jo Tallis opened a bakery on Friday.",  # a place that opens the sentence, then its subject
        "A bakery opened on Friday, the first in Harwick, Jo Tallis said.",  # the speaker after a place
    ],
)
def test_a_person_after_a_place_and_a_comma_is_no_list_of_places(text: str) -> None:
    """A list of places is joined by "and" or "or": "in Harwick, Jo Tallis" is a place and then a person."""
    passage = _passage(text, _tagged(text, "GPE", "Harwick") + _tagged(text, "PERSON", "Jo Tallis"), "Bakery")
    question = "Who said a bakery opened?" if "said" in text else "Who opened a bakery?"
    assert "Jo Tallis" in _answers(question, passage)


@pytest.mark.parametrize(
    ("text", "names", "named"),
    [
        # the noun asked about stands next to the name, holds it, or a word of naming comes before it
        ("The new bakery, Tessaly's, opened Friday in Brennock.", ("Tessaly's",), {"Tessaly's"}),
        ("Tessaly's, a new bakery on Dune Street, opened Friday in Brennock.", ("Tessaly's",), {"Tessaly's"}),
        ("A bakery called Tessaly's opened Friday in Brennock.", ("Tessaly's",), {"Tessaly's"}),
        ("The Orrel Street Bakery opened Friday in Brennock.", ("Orrel Street Bakery",), {"Orrel Street Bakery"}),
        # a name in a sentence about the bakery that is someone else's, or the bakery's owner's
        ("The bakery will stay shut until it is inspected, according to owner Dana Brisk of Brennock.",
         ("Dana Brisk",), set()),
        ("Dana Brisk, the bakery's owner, opened it Friday in Brennock.", ("Dana Brisk",), set()),
        ("The bakery closed Tuesday, Dana Brisk said in Brennock.", ("Dana Brisk",), set()),
    ],
)
def test_the_name_of_a_thing_is_a_name_the_sentence_gives_it(text: str, names: tuple[str, ...],
                                                            named: set[str]) -> None:  # fmt: skip
    passage = _passage(text, _tagged(text, "ORG", *names) + _tagged(text, "GPE", "Brennock"), "Bakery", "Dune Post")
    assert set(_answers("What is the name of the bakery in Brennock?", passage)) - {None} == named


@pytest.mark.parametrize(
    ("text", "names", "named"),
    [
        # a name holding the noun, given it in a sentence of naming
        ("The Harwick council voted to name the new park Heron Point Park.", ("Heron Point Park",),
         {"Heron Point Park"}),
        # another park of the town, the park's old name, or an old park: no name the council gave it
        ("The council's Dune Street Park closed in June in Harwick.", ("Dune Street Park",), set()),
        ("The Harwick council voted to rename Dune Street Park for Mayor Jo Tallis.", ("Dune Street Park",), set()),
        ("The old Wenlow Park in Harwick will be named later.", ("Wenlow Park",), set()),
    ],
)
def test_a_name_given_a_thing_is_one_a_sentence_of_naming_gives_it(text: str, names: tuple[str, ...],
                                                                  named: set[str]) -> None:  # fmt: skip
    """"What name did the council give the park?": a park's name in a sentence that names nothing, or the name
    the park is renamed from, is no name the council gave it."""
    passage = _passage(text, _tagged(text, "FAC", *names) + _tagged(text, "GPE", "Harwick"), "Park", "Dune Post")
    assert set(_answers("What name did the Harwick council give the new park?", passage)) - {None} == named


def test_the_noun_a_name_is_given_may_be_four_words_after_its_comma() -> None:
    """NAMED_WINDOW counts words: the comma after the name is not one of them."""
    text = "Caddow's, the town's oldest bakery, reopened Friday in Harwick."
    entities = _tagged(text, "ORG", "Caddow's") + _tagged(text, "GPE", "Harwick")
    passage = _passage(text, entities, "Bakery", "Ferrin Post")
    assert set(_answers("What is the name of the bakery in Harwick?", passage)) - {None} == {"Caddow's"}


def test_the_noun_that_ends_the_sentence_before_does_not_name_a_name() -> None:
    """"bakery." ends the sentence before: Jo Tallis, who opened it, is not the bakery's name."""
    text = "Harwick finally has a bakery. Jo Tallis opened the bakery Friday on Wenlow Street."
    passage = _passage(text, _tagged(text, "PERSON", "Jo Tallis") + _tagged(text, "GPE", "Harwick"), "Bakery")
    assert _answers("What is the name of the bakery on Wenlow Street?", passage) in ([], [None])


@pytest.mark.parametrize(
    "text",
    [
        "Police identified the driver as Jo Tallis, 41, of Harwick.",  # the noun between "identified" and "as"
        "Police identified the driver killed in Harwick on Friday as Jo Tallis.",
        "Police released the name of the driver, Jo Tallis, on Friday in Harwick.",
        "Police released the driver's name, Jo Tallis, on Friday in Harwick.",
    ],
)
def test_a_word_of_naming_may_stand_a_few_words_before_the_name(text: str) -> None:
    passage = _passage(text, _tagged(text, "PERSON", "Jo Tallis") + _tagged(text, "GPE", "Harwick"), "Crash")
    assert "Jo Tallis" in _answers("What is the name of the driver in Harwick?", passage)


def test_the_name_of_a_thing_the_question_describes_is_a_name_that_does_it() -> None:
    text = "Tessaly's will close its Brennock shop in May, and Dana Brisk will close hers in June."
    passage = _passage(text, _tagged(text, "ORG", "Tessaly's") + _tagged(text, "PERSON", "Dana Brisk"), "Shops")
    question = "What is the name of the bakery that will close its shop in Brennock?"
    assert _answers(question, passage)[0] == "Tessaly's"
    other = "The bakery's Brennock shop will close in May, owner Dana Brisk said."
    passage = _passage(other, _tagged(other, "PERSON", "Dana Brisk"), "Shops")
    assert _answers(question, passage) in ([], [None])


@pytest.mark.parametrize(
    ("text", "value", "said"),
    [
        ("Three firefighters were hurt in the Calloway barn fire.", "Three", "Three firefighters"),
        ("The storm damaged 14 “firefighters'” homes in Selby Cove.", "14", None),
        ("The storm hurt 14 “firefighters” in Selby Cove.", "14", "14 “firefighters”"),
        ("The storm hurt 14 firefighters—mostly volunteers—in Selby Cove.", "14", "14 firefighters"),
        ("Seven of the 30 firefighters were hurt in the Calloway fire.", "Seven", "Seven of the 30 firefighters"),
        # the noun after the number is another clause's, or not the number's alone
        ("Seven were hurt, firefighters said after the Calloway fire.", "Seven", None),
        ("In Calloway 14 were hurt; firefighters on the roof fared worst.", "14", None),
        ("Two died and firefighters nearby called for help.", "Two", None),
    ],
)
def test_a_count_is_said_with_the_noun_it_counts_and_never_runs_past_it(text: str, value: str,
                                                                         said: str | None) -> None:  # fmt: skip
    from rag.candidates import counted_phrase

    assert counted_phrase(_value_candidate(text, value, "CARDINAL"), "firefighters") == said


def test_a_number_that_names_a_document_is_no_date_or_count() -> None:
    text = "The Kessock budget, adopted as Ordinance 2024-09, takes effect in October; Policy 5130 is unchanged."
    passage = _passage(text, _tagged(text, "DATE", "2024-09", "October") + _tagged(text, "CARDINAL", "5130"))
    assert _answers("In what month does the Kessock budget take effect?", passage) == ["October"]
    assert _answers("When does the Kessock budget take effect?", passage) == ["October"]


def test_how_many_units_is_answered_by_a_number_of_that_unit() -> None:
    rooms = "The new wing in Dunmere will hold 30 exam rooms, up from 18."
    area = "The new wing in Dunmere will cover 16,000 square feet and hold 30 exam rooms."
    question = "How many square feet will the new Dunmere wing cover?"
    assert _answers(question, _passage(rooms, _tagged(rooms, "CARDINAL", "30", "18"))) == []
    assert _answers(question, _passage(area, _tagged(area, "CARDINAL", "16,000", "30")))[0] == "16,000"


def test_a_tally_answers_no_question_of_how_big() -> None:
    text = "The Kessock utility board voted 5-0 to give customers over 65 a 20 percent discount."
    passage = _passage(text, _tagged(text, "CARDINAL", "5") + _tagged(text, "PERCENT", "20 percent"))
    assert _answers("How big a discount can Kessock customers over 65 get?", passage) == ["20 percent"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Orla Penhale said detectives found the car behind a Dunmere laundromat.", False),
        ("Assistant prosecutor Orla Penhale, who is handling the case, said the car was found in Dunmere.", True),
        ("The prosecutor, Orla Penhale, said the car was found in Dunmere.", True),
        ("Orla Penhale, the county prosecutor, said the car was found in Dunmere.", True),
        ("Orla Penhale, who is handling the Dunmere case, spoke on Monday.", True),  # does what the question says
    ],
)
def test_who_is_the_role_is_answered_by_someone_the_sentence_gives_the_role(text: str, named: bool) -> None:
    passage = _passage(text, _tagged(text, "PERSON", "Orla Penhale"))
    answers = _answers("Who is the prosecutor handling the Dunmere case?", passage)
    assert answers == (["Orla Penhale"] if named else [])


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Dana Mabry is the new county engineer in Varnell.", True),
        ("Varnell's new county engineer is Dana Mabry.", True),
        ("Dana Mabry was named Varnell county engineer on Monday.", True),
        ("Varnell hired Dana Mabry as its new county engineer on Monday.", True),
        ("Dana Mabry, who was named county engineer in Varnell, starts Monday.", True),
        ("Dana Mabry met with the county engineer in Varnell on Monday.", False),
        ("Dana Mabry said the county engineer in Varnell was wrong.", False),
    ],
)
def test_who_is_the_role_is_answered_by_someone_a_clause_says_holds_it(text: str, named: bool) -> None:
    passage = _passage(text, _tagged(text, "PERSON", "Dana Mabry"))
    assert _answers("Who is the Varnell county engineer?", passage) == (["Dana Mabry"] if named else [])


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # a surname the question writes only as the start of a company's name does not name the person
        ("Who started Brannock Valley Plastics?", ["Edwin Brannock"]),
        # the person's own name names them
        ("What did Edwin Brannock do in 1988?", []),
    ],
)
def test_a_surname_that_opens_a_company_name_in_the_question_names_no_person(question: str, answers: list[str]) -> None:
    text = "Brannock Valley Plastics was founded in 1988 by Edwin Brannock in a rented barn."
    passage = _passage(text, _tagged(text, "PERSON", "Edwin Brannock") + _tagged(text, "ORG", "Brannock Valley Plastics"))
    assert [a for a in _answers(question, passage) if a and "Edwin" in a] == answers


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
    from rag.candidates import clause_agrees, find_candidates
    from rag.query import analyse

    passage = _passage(text, _tagged(text, "PERSON" if question.startswith("Who ") else "ORG", *names))
    found = find_candidates(analyse(question), [passage], idf=lambda stem: 1.0)
    assert {c.answer_text() for c in found} >= set(names)
    assert [c.answer_text() for c in found if clause_agrees(analyse(question), c)] == [fitting]


def test_a_firm_named_for_people_that_the_model_tagged_as_a_person_answers_a_firm_question() -> None:
    text = "Ostley Dunmore Architects of Salem Crossing designed the new Tarnby library."
    passage = _passage(text, _tagged(text, "PERSON", "Ostley Dunmore Architects"))
    assert _answers("Which firm designed the Tarnby library?", passage) == ["Ostley Dunmore Architects"]
    person = "Ostley Dunmore of Salem Crossing designed the new Tarnby library."
    passage = _passage(person, _tagged(person, "PERSON", "Ostley Dunmore"))
    assert _answers("Which firm designed the Tarnby library?", passage) == []


@pytest.mark.parametrize(("winner", "answers"), [
    ("Tavish Builders, a Selbourne company,", ["Tavish Builders"]),
    ("Mara Tavish, a Selbourne builder,", []),
    ("Harl Dace Builders, a Selbourne firm,", ["Harl Dace Builders"]),  # three words, whole
])  # fmt: skip
def test_an_untagged_firm_is_an_answer_to_who_by_its_firm_word(winner: str, answers: list[str]) -> None:
    """The small model may tag an unfamiliar firm as nothing ("Tavish Builders, a Selbourne company, won ..."): a
    name of two words or more ending in a word of a firm's name answers "Who ...?" too; a person's name does not
    stand as a firm."""
    text = f"{winner} won the construction contract in May."
    passage = _passage(text, _tagged(text, "DATE", "May"))
    assert _answers("Who is building the Selbourne library?", passage) == answers


def test_a_company_question_is_answered_by_a_firm_not_a_public_body_a_dateline_or_a_person() -> None:
    council = "The Selbourne City Council hired Orrick Paving Co. to repave Mill Road."
    passage = _passage(council, _tagged(council, "ORG", "The Selbourne City Council", "Orrick Paving Co."))
    assert _answers("Which contractor will repave Mill Road?", passage) == ["Orrick Paving Co."]
    # the small model often tags an unfamiliar firm as nothing: a name of two words or more that is the subject
    untagged = "SELBOURNE (WNS) - Tavish Castings will close its foundry on Mill Road by June 30."
    passage = _passage(untagged, _tagged(untagged, "ORG", "SELBOURNE", "WNS") + _tagged(untagged, "FAC", "Mill Road"))
    assert _answers("Which company is closing its foundry?", passage) == ["Tavish Castings"]
    # a surname the model took for an organisation is the person named before
    text = "Foreman Ada Quist said the crew finished early. The bridge reopened Friday, Quist said."
    passage = _passage(text, _tagged(text, "PERSON", "Ada Quist") + [(text.rindex("Quist"), len(text) - 6, "ORG")])
    assert _answers("Which contractor did the bridge work?", passage) == []
    # and so is a person's title and name, when the surname alone is a person elsewhere in the passage
    text = "The bridge reopened Friday, City Engineer Ada Quist said. Quist said trucks must wait."
    passage = _passage(text, _tagged(text, "ORG", "City Engineer Ada Quist") + [(text.rindex("Quist"),
                                                                                 text.rindex("Quist") + 5, "PERSON")])
    assert _answers("Which contractor did the bridge work?", passage) == []
    # a number word at a sentence start is no organisation
    text = "Fourteen residents of the Selbourne building were out of their homes Monday."
    passage = _passage(text, _tagged(text, "ORG", "Fourteen"))
    assert _answers("Which company owns the Selbourne building?", passage) == []


@pytest.mark.parametrize(
    ("text", "bodies", "firm"),
    [
        # a public body's name ends in the word for the body, or has it before "of"; news writing lowercases it
        ("The Varnell council hired Halbrook & Sons to repave Mill Road.", ("The Varnell council",), "Halbrook & Sons"),
        ("The Department of Public Works hired Halbrook & Sons to repave Mill Road.", ("The Department of Public Works",),
         "Halbrook & Sons"),
        ("The Varnell Transit Authority hired Halbrook & Sons to repave Mill Road.", ("The Varnell Transit Authority",),
         "Halbrook & Sons"),
        # a firm may have a word of government in its name
        ("The Varnell council hired Harbor Town Builders to repave Mill Road.", ("The Varnell council",),
         "Harbor Town Builders"),
        ("The Varnell council hired City Electric Supply to repave Mill Road.", ("The Varnell council",),
         "City Electric Supply"),
    ],
)
def test_a_public_body_is_told_from_a_firm_by_the_word_its_name_ends_in(text: str, bodies: tuple[str, ...],
                                                                        firm: str) -> None:  # fmt: skip
    passage = _passage(text, _tagged(text, "ORG", *bodies, firm))
    assert _answers("Which contractor will repave Mill Road?", passage) == [firm]


@pytest.mark.parametrize("tagged", [True, False])
def test_a_street_is_no_firm(tagged: bool) -> None:
    text = "Quillane Avenue will close near the Varnell plant on Monday."
    passage = _passage(text, _tagged(text, "ORG", "Quillane Avenue") if tagged else [])
    assert _answers("Which company will close the Varnell plant?", passage) == []


def test_how_many_feet_is_answered_by_a_quantity_in_feet() -> None:
    text = "About 2 feet of snow fell on Varnell overnight, and 14 inches on Brisco."
    passage = _passage(text, _tagged(text, "QUANTITY", "2 feet", "14 inches"))
    assert _answers("How many feet of snow fell on Varnell?", passage) == ["2 feet"]


@pytest.mark.parametrize(
    ("question", "text", "label", "value"),
    [
        ("How many miles per hour did the winds reach in Varnell?", "Winds in Varnell reached 60 mph on Monday.",
         "QUANTITY", "60 mph"),
        ("How many square feet is the Varnell home?", "The Varnell home has 2,400 sq. ft. of space and 4 rooms.",
         "CARDINAL", "2,400"),
        ("How many pounds did the Varnell pumpkin weigh?", "The Varnell pumpkin, grown by 3 brothers, weighed 1,200 lbs.",
         "CARDINAL", "1,200"),
        ("How many degrees was it in Varnell on Monday?", "It was 98°F in Varnell, where 40 people fainted.", "CARDINAL",
         "98"),
    ],
)
def test_a_unit_may_be_written_as_its_abbreviation(question: str, text: str, label: str, value: str) -> None:
    others = [(m.start(), m.end(), "CARDINAL") for m in re.finditer(r"\b(?:4|3|40)\b", text)]
    assert _answers(question, _passage(text, _tagged(text, label, value) + others)) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "There is a 70 percent chance of snow in Varnell on Tuesday, and forecasters expect about 6 inches.",
        "Forecasters put the chance of snow in Varnell at 70 percent and expect about 6 inches.",
    ],
)
def test_a_chance_in_percent_is_no_amount(text: str) -> None:
    passage = _passage(text, _tagged(text, "PERCENT", "70 percent") + _tagged(text, "QUANTITY", "about 6 inches"))
    assert _answers("How much snow is Varnell expecting?", passage) == ["about 6 inches"]
    assert _answers("How big is the chance of snow in Varnell?", passage)[0] == "70 percent"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("Who is the spokesperson for the Varnell police?", "Varnell police spokesman Dana Mabry said the road is closed."),
        ("Who is the spokesperson for the Varnell police?", "Dana Mabry, a spokeswoman for the Varnell police, spoke."),
        ("Who is the chairman of the Varnell board?", "Varnell board chair Dana Mabry said the vote would wait."),
        ("Who is the chairwoman of the Varnell board?", "Chairman Dana Mabry said the Varnell board vote would wait."),
    ],
)
def test_a_role_in_man_woman_or_person_is_the_same_role_in_the_others(question: str, text: str) -> None:
    passage = _passage(text, _tagged(text, "PERSON", "Dana Mabry"))
    assert _answers(question, passage) == ["Dana Mabry"]


@pytest.mark.parametrize(("question", "text"), [
    ("Who is the CEO of the Orrin Valley co-op?", "Chief executive Dana Mabry said the Orrin Valley co-op would grow."),
    ("Who is the chief executive of Orrin Valley Power?", "Orrin Valley Power CEO Dana Mabry said it would grow."),
])  # fmt: skip
def test_a_ceo_is_a_chief_executive(question: str, text: str) -> None:
    passage = _passage(text, _tagged(text, "PERSON", "Dana Mabry"))
    assert _answers(question, passage) == ["Dana Mabry"]


@pytest.mark.parametrize(
    ("question", "text", "named"),
    [
        ("Who is the lawyer for the Varnell tenants?", "Dana Mabry, the attorney for the Varnell tenants, spoke.",
         True),
        ("Who is the Varnell tenants' attorney?", "The Varnell tenants' lawyer, Dana Mabry, spoke Monday.", True),
        # a prosecutor is the public's lawyer, no party's
        ("Who was Ted Orrin's lawyer at the Varnell trial?",
         "Assistant District Attorney Dana Mabry told the Varnell jury that Orrin lied.", False),
        ("Who was Ted Orrin's lawyer at the Varnell trial?", "Dana Mabry, the county prosecutor, spoke to the jury "
         "at the Varnell trial.", False),
        ("Who is Ted Orrin's attorney?", "Deputy District Attorney Dana Mabry said Varnell police found Orrin's car.",
         False),
        # a prosecutor's title right before or after someone else, or a former one
        ("Who was Ted Orrin's lawyer at the Varnell trial?", "Defense attorney Dana Mabry and District Attorney Ike "
         "Lund spoke at Ted Orrin's trial in Varnell.", True),
        ("Who is Ted Orrin's lawyer?", "Ted Orrin's lawyer, Dana Mabry, a former district attorney, spoke in Varnell.",
         True),
        ("Who is Ted Orrin's lawyer?", "Ted Orrin's lawyer, Dana Mabry, who was a prosecutor for 20 years, spoke in "
         "Varnell.", True),
        # a county's own attorney is a lawyer; the district attorney is asked for by that title
        ("Who is the lawyer for Varnell County?", "County Attorney Dana Mabry said Varnell County would appeal.", True),
        ("Who is the Varnell district attorney?", "Varnell District Attorney Dana Mabry filed the charges.", True),
    ],
)  # fmt: skip
def test_a_lawyer_is_an_attorney_and_a_prosecutor_no_partys_lawyer(question: str, text: str, named: bool) -> None:
    passage = _passage(text, _tagged(text, "PERSON", "Dana Mabry"))
    assert _answers(question, passage) == (["Dana Mabry"] if named else [])


@pytest.mark.parametrize(
    ("question", "text", "named"),
    [
        ("Who is the owner of the Quenlow bakery?", "Dana Brisk owns the Quenlow bakery on Dune Street.", True),
        ("Who is the owner of the Quenlow bakery?", "Dana Brisk, who bought the Quenlow bakery in 2019, said prices rose.",
         False),
        ("Who was the winner of the Quenlow race?", "Dana Mabry won the Quenlow race on Sunday.", True),
        ("Who is the mayor of Quenlow?", "Dana Mabry may run for mayor of Quenlow again.", False),  # no "may" of "mayor"
    ],
)
def test_who_is_the_agent_noun_is_answered_by_whoever_does_it(question: str, text: str, named: bool) -> None:
    passage = _passage(text, _tagged(text, "PERSON", " ".join(text.split()[:2]).rstrip(",")))  # the sentence's first name
    assert bool(_answers(question, passage)) is named


@pytest.mark.parametrize(
    ("question", "text", "named"),
    [
        # done by the name, in the passive; a noun for the doer that is not made from the verb ("landlord": own)
        ("Who is the owner of the Quenlow bakery?", "The Quenlow bakery has been owned since 2019 by Dana Brisk.",
         True),
        ("Who's the landlord at the Quenlow Court apartments?", "The Quenlow Court apartments have been owned since "
         "2019 by Dana Brisk.", True),
        ("Who's the landlord at the Quenlow Court apartments?", "The Quenlow Court apartments were inspected in 2019 "
         "by Dana Brisk.", False),
        ("Who runs the Quenlow shelter?", "The Quenlow shelter is run by Dana Brisk.", True),
        ("Who runs Orrin Health?", "The property is run by Dana Brisk.", False),  # of another thing
        # a noun that points back to what the question names
        ("Who's the landlord at Quenlow Court?", "Residents of Quenlow Court, a 96-unit complex, met Monday. The "
         "complex has been owned since 2019 by Dana Brisk.", True),
        ("Who owns Orrin Property Services?", "Residents of Quenlow Court, a 96-unit complex, met Monday. The "
         "complex has been owned since 2019 by Dana Brisk.", False),
        ("Who owns the Quenlow Arms?", "Residents of Quenlow Avenue, near a 96-unit complex, met Monday. The "
         "complex has been owned since 2019 by Dana Brisk.", False),  # a word of the name is not the name
        ("Who runs Quenlow Court?", "The laundry room at Quenlow Court is run by Dana Brisk.", False),
        ("Who runs the Quenlow shelter?", "The Quenlow shelter will host a weekday clinic run by Dana Brisk.", False),
    ],
)  # fmt: skip
def test_who_is_the_agent_noun_is_answered_by_whoever_does_it_in_the_passive(question: str, text: str,
                                                                              named: bool) -> None:  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Dana Brisk"))
    assert bool(_answers(question, passage)) is named


@pytest.mark.parametrize(
    ("question", "text", "value", "fits"),
    [
        ("How old is the Selbourne mill?", "One worker, a 62-year-old woman, was hurt at the Selbourne mill.",
         "62-year-old", False),
        ("How old is the Selbourne mill?", "Tam Ollerby, 41, was arrested near the Selbourne mill.", "41", False),
        ("How old is the Selbourne mill?", "The 90-year-old Selbourne mill will close.", "90-year-old", True),
        ("How old was the Selbourne driver?", "The Selbourne driver, a 52-year-old man, was hurt.", "52-year-old", True),
        ("How old is Tam Ollerby?", "Tam Ollerby, a 41-year-old farmer from Selbourne, was hurt.", "41-year-old", True),
        # a question about someone by a noun for anyone asks a person's age: a named person's age may answer it
        ("How old is the man who ran the Selbourne mill?", "Tam Ollerby, 41, ran the Selbourne mill for 20 years.",
         "41", True),
        ("How old was the woman hurt at the Selbourne mill?", "Tam Ollerby, 41, was hurt at the Selbourne mill.", "41",
         True),
        ("How old is the building where the man was found?", "Tam Ollerby, 41, was found at the Selbourne mill.", "41",
         False),
        # a person's age is no thing's ("the radios are 22 years old"), and the other way round
        ("How old is the Selbourne sheriff?", "Selbourne County radios are 22 years old, the sheriff said.",
         "22 years old", False),
        ("How old is the Selbourne sheriff?", "The Selbourne sheriff is 59 years old and will retire.", "59 years old",
         True),
    ],
)
def test_an_age_answers_only_for_whom_or_what_the_question_asks_about(question: str, text: str, value: str,
                                                                     fits: bool) -> None:  # fmt: skip
    entities = _tagged(text, "DATE", value) + ([(0, 11, "PERSON")] if text.startswith("Tam Ollerby") else [])
    assert (value in _answers(question, _passage(text, entities))) is fits


def test_a_number_that_names_a_road_or_a_grade_counts_nothing() -> None:
    text = "Students in grades 6 through 12 at Selbourne High must lock up their phones, and Route 9 is closed."
    passage = _passage(text, _tagged(text, "CARDINAL", "6", "12", "9"))
    assert _answers("How many students go to Selbourne High?", passage) == []


@pytest.mark.parametrize(
    ("name", "question", "named"),
    [
        # the question names the hospital by the first words of its name, possessive and all
        ("Orlow Regional Medical Center", "Which firm designed Orlow Regional's new wing?", True),
        ("Orlow Regional Medical Center", "Which firm designed the new wing at Orlow Regional?", True),
        # or by the last words: "the port commission", "the electric cooperative"
        ("The Tarnby County Port Commission", "Whom did the port commission pick to dredge the harbor?", True),
        ("Lanford Electric Cooperative", "Who manages the electric cooperative?", True),
        # another name beside the shared words is another organisation of the same kind
        ("Kestrel Valley Foods", "Which company bought Kestrel Valley Dairy?", False),
        ("Orlow High School", "Which school did Tarnby High School beat?", False),
        ("Orlow Fire Department", "Which fire department helped the Tarnby Fire Department?", False),
        # one shared word is a place the firm is named after, not the firm
        ("Kestrelton Builders Inc.", "Which firm will build the Kestrelton library?", False),
        ("Orlow Regional Medical Center", "Which firm designed the new Orlow wing?", False),
        # the shared words before another kind of place than the name's: the town's clinic, not its library
        ("the Ossory Flats Public Library", "Where will the Ossory Flats clinic's patients go?", False),
        ("the Ossory Flats Public Library", "When does the Ossory Flats library reopen?", True),
        ("Ossory Flats Foods", "Who owns the Ossory Flats store?", True),  # a name that says no kind
        # all of a name's words, as before
        ("Tamsin Vale Architects", "Did Tamsin Vale Architects design the wing?", True),
    ],
)
def test_a_name_the_question_gives_by_its_first_words_is_no_answer(name: str, question: str, named: bool) -> None:
    from rag.candidates import _in_question
    from rag.text import normalise, words

    assert _in_question(name, "ORG", normalise(question), set(words(question)), question) is named


@pytest.mark.parametrize(("name", "named"), [
    ("Ivo Stannard of Orlow", True), ("Ivo Pellham of Orlow", False), ("Ada Stannard of Orlow", False),
])  # fmt: skip
def test_a_persons_name_with_their_town_is_named_by_the_question_that_gives_the_name(name: str, named: bool) -> None:
    """The model may take a person's town into the name ("Mae Orlowski of Tolliver")."""
    from rag.candidates import _in_question
    from rag.text import normalise, words

    question = "Who bought Ivo Stannard's prize hog?"
    assert _in_question(name, "PERSON", normalise(question), set(words(question)), question) is named


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
    from rag.candidates import answer_clause
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


def test_who_may_be_answered_by_an_organisation_but_a_person_is_of_the_first_kind() -> None:
    from rag.candidates import find_candidates
    from rag.query import analyse

    text = "Brackwell Community College will train welders for the Tarnby plant, said plant manager Ines Orrow."
    passage = _passage(text, _tagged(text, "ORG", "Brackwell Community College") + _tagged(text, "PERSON", "Ines Orrow"))
    found = {c.answer_text(): c.features["answer_first_kind"]
             for c in find_candidates(analyse("Who will train the welders for the Tarnby plant?"), [passage],
                                      idf=lambda stem: 1.0)}  # fmt: skip
    assert found == {"Brackwell Community College": 0.0, "Ines Orrow": 1.0}


def test_the_one_the_question_says_does_it_is_not_the_one_it_was_done_to() -> None:
    text = "The Tarnby City Council voted 5-2 on Monday to hire Sheriff's Capt. Wenna Colquite as police chief."
    passage = _passage(text, _tagged(text, "ORG", "The Tarnby City Council") + _tagged(text, "PERSON", "Wenna Colquite"))
    assert _answers("Who did Tarnby pick to run its police department?", passage) == ["Wenna Colquite"]
    assert _answers("Whom did the Tarnby council hire?", passage) == ["Wenna Colquite"]
    # asked for the one who does it, the council answers
    assert "The Tarnby City Council" in _answers("Who hired Wenna Colquite?", passage)
    # a firm named after the town is no town council
    text = "The town of Kestrelton hired Kestrelton Paving Co. to repave Elm Street."
    passage = _passage(text, _tagged(text, "ORG", "Kestrelton Paving Co."))
    assert _answers("Which company did Kestrelton hire to repave Elm Street?", passage) == ["Kestrelton Paving Co."]


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
    from rag.candidates import answer_clause
    from rag.query import analyse

    assert answer_clause(analyse(question), _value_candidate(text, value, "DATE"))["mood_agrees"] == agrees


@pytest.mark.parametrize(
    ("question", "text", "tells"),
    [
        # told as done, or as not done: yes or no
        ("Did Ketterby qualify for federal disaster aid?", "Ketterby qualified for federal disaster aid on Friday.",
         True),
        ("Did Ketterby qualify for federal disaster aid?", "Ketterby did not qualify for federal disaster aid, the "
         "state said.", True),
        ("Has the Orlow council approved the sewer lines?", "The Orlow council voted 4-1 on Monday to approve the "
         "sewer lines.", True),
        # what may, will or has to be is neither
        ("Did Ketterby qualify for federal disaster aid?", "Ketterby needs $2 million in public damage to qualify "
         "for federal disaster aid.", False),
        ("Has the Orlow council approved the sewer lines?", "The Orlow council still has to approve the sewer lines.",
         False),
        ("Did the Pellow board reopen the pool?", "The Pellow board would reopen the pool if donors paid for repairs.",
         False),
        ("Did the Pellow board reopen the pool?", "The board said it would survey residents before deciding whether "
         "to reopen the pool.", False),
        ("Did the Pellow board reopen the pool?", "Residents packed the meeting to ask the board to reopen the pool.",
         False),
        # a sentence about something else
        ("Did the Pellow board reopen the pool?", "The Pellow pool has been closed since a pipe burst in June.",
         False),
        # a question about what will be is answered by what will be
        ("Will the Pellow board reopen the pool?", "The Pellow board will reopen the pool in May.", True),
        # a noun of the verb tells of it too
        ("Did Ketterby's council approve the budget?", "Approval of the Ketterby budget came on a 5-2 vote.", True),
        # a question on "be" alone asks for no verb
        ("Was the Pellow pool safe?", "The Pellow pool has been closed since a pipe burst in June.", True),
    ],
)  # fmt: skip
def test_a_yes_no_question_is_answered_only_by_a_sentence_that_tells_whether(question: str, text: str, tells: bool) -> None:
    from rag.candidates import tells_whether
    from rag.query import analyse

    assert tells_whether(analyse(question), text) is tells


def test_a_verb_alike_in_meaning_tells_whether_and_one_unlike_does_not(likeness: "WordLikeness") -> None:
    """"Did the county get the grant?": "received" tells whether; "needs" does not."""
    from rag.candidates import tells_whether
    from rag.query import analyse

    question = analyse("Did Ketterby County get the state flood grant?")
    assert tells_whether(question, "Ketterby County received the state flood grant in March.", likeness)
    assert not tells_whether(question, "Ketterby County needs the state flood grant to rebuild the levee.", likeness)
    # a verb alike in meaning in the plain present tells of what is, not of what was done
    hired = analyse("Has Orlow Tool hired the 90 new workers?")
    assert not tells_whether(hired, "Orlow Tool already employs about 350 people at the plant.", likeness)
    assert tells_whether(hired, "Orlow Tool has employed 90 new workers since May.", likeness)


def test_a_person_with_a_title_or_a_college_is_no_company() -> None:
    """The model may tag "City Engineer Dana Voss" as an organisation: a title before a name makes it a person; a
    college trains workers for a firm but is none. A firm's name with a person's in it stays a firm."""
    text = ("City Engineer Dana Voss said Keswick Bridge Works repaired the Orlow bridge, and Tarnby Community "
            "College will train its welders.")  # fmt: skip
    passage = _passage(text, _tagged(text, "ORG", "City Engineer Dana Voss", "Keswick Bridge Works",
                                     "Tarnby Community College"))  # fmt: skip
    assert _answers("Which company repaired the Orlow bridge?", passage) == ["Keswick Bridge Works"]
    text = "Director Services Group of Tarnby repaired the Orlow bridge."
    passage = _passage(text, _tagged(text, "ORG", "Director Services Group"))
    assert _answers("Which company repaired the Orlow bridge?", passage) == ["Director Services Group"]


def test_a_firm_the_model_took_for_a_person_in_a_headline_lends_no_surname() -> None:
    """"Keswick Pump Works to add 90 jobs": the headline's tag of the firm as a person does not make "Works" a
    surname, so the firm still answers "Which company ...?"."""
    text = "Keswick Pump Works to add 90 jobs\nORLOW - Keswick Pump Works will expand its plant after a tax break."
    body = text.index("ORLOW")
    entities = [(0, len("Keswick Pump Works"), "PERSON"), (body, body + len("ORLOW - Keswick Pump Works"), "ORG")]
    passage = _passage(text, entities)
    assert _answers("Which company got a tax break to expand its plant in Orlow?", passage) == ["Keswick Pump Works"]


def test_a_town_or_a_street_the_model_took_for_a_person_answers_no_who_question() -> None:
    """"both of Marrowden": the model may tag a town as a person where it follows a list of people, and tag it as a
    place elsewhere, or the passage puts it after "in"; "watched over Quillon Street" is a street."""
    text = ("Dana Lisle, 29, and Tam Wyle, 22, both of Marrowden, were arrested Friday. The sheriff's office in "
            "Marrowden said the two had 40 stolen bikes.")  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Dana Lisle", "Tam Wyle", "Marrowden"))
    assert "Marrowden" not in _answers("Whom did the sheriff's office arrest on Friday?", passage)
    assert "Dana Lisle" in _answers("Whom did the sheriff's office arrest on Friday?", passage)
    text = "The old Harwick hotel has watched over Quillon Street since 1871, and Jo Tallis owns it."
    passage = _passage(text, _tagged(text, "ORG", "Quillon Street") + _tagged(text, "PERSON", "Jo Tallis"))
    assert _answers("Who owns the old Harwick hotel?", passage) == ["Jo Tallis"]


def test_the_one_who_gives_is_no_answer_to_whom_it_was_given() -> None:
    """"To whom did Ostmere give the permit?": not "The Ostmere Village Board", which gave it."""
    text = "The Ostmere Village Board voted 4-1 to grant a demolition permit to the owner, Ivo Pender."
    passage = _passage(text, _tagged(text, "ORG", "The Ostmere Village Board") + _tagged(text, "PERSON", "Ivo Pender"))
    assert _answers("To whom did Ostmere give the demolition permit?", passage) == ["Ivo Pender"]


_JAIL_BEDS = "The plan adds 60 beds to the Quell County jail, which has 150, for a total of 210."
_FOOD_BANK = "The Quell food bank fed 1,900 families in 2023 and expects to feed 2,200 this year."


@pytest.mark.parametrize(
    ("question", "text", "value", "label", "other"),
    [
        ("How many firefighters were hurt in the Quell Court fire?", "The fire broke out in a 12-unit building on "
         "Quell Court.", "12", "CARDINAL", True),
        ("How many firefighters were hurt in the Quell Court fire?", "Three firefighters were hurt in the Quell Court "
         "fire.", "Three", "CARDINAL", False),
        # a number that says nothing of what it counts may count the thing asked
        ("How many inmates can the Quell County jail hold?", "The Quell County jail has 16.", "16", "CARDINAL", False),
        # and so may one that counts by the question's verb
        ("How many people got arrested on Quell Lake last summer?", "Deputies made 23 arrests on Quell Lake last "
         "summer.", "23", "CARDINAL", False),
        # a question that counts nothing
        ("When did the Quell Court fire start?", "The fire broke out in a 12-unit building on Quell Court.", "12",
         "CARDINAL", False),
        # a number standing alone counts the noun the sentence counted last before it
        ("How many deputies work at the Quell County jail?", _JAIL_BEDS, "150", "CARDINAL", True),
        ("How many deputies work at the Quell County jail?", _JAIL_BEDS, "210", "CARDINAL", True),
        ("How many beds does the Quell County jail have?", _JAIL_BEDS, "150", "CARDINAL", False),
        ("How many teachers work at Quell Elementary?", "Enrollment at Quell Elementary rose from 310 pupils last "
         "year to 345 this fall.", "345", "CARDINAL", True),
        ("How many volunteers does the Quell food bank have?", _FOOD_BANK, "2,200", "CARDINAL", True),
        ("How many families will the Quell food bank feed this year?", _FOOD_BANK, "2,200", "CARDINAL", False),
        # after another verb it counts no noun before it; after "more" it does
        ("How many visitors did the Quell library draw?", "The Quell library bought 40 computers last year and drew "
         "52,000.", "52,000", "CARDINAL", False),
        ("How many members does the Quell lighthouse society have?", "The Quell lighthouse society owns one "
         "lighthouse and leases two more from the state.", "two", "CARDINAL", True),
        # a number before "all" and a noun counts the noun
        ("How many teachers does the Quell district have?", "The Quell district runs 45 all new buses.", "45",
         "CARDINAL", True),
        # not a count that describes the number's own subject, nor a part of what "them" stands for
        ("How many guides work at the Quell lodge?", "The Quell lodge, which has 40 rooms, employs 25 in summer.",
         "25", "CARDINAL", False),
        ("How many freshmen are in the Quell High band?", "The Quell High band has 70 members, 15 of them freshmen.",
         "15", "CARDINAL", False),
        # a noun for those who do the question's verb counts them: "applicants" for "applied", "bidders" for "bid"
        ("How many people applied for the Quell clerk's job?", "The board said the search drew 31 applicants.", "31",
         "CARDINAL", False),
        ("How many companies bid on the Quell pool?", "The town heard from four bidders in all.", "four", "CARDINAL",
         False),
        ("How many cars passed the Quell checkpoint?", "The ferry carried 90 passengers on Sunday.", "90", "CARDINAL",
         True),
        # a number hyphen-joined to a noun tells a kind of the thing, not how many there are
        ("How many lofts will the Quell mill hold?", "Its one-bedroom lofts will rent for $1,100 a month.", "one",
         "CARDINAL", True),
        ("How many bedrooms do the Quell lofts have?", "Its one-bedroom lofts will rent for $1,100 a month.", "one",
         "CARDINAL", False),
        # whatever the parser makes of the noun described ("home" taken for an adverb here)
        ("How many exam rooms does the Quell clinic have?", "Inspectors fined Orrin Manor, a 96-bed nursing home in "
         "Quell, $8,500.", "96", "CARDINAL", True),
        # a number the model tagged with a word of a compound noun counts the compound's noun
        ("How many ambulances does Quell have?", "Quell logged 610 ambulance calls last year.", "610 ambulance",
         "CARDINAL", True),
        ("How many ambulance calls did Quell log?", "Quell logged 610 ambulance calls last year.", "610 ambulance",
         "CARDINAL", False),
    ],
)  # fmt: skip
def test_a_number_of_something_else_answers_no_how_many_question(
    question: str, text: str, value: str, label: str, other: bool
) -> None:
    from rag.candidates import counts_something_else
    from rag.query import analyse

    assert counts_something_else(analyse(question), _value_candidate(text, value, label)) is other


def test_a_number_of_something_alike_in_meaning_counts_the_thing_asked(likeness: "WordLikeness") -> None:
    """"about 310 riders" counts the people "How many people ride the bus?" asks about; "14 intersections" counts
    no cars."""
    from rag.candidates import counts_something_else
    from rag.query import analyse

    riders = _value_candidate("Route 9 carries about 310 riders on a weekday.", "about 310", "CARDINAL")
    assert not counts_something_else(analyse("How many people ride the Route 9 bus on a weekday?"), riders, likeness)
    signals = _value_candidate("New signals will go up at 14 intersections along Quell Avenue.", "14", "CARDINAL")
    assert counts_something_else(analyse("How many cars a day travel on Quell Avenue?"), signals, likeness)
    # a unit of "a 16-unit building" is one of its homes, hyphen-joined or not
    units = _value_candidate("The Quell Hotel will become a 16-unit apartment building.", "16", "CARDINAL")
    assert not counts_something_else(analyse("How many apartments will the Quell Hotel hold?"), units, likeness)
    assert counts_something_else(analyse("How many buildings does Quell Hotel own?"), units, likeness)
    # and it counts homes, not the people living in them
    assert counts_something_else(analyse("How many Quell Hotel tenants signed the letter?"), units, likeness)


def test_jobs_are_counted_only_by_the_nouns_news_counts_jobs_by(likeness: "WordLikeness") -> None:
    """"120 new boat slips" counts no jobs, though word likeness puts "boat" near "job"; "employ 120 people" does."""
    from rag.candidates import counts_something_else
    from rag.query import analyse

    question = analyse("How many new jobs will the Orlow marina expansion create?")
    slips = _value_candidate("The board let the Orlow marina build 120 new boat slips on the lake.", "120", "CARDINAL")
    assert counts_something_else(question, slips, likeness)
    people = _value_candidate("The Orlow marina expects to employ 120 people after the expansion.", "120", "CARDINAL")
    assert not counts_something_else(question, people, likeness)
    # nor does a utility's count of customers count its employees, however alike the nouns of people
    workers = analyse("How many employees work at the Orlow utility?")
    customers = _value_candidate("At the peak, 9,400 of the Orlow utility's 11,900 customers lost power.", "11,900",
                                 "CARDINAL")
    assert counts_something_else(workers, customers, likeness)
    staff = _value_candidate("The Orlow utility has 85 workers on its payroll.", "85", "CARDINAL")
    assert not counts_something_else(workers, staff, likeness)


_ASKED_FOR_BEDS = "Mayor Ada Renn asked Quell County for more addiction treatment beds on Tuesday. The county has 12."


@pytest.mark.parametrize(
    ("question", "text", "other"),
    [
        ("How many nurses work at the Quell County clinic?", _ASKED_FOR_BEDS, True),
        ("How many treatment beds does Quell County have?", _ASKED_FOR_BEDS, False),
        # "more money" is no thing counted
        ("How many snowplows does Quell County have?", "Quell County spent more money on snow removal this winter "
         "than ever. The county has 12.", False),
    ],
)
def test_a_number_a_place_has_counts_what_the_sentence_before_asks_more_of(question: str, text: str,
                                                                          other: bool) -> None:  # fmt: skip
    """"asked for more addiction treatment beds. The county has 12.": 12 beds (the parser hangs "more" on
    "addiction")."""
    from rag.candidates import Candidate, counts_something_else
    from rag.query import analyse

    start = text.index("The county")
    value = text.index("12")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + 2, "CARDINAL")])
    assert counts_something_else(analyse(question), candidate) is other


@pytest.mark.parametrize(
    ("question", "text", "value", "another"),
    [
        # the day of a vote to do something is not the day it was done
        ("When were the Quell levee repairs completed?", "The levee board voted on Tuesday to repair the Quell levee.",
         "Tuesday", True),
        ("When does Dana Lisle take over as Quell's police chief?", "The Quell council voted 5-2 Monday to hire Dana "
         "Lisle as police chief.", "Monday", True),
        # unless what was voted on is what is asked, or the vote itself
        ("When was the Quell police chief hired?", "The Quell council voted 5-2 Monday to hire Dana Lisle as police "
         "chief.", "Monday", False),
        ("When did the Quell council vote on the budget?", "The Quell council voted Tuesday to adopt the budget.",
         "Tuesday", False),
        ("When will Quell voters vote on the bond?", "Quell voters will decide Nov. 5 whether to borrow $4 million.",
         "Nov. 5", False),
        # the day what was decided takes effect, which the parser may hang on the vote
        ("When does Quell's new water charge start?", "The Quell board voted 7-2 Monday to raise the water charge "
         "from $28 to $32, effective Jan. 1, 2025.", "Jan. 1, 2025", False),
    ],
)  # fmt: skip
def test_the_day_of_a_decision_to_do_something_else_answers_no_when_question(
    question: str, text: str, value: str, another: bool
) -> None:
    from rag.candidates import dates_another_event
    from rag.query import analyse

    assert dates_another_event(analyse(question), _value_candidate(text, value, "DATE")) is another


@pytest.mark.parametrize(
    ("question", "text", "value", "done"),
    [
        # what was done on another verb is past: no day of what will be
        ("When will the Orrin Creek bridge reopen?", "The Orrin Creek bridge, which has been closed since June, is "
         "one of 11 spans.", "June", True),
        ("When will the Orrin Creek bridge reopen?", "Most of the county's bridges are one-lane spans built in the "
         "1930s.", "the 1930s", True),
        ("When will the Brenton Mall be torn down?", "The Wexham council approved a demolition permit for the Brenton "
         "Mall on Sept. 9.", "Sept. 9", True),
        # what will be, the question's own verb, or a day a preposition puts ahead
        ("When will the Orrin Creek bridge reopen?", "The county said the Orrin Creek bridge will reopen in May.",
         "May", False),
        ("When will the Orrin Creek bridge reopen?", "The Orrin Creek bridge reopened in May.", "May", False),
        ("When will the Wexham council vote on the levy?", "The Wexham council postponed its vote on the levy until "
         "June 3.", "June 3", False),
        # not for a question about what was done
        ("When was the Brenton Mall torn down?", "The Wexham council approved a demolition permit for the Brenton "
         "Mall on Sept. 9.", "Sept. 9", False),
    ],
)  # fmt: skip
def test_the_day_of_what_was_done_answers_no_question_about_what_will_be(
    question: str, text: str, value: str, done: bool
) -> None:
    from rag.candidates import dates_what_was_done
    from rag.query import analyse

    assert dates_what_was_done(analyse(question), _value_candidate(text, value, "DATE")) is done


@pytest.mark.parametrize(
    ("question", "text", "value", "anothers"),
    [
        ("How many teachers work at Kinloss Elementary?", "Merriwold's 11 teachers will move to other schools.", "11",
         True),
        ("How many volunteer firefighters does Osprey Bay have?", "Larchmere had 41 volunteer firefighters in 2010.",
         "41", True),
        # the one asked about, or no one named
        ("How many teachers work at Kinloss Elementary?", "Kinloss Elementary's 14 teachers will stay.", "14", False),
        ("How many volunteer firefighters does Osprey Bay have?", "Osprey Bay has 23 volunteer firefighters.", "23",
         False),
        ("How many teachers work at Kinloss Elementary?", "The school's 14 teachers will stay.", "14", False),
    ],
)  # fmt: skip
def test_a_count_of_another_named_ones_things_answers_no_how_many_question(
    question: str, text: str, value: str, anothers: bool
) -> None:
    from rag.candidates import counts_anothers
    from rag.query import analyse

    assert counts_anothers(analyse(question), _value_candidate(text, value, "CARDINAL")) is anothers


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("What is the average hourly wage at the Tressan plant?", True),
        ("What does a starting weaver make an hour in Tressan?", True),
        ("How much will a monthly parking pass in Tressan cost?", True),
        ("What will Tressan households pay each month for trash pickup?", True),
        # a period that dates what is asked is no rate
        ("How much did the Tressan plant cost a year ago?", False),
        ("How much did Tressan spend on the plant last year?", False),
        # or per unit of measure
        ("How much per pound will the Tressan cannery pay growers?", True),
        ("What do Tressan farmers pay for an acre-foot of water?", True),
        ("How much did the 40-acre Tressan farm sell for?", False),
    ],
)  # fmt: skip
def test_a_question_may_ask_for_a_sum_per_period(question: str, rate: bool) -> None:
    from rag.candidates import asked_rate

    assert (asked_rate(question) is not None) is rate


def test_a_question_for_a_sum_per_period_is_answered_by_a_sum_per_period() -> None:
    """"What is the hourly wage?": "$21 an hour", not the plant's "$12 million"; a period before the sum will do
    ("The monthly bill will drop from $30 to $25")."""
    text = "Tressan will spend $12 million on the plant, where the new jobs will pay $21 an hour."
    passage = _passage(text, _tagged(text, "MONEY", "$12 million", "$21"))
    assert _answers("What is the average hourly wage at the Tressan plant?", passage) == ["$21"]
    # and a sum per hour answers no question for a sum in all (rag.number_roles)
    assert _answers("How much will Tressan spend on the plant?", passage) == ["$12 million"]
    text = "The monthly bill for a trash cart in Tressan will drop from $30 to $25."
    passage = _passage(text, _tagged(text, "MONEY", "$30", "$25"))
    # (the $30 the bill drops from is its earlier figure: rag.number_roles)
    assert _answers("What will Tressan households pay each month for trash pickup?", passage) == ["$25"]



def test_a_year_after_the_articles_answers_no_question_about_what_was_done() -> None:
    """"When was Harrow Hall torn down?": "will be torn down in the summer of 2027", in a 2025 article, is a plan;
    it answers "When will ...?", and a year the article could report does answer."""
    text = "Harrow Hall will be torn down in the summer of 2027, after the new Tressan library opens."
    passage = _passage(text, _tagged(text, "DATE", "the summer of 2027")).model_copy(update={"published": "2025-06-11"})
    assert _answers("When was Harrow Hall torn down?", passage) == []
    assert _answers("When will Harrow Hall be torn down?", passage) == ["the summer of 2027"]
    assert _answers("When was Harrow Hall expected to be torn down?", passage) == ["the summer of 2027"]
    assert _answers("When was Harrow Hall torn down?", passage.model_copy(update={"published": "2028-01-05"})) == [
        "the summer of 2027"
    ]


def test_a_question_for_a_price_per_unit_is_answered_by_a_price_per_unit() -> None:
    """"How much per pound will the cannery pay?": "$0.12 a pound", not the $26 million the frost cost growers."""
    text = "The frost cost Tressan growers $26 million. The cannery will pay $0.12 a pound for cider apples."
    passage = _passage(text, _tagged(text, "MONEY", "$26 million", "$0.12"))
    assert _answers("How much per pound will the Tressan cannery pay growers?", passage) == ["$0.12"]
    alone = "The frost cost Tressan growers $26 million."
    assert _answers("How much per pound will the Tressan cannery pay growers?", _passage(alone, _tagged(
        alone, "MONEY", "$26 million"))) == []  # fmt: skip


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("How much does the Wrenmouth ferry charge for a foot passenger?",
         "The Wrenmouth ferry charges $4 for foot passengers.", "$4"),
        ("How much does Carrow College charge for a degree in nursing?",
         "A nursing degree at Carrow College costs $48,000 over four years.", "$48,000"),
        ("How much did Marla's Bakery charge for a pound cake?",
         "Marla's Bakery sold its pound cakes for $12 each at the Orlow fair.", "$12"),
        ("How much did Quarrel County pay for a mile-long stretch of Route 9?",
         "Quarrel County paid $4 million to repave the mile-long stretch of Route 9.", "$4 million"),
    ],
)  # fmt: skip
def test_a_thing_bought_whole_named_by_a_unit_asks_for_no_price_per_unit(question: str, text: str, value: str) -> None:
    """"for a foot passenger", "for a pound cake": a unit's word in a thing's name asks no price per foot or pound;
    "for a gallon of gas" does."""
    from rag.candidates import asked_rate

    assert _answers(question, _passage(text, _tagged(text, "MONEY", value))) == [value]
    assert asked_rate("How much did Wrenmouth pay for a gallon of diesel?") is not None


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("When was the Tressan zoning hearing scheduled?",
         "The Tressan zoning hearing was scheduled for January 2026.", "January 2026"),
        ("When were the Pellham school bonds due?", "The Pellham school bonds are due in 2035.", "2035"),
        ("When was the new Brackwell plant expected to open?",
         "The new Brackwell plant was expected to open in 2027.", "2027"),
        ("What date was the Tressan levy vote set for?", "The Tressan levy vote was set for Nov. 3, 2026.",
         "Nov. 3, 2026"),
        ("When did Tressan Hospital say it would close its maternity ward?",
         "Tressan Hospital will close its maternity ward in January 2026.", "January 2026"),
        ("What year was the Pellham budget for?", "The council adopted the Pellham budget for fiscal 2026.",
         "fiscal 2026"),
    ],
)  # fmt: skip
def test_a_date_set_ahead_may_be_after_the_articles(question: str, text: str, value: str) -> None:
    """"When was the hearing scheduled?", "When were the bonds due?" ask for a date set ahead, and a fiscal year is
    named before it begins: a year after the 2025 article's still answers."""
    passage = _passage(text, _tagged(text, "DATE", value)).model_copy(update={"published": "2025-06-11"})
    assert _answers(question, passage) == [value]


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        ("What rent will the Tressan apartments charge?", "The council gave up to $38 million in financing to the "
         "Tressan developer.", "$38 million", True),
        ("What rent will the Tressan apartments charge?", "Rents at the Tressan apartments will start at $950 a "
         "month.", "$950", False),
        # a question for a sum of no named kind
        ("How much will the Tressan apartments cost?", "The council gave up to $38 million in financing to the "
         "Tressan developer.", "$38 million", False),
    ],
)  # fmt: skip
def test_a_sum_of_another_kind_answers_no_question_for_a_salary_a_rent_or_a_fare(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import sums_something_else

    assert _flags(sums_something_else, question, text, value, "MONEY") is other


def test_a_word_alike_names_the_sum_asked(likeness: "WordLikeness") -> None:
    """"What is the hourly wage?": "will pay $21 an hour" names it; "positions that will cost $1.9 million" does not."""
    from rag.candidates import sums_something_else
    from rag.query import analyse

    question = analyse("What is the average wage at the Tressan plant?")
    paid = _value_candidate("The new Tressan jobs will pay $21 an hour on average.", "$21", "MONEY")
    positions = _value_candidate("The Tressan positions will cost $1.9 million a year.", "$1.9 million", "MONEY")
    assert not sums_something_else(question, paid, likeness)
    assert sums_something_else(question, positions, likeness)


@pytest.mark.parametrize(
    ("question", "text", "tells"),
    [
        # a verb of the same outcome, a noun of the question's verb, a light verb's object
        ("Did the Orlow council approve the budget?", "The Orlow council passed the budget 5-2 on Monday.", True),
        ("Has the Orlow council hired a police chief?", "The Orlow council appointed Ada Renn as police chief.", True),
        ("Did police make any arrests after the Orlow robbery?", "Police arrested two men after the Orlow robbery.",
         True),
        # a verb the tagger took for an adjective or a noun is still asked about
        ("Did the Orlow plant close?", "The Orlow plant will close in June if no buyer is found.", False),
        ("Did the Orlow plant close?", "The Orlow plant closed on Friday.", True),
        # what must be has not been
        ("Did the Orlow council approve the budget?", "The Orlow council must approve the budget by June 30.", False),
        # nor what is arranged to be ("is to begin"), nor what hangs on it ("once ... is finished")
        ("Did Tolver Pumps finish its plant addition?", "Hiring is to begin next year, once the addition is "
         "finished.", False),
        ("Did Tolver Pumps finish its plant addition?", "Tolver Pumps finished the addition in March, and hiring "
         "began.", True),
        # a verdict, a decision, an ending either way, in other words
        ("Was Dana Pruett convicted of arson?", "A Wexham jury acquitted Dana Pruett of arson on Friday.", True),
        ("Has the Orlow board granted the variance?", "The Orlow board denied the variance Tuesday.", True),
        ("Has the repaving of Elm Street been completed?", "Crews finished repaving Elm Street on Wednesday.", True),
        ("Did the Orlow mill close?", "The Orlow mill shut its gates for good on Friday.", True),
        # a phrasal verb tells as the verb it means, in the question ("sign off") or the sentence ("stepped down")
        ("Has Orlow's police chief resigned?", "Police Chief Ada Renn stepped down Friday after 27 years.", True),
        ("Did the Orlow board approve the permit?", "The Orlow board turned down the permit on a 4-1 vote.", True),
        ("Did the judge dismiss the Orlow lawsuit?", "A Tarnby judge threw out the Orlow lawsuit on Wednesday.", True),
        ("Did the Orlow union sign off on the contract?", "Orlow union members ratified the contract 27 to 2.", True),
        ("Has the old Orlow armory been torn down?", "Crews finished razing the old Orlow armory on Monday.", True),
        ("Has Orlow's police chief resigned?", "Police Chief Ada Renn stepped onto the stage on Friday.", False),
        # what is planned to settle it is not done, nor what a vote to borrow was for
        ("Did Orlow Mills settle the lawsuit?", "Orlow Mills plans to pay $90,000 to settle the lawsuit.", False),
        ("Did the Orlow council repair the library roof?", "The Orlow council voted Monday to borrow $2 million to "
         "repair the library roof.", False),
        # "can" of what follows from a deed done leaves the deed done; a noun of the deed as a subject has its own time
        ("Did Orlow close the pool at Elm Park?", "Residents can no longer swim at Elm Park because Orlow closed the "
         "pool in June.", True),
        ("Did the Orlow board approve the townhouses?", "The board's approval of the townhouses in March will let "
         "Brickline Homes start work in May.", True),
        ("Did the Orlow board approve the townhouses?", "The Orlow planning commission recommended approval of the "
         "townhouses 5-2.", False),
        # what may be done, and a noun of the verb in a clause of what is not (yet) done, are not done
        ("Has Orlow Chemical been fined?", "The state can fine Orlow Chemical up to $10,000 a day.", False),
        ("Has Rena Dorsett been sentenced?", "Prosecutors will recommend a sentence of two years for Rena Dorsett.",
         False),
        ("Has Rena Dorsett been sentenced?", "Rena Dorsett's sentence of two years was handed down on Friday.", True),
        ("Has the Orlow board cut the band program?", "The superintendent gave the Orlow board a list of possible "
         "cuts.", False),
        ("Has Orlow Tool hired the 90 workers?", "Hiring is to begin at Orlow Tool in the spring.", False),
        # a purpose stated before what was done is not done
        ("Did Tolver Marina get its state permit?", "To get the state permit, Tolver Marina agreed to move its fuel "
         "dock.", False),
        ("Did Tolver Marina get its state permit?", "Tolver Marina agreed to move its fuel dock and got the state "
         "permit.", True),
        # what was done before something else happened is done
        ("Did the Orlow council pass the budget?", "The Orlow council debated for hours before passing the budget "
         "5-2.", True),
        # nor what is being studied or talked about
        ("Did Orlow and Pell merge their fire departments?", "Orlow and Pell agreed to study merging their fire "
         "departments.", False),
        ("Did Orlow and Pell merge their fire departments?", "Orlow and Pell are talking about merging their fire "
         "departments.", False),
        ("Did Orlow and Pell merge their fire departments?", "Orlow and Pell merged their fire departments in May.",
         True),
    ],
)  # fmt: skip
def test_a_yes_no_question_is_told_by_the_same_outcome_in_other_words(question: str, text: str, tells: bool) -> None:
    from rag.candidates import tells_whether
    from rag.query import analyse

    assert tells_whether(analyse(question), text) is tells


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # "arrested 23 people" counts the arrests asked about
        ("How many arrests did police make at Quell Lake?", "Police arrested 23 people at Quell Lake last summer.",
         "23", False),
        # members of what the question counts are that; members of another body are not
        ("How many faculty does Quell College have?", "The Quell College union represents 140 full-time and "
         "part-time faculty members.", "140", False),
        ("How many faculty does Quell College have?", "The Quell College union represents 140 board members.", "140",
         True),
    ],
)  # fmt: skip
def test_a_number_of_people_or_of_what_the_verb_does_counts_the_thing_asked(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import counts_something_else

    assert _flags(counts_something_else, question, text, value, "CARDINAL") is other


def test_a_persons_name_after_in_is_no_place_and_a_date_of_an_event_is_no_decisions() -> None:
    from rag.candidates import dates_another_event
    from rag.query import analyse

    text = ("The Orlow school board voted 4-1 Monday to fire Superintendent Ada Renn. Members said they lost "
            "confidence in Ada Renn after the audit.")  # fmt: skip
    passage = _passage(text, _tagged(text, "ORG", "The Orlow school board") + _tagged(text, "PERSON", "Ada Renn"))
    assert "Ada Renn" in _answers("Whom did the Orlow school board fire?", passage)
    sworn = _value_candidate("Ada Renn was sworn in as Orlow mayor on Jan. 3 to serve a four-year term.", "Jan. 3",
                             "DATE")  # fmt: skip
    assert not dates_another_event(analyse("When did Ada Renn take office as Orlow mayor?"), sworn)


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        ("What is the bus fare in Orlow?", "A ride on an Orlow city bus costs $2.50, the transit office said.", "$2.50",
         False),
        ("What is the pay at the Orlow plant?", "Workers at the Orlow plant will make $20 an hour.", "$20", False),
    ],
)  # fmt: skip
def test_a_sum_charged_or_earned_names_a_fare_or_pay(question: str, text: str, value: str, other: bool) -> None:
    from rag.candidates import sums_something_else

    assert _flags(sums_something_else, question, text, value, "MONEY") is other


def test_a_firm_with_a_title_word_in_its_name_and_a_salary_by_the_year_stay_answers() -> None:
    text = "Pioneer Chief Supply Store won the contract to run the Orlow marina."
    passage = _passage(text, _tagged(text, "ORG", "Pioneer Chief Supply Store"))
    assert _answers("Which company won the contract to run the Orlow marina?", passage) == ["Pioneer Chief Supply Store"]
    text = "The Orlow police chief's salary will be $85,000, the council said."
    passage = _passage(text, _tagged(text, "MONEY", "$85,000"))
    assert _answers("What is the annual salary of the Orlow police chief?", passage) == ["$85,000"]


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the length is joined to a thing the question does not ask about
        ("How long will Tarrow Park be closed?",
         "The Orlow Fair moves downtown for the first time in its 28-year history because Tarrow Park is closed.",
         "28-year", True),
        ("How long will the Orlow layoffs last?", "The Orlow plant keeps its 10-year abatement despite the layoffs.",
         "10-year", True),
        # or to the thing asked about, or to no noun
        ("How long did the Orlow teachers' strike last?", "Classes resume after a six-day strike in Orlow.", "six-day",
         False),
        ("How long will Tarrow Park be closed?", "Tarrow Park will be closed for 14 months.", "14 months", False),
        ("How long was the ceasefire in Orlow?", "Orlow agreed to a 30-day cease-fire.", "30-day", False),
        # a measure joined to another noun is no measure of the thing asked about; a distance is told by a trip
        ("How deep was the floodwater on Orby's Mill Street?", "The council voted to repair the floodwall along Mill "
         "Street, two weeks after a 40-foot section of it gave way.", "40-foot", True),
        ("How tall is the Orby water tower?", "Orby will paint its 120-foot water tower in May.", "120-foot", False),
        ("How far is the Orby school from Tarn?", "Tarn pupils face a 12-mile ride to the Orby school.", "12-mile",
         False),
        # a length in the possessive is of the noun after it
        ("How long was Ada Quist Orlow's superintendent?", "Under her contract, Quist had to give 60 days' notice.",
         "60 days'", True),
        ("How much notice did Ada Quist have to give Orlow?", "Under her contract, Quist had to give 60 days' notice.",
         "60 days'", False),
        ("How long will the Orlow pool be closed?", "The Orlow pool will reopen in two weeks' time.", "two weeks'",
         False),
        ("How long has Orlow Hospital been open?", "The walkout was the first in the hospital's 41-year history.",
         "41-year", False),  # a word of its owner's is the question's
        # news writes one agreement as a deal, a contract or a pact
        ("How long does Orlow's deal with Tarn Transit run?", "The board voted to award a five-year, $11.2 million "
         "bus contract to Tarn Transit.", "five-year", False),
    ],
)  # fmt: skip
def test_a_length_of_another_thing_answers_no_question_of_how_long(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import lasts_for_something_else

    assert _flags(lasts_for_something_else, question, text, value, "DATE") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sum sizes a thing the question does not ask about
        ("How much cash did police find in the Orlow car?", "The Orlow driver is held on $40,000 bond.", "$40,000",
         True),
        ("How much will the new Orlow library cost?", "The council approved a $6 million plan to fix Orlow's roads.",
         "$6 million", True),
        # it sizes the thing asked about, or a word of its phrase is the question's
        ("How much will it cost to fix the Orlow roads?", "The council approved a $6 million plan to fix Orlow's "
         "roads.", "$6 million", False),
        ("How much will the Orlow library cost?", "Orlow approved a $6 million library on Main Street.", "$6 million",
         False),
        # a sum that sizes no noun, and a question about any undertaking ("the work")
        ("How much cash did police find in the Orlow car?", "Police found $9,200 in the Orlow car.", "$9,200", False),
        ("What did the work at Orlow Park cost?", "Orlow Park was closed for a $2 million renovation.", "$2 million",
         False),
    ],
)  # fmt: skip
def test_a_sum_that_sizes_another_thing_answers_no_question_about_a_sum(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import sizes_something_else

    assert _flags(sizes_something_else, question, text, value, "MONEY") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sentence tells of no such event at all
        ("When did Harold Ames die?", "For the first time since 1945, Ames Hardware is not owned by an Ames.", "1945",
         True),
        ("When did Walter Brannock retire?", "The firm was founded in 1988 by Walter Brannock.", "1988", True),
        ("When was the Orlow Grange hall built?", "About 40 people spent Tuesday night in the Orlow Grange hall.",
         "Tuesday night", True),
        # the question's verb as a noun, a verb of the same act, a verb alike in meaning, another verb of saying
        ("When did the Orlow cannery reopen?", "The cannery's reopening on May 5 drew a crowd.", "May 5", False),
        ("When did work on the Orlow culvert start?", "Work on the culvert began June 2.", "June 2", False),
        ("When was the Orlow pool constructed?", "The pool, built in 1971, loses water.", "1971", False),
        ("When did the mayor announce the Orlow plan?", "She said on July 14 that the plan would go ahead.",
         "July 14", False),
        # plans, phrasal verbs and verbs that only say something took place are left to the other checks
        ("When will the Orlow pool reopen?", "The pool was built in 1971.", "1971", False),
        ("When is the Orlow pool supposed to reopen?", "The pool was built in 1971.", "1971", False),
        ("When did the Orlow fire break out?", "A fire early Sunday, Feb. 11, killed a man.", "Feb. 11", False),
        ("When did the Orlow tornado hit?", "Crews were still clearing trees on Friday.", "Friday", False),
        # a date on a phrasal or idiomatic verb may tell the event in other words
        ("When did Walter Brannock retire?", "Walter Brannock stepped down as president in 2011.", "2011", False),
        ("When did Ada Quist die?", "Ada Quist passed away in 2002.", "2002", False),
        ("When did the Orlow library project begin?", "Crews broke ground in May 2020.", "May 2020", False),
    ],
)  # fmt: skip
def test_a_date_from_a_sentence_that_tells_no_such_event_does_not_tell_when_it_happened(
    question: str, text: str, value: str, other: bool, likeness: "WordLikeness"
) -> None:
    from rag.candidates import dates_an_event_not_told
    from rag.query import analyse

    assert dates_an_event_not_told(analyse(question), _value_candidate(text, value, "DATE"), likeness) is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # a year that names the thing asked about, and a state since a date
        ("When was the Orlow footbridge last painted?", "Crews will close the 1958 Orlow footbridge in May.", "1958",
         True),
        ("When did the Orlow cannery reopen?", "The Orlow cannery, closed since March, was sold on Friday.", "March",
         True),
        # what was made then, a year naming the event asked about, since when, and "not ... since" for the last time
        ("When was the Orlow footbridge built?", "Crews will close the 1958 Orlow footbridge in May.", "1958", False),
        ("In what year did Orlow annex Pell?", "Orlow's 1998 annexation of Pell doubled the town.", "1998", False),
        ("Since when has the Orlow cannery been closed?", "The Orlow cannery, closed since March, was sold on Friday.",
         "March", False),
        ("When was the Orlow harbor last dredged?", "The Orlow harbor has not been dredged since 2009.", "2009",
         False),
        # a question whose verb only says the event took place asks for the event's own date
        ("When did the Orlow flood happen?", "The 1993 Orlow flood destroyed 40 homes.", "1993", False),
    ],
)  # fmt: skip
def test_a_date_of_a_thing_or_of_a_state_does_not_tell_when_something_happened(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import dates_a_thing_or_a_state

    assert _flags(dates_a_thing_or_a_state, question, text, value, "DATE") is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        ("What interest rate will Orlow pay on its school bonds?", "The Orlow school bond passed with 54.3 percent of "
         "the vote.", "54.3 percent", True),
        ("What was the Orlow bus line's on-time rate last year?", "The state pays 80 percent of the cost of the Orlow "
         "bus line.", "80 percent", True),
        # a share of what the question names, and a percentage of nothing named
        ("What share of the Orlow budget goes to police?", "Police get 40 percent of the Orlow budget.", "40 percent",
         False),
        ("What interest rate will Orlow pay on its school bonds?", "Orlow will pay 4.1 percent on the bonds.",
         "4.1 percent", False),
        # the question writes the whole by its initials
        ("What share of GDP does Orlow spend on roads?", "Orlow spends 2 percent of each town’s gross domestic "
         "product on roads.", "2 percent", False),
    ],
)  # fmt: skip
def test_a_share_of_another_thing_answers_no_percent_question(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import shares_something_else

    assert _flags(shares_something_else, question, text, value, "PERCENT") is other


def test_a_share_of_a_thing_alike_the_one_asked_about_answers(likeness: "WordLikeness") -> None:
    from rag.candidates import shares_something_else
    from rag.query import analyse

    won = _value_candidate("The Orlow levy won 58 percent of the ballots cast.", "58 percent", "PERCENT")
    assert not shares_something_else(analyse("What percentage of the vote did the Orlow levy get?"), won, likeness)
    assert shares_something_else(analyse("What interest rate will Orlow pay?"), won, likeness)


@pytest.mark.parametrize(
    ("question", "text", "value", "label", "other"),
    [
        ("When did the Orlow pool reopen?", "The Orlow pool closed on June 3 after a pump failed.", "June 3", "DATE",
         True),
        ("How many workers did the Orlow plant hire last year?", "The Orlow plant laid off 40 workers.", "40",
         "CARDINAL", True),
        ("When did the Orlow pool reopen?", "The Orlow pool reopened on July 9.", "July 9", "DATE", False),
        # officers or jobs lost are the opposite of those hired
        ("How many officers has Orlow hired this year?", "Orlow lost 11 officers to other departments.", "11",
         "CARDINAL", True),
        ("How many jobs will be lost in Orlow?", "The Orlow plant still needs to hire about 180 people.", "about 180",
         "CARDINAL", True),
        # one event told from the other side: the seller's sale is the buyer's purchase
        ("When did Garrow Co. sell the Orlow mill?", "Ivo Marsh bought the Orlow mill from Garrow Co. in 2019.",
         "2019", "DATE", False),
        # the question's own verb is there too
        ("When did the Orlow pool reopen?", "The Orlow pool, closed since June, reopened on July 9.", "July 9", "DATE",
         False),
        # the value's own verb does the asked act again, joined to its opposite
        ("When will Tarn Road open again?", "Tarn Road, closed since the March flood, should reopen by June 1.",
         "June 1", "DATE", False),
        ("When will Tarn Road open again?", "Tarn Road reopened in May but closed again on June 1.", "June 1", "DATE",
         True),
        # a start is no finish
        ("When will the Tarn Road repaving be finished?", "Repaving Tarn Road is scheduled to begin in May.", "May",
         "DATE", True),
        ("When will the Tarn Road repaving be completed?", "Work on Tarn Road will start in May.", "May", "DATE", True),
        ("When will the Tarn Road repaving be finished?", "Repaving Tarn Road should be finished by October.",
         "October", "DATE", False),
    ],
)  # fmt: skip
def test_a_value_of_the_opposite_event_does_not_answer(question: str, text: str, value: str, label: str,
                                                      other: bool) -> None:  # fmt: skip
    from rag.candidates import done_the_other_way

    assert _flags(done_the_other_way, question, text, value, label) is other


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sentence names nothing the sum is asked for
        ("What is it going to cost to tear down the Orlow mill?", "Shoring up the old building would cost about $2 "
         "million, the engineer said.", "about $2 million", True),
        ("How much money did the Orlow diner lose during the boil order?", "Replacing Orlow's water mains would cost "
         "$40 million.", "$40 million", True),
        # it names it, the question names only what the sum is and who pays, or any undertaking
        ("What is it going to cost to tear down the Orlow mill?", "Tearing down the Orlow mill will cost $900,000.",
         "$900,000", False),
        ("What did Orlow pay?", "Orlow paid $4 million for the land.", "$4 million", False),
        ("What did the work at Orlow Park cost?", "Orlow Park was closed for a $2 million renovation.", "$2 million",
         False),
    ],
)  # fmt: skip
def test_a_sum_from_a_sentence_about_something_else_answers_no_money_question(
    question: str, text: str, value: str, other: bool
) -> None:
    from rag.candidates import pays_for_something_else

    assert _flags(pays_for_something_else, question, text, value, "MONEY") is other


@pytest.mark.parametrize(("before", "other"), [
    ("The new Pellworth boathouse is 40 by 90 feet and has racks for 30 canoes.", False),
    ("Volunteers spent three weekends clearing brush along the Pellworth shore.", True),
])  # fmt: skip
def test_a_sum_whose_subject_points_back_is_of_what_the_sentence_before_names(before: str, other: bool) -> None:
    """"It cost $412,000" gives the cost of what the sentence before it tells of."""
    from rag.candidates import Candidate, pays_for_something_else
    from rag.query import analyse

    text = f"{before} It cost $412,000, said treasurer Ada Lusk."
    start, value = text.index("It cost"), text.index("$412,000")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + len("$412,000"), "MONEY")])
    assert pays_for_something_else(analyse("How much did the new Pellworth boathouse cost?"), candidate) is other
    # the pronoun pays: the sum is not the price of what the sentence before names
    text = f"{before} It paid $412,000 in taxes last year."
    start, value = text.index("It paid"), text.index("$412,000")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + len("$412,000"), "MONEY")])
    assert pays_for_something_else(analyse("How much did Ada Lusk pay for the Pellworth boathouse?"), candidate)


def test_a_word_alike_in_meaning_names_what_the_sum_is_for(likeness: "WordLikeness") -> None:
    """"What will the levy cost someone who owns a $150,000 house?": "The owner of a $150,000 home will pay $42"."""
    from rag.candidates import pays_for_something_else
    from rag.query import analyse

    question = analyse("What will the Orlow road levy cost someone who owns a $150,000 house?")
    home = _value_candidate("A home worth $150,000 will pay about $42 a year.", "about $42", "MONEY")
    assert pays_for_something_else(question, home) is True  # as written, no word of the question is there
    assert pays_for_something_else(question, home, likeness) is False


def test_who_heads_or_owns_something_is_answered_by_whoever_has_the_title() -> None:
    text = ("Bo Kettle said the Orlow Trust would reopen the hall in May. Ada Renn, executive director of the Orlow "
            "Trust, said the roof comes first.")  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Bo Kettle", "Ada Renn") + _tagged(text, "ORG", "the Orlow Trust"))
    assert _answers("Who heads the Orlow Trust?", passage) == ["Ada Renn"]
    owned = "The Orlow mill will close in May. Its owner, Tessaly Holdings, blamed falling demand."
    passage = _passage(owned, _tagged(owned, "ORG", "Tessaly Holdings"))
    assert _answers("Who owns the Orlow mill?", passage) == ["Tessaly Holdings"]
    # nobody with the title: no answer, though a name stands beside the thing
    said = "Bo Kettle said the Orlow mill will close in May."
    assert _answers("Who owns the Orlow mill?", _passage(said, _tagged(said, "PERSON", "Bo Kettle"))) == []
    # "CEO" is a head's title, and "the head of" asks for whoever holds one
    ceo = "Bo Kettle said the Orlow clinic is full. Clinic CEO Ada Renn said a second doctor starts in May."
    passage = _passage(ceo, _tagged(ceo, "PERSON", "Bo Kettle", "Ada Renn"))
    assert _answers("Who runs the Orlow clinic?", passage) == ["Ada Renn"]
    assert _answers("Who is the head of the Orlow clinic?", passage) == ["Ada Renn"]


def test_an_enrollment_counts_pupils_of_any_name() -> None:
    from rag.candidates import counts_something_else
    from rag.query import analyse

    served = _value_candidate("The Orlow district serves 4,300 pupils.", "4,300", "CARDINAL")
    assert not counts_something_else(analyse("What is the enrollment of the Orlow school district?"), served)


def test_a_sum_or_share_of_what_is_asked_in_other_words_still_answers() -> None:
    from rag.candidates import pays_for_something_else, shares_something_else, sizes_something_else
    from rag.query import analyse

    bond = _value_candidate("Orin Vell is held on $50,000 bond in the Orlow jail.", "$50,000", "MONEY")
    assert not sizes_something_else(analyse("How much was the bail for Orin Vell in Orlow?"), bond)
    assert not pays_for_something_else(analyse("How much was Orin Vell's bail set at?"), bond)
    station = _value_candidate("Orlow voters approved a $7.5 million bond to build a new fire station.",
                               "$7.5 million", "MONEY")  # fmt: skip
    assert not sizes_something_else(analyse("How much will the new Orlow fire station cost?"), station)
    seniors = _value_candidate("Orlow High graduated 88 percent of its seniors last spring.", "88 percent", "PERCENT")
    assert not shares_something_else(analyse("What is the graduation rate at Orlow High?"), seniors)


def test_a_common_noun_tagged_as_a_name_in_the_question_does_not_bar_the_answer() -> None:
    """"school board" is no name the article must give: it says "Board member ...", not "school board"."""
    from rag.candidates import find_candidates
    from rag.query import analyse

    text = ("The Pellwick board approved new attendance lines on Monday. "
            "Board member Ines Garroway cast the only vote against the new Pellwick attendance lines.")
    question = analyse("which school board member voted against the new Pellwick attendance lines")
    found = find_candidates(question, [_passage(text)], idf=lambda stem: 1.0)
    assert any("Garroway" in c.text for c in found)


def test_a_date_is_no_value_of_the_question_for_sharing_a_number_with_a_name_in_it() -> None:
    """"Lock 9" names no "Oct. 9": the month is not in the question; "Oct. 9" in the question does name it."""
    text = "Lock 9 on the Orlow will close Aug. 3 and is scheduled to reopen Oct. 9."
    passage = _passage(text, _tagged(text, "DATE", "Aug. 3", "Oct. 9"))
    assert "Oct. 9" in _answers("When will Lock 9 on the Orlow reopen?", passage)
    assert "Oct. 9" not in _answers("When will Lock 9 close, now that it reopens Oct. 9?", passage)


def test_a_sentence_about_another_fiscal_year_does_not_answer_for_the_one_asked() -> None:
    """Its article may name the year asked about elsewhere ("last year's ..."): the sentence is about its own."""
    text = ("The Orlow council approved a $9.1 million budget for fiscal 2024-2025 on Monday. "
            "Last year the council adopted an $8.7 million budget for fiscal 2023-2024.")
    passage = _passage(text, _tagged(text, "MONEY", "$9.1 million", "$8.7 million"))
    assert _answers("How much does Orlow's 2023-2024 budget spend?", passage) == ["$8.7 million"]
    # a sentence naming no year range may still answer, when its article names the one asked about
    plain = "The Orlow budget for fiscal 2023-2024 was adopted on Monday. It spends $8.7 million."
    assert _answers("How much does Orlow's 2023-2024 budget spend?",
                    _passage(plain, _tagged(plain, "MONEY", "$8.7 million"))) == ["$8.7 million"]


def test_a_yes_no_question_about_a_verb_of_intention_is_told_by_it() -> None:
    from rag.candidates import tells_whether
    from rag.query import analyse

    assert tells_whether(analyse("Did the Vinton school board propose a levy?"),
                         "The Vinton school board proposed a $4 million levy on Monday.")
    assert tells_whether(analyse("Did Ostry County offer buyouts to flooded homeowners?"),
                         "Ostry County offered buyouts to 40 flooded homeowners.")


def test_who_holds_a_role_is_not_answered_by_a_speaker_the_sentence_gives_no_role() -> None:
    """"Who was the harbour board president at the meeting?": a quote told by "she" after a sentence that opens
    with "Brel said" does not make Brel the president; the name the quote's sentence puts after the title does."""
    text = ("Tomasz Brel said the Tellmark slip would reopen in May. \"We are nearly done,\" she said at a meeting "
            "with Harbour Board President Ines Aldo.")
    passage = _passage(text, _tagged(text, "PERSON", "Ines Aldo"))  # the model missed "Tomasz Brel", as it may
    assert _answers("Who was the Harbour Board President at the Tellmark meeting?", passage) == ["Ines Aldo"]
    # a question on what was said is still answered by the speaker named in the sentence before
    assert _answers("Who said they were nearly done with the Tellmark slip?", passage)[:1] == ["Tomasz Brel"]


def test_a_speaker_the_model_missed_answers_who_holds_a_role_when_the_sentence_gives_it() -> None:
    """"Mayor Tam Quist said ...", then a quote told by "he": the model found no name, but the words before "said"
    give the speaker with the title asked about."""
    text = "Mayor Tam Quist said the Orlow road would open Friday. \"We are ready,\" he said."
    passage = _passage(text)  # the model found no entity at all
    # (the name after the title in the first sentence, and the speaker of the quote in the second)
    assert _answers("Who is the Orlow mayor?", passage) == ["Tam Quist", "Tam Quist"]
    # no name after the title, or a title that is someone else's: no answer from these words
    for words_before in ("The Mayor", "Former Mayor Tam Quist", "Deputy Mayor Lin Oake"):
        quoted = text.replace("Mayor Tam Quist", words_before)
        assert _answers("Who is the Orlow mayor?", _passage(quoted)) == [], words_before


def test_a_firm_named_for_two_trades_is_no_rival_of_the_thing_asked_about() -> None:
    """"Tolland Iron & Bridge" ends like "the Marrow Lane Bridge" but names a firm of two trades, not another
    bridge: its sentence still answers a question about the Marrow Lane Bridge, which the article names."""
    text = ("The Marrow Lane Bridge reopened Monday after four months.\nThe city paid for new railings.\n"
            "Crews from Tolland Iron & Bridge replaced the deck.")
    passage = _passage(text, _tagged(text, "ORG", "Marrow Lane Bridge", "Tolland Iron & Bridge"))
    assert _answers("Which contractor repaired the Marrow Lane Bridge?", passage) == ["Tolland Iron & Bridge"]
    rival = text.replace("Tolland Iron & Bridge", "the Tolland Street Bridge")
    passage = _passage(rival, _tagged(rival, "ORG", "Marrow Lane Bridge", "Tolland Street Bridge"))
    assert _answers("How many crews worked on the Marrow Lane Bridge?", passage) == []  # another bridge's sentence


def test_a_firms_address_the_model_took_into_its_name_is_left_out() -> None:
    """"Brascombe Agronomics on Depot Road", tagged as one organisation: the firm is the answer, and its address
    does not make it a street."""
    text = "A fertilizer leak poisoned Tillow Creek. A valve failed on a tank at Brascombe Agronomics on Depot Road."
    passage = _passage(text, _tagged(text, "ORG", "Brascombe Agronomics on Depot Road"))
    assert _answers("Which business did the fertilizer that poisoned Tillow Creek leak from?", passage) == [
        "Brascombe Agronomics"
    ]


def test_the_town_an_article_is_filed_from_is_no_firm_and_an_address_online_no_name() -> None:
    """The dateline "TARRING FORD (KVNR) -" says Tarring Ford is a town, so "a depot in Tarring Ford", which the
    model tags as an organisation, does not answer "Which business ...?"; nor does an e-mail address."""
    text = ("TARRING FORD (KVNR) - A diesel spill at a fuel depot in Tarring Ford killed fish in Mossy Brook.\n"
            "The diesel came from a cracked tank at Hensel Fuel Supply, officials said.\n"
            "Send news tips to desk@kvnr.example.")  # fmt: skip
    town = text.index("in Tarring Ford") + len("in ")
    passage = _passage(text, [(town, town + len("Tarring Ford"), "ORG"),
                              *_tagged(text, "ORG", "Hensel Fuel Supply", "desk@kvnr.example")])  # fmt: skip
    assert _answers("Which business did the diesel that killed fish in Mossy Brook come from?", passage) == [
        "Hensel Fuel Supply"
    ]
    # a line of a list that gives a firm's town after a comma is no dateline; a state after the town is one
    from rag.candidates import _in_a_dateline

    listed = ("Bids received:\nHESKETH PAVING, Orlow - $1.2 million\nTALLIS BUILDERS, Kan. (AP) - wire copy\n"
              "ORLOW FALLS, KAN. (AP) - more wire copy")  # fmt: skip
    assert not _in_a_dateline(listed, listed.index("HESKETH"), listed.index("HESKETH") + len("HESKETH PAVING"))
    assert _in_a_dateline(listed, listed.index("TALLIS"), listed.index("TALLIS") + len("TALLIS BUILDERS"))
    assert _in_a_dateline(listed, listed.index("ORLOW FALLS"), listed.index("ORLOW FALLS") + len("ORLOW FALLS"))
    # a dateline that gives the state after the town, as US wire stories do
    state = text.replace("TARRING FORD (KVNR)", "TARRING FORD, Kan. (KVNR)")
    town = state.index("in Tarring Ford") + len("in ")
    passage = _passage(state, [(town, town + len("Tarring Ford"), "ORG"), *_tagged(state, "ORG", "KVNR"),
                               *_tagged(state, "ORG", "Hensel Fuel Supply")])  # fmt: skip
    assert _answers("Which business did the diesel that killed fish in Mossy Brook come from?", passage) == [
        "Hensel Fuel Supply"
    ]


def test_a_count_in_figures_the_model_missed_is_a_candidate_but_a_numbered_name_or_an_age_list_is_not() -> None:
    """The small model tags nothing in "Power was out for about 1,200 customers": the count is read from the
    figures before the counted word. "Route 7" (a name's number), "ages 6 and 9" (a number before "and"), a sum,
    a share and a time are not counts."""
    text = "Power was out for about 1,200 customers in Tarrow after the storm."
    assert _answers("How many customers lost power in Tarrow?", _passage(text)) == ["about 1,200"]
    others = ("Crews closed Route 7 near Tarrow after the storm. Her children, ages 6 and 9, were hurt in Tarrow. "
              "Tarrow spent $900 fixing lines and 12 percent of the town was dark until 9 p.m. Friday.")
    assert _answers("How many people were hurt in Tarrow?", _passage(others)) == []


@pytest.mark.parametrize(("question", "text", "tagged", "counted"), [
    ("How many cars were stuck near Tarrow?", "Crews closed route 9 near Tarrow, where 14 cars were stuck.",
     ("9", "14"), ["14"]),
    ("How many firefighters answered the Tarrow call?",
     "Firefighters from station 4 answered the call in Tarrow, with 12 volunteers.", ("4", "12"), ["12"]),
    ("How many voters waited in Tarrow?", "Voters in precinct 14 waited an hour in Tarrow.", ("14",), []),
    # a unit after the number: it counts, whatever noun comes before
    ("How many miles north of Tarrow is the gas station?", "The gas station 4 miles north of Tarrow was closed.",
     ("4",), ["4"]),
    # the thing asked about after the number: the noun before it received them
    ("How many officers will Tarrow give the precinct?", "Tarrow will give the precinct 6 new officers next year.",
     ("6",), ["6"]),
])  # fmt: skip
def test_a_number_naming_a_road_or_post_written_in_lowercase_is_no_count(
    question: str, text: str, tagged: tuple[str, ...], counted: list[str]
) -> None:
    assert _answers(question, _passage(text, _tagged(text, "CARDINAL", *tagged))) == counted


@pytest.mark.parametrize(("question", "text", "value", "label"), [
    ("How much did the state give the Tarrow school district?", "The state gave the district $4.2 million for buses.",
     "$4.2 million", "MONEY"),
    ("How far will Tarrow extend the pier?", "Tarrow will extend the pier 200 feet into the harbor.", "200 feet",
     "QUANTITY"),
])  # fmt: skip
def test_a_sum_or_measure_after_a_lowercase_post_noun_is_no_part_of_a_name(question: str, text: str, value: str,
                                                                           label: str) -> None:  # fmt: skip
    assert _answers(question, _passage(text, _tagged(text, label, value))) == [value]


def test_a_role_before_a_first_name_the_model_left_out_still_gives_the_name_the_role() -> None:
    """"owner Erling Vadstrup said", where the model tagged only "Vadstrup": the role word stands before the name's
    first word, not before the tagged surname; a role two words further back does not count."""
    text = "The Tessel Cove marina now has 180 slips, owner Erling Vadstrup said."
    passage = _passage(text, _tagged(text, "PERSON", "Vadstrup"))
    assert _answers("Who is the owner of the Tessel Cove marina?", passage) == ["Vadstrup"]
    farther = "The Tessel Cove marina owner met Erling Vadstrup on Friday."
    passage = _passage(farther, _tagged(farther, "PERSON", "Vadstrup"))
    assert _answers("Who is the owner of the Tessel Cove marina?", passage) == []


def test_a_group_organised_under_a_name_is_given_that_name() -> None:
    """"Opponents, organized as Save Tamsin Meadow, ...": "organized as", like "called" or "known as", gives the
    group its name."""
    text = "Opponents, organized as Save Tamsin Meadow, gathered 900 signatures against the Tamsin quarry."
    passage = _passage(text, _tagged(text, "PERSON", "Save Tamsin Meadow"))
    assert _answers("What is the name of the group that fought the Tamsin quarry?", passage) == ["Save Tamsin Meadow"]


def test_who_at_a_body_asks_for_a_person_there() -> None:
    """"Who at Orrin Logistics presented the plan?" asks for a person of the firm, not the firm or a county."""
    text = "Orrin Logistics site manager Petra Lund presented the plan to the Tarrow County board."
    passage = _passage(text, [*_tagged(text, "ORG", "Orrin Logistics", "the Tarrow County board"),
                              *_tagged(text, "PERSON", "Petra Lund")])  # fmt: skip
    assert _answers("Who at Orrin Logistics presented the plan?", passage) == ["Petra Lund"]
    assert _answers("Who from Orrin Logistics presented the plan?", passage) == ["Petra Lund"]
    assert "the Tarrow County board" in _answers("Who heard the plan?", passage)


@pytest.mark.parametrize(("question", "text", "orgs", "people", "answered", "not_answered"), [
    # the school whose post it is answers no "Who replaced Ada Renn as ... coach?"
    ("Who replaced Ada Renn as Tarrow's girls' soccer coach?",
     "Ada Renn, who coached Tarrow Consolidated's girls' soccer team for 14 seasons, resigned on Friday.",
     ("Tarrow Consolidated's", "Tarrow Consolidated"), ("Ada Renn",), (), ("Tarrow Consolidated", "Ada Renn")),
    # a post a firm or a bank may hold; "as" that names no post
    ("Who did Velt hire as the project engineer?",
     "Velt Township hired Orrin Survey Group as the project engineer for the Mill Road bridge.",
     ("Velt Township", "Orrin Survey Group"), (), ("Orrin Survey Group",), ()),
    ("Who will act as treasurer for the Tarrow scholarship fund?",
     "Orby Savings Bank will act as treasurer for the Tarrow scholarship fund.",
     ("Orby Savings Bank",), (), ("Orby Savings Bank",), ()),
    # a person with another post's title whose sentence names the post asked; one taking it in other words
    ("Who is filling in as Tarrow High's athletic director?",
     "Assistant Principal Tam Orr has served as interim athletic director at Tarrow High School since May.",
     ("Tarrow High School",), ("Tam Orr",), ("Tam Orr",), ("Tarrow High School",)),
    ("Who took over as Keld's police chief?", "Capt. Nia Ferrant took the reins of the Keld police department on "
     "Monday.", (), ("Nia Ferrant",), ("Nia Ferrant",), ()),
    ("Who took over as interim superintendent?",
     "Ida Marr took over as interim superintendent in May, after Superintendent Ned Voss left for Velt.",
     (), ("Ida Marr", "Ned Voss"), ("Ida Marr",), ()),
    # a person titled with another post, the title before the name or taken into it
    ("Who took over from Tam Orr as principal?",
     "Tam Orr left in June. Ida Marr has been interim superintendent since former Superintendent Ned Voss left.",
     (), ("Tam Orr", "Ida Marr", "Ned Voss"), (), ("Ned Voss",)),
    ("Who took over from Tam Orr as principal?",
     "Tam Orr left in June. Ida Marr has been interim superintendent since former Superintendent Ned Voss left.",
     (), ("Tam Orr", "Ida Marr", "Superintendent Ned Voss"), (), ("Superintendent Ned Voss",)),
])  # fmt: skip
def test_who_holds_a_post_only_a_person_holds_asks_for_a_person(
    question: str, text: str, orgs: tuple[str, ...], people: tuple[str, ...], answered: tuple[str, ...],
    not_answered: tuple[str, ...],
) -> None:
    """"Who replaced Ada Renn as the girls' soccer coach?" asks for a person in the post, not the school whose post it
    is, nor one who holds another; "as the project engineer" or "as treasurer" may be a firm or a bank."""
    passage = _passage(text, [*_tagged(text, "ORG", *orgs), *_tagged(text, "PERSON", *people)])
    found = _answers(question, passage)
    assert all(name in found for name in answered) and not any(name in found for name in not_answered)


def test_who_on_a_day_or_at_first_asks_for_anyone() -> None:
    """"Who on Monday sued the city?", "Who at first opposed it?": a time, not a body the one asked for is of."""
    text = "The Harbor Road Neighborhood Association sued the city of Brisby on Monday over the fire station."
    passage = _passage(text, _tagged(text, "ORG", "The Harbor Road Neighborhood Association"))
    assert _answers("Who on Monday sued the city of Brisby?", passage) == ["The Harbor Road Neighborhood Association"]
    text = "The Marrow Valley Farm Bureau at first opposed the landfill expansion but later dropped its objection."
    passage = _passage(text, _tagged(text, "ORG", "The Marrow Valley Farm Bureau"))
    assert _answers("Who at first opposed the landfill expansion?", passage) == ["The Marrow Valley Farm Bureau"]
    assert _answers("Who at the time opposed the landfill expansion?", passage) == ["The Marrow Valley Farm Bureau"]


def test_a_chair_is_the_one_called_chairman_or_chairwoman() -> None:
    """"Who is chair of the Varne planning board?": "Board Chairwoman Ruth Adler"."""
    text = "Varne Planning Board Chairwoman Ruth Adler said the board will vote on the Cooper Lane plan in May."
    passage = _passage(text, [*_tagged(text, "ORG", "Varne Planning Board"), *_tagged(text, "PERSON", "Ruth Adler")])
    assert _answers("Who is chair of the Varne planning board?", passage) == ["Ruth Adler"]
    assert _answers("Who is the chair of the Varne planning board?", passage) == ["Ruth Adler"]


def test_pounds_in_an_article_that_counts_money_in_dollars_are_a_weight() -> None:
    """The model tags "31 million pounds" as money: in an article whose sums are in dollars it is a weight, no answer
    to what a buyer pays; where pounds sterling are written "£" it stays money."""
    text = "The Tarrow cider plant will press about 31 million pounds of apples and pay growers $4 million."
    passage = _passage(text, _tagged(text, "MONEY", "about 31 million pounds", "$4 million"))
    assert _answers("How much will the Tarrow plant pay growers?", passage) == ["$4 million"]
    assert _answers("How many pounds of apples will the Tarrow plant press?", passage) == ["about 31 million pounds"]
    sterling = "The Tarrow club paid 3 million pounds (£3m) for the striker."
    passage = _passage(sterling, _tagged(sterling, "MONEY", "3 million pounds"))
    assert _answers("How much did the Tarrow club pay for the striker?", passage) == ["3 million pounds"]


def test_the_one_replaced_does_not_answer_who_replaces_them() -> None:
    """"She will start July 1, succeeding Superintendent Tam Quist": Quist is the one replaced, no answer to whom
    the board picked; he does answer whom she replaces, or who is retiring."""
    text = ("The Orlow school board hired Dana Lisle on Monday. She will start July 1, succeeding Superintendent "
            "Tam Quist, who is retiring.")
    passage = _passage(text, _tagged(text, "PERSON", "Dana Lisle", "Tam Quist"))
    assert _answers("Whom did the Orlow school board pick to lead its schools?", passage) == ["Dana Lisle"]
    assert "Tam Quist" in _answers("Whom will Dana Lisle replace?", passage)
    assert "Tam Quist" in _answers("Who is retiring from the Orlow schools?", passage)
    # at a sentence's start too
    opening = "The Orlow school board hired Dana Lisle on Monday. Succeeding Superintendent Tam Quist, she starts July 1."
    passage = _passage(opening, _tagged(opening, "PERSON", "Dana Lisle", "Tam Quist"))
    assert _answers("Whom did the Orlow school board pick to lead its schools?", passage) == ["Dana Lisle"]


def test_those_someone_speaks_or_writes_to_are_no_place() -> None:
    """"Orme told the Board of Regents she will lead Calder College": the board is spoken to; the college is where
    she goes. A body after "at" or "to" without a speech verb is still a place ("moved to Calder College")."""
    text = "Dana Orme told the Board of Regents in a letter Tuesday that she will lead Calder College in Tarnby."
    passage = _passage(text, _tagged(text, "ORG", "the Board of Regents", "Calder College"))
    assert _answers("Where is Dana Orme going?", passage)[:1] == ["Calder College"]
    assert "the Board of Regents" not in _answers("Where is Dana Orme going?", passage)
    moved = "Dana Orme moved to the Board of Regents office on Tuesday."
    passage = _passage(moved, _tagged(moved, "ORG", "the Board of Regents"))
    assert _answers("Where did Dana Orme move on Tuesday?", passage) == ["the Board of Regents"]


def test_a_lake_or_a_dam_the_model_tags_as_a_firm_or_a_person_answers_no_who_question() -> None:
    """The small model tags "Little Orrin Lake" as an organisation and "Orrin Dam" as a person: their head nouns say
    they are features of the land; a firm named after a lake goes on after it."""
    text = ("The Tarnby board hired Kessel Marine to repair Orrin Dam on the south end of Little Orrin Lake. "
            "Lake Orrin Boat Works will store the marina's docks.")
    passage = _passage(text, [*_tagged(text, "ORG", "Kessel Marine", "Little Orrin Lake", "Lake Orrin Boat Works"),
                              *_tagged(text, "PERSON", "Orrin Dam")])  # fmt: skip
    assert _answers("Whom did the Tarnby board hire?", passage) == ["Kessel Marine", "Lake Orrin Boat Works"]
    # a person whose surname is such a noun stays one
    marsh = "The Tarnby board hired Ellen Marsh and Tom Hill to inspect Orrin Dam."
    passage = _passage(marsh, _tagged(marsh, "PERSON", "Ellen Marsh", "Tom Hill", "Orrin Dam"))
    assert _answers("Whom did the Tarnby board hire?", passage) == ["Ellen Marsh", "Tom Hill"]


def test_the_one_replaced_answers_a_question_asking_for_the_one_before() -> None:
    """"succeeding outgoing Mayor Ana Brisk": Brisk answers "Who is the outgoing mayor?" and "Who preceded Ember?",
    not "Who was hired to replace the former mayor?"."""
    text = "Rolf Ember was sworn in as mayor of Varne on Tuesday, succeeding outgoing Mayor Ana Brisk."
    passage = _passage(text, _tagged(text, "PERSON", "Rolf Ember", "Ana Brisk"))
    assert "Ana Brisk" in _answers("Who is the outgoing mayor of Varne?", passage)
    assert "Ana Brisk" in _answers("Who preceded Rolf Ember as mayor?", passage)
    text = "The Varne council hired Rolf Ember to replace former Mayor Ana Brisk."
    passage = _passage(text, _tagged(text, "PERSON", "Rolf Ember", "Ana Brisk"))
    assert "Ana Brisk" not in _answers("Who was hired to replace the former mayor?", passage)


def test_the_one_replaced_answers_what_a_who_clause_of_their_own_says() -> None:
    """"in place of Mayor Tam Quist, who was ill" answers "Who was ill?"; "who was superintendent for 12 years"
    does not answer "Who is the new superintendent?"."""
    text = "Deputy Mayor Omar Reyes spoke at the Varne fair in place of Mayor Tam Quist, who was ill."
    passage = _passage(text, _tagged(text, "PERSON", "Omar Reyes", "Tam Quist"))
    assert _answers("Who was ill?", passage)[:1] == ["Tam Quist"]
    text = "Lena Orr of Quenlow will start in July, succeeding Superintendent Tam Quist, who was superintendent here."
    passage = _passage(text, _tagged(text, "PERSON", "Lena Orr", "Tam Quist"))
    assert "Tam Quist" not in _answers("Who is the new superintendent?", passage)


def test_those_spoken_to_answer_a_question_asked_with_the_verb_of_speaking() -> None:
    """"Where did Reyes testify?": the council he "testified before"; for another question it is no place."""
    text = "Chief Omar Reyes testified before the Tarnby Town Council on Monday that the station will go on Quay Road."
    passage = _passage(text, [*_tagged(text, "ORG", "the Tarnby Town Council"), *_tagged(text, "FAC", "Quay Road")])
    assert _answers("Where did Omar Reyes testify on Monday?", passage)[:1] == ["the Tarnby Town Council"]
    assert _answers("Where will the station go?", passage) == ["Quay Road"]


def test_a_name_like_a_lakes_that_does_something_is_a_firm_group_or_person() -> None:
    """"Save Orrin Creek sued the county", "Tom Pond found the dog" (the model tags both as firms): a lake does no
    such thing; "Pieter Van Dam" is a person of a surname with its particle. "Corvel Dam will be inspected" stays a
    dam."""
    text = "Save Orrin Creek, a group of residents, sued Tarn County on Friday."
    passage = _passage(text, _tagged(text, "ORG", "Save Orrin Creek"))
    assert _answers("Who sued Tarn County?", passage) == ["Save Orrin Creek"]
    text = "Tom Pond found the missing dog under a porch on Sunday."
    passage = _passage(text, _tagged(text, "ORG", "Tom Pond"))
    assert _answers("Who found the missing dog?", passage) == ["Tom Pond"]
    text = "The Orlow council hired Pieter Van Dam as city manager."
    passage = _passage(text, _tagged(text, "PERSON", "Pieter Van Dam"))
    assert _answers("Whom did the Orlow council hire?", passage) == ["Pieter Van Dam"]
    text = "Corvel Dam will be inspected next week by Lyle Fenn."
    passage = _passage(text, [*_tagged(text, "ORG", "Corvel Dam"), *_tagged(text, "PERSON", "Lyle Fenn")])
    assert _answers("Who will inspect the dam?", passage) == ["Lyle Fenn"]


def test_a_word_of_naming_gives_a_role_only_beside_the_roles_noun() -> None:
    """"Who is the architect ...?": a group "organized as" something is named, not given the role; "identified the
    driver ... as" names the driver."""
    text = ("Neighbors of the Hollin Avenue tower, organized as the Ferrow Group, sued the city. The tower was "
            "designed by a firm from Tarrow.")
    passage = _passage(text, _tagged(text, "ORG", "the Ferrow Group"))
    assert _answers("Who is the architect of the Hollin Avenue tower?", passage) == []
    driver = "Police identified the driver killed in the Hollin Avenue crash as Jo Tallis, 41, of Tarrow."
    passage = _passage(driver, _tagged(driver, "PERSON", "Jo Tallis"))
    assert _answers("Who was the driver killed in the Hollin Avenue crash?", passage) == ["Jo Tallis"]


@pytest.mark.parametrize(("text", "name", "label", "holds"), [
    ("The Tarnby school board named Dana Lisle its new superintendent on Monday.", "Dana Lisle", "PERSON", True),
    ("The city hired a Tarrow firm named Orrel Design as architect for the new library.", "Orrel Design", "ORG",
     True),
    ("A Tarrow firm called Hesketh Partners will serve as architect for the new library.", "Hesketh Partners", "ORG",
     True),
    ("A group called Save Hollin sued the architect of the new library on Monday.", "Save Hollin", "ORG", False),
])  # fmt: skip
def test_a_word_of_naming_gives_a_role_named_right_after_the_name(text: str, name: str, label: str,
                                                                  holds: bool) -> None:  # fmt: skip
    """"named Dana Lisle its new superintendent": the role's noun follows the name, with only "as", "its new",
    "will serve as" between; "called Save Hollin sued the architect" gives the group no role."""
    from rag.candidates import _names_the_focus
    from rag.text import stems

    start = text.index(name)
    role = "superintendent" if "superintendent" in text else "architect"
    assert _names_the_focus(text, (start, start + len(name), label), set(stems(role)), set(), (0, len(text)),
                            True) is holds  # fmt: skip


def test_a_rival_named_with_and_still_counts_when_the_asked_name_has_it_too() -> None:
    """The Tolliver County Department of Parks and Recreation's figure does not answer a question about Greer
    County's: both names end in "and Recreation", so "and" makes no firm of two trades here."""
    text = ("The Greer County Department of Parks and Recreation asked for more money on Monday.\nThe board met for "
            "two hours.\nThe Tolliver County Department of Parks and Recreation spent $95,000 on mowing last year.")
    passage = _passage(text, [*_tagged(text, "ORG", "Greer County Department of Parks and Recreation",
                                       "Tolliver County Department of Parks and Recreation"),
                              *_tagged(text, "MONEY", "$95,000")])  # fmt: skip
    question = "How much did the Greer County Department of Parks and Recreation spend on mowing?"
    assert _answers(question, passage) == []


@pytest.mark.parametrize(("question", "text", "value", "answers"), [
    ("How many votes did the Tarrow jail bond get?",
     "Commissioners voted 4-1 in July to put the Tarrow jail bond on the ballot.", "4", False),
    ("How many people voted in the Tarrow levy election?", "The Tarrow levy vote was 5-2.", "5", False),
    ("How many votes did the Tarrow jail bond get?", "The Tarrow jail bond passed 2,140 to 1,905.", "2,140", True),
    # a body's vote asked of
    ("How many votes did the Tarrow council's bond plan get?", "The Tarrow council voted 4-1 for the bond plan.",
     "4", True),
])  # fmt: skip
def test_a_bodys_tally_is_no_count_of_a_vote_that_voters_cast(question: str, text: str, value: str,
                                                            answers: bool) -> None:  # fmt: skip
    passage = _passage(text, _tagged(text, "CARDINAL", value), "Vote", "Oxley Star")
    assert (value in _answers(question, passage)) is answers


def test_a_pictures_credit_and_a_street_before_a_noun_answer_no_who_question() -> None:
    """"(Courtesy of Orlow Hospital)" credits a picture, whether or not the model takes "Courtesy of" into the name;
    "the hospital's Tarrow Road campus" names a street, though the model tags it as a person. A person named Lane
    stays one."""
    text = "Photo caption: The planned wing at Orlow Hospital. (Courtesy of Orlow Hospital)"
    passage = _passage(text, _tagged(text, "ORG", "Courtesy of Orlow Hospital"), "Wing", "Oxley Star")
    assert _answers("Who is building the new wing at Orlow?", passage) == []
    credit = "Photo caption: The planned wing. Photo by Ada Brisk"
    passage = _passage(credit, _tagged(credit, "PERSON", "Ada Brisk"), "Wing", "Oxley Star")
    assert _answers("Who is building the new wing at Orlow?", passage) == []
    assert _answers("Who took the photo of the planned wing?", passage) == ["Ada Brisk"]  # a question of the picture
    campus = ("The board approved the wing, the largest project on the hospital's Tarrow Road campus, and Tom Lane "
              "spoke.")  # fmt: skip
    passage = _passage(campus, _tagged(campus, "PERSON", "Tarrow Road", "Tom Lane"), "Wing", "Oxley Star")
    assert _answers("Who spoke about the new wing?", passage) == ["Tom Lane"]


def test_a_street_of_another_kind_of_name_is_a_rival_of_the_street_asked_about() -> None:
    """"a kitchen fire on Dunmore Street" does not answer of "the Quarry Road fire", though "Road" and "Street"
    differ: both name a street. Another kind of name that ends otherwise is no rival."""
    text = ("Firefighters were called to a house fire on Tarrow Road at 3 a.m.\nThe house was a total loss.\n"
            "In May, a kitchen fire on Orlow Street caused about $40,000 in damage.")  # fmt: skip
    passage = _passage(text, [*_tagged(text, "FAC", "Tarrow Road", "Orlow Street"), *_tagged(text, "MONEY",
                                                                                       "about $40,000")])  # fmt: skip
    assert _answers("How much damage did the Tarrow Road fire do?", passage) == []
    assert _answers("How much damage did the Orlow Street fire do?", passage) == ["about $40,000"]
    # a sentence that calls a street by the asked one's kind may be about it, whatever streets it names beside
    widened = ("Tarrow Road will be rebuilt next year.\nThe county board met on Monday.\nThe project will widen 3.1 "
               "miles of the road to Cobb Lane.")  # fmt: skip
    passage = _passage(widened, [*_tagged(widened, "FAC", "Tarrow Road", "Cobb Lane"),
                                 *_tagged(widened, "QUANTITY", "3.1 miles")])  # fmt: skip
    assert _answers("How many miles of Tarrow Road will the project widen?", passage) == ["3.1 miles"]


def test_a_name_that_ends_in_an_address_keeps_it_and_a_name_before_an_online_address_drops_it() -> None:
    """"The Shops at Quay Street" is the whole name (one word would be left without the street; as a name that ends
    in a street it is no answer to "Which business ...?"), where "Harlow Feed Supply on Mill Road" is a firm and
    its address; an e-mail or web address after a name is left out."""
    text = "Tenants of The Shops at Quay Street will pay more. Harlow Feed Supply on Mill Road will pay less."
    passage = _passage(text, _tagged(text, "ORG", "The Shops at Quay Street", "Harlow Feed Supply on Mill Road"))
    assert _answers("Which businesses will pay more or less?", passage) == ["Harlow Feed Supply"]  # not "The Shops"
    online = "The Tarrow school board hired Tarrow Solar, www.tarrowsolar.example, to fit its roofs."
    passage = _passage(online, _tagged(online, "ORG", "Tarrow Solar, www.tarrowsolar.example"))
    assert _answers("Which company will fit the Tarrow school roofs?", passage) == ["Tarrow Solar"]


def test_a_person_whose_surname_is_the_datelines_town_is_still_a_person() -> None:
    """"HARTLEY (KVNR) - Jane Hartley ...": the town shares her name, but the passage names her in full, so
    "Hartley" later on may be her."""
    text = "HARTLEY (KVNR) - Jane Hartley opened the county fair on Friday.\nHartley founded the fair in 1998."
    passage = _passage(text, [*_tagged(text, "PERSON", "Jane Hartley"),
                              (text.rindex("Hartley founded"), text.rindex("Hartley founded") + 7, "ORG")])  # fmt: skip
    assert "Hartley" in _answers("Who founded the county fair?", passage)


def test_an_organisation_that_acts_in_its_clause_is_no_place() -> None:
    """"Where is Tarrow putting the shelter?": "The Tarrow City Council voted to turn the garage on Kestle Lane into
    a shelter" puts it on Kestle Lane; the council, the clause's subject, is who acts. An organisation where
    something is ("moved into the Tarrow Grange Hall") is a place, and other questions are not read."""
    from rag.candidates import acts_rather_than_places

    text = "The Tarrow City Council voted 4-1 on Monday to turn the bus garage on Kestle Lane into a shelter."
    question = "Where is Tarrow putting the shelter?"
    assert _flags(acts_rather_than_places, question, text, "The Tarrow City Council", "ORG")
    assert not _flags(acts_rather_than_places, question, text, "Kestle Lane", "FAC")
    moved = "Workers moved into the Tarrow Grange Hall on Monday."
    assert not _flags(acts_rather_than_places, "Where did the workers move?", moved, "the Tarrow Grange Hall", "ORG")
    assert not _flags(acts_rather_than_places, "Who voted to open a shelter?", text, "The Tarrow City Council", "ORG")
    # the doer of a passive acts too
    passive = "Kestle Lane should reopen by Sept. 15 under a contract approved Tuesday by the Tarrow Select Board."
    assert _flags(acts_rather_than_places, "Where did Tarrow residents stay?", passive, "the Tarrow Select Board", "ORG")
    # the question's own subject named again keeps, it is not where
    based = "Keldon Rescue Co. will base an ambulance at the township garage on Kestle Lane."
    question = "Where is Keldon Rescue keeping its ambulance in Tarrow?"
    assert _flags(acts_rather_than_places, question, based, "Keldon Rescue Co.", "ORG")
    assert not _flags(acts_rather_than_places, question, based, "Kestle Lane", "FAC")
    # the owner of what the subject names is no subject ("Keldon's summer concerts" go somewhere)
    concerts = "Harwick's summer concert series will move to the Harwick Elementary School lawn."
    assert not _flags(acts_rather_than_places, "Where will Harwick's summer concerts go?", concerts,
                      "the Harwick Elementary School", "ORG")  # fmt: skip
    # a town's name opening a place's name is no subject named again
    skate = "For now, skaters use the parking lot of the Kelsford Public Library."
    assert not _flags(acts_rather_than_places, "Where do Kelsford skaters skate now?", skate,
                      "the Kelsford Public Library", "ORG")  # fmt: skip


def test_a_clock_time_and_the_day_after_it_are_one_answer_to_when() -> None:
    """"at about 7:40 p.m. on March 3": "When ...?" is answered by both; "On what day ...?" by the day; a part of
    a day ("morning, July 25") is not joined to its date."""
    text = "Dana Orme was hurt in a crash at about 7:40 p.m. on March 3 on Route 9."
    passage = _passage(text, [*_tagged(text, "TIME", "about 7:40 p.m."), *_tagged(text, "DATE", "March 3")])
    assert _answers("When was Dana Orme hurt?", passage) == ["about 7:40 p.m. on March 3"]
    assert "about 7:40 p.m. on March 3" not in _answers("On what day was Dana Orme hurt?", passage)
    lifted = "The Tarrow boil advisory was lifted Thursday morning, July 25, after clean samples."
    passage = _passage(lifted, [*_tagged(lifted, "TIME", "morning"), *_tagged(lifted, "DATE", "July 25")])
    assert "morning, July 25" not in _answers("When was the Tarrow boil advisory lifted?", passage)


def test_a_role_word_before_a_comma_is_not_the_next_names_role() -> None:
    """"the marina's owner, Mayor Tam Quist said" and "complained to the owner Tuesday, Dana Lisle said": the role
    ends its phrase at the comma, and the name after it is someone else's (a found first name, or a tagged full
    name, is read back no further either)."""
    for text, name in (("Boaters met the Kell marina's owner, Mayor Tam Quist said on Friday.", "Quist"),
                       ("Boaters complained to the owner Tuesday, Dana Lisle said of the Kell marina.", "Dana Lisle"),
                       ("Boaters met the Kell marina's owner, Mayor Tam Quist said on Friday.", "Tam Quist")):
        assert _answers("Who is the owner of the Kell marina?", _passage(text, _tagged(text, "PERSON", name))) == []


def test_such_as_or_as_well_as_gives_no_name() -> None:
    """"organized by students as well as the Haskett Teachers Association": a comparison, not a name given."""
    text = "The Haskett walkout was organized by students as well as the Haskett Teachers Association on Friday."
    passage = _passage(text, _tagged(text, "ORG", "the Haskett Teachers Association"))
    assert _answers("What is the name of the group that organized the Haskett walkout?", passage) == []


def test_how_long_up_to_now_is_answered_by_since_a_date() -> None:
    """"How long has Ada Renn been harbor master?": "harbor master since 2017" says for how long; a question of
    how long something lasted is not answered by when something began."""
    text = "Ada Renn has been the Tarrow harbor master since 2017. She first worked at the Tarrow port in 2004."
    passage = _passage(text, _tagged(text, "DATE", "2017", "2004"))
    assert _answers("How long has Ada Renn been the Tarrow harbor master?", passage) == ["since 2017"]
    assert _answers("How long did Ada Renn work as the Tarrow harbor master?", passage) == []


def test_an_organisation_where_things_happen_is_a_place_when_the_sentence_gives_no_other() -> None:
    """"Harlan Middle School will take the students" answers "Where will the students go?" (no other place there);
    an agent of a passive ("taken in by the Kell Humane Society") is no actor to drop; a firm is dropped when the
    sentence gives a place besides ("in Kessel County")."""
    from rag.candidates import Candidate, acts_rather_than_places
    from rag.query import analyse

    def flags(question: str, text: str, value: str, places: tuple[str, ...] = ()) -> bool:
        passage = _passage(text, [*_tagged(text, "ORG", value), *_tagged(text, "GPE", *places)])
        start = text.index(value)
        candidate = Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), "ORG")])
        return acts_rather_than_places(analyse(question), candidate)

    school = "Harlan Middle School will take the 200 Kell Elementary students while their school is rebuilt."
    assert not flags("Where will the Kell Elementary students go?", school, "Harlan Middle School")
    shelter = "The rescued animals were taken in by the Kell County Humane Society."
    assert not flags("Where were the rescued animals taken?", shelter, "the Kell County Humane Society")
    plant = "Tarrow Mills will build the new plant in Kessel County, the company said."
    assert flags("Where will the new plant be built?", plant, "Tarrow Mills", ("Kessel County",))


def test_only_a_clock_time_is_joined_to_the_day_after_it_in_its_own_sentence() -> None:
    """"for 3 hours on Tuesday" is no time of day; "3 p.m., two days after" names no day; "at 2 a.m. Sunday" split
    after "a.m." keeps the hour in its sentence and the day in the next."""
    text = "Dale Orrin testified for 3 hours on Tuesday."
    passage = _passage(text, [*_tagged(text, "TIME", "3 hours"), *_tagged(text, "DATE", "Tuesday")])
    assert _answers("When did Dale Orrin testify?", passage) == ["Tuesday"]
    text = "Dale Orrin was released at 3 p.m., two days after his arrest on Friday."
    passage = _passage(text, [*_tagged(text, "TIME", "3 p.m."), *_tagged(text, "DATE", "two days", "Friday")])
    assert "3 p.m." in _answers("When was Dale Orrin released?", passage)
    text = "Dale Orrin escaped at about 3 a.m. Tuesday from the Kell County jail."
    passage = _passage(text, [*_tagged(text, "TIME", "about 3 a.m."), *_tagged(text, "DATE", "Tuesday")])
    answers = _answers("When did Dale Orrin escape?", passage)
    assert answers and set(answers) <= {"about 3 a.m.", "Tuesday", "about 3 a.m. Tuesday"}


def test_a_body_that_voted_to_do_something_else_is_not_who_did_what_is_asked() -> None:
    """"The Tarrow Board of Education voted to hire Dana Lisle as superintendent": the board voted and hired; it
    did not become superintendent. A vote tells who approved or rejected, and the one hired is no decider."""
    from rag.candidates import decided_another_thing

    text = "The Tarrow Board of Education voted 5-0 on Monday to hire Dana Lisle as superintendent."
    board = "The Tarrow Board of Education"
    assert _flags(decided_another_thing, "Who became Tarrow's superintendent?", text, board, "ORG")
    assert not _flags(decided_another_thing, "Who hired Dana Lisle?", text, board, "ORG")
    assert not _flags(decided_another_thing, "Who became Tarrow's superintendent?", text, "Dana Lisle", "PERSON")
    against = "The Tarrow Board of Education voted 4-1 against the busing plan on Monday."
    assert not _flags(decided_another_thing, "Who rejected the Tarrow busing plan?", against, board, "ORG")


def test_the_town_after_a_persons_age_is_where_they_live_not_where_it_happened() -> None:
    """"Tyler Voskamp, 19, of Pellingford, was treated at the scene": Pellingford answers where he is from, not
    where anyone was taken."""
    text = ("Tyler Voskamp, 19, of Pellingford, was treated at the scene. The other driver was flown to "
            "Brindlemoor Regional Medical Center.")
    passage = _passage(text, [*_tagged(text, "GPE", "Pellingford"),
                              *_tagged(text, "ORG", "Brindlemoor Regional Medical Center")])  # fmt: skip
    assert "Pellingford" not in _answers("Where was the driver in the crash taken?", passage)
    assert "Pellingford" in _answers("Where is Tyler Voskamp from?", passage)
    # the age written before the noun: "the 52-year-old driver, of Ashcombe"
    aged = "The 52-year-old pickup driver, of Ashcombe, was flown to Brindlemoor Regional Medical Center."
    passage = _passage(aged, [*_tagged(aged, "GPE", "Ashcombe"),
                              *_tagged(aged, "ORG", "Brindlemoor Regional Medical Center")])  # fmt: skip
    assert "Ashcombe" not in _answers("Where was the pickup driver taken?", passage)
    assert "Ashcombe" in _answers("Where does the pickup driver live?", passage)


def test_a_since_date_that_dates_a_record_or_stands_beside_its_length_is_not_the_answer() -> None:
    """"the first strike there since 1998" dates a record, not how long workers have been out; "for six years,
    since 2019" gives the length itself, which answers."""
    record = "The Kell mill strike began Monday. It is the first strike there since 1998."
    passage = _passage(record, _tagged(record, "DATE", "Monday", "1998"))
    assert "since 1998" not in _answers("How long have Kell mill workers been on strike?", passage)
    shared = "Brisk and Orrin have shared a fire chief for six years, since 2019."
    passage = _passage(shared, _tagged(shared, "DATE", "six years", "2019"))
    assert _answers("How long have Brisk and Orrin shared a fire chief?", passage)[:1] == ["six years"]


def test_a_person_who_voted_and_a_vote_without_a_to_clause_tell_who_did_it() -> None:
    """"Council member Rita Okafor voted against the plan" tells who opposed it, and a mayor who "decided to veto"
    the budget is who blocked it; "voted against" has no other doer."""
    from rag.candidates import decided_another_thing

    plan = "Council member Rita Okafor voted against the parking plan drawn up by City Manager Dale Pruitt."
    assert not _flags(decided_another_thing, "Who opposed the parking plan?", plan, "Rita Okafor", "PERSON")
    veto = "Mayor Dana Orme decided to veto the budget passed by the Wexcombe City Council."
    assert not _flags(decided_another_thing, "Who blocked the budget?", veto, "Dana Orme", "PERSON")
    council = "The Wexcombe Town Council voted against the parking plan drawn up by City Manager Dale Pruitt."
    assert not _flags(decided_another_thing, "Who opposed the parking plan?", council, "The Wexcombe Town Council",
                      "ORG")  # fmt: skip


def test_only_a_name_in_what_was_decided_is_decided_upon() -> None:
    """"voted to prohibit fireworks, over objections from Mayor Lena Vasko": the mayor objected; the name the
    decision is about is the one hired, not one set off by a comma."""
    from rag.candidates import decided_upon

    hire = _value_candidate("The Ashcombe Board of Education voted 5-0 to hire Marcus Reid as superintendent.",
                            "The Ashcombe Board of Education", "ORG")  # fmt: skip
    assert decided_upon(hire, _same(hire, "Marcus Reid", "PERSON"))
    ban = _value_candidate("The Wexcombe Town Council voted 4-3 to prohibit fireworks, over objections from Mayor "
                           "Lena Vasko.", "The Wexcombe Town Council", "ORG")  # fmt: skip
    assert not decided_upon(ban, _same(ban, "Lena Vasko", "PERSON"))


def _same(first: "Candidate", value: str, label: str) -> "Candidate":
    """Another value candidate of `first`'s sentence."""
    from rag.candidates import Candidate

    start = first.passage.text.index(value)
    return Candidate(0, first.passage, first.start, first.end, {}, [(start, start + len(value), label)])


def test_a_town_after_an_age_is_where_it_happened_at_their_home_and_answers_where_they_reside() -> None:
    """"died at his home": the town he lives in is where he died; "reside" asks where they live."""
    died = "The victim, Dale Pruitt, 61, of Harlan Vale, died at his home on Monday."
    passage = _passage(died, _tagged(died, "GPE", "Harlan Vale"))
    assert "Harlan Vale" in _answers("Where did the victim die?", passage)
    hurt = "The injured woman, Lena Vasko, 34, of Stallbridge, was treated at the scene of the fire."
    passage = _passage(hurt, _tagged(hurt, "GPE", "Stallbridge"))
    assert "Stallbridge" in _answers("Where does the injured woman reside?", passage)
    assert "Stallbridge" not in _answers("Where was the injured woman treated?", passage)


def test_the_age_of_a_person_named_in_full_comes_from_a_sentence_that_names_them() -> None:
    """"How old is Randall Kuiper, the driver charged ...?": "a 24-year-old man" of a sentence about another driver
    is not his age; "Randall Kuiper, 52," is. A one-word name may be a town the model took for a person."""
    text = ("The sedan's driver, a 24-year-old man, was taken to Tarrow General. The SUV's driver, Randall Kuiper, 52, "
            "of Kell Ferry, had minor injuries.")
    passage = _passage(text, [*_tagged(text, "DATE", "24-year-old"), *_tagged(text, "CARDINAL", "52")])
    assert _answers("How old is Randall Kuiper, the driver charged after the crash?", passage) == ["52"]


def test_the_person_asked_about_may_be_named_in_the_sentence_before_in_capitals_or_with_a_suffix() -> None:
    """"Mayor Ada Renn announced ... (a long sentence). The mayor, 61, ...": the sentence before names her; "DALE
    ORRIN JR., 29," names him in capitals and with a suffix; "How old is Ada Renn's son?" asks another's age."""
    text = ("Mayor Ada Renn announced on Tuesday that the Tarrow harbor would be dredged this fall, that the ferry "
            "landing would be rebuilt next spring and that the old fish market would become a park. The mayor, 61, "
            "was first elected in 2015.")
    passage = _passage(text, _tagged(text, "CARDINAL", "61"))
    assert _answers("How old is Ada Renn?", passage) == ["61"]
    capitals = "DALE ORRIN JR., 29, was arrested in Tarrow on Friday."
    assert _answers("How old is Dale Orrin Jr.?", _passage(capitals, _tagged(capitals, "CARDINAL", "29"))) == ["29"]
    son = "Mayor Ada Renn said her son had been hurt at the Tarrow landing. The 24-year-old was taken to Kell General."
    assert _answers("How old is Ada Renn's son?", _passage(son, _tagged(son, "DATE", "24-year-old"))) == ["24-year-old"]


def test_a_rate_does_not_answer_a_question_that_asks_for_the_total() -> None:
    """"How much did the union pay out altogether?": "$150 a week" is what each week cost; a total it gives is the
    answer, and a question that asks for the rate still takes it."""
    text = ("Striking workers at the Tamsin Bay cannery received $150 a week from the union's fund, and the union "
            "paid out $84,000 in all.")  # fmt: skip
    passage = _passage(text, _tagged(text, "MONEY", "$150", "$84,000"))
    assert _answers("How much did the Tamsin Bay union pay its strikers altogether?", passage) == ["$84,000"]
    assert _answers("How much have Tamsin Bay strikers been paid so far?", passage) == ["$84,000"]
    assert "$150" in _answers("How much did the Tamsin Bay union pay its strikers each week?", passage)
    text = "Striking workers at the Tamsin Bay cannery received $150 a week from the union's fund."
    passage = _passage(text, _tagged(text, "MONEY", "$150"))
    assert _answers("How much did the Tamsin Bay union pay its strikers altogether?", passage) == []
    assert _answers("How much did the Tamsin Bay union pay its strikers?", passage) == ["$150"]


def test_the_most_a_penalty_may_be_does_not_answer_what_was_given() -> None:
    """"How many years did Vance get?" (done) is not answered by "faces up to 20 years" (whether the model tags "up
    to" into the value or not); "How many years could Vance get?" is."""
    for value in ("up to 20 years", "20 years"):
        text = "Orrin Vance, 31, of Tamsin Bay, faces up to 20 years in prison for the warehouse fire."
        passage = _passage(text, _tagged(text, "DATE", value))
        assert _answers("How many years in prison did Orrin Vance get for the Tamsin Bay fire?", passage) == []
        assert _answers("How many years in prison was Orrin Vance sentenced to?", passage) == []
        assert _answers("How many years in prison could Orrin Vance get for the fire?", passage) == [value]
    text = "The Tamsin Bay clinic faces a $3 million deficit this year."
    passage = _passage(text, _tagged(text, "MONEY", "$3 million"))
    assert _answers("How big was the Tamsin Bay clinic's deficit?", passage) == ["$3 million"]


def test_a_sentence_set_in_another_place_does_not_answer_for_the_place_asked() -> None:
    """"In Tidewell, firefighters took 14 people from flooded houses." does not say how many were rescued in
    Orrin Bay, though the sentence before names Orrin Bay and the article is about both; whatever label the model
    gives the other town. A sentence set in the place asked about does answer, and "In Vance's view" sets no
    place."""
    lead = "The storm flooded homes in Orrin Bay and Tidewell. "
    for label in ("GPE", "PERSON", "FAC"):
        text = lead + "In Tidewell, firefighters used boats to take 14 people from flooded houses."
        passage = _passage(text, _tagged(text, "GPE", "Orrin Bay") + [
            (text.index("In Tidewell") + 3, text.index("In Tidewell") + 11, label)] + _tagged(text, "CARDINAL", "14"))
        assert _answers("How many people were rescued from flooded homes in Orrin Bay?", passage) == []
        assert _answers("How many people were rescued from flooded homes in Tidewell?", passage) == ["14"]
    text = lead + "In Orrin Bay, firefighters used boats to take 14 people from flooded houses."
    passage = _passage(text, _tagged(text, "GPE", "Orrin Bay") + [(text.index("In Orrin") + 3,
                                                                   text.index("In Orrin") + 12, "GPE")]
                       + _tagged(text, "CARDINAL", "14"))  # fmt: skip
    assert _answers("How many people were rescued from flooded homes in Orrin Bay?", passage) == ["14"]
    text = lead + "In Vance's view, firefighters took 14 people from flooded houses in Orrin Bay too slowly."
    passage = _passage(text, _tagged(text, "PERSON", "Vance") + _tagged(text, "CARDINAL", "14"))
    assert _answers("How many people were rescued from flooded homes in Orrin Bay?", passage) == ["14"]


def test_a_value_tagged_as_a_number_has_a_figure_in_it() -> None:
    """The model tags "as large as" in "hail as large as 2.75 inches" as a number: no figure, no answer; "a dozen",
    "twenty-one" and "2.75 inches" have one."""
    text = "The storm dropped hail as large as 2.75 inches on Tamsin Bay, and a dozen homes and twenty-one cars were hit."
    passage = _passage(text, _tagged(text, "CARDINAL", "as large as", "a dozen", "twenty-one")
                       + _tagged(text, "QUANTITY", "2.75 inches"))  # fmt: skip
    assert "as large as" not in _answers("How many homes in Tamsin Bay were damaged by the storm?", passage)
    assert "a dozen" in _answers("How many homes in Tamsin Bay were damaged by the storm?", passage)
    assert "twenty-one" in _answers("How many cars in Tamsin Bay were damaged by the storm?", passage)


def test_how_often_is_no_when() -> None:
    """"When were the beds reopened?": "every day" (which the model tags as a date) tells how often; a day tells
    when."""
    text = "\"Every day we're closed is a day I'm not selling,\" said Tamsin Orle, whose beds reopened on Monday."
    passage = _passage(text, _tagged(text, "DATE", "Every day", "Monday"))
    assert _answers("When were Tamsin Orle's shellfish beds reopened?", passage) == ["Monday"]


def test_a_measure_of_another_dimension_does_not_answer_how_high_or_how_fast() -> None:
    """"How high did the surge get?" takes a length, not "71 mph" (a gust's speed); "How high were the winds?" asks
    for a speed; "How fast was it going?" takes no length; a number without a unit is not judged."""
    from rag.candidates import _of_another_dimension

    text = "In Orrin Bay the strongest gust reached 71 mph, and the surge pushed the water 4.1 feet above the tide."
    passage = _passage(text, _tagged(text, "QUANTITY", "71 mph", "4.1 feet") + _tagged(text, "GPE", "Orrin Bay"))
    assert _answers("How high did the storm surge get in Orrin Bay?", passage) == ["4.1 feet"]
    assert "71 mph" in _answers("How high were the winds in Orrin Bay?", passage)
    assert _of_another_dimension("How fast was the Tamsin ferry going?", "40 feet")
    assert not _of_another_dimension("How fast was the Tamsin ferry going?", "40 miles an hour")
    assert not _of_another_dimension("How deep is Orrin Lake?", "40")
    assert not _of_another_dimension("How hot did it get in Orrin Bay?", "104 degrees")
    assert _of_another_dimension("How hot did it get in Orrin Bay?", "6 inches")


def test_a_sentence_set_in_a_place_of_the_one_asked_still_answers_for_it() -> None:
    """"In the Elm Park neighborhood, ...", "At City Hall, ...", "In Orrin County, ..." (the asked town's county),
    "At Hollin Freight, ..." (a firm in the asked town) and "In Orrin Bay, ..." (the town of the fire department
    asked about) tell of the place asked, or of what it lies in: the article does not list them beside it as
    other places ("Orrin Bay and Tidewell"), so they answer."""
    cases = [
        ("How many people were rescued in Brantley?", "The storm flooded dozens of homes in Brantley on Sunday. ",
         "In the Elm Park neighborhood, firefighters rescued 14 people from flooded houses.", "Elm Park", "LOC"),
        ("How many people rallied against the tax in Marlow?", "Marlow residents protested the sales tax on Tuesday. ",
         "At City Hall, about 200 people rallied against the tax.", "City Hall", "FAC"),
        ("How many acres burned in the Tidewell fire?", "Firefighters contained the Tidewell fire on Friday. ",
         "In Orrin County, the fire burned 1,200 acres before it was contained.", "Orrin County", "GPE"),
        ("How many workers were laid off in Brantley?", "Hollin Freight is cutting jobs at its Brantley warehouse. ",
         "At Hollin Freight, 120 workers were laid off Monday.", "Hollin Freight", "PERSON"),
        ("How many people did the Orrin Bay Fire Department rescue?", "The Orrin Bay Fire Department and Tidewell "
         "crews worked through the night. ", "In Orrin Bay, firefighters rescued 14 people.", "Orrin Bay", "LOC"),
    ]  # fmt: skip
    for question, lead, sentence, place, label in cases:
        text = lead + sentence
        at = len(lead) + sentence.index(place)
        value = next(v for v in ("14", "about 200", "1,200 acres", "120") if v in sentence)
        passage = _passage(text, [(at, at + len(place), label)] + _tagged(text, "CARDINAL", value))
        assert _answers(question, passage) == [value], question


def test_a_yearly_sum_answers_a_question_of_a_combined_sum_or_a_total_salary() -> None:
    """"combined" sums the things named, not the years: "$1.4 million a year" is what two plants pay combined; a
    salary is by the year, so "$185,000 a year" is the total salary. "altogether" still refuses a weekly sum."""
    text = "The two Brantley power plants together pay $1.4 million a year in property taxes."
    passage = _passage(text, _tagged(text, "MONEY", "$1.4 million"))
    assert _answers("How much do the two Brantley plants pay in taxes combined?", passage) == ["$1.4 million"]
    text = "Brantley Superintendent Lena Ostrow's salary rose to $185,000 a year."
    passage = _passage(text, _tagged(text, "MONEY", "$185,000"))
    assert _answers("How much is the Brantley superintendent's total salary?", passage) == ["$185,000"]
    text = "Striking workers at the Brantley cannery received $150 a week from the union's fund."
    passage = _passage(text, _tagged(text, "MONEY", "$150"))
    assert _answers("How much did the Brantley union pay its strikers altogether?", passage) == []


def test_what_was_met_or_carried_is_no_most_of_a_penalty() -> None:
    """"Runners faced up to 95 degrees", "the flood carried up to 3 feet of water", "the truck was carrying up to
    40 tons" tell what was, not the most a penalty may be; "who faced up to 20 years, was sentenced to 6 years in
    prison" and "the ferry, which carries up to 150 passengers" still tell what may be. A question that asks what
    was faced ("did Kell face") asks for the most."""
    cases = [
        ("How hot was it during the Brantley marathon?", "Brantley marathon runners faced up to 95 degrees.",
         "QUANTITY", "95 degrees"),
        ("How much water did the flood carry into Brantley homes?",
         "The flood carried up to 3 feet of water into Brantley homes.", "QUANTITY", "3 feet"),
        ("How much gravel was the Brantley truck carrying?",
         "The Brantley truck was carrying up to 40 tons of gravel, police said.", "QUANTITY", "40 tons"),
        ("How many years in prison did Dara Kell face?", "Dara Kell of Brantley faces up to 20 years in prison.",
         "DATE", "20 years"),
    ]  # fmt: skip
    for question, text, label, value in cases:
        assert _answers(question, _passage(text, _tagged(text, label, value))) == [value], question
    text = "Dara Kell of Brantley, who faced up to 20 years, was sentenced to 6 years in prison."
    passage = _passage(text, _tagged(text, "DATE", "20 years", "6 years"))
    assert _answers("How many years was Dara Kell sentenced to?", passage) == ["6 years"]
    text = "The Corbin ferry, which carries up to 150 passengers, ran aground Saturday."
    passage = _passage(text, _tagged(text, "CARDINAL", "150"))
    assert _answers("How many passengers did the Corbin ferry carry?", passage) == []


def test_one_of_a_unit_or_a_fold_is_a_figure() -> None:
    """"nearly a foot", "a dollar", "twofold", "a handful" have a figure in them; "as large as" still has none."""
    for question, text, label, value in [
        ("How much did the river rise in Brantley?", "The river rose nearly a foot overnight in Brantley.",
         "QUANTITY", "nearly a foot overnight"),
        ("How much did the Brantley bus fare rise?", "The Brantley bus fare rose by a dollar.", "MONEY", "a dollar"),
        ("How much did enrollment grow in Brantley?", "Enrollment in Brantley grew twofold.", "CARDINAL", "twofold"),
        ("How many people came to the Brantley meeting?", "A handful of people came to the Brantley meeting.",
         "CARDINAL", "A handful"),
    ]:  # fmt: skip
        assert _answers(question, _passage(text, _tagged(text, label, value))) == [value], question
    text = "Hail as large as golf balls fell on Brantley."
    assert _answers("How much hail fell on Brantley?", _passage(text, _tagged(text, "CARDINAL", "as large as"))) == []


def test_how_often_answers_when_in_the_plain_present() -> None:
    """"When is the library open?" (the plain present) asks how often as well: "daily"; "When was it reopened?" and
    "When will it reopen?" ask for a time: not "daily"."""
    text = "The Ostry library is open daily, and it reopened on Monday after repairs."
    passage = _passage(text, _tagged(text, "DATE", "daily", "Monday"))
    assert "daily" in _answers("When is the Ostry library open?", passage)
    assert _answers("When was the Ostry library reopened?", passage) == ["Monday"]
    assert "daily" not in _answers("When will the Ostry library reopen?", passage)


def test_a_measure_the_question_may_ask_in_another_dimension_is_not_dropped() -> None:
    """"How heavy was the snowfall?" takes inches; "How high was the fever?" degrees; "How high did it get?" may ask
    for the heat; a length in a time ("2 feet an hour") is a speed for "How fast ...?"."""
    from rag.candidates import _of_another_dimension

    assert not _of_another_dimension("How heavy was the snowfall in Ellsmere?", "10 inches")
    assert not _of_another_dimension("How heavy was the rain in Quarrow?", "3.2 inches")
    assert _of_another_dimension("How heavy was the rain in Quarrow?", "45 mph")
    assert _of_another_dimension("How heavy was the truck?", "10 inches")
    assert not _of_another_dimension("How high was the boy's fever?", "104 degrees")
    assert not _of_another_dimension("How high did it get in Quarrow on Monday?", "104 degrees")
    assert _of_another_dimension("How high did the Tarn River get?", "104 degrees")
    text = "The Vellan River rose 2 feet an hour on Saturday, as gusts reached 40 mph."
    passage = _passage(text, _tagged(text, "QUANTITY", "2 feet", "40 mph") + _tagged(text, "DATE", "Saturday"))
    assert "2 feet" in _answers("How fast did the Vellan River rise?", passage)
    text = "The ferry was going 18 knots when it hit a pier 40 feet from shore."
    passage = _passage(text, _tagged(text, "QUANTITY", "18 knots", "40 feet"))
    assert _answers("How fast was the ferry going?", passage) == ["18 knots"]
def test_a_word_ending_like_a_number_is_no_figure() -> None:
    """"twenty" and "fifteen" are number words; "city", "county" and "plenty" only end like them: a value the model
    tags as a number with none of them in it has no figure."""
    from rag.candidates import _A_FIGURE

    assert _A_FIGURE.search("twenty-five") and _A_FIGURE.search("fifteen")
    assert not any(_A_FIGURE.search(value) for value in ("as big as a city", "the county", "plenty"))
    text = "Hail as big as a city bus fell on Brantley."
    assert _answers("How much hail fell on Brantley?", _passage(text, _tagged(text, "CARDINAL", "as big as a city"))) == []


def test_how_heavy_a_snowfall_was_is_a_depth() -> None:
    """"How heavy was the snowfall?" is answered in inches, not left unanswered as a weight would be; "How heavy
    was the truck?" still takes no length."""
    from rag.candidates import _of_another_dimension

    assert not _of_another_dimension("How heavy was the snowfall in Brantley?", "14 inches")
    assert not _of_another_dimension("How heavy was the rain in Brantley?", "3 inches")
    assert _of_another_dimension("How heavy was the Brantley fire truck?", "40 feet")


def test_an_area_or_a_volume_is_no_height_or_depth() -> None:
    """"How tall will the wind turbines be?" takes no "4,100 acres" (the turbines' wind is no wind asked about);
    "How deep is the reservoir?" no "31,000 acre-feet" (a volume, though it ends in "feet"); a height in feet
    still answers, and "How big ...?" asks for no one dimension."""
    from rag.candidates import _of_another_dimension

    assert _of_another_dimension("How tall will the Orrin Ridge wind turbines be?", "about 4,100 acres")
    assert not _of_another_dimension("How tall will the Orrin Ridge wind turbines be?", "about 590 feet")
    assert _of_another_dimension("How deep is the Tamsin reservoir?", "31,000 acre-feet")
    assert not _of_another_dimension("How big is the Tamsin farm?", "300 acres")
    assert not _of_another_dimension("How high were the winds at Orrin Ridge?", "71 mph")
    text = "The Orrin Ridge turbines would stand about 590 feet on about 4,100 acres of leased land."
    passage = _passage(text, _tagged(text, "QUANTITY", "about 590 feet", "about 4,100 acres"))
    assert _answers("How tall will the Orrin Ridge wind turbines be?", passage) == ["about 590 feet"]


def test_what_a_thing_done_once_costs_is_no_rate() -> None:
    """"How much will the hotel cost to build?" and "the price tag on the bridge" ask for a sum paid once: "$450,000 a
    year in rent" is no answer; "How much will the hotel cost a year to run?" takes it."""
    text = "Quay Hotels will pay Orrin Bay $450,000 a year in rent for the wharf, and the hotel will cost $38 million."
    passage = _passage(text, _tagged(text, "MONEY", "$450,000", "$38 million"))
    assert _answers("How much is the Orrin Bay wharf hotel going to cost to build?", passage) == ["$38 million"]
    assert _answers("What's the price tag on the Orrin Bay wharf hotel?", passage) == ["$38 million"]
    assert "$450,000" in _answers("How much will the Orrin Bay wharf hotel pay a year in rent?", passage)


def test_a_thing_paid_for_by_the_period_or_over_a_span_may_cost_a_rate() -> None:
    """"How much does it cost to buy a membership?", "the price tag for tuition" and a cost "over 10 years" may be
    told by the year; a sum "a week ago" or "a year earlier" is no rate."""
    text = "A family membership at the Orlin pool costs $240 a year, and the pool cost $4.5 million."
    passage = _passage(text, _tagged(text, "MONEY", "$240", "$4.5 million"))
    assert _answers("How much does it cost to buy a membership at the Orlin pool?", passage)[0] == "$240"
    text = "Tuition at Farrowgate Academy will be $18,500 a year."
    passage = _passage(text, _tagged(text, "MONEY", "$18,500"))
    assert _answers("What is the price tag for tuition at Farrowgate Academy?", passage) == ["$18,500"]
    text = "Brenholt road crews will need $2 million a year for ten years to fix the town's roads."
    passage = _passage(text, _tagged(text, "MONEY", "$2 million"))
    assert _answers("How much will it cost to fix the Brenholt roads over 10 years?", passage) == ["$2 million"]
    assert _answers("How much will it cost to fix the Brenholt roads?", passage) == []
    text = "The Halvren council approved $6 million a week ago to repair the seawall."
    passage = _passage(text, _tagged(text, "MONEY", "$6 million"))
    assert _answers("How much will it cost to repair the Halvren seawall?", passage) == ["$6 million"]


def test_an_amount_may_be_high_in_bushels_and_a_fire_spread_far_in_acres() -> None:
    """"How high were corn yields?" takes "212 bushels an acre"; "How far has the fire spread?" takes "4,200 acres";
    "How tall is the silo?" still takes no bushels, nor "How far did the spill spread?" barrels."""
    text = "Corn yields in Dallow County averaged 212 bushels an acre this year."
    passage = _passage(text, _tagged(text, "QUANTITY", "212 bushels"))
    assert _answers("How high were corn yields in Dallow County?", passage) == ["212 bushels"]
    text = "The Ketter Ridge fire has spread across 4,200 acres."
    passage = _passage(text, _tagged(text, "QUANTITY", "4,200 acres"))
    assert _answers("How far has the Ketter Ridge fire spread?", passage) == ["4,200 acres"]
    text = "The Brackwater co-op silo will hold 200,000 bushels."
    passage = _passage(text, _tagged(text, "QUANTITY", "200,000 bushels"))
    assert _answers("How tall is the Brackwater co-op silo?", passage) == []
    text = "About 900 barrels of oil spilled into the Corvane River."
    passage = _passage(text, _tagged(text, "QUANTITY", "About 900 barrels"))
    assert _answers("How far did the Corvane River oil spill spread?", passage) == []


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("The new tower will be built on Quarry Hill next year.", "Quarry Hill", True),
        ("The detour runs along Halsey Road.", "Halsey Road", True),
        ("Tom Hill said the tower will be built next year.", "Tom Hill", False),
        ("The council thanked Ada Brook for her work.", "Ada Brook", False),
    ],
)
def test_a_name_ending_in_a_streets_or_a_hills_word_after_a_preposition_of_place_is_a_place(
    text: str, name: str, place: bool
) -> None:
    from rag.candidates import _a_place_by_its_name

    start = text.index(name)
    assert _a_place_by_its_name(text, start, start + len(name)) is place


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        # the model leaves the house number out of a street's name, and the number out of a road's
        ("The clinic will open at 220 Main St. in Orlow next month.", "Main St.", "220 Main St."),
        ("The tornado touched down near County Road 12 and Fenn Road.", "County Road", "County Road 12"),
        ("The crash closed Highway 61 north of Tansy for six hours.", "Highway", "Highway 61"),
        # a number that is no part of the name stays out
        ("Crews repaved 3 Main Street blocks last year.", "Main Street", "Main Street"),
        ("The plan puts 40 homes on Fenn Road, 2 miles from town.", "Fenn Road", "Fenn Road"),
        ("Traffic on the county road 12,000 cars a day.", "county road", "county road"),
        ("The crash happened on Mill Road 200 yards from the school.", "Mill Road", "Mill Road"),
        ("The clinic opened in 2019 Elm Street offices once used by a bank.", "Elm Street", "Elm Street"),
    ],
)  # fmt: skip
def test_a_place_answer_is_said_with_the_number_of_its_address(text: str, name: str, said: str) -> None:
    from rag.candidates import place_with_its_number

    assert place_with_its_number(_value_candidate(text, name, "FAC")) == said


@pytest.mark.parametrize(("question", "text", "another"), [
    ("Who is president of the Tarnby teachers union?", "Board President Ada Renn said the vote was 5-2.", True),
    ("Who is president of the Tarnby school board?", "Board President Ada Renn said the vote was 5-2.", False),
    ("Who is president of the Tarnby teachers union?", "Union President Ada Renn said members voted.", False),
    ("Who is president of the Tarnby teachers union?", "President Ada Renn said members voted.", False),
])  # fmt: skip
def test_the_head_of_another_body_does_not_answer_for_the_body_asked(question: str, text: str,
                                                                    another: bool) -> None:  # fmt: skip
    from rag.candidates import _head_of_another_body

    at = text.index("Ada Renn")
    assert _head_of_another_body("president", question, text, (at, at + 8), (0, len(text))) is another
    passage = _passage(text, _tagged(text, "PERSON", "Ada Renn"), "Tarnby", "Oxley Star")
    assert ("Ada Renn" in _answers(question, passage)) is not another


@pytest.mark.parametrize(
    ("role", "question", "text", "name", "another"),
    [
        # the kind before the role: a word of status, a lowercase noun, a possessive
        ("chief", "Who will be Tarnby's permanent police chief?", "Deputy Chief Ada Renn will serve as interim chief "
         "until the search ends.", "Ada Renn", True),
        ("driver", "What is the name of the sedan driver who was hurt?", "The van's driver, Dale Orrin, 52, had minor "
         "injuries.", "Dale Orrin", True),
        ("coach", "Who is the head coach at Tarnby High?", "Assistant coach Bo Lisle ran Tuesday's practice.",
         "Bo Lisle", True),
        ("director", "Who is Tarnby's finance director?", "The roof leaks, library director Ada Renn said.",
         "Ada Renn", True),  # a noun the role is a compound of
        # the same kind, a kind of one meaning, or no kind on either side
        ("chief", "Who is Tarnby's acting police chief?", "The council named Ada Renn interim chief.", "Ada Renn",
         False),
        ("driver", "What is the name of the sedan driver who was hurt?", "The sedan's driver, Dale Orrin, 52, was "
         "flown to Orlow General.", "Dale Orrin", False),
        ("chief", "Who is Tarnby's new police chief?", "The council named Ada Renn interim police chief.", "Ada Renn",
         False),
        ("principal", "Who is the new principal of Tarnby Middle School?", "Tarnby Middle School Principal Ada Renn "
         "will retire in June.", "Ada Renn", False),
        # a service's word in capitals right before the title is its kind ("Fire Chief")
        ("chief", "Who is the police chief in Tarnby?", "Fire Chief Ada Renn said crews went door to door.",
         "Ada Renn", True),
        ("chief", "Who is the fire chief in Tarnby?", "Fire Chief Ada Renn said crews went door to door.",
         "Ada Renn", False),
        ("chief", "Who is the chief of the Tarnby police?", "Deputy Chief Ada Renn spoke for the department.",
         "Ada Renn", False),
        # a sentence's other words before the role are no kind of it
        ("principal", "Who is the high school principal?", "Classes start Sept. 3, said longtime principal Ada "
         "Renn.", "Ada Renn", False),
        ("director", "Who is the county's health director?", "Ada Renn, who became director of the health "
         "department in May, spoke.", "Ada Renn", False),
        ("director", "Who is Tarnby's finance director?", "The budget is balanced, finance director Ada Renn said.",
         "Ada Renn", False),
        ("superintendent", "Who is the Tarnby school superintendent?", "Tarnby schools superintendent Ada Renn "
         "spoke.", "Ada Renn", False),  # the compound's noun in the plural
    ],
)  # fmt: skip
def test_a_role_of_another_kind_does_not_answer_for_the_kind_asked(
    role: str, question: str, text: str, name: str, another: bool
) -> None:
    from rag.candidates import _another_kind_of

    at = text.index(name)
    assert _another_kind_of(role, question, text, (at, at + len(name)), (0, len(text))) is another


@pytest.mark.parametrize(("question", "source"), [
    ("Who rescued the boy from the Tarn River?", False),
    ("Who reported the rescue at the Tarn River?", True),
])  # fmt: skip
def test_a_source_after_according_to_answers_only_who_told_it(question: str, source: bool) -> None:
    """"dragged the boy to the riverbank, according to Fire Chief Dale Renn": he tells it, Ada Quist did it."""
    text = ("A passerby, Ada Quist, 42, of Elm Ridge, waded in and dragged the boy to the riverbank at the Tarn River, "
            "according to Fire Chief Dale Renn.")  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Ada Quist", "Dale Renn"))
    assert "Ada Quist" in _answers(question, passage)
    assert ("Dale Renn" in _answers(question, passage)) is source
    # a title in lower case before the source
    text = ("The district will sell the old Orby school to Tarn Homes, according to business administrator Dale "
            "Renn.")  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Dale Renn") + _tagged(text, "ORG", "Tarn Homes"))
    assert ("Dale Renn" in _answers("Who is buying the old Orby school?", passage)) is False
    assert "Dale Renn" in _answers("Who told reporters about the sale of the old Orby school?", passage)


@pytest.mark.parametrize(("question", "beaten_answers"), [
    ("Who won the Tarnby mayoral race?", False),
    ("Who lost the Tarnby mayoral race?", True),
])  # fmt: skip
def test_the_one_beaten_answers_no_who_won(question: str, beaten_answers: bool) -> None:
    """"Ada Quist defeated two-term Mayor Dale Renn ..., 2,914 votes to Renn's 2,407": he lost the race."""
    text = ("Ada Quist defeated two-term Mayor Dale Renn in the Tarnby mayoral race on Tuesday, winning 2,914 votes to "
            "Renn's 2,407.")  # fmt: skip
    renn = text.rindex("Renn")
    passage = _passage(text, [*_tagged(text, "PERSON", "Ada Quist", "Dale Renn"), (renn, renn + 4, "PERSON")])
    answers = _answers(question, passage)
    assert "Ada Quist" in answers
    assert ("Dale Renn" in answers or "Renn" in answers) is beaten_answers


def test_the_subject_of_a_passive_of_beating_is_the_one_beaten() -> None:
    """"Dale Renn was defeated by Ada Quist": she won; "by" is no word between the verb and the one beaten."""
    text = "Dale Renn was defeated by Ada Quist in the Tarnby mayoral race, 54 percent to 39 percent."
    passage = _passage(text, _tagged(text, "PERSON", "Dale Renn", "Ada Quist"))
    assert _answers("Who won the Tarnby mayoral race?", passage) == ["Ada Quist"]


@pytest.mark.parametrize(("question", "text", "name", "kept"), [
    # a source after "according to" still answers who holds the role it names
    ("Who is the Orlow police chief?", "The road will stay closed, according to Police Chief Ron Pike.", "Ron Pike",
     True),
    # people at a building act, and the building with them
    ("Who hired the Orlow consultant?", "Officials at Orlow General Hospital hired the consultant in May.",
     "Orlow General Hospital", True),
    ("Who pulled the boy out?", "Ada Quist, who works at Orlow General Hospital, pulled the boy out.",
     "Orlow General Hospital", False),
])  # fmt: skip
def test_a_source_or_a_building_answers_when_it_is_asked_or_acts(
    question: str, text: str, name: str, kept: bool
) -> None:
    label = "ORG" if "Hospital" in name else "PERSON"
    passage = _passage(text, _tagged(text, label, name))
    assert (name in _answers(question, passage)) is kept


@pytest.mark.parametrize(("question", "instead_answers"), [
    ("Where will Ward 6 voters cast their ballots in November?", False),
    ("Where did Ward 6 voters cast their ballots before?", True),
])  # fmt: skip
def test_what_is_set_aside_instead_answers_only_a_question_about_it(question: str, instead_answers: bool) -> None:
    """"at the Fenwick Library instead of Holy Cross Church": the voters go to the library."""
    text = ("Voters in Ward 6 will cast their ballots at the Fenwick Library in November instead of Holy Cross Church, "
            "the town clerk said.")  # fmt: skip
    passage = _passage(text, _tagged(text, "FAC", "the Fenwick Library", "Holy Cross Church"))
    answers = _answers(question, passage)
    assert "the Fenwick Library" in answers
    assert ("Holy Cross Church" in answers) is instead_answers


def test_a_sentence_about_another_numbered_one_does_not_answer() -> None:
    """"Precinct 2" is not Precinct 5, though the article names Precinct 5 elsewhere."""
    text = ("Precinct 5 voters will keep voting at Orlow Middle School. About 900 voters are registered in Precinct 2, "
            "the clerk said.")  # fmt: skip
    passage = _passage(text, _tagged(text, "CARDINAL", "About 900"))
    assert _answers("How many voters are registered in Precinct 5?", passage) == []
    assert _answers("How many voters are registered in Precinct 2?", passage) == ["About 900"]


@pytest.mark.parametrize(("question", "text", "value", "answers"), [
    ("How long will the Orlow bridge be closed?",
     "The Orlow bridge is the second county bridge to close for repairs in two years.", "two years", False),
    ("How long has Ada Renn led the Orlow schools?", "For the third time in five years, Orlow voters rejected a bond.",
     "five years", False),
    ("How long will the Orlow bridge be closed?", "The Orlow bridge will close for two years.", "two years", True),
    ("How long has it been since Orlow voters last rejected a bond?",
     "It was the first time in 20 years that Orlow voters rejected a bond.", "20 years", True),
])  # fmt: skip
def test_a_length_things_are_counted_over_is_no_answer_to_how_long(question: str, text: str, value: str,
                                                                   answers: bool) -> None:  # fmt: skip
    passage = _passage(text, _tagged(text, "DATE", value), "Orlow", "Oxley Star")
    assert (value in _answers(question, passage)) is answers


def test_a_sentence_about_a_namesake_does_not_answer_of_the_person_named() -> None:
    """"His son Tom Quell took over in 1981" does not answer "When did Harold Quell retire?"; it answers of Tom Quell
    and of Harold Quell's son, and a sentence naming both answers of either."""
    text = "Harold Quell opened the Orlow diner in 1950.\nHis son Tom Quell took over in 1981."
    passage = _passage(text, [*_tagged(text, "PERSON", "Harold Quell", "Tom Quell"), *_tagged(text, "DATE", "1950",
                                                                                         "1981")])  # fmt: skip
    assert "1981" not in _answers("When did Harold Quell retire?", passage)
    assert "1981" in _answers("When did Tom Quell take over the diner?", passage)
    assert "1981" in _answers("When did Harold Quell's son take over the diner?", passage)
    both = "Tom Quell took over from his father, Harold Quell, in 1981."
    passage = _passage(both, [*_tagged(both, "PERSON", "Harold Quell", "Tom Quell"), *_tagged(both, "DATE", "1981")])
    assert _answers("When did Harold Quell retire?", passage) == ["1981"]
    # a family member is often the one a who question asks for
    from rag.candidates import _names_a_namesake
    from rag.query import analyse

    wife = "He is survived by his wife of 60 years, Edna Quell."
    passage = _passage(wife, _tagged(wife, "PERSON", "Edna Quell"))
    constraints = analyse("Who was Harold Quell married to?").constraints
    assert not _names_a_namesake(passage, 0, len(wife), constraints, "person")
    assert _names_a_namesake(passage, 0, len(wife), constraints, "date")


def test_a_sentence_about_another_one_numbered_with_no_does_not_answer() -> None:
    """"Pump No. 3" is not Pump No. 2, though the article names Pump No. 2 elsewhere; written "Pump Number 2" it is."""
    text = ("Pump No. 2 was shut off in May. Pump No. 3, installed in 1971 on Orlow Road, failed in March. "
            "Pump Number 2 was installed in 1988.")  # fmt: skip
    passage = _passage(text, _tagged(text, "DATE", "May", "1971", "March", "1988"))
    found = _answers("When was Pump No. 2 installed?", passage)
    assert "1971" not in found and "1988" in found
    assert _answers("When was Pump No. 3 installed?", passage)[:1] == ["1971"]


@pytest.mark.parametrize(("question", "text", "names"), [
    ("Who did Tarnby hire as its police chief?",
     "Town Manager Rita Oyelaran said the finalists are Lt. Ada Moss of Tarnby, Capt. Rui Lenz of Orlow and Sgt. Bo "
     "Kline.", ("Rita Oyelaran", "Ada Moss", "Rui Lenz", "Bo Kline")),
    ("Which firm will operate the Tarnby bus routes?",
     "Bids for the Tarnby routes came from Quell Transit, which runs them now; Harrow Coach Lines; and Orlow Mobility.",
     ("Quell Transit", "Harrow Coach Lines", "Orlow Mobility")),
])  # fmt: skip
def test_the_options_of_a_choice_to_come_answer_no_question_of_who_was_chosen(
    question: str, text: str, names: tuple[str, ...]
) -> None:
    passage = _passage(text, _tagged(text, "PERSON" if "chief" in question else "ORG", *names))
    assert _answers(question, passage) == []
    asked_for_them = "Who is Tarnby considering for police chief?" if "chief" in question else (
        "Which firms bid on the Tarnby bus routes?")  # fmt: skip
    assert set(_answers(asked_for_them, passage)) & set(names[-2:])


def test_a_choice_told_beside_its_options_still_answers() -> None:
    """"awarded the contract to Keldon Paving, the lowest of four bidders": the choice is told."""
    text = ("The Darrow Board of Selectmen awarded the contract to repave Main Street to Keldon Paving, the lowest of "
            "four bidders, and Marsh Asphalt came second.")  # fmt: skip
    passage = _passage(text, _tagged(text, "ORG", "Keldon Paving", "Marsh Asphalt"))
    assert _answers("Which company won the contract to repave Main Street?", passage)[0] == "Keldon Paving"


def test_a_dateline_taken_for_a_name_is_no_answer() -> None:
    from rag.candidates import _in_a_dateline

    text = "ORLOW FALLS - The storefront on Mill Street will reopen as a bakery."
    assert _in_a_dateline(text, 0, len("ORLOW FALLS -"))
    assert not _in_a_dateline("ORLOW FALLS is a town.", 0, len("ORLOW FALLS"))


def test_how_often_is_no_answer_to_when() -> None:
    """"annual fees ... starting with the fall 2026 semester": "annual" says how often, not when."""
    text = "Tarnby College trustees raised annual parking fees to $80, starting with the fall 2026 semester."
    passage = _passage(text, _tagged(text, "DATE", "annual", "the fall 2026 semester"))
    assert _answers("When will the higher Tarnby College parking fees take effect?", passage) == [
        "the fall 2026 semester"
    ]


def test_an_office_named_for_a_county_answers_who() -> None:
    """The model tags "the Tarnby County Sheriff's Office" as a place; it is who will patrol."""
    text = "The Orlow council voted to pay the Tarnby County Sheriff's Office to patrol the city."
    passage = _passage(text, _tagged(text, "GPE", "the Tarnby County Sheriff's Office"))
    assert _answers("Who will patrol Orlow?", passage) == ["the Tarnby County Sheriff's Office"]


@pytest.mark.parametrize("span", ["Capt", "Orlow Middle School to Quell Roofing of", "Quell Roofing of"])
def test_a_span_that_is_no_name_answers_no_who_or_where(span: str) -> None:
    """The model's spans: "Capt" left when "TARNBY - Capt" loses its dateline, two names joined by "to"."""
    from rag.candidates import _NO_NAME

    assert _NO_NAME.search(span)
    for name in ("Capt. Ada Moss", "Friends of the Orlow Library", "Quell Roofing", "Bank of Tarnby"):
        assert not _NO_NAME.search(name)


def test_the_age_of_an_office_holder_is_a_persons_age() -> None:
    """"How old is Elm Ridge's new police chief?": "Moss, 47, ..." gives it, though the question names no one."""
    text = ("Capt. Ada Moss was sworn in as Elm Ridge's police chief on Thursday. \"She knows every street in this "
            "town,\" Mayor Rui Lenz said. Moss, 47, said her first priority is filling six open patrol jobs.")
    passage = _passage(text, [*_tagged(text, "PERSON", "Ada Moss"), (text.index("47"), text.index("47") + 2, "DATE")])
    assert "47" in _answers("How old is Elm Ridge's new police chief?", passage)


@pytest.mark.parametrize(("question", "answers"), [
    ("How much was Brindle Gravel Co. fined on Friday?", ["$45,000"]),
    # a question of the earlier event may be answered by it
    ("How much was Brindle Gravel Co. fined the previous time?", ["$45,000", "$12,000"]),
    ("How much was Brindle Gravel Co. fined in 2019?", ["$45,000", "$12,000"]),
])  # fmt: skip
def test_a_sentence_of_a_similar_event_answers_only_a_question_of_it(question: str, answers: list[str]) -> None:
    """"In 2019, the company was fined $12,000 for similar problems": another fine than Friday's."""
    text = ("Regulators fined Brindle Gravel Co. $45,000 on Friday for dust violations. In 2019, the company was fined "
            "$12,000 for similar problems.")  # fmt: skip
    passage = _passage(text, _tagged(text, "MONEY", "$45,000", "$12,000"))
    assert sorted(_answers(question, passage)) == sorted(answers)


@pytest.mark.parametrize("text", [
    "About 30 Brindle students got sick on Friday, a similar number to an outbreak in 2019.",
    "Brindle paid $215,000 for a new plow truck, and Orlow is buying a similar truck next year.",
    "Brindle paid $215,000 for a new plow truck on Friday, after a similar purchase in 2019.",
])  # fmt: skip
def test_a_likeness_that_tells_the_event_asked_is_no_other_event(text: str) -> None:
    """"a similar number to an outbreak in 2019" likens the event asked to another; it is still the one asked."""
    value = "About 30" if "sick" in text else "$215,000"
    passage = _passage(text, _tagged(text, "CARDINAL" if "sick" in text else "MONEY", value))
    question = ("How many Brindle students got sick?" if "sick" in text
                else "How much did Brindle pay for its plow truck?")  # fmt: skip
    assert _answers(question, passage) == [value]


def test_a_sentence_set_in_a_neighboring_place_is_about_that_place() -> None:
    """"In neighboring Osgood County, 12 farmers sued Trueline Genetics": not the Wyler County bureau's suit."""
    text = ("The Wyler County Farm Bureau is weighing a lawsuit over seed that failed to sprout. In neighboring Osgood "
            "County, 12 farmers filed suit in May against Trueline Genetics.")  # fmt: skip
    passage = _passage(text, [*_tagged(text, "GPE", "Wyler County", "Osgood County"),
                              *_tagged(text, "ORG", "Trueline Genetics")])  # fmt: skip
    assert _answers("Which seed company is the Wyler County Farm Bureau suing?", passage) == []
    assert _answers("Which seed company did Osgood County farmers sue?", passage) == ["Trueline Genetics"]


def test_a_place_or_a_body_in_the_possessive_answers_no_who() -> None:
    """"Hadley's long-delayed reservoir": whose it is, not who builds it."""
    text = "Hadley's long-delayed reservoir project will be built by Quell Construction."
    passage = _passage(text, _tagged(text, "ORG", "Hadley's", "Quell Construction"))
    assert _answers("Which company will build the Hadley reservoir?", passage) == ["Quell Construction"]


@pytest.mark.parametrize(("question", "tally_answers"), [
    ("How many people voted on the Quell library levy?", False),
    ("By how many votes did the Quell library levy pass?", False),
    ("How many Quell library board members voted to close the branch?", True),
])  # fmt: skip
def test_a_side_of_a_bodys_tally_counts_only_its_members(question: str, tally_answers: bool) -> None:
    """"The library board voted 5-2": five members, not the people who voted on a levy, nor a margin."""
    text = "The Quell library board voted 5-2 Tuesday night to close the branch after the levy failed."
    five = text.index("5-2")
    passage = _passage(text, [(five, five + 1, "CARDINAL")])
    assert ("5" in _answers(question, passage)) is tally_answers


@pytest.mark.parametrize(("text", "span", "kept"), [
    ("TARNBY - Someone broke into Orlow Middle School over the weekend.", "TARNBY - Someone", False),
    ("TARNBY - Children swarmed the new playground at Elm Park, where children had waited a year.",
     "TARNBY - Children", False),
    ("TARNBY - Fenwick will move 120 jobs to Orlow, a Fenwick spokesman said.", "TARNBY - Fenwick", True),
    ("TARNBY - Police arrested a man in the break-in at the Tarnby library.", "TARNBY - Police", False),
    ("TARNBY - Quellmart will close its store, a Quellmart manager said.", "TARNBY - Quellmart", True),
    ("TARNBY - Quell Paper will close its mill on Friday.", "TARNBY - Quell Paper", True),
])  # fmt: skip
def test_what_is_left_of_a_name_joined_to_the_dateline_must_be_a_name(text: str, span: str, kept: bool) -> None:
    passage = _passage(text, _tagged(text, "ORG", span))
    answers = _answers("Who is behind it in Tarnby?", passage)
    assert bool(answers) is kept


def test_a_word_before_a_title_is_the_titles_not_a_name() -> None:
    """"Parks superintendent Gail Morrow": "Parks" names no one."""
    text = "Parks superintendent Gail Morrow said the Tarnby playground opens Friday."
    passage = _passage(text, [*_tagged(text, "ORG", "Parks"), *_tagged(text, "PERSON", "Gail Morrow")])
    assert _answers("Who said the Tarnby playground opens Friday?", passage) == ["Gail Morrow"]


@pytest.mark.parametrize(("question", "old_answers"), [
    ("Where will the Tarnby farmers market be held this season?", False),
    ("Where is the Tarnby farmers market moving?", False),
    ("Where has the Tarnby farmers market been held?", True),
])  # fmt: skip
def test_where_something_has_been_answers_no_question_of_where_it_will_be(question: str, old_answers: bool) -> None:
    """"After eleven years on Cobb Street, the market is packing up": Cobb Street is where it was."""
    text = ("After eleven years on Cobb Street, the Tarnby farmers market is packing up. It will set up behind Tarnby "
            "Town Hall starting May 3.")  # fmt: skip
    passage = _passage(text, _tagged(text, "FAC", "Cobb Street", "Tarnby Town Hall"))
    answers = _answers(question, passage)
    assert "Tarnby Town Hall" in answers
    assert ("Cobb Street" in answers) is old_answers


@pytest.mark.parametrize(("question", "text", "place"), [
    ("Where is the new Tarnby dog park?",
     "The new Tarnby dog park is on a lot on Mill Road that had sat empty for 10 years.", "Mill Road"),
    ("Where will the Tarnby Rotary hold its auction this year?",
     "The Tarnby Rotary will hold its auction at the Grange Hall, as it has since 2009.", "the Grange Hall"),
    ("Where will the Tarnby library operate during the renovation?",
     "The Tarnby library will operate out of the former Dollar Barn store on Route 9 for two years.", "Route 9"),
])  # fmt: skip
def test_a_place_that_was_empty_or_is_kept_is_no_place_it_has_been(question: str, text: str, place: str) -> None:
    """Only a place something is housed at "since 1998", or had "After 12 years in", is where it has been."""
    passage = _passage(text, _tagged(text, "FAC", place))
    assert _answers(question, passage) == [place]


@pytest.mark.parametrize(("question", "text"), [
    ("Where can Tarnby children get free lunches this summer?",
     "The Tarnby program offers free lunches at Lincoln Elementary, Kessler Park and the Tarnby Public Library."),
    ("Which company will repave Main Street in Tarnby?",
     "Tarnby opened bids to repave Main Street from Keldon Paving and Marsh Asphalt, and gave the job to Keldon Paving."),
])  # fmt: skip
def test_a_list_that_is_no_choice_to_come_still_answers(question: str, text: str) -> None:
    """"offers free lunches at A, B and C" lists no options; "gave the job to Keldon Paving" tells the choice."""
    names = ("Lincoln Elementary", "Kessler Park") if "lunches" in text else ("Keldon Paving", "Marsh Asphalt")
    passage = _passage(text, _tagged(text, "FAC" if "lunches" in text else "ORG", *names))
    assert _answers(question, passage)


def test_a_likeness_after_the_event_asked_is_no_other_event() -> None:
    """"will close Monday for the same reason it closed last summer": the closing asked is Monday's."""
    text = "The Tarnby town pool will close Monday for the same reason it closed last summer: too few lifeguards."
    passage = _passage(text, _tagged(text, "DATE", "Monday", "last summer"))
    assert "Monday" in _answers("When will the Tarnby town pool close?", passage)


@pytest.mark.parametrize(("question", "text", "value"), [
    ("How many voters are registered in Precinct 7?",
     "The 7th Precinct has 2,140 registered voters, about 300 more than Precinct 4.", "2,140"),
    ("How many homes are planned in Phase 2 of Birch Meadows?", "Phase II of Birch Meadows will add 64 homes.", "64"),
])  # fmt: skip
def test_a_numbered_name_written_otherwise_still_answers(question: str, text: str, value: str) -> None:
    passage = _passage(text, _tagged(text, "CARDINAL", value))
    assert _answers(question, passage)[:1] == [value]


@pytest.mark.parametrize(("question", "sentence", "value", "another"), [
    ("How old is Diane Kessler?", "Founder Tobias Renn, 81, sold the bakery to Diane Kessler, a regular.", "81", True),
    ("How old is Diane Kessler?", "Diane Kessler, 39, bought the bakery from founder Tobias Renn.", "39", False),
    ("How long had Lucia Ortmann lived at Pell Court?",
     "Her neighbor, Amos Quill, who has lived at Pell Court for 14 years, said others have left.", "14 years", True),
    ("How long had Lucia Ortmann lived at Pell Court?",
     "Lucia Ortmann, who had lived at Pell Court for 9 years, moved out.", "9 years", False),
    # the family asked, named in the plural; a question about another than the one named
    ("How long has the Brandvold family run its dairy?",
     "The Brandvolds, who have milked cows on the same ridge for 88 years, won an award.", "88 years", False),
    ("How old is Tarrow's new police chief?", "Halvard Oyen, 47, was sworn in as Tarrow's police chief.", "47", False),
    # a name the model did not tag in the question
    ("How long has Gwen Tallow been the Orlow County Fair manager?",
     "Receipts came to $48,900, said Glen Pettibone, who has served as the fair's auctioneer for 22 years.",
     "22 years", True),
    # (the model tags "Pell Harbor's" as a person, with its possessive)
    ("How old is Pell Harbor's tree warden?", "The grant is the largest yet, said tree warden Marion Tullidge, 58.",
     "58", False),
    # a clause of a place or a body, not of a person
    ("How long has Helen Marsh worked at Mercy Hospital?",
     "Helen Marsh is a nurse at Mercy Hospital of Dunmore, where she has worked for 15 years.", "15 years", False),
])  # fmt: skip
def test_an_age_or_a_length_of_time_of_another_named_person(question: str, sentence: str, value: str,
                                                             another: bool) -> None:
    """A value beside another name, or in a clause that describes another one, is that one's."""
    from index.nlp import entities_by_line
    from rag.candidates import Candidate, of_another_person
    from rag.models import Passage
    from rag.query import analyse

    passage = Passage(passage_id="p", article_id="p", title="t", source="s", text=sentence, start=0,
                      end=len(sentence), entities=entities_by_line([sentence])[0])  # fmt: skip
    at = sentence.index(value)
    candidate = Candidate(0, passage, 0, len(sentence), {}, [(at, at + len(value), "DATE")])
    assert of_another_person(analyse(question), candidate) is another


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
    from rag.candidates import clause_agrees, find_candidates
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
    question's time and polarity (rag.candidates.clause_agrees)."""
    from rag.candidates import clause_agrees
    from rag.query import analyse

    return clause_agrees(analyse(question), _value_candidate(text, value, label))


@pytest.mark.parametrize(
    ("question", "text", "elsewhere"),
    [
        ("How many people does Orrick Foods employ in Tansy Ferry?", "The company employs 40 people in Bellmoor.",
         True),
        ("How many people does Orrick Foods employ in Bellmoor?", "The company employs 40 people in Bellmoor.", False),
        # the place asked named in the sentence too, and another verb than the question's
        ("How many people does Orrick Foods employ in Tansy Ferry?",
         "The company employs 40 people in Bellmoor and 12 in Tansy Ferry.", False),
        ("How many people does Orrick Foods employ in Tansy Ferry?", "The company hired 40 people in Bellmoor.", False),
        # the place told may lie in the one asked: "Bellmoor, the county seat"
        ("How many people does Orrick Foods employ in Tansy County?",
         "The company employs 40 people in Bellmoor, the county seat.", False),
    ],
)  # fmt: skip
def test_a_value_of_the_questions_act_done_in_another_named_place_answers_nothing(question: str, text: str,
                                                                                  elsewhere: bool) -> None:  # fmt: skip
    from rag.candidates import done_in_another_place
    from rag.query import analyse

    assert done_in_another_place(analyse(question), _value_candidate(text, "40", "CARDINAL")) is elsewhere


@pytest.mark.parametrize(
    ("question", "text", "name", "only_said"),
    [
        # the speaker of a report does not do what the question asks
        ("Who built the new Tarrow ferry?", "Manager Ines Varga said the fare increase will pay for the new ferry.",
         "Ines Varga", True),
        ("Who's fixing the Tarrow bridge?", "Ines Varga said the detour will add ten minutes to her drive.",
         "Ines Varga", True),
        # unless what they said tells them doing it
        ("Who fixed the Tarrow bridge?", "Ines Varga said she fixed the bridge in two weeks.", "Ines Varga", False),
        ("Who fixed the Tarrow bridge?", "Ines Varga said we fixed the bridge in two weeks.", "Ines Varga", False),
        ("Who will fix the Tarrow bridge?", "Ines Varga said she plans to fix the bridge in May.", "Ines Varga", False),
        # an act no one is said to do is not theirs ("will help pay for rebuilding it": whoever rebuilds it)
        ("Who will rebuild the Tarrow pier?", "Ines Varga said the fee will help pay for rebuilding the pier.",
         "Ines Varga", True),
        # or the act is one news tells by what was said, or a post a title beside the name tells
        ("Who opposed the Tarrow ferry fare increase?", "Ines Varga said the fare increase was too steep.",
         "Ines Varga", False),
        ("Who runs the Tarrow marina?", "The marina is full, owner Ines Varga said.", "Ines Varga", False),
        ("Who designed the Tarrow lofts?", "Architect Ines Varga, who designed the lofts, said rents start at $900.",
         "Ines Varga", False),
        ("Which firm hauls Tarrow's trash?", "Ines Varga Boatworks, the Orlow firm that hauls Tarrow's trash, said it "
         "will raise its rates.", "Ines Varga Boatworks", False),
        ("Which firm hauls Tarrow's trash?", "Ines Varga Boatworks said the Orlow firm that hauls Tarrow's trash will "
         "raise its rates.", "Ines Varga Boatworks", True),
        ("Which firm hauls Tarrow's trash?", "Ines Varga Boatworks, the Pellham company that hauls Tarrow's trash, "
         "said it will raise its rates.", "Pellham", True),  # a name in the apposition is not the speaker
        ("Who started Tarrow Restoration?", "Tarrow Restoration founder Ines Varga said the firm has 12 workers.",
         "Ines Varga", False),
        # a title beside the speaker that the question asks of tells who holds the post; another word does not
        ("Who replaced Ola Dunn as the Tarrow airport manager?",
         "Airport manager Ines Varga said the fuel pump opens in May.", "Ines Varga", False),
        ("Who sold the land to the Tarrow school board?", "Board Chair Ines Varga said the site was the only one.",
         "Ines Varga", True),
        # and the doer named by the sentence is no speaker
        ("Who built the new Tarrow ferry?", "The ferry was built by Ines Varga Boatworks, the board said.",
         "Ines Varga Boatworks", False),
    ],
)  # fmt: skip
def test_the_speaker_of_a_report_is_not_the_doer_of_what_it_does_not_tell_them_doing(
    question: str, text: str, name: str, only_said: bool
) -> None:
    from rag.candidates import only_said_it
    from rag.query import analyse

    label = "ORG" if name.endswith("Boatworks") else "PERSON"
    assert only_said_it(analyse(question), _value_candidate(text, name, label)) is only_said


def test_a_name_of_the_thing_a_who_question_is_done_to_is_not_its_doer() -> None:
    """"Who fixed up the old bank?" is not answered by "the former Orlow Savings Bank building"."""
    from rag.candidates import names_what_it_is_done_to
    from rag.query import analyse

    text = "The clinic opened Monday in the former Orlow Savings Bank building, which Kell Builders renovated."
    question = analyse("Who fixed up the old bank?")
    assert names_what_it_is_done_to(question, _value_candidate(text, "Orlow Savings Bank", "ORG"))
    assert not names_what_it_is_done_to(question, _value_candidate(text, "Kell Builders", "ORG"))
    # the noun asked for is no thing done to: "Which bank lent the money?" is answered by a bank
    # a thing of the kind may do it: "Harlow Community Bank bought the bank in 2015"
    bought = "Kell Community Bank bought the old bank in 2015."
    assert not names_what_it_is_done_to(analyse("Who bought the old bank?"), _value_candidate(bought,
                                        "Kell Community Bank", "ORG"))  # fmt: skip
    lent = "Orlow Savings Bank lent the town $2 million."
    assert not names_what_it_is_done_to(analyse("Which bank lent the money?"), _value_candidate(lent,
                                        "Orlow Savings Bank", "ORG"))  # fmt: skip


@pytest.mark.parametrize(
    ("question", "text", "value", "approximate"),
    [
        ("Exactly how many people went to the Orlow fair?", "About 4,000 people went to the Orlow fair.",
         "About 4,000", True),
        ("What was the exact cost of the Orlow bridge?", "The Orlow bridge cost more than $2 million.",
         "more than $2 million", True),
        # an exact figure answers; a question for any figure takes a round one
        ("Exactly how many people went to the Orlow fair?", "Exactly 4,012 people went to the Orlow fair.", "4,012",
         False),
        ("How many people went to the Orlow fair?", "About 4,000 people went to the Orlow fair.", "About 4,000",
         False),
    ],
)  # fmt: skip
def test_a_question_for_an_exact_figure_is_not_answered_by_a_round_one(question: str, text: str, value: str,
                                                                      approximate: bool) -> None:  # fmt: skip
    from rag.candidates import approximate_for_exact
    from rag.query import analyse

    label = "MONEY" if "$" in value else "CARDINAL"
    assert approximate_for_exact(analyse(question), _value_candidate(text, value, label)) is approximate


def test_a_name_the_question_gives_is_no_answer_in_its_possessive() -> None:
    """"Where did Ada Quist-Marr work before Tarnby?": "Quist-Marr's salary" names her, not a place."""
    text = ("Under the new contract, Quist-Marr's salary will rise to $181,000. She was deputy chief in Orlow "
            "Township before she came to Tarnby.")
    passage = _passage(text, _tagged(text, "GPE", "Quist-Marr's", "Orlow Township"))
    answers = _answers("Where did Ada Quist-Marr work before Tarnby?", passage)
    assert "Quist-Marr's" not in answers and "Orlow Township" in answers


def test_a_source_or_a_persons_employer_is_no_answer_to_where() -> None:
    """"according to the Tarnby Rotary Club" tells who says so, "Meteorologist Ida Fenn of the Orlow Weather
    Center" whom she works for: neither is where the fair is held; "the gymnasium of Grace Chapel" is where."""
    text = ("About 8,000 people came Saturday, according to the Tarnby Rotary Club. Meteorologist Ida Fenn of the "
            "Orlow Weather Center said rain is likely. The fair's craft show is in the gymnasium of Grace Chapel.")
    entities = _tagged(text, "ORG", "the Tarnby Rotary Club", "the Orlow Weather Center", "Grace Chapel")
    passage = _passage(text, [*entities, *_tagged(text, "PERSON", "Ida Fenn")])
    answers = _answers("Where is the Tarnby fair held?", passage)
    assert "the Tarnby Rotary Club" not in answers and "the Orlow Weather Center" not in answers
    assert "Grace Chapel" in answers


@pytest.mark.parametrize(("text", "others"), [
    # the article calls the driver a driver, and the sentence tells of her children
    ("The pickup's driver, a 41-year-old Orlow woman, was flown to Tarnby General Hospital. Her two sons were taken "
     "by ambulance to a hospital in Quell.", True),
    # the article never says "kids": its "students" may be those asked of
    ("During the work, the school's 280 students will attend classes in Quell.", False),
])  # fmt: skip
def test_a_place_told_of_other_people_than_those_asked_of(text: str, others: bool) -> None:
    from rag.candidates import done_to_other_people

    question = ("Where was the pickup driver taken?" if others else
                "Where will the Tarnby school kids go while it is closed?")  # fmt: skip
    assert _flags(done_to_other_people, question, text, "Quell", "GPE") is others


@pytest.mark.parametrize(("text", "value", "counted"), [
    # the parser hangs the number on the first word of a compound in the plural: what the compound names is counted
    ("The Orlow district logged 540 ambulance calls last year.", "540", "call"),
    ("The town has 12 police officers.", "12", "officer"),
    # not a measure before a noun in the singular, nor the parser's compound of a noun in the singular
    ("Judge Ada Quist wrote a 22-page decision.", "22", "page"),
    ("The new rates apply to the 310 metered spaces downtown.", "310", "space"),
])  # fmt: skip
def test_a_number_before_a_compound_counts_its_last_noun(text: str, value: str, counted: str) -> None:
    from rag.candidates import counted_noun

    assert counted_noun(_value_candidate(text, value, "CARDINAL")) == counted


@pytest.mark.parametrize(("text", "does"), [
    ("The Orlow board hired Tarn Paving to fix the potholes on Quay Street.", True),
    # asked to, not engaged to: the firm may not do it
    ("Residents asked Tarn Paving to fix the potholes on Quay Street, but the firm has not agreed.", False),
])  # fmt: skip
def test_the_one_engaged_to_do_the_act_does_it(text: str, does: bool) -> None:
    from rag.candidates import answer_clause
    from rag.query import analyse

    candidate = _value_candidate(text, "Tarn Paving", "ORG")
    clause = answer_clause(analyse("Who is fixing the potholes on Quay Street?"), candidate)
    assert bool(clause["answer_on_same_act"]) is does


@pytest.mark.parametrize(("text", "acts"), [
    ("After-school clubs were called off by Quell Middle School for the week.", True),
    ("Quell Middle School will hold a counseling session on Thursday.", True),
    ("Quell Middle School needs $2 million in repairs.", False),
])  # fmt: skip
def test_a_name_that_acts_in_its_sentence(text: str, acts: bool) -> None:
    from rag.candidates import _does_something

    start = text.index("Quell Middle School")
    assert _does_something(text, start, start + 19, 0, len(text), acts=True) is acts


def test_a_hospital_that_tells_of_a_patient_may_be_where_the_patient_is() -> None:
    text = "Ida Fenn was hospitalized briefly in May and is recovering, according to Orlow General Hospital."
    passage = _passage(text, _tagged(text, "ORG", "Orlow General Hospital") + _tagged(text, "PERSON", "Ida Fenn"))
    assert "Orlow General Hospital" in _answers("Where was Ida Fenn hospitalized?", passage)


def test_people_of_another_name_far_from_the_questions_noun_may_be_those_asked_of() -> None:
    """"kids" only in a quote three sentences before: the "students" taken to the fire hall may be the kids."""
    from rag.candidates import Candidate, done_to_other_people
    from rag.query import analyse

    text = ("\"The kids were calm,\" the principal said. Buses were late. A tow truck came. The students were taken "
            "to the Quell fire hall.")  # fmt: skip
    start = text.index("The students")
    value = text.index("Quell fire hall")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + 15, "FAC")])
    assert not done_to_other_people(analyse("Where were the kids taken?"), candidate)


@pytest.mark.parametrize(("question", "other"), [
    ("How many overnight calls did the Orlow district answer?", True),
    ("How many calls did the Orlow district answer?", False),
    ("How many ambulance calls did the Orlow district answer?", False),
    # a name before the noun tells whose, not what kind
    ("How many Orlow calls did the district answer?", False),
])  # fmt: skip
def test_a_compound_of_another_kind_than_the_question_gives_counts_something_else(question: str, other: bool) -> None:
    from rag.candidates import counts_something_else
    from rag.query import analyse

    candidate = _value_candidate("The Orlow district answered 610 ambulance calls last year.", "610", "CARDINAL")
    assert counts_something_else(analyse(question), candidate) is other


def test_the_place_of_a_title_before_a_name_is_no_one() -> None:
    """"Former Orlow Town Clerk Ida Fenn-Marr": the model may take "Orlow Town" for a person; it is the place of her
    title, not who did anything."""
    text = "Former Orlow Town Clerk Ida Fenn-Marr was sentenced Monday. Auditor Tam Quell found the missing money."
    passage = _passage(text, _tagged(text, "PERSON", "Orlow Town", "Tam Quell"))
    answers = _answers("Who found the money missing from the Orlow clerk's office?", passage)
    assert "Orlow Town" not in answers and "Tam Quell" in answers


def test_one_ranked_below_the_top_is_not_the_superlative_asked() -> None:
    """"Who put in the lowest bid for the Orlow bridge?": "Tarn Paving's bid was the second-lowest" is not it."""
    text = "Tarn Paving's bid for the Orlow bridge was the second-lowest. The lowest came from Quell Civil Works."
    passage = _passage(text, _tagged(text, "ORG", "Tarn Paving", "Quell Civil Works"))
    answers = _answers("Who put in the lowest bid for the Orlow bridge?", passage)
    assert "Tarn Paving" not in answers and "Quell Civil Works" in answers


@pytest.mark.parametrize(("text", "given"), [
    ("The Orlow board voted 3-0 to award a $1.2 million repair contract to Pellan Bridge Company", True),
    ("The board awarded Pellan Bridge Company the contract.", True),
    ("Pellan Bridge Company won the bid.", True),
    ("The general contractor is Pellan Bridge Company", True),
    ("Pellan Bridge Company was the general contractor.", True),
    ("The hall will be built by Pellan Bridge Company, selected as general contractor in March.", True),
    ("Pellan Bridge Company did the work.", True),
    ("The $2.1 million paving contract went to Pellan Bridge Company, the lowest of three bidders.", True),
    ("The contract with Pellan Bridge Company covers 40 radios and their software.", True),
    ("The lowest of four bids came from Pellan Bridge Company, at $3.1 million.", True),
    ("The winning bid came from Pellan Bridge Company.", True),
    ("The lowest offer, from Pellan Bridge Company of Tarnby, was $2.2 million.", True),
    ("The contractor, Pellan Bridge Company of Tarnby, faces a fine of $500 a day.", True),
    # no job given to it
    ("Four bids came from firms like Pellan Bridge Company.", False),  # any bid, not the one that won
    ("The highest of four bids came from Pellan Bridge Company.", False),
    ("A letter from Pellan Bridge Company asked for more time.", False),
    ("Orby police said Pellan Bridge Contractors owes $4,000 in back taxes.", False),  # its own name's last word
    ("The town's first grant went to Pellan Bridge Company.", False),
    ("The mayor met with Pellan Bridge Company about the contract.", False),
    ("The mayor gave Pellan Bridge Company an award.", False),
    ("Pellan Bridge Company lost the bid.", False),
    ("Pellan Bridge Company said the contract was fair.", False),
])  # fmt: skip
def test_the_firm_given_a_job_is_told_by_the_award_or_by_its_post(text: str, given: bool) -> None:
    from rag.candidates import given_the_work

    name = "Pellan Bridge Contractors" if "Contractors" in text else "Pellan Bridge Company"
    assert given_the_work(_value_candidate(text, name, "ORG")) is given


@pytest.mark.parametrize(("question", "other"), [
    ("What was Hollis Pemberton's salary?", True),  # the sum is given to another named person
    ("What salary will Ines Castellaro get?", False),
    ("What was the director's salary?", False),  # no one named: not judged
])  # fmt: skip
def test_a_sum_given_to_another_named_person_is_not_the_salary_asked(question: str, other: bool) -> None:
    from index.nlp import entities_by_line
    from rag.candidates import Candidate, paid_to_another_person
    from rag.models import Passage
    from rag.query import analyse

    text = "The board voted 5-0 to offer Ines Castellaro, 46, a three-year contract with a starting salary of $148,500."
    passage = Passage(passage_id="p", article_id="p", title="t", source="s", text=text, start=0, end=len(text),
                      entities=entities_by_line([text])[0])  # fmt: skip
    at = text.index("$148,500")
    candidate = Candidate(0, passage, 0, len(text), {}, [(at, at + len("$148,500"), "MONEY")])
    assert paid_to_another_person(analyse(question), candidate) is other


def test_a_persons_name_tagged_as_an_organisation_is_a_person_when_the_passage_tags_the_surname_so() -> None:
    """The model may tag "Edda Quarrel" as an organisation in one sentence and "Quarrel" as a person in another:
    "Who will lead the Tarnby library after Quarrel retires?" is not answered by Edda Quarrel, nor "Where ...?"."""
    text = ("Edda Quarrel, Tarnby's library director for 14 years, will retire in May. Trustees thanked Quarrel "
            "for her work. Deputy director Milo Ferrant will lead the library until a successor is hired.")
    entities = [*_tagged(text, "ORG", "Edda Quarrel"), (text.index("Quarrel for"), text.index("Quarrel for") + 7,
                                                         "PERSON"), *_tagged(text, "PERSON", "Milo Ferrant")]
    assert "Edda Quarrel" not in _answers("Who will lead the Tarnby library after Quarrel retires?",
                                          _passage(text, entities))
    # nor is she a place
    party = ("Edda Quarrel, the Tarnby library's director, will hold a farewell party in May. Trustees thanked "
             "Quarrel for her work. The party will be at the Orlow Grange Hall.")
    tags = [*_tagged(party, "ORG", "Edda Quarrel"), *_tagged(party, "FAC", "the Orlow Grange Hall"),
            (party.index("Quarrel for"), party.index("Quarrel for") + 7, "PERSON")]
    assert _answers("Where is the farewell party for the Tarnby library director?", _passage(party, tags)) == [
        "the Orlow Grange Hall"]
    # a firm named for its founder is no person, and stays an answer
    firm = "Quarrel Builders will build the Tarnby library annex, the board said. Ann Quarrel founded it."
    tagged = [*_tagged(firm, "ORG", "Quarrel Builders"), *_tagged(firm, "PERSON", "Ann Quarrel")]
    assert "Quarrel Builders" in _answers("Which company will build the annex Quarrel's firm bid on?",
                                          _passage(firm, tagged))


def test_a_name_the_model_tagged_with_a_preposition_after_it_is_that_name() -> None:
    """"Brightline Builders of" (of Carver City) is Brightline Builders; "Jefferson High School to Hartline Roofing
    of" stays no name."""
    text = "The construction contract went to Harl Dace Builders of Carver City, the lowest of four bidders."
    passage = _passage(text, _tagged(text, "ORG", "Harl Dace Builders of"))
    assert "Harl Dace Builders" in _answers("Which company got the construction contract?", passage)
    joined = "The board moved the contract from Orlow High School to Hartline Roofing of Tarnby on Monday."
    tagged = _passage(joined, _tagged(joined, "ORG", "Orlow High School to Hartline Roofing of"))
    assert not any(a and "to Hartline" in a for a in _answers("Which company got the contract?", tagged))


@pytest.mark.parametrize(("question", "text", "value", "another"), [
    ("How much had Ada Renn raised by October?", "Tom Quell has raised $61,750, including a loan.", "$61,750", True),
    ("How much had Ada Renn raised by October?", "Ada Renn has raised $84,300 in her campaign.", "$84,300", False),
    # a subject that is no name, and another act, are not judged
    ("How much had Ada Renn raised by October?", "The campaign has raised $9,000 so far.", "$9,000", False),
    ("How much had Ada Renn raised by October?", "Tom Quell spent $12,000 on mailers.", "$12,000", False),
    # the question's name is the subject of a clause on its verb, not of the verb
    ("How many co-op customers lost power when the Tarnby transformer failed?",
     "ORBY - Quell Valley lost power to 8,400 customers when a transformer failed.", "8,400", False),
    # the day another body decided to do the act asked of (past a dateline the parser also made a subject)
    ("When did the Orby Planning Board sign off on the wharf plan?",
     "ORBY - The City Council voted 5-2 on Tuesday to approve the wharf plan.", "Tuesday", True),
    ("When did the Orby City Council sign off on the wharf plan?",
     "ORBY - The City Council voted 5-2 on Tuesday to approve the wharf plan.", "Tuesday", False),
    # the date of the act itself, which may be done to the one asked of, or by it under another name
    ("When does the Orby clinic close?", "The Tarn County Health Department will close its Orby clinic on Tuesday.",
     "Tuesday", False),
    ("When does Orby's new mayor get sworn in?", "Ada Lim will be sworn in on Tuesday for a four-year term.",
     "Tuesday", False),
    ("When did Dorrance Brisk buy the Orby farm?", "Wilhelmina Tosh bought the Orby farm at auction on Tuesday.",
     "Tuesday", True),
    ("When does the Ossory Flats clinic close?",
     "The Tarn County Health Department will close its Ossory Flats clinic on Tuesday.", "Tuesday", False),
])  # fmt: skip
def test_a_sum_or_count_of_another_names_deed_of_the_same_act_is_not_the_one_asked(
    question: str, text: str, value: str, another: bool
) -> None:
    from rag.candidates import done_by_another_named

    label = "MONEY" if value.startswith("$") else "DATE" if value == "Tuesday" else "CARDINAL"
    assert _flags(done_by_another_named, question, text, value, label) is another


def test_a_margin_of_votes_is_not_the_votes_a_measure_got() -> None:
    """"How many votes did the Orby levy get?": "failed by 212 votes" gives the margin, not the votes it got."""
    failed = "The Orby library levy failed by 212 votes in November."
    passage = _passage(failed, _tagged(failed, "CARDINAL", "212"))
    assert "212" not in _answers("How many votes did the Orby library levy get?", passage)
    assert "212" not in _answers("How many people voted for the Orby library levy?", passage)
    passed = "The Orby library levy passed 6,204 to 4,493 in November."
    assert "6,204" in _answers("How many votes did the Orby library levy get?",
                               _passage(passed, _tagged(passed, "CARDINAL", "6,204", "4,493")))


def test_a_rate_and_its_base_answer_no_question_of_a_sum() -> None:
    """"What will the Orby levy cost?": "$1.45 per $1,000 of assessed value" is a rate and "$1,000" what it is given
    per; asked the rate, the rate answers."""
    text = "The Orby levy will collect $1.45 per $1,000 of assessed value, raising about $9.8 million a year."
    passage = _passage(text, _tagged(text, "MONEY", "$1.45", "$1,000", "about $9.8 million"))
    assert _answers("How much will the Orby levy cost homeowners?", passage) == ["about $9.8 million"]
    assert "$1.45" in _answers("What is the Orby levy's rate per $1,000 of value?", passage)


def test_a_common_noun_opening_a_sentence_is_no_name() -> None:
    """"Turnout in Orby was 48 percent": the model may tag a capitalised first word as a person; the tagger knows it
    for a common noun. A name opening a sentence stays one."""
    text = "Turnout in Orby was 48 percent. Renn led the drive to get voters out."
    passage = _passage(text, _tagged(text, "PERSON", "Turnout", "Renn"))
    answers = _answers("Who got voters out in Orby?", passage)
    assert "Turnout" not in answers and "Renn" in answers


def test_a_body_of_people_or_anothers_own_thing_is_no_place_asked() -> None:
    """"Where did Orby police arrest the teen?": "the Orby Board of Aldermen" meets somewhere but is no place;
    "Where is the Tarn County dispatch center?": "Ridley's center" is Ridley's own, not the county's."""
    text = "The Orby Board of Aldermen heard the review. Police arrested the teen at Orby Stadium."
    passage = _passage(text, [*_tagged(text, "ORG", "The Orby Board of Aldermen"), *_tagged(text, "FAC",
                                                                                            "Orby Stadium")])
    answers = _answers("Where did Orby police arrest the teen the review was about?", passage)
    assert "The Orby Board of Aldermen" not in answers and "Orby Stadium" in answers
    centers = "Ridley's dispatch center has 10 dispatchers. The Tarn County dispatch center is in Stanwick."
    tagged = _passage(centers, _tagged(centers, "GPE", "Ridley", "Stanwick"))
    answers = _answers("Where is the Tarn County dispatch center?", tagged)
    assert "Ridley" not in answers and "Stanwick" in answers


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


@pytest.mark.parametrize(("question", "text", "value", "names_one"), [
    ("How many bus routes does Orby run?", "Orby will end service on Routes 2 and 15 in June.", "15", True),
    ("How many trains stop at Orby station?", "Orby Transit moved Routes 2 and 15 to the station.", "15", True),
    ("How many voters live in Orby?", "About 2,300 voters are registered in Precinct 7, officials said.", "7", True),
    # a count, and a score beside a team's name
    ("How many buses does Orby run?", "Orby Transit runs 24 buses on nine routes.", "24", False),
    ("How many points did Harrowgate score?", "Final: Orby 58, Harrowgate 51.", "51", False),
    # a number right after a lowercase singular noun, after a preposition or an article, names one too
    ("How many lanes will the new Orby track have?", "Cracks run across lane 3 of the Orby track.", "3", True),
    # not after a word that says how many, nor before the noun it counts
    ("How many complaints has Orby received?", "Complaints to the town number 212, the clerk said.", "212", False),
    ("How many people live in Orby?", "The town of Orby, population 8,200, voted on Tuesday.", "8,200", False),
    ("How many people live in Orby?", "Orby, with a population 8,200, voted on Tuesday.", "8,200", False),
    ("How many kindergartners enrolled in Orby?", "Enrollment by grade: kindergarten 188, first grade 175.", "188",
     False),
    ("How many lanes will the new Orby track have?", "The new Orby track will have 8 lanes.", "8", False),
])  # fmt: skip
def test_a_number_that_names_one_of_a_kind_is_no_count(question: str, text: str, value: str, names_one: bool) -> None:
    from rag.candidates import names_one_by_its_number
    from rag.query import analyse

    assert names_one_by_its_number(analyse(question), _value_candidate(text, value, "CARDINAL")) is names_one


_ONE_EACH = "Judge Quell set bail at $50,000 cash for Orrin and $75,000 cash for Renn."


# (check, question, sentence, value, its label, what the check says): this session's checks of a value on invented
# sentences, each with the case it is for and one it must leave alone
_VALUE_CHECKS = [
    # asked in the passive, the question's name is what the act was done to, not its doer; asked in the active,
    # another name's deed still is not the one asked
    ("done_by_another_named", "What was Ada Renn's bail set at?", "Judge Tom Quell set bail at $75,000 for Renn.",
     "$75,000", "MONEY", False),
    ("done_by_another_named", "How much was Ada Renn paid last year?", "The Orby board paid Renn $61,750 last year.",
     "$61,750", "MONEY", False),
    ("done_by_another_named", "How much had Ada Renn raised by October?",
     "Tom Quell has raised $61,750, including a loan.", "$61,750", "MONEY", True),
    # a verb's object put at the sum is what the sum sizes ("set bail at $75,000 cash"), not what it does not ask
    ("sizes_something_else", "What was Ada Renn's bail set at?", "Judge Quell set bail at $75,000 cash for Renn.",
     "$75,000", "MONEY", False),
    ("sizes_something_else", "How much is Ada Renn's bail?", "Judge Quell set the trial at the $4 million courthouse.",
     "$4 million", "MONEY", True),
    # one value each to several names: the one given another name is not the one asked; a sum given to a firm, in a
    # sentence giving nothing to the one asked about, is not judged
    ("given_for_another_named", "What was Ada Renn's bail set at?", _ONE_EACH, "$50,000", "MONEY", True),
    ("given_for_another_named", "What was Ada Renn's bail set at?", _ONE_EACH, "$75,000", "MONEY", False),
    ("given_for_another_named", "What is Ada Renn's new salary?",
     "The board set salaries at $90,000 for Orrin and $85,000 for Renn.", "$90,000", "MONEY", True),
    ("given_for_another_named", "How much is Orby spending on its new turf?",
     "The Orby board voted to award a $1.8 million contract to Greenline Surfaces.", "$1.8 million", "MONEY", False),
    # a game told by another verb of playing, a business's start by its founding; an opening is no founding
    ("dates_an_event_not_told", "What date did Orby play Tarnby for the title?",
     "Orby faced Tarnby on Nov. 25 at Quell Stadium.", "Nov. 25", "DATE", False),
    ("dates_an_event_not_told", "What year did Renn Hardware get started?",
     "Renn Hardware, founded by Walter Renn in 1961, was sold.", "1961", "DATE", False),
    ("dates_an_event_not_told", "What year did Renn Hardware get started?",
     "Renn Hardware opened a second store in 2004.", "2004", "DATE", True),
    ("dates_an_event_not_told", "What date did Orby play Tarnby for the title?",
     "The Orby school board met on Nov. 18 to hire a coach.", "Nov. 18", "DATE", True),
    ("dates_an_event_not_told", "When did Orby last play Tarnby?", "Orby last met Tarnby in 2019, losing 21-7.",
     "2019", "DATE", False),
    # "pay" as the question's verb names no sum the sentence must name; a penalty is a fine; the noun "pay" is
    # still a sum of its own
    ("sums_something_else", "How much did Tarn Gap pay for its new fire truck?", "The new fire truck cost $312,000.",
     "$312,000", "MONEY", False),
    ("sums_something_else", "What's the fine per day if the Orby contractor finishes late?",
     "The contract includes a penalty of $2,000 for each day the work runs late.", "$2,000", "MONEY", False),
    ("sums_something_else", "What will the Orby pay be for the new inspectors?", "The new brush truck cost $312,000.",
     "$312,000", "MONEY", True),
    ("sums_something_else", "What will Orrin's pay be next year?", "The new brush truck cost $312,000.", "$312,000",
     "MONEY", True),
    # a day that recurs does not date what happens once; a day of its own does; a question of days asks for them
    ("dates_a_habit_not_an_event", "When will Orby end its watering limits?",
     "Homes may water on Thursdays under the Orby limits.", "Thursdays", "DATE", True),
    ("dates_a_habit_not_an_event", "When does the Orby flower subscription start?",
     "Bouquets will be delivered every Friday for $35 a week.", "Friday", "DATE", True),
    ("dates_a_habit_not_an_event", "When will Orby end its watering limits?",
     "The Orby limits will end on Thursday, Sept. 12.", "Thursday, Sept. 12", "DATE", False),
    ("dates_a_habit_not_an_event", "What days does Orby's watering schedule start on?",
     "Homes may water on Thursdays under the Orby limits.", "Thursdays", "DATE", False),
    ("dates_a_habit_not_an_event", "What day does the Orby farmers market start its season?",
     "The market is open every Saturday in summer.", "Saturday", "DATE", False),
    ("dates_a_habit_not_an_event", "When will Orby end its 90-day watering limits?",
     "Homes may water on Thursdays under the Orby limits.", "Thursdays", "DATE", True),
]  # fmt: skip


@pytest.mark.parametrize("case", _VALUE_CHECKS, ids=[f"{c[0]}:{c[1]}:{c[3]}" for c in _VALUE_CHECKS])
def test_a_values_check_on_invented_sentences(case: tuple[str, str, str, str, str, bool]) -> None:
    """Each of rag.candidates' value checks on the case it is written for and on one it must leave alone."""
    import rag.candidates

    check, question, text, value, label, says = case
    assert _flags(getattr(rag.candidates, check), question, text, value, label) is says


def test_the_age_someone_was_at_a_time_past_is_no_answer_to_how_old_they_are() -> None:
    """"How old is Dale Orrin?": "since I was 8 years old" is how old he was then; "How old was he when ...?" asks
    for just that."""
    text = "\"She has come to every game since I was 8 years old,\" Dale Orrin said. Orrin, 17, plays guard."
    passage = _passage(text, [*_tagged(text, "DATE", "8 years old"), *_tagged(text, "PERSON", "Dale Orrin"),
                              (text.index("17"), text.index("17") + 2, "DATE")])  # fmt: skip
    answers = _answers("How old is Dale Orrin?", passage)
    assert "8 years old" not in answers and "17" in answers
    assert "8 years old" not in _answers("How old's Dale Orrin?", passage)
    assert "8 years old" in _answers("How old was Dale Orrin when his mother started coming to games?", passage)


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


def test_a_sum_of_those_a_possessive_pronoun_points_back_to_is_what_they_are_paid() -> None:
    """"Their pay, about $38,000, will come from reserves": the pay of the inspectors the sentence before names."""
    from rag.candidates import Candidate, pays_for_something_else
    from rag.query import analyse

    text = ("Orby hired two seasonal water inspectors. Their pay, about $38,000 combined, will come from reserves. "
            "The fund also paid $9,000 for signs.")  # fmt: skip
    passage = _passage(text)
    question = analyse("How much will Orby's two seasonal water inspectors be paid?")

    def candidate(sentence: str, value: str) -> Candidate:
        start = text.index(sentence)
        return Candidate(0, passage, start, start + len(sentence), {},
                         [(text.index(value), text.index(value) + len(value), "MONEY")])  # fmt: skip

    told = candidate("Their pay, about $38,000 combined, will come from reserves.", "about $38,000")
    assert not pays_for_something_else(question, told)
    assert pays_for_something_else(question, candidate("The fund also paid $9,000 for signs.", "$9,000"))
    # "its cost" may be the cost of anything the sentence before names
    plan = "Crossing guards were left out of the Orby safety plan. Its cost, about $410,000, came from reserves."
    start = plan.index("Its cost")
    cost = Candidate(0, _passage(plan), start, len(plan), {},
                     [(plan.index("about $410,000"), plan.index("about $410,000") + 14, "MONEY")])  # fmt: skip
    assert pays_for_something_else(analyse("How much will the Orby crossing guards cost?"), cost)






@pytest.mark.parametrize(("question", "value", "published", "before"), [
    ("When will Orby auction off its old brush truck?", "1998", "2025-04-02", True),
    # a year still to come, a question of what was done, and an article of no known date
    ("When will Orby auction off its old brush truck?", "2026", "2025-04-02", False),
    ("When did Orby buy its old brush truck?", "1998", "2025-04-02", False),
    ("When will Orby auction off its old brush truck?", "1998", None, False),
    # a decade gone by
    ("When will Orby auction off its old brush truck?", "late 1970s", "2025-04-02", True),
])  # fmt: skip
def test_a_year_before_its_article_dates_nothing_to_come(question: str, value: str, published: str | None,
                                                         before: bool) -> None:  # fmt: skip
    from rag.candidates import Candidate, dated_before_its_article
    from rag.query import analyse

    text = f"The old brush truck, a {value} model, will be sold at auction."
    passage = _passage(text).model_copy(update={"published": published})
    start = text.index(value)
    candidate = Candidate(0, passage, 0, len(text), {}, [(start, start + len(value), "DATE")])
    assert dated_before_its_article(analyse(question), candidate) is before


@pytest.mark.parametrize(("question", "text", "anothers"), [
    ("How much does Orby pay for the county 911 center?", "Tarnby's share this year is $1.04 million.", True),
    ("How much does Orby pay for the county 911 center?", "Orby's share this year is $1.04 million.", False),
    ("How big is Orby's library budget?", "Tarnby's budget of $1.04 million passed.", True),
    ("How big is Orby's library budget?", "Tarnby's $1.04 million budget passed.", True),
    ("How big is Orby's library budget?", "The library's budget of $1.04 million passed.", False),  # no one named
    ("How big is the library budget?", "Tarnby's budget of $1.04 million passed.", False),  # the question names none
])  # fmt: skip
def test_a_sum_of_another_named_one_is_not_the_one_asked(question: str, text: str, anothers: bool) -> None:
    from rag.candidates import a_sum_of_anothers

    assert _flags(a_sum_of_anothers, question, text, "$1.04 million", "MONEY") is anothers


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


def test_a_name_after_a_title_is_a_person_the_model_left_untagged() -> None:
    """"The board chose deputy director Emeka Trevannion to succeed her": the model tagged nothing; a name of two
    capitalised words after a title is a person's, not one of an organisation's words."""
    lead = "Ada Lim, the Orby shelter's director, retired."
    text = f"{lead} The Orby board chose deputy director Emeka Trevannion to succeed her."
    passage = _passage(text, _tagged(text, "PERSON", "Ada Lim"))
    assert _answers("Who is taking over from Ada Lim at the Orby shelter?", passage) == ["Emeka Trevannion"]
    text = f"{lead} The Orby board chose deputy director Tarn Public Library to host it."
    passage = _passage(text, _tagged(text, "PERSON", "Ada Lim"))
    assert _answers("Who is taking over from Ada Lim at the Orby shelter?", passage) == []


def test_an_untagged_speaker_answers_who_said_it_not_who_did_it() -> None:
    """"..., Fire Chief Vidar Tregear said": he told of the fire, he neither called it in nor owned the shop."""
    text = "A passer-by called 911 after seeing flames at the Orby taffy shop, Fire Chief Vidar Tregear said."
    assert _answers("Who called in the Orby shop fire?", _passage(text)) == []
    assert _answers("Who said the Orby fire started at the taffy shop?", _passage(text)) == ["Vidar Tregear"]


@pytest.mark.parametrize(("words_before", "holds"), [
    ("Orby Fire Chief", True),
    ("Orby's Fire Chief", True),
    ("On Monday, Fire Chief", True),
    ("On Monday Fire Chief", True),
    ("Tarnby Fire Chief", False),  # another town's chief
    ("Former Fire Chief", False),
    ("Deputy Fire Chief", False),
    ("The town's Deputy Fire Chief", False),
    ("Fire Marshal", False),  # another title
])  # fmt: skip
def test_an_untagged_name_answers_who_holds_a_role_only_after_that_title_held_there(words_before: str,
                                                                                   holds: bool) -> None:
    text = f"{words_before} Emeka Trevannion said the blaze began in the Orby substation's transformer."
    assert (_answers("Who is the fire chief in Orby?", _passage(text)) == ["Emeka Trevannion"]) is holds


@pytest.mark.parametrize(("question", "answered"), [
    ("What was the second-lowest bid for the Orby pool?", False),  # the sentence gives the lowest only
    ("What was the second-cheapest bid for the Orby pool?", False),
    ("What was the next-lowest bid for the Orby pool?", False),
    ("What was the lowest bid for the Orby pool?", True),
])  # fmt: skip
def test_a_rank_below_the_top_is_not_answered_by_the_top(question: str, answered: bool) -> None:
    """"What was the second-lowest bid?" is not answered by "the lowest of four bids", which says nothing of the
    next one; a sentence that gives the second-lowest does answer it."""
    text = "The lowest of four bids for the Orby pool came from Tarn Builders, at $3.1 million."
    assert bool(_answers(question, _passage(text, _tagged(text, "MONEY", "$3.1 million")))) is answered
    second = "Quell Paving had the second-lowest bid for the Orby pool, at $3.4 million."
    assert _answers(question, _passage(second, _tagged(second, "MONEY", "$3.4 million")))


@pytest.mark.parametrize(("text", "value", "other"), [
    ("A colony of beavers has flooded nearly half a mile of the Orby trail.", "nearly half", True),  # half a mile
    ("Nearly half the beavers at the Orby preserve were moved.", "Nearly half", False),  # half of the beavers
    ("About 14 beavers live at the Orby preserve.", "About 14", False),
])  # fmt: skip
def test_half_a_unit_counts_none_of_the_things_asked(text: str, value: str, other: bool) -> None:
    """"How many beavers live there?": "nearly half a mile" is half of one mile, not a number of beavers."""
    from rag.candidates import counts_something_else

    assert _flags(counts_something_else, "How many beavers live at the Orby preserve?", text, value,
                  "CARDINAL") is other


@pytest.mark.parametrize(("question", "holds"), [
    ("Who is the Ostleigh fire chief?", False),  # another town's chief
    ("Who is the Harrowmere fire chief?", True),
    ("Who is Harrowmere's fire chief?", True),
    ("Who is the fire chief?", True),  # no town asked of
])  # fmt: skip
def test_a_name_titled_for_another_place_does_not_hold_the_role_asked(question: str, holds: bool) -> None:
    """"Harrowmere Fire Chief Sidonie Arkwright" is Harrowmere's chief, not Ostleigh's, though the model tagged her."""
    text = "Harrowmere Fire Chief Sidonie Arkwright said her department sent two engines to Ostleigh."
    passage = _passage(text, _tagged(text, "PERSON", "Sidonie Arkwright"))
    assert (_answers(question, passage) == ["Sidonie Arkwright"]) is holds


@pytest.mark.parametrize(
    ("question", "text", "value", "other"),
    [
        # the sentence names the noun asked about apart from the one its number counts: the writer counted another
        ("How many buses are in the Orly Transit fleet?", "Orly Transit buses carried 2.4 million passengers last "
         "year.", "2.4 million", True),
        ("How many farms are there in Tessing County?", "The farm's machinery, including two tractors and a combine, "
         "sold for $610,000.", "two", True),
        # the noun asked about describes the one counted: "bus routes" are routes
        ("How many buses does Orly Transit run?", "Orly Transit runs 14 bus routes in Tessing County.", "14", True),
        # a number hyphen-joined to a noun that describes another ("a 10-game season") counts no kids
        ("How many kids play in the Orly soccer club?", "The Orly league's 36 teams will play a 10-game regular "
         "season instead of the usual 14.", "10", True),
        # but the noun counted may be the one asked about itself, written twice, or described by it
        ("How many nurses will Orly Regional hire?", "Orly Regional plans to hire 40 registered nurses to replace "
         "its traveling nurses.", "40", False),
        ("How many households lost power in Orly?", "About 3,100 customers, most of them households, lost power in "
         "Orly.", "About 3,100", False),
        # in a clause joined to the number's with no subject of its own, the noun asked about is in the same clause
        ("How many buses does Orly Transit have?", "Orly Transit runs 14 bus routes and carried about 2.1 million "
         "passengers last year.", "about 2.1 million", True),
        # the noun asked about named in another clause
        ("How many students were hurt in Orly?", "Twelve children were hurt in Orly when the bus carrying students "
         "overturned.", "Twelve", False),
    ],
)  # fmt: skip
def test_a_number_counting_another_noun_than_the_one_the_sentence_names_answers_no_how_many(
    question: str, text: str, value: str, other: bool, likeness: "WordLikeness"
) -> None:
    """Word likeness places "buses" near "passengers" and "farms" near "tractors"; the sentence that names the
    buses or the farm apart from what its number counts tells that the number counts something else."""
    from rag.candidates import counts_something_else
    from rag.query import analyse

    candidate = _value_candidate(text, value, "CARDINAL")
    assert counts_something_else(analyse(question), candidate, likeness) is other


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("What is Dr. Ada Pell's regular salary?", True),  # the stipend is paid on top of it
        ("What is Dr. Ada Pell's stipend?", False),
    ],
)  # fmt: skip
def test_a_sum_of_another_kind_than_the_sum_the_sentence_names_beside_it_is_not_that_sum(
    question: str, other: bool
) -> None:
    """"a $1,500 monthly stipend on top of her current salary" names the salary, and the sum is the stipend's."""
    from rag.candidates import sums_something_else
    from rag.query import analyse

    text = "Pell, the county's deputy health officer, will receive a $1,500 monthly stipend on top of her salary."
    assert sums_something_else(analyse(question), _value_candidate(text, "$1,500", "MONEY")) is other
    earned = "Quist will earn a $160,000 salary, and her pay could rise with bonuses."  # one earning, two words
    assert not sums_something_else(analyse("What is Ada Quist's pay?"), _value_candidate(earned, "$160,000", "MONEY"))
    paid = "Pell, the county's deputy health officer, will earn a salary of $98,000."
    assert not sums_something_else(analyse("What is Dr. Ada Pell's regular salary?"),
                                   _value_candidate(paid, "$98,000", "MONEY"))  # fmt: skip


def _second_sentence_valued(text: str, value: str, label: str, people: Sequence[str]) -> "Candidate":
    """A candidate quoting the second sentence of the one-passage article `text`, valued at `value`, with the
    people the model is taken to have tagged (each where first written)."""
    from rag.candidates import Candidate, sentence_spans

    passage = _passage(text, _tagged(text, "PERSON", *people) + _tagged(text, label, value))
    start, end = sentence_spans(passage)[1]
    at = text.index(value)
    return Candidate(0, passage, start, end, {}, [(at, at + len(value), label)])


def test_a_salary_of_someone_named_by_surname_or_as_the_subject_is_not_another_persons() -> None:
    """"Carrack, 49, will start ... at a salary of $164,000": the model tagged her full name in the sentence before
    only; "Orlowe ... will receive a stipend on top of his salary": "his" is Orlowe's, not the one asked about."""
    from rag.candidates import paid_to_another_person
    from rag.query import analyse

    hired = ("The board on Tuesday hired Dr. Ysolde Carrack to run the health department.\nCarrack, 49, will start "
             "Sept. 11 at an annual salary of $164,000.")  # fmt: skip
    candidate = _second_sentence_valued(hired, "$164,000", "MONEY", ["Ysolde Carrack"])
    assert paid_to_another_person(analyse("What was Dr. Emmerich Voss's salary?"), candidate)
    assert not paid_to_another_person(analyse("What is Dr. Ysolde Carrack's salary?"), candidate)
    stipend = ("The commission named Dr. Benedikt Orlowe interim health officer.\nOrlowe will receive a $1,500 "
               "monthly stipend on top of his current salary.")  # fmt: skip
    candidate = _second_sentence_valued(stipend, "$1,500", "MONEY", ["Benedikt Orlowe"])
    assert paid_to_another_person(analyse("What is Anselm Quarrington's stipend?"), candidate)
    assert not paid_to_another_person(analyse("What is Benedikt Orlowe's stipend?"), candidate)
    # a pronoun with no one named in the sentence may be the one asked about
    unnamed = "The commission named Dr. Benedikt Orlowe interim health officer.\nHis stipend will be $1,500 a month."
    candidate = _second_sentence_valued(unnamed, "$1,500", "MONEY", ["Benedikt Orlowe"])
    assert not paid_to_another_person(analyse("What is Anselm Quarrington's stipend?"), candidate)
    # nor when the one named is a town paying, or who says it
    town = "The council picked its new town manager on Monday.\nMayor Dale Renn said Orby will pay her $98,000."
    candidate = _second_sentence_valued(town, "$98,000", "MONEY", ["Dale Renn"])
    assert not paid_to_another_person(analyse("What is Ada Quist's salary?"), candidate)
    said = "Mayor Dale Renn announced the hire on Monday.\nThe new manager will earn $98,000 a year, Renn said."
    candidate = _second_sentence_valued(said, "$98,000", "MONEY", ["Dale Renn"])
    assert not paid_to_another_person(analyse("What is Ada Quist's salary?"), candidate)


def test_a_speaker_of_another_kind_of_the_role_is_not_the_one_who_holds_it() -> None:
    """"Fire Chief Ada Renn said ..." before "..., he said": the speaker is no police chief."""
    text = ("Fire Chief Ada Renn said crews went door to door in Tarnby on Monday. Eleven people were pulled from "
            "rooftops by boat, she said.")  # fmt: skip
    passage = _passage(text)
    assert "Ada Renn" not in _answers("Who is the police chief in Tarnby?", passage)
    assert "Ada Renn" in _answers("Who is the fire chief in Tarnby?", passage)


@pytest.mark.parametrize(("question", "holds"), [
    ("Who is the principal of Tarnby Primary?", False),  # Orby's principal, going to Tarnby as another's assistant
    ("Who was Orby's principal?", True),
])  # fmt: skip
def test_a_role_owned_by_another_place_before_the_name_is_not_the_one_asked(question: str, holds: bool) -> None:
    text = ("Orby Elementary will close in June and its pupils will move to Tarnby Primary. Orby's principal, Malachy "
            "Dunstable, will become an assistant principal at Tarnby next fall.")  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Malachy Dunstable"))
    assert ("Malachy Dunstable" in _answers(question, passage)) is holds


def test_a_stipend_is_a_sum_paid_by_the_unit_of_work() -> None:
    """"What stipend ...?" asks for a sum, which news gives per game or per meeting."""
    text = "For the first time, the Orby league will pay certified teen referees a stipend of $35 per game."
    passage = _passage(text, _tagged(text, "MONEY", "$35"))
    assert _answers("What stipend will teen referees get in the Orby league?", passage) == ["$35"]
    # a sum charged per unit is still no wage
    text = "Orby's lifeguards will earn $18 an hour, and the pool will charge $3 per swimmer."
    passage = _passage(text, _tagged(text, "MONEY", "$18", "$3"))
    assert _answers("What wage will Orby's lifeguards earn?", passage) == ["$18"]


@pytest.mark.parametrize(("name", "label", "answers"), [
    ("Tesk Waste Services", "ORG", True),  # a firm by its own words
    ("Quade & Lorne", "ORG", True),
    ("the Orby Historical Society", "ORG", False),  # no firm's name, and the sentence calls it none
    ("Dana Lisle", "PERSON", False),
])  # fmt: skip
def test_a_firms_name_names_the_company_asked_for(name: str, label: str, answers: bool) -> None:
    """"What's the name of the company that hauls Orby's trash?": a name that is a firm's by its words answers,
    though the sentence does not call it a company."""
    text = f"Orby's trash has been hauled since 2019 by {name}, whose contract runs to 2027."
    question = "What's the name of the company that hauls Orby's trash?"
    found = _answers(question, _passage(text, _tagged(text, label, name)))
    assert (name in found) is answers


@pytest.mark.parametrize(("question", "text", "name", "answers"), [
    # what the company asked for does, or has done to it
    ("What's the name of the company that hauls Orby's trash?",
     "Tesk Waste Services hauls Orby's trash under a five-year contract.", "Tesk Waste Services", True),
    ("What's the name of the company that hauls Orby's trash?",
     "Velt Hauling LLC, which hauls Orby's trash, was sued by Tesk Waste Services.", "Velt Hauling LLC", True),
    ("What's the name of the firm the Orby library hired to find a new director?",
     "Orby library trustees voted to hire Kestle & Byrd Search Partners to find her successor.",
     "Kestle & Byrd Search Partners", True),
    # another firm in the sentence of the act, another act, a denied agent, no act asked
    ("What's the name of the company that hauls Orby's trash?",
     "Velt Hauling LLC, which hauls Orby's trash, was sued by Tesk Waste Services.", "Tesk Waste Services", False),
    ("What's the name of the company that hauls Orby's trash?",
     "Tesk Waste Services lost the contract to haul Orby's trash last year.", "Tesk Waste Services", False),
    ("What's the name of the firm that audited Orby's books?",
     "Orby's books were audited by the state comptroller, not by Quade Vesk LLP, the mayor said.", "Quade Vesk LLP",
     False),
    ("What is the name of the company that will build the Orby bridge?",
     "The design of the Orby bridge comes from Quade & Lorne, which drew it in 2021.", "Quade & Lorne", False),
    ("What's the name of the company in Orby?", "Orby hired Tesk Waste Services.", "Tesk Waste Services", False),
])  # fmt: skip
def test_a_firms_name_names_the_company_asked_for_only_as_doing_what_it_does(
    question: str, text: str, name: str, answers: bool
) -> None:
    """A firm's name answers "the company that hauls the trash" when the sentence has it haul the trash (or, for
    "the firm the library hired", has it hired), not merely in a sentence that tells of hauling."""
    assert (name in _answers(question, _passage(text, _tagged(text, "ORG", name)))) is answers


def test_a_titled_name_the_model_took_for_a_work_is_a_person() -> None:
    """"Superintendent Ida Rolle-Marsh said" tagged as a work's title: the name after the title is a person's."""
    text = '"We will not patch a 70-year-old building forever," Superintendent Ida Rolle-Marsh said at Orby High.'
    passage = _passage(text, _tagged(text, "WORK_OF_ART", "Superintendent Ida Rolle-Marsh"))
    assert "Ida Rolle-Marsh" in _answers("Who's the superintendent of the Orby schools?", passage)


@pytest.mark.parametrize("text", [
    "The Orby Cinema will screen Judge Dredd Returns on Friday.",  # a film's title
    "Orby's new K-9 dog, Chief Rex Barker, joined the force in May.",  # no verb of saying after the name
])  # fmt: skip
def test_a_title_inside_a_works_name_is_no_person(text: str) -> None:
    label, name = ("WORK_OF_ART", "Judge Dredd Returns") if "Judge" in text else ("PRODUCT", "Chief Rex Barker")
    question = "Who is the judge in Orby?" if "Judge" in text else "Who is the police chief in Orby?"
    assert _answers(question, _passage(text, _tagged(text, label, name))) == []


def test_a_name_ending_in_llp_is_a_firms() -> None:
    """"Quade Vesk LLP", tagged as a person's name, is the accounting firm asked for."""
    text = "The audit, conducted by the accounting firm Quade Vesk LLP, covered Orby's year that ended June 30, 2023."
    passage = _passage(text, _tagged(text, "PERSON", "Quade Vesk LLP"))
    assert "Quade Vesk LLP" in _answers("Which accounting firm audited Orby's books for 2023?", passage)


@pytest.mark.parametrize(("question", "text", "value", "other_way"), [
    # "Starting ..." puts a time before what happens from then on: no act of starting
    ("When does Route 4 stop going down Mill Road?", "Starting March 2, Orby's Route 4 will no longer travel along "
     "Mill Road.", "March 2", False),
    ("When do Tesk residents have to stop putting glass in their bins?",
     "Beginning June 1, Tesk residents will have to stop putting glass in their bins.", "June 1", False),
    # the start of something else than the act asked (the act asked in a clause of its own), and a start for a stop
    ("When will the Tesk fair end?", "Starting Friday, the Tesk fair will run for nine days.", "Friday", True),
    ("When will the Orby bridge project be finished?",
     "Starting Monday, crews will work nights so the bridge project can be finished by December.", "Monday", True),
    ("When did the Orby pool stop taking swimmers?", "The Orby pool will start taking swimmers on June 1.", "June 1",
     True),
])  # fmt: skip
def test_a_time_that_starts_what_is_asked_is_no_start_of_its_opposite(
    question: str, text: str, value: str, other_way: bool
) -> None:
    from rag.candidates import done_the_other_way

    assert _flags(done_the_other_way, question, text, value, "DATE") is other_way


@pytest.mark.parametrize(("text", "another"), [
    ("The City Council on Thursday approved $750,000 in emergency spending for tree removal.", False),
    ("The Tesk City Council on Thursday approved $750,000 in emergency spending for tree removal.", True),
])  # fmt: skip
def test_a_body_named_only_by_its_kind_may_be_the_towns_body_asked_about(text: str, another: bool) -> None:
    """"The City Council approved $750,000" may be Orby's council ("How much did Orby's council approve?"); "The
    Tesk City Council" is another town's."""
    from rag.candidates import done_by_another_named

    question = "How much emergency spending did Orby's council approve in 2025?"
    assert _flags(done_by_another_named, question, text, "$750,000", "MONEY") is another
    # a body of another kind is another, and so is the county's or the state's
    question = "How much emergency spending did Orby's planning board approve in 2025?"
    assert _flags(done_by_another_named, question, text, "$750,000", "MONEY")
    county = text.replace("The City Council", "The County Council")
    assert _flags(done_by_another_named, "How much emergency spending did Orby's council approve in 2025?", county,
                  "$750,000", "MONEY")
