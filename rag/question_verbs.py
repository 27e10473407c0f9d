"""The verb a question asks about (its predicate, even where the tagger took it for a noun), the forms it may be
written in, and the verbs a yes/no question asks whether they happened.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.verb_classes import IRREALIS_GOVERNORS, LINKING_VERBS
from rag.verb_meanings import phrasal_meaning

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def phrasal_forms(doc: "Doc", predicate: str | None) -> tuple[str, ...]:
    """The forms of the one verb the question's phrasal verb means ("Who is taking over from her?": "succeed"), which
    a sentence may tell the act by as well as by the verb's own ("take", "took")."""
    meant = next((meaning for t in doc if t.pos_ == "VERB" and t.lemma_.casefold() == predicate
                  and (meaning := phrasal_meaning(t)) is not None), None)  # fmt: skip
    return verb_forms(meant) if meant else ()


def _asked_verb_forms(doc: "Doc") -> tuple[str, ...]:
    """The forms of the verbs a yes/no question asks about: its content verbs and "get" when it means "receive"
    ("Did the county get the grant?"), not a relative clause's ("the grant it applied for": no question), a
    participle's before a noun ("the missed pickups"), a clause's on the verb ("after students lobbied") or a
    linking verb's ("Was it ...", "Did ...", "Has ..."); written forms too, where the lemmatiser errs ("fined":
    "fin")."""
    verbs = [t for t in doc if t.pos_ == "VERB" and t.dep_ not in ("relcl", "amod", "advcl") and not _surely_no_verb(t)
             and (t.lemma_.casefold() not in LINKING_VERBS
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
    # "Can people still go sledding?" asks about the sledding, which the parser may hang as a clause of its own (not
    # "go missing", which says what became of them)
    objects += [c for t in doc if t.lemma_.casefold() == "go" for c in t.children
                if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VBG" and c.i == t.i + 1
                and c.lower_ not in _GOING_WITHOUT]  # fmt: skip
    # "Did the union sign off on the contract?" asks whether it approved it
    meant = [meaning for t in verbs if (meaning := phrasal_meaning(t)) is not None]
    return tuple(sorted({form for t in verbs + objects for form in (*verb_forms(t.lemma_.casefold()), t.lower_)}
                        | {form for meaning in meant for form in verb_forms(meaning)}))  # fmt: skip


def describing_verbs(focus: "Token | None") -> list[str]:
    """The lemmas of the verbs of a clause on the noun asked about: "close" in "the firm that will close the
    plant" and in "the firm closing the plant"."""
    if focus is None:
        return []
    return [c.lemma_.casefold() for c in focus.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]


# Words after "go" that say what became of someone, not a doing: "go missing", "go wanting", "go begging".
_GOING_WITHOUT = frozenset({"missing", "wanting", "begging", "lacking"})
# Verbs that say little without their object, which names the event: "make arrests", "hold a hearing", "conduct an
# inspection" ("give" and "take" say more: "give the funding back", "take over the building").
_LIGHT_VERBS = frozenset({"make", "hold", "conduct"})


def _predicate(doc: "Doc") -> str | None:
    """The main verb the question asks about: "vote" in "How many residents voted for ...", "lose" in "... lost
    power", "hire" in "How many workers has X hired?" (which the parser often hangs off a name), "cost" in "How
    much is it expected to cost?"; None when the question has only linking verbs ("is", "did", "has")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and _a_verb(root) and root.lemma_ not in LINKING_VERBS:
        return _verb_lemma(_complement_verb(root))
    # "What was the reason the mill shut down?": the clause on "reason" is the event asked about
    told = [c for t in doc if t.lemma_.casefold() in ("reason", "cause") and t.pos_ == "NOUN"
            for c in t.children if c.dep_ == "relcl" and _a_verb(c)]  # fmt: skip
    if told:
        return _verb_lemma(told[0])
    # the parser does not always put a question's verb at the root: take the first content verb outside a
    # relative clause ("the school that will replace ..." describes a name, it is not what is asked) and
    # outside a noun's modifier; failing that the last modifier ("Where was the driver hurt in the crash
    # taken?": the main verb comes after the subject, and a participle inside the subject before it)
    verbs = [t for t in doc if _a_verb(t) and t.lemma_ not in LINKING_VERBS and t.dep_ != "relcl"
             and not _a_joined_adjective(t)]  # fmt: skip
    clausal = [t for t in verbs if t.dep_ not in ("acl", "amod")]
    # (a participle before a noun only describes it: "When is the board holding its forum about the failed bond
    # vote?" asks of the holding, which the parser hangs on "board")
    verbs = [t for t in verbs if t.dep_ != "amod"] or verbs
    if clausal or verbs:
        return _verb_lemma(_complement_verb(clausal[0] if clausal else verbs[-1]))
    # "When will the pool reopen?": a root with an auxiliary is a verb, whatever the tagger called it
    if (root is not None and root.lemma_ not in LINKING_VERBS and any(c.dep_ == "aux" for c in root.children)
            and not _surely_no_verb(root)):  # fmt: skip
        return _verb_lemma(root)
    return _verb_after_the_subject(doc)


def _verb_lemma(verb: "Token") -> str:
    """The verb's lemma, or the verb itself where "did" shows it is the plain form the tagger took for a past
    ("Why did the mill lay off 40 workers?": "lay", which the lemmatiser read as the past of "lie"); only for the
    plain verbs that are another verb's past, not a past written after "did" ("Why did the council approved ...?")."""
    if (verb.tag_ == "VBD" and verb.lower_ in _PLAIN_AND_PAST
            and any(c.dep_ == "aux" and c.lemma_.casefold() == "do" for c in verb.children)):  # fmt: skip
        return verb.lower_
    return verb.lemma_.casefold()


# Plain verbs that are also another verb's past ("lay": "lie"; "found": "find"; "saw": "see"). English verbs.
_PLAIN_AND_PAST = frozenset({"lay", "found", "saw", "fell", "bound", "ground", "wound"})


def _a_joined_adjective(token: "Token") -> bool:
    """A participle hyphen-joined into an adjective before a noun ("laid-off workers", "long-awaited", "so-called"):
    no verb the question asks about ("When is the job fair for laid-off workers?" asks when the fair is)."""
    doc = token.doc
    joined = (token.i + 1 < len(doc) and doc[token.i + 1].text == "-") or (token.i > 0 and doc[token.i - 1].text == "-")
    return joined and token.dep_ in ("amod", "compound") and token.head.i > token.i


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
    if verb.lemma_.casefold() in LINKING_VERBS or any(
        t.lemma_.casefold() in LINKING_VERBS and t.pos_ in ("VERB", "AUX") for t in own_clause
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


def verb_forms(lemma: str | None) -> tuple[str, ...]:
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
