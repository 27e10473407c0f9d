"""The answer cache (rag/answer_cache.py) on a real embedded store: a question asked again while the library is
unchanged gets the answer already found, without searching again; any write (an upload, a delete, a metadata
edit) makes every question be answered anew, from the library as it now is.

Whether a question was searched is seen by counting the query embeddings the real encoder makes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rag.assistant import Assistant
from rag.library import ingest_paths
from rag.models import Answer
from rag.services import build_encoder, build_store
from tests.conftest import make_settings
from tests.support.gated_encoder import GatedEncoder

# Articles written for these tests.
QUARRY = (
    "Quarry road closes for resurfacing\n"
    "The Penhallow quarry road will close for nine days from 4 May while the county council resurfaces it.\n"
)
QUARRY_QUESTION = "How long will the Penhallow quarry road close?"
BAKERY = (
    "Bakery wins county prize\n"
    "The Millbeck bakery won the county bread prize for its rye loaf, the judges said on Friday.\n"
)
ORCHARD_MD = """---
title: Ashcombe orchard replanted
publisher: Ashcombe Gazette
date: 2027-03-02
---
The Ashcombe orchard trust planted 140 new apple trees this spring, its warden said.
"""
ORCHARD_QUESTION = "How many apple trees did the Ashcombe orchard trust plant?"


class CountingEncoder(GatedEncoder):
    """The real encoder, counting query embeddings: an answer handed out again embedded nothing."""

    def __init__(self, real: Any) -> None:
        super().__init__(real)
        self.queries = 0

    def embed_query(self, text: str) -> list[float]:
        self.queries += 1
        return super().embed_query(text)


@pytest.fixture()
def village(tmp_path: Path) -> tuple[Assistant, CountingEncoder, Path]:
    """Two articles in a folder with a manifest, ingested into a fresh store; the Assistant counts its searches."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "quarry.txt").write_text(QUARRY, encoding="utf-8")
    (folder / "bakery.txt").write_text(BAKERY, encoding="utf-8")
    manifest = {"articles": {"quarry.txt": {"publisher": "Penhallow Post", "published": "2027-04-20"}}}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assert len(ingest_paths(settings, [folder]).added) == 2
    encoder = CountingEncoder(build_encoder(settings))
    return Assistant(settings, build_store(settings, encoder).open_for_reading(), encoder), encoder, folder


def same(first: Answer, second: Answer) -> bool:
    return {**first.to_contract(True), "timings_ms": None} == {**second.to_contract(True), "timings_ms": None}


def asked_twice(assistant: Assistant, encoder: CountingEncoder, question: str) -> Answer:
    """Ask twice: the first is searched for, the second handed out again (it searches nothing)."""
    before = encoder.queries
    first = assistant.ask(question)
    assert encoder.queries == before + 1
    again = assistant.ask(question)
    assert encoder.queries == before + 1, "asked again with the library unchanged, the question was searched again"
    assert same(first, again) and again is not first
    return again


def test_a_question_asked_again_gets_the_answer_already_found_until_something_differs(village: Any) -> None:
    assistant, encoder, _ = village
    answer = asked_twice(assistant, encoder, QUARRY_QUESTION)
    assert "nine days" in answer.answer and answer.timings_ms["total"] >= 0
    assert "answer_cache" in answer.timings_ms  # says it was handed out again

    spaced = assistant.ask(f"  {QUARRY_QUESTION.replace(' ', '   ')} ")
    assert encoder.queries == 1 and same(spaced, answer.model_copy(update={"question": spaced.question}))
    # another option, setting or question is searched for
    assistant.ask(QUARRY_QUESTION, top_k=1)
    assert encoder.queries == 2
    assistant.settings.max_answer_sentences += 1
    assistant.ask(QUARRY_QUESTION)
    assert encoder.queries == 3
    assistant.ask(QUARRY_QUESTION.lower())
    assert encoder.queries == 4
    # what a user does with their copy does not change the one kept
    mine = assistant.ask(QUARRY_QUESTION)
    mine.citations.clear()
    mine.answer = "changed"
    assert assistant.ask(QUARRY_QUESTION).citations and encoder.queries == 4


def test_an_upload_makes_questions_be_answered_anew(village: Any, tmp_path: Path) -> None:
    assistant, encoder, _ = village
    assert asked_twice(assistant, encoder, ORCHARD_QUESTION).abstained
    upload = tmp_path / "upload"
    upload.mkdir()
    (upload / "orchard.md").write_text(ORCHARD_MD, encoding="utf-8")

    assistant.ingest([upload], prune=False)

    before = encoder.queries
    answer = assistant.ask(ORCHARD_QUESTION)
    assert encoder.queries == before + 1
    assert not answer.abstained and "140" in answer.answer
    assert {c.source for c in answer.citations} == {"Ashcombe Gazette"}


def test_a_delete_makes_questions_be_answered_anew(village: Any) -> None:
    assistant, encoder, folder = village
    answer = asked_twice(assistant, encoder, QUARRY_QUESTION)
    assert not answer.abstained

    assistant.delete_article(assistant.article_id_for(folder / "quarry.txt"))

    before = encoder.queries
    answer = assistant.ask(QUARRY_QUESTION)
    assert encoder.queries == before + 1
    assert answer.abstained and not answer.citations


def test_a_metadata_edit_makes_questions_be_answered_anew(village: Any) -> None:
    assistant, encoder, folder = village
    answer = asked_twice(assistant, encoder, QUARRY_QUESTION)
    assert {c.source for c in answer.citations} == {"Penhallow Post"}

    assistant.edit_article(assistant.article_id_for(folder / "quarry.txt"), publisher="Penhallow Courier")

    before = encoder.queries
    answer = assistant.ask(QUARRY_QUESTION)
    assert encoder.queries == before + 1
    assert {c.source for c in answer.citations} == {"Penhallow Courier"}


def test_a_write_by_another_process_makes_questions_be_answered_anew(village: Any, tmp_path: Path) -> None:
    assistant, encoder, _ = village
    assert asked_twice(assistant, encoder, ORCHARD_QUESTION).abstained
    upload = tmp_path / "elsewhere"
    upload.mkdir()
    (upload / "orchard.md").write_text(ORCHARD_MD, encoding="utf-8")

    ingest_paths(assistant.settings, [upload], prune=False)  # `rag ingest` beside the app: a store of its own

    answer = assistant.ask(ORCHARD_QUESTION)
    assert not answer.abstained and "140" in answer.answer
