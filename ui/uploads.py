"""Uploaded articles: refuse what the library can't take, keep the rest under `<data_dir>/uploads/`, ingest.

Checks happen here, before anything is copied, so a refused upload leaves no
trace; the loader's own reasons (empty, binary, no text left) are passed on
word for word, and the file of an upload that fails is removed again.

An upload is always a new article unless the user chose an uploaded article to
replace: a name already taken becomes "Name (2).txt", and uploads live in a
folder (and an id namespace, `upload/...`) of their own, so no upload can take
the place of an article from the articles folder or one ingested by path.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from rag.assistant import SUPPORTED_SUFFIXES, Assistant
from rag.errors import SourcedError
from rag.services import UPLOADS_FOLDER

logger = logging.getLogger(__name__)

# The loader's file types, re-exported by rag so ui never imports index.
UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES
UPLOADS_DIR = UPLOADS_FOLDER
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 200  # most file systems allow 255 bytes; room is left for " (n)"
_FORBIDDEN = frozenset('<>:"|?*\\/')  # refused by Windows file systems, or path separators
STORE_FAILED = (
    "{names} could not be added because the index could not be written; nothing was kept, try again "
    "(the server log has the details)."
)

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


def is_upload(data_dir: Path, stored_path: str) -> bool:
    """Whether an article's stored path is a file in the uploads folder."""
    return bool(stored_path) and Path(stored_path).resolve().is_relative_to(uploads_dir(data_dir).resolve())


def safe_file_name(name: str) -> str:
    """A file name that can't leave the uploads folder or hide; letters of every script are kept."""
    base = " ".join(unicodedata.normalize("NFC", re.split(r"[\\/]", name)[-1]).split())  # any whitespace: one space
    # control and format characters (e.g. a right-to-left override that disguises ".exe") go
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C" and ch not in _FORBIDDEN)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem.strip(" ._-") or "article"
    suffix = "".join(ch for ch in suffix if ch.isascii() and ch.isalnum()).lower()
    room = MAX_NAME_CHARS - len(suffix) - 1
    stem = stem[:room]
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES - len(suffix) - 1:
        stem = stem[:-1]
    stem = stem.rstrip(" ._-") or "article"
    return f"{stem}.{suffix}" if suffix else stem


def numbered(name: str, n: int) -> str:
    """The n-th name of a family: "Путин.txt", "Путин (2).txt", ..."""
    if n < 2:
        return name
    stem, dot, suffix = name.rpartition(".")
    return f"{stem} ({n}).{suffix}" if dot else f"{name} ({n})"


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


def replace_problem(assistant: Assistant, article_id: str, file_count: int) -> str | None:
    """Why the chosen article can't be replaced by the files given, or None."""
    record = assistant.article(article_id)
    if record is None:
        return "The article chosen for replacing is no longer in the library; choose another, or upload as new."
    if not is_upload(assistant.settings.data_dir, record.path):
        return (
            f"“{record.title}” comes from the articles folder, not from an upload, so it can't be replaced here; "
            "change its file there and run `rag ingest`."
        )
    if file_count != 1:
        return f"Choose exactly one file to replace “{record.title}” with."
    return None


class _Staging:
    """Files written to uploads/ by one upload, and how to take each back if the upload fails."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: dict[Path, str] = {}  # resolved file in uploads/ -> original name
        self.previous: dict[Path, bytes] = {}  # files overwritten (a replacement): their old bytes

    def write(self, target: Path, data: bytes, original: str) -> Path:
        if target.exists():
            self.previous[target.resolve()] = target.read_bytes()
        _write_atomically(target, data)
        resolved = target.resolve()
        self.written[resolved] = original
        return resolved

    def take_back(self, path: Path) -> None:
        """Undo one file: restore what it replaced, or remove it."""
        path = path.resolve()
        self.written.pop(path, None)
        old = self.previous.pop(path, None)
        try:
            if old is not None:
                _write_atomically(path, old)
            else:
                path.unlink(missing_ok=True)
        except OSError as failure:
            logger.warning("could not take back the upload %s: %s", path, failure)

    def take_back_all(self) -> None:
        for path in list(self.written):
            self.take_back(path)


def _write_atomically(target: Path, data: bytes) -> None:
    """Write via a hidden temporary file in the same folder: a failed write never leaves a half file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _taken_names(assistant: Assistant, folder: Path) -> set[str]:
    """Names in uploads/ that a new upload must not use: files there, and uploaded articles whose file is gone."""
    taken = {entry.name for entry in folder.iterdir()} if folder.is_dir() else set()
    data_dir = assistant.settings.data_dir
    taken |= {Path(r.path).name for r in assistant.articles() if is_upload(data_dir, r.path)}
    return taken


def _same_upload(assistant: Assistant, folder: Path, name: str, data: bytes) -> str | None:
    """The id of an earlier upload of this very file (same name or a numbered variant, same bytes), if indexed."""
    n = 1
    while (candidate := folder / numbered(name, n)).is_file():
        if candidate.stat().st_size == len(data) and candidate.read_bytes() == data:
            article_id = assistant.article_id_for(candidate)
            if assistant.article(article_id) is not None:
                return article_id
        n += 1
    return None


def accept_uploads(
    assistant: Assistant,
    files: Sequence[tuple[Path, str]],
    progress: ProgressCallback | None = None,
    replace: str | None = None,
) -> UploadOutcome:
    """Check, save and ingest `(temporary path, original name)` pairs; a refusal never stops the others.

    Each file becomes a new article, unless `replace` names an uploaded article:
    then the one file given takes its place (same id when the file type is the same).
    """
    settings = assistant.settings
    outcome = UploadOutcome()
    folder = uploads_dir(settings.data_dir)
    names = [Path(original).name or "upload" for _, original in files]
    if replace is not None:
        problem = replace_problem(assistant, replace, len(files))
        if problem:
            outcome.refused.extend(names)
            outcome.problems.append(problem)
            return outcome

    accepted: list[tuple[Path, str]] = []
    for (temp_path, _), name in zip(files, names):
        reason = refusal(name, temp_path.stat().st_size, settings.max_upload_mb)
        if reason:
            outcome.refused.append(name)
            outcome.problems.append(reason)
        else:
            accepted.append((temp_path, name))
    if not accepted:
        return outcome

    staging = _Staging(folder)
    replaced = assistant.article(replace) if replace is not None else None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        taken = _taken_names(assistant, folder)
        for temp_path, name in accepted:
            data = temp_path.read_bytes()
            wanted = safe_file_name(name)
            if replaced is not None:
                old = Path(replaced.path)
                wanted = old.stem + Path(wanted).suffix
                if wanted == old.name:
                    staging.write(old, data, name)  # same type: the article keeps its id
                    continue
                taken.discard(old.name)
            elif (earlier := _same_upload(assistant, folder, wanted, data)) is not None:
                outcome.added.append(earlier)
                outcome.notes.append(f"{name} is already in the library, unchanged.")
                continue
            n = 1
            while numbered(wanted, n) in taken:
                n += 1
            target = folder / numbered(wanted, n)
            staging.write(target, data, name)
            taken.add(target.name)
        if not staging.written:
            return outcome
        report = assistant.ingest(list(staging.written), prune=False, progress=progress)
    except SourcedError as failure:
        outcome.refused.extend(staging.written.values())
        outcome.problems.append(failure.message)
        staging.take_back_all()
        return outcome
    except Exception:  # the store or the disk failed: the user gets one sentence, the log the traceback
        logger.exception("upload of %s failed", ", ".join(n for _, n in accepted))
        failed = [n for _, n in accepted]
        outcome.refused.extend(failed)
        outcome.problems.append(STORE_FAILED.format(names=", ".join(failed)))
        staging.take_back_all()
        return outcome

    for skipped in report.skipped:
        path = Path(skipped.path).resolve()
        name = staging.written.get(path, path.name)
        outcome.refused.append(name)
        # The loader's reasons are verb phrases ("is empty", "has no extractable text ...").
        outcome.problems.append(f"{name} {skipped.reason.rstrip('.')}, so it was not added.")
        staging.take_back(path)  # keep uploads/ to the files that are in the library
    for article_id in [*report.added, *report.updated]:
        outcome.added.append(article_id)
        record = assistant.article(article_id)
        title = record.title if record else article_id
        verb = "Updated" if article_id in report.updated else "Added"
        if replaced is not None:
            verb = f"Replaced “{replaced.title}” with"
        count = record.chunk_count if record else 0
        chunks = f"{count} passage{'' if count == 1 else 's'}"
        outcome.notes.append(f"{verb} “{title}” ({chunks}); ask about it in the Chat tab.")
    for article_id in report.unchanged:
        outcome.added.append(article_id)
        outcome.notes.append(f"{article_id} is already in the library, unchanged.")
    if replaced is not None and outcome.added and replaced.article_id not in outcome.added:
        # another file type, so another id: the old article and its file make way for the new one
        assistant.delete_article(replaced.article_id)
    return outcome
