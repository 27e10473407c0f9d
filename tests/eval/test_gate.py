"""`rag eval --gate`: thresholds and baseline regressions, and regenerating both files."""

from __future__ import annotations

import json
from pathlib import Path

from eval.gate import GATED_METRICS, baseline_from, evaluate_gate, load_baseline, load_thresholds, thresholds_from
from tests.eval.conftest import IMPOSSIBLE


def _write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _thresholds(path: Path, metrics: dict) -> Path:
    return _write(path, {"version": 1, "metrics": metrics})


def _baseline(path: Path, items: dict) -> Path:
    return _write(path, {"version": 1, "items": items})


def _gate(run_eval, dataset: Path, thresholds: Path, baseline: Path):  # type: ignore[no-untyped-def]
    # --index configured: the session's store, instead of ingesting a fresh one per test
    return run_eval("--gate", "--index", "configured", "--dataset", str(dataset), "--thresholds", str(thresholds),
                    "--baseline", str(baseline), "--report", str(thresholds.parent / "report"))


def test_gate_fails_when_a_threshold_is_raised_above_the_measured_value(run_eval, small_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    measured = run_eval("--dataset", str(small_dataset), "--json", "--report", str(tmp_path / "m")).json()
    fact_recall = measured["summary"]["overall"]["fact_recall"]
    baseline = _baseline(tmp_path / "b.json", {})

    at_value = _gate(run_eval, small_dataset, _thresholds(tmp_path / "t1.json", {"fact_recall": {"min": fact_recall}}), baseline)
    assert at_value.code == 0, at_value.out + at_value.err

    raised = _gate(run_eval, small_dataset, _thresholds(tmp_path / "t2.json", {"fact_recall": {"min": fact_recall + 0.01}}),
                   baseline)
    assert raised.code == 1
    assert "fact_recall is" in raised.out and "Gate: FAILED" in raised.out

    rate = measured["summary"]["overall"]["hallucination_rate"]
    lowered = _gate(run_eval, small_dataset, _thresholds(tmp_path / "t3.json", {"hallucination_rate": {"max": rate - 0.01}}),
                    baseline)
    assert lowered.code == 1


def test_gate_fails_when_an_item_passing_in_the_baseline_now_fails(run_eval, small_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    thresholds = _thresholds(tmp_path / "t.json", {})
    known_failure = _gate(run_eval, small_dataset, thresholds, _baseline(tmp_path / "b1.json", {IMPOSSIBLE["id"]: "fail"}))
    assert known_failure.code == 0, known_failure.out

    regression = _gate(run_eval, small_dataset, thresholds, _baseline(tmp_path / "b2.json", {IMPOSSIBLE["id"]: "pass"}))
    assert regression.code == 1
    assert IMPOSSIBLE["id"] in regression.out
    report = json.loads((tmp_path / "report" / "results.json").read_text(encoding="utf-8"))
    assert report["gate"]["regressions"] == [IMPOSSIBLE["id"]]


def test_update_baseline_and_thresholds_then_the_gate_passes(run_eval, small_dataset, tmp_path) -> None:  # type: ignore[no-untyped-def]
    thresholds, baseline = tmp_path / "thresholds.json", tmp_path / "baseline.json"
    updated = run_eval("--update-baseline", "--update-thresholds", "--margin", "0.05", "--index", "configured",
                       "--dataset", str(small_dataset),
                       "--thresholds", str(thresholds), "--baseline", str(baseline), "--report", str(tmp_path / "r"))
    assert updated.code == 0, updated.err
    assert load_baseline(baseline)["items"][IMPOSSIBLE["id"]] == "fail"
    written = load_thresholds(thresholds)
    assert written["config"]["mode"] == "extractive" and written["margin"] == 0.05
    assert written["targets"]["fact_recall"] == {"min": 0.85}
    assert _gate(run_eval, small_dataset, thresholds, baseline).code == 0


def test_thresholds_from_measured_values_with_a_margin() -> None:
    overall = {"fact_recall": 0.8123, "hallucination_rate": 0.0556, "gold_cited": 0.02, "token_f1": None,
               "citation_recall": 1.0}  # fmt: skip
    data = thresholds_from(overall, 0.04, {"mode": "extractive"}, "now")
    assert data["metrics"]["fact_recall"] == {"min": 0.772}
    assert data["metrics"]["hallucination_rate"] == {"max": 0.096}
    assert data["metrics"]["gold_cited"] == {"min": 0.0}
    assert "citation_recall" not in data["metrics"]  # the answerer's own check: not gated as if independent
    assert "token_f1" not in data["metrics"]
    assert set(data["metrics"]) <= set(GATED_METRICS)


def test_evaluate_gate_lists_each_failure() -> None:
    thresholds = {"metrics": {"fact_recall": {"min": 0.9}, "over_refusal_rate": {"max": 0.1}, "token_f1": {"min": 0.1}}}
    baseline = baseline_from({"a": True, "b": True, "c": False}, {}, "now")
    result = evaluate_gate({"fact_recall": 0.95, "over_refusal_rate": 0.2, "token_f1": None},
                           {"a": True, "b": False, "c": False, "d": False}, thresholds, baseline)
    assert not result.passed
    assert [c.metric for c in result.checks if not c.ok] == ["over_refusal_rate", "token_f1"]
    assert result.regressions == ["b"] and result.not_in_baseline == ["d"]
    assert len(result.failures()) == 3


def test_committed_gate_files_are_valid() -> None:
    thresholds = load_thresholds()
    assert set(thresholds["metrics"]) <= set(GATED_METRICS)
    assert thresholds["config"]["mode"] == "extractive"
    from eval.dataset import load_dataset

    assert set(load_baseline()["items"]) == {item.id for item in load_dataset()}
