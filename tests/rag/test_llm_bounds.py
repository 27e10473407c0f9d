"""Bounded generation against the real local OpenAI-protocol server: every request carries
max_tokens and stop sequences, a model that never ends its answer is cut at the cap, and the
notice or error names the limit that was hit (RAG_LLM_MAX_TOKENS or RAG_LLM_TIMEOUT)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.assistant import FALLBACK_NOTICE
from rag.errors import EndpointError
from rag.llm import CONDENSE_MAX_TOKENS
from rag.models import Answer
from rag.prompts import ANSWER_STOP_SEQUENCES, CONDENSE_STOP_SEQUENCES
from rag.settings import Settings
from tests.rag.test_cli_ask import assert_one_line_error, run_rag
from tests.rag.test_llm import QUESTION, llm_assistant
from tests.support.openai_server import FakeOpenAIServer


def test_the_default_cap_is_set_and_documented() -> None:
    field = Settings.model_fields["llm_max_tokens"]
    assert 128 <= Settings(_env_file=None).llm_max_tokens <= 2048  # type: ignore[call-arg]
    assert field.description and "cap" in field.description


def test_answer_and_condense_requests_carry_max_tokens_and_stop(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    assistant = llm_assistant(sample_data_dir, openai_server, llm_max_tokens=300)
    conversation = assistant.new_conversation()
    assistant.ask(QUESTION, conversation=conversation)
    answer_request = openai_server.requests[-1]
    assert answer_request["stream"] is True
    assert answer_request["max_tokens"] == 300
    assert answer_request["stop"] == list(ANSWER_STOP_SEQUENCES)

    openai_server.set_behaviour("scripted", text="What did Putin say about his goals in the July 3 call?")
    assistant.ask("And what did he say about his goals?", conversation=conversation)
    condense_request, second_answer_request = openai_server.requests[-2:]
    assert "<Standalone question>" in condense_request["messages"][0]["content"]
    # a rewrite longer than MAX_REWRITE_CHARS is discarded, so it gets a smaller cap
    assert condense_request["max_tokens"] == CONDENSE_MAX_TOKENS < 300
    assert condense_request["stop"] == list(CONDENSE_STOP_SEQUENCES)
    assert second_answer_request["max_tokens"] == 300
    assert second_answer_request["stop"] == list(ANSWER_STOP_SEQUENCES)


def test_the_default_cap_is_sent(sample_data_dir: Path, openai_server: FakeOpenAIServer) -> None:
    llm_assistant(sample_data_dir, openai_server).ask(QUESTION)
    assert openai_server.requests[-1]["max_tokens"] == Settings(_env_file=None).llm_max_tokens  # type: ignore[call-arg]


def test_reasoning_models_get_the_cap_but_no_stop(sample_data_dir: Path, openai_server: FakeOpenAIServer) -> None:
    # OpenAI's reasoning models refuse `stop` (HTTP 400) and take max_completion_tokens
    llm_assistant(sample_data_dir, openai_server, llm_model="o4-mini", llm_max_tokens=300).ask(QUESTION)
    request = openai_server.requests[-1]
    assert request["model"] == "o4-mini"
    assert request["max_completion_tokens"] == 300 and "stop" not in request


def test_a_runaway_model_is_cut_at_the_cap_and_the_answer_falls_back(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    # The model answers, then echoes passage sentences (validly cited!) until its
    # context is full; a pause per token makes that take far longer than the timeout.
    openai_server.set_behaviour("runaway", hang_seconds=0.005)
    assistant = llm_assistant(sample_data_dir, openai_server, llm_max_tokens=64, llm_timeout=10.0)
    events = list(assistant.stream(QUESTION))
    answer = events[-1]
    assert isinstance(answer, Answer)
    deltas = [e for e in events if isinstance(e, str)]
    assert 0 < len(deltas) <= 64, "the server stopped at the cap"
    assert answer.mode == "extractive" and answer.citations
    assert answer.notice is not None
    assert answer.notice.startswith(FALLBACK_NOTICE.split("{")[0])
    assert "stopped at RAG_LLM_MAX_TOKENS=64 tokens" in answer.notice
    assert "raise RAG_LLM_MAX_TOKENS" in answer.notice
    assert "RAG_LLM_TIMEOUT" not in answer.notice


def test_an_answer_cut_at_the_cap_is_not_shown_even_when_its_sentences_are_cited(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    # a well-behaved answer, just longer than a (deliberately tiny) cap
    text = (
        "The call lasted about an hour [1]. Putin told Trump that Russia would not back down from its goals [1]. "
        "Both sides described the call as frank [1]."
    )
    openai_server.set_behaviour("scripted", text=text)
    answer = llm_assistant(sample_data_dir, openai_server, llm_max_tokens=20).ask(QUESTION)
    assert answer.mode == "extractive"
    assert "RAG_LLM_MAX_TOKENS=20" in (answer.notice or "")
    assert "frank" not in answer.answer


def test_without_fallback_the_cap_is_a_one_sentence_error(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    openai_server.set_behaviour("runaway")
    with pytest.raises(EndpointError) as caught:
        llm_assistant(sample_data_dir, openai_server, llm_max_tokens=32).ask(QUESTION, fallback=False)
    message = caught.value.message
    assert "RAG_LLM_MAX_TOKENS=32" in message and "raise RAG_LLM_MAX_TOKENS" in message
    assert message.count(". ") == 0 and message.endswith(".") and "\n" not in message


def test_an_echoing_model_is_cut_by_the_stop_sequences(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    # The model answers, then echoes the prompt (<passages> block, "Question: ...")
    # over and over; the server stops it at the first stop sequence.
    openai_server.set_behaviour("echo")
    answer = llm_assistant(sample_data_dir, openai_server).ask(QUESTION)
    assert answer.mode == "llm" and answer.notice is None
    assert "passages>" not in answer.answer and "Question:" not in answer.answer
    assert len(answer.sentences) == 1 and answer.sentences[0].support == "supported"


def test_a_runaway_slower_than_the_timeout_names_the_timeout(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    openai_server.set_behaviour("runaway", hang_seconds=0.05)
    answer = llm_assistant(sample_data_dir, openai_server, llm_max_tokens=4000, llm_timeout=0.5).ask(QUESTION)
    assert answer.mode == "extractive" and answer.citations
    notice = answer.notice or ""
    assert "did not finish within RAG_LLM_TIMEOUT=0.5 s" in notice, notice
    assert "raise RAG_LLM_TIMEOUT, or lower RAG_LLM_MAX_TOKENS" in notice


def test_the_timeout_holds_while_the_server_only_sends_keep_alives(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    # headers at once, then SSE comments every 0.1 s for 10 s: no read ever times out
    openai_server.set_behaviour("slow_start", hang_seconds=10)
    answer = llm_assistant(sample_data_dir, openai_server, llm_timeout=0.5, llm_max_retries=2).ask(QUESTION)
    assert openai_server.pieces_sent == 0, "the fallback came before the model's first token"
    assert len(openai_server.requests) == 1, "a missed deadline is not retried"
    assert answer.mode == "extractive" and answer.citations
    assert "did not answer within RAG_LLM_TIMEOUT=0.5 s" in (answer.notice or ""), answer.notice


def test_a_condense_call_cut_at_its_cap_falls_back_to_the_rule_based_rewrite(
    sample_data_dir: Path, openai_server: FakeOpenAIServer
) -> None:
    assistant = llm_assistant(sample_data_dir, openai_server)
    conversation = assistant.new_conversation()
    assistant.ask("What did Kremlin spokesman Dmitry Peskov say?", conversation=conversation)
    openai_server.set_behaviour("runaway")
    answer = assistant.ask("What else did he say?", conversation=conversation)
    condense_request = openai_server.requests[-2]
    assert condense_request["max_tokens"] == CONDENSE_MAX_TOKENS
    assert answer.rewritten_query is not None and "peskov" in answer.rewritten_query.lower()
    assert len(answer.rewritten_query) < 200, "the runaway text was not taken for the rewrite"


def test_rag_ask_names_the_cap(sample_data_dir: Path, tmp_path: Path, openai_server: FakeOpenAIServer) -> None:
    openai_server.set_behaviour("runaway")
    settings = {"OPENAI_BASE_URL": openai_server.base_url, "RAG_LLM_MODEL": "fake-model",
                "RAG_LLM_MAX_TOKENS": "48", "RAG_LLM_MAX_RETRIES": "0"}
    strict = run_rag(["ask", "--mode", "llm", QUESTION], sample_data_dir, tmp_path, **settings)
    assert_one_line_error(strict, 5, "stopped at RAG_LLM_MAX_TOKENS=48 tokens")
    relaxed = run_rag(["ask", "--json", QUESTION], sample_data_dir, tmp_path, **settings)
    assert relaxed.returncode == 0, relaxed.stderr
    answer = json.loads(relaxed.stdout)
    assert answer["mode"] == "extractive" and "RAG_LLM_MAX_TOKENS=48" in answer["notice"]
    assert answer["citations"]
