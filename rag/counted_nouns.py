"""What a number answer counts: the noun it is hung on ("24 exam *rooms*", "12 of the 40 *homes*"), or one it
stands for ("and now has 110"), and whether the number counts at all or names one of a kind ("Route 49").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from index.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from index.nlp import sentence_parse
from rag.answer_types import MEASURE_UNITS
from rag.candidate import Candidate, span_before
from rag.date_words import YEAR
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.value_clause import answer_clause_tokens, governing_verb
from rag.word_likeness import WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# How far (in words) an answer entity may sit from the thing counted ("12 homes",
# "four southeastern provinces") to count it.
COUNTED_WINDOW = 3


# Labels the model may give a word that a number after it makes part of an identifier ("Ward" of "Ward 4", tagged as
# an organisation): such a word is no person's or body's name.
_NAMED_BY_NUMBER_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def names_one_by_its_number(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value is a number that names one of a kind rather than counting it ("Routes 2 and 15", "Precinct 7",
    "Room 12": the parser hangs the number on the capitalised noun before it), for a question that asks how many or
    how much; or, for one that asks who, a name the parser gives such a number ("a Ward 4 parent": "Ward" is no
    body, "Ward 4" a district)."""
    clause = answer_clause_tokens(candidate)
    if clause is None or candidate.answer is None:
        return False
    span = clause[0]
    if analysis.answer_type in ("count", "quantity"):
        number = next((t for t in span if _is_number(t)), None)
        while number is not None and number.dep_ == "conj" and number.head.i < number.i and _is_number(number.head):
            number = number.head  # "Routes 2 and 15": the 15 is joined to the 2, which the noun has
        if number is not None and number.dep_ == "conj" and _a_number_naming(number, number.head, joined=True):
            return True  # the parser may join the 15 to the noun itself
        return number is not None and _a_number_naming(number, number.head)
    if analysis.answer_type in ("person", "organisation") and candidate.answer[2] in _NAMED_BY_NUMBER_LABELS:
        last = span[-1]
        return any(_a_number_naming(c, last) for c in last.children if c.i == last.i + 1)
    return False


def _a_score(name: "Token", number: "Token") -> bool:
    """Whether a name and the number after it are one of two scores in a row ("Orby 58, Harrowgate 51")."""
    doc = name.doc
    after = doc[number.i + 1 : number.i + 4]
    before = doc[max(0, name.i - 2) : name.i]
    return (len(after) == 3 and after[0].text == "," and after[1].text[:1].isupper() and _is_number(after[2])) or (
        len(before) == 2 and _is_number(before[0]) and before[1].text == ",")


# Nouns the tagger may hang a number on that say how many ("complaints number 212", "a total 45"). English nouns.
_WORDS_OF_A_NUMBER = frozenset({"number", "total", "count", "tally", "sum", "figure", "population", "enrollment"})


def _a_number_naming(number: "Token", noun: "Token", joined: bool = False) -> bool:
    """Whether `number` follows the capitalised noun it is hung on (or, `joined`, is joined to it after one that is:
    "Routes 2 and 15"), which it names one of ("Route 49"), not a month or a day it dates ("Jan. 8"), nor a name the
    model tags apart from it, whose score it is ("Orby 58, Harrowgate 51"). A lowercase noun names one so too when
    it is singular, after a preposition or an article, and the number comes right after it ("across lane 3 of the
    track"; not "Harlow Falls, population 8,200" nor "kindergarten 188, first grade 175")."""
    named = noun.text[:1].isupper() or (noun.tag_ == "NN" and number.i == noun.i + 1 and noun.i > 0
                                        and noun.nbor(-1).pos_ in ("ADP", "DET")
                                        and noun.lower_ not in _WORDS_OF_A_NUMBER)
    if not (noun.i < number.i and noun.pos_ in ("NOUN", "PROPN") and named
            and noun.lower_.rstrip(".") not in MONTH_NUMBERS and noun.lower_ not in WEEKDAY_NAMES):  # fmt: skip
        return False
    if (noun.ent_type_ and noun.ent_type_ != number.ent_type_) or _a_score(noun, number):
        return False
    if joined:
        between = number.doc[noun.i + 1 : number.i]
        return number.dep_ == "conj" and bool(between) and _is_number(between[0]) and all(
            _is_number(t) or t.lower_ in ("and", "or", ",") for t in between)
    return number.dep_ == "nummod"


def _counts(analysis: QuestionAnalysis) -> Literal["count", "amount"] | None:
    """What the question's focus is to a number answer: "count" when the number counts it ("How many *beds*?",
    "What is the number of *beds*?"), "amount" when the number's unit measures it ("How much *rain* fell?": "4
    inches of rain"), else None. The focus of "How often does the ferry run?", "How tall is the tower?" or "How
    big was the crowd?" is no thing counted: the number counts times, stories or people, and comparing those
    with "ferry", "tower" or "crowd" would mark down right answers."""
    if not analysis.focus:
        return None
    if analysis.answer_type == "count" and analysis.question_word not in ("how often", "how frequently"):
        return "count"
    if analysis.answer_type == "quantity" and analysis.question_word == "how much":
        return "amount"
    return None


def _counted_similarity(
    focus: str, answer: "Span", counts: Literal["count", "amount"], word_likeness: WordLikeness,
    noun: "Token | None" = None,
) -> float:
    """How alike the question's focus and the noun the answer counts (`noun` when given; for an amount, the noun
    its unit measures); 1 when the sentence does not say what the number counts."""
    noun = noun or _counted_noun(answer)
    if noun is not None and counts == "amount":
        noun = _of_noun(noun)  # "4 inches of *rain*"; "4 inches" alone does not say of what
    if noun is None or all_stems(noun.lemma_) & all_stems(focus):
        return 1.0
    return word_likeness(focus, noun.lemma_)


# Nouns that are numbers ("a dozen trucks", "hundreds of residents"): the thing counted comes after them.
_NUMBER_NOUNS = frozenset({"dozen", "score", "hundred", "thousand", "million", "billion", "trillion"})


def _is_number(token: "Token") -> bool:
    return token.like_num or token.pos_ == "NUM" or token.lemma_.casefold() in _NUMBER_NOUNS


def _number_root(answer: "Span") -> "Token":
    """The answer's root, or its number when the parser hangs each of its words on the noun counted: "an estimated
    600 trees" gives "an", "estimated" and "600" one head, and the span's root is then its first word."""
    root = answer.root
    if root.pos_ in ("DET", "ADJ", "ADV") and not _is_number(root):
        numbers = [t for t in answer if _is_number(t) and not answer.start <= t.head.i < answer.end]
        if numbers and numbers[-1].head.i == root.head.i:
            return numbers[-1]
    return root


# How the parser hangs a number on the noun it counts.
_COUNTING = frozenset({"nummod", "quantmod", "compound", "amod"})


def _counted_noun(answer: "Span") -> "Token | None":
    """The noun a number answer counts: "24 exam *rooms*", "about 310 *riders*", "a dozen *trucks*", "12 of the
    40 *homes*", "hundreds of *residents*", and the unit an answer holds ("1,200 *acres*", and "a 1,200-*acre*
    fire", whose unit the parser hangs on "fire"); None for a number standing alone ("rose to 40")."""
    root = _number_root(answer)
    if root.pos_ in ("NOUN", "PROPN") and not _is_number(root):
        # the answer holds what it counts ("1,200 acres"), or is no number at all; the model may end it on a word
        # of a compound noun ("610 ambulance" of "610 ambulance calls": calls are counted)
        if (root.dep_ == "compound" and root.head.i > root.i and root.head.pos_ == "NOUN"
                and root.lemma_.casefold() not in MEASURE_UNITS):  # fmt: skip
            root = root.head  # (not "an 11-mile path", which measures miles)
        return root if any(_is_number(t) for t in answer if t.i < root.i) else None
    if root.dep_ == "predet" and root.lower_ == "half" and root.head.pos_ == "NOUN":
        return root.head  # "nearly half a mile": half of one mile, which counts no beavers
    if not _is_number(root):
        return None
    of = _of_noun(root)
    if of is not None:
        return of  # "12 of the 40 homes": the 12 are homes; the 40 are counted on their own
    # before its noun ("Sixty-odd volunteers" is an adjective to the parser); after it, it names one (Room 12)
    if root.dep_ in _COUNTING and root.head.pos_ in ("NOUN", "PROPN") and root.i < root.head.i:
        head = root.head
        hyphened = root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-"
        if (head.dep_ == "compound" and head.head.i > head.i and head.head.tag_ == "NNS" and not hyphened
                and head.lemma_.casefold() not in MEASURE_UNITS):  # fmt: skip
            head = head.head  # "610 ambulance calls", the number hung on "ambulance": calls are counted (not "a
            # 14-page decision", nor "412 spaces downtown", the parser's compound of a noun in the singular, nor
            # "one-bedroom lofts", a kind of loft)
        if head.lemma_.casefold() in TIME_NOUNS and any(
            root.i < c.i < head.i and c.lower_ in _TIME_DETERMINERS for c in head.children
        ):
            return None  # "and 2,750 last year", "employs 45 all year": a time after a number standing alone
        return head
    return None


# Words that make a noun of time after a number its time, not what it counts ("2,750 *last* year"; not "45 all
# new buses").
_TIME_DETERMINERS = frozenset({"last", "this", "next", "each", "every", "all", "that", "a", "per"})
TIME_NOUNS = frozenset({"year", "month", "week", "day", "night", "season", "spring", "summer", "fall", "autumn",
                         "winter", "quarter", "semester", "term", "weekend", "morning", "evening"})  # fmt: skip


# Nouns that stand for a noun named before them: "Four others were hurt", "60 more".
_STANDING_FOR_ANOTHER = frozenset({"other", "others", "more"})


def counts_a_noun_of_its_own(candidate: Candidate) -> bool:
    """Whether a number answer says what it counts ("310 *workers*", "1,200 *meals*"): false for a number standing
    alone ("It hired nine instead", "will hold 600, the architect said") or before a word that stands for a noun
    named earlier ("Four others were hurt")."""
    return counted_noun(candidate) is not None


def counted_noun(candidate: Candidate) -> str | None:
    """The lemma of the noun a number answer counts ("worker" in "310 workers"), None when it says none
    (`counts_a_noun_of_its_own`)."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return None
    counted = _counted_noun(clause[0]) or _counted_before_by_a_conjunct(clause[0])
    return None if counted is None or counted.lower_ in _STANDING_FOR_ANOTHER else counted.lemma_.casefold()


def _counted_before_by_a_conjunct(answer: "Span") -> "Token | None":
    """For a number joined by "and"/"or" to a clause that counted something ("employs about 45 guides all year
    and about 90 in summer"): the noun that clause's verb has a number count, which this one counts too; not a
    count elsewhere in the sentence ("The lodge, which has 12 rooms, employs 45 all year and 90 in summer")."""
    root = answer.root
    if root.dep_ != "conj" or not _is_number(root):
        return None
    for noun in root.head.children:
        if noun.i < root.i and noun.pos_ in ("NOUN", "PROPN") and any(
            _is_number(c) and c.dep_ in _COUNTING for c in noun.children
        ):
            return noun
    return None


def counted_by_ellipsis(answer: "Span") -> "Token | None":
    """For a number standing alone: the noun the sentence counted last before it, which it counts too ("added 30
    *kennels* this year and now has 110", "rose from 380 *students* to 410", "sold 850 raffle *tickets* last year
    but only 620 this year", "opened 24 *beds*, bringing its total to 186"); not a count that describes the
    number's own subject ("The lodge, which has 12 rooms, employs 45"). None when none counts a noun before it."""
    root = answer.root
    if not _is_number(root) or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return None  # "in 38 of them": a part of what "them" stands for, maybe named in another sentence
    verb = governing_verb(root)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    described = {t.i for t in subject.subtree} if subject is not None else set()
    before = [t for t in answer.doc[: answer.start]
              if _is_number(t) and t.dep_ in _COUNTING and t.head.pos_ == "NOUN" and t.i < t.head.i < answer.start
              and t.i not in described and not YEAR.fullmatch(t.text)]  # fmt: skip
    # (a year is no count: "the 2021 record of 498,000")
    if not before:
        return None
    # the same count goes on after a preposition ("from 380 students to 410"), "have", the same verb ("sold 850
    # tickets last year but only 620 this year") or "more"; not after another verb ("bought 40 computers and drew
    # 52,000")
    other_verb = governing_verb(before[-1])
    more = any(c.lower_ in _STANDING_FOR_ANOTHER for c in root.children)  # "and leases two more": lighthouses
    if (root.dep_ != "pobj" and not more and verb.lemma_.casefold() not in _ELLIPTIC_VERBS
            and verb.lemma_.casefold() != other_verb.lemma_.casefold()):  # fmt: skip
        return None
    return before[-1].head


# Verbs whose subject a number standing alone after them gives the size of: "Attendance fell to 68,900", "The number
# of licenses stands at 412", "Enrollment totals 1,240", "Turnout was 3,100". English verbs of change and standing.
_SUBJECT_SIZED_BY = frozenset({"be", "fall", "drop", "dip", "decline", "slip", "sink", "rise", "climb", "grow",
                               "increase", "decrease", "jump", "soar", "surge", "swell", "shrink", "stand", "reach",
                               "total", "top", "hit", "number", "remain", "stay", "double", "triple"})  # fmt: skip
# Nouns for a number of things, whose "of" phrase says what is counted ("the number of licenses").
_NUMBER_OF_NOUNS = frozenset({"number", "total", "count", "tally", "figure"})


def counted_by_its_subject(answer: "Span") -> "Token | None":
    """For a number standing alone as the size its verb gives its subject ("*Attendance* fell to 68,900", "The
    number of *licenses* stands at 412", "*Enrollment* was 1,240"): that subject's noun, or the noun a "number of"
    subject counts; None for a number that counts a noun of its own, hangs on another verb or preposition ("cut
    water to 310"), or whose subject is a pronoun or a name ("It has 16", "Orby grew to 4,100")."""
    root = answer.root
    if not _is_number(root) or _counted_noun(answer) is not None or any(c.dep_ == "prep" for c in root.children):
        return None
    verb = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("to", "at") else root.head
    if root.dep_ not in ("pobj", "dobj", "attr") or verb.lemma_.casefold() not in _SUBJECT_SIZED_BY:
        return None
    # (the nearest: the parser may take a dateline for a subject too, "MORROWICK -- Attendance ... fell")
    subject = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: c.i, default=None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    if subject.lemma_.casefold() in _NUMBER_OF_NOUNS:
        return _of_noun(subject)
    return subject


# Verbs after which a number stands for the noun counted before it: "now has 110", "holds 600".
_ELLIPTIC_VERBS = frozenset({"have", "hold", "be", "total", "reach"})


# Words that ask for more of a thing, so that the next sentence's "The county has 16" counts it.
_MORE_OF = frozenset({"more", "another", "additional"})


def counted_by_the_sentence_before(candidate: Candidate, answer: "Span") -> "Token | None":
    """For a number standing alone as what something has or holds, in a sentence that counts nothing before it:
    the thing the sentence before asks for more of ("The mayor asked for more treatment *beds*. The county has
    16."; "needs another *ambulance*. The department has three"); None otherwise."""
    root = answer.root
    if (not _is_number(root) or root.dep_ != "dobj" or root.head.lemma_.casefold() not in ("have", "hold")
            or any(_is_number(t) for t in answer.doc[: answer.start])):  # fmt: skip
        return None
    before = span_before(candidate)
    if before is None:
        return None
    asked_for: "list[Token]" = []
    for token in sentence_parse(candidate.passage.text[before[0] : before[1]]):
        if token.lower_ not in _MORE_OF:
            continue
        noun = _of_noun(token) or token.head  # "more of the town's storefronts"; "more treatment beds"
        while noun.dep_ == "compound":
            noun = noun.head  # the parser may hang "more" on the first of "more addiction treatment beds"
        # things counted: "more snowplows", "another ambulance"; not "more money"
        if noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or token.lower_ == "another"):
            asked_for.append(noun)
    return asked_for[-1] if asked_for else None


def _of_noun(token: "Token") -> "Token | None":
    """The noun of an "of" that follows `token`: "12 of the 40 *homes*", "4 inches of *rain*"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
