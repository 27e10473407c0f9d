"""The checks of rag.answer_entities on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _answers, _passage, _tagged


def test_a_word_ending_like_a_number_is_no_figure() -> None:
    """"twenty" and "fifteen" are number words; "city", "county" and "plenty" only end like them: a value the model
    tags as a number with none of them in it has no figure."""
    from rag.answer_entities import _A_FIGURE

    assert _A_FIGURE.search("twenty-five") and _A_FIGURE.search("fifteen")
    assert not any(_A_FIGURE.search(value) for value in ("as big as a city", "the county", "plenty"))
    text = "Hail as big as a city bus fell on Brantley."
    assert _answers("How much hail fell on Brantley?", _passage(text, _tagged(text, "CARDINAL", "as big as a city"))) == []


@pytest.mark.parametrize("span", ["Capt", "Orlow Middle School to Quell Roofing of", "Quell Roofing of"])
def test_a_span_that_is_no_name_answers_no_who_or_where(span: str) -> None:
    """The model's spans: "Capt" left when "TARNBY - Capt" loses its dateline, two names joined by "to"."""
    from rag.answer_entities import _NO_NAME

    assert _NO_NAME.search(span)
    for name in ("Capt. Ada Moss", "Friends of the Orlow Library", "Quell Roofing", "Bank of Tarnby"):
        assert not _NO_NAME.search(name)


@pytest.mark.parametrize(("text", "acts"), [
    ("After-school clubs were called off by Quell Middle School for the week.", True),
    ("Quell Middle School will hold a counseling session on Thursday.", True),
    ("Quell Middle School needs $2 million in repairs.", False),
])  # fmt: skip
def test_a_name_that_acts_in_its_sentence(text: str, acts: bool) -> None:
    from rag.answer_entities import _does_something

    start = text.index("Quell Middle School")
    assert _does_something(text, start, start + 19, 0, len(text), acts=True) is acts


def test_a_sum_in_a_currencys_name_answers_a_money_question() -> None:
    """The model tags "3.9 million crowns" as a bare number, which answers no money question unless the currency's
    name makes it a sum; "300 pounds of grain" stays a weight."""
    text = "Reeve Oskar Tamm said the Brannock ferry pier cost 3.9 million crowns, more than planned."
    assert _answers("How much did the Brannock ferry pier cost?",
                    _passage(text, _tagged(text, "CARDINAL", "3.9 million"))) == ["3.9 million crowns"]  # fmt: skip
    grain = "The Brannock co-op bought 300 pounds of grain for the winter."
    assert _answers("How much did the Brannock co-op pay for the grain?",
                    _passage(grain, _tagged(grain, "QUANTITY", "300 pounds"))) == []  # fmt: skip


@pytest.mark.parametrize(("text", "name", "label", "answers"), [
    # a body or a firm the model gave as an organisation is no place
    ("The Orlow Regional Transit Authority will take debris at its yard.", "Orlow Regional Transit Authority", "ORG",
     False),
    ("Residents can drop off debris at Harlow Paving Co., the town said.", "Harlow Paving Co.", "ORG", False),
    ("Residents can drop off debris at Kell & Roe, the town said.", "Kell & Roe", "ORG", False),
    # a school, a county or a building is
    ("Residents can drop off debris at Harlan Middle School.", "Harlan Middle School", "ORG", True),
    ("Residents can drop off debris at the Orlow County Services Building.", "Orlow County Services Building", "ORG",
     True),
    ("Residents can drop off debris at the Orlow County garage.", "Orlow County", "GPE", True),
    # one who says something is a person, whatever the model tagged the name
    ("Vantongeren said the debris site would open Monday.", "Vantongeren", "GPE", False),
    ("Debris goes to Quillby, Vantongeren said.", "Quillby", "GPE", True),
])  # fmt: skip
def test_a_body_a_firm_or_a_speaker_answers_no_where_question(text: str, name: str, label: str, answers: bool) -> None:
    assert (name in _answers("Where can Orlow residents drop off storm debris?",
                             _passage(text, _tagged(text, label, name)))) is answers  # fmt: skip


@pytest.mark.parametrize(("question", "answers"), [
    ("Who will serve as Orlow's interim treasurer?", False),  # a post one person holds
    ("Who is the Orlow treasurer?", False),
    ("Who will name Orlow's interim treasurer?", True),  # who acts, which a board may
])  # fmt: skip
def test_a_body_holds_no_post_one_person_holds(question: str, answers: bool) -> None:
    """"The Orlow Select Board will name an interim treasurer" says who names one, not who it is."""
    text = "The Orlow Select Board will name an interim treasurer at its Oct. 7 meeting."
    name = "The Orlow Select Board"
    assert (name in _answers(question, _passage(text, _tagged(text, "ORG", name)))) is answers
