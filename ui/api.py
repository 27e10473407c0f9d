"""The app's programmatic API (gradio_client): /ask, /feedback, /articles, /upload_article, /delete_article.

The UI's own events are private; these endpoints return plain JSON so a
client does not have to parse the HTML the page shows. Every failure raises
gr.Error with one sentence, which the client receives as is (gradio would
send `{"error": null}` for any other exception): `speaks_plainly` makes sure
of that for whatever an endpoint raises.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, TypeVar

import gradio as gr

from rag.assistant import Assistant
from rag.errors import SourcedError

from ui.answers import AnswerLedger
from ui.failures import explain_failure
from ui.feedback import FeedbackRecorder, FeedbackRefused, feedback_path
from ui.library import LibraryController
from ui.session import AskOptions, OptionsError

# Every endpoint that reads or writes the index runs one at a time with the
# UI's own asks and uploads (see ui/app.py): the Assistant is shared.
ASSISTANT_QUEUE = "assistant"
MAX_TOP_K = 50  # Settings.top_k's own bound

Handler = TypeVar("Handler", bound=Callable[..., Any])


def speaks_plainly(assistant: Assistant, doing: str) -> Callable[[Handler], Handler]:
    """Wrap an event handler (function or generator) so every failure reaches the client as gr.Error(one sentence)."""

    def as_gr_error(failure: Exception) -> gr.Error:
        # Refusals are expected and unexpected failures are logged by explain_failure: no traceback from gradio.
        if isinstance(failure, gr.Error):
            message = failure.message
        elif isinstance(failure, (OptionsError, FeedbackRefused)):
            message = str(failure)
        else:
            message = explain_failure(failure, assistant, doing)
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


def _top_k(value: Any, default: int) -> int:
    if value in (None, 0, ""):
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or not 1 <= value <= MAX_TOP_K:
        raise gr.Error(f"top_k must be a whole number from 1 to {MAX_TOP_K}.")
    return int(value)


def _publishers(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise gr.Error('publishers must be a list of publisher names, like ["RFE/RL"].')
    return value


def register_api(assistant: Assistant, library: LibraryController, answers: AnswerLedger) -> None:
    """Add the endpoints to the Blocks being built (call inside its `with`)."""
    recorder = FeedbackRecorder(answers, feedback_path(assistant.settings.data_dir))

    @speaks_plainly(assistant, "Answering")
    def ask(
        question: str,
        mode: str = "",
        top_k: int = 0,
        publishers: list[str] | None = None,
        date_from: str = "",
        date_to: str = "",
    ) -> dict[str, Any]:
        """Answer one question; returns the `rag ask --json` object (answer with [n] markers, citations) plus
        `answer_id`, which /feedback takes."""
        if mode not in ("", None, "extractive", "llm"):
            raise gr.Error("mode must be extractive or llm.")
        settings = assistant.settings
        options = AskOptions.from_form(
            mode or settings.effective_answer_mode,
            _top_k(top_k, settings.top_k),
            _publishers(publishers),
            _text(date_from, "date_from"),
            _text(date_to, "date_to"),
        )
        text = _text(question, "question")
        answer = assistant.ask(text, mode=options.mode, top_k=options.top_k, filters=options.filters())
        answer_id = answers.issue(answer, options.as_record(settings.retrieval_mode))
        return {**answer.to_contract(), "answer_id": answer_id}

    @speaks_plainly(assistant, "Saving the feedback")
    def feedback(answer_id: str, rating: str, comment: str = "") -> dict[str, Any]:
        """Rate an answer this server gave (by the `answer_id` /ask returned): rating "up" or "down", an optional
        comment; the entry is written from the server's own record of the answer."""
        saved = recorder.rate(answer_id, rating, comment or None)
        message = "Saved." if saved.written else "This rating and comment were already saved."
        return {"saved": True, "answer_id": answer_id, "rating": rating, "message": message}

    @speaks_plainly(assistant, "Listing the articles")
    def articles() -> list[dict[str, Any]]:
        """The indexed articles: id, title, publisher (source), date, url and passage count."""
        return [{k: v for k, v in a.summary().items() if k != "path"} for a in assistant.articles()]

    @speaks_plainly(assistant, "Deleting the article")
    def delete_article(article_id: str) -> dict[str, Any]:
        """Remove one article and its passages from the index."""
        done, message = library.delete(_text(article_id, "article_id"))
        if not done:
            raise gr.Error(message)
        return {"deleted": article_id, "message": message}

    @speaks_plainly(assistant, "Uploading")
    def upload_article(paths: list[str] | None) -> dict[str, Any]:
        """Ingest uploaded files: {"ok", "added": [article ids], "refused": [file names], "messages": [...]}."""
        return library.upload(paths).as_json()

    gr.api(ask, api_name="ask", concurrency_id=ASSISTANT_QUEUE)
    gr.api(feedback, api_name="feedback")
    gr.api(articles, api_name="articles")
    gr.api(delete_article, api_name="delete_article", concurrency_id=ASSISTANT_QUEUE)
    # gr.api can't take files, so uploads go through a File component the page never shows.
    with gr.Group(visible=False):
        files = gr.File(file_count="multiple", type="filepath", label="Files to ingest")
        result = gr.JSON(label="Upload result")
        trigger = gr.Button("Upload")
    trigger.click(upload_article, inputs=[files], outputs=[result], api_name="upload_article", concurrency_id=ASSISTANT_QUEUE)
