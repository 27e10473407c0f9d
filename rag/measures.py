"""Whether a measure answers the dimension a question asks for ("How deep ...?" is not answered by "3 miles
long"), and whether a length is of the thing asked about.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from index.nlp import sentence_parse
from rag.answer_types import is_duration
from rag.candidate import Entity
from rag.value_clause import governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Units of the dimensions a "how high / fast / heavy / hot ...?" question may ask for, as news writes them.
_UNITS_OF = {
    "length": re.compile(r"\b(?:(?<!acre-)feet|(?<!acre-)foot|ft|inch(?:es)?|yards?|miles?(?!\s+(?:an|per)\s+hour)|met(?:er|re)s?|"
                         r"(?:kilo|centi|milli)met(?:er|re)s?|km|cm|mm|stor(?:y|ies))\b", re.IGNORECASE),
    "speed": re.compile(r"\b(?:mph|knots|km/h|kph|(?:miles|kilomet(?:er|re)s)\s+(?:an|per)\s+hour)\b", re.IGNORECASE),
    "weight": re.compile(r"\b(?:pounds?|lbs?|tons?|tonnes?|kilograms?|kg|ounces?|oz)\b", re.IGNORECASE),
    "heat": re.compile(r"\bdegrees?\b|°", re.IGNORECASE),
    "area": re.compile(r"\b(?:acres?|hectares?|square\s+(?:feet|foot|miles?|met(?:er|re)s?|yards?)|sq\.?\s*(?:ft|mi)\b)",
                       re.IGNORECASE),
    "volume": re.compile(r"\b(?:gallons?|lit(?:er|re)s?|acre-feet|acre-foot|cubic\s+\w+|barrels?|bushels?)\b",
                         re.IGNORECASE),
}
# The dimension each adjective of a measure asks for ("high winds" and "a high temperature" ask for another:
# a question naming wind, speed, heat or weight is left alone).
_DIMENSION_ASKED = {"high": "length", "tall": "length", "deep": "length", "shallow": "length", "far": "length",
                    "wide": "length", "thick": "length", "fast": "speed", "heavy": "weight", "hot": "heat",
                    "cold": "heat", "warm": "heat", "cool": "heat"}  # fmt: skip
_OTHER_DIMENSION_WORDS = re.compile(
    r"\b(?:winds?(?!\s+(?:turbines?|farms?|mills?|energy|power|projects?|compan(?:y|ies)|developers?))|gusts?|speeds?|temperatures?|heat|weights?|degrees?|thermometer|mercury|pressure|prices?|"
    r"fevers?)\b",
    re.IGNORECASE,
)
# Snow, rain and ice, whose "heavy" is told in inches: "How heavy was the snowfall?": "10 inches"
_FALLING = re.compile(r"\b(?:snow\w*|rain\w*|ice|sleet|hail|precipitation|downpours?)\b", re.IGNORECASE)
# An amount that grows "high" in bushels, barrels or gallons: "How high were corn yields?", "How high did the harvest
# climb?"
_AN_AMOUNT = re.compile(r"\b(?:yields?|harvests?|production|output|catch(?:es)?|sales|usage|consumption|demand|"
                        r"withdrawals?)\b", re.IGNORECASE)
# What spreads over land, told in acres: "How far has the fire spread?"
_SPREADING = re.compile(r"\b(?:spread|spreading|spreads|grown|grew|grow|expanded|expand)\b", re.IGNORECASE)
# "How high did it get?": no thing measured is named, and "it" may be the heat ("104 degrees") as well as the water
_HIGH_IT = re.compile(r"\bhow\s+high\s+(?:did|does|do|will|would|could|was|is|has|had)\s+it\b", re.IGNORECASE)


def of_another_dimension(question: str, value: str) -> bool:
    """Whether a measure's unit is of another dimension than the question's adjective asks for: "71 mph" for "How
    high did the surge get?", "40 feet" for "How fast was it going?". A value without a unit of any is not judged."""
    asked = next((_DIMENSION_ASKED[m.group(1).casefold()]
                  for m in re.finditer(r"\bhow\s+(\w+)", question, re.IGNORECASE)
                  if m.group(1).casefold() in _DIMENSION_ASKED), None)  # fmt: skip
    if asked is None or _OTHER_DIMENSION_WORDS.search(question) or _HIGH_IT.search(question):
        return False
    given = [dimension for dimension, units in _UNITS_OF.items() if units.search(value)]
    if asked == "weight" and _FALLING.search(question) and "length" in given:
        return False  # "How heavy was the rain?": "3.2 inches"
    if given and set(given) <= {"area", "volume"} and _AN_AMOUNT.search(question):
        return False  # "How high were corn yields?": "212 bushels an acre"; "How high did production go?"
    if given == ["area"] and _SPREADING.search(question):
        return False  # "How far has the fire spread?": "across 4,200 acres"
    return bool(given) and asked not in given


# The dimensions news never leaves to be understood from a bare length ("a 40-foot bridge" is long, not wide): the
# words that tell each in a sentence ("40 feet wide", "a 40-foot-wide bridge", "a width of 40 feet", "6 feet below
# grade").
_TOLD_BY_ITS_WORD = {
    "wide": re.compile(r"\b(?:wide|width|widths|widen\w*|across|breadth)\b", re.IGNORECASE),
    "thick": re.compile(r"\b(?:thick|thickness)\b", re.IGNORECASE),
    # (water that rises or crests tells its depth: "the creek rose 3 feet")
    "deep": re.compile(r"\b(?:deep|depth|depths|below|beneath|under|underground|down|bottom|ris(?:e|es|en|ing)|rose|"
                       r"crest\w*)\b", re.IGNORECASE),
}


def a_dimension_not_told(question: str, sentence: str) -> bool:
    """Whether "How wide / thick / deep ...?" asks a dimension the sentence of a length does not tell by any word of
    it: "The extension will add 900 feet to the runway" tells no width. Not judged for "How far", "How high" or
    "How tall", which a bare length may answer ("a 120-foot tower")."""
    asked = next((m.group(1).casefold() for m in re.finditer(r"\bhow\s+(\w+)", question, re.IGNORECASE)
                  if m.group(1).casefold() in _TOLD_BY_ITS_WORD), None)  # fmt: skip
    return asked is not None and not _TOLD_BY_ITS_WORD[asked].search(sentence)


# A length that measures another dimension: "a 150-foot-wide berm", "30 feet high", "a 40-foot-tall tower".
_ANOTHER_DIMENSION_AFTER = re.compile(r"[\s-]*(?:wide|high|tall|deep|thick)\b", re.IGNORECASE)
# Verbs that give a height, a depth or where a thing is, not its length: "the bridge rises 60 feet", "the trail
# climbs 1,200 feet", "the fence stands 8 feet", "the route starts 1 mile from the fairgrounds".
_NOT_LENGTH_VERBS = frozenset({"rise", "climb", "drop", "fall", "sink", "soar", "tower", "dip", "descend", "bury",
                               "raise", "lower", "lift", "stand", "sit", "lie", "start", "begin", "end"})  # fmt: skip


# Prepositions that put a length between a thing and somewhere else: "runs 80 feet beneath the street", "sits 10
# feet back from the curb" (not "from the depot to the river", a path).
_WHERE_PREPOSITIONS = frozenset({"above", "below", "beneath", "underneath", "from", "off", "behind", "ahead"})
# Prepositions of a path a thing runs along ("runs 1.2 miles under the harbor"), not of where it is ("40 feet from").
_ALONG_A_PATH = frozenset({"along", "across", "through", "over", "under", "around", "down", "up", "past"})


def _a_path(preposition: "Token") -> bool:
    """"along the beach", "between the depot and the hospital", "from the station to the jetty": the way a length
    runs; not "from the curb" or "below the street", where something is."""
    word = preposition.lower_
    around = [*preposition.children, *preposition.head.children]
    return word in _ALONG_A_PATH or word == "between" or (word == "from" and any(t.lower_ == "to" for t in around))


def a_length_of(
    text: str, start: int, end: int, entity: Entity, thing: Sequence[str], entities: Sequence[Entity]
) -> bool:
    """Whether `entity`, in the sentence text[start:end], is a length ("19 miles") of the thing asked about, by
    the parse: "1.3 miles of levee", "a 3-mile bike lane", "a detour of 19 miles", "the runway will stretch 6,500
    feet", "the trail is 4.2 miles long". Not another thing's length ("closure of 2 miles of Highway 12"), nor a
    width, a height or a distance from somewhere ("rises 60 feet", "begins 3 miles north of town")."""
    if not _UNITS_OF["length"].search(text, entity[0], entity[1]) or _ANOTHER_DIMENSION_AFTER.match(text, entity[1]):
        return False
    doc = sentence_parse(text[start:end])
    span = doc.char_span(entity[0] - start, entity[1] - start, alignment_mode="expand")
    if span is None:
        return False
    unit = span.root
    things = set(thing)
    durations = [doc.char_span(s - start, e - start, alignment_mode="expand") for s, e, label in entities
                 if label in ("DATE", "TIME") and start <= s and e <= end and is_duration(text[s:e])]  # fmt: skip
    if _lasts([d for d in durations if d is not None], things):
        return False  # "The 640-mile flight lasts 95 minutes": how long it lasts is asked (not "The runway will
        # take two years to build", the time of another doing)

    def is_thing(token: "Token") -> bool:
        return token.lemma_.casefold() in things

    of = [g for c in unit.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if of:
        return any(is_thing(g) for g in of)  # "1.3 miles of levee"; not "2 miles of Highway 12"
    if any(c.dep_ == "advmod" or (c.dep_ == "prep" and not _a_path(c)) for c in unit.children):
        return False  # "3 miles north of town", "40 feet below the street": where, not how long
    head = unit.head
    while unit.dep_ == "compound" and head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "a 2,300-foot ski run"
    if unit.dep_ in ("compound", "amod", "nummod", "nmod", "npadvmod") and head.pos_ in ("NOUN", "PROPN"):
        return is_thing(head)  # "a 3-mile bike lane"
    if unit.dep_ == "pobj" and head.lower_ == "of":
        return is_thing(head.head)  # "a detour of 19 miles"
    # "is 4.2 miles long"; "runs half a mile along the beach" (the parser hangs the length on the path's preposition)
    verb = head.head if head.lower_ == "long" or (head.dep_ == "prep" and _a_path(head)) else head
    if unit.dep_ not in ("dobj", "npadvmod", "attr") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.casefold() in _NOT_LENGTH_VERBS:
        return False
    after = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    if (after is not None and after.dep_ == "prep" and after.head.i == verb.i
            and after.lower_ in _WHERE_PREPOSITIONS and not _a_path(after)):  # fmt: skip
        return False  # "runs 80 feet beneath Market Street": how deep, not how long
    return any(is_thing(subject) for subject in _subjects(verb))


def _subjects(verb: "Token") -> list["Token"]:
    """The subjects of `verb`, through a relative pronoun ("the boardwalk, which is 600 feet long": "boardwalk")
    and from the verb it is joined to ("rises 85 feet and is 1,100 feet long")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl":
        subjects = [verb.head if s.tag_ in ("WDT", "WP") else s for s in subjects]
    return subjects


def _lasts(durations: Sequence["Span"], things: set[str]) -> bool:
    """Whether one of `durations` is how long the thing itself lasts or takes: its verb's subject is the thing and
    the verb says of no other doing ("the commute takes 40 minutes", "the closure will remain in effect for ten
    days while crews patch the road"; not "the runway will take two years to build")."""
    for duration in durations:
        verb = governing_verb(duration.root)
        if verb.pos_ not in ("VERB", "AUX") or any(_another_doing(c) for c in verb.children):
            continue
        if any(c.dep_ == "nsubj" and c.lemma_.casefold() in things for c in verb.children):
            return True  # (a passive's subject undergoes another doing: "the culvert will be replaced over six weeks")
    return False


def _another_doing(clause: "Token") -> bool:
    """Whether a clause hanging on a verb tells of another doing ("take two years *to build*"); not one a
    subordinator opens, which says why or while ("*while* crews patch the road")."""
    return clause.dep_ in ("xcomp", "ccomp") or (
        clause.dep_ == "advcl" and not any(child.dep_ == "mark" for child in clause.children)
    )
