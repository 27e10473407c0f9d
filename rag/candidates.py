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
from typing import TYPE_CHECKING, Callable, Sequence

from index.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from index.vector_codec import unpack
from rag.another_subject import (
    namesake_articles, names_a_namesake, names_a_rival, names_another_number, names_another_period,
    of_another_instance, opening_settings, set_in_another_place,
)  # fmt: skip
from rag.answer_entities import NAME_LABELS, answer_entities, rank_below_the_top
from rag.answer_features import _on_focus, _specific, nearness
from rag.answer_text import addressed_to_assistant, looks_like_headline
from rag.asked_roles import role_forms
from rag.candidate import Candidate, Entity, sentence_spans, text_stems
from rag.constraint_checker import ArticleText, ConstraintChecker
from rag.date_words import kinds_of_may, same_may
from rag.models import Passage
from rag.new_names import names_not_asked
from rag.query import QuestionAnalysis
from rag.roles import NOT_THE_HOLDER, another_kind_of, holds_the_role
from rag.text import all_stems, normalise, noun_stems, stems, words
from rag.value_clause import _predicate_stems

if TYPE_CHECKING:
    import numpy as np

IdfFunction = Callable[[str], float]

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


def _similarities(passage: Passage, query: "np.ndarray | None", spans: list[tuple[int, int]]) -> list[float]:
    if query is None or not passage.sentence_vectors or not passage.sentence_spans:
        return [0.0] * len(spans)
    return [float(x) for x in unpack(passage.sentence_vectors) @ query][: len(spans)] + [0.0] * max(
        0, len(spans) - len(passage.sentence_spans)
    )


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
    # "the May call" is not matched by "he may talk" (nor "Who may run?" by "in May")
    asked_may = kinds_of_may(question, [text for text, label in analysis.entities if label in ("DATE", "TIME")])
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
    rank_asked = rank_below_the_top(question)
    namesakes = namesake_articles(passages, analysis.constraints, checker.article_stems)
    for rank, passage in enumerate(passages):
        if passage.article_id in namesakes:
            continue  # "Renn" there is another Renn than the one asked about
        whole = _as_asked(set(stems(f"{passage.title} {passage.text}")), f"{passage.title}\n{passage.text}", asked_may)

        passage_coverage = sum(idf(s) for s in query_stems & whole) / total_weight
        spans = sentence_spans(passage)
        previous: set[str] = set()
        previous_text = ""
        for (start, end), similarity in zip(spans, _similarities(passage, query, spans)):
            text = passage.text[start:end]
            sentence_stems = _as_asked(text_stems(text), text, asked_may)
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
                answers = answer_entities(analysis, passage, start, end, question, question_words)
                speaker = _speaker_before(analysis, passage, spans, start, end, question, question_words)
                if speaker:
                    answers, quote_start = speaker  # "Who said ...?": the person named before "..., she said"
                if not answers:
                    continue
            # the sentence before often names who and where ("In Alder Springs, ..."; "Brantley's budget ...")
            share, missing = checker.share_in(f"{context_text} {text}")
            if (not checker.hold_in_article(passage, missing) or names_a_rival(passage, start, end, missing)
                    or names_another_period(text, missing)
                    or names_another_number(text, analysis.constraints)
                    or names_a_namesake(passage, start, end, analysis.constraints, analysis.answer_type)):  # fmt: skip
                continue
            settings = opening_settings(passage, start, end)
            if settings and set_in_another_place(passage, settings, checker.share_in(text)[1]):
                continue
            if of_another_instance(text, question, checker):
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
                    "answer_near": nearness(passage.text, entity, start, end, query_stems),
                    "answer_on_focus": _on_focus(passage.text, entity, focus_stems, sentence_stems),
                    "answer_specific": _specific(passage.text[entity[0] : entity[1]]),
                    "answer_first_kind": float(entity[2] in _FIRST_KINDS.get(analysis.answer_type, (entity[2],))),
                }
                candidates.append(Candidate(rank, passage, quote_start, end, features, [entity]))
    return naming_first(analysis, measures_first(analysis, candidates), question)


def _as_asked(found: set[str], text: str, asked_may: frozenset[str]) -> set[str]:
    """The stems of `text` without "may" when it uses the word otherwise than the question does (the month, the
    verb; rag.date_words.kinds_of_may)."""
    if MAY_STEM in found and not same_may(asked_may, text):
        return found - {MAY_STEM}
    return found


# The stem of "May" and "may".
MAY_STEM = "may"


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
    people = answer_entities(analysis, passage, begin, finish, question, question_words)
    if not people:
        # the model sometimes misses a bare surname at a sentence start ("Haverkamp said ..."): a capitalised
        # name right before a verb of speech is the speaker all the same; for "Who is the council president?"
        # only when the sentence gives them the role ("Council President Ada Renn said"), as for any name
        named = _NAMED_SPEAKER.search(passage.text, begin, finish)
        speaker = (named.start(1), named.end(1), "PERSON") if named else None
        if speaker and analysis.role:
            speaker = _after_the_title(analysis.role, passage.text, speaker)
        if (speaker and normalise(passage.text[speaker[0] : speaker[1]]) not in normalise(question)
                and (not analysis.role or (holds_the_role(analysis, passage, speaker, (begin, finish))
                                           and not another_kind_of(analysis.role, question, passage.text,
                                                                    speaker[:2], (begin, finish))))):  # fmt: skip
            people = [speaker]  # (not "Fire Chief Ada Renn said" for the police chief)
    return (people, begin) if people else None


def _after_the_title(role: str, text: str, speaker: Entity) -> Entity | None:
    """The name after a title of `role` that opens the words before "said" ("Mayor Tam Quist said": "Tam Quist");
    None when no name follows it ("The Mayor said") or it is someone else's title ("Former Mayor ..."); the words
    as they are when they hold no title."""
    start, end, label = speaker
    title = re.search(rf"\b(?:{'|'.join(map(re.escape, role_forms(role)))})\b\s*", text[start:end], re.IGNORECASE)
    if title is None:
        return speaker
    before = text[start : start + title.start()].split()[-1:]
    if start + title.end() >= end or (before and before[0].casefold() in NOT_THE_HOLDER):
        return None
    return (start + title.end(), end, label)


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
_NAME_LABELS_LISTED = NAME_LABELS - {"NORP"}
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
