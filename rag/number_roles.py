"""What a number stands for beside the other numbers of its sentence, as news writing puts them.

One sentence often gives several figures of one kind, and which of them a
question asks for is told by how the sentence relates them, not by how near
each stands to the question's words:

- a change: "The monthly bill will drop from $27.40 to $23.90", "24,000
  vehicles a day, up from 9,500 in 2015": the figure after "from" is the
  earlier one, which a question asks for only when it says so ("before",
  "used to", the earlier year);
- a part of a whole: "It will lay off 14 of its 31 workers" (the whole after
  "of its"), "412 vacant buildings, 140 of them condemned" (the part before
  "of them"): a question about what was done to some ("How many will it lay
  off?") asks for the part, one about what there is ("How many are there?",
  "How many does it employ?") for the whole;
- a rate: "at $65 a day per inmate, a bill of about $910,000": a sum per day,
  per head or per unit does not answer how much was spent or paid in all;
- a population: "How many people live in Tansy Ferry?" is answered by "a town of
  about 2,600", not by the 140 people the foundry puts out of work;
- a share or a holding, which is no other outlet's figure for the same thing: "The
  state paid $1.5 million of the cost" is a share of the cost another outlet puts
  at $2.1 million, and "the mill, which has 300 workers, announced layoffs" says
  how many work there, not how many were laid off (`a_share_or_a_holding`).

Read from the words around each figure (no parse): these are the fixed
phrasings of English for a change, a part, a rate and a population.
"""

from __future__ import annotations

import re
from typing import Sequence

from rag.query import QuestionAnalysis
from rag.text import NUMBER_WORDS, all_stems, normalise, words

Entity = tuple[int, int, str]

# Answer types a figure of a sentence answers beside other figures (a length of time or an age stands alone).
_FIGURE_TYPES = frozenset({"count", "money", "percent", "quantity", "measure"})
# Words that qualify a figure between "from" and the figure itself.
_QUALIFIER = r"(?:(?:about|around|roughly|nearly|almost|some|just|only|more\s+than|less\s+than|an?\s+estimated)\s+)?"
_FROM_BEFORE = re.compile(rf"\bfrom\s+{_QUALIFIER}$", re.IGNORECASE)
# "up from", "rising from", "a drop from": the figure after "from" is the earlier one of a change
_CHANGE_VERBS = (
    r"up|down|rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|grew|grow|grows|growing|grown|"
    r"dropped|drop|drops|dropping|climbed|climb|climbs|jumped|jump|jumps|increased|increase|increases|decreased|"
    r"decrease|decreases|went|go|goes|going|gone|cut|cuts|raised|raise|raises|lowered|lower|lowers|changed|"
    r"change|changes|higher|more|less|compared"
)
_CHANGE_BEFORE_FROM = re.compile(rf"\b(?:{_CHANGE_VERBS})\s+(?:[\w$.,%-]+\s+){{0,4}}?from\s+\S*$", re.IGNORECASE)
# "fell to 71 percent", "from $1 to $1.50": the later figure of a change
_LATER_BEFORE = re.compile(
    rf"(?:\b(?:{_CHANGE_VERBS})\s+(?:[\w$.,%-]+\s+){{0,4}}?|\bfrom\s+\S+(?:\s+\S+)?\s+)to\s+{_QUALIFIER}$",
    re.IGNORECASE,
)
# "the week before", "a day earlier": a time the question dates its event by, not the earlier of two figures
_DATING_BEFORE = re.compile(
    r"\b(?:day|days|week|weeks|month|months|year|years|night|morning|evening|weekend|decade|hour|hours)\s+"
    r"(?:before|earlier|prior)\b",
    re.IGNORECASE,
)
# How far before a figure its clause's "now" or change may stand, in characters (a long sentence's worth).
_CLAUSE_REACH = 200
# How far around a figure the words that relate it to the others are read, in characters (about ten words).
_FIGURE_REACH = 60
# "It now has six courts": a figure as it stands now
_NOW = re.compile(r"\b(?:now|today|currently|these days)\b", re.IGNORECASE)
# "from $38 to $46": the later figure follows within a few words
_TO_AFTER = re.compile(rf"^[^.;]{{0,30}}?\bto\s+{_QUALIFIER}(?:[$€£¥]|\d)", re.IGNORECASE)
# What a question says when it asks for the earlier figure of a change ("used to", not "used"; not "old" nor
# "former", which name a thing as often: "the old bridge", "the former mill"); "before" only in a question about
# what there was ("How many courts did the park have before the renovation?"), not about what was done before
# something ("How high did crews raise the levee before the storm hit?").
_ASKS_EARLIER = frozenset(all_stems("previous previously originally earlier prior formerly initially"))
_BEFORE = frozenset(all_stems("before"))
# "14 of its 31 workers", "18 of the 27 homes", "9 out of 10": the whole, after the part
_PART_WORDS = "|".join([*NUMBER_WORDS, "most", "some", "all", "half", "many", "none", "few", "several"])
_WHOLE_BEFORE = re.compile(
    rf"\b(?:\d[\d,.]*|{_PART_WORDS})\s+(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|all|those)\s+)?"
    rf"(?:(?:[\w-]+\s+){{0,2}}[\w-]+['’]s\s+)?$",  # "900 of the union's 1,300 members"
    re.IGNORECASE
)
# "412 vacant buildings, 140 of them condemned": the part, before "of them" and what it says of them
_OF_THEM_AFTER = re.compile(r"^\s+(?:of\s+(?:them|those|which|whom))\s+(\w+(?:\s+\w+)?)", re.IGNORECASE)
# Verbs a question asks what there is by ("How many workers does it employ?"): not what was done to some.
_STATE_VERBS = frozenset({"have", "employ", "own", "hold", "include", "contain", "total", "number", "count", "house",
                          "serve", "exist", "remain", "stand"})  # fmt: skip
# "$65 a day", "$5 per bushel", "$20 an hour", "$2 apiece": a sum for each unit
# (not "a year": most sums in the news are by the year, and "a tax bill $118 a year higher" answers "How much
# would it add to my tax bill?"; "received $3 million a week ago" dates the sum)
_RATE_AFTER = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+(?!year\b)[a-z]+\b(?!\s+(?:ago|later|earlier|before|after)\b)|apiece\b|each\b)",
    re.IGNORECASE,
)
# Words that date a figure: months, weekdays, seasons and "this/last year".
_TIME_WORDS = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|spring|summer|fall|autumn|winter|(?:this|last)\s+(?:year|month|week))\b"
)
# Verbs a price is asked by, in the present ("How much does a kayak rent for?", "What does the pool charge?").
_PRICING_VERBS = frozenset({"cost", "charge", "rent", "sell", "run", "go"})
# How far after a sum its units stand ("$48 a day per student").
_RATE_REACH = 30
# Sums that are asked for per unit by their name: a fare is per ride, a wage per hour.
_PRICE_NOUNS = frozenset({"fare", "price", "fee", "toll", "rate", "rent", "charge", "ticket", "admission", "wage",
                          "salary", "pay", "tuition", "premium", "fine", "bill", "pass", "permit", "cost"})  # fmt: skip


# "a town of about 2,600", "population of 2,600", "home to 2,600", "2,600 people live there": how news gives a
# place's population.
_POPULATION_BEFORE = re.compile(
    rf"\b(?:(?:town|city|village|county|community|borough|township|hamlet|suburb|island|neighborhood)\s+of|"
    rf"population(?:\s+(?:of|is|was|stands\s+at|at|rose\s+to|grew\s+to|fell\s+to|reached)|,)?|home\s+to)\s+"
    rf"{_QUALIFIER}$",
    re.IGNORECASE,
)
_POPULATION_AFTER = re.compile(
    r"^\s+(?:people|residents|inhabitants)?\s*(?:live|lives|lived|reside|resides)\b|^\s+(?:people|residents)\s+call\b",
    re.IGNORECASE,
)
# "Brannock has about 4,800 residents", "Brannock's 4,800 residents": a place's residents, counted
_RESIDENTS_BEFORE = re.compile(rf"(?:\b(?:has|have|had|with)|['’]s)\s+{_QUALIFIER}$", re.IGNORECASE)
_RESIDENTS_AFTER = re.compile(r"^\s+(?:residents|inhabitants)\b", re.IGNORECASE)
# What a question for a population asks about: "How many people live in ...?", "What is the population of ...?"
_DWELLERS = frozenset({"people", "person", "resident", "inhabitant"})


def asks_population(analysis: QuestionAnalysis) -> bool:
    """"How many people live in Tansy Ferry?", "What is the population of Tansy Ferry?"."""
    return analysis.focus == "population" or (analysis.focus in _DWELLERS and analysis.predicate in ("live", "reside"))


def population_figure(before: str, after: str) -> bool:
    """Whether the figure between `before` and `after` gives how many live in a place."""
    return bool(_POPULATION_BEFORE.search(before) or _POPULATION_AFTER.match(after)
                or (_RESIDENTS_BEFORE.search(before) and _RESIDENTS_AFTER.match(after)))  # fmt: skip


def a_population_not_asked(analysis: QuestionAnalysis, text: str, entity: Entity) -> bool:
    """Whether a count is a place's population ("Wrenfield, a town of 300 people", "Harlan has about 24,000
    residents") where the question asks how many did or had something else ("How many people were displaced by
    the fire?")."""
    before, after = _around(text, entity)
    if _asks_what_it_has(analysis) and analysis.focus and all_stems(analysis.focus) & all_stems(after[:_NOUN_REACH]):
        return False  # "How many residents does the nursing home have?": "has 31 residents" is what it has
    return (analysis.answer_type in ("count", "quantity") and not asks_population(analysis)
            and population_figure(before, after))  # fmt: skip


# How far after a figure its noun stands ("31 residents", "about 2,600 year-round residents").
_NOUN_REACH = 25
# "does the home have", "did Corrow have": "have" as the question's own verb after "do" (not "How many Harlan
# residents had no power?", whose "had" tells what befell them)
_DOES_IT_HAVE = re.compile(r"\b(?:does|do|did)\b[^?]*\bhave\b", re.IGNORECASE)


def _asks_what_it_has(analysis: QuestionAnalysis) -> bool:
    """"How many residents does the home have?": a question whose verb is "have", after "do"."""
    return analysis.predicate is None and bool(_DOES_IT_HAVE.search(analysis.question))


def prefer_asked_figures(analysis: QuestionAnalysis, text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The figures among `entities` (spans of one sentence in `text`) that may answer the question, leaving out
    an earlier figure of a change, a whole or a part the question does not ask for, and a rate when it asks for
    a sum in all, each only when another figure of the sentence stays; and, when the question asks for what was
    before, a figure a change arrived at or one as it is now, whether or not another stays. Other entities
    stay."""
    if analysis.answer_type not in _FIGURE_TYPES:
        return list(entities)
    if asks_population(analysis):
        # "How many people live in Tansy Ferry?": "a town of about 2,600", not "putting 140 people out of work"
        entities = [e for e in entities if population_figure(*_around(text, e))]
    if _asks_for_what_was(analysis):
        # "What was the on-time rate before the bridge closed?": not "fell to 71 percent", nor "now has six"
        entities = [e for e in entities if not later_figure(text[max(0, e[0] - _CLAUSE_REACH) : e[0]])]
    numeric = [entity for entity in entities if entity[2] not in ("DATE", "TIME", "PERSON", "ORG", "GPE", "LOC")]
    if len(numeric) < 2:
        return list(entities)
    question_stems = all_stems(analysis.question)
    left_out = {entity for entity in numeric if _not_asked(analysis, question_stems, text, entity)}
    if not left_out or left_out.issuperset(numeric):
        return list(entities)
    return [entity for entity in entities if entity not in left_out]


# "paid $1.5 million of the cost", "covered $1.5 million of the bill": a share of the sum a question about what
# a thing cost asks for. (Not any "of the": "spent $2.3 million of its reserves", "cost $910,000 of the city's
# money" and "raised $52,000 of the $60,000" give the whole sum asked for.)
_OF_THE_COST = r"of\s+(?:the|its|their)\s+(?:total\s+)?(?:cost|costs|bill|price|tab)\b"
_SHARE_AFTER = re.compile(rf"^\s+{_OF_THE_COST}", re.IGNORECASE)
# "which has 300 workers", "that employs about 80": what something has, said in passing. (Not "which had" or ",
# with": "the flight, which had 142 passengers on board", "won the race, with 4,210 votes" give the event's own
# figure.)
_HOLDING_BEFORE = re.compile(
    rf"\b(?:which|that)\s+(?:now\s+|still\s+)?(?:has|have|employs|employ)\s+{_QUALIFIER}$", re.IGNORECASE
)
# Verbs of a question that asks what something has, beside _STATE_VERBS: "How many beds does it offer?"
_HOLDING_VERBS = _STATE_VERBS | {"offer", "operate", "run", "represent", "seat", "cover", "enroll", "enrol", "keep"}
# A question for a share of a cost: "How much of the cost did the state pay?"
_ASKS_A_SHARE = re.compile(rf"\b{_OF_THE_COST}", re.IGNORECASE)
# Words between a verb and the figure it hangs on: "will lay off 42", "cost about $2.1 million", "hurt more than
# 20": the verb is the word before them (not any word near: "the nurses union represents 2,100" does not hang
# 2,100 on "nurse").
_BETWEEN_VERB_AND_FIGURE = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "just", "only", "over",
                                      "under", "more", "less", "fewer", "than", "up", "off", "out", "down", "an", "a",
                                      "estimated", "at", "least", "most", "another"})  # fmt: skip


def a_share_or_a_holding(analysis: QuestionAnalysis, text: str, entity: Entity) -> bool:
    """Whether the figure is a share of what a cost question asks for ("paid $1.5 million of the cost" for "How
    much did the repairs cost?") or what something has, said in passing ("the mill, which has 300 workers,
    announced layoffs"), when the question asks what was done ("How many will it lay off?", not "How many does
    it employ?"): either way not the figure of the thing asked about, though of its unit."""
    before, after = _around(text, entity)
    if entity[2] == "MONEY" and _asks_what_it_cost(analysis) and _SHARE_AFTER.match(after):
        return True
    asks_what_was_done = analysis.predicate is not None and analysis.predicate not in _HOLDING_VERBS
    return asks_what_was_done and _HOLDING_BEFORE.search(before) is not None


def rival_is_a_share_or_a_holding(analysis: QuestionAnalysis, rival_text: str, rival: Entity, best_text: str,
                                  best: Entity) -> bool:  # fmt: skip
    """Whether another outlet's figure (`rival`) is a share or a holding (`a_share_or_a_holding`) where the best
    one is the figure asked about: neither itself, and hung on the question's own verb just before it ("cost $2.1
    million", "will lay off 42 workers"). A question whose verb the parser misread ("How many beds does the
    shelter offer?" read as "shelter") leaves rivals be."""
    verb_forms = ("cost", "costs") if best[2] == "MONEY" and _asks_what_it_cost(analysis) else analysis.predicate_forms
    before_best = words(best_text[max(0, best[0] - _FIGURE_REACH) : best[0]])
    while before_best and before_best[-1] in _BETWEEN_VERB_AND_FIGURE:
        before_best.pop()
    if not verb_forms or not before_best or not all_stems(before_best[-1]) & all_stems(" ".join(verb_forms)):
        return False
    return a_share_or_a_holding(analysis, rival_text, rival) and not a_share_or_a_holding(analysis, best_text, best)


def _asks_what_it_cost(analysis: QuestionAnalysis) -> bool:
    """"How much did the repairs cost?", "What was the cost of the bridge?"; not "How much of the cost did the
    state pay?"."""
    return (analysis.answer_type == "money" and "cost" in words(analysis.question)
            and not _ASKS_A_SHARE.search(analysis.question))  # fmt: skip


def _around(text: str, entity: Entity) -> tuple[str, str]:
    """The words just before and just after a figure."""
    start, end, _ = entity
    return text[max(0, start - _FIGURE_REACH) : start], text[end : end + _FIGURE_REACH]


def _not_asked(analysis: QuestionAnalysis, question_stems: frozenset[str], text: str, entity: Entity) -> bool:
    label = entity[2]
    before, after = _around(text, entity)
    if earlier_figure(before, after) and not _asks_for_the_earlier(analysis, after):
        return True
    asks_what_there_is = analysis.predicate is None or analysis.predicate in _STATE_VERBS
    if (analysis.answer_type == "count" and _WHOLE_BEFORE.search(before) and not asks_what_there_is
            and not _done_to_the_whole(analysis, after)):  # fmt: skip
        return True  # "How many will it lay off?": not the 31 of "14 of its 31 workers"
    said_of_them = _OF_THEM_AFTER.match(after)
    if (analysis.answer_type == "count" and said_of_them and asks_what_there_is
            and not all_stems(said_of_them.group(1)) & question_stems):  # fmt: skip
        return True  # "How many are there?": not the 140 of "412 buildings, 140 of them condemned"
    return label == "MONEY" and _RATE_AFTER.match(after) is not None and not _asks_for_a_rate(analysis, after)


def _done_to_the_whole(analysis: QuestionAnalysis, after: str) -> bool:
    """"won 1,204 of the 2,310 votes cast" for "How many votes were cast?": the question's verb, in the passive,
    is said of the whole in the words right after it (as a participle; "900 of its 1,300 members voted" for "How
    many members voted?" says the 900 did)."""
    passive = re.search(r"\b(?:was|were|been|be|being)\s+\w+", analysis.question, re.IGNORECASE)
    return bool(passive and analysis.predicate
                and all_stems(analysis.predicate) & all_stems(" ".join(after.split()[:3])))  # fmt: skip


def earlier_figure(before: str, after: str) -> bool:
    """Whether the figure between `before` and `after` is the earlier one of a change: "from $27.40 to
    $23.90", "up from 9,500"."""
    if not _FROM_BEFORE.search(before):
        return False
    return bool(_CHANGE_BEFORE_FROM.search(before) or _TO_AFTER.match(after))


def later_figure(before: str) -> bool:
    """Whether the figure after `before` is the one a change arrived at ("fell to 71 percent", "from $1 to
    $1.50") or one as it stands now ("It now has six courts")."""
    clause = re.split(r"[.!?]\s", before)[-1]
    return bool(_LATER_BEFORE.search(clause) or _NOW.search(clause))


def _asks_for_what_was(analysis: QuestionAnalysis) -> bool:
    """"What was the bill before the increase?", "How many courts did the park use to have?"; not "What did they
    pledge the week before?", where "before" dates what was done."""
    question = _DATING_BEFORE.sub(" ", analysis.question)
    question_stems = all_stems(question)
    # the question's verb is one of being or having, or only the verb of what it dates by ("before the bridge closed")
    dated_by = re.search(r"\bbefore\b(.*)", question, re.IGNORECASE)
    verb = analysis.predicate
    about_what_there_was = (verb is None or verb in _STATE_VERBS
                            or bool(dated_by and all_stems(verb) & all_stems(dated_by.group(1))))  # fmt: skip
    return (bool(question_stems & _ASKS_EARLIER) or (about_what_there_was and bool(question_stems & _BEFORE))
            or re.search(r"\bused to\b", question, re.IGNORECASE) is not None)  # fmt: skip


def _asks_for_the_earlier(analysis: QuestionAnalysis, after: str) -> bool:
    """"What was the bill before?", or the question names what the change's earlier figure is dated by ("in
    2015")."""
    if _asks_for_what_was(analysis):
        return True
    phrase = re.split(r"\bto\b|[,;]|\.\s", after, maxsplit=1)[0]
    if any(constraint.holds_in(normalise(phrase), words(phrase)) for constraint in analysis.constraints):
        return True
    # "down from 4.6 percent in February" for "What was the rate in February?"
    dated_by = set(_TIME_WORDS.findall(phrase.casefold()))
    return bool(dated_by & set(_TIME_WORDS.findall(analysis.question.casefold())))


def _asks_for_a_rate(analysis: QuestionAnalysis, after: str) -> bool:
    """A question for a price ("What is the fare?") or for a sum per the sentence's unit ("What does a ride
    cost?", "How much per bushel?") asks for a rate."""
    if analysis.focus in _PRICE_NOUNS:
        return True
    if analysis.predicate in _PRICING_VERBS and re.search(r"\b(?:does|do)\b", analysis.question, re.IGNORECASE):
        return True  # "How much does it cost to rent a kayak?": a price, which is per unit
    units = re.findall(r"\b(?:a|an|per|each|every)\s+([a-z]+)", after[:_RATE_REACH], re.IGNORECASE)
    question = analysis.question.casefold()
    return any(re.search(rf"\b(?:a|an|per|each|every)\s+{unit.casefold()}\b", question) for unit in units)
