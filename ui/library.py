"""The Library tab's logic: what is indexed, uploading articles, editing one's details, deleting one. Gradio-free."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from rag.assistant import Assistant
from rag.errors import SourcedError

from ui import render
from ui.uploads import ProgressCallback, UploadOutcome, accept_uploads, is_upload


class ArticleDetails(NamedTuple):
    """The four editable fields of an article, as the edit form shows them ("" for none)."""

    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


class LibraryController:
    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

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

    def upload(
        self, paths: Sequence[str] | None, progress: ProgressCallback | None = None, replace: str | None = None
    ) -> UploadOutcome:
        """Add the files as new articles, or, with `replace` (an uploaded article's id), put one file in its place."""
        files = [(Path(p), Path(p).name) for p in (paths or [])]
        if not files:
            outcome = UploadOutcome()
            outcome.problems.append("Choose one or more .txt, .md, .html or .pdf files to upload.")
            return outcome
        return accept_uploads(self.assistant, files, progress, replace=replace or None)

    def delete(self, article_id: str | None) -> tuple[bool, str]:
        """Remove an article (and its uploaded file, if it was uploaded: rag.library); (done, message)."""
        if not article_id:
            return False, "Choose an article to delete."
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
