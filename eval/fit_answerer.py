"""Fit the extractive answerer's ranker and refusal model on the development splits only.

    rag eval fit                                # fit on the dev splits of eval.suites.DEVELOPMENT_SUITES, write
                                                # rag/answer_model.json and print the weights as Markdown
    rag eval fit --dry-run                      # fit and print, write nothing
    python -m eval.fit_answerer [--dry-run]     # the same

Each dev question is asked as `rag ask` would ask it (conversations turn by turn,
from a fresh store of its corpus). For every candidate sentence
(rag.candidates) the features are recorded, and

- the **ranker** learns to put first, among one question's candidates, those
  that state a fact of the answer (their answer entity for a value question,
  the sentence otherwise): a listwise (conditional logit) model over the
  answerable questions that have such a candidate;
- the **refusal model** learns "the answer built from the best candidate states
  a fact of the answer" over every question that has a candidate (an
  unanswerable question's answer never does);
- the **threshold** is the probability that maximises, on dev, the share of
  answerable questions answered rightly minus the share of unanswerable ones
  answered (both rates count, whatever the sizes of the two groups), among the
  thresholds that refuse at most 10% of dev's answerable questions (the
  project's target: a refusal of an answerable question is what a reader meets
  most).

Both models are L2-regularised, class-balanced logistic regressions (scipy's
L-BFGS-B, with every evidence feature's weight kept at zero or above); the
regularisation strength is chosen by cross-validation grouped by item, and the
threshold on out-of-fold predictions, so no question is both fitted and
validated on. The test splits are never read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

from eval.corpus import variant_assistant
from eval.dataset import EvalCase, EvalItem, expand_cases
from eval.normalise import contains_alias
from eval.suites import DEVELOPMENT_SUITES, get_suite
from rag.answer_model import REFUSAL_FEATURES, AnswerModel, LogisticModel, kind_of, question_kind
from rag.candidates import FEATURES, Candidate, find_candidates
from rag.extractive import extractive_answer, put_aside, refusal_features
from rag.ordering import fitting_first
from rag.settings import Settings
from rag.word_likeness import SAME_WORD_ONLY

REGULARISATION_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
CV_FOLDS = 5
# Out-of-fold probabilities are averaged over this many shuffles of the grouped folds. With one fixed split,
# the same data and code chose thresholds from 0.25 to 0.32 and gave the value model an AUC from 0.742 to 0.781
# depending on which questions shared a fold (eight shuffles, 2026-12-04): a refit moved the threshold more
# than most changes to the answerer did.
CV_REPEATS = 5
SMOOTHING = 5  # steps of 0.01 either side
# The project's target for refusals of answerable questions (issue 9): the threshold may not exceed it on dev.
MAX_OVER_REFUSAL = 0.10


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
    knows: Any = None
    word_likeness: Any = SAME_WORD_ONLY
    answered: bool = True  # the assistant's own answer to the question did not refuse

    @property
    def group(self) -> str:
        return f"{self.suite}:{self.case.item_id}"


def states_a_fact(text: str, case: EvalCase) -> bool:
    return case.answerable and any(contains_alias(text, alias) for fact in case.facts for alias in fact)


def candidate_label(candidate: Candidate, case: EvalCase) -> bool:
    """Whether the candidate states a fact of the answer: its answer entity when it has one, else its sentence."""
    return states_a_fact(candidate.answer_text() or candidate.text, case)


def collect(suite_name: str, items: Sequence[EvalItem], settings: Settings, work_dir: Path) -> list[CaseData]:
    """Ask every case of `items` from a fresh store of the suite's corpus; record its candidates."""
    suite = get_suite(suite_name)
    return collect_from(variant_assistant(settings, work_dir / suite_name, suite.articles_dir), suite_name, items)


def collect_from(assistant: Any, suite_name: str, items: Sequence[EvalItem]) -> list[CaseData]:
    """Ask every case of `items` of `assistant` (over the suite's corpus); record its candidates and whether the
    answer refused. Compound questions are left out."""
    collected: list[CaseData] = []
    for item in items:
        conversation = assistant.new_conversation()
        for case in expand_cases(item):
            answer = assistant.ask(case.question, mode="extractive", conversation=conversation)
            query = answer.rewritten_query or case.question
            indexes = assistant._indexes()
            retrieved = assistant.retrieve_full(query, indexes=indexes)
            analysis = assistant.analyse(query)
            if analysis.parts:
                continue  # a compound question is answered part by part: no one candidate list is right or wrong
            vector = retrieved.query_vector
            candidates = find_candidates(analysis, retrieved.passages, indexes.bm25.idf, vector, assistant._article_text,
                                         indexes.bm25.knows)  # fmt: skip
            collected.append(
                CaseData(suite_name, case, query, candidates, retrieved.passages, analysis, indexes.bm25.idf,
                         assistant._article_text, vector, indexes.bm25.knows, assistant.word_likeness,
                         not answer.abstained)
            )  # fmt: skip
    return collected


# Features whose weight may take either sign: they say what kind of question it is, not how good the
# evidence is. Every other feature is oriented so that more of it means a better answer, and its weight is
# kept at zero or above: with a few hundred questions, a negative weight on "the sentence holds the thing
# asked about" would be noise fitted, not something learnt.
FREE_SIGN = frozenset({"typed", "has_constraints"})


def _fit_logistic(rows: list[dict[str, float]], labels: list[int], groups: list[str],
                  features: Sequence[str], fixed_c: float | None = None) -> tuple[LogisticModel, float]:  # fmt: skip
    """A standardised L2 logistic regression with class-balanced weights and sign constraints (FREE_SIGN);
    C by grouped cross-validated log-loss unless `fixed_c`. Returns the model and C."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    x = np.array([[row.get(name, 0.0) for name in features] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    bounds = [(None, None) if name in FREE_SIGN else (0.0, None) for name in features] + [(None, None)]
    best_c = fixed_c
    if best_c is None:
        folds = GroupKFold(n_splits=min(CV_FOLDS, len(set(groups))))
        losses = {}
        for c in REGULARISATION_GRID:
            total = 0.0
            for train, test in folds.split(z, y, groups):
                weights = _minimise(z[train], y[train], c, bounds)
                total += _log_loss(z[test], y[test], weights)
            losses[c] = total
        best_c = min(losses, key=losses.__getitem__)
    weights = _minimise(z, y, best_c, bounds)
    return (
        LogisticModel(tuple(features), tuple(float(w) for w in weights[:-1]), float(weights[-1]),
                      tuple(float(m) for m in mean), tuple(float(s) for s in scale)),
        best_c,
    )  # fmt: skip


def _minimise(z: Any, y: Any, c: float, bounds: list[tuple[float | None, float | None]]) -> Any:
    """Class-balanced, L2-penalised logistic loss (as scikit-learn's with C), minimised under `bounds`."""
    import numpy as np
    from scipy.optimize import minimize

    positives = max(1.0, float(y.sum()))
    negatives = max(1.0, float(len(y) - y.sum()))
    sample = np.where(y > 0, len(y) / (2 * positives), len(y) / (2 * negatives))

    def loss(w: Any) -> tuple[float, Any]:
        logits = z @ w[:-1] + w[-1]
        p = 1.0 / (1.0 + np.exp(-logits))
        eps = 1e-12
        value = -np.sum(sample * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) * c
        value += 0.5 * float(w[:-1] @ w[:-1])
        residual = sample * (p - y) * c
        gradient = np.append(z.T @ residual + w[:-1], residual.sum())
        return value, gradient

    start = np.zeros(z.shape[1] + 1)
    return minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds).x


def _log_loss(z: Any, y: Any, weights: Any) -> float:
    import numpy as np

    p = 1.0 / (1.0 + np.exp(-(z @ weights[:-1] + weights[-1])))
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)))


def fit_rankers(data: list[CaseData]) -> tuple[dict[str, LogisticModel], dict[str, Any]]:
    """One listwise ranker per question kind (value questions, sentence questions)."""
    models: dict[str, LogisticModel] = {}
    info: dict[str, Any] = {}
    for kind in ("value", "sentence"):
        cases = [c for c in data if kind_of(c.analysis.typed) == kind]
        models[kind], info[kind] = (fit_ranker if kind == "value" else fit_pointwise_ranker)(cases)
    return models, info


def fit_pointwise_ranker(data: list[CaseData]) -> tuple[LogisticModel, dict[str, Any]]:
    """For sentence questions: a logistic regression of "this sentence states a fact of the answer". Several
    sentences of one question often do, which a listwise objective would treat as one."""
    rows, labels, groups = [], [], []
    for case in data:
        if case.case.answerable:
            for candidate in case.candidates:
                rows.append(candidate.features)
                labels.append(int(candidate_label(candidate, case.case)))
                groups.append(case.group)
    model, c = _fit_logistic(rows, labels, groups, FEATURES)
    return model, {"candidates": len(rows), "right_candidates": sum(labels), "C": c}


def fit_ranker(data: list[CaseData]) -> tuple[LogisticModel, dict[str, Any]]:
    """A listwise ranker: per question, a softmax over its candidates, fitted to put the candidates that state a
    fact of the answer first (a conditional logit). Only questions with a right candidate teach it anything."""
    import numpy as np

    lists: list[tuple[int, int, str]] = []  # (first row, end row, item) of each question
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for case in data:
        if not case.case.answerable or not case.candidates:
            continue
        right = [int(candidate_label(c, case.case)) for c in case.candidates]
        if not any(right):
            continue
        lists.append((len(rows), len(rows) + len(right), case.group))
        rows.extend(c.features for c in case.candidates)
        labels.extend(right)
    x = np.array([[row.get(name, 0.0) for name in FEATURES] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    bounds = [(None, None) if name in FREE_SIGN else (0.0, None) for name in FEATURES]
    groups = sorted({group for _, _, group in lists})
    folds = [groups[i::CV_FOLDS] for i in range(min(CV_FOLDS, len(groups)))]
    losses = {}
    for c in REGULARISATION_GRID:
        total = 0.0
        for held in folds:
            train = [item for item in lists if item[2] not in held]
            test = [item for item in lists if item[2] in held]
            weights = _minimise_listwise(z, y, train, c, bounds)
            total += _listwise_loss(z, y, test, weights)
        losses[c] = total
    best_c = min(losses, key=losses.__getitem__)
    weights = _minimise_listwise(z, y, lists, best_c, bounds)
    model = LogisticModel(tuple(FEATURES), tuple(float(w) for w in weights), 0.0, tuple(float(m) for m in mean),
                          tuple(float(s) for s in scale))  # fmt: skip
    return model, {"questions": len(lists), "candidates": len(rows), "right_candidates": int(y.sum()), "C": best_c}


def _listwise_loss(z: Any, y: Any, lists: list[tuple[int, int, str]], weights: Any) -> float:
    from scipy.special import logsumexp

    scores = z @ weights
    total = 0.0
    for begin, end, _ in lists:
        s, labels = scores[begin:end], y[begin:end]
        total -= logsumexp(s[labels > 0]) - logsumexp(s)
    return float(total)


def _minimise_listwise(z: Any, y: Any, lists: list[tuple[int, int, str]], c: float,
                       bounds: list[tuple[float | None, float | None]]) -> Any:  # fmt: skip
    """Minimise C * (negative log-likelihood of a right candidate coming first) + |w|^2 / 2 under `bounds`."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import softmax

    def loss(w: Any) -> tuple[float, Any]:
        scores = z @ w
        gradient = np.zeros_like(w)
        value = 0.0
        for begin, end, _ in lists:
            s, labels, block = scores[begin:end], y[begin:end], z[begin:end]
            everyone = softmax(s)
            right = softmax(np.where(labels > 0, s, -np.inf))
            value -= float(np.log(np.sum(np.exp(s - s.max())[labels > 0])) - np.log(np.sum(np.exp(s - s.max()))))
            gradient -= block.T @ (right - everyone)
        return c * value + 0.5 * float(w @ w), c * gradient + w

    return minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B", bounds=bounds).x


def _answer_text(case: CaseData, model: AnswerModel) -> str:
    always = replace(model, threshold=-1.0)
    answer = extractive_answer(case.analysis, case.passages, case.idf, model=always, query_vector=case.query_vector,
                               article_text=case.article_text, knows=case.knows,
                               word_likeness=case.word_likeness)  # fmt: skip
    return "" if answer.abstained else answer.answer


def fit_refusal(data: list[CaseData], rankers: dict[str, LogisticModel]) -> tuple[dict[str, LogisticModel], float,
                                                                                    dict[str, Any]]:  # fmt: skip
    """One refusal model per question kind (rag.answer_model.question_kind), one threshold for both."""
    provisional = AnswerModel(rankers, {}, 0.0, {})
    rows, labels, groups, answerable = [], [], [], []
    for case in data:
        ranker = rankers[kind_of(case.analysis.typed)]
        for candidate in case.candidates:
            candidate.score = ranker.logit(candidate.features)
        ordered = sorted(case.candidates, key=lambda c: (-c.score, c.passage_rank, c.start))
        ranked = fitting_first(ordered, case.analysis, case.word_likeness)
        if not ranked:
            continue
        case.candidates = ranked
        rows.append(refusal_features(ranked, case.analysis, case.word_likeness, put_aside(ordered, ranked)))
        labels.append(int(states_a_fact(_answer_text(case, provisional), case.case)))
        groups.append(case.group)
        answerable.append(case.case.answerable)
    models: dict[str, LogisticModel] = {}
    held_out = [0.0] * len(rows)
    info: dict[str, Any] = {}
    for kind, features in REFUSAL_FEATURES.items():
        idx = [i for i, row in enumerate(rows) if question_kind(row) == kind]
        kind_rows, kind_labels, kind_groups = [rows[i] for i in idx], [labels[i] for i in idx], [groups[i] for i in idx]
        models[kind], c = _fit_logistic(kind_rows, kind_labels, kind_groups, features)
        for i, p in zip(idx, out_of_fold_probabilities(kind_rows, kind_labels, kind_groups, features, c)):
            held_out[i] = p
        info[kind] = {"questions": len(idx), "right": sum(kind_labels),
                      "unanswerable": sum(not answerable[i] for i in idx), "C": c,
                      "auc_out_of_fold": _auc([held_out[i] for i in idx], kind_labels)}  # fmt: skip
    threshold, sweep = choose_threshold(data, held_out, labels, answerable)
    return models, threshold, {**info, "sweep": sweep}


def _auc(probabilities: Sequence[float], labels: Sequence[int]) -> float | None:
    """How well the out-of-fold probabilities order right answers above the rest (ROC AUC), None with one class.
    Steadier than the objective at the capped threshold, which one question moves by 0.01-0.05."""
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(labels, probabilities)), 3) if 0 < sum(labels) < len(labels) else None


def out_of_fold_probabilities(rows: list[dict[str, float]], labels: list[int], groups: list[str],
                              features: Sequence[str], c: float, repeats: int = CV_REPEATS) -> list[float]:  # fmt: skip
    """Each question's probability from models fitted without its item (grouped folds), averaged over `repeats`
    shuffles of the folds (fixed seeds, so a refit of the same data gives the same threshold): the threshold is
    chosen on predictions for questions the model did not see, as it will meet them, and not on which
    questions happened to share a fold."""
    from sklearn.model_selection import GroupKFold

    probabilities = [0.0] * len(rows)
    splits = min(CV_FOLDS, len(set(groups)))
    for seed in range(repeats):
        folds = GroupKFold(n_splits=splits, shuffle=True, random_state=seed)
        for train, test in folds.split(rows, labels, groups):
            model, _ = _fit_logistic([rows[i] for i in train], [labels[i] for i in train],
                                     [groups[i] for i in train], features, fixed_c=c)  # fmt: skip
            for i in test:
                probabilities[i] += model.probability(rows[i]) / repeats
    return probabilities


def choose_threshold(data: list[CaseData], probabilities: list[float], labels: list[int],
                     answerable: list[bool]) -> tuple[float, list[dict[str, float]]]:  # fmt: skip
    """The threshold maximising (answerable answered rightly) - (unanswerable answered), both as rates over dev."""
    total_answerable = sum(case.case.answerable for case in data) or 1
    total_unanswerable = sum(not case.case.answerable for case in data) or 1
    sweep: list[dict[str, float]] = []
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
    # a hundred questions make the objective jagged: take the best average over a window of
    # +-SMOOTHING, so one lucky question does not set the threshold
    def smoothed(i: int) -> float:
        window = sweep[max(0, i - SMOOTHING) : i + SMOOTHING + 1]
        return sum(row["objective"] for row in window) / len(window)

    # refusing an answerable question is the failure a reader meets most often: among the thresholds
    # that refuse at most MAX_OVER_REFUSAL of dev's answerable questions, the one with the best objective
    allowed = [i for i, row in enumerate(sweep) if row["over_refusal"] <= MAX_OVER_REFUSAL] or [0]
    best = max(allowed, key=lambda i: (smoothed(i), -i))
    return sweep[best]["threshold"], sweep


def weights_table(model: AnswerModel) -> str:
    columns = [(f"ranker ({kind})", m) for kind, m in model.ranker.items()]
    columns += [(f"refusal ({kind})", m) for kind, m in model.refusal.items()]
    lines = ["| feature | " + " | ".join(title for title, _ in columns) + " |", "| --- |" + " ---: |" * len(columns)]
    weights = [dict(zip(m.features, m.weights)) for _, m in columns]
    names = dict.fromkeys(f for _, m in columns for f in m.features)
    for name in names:
        cells = [f"{w[name]:+.3f}" if name in w else "" for w in weights]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("| (intercept) | " + " | ".join(f"{m.intercept:+.3f}" for _, m in columns) + " |")
    lines.append(f"\nWeights are per standard deviation of each feature on dev (the rankers' scores only order one "
                 f"question's candidates, so they need no intercept). Answer when the refusal model's probability "
                 f"is at least {model.threshold:.2f}.")  # fmt: skip
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.fit_answerer", description=__doc__.split("\n")[0])
    parser.add_argument("--suites", default=",".join(DEVELOPMENT_SUITES), help="dev suites to fit on")
    parser.add_argument("--dry-run", action="store_true", help="print the fitted weights; write nothing")
    args = parser.parse_args(argv)
    return fit([s for s in args.suites.split(",") if s], args.dry_run, Settings())


@dataclass
class Fitted:
    model: AnswerModel
    refusal_info: dict[str, Any]  # per question kind: questions, C, out-of-fold AUC; "sweep": the threshold sweep


def fit_model(data: list[CaseData], provenance: dict[str, Any] | None = None) -> Fitted:
    """The rankers, the refusal models and the threshold fitted on `data` (reorders each case's candidates)."""
    ranker, ranker_info = fit_rankers(data)
    refusal, threshold, refusal_info = fit_refusal(data, ranker)
    provenance = {
        **(provenance or {}),
        "questions": len(data),
        "ranker": ranker_info,
        "refusal": {k: v for k, v in refusal_info.items() if k != "sweep"},
        "threshold_sweep_out_of_fold": refusal_info["sweep"][::5],
    }
    return Fitted(AnswerModel(ranker, refusal, threshold, provenance), refusal_info)


def with_dev_split(names: Sequence[str]) -> list[str]:
    """The suites of `names` that have a dev split ("heldout" never has one), saying on stderr which are skipped."""
    kept = []
    for name in names:
        suite = get_suite(name)
        if "heldout" == name or "dev" not in suite.splits:
            print(f"Skipping {name}: it has no dev split.", file=sys.stderr)
            continue
        kept.append(name)
    return kept


def _say(step: str) -> None:
    print(step, file=sys.stderr, flush=True)


def collect_suites(names: Sequence[str], settings: Settings, work_dir: Path,
                   progress: Callable[[str], None] = _say) -> list[CaseData]:  # fmt: skip
    """Every dev question of the suites `names` (each with a dev split), asked from a fresh store of its corpus."""
    data: list[CaseData] = []
    for name in names:
        progress(f"Collecting candidates from {name} dev ...")
        data.extend(collect(name, get_suite(name).items("dev"), settings, work_dir))
    return data


def fit(names: Sequence[str], dry_run: bool, settings: Settings) -> int:
    """Fit on the dev splits of the suites `names`, print the weights, and (unless `dry_run`) write the model."""
    names = with_dev_split(names)
    with tempfile.TemporaryDirectory(prefix="sourced-fit-") as work:
        data = collect_suites(names, settings, Path(work))
    fitted = fit_model(data, {"fitted": date.today().isoformat(), "command": "python -m eval.fit_answerer",
                              "suites": [f"{name}:dev" for name in names]})  # fmt: skip
    model, refusal_info = fitted.model, fitted.refusal_info
    print(weights_table(model))
    chosen = next(row for row in refusal_info["sweep"] if abs(row["threshold"] - model.threshold) < 1e-9)
    print(f"\nOn dev at the chosen threshold: {chosen}")
    aucs = {kind: refusal_info[kind]["auc_out_of_fold"] for kind in REFUSAL_FEATURES}
    print(f"Out-of-fold AUC of the refusal models (right answer against the rest): {aucs}")
    if not dry_run:
        model.save()
        print("Wrote rag/answer_model.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
