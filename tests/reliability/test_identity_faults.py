"""Hostile-testing findings of 2026-12-02 on article identity and paths, each replayed on a real store.

- uploads silently replaced articles: names in another script all became `article.txt`,
  an upload named like a managed article took its place, and `a/x.txt` then `b/x.txt`
  (separate runs) were one article;
- a link in the articles folder to a file outside it was ingested; link loops were ignored
  silently; `rag ingest /does-not-exist` exited 0;
- the files of an upload that failed were left in uploads/;
- and the upgrade: a store built with the old ids must be re-keyed by `rag ingest`, with no
  duplicates and no re-embedding.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from index.metadata import read_manifest
from index.pipeline import ChunkSettings, _embedding_function, ingest, prepare_article
from rag.services import build_store
from tests.conftest import make_settings
from tests.index.conftest import CHROMA_CLI, SMALL_CHUNKS, _heartbeat, assert_consistent, free_port
from tests.support import warm_process
from ui.uploads import uploads_dir

CHUNKS = ChunkSettings(*SMALL_CHUNKS)

# Test articles written for these tests (no public text).
PUTIN_TEXT = (
    "Ferry timetable changes\n"
    "The Kellin Island ferry will leave Portmere at 07:40 instead of 07:15 from Monday, the operator said.\n"
)
TRUMP_TEXT = (
    "Library opening hours\n"
    "The Portmere public library will open on Sundays from March, after the council approved 12,000 pounds.\n"
)
FAKE_TEXT = (
    "Kremlin call report\n"
    "Kremlin aide Zorvald Pinkham told reporters the call lasted eleven minutes and achieved nothing at all.\n"
)


def upload(assistant: Any, tmp_path: Path, name: str, text: str, **options: Any) -> Any:
    from ui.uploads import accept_uploads

    temporary = tmp_path / f"gradio-temp-{len(list(tmp_path.iterdir()))}"
    temporary.mkdir()
    (temporary / name).write_text(text, encoding="utf-8")
    return accept_uploads(assistant, [(temporary / name, name)], **options)


# --- uploads never replace an article by accident --------------------------------------------------------------


def test_uploads_named_in_another_script_are_separate_readable_articles(fresh_data_dir: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(make_settings(fresh_data_dir))
    first = upload(assistant, tmp_path, "Путин.txt", PUTIN_TEXT)
    second = upload(assistant, tmp_path, "Трамп.txt", TRUMP_TEXT)
    assert first.ok and second.ok, (first.problems, second.problems)
    (putin,), (trump,) = first.added, second.added
    assert putin != trump
    assert putin.startswith("upload/Путин.txt~") and trump.startswith("upload/Трамп.txt~")
    assert "07:40" in assistant.article(putin).text and "Sundays" in assistant.article(trump).text  # type: ignore[union-attr]
    assert sorted(p.name for p in uploads_dir(assistant.settings.data_dir).iterdir()) == ["Путин.txt", "Трамп.txt"]
    assert len(assistant.articles()) == 7


def test_an_upload_named_like_a_managed_article_is_added_beside_it(fresh_data_dir: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(make_settings(fresh_data_dir))
    managed = next(a for a in assistant.articles() if Path(a.path).name == "000_037889587b53874b.txt")
    outcome = upload(assistant, tmp_path, "000_037889587b53874b.txt", FAKE_TEXT)
    assert outcome.ok, outcome.problems
    (uploaded,) = outcome.added
    assert uploaded != managed.article_id and uploaded.startswith("upload/000_037889587b53874b.txt~")
    assert assistant.article(managed.article_id) == managed, "the managed article was changed by an upload"
    assert len(assistant.articles()) == 6
    # the genuine article still answers its question, the upload did not take its place
    answer = assistant.ask("Which Kremlin aide spoke with reporters following the July 3 call?")
    assert "Ushakov" in answer.answer
    assert managed.article_id in {c.article_id for c in answer.citations}


def test_the_same_file_name_in_two_folders_ingested_in_separate_runs_is_two_articles(
    tmp_path: Path, encoder: Any
) -> None:
    store = build_store(make_settings(tmp_path / "data"), encoder).open_for_writing()
    for folder, text in (("a", PUTIN_TEXT), ("b", TRUMP_TEXT)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text(text, encoding="utf-8")
        report = ingest([tmp_path / folder], store, encoder, chunks=CHUNKS)
        assert len(report.added) == 1 and not report.updated
    texts = sorted(record.text for record in store.article_records())
    assert len(texts) == 2 and "Sundays" in texts[0] + texts[1] and "07:40" in texts[0] + texts[1]
    assert_consistent(store)
    # and each run again finds its own article unchanged
    again = ingest([tmp_path / "a"], store, encoder, chunks=CHUNKS, prune=True)
    assert (len(again.unchanged), again.removed, again.chunks) == (1, [], 0)
    assert len(store.article_records()) == 2


# --- paths: links out of the folder, loops, paths that do not exist ------------------------------------------------


def test_a_link_to_a_file_outside_the_folder_is_skipped_with_a_reason(tmp_path: Path, encoder: Any) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "story.txt").write_text(PUTIN_TEXT, encoding="utf-8")
    system = tmp_path / "system"
    system.mkdir()
    (system / "shadow.txt").write_text("root:x:0:0 a secret line of a system file\nAnother secret line here.\n")
    (folder / "notes.txt").symlink_to(system / "shadow.txt")
    (folder / "etc").symlink_to(system, target_is_directory=True)
    store = build_store(make_settings(tmp_path / "data"), encoder).open_for_writing()

    report = ingest([folder], store, encoder, chunks=CHUNKS)
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert reasons == {
        "notes.txt": f"is a symbolic link to {system / 'shadow.txt'}, outside the folder being ingested; "
        "copy the file into the folder to ingest it",
        "etc": f"is a symbolic link to {system}, outside the folder being ingested; copy the file into the folder to ingest it",
    }
    assert len(report.added) == 1
    assert not any("secret" in record.text for record in store.article_records())


@pytest.mark.timeout(60)
def test_link_loops_are_skipped_with_a_reason_and_never_hang(tmp_path: Path, encoder: Any) -> None:
    folder = tmp_path / "articles"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "story.txt").write_text(PUTIN_TEXT, encoding="utf-8")
    (folder / "ping.txt").symlink_to(folder / "pong.txt")
    (folder / "pong.txt").symlink_to(folder / "ping.txt")
    (folder / "2025" / "back").symlink_to(folder, target_is_directory=True)  # a folder inside itself
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    store = build_store(make_settings(tmp_path / "data"), encoder).open_for_writing()

    report = ingest([folder], store, encoder, chunks=CHUNKS)
    assert {Path(s.path).name: s.reason for s in report.skipped} == {
        "ping.txt": "is a symbolic link that loops back on itself",
        "pong.txt": "is a symbolic link that loops back on itself",
        "back": "is a symbolic link to a folder that contains it (a loop)",
        "gone.txt": f"is a broken symbolic link (its target {folder / 'deleted.txt'} does not exist)",
    }
    assert len(report.added) == 1 and len(store.article_records()) == 1


def _rag(args: list[str], data_dir: Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update(RAG_DATA_DIR=str(data_dir), **env)
    return warm_process.run_rag(args, cwd=cwd, env=environment, timeout=300)


def test_rag_ingest_of_a_path_that_does_not_exist_is_one_sentence_and_exit_code_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for args in (["ingest", "/does-not-exist"], ["ingest", "/does-not-exist", "--json"]):
        result = _rag(args, data, tmp_path)
        assert result.returncode == 2, (args, result.returncode, result.stdout, result.stderr)
        # --json too: stdout stays empty, so a script never parses half a report
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [
            "Error: Nothing was ingested: /does-not-exist does not exist; check the path and try again."
        ]
    assert not (data / "chroma").exists(), "a mistyped path created a store"
    # the same for the articles folder of the settings
    result = _rag(["ingest", "--json"], data, tmp_path, RAG_ARTICLES_DIR="/does-not-exist")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.strip() == (
        "Error: RAG_ARTICLES_DIR is /does-not-exist, which is not a folder; "
        "set it to your articles folder, or give `rag ingest` a path."
    )

    # one good path and one missing: still nothing is ingested
    (tmp_path / "one.txt").write_text(PUTIN_TEXT, encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    result = _rag(["ingest", str(tmp_path / "one.txt"), str(tmp_path / "dangling.txt"), "--json"], data, tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"Error: Nothing was ingested: {tmp_path / 'dangling.txt'} is a broken symbolic link "
        f"(its target {tmp_path / 'nowhere.txt'} does not exist); check the path and try again."
    )


# --- a failed upload leaves nothing behind -----------------------------------------------------------------------


@pytest.fixture()
def doomed_chroma_server(tmp_path: Path) -> Iterator[tuple[str, int, subprocess.Popen[bytes]]]:
    """A `chroma run` server of this test alone, so the test may stop it."""
    host, port = "127.0.0.1", free_port()
    log = (tmp_path / "chroma.log").open("wb")
    process = subprocess.Popen(
        [str(CHROMA_CLI), "run", "--path", str(tmp_path / "chroma-db"), "--host", host, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        deadline = time.monotonic() + 60
        while not _heartbeat(host, port):
            assert process.poll() is None and time.monotonic() < deadline, "chroma run did not start"
            time.sleep(0.1)
        yield host, port, process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)
        log.close()


def test_the_files_of_a_failed_upload_are_removed(
    doomed_chroma_server: tuple[str, int, subprocess.Popen[bytes]], tmp_path: Path, encoder: Any
) -> None:
    from rag.assistant import Assistant

    host, port, process = doomed_chroma_server
    settings = make_settings(tmp_path / "data", chroma_host=host, chroma_port=port)
    store = build_store(settings, encoder).open_for_writing()
    assistant = Assistant(settings, store, encoder)
    assert upload(assistant, tmp_path, "Путин.txt", PUTIN_TEXT).ok
    kept = sorted(p.name for p in uploads_dir(settings.data_dir).iterdir())

    def store_dies(done: int, total: int) -> None:
        # called once the file is saved and read, before the first write: the server goes away right then
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)

    outcome = upload(assistant, tmp_path, "Трамп.txt", TRUMP_TEXT, progress=store_dies)
    assert process.poll() is not None, "the failure was not injected during the ingest"
    assert not outcome.ok and outcome.refused == ["Трамп.txt"]
    assert outcome.problems == [
        f"The Chroma server at {host}:{port} stopped answering during the write, and nothing had been written yet; "
        f"start it again (`chroma run --host {host} --port {port}`) and rerun `rag ingest` (or the upload) to add the rest."
    ], outcome.problems
    assert sorted(p.name for p in uploads_dir(settings.data_dir).iterdir()) == kept == ["Путин.txt"]


# --- upgrading a store built with the old ids -------------------------------------------------------------------


def write_old_style(store: Any, encoder: Any, path: Path, old_id: str, chunks: ChunkSettings) -> None:
    """What the previous pipeline wrote for one file: the same records under the file-name id."""
    record, passages = prepare_article(path, old_id, read_manifest(path.parent), chunks, 10_000_000)
    vectors, passages = _embedding_function(encoder)(passages)
    store.upsert_passages(passages, vectors)
    store.put_articles([record])


def test_a_store_with_old_ids_is_re_keyed_by_rag_ingest_without_duplicates_or_embedding(
    tmp_path: Path, articles_dir: Path, encoder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.pipeline
    from index.identity import is_current_id
    from rag.assistant import Assistant
    from rag.library import ingest_paths
    from rag.services import article_id_for, chunk_settings

    settings = make_settings(tmp_path / "data", articles_dir=articles_dir)
    chunks = chunk_settings(settings)
    store = build_store(settings, encoder).open_for_writing()
    names = sorted(read_manifest(articles_dir))
    for name in names:
        write_old_style(store, encoder, articles_dir / name, name, chunks)
    # an old upload: every name in another script was saved as article.txt
    uploaded = uploads_dir(settings.data_dir) / "article.txt"
    uploaded.parent.mkdir(parents=True)
    uploaded.write_text(PUTIN_TEXT, encoding="utf-8")
    write_old_style(store, encoder, uploaded, "article.txt", chunks)
    old_passages = {p.passage_id: p for p in store.iter_passages()}
    old_vectors = store.passage_vectors(list(old_passages))
    assert_consistent(store)

    monkeypatch.setattr(index.pipeline, "MIGRATE_GROUP_CHUNKS", 12)  # several re-keying groups, as in a large store
    report = ingest_paths(settings, [])
    assert report.as_json() | {"seconds": 0, "repair": None} == {
        "added": 0, "updated": 0, "unchanged": 5, "removed": 0, "migrated": 6, "skipped": [], "updates": [], "chunks": 0,
        "seconds": 0, "repair": None,
    }
    records = {r.article_id: r for r in store.article_records()}
    expected = {article_id_for(settings, articles_dir / name) for name in names} | {article_id_for(settings, uploaded)}
    assert set(records) == expected and all(is_current_id(i) for i in records)
    assert article_id_for(settings, uploaded).startswith("upload/article.txt~")
    per_article = assert_consistent(store)
    assert sum(per_article.values()) == len(old_passages), "passages were lost or duplicated"
    # the vectors were carried over, not recomputed
    new_vectors = store.passage_vectors([p.passage_id for p in store.iter_passages()])
    by_place = {(p.content_hash, p.chunk_index, p.text): v for p, v in
                ((old_passages[i], old_vectors[i]) for i in old_passages)}
    for passage in store.iter_passages():
        assert new_vectors[passage.passage_id] == pytest.approx(by_place[(passage.content_hash, passage.chunk_index, passage.text)])

    # a second run has nothing left to do, and questions cite the new ids
    again = ingest_paths(settings, [])
    assert (again.migrated, len(again.unchanged), again.chunks, again.removed) == ([], 5, 0, [])
    answer = Assistant.from_settings(settings).ask("How long did the July 3 call last?")
    assert answer.citations and {c.article_id for c in answer.citations} <= expected


def test_a_migration_cut_short_after_writing_the_new_ids_is_finished_without_duplicates(
    tmp_path: Path, articles_dir: Path, encoder: Any
) -> None:
    """A run killed between writing the re-keyed article and deleting the old one leaves both: the next removes the old."""
    from rag.library import ingest_paths
    from rag.services import chunk_settings

    settings = make_settings(tmp_path / "data", articles_dir=articles_dir)
    ingest_paths(settings, [])
    store = build_store(settings, encoder).open_for_writing()
    current = assert_consistent(store)
    name = "001_d926b90d832a6a80.txt"
    write_old_style(store, encoder, articles_dir / name, name, chunk_settings(settings))
    assert len(store.article_records()) == 6

    report = ingest_paths(settings, [])
    assert (report.removed, report.migrated, report.chunks) == ([name], [], 0)
    assert assert_consistent(store) == current


def test_rag_ingest_json_counts_the_re_keyed_articles(tmp_path: Path, articles_dir: Path, encoder: Any) -> None:
    settings = make_settings(tmp_path / "data", articles_dir=articles_dir)
    store = build_store(settings, encoder).open_for_writing()
    name = "004_bbd023a9186ca4e3.txt"
    write_old_style(store, encoder, articles_dir / name, name, ChunkSettings(settings.chunk_size, settings.chunk_overlap))
    del store
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update(RAG_DATA_DIR=str(tmp_path / "data"), RAG_ARTICLES_DIR=str(articles_dir))
    result = warm_process.run_rag(["ingest", "--json"], cwd=tmp_path, env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["migrated"], summary["added"], summary["unchanged"]) == (1, 4, 1)
