"""The app's programmatic API (gradio_client): /ask, /feedback, /articles, /upload_article, /delete_article.

/upload_article queues the files on the app's ingest queue and streams its progress (objects with "done":
false) until the outcome (with "done": true); `client.predict` returns the outcome, `client.submit` shows
the progress too. Questions are answered meanwhile.

The UI's own events are private; these endpoints return plain JSON so a
client does not have to parse the HTML the page shows. Every failure raises
gr.Error with one sentence, which the client receives as is (gradio would
send `{"error": null}` for any other exception): `speaks_plainly` makes sure
of that for whatever an endpoint raises.
"""

from __future__ import annotations

import functools
import inspect
from http import HTTPStatus
from typing import Any, Callable, Iterator, TypeVar

import gradio as gr

from rag.assistant import Assistant
from rag.errors import SourcedError
from rag.requests import FIELD_NAMES, AskRequest
from rag.settings import Settings

from ui.answers import AnswerLedger
from ui.failures import explain_failure
from ui.feedback import FeedbackRecorder, FeedbackRefused, feedback_path
from ui.library import LibraryController, progress_sentence
from ui.uploads import UploadOutcome

# Asks, deletes, edits and remaking the examples, the API's and the UI's own (see ui/app.py), share one queue:
# RAG_ASK_WORKERS of them run at once on the shared Assistant, the others wait in order. Uploads are ingested
# beside them, on the library's ingest queue (ui/library.py).
ASSISTANT_QUEUE = "assistant"
# How often /upload_article reports the progress of its upload.
UPLOAD_REPORT_SECONDS = 0.5
# The endpoint's parameters, as an invalid value's sentence names them.
API_NAMES = {**FIELD_NAMES, "since": "date_from", "until": "date_to"}

Handler = TypeVar("Handler", bound=Callable[..., Any])


def assistant_queue(settings: Settings) -> dict[str, Any]:
    """The event options of everything that uses the Assistant. Every event of the queue must give the same
    limit: gradio keeps the lowest any of them gives (the app's default of 1 included)."""
    return {"concurrency_id": ASSISTANT_QUEUE, "concurrency_limit": settings.ask_workers}


# HTTP-like statuses of SourcedError exit codes (README): bad input, store or model unavailable, no index
# or the wrong embedding model, LLM endpoint failure.
_STATUS_OF_EXIT_CODE = {2: 400, 3: 503, 4: 409, 5: 502}


def status_of(failure: Exception) -> int:
    """The HTTP-like status of a failure: 4xx when the request should change, 5xx when the server or the store failed."""
    if isinstance(failure, (gr.Error, FeedbackRefused)):
        return 400
    if isinstance(failure, SourcedError):
        return _STATUS_OF_EXIT_CODE.get(failure.exit_code, 500)
    return 500


def speaks_plainly(assistant: Assistant, doing: str, *, with_status: bool = False) -> Callable[[Handler], Handler]:
    """Wrap an event handler (function or generator) so every failure reaches the client as gr.Error(one sentence).

    `with_status` (the JSON API): the error's `title` is its HTTP-like status, e.g. "400 Bad Request"
    (gradio's error object has no field of its own for it)."""

    def as_gr_error(failure: Exception) -> gr.Error:
        # Refusals are expected and unexpected failures are logged by explain_failure: no traceback from gradio.
        if isinstance(failure, gr.Error):
            message = failure.message
        elif isinstance(failure, FeedbackRefused):
            message = str(failure)
        else:
            message = explain_failure(failure, assistant, doing)
        if with_status:
            status = HTTPStatus(status_of(failure))
            return gr.Error(message, title=f"{status.value} {status.phrase}", print_exception=False)
        return gr.Error(message, print_exception=False)

    def wrap(handler: Handler) -> Handler:
        if inspect.isgeneratorfunction(handler):

            @functools.wraps(handler)
            def stream(*args: Any, **kwargs: Any) -> Any:
                try:
                    yield from handler(*args, **kwargs)
                except Exception as failure:  # noqa: BLE001  the edge: one sentence for anything
                    raise as_gr_error(failure) from None

            return stream  # type: ignore[return-value]

        @functools.wraps(handler)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return handler(*args, **kwargs)
            except Exception as failure:  # noqa: BLE001  the edge: one sentence for anything
                raise as_gr_error(failure) from None

        return call  # type: ignore[return-value]

    return wrap


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise gr.Error(f"{name} must be text.")
    return value


def register_api(assistant: Assistant, library: LibraryController, answers: AnswerLedger) -> None:
    """Add the endpoints to the Blocks being built (call inside its `with`)."""
    recorder = FeedbackRecorder(answers, feedback_path(assistant.settings.data_dir))

    @speaks_plainly(assistant, "Answering", with_status=True)
    def ask(
        question: str,
        mode: str = "",
        top_k: int = 0,
        publishers: list[str] | str | None = None,
        date_from: str = "",
        date_to: str = "",
        retrieval_mode: str = "",
    ) -> dict[str, Any]:
        """Answer one question; returns the `rag ask --json` object (answer with [n] markers, citations) plus
        `answer_id`, which /feedback takes. Empty values (and top_k 0) mean the server's settings;
        publishers: one name or a list, any form of a name ("AP", "the herald")."""
        settings = assistant.settings
        values = {
            "question": question,
            "mode": mode,
            "top_k": None if top_k == 0 and not isinstance(top_k, bool) else top_k,
            "retrieval_mode": retrieval_mode,
            "publishers": publishers,
            "since": date_from,
            "until": date_to,
        }
        request = AskRequest.parse(values, names=API_NAMES, max_question_chars=settings.max_question_chars)
        # an explicit mode "llm" must not silently degrade: an endpoint failure is a 502, as documented
        answer = assistant.ask(request, fallback=request.mode != "llm")
        answer_id = answers.issue(answer, request.as_record(settings))
        return {**answer.to_contract(), "answer_id": answer_id}

    @speaks_plainly(assistant, "Saving the feedback", with_status=True)
    def feedback(answer_id: str, rating: str, comment: str = "") -> dict[str, Any]:
        """Rate an answer this server gave (by the `answer_id` /ask returned): rating "up" or "down", an optional
        comment; the entry is written from the server's own record of the answer."""
        saved = recorder.rate(answer_id, rating, comment or None)
        message = "Saved." if saved.written else "This rating and comment were already saved."
        return {"saved": True, "answer_id": answer_id, "rating": rating, "message": message}

    @speaks_plainly(assistant, "Listing the articles", with_status=True)
    def articles() -> list[dict[str, Any]]:
        """The indexed articles: id, title, publisher (source), date, url and passage count."""
        return [{k: v for k, v in a.summary().items() if k != "path"} for a in assistant.articles()]

    @speaks_plainly(assistant, "Deleting the article", with_status=True)
    def delete_article(article_id: str) -> dict[str, Any]:
        """Remove one article and its passages from the index."""
        done, message = library.delete(_text(article_id, "article_id"))
        if not done:
            raise gr.Error(message)
        return {"deleted": article_id, "message": message}

    @speaks_plainly(assistant, "Uploading", with_status=True)
    def upload_article(paths: list[str] | None) -> Iterator[dict[str, Any]]:
        """Ingest uploaded files in the background: progress objects ({"done": false, "message", "state", "files",
        "files_done", "passages_done", "passages_total", ...}) until the outcome: {"done": true, "ok",
        "added": [article ids], "refused": [file names], "messages": [...]}."""
        started = library.start_upload(paths)
        if isinstance(started, UploadOutcome):
            yield {"done": True, **started.as_json()}
            return
        while not started.wait(UPLOAD_REPORT_SECONDS):
            snapshot = started.snapshot()
            yield {"done": False, "message": progress_sentence(snapshot), **snapshot.as_json()}
        yield {"done": True, **library.outcome(started).as_json()}

    gr.api(ask, api_name="ask", **assistant_queue(assistant.settings))
    gr.api(feedback, api_name="feedback")
    gr.api(articles, api_name="articles")
    gr.api(delete_article, api_name="delete_article", **assistant_queue(assistant.settings))
    # gr.api can't take files, so uploads go through a File component the page never shows.
    with gr.Group(visible=False):
        files = gr.File(file_count="multiple", type="filepath", label="Files to ingest")
        result = gr.JSON(label="Upload result")
        trigger = gr.Button("Upload")
    # Not in ASSISTANT_QUEUE: the ingest runs on library.queue, one at a time; this only waits for it.
    trigger.click(upload_article, inputs=[files], outputs=[result], api_name="upload_article", concurrency_limit=None)
