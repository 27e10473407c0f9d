"""The `rag` command line: ingest, status, ask, chat, delete, serve, eval.

This module parses arguments and draws progress; the work is done by
rag/library.py (ingest, delete, open), rag/assistant.py (answers) and eval/cli.py
(the `rag eval` group, loaded only when asked for). Output for people goes to
stdout, progress and errors to stderr; `--json` prints the objects README.md
documents. Every `SourcedError` becomes one line on stderr and its exit code;
nothing shows a traceback.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from rag.models import Answer
    from rag.settings import Settings


class _Commands(TyperGroup):
    """`rag`'s commands; the `eval` group is imported only when it is asked for (or listed in --help),
    so eval/ stays off the imports of `rag ask`."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*super().list_commands(ctx), "eval"]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name == "eval":
            from eval.cli import app as eval_app

            return typer.main.get_command(eval_app)
        command = super().get_command(ctx, name)
        if command is not None and command.help:
            command.help = _flowing(command.help)
        return command


def _flowing(text: str) -> str:
    """A docstring's paragraphs each on one line: typer's rich help keeps the line breaks of a docstring's
    later paragraphs, which at any other terminal width break sentences in odd places."""
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in inspect.cleandoc(text).split("\n\n"))


app = typer.Typer(
    cls=_Commands,
    help="Sourced: ask questions about news articles and get answers with verified citations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Set by a command that only read: `main` may then end the process without the interpreter's
# teardown of chromadb, onnxruntime and friends (~0.3 s of a ~2.5 s cold `rag ask`).
_READ_ONLY_RUN = False


_WARNED = False  # the warnings about ignored settings are said once per process


def _settings(options: dict[str, str] | None = None, **overrides: Any) -> "Settings":
    """The settings in effect; a bad one ends the command as one sentence (exit 2). `options` names the
    command-line option behind an override (`{"ui_port": "--port"}`), for that sentence."""
    global _WARNED
    from pydantic import ValidationError

    from rag.settings import Settings
    from rag.settings_messages import invalid_setting_sentence, quiet_dotenv, setting_warnings

    quiet_dotenv()
    if not _WARNED:
        _WARNED = True
        for warning in setting_warnings():
            typer.echo(warning, err=True)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        _fail(invalid_setting_sentence(exc, options), 2)
    raise AssertionError  # unreachable


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _run(action: Callable[[], None]) -> None:
    """Run a command body, turning known failures into one line and an exit code.

    Store failures arrive as named errors (index/store_failures.py); anything else
    unexpected is one line too, with the traceback kept in a file for a bug report."""
    from rag.errors import SourcedError

    try:
        action()
    except SourcedError as exc:
        _fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        _fail("Interrupted.", 130)
    except (typer.Exit, typer.Abort):  # a command's own exit (and its code)
        raise
    except BrokenPipeError:  # the reader of stdout left (`rag status | head -1`): not a failure of ours
        from rag.console import closed_pipe

        raise typer.Exit(closed_pipe())
    except Exception as exc:  # noqa: BLE001  the edge: one sentence, never a traceback
        _fail(_unexpected(exc), 1)


def _unexpected(error: Exception) -> str:
    import tempfile
    import traceback

    from index.store_failures import reason

    try:
        with tempfile.NamedTemporaryFile("w", prefix="rag-error-", suffix=".txt", delete=False) as details:
            traceback.print_exception(error, file=details)
        where = f"; the details are in {details.name}"
    except OSError:
        where = ""
    return f"Unexpected {type(error).__name__} ({reason(error)}); this is a bug, please report it{where}."


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


# --- ingest --------------------------------------------------------------------
@app.command("ingest")
def ingest_command(
    # readable=False: an unreadable path is refused by index.pipeline.check_paths, in a sentence that says what to do
    paths: list[Path] = typer.Argument(
        None, help="Files or folders to ingest (default: RAG_ARTICLES_DIR).", readable=False
    ),
    rebuild: bool = typer.Option(
        False, "--rebuild",
        help="Re-embed every stored article, and the paths given, into a new index that replaces the old one when whole.",
    ),
    prune: Optional[bool] = typer.Option(
        None, "--prune/--no-prune", help="Remove articles whose files are gone (default: on for the articles folder)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    check: bool = typer.Option(
        False, "--check", help="Check and repair the whole store first, even if the last write ended cleanly."
    ),
) -> None:
    """Load, clean, chunk and embed articles into the store (incremental: unchanged files are skipped).

    The whole store is checked first when the last write did not end cleanly (or
    with --check). A path that does not exist or cannot be read is an error: nothing
    is ingested, one sentence goes to stderr and the exit code is 2 (with --json too:
    stdout stays empty). --rebuild keeps every stored article, wherever it came from;
    interrupted, it leaves the index in use as it was.
    """

    def action() -> None:
        from rag.library import INTERRUPTED_INGEST, INTERRUPTED_REBUILD, ingest_paths, unfinished_rebuild
        from rag.progress import IngestProgress

        settings = _settings()
        try:
            with IngestProgress(enabled=sys.stderr.isatty()) as bar:
                # each skipped file is named, with its reason, on stderr as it is met
                report = ingest_paths(
                    settings, list(paths or []), rebuild=rebuild, prune=prune, progress=bar.update,
                    on_skip=bar.skipped, check=check,
                )
        except KeyboardInterrupt:
            _fail(INTERRUPTED_REBUILD if rebuild else INTERRUPTED_INGEST, 130)
        if report.repair is not None and report.repair.changed:
            typer.echo(f"Repaired the store: {report.repair.summary()}.", err=True)
        unfinished = None if rebuild else unfinished_rebuild(settings)
        if unfinished:
            typer.echo(f"Note: {unfinished}", err=True)
        summary = report.as_json()
        if as_json:
            _print_json(summary)
            return
        typer.echo(_ingest_sentence(summary))

    _run(action)


def _ingest_sentence(summary: dict[str, Any]) -> str:
    from rag.messages import counted

    migrated = f"{summary['migrated']} re-keyed to the current id scheme, " if summary["migrated"] else ""
    from index.outdated import is_version_reason

    renewed = sum(is_version_reason(update["reason"]) for update in summary.get("updates", []))
    renewed_note = f" ({renewed} indexed by an older version of Sourced)" if renewed else ""
    return (
        f"Ingested in {summary['seconds']:.1f} s: {summary['added']} added, {summary['updated']} updated{renewed_note}, "
        f"{summary['unchanged']} unchanged, {summary['removed']} removed, {migrated}"
        f"{len(summary['skipped'])} skipped; {counted(summary['chunks'], 'chunk')} embedded."
    )


# --- status --------------------------------------------------------------------
@app.command("status")
def status_command(
    as_json: bool = typer.Option(False, "--json", help="Print the status as JSON."),
    check_endpoint: bool = typer.Option(True, "--check-endpoint/--no-check-endpoint", help="Probe the LLM endpoint."),
) -> None:
    """Show the settings in effect (secrets masked), the store, the embedding model and the indexed articles."""

    def action() -> None:
        from rag.library import status
        from rag.messages import counted

        settings = _settings()
        data = status(settings, check_endpoint=check_endpoint)
        articles = data["articles"]
        passages = data["store"]["passages"]
        if as_json:
            _print_json(data)
            return
        store_info = data["store"]
        where = store_info.get("path") or f"{store_info.get('host')}:{store_info.get('port')}"
        typer.echo(f"Store:      {store_info['kind']} at {where} (collection {store_info['collection']!r}, {counted(passages, 'passage')})")
        if store_info.get("hnsw_ef_search"):
            typer.echo(f"Dense:      HNSW ef_search {store_info['hnsw_ef_search']}")
        keyword_info = store_info["keyword_index"]
        typer.echo(f"Keywords:   {keyword_info['path']} ({counted(keyword_info['passages'], 'passage')})")
        typer.echo(f"Embeddings: {data['embedding_model']}")
        endpoint = data["endpoint"]
        if endpoint.get("configured"):
            state = {True: "reachable", False: "unreachable", None: "not checked"}[endpoint.get("reachable")]
            if endpoint.get("key_accepted") is False:
                state += ", but it refused the API key: check OPENAI_API_KEY"
            typer.echo(f"LLM:        {endpoint.get('model', settings.llm_model)} at {endpoint.get('base_url', '')} ({state})")
        else:
            typer.echo("LLM:        not configured (extractive answers)")
        typer.echo(f"Articles:   {len(articles)}")
        for article in articles:
            typer.echo(
                f"  - {article['title']} | {article['source']} | {article['published'] or 'undated'} | {counted(article['chunks'], 'chunk')}"
            )
        if data["pipeline"]["notice"]:
            typer.echo(f"Outdated:   {data['pipeline']['notice']}")
        if data["rebuild"]:
            typer.echo(f"Rebuild:    {data['rebuild']['notice']}")
        if data["repairs"]:
            typer.echo(f"Repairs:    {len(data['repairs'])} (most recent first)")
            for entry in data["repairs"][:5]:
                typer.echo(f"  - {entry['checked_at']} ({entry['trigger']}): {_repair_line(entry)}")
        typer.echo("Settings:")
        for key, value in data["settings"].items():
            typer.echo(f"  {key} = {value}")

    _run(action)


def _repair_line(entry: dict[str, Any]) -> str:
    from rag.library import repair_summary

    return repair_summary(entry)


# --- ask -------------------------------------------------------------------------
def format_answer(answer: "Answer") -> str:
    lines = [answer.answer]
    if answer.rewritten_query:
        lines.append(f"(searched for: {answer.rewritten_query})")
    if answer.citations:
        lines.append("\nSources:")
        for citation in answer.citations:
            lines.append(
                f"  [{citation.n}] {citation.title} - {citation.source}, {citation.published or 'undated'} ({citation.relevance or citation.support})"
            )
            lines.append(f"      \"{citation.quote}\"")
    if answer.flagged:
        lines.append("\nNot supported by a cited passage:")
        lines.extend(f"  - {sentence}" for sentence in answer.flagged)
    return "\n".join(lines)


def _request_options(
    mode: str | None, top_k: str | None, retrieval: str | None, publishers: list[str] | None, since: str | None,
    until: str | None,
) -> dict[str, Any]:
    return {"mode": mode, "top_k": top_k, "retrieval_mode": retrieval, "publishers": publishers or None,
            "since": since, "until": until}


MODE_HELP = "extractive or llm (default: RAG_ANSWER_MODE)."
TOP_K_HELP = "Passages handed to the answerer, 1 to 50 (default: RAG_TOP_K)."
RETRIEVAL_HELP = "hybrid, dense or bm25 (default: RAG_RETRIEVAL_MODE)."
PUBLISHER_HELP = 'Only articles of this publisher (repeatable); any form of its name: "AP", "the herald".'
SINCE_HELP = "Only articles published on or after YYYY-MM-DD."
UNTIL_HELP = "Only articles published on or before YYYY-MM-DD."


@app.command("ask")
def ask_command(
    question: str = typer.Argument(..., help="The question, in quotes."),
    as_json: bool = typer.Option(False, "--json", help="Print the answer object as JSON (the shape README.md documents under JSON output)."),
    mode: Optional[str] = typer.Option(None, "--mode", help=MODE_HELP),
    top_k: Optional[str] = typer.Option(None, "--top-k", metavar="N", help=TOP_K_HELP),
    retrieval: Optional[str] = typer.Option(None, "--retrieval", help=RETRIEVAL_HELP),
    publisher: Optional[list[str]] = typer.Option(None, "--publisher", help=PUBLISHER_HELP),
    since: Optional[str] = typer.Option(None, "--since", help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, "--until", help=UNTIL_HELP),
    trace: bool = typer.Option(False, "--trace", help="Show every retrieved passage and its ranks: in the JSON with --json, else on stderr."),
) -> None:
    """Answer one question with numbered citations.

    When --publisher/--since/--until select no article, the answer says so (exit 0,
    "abstained": true with a "notice"); an invalid option is one sentence and exit 2.
    """

    def action() -> None:
        from rag.assistant import Assistant
        from rag.requests import CLI_NAMES, AskRequest

        settings = _settings()
        request = AskRequest.parse(
            {"question": question, **_request_options(mode, top_k, retrieval, publisher, since, until)},
            names=CLI_NAMES,
            max_question_chars=settings.max_question_chars,
        )  # before the store opens: a typo fails at once
        assistant = Assistant.from_settings(settings)
        # an explicit --mode llm must not silently degrade: endpoint failures are errors
        answer = assistant.ask(request, fallback=request.mode != "llm")
        if answer.notice:
            typer.echo(f"Note: {answer.notice}", err=True)
        if as_json:
            _print_json(answer.to_contract(include_trace=trace))
        else:
            if trace:
                from rag.trace import format_trace

                typer.echo(format_trace(answer), err=True)
            typer.echo(format_answer(answer))
        _read_only_run()

    _run(action)


def _read_only_run() -> None:
    """Tell `main` this command wrote nothing, so the process may end without the interpreter's teardown."""
    global _READ_ONLY_RUN
    _READ_ONLY_RUN = True


# --- chat --------------------------------------------------------------------------
CHAT_HELP = """Commands:
  /help    this list
  /clear   start a new conversation (follow-ups stop referring to earlier answers); also /new
  /quit    leave the chat; also /exit, an empty line (at a terminal) or Ctrl-D
Anything else is a question about the articles."""
_CHAT_COMMANDS = {"/help": "help", "/?": "help", "/clear": "clear", "/new": "clear", "/quit": "quit", "/exit": "quit",
                  "/q": "quit"}


def chat_command_of(line: str) -> str | None:
    """"help", "clear", "quit", "unknown" for a slash command; None for a question.

    A command is one word after a slash ("/clear"); "/r/news says what?" is a question."""
    if not line.startswith("/") or len(line.split()) != 1:
        return None
    return _CHAT_COMMANDS.get(line.lower(), "unknown")


@app.command("chat")
def chat_command(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON answer per line (for scripts)."),
    mode: Optional[str] = typer.Option(None, "--mode", help=MODE_HELP),
    top_k: Optional[str] = typer.Option(None, "--top-k", metavar="N", help=TOP_K_HELP),
    retrieval: Optional[str] = typer.Option(None, "--retrieval", help=RETRIEVAL_HELP),
    publisher: Optional[list[str]] = typer.Option(None, "--publisher", help=PUBLISHER_HELP),
    since: Optional[str] = typer.Option(None, "--since", help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, "--until", help=UNTIL_HELP),
) -> None:
    """A conversation in the terminal; follow-up questions are understood in context.

    Reads one question per line, also from a pipe; /help lists the commands
    (/clear, /quit). Answers are text unless --json is given. The options apply
    to every question; an invalid one is one sentence and exit 2.
    """

    def action() -> None:
        from rag.assistant import Assistant
        from rag.errors import EndpointError, InvalidRequestError
        from rag.requests import CLI_NAMES, RequestOptions

        settings = _settings()
        options = RequestOptions.parse(
            _request_options(mode, top_k, retrieval, publisher, since, until), names=CLI_NAMES
        )
        # as with `rag ask`: an explicit --mode llm must not silently degrade to extractive answers
        fallback = options.mode != "llm"
        endpoint_failed = False
        assistant = Assistant.from_settings(settings)
        conversation = assistant.new_conversation()
        at_terminal = sys.stdin.isatty()
        if at_terminal:
            typer.echo("Ask about the articles; /help for the commands, an empty line or Ctrl-D to quit.", err=True)

        def problem(line: str, message: str) -> None:
            if as_json:
                typer.echo(json.dumps({"question": line, "error": message}, ensure_ascii=False))
            else:
                typer.echo(f"Error: {message}", err=True)

        while True:
            try:
                line = input("> ") if at_terminal and not as_json else sys.stdin.readline()
            except EOFError:
                break
            if not at_terminal and line == "":
                break  # end of the piped input
            line = line.strip()
            if not line:
                if at_terminal:
                    break
                continue
            command = chat_command_of(line)
            if command == "quit":
                break
            if command == "help":
                typer.echo(CHAT_HELP, err=as_json)  # stdout stays one JSON object per line
                continue
            if command == "clear":
                conversation.clear()
                typer.echo("New conversation.", err=True)
                continue
            if command == "unknown":
                problem(line, f"{line} is not a command; type /help for the commands.")
                continue
            try:
                request = options.ask(line, max_question_chars=settings.max_question_chars)
                answer = assistant.chat(request, conversation, fallback=fallback)  # type: ignore[arg-type]
            except InvalidRequestError as exc:
                problem(line, exc.message)
                continue
            except EndpointError as exc:
                # that question fails, the chat goes on (the endpoint may recover); the exit code says so
                problem(line, exc.message)
                endpoint_failed = True
                continue
            if as_json:
                typer.echo(json.dumps(answer.to_contract(), ensure_ascii=False))
            else:
                if answer.notice:
                    typer.echo(f"Note: {answer.notice}", err=True)
                if not at_terminal:
                    typer.echo(f"> {line}")  # piped: say which question this answer is for
                typer.echo(format_answer(answer) + "\n")
            sys.stdout.flush()
        _read_only_run()
        if endpoint_failed:
            raise typer.Exit(5)  # like `rag ask --mode llm`: a script learns that an answer is missing

    _run(action)


# --- delete --------------------------------------------------------------------------
@app.command("delete")
def delete_command(
    article_ids: list[str] = typer.Argument(..., help="Ids of the articles to delete (`rag status` lists them)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was deleted as JSON."),
) -> None:
    """Remove articles and their passages from the index (and the copy of an uploaded file).

    Every id is checked first: when one is unknown nothing is deleted, one
    sentence goes to stderr and the exit code is 2.
    """

    def action() -> None:
        from rag.library import Library
        from rag.messages import counted

        library = Library.open(_settings())
        deleted = library.delete(article_ids)
        if as_json:
            _print_json({"deleted": [d.as_json() for d in deleted], "passages": sum(d.passages for d in deleted)})
        for item in deleted:
            if not as_json:
                typer.echo(f"Deleted “{item.record.title}” ({item.record.article_id}, {counted(item.passages, 'passage')}).")
            if item.file_remains:
                typer.echo(
                    f"Note: its file {item.record.path} is still there, so ingesting it again adds it back; "
                    "delete or move the file to keep it out.",
                    err=True,
                )

    _run(action)


# --- serve ---------------------------------------------------------------------------
@app.command("serve")
def serve_command(
    host: Optional[str] = typer.Option(None, "--host", help="Address to bind (default RAG_UI_HOST, 127.0.0.1)."),
    port: Optional[int] = typer.Option(None, "--port", help="Port (default RAG_UI_PORT, 7860)."),
    allow_unauthenticated: bool = typer.Option(
        False,
        "--allow-unauthenticated",
        help="Listen on a non-loopback address without RAG_UI_AUTH (only on a trusted network).",
    ),
) -> None:
    """Start the chat UI (ingests RAG_ARTICLES_DIR, by default the sample corpus, when no article is indexed)."""

    def action() -> None:
        from ui.launch import serve

        options = {"ui_host": "--host", "ui_port": "--port"}
        serve(_settings(options, ui_host=host, ui_port=port, ui_allow_unauthenticated=allow_unauthenticated or None))

    _run(action)


# --- eval --------------------------------------------------------------------------------
# `rag eval` is a group of sub-commands (run, gate, compare, suites, fit, from-feedback) defined in
# eval/cli.py and loaded by `_Commands` above only when asked for.


@app.callback()
def _root(ctx: typer.Context) -> None:
    # the settings, for sub-command groups defined elsewhere (eval/cli.py): read when first needed,
    # so that a bad setting is reported as one sentence by the command that needs it
    ctx.obj = _settings


def main() -> None:
    """The `rag` entry point: usage errors are one sentence (exit 2), and a command that only read
    ends the process without the interpreter's teardown."""
    from rag.console import closed_pipe, invoke

    code = invoke(app, sys.argv[1:], "rag")
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = closed_pipe()
    if _READ_ONLY_RUN:
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    main()
