"""One typed settings object: every field documented in .env.example, secrets never shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.settings import PROJECT_ROOT, Settings
from rag.settings_messages import invalid_setting_sentence


def test_every_setting_is_listed_in_env_example() -> None:
    listed = set(re.findall(r"^# ((?:RAG|OPENAI)_[A-Z_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.M))
    expected = {f"RAG_{name.upper()}" for name in Settings.model_fields} - {"RAG_OPENAI_API_KEY", "RAG_OPENAI_BASE_URL"}
    expected |= {"OPENAI_API_KEY", "OPENAI_BASE_URL"}
    assert listed == expected
    assert all(field.description for field in Settings.model_fields.values())


def test_environment_and_dotenv_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("RAG_TOP_K=7\nOPENAI_BASE_URL=http://127.0.0.1:11434/v1\n")
    monkeypatch.setenv("RAG_LLM_MODEL", "llama3.2")
    settings = Settings(_env_file=env_file)  # type: ignore[call-arg]
    assert settings.top_k == 7 and settings.llm_model == "llama3.2"
    assert settings.llm_configured and settings.effective_answer_mode == "llm"


def test_secrets_are_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret")
    monkeypatch.setenv("RAG_UI_AUTH", "admin:hunter2")
    shown = Settings(_env_file=None).public_dict()  # type: ignore[call-arg]
    assert shown["openai_api_key"] == "********" and shown["ui_auth"] == "********"
    assert "sk-very-secret" not in repr(shown) and "hunter2" not in repr(shown)
    assert "sk-very-secret" not in repr(Settings(_env_file=None))  # type: ignore[call-arg]


def test_default_mode_is_offline_extractive() -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert not settings.llm_configured and settings.effective_answer_mode == "extractive"
    assert not settings.uses_chroma_server


# --- values checked when the settings are read ------------------------------------------------------


def invalid(**values: object) -> str:
    """The sentence the CLI prints for these values (tests/rag/test_cli_settings.py runs it for real)."""
    with pytest.raises(ValidationError) as raised:
        Settings(_env_file=None, **values)  # type: ignore[call-arg]
    return invalid_setting_sentence(raised.value)


# names Chroma refuses (too short, other characters, ends, "..", an IP address) and names it takes
CHROMA_NAMES = ["", "x", "ab", "a b", "../evil", "_ab", "ab-", "ab.", "é-articles", "a..b", "1.2.3.4", "127.0.0.1",
                "abc", "articles", "t-1a2b3c", "A.b_c-9", "1.2.3", "01.02.03.04", "999.1.1.1", "a" * 242]


def test_collection_names_are_checked_as_chroma_checks_them(tmp_path: Path) -> None:
    """A name is accepted exactly when the installed Chroma takes it and the "-articles" name made from it."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.PersistentClient(path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    for name in CHROMA_NAMES:
        try:
            client.get_or_create_collection(name)
            client.get_or_create_collection(f"{name}-articles")
            chroma_takes = True
        except Exception:  # noqa: BLE001  chromadb's InvalidArgumentError, ValueError
            chroma_takes = False
        try:
            Settings(_env_file=None, collection=name)  # type: ignore[call-arg]
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted == chroma_takes, name
    sentence = invalid(collection="x")
    assert sentence.startswith("The setting collection is invalid: the collection name 'x' must be 3 to 242 characters")
    assert sentence.endswith("; fix RAG_COLLECTION in the environment or .env.")
    # names the data folder's keyword/ holds ("<collection>.repairs.json") must fit in a file name
    assert "3 to 242" in invalid(collection="a" * 243)


def test_the_overlap_must_be_smaller_than_the_chunk() -> None:
    sentence = invalid(chunk_overlap=500)
    assert "RAG_CHUNK_OVERLAP (500)" in sentence and "RAG_CHUNK_SIZE (230)" in sentence
    assert sentence.endswith(".") and sentence.count(".") <= 2
    assert "RAG_CHUNK_SIZE (64)" in invalid(chunk_size=64, chunk_overlap=64)
    assert Settings(_env_file=None, chunk_size=64).chunk_overlap == 40  # type: ignore[call-arg]


@pytest.mark.parametrize("port", [0, 65536, 99999])
def test_the_chroma_port_is_a_port(port: int) -> None:
    sentence = invalid(chroma_port=port)
    assert sentence.startswith("The setting chroma_port is invalid: input should be") and "RAG_CHROMA_PORT" in sentence
    assert Settings(_env_file=None, chroma_port=65535).chroma_port == 65535  # type: ignore[call-arg]


@pytest.mark.parametrize("url", ["notaurl", "http://[::1", "ftp://example.org/v1", "http://", "127.0.0.1:11434/v1",
                                 "http://host:99999/v1"])
def test_the_base_url_is_an_http_url(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_BASE_URL", "RAG_OPENAI_BASE_URL"):
        monkeypatch.setenv(name, url)
        sentence = invalid()
        assert sentence.startswith("The setting openai_base_url is invalid: ") and "fix OPENAI_BASE_URL" in sentence
        monkeypatch.delenv(name)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://user:secret@:80/v1")
    assert "secret" not in invalid()
    monkeypatch.setenv("OPENAI_BASE_URL", "https://llm.example.org/v1")
    assert Settings(_env_file=None).openai_base_url == "https://llm.example.org/v1"  # type: ignore[call-arg]


def test_a_data_dir_that_is_a_file_is_invalid(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    assert invalid(data_dir=afile) == (
        f"The setting data_dir is invalid: {afile} is a file, not a folder; fix RAG_DATA_DIR in the environment or .env."
    )
    assert f"{afile} (part of {afile / 'data'}) is a file" in invalid(data_dir=afile / "data")
    assert Settings(_env_file=None, data_dir=tmp_path / "new" / "data").data_dir == tmp_path / "new" / "data"  # type: ignore[call-arg]


# --- what is ignored, said once ----------------------------------------------------------------------
