"""What is said about the settings: one warning for each thing that is ignored, never for a name Sourced uses."""

from __future__ import annotations

import re
from pathlib import Path

from rag.settings import PROJECT_ROOT
from rag.settings_messages import known_setting_names, setting_warnings


MISSPELLED = {"RAG_TOPK", "RAG_CHUNKSIZE", "RAG_ZZZ"}


def test_misspelled_names_and_unreadable_lines_are_one_warning_each(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("this is not a setting\nRAG_TOPK=4\nRAG_TOP_K=3\nOPENAI_API_KEY=sk-x\nrag_llm_model=m\n")
    environ = {"RAG_CHUNKSIZE": "64", "RAG_ZZZ": "1", "RAG_OPENAI_BASE_URL": "http://h/v1", "rag_top_k": "2",
               "PATH": "/bin", "TOPK": "4"}
    assert setting_warnings(environ, env_file) == [
        f"Warning: {env_file} line 1 is not NAME=value, so it is ignored; fix or remove it.",
        "Warning: RAG_CHUNKSIZE (in the environment) is not a setting of Sourced, so it is ignored; "
        "did you mean RAG_CHUNK_SIZE?",
        "Warning: RAG_ZZZ (in the environment) is not a setting of Sourced, so it is ignored; "
        ".env.example lists the settings.",
        f"Warning: RAG_TOPK (in {env_file}) is not a setting of Sourced, so it is ignored; did you mean RAG_TOP_K?",
    ]
    env_file.write_text("a b\nRAG_TOP_K=3\nc d\n")
    assert setting_warnings({}, env_file) == [
        f"Warning: {env_file} lines 1 and 3 are not NAME=value, so they are ignored; fix or remove them."
    ]
    assert setting_warnings({}, tmp_path / "missing.env") == []


def test_every_rag_name_the_project_uses_is_a_setting() -> None:
    """The warning about unknown RAG_ names must never fire for a name Sourced itself uses (scripts, docs, tests)."""
    used: set[str] = set()
    for pattern in ("*.py", "*.sh", "*.md", "*.toml", ".env.example"):
        for path in PROJECT_ROOT.rglob(pattern):
            if ".venv" in path.parts or "node_modules" in path.parts:
                continue
            used.update(re.findall(r"\bRAG_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8", errors="replace")))
    used -= MISSPELLED  # on purpose, here and in README.md's example
    assert used and used <= known_setting_names(), sorted(used - known_setting_names())
