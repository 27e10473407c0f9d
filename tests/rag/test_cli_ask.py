"""`rag ask` and `rag chat` as a user runs them: real processes, exit codes, one-line errors.

Each run is its own process forked from a helper that has done the imports
(tests/support/warm_process.py); `fresh=True` runs the installed `rag` executable
in a new interpreter, as the tests of start-up itself do."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from rag.models import CANNOT_ANSWER
from tests.support import warm_process
from tests.support.openai_server import FakeOpenAIServer

RAG = str(Path(sys.executable).with_name("rag"))
CONTRACT_KEYS = {"question", "rewritten_query", "answer", "abstained", "mode", "notice", "citations", "timings_ms"}
CITATION_KEYS = {"n", "passage_id", "article_id", "title", "source", "published", "url", "text", "quote", "start",
                 "end", "score", "support"}


def run_rag(args: list[str], data_dir: Path, cwd: Path, stdin: str | None = None, fresh: bool = False,
            **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RAG_") and not k.startswith("OPENAI_")}
    environment.update({"RAG_DATA_DIR": str(data_dir), **env})
    return warm_process.run_rag(args, env=environment, cwd=cwd, input=stdin, timeout=120, fresh=fresh)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, fragment: str) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and fragment in lines[0], result.stderr


def test_ask_json_follows_the_contract(sample_data_dir: Path, tmp_path: Path) -> None:
    # the installed executable, from its own start-up
    result = run_rag(["ask", "--json", "How long did the July 3 call between Trump and Putin last?"], sample_data_dir,
                     tmp_path, fresh=True)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert CONTRACT_KEYS <= set(answer)
    assert answer["mode"] == "extractive" and not answer["abstained"]
    assert "an hour" in answer["answer"]
    assert answer["citations"] and all(CITATION_KEYS <= set(c) for c in answer["citations"])
    assert any("an hour" in c["quote"] and c["quote"] in c["text"] for c in answer["citations"])
    assert set(answer["timings_ms"]) >= {"retrieve", "answer", "total"}


def test_ask_prints_answer_then_sources(sample_data_dir: Path, tmp_path: Path) -> None:
    result = run_rag(["ask", "What did Putin tell Trump about Russia's goals in Ukraine?"], sample_data_dir, tmp_path)
    assert result.returncode == 0, result.stderr
    answer, _, sources = result.stdout.partition("\nSources:\n")
    assert "[1]" in answer
    assert sources.lstrip().startswith("[1] ") and '"' in sources


def test_unanswerable_gets_the_refusal_and_no_citation(sample_data_dir: Path, tmp_path: Path) -> None:
    result = run_rag(["ask", "--json", "What did the Pope say about the ceasefire talks?"], sample_data_dir, tmp_path)
    answer = json.loads(result.stdout)
    assert answer["abstained"] and answer["answer"] == CANNOT_ANSWER and answer["citations"] == []


@pytest.mark.parametrize(
    ("question", "fragment"),
    [("   ", "empty"), ("x" * 1200, "characters long"), ("Why\x07 now?", "control characters")],
)
def test_bad_questions_exit_non_zero_with_one_sentence(
    sample_data_dir: Path, tmp_path: Path, question: str, fragment: str
) -> None:
    assert_one_line_error(run_rag(["ask", question], sample_data_dir, tmp_path), 2, fragment)


def test_no_index_yet(tmp_path: Path) -> None:
    result = run_rag(["ask", "Who called whom?"], tmp_path / "empty", tmp_path, fresh=True)
    assert_one_line_error(result, 4, "run `rag ingest`")


def test_invalid_setting_is_one_sentence(sample_data_dir: Path, tmp_path: Path) -> None:
    result = run_rag(["ask", "Who called?"], sample_data_dir, tmp_path, RAG_TOP_K="many")
    assert_one_line_error(result, 2, "top_k")


def test_llm_mode_needs_an_endpoint(sample_data_dir: Path, tmp_path: Path) -> None:
    result = run_rag(["ask", "--mode", "llm", "Who called?"], sample_data_dir, tmp_path)
    assert_one_line_error(result, 2, "OPENAI_BASE_URL")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_endpoint(sample_data_dir: Path, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/v1"
    settings = {"OPENAI_BASE_URL": url, "RAG_LLM_MAX_RETRIES": "0", "RAG_LLM_TIMEOUT": "2"}
    # a new interpreter: its slow start (importing openai) must not turn the refused connection into a timeout
    strict = run_rag(["ask", "--mode", "llm", "How long was the call?"], sample_data_dir, tmp_path, fresh=True,
                     **settings)
    assert_one_line_error(strict, 5, "Cannot reach the language model")
    # in auto mode the answer degrades to extractive with a visible notice
    relaxed = run_rag(["ask", "--json", "How long did the July 3 call last?"], sample_data_dir, tmp_path, **settings)
    assert relaxed.returncode == 0, relaxed.stderr
    answer = json.loads(relaxed.stdout)
    assert answer["mode"] == "extractive" and "Cannot reach the language model" in answer["notice"]
    assert "Note: " in relaxed.stderr


def test_a_password_in_the_endpoint_url_stays_out_of_the_error(sample_data_dir: Path, tmp_path: Path) -> None:
    url = f"http://ada:pw-Quillon-55@127.0.0.1:{_closed_port()}/v1"
    settings = {"OPENAI_BASE_URL": url, "RAG_LLM_MAX_RETRIES": "0", "RAG_LLM_TIMEOUT": "2"}
    result = run_rag(["ask", "--mode", "llm", "How long was the call?"], sample_data_dir, tmp_path, **settings)
    assert_one_line_error(result, 5, "Cannot reach the language model at http://ada:********@127.0.0.1:")
    assert "pw-Quillon-55" not in result.stderr + result.stdout


def test_chat_reads_lines_and_prints_json_lines(sample_data_dir: Path, tmp_path: Path) -> None:
    questions = "Who is the Kremlin spokesman Dmitry Peskov?\nWhat did he say on state television?\n\n"
    result = run_rag(["chat", "--json"], sample_data_dir, tmp_path, stdin=questions)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and all(CONTRACT_KEYS <= set(line) for line in lines)
    assert lines[0]["rewritten_query"] is None
    assert "peskov" in (lines[1]["rewritten_query"] or "").lower()


def test_a_server_that_is_not_an_openai_api_says_what_to_check(sample_data_dir: Path, tmp_path: Path) -> None:
    """A plain web server (`python -m http.server` answers a POST with HTTP 501) as OPENAI_BASE_URL."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002  the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        result = run_rag(["ask", "--mode", "llm", "How long was the call?"], sample_data_dir, tmp_path,
                         OPENAI_BASE_URL=url, RAG_LLM_MAX_RETRIES="0")
    finally:
        server.shutdown()
        server.server_close()
    assert_one_line_error(result, 5, f"The language model at {url} failed with HTTP 501; check the server's log, "
                                     "and that OPENAI_BASE_URL is its OpenAI-compatible API (often ending in /v1).")


def test_chat_with_mode_llm_reports_an_endpoint_failure_like_ask(
    sample_data_dir: Path, tmp_path: Path, openai_server: FakeOpenAIServer
) -> None:
    openai_server.set_behaviour("error500")
    settings = {"OPENAI_BASE_URL": openai_server.base_url, "RAG_LLM_MAX_RETRIES": "0", "OPENAI_API_KEY": "sk-test"}
    questions = "How long did the July 3 call last?\nWho did Putin speak with?\n"
    result = run_rag(["chat", "--mode", "llm", "--json"], sample_data_dir, tmp_path, stdin=questions, **settings)
    assert result.returncode == 5, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [set(line) for line in lines] == [{"question", "error"}] * 2, "one error per question, the chat went on"
    assert all("failed with HTTP 500" in line["error"] for line in lines)
    assert "sk-test" not in result.stdout + result.stderr
    text = run_rag(["chat", "--mode", "llm"], sample_data_dir, tmp_path, stdin=questions[:35] + "\n", **settings)
    assert text.returncode == 5 and "Note:" not in text.stderr
    assert_one_line_error(text, 5, "failed with HTTP 500")
    # without --mode llm the chat still degrades to extractive answers with a note
    relaxed = run_rag(["chat"], sample_data_dir, tmp_path, stdin=questions[:35] + "\n", **settings)
    assert relaxed.returncode == 0 and "Note: The language model failed" in relaxed.stderr
