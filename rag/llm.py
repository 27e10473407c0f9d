"""The generative answerer: OpenAI or any OpenAI-compatible endpoint, through llama-index.

The model's text is never trusted as is: markers that point at no passage are
removed, each cited sentence is checked against its passage, and sentences
without a supported citation are flagged. Failures become `EndpointError` so
the assistant can fall back to the extractive answerer with a notice.

Generation is bounded: every request carries `max_tokens` (RAG_LLM_MAX_TOKENS)
and stop sequences, and each attempt must finish within RAG_LLM_TIMEOUT. An
answer cut at the token cap (finish_reason "length") is a failure too, not a
shorter answer: the prompt asks for three short sentences, so a model that
reaches the cap is repeating itself or echoing passages, and its text is not
worth showing; the user gets the extractive answer and a notice naming the cap.
"""

from __future__ import annotations

import json
import queue
import re
import threading
import time
from functools import cached_property
from typing import Any, Callable, Iterator, Sequence

from rag.citations import CitedSentence, best_quote, number_citations
from rag.errors import EndpointError
from rag.models import CANNOT_ANSWER, Answer, Passage
from rag.prompts import ANSWER_STOP_SEQUENCES, CONDENSE_STOP_SEQUENCES, CONDENSE_TEMPLATE, answer_messages
from rag.settings import Settings, url_without_password
from rag.support import strip_markers
from rag.text import normalise, split_sentences

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_LEADING_MARKERS = re.compile(r"^(\s*\[\d+(?:\s*,\s*\d+)*\])+")
# The refusal is recognised by its opening words (see `is_refusal`).
_REFUSAL_KEY = normalise(CANNOT_ANSWER.split(";")[0])
# Context window assumed for unknown local models; prompts here are ~2k tokens.
DEFAULT_CONTEXT_WINDOW = 8192
# A standalone question longer than this is not a rewrite but an answer.
MAX_REWRITE_CHARS = 400
# ...so a rewrite needs no more tokens than this at 3 characters a token
# (English runs ~4): a rambling condense call is cut early instead of costing seconds.
CONDENSE_MAX_TOKENS = MAX_REWRITE_CHARS // 3


ChatModelFactory = Callable[[Settings], Any]


def openai_chat_model(settings: Settings) -> Any:
    """The llama-index chat model for the configured endpoint.

    Its HTTP client reports each request as it goes out (`_announce_send`): that
    moment, not the import of openai or the building of the client, starts the
    answer's deadline (see `_chunks_until`). A factory of another chat model must
    keep that hook."""
    import openai
    from llama_index.llms.openai_like import OpenAILike

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "not-needed"
    return OpenAILike(
        model=settings.llm_model,
        api_base=settings.openai_base_url or "https://api.openai.com/v1",
        api_key=key,
        temperature=settings.llm_temperature,
        timeout=settings.llm_timeout,
        # retries are ours (see LLMClient.stream): llama-index's and the openai
        # client's would multiply each other
        max_retries=0,
        is_chat_model=True,
        context_window=DEFAULT_CONTEXT_WINDOW,
        # openai's own defaults (limits, redirects), plus the hook
        http_client=openai.DefaultHttpxClient(event_hooks={"request": [_announce_send]}),
    )


class LLMClient:
    """Chat completions with a timeout and bounded retries; errors become EndpointError.

    `chat_model_factory` builds the llama-index chat model from the settings, once,
    at the first request (default: `openai_chat_model`)."""

    def __init__(self, settings: Settings, chat_model_factory: ChatModelFactory = openai_chat_model) -> None:
        self.settings = settings
        self._chat_model_factory = chat_model_factory

    @cached_property
    def _llm(self) -> Any:
        return self._chat_model_factory(self.settings)

    def _messages(self, pairs: list[tuple[str, str]]) -> list[Any]:
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=role, content=content) for role, content in pairs]

    def request_options(self, max_tokens: int | None = None, stop: Sequence[str] = ()) -> dict[str, Any]:
        """What bounds one generation: `max_tokens` always, `stop` where the model accepts it."""
        options: dict[str, Any] = {"max_tokens": max_tokens or self.settings.llm_max_tokens}
        # OpenAI's reasoning models (o1/o3/o4, gpt-5) reject `stop` with HTTP 400;
        # the token cap still bounds them (llama-index sends it as max_completion_tokens)
        if stop and not _is_reasoning_model(self.settings.llm_model):
            options["stop"] = list(stop)
        return options

    def stream(
        self, pairs: list[tuple[str, str]], *, max_tokens: int | None = None, stop: Sequence[str] = ()
    ) -> Iterator[str]:
        """Text deltas; retried only while nothing has been yielded.

        `max_tokens` (default RAG_LLM_MAX_TOKENS) caps the answer: one cut there
        (finish_reason "length") raises EndpointError after its deltas. `llm_timeout`
        bounds each attempt as a whole, from the moment its request is sent to the last
        token (importing openai on a busy machine does not count), and a missed deadline
        is not retried (the user has waited long enough)."""
        options = self.request_options(max_tokens, stop)
        attempt = 0
        while True:
            yielded = False
            received = False
            finish_reason: str | None = None
            try:
                chunks = self._llm.stream_chat(self._messages(pairs), **options)
                for chunk in _chunks_until(chunks, self.settings.llm_timeout):
                    received = True
                    finish_reason = _finish_reason(chunk) or finish_reason
                    delta = chunk.delta or ""
                    if delta:
                        yielded = True
                        yield delta
                if not received:
                    # a 200 with no server-sent chunk at all: a plain JSON completion, another JSON
                    # body or an HTML page, i.e. not a chat-completions stream ("empty" would mislead)
                    raise EndpointError(not_a_stream_message(self.settings))
                if finish_reason is None:
                    # every chat-completions stream ends with a finish_reason; one that closes
                    # without it was cut off mid-answer, and its half sentence is no answer
                    raise EndpointError(cut_off_message(self.settings))
                if finish_reason == "length":
                    raise EndpointError(cap_message(options["max_tokens"], named=max_tokens is None))
                if not yielded:
                    raise EndpointError("The language model returned an empty answer.")
                return
            except _DeadlineMissed:
                raise EndpointError(timeout_message(self.settings, streaming=yielded)) from None
            except EndpointError:
                raise
            except Exception as exc:  # openai, httpx and JSON errors all mean "the endpoint failed"
                if yielded or attempt >= self.settings.llm_max_retries or not _retryable(exc):
                    raise EndpointError(describe_failure(exc, self.settings)) from exc
            attempt += 1
            time.sleep(min(0.5 * 2**attempt, 4.0))

    def complete(
        self, pairs: list[tuple[str, str]], *, max_tokens: int | None = None, stop: Sequence[str] = ()
    ) -> str:
        return "".join(self.stream(pairs, max_tokens=max_tokens, stop=stop))


class _DeadlineMissed(Exception):
    """The attempt's deadline passed before the stream ended."""


_END = object()
_SENT = object()
# How long the reader thread may take to send its request (importing openai's
# resources and building the request, on a loaded machine) before the deadline
# starts: a bound, so that nothing waits forever, far above what that takes.
SEND_WITHIN_SECONDS = 60.0
# The reader thread's way to learn that its request went out (set per thread).
_sending = threading.local()


def _announce_send(request: Any) -> None:
    """httpx request hook: tells this thread's stream reader, if any, that its request is going out."""
    announce = getattr(_sending, "announce", None)
    if announce is not None:
        announce()


def _chunks_until(chunks: Iterator[Any], timeout: float) -> Iterator[Any]:
    """The stream's chunks, read by a helper thread so that the deadline holds even
    while the server sends nothing but keep-alive comments (llama.cpp's server pings
    every 15 s while it reads a long prompt, so no read ever times out).

    The `timeout` runs from the moment the request is sent (the HTTP client's hook,
    `_announce_send`), so a slow start (imports, a busy machine) never turns a
    connection failure into a timeout, nor counts against the endpoint."""
    handoff: queue.Queue[Any] = queue.Queue()
    abandoned = threading.Event()

    def read() -> None:
        _sending.announce = lambda: handoff.put(_SENT)
        try:
            for chunk in chunks:
                if abandoned.is_set():
                    break
                handoff.put(chunk)
            handoff.put(_END)
        except BaseException as exc:  # handed to the caller, which decides
            handoff.put(exc)
        finally:
            _sending.announce = None
            # hang up, so the server stops generating what nobody reads
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    threading.Thread(target=read, name="llm-stream", daemon=True).start()
    deadline = time.monotonic() + SEND_WITHIN_SECONDS + timeout
    sent = False
    try:
        while True:
            try:
                item = handoff.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise _DeadlineMissed from None
            if item is _SENT:
                if not sent:  # a redirect sends again; the first request starts the clock
                    sent = True
                    deadline = time.monotonic() + timeout
                continue
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        abandoned.set()  # the reader stops at its next chunk


def _is_reasoning_model(model: str) -> bool:
    from llama_index.llms.openai.utils import O1_MODELS

    return model.rsplit("/", 1)[-1] in O1_MODELS


def _finish_reason(chunk: Any) -> str | None:
    """finish_reason of a streamed ChatCompletionChunk (llama-index keeps the chunk as `raw`)."""
    choices = getattr(chunk.raw, "choices", None) or []
    return getattr(choices[0], "finish_reason", None) if choices else None


def timeout_message(settings: Settings, *, streaming: bool) -> str:
    """One sentence naming RAG_LLM_TIMEOUT: no response at all, or a stream too slow to end in time."""
    where = _endpoint_name(settings)
    limit = f"RAG_LLM_TIMEOUT={settings.llm_timeout:g} s"
    if streaming:
        return (
            f"The language model at {where} did not finish within {limit}; "
            "raise RAG_LLM_TIMEOUT, or lower RAG_LLM_MAX_TOKENS so answers end sooner."
        )
    return (
        f"The language model at {where} did not answer within {limit}; "
        "check that it is running and not busy, or raise RAG_LLM_TIMEOUT."
    )


def not_a_stream_message(settings: Settings) -> str:
    """One sentence for a 200 response that holds no chat-completions stream chunk."""
    where = _endpoint_name(settings)
    return (
        f"The endpoint at {where} did not answer as an OpenAI-compatible chat-completions stream; "
        "check OPENAI_BASE_URL (it usually ends in /v1) and that the server streams (stream: true)."
    )


def cut_off_message(settings: Settings) -> str:
    """One sentence for a stream that ended without a finish_reason (the connection dropped mid-answer)."""
    where = _endpoint_name(settings)
    return (
        # no parentheses: the fallback notice puts this sentence inside its own
        f"The language model's answer from {where} was cut off before it ended, as the stream closed "
        "without a finish_reason; check the server's log, and ask again."
    )


def cap_message(max_tokens: int, *, named: bool) -> str:
    """One sentence for a reply cut at its token cap (`named`: the cap is RAG_LLM_MAX_TOKENS)."""
    if named:
        return (
            f"The language model's answer stopped at RAG_LLM_MAX_TOKENS={max_tokens} tokens before it ended; "
            "raise RAG_LLM_MAX_TOKENS, or use a model that ends its answers by itself."
        )
    return f"The language model's reply stopped at its limit of {max_tokens} tokens before it ended."


def _retryable(exc: Exception) -> bool:
    import openai

    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError))


def describe_failure(exc: Exception, settings: Settings) -> str:
    """One sentence naming what went wrong at the endpoint (never the API key)."""
    import openai

    where = _endpoint_name(settings)
    if isinstance(exc, openai.APITimeoutError):
        return timeout_message(settings, streaming=False)
    if isinstance(exc, openai.APIConnectionError):
        return f"Cannot reach the language model at {where}; check OPENAI_BASE_URL and that the server is running."
    if isinstance(exc, openai.AuthenticationError):
        return f"The language model at {where} refused the API key; check OPENAI_API_KEY."
    if isinstance(exc, openai.RateLimitError):
        return f"The language model at {where} is rate-limiting requests; try again shortly."
    if isinstance(exc, openai.NotFoundError):
        return f"The model {settings.llm_model!r} is not available at {where}; check RAG_LLM_MODEL."
    if isinstance(exc, openai.APIStatusError):
        # 501 and 405 are what a server that is not an OpenAI-compatible API answers (`python -m http.server`)
        if exc.status_code >= 500:
            check = "check the server's log, and that OPENAI_BASE_URL is its OpenAI-compatible API (often ending in /v1)"
        else:
            check = (f"check that OPENAI_BASE_URL is an OpenAI-compatible API (often ending in /v1) serving "
                     f"{settings.llm_model!r} (RAG_LLM_MODEL)")
        return f"The language model at {where} failed with HTTP {exc.status_code}; {check}."
    if isinstance(exc, (json.JSONDecodeError, AttributeError, TypeError, KeyError, ValueError)):
        return f"The language model at {where} sent a response that is not valid OpenAI JSON."
    return f"The language model at {where} failed ({type(exc).__name__}); check OPENAI_BASE_URL and the server's log."


def is_refusal(text: str) -> bool:
    """Whether a reply is (essentially) just the refusal.

    A caveat written with the refusal's words ("The articles don't say when the next call
    will take place.") beside cited sentences is part of an answer, not an abstention: the
    reply is a refusal only when it holds the refusal's words and no other sentence cites a
    passage. A marker written after a full stop opens the next span; it belongs to the
    sentence before it (see `parse_generated`)."""
    if _REFUSAL_KEY not in normalise(text):
        return False
    previous_refuses = True  # a marker before any sentence cites nothing
    for start, end in split_sentences(text):
        span = text[start:end]
        leading = _LEADING_MARKERS.match(span)
        if leading is not None:
            if not previous_refuses:
                return False
            span = span[leading.end() :]
        refuses = _REFUSAL_KEY in normalise(span)
        if not refuses and _MARKERS.search(span):
            return False
        if span.strip():
            previous_refuses = refuses
    return True


def parse_generated(question: str, text: str, passages: list[Passage]) -> Answer:
    """Validate markers, attach quotes and verdicts, flag unsupported sentences."""
    text = text.strip()
    if not text or is_refusal(text):
        return Answer(question=question, answer=CANNOT_ANSWER, abstained=True, mode="llm", retrieved=passages)

    spans = [text[s:e] for s, e in split_sentences(text)]
    # markers written after the full stop start the next span: give them back
    sentences: list[str] = []
    for span in spans:
        leading = _LEADING_MARKERS.match(span)
        if leading and sentences:
            sentences[-1] += " " + leading.group(0).strip()
            span = span[leading.end() :].strip()
        if span:
            sentences.append(span)

    cited: list[CitedSentence] = []
    invalid: list[int] = []
    for sentence in sentences:
        numbers: list[int] = []
        for group in _MARKERS.findall(sentence):
            for number in (int(n) for n in group.split(",")):
                if not 1 <= number <= len(passages):
                    invalid.append(number)
                elif number not in numbers:
                    numbers.append(number)
        clean = strip_markers(_MARKERS.sub("", sentence))
        if not clean:
            continue
        cited.append(CitedSentence(clean, [best_quote(clean, passages[n - 1]) for n in numbers]))

    answer_text, citations, answer_sentences = number_citations(cited, passages)
    flagged = [s.text for s in answer_sentences if s.support != "supported"]
    return Answer(
        question=question,
        answer=answer_text,
        mode="llm",
        citations=citations,
        sentences=answer_sentences,
        flagged=flagged,
        invalid_markers=invalid,
        retrieved=passages,
    )


class LLMAnswerer:
    def __init__(self, client: LLMClient) -> None:
        self.client = client

    def stream_text(self, question: str, passages: list[Passage]) -> Iterator[str]:
        return self.client.stream(answer_messages(question, passages), stop=ANSWER_STOP_SEQUENCES)

    def condense(self, history: str, question: str) -> str | None:
        """llama-index-style condense step: a follow-up rewritten as a standalone question (None if unusable)."""
        text = self.client.complete(
            [("user", CONDENSE_TEMPLATE.format(chat_history=history, question=question))],
            max_tokens=min(CONDENSE_MAX_TOKENS, self.client.settings.llm_max_tokens),
            stop=CONDENSE_STOP_SEQUENCES,
        )
        rewritten = " ".join(text.split()).strip('"').strip()
        # a model that answers instead of rewriting, or rambles, is ignored
        if not rewritten or is_refusal(rewritten) or len(rewritten) > MAX_REWRITE_CHARS or "[" in rewritten:
            return None
        return rewritten


def _endpoint_name(settings: Settings) -> str:
    """The endpoint as errors name it: its URL without a password in it (a secret, like the key)."""
    return url_without_password(settings.openai_base_url) if settings.openai_base_url else "the OpenAI API"
