"""What a question expects for an answer: its question word, and from it and the word it governs in the parse
the answer type and the focus noun ("how many" + noun is a count, "which" + a time noun a date, "who" a person
...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.answer_types import FINANCE_SUMS, MONEY_WORDS, ONLY_SUMS, RESERVES, AnswerType
from rag.asked_roles import ANYONE_NOUNS, PEOPLES_NOUNS, asks_who_someone_is
from rag.money_questions import (
    PRICE_VERB_FORMS, asks_a_price, asks_a_price_of_the_question, charges_someone, first_noun, mentions_money,
    much_on_a_verb_of_money,
)  # fmt: skip
from rag.verb_classes import AUXILIARIES, SAYING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Closed classes of English nouns that say which kind of value a "what/which
# <noun>" question wants. They are the vocabulary of the answer types
# themselves, not of any corpus.
_TIME_NOUNS = frozenset({"date", "day", "year", "month", "week", "weekday", "time", "hour", "season", "decade"})
_PERCENT_NOUNS = frozenset({"percent", "percentage", "share", "proportion", "fraction", "rate"})
_COUNT_NOUNS = frozenset({"number", "count", "total"})
# Nouns for how many people live in or belong to a place ("What is the population of Orlow?"): a count, of people.
_HEADCOUNT_NOUNS = frozenset({"population", "enrollment", "enrolment"})

# Nouns for a business ("Which contractor did the work?") or another body ("Which agency ...?"): the question asks
# for an organisation's name. A business is no public body (rag.answer_entities).
BUSINESS_NOUNS = frozenset({"company", "firm", "contractor", "subcontractor", "corporation", "business", "bank",
                            "developer", "builder", "supplier", "vendor", "manufacturer", "retailer", "insurer",
                            "lender", "chain", "consultancy"})  # fmt: skip
ORGANISATION_NOUNS = BUSINESS_NOUNS | {"agency", "nonprofit", "charity", "organization", "organisation"}
_AMOUNT_NOUNS = frozenset({"amount", "sum", "size", "cost", "price", "value", "figure", "toll"})

# Nouns that name a sum in one sense and something else in another (a bill before a council, a deposit of ore, a
# premium brand): a sum only when "how much" asks about them ("How much will the water bill go up?"), never
# because the question mentions them ("How much rain fell after the bill was signed?"). "Toll" is left out:
# news counts the dead by it ("How high is the death toll?"), and an amount question takes a sum too.
_SUM_NOUNS = frozenset({"bill", "deposit", "premium", "damage"})  # "How much damage?": a sum; "damaged roofs": no
# Adjectives of size: "How big is the grant?" asks how much money it is.
_SIZE_ADJECTIVES = frozenset({"big", "large", "small", "huge", "sizable", "sizeable", "hefty"})
# Adjectives of a physical dimension: "how cold / deep / fast ..." asks for a measure with its unit.
_MEASURE_ADJECTIVES = frozenset({"cold", "hot", "warm", "cool", "deep", "shallow", "tall", "high", "low", "far",
                                 "heavy", "fast", "wide", "thick", "strong", "steep"})  # fmt: skip
# Nouns for a sum of money paid for something: "What is the fare?", "What salary will she get?" asks for a sum.
# ("bonus" is left out: a bonus may be a day off.)
SUM_OF_MONEY_NOUNS = frozenset({"fare", "fee", "salary", "wage", "pay", "rent", "tuition", "payment", "bail", "fine",
                                "pension", "severance", "refund", "rebate", "subsidy", "stipend"})  # fmt: skip

# Nouns for a sum set aside to spend, which "What is the N?" asks the size of ("What is the fair's annual budget?").
_SUMS_SET_ASIDE = frozenset({"budget"})


def _asks_what_for(wh: "Token | None") -> bool:
    """Whether the question leaves a "for" without its object ("What is the $75,000 in the budget for?"): it asks what
    something is for, not how much."""
    return wh is not None and any(
        t.lower_ == "for" and t.dep_ == "prep" and not any(c.dep_ == "pobj" for c in t.children) for t in wh.doc
    )


# "what kind of weapons": the container names the answer's shape, the noun after "of" its subject.
_CONTAINER_NOUNS = _PERCENT_NOUNS | _COUNT_NOUNS | _AMOUNT_NOUNS | {"kind", "kinds", "type", "sort", "level", "part"}
# "What did X say/tell/call ...": the answer is what was said.
_SPEECH_VERBS = frozenset({"say", "tell", "call", "write", "announce", "claim", "describe", "argue", "warn", "add"})


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


def _question_word(doc: "Doc") -> "Token | None":
    """The interrogative word: the first wh-word that is not a relative pronoun ("the call that ...") nor the
    one of a clause set before the question ("When Reid took over, how many jobs were open?": "how")."""
    found: list["Token"] = []
    for token in doc:
        if token.tag_ in ("WDT", "WP", "WP$", "WRB") and token.dep_ != "relcl" and token.lower_ != "that":
            if token.head.dep_ == "relcl" and token.i > token.head.head.i:
                continue  # "the vote which followed": a relative clause
            found.append(token)
    # "Was anybody hurt when the roof fell in?": a question opened by an auxiliary asks yes or no, and a wh-word
    # opening a clause of time or place after it only says when or where (not "Did she say when it opens?", whose
    # "when" opens what was said)
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.lower_ in AUXILIARIES:
        found = [t for t in found if not (t.dep_ == "advmod" and t.head.dep_ == "advcl" and t.i > first.i
                                          and t.head.head.lemma_.casefold() not in _TELLING_WHAT_IS_ASKED)]
    asking = [t for t in found if not (t.dep_ == "advmod" and t.head.dep_ == "advcl" and t.i < t.head.head.i)]
    return (asking or found or [None])[0]


# Verbs whose clause may be what is asked, which the parser hangs as a clause of time: "Did she say when the pool
# opens?", "Has the board decided when the vote will be held?", "Is it known when ...?". English verbs.
_TELLING_WHAT_IS_ASKED = SAYING_VERBS | {
    "report", "explain", "indicate", "specify", "mention", "decide", "determine", "set", "schedule", "plan", "choose",
    "pick", "agree", "settle", "know", "learn", "find", "hear", "ask", "wonder", "predict", "estimate", "show", "post",
    "publish", "release", "notify", "inform", "clarify", "discuss", "consider", "figure",
}  # fmt: skip


def describe_question_word(wh: "Token | None") -> str | None:
    if wh is None:
        return None
    word = wh.lower_
    if word == "how" and wh.head.pos_ in ("ADJ", "ADV") and wh.head.i == wh.i + 1:
        return f"how {wh.head.lower_}"
    return word


def _answer_type(doc: "Doc", wh: "Token | None") -> tuple[AnswerType, "Token | None"]:
    if wh is None:
        first = next((t for t in doc if not t.is_punct), None)
        if first is not None and first.lower_ in AUXILIARIES:
            return "yes_no", _subject_noun(doc)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is not None and root.lemma_.casefold() in ("list", "name", "enumerate"):
            return "list", _object_noun(root)
        return "description", _subject_noun(doc)
    word = wh.lower_
    if word in ("who", "whom", "whose"):
        if asks_who_someone_is(wh):
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
    # "How many Legionnaires' disease cases ...?", "How many Tarnby Falls customers ...?": the parser may hang "many"
    # on the possessor, or on a word of a name before the noun counted
    if noun is not None and noun.i == modified.head.i:
        while ((noun.dep_ == "poss" or (noun.dep_ == "compound" and noun.pos_ == "PROPN"))
               and noun.head.pos_ == "NOUN" and noun.head.i > noun.i):  # fmt: skip
            noun = noun.head
    if degree == "many":
        return "count", noun
    if degree == "long":
        return "duration", noun
    if degree == "much":
        if noun is not None and noun.lemma_.casefold() == "time" and modified.head.i == noun.i:
            return "duration", noun  # "How much time will she spend behind bars?": a length of time, not a sum
        # "How much revenue ...?": a sum, when the noun of public finance is the one "much" is of (not "How much did
        # revenue fall?", which may ask for a share)
        of_finance = noun is not None and noun.i == modified.head.i and noun.lemma_.casefold() in ONLY_SUMS
        money = (noun is None or noun.lemma_.casefold() in MONEY_WORDS | _SUM_NOUNS or mentions_money(doc)
                 or of_finance or charges_someone(modified) or much_on_a_verb_of_money(modified))
        return ("money" if money else "quantity"), _much_of(modified) or noun
    if degree in ("often", "frequently"):
        return "count", noun
    if degree == "old" and modified.head.pos_ not in ("NOUN", "PROPN"):
        return "age", None  # "How old is Dale Orrin?"
    if degree in _MEASURE_ADJECTIVES:
        lemma = noun.lemma_.casefold() if noun is not None else ""
        if lemma in MONEY_WORDS | _SUM_NOUNS or mentions_money(doc):
            return "money", noun  # "How high is the bail?"
        if lemma in _PERCENT_NOUNS or lemma in _AMOUNT_NOUNS or lemma in _COUNT_NOUNS:
            return "quantity", noun  # "How high are the rates?": a share or a sum, not a length
        return "measure", noun
    if noun is not None and (noun.lemma_.casefold() in SUM_OF_MONEY_NOUNS
                             or (degree in _SIZE_ADJECTIVES and noun.lemma_.casefold() in ONLY_SUMS - RESERVES)):
        return "money", noun  # "How big a fine did the dairy get?", "How big is the state grant?" (not "How well
        # funded is the pension fund?", nor "How big is the road salt reserve?")
    return "quantity", noun  # how big / large / severe ...


def _much_of(much: "Token") -> "Token | None":
    """The noun of "How much of a raise ...?" or "How much of the payout ...?", which the amount is of; None when
    "much" has no "of" phrase."""
    return next((o for c in much.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)  # fmt: skip


def long_thing(wh: "Token | None") -> tuple[str, ...]:
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


def _asks_which(wh: "Token | None") -> bool:
    """ "Which firm ...?": "which" determines a noun (not "which" standing alone)."""
    return wh is not None and wh.lower_ == "which" and wh.dep_ == "det" and wh.head.pos_ in ("NOUN", "PROPN")


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
    if noun is None and _asks_what_it_fetches(wh):
        return "money", _subject_noun(doc)
    if noun is None:
        # "What is the population of X?": the subject names what is asked for (also when the parser makes "what"
        # the subject of "be": "what's in-state tuition going to be?")
        subject = _subject_noun(doc)
        if asks_a_price_of_the_question(doc, wh):
            # the tagger that took "cost" for a noun took it for the subject too: what is priced comes first
            priced = subject if subject is None or subject.lower_ not in PRICE_VERB_FORMS else first_noun(wh)
            return "money", priced
        if subject is not None and ((wh.dep_ == "attr" and not _has_a_verb(wh.head)) or _copula_subject(wh)):
            noun = subject
        elif asks_a_price(wh):
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
        return ("money" if mentions_money(doc) else "quantity"), content or noun
    if lemma in SUM_OF_MONEY_NOUNS or (lemma in _SUMS_SET_ASIDE | FINANCE_SUMS and wh.lower_ == "what"
                                       and noun.dep_ != "pobj" and not _asks_what_for(wh)):  # fmt: skip
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


# Verbs whose "for" takes the price a thing goes for: "What did the farm sell for?", "What will the lofts rent for?".
# English verbs.
_FETCHING_VERBS = frozenset({"sell", "resell", "fetch", "rent", "lease"})


def _asks_what_it_fetches(wh: "Token") -> bool:
    """"What did the farm sell for?", "What were the condos going to sell for?", "What is the mill worth?": a
    question for the price a thing went for or is worth."""
    if (wh.dep_ == "pobj" and wh.head.lower_ == "for" and wh.head.head.lemma_.casefold() in _FETCHING_VERBS
            and not _let_out(wh.head.head)):  # fmt: skip
        return True
    if any(t.lemma_.casefold() in _FETCHING_VERBS and not _let_out(t)
           and any(c.lower_ == "for" and not any(c.children) for c in t.children)
           for t in wh.doc[wh.i + 1 :]):  # fmt: skip
        return True  # the parser leaves "for" stranded on a verb after "going to"
    # (wherever the parser hangs "worth": the subject of "What is the old mill worth?", a modifier of "What is the
    # contract worth each year?"), when nothing is worth doing ("What did they find worth saving?")
    return wh.dep_ == "attr" and wh.head.lemma_ == "be" and any(
        t.lower_ == "worth" and not any(c.dep_ in ("pcomp", "xcomp", "pobj", "dobj") for c in t.children)
        for t in wh.doc[wh.i + 1 :]
    )


def _let_out(verb: "Token") -> bool:
    """"What will Orby lease the old depot for?": a thing rented or leased out with its object named may be asked
    what for (a use), not at what price; "What will the lofts rent for?" asks a price."""
    return verb.lemma_.casefold() in ("rent", "lease") and any(c.dep_ == "dobj" for c in verb.children)


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


def _subject_noun(doc: "Doc") -> "Token | None":
    for dep in ("nsubj", "nsubjpass", "dobj", "attr", "pobj"):
        for token in doc:
            if token.dep_ == dep and token.pos_ in ("NOUN", "PROPN") and token.ent_type_ == "":
                return token
    return None


def _object_noun(root: "Token") -> "Token | None":
    return next((c for c in root.children if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN")), None)
