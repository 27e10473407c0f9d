"""Fit the extractive answerer's ranker and refusal model on the development splits only.

    python -m eval.fit_answerer                 # fit on the dev splits of eval.suites.DEVELOPMENT_SUITES, write
                                                # rag/answer_model.json and print the weights as Markdown
    python -m eval.fit_answerer --dry-run       # fit and print, write nothing

Each dev question is asked as `rag ask` would ask it (conversations turn by turn,
from a fresh store of its corpus). For every candidate sentence
(rag.candidates) the features are recorded, and

- the **ranker** learns "this candidate states a fact of the answer" (its answer
  entity for a value question, the sentence otherwise) over the answerable
  questions' candidates;
- the **refusal model** learns "the answer built from the best candidate states
  a fact of the answer" over every question that has a candidate (an
  unanswerable question's answer never does);
- the **threshold** is the probability that maximises, on dev, the share of
  answerable questions answered rightly minus the share of unanswerable ones
  answered (both rates count, whatever the sizes of the two groups).

Both models are L2-regularised logistic regressions (scikit-learn); the
regularisation strength is chosen by cross-validation grouped by question, so
no question is both fitted and validated on. The test splits are never read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from eval.corpus import variant_assistant
from eval.dataset import EvalCase, EvalItem, expand_cases
from eval.normalise import contains_alias
from eval.suites import DEVELOPMENT_SUITES, get_suite
from rag.answer_model import REFUSAL_EXTRA, AnswerModel, LogisticModel, load_answer_model
from rag.candidates import FEATURES, Candidate, find_candidates
from rag.extractive import extractive_answer, refusal_features
from rag.settings import Settings

REGULARISATION_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
CV_FOLDS = 5


@dataclass
class CaseData:
    """One dev question: its candidates (features, text) and what a right answer states."""

    suite: str
    case: EvalCase
    query: str
    candidates: list[Candidate] = field(default_factory=list)
    passages: list[Any] = field(default_factory=list)
    analysis: Any = None
    idf: Any = None
    article_text: Any = None
    query_vector: Any = None

    @property
    def group(self) -> str:
        return f"{self.suite}:{self.case.item_id}"


def _states_a_fact(text: str, case: EvalCase) -> bool:
    return case.answerable and any(contains_alias(text, alias) for fact in case.facts for alias in fact)


def candidate_label(candidate: Candidate, case: EvalCase) -> bool:
    """Whether the candidate states a fact of the answer: its answer entity when it has one, else its sentence."""
    return _states_a_fact(candidate.answer_text() or candidate.text, case)


def collect(suite_name: str, items: Sequence[EvalItem], settings: Settings, work_dir: Path) -> list[CaseData]:
    """Ask every case of `items` from a fresh store of the suite's corpus; record its candidates."""
    suite = get_suite(suite_name)
    assistant = variant_assistant(settings, work_dir / suite_name, suite.articles_dir)
    collected: list[CaseData] = []
    for item in items:
        conversation = assistant.new_conversation()
        for case in expand_cases(item):
            answer = assistant.ask(case.question, mode="extractive", conversation=conversation)
            query = answer.rewritten_query or case.question
            indexes = assistant._indexes()
            retrieved = assistant.retrieve_full(query, indexes=indexes)
            analysis = assistant.analyse(query)
            vector = retrieved.query_vector
            candidates = find_candidates(analysis, retrieved.passages, indexes.bm25.idf, vector, assistant._article_text)
            collected.append(
                CaseData(suite_name, case, query, candidates, retrieved.passages, analysis, indexes.bm25.idf,
                         assistant._article_text, vector)
            )  # fmt: skip
    return collected


def _fit_logistic(rows: list[dict[str, float]], labels: list[int], groups: list[str],
                  features: Sequence[str]) -> tuple[LogisticModel, float]:  # fmt: skip
    """A standardised L2 logistic regression; C by grouped cross-validated log-loss. Returns the model and C."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score

    x = np.array([[row.get(name, 0.0) for name in features] for row in rows], dtype=float)
    y = np.array(labels)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    folds = min(CV_FOLDS, len(set(groups)))
    best_c, best_score = REGULARISATION_GRID[0], -np.inf
    for c in REGULARISATION_GRID:
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        score = cross_val_score(model, z, y, groups=groups, cv=GroupKFold(n_splits=folds), scoring="neg_log_loss").mean()
        if score > best_score:
            best_c, best_score = c, score
    fitted = LogisticRegression(C=best_c, class_weight="balanced", max_iter=2000).fit(z, y)
    return (
        LogisticModel(tuple(features), tuple(float(w) for w in fitted.coef_[0]), float(fitted.intercept_[0]),
                      tuple(float(m) for m in mean), tuple(float(s) for s in scale)),
        best_c,
    )  # fmt: skip


def fit_ranker(data: list[CaseData]) -> tuple[LogisticModel, dict[str, Any]]:
    rows, labels, groups = [], [], []
    for case in data:
        if not case.case.answerable:
            continue
        for candidate in case.candidates:
            rows.append(candidate.features)
            labels.append(int(candidate_label(candidate, case.case)))
            groups.append(case.group)
    model, c = _fit_logistic(rows, labels, groups, FEATURES)
    return model, {"candidates": len(rows), "positive": sum(labels), "C": c}


def _answer_text(case: CaseData, model: AnswerModel) -> str:
    always = replace(model, threshold=0.0)
    answer = extractive_answer(case.analysis, case.passages, case.idf, model=always, query_vector=case.query_vector,
                               article_text=case.article_text)  # fmt: skip
    return "" if answer.abstained else answer.answer


def fit_refusal(data: list[CaseData], ranker: LogisticModel) -> tuple[LogisticModel, float, dict[str, Any]]:
    provisional = AnswerModel(ranker, ranker, 0.0, {})
    rows, labels, groups, answerable = [], [], [], []
    for case in data:
        for candidate in case.candidates:
            candidate.score = ranker.logit(candidate.features)
        ranked = sorted(case.candidates, key=lambda c: (-c.score, c.passage_rank, c.start))
        if not ranked:
            continue
        case.candidates = ranked
        rows.append(refusal_features(ranked))
        labels.append(int(_states_a_fact(_answer_text(case, provisional), case.case)))
        groups.append(case.group)
        answerable.append(case.case.answerable)
    features = FEATURES + REFUSAL_EXTRA
    refusal, c = _fit_logistic(rows, labels, groups, features)
    threshold, sweep = choose_threshold(data, refusal, rows, labels, answerable)
    return refusal, threshold, {"questions": len(rows), "right": sum(labels), "C": c, "sweep": sweep}


def choose_threshold(data: list[CaseData], refusal: LogisticModel, rows: list[dict[str, float]], labels: list[int],
                     answerable: list[bool]) -> tuple[float, list[dict[str, float]]]:  # fmt: skip
    """The threshold maximising (answerable answered rightly) - (unanswerable answered), both as rates over dev."""
    total_answerable = sum(case.case.answerable for case in data) or 1
    total_unanswerable = sum(not case.case.answerable for case in data) or 1
    probabilities = [refusal.probability(row) for row in rows]
    sweep: list[dict[str, float]] = []
    best = (float("-inf"), 0.5)
    for step in range(5, 96):
        threshold = step / 100
        answered = [p >= threshold for p in probabilities]
        right = sum(a and label for a, label in zip(answered, labels)) / total_answerable
        hallucination = sum(a and not ok for a, ok in zip(answered, answerable)) / total_unanswerable
        refused = sum(not a and ok for a, ok in zip(answered, answerable))
        over_refusal = (refused + sum(1 for c in data if c.case.answerable and not c.candidates)) / total_answerable
        objective = right - hallucination
        sweep.append({"threshold": threshold, "right": round(right, 3), "hallucination": round(hallucination, 3),
                      "over_refusal": round(over_refusal, 3), "objective": round(objective, 3)})  # fmt: skip
        if objective > best[0] + 1e-9:
            best = (objective, threshold)
    return best[1], sweep


def weights_table(model: AnswerModel) -> str:
    lines = ["| feature | ranker weight | refusal weight |", "| --- | ---: | ---: |"]
    ranker = dict(zip(model.ranker.features, model.ranker.weights))
    refusal = dict(zip(model.refusal.features, model.refusal.weights))
    for name in model.refusal.features:
        shown = f"{ranker[name]:+.3f}" if name in ranker else ""
        lines.append(f"| {name} | {shown} | {refusal[name]:+.3f} |")
    lines.append(f"| (intercept) | {model.ranker.intercept:+.3f} | {model.refusal.intercept:+.3f} |")
    lines.append(f"\nWeights are per standard deviation of each feature on dev. Answer when the refusal "
                 f"model's probability is at least {model.threshold:.2f}.")  # fmt: skip
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_answerer", description=__doc__.split("\n")[0])
    parser.add_argument("--suites", default=",".join(DEVELOPMENT_SUITES), help="dev suites to fit on")
    parser.add_argument("--dry-run", action="store_true", help="print the fitted weights; write nothing")
    args = parser.parse_args(argv)
    settings = Settings()
    data: list[CaseData] = []
    names = [s for s in args.suites.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="sourced-fit-") as work:
        for name in names:
            suite = get_suite(name)
            if "heldout" == name or "dev" not in suite.splits:
                print(f"Skipping {name}: it has no dev split.", file=sys.stderr)
                continue
            print(f"Collecting candidates from {name} dev ...", file=sys.stderr)
            data.extend(collect(name, suite.items("dev"), settings, Path(work)))
    ranker, ranker_info = fit_ranker(data)
    refusal, threshold, refusal_info = fit_refusal(data, ranker)
    provenance = {
        "fitted": date.today().isoformat(),
        "command": "python -m eval.fit_answerer",
        "suites": [f"{name}:dev" for name in names],
        "questions": len(data),
        "ranker": ranker_info,
        "refusal": {k: v for k, v in refusal_info.items() if k != "sweep"},
    }
    model = AnswerModel(ranker, refusal, threshold, provenance)
    print(weights_table(model))
    chosen = next(row for row in refusal_info["sweep"] if abs(row["threshold"] - threshold) < 1e-9)
    print(f"\nOn dev at the chosen threshold: {chosen}")
    if not args.dry_run:
        model.save()
        print("Wrote rag/answer_model.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
