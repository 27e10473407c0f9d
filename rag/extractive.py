"""The extractive answerer: the few passage sentences that answer the question, each cited.

No generative model. Each sentence of the retrieved passages is scored by

    score = coverage + DENSE_WEIGHT * similarity + RANK_BONUS / (1 + passage rank)
            + ANSWER_KIND_BONUS (if it holds the kind of answer asked for)
            + PUBLISHER_BONUS (if the question names the sentence's publisher)

where coverage is the idf-weighted share of the question's content words the
sentence contains and similarity is the cosine between the question and the
sentence's late-chunked vector (index.embedder.embed_with_spans). When the
question asks for a number, a sum of money, a date or a person, only sentences
holding one are candidates ("how many X": a number that counts X, not "86
days"). The answer is the best sentence plus up to two more that score nearly
as well; a quote attributed to "he"/"she" brings the sentence naming them.

It abstains with CANNOT_ANSWER when its confidence in the best sentence

    confidence = coverage + DENSE_WEIGHT * similarity
                 - KIND_PENALTY (a number/date/person is asked for and the sentence has none)
                 - NAME_PENALTY * (question names its passage lacks)

is below the threshold, or when the question names someone or something that
no indexed article mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Collection, Sequence

from index.sentences import split_sentences
from index.vector_codec import unpack
from rag.citations import CitedSentence, QuoteSpan, number_citations
from rag.models import CANNOT_ANSWER, Answer, Passage
from rag.text import capitalised_terms, content_words, normalise, stems, stopwords, words

if TYPE_CHECKING:
    import numpy as np

IdfFunction = Callable[[str], float]

_NUMBER_QUESTION = re.compile(
    r"\b(how (many|much|long|old|often|far|big|large)|what (percentage|share|proportion|number|price|amount|size|"
    r"value|cost|total|sum|figure)|by how much|dollar value|total value|death toll)\b"
)
# An amount of money is answered by a sum ("$30 per barrel", "4.5 trillion"), not by any number.
_MONEY_QUESTION = re.compile(r"\b(how much (money|funding|aid|cash|financ\w*)|dollars?|euros?|prices?|costs?|worth)\b")
_SUM = re.compile(r"[$€£]\s?\d|\b\d[\d.,]*\s?(dollars?|euros?|pounds|bn|billion|million|trillion)\b")
_DATE_QUESTION = re.compile(
    r"^\s*(and )?when\b|\b(what (day|date|month|year|weekday)|which (day|date|month|year|weekday)|on what date)\b"
)
_PERSON_QUESTION = re.compile(
    r"^\s*(who|whom|whose)\b|\bwhich (official|leader|person|minister|president|aide|spokes\w*|analyst|chancellor|"
    r"chief|general|commander|lawmaker|senator|reporter|journalist)\b"
)
_LIST_QUESTION = re.compile(
    r"\b(list|which (countries|issues|topics|weapons|areas|fields|sectors)|what (issues|topics|demands|conditions|"
    r"areas|weapons|measures|steps|fields|kinds|types|two|three))\b"
)
_ACROSS_SOURCES = re.compile(
    r"\b(outlets|reports|articles|sources|publishers|coverage|newspapers|agree|disagree|differ\w*|contradict\w*|"
    r"both|each)\b"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE_WORDS = re.compile(
    rf"\b({_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|"
    r"(?:19|20)\d\d)\b"
)
_DATE_NUMBER = re.compile(rf"\b(?:(?:{_MONTHS})\.? \d{{1,2}}|\d{{1,2}} (?:{_MONTHS})|(?:19|20)\d\d)\b")
# "one" and "first" are left out: "one of the most senior officers" is no count.
_QUANTITY_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|"
    r"thousands?|millions?|billions?|trillions?|dozens?|half|sixth|fifth|fourth|third|hour|minutes?)\b"
)
# "has not approved any new weapons deliveries" answers "how many ... approved?" with zero.
_ZERO_COUNT = re.compile(r"\b(none|zero|not \w+ any|not a single)\b")
# A name-like word the corpus never mentions is only a sign of an unanswerable
# question when it is not an acronym (GDP, TV) or a demonym (British): those
# are routinely paraphrased ("UK", "Britain").
_DEMONYM = re.compile(r"(an|ish|ese|ian|ean|i)$")

# Weights and penalties, set on the evaluation set's answerable AND
# unanswerable questions (see eval/README.md for the figures): coverage and
# similarity carry the score; the bonuses only break near-ties toward
# sentences that hold the kind of answer asked for.
DENSE_WEIGHT = 1.0
ANSWER_KIND_BONUS = 0.15
RANK_BONUS = 0.15
PUBLISHER_BONUS = 0.1
KIND_PENALTY = 0.25
NAME_PENALTY = 0.2
# Question words found only in the sentence before count this much: "July 3"
# in "Trump spoke to Putin on July 3 ..." qualifies the quote that follows it.
CONTEXT_WEIGHT = 0.5
# A further sentence joins the answer when it scores at least this share of the best.
FOLLOW_SENTENCE_RATIO = 0.6
MIN_SENTENCE_WORDS = 4
# Below this many content words (stemmed) new to the answer, a sentence only repeats it,
# unless one of them is a question word the answer lacks ("progress" in "I didn't make
# any progress with him at all", a short sentence that is the answer).
MIN_NEW_STEMS = 3
# A quote attributed to a pronoun ("..., she said") does not say who spoke: the
# sentence before it, which names the speaker, joins the answer.
_PRONOUN_SPEAKER = re.compile(
    r"\b(he|she|they) (said|says|added|told|wrote|noted|warned|argued|insisted|stressed|continued)\b"
    r"|\b(said|says|added) (he|she)\b"
)


@dataclass
class ScoredSentence:
    passage_rank: int
    passage: Passage
    start: int  # local to the passage text
    end: int
    coverage: float
    similarity: float
    has_kind: bool
    missing_names: int
    score: float

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]

    @property
    def confidence(self) -> float:
        return (
            self.coverage
            + DENSE_WEIGHT * self.similarity
            - (0.0 if self.has_kind else KIND_PENALTY)
            - NAME_PENALTY * self.missing_names
        )


def expected_answer_kind(question: str) -> str | None:
    lowered = normalise(question)
    if _MONEY_QUESTION.search(lowered):
        return "money"
    if _NUMBER_QUESTION.search(lowered):
        return "number"
    if _DATE_QUESTION.search(lowered):
        return "date"
    if _PERSON_QUESTION.search(lowered):
        return "person"
    return None


_COUNTED = re.compile(r"\bhow many ((?:[\w'-]+ ?){1,3})")


def counted_phrase(question: str) -> list[str]:
    """The words after "how many", up to the first stopword: "Russian casualties" in "how many Russian
    casualties did ...". The head noun may be paraphrased, so each of them may mark a count."""
    match = _COUNTED.search(normalise(question))
    phrase: list[str] = []
    for word in match.group(1).split() if match else ():
        if word in stopwords():
            break
        phrase.append(word)
    return phrase


# How far after a number the counted thing may come: "four southeastern provinces".
COUNTED_WINDOW = 3
_DURATION_WORDS = {"hour", "minute", "minutes"}


def counts_of(text: str, counted: set[str]) -> set[str]:
    """Numbers and quantity words of `text` that can count the `counted` thing: a number directly
    followed by another noun counts that noun instead ("86 days", "a 40-month war", "the third
    anniversary") unless the counted thing follows within COUNTED_WINDOW words; a bare number
    ("the sixth between the two leaders", "killed at least 12") may count it."""
    tokens = words(text)
    found: set[str] = set()
    for i, token in enumerate(tokens):
        if not (token[:1].isdigit() or _QUANTITY_WORDS.fullmatch(token)):
            continue
        if token in _DURATION_WORDS and not counted & set(stems(token)):
            continue  # "an hour" counts no batteries
        j = i + 2 if i + 1 < len(tokens) and tokens[i + 1] == "of" else i + 1
        if j < len(tokens) and tokens[j] not in stopwords():
            if not counted & set(stems(" ".join(tokens[j : j + COUNTED_WINDOW]))):
                continue
        found.add(token)
    return found


def _same_root(stem: str, others: set[str]) -> bool:
    return stem in others or any(
        min(len(stem), len(o)) >= 4 and (stem.startswith(o) or o.startswith(stem)) for o in others
    )


def has_answer_kind(sentence: str, kind: str | None, question: str) -> bool:
    """Whether the sentence holds a number / date / name the question does not already contain."""
    if kind is None:
        return True
    text, asked = normalise(sentence), normalise(question)
    if kind == "number":
        phrase = counted_phrase(question)
        sentence_stems = set(stems(sentence))
        # the first counted word is rarely paraphrased, but may change form: "Russian" / "Russia"
        if phrase and not all(_same_root(c, sentence_stems) for c in stems(phrase[0])):
            return False
        undated = _DATE_NUMBER.sub(" ", text)
        zero = bool(_ZERO_COUNT.search(undated)) and not _ZERO_COUNT.search(asked)
        counted = set(stems(" ".join(phrase)))
        if counted:
            return bool(counts_of(undated, counted) - set(words(asked))) or zero
        numbers = {w for w in content_words(undated) if w[:1].isdigit()} - set(content_words(asked))
        quantities = set(_QUANTITY_WORDS.findall(undated)) - set(_QUANTITY_WORDS.findall(asked))
        return bool(numbers or quantities or zero)
    if kind == "money":
        return bool(_SUM.search(text))
    if kind == "date":
        return bool(set(_DATE_WORDS.findall(text)) - set(_DATE_WORDS.findall(asked)))
    return bool(set(capitalised_terms(sentence)) - set(capitalised_terms(question)))


def _sentence_spans(passage: Passage) -> list[tuple[int, int]]:
    """The passage's sentences as stored at ingest, or split now for a passage without them."""
    return [(int(s), int(e)) for s, e in passage.sentence_spans] or split_sentences(passage.text)


def _sentences_with_vectors(passage: Passage, query_vector: "np.ndarray | None") -> list[tuple[int, int, float]]:
    """(start, end, dense similarity to the query) of each sentence of the passage; 0.0 without vectors."""
    spans = _sentence_spans(passage)
    if query_vector is None or not passage.sentence_vectors or not passage.sentence_spans:
        return [(s, e, 0.0) for s, e in spans]
    similarities = unpack(passage.sentence_vectors) @ query_vector
    return [(s, e, float(sim)) for (s, e), sim in zip(spans, similarities)]


def named_publishers(question: str, publishers: Collection[str]) -> set[str]:
    """Publishers the question refers to by name or initials ("per the SMH", "according to AP")."""
    asked = set(words_and_initials(question))
    return {p for p in publishers if publisher_aliases(p) & asked}


def publisher_aliases(publisher: str) -> set[str]:
    """A publisher's distinctive words and initials: The Sydney Morning Herald -> {sydney, morning, herald, smh}."""
    parts = [w for w in re.split(r"[\s/]+", normalise(publisher)) if w and w != "the"]
    aliases = {w for w in parts if len(w) > 2 and w not in ("times", "press", "news")}
    if len(parts) > 1:
        aliases.add("".join(w[0] for w in parts))
    aliases.update(re.findall(r"[a-z]{2,}", normalise(publisher)) if "/" in publisher else ())
    return aliases


def words_and_initials(text: str) -> list[str]:
    return re.findall(r"[a-z]+", normalise(text))


def score_sentences(
    question: str,
    passages: list[Passage],
    idf: IdfFunction,
    query_vector: Sequence[float] | None = None,
) -> list[ScoredSentence]:
    import numpy as np

    query = np.asarray(query_vector, dtype=np.float32) if query_vector is not None else None
    query_stems = set(stems(question))
    total_weight = sum(idf(s) for s in query_stems) or 1.0
    kind = expected_answer_kind(question)
    question_names = set(capitalised_terms(question))
    preferred = named_publishers(question, {p.source for p in passages})
    scored: list[ScoredSentence] = []
    seen: set[tuple[str, int]] = set()
    for rank, passage in enumerate(passages):
        passage_text = normalise(passage.text + " " + passage.title + " " + passage.source)
        missing = sum(
            1 for name in question_names if name not in passage_text and not (publisher_aliases(passage.source) & {name})
        )
        previous_stems: set[str] = set()
        for start, end, similarity in _sentences_with_vectors(passage, query):
            text = passage.text[start:end]
            key = (passage.article_id, passage.start + start)
            sentence_stems = set(stems(text))
            context_stems, previous_stems = previous_stems, sentence_stems
            if key in seen or len(text.split()) < MIN_SENTENCE_WORDS:
                continue
            seen.add(key)
            own = query_stems & sentence_stems
            from_context = (query_stems & context_stems) - own
            coverage = (sum(idf(s) for s in own) + CONTEXT_WEIGHT * sum(idf(s) for s in from_context)) / total_weight
            kind_found = has_answer_kind(text, kind, question)
            score = coverage + DENSE_WEIGHT * similarity + RANK_BONUS / (1 + rank)
            if kind is not None and kind_found:
                score += ANSWER_KIND_BONUS
            if passage.source in preferred:
                score += PUBLISHER_BONUS
            scored.append(ScoredSentence(rank, passage, start, end, coverage, similarity, kind_found, missing, score))
    return sorted(scored, key=lambda s: -s.score)


def name_phrases(question: str) -> list[str]:
    """Multi-word proper names in the question ("Joe Biden", "Marco Rubio"), normalised; the first word is skipped."""
    tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\S", question)[1:]
    phrases: list[str] = []
    current: list[str] = []
    for token in [*tokens, "."]:
        if token[:1].isupper() and token.isalpha() and not token.isupper():
            current.append(normalise(token))
            continue
        if len(current) >= 2:
            phrases.append(" ".join(current))
        current = []
    return phrases


def missing_name(question: str, sentence: ScoredSentence) -> str | None:
    """A multi-word name of the question whose last word the answering passage never mentions."""
    passage_text = normalise(f"{sentence.passage.text} {sentence.passage.title} {sentence.passage.source}")
    for phrase in name_phrases(question):
        surname = phrase.split()[-1].removesuffix("'s")
        if surname not in passage_text:
            return phrase
    return None


def unknown_names(question: str, knows: Callable[[str], bool], known_terms: Collection[str] = ()) -> list[str]:
    """Names in the question that no indexed article mentions: a sign the articles can't answer."""
    missing = []
    raw_words = set(re.findall(r"[^\W\d_]+", question))
    for name in capitalised_terms(question):
        if name in known_terms or _DEMONYM.search(name):
            continue
        if any(w.isupper() and w.casefold() == name for w in raw_words):
            continue  # an acronym
        name_stems = stems(name)
        if name_stems and not all(knows(s) for s in name_stems):
            missing.append(name)
    return missing


def extractive_answer(
    question: str,
    passages: list[Passage],
    idf: IdfFunction,
    knows: Callable[[str], bool],
    *,
    threshold: float,
    max_sentences: int = 3,
    query_vector: Sequence[float] | None = None,
    known_terms: Collection[str] = (),
) -> Answer:
    """Answer from the passages' own sentences, or abstain."""
    scored = score_sentences(question, passages, idf, query_vector)
    if expected_answer_kind(question) is not None:
        # a "how many" / "when" / "who" question is answered by a sentence holding one
        scored = [s for s in scored if s.has_kind]
    if (
        not scored
        or scored[0].confidence < threshold
        or unknown_names(question, knows, known_terms)
        or missing_name(question, scored[0])
    ):
        return Answer(question=question, answer=CANNOT_ANSWER, abstained=True, mode="extractive", retrieved=passages)

    lowered = normalise(question)
    limit = max_sentences + 2 if _LIST_QUESTION.search(lowered) else max_sentences
    if _ACROSS_SOURCES.search(lowered):
        # "do the reports agree?": the best sentence of each publisher, not three of one
        scored = _one_per_publisher(scored)
    chosen = [scored[0]]
    covered = set(stems(scored[0].text))
    question_stems = set(stems(question))
    for candidate in scored[1:]:
        if len(chosen) >= limit or candidate.score < FOLLOW_SENTENCE_RATIO * scored[0].score:
            break
        new_stems = set(stems(candidate.text)) - covered
        if len(new_stems) < MIN_NEW_STEMS and not new_stems & question_stems:
            continue
        chosen.append(candidate)
        covered |= new_stems

    cited: list[CitedSentence] = []
    for sentence in _in_reading_order(_with_speakers(chosen)):
        previous = cited[-1] if cited else None
        quote = QuoteSpan(sentence.passage, sentence.start, sentence.end)
        if previous and _adjacent(previous.quotes[-1], quote):
            # consecutive sentences of one passage: one citation quoting both
            joined = QuoteSpan(sentence.passage, previous.quotes[-1].start, sentence.end)
            cited[-1] = CitedSentence(f"{previous.text} {sentence.text}", [joined])
        else:
            cited.append(CitedSentence(sentence.text, [quote]))
    text, citations, sentences = number_citations(cited, passages)
    return Answer(
        question=question,
        answer=text,
        mode="extractive",
        citations=citations,
        sentences=sentences,
        retrieved=passages,
    )


def _one_per_publisher(scored: list[ScoredSentence]) -> list[ScoredSentence]:
    firsts: dict[str, ScoredSentence] = {}
    for sentence in scored:
        firsts.setdefault(sentence.passage.source, sentence)
    rest = [s for s in scored if firsts[s.passage.source] is not s]
    return [*firsts.values(), *rest]


def _with_speakers(chosen: list[ScoredSentence]) -> list[ScoredSentence]:
    """The chosen sentences, each quote attributed to "he"/"she" preceded by the sentence naming the speaker."""
    taken = {(s.passage.passage_id, s.start) for s in chosen}
    result: list[ScoredSentence] = []
    for sentence in chosen:
        if _PRONOUN_SPEAKER.search(normalise(sentence.text)):
            before = [(s, e) for s, e in _sentence_spans(sentence.passage) if e <= sentence.start]
            if before and (sentence.passage.passage_id, before[-1][0]) not in taken:
                start, end = before[-1]
                result.append(replace(sentence, start=start, end=end))
                taken.add((sentence.passage.passage_id, start))
        result.append(sentence)
    return result


def _in_reading_order(chosen: list[ScoredSentence]) -> list[ScoredSentence]:
    """Best sentence first; sentences of one passage keep their order in the text."""
    by_passage: dict[str, list[ScoredSentence]] = {}
    for sentence in chosen:
        by_passage.setdefault(sentence.passage.passage_id, []).append(sentence)
    ordered: list[ScoredSentence] = []
    for group in by_passage.values():
        ordered.extend(sorted(group, key=lambda s: s.start))
    return ordered


def _adjacent(first: QuoteSpan, second: QuoteSpan) -> bool:
    if first.passage.passage_id != second.passage.passage_id:
        return False
    between = first.passage.text[first.end : second.start]
    return second.start >= first.end and not between.strip()
