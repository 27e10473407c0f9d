"""The questions of a compound one ("What rating did the storm get, and what did repairs cost?"), each to be
analysed apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A part of a compound question is a question of its own only with this many words.
_MIN_PART_WORDS = 3


def question_parts(doc: "Doc") -> list[str]:
    """The questions of a compound one, split where "and" starts a new question ("..., and who said so?",
    "... and when did it open?"); [] for a single question."""
    parts: list[str] = []
    start = 0
    counted: dict[str, str] = {}  # the noun an earlier part counts, by "many" or "much" ("How many jobs ...")
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.lower_ != "and" or following.tag_ not in ("WDT", "WP", "WP$", "WRB"):
            continue
        before = doc[start : token.i]
        if sum(t.is_alpha for t in before) < _MIN_PART_WORDS or sum(t.is_alpha for t in doc[token.i + 1 :]) < 2:
            continue
        parts.append(_with_counted_noun(_as_question(before.text), counted))
        counted.update(_noun_counted_by_how(before))
        start = token.i + 1
    if not parts:
        return []
    parts.append(_with_counted_noun(_as_question(doc[start:].text), counted))
    return parts


# "how many" with no noun before its verb: "..., and how many does the plant expect to hire?"
_ELIDED_COUNT = re.compile(
    r"^(how (many|much))\s+(?=(?:do|does|did|will|would|is|are|was|were|has|have|had|can|could|should|might)\b)",
    re.IGNORECASE,
)


def _noun_counted_by_how(span: "Span") -> tuple[tuple[str, str], ...]:
    """The noun a "how many" or "how much" of `span` counts, by that word (("many", "jobs") in "How many jobs
    did Orlow lose"), if any."""
    for token in span:
        if (token.lower_ in ("many", "much") and token.i > 0 and token.doc[token.i - 1].lower_ == "how"
                and token.head.pos_ == "NOUN" and token.head.i > token.i):  # fmt: skip
            return ((token.lower_, token.head.text),)
    return ()


def _with_counted_noun(part: str, counted: dict[str, str]) -> str:
    """A part that counts without saying what takes the noun an earlier part counts: "How many jobs did Orlow
    lose, and how many does the new plant expect to create?" asks how many *jobs* the plant will create. Only
    a noun counted by the same word: "how much" does not measure the jobs "how many" counted ("How many jobs
    did Orlow lose, and how much will the new plant cost?"), nor "how many" count the rain "how much" measured."""

    def with_noun(match: re.Match[str]) -> str:
        noun = counted.get(match.group(2).casefold())
        return f"{match.group(1)} {noun} " if noun else match.group(0)

    return _ELIDED_COUNT.sub(with_noun, part, count=1)


def _as_question(text: str) -> str:
    text = text.strip().rstrip(",;:?").strip()
    return f"{text[:1].upper()}{text[1:]}?"
