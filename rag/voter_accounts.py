"""Where a voter's account of her vote is: "Why did Ada Kell vote no?" is answered by the sentence of her vote
with her account in it ("..., saying the money would be better spent ...") or after it ("She said ...", "Kell said
...", '"...," Kell said'), and not at all when the report gives only another voter's account or none.

Which side of a vote a sentence tells of, and whom a question asks about, are read in rag.votes. The phrases below
are English phrases of saying, not any article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.nlp import sentence_parse
from rag.candidate import Candidate, sentence_spans
from rag.query import QuestionAnalysis
from rag.text import stems, words
from rag.votes import (
    AGAINST, OBJECTION_NOUNS, VoteSide, account_side, asks_for_an_account, asks_of_a_voter, asks_who_voted, cast_phrase,
    earlier_vote, side_phrase, surnames, tells_who_voted, vote_side, vote_word, voters_asked,
)  # fmt: skip

# Words after the vote's own words that give the voter's account in the same sentence: "voted no, saying the city
# cannot pay", "cast the lone no vote because ...", "Ada Kell, the lone no vote, said ...".
_ACCOUNT_AFTER_THE_VOTE = re.compile(
    r"\b(?:sa(?:id|ys|ying)|argu(?:ed|es|ing)|cit(?:ed|es|ing)|contend(?:ed|s|ing)|complain(?:ed|s|ing)|"
    r"not(?:ed|es|ing)|warn(?:ed|s|ing)|worried|object(?:ed|ing)|because|explain(?:ed|ing)|calling|writing|telling|"
    r"(?:she|he|they)\s+called|"
    # the voter's own stance, told beside the vote: "..., who had pushed to keep the site as a park"
    r"who\s+(?:had\s+)?(?:pushed|wanted|favou?red|preferred|urged|sought|proposed|championed|advocated))\b"
)
# The sentence after one about voters, which gives their account: "He said the money would be better spent ...",
# "Both said they would have preferred ...", "She wanted ...". A word between is an adverb or auxiliary ("She later
# said", "They both argued", "He had warned") or names voters ("Both members said"); not "was"/"were" ("They were
# told ...", "He was questioned by reporters": done to them, not their account) nor another noun ("Both sides
# said": someone else); not "wants", which tells what they are after now ("She wants to run for mayor"), not why
# they voted.
_SAYING = (r"(?:said|says|argued|argues|wanted|told|wrote|noted|added|complained|warned|questioned|objected|"
           r"worried|feared|explained|explains)\b")  # fmt: skip
_THEIR_ACCOUNT = re.compile(
    r"^\W*(?:He|She|They|Both|Each)\s+(?:(?:also|later|then|again|both|all|each|had|has|have|would|\w+ly|"
    r"members?|trustees?|commissioners?|councilors?|supervisors?|judges?|justices?|men|women)\s+)?" + _SAYING
)
# The same, told of one voter by name: "Kell said ...", "Commissioner Kell argued ...", "Kell, who lives on the
# river, said ...", "Council member Ada Kell has said ...", "In an interview, Kell said ..." (the name's last word
# is the speaker's surname).
_NAMED_ACCOUNT = re.compile(
    r"^\W*(?:(?:In|At|After|Before|Asked|Speaking|During|Reached|Interviewed)\b[^,]{0,60},\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*|members?|president|chair(?:man|woman)?|director|leader)\s+){0,4}?([A-Z][\w'’-]+)"
    r"(?:,[^,]{1,80},)?\s+(?:(?:also|later|then|had|has|have|long|\w+ly)\s+){0,2}" + _SAYING
)
# "According to Kell, the truck still passes inspection."
_ACCORDING_TO = re.compile(r"^\W*According\s+to\s+(?:[A-Z][\w.'’-]*\s+){0,3}?([A-Z][\w'’-]+)\s*,")
# A quote its speaker is named for at its end: '"It's too much," Kell said.', '"It's too much," she said.',
# '"It's too much," said Kell.'
_QUOTED_ACCOUNT = re.compile(
    r"^\W*[\"“].*[,!?][\"”]\s+"
    r"(?:(?P<pronoun>he|she|they)|(?:[A-Z][\w.'’-]*\s+){0,3}?(?P<name>[A-Z][\w'’-]+))\s+"
    r"(?:said|says|added|argued|explained|wrote|told(?:\s+[\w'’-]+){1,4})\W*$|"
    r"^\W*[\"“].*[,!?][\"”]\s+(?:said|says|added)\s+(?:[\w.'’-]+\s+){0,4}?(?P<name2>[A-Z][\w'’-]+)\W*$"
)
# A speaker named between commas: "The ban, Strevell wrote, takes property ...", "Rural drivers, he says, would pay
# the most."
_SAID_WITHIN = re.compile(
    r"^\W*[^,\"“”]{1,80},\s+(?:(?P<pronoun>he|she|they)|(?:[A-Z][\w.'’-]*\s+){0,3}?(?P<name>[A-Z][\w'’-]+))\s+"
    r"(?:said|says|wrote|writes|argued|argues|added|fears|feared|believes|believed)\s*,"
)
# A pronoun speaker at the sentence's end: "... every car that passes, he told the council."
_PRONOUN_AT_THE_END = re.compile(
    r",\s+(?P<pronoun>he|she|they)\s+(?:said|says|told|added|argued|explained|wrote)(?:\s+[\w'’-]+){0,4}\W*$"
)


def _speaker(text: str) -> tuple[str | None, str | None]:
    """Who a sentence gives the account of: (the pronoun, None) for "She said ...", '"...," she said.' (lower
    case); (None, surname) for "Kell said ...", "Council member Ada Kell said ...", "According to Kell, ...",
    '"...," Kell said.'; (None, None) for neither."""
    if _THEIR_ACCOUNT.match(text):
        return text.lstrip(_NOT_A_WORD).split()[0].casefold(), None
    quoted = _QUOTED_ACCOUNT.match(text)
    if quoted:
        if quoted.group("pronoun"):
            return quoted.group("pronoun").casefold(), None
        return None, quoted.group("name") or quoted.group("name2")
    named = _NAMED_ACCOUNT.match(text) or _ACCORDING_TO.match(text)
    if named:
        return None, named.group(1)
    within = _SAID_WITHIN.match(text)
    if within:
        return (within.group("pronoun").casefold(), None) if within.group("pronoun") else (None, within.group("name"))
    at_the_end = _PRONOUN_AT_THE_END.search(text)
    return (at_the_end.group("pronoun").casefold(), None) if at_the_end else (None, None)


_NOT_A_WORD = "\"“”'‘’( \t\n"
# An account another speaker is quoted for at its end: "They said the work would begin in April, village engineer
# Sam Hale reported." (not "..., she said.": the same one's)
_ANOTHERS_ATTRIBUTION = re.compile(
    r",\s+(?!(?:and|but)\b)(?:(?!(?:he|she|they)\b)[\w.'-]+\s+){1,6}(?:said|says|reported|told|wrote|added)"
    r"(?:\s+[\w'-]+){0,4}\W*$",
    re.IGNORECASE,
)


def accounts_in_the_sentence(vote: Candidate, side: VoteSide) -> bool:
    """Whether the sentence that tells of the vote also says why: "voted no, saying the city cannot pay"."""
    phrase = side_phrase(vote.text, side)
    return phrase is not None and bool(_ACCOUNT_AFTER_THE_VOTE.search(vote.text, phrase.end()))


def account_after(vote: Candidate, following: list[Candidate | None], asked: set[str]) -> Candidate | None:
    """The sentence among `following` (those after the vote's, in order) that gives the account of the voters the
    question asks about (`asked`: their surnames; none for "Why did the lone holdout vote no?"): the next one when
    it says "She said ...", "Both said ...", or it (or the one after a next that quotes no one) names one of the
    vote's voters saying it; for a voter asked by name, also a later one that names her saying it ("Kell said ...",
    not "Roe said ..." for a question about Kell, whom the vote's sentence names beside Roe). None in `following` is
    a sentence that is no candidate."""
    unattributed = False
    for i, sentence in enumerate(following):
        if sentence is None:
            continue
        text = sentence.text.strip()
        if _ANOTHERS_ATTRIBUTION.search(text):
            continue
        pronoun, name = _speaker(text)
        if (i == 0 and pronoun and not _another_named_after_the_vote(vote, asked)
                and not (pronoun in ("he", "she") and asked and _names_more_than_one_voter(vote))):  # fmt: skip
            return sentence
        speaker = words(name) if name else []
        # (one of the vote's voters, named saying it in the next sentence, or in the one after a next that quotes no
        # one: "Kell, Roe and Tam voted no. None of the three criticized Tolliver. Instead, Kell said, ...")
        if speaker and speaker[-1] in (asked or (set(words(vote.text)) if i == 0 or (i == 1 and unattributed)
                                                 else set())):  # fmt: skip
            return sentence
        unattributed = i == 0 and not pronoun and not name
    return None


def _names_more_than_one_voter(vote: Candidate) -> bool:
    """Whether the vote's sentence names several voters before its words of the vote ("Council members Ada Kell
    and Ned Roe voted no.", "Kell, Roe and Tam voted no."), so that "She said ..." after it is not told as one of
    them's in particular."""
    side = vote_side(vote.text)
    phrase = cast_phrase(vote.text, side) if side else None
    before = vote.text[: phrase.start()] if phrase else vote.text
    return bool(_PLURAL_VOTERS.search(before) or _NAMES_JOINED.search(before))


# Nouns for several voters, and two names joined: "Council members ...", "Kell and Roe", "Kell, Roe".
_PLURAL_VOTERS = re.compile(r"\b(?:members|commissioners|trustees|council(?:o|lo)rs|regents|supervisors|aldermen|"
                            r"alderwomen|selectmen|directors)\b", re.IGNORECASE)  # fmt: skip
_NAMES_JOINED = re.compile(r"[A-Z][\w'’-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z]")


def account_before(vote: Candidate, candidates: list[Candidate], asked: set[str]) -> Candidate | None:
    """The sentence right before the vote's (in its passage, not across a blank line) when it gives the account of a
    voter asked about by name: "Council member Bram Okafrey has argued for months that the cameras invade privacy."
    before "... with Okafrey voting no"."""
    if not asked:
        return None
    text = vote.passage.text
    before = [c for c in candidates if c.passage is vote.passage and c.end <= vote.start
              and "\n\n" not in text[c.end:vote.start]]  # fmt: skip
    if not before:
        return None
    previous = max(before, key=lambda c: c.start)
    if any(start > previous.start and end <= vote.start for start, end in sentence_spans(vote.passage)):
        return None  # (a sentence between that is no candidate)
    _, name = _speaker(previous.text.strip())
    return previous if name and words(name)[-1:] and words(name)[-1] in asked else None


# A title before a name that the model tags an organisation's ("Selectman Ivo Brandauer")
_TITLED = re.compile(r"(?:Mayor|Selectman|Selectwoman|Commissioner|Trustee|Council(?:man|woman|or)|Supervisor|"
                     r"Alderman|Alderwoman|Chief|Superintendent|Rep\.|Sen\.|Judge|Dr\.)\s")  # fmt: skip
# "... proposed by Mayor Tom Brisk": the words right before a name that make it the matter's
_BY = re.compile(r"\bby\s+(?:[\w.'’-]+\s+){0,3}$")


def _another_named_after_the_vote(vote: Candidate, asked: set[str]) -> bool:
    """Whether the vote's sentence names someone other than the voters asked about after its words of the vote as
    the one whose the matter is ("... voted against the plan proposed by Mayor Tom Brisk."), whom "He said ..."
    next may well be; not one the vote is about ("voted against hiring Omar Reyes")."""
    side = vote_side(vote.text)
    phrase = side_phrase(vote.text, side) if side else None
    cut = vote.start + (phrase.end() if phrase else 0)
    passage = vote.passage
    return any((label == "PERSON" or label == "ORG" and _TITLED.match(passage.text[s:e]))
               and not set(words(passage.text[s:e])) & asked
               and _BY.search(passage.text, cut, s)
               for s, e, label in passage.entities if cut <= s and e <= vote.end)  # fmt: skip


def with_the_voters_account(
    chosen: list[Candidate], candidates: list[Candidate], side: VoteSide, asked: set[str]
) -> list[Candidate]:
    """For "Why did the lone holdout vote no?": a chosen sentence that tells of someone voting as asked ("Council
    member Ada Kell cast the lone no vote.") brings the sentence after it that gives the account of the voters asked
    about (`asked`: their surnames; rag.votes.account_after), which a vote's report puts there."""
    extended: list[Candidate] = []
    for candidate in chosen:
        extended.append(candidate)
        if vote_side(candidate.text) != side or accounts_in_the_sentence(candidate, side):
            continue
        if asked and not asked & set(words(candidate.text)):
            continue  # another's vote: the account of the voter asked about is not brought to it
        account = account_after(candidate, sentences_after(candidate, candidates), asked)
        if account is not None and account not in chosen and account not in extended:
            extended.append(account)
    return extended


@dataclass(frozen=True)
class VotersVote:
    """The sentence that tells of a voter's vote, and where her account of it is, if anywhere."""

    vote: Candidate
    account: Candidate | None  # a sentence after the vote's that gives it (or right before it, naming her)
    in_the_sentence: bool  # the vote's own sentence gives it ("..., saying ...")
    # the question asks of a vote ("Why did Kell vote no?", "Why did Kell oppose it?") or the sentence tells of one
    # cast ("Kell voted no", "Commissioner Kell opposed it"), so that without an account the report tells how she
    # voted and not why; not "Ana Pell, who lives on Dell Road, opposed the plan" for "Why was Ana Pell against the
    # plan?": she may have no vote, and her account may take words of its own ("Her yard, she fears, ...")
    of_a_vote: bool = True

    @property
    def accounted_for(self) -> bool:
        return self.in_the_sentence or self.account is not None


def voters_vote(candidates: list[Candidate], analysis: QuestionAnalysis) -> VotersVote | None:
    """For "Why did Ada Kell vote no?" (or "Why did the lone holdout vote against it?"): the first sentence that
    tells of her vote on the side asked, with the sentence after it that gives her account or whether the vote's
    own sentence gives it ("..., saying ..."). When neither does, the article tells how she voted and not why
    (another voter's account, "Roe said ...", is not hers). A question that names no voter takes the sentence
    from the best one's article. Not a sentence that names her after a verb of voting ("voted against the plan
    proposed by Ada Kell"), tells of an earlier vote ("who opposed it last year") or of a vote on another matter
    (`_of_another_matter`); not an account by a namesake ("Resident Tom Kell said ..."). None when no sentence
    tells of such a vote, and when the question asks of no voter (`asks_of_a_voter`: "Why did the council vote
    against it?", "Why did residents oppose it?")."""
    side = account_side(analysis)
    if not candidates or side is None or not asks_of_a_voter(analysis):
        return None
    asked = voters_asked(analysis)
    matter = _matter_asked(analysis, asked)
    # (for an objection, the voter may be told of on the matter asked without a vote on it)
    objecting = asked if analysis.answer_type == "description" else set()
    vote = next((c for c in candidates if vote_side(c.text) == side
                 and (_names_the_voter(c, side, asked) if asked
                      else c.passage.article_id == candidates[0].passage.article_id)
                 and not earlier_vote(c.text, side, analysis.question)
                 and not (_told_apart(c, candidates, side, matter, objecting) and _of_another_matter(c, side, matter))
                 and not _against_another_thing(c, candidates, analysis, asked)),
                None)  # fmt: skip
    if vote is None:
        return None
    of_a_vote = vote_side(analysis.question) is not None or cast_phrase(vote.text, side) is not None
    if accounts_in_the_sentence(vote, side):
        return VotersVote(vote, None, True, of_a_vote)
    account = account_after(vote, sentences_after(vote, candidates), asked) or account_before(vote, candidates, asked)
    if account is not None and _a_namesake(account, analysis, asked):
        account = None
    return VotersVote(vote, account, False, of_a_vote)


# Words of an objection as a report tells it in words of its own ("Her objection was that ...", "Kell has criticized
# ...", "Kell's concern, she said later, is ...") and of saying it.
_OBJECTING = frozenset(stems(" ".join(OBJECTION_NOUNS) + " objected complained worried concerned criticized argued"))
_SAYS = re.compile(rf"\b{_SAYING}")
# A question's words of voting, which tell nothing of an objection
_VOTING = frozenset(stems("vote voted voting votes oppose opposed opposing dissent dissented dissenting lone holdout "
                          "against"))  # fmt: skip


def tells_more_of_the_voter(vote: Candidate, candidates: list[Candidate], analysis: QuestionAnalysis) -> bool:
    """For "What was Ada Kell's objection to the levy?" when no account of her vote is found: whether its article
    still tells of her objection in words an account's patterns do not know, so that the report does not tell only
    how she voted: a sentence of it besides the vote's that names her (the voters the vote's sentence names, for
    "the lone holdout") or, right after the vote, begins "Her"/"His"/"Their", and has a word of the question's
    besides its voting and the voter's name, or of objecting, or a verb of saying ('"...," Kell said at the
    meeting.', "..., Kell said.", "Kell has argued for months that ...", "Her objection was that ...", "Her
    opinion called the ordinance too vague"); not "Kell is running for mayor"."""
    asked = voters_asked(analysis)
    if not asked:
        passage = vote.passage
        asked = surnames([passage.text[s:e] for s, e, label in passage.entities
                          if label == "PERSON" and vote.start <= s and e <= vote.end])  # fmt: skip
    told = (set(stems(analysis.question)) - set(stems(" ".join(asked))) - _VOTING) | _OBJECTING
    after = sentences_after(vote, candidates)
    for candidate in candidates:
        if candidate is vote or candidate.passage.article_id != vote.passage.article_id:
            continue
        named = {re.sub(r"['’]s$", "", w) for w in words(candidate.text)} & asked
        theirs = (candidate is (after[0] if after else None)
                  and re.match(r"\W*(?:Her|His|Their)\b", candidate.text.strip()) is not None)  # fmt: skip
        if (named or theirs) and (set(stems(candidate.text)) & told or _SAYS.search(candidate.text)):
            return True
    return False


def _against_another_thing(vote: Candidate, candidates: list[Candidate], analysis: QuestionAnalysis,
                           asked: set[str]) -> bool:
    """For "Why was Sela Marchwood against the Ridley Street closure?" (no vote asked of): whether the vote's
    sentence shares no word of what she is asked to be against while a sentence of its article tells of her being
    against it ("Marchwood has also been against closing Ridley Street"): the vote was on something else."""
    against = AGAINST.search(analysis.question)
    if not asked or against is None or vote_side(analysis.question) is not None:
        return False
    thing = set(stems(analysis.question[against.end():])) - _VOTE_STEMS - asked
    if not thing or set(stems(vote.text)) & thing:
        return False
    return any(c is not vote and c.passage.article_id == vote.passage.article_id and asked & set(words(c.text))
               and AGAINST.search(c.text) and set(stems(c.text)) & thing for c in candidates)  # fmt: skip


# A phrase of voting that is a verb, whose voter is named before it ("Ada Kell voted no", not "voted against the
# plan proposed by Ivo Brandt"), unless nothing comes before it ("Voting no were Ada Kell and Ned Roe"); not "the
# lone vote against it, cast by Ada Kell", a noun.
_VERBAL = re.compile(r"vot(?:ed|ing)\s|oppos|dissented", re.IGNORECASE)


def _names_the_voter(candidate: Candidate, side: VoteSide, asked: set[str]) -> bool:
    """Whether the sentence names a voter asked about as the one who voted on `side`."""
    phrase = side_phrase(candidate.text, side)
    if phrase is None:
        return False
    before = candidate.text[: phrase.start()]
    told = before if _VERBAL.match(phrase.group()) and re.search(r"[^\W\d_]", before) else candidate.text
    return bool(asked & set(words(told)))


# Nouns of a vote's own report, which name no matter voted on: "Council members Ada Kell and Ned Roe voted no",
# "Commissioner Luz Carrington was the lone holdout", "voted against the measure"
_VOTE_NOUNS = frozenset(
    "vote votes member members council board commission commissioner commissioners trustee trustees selectman "
    "selectmen alderman aldermen supervisor supervisors councilor councilors holdout dissent dissenter meeting "
    "session night morning afternoon evening week month time measure proposal plan motion ordinance resolution "
    "item request matter idea issue decision majority colleague colleagues tally side committee panel hearing "
    "agenda".split()
)
_VOTE_STEMS = frozenset(stems(" ".join(_VOTE_NOUNS) + " voted voting opposed oppose opposing dissented lone only"))


def _matter_asked(analysis: QuestionAnalysis, asked: set[str]) -> set[str]:
    """The stems of what the question asks of a vote on: its words after its vote word ("the rezoning of the
    Tessler mill site"), less the vote's own words and, when others remain, its proper nouns."""
    doc = sentence_parse(analysis.question)
    cut = vote_word(doc) or 0
    # (its common words when it has any: "the Halvern rezoning" is the rezoning, and a town's name is in many of
    # a report's sentences, "In a separate vote, the Halvern council approved a parking fee")
    # (nor the noun of an objection: "What was Kell's concern about the bus contract?" is not answered by a vote
    # "citing concerns" about another matter)
    common = set(stems(" ".join(t.text for t in doc[cut:] if t.pos_ != "PROPN"))) - _VOTE_STEMS - asked - _OBJECTING
    return common or (set(stems(analysis.question[doc[cut].idx if cut < len(doc) else 0:])) - _VOTE_STEMS - asked
                      - _OBJECTING)


# Words that set a vote apart from the one a report is about: "In a separate vote, ...", "In other business, ...".
_ANOTHER_MATTER = re.compile(r"\b(?:separate|other business|also|another|second)\b", re.IGNORECASE)


def _told_apart(vote: Candidate, candidates: list[Candidate], side: VoteSide, matter: set[str],
                objecting: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether a vote's sentence may be of another vote than the one asked about: it says it is one apart ("In a
    separate vote, ..."), comes from another article than the best answer's, or its article tells of a vote on
    the side asked that shares a word with the question, or (for an objection, `objecting`: the voters asked) of
    the voter asked on the matter asked without a vote ("... after trustee Lio Vantrasse raised a concern that
    the bus contract's fuel clause ..." for "What was Vantrasse's concern about the bus contract?"). Else a
    report's one vote may be told in words of its own ("voted against the abatement" for a question about the tax
    break, "voted against the change" for moving a bus route), so a sentence of it need share no word with the
    question."""
    if vote.passage.article_id != candidates[0].passage.article_id or _ANOTHER_MATTER.search(vote.text):
        return True
    return any(c.passage.article_id == vote.passage.article_id and set(stems(c.text)) & matter
               and (vote_side(c.text) == side or objecting & set(words(c.text))) for c in candidates)  # fmt: skip


def _of_another_matter(vote: Candidate, side: VoteSide, matter: set[str]) -> bool:
    """Whether the vote's sentence tells of a vote on something else than the question asks about: it shares no
    word of it and names something of its own before any account in it ("In a separate vote, the council approved
    a parking fee, with Bram Tullis voting against it." for "Why did Tullis vote against the rezoning?"); not
    "Council members Ada Kell and Ned Roe voted no.", which names nothing else."""
    if not matter or set(stems(vote.text)) & matter:
        return False
    phrase = side_phrase(vote.text, side)
    # (up to the clause's end after the vote's words, or its account: not "..., village clerk Jo Pell said")
    told = vote.text
    if phrase is not None:
        told = told[: phrase.end() + len(re.split(r"[,;]", told[phrase.end():])[0])]
    account = _ACCOUNT_AFTER_THE_VOTE.search(told, phrase.end()) if phrase else None
    told = told[: account.start()] if account else told
    return any(t.pos_ == "NOUN" and t.lower_ not in _VOTE_NOUNS and t.lemma_.lower() not in _VOTE_NOUNS
               for t in sentence_parse(told))  # fmt: skip


def _a_namesake(account: Candidate, analysis: QuestionAnalysis, asked: set[str]) -> bool:
    """Whether the account is given by someone else of the voter's surname: "Resident Tom Kell said ..." for "Why
    did Ada Kell vote no?" (both full names given, and they differ)."""
    firsts = {words(n)[0] for n, label in analysis.entities
              if label == "PERSON" and len(words(n)) > 1 and words(n)[-1] in asked}  # fmt: skip
    if not firsts:
        return False
    passage = account.passage
    for s, e, label in passage.entities:
        name = words(passage.text[s:e])
        if label == "PERSON" and account.start <= s and e <= account.end and len(name) > 1 and name[-1] in asked:
            return name[0] not in firsts  # ("Ada M. Kell" is Ada Kell)
    return False


# How many sentences after a vote's a voter's account is looked for: a report gives the vote, then each voter's
# account in a paragraph of its own, often after the vote's supporters have had theirs.
ACCOUNT_SENTENCES = 5
# A sentence that opens the report of another vote, after which an account is of that one: "In a separate vote,
# the council approved a parking fee.", "In other business, ..."
_ANOTHER_VOTE_BEGINS = re.compile(r"\W*(?:In|On)\s+(?:a|another|the)\s+(?:separate|second|later|other|next)\s+"
                                  r"(?:vote|matter|item|motion)\b|\W*In\s+other\s+(?:business|action)\b",
                                  re.IGNORECASE)  # fmt: skip


def sentences_after(vote: Candidate, candidates: list[Candidate]) -> list[Candidate | None]:
    """The sentences after `vote` in its passage, in order, up to `ACCOUNT_SENTENCES`, from the same or the next
    paragraph on, and not across a blank line, which ends a section, nor into the report of another vote ("In a
    separate vote, ..."): each its candidate, or None for one that is none (too short, or left out of
    `candidates`, as a "why" question's are where its person is not named), so that an account a few sentences
    on is still found past them and "the next sentence" stays the next one."""
    text = vote.passage.text
    by_start = {c.start: c for c in candidates if c.passage is vote.passage}
    found: list[Candidate | None] = []
    end = vote.end
    for start, stop in sentence_spans(vote.passage):
        if start < vote.end:
            continue
        if "\n\n" in text[end:start] or len(found) >= ACCOUNT_SENTENCES or _ANOTHER_VOTE_BEGINS.match(text, start):
            break
        found.append(by_start.get(start))
        end = stop
    return found


def tells_the_vote_asked(candidates: list[Candidate], analysis: QuestionAnalysis) -> bool:
    """Whether the best candidate tells of the vote asked about, however few of the question's words it shares (a
    vote's report says it in words of its own): for "Who voted against the fee?", a sentence of the best article
    naming who voted no (`first_naming_voters`); for "Why did Ada Kell vote no?", a sentence that tells of her no
    vote when it or a sentence after it gives her account (`voters_vote`: "She said the village should have
    applied for more grant money")."""
    if asks_who_voted(analysis):
        return tells_who_voted(candidates[0], analysis)
    if not asks_for_an_account(analysis) or not voters_asked(analysis):
        return False  # (a vote's report in the best article may be another vote's when no voter is named)
    vote = voters_vote(candidates, analysis)
    return vote is not None and vote.accounted_for


def tells_the_vote_not_why(candidates: list[Candidate], analysis: QuestionAnalysis) -> bool:
    """For "Why did Ada Kell vote no?" or "What was her objection?": whether the article tells of her vote and gives
    no account of it (`voters_vote`), and, for an objection, says nothing more of her
    (`tells_more_of_the_voter`)."""
    vote = voters_vote(candidates, analysis)
    return (vote is not None and not vote.accounted_for and vote.of_a_vote
            and not (analysis.answer_type == "description" and tells_more_of_the_voter(vote.vote, candidates,
                                                                                       analysis)))  # fmt: skip
