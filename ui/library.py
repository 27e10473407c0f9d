"""The Library tab's logic: what is indexed, uploading articles, editing one's details, deleting one. Gradio-free.

The library is shown a page at a time (`view`: RAG_UI_LIBRARY_PAGE articles, newest first, filtered by a
piece of the title or publisher), through `Assistant.article_page`, which reads only the page's records:
nothing here lists the whole library, which at a million passages would take minutes and gigabytes.

Uploads are ingested in the background, one at a time, on the app's ingest
queue (rag/ingest_queue.py): `start_upload` returns at once with the job, whose
progress the page polls (`progress_sentence`); questions go on meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from rag.assistant import Assistant
from rag.library import ArticleListing, ArticlePage, ArticleRecord
from rag.errors import SourcedError
from rag.ingest_queue import IngestJob, IngestQueue, JobSnapshot
from rag.messages import counted

from ui import render
from ui.uploads import ProgressCallback, UploadOutcome, accept_uploads

NO_FILES = "Choose one or more .txt, .md, .html or .pdf files to upload."
DELETE_WHILE_UPLOADING = "An upload is being added to the library; delete the article when it has finished."


class ArticleDetails(NamedTuple):
    """The four editable fields of an article, as the edit form shows them ("" for none)."""

    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


@dataclass(frozen=True)
class LibraryView:
    """What the Library tab shows for one page and filter: the page (rows and counts) and the uploaded articles
    the filter matches (those an upload may replace)."""

    page: ArticlePage
    contains: str
    uploads: list[ArticleListing]

    def rows(self) -> list[render.LibraryRow]:
        return [render.LibraryRow(a.article_id, a.title, a.source, a.published, a.chunk_count) for a in self.page.articles]

    def table_html(self) -> str:
        return render.library_html(self.rows(), render.LibraryCounts.of(self.page, self.contains))

    def choices(self) -> list[tuple[str, str]]:
        """(label, article id) pairs of the articles on the page: the delete and edit pickers."""
        return [(choice_label(a), a.article_id) for a in self.page.articles]

    def replace_choices(self) -> list[tuple[str, str]]:
        return [(f"{a.title} ({Path(a.path).name})", a.article_id) for a in self.uploads]


def choice_label(article: ArticleListing | ArticleRecord) -> str:
    return f"{article.title} ({article.source}, {article.published or 'undated'})"


class LibraryController:
    """The Library tab's logic, shared by every page open on the app: which page and filter a page shows is
    its own (passed in), so that nothing here lists the whole library, however large."""

    def __init__(self, assistant: Assistant, queue: IngestQueue | None = None, page_size: int | None = None) -> None:
        self.assistant = assistant
        self.queue = queue or IngestQueue()
        self.page_size = page_size or assistant.settings.ui_library_page

    def view(self, offset: int = 0, contains: str | None = "") -> LibraryView:
        """The page of `page_size` articles from `offset` (newest first) among those matching `contains`, and
        the uploaded articles it matches (up to a page of them). An offset past the end shows the last page."""
        contains = " ".join((contains or "").split())
        offset = max(0, int(offset or 0))
        page = self.assistant.article_page(offset, self.page_size, contains)
        if offset and not page.articles and page.matching:  # the library shrank under this page
            offset = (page.matching - 1) // self.page_size * self.page_size
            page = self.assistant.article_page(offset, self.page_size, contains)
        uploads = self.assistant.article_page(0, self.page_size, contains, uploads_only=True).articles
        return LibraryView(page, contains, uploads)

    def rows(self, offset: int = 0, contains: str = "") -> list[render.LibraryRow]:
        return self.view(offset, contains).rows()

    def table_html(self, offset: int = 0, contains: str = "") -> str:
        return self.view(offset, contains).table_html()

    def delete_choices(self, offset: int = 0, contains: str = "") -> list[tuple[str, str]]:
        """(label, article id) pairs for the delete and edit pickers: the articles on the page."""
        return self.view(offset, contains).choices()

    def replace_choices(self, contains: str = "") -> list[tuple[str, str]]:
        """(label, article id) pairs of the uploaded articles (matching `contains`), the ones an upload may replace."""
        return self.view(0, contains).replace_choices()

    def publishers(self) -> list[str]:
        return self.assistant.publishers()

    def choice(self, article_id: str | None) -> tuple[str, str] | None:
        """The picker entry of one article (to keep it chosen when it is not on the page shown)."""
        record = self.assistant.article(article_id) if article_id else None
        return (choice_label(record), record.article_id) if record is not None else None

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
