"""Every suite and split, reported apart, each next to the trivial baseline: `rag eval suites`.

Each suite's corpus is ingested into a fresh temporary store; every split is
answered by Sourced (the configured mode, hybrid retrieval) and by the trivial
baseline (eval.overlap_baseline). Dev splits are where the answer model was
fitted; test splits were never tuned on; the held-out suite was never looked
at. The table says which is which, so no in-sample figure passes for a
generalisation one.

A test split holds a few dozen questions, and ten or so unanswerable ones: one
question moves a rate by 0.1. So each row gives how many answerable and
unanswerable questions its rates are over, and the last rows pool every split
whose articles nothing was ever tuned on (the development suites' test splits
but the sample's, whose articles the first rules were written for, and the
held-out suite), one question at a time, as one set.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from eval.answerers import AssistantAnswerer
from eval.corpus import variant_assistant
from eval.overlap_baseline import OverlapBaseline
from eval.runner import RunResult, run_suite
from eval.suites import READ_POOL, UNSEEN_POOL, get_suite, pool_of, role, suites
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
    role: str  # "dev (fitted on)", "dev (read, not fitted on)", "test (frozen)", "held out", or a pooled role
    questions: int
    overall: dict[str, Any]
    answerable: int = 0  # the questions fact recall and refusals of answerable are over
    unanswerable: int = 0  # the questions wrong answers to unanswerable are over
    intervals: dict[str, tuple[float, float]] = field(default_factory=dict)  # 95%, per metric (run_intervals)


# The metrics given with a 95% interval (run_intervals).
INTERVAL_METRICS = ("fact_recall", "hallucination_rate", "over_refusal_rate")

# The pooled rows: every split of articles nothing was tuned on, as one set of questions.
POOLED_ROLE = "pooled: test (frozen) + held out, not sample"
# The dev splits of the suites that began as probe sets (eval.suites.READ_SUITES), as one set of questions.
READ_POOLED_ROLE = "pooled: dev, read, not fitted on"
# The pools `rag eval suites` prints a row for, in this order, with the split and role of that row.
POOLED_ROWS = {READ_POOL: ("dev", READ_POOLED_ROLE), UNSEEN_POOL: ("test", POOLED_ROLE)}


def run_suites(settings: Settings, names: Sequence[str] | None = None, progress: bool | None = None,
               report_dir: Path | None = None) -> list[SuiteRow]:  # fmt: skip
    """A row per suite, split and system, then the pooled rows (when two or more splits pool: the dev splits read
    and not fitted on, then the unseen articles). With `report_dir`,
    Sourced's run of each split is also written to REPORT_DIR/SUITE/SPLIT/ (results.json, summary.md, report.html)."""
    rows: list[SuiteRow] = []
    pooled: dict[str, dict[str, list[RunResult]]] = {name: {} for name in POOLED_ROWS}  # pool -> system -> runs
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
                    rows.append(suite_row(name, split, system, role(name, split), run, summary))
                    if report_dir is not None and system == "sourced":
                        dataset = suite.files.get(split) or suite.files["all"]
                        _write_report(report_dir / name / split, run, summary, dataset)
                    found = pool_of(name, split)
                    if found in pooled:
                        pooled[found].setdefault(system, []).append(run)
    for pool_name, (pool_split, pool_role) in POOLED_ROWS.items():
        for system, runs in pooled[pool_name].items():
            if len(runs) > 1:
                rows.append(suite_row(pool_name, pool_split, system, pool_role, pool(runs)))
    return rows


def _write_report(directory: Path, run: RunResult, summary: dict[str, Any], dataset: Path) -> None:
    from eval.report import ReportContext, file_sha256, write_run_report

    write_run_report(directory, run, summary, ReportContext(str(dataset), file_sha256(dataset)))


def suite_row(suite: str, split: str, system: str, row_role: str, run: RunResult,
              summary: dict[str, Any] | None = None) -> SuiteRow:  # fmt: skip
    """The row of one run (`summary`: its `summarise`, when the caller has it already)."""
    summary = summary or summarise(run)
    counts = summary["counts"]
    return SuiteRow(suite, split, system, row_role, counts["cases"], summary["overall"],
                    counts["answerable_cases"], counts["unanswerable_cases"], run_intervals(run))  # fmt: skip


def run_intervals(run: RunResult) -> dict[str, tuple[float, float]]:
    """The 95% intervals of a run's fact recall (bootstrap over its answerable questions) and of its two refusal
    rates (Wilson): a split of a few dozen questions moves by 0.1 with one question, and even the pooled rows
    carry an interval several hundredths wide."""
    from eval.intervals import Interval, mean_interval, proportion_interval

    cases = [case for item in run.items for case in item.cases]

    def rate(answerable: bool, key: str) -> Interval | None:
        # the case values the summary's rate is the mean of (eval.metrics: "answered", "refused")
        values = [v for c in cases if c.case.answerable is answerable and (v := c.metrics.get(key)) is not None]
        return proportion_interval(round(sum(values)), len(values))

    found = {
        "fact_recall": mean_interval([c.metrics.get("fact_recall") or 0.0 for c in cases if c.case.answerable]),
        "hallucination_rate": rate(False, "answered"),
        "over_refusal_rate": rate(True, "refused"),
    }
    return {name: (interval.low, interval.high) for name, interval in found.items() if interval is not None}


def pooled_intervals_table(rows: Sequence[SuiteRow]) -> str:
    """The pooled rows' rates with their 95% intervals (empty when no row pools)."""
    pooled = [row for row in rows if row.role == POOLED_ROLE]
    if not pooled:
        return ""
    header = ["suite", "system", *(label for name, label in COLUMNS if name in INTERVAL_METRICS)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in pooled:
        cells = []
        for name, _ in COLUMNS:
            if name in INTERVAL_METRICS:
                low, high = row.intervals.get(name, (None, None))
                value = format_value(name, row.overall.get(name))
                cells.append(value if low is None else f"{value} ({low:.3f} to {high:.3f})")
        lines.append(f"| {row.suite} | {row.system} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def pool(runs: Sequence[RunResult]) -> RunResult:
    """The runs as one: every item of each, so each rate is over all their questions (not a mean of rates)."""
    return RunResult(config=runs[0].config, items=[item for run in runs for item in run.items], started=runs[0].started,
                     wall_seconds=sum(run.wall_seconds for run in runs))  # fmt: skip


def suites_table(rows: Sequence[SuiteRow]) -> str:
    header = ["suite", "split", "role", "system", "questions", "answerable", "unanswerable",
              *[label for _, label in COLUMNS]]  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in rows:
        values = [format_value(name, row.overall.get(name)) for name, _ in COLUMNS]
        name = f"**{row.system}**" if row.system == "sourced" else row.system
        lines.append(f"| {row.suite} | {row.split} | {row.role} | {name} | {row.questions} | {row.answerable} | "
                     f"{row.unanswerable} | " + " | ".join(values) + " |")  # fmt: skip
    return "\n".join(lines)


def rows_json(rows: Sequence[SuiteRow]) -> list[dict[str, Any]]:
    return [row.__dict__ for row in rows]
