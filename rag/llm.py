"""The generative answerer: OpenAI or any OpenAI-compatible endpoint, through llama-index.

The model's text is never trusted as is: markers that point at no passage are
removed, each cited sentence is checked against its passage, and sentences
without a supported citation are flagged. Failures become `EndpointError` so
the assistant can fall back to the extractive answerer with a notice.
"""

from __future__ import annotations

import json
import re
import time
from functools import cached_property
from typing import Any, Iterator

from rag.citations import CitedSentence, best_quote, number_citations
from rag.errors import EndpointError
from rag.models import CANNOT_ANSWER, Answer, Passage
from rag.prompts import CONDENSE_TEMPLATE, answer_messages
from rag.settings import Settings
from rag.support import strip_markers
from rag.text import normalise, split_sentences

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_LEADING_MARKERS = re.compile(r"^(\s*\[\d+(?:\s*,\s*\d+)*\])+")
# The refusal is recognised by its opening words, whatever the model appends.
_REFUSAL_KEY = normalise(CANNOT_ANSWER.split(";")[0])
# Context window assumed for unknown local models; prompts here are ~2k tokens.
DEFAULT_CONTEXT_WINDOW = 8192
# A standalone question longer than this is not a rewrite but an answer.
MAX_REWRITE_CHARS = 400


class LLMClient:
    """Chat completions with a timeout and bounded retries; errors become EndpointError."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def _llm(self) -> Any:
        from llama_index.llms.openai_like import OpenAILike

        key = self.settings.openai_api_key.get_secret_value() if self.settings.openai_api_key else "not-needed"
        return OpenAILike(
            model=self.settings.llm_model,
            api_base=self.settings.openai_base_url or "https://api.openai.com/v1",
            api_key=key,
            temperature=self.settings.llm_temperature,
            timeout=self.settings.llm_timeout,
            # retries are ours (see _with_retries): llama-index's and the openai
            # client's would multiply each other
            max_retries=0,
            is_chat_model=True,
            context_window=DEFAULT_CONTEXT_WINDOW,
        )

    def _messages(self, pairs: list[tuple[str, str]]) -> list[Any]:
        from llama_index.core.llms import ChatMessage

        return [ChatMessage(role=role, content=content) for role, content in pairs]

    def stream(self, pairs: list[tuple[str, str]]) -> Iterator[str]:
        """Text deltas; retried only while nothing has been yielded.

        `llm_timeout` bounds each attempt as a whole: the HTTP client's timeout only
        bounds each read, so a server trickling tokens would otherwise never time out."""
        attempt = 0
        while True:
            yielded = False
            deadline = time.monotonic() + self.settings.llm_timeout
            try:
                for chunk in self._llm.stream_chat(self._messages(pairs)):
                    if time.monotonic() > deadline:
                        where = self.settings.openai_base_url or "the OpenAI API"
                        raise EndpointError(
                            f"The language model at {where} did not finish within {self.settings.llm_timeout:g} s."
                        )
                    delta = chunk.delta or ""
                    if delta:
                        yielded = True
                        yield delta
                if not yielded:
                    raise EndpointError("The language model returned an empty answer.")
                return
            except EndpointError:
                raise
            except Exception as exc:  # openai, httpx and JSON errors all mean "the endpoint failed"
                if yielded or attempt >= self.settings.llm_max_retries or not _retryable(exc):
                    raise EndpointError(describe_failure(exc, self.settings)) from exc
            attempt += 1
            time.sleep(min(0.5 * 2**attempt, 4.0))

    def complete(self, pairs: list[tuple[str, str]]) -> str:
        return "".join(self.stream(pairs))


def _retryable(exc: Exception) -> bool:
    import openai

    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return isinstance(exc, (openai.APIConnectionError, openai.APITimeoutError))


def describe_failure(exc: Exception, settings: Settings) -> str:
    """One sentence naming what went wrong at the endpoint (never the API key)."""
    import openai

    where = settings.openai_base_url or "the OpenAI API"
    if isinstance(exc, openai.APITimeoutError):
        return f"The language model at {where} did not answer within {settings.llm_timeout:g} s."
    if isinstance(exc, openai.APIConnectionError):
        return f"Cannot reach the language model at {where}; check OPENAI_BASE_URL and that the server is running."
    if isinstance(exc, openai.AuthenticationError):
        return f"The language model at {where} refused the API key; check OPENAI_API_KEY."
    if isinstance(exc, openai.RateLimitError):
        return f"The language model at {where} is rate-limiting requests; try again shortly."
    if isinstance(exc, openai.NotFoundError):
        return f"The model {settings.llm_model!r} is not available at {where}; check RAG_LLM_MODEL."
    if isinstance(exc, openai.APIStatusError):
        return f"The language model at {where} failed with HTTP {exc.status_code}."
    if isinstance(exc, (json.JSONDecodeError, AttributeError, TypeError, KeyError, ValueError)):
        return f"The language model at {where} sent a response that is not valid OpenAI JSON."
    return f"The language model at {where} failed ({type(exc).__name__})."


def is_refusal(text: str) -> bool:
    return _REFUSAL_KEY in normalise(text)


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
        return self.client.stream(answer_messages(question, passages))

    def condense(self, history: str, question: str) -> str | None:
        """llama-index-style condense step: a follow-up rewritten as a standalone question (None if unusable)."""
        text = self.client.complete([("user", CONDENSE_TEMPLATE.format(chat_history=history, question=question))])
        rewritten = " ".join(text.split()).strip('"').strip()
        # a model that answers instead of rewriting, or rambles, is ignored
        if not rewritten or is_refusal(rewritten) or len(rewritten) > MAX_REWRITE_CHARS or "[" in rewritten:
            return None
        return rewritten
