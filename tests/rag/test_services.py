"""rag/services.py: what `rag status` says of the LLM endpoint, checked against real local HTTP servers."""

from __future__ import annotations

import http.server
import json
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from rag.services import endpoint_status
from rag.settings import Settings


# --- the LLM endpoint's status (`rag status`) --------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    """GET /v1/models: answers with the server's `reply` (a status, and a Location for a redirect), and keeps
    each request's Authorization header."""

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        server: Any = self.server
        server.seen.append(self.headers.get("Authorization"))
        status, location = server.reply
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        body = b'{"data": []}'
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def _endpoint(status: int, location: str | None = None) -> Iterator[Any]:
    server: Any = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.seen, server.reply = [], (status, location)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def _llm_settings(tmp_path: Path, base_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", openai_base_url=base_url, openai_api_key="sk-test-Quillon-7731",
                    chroma_host=None, chroma_port=None)  # fmt: skip


def test_the_endpoint_check_follows_no_redirect_so_the_key_stays_with_the_endpoint(tmp_path: Path) -> None:
    """urllib keeps the Authorization header across hosts: a redirect to another server sent it the key."""
    with _endpoint(200) as elsewhere, _endpoint(302, f"http://localhost:{elsewhere.server_port}/v1/models") as endpoint:
        status = endpoint_status(_llm_settings(tmp_path, f"http://127.0.0.1:{endpoint.server_port}/v1"))
    assert endpoint.seen == ["Bearer sk-test-Quillon-7731"]
    assert elsewhere.seen == []
    assert status["reachable"] is True


def test_an_endpoint_that_refuses_the_key_is_said_to(tmp_path: Path) -> None:
    with _endpoint(401) as endpoint:
        refused = endpoint_status(_llm_settings(tmp_path, f"http://127.0.0.1:{endpoint.server_port}/v1"))
    with _endpoint(200) as endpoint:
        accepted = endpoint_status(_llm_settings(tmp_path, f"http://127.0.0.1:{endpoint.server_port}/v1"))
    assert (refused["reachable"], refused["key_accepted"]) == (True, False)
    assert (accepted["reachable"], accepted["key_accepted"]) == (True, True)


def test_a_password_in_the_endpoint_url_is_not_shown(tmp_path: Path) -> None:
    settings = _llm_settings(tmp_path, "http://ada:pw-Quillon-55@127.0.0.1:9/v1")
    shown = json.dumps([endpoint_status(settings), settings.public_dict()])
    assert "pw-Quillon-55" not in shown and "sk-test-Quillon-7731" not in shown
    assert "http://ada:********@127.0.0.1:9/v1" in shown
