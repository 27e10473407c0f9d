"""`rag eval from-feedback`: thumbs-down entries become draft items, once each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.dataset import DatasetError, load_dataset
from tests.conftest import make_settings


def _entry(rating: str, question: str, comment: str | None = None) -> dict:
    return {
        "timestamp": "2025-07-05T10:00:00+00:00", "rating": rating, "comment": comment, "question": question,
        "rewritten_query": None, "answer": "Putin said so [1].", "abstained": False,
        "citations": [{"n": 1, "passage_id": "a::h::0000", "article_id": "a.txt", "quote": "Putin said so.",
                       "text": "passage", "start": 0, "end": 14, "support": "supported"}],
        "settings": {"mode": "extractive", "top_k": 5, "retrieval_mode": "hybrid", "filters": {}},
    }


@pytest.fixture()
def feedback_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    lines = [
        json.dumps(_entry("down", "Who called whom?", "Wrong person cited")),
        json.dumps(_entry("up", "How long was the call?")),
        "{torn line",
        json.dumps(_entry("down", "What did Trump say about progress?")),
        json.dumps({"rating": "down"}),  # no question: not usable
    ]
    (data_dir / "feedback.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data_dir


def test_thumbs_down_become_drafts_once(feedback_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.cli import main

    settings = make_settings(feedback_dir)
    out = tmp_path / "drafts.jsonl"
    assert main(["--from-feedback", "--out", str(out)], settings) == 0
    assert "Wrote 2 draft items" in capsys.readouterr().out

    drafts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["question"] for d in drafts] == ["Who called whom?", "What did Trump say about progress?"]
    first = drafts[0]
    assert first["draft"] is True and first["answerable"] is None and first["reference"] is None
    assert first["facts"] == [] and first["evidence"] == []
    assert first["notes"]["comment"] == "Wrong person cited"
    assert first["notes"]["answer_given"] == "Putin said so [1]."
    assert first["notes"]["cited"][0]["article_id"] == "a.txt"

    assert main(["--from-feedback", "--out", str(out), "--json"], settings) == 0
    assert json.loads(capsys.readouterr().out)["written"] == 0  # nothing drafted twice
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2

    with pytest.raises(DatasetError, match="draft"):
        load_dataset(out)  # a person must complete a draft before it counts


def test_drafts_go_under_the_data_dir_not_the_repository(feedback_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.cli import main

    repository_drafts = Path(__file__).resolve().parents[2] / "eval" / "drafts.jsonl"
    existed = repository_drafts.exists()
    assert main(["from-feedback", "--json"], make_settings(feedback_dir)) == 0
    written = Path(json.loads(capsys.readouterr().out)["path"])
    assert written == feedback_dir / "eval-drafts.jsonl" and len(written.read_text(encoding="utf-8").splitlines()) == 2
    assert repository_drafts.exists() == existed


def test_missing_feedback_file_is_one_sentence(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.cli import main

    assert main(["--from-feedback"], make_settings(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: There is no feedback file") and len(err.strip().splitlines()) == 1


# Every character Python's str.splitlines breaks on, besides "\n" and "\r".
LINE_SEPARATORS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", LINE_SEPARATORS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_line_separator_round_trips_through_the_ui_writer_and_this_reader(separator: str, tmp_path: Path) -> None:
    from eval.feedback import drafts_from_feedback
    from rag.models import Answer
    from ui.answers import AnswerLedger
    from ui.feedback import FeedbackRecorder, feedback_path

    question = f"Which ferry{separator}leaves first?"
    ledger = AnswerLedger(4)
    answer_id = ledger.issue(Answer(question=question, answer=f"The 21:15{separator}ferry."), {"mode": "extractive"})
    path = feedback_path(tmp_path / "data")
    FeedbackRecorder(ledger, path).rate(answer_id, "down", f"Wrong{separator}ferry.")

    out = tmp_path / "drafts.jsonl"
    outcome = drafts_from_feedback(path, out)
    assert (outcome.written, outcome.skipped_lines) == (1, 0)
    (draft,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]  # any reader splits right
    assert draft["question"] == question
    assert draft["notes"]["comment"] == f"Wrong{separator}ferry."
    assert draft["notes"]["answer_given"] == f"The 21:15{separator}ferry."


def test_raw_separators_from_another_writer_do_not_cut_entries(tmp_path: Path) -> None:
    from eval.feedback import drafts_from_feedback

    lines = [json.dumps(_entry("down", f"Who{c}called?", f"bad{c}one"), ensure_ascii=False) for c in LINE_SEPARATORS]
    assert all(c in line for c, line in zip(LINE_SEPARATORS[5:], lines[5:]))  # U+0085, U+2028, U+2029 stay raw
    for i, line in enumerate(lines):  # distinct timestamps, so each is its own draft
        lines[i] = line.replace("2025-07-05T10:00:00", f"2025-07-05T10:00:{i:02d}")
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "drafts.jsonl"
    outcome = drafts_from_feedback(feedback, out)
    assert (outcome.written, outcome.skipped_lines) == (len(LINE_SEPARATORS), 0)
    questions = [json.loads(line)["question"] for line in out.read_bytes().decode("utf-8").split("\n")[:-1]]
    assert questions == [f"Who{c}called?" for c in LINE_SEPARATORS]
    assert drafts_from_feedback(feedback, out).written == 0  # and the drafts file reads back whole


def test_an_answer_rated_several_times_counts_by_its_last_rating(tmp_path: Path) -> None:
    from eval.feedback import drafts_from_feedback

    changed_mind = [{**_entry("down", "Who called?"), "answer_id": "a1"}, {**_entry("up", "Who called?"), "answer_id": "a1"}]
    two_downs = [{**_entry("down", "How long?", "short"), "answer_id": "a2"},
                 {**_entry("down", "How long?", "far too short"), "answer_id": "a2"}]
    feedback = tmp_path / "feedback.jsonl"
    feedback.write_text("".join(json.dumps(e) + "\n" for e in changed_mind + two_downs), encoding="utf-8")
    out = tmp_path / "drafts.jsonl"
    outcome = drafts_from_feedback(feedback, out)
    (draft,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert outcome.written == 1 and outcome.thumbs_up == 1
    assert draft["question"] == "How long?" and draft["notes"]["comment"] == "far too short"
