"""SIGKILL at every write step of an ingest, then the next ingest: the store must come out whole.

Each victim is a real process running the `rag` CLI (tests/reliability/kill_at_step.py)
that kills itself just before its N-th write to Chroma or the keyword index (forked from
tests/support/warm_process.py's helper, so it skips the interpreter's start-up and imports). After
the next `rag ingest` the store must hold exactly what a clean ingest holds: every
article once, no passage without its article record, no record short of passages,
and a keyword index with exactly Chroma's passages (so BM25 ranks what is there).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from rag.settings import Settings
from tests.index.conftest import Backend, assert_consistent
from tests.support import warm_process

ROOT = Path(__file__).resolve().parents[2]
SMALL = {"RAG_CHUNK_SIZE": "64", "RAG_CHUNK_OVERLAP": "10"}


# --- helpers ------------------------------------------------------------------------------------


def generated(folder: Path, count: int, seed: int) -> Path:
    from bench.corpus import generate_corpus

    generate_corpus(folder, count, seed=seed, paragraphs=(2, 3))
    return folder


def environment(settings: Settings, **extra: str) -> dict[str, str]:
    env = {**os.environ, **SMALL, "RAG_DATA_DIR": str(settings.data_dir), "RAG_COLLECTION": settings.collection, **extra}
    if settings.chroma_host:
        env.update(RAG_CHROMA_HOST=settings.chroma_host, RAG_CHROMA_PORT=str(settings.chroma_port))
    return env


def run_killed(settings: Settings, args: list[str], kill_at: int, log: Path, rule: str | None = None,
               group_chunks: int | None = None) -> subprocess.CompletedProcess[str]:
    extra = {"TEST_EMBED_GROUP_CHUNKS": str(group_chunks)} if group_chunks else {}
    argv = ["kill_at_step", str(log), str(kill_at), *([rule] if rule else []), "--", *args]
    return warm_process.run_module("tests.reliability.kill_at_step", argv, env=environment(settings, **extra), cwd=ROOT,
                                   timeout=600)


def rag(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return warm_process.run_rag(list(args), env=environment(settings), cwd=settings.data_dir.parent, timeout=600)


def ingest_json(settings: Settings, *args: str) -> dict[str, Any]:
    done = rag(settings, "ingest", *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def small_settings(backend: Backend, data_dir: Path) -> Settings:
    return backend.settings(data_dir, chunk_size=64, chunk_overlap=10)


def open_store(settings: Settings) -> Any:
    from rag.services import build_store

    return build_store(settings, store_encoder()).open_for_reading()


def assert_whole(settings: Settings) -> dict[str, int]:
    """Chroma consistent (assert_consistent) and the keyword index holding exactly Chroma's passages."""
    store = open_store(settings)
    per_article = assert_consistent(store)
    chroma = {p.passage_id: p for p in store.iter_passages()}
    keyword = store.keyword.all_passages()
    ids = [p.passage_id for p in keyword]
    assert len(ids) == len(set(ids)), "duplicate passages in the keyword index"
    assert set(ids) == set(chroma), (
        f"keyword index differs from Chroma: {len(set(ids) - set(chroma))} extra, {len(set(chroma) - set(ids))} missing"
    )
    for passage in keyword:
        assert passage == chroma[passage.passage_id]
    records = {r.article_id: r for r in store.article_records()}
    assert store.keyword.versions() == {a: {r.content_hash: r.chunk_count} for a, r in records.items()}
    return per_article


def id_of(settings: Settings, path: Path) -> str:
    """The id `rag ingest` gives the article read from `path` (a hash of where the file is: index/identity.py)."""
    from rag.services import article_id_for

    return article_id_for(settings, path)


def by_file(settings: Settings, per_article: dict[str, int]) -> dict[str, int]:
    """`per_article` keyed by each article's file relative to the data dir's parent instead of its id: ids hash
    the absolute path, so stores built in different folders compare by where their files sit in them."""
    records = {r.article_id: r for r in open_store(settings).article_records()}
    base = settings.data_dir.resolve().parent
    return {Path(records[a].path).relative_to(base).as_posix(): count for a, count in per_article.items()}


def write_steps(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.is_file() else []


# --- every step of a fresh and of an incremental ingest ------------------------------------------------


def _edit(corpus: Path) -> None:
    """An update, a deletion and a new article."""
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "The harbour office later corrected the ferry schedule.\n")
    sorted(corpus.glob("*.txt"))[1].unlink()
    (corpus / "zz-new.txt").write_text(
        "Lighthouse keepers return\nThe lighthouse on the north mole will be staffed again from April, the port "
        "authority said. Two keepers will share the night watch.\n", encoding="utf-8")


def ingest_here(settings: Settings, folder: Path) -> Any:
    """The next `rag ingest FOLDER --prune`, in this process (same code path: `rag.library.ingest_paths`)."""
    from rag.library import ingest_paths

    return ingest_paths(settings, [folder], prune=True)


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("phase", ["fresh", "incremental"])
def test_sigkill_at_every_write_step_then_ingest_again(backend: Backend, tmp_path: Path, phase: str) -> None:
    if backend.kind == "server" and phase == "fresh":
        pytest.skip("the server runs the incremental phase (its steps include the fresh ones)")
    corpus = generated(tmp_path / "corpus", 4, seed=21)
    # chunks per embedding group: two or more groups, so kills land between groups too
    group = 8 if phase == "fresh" else 2

    def prepared(name: str) -> tuple[Settings, Path]:
        settings = small_settings(backend, tmp_path / name / "data")
        settings.data_dir.mkdir(parents=True)
        folder = tmp_path / name / "corpus"
        shutil.copytree(corpus, folder)
        if phase == "incremental":
            ingest_here(settings, folder)
            _edit(folder)
        return settings, folder

    # a clean run, for the steps to kill at and the store to compare with
    reference, folder = prepared("reference")
    steps_log = tmp_path / "reference" / "steps.log"
    clean = run_killed(reference, ["ingest", str(folder), "--prune", "--json"], 0, steps_log, group_chunks=group)
    assert clean.returncode == 0, clean.stderr
    expected = by_file(reference, assert_whole(reference))
    assert sorted(expected) == sorted(f"corpus/{p.name}" for p in folder.glob("*.txt")), expected
    steps = write_steps(steps_log)
    assert sum(s.startswith("chroma.upsert") for s in steps) >= 4, steps  # passages and records of 2+ groups
    # the server's victims need a fresh collection each: every third step there
    points = range(1, len(steps) + 1, 1 if backend.kind == "embedded" else 3)
    for kill_at in points:
        victim, folder = prepared(f"kill{kill_at}")
        killed = run_killed(victim, ["ingest", str(folder), "--prune", "--json"], kill_at,
                            victim.data_dir.parent / "steps.log", group_chunks=group)
        assert killed.returncode == -signal.SIGKILL, (kill_at, steps[kill_at - 1], killed.stderr[-2000:])
        report = ingest_here(victim, folder)
        assert len(report.added + report.updated + report.unchanged) == len(expected), (kill_at, report.as_json())
        assert by_file(victim, assert_whole(victim)) == expected, f"killed before step {kill_at}: {steps[kill_at - 1]}"
        again = ingest_here(victim, folder).as_json()
        assert (again["added"], again["updated"], again["removed"], again["chunks"]) == (0, 0, 0, 0), again


@pytest.mark.timeout(1800)
def test_sigkill_at_every_write_step_of_a_rebuild_leaves_every_article_then_the_next_rebuild_finishes(
    tmp_path: Path,
) -> None:
    """`rag ingest --rebuild FOLDER` killed before each of its writes (the copy's, then the swap's renames):
    right after the kill the store holds every article, the one ingested from elsewhere too (a swap cut short
    is finished by the next opening), and the next rebuild ends with no copy left behind."""
    from index.rebuild import rebuild_unfinished
    from rag.library import ingest_paths

    corpus = generated(tmp_path / "corpus", 3, seed=23)
    backend = Backend("embedded", None)

    def prepared(name: str) -> tuple[Settings, Path]:
        settings = small_settings(backend, tmp_path / name / "data")
        settings.data_dir.mkdir(parents=True)
        folder = tmp_path / name / "corpus"
        shutil.copytree(corpus, folder)
        outside = tmp_path / name / "elsewhere" / "ferry.txt"
        outside.parent.mkdir()
        outside.write_text("Ferry back in service\nThe Wrenfield ferry returned on Friday after engine repairs.\n",
                           encoding="utf-8")
        ingest_here(settings, folder)
        ingest_paths(settings, [outside])
        return settings, folder

    reference, folder = prepared("reference")
    expected = by_file(reference, assert_whole(reference))
    assert len(expected) == 4
    steps_log = tmp_path / "reference" / "steps.log"
    clean = run_killed(reference, ["ingest", "--rebuild", str(folder), "--json"], 0, steps_log, group_chunks=2)
    assert clean.returncode == 0, clean.stderr
    assert by_file(reference, assert_whole(reference)) == expected
    steps = write_steps(steps_log)
    assert f"chroma.modify:{reference.collection}-rebuild-articles" in steps, steps  # the swap's renames
    for kill_at in range(1, len(steps) + 1):
        victim, folder = prepared(f"kill{kill_at}")
        killed = run_killed(victim, ["ingest", "--rebuild", str(folder), "--json"], kill_at,
                            victim.data_dir.parent / "steps.log", group_chunks=2)
        assert killed.returncode == -signal.SIGKILL, (kill_at, steps[kill_at - 1], killed.stderr[-2000:])
        assert by_file(victim, assert_whole(victim)) == expected, f"killed before step {kill_at}: {steps[kill_at - 1]}"
        report = ingest_paths(victim, [folder], rebuild=True)
        assert (len(report.added), report.removed) == (4, []), (kill_at, report.as_json())
        assert by_file(victim, assert_whole(victim)) == expected, f"rebuilt after step {kill_at}: {steps[kill_at - 1]}"
        assert rebuild_unfinished(open_store(victim)) is None


@pytest.mark.timeout(900)
def test_killed_between_the_keyword_commit_and_chromas_writes_then_ingest_makes_it_whole(
    backend: Backend, tmp_path: Path
) -> None:
    """A group's keyword commit comes before Chroma's writes (index/store.py, `write_articles`), so that questions
    are not held off for it. A SIGKILL in between leaves the keyword index ahead of Chroma: an update's new
    version and a new article that no record describes and Chroma does not hold. The next ingest sees the
    unfinished session and puts the store in order."""
    corpus = generated(tmp_path / "corpus", 4, seed=21)
    settings = small_settings(backend, tmp_path / "data")
    settings.data_dir.mkdir(parents=True)
    ingest_here(settings, corpus)
    _edit(corpus)  # an update, a deletion and a new article
    killed = run_killed(settings, ["ingest", str(corpus), "--prune", "--json"], 0, tmp_path / "steps.log",
                        rule="after-first-keyword-write")
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]

    store = open_store(settings)
    records = store.article_versions()
    held = {(a, h) for a, versions in store.keyword.versions().items() for h in versions}
    ahead = {(a, h) for a, h in held if records.get(a, ("", 0))[0] != h}
    assert len(ahead) == 2, (held, records)  # the updated article's new version, the new article
    assert not ahead & {(p.article_id, p.content_hash) for p in store.iter_passages()}
    assert not store.is_verified()

    report = ingest_here(settings, corpus)
    assert report.repair is not None and report.repair.changed
    assert (len(report.added), len(report.updated), len(report.removed)) == (1, 1, 1), report.as_json()
    per_article = by_file(settings, assert_whole(settings))
    assert sorted(per_article) == sorted(f"corpus/{p.name}" for p in corpus.glob("*.txt"))
    again = ingest_here(settings, corpus).as_json()
    assert (again["added"], again["updated"], again["removed"], again["chunks"]) == (0, 0, 0, 0), again


# --- the two reported scenarios -------------------------------------------------------------------


@pytest.mark.timeout(900)
def test_killed_first_passage_write_then_deleted_files_leave_no_cited_orphans(backend: Backend, tmp_path: Path) -> None:
    """Issue 11 (1): SIGKILL during the first passage write, 20 files deleted, two ingests: the passages of
    the deleted articles must be gone (from both indexes, from answers), and `rag status` says so."""
    corpus = generated(tmp_path / "corpus", 40, seed=5)
    settings = backend.settings(tmp_path / "data")
    settings.data_dir.mkdir(parents=True)
    # the first group's passages are written (Chroma upsert) and the process dies before anything else
    killed = run_killed(settings, ["ingest", str(corpus), "--json"], 0, tmp_path / "steps.log", rule="after-first-upsert")
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    deleted = sorted(corpus.glob("*.txt"))[:20]
    deleted_ids = {id_of(settings, path) for path in deleted}
    marker = {id_of(settings, path): _unique_sentence(path) for path in deleted[:3]}
    for path in deleted:
        path.unlink()
    for _ in range(2):
        ingest_json(settings, str(corpus), "--prune")

    store = open_store(settings)
    left = Counter(p.article_id for p in store.iter_passages())
    assert {id_of(settings, path) for path in corpus.glob("*.txt")} == set(left)  # the other 20 are all there
    assert not deleted_ids & set(left), f"passages of deleted articles left: {dict((a, left[a]) for a in deleted_ids & set(left))}"
    assert_whole(settings)
    from rag.assistant import Assistant

    assistant = Assistant(settings, store, store_encoder())
    for article_id, sentence in marker.items():
        for mode in ("hybrid", "bm25"):
            answer = assistant.ask(sentence, retrieval_mode=mode)  # type: ignore[arg-type]
            assert article_id not in {c.article_id for c in answer.citations}
            assert article_id not in {p.article_id for p in assistant.retrieve(sentence, mode=mode)[0]}  # type: ignore[arg-type]

    status = rag(settings, "status", "--json", "--no-check-endpoint")
    assert status.returncode == 0, status.stderr
    repairs = json.loads(status.stdout)["repairs"]
    assert repairs and repairs[-1]["trigger"] == "ingest"
    assert set(repairs[-1]["orphan_passages"]) >= deleted_ids  # what the first repair removed, by article
    assert repairs[-1]["checked_at"]


@pytest.mark.timeout(900)
def test_killed_before_the_revision_bump_leaves_no_stale_keyword_index(backend: Backend, tmp_path: Path) -> None:
    """Issue 11 (2): SIGKILL just before the revision bump of an incremental ingest; two later ingests must
    leave BM25 with every passage (the old design kept a stale BM25 cache and reported "unchanged")."""
    corpus = generated(tmp_path / "corpus", 12, seed=8)
    settings = backend.settings(tmp_path / "data")
    settings.data_dir.mkdir(parents=True)
    ingest_json(settings, str(corpus))
    from rag.assistant import Assistant

    Assistant(settings, open_store(settings), store_encoder()).ask("What did the port authority say?")  # BM25 in use
    more = generated(tmp_path / "more", 12, seed=9)
    for path in more.glob("*.txt"):
        shutil.move(path, corpus / f"more-{path.name}")
    manifest = json.loads((corpus / "manifest.json").read_text())
    extra = json.loads((more / "manifest.json").read_text())
    manifest["articles"].update({f"more-{name}": entry for name, entry in extra["articles"].items()})
    (corpus / "manifest.json").write_text(json.dumps(manifest))
    killed = run_killed(settings, ["ingest", str(corpus), "--json"], 0, tmp_path / "steps.log", rule="bump-after-write")
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    for _ in range(2):
        ingest_json(settings, str(corpus))

    store = open_store(settings)
    assistant = Assistant(settings, store, store_encoder())
    for path in sorted(corpus.glob("more-*.txt"))[:4]:
        sentence = _unique_sentence(path)
        found = assistant.retrieve(sentence, top_k=3, mode="bm25")[0]
        assert id_of(settings, path) in {p.article_id for p in found}, f"BM25 does not find {path.name}"
    per_article = assert_whole(settings)
    assert len(per_article) == 24
    assert assistant.bm25.count() == store.count()


# --- repairs on their own -------------------------------------------------------------------------


def test_the_app_start_repairs_an_interrupted_ingest_and_leaves_intact_articles(tmp_path: Path) -> None:
    from index.repair import recent_repairs
    from tests.conftest import make_settings
    from ui.launch import open_assistant

    corpus = generated(tmp_path / "corpus", 8, seed=3)
    settings = make_settings(tmp_path / "data", chunk_size=64, chunk_overlap=10)
    ingest_json(settings, str(corpus))
    intact = assert_whole(settings)
    late = id_of(settings, corpus / "late.txt")
    (corpus / "late.txt").write_text("Tram depot opens\nThe new tram depot opened on Friday with room for forty trams.\n")
    killed = run_killed(settings, ["ingest", str(corpus), "--json"], 0, tmp_path / "steps.log", rule="after-first-upsert")
    assert killed.returncode == -signal.SIGKILL
    store = open_store(settings)
    assert late in {p.article_id for p in store.iter_passages()}  # its passages are in, its record is not
    assert not store.is_verified()

    assistant = open_assistant(settings)
    assert assert_whole(settings) == intact  # the orphans are gone, every intact article is untouched
    assert assistant.store.is_verified()
    repairs = recent_repairs(assistant.store)
    assert repairs[0]["trigger"] == "app start" and repairs[0]["orphan_passages"] == {late: 1}
    answer = assistant.ask("When did the new tram depot open?", retrieval_mode="bm25")
    assert late not in {c.article_id for c in answer.citations}
    # a second start finds nothing to do and logs nothing
    open_assistant(settings)
    assert len(recent_repairs(assistant.store)) == 1


def test_a_record_missing_passages_is_dropped_and_the_next_ingest_adds_it_again(tmp_path: Path) -> None:
    """Damage no kill of this code leaves (older versions could): a record whose passages are partly gone."""
    from index.repair import repair_store
    from tests.conftest import make_settings

    corpus = generated(tmp_path / "corpus", 4, seed=13)
    settings = make_settings(tmp_path / "data", chunk_size=64, chunk_overlap=10)
    ingest_json(settings, str(corpus))
    expected = assert_whole(settings)
    store = open_store(settings)
    victim = max(expected, key=expected.get)
    some = sorted(store.passage_ids(victim))[:1]
    store._passages.delete(ids=some)  # Chroma only: the keyword index still has it
    report = repair_store(store, trigger="test")
    assert report.incomplete_articles == [victim] and store.article(victim) is None
    assert victim not in store.keyword.versions()
    assert victim in report.summary()
    again = ingest_json(settings, str(corpus))
    assert again["added"] == 1 and again["unchanged"] == len(expected) - 1
    assert assert_whole(settings) == expected


def test_a_store_without_a_keyword_index_gets_one_at_the_first_question(tmp_path: Path) -> None:
    """Stores built before the keyword index (or whose index folder was deleted) still answer with BM25."""
    from rag.assistant import Assistant
    from tests.conftest import make_settings

    corpus = generated(tmp_path / "corpus", 4, seed=17)
    settings = make_settings(tmp_path / "data", chunk_size=64, chunk_overlap=10)
    ingest_json(settings, str(corpus))
    shutil.rmtree(settings.data_dir / "keyword" / settings.collection)
    path = sorted(corpus.glob("*.txt"))[0]
    assistant = Assistant(settings, open_store(settings), store_encoder())
    found = assistant.retrieve(_unique_sentence(path), top_k=3, mode="bm25")[0]
    assert id_of(settings, path) in {p.article_id for p in found}
    assert_whole(settings)


def _unique_sentence(path: Path) -> str:
    """A sentence of this generated article (its names and numbers make it unlikely elsewhere)."""
    from index.cleaning import clean_article
    from index.sentences import split_sentences

    text = clean_article(path.read_text(encoding="utf-8")).text
    sentences = [text[s:e] for s, e in split_sentences(text)]
    return max(sentences[1:] or sentences, key=len)


_ENCODER: Any = None


def store_encoder() -> Any:
    global _ENCODER
    if _ENCODER is None:
        from index.embedder import MiniLMOnnxEncoder

        _ENCODER = MiniLMOnnxEncoder()
    return _ENCODER
