"""`rag eval diff`: two runs' reports paired question by question (eval/diff.py), and its command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from eval.diff import ALL_GROUP, DiffError, diff_json, diff_runs, load_outcomes
from eval.suites import DEV_POOL, READ_POOL, UNSEEN_POOL
from tests.eval.conftest import EvalRun


def case(case_id: str, answerable: bool, answered: bool, recall: float | None = None, question: str = "") -> dict:
    metrics: dict[str, Any] = {}
    if answerable:
        metrics["fact_recall"] = recall if answered else 0.0
        metrics["gold_cited"] = 1.0 if answered else None
    return {"case_id": case_id, "question": question or f"Question {case_id}?", "answerable": answerable,
            "abstained": not answered, "answer": f"Answer to {case_id}." if answered else "", "metrics": metrics}


def write_report(folder: Path, cases: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "results.json"
    items = [{"id": c["case_id"], "type": "factoid", "cases": [c]} for c in cases]
    path.write_text(json.dumps({"schema_version": 1, "kind": "run", "items": items}), encoding="utf-8")
    return path


def test_one_file_against_another_pairs_cases_by_id(tmp_path: Path) -> None:
    before = write_report(tmp_path / "a", [case("q1", True, True, 1.0), case("q2", True, False),
                                           case("u1", False, True), case("u2", False, True), case("old", True, True, 1.0)])
    after = write_report(tmp_path / "b", [case("q1", True, True, 1.0), case("q2", True, True, 0.5),
                                          case("u1", False, False), case("u2", False, True), case("new", False, False)])
    diff = diff_runs(load_outcomes(before), load_outcomes(after))
    assert (diff.paired, diff.only_before, diff.only_after) == (4, 1, 1)
    assert [group.group for group in diff.groups] == [ALL_GROUP]
    metrics = diff.groups[0].metrics
    assert (metrics["fact_recall"].before, metrics["fact_recall"].after) == (0.5, 0.75)
    assert (metrics["fact_recall"].better, metrics["fact_recall"].worse) == (1, 0)
    wrong = metrics["hallucination_rate"]
    assert (wrong.before, wrong.after, wrong.better, wrong.worse) == (1.0, 0.5, 1, 0)
    refused = metrics["over_refusal_rate"]
    assert (refused.before, refused.after, refused.better) == (0.5, 0.0, 1)
    assert metrics["gold_cited"].questions == 1  # q1 only: q2 was refused before
    assert {(c.key[1], tuple(c.changes)) for c in diff.changed} == {
        ("q2", ("fact_recall", "over_refusal_rate")), ("u1", ("hallucination_rate",))}


def test_a_suites_report_is_grouped_by_split_dev_unseen_and_all(tmp_path: Path) -> None:
    layout = {"towns/dev": [case("d1", True, True, 1.0), case("d2", False, True)],
              "towns/test": [case("t1", True, False), case("t2", False, True)],
              "sample/test": [case("s1", True, True, 1.0)]}  # fmt: skip
    for folder, cases in layout.items():
        write_report(tmp_path / "old" / folder, cases)
    layout["towns/test"] = [case("t1", True, True, 1.0), case("t2", False, False)]
    layout["towns/dev"] = [case("d1", True, True, 0.0), case("d2", False, True)]
    for folder, cases in layout.items():
        write_report(tmp_path / "new" / folder, cases)

    diff = diff_runs(load_outcomes(tmp_path / "old"), load_outcomes(tmp_path / "new"))
    groups = {group.group: group.metrics for group in diff.groups}
    assert list(groups) == ["sample/test", "towns/dev", "towns/test", DEV_POOL, UNSEEN_POOL, ALL_GROUP]
    # the sample's test split is new questions on the articles the first rules were written for: not unseen
    assert groups[UNSEEN_POOL]["fact_recall"].questions == 1
    assert (groups[UNSEEN_POOL]["fact_recall"].before, groups[UNSEEN_POOL]["fact_recall"].after) == (0.0, 1.0)
    assert groups[DEV_POOL]["fact_recall"].worse == 1
    assert groups[ALL_GROUP]["fact_recall"].questions == 3
    assert diff_json(diff)["groups"][-1]["metrics"]["hallucination_rate"]["better"] == 1


def test_the_dev_splits_read_and_not_fitted_on_are_a_group_of_their_own(tmp_path: Path) -> None:
    layout = {"towns/dev": [case("d1", True, True, 1.0)], "towns/test": [case("t1", True, True, 1.0)],
              "health/dev": [case("h1", True, False), case("h2", False, True)]}  # fmt: skip
    for folder, cases in layout.items():
        write_report(tmp_path / "old" / folder, cases)
    layout["health/dev"] = [case("h1", True, True, 1.0), case("h2", False, True)]
    for folder, cases in layout.items():
        write_report(tmp_path / "new" / folder, cases)

    groups = {group.group: group.metrics for group in diff_runs(load_outcomes(tmp_path / "old"),
                                                                load_outcomes(tmp_path / "new")).groups}
    assert list(groups)[-4:] == [DEV_POOL, READ_POOL, UNSEEN_POOL, ALL_GROUP]
    assert groups[READ_POOL]["fact_recall"].questions == 1 and groups[READ_POOL]["fact_recall"].better == 1
    assert groups[UNSEEN_POOL]["fact_recall"].better == 0  # health is not unseen: its failures were read


def test_a_question_whose_answerability_changed_is_left_out(tmp_path: Path) -> None:
    before = write_report(tmp_path / "a", [case("q1", True, True, 1.0), case("q2", True, True, 1.0)])
    after = write_report(tmp_path / "b", [case("q1", False, False), case("q2", True, True, 1.0)])
    diff = diff_runs(load_outcomes(before), load_outcomes(after))
    assert (diff.paired, diff.skipped) == (1, 1)


def test_a_comparison_summary_is_skipped_and_its_configurations_read(tmp_path: Path) -> None:
    (tmp_path / "results.json").write_text(json.dumps({"kind": "compare", "summaries": {}}), encoding="utf-8")
    write_report(tmp_path / "hybrid", [case("q1", True, True, 1.0)])
    assert list(load_outcomes(tmp_path)) == [("hybrid", "q1")]


def test_bad_reports_are_named_with_what_to_pass(tmp_path: Path) -> None:
    with pytest.raises(DiffError, match="There is no report at .*missing; pass a results.json"):
        load_outcomes(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DiffError, match="holds no report of `rag eval run`"):
        load_outcomes(tmp_path / "empty")
    broken = tmp_path / "broken" / "results.json"
    broken.parent.mkdir()
    broken.write_text('{"kind": "run", "items": [', encoding="utf-8")
    with pytest.raises(DiffError, match="Cannot read .*results.json as a report"):
        load_outcomes(broken.parent)
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DiffError, match="is not a report of `rag eval`"):
        load_outcomes(listed)
    one = load_outcomes(write_report(tmp_path / "one", [case("q1", True, True, 1.0)]))
    other = load_outcomes(write_report(tmp_path / "other", [case("q9", True, True, 1.0)]))
    with pytest.raises(DiffError, match="share no question"):
        diff_runs(one, other)


@pytest.fixture()
def run_diff(sample_settings, capsys) -> Callable[..., EvalRun]:  # type: ignore[no-untyped-def]
    """`rag eval diff ARGS` in-process."""
    from eval.cli import main

    def run(*args: str) -> EvalRun:
        capsys.readouterr()
        code = main(["diff", *args], sample_settings)
        captured = capsys.readouterr()
        return EvalRun(code, captured.out, captured.err)

    return run


def test_the_command_prints_the_table_and_the_changed_questions(run_diff, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = write_report(tmp_path / "a", [case("q1", True, False, question="Who runs the Brackwater ferry?")])
    after = write_report(tmp_path / "b", [case("q1", True, True, 1.0, question="Who runs the Brackwater ferry?")])
    result = run_diff(str(before), str(after))
    assert result.code == 0, result.err
    assert "1 question in both runs." in result.out
    assert "fact recall" in result.out and "sign test p" in result.out
    assert "q1: fact_recall 0 -> 1, over_refusal_rate 1 -> 0" in result.out
    assert "Q: Who runs the Brackwater ferry?" in result.out and "before: (refused)" in result.out

    quiet = run_diff(str(before), str(after), "--no-changes")
    assert "changed:" not in quiet.out
    data = run_diff(str(before), str(after), "--json").json()
    assert data["paired_questions"] == 1 and data["changed"][0]["case_id"] == "q1"


def test_the_command_says_in_one_line_what_is_wrong(run_diff, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = write_report(tmp_path / "a", [case("q1", True, True, 1.0)])
    result = run_diff(str(report), str(tmp_path / "nowhere"))
    assert result.code == 2
    assert result.err.startswith("Error: There is no report at ") and result.err.count("\n") == 1
    assert "Traceback" not in result.err
