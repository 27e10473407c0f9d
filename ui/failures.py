"""One sentence for a failure the code did not expect, naming the Chroma store when it is the cause.

A Chroma server that stopped, or an embedded store whose files are damaged,
surfaces as whatever the client library raises (httpx.ConnectError,
chromadb.errors.InternalError, ...) from deep inside a question or an upload.
Rather than guessing from the exception, the store is asked directly whether
it still answers; when it does not, the sentence says so and how to fix it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rag.assistant import Assistant
from rag.errors import SourcedError
from rag.settings import Settings

logger = logging.getLogger(__name__)

_CONNECTION_ERROR_TYPES = ("ConnectError", "ConnectTimeout", "ReadTimeout", "RemoteProtocolError", "ReadError")


def _reason(error: BaseException) -> str:
    """The exception's own first line, short, for a sentence (never a traceback)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def _unreachable(error: BaseException) -> bool:
    """A connection-level failure (refused, reset, timed out) anywhere in the chain of causes."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, (ConnectionError, TimeoutError)) or type(seen).__name__ in _CONNECTION_ERROR_TYPES:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def store_problem(assistant: Assistant) -> str | None:
    """A sentence saying what is wrong with the article store, or None when it answers."""
    settings = assistant.settings
    try:
        assistant.store.exists()  # one cheap round trip: lists the collections
        return None
    except SourcedError as failure:
        return failure.message
    except Exception as failure:  # noqa: BLE001  every client-library error means the same here
        if settings.uses_chroma_server:
            host, port = settings.chroma_host, settings.chroma_port or 8000
            if _unreachable(failure):
                # The same sentence as when the server is down at start (index.store.open_client).
                return (
                    f"Cannot reach the Chroma server at {host}:{port}; start it with "
                    f"`chroma run --host {host} --port {port}` or unset RAG_CHROMA_HOST."
                )
            return (
                f"The Chroma server at {host}:{port} failed ({_reason(failure)}); check its log and restart it."
            )
        return damaged_store(settings, failure)


def damaged_store(settings: Settings, failure: BaseException) -> str:
    """The sentence for an embedded store that fails to read."""
    path = Path(settings.data_dir).expanduser() / "chroma"
    return (
        f"The article store at {path} is damaged or unreadable ({_reason(failure)}); restore it from a backup, "
        "or rebuild it with `rag ingest --rebuild`."
    )


def explain_failure(error: BaseException, assistant: Assistant, doing: str) -> str:
    """One sentence for `error`, raised while `doing` (e.g. "Answering"): its own message, the store's, or a plain one."""
    if isinstance(error, SourcedError):
        return error.message
    problem = store_problem(assistant)
    if problem is not None:
        logger.warning("%s failed: %s", doing, problem)
        return problem
    logger.error("%s failed", doing, exc_info=error)
    return f"{doing} failed with an unexpected {type(error).__name__}; the server log has the details."
