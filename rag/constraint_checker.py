"""Where a question's constraints (names, years, dates, numbers ...; see rag.query) hold: in a sentence, or
else in its article, read once per article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from rag.constraint import Constraint
from rag.models import Passage
from rag.text import normalise, stems, words


@dataclass(frozen=True)
class ArticleTerms:
    """An article as constraints are checked against it: its title, text and date, normalised, and their words."""

    normalised: str
    words: frozenset[str]
    stems: frozenset[str] = frozenset()
    # Whether each constraint holds, as found (an article is kept for a few questions, which share names).
    _held: dict[Constraint, bool] = field(default_factory=dict, compare=False, repr=False)

    def holds(self, constraint: Constraint) -> bool:
        held = self._held.get(constraint)
        if held is None:
            held = self._held[constraint] = constraint.holds_in(self.normalised, self.words)
        return held


def article_terms(title: str, text: str, published: str | None) -> ArticleTerms:
    whole = f"{title}\n{text}\n{published or ''}"
    return ArticleTerms(normalise(whole), frozenset(words(whole)), frozenset(stems(whole)))


ArticleText = Callable[[str], ArticleTerms]


class ConstraintChecker:
    """Where the question's constraints hold: in a sentence, else in its article (read once per article)."""

    def __init__(self, constraints: Sequence[Constraint], article_text: ArticleText | None) -> None:
        self.constraints = list(constraints)
        self._article_text = article_text

    def share_in(self, text: str) -> tuple[float, list[Constraint]]:
        """The share of the question's constraints `text` mentions, and those it does not."""
        if not self.constraints:
            return 1.0, []
        normalised = normalise(text)
        tokens = set(words(text))
        held = {id(c) for c in self.constraints if c.holds_in(normalised, tokens)}
        missing = [c for c in self.constraints if id(c) not in held and not self._alternative_held(c, held)]
        return 1 - len(missing) / len(self.constraints), missing

    def _alternative_held(self, constraint: Constraint, held: set[int]) -> bool:
        return constraint.alternatives is not None and any(
            other.alternatives == constraint.alternatives and id(other) in held for other in self.constraints
        )

    def article_stems(self, passage: Passage) -> frozenset[str]:
        """The stems of the passage's article (of the passage alone when no article text is at hand)."""
        return self._article(passage).stems

    def _article(self, passage: Passage) -> ArticleTerms:
        if self._article_text is not None:
            return self._article_text(passage.article_id)
        return article_terms(passage.title, passage.text, passage.published)

    def hold_in_article(self, passage: Passage, missing: list[Constraint]) -> bool:
        """Whether the constraints the sentence misses all hold in its article (one of each "X or Y" group)."""
        if not missing:
            return True
        article = self._article(passage)
        held = {id(c) for c in missing if article.holds(c) or _published_on(c, passage)}
        return all(id(c) in held or self._alternative_held(c, held) for c in missing)


def _published_on(constraint: Constraint, passage: Passage) -> bool:
    """A date or year constraint also holds for an article published then ("the May 14 vote", reported May 14)."""
    if not passage.published:
        return False
    year, month, day = passage.published.split("-")
    if constraint.kind == "year":
        return constraint.keys[0] == year
    if constraint.kind == "date":
        return int(constraint.keys[0]) == int(month) and constraint.keys[1] == str(int(day))
    return False
