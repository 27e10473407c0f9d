"""Background uploads in a real browser (Playwright driving Debian's chromium).

The app embeds with tests/support/gated_encoder.py, so the test holds an upload
mid-ingest: the Library tab shows its progress ("Ingesting 1 of 3 files…"), a
reloaded page shows it again, and a question asked in the Chat tab meanwhile is
answered; the upload cannot have finished, as it waits at the gate the test
keeps shut. Once the gate opens, each file's result shows and the library list
refreshes by itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.support.gated_encoder import GatedEncoder
from tests.ui.conftest import README_QUESTION, RunningApp, launch_app, private_store
from tests.ui.test_background_uploads import DEPOT_MD, FERRY_MD, WELLS_MD, write
from tests.ui.test_browser import ANSWER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, _require_chromium, ask, open_tab, screenshot


@pytest.fixture(scope="module")
def gate() -> GatedEncoder:
    from index.embedder import MiniLMOnnxEncoder

    return GatedEncoder(MiniLMOnnxEncoder())


@pytest.fixture(scope="module")
def gated_app(sample_data_dir: Path, tmp_path_factory: pytest.TempPathFactory, gate: GatedEncoder) -> Iterator[RunningApp]:
    app, running = launch_app(private_store(sample_data_dir, tmp_path_factory, "browser-uploads"), encoder=gate)
    try:
        yield running
    finally:
        gate.open()
        app.close()


@pytest.fixture()
def page(gated_app: RunningApp) -> Iterator[Any]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(20_000)
        opened = context.new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.goto(gated_app.url)
        opened.wait_for_selector("#question textarea")
        yield opened
        browser.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def test_an_upload_shows_its_progress_while_questions_are_answered_then_each_files_result(
    page: Any, gated_app: RunningApp, gate: GatedEncoder, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    files = [write(tmp_path, "depot.md", DEPOT_MD), write(tmp_path, "wells.md", WELLS_MD),
             write(tmp_path, "ferry.md", FERRY_MD)]
    status = page.locator("#upload-status")
    table = page.locator("#library-table")
    gate.shut()
    try:
        open_tab(page, "Library")
        expect(table).to_contain_text("5 articles indexed")
        page.set_input_files("#upload input[type=file]", [str(f) for f in files])
        assert gate.entered.wait(60), "the upload never started embedding"
        # held at the gate: the page says how far the upload has got, and that asking goes on
        expect(status.locator(".status.progress")).to_contain_text("Ingesting 1 of 3 files…")
        expect(status).to_contain_text("You can keep asking questions in the Chat tab meanwhile.")
        screenshot(page, "upload-progress")

        # a page opened meanwhile shows the same progress
        page.reload()
        page.wait_for_selector("#question textarea")
        open_tab(page, "Library")
        expect(status.locator(".status.progress")).to_contain_text("Ingesting 1 of 3 files…")

        open_tab(page, "Chat")
        turn = ask(page, README_QUESTION)
        expect(turn.locator(".answer")).to_contain_text("goals in Ukraine")
        open_tab(page, "Library")
        expect(status.locator(".status.progress")).to_contain_text("Ingesting 1 of 3 files…")  # still held
        expect(table).to_contain_text("5 articles indexed")
    finally:
        gate.open()

    expect(status).to_contain_text("Added “Harrowgate tram depot to open in October”", timeout=ANSWER_TIMEOUT_MS)
    expect(status).to_contain_text("Added “Brackwater restores its village wells”", timeout=ANSWER_TIMEOUT_MS)  # an ingest
    expect(status).to_contain_text("Added “Kellin ferry adds a winter crossing”", timeout=ANSWER_TIMEOUT_MS)  # an ingest
    expect(status.locator(".status.progress")).to_have_count(0)
    # the library list refreshed by itself
    expect(table).to_contain_text("8 articles indexed")
    expect(table).to_contain_text("Harrowgate Courier")
    screenshot(page, "upload-done")
