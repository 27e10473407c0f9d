"""`rag eval suites`: each row says how many questions its rates are over, and the unseen splits pool as one set."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.answerers import AssistantAnswerer
from eval.runner import run_suite
from eval.suite_report import (
    INTERVAL_METRICS,
    POOLED_ROLE,
    READ_POOLED_ROLE,
    pool,
    pooled_intervals_table,
    suite_row,
    suites_table,
)
from eval.suites import DEV_POOL, READ_POOL, UNSEEN_POOL, get_suite, pool_of, role, unseen_articles


@pytest.mark.parametrize(
    ("suite", "split", "unseen"),
    [
        ("towns", "test", True),
        ("heldout", "test", True),
        ("towns", "dev", False),  # fitted on
        ("sample", "test", False),  # new questions, but the articles the first rules were written for
        ("sample", "dev", False),
        ("health", "dev", False),  # read while rules were written, though never fitted on
        ("traps7", "dev", False),
    ],
)
def test_which_splits_count_as_unseen(suite: str, split: str, unseen: bool) -> None:
    assert unseen_articles(suite, split) is unseen


@pytest.mark.parametrize(
    ("suite", "split", "expected"),
    [("towns", "dev", DEV_POOL), ("towns", "test", UNSEEN_POOL), ("sample", "dev", DEV_POOL), ("sample", "test", None),
     ("heldout", "test", UNSEEN_POOL), ("coast", "dev", UNSEEN_POOL),  # a dev split nothing is fitted on is unseen
     ("health", "dev", READ_POOL), ("traps1", "dev", READ_POOL)],  # unless it was read (eval.suites.READ_SUITES)
)  # fmt: skip
def test_each_split_counts_in_one_pool_for_suites_diff_and_funnel(suite: str, split: str, expected: str | None) -> None:
    assert pool_of(suite, split) == expected


def test_the_suites_begun_as_probe_sets_are_dev_only_and_the_model_is_not_fitted_on_them() -> None:
    from eval.suites import DEVELOPMENT_SUITES, READ_SUITES

    assert len(READ_SUITES) == 26 and not set(READ_SUITES) & set(DEVELOPMENT_SUITES)
    for name in READ_SUITES:
        assert get_suite(name).splits == ("dev",)
        assert role(name, "dev") == "dev (read, not fitted on)"
    assert role("towns", "dev") == "dev (fitted on)" and role("coast", "test") == "held out"


def test_the_read_dev_splits_pool_apart_from_the_unseen(sample_settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eval.suite_report as suite_report
    import eval.suites as suites_module
    from eval.suites import Suite
    from tests.eval.conftest import two_split_suite

    tiny = two_split_suite(tmp_path)
    dev_only = Suite("tiny", tiny.articles_dir, {"dev": tiny.files["dev"]})
    monkeypatch.setattr(suite_report, "get_suite", lambda name: dev_only)
    monkeypatch.setattr(suites_module, "READ_SUITES", ("read1", "read2"))

    rows = suite_report.run_suites(sample_settings, ["read1", "read2", "other"], progress=False)
    assert [(row.suite, row.split, row.system, row.role) for row in rows[-4:]] == [
        ("other", "dev", "sourced", "held out"), ("other", "dev", "baseline", "held out"),  # alone: no pooled row
        (READ_POOL, "dev", "sourced", READ_POOLED_ROLE), (READ_POOL, "dev", "baseline", READ_POOLED_ROLE),
    ]  # fmt: skip
    assert rows[0].role == "dev (read, not fitted on)"
    assert rows[-2].questions == 2  # the question of each of the two read splits


def test_pooled_rates_are_over_every_question_of_the_runs_not_a_mean_of_their_rates(assistant: object) -> None:
    answerer = AssistantAnswerer(assistant, mode="extractive", top_k=5)
    items = get_suite("sample").items("test")
    answerable_only = [item for item in items if item.answerable][:3]
    mixed = [item for item in items if not item.answerable][:4] + [item for item in items if item.answerable][3:5]
    runs = [run_suite(answerable_only, answerer, progress=False), run_suite(mixed, answerer, progress=False)]
    pooled = suite_row(UNSEEN_POOL, "test", "sourced", POOLED_ROLE, pool(runs))

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
    assert last.startswith(f"| {UNSEEN_POOL} | test | {POOLED_ROLE} | **sourced** | 9 | 5 | 4 |")


def test_each_row_carries_intervals_and_the_pooled_rows_print_them(assistant: object) -> None:
    answerer = AssistantAnswerer(assistant, mode="extractive", top_k=5)
    items = get_suite("sample").items("test")
    run = run_suite([item for item in items if not item.answerable][:3] + [item for item in items if item.answerable][:4],
                    answerer, progress=False)  # fmt: skip
    row = suite_row(UNSEEN_POOL, "test", "sourced", POOLED_ROLE, run)
    assert set(row.intervals) == set(INTERVAL_METRICS)
    for name, (low, high) in row.intervals.items():
        assert 0.0 <= low <= row.overall[name] <= high <= 1.0
    low, high = row.intervals["hallucination_rate"]
    assert high - low > 0.3  # three unanswerable questions tell little, and the interval says so

    table = pooled_intervals_table([suite_row("sample", "test", "sourced", "test (frozen)", run), row])
    header, _, line = table.splitlines()
    assert header == "| suite | system | fact recall | wrong answers to unanswerable | refusals of answerable |"
    assert line.startswith(f"| {UNSEEN_POOL} | sourced | {row.overall['fact_recall']:.3f} ({row.intervals['fact_recall'][0]:.3f} to ")
    assert pooled_intervals_table([suite_row("sample", "test", "sourced", "test (frozen)", run)]) == ""


def test_suites_write_each_splits_report_for_a_later_diff(sample_settings, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eval.suite_report as suite_report
    from eval.diff import diff_runs, load_outcomes
    from tests.eval.conftest import two_split_suite

    tiny = two_split_suite(tmp_path)
    monkeypatch.setattr(suite_report, "get_suite", lambda name: tiny)

    rows = suite_report.run_suites(sample_settings, ["tiny"], progress=False, report_dir=tmp_path / "reports")
    assert [(row.suite, row.split, row.system) for row in rows] == [
        ("tiny", "dev", "sourced"), ("tiny", "dev", "baseline"), ("tiny", "test", "sourced"), ("tiny", "test", "baseline"),
        (UNSEEN_POOL, "test", "sourced"), (UNSEEN_POOL, "test", "baseline"),  # a suite not fitted on is held out
    ]  # fmt: skip
    written = sorted(p.relative_to(tmp_path / "reports").as_posix() for p in (tmp_path / "reports").rglob("results.json"))
    assert written == ["tiny/dev/results.json", "tiny/test/results.json"]  # Sourced's runs; the baseline's are rows
    outcomes = load_outcomes(tmp_path / "reports")
    assert set(outcomes) == {("tiny/dev", "q006"), ("tiny/test", "q074")}
    assert diff_runs(outcomes, outcomes).paired == 2
