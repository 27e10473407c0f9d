"""Votes as news reports them: which side of a vote a sentence tells of, who voted so, and where a voter's
account of it is.

A vote's report names who voted no (or yes) in a sentence of its own ("Council members Ada Kell and Ned Roe voted
no.") and gives their account in that sentence ("..., saying the money would be better spent ...") or after it
("She said ...", "Kell said ..."). So "Who voted against it?" is answered by the sentence that names them, and
"Why did Ada Kell vote no?" by the sentence of her vote with her account, or not at all when the report gives
only another voter's. The phrases below are English phrases of voting and of saying, not any article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.candidates import Candidate, sentence_spans
from rag.query import QuestionAnalysis
from rag.text import normalise, stems, words

if TYPE_CHECKING:
    from spacy.tokens import Token

VoteSide = str  # "no" or "yes"

# How news writing says which side of a vote someone took.
_VOTED_NO = re.compile(
    r"\bvot(?:ed|es|e|ing)\s+(?:no|against|nay)\b|\bdissent|\boppos(?:e|es|ed|ing)\b|\bvotes? against\b|"
    r"\bno votes?\b|\blone holdout\b",
    re.IGNORECASE,
)
_VOTED_YES = re.compile(r"\bvot(?:ed|es|e|ing)\s+(?:yes|for|aye|in favou?r)\b|\bvotes? (?:for|in favou?r)\b",
                        re.IGNORECASE)  # fmt: skip
# "urged residents to vote no": asked of others, not a vote cast
_TO_VOTE_NO = re.compile(r"\bto\s+vote\s+(?:no|against|nay)\b", re.IGNORECASE)


def vote_side(text: str) -> VoteSide | None:
    """"no" for "voted no", "voted against", "opposed", "the lone dissenting vote"; "yes" for "voted yes", "voted
    for"; None for neither or both, and for a vote asked of others ("urged residents to vote no")."""
    text = _TO_VOTE_NO.sub("", text)
    no, yes = bool(_VOTED_NO.search(text)), bool(_VOTED_YES.search(text))
    return None if no == yes else ("no" if no else "yes")


# Those who vote on a body's decisions, as a question names them: "Why was one council member against it?"
_VOTERS = re.compile(r"\b(?:members?|commissioners?|council(?:o|lo)rs?|trustees?|regents?|supervisors?|aldermen|"
                     r"alderman|alderwomen|alderwoman|directors?|selectmen|selectman|legislators?|holdouts?|"
                     r"dissenters?)\b", re.IGNORECASE)  # fmt: skip


def asked_side(question: str) -> VoteSide | None:
    """The side of a vote a question asks about (`vote_side`); also "no" for a voter, or someone named, "against"
    something ("Why was one council member against the cameras?", "Why was Ada Kell against it?"), not for
    neighbours against a tower nor a lawsuit against the city."""
    side = vote_side(question)
    if side is not None:
        return side
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


def side_phrase(text: str, side: VoteSide) -> re.Match[str] | None:
    """Where `text` says it voted on `side` ("voted no", "cast the lone no vote"); None when it does not."""
    return (_VOTED_NO if side == "no" else _VOTED_YES).search(_TO_VOTE_NO.sub(lambda m: " " * len(m.group()), text))


# Words after the vote's own words that give the voter's account in the same sentence: "voted no, saying the city
# cannot pay", "cast the lone no vote because ...", "Ada Kell, the lone no vote, said ...".
_ACCOUNT_AFTER_THE_VOTE = re.compile(
    r"\b(?:sa(?:id|ys|ying)|argu(?:ed|es|ing)|cit(?:ed|es|ing)|contend(?:ed|s|ing)|complain(?:ed|s|ing)|"
    r"not(?:ed|es|ing)|warn(?:ed|s|ing)|worried|object(?:ed|ing)|because|explain(?:ed|ing))\b"
)
# The sentence after one about voters, which gives their account: "He said the money would be better spent ...",
# "Both said they would have preferred ...", "She wanted ...". A word between is an adverb or auxiliary ("She later
# said", "They both argued", "He had warned") or names voters ("Both members said"); not "was"/"were" ("They were
# told ...", "He was questioned by reporters": done to them, not their account) nor another noun ("Both sides
# said": someone else); not "wants", which tells what they are after now ("She wants to run for mayor"), not why
# they voted.
_SAYING = (r"(?:said|says|argued|argues|wanted|told|wrote|noted|added|complained|warned|questioned|objected|"
           r"worried|feared)\b")  # fmt: skip
_THEIR_ACCOUNT = re.compile(
    r"^\W*(?:He|She|They|Both|Each)\s+(?:(?:also|later|then|again|both|all|each|had|has|have|would|\w+ly|"
    r"members?|trustees?|commissioners?|councilors?|supervisors?|judges?|justices?|men|women)\s+)?" + _SAYING
)
# The same, told of one voter by name: "Kell said ...", "Commissioner Kell argued ...", "Kell, who lives on the
# river, said ..." (the name's last word is the speaker's surname).
_NAMED_ACCOUNT = re.compile(
    r"^\W*(?:[A-Z][\w.'’-]*\s+){0,3}?([A-Z][\w'’-]+)(?:,[^,]{1,80},)?\s+(?:also\s+|later\s+|then\s+|had\s+)?"
    + _SAYING
)
# An account another speaker is quoted for at its end: "They said the work would begin in April, village engineer
# Sam Hale reported." (not "..., she said.": the same one's)
_ANOTHERS_ATTRIBUTION = re.compile(
    r",\s+(?!(?:and|but)\b)(?:(?!(?:he|she|they)\b)[\w.'-]+\s+){1,6}(?:said|says|reported|told|wrote|added)"
    r"(?:\s+[\w'-]+){0,4}\W*$",
    re.IGNORECASE,
)


def surnames(names: list[str]) -> set[str]:
    """The last word of each name ("Ada Kell" -> "kell"), as `rag.text.words` writes it."""
    return {words(name)[-1] for name in names if words(name)}


def accounts_in_the_sentence(vote: Candidate, side: VoteSide) -> bool:
    """Whether the sentence that tells of the vote also says why: "voted no, saying the city cannot pay"."""
    phrase = side_phrase(vote.text, side)
    return phrase is not None and bool(_ACCOUNT_AFTER_THE_VOTE.search(vote.text, phrase.end()))


def account_after(vote: Candidate, following: list[Candidate], asked: set[str]) -> Candidate | None:
    """The sentence among `following` (those after the vote's, in order) that gives the account of the voters the
    question asks about (`asked`: their surnames; none for "Why did the lone holdout vote no?"): the next one when
    it says "She said ...", "Both said ...", or names one of the vote's voters saying it; for a voter asked by name,
    also a later one that names her saying it ("Kell said ...", not "Roe said ..." for a question about Kell, whom
    the vote's sentence names beside Roe)."""
    for i, sentence in enumerate(following):
        text = sentence.text.strip()
        if _ANOTHERS_ATTRIBUTION.search(text):
            continue
        if i == 0 and _THEIR_ACCOUNT.match(text):
            return sentence
        named = _NAMED_ACCOUNT.match(text)
        speaker = words(named.group(1)) if named else []
        if speaker and speaker[-1] in (asked or (set(words(vote.text)) if i == 0 else set())):
            return sentence
    return None


def with_the_voters_account(
    chosen: list[Candidate], candidates: list[Candidate], side: str, asked: set[str]
) -> list[Candidate]:
    """For "Why did the lone holdout vote no?": a chosen sentence that tells of someone voting as asked ("Council
    member Ada Kell cast the lone no vote.") brings the sentence after it that gives the account of the voters asked
    about (`asked`: their surnames; rag.votes.account_after), which a vote's report puts there."""
    extended: list[Candidate] = []
    for candidate in chosen:
        extended.append(candidate)
        if vote_side(candidate.text) != side or accounts_in_the_sentence(candidate, side):
            continue
        account = account_after(candidate, sentences_after(candidate, candidates), asked)
        if account is not None and account not in chosen and account not in extended:
            extended.append(account)
    return extended


@dataclass(frozen=True)
class VotersVote:
    """The sentence that tells of a voter's vote, and where her account of it is, if anywhere."""

    vote: Candidate
    account: Candidate | None  # a sentence after the vote's that gives it
    in_the_sentence: bool  # the vote's own sentence gives it ("..., saying ...")

    @property
    def accounted_for(self) -> bool:
        return self.in_the_sentence or self.account is not None


def voters_vote(candidates: list[Candidate], analysis: QuestionAnalysis) -> VotersVote | None:
    """For "Why did Ada Kell vote no?" (or "Why did the lone holdout vote against it?"): the first sentence that
    tells of her vote on the side asked, with the sentence after it that gives her account or whether the vote's
    own sentence gives it ("..., saying ..."). When neither does, the article tells how she voted and not why
    (another voter's account, "Roe said ...", is not hers). A question that names no voter takes the sentence
    from the best one's article. None when no sentence tells of such a vote."""
    side = asked_side(analysis.question)
    if not candidates or side is None:
        return None
    asked = voters_asked(analysis)
    vote = next((c for c in candidates if vote_side(c.text) == side
                 and (asked & set(words(c.text)) if asked else c.passage.article_id == candidates[0].passage.article_id)),
                None)  # fmt: skip
    if vote is None:
        return None
    if accounts_in_the_sentence(vote, side):
        return VotersVote(vote, None, True)
    return VotersVote(vote, account_after(vote, sentences_after(vote, candidates), asked), False)


# How many sentences after a vote's a voter's account is looked for: a report gives the vote, then each voter's
# account in a paragraph of its own, often after the vote's supporters have had theirs.
ACCOUNT_SENTENCES = 5


def sentences_after(vote: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The candidate sentences after `vote` in its passage, in order, up to `ACCOUNT_SENTENCES`, from the same or
    the next paragraph on, and not across a blank line, which ends a section."""
    text = vote.passage.text
    by_start = {c.start: c for c in candidates if c.passage is vote.passage}
    found: list[Candidate] = []
    end = vote.end
    for start, _ in sentence_spans(vote.passage):
        if start < vote.end:
            continue
        if "\n\n" in text[end:start] or start not in by_start or len(found) >= ACCOUNT_SENTENCES:
            break
        found.append(by_start[start])
        end = found[-1].end
    return found


# "Did anyone on the board vote against it?" asks who did, if anyone.
_ANYONE = re.compile(r"\b(?:any(?:one|body)|any\s+(?:of\s+(?:the|them)\b|\w+\s+(?:members?|commissioners?)\b)|"
                     r"any\s+(?:members?|commissioners?|trustees?|council\s*(?:wo)?m[ae]n|councilors?))", re.IGNORECASE)


def asks_who_voted(analysis: QuestionAnalysis) -> bool:
    """"Who voted against the fee?", "Which regents opposed it?", "Did anybody on the board vote no?": the question
    asks who took a side of a vote (and names no one it asks about)."""
    if asked_side(analysis.question) is None or voters_asked(analysis):
        return False
    if analysis.answer_type == "yes_no":
        return bool(_ANYONE.search(analysis.question))
    return analysis.answer_type in ("person", "list") and (analysis.typed or analysis.asks_which)


def tells_who_voted(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence tells of a vote on the side the question asks about, naming someone the question does
    not before its words of the vote ("Council members Ada Kell and Ned Roe voted no"); for a value, the value is
    one of those."""
    side = asked_side(analysis.question)
    phrase = side_phrase(candidate.text, side) if side else None
    if phrase is None:
        return False
    cut = candidate.start + phrase.start()
    if candidate.answer is not None:
        s, e, label = candidate.answer
        return e <= cut and a_persons_name(candidate.passage.text[s:e], label, analysis.question)
    before = replace(candidate, end=cut)
    return names_a_person(before, analysis.question)


def first_naming_voters(candidates: list[Candidate], analysis: QuestionAnalysis) -> Candidate | None:
    """For "Who voted against the fee?", "Which regents opposed it?" and "Did anybody vote no?": the first sentence
    of the best one's article that names who voted on the side asked (`tells_who_voted`), which answers ahead of
    the vote's lead ("The board voted 5-2 to ...") and of what a voter said; None when there is none."""
    if not candidates or not asks_who_voted(analysis):
        return None
    article = candidates[0].passage.article_id
    return next((c for c in candidates if c.passage.article_id == article and tells_who_voted(c, analysis)), None)


# The word of a question that begins what it asks of a vote: "vote", "voted", "opposed", "dissent", "against", "holdout".
_A_VOTE_WORD = re.compile(r"vot|oppos|dissent|against$|holdout")


def voters_asked(analysis: QuestionAnalysis) -> set[str]:
    """The surnames of the people a question about a vote asks about: the name right before its vote ("Ada Kell"
    in "Why did Ada Kell vote against hiring Omar Reyes?", not Reyes), else a name that is the subject before it
    ("Why was Ada Kell, a trustee, against it?"), else the people the model finds before it; none for "Why did the
    lone holdout vote no?"."""
    doc = sentence_parse(analysis.question)
    cut = next((t.i for t in doc if _A_VOTE_WORD.match(t.lower_)), len(doc))
    # (a capitalised proper noun: the tagger takes a lowercase word for one at times: "the lone holdout")
    named = [t for t in doc[:cut] if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if named and named[-1].i == cut - 1:
        return surnames([named[-1].text])
    subject = next((t for t in named if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        return surnames([subject.text])
    question = analysis.question
    before = doc[cut].idx if cut < len(doc) else len(question)
    return surnames([name for name, label in analysis.entities if label == "PERSON" and 0 <= question.find(name) < before])


def tells_the_vote_asked(candidates: list[Candidate], analysis: QuestionAnalysis) -> bool:
    """Whether the best candidate tells of the vote asked about, however few of the question's words it shares (a
    vote's report says it in words of its own): for "Who voted against the fee?", a sentence of the best
    article naming who voted no (`first_naming_voters`); for "Why did Ada Kell vote no?", a sentence that tells of her
    no vote when it or a sentence after it gives her account (`voters_vote`: "She said the village should
    have applied for more grant money")."""
    if asks_who_voted(analysis):
        return tells_who_voted(candidates[0], analysis)
    if analysis.answer_type != "reason" or not voters_asked(analysis):
        return False  # (a vote's report in the best article may be another vote's when no voter is named)
    vote = voters_vote(candidates, analysis)
    return vote is not None and vote.accounted_for


def names_a_person(candidate: Candidate, question: str) -> bool:
    """Whether the sentence names someone the question does not: a sentence ranked ahead that may already say who."""
    passage = candidate.passage
    return any(a_persons_name(passage.text[s:e], label, question)
               for s, e, label in passage.entities if candidate.start <= s and e <= candidate.end)  # fmt: skip


def a_persons_name(name: str, label: str, question: str) -> bool:
    """Whether a name the model tagged may be a person's the question does not give: a PERSON, or an ORG, which
    the model often makes of a person's name, unless it shares a word with the question ("The Kell Town Council"
    for "Which council members ...?")."""
    return normalise(name) not in normalise(question) and (
        label == "PERSON" or label == "ORG" and not set(stems(question)) & set(stems(name))
    )
