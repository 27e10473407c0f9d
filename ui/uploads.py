"""Uploaded articles: refuse what the library can't take, keep the rest under `<data_dir>/uploads/`, ingest.

Checks happen here, before anything is copied, so a refused upload leaves no
trace; the loader's own reasons (empty, binary, no text left) are passed on
word for word, and the file of an upload that fails is removed again. A file
that makes more passages than RAG_MAX_UPLOAD_CHUNKS is refused once it is read
and chunked, before anything is embedded. When the store fails part-way, the
articles already committed stay in the library with their files (uploading
the same files again adds only the rest: an identical file is recognised),
and the files of the others are removed.

Uploads run on the app's ingest queue (rag/ingest_queue.py) and report their
progress through its job: files read, files done, passages embedded.

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
from typing import TYPE_CHECKING, Callable, Sequence

from rag.assistant import SUPPORTED_SUFFIXES, Assistant
from rag.errors import SourcedError
from rag.services import UPLOADS_FOLDER

if TYPE_CHECKING:
    from rag.ingest_queue import IngestJob
    from rag.library import ArticleRecord, SkippedArticle

logger = logging.getLogger(__name__)

# The loader's file types, re-exported by rag so ui never imports index.
UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES
UPLOADS_DIR = UPLOADS_FOLDER
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 200  # most file systems allow 255 bytes; room is left for " (n)"
_FORBIDDEN = frozenset('<>:"|?*\\/')  # refused by Windows file systems, or path separators
STORE_FAILED = (
    "{names} could not be added because the index could not be written, so nothing of {them} was kept; "
    "try again (the server log has the details)."
)
TOO_MANY_PASSAGES = (
    "{name} was refused: it makes {chunks} passages and the limit is {limit:,} (RAG_MAX_UPLOAD_CHUNKS); "
    "split it into smaller files."
)
# Passages embedded and committed together for an upload (rag ingest uses index.pipeline's 256): a question
# waits for each commit (~0.1-0.3 s for 64 passages here), uploaded files become answerable group by group,
# and a failure part-way keeps more of what was done.
UPLOAD_GROUP_CHUNKS = 64

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


class _Names:
    """Names in uploads/ that a new upload must not use: files there, uploaded articles whose file is gone
    (each name looked up when it is wanted: `Library.upload_name_taken`), and names given in this upload."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.given: set[str] = set()
        self.released: set[str] = set()  # the name of the article being replaced: free for its replacement

    def free(self, name: str) -> bool:
        if name in self.given:
            return False
        return name in self.released or not self.assistant.library.upload_name_taken(name)

    def first_free(self, wanted: str) -> str:
        """`wanted`, or its first numbered variant not taken: "Name.txt", "Name (2).txt", ..."""
        n = 1
        while not self.free(numbered(wanted, n)):
            n += 1
        self.given.add(numbered(wanted, n))
        return numbered(wanted, n)


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
    job: "IngestJob | None" = None,
) -> UploadOutcome:
    """Check, save and ingest `(temporary path, original name)` pairs; a refusal never stops the others.

    Each file becomes a new article, unless `replace` names an uploaded article:
    then the one file given takes its place (same id when the file type is the same).
    `progress(done, total)` counts passages embedded; `job` (the ingest queue's) is told of
    files read and done as well.
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
        reason = _unreadable(temp_path, name) or refusal(name, temp_path.stat().st_size, settings.max_upload_mb)
        if reason:
            outcome.refused.append(name)
            outcome.problems.append(reason)
        else:
            accepted.append((temp_path, name))
    if job is not None:
        job.files_done(len(files) - len(accepted))
    if not accepted:
        return outcome

    staging = _Staging(folder)
    replaced = assistant.article(replace) if replace is not None else None
    stored: dict[str, "ArticleRecord"] = {}  # articles of this upload in the store, by id
    recognised: list[str] = []  # names of files found in the library already

    def on_stored(records: list["ArticleRecord"]) -> None:
        stored.update((record.article_id, record) for record in records)
        if job is not None:
            job.files_done(len(records))

    def on_progress(done: int, total: int) -> None:
        if job is not None:
            job.passages(done, total)
        if progress is not None:
            progress(done, total)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        names_taken = _Names(assistant)
        for temp_path, name in accepted:
            data = temp_path.read_bytes()
            wanted = safe_file_name(name)
            if replaced is not None:
                old = Path(replaced.path)
                wanted = old.stem + Path(wanted).suffix
                if wanted == old.name:
                    staging.write(old, data, name)  # same type: the article keeps its id
                    continue
                names_taken.released.add(old.name)
            elif (earlier := _same_upload(assistant, folder, wanted, data)) is not None:
                outcome.added.append(earlier)
                outcome.notes.append(f"{name} is already in the library, unchanged.")
                recognised.append(name)
                if job is not None:
                    job.files_done(1)
                continue
            target = folder / names_taken.first_free(wanted)
            staging.write(target, data, name)
        if not staging.written:
            return outcome
        report = assistant.ingest(
            list(staging.written),
            prune=False,
            progress=on_progress,
            max_chunks=settings.max_upload_chunks,
            on_read=job.file_read if job is not None else None,
            on_skip=(lambda _skipped: job.files_done(1)) if job is not None else None,
            on_stored=on_stored,
            group_chunks=UPLOAD_GROUP_CHUNKS,
            give_way=assistant.questions.give_way,  # questions first: it waits a little at each checkpoint
        )
    except Exception as failure:  # noqa: BLE001  the store or the disk failed: one sentence, the log the traceback
        _failed_part_way(assistant, outcome, staging, stored, replaced, failure, recognised, [n for _, n in accepted])
        return outcome

    for skipped in report.skipped:
        path = Path(skipped.path).resolve()
        name = staging.written.get(path, path.name)
        outcome.refused.append(name)
        outcome.problems.append(_skip_sentence(name, skipped, settings.max_upload_chunks))
        staging.take_back(path)  # keep uploads/ to the files that are in the library
    _describe_added(assistant, outcome, [*report.added, *report.updated], stored, set(report.updated), replaced)
    for article_id in report.unchanged:
        outcome.added.append(article_id)
        outcome.notes.append(f"{article_id} is already in the library, unchanged.")
    return outcome


def _unreadable(temp_path: Path, name: str) -> str | None:
    """Why a received file can't be read at all (gone from the temporary folder before its turn), or None."""
    if temp_path.is_file():
        return None
    return f"{name} could not be read from the upload; upload it again."


def _skip_sentence(name: str, skipped: "SkippedArticle", max_chunks: int) -> str:
    if skipped.chunks is not None:
        count = f"about {skipped.chunks:,}" if skipped.estimated else f"{skipped.chunks:,}"
        return TOO_MANY_PASSAGES.format(name=name, chunks=count, limit=max_chunks)
    # The loader's reasons are verb phrases ("is empty", "has no extractable text ...").
    return f"{name} {skipped.reason.rstrip('.')}, so it was not added."


def _describe_added(
    assistant: Assistant,
    outcome: UploadOutcome,
    article_ids: Sequence[str],
    stored: dict[str, "ArticleRecord"],
    updated: set[str],
    replaced: "ArticleRecord | None",
) -> None:
    """Notes for the articles added or updated (`stored`: their records as written); a replaced article of
    another file type makes way."""
    for article_id in article_ids:
        outcome.added.append(article_id)
        record = stored.get(article_id) or assistant.article(article_id)
        title = record.title if record else article_id
        verb = "Updated" if article_id in updated else "Added"
        if replaced is not None:
            verb = f"Replaced “{replaced.title}” with"
        count = record.chunk_count if record else 0
        chunks = f"{count} passage{'' if count == 1 else 's'}"
        outcome.notes.append(f"{verb} “{title}” ({chunks}); ask about it in the Chat tab.")
    if replaced is not None and outcome.added and replaced.article_id not in outcome.added:
        # another file type, so another id: the old article and its file make way for the new one
        assistant.delete_article(replaced.article_id)


def _failed_part_way(
    assistant: Assistant,
    outcome: UploadOutcome,
    staging: _Staging,
    stored: dict[str, "ArticleRecord"],
    replaced: "ArticleRecord | None",
    failure: Exception,
    recognised: Sequence[str],
    names: Sequence[str],
) -> None:
    """The ingest failed: articles committed before the failure stay, with their files; the rest go."""
    kept_paths = {Path(record.path).resolve() for record in stored.values()}
    failed = list(names)  # what was accepted, less what is in the library
    for name in [*recognised, *(name for path, name in staging.written.items() if path in kept_paths)]:
        failed.remove(name)
    outcome.refused.extend(failed)
    if not failed:  # every article was in when it failed (ending the write session): the next start checks the store
        logger.warning("upload of %s: every article was written, then the ingest failed: %s", ", ".join(names), failure)
    elif isinstance(failure, SourcedError):
        outcome.problems.append(failure.message)
    else:
        logger.exception("upload of %s failed", ", ".join(names), exc_info=failure)
        them = "it" if len(failed) == 1 else "them"
        outcome.problems.append(STORE_FAILED.format(names=", ".join(failed), them=them))
    for path in [path for path in staging.written if path not in kept_paths]:
        staging.take_back(path)
    try:
        _describe_added(assistant, outcome, list(stored), stored, set(), replaced)
    except Exception:  # noqa: BLE001  the store is failing (making way for a replacement): the articles are in
        logger.exception("could not remove the article replaced by a failed upload")
