"""Thumbs up/down on an answer, appended to `<data_dir>/feedback.jsonl` (format: ui/README.md).

The evaluation suite turns thumbs-down entries into draft evaluation cases, so
an entry carries everything needed to replay the question: the question, the
rewritten query, the answer, its citations and the settings it was asked with.
All of that comes from the server's own record of the answer (ui/answers.py);
the client only names the answer and gives the rating and an optional comment.
Entries are bounded: the comment by length, the whole line by bytes.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ui.answers import MAX_RATINGS_PER_ANSWER, AnswerLedger, IssuedAnswer
from ui.session import Rating

FEEDBACK_FILE = "feedback.jsonl"
MAX_COMMENT_CHARS = 2000
# A typical entry is 3-8 KB (five cited passages of ~1 KB each, the question, answer and comment);
# this leaves room for an LLM answer citing many passages while keeping any one line small.
MAX_ENTRY_BYTES = 64_000

# Several browser sessions may rate at once; one lock per process plus one
# O_APPEND write per line keeps lines whole.
_write_lock = threading.Lock()

# json.dumps(ensure_ascii=False) leaves these raw; readers that split lines on
# them (str.splitlines, some editors) would cut an entry in two. They can only
# occur inside JSON strings, where the escape means the same character.
_LINE_BREAKS_JSON_KEEPS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class FeedbackRefused(ValueError):
    """The rating cannot be saved; `message` is one sentence saying why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def feedback_path(data_dir: Path) -> Path:
    return Path(data_dir).expanduser() / FEEDBACK_FILE


def clean_comment(comment: Any) -> str | None:
    """The trimmed comment, None when empty; refuses one longer than MAX_COMMENT_CHARS."""
    if comment is None:
        return None
    if not isinstance(comment, str):
        raise FeedbackRefused("The comment must be text.")
    text = comment.strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise FeedbackRefused(
            f"The comment is {len(text):,} characters long; shorten it to at most {MAX_COMMENT_CHARS:,} and rate again."
        )
    return text or None


def feedback_entry(
    record: IssuedAnswer, rating: Rating, comment: Any, now: datetime | None = None
) -> dict[str, Any]:
    """The line to write for `rating` of the answer `record`, from the server's record alone."""
    return {
        "timestamp": (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds"),
        "rating": rating,
        "comment": clean_comment(comment),
        "question": record.question,
        "rewritten_query": record.rewritten_query,
        "answer": record.answer,
        "abstained": record.abstained,
        "citations": record.citations,
        "settings": record.settings,
        "answer_id": record.answer_id,
    }


def encode_entry(entry: dict[str, Any]) -> bytes:
    """One JSON line, at most MAX_ENTRY_BYTES (whole passages are dropped first, keeping the quotes)."""
    line = _encode(entry)
    if len(line) > MAX_ENTRY_BYTES:
        trimmed = {**entry, "citations": [{k: v for k, v in c.items() if k != "text"} for c in entry["citations"]]}
        trimmed["passages_trimmed"] = True
        line = _encode(trimmed)
    if len(line) > MAX_ENTRY_BYTES:
        raise FeedbackRefused(
            f"This feedback is too large to save ({len(line) / 1000:.0f} KB; the limit is "
            f"{MAX_ENTRY_BYTES / 1000:.0f} KB); shorten the comment and rate again."
        )
    return line


def _encode(entry: dict[str, Any]) -> bytes:
    text = json.dumps(entry, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS_JSON_KEEPS.items():
        text = text.replace(raw, escaped)
    return (text + "\n").encode("utf-8")


def append_line(path: Path, line: bytes) -> None:
    """Append one line with a single write, so a concurrent reader never sees half an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _write_lock:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            written = os.write(descriptor, line)
            while written < len(line):  # only on a full disk or a signal: finish the line
                written += os.write(descriptor, line[written:])
        finally:
            os.close(descriptor)


def append_feedback(path: Path, entry: dict[str, Any]) -> None:
    append_line(path, encode_entry(entry))


@dataclass(frozen=True)
class Saved:
    entry: dict[str, Any]
    written: bool  # False when the same rating and comment were already saved


class FeedbackRecorder:
    """Writes ratings of answers this server gave, taking everything but the rating and comment from its record."""

    def __init__(self, answers: AnswerLedger, path: Path) -> None:
        self.answers = answers
        self.path = path

    def rate(self, answer_id: Any, rating: Any, comment: Any = None) -> Saved:
        """Append one entry; raises FeedbackRefused (one sentence) for anything that can't be saved."""
        if rating not in ("up", "down"):
            raise FeedbackRefused("The rating must be up or down.")
        record = self.answers.get(answer_id)
        if record is None:
            raise FeedbackRefused(
                "This server has no record of that answer (it was given before a restart, or is older than the last "
                f"{self.answers.capacity:,} answers), so it can't be rated; ask the question again and rate the new answer."
            )
        entry = feedback_entry(record, rating, comment)
        line = encode_entry(entry)
        with self.answers.lock:  # two clicks at once must not both pass the checks below
            given = (entry["rating"], entry["comment"])
            if record.ratings and record.ratings[-1] == given:
                return Saved(entry, written=False)
            if len(record.ratings) >= MAX_RATINGS_PER_ANSWER:
                raise FeedbackRefused(
                    f"This answer has already been rated {MAX_RATINGS_PER_ANSWER} times, the most one answer takes; "
                    "ask again to rate a new answer."
                )
            append_line(self.path, line)
            record.ratings.append(given)
        return Saved(entry, written=True)
