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

Each is read in a module of its own: `rag.expected_answer` (question word, answer
type, focus; `rag.answer_types` says which entities fit each type),
`rag.question_constraints` (`rag.constraint` says where each holds),
`rag.question_verbs`, `rag.moods`, `rag.slots`, `rag.asked_roles` and
`rag.question_parts`; this module puts them together.

Retrieval, the extractive answerer and the chat rewrite all use the same
`QuestionAnalysis`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Collection

from rag.answer_types import ANSWER_LABELS, TYPED_ANSWERS, AnswerType
from rag.asked_roles import (
    LEADING_ROLES, agent_verbs, asked_role, has_an_object, identity_name, post_after_as, the_role,
)  # fmt: skip
from rag.constraint import Constraint
from rag.expected_answer import (
    _ages_a_person, _answer_type, _asks_which, _focus_asked, _question_word, describe_question_word, long_thing,
)  # fmt: skip
from rag.moods import Mood, asks_now, asks_so_far, asks_when_it_is_set, question_mood
from rag.question_constraints import _NAME_LABELS, _constraints, several_times_are_alternatives
from rag.question_parts import question_parts
from rag.question_verbs import _asked_verb_forms, _predicate, describing_verbs, phrasal_forms, verb_forms
from rag.slots import Slot, _asked_slot, _doer, after_a_preposition
from rag.verb_classes import LINKING_VERBS
from rag.wordless import names_nothing

if TYPE_CHECKING:
    from spacy.tokens import Doc

# "the name of the park", "the names of the roads"
_NAME_OF = re.compile(r"\bnames?\s+of\b", re.IGNORECASE)


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
    # "?", "a", "🙂", "普京和特朗普的电话持续了多久？": no English content word, nothing to look for (rag.wordless)
    names_nothing: bool = False
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
    # space-separated ("head president director ..."); None for other questions (asked_role, LEADING_ROLES)
    role: str | None = None
    # "Who was hired as Orby's auditor?", "Who will serve as interim principal?": the post after the verb's "as", which
    # a person the sentence gives another post is not asked for ("sworn in as district attorney" for a coroner); None
    # for other questions (rag.asked_roles.post_after_as)
    post: str | None = None
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
    from index.nlp import keep_as_sentence_parse, parse

    doc = parse(question)
    keep_as_sentence_parse(question, doc)
    parts = question_parts(doc)
    wh = _question_word(doc)
    answer_type, focus = _answer_type(doc, wh)
    role = asked_role(wh) if answer_type == "person" else None
    described = focus if focus is not None else role
    predicate = _predicate(doc)
    mood = question_mood(doc)
    slot = _asked_slot(wh)
    # "Who heads the trust?": whoever the articles call its director or president (or say heads it)
    # (only with an object: "Who is running for mayor?" asks for no one who runs something)
    leads = answer_type == "person" and role is None and slot == "subject" and has_an_object(doc, predicate)
    leading = LEADING_ROLES.get(predicate or "") if leads else None
    return QuestionAnalysis(
        question=question,
        answer_type=answer_type,
        question_word=describe_question_word(wh),
        focus=focus.lemma_.casefold() if focus is not None else None,
        focus_is_plural=focus is not None and focus.tag_ in ("NNS", "NNPS"),
        focus_asked=_focus_asked(wh, focus),
        constraints=several_times_are_alternatives(tuple(_constraints(doc, publisher_names))),
        entities=tuple((e.text, e.label_) for e in doc.ents),
        content_lemmas=tuple(
            t.lemma_.casefold() for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop
        ),
        predicate=predicate,
        predicate_forms=verb_forms(predicate) + phrasal_forms(doc, predicate),
        about_the_assistant=_about_the_assistant(doc),
        names_nothing=names_nothing(doc),
        mood=mood,
        so_far=asks_so_far(doc, predicate, mood),
        now=asks_now(doc, mood),
        ahead=answer_type == "date" and asks_when_it_is_set(doc, mood),
        subject=_subject_name(doc),
        parts=tuple(_analyse(part, publisher_names) for part in parts) if len(parts) > 1 else (),
        asks_which=_asks_which(wh),
        identity_of=identity_name(doc, wh),
        negative=any(t.dep_ == "neg" for t in doc),
        focus_verb_forms=tuple(
            form for verb in describing_verbs(described) + agent_verbs(role) + ([predicate] if leading else [])
            for form in verb_forms(verb)
        ),
        role=the_role(role, leading),
        post=post_after_as(wh) if answer_type == "person" else None,
        asked_slot=slot,
        asked_of=_doer(wh) if slot == "object" or after_a_preposition(wh) else None,
        asked_verb_forms=_asked_verb_forms(doc) if answer_type == "yes_no" else (),
        ages_a_person=answer_type == "age" and _ages_a_person(doc, wh),
        length_of=long_thing(wh) if answer_type == "duration" else (),
    )


def _subject_name(doc: "Doc") -> str | None:
    """The name that is the subject of the question's verb: "China" in "How did China respond to ...?", "Corvale
    Dairy" in "How many drivers has Corvale Dairy hired?" (where the parser makes it the object of "has"), the
    owner in "What did Lanford's mayor say?"; None when the subject is no name ("How many homes were lost?")."""
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj") or token.head.dep_ == "relcl":
            continue
        if token.dep_ == "dobj" and token.head.lemma_ not in LINKING_VERBS:
            continue  # a real object: what the subject did something to
        named = token if token.ent_type_ in _NAME_LABELS else next(
            (c for c in token.children if c.dep_ in ("poss", "compound") and c.ent_type_ in _NAME_LABELS), None)
        if named is None:
            continue
        entity = next((e for e in doc.ents if e.start <= named.i < e.end), None)
        if entity is not None:
            return entity.text
    return None


def _about_the_assistant(doc: "Doc") -> bool:
    """The question's subject is "you" (or "your ..."): it asks about whoever answers, not about the news."""
    for token in doc:
        main_clause = token.head.dep_ == "ROOT"
        if token.dep_ in ("nsubj", "nsubjpass", "attr") and token.lower_ in ("you", "yourself") and main_clause:
            return True
        if token.lower_ == "your" and token.head.dep_ in ("nsubj", "nsubjpass", "attr") and token.head.head.dep_ == "ROOT":
            return True
    return False
