"""report.html: one self-contained page (inline CSS, plots as base64 PNG, no script).

The pages are rendered from eval/templates/ with autoescaping (eval/templating.py):
answers quote articles, and articles may hold markup, which shows as text.
This module only decides what the tables hold: text, yes/no flags and links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from eval.plots import compare_png, latency_histogram_png, metrics_by_type_png
from eval.runner import RunResult
from eval.tables import default_metric_names, format_bound, format_value, metric_label, metric_rows
from eval.templating import render

# A table cell: text, a flag (True "yes", False "no", None "not measured") or a Link.
Cell = Any


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[Cell]]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _case_view(case: dict[str, Any], k: int | None) -> dict[str, Any]:
    """What the template shows of one case: its fields, and its tables as rows of cells."""
    facts = [[" / ".join(aliases), found] for aliases, found in zip(case["facts"], case["facts_found"])]
    sentences = [
        [s["text"], ", ".join(f"[{n}]" for n in s["citations"]) or "none", _text(s["support"])]
        for s in case.get("sentences") or []
    ]
    citations = [
        [f"[{c['n']}]", f"{c['title']} ({c['source']}, {c['article_id']})", _text(c["quote"]), _text(c["support"]),
         c["holds_gold"]]
        for c in case.get("citations") or []
    ]
    evidence = [[_text(ev["source"]), _text(ev["quote"])] for ev in case.get("evidence") or []]
    retrieved = [
        [_text(p["rank"]), _text(p["article_id"]), f"{p['start']}–{p['end']}", _text(p["dense_rank"] or "–"),
         _text(p["bm25_rank"] or "–"), p["holds_gold"], _text(p["preview"]) + "…"]
        for p in case.get("retrieved") or []
    ]
    return {
        "turn": case.get("turn"),
        "question": _text(case["question"]),
        "rewritten_query": case.get("rewritten_query"),
        "error": case.get("error"),
        "abstained": bool(case.get("abstained")),
        "mode": _text(case.get("mode")),
        "latency_ms": case.get("latency_ms") or 0.0,
        "answer": _text(case.get("answer")),
        "notice": case.get("notice"),
        "expected": "answerable" if case["answerable"] else "unanswerable: should refuse",
        "reference": _text(case.get("reference")),
        "facts": facts,
        "sentences": sentences,
        "citations": citations,
        "evidence": evidence,
        "retrieved": retrieved,
        "metrics": [
            [metric_label(name, k), format_value(name, value)] for name, value in case["metrics"].items() if value is not None
        ],
        "checks": [[name, ok] for name, ok in case["checks"].items()],
        "reasons": list(case["reasons"]),
    }


def _item_view(item: dict[str, Any], k: int | None) -> dict[str, Any]:
    return {
        "id": _text(item["id"]),
        "type": _text(item["type"]),
        "state": "pass" if item["passed"] else "fail",
        "first_question": item["cases"][0]["question"] if item["cases"] else "",
        "reasons": list(item["reasons"]),
        "cases": [_case_view(case, k) for case in item["cases"]],
    }


def run_html(run: RunResult, summary: dict[str, Any], data: dict[str, Any]) -> str:
    """The report of one run, built from its results.json data."""
    k = summary.get("k")
    overall = summary["overall"]
    latencies = [case.latency_ms for case in run.cases]
    items = sorted(data["items"], key=lambda i: (i["passed"], i["id"]))  # failing first
    header, rows = metric_rows(summary, default_metric_names(summary))
    targets = [
        [metric_label(t["metric"], k), format_bound(t["target"]), format_value(t["metric"], t["value"]), t["met"]]
        for t in data.get("targets") or []
    ]
    return render(
        "report.html",
        title=f"Sourced evaluation {run.started}",
        name=_text(run.config.get("name", "run")),
        started=_text(run.started),
        wall_seconds=run.wall_seconds,
        config=", ".join(f"{key}={value}" for key, value in run.config.items() if value is not None),
        dataset_path=_text(data["dataset"]["path"]),
        counts=summary["counts"],
        plain_summary=list(data.get("plain_summary") or []),
        metrics=Table(header, rows),
        targets=targets,
        gate=data.get("gate"),
        warnings=list(data.get("warnings") or []),
        by_type_png=metrics_by_type_png(summary),
        latency_png=latency_histogram_png(latencies, overall.get("latency_p50_ms"), overall.get("latency_p95_ms")),
        failing=[_text(i["id"]) for i in items if not i["passed"]],
        items=[_item_view(item, k) for item in items],
        definitions=[[d["label"], d["scope"], d["formula"]] for d in data["metric_definitions"]],
    )


def compare_html(table_header: Sequence[str], table_rows: Sequence[Sequence[str]], summaries: dict[str, dict[str, Any]],
                 configs: dict[str, dict[str, Any]], links: dict[str, str], started: str, wall_seconds: float) -> str:
    """The comparison page: one table, one plot, a link to each configuration's own report."""
    config_rows = [
        [Link(links[name], name), ", ".join(f"{k}={v}" for k, v in configs[name].items() if v is not None and k != "name")]
        for name in configs
    ]
    return render(
        "compare.html",
        title="Sourced evaluation: compare",
        started=started,
        wall_seconds=wall_seconds,
        header=[_text(h) for h in table_header],
        rows=[[_text(c) for c in row] for row in table_rows],
        compare_png=compare_png(summaries),
        configs=config_rows,
    )
