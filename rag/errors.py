"""Errors of the question-answering layer, plus the ingestion ones re-exported.

The CLI and the UI turn any `SourcedError` into its one-sentence message.
"""

from __future__ import annotations

from index.errors import (
    DiskFullError,
    EmbedderUnavailableError,
    EmbeddingMismatchError,
    IndexEmptyError,
    IngestPathError,
    SourcedError,
    StoreBusyError,
    StoreDamagedError,
    StoreUnavailableError,
    StoreUnreachableError,
)
from index.store_failures import StoreFailures, StoreLocation  # the sentences for store failures

__all__ = [
    "DiskFullError",
    "EmbedderUnavailableError",
    "EmbeddingMismatchError",
    "EndpointError",
    "IndexEmptyError",
    "IngestPathError",
    "InvalidQuestionError",
    "InvalidRequestError",
    "LLMNotConfiguredError",
    "SourcedError",
    "StoreBusyError",
    "StoreDamagedError",
    "StoreFailures",
    "StoreLocation",
    "StoreUnavailableError",
    "StoreUnreachableError",
]


class InvalidRequestError(SourcedError):
    """A question or one of its options (mode, top-k, publishers, dates) is invalid (rag/requests.py)."""

    exit_code = 2


class InvalidQuestionError(InvalidRequestError):
    """The question is empty, too long or malformed."""


class LLMNotConfiguredError(SourcedError):
    """LLM mode was requested but no endpoint is configured."""

    exit_code = 2


class EndpointError(SourcedError):
    """The LLM endpoint failed (unreachable, timed out, rate limited, or answered garbage)."""

    exit_code = 5
