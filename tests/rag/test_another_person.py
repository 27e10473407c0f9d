"""The checks of rag.another_person on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import pytest

from tests.rag.candidate_helpers import _flags, _passage, _tagged, _value_candidate

if TYPE_CHECKING:
    from rag.candidate import Candidate


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
    from rag.another_person import counts_anothers
    from rag.query import analyse

    assert counts_anothers(analyse(question), _value_candidate(text, value, "CARDINAL")) is anothers


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
    from rag.another_person import of_another_person
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.query import analyse

    passage = Passage(passage_id="p", article_id="p", title="t", source="s", text=sentence, start=0,
                      end=len(sentence), entities=entities_by_line([sentence])[0])  # fmt: skip
    at = sentence.index(value)
    candidate = Candidate(0, passage, 0, len(sentence), {}, [(at, at + len(value), "DATE")])
    assert of_another_person(analyse(question), candidate) is another


@pytest.mark.parametrize(("text", "others"), [
    # the article calls the driver a driver, and the sentence tells of her children
    ("The pickup's driver, a 41-year-old Orlow woman, was flown to Tarnby General Hospital. Her two sons were taken "
     "by ambulance to a hospital in Quell.", True),
    # the article never says "kids": its "students" may be those asked of
    ("During the work, the school's 280 students will attend classes in Quell.", False),
])  # fmt: skip
def test_a_place_told_of_other_people_than_those_asked_of(text: str, others: bool) -> None:
    from rag.another_person import done_to_other_people

    question = ("Where was the pickup driver taken?" if others else
                "Where will the Tarnby school kids go while it is closed?")  # fmt: skip
    assert _flags(done_to_other_people, question, text, "Quell", "GPE") is others


def test_people_of_another_name_far_from_the_questions_noun_may_be_those_asked_of() -> None:
    """"kids" only in a quote three sentences before: the "students" taken to the fire hall may be the kids."""
    from rag.another_person import done_to_other_people
    from rag.candidate import Candidate
    from rag.query import analyse

    text = ("\"The kids were calm,\" the principal said. Buses were late. A tow truck came. The students were taken "
            "to the Quell fire hall.")  # fmt: skip
    start = text.index("The students")
    value = text.index("Quell fire hall")
    candidate = Candidate(0, _passage(text), start, len(text), {}, [(value, value + 15, "FAC")])
    assert not done_to_other_people(analyse("Where were the kids taken?"), candidate)


@pytest.mark.parametrize(("question", "other"), [
    ("What was Hollis Pemberton's salary?", True),  # the sum is given to another named person
    ("What salary will Ines Castellaro get?", False),
    ("What was the director's salary?", False),  # no one named: not judged
])  # fmt: skip
def test_a_sum_given_to_another_named_person_is_not_the_salary_asked(question: str, other: bool) -> None:
    from index.nlp import entities_by_line
    from rag.another_person import paid_to_another_person
    from rag.candidate import Candidate
    from rag.models import Passage
    from rag.query import analyse

    text = "The board voted 5-0 to offer Ines Castellaro, 46, a three-year contract with a starting salary of $148,500."
    passage = Passage(passage_id="p", article_id="p", title="t", source="s", text=text, start=0, end=len(text),
                      entities=entities_by_line([text])[0])  # fmt: skip
    at = text.index("$148,500")
    candidate = Candidate(0, passage, 0, len(text), {}, [(at, at + len("$148,500"), "MONEY")])
    assert paid_to_another_person(analyse(question), candidate) is other


@pytest.mark.parametrize(("question", "text", "value", "another"), [
    ("How much had Ada Renn raised by October?", "Tom Quell has raised $61,750, including a loan.", "$61,750", True),
    ("How much had Ada Renn raised by October?", "Ada Renn has raised $84,300 in her campaign.", "$84,300", False),
    # a subject that is no name, and another act, are not judged
    ("How much had Ada Renn raised by October?", "The campaign has raised $9,000 so far.", "$9,000", False),
    ("How much had Ada Renn raised by October?", "Tom Quell spent $12,000 on mailers.", "$12,000", False),
    # a name's own campaign does the act, told in a verb's clause after one of reporting
    ("How much had Ada Renn raised by October?", "Tom Quell's campaign reported raising $61,750 by October.",
     "$61,750", True),
    ("How much had Ada Renn raised by October?", "Ada Renn's campaign reported raising $84,300 by October.",
     "$84,300", False),
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
    from rag.another_person import done_by_another_named

    label = "MONEY" if value.startswith("$") else "DATE" if value == "Tuesday" else "CARDINAL"
    assert _flags(done_by_another_named, question, text, value, label) is another


@pytest.mark.parametrize(("question", "text", "anothers"), [
    ("How much does Orby pay for the county 911 center?", "Tarnby's share this year is $1.04 million.", True),
    ("How much does Orby pay for the county 911 center?", "Orby's share this year is $1.04 million.", False),
    ("How big is Orby's library budget?", "Tarnby's budget of $1.04 million passed.", True),
    ("How big is Orby's library budget?", "Tarnby's $1.04 million budget passed.", True),
    ("How big is Orby's library budget?", "The library's budget of $1.04 million passed.", False),  # no one named
    ("How big is the library budget?", "Tarnby's budget of $1.04 million passed.", False),  # the question names none
])  # fmt: skip
def test_a_sum_of_another_named_one_is_not_the_one_asked(question: str, text: str, anothers: bool) -> None:
    from rag.another_person import a_sum_of_anothers

    assert _flags(a_sum_of_anothers, question, text, "$1.04 million", "MONEY") is anothers


def _second_sentence_valued(text: str, value: str, label: str, people: Sequence[str]) -> "Candidate":
    """A candidate quoting the second sentence of the one-passage article `text`, valued at `value`, with the
    people the model is taken to have tagged (each where first written)."""
    from rag.candidate import Candidate, sentence_spans

    passage = _passage(text, _tagged(text, "PERSON", *people) + _tagged(text, label, value))
    start, end = sentence_spans(passage)[1]
    at = text.index(value)
    return Candidate(0, passage, start, end, {}, [(at, at + len(value), label)])


def test_a_salary_of_someone_named_by_surname_or_as_the_subject_is_not_another_persons() -> None:
    """"Carrack, 49, will start ... at a salary of $164,000": the model tagged her full name in the sentence before
    only; "Orlowe ... will receive a stipend on top of his salary": "his" is Orlowe's, not the one asked about."""
    from rag.another_person import paid_to_another_person
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
    # a pronoun with no one named in the sentence is the one the sentence before names, other than as a speaker
    unnamed = "The commission named Dr. Benedikt Orlowe interim health officer.\nHis stipend will be $1,500 a month."
    candidate = _second_sentence_valued(unnamed, "$1,500", "MONEY", ["Benedikt Orlowe"])
    assert paid_to_another_person(analyse("What is Anselm Quarrington's stipend?"), candidate)
    assert not paid_to_another_person(analyse("What is Benedikt Orlowe's stipend?"), candidate)
    spoken = "The job is a hard one, Commissioner Benedikt Orlowe said.\nHis stipend will be $1,500 a month."
    candidate = _second_sentence_valued(spoken, "$1,500", "MONEY", ["Benedikt Orlowe"])
    assert not paid_to_another_person(analyse("What is Anselm Quarrington's stipend?"), candidate)
    # nor when the one named is a town paying, or who says it
    town = "The council picked its new town manager on Monday.\nMayor Dale Renn said Orby will pay her $98,000."
    candidate = _second_sentence_valued(town, "$98,000", "MONEY", ["Dale Renn"])
    assert not paid_to_another_person(analyse("What is Ada Quist's salary?"), candidate)
    said = "Mayor Dale Renn announced the hire on Monday.\nThe new manager will earn $98,000 a year, Renn said."
    candidate = _second_sentence_valued(said, "$98,000", "MONEY", ["Dale Renn"])
    assert not paid_to_another_person(analyse("What is Ada Quist's salary?"), candidate)


@pytest.mark.parametrize(("text", "another"), [
    ("The City Council on Thursday approved $750,000 in emergency spending for tree removal.", False),
    ("The Tesk City Council on Thursday approved $750,000 in emergency spending for tree removal.", True),
])  # fmt: skip
def test_a_body_named_only_by_its_kind_may_be_the_towns_body_asked_about(text: str, another: bool) -> None:
    """"The City Council approved $750,000" may be Orby's council ("How much did Orby's council approve?"); "The
    Tesk City Council" is another town's."""
    from rag.another_person import done_by_another_named

    question = "How much emergency spending did Orby's council approve in 2025?"
    assert _flags(done_by_another_named, question, text, "$750,000", "MONEY") is another
    # a body of another kind is another, and so is the county's or the state's
    question = "How much emergency spending did Orby's planning board approve in 2025?"
    assert _flags(done_by_another_named, question, text, "$750,000", "MONEY")
    county = text.replace("The City Council", "The County Council")
    assert _flags(done_by_another_named, "How much emergency spending did Orby's council approve in 2025?", county,
                  "$750,000", "MONEY")


def test_a_salary_told_of_the_one_a_sentence_names_is_theirs_whoever_the_sentence_before_names() -> None:
    """"Vetch, 48, will start April 7 at an annual salary of $612,000" after "Dr. Anselm Vetch, who succeeds
    president Marguerite Ollerby": Vetch's salary, not Ollerby's, though the sentence before names her."""
    from rag.another_person import paid_to_another_person
    from rag.query import analyse

    text = ("The trustees hired Dr. Anselm Vetch, who succeeds longtime president Marguerite Ollerby.\nVetch, 48, will "
            "start April 7 at an annual salary of $612,000.")  # fmt: skip
    candidate = _second_sentence_valued(text, "$612,000", "MONEY", ["Anselm Vetch", "Marguerite Ollerby"])
    assert paid_to_another_person(analyse("What was Marguerite Ollerby's salary?"), candidate)
    assert not paid_to_another_person(analyse("What is Anselm Vetch's salary?"), candidate)


def test_a_name_of_the_question_the_model_took_for_no_person_is_the_person_the_articles_name() -> None:
    """"What was Shillingford's stipend?": the model tags the surname alone as an organisation; the article names a
    person of that surname, so the stipend of the coach hired in his place ("He will earn ...") is not his."""
    from rag.another_person import paid_to_another_person
    from rag.candidate import Candidate, sentence_spans
    from rag.query import analyse

    text = ("Garrick Shillingford stepped down in December.\nThe committee voted 5-0 to hire Idris Fennimore-Hale.\n"
            "He will earn a coaching stipend of $9,200.")  # fmt: skip
    passage = _passage(text, _tagged(text, "PERSON", "Garrick Shillingford", "Idris Fennimore-Hale")
                       + _tagged(text, "MONEY", "$9,200"))  # fmt: skip
    start, end = sentence_spans(passage)[2]
    at = text.index("$9,200")
    candidate = Candidate(0, passage, start, end, {}, [(at, at + 6, "MONEY")])
    question = analyse("What was Shillingford's coaching stipend?")
    assert ("Shillingford", "ORG") in question.entities
    assert paid_to_another_person(question, candidate)
    assert not paid_to_another_person(analyse("What is Fennimore-Hale's coaching stipend?"), candidate)


def test_a_name_that_describes_a_thing_asks_of_no_one_by_that_name() -> None:
    """"What's bail set at for the man accused of torching the Achterhof barn?": the accused's bail ("He is held on
    $150,000 bail" after the sentence naming him) is not an Achterhof's."""
    from rag.another_person import paid_to_another_person
    from rag.query import analyse

    text = ("Deputies arrested Corwin Rastrick, 34, a former farmhand.\nHe is being held on $150,000 bail.")
    candidate = _second_sentence_valued(text, "$150,000", "MONEY", ["Corwin Rastrick"])
    question = "What's bail set at for the man accused of torching the Achterhof barn?"
    assert not paid_to_another_person(analyse(question), candidate)
    assert paid_to_another_person(analyse("What was Ysabel Achterhof's bail set at?"), candidate)


@pytest.mark.parametrize(("question", "another"), [
    ("How much will Tarnby save each year by merging the jails?", True),  # the merger saves Ashcombe
    ("How much will Ashcombe save each year by merging the jails?", False),
    ("How much will the merger save Ashcombe?", False),  # the subject asked is the merger, not a name saving
    ("How much will Tarnby spend on the merger?", False),  # another act
])  # fmt: skip
def test_a_sum_saved_for_another_name_answers_not_what_the_name_asked_saves(question: str, another: bool) -> None:
    from rag.another_person import saved_for_another_named

    text = "Commissioner Ida Holm said the merger would save Ashcombe about $3.5 million a year."
    assert _flags(saved_for_another_named, question, text, "about $3.5 million", "MONEY") is another


def test_a_sum_saved_for_another_name_is_put_aside() -> None:
    from rag.ordering import fitting_first
    from rag.query import analyse

    text = "Commissioner Ida Holm said the merger would save Ashcombe about $3.5 million a year."
    saved = _value_candidate(text, "about $3.5 million", "MONEY")
    assert fitting_first([saved], analyse("How much will Tarnby save each year by merging the jails?")) == []
    assert fitting_first([saved], analyse("How much will Ashcombe save each year by merging the jails?")) == [saved]
