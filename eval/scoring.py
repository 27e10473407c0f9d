"""Scoring one case: every per-case metric, the pass/fail checks, and why a check failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from eval import metrics as m
from eval.dataset import EvalCase
from eval.normalise import contains_alias
from rag.models import Answer


@dataclass
class CaseResult:
    """A case, the answer it got, its metrics and checks."""

    case: EvalCase
    answer: Answer | None
    latency_ms: float
    metrics: dict[str, float | None] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and all(self.checks.values())


def score_case(
    case: EvalCase, answer: Answer, latency_ms: float, k: int, source_names: Mapping[str, str] | None = None
) -> CaseResult:
    """All deterministic metrics of one answered case, then its checks.

    `source_names` maps article ids to the file names the dataset's `sources` use
    (eval.corpus.source_names); without it, ids are compared as they are.
    """
    result = CaseResult(case, answer, latency_ms)
    result.metrics = case_metrics(case, answer, latency_ms, k, source_names)
    result.checks, result.reasons = case_checks(case, answer, result.metrics, k)
    return result


def failed_case(case: EvalCase, error: str, latency_ms: float) -> CaseResult:
    """A case whose question raised an error: it fails every check it has."""
    result = CaseResult(case, None, latency_ms, error=error)
    result.metrics = {"latency_ms": latency_ms}
    result.checks = {"no error": False}
    result.reasons = [f"error: {error}"]
    return result


def case_metrics(
    case: EvalCase, answer: Answer, latency_ms: float, k: int, source_names: Mapping[str, str] | None = None
) -> dict[str, float | None]:
    names = source_names or {}
    retrieved_articles = [names.get(p.article_id, p.article_id) for p in answer.retrieved]
    retrieved_texts = [p.text for p in answer.retrieved]
    quotes = [e.quote for e in case.evidence]
    # a refusal is scored as an empty answer: its fixed sentence states no fact
    given = "" if answer.abstained else answer.answer
    sentences = [m.CitedSentence(s.text, tuple(s.citations)) for s in answer.sentences]
    passages = {c.n: c.text for c in answer.citations}
    answered = not answer.abstained
    values: dict[str, float | None] = {
        "article_hit@k": m.article_hit_at_k(retrieved_articles, case.sources, k),
        "article_recall@k": m.article_recall_at_k(retrieved_articles, case.sources, k),
        "article_rr": m.article_reciprocal_rank(retrieved_articles[:k], case.sources),
        "evidence_hit@k": m.evidence_hit_at_k(retrieved_texts, quotes, k),
        "evidence_recall@k": m.evidence_recall_at_k(retrieved_texts, quotes, k),
        "evidence_rr": m.evidence_reciprocal_rank(retrieved_texts[:k], quotes),
        "fact_recall": m.fact_recall(given, case.facts) if case.answerable else None,
        "token_f1": m.token_f1(given, case.reference) if case.answerable else None,
        "answer_length": m.answer_length(given) if answered else None,
        "citation_recall": m.citation_recall(sentences, passages) if answered else None,
        "citation_precision": m.citation_precision(sentences, passages) if answered else None,
        "citation_validity": m.citation_validity(given, list(passages), len(answer.invalid_markers)) if answered else None,
        "citation_gold_share": m.citation_gold_share([c.text for c in answer.citations], quotes) if answered else None,
        "gold_cited": m.gold_cited([c.text for c in answer.citations], quotes) if answered else None,
        "answered": float(answered),
        "refused": float(answer.abstained),
        "latency_ms": latency_ms,
    }
    return values


def case_checks(
    case: EvalCase, answer: Answer, values: dict[str, float | None], k: int
) -> tuple[dict[str, bool], list[str]]:
    """Pass/fail checks of one case and a reason for each failure.

    Answerable: answered, every fact stated, cited with markers that resolve, a
    citation holding gold evidence, gold evidence in the top k. (Whether each
    sentence is supported by its citation is the answerer's own check; it is
    not repeated here as if it were independent.)
    Unanswerable: refused.
    """
    if not case.answerable:
        refused = answer.abstained
        return {"refused": refused}, [] if refused else ["answered an unanswerable question"]
    checks: dict[str, bool] = {}
    reasons: list[str] = []

    checks["answered"] = not answer.abstained
    if answer.abstained:
        reasons.append("refused an answerable question")
    missing = [aliases[0] for aliases in case.facts if not any(contains_alias(answer.answer, a) for a in aliases)]
    checks["facts"] = not answer.abstained and not missing
    if missing and not answer.abstained:
        reasons.append("missing fact(s): " + ", ".join(repr(f) for f in missing))
    if not answer.abstained:
        validity = values["citation_validity"]
        checks["citations valid"] = bool(answer.citations) and validity == 1.0
        if not answer.citations:
            reasons.append("no citations")
        elif validity != 1.0:
            reasons.append("a citation marker resolves to no citation")
        checks["gold evidence cited"] = values.get("gold_cited") == 1.0
        if not checks["gold evidence cited"]:
            reasons.append("no citation holds the gold evidence")
    checks["evidence retrieved"] = values["evidence_hit@k"] == 1.0
    if not checks["evidence retrieved"]:
        reasons.append(f"no gold evidence in the top {k} passages")
    return checks, reasons


def case_json(result: CaseResult) -> dict[str, Any]:
    """A case for results.json: question, answer, citations, verdicts, retrieved passages, metrics, checks."""
    case, answer = result.case, result.answer
    quotes = [e.quote for e in case.evidence]
    data: dict[str, Any] = {
        "case_id": case.case_id,
        "turn": case.turn,
        "question": case.question,
        "answerable": case.answerable,
        "facts": case.facts,
        "facts_found": [
            answer is not None and not answer.abstained and any(contains_alias(answer.answer, a) for a in aliases)
            for aliases in case.facts
        ],
        "reference": case.reference,
        "sources": case.sources,
        "evidence": [e.model_dump() for e in case.evidence],
        "passed": result.passed,
        "checks": result.checks,
        "reasons": result.reasons,
        "metrics": result.metrics,
        "latency_ms": result.latency_ms,
        "error": result.error,
    }
    if answer is not None:
        data.update(
            rewritten_query=answer.rewritten_query,
            answer=answer.answer,
            abstained=answer.abstained,
            mode=answer.mode,
            notice=answer.notice,
            sentences=[s.model_dump() for s in answer.sentences],
            citations=[
                {**c.model_dump(exclude={"also_reported_by"}), "holds_gold": any(m.quote_in_passage(q, c.text) for q in quotes)}
                for c in answer.citations
            ],
            retrieved=[
                {
                    "rank": rank,
                    "passage_id": p.passage_id,
                    "article_id": p.article_id,
                    "start": p.start,
                    "end": p.end,
                    "dense_rank": p.dense_rank,
                    "bm25_rank": p.bm25_rank,
                    "holds_gold": any(m.quote_in_passage(q, p.text) for q in quotes),
                    "preview": p.text[:240],
                }
                for rank, p in enumerate(answer.retrieved, start=1)
            ],
            timings_ms=answer.timings_ms,
        )
    return data
