"""Uploaded articles: refuse what the library can't take, keep the rest under `<data_dir>/uploads/`, ingest.

Checks happen here, before anything is copied, so a refused upload leaves no
trace; the loader's own reasons (empty, binary, no text left) are passed on
word for word.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from rag.assistant import SUPPORTED_SUFFIXES, Assistant
from rag.errors import SourcedError

# The loader's file types, re-exported by rag so ui never imports index.
UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES
UPLOADS_DIR = "uploads"
MAX_NAME_CHARS = 120

ProgressCallback = Callable[[int, int], None]


@dataclass
class UploadOutcome:
    """What became of each uploaded file, as sentences to show: `notes` went well, `problems` did not."""

    added: list[str] = field(default_factory=list)  # article ids added, updated or already there
    refused: list[str] = field(default_factory=list)  # file names refused or skipped
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.added) and not self.refused

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "added": self.added,
            "refused": self.refused,
            "messages": [*self.problems, *self.notes],
        }


def uploads_dir(data_dir: Path) -> Path:
    return Path(data_dir).expanduser() / UPLOADS_DIR


def safe_file_name(name: str) -> str:
    """A file name that can't leave the uploads folder or hide: no path, no leading dot, plain characters."""
    base = re.split(r"[\\/]", name)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-") or "article"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix).lower()
    stem = stem[: MAX_NAME_CHARS - len(suffix) - 1]
    return f"{stem}.{suffix}" if suffix else stem


def refusal(name: str, size_bytes: int, max_mb: float) -> str | None:
    """Why an upload is refused before ingestion, or None when it may go on."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        shown = suffix or "a file without an extension"
        return f"{name} was refused: {shown} files can't be read; upload .txt, .md, .html or .pdf files."
    limit = int(max_mb * 1_000_000)
    if size_bytes > limit:
        return f"{name} was refused: it is {_size(size_bytes)} and the limit is {_size(limit)} (RAG_MAX_UPLOAD_MB)."
    return None


def _size(n_bytes: int) -> str:
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1_000_000:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{max(1, round(n_bytes / 1000))} KB"


def accept_uploads(
    assistant: Assistant,
    files: Sequence[tuple[Path, str]],
    progress: ProgressCallback | None = None,
) -> UploadOutcome:
    """Check, save and ingest `(temporary path, original name)` pairs; a refusal never stops the others."""
    settings = assistant.settings
    outcome = UploadOutcome()
    target_dir = uploads_dir(settings.data_dir)
    saved: dict[Path, str] = {}
    for temp_path, original in files:
        name = Path(original).name or "upload"
        reason = refusal(name, temp_path.stat().st_size, settings.max_upload_mb)
        if reason:
            outcome.refused.append(name)
            outcome.problems.append(reason)
            continue
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / safe_file_name(name)
        shutil.copyfile(temp_path, target)
        saved[target.resolve()] = name
    if not saved:
        return outcome

    try:
        report = assistant.ingest(list(saved), prune=False, progress=progress)
    except SourcedError as failure:
        outcome.refused.extend(saved.values())
        outcome.problems.append(failure.message)
        return outcome
    for skipped in report.skipped:
        path = Path(skipped.path).resolve()
        name = saved.get(path, path.name)
        outcome.refused.append(name)
        # The loader's reasons are verb phrases ("is empty", "has no extractable text ...").
        outcome.problems.append(f"{name} {skipped.reason.rstrip('.')}, so it was not added.")
        path.unlink(missing_ok=True)  # keep uploads/ to the files that are in the library
    for article_id in [*report.added, *report.updated]:
        outcome.added.append(article_id)
        record = assistant.article(article_id)
        title = record.title if record else article_id
        verb = "Updated" if article_id in report.updated else "Added"
        count = record.chunk_count if record else 0
        chunks = f"{count} passage{'' if count == 1 else 's'}"
        outcome.notes.append(f"{verb} “{title}” ({chunks}); ask about it in the Chat tab.")
    for article_id in report.unchanged:
        outcome.added.append(article_id)
        outcome.notes.append(f"{article_id} is already in the library, unchanged.")
    return outcome


def remove_uploaded_file(data_dir: Path, stored_path: str) -> None:
    """Delete the uploaded copy of a deleted article; files outside uploads/ are never touched."""
    if not stored_path:
        return
    folder = uploads_dir(data_dir).resolve()
    path = Path(stored_path).resolve()
    if path.is_relative_to(folder) and path.is_file():
        path.unlink()
