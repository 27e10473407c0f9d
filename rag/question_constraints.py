"""The constraints a question sets, read from its parse: the people, places and bodies it names (the model's
entities and proper nouns), years, dates, numbers, identifiers and sizes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from rag.answer_types import DURATION_UNITS
from rag.constraint import BODY_KINDS, BODY_NOUNS, YEAR_RANGE, Constraint, date_mentions, full_year
from rag.date_words import CALENDAR_WORDS, YEAR, _MONTH_NAMES
from rag.expected_answer import ROAD_NOUNS
from rag.text import NUMBER_WORDS, normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels whose mention is a constraint on the answer: who and what the question is about.
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
# The model tags unfamiliar place names as NORP ("the Wrexley budget"); a real NORP is a people's adjective
# or plural ("Peruvian", "Norwegian", "Republicans") and is paraphrased too freely to be a constraint.
_DEMONYM = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ean|eans)$", re.IGNORECASE)
_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

# Letters and digits in one token ("Quillport042", "HB-1402"), or digit groups joined by a hyphen
# that are not a year range ("2024-17" as in "Resolution 2024-17").
_IDENTIFIER = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[^\W_][\w-]*[^\W_]\b|\b\d+-\d+\b")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# What numbers one of a kind after its name: "Precinct 7", "Ward 3B", "Local 227".
_A_NUMBERING = re.compile(r"\d{1,4}(?:[A-JL-Za-jl-z])?")  # (not a race's length, "the Harwick 10K")
# A capitalised word numbered with "No." or "Number" ("Well No. 2", "Lot Number 14").
_NUMBERED_BY_NO = re.compile(r"\b([A-Z][a-z]+)\s+(?:No\.?|Number)\s*(\d{1,4}[A-Za-z]?)\b")
# A number joined to a noun it sizes ("a two-bedroom", "the 96-gallon cart", "a 10-ride book"): the thing asked
# about is of that size, which articles write in digits or in words, with a hyphen or without ("2 bedroom").
_SIZED = re.compile(rf"\b(\d+(?:\.\d+)?|{'|'.join(NUMBER_WORDS)})-([a-z]{{3,}})\b", re.IGNORECASE)


def _constraints(doc: "Doc", publisher_names: frozenset[str]) -> Iterable[Constraint]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    text = doc.text
    covered: set[int] = set()

    def emit(constraint: Constraint) -> Iterable[Constraint]:
        key = (constraint.kind, constraint.keys)
        if constraint.keys and key not in seen:
            seen.add(key)
            yield constraint

    for match in YEAR_RANGE.finditer(text):
        second = full_year(match.group(1), match.group(2))
        if second is not None:
            covered.update(range(match.start(), match.end()))
            yield from emit(Constraint(match.group(0), "year_range", keys=(match.group(1), second)))
    for match in _SIZED.finditer(text):
        number = str(NUMBER_WORDS.get(match.group(1).casefold(), match.group(1)))
        covered.update(range(match.start(), match.end()))
        if match.group(2).casefold() in DURATION_UNITS:
            continue  # "the two-hour call": outlets time one event differently ("a call of nearly an hour")
        yield from emit(Constraint(match.group(0), "size", keys=(number, match.group(2).casefold())))
    for match in _IDENTIFIER.finditer(text):
        if any(i in covered for i in range(match.start(), match.end())) or YEAR.fullmatch(match.group(0)):
            continue
        covered.update(range(match.start(), match.end()))
        yield from emit(Constraint(match.group(0), "identifier", keys=(normalise(match.group(0)),)))
    for match in _NUMBERED_BY_NO.finditer(text):
        if match.start() == 0 or any(i in covered for i in range(match.start(), match.end())):
            continue  # "No. 2 on the list ...": a question's first word is capitalised whatever it is
        # "Well No. 2", "Pump Station No. 4": the parser reads "No." as a word of its own, not as the number's
        covered.update(range(match.start(), match.end()))
        keys = (normalise(match.group(1)), match.group(2).casefold())
        yield from emit(Constraint(match.group(0), "numbered", keys=keys))
    for match in date_mentions(normalise(text)):
        yield from emit(Constraint(match.group(0), "date", keys=(str(_MONTH_NAMES[match.group("month")]),
                                                                   match.group("day"))))
    for match in YEAR.finditer(text):
        if match.start() not in covered:
            yield from emit(Constraint(match.group(0), "year", keys=(match.group(0),)))
    capitalised = _writes_names_capitalised(doc)
    for entity in doc.ents:
        if entity.label_ in _NAME_LABELS or (entity.label_ == "NORP" and not _DEMONYM.search(entity.text)):
            for constraint in _name_constraints(entity, publisher_names, covered, capitalised,
                                                _conjunction_group(entity)):  # fmt: skip
                yield from emit(constraint)
        elif entity.label_ in _NUMBER_LABELS:
            numbers = [m.group(0).replace(",", "") for m in _DIGITS.finditer(entity.text)]
            numbers = [n for n in numbers if not any(i in covered for i in range(entity.start_char, entity.end_char))]
            if numbers:
                yield from emit(Constraint(entity.text, "number", keys=tuple(numbers)))
    # proper nouns the model did not tag as an entity ("Adebanjo", "Quillport")
    in_entity = {t.i for e in doc.ents for t in e}
    for token in doc:
        if token.i == 0 and token.pos_ in ("NOUN", "PROPN", "ADJ") and token.i not in in_entity:
            number = _number_after(token)
            if number is not None and number.idx not in covered:
                # a question typed as a phrase: "Lock 13 tonnage last year?", "Precinct 7 turnout?"
                covered.add(number.idx)
                yield from emit(Constraint(f"{token.text} {number.text}", "numbered",
                                           keys=(normalise(token.text), normalise(number.text))))
            continue
        if token.pos_ == "PROPN" and token.i not in in_entity and token.i > 0 and token.is_alpha:
            if token.idx in covered or len(token.text) < 3:
                continue
            if token.dep_ == "compound" and token.head.i in in_entity:
                continue  # a title before a name ("Mayor Dolan"): outlets write the name without it
            word = normalise(token.text)
            if word in publisher_names or token.text.isupper():
                continue  # an acronym may be written out in the articles ("EU", "GDP")
            if word in CALENDAR_WORDS:
                continue  # "the January storm": a time, which articles write "Jan. 11" or "last weekend", no name
            number = _number_after(token)
            if number is not None:
                # "Precinct 7", "Ward 3": the name is the word with its number (another precinct is not this one)
                covered.add(number.idx)
                yield from emit(Constraint(f"{token.text} {number.text}", "numbered",
                                           keys=(word, normalise(number.text))))
                continue
            yield from emit(Constraint(token.text, "name", label=None, keys=(word,)))


def _number_after(token: "Token") -> "Token | None":
    """The number written right after a capitalised word that it numbers ("Precinct 7", "Ward 3B"), if any; not a
    year ("Class 2024")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if (following is None or not token.text[:1].isupper() or not _A_NUMBERING.fullmatch(following.text)
            or YEAR.fullmatch(following.text)):  # fmt: skip
        return None
    after = following.nbor(1) if following.i + 1 < len(token.doc) else None
    if not following.whitespace_ and after is not None and not after.is_punct:
        return None  # "the Winslow 5K": the number is part of a word
    return following


def several_times_are_alternatives(constraints: tuple[Constraint, ...]) -> tuple[Constraint, ...]:
    """A question naming two years or two dates ("the budgets for 2023-2024 and for 2024-2025") asks about
    each: an answer about either one respects it."""
    kinds = [c.kind for c in constraints]
    timed = {"year", "year_range", "date"}
    return tuple(
        replace(c, alternatives=f"several-{c.kind}") if c.kind in timed and kinds.count(c.kind) > 1 else c
        for c in constraints
    )


def _conjunction_group(entity: "Span") -> str | None:
    """An id shared by names joined by "and"/"or": the token whose conjunct they are, or that has them as one."""
    token = entity.root
    while True:
        if token.dep_ == "conj":
            return _several_subjects(token.head)
        if any(child.dep_ == "conj" for child in token.children):
            return _several_subjects(token)
        if token.dep_ not in ("compound", "amod", "nmod", "poss") or token.head.i == token.i:
            return None
        token = token.head


def _several_subjects(first: "Token") -> str | None:
    """Names joined by "and" are several subjects asked about in turn ("the budgets of Gadsden and Stephenville"),
    unless they act together: the subject of the clause ("when did Smith and Jones meet") or the objects of a
    relation ("the call between Smith and Jones", "talks with Smith and Jones")."""
    if first.dep_ in ("nsubj", "nsubjpass") and not _distributive(first.head):
        return None
    if first.dep_ == "pobj" and first.head.lower_ in ("between", "among", "amongst", "with"):
        return None
    return f"conj-{first.i}"


def _distributive(verb: "Token") -> bool:
    """"How much were the Ashby and the Corliss bonds each worth?": "each" or "respectively" asks about the
    subjects one by one."""
    return any(t.lower_ in ("each", "respectively", "apiece") for t in verb.subtree)


# Lowercase nouns for an institution or a place, which the model tags as (part of) a name: "school board", "the
# Wexley city council", "the marina". English words for kinds of bodies and places, not the words of a corpus.
_INSTITUTION_NOUNS = frozenset({
    "school", "board", "council", "commission", "commissioner", "committee", "district", "county", "township", "city",
    "town", "village", "marina", "harbor", "harbour", "port", "authority", "department", "office", "agency",
    "library", "hospital", "police", "fire", "sheriff", "court", "airport", "station", "park", "zoo", "museum",
    "club", "chapter", "association", "union", "lake", "river",
})  # fmt: skip

# The words that end the name of a place of local government ("Orby County", "Tarnby City"). English words.
_PLACE_KINDS = frozenset({"county", "city", "town", "village", "township", "borough", "parish"})
# Lowercase words that stand inside names written in capitals ("Bank of America", "Centre for Rural Health").
_NAME_JOINERS = frozenset({"of", "for", "de", "del", "la", "le", "du", "da", "van", "von"})


def _writes_names_capitalised(doc: "Doc") -> bool:
    """Whether the question writes names in capitals: a word after the first starts with one ("which board
    member ... in Thistlebrook"), and not every word does (a headline)."""
    # a weekday, a month or an acronym is capitalised however the writer writes names ("the wexley council on
    # Monday", "per FEMA")
    later = [
        t for t in doc
        if t.is_alpha and t.i > 0 and t.text != "I" and not t.text.isupper()
        and normalise(t.text) not in CALENDAR_WORDS and t.ent_type_ not in ("DATE", "TIME")
    ]  # fmt: skip
    return any(t.text[0].isupper() for t in later) and not all(t.text[0].isupper() for t in later)


def _name_runs(tokens: list["Token"]) -> list[list["Token"]]:
    """The stretches of an entity's words between its lowercase ones: "the Eastbrook school board" gives
    "Eastbrook"; a lowercase joiner inside a name stays ("Bank of Orrick")."""
    runs: list[list["Token"]] = [[]]
    for token in tokens:
        if token.is_alpha and token.text.islower() and token.lower_ not in _NAME_JOINERS:
            runs.append([])
        else:
            runs[-1].append(token)
    trimmed = []
    for run in runs:
        while run and run[-1].lower_ in _NAME_JOINERS:
            run = run[:-1]
        while run and run[0].lower_ in _NAME_JOINERS:
            run = run[1:]
        if run:
            trimmed.append(run)
    return trimmed


def _name_constraints(entity: "Span", publisher_names: frozenset[str], covered: set[int], capitalised: bool,
                      alternatives: str | None = None) -> list[Constraint]:  # fmt: skip
    """The constraints an entity of the question sets. In a question that writes names in capitals, a lowercase
    noun for an institution or a place is no part of a name: the model also tags such nouns ("school board",
    "the marina") or a name with one after it ("the Eastbrook school board"), which articles word otherwise
    ("Eastbrook Public Schools"); the name must then stand near one of those nouns (`Constraint.near`). Other
    lowercase words may be a name typed in lowercase ("the red cross"); a person's name is looked for by its
    surname. Names joined by "and" or "or" before such nouns ("the merged Tarnby and Orrin Bay fire district") are
    each a constraint, which must stand beside one of the others (`Constraint.joined`)."""
    owner = next((t for t in entity if t.lower_ in ("'s", "’s") and t.i == entity.start + 1), None)
    if owner is not None and entity.label_ != "PERSON" and entity.end - owner.i > 2:
        # "Tallowford's Orpheum Theater", which the model tags as one name: a one-word owner and a name of its own
        # are two, which articles write apart ("the Orpheum Theater" in a Tallowford story); not "St. Mary's
        # Hospital" nor "Pruitt's Hardware", one name each
        from spacy.tokens import Span

        doc = entity.doc
        parts = (Span(doc, entity.start, owner.i, label=entity.label_),
                 Span(doc, owner.i + 1, entity.end, label=entity.label_))  # fmt: skip
        return [c for part in parts
                for c in _name_constraints(part, publisher_names, covered, capitalised, alternatives)]  # fmt: skip
    # "the" is dropped before a name ("the Orlow Library"), not inside one ("Friends of the Orlow Library")
    tokens = [
        t for t in entity
        if not t.is_punct and t.lower_ not in ("'s", "’s") and not (t.lower_ == "the" and t.i == entity.start)
        and t.idx not in covered
    ]  # fmt: skip
    # "the 2024 Lantern Festival": the year is a constraint of its own, and articles write the name without it
    # ("this year's Lantern Festival", "The 2024 walk")
    # (not a house number: "the building at 2024 Harbor Boulevard")
    while (len(tokens) > 1 and YEAR.fullmatch(tokens[0].text) and any(t.is_alpha for t in tokens[1:])
           and entity.label_ not in ("FAC", "GPE", "LOC") and tokens[-1].lower_ not in ROAD_NOUNS):  # fmt: skip
        tokens = tokens[1:]
    # "the Tarnby County 911 center": a service's number after a place's name is none of the name, which articles
    # write apart ("Tarnby County's consolidated 911 center")
    # (a number of three digits, a service's line: "Kerrow County 2" may be a district)
    while (len(tokens) > 2 and tokens[-1].text.isdigit() and len(tokens[-1].text) >= 3
           and tokens[-2].lower_ in _PLACE_KINDS):  # fmt: skip
        tokens = tokens[:-1]
    lowercase = [t for t in tokens if t.is_alpha and t.text.islower() and t.lower_ not in _NAME_JOINERS]
    # "the merged Tarnby and Orrin Bay fire district": the names joined are each the institution's
    lowercase = [t for t in lowercase if t.lower_ not in ("and", "or")]
    if (not capitalised or entity.label_ == "PERSON" or not lowercase
            or any(t.lemma_.casefold() not in _INSTITUTION_NOUNS for t in lowercase)):  # fmt: skip
        found = _name_constraint(entity, tokens, publisher_names, alternatives)
        return [found] if found is not None else []
    text = entity.doc.text
    near = tuple(dict.fromkeys(normalise(t.lemma_) for t in lowercase))
    found = (
        _name_constraint(entity, run, publisher_names, alternatives, text[run[0].idx : run[-1].idx + len(run[-1].text)],
                         near)
        for run in _name_runs(tokens)
    )  # fmt: skip
    constraints = [constraint for constraint in found if constraint is not None]
    if len(constraints) > 1 and any(t.lower_ in ("and", "or") for t in tokens):
        keys = [constraint.keys[0] for constraint in constraints]
        constraints = [replace(c, joined=tuple(k for k in keys if k != c.keys[0])) for c in constraints]
    return constraints


# A word in capitals that stands for several ("TIF", "EMS", "PFAS"), which articles may write out.
_AN_ACRONYM = re.compile(r"[A-Z]{2,5}s?")


def _name_constraint(entity: "Span", tokens: list["Token"], publisher_names: frozenset[str],
                     alternatives: str | None = None, shown: str | None = None,
                     near: tuple[str, ...] = ()) -> Constraint | None:  # fmt: skip
    words = [normalise(t.text) for t in tokens if t.is_alpha or any(c.isdigit() for c in t.text)]
    if not words:
        return None
    if normalise(" ".join(words)) in publisher_names:
        return None  # "according to AP": a source, not a subject
    if all(t.text.isupper() and len(t.text) <= 5 for t in tokens):
        return None  # acronyms are often written out ("EU", "UN"): not a hard constraint
    if any(_AN_ACRONYM.fullmatch(t.text) for t in tokens) and entity.label_ != "PERSON":
        # "the Commons TIF district", whose article writes "tax-increment financing": the name without its acronym
        words = [normalise(t.text) for t in tokens if (t.is_alpha or any(c.isdigit() for c in t.text))
                 and not _AN_ACRONYM.fullmatch(t.text)]  # fmt: skip
    if entity.label_ == "PERSON":
        keys: tuple[str, ...] = (words[-1],)  # a surname: first names and initials vary between outlets
    else:
        keys = (" ".join(words),)
    return Constraint(shown or entity.text, "name", label=entity.label_, keys=keys, alternatives=alternatives,
                      near=near, place_and_body=_place_and_body(entity, tokens))


def _place_and_body(entity: "Span", tokens: list["Token"]) -> tuple[str, str] | None:
    """For an organisation named by a place and a body ("the Harwick City Council"): the place's words and the
    body's noun ("harwick", "council"); None for other names ("Harwick Savings Bank", "the Board of Education")."""
    if entity.label_ != "ORG" or len(tokens) < 2 or tokens[-1].lower_ not in BODY_NOUNS:
        return None
    place = tokens[:-1]
    while place and place[-1].lower_ in BODY_KINDS:
        place = place[:-1]
    if not place or not all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in BODY_KINDS for t in place):
        return None
    return " ".join(normalise(t.text) for t in place), tokens[-1].lower_
