"""The entities of a sentence that can answer a value question (`answer_entities`): those of a label that fits
the question, not in it, each checked against what the question asks (a place not a dateline, a person of the
role asked, an age of the one asked about ...), nearest the question's words first, and how near and how
precise each is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Collection, Sequence

from index.dates import MONTH_NAMES, WEEKDAY_NAMES
from index.nlp import sentence_parse
from rag.candidate import Entity, sentence_spans, sentence_with_the_one_before, text_stems
from rag.counted_nouns import COUNTED_WINDOW, TIME_NOUNS
from rag.event_dates import SAYING_VERBS
from rag.models import Passage
from rag.name_words import A_FIRM_WORD, A_FIRM_WORD_LAST, NAME_WORD, PERSONS_NAME, POSSESSIVE_END, PUBLIC_BODY
from rag.new_names import in_question
from rag.number_roles import prefer_asked_figures
from rag.query import (
    BUSINESS_NOUNS, MEASURE_UNITS, OFFICE_TITLES, PEOPLES_NOUNS, ROAD_NOUNS, YEAR, QuestionAnalysis, entity_fits,
    is_duration, role_forms, unit_forms,
)  # fmt: skip
from rag.something_else import EARNING_VERBS
from rag.text import NUMBER_WORDS, all_stems, content_words, normalise, noun_stems, stems, stopwords, words
from rag.value_clause import governing_verb
from rag.value_times import year_written

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_CURRENCY_SIGNS = frozenset("$€£¥")

_YEARLY = frozenset({"salary", "pension"})
# Sums paid by the unit of work, whatever it is ("a stipend of $35 per game", "a wage of $19 an hour"). English.
_PAID_PER_UNIT = frozenset({"stipend", "wage"})


def _earned(text: str, sentence: tuple[int, int], at: int) -> bool:
    """Whether the sum at text[at:] is earned in its sentence (text[sentence[0]:sentence[1]]): its verb is one of
    earning ("will earn $18 an hour", "will pay referees a stipend of $35 per game"; not "will charge $3 per
    swimmer")."""
    doc = sentence_parse(text[sentence[0] : sentence[1]])
    token = next((t for t in doc if t.idx >= at - sentence[0]), None)
    return token is not None and governing_verb(token).lemma_.casefold() in EARNING_VERBS


# Words before a title that make someone other than its holder ("Former Mayor Tam Quist", "Deputy Mayor Lin Oake").
NOT_THE_HOLDER = frozenset({"former", "ex", "deputy", "vice", "assistant"})


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


def holds_the_role(analysis: QuestionAnalysis, passage: Passage, entity: Entity, sentence: tuple[int, int]) -> bool:
    """For "Who is the prosecutor?": whether the sentence calls the one at `entity` the prosecutor."""
    role_stems = set(stems(" ".join(role_forms(analysis.role or ""))))
    describing_stems = all_stems(" ".join(analysis.focus_verb_forms))
    return _names_the_focus(passage.text, entity, role_stems, describing_stems, sentence,
                            naming_needs_the_focus=True) or _done_by_in_the_passive(
        analysis, passage.text, entity, sentence, describing_stems | role_stems
    ) or _given_the_role(
        passage.text, entity[:2], role_stems, sentence
    )


# Words that may stand before a title in it: "City Engineer", "County Fire Chief", "Acting Police Chief".
_TITLE_QUALIFIERS = ("city", "county", "state", "town", "village", "district", "fire", "police", "deputy",
                     "assistant", "acting", "interim", "vice", "chief", "board", "school", "public", "health",
                     "finance", "budget", "works", "parks", "planning", "zoning", "transit", "utilities", "water",
                     "executive", "general")  # fmt: skip

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
    r"^(?i:the\s+)?(?:(?i:" + "|".join(_TITLE_QUALIFIERS) + r")\s+)*(?i:" + "|".join(OFFICE_TITLES)
    + rf")\s+(?:{NAME_WORD}\s+){{1,2}}{NAME_WORD}$"
)  # fmt: skip


# "a year ago", "a week later": a period that dates something, no rate.
_DATING_AFTER = "ago|later|earlier|before|after"
# Periods a sum may be asked for by: "hourly", "an hour", "per hour", "a month", "monthly" ...
_PERIOD_ABBREVIATIONS = {"hour": "hr", "month": "mo", "year": "yr", "week": "wk"}
_PERIODS = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "year": "yearly|annual|annually",
            "night": "nightly"}  # fmt: skip


def asked_rate(question: str) -> re.Pattern[str] | None:
    """What must stand by a sum when the question asks for one per period ("What is the hourly wage?", "What does a
    weaver make an hour?", "How much is a monthly pass?"): "an hour", "per month", "a year", "hourly" ...; or per
    unit of measure ("How much per pound ...?": "a pound", "per pound", "/lb"); None when it asks for no rate ("How
    much did it cost a year ago?", "How much did the 40-acre farm sell for?")."""
    for period, adjectives in _PERIODS.items():
        # lower case only: "the Weekly Ledger" names a paper
        if re.search(rf"\b(?:{adjectives})\b|\b(?:per|an?|each|every) {period}\b(?! (?:{_DATING_AFTER}))", question):
            short = _PERIOD_ABBREVIATIONS.get(period, period)
            return re.compile(
                rf"\b(?:(?:per|an?|each|every) {period}\b|(?:{adjectives})\b)|/\s?(?:{period}|{short})\b", re.IGNORECASE
            )
    # a price per unit of measure: "How much per pound ...?", "What do farmers pay for an acre-foot of water?"
    for unit in MEASURE_UNITS:
        # "for a gallon of gas", "for an acre-foot of water"; not "for a foot passenger", "for a pound cake", "for a
        # degree in nursing", "for a mile-long stretch": a thing bought whole
        if re.search(rf"\b(?:per|each|every) {unit}\b|\bfor an? {unit}(?:-(?:foot|hour))?(?:\s+of\b|\W*$)"
                     rf"|\bhow much (?:per|an?) {unit}\b", question, re.IGNORECASE):  # fmt: skip
            forms = unit_forms(unit).pattern
            return re.compile(rf"\b(?:per|an?|each|every)\s+(?:{forms})|/\s?(?:{forms})", re.IGNORECASE)
    return None


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
                    and bool(_ASKS_A_TOTAL.search(question) or _asks_a_sum_paid_once(question))
                    and asked_rate(question) is None and analysis.focus not in _YEARLY)  # fmt: skip
    entities = list(passage.entities)
    # the last word of each person's name: "Quist" of "Ada Quist", and a surname the model tagged alone; not of a
    # firm's name the model took for a person's in a headline ("Greythorn Pump Works to add 140 jobs")
    people = [passage.text[s:e].strip() for s, e, label in entities if label == "PERSON" and passage.text[s:e].strip()]
    surnames = {name.split()[-1] for name in people if not A_FIRM_WORD.search(name)}
    # the surnames of people the passage names in full: "Hartley" may be Jane Hartley as well as the dateline's town
    full_name_surnames = {name.split()[-1] for name in people if " " in name}
    if asks_for_a_business:
        entities += _untagged_subject_names(passage, start, end)
    elif analysis.answer_type in ("person", "organisation"):
        entities += _untagged_firm_names(passage, start, end)
    if analysis.answer_type == "person":
        entities += _untagged_titled_people(passage, start, end, analysis)
    held = _WHO_HOLDS_A_PERSONS_POST.match(question) if analysis.answer_type == "person" else None
    post = held.group("post").casefold() if held else None
    if analysis.answer_type == "count":
        entities += _untagged_counts(passage, start, end)
    if analysis.answer_type == "date" and analysis.focus is None:
        entities = _times_with_their_days(passage.text, entities, start, end)
    for s, e, label in entities:
        if s < start or e > end:
            continue
        if label in ("ORG", "PERSON") and _in_a_dateline(passage.text, s, e):
            continue  # "KESTRELTON (RNS) - ...": the dateline's place and the news service's credit (which the model
            # may also take for a person's name, "BRENNAN FALLS -")
        dateline = _ENTITY_DATELINE.match(passage.text, s, e)
        if dateline and dateline.end() < e:
            s = dateline.end()  # "LANFORD - Orrin Dairy Co. will ...": the model took the dateline into the name
            if not _a_proper_name(passage, s, e):
                continue  # "ELLSWORTH - Someone broke into ...", "RIVERMONT - Children swarmed ...": no name after it
        address = (_ADDRESS_TAIL.search(passage.text, s, e)
                   if label in ("ORG", "FAC") and analysis.answer_type in ("person", "organisation") else None)
        kept = [w for w in words(passage.text[s : address.start()]) if w != "the"] if address else []
        if address and address.end() == e and len(kept) >= 2:
            # "Brascombe Agronomics on Depot Road": the model took the firm's address into its name; not "The Shops
            # at Quay Street", whose name it is, nor a place's address for "Where ...?"
            e = address.start()
        located = (_ADDRESS_TAIL.search(passage.text, s, e)
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
        if post is not None and label == "PERSON" and _titled_with_another_post(passage, start, end, s, post):
            continue  # "Who took over as principal?": "former Superintendent Walter Dean left" holds another post
        if label == "MONEY" and _POUNDS.search(text) and "£" not in passage.text and "$" in passage.text:
            label = "QUANTITY"  # "about 12 million pounds of pears" in an article that counts money in dollars
        if analysis.answer_type == "percent" and label == "MONEY" and PER_AMOUNT_AFTER.match(passage.text, e, end):
            label = "PERCENT"  # "the tax rate at $18.42 per $1,000 of assessed value": a rate given as a sum per sum
        if label == "DATE" and all(part in NUMBER_WORDS for part in text.casefold().split("-")):
            label = "CARDINAL"  # "Forty dogs were rescued": the model took a number opening a sentence for a date
        if analysis.answer_type in ("person", "organisation") and label in ("GPE", "LOC") and _A_BODY_LAST.search(text):
            label = "ORG"  # "the Ludgarth County Sheriff's Office": the model tags a county's office as the place
        if analysis.answer_type in ("person", "organisation") and label == "PERSON" and A_FIRM_WORD_LAST.search(text):
            label = "ORG"  # "Paxton Ridley Architects designed it": the model takes a firm named for people for one
        if analysis.answer_type == "place" and label in ("PERSON", "ORG") and _a_place_by_its_name(passage.text, s, e):
            label = "FAC"  # "will be built on Halsey Road", "on Quarry Hill": the model tags it as a person
        if (analysis.answer_type == "place" and focus_stems
                and _owns_another_of_the_focus(passage.text, s, e, focus_stems, question)):  # fmt: skip
            continue  # "where's the Bascom County 911 center?": "Ridley's center has 10 dispatchers" is Ridley's own
        if (analysis.answer_type == "place" and analysis.focus in ROAD_NOUNS
                and not (THOROUGHFARE.search(text) or ROAD_NOUN_LAST.search(text) and " " in text.strip())):
            continue  # "What street is the arena on?": a road's name, not the town's, nor a player named Pike
        if not entity_fits(analysis.answer_type, label, text, analysis.focus, analysis.content_lemmas) and not (
            analysis.length_of and label == "QUANTITY"
            and _a_length_of(passage.text, start, end, (s, e, label), analysis.length_of, passage.entities)
        ):
            continue  # "How long is the detour?": "a detour of 19 miles" as well as "25 minutes"
        if label in _FIGURE_LABELS and not _A_FIGURE.search(text):
            continue  # "hail as large as 2.75 inches": the model tagged "as large as" as a number
        if in_question(text, label, normalised_question, question_words, question):
            continue
        oldest = MAX_AGE if asks_a_persons_age or analysis.answer_type != "age" else MAX_AGE_OF_A_THING
        if (analysis.answer_type == "age") != states_an_age(passage.text, s, e, oldest):
            continue  # "Dale Orrin, 52, was hurt": the 52 answers how old he is, not when or how many
        if analysis.answer_type == "age" and not asks_a_persons_age and _the_age_of_another(passage.text, s, e,
                                                                                            question_stems):
            continue  # "How old is the building?": "a 62-year-old woman" is her age, not the building's
        if asks_a_persons_age and _a_things_age(passage.text, start, s):
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
                                          and _earned(passage.text, (start, end), s)) and (
                    (PER_AMOUNT_AFTER.match(passage.text, e) and not _ASKS_A_RATE.search(question))
                    or _a_unit_rate_not_asked(passage.text, s, e, question))))):
            continue  # "What will the levy cost the owner of a $300,000 house?": "$1.45 per $1,000 of assessed value"
            # is a rate, which the question does not ask, and "$1,000" what it is given per; "How much will the
            # expansion cost?": "$3.10 for every ton" is a price of each ton, not the cost
        if rate is not None and label == "MONEY" and not rate.search(passage.text, start, min(end, e + _UNIT_REACH)):
            continue  # "What is the hourly wage?": "$27 an hour", "the monthly bill ... $27.40", not "a $1.2 billion
            # plant"
        if analysis.answer_type == "date" and analysis.mood is not None and _A_FREQUENCY.match(text):
            continue  # "When were the beds reopened?": "every day" tells how often, not when (but "When is the
            # library open?", in the plain present, asks for how often as well: "daily")
        if (analysis.answer_type == "measure" and _of_another_dimension(question, text)
                and not _PER_TIME_AFTER.match(passage.text, e)):  # fmt: skip
            continue  # "How high did the surge get?": "71 mph" is a speed (the wind's), not a height (not "2 feet
            # an hour", a speed for "How fast did the river rise?")
        if asks_a_total and _A_RATE_AFTER.match(passage.text, e, end):
            continue  # "How much was paid out altogether?": "$150 a week" is what each week cost, not the total
        up_to = _UP_TO.match(text)
        before = passage.text[max(start, s - 40) : s] + (up_to.group() if up_to else "")
        most = (_A_MOST_POSSIBLE_BEFORE.search(before)
                if analysis.mood == "realised" and not _ASKS_THE_MOST.search(question) else None)  # fmt: skip
        if most and (not _MET_OR_BORNE.match(most.group()) or _A_PENALTY.search(passage.text, start, end)):
            continue  # "How many years did he get?": "faces up to 20 years" is the most he could get, not what he got
            # (not "runners faced up to 95 degrees", "the flood carried up to 3 feet of water": what was)
        if (analysis.answer_type == "count" and _a_side_of_a_tally(passage.text, s, e)
                and _A_VOTING_BODY.search(passage.text, start, end)
                and (_ASKS_A_MARGIN.search(question) or (analysis.focus or "") in _ANY_VOTERS)):  # fmt: skip
            continue  # "The commission voted 3-2": a body's tally counts neither a margin nor the people who voted
        if (analysis.answer_type == "count" and _a_side_of_a_tally(passage.text, s, e)
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
        if analysis.answer_type in ("count", "quantity", "measure") and _STREET_AFTER.match(passage.text, e) and text.isdigit():
            continue  # "at 418 Linden Row": a house number counts nothing
        if (analysis.answer_type == "place"
                and _A_HOMETOWN_BEFORE.search(passage.text, max(start, s - _HOMETOWN_REACH), s)
                and not _ASKS_WHERE_FROM.search(question)
                and not _AT_THEIR_HOME.search(passage.text, start, end)):  # fmt: skip
            continue  # "Tyler Voskamp, 19, of Pellingford, was treated": where he lives, not where anything happened
        if (analysis.answer_type == "person"
                and _REPLACED_BEFORE.search(passage.text, max(start, s - _REPLACED_REACH), s)
                and not _may_ask_for_the_one_replaced(analysis)
                and not _said_of_them_as_asked(passage.text, e, end, analysis)):  # fmt: skip
            continue  # "succeeding Superintendent Tam Quist": the one replaced, not the one who replaces him
        if (analysis.answer_type == "place" and (analysis.mood == "irrealis" or _ASKS_A_NEW_PLACE.search(question))
                and _where_it_has_been(passage.text, s, e, start, end)):  # fmt: skip
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
            _a_street(passage.text, s, e)
            or (THOROUGHFARE.search(text) and _noun_it_names(passage.text, s, e, start, end) is not None)
        ):
            continue  # the model tags an unfamiliar street as a person ("a house on Quillon Lane", "the hospital's
            # Quarry Road campus")
        if (analysis.answer_type in ("person", "organisation") and _a_natural_feature(text, label)
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
                and _where_someone_is_from(passage.text, s, e, start, end)):  # fmt: skip
            continue  # "A 34-year-old Tarrow man was rescued": where the man is from, not who anyone is
        if analysis.answer_type in ("person", "organisation") and _listed_with_places(passage, s, e):
            continue  # "parked in Pellingford and Orlow": the model took one town of the list for a person
        if (analysis.answer_type in ("person", "organisation") and label == "PERSON"
                and _a_place_elsewhere(passage, text)):  # fmt: skip
            continue  # "both of Quarrisford": the model took the town for a person here, and for a place elsewhere
        if (analysis.answer_type in ("person", "organisation") and text not in full_name_surnames
                and _the_datelines_place(passage, text)):  # fmt: skip
            continue  # "a terminal in Coppice Hollow", filed from "COPPICE HOLLOW (LBPR) -": a town, not a firm
        if _AN_ADDRESS_ONLINE.search(text):
            # "Tarrow Solar, www.tarrowsolar.example": the name before the address; "news@lbpr911.org" names no one
            text = _ONLINE_TAIL.sub("", text)
            if not text or _AN_ADDRESS_ONLINE.search(text):
                continue
            e = s + len(text)
        if analysis.answer_type == "name" and not _names_the_focus(passage.text, (s, e, label), focus_stems,
                                                                    describing_stems, (start, end),
                                                                    given_name=analysis.asks_a_given_name) and not (
                analysis.focus in BUSINESS_NOUNS and label == "ORG" and _a_firms_name(text)
                and _does_what_the_firm_is_asked_for(analysis, passage, (start, end), (s, e),
                                                     describing_stems)):  # fmt: skip
            continue  # "the name of the bakery": a name the sentence gives the bakery, not its owner's
        if analysis.role and not holds_the_role(analysis, passage, (s, e, label), (start, end)):
            continue  # "Who is the prosecutor?": someone the sentence calls the prosecutor, not anyone it names
        if analysis.role and _head_of_another_body(analysis.role, question, passage.text, (s, e), (start, end)):
            continue  # "Who is president of the teachers union?": not "Board President Gail Ferreira"
        if analysis.role and _of_another_place_by_title(analysis, passage.text, (s, e), (start, end)):
            continue  # "Who is the Ostleigh fire chief?": not "Harrowmere Fire Chief Sidonie Arkwright"
        if asks_a_partys_lawyer and _a_prosecutor(passage.text, (s, e), (start, end)):
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
                and _a_chance(passage.text, s, e, start)):  # fmt: skip
            continue  # "How much snow ...?": "a 70 percent chance of snow" is how likely it is, not how much
        if asks_for_a_business and THOROUGHFARE.search(text):
            continue  # "Quillane Avenue will close ...": a street, which the model may tag as an organisation
        if analysis.answer_type == "organisation" and label == "ORG" and (text.split()[-1] in surnames
                                                                          or _TITLED_PERSON.search(text)):  # fmt: skip
            continue  # "..., Undset said", "City Engineer Rafael Undset said": the model took a person for a firm
        if label == "ORG" and not _A_NAME_WORD.search(text):
            continue  # "Fourteen residents": the model took a number word at a sentence start for a name
        if _inside_the_outlets_name(passage, s, e):
            continue  # "according to WVCQ 6 News": the 6 is part of a name
        if _names_a_numbered_thing(passage.text, s, e, focus_stems):
            continue  # "Ordinance 2024-09", "Policy 5130", "route 9": the number names a thing, it is no date or count
        if label == "ORDINAL" and _for_the_first_time(passage.text, s, e):
            continue  # "won for the first time since 2019": an idiom for "never before", not a count
        if (analysis.answer_type in ("count", "quantity", "measure") and _in_a_tally(passage.text, s, e, focus_stems)
                and not question_stems & _TALLIED):  # fmt: skip
            continue  # "voted 4-3": the 4 counts votes, not the checkouts or people a question asks about
        if label == "MONEY" and s > start and passage.text[s - 1] in _CURRENCY_SIGNS:
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
# What a thing done once costs: "How much will the hotel cost to build?", "the price tag on the bridge"
_ASKS_A_SUM_PAID_ONCE = re.compile(
    r"\b(?:price tag|costs?\s+to\s+(?:build|buy|construct|repair|replace|fix|renovate|restore|finish|complete|"
    r"demolish|rebuild|widen|dredge|install))\b",
    re.IGNORECASE,
)
# ... but not of a thing paid for by the period ("How much does it cost to buy a membership?": "$240 a year", "the
# price tag for tuition"), nor over a span the article may give by the year ("How much will it cost to fix the roads
# over 10 years?": "$2 million a year for ten years")
_PAID_BY_THE_PERIOD = re.compile(
    r"\b(?-i:tuition|memberships?|insurance|premiums?|subscriptions?|pass(?:es)?|rent|leases?|dues)\b"
    r"|\b(?:over|for|during|across|within)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?(?:[\w-]+\s+)?"
    r"(?:years|months|weeks|decades?)\b",
    re.IGNORECASE,
)


def _asks_a_sum_paid_once(question: str) -> bool:
    """Whether the question asks what a thing done or bought once costs, which a rate ("$450,000 a year") is not."""
    return bool(_ASKS_A_SUM_PAID_ONCE.search(question)) and not _PAID_BY_THE_PERIOD.search(question)


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
# A time after a measure makes it a rate: "rose 2 feet an hour", "spread 3 miles in an hour", "30 meters a year",
# "a foot every 10 minutes"
_PER_TIME_AFTER = re.compile(
    r"\s*(?:(?:a|an|per|each|every|in\s+an?)\s+|/\s?)(?:\d+\s+|few\s+)?"
    r"(?:second|minute|hour|day|night|week|month|year|decade|hr|min|yr)s?\b",
    re.IGNORECASE,
)


def _of_another_dimension(question: str, value: str) -> bool:
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
# "Who replaced Greer Halloway as the girls' basketball coach?", "Who is filling in as athletic director?": who holds
# a post only a person holds (not "as engineer", "as assessor", "as treasurer" or "as coordinator", which a firm or a
# bank may be hired as); the post ends the phrase ("as the chief worry" names none).
_PERSONS_POSTS = (r"(?:director|superintendent|chief|chair(?:man|woman|person)?|president|mayor|sheriff|judge|"
                  r"prosecutor|spokes(?:person|man|woman)|alderman|council(?:man|woman|or|member)|principal|provost|"
                  r"dean|captain|lieutenant|sergeant|detective|coach|teacher|pastor|governor)")
_WHO_HOLDS_A_PERSONS_POST = re.compile(
    rf"\W*who(?:['’]s)?\b[^?]*?\bas\s+(?:[\w'’.-]+\s+){{0,4}}?(?P<post>{_PERSONS_POSTS})"
    r"(?=\s*(?:$|[?.,;]|\s(?:of|for|at|in|on|with|after|before|to|when|since|until|while|this|next|last)\b))",
    re.IGNORECASE,
)
# A post's title right before a name: "former Superintendent Walter Dean", "Athletic Director Ben Sayre".
_POST_BEFORE_NAME = re.compile(rf"\b(?P<post>{_PERSONS_POSTS})\s+$", re.IGNORECASE)
_POST_OPENING_NAME = re.compile(rf"(?P<post>{_PERSONS_POSTS})\s+(?-i:[A-Z])", re.IGNORECASE)


def _titled_with_another_post(passage: Passage, start: int, end: int, s: int, post: str) -> bool:
    """Whether the name at passage.text[s:] stands right after the title of a post other than the one asked about
    ("former Superintendent Walter Dean left" for "as principal") in a sentence passage.text[start:end] that does not
    name the post asked about ("Assistant Principal Tam Orr has served as athletic director" holds it too); a name
    with no title may hold the post by other words ("Capt. Nia Ferrant took the reins")."""
    # (the model may take the title into the name: "Superintendent Walter Dean")
    title = _POST_BEFORE_NAME.search(passage.text, max(start, s - 40), s) or _POST_OPENING_NAME.match(passage.text, s)
    if title is None or title.group("post").casefold() in role_forms(post):
        return False
    told = sentence_with_the_one_before(passage, start, end)
    return not any(re.search(rf"\b{re.escape(form)}\b", told, re.IGNORECASE) for form in role_forms(post))


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
_ASKS_A_NEW_PLACE = re.compile(r"\b(?:new|mov(?:e|es|ed|ing)|relocat\w*|this\s+(?:year|season|summer|fall|winter|"
                               r"spring)|next\s+\w+)\b", re.IGNORECASE)


def _where_it_has_been(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the place at text[s:e] is said to be where something has been for a while: "After 12 years in" opening
    the sentence before it, or a verb of being housed before it and "since 1998" or "for the past 12 years" after
    it in its clause."""
    if _AFTER_A_WHILE_IN.match(text[start:s]):
        return True
    return bool(_HOUSED_BEFORE.search(text, max(start, s - 60), s) and _FOR_A_WHILE_AFTER.match(text[e:end]))


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
_UP_TO_NOW = re.compile(r"\s*how long (?:has|have)\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
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


def _untagged_subject_names(passage: Passage, start: int, end: int) -> list[Entity]:
    """Proper names of two or more words that are a clause's subject in the sentence `passage.text[start:end]`
    and that the model tagged as nothing, as organisations: the small model misses many unfamiliar firms
    ("Wendlow Castings will close its foundry": no entity). Read only for questions about a business."""
    return _untagged_names(passage, start, end,
                           ends=lambda t: t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN",
                           opens=lambda t: t.pos_ == "PROPN")  # fmt: skip


def _untagged_names(passage: Passage, start: int, end: int, ends: Callable[["Token"], bool],
                    opens: Callable[["Token"], bool]) -> list[Entity]:  # fmt: skip
    """Names of two or more words in the sentence `passage.text[start:end]` that the model tagged as nothing, as
    organisations: each ends on a word `ends` accepts and runs back over the words before it that `opens` accepts
    and that hang on a word of the name (one word alone is as likely a surname as a firm)."""
    doc = sentence_parse(passage.text[start:end])
    found: list[Entity] = []
    for token in doc:
        if not ends(token):
            continue
        first = token
        while first.i > 0 and opens(doc[first.i - 1]) and first.i <= doc[first.i - 1].head.i <= token.i:
            first = doc[first.i - 1]
        s, e = start + first.idx, start + token.idx + len(token.text)
        if first.i < token.i and not _tagged_within(passage, s, e):
            found.append((s, e, "ORG"))
    return found


def _tagged_within(passage: Passage, start: int, end: int) -> bool:
    """Whether the model tagged an entity that overlaps `passage.text[start:end]`."""
    return any(s < end and e > start for s, e, _ in passage.entities)


def _titled_speaker_misread(passage: Passage, match: re.Match[str]) -> bool:
    """Whether the model tagged a title and the name after it, just those, as a work's title or a product, and a
    verb of saying follows: "Superintendent Ingrid Rolle said" is a person speaking (not the film "Judge Dredd
    Returns", nor a dog named "Chief Rex Barker")."""
    return any(
        s == match.start() and e == match.end() and label in ("WORK_OF_ART", "PRODUCT")
        for s, e, label in passage.entities
    ) and bool(_SAID_AFTER_THE_NAME.match(passage.text, match.end()))


def _untagged_firm_names(passage: Passage, start: int, end: int) -> list[Entity]:
    """Proper names of two or more words ending in a word of a firm's name ("Stellbrook Builders, a Quillhaven
    company, won the contract": no entity), which the model tagged as nothing, as organisations: a firm may be the
    answer to "Who is building it?" as well as to "Which company ...?". (The words before are capitalised; the
    parser may take an unknown one for an adjective, "Tavish" of "Tavish Builders".)"""
    return _untagged_names(passage, start, end,
                           ends=lambda t: t.text[:1].isupper() and bool(A_FIRM_WORD.fullmatch(t.text)),
                           opens=lambda t: t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN"))  # fmt: skip


def _untagged_titled_people(passage: Passage, start: int, end: int, analysis: QuestionAnalysis) -> list[Entity]:
    """A person's name right after a title ("The board chose deputy director Emeka Trevannion"), which the model
    tagged as nothing: a name of two or three capitalised words, none a word of an organisation's name. For "Who is
    the fire chief in Orby?", only after that title, held by the one named ("Former Chief", "Deputy Chief" are
    others'), of no other place than the question names ("Tarnby Fire Chief")."""
    found: list[Entity] = []
    for match in _A_NAME_AFTER_A_TITLE.finditer(passage.text, start, end):
        s, e = match.start("name"), match.end("name")
        if _tagged_within(passage, s, e) and not _titled_speaker_misread(passage, match):
            continue
        if analysis.role and not _holds_the_title_asked(passage.text, start, match, analysis):
            continue
        if (not analysis.role and analysis.predicate not in _TELLING_VERBS
                and (_SAID_AFTER_THE_NAME.match(passage.text, e)
                     or _SAID_BEFORE_THE_TITLE.search(passage.text, start, match.start()))):  # fmt: skip
            continue  # "..., Fire Chief Vidar Tregear said": who told of it, not who did it (nor whose shop burned)
        found.append((s, e, "PERSON"))
    return found


# Verbs a question asks who told something by ("Who explained what set off the fire?"), which a speaker answers.
_TELLING_VERBS = SAYING_VERBS | {"explain"}
# A verb of saying right after a name, or before its title: "Fire Chief Ada Quist said", "said Fire Chief ...".
_SAID_AFTER_THE_NAME = re.compile(r"\s*,?\s*(?:said|says|told|added|noted|explained|wrote)\b")
_SAID_BEFORE_THE_TITLE = re.compile(r"\b(?:said|says|told|added|noted|explained|wrote)\s+(?:[A-Z][\w'’.-]*\s+)*$")


def _holds_the_title_asked(text: str, start: int, match: re.Match[str], analysis: QuestionAnalysis) -> bool:
    """Whether the title before a name is the role the question asks of, held by the one named, of no place the
    question does not name: "Fire Chief Ada Quist" for "Who is the fire chief?"; not "Former Chief Ada Quist" nor
    "Tarnby Fire Chief Ada Quist" for the one of Orby."""
    title = match.group("title").casefold()
    if not any(title == form or title.endswith(form) for form in role_forms(analysis.role or "")):
        return False
    if set(title.split()[:-1]) & NOT_THE_HOLDER:
        return False  # "Deputy Chief Ada Quist" holds no chief's post
    return not _titled_by_another(text[start : match.start()], analysis.question,
                                  places=match.group("title")[:1].isupper())  # fmt: skip


def _titled_by_another(before: str, question: str, holders: bool = True, places: bool = True) -> bool:
    """Whether the words right before a title (`before` ends where it begins) make it another's: with `places`, a
    place the question does not name ("Cadlington Reach Fire Chief ..." for Ebbling Hollow's; a title in capitals,
    as news writes it after a place: not "Defense attorney", whose capital opens the sentence), and with `holders`
    "Former" or "Deputy"."""
    asked = {POSSESSIVE_END.sub("", w.casefold()) for w in words(question)}  # ("Orby's fire chief": Orby)
    for word in reversed(before.split()):  # back to the first word that is no name's
        bare = POSSESSIVE_END.sub("", word.casefold())  # ("Orby's Fire Chief")
        if bare in _NAMES_OF_TIME:
            return False  # "On Monday Fire Chief Ada Quist": a day, no place
        if bare in NOT_THE_HOLDER:
            if holders:
                return True
            continue
        if not re.fullmatch(r"[A-Z][\w'’-]*", word):
            return False  # ("said", "Monday,": the title's words begin after it)
        if places and bare not in _TITLE_QUALIFIERS and bare not in asked:
            return True
    return False


# Capitalised words of time, which stand before a title without being a place's.
_NAMES_OF_TIME = frozenset(w.casefold() for w in (*WEEKDAY_NAMES, *MONTH_NAMES))


def _of_another_place_by_title(analysis: QuestionAnalysis, text: str, entity: tuple[int, int],
                               sentence: tuple[int, int]) -> bool:  # fmt: skip
    """For "Who is the Ostleigh fire chief?": whether the name is titled with the role asked for a place the
    question does not name ("Harrowmere Fire Chief Sidonie Arkwright"). Only when the question names one."""
    if not analysis.constraints:
        return False
    forms = "|".join(map(re.escape, role_forms(analysis.role or "")))
    title = re.compile(rf"(?i:\b(?:{forms}))\s+$").search(text, sentence[0], entity[0]) if forms else None
    # (not "Assistant prosecutor": whose kind it is, `another_kind_of` reads)
    if title is not None and title.group()[:1].isupper() and _titled_by_another(
        text[sentence[0] : title.start()], analysis.question, holders=False
    ):
        return True
    # "Ashgrove's principal, Malachy Dunstable, ...": the role of the place before it, named beside it
    owner = (re.compile(rf"\b((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)['’]s\s+(?:[a-z]+\s+)?(?i:{forms}),\s+$")
             if forms else None)  # fmt: skip
    owned = owner.search(text, sentence[0], entity[0]) if owner is not None else None
    asked = {POSSESSIVE_END.sub("", w.casefold()) for w in words(analysis.question)}
    # (of the place when any word of its name is the question's: "Tarnby Primary School's principal")
    return owned is not None and not any(w.casefold() in asked for w in owned.group(1).split())


# A title, then a person's name: "deputy director Emeka Trevannion", "Fire Chief Ada Quist" (the whole of the
# capitalised words: not "Tarn Public" of "Tarn Public Library").
_A_NAME_AFTER_A_TITLE = re.compile(
    r"\b(?P<title>(?i:" + "|".join(OFFICE_TITLES) + r")(?:\s+(?i:" + "|".join(OFFICE_TITLES) + r"))*)"
    rf"\s+(?P<name>{PERSONS_NAME.pattern})(?!\s+[A-Z])"
)


# A number in figures before a word in lower case, which counts it ("about 900 customers"); not a year, a sum, a
# share or a time ("$900 million", "900 percent", "9 p.m."), nor a number before a function word ("ages 6 and 9").
_A_COUNT_IN_FIGURES = re.compile(
    r"(?<![\w$€£.,-])(?i:(?:about|nearly|almost|roughly|some|more than|fewer than|at least|over)\s+)?"
    r"(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*(?![\w,.%-])(?=\s+(?!percent\b|[ap]\.m\.)(?P<counted>[a-z]{3,}))"
)


# A count in words opening a sentence, where the model misses it ("Eleven passengers were hurt", "Thirty-five
# residents"); not "One", which opens "One of ..." and "One day ...".
_TENS = "|".join(word for word, value in NUMBER_WORDS.items() if value >= 20)
_DIGITS = "|".join(word for word, value in NUMBER_WORDS.items() if 0 < value < 10)
_TEENS_AND_UNDER = "|".join(word for word, value in NUMBER_WORDS.items() if 1 < value < 20)
_A_COUNT_IN_WORDS = re.compile(
    rf"(?i:\b(?:(?:{_TENS})(?:-(?:{_DIGITS}))?|{_TEENS_AND_UNDER}))\b(?=\s+(?P<counted>[a-z]{{3,}}))"
)

# A capitalised word right before a number: the number is part of a name ("Route 7", "Lock 14").
_A_NAMES_NUMBER = re.compile(r"\b[A-Z][\w.'’-]*\s+$")


def _untagged_counts(passage: Passage, start: int, end: int) -> list[Entity]:
    """Numbers in figures that count something and that the model tagged as nothing, as cardinals: the small
    model misses some ("Power was out for about 900 customers": no entity). Read only for "how many" questions."""
    opening = _A_COUNT_IN_WORDS.match(passage.text, start, end)  # where the model misses a count in words
    found = [*_A_COUNT_IN_FIGURES.finditer(passage.text, start, end), *([opening] if opening else [])]
    return [
        (m.start(), m.end(), "CARDINAL") for m in found
        if not _tagged_within(passage, m.start(), m.end())
        and not _A_NAMES_NUMBER.search(passage.text, start, m.start()) and m.group("counted") not in stopwords()
    ]  # fmt: skip


def _in_a_dateline(text: str, start: int, end: int) -> bool:
    """The entity at [start, end) is part of a dateline: the place in capitals that opens a line ("KESTRELTON
    - ...") or a news service's credit in parentheses after it ("KESTRELTON (RNS) - ...", "OXLEY (AP) —")."""
    if (start == 0 or text[start - 1] == "\n") and text[start:end].isupper():
        return bool(_DATELINE_AFTER.match(text, end) or _DASH_LAST.search(text, start, end))
    return bool(_WIRE_CREDIT_BEFORE.search(text, max(0, start - 40), start)) and text[end : end + 1] == ")"


def _the_datelines_place(passage: Passage, name: str) -> bool:
    """Whether `name` is the place the passage's dateline gives in capitals ("COPPICE HOLLOW (LBPR) - ...")."""
    capitals = name.upper()
    if capitals == name:
        return False  # the dateline itself, which the callers read with _in_a_dateline
    return any(_DATELINE_AFTER.match(passage.text, m.end()) for m in
               re.finditer(rf"(?:^|\n){re.escape(capitals)}\b", passage.text))  # fmt: skip


# An e-mail or web address, which names no one, and one after a name ("Dana Lisle (dlisle@orlow.example)").
_AN_ADDRESS_ONLINE = re.compile(r"@|://|\bwww\.", re.IGNORECASE)
_ONLINE_TAIL = re.compile(r"[\s,(]*\S*(?:@|://|www\.)\S*$", re.IGNORECASE)
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
# A length of time that things are counted over: "the second bridge to close in two years", "for the third time
# in five years", "12 times in the past decade" (an ordinal or "times", then "in" right before the length).
_A_COUNTING_WINDOW_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|times?)\b"
    r"[^.;]{0,80}?\bin\s+(?:the\s+(?:past|last)\s+)?$", re.IGNORECASE)
_ASKS_SINCE_WHEN = re.compile(r"\bsince\b|\blast\s+time\b", re.IGNORECASE)
# (with a news service's credit after the place: "LANFORD (WLPR) - ")
_ENTITY_DATELINE = re.compile(r"[A-Z][A-Z.'’]*(?:[ ,]+[A-Z][A-Z.'’]*){0,3}(?:\s+\([A-Z][\w.]*\))?"
                              r"\s+[—–-]{1,2}\s+")  # fmt: skip
# A street name right after a number makes it a house number. The words are the English street types.
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Street|St\.|Road|Rd\.|Row|Lane|Ln\.|Avenue|Ave\.|Drive|Dr\.|Court|Ct\.|"
    r"Boulevard|Blvd\.|Way|Place|Pl\.|Terrace|Circle|Parkway|Pike|Trail|Highway)\b"
)
# Where a place stands, after its name: " on Depot Road", " at 14 Quay Lane".
_ADDRESS_TAIL = re.compile(r"\s+(?:on|at|off)(?:\s+\d+)?" + _STREET_AFTER.pattern)
# How news writing gives an age: "Dale Orrin, 52, of Lanford", "a 52-year-old driver", "aged 52", "52 years old".
# "Tomas Reyne, 33 of Helmsby": an age is followed by where the person is from, a name; "On Tuesday, 40 of the
# workers" and "14 of Corran's 20 schools" count
_AGE_AFTER = re.compile(r"(?:,|\)|;| of [A-Z][\w.-]*(?![\w.-]*['’])|-year-old| years? old| years of age)")
_AGE_BEFORE = re.compile(r"(?:, |\(|\baged )$")
# The end of a sentence after an age, and the end of the capitalised name an age closing a sentence is given to.
_AGE_CLOSING = re.compile(r"(?:\.(?:\s|$)|$)")
_A_NAMES_END = re.compile(r"\b[A-Z][a-z][\w'-]*, $")
# The oldest age a number can be.
MAX_AGE = 120
# A building, a bridge or a business may be older: "The mill, now 180 years old".
MAX_AGE_OF_A_THING = 999


# A capitalised noun for a numbered document or measure right before a number: "Ordinance 2024-09",
# "Resolution 2025-04", "Policy 5130", "Bill No. 12". English nouns, not those of any corpus.
_NUMBERED_DOCUMENT = re.compile(
    r"\b(?:Ordinance|Resolution|Policy|Bill|Case|Docket|Motion|Measure|Proposition|Amendment|Article|Section|"
    r"Chapter|Item|Order|Act|Rule|Form)(?: No\.| Number)?\s+$"
    # and the numbers that name a road, a room or a school grade: "Route 9", "County Road 14", "grades 6 through 12"
    r"|\b(?:Route|Highway|Interstate|Road|Ward|Precinct|Room|Suite|Unit|Lot|Pier|Gate|Exit|Platform|Flight)\s+$"
    r"|\b[Gg]rades?\s+(?:\d+\s*(?:through|to|and|[-–])\s*)?$"
)
_NUMBERED_DOCUMENT_REACH = 24
# Nouns for roads, rooms and numbered posts as writers put them in lowercase ("route 9", "fire station 4",
# "precinct 14"), and five that `_NUMBERED_DOCUMENT` lacks in capitals ("Station 4", "Engine 12", "District 3"),
# where the number is one of a name too.
_NUMBERED_POST = re.compile(
    r"\b(?:route|highway|interstate|ward|precinct|room|suite|pier|gate|exit|platform|station|district|engine|"
    r"ladder|terminal|Station|District|Engine|Ladder|Terminal)\s+$"
)
# Units a number after such a noun may count instead ("the station 4 miles north", "the pier 9 hours later").
_COUNTED_UNITS = MEASURE_UNITS | {"second", "minute", "hour", "day", "week", "month", "year", "time", "percent",
                                  "feet", "people", "person"}  # fmt: skip


def _names_a_numbered_thing(text: str, start: int, end: int, focus_stems: frozenset[str] | set[str]) -> bool:
    """Whether the number at text[start:end] is part of a name: "Ordinance 2024-09", "Route 9", "fire station 4";
    not when a unit follows it ("the station 4 miles north of town": four miles), when it is a sum or a measure
    with its unit ("gave the district $4.2 million", "a room 9 feet wide"), or when the thing asked about follows
    it ("gave the precinct 6 new officers" for "How many officers ...?")."""
    reach = max(0, start - _NUMBERED_DOCUMENT_REACH)
    if _NUMBERED_DOCUMENT.search(text, reach, start):
        return True
    if not _NUMBERED_POST.search(text, reach, start) or not _A_BARE_NUMBER.fullmatch(text[start:end]):
        return False
    unit = re.match(r"\s+([a-z]+)", text[end : end + 20])
    if unit is not None and {unit.group(1), unit.group(1).removesuffix("s")} & _COUNTED_UNITS:
        return False
    counted = [w for w in text[end : end + 60].split()[:3] if w.casefold() not in _BEFORE_THE_COUNTED][:1]
    return not (focus_stems and counted and focus_stems & set(stems(counted[0])))


# A number alone, as names give them ("route 9", "station 4B"), and the words between a count and what it counts
# ("6 new officers", "14 more teachers").
_A_BARE_NUMBER = re.compile(r"\d+[A-Za-z]?")
_BEFORE_THE_COUNTED = frozenset({"more", "new", "additional", "extra", "full-time", "part-time", "other"})

# A number that is one side of a body's tally ("voted 3-2", "a 5-2 vote", "voted 6 to 1"), which answers how many
# members voted one way, not "By how many votes did the bond pass?" nor how many people voted.
_TALLY_AFTER = re.compile(r"\s?[-–]\s?\d{1,2}\b|\s+to\s+\d{1,2}\b(?!\s*(?:percent|%))")
_TALLY_BEFORE = re.compile(r"\b\d{1,2}(?:\s?[-–]\s?|\s+to\s+)$")
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


def _owns_another_of_the_focus(text: str, start: int, end: int, focus_stems: set[str], question: str) -> bool:
    """Whether the place at text[start:end] owns, by a possessive, a thing of the kind the question asks where is
    ("Ridley's center" for "Where is the Bascom County 911 center?"), while the question names that thing's place
    otherwise: the place's own one, not the one asked about."""
    owned = _OWNED_AFTER.match(text, end)
    if owned is None or not set(stems(owned.group(1))) & focus_stems:
        return False
    place = text[start:end].split()
    return bool(place) and place[-1].casefold() not in question.casefold()


_OWNED_AFTER = re.compile(r"['’]s\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _a_common_noun_opening(passage: Passage, start: int, end: int, word_end: int) -> bool:
    """Whether the one word opening the sentence at passage.text[start:end] (up to `word_end`), which the model
    tagged as a name, is a common noun to the tagger ("Turnout in Brennan Falls was ...")."""
    doc = sentence_parse(passage.text[start:end])
    first = next((t for t in doc if not t.is_punct), None)
    return first is not None and first.idx + len(first.text) == word_end - start and first.tag_ in ("NN", "NNS")


def _a_side_of_a_tally(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] is one side of a tally of one or two digits ("3" of "voted 3-2")."""
    return bool(re.fullmatch(r"\d{1,2}", text[start:end]) and (
        _TALLY_AFTER.match(text, end) or _TALLY_BEFORE.search(text, max(0, start - 6), start)))


# A span the model tagged as a name that is none: a title's short form alone ("Capt"), or two names joined by "to" or
# ending in a preposition ("Jefferson High School to Hartline Roofing of"; one name with a preposition after it,
# "Brightline Builders of", is that name). English titles and prepositions.
_NO_NAME = re.compile(
    r"^(?:Capt|Lt|Sgt|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Gen|Col|Maj|Cpl|Det|Supt|Cmdr|Atty|Prof|Rev)\.?$"
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
# Nouns of how likely something is: a percentage of one ("a 70 percent chance of snow") is no amount.
_CHANCE_WORDS = r"(?:chances?|probability|likelihood|odds)"
_CHANCE_STEMS = frozenset(stems("chance chances probability likelihood odds"))
_CHANCE_AFTER = re.compile(rf"\s*{_CHANCE_WORDS}\b", re.IGNORECASE)
_CHANCE_BEFORE = re.compile(rf"\b{_CHANCE_WORDS}\b[^.,;:!?]{{0,40}}$", re.IGNORECASE)


def _a_chance(text: str, start: int, end: int, sentence_start: int) -> bool:
    """The percentage at text[start:end] tells how likely something is: "a 70 percent chance of snow", "put the
    odds of rain at 80 percent"."""
    return bool(_CHANCE_AFTER.match(text, end) or _CHANCE_BEFORE.search(text, max(sentence_start, start - 60), start))


# How far after a number its unit may come: "16,000 square feet", "41 miles of cast iron main".
_UNIT_REACH = 20
# A tally ("voted 5-2", "won 3-1"): its numbers count votes or points, which only a question about them asks for.
_TALLY = re.compile(r"\d+\s?[-–]\s?\d+")
_TALLY_IN_WORDS = re.compile(
    r"\b(?:passed|failed|won|lost|carried|approved|rejected|defeated|voted|vote of|margin of)\s+"
    r"(?P<first>\d[\d,]*)\s+to\s+(?P<last>\d[\d,]*)\b"
    # and what follows a result: a pause, the votes or a word of when; not the thing a range counts ("approved 40
    # to 60 homes", "3 to 4 percent raises", "won 3 to 4 more seats", "approved 40 to 60 in the first phase")
    r"(?=\s*(?:[,.;:)—–-]|$)|\s+(?:votes?|ballots?|on|after|before|over|against|when|during|last|this|but)\b)"
    # or the votes named ("512 votes to 398 for ...")
    r"|\b(?P<votes>\d[\d,]*)\s+votes?\s+to\s+(?P<other>\d[\d,]*)\b",
    re.IGNORECASE,
)
_TALLIED = frozenset(stems("vote votes voter point points goal goals run runs score"))
# A verb of voting before a tally, and what may end the clause after one ("174-17, or about 91 percent").
_A_VOTE_BEFORE = re.compile(r"(?i)\b(?:approved|ratified|passed|rejected|defeated|voted|adopted)\b[^.;]*$")
_CLAUSE_END_AFTER = re.compile(r"(?i)\s*(?:[,.;:)—–]|$|\s(?:votes?|ballots?|margin|vote)\b)")


def _for_the_first_time(text: str, start: int, end: int) -> bool:
    """The ordinal at [start, end) is "first" in "for the first time": "never before". A later one does count
    ("met for the third time this year": three times)."""
    return (
        text[start:end].casefold() == "first"
        and text[max(0, start - 8) : start].casefold() == "for the "
        and text[end : end + 5].casefold() == " time"
    )


def _in_a_tally(text: str, start: int, end: int, focus_stems: set[str]) -> bool:
    """The number at [start, end) is a side of a tally like "5-2": not a span of years such as "2023-24", nor a
    range of the thing counted ("40-50 people" for "How many people ...?")."""
    for match in _TALLY.finditer(text, max(0, start - 4), min(len(text), end + 4)):
        if match.start() <= start < match.end():
            counted = bool(focus_stems & set(stems(" ".join(text[match.end() : match.end() + 40].split()[:1]))))
            if counted:
                return False
            # a larger one after a verb of voting, ending its clause: "Union members approved the contract 174-17,"
            return all(len(side) <= 2 for side in re.findall(r"\d+", match.group())) or bool(
                _A_VOTE_BEFORE.search(text, max(0, match.start() - 50), match.start())
                and _CLAUSE_END_AFTER.match(text, match.end())
            )
    # "The recall passed 512 to 398", "512 votes to 398": a vote's result in words, of any size
    return any(
        match.start("first" if match.group("first") else "votes") <= start
        < match.end("last" if match.group("first") else "other")
        for match in _TALLY_IN_WORDS.finditer(text, max(0, start - 40), min(len(text), end + 20))
    )


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


def _a_natural_feature(name: str, label: str) -> bool:
    """Whether `name` is a lake, river, dam or the like (`_NATURAL_FEATURE`), not a person of that surname."""
    return bool(_NATURAL_FEATURE.search(name)) and not (
        label == "PERSON" and (name.split()[-1] in _SURNAME_FEATURES or _SURNAME_PARTICLE.search(name))
    )


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


# Nouns for someone the news does not name, whom a town's name before them tells where they are from ("a Tarrow
# man", "two Oxley teenagers"); not "the Pettibone family", "Harlow voters", which are a family and a town's voters.
_UNNAMED_PEOPLE = frozenset({"man", "woman", "boy", "girl", "teen", "teenager", "youth", "child", "resident", "native",
                             "driver", "motorist", "homeowner", "farmer", "couple"})  # fmt: skip


def _where_someone_is_from(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the name at text[s:e] stands before a noun for someone unnamed in its sentence text[start:end] ("A
    34-year-old Tarrow man was rescued", "two Oxley women"): the place they are from, whatever the model tagged
    it."""
    head = _noun_it_names(text, s, e, start, end)
    return head is not None and head.lemma_.casefold() in _UNNAMED_PEOPLE


def _noun_it_names(text: str, s: int, e: int, start: int, end: int) -> "Token | None":
    """The noun after the name at text[s:e] that the name stands before as a word of it, in its sentence
    text[start:end] ("man" of "a Tarrow man", "campus" of "the Quarry Road campus"), if any."""
    doc = sentence_parse(text[start:end])
    span = doc.char_span(s - start, e - start, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    return root.head if root.dep_ in ("compound", "amod") and root.head.i >= span.end else None


def _a_place_by_its_name(text: str, start: int, end: int) -> bool:
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

PER_AMOUNT_AFTER = re.compile(r"\s+(?:per|for each|for every|on each|on every)\s+\$[\d,]+")
_PER_AMOUNT_BEFORE = re.compile(r"\b(?:per|for each|for every|on each|on every)\s+\$?$")
# Words of a question that asks a rate ("What is the tax rate?", "How much per $1,000?", "How many mills?").
_ASKS_A_RATE = re.compile(r"(?i)\b(?:rates?|per|mills?|millage|each|every|for\s+every)\b")
# After a sum, the one thing it is given per ("$3.10 for every ton", "$3,500 per household"), and words of a question
# that ask the price of one thing (a fee or fare is given per ton or per ride). English words.
_PER_UNIT_AFTER = re.compile(r"(?:\s+to\s+\$[\d,.]+(?:\s+(?:million|billion))?)?"  # ("$1.85 to $2.40 per ton")
                             r"\s+(?:per|for each|for every|on each|on every)\s+([a-z][\w-]*)")
# Before a sum, what makes it the level a rate changed from ("$3.10 for every ton, up from $2.25"); a sum; and how
# far before it (in characters, about a clause) the rate it changed to may stand.
_CHANGED_FROM_BEFORE = re.compile(r"\b(?:up|down)\s+from\s+\$?$")
_A_SUM = re.compile(r"\$[\d,.]*\d(?:\s+(?:million|billion))?")
_RATE_CHANGE_REACH = 100
# Units of time besides those of `TIME_NOUNS`: a sum per one of them is a wage or a cost over time, not a price.
_SHORT_TIME_NOUNS = frozenset({"hour", "minute", "second", "decade", "century", "shift", "time"})
_ASKS_A_PRICE_OF_ONE = re.compile(r"(?i)\b(?:fees?|fares?|prices?|tolls?|charges?|tipping|host|apiece)\b")


def _a_unit_rate_not_asked(text: str, start: int, end: int, question: str) -> bool:
    """Whether the sum at text[start:end] is given per one thing ("$3.10 for every ton of trash", "$3,500 per
    household", "from $1.85 to $2.40 per ton"), or is the level such a rate changed from ("..., up from $2.25"), not
    per a time (a yearly cost is still a cost: "$240,000 a year"), and the question asks no price of one thing:
    none of its words of a rate or a fee, nor the thing the sum is given per ("What can a household get?")."""
    if _CHANGED_FROM_BEFORE.search(text, max(0, start - 12), start):
        earlier = list(_A_SUM.finditer(text, max(0, start - _RATE_CHANGE_REACH), start))
        if earlier:
            end = earlier[-1].end()  # the rate it changed to tells what it is given per
    per = _PER_UNIT_AFTER.match(text, end)
    if per is None or per.group(1).rstrip("s") in TIME_NOUNS | _SHORT_TIME_NOUNS:
        return False
    if _ASKS_A_RATE.search(question) or _ASKS_A_PRICE_OF_ONE.search(question):
        return False
    return not all_stems(per.group(1)) & set(stems(question))


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


def _a_proper_name(passage: Passage, s: int, e: int) -> bool:
    """Whether passage.text[s:e], what is left of a name the model joined to the dateline, may be a name: more than
    one word, or a word the passage also writes with a capital inside a sentence ("OXLEY - Walmart will close ...,
    a Walmart spokesman said"); not "ELLSWORTH - Someone broke in", "RIVERMONT - Children swarmed the playground",
    "BIRCHMOOR - Police arrested ..." (a firm named once, right after the dateline, is lost with them)."""
    parts = passage.text[s:e].split()
    if len(parts) != 1:
        return True
    word = parts[0].strip(".,;:'’")
    return bool(re.search(rf"[a-z,;]\s+{re.escape(word)}\b", passage.text))


def _a_street(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is a street: a street's last word, after a house number or a
    preposition of place."""
    return bool(THOROUGHFARE.search(text[start:end]) and _BEFORE_A_STREET.search(text[max(0, start - 12) : start]))


def _a_place_elsewhere(passage: Passage, name: str) -> bool:
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


def _listed_with_places(passage: Passage, start: int, end: int) -> bool:
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


def _inside_the_outlets_name(passage: Passage, start: int, end: int) -> bool:
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


def _the_age_of_another(text: str, start: int, end: int, question_stems: set[str]) -> bool:
    """The age at text[start:end] is given to someone or something the question does not name: "a 62-year-old
    *woman*" or "Osgood Tremlett, 41," for "How old is the building?"; but "The driver, a 52-year-old man" and
    "The driver, 52," give the driver's age (the question's noun just before it)."""
    aged = _AGED_NOUN.match(text, end)
    if aged is not None and set(stems(aged.group(1))) & question_stems:
        return False
    before = text[max(0, start - 40) : start].split()[-_APPOSITION_WORDS:]
    return not text_stems(" ".join(before)) & question_stems


def _aged_surnames(analysis: QuestionAnalysis) -> list[str]:
    """For "How old is Randall Kuiper?": the surnames of the people the question names in full ("Kuiper"; "Orrin"
    of "Dale Orrin Jr."). Not a one-word name, which may be a town the model took for a person ("How old is
    Pellinwood's new top cop?"), nor a possessive one, whose owner's age is not asked ("Ada Renn's son")."""
    names = [[w for w in name.split() if w.casefold().rstrip(".,") not in _NAME_SUFFIXES]
             for name, label in analysis.entities if label == "PERSON" and not POSSESSIVE_END.search(name)]
    return [name[-1] for name in names if len(name) > 1]


# How far before an age's sentence the person asked about may be named ("Randall Kuiper was charged. He is 52.").
_AGED_NAME_REACH = 150
# What may follow a surname in a full name ("Dale Orrin Jr."), and a name's possessive ending ("Ada Renn's").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Words before an age in which the noun it is in apposition to stands: "The driver, a 52-year-old man".
_APPOSITION_WORDS = 4
# The noun an age in "N-year-old X" is given to, and the words after it ("the 90-year-old Selbourne mill").
_AGED_NOUN = re.compile(r"(?:-year-old)?\s+((?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*)")  # up to three words


def states_an_age(text: str, start: int, end: int, oldest: int = MAX_AGE) -> bool:
    """Whether the number at text[start:end] is someone's (or, up to `oldest`, something's) age, as news writing
    puts it."""
    number = re.match(r"\d{1,3}(?!\d|[.,]\d)", text[start:end])  # a whole number: not the 8 of "8,700"
    if number is None or int(number.group()) > oldest:
        return False
    rest = text[start + number.end() : start + number.end() + 14]
    if re.match(r"(?:-year-old| years? old| years of age)", rest):
        return True
    if not _AGE_BEFORE.search(text[max(0, start - 7) : start]):
        return False
    # A name's age may also close its sentence: "..., said co-op president Hank Delacroix, 72."
    closes_after_a_name = _AGE_CLOSING.match(rest) and _A_NAMES_END.search(text[max(0, start - 40) : start])
    return bool(_AGE_AFTER.match(rest) or closes_after_a_name)


# "<noun> are 22 years old": the noun whose age a linking verb gives.
_AGED_NOUN_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:is|are|was|were|will be)\s+(?:now\s+|about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?$"
)
# Words for people that may stand before such a linking verb ("the chief is 59", "who is 44").
_PERSON_WORDS = PEOPLES_NOUNS | {"he", "she", "they", "who", "i", "we", "you", "man", "woman", "person", "people",
                                 "boy", "girl", "child", "children", "son", "daughter", "wife", "husband", "mother",
                                 "father", "brother", "sister", "men", "women", "kids"}  # fmt: skip


# A question about someone's age now ("How old is Tillery?"), and an age a clause gives of a time that is past:
# "since I was 8 years old", "when she was 12". English words.
_ASKS_THE_AGE_NOW = re.compile(r"(?i)\bhow old(?: is| are|['’]s)\b")
_AN_AGE_THEN = re.compile(r"(?i)\b(?:since|when|until|till|before|after)\s+(?:\w+\s+){1,2}(?:was|were)\s+"
                          r"(?:about\s+|only\s+|just\s+|barely\s+)?$")


def _a_things_age(text: str, sentence_start: int, age_start: int) -> bool:
    """Whether the age at `age_start` is given of a thing by a linking verb ("the radios are 22 years old"), not of
    a person ("the chief is 59", "Tate is 59")."""
    before = _AGED_NOUN_BEFORE.search(text[max(sentence_start, age_start - 60) : age_start])
    if before is None:
        return False
    noun = before.group(1)
    return noun not in _PERSON_WORDS and noun.rstrip("s") not in _PERSON_WORDS


def _specific(value: str) -> float:
    """How precise a value is: 1 with a digit ("April 2", "$4 million"), 0.75 for a bare year; 0.5 for a name ("Irene Solberg",
    "Monday"); 0 for a vague one ("evening", "a day", "earlier this week")."""
    if re.fullmatch(r"(?:in |the )?(1[89]|20)\d\d", value.strip(), re.IGNORECASE):
        return 0.75  # a bare year: "2022" says less than "February 24, 2022"
    if any(c.isdigit() for c in value):
        return 1.0
    words = [w for w in value.split() if w[:1].isalpha()]
    named = [w for w in words if w[:1].isupper()]
    if not named:
        return 0.0
    return 0.5 if len(named) == len(words) or len(named) > 1 else 0.25


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


def _a_length_of(
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


def _on_focus(text: str, entity: Entity, focus_stems: set[str], sentence_stems: set[str]) -> float:
    """1 when the noun asked about is next to the answer ("12 homes", "four southeastern provinces", "a budget
    of $4 million"); 0.5 for a number standing alone ("killed at least 12.") in a sentence that mentions it;
    0 otherwise, e.g. a number of something else ("two rounds", "86 days")."""
    if not focus_stems:
        return 0.5
    before = text[max(0, entity[0] - 60) : entity[0]].split()[-COUNTED_WINDOW:]
    if _followed_by(text, entity, focus_stems) or focus_stems & text_stems(" ".join(before)):
        return 1.0
    following = re.findall(r"[^\W\d_]+|\d+|[^\w\s]", text[entity[1] : entity[1] + 40])
    bare = not following or not following[0].isalpha() or following[0].casefold() in stopwords()
    return 0.5 if bare and focus_stems <= sentence_stems else 0.0


# How many words after a name and its comma may come before the noun it names ("Tessaly's, a new bakery").
NAMED_WINDOW = 4
# Words that give a thing its name just before the name: "a bakery called Tessaly's", "known as the Dock", "the
# driver's name, Jo Tallis"; and "identified ... as", which news writing puts the one named in: "police
# identified the driver killed in the crash as Jo Tallis".
_NAMING = re.compile(
    r"\b(?:called|named|renamed|dubbed|titled|name[,:]?|"
    r"(?:known|identified|organi[sz]ed|formed|incorporated|registered)\b[^.;:!?]{0,60}?"
    r"(?<!\bsuch )(?<!\bwell )(?<!\bjust )(?<!\btime )\bas)\s+$",  # not "such as", "as well as", "at the same time as"
    re.IGNORECASE,
)


# Words of giving or bearing a name, anywhere in a sentence: "will be called", "voted to name", "known as".
_A_NAMING_WORD = re.compile(
    r"\b(?:call(?:s|ed|ing)?|(?:re)?nam(?:e|es|ed|ing)|dub(?:s|bed|bing)?|christen(?:s|ed|ing)?|titled|known as|"
    r"go(?:es|ing)? by|went by)\b", re.IGNORECASE,
)
# Words before a name a thing had: "rename Elm Street Park", "the old Tallow Creek Bridge", "formerly the Mudcats".
_AN_OLD_NAME_BEFORE = re.compile(
    r"\b(?:renam(?:e|es|ed|ing)|old|former|formerly|previous|previously|once)\s+(?:the\s+)?$", re.IGNORECASE
)


def _names_the_focus(
    text: str, entity: Entity, focus_stems: set[str], describing_stems: set[str], sentence: tuple[int, int],
    naming_needs_the_focus: bool = False, given_name: bool = False,
) -> bool:
    """For "What is the name of the bakery?": whether the name at `entity` is the bakery's, as the sentence says
    it: the name holds the noun asked about ("Orrel Street Bakery"), the noun comes right before it ("the new
    bakery, Tessaly's") or after it and a comma ("Tessaly's, a new bakery on Main Street"; not "Dana Lisle, the
    bakery's owner"), or a word of naming comes before it ("a bakery called Tessaly's"). For "the name of the
    bakery that will close", `describing_stems` ("close"): the name does it ("Tessaly's will close"). Another
    name in a sentence about the bakery ("The bakery closed Tuesday, Dana Lisle said") is someone else's.
    For "What name did they give the park?" (`given_name`), a name holding the noun counts only in a sentence of
    naming, and not as the old name ("voted to rename Elm Street Park as ...").
    For a role (`naming_needs_the_focus`), a word of naming gives it only with the role's noun beside it ("police
    identified the driver as Jo Tallis", not "neighbours organized as the Ferrow Group" for the architect).
    Without a noun asked about, every name is one. Only the name's `sentence` (its bounds in `text`) is read:
    "Harwick has a bakery. Jo Tallis opened it" does not give the bakery a name."""
    if not focus_stems:
        return True
    start, end = entity[0], entity[1]
    before = text[max(sentence[0], start - 80) : start]
    after = text[end : min(sentence[1], end + 80)]
    previous = _title_before(before, len(text[start:end].split()) == 1)
    following = after[1:].split()[:NAMED_WINDOW] if after.startswith(",") else []  # the words, not the comma
    holds = bool(focus_stems & text_stems(text[start:end]))
    if holds and given_name:
        # "What name did the council give the park?": a name holding the noun is given it only in a sentence of
        # naming, and not as the old one ("voted to rename Elm Street Park as ...", "The old Tallow Creek Bridge")
        holds = bool(_A_NAMING_WORD.search(text, sentence[0], sentence[1])) and not _AN_OLD_NAME_BEFORE.search(before)
    return bool(
        holds
        or describing_stems & all_stems(" ".join(after.split()[:NAMED_WINDOW]))  # "won" is a stopword to text_stems
        or any(focus_stems & text_stems(word) for word in previous)
        or any(focus_stems & text_stems(word) for word in following if not word.rstrip(",.;").endswith(("'s", "’s")))
        or _naming_words_before(before, focus_stems if naming_needs_the_focus else None, after)
    )


# "by" right before a name: the name does what the words before tell ("owned since 2021 by Vantage Ridge").
_DONE_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_FORMS_OF_BE = frozenset({"is", "was", "are", "were", "be", "been", "being"})


def _done_by_in_the_passive(analysis: QuestionAnalysis, text: str, entity: Entity, sentence: tuple[int, int],
                            describing_stems: set[str]) -> bool:  # fmt: skip
    """Whether the sentence tells, in the passive, that the name at `entity` does what the question asks of the
    thing it names: "The building at 87 Main Street is owned by" (the landlord of "the Copper Kettle building"),
    "Pruitt's Hardware was founded in 1961 by", "is run by"; not of another thing ("The property is run by" for
    "Who runs Tessaly Health?"), nor in a clause on another noun ("a weekday health clinic run by")."""
    before = text[max(sentence[0], entity[0] - 80) : entity[0]]
    if not _DONE_BY_BEFORE.search(before):
        return False
    last = before.split()[-NAMED_WINDOW - 1 :]
    verbs = [i for i, word in enumerate(last) if all_stems(word) & describing_stems]
    if not verbs or verbs[-1] == 0 or last[verbs[-1] - 1].casefold() not in _FORMS_OF_BE:
        return False
    asked = text_stems(analysis.question) - describing_stems - set(stems(" ".join(_FORMS_OF_BE)))
    subject = _A_SUBJECTS_HEAD.match(text, sentence[0], entity[0])
    if subject is not None and asked & text_stems(subject.group(1)):
        return True  # (the thing the subject is, not one it is at: "The laundry room at Larkspur Court is run by")
    # or a noun that points back to it: "The complex has been owned ... by" after "Residents of Birchwood Commons,
    # a 96-unit complex on Kettle Road, ..." (the question's name itself, not a word of it: "Fenwick Avenue" is no
    # "Fenwick Arms")
    pointing = _THE_NOUN_OPENING.match(text, sentence[0], entity[0])
    earlier = text[max(0, sentence[0] - _POINTED_BACK_REACH) : sentence[0]]
    names = [c for c in analysis.constraints if c.kind == "name"]
    return bool(pointing and re.search(rf"\b{pointing.group(1)}\b", earlier, re.IGNORECASE) and names
                and all(c.holds_in(normalise(earlier), set(words(earlier))) for c in names))  # fmt: skip


# A sentence opened by "the" or "this" and a common noun, which points back to what an earlier sentence names; how
# far back (in characters, about two sentences) it may point.
_THE_NOUN_OPENING = re.compile(r"\s*(?:The|This)\s+([a-z]{3,})\b")
# The last word of a passive clause's subject before a preposition or its verb: "The *building* at 87 Main Street is
# owned by", "Pruitt's *Hardware* was founded in 1961 by".
_A_SUBJECTS_HEAD = re.compile(r"\s*(?:(?:The|This|A|An)\s+)?(?:[\w'’.-]+\s+)*?([\w'’-]+)\s+"
                              r"(?:at|in|on|of|inside|behind|near|along|off|is|was|are|were|has|have|had|will|would)\b")
_POINTED_BACK_REACH = 400


# How many words before a word of naming may hold the noun it names ("the firm's lead architect, named as").
_NAMED_NOUN_WINDOW = 6


def _naming_words_before(before: str, focus_stems: set[str] | None, after: str) -> bool:
    """Whether `before` ends in words that give the name after it ("a bakery called"); with `focus_stems`,
    words that give it to the noun asked about, within the naming words or just before them: "police
    identified the driver as", not "neighbours organized as" for an architect; or right after the name (`after`,
    the sentence's words after it): "named Dana Lisle its new superintendent", "a firm called Orrel Design will
    serve as architect", not "a group called Save Hollin sued the architect"."""
    naming = _NAMING.search(before)
    if naming is None or focus_stems is None:
        return naming is not None
    words_before = before[: naming.start()].split()[-_NAMED_NOUN_WINDOW:]
    return bool(focus_stems & text_stems(" ".join([*words_before, naming.group(0)]))) or _role_right_after(
        after, focus_stems
    )


# Words between a name and the role given it right after: "named Dana Lisle as its new superintendent", "will
# serve as architect".
_BEFORE_A_ROLE = frozenset({"will", "would", "to", "serve", "act", "work", "be", "as", "its", "his", "her", "their",
                            "the", "a", "an", "new", "interim", "acting", "permanent", "first"})  # fmt: skip


def _role_right_after(after: str, focus_stems: set[str]) -> bool:
    """Whether the role's noun follows the name within a few words of the same phrase, only words of
    `_BEFORE_A_ROLE`, a possessive ("the city's") or one word right before the noun ("lead architect") between."""
    found = re.match(r"[^,;:()—–.!?]*", after)
    following = (found.group(0) if found else "").split()[:_NAMED_NOUN_WINDOW]
    for i, word in enumerate(following):
        if focus_stems & text_stems(word):
            return True
        if word.casefold() in _BEFORE_A_ROLE or word.endswith(("'s", "’s")):
            continue
        return i + 1 < len(following) and bool(focus_stems & text_stems(following[i + 1]))
    return False


# How many capitalised words before a name may be more of it, which the model left out ("owner Erling *Gunderholt*").
_UNTAGGED_NAME_WORDS = 2


def _title_before(before: str, surname_only: bool) -> list[str]:
    """The word right before a name; and when the model tagged a surname alone (`surname_only`) and the words
    before it are capitalised, within one phrase (the first name it left out, or a title written with a
    capital: "owner Erling", "Council President"), those and the word before them. Not across a comma or the
    like: in "the marina's owner, Mayor Tam Quist said" the owner is someone else."""
    preceding = before.split()
    taken = 1
    while (surname_only and taken <= _UNTAGGED_NAME_WORDS and taken < len(preceding)
           and preceding[-taken][:1].isupper() and not preceding[-taken - 1].endswith(_PAUSES)):  # fmt: skip
        taken += 1
    return preceding[-taken:]


# Punctuation that ends a phrase: the words before it do not describe the name after it.
_PAUSES = (",", ";", ":", ")", "—", "–")


# Words that say which of a role's kinds someone holds ("interim chief", "assistant coach"), the first three of one
# meaning; and words that stop the words before a role ("the", "as"). English words, not the words of a corpus.
_ROLE_KINDS = {"interim": "interim", "acting": "interim", "temporary": "interim", "permanent": "permanent",
               "former": "former", "deputy": "deputy", "assistant": "assistant", "associate": "associate",
               "vice": "vice", "head": "head", "senior": "senior", "junior": "junior"}  # fmt: skip
_BEFORE_A_ROLE_STOP = frozenset({"the", "a", "an", "as", "its", "his", "her", "their", "our", "and", "of", "new"})
# How near a name a word of its role stands to be its role ("The bus driver, Nancy Colfax", "Nancy Colfax, the bus
# driver"), in characters.
_ROLE_REACH = 40


# The titles of a lawyer who prosecutes for the public (English titles): no party's lawyer.
_PROSECUTORS_TITLE = re.compile(
    r"(?<!school )\b(?:district|prosecuting|state's|u\.s\.)\s+attorney\b|\battorneys?\s+general\b|\bprosecutor\b",
    re.IGNORECASE,
)
# The words of a question that asks for a prosecutor, not a party's lawyer ("Who is the district attorney?").
_ASKS_A_PROSECUTOR = re.compile(r"\b(?:district|prosecut\w*|general|state's|u\.s\.)", re.IGNORECASE)


def asks_for_a_partys_lawyer(analysis: QuestionAnalysis) -> bool:
    """"Who is Ted Orrin's lawyer?", "Who is the attorney for the tenants?"; not "Who is the district attorney?"."""
    return analysis.role in ("lawyer", "attorney") and not _ASKS_A_PROSECUTOR.search(analysis.question)


# What stands between a name and a title given it in apposition: ", the county prosecutor", ", a prosecutor"; not
# ", who was a prosecutor for 20 years" (what someone was).
_AN_APPOSITION = re.compile(r"\s*,\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?:[a-z][\w.'-]*\s+)?", re.IGNORECASE)
_WAS_ONCE = frozenset({"who", "which", "was", "were", "once"})


def _a_prosecutor(text: str, entity: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether the sentence gives the person at `entity` a prosecutor's title, right before the name ("Assistant
    District Attorney Simone Achterberg") or right after it ("Ada Renn, the county prosecutor"); not a former one,
    nor the title of someone else named beside ("Defense attorney Lena Ortiz and prosecutor Sam Bell")."""
    told = text[sentence[0] : sentence[1]]
    name_start, name_end = entity[0] - sentence[0], entity[1] - sentence[0]
    for title in _PROSECUTORS_TITLE.finditer(told):
        if "former" in told[max(0, title.start() - 12) : title.start()].casefold():
            continue
        before = 0 <= name_start - title.end() <= 1
        between = told[name_end : title.start()] if title.start() >= name_end else ""
        after = bool(_AN_APPOSITION.fullmatch(between)) and not _WAS_ONCE & set(words(between))
        if before or after:
            return True
    return False


def another_kind_of(role: str, question: str, text: str, entity: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether the sentence calls the person at `entity` a role of another kind than the question asks for: "Deputy
    Chief Amy Carver will serve as interim chief" for "Who will be the permanent police chief?", "The SUV's driver,
    Randall Kuiper" for "the name of the sedan driver". The kind is what stands right before the role: a word of
    status (interim, acting, former, assistant ...) or a noun in lowercase or with "'s" ("bus", "SUV's"); names
    in capitals are no kind ("Harwood Middle School Principal Gordon Blake"). False when either says no kind."""
    forms = "|".join(map(re.escape, role_forms(role)))
    asked = {k for m in re.finditer(rf"\b(?:{forms})\b", question, re.IGNORECASE)
             for k in _kind_words(question[: m.start()], lowercase=True)}  # fmt: skip
    # (or after it: "chief of police" is of the kind "police")
    asked |= {m.group(1).casefold() for m in re.finditer(rf"\b(?:{forms})\s+of\s+(?:the\s+)?([a-z]+)\b", question,
                                                           re.IGNORECASE) if m.group(1).casefold() in _SERVICE_KINDS}
    if not asked:
        return False
    near = [m for m in re.finditer(rf"\b(?:{forms})\b", text[sentence[0] : sentence[1]], re.IGNORECASE)
            if abs(sentence[0] + m.start() - entity[0]) <= _ROLE_REACH
            or abs(sentence[0] + m.end() - entity[1]) <= _ROLE_REACH]  # fmt: skip
    kinds = [_kind_words(text[sentence[0] : sentence[0] + m.start()], asked=asked)
             | _compound_kind(text[sentence[0] : sentence[1]], m.start()) for m in near]  # fmt: skip
    return bool(kinds) and all(k and not k & asked for k in kinds)


def _compound_kind(sentence: str, at: int) -> set[str]:
    """The lowercase nouns the role at sentence[at:] is a compound of: "library" of "library director Ada Voss"."""
    role = next((t for t in sentence_parse(sentence) if t.idx == at), None)
    if role is None:
        return set()
    # (with the lemma: "schools superintendent" is of the kind "school superintendent")
    return {form for c in role.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()
            for form in (c.lower_, c.lemma_.casefold())}  # fmt: skip


# Nouns for a body that has a head ("Board President", "president of the teachers union"). English words.
_BODY_NOUNS = frozenset({"board", "council", "commission", "committee", "union", "association", "club", "society",
                         "league", "chamber", "district", "foundation", "party", "authority", "trust", "alliance",
                         "coalition", "cooperative", "co-op"})  # fmt: skip


def _head_of_another_body(role: str, question: str, text: str, entity: tuple[int, int],
                          sentence: tuple[int, int]) -> bool:  # fmt: skip
    """Whether the person at `entity` heads another body than the one the question asks of: "Board President Gail
    Ferreira" for "Who is president of the Morrow Bend teachers union?". The question's body is the noun of its
    "<role> of the ..."; the sentence's, a body's noun in capitals right before the role beside the name."""
    forms = "|".join(map(re.escape, role_forms(role)))
    of = re.search(rf"\b(?:{forms})\s+of\s+(?:the\s+)?([^?,.]+)", question, re.IGNORECASE)
    asked = {w for w in words(of.group(1)) if w in _BODY_NOUNS} if of else set()
    if not asked:
        return False
    for m in re.finditer(rf"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+(?i:{forms})\b", text[sentence[0] : sentence[1]]):
        at = sentence[0] + m.end()
        if 0 <= entity[0] - at <= 2 and m.group(1).casefold() in _BODY_NOUNS:
            return m.group(1).casefold() not in asked
    return False


def _kind_words(before: str, lowercase: bool = False, asked: Collection[str] = ()) -> set[str]:
    """The kind of a role, from the (up to) two words before it: a word of status or a possessive ("interim", "SUV's");
    with `lowercase`, as a question says it, any lowercase word too ("permanent police" -> {"permanent", "police"}),
    and in a sentence a lowercase word the question `asked` ("police"). A sentence's other words before a role are
    seldom its kind ("longtime principal", "became director")."""
    found: set[str] = set()
    for word in reversed(before.split()[-2:]):
        bare = word.strip(",;:()\"“”").removesuffix("'s").removesuffix("’s")
        lower = bare.casefold()
        if not bare or lower in _BEFORE_A_ROLE_STOP or word.endswith((",", ";", ":")):
            break
        if lower in _ROLE_KINDS:
            found.add(_ROLE_KINDS[lower])
        elif (bare.islower() and (lowercase or lower in asked)) or word.endswith(("'s", "’s")):
            found.add(lower)
        elif bare.islower():
            continue
        elif lower in _SERVICE_KINDS and word == before.split()[-1]:
            found.add(lower)  # "Fire Chief Ada Quist" is of the kind "fire", as "fire chief" would be
        else:
            break  # a name in capitals: "Harwood Middle School Principal"
    return found


# The services whose word news writes in capitals right before a title ("Fire Chief", "Police Chief", "Health
# Director"): a kind of the role, not a name. English words.
_SERVICE_KINDS = frozenset({"fire", "police", "ems", "ambulance", "health", "library", "parks", "transit", "water",
                            "finance", "planning"})  # fmt: skip


def _given_the_role(text: str, entity: tuple[int, int], role_stems: set[str], sentence: tuple[int, int]) -> bool:
    """For "Who is the county engineer?": whether a clause of the `sentence` (its bounds in `text`) says the
    person at `entity` holds the role: "Dana Lisle is the new county engineer", "The county engineer is Dana
    Lisle", "was named county engineer", "hired Dana Lisle as its engineer", "Dana Lisle, who was named
    engineer, ..."; not "Dana Lisle met the engineer" or "Dana Lisle said the engineer was wrong"."""
    if not role_stems & text_stems(text[sentence[0] : sentence[1]]):
        return False  # no word of the role: nothing to parse
    doc = sentence_parse(text[sentence[0] : sentence[1]])
    span = doc.char_span(entity[0] - sentence[0], entity[1] - sentence[0], alignment_mode="expand")
    if span is None:
        return False
    person = span.root
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in range(span.start, span.end):
            continue
        if not role_stems & (all_stems(noun.text) | all_stems(noun.lemma_)):
            continue
        verb = _predicating_verb(noun)
        if verb is None:
            continue
        if person.head.i == verb.i and person.dep_ in _CLAUSE_ARGUMENTS:
            return True
        if verb.dep_ in ("relcl", "acl") and verb.head.i == person.i:
            return True  # "Dana Lisle, who was named engineer": the clause is on the name
    return False


# A clause's subject, object or (after "be") attribute: the one a predicate noun says something of.
_CLAUSE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _predicating_verb(noun: "Token") -> "Token | None":
    """The verb through which `noun` is said of its clause's subject or object: "is the engineer", "was named
    engineer" (an attribute or a predicate complement), "The engineer is ..." (the subject of "be"), "hired
    her as engineer", "is in her third year as coach" (after "as"); None otherwise."""
    if noun.dep_ in ("attr", "oprd"):
        return noun.head
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = governing_verb(noun.head.head)
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None


def _followed_by(text: str, entity: Entity, focus_stems: set[str]) -> bool:
    after = text[entity[1] : entity[1] + 60]
    return bool(focus_stems) and bool(focus_stems & text_stems(" ".join(after.split()[:COUNTED_WINDOW])))


def nearness(text: str, entity: Entity, start: int, end: int, query_stems: set[str]) -> float:
    """1 / (1 + words between the entity and the nearest word of the question in the sentence)."""
    tokens = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    positions = [i for i, (_, token) in enumerate(tokens) if set(stems(token)) & query_stems]
    if not positions:
        return 0.0
    entity_positions = [i for i, (offset, _) in enumerate(tokens) if entity[0] <= offset < entity[1]]
    if not entity_positions:
        return 0.0
    distance = min(abs(i - j) for i in entity_positions for j in positions)
    return 1.0 / (1 + max(0, distance - 1))
