"""Chat turns as the browser stores them, the ask options, and the feedback file."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from rag.errors import InvalidRequestError
from rag.models import Answer, Citation, Passage
from rag.settings import Settings

from ui.answers import MAX_RATINGS_PER_ANSWER, AnswerLedger, IssuedAnswer
from ui.feedback import (
    MAX_COMMENT_CHARS,
    MAX_ENTRY_BYTES,
    FeedbackRecorder,
    FeedbackRefused,
    append_feedback,
    encode_entry,
    feedback_entry,
    feedback_path,
)
from ui.chat import AskForm
from ui.session import STORED_TRACE_CHARS, ChatTurn, conversation_for, dump_turns, load_turns


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


SERVER_SETTINGS = Settings(_env_file=None)  # type: ignore[call-arg]
SETTINGS = AskForm("extractive", 5, ["RFE/RL"], "2025-07-01", None).request("Who?", 1000).as_record(SERVER_SETTINGS)


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


def test_the_form_becomes_a_validated_request_naming_its_controls() -> None:
    request = AskForm("llm", 7.0, ["AP"], " 2025-07-01 ", "").request("Who called?", 1000)
    assert request.filters().publishers == ("AP",) and request.filters().date_from == "2025-07-01"
    assert request.filters().date_to is None and request.top_k == 7 and request.mode == "llm"
    unset = AskForm(None, None, None, None, None).request("Who called?", 1000)
    assert unset.as_record(SERVER_SETTINGS)["mode"] == "extractive" and unset.as_record(SERVER_SETTINGS)["top_k"] == 5
    with pytest.raises(InvalidRequestError, match="^The From date must look like 2025-07-03.$"):
        AskForm("extractive", 5, [], "July 1", "").request("Who called?", 1000)
    with pytest.raises(InvalidRequestError, match=r"^The From date \(2025-07-05\) is after the To date \(2025-07-01\); "):
        AskForm("extractive", 5, [], "2025-07-05", "2025-07-01").request("Who called?", 1000)
    with pytest.raises(InvalidRequestError, match="^The number of passages \\(top-k\\) must be a whole number from 1 to 50.$"):
        AskForm("extractive", "abc", [], "", "").request("Who called?", 1000)  # type: ignore[arg-type]
    assert SETTINGS == {
        "mode": "extractive", "top_k": 5, "retrieval_mode": "hybrid",
        "filters": {"publishers": ["RFE/RL"], "date_from": "2025-07-01", "date_to": None},
    }


def test_conversation_is_rebuilt_from_turns(assistant: object) -> None:
    turns = [ChatTurn(sample_answer("What did Putin tell Trump?"), SETTINGS)]
    conversation = conversation_for(assistant, turns)  # type: ignore[arg-type]
    assert [t.question for t in conversation.turns] == ["What did Putin tell Trump?"]
    assert conversation_for(assistant, []).turns == []  # type: ignore[arg-type]


def issued(answer: Answer | None = None, capacity: int = 10) -> tuple[AnswerLedger, IssuedAnswer]:
    ledger = AnswerLedger(capacity)
    record = ledger.get(ledger.issue(answer or sample_answer(), SETTINGS))
    assert record is not None
    return ledger, record


def test_feedback_entry_has_the_documented_shape(tmp_path: Path) -> None:
    answer = sample_answer()
    _, record = issued(answer)
    when = datetime(2025, 7, 4, 12, 30, tzinfo=timezone.utc)
    entry = feedback_entry(record, "down", "  The call lasted two hours.  ", now=when)
    assert list(entry) == ["timestamp", "rating", "comment", "question", "rewritten_query", "answer", "abstained",
                           "citations", "settings", "answer_id"]
    assert entry["timestamp"] == "2025-07-04T12:30:00+00:00"
    assert entry["comment"] == "The call lasted two hours."
    assert entry["citations"] == answer.to_contract()["citations"]
    assert entry["settings"] == SETTINGS and entry["answer_id"] == record.answer_id
    assert feedback_entry(record, "up", "   ")["comment"] is None


def test_feedback_lines_are_appended_whole_under_concurrency(tmp_path: Path) -> None:
    path = feedback_path(tmp_path / "data")
    long_answer = sample_answer().model_copy(update={"answer": "The call lasted about an hour. [1] " * 600})
    _, record = issued(long_answer)
    entry = feedback_entry(record, "up", "x" * MAX_COMMENT_CHARS)  # longer than a write buffer
    threads = [threading.Thread(target=append_feedback, args=(path, entry)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 9 and all(json.loads(line) == entry for line in lines[:-1])


def test_the_turn_keeps_the_servers_answer_id() -> None:
    turn = ChatTurn(sample_answer(), SETTINGS, answer_id="server-issued-id")
    (loaded,) = load_turns(json.loads(json.dumps(dump_turns([turn]))))
    assert loaded.answer_id == "server-issued-id"
    stored = turn.to_state()
    stored["answer_id"] = 42  # not an id: treated as an answer without one
    assert load_turns([stored])[0].answer_id is None


def test_the_ledger_forgets_the_least_recently_used_answers_beyond_its_capacity() -> None:
    ledger = AnswerLedger(2)
    first = ledger.issue(sample_answer("First?"), SETTINGS)
    second = ledger.issue(sample_answer("Second?"), SETTINGS)
    assert ledger.get(first) is not None  # used: now the most recent
    third = ledger.issue(sample_answer("Third?"), SETTINGS)
    assert ledger.get(second) is None and len(ledger) == 2
    assert ledger.get(first).question == "First?" and ledger.get(third).question == "Third?"  # type: ignore[union-attr]
    assert ledger.get("made-up") is None and ledger.get(None) is None and ledger.get(["x"]) is None
    assert len({ledger.issue(sample_answer(), SETTINGS) for _ in range(50)}) == 50  # ids never repeat


def test_ratings_are_written_only_for_answers_the_server_gave(tmp_path: Path) -> None:
    ledger, record = issued()
    recorder = FeedbackRecorder(ledger, feedback_path(tmp_path))
    with pytest.raises(FeedbackRefused, match="no record of that answer"):
        recorder.rate("made-up-id", "down", "Forged.")
    with pytest.raises(FeedbackRefused, match="rating must be up or down"):
        recorder.rate(record.answer_id, "meh", None)
    assert not feedback_path(tmp_path).exists()

    assert recorder.rate(record.answer_id, "down", "Wrong hour.").written
    assert not recorder.rate(record.answer_id, "down", " Wrong hour. ").written  # a double click: one line
    assert recorder.rate(record.answer_id, "up", None).written  # a change of mind is kept
    assert recorder.rate(record.answer_id, "down", "Still wrong.").written
    with pytest.raises(FeedbackRefused, match=f"already been rated {MAX_RATINGS_PER_ANSWER} times"):
        recorder.rate(record.answer_id, "up", None)
    lines = feedback_path(tmp_path).read_text(encoding="utf-8").split("\n")[:-1]
    assert [json.loads(line)["rating"] for line in lines] == ["down", "up", "down"]


def test_oversized_feedback_is_refused_in_one_sentence(tmp_path: Path) -> None:
    ledger, record = issued()
    recorder = FeedbackRecorder(ledger, feedback_path(tmp_path))
    with pytest.raises(FeedbackRefused) as refused:
        recorder.rate(record.answer_id, "down", "This is far too long. " * 500)
    assert refused.value.message == (
        f"The comment is 10,999 characters long; shorten it to at most {MAX_COMMENT_CHARS:,} and rate again."
    )
    with pytest.raises(FeedbackRefused, match="comment must be text"):
        recorder.rate(record.answer_id, "down", {"nested": "x" * 10})
    assert not feedback_path(tmp_path).exists()


def test_an_entry_over_the_byte_cap_drops_whole_passages_then_is_refused(tmp_path: Path) -> None:
    big = sample_answer()
    passage_text = "The harbour board met again. " * 1200  # ~35 KB per passage
    citations = [big.citations[0].model_copy(update={"n": n, "text": passage_text}) for n in (1, 2, 3)]
    _, record = issued(big.model_copy(update={"citations": citations}))
    line = encode_entry(feedback_entry(record, "down", "Too long?"))
    trimmed = json.loads(line)
    assert len(line) <= MAX_ENTRY_BYTES and trimmed["passages_trimmed"] is True
    assert [c["quote"] for c in trimmed["citations"]] == [c.quote for c in citations]
    assert all("text" not in c for c in trimmed["citations"])

    _, huge = issued(sample_answer().model_copy(update={"answer": "An answer without end. " * 4000}))
    with pytest.raises(FeedbackRefused, match=r"too large to save \(\d+ KB; the limit is 64 KB\)"):
        encode_entry(feedback_entry(huge, "down", None))


def test_line_breaks_json_leaves_raw_are_escaped_in_the_file(tmp_path: Path) -> None:
    _, record = issued(sample_answer("Who spoke\u2028first\u2029and\x85last?"))
    path = feedback_path(tmp_path)
    append_feedback(path, feedback_entry(record, "down", "a\u2028b"))
    raw = path.read_text(encoding="utf-8")
    assert raw.count("\n") == 1 and raw.splitlines() == [raw[:-1]]  # one line, however it is split
    assert json.loads(raw)["question"] == "Who spoke\u2028first\u2029and\x85last?"
