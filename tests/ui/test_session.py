"""Chat turns as the browser stores them, the ask options, and the feedback file."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rag.models import Answer, Citation, Passage

from ui.feedback import append_feedback, feedback_entry, feedback_path
from ui.session import (
    STORED_TRACE_CHARS,
    AskOptions,
    ChatTurn,
    OptionsError,
    conversation_for,
    dump_turns,
    load_turns,
)


def sample_answer(question: str = "How long did the call last?") -> Answer:
    citation = Citation(
        n=1, passage_id="a::h::0000", article_id="a.txt", title="Call", source="RFE/RL", published="2025-07-03",
        text="The call lasted about an hour.", quote="The call lasted about an hour.", start=10, end=40,
        passage_start=10, score=0.03, support="supported",
    )
    passage = Passage(passage_id="a::h::0000", article_id="a.txt", title="Call", source="RFE/RL", text="p" * 2000,
                      start=10, end=2010, score=0.03, dense_rank=1, bm25_rank=2, fused_rank=1)
    return Answer(question=question, answer="The call lasted about an hour. [1]", citations=[citation],
                  retrieved=[passage], timings_ms={"total": 5.0})


SETTINGS = AskOptions("extractive", 5, ("RFE/RL",), "2025-07-01", None).as_record("hybrid")


def test_turns_round_trip_through_browser_storage_as_json() -> None:
    turn = ChatTurn(sample_answer(), SETTINGS, rating="down", comment="wrong")
    stored = json.loads(json.dumps(dump_turns([turn])))
    (loaded,) = load_turns(stored)
    assert loaded.answer.citations == turn.answer.citations
    assert loaded.settings == SETTINGS and loaded.rating == "down" and loaded.comment == "wrong"
    # Retrieved passages are trimmed for storage; ranks are kept for the trace.
    assert len(loaded.answer.retrieved[0].text) == STORED_TRACE_CHARS
    assert loaded.answer.retrieved[0].bm25_rank == 2


def test_unreadable_stored_turns_are_dropped() -> None:
    good = ChatTurn(sample_answer(), SETTINGS).to_state()
    assert len(load_turns([good, {"answer": {"nonsense": 1}}, "text", None, good])) == 2
    assert load_turns("not a list") == [] and load_turns(None) == []


def test_options_validate_dates_and_build_filters() -> None:
    options = AskOptions.from_form("llm", 7.0, ["AP"], " 2025-07-01 ", "")
    assert options.filters().publishers == ("AP",) and options.filters().date_from == "2025-07-01"
    assert options.filters().date_to is None and options.top_k == 7 and options.mode == "llm"
    assert AskOptions.from_form(None, None, None, None, None).mode == "extractive"
    with pytest.raises(OptionsError, match="From date must look like 2025-07-03"):
        AskOptions.from_form("extractive", 5, [], "July 1", "")
    with pytest.raises(OptionsError, match="after the To date"):
        AskOptions.from_form("extractive", 5, [], "2025-07-05", "2025-07-01")
    assert SETTINGS == {
        "mode": "extractive", "top_k": 5, "retrieval_mode": "hybrid",
        "filters": {"publishers": ["RFE/RL"], "date_from": "2025-07-01", "date_to": None},
    }


def test_conversation_is_rebuilt_from_turns(assistant: object) -> None:
    turns = [ChatTurn(sample_answer("What did Putin tell Trump?"), SETTINGS)]
    conversation = conversation_for(assistant, turns)  # type: ignore[arg-type]
    assert [t.question for t in conversation.turns] == ["What did Putin tell Trump?"]
    assert conversation_for(assistant, []).turns == []  # type: ignore[arg-type]


def test_feedback_entry_has_the_documented_shape(tmp_path: Path) -> None:
    turn = ChatTurn(sample_answer(), SETTINGS)
    when = datetime(2025, 7, 4, 12, 30, tzinfo=timezone.utc)
    entry = feedback_entry(turn, "down", "  The call lasted two hours.  ", now=when)
    assert list(entry) == ["timestamp", "rating", "comment", "question", "rewritten_query", "answer", "abstained",
                           "citations", "settings"]
    assert entry["timestamp"] == "2025-07-04T12:30:00+00:00"
    assert entry["comment"] == "The call lasted two hours."
    assert entry["citations"] == turn.answer.to_contract()["citations"]
    assert entry["settings"] == SETTINGS
    assert feedback_entry(turn, "up", "   ")["comment"] is None


def test_feedback_lines_are_appended_whole_under_concurrency(tmp_path: Path) -> None:
    path = feedback_path(tmp_path / "data")
    entry = feedback_entry(ChatTurn(sample_answer(), SETTINGS), "up", "x" * 20_000)  # longer than a write buffer
    threads = [threading.Thread(target=append_feedback, args=(path, entry)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8 and all(json.loads(line) == entry for line in lines)
