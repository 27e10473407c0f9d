"""Sentences in which an article says that what is asked is not known or not given.

News says so in a few fixed ways: someone *declined* or *refused* to say,
name, comment on or discuss it ("The sheriff declined to discuss a motive"); it
was *not* said, released, determined or known ("The driver's name was not
released", "Officials would not say how much the repairs would cost"); it is
*unclear* or *unknown* ("It was unclear how many people were inside"); or it is
*under investigation*. When such a sentence is about the very thing a question
asks, the honest answer is a refusal that shows that sentence, not a nearby
sentence that happens to hold a date or a number.

What is withheld is read off the parse: the clause that says or names (minus
who declined), the subject of "was not determined" or "is unclear", and the
noun a relative clause hangs on ("a grocery chain, which it declined to
name"). It is about the question when it holds the kind of thing asked (an
embedded "when", "how many", "who", "why", or a noun of that kind: "date",
"cost", "name", "motive") and the question's verb (its noun when it has no
verb); for an untyped question ("Which chain ...?", "What motive ...?"), when
it holds the noun asked about. A question that names whom it is about ("What did Ada
Kell say ...?") is answered by a withholding only by or of that one: who declines or
does not tell ("Kell", "a spokesman for Ada Kell", "she"), or a name of what is
withheld ("what Kell said"); not a name beside another word ("the Kell-Orrin
meeting"). Words are matched as they are, so a synonym
misses ("Why did the warehouse burn?" against "the cause of the blaze is under
investigation"): the check prefers answering to refusing an answerable question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from index.nlp import sentence_parse
from rag.answer_text import display_text
from rag.asked_roles import ANYONE_NOUNS, PEOPLES_NOUNS
from rag.candidate import sentence_spans
from rag.constraint_checker import ConstraintChecker
from rag.expected_answer import CAUSE_VERBS, ORGANISATION_NOUNS
from rag.models import Passage
from rag.query import QuestionAnalysis
from rag.text import all_stems, stems, words
from rag.verb_meanings import phrasal_meaning

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs of declining whose complement is a verb of telling ("declined to name", "refused to comment").
DECLINING_VERBS = frozenset({"decline", "refuse"})
# Verbs of telling and finding out: negated ("did not say", "was not released") or declined, they withhold.
# Setting and scheduling count too: "A sentencing date has not been set" withholds the date.
TELLING_VERBS = frozenset(
    {"say", "tell", "name", "comment", "discuss", "talk", "disclose", "identify", "release", "reveal", "specify",
     "elaborate", "confirm", "explain", "determine", "know", "announce", "estimate", "detail", "speculate",
     "answer", "set", "schedule"}
)  # fmt: skip
# Verbs that withhold without a negation: "The victim's name was withheld".
WITHHOLDING_VERBS = frozenset({"withhold", "redact"})
# Verbs that tell only with a piece of information as their object ("did not give a reason", "would not
# provide details"); otherwise they give things ("Orlow will not give up its claim").
GIVING_VERBS = frozenset({"give", "provide", "share", "offer"})
INFORMATION_NOUNS = frozenset(
    {"reason", "detail", "figure", "number", "name", "explanation", "motive", "estimate", "timeline", "date",
     "information", "cause", "breakdown", "update", "comment", "answer", "amount", "total", "cost", "price"}
)  # fmt: skip
# Adjectives that say something is not known ("It is unclear how many ..."), and ones that do so negated.
UNKNOWN_ADJECTIVES = frozenset({"unclear", "unknown", "undetermined", "undisclosed", "uncertain"})
NEGATABLE_ADJECTIVES = frozenset({"clear", "known", "available", "certain"})
# Words, in what is withheld, of the kind of thing each answer type asks for: an embedded question word
# ("did not say when"), or a noun of that kind ("the date", "the cost", "the name"). Closed English classes.
KIND_WORDS: dict[str, frozenset[str]] = {
    "date": frozenset({"when", "date", "day", "time", "year", "month", "week"}),
    "duration": frozenset({"long", "duration"}),
    "count": frozenset({"many", "number", "count", "total"}),
    "money": frozenset({"much", "cost", "price", "amount", "sum", "value", "figure", "worth"}),
    "quantity": frozenset({"much", "cost", "price", "amount", "sum", "value", "figure", "size", "big", "large"}),
    "measure": frozenset({"much", "size", "big", "large", "high", "deep", "far", "long", "fast"}),
    "percent": frozenset({"much", "percent", "percentage", "share", "rate"}),
    "age": frozenset({"age", "old"}),
    "person": frozenset({"who", "whom", "name", "identity", "identify"}),
    "organisation": frozenset({"who", "which", "name", "identity", "identify"}),
    "name": frozenset({"who", "which", "name", "identity", "identify"}),
    "place": frozenset({"where", "location", "place", "site"}),
    "reason": frozenset({"why", "reason", "motive", "cause", "source", "origin"}),  # "the source of the leak"
}
# A sentence is parsed only when it reads like a withholding: a word of declining or not knowing, or a
# negation shortly before a verb of telling. Most sentences match none, and a parse costs milliseconds.
_TELLING_FORMS = (
    r"(?:say|said|says|tell|told|name[ds]?|comment(?:ed)?|discuss(?:ed)?|talk(?:ed)?|disclos\w*|identif\w*|"
    r"releas\w*|reveal\w*|specif\w*|g[ia]ven?|provid\w*|offer\w*|elaborat\w*|confirm\w*|explain\w*|determin\w*|"
    r"known?|announc\w*|estimat\w*|detail\w*|speculat\w*|shar\w*|answer\w*|set|schedul\w*|clear|available|"
    r"certain)"
)
_CUE = re.compile(
    r"\b(?:declin\w*|refus\w*|unclear|unknown|undetermined|undisclosed|uncertain|under investigation|withh[eo]ld\w*|"
    r"redact\w*)\b"
    rf"|(?:\bnot|\bnever|n['’]t)\s+(?:[\w’'-]+\s+){{0,3}}?{_TELLING_FORMS}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Withheld:
    """A sentence of a retrieved passage that says the thing asked is not known or not given."""

    passage: Passage
    passage_rank: int  # the passage's place among those retrieved (0 = first)
    text: str


# The notice of a refusal because an article says the thing asked is not given: the reader sees why.
WITHHELD_NOTICE = "{source} says this is not known or not given: “{sentence}”"


def withheld_notice(withheld: Withheld) -> str:
    source = withheld.passage.source or withheld.passage.title
    return WITHHELD_NOTICE.format(source=source, sentence=display_text(withheld.text))


def find_withheld(
    analysis: QuestionAnalysis, passages: Sequence[Passage], last_rank: int | None = None
) -> Withheld | None:
    """The first sentence of `passages` (in retrieval order, up to the passage at `last_rank`) that withholds
    what `analysis` asks, if any; the question's names, years and dates must hold in the sentence or its
    passage. (Not anywhere in its article, as for an answer: a long story about one thing that mentions the
    question's park once "did not know what it would cost" of something else.)"""
    checker = ConstraintChecker(analysis.constraints, None)  # None: the passage stands for the article
    for rank, passage in enumerate(passages[: None if last_rank is None else last_rank + 1]):
        for start, end in sentence_spans(passage):
            text = passage.text[start:end]
            if not withholds(analysis, text):
                continue
            _, missing = checker.share_in(text)
            if checker.hold_in_article(passage, missing):
                return Withheld(passage, rank, text)
    return None


def withholds(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Whether `sentence` says that what `analysis` asks is not known or not given."""
    kind_words = KIND_WORDS.get(analysis.answer_type, frozenset())
    focus = set(stems(analysis.focus)) | {analysis.focus} if analysis.focus else set()
    if not (kind_words or focus) or not _CUE.search(sentence):
        return False  # nothing says what a withheld clause must be about; or no word of withholding
    if analysis.answer_type in ("person", "organisation") and _names_a_thing(sentence):
        return False  # "has not announced a name for the building" withholds no one's name
    predicate = all_stems(" ".join(analysis.predicate_forms))
    if analysis.predicate in CAUSE_VERBS:
        # "What caused the outage?" asks of the outage: "It is unclear why the outage happened" withholds it
        predicate |= focus
    asks_a_telling = analysis.predicate in TELLING_VERBS | GIVING_VERBS
    named_party = _named_party(analysis.question, predicate)
    subject = _subject_words(analysis.subject)
    return any(
        _about_the_question(withheld, kind_words, focus, predicate, asks_a_telling)
        and not _of_another_party(withheld, predicate, named_party)
        and _of_the_subject(withheld, subject, sentence)
        for withheld in _withholdings(sentence)
    )


def _subject_words(subject: str | None) -> frozenset[str]:
    """The words of the name the question is about ("Ada Kell" of "What did Ada Kell say about the levy?")."""
    if subject is None:
        return frozenset()
    return frozenset(w.removesuffix("'s") for w in words(subject)) - _ARTICLES


_ARTICLES = frozenset({"the", "a", "an"})
# Who may stand for the question's subject as the one who withholds: "She declined to comment".
_STANDING_FOR = frozenset({"he", "she", "they", "it", "we", "i"})


def _of_the_subject(withheld: "WithheldWords", subject: frozenset[str], sentence: str) -> bool:
    """Whether what is withheld is withheld by or of the one the question names as its subject: for "What did Ada
    Kell say about the levy?", "Kell declined to comment", "A spokesman for Ada Kell would not say", "She declined
    to comment" (who she is, the sentences before tell) or "It is unclear what Kell said"; not "The levy was not
    discussed at the Kell-Orrin meeting", in which no Kell withholds anything (a name beside another word only)."""
    if not subject:
        return True
    if subject <= set(words(sentence)):
        return True  # named in full
    return bool(subject & (withheld.withholders | withheld.named)) or bool(withheld.withholders & _STANDING_FOR)


# "a name for the building", "the name of the new park": the name of a thing (not "the name of the driver").
_A_NAME_OF = re.compile(r"(?i)\bnames?\s+(?:for|of)\s+(?:the|its|a|an|their|his|her)\s+(?:new\s+)?([a-z]+)")


def _names_a_thing(sentence: str) -> bool:
    """Whether the sentence withholds the name of a thing, which no "Who ...?" asks: "a name for the building"."""
    named = _A_NAME_OF.search(sentence)
    if named is None:
        return False
    noun = named.group(1).casefold()
    # (a noun for someone by its ending: "inspector", "liaison" aside, "planner", "pharmacist", "appointee")
    return not (set(stems(noun)) & _PEOPLE_AND_BODIES or _A_PERSONS_ENDING.search(noun))


# Nouns for people and for bodies, whose name a "Who ...?" or "Which company ...?" does ask.
_PEOPLE_AND_BODIES = frozenset(stems(" ".join(PEOPLES_NOUNS | ANYONE_NOUNS | ORGANISATION_NOUNS
                                              | {"victim", "shooter", "buyer", "seller", "officer", "liaison",
                                                 "successor", "replacement", "nominee", "hire", "head"})))
_A_PERSONS_ENDING = re.compile(r"(?:er|or|ist|ian|ee|ant|ent)s?$")


# The parts of a clause that say to or on whom its verb is done: "pay the county", "paid the owners", "the
# owners will be paid".
_PARTY_DEPS = frozenset({"dobj", "dative", "nsubjpass"})


def _party_words(verb: "Token") -> frozenset[str]:
    """The lower-case words and lemmas of the one to or on whom `verb` is done ("pay Ludgarth County": "ludgarth",
    "county"); none when its clause names no one that way."""
    return frozenset(form for child in verb.children if child.dep_ in _PARTY_DEPS and child.pos_ != "PRON"
                     for t in child.subtree if t.pos_ in ("NOUN", "PROPN") or t.lower_ in _ANY_OF_A_KIND
                     for form in (t.lower_, t.lemma_.casefold()))  # fmt: skip


def _named_party(question: str, predicate: set[str]) -> frozenset[str]:
    """`_party_words` of the question's verb when they hold a name ("How much will the wind company pay Ludgarth
    County?": "ludgarth", "county"); none for "How much will it pay the landowners?"."""
    for token in sentence_parse(question):
        if token.pos_ == "VERB" and set(stems(token.lower_)) & predicate:
            party = [c for c in token.children if c.dep_ in _PARTY_DEPS]
            if any(t.pos_ == "PROPN" for c in party for t in c.subtree):
                return _party_words(token)
    return frozenset()


def _of_another_party(withheld: "WithheldWords", predicate: set[str], named_party: frozenset[str]) -> bool:
    """Whether what is withheld is the question's act done to another party: "She would not say how much the
    landowners will be paid" withholds nothing of "How much will the company pay Ludgarth County?"."""
    return bool(named_party) and any(
        set(stems(verb)) & predicate and party and not party & named_party and not party & _ANY_OF_A_KIND
        for verb, party in withheld.parties
    )


# Words that make a party a kind that may hold the one the question names: "the other towns", "each landowner".
_ANY_OF_A_KIND = frozenset({"other", "others", "all", "each", "every", "any", "some"})


@lru_cache(maxsize=4096)
def _withholdings(sentence: str) -> tuple["WithheldWords", ...]:
    """What a sentence withholds, parsed once per process: the passages retrieved for one topic recur. The parse
    is the one the answer's clause reads when the same sentence holds the best answer."""
    return tuple(withheld_words(sentence_parse(sentence)))


def _about_the_question(withheld: "WithheldWords", kind_words: frozenset[str], focus: set[str],
                        predicate: set[str], asks_a_telling: bool) -> bool:  # fmt: skip
    """What a sentence withholds is what the question asks about (`focus` and `predicate`: stems)."""
    if kind_words:
        # a value question: the kind of thing asked ("when", "how many", "cost") and the question's verb when
        # it has one ("has not said when hiring will begin"), else its noun. The noun alone is not enough:
        # "did not say how many people were hurt" withholds nothing of "How many people were arrested?"
        about = predicate or focus
        return bool(withheld.words & kind_words) and (not about or bool(withheld.words & about))
    # an untyped question ("Which chain ...?", "What motive ...?"): the noun asked about is what is withheld,
    # not a word beside it ("declined to comment on the budget vote" withholds no budget), and its verb is
    # the clause's, unless it is a verb of telling itself ("What motive did police give?")
    return bool(withheld.heads & focus) and (not predicate or asks_a_telling or bool(withheld.words & predicate))


@dataclass(frozen=True)
class WithheldWords:
    """What one withholding withholds: its lower-case words, lemmas and stems, and its nouns' (the heads)."""

    words: set[str]
    heads: set[str]
    # each verb of what is withheld (lower case) with `_party_words` of it
    parties: tuple[tuple[str, frozenset[str]], ...] = ()
    # the lower-case words of who withholds it ("the county" of "The county declined to say"; "it" of "It would not
    # say"), and of the names that are what is withheld about (its heads' names: "Kell" of "what Kell said")
    withholders: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()


def withheld_words(doc: "Doc") -> Iterable[WithheldWords]:
    """For each withholding in a parsed sentence, what it withholds; none that is only feared ("citing concern
    that operators would not know local street names")."""
    for token in doc:
        lemma = token.lemma_.casefold()
        if _feared(token):
            continue
        if lemma in DECLINING_VERBS:
            for told in token.children:
                if told.dep_ == "xcomp" and _tells(told):
                    yield _withheld(_clause(told, with_subject=False), _relative_head(token), _withholder(token))
        elif token.pos_ in ("VERB", "AUX") and (
            (_tells(token) and _negated(token)) or (lemma in WITHHOLDING_VERBS and not _negated(token))
        ):
            passive = any(c.dep_ in ("nsubjpass", "csubjpass") for c in token.children)
            yield _withheld(_clause(token, with_subject=passive), _relative_head(token) or _told_before(token),
                            _withholder(token, passive))  # fmt: skip
        elif (lemma in UNKNOWN_ADJECTIVES or (lemma in NEGATABLE_ADJECTIVES and _negated(token, token.head))) and (
            token.dep_ in ("acomp", "attr", "ROOT")
        ):
            yield _withheld(_clause(token.head, with_subject=True))
        elif lemma == "investigation" and token.head.lower_ == "under":
            yield _withheld(_clause(token.head.head, with_subject=True))


# Words of fearing, whose clause tells what someone fears may happen, not what is not known or not given
# ("worried that the county would not release the names"). A closed English class.
# ("warned that they would not release the name" announces a withholding, so "warn" is none of them)
_FEARING = frozenset({"concern", "concerned", "worry", "worried", "fear", "afraid", "danger", "anxious",
                      "anxiety"})  # fmt: skip


def _feared(token: "Token") -> bool:
    """Whether a word is in a clause that a word of fearing governs ("concern that operators would not know")."""
    while token.dep_ in ("ccomp", "acl", "conj", "xcomp") and token.head.i != token.i:
        governed = token.dep_ != "conj"  # ("feared a delay and did not say when": the second clause is told)
        token = token.head
        if governed and (token.lemma_.casefold() in _FEARING or token.lower_ in _FEARING):
            return True
    return False


def _tells(verb: "Token") -> bool:
    """A verb of telling, not a phrasal verb made of one ("give up", "talk down")."""
    if any(child.dep_ == "prt" for child in verb.children):
        return False
    lemma = verb.lemma_.casefold()
    if lemma in GIVING_VERBS:
        return any(c.dep_ == "dobj" and c.lemma_.casefold() in INFORMATION_NOUNS for c in verb.children)
    return lemma in TELLING_VERBS


def _negated(*tokens: "Token") -> bool:
    return any(child.dep_ == "neg" for token in tokens for child in token.children)


# Clauses the parser may hang on a verb from before it that tell something else ("Police said ice caused the
# crash; the driver's name was not released"): what is withheld is said after the verb of telling.
_CLAUSES_BEFORE = frozenset({"ccomp", "parataxis", "advcl", "conj"})


def _clause(verb: "Token", with_subject: bool) -> list["Token"]:
    """The tokens of `verb`'s clause; without its active subject (who did not say) unless `with_subject`, and
    without a clause of its own that comes before it."""
    dropped = {"expl"} | (set() if with_subject else {"nsubj", "csubj"})
    left_out = {
        t.i
        for child in verb.children
        if child.dep_ in dropped or (child.dep_ in _CLAUSES_BEFORE and child.i < verb.i)
        for t in child.subtree
    }
    return [t for t in verb.subtree if t.i not in left_out]


def _relative_head(token: "Token") -> list["Token"]:
    """The noun a relative clause describes, and the words that tie it to its verb ("would be run by a chain,
    which it declined to name": "chain", "by", "run")."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ == "relcl":
            tied = [ancestor.head]
            while tied[-1].pos_ not in ("VERB", "AUX") and tied[-1].head.i != tied[-1].i:
                tied.append(tied[-1].head)
            return tied
        if ancestor.dep_ not in ("xcomp", "ccomp", "conj"):
            return []
    return []


# Words that make an information noun point back to what the sentence told before it: "the amount", "its cost".
_POINTING_BACK = frozenset({"the", "its", "that", "their"})


def _told_before(verb: "Token") -> list["Token"]:
    """The clause a withholding is joined to when what it withholds points back to it: "would owe the agency a
    cancellation fee but did not disclose the amount" withholds the fee's amount ("the amount" alone says of what
    only by the clause before it)."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return []
    if not any(c.dep_ == "dobj" and c.lemma_.casefold() in INFORMATION_NOUNS
               and any(d.dep_ in ("det", "poss") and d.lower_ in _POINTING_BACK for d in c.children)
               for c in verb.children):  # fmt: skip
        return []
    own = {t.i for t in verb.subtree}
    return [t for t in verb.head.subtree if t.i not in own and t.dep_ not in ("cc", "punct")]


# The parts of a clause that say what it is about: its objects and subjects (and the noun a relative clause
# describes).
_HEAD_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "nsubj", "attr", "oprd"})


def _withholder(verb: "Token", passive: bool = False) -> frozenset[str]:
    """The lower-case words of who declines or does not tell: the subject of an active verb ("Kell declined to
    say"), the agent of a passive one ("was not released by the county")."""
    if passive:
        agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
    else:
        agents = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    return frozenset(t.lower_.removesuffix("'s") for agent in agents for t in agent.subtree)


def _withheld(tokens: Sequence["Token"], tied: Sequence["Token"] = (),
              withholders: frozenset[str] = frozenset()) -> WithheldWords:  # fmt: skip
    words: set[str] = set()
    heads: set[str] = set()
    for token in [*tokens, *tied]:
        forms = {token.lower_, token.lemma_.casefold(), *stems(token.lower_)}
        meaning = phrasal_meaning(token) if token.pos_ == "VERB" else None
        if meaning is not None:  # "did not give a reason for stepping down" withholds why someone resigned
            forms |= {meaning, *stems(meaning)}
        words |= forms
        if token.dep_ in _HEAD_DEPS or (tied and token is tied[0]):
            heads |= forms
    parties = tuple((t.lower_, _party_words(t)) for t in tokens if t.pos_ == "VERB")
    # a name that is what is withheld about, or whose it is ("what Kell said", "Kell's reasons"), not one beside
    # another word ("the Kell-Orrin meeting")
    named = frozenset(t.lower_ for t in [*tokens, *tied] if t.pos_ == "PROPN" and t.dep_ in _HEAD_DEPS | {"poss"})
    return WithheldWords(words, heads, parties, withholders, named)
