"""A store written by an older ingest pipeline: questions say so, and `rag ingest` brings it up to date.

Since pipeline version 3 every passage carries its named entities, which the
answerer reads; a store built before lacks them and answers worse without a
word. Every article record now names the pipeline version that wrote it. Here a
real embedded store is built the old way (version 2, no entities) or has its
records' version marker removed or rewritten, then the CLI, the Python API and
the app's start are asked, and `rag ingest` must process exactly the outdated
articles again, wherever their files are (or from the stored text when a file is
gone), losing and duplicating nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from index.pipeline import PIPELINE_VERSION
from tests.conftest import make_settings
from tests.reliability.test_crash_recovery import assert_whole, open_store
from tests.support import warm_process


# Articles written for these tests: names, places, organisations and dates for the entity recogniser.
ARTICLES = {
    "tram-depot.md": """---
title: Orlen tram depot opens after two years of work
publisher: Weston Ledger
date: 2024-05-14
---
The new tram depot in Orlen opened on Tuesday, two years after work began, the transit authority said.
Tomas Brandt, the mayor, cut the ribbon in front of about three hundred residents.
The depot has room for forty trams and employs ninety mechanics and drivers.
""",
    "river-festival.md": """---
title: Kessel river festival moves to September
publisher: Weston Ledger
date: 2024-06-02
---
The Kessel river festival will move from July to September this year, organiser Priya Natarajan said.
Last summer's heat wave sent eleven visitors to hospital, and the council asked for a cooler month.
The festival draws about twelve thousand people to the riverbank over three days.
""",
    "ferry-strike.md": """---
title: Ferry crews at Dunmore walk out over rosters
publisher: Coastal Wire
date: 2024-06-20
---
Ferry crews at Dunmore walked out for twenty-four hours on Friday in a dispute over rosters, their union said.
The Harbour Lines company cancelled fourteen crossings to the island of Vell.
Union secretary Ada Morrow said the crews had worked six-day weeks since March.
""",
}
# Beside the articles folder: one file ingested by path, one whose file is deleted after ingest.
ELSEWHERE = {
    "library-hours.md": """---
title: Orlen library opens on Sundays
publisher: Weston Ledger
date: 2024-07-01
---
The Orlen public library will open on Sundays from August, librarian Mina Okafor said.
The council found 18,000 euros for the extra staff in its summer budget.
""",
    "bridge-repair.md": """---
title: Vell bridge closes for repairs
publisher: Coastal Wire
date: 2024-07-09
---
The road bridge to Vell will close for six weeks from August 5 while engineers replace its bearings.
Islanders will be carried by an extra ferry that Harbour Lines agreed to run every hour.
""",
}
QUESTION = "Who cut the ribbon at the Orlen tram depot?"
OLD_VERSION = PIPELINE_VERSION - 1


def write_articles(root: Path) -> tuple[Path, Path]:
    articles, elsewhere = root / "articles", root / "elsewhere"
    for folder, texts in ((articles, ARTICLES), (elsewhere, ELSEWHERE)):
        folder.mkdir(parents=True)
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
    return articles, elsewhere


def rag(data_dir: Path, articles: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update(RAG_DATA_DIR=str(data_dir), RAG_ARTICLES_DIR=str(articles))
    done = warm_process.run_rag(list(args), env=environment, cwd=data_dir.parent, timeout=600)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def ok_json(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def build_with_the_old_pipeline(settings: Any, articles: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What pipeline version 2 wrote: no entities with the passages, its version in every content hash."""
    import index.pipeline
    from rag.library import ingest_paths

    with monkeypatch.context() as old:
        old.setattr(index.pipeline, "PIPELINE_VERSION", OLD_VERSION)
        old.setattr(index.pipeline, "entities_by_line", lambda texts: [[] for _ in texts])
        ingest_paths(settings, [])
        ingest_paths(settings, [elsewhere / name for name in ELSEWHERE])


def test_an_index_built_by_an_older_pipeline_says_so_and_rag_ingest_brings_it_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rag.assistant import Assistant
    from rag.library import ingest_paths
    from rag.messages import outdated_index

    articles, elsewhere = write_articles(tmp_path)
    settings = make_settings(tmp_path / "data", articles_dir=articles)
    build_with_the_old_pipeline(settings, articles, elsewhere, monkeypatch)
    gone = elsewhere / "bridge-repair.md"
    gone_text = gone.read_text(encoding="utf-8")
    gone.unlink()  # its article stays in the store: only its stored text can be processed again
    before = assert_whole(settings)
    store = open_store(settings)
    assert {r.pipeline_version for r in store.article_records()} == {OLD_VERSION}
    assert not any(p.entities for p in store.iter_passages())
    total = len(ARTICLES) + len(ELSEWHERE)
    notice = outdated_index(total, 0, total)
    assert notice == ("The index was built by an older version of Sourced, so answers may miss what the articles "
                      "say; run `rag ingest` to bring it up to date.")

    # Every way of asking says it, once. (Without entities the answerer cannot tell who did it: the silent loss.)
    asked = rag(settings.data_dir, articles, "ask", "--json", QUESTION)
    answer = ok_json(asked)
    assert answer["notice"] == notice and "Brandt" not in answer["answer"]
    assert asked.stderr.strip().splitlines() == [f"Note: {notice}"]
    asked = rag(settings.data_dir, articles, "ask", QUESTION)
    assert asked.returncode == 0 and asked.stderr.strip().splitlines() == [f"Note: {notice}"]
    assert Assistant.from_settings(settings).ask(QUESTION).notice == notice
    status = ok_json(rag(settings.data_dir, articles, "status", "--json", "--no-check-endpoint"))
    assert status["pipeline"] == {"version": PIPELINE_VERSION, "outdated_articles": sorted(before), "notice": notice}
    from ui.launch import open_assistant

    capsys.readouterr()
    open_assistant(settings)  # `rag serve`'s start
    said = [line.strip() for line in capsys.readouterr().err.splitlines()]
    assert said.count(notice) == 1 and not any("Traceback" in line for line in said), said

    # `rag ingest` (the articles folder) processes every outdated article again, wherever its file is.
    report = ok_json(rag(settings.data_dir, articles, "ingest", "--json"))
    reason = f"it was indexed by pipeline version {OLD_VERSION} (now version {PIPELINE_VERSION})"
    assert (report["added"], report["updated"], report["unchanged"], report["removed"]) == (0, total, 0, 0), report
    assert sorted(report["updates"], key=lambda u: u["article_id"]) == [
        {"article_id": a, "reason": reason} for a in sorted(before)
    ], report["updates"]
    assert report["skipped"] == []
    after = assert_whole(settings)
    assert after == before, "passages were lost or duplicated"
    assert report["chunks"] == sum(after.values())
    store = open_store(settings)
    records = {r.article_id: r for r in store.article_records()}
    assert {r.pipeline_version for r in records.values()} == {PIPELINE_VERSION}
    assert any(p.entities for p in store.iter_passages())
    (gone_id,) = [a for a, r in records.items() if r.path == str(gone)]
    assert "every hour" in records[gone_id].text and records[gone_id].title == "Vell bridge closes for repairs"

    # The same as a store built by this version from the same files (the gone one put back for it).
    gone.write_text(gone_text, encoding="utf-8")
    reference = make_settings(tmp_path / "reference", articles_dir=articles)
    ingest_paths(reference, [])
    ingest_paths(reference, [elsewhere / name for name in ELSEWHERE])
    fresh = open_store(reference)
    # (sentence vectors aside: pooled per batch, their last digits depend on what shared the batch)
    assert {p.passage_id: replace(p, sentence_vectors="") for p in fresh.iter_passages()} == {
        p.passage_id: replace(p, sentence_vectors="") for p in store.iter_passages()
    }

    # Up to date: no notice, and the next ingest has nothing to do.
    asked = rag(settings.data_dir, articles, "ask", "--json", QUESTION)
    answer = ok_json(asked)
    assert answer["notice"] is None and asked.stderr == "" and "Brandt" in answer["answer"]
    again = ok_json(rag(settings.data_dir, articles, "ingest", "--json"))
    assert (again["updated"], again["chunks"], again["updates"]) == (0, 0, []), again


def test_records_without_a_version_are_only_stamped_and_a_rewritten_version_is_processed_again(
    tmp_path: Path,
) -> None:
    """Records written before the version was recorded, over current passages (the content hash holds the
    version): `rag ingest` records the version without embedding anything. A record whose marker says an
    older version is processed again, in place: same passage ids, nothing duplicated."""
    from rag.assistant import Assistant
    from rag.library import ingest_paths
    from rag.messages import outdated_index

    articles, _ = write_articles(tmp_path)
    settings = make_settings(tmp_path / "data", articles_dir=articles)
    ingest_paths(settings, [])
    before = assert_whole(settings)
    store = open_store(settings)
    records = sorted(store.article_records(), key=lambda r: r.article_id)
    marked_old, *unmarked = records
    # the layout of records written before the version was recorded: no pipeline_version key at all
    store._articles.delete(ids=[r.article_id for r in records])
    store.put_articles([replace(marked_old, pipeline_version=OLD_VERSION)]
                       + [replace(r, pipeline_version=None) for r in unmarked])
    assert {r.pipeline_version for r in store.article_records()} == {OLD_VERSION, None}
    notice = outdated_index(len(records), 0, len(records))
    assert Assistant.from_settings(settings).ask(QUESTION).notice == notice
    asked = rag(settings.data_dir, articles, "ask", "--json", QUESTION)
    assert ok_json(asked)["notice"] == notice

    report = ok_json(rag(settings.data_dir, articles, "ingest", "--json"))
    assert (report["updated"], report["unchanged"], report["added"], report["removed"]) == (1, len(unmarked), 0, 0)
    assert report["updates"] == [{
        "article_id": marked_old.article_id,
        "reason": f"it was indexed by pipeline version {OLD_VERSION} (now version {PIPELINE_VERSION})",
    }]
    assert report["chunks"] == marked_old.chunk_count  # only the re-processed article was embedded
    assert assert_whole(settings) == before
    store = open_store(settings)
    assert {r.pipeline_version for r in store.article_records()} == {PIPELINE_VERSION}
    assert Assistant.from_settings(settings).ask(QUESTION).notice is None


def test_some_outdated_articles_are_counted_and_a_newer_version_is_named(tmp_path: Path) -> None:
    from rag.assistant import Assistant
    from rag.library import ingest_paths

    articles, _ = write_articles(tmp_path)
    settings = make_settings(tmp_path / "data", articles_dir=articles)
    ingest_paths(settings, [])
    store = open_store(settings)
    first, second, _third = sorted(store.article_records(), key=lambda r: r.article_id)
    store.put_articles([replace(first, pipeline_version=OLD_VERSION)])
    assert Assistant.from_settings(settings).ask(QUESTION).notice == (
        "1 of the 3 articles was indexed by an older version of Sourced, so answers may miss what it says; "
        "run `rag ingest` to bring it up to date."
    )
    store.put_articles([replace(second, pipeline_version=PIPELINE_VERSION + 1)])
    assert Assistant.from_settings(settings).ask(QUESTION).notice == (
        "2 of the 3 articles were indexed by another version of Sourced, so answers may miss what they say; "
        "run `rag ingest` to bring them up to date."
    )
    store.put_articles([replace(first, pipeline_version=PIPELINE_VERSION)])
    assert Assistant.from_settings(settings).ask(QUESTION).notice == (
        "1 of the 3 articles was indexed by a newer version of Sourced, so answers may miss what it says; "
        "run `rag ingest` to bring it up to date."
    )
    report = ingest_paths(settings, [])
    assert (report.updated, report.chunks) == ([second.article_id], second.chunk_count)
    assert Assistant.from_settings(settings).ask(QUESTION).notice is None
