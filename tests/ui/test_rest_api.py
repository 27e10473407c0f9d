"""The plain JSON API (ui/rest.py) against a real launched app: /api/ask, /api/feedback, /api/articles."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest
from pydantic import SecretStr

from rag.scope import NO_MATCH_NOTICE
from tests.conftest import make_settings
from tests.support.openai_server import FakeOpenAIServer
from tests.ui.conftest import README_QUESTION, RunningApp, free_port, launch_app, private_store

# `rag ask --json`'s keys (design contract); the object may carry more.
CONTRACT_KEYS = {"question", "rewritten_query", "answer", "abstained", "mode", "notice", "citations", "timings_ms"}
CITATION_KEYS = {"n", "passage_id", "article_id", "title", "source", "published", "url", "text", "quote", "start",
                 "end", "score", "support"}
# Questions about the sample corpus, asked at once by the concurrency test (each thread its own).
QUESTIONS = [
    README_QUESTION,
    "Who did Putin speak with by phone?",
    "What did Trump say after the call?",
    "Which weapons deliveries were paused?",
    "What did the Kremlin say about the talks?",
]


@pytest.fixture(scope="module")
def rest_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "rest-store"))
    try:
        yield running
    finally:
        app.close()


@pytest.fixture(scope="module")
def http(rest_app: RunningApp) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=rest_app.url, timeout=120) as client:
        yield client


def assert_one_sentence(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"detail"}, body
    detail = body["detail"]
    assert isinstance(detail, str) and detail.strip(), body  # never {"error": null}
    assert "\n" not in detail and "Traceback" not in detail
    assert detail.endswith((".", ")")), detail
    return detail


def test_ask_returns_the_contract_with_citations_and_an_answer_id(http: httpx.Client) -> None:
    response = http.post("/api/ask", json={"question": README_QUESTION, "top_k": 3})
    assert response.status_code == 200, response.text
    body = response.json()
    assert CONTRACT_KEYS | {"answer_id"} <= set(body)
    assert body["question"] == README_QUESTION and body["abstained"] is False and body["mode"] == "extractive"
    assert body["citations"] and all(CITATION_KEYS <= set(c) for c in body["citations"])
    assert "[1]" in body["answer"] and body["citations"][0]["n"] == 1
    assert len(body["citations"]) <= 3
    assert isinstance(body["answer_id"], str) and body["answer_id"]


def test_the_answer_is_the_one_the_assistant_gives(http: httpx.Client, rest_app: RunningApp) -> None:
    from rag.requests import AskRequest

    body = http.post("/api/ask", json={"question": README_QUESTION, "publishers": "AP"}).json()
    direct = rest_app.assistant.ask(AskRequest.parse({"question": README_QUESTION, "publishers": "AP"})).to_contract()
    assert body["answer"] == direct["answer"]
    assert [c["passage_id"] for c in body["citations"]] == [c["passage_id"] for c in direct["citations"]]


@pytest.mark.parametrize(
    ("payload", "names"),
    [
        ({"question": 5}, "question"),
        ({"question": "Who called?", "top_k": "abc"}, "top_k"),
        ({"question": "Who called?", "top_k": -1}, "top_k"),
        ({"question": "Who called?", "top_k": 1.5}, "top_k"),
        ({"question": "Who called?", "top_k": "5"}, "top_k"),  # before: a number as text was accepted
        ({"question": "Who called?", "top_k": ""}, "top_k"),
        ({"question": "Who called?", "publishers": 7}, "publishers"),
        ({"question": "Who called?", "since": "last week"}, "since"),
        ({"question": "Who called?", "since": "2025-07-09", "until": "2025-07-01"}, "since"),
        ({"question": "Who called?", "mode": "magic"}, "mode"),
        ({"question": "Who called?", "topk": 3}, "topk"),
        ({"question": "   "}, "question"),
        ({"top_k": 3}, "question"),
    ],
)
def test_bad_input_is_a_400_with_one_sentence_naming_the_field(
    http: httpx.Client, payload: dict[str, Any], names: str
) -> None:
    detail = assert_one_sentence(http.post("/api/ask", json=payload), 400)
    assert names in detail.lower() or (names == "question" and "question" in detail.lower())


@pytest.mark.parametrize("body", [b"not json", b"[\"Who called?\"]", b"", b"\"Who called?\""])
def test_a_body_that_is_not_a_json_object_is_a_400(http: httpx.Client, body: bytes) -> None:
    detail = assert_one_sentence(http.post("/api/ask", content=body, headers={"content-type": "application/json"}), 400)
    assert "JSON" in detail


@pytest.mark.parametrize("path", ["/api/ask", "/api/feedback"])
@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 20_000 + b"1" + b"}" * 20_000])
def test_json_nested_too_deep_to_parse_is_a_400_not_a_500(http: httpx.Client, path: str, body: bytes) -> None:
    # before: the parser's RecursionError was answered 500 "Answering failed with an unexpected RecursionError"
    response = http.post(path, content=body, headers={"content-type": "application/json"})
    assert "JSON object" in assert_one_sentence(response, 400)


def test_a_body_far_larger_than_any_question_is_refused_unread(http: httpx.Client) -> None:
    from ui.rest import MAX_BODY_BYTES

    detail = assert_one_sentence(http.post("/api/ask", json={"question": "Who called? " * (MAX_BODY_BYTES // 8)}), 413)
    assert "shorter" in detail

    def chunked() -> Iterator[bytes]:  # no content-length: the limit holds while reading
        yield b'{"question": "'
        for _ in range(MAX_BODY_BYTES // 1000 + 2):
            yield b"x" * 1000
        yield b'"}'

    assert_one_sentence(http.post("/api/ask", content=chunked(), headers={"content-type": "application/json"}), 413)


def test_an_unknown_publisher_is_answered_as_the_cli_answers_it(http: httpx.Client) -> None:
    """Like `rag ask --publisher X --json` (exit 0): the answer says which filter matched nothing."""
    response = http.post("/api/ask", json={"question": README_QUESTION, "publishers": ["Nobody Times"]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["abstained"] is True and body["citations"] == [] and body["notice"] == NO_MATCH_NOTICE
    assert "No article matches publisher 'Nobody Times'" in body["answer"]


def test_feedback_is_saved_for_an_answer_this_server_gave_only(http: httpx.Client, rest_app: RunningApp) -> None:
    answer = http.post("/api/ask", json={"question": README_QUESTION}).json()
    saved = http.post("/api/feedback", json={"answer_id": answer["answer_id"], "rating": "down", "comment": "vague"})
    assert saved.status_code == 200, saved.text
    assert saved.json()["saved"] is True
    lines = (rest_app.data_dir / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    assert any(answer["answer"] in line and "vague" in line for line in lines)
    assert_one_sentence(http.post("/api/feedback", json={"answer_id": "forged", "rating": "down"}), 400)
    assert_one_sentence(http.post("/api/feedback", json={"answer_id": answer["answer_id"], "rating": "meh"}), 400)


@pytest.mark.parametrize(
    "payload", [{"rating": "up"}, {"answer_id": None, "rating": "up"}, {"answer_id": 5, "rating": "up"},
                {"answer_id": ["x"], "rating": "down"}, {"answer_id": " ", "rating": "down"}],
)
def test_feedback_without_an_answer_id_or_with_a_wrong_type_names_the_field(
    http: httpx.Client, payload: dict[str, Any]
) -> None:
    # before: "This server has no record of that answer (...)", which names no field
    detail = assert_one_sentence(http.post("/api/feedback", json=payload), 400)
    assert detail.startswith("answer_id") and "no record" not in detail


def test_articles_are_listed_and_an_unknown_one_cannot_be_deleted(http: httpx.Client) -> None:
    listed = http.get("/api/articles")
    assert listed.status_code == 200
    articles = listed.json()
    assert len(articles) == 5 and all("article_id" in a and "path" not in a for a in articles)
    assert_one_sentence(http.delete("/api/articles/no-such-article"), 404)
    assert len(http.get("/api/articles").json()) == 5


def test_twenty_users_asking_at_once_all_get_answers(rest_app: RunningApp) -> None:
    answers: list[dict[str, Any]] = []
    failures: list[str] = []
    start = threading.Barrier(20)
    lock = threading.Lock()

    def user(number: int) -> None:
        question = f"{QUESTIONS[number % len(QUESTIONS)]} (user {number})"
        with httpx.Client(base_url=rest_app.url, timeout=300) as client:
            start.wait()
            response = client.post("/api/ask", json={"question": question})
        with lock:
            if response.status_code == 200 and response.json()["question"] == question:
                answers.append(response.json())
            else:
                failures.append(f"{response.status_code}: {response.text[:200]}")

    threads = [threading.Thread(target=user, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(answers) == 20 and len({a["answer_id"] for a in answers}) == 20
    assert all(CONTRACT_KEYS | {"answer_id"} <= set(a) for a in answers)


def test_gradio_client_ask_still_works_beside_it(rest_app: RunningApp) -> None:
    from gradio_client import Client

    answer = Client(rest_app.url, verbose=False, download_files=False).predict(question=README_QUESTION, api_name="/ask")
    assert answer["citations"] and "[1]" in answer["answer"]


def test_with_a_password_the_api_needs_it_and_wrong_guesses_are_throttled(
    fresh_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gradio as gr

    from ui.launch import serve

    port = free_port()
    seen: dict[str, Any] = {}

    def check_while_running(app: gr.Blocks) -> None:  # stands in for blocking until Ctrl-C
        base = f"http://127.0.0.1:{port}"
        question = {"question": README_QUESTION}
        with httpx.Client(base_url=base, timeout=120) as client:
            anonymous = client.post("/api/ask", json=question)
            seen["anonymous"] = (anonymous.status_code, anonymous.headers.get("www-authenticate", ""), anonymous.json())
            seen["articles"] = client.get("/api/articles").status_code
            seen["right"] = client.post("/api/ask", json=question, auth=("ann", "s3cret")).json().get("citations")
            seen["wrong"] = [client.post("/api/ask", json=question, auth=("ann", f"guess{n}")).status_code
                             for n in range(3)]
            # after RAG_UI_LOGIN_ATTEMPTS failures even the right password waits
            seen["then"] = client.post("/api/ask", json=question, auth=("ann", "s3cret")).status_code
        with httpx.Client(base_url=base, timeout=120) as browser:  # the UI's session cookie works too
            other = {"x-forwarded-for": "198.51.100.9"}  # uvicorn trusts 127.0.0.1's forwarding
            seen["login"] = browser.post("/login", data={"username": "ann", "password": "s3cret"}, headers=other).status_code
            seen["cookie"] = browser.post("/api/ask", json=question, headers=other).status_code

    monkeypatch.setattr(gr.Blocks, "block_thread", check_while_running)
    serve(make_settings(fresh_data_dir, ui_port=port, ui_auth=SecretStr("ann:s3cret"), ui_login_attempts=3,
                        ui_login_wait=60.0))
    status, challenge, body = seen["anonymous"]
    assert status == 401 and challenge.startswith("Basic") and set(body) == {"detail"} and "RAG_UI_AUTH" in body["detail"]
    assert seen["articles"] == 401
    assert seen["right"]  # the right password is answered, with citations
    assert seen["wrong"] == [401, 401, 401]
    assert seen["then"] == 429
    assert seen["login"] == 200 and seen["cookie"] == 200


def test_ask_in_llm_mode_answers_502_when_the_endpoint_fails(
    sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory, openai_server: FakeOpenAIServer
) -> None:
    openai_server.set_behaviour("error500")
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "rest-llm-store"),
                              openai_base_url=openai_server.base_url, llm_model="fake-model", llm_max_retries=0)
    try:
        with httpx.Client(base_url=running.url, timeout=120) as client:
            strict = client.post("/api/ask", json={"question": README_QUESTION, "mode": "llm"})
            assert "failed with HTTP 500" in assert_one_sentence(strict, 502)
            # auto mode still degrades to the extractive answer with a notice
            relaxed = client.post("/api/ask", json={"question": README_QUESTION})
            assert relaxed.status_code == 200, relaxed.text
            body = relaxed.json()
            assert body["mode"] == "extractive" and "failed with HTTP 500" in body["notice"]
    finally:
        app.close()
