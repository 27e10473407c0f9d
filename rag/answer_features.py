"""How a value answer stands in its sentence, for the ranker: how near the question's words, whether next to the
noun asked about, and how precise it is.
"""

from __future__ import annotations

import re

from rag.candidate import Entity, text_stems
from rag.counted_nouns import COUNTED_WINDOW
from rag.text import stems, stopwords


def _specific(value: str) -> float:
    """How precise a value is: 1 with a digit ("April 2", "$4 million"), 0.75 for a bare year; 0.5 for a name ("Irene Solberg",
    "Monday"); 0 for a vague one ("evening", "a day", "earlier this week")."""
    if re.fullmatch(r"(?:in |the )?(1[89]|20)\d\d", value.strip(), re.IGNORECASE):
        return 0.75  # a bare year: "2022" says less than "February 24, 2022"
    if any(c.isdigit() for c in value):
        return 1.0
    words = [w for w in value.split() if w[:1].isalpha()]
    named = [w for w in words if w[:1].isupper()]
    if not named:
        return 0.0
    return 0.5 if len(named) == len(words) or len(named) > 1 else 0.25


def _on_focus(text: str, entity: Entity, focus_stems: set[str], sentence_stems: set[str]) -> float:
    """1 when the noun asked about is next to the answer ("12 homes", "four southeastern provinces", "a budget
    of $4 million"); 0.5 for a number standing alone ("killed at least 12.") in a sentence that mentions it;
    0 otherwise, e.g. a number of something else ("two rounds", "86 days")."""
    if not focus_stems:
        return 0.5
    before = text[max(0, entity[0] - 60) : entity[0]].split()[-COUNTED_WINDOW:]
    if _followed_by(text, entity, focus_stems) or focus_stems & text_stems(" ".join(before)):
        return 1.0
    following = re.findall(r"[^\W\d_]+|\d+|[^\w\s]", text[entity[1] : entity[1] + 40])
    bare = not following or not following[0].isalpha() or following[0].casefold() in stopwords()
    return 0.5 if bare and focus_stems <= sentence_stems else 0.0


def _followed_by(text: str, entity: Entity, focus_stems: set[str]) -> bool:
    after = text[entity[1] : entity[1] + 60]
    return bool(focus_stems) and bool(focus_stems & text_stems(" ".join(after.split()[:COUNTED_WINDOW])))


def nearness(text: str, entity: Entity, start: int, end: int, query_stems: set[str]) -> float:
    """1 / (1 + words between the entity and the nearest word of the question in the sentence)."""
    tokens = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    positions = [i for i, (_, token) in enumerate(tokens) if set(stems(token)) & query_stems]
    if not positions:
        return 0.0
    entity_positions = [i for i, (offset, _) in enumerate(tokens) if entity[0] <= offset < entity[1]]
    if not entity_positions:
        return 0.0
    distance = min(abs(i - j) for i in entity_positions for j in positions)
    return 1.0 / (1 + max(0, distance - 1))
