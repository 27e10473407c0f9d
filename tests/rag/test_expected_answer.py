"""The answer type and focus a question asks for (rag.expected_answer), on questions written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("question", "answer_type", "focus"),
    [
        ("Who chairs the Pell County planning board?", "person", None),
        ("Whom did the board hire as its new treasurer?", "person", None),
        ("Where did the hailstorm do the most damage?", "place", "hailstorm"),
        ("When will the new library open?", "date", "library"),
        ("On what day did the bridge reopen?", "date", "day"),
        ("How long did the power outage last?", "duration", "outage"),
        ("How many homes lost power in Alder Springs?", "count", "home"),
        ("How many times has the council delayed the vote?", "count", "time"),
        # the parser hangs "many" on the possessor: what is counted is what it owns
        ("How many Legionnaires' disease cases were traced to the Orlby pool?", "count", "case"),
        ("How many children's books did the Tarnby library buy?", "count", "book"),
        ("How many of the farmers' tractors were damaged?", "count", "tractor"),
        # or on a word of a name before it
        ("How many Kerrow Mills customers lost power in the storm?", "count", "customer"),
        # (not a common noun the parser hangs on another: "spots" here, not "downtown")
        ("How many metered spots downtown does the Orby parking plan cover?", "count", "spot"),
        ("How much money did the county borrow?", "money", "money"),
        ("How much state aid did Tarnby get after the flood?", "money", "aid"),  # aid, a reimbursement: sums
        ("How much federal reimbursement did the county get?", "money", "reimbursement"),
        ("How much did the new fire truck cost?", "money", None),
        ("What percentage of voters backed the levy?", "percent", "voter"),
        ("How big is the Brantley school district's budget?", "money", "budget"),
        ("Why did the mayor veto the ordinance?", "reason", "mayor"),
        ("What did the sheriff say about the curfew?", "quote", "sheriff"),
        ("Did the council approve the levy?", "yes_no", "council"),
        # a clause of time after it says when, and asks nothing; what was said may ask it
        ("Was anybody hurt when the Orby roof fell in?", "yes_no", None),
        ("Did the Tarnby mayor say when the park will reopen?", "date", None),
        ("Has the Orby board decided when the vote will be held?", "date", None),
        ("Is it known when the Tarnby bridge will reopen?", "date", None),
        ("Which roads were closed by the flood?", "list", "road"),
        ("Who is Dana Pruett?", "description", None),
        ("What is the town's plan for the old mill?", "description", "plan"),
    ],
)
def test_answer_type_and_focus_come_from_the_parse(question: str, answer_type: str, focus: str | None) -> None:
    analysis = analyse(question)
    assert analysis.answer_type == answer_type
    if focus is not None:
        assert analysis.focus == focus


def test_a_what_noun_is_one_in_the_question_words_phrase() -> None:
    """"What does a year at Tarnby College cost?" parsed with "What" on "year" asks no "what year"."""
    assert analyse("What does a year at Tarnby Community College cost in tuition?").answer_type != "date"
    assert analyse("What year did Tarnby Community College open?").answer_type == "date"
    assert analyse("How much damage did the storm do in Tarnby County?").answer_type == "money"


@pytest.mark.parametrize(
    ("question", "focus", "asked"),
    [
        ("Which Pell County commissioners voted against the levy?", "commissioner", True),
        ("What company bought the Tarnby grain elevator?", "company", True),
        ("What kind of store will open in the old Tarnby bank?", "store", True),
        ("Which of the Pell County commissioners voted against the levy?", "commissioner", True),
        # what "be" says something is, which a name does not tell
        ("What is the plan for the old Tarnby school?", "plan", False),
        ("In which township did the Pell County fire start?", "township", True),
        # the noun is who the question is about, not what it asks for
        ("What did the Pell County commissioners say about the levy?", "commissioner", False),
        ("What will the new owners do with the Tarnby grain elevator?", "owner", False),
        ("What's Pell County paying the engineers to inspect the bridge?", None, False),  # "is paying"
    ],
)
def test_whether_the_focus_is_the_kind_of_thing_asked_for(question: str, focus: str | None, asked: bool) -> None:
    analysis = analyse(question)
    if focus is not None:
        assert analysis.focus == focus
    assert analysis.focus_asked is asked


def test_a_question_word_the_parser_left_on_its_preposition_still_asks_for_the_noun_after_it() -> None:
    """"Security at which depot was he watching?" parsed with "which" as the object of "at" and "depot" beside it:
    the noun that ends the question word's phrase is what is asked for."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from rag.expected_answer import _focus_asked, _phrase_noun, _what_type

    words = ["Security", "at", "which", "depot", "was", "he", "watching", "?"]
    heads = [6, 4, 1, 1, 6, 6, 6, 6]
    deps = ["nsubj", "prep", "pobj", "pobj", "aux", "nsubj", "ROOT", "punct"]
    pos = ["NOUN", "ADP", "PRON", "NOUN", "AUX", "PRON", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    wh = doc[2]
    noun = _phrase_noun(wh)
    assert noun is not None and noun.i == 3
    _, focus = _what_type(doc, wh)
    assert focus is not None and focus.i == 3 and _focus_asked(wh, focus)
    assert not _focus_asked(wh, doc[0])  # "Security" is what the question is about, not what it asks for


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("What is the price tag for rebuilding the washed-out bridge?", "money"),
        ("What was the final vote count on the Orlow levy?", "count"),
        # a time word modifying the noun asked about does not make it a date
        ("What year-end bonus did the Orlow workers get?", "description"),
        ("What day care center did she open in Orlow?", "description"),
    ],
)
def test_a_compound_modifier_naming_an_amount_says_what_is_asked(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("question", "answer_type", "predicate"),
    [("What was the reason the Lanford tannery shut down?", "reason", "shut"),
     ("What was the reason for the Corvale fare increase?", "reason", None),
     ("What reason did the Lanford board give for the closing?", "description", "give"),
     # a bare verb after a long subject that the tagger takes for an adverb
     ("Why did the Marsh Inn in Lanford close in 2020?", "reason", "close")],
)  # fmt: skip
def test_what_was_the_reason_something_happened_asks_why(question: str, answer_type: str,
                                                          predicate: str | None) -> None:  # fmt: skip
    analysis = analyse(question)
    assert (analysis.answer_type, analysis.predicate) == (answer_type, predicate)


@pytest.mark.parametrize(
    ("question", "answer_type", "focus"),
    [
        ("What is the name of the bakery that closed in Lanford?", "name", "bakery"),
        ("What was the name of the Corvale dairy's owner?", "name", "owner"),
        # the thing that bears the name, gets it or has it chosen for it
        ("What name will the merged Lanford school district go by?", "name", "district"),
        ("What name did the Corvale council give the new park?", "name", "park"),
        ("What name did they choose for the merged district?", "name", "district"),
        ("What name did the Corvale man give police?", "name", "name"),  # his own name, told to the police
        ("Which plan did the Lanford council approve?", "description", "plan"),
        ("Which roads did Corvale close?", "list", "road"),
        ("How old is the Lanford fire chief?", "age", None),
        ("What did the Lanford mayor say about the levy?", "quote", "mayor"),
        ("What do the reports say the Corvale council wants from the county?", "description", "council"),
        ("How much is Dale Orrin's bond?", "money", "bond"),
        ("How deep was the water on Corvale's Mill Street?", "measure", "water"),
        ("How strong were the winds when the storm reached Lanford?", "measure", "wind"),
        ("How high is the bail for the Lanford driver?", "money", "bail"),
        ("How high are Corvale's new water rates?", "quantity", "rate"),
        # what caused something asks why; a reason or motive someone gave stays a question about that noun
        ("What caused the Lanford warehouse fire?", "reason", "fire"),
        ("What led to the closure of the Corvale dairy?", "reason", "closure"),
        ("What was the cause of the Lanford outage?", "reason", "outage"),
        ("What motive did police give for the Lanford fire?", "description", "motive"),
        ("What did the Lanford fire cause?", "description", None),  # the parser takes the verb for a noun
    ],
)
def test_a_name_asked_for_is_answered_by_a_name(question: str, answer_type: str,
                                                           focus: str | None) -> None:  # fmt: skip
    analysis = analyse(question)
    assert (analysis.answer_type, analysis.focus) == (answer_type, focus)


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("Which contractor repaved Selbourne Road?", "organisation"),
        ("What company bought the Selbourne mill?", "organisation"),
        ("Which engineering firm inspected the Selbourne dam?", "organisation"),
        ("Which agency runs the Selbourne shelter?", "organisation"),
        ("What kind of company is Orrick Paving?", "description"),  # the kind, not the name
    ],
)
def test_which_company_firm_or_contractor_asks_for_an_organisation(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("When Dana Mabry took over the Selbourne schools, how many teaching jobs were still open?", "count"),
        ("When the Selbourne bridge closed, where did the buses go?", "place"),
        ("When did the Selbourne bridge close?", "date"),
        ("Where will the buses go when the Selbourne bridge closes?", "place"),
    ],
)
def test_a_clause_set_before_the_question_does_not_give_its_question_word(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


def test_a_population_is_a_count_of_the_place_s_people() -> None:
    for question in ("What is the population of Tarrowby?", "What is Tarrowby's population?"):
        analysis = analyse(question)
        assert (analysis.answer_type, analysis.focus) == ("count", "population")


@pytest.mark.parametrize(("question", "of_a_person"), [
    ("How old is Tam Ollerby?", True),
    ("How old is the guy who runs the Selbourne marina?", True),
    ("how old is the guy selby county hired to run its library?", True),  # misparsed before a lowercase name
    ("how old is the lady marrow falls hired as its clerk?", True),
    ("How old was the woman hurt in the Selbourne crash?", True),
    ("How old is the Selbourne mill?", False),
    ("How old is the building where the man was found?", False),
])  # fmt: skip
def test_an_age_question_about_someone_named_or_by_a_noun_for_anyone_asks_a_persons_age(
    question: str, of_a_person: bool
) -> None:
    assert analyse(question).ages_a_person is of_a_person


@pytest.mark.parametrize(("question", "thing"), [
    ("How long is the new bike trail along the Dunmere canal?", ("trail",)),
    ("How long will the Ketchley runway be?", ("runway",)),
    ("How long was the path of the storm that hit Oxbrook?", ("path", "storm")),
    ("How long a stretch of the Varrow seawall is being rebuilt?", ("stretch", "seawall")),
    ("How long is the Orley covered bridge?", ("bridge",)),
    ("How long was Quarry Lane shut after the flood?", ()),  # a doing lasts: a time only
    ("How long is the Quarry Lane work expected to last?", ()),
    ("How long has she been Ketchley's harbor master?", ()),
    ("How long did the Oxbrook hearing last?", ()),
    ("How long will the Quarry Lane detour be in place?", ()),  # a state lasts: a time
])  # fmt: skip
def test_how_long_a_thing_is_may_ask_its_length_and_how_long_a_doing_lasts_only_its_time(
    question: str, thing: tuple[str, ...]
) -> None:
    analysis = analyse(question)
    assert analysis.answer_type == "duration"
    assert analysis.length_of == thing


@pytest.mark.parametrize(("question", "answer_type"), [
    ("How much time will Ada Quist spend in prison?", "duration"),
    ("How much time did the crews have?", "duration"),
    ("How much will Ada Quist spend on the campaign?", "money"),
])  # fmt: skip
def test_how_much_time_asks_for_a_length_of_time(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(("question", "kind"), [
    ("How come the Dunsby pool is closed?", "reason"),
    ("What is behind the Tarrow mill's closing?", "reason"),
    ("What's behind the rise in Orsk bus fares?", "reason"),
    ("For what reason was the Velt game called off?", "reason"),
    # a reason given or withheld, which an article may say it does not give (rag.withheld)
    ("What reason did police give for the stop?", "description"),
    ("How did the Velt game end?", "description"),
])  # fmt: skip
def test_questions_that_ask_why_in_other_words(question: str, kind: str) -> None:
    assert analyse(question).answer_type == kind


@pytest.mark.parametrize(
    ("question", "answer_type"),
    [
        ("What is the Tarrow County Fair's annual budget?", "money"),
        ("What budget did the Tarrow council adopt for 2025?", "money"),
        ("What will the Tarrow fire district's budget be next year?", "money"),
        # what a sum in it is for, and what is in it
        ("What is the $75,000 in Tarrow's budget for?", "description"),
        ("What is in the Tarrow budget?", "description"),
    ],
)  # fmt: skip
def test_what_a_budget_is_asks_for_a_sum(question: str, answer_type: str) -> None:
    """A budget is a sum set aside to spend: "What is the fair's annual budget?" asks how much, as "What is the fare?"
    does."""
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(("question", "answer_type", "focus"), [
    # "much" of a noun of public finance: a sum
    ("How much revenue does the Ferrand bakery bring in each year?", "money", "revenue"),
    ("How much profit did the Lusk Valley fair turn last summer?", "money", "profit"),
    ("How much debt does Corby Township carry?", "money", "debt"),
    # not when the noun is what changes, which a share may tell
    ("How much did revenue at the Ferrand bakery fall last year?", "quantity", None),
    # the noun of "how much of": what the amount is of, not the question's subject
    ("How much of a raise did Ferrand bus drivers get?", "quantity", "raise"),
    ("How much of the Corby settlement comes out of the town's reserves?", "money", "settlement"),
    ("How much of the Corby harbor dredging will the state cover?", "quantity", "dredging"),
])  # fmt: skip
def test_how_much_of_a_noun_asks_about_that_noun_and_of_a_noun_of_finance_for_a_sum(
    question: str, answer_type: str, focus: str | None
) -> None:
    analysis = analyse(question)
    assert analysis.answer_type == answer_type
    if focus is not None:
        assert analysis.focus == focus


@pytest.mark.parametrize(("question", "answer_type"), [
    # the price a thing went for or is worth
    ("What did the Ferrand dairy farm sell for?", "money"),
    ("What were the Lusk condos going to sell for?", "money"),
    ("What will the Lusk lofts rent for?", "money"),
    ("What is the old Ferrand mill worth?", "money"),
    ("What is the Lusk ferry contract worth each year?", "money"),
    # a sum of public finance, or an offer's price
    ("What was the Ferrand cannery's yearly payroll?", "money"),
    ("What is Lusk County's deficit this year?", "money"),
    ("What was Corby Paving's winning bid?", "money"),
    # not what a sum is for, which bid was taken, what was sold, nor what is worth doing
    ("What was the Corby Paving bid for?", "description"),
    ("Which bid did the Lusk board accept?", "description"),
    ("What did the Lusk council sell to pay for the roof?", "description"),
    ("What did the Lusk crew find worth saving?", "description"),
    # a thing leased out may be asked what for; a reserve may be of salt or land
    ("What will Lusk lease the old depot for?", "description"),
    ("What is the Lusk reserve?", "description"),
])  # fmt: skip
def test_what_a_thing_sold_for_is_worth_or_what_a_sum_of_finance_is_asks_for_a_sum(
    question: str, answer_type: str
) -> None:
    assert analyse(question).answer_type == answer_type


@pytest.mark.parametrize(("question", "answer_type"), [
    ("How big is the Lusk state grant for the pier?", "money"),
    ("How big is the Lusk County rainy-day fund?", "money"),
    ("How big is Lusk County's road salt reserve?", "quantity"),
    ("How large is the Lusk library's endowment?", "money"),
    ("How big was the Lusk school bond?", "money"),
    # a size of another kind, or a change that a share may give
    ("How big was the crowd at the Lusk fair?", "quantity"),
    ("How big will the Lusk budget cut be?", "quantity"),
    ("How well funded is the Lusk pension fund?", "quantity"),
])  # fmt: skip
def test_how_big_a_sum_of_money_is_asks_for_a_sum(question: str, answer_type: str) -> None:
    assert analyse(question).answer_type == answer_type

