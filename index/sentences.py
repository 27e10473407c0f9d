"""Sentence boundaries with character offsets, for news prose.

A small regex splitter rather than nltk's punkt: importing punkt costs ~0.8 s
on every `rag ask`, and news sentences are regular enough (abbreviations and
initials are the one trap; see `_ABBREVIATIONS`). Ingestion and answering use
this same function, so sentence spans stored at ingest match those scored at
answer time.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])[”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])|\n+")
_ABBREVIATIONS = (
    "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "Prof.", "Jr.", "Sr.",
    "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "vs.",
    # titles news writing puts before a name (AP style), which no sentence ends on
    "Capt.", "Sgt.", "Cpl.", "Pvt.", "Maj.", "Adm.", "Cmdr.", "Det.", "Supt.", "Insp.", "Rev.", "Hon.", "Atty.",
    "Msgr.",
)

# An abbreviation at the end of the text before a full stop, as a word of its own ("Mr.", not "ATMs.").
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")$")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, shifted by `offset`; whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate_end = match.start()
        before = text[start:candidate_end]
        if "\n" not in match.group(0) and (_ABBREVIATION_END.search(before) or _INITIAL.search(before)):
            continue
        # keep closing quotes with the sentence they close
        end = candidate_end + len(match.group(0)) - len(match.group(0).lstrip("”\"’)]"))
        _append_trimmed(spans, text, start, end, offset)
        start = match.end()
    _append_trimmed(spans, text, start, len(text), offset)
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int, offset: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start + offset, end + offset))
