"""spaCy in a process of its own, so a server's answering threads do not wait for the GIL.

`rag serve` answers many questions at once on threads of one process. Parsing a
question with spaCy (`index.nlp.parse`) is the largest piece of an extractive
answer that holds the GIL (~7-12 ms of ~35 ms), so with 20 users asking at
once the answers queue for it; and an upload's named-entity pass over each
article (`index.nlp.entities_by_line`, a quarter of an upload's CPU) holds it
for tens of milliseconds at a time. Here the model runs in a second process:

    process = ParseProcess.start("parse")      # loads the model there (in the background)
    docs = process.parse(["Who won?"], disable=())   # Docs built here from what it returns
    process.stop()
    ParseProcess.start("entities").entities([article_text])   # [[(start, end, label), ...]]

`index.nlp` sends its work to the running processes (`use_parse_process`,
`use_entity_process`), and does it in this process while one is still loading
or when it has gone: nothing fails because a helper process did. The results
are the same (tokens, tags, lemmas, dependencies, entities: `Doc.to_dict`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import TYPE_CHECKING, Any, Literal, Sequence

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from spacy.tokens import Doc

# What a parse needs from a Doc; its tensor (~7 kB for a question) and user data are not read. Docs travel
# as `Doc.to_dict` through the pipe's pickle: `Doc.from_bytes` decodes msgpack with srsly, which looks up
# its extensions' entry points on every call (~1.5 ms, a quarter of the server's own work per answer).
_DOC_EXCLUDE = ["tensor", "user_data"]
# The entity helper works for uploads, which give way to questions: its CPU priority is as much lower as an
# upload's own thread's (rag/ingest_queue.py, a nice increment).
ENTITY_NICENESS = 10
# How long a helper has to end after its pipe closes (it is between batches, or in one of milliseconds).
STOP_WAIT_SECONDS = 5.0
# Longest wait for one batch of questions (milliseconds of work, every answer waiting on it): past this the
# helper is taken to be stuck, killed, and the server parses for itself.
REPLY_TIMEOUT_SECONDS = 10.0
# An article's entities take about a second per 40,000 characters of CPU, and the helper runs at the upload's
# low priority: no deadline, only a check every this often that it is still alive.
ALIVE_CHECK_SECONDS = 1.0


class ParseProcessGone(Exception):
    """The helper process died, hung or failed to start: parse in this process instead."""


HelperKind = Literal["parse", "entities"]


class ParseProcess:
    """spaCy in a child process, doing one batch at a time: `parse` (full_pipeline) or `entities`
    (entity_pipeline), as started."""

    def __init__(self, process: Any, connection: "Connection") -> None:
        self._process = process
        self._connection = connection
        self._lock = threading.Lock()  # one batch in flight; `index.nlp` already sends one at a time
        self._ready = False
        self._gone = False

    @classmethod
    def start(cls, kind: HelperKind = "parse") -> "ParseProcess":
        """Start the helper process; it loads the model while this one goes on (`ready` says when)."""
        context = multiprocessing.get_context("spawn")  # never fork a process that runs threads
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, kind), name=f"sourced-{kind}", daemon=True)
        process.start()
        theirs.close()
        return cls(process, ours)

    @property
    def ready(self) -> bool:
        """The model is loaded in the helper process (checked without waiting)."""
        if self._ready or self._gone:
            return self._ready and not self._gone
        with self._lock:
            try:
                if self._connection.poll(0):
                    self._ready = self._connection.recv() == "ready"
            except (EOFError, OSError):
                self._gone = True
        return self._ready and not self._gone

    @property
    def alive(self) -> bool:
        return not self._gone and self._process.is_alive()

    def parse(self, texts: Sequence[str], disable: Sequence[str] = ()) -> list["Doc | ValueError"]:
        """Each text parsed by the helper process, as a Doc of this process's vocabulary, or the error the model
        raised on that text (as a ValueError naming it).

        Raises ParseProcessGone when the process is not ready, has died or does not answer."""
        from spacy.tokens import Doc

        from index.nlp import full_pipeline

        replies = self._ask((list(texts), tuple(disable)), REPLY_TIMEOUT_SECONDS)
        vocab = full_pipeline().vocab
        return [
            Doc(vocab).from_dict(payload, exclude=_DOC_EXCLUDE) if kind == "doc" else ValueError(payload)
            for kind, payload in replies
        ]

    def entities(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """`index.nlp.entities_by_line(texts)`, run by the helper process (raises ParseProcessGone as `parse`)."""
        return [[(start, end, label) for start, end, label in found] for found in self._ask(list(texts), None)]

    def _ask(self, request: Any, timeout: float | None) -> Any:
        """Send one request and wait for its reply: at most `timeout` seconds, or (None) while the helper lives."""
        if not self.ready:
            raise ParseProcessGone("the helper process is not ready")
        with self._lock:
            try:
                if self._gone:
                    raise ParseProcessGone("the helper process was stopped")
                self._connection.send(request)
                waited = 0.0
                while not self._connection.poll(ALIVE_CHECK_SECONDS):
                    waited += ALIVE_CHECK_SECONDS
                    if not self._process.is_alive():
                        raise ParseProcessGone("the helper process died")
                    if timeout is not None and waited >= timeout:
                        raise ParseProcessGone("the helper process did not answer")
                reply = self._connection.recv()
            except (EOFError, OSError, ParseProcessGone) as error:
                self._gone = True
                self._process.kill()
                self._process.join(timeout=STOP_WAIT_SECONDS)
                raise ParseProcessGone(str(error) or type(error).__name__) from error
        if isinstance(reply, tuple) and reply and reply[0] == "failed":
            raise ValueError(reply[1])
        return reply

    def stop(self) -> None:
        """End the helper process: at once while it is still loading the model, else when it sees the pipe
        close (killed after STOP_WAIT_SECONDS)."""
        loaded = self.ready
        held = self._lock.acquire(timeout=STOP_WAIT_SECONDS)  # a batch in flight ends first
        self._gone = True
        try:
            self._connection.close()
        finally:
            if held:
                self._lock.release()
            if not loaded:
                self._process.kill()
            self._process.join(timeout=STOP_WAIT_SECONDS)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(timeout=STOP_WAIT_SECONDS)


def _serve(connection: "Connection", kind: HelperKind) -> None:
    """The helper process: load the model, then do each batch received until the pipe closes (the server
    stopped, or gave up on this process): then it ends, quietly."""
    try:
        _serve_until_closed(connection, kind)
    except (EOFError, OSError, KeyboardInterrupt):
        return


def _serve_until_closed(connection: "Connection", kind: HelperKind) -> None:
    from index.nlp import entities_by_line, entity_pipeline, full_pipeline

    if kind == "entities":
        try:
            os.nice(ENTITY_NICENESS)
        except (AttributeError, OSError):  # not allowed here: same priority as the questions
            pass
    nlp = full_pipeline() if kind == "parse" else entity_pipeline()
    connection.send("ready")
    while True:
        request = connection.recv()
        if kind == "parse":
            texts, disable = request
            connection.send(_parse_all(nlp, texts, list(disable)))
            continue
        try:
            found = entities_by_line(request)
        except Exception as error:  # noqa: BLE001  raised again in the thread that asked
            connection.send(("failed", f"{type(error).__name__}: {error}"))
        else:
            connection.send(found)


def _parse_all(nlp: Any, texts: list[str], disable: list[str]) -> list[tuple[str, Any]]:
    """("doc", `Doc.to_dict`) per text, or ("error", message) for a text the model fails on."""
    from index.nlp import parse_texts

    return [
        ("error", f"{type(parsed).__name__}: {parsed}")
        if isinstance(parsed, BaseException)
        else ("doc", parsed.to_dict(exclude=_DOC_EXCLUDE))
        for parsed in parse_texts(nlp, texts, disable)
    ]
