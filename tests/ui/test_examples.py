"""The example questions under the chat box: made from the library's own articles, and answered by them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import make_settings
from tests.ui.conftest import private_store
from ui import render
from ui.examples import (
    MAX_EXAMPLES,
    ArticleEntities,
    ExampleQuestions,
    Sentence,
    articles_with_entities,
    candidate_questions,
    example_questions,
    quoted_people,
)

# The names an example may draw on in tests/ui/library (people, places, organisations of its articles).
OWN_NAMES = ("Priya Anand", "Marguerite Olsson", "Tobias Renwick", "Ignatius Bellweather", "Hester Quayle",
             "Larkspur", "Saltmarsh", "Harlow Vale", "Tamsin")  # fmt: skip

KILN_MD = """---
title: Glassworks reopens its old kiln in Thornby
publisher: Thornby Record
date: 2027-02-01
---
The Thornby glassworks lit its restored kiln on Monday after eight years of repairs.
Works manager Oriel Vantongeren said the kiln would fire glass for the town's new library windows.
"""


def _assistant(data_dir: Path) -> object:
    from rag.assistant import Assistant

    return Assistant.from_settings(make_settings(data_dir))


@pytest.fixture(scope="module")
def own_assistant(own_library_data_dir: Path) -> object:
    return _assistant(own_library_data_dir)


def _sample_names(assistant: object) -> set[str]:
    """Every person, place and organisation the sample corpus names (from its stored entities)."""
    return {
        text.strip()
        for article in articles_with_entities(assistant, limit=100)  # type: ignore[arg-type]
        for sentence in article.sentences
        for text, label in sentence.entities
        if label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") and len(text.strip()) >= 4
    }


def test_examples_of_a_library_name_its_own_people_and_places_and_none_of_the_sample(
    own_assistant: object, assistant: object
) -> None:
    examples = example_questions(own_assistant)  # type: ignore[arg-type]
    assert len(examples) == MAX_EXAMPLES
    for question in examples:
        assert any(name in question for name in OWN_NAMES), question
    sample_names = _sample_names(assistant)
    assert {"Putin", "Trump", "Ukraine", "Kremlin"} <= {w for name in sample_names for w in name.split()}
    mentioned = [(q, name) for q in examples for name in sample_names if re.search(rf"\b{re.escape(name)}\b", q)]
    assert mentioned == []


@pytest.mark.parametrize("library", ["own", "sample"])
def test_every_example_is_answered_from_the_article_it_was_made_from(
    library: str, own_assistant: object, assistant: object
) -> None:
    chosen = own_assistant if library == "own" else assistant
    examples = example_questions(chosen)  # type: ignore[arg-type]
    assert examples
    titles = {a.title for a in chosen.articles()}  # type: ignore[attr-defined]
    for question in examples:
        answer = chosen.ask(question, mode="extractive")  # type: ignore[attr-defined]
        assert not answer.abstained, question
        assert {c.title for c in answer.citations} <= titles


def test_no_example_is_shown_twice_the_next_article_offers_another_question(assistant: object) -> None:
    # The sample's newest articles both quote Vladimir Putin: before, "What did Vladimir Putin say?" came twice.
    examples = example_questions(assistant)  # type: ignore[arg-type]
    assert len(examples) == len(set(examples)), examples
    assert len(examples) == MAX_EXAMPLES


def test_quoted_people_are_found_by_their_fullest_name_most_named_first() -> None:
    article = ArticleEntities(
        "a", "Ferry timetable changes", "2026-01-01",
        (
            Sentence("Captain Ewa Lindqvist steered the ferry into Brannock harbour.",
                     (("Ewa Lindqvist", "PERSON"), ("Brannock", "GPE"))),
            Sentence("Harbour master Joss Penhallow said the new timetable starts in May.",
                     (("Joss Penhallow", "PERSON"), ("May", "DATE"))),
            Sentence("Lindqvist told passengers the crossing would take forty minutes.",
                     (("Lindqvist", "PERSON"),)),
            Sentence("Lindqvist's crew cheered.", (("Lindqvist's", "PERSON"),)),
            Sentence("The Brannock Ferry Company said fares stay the same.", (("The Brannock Ferry Company", "ORG"),)),
        ),
    )  # fmt: skip
    assert quoted_people(article) == ["Ewa Lindqvist", "Joss Penhallow"]
    assert candidate_questions(article) == [
        "What did Ewa Lindqvist say?",
        "What did Joss Penhallow say?",
        "What does the article “Ferry timetable changes” report?",
    ]
    quiet = ArticleEntities("b", "A very long title " * 8, None, (Sentence("Nobody spoke.", ()),))
    assert candidate_questions(quiet) == []  # no one quoted and a title too long to ask about


def test_an_empty_library_says_how_to_add_articles(own_library_data_dir: Path, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    assistant = _assistant(private_store(own_library_data_dir, tmp_path_factory, "emptied"))
    for article in assistant.articles():  # type: ignore[attr-defined]
        assistant.delete_article(article.article_id)  # type: ignore[attr-defined]
    examples = ExampleQuestions(assistant).current()  # type: ignore[arg-type]
    assert examples.questions == [] and examples.library_empty
    markup = render.examples_html(examples.questions, examples.library_empty)
    assert "The library is empty" in markup and "Library tab" in markup and "rag ingest" in markup


def test_examples_are_remade_when_an_article_is_added_or_deleted(
    own_library_data_dir: Path, tmp_path_factory, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    assistant = _assistant(private_store(own_library_data_dir, tmp_path_factory, "changing"))
    examples = ExampleQuestions(assistant)  # type: ignore[arg-type]
    before = examples.current().questions
    assert examples.current().questions is before  # unchanged library: not remade
    path = tmp_path / "kiln.md"
    path.write_text(KILN_MD, encoding="utf-8")
    assistant.ingest([path])  # type: ignore[attr-defined]
    after = examples.current().questions
    assert after[0] == "What did Oriel Vantongeren say?"  # the newest article comes first
    assistant.delete_article(assistant.article_id_for(path))  # type: ignore[attr-defined]
    assert examples.current().questions == before
