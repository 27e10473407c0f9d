"""`rag serve` / ui.launch.serve: ingest when empty, loopback warning, password, the printed URL."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from pydantic import SecretStr

from rag.errors import SourcedError
from rag.settings import BUNDLED_ARTICLES_DIR

from tests.conftest import make_settings
from tests.ui.conftest import free_port
from ui.launch import exposure_refusal, exposure_warning, is_loopback, launch_options, open_assistant, parse_auth, serve

SHORT_ARTICLE = "000_037889587b53874b.txt"


@pytest.fixture()
def one_article_dir(tmp_path: Path) -> Path:
    """One bundled article (with its manifest): ingesting it takes a second, not the whole corpus."""
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(BUNDLED_ARTICLES_DIR / SHORT_ARTICLE, folder)
    shutil.copy(BUNDLED_ARTICLES_DIR / "manifest.json", folder)
    return folder


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.1.1", True), ("0.0.0.0", False),
     ("192.168.1.20", False), ("example.org", False)],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_warning_only_for_an_exposed_address_without_a_password(tmp_path: Path) -> None:
    assert exposure_warning(make_settings(tmp_path)) is None
    warning = exposure_warning(make_settings(tmp_path, ui_host="0.0.0.0")) or ""
    assert "0.0.0.0" in warning and "RAG_UI_AUTH" in warning
    assert exposure_warning(make_settings(tmp_path, ui_host="0.0.0.0", ui_auth=SecretStr("ann:pw"))) is None


def test_an_exposed_address_without_a_password_is_refused_unless_allowed(tmp_path: Path) -> None:
    assert exposure_refusal(make_settings(tmp_path)) is None
    refusal = exposure_refusal(make_settings(tmp_path, ui_host="192.168.1.20")) or ""
    assert refusal.startswith("Refusing to listen on 192.168.1.20 without a password") and refusal.count(". ") == 0
    assert exposure_refusal(make_settings(tmp_path, ui_host="0.0.0.0", ui_auth=SecretStr("ann:pw"))) is None
    assert exposure_refusal(make_settings(tmp_path, ui_host="0.0.0.0", ui_allow_unauthenticated=True)) is None
    with pytest.raises(SourcedError, match="Refusing to listen on 0.0.0.0"):
        serve(make_settings(tmp_path, ui_host="0.0.0.0"))  # before opening or ingesting anything
    assert not (tmp_path / "chroma").exists()


def test_auth_is_parsed_from_user_colon_password(tmp_path: Path) -> None:
    assert parse_auth(make_settings(tmp_path)) is None
    assert parse_auth(make_settings(tmp_path, ui_auth=SecretStr("ann:pa:ss"))) == ("ann", "pa:ss")
    for bad in ("nocolon", ":pw", "ann:"):
        with pytest.raises(SourcedError, match="user:password"):
            parse_auth(make_settings(tmp_path, ui_auth=SecretStr(bad)))
    options = launch_options(make_settings(tmp_path, ui_port=7999, max_upload_mb=10))
    assert options["server_name"] == "127.0.0.1" and options["server_port"] == 7999
    assert options["max_file_size"] == "41mb" and options["auth"] is None


def test_an_empty_store_is_filled_from_the_articles_folder_first(
    tmp_path: Path, one_article_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assistant = open_assistant(make_settings(tmp_path / "data", articles_dir=one_article_dir))
    assert [a.article_id for a in assistant.articles()] == [assistant.article_id_for(one_article_dir / SHORT_ARTICLE)]
    assert "The index is empty; ingesting" in capsys.readouterr().err


def _get(opener: urllib.request.OpenerDirector, url: str, data: dict[str, str] | None = None) -> int:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_serve_asks_for_the_password_when_auth_is_set(
    fresh_data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gradio as gr

    port = free_port()
    seen: dict[str, int] = {}

    def check_while_running(app: gr.Blocks) -> None:  # stands in for blocking until Ctrl-C
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        seen["anonymous"] = _get(opener, f"{base}/config")
        seen["wrong"] = _get(opener, f"{base}/login", {"username": "ann", "password": "nope"})
        seen["login"] = _get(opener, f"{base}/login", {"username": "ann", "password": "s3cret"})
        seen["after"] = _get(opener, f"{base}/config")

    monkeypatch.setattr(gr.Blocks, "block_thread", check_while_running)
    serve(make_settings(fresh_data_dir, ui_port=port, ui_auth=SecretStr("ann:s3cret")))
    assert seen == {"anonymous": 401, "wrong": 400, "login": 200, "after": 200}
    out = capsys.readouterr()
    assert f"Sourced is running at http://127.0.0.1:{port}/" in out.out
    assert "Warning" not in out.err


def test_rag_serve_ingests_an_empty_store_warns_and_serves(tmp_path: Path, one_article_dir: Path) -> None:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RAG_")},
        "RAG_DATA_DIR": str(tmp_path / "data"),
        "RAG_ARTICLES_DIR": str(one_article_dir),
    }
    command = [sys.executable, "-m", "rag.cli", "serve", "--host", "0.0.0.0", "--port", str(port), "--allow-unauthenticated"]
    process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()  # type: ignore[union-attr]
    try:
        # The URL is printed once the server is listening.
        first = lines.get(timeout=120)
        assert "Sourced is running at http://" in first and f":{port}/" in first
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=10) as response:
            assert response.status == 200
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    assert "other machines can reach it" in err and "RAG_UI_AUTH" in err
    assert "The index is empty; ingesting" in err and "Ingested 1 article (" in err
    assert "Traceback" not in err
