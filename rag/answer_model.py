"""The two small fitted models of the extractive answerer, read from `answer_model.json`.

- The **rankers** score each candidate (rag.candidates.FEATURES): a listwise
  (conditional logit) model of "this candidate states a fact of the right
  answer", among one question's candidates; one for value questions (whose
  candidates are values in sentences), one for questions answered by a sentence.
- The **refusal models** decide whether to answer at all: logistic
  regressions of "the best candidate's answer is right" over that candidate's
  features plus `REFUSAL_EXTRA` (how far it leads the next candidate, how many
  candidates agree on its answer). Questions that ask for a value (a name, a
  date, a number) and questions answered by a sentence have one each: what
  tells a right answer differs (for a value, chiefly how close it sits to the
  question's words). Both give calibrated probabilities; the answerer refuses
  below one `threshold`.

Both are fitted by `rag eval fit` (eval/fit_answerer.py) on the development splits only
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
    "answer_on_predicate",  # the verb governing the best value answer is the question's verb (rag.answer_clause)
    "predicate_similarity",  # the same, graded by word likeness ("hurt" for "injured"; rag.word_likeness)
    "counted_similarity",  # how alike the noun a "how many" question counts and the one the number counts
    "mood_agrees",  # question and that verb's clause are not one done and the other not (yet) done
    # names (people, organisations, places) the best sentence gives that the question does not (rag.new_names.
    # new_names): for a question answered by a sentence, one that only restates the question's names seldom answers
    "new_names",
)
# What each refusal model reads: the best candidate's evidence and how far it leads. Fewer inputs
# than the ranker's: a hundred questions cannot fit more weights without fitting noise.
REFUSAL_FEATURES = {
    "value": ("coverage", "relation_coverage", "similarity", "answer_near", "answer_on_focus", "answer_specific",
              "predicate_in_sentence", "constraints_in_sentence", "ranker_score", "margin", "predicate_similarity",
              "mood_agrees", "subject_in_sentence", "counted_similarity"),
    "sentence": ("coverage", "relation_coverage", "passage_coverage", "similarity", "focus_in_sentence",
                 "predicate_in_sentence", "constraints_in_sentence", "ranker_score", "margin", "subject_in_sentence",
                 "gives_what_is_asked", "new_names"),
}  # fmt: skip


def kind_of(typed: bool) -> str:
    return "value" if typed else "sentence"


def question_kind(features: Mapping[str, float]) -> str:
    """Which refusal model applies: "value" for a question answered by a name, date or number."""
    return "value" if features.get("typed", 0.0) >= 0.5 else "sentence"


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
    ranker: Mapping[str, LogisticModel]  # by question kind ("value", "sentence")
    refusal: Mapping[str, LogisticModel]  # by question_kind
    threshold: float  # answer when the refusal model's probability is at least this
    provenance: Mapping[str, Any]

    def answer_probability(self, features: Mapping[str, float]) -> float:
        """The probability that the answer built from the best candidate (its refusal features) is right
        (1.0 while a model is being fitted and has no refusal model yet)."""
        model = self.refusal.get(question_kind(features))
        return model.probability(features) if model is not None else 1.0

    def as_json(self) -> dict[str, Any]:
        return {
            "ranker": {kind: model.as_json() for kind, model in self.ranker.items()},
            "refusal": {kind: model.as_json() for kind, model in self.refusal.items()},
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
        ranker={kind: LogisticModel.from_json(model) for kind, model in data["ranker"].items()},
        refusal={kind: LogisticModel.from_json(model) for kind, model in data["refusal"].items()},
        threshold=float(data["threshold"]),
        provenance=data.get("provenance", {}),
    )
