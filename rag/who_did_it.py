"""Whether a name answering "Who ...?" did what the question's verb says: not the one who only said something,
not the thing it was done to, not a body that acts rather than a place; the firm given the work, the one who made
a work, the doer of an act told in a participle.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.asked_roles import OFFICE_TITLES
from rag.candidate import Candidate, text_stems, with_sentence_before
from rag.event_dates import SAYING_VERBS
from rag.name_words import PUBLIC_BODY
from rag.query import QuestionAnalysis
from rag.slots import noun_named, slot_of
from rag.text import all_stems, content_words, words
from rag.value_clause import SLOTTED_TYPES, _predicate_stems, answer_clause_tokens, token_stems
from rag.verb_meanings import same_act

if TYPE_CHECKING:
    from spacy.tokens import Token


def does_the_asked_act_aside(analysis: QuestionAnalysis, candidate: Candidate) -> bool | None:
    """For "Who won the mayor race?" asked of "Delia Marchetti ousted Mayor Roy Hadfield, winning 6,412 votes": the
    question's verb told in a participle clause with no subject of its own ("winning") is done by the subject of the
    clause it hangs on, so whether the candidate's name is that subject; None when the sentence tells the act no
    such way, or the question asks of no doer."""
    if (analysis.answer_type not in ("person", "organisation") or analysis.asked_slot != "subject"
            or not analysis.predicate or candidate.answer is None):  # fmt: skip
        return None
    doc = sentence_parse(candidate.text)
    for verb in doc:
        if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and (analysis.predicate == verb.lemma_.casefold()
                                                               or same_act(analysis.predicate, verb))
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):  # fmt: skip
            doer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if doer is None:
                return None
            clause = answer_clause_tokens(candidate)
            return clause is not None and noun_named(clause[0].root).i == doer.i
    return None


# Verbs whose doer news tells by what they said: "Who criticized the plan?" is answered by "Ada Kell said the plan
# was too costly". A closed class of English verbs of saying and of taking a side in words.
_SAID_ACTS = frozenset({"say", "tell", "announce", "state", "declare", "confirm", "report", "warn", "criticize",
                        "criticise", "oppose", "support", "back", "favor", "favour", "object", "complain", "argue",
                        "praise", "blame", "call", "ask", "urge", "predict", "estimate", "expect", "think",
                        "believe", "describe", "explain", "question", "defend", "propose", "suggest", "recommend",
                        "push", "want", "worry", "doubt", "promise", "vow", "insist", "claim", "admit", "deny",
                        "agree", "disagree", "speak", "testify", "comment", "respond", "reply", "write", "note",
                        "mention", "acknowledge", "concede", "credit", "attribute"})  # fmt: skip
# Verbs that are acts news tells by what was said only with "as" ("Who identified the boiler as the problem?", "Who
# cited the cost as the reason?"); without it, acts of their own ("Who identified the victim?", "Who cited the
# driver?").
_SAID_WITH_AS = frozenset({"identify", "cite"})
_AS = re.compile(r"\bas\b", re.IGNORECASE)


# Verbs of holding a post or a thing, or of having founded it, which news tells by a title beside the speaker's name
# ("owner Erling Gunderholt said", "Police Chief Ada Kell said", "founder Tessa Moore said"): "Who runs the
# marina?". A closed class of English verbs.
_HELD_BY_TITLE = frozenset({"run", "head", "lead", "own", "manage", "direct", "chair", "oversee", "operate",
                            "represent", "coach", "captain", "serve", "supervise", "command", "govern", "found",
                            "start", "establish", "create", "launch"})  # fmt: skip


# The words a speaker's report names the speaker by.
_THE_SPEAKER = frozenset({"i", "we", "he", "she", "who"})  # (and "who" of "Architect Ada Fisk, who designed it, said")


def only_said_it(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering "Who is fixing the bridge?" or "Who made the ferry?" is only the one who said
    something ("Dairy farmer Nate Hollis said the detour will add time"; "General manager Owen Pruitt said the
    increase will pay for the new ferry"): the speaker of a report is not the doer of an act it does not tell
    them doing. Not for questions of an act news tells by what was said (`_SAID_ACTS`: "Who opposed it?"), nor of
    a post a title beside the speaker tells (`_HELD_BY_TITLE`: "Who runs the marina?")."""
    if not _asks_who_did_it(analysis) or analysis.predicate in _SAID_ACTS | _HELD_BY_TITLE or candidate.answer is None:
        return False
    if analysis.predicate in _SAID_WITH_AS and _AS.search(analysis.question):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    if verb.lemma_.casefold() not in SAYING_VERBS or noun_named(span.root).dep_ != "nsubj":
        return False
    # a title beside the name that the question asks of ("Who replaced Vail as airport manager?": "Airport manager
    # Priya Raman said ...") tells who holds the post
    title = {t.lower_ for t in span.root.subtree if t.i < span.start and t.lower_ in OFFICE_TITLES}
    if title & set(content_words(analysis.question)):
        return False
    # what they said does not tell them ("she", "we", "I", or no one named) doing the question's act: "I'd rather
    # they fix it right" tells others fixing it
    wanted = _predicate_stems(analysis)
    # (a name inside an apposition to the speaker is not the speaker: "Dorrance" of "Halvard Recovery, the Dorrance
    # company that sorts the town's recycling, said")
    named = _words_up_to_the_noun_named(span.root)
    in_apposition = any(t.dep_ == "appos" for t in named)
    return not any((wanted & token_stems(t) or same_act(analysis.predicate, t))
                   and _done_by_the_speaker(t, verb, by_apposition=not in_apposition)
                   for t in verb.subtree if t.pos_ == "VERB" and t is not verb)  # fmt: skip


def _words_up_to_the_noun_named(token: "Token") -> list["Token"]:
    """The tokens from a name's word up to the noun it stands for in its clause (rag.slots.noun_named)."""
    chain = [token]
    while chain[-1].dep_ in ("compound", "appos", "conj", "flat") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _done_by_the_speaker(act: "Token", saying: "Token", by_apposition: bool = True) -> bool:
    """Whether the act's subject, or that of the verb it hangs from ("he plans to fix it"), is the speaker ("she",
    "we", "who" of "X, who designed it, said"); not an act without one ("the increase will pay for rebuilding it":
    whoever rebuilds it)."""
    verb: "Token | None" = act
    while verb is not None and verb is not saying:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.lower_ in _THE_SPEAKER or (by_apposition and _of_the_speakers_apposition(verb, saying))
        verb = verb.head if verb.dep_ in ("xcomp", "conj") and verb.head is not verb else None
    return False


def _of_the_speakers_apposition(verb: "Token", saying: "Token") -> bool:
    """Whether `verb` tells what a noun in apposition to the speaker does: "Kestrel Materials Recovery, the company
    *that sorts* the town's recycling, said ..."."""
    described = verb.head
    return (verb.dep_ == "relcl" and described.dep_ == "appos" and described.head.dep_ == "nsubj"
            and described.head.head.i == saying.i)  # fmt: skip


def _asks_who_did_it(analysis: QuestionAnalysis) -> bool:
    """Whether a question asks for who (or which body) did what its verb says: "Who made the ferry?"."""
    return analysis.answer_type in SLOTTED_TYPES and analysis.asked_slot == "subject" and bool(analysis.predicate)


def the_questions_verb(analysis: QuestionAnalysis) -> "Token | None":
    """The question's main verb (`analysis.predicate`) in its parse, if the tagger made it a verb."""
    return next((t for t in sentence_parse(analysis.question)
                 if t.pos_ == "VERB" and t.lemma_.casefold() == analysis.predicate), None)  # fmt: skip


def names_what_it_is_done_to(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering "Who fixed up the old bank?" names the thing it is done to: "the former First Farmers
    Bank building" is the bank, not who fixed it up. The name's last word is the noun of the question's object."""
    if not _asks_who_did_it(analysis) or candidate.answer is None:
        return False
    verb = the_questions_verb(analysis)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"] if verb is not None else []
    name = words(candidate.answer_text())
    if not name or not any(all_stems(name[-1]) & all_stems(o.lemma_) for o in objects):
        return False
    # the subject may be one of a kind ("Harlow Community Bank bought the bank")
    clause = answer_clause_tokens(candidate)
    return clause is None or slot_of(clause[0].root) != "subject"


def acts_rather_than_places(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering "Where ...?" is who does what its clause says, not where: "The Pinecastle City
    Council voted to turn the garage on Tannery Lane into a dorm" does not put the dorm in the council. The name is
    an organisation and its clause's subject, or the doer of a passive ("approved by the Orlow Select Board"). False
    for other questions. The question's own subject named again is no place either ("Where is Keystone keeping its
    ambulance?": "Keystone EMS" keeps it)."""
    if analysis.answer_type != "place" or candidate.answer is None:
        return False
    # (not a town's name, which a place's name often opens: "Where do Rivermont skaters skate?": "the Rivermont
    # Public Library")
    town = any(name == analysis.subject and label in ("GPE", "LOC") for name, label in analysis.entities)
    if (analysis.subject and not town and set(words(analysis.subject)) <= set(words(candidate.answer_text()))
            and _the_subject_is_the_name(analysis)):  # fmt: skip
        return True
    if candidate.answer[2] != "ORG":
        return False
    s, e, _ = candidate.answer
    # a public body acts ("The Tarrow City Council voted"); another organisation may be where things happen ("Harlan
    # Middle School will take the students", "The University of Orlow hired Lisle") unless the sentence gives a
    # place besides ("Tarrow Mills will build it in Kessel County")
    if not PUBLIC_BODY.search(candidate.passage.text, s, e) and not any(
        label in ("GPE", "LOC", "FAC") and candidate.start <= ps and pe <= candidate.end and (pe <= s or ps >= e)
        for ps, pe, label in candidate.passage.entities
    ):
        return False
    clause = answer_clause_tokens(candidate)
    # the subject, or the doer of a passive ("a contract approved Tuesday by the Ostrey Select Board")
    return clause is not None and slot_of(clause[0].root) == "subject"


def _the_subject_is_the_name(analysis: QuestionAnalysis) -> bool:
    """Whether the question's subject is its named one itself ("Keystone" in "Where is Keystone keeping its
    ambulance?"), not the owner of what it names ("Where will Cordell's summer concerts go?": the concerts)."""
    named = set(words(analysis.subject or ""))
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.lower_ in named
               for t in sentence_parse(analysis.question))  # fmt: skip


# A contract and the verbs that give one to a firm ("awarded a $1.2 million repair contract to Keystone Span Co.") or
# that a firm gets one by; the nouns for a firm hired to do a job ("the general contractor is ..."); and the act of
# doing a job ("Halvorsen Builders did the work"). Closed classes of English words.
_WORK_GIVEN = frozenset({"contract", "bid", "job"})
_GIVING_WORK = frozenset({"award", "give", "grant", "let"})
_GETTING_WORK = frozenset({"win", "land", "get", "receive", "secure"})
_HIRED_FIRMS = frozenset({"contractor", "builder", "subcontractor"})


def given_the_work(candidate: Candidate) -> bool:
    """Whether the candidate's name is the firm given a job: "awarded a $1.2 million repair contract to Keystone
    Span Co.", "awarded Keystone the contract", "the contract went to Keystone", "the contract with Keystone",
    "Keystone won the bid", "The general contractor is Brannigan & Toll Construction", "Gantry Brothers was the
    general contractor", "Keystone Rowe Builders, selected as general contractor", "Halvorsen Builders did the
    work"."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = noun_named(clause[0].root)
    head = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        giver = head.head if head.head.dep_ != "dobj" else head.head.head
        if giver.lemma_.casefold() == "go":  # "The construction contract went to Brightline Builders"
            return any(c.dep_ == "nsubj" and c.lemma_.casefold() in _WORK_GIVEN for c in giver.children)
        # ("The 4-1 vote gives the work to Harrowden Civil Constructors")
        return giver.lemma_.casefold() in _GIVING_WORK and _gives_work(giver, _WORK_GIVEN | {"work"})
    if token.dep_ == "pobj" and token.head.lower_ == "with" and head.head.lemma_.casefold() in _WORK_GIVEN:
        return True  # "The contract with Vantic Systems covers 48 cameras"
    if token.dep_ == "dative":
        return head.lemma_.casefold() in _GIVING_WORK and _gives_work(head)
    if token.dep_ == "nsubj" and head.lemma_.casefold() in _GETTING_WORK | {"do"}:
        return _gives_work(head, {"work"} if head.lemma_.casefold() == "do" else _WORK_GIVEN)
    if token.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
        return any(c.dep_ in ("nsubj", "attr") and c is not token and c.lemma_.casefold() in _HIRED_FIRMS
                   for c in head.children)  # fmt: skip
    if token.dep_ == "pobj" and head.lower_ == "from":
        # "The lowest of four bids came from Ferrowlind Builders", "The winning offer, from Grisedale Construction,
        # was $11.3 million": the firm whose bid won or was the lowest, which gets the job
        offer = head.head
        if offer.lemma_.casefold() == "come":
            offer = next((c for c in offer.children if c.dep_ == "nsubj"), offer)
        return _a_winning_bid(offer)
    if token.lemma_.casefold() in _HIRED_FIRMS and not clause[0].start <= token.i < clause[0].end:
        return True  # "The contractor, Drayfield Excavating of Siskell Flats, faces penalties": the name stands for it
        # (not a firm's own last word: "Tavish Contractors owes back taxes")
    return any((c.dep_ == "appos" and c.lemma_.casefold() in _HIRED_FIRMS)
               or (c.dep_ == "acl" and any(p.lower_ == "as" and any(o.lemma_.casefold() in _HIRED_FIRMS
                                                                      for o in p.children) for p in c.children))
               for c in token.children)  # fmt: skip


def _a_winning_bid(offer: "Token") -> bool:
    """Whether the noun is a bid or offer that won or was the lowest ("the winning bid", "the lowest offer", "the
    lowest of four bids"); not any bid ("Four bids came from out of state")."""
    if offer.lower_ in _WINNING_BIDS:  # "the lowest of four bids": the parser heads it with "lowest"
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.casefold() in _OFFERS for o in c.children)
                   for c in offer.children)  # fmt: skip
    return offer.lemma_.casefold() in _OFFERS and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _WINNING_BIDS for c in offer.children
    )


# What a firm offers to do a job for, and the words for the one of them that gets it.
_OFFERS = frozenset({"bid", "offer", "proposal"})
_WINNING_BIDS = frozenset({"low", "lowest", "winning", "successful", "cheapest"})


def made_by(candidate: Candidate, work: str) -> bool:
    """Whether the candidate's name is the "by" of the work: "the audit, carried out by X", "a report by X", "The
    audit was conducted by X"."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = noun_named(clause[0].root)
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    made = token.head.head
    if made.pos_ == "VERB":
        if made.lemma_.casefold() not in _MAKING_WORK:
            return False  # "commissioned by the council", "presented by the mayor": not who made it
        if made.dep_ in ("acl", "relcl"):
            made = made.head
        else:
            made = next((c for c in made.children if c.dep_ == "nsubjpass"), made)
    return made.lemma_.casefold() == work


# Verbs a work is made by ("carried out by", "prepared by"); not those of one who orders, pays for, presents or
# reads it ("commissioned by", "presented by").
_MAKING_WORK = frozenset({"carry", "conduct", "prepare", "write", "do", "compile", "produce", "author", "draft",
                          "perform", "complete", "undertake", "draw", "put", "lead", "run", "make"})  # fmt: skip


def _gives_work(verb: "Token", nouns: frozenset[str] | set[str] = _WORK_GIVEN) -> bool:
    """Whether the verb's object is a contract, a bid or a job (or, for "do", the work)."""
    return any(c.dep_ == "dobj" and c.lemma_.casefold() in nouns for c in verb.children)


# Verbs of making a work, and the nouns news calls its maker or the making by ("the project's architect", "plans
# drawn up by ...", "its author"): a closed class of English words.
_DESIGNING = ("design", "designer", "architect", "architecture", "plan", "drawing", "draw", "drew", "drawn")
_WORKS_MADE = {
    "design": _DESIGNING,
    "write": ("write", "writer", "author", "wrote", "written", "draft"),
    "paint": ("paint", "painter", "painting", "mural", "artist"),
    "compose": ("compose", "composer", "composition", "score"),
    "sculpt": ("sculpt", "sculptor", "sculpture", "artist"),
    "photograph": ("photograph", "photographer", "photo"),
    "draw": (*_DESIGNING, "artist", "illustrator"),  # (plans are drawn up by who designs: "designed by ...")
}


def made_no_work_told(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering who made a work ("Who designed the garage?", "Who wrote the report?") comes from a
    sentence, and the one before it, that tell no making of it nor name any maker: "The City Council voted to build a
    garage on the lot behind the Vantry County Courthouse" names who decided, and a building; "The plans were drawn
    up by Ames Architects" and "Ada Fisk, the project's architect, said ..." tell the maker."""
    if not _asks_who_did_it(analysis) or candidate.answer is None:
        return False
    words = _WORKS_MADE.get(analysis.predicate or "")
    if words is None:
        return False
    by = _BY_BEFORE.search(candidate.passage.text, max(candidate.start, candidate.answer[0] - _BY_REACH),
                           candidate.answer[0])  # fmt: skip
    if by is not None and by.group(1).casefold() not in _NOT_MADE_BY:
        return False  # "according to a report by the city's emergency management director, Ines Falk": its maker
    told = text_stems(with_sentence_before(candidate))
    return not told & all_stems(" ".join(words))


# A name after "by" within a few words of it ("a report by the county's engineer, Ines Falk"; "designed by Ames").
_BY_REACH = 60
_BY_BEFORE = re.compile(r"([\w'’-]+)\s+by\b[^.;:!?]*$")
# Verbs before "by" of one who orders, pays for, presents or passes a work, not its maker ("presented by Councilor
# Ada Fisk", "commissioned by the council").
_NOT_MADE_BY = frozenset({"presented", "commissioned", "ordered", "requested", "released", "received", "funded",
                          "paid", "approved", "led", "read", "backed", "sponsored", "endorsed", "adopted", "reviewed"})
