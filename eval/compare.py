"""`rag eval compare`: several configurations over the same items, side by side in one table.

The default set is the trivial baseline and the three retrieval modes
(extractive answers), plus LLM answers when an endpoint is configured;
`--compare-set full` adds top-k 3 and 8 and chunk sizes 128 and 512 (each a
re-ingest of the corpus into a temporary store).
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, Sequence

from eval.answerers import AssistantAnswerer
from eval.corpus import source_names, variant_assistant
from eval.dataset import EvalItem
from eval.html_report import compare_html
from eval.overlap_baseline import OverlapBaseline
from eval.report import ReportContext, write_run_report
from eval.runner import RunResult, run_suite
from eval.summary import summarise
from eval.tables import format_value, markdown_table, plain_table
from rag.assistant import Assistant
from rag.settings import BUNDLED_ARTICLES_DIR, Settings

CompareSet = Literal["default", "full"]
COMPARE_SETS: tuple[str, ...] = ("default", "full")
# Columns of the comparison: retrieval, correctness, citations, refusal, cost.
COLUMNS = (
    ("evidence_hit@k", "evid hit@k"), ("article_mrr", "art MRR"), ("fact_recall", "fact rec"),
    ("token_f1", "tok F1"), ("gold_cited", "gold cited"), ("factoid_length_median", "factoid words"),
    ("hallucination_rate", "halluc"), ("over_refusal_rate", "over-ref"), ("pass_rate", "pass"),
    ("latency_p50_ms", "p50 ms"), ("latency_p95_ms", "p95 ms"),
)


@dataclass(frozen=True)
class ConfigSpec:
    name: str
    answerer: Literal["baseline", "sourced"] = "sourced"
    mode: Literal["extractive", "llm"] = "extractive"
    retrieval_mode: Literal["hybrid", "dense", "bm25"] = "hybrid"
    top_k: int | None = None  # None: the configured top_k
    chunk_size: int | None = None  # None: the configured index as it is


def config_set(name: CompareSet, llm_configured: bool) -> list[ConfigSpec]:
    specs = [ConfigSpec("baseline", answerer="baseline"), ConfigSpec("dense", retrieval_mode="dense"),
             ConfigSpec("bm25", retrieval_mode="bm25"), ConfigSpec("hybrid")]
    if llm_configured:
        specs.append(ConfigSpec("hybrid-llm", mode="llm"))
    if name == "full":
        specs += [ConfigSpec("hybrid-k3", top_k=3), ConfigSpec("hybrid-k8", top_k=8),
                  ConfigSpec("hybrid-chunk128", chunk_size=128), ConfigSpec("hybrid-chunk512", chunk_size=512)]
    return specs


@dataclass
class CompareResult:
    runs: dict[str, RunResult]
    summaries: dict[str, dict[str, Any]]
    started: str
    wall_seconds: float


def run_compare(
    assistant: Assistant, items: list[EvalItem], specs: Sequence[ConfigSpec], *,
    articles_dir: Path = BUNDLED_ARTICLES_DIR, progress: bool | None = None,
) -> CompareResult:
    """Run every configuration; chunk-size variants get a temporary store, removed afterwards."""
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    began = time.perf_counter()
    settings: Settings = assistant.settings
    runs: dict[str, RunResult] = {}
    with tempfile.TemporaryDirectory(prefix="sourced-eval-") as scratch:
        for spec in specs:
            top_k = spec.top_k or settings.top_k
            target = assistant
            if spec.answerer == "baseline":
                answerer: Any = OverlapBaseline(assistant.articles(), name=spec.name, top_k=top_k)
            else:
                if spec.chunk_size is not None and spec.chunk_size != settings.chunk_size:
                    # keep the configured overlap unless it would swallow half of the smaller chunk
                    overlap = settings.chunk_overlap if settings.chunk_overlap < spec.chunk_size // 2 else spec.chunk_size // 4
                    target = variant_assistant(settings, Path(scratch) / spec.name, articles_dir,
                                               chunk_size=spec.chunk_size, chunk_overlap=overlap)
                answerer = AssistantAnswerer(target, name=spec.name, mode=spec.mode, top_k=top_k,
                                             retrieval_mode=spec.retrieval_mode)
            names = source_names(target.articles(), articles_dir)
            runs[spec.name] = run_suite(items, answerer, progress=progress, label=spec.name, source_names=names)
    summaries = {name: summarise(run) for name, run in runs.items()}
    return CompareResult(runs, summaries, started, round(time.perf_counter() - began, 3))


def compare_rows(result: CompareResult) -> tuple[list[str], list[list[str]]]:
    header = ["config", "k", *(label for _, label in COLUMNS)]
    rows = [
        [name, str(summary.get("k")), *(format_value(metric, summary["overall"].get(metric)) for metric, _ in COLUMNS)]
        for name, summary in result.summaries.items()
    ]
    return header, rows


def compare_text(result: CompareResult) -> str:
    return plain_table(*compare_rows(result))


def compare_markdown(result: CompareResult, context: ReportContext) -> str:
    header, rows = compare_rows(result)
    lines = [
        "# Sourced evaluation: configurations compared", "",
        f"- when: {result.started}; wall time {result.wall_seconds:.1f} s",
        f"- dataset: {context.dataset_path} (sha256 {context.dataset_sha256[:12]})"
        + (f"; only {', '.join(context.only)}" if context.only else "")
        + (f"; first {context.limit}" if context.limit is not None else ""),
        "- k: passages handed to the answerer; retrieval metrics are at that k. The baseline retrieves one whole "
        "article and quotes it verbatim: perfect citations, poor answers, never refuses.", "",
        markdown_table(header, rows), "",
        "Columns: " + ", ".join(f"{label} = {metric}" for metric, label in COLUMNS) + ".", "",
        "Each configuration's own report: its folder here (results.json, summary.md, report.html).", "",
    ]
    lines += [f"- {w}" for w in context.warnings]
    return "\n".join(lines)


def write_compare_report(directory: Path, result: CompareResult, context: ReportContext) -> dict[str, Path]:
    """Per configuration a full report in a subfolder; at the top the comparison in the same three files."""
    directory.mkdir(parents=True, exist_ok=True)
    links: dict[str, str] = {}
    for name, run in result.runs.items():
        write_run_report(directory / name, run, result.summaries[name], context)
        links[name] = f"{name}/report.html"
    data = {
        "schema_version": 1,
        "kind": "compare",
        "created": result.started,
        "wall_seconds": result.wall_seconds,
        "dataset": {"path": context.dataset_path, "sha256": context.dataset_sha256, "only": context.only,
                    "limit": context.limit},
        "configs": {name: run.config for name, run in result.runs.items()},
        "summaries": result.summaries,
        "items": {
            item.item.id: {name: run.items[i].passed for name, run in result.runs.items()}
            for i, item in enumerate(next(iter(result.runs.values())).items)
        } if result.runs else {},
        "warnings": context.warnings,
    }
    paths = {"results": directory / "results.json", "summary": directory / "summary.md", "html": directory / "report.html"}
    paths["results"].write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    paths["summary"].write_text(compare_markdown(result, context), encoding="utf-8")
    header, rows = compare_rows(result)
    configs = {name: run.config for name, run in result.runs.items()}
    paths["html"].write_text(
        compare_html(header, rows, result.summaries, configs, links, result.started, result.wall_seconds),
        encoding="utf-8",
    )
    return paths
