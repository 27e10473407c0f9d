"""The entities of a sentence that can answer a value question (`answer_entities`): those of a label that fits
the question, not in it, each checked against what the question asks (a place not a dateline, a person of the
role asked, an age of the one asked about ...), nearest the question's words first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.ages import MAX_AGE, MAX_AGE_OF_A_THING, _aged_surnames, a_things_age, states_an_age, the_age_of_another
from rag.answer_features import _on_focus, _specific, nearness
from rag.answer_places import (
    ADDRESS_TAIL, ENTITY_DATELINE, ROAD_NOUN_LAST, STREET_AFTER, THOROUGHFARE, a_body, a_body_as_a_place,
    a_body_or_a_firm, a_natural_feature, a_place_by_its_name, a_place_elsewhere, a_proper_name, a_speaker, a_street,
    in_a_dateline, inside_the_outlets_name, listed_with_places, noun_it_names, owns_another_of_the_focus,
    the_datelines_place, where_it_has_been, where_someone_is_from,
)  # fmt: skip
from rag.answer_types import MEASURE_UNITS, entity_fits, is_duration, unit_forms
from rag.asked_roles import OFFICE_TITLES
from rag.candidate import Entity, sentence_spans, text_stems
from rag.currencies import CURRENCY_SIGNS, counts_in_dollars, written_sum
from rag.date_words import YEAR
from rag.expected_answer import BUSINESS_NOUNS, ROAD_NOUNS
from rag.measures import a_dimension_not_told, a_length_of, of_another_dimension
from rag.models import Passage
from rag.name_words import (
    A_FIRM_WORD, A_FIRM_WORD_LAST, NAME_WORD, ORGANISATION_WORDS, PERSONS_NAME, POSSESSIVE_END, PUBLIC_BODY,
)  # fmt: skip
from rag.new_names import in_question
from rag.number_kinds import a_chance, a_side_of_a_tally, for_the_first_time, in_a_tally, names_a_numbered_thing
from rag.number_roles import prefer_asked_figures
from rag.query import QuestionAnalysis
from rag.rates import ASKS_A_RATE, PER_AMOUNT_AFTER, a_unit_rate_not_asked, asked_rate, asks_a_sum_paid_once, earned
from rag.roles import (
    TITLE_QUALIFIERS, WHO_HOLDS_A_PERSONS_POST, a_prosecutor, another_kind_of, asks_for_a_partys_lawyer,
    given_another_post, head_of_another_body, holds_the_role, names_the_focus, of_another_place_by_title,
    titled_with_another_post,
)  # fmt: skip
from rag.text import NUMBER_WORDS, all_stems, content_words, normalise, noun_stems, stems, words
from rag.untagged_names import untagged_counts, untagged_firm_names, untagged_subject_names, untagged_titled_people
from rag.value_times import year_written

if TYPE_CHECKING:
    from spacy.tokens import Token


_YEARLY = frozenset({"salary", "pension"})
# Sums paid by the unit of work, whatever it is ("a stipend of $35 per game", "a wage of $19 an hour"). English.
_PAID_PER_UNIT = frozenset({"stipend", "wage"})


# Verbs of what befalls a living body, whose "Who ...?" asks for a person (or an animal), never a body of people or a
# place: "Who died?", "Who was hurt?", "Who survived?".
_DONE_TO_THE_LIVING = frozenset({"die", "kill", "injure", "hurt", "wound", "survive", "drown", "bear", "marry",
                                 "hospitalize", "bite", "electrocute", "trap", "burn"})  # fmt: skip
_A_BODYS_WORD = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, ORGANISATION_WORDS)) + r")\b")
# A share told in words, with no number of things: "half", "more than half", "nearly two-thirds", "a third".
_A_SHARE_ONLY = re.compile(
    r"(?i)(?:(?:about|nearly|almost|roughly|more\s+than|less\s+than|over|under|some|just)\s+)?"
    r"(?:(?:a\s+)?half|(?:a\s+|one[\s-])(?:third|quarter|fifth)|(?:two|three|four)[\s-](?:thirds|quarters|fifths))"
)
_OF_A_NUMBER = re.compile(rf"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:\d|(?:{'|'.join([*NUMBER_WORDS, 'hundred'])})\b)",
                          re.IGNORECASE)  # fmt: skip
# A length of time told as how far something is from an event: "four minutes before the crash", "two days later".
_AN_OFFSET_AFTER = re.compile(r"\s+(before|after|earlier|later|ago|prior\s+to)\b", re.IGNORECASE)
_SAME_OFFSET = {"prior to": "before", "earlier": "before", "ago": "before", "later": "after"}
_FOR_BEFORE = re.compile(r"(?i)\b(?:for|lasting|lasted|lasts)\s+$")


def _an_offset_not_asked(text: str, start: int, end: int, analysis: QuestionAnalysis) -> bool:
    """Whether the length of time text[start:end] is how long before or after an event something happened ("about
    four minutes before the crash"), which answers "How long ...?" only when the question asks so, by the same word
    ("How long before the crash did he call?"), or asks how long something took. Not a time something lasts, "for"
    before it ("will close for five months after inspectors found mold")."""
    offset = _AN_OFFSET_AFTER.match(text, end)
    if offset is None or analysis.predicate == "take" or _FOR_BEFORE.search(text, max(0, start - 12), start):
        return False
    told = _SAME_OFFSET.get(" ".join(offset.group(1).casefold().split()), offset.group(1).casefold())
    asked = {_SAME_OFFSET.get(w, w) for w in words(analysis.question)}
    return told not in asked


def _a_firms_name(name: str) -> bool:
    """Whether a name is a firm's by its own words ("Kestle & Byrd Search Partners", "Greaves & Tolley", "Gressham
    Waste Services"), which answers "What's the name of the company that ...?" without the sentence calling it a
    company."""
    return "&" in name or bool(A_FIRM_WORD_LAST.search(name))


_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _with_a_relative_subject(verb: "Token") -> bool:
    """Whether a clause's subject is a relative pronoun ("the company *that* collects", "X, *which* hauls")."""
    return any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children)


def _does_what_the_firm_is_asked_for(analysis: QuestionAnalysis, passage: Passage, sentence: tuple[int, int],
                                     name: tuple[int, int], describing_stems: frozenset[str]) -> bool:  # fmt: skip
    """For "What's the name of the company that collects the trash?" ("the firm the library hired"), whether the
    firm at `name` does what the question says the company does (is done to as it says) in the sentence: the
    subject or the passive's agent of that verb ("performed by Greaves & Tolley", "Velt Hauling LLC, which hauls
    ..."), or its object ("voted to hire Kestle & Byrd"); not a firm that sued the hauler or lost the contract."""
    if not describing_stems:
        return False
    asked = next((t for t in sentence_parse(analysis.question) if t.lemma_.casefold() == analysis.focus), None)
    clause = next((c for c in asked.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")), None
                  ) if asked is not None else None  # fmt: skip
    if clause is None:
        return False
    # the company asked for is the clause's subject ("the company that collects", "the company collecting"), or
    # what is done to ("the firm the library hired")
    does = ((clause.dep_ == "acl" and clause.tag_ != "VBN")
            or _with_a_relative_subject(clause))  # fmt: skip
    doc = sentence_parse(passage.text[sentence[0] : sentence[1]])
    span = doc.char_span(name[0] - sentence[0], name[1] - sentence[0], alignment_mode="expand")
    if span is None:
        return False
    firm = span.root
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or not all_stems(verb.text) & describing_stems:
            continue
        told_of = verb.dep_ in ("relcl", "acl") and verb.head.i == firm.i
        relative_subject = _with_a_relative_subject(verb)
        by = (firm.dep_ == "pobj" and firm.head.lower_ == "by" and doc[max(firm.head.i - 1, 0)].lower_ != "not"
              and verb.i in (firm.head.head.i, firm.head.head.head.i))  # (not "by the state, not by X")
        if does and ((firm.dep_ == "nsubj" and firm.head.i == verb.i) or by or (told_of and relative_subject)):
            return True
        if not does and ((firm.dep_ in ("dobj", "nsubjpass") and firm.head.i == verb.i)
                         or (told_of and not relative_subject)):
            return True
    return False


# A title (after nothing but words that qualify it), then a name of two or three capitalised words, none a
# possessive ("Captain Jack's Seafood Shack"), that ends the entity.
# A title and a name after a name: "Millbrook Town Clerk Janice Holloway-Price" (the model may take "Millbrook Town"
# for an organisation).
_A_TITLE_AND_NAME_AFTER = re.compile(r"\s+(?:" + "|".join(t.title() for t in OFFICE_TITLES) + r")\s+[A-Z][a-z]")
# A superlative a question asks for ("the cheapest bid", "the largest donor"), and one ranked below the top
# ("second-lowest", "third-largest"), which is not it.
_SUPERLATIVE_ASKED = re.compile(r"\b(?:the\s+)?(?:lowest|cheapest|highest|largest|biggest|smallest|most|least)\b",
                                re.IGNORECASE)
_RANKED_BELOW_THE_TOP = re.compile(r"\b(?:second|third|fourth|next)[- ](?:lowest|cheapest|highest|largest|biggest|"
                                   r"smallest|most|least)\b", re.IGNORECASE)


def rank_below_the_top(question: str) -> "re.Pattern[str] | None":
    """For a question of a rank below the top ("What was the second-lowest bid?"), the words a sentence must give
    that rank by ("second-lowest", "second lowest"); None for other questions."""
    ranked = _RANKED_BELOW_THE_TOP.search(question)
    if ranked is None:
        return None
    place, superlative = re.split(r"[- ]", ranked.group().casefold(), maxsplit=1)
    side = next(group for group in _SUPERLATIVE_SIDES if superlative in group)  # ("second-cheapest": "-lowest")
    place = "(?:second|next)" if place in ("second", "next") else place  # the next-lowest is the second-lowest
    return re.compile(rf"\b{place}[- ](?:{'|'.join(side)})\b", re.IGNORECASE)


# Superlatives of one end of a ranking, which news and questions use for one another.
_SUPERLATIVE_SIDES = (("lowest", "cheapest", "smallest", "least"), ("highest", "largest", "biggest", "most"))


_TITLED_PERSON = re.compile(
    r"^(?i:the\s+)?(?:(?i:" + "|".join(TITLE_QUALIFIERS) + r")\s+)*(?i:" + "|".join(OFFICE_TITLES)
    + rf")\s+(?:{NAME_WORD}\s+){{1,2}}{NAME_WORD}$"
)  # fmt: skip


def answer_entities(
    analysis: QuestionAnalysis, passage: Passage, start: int, end: int, question: str, question_words: set[str]
) -> list[Entity]:
    """Entities of the sentence that fit the answer type and are not in the question, nearest the question's words
    first (for a count, one followed by the thing counted comes first)."""
    fitting: list[Entity] = []
    normalised_question = normalise(question)
    focus_stems = noun_stems(analysis.focus) if analysis.focus else set()
    question_stems = set(stems(question))
    describing_stems = all_stems(" ".join(analysis.focus_verb_forms))  # "the bakery that will close": "close"
    counts_a_unit = analysis.answer_type == "count" and (analysis.focus or "").casefold() in MEASURE_UNITS
    # "How old is Dale Orrin?" is answered by "Dale Orrin, a 52-year-old farmer": the age is his, whatever noun follows
    asks_a_persons_age = analysis.ages_a_person
    aged_surnames = _aged_surnames(analysis) if analysis.answer_type == "age" else []
    # where the person asked about may be named: the sentence itself, or the one before ("The mayor, 61, ...")
    aged_name_from = max(0, start - _AGED_NAME_REACH)
    if aged_surnames:
        aged_name_from = min([aged_name_from] + [s for s, e in sentence_spans(passage) if e <= start][-1:])
    asks_for_a_business = analysis.answer_type == "organisation" and (analysis.focus or "") in BUSINESS_NOUNS
    doer_words = set(content_words(analysis.asked_of)) if analysis.asked_of else set()
    asks_a_partys_lawyer = asks_for_a_partys_lawyer(analysis)
    # a salary is by the year whether or not the question says so ("What is the annual salary?": "$85,000")
    asks_a_rate = analysis.answer_type in ("money", "quantity") and analysis.focus not in _YEARLY
    rate = asked_rate(question) if asks_a_rate else None
    # "How much did the union pay out altogether?" asks for a sum of all, which a rate ("$150 a week") is not
    # (not a salary, which is by the year: "What is her total salary?": "$185,000 a year")
    asks_a_total = (analysis.answer_type in ("money", "count", "quantity")
                    and bool(_ASKS_A_TOTAL.search(question) or asks_a_sum_paid_once(question))
                    and asked_rate(question) is None and analysis.focus not in _YEARLY)  # fmt: skip
    entities = list(passage.entities)
    # the last word of each person's name: "Quist" of "Ada Quist", and a surname the model tagged alone; not of a
    # firm's name the model took for a person's in a headline ("Greythorn Pump Works to add 140 jobs")
    people = [passage.text[s:e].strip() for s, e, label in entities if label == "PERSON" and passage.text[s:e].strip()]
    surnames = {name.split()[-1] for name in people if not A_FIRM_WORD.search(name)}
    # the surnames of people the passage names in full: "Hartley" may be Jane Hartley as well as the dateline's town
    full_name_surnames = {name.split()[-1] for name in people if " " in name}
    if asks_for_a_business:
        entities += untagged_subject_names(passage, start, end)
    elif analysis.answer_type in ("person", "organisation"):
        entities += untagged_firm_names(passage, start, end)
    if analysis.answer_type == "person":
        entities += untagged_titled_people(passage, start, end, analysis)
    held = WHO_HOLDS_A_PERSONS_POST.match(question) if analysis.answer_type == "person" else None
    post = held.group("post").casefold() if held else None
    if analysis.answer_type == "count":
        entities += untagged_counts(passage, start, end)
    if analysis.answer_type == "date" and analysis.focus is None:
        entities = _times_with_their_days(passage.text, entities, start, end)
    for s, e, label in entities:
        if s < start or e > end:
            continue
        if label in ("ORG", "PERSON") and in_a_dateline(passage.text, s, e):
            continue  # "KESTRELTON (RNS) - ...": the dateline's place and the news service's credit (which the model
            # may also take for a person's name, "BRENNAN FALLS -")
        dateline = ENTITY_DATELINE.match(passage.text, s, e)
        if dateline and dateline.end() < e:
            s = dateline.end()  # "LANFORD - Orrin Dairy Co. will ...": the model took the dateline into the name
            if not a_proper_name(passage, s, e):
                continue  # "ELLSWORTH - Someone broke into ...", "RIVERMONT - Children swarmed ...": no name after it
        address = (ADDRESS_TAIL.search(passage.text, s, e)
                   if label in ("ORG", "FAC") and analysis.answer_type in ("person", "organisation") else None)
        kept = [w for w in words(passage.text[s : address.start()]) if w != "the"] if address else []
        if address and address.end() == e and len(kept) >= 2:
            # "Brascombe Agronomics on Depot Road": the model took the firm's address into its name; not "The Shops
            # at Quay Street", whose name it is, nor a place's address for "Where ...?"
            e = address.start()
        located = (ADDRESS_TAIL.search(passage.text, s, e)
                   if label in ("ORG", "FAC") and analysis.answer_type == "place" else None)  # fmt: skip
        if located and located.end() == e and in_question(passage.text[s : located.start()], label,
                                                            normalised_question, question_words, question):
            # "the Orpheum Theater on Front Street" for "What street is the Orpheum on?": the model took the place
            # asked about into its address, which answers
            s = located.start() + len(re.match(r"\s+(?:on|at|off)\s+", located.group()).group())
            label = "FAC"
        since = _SINCE_BEFORE.search(passage.text, max(start, s - 8), s) if label == "DATE" else None
        if (analysis.answer_type == "duration" and since is not None and _UP_TO_NOW.match(question)
                and not is_duration(passage.text[s:e]) and not _FIRST_SINCE.search(passage.text, start, since.start())
                and not _duration_beside(passage, s, e)):  # fmt: skip
            # "How long has she been provost?": "provost since 2019" says for how long, counted from then
            fitting.append((since.start(), e, label))
            continue
        joined = _A_DAY_AND_A_LENGTH.match(passage.text, s, e) if label == "DATE" else None
        if (analysis.answer_type == "duration" and joined and is_duration(joined.group("length"))
                and not _AS_AFTER.match(passage.text, e)):  # fmt: skip
            # "will retire Aug. 30 after 31 years", which the model tags as one date (not "became chief in 2019
            # after 20 years as deputy chief", a time in another post)
            s = joined.start("length")
        text = passage.text[s:e]
        if label == "ORG" and PERSONS_NAME.fullmatch(text) and text.split()[-1] in surnames:
            label = "PERSON"  # "Arturo Benning" tagged as an organisation in one passage, "Benning" as a person in
            # another sentence: a person, who is named by a question giving the surname and is no place
        trailing = _A_PREPOSITION_LAST.search(text) if label in NAME_LABELS else None
        if trailing and not _NO_NAME.search(text[: trailing.start()]):
            e = s + trailing.start()  # "Brightline Builders of": the model took the "of" of "of Carver City" along
            text = passage.text[s:e]
        if (analysis.answer_type == "duration" and _A_COUNTING_WINDOW_BEFORE.search(passage.text, start, s)
                and not _ASKS_SINCE_WHEN.search(question)):  # fmt: skip
            continue  # "the second county bridge to need work in two years": the span things are counted over (but
            # "the first time in 20 years" answers "How long has it been since it last failed?")
        if (label != "PERSON" and analysis.answer_type in ("person", "organisation")
                and POSSESSIVE_END.search(text) and not _A_SAINTS_NAME.search(text)
                and not _ASKS_WHOSE.match(question)):  # fmt: skip
            continue  # "Lindell Elementary's parking lot", "Hadley's reservoir project": whose the thing is, not who
            # did anything (but "St. Joseph's" is a hospital's name)
        if label in NAME_LABELS and (_NO_NAME.search(text) or (
                analysis.answer_type == "person" and " " not in text and _A_TITLE_AFTER.match(passage.text, e))):
            continue  # "Capt" left of "CEDAR BLUFF - Capt", "Jefferson High School to Hartline Roofing of", "Parks" of
            # "Parks superintendent Gail Morrow": the model's span is no name
        if (analysis.answer_type == "date" and _ASKS_WHEN_IT_WAS_DONE.match(question)
                and not _ASKS_OF_A_PLAN.search(question) and not _FISCAL.search(text)
                and _after_publication(text, passage.published)):  # fmt: skip
            continue  # "When was the hall demolished?": "the fall of 2027" in a 2025 article is a plan, not when it was
        if analysis.answer_type == "person" and label != "PERSON" and (
                _WHO_OF_A_BODY.match(question) or post is not None):  # fmt: skip
            continue  # "Who at the state parks office announced it?", "Who will replace her as athletic director?":
            # a person there, or in the post, not a body
        # (any post after "as" in the question: "Who was hired as auditor?", which a firm may be hired as too)
        as_post = post or analysis.post
        if as_post is not None and label == "PERSON" and (titled_with_another_post(passage, start, end, s, as_post)
                                                          or given_another_post(passage, start, end, e, as_post)):
            continue  # "Who took over as principal?": "former Superintendent Walter Dean left" holds another post, as
            # does "Nell Ashgrove was sworn in as district attorney" for a judge
        written = (written_sum(passage.text, s, e, label, start, end)
                   if analysis.answer_type == "money" else None)  # fmt: skip
        if written is not None:
            s, e = written  # "3.2 million crowns", "50,000 pesos": the model tags a sum in a currency's name (or
            label, text = "MONEY", passage.text[s:e]  # after a sign it left out) as a bare number
        if label == "MONEY" and _POUNDS.search(text) and counts_in_dollars(passage.text):
            label = "QUANTITY"  # "about 12 million pounds of pears" in an article that counts money in dollars
        if analysis.answer_type == "percent" and label == "MONEY" and PER_AMOUNT_AFTER.match(passage.text, e, end):
            label = "PERCENT"  # "the tax rate at $18.42 per $1,000 of assessed value": a rate given as a sum per sum
        if label == "DATE" and all(part in NUMBER_WORDS for part in text.casefold().split("-")):
            label = "CARDINAL"  # "Forty dogs were rescued": the model took a number opening a sentence for a date
        if analysis.answer_type in ("person", "organisation") and label in ("GPE", "LOC") and _A_BODY_LAST.search(text):
            label = "ORG"  # "the Ludgarth County Sheriff's Office": the model tags a county's office as the place
        if analysis.answer_type in ("person", "organisation") and label == "PERSON" and A_FIRM_WORD_LAST.search(text):
            label = "ORG"  # "Paxton Ridley Architects designed it": the model takes a firm named for people for one
        if analysis.answer_type == "place" and label in ("PERSON", "ORG") and a_place_by_its_name(passage.text, s, e):
            label = "FAC"  # "will be built on Halsey Road", "on Quarry Hill": the model tags it as a person
        if (analysis.answer_type == "place" and focus_stems
                and owns_another_of_the_focus(passage.text, s, e, focus_stems, question)):  # fmt: skip
            continue  # "where's the Bascom County 911 center?": "Ridley's center has 10 dispatchers" is Ridley's own
        if (analysis.answer_type == "place" and analysis.focus in ROAD_NOUNS
                and not (THOROUGHFARE.search(text) or ROAD_NOUN_LAST.search(text) and " " in text.strip())):
            continue  # "What street is the arena on?": a road's name, not the town's, nor a player named Pike
        if not entity_fits(analysis.answer_type, label, text, analysis.focus, analysis.content_lemmas) and not (
            analysis.length_of and label == "QUANTITY"
            and a_length_of(passage.text, start, end, (s, e, label), analysis.length_of, passage.entities)
        ):
            continue  # "How long is the detour?": "a detour of 19 miles" as well as "25 minutes"
        if label in _FIGURE_LABELS and not _A_FIGURE.search(text):
            continue  # "hail as large as 2.75 inches": the model tagged "as large as" as a number
        if in_question(text, label, normalised_question, question_words, question):
            continue
        oldest = MAX_AGE if asks_a_persons_age or analysis.answer_type != "age" else MAX_AGE_OF_A_THING
        if (analysis.answer_type == "age") != states_an_age(passage.text, s, e, oldest):
            continue  # "Dale Orrin, 52, was hurt": the 52 answers how old he is, not when or how many
        if analysis.answer_type == "age" and not asks_a_persons_age and the_age_of_another(passage.text, s, e,
                                                                                            question_stems):
            continue  # "How old is the building?": "a 62-year-old woman" is her age, not the building's
        if asks_a_persons_age and a_things_age(passage.text, start, s):
            continue  # "How old is the sheriff?": "the county's radios are 22 years old" is the radios' age
        if (analysis.answer_type == "age" and _ASKS_THE_AGE_NOW.search(question)
                and _AN_AGE_THEN.search(passage.text, max(start, s - 40), s)):  # fmt: skip
            continue  # "How old is Tillery?": "since I was 8 years old" is how old he was then
        if analysis.answer_type == "age" and aged_surnames and not any(
            re.search(rf"(?<!\w){re.escape(name)}(?!\w)", passage.text[aged_name_from:end], re.IGNORECASE)
            for name in aged_surnames
        ):
            continue  # "How old is Randall Kuiper?": not "a 24-year-old man" of a sentence that does not name him
        if counts_a_unit and not unit_forms(analysis.focus or "").search(passage.text, s, min(end, e + _UNIT_REACH)):
            continue  # "How many square feet ...?": a number of feet, not "30 treatment rooms"
        if (analysis.answer_type == "money" and label == "MONEY" and (
                _PER_AMOUNT_BEFORE.search(passage.text, max(start, s - 12), s)
                or (rate is None and not (analysis.focus in _PAID_PER_UNIT
                                          and earned(passage.text, (start, end), s)) and (
                    (PER_AMOUNT_AFTER.match(passage.text, e) and not ASKS_A_RATE.search(question))
                    or a_unit_rate_not_asked(passage.text, s, e, question))))):
            continue  # "What will the levy cost the owner of a $300,000 house?": "$1.45 per $1,000 of assessed value"
            # is a rate, which the question does not ask, and "$1,000" what it is given per; "How much will the
            # expansion cost?": "$3.10 for every ton" is a price of each ton, not the cost
        if rate is not None and label == "MONEY" and not rate.search(passage.text, start, min(end, e + _UNIT_REACH)):
            continue  # "What is the hourly wage?": "$27 an hour", "the monthly bill ... $27.40", not "a $1.2 billion
            # plant"
        if analysis.answer_type == "date" and analysis.mood is not None and _A_FREQUENCY.match(text):
            continue  # "When were the beds reopened?": "every day" tells how often, not when (but "When is the
            # library open?", in the plain present, asks for how often as well: "daily")
        if (analysis.answer_type == "measure" and of_another_dimension(question, text)
                and not _PER_TIME_AFTER.match(passage.text, e)):  # fmt: skip
            continue  # "How high did the surge get?": "71 mph" is a speed (the wind's), not a height (not "2 feet
            # an hour", a speed for "How fast did the river rise?")
        if (analysis.answer_type == "person" and analysis.predicate in _DONE_TO_THE_LIVING
                and (label in ("GPE", "LOC", "FAC") or (label == "ORG" and _A_BODYS_WORD.search(text)))):
            continue  # "Who died in the crash?": a person, not "the National Aviation Safety Office" that reported it
            # (the model may tag a person's name as an organisation's: "Ada Renn" tagged ORG still answers)
        if (analysis.answer_type == "count" and _A_SHARE_ONLY.fullmatch(text)
                and not _OF_A_NUMBER.match(passage.text, e)):  # fmt: skip
            continue  # "How many students does it train?": "more than half" (of the takeoffs) is a share, no number
            # (not "about half of the 40 members", a number of them)
        if analysis.answer_type == "duration" and _an_offset_not_asked(passage.text, s, e, analysis):
            continue  # "How long was she in the hospital after the crash?": "about four minutes before the crash" says
            # when something else happened, not how long she stayed
        if analysis.answer_type == "measure" and a_dimension_not_told(question, passage.text[start:end]):
            continue  # "How wide is the runway?": "will add 900 feet to the runway" is how much longer it gets
        if asks_a_total and _A_RATE_AFTER.match(passage.text, e, end):
            continue  # "How much was paid out altogether?": "$150 a week" is what each week cost, not the total
        up_to = _UP_TO.match(text)
        before = passage.text[max(start, s - 40) : s] + (up_to.group() if up_to else "")
        most = (_A_MOST_POSSIBLE_BEFORE.search(before)
                if analysis.mood == "realised" and not _ASKS_THE_MOST.search(question) else None)  # fmt: skip
        if most and (not _MET_OR_BORNE.match(most.group()) or _A_PENALTY.search(passage.text, start, end)):
            continue  # "How many years did he get?": "faces up to 20 years" is the most he could get, not what he got
            # (not "runners faced up to 95 degrees", "the flood carried up to 3 feet of water": what was)
        if (analysis.answer_type == "count" and a_side_of_a_tally(passage.text, s, e)
                and _A_VOTING_BODY.search(passage.text, start, end)
                and (_ASKS_A_MARGIN.search(question) or (analysis.focus or "") in _ANY_VOTERS)):  # fmt: skip
            continue  # "The commission voted 3-2": a body's tally counts neither a margin nor the people who voted
        if (analysis.answer_type == "count" and a_side_of_a_tally(passage.text, s, e)
                and (analysis.focus or "") in _ANY_VOTERS | {"vote"} and _ASKS_OF_A_POPULAR_VOTE.search(question)
                and not _A_VOTING_BODY.search(question)):  # fmt: skip
            continue  # "How many votes did the jail bond get?": the voters', not "Commissioners voted 4-1" to put it
            # on the ballot, nor "The vote was 5-2" of the council that adopted the budget
        if (analysis.answer_type in ("person", "organisation") and label in ("PERSON", "ORG") and " " not in text
                and not passage.text[start:s].strip(" \"“‘'") and _a_common_noun_opening(passage, start, end, e)):
            continue  # "Turnout in Brennan Falls was 48.3 percent": a sentence's first word, capitalised, is no name
        if (analysis.answer_type == "count" and (analysis.focus or "") in _ANY_VOTERS | {"vote"}
                and not _ASKS_A_MARGIN.search(question)
                and _BY_BEFORE.search(passage.text, max(start, s - 12), s)):  # fmt: skip
            continue  # "How many votes did the levy get?": "failed by 212 votes" is a margin, not the votes it got
        if analysis.answer_type in ("count", "quantity", "measure") and STREET_AFTER.match(passage.text, e) and text.isdigit():
            continue  # "at 418 Linden Row": a house number counts nothing
        if (analysis.answer_type == "place"
                and _A_HOMETOWN_BEFORE.search(passage.text, max(start, s - _HOMETOWN_REACH), s)
                and not _ASKS_WHERE_FROM.search(question)
                and not _AT_THEIR_HOME.search(passage.text, start, end)):  # fmt: skip
            continue  # "Tyler Voskamp, 19, of Pellingford, was treated": where he lives, not where anything happened
        if (analysis.answer_type == "person"
                and _AFTER_A_NAME_AND_OF.search(passage.text, max(start, s - _HOMETOWN_REACH), s)):
            continue  # "Lorraine Dubec of Harlow Falls", "Rowan Esterhill, 15, of Hollin Ferry": where she is from (the
            # model may tag the town as a person), never who did anything
        if (analysis.answer_type == "person"
                and _REPLACED_BEFORE.search(passage.text, max(start, s - _REPLACED_REACH), s)
                and not _may_ask_for_the_one_replaced(analysis)
                and not _said_of_them_as_asked(passage.text, e, end, analysis)):  # fmt: skip
            continue  # "succeeding Superintendent Tam Quist": the one replaced, not the one who replaces him
        if (analysis.answer_type == "place" and (analysis.mood == "irrealis" or _ASKS_A_NEW_PLACE.search(question))
                and where_it_has_been(passage.text, s, e, start, end)):  # fmt: skip
            continue  # "After 12 years in Veterans Park, the festival is packing up", "housed at the Main Street
            # station since 1998": where it has been, not where it will be
        if (analysis.answer_type in ("person", "organisation", "place")
                and _INSTEAD_OF_BEFORE.search(passage.text, max(start, s - _INSTEAD_OF_REACH), s)
                and not _ASKS_FOR_THE_ALTERNATIVE.search(question)
                and not _said_of_them_as_asked(passage.text, e, end, analysis)):  # fmt: skip
            continue  # "will vote at the Oak Street Community Center instead of Grace Lutheran Church": not where
        addressed = (_ADDRESSED_BEFORE.search(passage.text, start, s)
                     if analysis.answer_type == "place" and label == "ORG" else None)  # fmt: skip
        if addressed and not set(stems(addressed.group().split()[0])) & question_stems:
            continue  # "told the Board of Trustees in a letter": those spoken to, not where anyone goes or is; but
            # "Where did she testify?" asks for the body she "testified before"
        if (analysis.answer_type == "place" and label == "ORG" and not addressed and _A_BODY_OF_PEOPLE.search(text)
                and not _ITS_ROOMS_AFTER.match(passage.text, e)):  # fmt: skip
            continue  # "The Board of Aldermen", "the City Council": people who meet, no place anything happens (but
            # "the Board of Regents office" is one, and "testified before the Town Council" answers where she did)
        if analysis.answer_type in ("person", "organisation") and analysis.predicate == "win" and (
            _BEATEN_BEFORE.search(passage.text, max(start, s - _BEATEN_REACH), s)
            or _BEATEN_AFTER.match(passage.text, e, end)
            or (_TO_BEFORE.search(passage.text, max(start, s - 4), s) and _SHARE_AFTER.match(passage.text, e))
        ):
            continue  # "Dana Ortiz defeated two-term incumbent Mayor Frank Keel ... 54 percent to Keel's 39 percent"
        if (analysis.answer_type in ("person", "organisation") and analysis.predicate not in _SOURCE_VERBS
                and not analysis.role
                and _ACCORDING_TO_BEFORE.search(passage.text, max(start, s - _ACCORDING_REACH), s)):  # fmt: skip
            continue  # "dragged the teen to the bank, according to Fire Chief Ron Pike": who tells it, not who did it
        if analysis.answer_type == "place" and label == "ORG" and (
            (_ACCORDING_TO_BEFORE.search(passage.text, max(start, s - _ACCORDING_REACH), s)
             and not _A_BUILDING_LAST.search(text))
            or _affiliation_of_a_person(passage, s, start)
        ):
            continue  # "according to the Coldbrook Lions Club", "Meteorologist Owen Strand of the Tallis Valley Weather
            # Center": who tells it or whom someone works for, not where anything is ("according to Tarrow General
            # Hospital" may tell where a patient is)
        if (_CREDIT_BEFORE.search(passage.text, max(start, s - 30), s) or _CREDIT_OPENING.match(text)) and not (
                _ASKS_OF_A_PICTURE.search(question)):  # fmt: skip
            continue  # "(Courtesy of St. Alder)", "Photo by Ada Quist": whose picture it is, in a caption's credit
            # (which answers "Who took the photo?")
        if (analysis.answer_type == "person" and label in ("ORG", "FAC") and _A_BUILDING_LAST.search(text)
                and _WHERE_BEFORE.search(passage.text, max(start, s - _WHERE_REACH), s)):  # fmt: skip
            continue  # "driving home from a shift at Birchmont General Hospital": where someone is, not who does it
        if analysis.answer_type in ("person", "organisation") and (
            a_street(passage.text, s, e)
            or (THOROUGHFARE.search(text) and noun_it_names(passage.text, s, e, start, end) is not None)
        ):
            continue  # the model tags an unfamiliar street as a person ("a house on Quillon Lane", "the hospital's
            # Quarry Road campus")
        if (analysis.answer_type in ("person", "organisation") and a_natural_feature(text, label)
                and not _does_something(passage.text, s, e, start, end)):  # fmt: skip
            continue  # "Little Orrin Lake", "Orrin Dam": the model tags an unfamiliar lake or dam as a firm or person
            # (not "Save Orrin Creek sued the county", "Tom Pond found the dog": a lake does no such thing)
        if (analysis.question_word in ("who", "whom") and _the_thing_asked_about(text, question)
                and not _does_something(passage.text, s, e, start, end, acts=True)):  # fmt: skip
            continue  # "Who was behind the campaign against the middle school bond?": "a bond to build a new Lakeview
            # Middle School" names the school the bond is for, which does nothing there
        if analysis.answer_type in ("person", "organisation") and _A_TITLE_AND_NAME_AFTER.match(passage.text, e):
            continue  # "Former Millbrook Town Clerk Janice Holloway-Price": the place of someone's title, whatever the
            # model tagged it, not anyone
        if (analysis.question_word in ("who", "whom", "which") and _SUPERLATIVE_ASKED.search(question)
                and _RANKED_BELOW_THE_TOP.search(passage.text, max(start, s - 40), min(end, e + 60))):  # fmt: skip
            continue  # "Who put in the cheapest bid?": not "Stonebridge's bid was the second-lowest"
        if (analysis.answer_type in ("person", "organisation")
                and where_someone_is_from(passage.text, s, e, start, end)):  # fmt: skip
            continue  # "A 34-year-old Tarrow man was rescued": where the man is from, not who anyone is
        if (analysis.answer_type == "place" and label == "ORG" and a_body_or_a_firm(text)
                and not a_body_as_a_place(passage.text, s, e, start)):  # fmt: skip
            continue  # "Where can residents drop off debris?": not "the Ferrow Regional Transit Authority", a body
        if analysis.answer_type == "place" and a_speaker(passage.text, s, e, start, end):
            continue  # "Where is the bookshop moving?": not "Vantongeren said ...", a person the model took for a place
        if analysis.answer_type in ("person", "organisation") and listed_with_places(passage, s, e):
            continue  # "parked in Pellingford and Orlow": the model took one town of the list for a person
        if (analysis.answer_type in ("person", "organisation") and label == "PERSON"
                and a_place_elsewhere(passage, text)):  # fmt: skip
            continue  # "both of Quarrisford": the model took the town for a person here, and for a place elsewhere
        if (analysis.answer_type in ("person", "organisation") and text not in full_name_surnames
                and the_datelines_place(passage, text)):  # fmt: skip
            continue  # "a terminal in Coppice Hollow", filed from "COPPICE HOLLOW (LBPR) -": a town, not a firm
        if _AN_ADDRESS_ONLINE.search(text):
            # "Tarrow Solar, www.tarrowsolar.example": the name before the address; "news@lbpr911.org" names no one
            text = _ONLINE_TAIL.sub("", text)
            if not text or _AN_ADDRESS_ONLINE.search(text):
                continue
            e = s + len(text)
        if analysis.answer_type == "name" and not names_the_focus(passage.text, (s, e, label), focus_stems,
                                                                    describing_stems, (start, end),
                                                                    given_name=analysis.asks_a_given_name) and not (
                analysis.focus in BUSINESS_NOUNS and label == "ORG" and _a_firms_name(text)
                and _does_what_the_firm_is_asked_for(analysis, passage, (start, end), (s, e),
                                                     describing_stems)):  # fmt: skip
            continue  # "the name of the bakery": a name the sentence gives the bakery, not its owner's
        if (analysis.post or analysis.role) and analysis.answer_type == "person" and label == "ORG" and a_body(text):
            continue  # "Who will serve as interim treasurer?": not "The Select Board will name an interim treasurer"
        if analysis.role and not holds_the_role(analysis, passage, (s, e, label), (start, end)):
            continue  # "Who is the prosecutor?": someone the sentence calls the prosecutor, not anyone it names
        if analysis.role and head_of_another_body(analysis.role, question, passage.text, (s, e), (start, end)):
            continue  # "Who is president of the teachers union?": not "Board President Gail Ferreira"
        if analysis.role and of_another_place_by_title(analysis, passage.text, (s, e), (start, end)):
            continue  # "Who is the Ostleigh fire chief?": not "Harrowmere Fire Chief Sidonie Arkwright"
        if asks_a_partys_lawyer and a_prosecutor(passage.text, (s, e), (start, end)):
            continue  # "Who was the roofer's lawyer?": not "Assistant District Attorney Simone Achterberg"
        kind_of = analysis.role or (analysis.focus if analysis.answer_type == "name" else None)
        if kind_of and another_kind_of(kind_of, question, passage.text, (s, e), (start, end)):
            continue  # "Who will be the permanent chief?": not "Deputy Chief Amy Carver will serve as interim chief"
        if (doer_words and doer_words <= set(words(text)) and PUBLIC_BODY.search(text)
                and analysis.answer_type in ("person", "organisation")):  # fmt: skip
            continue  # "Who did Pellinwood pick?": "The Pellinwood City Council" picked (a firm named after it may not)
        if asks_for_a_business and (PUBLIC_BODY.search(text) or _INSTITUTION.search(text)):
            continue  # "Which contractor ...?": a firm, not "the City Council" that hired it, nor a college
        if (analysis.answer_type == "quantity" and label == "PERCENT" and not question_stems & _CHANCE_STEMS
                and a_chance(passage.text, s, e, start)):  # fmt: skip
            continue  # "How much snow ...?": "a 70 percent chance of snow" is how likely it is, not how much
        if asks_for_a_business and THOROUGHFARE.search(text):
            continue  # "Quillane Avenue will close ...": a street, which the model may tag as an organisation
        if analysis.answer_type == "organisation" and label == "ORG" and (text.split()[-1] in surnames
                                                                          or _TITLED_PERSON.search(text)):  # fmt: skip
            continue  # "..., Undset said", "City Engineer Rafael Undset said": the model took a person for a firm
        if label == "ORG" and not _A_NAME_WORD.search(text):
            continue  # "Fourteen residents": the model took a number word at a sentence start for a name
        if inside_the_outlets_name(passage, s, e):
            continue  # "according to WVCQ 6 News": the 6 is part of a name
        if names_a_numbered_thing(passage.text, s, e, focus_stems):
            continue  # "Ordinance 2024-09", "Policy 5130", "route 9": the number names a thing, it is no date or count
        if label == "ORDINAL" and for_the_first_time(passage.text, s, e):
            continue  # "won for the first time since 2019": an idiom for "never before", not a count
        if (analysis.answer_type in ("count", "quantity", "measure") and in_a_tally(passage.text, s, e, focus_stems)
                and not question_stems & _TALLIED):  # fmt: skip
            continue  # "voted 4-3": the 4 counts votes, not the checkouts or people a question asks about
        if label == "MONEY" and s > start and passage.text[s - 1] in CURRENCY_SIGNS:
            s -= 1  # the model sometimes leaves the sign out of the sum: "$640,000" is the answer, not "640,000"
        fitting.append((s, e, label))
    # "drop from $27.40 to $23.90", "14 of its 31 workers", "$65 a day": the figure the question asks for
    fitting = prefer_asked_figures(analysis, passage.text, fitting)
    if not fitting:
        return []
    query_stems = set(stems(question))

    sentence_stems = text_stems(passage.text[start:end])

    def order(entity: Entity) -> tuple[float, float, float, int]:
        on_focus = _on_focus(passage.text, entity, focus_stems, sentence_stems)
        specific = _specific(passage.text[entity[0] : entity[1]])
        return (-on_focus, -specific, -nearness(passage.text, entity, start, end, query_stems), entity[0])

    return sorted(fitting, key=order)


# "Dana Orme, 52, of Selby", "the 52-year-old driver, of Selby": a person's age, then the town they live in;
# and questions that ask for it.
_A_HOMETOWN_BEFORE = re.compile(r"\b\d{1,3}(?:-year-old(?:\s+[a-z]+){1,2})?,\s+of\s+(?:the\s+)?$")
_HOMETOWN_REACH = 40
# A person's name (with an age after it) and the "of" that gives where they are from or whom they are with.
_AFTER_A_NAME_AND_OF = re.compile(r"\b[A-Z][\w'’-]+(?:,\s+\d{1,3},)?\s+of\s+(?:the\s+)?$")
# "When did the jail close?", "In what year was the hall torn down?": a question about what was done, in the past.
_ASKS_WHEN_IT_WAS_DONE = re.compile(
    r"\W*(?:when|(?:in|on)?\s*what (?:year|date|day|month))\s+(?:did|was|were)\b", re.IGNORECASE
)
# But "When was the hearing scheduled?", "When were the bonds due?", "When was the plant expected to open?", "When
# did the hospital say it would close the ward?" ask for a date set ahead, which may be after the article's.
_ASKS_OF_A_PLAN = re.compile(
    r"\b(?:scheduled|slated|set|expected|due|supposed|planned|proposed|projected|targeted|estimated|going|meant|"
    r"deadline|would)\b",
    re.IGNORECASE,
)
# A fiscal year is named before it begins: "fiscal 2026", "FY2026", "FY 2026-27".
_FISCAL = re.compile(r"\bfiscal\b|\bFY\s?'?\d", re.IGNORECASE)


def _after_publication(value: str, published: str | None) -> bool:
    """Whether the date `value` names a year later than the article's (`published`, "2025-06-11"): what the article
    says will happen then had not happened when it was written."""
    years = [int(y) for y in YEAR.findall(value)]
    written = year_written(published)
    return bool(years) and written is not None and min(years) > written


# Words of a question that asks for a sum of all: "How much did it pay out altogether?", "How many so far?"; not
# "combined", a sum over the things named, which may be one by the year ("How much do the two plants pay in taxes
# combined?": "$1.4 million a year")
_ASKS_A_TOTAL = re.compile(r"\b(?:altogether|in all|in total|all told|total|so far|to date|thus far)\b", re.IGNORECASE)


# A rate right after a value: "$150 a week", "40 per day", "$12/hour"; not a time before or after ("$6 million a week
# ago", "$11 million a year earlier")
_A_RATE_AFTER = re.compile(r"\s*(?:(?:a|an|per|each|every)\s+|/\s?)(?:hour|day|night|week|month|year|hr|wk|mo|yr)s?\b"
                           r"(?!\s+(?:ago|earlier|later|before|after|early|late|ahead|from\s+now|sooner)\b)",
                           re.IGNORECASE)
# The most a penalty may be, before a value: "faces up to 20 years", "could get a maximum of 10 years", "punishable by
# up to $5,000": what may be given, not what was.
_A_MOST_POSSIBLE_BEFORE = re.compile(
    r"\b(?:fac(?:es|e|ed|ing)|could (?:get|face|receive|draw)|carr(?:ies|y|ied|ying)|punishable by)\s+"
    r"(?:(?:a|the)\s+(?:maximum|possible)\s+(?:[a-z]+\s+)?(?:of\s+)?|up to\s+)$",
    re.IGNORECASE,
)
# How often, which the model tags as a date: "every day", "each week", "daily".
_A_FREQUENCY = re.compile(
    r"^\W*(?:(?:every|each)\s+(?:other\s+)?(?:day|night|morning|evening|week|weekend|month|year|season|summer|"
    r"winter|spring|fall|autumn)|daily|nightly|weekly|biweekly|monthly|bimonthly|quarterly|yearly|annually|annual|"
    r"biannual|semiannual|hourly)\W*$",
    re.IGNORECASE,
)

# A time after a measure makes it a rate: "rose 2 feet an hour", "spread 3 miles in an hour", "30 meters a year",
# "a foot every 10 minutes"
_PER_TIME_AFTER = re.compile(
    r"\s*(?:(?:a|an|per|each|every|in\s+an?)\s+|/\s?)(?:\d+\s+|few\s+)?"
    r"(?:second|minute|hour|day|night|week|month|year|decade|hr|min|yr)s?\b",
    re.IGNORECASE,
)


# A question that asks for the most itself: "How many years in prison did Vance face?"; not "did it carry", which
# asks what was carried ("How many passengers did the ferry carry?")
_ASKS_THE_MOST = re.compile(r"\b(?:fac(?:e|es|ed|ing)|maximum|most|up to|punishable)\b", re.IGNORECASE)
# "faced up to", "facing up to", "faces up to", "carried up to", "carrying up to": the most of a penalty, or what
# people met or a load was ("runners faced up to 95 degrees", "some voters face up to three hours in line", "the
# flood carried up to 3 feet of water"), told apart by a penalty in the sentence; "carries up to" (a penalty's or a
# capacity: "the ferry, which carries up to 150 passengers"), "could get", "punishable by" always tell what may be
_MET_OR_BORNE = re.compile(r"fac|carried|carrying", re.IGNORECASE)
_A_PENALTY = re.compile(r"\b(?:prison|jail|sentenc\w*|fine[ds]?|penalt\w*|probation|convict\w*|charged?|charges|"
                        r"felony|felonies|misdemeanou?rs?|guilty|punish\w*|incarcerat\w*)\b", re.IGNORECASE)
# A value the model tags as a number, a sum, a share or a measure has a figure in it: digits or a number word.
_FIGURE_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_A_FIGURE = re.compile(
    r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r"|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|"
    r"quarters?|thirds?|fifths?|tenths?|once|twice|single|double|triple|several|few|many|"
    # "twofold", "tripled", "a couple", "a handful", "scores", "both"; one of a unit ("nearly a foot", "a dollar")
    r"[a-z]+fold|doubled|tripled|quadrupled|couple|pair|handful|scores|both|"
    r"an?\s+(?:" + "|".join(sorted(MEASURE_UNITS)) + r"|dollar|buck|penny|nickel|dime|cent))\b",
    re.IGNORECASE,
)
# (the model often takes "up to" into the value: "up to 20 years")
_UP_TO = re.compile(r"up to\s+", re.IGNORECASE)


# "Who at the state parks office ...?", "Who from Hollin Freight ...?": a person of a body, not the body.
# Not a time ("Who on Monday sued the city?", "Who at first opposed it?", "Who at the time ran it?").
_WHO_OF_A_BODY = re.compile(
    r"\W*who\s+(?:at|from|with|of|on)\s+(?!(?:the\s+)?(?:first|last|least|once|times?|same|end|start|outset|"
    r"moment|night|noon|midnight|dawn|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)(?:the\s+)?[\w'’-]",
    re.IGNORECASE,
)
# The model tags a weight in pounds as money ("12 million pounds").
_POUNDS = re.compile(r"\bpounds?\b", re.IGNORECASE)
# Words before the one someone replaces: "succeeding Superintendent Tam Quist", "a successor to Dana Orme",
# "will replace Mayor Tam Quist", "took over from Jo Tallis". English words of succession.
_REPLACED_BEFORE = re.compile(
    r"\b(?i:succeed(?:s|ed|ing)?|successors?\s+(?:to|for)|replac(?:e|es|ed|ing)|in place of|"
    r"t(?:ake|akes|aking|ook|aken)\s+over\s+from)\s+(?:(?i:the|a|an|former|retiring|outgoing|longtime|interim)\s+)*"
    r"(?:[A-Z][\w.'’-]*\s+){0,3}$"
)
_REPLACED_REACH = 60

_ASKS_A_NEW_PLACE = re.compile(r"\b(?:new|mov(?:e|es|ed|ing)|relocat\w*|this\s+(?:year|season|summer|fall|winter|"
                               r"spring)|next\s+\w+)\b", re.IGNORECASE)


# The one set aside for another ("instead of Grace Lutheran Church", "rather than Harlan Paving"), which answers no
# question of who or where unless it asks for that one ("Where did they vote before?", "... used to ...").
_INSTEAD_OF_BEFORE = re.compile(
    r"\b(?i:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:(?!(?:at|in|on|near|to|from|by|for)\b)[\w.'’-]+\s+){0,3}$"
)  # (not past a preposition: "meet Tuesday instead of Monday at City Hall" meets at City Hall)
_INSTEAD_OF_REACH = 60
_ASKS_FOR_THE_ALTERNATIVE = re.compile(
    r"\b(?:instead|rather|replac\w*|usual(?:ly)?|used\s+to|previous(?:ly)?|former(?:ly)?|old|before|normally|"
    r"originally|typically|until\s+now)\b",
    re.IGNORECASE,
)
# Verbs of leaving a post or of succeeding someone: a question on them may ask for the one who leaves ("Who is
# retiring?", "Whom will she replace?").
_LEAVING_VERBS = frozenset({"retire", "resign", "quit", "leave", "step", "depart", "fire", "oust", "recall",
                            "remove", "dismiss", "replace", "succeed", "precede"})  # fmt: skip


# Words of a question that asks for the one who held a post before: "Who was the previous chief?", "Who is the
# outgoing mayor?", "Who served as interim chief?", "Who ran the office before Pell Sorensen?".
_ASKS_THE_ONE_BEFORE = re.compile(
    r"\b(?:previous|predecessors?|former|outgoing|interim|retiring|longtime|earlier|before)\b", re.IGNORECASE
)
# Verbs of picking the new one: "Who was hired to replace the former chief?" asks for the new one all the same.
PICKING_VERBS = frozenset({"hire", "name", "pick", "appoint", "choose", "select", "elect", "tap", "promote",
                            "nominate", "recommend", "install"})  # fmt: skip
# A clause of their own after the one replaced: "in place of Mayor Tam Quist, who was ill".
_WHO_CLAUSE_AFTER = re.compile(r"\s*,\s+who\s+([^,.;]+)")
_LOWER_CASE_WORD = re.compile(r"\b[a-z][\w'’-]*")


def _may_ask_for_the_one_replaced(analysis: QuestionAnalysis) -> bool:
    """Whether a "who" question may ask for the one replaced: its verb is one of leaving, succeeding or preceding,
    or it asks for the one before ("Who was the previous chief?") and not for whom someone picked."""
    return analysis.predicate in _LEAVING_VERBS or (
        analysis.predicate not in PICKING_VERBS and bool(_ASKS_THE_ONE_BEFORE.search(analysis.question))
    )


def _said_of_them_as_asked(text: str, e: int, end: int, analysis: QuestionAnalysis) -> bool:
    """Whether the one replaced, named at text[..e], has a "who" clause of their own that says what the question
    asks ("in place of Mayor Tam Quist, who was ill" for "Who was ill?"): the question's verb, or for a question on
    "be" its own words, not its role or focus ("who was superintendent for 12 years" does not answer "Who is the
    new superintendent?", nor "who is retiring" whom a board picked to replace its retiring superintendent)."""
    clause = _WHO_CLAUSE_AFTER.match(text, e, end)
    if clause is None:
        return False
    if analysis.predicate:
        # its verb ("Who was hurt?"), not a word that describes another ("pick to replace its retiring chief")
        asked = set(all_stems(" ".join(analysis.predicate_forms)))
    else:
        asked = set(stems(" ".join(_LOWER_CASE_WORD.findall(analysis.question))))  # not the names it asks about
    asked -= set(stems(analysis.focus or "")) | set(stems(analysis.role or "")) | set(stems("new next"))
    return bool(asked & set(all_stems(clause.group(1))))


# Words before those someone speaks or writes to: "told the Board of Trustees", "in a letter to the council".
_ADDRESSED_BEFORE = re.compile(
    r"\b(?:told|tells|telling|informed|informs|notified|urged|wrote to|writes to|said to|letter to|"
    r"testified before|testifies before|appeared before)\s+(?:the\s+)?$", re.IGNORECASE
)
_ASKS_WHERE_FROM = re.compile(r"\b(?:from|live[sd]?|living|resid(?:e[sd]?|ing|ent|ence)|home|hometown)\b",
                              re.IGNORECASE)
# "died at his home", "destroyed the home of Lena Vasko, 34, of Stallbridge": the town is where it happened.
_AT_THEIR_HOME = re.compile(r"\b(?:(?:his|her|their)\s+(?:own\s+)?home|home\s+of)\b", re.IGNORECASE)
# "since" right before a date: "has been provost since 2019"; and a question of how long up to now.
_UP_TO_NOW = re.compile(r"\s*how long (?:has|have|had)\b", re.IGNORECASE)  # (or up to then: "had been")
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
# A day and a length of time the model tags as one date: "Aug. 30 after 31 years", "June 1 for two weeks".
_A_DAY_AND_A_LENGTH = re.compile(r".+?\s(?:after|for)\s+(?P<length>(?:about|nearly|almost|more than|over)?\s*"
                                 r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
                                 r"[\s-]+(?:years?|months?|weeks?|days?|decades?))$", re.IGNORECASE)
_AS_AFTER = re.compile(r"\s+as\b")
# "the first strike there since 1998": a since-date after a superlative or "first" dates a record, not a state
_FIRST_SINCE = re.compile(r"\b(?:first|only|last|most|least|(?:bigg|larg|high|low|wor|b|great|dead|long|short|"
                          r"strong|fewe|small|heavi|wett|dri|hott|cold)est)\b[^.;,]{0,40}$", re.IGNORECASE)
# How close a length of time must stand to the since-date to be its restatement ("for six years, since 2019").
_BESIDE_SINCE = 30


def _duration_beside(passage: Passage, s: int, e: int) -> bool:
    """Whether the sentence gives the length of time right beside the since-date ("since March 2, or about three
    weeks"; "for six years, since 2019"): that is the answer, the date only where it is counted from."""
    return any(label == "DATE" and is_duration(passage.text[ds:de]) and (0 <= ds - e <= _BESIDE_SINCE
                                                                         or 0 <= s - de <= _BESIDE_SINCE)
               for ds, de, label in passage.entities)  # fmt: skip


# A clock time, not a length of time ("for 3 hours on Tuesday"): "1 a.m.", "10:15", "9 o'clock", "12 noon".
_A_CLOCK_TIME = re.compile(r"\d\s*(?:[ap]\.?m\b\.?|o['’]clock|noon|midnight)|\d:\d\d", re.IGNORECASE)
# A span of days rather than a day: "3 p.m., two days after his arrest", "a day later".
_A_SPAN_OF_DAYS = re.compile(r"\b(?:days?|weeks?|months?|years?|later|earlier|ago)\b", re.IGNORECASE)
# What joins a time of day to the day it names: "shortly after 1 a.m. on Feb. 10", "at 7 p.m., Tuesday".
_TIME_ON_A_DAY = re.compile(r"(?:,\s*|\s+)(?:on\s+)?")


def _times_with_their_days(text: str, entities: list[Entity], start: int, end: int) -> list[Entity]:
    """The entities, with a clock time and the day right after it made one date: "When was he shot?" is answered
    by "shortly after 1 a.m. on Feb. 10", not by the hour alone. (Not "morning, July 25": a part of a day is no
    time to give before its date.)"""
    joined: list[Entity] = []
    ordered = sorted(entities)
    skip: set[int] = set()
    for i, (s, e, label) in enumerate(ordered):
        if i in skip:
            continue
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        # not across the sentence's end ("at 2 a.m. Sunday" split after "a.m.": the joined value would fit neither)
        if (label == "TIME" and following is not None and following[2] == "DATE" and start <= s
                and following[1] <= end and _A_CLOCK_TIME.search(text, s, e)
                and not _A_SPAN_OF_DAYS.search(text, following[0], following[1])):  # fmt: skip
            between = _TIME_ON_A_DAY.fullmatch(text, e, following[0])
            if between is not None:
                joined.append((s, following[1], "DATE"))
                skip.add(i + 1)
                continue
        joined.append((s, e, label))
    return joined


# An e-mail or web address, which names no one, and one after a name ("Dana Lisle (dlisle@orlow.example)").
_AN_ADDRESS_ONLINE = re.compile(r"@|://|\bwww\.", re.IGNORECASE)
_ONLINE_TAIL = re.compile(r"[\s,(]*\S*(?:@|://|www\.)\S*$", re.IGNORECASE)

# A length of time that things are counted over: "the second bridge to close in two years", "for the third time
# in five years", "12 times in the past decade" (an ordinal or "times", then "in" right before the length).
_A_COUNTING_WINDOW_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|times?)\b"
    r"[^.;]{0,80}?\bin\s+(?:the\s+(?:past|last)\s+)?$", re.IGNORECASE)
_ASKS_SINCE_WHEN = re.compile(r"\bsince\b|\blast\s+time\b", re.IGNORECASE)

# A body that votes by a tally of its members (not residents at a town meeting, "voted 45 to 12"). English nouns.
_A_VOTING_BODY = re.compile(r"\b(?:council|board|commission|committee|trustees|commissioners|selectmen|panel|"
                            r"legislature|court|jury|regents|supervisors)\b", re.IGNORECASE)
_ASKS_A_MARGIN = re.compile(r"\bby\s+how\s+many\s+votes\b|\bmargin\b", re.IGNORECASE)
_ANY_VOTERS = frozenset({"people", "person", "resident", "voter", "citizen"})
# "by" before a number of votes, which makes it a margin: "failed by 212 votes", "won by just 40".
_BY_BEFORE = re.compile(r"\bby\s+(?:just\s+|only\s+|about\s+|nearly\s+|more\s+than\s+|fewer\s+than\s+)?$",
                        re.IGNORECASE)
# Words of a vote that voters cast: a tally of one or two digits a side is a body's.
_ASKS_OF_A_POPULAR_VOTE = re.compile(r"\b(?:elections?|referendum|ballot|bond|levy|primary)\b", re.IGNORECASE)


def _a_common_noun_opening(passage: Passage, start: int, end: int, word_end: int) -> bool:
    """Whether the one word opening the sentence at passage.text[start:end] (up to `word_end`), which the model
    tagged as a name, is a common noun to the tagger ("Turnout in Brennan Falls was ...")."""
    doc = sentence_parse(passage.text[start:end])
    first = next((t for t in doc if not t.is_punct), None)
    return first is not None and first.idx + len(first.text) == word_end - start and first.tag_ in ("NN", "NNS")


# A span the model tagged as a name that is none: a title's short form alone ("Capt"), or two names joined by "to" or
# ending in a preposition ("Jefferson High School to Hartline Roofing of"; one name with a preposition after it,
# "Brightline Builders of", is that name). English titles and prepositions.
_NO_NAME = re.compile(
    r"^(?:Capt|Lt|Sgt|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Col|Maj|Cpl|Det|Supt|Cmdr|Atty|Prof|Rev)\.?$"
    r"|^(?:CEO|CFO|COO|CTO|CIO)$"  # a chief officer's title, which the model tags as a body
    r"|\s(?:of|to|for|at|in|on|by|with|from|and)$|[A-Z][\w.'’]*\s+to\s+(?:the\s+)?[A-Z]"
)
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP"})
_A_PREPOSITION_LAST = re.compile(r"\s+(?:of|to|for|at|in|on|by|with|from|and)$")
# A title in lower case right after a word the model took for a name: the word is the title's ("Parks superintendent
# Gail Morrow", "Finance director Ann Ruiz").
_A_TITLE_AFTER = re.compile(r"\s+(?:" + "|".join(OFFICE_TITLES) + r")\b")
_A_SAINTS_NAME = re.compile(r"\bSt\.?\s+[A-Z][\w.]*['’]s$")
_ASKS_WHOSE = re.compile(r"\W*whose\b", re.IGNORECASE)
# The last word of a body's name ("the Ludgarth County Sheriff's Office", "Orlow Fire Department"). English nouns.
# The names of bodies of people, which meet somewhere but are no place: "the Harrowgate Falls Board of Aldermen",
# "the City Council", "the Planning Commission". English nouns.
_A_BODY_OF_PEOPLE = re.compile(
    r"\b(?:Board|Council|Commission|Commissioners|Committee|Trustees|Aldermen|Selectmen|Supervisors|Legislature|"
    r"Caucus|Coalition|Alliance)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)?\W*$"
)
_ITS_ROOMS_AFTER = re.compile(r"\s+(?:office|offices|building|chambers?|hall|headquarters|room)\b", re.IGNORECASE)
_A_BODY_LAST = re.compile(
    r"\b(?:Office|Department|Dept\.|Agency|Authority|Commission|Council|Board|Bureau|Patrol|Police|Services?|"
    r"Committee|Company|Co\.|Inc\.|Corp\.)\W*$"
)
# Schools, colleges, libraries, churches and museums: no company, whatever they buy or sell.
_INSTITUTION = re.compile(
    r"\b(?:College|University|Library|Church|Museum|(?:High|Middle|Elementary|Public|Community) Schools?|School "
    r"District)\W*$", re.IGNORECASE
)  # fmt: skip
# A name holds a word that is not a number: "Fourteen" at a sentence start is no organisation.
_A_NAME_WORD = re.compile(
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|"
    r"the)\b)\b[^\W\d_]{2,}",
    re.IGNORECASE,
)

_CHANCE_STEMS = frozenset(stems("chance chances probability likelihood odds"))


# How far after a number its unit may come: "16,000 square feet", "41 miles of cast iron main".
_UNIT_REACH = 20

_TALLIED = frozenset(stems("vote votes voter point points goal goals run runs score"))


def _the_thing_asked_about(name: str, question: str) -> bool:
    """Whether the name's own noun ("School" of "Lakeview Middle School", "Friends" of "Friends of the Library") is
    a common noun of a "who" question, which names the thing asked about ("the middle school bond"). (A "which"
    question's nouns may tell the kind of name asked for: "Which engineering firm ...?")"""
    noun = name.split(" of ")[0].split()[-1]
    if not noun[:1].isupper():
        return False
    return re.search(rf"(?<![\w'’-]){re.escape(noun.casefold())}s?(?![\w'’-])", question) is not None


# Verbs of being, having or needing, which tell a state of their subject, not its act.
_STATE_VERBS = frozenset({"be", "have", "need", "remain", "sit", "stand", "include", "contain", "date"})


_OF_AFTER_A_NAME = re.compile(r"[A-Z][\w.'’-]*,?\s+of\s+(?:the\s+)?$")


def _affiliation_of_a_person(passage: Passage, s: int, start: int) -> bool:
    """Whether the name at passage.text[s:] follows a person's name and "of" ("Owen Strand of the Tallis Valley
    Weather Center"): whom the person works for or belongs to; not "the gymnasium of First Covenant Church"."""
    before = _OF_AFTER_A_NAME.search(passage.text, max(start, s - 40), s)
    return before is not None and any(
        label == "PERSON" and e_start < before.start() + 1 <= e_end
        for e_start, e_end, label in passage.entities
    )


def _does_something(text: str, s: int, e: int, start: int, end: int, acts: bool = False) -> bool:
    """Whether the name at text[s:e] is the subject of an active verb in its sentence text[start:end] ("Save Orrin
    Creek sued the county", "Tarn Hill, a Calder developer, bought the mill"): a firm, group or person, which a lake
    or dam the name might be read as never is; not "Orrin Dam will be inspected", "repair Orrin Dam". With `acts`,
    not a verb of a state either ("Lakeview School needs $9 million in repairs"), but the doer of a passive ("called
    off by Lakeview School")."""
    doc = sentence_parse(text[start:end])
    span = doc.char_span(s - start, e - start, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if acts and root.head.lemma_.casefold() in _STATE_VERBS:
        return False
    if acts and root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True  # "was called off by Harlow Middle School"
    return root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ == "auxpass" for c in root.head.children
    )


# The one beaten in a race, who answers no "Who won?": the object of a verb of beating ("defeated two-term incumbent
# Mayor Frank Keel"), and the one whose share comes second ("54 percent of the vote to Keel's 39 percent"). English
# verbs of winning over someone.
_BEATEN_BEFORE = re.compile(
    r"\b(?:defeated|defeating|beat|beating|unseated|unseating|ousted|ousting|edged|edging|topped|topping)\s+"
    r"(?!by\b)(?:(?:the\s+)?(?!by\b)[\w-]+\s+){0,4}$"
)
# ... and the subject of the passive ("Frank Keel was defeated by Dana Ortiz")
_BEATEN_AFTER = re.compile(r"\s+(?:was|were|had been|has been)\s+(?:narrowly\s+)?(?:defeated|beaten|beat|unseated|"
                           r"ousted|edged|topped)\b")
_BEATEN_REACH = 60
_TO_BEFORE = re.compile(r"\bto\s+$")
_SHARE_AFTER = re.compile(r"['’]s\s+[\d,.]+")

_PER_AMOUNT_BEFORE = re.compile(r"\b(?:per|for each|for every|on each|on every)\s+\$?$")


# A picture's credit before a name: "(Courtesy of St. Alder)", "Photo by Ada Quist", "Photo courtesy of ...".
_CREDIT_BEFORE = re.compile(r"\b(?:courtesy\s+of|(?:photo|photograph|image|rendering)s?\s+(?:by|courtesy\s+of|:))\s*"
                            r"(?:the\s+)?$", re.IGNORECASE)
_ASKS_OF_A_PICTURE = re.compile(r"\b(?:photos?|photographs?|pictures?|images?|renderings?|photographer)\b",
                                re.IGNORECASE)
_CREDIT_OPENING = re.compile(r"(?:courtesy\s+of|(?:photo|photograph|image|rendering)s?\s+(?:by|courtesy))\b",
                             re.IGNORECASE)  # the model may take the credit's words into the name
# A source named after "according to" (with a title: "according to Fire Chief Ron Pike"), who answers only what was
# said, reported or announced. English verbs of telling.
# (a title in lower case too: "according to business administrator Lionel Haverstock"; not a name after a
# preposition, "according to a report by ...", whose maker it is)
_ACCORDING_TO_BEFORE = re.compile(
    r"\baccording to\s+(?:the\s+)?(?:(?!(?:by|with|for|from|and|of|to|against|on|in|at|about|over|involving|into|"
    r"after|before|filed)\s)[\w.'’-]+\s+){0,4}$"
)
_ACCORDING_REACH = 60
_SOURCE_VERBS = frozenset({"say", "report", "announce", "confirm", "tell", "estimate", "count", "predict", "forecast",
                           "write", "warn", "state", "explain", "note", "add"})  # fmt: skip
# A name whose last word is a building's, after a preposition of where ("a shift at Birchmont General Hospital",
# "in Orlow Middle School"); not "to" or "from", whose name may be who receives or gives ("sold to Grace Church").
# English nouns for buildings and prepositions of place.
_A_BUILDING_LAST = re.compile(r"\b(?:Hospital|School|Center|Centre|Hall|Church|Library|Station|Airport|Arena|"
                              r"Stadium|Mall|Hotel|Museum|Clinic|Jail|Prison|Courthouse)$")  # fmt: skip
_WHERE_BEFORE = re.compile(r"(?<!\bofficials )(?<!\bstaff )(?<!\bdoctors )(?<!\bnurses )(?<!\bworkers )"
                           r"(?<!\bemployees )(?<!\bleaders )\b(?:at|in|near|outside|inside|into)\s+(?:the\s+)?$",
                           re.IGNORECASE)  # fmt: skip
_WHERE_REACH = 16


# How far before an age's sentence the person asked about may be named ("Randall Kuiper was charged. He is 52.").
_AGED_NAME_REACH = 150


# A question about someone's age now ("How old is Tillery?"), and an age a clause gives of a time that is past:
# "since I was 8 years old", "when she was 12". English words.
_ASKS_THE_AGE_NOW = re.compile(r"(?i)\bhow old(?: is| are|['’]s)\b")
_AN_AGE_THEN = re.compile(r"(?i)\b(?:since|when|until|till|before|after)\s+(?:\w+\s+){1,2}(?:was|were)\s+"
                          r"(?:about\s+|only\s+|just\s+|barely\s+)?$")
