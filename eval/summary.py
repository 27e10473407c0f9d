"""Aggregating case metrics over a run, overall and per question type, as `eval/metrics.py` defines."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from eval.metrics import FACTOID_TYPES, METRICS, MetricSpec, percentile
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
