"""LLM-judge metrics through llama-index's evaluators against the local fake OpenAI server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.judge import Judge, JudgeCache, judge_run
from eval.metrics import JUDGE_METRICS
from eval.summary import summarise
from rag.errors import EndpointError, LLMNotConfiguredError
from tests.conftest import make_settings
from tests.eval.test_report_and_scoring import _run

# One reply every evaluator parses: faithfulness/relevancy look for "yes",
# correctness reads the score on the first line.
VERDICT = "4.5\nYES: the answer is supported and correct."


def _judge(server, tmp_path: Path) -> Judge:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path / "data", openai_base_url=server.base_url, openai_api_key="test",
                             llm_model="fake-model", llm_max_retries=0, llm_temperature=0.7)
    return Judge(settings, JudgeCache(tmp_path / "cache"))


def test_judge_metrics_are_added_cached_and_at_temperature_zero(openai_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openai_server.set_behaviour("scripted", text=VERDICT)
    run = _run()
    judge = _judge(openai_server, tmp_path)
    judge_run(run, judge, progress=False)

    good, hostile, trap = (item.cases[0] for item in run.items)
    assert good.metrics["judge_faithfulness"] == 1.0 and good.metrics["judge_relevancy"] == 1.0
    assert good.metrics["judge_correctness"] == 4.5
    assert "judge_faithfulness" not in trap.metrics  # a refusal is not judged
    assert run.judge is not None and run.judge["calls"] == judge.calls > 0
    assert all(request.get("temperature") == 0.0 for request in openai_server.requests)

    summary = summarise(run, JUDGE_METRICS)
    assert summary["overall"]["judge_correctness"] == 4.5

    # the same inputs again: every verdict comes from the disk cache, no request is made
    requests = len(openai_server.requests)
    again = _run()
    cached_judge = _judge(openai_server, tmp_path)
    judge_run(again, cached_judge, progress=False)
    assert len(openai_server.requests) == requests
    assert cached_judge.calls == 0 and cached_judge.cached == judge.calls
    assert again.items[0].cases[0].metrics["judge_correctness"] == 4.5


def test_a_no_verdict_fails_faithfulness(openai_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openai_server.set_behaviour("scripted", text="2.0\nNO, the context does not say this.")
    run = _run()
    judge_run(run, _judge(openai_server, tmp_path), progress=False)
    case = run.items[0].cases[0]
    assert case.metrics["judge_faithfulness"] == 0.0 and case.metrics["judge_correctness"] == 2.0


def test_endpoint_failure_is_one_sentence(openai_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openai_server.set_behaviour("error500")
    with pytest.raises(EndpointError, match="HTTP 500"):
        judge_run(_run(), _judge(openai_server, tmp_path), progress=False)


def test_judge_needs_an_endpoint(tmp_path: Path) -> None:
    with pytest.raises(LLMNotConfiguredError):
        Judge(make_settings(tmp_path), JudgeCache(tmp_path / "cache"))


def test_cli_judge_run_labels_judge_metrics(openai_server, fresh_data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.cli import main

    openai_server.set_behaviour("scripted", text=VERDICT)
    # a private copy of the sample store: the judge's cache is written under the data dir
    settings = make_settings(fresh_data_dir, openai_base_url=openai_server.base_url, openai_api_key="test",
                             llm_model="fake-model", llm_max_retries=0)
    code = main(["--judge", "--mode", "extractive", "--limit", "2", "--no-progress", "--report", str(tmp_path / "r")],
                settings)
    out = capsys.readouterr().out
    assert code == 0
    assert "judge: faithfulness" in out and "judge: correctness (1-5)" in out  # labelled as judge metrics
    data = json.loads((tmp_path / "r" / "results.json").read_text(encoding="utf-8"))
    assert data["config"]["mode"] == "extractive"  # answers stay extractive; only the judge uses the LLM
    assert data["judge"]["model"] == "fake-model" and data["summary"]["overall"]["judge_relevancy"] == 1.0
    assert any((fresh_data_dir / "eval-judge-cache").rglob("*.json"))
