"""Report plots rendered off-screen (matplotlib's Agg canvas) as base64 PNG for self-contained HTML."""

from __future__ import annotations

import base64
import io
from typing import Any, Sequence

from eval.tables import metric_label

# What the by-type chart shows: retrieval, correctness and citation quality side
# by side, so perfect citations can't hide a wrong answer.
BY_TYPE_METRICS = ("evidence_hit@k", "fact_recall", "token_f1", "gold_cited", "pass_rate")
COMPARE_METRICS = ("evidence_hit@k", "fact_recall", "token_f1", "gold_cited",
                   "hallucination_rate", "over_refusal_rate", "pass_rate")


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(figure)  # Agg: no display, no global pyplot state
    return figure


def _png_base64(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _grouped_bars(axes: Any, groups: Sequence[str], series: dict[str, list[float]]) -> None:
    count = max(len(series), 1)
    width = 0.8 / count
    for index, (label, values) in enumerate(series.items()):
        positions = [g + (index - (count - 1) / 2) * width for g in range(len(groups))]
        axes.bar(positions, values, width=width, label=label)
    axes.set_xticks(range(len(groups)))
    axes.set_xticklabels(groups, rotation=20, ha="right")
    axes.set_ylim(0, 1.05)
    axes.grid(axis="y", alpha=0.3)
    axes.legend(fontsize=8, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.22))


def metrics_by_type_png(summary: dict[str, Any]) -> str:
    """Grouped bars: key metrics for each question type (missing values drawn as 0)."""
    types = ["all", *summary["by_type"]]
    tables = {"all": summary["overall"], **summary["by_type"]}
    series = {
        metric_label(name, summary.get("k")): [tables[t].get(name) or 0.0 for t in types] for name in BY_TYPE_METRICS
    }
    figure = _figure(9, 4.2)
    axes = figure.add_subplot()
    _grouped_bars(axes, types, series)
    axes.set_title("Metrics by question type")
    return _png_base64(figure)


def latency_histogram_png(latencies_ms: Sequence[float], p50: float | None, p95: float | None) -> str:
    figure = _figure(7, 3.2)
    axes = figure.add_subplot()
    axes.hist(list(latencies_ms) or [0.0], bins=30, color="#4878a8")
    for value, label, style in ((p50, "p50", "--"), (p95, "p95", ":")):
        if value is not None:
            axes.axvline(value, color="black", linestyle=style, label=f"{label} {value:.0f} ms")
    axes.set_xlabel("wall time per question (ms)")
    axes.set_ylabel("questions")
    axes.set_title("Latency")
    axes.legend(fontsize=8)
    return _png_base64(figure)


def compare_png(summaries: dict[str, dict[str, Any]]) -> str:
    """Grouped bars: key metrics for each configuration."""
    names = list(summaries)
    k = next(iter(summaries.values())).get("k") if summaries else None
    series = {
        metric_label(metric, None if metric.endswith("@k") and len({s.get("k") for s in summaries.values()}) > 1 else k):
        [summaries[n]["overall"].get(metric) or 0.0 for n in names]
        for metric in COMPARE_METRICS
    }
    figure = _figure(10, 4.4)
    axes = figure.add_subplot()
    _grouped_bars(axes, names, series)
    axes.set_title("Configurations compared")
    return _png_base64(figure)
