"""The `rag` command line: ingest, status, ask, chat, serve, eval.

Output for people goes to stdout, progress and errors to stderr; `--json`
prints machine-readable objects (design.md). Every `SourcedError` becomes one
line on stderr and its exit code; nothing shows a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional

import typer

if TYPE_CHECKING:
    from rag.models import Answer
    from rag.settings import Settings

app = typer.Typer(
    help="Sourced: ask questions about news articles and get answers with verified citations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _settings(**overrides: Any) -> "Settings":
    from pydantic import ValidationError

    from rag.settings import Settings

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "a setting"
        _fail(f"The setting {field} is invalid ({first['msg']}); fix it in the environment or .env.", 2)
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
def run_ingest(settings: "Settings", paths: list[Path], rebuild: bool, prune: bool | None, show_progress: bool) -> Any:
    """Ingest `paths` (default: the articles folder) with a progress bar on stderr; returns the report."""
    from tqdm import tqdm

    from index.pipeline import check_paths, ingest
    from rag.errors import IngestPathError
    from rag.services import build_encoder, build_store, chunk_settings, id_namespaces

    managed = not paths
    targets = paths or [Path(settings.articles_dir)]
    if managed and not targets[0].expanduser().is_dir():
        raise IngestPathError(
            f"RAG_ARTICLES_DIR is {targets[0]}, which is not a folder; set it to your articles folder, or give `rag ingest` a path."
        )
    check_paths(targets)  # a mistyped path fails before the model loads or the store is created
    encoder = build_encoder(settings)
    store = build_store(settings, encoder).open_for_writing(rebuild=rebuild)
    bar = tqdm(total=0, unit="chunk", desc="Embedding", file=sys.stderr, disable=not show_progress, leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    def on_skip(skipped: Any) -> None:
        tqdm.write(f"Skipped {skipped.path}: {skipped.reason}", file=sys.stderr)

    try:
        report = ingest(
            targets,
            store,
            encoder,
            chunks=chunk_settings(settings),
            max_bytes=settings.max_file_bytes,
            prune=managed if prune is None else prune,
            progress=progress,
            on_skip=on_skip,
            namespaces=id_namespaces(settings),
            repair=True,
        )
    finally:
        bar.close()
    if report.repair is not None and report.repair.changed:
        tqdm.write(f"Repaired the store: {report.repair.summary()}.", file=sys.stderr)
    return report


@app.command("ingest")
def ingest_command(
    paths: list[Path] = typer.Argument(None, help="Files or folders to ingest (default: RAG_ARTICLES_DIR)."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Drop the index and re-embed everything."),
    prune: Optional[bool] = typer.Option(
        None, "--prune/--no-prune", help="Remove articles whose files are gone (default: on for the articles folder)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Load, clean, chunk and embed articles into the store (incremental: unchanged files are skipped).

    A path that does not exist is an error: nothing is ingested, one sentence goes
    to stderr and the exit code is 2 (with --json too: stdout stays empty).
    """

    def action() -> None:
        settings = _settings()
        report = run_ingest(settings, list(paths or []), rebuild, prune, show_progress=sys.stderr.isatty())
        if as_json:
            _print_json(report.as_json())
            return
        summary = report.as_json()
        migrated = f"{summary['migrated']} re-keyed to the current id scheme, " if summary["migrated"] else ""
        typer.echo(
            f"Ingested in {summary['seconds']:.1f} s: {summary['added']} added, {summary['updated']} updated, "
            f"{summary['unchanged']} unchanged, {summary['removed']} removed, {migrated}{len(summary['skipped'])} skipped; "
            f"{summary['chunks']} chunks embedded."
        )
        # each skipped file was already named, with its reason, on stderr as it was met (run_ingest's on_skip)

    _run(action)


# --- status --------------------------------------------------------------------
def _endpoint_status(settings: "Settings") -> dict[str, Any]:
    if not settings.llm_configured:
        return {"configured": False, "reachable": None}
    import urllib.error
    import urllib.request

    base = (settings.openai_base_url or "https://api.openai.com/v1").rstrip("/")
    request = urllib.request.Request(f"{base}/models")
    if settings.openai_api_key:
        request.add_header("Authorization", f"Bearer {settings.openai_api_key.get_secret_value()}")
    try:
        with urllib.request.urlopen(request, timeout=3):
            reachable = True
    except urllib.error.HTTPError as exc:
        reachable = exc.code < 500
    except (urllib.error.URLError, OSError, ValueError):
        reachable = False
    return {"configured": True, "base_url": base, "model": settings.llm_model, "reachable": reachable}


@app.command("status")
def status_command(
    as_json: bool = typer.Option(False, "--json", help="Print the status as JSON."),
    check_endpoint: bool = typer.Option(True, "--check-endpoint/--no-check-endpoint", help="Probe the LLM endpoint."),
) -> None:
    """Show the settings in effect (secrets masked), the store, the embedding model and the indexed articles."""

    def action() -> None:
        from index.repair import recent_repairs
        from rag.errors import IndexEmptyError
        from rag.services import build_encoder, build_store, describe_store

        settings = _settings()
        encoder = build_encoder(settings)
        store = build_store(settings, encoder)
        try:
            store.open_for_reading()
            articles = [record.summary() for record in store.article_records()]
            passages = store.count()
        except IndexEmptyError:
            articles, passages = [], 0
        keyword = store.keyword
        data = {
            "store": {
                **describe_store(settings),
                "passages": passages,
                "keyword_index": {
                    "path": str(keyword.path) if keyword else None,
                    "passages": keyword.count() if keyword else 0,
                    "verified": store.is_verified() if passages else True,
                },
            },
            "embedding_model": encoder.fingerprint,
            "answer_mode": settings.effective_answer_mode,
            "endpoint": _endpoint_status(settings) if check_endpoint else {"configured": settings.llm_configured},
            "settings": settings.public_dict(),
            "articles": articles,
            "repairs": recent_repairs(store),
        }
        if as_json:
            _print_json(data)
            return
        store_info = data["store"]
        where = store_info.get("path") or f"{store_info.get('host')}:{store_info.get('port')}"
        typer.echo(f"Store:      {store_info['kind']} at {where} (collection {store_info['collection']!r}, {passages} passages)")
        keyword_info = store_info["keyword_index"]
        typer.echo(f"Keywords:   {keyword_info['path']} ({keyword_info['passages']} passages)")
        typer.echo(f"Embeddings: {encoder.fingerprint}")
        endpoint = data["endpoint"]
        if endpoint.get("configured"):
            state = {True: "reachable", False: "unreachable", None: "not checked"}[endpoint.get("reachable")]
            typer.echo(f"LLM:        {endpoint.get('model', settings.llm_model)} at {endpoint.get('base_url', '')} ({state})")
        else:
            typer.echo("LLM:        not configured (extractive answers)")
        typer.echo(f"Articles:   {len(articles)}")
        for article in articles:
            typer.echo(
                f"  - {article['title']} | {article['source']} | {article['published'] or 'undated'} | {article['chunks']} chunks"
            )
        if data["repairs"]:
            typer.echo(f"Repairs:    {len(data['repairs'])} (most recent first)")
            for entry in data["repairs"][:5]:
                typer.echo(f"  - {entry['checked_at']} ({entry['trigger']}): {_repair_line(entry)}")
        typer.echo("Settings:")
        for key, value in data["settings"].items():
            typer.echo(f"  {key} = {value}")

    _run(action)


def _repair_line(entry: dict[str, Any]) -> str:
    from index.repair import RepairReport

    fields = {k: v for k, v in entry.items() if k in RepairReport.__dataclass_fields__}
    return RepairReport(**fields).summary()


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
    as_json: bool = typer.Option(False, "--json", help="Print the answer object as JSON (design.md contract)."),
    mode: Optional[str] = typer.Option(None, "--mode", help=MODE_HELP),
    top_k: Optional[str] = typer.Option(None, "--top-k", metavar="N", help=TOP_K_HELP),
    retrieval: Optional[str] = typer.Option(None, "--retrieval", help=RETRIEVAL_HELP),
    publisher: Optional[list[str]] = typer.Option(None, "--publisher", help=PUBLISHER_HELP),
    since: Optional[str] = typer.Option(None, "--since", help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, "--until", help=UNTIL_HELP),
    trace: bool = typer.Option(False, "--trace", help="With --json, include every retrieved passage and its ranks."),
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
            typer.echo(format_answer(answer))
        # Nothing is left to write: skip the interpreter's teardown of chromadb,
        # onnxruntime and friends (~0.3 s of a ~2.5 s cold `rag ask`).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    _run(action)


# --- chat --------------------------------------------------------------------------
@app.command("chat")
def chat_command(
    as_json: bool = typer.Option(False, "--json", help="Read one question per line, print one JSON answer per line."),
    mode: Optional[str] = typer.Option(None, "--mode", help=MODE_HELP),
    top_k: Optional[str] = typer.Option(None, "--top-k", metavar="N", help=TOP_K_HELP),
    retrieval: Optional[str] = typer.Option(None, "--retrieval", help=RETRIEVAL_HELP),
    publisher: Optional[list[str]] = typer.Option(None, "--publisher", help=PUBLISHER_HELP),
    since: Optional[str] = typer.Option(None, "--since", help=SINCE_HELP),
    until: Optional[str] = typer.Option(None, "--until", help=UNTIL_HELP),
) -> None:
    """A conversation in the terminal; follow-up questions are understood in context.

    The options apply to every question; an invalid one is one sentence and exit 2.
    """

    def action() -> None:
        from rag.assistant import Assistant
        from rag.errors import InvalidRequestError
        from rag.requests import CLI_NAMES, RequestOptions

        settings = _settings()
        options = RequestOptions.parse(
            _request_options(mode, top_k, retrieval, publisher, since, until), names=CLI_NAMES
        )
        assistant = Assistant.from_settings(settings)
        conversation = assistant.new_conversation()
        interactive = sys.stdin.isatty() and not as_json
        if interactive:
            typer.echo("Ask about the articles; empty line or Ctrl-D to quit, /new for a new conversation.", err=True)
        while True:
            try:
                line = input("> ") if interactive else sys.stdin.readline()
            except EOFError:
                break
            if not interactive and line == "":
                break
            line = line.strip()
            if interactive and not line:
                break
            if line == "/new":
                conversation.clear()
                continue
            if not line:
                continue
            try:
                request = options.ask(line, max_question_chars=settings.max_question_chars)
                answer = assistant.chat(request, conversation)  # type: ignore[arg-type]
            except InvalidRequestError as exc:
                if interactive:
                    typer.echo(f"Error: {exc.message}", err=True)
                else:
                    typer.echo(json.dumps({"question": line, "error": exc.message}, ensure_ascii=False))
                continue
            if interactive:
                if answer.notice:
                    typer.echo(f"Note: {answer.notice}", err=True)
                typer.echo(format_answer(answer) + "\n")
            else:
                typer.echo(json.dumps(answer.to_contract(), ensure_ascii=False))
                sys.stdout.flush()

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
    """Start the chat UI (ingests the sample corpus first when the store is empty)."""

    def action() -> None:
        from ui.launch import serve

        serve(_settings(ui_host=host, ui_port=port, ui_allow_unauthenticated=allow_unauthenticated or None))

    _run(action)


# --- eval ------------------------------------------------------------------------------
@app.command("eval", add_help_option=False, context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def eval_command(ctx: typer.Context) -> None:
    """Run the evaluation suite (see `rag eval --help`)."""

    def action() -> None:
        from eval.cli import main as eval_main

        raise typer.Exit(eval_main(list(ctx.args), _settings()))

    _run(action)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
