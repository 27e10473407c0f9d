"""`rag eval --from-feedback`: thumbs-down entries become draft items, once each."""

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
    assert "Wrote 2 draft item(s)" in capsys.readouterr().out

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


def test_missing_feedback_file_is_one_sentence(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.cli import main

    assert main(["--from-feedback"], make_settings(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: There is no feedback file") and len(err.strip().splitlines()) == 1
