"""Who someone is (rag/identity.py): the role an article gives with a name, on text written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("The budget passed, according to Orlow aide Mira Castell, who spoke after the vote.", "Mira Castell",
         "Orlow aide Mira Castell"),
        ("Mira Castell, the mayor's budget adviser, told reporters the vote was close.", "Mira Castell",
         "Mira Castell, the mayor's budget adviser"),
        ("The county's fire marshal, Dana Poole, said the cause was unknown.", "Dana Poole",
         "Dana Poole, the county's fire marshal"),
        ("Harriet Penrose, who chairs the county commission, voted yes.", "Harriet Penrose",
         "Harriet Penrose, who chairs the county commission"),
        ("Commission Chair Harriet Penrose said the deal was fair.", "Harriet Penrose",
         "Commission Chair Harriet Penrose"),
        ("In a statement, Hale's chief of staff, Nora Quinn, said the mayor was resting.", "Nora Quinn",
         "Nora Quinn, Hale's chief of staff"),
        # an age is no role, and does not hide the title before the name
        ("Dell Creek resident Amy Lund, 34, was hurt.", "Amy Lund", "Dell Creek resident Amy Lund"),
        ("Ellis Marr, 41, of Dell Creek, was sentenced Tuesday.", "Ellis Marr", None),
        # nor is another name beside it
        ("Rosa Delgado, Ben Hale and Tim Oakes voted yes.", "Rosa Delgado", None),
        # what someone did or said is no role; nor is an honorific
        ("Castell said the vote was close.", "Castell", None),
        ("Speaking after Mr Castell left, the mayor said nothing.", "Castell", None),
    ],
)  # fmt: skip
def test_the_role_a_sentence_gives_a_name(sentence: str, name: str, role: str | None) -> None:
    from index.nlp import parse
    from rag.identity import role_phrase

    doc = parse(sentence, disable=("ner",))  # as rag.identity.describe parses
    start = sentence.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    assert role_phrase(doc, span) == role


def test_a_title_the_model_took_into_the_name_is_still_the_role() -> None:
    from index.nlp import entities_by_line
    from rag.candidate import Candidate
    from rag.identity import describe
    from rag.models import Passage

    text = "Superintendent Karen Olsen said classes would resume Monday."
    passage = Passage(passage_id="p", article_id="a", title="t", source="s", text=text, start=0, end=len(text),
                      entities=entities_by_line([text])[0])  # fmt: skip
    identity = describe("Karen Olsen", [Candidate(0, passage, 0, len(text), {})])
    assert identity is not None and identity.text == "Superintendent Karen Olsen"


def test_who_is_asks_for_the_identity_of_the_name() -> None:
    assert analyse("Who is Mira Castell?").identity_of == "Mira Castell"
    assert analyse("Who is the mayor of Orlow?").identity_of is None
    assert analyse("Who won the Orlow election?").identity_of is None


@pytest.mark.parametrize(
    ("question", "role"),
    [("Who is Lena Ortiz?", "Fire Chief Lena Ortiz"), ("Who is Amos Riel?", "Trustee Amos Riel")],
)
def test_who_is_someone_is_answered_with_the_role_the_articles_give(
    withheld_assistant: object, question: str, role: str
) -> None:
    answer = withheld_assistant.ask(question, mode="extractive")  # type: ignore[attr-defined]
    assert not answer.abstained and answer.answer.startswith(f"{role} [1]."), answer.answer
    assert answer.citations[0].relevance == "answers" and role in answer.citations[0].quote
