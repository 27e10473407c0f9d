"""Who heads something: "Who heads the fishermen's company?", "Who runs the marina?", "Who's in charge of the
company that will run the complex?" ask for the one news writing gives a head's title beside the name ("the
group's president, Jory Tremethick", "owner Erling Gunderholt", "Araminta Ellingsworth, the trust's executive
director"), in the article about the thing asked. The titles are English words for who heads a firm, a group or an
office, not any article's.
"""

from __future__ import annotations

import re

from rag.candidates import Candidate, a_persons_name
from rag.query import QuestionAnalysis
from rag.text import stems

# "Who heads / runs / leads X?", "Who is in charge of X?", "Who's running X?"; not "Who ran for mayor?" nor "Who
# led the search?" (an activity: the thing asked must be one a head's title is of, below).
_ASKS_WHO_HEADS = re.compile(
    r"^\W*who(?:'s|\s+is|\s+was)?\s+(?:heads|runs|leads|running|heading|leading|in\s+charge\s+of)\s+(?P<thing>.+)$",
    re.IGNORECASE,
)
# Nouns for what has a head with a title: a firm, a group, an office; "run for", "lead the search" name none.
_HEADED_NOUNS = frozenset(
    "company firm business group organization organisation nonprofit charity association society trust club union "
    "co-op cooperative marina plant mill store shop restaurant hospital clinic agency department office district "
    "foundation museum library theater theatre center centre chamber fund coalition alliance network utility "
    "authority corporation partnership practice brewery bakery farm hotel lodge outfit newspaper paper team "
    "league school college university church congregation".split()
)
# A head's title just before a name ("the group's president, Jory Tremethick", "owner Erling Gunderholt", "chief
# executive Tiberius Coyle"; the model may tag the surname alone) or just after it ("Araminta Ellingsworth, the
# trust's executive director"), with whose title it is ("Society president", "president of the Orle Association").
_HEAD_TITLE = (r"(?:president|chief\s+executive(?:\s+officer)?|ceo|owner|co-owner|founder|co-founder|"
               r"(?:executive\s+|managing\s+)?director|chair(?:man|woman|person)?|head|(?:general\s+)?manager|"
               r"leader|publisher|proprietor)")  # fmt: skip
_TITLE_BEFORE = re.compile(
    rf"(?P<owner>(?-i:(?:\b[A-Z][\w'’.-]*\s+)*))\b{_HEAD_TITLE},?\s+(?-i:(?:[A-Z][\w'’.-]*\s+){{0,2}})$", re.IGNORECASE
)
_TITLE_AFTER = re.compile(
    rf"^,\s+(?:the\s+|its\s+|their\s+)?(?P<owner>(?:[\w'’.-]+\s+){{0,3}}?){_HEAD_TITLE}\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)))?",
    re.IGNORECASE,
)
_TITLE_REACH = 60


def asks_who_heads(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks who heads a firm, a group or an office ("Who runs the marina?")."""
    if analysis.answer_type != "person":
        return False
    asked = _ASKS_WHO_HEADS.match(analysis.question)
    return asked is not None and bool(set(stems(asked.group("thing"))) & _HEADED_STEMS)


_HEADED_STEMS = frozenset(stems(" ".join(_HEADED_NOUNS)))


def titled_head(candidate: Candidate, question: str) -> bool:
    """Whether the candidate's value is a person's name the sentence gives a head's title right beside."""
    if candidate.answer is None:
        return False
    s, e, label = candidate.answer
    text = candidate.passage.text
    if not a_persons_name(text[s:e], label, question):
        return False
    before = _TITLE_BEFORE.search(text, max(candidate.start, s - _TITLE_REACH), s)
    after = _TITLE_AFTER.match(text[e : min(candidate.end, e + _TITLE_REACH)])
    if before:
        return not _of_another(before.group("owner"), question)
    if after:
        return not _of_another(f"{after.group('owner')} {after.group('of') or ''}", question)
    return False


def _of_another(owner: str, question: str) -> bool:
    """Whether a head's title is given as that of something the question does not name: "Society president", ",
    president of the Lake Wenonish Association" (a name of its own), not "the group's president" or "owner"."""
    named = [w for w in re.findall(r"[A-Z][\w'’-]*", owner) if w.casefold() not in ("the", "its", "their")]
    return bool(named) and not set(stems(" ".join(named))) & set(stems(question))


def first_titled_head(candidates: list[Candidate], analysis: QuestionAnalysis, window: int) -> Candidate | None:
    """For "Who runs the marina?": the first of the first `window` candidates whose name has a head's title beside
    it, in the article of the best one (which the question's words chose)."""
    if not candidates or not asks_who_heads(analysis):
        return None
    article = candidates[0].passage.article_id
    return next((c for c in candidates[:window]
                 if c.passage.article_id == article and titled_head(c, analysis.question)), None)  # fmt: skip
