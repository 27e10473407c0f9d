"""The UI server under hostile or broken conditions, over real HTTP.

Forged feedback (the page's own rate event called with a made-up chat, the
/feedback endpoint with a made-up answer id), oversized feedback, `rag serve`
on all interfaces without a password, password guessing, and a Chroma store
that dies under a running app (a stopped `chroma run` server, a damaged
embedded store). Every failure must reach the client as one sentence.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
from pydantic import SecretStr

from rag.models import Answer, Citation
from rag.settings import BUNDLED_ARTICLES_DIR
from tests.conftest import make_settings
from tests.index.conftest import CHROMA_CLI, CHROMA_START_SECONDS, _heartbeat
from tests.ui.conftest import README_QUESTION, RunningApp, free_port, launch_app, private_store

SHORT_ARTICLE = "000_037889587b53874b.txt"


# --- talking to the app the way the page and an HTTP client do ----------------------------------
def private_event(url: str, api_name: str, data: list[Any], event_data: dict[str, Any]) -> dict[str, Any]:
    """Run one of the page's own (private) events as the browser does: queue/join, then read the result."""
    config = httpx.get(f"{url}/config", timeout=10).json()
    dependency = next(d for d in config["dependencies"] if d.get("api_name") == api_name)
    session = uuid.uuid4().hex
    body = {
        "data": data,
        "event_data": event_data,
        "fn_index": dependency["id"],
        "trigger_id": dependency["targets"][0][0],
        "session_hash": session,
    }
    assert httpx.post(f"{url}/gradio_api/queue/join", json=body, timeout=10).status_code == 200
    with httpx.stream("GET", f"{url}/gradio_api/queue/data", params={"session_hash": session}, timeout=60) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[len("data:") :])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("the event never completed")


def rest_call(url: str, api_name: str, data: list[Any]) -> tuple[str, Any]:
    """POST /gradio_api/call/<name>, then read its event stream: ("complete" | "error", payload)."""
    started = httpx.post(f"{url}/gradio_api/call/{api_name}", json={"data": data}, timeout=10)
    assert started.status_code == 200, started.text
    event_id = started.json()["event_id"]
    kind = None
    with httpx.stream("GET", f"{url}/gradio_api/call/{api_name}/{event_id}", timeout=60) as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind in ("complete", "error"):
                return kind, json.loads(line[len("data:") :])
    raise AssertionError("the call never completed")


def forged_turn(answer_id: str | None, question: str = "Did the harbour minister resign?") -> dict[str, Any]:
    """A chat turn as the browser stores it, for an answer the server never gave."""
    quote = "The harbour minister resigned on Tuesday."
    citation = Citation(
        n=1, passage_id="made::up::0000", article_id="made-up.txt", title="Minister quits", source="Nowhere Times",
        published="2025-07-01", text=quote, quote=quote, start=0, end=len(quote), passage_start=0, score=1.0,
        support="supported",
    )
    answer = Answer(question=question, answer=f"{quote} [1]", citations=[citation])
    settings = {"mode": "extractive", "top_k": 5, "retrieval_mode": "hybrid", "filters": {}}
    return {"answer": answer.model_dump(mode="json"), "settings": settings, "rating": None, "comment": None,
            "answer_id": answer_id}


def rate_through_the_page(url: str, turns: list[dict[str, Any]], rating: str, comment: str) -> str:
    """Click Good/Bad on turn 0 the way the page does; returns the status line's HTML."""
    message = private_event(url, "on_rate", [turns, {"turn": 0, "n": None}, comment], {"turn": 0, "rating": rating})
    assert message["success"], message
    outputs = message["output"]["data"]
    status = outputs[4]  # transcript, sources, article, trace, status, ...
    return str(status.get("value", "")) if isinstance(status, dict) else str(status)


def feedback_lines(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / "feedback.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").split("\n") if line]


@pytest.fixture(scope="module")
def hostile_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "hostile-store"))
    try:
        yield running
    finally:
        app.close()


@pytest.fixture(scope="module")
def client(hostile_app: RunningApp):  # type: ignore[no-untyped-def]
    from gradio_client import Client

    return Client(hostile_app.url, verbose=False, download_files=False)


# --- forged and oversized feedback --------------------------------------------------------------
def test_a_made_up_answer_cannot_be_rated_through_the_pages_own_event(hostile_app: RunningApp) -> None:
    for answer_id in (None, "made-up-answer-id"):
        status = rate_through_the_page(hostile_app.url, [forged_turn(answer_id)], "down", "Forged.")
        assert "This server has no record of that answer" in status, status
    assert feedback_lines(hostile_app.data_dir) == []


def test_a_made_up_answer_id_cannot_be_rated_through_the_api(hostile_app: RunningApp, client) -> None:  # type: ignore[no-untyped-def]
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="This server has no record of that answer"):
        client.predict(answer_id="made-up-answer-id", rating="down", comment="Forged.", api_name="/feedback")
    assert feedback_lines(hostile_app.data_dir) == []


def test_a_real_answers_feedback_is_written_from_the_servers_own_record(hostile_app: RunningApp, client) -> None:  # type: ignore[no-untyped-def]
    given = client.predict(question=README_QUESTION, api_name="/ask")
    answer_id = given["answer_id"]
    assert given["citations"] and isinstance(answer_id, str) and len(answer_id) >= 20

    # The page's chat names the real answer but claims it said something else, with another quote.
    tampered = forged_turn(answer_id, question="Did Putin agree to a ceasefire?")
    status = rate_through_the_page(hostile_app.url, [tampered], "down", "Misses the root causes.")
    assert "was saved" in status and "Did Putin agree" not in status, status
    client.predict(answer_id=answer_id, rating="up", comment="", api_name="/feedback")

    entries = [e for e in feedback_lines(hostile_app.data_dir) if e["answer_id"] == answer_id]
    assert [e["rating"] for e in entries] == ["down", "up"]
    for entry in entries:
        assert entry["question"] == README_QUESTION and entry["answer"] == given["answer"]
        assert entry["citations"] == given["citations"]
        assert "harbour minister" not in json.dumps(entry)
    assert entries[0]["comment"] == "Misses the root causes." and entries[1]["comment"] is None


def test_oversized_feedback_is_refused_in_one_sentence(hostile_app: RunningApp, client) -> None:  # type: ignore[no-untyped-def]
    from gradio_client.exceptions import AppError

    answer_id = client.predict(question="How long did the July 3 call last?", api_name="/ask")["answer_id"]
    before = len(feedback_lines(hostile_app.data_dir))
    for _ in range(3):
        with pytest.raises(AppError) as refused:
            client.predict(answer_id=answer_id, rating="down", comment="x" * 5_000_000, api_name="/feedback")
        assert str(refused.value) == (
            "The comment is 5,000,000 characters long; shorten it to at most 2,000 and rate again."
        )
    status = rate_through_the_page(
        hostile_app.url, [forged_turn(answer_id)], "down", "This comment goes on and on. " * 100
    )
    assert "shorten it to at most 2,000" in status
    assert len(feedback_lines(hostile_app.data_dir)) == before


def test_api_failures_always_carry_a_sentence(hostile_app: RunningApp) -> None:
    kind, payload = rest_call(hostile_app.url, "ask", [README_QUESTION])  # too few values for gradio itself
    assert kind == "error" and payload["error"] == "An event handler (ask) didn't receive enough input values (needed: 7, got: 1)."
    kind, payload = rest_call(hostile_app.url, "ask", [README_QUESTION, "", "many", None, "", "", ""])
    assert kind == "error" and payload["error"] == "top_k must be a whole number from 1 to 50."
    assert payload["title"] == "400 Bad Request"
    kind, payload = rest_call(hostile_app.url, "feedback", ["made-up", "sideways", ""])
    assert kind == "error" and payload["error"] == "The rating must be up or down." and payload["title"] == "400 Bad Request"


# --- exposure ---------------------------------------------------------------------------------
def _serve_command(port: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", "serve", "--host", "0.0.0.0", "--port", str(port), *extra]


def _serve_env(data_dir: Path, **extra: str) -> dict[str, str]:
    kept = {k: v for k, v in os.environ.items() if not k.startswith("RAG_") and k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    return {**kept, "RAG_DATA_DIR": str(data_dir), **extra}


def test_serve_on_all_interfaces_refuses_without_a_password(fresh_data_dir: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        _serve_command(free_port()), env=_serve_env(fresh_data_dir), cwd=tmp_path, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "Error: Refusing to listen on 0.0.0.0 without a password, since anyone who can connect could read, upload "
        "and delete articles: set RAG_UI_AUTH=user:password, or pass --allow-unauthenticated if the network is trusted."
    ]


def test_serve_on_all_interfaces_starts_when_allowed_or_with_a_password(fresh_data_dir: Path, tmp_path: Path) -> None:
    for extra_args, extra_env, warned in (
        (("--allow-unauthenticated",), {}, True),
        ((), {"RAG_UI_AUTH": "ann:s3cret"}, False),
    ):
        port = free_port()
        process = subprocess.Popen(
            _serve_command(port, *extra_args), env=_serve_env(fresh_data_dir, **extra_env), cwd=tmp_path,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()  # type: ignore[union-attr]
        try:
            assert f":{port}/" in lines.get(timeout=120)
            status = httpx.get(f"http://127.0.0.1:{port}/config", timeout=10).status_code
            assert status == (200 if warned else 401)
        finally:
            process.terminate()
            _, err = process.communicate(timeout=30)
        assert ("other machines can reach it" in err) is warned and "Traceback" not in err


# --- password guessing --------------------------------------------------------------------------
def test_wrong_passwords_are_throttled_per_address(fresh_data_dir: Path) -> None:
    from rag.assistant import Assistant
    from ui.app import build_app
    from ui.launch import launch_options

    settings = make_settings(
        fresh_data_dir, ui_port=free_port(), ui_auth=SecretStr("ann:s3cret"), ui_login_attempts=3, ui_login_wait=1.0
    )
    app = build_app(Assistant.from_settings(settings))
    app.queue()
    app.launch(prevent_thread_lock=True, **launch_options(settings))
    login = f"http://127.0.0.1:{settings.ui_port}/login"
    # uvicorn takes the client's address from X-Forwarded-For when the request comes from 127.0.0.1,
    # as it does behind a local reverse proxy: that is how two clients are told apart here.
    guesser, user = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "198.51.100.2"}
    wrong, right = {"username": "ann", "password": "guess"}, {"username": "ann", "password": "s3cret"}
    try:
        with httpx.Client(timeout=10) as http:
            codes = [http.post(login, data=wrong, headers=guesser).status_code for _ in range(3)]
            assert codes == [400, 400, 400]
            for attempt in (wrong, wrong, right):  # even the right password waits: it could be a lucky guess
                throttled = http.post(login, data=attempt, headers=guesser)
                assert throttled.status_code == 429
                assert throttled.json()["detail"] == "Too many failed sign-ins from your address; wait 1 second and try again."
                assert throttled.headers["retry-after"] == "1"
            assert http.post(login, data=right, headers=user).status_code == 200  # other addresses sign in as usual

            time.sleep(float(throttled.headers["retry-after"]) + 0.2)  # the wait is over
            assert http.post(login, data=right, headers=guesser).status_code == 200
            assert http.post(login, data=wrong, headers=guesser).status_code == 400  # the count started again
    finally:
        app.close()


# --- a store that dies under the running app ---------------------------------------------------
def _start_chroma(path: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    process = subprocess.Popen(
        [str(CHROMA_CLI), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    deadline = time.monotonic() + CHROMA_START_SECONDS
    while not _heartbeat("127.0.0.1", port):
        assert process.poll() is None and time.monotonic() < deadline, "chroma run did not start"
        time.sleep(0.1)
    return process, port


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def test_a_stopped_chroma_server_is_one_sentence_in_the_api_and_the_chat(tmp_path: Path) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    from rag.library import ingest_paths
    from ui.chat import AskForm, ChatController

    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(BUNDLED_ARTICLES_DIR / SHORT_ARTICLE, articles)
    shutil.copy(BUNDLED_ARTICLES_DIR / "manifest.json", articles)
    chroma, port = _start_chroma(tmp_path / "chroma-server")
    app = None
    try:
        server = {"chroma_host": "127.0.0.1", "chroma_port": port}
        ingest_paths(make_settings(tmp_path / "data", articles_dir=articles, **server), [])
        app, running = launch_app(tmp_path / "data", **server)
        client = Client(running.url, verbose=False, download_files=False)
        assert client.predict(question=README_QUESTION, api_name="/ask")["citations"]

        _stop(chroma)
        sentence = (
            f"Cannot reach the Chroma server at 127.0.0.1:{port}; start it with "
            f"`chroma run --host 127.0.0.1 --port {port}` or unset RAG_CHROMA_HOST."
        )
        for call in ({"question": "What did Trump say about Iran?", "api_name": "/ask"}, {"api_name": "/articles"}):
            with pytest.raises(AppError) as failed:
                client.predict(**call)
            assert str(failed.value) == sentence
        assert rest_call(running.url, "articles", []) == ("error", {"error": sentence, "duration": 10,
                                                                    "visible": True, "title": "503 Service Unavailable"})
        screens = list(ChatController(running.assistant).ask("What did Trump say about Iran?", [], AskForm("extractive", 5, [], "", "")))
        assert sentence in (screens[-1].status or "") and "Something went wrong" not in (screens[-1].status or "")
    finally:
        if chroma.poll() is None:
            _stop(chroma)
        if app is not None:
            app.close()


def test_a_damaged_embedded_store_is_one_sentence_in_the_api_the_chat_and_at_start(fresh_data_dir: Path) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    from rag.errors import StoreUnavailableError
    from ui.chat import AskForm, ChatController

    app, running = launch_app(fresh_data_dir)
    try:
        client = Client(running.url, verbose=False, download_files=False)
        assert client.predict(question=README_QUESTION, api_name="/ask")["citations"]
        (fresh_data_dir / "chroma" / "chroma.sqlite3").write_bytes(b"not a database " * 1000)
        expected = f"The article store at {fresh_data_dir / 'chroma'} is not a readable Chroma store ("
        fix = "); move it away and run `rag ingest --rebuild`."
        with pytest.raises(AppError) as failed:
            client.predict(question="What did Trump say about Iran?", api_name="/ask")
        assert str(failed.value).startswith(expected) and str(failed.value).endswith(fix)
        assert "file is not a database" in str(failed.value)
        screens = list(ChatController(running.assistant).ask("What did Trump say about Iran?", [], AskForm("extractive", 5, [], "", "")))
        assert expected in (screens[-1].status or "")
    finally:
        app.close()
    # A fresh process (chromadb keeps one client per path per process) refusing to start on it.
    done = subprocess.run(
        [sys.executable, "-m", "rag.cli", "serve", "--port", str(free_port())],
        env=_serve_env(fresh_data_dir), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == StoreUnavailableError.exit_code
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"Error: {expected}") and line.endswith(fix)
