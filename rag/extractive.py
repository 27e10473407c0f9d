"""The extractive answerer: a short answer first, then the sentence it comes from, each cited; or an honest refusal.

No generative model. The question is analysed once (rag.query); candidate
sentences are those that hold the kind of answer asked for and respect the
question's constraints (rag.candidates); a fitted ranker orders them and a
fitted refusal model decides whether the best one is good enough to answer
(rag.answer_model, fitted on the development splits only).

The answer text, by question type:

- a value (a name, a date, a number): "About an hour [1]." then the one
  sentence it comes from (widened to close a quotation it opens);
  a question about several ("Which mayors ...") lists the distinct answers,
  each cited; two sources giving different figures for the same thing are
  both given and said to differ;
- anything else (a reason, a quote, a description): the best sentence and up
  to two more that score nearly as well, a quote attributed to "he"/"she"
  preceded by the sentence that names the speaker.

Answer text never carries markup, datelines, headlines or half a quotation
(rag.answer_text); the citation panel shows each sentence exactly as the
article has it. Each citation says whether its sentence answers the question
("answers") or only supports the answer ("related").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from index.metadata import UNKNOWN_PUBLISHER
from rag.answer_clause import answer_clause
from rag.answer_model import AnswerModel, kind_of, load_answer_model
from rag.answer_text import balanced_quotes, display_text, without_half_quotations
from rag.candidate import Candidate, sentence_spans, span_after, with_sentence_before
from rag.candidates import PRONOUN_SPEAKER, IdfFunction, drop_orders_to_assistants, find_candidates
from rag.citations import CitedSentence, QuoteSpan, number_citations
from rag.constraint import Constraint
from rag.constraint_checker import ArticleText
from rag.figures import answer_key
from rag.identity import describe
from rag.leaders import asks_who_heads, titled_head
from rag.messages import NO_WORDS_TO_LOOK_FOR
from rag.models import CANNOT_ANSWER, Answer, Passage, Relevance
from rag.new_names import names_someone_new, new_names
from rag.ordering import asks_for_the_hired_firm, fitting_first, named_by_focus, the_hired_firm
from rag.query import QuestionAnalysis
from rag.reasons import asks_why_of_an_event, reason_after, told_with_a_reason
from rag.rivals import outlet, rival_figure
from rag.text import normalise, stems, words
from rag.voter_accounts import tells_the_vote_asked, voters_vote, with_the_voters_account
from rag.votes import account_side, asks_for_an_account, voters_asked
from rag.whole_values import counted_phrase, date_with_its_day, place_with_its_number, rate_with_its_base
from rag.withheld import Withheld, find_withheld, withheld_notice
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness
from rag.yes_no import whether_told

# A further sentence joins a descriptive answer when the ranker gives it at least this
# share of the best sentence's odds.
FOLLOW_SENTENCE_RATIO = 0.3
# Below this many content words (stemmed) new to the answer, a sentence only repeats it.
MIN_NEW_STEMS = 3
# Other answers to a question about several things are given when the ranker's logit is within this of the
# best one's.
SECOND_ANSWER_GAP = 1.0
MAX_LISTED_ANSWERS = 5
# Sentences an answer sentence may take on either side of it to show a quotation it is part of whole.
MAX_WIDENING = 2
# Candidates checked for orders to an assistant (each check parses the sentence).
CHECKED_FOR_ORDERS = 6
# Margin reported when no other candidate gives a different answer (the margin's cap).
MAX_MARGIN = 5.0
_NUMERIC_TYPES = frozenset({"count", "money", "percent", "quantity", "measure", "duration", "age"})
_ACROSS_SOURCES = frozenset(
    {"outlet", "report", "article", "source", "publisher", "coverage", "newspaper", "agree", "disagree", "differ",
     "contradict", "both", "each"}
)  # fmt: skip


@dataclass(frozen=True)
class Decision:
    """What the refusal model saw and concluded, for the eval's fitting and the trace."""

    best: Candidate | None
    features: dict[str, float]
    probability: float
    answered: bool


def put_aside(ranked: Sequence[Candidate], kept: Sequence[Candidate]) -> list[Candidate]:
    """The candidates ranked above the best of `kept` that the ordering rules dropped (rag.ordering.fitting_first)."""
    if not kept:
        return []
    ids = {id(c) for c in kept}
    above = [c for c in ranked if c.score > kept[0].score]
    return [c for c in above if id(c) not in ids]


def refusal_features(
    candidates: Sequence[Candidate], analysis: QuestionAnalysis, word_likeness: WordLikeness = SAME_WORD_ONLY,
    dropped: Sequence[Candidate] = (),
) -> dict[str, float]:
    """The best candidate's features plus how it compares with the rest (rag.answer_model.REFUSAL_EXTRA), `dropped`
    being the candidates ranked above it that a rule put aside (`put_aside`)."""
    best = candidates[0]
    best_answer = answer_key(best)
    # a value of the best's own sentence that a rule put behind it (rag.extractive.fitting_first chose among the
    # sentence's values) is no rival of it, nor is the same name told in full or in short
    others = [c for c in candidates[1:] if not _the_same_answer(best, best_answer, c, analysis.question)
              and not (c.score > best.score and c.passage is best.passage and c.start == best.start)]  # fmt: skip
    margin = min(MAX_MARGIN, best.score - others[0].score) if others else MAX_MARGIN
    # a value a rule dropped for the best still speaks against it, as one the rules only put behind it does: a rule
    # that drops "25 lifeguards" for "How many swimmers?" leaves the next value no surer than before
    rivals_dropped = [c.score for c in dropped if not _the_same_answer(best, best_answer, c, analysis.question)]
    if rivals_dropped:
        margin = min(margin, best.score - max(rivals_dropped))
    following = candidates[1:5]
    agreement = (
        sum(answer_key(c) == best_answer for c in following) / len(following)
        if following and best.answer is not None
        else 0.0
    )
    return {
        **best.features,
        "ranker_score": best.score,
        "margin": margin,
        "agreement": agreement,
        "candidates": math.log1p(len(candidates)),
        **answer_clause(analysis, best, word_likeness),
        "new_names": new_names(best, analysis.question),
    }


def _the_same_answer(best: Candidate, best_answer: str, other: Candidate, question: str) -> bool:
    """Whether two candidates give one answer: the same value, or one name told in full and in short ("Halvern
    Property Group" and "Halvern", "Delia Marchetti" and "Marchetti"), which the model tags alike; not two names
    that share only words of the question ("the Hadley family" and "Hadley Dairy" for "Who repairs Hadley Dairy's
    wall?"). `best_answer`: the best one's `answer_key`."""
    if answer_key(other) == best_answer:
        return True
    if best.answer is None or other.answer is None or best.answer[2] != other.answer[2]:
        return False
    if best.answer[2] not in _SHORTENED_NAME_LABELS:
        return False
    first, second = set(stems(best.answer_text() or "")), set(stems(other.answer_text() or ""))
    shared = first & second
    return bool(first and second) and (first <= second or second <= first) and bool(shared - set(stems(question)))


# Labels of names that may be told in full or in short (not a place's: "Brennock" and "Brennock County" are two).
_SHORTENED_NAME_LABELS = frozenset({"PERSON", "ORG", "FAC"})


def decide(
    analysis: QuestionAnalysis,
    passages: list[Passage],
    idf: IdfFunction,
    *,
    model: AnswerModel | None = None,
    query_vector: Sequence[float] | None = None,
    article_text: ArticleText | None = None,
    knows: Callable[[str], bool] | None = None,
    word_likeness: WordLikeness = SAME_WORD_ONLY,
    given: Callable[[Candidate], bool] | None = None,
) -> tuple[list[Candidate], Decision]:
    """Ranked candidates and the refusal model's decision on the best one, leaving out those `given` says an
    earlier part of the question's answer already gave."""
    model = model or load_answer_model()
    if analysis.about_the_assistant or analysis.names_nothing:
        return [], Decision(None, {}, 0.0, False)
    candidates = find_candidates(analysis, passages, idf, query_vector, article_text, knows)
    if given is not None:
        candidates = [c for c in candidates if not given(c)]
    ranker = model.ranker[kind_of(analysis.typed)]
    for candidate in candidates:
        candidate.score = ranker.logit(candidate.features)
    candidates.sort(key=lambda c: (-c.score, c.passage_rank, c.start))
    ranked = drop_orders_to_assistants(candidates, CHECKED_FOR_ORDERS)
    candidates = fitting_first(ranked, analysis, word_likeness)
    if asks_why_of_an_event(analysis):
        candidates = told_with_a_reason(candidates, analysis)
    if not candidates:
        return candidates, Decision(None, {}, 0.0, False)
    features = refusal_features(candidates, analysis, word_likeness, put_aside(ranked, candidates))
    probability = model.answer_probability(features)
    answered = probability >= model.threshold or _told_in_words_of_its_own(candidates, analysis)
    return candidates, Decision(candidates[0], features, probability, answered)


def _told_in_words_of_its_own(candidates: list[Candidate], analysis: QuestionAnalysis) -> bool:
    """Whether the best candidate is what a news report says in words of its own, which share few of the question's
    (so the refusal model scores it low): who voted, or a named voter's account (rag.voter_accounts), and a head's
    title beside a name for "Who runs the marina?" (rag.leaders)."""
    return (
        tells_the_vote_asked(candidates, analysis)
        or (asks_who_heads(analysis) and titled_head(candidates[0], analysis.question))
        or (asks_for_the_hired_firm(analysis) and the_hired_firm(candidates[0], analysis))
    )


def extractive_answer(
    analysis: QuestionAnalysis,
    passages: list[Passage],
    idf: IdfFunction,
    *,
    model: AnswerModel | None = None,
    max_sentences: int = 3,
    query_vector: Sequence[float] | None = None,
    article_text: ArticleText | None = None,
    knows: Callable[[str], bool] | None = None,
    threshold: float | None = None,
    word_likeness: WordLikeness = SAME_WORD_ONLY,
) -> Answer:
    """Answer from the passages' own sentences, or refuse with CANNOT_ANSWER (below `threshold`: by default
    the answer model's fitted one)."""
    model = model or load_answer_model()
    if threshold is not None:
        model = replace(model, threshold=threshold)
    cited: list[CitedSentence] = []
    probabilities: list[float] = []
    answered: list[float] = []
    withheld: list[Withheld] = []
    given = _Given()
    # a compound question ("What rating did it get, and what did repairs cost?") is answered part by part,
    # each part by the same rules as a question of its own; the parts the articles answer are given, and a
    # part is not answered by what an earlier part's answer gave (two parts ask two things)
    for part in analysis.parts or (analysis,):
        candidates, decision = decide(
            part, passages, idf, model=model, query_vector=query_vector, article_text=article_text, knows=knows,
            word_likeness=word_likeness,
            given=None if not analysis.parts else given.value_given if part.typed else given.sentence_given,
        )
        probabilities.append(decision.probability)
        # an article that says the thing asked is not known outranks an answer from a passage retrieved
        # after it: "The sheriff declined to discuss a motive" answers "What motive did police give?"
        last_rank = decision.best.passage_rank if decision.best is not None else None
        said_not_given = find_withheld(part, passages, last_rank)
        if said_not_given is not None:
            withheld.append(said_not_given)
            continue
        if not decision.answered:
            continue
        answered.append(decision.probability)
        if part.typed:
            found = _typed_answer(part, candidates, model, word_likeness)
        else:
            found = _sentence_answer(part, candidates, max_sentences if not analysis.parts else 1, model)
        cited += given.new(found)
        given.add(decision.best, found)
    if not cited:
        return Answer(
            question=analysis.question,
            answer=CANNOT_ANSWER,
            abstained=True,
            mode="extractive",
            notice=NO_WORDS_TO_LOOK_FOR if analysis.names_nothing else withheld_notice(withheld[0]) if withheld else None,
            retrieved=passages,
            confidence=round(max(probabilities), 4),
        )
    text, citations, sentences = number_citations(cited, passages)
    return Answer(
        question=analysis.question,
        answer=text,
        mode="extractive",
        citations=citations,
        sentences=sentences,
        retrieved=passages,
        confidence=round(min(answered), 4),
    )


class _Given:
    """What the answer's earlier parts gave: the sentences they showed whole and the values they answered (each as
    the mention it was: "40 workers" in June's sentence may answer a part after "40 workers" in March's did)."""

    def __init__(self) -> None:
        self.shown: set[tuple[str, int]] = set()
        self.values: set[tuple[str, int]] = set()

    def add(self, best: Candidate | None, found: Sequence[CitedSentence]) -> None:
        if best is not None and best.answer is not None:
            self.values.add(_mention(best))
        self.shown.update(_quoted(sentence) for sentence in found if _whole(sentence))

    def sentence_given(self, candidate: Candidate) -> bool:
        return (candidate.passage.passage_id, candidate.start) in self.shown

    def value_given(self, candidate: Candidate) -> bool:
        return candidate.answer is not None and _mention(candidate) in self.values

    def new(self, found: Sequence[CitedSentence]) -> list[CitedSentence]:
        """`found` without the sentences an earlier part already showed whole (a value's supporting sentence is
        often the one the part before gave)."""
        return [sentence for sentence in found if not (_whole(sentence) and _quoted(sentence) in self.shown)]


def _mention(candidate: Candidate) -> tuple[str, int]:
    """Where the candidate's value stands: its passage and its offset there."""
    assert candidate.answer is not None
    return candidate.passage.passage_id, candidate.answer[0]


def _whole(sentence: CitedSentence) -> bool:
    """Whether the cited sentence shows its quote whole (not a short value taken from it)."""
    return len(sentence.quotes) == 1 and sentence.text == _said(sentence.quotes[0].text)


def _quoted(sentence: CitedSentence) -> tuple[str, int]:
    quote = sentence.quotes[0]
    return quote.passage.passage_id, quote.start


# --- typed answers -------------------------------------------------------------


def _typed_answer(
    analysis: QuestionAnalysis, candidates: list[Candidate], model: AnswerModel,
    word_likeness: WordLikeness = SAME_WORD_ONLY,
) -> list[CitedSentence]:  # fmt: skip
    best = candidates[0]
    close = [c for c in candidates[1:] if c.score >= best.score - SECOND_ANSWER_GAP]
    if analysis.wants_several:
        chosen = _distinct_answers([best, *close])
        if len(chosen) > 1:
            return [_short(c, suffix=";" if i < len(chosen) - 1 else ".") for i, c in enumerate(chosen)]
    per_subject = _one_per_subject(analysis, candidates)
    if len(per_subject) > 1:
        # "What were the budgets for 2023-2024 and for 2024-2025?": a value for each
        return [_short(c, suffix=";" if i < len(per_subject) - 1 else ".", label=label)
                for i, (label, c) in enumerate(per_subject)]  # fmt: skip
    rival = None
    if analysis.answer_type in _NUMERIC_TYPES and model.refusal:  # (no refusal model while one is being fitted)

        def accepts(on_its_own: list[Candidate]) -> bool:
            probability = model.answer_probability(refusal_features(on_its_own, analysis, word_likeness))
            return probability >= model.threshold

        rival = rival_figure(analysis, candidates, accepts, word_likeness)
    if rival is not None:
        return _disagreement(best, rival, analysis)
    return _with_support(_short(best, analysis=analysis), best)


def _with_support(short: CitedSentence, candidate: Candidate) -> list[CitedSentence]:
    """A short answer, then the sentence it comes from as related support (when it can be quoted whole)."""
    support = _whole_sentence(candidate)
    if support is None:
        return [short]
    support.relevance = "related"
    return [short, support]


def _distinct_answers(candidates: list[Candidate]) -> list[Candidate]:
    chosen: list[Candidate] = []
    seen: set[str] = set()
    for candidate in candidates:
        key = answer_key(candidate)
        if key not in seen:
            seen.add(key)
            chosen.append(candidate)
        if len(chosen) >= MAX_LISTED_ANSWERS:
            break
    return chosen


def _one_per_subject(analysis: QuestionAnalysis, candidates: list[Candidate]) -> list[tuple[str, Candidate]]:
    """When the question asks the same thing of several subjects of one kind (two years, two towns joined by
    "and"), the best candidate for each, labelled with its subject; [] otherwise."""
    by_kind: dict[str, list[Constraint]] = {}
    for constraint in analysis.constraints:
        if constraint.alternatives:  # "the talks between Maddox and Orrin" name two people, not two subjects
            by_kind.setdefault(f"{constraint.kind}:{constraint.alternatives}", []).append(constraint)
    subjects = next((group for group in by_kind.values() if len(group) > 1), None)
    if subjects is None or analysis.wants_several:
        return []
    chosen: list[tuple[str, Candidate]] = []
    for subject in subjects:
        match = next((c for c in candidates if _mentions(c, subject)), None)
        if match is None or any(answer_key(match) == answer_key(other) for _, other in chosen):
            return []
        chosen.append((subject.text, match))
    return chosen


def _mentions(candidate: Candidate, constraint: Constraint) -> bool:
    """The candidate's sentence (or the one before) names the subject."""
    text = with_sentence_before(candidate)
    return constraint.holds_in(normalise(text), set(words(text)))


# How a value of each kind is said whole, with what the model leaves out of it.
_SAID_WHOLE = {"place": place_with_its_number, "date": date_with_its_day, "percent": rate_with_its_base}


def _value_text(candidate: Candidate, analysis: QuestionAnalysis | None) -> str:
    """The answer value as said: a count with what it counts ("Three firefighters"), a place with its number ("220
    Main St."), a weekday with its date ("Thursday, Feb. 6"), a rate with its base ("$18.42 per $1,000"), else the
    value alone."""
    counts = analysis is not None and analysis.answer_type == "count"
    counted = counted_phrase(candidate, analysis.focus) if counts else None  # type: ignore[union-attr]
    said_whole = _SAID_WHOLE.get(analysis.answer_type) if analysis is not None else None
    if said_whole is not None:
        counted = said_whole(candidate)
    return " ".join((counted or candidate.answer_text() or "").split())


def _short(candidate: Candidate, suffix: str = ".", label: str | None = None,
           analysis: QuestionAnalysis | None = None) -> CitedSentence:  # fmt: skip
    answer = _value_text(candidate, analysis)
    if label:
        answer = f"{answer} ({label})"
    quote = QuoteSpan(candidate.passage, candidate.start, candidate.end)
    return CitedSentence(_capitalised(answer), [quote], end=suffix, relevance="answers")


def _capitalised(answer: str) -> str:
    """A short answer opens the reply, so it opens with a capital: "The Quenby-Marsh Airport [1].\""""
    return answer[:1].upper() + answer[1:]


def _disagreement(first: Candidate, second: Candidate, analysis: QuestionAnalysis | None = None) -> list[CitedSentence]:
    one, two = _value_text(first, analysis), _value_text(second, analysis)
    return [
        CitedSentence(f"Sources differ: {' '.join(one.split())} according to {_outlet_name(first.passage)}",
                      [QuoteSpan(first.passage, first.start, first.end)], end=";", relevance="answers"),
        CitedSentence(f"{' '.join(two.split())} according to {_outlet_name(second.passage)}",
                      [QuoteSpan(second.passage, second.start, second.end)], end=".", relevance="answers"),
    ]  # fmt: skip


def _whole_sentence(candidate: Candidate) -> CitedSentence | None:
    """The candidate's sentence as answer text, widened to close a quotation it opens; None if it cannot be."""
    span = _balanced_span(candidate.passage, candidate.start, candidate.end)
    if span is None:
        return None
    start, end = span
    return CitedSentence(_said(candidate.passage.text[start:end]), [QuoteSpan(candidate.passage, start, end)])


def _balanced_span(passage: Passage, start: int, end: int) -> tuple[int, int] | None:
    """The span from `start` to `end` widened by the fewest sentences before or after it (at most
    MAX_WIDENING each way) so that it holds each quotation it touches whole: a sentence that begins inside a
    quotation takes the sentences that open it, one that ends inside it those that close it; None if none does."""
    if balanced_quotes(passage.text[start:end]):
        return start, end
    spans = sentence_spans(passage)
    starts = [start, *(s for s, e in reversed(spans) if e <= start)][: MAX_WIDENING + 1]
    ends = [end, *(e for s, e in spans if s >= end)][: MAX_WIDENING + 1]
    # fewest sentences added first; of as many, those after before those before (a sentence more often opens
    # a quotation than closes one begun before it)
    widenings = sorted(((b + a, b), s, e) for b, s in enumerate(starts) for a, e in enumerate(ends))
    return next(((s, e) for _, s, e in widenings if balanced_quotes(passage.text[s:e])), None)


# --- sentence answers ----------------------------------------------------------


def _sentence_answer(
    analysis: QuestionAnalysis, candidates: list[Candidate], max_sentences: int, model: AnswerModel
) -> list[CitedSentence]:
    if analysis.identity_of:
        identity = describe(analysis.identity_of, candidates)
        if identity is not None:
            # "Who is Castell?": "Orlow aide Mira Castell [1]." then the sentence that says so
            found = identity.candidate
            short = CitedSentence(identity.text, [QuoteSpan(found.passage, found.start, found.end)], end=".",
                                  relevance="answers")  # fmt: skip
            return _with_support(short, found)
    lemmas = set(analysis.content_lemmas) | set(normalise(analysis.question).split())
    if lemmas & _ACROSS_SOURCES:
        candidates = _one_per_publisher(candidates)
    limit = max_sentences + 2 if analysis.answer_type == "list" else max_sentences
    usable = [c for c in candidates if _balanced_span(c.passage, c.start, c.end) is not None]
    if not usable:
        usable = candidates
    best = usable[0]
    vote = voters_vote(candidates, analysis) if asks_for_an_account(analysis) else None
    if vote is not None and vote.accounted_for:
        # "Why did Ada Kell vote no?": the sentence of her vote, with her account in it or after it, is the answer
        # (the vote's lead, often ranked first for the question's words, says only what passed)
        return _cited_in_order([vote.vote] if vote.account is None else [vote.vote, vote.account], vote.vote)
    chosen = [best]
    covered = set(stems(best.text))
    question_stems = set(stems(analysis.question))
    # only a "Which engineer ...?" question whose best sentence names no one new crosses into the next
    # paragraph for the name: otherwise the next paragraph is usually another point, which would only
    # lengthen the answer
    following = _next_sentence(
        best, candidates, next_paragraph=analysis.asks_which and not names_someone_new(best, analysis.question)
    )
    reason = _reason_told_after(best, candidates, analysis)
    if reason is not None:
        # "Why is Kettle Corner closing?": the lead tells the closing, the sentence after it the owner's reason
        chosen.append(reason)
        covered |= set(stems(reason.text))
    elif following is not None and _continues(following, analysis):
        # news writing often names who or what in the sentence after the one that matches the question
        # ("... an engineer has said." / "Ines Kovalenko, the county's bridge engineer, said ...")
        chosen.append(following)
        covered |= set(stems(following.text))
    for candidate in usable[1:]:
        # the ranker's scores are log-odds among one question's candidates: a ratio of odds
        if len(chosen) >= limit or math.exp(candidate.score - best.score) < FOLLOW_SENTENCE_RATIO:
            break
        new_stems = set(stems(candidate.text)) - covered
        if len(new_stems) < MIN_NEW_STEMS and not new_stems & question_stems:
            continue
        chosen.append(candidate)
        covered |= new_stems
    side = account_side(analysis)
    if asks_for_an_account(analysis) and side is not None:
        chosen = with_the_voters_account(chosen, candidates, side, voters_asked(analysis))

    cited = _cited_in_order(chosen, best)
    named = named_by_focus(analysis, best)
    if named:
        # "Which county official ...?": the names are the short answer; the sentence naming them supports it
        # (with the sentences next to it in its passage, which often finish what it says)
        quote = QuoteSpan(best.passage, best.start, best.end)
        support = [c for c in cited if any(q.passage is best.passage and q.start <= best.start < q.end
                                               for q in c.quotes)] or cited[:1]  # fmt: skip
        return [CitedSentence(_capitalised(" and ".join(named)), [quote], end=".", relevance="answers"), *support[:1]]
    whether = whether_told(analysis, best.text) if analysis.answer_type == "yes_no" else None
    if whether is not None:
        # "Did the board approve the levy?": "Yes [1]." then the sentence that says so
        quote = QuoteSpan(best.passage, best.start, best.end)
        return [CitedSentence(whether.capitalize(), [quote], end=".", relevance="answers"), *cited]
    return cited


def _cited_in_order(chosen: list[Candidate], best: Candidate) -> list[CitedSentence]:
    """The chosen sentences in reading order, each cited ("answers" for the best's, "related" for the others'),
    consecutive ones of a passage in one citation (each still followed by its marker in the answer text)."""
    cited: list[CitedSentence] = []
    shown = [(c, span) for c in chosen if (span := _shown_span(c, best)) is not None]
    for candidate, (start, end) in _in_reading_order(_with_speakers(shown)):
        previous = cited[-1] if cited else None
        quote = QuoteSpan(candidate.passage, start, end)
        relevance: Relevance = "answers" if candidate is best else "related"
        said = _said(quote.text)
        if previous and _adjacent(previous.quotes[-1], quote):
            # consecutive sentences of one passage: one citation quoting both
            joined = QuoteSpan(candidate.passage, previous.quotes[-1].start, end)
            merged = "answers" if "answers" in (previous.relevance, relevance) else "related"
            # each sentence shown on its own terms: a lead's dateline is no less one after the sentence before it
            pieces = (*(previous.pieces or (previous.text,)), said)
            cited[-1] = CitedSentence(f"{previous.text} {said}", [joined], relevance=merged, pieces=pieces)
        elif previous and _overlapping(previous.quotes[-1], quote):
            continue
        else:
            cited.append(CitedSentence(said, [quote], relevance=relevance))
    return cited


def _shown_span(candidate: Candidate, best: Candidate) -> tuple[int, int] | None:
    """Where the candidate's sentence is quoted from, widened to hold its quotations whole; a sentence other than
    the best that cannot be is left out (it would show half a quotation), the best one is kept as it is (`_said`
    then drops the marks it does not pair)."""
    span = _balanced_span(candidate.passage, candidate.start, candidate.end)
    if span is None and candidate is best:
        return candidate.start, candidate.end
    return span


def _said(quoted: str) -> str:
    """What the answer says of a quoted stretch of article: no markup, no dateline, no half quotation."""
    return without_half_quotations(display_text(quoted))


def _next_sentence(best: Candidate, candidates: list[Candidate], next_paragraph: bool = False) -> Candidate | None:
    """The candidate sentence right after `best` in its passage (rag.candidate.span_after): news writing often
    names who or what in the sentence after the one that matches the question ("... an engineer has said." /
    "Ines Kovalenko, the county's bridge engineer, said ...")."""
    after = span_after(best, next_paragraph)
    return _listed_at(candidates, best.passage, after[0]) if after is not None else None


def _reason_told_after(best: Candidate, candidates: list[Candidate], analysis: QuestionAnalysis) -> Candidate | None:
    """For a "why" question whose best sentence tells the event only, the sentence after it that gives the reason."""
    span = reason_after(best, analysis) if asks_why_of_an_event(analysis) else None
    if span is None:
        return None
    listed = _listed_at(candidates, best.passage, span[0])
    return listed or Candidate(best.passage_rank, best.passage, span[0], span[1], features={})


def _listed_at(candidates: list[Candidate], passage: Passage, start: int) -> Candidate | None:
    """The candidate for the sentence of `passage` that starts at `start`, if it is one."""
    return next((c for c in candidates if c.passage is passage and c.start == start), None)


def _continues(following: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the next sentence carries what a "which/who ..." or "what ..." question asks for: a name the
    question does not hold."""
    if analysis.answer_type not in ("description", "quote", "list", "reason"):
        return False
    asked = normalise(analysis.question)
    return any(
        label in ("PERSON", "ORG", "GPE", "FAC", "PRODUCT") and normalise(following.passage.text[s:e]) not in asked
        for s, e, label in following.passage.entities
        if s >= following.start and e <= following.end
    )


def _one_per_publisher(candidates: list[Candidate]) -> list[Candidate]:
    firsts: dict[str, Candidate] = {}
    for candidate in candidates:
        firsts.setdefault(outlet(candidate.passage), candidate)
    rest = [c for c in candidates if firsts[outlet(c.passage)] is not c]
    return [*firsts.values(), *rest]


def _outlet_name(passage: Passage) -> str:
    """The outlet as an answer names it ("according to ..."): its publisher, or the article's title in quotes when
    the publisher is not known (never "Unknown publisher")."""
    if passage.source != UNKNOWN_PUBLISHER:
        return passage.source
    return f"“{passage.title}”" if passage.title else "another article"


def _with_speakers(chosen: list[tuple[Candidate, tuple[int, int]]]) -> list[tuple[Candidate, tuple[int, int]]]:
    """Each quote attributed to "he"/"she" preceded by the sentence naming the speaker (when that sentence can be
    shown with its quotations whole)."""
    taken = {(c.passage.passage_id, span[0]) for c, span in chosen}
    result: list[tuple[Candidate, tuple[int, int]]] = []
    for candidate, (start, end) in chosen:
        if PRONOUN_SPEAKER.search(normalise(candidate.passage.text[start:end])):
            before = [(s, e) for s, e in sentence_spans(candidate.passage) if e <= start]
            speaker = _balanced_span(candidate.passage, *before[-1]) if before else None
            if speaker is not None and speaker[1] <= start and (candidate.passage.passage_id, speaker[0]) not in taken:
                result.append((candidate, speaker))
                taken.add((candidate.passage.passage_id, speaker[0]))
        result.append((candidate, (start, end)))
    return result


def _in_reading_order(
    chosen: list[tuple[Candidate, tuple[int, int]]],
) -> list[tuple[Candidate, tuple[int, int]]]:
    """Best sentence first; sentences of one passage keep their order in the text."""
    by_passage: dict[str, list[tuple[Candidate, tuple[int, int]]]] = {}
    for item in chosen:
        by_passage.setdefault(item[0].passage.passage_id, []).append(item)
    ordered: list[tuple[Candidate, tuple[int, int]]] = []
    for group in by_passage.values():
        ordered.extend(sorted(group, key=lambda item: item[1][0]))
    return ordered


def _adjacent(first: QuoteSpan, second: QuoteSpan) -> bool:
    if first.passage.passage_id != second.passage.passage_id:
        return False
    between = first.passage.text[first.end : second.start]
    return second.start >= first.end and not between.strip()


def _overlapping(first: QuoteSpan, second: QuoteSpan) -> bool:
    return first.passage.passage_id == second.passage.passage_id and second.start < first.end
