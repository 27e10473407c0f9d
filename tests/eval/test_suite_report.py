"""`rag eval suites`: each row says how many questions its rates are over, and the unseen splits pool as one set."""

from __future__ import annotations

import pytest

from eval.answerers import AssistantAnswerer
from eval.runner import run_suite
from eval.suite_report import POOLED_ROLE, POOLED_SUITE, pool, suite_row, suites_table, unseen_articles
from eval.suites import get_suite


@pytest.mark.parametrize(
    ("suite", "split", "unseen"),
    [
        ("towns", "test", True),
        ("heldout", "test", True),
        ("towns", "dev", False),  # fitted on
        ("sample", "test", False),  # new questions, but the articles the first rules were written for
        ("sample", "dev", False),
    ],
)
def test_which_splits_count_as_unseen(suite: str, split: str, unseen: bool) -> None:
    assert unseen_articles(suite, split) is unseen


def test_pooled_rates_are_over_every_question_of_the_runs_not_a_mean_of_their_rates(assistant: object) -> None:
    answerer = AssistantAnswerer(assistant, mode="extractive", top_k=5)
    items = get_suite("sample").items("test")
    answerable_only = [item for item in items if item.answerable][:3]
    mixed = [item for item in items if not item.answerable][:4] + [item for item in items if item.answerable][3:5]
    runs = [run_suite(answerable_only, answerer, progress=False), run_suite(mixed, answerer, progress=False)]
    pooled = suite_row(POOLED_SUITE, "test", "sourced", POOLED_ROLE, pool(runs))

    cases = [case for run in runs for case in run.cases]
    answerable = [c for c in cases if c.case.answerable]
    unanswerable = [c for c in cases if not c.case.answerable]
    assert (pooled.questions, pooled.answerable, pooled.unanswerable) == (len(cases), len(answerable), len(unanswerable))
    answered_unanswerable = sum(c.answer is not None and not c.answer.abstained for c in unanswerable)
    assert pooled.overall["hallucination_rate"] == pytest.approx(answered_unanswerable / len(unanswerable))
    refused_answerable = sum(c.answer is None or c.answer.abstained for c in answerable)
    assert pooled.overall["over_refusal_rate"] == pytest.approx(refused_answerable / len(answerable))

    table = suites_table([suite_row("sample", "test", "sourced", "test (frozen)", runs[1]), pooled])
    header, _, first, last = table.splitlines()
    assert "| answerable | unanswerable |" in header
    assert first.startswith("| sample | test | test (frozen) | **sourced** | 6 | 2 | 4 |")
    assert last.startswith(f"| {POOLED_SUITE} | test | {POOLED_ROLE} | **sourced** | 9 | 5 | 4 |")
