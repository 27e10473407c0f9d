"""Whether a sentence gives the reason a "why" question asks for, read from its parse.

A news lead tells the event and who says so ("Walt Hayden has resigned, athletic director Gina Farris said
Friday."): its verb of saying attributes the event, it gives no reason for it. A reason is a causal word
("because", "due to", "citing", "blamed"), a cause told after the event's own verb ("was shut Monday after
inspectors found corrosion", not "resigned less than two years after taking the job"), a purpose ("closed the
road to replace a culvert"), what the event is "for" ("fined for failing to report two falls"), or someone's
account that tells something other than the event ("Owner Lynn Marchand said the new landlord doubled her rent").
An event told aside, in a clause hung on the sentence's own news ("Brisco, who retired in 2021, said ..."), has its
reasons in that clause only, and the sentence after it carries the other news on unless it names the event's doer.
The words are English function words and verbs, not any corpus's.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from index.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from index.nlp import sentence_parse
from rag.answer_text import display_text
from rag.asked_roles import PEOPLES_NOUNS
from rag.candidate import Candidate, span_after, text_stems
from rag.candidates import SINCE_A_TIME
from rag.expected_answer import CAUSE_VERBS
from rag.query import QuestionAnalysis
from rag.question_verbs import verb_forms
from rag.text import all_stems, stems
from rag.verb_meanings import PHRASAL_MEANINGS, same_act
from rag.votes import asks_of_a_voter

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Causal connectives and verbs of causing or blaming: each gives a reason wherever it stands.
_CAUSAL_WORDS = re.compile(
    r"\b(?:because|due (?:\w+ ){0,2}?to|owing to|as a result|so that|in order to|reasons?|why|cit(?:e|ed|es|ing)|"
    r"blam(?:e|ed|es|ing)|caus(?:e|ed|es)|led to|amid|concerns?|worr(?:y|ied|ies)|explained|explaining|argued|"
    r"arguing|stemm(?:ed|ing) (?:\w+ )?from|driven (?:\w+ )?by|prompted|in response to|in light of|"
    r"trac(?:ed|es|ing) (?:\w+ )?to|attribut(?:ed|es|ing)|thanks to|now that|in protest|forc(?:ed|es)|"
    r"spark(?:ed|s)|trigger(?:ed|s)|"
    r"c(?:ame|omes|oming) from|follow(?:s|ed)(?! by))\b",
    re.IGNORECASE,
)
# How far down the ranking a sentence of the best one's article that tells the event with its cause is looked for,
# when the best and the sentence after it give no reason (six: news puts figures and history between the lead and
# its cause; on the development probes causes ranked fourth and fifth were missed, and none further down was new)
CAUSE_WINDOW = 6
# How far down it is looked for when the best gives a reason but not for the event asked about (by its own verb).
ENOUGH_CAUSE_WINDOW = 5
# Verbs whose clause is someone's account: "said", "told", "according to".
_SAYING_LEMMAS = frozenset({"say", "tell", "write", "add", "note", "state", "announce", "explain", "believe"})
_ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)
# "since" after a perfect tense measures a time up to now, and gives no reason: "has run the district since X
# resigned" (rag.candidates.SINCE_A_TIME reads "since 2020", "since last spring").
_SINCE_A_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+){0,4}?since\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# "since" after a superlative or a first measures a time too: "the largest layoffs since the mill closed", "the
# first time since the flood"
_SINCE_A_RECORD = re.compile(r"\bthe\s+(?:\w+est|most|least|first|only|worst|best)\b[^.;,]{0,60}?\bsince\b",
                             re.IGNORECASE)
# Units of time: "two years after taking the job" and "after 25 years" tell when, not why.
_TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade", "season", "term",
     "semester", "session", "meeting", "shift"}
)  # fmt: skip
_SOME = frozenset({"a", "an", "few", "several", "many", "some", "the"})
_SOON = frozenset({"shortly", "soon", "long", "just", "right", "immediately", "moments", "hours", "days", "weeks"})
# Verbs of a body deciding: "after the council voted" tells the decision that made something happen, not why.
_DECIDING_VERBS = frozenset({"vote", "approve", "decide", "agree", "authorize", "sign", "pass", "adopt", "meet"})
# Nouns of time a "for" or "over" phrase may hold: "closed for the season", "for good", "over the weekend".
_TIME_OF_FOR = _TIME_UNITS | {"winter", "spring", "summer", "fall", "autumn", "holiday", "holidays", "now", "good",
                              "time", "rest", "remainder", "duration", "first", "second", "third", "last"}  # fmt: skip
# Words of a time "after" may give: "after Friday", "after Dec. 31", "after the holidays".
_TIME_WORDS = _TIME_OF_FOR | set(MONTH_NUMBERS) | {day.casefold() for day in WEEKDAY_NAMES}


def gives_a_reason(text: str, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence `text` gives a reason for the event `analysis` asks "why" of."""
    return reason_in(text, analysis) is not None


def _a_causal_word(text: str) -> bool:
    """Whether the sentence gives a cause by a word for one ("because", "due to", a causal "since")."""
    told = _SINCE_A_RECORD.sub(" ", _SINCE_A_PERFECT.sub(" ", SINCE_A_TIME.sub(" ", text)))
    return bool(_CAUSAL_WORDS.search(told) or _SINCE.search(told))


def reason_in(text: str, analysis: QuestionAnalysis, following: bool = False) -> Literal["cause", "account"] | None:
    """How the sentence `text` gives a reason for the event `analysis` asks "why" of: a "cause" in so many words
    (a causal word, or a cause, purpose or ground on the event's verb), only someone's "account" of something
    else ("Owner Lynn Marchand said the new landlord doubled her rent"), or None. A sentence `following` the one
    that tells the event gives no cause by an "after" of its own ("A neighbor called 911 after seeing flames")."""
    doc = sentence_parse(display_text(text))  # a dateline ("GRANTVILLE - With ...") would be parsed into the clause
    event = _event_words(doc, analysis)
    aside = told_aside(event)
    # an event told aside has its causes in its own clause: "Brisco, who retired in 2021, said Kirwan was reassigned
    # because of staffing needs" gives no reason why Brisco retired
    if _a_causal_word(text if aside is None else " ".join(_clause_text(clause) for clause in aside)):
        return "cause"
    if any(_cause_of(verb, told=token) for token in event for verb in _clause_verbs(token)):
        return "cause"
    if any(_meant_to_do(token, event) for token in doc):
        return "cause"  # "the switch is meant to cut fuel costs": a noun of the event, and its purpose
    if not event and not following and (
        any(t.lower_ == "after" and _after_a_cause(t) for t in doc) or any(_cause_of(verb) for verb in _main_verbs(doc))
    ):
        # the event told in words the question does not use ("Swimming was banned after samples showed E. coli"
        # for "Why is the beach closed?"): a cause after it, or a purpose on its verb, is still its
        return "cause"
    # someone's account gives a reason when it tells something other than the event asked about
    return "account" if _an_account(doc, analysis.question, following) and not event else None


# Dependencies of a clause hung on another word: a relative clause ("Brisco, who retired in 2021, said ..."), a
# participle's ("the dam, built in 1931") and an adverbial clause ("... for the first time since the creek flooded").
_HUNG_CLAUSES = frozenset({"relcl", "acl", "advcl"})


def told_aside(event: list["Token"]) -> list["Token"] | None:
    """The verbs heading the clauses the event is told in, when every verb telling it stands in a clause hung on
    another word of the sentence, whose own news is something else; None when a verb tells it in the main clause
    (or in what a main verb of saying reports), or a noun tells it."""
    if not event or any(t.pos_ not in ("VERB", "AUX") for t in event):
        return None
    clauses = []
    for token in event:
        head = token
        while head.dep_ not in _HUNG_CLAUSES:
            if head.head.i == head.i:
                return None
            head = head.head
        clauses.append(head)
    return clauses


def _clause_text(clause: "Token") -> str:
    """The clause's words without the word that opens it, which ties it to the rest of the sentence ("since the
    superintendent resigned" says nothing of why he resigned)."""
    opening = {c.i for c in clause.children if c.dep_ in ("mark", "advmod") and c.i < clause.i}
    return " ".join(t.text for t in clause.subtree if t.i not in opening)


def _doer_aside(clause: "Token") -> set[str] | None:
    """The stems of who or what does the event in a clause told aside: its subject, or the noun a relative clause or
    a participle hangs on ("a 1998 pumper that failed its test": "pumper"); None for a pronoun or none found."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        subject = clause.head if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i else None
    if subject is None or subject.pos_ == "PRON":
        return None
    words = [subject, *(c for c in subject.children if c.dep_ in ("compound", "flat"))]
    return set(stems(" ".join(t.text for t in words))) or None


def _event_words(doc: "Doc", analysis: QuestionAnalysis) -> list["Token"]:
    """The words of the sentence `doc` that tell the event `analysis` asks "why" of (`_tells_the_event`)."""
    acts = asked_acts(analysis)
    return [t for t in doc if _tells_the_event(t, acts, analysis)]


def _main_verbs(doc: "Doc") -> list["Token"]:
    """The sentence's own verb, and what it reports when that is a verb of saying ("X closed ..., police said")."""
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    return roots + [c for r in roots if r.lemma_.casefold() in _SAYING_LEMMAS for c in r.children if c.dep_ == "ccomp"]


def asked_acts(analysis: QuestionAnalysis) -> frozenset[str]:
    """The verb lemmas the question's event goes by: its verb or, for a phrasal verb, the one verb it means ("call
    off": "cancel", not "call"); none for a verb of causing ("What caused the outage?" asks of the outage)."""
    predicate = analysis.predicate
    if predicate is None or predicate in CAUSE_VERBS:
        return frozenset()
    question_words = set(re.findall(r"[a-z]+", analysis.question.casefold()))
    meanings = {meaning for (verb, particle), meaning in PHRASAL_MEANINGS.items()
                if verb == predicate and particle in question_words
                and ((verb, particle) not in _PARTICLE_NEXT or _particle_next(analysis.question, verb, particle))}
    if meanings & _LEAVING_MEANINGS and not _leaves_with_its_particle(analysis.question, predicate):
        meanings -= _LEAVING_MEANINGS  # "Why did the crew pull out the old mains?", "the price drop for out-of-town"
    if predicate in _SAYING_LEMMAS:
        # "Why does Vessenbrook say it needs a stormwater fee?" asks why it is needed as well
        meanings |= {c.lemma_.casefold() for t in sentence_parse(analysis.question) if t.lemma_.casefold() == predicate
                     for c in t.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and c.lemma_ != "be"}
        meanings.add(predicate)
    return frozenset(meanings or {predicate})


# Phrasal verbs whose particle is read only right after the verb: "lay off 40 workers", "laid off", not "lay cable off
# the coast".
_PARTICLE_NEXT = frozenset({("lay", "off")})


def _particle_next(question: str, verb: str, particle: str) -> bool:
    """Whether a form of `verb` in the question ("lay", "lays", "laid") is followed right away by `particle`."""
    forms = {*verb_forms(verb), f"{verb}s", f"{verb}ing"}
    said = re.findall(r"[a-z]+", question.casefold())
    return any(word in forms and following == particle for word, following in pairwise(said))


# What phrasal verbs of leaving mean ("drop out", "pull out", "back out"): only with their particle on the verb and
# no object of their own ("pull out the old mains" is no withdrawing).
_LEAVING_MEANINGS = frozenset({"withdraw"})


def _leaves_with_its_particle(question: str, predicate: str) -> bool:
    """Whether the question's verb `predicate` has "out" of its own and no object ("Why did Cal Orr drop out of the
    race?")."""
    return any(t.lemma_.casefold() == predicate and not any(c.dep_ == "dobj" for c in t.children)
               and any(c.lower_ == "out" and c.dep_ in ("prt", "prep", "advmod") for c in t.children)
               for t in sentence_parse(question))  # fmt: skip


def _tells_the_event(token: "Token", acts: frozenset[str], analysis: QuestionAnalysis) -> bool:
    """A verb of the act asked about ("shut" for "closed"), or a word of it ("penalties" for "penalized", "ban";
    "outage" for "What caused the outage?", "closed" for "What is behind the closing?")."""
    if token.pos_ in ("VERB", "AUX") and acts:
        return any(same_act(act, token) for act in acts)
    if token.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    # "What caused the outage?", "What is behind the closing?": the event is the noun asked of (for "Why did X
    # quit?" the noun is who did it)
    named = acts or ({analysis.focus} if analysis.focus and analysis.question_word == "what" else set())
    return any(_same_word(word, token) for word in named)


def _same_word(word: str, token: "Token") -> bool:
    """"ban" and "ban", "penalize" and "penalties": the same stem, or a stem of five letters or more that the
    token's lemma begins with (English nominalisations keep the verb's stem)."""
    asked = all_stems(word)
    lemma = token.lemma_.casefold()
    return bool(asked & set(stems(token.text))) or any(len(stem) >= 5 and lemma.startswith(stem) for stem in asked)


def _clause_verbs(token: "Token") -> list["Token"]:
    """The verbs the event's word hangs from, up to its clause's own verb: "extend" and "voted" for "ban" in "voted
    to extend its ban", "pay" for "pay $48,500 in penalties"; the verb itself when it heads its clause."""
    verbs = []
    head = token
    while True:
        if head.pos_ in ("VERB", "AUX"):
            verbs.append(head)
            if head.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acomp"):
                break
        if head.head.i == head.i:
            break
        head = head.head
    return verbs


def _cause_of(verb: "Token", told: "Token | None" = None) -> bool:
    """Whether a cause, a purpose or a ground ("for", "over") hangs from the verb. With `told`, the word that tells
    the event asked about (the verb itself, or a noun of it the verb governs), also a thing for its subject ("Steady
    rain postponed the race", "An overloaded extension cord started the fire") or its agent ("postponed by
    lightning"), and a clause opened by "as" or "when"; a verb of a sentence that does not tell the event has only
    the plainer marks of a cause (which also mark its own circumstances: "was killed when his motorcycle hit a
    car")."""
    anchored = told is not None
    # the parser may hang a ground or a clause on the verb's object or measure instead ("fined the home $48,500 for
    # failing to report", "delayed 90 minutes when lightning was spotted")
    # (only a clause or a doing there: "charge for an emergency transport" is what the charge is for, no ground)
    attached = [*verb.children, *(c for o in verb.children if o.dep_ in ("dobj", "npadvmod") for c in o.children
                                  if c.dep_ in ("advcl", "relcl") or _for_a_doing(c))]  # fmt: skip
    if anchored:
        # the parser may take a noun after the verb for a verb of its own ("offering signing bonuses to fill
        # positions", with "signing" a verb): a purpose hung there is the event's
        attached += [c for x in verb.children if x.dep_ == "xcomp" and x.tag_ == "VBG" and x.i == verb.i + 1
                     for c in x.children if c.dep_ == "advcl"]  # fmt: skip
        # and on the doing its preposition takes ("switched from teaching math to reading in 2021 to fill a
        # vacancy", with "to fill" hung on "reading"): the purpose of the switch
        attached += [c for p in verb.children if p.dep_ == "prep" for g in p.children
                     if g.dep_ == "pcomp" and g.tag_ == "VBG" for c in g.children
                     if c.dep_ == "advcl" and any(a.tag_ == "TO" for a in c.children)]  # fmt: skip
    if anchored and _left_for_a_purpose(verb):
        return True  # "stepped down from the job to care for her mother": the parser hangs the purpose on "job"
    for child in attached:
        word = child.lower_
        if (anchored and child.dep_ == "nsubj" and child.i != told.i and _a_thing(child)  # type: ignore[union-attr]
                and any(c.dep_ == "dobj" for c in verb.children)):  # fmt: skip
            return True  # a thing doing the event to something: not "fares will rise", nor "A truck struck a pole"
        if anchored and child.dep_ == "agent" and any(c.dep_ == "pobj" and _a_thing(c) and c.lemma_.casefold()
                                                       not in _TIME_UNITS for c in child.children):  # fmt: skip
            return True  # "was postponed by lightning", not "was approved by the board"
        if word == "after" and child.dep_ == "prep" and _after_a_cause(child):
            return True  # "after a two-hour debate", "after finding mold"
        if child.dep_ == "advcl" and child.lemma_.casefold() in _SAYING_LEMMAS:
            return True  # "voted no, saying the county had not studied the wells": the account of the act itself
        if child.dep_ in ("advcl", "relcl") and _opened_by(child, ("as", "when", "with") if anchored else ("with",)):
            # "was called off as heavy rain turned the fairgrounds to mud", "scrubbed its launch when winds gusted
            # to 30 mph", "With Main Street torn up, the committee moved the parade"
            return True
        if child.dep_ == "advcl":
            marks = [c for c in child.children if c.dep_ in ("mark", "aux")]
            if any(m.lower_ == "after" and _after_a_cause(m) for m in marks):
                return True  # "was shut Monday after inspectors found corrosion"
            # (an infinitive with a subject of its own tells who else did it: "left the board in April, the third
            # member to leave this year")
            purpose = (any(m.tag_ == "TO" for m in marks) and not any(m.dep_ == "mark" for m in marks)
                       and not any(c.dep_ == "nsubj" for c in child.children) and not any(
                t.lower_ == "only" for t in child.doc[max(child.i - 3, 0) : child.i]))  # "closed, only to reopen"
            if purpose and verb.lemma_.casefold() not in _DECIDING_VERBS:
                return True  # "closed the road to replace a culvert"; "voted to dismiss" tells the decision
            if any(m.lower_ == "so" and m.dep_ == "mark" for m in marks):
                return True  # "were closed Monday so crews could repair a water main"
        if anchored and child.dep_ == "xcomp" and _a_purpose_after_its_object(verb, child):
            return True  # "agreed to the larger raise to stop the loss of teachers"
        if word == "with" and child.dep_ == "prep" and child.i < verb.i and _a_state(child):
            return True  # "With enrollment down 30 percent, the board voted to close the school"
        if word in ("for", "over") and child.dep_ == "prep" and _a_ground(child):
            return True  # "fined for failing to report two falls", "closed for repairs", "resigned over a dispute"
    return False


# Verbs that, in the passive, give what their subject is for: "is meant to", "is intended to", "was designed to",
# "is needed to" ("the cut is needed to close a $240,000 gap").
_PURPOSE_VERBS = frozenset({"mean", "intend", "design", "need"})


def _meant_to_do(token: "Token", event: list["Token"]) -> bool:
    """Whether a noun of the event, or one the sentence points back to ("the switch", "The accord", "The
    6,000-square-foot addition"), is the subject of "is meant / intended / designed / needed to" do something to
    something ("... to cut fuel costs", "... to double the size of the children's room"); not a plan of what it
    does itself ("The Orby pool was meant to open in June")."""
    head = token.head
    if not (token.dep_ == "nsubjpass" and token.pos_ == "NOUN" and head.lemma_.casefold() in _PURPOSE_VERBS):
        return False
    if token not in event and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return False
    if head.lemma_.casefold() == "need" and token not in event and head not in event:
        return False  # "The firefighters are needed to staff the station" is no reason to lay them off
    return any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)
               and any(o.dep_ == "dobj" for o in c.children) for c in head.children)  # fmt: skip


# Verbs whose object does what an infinitive after it says ("asked the board to delay the vote", "hired a firm to
# clear the trees"): the infinitive is what was asked, not why. English verbs.
_OBJECT_CONTROL_VERBS = frozenset({"ask", "urge", "allow", "force", "require", "tell", "order", "encourage", "permit",
                                   "direct", "authorize", "enable", "invite", "persuade", "expect", "want", "need",
                                   "hire", "pay", "appoint", "name", "elect", "choose", "pick", "select", "help",
                                   "train", "get", "let", "call", "press", "push", "lobby", "petition", "convince",
                                   "instruct", "advise", "remind", "warn", "forbid", "recruit", "assign", "send",
                                   "prompt", "cause", "lead"})  # fmt: skip


def _a_purpose_after_its_object(verb: "Token", infinitive: "Token") -> bool:
    """Whether an infinitive the parser hangs on the verb as its complement comes after the verb's own object, which
    makes it a purpose ("agreed to the larger raise to stop the loss of teachers", "approved the contract to end
    the delays"); not after a verb whose object does it ("asked the board to wait")."""
    if verb.lemma_.casefold() in _OBJECT_CONTROL_VERBS:
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children):
        return False
    return any(c.i < infinitive.i and (c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to" and any(
        p.dep_ == "pobj" and p.pos_ == "NOUN" for p in c.children))) for c in verb.children)


# Nouns of those who act or decide (and of their decisions), never a cause of what they do: "Organizers postponed
# the race", "The plan closes two schools".
_ACTORS = PEOPLES_NOUNS | {
    "organizer", "official", "police", "state", "city", "county", "town", "village", "township", "district",
    "department", "agency", "company", "firm", "group", "club", "committee", "authority", "school", "hospital",
    "church", "team", "league", "council", "board", "commission", "family", "crew", "staff", "member", "volunteer",
    "government", "court", "jury", "voter", "people", "parent", "neighbor", "plan", "proposal", "vote", "decision",
    "budget", "ordinance", "law", "measure", "policy", "report", "study",
}  # fmt: skip


def _a_thing(noun: "Token") -> bool:
    """A common noun that is no one who acts ("rain", "a broken boiler"; not "organizers", "the board", "it")."""
    return noun.pos_ == "NOUN" and noun.lemma_.casefold() not in _ACTORS


def _opened_by(clause: "Token", words: tuple[str, ...]) -> bool:
    """Whether the clause of the verb `clause` opens with one of `words` and has a subject after it ("as heavy rain
    turned the fairgrounds to mud", "when winds gusted", "With Main Street torn up"; not "as planned"), however the
    parser hung the word (a mark, an adverb, a preposition of the subject)."""
    doc = clause.doc
    for back in range(clause.i - 1, max(clause.i - 7, -1), -1):
        token = doc[back]
        if token.lower_ in words:
            return any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[back + 1 : clause.i])
        if token.is_punct or token.pos_ == "VERB":
            return False
    return False


def _after_a_cause(after: "Token") -> bool:
    """"after inspectors found corrosion" gives a cause; "two years after taking the job", "after 25 years",
    "shortly after noon" tell a time. A time the verb lasts ends before "after": "will close for five months after
    inspectors found mold" gives a cause."""
    before = after.doc[max(after.i - 2, 0) : after.i]
    if before and before[-1].lower_ in _SOON and not _how_long(before[-1], after):
        return False
    if (len(before) == 2 and before[-1].lemma_.casefold() in _TIME_UNITS
            and (before[0].like_num or before[0].lower_ in _SOME) and not _how_long(before[-1], after)):  # fmt: skip
        return False  # "two years after", not "Tuesday night after"
    following = [t for t in after.doc[after.i + 1 : after.i + 5]]
    if any(t.like_num for t in following[:2]) and any(t.lemma_.casefold() in _TIME_UNITS for t in following):
        return False
    if after.dep_ == "mark" and after.head.lemma_.casefold() in _DECIDING_VERBS:
        return False  # "will rise July 1 after the board voted to approve the increase": how, not why
    if after.dep_ == "mark" and _a_period_turning(after.head):
        return False  # "will close for two months after the school year ends": when, not why
    inside = list(after.subtree)[1:] if after.dep_ == "prep" else list(after.head.subtree)
    return not all(t.lemma_.casefold().rstrip(".") in _TIME_WORDS or t.pos_ in ("DET", "ADJ", "NUM", "SCONJ", "PUNCT")
                   for t in inside)  # fmt: skip


# Verbs of a period of time beginning or ending: "after the season opens", "after the school year ends".
_TURNING_VERBS = frozenset({"begin", "start", "end", "finish", "close", "open", "wrap", "conclude", "expire", "arrive",
                            "pass"})  # fmt: skip


def _a_period_turning(verb: "Token") -> bool:
    """Whether the clause tells a period of time beginning or ending ("the growing season ends", "the holidays are
    over" is not read), which dates what follows it and causes nothing."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (verb.lemma_.casefold() in _TURNING_VERBS and subject is not None
            and subject.lemma_.casefold() in _TIME_OF_FOR)  # fmt: skip


def _how_long(unit: "Token", after: "Token") -> bool:
    """Whether the unit of time before "after" measures how long something lasts ("for five months", "during the two
    weeks") and "after" opens a clause of what has happened ("after inspectors found mold"): not "for two weeks after
    Labor Day", nor "for six weeks after the board names her successor", which tell when it starts."""
    return (unit.dep_ == "pobj" and unit.head.lower_ in ("for", "during") and after.dep_ == "mark"
            and after.head.tag_ in ("VBD", "VBN"))  # fmt: skip


# Verbs of leaving a post or a place, whose "from" names what is left: "stepped down from the job to care for ..."
_LEAVING = frozenset({"step", "resign", "retire", "withdraw", "leave", "depart", "move", "transfer", "switch"})
# Nouns of a post or a body one leaves, whose infinitive after them is no content of theirs: "the job to care for her
# father" (not "the race to succeed Fenn", "the bid to host the tournament", whose infinitive says what they are).
_POSTS = frozenset({"job", "post", "position", "role", "office", "seat", "board", "council", "committee",
                    "commission", "force", "department", "agency", "company", "firm", "team", "staff", "bench"})


def _left_for_a_purpose(verb: "Token") -> bool:
    """Whether what the verb of leaving leaves has an infinitive after it that tells why ("stepped down from the job
    to care for a family member", "retired from the force to run for sheriff"); the parser hangs it on the noun."""
    if verb.lemma_.casefold() not in _LEAVING:
        return False
    left = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
            if o.dep_ == "pobj" and o.lemma_.casefold() in _POSTS]  # fmt: skip
    return any(c.dep_ in ("relcl", "acl") and any(a.tag_ == "TO" for a in c.children) for o in left for c in o.children)


def _a_state(preposition: "Token") -> bool:
    """"With enrollment down", "with its only dock closed": a noun with a state of its own (an absolute phrase)."""
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return noun is not None and any(
        c.i > noun.i and (c.pos_ in ("ADV", "ADJ") or c.tag_ in ("VBN", "VBG")) for c in noun.children
    )


def _for_a_doing(preposition: "Token") -> bool:
    """"for failing to report two falls": "for" with a doing (a gerund), which gives a ground wherever it hangs."""
    return preposition.lower_ == "for" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in preposition.children)


def _a_ground(preposition: "Token") -> bool:
    """"for repairs", "for failing to report", "over a dispute": a ground; "for the season", "for two weeks", "for
    now", "over the weekend", "over 40 years": a time; "for Boston", "over Dexter": a place or a side."""
    inside = list(preposition.subtree)[1:]
    if not inside or any(t.like_num for t in inside[:2]):
        return False
    head = next((t for t in inside if t.dep_ in ("pobj", "pcomp")), inside[-1])
    return head.lemma_.casefold() not in _TIME_OF_FOR and head.pos_ != "PROPN"


def _an_account(doc: "Doc", question: str, following: bool = False) -> bool:
    """Whether someone's account in the sentence may give a reason: any "X said ..." or "..., according to X",
    except a news report's own source, said after what it reports of the thing asked about ("A city bus struck a
    utility pole on Linden Avenue, police said." for "What caused the bus crash?"), in a sentence not `following`
    the one that tells the event; "Owner Lynn Marchand said the landlord doubled her rent" and "The landlord
    doubled the rent, the owner said." give her account."""
    asked = set(stems(question))
    for token in doc:
        if _says(token) and not _only_who_was_told(token):
            content = _reported(token)
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            content = token.head if token.head.i != token.i else None
        else:
            continue
        if content is not None and _only_who_was_told(content):
            continue
        if content is None or following:
            return True
        if content.i > token.i and not _restates(content, asked):
            return True
        if content.i < token.i and not _subject_asked_about(content, asked):
            return True
    return False


# Verbs of passing the news on to someone: "Pash informed her of the decision", "she told vendors at their July
# meeting", "Voigt said she met with Pine Hill's teachers".
_TELLING_VERBS = frozenset({"tell", "inform", "notify", "call", "meet", "email", "brief", "alert", "phone", "text"})


def _only_who_was_told(verb: "Token") -> bool:
    """Whether a reported clause only tells whom the news was passed on to, and how or when ("Okafor said Pash
    informed her of the decision in a phone call"): a verb of telling with no clause of what was told ("Eng said
    Quill told him she had accepted a job" tells it, and may say why)."""
    return verb.lemma_.casefold() in _TELLING_VERBS and not any(
        c.dep_ in ("ccomp", "xcomp", "advcl", "dative") and c.pos_ in ("VERB", "AUX") for c in verb.children
    )


# Words of a measure, which a restated event may add: "rose 11 percent", "about $3.8 million".
_MEASURE_WORDS = frozenset({"percent", "percentage", "point", "dollar", "cent", "million", "billion", "thousand"})


def _restates(verb: "Token", asked: set[str]) -> bool:
    """Whether what is reported by `verb`'s clause only tells the thing asked about again: its subject's noun is
    named by the question (whoever owns it) and, after it, the clause names no thing but a measure or a time, and
    says nothing is or cannot be so ("Mobry said the co-op's wholesale power costs also rose 11 percent this year"
    for "Why did Tamsin Valley's power costs jump 11%?"; not "... said the new landlord doubled her rent", nor "...
    said the hospital cannot staff the unit")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects or subjects[-1].pos_ not in ("NOUN", "PROPN") or not asked & set(stems(subjects[-1].text)):
        return False
    after = [t for t in verb.subtree if t.i > subjects[-1].i]
    if any(t.dep_ == "neg" or t.tag_ == "MD" and t.lower_ not in ("will", "'ll") for t in after):
        return False
    return all(set(stems(t.text)) & asked or t.lemma_.casefold() in _TIME_WORDS | _MEASURE_WORDS
               for t in after if t.pos_ in ("NOUN", "PROPN"))  # fmt: skip


def _says(token: "Token") -> bool:
    """A verb of saying, but not "add" with a thing as its object ("The change adds $48 a year to every bill"), which
    adds no words ("noted a rise in calls" notes a fact)."""
    if token.lemma_.casefold() not in _SAYING_LEMMAS or token.pos_ not in ("VERB", "AUX"):
        return False
    return token.lemma_.casefold() != "add" or not any(c.dep_ == "dobj" for c in token.children)


def _reported(saying: "Token") -> "Token | None":
    """The verb of what `saying` reports: its clausal complement, or the clause it is attached to ("X resigned,
    the mayor said", parsed either way); None for a quotation or a bare "she said"."""
    told = next((c for c in saying.children if c.dep_ == "ccomp"), None)
    if told is not None:
        return told
    if saying.dep_ in ("ccomp", "parataxis") and saying.head.i != saying.i:
        return saying.head
    return None


def _subject_asked_about(verb: "Token", asked: set[str]) -> bool:
    """Whether the clause's subject, by its own words ("A city bus", "Ridgefield's highway department", not
    "Enrollment at Linden"), is something the question names."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    own = [subject]
    for token in own:
        own.extend(c for c in token.children if c.dep_ in ("compound", "poss", "amod", "nmod", "nummod"))
    return bool(asked & set(stems(" ".join(t.text for t in own))))


def asks_why_of_an_event(analysis: QuestionAnalysis) -> bool:
    """A "why" question of an event, not of a voter's vote, whose account rag.voter_accounts reads ("Why did Ada
    Kell vote no?": "Kell said the plan ..." is her reason though it tells the vote)."""
    return analysis.answer_type == "reason" and not asks_of_a_voter(analysis)


def told_with_a_reason(candidates: list[Candidate], analysis: QuestionAnalysis) -> list[Candidate]:
    """For a "why" question of an event, the candidates as ranked when the best gives a reason, in its sentence or
    in the one after it ("Kettle Corner will close in February." / "Owner Lynn Marchand said the landlord doubled
    her rent."); none when it tells the event only: the articles do not say why. A lower-ranked sentence of the
    same article that tells the event by its own verb with a cause in so many words ("They said they closed it
    because ...") is put first; one that gives some other reason is not, unless nothing else is found and it names
    a name of the question (`_a_cause_told_of_the_one_named`): on the development suites those were mostly reasons
    for something else."""
    if not candidates:
        return candidates
    best = candidates[0]
    of_another = of_another_subject(best, analysis)
    if gives_a_reason(best.text, analysis) and not of_another:
        if _tells_the_event_with_a_cause(best, analysis):
            # the event and its cause in one sentence give what is asked, whether or not a word of cause says so
            # ("quit in March to run the fire academy")
            best.features = {**best.features, "gives_what_is_asked": 1.0}
            return candidates
        if _a_causal_word(best.text):
            return candidates
        # "relied on Marrowfield's truck for fires" gives a purpose, of something else, by no word of cause; "the town
        # needs it because ..." further down tells the event asked about with its cause
        caused = _caused_further_down(candidates, analysis, ENOUGH_CAUSE_WINDOW)
        return candidates if caused is None else [caused, *(c for c in candidates if c is not caused)]
    # the sentence after another's act goes on about that act ("... because diesel climbed." / "Fuel is a third of
    # its costs, the director said.")
    found = None if of_another and _asks_of_a_named_doer(analysis) else _reason_in_the_next(best, analysis)
    if found is None:
        caused = (_caused_further_down(candidates, analysis, CAUSE_WINDOW)
                  or _caused_in_the_next_further_down(candidates, analysis, CAUSE_WINDOW)
                  or _a_cause_told_of_the_one_named(candidates, analysis, CAUSE_WINDOW))  # fmt: skip
        if caused is None:
            return []
        return [caused, *(c for c in candidates if c is not caused)]
    if found[1] == "cause":
        # the event's sentence with its cause after it gives what is asked, as one sentence would (someone's
        # account after it is left for the refusal model to weigh: it is often more of the news, not why)
        best.features = {**best.features, "gives_what_is_asked": 1.0}
        return candidates
    # someone's account after the event is often more of the news ("told him of the decision Tuesday"); a sentence of
    # the article that tells the event with its cause in so many words says why
    caused = _caused_further_down(candidates, analysis, CAUSE_WINDOW)
    return candidates if caused is None else [caused, *(c for c in candidates if c is not caused)]


def of_another_subject(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence tells the act asked about only of someone or something else by name, not of the
    question's subject: "The Orby Municipal Pool will close for five months after inspectors found mold" for "Why
    did the Dell Street skate park close?", "Deputy Chief Sol Reyes resigned in 2021 because ..." for "Why did
    Marta Quill resign?". Only a name of the same kind counts (a person for a person, a thing for a thing: a
    principal cancels classes for a school), and a pronoun, or a subject the sentence leaves out, may be the one
    asked."""
    subject = _subject_names(analysis)
    if not subject:
        return False
    # any name of the question anywhere in the sentence ("Ashby closed its skate park on Dell Street ...", "the
    # Pirates' game ... at Penwither High"; the beach asked of "Why did Pellbrook close Holloway Point Beach?" as
    # the sentence's subject) may be what the act is of, or its initials ("FRTA" for the Ferrow Regional ...)
    asked = subject | {stem for t in sentence_parse(analysis.question) if t.pos_ == "PROPN" for stem in stems(t.text)}
    told = text_stems(candidate.text)
    if told & asked or told & _question_initials(analysis):
        return False
    asks_of_a_person = any(label == "PERSON" and set(stems(text)) & asked for text, label in analysis.entities)
    people = {stem for s, e, label in candidate.passage.entities if label == "PERSON"
              and candidate.start <= s < candidate.end for stem in stems(candidate.passage.text[s:e])}  # fmt: skip
    doc = sentence_parse(display_text(candidate.text))
    # (a verb of saying tells who said it, not who did what was asked: "..., public works director X said")
    verbs = [t for t in _event_words(doc, analysis) if t.pos_ in ("VERB", "AUX")
             and t.lemma_.casefold() not in _SAYING_LEMMAS]  # fmt: skip
    by_its_doer = _asks_of_a_named_doer(analysis)
    return bool(verbs) and all(_done_by_another(verb, asked, asks_of_a_person, people, by_its_doer)
                               for verb in verbs)  # fmt: skip


# Bodies that act for the places, schools and services under them.
_GOVERNING_BODIES = frozenset({"board", "council", "commission", "committee", "district", "department", "authority",
                               "agency", "government", "county", "city", "town", "village", "state", "trustees",
                               "legislature", "court", "administration", "office"})


def _asks_of_a_named_doer(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks why someone named did something to a thing it does not name ("Why did Harlow
    Middle School call off its spring concert?", "Why did the Ostin Bus Co. raise its fares?"): the one asked is the
    doer, so a sentence whose doer is another name tells another's act, whatever it did it to."""
    subject = _question_subject(analysis)
    if subject is None or subject.dep_ != "nsubj" or not _names_of(subject):
        return False
    objects = [t for t in subject.head.children if t.dep_ == "dobj"]
    return bool(objects) and not any(_names_of(o) for o in objects)


def _subject_names(analysis: QuestionAnalysis) -> set[str]:
    """The stems of the names in the question's subject ("dell", "street" of "the Dell Street skate park"; "marta",
    "quill"), or of the name the question is about."""
    if analysis.subject:
        return set(stems(analysis.subject))
    subject = _question_subject(analysis)
    return set() if subject is None else _names_of(subject)


def _question_subject(analysis: QuestionAnalysis) -> "Token | None":
    """The subject of the question's own verb ("park" of "Why did the Dell Street skate park close?")."""
    return next((t for t in sentence_parse(analysis.question) if t.dep_ in ("nsubj", "nsubjpass")
                 and t.head.dep_ == "ROOT"), None)  # fmt: skip


def _names_of(noun: "Token") -> set[str]:
    """The stems of the proper nouns of a noun phrase's head and the words before it that name it."""
    return {stem for t in noun.subtree if t.pos_ == "PROPN" and (t is noun or t.dep_ in ("compound", "poss", "flat"))
            for stem in stems(t.text)}  # fmt: skip


def _done_by_another(verb: "Token", asked: set[str], asks_of_a_person: bool, people: set[str],
                     by_its_doer: bool = False) -> bool:
    """Whether the verb's subject or object is named, by names that share none with the question's subject nor
    spell its initials, and is of the kind asked about; never when one of them is a pronoun. With `by_its_doer`
    (the question names who did it, `_asks_of_a_named_doer`), the subject alone decides."""
    # a common noun named beside it is that name ("The town's assistant treasurer, Abe Crane, resigned")
    arguments = [next((c for c in a.children if c.dep_ == "appos" and c.pos_ == "PROPN"), a)
                 for a in verb.children if a.dep_ in ("nsubj", "nsubjpass", "dobj")]  # fmt: skip
    if by_its_doer and not asks_of_a_person:
        # "Lyle Academy called off its spring concert because ..." is Lyle Academy's act, not Harlow Middle School's;
        # a body that governs may act for the one asked ("The Tollan County School Board canceled the homecoming
        # dance", for Harlan High's)
        arguments = [a for a in arguments if a.dep_ == "nsubj" and a.lemma_.casefold() not in _GOVERNING_BODIES]
        if not arguments:
            return False
    elif not asks_of_a_person and any(a.dep_ == "dobj" for a in arguments):
        # of a thing, what is done is done to the object; a subject with no name is only who did it ("The county
        # also closed the Orchard Lane culvert", for "Why will the Kell Street bridge close?")
        arguments = [a for a in arguments if a.dep_ != "nsubj" or a.pos_ == "PROPN" or _names_of(a)]
    # a pronoun may be the one asked, and a common noun the thing done to it ("Coach Dex Ruane benched the junior",
    # "The school board canceled the dance"): only an act whose every party is named by another name is another's
    # (a common noun named by a name before it is named: "The Pell Road bridge ... was closed", for the Kell Street
    # bridge)
    if not arguments or any(a.pos_ != "PROPN" and not _names_of(a) for a in arguments):
        return False
    named = [(_names_of(a), a) for a in arguments]
    if any(names & asked or _initials(argument) & asked for names, argument in named):
        return False
    return any(names and _of_a_person(argument, names, people) == asks_of_a_person for names, argument in named)


def _of_a_person(argument: "Token", names: set[str], people: set[str]) -> bool:
    """Whether a named argument is a person: a name the model tagged as one, or a noun for people named by one; a
    thing's noun named by a name is a thing whatever the model tagged the name ("the Orchard Lane culvert")."""
    if argument.pos_ == "NOUN":
        return argument.lemma_.casefold() in PEOPLES_NOUNS
    return bool(names & people)


def _question_initials(analysis: QuestionAnalysis) -> set[str]:
    """The initials of the name the question's subject has, as one word ("frta" of "the Ferrow Regional Transit
    Authority")."""
    subject = _question_subject(analysis)
    return set() if subject is None else _initials(subject)


def _initials(noun: "Token") -> set[str]:
    """The initials of a named noun phrase, as one word ("frta" of "Ferrow Regional Transit Authority")."""
    words = [t.text for t in noun.subtree if t.i <= noun.i and t.pos_ == "PROPN"]
    return {stem for stem in stems("".join(w[0] for w in words))} if len(words) > 1 else set()


# A sentence that says why is not known or not told names the question, it gives no cause: "He said no one had
# told him why the restaurant was closing." (Not rag.withheld.withholds: that one turns the whole answer into a
# refusal, and reads only a "not" on the verb of telling; here the sentence is only passed over as a cause.)
_NOT_TOLD_WHY = re.compile(r"(?:\b(?:not|never|no one|nobody)|n['’]t)\b[^.;]*\bwhy\b", re.IGNORECASE)


def _caused_further_down(candidates: list[Candidate], analysis: QuestionAnalysis, window: int) -> Candidate | None:
    """The first of candidates[1:window] from the best one's article that tells the event with its cause, marked
    as giving what is asked (the event and its cause, in one sentence)."""
    best = candidates[0]
    told = [c for c in candidates[1:window] if not _NOT_TOLD_WHY.search(c.text)
            and _tells_the_event_with_a_cause(c, analysis) and not of_another_subject(c, analysis)]  # fmt: skip
    # another article's sentence says why when it names the one asked ("Tarnwick Bay's harbormaster ... resigned
    # Monday, telling the board he could no longer ..." under a later story on his successor)
    caused = next((c for c in told if c.passage.article_id == best.passage.article_id), None) or next(
        (c for c in told if _names_the_one_asked(c, analysis)), None)
    if caused is not None:
        caused.features = {**caused.features, "gives_what_is_asked": 1.0}
    return caused


# A year an event is told in ("in 2009", "back in the 1990s"), which makes it another year's when the question gives
# none or another.
_IN_A_YEAR = re.compile(r"\b(?:in|during)\s+(?:the\s+)?((?:19|20)\d\d)s?\b", re.IGNORECASE)


def _names_the_one_asked(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether another article's sentence is of the very one asked about: it names every name of the question's
    subject and its noun ("Tarnwick Bay's harbormaster", not "Tarnwick Bay's fire chief"), and tells the event in
    no year the question does not give ("closed the Pell Road pool in 2009" is another closing)."""
    named = _subject_names(analysis)
    told = text_stems(candidate.text)
    if not named or not named <= told:
        return False
    if analysis.focus and not all_stems(analysis.focus) & told:
        return False
    return all(year in analysis.question for year in _IN_A_YEAR.findall(candidate.text))


def _a_cause_told_of_the_one_named(
    candidates: list[Candidate], analysis: QuestionAnalysis, window: int
) -> Candidate | None:
    """When neither the best sentence nor the one after it gives a reason and none further down tells the event by
    its own verb with a cause: the first of candidates[1:window] of the best one's article that names a name of the
    question and gives a cause in so many words ("Superintendent Agatha Pryce said Delacorte stood out because she
    had guided a school through a league change" for "Why did Penwither's board go with Yusra Delacorte?"), left to
    the refusal model to weigh (it is not marked as giving what is asked); not one that tells the act of someone
    else by name, nor one that names them only as what someone else acts on, nor one that says why is not known."""
    names = _subject_names(analysis) | _names_asked(analysis)
    if not names:
        return None
    best = candidates[0]
    return next((c for c in candidates[1:window] if c.passage.article_id == best.passage.article_id
                 and _a_causal_word(c.text) and not _NOT_TOLD_WHY.search(c.text)
                 and _names_as_a_subject(c.text, names) and not of_another_subject(c, analysis)), None)  # fmt: skip


def _names_asked(analysis: QuestionAnalysis) -> set[str]:
    """The stems of the names the question gives (its name constraints)."""
    return set(stems(" ".join(c.text for c in analysis.constraints if c.kind == "name")))


def _names_as_a_subject(text: str, names: set[str]) -> bool:
    """Whether one of `names` is a subject in the sentence, or whose a subject is ("Delacorte stood out", "Orby's
    board put the cap on the ballot"), not only what someone else acts on ("he opposed Delacorte")."""
    return any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"))
               for t in sentence_parse(display_text(text)) if set(stems(t.text)) & names)  # fmt: skip


def _caused_in_the_next_further_down(
    candidates: list[Candidate], analysis: QuestionAnalysis, window: int
) -> Candidate | None:
    """The first of candidates[1:window] that tells the subject's event (`_tells_the_subjects_event`) with its cause
    in the sentence after it ("Quillby is the only town in the county that declined to join." / "Its council voted
    in 2022 to keep its own dispatchers, citing the cost."), marked as giving what is asked."""
    for candidate in candidates[1:window]:
        if not _tells_the_subjects_event(candidate, analysis):
            continue
        found = _reason_in_the_next(candidate, analysis)
        if found is not None and found[1] == "cause":
            candidate.features = {**candidate.features, "gives_what_is_asked": 1.0}
            return candidate
    return None


def _tells_the_subjects_event(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence names the question's subject and tells the event by its own verb, negated as the
    question is ("Why didn't Tessing join?": "Tessing ... declined to join", not "Tessing joined the pact")."""
    # (or, when the parser finds no subject with a name, the question's names, and a capitalised subject the tagger
    # took for a common noun: "Why didn't Quillby join?")
    asked = _subject_names(analysis) or _names_asked(analysis)
    subject = _question_subject(analysis)
    if not asked and subject is not None and subject.text[:1].isupper():
        asked = set(stems(subject.text))
    if not asked or not asked & text_stems(candidate.text) or _NOT_TOLD_WHY.search(candidate.text):
        return False
    if bool(_NEGATED.search(analysis.question)) != bool(_NEGATED.search(candidate.text)):
        return False
    doc = sentence_parse(display_text(candidate.text))
    return any(t.pos_ in ("VERB", "AUX") for t in _event_words(doc, analysis))


# A negation, or a verb of declining, which tells that something was not done ("declined to join").
_NEGATED = re.compile(r"(?i)\b(?:not|never|no longer)\b|n['’]t\b|\b(?:declin|refus|reject|opt(?:ed|s)? out)\w*")


def _tells_the_event_with_a_cause(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence tells the event asked about by its own verb or one of the same act ("They closed it
    because ..." for "Why did the diner shut down?"), or by a noun that points back to it ("the increase is needed
    because ..."), and gives a cause in so many words."""
    if not (asked_acts(analysis) or analysis.focus) or reason_in(candidate.text, analysis) != "cause":
        return False
    doc = sentence_parse(display_text(candidate.text))
    if not asked_acts(analysis):
        # "What's behind the tuition increase?", asked of a noun: "the increase was driven largely by ...", where
        # it or the sentence before names something else of the question ("tuition"), not another increase
        others = set(stems(analysis.question)) - set(stems(analysis.focus or "")) - _UNLINKING
        told = candidate.passage.text[max(0, candidate.start - _NOUN_ASKED_REACH) : candidate.end]
        return bool(others & set(stems(told))) and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.casefold() == analysis.focus and _points_back(t)
            and _A_CAUSE_OF_ITS_SUBJECT.search(_clause_text(t.head)) for t in doc)  # fmt: skip
    return any(t.pos_ in ("VERB", "AUX") for t in _event_words(doc, analysis)) or any(
        t.dep_ in ("nsubj", "nsubjpass") and _points_back(t)
        and (_a_thing(t) or t.head.lemma_.casefold() in ("blame", "cite", "attribute"))
        and _A_CAUSE_OF_ITS_SUBJECT.search(_clause_text(t.head))
        for t in doc
    )  # ("Mobry said the increase is needed because ...": the event by a noun that points back to it; not "The
    # commission voted ...", which names who acted, unless it blames or cites a cause: "The hospital blamed ...")


# How far before a cause's sentence (in characters, about two sentences) the question's other words may name the
# thing a noun asked of is ("Tuition this year is $30,300." before "... said the increase was driven by ...").
_NOUN_ASKED_REACH = 300
# Words that give the cause of what a clause's subject names, as "the money comes from ..." (its source) does not.
_A_CAUSE_OF_ITS_SUBJECT = re.compile(
    r"\b(?:because|due (?:\w+ ){0,2}?to|owing to|as a result|needed to|necessary to|blam\w*|cit(?:ed|ing)|caused|"
    r"driven (?:\w+ )?by|prompted|in response to|(?:is|are|was|were) (?:meant|intended|designed) to)\b",
    re.IGNORECASE)


def reason_after(candidate: Candidate, analysis: QuestionAnalysis) -> tuple[int, int] | None:
    """Where the sentence after the candidate's stands (in its paragraph, or the next one's first) when it gives
    the reason and the candidate's own sentence does not."""
    if gives_a_reason(candidate.text, analysis):
        return None
    found = _reason_in_the_next(candidate, analysis)
    return found[0] if found is not None else None


def _reason_in_the_next(
    candidate: Candidate, analysis: QuestionAnalysis
) -> tuple[tuple[int, int], Literal["cause", "account"]] | None:
    """The sentence after the candidate's (`span_after`, across one paragraph break) and how it gives the reason,
    when it does."""
    after = span_after(candidate, next_paragraph=True)
    if after is None:
        return None
    following = candidate.passage.text[after[0] : after[1]]
    if not _carries_the_event_on(candidate.text, following, analysis):
        return None
    kind = reason_in(following, analysis, following=True)
    return (after, kind) if kind is not None else None


def _carries_the_event_on(sentence: str, following: str, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence after one that tells the event may speak of it: always, unless the event is told aside
    (in a clause hung on the sentence's own news), when the next sentence carries that news on and must name who
    did the event ("The engine will replace Engine 2, a pumper that failed its pump test" / "\"We have been running
    the town with one engine,\" the chief said." tells nothing of why the pumper failed)."""
    if not _linked(following, set(stems(display_text(sentence))) | set(stems(analysis.question))):
        return False
    aside = told_aside(_event_words(sentence_parse(display_text(sentence)), analysis))
    if aside is None or (_POINTING_BACK_FIRST.match(following) and all(map(_told_of_the_subject, aside))):
        return True  # ("Its council voted ...": a pronoun first points back to the subject, who did it)
    named = set(stems(following))
    return any(doer is None or doer & named for doer in map(_doer_aside, aside))


def _told_of_the_subject(clause: "Token") -> bool:
    """Whether a clause told aside is of the sentence's subject: hung on it, or on what a "be" says it is
    ("Quillby is the only town that declined to join"; not "will replace Engine 2, a pumper that failed its test",
    of what the subject replaces)."""
    held = clause.head
    while held.dep_ in ("appos", "conj") and held.head.i != held.i:
        held = held.head
    return clause.dep_ in ("relcl", "acl") and held.dep_ in ("nsubj", "nsubjpass", "attr")


# A sentence that opens by pointing back to a thing named before it: "Its council voted ...", "They said ...".
_POINTING_BACK_FIRST = re.compile(r"(?:It|Its|They|Their)\b")


# Words any two sentences of a news story may share: its verbs of saying and its words of time.
_UNLINKING = frozenset(all_stems(" ".join([*_SAYING_LEMMAS, "said", "told", "according", *_TIME_WORDS])))


def _linked(following: str, told: set[str]) -> bool:
    """Whether the sentence after the event's goes on about it: it names a thing the question or the event's sentence
    names, or its subject points back, by a pronoun ("She said ...") or a common noun with "the" or "this" ("The
    drop follows ...", "The company told ..."), or someone tells what had happened before it; "The first Strawberry
    Festival was held in 1998, according to the Lions Club" after "Work on the boardwalk was delayed this spring" is
    another matter."""
    if (set(stems(following)) & told) - _UNLINKING:
        return True
    doc = sentence_parse(display_text(following))
    if any(_says(t) and any(_before_it(c) for c in t.children if c.dep_ == "ccomp") for t in doc):
        return True  # "Lineman Abe Torvik said a squirrel had shorted a transformer": what had happened before it
    return any(t.dep_ in ("nsubj", "nsubjpass", "poss") and t.tag_ not in ("WP", "WDT", "WP$")
               and (t.pos_ == "PRON" or _points_back(t)) for t in doc)  # fmt: skip


def _before_it(verb: "Token") -> bool:
    """A verb in the past perfect ("had shorted", "had been cracked"), which tells what happened before the events
    the story tells."""
    return verb.tag_ == "VBN" and any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _points_back(noun: "Token") -> bool:
    """"the company", "this decision", "The difference": a common noun with a definite article or "this", and no name
    or other word of its own that would make it a new thing ("The first Strawberry Festival")."""
    if noun.pos_ != "NOUN":
        return False
    own = [c for c in noun.children if c.i < noun.i]
    return any(c.lower_ in ("the", "this", "that", "these", "those") for c in own) and all(
        c.dep_ == "det" for c in own
    )
