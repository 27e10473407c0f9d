"""The chat tab's logic (ui/chat.py) against the real Assistant over the sample store."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import make_settings
from tests.ui.conftest import README_QUESTION
from ui.chat import AskForm, ChatController, Screen
from ui.session import load_turns

FORM = AskForm("extractive", 5, [], "", "")


def ask(controller: ChatController, question: str, raw: list | None = None, form: AskForm = FORM) -> list[Screen]:
    return list(controller.ask(question, raw or [], form))


def test_ask_streams_a_pending_turn_then_stores_the_answer_with_its_citations(assistant: object) -> None:
    screens = ask(ChatController(assistant), README_QUESTION)  # type: ignore[arg-type]
    assert 'class="turn pending"' in (screens[0].transcript or "") and screens[0].question == ""
    final = screens[-1]
    (turn,) = load_turns(final.turns)
    assert turn.answer.citations and re.search(r"\[1\]", turn.answer.answer)
    assert turn.settings["mode"] == "extractive" and turn.settings["top_k"] == 5
    assert final.view == {"turn": 0, "n": None}
    assert 'data-n="1"' in (final.transcript or "") and "Sources for" in (final.sources or "")
    assert (final.trace or "").count('<li class="hit') == len(turn.answer.retrieved)


def test_follow_up_is_rewritten_and_each_answer_keeps_its_own_sources(assistant: object) -> None:
    controller = ChatController(assistant)  # type: ignore[arg-type]
    first = ask(controller, "How long did the July 3 call last?")[-1]
    second = ask(controller, "What did they say about Iran?", first.turns)[-1]
    turns = load_turns(second.turns)
    assert len(turns) == 2 and turns[1].answer.rewritten_query
    assert "Searched for: " in (second.transcript or "")
    # Clicking a marker of the first answer shows the first answer's sources, not the latest.
    opened = controller.cite(second.turns, 0, 1)
    first_quote = turns[0].answer.citations[0].quote
    assert opened.view == {"turn": 0, "n": 1}
    assert '<details class="source active" data-n="1" open>' in (opened.sources or "")
    assert json.dumps(first_quote)[1:12] in json.dumps(opened.sources)


def test_open_article_shows_the_whole_article_with_the_quote(assistant: object) -> None:
    controller = ChatController(assistant)  # type: ignore[arg-type]
    final = ask(controller, README_QUESTION)[-1]
    citation = load_turns(final.turns)[0].answer.citations[0]
    screen = controller.open_article(final.turns, 0, 1)
    article = assistant.article(citation.article_id)  # type: ignore[attr-defined]
    assert screen.article and '<mark class="quote">' in screen.article
    assert len(re.sub(r"<[^>]+>", "", screen.article)) > len(citation.text)  # the whole article, not the passage
    assert article.title.split()[0] in screen.article


def test_errors_are_one_sentence_and_give_the_question_back(assistant: object) -> None:
    controller = ChatController(assistant)  # type: ignore[arg-type]
    too_long = "why " * 400
    (failed,) = ask(controller, too_long)  # refused before anything is shown as pending
    assert "keep it under 1000 characters" in (failed.status or "") and failed.question == too_long.strip()
    assert failed.turns is None  # nothing stored
    (bad_date,) = ask(controller, "When?", form=AskForm("extractive", 5, [], "yesterday", ""))
    assert "must look like 2025-07-03" in (bad_date.status or "")
    (empty,) = ask(controller, "   ")
    assert "Type a question" in (empty.status or "")


def test_retry_replaces_the_last_answer_and_new_chat_clears(assistant: object) -> None:
    controller = ChatController(assistant)  # type: ignore[arg-type]
    first = ask(controller, README_QUESTION)[-1]
    retried = list(controller.retry(first.turns, AskForm("extractive", 2, [], "", "")))[-1]
    turns = load_turns(retried.turns)
    assert len(turns) == 1 and turns[0].settings["top_k"] == 2
    assert "no answer to retry" in (list(controller.retry([], FORM))[0].status or "")
    cleared = controller.new_chat()
    assert cleared.turns == [] and "Ask a question" in (cleared.transcript or "")


def test_restore_shows_stored_answers_with_the_last_selected(assistant: object) -> None:
    controller = ChatController(assistant)  # type: ignore[arg-type]
    stored = ask(controller, README_QUESTION)[-1].turns
    screen = controller.restore(json.loads(json.dumps(stored)))
    assert screen.view == {"turn": 0, "n": None} and 'class="turn selected"' in (screen.transcript or "")
    assert "Sources for" in (screen.sources or "")


def test_rating_appends_feedback_and_marks_the_turn(fresh_data_dir: Path) -> None:
    from rag.assistant import Assistant

    controller = ChatController(Assistant.from_settings(make_settings(fresh_data_dir)))
    stored = ask(controller, README_QUESTION)[-1].turns
    screen = controller.rate(stored, {"turn": 0, "n": None}, 0, "down", "Misses the root causes.")
    assert "saved" in (screen.status or "") and screen.comment == ""
    assert load_turns(screen.turns)[0].rating == "down" and "rated-down" in (screen.transcript or "")
    (line,) = (fresh_data_dir / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(line)
    assert entry["rating"] == "down" and entry["comment"] == "Misses the root causes."
    assert entry["question"] == README_QUESTION and entry["citations"][0]["n"] == 1
    assert entry["settings"]["retrieval_mode"] == "hybrid"


def test_a_rating_is_written_from_the_servers_record_not_the_browsers_turn(fresh_data_dir: Path) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(make_settings(fresh_data_dir))
    controller = ChatController(assistant)
    stored = ask(controller, README_QUESTION)[-1].turns
    given = load_turns(stored)[0].answer
    edited = json.loads(json.dumps(stored))
    edited[0]["answer"]["answer"] = "Putin agreed to a ceasefire. [1]"  # what a hand-edited localStorage says
    edited[0]["answer"]["citations"][0]["quote"] = "Putin agreed to a ceasefire."
    screen = controller.rate(edited, {"turn": 0, "n": None}, 0, "down", None)
    assert "saved" in (screen.status or "")
    (entry,) = [json.loads(line) for line in (fresh_data_dir / "feedback.jsonl").read_text(encoding="utf-8").split("\n") if line]
    assert entry["answer"] == given.answer and entry["citations"][0]["quote"] == given.citations[0].quote

    # The same chat shown by another server process (after a restart): it has no record of the answer.
    other = ChatController(assistant).rate(stored, {"turn": 0, "n": None}, 0, "up", None)
    assert "This server has no record of that answer" in (other.status or "") and other.turns is None
    assert len((fresh_data_dir / "feedback.jsonl").read_text(encoding="utf-8").split("\n")) == 2  # still one entry


def test_llm_answers_stream_into_the_transcript(sample_data_dir: Path, openai_server: object) -> None:
    from rag.assistant import Assistant
    from tests.support.openai_server import FAKE_MODEL

    settings = make_settings(sample_data_dir, openai_base_url=openai_server.base_url, llm_model=FAKE_MODEL)  # type: ignore[attr-defined]
    # A scripted reply the passages support, so the answer stays the model's (no extractive fallback).
    openai_server.set_behaviour(  # type: ignore[attr-defined]
        "scripted",
        text="Putin told Trump that Russia will achieve its goals in Ukraine and will not abandon them [1].",
    )
    controller = ChatController(Assistant.from_settings(settings))
    screens = ask(controller, README_QUESTION, form=AskForm("llm", 5, [], "", ""))
    streamed = [s.transcript for s in screens[1:-1]]
    assert len(streamed) >= 2, "the answer should arrive in several deltas"
    assert all('class="answer streaming"' in (t or "") for t in streamed)
    lengths = [len(t or "") for t in streamed]
    assert lengths == sorted(lengths)
    (turn,) = load_turns(screens[-1].turns)
    assert turn.answer.mode == "llm" and turn.settings["mode"] == "llm", turn.answer.notice
    assert turn.answer.citations and 'data-n="1"' in (screens[-1].transcript or "")
