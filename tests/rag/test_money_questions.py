"""Questions that ask for a sum of money (rag.money_questions), on questions written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("question", "answer_type", "focus"),
    [
        # price questions, however the parser joins them
        ("What does a night at the Tarnby Inn cost in the summer?", "money", None),
        ("so what does a one-way ticket on the Tarnby ferry cost since the fare increase?", "money", "ticket"),
        ("What are the Tarnby lifeguards paid this summer?", "money", None),
        ("What will the Pell County school district pay Brasswick Coaches under its new bus contract?", "money", None),
        ("What's Pell County paying the engineers to inspect the bridge?", "money", None),
        ("what does a starting welder make an hour at the Tarnby boatyard?", "money", None),
        ("so what's tuition at Tarnby Community College going to be next fall?", "money", "tuition"),
        # no price asked: a thing paid for, a thing made, a noun the verb's form only modifies
        ("What will the Tarnby grant pay for?", "description", None),
        ("What does the Tarnby boatyard actually make?", "description", None),
        ("What did the Pell County council decide about pay raises for deputies?", "description", None),
        # a clause the parser hangs on "be" is no verb of its own
        ("What was the Tarnby bus line's on-time rate before the Elm Street bridge closed?", "percent", "rate"),
        ("What does a ticket on the Tarnby ferry cost?", "money", None),
        ("What will the Elm Street bridge repairs cost taxpayers?", "money", None),
        ("What's the new Elm Street bridge going to cost?", "money", None),
        ("What is Pell County paying for the land?", "money", None),
        ("What were the Tarnby miners paid in 1920?", "money", None),
        # another verb comes first, the price word is a noun, or what is earned or paid for is asked
        ("What did the Tarnby council do to pay for the repairs?", "description", None),
        ("What will happen to the Tarnby workers who were paid late?", "description", None),
        ("What did the Tarnby mayor earn praise for?", "description", None),
        ("What did the suspect pay for with the stolen card?", "description", None),
        ("What is the Tarnby suspect charged with?", "description", None),
        ("What are licensed pilots paid on the Tarnby ferry?", "money", None),  # a participle before its noun
        ("What does the Tarnby mill make each year?", "description", None),
        ("What is included in the rent at the Tarnby lofts?", "description", None),
        ("What was decided about the Tarnby ferry fare?", "description", None),
    ],
)
def test_what_a_what_question_asks_for_when_the_parser_errs(question: str, answer_type: str, focus: str | None) -> None:
    analysis = analyse(question)
    assert analysis.answer_type == answer_type
    if focus is not None:
        assert analysis.focus == focus


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("What did the architect estimate the repairs would cost?", "money"),
        ("What will the county pay for the new plow?", "money"),
        ("What did the city spend the grant on?", "description"),
        ("How much were the two library bonds each worth?", "money"),
        ("What happened to the library budget?", "description"),
        # nouns that name a sum: "how much" about them asks for money, not for some other quantity
        ("By how much will a Tarnby household's monthly water bill go up?", "money"),
        ("How much is the bus fare from Tarnby to Oxley?", "money"),
        ("How much snow fell on Tarnby?", "quantity"),
        # a noun with a sense other than money asks for a sum only when "how much" asks about it
        ("How much rain fell on Tarnby after the flood bill was signed?", "quantity"),
        ("How much support does the Tarnby housing bill have?", "quantity"),
        ("How much silt was deposited in Tarnby harbour?", "quantity"),
        # news counts the dead by a toll; an amount question takes a bridge toll's sum too
        ("How high is the death toll in Tarnby?", "quantity"),
        ("How much has the Tarnby storm death toll climbed?", "quantity"),
        ("How much will the bridge toll rise?", "quantity"),
        # a bare "how much" on a verb of paying, selling or saving asks for a sum; on other verbs it need not
        ("How much did the Pellow Bakery sell for?", "money"),
        ("How much did each partner invest in the Orlow plant?", "money"),
        ("How much did the state reimburse the Tarnby schools?", "money"),
        ("How much did the state end up reimbursing Tarnby?", "money"),  # the verb "end up" goes on to
        ("How much did the Tarnby river end up rising?", "quantity"),
        # "get", "make", "lose" measure other things as often ("How much did Orlow get?": 14 inches of snow)
        ("How much did the Tarnby farm get on Sunday?", "quantity"),
        ("How much did the Tarnby reservoir lose over the summer?", "quantity"),
        ("How much will Tarnby save by merging its jails?", "money"),
        ("How much rain did Tarnby get?", "quantity"),
        ("How much did the Tarnby council raise taxes?", "quantity"),
        # ... but what is got for something sold or for a thing is a sum
        ("How much will Tarnby get from selling its old plows?", "money"),
        ("How much did the Tarnby farm get for its old barn?", "money"),
        # a size asked of a sum of money is a sum
        ("How big a fine did the Tarnby dairy get?", "money"),
        ("How large a raise in pay did the Tarnby teachers win?", "quantity"),
        ("How big was the Tarnby flood?", "quantity"),
        # what is collected for someone may be anything
        ("How much did the Tarnby students collect for the food pantry?", "quantity"),
        # "much" the parser hangs on the "is" or "was" of a progressive or a "going to"; a sum "put toward" a cost
        ("How much was Ola Brand going to get from Velt Solar for her land?", "money"),
        ("How much is the village of Tarnby putting toward the new pool?", "money"),
        ("How much snow is Tarnby going to get?", "quantity"),
        ("How much is the Tarnby river going to rise?", "quantity"),
        # what a thing went for is what it sold for; going up is no sale
        ("How much did the old Tarnby mill go for?", "money"),
        ("How much did the Tarnby river go up?", "quantity"),
        # the lemmatizer cuts "fined" to "fin": it is still a verb of money
        ("How much was the Tarnby dairy fined?", "money"),
    ],
)
def test_a_verb_of_money_asks_for_a_sum(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("How much is the Selbourne library spending on its new van?", "money"),
        ("How much is Selbourne borrowing for the new jail?", "money"),
        ("How much snow is falling on Selbourne?", "quantity"),
    ],
)
def test_how_much_with_a_gerund_of_money_asks_for_a_sum(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        # a noun for a sum paid asks for the sum
        ("What's the one-way fare on the Tressan ferry?", "money"),
        ("What salary will the new Tressan city manager get?", "money"),
        ("What is the average hourly wage at the Tressan plant?", "money"),
        ("What rent will the Tressan apartments charge?", "money"),
        # a verb of paying with the one paid as a second object
        ("What did Tressan pay its last fire chief?", "money"),
        ("What did the engineering firm charge Tressan to design the seawall?", "money"),
        # what the money goes to is no sum
        ("What did the Tressan council spend the grant on?", "description"),
        ("What is the Tressan levy for?", "description"),
    ],
)  # fmt: skip
def test_a_question_about_a_sum_paid_asks_for_money(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("How much will a monthly pass at the Selbourne garage run me?", "money"),
        ("How much would the Selbourne ferry trip set us back?", "money"),
        ("How much water will the Selbourne plant run through?", "quantity"),  # no one charged
    ],
)
def test_how_much_something_runs_or_sets_someone_back_asks_for_a_sum(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(
    "question",
    [
        "How much further will the Selbourne bus run them past Elder Cross?",
        "How much did the storm set them back in the race to Selbourne?",
        "How much will the new law set us back in the standings?",
    ],
)
def test_ground_lost_or_distance_run_is_no_sum(question: str) -> None:
    """"set us back in the standings", "run them past Elder Cross": no price, whatever the pronoun."""
    assert analyse(question).answer_type != "money"


@pytest.mark.parametrize(("question", "answer_type"), [
    ("How much did the Tarnby hospice gala raise?", "money"),  # raised with no object of its own: funds
    ("how much will the Orlow sales tax raise each year?", "money"),
    ("How much is Pell Savings Bank chipping in for the fireworks?", "money"),
    ("How much did Orlow County set aside for paving?", "money"),
    ("How much did the losing bidder offer for the Orlow radio system?", "money"),
    ("How much did the Tarnby clerk steal?", "money"),
    ("How much did the Orlow foundation give the library?", "money"),
    ("How much will the Orlow levy bring in?", "money"),
    ("How much did the water level rise?", "quantity"),
    ("How much did the storm bring to the Tarnby valley?", "quantity"),  # "bring" alone: rain as well as money
    ("How much did the Orby school board offer its staff?", "quantity"),  # a raise may be a share; offered for: a sum
    ("How much snow did the storm dump on Tarnby?", "quantity"),
    # what someone makes is pay; what a plant makes may be its output
    ("How much do new hires make per hour at the Orlow bakery?", "money"),
    ("How much does the Tarnby town clerk make?", "money"),
    ("How much does the Orlow paper plant make a year?", "quantity"),
    ("How much of a difference did the new Orlow mayor make?", "quantity"),  # no pay
    # a sum promised or committed toward a cost, as one put toward it
    ("How much have Tarnby businesses promised toward the new park?", "money"),
    ("How much is the Orlow mill committing toward the new park?", "money"),
])
def test_how_much_on_a_verb_of_giving_or_raising_money_asks_for_a_sum(question: str, answer_type: str) -> None:
    from rag.query import analyse

    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(("question", "answer_type"), [
    ("How much was the second-lowest bid for the Tarnby pool?", "money"),  # a bid or an offer is a sum
    ("How much is Orlow County asking the state for to fix the dam?", "money"),  # a sum asked for
    ("How much is the Pell family asking for the farm?", "money"),
    ("How much did the Tarnby district seek in damages?", "money"),
    ("How much help is the town asking for?", "quantity"),  # help asked for, not a sum
    ("How much did the river rise overnight in Tarnby?", "quantity"),
])
def test_how_much_of_a_bid_an_offer_or_a_sum_asked_for_asks_for_a_sum(question: str, answer_type: str) -> None:
    from rag.query import analyse

    assert analyse(question).answer_type == answer_type
