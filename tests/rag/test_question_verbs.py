"""The verb a question asks about (rag.question_verbs), on questions written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("question", "not_the_verb"),
    [
        # the tagger takes an unfamiliar name for a verb ("Wexling" -> "wexl")
        ("How many miles did the Wexling tornado cover?", "Wexling"),
        # "according to" names a source, it is not what was done
        ("What kinds of weapons were among the deliveries that were put on hold, according to the Tellbury Star?",
         "according"),
    ],
)
def test_a_name_or_according_to_is_never_the_question_verb(question: str, not_the_verb: str) -> None:
    from index.nlp import parse

    token = next(t for t in parse(question) if t.text == not_the_verb)
    assert token.pos_ == "VERB"  # what the tagger makes of it, and what the question's verb must not be
    assert analyse(question).predicate != token.lemma_.casefold()


def test_the_describing_verbs_of_the_thing_a_name_is_asked_for() -> None:
    assert analyse("What is the name of the firm that will close the Orlow plant?").focus_verb_forms == ("close",)
    assert set(analyse("What is the name of the group that bought the Orlow mill?").focus_verb_forms) >= {"buy",
                                                                                                        "bought"}
    assert analyse("What is the name of the Orlow bakery?").focus_verb_forms == ()


def test_the_main_verb_and_its_irregular_forms_come_from_the_model() -> None:
    analysis = analyse("How many customers lost power after the ice storm?")
    assert analysis.predicate == "lose" and "lost" in analysis.predicate_forms
    assert analyse("How big is the budget?").predicate is None


@pytest.mark.parametrize(
    ("question", "predicate"),
    [
        # a bare verb after a long name, which the small model takes for a noun of the name
        ("How many drivers did the Corvale Unified School District hire in May?", "hire"),
        ("How many dogs did the Lanford County Animal Shelter place in homes last year?", "place"),
        ("How many stores will Corvale Creek Outfitters open next year?", "open"),
        ("When did the Harrow Point cannery in Lanford reopen?", "reopen"),
        # at the end after "the" and a name, a verb that is also a stop word
        ("How many tickets did the Corvale Fair sell?", "sell"),
        ("How many hours did the Lanford power outage last?", "last"),
        # not the noun ending a phrase of the verb, nor a word after a linking verb, nor a linking verb
        ("What EF rating did the tornado that hit Corvale Plaza get?", None),
        ("How much rent will Corvale Cold Storage pay for its space in the old Lanford mill?", "pay"),
        ("Did Corvale get the state lead-line grant it applied for?", None),
        ("How many beds does the Lanford hospital have?", None),
    ],
)
def test_the_question_verb_after_a_long_name(question: str, predicate: str | None) -> None:
    assert analyse(question).predicate == predicate


@pytest.mark.parametrize(
    ("question", "asked", "not_asked"),
    [
        # "get" meaning "receive" is asked about; the grant's relative clause is no question
        ("Did the Harwick council get the state grant it applied for?", {"get", "got"}, {"apply"}),
        # a clause on the verb, or a preposition's gerund, only says which arrest or which vote
        ("Has anyone been arrested for selling the stolen bikes in Harwick?", {"arrest"}, {"sell", "selling"}),
        ("Did the Harwick council raise fares after riders complained?", {"raise"}, {"complain", "complained"}),
        # the written form too, where the lemmatiser errs
        ("Did the Harwick Paving Co. get fined over the potholes?", {"fined"}, {"get"}),
    ],
)  # fmt: skip
def test_a_yes_no_question_asks_whether_its_main_verbs_happened(question: str, asked: set[str], not_asked: set[str]) -> None:
    forms = set(analyse(question).asked_verb_forms)
    assert asked <= forms
    assert not (not_asked & forms)


@pytest.mark.parametrize(
    "question", ["Was the Harwick pool safe to swim in?", "How many buses did Harwick buy?", "Who fined Harwick Paving?"]
)
def test_only_a_yes_no_question_on_a_verb_has_verbs_asked_about(question: str) -> None:
    assert analyse(question).asked_verb_forms == ()


@pytest.mark.parametrize(("question", "meant"), [
    ("Who is taking over from Ada Lim at the Orby shelter?", "succeed"),
    ("Why did the Orby fire chief step down?", "resign"),
    ("Who took the Orby ambulance contract?", None),  # no phrasal verb
])  # fmt: skip
def test_a_phrasal_verb_asks_of_the_one_verb_it_means_too(question: str, meant: str | None) -> None:
    """"Who is taking over from Ada Lim?" may be told by "succeed" as well as by "take over" (the verb stays the
    question's own: "go up" of a bridge is no rise)."""
    from rag.query import analyse

    analysis = analyse(question)
    assert analysis.predicate in analysis.predicate_forms
    assert (meant in analysis.predicate_forms) if meant else analysis.predicate_forms == ("take", "taken", "took")


@pytest.mark.parametrize(
    ("question", "predicate"),
    [
        # a participle before a noun describes it; the verb asked of is the one the parser hangs on the subject
        ("When is the Tarnby library board holding its hearing about the failed levy?", "hold"),
        ("Where is the Orby club holding its meeting on the stalled project?", "hold"),
        # a participle that is the question's only verb is still asked of
        ("How much is the proposed levy?", "propose"),
    ],
)
def test_a_participle_describing_a_noun_is_not_the_question_verb(question: str, predicate: str) -> None:
    assert analyse(question).predicate == predicate


def test_going_missing_asks_of_no_doing_but_going_sledding_does() -> None:
    assert "missing" not in analyse("Did the Orby hikers go missing?").asked_verb_forms
    assert "sledding" in analyse("Can people still go sledding on Tarn Hill while the park is closed?").asked_verb_forms


@pytest.mark.parametrize(("question", "predicate"), [
    ("Why did the Orlow mill lay off 40 workers?", "lay"),
    ("Why did the Orlow mill cut 40 jobs?", "cut"),
    ("When did the Orlow mill close?", "close"),
    # a past written after "did" is still read by its lemma
    ("Why did the Orlow council approved the levy?", "approve"),
])  # fmt: skip
def test_the_plain_form_after_did_is_the_question_verb(question: str, predicate: str) -> None:
    """The tagger may take "lay" after "did" for the past of "lie"; "did" says it is the plain form."""
    from rag.query import analyse

    assert analyse(question).predicate == predicate
