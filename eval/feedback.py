"""`rag eval --from-feedback`: thumbs-down answers from the UI become draft items for a person to complete.

The UI appends one JSON object per rating to `<data_dir>/feedback.jsonl`
(timestamp, rating up/down, comment, question, rewritten_query, answer,
abstained, citations, settings). Each thumbs-down becomes a draft in the
dataset's schema with `"draft": true`, `answerable`/`reference` null and no
facts; `notes` keeps what the user said and what Sourced answered. A person
fills in the gold fields, removes `draft` and moves the line to dataset.jsonl
(the loader refuses drafts).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.settings import Settings

DEFAULT_DRAFTS = Path(__file__).resolve().parent / "drafts.jsonl"


@dataclass
class DraftOutcome:
    written: int
    already_drafted: int
    skipped_lines: int  # not JSON, or not a feedback object
    thumbs_up: int
    path: Path


def default_feedback_path(settings: Settings) -> Path:
    return Path(settings.data_dir).expanduser() / "feedback.jsonl"


def draft_id(entry: dict[str, Any]) -> str:
    """Stable per feedback entry, so re-running never drafts the same thumbs-down twice."""
    digest = hashlib.sha256(f"{entry.get('timestamp')}\n{entry.get('question')}".encode("utf-8")).hexdigest()
    return f"fb-{digest[:10]}"


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
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                continue
    return ids


def drafts_from_feedback(feedback_path: Path, out_path: Path = DEFAULT_DRAFTS) -> DraftOutcome:
    """Append a draft for each new thumbs-down entry of `feedback_path` to `out_path`.

    Raises FileNotFoundError when there is no feedback file.
    """
    lines = Path(feedback_path).read_text(encoding="utf-8").splitlines()
    existing = _existing_ids(out_path)
    drafts: list[dict[str, Any]] = []
    skipped = thumbs_up = already = 0
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            skipped += 1
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("question"), str) or not entry["question"].strip():
            skipped += 1
            continue
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
                handle.write(json.dumps(draft, ensure_ascii=False) + "\n")
    return DraftOutcome(len(drafts), already, skipped, thumbs_up, out_path)
