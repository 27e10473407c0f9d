"""rag/library.py: one way to open, ingest, delete, and one meaning of "empty", on real embedded stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.library import ArticleNotFoundError, Library, ingest_paths, open_assistant
from rag.services import uploads_dir
from tests.conftest import make_settings

# Written for these tests.
FERRY = "Ferry timetable changes\nThe Kellin ferry will leave at 06:40 from Monday, twenty minutes earlier than now.\n"
MARKET = "Market hall reopens\nThe Dunmore market hall reopened on Saturday after a roof repair that took nine weeks.\n"
HARBOUR = "Harbour closed to yachts\nThe Penrick harbour master closed the inner basin to yachts until the end of May.\n"
SCHOOL = "School roof replaced\nThe Ormsby primary school reopened on Monday once its new roof was finished.\n"


@pytest.fixture()
def town_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "market.txt").write_text(MARKET, encoding="utf-8")
    return folder


def test_an_emptied_library_is_empty_for_every_caller(tmp_path: Path, town_articles: Path) -> None:
    """Deleting every article leaves collections behind; the UI and the evaluation must both see "empty"."""
    from eval.corpus import open_assistant as eval_open

    settings = make_settings(tmp_path / "data", articles_dir=town_articles)
    ingest_paths(settings)
    library = Library.open(settings)
    library.delete(library.store.article_ids())
    assert library.is_empty()

    opened = open_assistant(settings)  # what `rag serve` runs
    assert opened.ingested is not None and len(opened.ingested.added) == 2
    Library.open(settings).delete(Library.open(settings).store.article_ids())

    assistant = eval_open(settings, town_articles)  # what `rag eval` runs on the configured store
    assert len(assistant.articles()) == 2


def test_a_library_with_articles_is_opened_as_it_is(tmp_path: Path, town_articles: Path) -> None:
    settings = make_settings(tmp_path / "data", articles_dir=town_articles)
    ingest_paths(settings)
    (town_articles / "ferry.txt").unlink()  # opening must not ingest (or prune) anything
    opened = open_assistant(settings)
    assert opened.ingested is None and len(opened.assistant.articles()) == 2


def test_deleting_checks_every_id_first(tmp_path: Path, town_articles: Path) -> None:
    settings = make_settings(tmp_path / "data")
    ingest_paths(settings, [town_articles])
    library = Library.open(settings)
    ids = library.store.article_ids()
    with pytest.raises(ArticleNotFoundError, match="rag status"):
        library.delete([ids[0], "no-such-article"])
    assert library.store.article_ids() == ids and library.store.count() == 2  # nothing was deleted

    (deleted,) = library.delete([ids[0]])
    assert deleted.passages == 1 and deleted.file_remains and not deleted.file_removed
    assert library.store.article_ids() == ids[1:]
    assert library.store.keyword is not None and library.store.keyword.count() == 1


def test_deleting_an_upload_removes_its_copy(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    upload = uploads_dir(settings) / "market.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text(MARKET, encoding="utf-8")
    ingest_paths(settings, [upload])
    library = Library.open(settings)
    (deleted,) = library.delete(library.store.article_ids())
    assert deleted.file_removed and not upload.exists() and library.is_empty()


def test_a_rebuild_keeps_uploads_and_articles_ingested_from_other_paths(tmp_path: Path, town_articles: Path) -> None:
    """`rag ingest --rebuild` used to re-read the articles folder alone: uploads and other files were lost."""
    from rag.library import status

    settings = make_settings(tmp_path / "data", articles_dir=town_articles)
    ingest_paths(settings)
    upload = uploads_dir(settings) / "harbour notice.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text(HARBOUR, encoding="utf-8")
    Library.open(settings).ingest([upload])  # as the app ingests an upload
    elsewhere = tmp_path / "elsewhere" / "school.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text(SCHOOL, encoding="utf-8")
    ingest_paths(settings, [elsewhere])
    elsewhere.unlink()  # its file is gone: the text the store keeps is what gets embedded again
    before = {r.article_id: r.text for r in Library.open(settings).articles()}
    assert len(before) == 4

    report = ingest_paths(settings, rebuild=True)
    library = Library.open(settings)
    assert {r.article_id: r.text for r in library.articles()} == before
    assert sorted(report.added) == sorted(before) and report.removed == [] and report.chunks == library.store.count()
    assert status(settings, check_endpoint=False)["rebuild"] is None


def test_ingest_paths_refuses_a_missing_articles_folder_before_creating_the_store(tmp_path: Path) -> None:
    from rag.errors import IngestPathError

    settings = make_settings(tmp_path / "data", articles_dir=tmp_path / "nowhere")
    with pytest.raises(IngestPathError, match="RAG_ARTICLES_DIR"):
        ingest_paths(settings)
    assert not (tmp_path / "data").exists()


def test_from_rag_import_assistant_works_and_import_rag_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, rag; loaded = sorted(m for m in sys.modules if m.startswith(('rag.', 'index.')));"
        "from rag import Assistant, Library, CANNOT_ANSWER; print(loaded, Assistant.__name__, Library.__name__)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] Assistant Library"
