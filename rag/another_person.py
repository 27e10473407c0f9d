"""Value answers that belong to another person or body than the one the question names: their count, their
sum, their age, their pay, what was given them or done by them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.candidate import Candidate, span_before, text_stems, with_sentence_before
from rag.counted_nouns import _counted_noun, _counts
from rag.decisions import DECIDING
from rag.earnings import PERSONAL_SUMS
from rag.event_dates import SAYING_VERBS
from rag.models import Passage
from rag.moods import is_infinitive
from rag.name_words import PERSONS_NAME, POSSESSIVE_END
from rag.query import QuestionAnalysis
from rag.something_else import FIGURE_TYPES, PEOPLE_ASKED_OF, named_stems
from rag.text import all_stems, stems, words
from rag.value_clause import answer_clause_tokens, the_asked_act, value_verb

if TYPE_CHECKING:
    from spacy.tokens import Token


def counts_anothers(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a number answer to "How many N does X have?" counts the N of another named one: "Merriwold's 11
    teachers" for "How many teachers work at Kinloss Elementary?", "Larchmere had 41 volunteer firefighters" for
    Osprey Bay. The one the number's noun belongs to (its possessor, or the subject of "have") has a name the
    question does not give, and the question names one. False for other questions."""
    if _counts(analysis) != "count" or candidate.answer is None or not analysis.constraints:
        return False
    clause = answer_clause_tokens(candidate)
    counted = _counted_noun(clause[0]) if clause is not None else None
    if counted is None:
        return False
    owners = [c for c in counted.children if c.dep_ == "poss"]
    if counted.dep_ == "dobj" and counted.head.lemma_.casefold() in ("have", "employ"):
        owners += [c for c in counted.head.children if c.dep_ == "nsubj"]
    return _another_name_among(owners, analysis.question)


def _another_name_among(owners: list["Token"], question: str) -> bool:
    """Whether one of `owners` (possessors, subjects) is named, by no word of the question's."""
    question_stems = all_stems(question)
    for owner in owners:
        names = [t for t in owner.subtree if t.pos_ == "PROPN"]
        if names and not any(all_stems(t.text) & question_stems for t in names):
            return True
    return False


def a_sum_of_anothers(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum answering a question that names someone is the sum of another named one: "Ostrebury's share
    this year is $1.04 million" for "How much does Dunmarrow pay for the 911 center?", "Harlow's budget of $2
    million", "Harlow's $2 million budget". The noun the sum is of has a possessor whose name the question does not
    give. False for other questions, and for sums of no one's noun."""
    if (analysis.answer_type not in ("money", "quantity") or candidate.answer is None or candidate.answer[2] != "MONEY"
            or not analysis.constraints):  # fmt: skip
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    sum_token = clause[0].root
    held = None
    if sum_token.dep_ == "attr" and sum_token.head.lemma_ == "be":
        held = next((c for c in sum_token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "X's share is"
    elif sum_token.dep_ == "pobj" and sum_token.head.lower_ == "of" and sum_token.head.head.pos_ == "NOUN":
        held = sum_token.head.head  # "X's budget of $2 million"
    elif sum_token.dep_ in ("nummod", "compound", "amod") and sum_token.head.pos_ == "NOUN":
        held = sum_token.head  # "X's $2 million budget"
    if held is None:
        return False
    return _another_name_among([c for c in held.children if c.dep_ == "poss"], analysis.question)


def done_to_other_people(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a place or a date answering a question of some people ("Where was the minivan driver taken?") is
    told of others, the subject of its clause a noun for other people ("Her two children were taken by ambulance
    to Vellacott Memorial Hospital") after a sentence that calls those asked of by the question's noun (one that
    does not may call them otherwise: "students" for "kids")."""
    focus = (analysis.focus or "").casefold()
    if analysis.answer_type not in ("place", "date") or focus not in PEOPLE_ASKED_OF:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verb = clause[1]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.casefold()
    if lemma not in PEOPLE_ASKED_OF or all_stems(lemma) & all_stems(focus):
        return False
    before = span_before(candidate)
    near = candidate.passage.text[before[0] if before else candidate.start : candidate.end]
    return bool(all_stems(focus) & set(stems(near)))


def of_another_person(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether an age or a length of time answering a question about one named person belongs to someone else the
    sentence names: "Founder Margaret Tully, 79, sold the shop to Rhea Castellanos" for "How old is Rhea
    Castellanos?", "Walter Gaines, who has lived at Cedar Court for 12 years" for "How long had Lucille Ortega lived
    there?". The value stands beside the other name, or in a clause that describes it."""
    people = _people_named(analysis)
    if analysis.answer_type not in ("age", "duration") or len(people) != 1:
        return False
    if POSSESSIVE_END.search(people[0]) or re.search(rf"{re.escape(people[0])}['’]s?\b", analysis.question):
        return False  # "How old is Pellinwood's new top cop?" asks of another than the one named (and the model
        # may tag the possessive with the name: "Ashby Crossing's")
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = clause[0].root
    asked = all_stems(people[0])
    passage = candidate.passage
    if any(label in ("GPE", "LOC", "FAC") and all_stems(passage.text[s:e]) & asked for s, e, label in passage.entities):
        return False  # a place the model took for a person in the question ("How old is Pellinwood's new top cop?")
    for _ in range(_HOST_STEPS):
        if token.head.i == token.i:
            return False
        crossing = token.dep_ in ("relcl", "appos", "acl") or (token.dep_ in ("amod", "npadvmod", "nummod")
                                                               and token.head.pos_ == "PROPN")  # fmt: skip
        if token.dep_ == "relcl" and not any(t.lower_ in ("who", "whose", "whom") for t in token.children):
            return False  # "Harlow Fire Department, where she has served for 18 years": a clause of a place
        token = token.head
        if crossing:
            if token.pos_ != "PROPN" or _in_an_entity_of(passage, candidate.start + token.idx, _NOT_PEOPLE):
                return False
            name = all_stems(" ".join(t.text for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i))
            return not name & asked  # "The Ketterings, who have milked cows ..." for the Kettering family
    return False


_NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "ORG"})
_A_PERSONS_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.IGNORECASE)


def paid_to_another_person(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum answering "What was Gordon Fitch's salary?" is one the sentence gives another named person and
    not the one asked about: "The board voted to offer Castellanos, 46, a contract with a starting salary of
    $148,500" (neither it nor the sentence before names Fitch). A sentence that names no one ("Her salary was
    ...") is not judged."""
    if analysis.answer_type != "money" or analysis.focus not in PERSONAL_SUMS or candidate.answer is None:
        return False
    people = [name for name in _people_named(analysis) or _named_as_people_in(analysis, candidate.passage)
              if not _describes_a_thing(name, analysis.question)]  # fmt: skip
    if len(people) != 1:
        return False
    asked = POSSESSIVE_END.sub("", people[0].split()[-1])
    told = with_sentence_before(candidate)
    people = _people_in_sentence(candidate)
    if not re.search(rf"\b{re.escape(asked)}\b", candidate.text) and _paid_one_named(candidate, people):
        return True  # "Vetch, 48, will start ... at an annual salary of $612,000" after "Dr. Anselm Vetch, who succeeds
        # Marguerite Ollerby": the pay of the one the sentence names, whoever the sentence before names too
    if re.search(rf"\b{re.escape(asked)}\b", told):
        return False
    if _A_PERSONS_PRONOUN.search(told) and not _paid_one_named(candidate, people):
        # "his bail", "He was ...": the person asked about, by a pronoun; not after a sentence that names another
        # (other than as who says it): "... voted to hire Idris Fennimore-Hale. He will earn a coaching stipend of
        # $9,200" is not Shillingford's stipend
        return not people and _names_another_before(candidate)
    # a person named other than as who says it ("Carrack, 49, will start ..." after "hired Dr. Ysolde Carrack"; not
    # "..., Renn said")
    return any(not _a_speaker(token) for token in people.values())


def _named_as_people_in(analysis: QuestionAnalysis, passage: Passage) -> list[str]:
    """The names of the question the model did not tag as people there ("What was Shillingford's stipend?", taken for
    an organisation) whose last word is the surname of a person the passage names."""
    surnames = person_surnames(passage)
    return [c.text for c in analysis.constraints
            if c.kind == "name" and POSSESSIVE_END.sub("", c.text.split()[-1]) in surnames]  # fmt: skip


def person_surnames(passage: Passage) -> set[str]:
    """The last words of the names the model tagged as people in the passage ("Carrack" of "Dr. Ysolde Carrack")."""
    return {POSSESSIVE_END.sub("", passage.text[s:e].split()[-1])
            for s, e, label in passage.entities if label == "PERSON" and passage.text[s:e].split()}  # fmt: skip


def _describes_a_thing(name: str, question: str) -> bool:
    """Whether a name is written before a noun it describes ("the man accused of torching the Achterhof barn" asks of
    no Achterhof); not a possessive ("Shillingford's stipend")."""
    at = question.find(name)
    return at >= 0 and not POSSESSIVE_END.search(name) and bool(_A_NOUN_AFTER.match(question, at + len(name)))


# A word in lower case right after a name, which the name then describes ("the Achterhof barn").
_A_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _names_another_before(candidate: Candidate) -> bool:
    """Whether the sentence before the candidate's names a person other than as who says something."""
    before = span_before(candidate)
    if before is None:
        return False
    previous = Candidate(candidate.passage_rank, candidate.passage, before[0], before[1], {})
    return any(not _a_speaker(token) for token in _people_in_sentence(previous).values())


def _paid_one_named(candidate: Candidate, people: dict[int, "Token"]) -> bool:
    """Whether the verb a sum hangs on has a person named for its subject (one of `people`, by index), whose a
    pronoun beside it then is ("Orlowe ... will receive a $1,500 monthly stipend on top of his current salary"; not
    "Orby will pay her")."""
    clause = answer_clause_tokens(candidate)
    return clause is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in people for c in clause[1].children)


def _people_in_sentence(candidate: Candidate) -> dict[int, "Token"]:
    """The words of the candidate's sentence (in its parse, by index) that name a person: in a name the model tagged
    there, or the surname of one it tagged elsewhere in the passage."""
    passage = candidate.passage
    tagged = [(s, e) for s, e, label in passage.entities if label == "PERSON"]
    surnames = person_surnames(passage)
    doc = sentence_parse(candidate.text)
    named: dict[int, "Token"] = {}
    for token in doc:
        at = candidate.start + token.idx
        if any(s <= at < e for s, e in tagged) or (token.text in surnames and token.text[:1].isupper()):
            named[token.i] = token
    return named


def _a_speaker(token: "Token") -> bool:
    """Whether a word of a name is (in) the subject of a verb of saying: "..., Renn said", "Mayor Dale Renn said"."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_.casefold() in SAYING_VERBS


def given_for_another_named(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value answering a question that names someone is, in a sentence that gives one value each to
    several, the one given "for" or "to" another name: "$50,000 cash for Corrigan" in "set bail at $50,000 cash for
    Corrigan and $75,000 cash for Etheridge" for "What was Etheridge's bail set at?". Only when the sentence also
    gives a value "for" or "to" the one asked about, so that its own value is there."""
    if analysis.answer_type not in FIGURE_TYPES or candidate.answer is None:
        return False
    asked = named_stems(analysis)
    if not asked or not asked & text_stems(candidate.text):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    value = clause[0].root
    hosts = [value, value.head] if value.dep_ in ("nummod", "nmod", "compound") else [value]
    given_to = [o for h in hosts for o in _given_to(h)]
    # (the parser may hang the "for" right after the value on the verb: "set salaries at $90,000 for Orrin")
    given_to += [o for o in _given_to(value.head.head) if o.head.i == clause[0].end] if value.dep_ == "pobj" else []
    if not any(_name_stems(o) & asked for t in value.doc for o in _given_to(t)):
        return False  # ("award a $1.8 million contract to Greenline" for what Harlow Falls is spending)
    return any(not _name_stems(o) & asked for o in given_to)


def _given_to(token: "Token") -> list["Token"]:
    """The names a word is given "for" or "to" ("$75,000 cash for Etheridge")."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("for", "to")
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]  # fmt: skip


def _name_stems(token: "Token") -> frozenset[str]:
    """The stems of the name words of a token's phrase ("Dev Anand-Morrow")."""
    return all_stems(" ".join(t.text for t in token.subtree if t.pos_ == "PROPN"))


def done_by_another_named(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum or a count answering "How much had Marchetti raised?" is one another name's deed of the same act:
    "Hadfield has raised $61,750" (the value's verb is the question's own, or one of the same act, or a decision to
    do it, and its subject a name sharing no word with the one the question asks of); or a date: "The City Council
    voted on Tuesday to approve the plan" for when the Planning Board signed off on it. Not judged when the
    question's subject is no name, or the sentence's subject is no name ("The campaign raised ...", "She raised
    ...")."""
    if (analysis.answer_type not in ("money", "count", "quantity", "date") or not analysis.subject
            or not analysis.predicate):  # fmt: skip
        return False
    verb = value_verb(candidate)
    if verb is None:
        return False
    decided = _decided_the_asked_act(analysis, verb)
    if not (decided or the_asked_act(analysis, verb)):
        return False
    # (not a dateline's place the parser made the subject: "WRENFIELD — About 8,400 members lost"; the one after it,
    # which the parser may hang on it, "ORBY - The City Council voted")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "xcomp":
        # "Thackeray-Dunn's campaign reported raising $118,400": the raising is the reporter's
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [a for c in subjects if c.text.isupper() for a in c.children if a.dep_ == "appos"]
    subject = next((c for c in subjects if not c.text.isupper()), None)
    if subject is not None and subject.pos_ == "NOUN":
        # a name's own campaign, company or office does what the name does ("Thackeray-Dunn's campaign raised ...")
        subject = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), subject)
    if subject is None or subject.pos_ != "PROPN" or not _does_the_asked_act(analysis):
        return False
    if subject.dep_ == "nsubj" and _asked_in_the_passive(analysis):
        return False  # the judge who set it is no other one bailed: "What was Etheridge's bail set at?"
    if analysis.answer_type == "date" and not decided and not _two_peoples_names(analysis, subject):
        # (for a date, the act itself only between two people named, "When did Dorrance Brisk buy the farm?":
        # "Wilhelmina Tosh bought it Saturday"; "Ada Lim will be sworn in on Jan. 5" may well be Orby's new mayor,
        # and "The Tansey County Health Department will close its Orby clinic on Aug. 19" is when the clinic closes)
        return False
    named = [t.lower_ for t in subject.subtree if t.pos_ == "PROPN"]
    if all(word in _A_BODYS_KIND for word in named) and all(
        all_stems(word) <= all_stems(analysis.question) for word in named if word not in _A_TOWNS_KIND
    ):  # fmt: skip
        return False  # "The City Council approved ..." names no other town's council than "Carrowick's council" (but
        # "The City Council voted" is another body than the Planning Board asked about)
    return not _name_stems(subject) & all_stems(analysis.subject)


# The words of a local body's name that say only what kind it is ("the City Council", "the Board of Education"):
# such a name may be that of the body asked about under its town's name. English words.
_A_TOWNS_KIND = frozenset({"city", "town", "village", "township", "borough", "of"})
_A_BODYS_KIND = _A_TOWNS_KIND | {"school", "planning", "zoning", "select", "council", "commission", "commissioners",
                                 "board", "department", "education", "supervisors", "trustees", "selectmen",
                                 "aldermen", "committee", "health", "public", "works"}  # fmt: skip


def _two_peoples_names(analysis: QuestionAnalysis, subject: "Token") -> bool:
    """Whether the question's subject and the sentence's are both written as people's names ("Dorrance Brisk",
    "Wilhelmina Tosh"), not something of someone's ("Orby's new mayor") nor a body ("the Tansey County Health
    Department"). By the words, as the model often tags an unfamiliar person as an organisation."""
    told = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
    return bool(PERSONS_NAME.fullmatch(analysis.subject or "") and PERSONS_NAME.fullmatch(told))


def _decided_the_asked_act(analysis: QuestionAnalysis, verb: "Token") -> bool:
    """Whether the verb is a decision to do the question's act ("The City Council voted on Tuesday to approve the
    plan" for "When did the Planning Board sign off on it?"), whose subject is the one that did it."""
    return verb.lemma_.casefold() in DECIDING and any(
        c.dep_ in ("xcomp", "advcl") and is_infinitive(c) and the_asked_act(analysis, c) for c in verb.children
    )


def _does_the_asked_act(analysis: QuestionAnalysis) -> bool:
    """Whether the question's named subject is the subject of its own verb ("How much had Marchetti raised?"), not
    of a clause on it ("How many lost power when the Linwood transformer failed?")."""
    asked = set(words(analysis.subject or ""))
    return any(t.lemma_.casefold() == analysis.predicate and any(
        c.dep_ in ("nsubj", "nsubjpass") and asked & {w.lower_ for w in c.subtree} for c in t.children
    ) for t in sentence_parse(analysis.question))  # fmt: skip


def _asked_in_the_passive(analysis: QuestionAnalysis) -> bool:
    """Whether the question's own verb is a passive participle ("What was Etheridge's bail set at?", "How much was
    Hollis paid?"), whose subject is what the act was done to, not its doer. The model may parse the participle
    as a clause of "was", or tag it as a past, so a participle hung on "be" or a verb with a passive auxiliary
    counts."""
    return any(t.lemma_.casefold() == analysis.predicate and (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or (t.tag_ == "VBN" and t.head.lemma_ == "be")
    ) for t in sentence_parse(analysis.question))  # fmt: skip


def _people_named(analysis: QuestionAnalysis) -> list[str]:
    """The people the question names: those the model tagged, else two untagged capitalised words in a row."""
    return [name for name, label in analysis.entities if label == "PERSON"] or _untagged_full_names(analysis)


def _untagged_full_names(analysis: QuestionAnalysis) -> list[str]:
    """Two capitalised words in a row that the model tagged as nothing, which the question gives as two names of
    its own: a person's first name and surname ("How long has Gwen Hollis been fair manager?")."""
    untagged = [c.text for c in analysis.constraints if c.kind == "name" and c.label is None and " " not in c.text]
    runs: list[list[str]] = []
    for word in untagged:
        if runs and f"{runs[-1][-1]} {word}" in analysis.question:
            runs[-1].append(word)
        else:
            runs.append([word])
    # (three or more are the name of a place or a body: "Orlow County Fair")
    return [" ".join(run) for run in runs if len(run) == 2]


def _in_an_entity_of(passage: Passage, at: int, labels: frozenset[str]) -> bool:
    """Whether the character at `at` in the passage lies in an entity of one of `labels`."""
    return any(s <= at < e and label in labels for s, e, label in passage.entities)


# How many heads up from a value its host may stand ("12 years" <- "for" <- "lived" <- "who ..." of "Gaines").
_HOST_STEPS = 6


def saved_for_another_named(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum answering what a name saves, gains or is given ("How much will Vantry County save by merging
    the jails?") is told of another name the act is done for, by a verb with two objects: "the merger would save
    Osterhay about $3.5 million a year" (the act asked; its subject not the name asked; its first object a name
    sharing no word with it)."""
    if analysis.answer_type not in ("money", "quantity") or not analysis.subject or not analysis.predicate:
        return False
    verb = value_verb(candidate)
    if verb is None or not the_asked_act(analysis, verb) or not _does_the_asked_act(analysis):
        return False
    asked = all_stems(analysis.subject)
    if any(c.dep_ == "nsubj" and _name_stems(c) & asked for c in verb.children):
        return False
    # (the parser may take the first of the two objects for the verb's only one: "save Ashcombe about $3.5 million")
    return any(c.dep_ in ("dative", "dobj") and c.pos_ == "PROPN" and not _name_stems(c) & asked
               for c in verb.children)  # fmt: skip
