"""Who a "Who ...?" question asks for: the holder of a role ("Who is the prosecutor?", "Who heads the trust?"),
or who a named one is ("Who is Dale Orrin?"); and the nouns for people, posts and titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rag.text import stems
from rag.verb_classes import AUXILIARIES, IRREALIS_AUXILIARIES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs of leading or owning something, and the titles news gives whoever does it: "Who heads the trust?" is
# answered by "Ada Renn, executive director of the trust". English titles, not the words of a corpus.
LEADING_ROLES = {
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


def the_role(role: "Token | None", leading: tuple[str, ...] | None) -> str | None:
    """The role a "Who ...?" question asks the holder of: its noun ("prosecutor"), the titles of a head for "Who is
    the head of the hospital?" (news writes "CEO Ada Renn", not "head Ada Renn"; not for "leader", which may be of
    a rally), or the titles of one who does the question's verb of leading (`LEADING_ROLES`)."""
    if role is None:
        return " ".join(leading) if leading else None
    lemma = role.lemma_.casefold()
    return " ".join(LEADING_ROLES["head"]) if lemma == "head" else lemma


def has_an_object(doc: "Doc", predicate: str | None) -> bool:
    """Whether the question's verb takes a direct object ("Who runs the marina?"; not "Who is running for mayor?")."""
    return any(t.lemma_.casefold() == predicate and any(c.dep_ == "dobj" for c in t.children) for t in doc)


# Nouns for anyone at all: "Who was the second man police sought?" asks for a person, not for a role.
ANYONE_NOUNS = frozenset({"man", "woman", "person", "people", "one", "boy", "girl", "child", "individual", "guy",
                          "lady", "kid", "teen", "teenager"})


# The titles of the members of a local body, which news writes before their names instead of "member" ("Commissioner
# Ada Quist", "Councilor Sol Reyes", "Trustee Tam Orr"). English words.
# (not "director" or "supervisor", titles of a body's staff as often as of its members)
BODY_MEMBER_TITLES = ("commissioner", "councilor", "councillor", "councilman", "councilwoman", "councilmember",
                      "trustee", "selectman", "selectwoman", "alderman", "alderwoman")


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
    if role == "member":  # "Which member of the commission voted no?": "Commissioner Lark Fennimore cast the lone ..."
        return (role, *BODY_MEMBER_TITLES)
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


# Verbs of putting someone in a post or of holding one, whose "as" names the post: "hired as auditor", "will serve as
# interim principal", "sworn in as coroner", "took over as coach". English verbs (not "describe ... as the chief
# worry", "honored as teacher of the year").
_POSTING_VERBS = frozenset({"hire", "name", "appoint", "elect", "choose", "pick", "select", "swear", "serve", "act",
                            "take", "replace", "succeed", "fill", "step", "install", "tap", "promote", "nominate",
                            "confirm", "return", "stay", "remain", "start", "begin", "work"})  # fmt: skip
# Heads of posts named by the words before them, which another title may be ("chief financial officer": "CFO").
_GENERAL_POSTS = frozenset({"officer", "official", "member"})


def post_after_as(wh: "Token | None") -> str | None:
    """For "Who was hired as Orby's auditor?", "Who will serve as interim principal?", "Whom did the board name as
    its clerk?": the post after the verb's "as", which the one asked for is to hold; None for a name or a noun for
    anyone ("Who was named as a witness?" asks for no post)."""
    if wh is None or wh.lower_ not in ("who", "whom"):
        return None
    verb = wh.head
    if (wh.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ != "VERB"
            or verb.lemma_.casefold() not in _POSTING_VERBS):  # fmt: skip
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        post = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if (post is not None and post.pos_ == "NOUN" and post.lemma_.casefold() not in ANYONE_NOUNS | _GENERAL_POSTS
                and not any(c.lower_ in ("a", "an") for c in post.children)):  # fmt: skip
            return post.lemma_.casefold()
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


def agent_verbs(role: "Token | None") -> list[str]:
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
    ruled_out = set(stems(" ".join(AUXILIARIES | IRREALIS_AUXILIARIES))) | set(stems(word))
    return [form for form in forms if len(form) >= 3 and not set(stems(form)) & ruled_out]


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


def asks_who_someone_is(wh: "Token") -> bool:
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


def identity_name(doc: "Doc", wh: "Token | None") -> str | None:
    """The name in "Who is Dale Orrin?" (None for any other question)."""
    if wh is None or wh.lower_ not in ("who", "whom"):
        return None
    token = _identity_token(wh)
    if token is None:
        return None
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    return entity.text if entity is not None else token.text
