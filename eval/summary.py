"""Aggregating case metrics over a run, overall and per question type, as `eval/metrics.py` defines."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from eval.metrics import FACTOID_TYPES, METRICS, MetricSpec, percentile
from rag.messages import counted
from eval.runner import ItemResult, RunResult
from eval.scoring import CaseResult


def in_scope(case: CaseResult, spec: MetricSpec) -> bool:
    if spec.scope == "all":
        return True
    if spec.scope == "answerable":
        return case.case.answerable
    if spec.scope == "unanswerable":
        return not case.case.answerable
    answered = case.answer is not None and not case.answer.abstained
    if spec.scope == "answered_factoid":
        return answered and case.case.type in FACTOID_TYPES
    return answered  # "answered"


def aggregate(cases: Sequence[CaseResult], specs: Iterable[MetricSpec] = METRICS) -> dict[str, float | None]:
    """Each metric over the cases in its scope: the mean of the case values, or a latency percentile."""
    values: dict[str, float | None] = {}
    for spec in specs:
        scoped = [case for case in cases if in_scope(case, spec)]
        if not spec.independent:
            values[spec.name] = None  # see MetricSpec.independent: shown as "n/a"
            continue
        if spec.percentile is not None:
            if spec.percentile_of == "latency_ms":
                numbers = [c.latency_ms for c in scoped]
            else:
                numbers = [v for c in scoped if (v := c.metrics.get(spec.percentile_of)) is not None]
            values[spec.name] = _round(percentile(numbers, spec.percentile))
            continue
        assert spec.case_key is not None
        numbers = [v for c in scoped if (v := c.metrics.get(spec.case_key)) is not None]
        values[spec.name] = _round(sum(numbers) / len(numbers)) if numbers else None
    return values


def pass_rate(items: Sequence[ItemResult]) -> float | None:
    """Share of items whose every case passes its checks (eval/scoring.py)."""
    return _round(sum(item.passed for item in items) / len(items)) if items else None


def summarise(run: RunResult, extra_specs: Sequence[MetricSpec] = ()) -> dict[str, Any]:
    """{"overall": {metric: value}, "by_type": {type: {metric: value}}, "counts": {...}}."""
    specs = [*METRICS, *extra_specs]
    types = sorted({item.item.type for item in run.items})
    by_type: dict[str, dict[str, float | None]] = {}
    for kind in types:
        items = [item for item in run.items if item.item.type == kind]
        cases = [case for item in items for case in item.cases]
        by_type[kind] = {**aggregate(cases, specs), "pass_rate": pass_rate(items)}
    cases = run.cases
    return {
        "k": run.k,
        "overall": {**aggregate(cases, specs), "pass_rate": pass_rate(run.items)},
        "by_type": by_type,
        "counts": {
            "items": len(run.items),
            "cases": len(cases),
            "answerable_cases": sum(c.case.answerable for c in cases),
            "unanswerable_cases": sum(not c.case.answerable for c in cases),
            "items_passed": sum(item.passed for item in run.items),
            "errors": sum(c.error is not None for c in cases),
            "by_type": {kind: sum(item.item.type == kind for item in run.items) for kind in types},
        },
        "wall_seconds": run.wall_seconds,
    }


def plain_summary(run: RunResult) -> list[str]:
    """What the run found, in sentences a reader needs no metric definitions for (they open every report).

    Counted over questions (a conversation's turns each count), except the last
    sentence, which counts items as the gate does.
    """
    cases = run.cases
    answerable = [c for c in cases if c.case.answerable]
    unanswerable = [c for c in cases if not c.case.answerable]
    sentences: list[str] = []
    if answerable:
        given = [c for c in answerable if c.answer is not None and not c.answer.abstained]
        recalls = [c.metrics.get("fact_recall") or 0.0 for c in given]
        every = sum(r >= 1.0 for r in recalls)
        some = sum(0.0 < r < 1.0 for r in recalls)
        refused = sum(c.answer is not None and c.answer.abstained for c in answerable)
        failed = sum(c.error is not None for c in answerable)
        parts = [f"{every} {_were(every)} answered with every fact", f"{some} with some of them",
                 f"{len(given) - every - some} with none"]
        sentence = f"Of {counted(len(answerable), 'answerable question')}, {', '.join(parts[:-1])} and {parts[-1]}"
        sentence += f"; {refused} {_were(refused)} refused"
        sentence += f" and {failed} failed with an error." if failed else "."
        sentences.append(sentence)
        found = [c.metrics.get("evidence_hit@k") for c in answerable]
        found_known = [v for v in found if v is not None]
        if found_known:
            sentences.append(
                f"The expected evidence was among the top {run.k} passages retrieved for {int(sum(found_known))} of "
                f"{counted(len(found_known), 'answerable question')}."
            )
        cited = [v for c in given if (v := c.metrics.get("gold_cited")) is not None]
        if cited:
            sentences.append(
                f"In {int(sum(cited))} of the {counted(len(cited), 'answer')} given to answerable questions, a "
                "citation points at a passage that holds the expected evidence."
            )
    if unanswerable:
        answered = sum(c.answer is not None and not c.answer.abstained for c in unanswerable)
        refused = sum(c.answer is not None and c.answer.abstained for c in unanswerable)
        sentences.append(
            f"Of {counted(len(unanswerable), 'unanswerable question')}, {refused} {_were(refused)} rightly refused "
            f"and {answered} {_were(answered)} answered anyway."
        )
    if run.items:
        passed = sum(item.passed for item in run.items)
        sentences.append(
            f"{passed} of {counted(len(run.items), 'item')} (a conversation is one item) pass every check."
        )
    return sentences


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def worst_items(run: RunResult, count: int = 10) -> list[ItemResult]:
    """Failing items, most failed checks first, then lowest fact recall."""
    def badness(item: ItemResult) -> tuple[int, float]:
        failed = sum(not ok for case in item.cases for ok in case.checks.values())
        recalls = [v for c in item.cases if (v := c.metrics.get("fact_recall")) is not None]
        return (-failed, sum(recalls) / len(recalls) if recalls else 0.0)

    failing = [item for item in run.items if not item.passed]
    return sorted(failing, key=badness)[:count]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
