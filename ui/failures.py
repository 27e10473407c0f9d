"""One sentence for a failure the code did not expect, naming the article store when it is the cause.

Store failures normally arrive named already: index/store.py turns what the
Chroma client raises (a stopped server, damaged files, a full disk) into the
errors of index/errors.py, worded once in index/store_failures.py. For any
other exception the store is asked directly whether it still answers; when it
does not, the sentence is the store's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from rag.assistant import Assistant
from rag.errors import SourcedError, StoreFailures, StoreLocation
from rag.settings import Settings

logger = logging.getLogger(__name__)


def store_problem(assistant: Assistant) -> str | None:
    """A sentence saying what is wrong with the article store, or None when it answers."""
    return assistant.store.problem()


def damaged_store(settings: Settings, failure: BaseException) -> str:
    """The sentence for a store that failed to open with an error the store layer did not name."""
    if settings.uses_chroma_server:
        location = StoreLocation(host=settings.chroma_host, port=settings.chroma_port or 8000)
    else:
        location = StoreLocation(path=Path(settings.data_dir).expanduser() / "chroma")
    return StoreFailures(location).problem(failure)


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
