"""Errors of the question-answering layer, plus the ingestion ones re-exported.

The CLI and the UI turn any `SourcedError` into its one-sentence message.
"""

from __future__ import annotations

from index.errors import (
    EmbedderUnavailableError,
    EmbeddingMismatchError,
    IndexEmptyError,
    IngestPathError,
    SourcedError,
    StoreBusyError,
    StoreUnavailableError,
)

__all__ = [
    "EmbedderUnavailableError",
    "EmbeddingMismatchError",
    "EndpointError",
    "IndexEmptyError",
    "IngestPathError",
    "InvalidQuestionError",
    "LLMNotConfiguredError",
    "SourcedError",
    "StoreBusyError",
    "StoreUnavailableError",
]


class InvalidQuestionError(SourcedError):
    """The question is empty, too long or malformed."""

    exit_code = 2


class LLMNotConfiguredError(SourcedError):
    """LLM mode was requested but no endpoint is configured."""

    exit_code = 2


class EndpointError(SourcedError):
    """The LLM endpoint failed (unreachable, timed out, rate limited, or answered garbage)."""

    exit_code = 5
