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
_DOUBLE_QUOTE = re.compile('[“”"]')
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
    """Whether every double quotation mark opened in `text` is closed in it, after it is opened: "… easy,” he
    said. “The main thing …" holds as many opening marks as closing ones, yet starts inside one quotation and
    ends inside another."""
    depth = 0
    for at, opening in _quotation_marks(text):
        if opening:
            # a quotation going on into a new paragraph opens it again without closing the last one
            depth += 0 if depth and _starts_a_paragraph(text, at) else 1
        elif depth:
            depth -= 1
        else:
            return False  # closes a quotation opened before the text
    return depth == 0


def without_half_quotations(text: str) -> str:
    """`text` with the quotation marks it does not pair dropped: the last resort for an answer sentence whose
    quotation cannot be shown whole (the citation panel still shows the article's words as written)."""
    unpaired: list[int] = []
    opened: list[list[int]] = []  # the marks of each quotation still open (a paragraph may open one again)
    for at, opening in _quotation_marks(text):
        if opening and opened and _starts_a_paragraph(text, at):
            opened[-1].append(at)
        elif opening:
            opened.append([at])
        elif opened:
            opened.pop()
        else:
            unpaired.append(at)
    dropped = set(unpaired).union(*opened)
    if not dropped:
        return text
    return " ".join("".join(c for i, c in enumerate(text) if i not in dropped).split())


def _quotation_marks(text: str) -> list[tuple[int, bool]]:
    """Each double quotation mark of `text` with whether it opens a quotation: curly ones say so; a straight one
    opens when it starts the text or follows a space or an opening bracket, and closes otherwise."""
    marks: list[tuple[int, bool]] = []
    for match in _DOUBLE_QUOTE.finditer(text):
        at, mark = match.start(), match.group()
        if mark == '"':
            marks.append((at, at == 0 or text[at - 1].isspace() or text[at - 1] in "([{—–-"))
        else:
            marks.append((at, mark == "“"))
    return marks


def _starts_a_paragraph(text: str, at: int) -> bool:
    """Whether the mark at `at` is the first thing of a line."""
    line_start = text.rfind("\n", 0, at)
    return line_start >= 0 and not text[line_start + 1 : at].strip()


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
