"""Votes as news reports them: which side of a vote a sentence tells of, who voted so, and whom and what a question
about a vote asks (where a voter's account of her vote is: rag.voter_accounts).

A vote's report names who voted no (or yes) in a sentence of its own ("Council members Ada Kell and Ned Roe voted
no.") and gives their account in that sentence ("..., saying the money would be better spent ...") or after it
("She said ...", "Kell said ..."). So "Who voted against it?" is answered by the sentence that names them, and
"Why did Ada Kell vote no?" by the sentence of her vote with her account, or not at all when the report gives
only another voter's. The phrases below are English phrases of voting and of saying, not any article's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from index.nlp import parse, sentence_parse
from rag.candidate import Candidate
from rag.new_names import a_persons_name, names_a_person
from rag.query import QuestionAnalysis
from rag.text import NUMBER_WORDS, stems, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VoteSide = Literal["no", "yes"]
# How news writing says which side of a vote someone took.
# ("no vote" only as one cast, "the lone no vote", "two no votes", not "there will be no vote on it"; "dissent" as
# one's vote, "dissented", "the lone dissent", "Why did she dissent?", "the only one to dissent", not "dissent among
# residents", "to voice dissent", "would not tolerate dissent"; "opposed", not "as opposed to"; not "no votes
# against it", a unanimous vote)
_DISSENTER = (r"(?:not|never|he|she|they|the|a|an|one|two|three|lone|only|sole|(?-i:[A-Z])[\w.'’-]*|"
              r"members?|trustees?|commissioners?|council(?:o|lo)rs?|regents?|supervisors?|justices?|judges?)")
_VOTED_NO = re.compile(
    r"(?<!\bno\s)(?<!\bzero\s)\bvot(?:ed|es|e|ing)\s+(?:no|against|nay)\b|\bdissent(?:s|ed|ing|ers?)\b|"
    r"\b(?:lone|only|sole|single|one)\s+dissent\b|"
    rf"\b(?:did|does|do|would|will)\s+(?:{_DISSENTER}\s+){{0,3}}?dissent\b|\bto\s+dissent\b|"
    r"(?<!\bas\s)\boppos(?:e|es|ed|ing)\b|"
    r"\b(?:the|a|lone|only|sole|single|any|two|three|four|five|six|\d+)\s+(?:lone\s+|only\s+|sole\s+)?"
    r"[\"“]?no[\"”]?\s+votes?\b|\blone holdout\b",
    re.IGNORECASE,
)
_VOTED_YES = re.compile(r"(?<!\bno\s)(?<!\bzero\s)\bvot(?:ed|es|e|ing)\s+(?:yes|for|aye|in favou?r)\b", re.IGNORECASE)
# "urged residents to vote no", "plans to vote against it": asked of others or yet to come, not a vote cast; but
# "the only member to vote against it", "one of two trustees to vote no" tell of one cast
_TO_VOTE_NO = re.compile(r"\bto\s+vote\s+(?:no|against|nay)\b", re.IGNORECASE)
_ONE_WHO_VOTED = re.compile(r"\b(?:only|lone|sole|single|one\s+of)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _votes_cast(text: str) -> str:
    """`text` with each vote asked of others or yet to come blanked out (`_TO_VOTE_NO`), its offsets kept."""

    def blanked(vote: re.Match[str]) -> str:
        cast = _ONE_WHO_VOTED.search(text[max(0, vote.start() - 60) : vote.start()])
        return vote.group() if cast else " " * len(vote.group())

    return _TO_VOTE_NO.sub(blanked, text)


def vote_side(text: str) -> VoteSide | None:
    """"no" for "voted no", "voted against", "opposed", "the lone dissenting vote"; "yes" for "voted yes", "voted
    for"; None for neither or both, and for a vote asked of others ("urged residents to vote no")."""
    text = _votes_cast(text)
    no, yes = bool(_VOTED_NO.search(text)), bool(_VOTED_YES.search(text))
    return None if no == yes else ("no" if no else "yes")


# Those who vote on a body's decisions, as a question names them: "Why was one council member against it?"
_VOTERS = re.compile(r"\b(?:members?|commissioners?|council(?:o|lo)rs?|trustees?|regents?|supervisors?|aldermen|"
                     r"alderman|alderwomen|alderwoman|directors?|selectmen|selectman|legislators?|holdouts?|"
                     r"dissenters?)\b", re.IGNORECASE)  # fmt: skip
AGAINST = re.compile(r"\bagainst\b", re.IGNORECASE)
# Nouns for what a voter held against something: "What objection did the lone no vote raise?", "What was Ada
# Kell's problem with the plan?" ask for her account of a no vote, as "Why did she vote no?" does.
OBJECTION_NOUNS = frozenset({"objection", "concern", "complaint", "problem", "worry", "gripe", "reservation",
                              "criticism", "quarrel", "beef", "misgiving"})  # fmt: skip


def asks_for_an_account(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks for a voter's account of a vote: "Why ...?", or "What objection / concern /
    problem ...?"."""
    return analysis.answer_type == "reason" or (
        analysis.answer_type == "description" and (analysis.focus or "").casefold() in OBJECTION_NOUNS
    )


def account_side(analysis: QuestionAnalysis) -> VoteSide | None:
    """The side of the vote whose account the question asks for: the one it names (`asked_side`), or "no" for an
    objection of a voter ("What was Ada Kell's problem with the plan?"); not a thing's ("What was the problem with
    the bridge?", "What problem did the audit find?"), which a voter's account after a no vote does not answer."""
    side = asked_side(analysis.question)
    if (side is None and analysis.answer_type == "description" and asks_for_an_account(analysis)
            and asks_of_a_voter(analysis)):  # fmt: skip
        return "no"
    return side


def asked_side(question: str) -> VoteSide | None:
    """The side of a vote a question asks about (`vote_side`); also "no" for a voter, or someone named, "against"
    something ("Why was one council member against the cameras?", "Why was Ada Kell against it?"), not for
    neighbours against a tower nor a lawsuit against the city."""
    side = vote_side(question)
    if side is not None or not AGAINST.search(question):
        return side  # (most questions: no parse)
    against = next((t for t in sentence_parse(question) if t.lower_ == "against"), None)
    if against is None:
        return None
    # the parser hangs "against" on "was", or on the subject of "was" ("member ... against")
    head = against.head
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        subject: "Token | None" = head
    else:
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if head.lemma_ == "be" else None
    return "no" if subject is not None and (subject.pos_ == "PROPN" or _VOTERS.fullmatch(subject.text)) else None


_OPPOSE = re.compile(r"oppos", re.IGNORECASE)
# Who has a vote: "Council members Ines Quade and Bo Lind opposed the garage" tells of their votes
_VOTER_TITLE = re.compile(r"\b(?:council\s*(?:wo)?m[ae]n|council\s+members?|councilors?|commissioners?|trustees?|"
                          r"board\s+members?|selectm[ae]n|selectwom[ae]n|aldermen|alderman|supervisors?|regents?)\b",
                          re.IGNORECASE)  # fmt: skip


def side_phrase(text: str, side: VoteSide, cast_only: bool = False) -> re.Match[str] | None:
    """Where `text` says it voted on `side` ("voted no", "cast the lone no vote"); None when it does not. With
    `cast_only`, not "opposed", which tells of residents and officials who have no vote as well ("Neighbors led by
    Hana Vesely opposed the rezoning")."""
    text = _votes_cast(text)
    pattern = _VOTED_NO if side == "no" else _VOTED_YES
    return next((m for m in pattern.finditer(text) if not (cast_only and _OPPOSE.match(m.group()))), None)


def cast_phrase(text: str, side: VoteSide) -> re.Match[str] | None:
    """Where `text` tells of a vote cast on `side`: "voted no", "the lone no vote", or "opposed" after a voter's
    title ("Council members Ines Quade and Bo Lind opposed the garage"); not "Neighbors led by Hana Vesely opposed
    the rezoning", who have no vote."""
    phrase = side_phrase(text, side)
    if phrase is not None and _OPPOSE.match(phrase.group()) and not _VOTER_TITLE.search(text, 0, phrase.start()):
        return side_phrase(text, side, cast_only=True)
    return phrase


def _asks_a_vote_cast(question: str, side: VoteSide) -> bool:
    """Whether the question asks of a vote cast ("Who voted against it?"), not of opposing ("Who opposed it?")."""
    phrase = side_phrase(question, side)
    return phrase is not None and not _OPPOSE.match(phrase.group())


# Words that tell a vote's phrase is of an earlier vote than the one reported: "Mayor Dana Fisk, who opposed the
# plan last year, said ...", "who had opposed the skate park"
_EARLIER_VOTE = re.compile(r"\b(?:last|previous|prior)\s+(?:year|month|week|term|spring|summer|fall|winter)\b|"
                           r"\bpreviously\b", re.IGNORECASE)  # fmt: skip
_HAD_BEFORE = re.compile(r"\bhad\s+(?:(?:also|long|once|earlier)\s+)?$", re.IGNORECASE)


def earlier_vote(text: str, side: VoteSide, question: str) -> bool:
    """Whether the sentence's votes on `side` are all earlier ones than the question's: "had opposed", "opposed the
    plan last year" (to its clause's end), when the question says nothing of the kind; not "who had voted against
    it on its first reading, voted against it again"."""
    if _EARLIER_VOTE.search(question) or re.search(r"\bhad\b", question, re.IGNORECASE):
        return False
    text = _votes_cast(text)
    phrases = list((_VOTED_NO if side == "no" else _VOTED_YES).finditer(text))
    # (a clause ends at a comma, a semicolon or a full stop, not at a decimal point: "the $1.2 million plan")
    clauses = [(re.split(r"[,;]|\.(?!\d)", text[p.start():], maxsplit=1)[0], text[: p.start()]) for p in phrases]
    return bool(clauses) and all(_EARLIER_VOTE.search(clause) or _HAD_BEFORE.search(before)
                                 for clause, before in clauses)  # fmt: skip


def surnames(names: list[str]) -> set[str]:
    """The last word of each name ("Ada Kell" -> "kell"), as `rag.text.words` writes it."""
    return {words(name)[-1] for name in names if words(name)}


# The word of a question that begins what it asks of a vote: "vote", "voted", "opposed", "dissent", "against",
# "holdout".
_A_VOTE_WORD = re.compile(r"vot|oppos|dissent|against$|holdout")


def vote_word(doc: "Doc") -> int | None:
    """The index of the question's first vote word (`_A_VOTE_WORD`), else of its noun of an objection ("What was
    Ada Kell's problem with it?": "problem", and a possessive before it: "'s"), if any."""
    vote = next((t.i for t in doc if _A_VOTE_WORD.match(t.lower_)), None)
    if vote is not None:
        return vote
    objection = next((t.i for t in doc if t.lemma_.casefold() in OBJECTION_NOUNS), None)
    if objection is not None and objection > 0 and doc[objection - 1].tag_ == "POS":
        return objection - 1
    return objection


# A body that decides as one, named right before the vote word: "Why did the Brackley council vote against it?"
# (a name the model takes for a person's may come before it: "Brackley")
_A_BODY = re.compile(r"\b(?:council|board|commission|committee|panel|legislature|senate|assembly|house|court|jury|"
                     r"city|town|village|county|district)\s*$", re.IGNORECASE)  # fmt: skip
# A name right before the vote word, which the tagger may not take for one: "Why did Ada Quistgaard vote no?"
_A_NAME_BEFORE = re.compile(r"\s[A-Z][\w.'’-]*\s*$")


def asks_of_a_voter(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks of one who votes on a body's decisions: one it calls so ("Why did one council
    member vote against it?", "Why did the lone holdout vote no?") or names ("Why did Ada Kell vote no?"); not a
    body, whose reasons a report gives in words of its own ("Why did the Brackley council vote against it?"), nor
    others, who have no vote ("Why did residents oppose the tower?")."""
    doc = sentence_parse(analysis.question)
    cut = vote_word(doc)
    if cut is None:
        return False
    before, word = analysis.question[: doc[cut].idx], doc[cut].text
    if _VOTERS.search(f"{before}{word}"):
        return True
    if _A_BODY.search(before):
        return False
    return bool(_A_NAME_BEFORE.search(before) or voters_asked(analysis))


# "Did anyone on the board vote against it?" asks who did, if anyone.
_ANYONE = re.compile(r"\b(?:any(?:one|body)|any\s+(?:of\s+(?:the|them)\b|\w+\s+(?:members?|commissioners?)\b)|"
                     r"any\s+(?:members?|commissioners?|trustees?|council\s*(?:wo)?m[ae]n|councilors?))", re.IGNORECASE)


# "Which trustee", "what Westbrook council member": a question for one who holds a seat.
_WHICH_VOTER = re.compile(
    r"\s*(?:which|what)\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:(?:council|board|school board|city council|county)\s+)?"
    r"(?:member|trustee|alderman|alderwoman|commissioner|councilor|councillor|councilman|councilwoman|supervisor|"
    r"regent|director|selectman|selectwoman|legislator|senator|representative|justice|judge)\b",
    re.IGNORECASE,
)


def asks_who_voted(analysis: QuestionAnalysis) -> bool:
    """"Who voted against the fee?", "Which regents opposed it?", "Did anybody on the board vote no?": the question
    asks who took a side of a vote (and names no one it asks about)."""
    if asked_side(analysis.question) is None or voters_asked(analysis):
        return False
    if analysis.answer_type == "yes_no":
        return bool(_ANYONE.search(analysis.question))
    if analysis.answer_type == "description" and _WHICH_VOTER.match(analysis.question):
        return True  # "Which trustee voted no?", which the parse may give no answer type of a person
    return analysis.answer_type in ("person", "list") and (analysis.typed or analysis.asks_which)


# After the words of a vote, who cast it: "the lone dissenting vote *came from* Carl Ritter", "was cast by".
_CAST_BY = re.compile(r"\s*(?:votes?\s+)?(?:came|comes|come)\s+from\b|\s*(?:votes?\s+)?(?:was|were)\s+cast\s+by\b",
                      re.IGNORECASE)


def tells_who_voted(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence tells of a vote on the side the question asks about, naming someone the question does
    not before its words of the vote ("Council members Ada Kell and Ned Roe voted no"); for a value, the value is
    one of those."""
    side = asked_side(analysis.question)
    if side is None:
        return False
    # ("Neighbors opposed it" does not answer "Who voted ...?")
    cast = _asks_a_vote_cast(analysis.question, side)
    phrase = cast_phrase(candidate.text, side) if cast else side_phrase(candidate.text, side)
    if phrase is None or earlier_vote(candidate.text, side, analysis.question):
        return False
    cut = candidate.start + phrase.start()
    # "The lone dissenting vote came from board member Carl Ritter": the voter is named after the vote
    cast_by = _CAST_BY.match(candidate.text, phrase.end())
    voter_start, voter_end = (candidate.start + cast_by.end(), candidate.end) if cast_by else (candidate.start, cut)
    if candidate.answer is not None:
        s, e, label = candidate.answer
        return voter_start <= s and e <= voter_end and a_persons_name(candidate.passage.text[s:e], label,
                                                                      analysis.question)  # fmt: skip
    return names_a_person(replace(candidate, start=voter_start, end=voter_end), analysis.question)


def first_naming_voters(candidates: list[Candidate], analysis: QuestionAnalysis) -> Candidate | None:
    """For "Who voted against the fee?", "Which regents opposed it?" and "Did anybody vote no?": the first sentence
    of the best one's article that names who voted on the side asked (`tells_who_voted`), which answers ahead of
    the vote's lead ("The board voted 5-2 to ...") and of what a voter said; None when there is none."""
    if not candidates or not asks_who_voted(analysis):
        return None
    article = candidates[0].passage.article_id
    return next((c for c in candidates if c.passage.article_id == article and tells_who_voted(c, analysis)), None)


def voters_asked(analysis: QuestionAnalysis) -> set[str]:
    """The surnames of the people a question about a vote asks about: the name right before its vote ("Ada Kell"
    in "Why did Ada Kell vote against hiring Omar Reyes?", not Reyes), else a name that is the subject before it
    ("Why was Ada Kell, a trustee, against it?"), else the people the model finds before it; none for "Why did the
    lone holdout vote no?"."""
    doc = sentence_parse(analysis.question)
    cut = vote_word(doc)
    cut = len(doc) if cut is None else cut
    # not a name that only modifies a noun ("Which Dunmore Crossing aldermen ...?", with the town taken for a person)
    # (not one the tagger hangs on "vote" taken for a noun: "Why did Ada Kell vote no?")
    modifiers = {t.text for t in doc if t.dep_ == "compound" and t.head.pos_ == "NOUN"
                 and not _A_VOTE_WORD.match(t.head.lower_)}  # fmt: skip
    # (a capitalised proper noun: the tagger takes a lowercase word for one at times: "the lone holdout"; not a word
    # of a place's name that modifies the voters' noun: "Which Tarnby Heights aldermen opposed it?". The model tags
    # invented people's names as places too, "Why did Bevan Okonjo vote no?", so a place name alone stays.)
    not_people = {word for name, label in analysis.entities
                  if label in ("GPE", "LOC", "FAC") and name.split()[-1] in modifiers for word in name.split()}
    named = [t for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper() and t.text not in not_people]
    named_before = [t for t in named if t.i < cut]
    if named_before and named_before[-1].i == cut - 1:
        return surnames([named_before[-1].text])
    # the subject before the vote word; or anywhere, when an objection noun comes first ("What objection did Ada
    # Kell raise?")
    objection_first = not any(_A_VOTE_WORD.match(t.lower_) for t in doc)
    subject = next((t for t in (named if objection_first else named_before) if t.dep_ in ("nsubj", "nsubjpass")),
                   None)  # fmt: skip
    if subject is not None:
        return surnames([subject.text])
    question = analysis.question
    before = doc[cut].idx if cut < len(doc) else len(question)
    return surnames([name for name, label in analysis.entities
                     if label == "PERSON" and 0 <= question.find(name) < before
                     and name.split()[-1] not in modifiers])  # fmt: skip


# A vote told by its tally: "voted 5-2", "approved the plan 4-1", "passed 612 to 455" (not a year range,
# "2024-2025", which rag.answer_entities' tally of any numbers takes in).
_TALLIED_VOTE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b|\b\d{1,3}\s+to\s+\d{1,3}\b")


def names_no_voter_asked(candidates: list[Candidate], analysis: QuestionAnalysis) -> bool:
    """For "Which commissioners voted for it?" (not "Did anyone ...?"), when no sentence names who voted on that
    side (`first_naming_voters`): whether the best sentence gives only the tally ("voted 5-2") or who voted the
    other way ("Kell and Roe voted no"), so that the report does not say who is asked about."""
    if not candidates or analysis.answer_type == "yes_no" or not asks_who_voted(analysis):
        return False
    best = candidates[0].text
    return bool(_TALLIED_VOTE.search(best)) or vote_side(best) not in (None, asked_side(analysis.question))


# "What was the council's vote on the rezoning?": a vote's count is asked ("tally" and "margin" are no vote's alone:
# "the food drive's final tally", "a profit margin", "the margin of victory" in votes or in points)
_VOTE_NOUN = "vote"
# "What was the vote about?", "What was the vote for?": what a vote was on is asked, not its count
_ASKS_ITS_MATTER = re.compile(r"\b(?:about|on|for|over)\W*$", re.IGNORECASE)
_A_NUMBER = r"(?:\d[\d,]*|" + "|".join(list(NUMBER_WORDS)[1:13]) + r")"
# A vote's count as news writing gives it: "voted 4-1", "five to two", "passed 1,842 to 2,017", "61% to 39%",
# "unanimously", "without dissent", "by 212 votes", "All five commissioners voted for it", "the lone no vote", "a tie
# vote", "with 91 percent voting yes"
_COUNT_GIVEN = re.compile(
    rf"{_TALLIED_VOTE.pattern}|\b{_A_NUMBER}\s+(?:votes?\s+)?to\s+{_A_NUMBER}\b|\bunanimous(?:ly)?\b|"
    r"\bwithout\s+(?:a\s+)?(?:dissent|dissenting\s+vote|objection)\b|"
    r"\b\d+(?:\.\d+)?\s?(?:percent|%)\s+(?:of\s+the\s+vote|to\s+\d|voting\b)|"
    rf"\bby\s+{_A_NUMBER}\s+votes?\b|\ball\s+(?:{_A_NUMBER}\s+)?(?:\w+\s+){{0,2}}?vot(?:ed|ing)\b|"
    r"\b(?:lone|only|sole)\s+(?:no\s+|dissenting\s+)?vote\b|\btie(?:-breaking)?\s+vote\b",
    re.IGNORECASE,
)
# "In a separate 4-1 vote", "The board also voted 5-0 to ...": a vote on another matter than the one before
# The nouns for a body that votes: a vote told of one is not another's ("committee" is left out: a school committee
# is a school board). English words for kinds of bodies.
_VOTING_BODIES = frozenset({"council", "board", "commission"})
_ANOTHER_VOTE = re.compile(r"\b(?:separate|another|also)\b", re.IGNORECASE)
_MATTER_TAGS = frozenset({"NOUN", "PROPN", "VERB", "NUM"})


def asks_the_count(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks what a vote's count was: "What was the council's vote on the fire station?", "What
    was the vote on extending the pickup?", "What was the board's vote when it put him on leave?" (not "What was the
    vote about?", nor "How did she vote?", which a side answers)."""
    return (not analysis.typed and analysis.question_word == "what" and analysis.focus == _VOTE_NOUN
            and _is_asked(analysis, _VOTE_NOUN) and not _ASKS_ITS_MATTER.search(analysis.question))  # fmt: skip


def _is_asked(analysis: QuestionAnalysis, noun: str) -> bool:
    """Whether "what" asks what `noun` was: the question's own verb is "be" with the noun its subject ("What was
    the vote on extending the pickup?"; a verb after it is of what the vote was on, or when it was taken)."""
    root = next((t for t in sentence_parse(analysis.question) if t.dep_ == "ROOT"), None)
    return root is not None and root.lemma_ == "be" and any(
        c.dep_ in ("nsubj", "attr") and c.lemma_.casefold() == noun for c in root.children)


def asks_how_it_voted(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks how someone voted ("How did the planning board vote on the plan?", "How did Ada
    Kell vote?"): the vote's count or a side answers it. Not "How did the board vote to pay for it?", which asks
    how it pays."""
    root = next((t for t in sentence_parse(analysis.question) if t.dep_ == "ROOT"), None)
    return (not analysis.typed and analysis.question_word == "how" and root is not None
            and root.lemma_.casefold() == _VOTE_NOUN
            and not re.search(r"\bvote\s+to\b", analysis.question, re.IGNORECASE))  # fmt: skip


# A decision told by its outcome, which says how a body voted: "The council rejected the plan", "approved it".
_DECIDED = re.compile(r"\b(?:approved|rejected|defeated|adopted|ratified|passed|turned down|voted down)\b",
                      re.IGNORECASE)  # (done, not "will meet to approve")


def tells_how_it_voted(candidate: Candidate, analysis: QuestionAnalysis, context: str = "") -> bool:
    """Whether the sentence gives the vote's count (`gives_the_count`), a side taken ("voted no", "opposed") or the
    decision's outcome ("rejected the park plan")."""
    return (gives_the_count(candidate, analysis, context) or vote_side(candidate.text) is not None
            or bool(_DECIDED.search(candidate.text)))  # fmt: skip


# Nouns for the tally of a game or a season: "What was the score of the game?", "What was the team's record?"
_GAME_TALLIES = frozenset({"score", "record"})
# Words that make a score or a record a game's or a season's (not a safety record, a test score or an inspection's).
# English words of sport.
_OF_A_GAME = re.compile(
    r"\b(?:game|games|season|seasons|team|match|playoffs?|championship|tournament|final|overall|career|all-time|"
    r"win-loss|won-lost|conference|league|football|basketball|baseball|softball|soccer|hockey|volleyball|"
    r"lacrosse|rugby|coach|coached)\b",
    re.IGNORECASE,
)


def asks_a_game_tally(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks what a game's score or a team's or a coach's record was ("What was the final
    score?", "What was Orby's football record in 2024?"; not "What record did they set?", "What were the reading
    scores?" nor "What is the town's safety record?")."""
    return (not analysis.typed and analysis.question_word == "what" and analysis.focus in _GAME_TALLIES
            and not analysis.focus_is_plural and bool(_OF_A_GAME.search(analysis.question))
            and _is_asked(analysis, analysis.focus))  # fmt: skip


# A tally as news gives it: "52-49", "six to four", "Herons 58, Tarnby 51", "19 wins and 6 losses", "undefeated".
_A_NAMED_SCORE = r"(?:(?-i:[A-Z])[\w'’-]+\s+){1,3}\d{1,3}"  # "Herons 58", "Orrin Bay 51"
_A_TALLY = re.compile(
    rf"{_TALLIED_VOTE.pattern}|\b{_A_NUMBER}\s+to\s+{_A_NUMBER}\b|\b{_A_NAMED_SCORE},\s+{_A_NAMED_SCORE}\b|"
    rf"\b{_A_NUMBER}\s+(?:wins|victories|losses)\b|\b(?:undefeated|unbeaten|winless)\b",
    re.IGNORECASE,
)


def gives_a_tally(text: str) -> bool:
    """Whether the sentence gives a tally ("won 52-49", "went 6-4", "lost 3 to 1", "19 wins and 6 losses")."""
    return bool(_A_TALLY.search(text))


@lru_cache(maxsize=256)
def _matter(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of what the vote asked about was on ("on the Tennant Avenue smart signals"; none when the question
    does not say: "What was the final vote?"; not a day: "the vote on Tuesday"), and those of the common noun heading
    it ("budget" of "on the Cedar Bend airport budget"; none when that is no common noun: "on extending the pickup",
    "on Measure B"). Read once per question: each candidate asks again."""
    doc = parse(question)
    vote = next((t for t in doc if t.lemma_.casefold() == _VOTE_NOUN and t.pos_ == "NOUN"), None)
    if vote is None:
        return frozenset(), frozenset()
    phrases = [c for c in vote.children if c.dep_ == "prep" and c.lower_ in ("on", "of", "for", "over", "to")]
    matter = frozenset(s for p in phrases for t in p.subtree if t.pos_ in _MATTER_TAGS
                       and t.ent_type_ not in ("DATE", "TIME") for s in stems(t.text))  # fmt: skip
    head = frozenset(s for p in phrases for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                     for s in stems(o.text))  # fmt: skip
    return matter, head


def gives_the_count(candidate: Candidate, analysis: QuestionAnalysis, context: str = "") -> bool:
    """Whether the candidate's sentence gives a vote's count ("voted 4-1", "unanimously") on what the question asks
    about: its sentence, or the one before it (`context`), shares a word with the matter ("In a separate 4-1 vote,
    the council raised meter rates" gives no count of the vote on the signals told of before it)."""
    if not _COUNT_GIVEN.search(candidate.text):
        return False
    asked_body = _VOTING_BODIES & {word.removesuffix("'s") for word in words(analysis.question)}
    bodies = _VOTING_BODIES & {word.removesuffix("'s") for word in words(candidate.text)}
    if asked_body and bodies and not asked_body & bodies:
        return False  # "What was the Town Council's vote?": "The Planning Board voted 4-1" is another body's
    matter, head = _matter(analysis.question)
    if _ANOTHER_VOTE.search(candidate.text):
        context = ""  # a vote on something else than the sentence before told of
    told = set(stems(f"{context} {candidate.text}"))
    if head:
        # "the vote on the Cedar Bend airport budget": a vote told with Cedar Bend's airport but no budget is on
        # something else (its hangar rents)
        return bool(head & told)
    return not matter or bool(matter & told)
