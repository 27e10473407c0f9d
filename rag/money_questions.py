"""Whether a "how much" or "what" question asks for a sum of money: "How much did the bakery sell for?", "What
did the repairs cost?", "How much will a pass run me?".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.answer_types import MONEY_WORDS
from rag.asked_roles import OFFICE_TITLES
from rag.verb_meanings import phrasal_meaning

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose object is a sum of money.
_PRICE_VERBS = frozenset({"cost", "spend", "pay", "owe", "borrow", "charge"})
# Those of them that take the one paid or charged as a second object: "What did the firm charge the town?"
_TWO_OBJECT_PRICE_VERBS = frozenset({"cost", "pay", "owe", "charge"})


def asks_a_price(wh: "Token") -> bool:
    """"What did the repairs cost?", "What will the town pay?": the verb of money has "what" as its object
    ("What did the city spend the grant on?" has an object of its own and asks for a thing), or as one of two
    on a verb that takes the one paid too ("What did the firm charge the town?", "What did Orlow pay its chief?")."""
    verbs = [wh.head, *(c for c in wh.head.children if c.dep_ in ("ccomp", "xcomp"))]
    return any(
        verb.lemma_.casefold() in _TWO_OBJECT_PRICE_VERBS
        or (verb.lemma_.casefold() in _PRICE_VERBS and not any(c.dep_ == "dobj" and c.i != wh.i for c in verb.children))
        for verb in verbs
    )


def asks_a_price_of_the_question(doc: "Doc", wh: "Token") -> bool:
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
        if word in PRICE_VERB_FORMS or (hourly and word in _WAGE_VERB_FORMS):
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


def first_noun(wh: "Token") -> "Token | None":
    """The head of the first noun phrase after the question word and its auxiliary ("what does [a walk-on round
    trip] cost": "trip")."""
    found = None
    for token in wh.doc[wh.i + 2 :]:
        if token.pos_ in ("NOUN", "PROPN"):
            found = token
        elif found is not None and token.pos_ not in ("ADJ", "PUNCT"):
            break
    return found


# The written forms of the verbs of price asks_a_price_of_the_question reads (the lemmatiser errs on a verb the
# tagger took for a noun), and of "make", which asks for a wage with an hourly rate ("an hour").
PRICE_VERB_FORMS = frozenset({"cost", "costs", "costing", "pay", "pays", "paid", "paying", "charge", "charges",
                              "charged", "charging", "earn", "earns", "earned", "earning"})  # fmt: skip
_WAGE_VERB_FORMS = frozenset({"make", "makes", "made", "making"})


def mentions_money(doc: "Doc") -> bool:
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


def much_on_a_verb_of_money(much: "Token") -> bool:
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
    if lemma in ("put", "promise", "commit") and any(c.dep_ == "prep" and c.lower_ in ("toward", "towards")
                                                     for c in verb.children):  # fmt: skip
        return True  # "How much is the town putting toward the wing?", "promised toward": a sum put toward a cost
    if lemma == "ask" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return True  # "How much is the county asking the state for?": a sum asked for (not "asking for help")
    if lemma == "make" and _a_person(_subject_of(verb)) and not any(c.lower_ == "of" for c in much.children):
        return True  # "How much do new hires make per hour?", "How much does the clerk make?": pay (not "How much
        # of a difference did the mayor make?")
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


# Nouns for one who is paid, beyond the titles of office: "new hires", "staff", "workers".
_PAID_PEOPLE = frozenset({"hire", "worker", "employee", "staff", "staffer", "teacher", "nurse", "officer", "driver",
                          "clerk", "aide", "guard", "lifeguard", "firefighter", "dispatcher", "mechanic", "janitor"})


def _subject_of(verb: "Token") -> "Token | None":
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _a_person(noun: "Token | None") -> bool:
    """Whether a question's subject is someone paid: a person's name, or a noun for one who works."""
    if noun is None:
        return False
    lemma = noun.lemma_.casefold()
    return noun.ent_type_ == "PERSON" or lemma in _PAID_PEOPLE or lemma in OFFICE_TITLES


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


def charges_someone(much: "Token") -> bool:
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
    return lemma in MONEY_WORDS or (lemma.endswith("ing") and lemma[:-3] in MONEY_WORDS)
