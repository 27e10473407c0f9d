"""The app's programmatic API (gradio_client): /ask, /articles, /upload_article, /delete_article.

The UI's own events are private; these endpoints return plain JSON so a
client does not have to parse the HTML the page shows. Failures raise
gr.Error with the one-sentence message, which the client receives as is.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from rag.assistant import Assistant
from rag.errors import SourcedError

from ui.library import LibraryController
from ui.session import AskOptions, OptionsError

# Every endpoint that reads or writes the index runs one at a time with the
# UI's own asks and uploads (see ui/app.py): the Assistant is shared.
ASSISTANT_QUEUE = "assistant"


def register_api(assistant: Assistant, library: LibraryController) -> None:
    """Add the endpoints to the Blocks being built (call inside its `with`)."""

    def ask(
        question: str,
        mode: str = "",
        top_k: int = 0,
        publishers: list[str] | None = None,
        date_from: str = "",
        date_to: str = "",
    ) -> dict[str, Any]:
        """Answer one question; returns the `rag ask --json` object (answer with [n] markers, citations)."""
        if mode not in ("", "extractive", "llm"):
            raise gr.Error("mode must be extractive or llm.")
        settings = assistant.settings
        try:
            options = AskOptions.from_form(
                mode or settings.effective_answer_mode, top_k or settings.top_k, publishers, date_from, date_to
            )
            answer = assistant.ask(question, mode=options.mode, top_k=options.top_k, filters=options.filters())
        except OptionsError as problem:
            raise gr.Error(str(problem)) from None
        except SourcedError as failure:
            raise gr.Error(failure.message) from None
        return answer.to_contract()

    def articles() -> list[dict[str, Any]]:
        """The indexed articles: id, title, publisher (source), date, url and passage count."""
        return [{k: v for k, v in a.summary().items() if k != "path"} for a in assistant.articles()]

    def delete_article(article_id: str) -> dict[str, Any]:
        """Remove one article and its passages from the index."""
        done, message = library.delete(article_id)
        if not done:
            raise gr.Error(message)
        return {"deleted": article_id, "message": message}

    def upload_article(paths: list[str] | None) -> dict[str, Any]:
        """Ingest uploaded files: {"ok", "added": [article ids], "refused": [file names], "messages": [...]}."""
        return library.upload(paths).as_json()

    gr.api(ask, api_name="ask", concurrency_id=ASSISTANT_QUEUE)
    gr.api(articles, api_name="articles")
    gr.api(delete_article, api_name="delete_article", concurrency_id=ASSISTANT_QUEUE)
    # gr.api can't take files, so uploads go through a File component the page never shows.
    with gr.Group(visible=False):
        files = gr.File(file_count="multiple", type="filepath", label="Files to ingest")
        result = gr.JSON(label="Upload result")
        trigger = gr.Button("Upload")
    trigger.click(upload_article, inputs=[files], outputs=[result], api_name="upload_article", concurrency_id=ASSISTANT_QUEUE)
