"""The report folder of one run: results.json, summary.md and report.html."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from eval.gate import bound_met
from eval.metrics import JUDGE_METRICS, METRICS
from eval.runner import ItemResult, RunResult
from eval.scoring import case_json
from eval.summary import plain_summary, worst_items
from eval.tables import default_metric_names, format_bound, format_value, markdown_table, metric_label, metric_rows

RESULTS_SCHEMA_VERSION = 1
WORST_SHOWN = 10


@dataclass
class ReportContext:
    """What a report says besides the run: the dataset, the selection, warnings, targets and the gate."""

    dataset_path: str
    dataset_sha256: str
    only: list[str] = field(default_factory=list)
    limit: int | None = None
    warnings: list[str] = field(default_factory=list)
    targets: dict[str, dict[str, float]] = field(default_factory=dict)
    gate: dict[str, Any] | None = None


def file_sha256(path: Path) -> str:
    """The digest a report gives of its dataset file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def default_report_dir(now: datetime | None = None) -> Path:
    return Path("reports") / f"eval-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}"


def item_json(item: ItemResult) -> dict[str, Any]:
    return {
        "id": item.item.id,
        "type": item.item.type,
        "answerable": item.item.answerable,
        "passed": item.passed,
        "reasons": item.reasons,
        "cases": [case_json(case) for case in item.cases],
    }


def metric_definitions() -> list[dict[str, Any]]:
    return [
        {"name": s.name, "label": s.label, "group": s.group, "scope": s.scope,
         "higher_is_better": s.higher_is_better, "formula": s.formula}
        for s in (*METRICS, *JUDGE_METRICS)
    ]


def results_json(run: RunResult, summary: dict[str, Any], context: ReportContext) -> dict[str, Any]:
    return {
        "schema_version": RESULTS_SCHEMA_VERSION,
        "kind": "run",
        "created": run.started,
        "config": run.config,
        "dataset": {"path": context.dataset_path, "sha256": context.dataset_sha256, "only": context.only,
                    "limit": context.limit},
        "plain_summary": plain_summary(run),
        "summary": summary,
        "targets": target_status(summary, context.targets),
        "judge": run.judge,
        "gate": context.gate,
        "warnings": context.warnings,
        "metric_definitions": metric_definitions(),
        "items": [item_json(item) for item in run.items],
    }


def target_status(summary: dict[str, Any], targets: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    return [
        {"metric": name, "target": bound, "value": summary["overall"].get(name),
         # None: not measured on this selection (e.g. no unanswerable item)
         "met": None if summary["overall"].get(name) is None else bound_met(summary["overall"][name], bound)}
        for name, bound in targets.items()
    ]


def describe_config(config: dict[str, Any]) -> str:
    shown = {k: v for k, v in config.items() if v is not None and k != "name"}
    return ", ".join(f"{k}={v}" for k, v in shown.items())


def summary_markdown(run: RunResult, summary: dict[str, Any], context: ReportContext) -> str:
    counts = summary["counts"]
    k = summary.get("k")
    lines = [
        f"# Sourced evaluation: {run.config.get('name', 'run')}",
        "",
        " ".join(plain_summary(run)),
        "",
        f"- when: {run.started}; wall time {run.wall_seconds:.1f} s",
        f"- configuration: {describe_config(run.config)}",
        f"- dataset: {context.dataset_path} (sha256 {context.dataset_sha256[:12]}), {counts['items']} items, "
        f"{counts['cases']} questions ({counts['answerable_cases']} answerable, "
        f"{counts['unanswerable_cases']} unanswerable)"
        + (f"; only {', '.join(context.only)}" if context.only else "")
        + (f"; first {context.limit}" if context.limit is not None else ""),
        f"- items passing every check: {counts['items_passed']} of {counts['items']}",
        "",
        "Correctness (fact recall, token F1, refusal rates) is shown next to citation quality: an answer that "
        "copies a passage has perfect citations and still a poor answer.",
        "",
        "## Metrics, overall and by question type",
        "",
        markdown_table(*metric_rows(summary, default_metric_names(summary))),
    ]
    if run.judge:
        lines += ["", f"Judge metrics: LLM {run.judge['model']} at {run.judge['base_url']}, temperature 0 "
                      f"({run.judge['calls']} calls, {run.judge['cached']} cached)."]
    if context.targets:
        rows = [
            [metric_label(t["metric"], k), format_bound(t["target"]),
             format_value(t["metric"], t["value"]), {True: "met", False: "**missed**", None: "not measured"}[t["met"]]]
            for t in target_status(summary, context.targets)
        ]
        lines += ["", "## Targets", "", markdown_table(["metric", "target", "measured", "status"], rows)]
    if context.gate is not None:
        verdict = "passed" if context.gate["passed"] else "**FAILED**"
        lines += ["", f"## Gate: {verdict}", ""]
        lines += [f"- {failure}" for failure in context.gate["failures"]] or ["- every threshold met, no regressions"]
    worst = worst_items(run, WORST_SHOWN)
    if worst:
        rows = [[item.item.id, item.item.type, "; ".join(item.reasons) or "error"] for item in worst]
        lines += ["", f"## Worst items (of {len(run.items) - counts['items_passed']} failing)", "",
                  markdown_table(["item", "type", "why it fails"], rows, numeric=False)]
    if context.warnings:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in context.warnings]
    lines += ["", "Metric definitions: eval/README.md and eval/metrics.py; per-item details: report.html.", ""]
    return "\n".join(lines)


def write_run_report(directory: Path, run: RunResult, summary: dict[str, Any], context: ReportContext) -> dict[str, Path]:
    """Write the three files; returns their paths."""
    from eval.html_report import run_html

    directory.mkdir(parents=True, exist_ok=True)
    data = results_json(run, summary, context)
    paths = {"results": directory / "results.json", "summary": directory / "summary.md", "html": directory / "report.html"}
    paths["results"].write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    paths["summary"].write_text(summary_markdown(run, summary, context), encoding="utf-8")
    paths["html"].write_text(run_html(run, summary, data), encoding="utf-8")
    return paths
