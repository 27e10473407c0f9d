"""Sentences said in more than one place, written once, and the count-and-noun helper.

Each is one plain sentence that says what to do. The CLI, the UI and the
evaluation take them from here, so a user reads the same words wherever the
same thing goes wrong.
"""

from __future__ import annotations

# What configures an LLM endpoint; the tail of every "needs an endpoint" sentence.
ENDPOINT_SETTINGS = "set OPENAI_API_KEY, or OPENAI_BASE_URL and RAG_LLM_MODEL for a local server"
LLM_NOT_CONFIGURED = f"LLM mode needs an endpoint; {ENDPOINT_SETTINGS}."
LLM_NOT_CONFIGURED_IN_APP = f"LLM mode needs an endpoint; {ENDPOINT_SETTINGS}, then restart the app."
JUDGE_NOT_CONFIGURED = f"LLM-judge metrics need an endpoint; {ENDPOINT_SETTINGS}."

ARTICLES_DIR_MISSING = (
    "RAG_ARTICLES_DIR is {path}, which is not a folder; set it to your articles folder, or give `rag ingest` a path."
)
ARTICLE_NOT_FOUND = "No article has the id {article_id!r}; `rag status` lists the ids of the indexed articles."


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 chunk", "2 chunks", "0 chunks"; `plural` for nouns that take more than an s ("1 repair", "2 entries")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
