"""Candidate features (rag.candidates) on text written for these tests."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from tests.rag.candidate_helpers import _answers, _flags, _passage, _tagged

if TYPE_CHECKING:
    pass


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


def test_a_firm_with_a_title_word_in_its_name_and_a_salary_by_the_year_stay_answers() -> None:
    text = "Pioneer Chief Supply Store won the contract to run the Orlow marina."
    passage = _passage(text, _tagged(text, "ORG", "Pioneer Chief Supply Store"))
    assert _answers("Which company won the contract to run the Orlow marina?", passage) == ["Pioneer Chief Supply Store"]
    text = "The Orlow police chief's salary will be $85,000, the council said."
    passage = _passage(text, _tagged(text, "MONEY", "$85,000"))
    assert _answers("What is the annual salary of the Orlow police chief?", passage) == ["$85,000"]


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
    # up to then, in a story of her leaving: "How long had she been ...?"
    text = "Ada Renn, the Tarrow harbor master since 2017, resigned Monday."
    passage = _passage(text, [*_tagged(text, "PERSON", "Ada Renn"), *_tagged(text, "DATE", "2017", "Monday")])
    assert _answers("How long had Ada Renn been the Tarrow harbor master?", passage) == ["since 2017"]


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


def test_the_town_after_a_persons_name_is_no_one_who_did_anything() -> None:
    """"The prize went to Orla Penhallow of Kestle Bay": the model may tag the town as a person; it answers where she
    is from, never who won (nor "Tam Quist, 15, of Marrow Hill", who showed the steer)."""
    text = "The prize for best pie went to Orla Penhallow of Kestle Bay on Saturday."
    passage = _passage(text, [*_tagged(text, "ORG", "Orla Penhallow"), *_tagged(text, "PERSON", "Kestle Bay")])
    assert "Kestle Bay" not in _answers("Who won the prize for best pie?", passage)
    aged = "Tam Quist, 15, of Marrow Hill showed the grand champion steer."
    passage = _passage(aged, [*_tagged(aged, "PERSON", "Tam Quist", "Marrow Hill")])
    answers = _answers("Who showed the grand champion steer?", passage)
    assert "Marrow Hill" not in answers and "Tam Quist" in answers
    # a name after "of" that follows no name may still be a person ("the daughter of Ada Renn")
    kin = "The prize went to the daughter of Ada Renn."
    assert "Ada Renn" in _answers("Whose daughter won the prize?", _passage(kin, _tagged(kin, "PERSON", "Ada Renn")))


def test_a_person_given_another_post_by_as_holds_not_the_post_asked() -> None:
    """"Ada Quell was sworn in as district attorney" answers no "Who was sworn in as probate judge?"; a sentence that
    names the post asked may give it ("served as treasurer ... before she became probate judge")."""
    text = "Ada Quell was sworn in on Monday as Tarrow County's district attorney."
    passage = _passage(text, _tagged(text, "PERSON", "Ada Quell"))
    assert "Ada Quell" not in _answers("Who was sworn in as Tarrow County's probate judge?", passage)
    assert "Ada Quell" in _answers("Who was sworn in as Tarrow County's district attorney?", passage)
    assert "Ada Quell" in _answers("Who was sworn in as Tarrow County's prosecutor?", passage)
    both = "Ada Quell served as treasurer for six years before she became Tarrow County's probate judge on Monday."
    passage = _passage(both, _tagged(both, "PERSON", "Ada Quell"))
    assert "Ada Quell" in _answers("Who was sworn in as Tarrow County's probate judge?", passage)


@pytest.mark.parametrize(("question", "holds"), [
    # a post only a firm or a person may be hired as, after any verb of putting one in a post
    ("Who was sworn in as Tarrow County's coroner?", False),
    ("Who was hired as Tarrow County's auditor?", False),
    ("Who will serve as Tarrow County's chief deputy?", False),
    ("Who was sworn in as Tarrow County's district attorney?", True),
])  # fmt: skip
def test_a_person_given_another_post_by_as_holds_no_post_asked_by_any_noun(question: str, holds: bool) -> None:
    """"Ada Quell was sworn in as district attorney" answers no "Who was hired as the county's auditor?", though
    a firm may be an auditor too."""
    text = "Ada Quell was sworn in on Monday as Tarrow County's district attorney."
    passage = _passage(text, _tagged(text, "PERSON", "Ada Quell"))
    assert ("Ada Quell" in _answers(question, passage)) is holds
    # a post held before, told in a clause about her, is no other post given
    before = "Tarrow named Ada Quell, who served as finance director for six years, to run the town."
    passage = _passage(before, _tagged(before, "PERSON", "Ada Quell"))
    assert "Ada Quell" in _answers("Who was named as Tarrow's town administrator?", passage)
    # but one the sentence puts in another post after such a clause is not
    after = "Tarrow named Ada Quell, who has run its finances since 2020, to take over as treasurer."
    passage = _passage(after, _tagged(after, "PERSON", "Ada Quell"))
    assert "Ada Quell" not in _answers("Who was named as Tarrow's safety director?", passage)


def test_a_since_date_that_dates_a_record_or_stands_beside_its_length_is_not_the_answer() -> None:
    """"the first strike there since 1998" dates a record, not how long workers have been out; "for six years,
    since 2019" gives the length itself, which answers."""
    record = "The Kell mill strike began Monday. It is the first strike there since 1998."
    passage = _passage(record, _tagged(record, "DATE", "Monday", "1998"))
    assert "since 1998" not in _answers("How long have Kell mill workers been on strike?", passage)
    shared = "Brisk and Orrin have shared a fire chief for six years, since 2019."
    passage = _passage(shared, _tagged(shared, "DATE", "six years", "2019"))
    assert _answers("How long have Brisk and Orrin shared a fire chief?", passage)[:1] == ["six years"]


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


def test_a_hospital_that_tells_of_a_patient_may_be_where_the_patient_is() -> None:
    text = "Ida Fenn was hospitalized briefly in May and is recovering, according to Orlow General Hospital."
    passage = _passage(text, _tagged(text, "ORG", "Orlow General Hospital") + _tagged(text, "PERSON", "Ida Fenn"))
    assert "Orlow General Hospital" in _answers("Where was Ida Fenn hospitalized?", passage)


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
    from rag import another_person, event_dates, something_else

    check, question, text, value, label, says = case
    module = next(m for m in (another_person, event_dates, something_else) if hasattr(m, check))
    assert _flags(getattr(module, check), question, text, value, label) is says


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


@pytest.mark.parametrize(("question", "text", "name", "holds"), [
    # a place after the name, or before the public body the name leads, that the question does not ask of
    ("Who's the deputy fire chief in Quenby?", "A barn fire in Quenby drew crews from three towns on Sunday. Deputy "
     "Chief Aldous Renk of Pellow Falls directed the crews on the ground.", "Aldous Renk", False),
    ("Who's the deputy fire chief in Pellow Falls?", "A barn fire in Quenby drew crews from three towns on Sunday. "
     "Deputy Chief Aldous Renk of Pellow Falls directed the crews on the ground.", "Aldous Renk", True),
    ("Who is the deputy police chief in Tarnby?", "Tarnby and Ashcombe share a dispatch center. Deputy Chief Ines "
     "Morrow will lead the Ashcombe Police Department until a new chief is hired.", "Ines Morrow", False),
    ("Who is the deputy police chief in Ashcombe?", "Tarnby and Ashcombe share a dispatch center. Deputy Chief Ines "
     "Morrow will lead the Ashcombe Police Department until a new chief is hired.", "Ines Morrow", True),
    # the place asked named in the sentence: the other place may be where the one asked came from
    ("Who's the deputy fire chief in Quenby?", "Quenby Deputy Chief Aldous Renk of Pellow Falls directed the crews on "
     "the ground.", "Aldous Renk", True),
])  # fmt: skip
def test_a_name_tied_to_another_place_does_not_hold_the_post_asked_of_a_place(
    question: str, text: str, name: str, holds: bool
) -> None:
    passage = _passage(text, _tagged(text, "PERSON", name))
    assert (name in _answers(question, passage)) is holds


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


def test_may_the_month_is_not_matched_by_may_the_verb() -> None:
    """"the May vote" asks about a month: a sentence in which the board "may" do something shares no word with it,
    one that says "in May" does; and "Who may run?" is not about the month."""
    from rag.candidates import find_candidates
    from rag.query import analyse

    text = "The Varrow board may raise the levy again next year. The Varrow board raised the levy in May by 2 percent."
    found = find_candidates(analyse("What did the Varrow board decide at the May vote on the levy?"), [_passage(text)],
                            idf=lambda stem: 1.0)  # fmt: skip
    coverage = {c.text.split()[3]: c.features["coverage"] for c in found}
    # asked: varrow, board, decide, may, vote, levy; the verb's sentence shares three, the month's four
    assert coverage == {"may": pytest.approx(3 / 6), "raised": pytest.approx(4 / 6)}
    verb = find_candidates(analyse("What may the Varrow board do about the levy?"), [_passage(text)],
                           idf=lambda stem: 1.0)  # fmt: skip
    shares = {c.text.split()[3]: c.features["coverage"] for c in verb}
    assert shares["may"] == pytest.approx(1.0) and shares["raised"] < 1.0


@pytest.mark.parametrize(("question", "answers"), [
    # a length of time told as how long after (or before) something happened answers no question of how long it
    # lasted, only one asking so by the same word
    ("How long did the Velt council meet on Monday?", ["two hours"]),
    ("How long after the meeting did Ada Renn resign from the Velt council?", ["three weeks", "two hours"]),
    ("How long before the meeting did Ada Renn resign from the Velt council?", ["two hours"]),
])  # fmt: skip
def test_a_length_of_time_from_an_event_answers_only_how_long_before_or_after(question: str,
                                                                           answers: list[str]) -> None:
    text = "The Velt council met for two hours on Monday, and Ada Renn resigned from it three weeks later."
    passage = _passage(text, [*_tagged(text, "DATE", "three weeks"), *_tagged(text, "TIME", "two hours")])
    assert _answers(question, passage) == answers


def test_a_length_of_time_something_lasts_after_an_event_answers_how_long() -> None:
    """"for at least five months after inspectors found mold" is how long the clinic stays closed."""
    text = "The Velt clinic will close on Aug. 19 for at least five months after inspectors found mold in its walls."
    passage = _passage(text, _tagged(text, "DATE", "Aug. 19", "at least five months"))
    assert _answers("How long will the Velt clinic be closed?", passage) == ["at least five months"]


@pytest.mark.parametrize(("text", "values", "answers"), [
    # a share told in words counts nothing by itself; of a number of things, it is a number of them
    ("Orby Flight School keeps 14 planes at Velt and now accounts for more than half of the airport's takeoffs.",
     ("14", "more than half"), ["14"]),
    ("Nearly a third of the Orby Flight School's pilots train at Velt.", ("Nearly a third",), []),
    ("About half of the 40 pilots of the Orby Flight School train at Velt.", ("About half", "40"), ["About half"]),
])  # fmt: skip
def test_a_share_in_words_is_no_count_unless_of_a_number(text: str, values: tuple[str, ...],
                                                          answers: list[str]) -> None:
    passage = _passage(text, _tagged(text, "CARDINAL", *values))
    assert _answers("How many pilots does the Orby Flight School train at Velt?", passage) == answers


@pytest.mark.parametrize(("question", "answers"), [
    # what befalls a living body befalls a person, not the body or the place named beside the one it befell
    ("Who died in the Velt plane crash?", ["Tam Orr"]),
    ("Who was hurt in the Velt plane crash?", ["Tam Orr"]),
    # other acts may be a body's
    ("Who reported on the Velt plane crash?", ["the Velt Aviation Safety Office", "Tam Orr"]),
])  # fmt: skip
def test_who_died_or_was_hurt_is_a_person_not_a_body_or_a_place(question: str, answers: list[str]) -> None:
    text = ("The Velt plane crash killed pilot Tam Orr and hurt no one else, according to a report by the Velt "
            "Aviation Safety Office.")
    passage = _passage(text, [*_tagged(text, "ORG", "the Velt Aviation Safety Office"),
                              *_tagged(text, "PERSON", "Tam Orr")])
    assert _answers(question, passage) == answers


def test_a_length_of_time_the_model_tags_with_a_day_answers_how_long() -> None:
    """"will retire Aug. 30 after 31 years", tagged as one date: the 31 years say how long, the day does not."""
    text = "The Orby district's assistant superintendent, Ada Renn, will retire Aug. 30 after 31 years with the district."
    passage = _passage(text, [*_tagged(text, "PERSON", "Ada Renn"), *_tagged(text, "DATE", "Aug. 30 after 31 years")])
    assert _answers("How long has Ada Renn worked for the Orby district?", passage) == ["31 years"]
    assert _answers("When will Ada Renn retire?", passage) == ["Aug. 30 after 31 years"]
    # not a time in another post, nor a span of something else
    text = "Ada Renn became Tarrow fire chief in 2019 after 20 years as deputy chief."
    passage = _passage(text, [*_tagged(text, "PERSON", "Ada Renn"), *_tagged(text, "DATE", "2019 after 20 years")])
    assert "20 years" not in _answers("How long has Ada Renn been the Tarrow fire chief?", passage)
    text = "The Orby pool will close June 1 for the first time in 12 years."
    passage = _passage(text, _tagged(text, "DATE", "June 1 for the first time in 12 years"))
    assert _answers("How long will the Orby pool be closed?", passage) == []


def test_a_chief_officers_title_the_model_tags_as_a_body_is_no_ones_name() -> None:
    """"named Omar Sleet ... to take over as CFO": "CFO", tagged as an organisation, answers no "Who ...?"."""
    text = "The trucking company named Omar Sleet to take over as CFO on July 1."
    passage = _passage(text, [*_tagged(text, "PERSON", "Omar Sleet"), *_tagged(text, "ORG", "CFO")])
    answers = _answers("Who will take over as the trucking company's chief financial officer?", passage)
    assert "CFO" not in answers and "Omar Sleet" in answers
