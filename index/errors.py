"""Errors of the ingestion layer; each carries one sentence that tells the user what to do."""

from __future__ import annotations


class SourcedError(Exception):
    """Base of every error shown to a user as one plain sentence (never a traceback)."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreUnavailableError(SourcedError):
    """The Chroma store (embedded or server) cannot be opened or reached."""

    exit_code = 3


class StoreBusyError(SourcedError):
    """Another process holds the store for writing (an ingest)."""

    exit_code = 3


class EmbeddingMismatchError(SourcedError):
    """The store was built with another embedding model than the one configured."""

    exit_code = 4


class EmbedderUnavailableError(SourcedError):
    """The embedding model cannot be loaded (missing package, wrong weights, no API key)."""

    exit_code = 3


class IndexEmptyError(SourcedError):
    """Nothing has been ingested yet."""

    exit_code = 4


class IngestPathError(SourcedError):
    """A path given to ingest does not exist (or is a broken or looping symbolic link)."""

    exit_code = 2


class ArticleNotCarriedError(SourcedError):
    """A rebuild cannot carry a stored article over: neither its file nor the store's copy gives any text."""

    exit_code = 2


class StoreDamagedError(StoreUnavailableError):
    """The embedded Chroma files cannot be read as a Chroma store (not a database, or a malformed one)."""


class StoreUnreachableError(StoreUnavailableError):
    """The Chroma server does not answer (at start, or it went away during a read or a write)."""


class DiskFullError(StoreUnavailableError):
    """A write to the store failed because its disk is full (or refused the write)."""
