"""What the chat tab does on each event, as plain Python: a new `Screen` (what to redraw) per step.

Kept free of gradio so it can be driven and tested directly; ui/app.py maps a
Screen onto the components (a None field leaves that component as it is).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Iterator

from rag.assistant import Assistant
from rag.errors import InvalidRequestError, SourcedError
from rag.requests import AskRequest

from ui import render
from ui.answers import AnswerLedger
from ui.failures import explain_failure
from ui.feedback import FeedbackRecorder, FeedbackRefused, feedback_path
from ui.session import MAX_STORED_TURNS, ChatTurn, conversation_for, dump_turns, load_turns

logger = logging.getLogger(__name__)

View = dict[str, Any]  # {"turn": int | None, "n": int | None}: the selected answer and opened source


@dataclass
class Screen:
    transcript: str | None = None
    sources: str | None = None
    article: str | None = None
    trace: str | None = None
    status: str | None = None
    turns: list[dict[str, Any]] | None = None  # written back to the browser's storage
    view: View | None = None
    question: str | None = None  # the question box
    comment: str | None = None  # the feedback comment box


# The settings controls as an invalid value's sentence names them.
FORM_NAMES = {
    "mode": "the answer mode",
    "top_k": "the number of passages (top-k)",
    "publishers": "the publishers",
    "since": "the From date",
    "until": "the To date",
}


@dataclass(frozen=True)
class AskForm:
    """The raw values of the settings controls."""

    mode: str | None
    top_k: float | None
    publishers: list[str] | None
    date_from: str | None
    date_to: str | None

    def request(self, question: str, max_question_chars: int) -> AskRequest:
        """The validated request (InvalidRequestError names the control to fix)."""
        values = {
            "question": question,
            "mode": self.mode,
            "top_k": self.top_k,
            "publishers": self.publishers,
            "since": self.date_from,
            "until": self.date_to,
        }
        return AskRequest.parse(values, names=FORM_NAMES, max_question_chars=max_question_chars)


class ChatController:
    def __init__(self, assistant: Assistant, answers: AnswerLedger | None = None) -> None:
        self.assistant = assistant
        self.answers = answers if answers is not None else AnswerLedger(assistant.settings.ui_answer_memory)
        self.feedback = FeedbackRecorder(self.answers, feedback_path(assistant.settings.data_dir))

    # --- page load, new chat, selection ---------------------------------------
    def restore(self, raw_turns: Any) -> Screen:
        """The chat as the browser stored it: every answer with its own sources, the last one selected."""
        turns = load_turns(raw_turns)
        selected = len(turns) - 1 if turns else None
        return self._selected(turns, selected, None, status="")

    def new_chat(self) -> Screen:
        return Screen(
            transcript=render.transcript_html([], None),
            sources=render.sources_html([], None, None),
            article=render.article_placeholder_html(),
            trace=render.trace_html(None),
            status="",
            turns=[],
            view={"turn": None, "n": None},
            question="",
        )

    def pick(self, raw_turns: Any, turn: int) -> Screen:
        turns = load_turns(raw_turns)
        return self._selected(turns, turn if 0 <= turn < len(turns) else None, None)

    def cite(self, raw_turns: Any, turn: int, n: int) -> Screen:
        """A marker [n] was clicked: select its answer and open source n."""
        turns = load_turns(raw_turns)
        if not 0 <= turn < len(turns):
            return Screen()
        return self._selected(turns, turn, n)

    def open_article(self, raw_turns: Any, turn: int, n: int) -> Screen:
        turns = load_turns(raw_turns)
        if not 0 <= turn < len(turns):
            return Screen()
        citation = next((c for c in turns[turn].answer.citations if c.n == n), None)
        if citation is None:
            return Screen()
        screen = self._selected(turns, turn, n)
        try:
            record = self.assistant.article(citation.article_id)
        except Exception as failure:  # noqa: BLE001  one sentence on the page, the details in the log
            screen.status = render.status_html(explain_failure(failure, self.assistant, "Opening the article"))
            return screen
        if record is None:
            screen.article = render.article_missing_html(citation.title)
        else:
            screen.article = render.article_html(
                record.title, record.source, record.published, record.url, record.text, citation, turn
            )
        return screen

    def _selected(self, turns: list[ChatTurn], selected: int | None, n: int | None, status: str | None = None) -> Screen:
        answer = turns[selected].answer if selected is not None else None
        return Screen(
            transcript=render.transcript_html(turns, selected, active=n),
            sources=render.sources_html(turns, selected, n),
            trace=render.trace_html(answer),
            view={"turn": selected, "n": n},
            status=status,
        )

    # --- asking ---------------------------------------------------------------
    def ask(self, question: str | None, raw_turns: Any, form: AskForm) -> Iterator[Screen]:
        yield from self._ask(question, load_turns(raw_turns), form)

    def retry(self, raw_turns: Any, form: AskForm) -> Iterator[Screen]:
        """Ask the last question again (with the current settings), replacing its answer."""
        turns = load_turns(raw_turns)
        if not turns:
            yield Screen(status=render.status_html("There is no answer to retry yet.", "info"))
            return
        last = turns.pop()
        yield from self._ask(last.answer.question, turns, form)

    def _ask(self, question: str | None, turns: list[ChatTurn], form: AskForm) -> Iterator[Screen]:
        text = (question or "").strip()
        if not text:
            yield Screen(status=render.status_html("Type a question about the articles first.", "info"))
            return
        settings = self.assistant.settings
        selected = len(turns) - 1 if turns else None
        try:
            request = form.request(text, settings.max_question_chars)
        except InvalidRequestError as problem:
            yield self._failed(turns, selected, text, problem.message)
            return
        asked_with = request.as_record(settings)
        yield Screen(
            transcript=render.transcript_html(turns, selected, text, pending_settings=asked_with), status="", question=""
        )

        streamed = ""
        answer = None
        try:
            for event in self.assistant.stream(request, conversation=conversation_for(self.assistant, turns)):
                if isinstance(event, str):
                    streamed += event
                    yield Screen(
                        transcript=render.transcript_html(turns, selected, text, streamed, pending_settings=asked_with)
                    )
                else:
                    answer = event
        except SourcedError as failure:
            yield self._failed(turns, selected, text, failure.message)
            return
        except Exception as failure:  # noqa: BLE001  one sentence on the page, the details in the log
            yield self._failed(turns, selected, text, explain_failure(failure, self.assistant, "Answering"))
            return
        assert answer is not None  # Assistant.stream always ends with the Answer
        answer_id = self.answers.issue(answer, asked_with)
        turns = [*turns, ChatTurn(answer, asked_with, answer_id=answer_id)]
        turns = turns[-MAX_STORED_TURNS:]
        screen = self._selected(turns, len(turns) - 1, None, status="")
        screen.turns = dump_turns(turns)
        screen.article = render.article_placeholder_html()
        yield screen

    def _failed(self, turns: list[ChatTurn], selected: int | None, question: str, message: str) -> Screen:
        # The question goes back into the box so it can be fixed and sent again.
        return Screen(
            transcript=render.transcript_html(turns, selected), status=render.status_html(message), question=question
        )

    # --- feedback -------------------------------------------------------------
    def rate(self, raw_turns: Any, view: View | None, turn: int, rating: str, comment: str | None) -> Screen:
        """Save a rating of the answer of `turn`, written from the server's record of it (never from `raw_turns`)."""
        turns = load_turns(raw_turns)
        if not 0 <= turn < len(turns) or rating not in ("up", "down"):
            return Screen()
        chosen = turns[turn]
        try:
            saved = self.feedback.rate(chosen.answer_id, rating, comment)
        except FeedbackRefused as refusal:
            return Screen(status=render.status_html(refusal.message))
        except OSError as failure:
            logger.warning("could not save feedback: %s", failure)
            return Screen(status=render.status_html("Your feedback could not be saved: the data folder is not writable."))
        entry = saved.entry
        chosen.rating = entry["rating"]
        chosen.comment = entry["comment"]
        selected = (view or {}).get("turn")
        selected = selected if isinstance(selected, int) and 0 <= selected < len(turns) else None
        active = (view or {}).get("n") if selected is not None else None  # a source opened under it stays open
        verdict = "thumbs up" if rating == "up" else "thumbs down"
        return Screen(
            transcript=render.transcript_html(turns, selected, active=active if isinstance(active, int) else None),
            turns=dump_turns(turns),
            status=render.status_html(f"Thanks, your {verdict} on “{entry['question']}” was saved.", "info"),
            comment="",
        )
