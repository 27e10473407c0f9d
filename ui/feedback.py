"""Thumbs up/down on an answer, appended to `<data_dir>/feedback.jsonl` (format: ui/README.md).

The evaluation suite turns thumbs-down entries into draft evaluation cases, so
an entry carries everything needed to replay the question: the question, the
rewritten query, the answer, its citations and the settings it was asked with.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ui.session import ChatTurn, Rating

FEEDBACK_FILE = "feedback.jsonl"
MAX_COMMENT_CHARS = 2000

# Several browser sessions may rate at once; one lock per process plus one
# O_APPEND write per line keeps lines whole.
_write_lock = threading.Lock()


def feedback_path(data_dir: Path) -> Path:
    return Path(data_dir).expanduser() / FEEDBACK_FILE


def feedback_entry(turn: ChatTurn, rating: Rating, comment: str | None, now: datetime | None = None) -> dict[str, Any]:
    answer = turn.answer
    text = (comment or "").strip()[:MAX_COMMENT_CHARS] or None
    return {
        "timestamp": (now or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="seconds"),
        "rating": rating,
        "comment": text,
        "question": answer.question,
        "rewritten_query": answer.rewritten_query,
        "answer": answer.answer,
        "abstained": answer.abstained,
        "citations": answer.to_contract()["citations"],
        "settings": turn.settings,
    }


def append_feedback(path: Path, entry: dict[str, Any]) -> None:
    """Append one JSON line with a single write, so a concurrent reader never sees half an entry."""
    line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with _write_lock:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            written = os.write(descriptor, line)
            while written < len(line):  # only on a full disk or a signal: finish the line
                written += os.write(descriptor, line[written:])
        finally:
            os.close(descriptor)
