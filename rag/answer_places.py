"""Whether a name a sentence gives is a place that answers "where": not the dateline's, not a street or a
feature of the land when a town is asked, not one the passage gives elsewhere or lists among others, not a
person's home town or the publisher's name; and the streets, roads and datelines themselves.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.models import Passage
from rag.name_words import A_FIRM_WORD_LAST, BODY_NOT_A_PLACE
from rag.text import stems
from rag.verb_classes import SAYING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Where something has been for a while: "After 12 years in Veterans Park, the festival ...", or a place after a verb of
# being housed there with "since 1998" or "for the past 12 years" after it ("housed at the Main Street station since
# 1998"), which answers no question of where it will be or is moving to; not a place that has been empty or idle
# ("a lot that had sat empty for 10 years") nor one it keeps ("as it has since 2009"). English words of time.
_AFTER_A_WHILE_IN = re.compile(
    r"^(?:[A-Z][A-Z .'’-]*\s+[-—–]+\s+)?\W*(?:After|For)\s+(?:the\s+(?:past|last)\s+)?(?:more\s+than\s+)?\w+\s+"
    r"(?:years|decades|winters|summers|seasons)\s+(?:at|in|on|inside|out\s+of)\s+(?:the\s+)?$"
)
_HOUSED_BEFORE = re.compile(
    r"\b(?:housed|based|located|headquartered|operat(?:ed|es|ing)\s+out\s+of|work(?:ed|s|ing)\s+out\s+of|"
    r"(?:has|have|had)\s+been)\s+(?:in|at|on|out\s+of|inside)?\s*(?:the\s+|a\s+)?(?:[\w.'’-]+\s+){0,5}$"
)
_FOR_A_WHILE_AFTER = re.compile(
    r"^[^,;.]{0,25}?\b(?:since\s+(?:\d{4}|the\s+\d{4}s)|for\s+the\s+(?:past|last)\s+(?:\d+|\w+)\s+(?:years|decades))\b"
)


def where_it_has_been(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the place at text[s:e] is said to be where something has been for a while: "After 12 years in" opening
    the sentence before it, or a verb of being housed before it and "since 1998" or "for the past 12 years" after
    it in its clause."""
    if _AFTER_A_WHILE_IN.match(text[start:s]):
        return True
    return bool(_HOUSED_BEFORE.search(text, max(start, s - 60), s) and _FOR_A_WHILE_AFTER.match(text[e:end]))


def in_a_dateline(text: str, start: int, end: int) -> bool:
    """The entity at [start, end) is part of a dateline: the place in capitals that opens a line ("KESTRELTON
    - ...") or a news service's credit in parentheses after it ("KESTRELTON (RNS) - ...", "OXLEY (AP) —")."""
    if (start == 0 or text[start - 1] == "\n") and text[start:end].isupper():
        return bool(_DATELINE_AFTER.match(text, end) or _DASH_LAST.search(text, start, end))
    return bool(_WIRE_CREDIT_BEFORE.search(text, max(0, start - 40), start)) and text[end : end + 1] == ")"


def the_datelines_place(passage: Passage, name: str) -> bool:
    """Whether `name` is the place the passage's dateline gives in capitals ("COPPICE HOLLOW (LBPR) - ...")."""
    capitals = name.upper()
    if capitals == name:
        return False  # the dateline itself, which the callers read with in_a_dateline
    return any(_DATELINE_AFTER.match(passage.text, m.end()) for m in
               re.finditer(rf"(?:^|\n){re.escape(capitals)}\b", passage.text))  # fmt: skip


# A dateline's place in capitals and the parenthesis that opens a news service's credit.
# A dateline may give the state after the town, as US news writing abbreviates it ("ORLOW, Kan. (AP) -").
# An abbreviation ("Kan.", "N.C.") or a state's name written out ("Ohio", "New Mexico"); not any capitalised word,
# which a list line gives after a firm's name ("HESKETH PAVING, Orlow - $1.2 million").
_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
    "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
    "Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)
_DATELINE_STATE = rf"(?:,\s*(?:[A-Z][a-z]{{1,4}}\.|[A-Z]{{2,5}}\.|[A-Z]\.\s?[A-Z]\.|(?:{_US_STATES})\b))?"
_WIRE_CREDIT_BEFORE = re.compile(rf"(?:^|\n)[A-Z][A-Z.'’ ]*{_DATELINE_STATE}\s*\($")
# What follows a dateline's place: the state, perhaps, a credit in parentheses, perhaps, and a dash.
_DATELINE_AFTER = re.compile(rf"{_DATELINE_STATE}\s*(?:\([^)\n]{{1,30}}\)\s*)?[-—–]")
# A dateline (the place in capitals and a dash, as news writing opens an article) at the start of an entity.
_DASH_LAST = re.compile(r"\s[—–-]{1,2}$")  # "BRENNAN FALLS -": the model took the dateline's dash into the name

# (with a news service's credit after the place: "LANFORD (WLPR) - ")
ENTITY_DATELINE = re.compile(r"[A-Z][A-Z.'’]*(?:[ ,]+[A-Z][A-Z.'’]*){0,3}(?:\s+\([A-Z][\w.]*\))?"
                              r"\s+[—–-]{1,2}\s+")  # fmt: skip
# A street name right after a number makes it a house number. The words are the English street types.
STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Street|St\.|Road|Rd\.|Row|Lane|Ln\.|Avenue|Ave\.|Drive|Dr\.|Court|Ct\.|"
    r"Boulevard|Blvd\.|Way|Place|Pl\.|Terrace|Circle|Parkway|Pike|Trail|Highway)\b"
)
# Where a place stands, after its name: " on Depot Road", " at 14 Quay Lane".
ADDRESS_TAIL = re.compile(r"\s+(?:on|at|off)(?:\s+\d+)?" + STREET_AFTER.pattern)


def owns_another_of_the_focus(text: str, start: int, end: int, focus_stems: set[str], question: str) -> bool:
    """Whether the place at text[start:end] owns, by a possessive, a thing of the kind the question asks where is
    ("Ridley's center" for "Where is the Bascom County 911 center?"), while the question names that thing's place
    otherwise: the place's own one, not the one asked about."""
    owned = _OWNED_AFTER.match(text, end)
    if owned is None or not set(stems(owned.group(1))) & focus_stems:
        return False
    place = text[start:end].split()
    return bool(place) and place[-1].casefold() not in question.casefold()


_OWNED_AFTER = re.compile(r"['’]s\s+((?:[\w-]+\s+){0,2}[\w-]+)")


# The last word of a street's name, and what puts a name in a street's place: a house number or a preposition of
# place ("418 Quillon Lane", "on Quillon Lane"); a person may be called Lane or Street ("Tom Lane said").
THOROUGHFARE = re.compile(
    r"\s(?:Street|St\.?|Road|Rd\.?|Lane|Ln\.?|Avenue|Ave\.?|Drive|Boulevard|Blvd\.?|Highway|Hwy\.?|Pike|Parkway|"
    r"Terrace|Alley)$"
)
_BEFORE_A_STREET = re.compile(r"(?:\b(?:on|at|along|off|near|onto|down|up|across|over|past|through|to)\s+|\d+\s+)$",
                              re.IGNORECASE)  # fmt: skip


# A name that is a lake, river or other feature of the land, or a dam: its head noun, last or (for "Lake Orrin",
# "Mount Tarn") first. English geographic nouns; a firm's name goes on after them ("Lake Orrin Marine Supply").
_NATURAL_FEATURE = re.compile(
    r"^(?:the\s+)?(?:(?:[A-Z][\w'’.-]*\s+){1,3}(?:Lake|River|Creek|Brook|Pond|Reservoir|Bay|Island|Mountain|Hill|"
    r"Valley|Beach|Falls|Dam|Lagoon|Marsh|Swamp|Canyon|Peninsula)|(?:Lake|Mount|Mt\.)\s+[A-Z][\w'’-]*)$"
)

# Those of the nouns that are also common surnames ("Ada Marsh", "Tom Hill"): a person the model tags is one.
_SURNAME_FEATURES = frozenset({"Hill", "Marsh", "Brook", "Beach", "Bay", "Pond", "Lake", "Falls", "Valley"})


# A surname's particle before such a noun: "Pieter Van Dam", "Lena Ten Dam".
_SURNAME_PARTICLE = re.compile(r"\b(?:[Vv]an|[Vv]on|[Tt]en|[Tt]er|[Dd]e|[Dd]u|[Ll]e|[Ll]a)\s+[A-Z][\w'’-]*$")


def a_natural_feature(name: str, label: str) -> bool:
    """Whether `name` is a lake, river, dam or the like (`_NATURAL_FEATURE`), not a person of that surname."""
    return bool(_NATURAL_FEATURE.search(name)) and not (
        label == "PERSON" and (name.split()[-1] in _SURNAME_FEATURES or _SURNAME_PARTICLE.search(name))
    )


# Nouns for someone the news does not name, whom a town's name before them tells where they are from ("a Tarrow
# man", "two Oxley teenagers"); not "the Pettibone family", "Harlow voters", which are a family and a town's voters.
_UNNAMED_PEOPLE = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "youth", "child", "resident", "native",
                             "driver", "motorist", "homeowner", "farmer", "couple"})  # fmt: skip


def where_someone_is_from(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the name at text[s:e] stands before a noun for someone unnamed in its sentence text[start:end] ("A
    34-year-old Tarrow man was rescued", "two Oxley women"): the place they are from, whatever the model tagged
    it."""
    head = noun_it_names(text, s, e, start, end)
    return head is not None and head.lemma_.casefold() in _UNNAMED_PEOPLE


def noun_it_names(text: str, s: int, e: int, start: int, end: int) -> "Token | None":
    """The noun after the name at text[s:e] that the name stands before as a word of it, in its sentence
    text[start:end] ("man" of "a Tarrow man", "campus" of "the Quarry Road campus"), if any."""
    doc = sentence_parse(text[start:end])
    span = doc.char_span(s - start, e - start, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    return root.head if root.dep_ in ("compound", "amod") and root.head.i >= span.end else None


def a_place_by_its_name(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] ends in a street's or a feature of the land's word and follows a house
    number or a preposition of place ("on Halsey Road", "on Quarry Hill", "near Pell Ridge"): a place, whatever the
    model tagged it ("Tom Hill said" follows none)."""
    name = text[start:end]
    return bool((THOROUGHFARE.search(name) or _FEATURE_WORD.search(name))
                and _BEFORE_A_STREET.search(text[max(0, start - 12) : start]))  # fmt: skip


# The last word of a feature of the land's name ("Quarry Hill", "Pell Ridge").
_FEATURE_WORD = re.compile(
    r"\s(?:Lake|River|Creek|Brook|Pond|Reservoir|Bay|Island|Mountain|Hill|Ridge|Peak|Point|Valley|Beach|Falls|"
    r"Dam|Marsh|Canyon|Cove|Hollow|Bluff|Glen)$"
)

ROAD_NOUN_LAST = re.compile(r"\b(?:Road|Route|Highway|Hwy\.?|Interstate)$")


def a_proper_name(passage: Passage, s: int, e: int) -> bool:
    """Whether passage.text[s:e], what is left of a name the model joined to the dateline, may be a name: more than
    one word, or a word the passage also writes with a capital inside a sentence ("OXLEY - Walmart will close ...,
    a Walmart spokesman said"); not "ELLSWORTH - Someone broke in", "RIVERMONT - Children swarmed the playground",
    "BIRCHMOOR - Police arrested ..." (a firm named once, right after the dateline, is lost with them)."""
    parts = passage.text[s:e].split()
    if len(parts) != 1:
        return True
    word = parts[0].strip(".,;:'’")
    return bool(re.search(rf"[a-z,;]\s+{re.escape(word)}\b", passage.text))


def a_street(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is a street: a street's last word, after a house number or a
    preposition of place."""
    return bool(THOROUGHFARE.search(text[start:end]) and _BEFORE_A_STREET.search(text[max(0, start - 12) : start]))


def a_place_elsewhere(passage: Passage, name: str) -> bool:
    """Whether the passage names `name` as a place elsewhere: the model tags it as one there, or, a single word
    that is no person's surname there, it follows "in", "near" or "outside" ("a plant in Tidewick"; "in Tam Wyle's
    view" is his, "confidence in Renn" too)."""
    if any(label in _PLACE_LABELS and passage.text[s:e] == name for s, e, label in passage.entities):
        return True
    # "lost confidence in Ada Renn", "trust in Renn": a person's name after "in" is no place
    if " " in name or any(label == "PERSON" and passage.text[s:e].split()[-1:] == [name] and " " in passage.text[s:e]
                          for s, e, label in passage.entities):  # fmt: skip
        return False
    return bool(re.search(rf"\b(?:in|near|outside)\s+{re.escape(name)}\b(?!['’]s)", passage.text))


# A list of places after a preposition of place: "in Oxley and Tarn", "near Oxley, Tarn or Wyle".
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|across|around|throughout|between)\s+$", re.IGNORECASE)
_LIST_JOINT = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def listed_with_places(passage: Passage, start: int, end: int) -> bool:
    """Whether the name at passage.text[start:end] stands in a list of places after a preposition of place
    ("stolen from cars parked in Oxley and Tarn"), beside a name the model did take for a place. A place and a
    comma before a name make no list ("In Oxley, Tam Wyle said")."""
    text = passage.text
    names = sorted((s, e, label) for s, e, label in passage.entities)
    at = next((i for i, (s, e, _) in enumerate(names) if s == start and e == end), None)
    if at is None:
        return False
    first = at
    while first > 0 and _LIST_JOINT.match(text[names[first - 1][1] : names[first][0]]):
        first -= 1
    last = at
    while last + 1 < len(names) and _LIST_JOINT.match(text[names[last][1] : names[last + 1][0]]):
        last += 1
    listed = names[first : last + 1]
    # a list ends in "and" or "or": "In Harwick, Jo Tallis opened ..." is a place that opens the sentence and
    # then a person, as is "..., the first in Harwick, Jo Tallis said"
    joined = any(re.search(r"\b(?:and|or)\b", text[names[i][1] : names[i + 1][0]]) for i in range(first, last))
    return (
        joined
        and any(label in _PLACE_LABELS for i, (_, _, label) in enumerate(listed, start=first) if i != at)
        and bool(_PLACE_PREPOSITION.search(text[max(0, listed[0][0] - 12) : listed[0][0]]))
    )


def inside_the_outlets_name(passage: Passage, start: int, end: int) -> bool:
    """Whether text[start:end] is a number of the passage's publisher's name, as the name is written in full
    ("according to WVCQ 6 News") or from that number on ("told 6 News")."""
    words = (passage.source or "").split()
    number = passage.text[start:end]
    if number not in words:
        return False
    rest = " ".join(words[words.index(number) :])  # "6 News"
    if len(rest) > len(number) and passage.text.startswith(rest, start):
        return True
    name = " ".join(words)
    found = passage.text.find(name, max(0, end - len(name)), start + len(name))
    return found != -1 and found <= start and end <= found + len(name)


# "Co." ending a firm's name ("Harlow Paving Co."), which rag.name_words' firm words leave out; a firm's word inside a
# name, not last, makes no firm ("the County Services Building" is a place).
_CO_LAST = re.compile(r"\bco\.?$", re.IGNORECASE)


def a_body(name: str) -> bool:
    """Whether a name is a body's ("the Select Board", "the Board of County Commissioners"), which holds no post one
    person holds: it names who fills it, or whom it was written to."""
    return bool(BODY_NOT_A_PLACE.search(name))


# A building or a room after a body's name ("the Board of Regents office"), or "before" it ("testified before the
# Town Council"): the body stands for where it sits.
_A_BUILDING_AFTER = re.compile(r"['’]?s?\s+(?:office|offices|building|headquarters|chambers|hall|room|yard|garage)\b",
                               re.IGNORECASE)
_BEFORE_IT = re.compile(r"\bbefore\s+$", re.IGNORECASE)


def a_body_as_a_place(text: str, s: int, e: int, start: int) -> bool:
    """Whether the body named at text[s:e] stands for where it sits: a building after its name, or "before" it."""
    return bool(_A_BUILDING_AFTER.match(text, e) or _BEFORE_IT.search(text[max(start, s - 10) : s]))


def a_body_or_a_firm(name: str) -> bool:
    """Whether a name the model gave as an organisation is a body's or a firm's ("Harlow Paving Co.", "Kell &
    Roe"), no place where something is or happens (unlike "Harlan Middle School" or "Tolvane County")."""
    return a_body(name) or bool(A_FIRM_WORD_LAST.search(name) or _CO_LAST.search(name) or "&" in name)


# Verbs of saying something, whose subject is a person ("Vantongeren said", "Doukan added").
_SPEAKING_VERBS = SAYING_VERBS | {"add", "note", "explain", "write"}


def a_speaker(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the name at text[s:e] is who says something in its sentence text[start:end] ("Vantongeren said the
    move ...", "..., Doukan told the board"): a person, whatever the model tagged the name."""
    doc = sentence_parse(text[start:end])
    span = doc.char_span(s - start, e - start, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.casefold() in _SPEAKING_VERBS
