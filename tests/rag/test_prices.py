"""What a price question asks the price of (rag.prices), and the sums that price something else, on text written for
these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from rag.candidate import Candidate


@pytest.mark.parametrize(
    ("question", "things"),
    [
        # the parser takes a closing "cost" for a noun: the thing is the first noun phrase after the verb
        ("How much did the new boiler for the old Tarrow Street firehouse cost?", (("boiler", ()),)),
        ("How much will the 40 new streetlights on Quell Road cost?", (("streetlight", ()),)),
        ("How much did Brindle pay the Ashgrove family for the orchard?", (("orchard", ()),)),
        ("How much is Wexley County spending on a new payroll system?", (("system", ("payroll",)),)),
        ("What was the cost of the ladder truck?", (("truck", ("ladder",)),)),
        ("What will a Corvane household pay each month for trash pickup?", (("pickup", ("trash",)),)),
        ("How much did the town pay for the land and the barn?", (("land", ()), ("barn", ()))),
        # no one thing named, or who pays named
        ("How much will it cost to fix the Quell Road culvert?", ()),
        ("What did the work cost?", ()),
        ("How much does it cost?", ()),
        ("What will the library levy cost someone who owns a $200,000 house?", ()),
        ("How much will Wexley pay?", ()),
    ],
)
def test_a_price_question_names_the_thing_it_prices(question: str, things: tuple) -> None:
    from rag.prices import _things_priced

    assert _things_priced(question) == things


def _sum_in(text: str, value: str) -> "Candidate":
    """A candidate for the sentence of `text` holding `value` (the last sentence), valued at `value`."""
    from rag.candidate import Candidate
    from rag.models import Passage

    passage = Passage(passage_id="p", article_id="p", title="t", source="s", text=text, start=0, end=len(text),
                      entities=[])  # fmt: skip
    at = text.index(value)
    start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
    return Candidate(0, passage, start, len(text), {}, [(at, at + len(value), "MONEY")])


@pytest.mark.parametrize(
    ("question", "text", "value", "another"),
    [
        # the sentence prices another thing of the place the question names
        ("How much did the new boiler for the old Tarrow Street firehouse cost?",
         "The council voted to lease the old Tarrow Street firehouse to a food bank for $1 a year.", "$1", True),
        ("How much did the new boiler for the old Tarrow Street firehouse cost?",
         "The new boiler cost $18,400, the fire chief said.", "$18,400", False),
        ("How much did the solar panels on the Ferris branch library cost?",
         "The Ferris branch is named for Ada Ferris, who left the library $600,000 in her will.", "$600,000", True),
        # a word of its compound tells of it: "trash" of "trash pickup"
        ("What will a Corvane household pay each month for trash pickup?",
         "The monthly bill for a 96-gallon trash cart will drop from $27.40 to $23.90.", "$23.90", False),
        # a sentence naming nothing paid for takes it from the sentence before
        ("How much will a food truck pay for a permit in Wexley County?",
         "Wexley County will raise its permit fees for food sellers in July. Food trucks will pay $120, up from $95.",
         "$120", False),
        ("How much will a food truck pay for a permit in Wexley County?",
         "Wexley County will raise its parking fines in July. Food carts will pay $120, up from $95.", "$120", True),
        # ... or names who the question says pays
        ("How much will a food truck pay for a permit in Wexley County?",
         "Inspections will double in July. Small sellers such as food trucks will pay $120, up from $95.", "$120",
         False),
        ("How much is Corvane paying for fire service this year?",
         "Corvane's share this year is $1.04 million, up from $980,000.", "$1.04 million", False),
        # (a clause joined on is another clause: it names nothing paid for by the sum)
        ("How much is Corvane paying for fire service this year?",
         "Corvane's share this year is $1.04 million, and it is expected to rise under the new budget.",
         "$1.04 million", False),
        # a sentence that names what it prices is read alone, whatever the sentence before says
        ("How much will the 40 new streetlights on Quell Road cost?",
         "Crews will put up 40 new streetlights on Quell Road. The repaving will cost $2.2 million.", "$2.2 million",
         True),
        # a thing paid for by its proper name may be the one asked
        ("How much will the city spend on the new pier?",
         "The city would spend $3.4 million on Cooper's Landing, the port director said.", "$3.4 million", False),
        # whom it costs, who is paid, and words for the price name nothing paid for
        ("How much did the new boiler for the Tarrow Street firehouse cost?",
         "The town replaced the boiler at the firehouse in March. It cost the town $14,200.", "$14,200", False),
        ("How much did the new boiler for the Tarrow Street firehouse cost?",
         "The town replaced the boiler at the firehouse in March. The price was $14,200.", "$14,200", False),
        ("How much did Wexley pay for the audit?",
         "Wexley hired Brell & Kaye to audit its books. The town paid $48,000 to Brell & Kaye.", "$48,000", False),
        ("How much will Wexley pay for road salt?",
         "Wexley signed a new road salt contract in May. It will pay $71 a ton.", "$71", False),
        ("How much did Wexley pay Brell & Kaye for the audit?",
         "A former Wexley clerk who siphoned $312,400 from Wexley's accounts was sentenced Monday.", "$312,400", True),
        # a closing "cost" that takes both nouns: the thing keeps its compound
        ("How much did the library renovation cost?",
         "The town repaved the library parking lot. The paving cost $2.4 million.", "$2.4 million", True),
        ("How much did the library renovation cost?", "The library work cost $2.4 million.", "$2.4 million", False),
        # a proper name counts only as what the sum itself pays for
        ("How much did the new boiler for the Tarrow Street firehouse cost?",
         "The town, which spent $40,000 on Harlow Park last year, will lease the firehouse for $1 a year.", "$1",
         True),
        ("How much will the new school cost?", "Halvern Elementary will cost $42 million.", "$42 million", False),
        # who pays named: not read
        ("What will the library levy cost someone who owns a $200,000 house?",
         "The owner of a $200,000 home will pay about $56 a year.", "$56", False),
    ],
)  # fmt: skip
def test_a_sum_prices_another_thing_when_its_sentence_tells_nothing_of_the_thing_asked(
    question: str, text: str, value: str, another: bool
) -> None:
    from rag.prices import prices_another_thing
    from rag.query import analyse

    assert prices_another_thing(analyse(question), _sum_in(text, value)) is another


def test_a_noun_like_the_thing_asked_tells_of_it(encoder: object) -> None:
    """With the encoder's word likeness, a sentence may give the thing by another word for it."""
    from rag.prices import prices_another_thing
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]
    question = analyse("How much did the new house cost?")
    assert not prices_another_thing(question, _sum_in("The new home cost $310,000.", "$310,000"), likeness)
    assert prices_another_thing(question, _sum_in("The new road cost $310,000.", "$310,000"), likeness)


def test_other_questions_are_not_read() -> None:
    from rag.prices import prices_another_thing
    from rag.query import analyse

    sentence = _sum_in("The council voted to lease the firehouse to a food bank for $1 a year.", "$1")
    assert not prices_another_thing(analyse("Who leased the firehouse?"), sentence)


def test_a_sum_in_a_sentence_of_no_words_is_read_without_end() -> None:
    """A sentence whose parse has no verb (a lone space) names nothing paid for."""
    from index.nlp import sentence_parse
    from rag.prices import _names_what_is_paid_for

    doc = sentence_parse(" ")
    assert _names_what_is_paid_for(doc[0:1], doc[0], frozenset()) is False


def test_a_lease_of_the_place_named_leaves_what_its_new_boiler_cost_unanswered() -> None:
    """End to end: the sum of a lease of the firehouse is no price of the firehouse's new boiler; the sentence that
    gives the boiler's cost answers."""
    from rag.query import analyse
    from tests.rag.test_extractive import _answer_text, _passage

    question = analyse("How much did the new boiler for the old Tarrow Street firehouse cost?")
    lease = _passage("a", "Wexley Standard", "The Wexley council voted 5-2 on Tuesday to lease the old Tarrow Street "
                     "firehouse to a food bank for $1 a year.")  # fmt: skip
    assert _answer_text(question, [lease], lambda a, b: float(a == b)).startswith("The articles don't say")
    boiler = _passage("b", "Wexley Standard", "The new boiler for the old Tarrow Street firehouse cost $18,400, the "
                      "fire chief said.")  # fmt: skip
    assert _answer_text(question, [boiler], lambda a, b: float(a == b)).startswith("$18,400 [1]")
