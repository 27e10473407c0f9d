"""Who holds a post for good, and who leaves it.

For good or for now: "Who did the board pick as its permanent superintendent?" is not answered by a sentence that
names someone to the post for now ("named Deputy Chief Marisol Tenbrook as interim chief", "will lead the district
on an interim basis", "will lead the body until the council appoints a permanent chair"). News marks a stand-in
with a handful of English words (interim, acting, temporary, caretaker), or names the one for good as still to
come ("until ... a permanent chair"); a sentence that calls the one named the permanent holder answers.

Coming or going: who comes to a post (whom a board hired, named or picked; the new or the permanent holder) is not
one the sentence says leaves it ("will resign as president", "the departure of ... Honoria Blakesley, who resigned
in April").

Both read what the sentence says of the name's own post: its title and apposition ("Interim Chief Lena Marsh",
"the interim chief, Lena Marsh") and its verb's words of the post ("as interim chief", "on an interim basis",
"temporarily", "its permanent chief"), not a clause about another time ("who had been interim superintendent since
March") nor another person ("over acting superintendent Tom Reed").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.another_person import person_surnames
from rag.answer_entities import PICKING_VERBS
from rag.candidate import Candidate, sentence_spans, with_sentence_before
from rag.name_words import POSSESSIVE_END
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.value_clause import answer_clause_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of a post someone holds, which "permanent", "new" or "next" must describe for a question to ask who comes
# to one ("Who proposed the new ordinance?" asks no post). English nouns.
_POSTS = frozenset(
    "chief director superintendent chair chairman chairwoman chairperson president mayor sheriff judge principal "
    "provost dean captain coach manager administrator clerk treasurer master harbormaster officer head leader "
    "commissioner secretary executive ceo cfo librarian planner engineer auditor assessor pastor minister editor "
    "curator warden marshal controller comptroller attorney solicitor inspector supervisor coordinator".split()
)
_FOR_GOOD_WORDS = frozenset({"permanent", "permanently"})
_COMING_WORDS = _FOR_GOOD_WORDS | {"new", "next", "incoming"}
# Words of a post held for now (not "acting" as a verb: "the board, acting on the firm's advice")
_FOR_NOW = re.compile(r"(?i)interim|acting|temporary|temporarily|caretaker|stopgap")
# Words before "permanent" that make it another's: "the last permanent chief" (one gone)
_GONE_BEFORE = frozenset({"last", "former", "previous"})
# Clauses that tell the one for good is still to come: "until the council appoints a permanent chair"
_UNTIL = frozenset({"until", "till", "while", "before"})
# Verbs of leaving a post (and "step" of "step down"), the ones also said of someone aside ("X, who retired in
# April"), and nouns of leaving ("the departure of X"). English words.
_LEAVING = frozenset({"resign", "retire", "quit", "leave", "depart", "step"})
_LEAVING_ASIDE = frozenset({"resign", "retire", "step"})
_LEAVING_NOUNS = frozenset({"departure", "retirement", "resignation", "exit", "ouster"})
# What "leave" leaves when it is a post: "left the department" (not "left the hearing before the vote")
_LEFT_BODIES = _POSTS | {"job", "post", "position", "office", "role", "department", "force", "district", "board",
                         "company", "firm", "council", "agency", "school", "town", "city", "county"}  # fmt: skip


def held_for_now(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a person answering a question that asks who holds a post for good ("permanent", "permanently") is
    one the sentence names to the post for now ("Interim Chief Lena Marsh", "as acting director", "on an interim
    basis", "will lead the board until the council appoints a permanent chair") and does not call the permanent
    holder. False for other questions."""
    if analysis.answer_type != "person" or candidate.answer is None:
        return False
    if not _asks_of_a_post(analysis.question, _FOR_GOOD_WORDS):
        return False
    name = _name_head(candidate)
    if name is None:
        return False
    said = _said_of_the_post(name)
    if any(t.lower_ in _FOR_GOOD_WORDS and (t.i == 0 or t.doc[t.i - 1].lower_ not in _GONE_BEFORE) for t in said):
        return False  # "The board made interim chief Ada Voss its permanent chief"
    if any(_FOR_NOW.fullmatch(t.text) and t.pos_ != "VERB" for t in said):
        return True
    verb = _holder(name).head
    return _holder(name).dep_ == "nsubj" and any(
        c.dep_ == "advcl" and any(m.lower_ in _UNTIL for m in c.children if m.dep_ == "mark")
        and any(t.lower_ == "permanent" for t in c.subtree)
        for c in verb.children
    )  # fmt: skip


def leaves_the_post(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a person answering who comes to a post (whom someone hired, named or picked; who is the new, next
    or permanent holder) is one the sentence says leaves a post: "Ingeborg Vennersby will resign as president",
    "the departure of the city's longtime sanitation director, Honoria Blakesley, who resigned in April", "after
    Superintendent Ambrose Kettleby leaves". Not one the sentence picks ("picked Hector Vail, who will resign as
    Marrowick's superintendent, to lead the district"), nor one who leaves for the post asked ("left to become
    Dunmere's superintendent"). False for other questions, and for questions of leaving ("Who said they would
    retire?")."""
    if analysis.answer_type != "person" or candidate.answer is None:
        return False
    question = sentence_parse(analysis.question)
    if any(t.lemma_.casefold() in _LEAVING | _LEAVING_NOUNS for t in question):
        return False
    if (analysis.predicate not in PICKING_VERBS and not _asks_of_a_post(analysis.question, _COMING_WORDS)
            and not _asks_who_holds_it_for_now(analysis.question)):  # fmt: skip
        return False
    name = _name_head(candidate)
    if name is None:
        return False
    holder = _holder(name)
    if holder.dep_ in ("dobj", "nsubjpass") and holder.head.lemma_.casefold() in PICKING_VERBS:
        return False  # the sentence picks them
    if any(_FOR_NOW.fullmatch(t.text) and t.pos_ != "VERB" for t in _said_of_the_post(name)) or (
        _FILLING_IN.search(candidate.text) and holder.dep_ == "nsubj"
    ):
        return False  # "Interim Superintendent Nell Quarry, who will retire in June", "X ... is filling in as ..."
    # "..., who resigned in April"; "The last chief, Ivo Renn, left in January", its verb parsed as the title's
    verbs = [c for t in {name, holder} for c in t.children
             if (c.dep_ == "relcl" and _leaving(c, _LEAVING_ASIDE)) or (c.dep_ == "acl" and _leaving(c, _LEAVING))]
    if holder.dep_ == "nsubj" and _leaving(holder.head, _LEAVING):
        verbs.append(holder.head)  # "will resign as president", "after Superintendent Kettleby leaves"
    gives_notice = any(c.dep_ == "dobj" and c.lemma_.casefold() in _LEAVING_NOUNS for c in holder.head.children)
    from_another = any(t.dep_ == "prep" and t.lower_ == "from" for t in holder.head.subtree)
    if holder.dep_ == "nsubj" and gives_notice and not from_another:
        return True  # "Treasurer Ned Roe submitted his resignation" (not "her resignation from the school board")
    if any(not _goes_to_the_post_asked(verb, analysis) for verb in verbs):
        return True
    return (holder.dep_ == "pobj" and holder.head.lower_ == "of"
            and holder.head.head.lemma_.casefold() in _LEAVING_NOUNS)  # fmt: skip


# "Who is filling in as treasurer?", "Who is standing in for the chief?": who holds a post for now (not "Who filled in
# the pothole?", nor "Who is standing in the way?").
_FILLING_IN = re.compile(r"(?i)\b(?:fill|fills|filling|filled|stand|stands|standing|stood)\s+in\s+(?:as|for)\b")
# Words of a post held for now, before the post's noun ("the acting fire chief"; not "Who is acting on it?").
_FOR_NOW_WORDS = frozenset({"interim", "acting", "temporary", "temporarily", "caretaker", "stopgap"})


def _asks_who_holds_it_for_now(question: str) -> bool:
    """Whether the question asks who holds a post for now: one filling in or standing in, or its acting or interim
    holder ("Who is serving as acting fire chief?")."""
    return bool(_FILLING_IN.search(question)) or _asks_of_a_post(question, _FOR_NOW_WORDS)


def _asks_of_a_post(question: str, words: frozenset[str]) -> bool:
    """Whether one of `words` describes a post the question names ("the permanent police chief", "its next harbor
    master"), or said of its verb ("Who will permanently lead the board?")."""
    doc = sentence_parse(question)
    for token in doc:
        if token.lower_ not in words:
            continue
        if token.pos_ == "ADV":
            return True  # "Who will permanently lead the board?": who does it for good
        noun = token.head
        while noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head  # "the new fire chief", parsed "new" on "fire"
        if noun.lemma_.casefold() in _POSTS:
            return True
    return False


def _name_head(candidate: Candidate) -> "Token | None":
    """The head word of the answer's name in the parse of its own sentence."""
    start, end = _answers_sentence(candidate)
    assert candidate.answer is not None
    s, e = candidate.answer[0] - start, candidate.answer[1] - start
    doc = sentence_parse(candidate.passage.text[start:end])
    name = [t for t in doc if s <= t.idx < e]
    return next((t for t in name if not s <= t.head.idx < e or t.head.i == t.i), None)


def _holder(name: "Token") -> "Token":
    """The noun that stands for the one named in the sentence: the name, or the title it is in apposition to ("the
    city's longtime sanitation director, Honoria Blakesley")."""
    return name.head if name.dep_ == "appos" else name


def _said_of_the_post(name: "Token") -> list["Token"]:
    """The words the sentence says of the named one's post: the name's phrase and its title's (not a clause of
    theirs, "who had been interim superintendent since March"), and its verb's words of the post ("as interim
    chief", "on an interim basis", "its permanent chief", "temporarily"; not "over acting superintendent Tom
    Reed")."""
    holder = _holder(name)
    phrase = {*name.subtree, *holder.subtree}
    aside = {t for c in phrase if c.dep_ in ("relcl", "acl") for t in c.subtree}
    said = [t for t in phrase if t not in aside]
    verb = holder.head
    if holder.dep_ in ("nsubj", "nsubjpass", "dobj", "oprd") and verb.i != holder.i:
        for child in verb.children:
            post = child.dep_ in ("attr", "oprd", "advmod") or (child.dep_ == "prep" and child.lower_ in ("as", "on"))
            if post:
                said += list(child.subtree)
            elif child.dep_ == "xcomp":  # "named X to serve as interim chief"
                said += [t for c in child.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
    return said


def _goes_to_the_post_asked(verb: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether where the one who leaves goes ("left to become Dunmere's superintendent", "resigned to join ...",
    "left for a job in Dunmere") names a name the question gives: Vail leaves one post for the one asked. (Not the
    post left: "will resign as president of Ossery State".)"""
    asked = all_stems(" ".join(c.text for c in analysis.constraints if c.kind == "name"))
    # (an infinitive, "to become ...", not any clause: "after 14 years running Tolvern's waterfront" is the post left)
    going = [c for c in verb.children
             if (c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
             or (c.dep_ == "prep" and c.lower_ in ("for", "to"))]  # fmt: skip
    return bool(asked) and any(all_stems(t.text) & asked for c in going for t in c.subtree if t.pos_ == "PROPN")


def _leaving(verb: "Token", verbs: frozenset[str]) -> bool:
    """Whether `verb` is one of `verbs`: "step" only with "down" or "aside", "leave" only a post or a body ("left
    the department", "will leave in June"; not "left the hearing before the vote")."""
    lemma = verb.lemma_.casefold()
    if lemma == "step":
        return "step" in verbs and any(c.lower_ in ("down", "aside") for c in verb.children)
    if lemma == "leave":
        left = [c for c in verb.children if c.dep_ == "dobj"]
        return "leave" in verbs and all(c.pos_ == "PROPN" or c.lemma_.casefold() in _LEFT_BODIES for c in left)
    return lemma in verbs


def _answers_sentence(candidate: Candidate) -> tuple[int, int]:
    """Where the sentence holding the candidate's answer stands in its passage: a candidate may run on into the
    next sentence ("... said she would apply for the permanent job")."""
    at = candidate.answer[0] if candidate.answer is not None else candidate.start
    return next(((s, e) for s, e in sentence_spans(candidate.passage) if s <= at < e), (candidate.start, candidate.end))


# "How long has Merritt Galloway been highway superintendent?", "How long had she served as chief?": a person's time
# in a post, and who the question says held it.
_ASKS_A_TENURE = re.compile(r"(?i)\W*how\s+long\s+(?:has|had|have)\s+(?P<who>.+?)\s+(?:been|served|worked|led|run|"
                            r"headed|coached|chaired|directed|managed|held)\b")
# Verbs that tell a time in a post: "has served as chief for 12 years", "has been director since 2019", "has led the
# department for a decade", "joined the force in 2009", "spent 14 years as chief". English verbs.
_TENURE_VERBS = frozenset({"be", "serve", "work", "lead", "run", "head", "hold", "coach", "chair", "direct", "manage",
                           "join", "spend", "teach", "remain", "stay"})  # fmt: skip
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_RELATIVE_PRONOUNS = frozenset({"who", "that"})


def lasts_for_another_tenure(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """For "How long has Merritt Galloway been highway superintendent?": whether a length of time is no time of his
    in a post: told in a sentence that names him not, nor does the one before ("Deputy Chief Oren Blaise said the
    department has had to borrow a truck three times since January"), of another's act ("drivers have complained
    for two years"), or of another act of anyone ("approved a new three-year contract for Town Manager X"). Only when
    the question's name is a person's, by the model's tag of it or a person of that surname in the article."""
    asked = _ASKS_A_TENURE.match(analysis.question)
    if analysis.answer_type != "duration" or candidate.answer is None or asked is None:
        return False
    surname = POSSESSIVE_END.sub("", asked.group("who").split()[-1])
    named = any(label == "PERSON" and surname in name for name, label in analysis.entities)
    if surname not in person_surnames(candidate.passage) and not named:
        return False  # "How long has Kettleby's Pharmacy been on Lantern Street?" asks of no person
    if not re.search(rf"\b{re.escape(surname)}\b", with_sentence_before(candidate)):
        return True
    clause = answer_clause_tokens(candidate)
    if clause is None or clause[1].pos_ not in ("VERB", "AUX"):
        return False
    span, verb = clause
    if any(t.dep_ == "appos" for t in span.root.ancestors if t.i != verb.i and verb in t.ancestors):
        return False  # "X, director of the museum for the past nine years, has resigned": the time is not the verb's
    if verb.lemma_.casefold() not in _TENURE_VERBS:
        return True
    return any(not _the_person(c, verb, surname) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _the_person(subject: "Token", verb: "Token", surname: str) -> bool:
    """Whether a verb's subject is the person of `surname`: by name, by a personal pronoun, or by "who" in a clause
    that describes the name ("Denise Okafor, who has run the airport for nine years")."""
    text = subject.doc.text
    if subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        named = verb.head
        return surname in text[named.left_edge.idx : named.idx + len(named)]
    said = text[subject.left_edge.idx : subject.right_edge.idx + len(subject.right_edge)]
    return surname in said or subject.lower_ in _PERSONAL_PRONOUNS
