"""The constraints a question sets (rag.question_constraints), on questions written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse
from rag.text import normalise, words
from tests.rag.constraint_helpers import kinds


def test_constraints_name_places_years_ranges_dates_and_identifiers() -> None:
    found = kinds("How large a budget did Brantley approve for 2009-2010 under Ordinance Quillport042 on July 3?")
    assert found["2009-2010"] == "year_range"
    assert found["Quillport042"] == "identifier"
    assert found["Brantley"] == "name"
    assert "july 3" in {normalise(t) for t, k in found.items() if k == "date"}
    assert kinds("What did Resolution 2024-17 change?")["2024-17"] == "identifier"
    assert kinds("How many homes were damaged in Scott County in 2024?") == {"Scott County": "name", "2024": "year"}


def test_a_month_or_weekday_alone_is_no_name_to_look_for() -> None:
    """"the January storm" is a time, which articles write as "Jan. 11" or "last weekend": no constraint."""
    assert kinds("How many houses in Tarnby County were damaged by the January nor'easter?") == {"Tarnby County": "name"}
    assert kinds("What did the Tarnby County board decide on Thursday?") == {"Tarnby County": "name"}


def test_a_publisher_named_as_the_source_is_no_constraint_but_a_place_sharing_its_words_is() -> None:
    publishers = frozenset({"pell county courier", "courier", "pcc"})
    assert kinds("What did the Pell County Courier report about the hail?", publishers) == {}
    assert kinds("How many farms lost roofs in Pell County?", publishers) == {"Pell County": "name"}


def test_unfamiliar_town_names_tagged_as_peoples_are_constraints_but_demonyms_are_not() -> None:
    assert kinds("How big is the Corliss village budget?") == {"Corliss": "name"}
    assert kinds("What did Canadian officials say about the fires?") == {}


def test_names_joined_by_and_are_alternatives() -> None:
    constraints = analyse("What were the Tolliver County and Greer County bonds worth?").constraints
    groups = {c.alternatives for c in constraints}
    assert len(constraints) == 2 and len(groups) == 1 and None not in groups


@pytest.mark.parametrize("question", [
    "How long did the meeting between Mayor Dolan and Chief Arvidsson last?",
    "When did Dolan and Arvidsson sign the agreement?",
    "What did the council agree with Harlow and Brightwater?",
])  # fmt: skip
def test_names_acting_together_are_not_alternatives(question: str) -> None:
    assert [c.alternatives for c in analyse(question).constraints if c.kind == "name"] == [None, None]


def test_two_years_in_one_question_are_alternatives() -> None:
    constraints = analyse("What were the budgets for 2023-2024 and for 2024-2025?").constraints
    assert [c.kind for c in constraints] == ["year_range", "year_range"]
    assert constraints[0].alternatives == constraints[1].alternatives is not None


def test_each_makes_joint_subjects_separate_questions() -> None:
    apart = analyse("How many votes did Ashby and Corliss each get?")
    assert [c.alternatives is not None for c in apart.constraints] == [True, True]
    together = analyse("When did Ashby and Corliss sign the merger?")
    assert all(c.alternatives is None for c in together.constraints)


@pytest.mark.parametrize(("question", "common_noun"), [
    ("which school board member voted against the new Pellwick attendance lines", "school board"),
    ("Who runs the marina that wants to add 80 slips in Tarnby?", "marina"),
])  # fmt: skip
def test_a_lowercase_phrase_tagged_as_a_name_is_no_constraint_where_names_are_capitalised(
    question: str, common_noun: str
) -> None:
    """The model tags common nouns as names now and then; articles word them otherwise ("the Pellwick board")."""
    from index.nlp import parse

    assert common_noun in {e.text for e in parse(question).ents}  # what the model makes of it
    names = {c.text for c in analyse(question).constraints if c.kind == "name"}
    assert common_noun not in names and names  # the capitalised name stays


def test_a_name_given_with_a_noun_for_an_institution_is_its_capitalised_words_near_that_noun() -> None:
    from spacy.tokens import Span

    from index.nlp import parse
    from rag.question_constraints import _name_constraints

    def found(question: str, first: int, end: int, label: str = "ORG") -> list[tuple[tuple[str, ...], tuple]]:
        doc = parse(question)
        return [(c.keys, c.near) for c in _name_constraints(Span(doc, first, end, label=label), frozenset(), set(),
                                                             True)]  # fmt: skip

    # "the Pellwick school board": the articles may say "Pellwick Public Schools" or "the Pellwick Board of Education"
    assert found("Which company won the bus contract from the Pellwick school board?", 7, 11) == [
        (("pellwick",), ("school", "board"))
    ]
    # names joined by "and" before such a noun are each the institution's, near that noun
    assert found("Who leads the merged Tarnby and Orrin Bay fire district?", 4, 10) == [
        (("tarnby",), ("fire", "district")), (("orrin bay",), ("fire", "district"))
    ]
    # "and" in a name without such a noun, and other lowercase words, may be part of the name: it stays whole
    assert found("When did Tarnby and Orrin open the plant?", 2, 5) == [(("tarnby and orrin",), ())]
    assert found("How many volunteers did the red cross send to Dunning?", 4, 7) == [(("red cross",), ())]
    # a lowercase joiner inside a name written in capitals stays part of it
    assert found("How much did the Bank of Orrick lend?", 4, 7) == [(("bank of orrick",), ())]
    # "the" before a name is left out; inside one it stays ("Friends of the Orrick Library")
    assert found("How much did the Friends of the Orrick Library raise?", 3, 9) == [
        (("friends of the orrick library",), ())
    ]
    # a person's name is looked for by its surname, however its particles are written
    assert found("What did Anneke van der Molen say about the dike?", 2, 6, "PERSON") == [(("molen",), ())]


@pytest.mark.parametrize(("text", "holds"), [
    ("The joint department formed by Tarnby police and Orlow police has 38 officers.", True),
    ("Tarnby and Orlow police merged last year.", True),
    # each town's own police, sentences apart: no joint force
    ("Tarnby police have 21 officers. Orlow police have 17 officers.", False),
])  # fmt: skip
def test_names_joined_before_an_institution_noun_hold_only_beside_each_other(text: str, holds: bool) -> None:
    """"the joint Tarnby and Orlow police department": each name near "police", and the two names together."""
    from spacy.tokens import Span

    from index.nlp import parse
    from rag.question_constraints import _name_constraints

    doc = parse("How many officers does the joint Tarnby and Orlow police department have?")
    constraints = _name_constraints(Span(doc, 6, 10, label="ORG"), frozenset(), set(), True)
    assert [(c.keys, c.near) for c in constraints] == [(("tarnby",), ("police",)), (("orlow",), ("police",))]
    assert all(c.holds_in(normalise(text), set(words(text))) for c in constraints) is holds


def test_a_question_written_all_in_lowercase_or_in_capitals_keeps_its_name_constraints() -> None:
    from spacy.tokens import Span

    from index.nlp import parse
    from rag.question_constraints import _name_constraints, _writes_names_capitalised

    assert not _writes_names_capitalised(parse("who runs the marina in tarnby?"))
    assert not _writes_names_capitalised(parse("WHO RUNS THE MARINA IN TARNBY?"))
    # a weekday, a month or an acronym is capitalised however the writer writes names
    assert not _writes_names_capitalised(parse("how did the wexley city council vote on Monday, per FEMA?"))
    assert _writes_names_capitalised(parse("who runs the marina in Tarnby?"))
    doc = parse("who runs the tarnby marina?")
    assert [c.keys for c in _name_constraints(Span(doc, 3, 5, label="FAC"), frozenset(), set(), False)] == [
        ("tarnby marina",)
    ]


@pytest.mark.parametrize(("question", "kind", "keys"), [
    ("How many voters are registered in Precinct 7?", "numbered", ("precinct", "7")),
    ("Who represents Ward 3B?", "numbered", ("ward", "3b")),
    ("When was Tarnby's Well No. 2 drilled?", "numbered", ("well", "2")),  # the parser reads "Well" as a word alone
    ("Who owns Lot Number 14?", "numbered", ("lot", "14")),
    ("Lock 13 tonnage last year?", "numbered", ("lock", "13")),  # a question typed as a phrase
    ("Who won the Tarnby 10K?", "name", ("tarnby",)),
])  # fmt: skip
def test_a_name_with_its_number_is_one_constraint(question: str, kind: str, keys: tuple[str, ...]) -> None:
    assert (kind, keys) in [(c.kind, c.keys) for c in analyse(question).constraints]


@pytest.mark.parametrize(("question", "keys"), [
    # a one-word owner and a name of its own, which the model tags as one name: two names
    ("What street is Tallowford's Orpheum Theater on?", {("tallowford",), ("orpheum theater",)}),
    # one name with a possessive in it
    ("Who runs St. Mary's Hospital?", {("mary hospital",)}),
])
def test_a_town_and_the_name_it_owns_are_two_constraints(question: str, keys: set[tuple[str, ...]]) -> None:
    from rag.query import analyse

    assert {c.keys for c in analyse(question).constraints if c.kind == "name"} == keys


def test_an_acronym_in_a_name_is_left_out_of_its_key() -> None:
    """"Brackett's Commons TIF district", which its article writes "tax-increment financing": the names are
    "Brackett" and "Commons"."""
    from rag.query import analyse

    keys = {c.keys for c in analyse("How many years does Brackett's Commons TIF district run?").constraints}
    assert keys == {("brackett",), ("commons",)}


@pytest.mark.parametrize(("question", "words"), [
    ("How much money did the 2024 Orby Lantern Walk raise?", "2024 Orby Lantern Walk"),
    ("What were the dates of the 2023 Velt County Fair?", "2023 Velt County Fair"),
])  # fmt: skip
def test_a_year_before_a_name_is_a_constraint_of_its_own_not_part_of_the_name(question: str, words: str) -> None:
    """"the 2024 Orby Lantern Walk" is written "this year's Orby Lantern Walk" or "The 2024 walk" as often as in
    full: the name holds without the year (which the model tags into the name now and then), and the year holds
    on its own."""
    from spacy.tokens import Span

    from index.nlp import parse
    from rag.question_constraints import _name_constraints

    doc = parse(question)
    first = next(t.i for t in doc if t.text == words.split()[0])
    name = Span(doc, first, first + len(words.split()), label="EVENT")
    assert [c.keys for c in _name_constraints(name, frozenset(), set(), True)] == [(words.lower().split(" ", 1)[1],)]
    assert any(c.kind == "year" for c in analyse(question).constraints)


def test_a_house_number_like_a_year_stays_in_its_address() -> None:
    """"the building at 2024 Harbor Boulevard": a number before a street's name is its house number, no year."""
    keys = [c.keys for c in analyse("Who bought the building at 2024 Harbor Boulevard in Orby?").constraints]
    assert ("2024 harbor boulevard",) in keys


def test_a_services_number_after_a_places_name_is_no_part_of_the_name() -> None:
    """"the Tarnby County 911 center", which the model tags whole, is written "Tarnby County's consolidated
    911 center" in the article."""
    from index.terms import words
    from rag.text import normalise

    question = "How many people work at the Tarnby County 911 center?"
    county = next(c for c in analyse(question).constraints if c.kind == "name")
    assert county.keys == ("tarnby county",)
    text = "Tarnby County's consolidated 911 center opened on Monday with 58 dispatchers."
    assert county.holds_in(normalise(text), set(words(text)))
