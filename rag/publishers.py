"""How a question names a publisher: "according to AP", "per the Sydney Morning Herald", "the SMH reported".

A publisher is named only by a capitalised form that stands for it: its full
name (without "the"), its last word when that is not a generic word of
newspaper names ("Herald", "Independent", but not "Times" or "News"), or its
initials written in capitals ("AP", "SMH"; "RFE" from "RFE/RL"). Lower-case
words never name a publisher: "this morning" is not The Sydney Morning Herald
and "an independent inquiry" is not The Independent.
"""

from __future__ import annotations

import re
from typing import Collection

from rag.text import normalise

# Last words shared by so many newspaper names that alone they name none.
_GENERIC_LAST_WORDS = frozenset({"times", "press", "news", "post", "daily", "journal", "online", "network", "media"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def publisher_names(publisher: str) -> set[str]:
    """The capitalised forms that name `publisher` in a question: full name, distinctive last word, initials."""
    parts = [p for p in re.split(r"\s*/\s*", publisher.strip()) if p]
    names: set[str] = set()
    for part in parts:
        words = [w for w in _WORD.findall(part) if w.casefold() != "the"]
        if not words:
            continue
        names.add(" ".join(words))
        if len(words) > 1:
            initials = "".join(w[0] for w in words if w[0].isupper())
            if len(initials) >= 2:
                names.add(initials.upper())
            if words[-1].casefold() not in _GENERIC_LAST_WORDS and words[-1][0].isupper():
                names.add(words[-1])
        elif words[0].isupper() or len(words[0]) > 2:
            names.add(words[0])
    return names


def named_publishers(question: str, publishers: Collection[str]) -> set[str]:
    """The publishers among `publishers` that the question names (see the module docstring)."""
    found: set[str] = set()
    for publisher in publishers:
        for name in publisher_names(publisher):
            if re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", question):
                found.add(publisher)
                break
    return found


def publisher_words(publishers: Collection[str]) -> frozenset[str]:
    """Every publisher's names, normalised ("pell county courier", "courier", "pcc"): a name in a question that is
    one of these refers to a source, not to what the question is about ("Pell County" is not the Courier)."""
    return frozenset(normalise(name) for publisher in publishers for name in publisher_names(publisher))


def _folded(name: str) -> str:
    """A name as a filter compares it: its words, case-folded, without "the" ("The Gazette" -> "gazette")."""
    return " ".join(w.casefold() for w in _WORD.findall(name) if w.casefold() != "the")


def match_publishers(name: str, publishers: Collection[str]) -> set[str]:
    """The publishers among `publishers` that a filter value names, case-insensitively.

    A publisher's full name (with or without "the") picks that publisher alone;
    otherwise any of its names (`publisher_names`: "AP", "SMH", "Gazette") picks
    every publisher having that name, so "gazette" keeps two gazettes. Unlike a
    question, a filter is a name and nothing else, so lower case names too.
    """
    wanted = _folded(name)
    if not wanted:
        return set()
    exact = {p for p in publishers if _folded(p) == wanted}
    if exact:
        return exact
    return {p for p in publishers if any(_folded(form) == wanted for form in publisher_names(p))}
