"""The Library tab's logic: what is indexed, uploading articles, editing one's details, deleting one. Gradio-free.

Uploads are ingested in the background, one at a time, on the app's ingest
queue (rag/ingest_queue.py): `start_upload` returns at once with the job, whose
progress the page polls (`progress_sentence`); questions go on meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from rag.assistant import Assistant
from rag.errors import SourcedError
from rag.ingest_queue import IngestJob, IngestQueue, JobSnapshot
from rag.messages import counted

from ui import render
from ui.uploads import ProgressCallback, UploadOutcome, accept_uploads, is_upload

NO_FILES = "Choose one or more .txt, .md, .html or .pdf files to upload."
DELETE_WHILE_UPLOADING = "An upload is being added to the library; delete the article when it has finished."


class ArticleDetails(NamedTuple):
    """The four editable fields of an article, as the edit form shows them ("" for none)."""

    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


class LibraryController:
    def __init__(self, assistant: Assistant, queue: IngestQueue | None = None) -> None:
        self.assistant = assistant
        self.queue = queue or IngestQueue()

    def rows(self) -> list[render.LibraryRow]:
        return [
            render.LibraryRow(a.article_id, a.title, a.source, a.published, a.chunk_count)
            for a in self.assistant.articles()
        ]

    def table_html(self) -> str:
        return render.library_html(self.rows())

    def delete_choices(self) -> list[tuple[str, str]]:
        """(label, article id) pairs for the delete picker."""
        return [(f"{r.title} ({r.source}, {r.published or 'undated'})", r.article_id) for r in self.rows()]

    def replace_choices(self) -> list[tuple[str, str]]:
        """(label, article id) pairs of the uploaded articles, the ones an upload may replace."""
        data_dir = self.assistant.settings.data_dir
        return [
            (f"{a.title} ({Path(a.path).name})", a.article_id)
            for a in self.assistant.articles()
            if is_upload(data_dir, a.path)
        ]

    def publishers(self) -> list[str]:
        return sorted({r.source for r in self.rows()})

    def start_upload(
        self, paths: Sequence[str] | None, replace: str | None = None, progress: ProgressCallback | None = None
    ) -> IngestJob | UploadOutcome:
        """Queue the files for ingesting in the background (the job), or say at once why there is nothing to do."""
        files = [(Path(p), Path(p).name) for p in (paths or [])]
        if not files:
            outcome = UploadOutcome()
            outcome.problems.append(NO_FILES)
            return outcome
        assistant = self.assistant
        return self.queue.submit(
            lambda job: accept_uploads(assistant, files, progress, replace=replace or None, job=job), len(files)
        )

    def upload(
        self, paths: Sequence[str] | None, progress: ProgressCallback | None = None, replace: str | None = None
    ) -> UploadOutcome:
        """Add the files as new articles, or, with `replace` (an uploaded article's id), put one file in its place;
        returns when they are in (after any upload queued before)."""
        started = self.start_upload(paths, replace, progress)
        if isinstance(started, UploadOutcome):
            return started
        started.wait()
        return self.outcome(started)

    def outcome(self, job: IngestJob) -> UploadOutcome:
        """What a finished upload job did (a job that failed outright: its sentence)."""
        if isinstance(job.result, UploadOutcome):
            return job.result
        outcome = UploadOutcome()
        outcome.problems.append(job.error or "The upload did not finish; try again.")
        return outcome

    def delete(self, article_id: str | None) -> tuple[bool, str]:
        """Remove an article (and its uploaded file, if it was uploaded: rag.library); (done, message)."""
        if not article_id:
            return False, "Choose an article to delete."
        if self.queue.busy:  # its write session holds the store: the delete would wait for it, holding up questions
            return False, DELETE_WHILE_UPLOADING
        if self.assistant.article(article_id) is None:
            return False, "That article is no longer in the library."
        try:
            deleted = self.assistant.delete_article(article_id)
        except SourcedError as failure:
            return False, failure.message
        return True, f"Deleted “{deleted.record.title}”. Answers already given keep their copy of its passages."

    def details(self, article_id: str | None) -> ArticleDetails:
        """The chosen article's details for the edit form (empty when none is chosen or it is gone)."""
        record = self.assistant.article(article_id) if article_id else None
        if record is None:
            return ArticleDetails()
        return ArticleDetails(record.title, record.source, record.published or "", record.url or "")

    def edit(self, article_id: str | None, form: ArticleDetails) -> tuple[bool, str]:
        """Save the edit form: only the fields changed are written (an emptied field gives the file its say
        again; rag.library.Library.edit_metadata); (done, message)."""
        if not article_id:
            return False, "Choose an article to edit."
        current = self.details(article_id)
        if current == ArticleDetails():
            return False, "That article is no longer in the library."
        changed = {
            name: (value or "").strip()
            for name, value, shown in zip(ArticleDetails._fields, form, current)
            if (value or "").strip() != shown
        }
        if not changed:
            return False, "Nothing to save: change the title, publisher, date or URL first."
        try:
            edited = self.assistant.edit_article(article_id, **changed)
        except SourcedError as failure:
            return False, failure.message
        record = edited.record
        date = record.published or "undated"
        return True, f"Saved “{record.title}” ({record.source}, {date}) to {edited.manifest.name} and re-indexed it."


def progress_sentence(snapshot: JobSnapshot) -> str:
    """What an unfinished upload is doing, for people: "Ingesting 3 of 12 files…"."""
    files = snapshot.files
    if snapshot.state == "queued":
        waiting = "the upload before it" if snapshot.ahead == 1 else f"the {snapshot.ahead} uploads before it"
        return f"Waiting for {waiting} to finish ({counted(files, 'file')} queued)…"
    if snapshot.state == "reading" and snapshot.files_read < files:
        return f"Reading {snapshot.files_read + 1} of {counted(files, 'file')}…"
    sentence = f"Ingesting {min(snapshot.files_done + 1, files)} of {counted(files, 'file')}…"
    if snapshot.passages_total:
        sentence += f" ({snapshot.passages_done:,} of {counted(snapshot.passages_total, 'passage')} embedded)"
    return sentence
