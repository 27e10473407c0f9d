"""The rules that order a question's candidates before the refusal model decides (rag.ordering), on invented
sentences: a value on the question's side of a denial, a count of the noun asked, a destination, what is added or the
total, the name of the kind asked for, the body a decision is about."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

import pytest

from tests.rag.test_extractive import _passage, _valued

if TYPE_CHECKING:
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.word_likeness import WordLikeness


@pytest.fixture
def likeness(encoder: object) -> "WordLikeness":
    """Word likeness from the local encoder, as the answerer has it."""
    from rag.word_likeness import EncoderWordLikeness

    return EncoderWordLikeness(encoder)  # type: ignore[arg-type]


def _values_of_one_sentence(text: str, label: str, *values: str) -> list["Candidate"]:
    """A candidate for each of `values` (tagged `label`) of the one-sentence article `text`, sharing its passage."""
    first, *rest = [_valued(text, value, label) for value in values]
    for candidate in rest:
        candidate.passage = first.passage
    return [first, *rest]


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Where will the Route 9 bus stop in Quenlow?", "Oak Lane"),  # the denied stop goes after the other
        ("Where will the Route 9 bus no longer stop in Quenlow?", "Elm Street"),  # asked about what is denied
    ],
)
def test_a_value_whose_clause_denies_what_is_asked_goes_after_one_that_does_not(question: str, first: str) -> None:
    from rag.candidate import Candidate
    from rag.ordering import agreeing_first
    from rag.query import analyse

    def candidate(text: str, value: str) -> "Candidate":
        return _valued(text, value, "FAC")

    denied = candidate("The Route 9 bus will no longer stop at Elm Street in Quenlow.", "Elm Street")
    other = candidate("The Route 9 bus will stop at the Oak Lane lot in Quenlow instead.", "Oak Lane")
    ranked = agreeing_first([denied, other], analyse(question))
    assert ranked[0].answer_text() == first


def test_a_count_of_the_noun_asked_about_is_not_replaced_by_a_count_of_something_else() -> None:
    """"the mill's water use, up to 2 million gallons a day, has not been studied": the clause is denied, but the
    value counts the water asked about; "120 workers" in an agreeing clause counts something else."""
    from rag.candidate import Candidate
    from rag.ordering import agreeing_first
    from rag.query import analyse

    def candidate(text: str, value: str, on_focus: float) -> "Candidate":
        return _valued(text, value, "QUANTITY", {"answer_on_focus": on_focus})

    water = candidate("Engineers said the mill's water use, up to 2 million gallons a day, had not been studied.",
                      "up to 2 million gallons", 1.0)  # fmt: skip
    workers = candidate("The Quenlow mill will hire 120 workers when it opens.", "120", 0.0)
    question = analyse("How much water could the Quenlow mill use a day?")
    assert agreeing_first([water, workers], question)[0] is water
    # a value no nearer the noun than the other does give way ("Where will the bus stop?" above)
    water.features["answer_on_focus"] = 0.5
    assert agreeing_first([water, workers], question)[0] is workers


@pytest.mark.parametrize(("text", "value", "goes_to"), [
    ("The driver was flown by helicopter to Tarnby General Hospital, officials said.", "Tarnby General Hospital", True),
    ("The mill will move the work to its larger plant in Orlow, about 300 miles north.", "Orlow", True),
    ("Buses are being sent to the Quay Street bridge instead.", "Quay Street", True),
    ("The crash happened south of Orlow, according to the Tarnby Sheriff's Office.", "Tarnby Sheriff's Office", False),
    ("The crash closed Route 9 next to Tarnby General Hospital for an hour.", "Tarnby General Hospital", False),
    ("The crash happened two miles south of Orlow on Friday.", "Orlow", False),
    # the place the one gone to is on
    ("Its crew has been moved to Station 1 on Tannery Square, two miles away.", "Tannery Square", True),
    ("The sheriff spoke to reporters at Tarnby General Hospital.", "Tarnby General Hospital", False),
    # a "to" of something given elsewhere in the sentence leaves the place gone to one
    ("The driver was flown to Tarnby General Hospital, and the city paid $5,000 to his family.",
     "Tarnby General Hospital", True),
    # something given to a firm goes nowhere
    ("The board awarded a contract of $212,000 to Vellacourt Cleaning for the work.", "Vellacourt Cleaning", False),
])  # fmt: skip
def test_where_someone_is_taken_is_a_place_after_to(text: str, value: str, goes_to: bool) -> None:
    """"Where was the driver taken?": a place that follows "to" (with the place it is in, perhaps) is where
    someone or something went, and comes before a better-ranked place that does not; "according to" and "next
    to" go nowhere."""
    from rag.candidate import Candidate
    from rag.ordering import destination_first

    def candidate(sentence: str, name: str) -> "Candidate":
        return _valued(sentence, name, "ORG")

    first = candidate("Two cars collided on Route 9 near Selby on Friday.", "Selby")
    found = candidate(text, value)
    assert (destination_first([first, found])[0] is found) is goes_to


@pytest.mark.parametrize(
    "text, value",
    [
        ("It hired nine instead, officials said.", "nine"),  # a number standing alone
        ("Four others were hired in August.", "Four"),  # "others" stands for the teachers
    ],
)
def test_a_denied_count_of_the_noun_asked_about_gives_way_to_a_number_that_names_nothing_else(
    text: str, value: str
) -> None:
    """"did not hire 12 teachers. It hired nine instead": the nine says nothing of counting something else, and
    its clause agrees with the question."""
    from rag.candidate import Candidate
    from rag.ordering import agreeing_first
    from rag.query import analyse

    def candidate(text: str, value: str, on_focus: float) -> "Candidate":
        return _valued(text, value, "CARDINAL", {"answer_on_focus": on_focus})

    denied = candidate("The Quenlow district did not hire 12 teachers this summer.", "12", 1.0)
    other = candidate(text, value, 0.0)
    question = analyse("How many teachers did the Quenlow district hire?")
    assert agreeing_first([denied, other], question)[0] is other


@pytest.mark.parametrize(("text", "value", "added"), [
    ("Sheriff Dana Orme said she will need 22 more to staff the Quenlow addition.", "22", True),
    ("The Quenlow jail addition will cost $2 million more than planned.", "$2 million", True),
    ("The plan adds 15 beds to the Quenlow jail.", "15", True),
    ("The Quenlow jail will hire 15 additional deputies.", "15", True),
    ("The Quenlow jail had 15 more inmates than beds last year.", "15", True),
    ("The Quenlow jail has 58 employees.", "58", False),
    ("Cells of 30 or more inmates are common at the Quenlow jail.", "30", False),  # at least 30, none added
])  # fmt: skip
def test_how_many_more_is_answered_by_what_is_added(text: str, value: str, added: bool) -> None:
    """"How many more employees will the jail need?": a number of more ("22 more", "15 additional deputies", "adds
    15 beds") comes before a better-ranked total ("The jail has 58 employees")."""
    from rag.candidate import Candidate
    from rag.ordering import added_first

    def candidate(sentence: str, number: str) -> "Candidate":
        return _valued(sentence, number, "CARDINAL")

    total = candidate("The Quenlow jail holds 240 inmates.", "240")
    found = candidate(text, value)
    assert (added_first([total, found])[0] is found) is added


def test_a_total_answers_how_many_there_will_be_ahead_of_what_is_added() -> None:
    """"How many beds will the Quenlow jail have?": "adds 180 beds ... for a total of 420" gives 420; the 180 added
    answer only "How many more ...?"."""
    from rag.candidate import Candidate
    from rag.ordering import added_first, total_first
    from rag.models import Passage
    from rag.query import analyse

    text = "The plan adds 180 beds to the Quenlow jail, which has 240, for a total of 420."
    passage = Passage(passage_id="a", article_id="a", title="Jail", source="s", text=text, start=0, end=len(text),
                      entities=[])  # fmt: skip

    def value(number: str) -> Candidate:
        at = text.index(number)
        return Candidate(0, passage, 0, len(text), {}, [(at, at + len(number), "CARDINAL")])

    added, has, total = value("180"), value("240"), value("420")
    question = analyse("How many beds will the Quenlow jail have?")
    assert total_first([added, has, total], question)[0] is total
    assert total_first([has, added, total], question)[0] is has  # the best is no addition: the order stays
    assert added_first([total, has, added])[0] is added


def test_a_total_does_not_answer_what_is_added_or_count_something_else() -> None:
    """"How many officers will Quenlow hire?" asks what is added: "hire 6 more officers, for a total of 48" gives 6.
    "A total of 112 candidates applied" counts no officers, and a total in another article is of another thing:
    neither comes before "6 more officers" for "How many officers will Quenlow have?"."""
    from rag.candidate import Candidate
    from rag.ordering import total_first
    from rag.query import analyse

    def value(passage: "Passage", number: str) -> Candidate:
        at = passage.text.index(number)
        return Candidate(0, passage, 0, len(passage.text), {}, [(at, at + len(number), "CARDINAL")])

    one = _passage("a", "Quenlow Post", "Quenlow police will hire 6 more officers this year, for a total of 48.")
    added, total = value(one, "6"), value(one, "48")
    assert total_first([added, total], analyse("How many officers will Quenlow have?"))[0] is total
    assert total_first([added, total], analyse("How many officers will Quenlow hire?"))[0] is added
    two = _passage("b", "Quenlow Post", "Quenlow police will hire 6 more officers. A total of 112 candidates applied.")
    added, other = value(two, "6"), value(two, "112")
    assert total_first([added, other], analyse("How many officers will Quenlow have?"))[0] is added
    elsewhere = _passage("c", "Quenlow Star", "The Quenlow fair drew a total of 48 officers from the state.")
    added, total = value(one, "6"), value(elsewhere, "48")
    assert total_first([added, total], analyse("How many officers will Quenlow have?"))[0] is added


@pytest.mark.parametrize("decided", ["voted Monday to open", "decided to open", "agreed on Monday to open"])
def test_a_decision_in_the_past_to_do_something_later_does_not_contradict_a_question_about_the_future(
    decided: str,
) -> None:
    from rag.candidate import Candidate
    from rag.ordering import agreeing_first
    from rag.query import analyse

    def candidate(text: str, value: str) -> "Candidate":
        return _valued(text, value, "DATE")

    decision = candidate(f"The Varnell council {decided} the pool on June 1.", "June 1")
    other = candidate("The Varnell pool will be repainted in the spring.", "the spring")
    ranked = agreeing_first([decision, other], analyse("When will the Varnell pool open?"))
    assert ranked[0].answer_text() == "June 1"


def test_a_how_many_question_whose_numbers_count_something_else_is_refused() -> None:
    """"How many firefighters were hurt?": a number of the building's units, ranked first, gives way to a number of
    firefighters; with none, there is no candidate, so no answer."""
    from rag.candidate import Candidate
    from rag.ordering import fitting_first
    from rag.query import analyse

    units_text = "The fire on Quay Lane broke out in a 12-unit building in Mornby."
    hurt_text = "Three firefighters were hurt in the Quay Lane fire in Mornby."
    units = Candidate(0, _passage("a", "Mornby Courier", units_text), 0, len(units_text), {},
                      [(units_text.index("12"), units_text.index("12") + 2, "CARDINAL")])  # fmt: skip
    hurt = Candidate(1, _passage("b", "Radio Mornby", hurt_text), 0, len(hurt_text), {}, [(0, 5, "CARDINAL")])
    question = analyse("How many firefighters were hurt in the Quay Lane fire in Mornby?")
    assert fitting_first([units, hurt], question) == [hurt]
    assert fitting_first([units], question) == []


def test_a_question_about_what_will_be_is_not_answered_by_the_day_of_what_was_done() -> None:
    """"When will the new fire station open?": the year the old one was built and the day the money was set aside
    give way to the day it opens; with neither, there is no candidate."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    built = _valued("Chief Ada Morrow said the Pellmark station, built in 1952, is too small.", "1952", "DATE")
    voted = _valued("The Pellmark council set aside $4 million for a new fire station on Oct. 14.", "Oct. 14", "DATE")
    opens = _valued("The new Pellmark fire station will open in March.", "March", "DATE")
    question = analyse("When will the new Pellmark fire station open?")
    assert fitting_first([built, voted, opens], question) == [opens]
    assert fitting_first([built, voted], question) == []
    since = _valued("It is the first new fire station in Pellmark since 1978.", "1978", "DATE")
    assert fitting_first([since, opens], question) == [opens]


def test_a_when_question_is_not_answered_by_the_day_of_a_vote_to_do_something_else() -> None:
    """"When were the levee repairs completed?": the day of the vote to repair it gives way to a later date of the
    repairs; with none, there is no candidate."""
    from rag.candidate import Candidate
    from rag.ordering import fitting_first
    from rag.query import analyse

    vote_text = "The Mornby levee board voted on Tuesday to repair the levee."
    done_text = "Crews completed the Mornby levee repairs on Aug. 9."
    vote = Candidate(0, _passage("a", "Mornby Courier", vote_text), 0, len(vote_text), {},
                     [(vote_text.index("Tuesday"), vote_text.index("Tuesday") + 7, "DATE")])  # fmt: skip
    done = Candidate(1, _passage("b", "Radio Mornby", done_text), 0, len(done_text), {},
                     [(done_text.index("Aug. 9"), done_text.index("Aug. 9") + 6, "DATE")])  # fmt: skip
    question = analyse("When were the Mornby levee repairs completed?")
    assert fitting_first([vote, done], question) == [done]
    assert fitting_first([vote], question) == []


def test_a_why_question_about_one_person_is_answered_where_that_person_is_named() -> None:
    """"Why did Wexley vote against the fee?": the reason Dunmore gave is not hers; hers is, in the sentence that
    names her. With no sentence naming her, there is no candidate."""
    from rag.candidate import Candidate, sentence_spans
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = ("The Tarnby board voted 3-2 to charge a launch fee. Board member Alric Dunmore said the fee would push "
            "boaters to the state launch. Board member Hermia Wexley said the fee was unfair to families.")  # fmt: skip
    passage = _passage("a", "Tarnby Ledger", text)
    sentences = [Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage)]
    question = analyse("Why did board member Hermia Wexley vote against the Tarnby launch fee?")
    assert [c.text.split()[3] for c in fitting_first([sentences[1], sentences[2]], question)] == ["Wexley"]
    assert fitting_first([sentences[1]], question) == []


@pytest.mark.parametrize(
    ("question", "text", "names"),
    [
        # a name that says in its own words what kind of thing it names
        ("Security at which depot was the Orrwick clerk accused of watching?",
         "The clerk was accused of watching security at the Fenmarch Freight Depot in northern Orrwick.",
         ["the Fenmarch Freight Depot"]),
        # "Board of Regents" names a board, not a regent
        ("Which regents opposed the Orrwick tuition increase?",
         "The Orrwick Board of Regents voted 5-2 to raise tuition.", []),
        # the first school the sentence names, not the one its students move to
        ("Which Orrwick school will close in June?",
         "Harlan Middle School will close in June, and its students will move to Orrin Elementary School.",
         ["Harlan Middle School"]),
        # "Which of the X": the X is the kind asked for
        ("Which of the Orrwick council members voted against the fee?",
         "Council members Ada Kettering and Gerald Tallis voted against the fee.", ["Ada Kettering", "Gerald Tallis"]),
        # what "be" says something is: no name
        ("What is the plan for the old Orrwick school?",
         "The plan by Keswick Architects would turn the school into 40 apartments.", []),
        ("What is the Orrwick mayor doing about the potholes?",
         "Mayor Ada Kettering said crews would fill the potholes by Friday.", []),
    ],
)  # fmt: skip
def test_a_name_of_the_kind_asked_for_is_the_short_answer(question: str, text: str, names: list[str]) -> None:
    from rag.candidate import Candidate
    from rag.ordering import named_by_focus
    from rag.query import analyse

    candidate = Candidate(0, _passage("a", "Orrwick Courier", text), 0, len(text), {})
    assert named_by_focus(analyse(question), candidate) == names


def test_a_sentence_naming_the_kind_asked_for_comes_first_unless_it_tells_of_the_other_side_or_another() -> None:
    """"Which Kell council members voted against the budget?": of the first few sentences, the one that puts names
    after "council members" comes first, ahead of the one about the vote; not one that says they voted yes, one
    that gives the noun as another's ("Dunmore council members"), nor two names for "Which member ...?"."""
    from rag.candidate import Candidate, sentence_spans
    from rag.ordering import named_by_focus_first
    from rag.query import analyse

    def ranked(*sentences: str) -> list[Candidate]:
        passage = _passage("k", "Kell Courier", " ".join(sentences))
        return [Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage)]

    vote = "The Kell Town Council adopted a $9.1 million budget on Tuesday night, voting 5-2."
    against = "Council members Rhoda Velt and Osric Pell voted against it."
    first = named_by_focus_first(ranked(vote, against), analyse("Which Kell council members voted against the budget?"))
    assert first[0].text == against
    backers = "Council members Rhoda Velt and Osric Pell voted for it."
    first = named_by_focus_first(ranked(vote, backers), analyse("Which Kell council members voted against the budget?"))
    assert first[0].text == vote
    others = "In Dunmore, Dunmore council members Rhoda Velt and Osric Pell backed a larger one."
    first = named_by_focus_first(ranked(vote, others), analyse("Which Kell council members backed the budget?"))
    assert first[0].text == vote
    first = named_by_focus_first(ranked(vote, against), analyse("Which Kell council member voted against the budget?"))
    assert first[0].text == vote


def test_a_place_after_a_preposition_is_not_the_name_of_the_kind_asked_for() -> None:
    """"the largest employer in Tansy Ferry" does not name the employer Tansy Ferry; "the city of Aarhus" does
    name the city."""
    from rag.candidate import Candidate
    from rag.ordering import named_by_focus
    from rag.query import analyse

    def names(question: str, text: str) -> list[str]:
        passage = _passage("e", "Kell Courier", text)
        return named_by_focus(analyse(question), Candidate(0, passage, 0, len(text), {}))

    assert names("Which employer will hold a hiring fair?", "The foundry is the largest employer in Tansy Ferry.") == []
    assert names("In which city did the mayors meet?", "The mayors met in the Danish city of Aarhus.") == ["Aarhus"]


def test_the_name_a_decision_is_about_comes_before_the_body_that_decided() -> None:
    """"Who became superintendent?": when the best value is the board that voted to hire someone, the person of the
    same sentence is the answer, ahead of the school he led."""
    from rag.candidate import Candidate
    from rag.ordering import decided_upon_first

    text = "The Tarrow Board of Education voted 5-0 on Monday to hire Dana Lisle, principal of Tarrow High School."
    passage = _passage("t", "Tarrow Post", text)

    def value(name: str, label: str, first_kind: float) -> Candidate:
        start = text.index(name)
        entity = (start, start + len(name), label)
        return Candidate(0, passage, 0, len(text), {"answer_first_kind": first_kind}, [entity])

    board, school = value("The Tarrow Board", "ORG", 0.0), value("Tarrow High", "ORG", 0.0)
    lisle = value("Dana Lisle", "PERSON", 1.0)
    assert decided_upon_first([board, school, lisle])[0] is lisle
    other = _passage("u", "Tarrow Post", "Dana Lisle led Tarrow High School.")
    elsewhere = Candidate(1, other, 0, len(other.text), {"answer_first_kind": 1.0})
    assert decided_upon_first([board, elsewhere])[0] is board  # no other name of the same sentence


def test_a_body_that_decided_something_else_naming_no_one_is_no_answer() -> None:
    """"Who's building the Tarrow apartments?": "The Tarrow Planning Board voted 4-1 to approve 72 apartments"
    tells who approved them, and names no builder; the developer named in the next sentence answers."""
    from rag.candidate import Candidate
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = ("The Tarrow Planning Board voted 4-1 on Thursday to approve 72 apartments on Cooper Lane. "
            "The developer, Orrin Housing Trust, puts the cost at $14 million.")
    passage = _passage("t", "Tarrow Post", text)
    first_end = text.index("The developer")

    def value(name: str, start: int, end: int) -> Candidate:
        at = text.index(name)
        return Candidate(0, passage, start, end, {}, [(at, at + len(name), "ORG")])

    board = value("The Tarrow Planning Board", 0, first_end - 1)
    trust = value("Orrin Housing Trust", first_end, len(text))
    assert fitting_first([board, trust], analyse("Who's building the Tarrow apartments?"))[0] is trust
    # the board does answer who approved them
    assert fitting_first([board, trust], analyse("Who approved the Tarrow apartments?"))[0] is board


def test_a_body_that_decided_to_do_the_thing_itself_still_answers() -> None:
    """"The Tarrow County Commission voted Tuesday to tear down the old jail": the commission answers "Who is
    demolishing the old jail?" (its decision is to do so itself), though "tear down" is not the question's verb;
    "voted to approve 72 apartments" lets another build them."""
    from rag.candidate import Candidate
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The Tarrow County Commission voted Tuesday to tear down the old jail on Pike Street this summer."
    passage = _passage("t", "Tarrow Post", text)
    name = "The Tarrow County Commission"
    commission = Candidate(0, passage, 0, len(text), {}, [(0, len(name), "ORG")])
    assert fitting_first([commission], analyse("Who is demolishing the old jail?")) == [commission]
    text = "The Tarrow County Commission voted Tuesday to approve 72 apartments on Pike Street."
    passage = _passage("u", "Tarrow Post", text)
    commission = Candidate(0, passage, 0, len(text), {}, [(0, len(name), "ORG")])
    assert fitting_first([commission], analyse("Who is putting up the apartments on Pike Street?")) == []
    # going ahead with a plan is letting it be carried out, by another: the commission did not design the seawall
    text = "The Tarrow County Commission voted Tuesday to go ahead with a $9 million seawall on Pike Street."
    passage = _passage("v", "Tarrow Post", text)
    commission = Candidate(0, passage, 0, len(text), {}, [(0, len(name), "ORG")])
    assert fitting_first([commission], analyse("Who designed the seawall on Pike Street?")) == []
    # unless it is to be done by the body itself
    text = "The Tarrow County Commission voted Tuesday to go ahead with repainting the Pike Street bandstand itself."
    passage = _passage("w", "Tarrow Post", text)
    commission = Candidate(0, passage, 0, len(text), {}, [(0, len(name), "ORG")])
    assert fitting_first([commission], analyse("Who will repaint the Pike Street bandstand?")) == [commission]


def test_a_sentence_naming_the_kind_asked_for_does_not_jump_one_that_may_already_say_who() -> None:
    """"Wade Kessel was the only council member to vote against the levy" ranked first may already say who: a
    later "Council member Lena Hart abstained" (no vote against) does not take its place; and a name after a
    comma past a preposition is the kind's ("The biggest employer in town, Brightwater Foods, ...")."""
    from rag.candidate import Candidate, sentence_spans
    from rag.ordering import named_by_focus, named_by_focus_first
    from rag.query import analyse

    passage = _passage("k", "Kell Courier", "Wade Kessel was the only council member to vote against the Kell levy. "
                       "Council member Lena Hart abstained.")  # fmt: skip
    ranked = [Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage)]
    question = analyse("Which council member voted against the Kell levy?")
    assert named_by_focus_first(ranked, question)[0] is ranked[0]
    text = "The biggest employer in town, Brightwater Foods, will hold a hiring fair."
    employer = Candidate(0, _passage("b", "Kell Courier", text), 0, len(text), {})
    assert named_by_focus(analyse("Which employer will hold a hiring fair?"), employer) == ["Brightwater Foods"]


@pytest.mark.parametrize(("question", "first"), [
    ("By how much did the Quenlow school budget increase?", "$1.4 million"),
    # a figure right after a verb of change is the change; a sum "backed by" or "paid down" is none
    ("How much did the Quenlow school budget go up?", "$1.4 million"),
    # not a question of a change: the level
    ("What is the Quenlow school budget going to be?", "$38.6 million"),
])  # fmt: skip
def test_a_question_of_a_change_is_answered_by_the_change_not_the_level(question: str, first: str) -> None:
    """"adopted a $38.6 million budget Thursday, an increase of $1.4 million": the change is $1.4 million."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The Quenlow school board adopted a $38.6 million budget Thursday, an increase of $1.4 million."
    level, change = _values_of_one_sentence(text, "MONEY", "$38.6 million", "$1.4 million")
    assert fitting_first([level, change], analyse(question))[0].answer_text() == first


def test_a_figure_after_a_verb_of_change_is_the_change() -> None:
    """"The fare rose 25 cents to $2.75 after the board paid down $3 million in debt": the fare went up 25 cents."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The Quenlow bus fare rose 25 cents to $2.75 after the transit board paid down $3 million in debt."
    debt, rise = _values_of_one_sentence(text, "MONEY", "$3 million", "25 cents")
    assert fitting_first([debt, rise], analyse("By how much did the Quenlow bus fare go up?"))[0] is rise


@pytest.mark.parametrize(("question", "first"), [
    ("When does the Quenlow library book sale end?", "March 9"),
    ("When does the Quenlow library book sale begin?", "March 4"),
    # asking for the whole span: the order stays
    ("When is the Quenlow library book sale?", "March 4"),
])  # fmt: skip
def test_a_question_of_a_spans_end_is_answered_by_the_date_that_closes_it(question: str, first: str) -> None:
    """"The sale runs March 4 through March 9": it ends March 9."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The Quenlow library book sale runs March 4 through March 9 in the library basement."
    opening, closing = _values_of_one_sentence(text, "DATE", "March 4", "March 9")
    ranked = [closing, opening] if "begin" in question else [opening, closing]
    assert fitting_first(ranked, analyse(question))[0].answer_text() == first


@pytest.mark.parametrize(("question", "first"), [
    ("Where was the Tarnby bank robbery suspect caught?", "Quell"),  # "arrested" tells of the catching
    ("Where did the Tarnby bank robbery happen?", "Elm Street"),
])  # fmt: skip
def test_a_value_on_a_verb_of_the_same_act_is_on_the_questions_verb(question: str, first: str) -> None:
    """"A man accused of robbing the bank on Elm Street was arrested Saturday at a motel in Quell"."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = ("A man accused of robbing the Tarnby bank branch on Elm Street was arrested Saturday at a motel in Quell, "
            "police said.")  # fmt: skip
    street = _valued(text, "Elm Street", "FAC")
    town = _valued(text, "Quell", "GPE")
    town.passage = street.passage
    assert fitting_first([street, town], analyse(question))[0].answer_text() == first


@pytest.mark.parametrize(("text", "value"), [
    ("A judge on Monday set Feb. 3 as the trial date for Kyle Varner.", "Feb. 3"),
    ("The Tarnby school board scheduled a June 12 vote on the budget.", "June 12"),
])  # fmt: skip
def test_a_day_a_scheduling_verb_puts_ahead_answers_when_it_will_be(text: str, value: str) -> None:
    """"set Feb. 3 as the trial date": the day is ahead, though the setting is done."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    question = "When will Kyle Varner's trial begin?" if "trial" in text else "When will the Tarnby board vote?"
    candidate = _valued(text, value, "DATE")
    assert fitting_first([candidate], analyse(question)) == [candidate]


def test_a_verb_of_the_same_act_in_the_next_sentence_does_not_choose() -> None:
    """"Police made 14 arrests at the concert. Officers at the fairgrounds apprehended 6 people.": the next
    sentence's "apprehended" tells of another place's arrests."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = ("Police made 14 arrests at the Tarnby Amphitheater concert. Officers at the Orlow fairgrounds apprehended "
            "6 people the same night.")  # fmt: skip
    first = _valued(text, "14", "CARDINAL")
    second = _valued(text, "6 people", "CARDINAL")
    second.passage = first.passage
    first.end = text.index(" Officers") + 1
    second.start = first.end
    question = analyse("How many people did police arrest at the Tarnby Amphitheater concert?")
    assert fitting_first([first, second], question)[0] is first


@pytest.mark.parametrize(("question", "first"), [
    ("When will Tarnby Town Hall offices close for the holidays?", "Dec. 24"),  # a closing starts
    ("When does the Tarnby holiday closing end?", "Jan. 1"),
])  # fmt: skip
def test_a_closing_asks_for_its_start(question: str, first: str) -> None:
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "Tarnby Town Hall offices will close Dec. 24 through Jan. 1 for the holidays."
    start, end = _values_of_one_sentence(text, "DATE", "Dec. 24", "Jan. 1")
    assert fitting_first([start, end], analyse(question))[0].answer_text() == first


@pytest.mark.parametrize(("text", "value"), [
    ("The Tarnby council on Monday approved a 9 percent water rate increase, effective July 1.", "July 1"),
    ("The Tarnby school board on Monday settled on Nov. 5 for the building referendum.", "Nov. 5"),
])  # fmt: skip
def test_a_day_made_effective_or_settled_on_is_ahead(text: str, value: str) -> None:
    from rag.ordering import fitting_first
    from rag.query import analyse

    question = ("When will the new Tarnby water rates take effect?" if "rate" in text
                else "When will the Tarnby building referendum be held?")  # fmt: skip
    candidate = _valued(text, value, "DATE")
    assert fitting_first([candidate], analyse(question)) == [candidate]


@pytest.mark.parametrize(
    ("question", "answers"),
    [
        # something asked as done is not dated by what is to come
        ("When was the Orrin Street bridge repaired?", False),
        ("When did crews repair the Orrin Street bridge?", False),
        # asked as to come, or as a plan whatever the tagger makes of it, the date answers
        ("When will the Orrin Street bridge close?", True),
        ("What day was the county planning to close the Orrin Street bridge?", True),
        ("When does the Orrin Street bridge shut?", True),
    ],
)
def test_a_date_of_what_is_to_come_does_not_answer_when_something_was_done(question: str, answers: bool) -> None:
    from rag.candidate import Candidate
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The Orrin Street bridge will close June 9 while crews repair its deck, county officials said."
    at = text.index("June 9")
    date = Candidate(0, _passage("o", "Tarrow Post", text), 0, len(text), {}, [(at, at + len("June 9"), "DATE")])
    assert (fitting_first([date], analyse(question)) == [date]) is answers



@pytest.mark.parametrize(("question", "first"), [
    ("How many calls did the Orby fire department handle during the ice storm?", "64"),
    ("How many calls does the Orby fire department usually handle?", "about nine"),  # a habit asked of
])  # fmt: skip
def test_a_figure_of_what_is_done_as_a_rule_does_not_answer_what_was_done(question: str, first: str) -> None:
    """"answered 64 calls during the ice storm, though it usually handles about nine calls a day": the question's
    verb tells the habit, not what was done in the storm."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = ("The Orby fire department answered 64 calls during the ice storm, though it usually handles about nine "
            "calls a day.")  # fmt: skip
    storm, habit = _values_of_one_sentence(text, "CARDINAL", "64", "about nine")
    assert fitting_first([storm, habit], analyse(question))[0].answer_text() == first


def test_a_figure_of_a_year_long_before_the_articles_does_not_answer_of_last_year() -> None:
    """"The first Orby fair was held in 1998 and drew about 800 people", in a 2025 article: no answer to "How many
    went last year?", though it is one to "How many went in 1998?"."""
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "The first Orby fair was held in 1998 and drew about 800 people."
    drew = _valued(text, "about 800", "CARDINAL")
    drew.passage = drew.passage.model_copy(update={"published": "2025-06-11"})
    assert fitting_first([drew], analyse("How many people went to the Orby fair last year?")) == []
    assert fitting_first([drew], analyse("How many people went to the Orby fair in 1998?")) == [drew]


def test_the_agreeing_value_on_the_questions_verb_in_the_same_sentence_comes_first() -> None:
    """"When is the new Quenlow school to open?": "opened in 1958" is done, so a value of a plan takes its place;
    of the plan's sentence, "open the school in fall 2028", on the question's verb, not "break ground in spring
    2026"."""
    from rag.candidate import Candidate
    from rag.ordering import agreeing_first
    from rag.query import analyse

    old = _valued("The current Quenlow school, which opened in 1958, holds about 900 students.", "1958", "DATE")
    plan = "The superintendent said she hopes to break ground in spring 2026 and open the school in fall 2028."
    ground = _valued(plan, "spring 2026", "DATE")
    opening = Candidate(0, ground.passage, 0, len(plan), {}, [(plan.index("fall 2028"), plan.index("fall 2028") + 9,
                                                               "DATE")])  # fmt: skip
    ranked = agreeing_first([old, ground, opening], analyse("When is the new Quenlow school supposed to open?"))
    assert ranked[0] is opening


@pytest.mark.parametrize(
    ("rounded", "exact", "first"),
    [
        ("More than 300", "317", "317"),  # the lead rounds down what the story gives in full
        ("about $2 million", "$2.14 million", "$2.14 million"),
        ("nearly 500", "486", "486"),
        ("More than 300", "412", "More than 300"),  # too far above to be what it rounds
        ("nearly 500", "520", "nearly 500"),  # on the wrong side
        ("More than 300", "about 310", "More than 300"),  # no exact figure
    ],
)
def test_a_round_figure_gives_way_to_the_exact_one_it_rounds_in_the_same_article(rounded: str, exact: str,
                                                                                 first: str) -> None:  # fmt: skip
    from rag.ordering import exact_first

    label = "MONEY" if "$" in rounded else "CARDINAL"
    text = f"Quenlow families received {rounded} in aid. In all, the families received {exact}, the county said."
    lead, body = _values_of_one_sentence(text, label, rounded, exact)
    assert exact_first([lead, body])[0].answer_text() == first
    # another article's figure is another count, and so is one of another act
    other = _valued(f"In all, Orlow families received {exact}.", exact, label)
    assert exact_first([lead, other])[0] is lead
    text = f"Quenlow families received {rounded} in aid. In all, the families spent {exact}, the county said."
    lead, body = _values_of_one_sentence(text, label, rounded, exact)
    assert exact_first([lead, body])[0] is lead
    # nor a record's figure, which may count anyone ("Census records show 472 residents")
    text = f"Quenlow families received {rounded} in aid. County records show {exact}."
    lead, body = _values_of_one_sentence(text, label, rounded, exact)
    assert exact_first([lead, body])[0] is lead


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who's fixing the Orlow Creek bridge?", "Marrick Span Co. [1]."),
        ("Who did Tarn County hire to repair the Orlow Creek bridge?", "Marrick Span Co. [1]."),
        ("Who designed the Orlow Creek bridge?", "The articles don't say"),  # a designer is hired for no such job
    ],
)
def test_who_does_a_job_is_the_firm_given_it_though_its_sentence_shares_few_words(
    question: str, expected: str, encoder: object
) -> None:
    """"awarded the $1.2 million repair contract to Marrick Span Co." names neither the bridge nor the act in the
    question's words, and ranks below sentences that do; it still tells who does the job."""
    from tests.rag.test_extractive import _answer_with_similarity

    text = ("The Orlow Creek bridge on County Road 14 will close June 9 for about six months while crews replace its "
            "deck, Tarn County Engineer Ada Brisk said. The county commissioners voted 3-0 last week to award the "
            "$1.2 million repair contract to Marrick Span Co. of Wexley. Brisk said the deck was cracked by "
            "years of road salt. Residents of Orlow Creek said the detour will add 20 minutes to their drive.")
    passage = _passage("a", "Tarn Ledger", text)
    assert _answer_with_similarity(question, [passage], encoder).startswith(expected)


def _counts_of_a_2024_article(text: str) -> Callable[[str, int, int, float], "Candidate"]:
    """A maker of candidates for the numbers of `text`, one article published 2024-06-14: each valued at a number,
    quoting text[start:end], with its share of the question's words."""
    from rag.candidate import Candidate
    from rag.models import Passage

    passage = Passage(passage_id="a", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                      entities=[], published="2024-06-14")  # fmt: skip

    def value(number: str, start: int, end: int, coverage: float) -> Candidate:
        at = text.index(number)
        return Candidate(0, passage, start, end, {"coverage": coverage}, [(at, at + len(number), "CARDINAL")])

    return value


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("How many fish died in the Orlow Creek spill?", "about 3,200"),  # the story's own event
        ("How many fish died in the 2011 Orlow Creek spill?", "about 900"),  # a year asked: the order stays
        ("How many fish died in the previous Orlow Creek spill?", "about 900"),  # an earlier one asked
    ],
)
def test_a_figure_of_an_event_the_story_only_recalls_gives_way_to_one_of_its_own(question: str, first: str) -> None:
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.ordering import of_the_articles_own_time_first
    from rag.query import analyse

    text = ("The 2011 spill killed about 900 fish. About 3,200 dead fish have been counted along Orlow Creek since "
            "Monday.")
    value, split = _counts_of_a_2024_article(text), text.index("About 3,200")

    recalled, own = value("about 900", 0, split - 1, 0.3), value("About 3,200", split, len(text), 0.6)
    assert of_the_articles_own_time_first([recalled, own], analyse(question))[0].answer_text().casefold() == first
    # nor when the story's own sentence shares fewer of the question's words
    fewer = value("About 3,200", split, len(text), 0.2)
    assert of_the_articles_own_time_first([recalled, fewer], analyse(question))[0] is recalled
    # a year a clause counts from dates no figure: "The $2.3 million field replaces turf in use since 1988"
    since = "The 900 fish were counted in a creek stocked since 2011. About 1,200 fish live in Orlow Creek."
    passage = Passage(passage_id="b", article_id="b", title="t", source="s", text=since, start=0, end=len(since),
                      entities=[], published="2024-06-14")  # fmt: skip
    split, at, live = since.index("About"), since.index("900"), since.index("About 1,200")
    counted = Candidate(0, passage, 0, split - 1, {"coverage": 0.3}, [(at, at + 3, "CARDINAL")])
    other = Candidate(0, passage, split, len(since), {"coverage": 0.6}, [(live, live + 11, "CARDINAL")])
    assert of_the_articles_own_time_first([counted, other], analyse(question))[0] is counted


@pytest.mark.parametrize(("text", "best", "other", "question"), [
    # another unit: miles are no store of grain
    ("The Hollis co-op elevator, built in 1971, can hold 1.8 million bushels. Its new bins stand 30 miles from the "
     "old Tarnby rail spur, co-op manager Ruth Ames said.", "1.8 million bushels", "30 miles",
     "How much grain can the Hollis co-op elevator hold?"),
    # a count of another noun: counts of a charge are no families
    ("Prosecutors said Dunmore took deposits from 23 families between May 2020 and June 2021. A jury convicted "
     "Dunmore of taking deposits on six of 10 counts.", "23", "six", "How many families did Dunmore take deposits from?"),
])
def test_a_recalled_figure_gives_way_only_to_one_of_the_same_thing(text: str, best: str, other: str,
                                                                  question: str) -> None:  # fmt: skip
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.ordering import of_the_articles_own_time_first
    from rag.query import analyse

    passage = Passage(passage_id="a", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                      entities=[], published="2024-06-14")  # fmt: skip
    split = text.index(". ") + 1

    def value(number: str, start: int, end: int, coverage: float) -> Candidate:
        at = text.index(number)
        return Candidate(0, passage, start, end, {"coverage": coverage}, [(at, at + len(number), "CARDINAL")])

    recalled, own = value(best, 0, split, 0.3), value(other, split + 1, len(text), 0.6)
    assert of_the_articles_own_time_first([recalled, own], analyse(question))[0] is recalled


@pytest.mark.parametrize(("question", "asks"), [
    ("so who's building the new dorm on Elm St?", True),
    ("Who did Tarn County hire to fix the bridge?", True),
    ("Which company got hired to redo Orlow Park?", True),
    ("Who hired Marrick Span Co.?", False),  # the one who hired
    ("Who did Tarn County hire to design the repairs?", False),  # a job no contract for the work tells
    ("Who designed the bridge?", False),
    ("so who got the contract for Orlow's police radios?", True),  # the one given the work
    ("Which firm won the $3 million paving bid?", True),
    ("Who awarded the paving contract?", False),  # the one who gave it
    ("Who got the Carver City manager job?", False),  # a hire, not work given to a firm
    ("What company is doing the Orlow culvert job?", True),
    ("What company got hired to clean the mold out of the Orlow station?", True),
    ("Who did the mayor praise for the work on the Orlow bridge?", False),  # "did" helps "praise"
    ("Who did the work on the Orlow bridge?", True),
    ("What did the Orlow board do at the meeting?", False),
])  # fmt: skip
def test_a_question_of_who_does_a_job_one_is_hired_for(question: str, asks: bool) -> None:
    from rag.ordering import asks_for_the_hired_firm
    from rag.query import analyse

    assert asks_for_the_hired_firm(analyse(question)) is asks


@pytest.mark.parametrize(("question", "answered"), [
    ("How many beds does the Orlow shelter have right now?", False),  # now: not what the expansion would add
    ("How many beds would the Orlow shelter expansion add?", True),
])  # fmt: skip
def test_a_figure_of_what_would_be_does_not_answer_what_is_now(question: str, answered: bool) -> None:
    from rag.ordering import fitting_first
    from rag.query import analyse

    added = _valued("The Orlow shelter expansion would add about 40 beds.", "about 40", "CARDINAL")
    assert bool(fitting_first([added], analyse(question))) is answered
    # a change to come gives the level now it starts from
    rise = _valued("The Orlow ferry fare will rise from $48 to $56.", "$48 to $56", "MONEY")
    assert fitting_first([rise], analyse("What is the Orlow ferry fare now?"))
    remain = _valued("The Orlow ferry fare will remain $48 a trip.", "$48", "MONEY")
    assert fitting_first([remain], analyse("What is the Orlow ferry fare now?"))


@pytest.mark.parametrize(("question", "only_held"), [
    ("How many workers has Orlow Pump hired so far?", True),  # how many it has is not how many it hired
    ("How many people does Orlow Pump employ?", False),
    ("How many workers does Orlow Pump have now that it has expanded?", False),  # asks what it has
])  # fmt: skip
def test_how_many_there_are_does_not_answer_how_many_were_done_so_far(question: str, only_held: bool) -> None:
    from rag.ordering import fitting_first
    from rag.query import analyse
    from rag.value_verbs import held_not_done

    held = _valued("Orlow Pump employs 410 people at its plant on Mill Road.", "410", "CARDINAL")
    hired = _valued("The company has brought on 85 workers at the Mill Road plant.", "85", "CARDINAL")
    assert held_not_done(analyse(question), held) is only_held
    if only_held:
        assert fitting_first([held, hired], analyse(question))[0] is hired


def test_a_firm_given_another_job_is_not_the_one_asked_about() -> None:
    """"Who won the plumbing bid?": a sentence of the roofing bid shares the word "bid" only."""
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.ordering import about_the_thing_asked
    from rag.query import analyse

    def about(text: str) -> bool:
        passage = Passage(passage_id="a", article_id="a", title="t", source="s", text=text, start=0,
                          end=len(text), entities=[])  # fmt: skip
        at = text.index("Harl")
        return about_the_thing_asked(Candidate(0, passage, 0, len(text), {}, [(at, at + 13, "ORG")]),
                                      analyse("Who won the plumbing bid for the Orby library?"))

    assert not about("The roofing bid went to Harl Dace Roof.")
    assert about("The plumbing bid went to Harl Dace Pipe.")


@pytest.mark.parametrize(("before", "sentence", "hired"), [
    # the award names no job of its own: the job of the article's own story
    ("The Orby sewer plant upgrade will take three years.", "Harl Dace Builders won the construction contract.", True),
    ("Work starts in May.", "The lowest of four bids came from Harl Dace Builders.", True),
    ("Work starts in May.", "The winning bid came from Harl Dace Builders.", True),
    # another thing to work on, named in the sentence before
    ("Crews will rebuild the Mill Street Bridge next year.", "Harl Dace Builders won the construction contract.",
     False),
    # another job, or another thing to work on
    ("Work starts in May.", "Harl Dace Builders won the paving contract.", False),
    ("Work starts in May.", "Harl Dace Builders won the contract to rebuild Mill Street Bridge.", False),
])  # fmt: skip
def test_a_firm_given_the_job_of_the_articles_story_is_the_one_hired(before: str, sentence: str, hired: bool) -> None:
    """"Which company is building the Orby plant upgrade?": "Harl Dace Builders won the construction contract"
    names neither the plant nor the upgrade, but no other job either, so it tells of the job the article is about
    (an article find_candidates has checked for the question's names)."""
    from rag.ordering import the_hired_firm
    from rag.query import analyse

    text = f"{before} {sentence}"
    firm = "Harl Dace Builders"
    entities = [(text.index(firm), text.index(firm) + len(firm), "ORG")]
    if "Mill Street Bridge" in text:  # (a thing a firm may be hired to work on)
        entities.append((text.index("Mill Street Bridge"), text.index("Mill Street Bridge") + 18, "FAC"))
    candidate = _named_in(text, firm, len(before) + 1, entities=entities)
    assert the_hired_firm(candidate, analyse("Which company is building the Orby plant upgrade?")) is hired


def test_a_recalled_figure_gives_way_to_the_same_thing_by_another_word(likeness: "WordLikeness") -> None:
    """"About 4,300 dead trout" counts the fish "How many fish died?" asks about, as "about 900 fish" does."""
    from rag.ordering import of_the_articles_own_time_first
    from rag.query import analyse

    text = "The 2012 spill killed about 900 fish. About 4,300 dead trout have been counted along Tallow Creek."
    value, split = _counts_of_a_2024_article(text), text.index("About 4,300")
    recalled, own = value("about 900", 0, split - 1, 0.3), value("About 4,300", split, len(text), 0.6)
    question = analyse("How many fish died in the Tallow Creek spill?")
    assert of_the_articles_own_time_first([recalled, own], question, likeness)[0] is own


def test_a_figure_the_question_names_tells_which_case_it_asks_of() -> None:
    """"What will the Orby levy cost the owner of a $300,000 house?": the sentence that gives the $300,000 home
    answers, not the levy's yearly total; a question naming no figure keeps the order."""
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.ordering import naming_the_questions_figure_first
    from rag.query import analyse

    text = ("The Orby levy will raise about $9.8 million a year. Orby's finance director spoke Monday. The owner of a "
            "$300,000 home will pay about $435 a year.")
    passage = Passage(passage_id="a", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                      entities=[])  # fmt: skip
    split = text.index("The owner")

    def value(sum_: str, start: int, end: int) -> Candidate:
        at = text.index(sum_)
        return Candidate(0, passage, start, end, {}, [(at, at + len(sum_), "MONEY")])

    total, home = value("about $9.8 million", 0, text.index(" Orby's")), value("about $435", split, len(text))
    question = analyse("What will the Orby levy cost the owner of a $300,000 house?")
    assert naming_the_questions_figure_first([total, home], question)[0] is home
    assert naming_the_questions_figure_first([total, home], analyse("What will the Orby levy cost?"))[0] is total


def test_the_act_told_in_a_participle_clause_is_done_by_the_subject_it_shares() -> None:
    """"Who won the Orby mayor race?": "Ada Renn ousted Mayor Tom Quell on Tuesday, winning 6,412 votes" makes
    Renn the winner, whom the parser's "winning" shares "ousted"'s subject with; another act keeps the order."""
    from rag.ordering import doer_of_the_act_aside_first
    from rag.query import analyse

    quell, renn = _values_of_one_sentence("Ada Renn ousted Mayor Tom Quell on Tuesday, winning 6,412 votes.", "PERSON",
                                          "Tom Quell", "Ada Renn")
    assert doer_of_the_act_aside_first([quell, renn], analyse("Who won the Orby mayor race?"))[0] is renn
    assert doer_of_the_act_aside_first([quell, renn], analyse("Who lost the Orby mayor race?"))[0] is quell


def _written_in_march_2024(text: str, value: str, label: str = "CARDINAL") -> "Candidate":
    """`_valued`, in an article dated 2024-03-28 (whose "last year" is 2023)."""
    candidate = _valued(text, value, label)
    candidate.passage = candidate.passage.model_copy(update={"published": "2024-03-28"})
    return candidate


@pytest.mark.parametrize(("question", "another"), [
    ("How many patients did the Orby clinic admit in 2022?", True),
    ("How many patients did the Orby clinic admit in 2023?", False),
    ("How many patients did the Orby clinic admit last year?", False),
])  # fmt: skip
def test_a_figure_of_last_year_is_of_the_year_before_its_articles(question: str, another: bool) -> None:
    """"It admitted 610 patients last year", in an article of March 2024, gives 2023's figure, not 2022's."""
    from rag.ordering import _given_for_another_time
    from rag.query import analyse

    candidate = _written_in_march_2024("The Orby clinic admitted 610 patients last year.", "610")
    assert _given_for_another_time(analyse(question), candidate) is another
    # "said that" opens no clause of another thing
    said = _written_in_march_2024("Officials said that last year 610 patients were admitted to the Orby clinic.", "610")
    assert _given_for_another_time(analyse(question), said) is another


@pytest.mark.parametrize(("text", "value"), [
    # the time of another thing after the value, of another verb's clause before it, or said from a year the
    # sentence names
    ("Orby raised its fire budget 8.4 percent over this year's spending.", "8.4 percent"),
    ("The Orby plant, which opened last year, employs 300 people.", "300"),
    ("In a 2019 report, the state said the Orby clinic turned away 300 ambulances last year.", "300"),
])  # fmt: skip
def test_last_year_is_not_resolved_where_it_may_be_another_things(text: str, value: str) -> None:
    from rag.ordering import _given_for_another_time
    from rag.query import analyse

    candidate = _written_in_march_2024(text, value, "PERCENT" if "percent" in value else "CARDINAL")
    question = "How many did Orby have in 2022?" if "percent" not in value else "By how much did Orby raise it in 2022?"
    assert not _given_for_another_time(analyse(question), candidate)


@pytest.mark.parametrize(("question", "first"), [
    ("Who did the audit of the Orby ambulance times?", "Halden & Quist"),
    ("Who put together the audit?", "Halden & Quist"),
    ("Who conducted the Orby audit?", "Halden & Quist"),
    ("Who saw the audit?", "the Orby Board of Selectmen"),  # not a maker's act: the order stays
    ("Who commissioned the audit?", "the Orby Board of Selectmen"),
    ("Which firm did the Orby audit?", "Halden & Quist"),
    ("Who did the Orby board hire?", "the Orby Board of Selectmen"),  # asks of the one hired, not a work's maker
])  # fmt: skip
def test_the_maker_of_the_work_asked_comes_first(question: str, first: str) -> None:
    """"Who did the audit?": the one the audit is "carried out by", not the board it was presented to."""
    from rag.ordering import maker_of_the_work_first
    from rag.query import analyse

    text = ("Ambulances are slower, according to an audit presented to the Orby Board of Selectmen on Monday. The "
            "audit, carried out by the consulting firm Halden & Quist for $41,000, reviewed 6,312 calls.")
    split = text.index("The audit")
    board = _named_in(text, "the Orby Board of Selectmen", 0, split - 1)
    firm = _named_in(text, "Halden & Quist", split)
    assert maker_of_the_work_first([board, firm], analyse(question))[0].answer_text() == first


@pytest.mark.parametrize(("question", "hired"), [
    ("Who is repaving Mill Street in Orby?", True),
    ("Who is going to pave Quarry Road in Orby?", False),  # another street's job, which the article also tells of
    ("Who is going to pave Orby Quarry Rd. this summer?", False),
    ("Who is repaving Orby Mill Street?", True),
    ("Who is repaving the streets in Orby?", True),  # no street named
])  # fmt: skip
def test_a_firm_given_the_work_on_another_street_is_not_the_one_asked(question: str, hired: bool) -> None:
    from rag.ordering import the_hired_firm
    from rag.query import analyse

    text = "Mill Street in Orby will be repaved this summer. The winning bid came from Harl Dace Paving."
    candidate = _named_in(text, "Harl Dace Paving", text.index("The winning"))
    assert the_hired_firm(candidate, analyse(question)) is hired


def test_the_one_who_orders_or_presents_a_work_is_not_its_maker() -> None:
    """"That study, commissioned by the Orby council, was conducted by Vance Associates": the council ordered it."""
    from rag.who_did_it import made_by

    text = "That study, commissioned by the Orby council, was conducted by Vance Associates."
    assert not made_by(_named_in(text, "the Orby council"), "study")
    assert made_by(_named_in(text, "Vance Associates"), "study")
    text = "The study, presented by Mayor Ada Lim on Monday, found 40 leaks."
    assert not made_by(_named_in(text, "Ada Lim"), "study")
    text = "A report by the city's emergency director, Ada Lim, found 40 leaks."
    assert made_by(_named_in(text, "Ada Lim"), "report")


def _named_in(text: str, name: str, start: int = 0, end: int | None = None,
              entities: Sequence[tuple[int, int, str]] = ()) -> "Candidate":  # fmt: skip
    """A candidate of the article `text` (with the entities the model is taken to have found) valued at `name` as an
    organisation, quoting text[start:end] (the whole article by default)."""
    from rag.candidate import Candidate
    from rag.models import Passage

    passage = Passage(passage_id="a", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                      entities=list(entities))  # fmt: skip
    at = text.index(name)
    return Candidate(0, passage, start, len(text) if end is None else end, {}, [(at, at + len(name), "ORG")])


@pytest.mark.parametrize(("before", "hired"), [
    ("Orby High will open its new stadium in August.", True),
    ("Orby will repave Mill Road in August.", False),  # the award names another thing worked on
    ("Tarn High will open its new stadium in August.", False),  # another school's stadium
])  # fmt: skip
def test_a_firm_given_the_job_in_another_article_is_the_one_hired_when_it_names_the_thing_worked_on(
    before: str, hired: bool
) -> None:
    """The best candidate comes from a story of the board's vote; the award is told in another article, ranked far
    down: it answers "Who is building the new stadium?" when it, or the sentence before, names the stadium."""
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.ordering import fitting_first
    from rag.query import analyse

    def named(article: str, text: str, name: str, start: int = 0) -> Candidate:
        passage = Passage(passage_id=article, article_id=article, title="t", source="s", text=text, start=0,
                          end=len(text))  # fmt: skip
        at = text.index(name)
        return Candidate(0, passage, start, len(text), {}, [(at, at + len(name), "ORG")])

    board = named("a", "The Orby school board voted 5-2 on Monday to raise ticket prices.", "The Orby school board")
    others = [named("a", f"The Orby Lions beat Tarn {n} to 3 on Friday.", "The Orby Lions") for n in range(20, 32)]
    text = f"{before} Stellbrook Builders won the construction contract in July with a bid of $13.2 million."
    award = named("b", text, "Stellbrook Builders", start=text.index("Stellbrook"))
    first = fitting_first([board, *others, award], analyse("Who is building the new stadium at Orby High?"))[0]
    assert (first is award) is hired


@pytest.mark.parametrize(("question", "text", "value", "check"), [
    ("When did the Orby pool stop taking swimmers?", "The Orby pool will start taking swimmers on June 1.", "June 1",
     "done_the_other_way"),
    ("When did the Orby pool start taking swimmers?", "The Orby pool started taking swimmers on June 1.", "June 1",
     None),
])  # fmt: skip
def test_the_check_that_finds_a_value_of_something_else_is_named(question: str, text: str, value: str,
                                                                  check: str | None) -> None:  # fmt: skip
    """`rag eval funnel` says which rule dropped a right answer: the first check that finds it of something else."""
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.ordering import something_else_check
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = Passage(passage_id="p", article_id="a", title="t", source="s", text=text, start=0, end=len(text))
    at = text.index(value)
    candidate = Candidate(0, passage, 0, len(text), {}, [(at, at + len(value), "DATE")])
    assert something_else_check(candidate, analyse(question), SAME_WORD_ONLY) == check


_FERRY_NOW = "Tarrow ferry riders will pay $9 a trip starting May 1, up from $7.50."


@pytest.mark.parametrize(("question", "text", "value", "another"), [
    ("What did a Tarrow ferry ticket cost before the 2017 fare increase?", _FERRY_NOW, "$7.50", True),
    ("What did a Tarrow ferry ticket cost before 2017?", _FERRY_NOW, "$7.50", True),
    ("How much was a Tarrow ferry ticket before the fare was changed in 2017?", _FERRY_NOW, "$7.50", True),
    # the figure told with that year, or an earlier one
    ("What did a Tarrow ferry ticket cost before the 2017 fare increase?", "Until the 2017 increase, a Tarrow ferry "
     "ticket cost $6.", "$6", False),
    ("What did a Tarrow ferry ticket cost before the 2017 fare increase?", "In 2015, a Tarrow ferry ticket cost $6.",
     "$6", False),
    # the article's own year's change, and a question that asks of no time before a year
    ("What did a Tarrow ferry ticket cost before the 2024 fare increase?", _FERRY_NOW, "$7.50", False),
    ("What did a Tarrow ferry ticket cost in 2023?", _FERRY_NOW, "$7.50", False),
])  # fmt: skip
def test_a_figure_from_before_a_year_is_told_with_that_year_or_an_earlier_one(question: str, text: str, value: str,
                                                                            another: bool) -> None:  # fmt: skip
    """"What was the fare before the 2017 increase?": "up from $7.50" in an article of March 2024 is the fare before
    this year's increase, years after 2017."""
    from rag.ordering import _given_for_another_time
    from rag.query import analyse

    candidate = _written_in_march_2024(text, value, "MONEY")
    assert _given_for_another_time(analyse(question), candidate) is another


def test_the_year_a_figure_is_from_before_may_be_told_in_the_sentence_before() -> None:
    from rag.candidate import Candidate
    from rag.ordering import _given_for_another_time
    from rag.query import analyse

    text = "Tarrow last raised its ferry fare in 2017. Before that, a ticket cost $6."
    passage = _written_in_march_2024(text, "$6", "MONEY").passage
    at = text.index("$6")
    candidate = Candidate(0, passage, text.index("Before"), len(text), {}, [(at, at + 2, "MONEY")])
    question = "What did a Tarrow ferry ticket cost before the 2017 fare increase?"
    assert not _given_for_another_time(analyse(question), candidate)
    assert _given_for_another_time(analyse(question.replace("2017", "2012")), candidate)


@pytest.mark.parametrize(("question", "text", "another"), [
    ("How much did the 2019 Tarrow landfill expansion cost?", "The Tarrow landfill expansion will cost $14.6 "
     "million.", True),
    ("How much did the Tarrow landfill expansion cost back in 2019?", "The Tarrow landfill expansion cost $14.6 "
     "million.", True),
    # the year told with the figure, and a year as near its article's as the last
    ("How much did the 2019 Tarrow landfill expansion cost?", "The 2019 Tarrow landfill expansion cost $14.6 "
     "million.", False),
    ("How much did the 2023 Tarrow landfill expansion cost?", "The Tarrow landfill expansion cost $14.6 million.",
     False),
    ("How much will the Tarrow landfill expansion cost?", "The Tarrow landfill expansion will cost $14.6 million.",
     False),
])  # fmt: skip
def test_a_figure_of_a_year_long_before_its_article_is_told_with_that_year(question: str, text: str,
                                                                         another: bool) -> None:  # fmt: skip
    """In an article of March 2024, "will cost $14.6 million" is this expansion's cost, not the 2019 one's."""
    from rag.ordering import _given_for_another_time
    from rag.query import analyse

    candidate = _written_in_march_2024(text, "$14.6 million", "MONEY")
    assert _given_for_another_time(analyse(question), candidate) is another
