"""The CI gate: metric thresholds (eval/thresholds.json) and per-item regressions (eval/baseline.json).

The gate fails when a gated metric falls below its `min` (or rises above its
`max`), or when an item that passes in the committed baseline now fails.
Both files are versioned and regenerated from a measured run:

    rag eval run --update-thresholds [--margin 0.04]   # bounds = measured ∓ margin
    rag eval run --update-baseline                     # per item: pass / fail
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Mapping

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_THRESHOLDS = EVAL_DIR / "thresholds.json"
DEFAULT_BASELINE = EVAL_DIR / "baseline.json"
DEFAULT_MARGIN = 0.04
FILE_VERSION = 1
# Gated: deterministic quality metrics. Latency is machine-dependent and
# answer length is not a quality, so neither is gated.
GATED_METRICS = (
    "article_hit@k", "evidence_hit@k", "evidence_recall@k", "evidence_mrr", "fact_recall", "token_f1",
    "citation_validity", "gold_cited", "hallucination_rate", "over_refusal_rate", "pass_rate",
)
LOWER_IS_BETTER = frozenset({"hallucination_rate", "over_refusal_rate"})
# Targets of the project for offline extractive mode; reported, not gated.
DEFAULT_TARGETS: dict[str, dict[str, float]] = {
    "evidence_hit@k": {"min": 0.95},
    "fact_recall": {"min": 0.85},
    "gold_cited": {"min": 0.90},
    "hallucination_rate": {"max": 0.15},
    "over_refusal_rate": {"max": 0.10},
    "factoid_length_median": {"max": 30},
}
Bound = Mapping[str, float]


class GateFileError(Exception):
    """A thresholds or baseline file is missing or malformed; the message says which and what to do."""


@dataclass
class MetricCheck:
    metric: str
    value: float | None
    bound: dict[str, float]
    ok: bool


@dataclass
class GateResult:
    checks: list[MetricCheck] = field(default_factory=list)
    regressions: list[str] = field(default_factory=list)  # item ids that passed in the baseline and now fail
    not_in_baseline: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(check.ok for check in self.checks) and not self.regressions

    def failures(self) -> list[str]:
        """One sentence per failure."""
        lines = []
        for check in self.checks:
            if not check.ok:
                value = "not measured" if check.value is None else f"{check.value:.4f}"
                bound = " and ".join(f"{'≥' if side == 'min' else '≤'} {limit:g}" for side, limit in check.bound.items())
                lines.append(f"{check.metric} is {value}, needs {bound}.")
        if self.regressions:
            lines.append(f"{len(self.regressions)} item(s) passed in the baseline and now fail: "
                         f"{', '.join(self.regressions)}.")
        return lines

    def to_json(self) -> dict[str, Any]:
        return {"passed": self.passed, "failures": self.failures(), "checks": [asdict(c) for c in self.checks],
                "regressions": self.regressions, "not_in_baseline": self.not_in_baseline}


def bound_met(value: float | None, bound: Bound) -> bool:
    if value is None:
        return False
    return value >= bound.get("min", -math.inf) and value <= bound.get("max", math.inf)


def check_metrics(overall: Mapping[str, float | None], bounds: Mapping[str, Bound]) -> list[MetricCheck]:
    return [MetricCheck(name, overall.get(name), dict(bound), bound_met(overall.get(name), bound))
            for name, bound in bounds.items()]


def check_baseline(outcomes: Mapping[str, bool], baseline: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(items that passed in the baseline and now fail, items run that the baseline doesn't know)."""
    regressions = [item for item, passed in outcomes.items() if baseline.get(item) == "pass" and not passed]
    unknown = [item for item in outcomes if item not in baseline]
    return regressions, unknown


def evaluate_gate(overall: Mapping[str, float | None], outcomes: Mapping[str, bool],
                  thresholds: Mapping[str, Any], baseline: Mapping[str, Any]) -> GateResult:
    regressions, unknown = check_baseline(outcomes, baseline.get("items", {}))
    return GateResult(check_metrics(overall, thresholds.get("metrics", {})), regressions, unknown)


# --- the files ------------------------------------------------------------------------------
def read_json_file(path: Path, what: str, command: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GateFileError(f"The {what} file {path} does not exist; create it with `{command}`.") from exc
    except (OSError, ValueError) as exc:
        raise GateFileError(f"The {what} file {path} cannot be read as JSON; regenerate it with `{command}`.") from exc
    if not isinstance(data, dict) or data.get("version") != FILE_VERSION:
        raise GateFileError(f"The {what} file {path} is not version {FILE_VERSION}; regenerate it with `{command}`.")
    return data


def load_thresholds(path: Path = DEFAULT_THRESHOLDS) -> dict[str, Any]:
    data = read_json_file(path, "thresholds", "rag eval run --update-thresholds")
    metrics = data.get("metrics")
    if not isinstance(metrics, dict) or not all(
        isinstance(b, dict) and b and set(b) <= {"min", "max"} and all(isinstance(v, (int, float)) for v in b.values())
        for b in metrics.values()
    ):
        raise GateFileError(f"The thresholds file {path} needs \"metrics\": {{name: {{\"min\"|\"max\": number}}}}.")
    return data


def load_baseline(path: Path = DEFAULT_BASELINE) -> dict[str, Any]:
    data = read_json_file(path, "baseline", "rag eval run --update-baseline")
    items = data.get("items")
    if not isinstance(items, dict) or not all(v in ("pass", "fail") for v in items.values()):
        raise GateFileError(f"The baseline file {path} needs \"items\": {{id: \"pass\"|\"fail\"}}.")
    return data


def thresholds_from(overall: Mapping[str, float | None], margin: float, config: Mapping[str, Any],
                    measured_at: str, targets: Mapping[str, Bound] | None = None) -> dict[str, Any]:
    """Thresholds = measured value minus `margin` (or plus, for lower-is-better rates), rounded leniently."""
    metrics: dict[str, dict[str, float]] = {}
    for name in GATED_METRICS:
        value = overall.get(name)
        if value is None:
            continue
        if name in LOWER_IS_BETTER:
            metrics[name] = {"max": min(1.0, math.ceil((value + margin) * 1000 - 1e-9) / 1000)}
        else:
            metrics[name] = {"min": max(0.0, math.floor((value - margin) * 1000 + 1e-9) / 1000)}
    return {
        "version": FILE_VERSION,
        "about": "Gate of `rag eval --gate`: measured values minus a margin. Regenerate with "
                 "`rag eval --update-thresholds --margin M`; targets are reported, not gated.",
        "config": dict(config),
        "measured_at": measured_at,
        "margin": margin,
        "measured": {name: overall.get(name) for name in GATED_METRICS},
        "metrics": metrics,
        "targets": dict(targets if targets is not None else DEFAULT_TARGETS),
    }


def baseline_from(outcomes: Mapping[str, bool], config: Mapping[str, Any], measured_at: str) -> dict[str, Any]:
    return {
        "version": FILE_VERSION,
        "about": "Per-item pass/fail of the committed run; `rag eval --gate` fails when a 'pass' item fails. "
                 "Regenerate with `rag eval --update-baseline`.",
        "config": dict(config),
        "measured_at": measured_at,
        "items": {item: "pass" if passed else "fail" for item, passed in sorted(outcomes.items())},
    }


def write_json_file(path: Path, data: Mapping[str, Any]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    temporary.replace(path)
