"""Every deterministic metric of the evaluation suite, defined once, with its formula.

Per-case functions are pure: plain strings and numbers in, a float (or None
when the metric does not apply to the case) out. `METRICS` lists how each is
aggregated over a run; `eval/summary.py` applies it and `eval/README.md`
shows the same table.

Notation: R = the top-k retrieved passages in rank order, art(p) = the article
of passage p, G = gold source articles, Q = gold evidence quotes, F = required
facts (each a set of aliases), S = answer sentences, cit(s) = passages cited by
sentence s, sup(s, P) = support_verdict(s, P joined) == "supported".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Literal, Mapping, Sequence

from eval.normalise import answer_tokens, collapse_whitespace, contains_alias
from rag.support import support_verdict

Verdict = Callable[[str, str], str]
_MARKER_GROUP = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


# --- retrieval ---------------------------------------------------------------------------
def quote_in_passage(quote: str, passage: str) -> bool:
    """A gold quote lies inside a passage: substring after collapsing whitespace."""
    return collapse_whitespace(quote) in collapse_whitespace(passage)


def article_hit_at_k(retrieved_articles: Sequence[str], gold: Sequence[str], k: int) -> float | None:
    """hit@k = 1 if some art(p), p in R[:k], is in G, else 0."""
    if not gold:
        return None
    return float(any(article in gold for article in retrieved_articles[:k]))


def article_recall_at_k(retrieved_articles: Sequence[str], gold: Sequence[str], k: int) -> float | None:
    """recall@k = |G ∩ {art(p) : p in R[:k]}| / |G|."""
    if not gold:
        return None
    found = set(retrieved_articles[:k]) & set(gold)
    return len(found) / len(set(gold))


def article_reciprocal_rank(retrieved_articles: Sequence[str], gold: Sequence[str]) -> float | None:
    """RR = 1 / rank of the first passage of R whose article is in G (0 if none); MRR is its mean."""
    if not gold:
        return None
    for rank, article in enumerate(retrieved_articles, start=1):
        if article in gold:
            return 1.0 / rank
    return 0.0


def evidence_hit_at_k(passages: Sequence[str], quotes: Sequence[str], k: int) -> float | None:
    """evidence hit@k = 1 if some quote of Q lies inside some passage of R[:k], else 0."""
    if not quotes:
        return None
    return float(any(quote_in_passage(q, p) for q in quotes for p in passages[:k]))


def evidence_recall_at_k(passages: Sequence[str], quotes: Sequence[str], k: int) -> float | None:
    """evidence recall@k = |{q in Q : q lies inside some p in R[:k]}| / |Q|."""
    if not quotes:
        return None
    return sum(any(quote_in_passage(q, p) for p in passages[:k]) for q in quotes) / len(quotes)


def evidence_reciprocal_rank(passages: Sequence[str], quotes: Sequence[str]) -> float | None:
    """RR = 1 / rank of the first passage of R holding a quote of Q (0 if none)."""
    if not quotes:
        return None
    for rank, passage in enumerate(passages, start=1):
        if any(quote_in_passage(q, passage) for q in quotes):
            return 1.0 / rank
    return 0.0


# --- answers -------------------------------------------------------------------------------
def fact_recall(answer: str, facts: Sequence[Sequence[str]]) -> float | None:
    """fact recall = |{f in F : some alias of f occurs in the answer}| / |F| (normalised text, see eval/normalise.py)."""
    if not facts:
        return None
    return sum(any(contains_alias(answer, alias) for alias in aliases) for aliases in facts) / len(facts)


def token_f1(answer: str, reference: str | None) -> float | None:
    """F1 = 2PR/(P+R) over the multiset of normalised tokens (SQuAD): P = common/|answer|, R = common/|reference|."""
    if reference is None:
        return None
    predicted, gold = answer_tokens(answer), answer_tokens(reference)
    common = sum((Counter(predicted) & Counter(gold)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(predicted), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def answer_length(answer: str) -> float:
    """length = number of normalised words of the answer (citation markers excluded)."""
    return float(len(answer_tokens(answer)))


# --- citations (after ALCE, Gao et al. 2023) ----------------------------------------------
@dataclass(frozen=True)
class CitedSentence:
    """An answer sentence and the citation numbers after it."""

    text: str
    citations: tuple[int, ...]


def _supported(sentence: str, passages: Sequence[str], verdict: Verdict) -> bool:
    return bool(passages) and verdict(sentence, "\n".join(passages)) == "supported"


def citation_recall(
    sentences: Sequence[CitedSentence], passages: Mapping[int, str], verdict: Verdict = support_verdict
) -> float | None:
    """citation recall = |{s in S : sup(s, cit(s))}| / |S|; a sentence citing nothing counts 0."""
    if not sentences:
        return None
    supported = 0
    for sentence in sentences:
        cited = [passages[n] for n in sentence.citations if n in passages]
        supported += _supported(sentence.text, cited, verdict)
    return supported / len(sentences)


def citation_precision(
    sentences: Sequence[CitedSentence], passages: Mapping[int, str], verdict: Verdict = support_verdict
) -> float | None:
    """citation precision = precise (s, c) pairs / all (s, c) pairs, c in cit(s).

    (s, c) is precise when c alone supports s, or when c is needed: all of
    cit(s) support s and cit(s) without c does not (ALCE). A marker that
    resolves to no passage is never precise.
    """
    total = precise = 0
    for sentence in sentences:
        numbers = list(dict.fromkeys(sentence.citations))
        resolved = {n: passages[n] for n in numbers if n in passages}
        joint = _supported(sentence.text, list(resolved.values()), verdict)
        for n in numbers:
            total += 1
            if n not in resolved:
                continue
            if verdict(sentence.text, resolved[n]) == "supported":
                precise += 1
            elif joint and len(resolved) > 1:
                rest = [text for m, text in resolved.items() if m != n]
                precise += not _supported(sentence.text, rest, verdict)
    return precise / total if total else None


def citation_validity(answer: str, citation_numbers: Sequence[int], removed: int = 0) -> float | None:
    """validity = markers that resolve to a citation / all markers written, counting the `removed` ones
    that the answerer already dropped because they pointed at no passage (None: no markers)."""
    markers = [int(n) for group in _MARKER_GROUP.findall(answer) for n in group.split(",")]
    if not markers and not removed:
        return None
    known = set(citation_numbers)
    return sum(n in known for n in markers) / (len(markers) + removed)


def gold_cited(cited_passages: Sequence[str], quotes: Sequence[str]) -> float | None:
    """[some citation's passage holds some q in Q]; None without gold quotes (unanswerable cases)."""
    if not quotes:
        return None
    return float(any(quote_in_passage(q, passage) for passage in cited_passages for q in quotes))


def citation_gold_share(cited_passages: Sequence[str], quotes: Sequence[str]) -> float | None:
    """gold citation share = |{c : passage of c holds some q in Q}| / |citations|."""
    if not cited_passages or not quotes:
        return None
    return sum(any(quote_in_passage(q, p) for q in quotes) for p in cited_passages) / len(cited_passages)


# --- latency -----------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float | None:
    """p-th percentile, linear interpolation between closest ranks (numpy's default): x[(n-1)·q/100]."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --- the table of aggregated metrics ------------------------------------------------------
Scope = Literal["answerable", "unanswerable", "answered", "answered_factoid", "all"]
# Question types whose right answer is a short value: the answer-length target applies to these.
FACTOID_TYPES = frozenset({"factoid", "numeric", "date"})
Group = Literal["retrieval", "answer", "citation", "refusal", "latency", "judge"]


@dataclass(frozen=True)
class MetricSpec:
    """How one metric is aggregated over a run: which cases count, and whether higher is better."""

    name: str
    label: str
    group: Group
    scope: Scope
    higher_is_better: bool
    formula: str
    case_key: str | None = None  # the per-case value averaged; None for percentiles
    percentile: float | None = None
    percentile_of: str = "latency_ms"  # the per-case value a percentile is taken of
    # False when the check that scores it is the one the answerer used to label its own citations
    # (rag.support.support_verdict): such a score is reported as "n/a", never as a flattering 1.000.
    independent: bool = True


METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("article_hit@k", "article hit@k", "retrieval", "answerable", True,
               "mean over answerable cases of [some top-k passage is from a gold article]", "article_hit@k"),
    MetricSpec("article_recall@k", "article recall@k", "retrieval", "answerable", True,
               "mean of |gold articles among top-k| / |gold articles|", "article_recall@k"),
    MetricSpec("article_mrr", "article MRR", "retrieval", "answerable", True,
               "mean of 1 / rank of the first passage from a gold article (0 if none in top-k)", "article_rr"),
    MetricSpec("evidence_hit@k", "evidence hit@k", "retrieval", "answerable", True,
               "mean of [some gold quote lies inside some top-k passage]", "evidence_hit@k"),
    MetricSpec("evidence_recall@k", "evidence recall@k", "retrieval", "answerable", True,
               "mean of |gold quotes inside top-k passages| / |gold quotes|", "evidence_recall@k"),
    MetricSpec("evidence_mrr", "evidence MRR", "retrieval", "answerable", True,
               "mean of 1 / rank of the first passage holding a gold quote (0 if none in top-k)", "evidence_rr"),
    MetricSpec("fact_recall", "fact recall", "answer", "answerable", True,
               "mean of |facts with an alias in the answer| / |facts| (a refusal scores 0)", "fact_recall"),
    MetricSpec("token_f1", "token F1", "answer", "answerable", True,
               "mean SQuAD token F1 of answer vs reference (a refusal scores 0)", "token_f1"),
    MetricSpec("answer_length", "answer length (words)", "answer", "answered", False,
               "mean number of words of the answers given (refusals excluded)", "answer_length"),
    MetricSpec("factoid_length_median", "factoid answer length (median words)", "answer", "answered_factoid",
               False, "median number of words of the answers given to factoid, numeric and date questions",
               None, 50, "answer_length"),
    MetricSpec("citation_recall", "citation recall", "citation", "answered", True,
               "mean of |sentences supported by their cited passages| / |sentences| (not independent: n/a)",
               "citation_recall", independent=False),
    MetricSpec("citation_precision", "citation precision", "citation", "answered", True,
               "mean of |citations that support (or are needed for) their sentence| / |citations| "
               "(not independent: n/a)", "citation_precision", independent=False),
    MetricSpec("citation_validity", "citation validity", "citation", "answered", True,
               "mean of |markers that resolve to a citation| / |markers|", "citation_validity"),
    MetricSpec("gold_cited", "gold evidence cited", "citation", "answered", True,
               "mean over answered answerable cases of [some citation's passage holds a gold quote]", "gold_cited"),
    MetricSpec("citation_gold_share", "gold-evidence citations", "citation", "answered", True,
               "mean of |citations whose passage holds a gold quote| / |citations| (answerable cases)",
               "citation_gold_share"),
    MetricSpec("hallucination_rate", "hallucination rate (unanswerable)", "refusal", "unanswerable", False,
               "|unanswerable cases answered| / |unanswerable cases|", "answered"),
    MetricSpec("over_refusal_rate", "over-refusal rate (answerable)", "refusal", "answerable", False,
               "|answerable cases refused| / |answerable cases|", "refused"),
    MetricSpec("latency_p50_ms", "latency p50 (ms)", "latency", "all", False,
               "50th percentile of wall time per question", None, 50),
    MetricSpec("latency_p95_ms", "latency p95 (ms)", "latency", "all", False,
               "95th percentile of wall time per question", None, 95),
)
METRICS_BY_NAME = {spec.name: spec for spec in METRICS}

# LLM-judge metrics (eval/judge.py): optional, never gated, labelled as judge metrics.
JUDGE_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec("judge_faithfulness", "judge: faithfulness", "judge", "answered", True,
               "mean of llama-index FaithfulnessEvaluator passing (answer supported by its cited passages)",
               "judge_faithfulness"),
    MetricSpec("judge_relevancy", "judge: relevancy", "judge", "answered", True,
               "mean of llama-index RelevancyEvaluator passing (answer and passages address the question)",
               "judge_relevancy"),
    MetricSpec("judge_correctness", "judge: correctness (1-5)", "judge", "answerable", True,
               "mean llama-index CorrectnessEvaluator score vs the reference, 1-5 (a refusal scores 1)",
               "judge_correctness"),
)
