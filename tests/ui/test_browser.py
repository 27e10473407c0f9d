"""The UI in a real browser: Playwright driving Debian's chromium against the launched app.

Covers what a newcomer does: ask, click [1] and see the quote highlighted,
open the article, ask a follow-up, reload, upload an article and ask about
it, rate an answer; and that an article full of markup stays inert and that
the page loads nothing from outside the app. Screenshots go to
tests/_artifacts/screenshots/; the chat one is copied to
docs/screenshots/chat.png when that file is missing or
SOURCED_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.ui.conftest import ARTIFACTS, README_QUESTION, RunningApp

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking switches chromium phones home, and the network is closed here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ARTIFACTS / "screenshots"
README_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "chat.png"
ANSWER_TIMEOUT_MS = 60_000

FERRY_MD = """---
title: Portmere harbour approves evening ferries
publisher: Portmere Gazette
date: 2025-06-12
---
The Portmere harbour council approved three evening ferry crossings to Kellin Island on Tuesday.
Councillor Ada Brennan said the crossings would cost 40,000 pounds a year, paid from mooring fees.
The first evening ferry leaves Portmere at 21:15 on 1 July.
"""
XSS_TITLE = 'Harbour <img src=x onerror="window.__xss=2"> council report'
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_TXT = f"""{XSS_TITLE}

The harbour council of Westfold met on Monday to discuss the lighthouse repairs.
A resident wrote to the council: {XSS_SCRIPT} and asked for the lighthouse to be repainted red.
The council agreed to repaint the lighthouse before the winter storms.
"""


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must `apt-get install -y chromium`.")
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install -y chromium).")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any, running_app: RunningApp) -> Iterator[Any]:
    """A fresh browser profile (empty localStorage) on the app; fails if the page reached outside the app."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(20_000)
    opened = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    local = (running_app.url, "data:", "blob:")
    opened.on("request", lambda request: None if request.url.startswith(local) else outside.append(request.url))
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(running_app.url)
    opened.wait_for_selector("#question textarea")
    yield opened
    context.close()
    assert outside == [], f"the page fetched from outside the app: {outside}"
    assert errors == [], f"JavaScript errors on the page: {errors}"


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def ask(page: Any, question: str) -> Any:
    """Ask in the chat box; returns the new answer's turn once it has arrived."""
    from playwright.sync_api import expect

    turns = page.locator("#transcript .turn[data-turn]")
    before = turns.count()
    page.fill("#question textarea", question)
    page.click("#ask")
    expect(turns).to_have_count(before + 1, timeout=ANSWER_TIMEOUT_MS)
    turn = turns.nth(before)
    expect(turn.locator(".question")).to_contain_text(question)
    return turn


def open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def upload(page: Any, path: Path) -> Any:
    from playwright.sync_api import expect

    open_tab(page, "Library")
    page.set_input_files("#upload input[type=file]", str(path))
    status = page.locator("#upload-status .status")
    expect(status.first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
    return status


@pytest.fixture()
def uploaded(running_app: RunningApp) -> Iterator[list[str]]:
    """Names of the files a test uploads; their articles are removed afterwards so the other tests see
    the sample corpus only."""
    names: list[str] = []
    yield names
    assistant = running_app.assistant
    for article in assistant.articles():
        if Path(article.path).name in names and Path(article.path).parent.name == "uploads":
            assistant.delete_article(article.article_id)


def test_answer_marker_opens_the_source_with_the_quote_highlighted(page: Any, running_app: RunningApp) -> None:
    from playwright.sync_api import expect

    answer = running_app.assistant.ask(README_QUESTION)
    expected = answer.citations[0]
    turn = ask(page, README_QUESTION)
    expect(turn.locator(".answer")).to_contain_text("goals in Ukraine")
    assert turn.locator("button.cite").count() >= 1

    turn.locator("button.cite[data-n='1']").first.click()

    source = page.locator("#sources details.source.active[data-n='1']")
    expect(source).to_have_attribute("open", "")
    expect(source.locator("summary")).to_contain_text(expected.title)
    expect(source.locator("summary")).to_contain_text("RFE/RL · 2025-07-03")
    assert expected.relevance == "answers"
    # an extractive citation says whether it answers the question; relevance is its retrieval rank, not a score
    expect(source.locator(".support")).to_have_text("answers the question")
    rank = next(i for i, p in enumerate(answer.retrieved, start=1) if p.passage_id == expected.passage_id)
    expect(source.locator(".rank")).to_have_text(f"rank {rank} of {len(answer.retrieved)}")
    quote = source.locator("mark.quote")
    expect(quote).to_have_text(expected.quote)
    expect(quote).to_be_in_viewport()
    # The quote sits inside the rest of its passage.
    expect(source.locator("blockquote.passage-text")).to_have_text(expected.text)
    path = screenshot(page, "chat")
    if os.environ.get("SOURCED_UPDATE_SCREENSHOTS") == "1" or not README_SCREENSHOT.exists():
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SCREENSHOT)


def test_open_article_shows_it_whole_scrolled_to_the_quote_and_the_trace(page: Any, running_app: RunningApp) -> None:
    from playwright.sync_api import expect

    expected = running_app.assistant.ask(README_QUESTION).citations[0]
    article = running_app.assistant.article(expected.article_id)
    turn = ask(page, README_QUESTION)
    turn.locator("button.cite[data-n='1']").first.click()
    page.locator("#sources details.source.active button.open-article").click()

    viewer = page.locator("#article-view")
    expect(viewer.locator(".article-head")).to_contain_text("Source [1]")
    expect(viewer.locator(".article-text")).to_have_text(article.text)
    expect(viewer.locator("mark.quote")).to_have_text(expected.quote)
    expect(viewer.locator("mark.quote")).to_be_in_viewport()
    assert viewer.locator(".passage").count() >= 1

    page.locator("#trace-panel").get_by_text("Retrieval trace").click()
    answer = running_app.assistant.ask(README_QUESTION)
    hits = page.locator("#trace li.hit")
    expect(hits.first).to_be_visible()
    assert hits.count() == len(answer.retrieved)
    cited = " ".join(page.locator("#trace li.hit.cited .cited-by").all_inner_texts()).replace("cited as", "")
    assert sorted(cited.split()) == sorted(f"[{c.n}]" for c in answer.citations)
    top = answer.retrieved[0]
    expect(hits.first.locator(".rank")).to_have_text(f"rank 1 of {len(answer.retrieved)}")
    expect(hits.first.locator(".ranks")).to_have_text(
        f"fused {top.fused_rank} · BM25 {top.bm25_rank or '—'} · vector {top.dense_rank or '—'}"
    )
    screenshot(page, "article")


def test_open_article_scrolls_a_quote_from_the_end_of_a_long_article_into_view(
    page: Any, running_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    question = "What did Wadephul say Germany would do if Russia did not accept a ceasefire?"
    expected = running_app.assistant.ask(question).citations[0]
    article = running_app.assistant.article(expected.article_id)
    assert expected.start > 0.8 * len(article.text), "the quote must lie deep in its article for this test"
    turn = ask(page, question)
    turn.locator("button.cite[data-n='1']").first.click()
    page.locator("#sources details.source.active button.open-article").click()

    quote = page.locator("#article-view mark.quote")
    expect(quote).to_have_text(expected.quote)
    expect(quote).to_be_in_viewport()
    scrolled = page.evaluate(
        """() => {
          let total = window.scrollY;
          for (let el = document.querySelector('#article-view mark.quote'); el; el = el.parentElement) {
            total += el.scrollTop;
          }
          return total;
        }"""
    )
    assert scrolled > 0, "the article view was scrolled to the quote"
    expect(page.locator("#article-view .article-text")).not_to_be_in_viewport(ratio=1.0)


def test_follow_up_shows_what_was_searched_and_each_answer_keeps_its_sources(
    page: Any, running_app: RunningApp
) -> None:
    from playwright.sync_api import expect

    first_question = "How long did the July 3 call last?"
    first_quote = running_app.assistant.ask(first_question).citations[0].quote
    first = ask(page, first_question)
    second = ask(page, "What did they say about Iran?")
    # "they" is resolved to the people of the earlier turns, and the card says what was searched
    expect(second.locator(".searched")).to_contain_text("Searched for: What did ")
    expect(second.locator(".searched")).to_contain_text("Trump")
    expect(second.locator("button.cite").first).to_be_visible()
    expect(first.locator(".searched")).to_have_count(0)

    # Scrolling back: the first answer's marker opens the first answer's source.
    first.locator("button.cite[data-n='1']").first.click()
    expect(page.locator("#sources .sources-head")).to_contain_text(first_question)
    expect(page.locator("#sources .source.active mark.quote")).to_have_text(first_quote)
    expect(first).to_have_class("turn selected")
    screenshot(page, "follow-up")


def test_copy_puts_the_answer_and_its_sources_on_the_clipboard(page: Any, running_app: RunningApp) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=running_app.url)
    turn = ask(page, README_QUESTION)
    turn.locator("button.copy").click()
    expect(turn.locator("button.copy")).to_have_text("Copied")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    answer, sources = copied.split("\n\nSources:\n\n")
    assert answer == turn.locator(".answer").inner_text().strip() and "[1]" in answer
    assert sources.startswith("1. *")


def test_reloading_the_page_keeps_every_answer_with_its_sources(page: Any, running_app: RunningApp) -> None:
    from playwright.sync_api import expect

    expected = running_app.assistant.ask(README_QUESTION).citations[0]
    ask(page, README_QUESTION)
    page.reload()
    page.wait_for_selector("#question textarea")
    turns = page.locator("#transcript .turn[data-turn]")
    expect(turns).to_have_count(1)
    turns.first.locator("button.cite[data-n='1']").first.click()  # each sentence of a passage carries its marker
    expect(page.locator("#sources .source.active mark.quote")).to_have_text(expected.quote)


def test_uploaded_article_can_be_asked_about_at_once_then_deleted(
    page: Any, tmp_path: Path, uploaded: list[str]
) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "portmere-ferries.md"
    path.write_text(FERRY_MD, encoding="utf-8")
    uploaded.append(path.name)
    status = upload(page, path)
    expect(status).to_contain_text("Added “Portmere harbour approves evening ferries”", timeout=ANSWER_TIMEOUT_MS)  # an ingest
    expect(page.locator("#library-table")).to_contain_text("Portmere Gazette")
    expect(page.locator("#library-table")).to_contain_text("2025-06-12")

    open_tab(page, "Chat")
    turn = ask(page, "When does the first evening ferry leave Portmere?")
    expect(turn.locator(".answer")).to_contain_text("21:15")
    expect(page.locator("#sources")).to_contain_text("Portmere Gazette")
    screenshot(page, "upload-answer")

    open_tab(page, "Library")
    page.locator("#delete-choice input").click()
    page.get_by_role("option", name="Portmere harbour approves evening ferries (Portmere Gazette, 2025-06-12)").click()
    page.click("#delete")
    expect(page.locator("#delete-status")).to_contain_text("Deleted “Portmere harbour approves evening ferries”")
    expect(page.locator("#library-table")).not_to_contain_text("Portmere Gazette")
    # The answer already given keeps its sources.
    open_tab(page, "Chat")
    turn.locator("button.cite").first.click()
    expect(page.locator("#sources .source.active")).to_contain_text("Portmere Gazette")


def _field(page: Any, elem_id: str) -> Any:
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


def test_an_articles_publisher_and_date_are_edited_in_the_library_tab(
    page: Any, running_app: RunningApp, tmp_path: Path, uploaded: list[str]
) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "portmere-ferries.md"
    path.write_text(FERRY_MD, encoding="utf-8")
    uploaded.append(path.name)
    # an ingest: it can take more than the default 5 s on a loaded machine
    expect(upload(page, path)).to_contain_text("Added “Portmere harbour approves evening ferries”", timeout=ANSWER_TIMEOUT_MS)

    page.locator("#edit-choice input").click()
    page.get_by_role("option", name="Portmere harbour approves evening ferries (Portmere Gazette, 2025-06-12)").click()
    expect(_field(page, "edit-publisher")).to_have_value("Portmere Gazette")  # the form shows what is stored
    expect(_field(page, "edit-date")).to_have_value("2025-06-12")

    # a date that reads two ways is refused in one sentence, and nothing changes
    _field(page, "edit-date").fill("06/12/2025")
    page.click("#save-edit")
    expect(page.locator("#edit-status")).to_contain_text("YYYY-MM-DD")
    expect(page.locator("#library-table")).to_contain_text("2025-06-12")

    _field(page, "edit-publisher").fill("Kellin Island Courier")
    _field(page, "edit-date").fill("13 June 2025")
    page.click("#save-edit")
    expect(page.locator("#edit-status")).to_contain_text("Saved “Portmere harbour approves evening ferries”")
    row = page.locator("#library-table tr", has_text="Portmere harbour approves evening ferries")
    expect(row).to_contain_text("Kellin Island Courier")
    expect(row).to_contain_text("2025-06-13")
    expect(row).not_to_contain_text("Portmere Gazette")
    expect(_field(page, "edit-date")).to_have_value("2025-06-13")  # the form shows the date as stored
    screenshot(page, "library-edit")

    manifest = json.loads((running_app.data_dir / "uploads" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["articles"][path.name] == {"publisher": "Kellin Island Courier", "published": "2025-06-13"}


def _dues(folder: Path, name: str, title: str, percent: int) -> Path:
    folder.mkdir()
    path = folder / name
    path.write_text(f"---\ntitle: {title}\n---\nPortmere harbour dues will rise by {percent} percent, the board said.\n",
                    encoding="utf-8")
    return path


def test_an_upload_replaces_an_uploaded_article_only_when_one_is_chosen(
    page: Any, tmp_path: Path, uploaded: list[str]
) -> None:
    from playwright.sync_api import expect

    uploaded.extend(["Порт.md", "Порт (2).md"])
    rows = page.locator("#library-table tbody tr")
    status = upload(page, _dues(tmp_path / "one", "Порт.md", "Harbour dues rise", 4))
    expect(status).to_contain_text("Added “Harbour dues rise”", timeout=ANSWER_TIMEOUT_MS)  # an ingest
    expect(rows).to_have_count(6)
    # the same name again, nothing chosen: a second article beside the first
    page.set_input_files("#upload input[type=file]", str(_dues(tmp_path / "two", "Порт.md", "Harbour dues rise again", 6)))
    expect(status).to_contain_text("Added “Harbour dues rise again”", timeout=ANSWER_TIMEOUT_MS)  # an ingest
    expect(rows).to_have_count(7)

    page.locator("#replace-choice input").click()
    page.get_by_role("option", name="Harbour dues rise (Порт.md)").click()
    page.set_input_files("#upload input[type=file]", str(_dues(tmp_path / "three", "dues.md", "Harbour dues corrected", 5)))
    expect(status).to_contain_text("Replaced “Harbour dues rise” with “Harbour dues corrected”")
    expect(rows).to_have_count(7)
    expect(page.locator("#library-table")).to_contain_text("Harbour dues corrected")
    expect(page.locator("#library-table")).to_contain_text("Harbour dues rise again")
    expect(page.locator("#replace-choice input")).to_have_value("")  # each replace is chosen anew


def test_other_file_types_and_oversize_files_are_refused_with_a_clear_message(page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x90\x00" + bytes(64))
    open_tab(page, "Library")
    # The page refuses another type before sending it (the server would too: see test_app_api).
    page.set_input_files("#upload input[type=file]", str(exe))
    expect(page.locator(".toast-body")).to_contain_text("Invalid file type: setup.exe. Only .txt, .md")

    big = tmp_path / "huge-report.txt"
    big.write_text("The harbour report goes on. " * 370_000, encoding="utf-8")  # 10.4 MB, over the 10 MB default
    status = upload(page, big)
    expect(status).to_contain_text("huge-report.txt was refused: it is 10.4 MB and the limit is 10 MB")
    expect(page.locator("#library-table")).not_to_contain_text("setup")
    expect(page.locator("#library-table")).not_to_contain_text("huge")


def test_article_with_markup_stays_inert_text(page: Any, tmp_path: Path, uploaded: list[str]) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "westfold-lighthouse.txt"
    path.write_text(XSS_TXT, encoding="utf-8")
    uploaded.append(path.name)
    status = upload(page, path)
    expect(status).to_contain_text(f"Added “{XSS_TITLE}”")
    expect(page.locator("#library-table")).to_contain_text(XSS_TITLE)

    open_tab(page, "Chat")
    turn = ask(page, "What did a resident write to the council about the lighthouse?")
    expect(turn.locator(".answer")).to_contain_text(XSS_SCRIPT)
    turn.locator("button.cite").first.click()
    source = page.locator("#sources .source.active")
    expect(source.locator("summary")).to_contain_text(XSS_TITLE)
    expect(source.locator("mark.quote")).to_contain_text(XSS_SCRIPT)
    source.locator("button.open-article").click()
    expect(page.locator("#article-view .article-head")).to_contain_text(XSS_TITLE)
    expect(page.locator("#article-view mark.quote")).to_contain_text(XSS_SCRIPT)

    assert page.evaluate("() => window.__xss") is None
    for region in ("#transcript", "#sources", "#article-view", "#library-table", "#upload-status"):
        assert page.locator(f"{region} img, {region} script").count() == 0, region
    screenshot(page, "xss-inert")


def test_rating_an_answer_appends_feedback_and_new_chat_clears(page: Any, running_app: RunningApp) -> None:
    from playwright.sync_api import expect

    feedback = running_app.data_dir / "feedback.jsonl"
    before = feedback.read_text(encoding="utf-8").splitlines() if feedback.exists() else []
    turn = ask(page, README_QUESTION)
    page.fill("#feedback-comment textarea", "It leaves out the root causes.")
    turn.locator("button.rate.down").click()
    expect(page.locator("#chat-status")).to_contain_text("your thumbs down")
    expect(turn.locator(".toolbar")).to_have_class("toolbar rated-down")
    expect(page.locator("#feedback-comment textarea")).to_have_value("")

    lines = feedback.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(before) + 1
    entry = json.loads(lines[-1])
    assert entry["rating"] == "down" and entry["comment"] == "It leaves out the root causes."
    assert entry["question"] == README_QUESTION and entry["citations"][0]["n"] == 1
    assert entry["settings"]["mode"] == "extractive" and entry["settings"]["top_k"] == 5

    page.click("#retry")
    # the rated answer is replaced by a new one (unrated), not joined by a second
    expect(page.locator("#transcript .turn[data-turn] .toolbar.rated-down")).to_have_count(0, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator("#transcript .turn[data-turn]")).to_have_count(1)
    page.click("#new-chat")
    expect(page.locator("#transcript .turn")).to_have_count(0)
    page.reload()
    page.wait_for_selector("#question textarea")
    expect(page.locator("#transcript .transcript.empty")).to_be_visible()


def test_settings_explain_why_llm_mode_is_unavailable(page: Any) -> None:
    from playwright.sync_api import expect

    page.locator("#settings").get_by_text("Settings").click()
    mode = page.locator("#mode")
    expect(mode).to_contain_text("LLM mode needs an endpoint")
    expect(mode.get_by_label("LLM (not configured)")).to_be_disabled()
    expect(mode.get_by_label("Extractive (offline)")).to_be_checked()


def test_the_footer_of_rag_serve_has_no_second_settings(browser: Any, running_app: RunningApp) -> None:
    """`rag serve` launches with launch_options: its footer must agree with SourcedBlocks' (ui/README)."""
    from playwright.sync_api import expect

    from tests.ui.conftest import _wait_until_served, free_port
    from ui.app import build_app
    from ui.launch import launch_options

    app = build_app(running_app.assistant)
    app.queue()
    options = {**launch_options(running_app.assistant.settings), "server_name": "127.0.0.1",
               "server_port": free_port()}
    _, url, _ = app.launch(prevent_thread_lock=True, _frontend=False, **options)
    try:
        _wait_until_served(url)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#question textarea")
        footer = page.locator("footer")
        expect(footer).to_contain_text("Use via API")
        expect(footer).to_contain_text("Gradio")
        # before: gradio's own "Settings" link, a second one beside the app's Settings panel
        expect(footer).not_to_contain_text("Settings")
        expect(page.get_by_text("Settings", exact=True)).to_have_count(1)
        context.close()
    finally:
        app.close()
