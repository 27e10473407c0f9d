"""`serve(settings)`: what `rag serve` runs. Open the store (ingesting RAG_ARTICLES_DIR when it is empty), then launch.

Messages for people go to stderr (progress, warnings) and the URL to stdout.
Without RAG_UI_AUTH it listens only on a loopback address, unless told
otherwise (--allow-unauthenticated); with it, failed sign-ins are throttled
per client address (ui/throttle.py).
"""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path
from typing import Any

from rag.assistant import Assistant
from rag.errors import SourcedError, StoreUnavailableError
from rag.services import start_nlp_helpers
from rag.settings import Settings

from ui.style import FOOTER_LINKS

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
# Gradio refuses bigger uploads outright, before our own check can explain
# the limit; set it well above RAG_MAX_UPLOAD_MB so ours normally speaks first.
HARD_UPLOAD_FACTOR = 4


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_auth(settings: Settings) -> tuple[str, str] | None:
    """(user, password) from RAG_UI_AUTH ("user:password"), or None when it is unset."""
    if settings.ui_auth is None:
        return None
    user, sep, password = settings.ui_auth.get_secret_value().partition(":")
    if not sep or not user or not password:
        raise SourcedError("RAG_UI_AUTH must look like user:password, with both parts non-empty.")
    return user, password


class ExposureError(SourcedError):
    """`rag serve` was asked to listen beyond this machine without a password."""

    exit_code = 2


def exposure_refusal(settings: Settings) -> str | None:
    """The sentence refusing to serve other machines without a password, or None when serving is fine."""
    if is_loopback(settings.ui_host) or settings.ui_auth is not None or settings.ui_allow_unauthenticated:
        return None
    return (
        f"Refusing to listen on {settings.ui_host} without a password, since anyone who can connect could read, "
        "upload and delete articles: set RAG_UI_AUTH=user:password, or pass --allow-unauthenticated if the "
        "network is trusted."
    )


def exposure_warning(settings: Settings) -> str | None:
    if is_loopback(settings.ui_host) or settings.ui_auth is not None:
        return None
    return (
        f"Warning: the UI listens on {settings.ui_host}, so other machines can reach it, and RAG_UI_AUTH is not "
        "set: anyone who can connect can read, upload and delete articles. Set RAG_UI_AUTH=user:password."
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_assistant(settings: Settings) -> Assistant:
    """The Assistant over the configured store (rag.library.open_assistant): the articles folder is ingested
    first when no article is indexed, and a store whose last write did not end cleanly is repaired."""
    from rag.library import open_assistant as open_library
    from rag.messages import counted
    from rag.progress import IngestProgress

    def announce(folder: Path) -> None:
        _say(f"The index is empty; ingesting the articles in {folder} first…")

    try:
        with IngestProgress(enabled=True) as bar:
            opened = open_library(settings, progress=bar.update, on_skip=bar.skipped, before_ingest=announce,
                                  trigger="app start")
    except SourcedError:
        raise
    except Exception as failure:  # a damaged embedded store fails inside chromadb, with its own types
        from ui.failures import damaged_store

        raise StoreUnavailableError(damaged_store(settings, failure)) from failure
    if opened.ingested is not None:
        summary = opened.ingested.as_json()
        _say(f"Ingested {counted(summary['added'], 'article')} ({counted(summary['chunks'], 'passage')}) "
             f"in {summary['seconds']:.1f} s.")
    repair = opened.repair or (opened.ingested.repair if opened.ingested is not None else None)
    if repair is not None and repair.changed:
        _say(f"Repaired the store: {repair.summary()}.")
    elif repair is not None and repair.skipped:
        _say(f"Did not check the store: {repair.skipped}")
    outdated = opened.assistant.outdated_notice()
    if outdated:  # every answer says it too
        _say(outdated)
    return opened.assistant


def login_middleware(settings: Settings) -> list[Any]:
    """The sign-in throttle, as FastAPI middleware for gradio's app."""
    from starlette.middleware import Middleware

    from ui.throttle import LoginThrottle, LoginThrottleMiddleware

    throttle = LoginThrottle(settings.ui_login_attempts, settings.ui_login_wait)
    return [Middleware(LoginThrottleMiddleware, throttle=throttle)]


def launch_options(settings: Settings) -> dict[str, Any]:
    auth = parse_auth(settings)
    return {
        "server_name": settings.ui_host,
        "server_port": settings.ui_port,
        "auth": auth,
        "auth_message": "Sourced: sign in with the user and password of RAG_UI_AUTH.",
        "app_kwargs": {"middleware": login_middleware(settings)} if auth else {},
        "max_file_size": f"{int(settings.max_upload_mb * HARD_UPLOAD_FACTOR) + 1}mb",
        "footer_links": list(FOOTER_LINKS),
        "ssr_mode": False,
        "quiet": True,
    }


def serve(settings: Settings) -> None:
    """Start the UI and block until interrupted."""
    options = launch_options(settings)  # a malformed RAG_UI_AUTH fails before any work
    refusal = exposure_refusal(settings)
    if refusal:
        raise ExposureError(refusal)
    warning = exposure_warning(settings)
    if warning:
        _say(warning)
    assistant = open_assistant(settings)
    stop_helpers = start_nlp_helpers(settings)  # they load the model while the app starts
    try:
        from ui.app import build_app

        app = build_app(assistant)
        app.queue(default_concurrency_limit=1)
        _, local_url, _ = app.launch(prevent_thread_lock=True, **options)
        shown = local_url or f"http://{settings.ui_host}:{settings.ui_port}/"
        print(f"Sourced is running at {shown} (Ctrl-C to stop)", flush=True)
        try:
            app.block_thread()
        finally:
            app.close()
    finally:
        stop_helpers()
