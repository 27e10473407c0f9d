"""One typed settings object: every field documented in .env.example, secrets never shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.settings import PROJECT_ROOT, Settings


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
