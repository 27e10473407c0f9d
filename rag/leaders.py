"""Who heads something: "Who heads the fishermen's company?", "Who runs the marina?", "Who's in charge of the
company that will run the complex?" ask for the one news writing gives a head's title beside the name ("the
group's president, Jory Tremethick", "owner Erling Gunderholt", "Araminta Ellingsworth, the trust's executive
director"), in the article about the thing asked. The titles are English words for who heads a firm, a group or an
office, not any article's.
"""

from __future__ import annotations

import re

from rag.candidate import Candidate
from rag.new_names import a_persons_name
from rag.query import QuestionAnalysis
from rag.text import stems

# "Who heads / runs / leads X?", "Who is in charge of X?", "Who's running X?"; not "Who ran for mayor?" nor "Who
# led the search?" (an activity: the thing asked must be one a head's title is of, below), nor "Who was running the
# mill in 1982?" (a head then, which a title in the news need not give).
_ASKS_WHO_HEADS = re.compile(
    r"^\W*who(?:'s|\s+is)?\s+(?:heads|runs|leads|running|heading|leading|in\s+charge\s+of)\s+(?P<thing>.+)$",
    re.IGNORECASE,
)
# Where the thing asked ends and what is said of it begins: "the marina | that wants ...", "the cleanup | at the
# plant", "the investigation | into the company", "| for president of the union".
_THING_ENDS = re.compile(
    r"\b(?:that|which|who|whose|where|when|while|at|in|into|for|of|on|from|with|to|after|over|during|since|about|"
    r"against|near|and|or)\b|[,;:?!]",
    re.IGNORECASE,
)
# Nouns for what has a head with a title: a firm, a group, an office; "run for", "lead the search" name none.
_HEADED_NOUNS = frozenset(
    "company firm business group organization organisation nonprofit charity association society trust club union "
    "co-op cooperative marina plant mill store shop restaurant hospital clinic agency department office district "
    "foundation museum library theater theatre center centre chamber fund coalition alliance network utility "
    "authority corporation partnership practice brewery bakery farm hotel lodge outfit newspaper paper team "
    "league school college university church congregation board commission council committee".split()
)
_HEADED_STEMS = frozenset(stems(" ".join(_HEADED_NOUNS)))
# Words news calls a firm or a group by whatever its trade ("the group's president" of the fishermen's company,
# "the trust's executive director" of the nonprofit); other nouns name a body the question must name itself.
_ANY_BODY_NOUNS = frozenset(stems("company firm business group organization organisation nonprofit trust corporation "
                                  "outfit"))  # fmt: skip
# Words that may stand before a head's title and keep it the head's ("interim director", "acting president").
_KEEPING_QUALIFIERS = frozenset(stems("interim acting longtime current new"))
# Words that end what stands before a title, going back from it: "..., said owner Erling Gunderholt", "opened by
# former owner ..." ("former" is read, "by" ends it).
_BEFORE_ENDS = frozenset("the its their his her said says told by of for with from to and as at in on according "
                         "while when who is was were are has had be been".split())  # fmt: skip
# Determiners that make a title no one's post: "looking for a new director, Ana Loy said", "has no manager, ...".
_NO_ONES = frozenset("a an no any another".split())
# A head's title just before a name ("the group's president, Jory Tremethick", "owner Erling Gunderholt", "chief
# executive Tiberius Coyle"; the model may tag the surname alone) or just after it ("Araminta Ellingsworth, the
# trust's executive director", "Ivo Marsh, president of the Orle Association"), with what stands before it and
# whose title it is.
_HEAD_TITLE = (r"(?:president|chief\s+executive(?:\s+officer)?|ceo|owner|co-owner|founder|co-founder|"
               r"(?:executive\s+|managing\s+)?director|chair(?:man|woman|person)?|head|(?:general\s+)?manager|"
               r"leader|publisher|proprietor)")  # fmt: skip
_TITLE_BEFORE = re.compile(rf"\b(?P<title>{_HEAD_TITLE}),?\s+(?-i:(?:[A-Z][\w'’.-]*\s+){{0,2}})$", re.IGNORECASE)
_TITLE_AFTER = re.compile(
    rf"^,\s+(?P<owner>(?:[\w'’.-]+\s+){{0,3}}?)(?P<title>{_HEAD_TITLE})\b(?!['’]s\b)"
    r"(?:\s+of\s+(?P<of>[^,.;:!?\"“”()]*))?",
    re.IGNORECASE,
)
_TITLE_REACH = 60
_EMERITUS = re.compile(r"\bemerit(?:us|a)\b", re.IGNORECASE)


def asks_who_heads(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks who heads a firm, a group or an office ("Who runs the marina?"; not "Who is in
    charge of the cleanup at the plant?", where the plant is not what is asked about)."""
    if analysis.answer_type != "person":
        return False
    return _asked_body(analysis.question) is not None


def _asked_body(question: str) -> str | None:
    """The stem of the noun for what "Who runs X?" asks the head of: "marina" of "the marina that wants ...",
    "team" of "the union's negotiating team"; None when X ends in no such noun ("the cleanup | at the plant")."""
    asked = _ASKS_WHO_HEADS.match(question)
    named = stems(_THING_ENDS.split(asked.group("thing"), maxsplit=1)[0]) if asked else []
    return named[-1] if named and named[-1] in _HEADED_STEMS else None


def titled_head(candidate: Candidate, question: str) -> bool:
    """Whether the candidate's value is a person's name the sentence gives a head's title right beside, the title
    of what the question asks about (not "the county's manager", "former owner", "vice president", "president of
    the library's friends group" for "Who runs the library?")."""
    if candidate.answer is None:
        return False
    s, e, label = candidate.answer
    text = candidate.passage.text
    if not a_persons_name(text[s:e], label, question):
        return False
    before = _TITLE_BEFORE.search(text, max(candidate.start, s - _TITLE_REACH), s)
    if before and _EMERITUS.search(text, before.end("title"), e):
        return False  # "Director Emeritus Hal Pettigrew": a head that was
    if before:
        qualifiers = _words_before(text[candidate.start : before.start("title")])
        return qualifiers is not None and _of_the_thing(qualifiers, question)
    after = _TITLE_AFTER.match(text[e : min(candidate.end, e + _TITLE_REACH)])
    if after:
        owner = after.group("owner").split()
        of = _words_to_a_break(after.group("of") or "")
        one_of_several = after.group("title").casefold() in ("owner", "co-owner")  # "a co-owner of the diner"
        return ((not owner or owner[0].casefold() not in _NO_ONES or one_of_several)
                and _of_the_thing(owner + of, question))  # fmt: skip
    return False


def _words_before(text: str) -> list[str] | None:
    """The words that qualify a title, going back from it to a break ("the county's" of "the county's manager",
    "former" of "by former owner"); None after "a" or "no" ("looking for a director, Ana Loy said")."""
    qualifiers: list[str] = []
    for word in reversed(text.split()):
        if word[-1] in ",;:\"“”()—–" or word[0] in "\"“(":
            break
        if word.casefold() in _NO_ONES:
            return None
        if word.casefold() in _BEFORE_ENDS:
            break
        qualifiers.insert(0, word)
    return qualifiers


def _words_to_a_break(text: str) -> list[str]:
    """The words of what "president of ..." is president of, to the first word that says something of it."""
    return _THING_ENDS.split(text, maxsplit=1)[0].split() if text else []


def _of_the_thing(qualifiers: list[str], question: str) -> bool:
    """Whether the words qualifying a head's title leave it the title of what the question asks about: none
    ("owner"), the question's own ("marina owner", "the hospital's chief executive", "Hospital president"), a word
    for any body when the question asks of one by such a word ("the group's president" for "the fishermen's
    company"), one that keeps the post ("interim"), or a name of the kind of body asked when the question names
    none ("Vasko Marina owner" for "Who runs the marina?"); not "the county's", "former", "vice", "Society", a body
    of another kind ("union president" for "the union's negotiating team", "the company's president" for "Who runs
    the bakery?"), nor "Tamsin Library" for "Who runs the Orrin library?"."""
    body = _asked_body(question)
    asked = set(stems(question))
    question_names = set(stems(" ".join(re.findall(r"(?<!^)(?<![?.!]\s)\b[A-Z][\w'’-]*", question.strip()))))
    words = [w for w in qualifiers if stems(w)]  # "the", "its", "of" qualify nothing
    if not words:
        return True
    names_the_kind = stems(words[-1])[-1] == body and not question_names
    for word in words:
        word_stems = set(stems(word))
        if word_stems & (_HEADED_STEMS - {body}):
            if word_stems <= _ANY_BODY_NOUNS and body in _ANY_BODY_NOUNS:
                continue
            return False
        if word_stems <= asked or word_stems <= _KEEPING_QUALIFIERS:
            continue
        if names_the_kind and word[:1].isupper():
            continue  # "Vasko Marina owner Erling Vasko": the marina's own name
        return False
    return True


def first_titled_head(candidates: list[Candidate], analysis: QuestionAnalysis, window: int) -> Candidate | None:
    """For "Who runs the marina?": the first of the first `window` candidates whose name has a head's title beside
    it, in the article of the best one (which the question's words chose)."""
    if not candidates or not asks_who_heads(analysis):
        return None
    article = candidates[0].passage.article_id
    return next((c for c in candidates[:window]
                 if c.passage.article_id == article and titled_head(c, analysis.question)), None)  # fmt: skip
