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

# The notice of a refusal of a question with no English word to look for (rag.wordless).
NO_WORDS_TO_LOOK_FOR = (
    "The question has no English word to look for in the articles (a name, a thing, an event); ask it in English words."
)

ARTICLES_DIR_MISSING = (
    "RAG_ARTICLES_DIR is {path}, which is not a folder; set it to your articles folder, or give `rag ingest` a path."
)
ARTICLE_NOT_FOUND = "No article has the id {article_id!r}; `rag status` lists the ids of the indexed articles."

# Editing an article's details (rag.library.Library.edit_metadata)
METADATA_BAD_DATE = (
    "{value!r} is not a date that reads one way only; write the publication date as YYYY-MM-DD (e.g. 2025-07-03), "
    "or leave it empty."
)
METADATA_BAD_URL = "{value!r} is not a web address; give a full http:// or https:// URL, or leave it empty."
METADATA_TOO_LONG = "The {field} is {length} characters long; shorten it to at most {limit}."
METADATA_FILE_GONE = (
    "The file of “{title}” is no longer at {path}, so its details can't be changed; put the file back and run "
    "`rag ingest`, or delete the article."
)
METADATA_ID_MOVED = "“{title}” is stored under an older id; run `rag ingest` once, then change its details."
METADATA_MANIFEST_UNREADABLE = (
    "The details of “{title}” were not changed: {problem}; fix or remove that manifest.json, then try again."
)
METADATA_NOT_WRITTEN = (
    "The details of “{title}” were not changed: {path} could not be written ({reason}); "
    "make its folder writable, then try again."
)
METADATA_NOT_REINGESTED = (
    "The details of “{title}” were not changed: its file {reason}; fix the file, then try again."
)


def outdated_index(older: int, newer: int, total: int) -> str | None:
    """The notice for answers from a store whose articles another ingest pipeline version wrote (None: none did)."""
    count = older + newer
    if not count:
        return None
    which = "an older" if not newer else "a newer" if not older else "another"
    if count == total:
        return (f"The index was built by {which} version of Sourced, so answers may miss what the articles say; "
                "run `rag ingest` to bring it up to date.")
    return (f"{count} of the {total} articles {'was' if count == 1 else 'were'} indexed by {which} version of Sourced, "
            f"so answers may miss what {'it says' if count == 1 else 'they say'}; run `rag ingest` to bring "
            f"{'it' if count == 1 else 'them'} up to date.")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 chunk", "2 chunks", "0 chunks"; `plural` for nouns that take more than an s ("1 repair", "2 entries")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
