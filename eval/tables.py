"""Metric tables as plain text (terminal) and Markdown (summary.md), from summary dicts."""

from __future__ import annotations

from typing import Any, Sequence

from eval.metrics import JUDGE_METRICS, METRICS, METRICS_BY_NAME, MetricSpec

PASS_RATE_LABEL = "items passed (all checks)"
_ALL_SPECS = {spec.name: spec for spec in (*METRICS, *JUDGE_METRICS)}


def metric_label(name: str, k: int | None) -> str:
    """Human label; "@k" becomes the run's k ("evidence hit@5")."""
    if name == "pass_rate":
        return PASS_RATE_LABEL
    spec = _ALL_SPECS.get(name)
    label = spec.label if spec else name
    return label.replace("@k", f"@{k}") if k else label


def format_value(name: str, value: float | None) -> str:
    spec = _ALL_SPECS.get(name)
    if spec is not None and not spec.independent:
        return "n/a"
    if value is None:
        return "–"
    if name.startswith("latency"):
        return f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    if spec is not None and spec.name in ("answer_length", "factoid_length_median", "judge_correctness"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def format_bound(bound: dict[str, float]) -> str:
    """{"min": 0.9} -> "≥ 0.9"; {"max": 0.1} -> "≤ 0.1"."""
    return " and ".join(f"{'≥' if side == 'min' else '≤'} {limit:g}" for side, limit in bound.items())


def metric_rows(summary: dict[str, Any], names: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per metric, columns overall then each question type."""
    types = list(summary["by_type"])
    header = ["metric", "all", *types]
    rows = []
    for name in names:
        if name not in summary["overall"]:
            continue
        row = [metric_label(name, summary.get("k")), format_value(name, summary["overall"][name])]
        row += [format_value(name, summary["by_type"][t].get(name)) for t in types]
        rows.append(row)
    return header, rows


def default_metric_names(summary: dict[str, Any]) -> list[str]:
    names = [spec.name for spec in METRICS] + ["pass_rate"]
    names += [spec.name for spec in JUDGE_METRICS if summary["overall"].get(spec.name) is not None]
    return names


def plain_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: bool = True) -> str:
    """Numbers right-aligned after the first column, unless `numeric` is False."""
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    align = ["---"] + ["---:" if numeric else "---"] * (len(header) - 1)
    return "\n".join([line(header), line(align), *(line(r) for r in rows)])


def higher_is_better(name: str) -> bool:
    if name == "pass_rate":
        return True
    spec: MetricSpec | None = METRICS_BY_NAME.get(name) or _ALL_SPECS.get(name)
    return spec.higher_is_better if spec else True
