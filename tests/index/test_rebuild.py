"""index/rebuild.py: a rebuild re-embeds every stored article into a new index that replaces the old one only
when whole; interrupted or refused, it leaves the store in use as it was (embedded Chroma, the real encoder)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import index.store
from index.errors import ArticleNotCarriedError
from index.identity import article_id
from index.pipeline import ChunkSettings, ingest
from index.rebuild import rebuild, rebuild_unfinished
from index.store import PassageStore, open_client
from rag.services import build_store, keyword_index_dir
from rag.settings import Settings
from tests.conftest import Backend, make_settings
from tests.index.conftest import SMALL_CHUNKS, assert_consistent

CHUNKS = ChunkSettings(*SMALL_CHUNKS)
# Written for these tests: places and people are invented.
HARBOUR = "Harbour wall repaired\nThe Wrenmouth harbour wall was repaired on Thursday after the March storms.\n"
BAKERY = "Bakery wins award\nThe Selsby Lane bakery in Corrow won the county bread prize on Saturday.\n"
LIBRARY = "Library hours\nThe Tolland library opens an hour later on Sundays from the first of June.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def handle(settings: Settings, encoder: Any, fingerprint: str | None = None) -> PassageStore:
    """A store handle as `rag` builds one (not opened); `fingerprint`: as if another model had built it."""
    if fingerprint is None:
        return build_store(settings, encoder)
    client = open_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
    return PassageStore(client, settings.collection, fingerprint, keyword_index_dir(settings))


def texts(store: PassageStore) -> dict[str, str]:
    return {record.article_id: record.text for record in store.article_records()}


def test_a_rebuild_keeps_every_stored_article_wherever_it_came_from(
    backend: Backend, tmp_path: Path, small_corpus: Path, encoder: Any
) -> None:
    """Built with another model: articles of a folder, a file ingested on its own whose file is gone since,
    and one that is still there; the rebuild is given one new file. All of them are in the new index."""
    data = backend.settings(tmp_path / "data")
    old = handle(data, encoder, fingerprint="an-older-model:384").open_for_writing()
    ingest([small_corpus], old, encoder, chunks=CHUNKS)
    gone = write(tmp_path / "elsewhere" / "harbour.txt", HARBOUR)
    kept = write(tmp_path / "elsewhere" / "bakery.txt", BAKERY)
    ingest([gone, kept], old, encoder, chunks=CHUNKS)
    before = texts(old)
    gone.unlink()
    new = write(tmp_path / "new" / "library.txt", LIBRARY)

    report = rebuild([new], handle(data, encoder), encoder, chunks=CHUNKS)

    store = handle(data, encoder).open_for_reading()  # another model's index would be refused
    after = texts(store)
    assert after == {**before, article_id(new): after[article_id(new)]}, "a stored article was lost or changed"
    assert sorted(report.added) == sorted(after) and report.removed == [] and report.chunks == store.count()
    assert_consistent(store)
    assert store.keyword is not None and store.keyword.count() == store.count() and store.is_verified()
    assert rebuild_unfinished(store) is None and not keyword_index_dir(data).with_name(data.collection + "-rebuild").exists()


def test_an_interrupted_rebuild_leaves_the_index_in_use_whole_and_the_next_one_goes_on(
    tmp_path: Path, small_corpus: Path, encoder: Any
) -> None:
    data = make_settings(tmp_path / "data")
    store = handle(data, encoder).open_for_writing()
    ingest([small_corpus], store, encoder, chunks=CHUNKS)
    before = assert_consistent(store)
    passages = {p.passage_id: p.text for p in store.iter_passages()}

    def interrupt(records: list[Any]) -> None:  # Ctrl-C once the first article is in the copy
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rebuild([], handle(data, encoder), encoder, chunks=CHUNKS, group_chunks=1, on_stored=interrupt)

    in_use = handle(data, encoder).open_for_reading()
    assert assert_consistent(in_use) == before
    assert {p.passage_id: p.text for p in in_use.iter_passages()} == passages
    assert in_use.keyword is not None and in_use.keyword.count() == len(passages)
    assert rebuild_unfinished(in_use) == 1

    again = rebuild([], handle(data, encoder), encoder, chunks=CHUNKS)
    done = handle(data, encoder).open_for_reading()
    assert assert_consistent(done) == before and len(again.added) == len(before)
    assert 0 < again.chunks < len(passages), "the article the interrupted rebuild wrote was embedded again"
    assert rebuild_unfinished(done) is None


def test_a_swap_killed_half_way_is_finished_by_the_next_opening(
    backend: Backend, tmp_path: Path, small_corpus: Path, encoder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the new collections were renamed in but before the keyword folders were swapped."""
    data = backend.settings(tmp_path / "data")
    ingest([small_corpus], handle(data, encoder).open_for_writing(), encoder, chunks=CHUNKS)
    extra = write(tmp_path / "elsewhere" / "library.txt", LIBRARY)

    def killed(staged: Path, live: Path) -> None:
        raise SystemExit("killed")

    monkeypatch.setattr(index.store, "_swap_folder", killed)
    with pytest.raises(SystemExit):
        rebuild([extra], handle(data, encoder), encoder, chunks=CHUNKS)
    monkeypatch.undo()

    store = handle(data, encoder).open_for_reading()
    per_article = assert_consistent(store)
    assert article_id(extra) in per_article and len(per_article) == 5
    assert store.keyword is not None and store.keyword.count() == store.count() and store.is_verified()
    assert rebuild_unfinished(store) is None and not keyword_index_dir(data).with_suffix(".replacing").exists()


def test_a_rebuild_refuses_an_article_it_cannot_carry_over_and_changes_nothing(
    tmp_path: Path, small_corpus: Path, encoder: Any
) -> None:
    """A record without text whose file is gone (a store damaged by hand): leaving it out would lose it."""
    from dataclasses import replace

    data = make_settings(tmp_path / "data")
    store = handle(data, encoder).open_for_writing()
    ingest([small_corpus], store, encoder, chunks=CHUNKS)
    victim = store.article_records()[0]
    with store.writing():
        store.put_articles([replace(victim, text="", raw_text="", path=str(tmp_path / "gone.txt"))])
    before = texts(store)

    with pytest.raises(ArticleNotCarriedError) as refused:
        rebuild([], handle(data, encoder), encoder, chunks=CHUNKS)
    assert refused.value.message == (
        f"Nothing was rebuilt: the stored article {victim.article_id} has no text to embed again, in its file or in "
        f"the store; delete it (`rag delete {victim.article_id}`) and run `rag ingest --rebuild` again."
    )
    in_use = handle(data, encoder).open_for_reading()
    assert texts(in_use) == before and rebuild_unfinished(in_use) is None
