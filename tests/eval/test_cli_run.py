"""`rag eval`: a limited run writes the three report files; options are checked; --compare prints one table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_limited_run_writes_results_summary_and_html(run_eval, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report"
    result = run_eval("--limit", "5", "--report", str(report))
    assert result.code == 0, result.err
    assert {p.name for p in report.iterdir()} == {"results.json", "summary.md", "report.html"}

    data = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert len(data["items"]) == 5 and data["config"]["mode"] == "extractive"
    case = data["items"][0]["cases"][0]
    assert {"question", "answer", "citations", "sentences", "metrics", "checks", "retrieved"} <= set(case)
    assert set(data["summary"]["overall"]) >= {"evidence_hit@k", "fact_recall", "citation_precision", "pass_rate"}

    html = (report / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2  # metrics by type, latency histogram
    assert f"id='item-{data['items'][0]['id']}'" in html  # drill-down per item
    assert "<script" not in html and "http://" not in html and "https://" not in html  # self-contained

    summary = (report / "summary.md").read_text(encoding="utf-8")
    assert "| fact recall |" in summary and "evidence hit@5" in summary
    assert "fact recall" in result.out and "citation precision" in result.out  # the table on stdout


def test_json_output_and_type_filter(run_eval, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_eval("--only", "unanswerable", "--limit", "3", "--json", "--report", str(tmp_path / "r"))
    assert result.code == 0, result.err
    data = result.json()
    assert list(data["summary"]["by_type"]) == ["unanswerable"]
    assert data["summary"]["counts"]["items"] == 3
    assert data["summary"]["overall"]["fact_recall"] is None  # no answerable case in scope
    assert data["summary"]["overall"]["hallucination_rate"] is not None


def test_conversation_turns_are_scored_one_by_one(run_eval, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "r"
    assert run_eval("--only", "conversation", "--limit", "1", "--report", str(report)).code == 0
    item = json.loads((report / "results.json").read_text(encoding="utf-8"))["items"][0]
    assert [c["case_id"] for c in item["cases"]] == ["c01#1", "c01#2", "c01#3"]
    assert item["cases"][1]["rewritten_query"]  # the follow-up was rewritten using the chat


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--only", "opinion"], "Unknown question type"),
        (["--limit", "0"], "--limit"),
        (["--bogus"], "No such option: --bogus"),
        (["run", "--mode", "fast"], "Invalid value for '--mode'"),
        (["--update-baseline", "--limit", "3"], "whole dataset"),
        (["--compare", "--gate"], "No such option: --gate"),  # `compare` runs several configurations: no gate
        (["--dataset", "/nonexistent/set.jsonl"], "Cannot read the evaluation set"),
        (["--gate", "--thresholds", "/nonexistent/t.json"], "does not exist"),
    ],
)
def test_usage_errors_are_one_sentence(run_eval, args: list[str], fragment: str) -> None:  # type: ignore[no-untyped-def]
    result = run_eval(*args)
    assert result.code == 2
    assert fragment in result.err
    assert result.err.startswith("Error: ") and len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_help(sample_settings, capsys) -> None:  # type: ignore[no-untyped-def]
    from eval.cli import main

    assert main(["--help"], sample_settings) == 0
    out = capsys.readouterr().out
    assert "Usage: rag eval" in out
    for command in ("run", "gate", "compare", "suites", "fit", "from-feedback"):
        assert f"\n  {command} " in out
    assert main(["compare", "--help"], sample_settings) == 0
    assert "--compare-set" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ([], ["run"]),
        (["--gate"], ["gate"]),
        (["--gate", "--limit", "5"], ["gate", "--limit", "5"]),
        (["--limit", "5", "--gate"], ["gate", "--limit", "5"]),
        (["--compare"], ["compare"]),
        (["--compare-set", "full"], ["compare", "--compare-set", "full"]),
        (["--suites"], ["suites"]),
        (["--suites", "towns,heldout", "--json"], ["suites", "towns,heldout", "--json"]),
        (["--suites=towns"], ["suites", "towns"]),
        (["--from-feedback", "--out", "d.jsonl"], ["from-feedback", "--out", "d.jsonl"]),
        (["--only", "factoid", "--json"], ["run", "--only", "factoid", "--json"]),
        (["gate", "--limit", "5"], ["gate", "--limit", "5"]),
        (["--help"], ["--help"]),
    ],
)
def test_the_flags_of_the_one_command_form_name_their_sub_command(old: list[str], new: list[str]) -> None:
    from eval.cli import legacy_arguments

    assert legacy_arguments(old) == new


def test_sub_commands_and_old_flags_run_the_same(run_eval, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    new = run_eval("run", "--only", "numeric", "--limit", "2", "--json", "--report", str(tmp_path / "new")).json()
    old = run_eval("--only", "numeric", "--limit", "2", "--json", "--report", str(tmp_path / "old")).json()
    assert new["summary"]["counts"] == old["summary"]["counts"] and new["config"] == old["config"]


def test_the_report_opens_with_a_plain_language_summary(run_eval, small_dataset: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report"
    result = run_eval("run", "--dataset", str(small_dataset), "--report", str(report))
    assert result.code == 0, result.err
    data = json.loads((report / "results.json").read_text(encoding="utf-8"))
    cases = [case for item in data["items"] for case in item["cases"]]
    answerable = [c for c in cases if c["answerable"]]
    every = sum(c["metrics"]["fact_recall"] == 1.0 and not c.get("abstained", True) for c in answerable)
    first = data["plain_summary"][0]
    assert first.startswith(f"Of {len(answerable)} answerable question")
    assert f", {every} w" in first  # "..., 3 were answered with every fact"
    assert any("unanswerable question" in s and "answered anyway" in s for s in data["plain_summary"])

    summary = (report / "summary.md").read_text(encoding="utf-8")
    body = summary.split("\n", 2)[2]  # after the title and a blank line
    assert body.startswith(" ".join(data["plain_summary"]))
    assert summary.index("answered anyway") < summary.index("| fact recall |")
    html = (report / "report.html").read_text(encoding="utf-8")
    assert html.index("answered anyway") < html.index("<h2>Metrics</h2>")
    assert result.out.index("answered anyway") < result.out.index("fact recall")


def test_help_through_the_rag_command() -> None:
    from typer.testing import CliRunner

    from rag.cli import app

    result = CliRunner().invoke(app, ["eval", "--help"])
    assert "compare" in result.output and "suites" in result.output
    result = CliRunner().invoke(app, ["eval", "compare", "--help"])
    assert "--compare-set" in result.output


def test_compare_prints_baseline_dense_bm25_hybrid(run_eval, small_dataset: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "cmp"
    result = run_eval("--compare", "--dataset", str(small_dataset), "--report", str(report))
    assert result.code == 0, result.err
    rows = [line.split()[0] for line in result.out.splitlines() if line.split()]
    for name in ("baseline", "dense", "bm25", "hybrid"):
        assert name in rows
    data = json.loads((report / "results.json").read_text(encoding="utf-8"))
    assert data["kind"] == "compare"
    assert {c["retrieval_mode"] for c in data["configs"].values()} == {None, "dense", "bm25", "hybrid"}
    # the baseline never refuses: the unanswerable item is always "answered"
    assert data["summaries"]["baseline"]["overall"]["hallucination_rate"] == 1.0
    for name in ("baseline", "hybrid"):
        assert (report / name / "report.html").is_file()
    assert "data:image/png;base64," in (report / "report.html").read_text(encoding="utf-8")


# --- another corpus: `sources` are file names relative to --articles, whatever the article ids ---------------

NORTH = "Harbour reopens\nThe Kellin harbour reopened on Monday after storm repairs that cost 80,000 pounds.\n"
SOUTH = "Harbour closes\nThe Dunmore harbour will close on 3 March for dredging that lasts eleven weeks.\n"


def test_eval_with_another_corpus_maps_sources_to_articles_by_their_path(run_eval, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from rag.library import ingest_paths
    from tests.conftest import make_settings

    corpora = tmp_path / "corpora"
    towns = corpora / "towns"
    for folder, text in (("north", NORTH), ("south", SOUTH)):
        (towns / folder).mkdir(parents=True)
        (towns / folder / "harbour.txt").write_text(text, encoding="utf-8")  # one file name, two articles
    dataset = tmp_path / "towns.jsonl"
    item = {
        "id": "t1", "type": "date", "answerable": True, "question": "When will the Dunmore harbour close for dredging?",
        "reference": "On 3 March.", "facts": [["3 March", "March 3"]], "sources": ["south/harbour.txt"],
        "evidence": [{"source": "south/harbour.txt", "quote": "The Dunmore harbour will close on 3 March"}],
    }
    dataset.write_text(json.dumps(item) + "\n", encoding="utf-8")
    # the configured index holds the corpus ingested from its parent folder: ids say nothing of `sources`
    settings = make_settings(tmp_path / "data")
    ingest_paths(settings, [corpora], prune=False)

    report = tmp_path / "report"
    result = run_eval("--dataset", str(dataset), "--articles", str(towns), "--json", "--report", str(report),
                      settings=settings)
    assert result.code == 0, result.err
    (case,) = json.loads((report / "results.json").read_text(encoding="utf-8"))["items"][0]["cases"]
    assert case["sources"] == ["south/harbour.txt"]
    assert case["metrics"]["article_hit@k"] == 1.0 and case["metrics"]["article_rr"] == 1.0
    assert "from outside" not in result.err
