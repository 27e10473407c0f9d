"""Question analysis: what kind of answer a question asks for, about what, and what a right answer must respect.

One parse of the question with the English NLP model (`index.nlp.full_pipeline`)
gives, without hand-written patterns over the question text:

- `answer_type`: from the question word and the word it governs in the
  dependency parse ("how many" + noun is a count, "how long" a duration,
  "which" + a time noun a date, "who" a person, "why" a reason, an auxiliary
  first a yes/no question, ...);
- `focus`: the noun the question is about ("budget" in "How big is Terre
  Haute's 2019 budget?", "homes" in "How many homes were damaged?");
- `constraints`: what the question names and a right answer must not
  contradict: people, places, organisations (the model's entities and proper
  nouns), years and year ranges, calendar dates, numbers and identifiers
  ("Quillport042", "Resolution 2024-17").

Retrieval, the extractive answerer and the chat rewrite all use the same
`QuestionAnalysis`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import takewhile
from typing import TYPE_CHECKING, Collection, Iterable, Literal

from index.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from rag.text import NUMBER_WORDS, normalise, stems

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

AnswerType = Literal[
    "person", "organisation", "place", "date", "duration", "count", "money", "percent", "quantity", "measure", "age",
    "name", "reason", "quote", "list", "yes_no", "description",
]  # fmt: skip
ConstraintKind = Literal["name", "year", "year_range", "date", "number", "identifier", "size", "numbered"]
# Where the question word stands to its verb: the one who does it, or the one it is done to (`slot_of`).
Slot = Literal["subject", "object"]
# How a clause stands to reality: done ("hired", "has hired", "was lifted"), not (yet) done ("will hold",
# "expects to hire"), or neither said (the present: "is", "holds").
Mood = Literal["realised", "irrealis"]

# Entity labels (OntoNotes, as the NER model tags them) that can answer each typed question.
ANSWER_LABELS: dict[str, tuple[str, ...]] = {
    "person": ("PERSON", "ORG"),  # "Who will train the welders?": "Ardmoor Community College"
    "organisation": ("ORG",),
    "place": ("GPE", "LOC", "FAC", "ORG"),  # "Where did the students go?": "Harlan Middle School", an ORG to the model
    "date": ("DATE", "TIME"),
    "duration": ("DATE", "TIME", "QUANTITY"),
    "count": ("CARDINAL", "ORDINAL", "QUANTITY"),
    "money": ("MONEY",),
    "percent": ("PERCENT",),
    "quantity": ("MONEY", "QUANTITY", "CARDINAL", "PERCENT"),  # "How big a cut?": "20 percent" too
    # "How deep was the water?": "4 feet" first; a bare number only when no passage gives a unit
    # ("a magnitude 5.8 quake", "40 stories"): rag.candidates.measures_first
    "measure": ("QUANTITY", "CARDINAL"),  # not a sum: "How tall is the statue?" is not "$85,000" it cost
    "age": ("CARDINAL", "DATE"),  # "Dale Orrin, 52," and "52 years old" (the model tags ages either way)
    # "What is the name of the restaurant?": a name of any kind
    "name": ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"),
}
TYPED_ANSWERS = frozenset(ANSWER_LABELS)

# Closed classes of English nouns that say which kind of value a "what/which
# <noun>" question wants. They are the vocabulary of the answer types
# themselves, not of any corpus.
_TIME_NOUNS = frozenset({"date", "day", "year", "month", "week", "weekday", "time", "hour", "season", "decade"})
_PERCENT_NOUNS = frozenset({"percent", "percentage", "share", "proportion", "fraction", "rate"})
_COUNT_NOUNS = frozenset({"number", "count", "total"})
# Nouns for how many people live in or belong to a place ("What is the population of Orlow?"): a count, of people.
_HEADCOUNT_NOUNS = frozenset({"population", "enrollment", "enrolment"})
# Nouns for a sum a body has, owes or lacks ("How big was the deficit?"): its size is a sum or a share, never a
# bare number of something. English nouns of public finance.
_FINANCIAL_NOUNS = frozenset({"deficit", "surplus", "shortfall", "debt", "revenue", "income", "profit", "savings",
                              "overrun", "windfall", "reserve", "reserves", "gap", "loss", "losses"})  # fmt: skip
# Of those, nouns as often of a number of things ("the job loss", "a shortfall of 60 volunteers", "a gap of 40
# votes", "their 42-7 loss"): a sum only when the question names money too ("the budget shortfall").
_SUMS_OR_COUNTS = frozenset({"gap", "loss", "losses", "shortfall"})
# A tax levied at a rate: "a 1.5-mill levy" gives its size in a bare number.
_RATED_IN_MILLS = frozenset({"levy"})
# Nouns for a group of people ("How big was the crowd?"): its size is a number of people or a share ("turnout was
# 34 percent"), never a sum of money or a measure ("3 acres"). English nouns for gatherings and staffs.
_GROUPS_OF_PEOPLE = frozenset({"crowd", "audience", "turnout", "attendance", "staff", "workforce", "faculty",
                               "membership", "congregation", "class", "team", "squad", "crew", "following",
                               "gathering", "rally", "protest", "delegation"})  # fmt: skip
# Nouns for a business ("Which contractor did the work?") or another body ("Which agency ...?"): the question asks
# for an organisation's name. A business is no public body (rag.answer_entities).
BUSINESS_NOUNS = frozenset({"company", "firm", "contractor", "subcontractor", "corporation", "business", "bank",
                            "developer", "builder", "supplier", "vendor", "manufacturer", "retailer", "insurer",
                            "lender", "chain", "consultancy"})  # fmt: skip
ORGANISATION_NOUNS = BUSINESS_NOUNS | {"agency", "nonprofit", "charity", "organization", "organisation"}
_AMOUNT_NOUNS = frozenset({"amount", "sum", "size", "cost", "price", "value", "figure", "toll"})
# Words that make an amount a sum of money ("how much money", "what dollar value").
_MONEY_WORDS = frozenset({"money", "cash", "funding", "dollar", "euro", "pound", "yen", "cent", "price", "cost",
                          "fee", "salary", "wage", "fine", "budget", "worth", "spend", "pay", "owe", "fund",
                          "donate", "invest", "borrow", "bond", "bail", "loan", "grant", "levy", "rent", "severance",
                          "settlement", "damages", "fare", "tuition", "payment", "refund", "rebate",
                          "subsidy", "pension", "bonus", "reward", "aid", "reimbursement", "compensation",
                          "allowance", "stipend", "bid"})  # fmt: skip
# Nouns whose size is a sum or a share, never a bare number ("How big was the deficit?": not "186" students).
_ONLY_SUMS = (_FINANCIAL_NOUNS | _MONEY_WORDS) - _SUMS_OR_COUNTS - _RATED_IN_MILLS
# Nouns that name a sum in one sense and something else in another (a bill before a council, a deposit of ore, a
# premium brand): a sum only when "how much" asks about them ("How much will the water bill go up?"), never
# because the question mentions them ("How much rain fell after the bill was signed?"). "Toll" is left out:
# news counts the dead by it ("How high is the death toll?"), and an amount question takes a sum too.
_SUM_NOUNS = frozenset({"bill", "deposit", "premium", "damage"})  # "How much damage?": a sum; "damaged roofs": no
# Adjectives of a physical dimension: "how cold / deep / fast ..." asks for a measure with its unit.
_MEASURE_ADJECTIVES = frozenset({"cold", "hot", "warm", "cool", "deep", "shallow", "tall", "high", "low", "far",
                                 "heavy", "fast", "wide", "thick", "strong", "steep"})  # fmt: skip
# Nouns for a sum of money paid for something: "What is the fare?", "What salary will she get?" asks for a sum.
# ("bonus" is left out: a bonus may be a day off.)
SUM_OF_MONEY_NOUNS = frozenset({"fare", "fee", "salary", "wage", "pay", "rent", "tuition", "payment", "bail", "fine",
                                "pension", "severance", "refund", "rebate", "subsidy", "stipend"})  # fmt: skip
# Verbs whose object is a sum of money.
_PRICE_VERBS = frozenset({"cost", "spend", "pay", "owe", "borrow", "charge"})
# Those of them that take the one paid or charged as a second object: "What did the firm charge the town?"
_TWO_OBJECT_PRICE_VERBS = frozenset({"cost", "pay", "owe", "charge"})
# A number with a decimal fraction counts nothing unless a scale word makes it whole ("1.2 million").
_FRACTION = re.compile(r"\d\.\d")
_SCALE_WORDS = re.compile(r"\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
# "5 per cent" is sometimes tagged MONEY: a share is no sum of money.
_PERCENT_WORDS = re.compile(r"%|\bper ?cent\b|\bpercent(?:age)?\b", re.IGNORECASE)
# An ordinal ("the sixth call") answers "how many times" or "which number", not "how many homes".
_ORDINAL_FOCUS = frozenset({"time", "number"})
# "what kind of weapons": the container names the answer's shape, the noun after "of" its subject.
_CONTAINER_NOUNS = _PERCENT_NOUNS | _COUNT_NOUNS | _AMOUNT_NOUNS | {"kind", "kinds", "type", "sort", "level", "part"}
# "What did X say/tell/call ...": the answer is what was said.
_SPEECH_VERBS = frozenset({"say", "tell", "call", "write", "announce", "claim", "describe", "argue", "warn", "add"})
# Units that make a DATE/TIME/QUANTITY entity a length of time rather than a point in time.
_DURATION_UNITS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "year", "decade", "century"}
)
# Units of measure (lemmas) a "how many" question can count in: "How many square feet ...?" asks for a number of
# feet, which "30 treatment rooms" is not. English units, not the words of any corpus.
MEASURE_UNITS = frozenset({"foot", "mile", "acre", "inch", "yard", "meter", "metre", "kilometer", "kilometre",
                           "gallon", "liter", "litre", "pound", "ton", "tonne", "ounce", "degree", "hectare",
                           "kilowatt", "megawatt", "watt", "barrel", "bushel"})  # fmt: skip


# The abbreviations news writing gives units in ("60 mph", "2,400 sq. ft.", "1,200 lbs.", "98°F"); those that are
# also common words ("in.", "m") are left out.
_UNIT_ABBREVIATIONS = {"foot": ("ft",), "mile": ("mph",), "pound": ("lb", "lbs"), "kilometer": ("km",),
                       "kilometre": ("km",), "degree": ("°", "°f", "°c"), "kilowatt": ("kw", "kwh"),
                       "megawatt": ("mw", "mwh"), "gallon": ("gal",), "ounce": ("oz",), "yard": ("yd", "yds")}  # fmt: skip


def unit_forms(unit: str) -> re.Pattern[str]:
    """The written forms of a unit of measure: its singular and plural ("foot", "feet") and its abbreviations
    ("ft"), not inside a longer word."""
    plural = {"foot": "feet", "inch": "inches"}.get(unit, unit + "s")
    forms = "|".join(re.escape(form) for form in (unit, plural, *_UNIT_ABBREVIATIONS.get(unit, ())))
    return re.compile(rf"(?<![^\W\d_])(?:{forms})(?![^\W\d_])", re.IGNORECASE)


# Words that turn a length of time into a point in time: "60 days ago", "earlier this week", "next month"
# (but "the next 50 days" is a length: a number between makes it one).
_POINTING_WORDS = frozenset({"ago", "earlier", "later", "since"})
# A length of time has a number, or a word standing for one: "a day", "several weeks", "three years".
_QUANTIFIERS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "several", "few",
                          "many", "half", "couple", "dozen", "dozens", "hundreds"})  # fmt: skip
_DEICTIC = frozenset({"this", "next", "last", "previous", "coming"})
_MONTH_NAMES = dict(MONTH_NUMBERS)  # "july", "jul", "sept" -> month number
_WEEKDAYS = frozenset(name.casefold() for name in WEEKDAY_NAMES)
# Entity labels whose mention is a constraint on the answer: who and what the question is about.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# The model tags unfamiliar place names as NORP ("the Wrexley budget"); a real NORP is a people's adjective
# or plural ("Russian", "Danish", "Republicans") and is paraphrased too freely to be a constraint.
_DEMONYM = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ean|eans)$", re.IGNORECASE)
_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_YEAR_RANGE = re.compile(r"\b(1[89]\d\d|2\d\d\d)\s*[-–—/]\s*(\d{4}|\d{2})\b")
# Letters and digits in one token ("Quillport042", "HB-1402"), or digit groups joined by a hyphen
# that are not a year range ("2024-17" as in "Resolution 2024-17").
_IDENTIFIER = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[^\W_][\w-]*[^\W_]\b|\b\d+-\d+\b")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# What numbers one of a kind after its name: "Precinct 7", "Ward 3B", "Local 227".
_A_NUMBERING = re.compile(r"\d{1,4}(?:[A-JL-Za-jl-z])?")  # (not a race's length, "the Harwick 10K")
# A capitalised word numbered with "No." or "Number" ("Well No. 2", "Lot Number 14").
_NUMBERED_BY_NO = re.compile(r"\b([A-Z][a-z]+)\s+(?:No\.?|Number)\s*(\d{1,4}[A-Za-z]?)\b")
# A number joined to a noun it sizes ("a two-bedroom", "the 96-gallon cart", "a 10-ride book"): the thing asked
# about is of that size, which articles write in digits or in words, with a hyphen or without ("2 bedroom").
_SIZED = re.compile(rf"\b(\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})-([a-z]{{3,}})\b", re.IGNORECASE)
# A date in digits: "7/3/2025", "3.7.2025", "2025-07-03".
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could",
                          "will", "would", "should", "may", "might", "must", "shall"})  # fmt: skip


# "the name of the park", "the names of the roads"
_NAME_OF = re.compile(r"\bnames?\s+of\b", re.IGNORECASE)


@dataclass(frozen=True)
class Constraint:
    """Something the question names that the answering sentence or its article must mention."""

    text: str  # as written in the question
    kind: ConstraintKind
    label: str | None = None  # the NER label, for names
    keys: tuple[str, ...] = ()  # normalised forms looked for
    # Names joined by "and"/"or" ("the Tolliver County and the Corliss-Greer bonds") share a group:
    # a sentence about either one respects the question. None: a group of its own.
    alternatives: str | None = None
    # A name the question gives with nouns for what it names ("the Wexley city council", "the Eastbrook school
    # board"): one of them must stand within a few words of the name ("Wexley's council", "Eastbrook Public
    # Schools"), not only the town
    near: tuple[str, ...] = ()
    # The names joined to this one by "and"/"or" before such nouns ("the joint Tarnby and Orlow police"): one of
    # them must stand within a few words of it, in the same sentence ("Tarnby police and Orlow police"), not
    # anywhere in the article ("Tarnby police have 21 officers. Orlow police have 17")
    joined: tuple[str, ...] = ()
    # A local body's capitalised name ("the Harwick City Council") as its place and the noun for the body ("harwick",
    # "council"): an article whose dateline gives the place ("HARWICK - The City Council voted ...") is about that
    # place's council wherever it writes "the council".
    place_and_body: tuple[str, str] | None = None

    def holds_in(self, text: str, words: Collection[str]) -> bool:
        """Whether `text` (normalised, see rag.text.normalise) with word tokens `words` mentions it."""
        if self.kind == "name" and self.place_and_body is not None:
            place, body = self.place_and_body
            if _in_the_dateline(place, text) and any(word in _BODY_WORD_FORMS.get(body, ()) for word in words):
                return True
        if self.kind == "name":
            return (
                all(_name_in(key, text, words) for key in self.keys)
                and (not self.near or any(_stands_near(self.keys[0], noun, text) for noun in self.near))
                and (not self.joined or any(_stand_together(self.keys[0], other, text) for other in self.joined))
            )
        if self.kind == "year_range":
            first, second = self.keys
            return any(
                match.group(1) == first and _full_year(first, match.group(2)) == second
                for match in _YEAR_RANGE.finditer(text)
            )
        if self.kind == "date":
            month, day = int(self.keys[0]), self.keys[1]
            return any(
                _MONTH_NAMES.get(m.group("month")) == month and m.group("day") == day for m in _date_mentions(text)
            )
        if self.kind == "numbered":
            return numbered_in(self.keys[0], self.keys[1], text)
        if self.kind == "identifier":
            return re.search(rf"(?<![\w-]){re.escape(self.keys[0])}(?![\w-])", text) is not None
        if self.kind == "size":
            number, noun = self.keys
            spelled = [word for word, value in NUMBER_WORDS.items() if str(value) == number]
            numbers = "|".join([re.escape(number), *spelled])
            plural = re.escape(noun[:-1]) + "ies" if noun.endswith("y") else re.escape(noun) + "(?:s|es)"
            return re.search(rf"(?<![\w.-])(?:{numbers})[\s-](?:{re.escape(noun)}|{plural})\b", text) is not None
        if self.kind == "number":  # "7 percent" is also written "7%", one word to rag.text.words
            return all(key in words or f"{key}%" in words for key in self.keys)
        return all(key in words for key in self.keys)


@dataclass(frozen=True)
class QuestionAnalysis:
    question: str
    answer_type: AnswerType
    question_word: str | None  # who, when, how many, ... (lower case), None when there is none
    focus: str | None  # lemma of the noun the question is about
    focus_is_plural: bool
    constraints: tuple[Constraint, ...]
    entities: tuple[tuple[str, str], ...]  # (text, label) of every entity the model found
    content_lemmas: tuple[str, ...] = field(default=())  # nouns, verbs, adjectives, names of the question
    # "Which council members ...?", "What company ...?": the focus is the kind of thing a name is asked of; in
    # "What did the council members say?" it is only who the question is about (_focus_asked)
    focus_asked: bool = False
    predicate: str | None = None  # the main verb's lemma ("vote", "hit"), None for "be"/"do"/"have"
    # "Do you use cookies?", "What is your name?": a question to the assistant, which articles cannot answer
    about_the_assistant: bool = False
    predicate_forms: tuple[str, ...] = ()  # its lemma and irregular forms ("lose", "lost")
    mood: Mood | None = None  # asked about something done, or not (yet) done (question_mood)
    # "How many has it hired so far?": asks what has been done up to now, which no plan answers (asks_so_far)
    so_far: bool = False
    # "How many kids go to Birchwood these days?": asks how things stand now, in the plain present (asks_now)
    now: bool = False
    # "When does the sales tax kick in?", "When are applications due?": asks when something is set to be, in the
    # plain present, which a date of what was done does not answer (asks_when_it_is_set)
    ahead: bool = False
    subject: str | None = None  # the name the question is about, when it is its verb's subject ("China" in
    # "How did China respond?"), which an answer must be about too
    # "What rating did the storm get, and what did repairs cost?": each question of a compound one, analysed
    # apart; empty for a single question.
    parts: tuple["QuestionAnalysis", ...] = ()
    # "Which firm drew up the plans?", "In which city ...?": asks which one of a kind, so an answer names it
    asks_which: bool = False
    # "Who is Dale Orrin?": the name whose role or description is asked for (rag.identity)
    identity_of: str | None = None
    # "Who did not vote?": the question denies something, so an answer may come from a denying clause
    negative: bool = False
    # "What is the name of the firm that will close the plant?": the forms of the verbs that describe the thing
    # asked about ("close", "closed"), so a name that does it ("Orrin Dairy Co. will close ...") is its name
    focus_verb_forms: tuple[str, ...] = ()
    # "Who is the prosecutor handling the case?": the role whose holder is asked for ("prosecutor"), which the
    # sentence must give the person it names; for "Who heads the trust?" the titles of whoever heads something,
    # space-separated ("head president director ..."); None for other questions (asked_role, _LEADING_ROLES)
    role: str | None = None
    # "Who hired Colquite?" asks for the one who does it ("subject"), "Whom did the council hire?" for the one
    # it is done to ("object"); None when the question word is neither (a time, a place, "Who is X?")
    asked_slot: Slot | None = None
    # "Who did Pellinwood pick?": the one the question says does it ("Pellinwood"), which cannot be the one it
    # is done to (or for: "To whom did Ostley give the permit?"); None unless the question asks for the object or
    # its question word follows a preposition
    asked_of: str | None = None
    # "Did the county get the grant?": the forms of the verbs a yes/no question asks whether they happened ("get",
    # "got"; "qualify" in "Did it end up qualifying?"), which a sentence must tell of to answer it (empty for other
    # questions, and for one on "be" alone: "Was the water safe?")
    asked_verb_forms: tuple[str, ...] = ()
    # "How old is Dale Orrin?", "How old is the man who ...?": the age asked is a person's, so any person's age
    # given in an article may answer it ("Osgood Tremlett, 41,"), unlike "How old is the mill?"
    ages_a_person: bool = False
    # "How long is the detour?", "How long a stretch of levee ...?": "long" of a thing, not of a doing, may ask for a
    # length ("a detour of 19 miles") as well as a time ("25 minutes"): the lemmas of that thing ("detour";
    # "stretch", "levee"); empty when a time only is asked ("How long was the road shut?")
    length_of: tuple[str, ...] = ()

    @property
    def typed(self) -> bool:
        """Whether a right answer is a value of a known kind (a name, a date, a number), not a sentence."""
        return self.answer_type in TYPED_ANSWERS

    @property
    def asks_a_given_name(self) -> bool:
        """"What name did the council give the park?", "What name will the district go by?": the name given to the
        focus (`_named_thing`), which may not be one it had ("What is the name of the park?")."""
        return self.answer_type == "name" and self.focus not in (None, "name") and not _NAME_OF.search(self.question)

    @property
    def answer_labels(self) -> tuple[str, ...]:
        return ANSWER_LABELS.get(self.answer_type, ())

    @property
    def wants_several(self) -> bool:
        """A typed question about a plural noun ("Which mayors ...") may have several answers."""
        return self.answer_type == "list" or (self.typed and self.focus_is_plural and self.question_word in
                                              ("which", "what", "who"))


def analyse(question: str, publisher_names: Collection[str] = ()) -> QuestionAnalysis:
    """Parse `question`; names that only refer to a publisher ("per AP") are not constraints."""
    return _analyse(question, frozenset(publisher_names))


@lru_cache(maxsize=512)
def _analyse(question: str, publisher_names: frozenset[str]) -> QuestionAnalysis:
    from index.nlp import parse

    doc = parse(question)
    parts = _question_parts(doc)
    wh = _question_word(doc)
    answer_type, focus = _answer_type(doc, wh)
    role = asked_role(wh) if answer_type == "person" else None
    described = focus if focus is not None else role
    predicate = _predicate(doc)
    mood = question_mood(doc)
    slot = _asked_slot(wh)
    # "Who heads the trust?": whoever the articles call its director or president (or say heads it)
    # (only with an object: "Who is running for mayor?" asks for no one who runs something)
    leads = answer_type == "person" and role is None and slot == "subject" and _has_an_object(doc, predicate)
    leading = _LEADING_ROLES.get(predicate or "") if leads else None
    return QuestionAnalysis(
        question=question,
        answer_type=answer_type,
        question_word=_describe_question_word(wh),
        focus=focus.lemma_.casefold() if focus is not None else None,
        focus_is_plural=focus is not None and focus.tag_ in ("NNS", "NNPS"),
        focus_asked=_focus_asked(wh, focus),
        constraints=_several_times_are_alternatives(tuple(_constraints(doc, publisher_names))),
        entities=tuple((e.text, e.label_) for e in doc.ents),
        content_lemmas=tuple(
            t.lemma_.casefold() for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop
        ),
        predicate=predicate,
        predicate_forms=_verb_forms(predicate) + _phrasal_forms(doc, predicate),
        about_the_assistant=_about_the_assistant(doc),
        mood=mood,
        so_far=asks_so_far(doc, predicate, mood),
        now=asks_now(doc, mood),
        ahead=answer_type == "date" and asks_when_it_is_set(doc, mood),
        subject=_subject_name(doc),
        parts=tuple(_analyse(part, publisher_names) for part in parts) if len(parts) > 1 else (),
        asks_which=_asks_which(wh),
        identity_of=_identity_name(doc, wh),
        negative=any(t.dep_ == "neg" for t in doc),
        focus_verb_forms=tuple(
            form for verb in _describing_verbs(described) + _agent_verbs(role) + ([predicate] if leading else [])
            for form in _verb_forms(verb)
        ),
        role=_the_role(role, leading),
        asked_slot=slot,
        asked_of=_doer(wh) if slot == "object" or _after_a_preposition(wh) else None,
        asked_verb_forms=_asked_verb_forms(doc) if answer_type == "yes_no" else (),
        ages_a_person=answer_type == "age" and _ages_a_person(doc, wh),
        length_of=_long_thing(wh) if answer_type == "duration" else (),
    )


def _phrasal_forms(doc: "Doc", predicate: str | None) -> tuple[str, ...]:
    """The forms of the one verb the question's phrasal verb means ("Who is taking over from her?": "succeed"), which
    a sentence may tell the act by as well as by the verb's own ("take", "took")."""
    meant = next((meaning for t in doc if t.pos_ == "VERB" and t.lemma_.casefold() == predicate
                  and (meaning := phrasal_meaning(t)) is not None), None)  # fmt: skip
    return _verb_forms(meant) if meant else ()


def _focus_asked(wh: "Token | None", focus: "Token | None") -> bool:
    """Whether the focus names the kind of thing a "what" or "which" question asks a name of: the wh-word's noun
    ("Which council members", "What kind of business", "Which of the council members"); not the subject of
    another verb ("What will the new owners do?"), nor what "be" says something is ("What is the plan for the
    school?" asks what the plan is, not who drew it up)."""
    if wh is None or focus is None or wh.dep_ == "attr":
        return False
    doc = wh.doc
    if wh.i + 1 < len(doc) and doc[wh.i + 1].lower_ == "of":  # "Which of the council members ..."
        return focus.i > wh.i + 1 and all(t.pos_ in _SUBJECT_PHRASE_TAGS for t in doc[wh.i + 2 : focus.i])
    if _in_the_phrase(wh, focus):
        return True  # "In which town ...", which the parser may leave unjoined
    return wh.head.pos_ in ("NOUN", "PROPN") and wh.head.i != wh.i and focus in list(wh.head.subtree)


def _asked_verb_forms(doc: "Doc") -> tuple[str, ...]:
    """The forms of the verbs a yes/no question asks about: its content verbs and "get" when it means "receive"
    ("Did the county get the grant?"), not a relative clause's ("the grant it applied for": no question), a
    participle's before a noun ("the missed pickups"), a clause's on the verb ("after students lobbied") or a
    linking verb's ("Was it ...", "Did ...", "Has ..."); written forms too, where the lemmatiser errs ("fined":
    "fin")."""
    verbs = [t for t in doc if t.pos_ == "VERB" and t.dep_ not in ("relcl", "amod", "advcl") and not _surely_no_verb(t)
             and (t.lemma_.casefold() not in _LINKING_VERBS
                  or (t.lemma_.casefold() == "get" and t.dep_ != "auxpass"))]  # fmt: skip
    # "Has anyone been arrested for selling the drugs?" asks about the arrest; "vote against raising the fares",
    # with "vote" taken for a noun, about the raise
    main = [t for t in verbs if t.dep_ != "pcomp"]
    verbs = main or verbs
    # "Did the plant close?", "Did the council vote on it?": the tagger's adjective or noun with "did" on it is the
    # verb asked about
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if not verbs and root is not None and root.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "aux" for c in root.children):
        verbs = [root]
    # "Did police make any arrests?": a light verb asks about its object ("arrest")
    objects = [c for t in verbs if t.lemma_.casefold() in _LIGHT_VERBS for c in t.children if c.dep_ == "dobj"]
    # "Did the union sign off on the contract?" asks whether it approved it
    meant = [meaning for t in verbs if (meaning := phrasal_meaning(t)) is not None]
    return tuple(sorted({form for t in verbs + objects for form in (*_verb_forms(t.lemma_.casefold()), t.lower_)}
                        | {form for meaning in meant for form in _verb_forms(meaning)}))  # fmt: skip


# Phrasal verbs and the one verb each means in news about decisions, courts, offices and buildings ("signed off on
# the contract": approved it; "threw out the lawsuit": dismissed it). A closed class of English phrasal verbs.
PHRASAL_MEANINGS = {("sign", "off"): "approve", ("turn", "down"): "reject", ("vote", "down"): "reject",
                     ("throw", "out"): "dismiss", ("toss", "out"): "dismiss", ("step", "down"): "resign",
                     ("wrap", "up"): "finish", ("shut", "down"): "close", ("tear", "down"): "demolish",
                     ("knock", "down"): "demolish", ("call", "off"): "cancel", ("push", "back"): "postpone",
                     ("put", "off"): "postpone", ("hold", "off"): "postpone", ("go", "up"): "rise",
                     ("go", "down"): "fall", ("go", "ahead"): "proceed", ("chip", "in"): "contribute",
                     ("pitch", "in"): "contribute", ("set", "aside"): "allocate", ("shell", "out"): "pay",
                     ("pony", "up"): "pay", ("fork", "over"): "pay", ("take", "over"): "succeed",
                     ("drop", "out"): "withdraw", ("pull", "out"): "withdraw", ("back", "out"): "withdraw"}  # fmt: skip


# Verbs of one act, as news writes it in other words ("arrested" for "caught", "appointed" for "hired", "shuttered"
# for "closed"); not its opposite ("rejected" is another outcome than "approved"). A closed class of English verbs.
_SAME_ACTS = tuple(frozenset(group) for group in (
    ("arrest", "catch", "apprehend", "nab", "capture"),
    ("hire", "appoint", "name", "pick", "choose", "select", "tap"),
    ("approve", "pass", "adopt", "ratify", "okay", "authorize"),
    ("reject", "defeat", "veto"),
    ("close", "shut", "shutter"),
    ("complete", "finish", "finalize"),
    ("win", "land", "secure"),
    ("demolish", "raze"),
    ("buy", "purchase", "acquire"),
    ("injure", "hurt", "wound"),
    ("fine", "penalize"),
    ("begin", "start", "commence"),
    ("resign", "quit"),
    ("succeed", "replace"),  # a post: "Who will replace Tolliver?": "appointed his deputy to succeed him"
    ("postpone", "delay"),
    ("cancel", "scrap", "scrub"),
    ("play", "face", "meet"),  # a game: "Harlow Falls will face Ashford Hollow on Nov. 25", "last met them in 2019"
    ("start", "found", "establish", "launch"),  # a business: "What year did the store get started?": "founded"
))  # fmt: skip


def same_act(asked: str, verb: "Token") -> bool:
    """Whether `verb` (as written, or by the phrasal verb it is part of) tells of the act the question's verb
    `asked` names, in other words: "arrested" for "caught", "shut down" for "closed"."""
    lemma = phrasal_meaning(verb) or verb.lemma_.casefold()
    if lemma == "meet" and not any(c.dep_ == "dobj" for c in verb.children):
        return lemma == asked  # a board that meets plays no one
    return lemma == asked or any(asked in group and lemma in group for group in _SAME_ACTS)


def phrasal_meaning(verb: "Token") -> str | None:
    """The one verb a phrasal verb means ("sign off" -> "approve", "stepped down" -> "resign"); None for others."""
    # the parser may tag the particle right after the verb as an adverb ("stepped down Friday")
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1)]
    lemma = verb.lemma_.casefold()
    return next((PHRASAL_MEANINGS[(lemma, p)] for p in particles if (lemma, p) in PHRASAL_MEANINGS), None)


def _asked_slot(wh: "Token | None") -> Slot | None:
    """`slot_of` for the question word, read from the word order, which the parser often gets wrong in a
    question ("Whom did the port commission pick?" parsed with "Whom" as the subject): the question word, or
    its "which N" phrase, followed by "did", "will", "has" ..., a noun and then a verb asks for the object ("Whom
    did the council hire?", "Which firm has the city chosen?"); followed by a verb, for the subject ("Who hired
    her?", "Which firm will build it?"), unless the verb is passive ("Who was hired?", "Who will be named?",
    "Who got fired?"). "Who has the contract?" and "Which firm did the bridge work?", where "have" or "do" may be
    the verb itself, ask for neither: only "whom" is surely the object there."""
    if wh is None or wh.lower_ not in ("who", "whom", "which", "what"):
        return None
    doc = wh.doc
    preposition = _preposition_before(wh)
    if preposition is not None:
        return "subject" if preposition == "by" else None  # "By whom ...?"; "To whom ...?" neither
    following = _after_the_question_phrase(wh)
    if wh.lower_ == "who" and following and following[0].lower_ in ("'s", "’s"):
        # "Who's fixing the bridge?": "'s" is "is" (or "has")
        helpers = [following[0], *takewhile(_helper_verb, following[1:])]
    else:
        helpers = list(takewhile(_helper_verb, following))
    if not following or not helpers:
        return "subject" if following and following[0].pos_ == "VERB" else None
    after = following[len(helpers)] if len(helpers) < len(following) else None
    if after is not None and after.pos_ in ("VERB", "AUX") and after.tag_ != "TO":
        passive = after.tag_ == "VBN" and any(t.lemma_ in ("be", "get") for t in helpers)
        return "object" if passive else "subject"  # "was hired", "will be named", "got fired"; "will build"
    if after is None or helpers[0].lemma_ == "be":
        return None  # "Who is the mayor?"
    # "did the council hire": a noun phrase, then the verb, which the tagger may take for a noun at the end
    verb = next((t for t in following[len(helpers) :] if t.pos_ == "VERB" and t.tag_ != "VBG"), None)
    if verb is not None and doc[verb.i - 1].lower_ != "to":
        return "object"
    return "object" if wh.lower_ == "whom" else None


def _after_the_question_phrase(wh: "Token") -> list["Token"]:
    """The words after the question word, or after its "which N" phrase, without punctuation."""
    last = wh.head.i if wh.dep_ == "det" and wh.head.i > wh.i else wh.i
    return [t for t in wh.doc[last + 1 :] if not t.is_punct]


def _helper_verb(token: "Token") -> bool:
    """An auxiliary of a question ("did", "will", "has", "been", "being"), or "got" of a passive."""
    return token.lower_ in _AUXILIARIES or token.lower_ in ("been", "being", "be") or token.lemma_ == "get"


def _preposition_before(wh: "Token") -> str | None:
    """The preposition right before the question word ("to" of "To whom ...?"), lower case; None without one."""
    return wh.doc[wh.i - 1].lower_ if wh.i > 0 and wh.doc[wh.i - 1].pos_ == "ADP" else None


def _after_a_preposition(wh: "Token | None") -> bool:
    """"To whom did Ostley give the permit?", "From whom ...": the question word follows a preposition other than
    "by", so it asks for neither the doer nor the one done to, and the doer ("Ostley") is no answer either."""
    return wh is not None and _preposition_before(wh) not in (None, "by")


def _doer(wh: "Token | None") -> str | None:
    """The words between the auxiliary and the verb of a question about the one something is done to: "the
    port commission" in "Whom did the port commission pick?"; None when there are none."""
    if wh is None:
        return None
    following = _after_the_question_phrase(wh)
    if len(following) < 3 or following[0].lower_ not in _AUXILIARIES:
        return None
    phrase = list(takewhile(lambda t: t.pos_ not in ("VERB", "AUX"), following[1:]))
    if len(phrase) == len(following) - 1:
        phrase = phrase[:-1]  # "Whom did the council hire?" with "hire" tagged a noun: the last word is the verb
    return " ".join(t.text for t in phrase) or None


def noun_named(token: "Token") -> "Token":
    """The noun a name stands for in its clause: "Capt." of "hire Capt. Renata Halvorsen", "employee" of "to
    longtime employee Marcus Reyes", "Lisle" of "Lisle and Orme"."""
    while token.dep_ in ("compound", "appos", "conj", "flat") and token.head.i != token.i:
        token = token.head
    return token


def slot_of(token: "Token | None") -> Slot | None:
    """Whether `token` (a question word or an answer, after the words of its name) is the one who does what its
    clause says ("subject": "Who hired her?", "She was hired by the council") or the one it is done to
    ("object": "Whom did they hire?", "They hired Dana Lisle", "Lisle was hired"); None for anything else."""
    if token is None:
        return None
    token = noun_named(token)
    if token.dep_ == "nsubj":
        return "subject"
    if token.dep_ in ("dobj", "nsubjpass"):
        return "object"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return "subject"
    return None


# Verbs of leading or owning something, and the titles news gives whoever does it: "Who heads the trust?" is
# answered by "Ada Renn, executive director of the trust". English titles, not the words of a corpus.
_LEADING_ROLES = {
    "head": ("head", "president", "director", "chief", "chair", "chairman", "chairwoman", "leader", "executive",
             "superintendent", "commissioner", "ceo"),
    "lead": ("leader", "head", "president", "director", "chief", "chair", "chairman", "chairwoman", "executive",
             "superintendent", "commissioner", "ceo"),
    "run": ("owner", "president", "director", "manager", "chief", "executive", "head", "operator", "superintendent",
            "ceo"),
    "own": ("owner", "landlord"),
    "manage": ("manager", "director"),
    "chair": ("chair", "chairman", "chairwoman", "chairperson"),
    "direct": ("director",),
    "found": ("founder",),
}


def _the_role(role: "Token | None", leading: tuple[str, ...] | None) -> str | None:
    """The role a "Who ...?" question asks the holder of: its noun ("prosecutor"), the titles of a head for "Who is
    the head of the hospital?" (news writes "CEO Ada Renn", not "head Ada Renn"; not for "leader", which may be of
    a rally), or the titles of one who does the question's verb of leading (`_LEADING_ROLES`)."""
    if role is None:
        return " ".join(leading) if leading else None
    lemma = role.lemma_.casefold()
    return " ".join(_LEADING_ROLES["head"]) if lemma == "head" else lemma


def _has_an_object(doc: "Doc", predicate: str | None) -> bool:
    """Whether the question's verb takes a direct object ("Who runs the marina?"; not "Who is running for mayor?")."""
    return any(t.lemma_.casefold() == predicate and any(c.dep_ == "dobj" for c in t.children) for t in doc)


# Nouns for anyone at all: "Who was the second man police sought?" asks for a person, not for a role.
ANYONE_NOUNS = frozenset({"man", "woman", "person", "people", "one", "boy", "girl", "child", "individual", "guy",
                          "lady", "kid", "teen", "teenager"})


def role_forms(role: str) -> tuple[str, ...]:
    """The words for a role: the role, and for one in "-man", "-woman" or "-person" the others and the bare
    word ("spokesperson": "spokesman", "spokeswoman"; "chairman": "chairwoman", "chairperson", "chair"); for
    "chair" the three that end so."""
    if role == "chair":  # "Who is chair of the board?": "Board Chairwoman Ruth Adler"
        return (role, "chairman", "chairwoman", "chairperson")
    if role in ("lawyer", "attorney"):  # "Who is the neighbors' lawyer?": "Ada Quill, the attorney for the neighbors"
        return ("lawyer", "attorney")
    if role in ("ceo", "executive"):  # "Who is the co-op's CEO?": "Chief executive Ambrose Velleck said ..."
        return (role, "chief executive") if role == "ceo" else (role, "ceo")
    for suffix in ("woman", "person", "man"):
        base = role[: -len(suffix)]
        if role.endswith(suffix) and len(base) >= 3:
            return (role, base + "man", base + "woman", base + "person", base)
    return (role,)


# Nouns that take "of" without an article and name no post: "Who is part of the group?".
# Nor those of leading or owning that news writing seldom puts before a name, saying "Police Chief Omar Reyes" for
# "head of the police department", "owned by Harrow Textiles" for "owner of the mill".
_NO_POST_NOUNS = frozenset({"part", "rest", "majority", "minority", "kind", "sort", "type", "proof", "evidence",
                            "head", "leader", "owner"})  # fmt: skip


def asked_role(wh: "Token | None") -> "Token | None":
    """For "Who is / was the N ...?": N, the role whose holder is asked for ("Who is the prosecutor handling
    the case?"); None when N is a name ("Who is Dana Brisk?" asks about her), a noun for anyone ("Who was the
    second man ...?") or absent ("Who won?")."""
    if wh is None or wh.lower_ not in ("who", "whom"):
        return None
    across = _across_be(wh)
    if across and any(_a_doing_misread(token) for token in wh.head.children):
        return None  # "Who's mapping Ashgrove's stormwater pipes?": who does it, not who the pipes are
    for child in across:
        # a title written with a capital is a role too ("the Orlow City Council President"), unless it is a name
        if child.pos_ != "NOUN" and not (child.pos_ == "PROPN" and not child.ent_type_):
            continue
        if _done_to_by_whom(child):
            continue  # "Who is the field named after?": the one after whom it is named, not who the field is
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in child.children)
        # a unique post takes no article: "Who is president of the water board?", "Who is chair of it?"
        bare_post = (
            not any(c.dep_ in ("det", "poss") for c in child.children)
            and any(c.dep_ == "prep" and c.lower_ in ("of", "for", "at") for c in child.children)
            and child.lemma_.casefold() not in _NO_POST_NOUNS
        )
        if (definite or bare_post) and child.lemma_.casefold() not in ANYONE_NOUNS:
            return child
    return None


def _a_doing_misread(token: "Token") -> bool:
    """Whether the "-ing" verb of a progressive question stands right after "is", which the model took for a noun
    or an adjective, with the noun after it as what someone is ("Who's mapping Ashgrove's pipes?": "pipes"); a
    noun with a determiner ("the acting chief") is one."""
    return (token.tag_ in ("NN", "VBG") and token.dep_ in ("attr", "acomp") and token.lower_.endswith("ing")
            and token.i == token.head.i + 1
            and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in token.children))  # fmt: skip


def _done_to_by_whom(noun: "Token") -> bool:
    """Whether the noun after "is" has a participle whose preposition has lost its object to the question word
    ("Who is the new field named after?", "Who was the contract awarded to?", "Who is the school run by?")."""
    return any(
        clause.dep_ == "acl" and clause.tag_ == "VBN"
        and any(t.dep_ in ("prep", "agent", "dative", "oprd") and t.pos_ == "ADP"
                and not any(c.dep_ in ("pobj", "pcomp") for c in t.children) for t in clause.children)
        for clause in noun.children
    )  # fmt: skip


# Nouns for whoever does something that are not made from its verb: "Vantage Ridge owns the complex" answers "Who
# is the landlord?".
_ROLES_OF_OTHER_VERBS = {"landlord": ("own",), "proprietor": ("own",), "boss": ("run",)}


def _agent_verbs(role: "Token | None") -> list[str]:
    """The verb an agent noun is made from, in the forms English spells it: "owner" -> "own", "driver" ->
    "drive", "winner" -> "win". Whoever does it holds the role: "Dana Brisk owns the bakery" answers "Who is
    the owner of the bakery?". A wrong form ("owne") matches no word, so no lexicon is needed."""
    if role is None:
        return []
    word = role.lemma_.casefold()
    if word in _ROLES_OF_OTHER_VERBS:
        return list(_ROLES_OF_OTHER_VERBS[word])
    if len(word) < 5 or not word.endswith(("er", "or")) or word.endswith("eer"):
        return []  # "engineer", "volunteer": no verb inside
    stem = word[:-2]
    forms = [stem, stem + "e"] + ([stem[:-1]] if stem[-1] == stem[-2] else [])
    # not "may" of "mayor", nor a form that stems like the role itself
    ruled_out = set(stems(" ".join(_AUXILIARIES | IRREALIS_AUXILIARIES))) | set(stems(word))
    return [form for form in forms if len(form) >= 3 and not set(stems(form)) & ruled_out]


def _describing_verbs(focus: "Token | None") -> list[str]:
    """The lemmas of the verbs of a clause on the noun asked about: "close" in "the firm that will close the
    plant" and in "the firm closing the plant"."""
    if focus is None:
        return []
    return [c.lemma_.casefold() for c in focus.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]


# A part of a compound question is a question of its own only with this many words.
_MIN_PART_WORDS = 3


def _question_parts(doc: "Doc") -> list[str]:
    """The questions of a compound one, split where "and" starts a new question ("..., and who said so?",
    "... and when did it open?"); [] for a single question."""
    parts: list[str] = []
    start = 0
    counted: dict[str, str] = {}  # the noun an earlier part counts, by "many" or "much" ("How many jobs ...")
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.lower_ != "and" or following.tag_ not in ("WDT", "WP", "WP$", "WRB"):
            continue
        before = doc[start : token.i]
        if sum(t.is_alpha for t in before) < _MIN_PART_WORDS or sum(t.is_alpha for t in doc[token.i + 1 :]) < 2:
            continue
        parts.append(_with_counted_noun(_as_question(before.text), counted))
        counted.update(_noun_counted_by_how(before))
        start = token.i + 1
    if not parts:
        return []
    parts.append(_with_counted_noun(_as_question(doc[start:].text), counted))
    return parts


# "how many" with no noun before its verb: "..., and how many does the plant expect to hire?"
_ELIDED_COUNT = re.compile(
    r"^(how (many|much))\s+(?=(?:do|does|did|will|would|is|are|was|were|has|have|had|can|could|should|might)\b)",
    re.IGNORECASE,
)


def _noun_counted_by_how(span: "Span") -> tuple[tuple[str, str], ...]:
    """The noun a "how many" or "how much" of `span` counts, by that word (("many", "jobs") in "How many jobs
    did Orlow lose"), if any."""
    for token in span:
        if (token.lower_ in ("many", "much") and token.i > 0 and token.doc[token.i - 1].lower_ == "how"
                and token.head.pos_ == "NOUN" and token.head.i > token.i):  # fmt: skip
            return ((token.lower_, token.head.text),)
    return ()


def _with_counted_noun(part: str, counted: dict[str, str]) -> str:
    """A part that counts without saying what takes the noun an earlier part counts: "How many jobs did Orlow
    lose, and how many does the new plant expect to create?" asks how many *jobs* the plant will create. Only
    a noun counted by the same word: "how much" does not measure the jobs "how many" counted ("How many jobs
    did Orlow lose, and how much will the new plant cost?"), nor "how many" count the rain "how much" measured."""

    def with_noun(match: re.Match[str]) -> str:
        noun = counted.get(match.group(2).casefold())
        return f"{match.group(1)} {noun} " if noun else match.group(0)

    return _ELIDED_COUNT.sub(with_noun, part, count=1)


def _as_question(text: str) -> str:
    text = text.strip().rstrip(",;:?").strip()
    return f"{text[:1].upper()}{text[1:]}?"


# --- answer type -------------------------------------------------------------


def _question_word(doc: "Doc") -> "Token | None":
    """The interrogative word: the first wh-word that is not a relative pronoun ("the call that ...") nor the
    one of a clause set before the question ("When Reid took over, how many jobs were open?": "how")."""
    found: list["Token"] = []
    for token in doc:
        if token.tag_ in ("WDT", "WP", "WP$", "WRB") and token.dep_ != "relcl" and token.lower_ != "that":
            if token.head.dep_ == "relcl" and token.i > token.head.head.i:
                continue  # "the vote which followed": a relative clause
            found.append(token)
    asking = [t for t in found if not (t.dep_ == "advmod" and t.head.dep_ == "advcl" and t.i < t.head.head.i)]
    return (asking or found or [None])[0]


def _describe_question_word(wh: "Token | None") -> str | None:
    if wh is None:
        return None
    word = wh.lower_
    if word == "how" and wh.head.pos_ in ("ADJ", "ADV") and wh.head.i == wh.i + 1:
        return f"how {wh.head.lower_}"
    return word


def _answer_type(doc: "Doc", wh: "Token | None") -> tuple[AnswerType, "Token | None"]:
    if wh is None:
        first = next((t for t in doc if not t.is_punct), None)
        if first is not None and first.lower_ in _AUXILIARIES:
            return "yes_no", _subject_noun(doc)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is not None and root.lemma_.casefold() in ("list", "name", "enumerate"):
            return "list", _object_noun(root)
        return "description", _subject_noun(doc)
    word = wh.lower_
    if word in ("who", "whom", "whose"):
        if _asks_who_someone_is(wh):
            return "description", None
        return "person", None
    if word == "where":
        return "place", _subject_noun(doc)
    if word == "when":
        return "date", _subject_noun(doc)
    if word == "why":
        return "reason", _subject_noun(doc)
    if word == "how":
        return _how_type(doc, wh)
    return _what_type(doc, wh)


def _how_type(doc: "Doc", wh: "Token") -> tuple[AnswerType, "Token | None"]:
    if wh.i + 1 < len(doc) and doc[wh.i + 1].lower_ == "come":
        return "reason", _subject_noun(doc)  # "How come the pool is closed?" asks why
    modified = wh.head if wh.head.i == wh.i + 1 and wh.head.pos_ in ("ADJ", "ADV") else None
    if modified is None:
        return "description", _subject_noun(doc)  # "How did the mayor say ...": a manner
    degree = modified.lower_
    noun = modified.head if modified.head.pos_ in ("NOUN", "PROPN") else _subject_noun(doc)
    if degree == "many":
        return "count", noun
    if degree == "long":
        return "duration", noun
    if degree == "much":
        if noun is not None and noun.lemma_.casefold() == "time" and modified.head.i == noun.i:
            return "duration", noun  # "How much time will she spend behind bars?": a length of time, not a sum
        money = (noun is None or noun.lemma_.casefold() in _MONEY_WORDS | _SUM_NOUNS or _mentions_money(doc)
                 or _charges_someone(modified) or _much_on_a_verb_of_money(modified))
        return ("money" if money else "quantity"), noun
    if degree in ("often", "frequently"):
        return "count", noun
    if degree == "old" and modified.head.pos_ not in ("NOUN", "PROPN"):
        return "age", None  # "How old is Dale Orrin?"
    if degree in _MEASURE_ADJECTIVES:
        lemma = noun.lemma_.casefold() if noun is not None else ""
        if lemma in _MONEY_WORDS | _SUM_NOUNS or _mentions_money(doc):
            return "money", noun  # "How high is the bail?"
        if lemma in _PERCENT_NOUNS or lemma in _AMOUNT_NOUNS or lemma in _COUNT_NOUNS:
            return "quantity", noun  # "How high are the rates?": a share or a sum, not a length
        return "measure", noun
    if noun is not None and noun.lemma_.casefold() in SUM_OF_MONEY_NOUNS:
        return "money", noun  # "How big a fine did the dairy get?" (not "How big is the budget?", of any unit)
    return "quantity", noun  # how big / large / severe ...


def _long_thing(wh: "Token | None") -> tuple[str, ...]:
    """The lemmas of the thing in "How long is the trail?", "How long will the runway be?" (a "be" with nothing
    done) or "How long a stretch of levee ...?" (a noun right after "long a", with the noun it is of): a length
    may be asked of it; none for "How long was it closed?" or "How long has he been provost?"."""
    if wh is None or wh.lower_ != "how" or wh.i + 1 >= len(wh.doc) or wh.doc[wh.i + 1].lower_ != "long":
        return ()
    doc = wh.doc
    long = doc[wh.i + 1]
    after = doc[long.i + 1 : long.i + 3]
    if len(after) == 2 and after[0].lower_ in ("a", "an") and after[1].pos_ == "NOUN":
        thing = after[1]
    else:
        be = long.head
        # a verb of its own asks how long a doing lasts ("How long is the work expected to last?"); not one in a
        # relative clause or before a noun ("the path of the storm that hit", "the covered bridge")
        doing = any(t.pos_ == "VERB" and t.dep_ not in ("relcl", "amod") for t in doc)
        if be.lemma_ != "be" or be.dep_ != "ROOT" or doing:
            return ()
        if any(c.i != long.i and c.dep_ not in ("nsubj", "aux", "punct") for c in be.children):
            return ()  # "How long will the detour be in place?", "... is the bridge out of service?": a state lasts
        thing = next((c for c in be.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if thing is None:
            return ()
    of = [g for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return tuple(t.lemma_.casefold() for t in [thing, *of])


def _ages_a_person(doc: "Doc", wh: "Token | None") -> bool:
    """"How old is Dale Orrin?" names a person; "How old is the guy who ...?" asks of someone by a noun for anyone,
    and "How old is Orlow's new police chief?" by the title of an office."""
    if any(e.label_ == "PERSON" for e in doc.ents):
        return True
    verb = wh.head.head if wh is not None else None
    aged = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    # and the first noun after the verb, which the model may misparse before a lowercase name ("the guy corrin
    # valley hired", "the lady marrow falls hired")
    aged += [next((t for t in doc[verb.i + 1 :] if t.pos_ in ("NOUN", "PROPN")), verb)] if verb is not None else []
    return any(noun.lemma_.casefold() in ANYONE_NOUNS | PEOPLES_NOUNS for noun in aged)


# Titles of office and of a job that stand before a person's name: "City Engineer Solveig Armitage", "County
# Auditor Percival Mottram", which the model may tag as an organisation. A closed class of English words.
OFFICE_TITLES = ("engineer", "auditor", "clerk", "treasurer", "assessor", "administrator", "manager", "director",
                  "commissioner", "superintendent", "chief", "chair", "chairman", "chairwoman", "president", "mayor",
                  "sheriff", "judge", "attorney", "prosecutor", "inspector", "coordinator", "spokesperson",
                  "spokesman", "spokeswoman", "officer", "secretary", "coroner", "marshal", "supervisor", "trustee",
                  "alderman", "councilman", "councilwoman", "principal", "provost", "dean", "captain", "lieutenant",
                  "sergeant", "detective", "deputy", "planner", "economist", "biologist", "geologist")  # fmt: skip
# Nouns only a person is called by: the titles, and other English nouns of a person's part in the news.
PEOPLES_NOUNS = frozenset(OFFICE_TITLES) | {"coach", "owner", "founder", "driver", "victim", "suspect", "teacher",
                                             "student", "player", "pilot", "firefighter", "resident", "worker",
                                             "employee", "winner", "defendant", "candidate", "incumbent"}  # fmt: skip


def _asks_who_someone_is(wh: "Token") -> bool:
    """"Who is Dale Orrin?": a copula whose other side is a name asks for a description, not a name."""
    return _identity_token(wh) is not None


def _identity_token(wh: "Token") -> "Token | None":
    return next((c for c in _across_be(wh) if c.ent_type_ in ("PERSON", "ORG", "NORP")), None)


def _across_be(wh: "Token") -> list["Token"]:
    """The other sides of a "be" the question word hangs on: "Dana Brisk" in "Who is Dana Brisk?", "the
    prosecutor" in "Who is the prosecutor?"; none when the verb is another."""
    if wh.head.lemma_ != "be":
        return []
    return [c for c in wh.head.children if c.dep_ in ("nsubj", "attr") and c.i != wh.i]


def _asks_which(wh: "Token | None") -> bool:
    """ "Which firm ...?": "which" determines a noun (not "which" standing alone)."""
    return wh is not None and wh.lower_ == "which" and wh.dep_ == "det" and wh.head.pos_ in ("NOUN", "PROPN")


def _identity_name(doc: "Doc", wh: "Token | None") -> str | None:
    """The name in "Who is Dale Orrin?" (None for any other question)."""
    if wh is None or wh.lower_ not in ("who", "whom"):
        return None
    token = _identity_token(wh)
    if token is None:
        return None
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    return entity.text if entity is not None else token.text


# Verbs whose subject is a cause: "What caused the fire?", "What led to the closure?" ask why, as "What was the
# cause of the outage?" does. ("What reason / motive did police give?" stays a question about that noun, which
# an article may say it withholds: "declined to discuss a motive".)
CAUSE_VERBS = frozenset({"cause", "prompt", "trigger", "spark", "lead", "drive", "force", "motivate"})


def _what_type(doc: "Doc", wh: "Token") -> tuple[AnswerType, "Token | None"]:
    if wh.dep_ in ("nsubj", "nsubjpass") and wh.head.lemma_.casefold() in CAUSE_VERBS:
        return "reason", _object_noun(wh.head) or _subject_noun(doc)
    behind = next((c for c in wh.head.children if c.dep_ == "prep" and c.lower_ == "behind"), None)
    behind_what = next((c for c in behind.children if c.dep_ == "pobj"), None) if behind is not None else None
    if wh.dep_ == "nsubj" and wh.head.lemma_ == "be" and behind_what is not None and behind_what.pos_ == "NOUN":
        # "What is behind the closing?" asks its cause; "What is behind the Dunmore Town Hall?" asks a place
        return "reason", behind_what
    if wh.dep_ in ("dobj", "ccomp") and wh.head.lemma_.casefold() in _SPEECH_VERBS:
        if not _said_by_a_source(wh.head):
            return "quote", _subject_noun(doc)
        told = next((c for c in wh.head.children if c.dep_ == "ccomp"), None)
        subject = next((c for c in told.children if c.dep_ in ("nsubj", "nsubjpass")), None) if told else None
        return "description", subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None
    noun = wh.head if wh.dep_ == "det" and wh.head.pos_ in ("NOUN", "PROPN") else None
    if noun is None and wh.dep_ in ("pobj", "nsubj", "dobj") and wh.head.pos_ in ("NOUN", "PROPN"):
        noun = wh.head  # "In which fields ..." parsed with the noun as head
    if noun is not None and not _in_the_phrase(wh, noun):
        noun = None  # "What does a year at the college cost?" parsed with "What" on "year": no "what year"
    if noun is None and wh.dep_ != "attr":
        noun = _phrase_noun(wh)  # "Security at which airport was he ...?", parsed with "which" on "at"
    if noun is None:
        # "What is the population of X?": the subject names what is asked for (also when the parser makes "what"
        # the subject of "be": "what's in-state tuition going to be?")
        subject = _subject_noun(doc)
        if _asks_a_price_of_the_question(doc, wh):
            # the tagger that took "cost" for a noun took it for the subject too: what is priced comes first
            priced = subject if subject is None or subject.lower_ not in _PRICE_VERB_FORMS else _first_noun(wh)
            return "money", priced
        if subject is not None and ((wh.dep_ == "attr" and not _has_a_verb(wh.head)) or _copula_subject(wh)):
            noun = subject
        elif _asks_a_price(wh):
            return "money", subject
        elif subject is not None and subject.lemma_.casefold() in SUM_OF_MONEY_NOUNS and _be_follows(wh, subject):
            return "money", subject  # "so what's in-state tuition going to be next fall?"
        else:
            return "description", subject
    lemma = _kind_lemma(noun)
    if lemma == "cause" and wh.dep_ == "attr":  # not the verb "cause" the parser took for a noun
        return "reason", _of_object(noun) or noun
    if lemma == "reason" and wh.dep_ == "attr":
        # "What was the reason the mill shut down?", "... the reason for the fare increase?" ask why (not "What
        # reason did the board give?", whose "what" is no attribute)
        told = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
        for_what = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"
                    for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        if told or for_what:
            subjects = [c for t in told for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            return "reason", next(iter(subjects or for_what), None)
    if lemma == "reason" and wh.i > 0 and wh.doc[wh.i - 1].lower_ == "for":  # "For what reason was it called off?"
        return "reason", _subject_noun(doc)
    content = _of_object(noun) if lemma in _CONTAINER_NOUNS else None
    plural = noun.tag_ in ("NNS", "NNPS")
    if lemma in _TIME_NOUNS:
        return "date", noun
    if lemma in ROAD_NOUNS and not plural and wh.lower_ in ("which", "what"):
        return "place", noun  # "What street is the theater on?", "Along what road ...?"
    if lemma in ORGANISATION_NOUNS and wh.lower_ in ("which", "what"):
        return "organisation", noun
    if lemma in _PERCENT_NOUNS:
        return "percent", content or noun
    if lemma in _COUNT_NOUNS:
        return "count", content or noun
    if lemma in _HEADCOUNT_NOUNS:
        return "count", noun
    if lemma in _AMOUNT_NOUNS:
        return ("money" if _mentions_money(doc) else "quantity"), content or noun
    if lemma in SUM_OF_MONEY_NOUNS:
        return "money", noun
    if lemma == "name":
        return "name", _of_object(noun) or _named_thing(noun) or noun  # "What is the name of the restaurant?"
    if lemma in ("kind", "type", "sort", "level", "part") or plural:
        return "list" if plural or (content is not None and content.tag_ == "NNS") else "description", content or noun
    return "description", noun


# Nouns for a road, which "What street ...?" asks the name of (not an intersection, which takes two; nor a town, a
# site or a venue, which the model seldom tags as a place: the sentence that names it answers better). English
# nouns.
ROAD_NOUNS = frozenset({"street", "road", "avenue", "boulevard", "highway"})


# Words that may stand between "which"/"what" and its noun: "Which two council members", "What year-end bonus",
# "what weekday and calendar date".
_NOUN_PHRASE_TAGS = frozenset({"ADJ", "ADV", "NUM", "NOUN", "PROPN", "PUNCT", "CCONJ"})
# The words of a subject's noun phrase after "what is" or "which of": "the", "of", "'s" too
_SUBJECT_PHRASE_TAGS = _NOUN_PHRASE_TAGS | {"DET", "ADP", "PART"}


def _phrase_noun(wh: "Token") -> "Token | None":
    """The noun that ends the phrase the question word opens ("which county airport": "airport"), if any."""
    found = None
    for token in wh.doc[wh.i + 1 :]:
        if token.pos_ not in _NOUN_PHRASE_TAGS:
            break
        if token.pos_ in ("NOUN", "PROPN"):
            found = token
    return found


def _in_the_phrase(wh: "Token", noun: "Token") -> bool:
    """Whether `noun` follows the question word in its own phrase, with nothing but modifiers between."""
    return noun.i > wh.i and all(t.pos_ in _NOUN_PHRASE_TAGS for t in wh.doc[wh.i + 1 : noun.i])


def _kind_lemma(noun: "Token") -> str:
    """The lemma that says what kind of value a noun asks for: its own, or that of a compound modifier naming
    an amount, count or share when it names none ("price tag", "vote count", "tax rate"). Time words are not
    taken from modifiers: a "year-end bonus" or a "day care center" is no date."""
    lemma = noun.lemma_.casefold()
    if lemma in _TIME_NOUNS or lemma in _CONTAINER_NOUNS:
        return lemma
    for child in noun.children:
        modifier = child.lemma_.casefold()
        if child.dep_ == "compound" and modifier in _PERCENT_NOUNS | _COUNT_NOUNS | _AMOUNT_NOUNS:
            return modifier
    return lemma


# Nouns for the articles themselves: "What do the reports say ...?" asks what they tell, not for anyone's words.
_SOURCE_NOUNS = frozenset({"article", "report", "story", "outlet", "source", "paper", "newspaper", "coverage",
                           "publisher", "piece", "text", "news"})  # fmt: skip


def _said_by_a_source(verb: "Token") -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.casefold() in _SOURCE_NOUNS for c in verb.children)


def _asks_a_price(wh: "Token") -> bool:
    """"What did the repairs cost?", "What will the town pay?": the verb of money has "what" as its object
    ("What did the city spend the grant on?" has an object of its own and asks for a thing), or as one of two
    on a verb that takes the one paid too ("What did the firm charge the town?", "What did Orlow pay its chief?")."""
    verbs = [wh.head, *(c for c in wh.head.children if c.dep_ in ("ccomp", "xcomp"))]
    return any(
        verb.lemma_.casefold() in _TWO_OBJECT_PRICE_VERBS
        or (verb.lemma_.casefold() in _PRICE_VERBS and not any(c.dep_ == "dobj" and c.i != wh.i for c in verb.children))
        for verb in verbs
    )


def _copula_subject(wh: "Token") -> bool:
    """"what's tuition going to be?" parsed with "what" as the subject of "'s": a "be" with no verb of its own
    below it asks what its other side is."""
    be = wh.head
    return wh.dep_ == "nsubj" and be.lemma_.casefold() == "be" and be.dep_ == "ROOT" and not _has_a_verb(be)


def _be_follows(wh: "Token", subject: "Token") -> bool:
    """"what's [in-state tuition]": "be" right after "what", then the subject's noun phrase (no verb between:
    "What is included in the rent?" asks what is included)."""
    doc = wh.doc
    return (wh.i + 1 < len(doc) and doc[wh.i + 1].lemma_.casefold() == "be" and subject.i > wh.i + 1
            and all(t.pos_ in _SUBJECT_PHRASE_TAGS for t in doc[wh.i + 2 : subject.i]))  # fmt: skip


def _has_a_verb(be: "Token") -> bool:
    """Whether a "be" carries a verb of its own ("What's the county paying ...?" is "is paying"; not a clause
    hanging on it, which the parser may join to it: "What was the rate before the bridge closed?")."""
    if be.dep_ in ("aux", "auxpass") and be.head.tag_ in ("VBG", "VBN"):
        return True  # "What is the mayor doing ...?", "What are the lifeguards paid?"
    return any(child.pos_ == "VERB" and child.dep_ in ("ccomp", "xcomp") and child.tag_ in ("VBG", "VBN")
               for child in be.children)  # fmt: skip


def _asks_a_price_of_the_question(doc: "Doc", wh: "Token") -> bool:
    """A price question the parser joined wrongly ("What does a year at the college cost?" with "What" on "year"
    and "cost" taken for a noun; "What were the miners paid?", "What is the district paying the bus company?"),
    read from its words: "what", an auxiliary, the subject's noun phrase, then a verb of price (cost, pay, charge,
    earn), or "make" with an hourly rate ("What does a starting weaver make an hour?"). Not when another verb comes
    first ("What did the council do to pay for the repairs?"), when the word is a noun ("the cost of the bridge",
    "pay raises"), nor for "What will the grant pay for?", which asks for a thing."""
    if wh.i + 1 >= len(doc) or doc[wh.i + 1].lemma_.casefold() not in _AUXILIARY_LEMMAS:
        return False
    hourly = any(t.lower_ in ("hour", "hourly") for t in doc)
    for token in doc[wh.i + 2 :]:
        word = token.lower_
        if word in _PRICE_VERB_FORMS or (hourly and word in _WAGE_VERB_FORMS):
            before = doc[token.i - 1]
            after = doc[token.i + 1 : token.i + 3]
            if before.pos_ in ("DET", "ADP", "ADJ") or before.lower_ in ("'s", "’s"):
                continue  # a noun: "the cost of", "about pay raises", "the paid leave policy"
            if word in _EARN_FORMS and len(after) and after[0].pos_ in ("NOUN", "PROPN", "DET"):
                return False  # "What did the mayor earn praise for?": what is earned is named
            if len(after) and after[0].lower_ == "with":
                return False  # "What is he charged with?"
            # "pay for?", "pay for with the card": what is paid for is asked
            stranded = len(after) < 2 or after[1].pos_ in ("ADP", "PUNCT")
            return not (len(after) and after[0].lower_ == "for" and stranded)
        modifier = token.tag_ in ("VBN", "VBG") and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN"
        if token.pos_ in ("VERB", "AUX") and token.lower_ not in _FUTURE_WORDS and not modifier:
            return False  # another verb is what "what" asks about ("What did the council do to pay ...?"), not a
            # participle before a noun ("licensed mates", "a starting weaver")
    return False


_AUXILIARY_LEMMAS = frozenset({"do", "be", "will", "would", "can", "could", "should", "shall", "may", "might", "must",
                               "have"})  # fmt: skip
_FUTURE_WORDS = frozenset({"going", "gon"})  # "What's the bridge going to cost?"
_EARN_FORMS = frozenset({"earn", "earns", "earned", "earning"})


def _first_noun(wh: "Token") -> "Token | None":
    """The head of the first noun phrase after the question word and its auxiliary ("what does [a walk-on round
    trip] cost": "trip")."""
    found = None
    for token in wh.doc[wh.i + 2 :]:
        if token.pos_ in ("NOUN", "PROPN"):
            found = token
        elif found is not None and token.pos_ not in ("ADJ", "PUNCT"):
            break
    return found


# The written forms of the verbs of price _asks_a_price_of_the_question reads (the lemmatiser errs on a verb the
# tagger took for a noun), and of "make", which asks for a wage with an hourly rate ("an hour").
_PRICE_VERB_FORMS = frozenset({"cost", "costs", "costing", "pay", "pays", "paid", "paying", "charge", "charges",
                               "charged", "charging", "earn", "earns", "earned", "earning"})  # fmt: skip
_WAGE_VERB_FORMS = frozenset({"make", "makes", "made", "making"})


def _mentions_money(doc: "Doc") -> bool:
    return any(_money_word(t) or t.is_currency for t in doc)


# Verbs whose bare "how much" asks for a sum: "How much did the bakery sell for?", "How much will the county save?".
# Not "rise" or "raise" ("How much did the council raise taxes?" may ask for a share). A closed class of English verbs.
_MONEY_VERBS = frozenset({"pay", "spend", "cost", "sell", "buy", "charge", "save", "earn", "owe", "borrow", "lend",
                          "invest", "donate", "bid", "fetch", "reimburse", "refund", "compensate", "fine",
                          "contribute", "pledge", "budget", "allocate", "give", "steal", "embezzle",
                          "award", "seek", "request"})  # fmt: skip
# Verbs of bringing in money, whose bare "how much" asks for a sum when they take no object of their own ("How much
# did the gala raise?", "How much will the tax raise each year?"; not "How much did the board raise the fee?"); "bring"
# only as "bring in" ("How much will the tax bring in?"; not "How much did the storm bring?").
_FUND_RAISING_VERBS = frozenset({"raise", "generate", "net", "gross"})


# Verbs of getting, whose bare "how much" asks for a sum only when what is got is for something sold or given
# ("get from selling", "receive for the land"); and of offering, a sum only when offered for something ("How much
# did the bidder offer for the land?"; not "How much did the board offer its staff?", which may be a raise).
_GETTING_VERBS = frozenset({"get", "receive", "collect", "make"})
_OFFERING_VERBS = frozenset({"offer"})


def _much_on_a_verb_of_money(much: "Token") -> bool:
    """A bare "much" on a verb of paying, selling or saving ("How much did the bakery sell for?"), not "much" before
    a noun ("How much rain did Orlow get?") nor on another verb ("How much did the river rise?")."""
    verb = much.head
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and any(c.dep_ == "aux" for c in verb.children):
        # the tagger may take a question's last word for a noun ("How much did the auction raise?", "... did the
        # losing bidder offer for it?"), which the "did" before it shows to be its verb
        lemma = verb.lemma_.casefold()
        return lemma in _MONEY_VERBS or bool(_raised_or_offered(verb, lemma, much))
    went_for = False
    if much.dep_ == "pobj" and verb.dep_ == "prep":
        went_for = verb.lower_ == "for"
        verb = verb.head  # "How much did the bakery sell for?"
    elif much.dep_ == "acomp" and verb.lemma_.casefold() == "be":
        # the parser may hang "much" on the auxiliary of a progressive or a "going to": "How much is the town
        # putting toward the wing?", "How much was Farrand going to get for his land?"
        later = next((t for t in much.doc[verb.i + 1 :] if t.pos_ == "VERB"), None)
        if later is None:
            return False
        verb = next((c for c in later.children if c.dep_ == "xcomp"), later) if later.lower_ == "going" else later
    elif much.dep_ not in ("dobj", "advmod", "npadvmod"):
        return False
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = phrasal_meaning(verb) or _money_verb_lemma(verb)
    if lemma == "bring" and any(c.lower_ == "in" and not any(c.children) for c in verb.children):
        lemma = "raise"
    raised_or_offered = _raised_or_offered(verb, lemma, much)
    if raised_or_offered is not None:
        return raised_or_offered
    if lemma == "go" and went_for:
        return True  # "How much did the building go for?": what it was sold for
    if lemma == "put" and any(c.dep_ == "prep" and c.lower_ in ("toward", "towards") for c in verb.children):
        return True  # "How much is the town putting toward the wing?": a sum put toward a cost
    if lemma == "ask" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return True  # "How much is the county asking the state for?": a sum asked for (not "asking for help")
    if lemma in _GETTING_VERBS:
        # "How much will the town get from selling the trucks?", "... get for the old fire truck?": got for a sale
        # or for a thing, a sum; "How much did the farm get on Sunday?" may be rain, and what is collected "for the
        # food pantry" food
        got_for = lemma in ("get", "receive") and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
        return got_for or any(
            t.lemma_.casefold() in _MONEY_VERBS for t in verb.subtree if t is not verb and t.pos_ == "VERB"
        )
    # "How much did the state end up reimbursing the town?": the verb the first one goes on to
    return lemma in _MONEY_VERBS or any(c.dep_ == "xcomp" and c.lemma_.casefold() in _MONEY_VERBS
                                        for c in verb.children)  # fmt: skip


def _money_verb_lemma(verb: "Token") -> str:
    """The verb's lemma, or the money verb its past form is of when the lemmatizer cut too much ("fined": "fin")."""
    lemma = verb.lemma_.casefold()
    form = verb.lower_
    if lemma not in _MONEY_VERBS and form.endswith("ed") and form[:-1] in _MONEY_VERBS:
        return form[:-1]
    return lemma


def _raised_or_offered(verb: "Token", lemma: str, much: "Token") -> bool | None:
    """For a verb of raising money or of offering (`lemma`, as read), whether its "how much" asks for a sum: raised
    with no object of its own ("How much did the gala raise?", not "... raise the fee?"), offered for something;
    None for other verbs."""
    if lemma in _FUND_RAISING_VERBS:
        return not any(c.dep_ == "dobj" and c.i != much.i for c in verb.children)
    if lemma in _OFFERING_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return None


def _charges_someone(much: "Token") -> bool:
    """"How much will a pass run me?", "set you back": a bare "much" on a verb of costing with the one who pays as
    its object. Not "how much time / further / of a lead", not "run them over", nor "set us back in the standings"."""
    verb = much.head
    if verb.lemma_.casefold() not in ("run", "set") or any(c.lower_ != "how" for c in much.children):
        return False
    kids = list(verb.children)
    if not any(c.dep_ in ("dobj", "dative") and c.lower_ in ("me", "you", "us", "them", "him", "her") for c in kids):
        return False
    back = any(c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in kids)
    if (verb.lemma_.casefold() == "set" and not back) or any(c.dep_ == "prt" and c.lower_ != "back" for c in kids):
        return False  # "set them a target", "run them over"
    # "set us back in the standings / in the race": ground lost in a contest, not a price ("in Daventon" is a place)
    preps = [c for k in kids for c in (k, *(k.children if k.lower_ == "back" else ())) if c.dep_ == "prep"]
    return not any(c.lower_ == "in" and any(o.dep_ == "pobj" and not o.ent_type_ for o in c.children) for c in preps)


def _money_word(token: "Token") -> bool:
    """A word of money, also as a gerund the tagger took for a noun ("How much is the city spending ...?")."""
    lemma = token.lemma_.casefold()
    return lemma in _MONEY_WORDS or (lemma.endswith("ing") and lemma[:-3] in _MONEY_WORDS)


# Verbs whose subject bears a name: "What name will the district go by?", "What name will the shop use?".
_NAME_BEARING_VERBS = frozenset({"go", "use", "have", "take", "carry", "bear", "adopt", "keep", "operate", "trade"})
# Those a name is told to, not given to: "What name did the man give police?" asks the name he gave as his own.
# English nouns of officials who take down a name.
_TOLD_A_NAME = frozenset({"police", "officer", "deputy", "trooper", "investigator", "detective", "authority",
                          "agent", "reporter", "clerk", "court", "judge", "dispatcher"})  # fmt: skip


def _named_thing(name: "Token") -> "Token | None":
    """For "What name will the district go by?" the district, which bears the name; for "What name did the council
    give the park?" or "What name did they choose for the district?" the park and the district."""
    verb = name.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == name.i:
        return None
    for child in verb.children:
        if child.i != name.i and child.dep_ in ("dative", "dobj") and child.pos_ in ("NOUN", "PROPN"):
            return None if child.lemma_.casefold() in _TOLD_A_NAME else child  # "give the park", not "give police"
        if child.dep_ == "prep" and child.lower_ == "for":
            thing = next((g for g in child.children if g.dep_ == "pobj"), None)
            if thing is not None:
                return thing  # "choose for the district"
    if verb.lemma_.casefold() in _NAME_BEARING_VERBS:
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")),
                    None)  # fmt: skip
    return None


def _of_object(noun: "Token") -> "Token | None":
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


# Verbs that say little without their object, which names the event: "make arrests", "hold a hearing", "conduct an
# inspection" ("give" and "take" say more: "give the funding back", "take over the building").
_LIGHT_VERBS = frozenset({"make", "hold", "conduct"})
# Verbs that only link or help: a question built on one of them asks about its complement, not about them.
_LINKING_VERBS = frozenset({"be", "do", "have", "get"})
# Verbs whose "to ..." complement has not happened (yet): "expects to hire", "plans to spend", "is set to open",
# "agreed to study merging". They are the closed class of English verbs of intention, expectation, schedule and
# deliberation, not words of a corpus.
IRREALIS_GOVERNORS = frozenset({"expect", "plan", "hope", "want", "intend", "aim", "seek", "propose", "try", "need",
                                "promise", "vow", "pledge", "threaten", "schedule", "set", "go", "wish", "prepare",
                                "offer", "ask", "urge", "consider", "study", "explore", "discuss", "weigh", "debate",
                                "mull", "contemplate", "talk", "suppose", "have"})  # fmt: skip
# Verbs whose object is what someone means to have or do, not what was done: "plans 1,420 houses", "proposed a
# $4 million levy" ("ask" is not one: its object is whom one asks).
INTENDING_VERBS = frozenset({"plan", "propose", "seek", "want", "expect", "promise", "offer", "request", "envision",
                              "need"})  # fmt: skip
# Modal auxiliaries: "will open", "would cost", "could reach" state no realised fact.
IRREALIS_AUXILIARIES = frozenset({"will", "would", "shall", "should", "could", "might", "may", "'ll", "wo"})


def _predicate(doc: "Doc") -> str | None:
    """The main verb the question asks about: "vote" in "How many residents voted for ...", "lose" in "... lost
    power", "hire" in "How many workers has X hired?" (which the parser often hangs off a name), "cost" in "How
    much is it expected to cost?"; None when the question has only linking verbs ("is", "did", "has")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and _a_verb(root) and root.lemma_ not in _LINKING_VERBS:
        return _complement_verb(root).lemma_.casefold()
    # "What was the reason the mill shut down?": the clause on "reason" is the event asked about
    told = [c for t in doc if t.lemma_.casefold() in ("reason", "cause") and t.pos_ == "NOUN"
            for c in t.children if c.dep_ == "relcl" and _a_verb(c)]  # fmt: skip
    if told:
        return told[0].lemma_.casefold()
    # the parser does not always put a question's verb at the root: take the first content verb outside a
    # relative clause ("the school that will replace ..." describes a name, it is not what is asked) and
    # outside a noun's modifier; failing that the last modifier ("Where was the driver hurt in the crash
    # taken?": the main verb comes after the subject, and a participle inside the subject before it)
    verbs = [t for t in doc if _a_verb(t) and t.lemma_ not in _LINKING_VERBS and t.dep_ != "relcl"]
    clausal = [t for t in verbs if t.dep_ != "acl"]
    if clausal or verbs:
        return _complement_verb(clausal[0] if clausal else verbs[-1]).lemma_.casefold()
    # "When will the pool reopen?": a root with an auxiliary is a verb, whatever the tagger called it
    if (root is not None and root.lemma_ not in _LINKING_VERBS and any(c.dep_ == "aux" for c in root.children)
            and not _surely_no_verb(root)):  # fmt: skip
        return root.lemma_.casefold()
    return _verb_after_the_subject(doc)


# Auxiliaries that put the subject before the question's bare verb: "did the shelter place", "will Orlow open".
_INVERTING_AUXILIARIES = frozenset({"did", "does", "do", "will", "would", "can", "could", "should", "may", "might"})
# Words that may follow the question's verb: a preposition, an article, a pronoun, a number, an adverb, "to".
_AFTER_THE_VERB = frozenset({"ADP", "DET", "PRON", "NUM", "ADV", "PUNCT", "SCONJ", "CCONJ"})


def _verb_after_the_subject(doc: "Doc") -> str | None:
    """"How many drivers did the Westerlin School District hire in August?", "When did the Saltery Point plant in
    Tidewick reopen?", "How many tickets did the Orlow Fair sell?": the small model takes a bare verb after a long
    subject for a noun ("District hire", "plant ... reopen"). Among the lower-case words after an inverting
    auxiliary that follow a noun and come before a preposition, an article, a pronoun, an adverb, "to" or the
    end, the one at the end, else the first, is the verb. None when there is none, or when it or a word before it
    is a linking verb ("Did the county get the state lead-line grant?" asks about "get", which `_predicate`
    leaves out)."""
    auxiliary = next((t for t in doc if t.lower_ in _INVERTING_AUXILIARIES), None)
    if auxiliary is None:
        return None
    words = list(doc[auxiliary.i + 1 :])
    verbs: list[tuple[Token, bool]] = []  # each with whether it ends the question
    for position, token in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else None
        ends = following is None or following.text in ("?", ".", "!")
        # a verb that is also a stop word may end the question ("did the outage last?", "did the test show?")
        if position == 0 or not token.is_alpha or not token.is_lower or (token.is_stop and not ends):
            continue
        # (the tagger may take it for an adverb too: "did the Canal Inn in Millbury close in 2020", though not a
        # word in "-ly")
        if words[position - 1].pos_ not in ("NOUN", "PROPN") or not (
            token.pos_ in ("NOUN", "VERB", "ADJ") or (token.pos_ == "ADV" and not token.lower_.endswith("ly"))
        ):
            continue
        # at the end, after a phrase with no article or owner ("plant in Tidewick reopen"; not "pay for its space
        # in the old Halvard mill", whose "mill" ends a phrase of "pay")
        since_the_phrase = list(itertools.takewhile(lambda t: t.pos_ != "ADP", reversed(words[:position])))
        in_a_phrase = len(since_the_phrase) < position
        at_the_end = ends and not (in_a_phrase and any(t.pos_ in ("DET", "PRON") or t.tag_ == "POS"
                                                       for t in since_the_phrase))  # fmt: skip
        if ends and not at_the_end:
            continue
        if at_the_end or following.pos_ in _AFTER_THE_VERB or following.lower_ in ("to", "next", "last", "this"):
            verbs.append((token, at_the_end))
    if not verbs:
        return None
    verb = next((token for token, at_the_end in verbs if at_the_end), verbs[0][0])
    # "What EF rating did the tornado get?", "how will people in Ebbington get library service?", "How many
    # residents does the Linden Hearth nursing home have?"; not a linking verb of a clause of its own ("... in homes
    # that had yards?")
    own_clause = itertools.takewhile(lambda t: t.lower_ not in ("that", "which", "who"), words)
    if verb.lemma_.casefold() in _LINKING_VERBS or any(
        t.lemma_.casefold() in _LINKING_VERBS and t.pos_ in ("VERB", "AUX") for t in own_clause
    ):
        return None
    return verb.lemma_.casefold()


def _a_verb(token: "Token") -> bool:
    """A token the tagger called a verb that is one (see `_surely_no_verb`)."""
    return token.pos_ == "VERB" and not _surely_no_verb(token)


def _surely_no_verb(token: "Token") -> bool:
    """A capitalised word inside a question (a name the tagger took for a verb: "did the tornado strike
    Dunning?"), "according" of "according to", or "come" of "How come": whatever the tagger or parser made of it,
    it is no verb the question asks about. (An article is no sign: the parser gives "the" to "reopen" in "When will
    the pool reopen?".)"""
    if token.i > 0 and token.text[:1].isupper() and not token.is_sent_start:
        return True
    if token.lower_ == "come" and token.i > 0 and token.nbor(-1).lower_ == "how":
        return True
    return token.lower_ == "according" and any(child.lower_ == "to" for child in token.children)


def _complement_verb(verb: "Token") -> "Token":
    """"expected to cost" -> "cost": a verb of intention or expectation asks about what it governs."""
    while verb.lemma_.casefold() in IRREALIS_GOVERNORS:
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if complement is None:
            break
        verb = complement
    return verb


def _subject_name(doc: "Doc") -> str | None:
    """The name that is the subject of the question's verb: "China" in "How did China respond to ...?", "Corvale
    Dairy" in "How many drivers has Corvale Dairy hired?" (where the parser makes it the object of "has"), the
    owner in "What did Lanford's mayor say?"; None when the subject is no name ("How many homes were lost?")."""
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj") or token.head.dep_ == "relcl":
            continue
        if token.dep_ == "dobj" and token.head.lemma_ not in _LINKING_VERBS:
            continue  # a real object: what the subject did something to
        named = token if token.ent_type_ in _NAME_LABELS else next(
            (c for c in token.children if c.dep_ in ("poss", "compound") and c.ent_type_ in _NAME_LABELS), None)
        if named is None:
            continue
        entity = next((e for e in doc.ents if e.start <= named.i < e.end), None)
        if entity is not None:
            return entity.text
    return None


def question_mood(doc: "Doc") -> Mood | None:
    """Whether a question asks about something done ("How many has it hired?", "When was it lifted?") or not
    (yet) done ("When will it open?", "How much is it expected to cost?"); None for the plain present."""
    for token in doc:
        if token.tag_ == "MD" and token.lower_ in IRREALIS_AUXILIARIES:
            return None if _future_in_the_past(token) else "irrealis"
        if (token.pos_ == "VERB" and token.lemma_.casefold() in IRREALIS_GOVERNORS and _governs_an_infinitive(token)
                and not (token.lemma_ == "have" and token.tag_ == "VBD")):  # fmt: skip
            return "irrealis"  # (what "had to" be done was done: "How many people had to be rescued?")
    for token in doc:
        if token.tag_ == "VBD" or (token.tag_ == "VBN" and token.lemma_ not in _LINKING_VERBS):
            return "realised"
        if token.lower_ in ("has", "have", "had", "did", "was", "were"):
            return "realised"
    return None


def _future_in_the_past(modal: "Token") -> bool:
    """"would" in what someone thought or said in the past: "What did the agents think the storm would cost?" asks
    for what they thought, which was said as done ("put losses at $12 million") or as what would be ("said it
    would cost $12 million"), so neither mood."""
    clause = modal.head
    if modal.lower_ != "would" or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return False
    said = clause.head
    return said.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("did", "had") for c in said.children)


# Words that ask what has been done up to now: "How many has it hired so far?", "... to date?"
_UP_TO_NOW = ("so far", "to date", "thus far", "already")


def asks_so_far(doc: "Doc", predicate: str | None, mood: "Mood | None") -> bool:
    """Whether the question asks what has been done up to now: its verb in the present perfect ("How many
    workers has the plant hired?") or "so far", "to date", "already". An article that says what is planned
    ("expects to hire 120") does not answer it, whenever it was written; unless what is asked is itself a plan
    ("How many jobs has the firm promised?", "How many has it promised to hire?")."""
    if predicate is None or predicate in IRREALIS_GOVERNORS or mood == "irrealis":
        return False
    text = f" {doc.text.casefold()} "
    if any(f" {words} " in text or f" {words}?" in text for words in _UP_TO_NOW):
        return True
    # the parser does not always hang "has" on the participle ("How many drivers has Orlow Dairy hired?"); a
    # "has" of a clause on a noun is not the question's ("How many did the storm that has hit Orlow kill?")
    have = next((t.i for t in doc if t.lower_ in ("has", "have") and t.head.dep_ not in ("relcl", "acl")), None)
    return have is not None and any(t.tag_ in ("VBN", "VBD") for t in doc[have + 1 :])  # the tagger says "hired": VBD


# Words that ask how things stand at present: "How many pupils does it have now?"
_AT_PRESENT = re.compile(r"\b(?:now|nowadays|these days|currently|at present|today|right now|this year)\b",
                         re.IGNORECASE)


def asks_now(doc: "Doc", mood: "Mood | None") -> bool:
    """Whether a question in the plain present asks how things stand now ("How many kids go to Birchwood these
    days?", "Who runs the diner now?"), so that a figure told in the past ("had 412 students in 2014") does not
    answer it when one told in the present does ("this year it has 187")."""
    # ("does it have" is present, though question_mood reads a bare "have" as done)
    return (mood != "irrealis" and bool(_AT_PRESENT.search(doc.text)) and any(t.tag_ in ("VBZ", "VBP") for t in doc)
            and not any(t.tag_ in ("VBD", "VBN") for t in doc))  # fmt: skip


def asks_when_it_is_set(doc: "Doc", mood: "Mood | None") -> bool:
    """Whether a question asks when something is set to be, in the plain present and of nothing done: "When does
    the higher sales tax kick in?", "When are applications due?", "When does the new chief take over?". An article
    tells of such a date as planned ("takes effect April 1", "will start Jan. 8"); the day something was done
    ("voters on Tuesday approved it", "left in 2023") answers another question."""
    return (mood is None and any(t.tag_ in ("VBZ", "VBP") for t in doc)
            and not any(t.tag_ in ("VBD", "VBN") for t in doc))  # fmt: skip


def _governs_an_infinitive(verb: "Token") -> bool:
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    # (not a "to" with a noun of its own: "the job that went to Marcus Reid" is no plan)
    return any(c.dep_ == "xcomp" for c in verb.children) or (
        following is not None and following.lower_ == "to" and not any(c.dep_ == "pobj" for c in following.children)
    )


def _xcomp_chain(verb: "Token") -> list["Token"]:
    """`verb` and the verbs it completes, up the parse: "hire" in "expects to hire", then "expects"."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def is_infinitive(verb: "Token") -> bool:
    """"to hire": the verb has "to" before it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def clause_mood(verb: "Token") -> Mood | None:
    """The mood of the clause of `verb` in a sentence: irrealis when a modal or a verb of intention governs it
    ("would hold", "expects to hire"), realised when it is in the past or the perfect ("opened", "has hired",
    "were hurt"), None for the present."""
    if verb.dep_ == "acomp" and verb.head.i != verb.i:
        verb = verb.head  # "if the beach stays closed": the clause's verb is "stays", whatever "closed" was tagged
    if (verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.i != verb.i
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):  # fmt: skip
        return clause_mood(verb.head)  # "will spend $96 million ... and hire 340 workers": the "will" is of both
    chain = _xcomp_chain(verb)
    for token in chain:
        auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in IRREALIS_AUXILIARIES for a in auxiliaries):
            return "irrealis"
        if token is not verb and token.lemma_.casefold() in IRREALIS_GOVERNORS:
            return "irrealis"
        if _be_to(token):
            return "irrealis"
    if any(is_infinitive(t) for t in chain[:-1]):
        return None  # "voted Monday to open the pool on June 1": the vote is past, the opening is not said to be
    top = chain[-1]
    # "would close the pool if the county refused to pay within 30 days": a condition is no fact, whatever
    # its tense
    if _a_condition(top):
        return "irrealis"
    if top.dep_ == "advcl" and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX"):
        if clause_mood(top.head) == "irrealis":
            return "irrealis"
    auxiliaries = [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    if top.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("has", "have", "had") for a in auxiliaries):
        return "realised"
    return None


# Modals and verbs of a clause that may not happen at all, where "will", "plans to" and "expects to" tell of
# what is set to: "could come down as soon as Aug. 15", "should start in June", "hopes to open in May", and what
# must be, which has not been yet: "must approve the budget by June 30".
UNCERTAIN_AUXILIARIES = frozenset({"would", "should", "could", "might", "may", "must"})
UNCERTAIN_GOVERNORS = frozenset({"hope", "aim", "seek", "propose", "try", "want", "wish", "consider"})


def _a_condition(verb: "Token") -> bool:
    """"if the county refused to pay", "unless a buyer is found": the clause of `verb` is a condition."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def _be_to(token: "Token") -> bool:
    """"is to begin", "were to be paid": a "be" with an infinitive to complete it tells of what is arranged,
    not of what is done."""
    return token.lemma_.casefold() == "be" and any(c.dep_ == "xcomp" and is_infinitive(c) for c in token.children)


def clause_is_uncertain(verb: "Token") -> bool:
    """Whether the clause of `verb` says what may or may not happen: no answer to what did happen ("When did
    the hotel come down?" is not answered by "could come down as soon as Aug. 15"), though a plan stated as
    one ("voters will decide Nov. 5", "expects to hire 120 drivers") may answer it in an article written before
    the day."""
    while True:
        chain = _xcomp_chain(verb)
        if any(
            any(c.dep_ in ("aux", "auxpass") and c.lower_ in UNCERTAIN_AUXILIARIES for c in token.children)
            or (token is not verb and token.lemma_.casefold() in UNCERTAIN_GOVERNORS)
            # "if the beach stays closed past Aug. 15": a condition is no fact
            or _a_condition(token)
            for token in chain
        ):
            return True
        top = chain[-1]
        # "could begin in October, with the first tenants moving in during the spring": what hangs on a clause
        # that may not happen may not either (not a clause of its own: "After 14 people overdosed, nobody should
        # need convincing")
        if top.dep_ not in ("pcomp", "pobj", "prep", "acomp") or top.head.i == top.i:
            return False
        verb = top.head


def _about_the_assistant(doc: "Doc") -> bool:
    """The question's subject is "you" (or "your ..."): it asks about whoever answers, not about the news."""
    for token in doc:
        main_clause = token.head.dep_ == "ROOT"
        if token.dep_ in ("nsubj", "nsubjpass", "attr") and token.lower_ in ("you", "yourself") and main_clause:
            return True
        if token.lower_ == "your" and token.head.dep_ in ("nsubj", "nsubjpass", "attr") and token.head.head.dep_ == "ROOT":
            return True
    return False


def _verb_forms(lemma: str | None) -> tuple[str, ...]:
    """The lemma and its irregular forms, from the NLP model's own exception table ("lose" -> "lost")."""
    if lemma is None:
        return ()
    return (lemma, *sorted(_irregular_forms().get(lemma, ())))


@lru_cache(maxsize=1)
def _irregular_forms() -> dict[str, set[str]]:
    from index.nlp import full_pipeline

    exceptions = full_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    forms: dict[str, set[str]] = {}
    for form, lemmas in exceptions.items():
        for lemma in lemmas:
            forms.setdefault(lemma, set()).add(form)
    return forms


def _subject_noun(doc: "Doc") -> "Token | None":
    for dep in ("nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        for token in doc:
            if token.dep_ == dep and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ == "":
                return token
    return None


def _object_noun(root: "Token") -> "Token | None":
    return next((c for c in root.children if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN")), None)


# --- constraints -------------------------------------------------------------


def _constraints(doc: "Doc", publisher_names: frozenset[str]) -> Iterable[Constraint]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    text = doc.text
    covered: set[int] = set()

    def emit(constraint: Constraint) -> Iterable[Constraint]:
        key = (constraint.kind, constraint.keys)
        if constraint.keys and key not in seen:
            seen.add(key)
            yield constraint

    for match in _YEAR_RANGE.finditer(text):
        second = _full_year(match.group(1), match.group(2))
        if second is not None:
            covered.update(range(match.start(), match.end()))
            yield from emit(Constraint(match.group(0), "year_range", keys=(match.group(1), second)))
    for match in _SIZED.finditer(text):
        number = str(NUMBER_WORDS.get(match.group(1).casefold(), match.group(1)))
        covered.update(range(match.start(), match.end()))
        if match.group(2).casefold() in _DURATION_UNITS:
            continue  # "the two-hour call": outlets time one event differently ("a call of nearly an hour")
        yield from emit(Constraint(match.group(0), "size", keys=(number, match.group(2).casefold())))
    for match in _IDENTIFIER.finditer(text):
        if any(i in covered for i in range(match.start(), match.end())) or YEAR.fullmatch(match.group(0)):
            continue
        covered.update(range(match.start(), match.end()))
        yield from emit(Constraint(match.group(0), "identifier", keys=(normalise(match.group(0)),)))
    for match in _NUMBERED_BY_NO.finditer(text):
        if match.start() == 0 or any(i in covered for i in range(match.start(), match.end())):
            continue  # "No. 2 on the list ...": a question's first word is capitalised whatever it is
        # "Well No. 2", "Pump Station No. 4": the parser reads "No." as a word of its own, not as the number's
        covered.update(range(match.start(), match.end()))
        keys = (normalise(match.group(1)), match.group(2).casefold())
        yield from emit(Constraint(match.group(0), "numbered", keys=keys))
    for match in _date_mentions(normalise(text)):
        yield from emit(Constraint(match.group(0), "date", keys=(str(_MONTH_NAMES[match.group("month")]),
                                                                   match.group("day"))))
    for match in YEAR.finditer(text):
        if match.start() not in covered:
            yield from emit(Constraint(match.group(0), "year", keys=(match.group(0),)))
    capitalised = _writes_names_capitalised(doc)
    for entity in doc.ents:
        if entity.label_ in _NAME_LABELS or (entity.label_ == "NORP" and not _DEMONYM.search(entity.text)):
            for constraint in _name_constraints(entity, publisher_names, covered, capitalised,
                                                _conjunction_group(entity)):  # fmt: skip
                yield from emit(constraint)
        elif entity.label_ in _NUMBER_LABELS:
            numbers = [m.group(0).replace(",", "") for m in _DIGITS.finditer(entity.text)]
            numbers = [n for n in numbers if not any(i in covered for i in range(entity.start_char, entity.end_char))]
            if numbers:
                yield from emit(Constraint(entity.text, "number", keys=tuple(numbers)))
    # proper nouns the model did not tag as an entity ("Adebanjo", "Quillport")
    in_entity = {t.i for e in doc.ents for t in e}
    for token in doc:
        if token.i == 0 and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.i not in in_entity:
            number = _number_after(token)
            if number is not None and number.idx not in covered:
                # a question typed as a phrase: "Lock 13 tonnage last year?", "Precinct 7 turnout?"
                covered.add(number.idx)
                yield from emit(Constraint(f"{token.text} {number.text}", "numbered",
                                           keys=(normalise(token.text), normalise(number.text))))
            continue
        if token.pos_ == "PROPN" and token.i not in in_entity and token.i > 0 and token.is_alpha:
            if token.idx in covered or len(token.text) < 3:
                continue
            if token.dep_ == "compound" and token.head.i in in_entity:
                continue  # a title before a name ("Mayor Dolan"): outlets write the name without it
            word = normalise(token.text)
            if word in publisher_names or token.text.isupper():
                continue  # an acronym may be written out in the articles ("EU", "GDP")
            if word in CALENDAR_WORDS:
                continue  # "the January storm": a time, which articles write "Jan. 11" or "last weekend", no name
            number = _number_after(token)
            if number is not None:
                # "Precinct 7", "Ward 3": the name is the word with its number (another precinct is not this one)
                covered.add(number.idx)
                yield from emit(Constraint(f"{token.text} {number.text}", "numbered",
                                           keys=(word, normalise(number.text))))
                continue
            yield from emit(Constraint(token.text, "name", label=None, keys=(word,)))


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth")  # fmt: skip


# An ordinal before a word of time: "a sixth day", "its 12th year" (not "a second", a length of time itself, nor
# "the first five years").
_AN_ORDINAL_BEFORE_A_WORD = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + r")\s+([a-z]+)")
_CARDINAL_WORDS = tuple(word for word, value in sorted(NUMBER_WORDS.items(), key=lambda item: item[1])
                       if 0 < value <= len(_ORDINAL_WORDS))
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
          "xviii", "xix", "xx")


def numbered_in(word: str, number: str, text: str) -> bool:
    """Whether normalised `text` names the one of `word` with `number` as news writes it: "precinct 7", "no. 3 fire
    station", "lot no. 9", "the fourth ward", "the 2nd district" (the number within three words of the word)."""
    forms = [re.escape(number), rf"no\.?\s*{re.escape(number)}", rf"number\s+{re.escape(number)}"]
    if number.isdigit():
        forms.append(rf"{int(number)}(?:st|nd|rd|th)")
        if 0 < int(number) <= len(_ORDINAL_WORDS):
            # "the Fourth Ward", "Ward Three", "Phase II"
            forms += [_ORDINAL_WORDS[int(number) - 1], _CARDINAL_WORDS[int(number) - 1], _ROMAN[int(number) - 1]]
    numbered = rf"(?:{'|'.join(forms)})"
    near = r"(?:\W+\w+){0,2}\W+"
    return re.search(rf"(?<![\w-]){numbered}{near}{re.escape(word)}s?\b|\b{re.escape(word)}{near}{numbered}(?![\w-])"
                     rf"|\b{re.escape(word)}\s*{re.escape(number)}(?![\w-])", text) is not None


def _number_after(token: "Token") -> "Token | None":
    """The number written right after a capitalised word that it numbers ("Precinct 7", "Ward 3B"), if any; not a
    year ("Class 2024")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if (following is None or not token.text[:1].isupper() or not _A_NUMBERING.fullmatch(following.text)
            or YEAR.fullmatch(following.text)):  # fmt: skip
        return None
    after = following.nbor(1) if following.i + 1 < len(token.doc) else None
    if not following.whitespace_ and after is not None and not after.is_punct:
        return None  # "the Winslow 5K": the number is part of a word
    return following


# Month and weekday names, as `rag.text.words` gives them ("jan", "sept", "thursday").
CALENDAR_WORDS = frozenset(normalise(name) for name in (*MONTH_NUMBERS, *WEEKDAY_NAMES))


def _several_times_are_alternatives(constraints: tuple[Constraint, ...]) -> tuple[Constraint, ...]:
    """A question naming two years or two dates ("the budgets for 2023-2024 and for 2024-2025") asks about
    each: an answer about either one respects it."""
    kinds = [c.kind for c in constraints]
    timed = {"year", "year_range", "date"}
    return tuple(
        replace(c, alternatives=f"several-{c.kind}") if c.kind in timed and kinds.count(c.kind) > 1 else c
        for c in constraints
    )


def _conjunction_group(entity: "Span") -> str | None:
    """An id shared by names joined by "and"/"or": the token whose conjunct they are, or that has them as one."""
    token = entity.root
    while True:
        if token.dep_ == "conj":
            return _several_subjects(token.head)
        if any(child.dep_ == "conj" for child in token.children):
            return _several_subjects(token)
        if token.dep_ not in ("compound", "amod", "nmod", "poss") or token.head.i == token.i:
            return None
        token = token.head


def _several_subjects(first: "Token") -> str | None:
    """Names joined by "and" are several subjects asked about in turn ("the budgets of Gadsden and Stephenville"),
    unless they act together: the subject of the clause ("when did Smith and Jones meet") or the objects of a
    relation ("the call between Smith and Jones", "talks with Smith and Jones")."""
    if first.dep_ in ("nsubj", "nsubjpass") and not _distributive(first.head):
        return None
    if first.dep_ == "pobj" and first.head.lower_ in ("between", "among", "amongst", "with"):
        return None
    return f"conj-{first.i}"


def _distributive(verb: "Token") -> bool:
    """"How much were the Ashby and the Corliss bonds each worth?": "each" or "respectively" asks about the
    subjects one by one."""
    return any(t.lower_ in ("each", "respectively", "apiece") for t in verb.subtree)


# Lowercase nouns for an institution or a place, which the model tags as (part of) a name: "school board", "the
# Wexley city council", "the marina". English words for kinds of bodies and places, not the words of a corpus.
_INSTITUTION_NOUNS = frozenset({
    "school", "board", "council", "commission", "commissioner", "committee", "district", "county", "township", "city",
    "town", "village", "marina", "harbor", "harbour", "port", "authority", "department", "office", "agency",
    "library", "hospital", "police", "fire", "sheriff", "court", "airport", "station", "park", "zoo", "museum",
    "club", "chapter", "association", "union", "lake", "river",
})  # fmt: skip
# Words between a name and the noun for what it names: "Tarnby County commissioners", "the Tarnby Board of
# Education", "Wexley's city council".
_NEAR_WORDS = 3
# Lowercase words that stand inside names written in capitals ("Bank of America", "Centre for Rural Health").
_NAME_JOINERS = frozenset({"of", "for", "de", "del", "la", "le", "du", "da", "van", "von"})


def _writes_names_capitalised(doc: "Doc") -> bool:
    """Whether the question writes names in capitals: a word after the first starts with one ("which board
    member ... in Thistlebrook"), and not every word does (a headline)."""
    # a weekday, a month or an acronym is capitalised however the writer writes names ("the wexley council on
    # Monday", "per FEMA")
    later = [
        t for t in doc
        if t.is_alpha and t.i > 0 and t.text != "I" and not t.text.isupper()
        and normalise(t.text) not in CALENDAR_WORDS and t.ent_type_ not in ("DATE", "TIME")
    ]  # fmt: skip
    return any(t.text[0].isupper() for t in later) and not all(t.text[0].isupper() for t in later)


def _name_runs(tokens: list["Token"]) -> list[list["Token"]]:
    """The stretches of an entity's words between its lowercase ones: "the Eastbrook school board" gives
    "Eastbrook"; a lowercase joiner inside a name stays ("Bank of Orrick")."""
    runs: list[list["Token"]] = [[]]
    for token in tokens:
        if token.is_alpha and token.text.islower() and token.lower_ not in _NAME_JOINERS:
            runs.append([])
        else:
            runs[-1].append(token)
    trimmed = []
    for run in runs:
        while run and run[-1].lower_ in _NAME_JOINERS:
            run = run[:-1]
        while run and run[0].lower_ in _NAME_JOINERS:
            run = run[1:]
        if run:
            trimmed.append(run)
    return trimmed


def _name_constraints(entity: "Span", publisher_names: frozenset[str], covered: set[int], capitalised: bool,
                      alternatives: str | None = None) -> list[Constraint]:  # fmt: skip
    """The constraints an entity of the question sets. In a question that writes names in capitals, a lowercase
    noun for an institution or a place is no part of a name: the model also tags such nouns ("school board",
    "the marina") or a name with one after it ("the Eastbrook school board"), which articles word otherwise
    ("Eastbrook Public Schools"); the name must then stand near one of those nouns (`Constraint.near`). Other
    lowercase words may be a name typed in lowercase ("the red cross"); a person's name is looked for by its
    surname. Names joined by "and" or "or" before such nouns ("the merged Tarnby and Orrin Bay fire district") are
    each a constraint, which must stand beside one of the others (`Constraint.joined`)."""
    owner = next((t for t in entity if t.lower_ in ("'s", "’s") and t.i == entity.start + 1), None)
    if owner is not None and entity.label_ != "PERSON" and entity.end - owner.i > 2:
        # "Tallowford's Orpheum Theater", which the model tags as one name: a one-word owner and a name of its own
        # are two, which articles write apart ("the Orpheum Theater" in a Tallowford story); not "St. Mary's
        # Hospital" nor "Pruitt's Hardware", one name each
        from spacy.tokens import Span

        doc = entity.doc
        parts = (Span(doc, entity.start, owner.i, label=entity.label_),
                 Span(doc, owner.i + 1, entity.end, label=entity.label_))  # fmt: skip
        return [c for part in parts
                for c in _name_constraints(part, publisher_names, covered, capitalised, alternatives)]  # fmt: skip
    # "the" is dropped before a name ("the Orlow Library"), not inside one ("Friends of the Orlow Library")
    tokens = [
        t for t in entity
        if not t.is_punct and t.lower_ not in ("'s", "’s") and not (t.lower_ == "the" and t.i == entity.start)
        and t.idx not in covered
    ]  # fmt: skip
    # "the 2024 Lantern Festival": the year is a constraint of its own, and articles write the name without it
    # ("this year's Lantern Festival", "The 2024 walk")
    # (not a house number: "the building at 2024 Harbor Boulevard")
    while (len(tokens) > 1 and YEAR.fullmatch(tokens[0].text) and any(t.is_alpha for t in tokens[1:])
           and entity.label_ not in ("FAC", "GPE", "LOC") and tokens[-1].lower_ not in ROAD_NOUNS):  # fmt: skip
        tokens = tokens[1:]
    lowercase = [t for t in tokens if t.is_alpha and t.text.islower() and t.lower_ not in _NAME_JOINERS]
    # "the merged Tarnby and Orrin Bay fire district": the names joined are each the institution's
    lowercase = [t for t in lowercase if t.lower_ not in ("and", "or")]
    if (not capitalised or entity.label_ == "PERSON" or not lowercase
            or any(t.lemma_.casefold() not in _INSTITUTION_NOUNS for t in lowercase)):  # fmt: skip
        found = _name_constraint(entity, tokens, publisher_names, alternatives)
        return [found] if found is not None else []
    text = entity.doc.text
    near = tuple(dict.fromkeys(normalise(t.lemma_) for t in lowercase))
    found = (
        _name_constraint(entity, run, publisher_names, alternatives, text[run[0].idx : run[-1].idx + len(run[-1].text)],
                         near)
        for run in _name_runs(tokens)
    )  # fmt: skip
    constraints = [constraint for constraint in found if constraint is not None]
    if len(constraints) > 1 and any(t.lower_ in ("and", "or") for t in tokens):
        keys = [constraint.keys[0] for constraint in constraints]
        constraints = [replace(c, joined=tuple(k for k in keys if k != c.keys[0])) for c in constraints]
    return constraints


# A word in capitals that stands for several ("TIF", "EMS", "PFAS"), which articles may write out.
_AN_ACRONYM = re.compile(r"[A-Z]{2,5}s?")


def _name_constraint(entity: "Span", tokens: list["Token"], publisher_names: frozenset[str],
                     alternatives: str | None = None, shown: str | None = None,
                     near: tuple[str, ...] = ()) -> Constraint | None:  # fmt: skip
    words = [normalise(t.text) for t in tokens if t.is_alpha or any(c.isdigit() for c in t.text)]
    if not words:
        return None
    if normalise(" ".join(words)) in publisher_names:
        return None  # "according to AP": a source, not a subject
    if all(t.text.isupper() and len(t.text) <= 5 for t in tokens):
        return None  # acronyms are often written out ("EU", "UN"): not a hard constraint
    if any(_AN_ACRONYM.fullmatch(t.text) for t in tokens) and entity.label_ != "PERSON":
        # "the Commons TIF district", whose article writes "tax-increment financing": the name without its acronym
        words = [normalise(t.text) for t in tokens if (t.is_alpha or any(c.isdigit() for c in t.text))
                 and not _AN_ACRONYM.fullmatch(t.text)]  # fmt: skip
    if entity.label_ == "PERSON":
        keys: tuple[str, ...] = (words[-1],)  # a surname: first names and initials vary between outlets
    else:
        keys = (" ".join(words),)
    return Constraint(shown or entity.text, "name", label=entity.label_, keys=keys, alternatives=alternatives,
                      near=near, place_and_body=_place_and_body(entity, tokens))


# The nouns that end a local body's name after its place ("Harwick City Council", "Tarnby County Commission",
# "Orlow School Board"), and the words for its kind between ("City", "Town"). English words for kinds of bodies.
_BODY_NOUNS = frozenset({"council", "commission", "board"})
_BODY_KINDS = frozenset({"city", "town", "village", "school", "planning", "township", "borough"})
# The words news writing uses for a body or its members ("the council", "councilors", "board members").
_BODY_WORD_FORMS = {noun: frozenset({noun, noun + "s", noun + "or", noun + "ors", noun + "er", noun + "ers",
                                     noun + "man", noun + "men", noun + "woman", noun + "women"})
                    for noun in _BODY_NOUNS}  # fmt: skip


def _place_and_body(entity: "Span", tokens: list["Token"]) -> tuple[str, str] | None:
    """For an organisation named by a place and a body ("the Harwick City Council"): the place's words and the
    body's noun ("harwick", "council"); None for other names ("Harwick Savings Bank", "the Board of Education")."""
    if entity.label_ != "ORG" or len(tokens) < 2 or tokens[-1].lower_ not in _BODY_NOUNS:
        return None
    place = tokens[:-1]
    while place and place[-1].lower_ in _BODY_KINDS:
        place = place[:-1]
    if not place or not all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in _BODY_KINDS for t in place):
        return None
    return " ".join(normalise(t.text) for t in place), tokens[-1].lower_


def _in_the_dateline(place: str, text: str) -> bool:
    """Whether a normalised article opens a line with `place` as its dateline ("harwick - ...", "harwick, ohio (ap)
    - ...")."""
    # a dash after a space, or a long one ("harwick - ", "harwick—"), not a hyphen ("harwick-based")
    dateline = (rf"(?:^|\n){re.escape(place)}(?:,\s*[\w. ]{{1,15}})?(?:\s*\([^)\n]{{1,30}}\))?"
                r"(?:\s+[-—–]|\s*[—–])")
    return re.search(dateline, text) is not None


def _name_in(key: str, text: str, words: Collection[str]) -> bool:
    if " " not in key and "-" not in key:
        if key in words or f"{key}'s" in words:
            return True
        words = [w.removesuffix("'s") for w in words]
        # spellings differ between outlets ("Adebanjo" / "Adebanjoo"): a name may gain or lose
        # up to two trailing letters, but never digits (identifiers are exact)
        return len(key) >= 5 and any(
            (w.startswith(key) or key.startswith(w)) and abs(len(w) - len(key)) <= 2 and len(w) >= 5 and w.isalpha()
            for w in words
            if w[:1] == key[:1]
        )
    pattern = _name_pattern(key)  # "corliss greer" matches "corliss-greer"
    return re.search(rf"(?<!\w){pattern}(?!\w)", text) is not None


def _name_pattern(key: str) -> str:
    """A pattern for the words of `key` with anything but a word between them; a "the" inside the name may be left
    out, as outlets do ("friends of the orrick library" matches "Friends of Orrick Library"); a word before the last
    may be possessive, which the key leaves out ("pruitt hardware" matches "Pruitt's Hardware")."""
    parts = key.split()
    last = len(parts) - 1
    return "".join(
        r"(?:the\W+)?" if part == "the" and 0 < i < last
        else (_street_word(part) if i > 0 else re.escape(part)) + (r"(?:'s)?\W+" if i < last else "")
        for i, part in enumerate(parts)
    )


# A street type and the abbreviation news writing gives it in an address ("46 Pell St.", "80 Mill Rd.").
_STREET_ABBREVIATIONS = {"street": "st", "avenue": "ave", "road": "rd", "boulevard": "blvd", "drive": "dr",
                         "lane": "ln", "place": "pl", "court": "ct", "parkway": "pkwy", "highway": "hwy"}  # fmt: skip
_STREET_TYPES = {short: full for full, short in _STREET_ABBREVIATIONS.items()}


def _street_word(part: str) -> str:
    """A word of a name after its first as a pattern: a street type also as its other form ("Pell Street" matches
    "Pell St." and the other way round; not "Dr. Lee", where "Dr." comes first)."""
    full = _STREET_TYPES.get(part.rstrip("."), part.rstrip("."))
    short = _STREET_ABBREVIATIONS.get(full)
    return re.escape(part) if short is None else rf"(?:{full}|{short}\.?)"


def _stand_together(key: str, other: str, text: str) -> bool:
    """Whether the names `key` and `other` stand within _NEAR_WORDS words of each other in `text`, in one
    sentence."""
    first, second = _name_pattern(key), _name_pattern(other)
    gap = rf"(?:[^\w.;!?]+\w+){{0,{_NEAR_WORDS}}}?[^\w.;!?]+"
    return re.search(rf"(?<!\w)(?:{first}{gap}{second}|{second}{gap}{first})(?!\w)", text) is not None


def _stands_near(key: str, noun: str, text: str) -> bool:
    """Whether the name `key` stands within _NEAR_WORDS words of `noun` or a word it begins ("commission":
    "commissioners") in `text`."""
    name = _name_pattern(key)
    head = re.escape(noun[:-1] if noun.endswith("s") else noun)
    gap = rf"(?:\W+\w+){{0,{_NEAR_WORDS}}}?\W+"
    return re.search(rf"(?<!\w){name}{gap}{head}\w*|(?<!\w){head}\w*{gap}{name}(?!\w)", text) is not None


def year_ranges(text: str) -> list[tuple[str, str]]:
    """The year ranges `text` names ("2024-2025", "2024-25"), as (first year, second year)."""
    found = [(m.group(1), _full_year(m.group(1), m.group(2))) for m in _YEAR_RANGE.finditer(text)]
    return [(first, second) for first, second in found if second is not None]


def _full_year(first: str, second: str) -> str | None:
    """"2009", "10" -> "2010"; None when the second part is not the following years (not a range)."""
    full = first[:2] + second if len(second) == 2 else second
    return full if 0 < int(full) - int(first) <= 5 else None


_DATE_MENTION = re.compile(
    r"\b(?:(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?\s+(?P<day>[0-3]?\d)(?!\d)"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>"
    + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
    + r")\b)"
)


@dataclass(frozen=True)
class _DateMatch:
    start: int
    end: int
    text: str
    fields: dict[str, str]

    def group(self, name: str | int) -> str:
        return self.text if name == 0 else self.fields[str(name)]


def _date_mentions(text: str) -> list[_DateMatch]:
    """Month-and-day mentions in normalised text ("july 3", "3 july", "jul. 3")."""
    found = []
    for m in _DATE_MENTION.finditer(text):
        month = m.group("month") or m.group("month2")
        day = str(int(m.group("day") or m.group("day2")))
        found.append(_DateMatch(m.start(), m.end(), m.group(0), {"month": month, "day": day}))
    return found


# --- entity kinds ------------------------------------------------------------


def is_duration(entity_text: str) -> bool:
    """A length of time ("86 days", "about an hour", "a 30-day") rather than a point in time ("July 3")."""
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    units = any(w.rstrip("s") in _DURATION_UNITS for w in words)
    counted = any(w.isdigit() or w in _QUANTIFIERS for w in words)
    deictic = any(w in _DEICTIC and nxt.rstrip("s") in _DURATION_UNITS for w, nxt in zip(words, words[1:]))
    # ("a sixth day", "its 12th year": one of a row, not how long)
    ordinal = any(m.group(1).rstrip("s") in _DURATION_UNITS
                  for m in _AN_ORDINAL_BEFORE_A_WORD.finditer(normalise(entity_text)))  # fmt: skip
    pointed = (
        deictic
        or ordinal
        or any(w in _MONTH_NAMES or w in _WEEKDAYS or w in _POINTING_WORDS for w in words)
        or bool(YEAR.search(entity_text))
    )
    # ("750 kilowatt-hours", "700 gallons per minute": an amount of energy or a rate, measured by a time)
    return units and counted and not pointed and not _BY_A_TIME.search(entity_text)


# A unit of time that makes another unit of it ("kilowatt-hours", "staff-hours"; not "six-day") or a rate ("per
# minute"). English words.
_BY_A_TIME = re.compile(r"(?i)\b(?:kilowatt|megawatt|gigawatt|watt|man|person|labou?r|worker|staff|volunteer|patient|"
                        r"bed|passenger|vehicle|seat)-(?:hours?|days?)\b"
                        r"|\bper\s+(?:second|minute|hour|day|week|month|year)\b")


def _a_fraction(number: str) -> bool:
    """A number with a decimal part and no scale word that makes it whole ("0.5", not "1.2 million")."""
    return bool(_FRACTION.search(number)) and not _SCALE_WORDS.search(number)


# Verbs of a change in an amount: a share answers by how much ("cut travel times by 20 percent"). English verbs.
_VERBS_OF_CHANGE = frozenset({"save", "cut", "reduce", "shave", "lose", "gain", "add", "increase", "decrease",
                              "shorten", "lengthen", "trim", "slash"})  # fmt: skip


def _counts_the_focus(entity_text: str, focus: str) -> bool:
    """Whether a number right before the focus noun counts it ("14 seasons", "three terms"); not a year ("the 2019
    season")."""
    words = entity_text.split()
    return any(
        (re.fullmatch(r"\d{1,3}", first) or first.casefold() in NUMBER_WORDS) and set(stems(second)) & set(stems(focus))
        for first, second in zip(words, words[1:])
    )


def entity_fits(answer_type: str, label: str, entity_text: str, focus: str | None = None,
                asked: Collection[str] = ()) -> bool:  # fmt: skip
    """Whether an entity of `label` can answer a question of `answer_type` about `focus`, the question's content
    lemmas being `asked`."""
    if answer_type == "count" and focus and focus.rstrip("s") in _DURATION_UNITS and label in ("DATE", "TIME"):
        return is_duration(entity_text)  # "how many days ...?": "86 days" is tagged as a date, not a number
    if answer_type == "count" and focus and label in ("DATE", "TIME") and _counts_the_focus(entity_text, focus):
        return True  # "How many seasons did she coach?": the model tags "14 seasons" or "three terms" as a date
    if label == "MONEY" and _PERCENT_WORDS.search(entity_text):
        label = "PERCENT"
    if answer_type == "duration" and focus == "time" and label == "PERCENT" and set(asked) & _VERBS_OF_CHANGE:
        return True  # "How much time could drivers save?": "up to 20 percent" of it
    if label not in ANSWER_LABELS.get(answer_type, ()):
        return False
    if answer_type == "quantity" and focus in _GROUPS_OF_PEOPLE and (
        label == "MONEY" or any(unit_forms(unit).search(entity_text) for unit in MEASURE_UNITS)
    ):
        return False  # "How big was the crowd?": "More than 80", not "3 acres"
    if (answer_type == "quantity" and label == "CARDINAL"
            and (focus in _ONLY_SUMS or (focus in _SUMS_OR_COUNTS and set(asked) & _ONLY_SUMS))):  # fmt: skip
        return False  # "How big was the deficit?": a sum or a share, not "186" students
    if (answer_type == "count" and label == "QUANTITY" and focus and not set(stems(focus)) & set(stems(entity_text))
            and not (focus in MEASURE_UNITS and unit_forms(focus).search(entity_text))):  # fmt: skip
        return False  # "how many homes": "1,200 acres" measures something else; "how many feet": "2 feet" does not
    if answer_type == "count" and label == "CARDINAL" and _a_fraction(entity_text):
        return False  # "how many people": "1.5" (of a 1.5-acre lot) counts no one; "1.2 million" or "4.2 miles" do
    if label == "ORDINAL":
        return focus is None or focus in _ORDINAL_FOCUS
    if answer_type == "duration":
        return is_duration(entity_text)
    if answer_type == "date":
        return (not is_duration(entity_text) and gives_the_date_part(entity_text, focus)
                and not _a_bare_small_number(entity_text))  # fmt: skip
    return True


# Words that make a number a time: "6 a.m.", "the 1990s", "day 6", "week 3", "6 years ago".
_TIME_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                         "century", "today", "tomorrow", "yesterday", "tonight", "weekend", "season", "quarter",
                         "spring", "summer", "fall", "autumn", "winter", "ago", "now", "s"})  # fmt: skip


def _a_bare_small_number(entity_text: str) -> bool:
    """Whether a "date" the model tagged is a small number with no word of time: "under 6" of "children under 6 ride
    free" is an age; "June 6", "6 a.m.", "day 6" are times."""
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    numbers = [w for w in words if w.isdigit()]
    return (bool(numbers) and all(len(n) <= 2 for n in numbers) and not _CLOCK_TIME.search(entity_text)
            # (not "the 6th", "3/4", "'64")
            and not re.search(r"\d(?:st|nd|rd|th)\b|\d\s*[/.-]\s*\d|['’]\d\d\b", entity_text)
            and not any(w in _MONTH_NAMES or w in _WEEKDAYS or w in _TIMES_OF_DAY or w in _TIME_WORDS
                        for w in words))  # fmt: skip


# A day's name, as holidays are named: "Memorial Day", "Election Day", "Christmas Eve".
_NAMED_DAY = re.compile(r"\b(?:Day|Eve)\b")
# The ordinal words a day of a month may be written in: "the Fourth of July", "March first", "March twenty-first".
_DAY_ORDINALS = frozenset({*_ORDINAL_WORDS, "thirtieth"})


def _a_day_in_words(words: list[str]) -> bool:
    """The words give a day of a month as an ordinal word: "the fourth of july", "march first"; not "the first
    week of march"."""
    words = [w for w in words if w not in ("twenty", "thirty")]  # "march twenty-first": "march first"
    for i, word in enumerate(words):
        of_a_month = words[i + 1 : i + 2] == ["of"] and any(w in _MONTH_NAMES for w in words[i + 2 : i + 3])
        if word in _DAY_ORDINALS and of_a_month:
            return True
        if word in _MONTH_NAMES and i + 1 < len(words) and words[i + 1] in _DAY_ORDINALS:
            return True
    return False


def gives_the_date_part(entity_text: str, focus: str | None) -> bool:
    """Whether a point in time says what "what year / month / day / date" asks for: a year number for "year",
    a month for "month", a weekday for "weekday", a weekday or a day of a month for "day", a day of a month for
    "date" ("What year was the pool built?" is not answered by "Monday", nor "In what month?" by "2024").
    "What time / hour" asks for a time of day ("7:09 p.m.", "Friday evening"), not "Monday". Any point in time
    answers the other questions ("When ...?")."""
    part = (focus or "").casefold()
    words = re.findall(r"[a-z]+|\d+", normalise(entity_text))
    month = any(w in _MONTH_NAMES for w in words)
    weekday = any(w in _WEEKDAYS for w in words)
    day_of_month = ((month and any(w.isdigit() and len(w) <= 2 for w in words))
                    or bool(_NUMERIC_DATE.search(entity_text)) or _a_day_in_words(words))  # fmt: skip
    named_day = bool(_NAMED_DAY.search(entity_text))  # "Memorial Day", "Christmas Eve"
    if part == "year":
        return bool(YEAR.search(entity_text))
    if part == "month":
        return month or day_of_month
    if part == "weekday":
        return weekday
    if part == "day":
        return weekday or day_of_month or named_day
    if part == "date":
        return day_of_month
    if part in ("time", "hour"):
        return bool(_CLOCK_TIME.search(entity_text)) or any(w in _TIMES_OF_DAY for w in words)
    return True


# A time of day: "7:09 p.m.", "6 a.m.", "noon"; and the parts of a day news writing gives instead.
_CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b", re.IGNORECASE)
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight", "dawn", "dusk", "noon",
                           "midnight", "midday"})  # fmt: skip
