"""`rag eval from-feedback`: thumbs-down answers from the UI become draft items for a person to complete.

The UI appends one JSON object per rating to `<data_dir>/feedback.jsonl`
(timestamp, rating up/down, comment, question, rewritten_query, answer,
abstained, citations, settings). Each thumbs-down becomes a draft in the
dataset's schema with `"draft": true`, `answerable`/`reference` null and no
facts; `notes` keeps what the user said and what Sourced answered. A person
fills in the gold fields, removes `draft` and moves the line to dataset.jsonl
(the loader refuses drafts). When one answer was rated more than once (same
`answer_id`), the last rating is the user's verdict.

Lines are split on "\n" only: a JSON line may hold U+2028, U+0085 and the
like inside its strings, which `str.splitlines` would treat as line breaks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.settings import Settings

DRAFTS_FILE = "eval-drafts.jsonl"  # under RAG_DATA_DIR: drafts hold users' questions, so not in the repository


@dataclass
class DraftOutcome:
    written: int
    already_drafted: int
    skipped_lines: int  # not JSON, or not a feedback object
    thumbs_up: int
    path: Path


def default_feedback_path(settings: Settings) -> Path:
    return Path(settings.data_dir).expanduser() / "feedback.jsonl"


def default_drafts_path(settings: Settings) -> Path:
    """Where `rag eval from-feedback` writes drafts without --out."""
    return Path(settings.data_dir).expanduser() / DRAFTS_FILE


def draft_id(entry: dict[str, Any]) -> str:
    """Stable per rated answer (per entry for entries without an answer_id), so re-running never drafts twice."""
    answer_id = entry.get("answer_id")
    key = f"answer\n{answer_id}" if isinstance(answer_id, str) else f"{entry.get('timestamp')}\n{entry.get('question')}"
    return f"fb-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


def jsonl_lines(path: Path) -> list[str | None]:
    """The lines of a JSON-lines file, split on "\n" only; None for a line that is not UTF-8."""
    lines: list[str | None] = []
    for raw in Path(path).read_bytes().split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(None)
    return lines


def draft_item(entry: dict[str, Any]) -> dict[str, Any]:
    citations = [c for c in entry.get("citations") or [] if isinstance(c, dict)]
    return {
        "id": draft_id(entry),
        "draft": True,
        "question": entry["question"],
        "answerable": None,
        "reference": None,
        "facts": [],
        "sources": [],  # gold is for a person to choose; notes.cited shows what the answer cited
        "evidence": [],
        "type": None,
        "notes": {
            "comment": entry.get("comment"),
            "answer_given": entry.get("answer"),
            "abstained": entry.get("abstained"),
            "rewritten_query": entry.get("rewritten_query"),
            "cited": [{"n": c.get("n"), "article_id": c.get("article_id"), "quote": c.get("quote")} for c in citations],
            "settings": entry.get("settings"),
            "timestamp": entry.get("timestamp"),
        },
    }


def _existing_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    if path.is_file():
        for line in jsonl_lines(path):
            try:
                ids.add(json.loads(line or "")["id"])
            except (ValueError, KeyError, TypeError):
                continue
    return ids


def drafts_from_feedback(feedback_path: Path, out_path: Path) -> DraftOutcome:
    """Append a draft for each new thumbs-down entry of `feedback_path` to `out_path`.

    Raises FileNotFoundError when there is no feedback file.
    """
    lines = jsonl_lines(feedback_path)
    existing = _existing_ids(out_path)
    drafts: list[dict[str, Any]] = []
    skipped = thumbs_up = already = 0
    entries: list[dict[str, Any]] = []
    for line in lines:
        if line is not None and not line.strip():
            continue
        try:
            entry = json.loads(line) if line is not None else None
        except ValueError:
            entry = None
        if not isinstance(entry, dict) or not isinstance(entry.get("question"), str) or not entry["question"].strip():
            skipped += 1
            continue
        entries.append(entry)
    for entry in _last_rating_per_answer(entries):
        if entry.get("rating") != "down":
            thumbs_up += entry.get("rating") == "up"
            continue
        draft = draft_item(entry)
        if draft["id"] in existing:
            already += 1
            continue
        existing.add(draft["id"])
        drafts.append(draft)
    if drafts:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("a", encoding="utf-8") as handle:
            for draft in drafts:
                handle.write(_json_line(draft))
    return DraftOutcome(len(drafts), already, skipped, thumbs_up, out_path)


def _json_line(data: dict[str, Any]) -> str:
    """One JSON line whose only line break is its end: the separators JSON leaves raw are escaped, so the
    drafts stay one per line for any reader (eval/dataset.py's included)."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def _last_rating_per_answer(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries in file order, keeping only the last one of each answer_id (entries without one all stay)."""
    last = {e["answer_id"]: i for i, e in enumerate(entries) if isinstance(e.get("answer_id"), str)}
    return [e for i, e in enumerate(entries) if not isinstance(e.get("answer_id"), str) or last[e["answer_id"]] == i]
