"""The checks of rag.new_names on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _value_candidate


def test_new_names_counts_the_names_a_sentence_adds_to_the_question() -> None:
    from rag.new_names import MAX_NEW_NAMES, new_names

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
    from rag.new_names import in_question
    from rag.text import normalise, words

    assert in_question(name, "ORG", normalise(question), set(words(question)), question) is named


@pytest.mark.parametrize(("name", "named"), [
    ("Ivo Stannard of Orlow", True), ("Ivo Pellham of Orlow", False), ("Ada Stannard of Orlow", False),
])  # fmt: skip
def test_a_persons_name_with_their_town_is_named_by_the_question_that_gives_the_name(name: str, named: bool) -> None:
    """The model may take a person's town into the name ("Mae Orlowski of Tolliver")."""
    from rag.new_names import in_question
    from rag.text import normalise, words

    question = "Who bought Ivo Stannard's prize hog?"
    assert in_question(name, "PERSON", normalise(question), set(words(question)), question) is named


@pytest.mark.parametrize(("question", "name", "label", "named"), [
    # a name the question sets aside is no answer, however the text goes on with it
    ("Which other airline, besides Tarrow, flies out of Velt Municipal Airport?", "Tarrow Regional Airlines", "ORG",
     True),
    ("Who besides Orrin Paving bid on the Mill Road job?", "Orrin Paving Co.", "ORG", True),
    ("Who other than Mayor Ada Renn voted against the budget?", "Councilor Ada Renn", "PERSON", True),
    ("Apart from the Velt Grange, which groups objected?", "Velt Grange Hall Association", "ORG", True),
    # others of its kind, and others bearing the title set aside with it, may be the answer
    ("Which other airline, besides Tarrow, flies out of Velt Municipal Airport?", "Northcrest Airways", "ORG", False),
    ("Who other than Mayor Ada Renn voted against the budget?", "Mayor Tam Orr", "PERSON", False),
    ("Who besides Orrin Paving bid on the Mill Road job?", "Velt Paving", "ORG", False),
    ("Apart from the Velt Grange, which groups objected?", "Velt Historical Society", "ORG", False),
])  # fmt: skip
def test_a_name_the_question_sets_aside_is_named_by_it(question: str, name: str, label: str, named: bool) -> None:
    from rag.new_names import in_question
    from rag.text import normalise, words

    assert in_question(name, label, normalise(question), set(words(question)), question) is named
