"""The Library tab over a large library: a page at a time, a filter, counts, and nothing that reads every article.

The library is the four articles of tests/ui/library ingested for real plus a
thousand written through the store's own write path (tests/support/large_library.py);
reads are counted on the real store's collections as `rag serve` opens it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_settings
from tests.support.large_library import PUBLISHERS, ReadCounter, add_articles

SYNTHETIC = 1000
PAGE = 50
FERRY_MD = """---
title: Kellin ferry adds a winter crossing
publisher: Kellin Island Courier
date: 2026-11-02
---
The Kellin ferry will add a third daily crossing from the first of December, the island council said.
"""


@pytest.fixture(scope="module")
def large_library(own_library_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The own library plus SYNTHETIC more articles; copy it before changing it."""
    from rag.services import build_encoder, build_store

    data_dir = tmp_path_factory.mktemp("large-library") / "data"
    shutil.copytree(own_library_data_dir, data_dir)
    settings = make_settings(data_dir)
    add_articles(build_store(settings, build_encoder(settings)).open_for_writing(), SYNTHETIC)
    return data_dir


@pytest.fixture()
def library_copy(large_library: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(large_library, target)
    return target


def _all_articles(data_dir: Path) -> list[Any]:
    """Every article record, read whole: the tests' own account of what the library holds."""
    from rag.assistant import Assistant

    return Assistant.from_settings(make_settings(data_dir)).articles()


def test_serve_start_reads_a_page_of_a_large_library_not_every_article(
    library_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `rag serve` does at start (open the store, build the app, a page's first load) reads a bounded number
    of article records, whatever the library's size: it used to read all of them five times."""
    from rag.library import open_assistant
    from ui.app import build_app
    from ui.examples import MAX_ARTICLES, MAX_TRIES
    from ui.library import LibraryController

    settings = make_settings(library_copy, ui_library_page=PAGE)
    reads = ReadCounter().install(monkeypatch)
    assistant = open_assistant(settings).assistant
    build_app(assistant)
    LibraryController(assistant).table_html()  # what a page's first load asks for
    articles = SYNTHETIC + 4
    # two pages (the app's and the first load's), the uploads the filter matches (none), the examples' articles,
    # and the articles of the example questions tried (one read per question, of its passages' articles)
    bound = 2 * PAGE + MAX_ARTICLES + MAX_TRIES * settings.top_k
    assert bound < articles / 4
    assert reads.articles.records <= bound, reads.articles.calls
    assert reads.articles.ids <= settings.top_k, reads.articles.calls  # no list of every article id either


def test_a_one_article_upload_reads_no_list_of_the_library(library_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    from rag.assistant import Assistant
    from ui.library import LibraryController

    reads = ReadCounter().install(monkeypatch)
    library = LibraryController(Assistant.from_settings(make_settings(library_copy)))
    reads.reset()
    path = tmp_path / "ferry.md"
    path.write_text(FERRY_MD, encoding="utf-8")
    outcome = library.upload([str(path)])
    assert outcome.ok, outcome.problems
    # the name check is a lookup by id, and the ingest reads the records of its own file
    assert reads.articles.records <= 3, reads.articles.calls
    assert reads.articles.ids <= 3, reads.articles.calls  # nor every article id (the check for old-scheme ids)
    # the same name again is a second article, "ferry (2).md": the lookup sees the first
    again = tmp_path / "again"
    again.mkdir()
    (again / "ferry.md").write_text(FERRY_MD.replace("third", "fourth"), encoding="utf-8")
    second = library.upload([str(again / "ferry.md")])
    assert second.ok and second.added != outcome.added
    assert sorted(p.name for p in (library_copy / "uploads").iterdir() if not p.name.startswith(".")) == [
        "ferry (2).md", "ferry.md"
    ]


def test_the_library_is_listed_a_page_at_a_time_newest_first_with_counts(library_copy: Path) -> None:
    from rag.assistant import Assistant
    from ui.library import LibraryController

    every = _all_articles(library_copy)
    library = LibraryController(Assistant.from_settings(make_settings(library_copy)), page_size=PAGE)
    first = library.view()
    assert (first.page.matching, first.page.total, len(first.page.articles)) == (len(every), len(every), PAGE)
    assert not first.page.has_previous and first.page.has_next
    assert f"Showing 1–{PAGE} of {len(every):,} articles, newest first" in first.table_html()
    newest = sorted((r for r in every if r.published), key=lambda r: r.published, reverse=True)[:PAGE]
    assert [a.published for a in first.page.articles] == [r.published for r in newest]
    assert [c[1] for c in first.choices()] == [a.article_id for a in first.page.articles]

    seen: list[str] = []
    offset = 0
    while True:
        view = library.view(offset)
        seen += [a.article_id for a in view.page.articles]
        if not view.page.has_next:
            break
        offset += PAGE
    assert sorted(seen) == sorted(r.article_id for r in every)  # every article on exactly one page
    last = library.view(offset)
    assert all(a.published is None for a in last.page.articles[-5:])  # undated articles come last
    assert f"Showing {offset + 1:,}–{len(every):,} of {len(every):,} articles" in last.table_html()
    # a page past the end (the library shrank under it) shows the last page
    assert library.view(len(every) + 3 * PAGE).page.offset == offset


def test_the_filter_finds_articles_by_any_piece_of_title_or_publisher_in_any_case(library_copy: Path) -> None:
    from rag.assistant import Assistant
    from ui.library import LibraryController

    every = _all_articles(library_copy)
    library = LibraryController(Assistant.from_settings(make_settings(library_copy)), page_size=PAGE)

    def expected(piece: str) -> set[str]:
        return {r.article_id for r in every if piece.lower() in r.title.lower() or piece.lower() in r.source.lower()}

    by_publisher = library.view(0, "  HARBOUR   gazette ")
    assert by_publisher.contains == "HARBOUR gazette"
    assert by_publisher.page.matching == len(expected(PUBLISHERS[1])) > PAGE
    assert {a.source for a in by_publisher.page.articles} == {PUBLISHERS[1]}
    by_title = library.view(0, "Report 17")  # report 17, and 170 to 179
    assert {a.article_id for a in by_title.page.articles} == expected("report 17") and by_title.page.matching == 11
    assert "11 of 1,004 articles match “Report 17”" in by_title.table_html()
    assert library.view(0, "report 17 on").page.matching == 1
    one = library.view(0, "Tamsin valley")  # an ingested article, by a piece of its title
    assert [a.title for a in one.page.articles] == ["Cider makers form a cooperative in the Tamsin valley"]
    # characters that mean something in a regular expression are matched as they are
    for piece in ("report 1.", "c++", "report [1]", "(", "a|b", "\\", "^Harlow"):
        assert {a.article_id for a in library.view(0, piece).page.articles} == expected(piece)
    none = library.view(0, "Zanzibar")
    assert none.page.matching == 0 and none.choices() == []
    assert "No title or publisher contains “Zanzibar” (1,004 articles indexed)" in none.table_html()


def test_replacing_lists_the_uploads_the_filter_matches(library_copy: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant
    from ui.library import LibraryController

    library = LibraryController(Assistant.from_settings(make_settings(library_copy)), page_size=PAGE)
    assert library.replace_choices() == []
    path = tmp_path / "ferry.md"
    path.write_text(FERRY_MD, encoding="utf-8")
    (uploaded,) = library.upload([str(path)]).added
    assert library.replace_choices() == [("Kellin ferry adds a winter crossing (ferry.md)", uploaded)]
    assert library.replace_choices("courier") == [("Kellin ferry adds a winter crossing (ferry.md)", uploaded)]
    assert library.replace_choices("council report") == []
    assert library.view(0, "kellin").choices() == [
        ("Kellin ferry adds a winter crossing (Kellin Island Courier, 2026-11-02)", uploaded)
    ]
