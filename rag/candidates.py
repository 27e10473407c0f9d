"""Answer candidates: the sentences of the retrieved passages that can answer the question, with their features.

A sentence is a candidate only when

- it holds something of the kind the question asks for (for a typed question:
  an entity of a fitting label, as the NER model found it at ingest, that the
  question does not already contain: a date for "when", a length of time for
  "how long", a sum for "how much"), and
- every constraint of the question (names, years, year ranges, dates, numbers,
  identifiers; see rag.query) holds in the sentence or in its article: a
  question about 2009-2010 is not answered from a 2008-2009 sentence, nor a
  question about Scott County from an article about another county;
- and it is a sentence written for a reader: not a headline, not an order to
  an assistant.

Each candidate carries explainable features (`FEATURES`); `rag.answer_model`
turns them into a ranking score and a probability that the answer is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Collection, Literal, Sequence

from index.dates import MONTH_NAMES, MONTH_NUMBERS, WEEKDAY_NAMES
from index.nlp import sentence_parse
from index.sentences import split_sentences
from index.vector_codec import unpack
from rag.answer_text import addressed_to_assistant, balanced_quotes, looks_like_headline
from rag.models import Passage
from rag.number_roles import asks_population, prefer_asked_figures
from rag.query import (
    ANSWER_LABELS, BUSINESS_NOUNS, CALENDAR_WORDS, INTENDING_VERBS, IRREALIS_GOVERNORS, MEASURE_UNITS,
    OFFICE_TITLES, PEOPLES_NOUNS, ROAD_NOUNS, SUM_OF_MONEY_NOUNS, YEAR, Constraint, QuestionAnalysis,
    clause_is_uncertain, clause_mood,
    entity_fits, is_duration, is_infinitive, noun_named, numbered_in, phrasal_meaning, role_forms, same_act, slot_of,
    unit_forms,
    year_ranges,
)  # fmt: skip
from rag.text import NUMBER_WORDS, all_stems, content_words, normalise, noun_stems, stems, stopwords, words
from rag.value_times import matches, times_asked, year_written
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span, Token

IdfFunction = Callable[[str], float]


@dataclass(frozen=True)
class ArticleTerms:
    """An article as constraints are checked against it: its title, text and date, normalised, and their words."""

    normalised: str
    words: frozenset[str]
    stems: frozenset[str] = frozenset()
    # Whether each constraint holds, as found (an article is kept for a few questions, which share names).
    _held: dict[Constraint, bool] = field(default_factory=dict, compare=False, repr=False)

    def holds(self, constraint: Constraint) -> bool:
        held = self._held.get(constraint)
        if held is None:
            held = self._held[constraint] = constraint.holds_in(self.normalised, self.words)
        return held


def article_terms(title: str, text: str, published: str | None) -> ArticleTerms:
    whole = f"{title}\n{text}\n{published or ''}"
    return ArticleTerms(normalise(whole), frozenset(words(whole)), frozenset(stems(whole)))


ArticleText = Callable[[str], ArticleTerms]
Entity = tuple[int, int, str]

# Question words found only in the sentence before count this much: a date or a
# name in "The mayor spoke to the governor on May 3 ..." qualifies the quote that follows it.
CONTEXT_WEIGHT = 0.5
MIN_SENTENCE_WORDS = 4
# A quote attributed to a pronoun ("..., she said") does not say who spoke: the sentence before names them.
PRONOUN_SPEAKER = re.compile(
    r"\b(he|she|they) (said|says|added|told|wrote|noted|warned|argued|insisted|stressed|continued)\b"
    r"|\b(said|says|added) (he|she)\b"
)
_NAMED_SPEAKER = re.compile(
    r"\b([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)*) (?:said|says|told|added|wrote|argued|warned|noted)\b"
)
# How news writing gives a reason: a causal connective, or someone's own account of why. English function
# words and verbs of saying, not the words of any corpus.
# "after" only beside the verb asked about (gives_what_is_asked): news leads use it for when ("will reopen Friday,
# after the council voted Monday to ..."), and read as a reason anywhere it made every lead answer "why".
_REASON_MARKERS = re.compile(
    r"\b(?:because|since|due to|owing to|as a result|so that|in order to|reasons?|why|cit(?:e|ed|es|ing)|"
    r"blam(?:e|ed|es|ing)|caus(?:e|ed|es)|led to|amid|concerns?|worr(?:y|ied|ies)|said|says|saying|told|"
    r"explained|explaining|according to|argued|arguing|wrote)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)
# How news writing gives someone's words: quotation marks or a verb of saying.
_SPEECH_MARKERS = re.compile(
    r"[“”\"]|\b(?:said|says|saying|told|tells|added|wrote|according to|argued|warned|called|described|stated|"
    r"announced|asked)\b",
    re.IGNORECASE,
)


# "since" of time, which gives no reason: "the first increase since 2020", "since last spring", "since then".
SINCE_A_TIME = re.compile(
    r"\bsince\s+(?:\d|(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + "|"
    + "|".join(WEEKDAY_NAMES) + r")\b|(?:then|last|early|late|the (?:start|end|beginning|spring|summer|fall|"
    r"autumn|winter))\b)",
    re.IGNORECASE,
)


def gives_what_is_asked(answer_type: str, text: str, predicate: str | None = None) -> bool:
    """Whether a sentence gives the kind of thing a sentence question asks for: a reason for "why", someone's
    words for "what did X say"; true for the other kinds."""
    if answer_type == "reason":
        told = SINCE_A_TIME.sub(" ", text)
        if _REASON_MARKERS.search(told):
            return True
        # "after" gives the cause of the event the sentence tells before it, when that is the one asked about ("Why
        # was the ferry suspended?": "was suspended on Friday after its engine failed"); a lead's "will reopen
        # Friday, after the council voted Monday" tells when
        after = _AFTER.search(told)
        return bool(predicate and after and all_stems(predicate) & set(stems(told[: after.start()])))
    if answer_type == "quote":
        return bool(_SPEECH_MARKERS.search(text))
    return True


# The labels a type's answers are first of all: a "who" question may be answered by an organisation, a "where"
# one by an organisation's name ("Harlan Middle School"), but less often than by a person or a place.
_FIRST_KINDS = {"person": ("PERSON",), "place": ("GPE", "LOC", "FAC")}

# Values of one sentence considered as answers (a sentence rarely holds more that fit the question).
MAX_VALUES_PER_SENTENCE = 4
_CURRENCY_SIGNS = frozenset("$€£¥")
# How far (in words) an answer entity may sit from the thing counted ("12 homes",
# "four southeastern provinces") to count it.
COUNTED_WINDOW = 3

FEATURES = (
    "coverage",  # idf-weighted share of the question's words in the sentence (and, at half weight, the one before)
    "passage_coverage",  # the same share over the whole passage and its title
    "similarity",  # cosine of the question and the sentence (late-chunked sentence vector)
    "rank_score",  # 1 / (1 + retrieval rank of the passage)
    "typed",  # the question asks for a value (name, date, number), not a sentence
    "answer_near",  # for typed questions: 1 / (1 + words between the answer and the question's words)
    "answer_on_focus",  # for typed questions: the answer is next to the noun asked about ("12 homes", "budget of
    # $4 million"): 1; a bare number in a sentence that mentions it: 0.5; a number of something else ("two rounds"): 0
    "answer_specific",  # for typed questions: the answer holds a number or a proper name ("April 2", not "evening")
    "answer_first_kind",  # for typed questions: the answer is of the type's own kind, a person for "who" (which may
    # also be answered by an organisation: "Who will train the welders?"), a town or a building for "where"
    "focus_in_sentence",  # the noun the question is about is in the sentence
    "predicate_in_sentence",  # the question's main verb ("voted", "lost") is in the sentence or the one before
    "constraints_in_sentence",  # share of the question's constraints the sentence (or the one before) mentions
    "has_constraints",  # the question names something (a name, a year, a number ...)
    "relation_coverage",  # coverage of the question's other words, without the names, numbers and dates it names:
    # a sentence about the same town or person that says something else about it scores low
    "gives_what_is_asked",  # for "why" questions a reason is given (a causal word, or someone's account), for
    # "what did X say" someone's words; 1 for other questions
    "subject_in_sentence",  # the name the question is about ("China" in "How did China respond?") is in the
    # sentence or the one before; 1 when the question's subject is no name
)


@dataclass
class Candidate:
    passage_rank: int
    passage: Passage
    start: int  # sentence offsets local to the passage text
    end: int
    features: dict[str, float]
    answers: list[Entity] = field(default_factory=list)  # fitting entities, offsets local to the passage
    score: float = 0.0

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def answer(self) -> Entity | None:
        """The answer entity: the fitting entity nearest to the question's words."""
        return self.answers[0] if self.answers else None

    def answer_text(self) -> str | None:
        entity = self.answer
        return self.passage.text[entity[0] : entity[1]] if entity else None


def text_stems(text: str) -> set[str]:
    """The stems of `text`, its hyphenated words also read as one ("cease-fire" is "ceasefire" too)."""
    found = set(stems(text))
    if "-" in text:
        found.update(stems(text.replace("-", "")))
    return found


def sentence_spans(passage: Passage) -> list[tuple[int, int]]:
    """The passage's sentences as stored at ingest, or split now for a passage without them."""
    return [(int(s), int(e)) for s, e in passage.sentence_spans] or split_sentences(passage.text)


def span_before(candidate: Candidate) -> tuple[int, int] | None:
    """Where the sentence before the candidate's stands in its passage (None for the passage's first)."""
    before = [(s, e) for s, e in sentence_spans(candidate.passage) if e <= candidate.start]
    return before[-1] if before else None


def span_after(candidate: Candidate, next_paragraph: bool = False) -> tuple[int, int] | None:
    """Where the sentence after the candidate's stands in its passage, in the same paragraph; with
    `next_paragraph`, also the first of the next one, since news paragraphs are often one sentence long. Never
    across a blank line, which ends a section (None then, and for the passage's last sentence)."""
    after = [(s, e) for s, e in sentence_spans(candidate.passage) if s >= candidate.end]
    if not after or candidate.passage.text[candidate.end : after[0][0]].count("\n") > int(next_paragraph):
        return None
    return after[0]


def with_sentence_before(candidate: Candidate) -> str:
    """The candidate's sentence with the one before it, which often names who or where ("In Alder Springs, ...")."""
    return sentence_with_the_one_before(candidate.passage, candidate.start, candidate.end)


def sentence_with_the_one_before(passage: Passage, start: int, end: int) -> str:
    """passage.text[start:end], a sentence, with the one before it in its passage (none for the passage's first)."""
    before = [s for s, e in sentence_spans(passage) if e <= start][-1:]
    return passage.text[before[0] if before else start : end]


def _similarities(passage: Passage, query: "np.ndarray | None", spans: list[tuple[int, int]]) -> list[float]:
    if query is None or not passage.sentence_vectors or not passage.sentence_spans:
        return [0.0] * len(spans)
    return [float(x) for x in unpack(passage.sentence_vectors) @ query][: len(spans)] + [0.0] * max(
        0, len(spans) - len(passage.sentence_spans)
    )


class ConstraintChecker:
    """Where the question's constraints hold: in a sentence, else in its article (read once per article)."""

    def __init__(self, constraints: Sequence[Constraint], article_text: ArticleText | None) -> None:
        self.constraints = list(constraints)
        self._article_text = article_text

    def share_in(self, text: str) -> tuple[float, list[Constraint]]:
        """The share of the question's constraints `text` mentions, and those it does not."""
        if not self.constraints:
            return 1.0, []
        normalised = normalise(text)
        tokens = set(words(text))
        held = {id(c) for c in self.constraints if c.holds_in(normalised, tokens)}
        missing = [c for c in self.constraints if id(c) not in held and not self._alternative_held(c, held)]
        return 1 - len(missing) / len(self.constraints), missing

    def _alternative_held(self, constraint: Constraint, held: set[int]) -> bool:
        return constraint.alternatives is not None and any(
            other.alternatives == constraint.alternatives and id(other) in held for other in self.constraints
        )

    def hold_in_article(self, passage: Passage, missing: list[Constraint]) -> bool:
        """Whether the constraints the sentence misses all hold in its article (one of each "X or Y" group)."""
        if not missing:
            return True
        if self._article_text is not None:
            article = self._article_text(passage.article_id)
        else:
            article = article_terms(passage.title, passage.text, passage.published)
        held = {id(c) for c in missing if article.holds(c) or _published_on(c, passage)}
        return all(id(c) in held or self._alternative_held(c, held) for c in missing)


def _published_on(constraint: Constraint, passage: Passage) -> bool:
    """A date or year constraint also holds for an article published then ("the July 3 call", reported July 3)."""
    if not passage.published:
        return False
    year, month, day = passage.published.split("-")
    if constraint.kind == "year":
        return constraint.keys[0] == year
    if constraint.kind == "date":
        return int(constraint.keys[0]) == int(month) and constraint.keys[1] == str(int(day))
    return False


def find_candidates(
    analysis: QuestionAnalysis,
    passages: list[Passage],
    idf: IdfFunction,
    query_vector: Sequence[float] | None = None,
    article_text: ArticleText | None = None,
    knows: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Every sentence of `passages` that can answer (see the module docstring), with its features."""
    import numpy as np

    question = analysis.question
    query = np.asarray(query_vector, dtype=np.float32) if query_vector is not None else None
    query_stems = set(stems(question))
    total_weight = sum(idf(s) for s in query_stems) or 1.0
    question_words = set(words(question))
    focus_stems = noun_stems(analysis.focus) if analysis.focus else set()
    predicate_stems = _predicate_stems(analysis)
    subject_stems = set(stems(analysis.subject)) if analysis.subject else set()
    checker = ConstraintChecker(analysis.constraints, article_text)
    named_stems = set(stems(" ".join([c.text for c in analysis.constraints] + [e for e, _ in analysis.entities])))
    relation_stems = query_stems - named_stems
    relation_weight = sum(idf(s) for s in relation_stems)
    candidates: list[Candidate] = []
    seen: set[tuple[str, int]] = set()
    rank_asked = _rank_below_the_top(question)
    for rank, passage in enumerate(passages):
        whole = set(stems(f"{passage.title} {passage.text}"))

        passage_coverage = sum(idf(s) for s in query_stems & whole) / total_weight
        spans = sentence_spans(passage)
        previous: set[str] = set()
        previous_text = ""
        for (start, end), similarity in zip(spans, _similarities(passage, query, spans)):
            text = passage.text[start:end]
            sentence_stems = text_stems(text)
            context, previous = previous, sentence_stems
            context_text, previous_text = previous_text, text
            key = (passage.article_id, passage.start + start)
            if key in seen or len(text.split()) < MIN_SENTENCE_WORDS:
                continue
            seen.add(key)
            if _whole_line(passage.text, start, end) and looks_like_headline(text):
                continue  # a headline, section label or caption: a line that is no sentence
            answers: list[Entity] = []
            quote_start = start
            if analysis.answer_type in ("person", "organisation", "place") and _lists_options(analysis, passage,
                                                                                            start, end):  # fmt: skip
                continue  # "the finalists are Deputy Chief Marcus Bell, ... and ...": none picked yet (nor who said so)
            if analysis.typed:
                answers = _answer_entities(analysis, passage, start, end, question, question_words)
                speaker = _speaker_before(analysis, passage, spans, start, end, question, question_words)
                if speaker:
                    answers, quote_start = speaker  # "Who said ...?": the person named before "..., she said"
                if not answers:
                    continue
            # the sentence before often names who and where ("In Alder Springs, ..."; "Brantley's budget ...")
            share, missing = checker.share_in(f"{context_text} {text}")
            if (not checker.hold_in_article(passage, missing) or _names_a_rival(passage, start, end, missing)
                    or _names_another_period(text, missing)
                    or _names_another_number(text, analysis.constraints)
                    or _names_a_namesake(passage, start, end, analysis.constraints, analysis.answer_type)):  # fmt: skip
                continue
            settings = _opening_settings(passage, start, end)
            if settings and _set_in_another_place(passage, settings, checker.share_in(text)[1]):
                continue
            if _of_another_instance(text, question, checker):
                continue  # "In 2019, lineman Curtis Bell was hurt in a similar fall": another event than the one asked
            if rank_asked is not None and not rank_asked.search(text):
                continue  # "What was the second-lowest bid?": not "the lowest of four bids", which gives no other
            own = query_stems & sentence_stems
            from_context = (query_stems & context) - own
            coverage = (sum(idf(s) for s in own) + CONTEXT_WEIGHT * sum(idf(s) for s in from_context)) / total_weight
            sentence_features = {
                "coverage": coverage,
                "passage_coverage": passage_coverage,
                "similarity": similarity,
                "rank_score": 1.0 / (1 + rank),
                "typed": float(analysis.typed),
                "answer_near": 0.0,
                "answer_on_focus": 0.0,
                "answer_specific": 0.0,
                "answer_first_kind": 0.0,
                "focus_in_sentence": float(bool(focus_stems) and focus_stems <= sentence_stems),
                "predicate_in_sentence": float(
                    not predicate_stems or bool(predicate_stems & (all_stems(text) | all_stems(context_text)))
                ),
                "constraints_in_sentence": share,
                "gives_what_is_asked": float(gives_what_is_asked(analysis.answer_type, text, analysis.predicate)),
                "subject_in_sentence": float(not subject_stems or bool(subject_stems & (sentence_stems | context))),
                "has_constraints": float(bool(analysis.constraints)),
                "relation_coverage": (
                    (
                        sum(idf(s) for s in relation_stems & sentence_stems)
                        + CONTEXT_WEIGHT * sum(idf(s) for s in (relation_stems & context) - sentence_stems)
                    )
                    / relation_weight
                    if relation_weight
                    else 1.0
                ),
            }
            if not answers:
                candidates.append(Candidate(rank, passage, quote_start, end, sentence_features))
            # a value question: each fitting entity of the sentence is a candidate of its own, so the
            # ranker weighs how close and how precise each value is, not only the sentence around it
            for entity in answers[:MAX_VALUES_PER_SENTENCE]:
                features = {
                    **sentence_features,
                    "answer_near": _nearness(passage.text, entity, start, end, query_stems),
                    "answer_on_focus": _on_focus(passage.text, entity, focus_stems, sentence_stems),
                    "answer_specific": _specific(passage.text[entity[0] : entity[1]]),
                    "answer_first_kind": float(entity[2] in _FIRST_KINDS.get(analysis.answer_type, (entity[2],))),
                }
                candidates.append(Candidate(rank, passage, quote_start, end, features, [entity]))
    return naming_first(analysis, measures_first(analysis, candidates), question)


def naming_first(analysis: QuestionAnalysis, candidates: list[Candidate], question: str) -> list[Candidate]:
    """A "Which firm ...?" question asked for a sentence: only the sentences that name something the question
    does not, when any does ("In which city ...": "in the river city of Orlow", not "the city's leaders
    met"); all of them when none does ("Which option did the board choose?": "the cheaper option")."""
    if analysis.typed or not analysis.asks_which:
        return candidates
    naming = [c for c in candidates if names_not_asked(c.passage, c.start, c.end, question)]
    return naming or candidates


def measures_first(analysis: QuestionAnalysis, candidates: list[Candidate]) -> list[Candidate]:
    """A "how deep / cold / fast ...?" question: when any passage gives a measure with its unit ("9 degrees",
    "3 feet"), a bare number ("three" firefighters hurt) is no answer; when none does, it may be one ("a
    magnitude 5.8 quake", "40 stories")."""
    if analysis.answer_type != "measure" or not any(c.answer and c.answer[2] == "QUANTITY" for c in candidates):
        return candidates
    return [c for c in candidates if c.answer is None or c.answer[2] == "QUANTITY"]


def _names_a_namesake(passage: Passage, start: int, end: int, constraints: Sequence[Constraint],
                      answer_type: str) -> bool:  # fmt: skip
    """Whether the sentence names, by given name and surname, another person of the surname of one the question
    names in full, and not that one's given name: "His son Gordon Pruitt took over in 1981" does not answer "When did
    Harold Pruitt die?"."""
    if answer_type in ("person", "organisation"):
        return False  # "Who was Harold Pruitt married to?": "his wife, Edna Pruitt"
    # (not "Harold Pruitt's son": the question asks of another of the family)
    asked = [_name_words(c.text) for c in constraints
             if c.kind == "name" and c.label == "PERSON" and not c.text.endswith(("'s", "’s"))]  # fmt: skip
    asked = [person for person in asked if len(person) > 1]
    if not asked:
        return False
    sentence = set(_name_words(passage.text[start:end]))
    named = [_name_words(passage.text[s:e]) for s, e, label in passage.entities
             if label == "PERSON" and start <= s and e <= end]  # fmt: skip
    return any(len(name) > 1 and name[-1] == person[-1] and name[0] != person[0] and person[0] not in sentence
               for person in asked for name in named)  # fmt: skip


def _name_words(text: str) -> list[str]:
    """The words of a name, without a possessive's "'s" ("Ada Renn's": "ada", "renn")."""
    return [w.removesuffix("'s").removesuffix("’s") for w in words(text)]


# Labels of names that a rival of the same kind can stand in for: "Greer County" and "Tolliver County".
_RIVAL_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
# A name whose last word is joined to the one before: that word is one of two things the name lists, not its kind.
_JOINED_LAST_WORD = re.compile(r"(?:&|\band)\s+\S+$")


def _names_a_rival(passage: Passage, start: int, end: int, missing: list[Constraint]) -> bool:
    """Whether the sentence names, in place of a name the question asks about and the sentence lacks, another
    of the same kind: "Tolliver County" for a question about Greer County, "Harlan Middle School" for one about
    Dunning Middle School. Such a sentence is about the other one, whatever its article says elsewhere."""
    asked = [c for c in missing if c.kind == "name" and c.label in _RIVAL_LABELS and c.alternatives is None]
    if not asked:
        return False
    for s, e, label in passage.entities:
        if s < start or e > end or label not in _RIVAL_LABELS:
            continue
        joined = bool(_JOINED_LAST_WORD.search(passage.text[s:e]))
        named = [w.removesuffix("'s") for w in words(passage.text[s:e]) if w != "the"]
        for constraint in asked:
            if joined and not _JOINED_LAST_WORD.search(constraint.text):
                continue  # "Gallowglass Steel & Bridge" names a firm of two trades, not a bridge
            wanted = [w for w in " ".join([constraint.keys[0], *constraint.near[-1:]]).split() if w != "the"]
            # same kind: they end alike ("... County", "... School"); another one: the rest differs
            if len(wanted) > 1 and len(named) > 1 and named[-1] == wanted[-1] and named[:-1] != wanted[:-1]:
                return True
            # two streets are one kind whichever word each goes by ("a fire on Dunmore Street" for "the Quarry Road
            # fire"), unless the sentence calls a street by the asked one's ("widen 3.1 miles of the pike")
            if (len(wanted) > 1 and len(named) > 1
                    and _THOROUGHFARE.search(passage.text[s:e]) and _THOROUGHFARE.search(constraint.text)
                    and wanted[-1] not in words(passage.text[start:end])):  # fmt: skip
                return True
    return False


# A sentence's first words that set it in a place: "In Tidewick, ...", "At Port Quillan the surge ...".
# Words that set a place beside the article's own: "In neighboring Osgood County", "in nearby Salem Hill".
_NEIGHBORING = r"(?:neighboring|neighbouring|nearby)"
_SETTING_OPENER = re.compile(rf"^\W*(?:In|At)\s+(?:the\s+)?(?:{_NEIGHBORING}\s+)?$")
# A sentence that tells of another event of the kind asked ("was hurt in a similar fall", "canceled its derby in 2022
# for the same reason", "A similar break-in ..."), and a question that asks of one ("Has this happened before?").
# English words for likeness and for what came before.
_ANOTHER_INSTANCE = re.compile(
    r"\b(?:a|an|another)\s+similar\s+[\w-]+\b(?!\s+(?:to|as)\b)"
    r"|\bsimilar\s+(?:problems|complaints|cases|incidents|failures|issues|concerns)\b"
    r"|\bfor\s+the\s+same\s+reasons?\b",
    re.IGNORECASE,
)
_ASKS_OF_ANOTHER_INSTANCE = re.compile(
    r"\b(?:similar|same|previous(?:ly)?|before|earlier|prior|last\s+time|ever|again|other|another|elsewhere)\b",
    re.IGNORECASE,
)
# How a sentence about another event opens: with its own time or place, or with the likeness itself ("In 2019,
# lineman Curtis Bell was hurt in a similar fall", "Last year, Dalton Supply paid ... for similar problems", "A
# similar garage proposal was rejected", "Neighboring Wexford County canceled its derby ... for the same reason");
# not one that tells the event asked and likens it after ("will close Monday for the same reason it closed last
# summer", "fined the company $45,000 on Friday, after a similar fine in 2019").
_ANOTHER_EVENT_OPENER = re.compile(
    r"\W*(?:In\s+(?:19|20)\d\d\b|Last\s+(?:year|month|spring|summer|fall|autumn|winter)\b|(?:A|An|Another)\s+similar\b|"
    rf"(?:In\s+)?{_NEIGHBORING}\b|Earlier\s+this\s+year\b|Two\s+years\s+ago\b|"
    r"In\s+(?:" + "|".join(MONTH_NUMBERS) + r")\b)",
    re.IGNORECASE,
)
# ... or tells it within: "built a similar warehouse in nearby Salem Hill", "was fined $12,000 in 2019 for similar
# problems" (the other event's own reason, in the plural), "Stroud-Galway built a similar reservoir in 2020".
_ANOTHER_EVENT_INSIDE = re.compile(rf"\bin\s+{_NEIGHBORING}\s+[A-Z]|\bfor\s+similar\s+\w+s\b"
                                   r"|\b(?!(?:after|before|with|like|of|in|to|for|from|and|or|but|as|than|at|on|by|"
                                   r"while|if|when|that|is|was|be|said|says|warned|expect|expects)\b)"
                                   r"[a-z]+\s+(?:a|an|another)\s+similar\b")
# A time a sentence gives an earlier event ("in 2019", "last year", "in September").
_ANOTHER_TIME = re.compile(
    r"\b(?:(?:in|of)\s+(?:19|20)\d\d|(?:19|20)\d\d,|last\s+(?:year|spring|summer|fall|autumn|winter|month)|"
    r"(?:in|last)\s+(?:" + "|".join(MONTH_NUMBERS) + r"))\b",
    re.IGNORECASE,
)


def _of_another_instance(text: str, question: str, checker: ConstraintChecker) -> bool:
    """Whether a sentence tells of another event of the kind asked: it likens it to the one asked ("was hurt in a
    similar fall", "for similar problems", "for the same reason"), gives it a time of its own that the question
    does not ("In 2019, ..."), and lacks a name the question gives ("Who was the Lakeview lineman hurt Thursday?").
    Not "About 30 students got sick, a similar number to ...", nor a question of the earlier event."""
    if (not _ANOTHER_INSTANCE.search(text) or _ASKS_OF_ANOTHER_INSTANCE.search(question)
            or not (_ANOTHER_EVENT_OPENER.match(text) or _ANOTHER_EVENT_INSIDE.search(text))):  # fmt: skip
        return False
    told = _ANOTHER_TIME.search(text)
    if told is None or told.group().strip(", ").split()[-1].casefold() in question.casefold():
        return False
    asked = times_asked(question)
    # it lacks a name the question gives, or the time the question gives ("fined on Friday": "in 2019")
    return any(c.kind == "name" for c in checker.share_in(text)[1]) or bool(
        asked and not matches(times_asked(text), asked))


# An opening that says its place is another than the article's: "In neighboring Osgood County, ...".
_ANOTHER_PLACE_OPENER = re.compile(rf"\b{_NEIGHBORING}\s+$", re.IGNORECASE)
# Labels the model gives an unfamiliar town or site after "In"/"At" (a person's too: "In Tidewick" is no person)
_SETTING_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _opening_settings(passage: Passage, start: int, end: int) -> list[tuple[int, int]]:
    """The names the sentence opens by setting itself in ("In Tidewick, ...", "At Port Quillan the surge ..."):
    a town's, a site's or one the model takes for a person's or a firm's, not a person's own ("In Kell's view")."""
    return [(s, e) for s, e, label in passage.entities
            if label in _SETTING_LABELS and start <= s < end and _SETTING_OPENER.match(passage.text[start:s])
            and not _POSSESSIVE_AFTER.match(passage.text, e)]  # fmt: skip


def _set_in_another_place(passage: Passage, settings: list[tuple[int, int]], missing: list[Constraint]) -> bool:
    """Whether the sentence opens by setting itself in a place ("In Tidewick, firefighters took 14 people from
    flooded houses", "At Port Quillan the surge ...") while a name the question asks about is not in it
    (`missing`, read in the sentence alone: its opening leaves the place of the sentence before), and its passage
    (or the article's title) lists that place beside the one asked ("homes in Orrin Bay and Tidewick"): it tells
    of that other place, whatever its article says of the one asked. Not a place within the one asked or of it,
    which is not listed beside it ("In the Elm Park neighborhood, ...", "At City Hall, ...", "In Orrin County,
    ..." for a town of that county, "At Hollin Freight, ..." for its town). `settings`: `_opening_settings`."""
    asked = [c for c in missing if c.kind == "name" and c.alternatives is None and c.keys]
    if not asked:
        return False
    if any(_ANOTHER_PLACE_OPENER.search(passage.text, max(0, s - 20), s) and _a_town(passage, s, e)
           for s, e in settings):  # fmt: skip
        return True  # "In neighboring Osgood County, 12 farmers filed suit": the sentence says it is elsewhere
    article = f"{passage.title}\n{passage.text}"
    return any(_listed_together(article, passage.text[s:e], c.keys[0]) for s, e in settings for c in asked)


# The last word of a site's name: "At the nearby Grange Hall" is a spot in the same town.
_A_SITE_LAST = re.compile(r"\b(?:Park|Hall|Campus|Center|Centre|School|Field|Grange|Church|Library|Lake|Beach|Mall|"
                          r"Plaza|Square|Street|Road|Avenue)$")  # fmt: skip


def _a_town(passage: Passage, start: int, end: int) -> bool:
    """Whether the model tagged the name at passage.text[start:end] as a town or a county, not a site in one."""
    return any(s == start and e == end and label == "GPE" for s, e, label in passage.entities) and not (
        _A_SITE_LAST.search(passage.text[start:end]))


# A list of names that "and", "or" or "&" closes: "Orrin Bay and Tidewick", "Brantley, Marlow and Corbin"; not a
# name and what it lies in ("Pellham, Orrin County"), which no "and" closes
_A_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_LIST_OF_NAMES = re.compile(rf"{_A_NAME}(?:\s*,\s*{_A_NAME})*\s*,?\s+(?:and|or|&)\s+{_A_NAME}")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")


def _listed_together(text: str, place: str, key: str) -> bool:
    """Whether `text` lists `place` (as written) and the name of normalised `key` side by side."""
    place_words = [w for w in re.findall(r"[\w'’-]+", place) if w.casefold() != "the"]
    if not place_words:
        return False
    place_pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, place_words)) + r"(?!\w)")
    if re.search(place_pattern.pattern, key, re.IGNORECASE):
        return False  # "In Orrin Bay, ..." for the Orrin Bay fire department: the place of the name asked
    key_pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, key.split())) + r"(?!\w)", re.IGNORECASE)
    for listed in _LIST_OF_NAMES.finditer(text):
        # each its own item, not one ("Brantley's Elm Park and Hadley Hill neighborhoods")
        items = _LIST_SEPARATOR.split(listed.group())
        places = {i for i, item in enumerate(items) if place_pattern.search(item)}
        keys = {i for i, item in enumerate(items) if key_pattern.search(item)}
        if places and keys and not places & keys:
            return True
    return False


def _names_another_period(text: str, missing: list[Constraint]) -> bool:
    """Whether the sentence names a year range other than the one the question asks about and the sentence lacks:
    "a $19.2 million budget for fiscal 2024-2025" does not answer a question about the 2023-2024 budget, whatever
    its article says of last year's."""
    return any(c.kind == "year_range" for c in missing) and bool(year_ranges(text))


# A name that ends in its number ("precinct 7", "quillport042"): the name's words and the number.
_NUMBERED_NAME = re.compile(r"(.*?[a-z])[\s-]*(\d+[a-z]?)")


def _names_another_number(text: str, constraints: Sequence[Constraint]) -> bool:
    """Whether the sentence names one of a kind by another number than the question and lacks the question's: "about
    2,300 voters are registered in Precinct 4" does not answer for Precinct 7, nor a Quillport049 sentence for
    Quillport042, whatever the article or the sentence before says of the one asked."""
    sentence = normalise(text)
    for constraint in constraints:
        if constraint.kind == "numbered":
            name, number = constraint.keys
        else:
            numbered = _NUMBERED_NAME.fullmatch(constraint.keys[0]) if constraint.keys else None
            if constraint.kind != "identifier" or numbered is None:
                continue
            name, number = numbered.groups()
        pattern = r"\W+".join(map(re.escape, name.split()))
        found = set(re.findall(rf"(?<!\w){pattern}[\s-]*(?:(?:no\.?|number)\s*)?(\d+[a-z]?)(?!\w)", sentence))
        if found and number not in found and not numbered_in(name, number, sentence):
            return True
    return False


# How many steps up the parse an answer may be from the verb that governs it ("17" -> "homes" -> "damaged").
_GOVERNING_STEPS = 4


def answer_clause(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> dict[str, float]:
    """How the clause that holds a value answer fits the question, from one parse of the candidate's sentence
    (the best candidate's only):

    - `answer_on_predicate`: 1 when the verb governing the answer is the question's main verb ("Who cast the
      lone vote?": "Vera Maddox cast the only no vote"), 0 when it is another verb ("About 240 residents
      *filled* the gym" for "How many residents voted?");
    - `predicate_similarity`: the same, graded by `word_likeness` when the verbs differ ("hurt" for
      "injured" scores high, "filled" for "voted" low);
    - `counted_similarity`: for "how many" questions, how alike the noun asked about and the noun the number
      counts are ("How many beds?": "24 beds" 1, "24 exam rooms" less, "14 intersections" little); for "how
      much N" ones, N and what the unit measures ("How much rain?": "4 inches of snow" low);
    - `mood_agrees`: 0 when the question asks about something not (yet) done and the clause tells of something
      done ("When will it hold the event?": "which opened in January"), or when the clause denies what a
      question that denies nothing asks ("Where will riders catch it?": "will no longer stop at Elm
      Street"), or when a name stands in the other place than the question word's on the question's own verb
      ("Whom did the council hire?": "The Tarnby City Council voted to hire ...", `_fills_the_slot`); else 1.
      Not the other way round: news reports plans before they happen, so "When did the
      county vote?" is answered by "voters will decide Nov. 5" in an article written before the vote. But
      a question about what has been done up to now ("How many has the plant hired so far?") is not
      answered by a plan ("expects to hire 120").

    Each is 1 when there is nothing to compare (no answer entity, a question on "is" or in the present, a
    number that counts no noun)."""
    nothing_to_compare = {"answer_on_predicate": 1.0, "answer_on_same_act": 1.0, "predicate_similarity": 1.0,
                          "counted_similarity": 1.0, "mood_agrees": 1.0}  # fmt: skip
    entity = candidate.answer
    wanted = _predicate_stems(analysis)
    counts = _counts(analysis)
    if entity is None or (not wanted and analysis.mood is None and not analysis.ahead and counts is None):
        return nothing_to_compare
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return nothing_to_compare
    span, token = clause
    verbs = _verb_and_head(token) + _done_by_the_object(span, token)
    on_predicate = not wanted or _any_of(wanted, verbs)
    # a verb of the same act in other words ("arrested" for "caught") is as like the question's as its own
    on_same_act = on_predicate or (
        analysis.predicate is not None and any(same_act(analysis.predicate, t) for t in verbs)
    )
    predicate_similarity = 1.0
    if not on_same_act and analysis.predicate:
        predicate_similarity = max(word_likeness(analysis.predicate, t.lemma_) for t in verbs)
    counted_similarity = 1.0
    if counts is not None and analysis.focus:
        counted_similarity = _counted_similarity(analysis.focus, span, counts, word_likeness)
    return {"answer_on_predicate": float(on_predicate), "answer_on_same_act": float(on_same_act),
            "predicate_similarity": predicate_similarity,
            "counted_similarity": counted_similarity, "mood_agrees": float(_agrees(analysis, span, token))}  # fmt: skip


def clause_agrees(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """`answer_clause`'s `mood_agrees` alone: whether the clause that holds the candidate's value tells of
    what the question asks in its time and polarity (true when there is nothing to compare)."""
    wanted = _predicate_stems(analysis)
    if candidate.answer is None or (not wanted and analysis.mood is None and not analysis.ahead
                                    and _counts(analysis) is None):  # fmt: skip
        return True
    clause = answer_clause_tokens(candidate)
    return clause is None or _agrees(analysis, *clause)


# How alike a sentence's word must be to a verb a yes/no question asks about to tell of the same thing ("raise":
# "increase" 0.66, "get": "receive" 0.59; "get": "need" 0.35). Word likeness also puts some opposites above it
# ("open": "close" 0.55), which lets such a sentence answer, as it did before this check. Chosen on the dev splits.
SAME_EVENT_LIKENESS = 0.58
# Verbs that tell of the same outcome, which word likeness does not put near each other ("approve": "pass" 0.44):
# deciding on something (either way: "Did the board grant the variance?" is told by "denied"), choosing someone,
# receiving something, a verdict either way ("convict": "acquit" 0.30), finishing, closing ("complete": "finish"
# 0.56, "close": "shut" 0.56). A closed class of English verbs.
_SAME_EVENT = tuple(
    all_stems(" ".join(group))
    for group in (
        ("approve", "approved", "pass", "passed", "adopt", "adopted", "ratify", "ratified", "okay", "okayed",
         "endorse", "endorsed", "authorize", "authorized", "reject", "rejected", "defeat", "defeated", "veto",
         "vetoed", "deny", "denied", "grant", "granted"),
        ("hire", "hired", "appoint", "appointed", "name", "named", "pick", "picked", "choose", "chose", "chosen",
         "select", "selected", "elect", "elected"),
        ("get", "got", "receive", "received", "win", "won", "award", "awarded", "grant", "granted"),
        ("convict", "convicted", "acquit", "acquitted"),
        ("complete", "completed", "finish", "finished"),
        ("close", "closed", "shut"),
        ("demolish", "demolished", "raze", "razed"),
    )
)  # fmt: skip


def tells_whether(analysis: QuestionAnalysis, text: str, word_likeness: WordLikeness = SAME_WORD_ONLY) -> bool:
    """Whether a sentence can answer a yes/no question: it tells of what the question asks whether it happened
    (one of the question's verbs, as a verb or a noun, a verb alike in meaning, or one of the same outcome:
    "passed" for "approve"), and, when the question asks
    whether it was done, tells of it as done or as not done, not as what may, will or has to be, nor as a
    purpose: "Did the county qualify for aid?" is not answered by "the county needs $3.2 million in damage to
    qualify", nor "Did the council okay the lines?" by "The council still has to approve them". True for other
    questions, and for a yes/no question on "be" alone ("Was the water safe?")."""
    wanted = analysis.asked_verb_forms
    if not wanted:
        return True
    stems_wanted = all_stems(" ".join(wanted))
    for token in sentence_parse(text):
        if token.pos_ not in ("VERB", "NOUN", "ADJ"):  # the tagger takes some participles for adjectives
            continue
        same = _tells_the_same_event(token, stems_wanted)
        alike = token.pos_ == "VERB" and max(word_likeness(f, token.lemma_) for f in wanted) >= SAME_EVENT_LIKENESS
        if not (same or alike):
            continue
        if not same and analysis.mood == "realised" and token.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children
        ):
            continue  # "Has Norcross hired the workers?": "Norcross employs about 350 people" tells of what is, not
            # of the hiring (a verb alike in meaning, in the plain present)
        if analysis.mood != "realised" or (_noun_told_as_done(token) if token.pos_ == "NOUN" else _told_as_done(token)):
            return True
    return False


def whether_told(analysis: QuestionAnalysis, text: str) -> Literal["yes", "no"] | None:
    """How a sentence answers a yes/no question on something done: "yes" when it tells the question's own verb (or
    its noun, or one of the same act) as done ("The board approved the levy 5-2"), "no" when it tells it as not
    done ("The board did not approve it", "No one was hurt", "Nobody died") or tells the other outcome of a decision
    ("The board rejected the levy" for "Did the board approve it?"); None when it does not tell either way, or the
    question does not ask whether something was done (nor when the question itself is negated: "Didn't ...?")."""
    wanted = analysis.asked_verb_forms
    if not wanted or analysis.negative or _ALTERNATIVES.search(analysis.question):
        return None  # (nor "Was he killed by a missile or a drone?", which asks which)
    if analysis.mood != "realised":
        return _whether_told_as_it_is(analysis, text)
    # the sentence must be of the question's case: every noun the question's verb is said of, to or with
    # ("voters" of "Did voters approve the merger?", "wire" of "guilty of taking the copper wire") stands in it
    sentence = sentence_parse(text)
    said = {stem for t in sentence for stem in _token_stems(t)}
    if not all(_token_stems(noun) & said for noun in _case_nouns(analysis)):
        return None
    stems_wanted = all_stems(" ".join(wanted))
    for token in sentence:
        if token.pos_ != "VERB" or not _told_as_done(token):
            continue
        if stems_wanted & _token_stems(token) or (analysis.predicate and same_act(analysis.predicate, token)):
            denied = _negated(token) or any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_ONE or any(d.lower_ == "no" for d in c.children))
                for c in token.children
            )  # fmt: skip
            return "no" if denied else "yes"
        if not _negated(token) and any(
            stems_wanted & first and _token_stems(token) & second for first, second in _OTHER_OUTCOMES
        ):
            return "no"  # "rejected" for "Did the board approve it?"
    return None


def _whether_told_as_it_is(analysis: QuestionAnalysis, text: str) -> Literal["yes", "no"] | None:
    """How a sentence answers a yes/no question on what is or will be ("Will the museum stay open during the work?",
    "Is Kessing keeping its prenatal clinic?"): "yes" when it tells the question's own verb (or one of the same act)
    of the question's case, in that verb's own clause, as it is or is set to be ("The museum will stay open on
    weekends"), "no" when it denies it so ("will not stay open") or gives the opposite state ("will stay closed");
    None when it tells it as done, as what may be ("could stay open"), of other things ("will keep its prenatal
    clinic" for the Saturday hours), or not at all. The case is the nouns of the question verb's own clause (not
    those of "while the roof gets fixed")."""
    question = sentence_parse(analysis.question)
    stems_wanted = all_stems(" ".join(analysis.asked_verb_forms))
    # the states the asked verb says its subject or object is or stays in: "open" of "stay open", "keep it open"
    asked_states = {t.lower_ for v in question if v.pos_ == "VERB" and stems_wanted & _token_stems(v)
                    for c in v.children for t in (c, *c.children)
                    if t.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and t.tag_ in ("JJ", "VBN")}  # fmt: skip
    case = _own_case_nouns(analysis)
    for token in sentence_parse(text):
        if token.pos_ != "VERB" or not (stems_wanted & _token_stems(token)
                                        or (analysis.predicate and same_act(analysis.predicate, token))):  # fmt: skip
            continue
        if token.dep_ in _SIDE_CLAUSES:
            continue  # "Asked whether she would request a recount, she said she would not": the asking is aside
        told = {stem for t in _clause_of(token) for stem in _token_stems(t)}
        if not all(_token_stems(noun) & told for noun in case):
            continue  # "will close on Saturdays but will keep its prenatal clinic": not the Saturday hours
        if clause_mood(token) == "realised" or clause_is_uncertain(token) or is_infinitive(token):
            return None  # "kept it open last year", "could stay open", "voted to keep it open": not how it stands
        states = {t.lower_ for t in _clause_of(token) if t.pos_ in ("ADJ", "VERB")}  # (the parser may hang "open"
        # elsewhere in the clause: "keep its clinic on Birch Street open")
        other_state = bool(asked_states) and not asked_states & states
        if other_state and not any(_OPPOSITE_STATES.get(state, frozenset()) & states for state in asked_states):
            return None  # "stay open" asked, "stay in business" told
        return "no" if _negated(token) != other_state else "yes"
    return None


# States said after a verb of keeping or being, and their opposites: "stay open" / "stay closed". English words.
_OPPOSITE_STATES = {"open": frozenset({"closed", "shut"}), "closed": frozenset({"open"}), "shut": frozenset({"open"})}


def _clause_of(verb: "Token") -> list["Token"]:
    """The words of a verb's own clause: its subtree, and the subject it shares with the verb it is joined to ("The
    clinic will close ... but will keep its prenatal clinic")."""
    shared = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] if verb.dep_ == "conj" else []
    return [*verb.subtree, *(t for s in shared for t in s.subtree)]


# Clauses hung on a sentence's news, which tell something aside of it.
_SIDE_CLAUSES = frozenset({"advcl", "acl", "relcl", "amod", "pcomp"})


def _own_case_nouns(analysis: QuestionAnalysis) -> list["Token"]:
    """`_case_nouns` of a yes/no question's verbs, without those of a clause hung on them ("while the depot roof gets
    fixed", "who live nearby")."""
    return [noun for noun in _case_nouns(analysis)
            if not any(t.dep_ in _SIDE_CLAUSES | {"ccomp"} for t in _up_to_the_asked_verb(noun, analysis))]


def _up_to_the_asked_verb(noun: "Token", analysis: QuestionAnalysis) -> list["Token"]:
    """The tokens from `noun` up to (not including) the nearest asked verb above it, or the root."""
    path: list["Token"] = []
    token = noun
    while token.head.i != token.i and not (token.head.pos_ == "VERB"
                                           and token.head.lemma_.casefold() in analysis.asked_verb_forms):  # fmt: skip
        token = token.head
        path.append(token)
    return path


_ALTERNATIVES = re.compile(r"\bor\b", re.IGNORECASE)
# Words for anyone at all, which a sentence need not name: "Did anybody die?"
_ANYONE_WORDS = frozenset({"anybody", "anyone", "anything", "somebody", "someone", "one"})


def _case_nouns(analysis: QuestionAnalysis) -> list["Token"]:
    """The nouns a yes/no question's verbs are said of, to or with: the subjects, objects and objects of prepositions
    in their clauses ("voters", "merger" of "Did voters approve the merger?"; "wire" of "find him guilty of taking
    the wire"), each the head of its phrase."""
    doc = sentence_parse(analysis.question)
    verbs = [t for t in doc if t.pos_ == "VERB" and t.lemma_.casefold() in analysis.asked_verb_forms]
    return [t for verb in verbs for t in verb.subtree
            if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "oprd") and t.pos_ in ("NOUN", "PROPN")
            and t.lower_ not in _ANYONE_WORDS]  # fmt: skip


# Words for no one as a clause's subject: "No one was hurt", "Nobody died", "None of the homes flooded".
_NO_ONE = frozenset({"nobody", "none", "nothing", "neither"})
# The two outcomes of one decision or contest, as pairs of stems: telling one answers "no" to the other.
_OTHER_OUTCOMES = tuple(
    (all_stems(first), all_stems(second))
    for first, second in (
        ("approve approved pass passed adopt adopted", "reject rejected deny denied defeat defeated veto vetoed"),
        ("convict convicted", "acquit acquitted"),
        ("win won", "lose lost"),
    )
)  # fmt: skip


def _tells_the_same_event(token: "Token", stems_wanted: frozenset[str]) -> bool:
    """Whether a word tells of the verbs whose stems are `stems_wanted`: one of them as a verb or a noun ("reopened",
    "the reopening"), a phrasal verb that means one ("stepped down" for "resign"), or a verb of the same outcome
    ("passed" for "approve")."""
    forms = _token_stems(token)
    meaning = phrasal_meaning(token) if token.pos_ == "VERB" else None
    if meaning is not None:
        forms = forms | all_stems(meaning)
    return bool(stems_wanted & forms) or (
        token.pos_ == "VERB" and any(stems_wanted & group and forms & group for group in _SAME_EVENT)
    )


# Adjectives that make a noun of doing something not (yet) done: "a list of possible cuts", "the proposed merger".
_NOT_YET_DONE = frozenset({"possible", "proposed", "planned", "potential", "future", "expected", "likely"})


def _noun_told_as_done(noun: "Token") -> bool:
    """Whether a noun of the verb asked about tells of it as done: "Approval of the budget came on a 5-2 vote"; not
    "Hiring is to begin in the spring", "will recommend a sentence of two years" or "a list of possible cuts"."""
    if any(c.dep_ == "amod" and c.lemma_.casefold() in _NOT_YET_DONE for c in noun.children):
        return False
    # the object of a verb is done as the verb is ("will recommend a sentence"); a subject has a time of its own
    # ("The board's approval in March will let the work start")
    if noun.dep_ not in ("dobj", "attr", "oprd"):
        return True
    verb = _governing_verb(noun)
    if verb.lemma_.casefold() in IRREALIS_GOVERNORS | _ASKING_FOR:
        return False  # "The planning commission recommended approval": what is asked for is not done
    return verb.pos_ not in ("VERB", "AUX") or _told_as_done(verb)


# Verbs of asking for something to be done, whose object is not done ("recommended approval", "urged a ban").
_ASKING_FOR = frozenset({"recommend", "urge", "request", "ask", "suggest", "demand", "call", "seek", "propose"})


def _told_as_done(verb: "Token") -> bool:
    """Whether a verb's clause tells of something as done or not done (or as what is), not as what may, will or
    has to be, nor as a purpose ("to get to work"), also from a clause it hangs in ("would survey residents
    before deciding")."""
    token = verb
    through_time = False
    while True:
        if clause_mood(token) == "irrealis" or clause_is_uncertain(token):
            return False
        if token is verb and _what_can_be(token):
            return False  # "The agency can fine companies up to $25,000 a day": what may be done (not "Drivers can
            # use Elm Street because crews fixed it", whose fixing is done)
        if (token is not verb and token.pos_ == "VERB" and token.lemma_.casefold() in IRREALIS_GOVERNORS
                and not through_time):  # fmt: skip
            return False  # "are talking about combining them", "plan on closing it": not (yet) done; but "debated
            # for hours before passing it" tells it passed
        if is_infinitive(token):
            head = token.head
            # "voted to approve": done when the vote was; "has to approve", "commute to get to work": not
            if (token.dep_ not in ("xcomp", "advcl") or head.lemma_.casefold() == "have"
                    or clause_mood(head) != "realised"):  # fmt: skip
                return False
            if token.dep_ == "advcl" and token.i < head.i:
                return False  # "To win approval, the marina agreed ...": a purpose stated first, not what was done
        # "Hiring is to begin in the spring": a doing that is a subject is done when its clause is
        if token.dep_ not in ("pcomp", "pobj", "prep", "advcl", "csubj") or token.head.i == token.i:
            return True
        through_time = through_time or token.lower_ in ("before", "after", "while", "until", "since")
        token = token.head


# How alike the noun a number counts must be to the noun a "how many" question asks about ("riders" for "people"
# 0.37; "treatment rooms" for "beds" 0.52 passes too, "intersections" for "cars" 0.31 and "checkouts" for "people"
# 0.26 do not). Chosen on the dev splits, below the least alike pair of any right answer there (0.37).
COUNTED_LIKENESS = 0.35


def counts_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a number answer to "How many N ...?" counts a noun unlike N: "14 intersections" for "How many cars
    travel the avenue?", "a 12-unit building" for "How many firefighters were hurt?". False when the sentence does
    not say what the number counts, or the question asks no count."""
    if (_counts(analysis) != "count" or not analysis.focus or candidate.answer is None or asks_population(analysis)
            or analysis.focus in ("enrollment", "enrolment")):  # fmt: skip
        return False  # a population or an enrollment counts people of any name ("4,300 pupils"), not a noun
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    counted = (_counted_noun(clause[0]) or _counted_by_ellipsis(clause[0])
               or _counted_by_the_sentence_before(candidate, clause[0]))  # fmt: skip
    if counted is not None and any(all_stems(analysis.focus) & _token_stems(c) for c in counted.children
                                   if c.dep_ == "conj" and c.pos_ == "NOUN"
                                   and any(a.dep_ == "amod" for a in c.children)):  # fmt: skip
        # "27 arts and cultural organizations": the parser hangs the number on the first of two words that describe
        # the noun (not "14 libraries and recreation centers", two things counted together)
        return False
    if counted is not None and _of_another_kind_by_its_compound(counted, clause[0].root, analysis):
        return True  # "610 ambulance calls" for "How many overnight calls?"
    # "How many people were arrested?": "23 arrests" counts them by the question's own verb; "How many arrests?":
    # "arrested 23 people" counts them by the sentence's
    if counted is not None and (
        all_stems(counted.lemma_) & _predicate_stems(analysis)
        or any(_a_noun_of_doing(counted.lemma_.casefold(), verb) for verb in analysis.predicate_forms)
    ):
        return False  # (or "drew 14 applicants" for "How many people applied?")
    if all_stems(analysis.focus) & _token_stems(clause[1]):
        return False
    if counted is not None and counted.lemma_.casefold() == "member" and any(
        all_stems(analysis.focus) & _token_stems(c) for c in counted.children if c.dep_ == "compound"
    ):
        return False  # "212 faculty members" counts the faculty, "40 crew members" the crew
    if counted is not None and _a_kind_of_thing(counted):
        # "one-bedroom lofts", "two-story homes": a kind of loft or home, counted by no number; "a 16-unit building"
        # is one building of 16 homes, which likeness tells ("apartments" are units)
        if all_stems(analysis.focus) & _token_stems(counted):
            return False
        described = counted.head
        while described.dep_ == "compound" and described.head.i > described.i:
            described = described.head
        if all_stems(analysis.focus) & _token_stems(described) or counted.lemma_.casefold() not in _HOMES_OF:
            return True
        if analysis.focus in _PEOPLE_ASKED_OF | _WHO_LIVE_IN_HOMES:
            return True  # "the 96-unit complex" counts its homes, not its tenants
    if (counted is not None and not _token_stems(counted) & all_stems(analysis.focus)  # (another noun than asked)
            and not _a_kind_of_thing(counted)) and (
        _described_by_the_asked(counted, analysis.focus)
        or (_counted_noun(clause[0]) is not None and _names_the_asked_apart(counted, analysis.focus))
    ):
        return True  # "FRTA buses carried 2.4 million passengers" for "How many buses are in the fleet?"
    family = _COUNTED_AS.get(analysis.focus)
    if family is not None and counted is not None and not _token_stems(counted) & family:
        return True  # "How many jobs will the marina create?": "120 new boat slips" counts no jobs, however alike
    return _counted_similarity(analysis.focus, clause[0], "count", word_likeness, counted) < COUNTED_LIKENESS


def _described_by_the_asked(counted: "Token", focus: str) -> bool:
    """Whether the noun a number counts (another than the one asked about) has the noun a "how many" question asks
    about as a word describing it: "14 bus routes" are routes, for "How many buses?"; "24 sworn officer positions,
    but only 17 are filled" counts positions, for "How many officers has the chief hired?"."""
    asked = all_stems(focus)
    return any(c.dep_ == "compound" and c.i < counted.i and _token_stems(c) & asked for c in counted.children)


def _names_the_asked_apart(counted: "Token", focus: str) -> bool:
    """Whether the sentence names the noun a "how many" question asks about apart from the noun its number counts
    (another than the one asked about), neither holding the other: the writer had the word and counted something
    else ("FRTA *buses* carried 2.4 million passengers" for "How many buses?", "The *farm's* machinery, including
    two tractors" for "How many farms?"). Not "3,100 customers, most of them households", where the asked noun
    describes those counted."""
    asked = all_stems(focus)
    within = {t.i for t in counted.subtree}
    clause = _clause_head(counted)
    # (in the number's own clause: "Twelve children were hurt when the bus carrying students overturned" names the
    # students in another)
    return any(
        token.pos_ == "NOUN" and token.i not in within and _token_stems(token) & asked
        and counted not in token.subtree and _clause_head(token) == clause
        for token in counted.doc
    )


def _clause_head(token: "Token") -> "Token":
    """The verb heading the clause a word is in (a participle or a preposition the tagger calls a verb, "including",
    heads none of its own); the sentence's root when none does."""
    for head in token.ancestors:
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("prep", "amod", "aux", "auxpass", "pcomp"):
            # (a verb joined to another with no subject of its own shares its clause: "runs 14 bus routes ... and
            # carried about 2.1 million passengers")
            while head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in head.children
            ):
                head = head.head
            return head
    return token.sent.root


# Labels the model may give a word that a number after it makes part of an identifier ("Ward" of "Ward 4", tagged as
# an organisation): such a word is no person's or body's name.
_NAMED_BY_NUMBER_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def names_one_by_its_number(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value is a number that names one of a kind rather than counting it ("Routes 2 and 15", "Precinct 7",
    "Room 12": the parser hangs the number on the capitalised noun before it), for a question that asks how many or
    how much; or, for one that asks who, a name the parser gives such a number ("a Ward 4 parent": "Ward" is no
    body, "Ward 4" a district)."""
    clause = answer_clause_tokens(candidate)
    if clause is None or candidate.answer is None:
        return False
    span = clause[0]
    if analysis.answer_type in ("count", "quantity"):
        number = next((t for t in span if _is_number(t)), None)
        while number is not None and number.dep_ == "conj" and number.head.i < number.i and _is_number(number.head):
            number = number.head  # "Routes 2 and 15": the 15 is joined to the 2, which the noun has
        if number is not None and number.dep_ == "conj" and _a_number_naming(number, number.head, joined=True):
            return True  # the parser may join the 15 to the noun itself
        return number is not None and _a_number_naming(number, number.head)
    if analysis.answer_type in ("person", "organisation") and candidate.answer[2] in _NAMED_BY_NUMBER_LABELS:
        last = span[-1]
        return any(_a_number_naming(c, last) for c in last.children if c.i == last.i + 1)
    return False


def _a_score(name: "Token", number: "Token") -> bool:
    """Whether a name and the number after it are one of two scores in a row ("Orby 58, Harrowgate 51")."""
    doc = name.doc
    after = doc[number.i + 1 : number.i + 4]
    before = doc[max(0, name.i - 2) : name.i]
    return (len(after) == 3 and after[0].text == "," and after[1].text[:1].isupper() and _is_number(after[2])) or (
        len(before) == 2 and _is_number(before[0]) and before[1].text == ",")


# Nouns the tagger may hang a number on that say how many ("complaints number 212", "a total 45"). English nouns.
_WORDS_OF_A_NUMBER = frozenset({"number", "total", "count", "tally", "sum", "figure", "population", "enrollment"})


def _a_number_naming(number: "Token", noun: "Token", joined: bool = False) -> bool:
    """Whether `number` follows the capitalised noun it is hung on (or, `joined`, is joined to it after one that is:
    "Routes 2 and 15"), which it names one of ("Route 49"), not a month or a day it dates ("Jan. 8"), nor a name the
    model tags apart from it, whose score it is ("Orby 58, Harrowgate 51"). A lowercase noun names one so too when
    it is singular, after a preposition or an article, and the number comes right after it ("across lane 3 of the
    track"; not "Harlow Falls, population 8,200" nor "kindergarten 188, first grade 175")."""
    named = noun.text[:1].isupper() or (noun.tag_ == "NN" and number.i == noun.i + 1 and noun.i > 0
                                        and noun.nbor(-1).pos_ in ("ADP", "DET")
                                        and noun.lower_ not in _WORDS_OF_A_NUMBER)
    if not (noun.i < number.i and noun.pos_ in ("NOUN", "PROPN") and named
            and noun.lower_.rstrip(".") not in MONTH_NUMBERS and noun.lower_ not in WEEKDAY_NAMES):  # fmt: skip
        return False
    if (noun.ent_type_ and noun.ent_type_ != number.ent_type_) or _a_score(noun, number):
        return False
    if joined:
        between = number.doc[noun.i + 1 : number.i]
        return number.dep_ == "conj" and bool(between) and _is_number(between[0]) and all(
            _is_number(t) or t.lower_ in ("and", "or", ",") for t in between)
    return number.dep_ == "nummod"


def _of_another_kind_by_its_compound(counted: "Token", number: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether the noun a number counts is a compound whose first word (the one the parser hung the number on) the
    question does not use, while the question gives the counted noun a word of its own: "610 ambulance calls" for
    "How many overnight calls?" (but for "How many calls did the district answer?" or "How many ambulance
    calls?")."""
    parts = [c for c in counted.children if c.dep_ == "compound" and c.i < counted.i]
    if number.head not in parts or not all_stems(counted.lemma_) & all_stems(analysis.focus or ""):
        return False
    asked = re.search(rf"\bhow many\s+((?:[\w-]+\s+)+?){re.escape(analysis.focus or '')}", analysis.question,
                      re.IGNORECASE)  # fmt: skip
    if asked is None:
        return False
    # (a name before the noun, "How many Quarrisford customers?", tells whose, not what kind)
    own = set(stems(" ".join(w for w in asked.group(1).split() if not w[:1].isupper())))
    return bool(own) and not any(_token_stems(part) & own for part in parts)


def _a_kind_of_thing(counted: "Token") -> bool:
    """Whether a number's noun is hyphen-joined to it and describes another noun: "bedroom" of "one-bedroom lofts",
    "story" of "a two-story house", "unit" of "a 16-unit building"; not "acre" of "a 1,200-acre fire", which
    measures the fire."""
    doc = counted.doc
    # (the parser may tag the described noun as anything: "a 96-bed nursing home", with "home" an adverb)
    return (counted.dep_ in ("compound", "amod", "nmod") and counted.head.i > counted.i and counted.i >= 2
            and doc[counted.i - 1].text == "-" and counted.lemma_.casefold() not in MEASURE_UNITS)  # fmt: skip


# Nouns for the homes a building is counted by ("a 16-unit building"), and for the people who live in them.
_HOMES_OF = frozenset({"unit"})
_WHO_LIVE_IN_HOMES = frozenset({"tenant", "renter", "people", "person", "occupant"})


# The endings English puts on a verb to name those who do it, or the doing: "bidder", "voter", "applicant",
# "attendee", "application".
_DOER_ENDINGS = frozenset({"er", "or", "ar", "ant", "icant", "ent", "ee", "ion", "ation", "ication", "ist"})


def _a_noun_of_doing(noun: str, verb: str) -> bool:
    """Whether `noun` names those who do `verb`, or the doing, by a regular ending: "applicant" of "apply",
    "bidder" of "bid", "voter" of "vote", "attendee" of "attend"; not "passenger" of "pass"."""
    verb = verb.casefold()
    for base in {verb, verb[:-1] if verb.endswith(("e", "y")) else verb}:  # "employ-ee", "vot-er"
        rest = noun[len(base):]
        if len(base) >= 3 and noun.startswith(base) and (
            rest in _DOER_ENDINGS or (rest[:1] == base[-1] and rest[1:] in _DOER_ENDINGS)  # "bid-d-er"
        ):
            return True
    return False


# Nouns that count what a "how many" question asks by a noun word likeness places too near others ("jobs": "boat"
# 0.40, "fields" 0.37, above COUNTED_LIKENESS; "employees": "customers"): the English nouns news counts jobs and
# those who hold them by.
_JOBS_AND_WORKERS = all_stems("job jobs position positions worker workers employee employees people person hire hires "
                              "layoff layoffs opening openings staff staffer staffers post posts workforce member "
                              "members")
_COUNTED_AS = {noun: _JOBS_AND_WORKERS for noun in ("job", "employee", "worker", "staffer", "workforce")}


# How alike a word of the sentence must be to the sum a money question names ("wage": "pay" 0.73, "salary":
# "pay" 0.54, "fare": "ticket" 0.52; "rent": "financing" 0.50 and "spend" 0.47, "salary": "cost" 0.30 are not).
SUM_LIKENESS = 0.5
# Sums earned, and the verbs that tell of earning one; other sums are charged.
_EARNINGS = frozenset({"salary", "wage", "pay", "pension", "severance"})
# Words for one earning ("will earn a $160,000 salary, and her pay could rise": the salary is her pay). English.
_ONE_EARNING = frozenset({"salary", "pay", "wage"})
_YEARLY = frozenset({"salary", "pension"})
# Sums paid by the unit of work, whatever it is ("a stipend of $35 per game", "a wage of $19 an hour"). English.
_PAID_PER_UNIT = frozenset({"stipend", "wage"})
_EARNING_VERBS = frozenset({"make", "earn", "pay", "get", "receive"})
_CHARGING_VERBS = frozenset({"cost", "charge", "run", "face", "set"})


def _earned(text: str, sentence: tuple[int, int], at: int) -> bool:
    """Whether the sum at text[at:] is earned in its sentence (text[sentence[0]:sentence[1]]): its verb is one of
    earning ("will earn $18 an hour", "will pay referees a stipend of $35 per game"; not "will charge $3 per
    swimmer")."""
    doc = sentence_parse(text[sentence[0] : sentence[1]])
    token = next((t for t in doc if t.idx >= at - sentence[0]), None)
    return token is not None and _governing_verb(token).lemma_.casefold() in _EARNING_VERBS


def sums_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answers "What is the salary / rent / fare ...?" from a sentence that names no such sum: "What
    rent will the apartments charge?" is not answered by "up to $38 million in tax increment financing", nor
    "What's the starting salary?" by "positions which will cost about $1.9 million a year". False for other
    questions."""
    if analysis.answer_type != "money" or analysis.focus not in SUM_OF_MONEY_NOUNS or candidate.answer is None:
        return False
    if re.search(rf"(?i)\b(?:did|does|do|will|would|should|must|can|could)\s+(?:(?!(?:the|a|an|its|their|his|her)\s)"
                 rf"[\w'’.-]+\s+){{1,5}}?{re.escape(analysis.focus)}\b", analysis.question) and not re.search(
        rf"(?i)['’]s\s+{re.escape(analysis.focus)}\b", analysis.question):  # (not "What will Orrin's pay be?")
        return False  # "How much did Cedar Gap pay for its new truck?" names no sum ("pay" is its verb)
    focus_stems = _with_same_sums(all_stems(analysis.focus))
    clause = answer_clause_tokens(candidate)
    kind = _the_sums_noun(clause[0]) if clause is not None else None
    if (kind is not None and kind.lemma_.casefold() in SUM_OF_MONEY_NOUNS | _PERSONAL_SUMS
            and not focus_stems & _token_stems(kind)
            and not {kind.lemma_.casefold(), analysis.focus} <= _ONE_EARNING
            and any(t.pos_ == "NOUN" and t != kind and focus_stems & _token_stems(t) for t in kind.doc)):  # fmt: skip
        return True  # "a $1,500 monthly stipend on top of his current salary" is no salary
    # "Workers will make $20 an hour" is pay; "A ride costs $2.50" a fare; "positions that will cost $1.9 million"
    # no salary
    if clause is not None and clause[1].lemma_.casefold() in (
        _EARNING_VERBS if analysis.focus in _EARNINGS else _CHARGING_VERBS
    ):
        return False
    for token in sentence_parse(candidate.text):
        if token.pos_ not in ("NOUN", "VERB"):
            continue
        if focus_stems & _token_stems(token):
            return False
        if word_likeness(analysis.focus, token.lemma_) >= SUM_LIKENESS:
            return False
    return True


def _the_sums_noun(value: "Span") -> "Token | None":
    """The noun a sum is the amount of: "stipend" of "a $1,500 monthly stipend" and of "a stipend of $9,200"; None
    when the sentence names none ("rose to $95,000")."""
    root = value.root
    if root.dep_ in ("nummod", "nmod", "compound", "amod", "quantmod") and root.head.pos_ == "NOUN" and (
        root.head.i > root.i
    ):
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        return root.head.head
    return None


# Words for one sum that news uses alike ("held on $25,000 bond" is the bail asked about; "seeks $3.5 million in
# damages" is what a lawsuit asks; "a penalty of $2,000 for each day" is the fine).
_SAME_SUMS = (all_stems("bail bond"), all_stems("lawsuit suit complaint claim damages"), all_stems("fine penalty"))


def _named_stems(analysis: QuestionAnalysis) -> frozenset[str]:
    """The stems of the names, years and numbers the question gives (its constraints)."""
    return all_stems(" ".join(constraint.text for constraint in analysis.constraints))


def _with_same_sums(stems_asked: frozenset[str]) -> frozenset[str]:
    """The stems, with the other words for a sum one of them names."""
    return stems_asked.union(*(group for group in _SAME_SUMS if group & stems_asked))


# Nouns that stand for any undertaking: "What did the work cost?" asks about the renovation the article sizes.
_GENERAL_NOUNS = frozenset({"work", "project", "job", "effort", "undertaking", "thing"})


def sizes_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answering a money question is the size of a thing the question does not ask about: "held on
    $25,000 bond" for "How much cash did deputies find?", "a $31 million plan to rebuild the wharf" for what a
    hotel will cost. A sum before a noun sizes it; the question asks about that noun when a word of its phrase is
    one of the question's own (besides the names it gives: the plan may name the same town) or the noun is like
    the question's focus. False for other questions, and for a sum that sizes no noun ("spent $2 million")."""
    if analysis.answer_type != "money" or candidate.answer is None or _GENERAL_NOUNS & set(analysis.content_lemmas):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span = clause[0]
    top = span.root  # its head stands outside the sum
    noun = top.head
    if top.dep_ not in ("nummod", "nmod", "compound", "amod") or noun.pos_ != "NOUN" or span.start <= noun.i < span.end:
        return False
    asked = _with_same_sums(all_stems(" ".join(analysis.content_lemmas)) - _named_stems(analysis))
    # the noun's phrase, and what the verb it hangs on does it for ("approved a $7.5 million bond to build ...")
    purposes = [c for c in noun.head.children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i]
    phrase = [t for t in [*noun.subtree, *(w for c in purposes for w in c.subtree)]
              if not span.start <= t.i < span.end and t.pos_ in ("NOUN", "VERB", "ADJ")]  # fmt: skip
    if any(_token_stems(t) & asked for t in [*phrase, *_put_at_the_sum(noun)]):
        return False
    if noun.lemma_.casefold() in _PAYMENT_NOUNS and _paid_for_in_its_clause(noun, _paid_for_asked(analysis)):
        return False  # "The revaluation was done by Northgate under a $386,000 contract": what is paid for it
    return not (analysis.focus and word_likeness(analysis.focus, noun.lemma_) >= SUM_LIKENESS)


def _put_at_the_sum(noun: "Token") -> list["Token"]:
    """The nouns of what a verb puts at the sum that sizes `noun` ("set bail at $50,000 cash for Corrigan and $75,000
    cash for Etheridge": the bail), which the sum gives the size of; none when the noun hangs on no verb's
    preposition."""
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if first.dep_ != "pobj" or first.head.dep_ != "prep" or first.head.head.pos_ != "VERB":
        return []
    return [t for c in first.head.head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
            if t.pos_ == "NOUN"]


# Nouns of an agreement to pay, whose sum is what is paid for what their clause names ("under a $386,000
# contract"). English nouns.
_PAYMENT_NOUNS = frozenset({"contract", "deal", "agreement", "award", "settlement", "purchase"})


def _paid_for_in_its_clause(noun: "Token", asked: frozenset[str]) -> bool:
    """Whether the verb an agreement to pay hangs on (and the verb its participle clause tells more of: "voted to
    buy a ladder truck, awarding a $1.38 million contract") has a word of the question among its subjects and
    objects ("The revaluation was performed by Northgate under a $386,000 contract")."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    verbs = [verb]
    if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG":
        # (the clause it tells more of, and what that clause's verb was done to: "voted to buy ..., awarding ...")
        verbs += [verb.head, *(c for c in verb.head.children if c.dep_ in ("advcl", "xcomp") and c.i < verb.i)]
    arguments = [c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    arguments += [o for v in verbs for c in v.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return any(_token_stems(t) & asked for a in arguments if a is not noun and noun not in a.subtree
               for t in a.subtree if t.pos_ in ("NOUN", "PROPN"))


def _paid_for_asked(analysis: QuestionAnalysis) -> frozenset[str]:
    """The stems of what a money question asks the sum paid for, besides its names: its words outside a clause
    that tells why or so that ("How much will it cost to fix up the station so the ladder truck fits?": not
    "truck")."""
    doc = sentence_parse(analysis.question)
    aside = {t.i for c in doc if c.dep_ == "advcl" for t in c.subtree}
    return _with_same_sums(all_stems(" ".join(t.lemma_ for t in doc if t.i not in aside and t.pos_ in ("NOUN", "VERB")))
                           - _named_stems(analysis))


def lasts_for_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a length of time answering "How long ...?" is joined to a noun the question does not ask about as a
    word of it: "in its 28-year history" for how long a park will be closed, "a 10-year abatement" for how long
    layoffs will last. Not when a word of the noun's phrase is one of the question's (besides its names: "a six-day
    strike" for how long the strike lasted) or the noun is like a word of the question ("a three-year contract" for
    how long the deal is); nor for a length joined to no noun ("closed for 14 months"). So too for a measure: "a
    40-foot section of the wall" is no depth of the floodwater (but for "How far ...?", "a 3-mile drive")."""
    answer = candidate.answer_text() or ""
    measured = analysis.answer_type == "measure" and analysis.question_word != "how far"
    # (a length hyphen-joined to its noun, or one in the possessive: "60 days' notice")
    if (analysis.answer_type != "duration" and not measured) or candidate.answer is None or not (
        "-" in answer or answer.endswith(("'", "’"))
    ):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span = clause[0]
    top = span.root
    noun = top.head
    if (top.dep_ not in ("nummod", "nmod", "compound", "amod", "poss") or noun.pos_ != "NOUN"
            or span.start <= noun.i < span.end):  # fmt: skip
        return False
    if top.dep_ == "poss" and noun.lemma_.casefold() in _DURATION_WORDS | {"worth"}:
        return False  # "will reopen in two weeks' time": the length itself
    asked_lemmas = [lemma for lemma in analysis.content_lemmas if lemma not in _DURATION_WORDS]
    asked = all_stems(" ".join(asked_lemmas)) - _named_stems(analysis)
    phrase = [t for t in noun.subtree if not span.start <= t.i < span.end and t.pos_ in ("NOUN", "VERB", "ADJ")]
    if any(_token_stems(t) & asked for t in phrase):
        return False
    # "a 30-day cease-fire" for "How long was the ceasefire?": the noun written with a hyphen or without
    joined = "".join(t.lower_ for t in noun.subtree if t.text != "-")
    if any(len(lemma) > 3 and lemma.replace("-", "") in joined for lemma in asked_lemmas):
        return False
    if _token_stems(noun) & _AGREEMENTS and all_stems(" ".join(asked_lemmas)) & _AGREEMENTS:
        return False  # "a five-year, $11.2 million transportation contract" for how long the deal runs
    return not any(word_likeness(lemma, noun.lemma_) >= SUM_LIKENESS for lemma in asked_lemmas)


# Words news uses alike for one agreement, which word likeness places apart ("deal": "contract"). English nouns.
_AGREEMENTS = all_stems("deal deals contract contracts agreement agreements pact pacts accord accords lease leases")


# Words of a question of how long that say nothing of what lasts ("How long is it?", "How many years ...?").
_DURATION_WORDS = frozenset({"long", "time", "year", "month", "week", "day", "hour", "minute", "last", "take"})


def shares_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a percentage answering a percent question is a share of something the question does not ask about:
    "54.3 percent of the vote" for "What interest rate will the county pay?", "80 percent of the cost" for a bus
    route's on-time rate. The percentage says what it is a share of ("of the vote"); the question asks about that
    when it names it or a word like its focus. False for other questions, and for a percentage of nothing named
    ("rose 8 percent")."""
    if analysis.answer_type != "percent" or candidate.answer is None:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span = clause[0]
    of = next((c for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end), None)
    whole = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) if of else None
    if whole is None:
        return False
    question_stems = all_stems(analysis.question)
    if _token_stems(whole) & question_stems or _token_stems(clause[1]) & question_stems:
        return False  # "graduated 88 percent of its seniors" for the graduation rate
    if _abbreviated(whole, analysis.question):
        return False
    return not (analysis.focus and word_likeness(analysis.focus, whole.lemma_) >= SUM_LIKENESS)


def _abbreviated(noun: "Token", question: str) -> bool:
    """Whether the question writes `noun`'s phrase by its initials: "GDP" for "gross domestic product"."""
    words_of_phrase = [t.text for t in noun.children if t.dep_ in ("amod", "compound") and t.i < noun.i] + [noun.text]
    initials = "".join(word[0] for word in words_of_phrase).casefold()
    return len(initials) >= 2 and any(
        word.casefold() == initials for word in re.findall(r"\b[A-Z]{2,6}\b", question)
    )


# Words of any money question, which say nothing of what the sum is for, and verbs that only say when or whether
# ("is going to cost", "ended up paying", "expected to cost").
_MONEY_QUESTION_WORDS = all_stems("cost spend pay price money much dollar amount total tag charge bill sum end wind "
                                  "turn come " + " ".join(IRREALIS_GOVERNORS))
# How alike a word of the sentence must be to one of the question's to tell of the same thing ("house": "home").
SAME_THING_LIKENESS = 0.6


# Subjects that stand for what the sentence before names: "It cost $685,000".
_POINTING_PRONOUNS = frozenset({"it", "this", "that"})


def pays_for_something_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answering a money question comes from a sentence that names nothing the sum is asked for:
    "Stabilizing the building would cost about $3.1 million" for what knocking the house down will cost, "The
    group spent about $18,000 on mailers" for what the levy asked voters for. The question's words besides the
    names it gives, its words of money and words for any undertaking ("the work") must have one in the sentence,
    as written or alike in meaning; True when none has. False for other questions, and for a question with no
    such word ("What did it pay?")."""
    if analysis.answer_type != "money" or candidate.answer is None:
        return False
    not_asked = _named_stems(analysis) | _MONEY_QUESTION_WORDS
    asked = [lemma for lemma in analysis.content_lemmas
             if lemma not in _GENERAL_NOUNS and not all_stems(lemma) & not_asked]  # fmt: skip
    # (a word that only describes is not enough to ask for: "the final price tag" asks the price of what the
    # question names; "the average hourly pay" may still be found by "average")
    describing = {t.lemma_.casefold() for t in sentence_parse(analysis.question) if t.pos_ == "ADJ"}
    if all(lemma in describing for lemma in asked):
        return False
    doc = sentence_parse(candidate.text)
    said = [t for t in doc if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ")]
    before = span_before(candidate)
    if before is not None and ((doc[0].dep_ in ("nsubj", "nsubjpass") and doc[0].lower_ in _POINTING_PRONOUNS
                                and any(t.lemma_ == "cost" and t.pos_ == "VERB" for t in doc))
                               or (doc[0].dep_ == "poss" and doc[0].lower_ in _OWNERS_BEFORE
                                   and doc[0].head.dep_ in ("nsubj", "nsubjpass")
                                   and doc[0].head.lemma_.casefold() in _PERSONAL_SUMS)):  # fmt: skip
        # "It cost $685,000": the cost of what the sentence before names ("The new barn is 80 by 160 feet"); not
        # "It paid $1.1 million in taxes", where the pronoun is the payer. "Their pay, about $38,000, will come
        # from ...": the pay of those the sentence before names (not "Its cost", whose "its" may be anything the
        # sentence before names)
        said += [t for t in sentence_parse(candidate.passage.text[before[0] : before[1]]) if t.pos_ == "NOUN"]
    if any(_with_same_sums(all_stems(" ".join(asked))) & _token_stems(t) for t in said):
        return False
    return not any(word_likeness(lemma, t.lemma_) >= SAME_THING_LIKENESS for lemma in asked for t in said
                   if t.pos_ == "NOUN")  # fmt: skip


# Possessive pronouns that open a sentence about whose pay it is, named in the sentence before ("Their pay ...").
_OWNERS_BEFORE = frozenset({"their", "its", "his", "her"})


def counts_anothers(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a number answer to "How many N does X have?" counts the N of another named one: "Merriwold's 11
    teachers" for "How many teachers work at Kinloss Elementary?", "Larchmere had 41 volunteer firefighters" for
    Osprey Bay. The one the number's noun belongs to (its possessor, or the subject of "have") has a name the
    question does not give, and the question names one. False for other questions."""
    if _counts(analysis) != "count" or candidate.answer is None or not analysis.constraints:
        return False
    clause = answer_clause_tokens(candidate)
    counted = _counted_noun(clause[0]) if clause is not None else None
    if counted is None:
        return False
    owners = [c for c in counted.children if c.dep_ == "poss"]
    if counted.dep_ == "dobj" and counted.head.lemma_.casefold() in ("have", "employ"):
        owners += [c for c in counted.head.children if c.dep_ == "nsubj"]
    return _another_name_among(owners, analysis.question)


def _another_name_among(owners: list["Token"], question: str) -> bool:
    """Whether one of `owners` (possessors, subjects) is named, by no word of the question's."""
    question_stems = all_stems(question)
    for owner in owners:
        names = [t for t in owner.subtree if t.pos_ == "PROPN"]
        if names and not any(all_stems(t.text) & question_stems for t in names):
            return True
    return False


def a_sum_of_anothers(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum answering a question that names someone is the sum of another named one: "Ostrebury's share
    this year is $1.04 million" for "How much does Dunmarrow pay for the 911 center?", "Harlow's budget of $2
    million", "Harlow's $2 million budget". The noun the sum is of has a possessor whose name the question does not
    give. False for other questions, and for sums of no one's noun."""
    if (analysis.answer_type not in ("money", "quantity") or candidate.answer is None or candidate.answer[2] != "MONEY"
            or not analysis.constraints):  # fmt: skip
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    sum_token = clause[0].root
    held = None
    if sum_token.dep_ == "attr" and sum_token.head.lemma_ == "be":
        held = next((c for c in sum_token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "X's share is"
    elif sum_token.dep_ == "pobj" and sum_token.head.lower_ == "of" and sum_token.head.head.pos_ == "NOUN":
        held = sum_token.head.head  # "X's budget of $2 million"
    elif sum_token.dep_ in ("nummod", "compound", "amod") and sum_token.head.pos_ == "NOUN":
        held = sum_token.head  # "X's $2 million budget"
    if held is None:
        return False
    return _another_name_among([c for c in held.children if c.dep_ == "poss"], analysis.question)


# Nouns for people a place or a date may be asked of ("Where was the driver taken?"), beyond titles and roles.
_PEOPLE_ASKED_OF = PEOPLES_NOUNS | {"man", "woman", "boy", "girl", "teen", "teenager", "child", "kid", "passenger",
                                    "patient", "resident", "son", "daughter", "wife", "husband", "parent", "family",
                                    "hiker", "swimmer", "cyclist", "pedestrian", "motorist", "rider"}  # fmt: skip


def done_to_other_people(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a place or a date answering a question of some people ("Where was the minivan driver taken?") is
    told of others, the subject of its clause a noun for other people ("Her two children were taken by ambulance
    to Vellacott Memorial Hospital") after a sentence that calls those asked of by the question's noun (one that
    does not may call them otherwise: "students" for "kids")."""
    focus = (analysis.focus or "").casefold()
    if analysis.answer_type not in ("place", "date") or focus not in _PEOPLE_ASKED_OF:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verb = clause[1]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN":
        return False
    lemma = subject.lemma_.casefold()
    if lemma not in _PEOPLE_ASKED_OF or all_stems(lemma) & all_stems(focus):
        return False
    before = span_before(candidate)
    near = candidate.passage.text[before[0] if before else candidate.start : candidate.end]
    return bool(all_stems(focus) & set(stems(near)))


def of_another_person(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether an age or a length of time answering a question about one named person belongs to someone else the
    sentence names: "Founder Margaret Tully, 79, sold the shop to Rhea Castellanos" for "How old is Rhea
    Castellanos?", "Walter Gaines, who has lived at Cedar Court for 12 years" for "How long had Lucille Ortega lived
    there?". The value stands beside the other name, or in a clause that describes it."""
    people = _people_named(analysis)
    if analysis.answer_type not in ("age", "duration") or len(people) != 1:
        return False
    if _POSSESSIVE_END.search(people[0]) or re.search(rf"{re.escape(people[0])}['’]s?\b", analysis.question):
        return False  # "How old is Pellinwood's new top cop?" asks of another than the one named (and the model
        # may tag the possessive with the name: "Ashby Crossing's")
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = clause[0].root
    asked = all_stems(people[0])
    passage = candidate.passage
    if any(label in ("GPE", "LOC", "FAC") and all_stems(passage.text[s:e]) & asked for s, e, label in passage.entities):
        return False  # a place the model took for a person in the question ("How old is Pellinwood's new top cop?")
    for _ in range(_HOST_STEPS):
        if token.head.i == token.i:
            return False
        crossing = token.dep_ in ("relcl", "appos", "acl") or (token.dep_ in ("amod", "npadvmod", "nummod")
                                                               and token.head.pos_ == "PROPN")  # fmt: skip
        if token.dep_ == "relcl" and not any(t.lower_ in ("who", "whose", "whom") for t in token.children):
            return False  # "Harlow Fire Department, where she has served for 18 years": a clause of a place
        token = token.head
        if crossing:
            if token.pos_ != "PROPN" or _in_an_entity_of(passage, candidate.start + token.idx, _NOT_PEOPLE):
                return False
            name = all_stems(" ".join(t.text for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i))
            return not name & asked  # "The Ketterings, who have milked cows ..." for the Kettering family
    return False


_NOT_PEOPLE = frozenset({"GPE", "LOC", "FAC", "ORG"})
_A_PERSONS_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|hers)\b", re.IGNORECASE)
# Sums paid to a person, which a sentence gives the one it names: "a starting salary of $148,500" (English nouns).
_PERSONAL_SUMS = frozenset({"salary", "wage", "pay", "bail", "pension", "severance", "bonus", "raise", "stipend"})


def paid_to_another_person(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum answering "What was Gordon Fitch's salary?" is one the sentence gives another named person and
    not the one asked about: "The board voted to offer Castellanos, 46, a contract with a starting salary of
    $148,500" (neither it nor the sentence before names Fitch). A sentence that names no one ("Her salary was
    ...") is not judged."""
    if analysis.answer_type != "money" or analysis.focus not in _PERSONAL_SUMS or candidate.answer is None:
        return False
    people = _people_named(analysis)
    if len(people) != 1:
        return False
    asked = _POSSESSIVE_END.sub("", people[0].split()[-1])
    told = with_sentence_before(candidate)
    if re.search(rf"\b{re.escape(asked)}\b", told):
        return False
    people = _people_in_sentence(candidate)
    if _A_PERSONS_PRONOUN.search(told) and not _paid_one_named(candidate, people):
        return False  # "his bail", "He was ...": the person asked about, by a pronoun
    # a person named other than as who says it ("Carrack, 49, will start ..." after "hired Dr. Ysolde Carrack"; not
    # "..., Renn said")
    return any(not _a_speaker(token) for token in people.values())


def _paid_one_named(candidate: Candidate, people: dict[int, "Token"]) -> bool:
    """Whether the verb a sum hangs on has a person named for its subject (one of `people`, by index), whose a
    pronoun beside it then is ("Orlowe ... will receive a $1,500 monthly stipend on top of his current salary"; not
    "Orby will pay her")."""
    clause = answer_clause_tokens(candidate)
    return clause is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in people for c in clause[1].children)


def _people_in_sentence(candidate: Candidate) -> dict[int, "Token"]:
    """The words of the candidate's sentence (in its parse, by index) that name a person: in a name the model tagged
    there, or the surname of one it tagged elsewhere in the passage."""
    passage = candidate.passage
    tagged = [(s, e) for s, e, label in passage.entities if label == "PERSON"]
    surnames = {_POSSESSIVE_END.sub("", passage.text[s:e].split()[-1]) for s, e in tagged if passage.text[s:e].split()}
    doc = sentence_parse(candidate.text)
    named: dict[int, "Token"] = {}
    for token in doc:
        at = candidate.start + token.idx
        if any(s <= at < e for s, e in tagged) or (token.text in surnames and token.text[:1].isupper()):
            named[token.i] = token
    return named


def _a_speaker(token: "Token") -> bool:
    """Whether a word of a name is (in) the subject of a verb of saying: "..., Renn said", "Mayor Dale Renn said"."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "nsubj" and token.head.lemma_.casefold() in _SAYING_VERBS


def given_for_another_named(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value answering a question that names someone is, in a sentence that gives one value each to
    several, the one given "for" or "to" another name: "$50,000 cash for Corrigan" in "set bail at $50,000 cash for
    Corrigan and $75,000 cash for Etheridge" for "What was Etheridge's bail set at?". Only when the sentence also
    gives a value "for" or "to" the one asked about, so that its own value is there."""
    if analysis.answer_type not in _FIGURE_TYPES or candidate.answer is None:
        return False
    asked = _named_stems(analysis)
    if not asked or not asked & text_stems(candidate.text):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    value = clause[0].root
    hosts = [value, value.head] if value.dep_ in ("nummod", "nmod", "compound") else [value]
    given_to = [o for h in hosts for o in _given_to(h)]
    # (the parser may hang the "for" right after the value on the verb: "set salaries at $90,000 for Orrin")
    given_to += [o for o in _given_to(value.head.head) if o.head.i == clause[0].end] if value.dep_ == "pobj" else []
    if not any(_name_stems(o) & asked for t in value.doc for o in _given_to(t)):
        return False  # ("award a $1.8 million contract to Greenline" for what Harlow Falls is spending)
    return any(not _name_stems(o) & asked for o in given_to)


def _given_to(token: "Token") -> list["Token"]:
    """The names a word is given "for" or "to" ("$75,000 cash for Etheridge")."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("for", "to")
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]  # fmt: skip


def _name_stems(token: "Token") -> frozenset[str]:
    """The stems of the name words of a token's phrase ("Dev Anand-Morrow")."""
    return all_stems(" ".join(t.text for t in token.subtree if t.pos_ == "PROPN"))


def done_by_another_named(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a sum or a count answering "How much had Marchetti raised?" is one another name's deed of the same act:
    "Hadfield has raised $61,750" (the value's verb is the question's own, or one of the same act, or a decision to
    do it, and its subject a name sharing no word with the one the question asks of); or a date: "The City Council
    voted on Tuesday to approve the plan" for when the Planning Board signed off on it. Not judged when the
    question's subject is no name, or the sentence's subject is no name ("The campaign raised ...", "She raised
    ...")."""
    if (analysis.answer_type not in ("money", "count", "quantity", "date") or not analysis.subject
            or not analysis.predicate):  # fmt: skip
        return False
    verb = _value_verb(candidate)
    if verb is None:
        return False
    decided = _decided_the_asked_act(analysis, verb)
    if not (decided or _the_asked_act(analysis, verb)):
        return False
    # (not a dateline's place the parser made the subject: "WRENFIELD — About 8,400 members lost"; the one after it,
    # which the parser may hang on it, "ORBY - The City Council voted")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [a for c in subjects if c.text.isupper() for a in c.children if a.dep_ == "appos"]
    subject = next((c for c in subjects if not c.text.isupper()), None)
    if subject is None or subject.pos_ != "PROPN" or not _does_the_asked_act(analysis):
        return False
    if subject.dep_ == "nsubj" and _asked_in_the_passive(analysis):
        return False  # the judge who set it is no other one bailed: "What was Etheridge's bail set at?"
    if analysis.answer_type == "date" and not decided and not _two_peoples_names(analysis, subject):
        # (for a date, the act itself only between two people named, "When did Dorrance Brisk buy the farm?":
        # "Wilhelmina Tosh bought it Saturday"; "Ada Lim will be sworn in on Jan. 5" may well be Orby's new mayor,
        # and "The Tansey County Health Department will close its Orby clinic on Aug. 19" is when the clinic closes)
        return False
    named = [t.lower_ for t in subject.subtree if t.pos_ == "PROPN"]
    if all(word in _A_BODYS_KIND for word in named) and all(
        all_stems(word) <= all_stems(analysis.question) for word in named if word not in _A_TOWNS_KIND
    ):  # fmt: skip
        return False  # "The City Council approved ..." names no other town's council than "Carrowick's council" (but
        # "The City Council voted" is another body than the Planning Board asked about)
    return not _name_stems(subject) & all_stems(analysis.subject)


# The words of a local body's name that say only what kind it is ("the City Council", "the Board of Education"):
# such a name may be that of the body asked about under its town's name. English words.
_A_TOWNS_KIND = frozenset({"city", "town", "village", "township", "borough", "of"})
_A_BODYS_KIND = _A_TOWNS_KIND | {"school", "planning", "zoning", "select", "council", "commission", "commissioners",
                                 "board", "department", "education", "supervisors", "trustees", "selectmen",
                                 "aldermen", "committee", "health", "public", "works"}  # fmt: skip


def _two_peoples_names(analysis: QuestionAnalysis, subject: "Token") -> bool:
    """Whether the question's subject and the sentence's are both written as people's names ("Dorrance Brisk",
    "Wilhelmina Tosh"), not something of someone's ("Orby's new mayor") nor a body ("the Tansey County Health
    Department"). By the words, as the model often tags an unfamiliar person as an organisation."""
    told = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
    return bool(_PERSONS_NAME.fullmatch(analysis.subject or "") and _PERSONS_NAME.fullmatch(told))


def _decided_the_asked_act(analysis: QuestionAnalysis, verb: "Token") -> bool:
    """Whether the verb is a decision to do the question's act ("The City Council voted on Tuesday to approve the
    plan" for "When did the Planning Board sign off on it?"), whose subject is the one that did it."""
    return verb.lemma_.casefold() in _DECIDING and any(
        c.dep_ in ("xcomp", "advcl") and is_infinitive(c) and _the_asked_act(analysis, c) for c in verb.children
    )


def _does_the_asked_act(analysis: QuestionAnalysis) -> bool:
    """Whether the question's named subject is the subject of its own verb ("How much had Marchetti raised?"), not
    of a clause on it ("How many lost power when the Linwood transformer failed?")."""
    asked = set(words(analysis.subject or ""))
    return any(t.lemma_.casefold() == analysis.predicate and any(
        c.dep_ in ("nsubj", "nsubjpass") and asked & {w.lower_ for w in c.subtree} for c in t.children
    ) for t in sentence_parse(analysis.question))  # fmt: skip


def _asked_in_the_passive(analysis: QuestionAnalysis) -> bool:
    """Whether the question's own verb is a passive participle ("What was Etheridge's bail set at?", "How much was
    Hollis paid?"), whose subject is what the act was done to, not its doer. The model may parse the participle
    as a clause of "was", or tag it as a past, so a participle hung on "be" or a verb with a passive auxiliary
    counts."""
    return any(t.lemma_.casefold() == analysis.predicate and (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or (t.tag_ == "VBN" and t.head.lemma_ == "be")
    ) for t in sentence_parse(analysis.question))  # fmt: skip


def dates_a_habit_not_an_event(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answering when something starts, ends or resumes, which happens once, is a day that recurs:
    "homes ... may water on Thursdays" for "When will Orby end its watering limits?", "bouquets delivered every Friday"
    for "When does the subscription start?". Not for a question that asks of days or habits ("What days ...?", "How
    often ...?")."""
    if analysis.answer_type != "date" or candidate.answer is None or analysis.predicate not in _ONE_TIME_VERBS:
        return False
    if _ASKS_OF_DAYS.search(analysis.question):
        return False
    start = candidate.answer[0]
    return bool(_RECURRING_DAY.fullmatch(candidate.answer_text().strip())
                or _EVERY_BEFORE.search(candidate.passage.text, max(0, start - 8), start))  # fmt: skip


# Verbs of what happens once to a thing that runs on ("start", "end"; not "open", which a shop does every day).
_ONE_TIME_VERBS = frozenset({"start", "begin", "end", "finish", "reopen", "resume", "launch", "expire", "lift",
                             "complete", "debut"})  # fmt: skip
_ASKS_OF_DAYS = re.compile(r"(?i)(?<![\w-])(?:days?|often|usually|every|each)\b")  # (not "its 90-day limits")
# "on Thursdays", "weekends": a day in the plural recurs
_RECURRING_DAY = re.compile(r"(?i)(?:" + "|".join(f"{day}s" for day in WEEKDAY_NAMES) + r")|weekends|weeknights")
_EVERY_BEFORE = re.compile(r"(?i)\b(?:every|each)\s+$")


def dated_before_its_article(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a year answering when something will be done ("When will Cedar Gap auction off its old truck?") is
    one before the year its article was written, which no time to come can be: "The old brush truck, a 1998
    model, will be sold at auction"."""
    if analysis.answer_type != "date" or candidate.answer is None or not (analysis.mood == "irrealis"
                                                                           or analysis.ahead):  # fmt: skip
        return False
    written = year_written(candidate.passage.published)
    year = _A_YEAR_OR_DECADE.fullmatch(candidate.answer_text().strip())
    return year is not None and written is not None and int(year.group(1)) < written


# A year or a decade as a date answer: "1998", "in 1998", "the late 1970s".
_A_YEAR_OR_DECADE = re.compile(r"(?:in\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?((?:19|20)\d\d)s?")


def does_the_asked_act_aside(analysis: QuestionAnalysis, candidate: Candidate) -> bool | None:
    """For "Who won the mayor race?" asked of "Delia Marchetti ousted Mayor Roy Hadfield, winning 6,412 votes": the
    question's verb told in a participle clause with no subject of its own ("winning") is done by the subject of the
    clause it hangs on, so whether the candidate's name is that subject; None when the sentence tells the act no
    such way, or the question asks of no doer."""
    if (analysis.answer_type not in ("person", "organisation") or analysis.asked_slot != "subject"
            or not analysis.predicate or candidate.answer is None):  # fmt: skip
        return None
    doc = sentence_parse(candidate.text)
    for verb in doc:
        if (verb.dep_ == "advcl" and verb.tag_ == "VBG" and (analysis.predicate == verb.lemma_.casefold()
                                                               or same_act(analysis.predicate, verb))
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):  # fmt: skip
            doer = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if doer is None:
                return None
            clause = answer_clause_tokens(candidate)
            return clause is not None and noun_named(clause[0].root).i == doer.i
    return None


def _people_named(analysis: QuestionAnalysis) -> list[str]:
    """The people the question names: those the model tagged, else two untagged capitalised words in a row."""
    return [name for name, label in analysis.entities if label == "PERSON"] or _untagged_full_names(analysis)


def _untagged_full_names(analysis: QuestionAnalysis) -> list[str]:
    """Two capitalised words in a row that the model tagged as nothing, which the question gives as two names of
    its own: a person's first name and surname ("How long has Gwen Hollis been fair manager?")."""
    untagged = [c.text for c in analysis.constraints if c.kind == "name" and c.label is None and " " not in c.text]
    runs: list[list[str]] = []
    for word in untagged:
        if runs and f"{runs[-1][-1]} {word}" in analysis.question:
            runs[-1].append(word)
        else:
            runs.append([word])
    # (three or more are the name of a place or a body: "Orlow County Fair")
    return [" ".join(run) for run in runs if len(run) == 2]


def _in_an_entity_of(passage: Passage, at: int, labels: frozenset[str]) -> bool:
    """Whether the character at `at` in the passage lies in an entity of one of `labels`."""
    return any(s <= at < e and label in labels for s, e, label in passage.entities)


# How many heads up from a value its host may stand ("12 years" <- "for" <- "lived" <- "who ..." of "Gaines").
_HOST_STEPS = 6


# Verbs of a decision to do something: "voted on Tuesday to repair the levee".
_DECIDING = frozenset({"vote", "decide", "agree", "approve", "move", "authorize", "elect", "choose", "resolve"})


def dates_another_event(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answer tells when a decision to do something else was taken: for "When were the levee repairs
    completed?" the date of "The board voted on Tuesday to repair the levee" is the vote's, not the repairs'. The
    date hangs on a verb that governs a "to" clause, and neither is the question's verb ("When was the chief hired?"
    is answered by "voted Monday to hire ...", "When did the council vote?" too). False for other questions."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate_forms:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verb = clause[1]
    if verb.lemma_.casefold() not in _DECIDING:
        return False  # "was sworn in on Jan. 3 to serve a four-year term": the date is of the event, not a decision
    if _EFFECTIVE_BEFORE.search(candidate.text, 0, candidate.answer[0] - candidate.start):
        return False  # "voted Monday to raise the charge, effective Jan. 1": when what was decided takes effect
    # "will decide Nov. 5 whether to borrow": the date of the decision asked about, not of a decision to borrow
    done = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c)
            and not any(m.lower_ == "whether" for m in c.children)]  # fmt: skip
    wanted = _predicate_stems(analysis)
    return bool(done) and not _any_of(wanted, [verb, *done])


# Prepositions that put a date ahead of the clause's own time: "postponed the vote until June 3", "pushed back to
# May", "rescheduled for Friday", "must be finished by May".
_AHEAD = frozenset({"until", "till", "to", "for", "by", "through"})


def dates_what_was_done(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answer to "When will X happen?" tells when something else was done: for "When will the bridge
    reopen?", "built in the 1930s" or "closed since June" dates what is past. The date's clause is in the past or
    the perfect ("the spans built in the 1930s" too) on another verb than the question's (on any verb when the
    question's is "be done" or the like); not when a preposition puts the date ahead ("postponed the vote until
    June 3"). False for other questions."""
    if analysis.answer_type != "date" or analysis.mood != "irrealis":
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "since":
        return True  # "the first new dormitory on campus since 1972": a time past
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    described = (verb.dep_ == "acl" and verb.tag_ == "VBN"
                 and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))  # fmt: skip
    if not (described or clause_mood(verb) == "realised"):
        return False
    if span.root.dep_ == "pobj" and span.root.head.lower_ in _AHEAD:
        return False
    if _EFFECTIVE_BEFORE.search(candidate.text, 0, candidate.answer[0] - candidate.start):
        return False  # "approved a 9 percent increase, effective July 1": the day is ahead
    if verb.lemma_.casefold() in _SCHEDULING_VERBS and any(
        (span.root in c.subtree
         and (c.dep_ == "dobj" or (c.dep_ == "npadvmod" and not _A_WEEKDAY.fullmatch(span.text))))
        or (c.dep_ == "prep" and span.root in list(c.children))
        for c in verb.children
    ):
        return False  # "A judge set Feb. 3 as the trial date", "scheduled a June 12 vote": a day put ahead (not "set
        # aside $4 million for a station on Oct. 14")
    return not _any_of(_predicate_stems(analysis), [verb])


# Verbs that put a day ahead when done: "set Aug. 25 as the first day", "picked the week of Aug. 8". English verbs.
_SCHEDULING_VERBS = frozenset({"set", "schedule", "reschedule", "choose", "pick", "slate", "plan", "fix", "select",
                               "target", "announce", "move", "push", "delay", "postpone", "settle"})  # fmt: skip
_EFFECTIVE_BEFORE = re.compile(r"\b(?:effective|starting|beginning|as\s+of)\s+$", re.IGNORECASE)
_A_WEEKDAY = re.compile(r"(?:" + "|".join(WEEKDAY_NAMES) + r")", re.IGNORECASE)


# Verbs whose doer news tells by what they said: "Who criticized the plan?" is answered by "Ada Kell said the plan
# was too costly". A closed class of English verbs of saying and of taking a side in words.
_SAID_ACTS = frozenset({"say", "tell", "announce", "state", "declare", "confirm", "report", "warn", "criticize",
                        "criticise", "oppose", "support", "back", "favor", "favour", "object", "complain", "argue",
                        "praise", "blame", "call", "ask", "urge", "predict", "estimate", "expect", "think",
                        "believe", "describe", "explain", "question", "defend", "propose", "suggest", "recommend",
                        "push", "want", "worry", "doubt", "promise", "vow", "insist", "claim", "admit", "deny",
                        "agree", "disagree", "speak", "testify", "comment", "respond", "reply", "write"})  # fmt: skip


# Verbs of holding a post or a thing, or of having founded it, which news tells by a title beside the speaker's name
# ("owner Erling Gunderholt said", "Police Chief Ada Kell said", "founder Tessa Moore said"): "Who runs the
# marina?". A closed class of English verbs.
_HELD_BY_TITLE = frozenset({"run", "head", "lead", "own", "manage", "direct", "chair", "oversee", "operate",
                            "represent", "coach", "captain", "serve", "supervise", "command", "govern", "found",
                            "start", "establish", "create", "launch"})  # fmt: skip


# The words a speaker's report names the speaker by.
_THE_SPEAKER = frozenset({"i", "we", "he", "she", "who"})  # (and "who" of "Architect Ada Fisk, who designed it, said")


def only_said_it(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering "Who is fixing the bridge?" or "Who made the ferry?" is only the one who said
    something ("Dairy farmer Nate Hollis said the detour will add time"; "General manager Owen Pruitt said the
    increase will pay for the new ferry"): the speaker of a report is not the doer of an act it does not tell
    them doing. Not for questions of an act news tells by what was said (`_SAID_ACTS`: "Who opposed it?"), nor of
    a post a title beside the speaker tells (`_HELD_BY_TITLE`: "Who runs the marina?")."""
    if not _asks_who_did_it(analysis) or analysis.predicate in _SAID_ACTS | _HELD_BY_TITLE or candidate.answer is None:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    if verb.lemma_.casefold() not in _SAYING_VERBS or noun_named(span.root).dep_ != "nsubj":
        return False
    # a title beside the name that the question asks of ("Who replaced Vail as airport manager?": "Airport manager
    # Priya Raman said ...") tells who holds the post
    title = {t.lower_ for t in span.root.subtree if t.i < span.start and t.lower_ in OFFICE_TITLES}
    if title & set(content_words(analysis.question)):
        return False
    # what they said does not tell them ("she", "we", "I", or no one named) doing the question's act: "I'd rather
    # they fix it right" tells others fixing it
    wanted = _predicate_stems(analysis)
    # (a name inside an apposition to the speaker is not the speaker: "Dorrance" of "Halvard Recovery, the Dorrance
    # company that sorts the town's recycling, said")
    named = _words_up_to_the_noun_named(span.root)
    in_apposition = any(t.dep_ == "appos" for t in named)
    return not any((wanted & _token_stems(t) or same_act(analysis.predicate, t))
                   and _done_by_the_speaker(t, verb, by_apposition=not in_apposition)
                   for t in verb.subtree if t.pos_ == "VERB" and t is not verb)  # fmt: skip


def _words_up_to_the_noun_named(token: "Token") -> list["Token"]:
    """The tokens from a name's word up to the noun it stands for in its clause (rag.query.noun_named)."""
    chain = [token]
    while chain[-1].dep_ in ("compound", "appos", "conj", "flat") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _done_by_the_speaker(act: "Token", saying: "Token", by_apposition: bool = True) -> bool:
    """Whether the act's subject, or that of the verb it hangs from ("he plans to fix it"), is the speaker ("she",
    "we", "who" of "X, who designed it, said"); not an act without one ("the increase will pay for rebuilding it":
    whoever rebuilds it)."""
    verb: "Token | None" = act
    while verb is not None and verb is not saying:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.lower_ in _THE_SPEAKER or (by_apposition and _of_the_speakers_apposition(verb, saying))
        verb = verb.head if verb.dep_ in ("xcomp", "conj") and verb.head is not verb else None
    return False


def _of_the_speakers_apposition(verb: "Token", saying: "Token") -> bool:
    """Whether `verb` tells what a noun in apposition to the speaker does: "Kestrel Materials Recovery, the company
    *that sorts* the town's recycling, said ..."."""
    described = verb.head
    return (verb.dep_ == "relcl" and described.dep_ == "appos" and described.head.dep_ == "nsubj"
            and described.head.head.i == saying.i)  # fmt: skip


def _asks_who_did_it(analysis: QuestionAnalysis) -> bool:
    """Whether a question asks for who (or which body) did what its verb says: "Who made the ferry?"."""
    return analysis.answer_type in _SLOTTED_TYPES and analysis.asked_slot == "subject" and bool(analysis.predicate)


def _the_questions_verb(analysis: QuestionAnalysis) -> "Token | None":
    """The question's main verb (`analysis.predicate`) in its parse, if the tagger made it a verb."""
    return next((t for t in sentence_parse(analysis.question)
                 if t.pos_ == "VERB" and t.lemma_.casefold() == analysis.predicate), None)  # fmt: skip


def names_what_it_is_done_to(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering "Who fixed up the old bank?" names the thing it is done to: "the former First Farmers
    Bank building" is the bank, not who fixed it up. The name's last word is the noun of the question's object."""
    if not _asks_who_did_it(analysis) or candidate.answer is None:
        return False
    verb = _the_questions_verb(analysis)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"] if verb is not None else []
    name = words(candidate.answer_text())
    if not name or not any(all_stems(name[-1]) & all_stems(o.lemma_) for o in objects):
        return False
    # the subject may be one of a kind ("Harlow Community Bank bought the bank")
    clause = answer_clause_tokens(candidate)
    return clause is None or slot_of(clause[0].root) != "subject"


# "Exactly how many ...?", "the precise cost": a question for an exact figure.
_ASKS_EXACTLY = re.compile(r"\b(?:exactly|precisely|exact|precise)\b", re.IGNORECASE)
# Words that make a figure an approximation: "about an hour", "more than 80", "nearly $2 million".
_APPROXIMATE = re.compile(r"\b(?:about|around|roughly|nearly|almost|approximately|some|more than|less than|fewer than|"
                          r"at least|up to|over|under|an estimated|close to|upwards of)\b", re.IGNORECASE)
_FIGURE_TYPES = frozenset({"count", "money", "quantity", "percent", "measure", "duration", "age"})


def approximate_for_exact(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a figure answering "Exactly how many minutes did the call last?" is only an approximation ("about an
    hour", "more than 80 people"): a question for an exact figure is not answered by a round one. False for other
    questions."""
    if analysis.answer_type not in _FIGURE_TYPES or candidate.answer is None:
        return False
    if not _ASKS_EXACTLY.search(analysis.question):
        return False
    return bool(_APPROXIMATE.search(candidate.answer_text()))


def dated_as_to_come(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answers "When was the bridge repaired?" (something done) from a clause that tells what is to
    come: "will close June 9 while crews repair its deck" says when the work will start, not that it was done."""
    if analysis.answer_type != "date" or analysis.mood != "realised" or not _surely_asks_a_deed(analysis.question):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or clause[1].pos_ not in ("VERB", "AUX"):
        return False
    return clause_mood(clause[1]) == "irrealis"


def _surely_asks_a_deed(question: str) -> bool:
    """Whether a question read as asking about something done surely does: its verb is tagged a verb in the past
    ("When was it repaired?", "When did it close?"), and it names no plan, whatever the tagger made of the words
    ("What day was Grelling planning to shut it?", "When was a job fair set for ...?", with "planning" and "set"
    tagged as nouns; "When does the branch shut?", with "shut" tagged as past)."""
    doc = sentence_parse(question)
    # ("had" of "found out it had won" is no "had to")
    if any(t.lower_ in ("does", "do") or t.lemma_.casefold() in IRREALIS_GOVERNORS - {"have"} for t in doc):
        return False
    return any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBN") for t in doc) or any(t.lower_ == "did" for t in doc)


def done_in_another_place(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value answers the question's verb done in another named place than the one the question puts it
    in: "The company employs four people in Corliss" does not answer "How many people does Skyward employ in
    Dunmore?", whatever its article says of Dunmore. Only when the value's clause has the question's own verb and
    its sentence does not name the place asked."""
    if candidate.answer is None or not analysis.predicate:
        return False
    asked = _places_of(_the_questions_verb(analysis))
    if not asked:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or clause[1].lemma_.casefold() != analysis.predicate:
        return False
    sentence = set(words(candidate.text))
    told = _places_of(clause[1])
    return bool(told) and not any(place <= sentence for place in asked) and all(
        not place & other for place in asked for other in told
    )


def _places_of(verb: "Token | None") -> list[set[str]]:
    """The words of each named place a verb is done in or at ("employs 40 people in Corliss": {"corliss"}, the
    parser hanging the place on the verb or on its object), with the nouns that describe it."""
    if verb is None:
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    # (with the nouns that describe it: "in Corliss, the county seat" is in the county)
    return [set(words(" ".join(t.text for t in obj.subtree if t.pos_ in ("PROPN", "NOUN"))))
            for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
            for obj in prep.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN"]  # fmt: skip


def acts_rather_than_places(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a name answering "Where ...?" is who does what its clause says, not where: "The Pinecastle City
    Council voted to turn the garage on Tannery Lane into a dorm" does not put the dorm in the council. The name is
    an organisation and its clause's subject, or the doer of a passive ("approved by the Orlow Select Board"). False
    for other questions. The question's own subject named again is no place either ("Where is Keystone keeping its
    ambulance?": "Keystone EMS" keeps it)."""
    if analysis.answer_type != "place" or candidate.answer is None:
        return False
    # (not a town's name, which a place's name often opens: "Where do Rivermont skaters skate?": "the Rivermont
    # Public Library")
    town = any(name == analysis.subject and label in ("GPE", "LOC") for name, label in analysis.entities)
    if (analysis.subject and not town and set(words(analysis.subject)) <= set(words(candidate.answer_text()))
            and _the_subject_is_the_name(analysis)):  # fmt: skip
        return True
    if candidate.answer[2] != "ORG":
        return False
    s, e, _ = candidate.answer
    # a public body acts ("The Tarrow City Council voted"); another organisation may be where things happen ("Harlan
    # Middle School will take the students", "The University of Orlow hired Lisle") unless the sentence gives a
    # place besides ("Tarrow Mills will build it in Kessel County")
    if not _PUBLIC_BODY.search(candidate.passage.text, s, e) and not any(
        label in ("GPE", "LOC", "FAC") and candidate.start <= ps and pe <= candidate.end and (pe <= s or ps >= e)
        for ps, pe, label in candidate.passage.entities
    ):
        return False
    clause = answer_clause_tokens(candidate)
    # the subject, or the doer of a passive ("a contract approved Tuesday by the Ostrey Select Board")
    return clause is not None and slot_of(clause[0].root) == "subject"


def _the_subject_is_the_name(analysis: QuestionAnalysis) -> bool:
    """Whether the question's subject is its named one itself ("Keystone" in "Where is Keystone keeping its
    ambulance?"), not the owner of what it names ("Where will Cordell's summer concerts go?": the concerts)."""
    named = set(words(analysis.subject or ""))
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.lower_ in named
               for t in sentence_parse(analysis.question))  # fmt: skip


def decided_another_thing(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a name answering "Who ...?" is the body that decided something else: for "Who is redeveloping the
    mall?" the council of "The City Council voted to give $38 million to Brassfield Partners" voted; the one who
    redevelops is another. The name is a body (not a person: "Council member Rita Okafor voted for the plan" tells
    who supported it) and the subject of a verb of deciding with a "to" clause, and neither that verb nor what it
    decided to do is the question's verb or one like it ("Who hired Reid?": "The board voted to hire Reid"; "Who
    banned fireworks?": "voted to prohibit fireworks"; "Who rejected the plan?": a vote approves or rejects).
    False for other questions and for a question on "be" ("Who is ...?")."""
    if analysis.answer_type not in ("person", "organisation") or candidate.answer is None or not analysis.predicate:
        return False
    if candidate.answer[2] == "PERSON":
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    if verb.lemma_.casefold() not in _DECIDING or slot_of(span.root) != "subject":
        return False
    wanted = _predicate_stems(analysis)
    if wanted & _SAME_EVENT[0]:
        return False  # "voted 4-1 against the plan" tells who rejected it
    done = _decided_clauses(verb)
    if not done:
        return False  # "voted against the plan", "will vote Tuesday on the sale": no other doer
    verbs = [verb, *done, *(c for d in done for c in d.conjuncts)]
    if _any_of(wanted, verbs):
        return False
    return not any(word_likeness(f, t.lemma_) >= SAME_EVENT_LIKENESS for f in analysis.predicate_forms for t in verbs)


# Verbs of a decision that lets, refuses, pays for or asks for what another does ("voted to approve 40
# townhouses": someone else builds them), not one the body itself carries out ("voted to tear down the old
# armory", "voted to take over the program"). A closed class of English verbs.
_LETTING_ANOTHER = frozenset({"approve", "allow", "permit", "authorize", "authorise", "ok", "okay", "endorse", "back",
                              "support", "grant", "license", "rezone", "zone", "sanction", "let", "deny", "reject",
                              "block", "fund", "finance", "subsidize", "hire", "award", "seek", "ask", "request",
                              "invite", "recommend", "proceed"})  # fmt: skip


def decided_for_another(candidate: Candidate) -> bool:
    """Whether a body's decision ("voted to approve 40 townhouses") lets, refuses, pays for or asks for what another
    does, so that the body is not the one who does it; False when it decided to do something itself ("voted to
    tear down the old jail", "voted to cover the cost")."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    done = _decided_clauses(clause[1])
    verbs = [*done, *(c for d in done for c in d.conjuncts)]
    if any(t.lower_ in ("itself", "themselves", "ourselves") for v in verbs for t in v.subtree):
        return False  # "voted to go ahead with repainting the bandstand themselves"
    # ("voted to go ahead with the revetment": to proceed with it, which another builds)
    return bool(verbs) and all((phrasal_meaning(v) or v.lemma_.casefold()) in _LETTING_ANOTHER for v in verbs)


def decided_upon(best: Candidate, other: Candidate) -> bool:
    """Whether `other`'s value stands in what `best`'s body decided to do ("voted to hire Marcus Reid"), not
    elsewhere in the sentence ("over objections from Mayor Lena Vasko", "citing a warning from Chief Garrity")."""
    clause = answer_clause_tokens(best)
    if clause is None or other.answer is None or other.passage is not best.passage or other.start != best.start:
        return False
    other_span = clause[0].doc.char_span(other.answer[0] - best.start, other.answer[1] - best.start,
                                         alignment_mode="expand")
    if other_span is None:
        return False
    for done in _decided_clauses(clause[1]):
        token = other_span.root
        while token.head.i != token.i and token.head.i != done.i:
            token = token.head
        if token.head.i != done.i or token.i == done.i:
            continue
        # what was decided, not an aside set off by a comma ("..., citing a warning from Chief Garrity")
        return token.dep_ not in ("advcl", "npadvmod") and not (token.i > 0 and token.doc[token.i - 1].text == ",")
    return False


def _decided_clauses(verb: "Token") -> list["Token"]:
    """The "to" clauses of a verb of deciding: "hire" of "voted to hire Reid"."""
    return [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c)]


# Verbs of a thing's making, whose date the thing's own date is ("When was the dam built?": "the 1931 dam").
_MAKING = frozenset({"build", "construct", "open", "found", "establish", "make", "create", "erect", "complete",
                     "finish", "date", "start", "begin"})  # fmt: skip


# Verbs that only say an event took place ("When did the flood happen?": "the 1993 flood" dates it).
_OCCURRING = frozenset({"happen", "occur", "take", "hold", "stage", "strike", "hit"})


def dates_a_thing_or_a_state(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a date answer to "When did X happen?" dates a thing or a state rather than the event: "the 1931
    concrete dam" (a year naming the dam the question asks about) for when it was last repaired, "closed since
    June" for when the plant reopened. True for a date before a noun of the question that is no name of its event
    ("Russia's 2014 annexation" dates the annexing), or after "since" on a verb not denied ("has not been dredged
    since 2011" tells when it last was); not when the question asks since when, or when a thing was made ("When
    was the dam built?": "the 1931 dam"). False for other questions."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate:
        return False
    if analysis.predicate in _MAKING | _OCCURRING or re.search(r"\bsince\b", analysis.question, re.IGNORECASE):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    span, verb = clause
    top = span.root  # its head stands outside the date
    noun = top.head
    if top.dep_ in ("nummod", "compound", "amod", "nmod") and noun.pos_ in ("NOUN", "PROPN") and noun.i >= span.end:
        thing = _token_stems(noun)
        return bool(thing & all_stems(analysis.question)) and not thing & _predicate_stems(analysis)
    after_since = span.start > 0 and span.doc[span.start - 1].lower_ == "since"
    return after_since and not _negated(verb)


# Light verbs, which name no event of their own ("When did the work get done?", "When does the board have its vote?"),
# and verbs of what is expected, whose event is another verb ("When was the center supposed to open?").
_LIGHT_PREDICATES = frozenset({"be", "do", "have", "get", "make", "go", "come", "take", "suppose", "expect",
                               "schedule", "plan", "set", "slate", "intend"})  # fmt: skip
# How alike a sentence's verb must be to the question's to tell of the same event for `dates_an_event_not_told`:
# lower than SAME_EVENT_LIKENESS, as the check only drops dates of sentences with no such verb at all ("construct":
# "build" 0.50, "vote": "decide" 0.54; "retire": "found" 0.12, "die": "own" 0.31, "build": "close" 0.33).
TOLD_EVENT_LIKENESS = 0.45
# Verbs of saying, which tell one another's event ("When did the mayor announce it?": "said on July 14 that ...").
_SAYING_VERBS = frozenset({"say", "announce", "state", "declare", "tell", "disclose", "reveal", "confirm"})
# A particle after the question's verb makes a phrasal verb of unknown meaning ("break out", "kick in", "put up").
_PARTICLES = r"(?:out|in|up|down|off|on|over|back|through|away|about)"


def dates_an_event_not_told(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a date answer comes from a sentence that does not tell of the event asked about at all: for "When did
    Harold Ames die?", "Ames Hardware has been owned by an Ames since 1945"; for "When did Walter Keel retire?",
    "founded in 1988 by Walter Keel". The sentence has no word of the question's verb, as a verb or a noun ("the
    reopening"), nor a verb of the same act or outcome ("began" for "start", "passed" for "approve") or alike in
    meaning. Only for what was done ("When did ...?"): plans are told in too many words. False for other questions,
    for a question on a verb that only says something took place ("When did the storm hit?"), on a light verb, or on
    a phrasal verb ("When did the fire break out?")."""
    if analysis.answer_type != "date" or candidate.answer is None or not analysis.predicate:
        return False
    if analysis.mood != "realised" or analysis.predicate in _OCCURRING | _LIGHT_PREDICATES:
        return False  # plans and schedules are told in many words ("When does the fee kick in?": "takes effect")
    forms = "|".join(re.escape(form) for form in analysis.predicate_forms)
    if re.search(rf"\b(?:{forms})\s+{_PARTICLES}\b", analysis.question, re.IGNORECASE):
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None or _idiomatic(clause[1]):
        return False  # "stepped down in 2011", "passed away in 2002", "broke ground in May": the event in other words
    wanted = _predicate_stems(analysis)
    return not any(_of_the_asked_event(token, analysis, wanted, word_likeness)
                   for token in sentence_parse(candidate.text))  # fmt: skip


# Verbs that tell many events in idioms ("broke ground", "gave way", "had it under control by 4:30").
_IDIOM_VERBS = (_LIGHT_PREDICATES - {"be"}) | {
    "break", "give", "pass", "walk", "step", "turn", "bring", "hold", "keep", "put", "run", "call", "pull", "roll",
    "wrap", "see",
}  # fmt: skip


def _idiomatic(verb: "Token") -> bool:
    """Whether the verb a date hangs on is part of a phrasal verb ("walked away", "passed away") or one that tells
    many events in idioms, whose meaning its word does not give."""
    return verb.lemma_.casefold() in _IDIOM_VERBS or any(
        c.dep_ == "prt" or (c.dep_ == "advmod" and re.fullmatch(_PARTICLES, c.lower_)) for c in verb.children
    )


def _of_the_asked_event(
    token: "Token", analysis: QuestionAnalysis, wanted: frozenset[str], word_likeness: WordLikeness
) -> bool:
    """Whether a word of a sentence tells of the question's event (whose verb's stems are `wanted`): that verb,
    its noun or a verb of the same outcome (`_tells_the_same_event`), a verb of the same act, another verb of saying
    for one of saying, or a verb alike in meaning."""
    if token.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
        return False
    if _tells_the_same_event(token, wanted):
        return True
    if token.pos_ != "VERB":
        return False
    predicate = analysis.predicate or ""
    return (
        (predicate in _SAYING_VERBS and token.lemma_.casefold() in _SAYING_VERBS)
        or same_act(predicate, token)
        or max(word_likeness(f, token.lemma_) for f in analysis.predicate_forms) >= TOLD_EVENT_LIKENESS
    )


# Verbs of opposite events, as pairs of stems: English antonyms, which word likeness puts near each other ("open":
# "close" 0.55) because they are used of the same things. Not the pairs that tell one event from either side (buy
# and sell, win and lose, join and leave): "X sold the inn to Y for $1.1 million" says what Y paid.
_OPPOSITE_VERBS = tuple(
    (all_stems(first), all_stems(second))
    for first, second in (
        ("open", "close"), ("reopen", "close"), ("open", "shut"), ("reopen", "shut"), ("start", "end"),
        ("start", "stop"), ("begin", "end"), ("start", "finish"), ("begin", "finish"), ("start", "complete"),
        ("begin", "complete"), ("resume", "stop"), ("resume", "suspend"), ("lift", "impose"),
        ("lift", "issue"), ("hire", "fire"), ("hire", "lay"), ("hire", "lose"), ("recruit", "lose"), ("add", "lose"),
        ("win", "lose"), ("gain", "lose"), ("rise", "fall"),
        ("increase", "decrease"), ("increase", "cut"), ("raise", "lower"), ("raise", "cut"), ("add", "remove"),
        ("add", "cut"), ("expand", "shrink"), ("arrest", "release"), ("build", "demolish"), ("convict", "acquit"),
    )
)  # fmt: skip


# Participles that put a time before what happens from then on, as "from" does ("Starting March 2, the bus will no
# longer stop there", "Beginning Monday, ...").
_STARTING_FROM = re.compile(r"starting|beginning")


def done_the_other_way(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a value answer hangs on the opposite of the question's verb: "closed ... on Monday" for "When were
    the beds reopened?", "laid off 40 workers" for "How many did it hire?". False when the question's own verb is
    there too, and for questions without a verb."""
    if candidate.answer is None or not analysis.predicate:
        return False
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    verbs = _verb_and_head(clause[1])
    wanted = _predicate_stems(analysis)
    starting, main = clause[1], clause[1].head
    if _STARTING_FROM.fullmatch(starting.lower_) and clause[0].start == starting.i + 1 and main.i != starting.i:
        chain = [main, *(c for c in main.children if c.dep_ == "xcomp")]
        chain += [c for v in chain[1:] for c in v.children if c.dep_ == "xcomp"]
        if any(all_stems(v.text) & wanted for v in chain) or any(
            c.lower_ == "longer" and any(n.lower_ == "no" for n in c.children) or c.dep_ == "neg"
            for v in chain for c in v.children
        ):  # fmt: skip
            return False  # "Starting April 1, residents will have to stop ...", "Starting March 2, the bus will no
            # longer stop there": "from then on", no act of starting (but "Starting Friday, the fair will run", and
            # "Starting Monday, crews will work nights so the project can be finished")
    if _any_of(wanted, verbs) or _any_of(frozenset(f"re{stem}" for stem in wanted), verbs[:1]):
        return False  # (the value's own verb doing the act again, "closed ..., should reopen by Sept. 15", is no
        # opposite of "open" for the "closed" it is joined to)
    return any(
        (wanted & first and _any_of(second, verbs)) or (wanted & second and _any_of(first, verbs))
        for first, second in _OPPOSITE_VERBS
    )


def answer_clause_tokens(candidate: Candidate) -> "tuple[Span, Token] | None":
    """The candidate's value in the parse of its sentence, and the verb it hangs on (or the nearest head)."""
    entity = candidate.answer
    if entity is None:
        return None
    doc = sentence_parse(candidate.text)
    span = doc.char_span(entity[0] - candidate.start, entity[1] - candidate.start, alignment_mode="expand")
    if span is None:
        return None
    return span, _governing_verb(span.root)


# Verbs of holding people, which tell how many there are, not how many were done ("has 60 members so far" and
# "signatures total 41,200" may well be what was done so far); and a question whose own main verb is "have" after
# "does" ("How many volunteers does it have left?"), whatever perfect a clause of it has.
_HOLDING_VERBS = frozenset({"employ", "represent"})
_ASKS_WHAT_IT_HAS = re.compile(r"(?i)\b(?:does|do|did)\b[^?]*\bhave\b")


def held_not_done(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether a count answering "How many workers has Greythorn hired so far?" (what has been done up to now) is
    only how many there are: "Greythorn employs 410 people in Scarrow Gap", "The association represents about 520
    teachers". False for other questions, and for one whose own verb is of holding."""
    if analysis.answer_type != "count" or not analysis.so_far or analysis.predicate in _HOLDING_VERBS:
        return False
    if _ASKS_WHAT_IT_HAS.search(analysis.question):
        return False  # "How many seats does the theater have now that it's been restored?", "... have left"
    verb = _value_verb(candidate)
    return verb is not None and verb.lemma_.casefold() in _HOLDING_VERBS


def told_as_to_come(candidate: Candidate) -> bool:
    """Whether the verb the candidate's value hangs on tells what would or will be ("The expansion would add about
    6.5 million cubic yards"), not what is."""
    verb = _value_verb(candidate)
    return verb is not None and clause_mood(verb) == "irrealis"


def _value_verb(candidate: Candidate) -> "Token | None":
    """The verb the candidate's value hangs on (None when it hangs on none: a noun, or no value)."""
    clause = answer_clause_tokens(candidate)
    return clause[1] if clause is not None and clause[1].pos_ in ("VERB", "AUX") else None


def the_same_act(candidate: Candidate, other: Candidate) -> bool:
    """Whether two values hang on verbs of one act ("have received" and "received"; "signed up" and "took part" are
    two): the same lemma, or one phrasal verb's meaning, or verbs of one act (rag.query.same_act)."""
    verb, other_verb = _value_verb(candidate), _value_verb(other)
    if verb is None or other_verb is None:
        return False
    return same_act(phrasal_meaning(verb) or verb.lemma_.casefold(), other_verb)


def _governing_verb(token: "Token") -> "Token":
    """The verb `token` hangs on, up to `_GOVERNING_STEPS` heads away; else where the climb stopped (the root,
    or a noun)."""
    for _ in range(_GOVERNING_STEPS):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return token


def _agrees(analysis: QuestionAnalysis, span: "Span", token: "Token") -> bool:
    mood = clause_mood(token) if token.pos_ in ("VERB", "AUX") else None
    if _intended(analysis, span, token) or _chosen_to_do(token):
        mood = "irrealis"
    # "Route 40 will no longer stop at Elm Street" does not say where it stops; "will not reopen until
    # June 1" does say when it reopens
    denied = not analysis.negative and _negated(token) and not _through_until(span.root, token)
    # (for a question of how things stand now, a clause in the past tense that says when tells how they stood:
    # "had 412 in 2014"; "raised starting pay to $69,000" tells how it stands)
    then = analysis.now and token.tag_ == "VBD" and any(
        YEAR.fullmatch(t.text) or t.lower_ in _TIMES_GONE for t in token.subtree
    )
    # (a date of a thing the clause names, not of its act, may be set: "launched a campaign with an open house on
    # Saturday, Jan. 27", "voted Monday to raise the charge, effective Jan. 1")
    ahead = analysis.ahead and _dates_the_act(span, token) and not _the_asked_act(analysis, token)
    return (not ((analysis.mood == "irrealis" or ahead) and mood == "realised")
            and not (analysis.so_far and mood == "irrealis")
            and not then
            and not (analysis.mood == "realised" and mood != "realised"
                     and (clause_is_uncertain(token) or _what_can_be(token)))
            # (what was done is not what was meant: "The city's goal is to cut water use by 15 percent")
            and not (analysis.mood == "realised" and _what_a_noun_of_intention_is(token, analysis))
            and not denied and _fills_the_slot(analysis, span, token))  # fmt: skip


def _chosen_to_do(verb: "Token") -> bool:
    """Whether the verb chooses someone to do something still to come: "The board appointed his deputy, Philippa
    Grenvoss, to succeed him" tells who is going to succeed him, though the choice is made."""
    return verb.lemma_.casefold() in _CHOOSING and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


# Verbs of choosing someone for a post or a task ("named her to lead the office").
_CHOOSING = frozenset({"appoint", "name", "choose", "pick", "select", "hire", "tap", "elect", "designate", "ask"})


def _what_can_be(verb: "Token") -> bool:
    """Whether the verb's clause says what can be, which tells nothing of what was: "Drilling a new well can cost
    $12,000 to $25,000" for what the Pettibones paid, "The shelter can sleep 40" for how many it took in."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children)


def _the_asked_act(analysis: QuestionAnalysis, verb: "Token") -> bool:
    """Whether the verb is the question's own, or one of the same act ("took effect Jan. 1" for "When does the fee
    take effect?", "started Monday" for "When does she start?"): what is asked of, already done."""
    return bool(_predicate_stems(analysis) & _token_stems(verb)) or bool(
        analysis.predicate and same_act(analysis.predicate, verb))


# Verbs of setting a time for something, whose date is the thing's ("set a hearing for April 2").
_SCHEDULING = frozenset({"set", "schedule", "reschedule", "slate", "move", "push", "postpone", "delay", "plan"})


def _dates_the_act(span: "Span", verb: "Token") -> bool:
    """Whether a date tells when the verb's act was done ("left in 2023", "announced Wednesday", "the council on
    Tuesday approved"): its way up to the verb passes no word that takes it as its own, an adjective ("effective
    Jan. 1") or a noun in an object's place ("with ... an open house on Saturday, Jan. 27"), and the verb sets no
    time for a thing ("set a public hearing for April 2")."""
    if verb.lemma_.casefold() in _SCHEDULING:
        return False
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.i != verb.i and (token.pos_ == "ADJ" or token.dep_ in ("dobj", "pobj", "attr")):
            return False
    return True


# Words that put a clause in a time gone by: "last year", "two years ago", "once had", "formerly".
_TIMES_GONE = frozenset({"last", "ago", "once", "formerly", "previously", "then"})


def _intended(analysis: QuestionAnalysis, span: "Span", verb: "Token") -> bool:
    """Whether the value is in the object of a verb of intention, so it is meant, not done: "Calderwood plans 1,420
    houses", "needed 60 volunteers", and in the passive "Harbor Point was planned with 86 condominiums"; or it is
    what a noun of intention is for, whatever became of it ("a plan for 48 houses was rejected"). Not "120 families
    have requested vouchers" (the families did request), nor when the question asks about that verb itself ("How
    many volunteers did it need?")."""
    if _under_a_noun_of_intention(span, verb, analysis) or _what_a_noun_of_intention_is(verb, analysis):
        return True
    lemma = verb.lemma_.casefold()
    if lemma not in INTENDING_VERBS or lemma in analysis.predicate_forms:
        return False
    if any(span.root in obj.subtree for obj in verb.children if obj.dep_ == "dobj"):
        return True
    # (the passive tells a plan as it was, which a question of what was meant asks: "How many condos was it supposed
    # to have?"; "How many will it end up with?" asks what will be, which "will stop at 52" tells, not the plan)
    passive = verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return (passive and (analysis.so_far or _asks_what_was_meant(analysis))
            and any(span.root in prep.subtree for prep in verb.children if prep.dep_ == "prep"))  # fmt: skip


# Verbs of intention a question asks what was meant by ("was supposed to have", "did it want to build"), not of what
# will be ("going to", "set to").
_MEANING_VERBS = frozenset(IRREALIS_GOVERNORS - {"go", "have", "set"})


def _asks_what_was_meant(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks by a verb of intention ("was supposed to", "did it want to") what was meant."""
    return any(t.lemma_.casefold() in _MEANING_VERBS for t in sentence_parse(analysis.question))


# Nouns of what someone means to do or have, whose "for" or "of" object is meant, not done ("a plan for 48
# houses", "the proposal of 240 units"). A closed class of English nouns.
_NOUNS_OF_INTENTION = frozenset({"plan", "proposal", "request", "bid", "offer", "goal", "target", "application"})


def _what_a_noun_of_intention_is(verb: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether the value's verb is what a noun of intention is ("The city's goal is to cut water use by 15
    percent"), which is meant, not done, unless the question asks about that noun or the sentence says it was
    met ("The PTA's goal was to raise $40,000, and it reached it in May")."""
    if verb.dep_ not in ("xcomp", "ccomp", "attr") or verb.head.lemma_ != "be":
        return False
    if any(t.lemma_.casefold() in _MEETING_A_GOAL and any(
        c.dep_ == "dobj" and (c.lower_ == "it" or c.lemma_.casefold() in _NOUNS_OF_INTENTION) for c in t.children
    ) for t in verb.doc):  # fmt: skip
        return False  # ("and it reached it"; not "to meet the cost of new swings")
    return any(c.dep_ == "nsubj" and c.lemma_.casefold() in _NOUNS_OF_INTENTION
               and c.lemma_.casefold() not in analysis.predicate_forms and c.lemma_.casefold() != analysis.focus
               for c in verb.head.children)  # fmt: skip


# Verbs that say a goal was met. English verbs.
_MEETING_A_GOAL = frozenset({"reach", "meet", "hit", "exceed", "surpass", "beat", "top", "achieve"})


def _under_a_noun_of_intention(span: "Span", verb: "Token", analysis: QuestionAnalysis) -> bool:
    """Whether the value's way up to its verb passes "for" or "of" on a noun of intention ("whose plan for 48
    houses was rejected"), or the value sizes one ("approved a $180 million plan"), which the question does not ask
    about."""
    token = span.root
    while token.i != verb.i and token.head.i != token.i:
        head = token.head
        meant = (head.head if token.dep_ == "pobj" and head.lower_ in ("for", "of")
                 else head if token.i == span.root.i and token.dep_ in ("nummod", "compound", "amod", "quantmod")
                 else None)  # fmt: skip
        if (meant is not None and meant.pos_ == "NOUN" and meant.lemma_.casefold() in _NOUNS_OF_INTENTION
                and meant.lemma_.casefold() not in analysis.predicate_forms
                and meant.lemma_.casefold() != analysis.focus):  # fmt: skip
            return True
        token = head
    return False


_SLOTTED_TYPES = frozenset({"person", "organisation"})


def _verb_and_head(verb: "Token") -> list["Token"]:
    """"expects to hire 120": the verb the answer hangs on, and the one it completes."""
    return [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") else [])


def _done_by_the_object(span: "Span", verb: "Token") -> list["Token"]:
    """"hired Farrand Brothers to replace the culvert", "chose Ada Lind to lead the team": the verbs the answer,
    as the object of a verb of engaging someone (`_ENGAGING_VERBS`), is the doer of (an object's infinitive)."""
    if span.root.dep_ != "dobj" or span.root.head.i != verb.i or verb.lemma_.casefold() not in _ENGAGING_VERBS:
        return []
    return [c for c in verb.children if c.pos_ == "VERB" and c.i > span.root.i
            and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and is_infinitive(c)))]  # fmt: skip


# Verbs of engaging someone to do a thing, whose object does it: "hired Farrand Brothers to replace the culvert";
# not "asked Ostrow Paving to fix the potholes", which the firm may not do.
_ENGAGING_VERBS = frozenset({"hire", "pick", "choose", "select", "contract", "retain", "pay", "tap", "name", "appoint",
                             "commission", "engage", "enlist", "authorize", "award"})  # fmt: skip


def _token_stems(token: "Token") -> frozenset[str]:
    """The stems of a word as written and of its lemma (the lemmatiser errs: "fined" -> "fin")."""
    return all_stems(token.text) | all_stems(token.lemma_)


def _predicate_stems(analysis: QuestionAnalysis) -> frozenset[str]:
    """The stems of every form of the question's main verb ("lose", "lost")."""
    return all_stems(" ".join(analysis.predicate_forms))


def _any_of(wanted: set[str], verbs: list["Token"]) -> bool:
    """Whether one of `verbs` is one of the forms in `wanted` (stems of the question's verb)."""
    return any(wanted & _token_stems(t) for t in verbs)


def _fills_the_slot(analysis: QuestionAnalysis, span: "Span", verb: "Token") -> bool:
    """Whether a name answers in the question word's place, when it hangs on the question's own verb: for "Whom
    did the council hire?" the one hired ("voted to hire Dana Lisle"), not the one hiring ("The Tarnby City
    Council voted to hire ..."); for "Who hired Lisle?" the other way round. True when either place is unknown,
    or the verb is another: "Who became superintendent?" is answered by the one a board "hired as
    superintendent"."""
    if analysis.asked_slot is None or analysis.answer_type not in _SLOTTED_TYPES:
        return True
    wanted = _predicate_stems(analysis)
    # "The council voted to hire Lisle": the council hires too
    completed = [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and is_infinitive(c))]
    verbs = _verb_and_head(verb) + completed
    if not _any_of(wanted, verbs):
        return _fills_the_other_side(analysis, span, verbs)
    # "hired Farrand Brothers to replace the culvert": the one hired does the replacing
    slot = "subject" if _any_of(wanted, _done_by_the_object(span, verb)) else slot_of(span.root)
    if slot is None and _another_party(span.root, verbs):
        return False  # "Nina Hart bought the store from Ray Dunley": who it was bought from did not buy it
    return slot is None or slot == analysis.asked_slot


# Prepositions whose object on a verb of an exchange is its other party: "bought the store from Ray Dunley", "sold it
# to Nina Hart", "hired her away from Orlow".
_OTHER_PARTY_PREPOSITIONS = frozenset({"from", "to"})


def _another_party(token: "Token", verbs: list["Token"]) -> bool:
    """Whether the name is the object of "from" or "to" on one of `verbs`, the other party of what they tell."""
    token = noun_named(token)
    return token.dep_ == "pobj" and token.head.lower_ in _OTHER_PARTY_PREPOSITIONS and token.head.head in verbs


# Verbs of one exchange told from its other side, and the preposition the party asked for stands after there: who
# bought the store is whom it was sold "to" ("Gordon Ames sold the store to Marcus Reyes"), who sold it is whom it
# was bought "from", who won a contract is whom it was awarded "to". A closed class of English verbs.
_OTHER_SIDE = {
    "buy": (("sell",), "to"), "purchase": (("sell",), "to"), "acquire": (("sell",), "to"),
    "sell": (("buy", "purchase", "acquire"), "from"),
    "win": (("award", "give", "grant"), "to"), "receive": (("award", "give", "grant"), "to"),
}  # fmt: skip


# A contract and the verbs that give one to a firm ("awarded a $1.2 million repair contract to Keystone Span Co.") or
# that a firm gets one by; the nouns for a firm hired to do a job ("the general contractor is ..."); and the act of
# doing a job ("Halvorsen Builders did the work"). Closed classes of English words.
_WORK_GIVEN = frozenset({"contract", "bid", "job"})
_GIVING_WORK = frozenset({"award", "give", "grant", "let"})
_GETTING_WORK = frozenset({"win", "land", "get", "receive", "secure"})
_HIRED_FIRMS = frozenset({"contractor", "builder", "subcontractor"})


def given_the_work(candidate: Candidate) -> bool:
    """Whether the candidate's name is the firm given a job: "awarded a $1.2 million repair contract to Keystone
    Span Co.", "awarded Keystone the contract", "the contract went to Keystone", "the contract with Keystone",
    "Keystone won the bid", "The general contractor is Brannigan & Toll Construction", "Gantry Brothers was the
    general contractor", "Keystone Rowe Builders, selected as general contractor", "Halvorsen Builders did the
    work"."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = noun_named(clause[0].root)
    head = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        giver = head.head if head.head.dep_ != "dobj" else head.head.head
        if giver.lemma_.casefold() == "go":  # "The construction contract went to Brightline Builders"
            return any(c.dep_ == "nsubj" and c.lemma_.casefold() in _WORK_GIVEN for c in giver.children)
        # ("The 4-1 vote gives the work to Harrowden Civil Constructors")
        return giver.lemma_.casefold() in _GIVING_WORK and _gives_work(giver, _WORK_GIVEN | {"work"})
    if token.dep_ == "pobj" and token.head.lower_ == "with" and head.head.lemma_.casefold() in _WORK_GIVEN:
        return True  # "The contract with Vantic Systems covers 48 cameras"
    if token.dep_ == "dative":
        return head.lemma_.casefold() in _GIVING_WORK and _gives_work(head)
    if token.dep_ == "nsubj" and head.lemma_.casefold() in _GETTING_WORK | {"do"}:
        return _gives_work(head, {"work"} if head.lemma_.casefold() == "do" else _WORK_GIVEN)
    if token.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
        return any(c.dep_ in ("nsubj", "attr") and c is not token and c.lemma_.casefold() in _HIRED_FIRMS
                   for c in head.children)  # fmt: skip
    if token.dep_ == "pobj" and head.lower_ == "from":
        # "The lowest of four bids came from Ferrowlind Builders", "The winning offer, from Grisedale Construction,
        # was $11.3 million": the firm whose bid won or was the lowest, which gets the job
        offer = head.head
        if offer.lemma_.casefold() == "come":
            offer = next((c for c in offer.children if c.dep_ == "nsubj"), offer)
        return _a_winning_bid(offer)
    if token.lemma_.casefold() in _HIRED_FIRMS and not clause[0].start <= token.i < clause[0].end:
        return True  # "The contractor, Drayfield Excavating of Siskell Flats, faces penalties": the name stands for it
        # (not a firm's own last word: "Tavish Contractors owes back taxes")
    return any((c.dep_ == "appos" and c.lemma_.casefold() in _HIRED_FIRMS)
               or (c.dep_ == "acl" and any(p.lower_ == "as" and any(o.lemma_.casefold() in _HIRED_FIRMS
                                                                      for o in p.children) for p in c.children))
               for c in token.children)  # fmt: skip


def _a_winning_bid(offer: "Token") -> bool:
    """Whether the noun is a bid or offer that won or was the lowest ("the winning bid", "the lowest offer", "the
    lowest of four bids"); not any bid ("Four bids came from out of state")."""
    if offer.lower_ in _WINNING_BIDS:  # "the lowest of four bids": the parser heads it with "lowest"
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.casefold() in _OFFERS for o in c.children)
                   for c in offer.children)  # fmt: skip
    return offer.lemma_.casefold() in _OFFERS and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _WINNING_BIDS for c in offer.children
    )


# What a firm offers to do a job for, and the words for the one of them that gets it.
_OFFERS = frozenset({"bid", "offer", "proposal"})
_WINNING_BIDS = frozenset({"low", "lowest", "winning", "successful", "cheapest"})


def made_by(candidate: Candidate, work: str) -> bool:
    """Whether the candidate's name is the "by" of the work: "the audit, carried out by X", "a report by X", "The
    audit was conducted by X"."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return False
    token = noun_named(clause[0].root)
    if token.dep_ != "pobj" or token.head.lower_ != "by":
        return False
    made = token.head.head
    if made.pos_ == "VERB":
        if made.lemma_.casefold() not in _MAKING_WORK:
            return False  # "commissioned by the council", "presented by the mayor": not who made it
        if made.dep_ in ("acl", "relcl"):
            made = made.head
        else:
            made = next((c for c in made.children if c.dep_ == "nsubjpass"), made)
    return made.lemma_.casefold() == work


# Verbs a work is made by ("carried out by", "prepared by"); not those of one who orders, pays for, presents or
# reads it ("commissioned by", "presented by").
_MAKING_WORK = frozenset({"carry", "conduct", "prepare", "write", "do", "compile", "produce", "author", "draft",
                          "perform", "complete", "undertake", "draw", "put", "lead", "run", "make"})  # fmt: skip


def _gives_work(verb: "Token", nouns: frozenset[str] | set[str] = _WORK_GIVEN) -> bool:
    """Whether the verb's object is a contract, a bid or a job (or, for "do", the work)."""
    return any(c.dep_ == "dobj" and c.lemma_.casefold() in nouns for c in verb.children)


def _fills_the_other_side(analysis: QuestionAnalysis, span: "Span", verbs: list["Token"]) -> bool:
    """For "Who bought ...?" asked of a sentence that tells the sale ("sold the store to Marcus Reyes"), whether the
    name is the one after the other verb's preposition ("to", or the one given to: "awarded Orrin the contract"),
    not its subject ("Gordon Ames sold ..."); true for other verbs and questions."""
    other_side = _OTHER_SIDE.get(analysis.predicate or "")
    if other_side is None or analysis.asked_slot != "subject":
        return True
    others, preposition = other_side
    told = [t for t in verbs if t.lemma_.casefold() in others]
    if not told:
        return True
    token = noun_named(span.root)
    if token.dep_ == "dative" and token.head in told:
        return True
    if token.dep_ != "pobj" or token.head.lower_ != preposition:
        return False
    # the parser may hang the preposition on the verb's object: "awarded a tax break to Keel Valley Plastics"
    held = token.head.head
    return held in told or (held.dep_ == "dobj" and held.head in told)


def _counts(analysis: QuestionAnalysis) -> Literal["count", "amount"] | None:
    """What the question's focus is to a number answer: "count" when the number counts it ("How many *beds*?",
    "What is the number of *beds*?"), "amount" when the number's unit measures it ("How much *rain* fell?": "4
    inches of rain"), else None. The focus of "How often does the ferry run?", "How tall is the tower?" or "How
    big was the crowd?" is no thing counted: the number counts times, stories or people, and comparing those
    with "ferry", "tower" or "crowd" would mark down right answers."""
    if not analysis.focus:
        return None
    if analysis.answer_type == "count" and analysis.question_word not in ("how often", "how frequently"):
        return "count"
    if analysis.answer_type == "quantity" and analysis.question_word == "how much":
        return "amount"
    return None


def _counted_similarity(
    focus: str, answer: "Span", counts: Literal["count", "amount"], word_likeness: WordLikeness,
    noun: "Token | None" = None,
) -> float:
    """How alike the question's focus and the noun the answer counts (`noun` when given; for an amount, the noun
    its unit measures); 1 when the sentence does not say what the number counts."""
    noun = noun or _counted_noun(answer)
    if noun is not None and counts == "amount":
        noun = _of_noun(noun)  # "4 inches of *rain*"; "4 inches" alone does not say of what
    if noun is None or all_stems(noun.lemma_) & all_stems(focus):
        return 1.0
    return word_likeness(focus, noun.lemma_)


# Nouns that are numbers ("a dozen trucks", "hundreds of residents"): the thing counted comes after them.
_NUMBER_NOUNS = frozenset({"dozen", "score", "hundred", "thousand", "million", "billion", "trillion"})


def _is_number(token: "Token") -> bool:
    return token.like_num or token.pos_ == "NUM" or token.lemma_.casefold() in _NUMBER_NOUNS


# How the parser hangs a number on the noun it counts.
_COUNTING = frozenset({"nummod", "quantmod", "compound", "amod"})


def _counted_noun(answer: "Span") -> "Token | None":
    """The noun a number answer counts: "24 exam *rooms*", "about 310 *riders*", "a dozen *trucks*", "12 of the
    40 *homes*", "hundreds of *residents*", and the unit an answer holds ("1,200 *acres*", and "a 1,200-*acre*
    fire", whose unit the parser hangs on "fire"); None for a number standing alone ("rose to 40")."""
    root = answer.root
    if root.pos_ in ("NOUN", "PROPN") and not _is_number(root):
        # the answer holds what it counts ("1,200 acres"), or is no number at all; the model may end it on a word
        # of a compound noun ("610 ambulance" of "610 ambulance calls": calls are counted)
        if (root.dep_ == "compound" and root.head.i > root.i and root.head.pos_ == "NOUN"
                and root.lemma_.casefold() not in MEASURE_UNITS):  # fmt: skip
            root = root.head  # (not "an 11-mile path", which measures miles)
        return root if any(_is_number(t) for t in answer if t.i < root.i) else None
    if root.dep_ == "predet" and root.lower_ == "half" and root.head.pos_ == "NOUN":
        return root.head  # "nearly half a mile": half of one mile, which counts no beavers
    if not _is_number(root):
        return None
    of = _of_noun(root)
    if of is not None:
        return of  # "12 of the 40 homes": the 12 are homes; the 40 are counted on their own
    # before its noun ("Sixty-odd volunteers" is an adjective to the parser); after it, it names one (Room 12)
    if root.dep_ in _COUNTING and root.head.pos_ in ("NOUN", "PROPN") and root.i < root.head.i:
        head = root.head
        hyphened = root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-"
        if (head.dep_ == "compound" and head.head.i > head.i and head.head.tag_ == "NNS" and not hyphened
                and head.lemma_.casefold() not in MEASURE_UNITS):  # fmt: skip
            head = head.head  # "610 ambulance calls", the number hung on "ambulance": calls are counted (not "a
            # 14-page decision", nor "412 spaces downtown", the parser's compound of a noun in the singular, nor
            # "one-bedroom lofts", a kind of loft)
        if head.lemma_.casefold() in _TIME_NOUNS and any(
            root.i < c.i < head.i and c.lower_ in _TIME_DETERMINERS for c in head.children
        ):
            return None  # "and 2,750 last year", "employs 45 all year": a time after a number standing alone
        return head
    return None


# Words that make a noun of time after a number its time, not what it counts ("2,750 *last* year"; not "45 all
# new buses").
_TIME_DETERMINERS = frozenset({"last", "this", "next", "each", "every", "all", "that", "a", "per"})
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "night", "season", "spring", "summer", "fall", "autumn",
                         "winter", "quarter", "semester", "term", "weekend", "morning", "evening"})  # fmt: skip


# Nouns that stand for a noun named before them: "Four others were hurt", "60 more".
_STANDING_FOR_ANOTHER = frozenset({"other", "others", "more"})


def counts_a_noun_of_its_own(candidate: Candidate) -> bool:
    """Whether a number answer says what it counts ("310 *workers*", "1,200 *meals*"): false for a number standing
    alone ("It hired nine instead", "will hold 600, the architect said") or before a word that stands for a noun
    named earlier ("Four others were hurt")."""
    return counted_noun(candidate) is not None


def counted_noun(candidate: Candidate) -> str | None:
    """The lemma of the noun a number answer counts ("worker" in "310 workers"), None when it says none
    (`counts_a_noun_of_its_own`)."""
    clause = answer_clause_tokens(candidate)
    if clause is None:
        return None
    counted = _counted_noun(clause[0]) or _counted_before_by_a_conjunct(clause[0])
    return None if counted is None or counted.lower_ in _STANDING_FOR_ANOTHER else counted.lemma_.casefold()


def _counted_before_by_a_conjunct(answer: "Span") -> "Token | None":
    """For a number joined by "and"/"or" to a clause that counted something ("employs about 45 guides all year
    and about 90 in summer"): the noun that clause's verb has a number count, which this one counts too; not a
    count elsewhere in the sentence ("The lodge, which has 12 rooms, employs 45 all year and 90 in summer")."""
    root = answer.root
    if root.dep_ != "conj" or not _is_number(root):
        return None
    for noun in root.head.children:
        if noun.i < root.i and noun.pos_ in ("NOUN", "PROPN") and any(
            _is_number(c) and c.dep_ in _COUNTING for c in noun.children
        ):
            return noun
    return None


def _counted_by_ellipsis(answer: "Span") -> "Token | None":
    """For a number standing alone: the noun the sentence counted last before it, which it counts too ("added 30
    *kennels* this year and now has 110", "rose from 380 *students* to 410", "sold 850 raffle *tickets* last year
    but only 620 this year", "opened 24 *beds*, bringing its total to 186"); not a count that describes the
    number's own subject ("The lodge, which has 12 rooms, employs 45"). None when none counts a noun before it."""
    root = answer.root
    if not _is_number(root) or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return None  # "in 38 of them": a part of what "them" stands for, maybe named in another sentence
    verb = _governing_verb(root)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    described = {t.i for t in subject.subtree} if subject is not None else set()
    before = [t for t in answer.doc[: answer.start]
              if _is_number(t) and t.dep_ in _COUNTING and t.head.pos_ == "NOUN" and t.i < t.head.i < answer.start
              and t.i not in described and not YEAR.fullmatch(t.text)]  # fmt: skip
    # (a year is no count: "the 2021 record of 498,000")
    if not before:
        return None
    # the same count goes on after a preposition ("from 380 students to 410"), "have", the same verb ("sold 850
    # tickets last year but only 620 this year") or "more"; not after another verb ("bought 40 computers and drew
    # 52,000")
    other_verb = _governing_verb(before[-1])
    more = any(c.lower_ in _STANDING_FOR_ANOTHER for c in root.children)  # "and leases two more": lighthouses
    if (root.dep_ != "pobj" and not more and verb.lemma_.casefold() not in _ELLIPTIC_VERBS
            and verb.lemma_.casefold() != other_verb.lemma_.casefold()):  # fmt: skip
        return None
    return before[-1].head


# Verbs after which a number stands for the noun counted before it: "now has 110", "holds 600".
_ELLIPTIC_VERBS = frozenset({"have", "hold", "be", "total", "reach"})


# Words that ask for more of a thing, so that the next sentence's "The county has 16" counts it.
_MORE_OF = frozenset({"more", "another", "additional"})


def _counted_by_the_sentence_before(candidate: Candidate, answer: "Span") -> "Token | None":
    """For a number standing alone as what something has or holds, in a sentence that counts nothing before it:
    the thing the sentence before asks for more of ("The mayor asked for more treatment *beds*. The county has
    16."; "needs another *ambulance*. The department has three"); None otherwise."""
    root = answer.root
    if (not _is_number(root) or root.dep_ != "dobj" or root.head.lemma_.casefold() not in ("have", "hold")
            or any(_is_number(t) for t in answer.doc[: answer.start])):  # fmt: skip
        return None
    before = span_before(candidate)
    if before is None:
        return None
    asked_for: "list[Token]" = []
    for token in sentence_parse(candidate.passage.text[before[0] : before[1]]):
        if token.lower_ not in _MORE_OF:
            continue
        noun = _of_noun(token) or token.head  # "more of the town's storefronts"; "more treatment beds"
        while noun.dep_ == "compound":
            noun = noun.head  # the parser may hang "more" on the first of "more addiction treatment beds"
        # things counted: "more snowplows", "another ambulance"; not "more money"
        if noun.pos_ == "NOUN" and (noun.tag_ == "NNS" or token.lower_ == "another"):
            asked_for.append(noun)
    return asked_for[-1] if asked_for else None


def _of_noun(token: "Token") -> "Token | None":
    """The noun of an "of" that follows `token`: "12 of the 40 *homes*", "4 inches of *rain*"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _negated(verb: "Token") -> bool:
    """The verb of a clause is negated: "did not", "never", "no longer"; not a participle standing for a
    preposition ("not including the 2014 annexation")."""
    if verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(
        child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and any(g.dep_ == "neg" for g in child.children))
        for child in verb.children
    )


def _through_until(answer: "Token", verb: "Token") -> bool:
    """The answer hangs on the verb through "until" or "before" ("not ... until June 1"), or "since" ("has not
    been dredged since 2011": the last time it was)."""
    token = answer
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in ("until", "till", "before", "since"):
            return True
        token = token.head
    return False


# Entity labels of names (ANSWER_LABELS["name"]): who and what a sentence is about.
_NAMES = frozenset(ANSWER_LABELS["name"])
# More new names than this say no more about whether a sentence answers.
MAX_NEW_NAMES = 3


def new_names(candidate: Candidate, question: str) -> int:
    """How many names (people, organisations, places ...) the candidate's sentence gives that the question does
    not, up to `MAX_NEW_NAMES`. A sentence that answers "Which firm drew up the plans?" or "What did the
    mayor announce?" usually names someone or something new; one that only restates what the question names
    ("An architect hired by the district estimated the repairs ...") seldom does."""
    return min(MAX_NEW_NAMES, names_not_asked(candidate.passage, candidate.start, candidate.end, question))


def names_someone_new(candidate: Candidate, question: str) -> bool:
    """Whether the candidate's sentence names a person or an organisation the question does not name (a person
    counts as named by the surname: "Vladimir Orlov" is named by "What did Orlov say?"). Places are left out:
    a news sentence sets its scene ("in Mornby") whatever it tells."""
    normalised_question, question_words = normalise(question), set(words(question))
    return any(
        not _in_question(candidate.passage.text[s:e], label, normalised_question, question_words)
        for s, e, label in candidate.passage.entities
        if s >= candidate.start and e <= candidate.end and label in ("PERSON", "ORG")
    )


def names_a_person(candidate: Candidate, question: str) -> bool:
    """Whether the sentence names someone the question does not: a sentence ranked ahead that may already say who."""
    passage = candidate.passage
    return any(a_persons_name(passage.text[s:e], label, question)
               for s, e, label in passage.entities if candidate.start <= s and e <= candidate.end)  # fmt: skip


def a_persons_name(name: str, label: str, question: str) -> bool:
    """Whether a name the model tagged may be a person's the question does not give: a PERSON, or an ORG, which
    the model often makes of a person's name, unless it shares a word with the question ("The Kell Town Council"
    for "Which council members ...?")."""
    return normalise(name) not in normalise(question) and (
        label == "PERSON" or label == "ORG" and not set(stems(question)) & set(stems(name))
    )


def names_not_asked(passage: Passage, start: int, end: int, question: str) -> int:
    """How many distinct names the text `passage.text[start:end]` gives that `question` does not."""
    asked = normalise(question)
    found = {
        normalise(passage.text[s:e]) for s, e, label in passage.entities if s >= start and e <= end and label in _NAMES
    }
    return sum(1 for name in found if name and name not in asked)


def _speaker_before(
    analysis: QuestionAnalysis, passage: Passage, spans: list[tuple[int, int]], start: int, end: int, question: str,
    question_words: set[str],
) -> tuple[list[Entity], int] | None:
    """For "Who said ...?" and a sentence quoting "she"/"he": the people of the sentence before, and its start."""
    if analysis.answer_type != "person" or not PRONOUN_SPEAKER.search(normalise(passage.text[start:end])):
        return None
    before = [(s, e) for s, e in spans if e <= start]
    if not before:
        return None
    begin, finish = before[-1]
    people = _answer_entities(analysis, passage, begin, finish, question, question_words)
    if not people:
        # the model sometimes misses a bare surname at a sentence start ("Haverkamp said ..."): a capitalised
        # name right before a verb of speech is the speaker all the same; for "Who is the council president?"
        # only when the sentence gives them the role ("Council President Ada Renn said"), as for any name
        named = _NAMED_SPEAKER.search(passage.text, begin, finish)
        speaker = (named.start(1), named.end(1), "PERSON") if named else None
        if speaker and analysis.role:
            speaker = _after_the_title(analysis.role, passage.text, speaker)
        if (speaker and normalise(passage.text[speaker[0] : speaker[1]]) not in normalise(question)
                and (not analysis.role or (_holds_the_role(analysis, passage, speaker, (begin, finish))
                                           and not _another_kind_of(analysis.role, question, passage.text,
                                                                    speaker[:2], (begin, finish))))):  # fmt: skip
            people = [speaker]  # (not "Fire Chief Ada Renn said" for the police chief)
    return (people, begin) if people else None


# Words before a title that make someone other than its holder ("Former Mayor Tam Quist", "Deputy Mayor Lin Oake").
_NOT_THE_HOLDER = frozenset({"former", "ex", "deputy", "vice", "assistant"})


def _after_the_title(role: str, text: str, speaker: Entity) -> Entity | None:
    """The name after a title of `role` that opens the words before "said" ("Mayor Tam Quist said": "Tam Quist");
    None when no name follows it ("The Mayor said") or it is someone else's title ("Former Mayor ..."); the words
    as they are when they hold no title."""
    start, end, label = speaker
    title = re.search(rf"\b(?:{'|'.join(map(re.escape, role_forms(role)))})\b\s*", text[start:end], re.IGNORECASE)
    if title is None:
        return speaker
    before = text[start : start + title.start()].split()[-1:]
    if start + title.end() >= end or (before and before[0].casefold() in _NOT_THE_HOLDER):
        return None
    return (start + title.end(), end, label)


def _a_firms_name(name: str) -> bool:
    """Whether a name is a firm's by its own words ("Kestle & Byrd Search Partners", "Greaves & Tolley", "Gressham
    Waste Services"), which answers "What's the name of the company that ...?" without the sentence calling it a
    company."""
    return "&" in name or bool(_A_FIRM_WORD_LAST.search(name))


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


def _holds_the_role(analysis: QuestionAnalysis, passage: Passage, entity: Entity, sentence: tuple[int, int]) -> bool:
    """For "Who is the prosecutor?": whether the sentence calls the one at `entity` the prosecutor."""
    role_stems = set(stems(" ".join(role_forms(analysis.role or ""))))
    describing_stems = all_stems(" ".join(analysis.focus_verb_forms))
    return _names_the_focus(passage.text, entity, role_stems, describing_stems, sentence,
                            naming_needs_the_focus=True) or _done_by_in_the_passive(
        analysis, passage.text, entity, sentence, describing_stems | role_stems
    ) or _given_the_role(
        passage.text, entity[:2], role_stems, sentence
    )


def _whole_line(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def drop_orders_to_assistants(candidates: list[Candidate], keep: int) -> list[Candidate]:
    """The candidates minus sentences addressed to an assistant, checked for the best `keep` only (it parses)."""
    result: list[Candidate] = []
    for candidate in candidates:
        if len(result) < keep and addressed_to_assistant(candidate.text):
            continue
        result.append(candidate)
    return result


# Words that may stand before a title in it: "City Engineer", "County Fire Chief", "Acting Police Chief".
_TITLE_QUALIFIERS = ("city", "county", "state", "town", "village", "district", "fire", "police", "deputy",
                     "assistant", "acting", "interim", "vice", "chief", "board", "school", "public", "health",
                     "finance", "budget", "works", "parks", "planning", "zoning", "transit", "utilities", "water",
                     "executive", "general")  # fmt: skip
# Words of a firm's name, which no person's name holds ("Greythorn Pump Works", "Chief Executive Partners").
_FIRM_WORDS = ("inc", "llc", "llp", "ltd", "corp", "company", "group", "partners", "services", "associates", "works",
               "holdings", "systems", "solutions", "consulting", "construction", "engineering", "architects",
               "builders", "contractors", "brothers", "industries", "enterprises", "developers", "excavating",
               "paving", "roofing", "plumbing", "landscaping", "earthworks")  # fmt: skip
_A_FIRM_WORD = re.compile(r"\b(?:" + "|".join(_FIRM_WORDS) + r")\b", re.IGNORECASE)
_A_FIRM_WORD_LAST = re.compile(r"\b(?:" + "|".join(_FIRM_WORDS) + r")\W*$", re.IGNORECASE)
# And of other bodies and places, which a person's name may hold ("Dana Hall") but seldom after a title.
_ORGANISATION_WORDS = _FIRM_WORDS + ("co", "authority", "commission", "council", "board", "department", "office",
                                     "district", "county", "city", "agency", "foundation", "fund", "bank", "hospital",
                                     "center", "centre", "university", "college", "school", "club", "association",
                                     "union", "church", "park", "hall", "library", "street", "avenue", "road", "plaza",
                                     "field", "building", "bridge")  # fmt: skip
_NAME_WORD = r"(?!(?i:" + "|".join(_ORGANISATION_WORDS) + r")\b)[A-Z][\w-]+(?![\w'’])"
# A person's name as news writes it: two or three capitalised words (a middle initial allowed), none a word of an
# organisation or a firm ("Arturo Benning"; not "Benning Hardware", "Wenlow Police Department").
_PERSONS_NAME = re.compile(rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}")
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


def _rank_below_the_top(question: str) -> "re.Pattern[str] | None":
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
    + rf")\s+(?:{_NAME_WORD}\s+){{1,2}}{_NAME_WORD}$"
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


def _answer_entities(
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
    surnames = {name.split()[-1] for name in people if not _A_FIRM_WORD.search(name)}
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
        if located and located.end() == e and _in_question(passage.text[s : located.start()], label,
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
        if label == "ORG" and _PERSONS_NAME.fullmatch(text) and text.split()[-1] in surnames:
            label = "PERSON"  # "Arturo Benning" tagged as an organisation in one passage, "Benning" as a person in
            # another sentence: a person, who is named by a question giving the surname and is no place
        trailing = _A_PREPOSITION_LAST.search(text) if label in _NAME_LABELS else None
        if trailing and not _NO_NAME.search(text[: trailing.start()]):
            e = s + trailing.start()  # "Brightline Builders of": the model took the "of" of "of Carver City" along
            text = passage.text[s:e]
        if (analysis.answer_type == "duration" and _A_COUNTING_WINDOW_BEFORE.search(passage.text, start, s)
                and not _ASKS_SINCE_WHEN.search(question)):  # fmt: skip
            continue  # "the second county bridge to need work in two years": the span things are counted over (but
            # "the first time in 20 years" answers "How long has it been since it last failed?")
        if (label != "PERSON" and analysis.answer_type in ("person", "organisation")
                and _POSSESSIVE_END.search(text) and not _A_SAINTS_NAME.search(text)
                and not _ASKS_WHOSE.match(question)):  # fmt: skip
            continue  # "Lindell Elementary's parking lot", "Hadley's reservoir project": whose the thing is, not who
            # did anything (but "St. Joseph's" is a hospital's name)
        if label in _NAME_LABELS and (_NO_NAME.search(text) or (
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
        if analysis.answer_type == "percent" and label == "MONEY" and _PER_AMOUNT_AFTER.match(passage.text, e, end):
            label = "PERCENT"  # "the tax rate at $18.42 per $1,000 of assessed value": a rate given as a sum per sum
        if label == "DATE" and all(part in NUMBER_WORDS for part in text.casefold().split("-")):
            label = "CARDINAL"  # "Forty dogs were rescued": the model took a number opening a sentence for a date
        if analysis.answer_type in ("person", "organisation") and label in ("GPE", "LOC") and _A_BODY_LAST.search(text):
            label = "ORG"  # "the Ludgarth County Sheriff's Office": the model tags a county's office as the place
        if analysis.answer_type in ("person", "organisation") and label == "PERSON" and _A_FIRM_WORD_LAST.search(text):
            label = "ORG"  # "Paxton Ridley Architects designed it": the model takes a firm named for people for one
        if analysis.answer_type == "place" and label in ("PERSON", "ORG") and _a_place_by_its_name(passage.text, s, e):
            label = "FAC"  # "will be built on Halsey Road", "on Quarry Hill": the model tags it as a person
        if (analysis.answer_type == "place" and focus_stems
                and _owns_another_of_the_focus(passage.text, s, e, focus_stems, question)):  # fmt: skip
            continue  # "where's the Bascom County 911 center?": "Ridley's center has 10 dispatchers" is Ridley's own
        if (analysis.answer_type == "place" and analysis.focus in ROAD_NOUNS
                and not (_THOROUGHFARE.search(text) or _ROAD_NOUN_LAST.search(text) and " " in text.strip())):
            continue  # "What street is the arena on?": a road's name, not the town's, nor a player named Pike
        if not entity_fits(analysis.answer_type, label, text, analysis.focus, analysis.content_lemmas) and not (
            analysis.length_of and label == "QUANTITY"
            and _a_length_of(passage.text, start, end, (s, e, label), analysis.length_of, passage.entities)
        ):
            continue  # "How long is the detour?": "a detour of 19 miles" as well as "25 minutes"
        if label in _FIGURE_LABELS and not _A_FIGURE.search(text):
            continue  # "hail as large as 2.75 inches": the model tagged "as large as" as a number
        if _in_question(text, label, normalised_question, question_words, question):
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
                    (_PER_AMOUNT_AFTER.match(passage.text, e) and not _ASKS_A_RATE.search(question))
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
            or (_THOROUGHFARE.search(text) and _noun_it_names(passage.text, s, e, start, end) is not None)
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
        if analysis.role and not _holds_the_role(analysis, passage, (s, e, label), (start, end)):
            continue  # "Who is the prosecutor?": someone the sentence calls the prosecutor, not anyone it names
        if analysis.role and _head_of_another_body(analysis.role, question, passage.text, (s, e), (start, end)):
            continue  # "Who is president of the teachers union?": not "Board President Gail Ferreira"
        if analysis.role and _of_another_place_by_title(analysis, passage.text, (s, e), (start, end)):
            continue  # "Who is the Ostleigh fire chief?": not "Harrowmere Fire Chief Sidonie Arkwright"
        if asks_a_partys_lawyer and _a_prosecutor(passage.text, (s, e), (start, end)):
            continue  # "Who was the roofer's lawyer?": not "Assistant District Attorney Simone Achterberg"
        kind_of = analysis.role or (analysis.focus if analysis.answer_type == "name" else None)
        if kind_of and _another_kind_of(kind_of, question, passage.text, (s, e), (start, end)):
            continue  # "Who will be the permanent chief?": not "Deputy Chief Amy Carver will serve as interim chief"
        if (doer_words and doer_words <= set(words(text)) and _PUBLIC_BODY.search(text)
                and analysis.answer_type in ("person", "organisation")):  # fmt: skip
            continue  # "Who did Pellinwood pick?": "The Pellinwood City Council" picked (a firm named after it may not)
        if asks_for_a_business and (_PUBLIC_BODY.search(text) or _INSTITUTION.search(text)):
            continue  # "Which contractor ...?": a firm, not "the City Council" that hired it, nor a college
        if (analysis.answer_type == "quantity" and label == "PERCENT" and not question_stems & _CHANCE_STEMS
                and _a_chance(passage.text, s, e, start)):  # fmt: skip
            continue  # "How much snow ...?": "a 70 percent chance of snow" is how likely it is, not how much
        if asks_for_a_business and _THOROUGHFARE.search(text):
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
        return (-on_focus, -specific, -_nearness(passage.text, entity, start, end, query_stems), entity[0])

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
                           ends=lambda t: t.text[:1].isupper() and bool(_A_FIRM_WORD.fullmatch(t.text)),
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
_TELLING_VERBS = _SAYING_VERBS | {"explain"}
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
    if set(title.split()[:-1]) & _NOT_THE_HOLDER:
        return False  # "Deputy Chief Ada Quist" holds no chief's post
    return not _titled_by_another(text[start : match.start()], analysis.question,
                                  places=match.group("title")[:1].isupper())  # fmt: skip


def _titled_by_another(before: str, question: str, holders: bool = True, places: bool = True) -> bool:
    """Whether the words right before a title (`before` ends where it begins) make it another's: with `places`, a
    place the question does not name ("Cadlington Reach Fire Chief ..." for Ebbling Hollow's; a title in capitals,
    as news writes it after a place: not "Defense attorney", whose capital opens the sentence), and with `holders`
    "Former" or "Deputy"."""
    asked = {_POSSESSIVE_END.sub("", w.casefold()) for w in words(question)}  # ("Orby's fire chief": Orby)
    for word in reversed(before.split()):  # back to the first word that is no name's
        bare = _POSSESSIVE_END.sub("", word.casefold())  # ("Orby's Fire Chief")
        if bare in _NAMES_OF_TIME:
            return False  # "On Monday Fire Chief Ada Quist": a day, no place
        if bare in _NOT_THE_HOLDER:
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
    # (not "Assistant prosecutor": whose kind it is, `_another_kind_of` reads)
    if title is not None and title.group()[:1].isupper() and _titled_by_another(
        text[sentence[0] : title.start()], analysis.question, holders=False
    ):
        return True
    # "Ashgrove's principal, Malachy Dunstable, ...": the role of the place before it, named beside it
    owner = (re.compile(rf"\b((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)['’]s\s+(?:[a-z]+\s+)?(?i:{forms}),\s+$")
             if forms else None)  # fmt: skip
    owned = owner.search(text, sentence[0], entity[0]) if owner is not None else None
    asked = {_POSSESSIVE_END.sub("", w.casefold()) for w in words(analysis.question)}
    # (of the place when any word of its name is the question's: "Tarnby Primary School's principal")
    return owned is not None and not any(w.casefold() in asked for w in owned.group(1).split())


# A title, then a person's name: "deputy director Emeka Trevannion", "Fire Chief Ada Quist" (the whole of the
# capitalised words: not "Tarn Public" of "Tarn Public Library").
_A_NAME_AFTER_A_TITLE = re.compile(
    r"\b(?P<title>(?i:" + "|".join(OFFICE_TITLES) + r")(?:\s+(?i:" + "|".join(OFFICE_TITLES) + r"))*)"
    rf"\s+(?P<name>{_PERSONS_NAME.pattern})(?!\s+[A-Z])"
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
# The word a public body's name ends in, or has before "of", "for" or "on" ("Amberlow City Council", "the
# Brindlemoor county commission", "Department of Public Works"): such a body answers no question about a company,
# firm or contractor. A firm's name may hold the word elsewhere ("Harbor Town Builders", "City Electric Supply").
_PUBLIC_BODY = re.compile(
    r"\b(?:Council|Commission|Commissioners|Board|Department|Dept\.|Authority|Committee|Court|Police|Sheriff|"
    r"Office|Legislature|Senate|Congress|Assembly|Parliament|Ministry|Government|Administration|District|County|"
    r"City|Village|Town|Township|State)(?:['’]s)?(?:\s+(?:of|for|on)\b|\W*$)",
    re.IGNORECASE,
)
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
_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP"})
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
_THOROUGHFARE = re.compile(
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
    return bool((_THOROUGHFARE.search(name) or _FEATURE_WORD.search(name))
                and _BEFORE_A_STREET.search(text[max(0, start - 12) : start]))  # fmt: skip


# The last word of a feature of the land's name ("Quarry Hill", "Pell Ridge").
_FEATURE_WORD = re.compile(
    r"\s(?:Lake|River|Creek|Brook|Pond|Reservoir|Bay|Island|Mountain|Hill|Ridge|Peak|Point|Valley|Beach|Falls|"
    r"Dam|Marsh|Canyon|Cove|Hollow|Bluff|Glen)$"
)


# A house number right before a street's name ("220 Main St."), and a road's number right after its name ("County
# Road 12", "Highway 61").
_HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?:at|to|from|of|on|near|outside|behind|in)\s+(?!(?:18|19|20)\d\d\s)(\d{1,5})\s+$"  # not a year: "in 2019 Elm"
)
_ROAD_NOUN_LAST = re.compile(r"\b(?:Road|Route|Highway|Hwy\.?|Interstate)$")
_ROAD_NUMBER_AFTER = re.compile(r"\s+\d{1,4}[A-Z]?\b(?![\w,.]*\d)(?!\s*(?:percent|%|yards?|feet|foot|miles?|meters?|"
                                r"minutes?|hours?|cars|vehicles|people)\b)")


# A weekday answer and the date the sentence gives right after it ("Thursday, Feb. 6"), which the model may tag apart.
_WEEKDAY = re.compile(r"(?:" + "|".join(WEEKDAY_NAMES) + r")$")
_DAY_OF_A_MONTH_AFTER = re.compile(
    r",\s+(?:" + "|".join(sorted((m.capitalize() for m in MONTH_NUMBERS), key=len, reverse=True)) + r")\.?\s+\d{1,2}\b"
)


def date_with_its_day(candidate: Candidate) -> str | None:
    """A weekday answer with the date right after it ("Thursday, Feb. 6"); else the answer as tagged."""
    if candidate.answer is None:
        return None
    text = candidate.passage.text
    s, e, _ = candidate.answer
    day = _DAY_OF_A_MONTH_AFTER.match(text, e, candidate.end) if _WEEKDAY.search(text[s:e]) else None
    return text[s : day.end() if day else e]


def rate_with_its_base(candidate: Candidate) -> str | None:
    """A rate given as a sum per sum, said whole ("$18.42 per $1,000", which the model tags as "18.42"); else the
    answer as tagged."""
    if candidate.answer is None:
        return None
    text = candidate.passage.text
    s, e, _ = candidate.answer
    per_amount = _PER_AMOUNT_AFTER.match(text, e, candidate.end)
    if per_amount is None or _A_PERCENT.search(text[s:e]):
        return text[s:e]
    return text[s - 1 if text[s - 1 : s] == "$" else s : per_amount.end()]


def place_with_its_number(candidate: Candidate) -> str | None:
    """A place answer as the sentence gives it, with the number the model leaves out of a street's or a road's name:
    a house number before a street ("220 Main St."), a number after a road ("County Road 12"); None for no answer."""
    if candidate.answer is None:
        return None
    text = candidate.passage.text
    s, e, _ = candidate.answer
    name = text[s:e]
    if _THOROUGHFARE.search(" " + name):
        number = _HOUSE_NUMBER_BEFORE.search(text, max(candidate.start, s - 16), s)
        if number is not None:
            s = number.start(1)
    if _ROAD_NOUN_LAST.search(name):
        number = _ROAD_NUMBER_AFTER.match(text, e, candidate.end)
        if number is not None:
            e = number.end()
    return text[s:e]


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
# After a sum, the sum it is given per: a rate ("$18.42 per $1,000 of assessed value", "$2.10 for every $100").
_A_PERCENT = re.compile(r"%|\bpercent\b|\bper cent\b", re.IGNORECASE)
_PER_AMOUNT_AFTER = re.compile(r"\s+(?:per|for each|for every|on each|on every)\s+\$[\d,]+")
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
# Units of time besides those of `_TIME_NOUNS`: a sum per one of them is a wage or a cost over time, not a price.
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
    if per is None or per.group(1).rstrip("s") in _TIME_NOUNS | _SHORT_TIME_NOUNS:
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


# Words for the options a choice is made among ("the finalists are ...", "Bids came from ...", "is weighing two
# sites: ..."), and verbs of asking for them. A closed class of English words.
_OPTIONS_WORD = re.compile(
    r"\b(?:finalists?|semifinalists?|candidates|applicants|bidders|bids|proposals|sites|contenders|nominees|"
    r"short\s*list|shortlist(?:ed)?)\b",
    re.IGNORECASE,
)
# Verbs that tell a choice made ("awarded", "voted to build ..., rejecting proposals to ...", "will be the next
# mayor after edging out fellow candidates ..."). English verbs of choosing and of winning.
_A_CHOICE_MADE = re.compile(
    r"\b(?:award(?:s|ed|ing)?|ch(?:o|oo)s(?:e|es|en|ing)|chose|select(?:s|ed|ing)?|pick(?:s|ed|ing)?|"
    r"hir(?:e|es|ed|ing)|nam(?:e|es|ed|ing)|appoint(?:s|ed|ing)?|approv(?:e|es|ed|ing)|vot(?:e|es|ed|ing)|"
    r"tapp(?:ed|ing)|went\s+to|won|settled\s+on|opted|edg(?:e|ed|ing)\s+out|defeat(?:s|ed|ing)?|beat|"
    r"unseat(?:s|ed|ing)?|will\s+be|replac(?:e|es|ed|ing)|gave|giv(?:e|es|ing)|favou?r(?:s|ed|ing)?|"
    r"prefer(?:s|red|ring)?|went\s+with)\b",
    re.IGNORECASE,
)
_ASKING_FOR_OPTIONS = frozenset({"bid", "apply", "compete", "consider", "weigh", "study", "offer", "vie", "run",
                                 "submit", "propose", "nominate", "interview", "respond", "shortlist"})  # fmt: skip
# The verbs of a question that asks for the one chosen (besides one about what will be: "Where will it be built?").
# English verbs of choosing, of getting a job or a contract, and of doing it.
_CHOOSING_VERBS = frozenset({"hire", "pick", "choose", "select", "name", "appoint", "award", "win", "get", "receive",
                             "build", "operate", "supply", "finance", "lead", "coach", "replace", "succeed", "elect",
                             "locate", "hold", "move", "open", "sign", "attend", "play", "join"})  # fmt: skip
_NAME_LABELS_LISTED = _NAME_LABELS - {"NORP"}
# How far (in characters) after the word for the options their list may begin ("The finalists are Deputy Chief ...").
_OPTIONS_REACH = 100
_LIST_CLOSED = re.compile(r"\s(?:and|or)\s|;")


def _lists_options(analysis: QuestionAnalysis, passage: Passage, start: int, end: int) -> bool:
    """Whether the sentence at passage.text[start:end] lists the options a choice is still to be made among: a word
    for them ("The finalists are ...", "Bids came from ...", "is weighing two sites: ...") and, soon after it, a list
    of two or more names ("A, B and C"). It answers no question of whom or where someone chose or will choose,
    unless the sentence tells the choice ("awarded the contract to Keldon Paving, the lowest of four bidders") or
    the question asks about the options themselves ("Who are the finalists?", "Which firms bid?")."""
    options = _OPTIONS_WORD.search(passage.text, start, end)
    if options is None or analysis.predicate in _ASKING_FOR_OPTIONS or _OPTIONS_WORD.search(analysis.question):
        return False
    if analysis.predicate not in _CHOOSING_VERBS and analysis.mood != "irrealis":
        return False  # "Who is the city engineer?": "City Engineer Tom Hayes said bids from A and B came in high"
    if _A_CHOICE_MADE.search(passage.text, start, end) or (
        analysis.predicate and set(stems(analysis.predicate)) & all_stems(passage.text[start:end])
    ):
        return False  # "awarded the contract to Keldon Paving, the lowest of four bidders": the choice is told
    named = sorted((s, e) for s, e, label in passage.entities
                   if label in _NAME_LABELS_LISTED and options.end() <= s and e <= end)  # fmt: skip
    if len(named) < 2 or named[0][0] - options.end() > _OPTIONS_REACH:
        return False
    # a list that "and" or "or" closes among them ("A of X, B of Y and C"; "A, which ...; B; and C"; "three sites: a
    # corner of M, a lot on B and land on R"), not names that only follow one another ("bids for the Ferris Street
    # project will be opened at Town Hall, said Town Clerk Joan Pettibone")
    return bool(_LIST_CLOSED.search(passage.text, named[0][1], named[-1][0]))


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
    return bool(_THOROUGHFARE.search(text[start:end]) and _BEFORE_A_STREET.search(text[max(0, start - 12) : start]))


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
             for name, label in analysis.entities if label == "PERSON" and not _POSSESSIVE_END.search(name)]
    return [name[-1] for name in names if len(name) > 1]


# How far before an age's sentence the person asked about may be named ("Randall Kuiper was charged. He is 52.").
_AGED_NAME_REACH = 150
# What may follow a surname in a full name ("Dale Orrin Jr."), and a name's possessive ending ("Ada Renn's").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
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


_POSSESSIVE_IN_TEXT = re.compile(r"['’]s\b")


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


def _in_question(
    text: str, label: str, normalised_question: str, question_words: set[str], question: str = ""
) -> bool:
    """Whether the question already names this entity (so it cannot be the answer)."""
    digits = re.findall(r"\d[\d,.]*", text)
    if digits:
        # "Feb. 14" is not named by a question about "Lock 14": its month is not in the question
        days = [w for w in words(text) if w in CALENDAR_WORDS]
        return all(d.replace(",", "").rstrip(".") in question_words for d in digits) and all(
            w in question_words for w in days
        )
    # ("Okafor-Lind's salary": the possessive's name is the question's "Ruth Okafor-Lind")
    names = [_POSSESSIVE_END.sub("", w) for w in words(text) if len(w) > 2 and w not in stopwords()]
    if label == "PERSON":
        # (the model may take a person's town into the name: "Mae Orlowski of Tolliver")
        names = [_POSSESSIVE_END.sub("", w) for w in words(re.split(r"\s+of\s+", text)[0])
                 if len(w) > 2 and w not in stopwords()]  # fmt: skip
    if label == "PERSON" and names:
        # the surname; not one the question writes only as the first word of a longer name ("Who started Keel
        # Valley Plastics?" does not name Walter Keel)
        if names[-1] not in question_words:
            # a possessive names her in full ("Who bought Mae Orlowski's hog?"), not her family ("Ada Renn's son")
            return all(n in {_POSSESSIVE_END.sub("", w) for w in question_words} for n in names)
        return not (question and _only_opening_a_name(names[-1], question))
    if normalise(text) in normalised_question or (names and all(w in question_words for w in names)):
        return True
    return label == "ORG" and _named_by_part(names, question)


_WRITTEN_WORD = re.compile(r"[^\W_][\w&-]*")


def _only_opening_a_name(word: str, question: str) -> bool:
    """Whether every time the question writes `word` it opens a longer name, a capitalised word following it
    ("Keel Valley Plastics" for "keel"; not "Keel's plant", "Mayor Keel" at the end, nor "Keel and Orr")."""
    found = list(re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", question, re.IGNORECASE))
    return bool(found) and all(
        re.match(r"\s+[A-Z]", question[m.end() :]) and not re.search(r"\b[A-Z][\w'’-]*\s+$", question[: m.start()])
        for m in found
    )


def _named_by_part(names: list[str], question: str) -> bool:
    """Whether the question names an organisation by the first or the last two or more words of its name, at
    least half of it, with no other name around them: "Brindlemoor Regional's new tower" names "Brindlemoor
    Regional Medical Center", "the port commission" names "the Marrowby County Port Commission"; but "Tarnby
    High School" names no "Orlow High School", nor "Kestrel Valley Dairy" "Kestrel Valley Foods", and one
    shared word names nothing ("the Kestrelton library" and "Kestrelton Builders")."""
    written = _WRITTEN_WORD.findall(_POSSESSIVE_IN_TEXT.sub("", question))  # as written, capitals and all
    lowered = [w.casefold() for w in written]
    for size in range(len(names) - 1, 1, -1):
        if 2 * size < len(names):
            break
        for part, look in ((names[:size], 1), (names[-size:], -1)):
            for i in range(len(lowered) - size + 1):
                if lowered[i : i + size] != part:
                    continue
                j = i + size if look == 1 else i - 1
                beside = written[j] if 0 <= j < len(written) else ""
                if beside.casefold() in ("which", "what", "whose"):
                    continue  # "Which fire department ...?": the kind asked about, not a name
                if look == 1 and _another_thing_of_the_name(question, written[i:j], beside, names[size:]):
                    continue  # "the Ossory Flats clinic" names the town's clinic, not "Ossory Flats Public Library"
                # another name next to the shared words: another organisation of the same kind
                if not (beside[:1].isupper() and beside.casefold() not in names):
                    return True
    return False


def _another_thing_of_the_name(question: str, shared: list[str], after: str, rest: list[str]) -> bool:
    """Whether the question writes the first words of an organisation's name right before a common noun its name
    does not go on with, when the name ends in another kind of place or body ("the Ossory Flats clinic" for "Ossory
    Flats Public Library"): another thing of the same place's name. Not when a possessive stands between
    ("Brindlemoor Regional's new tower"), nor when the name's end says no kind ("the Kestrel Valley store" may be
    Kestrel Valley Foods)."""
    if (not after or not after[:1].islower() or after in stopwords() or not rest
            or rest[-1] not in _ORGANISATION_WORDS or all_stems(after) & all_stems(" ".join(rest))):  # fmt: skip
        return False
    return bool(re.search(r"\b" + r"\s+".join(map(re.escape, shared)) + r"\s+" + re.escape(after) + r"\b", question))


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
        verb = _governing_verb(duration.root)
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


def counted_phrase(candidate: Candidate, focus: str | None) -> str | None:
    """A count with the noun asked about that it counts ("three firefighters", "24 exam rooms", "12 of the 40
    homes"), None when the parse does not give that noun within COUNTED_WINDOW words after the number: a number
    alone does not say what it counts, and a noun after it may belong to another clause ("Seven were hurt,
    firefighters said", "laid off seven and other workers fear ...")."""
    entity = candidate.answer
    if entity is None or not focus:
        return None
    doc = sentence_parse(candidate.text)
    span = doc.char_span(entity[0] - candidate.start, entity[1] - candidate.start, alignment_mode="expand")
    noun = _counted_noun(span) if span is not None else None
    if noun is None or noun.i < span.end or not set(stems(focus)) & text_stems(noun.text):
        return None  # the answer holds its noun already ("1,200 acres"), or counts something else
    between = [t for t in doc[span.end : noun.i] if not t.is_punct]
    if len(between) > COUNTED_WINDOW or any(t.dep_ in ("cc", "conj") or t.pos_ in ("VERB", "AUX") for t in between):
        return None  # "seven and other workers": the noun is not the seven's alone
    end = candidate.start + noun.idx + len(noun.text)
    text = candidate.passage.text
    if not balanced_quotes(text[entity[0] : end]):
        if not text.startswith(("”", '"'), end):
            return None
        end += 1  # "14 “homes”": the quotation closes after the noun
    return text[entity[0] : end]


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


def _another_kind_of(role: str, question: str, text: str, entity: tuple[int, int], sentence: tuple[int, int]) -> bool:
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
        verb = _governing_verb(noun.head.head)
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None


def _followed_by(text: str, entity: Entity, focus_stems: set[str]) -> bool:
    after = text[entity[1] : entity[1] + 60]
    return bool(focus_stems) and bool(focus_stems & text_stems(" ".join(after.split()[:COUNTED_WINDOW])))


def _nearness(text: str, entity: Entity, start: int, end: int, query_stems: set[str]) -> float:
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
