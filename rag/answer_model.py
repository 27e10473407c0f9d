"""The two small fitted models of the extractive answerer, read from `answer_model.json`.

- The **ranker** scores each candidate sentence (rag.candidates.FEATURES): a
  logistic regression of "this sentence states a fact of the right answer".
- The **refusal model** decides whether to answer at all: a logistic
  regression of "the best candidate's answer is right" over that candidate's
  features plus `REFUSAL_EXTRA` (how far it leads the next candidate, how many
  candidates agree on its answer). The answerer refuses below `threshold`.

Both are fitted by `python -m eval.fit_answerer` on the development splits only
(eval/README.md lists the figures on the frozen test splits and the weights).
Applying them needs numpy alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Mapping

MODEL_FILE = Path(__file__).resolve().parent / "answer_model.json"

REFUSAL_EXTRA = (
    "ranker_score",  # the ranker's logit for the best candidate
    "margin",  # ranker logit of the best candidate minus that of the best one with another answer
    "agreement",  # share of the next candidates (up to 4) that give the same answer
    "candidates",  # log(1 + number of candidates)
)


@dataclass(frozen=True)
class LogisticModel:
    """p = sigmoid(intercept + sum(weight * (x - mean) / scale)) over named features."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def logit(self, values: Mapping[str, float]) -> float:
        total = self.intercept
        for name, weight, mean, scale in zip(self.features, self.weights, self.mean, self.scale):
            total += weight * (float(values.get(name, 0.0)) - mean) / (scale or 1.0)
        return total

    def probability(self, values: Mapping[str, float]) -> float:
        z = self.logit(values)
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "intercept": round(self.intercept, 6),
            "mean": [round(m, 6) for m in self.mean],
            "scale": [round(s, 6) for s in self.scale],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "LogisticModel":
        return cls(
            tuple(data["features"]),
            tuple(float(w) for w in data["weights"]),
            float(data["intercept"]),
            tuple(float(m) for m in data["mean"]),
            tuple(float(s) for s in data["scale"]),
        )


@dataclass(frozen=True)
class AnswerModel:
    ranker: LogisticModel
    refusal: LogisticModel
    threshold: float  # answer when the refusal model's probability is at least this
    provenance: Mapping[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "ranker": self.ranker.as_json(),
            "refusal": self.refusal.as_json(),
            "threshold": round(self.threshold, 6),
            "provenance": dict(self.provenance),
        }

    def save(self, path: Path = MODEL_FILE) -> None:
        path.write_text(json.dumps(self.as_json(), indent=2) + "\n", encoding="utf-8")


def load_answer_model(path: Path = MODEL_FILE) -> AnswerModel:
    return _load(Path(path))


@cache
def _load(path: Path) -> AnswerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    return AnswerModel(
        ranker=LogisticModel.from_json(data["ranker"]),
        refusal=LogisticModel.from_json(data["refusal"]),
        threshold=float(data["threshold"]),
        provenance=data.get("provenance", {}),
    )
