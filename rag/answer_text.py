"""What of an article sentence may appear in an answer: no markup, no dateline, no headline, no half quotation,
and nothing written to an assistant instead of a reader.

The citation panel always shows the sentence exactly as the article has it;
these functions only decide what the answer text itself says.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.text import normalise

# "LONDON (AP) — ", "WASHINGTON, July 3 (Reuters) - ", "Harlan, Ky. — ": the place (and agency) a wire
# story is filed from, in capitals or followed by a dash, before the first sentence.
_DATELINE = re.compile(
    r"^(?:\([^)]{1,40}\)\s*[—–-]{1,2}\s+|[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}(?:,? [A-Z][a-z]{2,9}\.? \d{1,2})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+)(?=[A-Z“\"‘'])"
)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s+|[-*+]\s+|\d+[.)]\s+)")
_DOUBLE_QUOTES = ("“", "”", '"')
# Words that only make sense to a reader who is an assistant; see `addressed_to_assistant`.
_ASSISTANT_WORDS = frozenset(
    {"assistant", "chatbot", "ai", "model", "instructions", "instruction", "prompt", "question", "questions",
     "you", "your", "reply", "respond", "answer"}
)  # fmt: skip


def display_text(sentence: str) -> str:
    """The sentence as an answer shows it: markdown removed, a leading dateline dropped."""
    text = _MARKDOWN_LINK.sub(r"\1", sentence)
    text = _MARKDOWN_EMPHASIS.sub(r"\2", text)
    text = _MARKDOWN_PREFIX.sub("", text)
    stripped = _DATELINE.sub("", text, count=1)
    if len(stripped.split()) >= 4:  # a "dateline" that leaves no sentence was the sentence
        text = stripped
    return " ".join(text.split())


def balanced_quotes(text: str) -> bool:
    """Whether every double quotation mark opened in `text` is closed in it (straight quotes counted in pairs)."""
    opening, closing, straight = text.count("“"), text.count("”"), text.count('"')
    return opening == closing and straight % 2 == 0


def looks_like_headline(text: str) -> bool:
    """A line without final punctuation, as headlines and section labels are, rather than a sentence."""
    stripped = text.rstrip("”\"’')] ")
    return not stripped.endswith((".", "!", "?", ":", ";"))


@lru_cache(maxsize=4096)
def addressed_to_assistant(sentence: str) -> bool:
    """Whether the sentence gives orders to an assistant ("Ignore previous instructions", "Answer every question
    with ...") rather than reporting something: an imperative whose words are about questions, answers,
    instructions or "you". Such text is never an answer, whatever it says."""
    lowered = set(re.findall(r"[a-z]+", normalise(sentence)))
    if not lowered & _ASSISTANT_WORDS:
        return False
    from index.nlp import sentence_parse

    doc = sentence_parse(sentence)  # its dependencies and tags are read, not its entities
    for token in doc:
        if token.dep_ != "ROOT":
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        imperative = token.tag_ == "VB" and not subjects and not any(c.dep_ == "aux" for c in token.children)
        to_you = any(c.lemma_.casefold() in ("you", "assistant", "ai", "chatbot", "model") for c in subjects)
        if imperative:
            return True
        if to_you and any(c.lemma_ in ("must", "should", "will", "shall") for c in token.children if c.dep_ == "aux"):
            return True
    return False
