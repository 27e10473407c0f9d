"""The Library tab's pages and filter in a real browser (Playwright driving Debian's chromium).

The app lists two articles a page (RAG_UI_LIBRARY_PAGE=2) over a copy of the
sample store (five articles): the buttons turn the pages, the filter box finds
articles by a piece of their title or publisher, and the delete and edit pickers
follow what the table shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.ui.conftest import RunningApp, launch_app, private_store
from tests.ui.test_browser import ANSWER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, _require_chromium, open_tab, screenshot


@pytest.fixture(scope="module")
def paged_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "browser-library"), ui_library_page=2)
    try:
        yield running
    finally:
        app.close()


@pytest.fixture()
def page(paged_app: RunningApp) -> Iterator[Any]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(20_000)
        opened = context.new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.goto(paged_app.url)
        opened.wait_for_selector("#question textarea")
        yield opened
        browser.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def _options(page: Any, picker: str) -> list[str]:
    """The entries a picker offers (opened, read, closed again)."""
    page.locator(f"#{picker} input").click()
    options = page.get_by_role("option")
    options.first.wait_for()
    names = [text.strip() for text in options.all_inner_texts()]
    page.keyboard.press("Escape")
    return names


def test_the_library_is_shown_a_page_at_a_time_and_filtered_by_title_or_publisher(page: Any) -> None:
    from playwright.sync_api import expect

    open_tab(page, "Library")
    head = page.locator("#library-table .library-head")
    rows = page.locator("#library-table tbody tr")
    newer, older = page.locator("#library-prev"), page.locator("#library-next")
    expect(head).to_have_text("Showing 1–2 of 5 articles, newest first")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("2025-07-20")  # the newest article first
    expect(newer).to_be_disabled()
    assert len(_options(page, "delete-choice")) == 2

    older.click()
    expect(head).to_have_text("Showing 3–4 of 5 articles, newest first")
    expect(newer).to_be_enabled()
    older.click()
    expect(head).to_have_text("Showing 5–5 of 5 articles, newest first")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("2025-05-20")  # the oldest last
    expect(older).to_be_disabled()
    assert _options(page, "delete-choice") == [
        "Trump claims progress in two-hour call with Putin, repeats threat to walk away from peace efforts "
        "(The Independent, 2025-05-20)"
    ]
    screenshot(page, "library-last-page")

    box = page.locator("#library-filter textarea, #library-filter input").first
    box.fill("ASSOCIATED press")
    expect(head).to_have_text("1 of 5 articles matches “ASSOCIATED press”")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Putin And Trump Discuss Iran And Ukraine In Phone Call")
    expect(older).to_be_disabled()
    assert _options(page, "edit-choice") == [
        "Putin And Trump Discuss Iran And Ukraine In Phone Call, Kremlin Official Says (Associated Press, 2025-07-03)"
    ]
    box.fill("kremlin")  # two titles say it: one page
    expect(head).to_have_text("2 of 5 articles match “kremlin”")
    box.fill("Zanzibar")
    expect(head).to_have_text("No title or publisher contains “Zanzibar” (5 articles indexed)")
    expect(rows).to_have_count(0)
    box.fill("")
    expect(head).to_have_text("Showing 1–2 of 5 articles, newest first")
    screenshot(page, "library-filter")


def test_an_article_found_by_the_filter_is_edited_and_stays_chosen_when_the_filter_loses_it(
    page: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    from tests.ui.test_browser import FERRY_MD, upload

    path = tmp_path / "portmere-ferries.md"
    path.write_text(FERRY_MD, encoding="utf-8")
    # an ingest: it can take more than the default 5 s on a loaded machine
    expect(upload(page, path)).to_contain_text("Added “Portmere harbour approves evening ferries”", timeout=ANSWER_TIMEOUT_MS)
    head = page.locator("#library-table .library-head")
    expect(head).to_have_text("Showing 1–2 of 6 articles, newest first")
    box = page.locator("#library-filter textarea, #library-filter input").first
    box.fill("portmere GAZETTE")
    expect(head).to_have_text("1 of 6 articles matches “portmere GAZETTE”")
    assert _options(page, "replace-choice") == ["Portmere harbour approves evening ferries (portmere-ferries.md)"]
    page.locator("#edit-choice input").click()
    page.get_by_role("option", name="Portmere harbour approves evening ferries (Portmere Gazette, 2025-06-12)").click()
    publisher = page.locator("#edit-publisher textarea, #edit-publisher input").first
    expect(publisher).to_have_value("Portmere Gazette")
    publisher.fill("Kellin Island Courier")
    page.click("#save-edit")
    expect(page.locator("#edit-status")).to_contain_text("Saved “Portmere harbour approves evening ferries”")
    # no longer matched by the filter, the article stays chosen in the form
    expect(head).to_have_text("No title or publisher contains “portmere GAZETTE” (6 articles indexed)")
    expect(page.locator("#edit-choice input")).to_have_value(
        "Portmere harbour approves evening ferries (Kellin Island Courier, 2025-06-12)"
    )
    box.fill("kellin island")
    expect(page.locator("#library-table tbody tr")).to_have_count(1)
    expect(page.locator("#library-table tbody tr")).to_contain_text("Kellin Island Courier")
