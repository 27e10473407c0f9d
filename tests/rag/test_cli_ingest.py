"""`rag ingest` and `rag status` as a user runs them: real processes from a temp working directory
(forked from tests/support/warm_process.py's helper; the module's first ingest is the installed executable)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from index.metadata import read_manifest
from rag.settings import BUNDLED_ARTICLES_DIR
from tests.index.conftest import SMALL_CHUNKS, ChromaServer, free_port
from tests.support import warm_process

INGEST_KEYS = ["added", "updated", "unchanged", "removed", "migrated", "skipped", "updates", "chunks", "seconds",
               "repair"]
SMALL = {"RAG_CHUNK_SIZE": str(SMALL_CHUNKS[0]), "RAG_CHUNK_OVERLAP": str(SMALL_CHUNKS[1])}


def rag(args: list[str], data_dir: Path, cwd: Path, fresh: bool = False, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update({"RAG_DATA_DIR": str(data_dir), **env})
    return warm_process.run_rag(args, env=environment, cwd=cwd, timeout=300, fresh=fresh)


def ok_json(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, expected: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [f"Error: {expected}"], result.stderr


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """`rag ingest --json` of the bundled articles (no paths: RAG_ARTICLES_DIR's default) into an empty data dir."""
    data_dir = tmp_path_factory.mktemp("cli-ingest") / "data"
    cwd = tmp_path_factory.mktemp("cwd")
    return data_dir, ok_json(rag(["ingest", "--json"], data_dir, cwd, fresh=True))


@pytest.fixture()
def small_articles(tmp_path: Path) -> Path:
    from bench.corpus import generate_corpus

    generate_corpus(tmp_path / "articles", 4, seed=11, paragraphs=(3, 5))
    return tmp_path / "articles"


# --- ingest --json and a second run --------------------------------------------------------------


def test_ingest_json_has_exactly_the_design_shape(ingested: tuple[Path, dict]) -> None:
    data_dir, report = ingested
    assert list(report) == INGEST_KEYS
    assert (report["added"], report["updated"], report["unchanged"], report["removed"]) == (5, 0, 0, 0)
    assert report["skipped"] == []
    assert isinstance(report["chunks"], int) and report["chunks"] >= 5
    assert isinstance(report["seconds"], float) and report["seconds"] > 0
    # the check of the whole store, run first as no write has ended cleanly yet: a new store has nothing to repair
    assert report["repair"]["trigger"] == "ingest" and report["repair"]["skipped"] is None
    assert not any(report["repair"][key] for key in ("orphan_passages", "stale_passages", "incomplete_articles"))
    assert (data_dir / "chroma").is_dir(), "the store belongs under RAG_DATA_DIR"
    # the keyword index is written by the ingest, beside Chroma under the data dir, with every passage
    from index.keyword_index import KeywordIndex

    assert KeywordIndex(data_dir / "keyword" / "articles").count() == report["chunks"]
    assert not (data_dir / "bm25").exists(), "no BM25 cache folders any more"


def test_a_second_ingest_reports_everything_unchanged(ingested: tuple[Path, dict], tmp_path: Path) -> None:
    data_dir, _ = ingested
    again = rag(["ingest"], data_dir, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 5 unchanged, 0 removed, 0 skipped; 0 chunks embedded." in again.stdout
    as_json = ok_json(rag(["ingest", "--json"], data_dir, tmp_path))
    assert as_json | {"seconds": 0, "repair": None} == {
        "added": 0, "updated": 0, "unchanged": 5, "removed": 0, "migrated": 0, "skipped": [], "updates": [], "chunks": 0,
        "seconds": 0, "repair": None,
    }


def test_ingest_checks_the_whole_store_only_after_a_write_that_did_not_end_cleanly_or_when_asked(
    ingested: tuple[Path, dict], tmp_path: Path
) -> None:
    """The check reads every article (half a minute at 100k passages): after a clean write there is nothing for
    it to find, so `rag ingest FILE` skips it; a write that failed part-way, or --check, makes it run."""
    from index.store import PassageRecord
    from rag.services import build_encoder, build_store
    from tests.conftest import make_settings

    data_dir = tmp_path / "data"
    shutil.copytree(ingested[0], data_dir)
    folder = tmp_path / "new"
    folder.mkdir()
    files = []
    for n, town in enumerate(("Corliss", "Greer", "Harlan")):
        files.append(folder / f"{town.lower()}.txt")
        files[-1].write_text(f"{town} opens a new library\n\nThe {town} library opens on {n + 2} May with 9,000 books.\n")

    clean = ok_json(rag(["ingest", str(files[0]), "--json"], data_dir, tmp_path))
    assert clean["added"] == 1 and clean["repair"] is None

    # a write session that fails part-way: passages no article record describes, and no clean end
    settings = make_settings(data_dir)
    encoder = build_encoder(settings)
    store = build_store(settings, encoder).open_for_writing()
    text = "A half-written article about the Greer ferry."
    orphan = PassageRecord("orphan.txt~00000000::h::0000", "orphan.txt~00000000", text, 0, len(text), 0, "Orphan",
                           "Nowhere News", None, None, "h")
    with pytest.raises(RuntimeError), store.writing():
        store.upsert_passages([orphan], encoder.embed_array([text]).tolist())
        raise RuntimeError("killed before the article record was written")
    del store
    repaired = ok_json(rag(["ingest", str(files[1]), "--json"], data_dir, tmp_path))
    assert repaired["added"] == 1 and repaired["repair"]["orphan_passages"] == {"orphan.txt~00000000": 1}
    assert ok_json(rag(["ingest", str(files[2]), "--json"], data_dir, tmp_path))["repair"] is None  # clean again

    checked = ok_json(rag(["ingest", str(files[2]), "--check", "--json"], data_dir, tmp_path))
    assert checked["unchanged"] == 1 and checked["repair"]["trigger"] == "ingest"
    assert not any(checked["repair"][key] for key in ("orphan_passages", "stale_passages", "incomplete_articles"))


# --- status -----------------------------------------------------------------------------------------------


def test_status_json_lists_the_five_articles_and_masks_secrets(ingested: tuple[Path, dict], tmp_path: Path) -> None:
    data_dir, report = ingested
    result = rag(["status", "--json", "--no-check-endpoint"], data_dir, tmp_path, OPENAI_API_KEY="sk-secret-123")
    assert "sk-secret-123" not in result.stdout + result.stderr
    status = ok_json(result)
    assert "********" in result.stdout and status["settings"]["openai_api_key"] == "********"
    assert status["embedding_model"].startswith("all-MiniLM-L6-v2:onnx-int8-fused-v")
    assert status["store"]["kind"] == "embedded" and status["store"]["passages"] == report["chunks"]
    assert status["store"]["path"] == str(data_dir / "chroma")
    manifest = read_manifest(BUNDLED_ARTICLES_DIR)
    articles = {Path(a["path"]).name: a for a in status["articles"]}
    assert set(articles) == set(manifest)
    # ids: the file name, readable, plus a hash of its place in the articles folder (index/identity.py)
    from index.identity import Namespace, article_id

    managed = [Namespace("articles", BUNDLED_ARTICLES_DIR)]
    assert {a["article_id"] for a in status["articles"]} == {
        article_id(BUNDLED_ARTICLES_DIR / name, managed) for name in manifest
    }
    for name, entry in manifest.items():
        article = articles[name]
        assert {"article_id", "title", "source", "published", "url", "chunks"} <= set(article)
        assert (article["title"], article["source"], article["published"], article["url"]) == (
            entry["title"], entry["publisher"], entry["published"], entry["url"],
        )
        assert isinstance(article["chunks"], int) and article["chunks"] >= 1
    assert sum(a["chunks"] for a in articles.values()) == report["chunks"]
    keyword = status["store"]["keyword_index"]
    assert keyword == {"path": str(data_dir / "keyword" / "articles"), "passages": report["chunks"], "verified": True}
    assert status["store"]["hnsw_ef_search"] == 100  # a small library searches at the floor breadth (index/hnsw.py)
    assert status["repairs"] == []  # a clean ingest repaired nothing


def test_status_text_masks_secrets_too(ingested: tuple[Path, dict], tmp_path: Path) -> None:
    data_dir, _ = ingested
    dead = f"http://127.0.0.1:{free_port()}/v1"  # the endpoint probe fails fast, without network
    result = rag(["status"], data_dir, tmp_path, OPENAI_API_KEY="sk-secret-123", OPENAI_BASE_URL=dead)
    assert result.returncode == 0, result.stderr
    assert "sk-secret-123" not in result.stdout + result.stderr
    assert "openai_api_key = ********" in result.stdout
    assert "Articles:   5" in result.stdout and "(unreachable)" in result.stdout


def test_status_of_an_empty_data_dir_shows_no_articles(tmp_path: Path) -> None:
    status = ok_json(rag(["status", "--json", "--no-check-endpoint"], tmp_path / "empty", tmp_path))
    assert status["articles"] == [] and status["store"]["passages"] == 0 and status["repairs"] == []


# --- a store built with another embedding model -----------------------------------------------------------


def test_another_embedding_model_is_one_sentence_then_rebuild_fixes_it(ingested: tuple[Path, dict], tmp_path: Path) -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    data_dir = tmp_path / "data"
    shutil.copytree(ingested[0], data_dir)
    client = chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_collection("articles")
    built_with = collection.metadata["embedding_model"]
    collection.modify(metadata={**collection.metadata, "embedding_model": "openai:text-embedding-3-small"})
    del collection, client

    expected = (
        f"The index was built with the embedding model 'openai:text-embedding-3-small' but {built_with!r} is "
        "configured; run `rag ingest --rebuild` to re-embed the articles."
    )
    assert_one_line_error(rag(["ingest"], data_dir, tmp_path), 4, expected)
    assert_one_line_error(rag(["ask", "How long did the call last?"], data_dir, tmp_path), 4, expected)

    rebuilt = ok_json(rag(["ingest", "--rebuild", "--json"], data_dir, tmp_path))
    assert rebuilt["added"] == 5 and rebuilt["chunks"] == ingested[1]["chunks"]
    assert rag(["ask", "How long did the July 3 call last?"], data_dir, tmp_path).returncode == 0


def test_a_store_from_the_export_graph_is_refused_by_the_fused_one_until_rebuilt(tmp_path: Path) -> None:
    """Migration: an index embedded before the fused graph (the export's vectors) is not mixed with the new
    vectors; it keeps working with RAG_EMBEDDING_GRAPH=export-int8, or `rag ingest --rebuild` re-embeds it."""
    data_dir = tmp_path / "data"
    old = {"RAG_EMBEDDING_GRAPH": "export-int8"}
    ok_json(rag(["ingest", "--json"], data_dir, tmp_path, **old))
    question = "How long did the July 3 call between Trump and Putin last?"
    assert rag(["ask", question], data_dir, tmp_path, **old).returncode == 0

    expected = (
        "The index was built with the embedding model 'all-MiniLM-L6-v2:onnx-int8:8199be6f699a:384' but "
        "'all-MiniLM-L6-v2:onnx-int8-fused-v1:8199be6f699a:384' is configured; run `rag ingest --rebuild` "
        "to re-embed the articles."
    )
    assert_one_line_error(rag(["ask", question], data_dir, tmp_path), 4, expected)
    assert_one_line_error(rag(["ingest"], data_dir, tmp_path), 4, expected)

    assert ok_json(rag(["ingest", "--rebuild", "--json"], data_dir, tmp_path))["added"] == 5
    answer = ok_json(rag(["ask", question, "--json"], data_dir, tmp_path))
    assert not answer["abstained"] and answer["citations"]


# --- an unreachable Chroma server ---------------------------------------------------------------------------


def test_an_unreachable_chroma_server_is_one_sentence(tmp_path: Path) -> None:
    port = free_port()
    env = {"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": str(port)}
    expected = (
        f"Cannot reach the Chroma server at 127.0.0.1:{port}; start it with "
        f"`chroma run --host 127.0.0.1 --port {port}` or unset RAG_CHROMA_HOST."
    )
    assert_one_line_error(rag(["ingest"], tmp_path / "data", tmp_path, **env), 3, expected)
    assert_one_line_error(rag(["ask", "Who called whom?"], tmp_path / "data", tmp_path, **env), 3, expected)


def test_ingest_and_status_through_a_chroma_server(chroma_server: ChromaServer, small_articles: Path, tmp_path: Path) -> None:
    env = {
        **SMALL,
        "RAG_CHROMA_HOST": chroma_server.host,
        "RAG_CHROMA_PORT": str(chroma_server.port),
        "RAG_COLLECTION": "cli-server-test",
        "RAG_ARTICLES_DIR": str(small_articles),
    }
    first = ok_json(rag(["ingest", "--json"], tmp_path / "data", tmp_path, **env))
    assert first["added"] == 4
    assert ok_json(rag(["ingest", "--json"], tmp_path / "data", tmp_path, **env))["unchanged"] == 4
    status = ok_json(rag(["status", "--json", "--no-check-endpoint"], tmp_path / "data", tmp_path, **env))
    keyword = {"path": str(tmp_path / "data" / "keyword" / "cli-server-test"), "passages": first["chunks"], "verified": True}
    assert status["store"] == {"kind": "chroma-server", "host": chroma_server.host, "port": chroma_server.port,
                               "collection": "cli-server-test", "passages": first["chunks"], "hnsw_ef_search": 100,
                               "keyword_index": keyword}
    assert len(status["articles"]) == 4
    assert not (tmp_path / "data" / "chroma").exists(), "the server, not an embedded store, holds the passages"
    assert (tmp_path / "data" / "keyword" / "cli-server-test").is_dir(), "the keyword index lives under RAG_DATA_DIR"


# --- bad files, pruning ---------------------------------------------------------------------------------------


def test_bad_files_are_named_once_with_their_reason_and_the_rest_ingest(small_articles: Path, tmp_path: Path) -> None:
    (small_articles / "empty.txt").write_text("")
    (small_articles / "photo.md").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    (small_articles / "report.docx").write_bytes(b"PK\x03\x04")
    (small_articles / "long.txt").write_text("A sentence that repeats until the file is too big. " * 100)  # ~5 kB
    env = {**SMALL, "RAG_MAX_FILE_MB": "0.004"}
    result = rag(["ingest", str(small_articles)], tmp_path / "data", tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert "4 added, 0 updated, 0 unchanged, 0 removed, 4 skipped;" in result.stdout
    reasons = {
        "empty.txt": "is empty",
        "photo.md": "looks like a binary file, not text",
        "report.docx": "unsupported file type .docx; use .txt, .md, .html or .pdf",
        "long.txt": "is larger than the 0.004 MB limit",
    }
    for name, reason in reasons.items():
        lines = [line for line in (result.stdout + result.stderr).splitlines() if name in line]
        assert lines == [f"Skipped {small_articles / name}: {reason}"], lines

    report = ok_json(rag(["ingest", str(small_articles), "--json"], tmp_path / "data", tmp_path, **env))
    assert report["unchanged"] == 4
    assert sorted((Path(s["path"]).name, s["reason"]) for s in report["skipped"]) == sorted(reasons.items())


def test_prune_is_the_default_for_the_articles_folder_only(small_articles: Path, tmp_path: Path) -> None:
    from index.embedder import MiniLMOnnxEncoder
    from index.store import PassageStore, open_client

    env = {**SMALL, "RAG_ARTICLES_DIR": str(small_articles)}
    data = tmp_path / "data"
    assert ok_json(rag(["ingest", "--json"], data, tmp_path, **env))["added"] == 4
    (small_articles / "000002.txt").unlink()

    outside = tmp_path / "elsewhere" / "harbour.md"
    outside.parent.mkdir()
    outside.write_text("# Harbour reopens\n\nThe harbour reopened on Monday after the storm repairs were finished.\n")
    # explicit paths (even the articles folder itself) are not pruned unless --prune is given
    explicit = ok_json(rag(["ingest", str(small_articles), str(outside), "--json"], data, tmp_path, **env))
    assert (explicit["added"], explicit["unchanged"], explicit["removed"]) == (1, 3, 0)
    # the articles folder with --no-prune keeps the deleted file's article
    kept = ok_json(rag(["ingest", "--no-prune", "--json"], data, tmp_path, **env))
    assert (kept["removed"], kept["unchanged"]) == (0, 3)
    # and by default it goes; the article from outside the folder stays
    pruned = ok_json(rag(["ingest", "--json"], data, tmp_path, **env))
    assert (pruned["removed"], pruned["unchanged"], pruned["chunks"]) == (1, 3, 0)

    store = PassageStore(open_client(data), "articles", MiniLMOnnxEncoder().fingerprint).open_for_reading()
    records = store.article_records()
    assert sorted(Path(r.path).name for r in records) == ["000000.txt", "000001.txt", "000003.txt", "harbour.md"]
    assert {p.article_id for p in store.iter_passages()} == {r.article_id for r in records}


# --- rebuilding keeps every article; an interrupt loses none --------------------------------------------------------

# Written for these tests: the places are invented.
WRENFIELD = "# Wrenfield ferry returns\n\nThe Wrenfield ferry resumed service on Friday after a week of engine repairs.\n"
ORMSBY = "# Ormsby school roof\n\nThe Ormsby primary school reopened on Monday once its roof had been replaced.\n"
ROOT = Path(__file__).resolve().parents[2]


def test_rebuild_keeps_every_stored_article_and_adds_the_paths_given(ingested: tuple[Path, dict], tmp_path: Path) -> None:
    """`rag ingest --rebuild FILE` used to drop the store and index FILE alone: every other article was gone."""
    data_dir = tmp_path / "data"
    shutil.copytree(ingested[0], data_dir)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "wrenfield.md").write_text(WRENFIELD, encoding="utf-8")
    (elsewhere / "ormsby.md").write_text(ORMSBY, encoding="utf-8")
    assert ok_json(rag(["ingest", str(elsewhere / "wrenfield.md"), "--json"], data_dir, tmp_path))["added"] == 1
    status = ok_json(rag(["status", "--json", "--no-check-endpoint"], data_dir, tmp_path))
    before = {a["article_id"]: a["chunks"] for a in status["articles"]}
    assert len(before) == 6

    rebuilt = ok_json(rag(["ingest", "--rebuild", str(elsewhere / "ormsby.md"), "--json"], data_dir, tmp_path))
    assert (rebuilt["added"], rebuilt["removed"], rebuilt["chunks"]) == (7, 0, sum(before.values()) + 1)
    status = ok_json(rag(["status", "--json", "--no-check-endpoint"], data_dir, tmp_path))
    after = {a["article_id"]: a["chunks"] for a in status["articles"]}
    assert len(after) == 7 and before.items() <= after.items()
    assert status["store"]["passages"] == sum(after.values()) and status["rebuild"] is None

    (elsewhere / "wrenfield.md").unlink()  # a plain rebuild keeps it too, from the text the store holds
    again = ok_json(rag(["ingest", "--rebuild", "--json"], data_dir, tmp_path))
    assert (again["added"], again["removed"]) == (7, 0)
    answer = ok_json(rag(["ask", "When did the Wrenfield ferry resume service?", "--json"], data_dir, tmp_path))
    assert not answer["abstained"] and "Friday" in answer["answer"]


def _collection_ids(chroma_dir: Path) -> set[str]:
    import sqlite3

    if not (chroma_dir / "chroma.sqlite3").exists():
        return set()
    with sqlite3.connect(f"file:{chroma_dir / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=5) as db:
        return {row[0] for row in db.execute("SELECT id FROM collections")}


def _records_in_new_collections(chroma_dir: Path, old: set[str]) -> int:
    """Article records upserted into record collections (`*-articles`) that were not in `old`: read from Chroma's
    sqlite log and from its metadata segment (Chroma may purge the log once the segment holds the records, so a
    busy machine polling the log alone could miss them), so whatever collection a run writes its records to; 0 while
    the database is locked."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{chroma_dir / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=0.2) as db:
            logged = db.execute(
                "SELECT c.id, count(*) FROM embeddings_queue q JOIN collections c "
                "ON q.topic = 'persistent://default/default/' || c.id "
                "WHERE c.name LIKE '%-articles' AND q.operation != 3 GROUP BY c.id"
            ).fetchall()
            stored = db.execute(
                "SELECT c.id, count(*) FROM embeddings e JOIN segments s ON e.segment_id = s.id "
                "JOIN collections c ON s.collection = c.id WHERE c.name LIKE '%-articles' GROUP BY c.id"
            ).fetchall()
        counts: dict[str, int] = {}
        for collection, count in [*logged, *stored]:
            counts[collection] = max(counts.get(collection, 0), count)
        return sum(count for collection, count in counts.items() if collection not in old)
    except sqlite3.Error:
        return 0


def _interrupted(args: list[str], data_dir: Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`rag ARGS` sent SIGINT (Ctrl-C) once it has written an article record: a real interrupt mid-run."""
    import signal
    import sys
    import time

    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update({"RAG_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT), **env})
    old = _collection_ids(data_dir / "chroma")
    # (a child inherits an ignored SIGINT, and Python then never raises KeyboardInterrupt: whatever an earlier test
    # in this worker did to the signal, the victim gets the default disposition, as from a shell)
    victim = subprocess.Popen([sys.executable, "-m", "rag.cli", *args], env=environment, cwd=cwd, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
    deadline = time.monotonic() + 300
    seen = 0
    while victim.poll() is None and time.monotonic() < deadline and not seen:
        seen = _records_in_new_collections(data_dir / "chroma", old)
        time.sleep(0.02)
    assert seen, (f"the run ended (code {victim.poll()}) before any article record was seen; SIGINT in this "
                  f"process: {signal.getsignal(signal.SIGINT)}")
    assert victim.poll() is None, f"the run ended before it could be interrupted: {victim.communicate()}"
    victim.send_signal(signal.SIGINT)
    out, err = victim.communicate(timeout=120)
    return subprocess.CompletedProcess(args, victim.returncode, out, err)


def _store_of(data_dir: Path) -> object:
    from index.embedder import MiniLMOnnxEncoder
    from index.store import PassageStore, open_client

    return PassageStore(open_client(data_dir), "articles", MiniLMOnnxEncoder().fingerprint).open_for_reading()


@pytest.fixture()
def many_articles(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """40 generated articles and the smallest chunks: an ingest long enough to be interrupted part-way. (Long
    articles: about 800 passages, so that the first group's records (EMBED_GROUP_CHUNKS, 256 passages) leave two
    more groups to embed, seconds in which the interrupt lands; with 350 passages only one short group was left,
    and a loaded machine's interrupt sometimes came after the ingest had ended.)"""
    from bench.corpus import generate_corpus

    generate_corpus(tmp_path / "many", 40, seed=5, paragraphs=(5, 9))
    return tmp_path / "many", {"RAG_CHUNK_SIZE": "32", "RAG_CHUNK_OVERLAP": "5", "RAG_EMBED_BATCH_SIZE": "8"}


def test_ctrl_c_during_a_rebuild_loses_no_article_and_says_what_to_run(
    many_articles: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """It used to leave 0 passages, and "Error: Interrupted." said nothing of what to run."""
    from rag.library import INTERRUPTED_REBUILD
    from tests.index.conftest import assert_consistent

    corpus, env = many_articles
    data_dir = tmp_path / "data"
    outside = tmp_path / "ormsby.md"
    outside.write_text(ORMSBY, encoding="utf-8")
    first = ok_json(rag(["ingest", str(corpus), str(outside), "--json"], data_dir, tmp_path, **env))
    assert first["added"] == 41
    before = assert_consistent(_store_of(data_dir))

    stopped = _interrupted(["ingest", "--rebuild", str(corpus)], data_dir, tmp_path, env)
    assert assert_consistent(_store_of(data_dir)) == before, "the index in use changed"
    assert_one_line_error(stopped, 130, INTERRUPTED_REBUILD)
    answer = ok_json(rag(["ask", "When did the Ormsby primary school reopen?", "--json"], data_dir, tmp_path, **env))
    assert "Monday" in answer["answer"]

    status = ok_json(rag(["status", "--json", "--no-check-endpoint"], data_dir, tmp_path, **env))
    assert 0 < status["rebuild"]["articles"] < 41 and "run `rag ingest --rebuild` to finish it" in status["rebuild"]["notice"]
    plain = rag(["ingest", str(outside)], data_dir, tmp_path, **env)
    assert plain.returncode == 0 and f"Note: {status['rebuild']['notice']}" in plain.stderr.splitlines()

    finished = ok_json(rag(["ingest", "--rebuild", str(corpus), "--json"], data_dir, tmp_path, **env))
    assert (finished["added"], finished["removed"]) == (41, 0)
    assert 0 < finished["chunks"] < first["chunks"], "what the interrupted rebuild embedded was embedded again"
    assert assert_consistent(_store_of(data_dir)) == before
    assert ok_json(rag(["status", "--json", "--no-check-endpoint"], data_dir, tmp_path, **env))["rebuild"] is None


def test_ctrl_c_during_an_ingest_says_what_to_run(many_articles: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    from rag.library import INTERRUPTED_INGEST
    from tests.index.conftest import assert_consistent

    corpus, env = many_articles
    data_dir = tmp_path / "data"
    stopped = _interrupted(["ingest", str(corpus)], data_dir, tmp_path, env)
    assert_one_line_error(stopped, 130, INTERRUPTED_INGEST)
    kept = assert_consistent(_store_of(data_dir))
    assert 0 < len(kept) < 40
    again = ok_json(rag(["ingest", str(corpus), "--json"], data_dir, tmp_path, **env))
    assert again["added"] + again["unchanged"] == 40 and again["unchanged"] >= len(kept)
    assert len(assert_consistent(_store_of(data_dir))) == 40


# --- an unreadable path named on its own ----------------------------------------------------------------------------


def _without_root_read_override() -> None:
    """In the child, before exec: drop the capabilities that let root read any file (CAP_DAC_OVERRIDE,
    CAP_DAC_READ_SEARCH) from its bounding set, so file modes apply to it as to any user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_an_unreadable_path_named_on_its_own_is_one_sentence_that_says_what_to_do(tmp_path: Path) -> None:
    """It was click's "Invalid value for 'paths': path '…' is not readable"; in a folder it is skipped with its reason."""
    import sys

    locked = tmp_path / "locked.txt"
    locked.write_text("The Quellmoor mill reopened on Monday after a month of repairs.\n", encoding="utf-8")
    locked.chmod(0)
    folder = tmp_path / "closed"
    folder.mkdir()
    (folder / "inside.txt").write_text("The Quellmoor bridge reopened on Tuesday.\n", encoding="utf-8")
    folder.chmod(0)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update({"RAG_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)})

    def run(*paths: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "rag.cli", "ingest", *map(str, paths)], env=environment,
                              cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              preexec_fn=_without_root_read_override if os.geteuid() == 0 else None)

    try:
        if os.geteuid() == 0:
            try:
                probe = subprocess.run(["cat", str(locked)], preexec_fn=_without_root_read_override, capture_output=True)
            except (OSError, subprocess.SubprocessError):
                pytest.skip("root without CAP_SETPCAP: file modes cannot be enforced here")
            if probe.returncode == 0:
                pytest.skip("file modes are not enforced here")
        assert_one_line_error(
            run(locked), 2,
            f"Nothing was ingested: you may not read the file {locked} (permission denied); make it readable "
            "(chmod u+r) or leave it out, and try again.",
        )
        assert_one_line_error(
            run(tmp_path / "elsewhere.txt", folder), 2,
            f"Nothing was ingested: {tmp_path / 'elsewhere.txt'} does not exist; check the path and try again.",
        )
        assert_one_line_error(
            run(folder), 2,
            f"Nothing was ingested: you may not read the folder {folder} (permission denied); make it readable "
            "(chmod u+rx) or leave it out, and try again.",
        )
        assert not (tmp_path / "data" / "chroma").exists(), "the store was created before the path was checked"
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)
