"""The CLI in daily use, run as a user runs it: --trace, chat from a pipe and its commands, `rag delete`,
plurals, one-line usage errors, and the fast exit living only in `main()`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.rag.test_cli_ask import CONTRACT_KEYS, assert_one_line_error, run_rag

QUESTION = "How long did the July 3 call between Trump and Putin last?"
# Written for these tests: one article short enough to be one chunk.
KIOSK = "Kiosk reopens\nThe harbour kiosk in Port Ellery reopened on Friday with a new owner, Mara Lindqvist.\n"


def test_trace_without_json_is_a_readable_trace_on_stderr(sample_data_dir: Path, tmp_path: Path) -> None:
    result = run_rag(["ask", "--trace", QUESTION], sample_data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Retrieved ") and "passages" in result.stderr.splitlines()[0]
    assert "dense #" in result.stderr and "BM25 #" in result.stderr and "cited as [1]" in result.stderr
    assert "Timings: " in result.stderr
    assert "\nSources:\n" in result.stdout and "Retrieved" not in result.stdout  # stdout: the answer alone


def test_chat_from_a_pipe_answers_in_text_unless_json_is_asked(sample_data_dir: Path, tmp_path: Path) -> None:
    plain = run_rag(["chat"], sample_data_dir, tmp_path, stdin=QUESTION + "\n")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.startswith(f"> {QUESTION}\n") and "\nSources:\n" in plain.stdout
    assert not plain.stdout.lstrip().startswith("{")

    as_json = run_rag(["chat", "--json"], sample_data_dir, tmp_path, stdin=QUESTION + "\n")
    (line,) = as_json.stdout.splitlines()
    assert CONTRACT_KEYS <= set(json.loads(line))


def test_chat_slash_commands_are_commands_not_questions(sample_data_dir: Path, tmp_path: Path) -> None:
    lines = [
        "Who is the Kremlin spokesman Dmitry Peskov?",
        "/help",
        "/clear",
        "What did he say on state television?",  # after /clear, "he" has nobody to refer to
        "/nonsense",
        "/quit",
        "What did Zelensky say?",  # never read: /quit ended the chat
    ]
    result = run_rag(["chat", "--json"], sample_data_dir, tmp_path, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a.get("question") for a in answers] == [lines[0], lines[3], "/nonsense"]
    assert answers[1]["rewritten_query"] is None  # the conversation was cleared
    assert "not a command" in answers[2]["error"] and "/help" in answers[2]["error"]
    assert "/clear" in result.stderr and "/quit" in result.stderr  # the help, on stderr beside JSON
    assert "New conversation." in result.stderr

    plain = run_rag(["chat"], sample_data_dir, tmp_path, stdin="/help\n/quit\n")
    assert plain.returncode == 0 and "/clear" in plain.stdout and "Sources" not in plain.stdout


def test_delete_removes_an_article_and_says_so(fresh_data_dir: Path, tmp_path: Path) -> None:
    status = json.loads(run_rag(["status", "--json", "--no-check-endpoint"], fresh_data_dir, tmp_path).stdout)
    victim = status["articles"][0]
    result = run_rag(["delete", "--json", victim["article_id"]], fresh_data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["deleted"][0]["article_id"] == victim["article_id"]
    assert report["passages"] == victim["chunks"] == report["deleted"][0]["passages"]
    assert "still there" in result.stderr  # its file is in the articles folder: ingesting adds it back
    after = json.loads(run_rag(["status", "--json", "--no-check-endpoint"], fresh_data_dir, tmp_path).stdout)
    assert victim["article_id"] not in {a["article_id"] for a in after["articles"]}
    assert len(after["articles"]) == len(status["articles"]) - 1

    text = run_rag(["delete", after["articles"][0]["article_id"]], fresh_data_dir, tmp_path)
    assert text.returncode == 0 and text.stdout.startswith("Deleted “") and "passage" in text.stdout


def test_delete_errors_are_one_sentence_and_delete_nothing(fresh_data_dir: Path, tmp_path: Path) -> None:
    status = json.loads(run_rag(["status", "--json", "--no-check-endpoint"], fresh_data_dir, tmp_path).stdout)
    known = status["articles"][0]["article_id"]
    result = run_rag(["delete", "--json", known, "no-such-id"], fresh_data_dir, tmp_path)
    assert_one_line_error(result, 2, "no-such-id")
    assert result.stdout == ""
    after = json.loads(run_rag(["status", "--json", "--no-check-endpoint"], fresh_data_dir, tmp_path).stdout)
    assert len(after["articles"]) == len(status["articles"])
    assert_one_line_error(run_rag(["delete", "x"], tmp_path / "empty", tmp_path), 4, "run `rag ingest`")


def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "kiosk.txt").write_text(KIOSK, encoding="utf-8")
    data = tmp_path / "data"
    ingest = run_rag(["ingest"], data, tmp_path, RAG_ARTICLES_DIR=str(articles))
    assert ingest.returncode == 0, ingest.stderr
    assert ingest.stdout.rstrip().endswith("; 1 chunk embedded.")
    status = run_rag(["status", "--no-check-endpoint"], data, tmp_path, RAG_ARTICLES_DIR=str(articles))
    assert "| 1 chunk\n" in status.stdout and "1 passage)" in status.stdout and "1 chunks" not in status.stdout


def test_a_mistyped_option_is_one_sentence(tmp_path: Path) -> None:
    assert_one_line_error(run_rag(["ask", "--bogus", "Why?"], tmp_path, tmp_path), 2, "No such option: --bogus")
    assert_one_line_error(run_rag(["ask"], tmp_path, tmp_path), 2, "see `rag ask --help`")


def test_the_fast_exit_is_mains_alone(sample_data_dir: Path) -> None:
    """Running `rag ask` in-process (CliRunner, as tests and tools do) must return, not end the process."""
    code = (
        "from typer.testing import CliRunner; from rag.cli import app; "
        f"result = CliRunner().invoke(app, ['ask', {QUESTION!r}]); "
        "print('returned', result.exit_code, 'an hour' in result.output)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"RAG_DATA_DIR": str(sample_data_dir), "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip().splitlines()[-1:] == ["returned 0 True"], result.stderr


def test_the_trace_numbers_passages_in_order_and_tells_the_fused_rank_apart() -> None:
    """Passages of one article that overlap are merged into the better-ranked one, so fused ranks skip numbers:
    the list is numbered 1, 2, ... and each passage's fused rank is said beside its other ranks."""
    from rag.trace import format_trace
    from rag.models import Answer, Passage

    def passage(pid: str, fused: int) -> Passage:
        text = f"The Orlow ferry sailed on time on day {fused}."
        return Passage(passage_id=pid, article_id=pid, title="Ferry", source="Orlow Post", text=text, start=0,
                       end=len(text), fused_rank=fused, dense_rank=fused, bm25_rank=None)  # fmt: skip

    trace = format_trace(Answer(question="q", answer="a", retrieved=[passage("a", 1), passage("b", 4)]))
    first, second = [line for line in trace.splitlines() if "score" in line]
    assert first.startswith("   1. ") and "fused #1" in first
    assert second.startswith("   2. ") and "fused #4, dense #4" in second
