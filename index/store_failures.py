"""What a failure of the article store means, as one sentence naming the cause and the fix.

The Chroma client reports a stopped server, a damaged file or a full disk as
whatever it happens to raise, from any call: `httpx.ConnectError`,
`chromadb.errors.InternalError("error returned from database: (code: 26) file
is not a database")`, or, for a full disk, `InternalError("Error in
compaction: Failed to apply logs to the metadata segment")`, which names no
cause at all. `StoreFailures.explain` turns these into the named errors of
index/errors.py (index/store.py calls it around every Chroma call and every
keyword-index write), so the CLI, the UI and the API say the same sentence.
This module holds the only copy of those sentences.
"""

from __future__ import annotations

import errno
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.errors import (
    DiskFullError,
    SourcedError,
    StoreDamagedError,
    StoreUnavailableError,
    StoreUnreachableError,
)

# A Chroma write that fails for no stated reason while less than this is free
# is taken to be the disk filling up: embedded Chroma reports a full disk only
# as a failed compaction, and one batch of 1,000 passages with their sentence
# vectors needs tens of MB.
LOW_DISK_BYTES = 64 * 1024 * 1024
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_DISK_FULL_WORDS = ("database or disk is full", "no space left on device", "disk quota exceeded", "file too large")
# SQLite's result codes 26 (NOTADB) and 11 (CORRUPT), as Chroma's Rust core words them.
_DAMAGED_WORDS = ("file is not a database", "database disk image is malformed", "(code: 26)", "(code: 11)")
# SQLite's I/O errors, and embedded Chroma's failure to apply its write log to the files (what a file that may
# grow no further, RLIMIT_FSIZE, gives; a full disk too, with little free space left, which is checked first).
_DISK_ERROR_WORDS = ("disk i/o error", "error in compaction")
_CANNOT_OPEN_WORDS = ("unable to open database file", "(code: 14)")  # SQLITE_CANTOPEN: files gone or unreadable
_READ_ONLY_WORDS = ("readonly database", "(code: 8)")  # SQLITE_READONLY
_CONNECTION_ERROR_TYPES = frozenset(
    {"ConnectError", "ConnectTimeout", "ReadTimeout", "WriteTimeout", "RemoteProtocolError", "ReadError", "WriteError"}
)
REASON_CHARS = 160


def reason(error: BaseException) -> str:
    """The exception's own first line, short enough for a sentence (never a traceback)."""
    text = str(error).strip()
    first = text.splitlines()[0] if text else type(error).__name__
    return first if len(first) <= REASON_CHARS else first[: REASON_CHARS - 1] + "…"


def size_text(count: int) -> str:
    """Bytes for people: 212 bytes, 180 KB, 1.5 MB, 3.2 GB (powers of 1,000, as `df -H`)."""
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000:
            return f"{value:.0f} {unit}" if unit == "bytes" or value >= 100 else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding `path` (its nearest existing parent), or None when unknown."""
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _says(error: BaseException, words: tuple[str, ...]) -> bool:
    return any(word in str(link).casefold() for link in _chain(error) for word in words)


def disk_refused(error: BaseException) -> bool:
    """The OS or SQLite said the disk is full (or a file may grow no further)."""
    return any(isinstance(link, OSError) and link.errno in _DISK_FULL_ERRNOS for link in _chain(error)) or _says(
        error, _DISK_FULL_WORDS
    )


def unreachable(error: BaseException) -> bool:
    """A connection-level failure (refused, reset, timed out) anywhere in the chain of causes."""
    return any(
        isinstance(link, (ConnectionError, TimeoutError)) or type(link).__name__ in _CONNECTION_ERROR_TYPES
        for link in _chain(error)
    )


def _kept(written: int) -> str:
    if written == 0:
        return "nothing had been written yet"
    if written == 1:
        return "the 1 article written before is kept"
    return f"the {written:,} articles written before are kept"


# --- the sentences -----------------------------------------------------------------------------
def unreachable_message(host: str, port: int) -> str:
    return (
        f"Cannot reach the Chroma server at {host}:{port}; start it with "
        f"`chroma run --host {host} --port {port}` or unset RAG_CHROMA_HOST."
    )


def lost_while_writing_message(host: str, port: int, written: int) -> str:
    return (
        f"The Chroma server at {host}:{port} stopped answering during the write, and {_kept(written)}; start it again "
        f"(`chroma run --host {host} --port {port}`) and rerun `rag ingest` (or the upload) to add the rest."
    )


def server_failed_message(host: str, port: int, error: BaseException) -> str:
    return f"The Chroma server at {host}:{port} failed ({reason(error)}); check its log and restart it."


def damaged_message(path: Path, error: BaseException) -> str:
    return (
        f"The article store at {path} is not a readable Chroma store ({reason(error)}); "
        "move it away and run `rag ingest --rebuild`."
    )


def cannot_open_message(path: Path, error: BaseException) -> str:
    return (
        f"Cannot open the article store at {path} ({reason(error)}); check that the folder and its files exist and "
        "are readable, or set RAG_DATA_DIR to the right folder."
    )


def read_only_message(path: Path, error: BaseException) -> str:
    return (
        f"The article store at {path} is read-only ({reason(error)}); make it writable, or set RAG_DATA_DIR to a "
        "writable folder."
    )


def disk_full_message(path: Path, free: int | None, writing: bool, written: int) -> str:
    room = f"{size_text(free)} free" if free is not None else "free space unknown"
    if not writing:
        return (
            f"The disk holding {path} is full ({room}); free some space there, or set RAG_DATA_DIR to a larger disk, "
            "and try again."
        )
    return (
        f"The disk holding {path} is full ({room}), and {_kept(written)}; free some space there, or set RAG_DATA_DIR "
        "to a larger disk, then rerun `rag ingest` (or the upload) to add the rest."
    )


def disk_error_message(path: Path, error: BaseException, free: int | None, writing: bool, written: int) -> str:
    room = f"{size_text(free)} free" if free is not None else "free space unknown"
    if not writing:
        return f"Writing to the disk holding {path} failed ({reason(error)}; {room}); check that disk, then try again."
    return (
        f"Writing to the disk holding {path} failed ({reason(error)}; {room}), and {_kept(written)}; check that disk "
        "and its free space, then rerun `rag ingest` (or the upload) to add the rest."
    )


# --- turning a failure into one of them -----------------------------------------------------------
@dataclass(frozen=True)
class StoreLocation:
    """Where the Chroma store lives: a folder (embedded) or a server."""

    path: Path | None = None
    host: str | None = None
    port: int | None = None

    @classmethod
    def of_client(cls, client: Any) -> "StoreLocation":
        """Read from a chromadb client's own settings (an embedded client has a persist directory)."""
        try:
            settings = client.get_settings()
        except Exception:  # noqa: BLE001  a stand-in client: nothing to name
            return cls()
        if getattr(settings, "is_persistent", False) and getattr(settings, "persist_directory", None):
            return cls(path=Path(settings.persist_directory))
        host = getattr(settings, "chroma_server_host", None)
        port = getattr(settings, "chroma_server_http_port", None)
        return cls(host=host, port=int(port) if port else 8000) if host else cls()

    @property
    def is_server(self) -> bool:
        return self.host is not None


class StoreFailures:
    """Explains failures of one store; `writing` and `written` describe the write session in progress."""

    def __init__(self, location: StoreLocation) -> None:
        self.location = location

    def explain_chroma(self, error: BaseException, *, writing: bool = False, written: int = 0) -> SourcedError | None:
        """The named error for a failed Chroma call, or None when it is not a store failure we know."""
        if isinstance(error, SourcedError):
            return None
        where = self.location
        if where.is_server:
            assert where.host is not None and where.port is not None
            if unreachable(error):
                if writing:
                    return StoreUnreachableError(lost_while_writing_message(where.host, where.port, written))
                return StoreUnreachableError(unreachable_message(where.host, where.port))
            return None
        if where.path is None:
            return None
        if _says(error, _DAMAGED_WORDS):
            return StoreDamagedError(damaged_message(where.path, error))
        if _says(error, _CANNOT_OPEN_WORDS):
            return StoreUnavailableError(cannot_open_message(where.path, error))
        if _says(error, _READ_ONLY_WORDS):
            return StoreUnavailableError(read_only_message(where.path, error))
        free = free_bytes(where.path)
        # Chroma's own storage failures are InternalError; its other errors (a bad argument) are no disk's fault.
        silent_failure = type(error).__name__ == "InternalError" or isinstance(error, OSError)
        if disk_refused(error) or (writing and silent_failure and free is not None and free < LOW_DISK_BYTES):
            return DiskFullError(disk_full_message(where.path, free, writing, written))
        if _says(error, _DISK_ERROR_WORDS):
            return DiskFullError(disk_error_message(where.path, error, free, writing, written))
        return None

    def explain_local(self, error: BaseException, path: Path, *, writing: bool = False, written: int = 0) -> SourcedError | None:
        """The named error for a failed write of a local file under `path` (the keyword index, a lock file)."""
        if isinstance(error, SourcedError):
            return None
        if disk_refused(error):
            return DiskFullError(disk_full_message(path, free_bytes(path), writing, written))
        return None

    def problem(self, error: BaseException) -> str:
        """A sentence for a failure of the cheapest call there is (listing the collections): the store itself
        is what is wrong, whatever was raised."""
        explained = self.explain_chroma(error)
        if explained is not None:
            return explained.message
        where = self.location
        if where.is_server:
            assert where.host is not None and where.port is not None
            return server_failed_message(where.host, where.port, error)
        if where.path is not None:
            return damaged_message(where.path, error)
        return StoreUnavailableError(f"The article store failed ({reason(error)}).").message
