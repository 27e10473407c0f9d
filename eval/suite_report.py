"""Every suite and split, reported apart, each next to the trivial baseline: `rag eval suites`.

Each suite's corpus is ingested into a fresh temporary store; every split is
answered by Sourced (the configured mode, hybrid retrieval) and by the trivial
baseline (eval.overlap_baseline). Dev splits are where the answer model was
fitted; test splits were never tuned on; the held-out suite was never looked
at. The table says which is which, so no in-sample figure passes for a
generalisation one.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from eval.answerers import AssistantAnswerer
from eval.corpus import variant_assistant
from eval.overlap_baseline import OverlapBaseline
from eval.runner import run_suite
from eval.suites import DEVELOPMENT_SUITES, get_suite, suites
from eval.summary import summarise
from eval.tables import format_value
from rag.settings import Settings

COLUMNS = (
    ("fact_recall", "fact recall"),
    ("gold_cited", "gold evidence cited"),
    ("hallucination_rate", "wrong answers to unanswerable"),
    ("over_refusal_rate", "refusals of answerable"),
    ("factoid_length_median", "median factoid words"),
    ("evidence_hit@k", "evidence hit@k"),
    ("pass_rate", "items passed"),
)


@dataclass
class SuiteRow:
    suite: str
    split: str
    system: str
    role: str  # "dev (fitted on)", "test (frozen)", "held out"
    questions: int
    overall: dict[str, Any]


def role(suite: str, split: str) -> str:
    if suite not in DEVELOPMENT_SUITES:
        return "held out"
    return "dev (fitted on)" if split == "dev" else "test (frozen)"


def run_suites(settings: Settings, names: Sequence[str] | None = None, progress: bool | None = None) -> list[SuiteRow]:
    rows: list[SuiteRow] = []
    for name in names or list(suites()):
        suite = get_suite(name)
        with tempfile.TemporaryDirectory(prefix=f"sourced-suite-{name}-") as scratch:
            assistant = variant_assistant(settings, Path(scratch), suite.articles_dir)
            sourced = AssistantAnswerer(assistant, mode=settings.effective_answer_mode, top_k=settings.top_k)
            baseline = OverlapBaseline(assistant.articles(), top_k=settings.top_k)
            for split in suite.splits:
                items = suite.items(split)  # type: ignore[arg-type]
                for system, answerer in (("sourced", sourced), ("baseline", baseline)):
                    run = run_suite(items, answerer, progress=progress, label=f"{name} {split} {system}")
                    summary = summarise(run)
                    rows.append(SuiteRow(name, split, system, role(name, split), summary["counts"]["cases"],
                                         summary["overall"]))  # fmt: skip
    return rows


def suites_table(rows: Sequence[SuiteRow]) -> str:
    header = ["suite", "split", "role", "system", "questions", *[label for _, label in COLUMNS]]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in rows:
        values = [format_value(name, row.overall.get(name)) for name, _ in COLUMNS]
        name = f"**{row.system}**" if row.system == "sourced" else row.system
        lines.append(f"| {row.suite} | {row.split} | {row.role} | {name} | {row.questions} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def rows_json(rows: Sequence[SuiteRow]) -> list[dict[str, Any]]:
    return [row.__dict__ for row in rows]
