"""Reading and checking answers in a real browser, on a desktop (1400x1000) and a phone-sized (390x844) window.

What a reader does every day: copy an answer with its sources, open a source
from a marker (on a phone, under the answer, with a way back), read the
retrieval trace, see which filters an answer was searched with, find one
Settings, read relevance as a rank, and start from example questions about
their own library. Screenshots go to tests/_artifacts/screenshots/*-wide.png
and *-phone.png.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from rag.models import CANNOT_ANSWER
from tests.ui.conftest import RunningApp, launch_app, private_store
from tests.ui.test_browser import (  # noqa: F401  (browser: a fixture)
    ANSWER_TIMEOUT_MS,
    ask,
    browser,
    open_tab,
    screenshot,
    upload,
)

VIEWPORTS = {"wide": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
TWO_SOURCES = "What did Putin and Trump discuss besides Ukraine?"  # the sample corpus answers it from two passages
KILN_MD = """---
title: Glassworks reopens its old kiln in Thornby
publisher: Thornby Record
date: 2027-02-01
---
The Thornby glassworks lit its restored kiln on Monday after eight years of repairs.
Works manager Oriel Vantongeren said the kiln would fire glass for the town's new library windows.
"""


@pytest.fixture(scope="module")
def own_app(own_library_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The app over a library of articles written for the tests (tests/ui/library), not the sample."""
    app, running = launch_app(private_store(own_library_data_dir, tmp_path_factory, "own-ui-store"))
    try:
        yield running
    finally:
        app.close()


@pytest.fixture(params=list(VIEWPORTS))
def size(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _open(browser: Any, app: RunningApp, size: str) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORTS[size])
    context.set_default_timeout(20_000)
    opened = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    local = (app.url, "data:", "blob:")
    opened.on("request", lambda request: None if request.url.startswith(local) else outside.append(request.url))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(app.url)
    opened.wait_for_selector("#question textarea")
    yield opened
    context.close()
    assert outside == [], f"the page fetched from outside the app: {outside}"
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture()
def sample_page(browser: Any, running_app: RunningApp, size: str) -> Iterator[Any]:
    yield from _open(browser, running_app, size)


@pytest.fixture()
def own_page(browser: Any, own_app: RunningApp, size: str) -> Iterator[Any]:
    yield from _open(browser, own_app, size)


def test_copy_puts_the_answer_with_a_numbered_markdown_source_list(own_page: Any, own_app: RunningApp, size: str) -> None:
    from playwright.sync_api import expect

    page = own_page
    question = "What did Marguerite Olsson say the barrier would protect?"
    expected = own_app.assistant.ask(question)
    citation = expected.citations[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=own_app.url)
    turn = ask(page, question)
    turn.locator("button.copy").click()
    expect(turn.locator("button.copy")).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    screenshot(page, f"copy-{size}")
    assert copied.startswith(turn.locator(".answer").inner_text().strip() + "\n\nSources:\n\n")
    assert (
        "1. *Saltmarsh council votes to build a tide barrier*, Elverton Courier, 2026-03-14, "
        "<https://courier.example/saltmarsh-barrier>\n"
    ) in copied
    assert f"   > {citation.quote.strip()}" in copied


def test_a_marker_opens_its_source_where_the_reader_is_with_a_way_back(
    sample_page: Any, running_app: RunningApp, size: str
) -> None:
    from playwright.sync_api import expect

    page = sample_page
    expected = running_app.assistant.ask(TWO_SOURCES)
    assert len(expected.citations) >= 2, "this test needs an answer with two sources"
    second = expected.citations[1]
    turn = ask(page, TWO_SOURCES)
    marker = turn.locator(".answer button.cite[data-n='2']").first
    marker.click()

    source = page.locator(".source.active[data-n='2']:visible")
    expect(source.locator("mark.quote")).to_have_text(second.quote)
    expect(source.locator("summary")).to_be_in_viewport()
    screenshot(page, f"source-{size}")
    if size == "wide":
        # beside the answer: the page did not move, the marker is still where it was
        expect(marker).to_be_in_viewport()
        expect(turn.locator(".inline-sources")).to_be_hidden()
        return
    # on a phone the source opens under its answer (after the sources listed before it)
    answer_box = turn.locator(".answer").bounding_box()
    source_box = source.bounding_box()
    gap = source_box["y"] - (answer_box["y"] + answer_box["height"])
    assert 0 <= gap < 400, f"the source is {gap:.0f} px below its answer"  # today: ~1,000 px, past the examples and settings
    expect(page.locator("#sources")).to_be_hidden()  # the panel far below is not shown twice
    source.locator("button.back").click()
    expect(marker).to_be_in_viewport()
    expect(marker).to_be_focused()
    screenshot(page, f"source-back-{size}")
    # the article opens far below on a phone: it has its own way back too
    marker.click()
    source.locator("button.open-article").click()
    expect(page.locator("#article-view mark.quote")).to_be_in_viewport()
    page.locator("#article-view button.back").click()
    expect(marker).to_be_in_viewport()


LONG_PASSAGE = "Who is Yury Ushakov?"  # its quote [1] lies below the first screenful of a long passage


def test_a_marker_scrolls_its_highlighted_quote_into_view_in_a_long_passage(
    sample_page: Any, running_app: RunningApp, size: str
) -> None:
    from playwright.sync_api import expect

    page = sample_page
    expected = running_app.assistant.ask(LONG_PASSAGE).citations[0]
    assert expected.start - expected.passage_start > 400, "this test needs a quote deep in its passage"
    turn = ask(page, LONG_PASSAGE)
    turn.locator(".answer button.cite[data-n='1']").first.click()

    quote = page.locator(".source.active[data-n='1']:visible mark.quote")
    expect(quote).to_have_text(expected.quote)
    # before: the source opened at its top and the quote stayed below the visible part of the panel
    expect(quote).to_be_in_viewport()
    screenshot(page, f"long-passage-{size}")


def _characters_per_line(locator: Any) -> float:
    return float(
        locator.evaluate(
            """(el) => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              return el.textContent.length / Math.max(lines.size, 1);
            }"""
        )
    )


def test_the_trace_shows_passages_at_a_readable_width(sample_page: Any, running_app: RunningApp, size: str) -> None:
    from playwright.sync_api import expect

    from tests.ui.conftest import README_QUESTION

    page = sample_page
    ask(page, README_QUESTION)
    page.locator("#trace-panel").get_by_text("Retrieval trace").click()
    snippets = page.locator("#trace .snippet")
    expect(snippets.first).to_be_visible()
    panel = page.locator("#trace").bounding_box()
    for i in range(min(3, snippets.count())):
        snippet = snippets.nth(i)
        snippet.scroll_into_view_if_needed()
        width = snippet.bounding_box()["width"]
        assert width >= 0.8 * panel["width"], f"passage {i + 1} is {width:.0f} px wide in a {panel['width']:.0f} px panel"
        assert _characters_per_line(snippet) >= 30
    snippets.first.scroll_into_view_if_needed()
    screenshot(page, f"trace-{size}")


def _choose_filters(page: Any, publisher: str, date_from: str) -> None:
    page.locator("#settings").get_by_text("Settings").first.click()
    page.locator("#publishers input").click()
    page.get_by_role("option", name=publisher).click()
    page.keyboard.press("Escape")
    page.locator("#date-from textarea, #date-from input").first.fill(date_from)


def test_each_answer_shows_the_filters_it_was_searched_with(own_page: Any, size: str) -> None:
    from playwright.sync_api import expect

    page = own_page
    _choose_filters(page, "Elverton Courier", "2026-03-01")
    shown = "Elverton Courier · from 2026-03-01"
    # the filters in force show while the panel is closed, too
    expect(page.locator("#settings")).to_contain_text(f"Settings · filtered: {shown}")
    filtered = ask(page, "What did Marguerite Olsson say the barrier would protect?")
    expect(filtered.locator(".filters")).to_have_text(f"Filtered: {shown}")
    expect(filtered.locator(".answer button.cite")).to_have_count(1)
    screenshot(page, f"filters-{size}")

    page.locator("#publishers input").click()
    page.keyboard.press("Backspace")  # removes the chosen publisher
    page.keyboard.press("Escape")
    page.locator("#date-from textarea, #date-from input").first.fill("")
    expect(page.locator("#settings")).not_to_contain_text("filtered")
    unfiltered = ask(page, "What did Priya Anand say?")
    expect(unfiltered.locator(".filters")).to_have_count(0)
    expect(filtered.locator(".filters")).to_have_text(f"Filtered: {shown}")  # each answer keeps its own


def test_one_settings_and_relevance_as_a_rank_never_green_on_a_refusal(
    sample_page: Any, running_app: RunningApp, size: str
) -> None:
    from playwright.sync_api import expect

    page = sample_page
    expect(page.get_by_text("Settings", exact=True)).to_have_count(1)
    expected = running_app.assistant.ask(TWO_SOURCES)
    turn = ask(page, TWO_SOURCES)
    turn.locator(".answer button.cite[data-n='1']").first.click()
    source = page.locator(".source.active[data-n='1']:visible")
    total = len(expected.retrieved)
    expect(source.locator(".rank")).to_have_text(f"rank 1 of {total}")
    assert source.locator(".rank .fill").bounding_box()["width"] > 0
    expect(source.locator(".verdict")).not_to_contain_text("score")
    badges = {"answers": "answers the question", "related": "related"}
    expect(source.locator(".support")).to_have_text(badges[expected.citations[0].relevance or "related"])
    screenshot(page, f"rank-{size}")

    refused = ask(page, "What colour is the harbour lighthouse in Westfold?")
    expect(refused.locator(".answer")).to_have_text(CANNOT_ANSWER)
    refused.click()
    assert page.locator(".support.answers:visible, .support.supported:visible").count() == 0


def test_examples_come_from_the_library_and_follow_uploads_and_deletes(
    own_page: Any, own_app: RunningApp, size: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = own_page
    examples = page.locator("#examples button.example")
    expect(examples.first).to_be_visible()
    texts = examples.all_inner_texts()
    assert texts and all(any(name in t for name in ("Olsson", "Anand", "Bellweather", "Quayle", "Renwick")) for t in texts)
    assert not any(name in " ".join(texts) for name in ("Putin", "Trump", "Ukraine", "Kremlin"))
    examples.first.click()
    expect(page.locator("#question textarea")).to_have_value(texts[0])
    screenshot(page, f"examples-{size}")

    path = tmp_path / f"kiln-{size}.md"
    path.write_text(KILN_MD, encoding="utf-8")
    # an ingest: it can take more than the default 5 s on a loaded machine
    expect(upload(page, path)).to_contain_text("Added “Glassworks reopens its old kiln in Thornby”", timeout=ANSWER_TIMEOUT_MS)
    try:
        open_tab(page, "Chat")
        expect(examples.first).to_have_text("What did Oriel Vantongeren say?", timeout=ANSWER_TIMEOUT_MS)
        open_tab(page, "Library")
        page.locator("#delete-choice input").click()
        page.get_by_role("option", name="Glassworks reopens its old kiln in Thornby (Thornby Record, 2027-02-01)").click()
        page.click("#delete")
        expect(page.locator("#delete-status")).to_contain_text("Deleted")
        open_tab(page, "Chat")
        expect(examples).to_have_text(texts)
    finally:
        assistant = own_app.assistant
        for article in assistant.articles():
            if Path(article.path).name == path.name:
                assistant.delete_article(article.article_id)


LONG_WORD = "https://example.org/" + "verylongpathsegment" * 21  # 419 characters without a space
LONG_WORD_MD = f"""---
title: Drelmoor library reopens
publisher: Drelmoor Tribune
date: 2027-03-02
---
The Drelmoor library reopened on Friday after a roof repair costing 80,000 crowns.
Librarian Oska Renn said the full report on the repair is at {LONG_WORD} for anyone to read.
"""
# Elements whose text must stay inside their card (a long word wraps: overflow-wrap).
WRAPPING = "#transcript .answer, #transcript .question, .source blockquote.passage-text, #article-view .article-text"


def _overflowing(page: Any) -> list[str]:
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
             .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
             .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)""",
        WRAPPING,
    )


def test_a_long_unbroken_word_wraps_inside_the_answer_the_source_and_the_article(
    own_page: Any, own_app: RunningApp, size: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = own_page
    path = tmp_path / f"long-word-{size}.md"
    path.write_text(LONG_WORD_MD, encoding="utf-8")
    expect(upload(page, path)).to_contain_text("Added “Drelmoor library reopens”", timeout=ANSWER_TIMEOUT_MS)
    try:
        open_tab(page, "Chat")
        turn = ask(page, "What did librarian Oska Renn say about the full report?")
        expect(turn.locator(".answer")).to_contain_text("verylongpathsegment")
        turn.locator(".answer button.cite[data-n='1']").first.click()
        expect(page.locator(".source.active:visible mark.quote")).to_contain_text("verylongpathsegment")
        # before: the word ran ~3,000 px out of its card (and the page scrolled sideways on a phone)
        assert _overflowing(page) == []
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, f"long-word-{size}")
        page.locator(".source.active:visible button.open-article").click()
        expect(page.locator("#article-view mark.quote")).to_be_in_viewport()
        assert _overflowing(page) == []
    finally:
        assistant = own_app.assistant
        for article in assistant.articles():
            if Path(article.path).name == path.name:
                assistant.delete_article(article.article_id)


def test_the_newest_answers_toolbar_is_wholly_visible_when_it_arrives(
    sample_page: Any, running_app: RunningApp, size: str
) -> None:
    from playwright.sync_api import expect

    page = sample_page
    for question in ("Who is Yury Ushakov?", TWO_SOURCES, "What is the population of Brazil?"):
        turn = ask(page, question)
        # before: the transcript stopped 30-45 px short of the answer's final height (worst on a phone)
        expect(turn.locator(".toolbar button.copy")).to_be_in_viewport(ratio=1.0)
        expect(turn.locator(".toolbar")).to_be_in_viewport(ratio=1.0)
    screenshot(page, f"newest-toolbar-{size}")
