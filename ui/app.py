"""`build_app(assistant)`: the Gradio chat UI, a thin adapter over the Python API. Launching is ui/launch.py's job.

Layout: a Chat tab (transcript, question box, settings; beside it the sources
of the selected answer, the article viewer and the retrieval trace) and a
Library tab (indexed articles, upload, delete). The logic lives in
ui/chat.py and ui/library.py; this module only lays out components and maps
events onto them.
"""

from __future__ import annotations

from typing import Any, Iterator

import gradio as gr

from rag.assistant import Assistant

from ui import render
from ui.answers import AnswerLedger
from ui.api import assistant_queue, register_api, speaks_plainly
from ui.chat import AskForm, ChatController, Screen
from ui.examples import ExampleQuestions
from ui.library import ArticleDetails, LibraryController, progress_sentence
from ui.rest import rest_routes
from ui.scripts import ARTICLE_JS, EXAMPLES_JS, SOURCES_JS, TRANSCRIPT_JS
from ui.style import APP_CSS, FOOTER_LINKS, build_theme
from ui.uploads import UPLOAD_SUFFIXES, UploadOutcome

# The chat is kept in the browser's localStorage under this key (see ui/session.py). gr.BrowserState
# encrypts it with a random key made at each start and sent to every browser in /config (the browser
# does the encrypting), so it is no secret: it only makes a restarted server start a fresh chat. The
# server trusts nothing in the stored chat (ratings are checked against ui/answers.py).
STORAGE_KEY = "sourced-chat"
# How often a page with an upload in progress asks how far it has got.
UPLOAD_POLL_SECONDS = 0.5
from rag.messages import LLM_NOT_CONFIGURED_IN_APP as LLM_UNAVAILABLE  # noqa: E402


class SourcedBlocks(gr.Blocks):
    """Gradio 6 takes the theme and CSS at launch(); this keeps ours with the app, whoever launches it.

    It also makes sure no failure reaches a client as `{"error": null}`: our handlers raise gr.Error with
    a sentence (ui/api.py's `speaks_plainly`), and what gradio itself raises before or after them (a call
    with too few values, a payload it can't read) is passed on as its own first line.
    """

    def launch(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("theme", build_theme())
        kwargs.setdefault("css", APP_CSS)
        kwargs.setdefault("footer_links", list(FOOTER_LINKS))
        if self.rest_routes:  # the plain JSON API (ui/rest.py) on the same server, before gradio's own routes
            app_kwargs = dict(kwargs.get("app_kwargs") or {})
            app_kwargs["routes"] = [*(app_kwargs.get("routes") or []), *self.rest_routes]
            kwargs["app_kwargs"] = app_kwargs
        return super().launch(*args, **kwargs)

    async def process_api(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().process_api(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as failure:  # noqa: BLE001  gradio's own checks; the traceback stays in the log
            lines = str(failure).strip().splitlines()
            message = lines[0] if lines else f"The request failed ({type(failure).__name__})."
            raise gr.Error(message) from failure


def _header(assistant: Assistant) -> str:
    return render.header_html("LLM" if assistant.settings.effective_answer_mode == "llm" else "extractive (offline)")


def settings_label(publishers: list[str] | None, date_from: str | None, date_to: str | None) -> str:
    """The Settings panel's title, naming the filters in force so they show while it is closed."""
    filters = {"publishers": publishers or [], "date_from": (date_from or "").strip(), "date_to": (date_to or "").strip()}
    shown = render.filters_text({"filters": filters})
    return f"Settings · filtered: {shown}" if shown else "Settings"


def build_app(assistant: Assistant) -> gr.Blocks:
    answers = AnswerLedger(assistant.settings.ui_answer_memory)
    chat = ChatController(assistant, answers)
    library = LibraryController(assistant)
    settings = assistant.settings
    in_assistant_queue = assistant_queue(settings)  # RAG_ASK_WORKERS at once (ui/api.py)
    examples = ExampleQuestions(assistant)

    def examples_html() -> str:
        current = examples.current()
        return render.examples_html(current.questions, current.library_empty)

    with SourcedBlocks(title="Sourced", analytics_enabled=False) as app:
        turns = gr.BrowserState([], storage_key=STORAGE_KEY)
        view = gr.State({"turn": None, "n": None})
        gr.HTML(_header(assistant), elem_id="app-header", js_on_load=None)

        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=420):
                        transcript = gr.HTML(
                            render.transcript_html([], None),
                            elem_id="transcript",
                            js_on_load=TRANSCRIPT_JS,
                            max_height=640,
                            autoscroll=False,  # scrolled by TRANSCRIPT_JS, which knows about opened sources
                        )
                        status = gr.HTML("", elem_id="chat-status", js_on_load=None)
                        with gr.Row():
                            question = gr.Textbox(
                                placeholder="Ask a question about the articles…",
                                show_label=False,
                                lines=1,
                                max_lines=4,
                                scale=6,
                                elem_id="question",
                            )
                            ask = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="ask")
                        with gr.Row():
                            new_chat = gr.Button("New chat", size="sm", elem_id="new-chat")
                            retry = gr.Button("Retry last question", size="sm", elem_id="retry")
                        example_box = gr.HTML(examples_html(), elem_id="examples", js_on_load=EXAMPLES_JS)
                        comment = gr.Textbox(
                            label="Comment (optional)",
                            info="Sent with your next Good or Bad rating of an answer.",
                            lines=1,
                            elem_id="feedback-comment",
                        )
                        with gr.Accordion("Settings", open=False, elem_id="settings") as settings_panel:
                            if settings.llm_configured:
                                mode = gr.Radio(
                                    [("Extractive (offline)", "extractive"), ("LLM", "llm")],
                                    value=settings.effective_answer_mode,
                                    label="Answer mode",
                                    elem_id="mode",
                                )
                            else:
                                mode = gr.Radio(
                                    [("Extractive (offline)", "extractive"), ("LLM (not configured)", "llm")],
                                    value="extractive",
                                    label="Answer mode",
                                    info=LLM_UNAVAILABLE,
                                    interactive=False,
                                    elem_id="mode",
                                )
                            top_k = gr.Slider(
                                1, max(20, settings.top_k), value=settings.top_k, step=1, label="Passages (top-k)"
                            )
                            publishers = gr.Dropdown(
                                choices=library.publishers(),
                                multiselect=True,
                                label="Publishers",
                                info="Leave empty for all publishers.",
                                elem_id="publishers",
                            )
                            with gr.Row():
                                date_from = gr.Textbox(label="From", placeholder="YYYY-MM-DD", elem_id="date-from")
                                date_to = gr.Textbox(label="To", placeholder="YYYY-MM-DD", elem_id="date-to")
                    with gr.Column(scale=2, min_width=360):
                        sources = gr.HTML(
                            render.sources_html([], None, None), elem_id="sources", js_on_load=SOURCES_JS, max_height=560
                        )
                        article = gr.HTML(
                            render.article_placeholder_html(), elem_id="article-view", js_on_load=ARTICLE_JS, max_height=460
                        )
                        with gr.Accordion("Retrieval trace", open=False, elem_id="trace-panel"):
                            trace = gr.HTML(render.trace_html(None), elem_id="trace", js_on_load=None)

            with gr.Tab("Library", id="library"):
                shown = library.view()  # the first page: nothing here lists the whole library
                # which page of the library this browser shows, and the filter it was asked with
                library_at = gr.State({"offset": 0, "contains": ""})
                with gr.Row(equal_height=False, elem_id="library-controls"):
                    library_filter = gr.Textbox(
                        placeholder="Filter by title or publisher…",
                        show_label=False,
                        lines=1,
                        max_lines=1,
                        scale=4,
                        elem_id="library-filter",
                    )
                    library_prev = gr.Button(
                        "← Newer", size="sm", scale=1, min_width=90, interactive=False, elem_id="library-prev"
                    )
                    library_next = gr.Button(
                        "Older →", size="sm", scale=1, min_width=90, interactive=shown.page.has_next,
                        elem_id="library-next",
                    )
                library_table = gr.HTML(shown.table_html(), elem_id="library-table", js_on_load=None)
                upload = gr.File(
                    label=f"Upload articles (.txt, .md, .html, .pdf; up to {settings.max_upload_mb:g} MB each)",
                    file_count="multiple",
                    file_types=list(UPLOAD_SUFFIXES),
                    type="filepath",
                    elem_id="upload",
                )
                replace_choice = gr.Dropdown(
                    choices=shown.replace_choices(),
                    value=None,
                    label="Replace an uploaded article (optional)",
                    info="Choose one before uploading a file to put it in that article's place; "
                    "otherwise every file is added as a new article. Lists the uploads the filter above matches.",
                    elem_id="replace-choice",
                )
                upload_status = gr.HTML("", elem_id="upload-status", js_on_load=None)
                # This page's uploads being reported: {"ids": [job ids], "announced": [finished ones refreshed for]}
                upload_jobs = gr.State({"ids": [], "announced": []})
                upload_timer = gr.Timer(UPLOAD_POLL_SECONDS, active=False)
                uploads_finished = gr.State(0)  # bumped when an upload ends: the library and examples refresh
                with gr.Row():
                    delete_choice = gr.Dropdown(
                        choices=shown.choices(),
                        label="Article to delete",
                        info="Lists the articles of the page shown above.",
                        scale=4,
                        elem_id="delete-choice",
                    )
                    delete = gr.Button("Delete article", variant="stop", scale=1, elem_id="delete")
                delete_status = gr.HTML("", elem_id="delete-status", js_on_load=None)
                with gr.Group(elem_id="edit-details"):
                    edit_choice = gr.Dropdown(
                        choices=shown.choices(),
                        value=None,
                        label="Article to edit",
                        info="Saved to the manifest.json beside its file; an emptied field takes the file's own value.",
                        elem_id="edit-choice",
                    )
                    with gr.Row():
                        edit_title = gr.Textbox(label="Title", scale=3, elem_id="edit-title")
                        edit_publisher = gr.Textbox(label="Publisher", scale=2, elem_id="edit-publisher")
                    with gr.Row():
                        edit_date = gr.Textbox(label="Date", placeholder="YYYY-MM-DD", scale=1, elem_id="edit-date")
                        edit_url = gr.Textbox(label="URL", placeholder="https://…", scale=3, elem_id="edit-url")
                        save_edit = gr.Button("Save details", variant="primary", scale=1, elem_id="save-edit")
                edit_status = gr.HTML("", elem_id="edit-status", js_on_load=None)

        register_api(assistant, library, answers)
        app.rest_routes = rest_routes(assistant, library, answers)

        # --- chat events ----------------------------------------------------------
        screen_outputs = [transcript, sources, article, trace, status, turns, view, question, comment]

        def show(screen: Screen) -> tuple[Any, ...]:
            values = (
                screen.transcript,
                screen.sources,
                screen.article,
                screen.trace,
                screen.status,
                screen.turns,
                screen.view,
                screen.question,
                screen.comment,
            )
            return tuple(gr.skip() if value is None else value for value in values)

        form = [mode, top_k, publishers, date_from, date_to]

        @speaks_plainly(assistant, "Answering")
        def on_ask(q: str, raw: Any, m: str, k: float, p: list[str], f: str, t: str) -> Iterator[tuple[Any, ...]]:
            for screen in chat.ask(q, raw, AskForm(m, k, p, f, t)):
                yield show(screen)

        @speaks_plainly(assistant, "Answering")
        def on_retry(raw: Any, m: str, k: float, p: list[str], f: str, t: str) -> Iterator[tuple[Any, ...]]:
            for screen in chat.retry(raw, AskForm(m, k, p, f, t)):
                yield show(screen)

        @speaks_plainly(assistant, "Showing the source")
        def on_cite(raw: Any, evt: gr.EventData) -> tuple[Any, ...]:
            return show(chat.cite(raw, int(evt.turn), int(evt.n)))

        @speaks_plainly(assistant, "Showing the answer")
        def on_pick(raw: Any, evt: gr.EventData) -> tuple[Any, ...]:
            return show(chat.pick(raw, int(evt.turn)))

        @speaks_plainly(assistant, "Opening the article")
        def on_open(raw: Any, evt: gr.EventData) -> tuple[Any, ...]:
            return show(chat.open_article(raw, int(evt.turn), int(evt.n)))

        @speaks_plainly(assistant, "Saving the feedback")
        def on_rate(raw: Any, current: Any, text: str, evt: gr.EventData) -> tuple[Any, ...]:
            return show(chat.rate(raw, current, int(evt.turn), str(evt.rating), text))

        private: dict[str, Any] = {"api_visibility": "private"}
        asking: dict[str, Any] = {**private, **in_assistant_queue, "show_progress": "hidden"}
        for trigger in (ask.click, question.submit):
            trigger(on_ask, [question, turns, *form], screen_outputs, **asking)
        retry.click(on_retry, [turns, *form], screen_outputs, **asking)
        new_chat.click(lambda: show(chat.new_chat()), None, screen_outputs, **private)
        transcript.cite(on_cite, [turns], screen_outputs, show_progress="hidden", **private)
        transcript.pick(on_pick, [turns], screen_outputs, show_progress="hidden", **private)
        transcript.rate(on_rate, [turns, view, comment], screen_outputs, show_progress="hidden", **private)
        sources.open_article(on_open, [turns], screen_outputs, show_progress="hidden", **private)
        transcript.open_article(on_open, [turns], screen_outputs, show_progress="hidden", **private)

        def on_example(evt: gr.EventData) -> str:
            return str(getattr(evt, "question", "") or "")

        example_box.pick_example(on_example, None, question, show_progress="hidden", **private)
        # One listener, not one per control: separate listeners ran side by side, so clearing two filters
        # quickly could let the older run (still holding the first filter) write the label last.
        gr.on(
            [publishers.change, date_from.change, date_to.change],
            lambda p, f, t: gr.Accordion(label=settings_label(p, f, t)),
            [publishers, date_from, date_to],
            settings_panel,
            show_progress="hidden",
            trigger_mode="always_last",
            **private,
        )
        app.load(lambda raw: show(chat.restore(raw)), [turns], screen_outputs, **private)

        # --- library events -------------------------------------------------------
        library_outputs = [
            library_table, delete_choice, publishers, replace_choice, edit_choice, library_prev, library_next, library_at
        ]
        edit_fields = [edit_title, edit_publisher, edit_date, edit_url]

        @speaks_plainly(assistant, "Reading the library")
        def library_state(at: dict[str, Any] | None = None, editing: str | None = None) -> tuple[Any, ...]:
            """The Library tab for the page and filter `at` ({"offset", "contains"}) as the library is now."""
            at = at or {}
            view = library.view(int(at.get("offset") or 0), str(at.get("contains") or ""))
            choices = view.choices()
            edit_choices = list(choices)
            if editing and editing not in {c[1] for c in choices} and (kept := library.choice(editing)):
                edit_choices.append(kept)  # edited onto another page (a new date): it stays chosen
            return (
                view.table_html(),
                gr.Dropdown(choices=choices, value=None),
                gr.Dropdown(choices=library.publishers()),
                gr.Dropdown(choices=view.replace_choices(), value=None),  # each replace is chosen anew
                # the article just edited stays chosen; after any other change the form starts afresh
                gr.Dropdown(choices=edit_choices, value=editing if editing in {c[1] for c in edit_choices} else None),
                gr.Button(interactive=view.page.has_previous),
                gr.Button(interactive=view.page.has_next),
                {"offset": view.page.offset, "contains": view.contains},
            )

        def on_filter(contains: str) -> tuple[Any, ...]:
            return library_state({"offset": 0, "contains": contains})

        def on_turn_page(at: dict[str, Any], step: int) -> tuple[Any, ...]:
            offset = max(0, int(at.get("offset") or 0) + step * library.page_size)
            return library_state({**at, "offset": offset})

        def upload_report(jobs: dict[str, list[str]]) -> tuple[str, dict[str, list[str]], bool, bool]:
            """(status HTML, jobs, any still running, any newly finished): results of this page's finished
            uploads, in order, and the progress of the others."""
            parts: list[str] = []
            running = newly_finished = False
            announced = list(jobs.get("announced", []))
            for job_id in jobs.get("ids", []):
                job = library.queue.job(job_id)
                if job is None:  # forgotten (a very old upload) or from before a restart
                    continue
                snapshot = job.snapshot()
                if snapshot.finished:
                    outcome = library.outcome(job)
                    parts.append(render.statuses_html(outcome.problems, outcome.notes))
                    if job_id not in announced:
                        announced.append(job_id)
                        newly_finished = True
                else:
                    running = True
                    parts.append(
                        render.upload_progress_html(progress_sentence(snapshot), snapshot.files_done, snapshot.files)
                    )
            return "".join(parts), {"ids": list(jobs.get("ids", [])), "announced": announced}, running, newly_finished

        @speaks_plainly(assistant, "Uploading")
        def on_upload(paths: list[str] | None, replace: str | None, jobs: dict[str, list[str]]) -> tuple[Any, ...]:
            started = library.start_upload(paths, replace)
            if isinstance(started, UploadOutcome):  # nothing to queue: say why at once
                return render.statuses_html(started.problems, started.notes), gr.skip(), None, gr.skip()
            earlier = [i for i in jobs.get("ids", []) if (job := library.queue.job(i)) is not None and not job.finished]
            status, jobs, _, _ = upload_report({"ids": [*earlier, started.id], "announced": []})
            return status, jobs, None, gr.Timer(active=True)

        def on_upload_tick(jobs: dict[str, list[str]], finished: int) -> tuple[Any, ...]:
            status, jobs, running, newly_finished = upload_report(jobs)
            return (
                status,
                jobs,
                gr.skip() if running else gr.Timer(active=False),
                finished + 1 if newly_finished else gr.skip(),
            )

        def on_load_uploads() -> tuple[Any, ...]:
            """A page opened (or reloaded) while uploads are being ingested shows their progress."""
            ids = [job.id for job in library.queue.unfinished()]
            if not ids:
                return gr.skip(), gr.skip(), gr.skip()
            status, jobs, _, _ = upload_report({"ids": ids, "announced": []})
            return status, jobs, gr.Timer(active=True)

        @speaks_plainly(assistant, "Deleting the article")
        def on_delete(article_id: str | None, at: dict[str, Any]) -> tuple[Any, ...]:
            done, message = library.delete(article_id)
            return (render.status_html(message, "info" if done else "error"), *library_state(at), examples_html())

        # Uploads are ingested in the background (library.queue): these events only queue them and read their
        # progress, so they wait for no question and no question waits for them.
        @speaks_plainly(assistant, "Reading the article's details")
        def on_edit_choice(article_id: str | None) -> tuple[Any, ...]:
            return (*library.details(article_id), "")

        @speaks_plainly(assistant, "Saving the details")
        def on_save_edit(
            article_id: str | None, title: str, publisher: str, date: str, url: str, at: dict[str, Any]
        ) -> tuple[Any, ...]:
            done, message = library.edit(article_id, ArticleDetails(title, publisher, date, url))
            state = library_state(at, article_id) if done else (gr.skip(),) * len(library_outputs)
            fields = library.details(article_id) if done else (gr.skip(),) * len(edit_fields)
            status_line = render.status_html(message, "info" if done else "error")
            return (status_line, *state, *fields, examples_html() if done else gr.skip())

        edit_choice.input(on_edit_choice, [edit_choice], [*edit_fields, edit_status], show_progress="hidden", **private)
        save_edit.click(
            on_save_edit,
            [edit_choice, *edit_fields, library_at],
            [edit_status, *library_outputs, *edit_fields, example_box],
            **in_assistant_queue,
            **private,
        )
        upload.upload(
            on_upload,
            [upload, replace_choice, upload_jobs],
            [upload_status, upload_jobs, upload, upload_timer],
            concurrency_limit=None,
            **private,
        )
        upload_timer.tick(
            on_upload_tick,
            [upload_jobs, uploads_finished],
            [upload_status, upload_jobs, upload_timer, uploads_finished],
            concurrency_limit=None,
            show_progress="hidden",
            **private,
        )
        uploads_finished.change(library_state, [library_at], library_outputs, show_progress="hidden", **private)
        uploads_finished.change(
            examples_html, None, example_box, **in_assistant_queue, show_progress="hidden", **private
        )
        delete.click(
            on_delete,
            [delete_choice, library_at],
            [delete_status, *library_outputs, example_box],
            **in_assistant_queue,
            **private,
        )
        # each change of the filter asks for the matching page; "always_last" drops those a newer one made stale
        library_filter.change(
            on_filter, [library_filter], library_outputs, trigger_mode="always_last",
            show_progress="hidden", **private,
        )
        library_prev.click(lambda at: on_turn_page(at, -1), [library_at], library_outputs, show_progress="hidden", **private)
        library_next.click(lambda at: on_turn_page(at, 1), [library_at], library_outputs, show_progress="hidden", **private)
        # Another session may have changed the library since this page was built. Remaking the examples asks
        # questions, so it waits its turn with the other users of the assistant.
        app.load(library_state, [library_at], library_outputs, **private)
        app.load(on_load_uploads, None, [upload_status, upload_jobs, upload_timer], show_progress="hidden", **private)
        app.load(examples_html, None, example_box, **in_assistant_queue, show_progress="hidden", **private)
    return app
