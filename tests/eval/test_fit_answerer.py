"""Fitting the answer model (eval.fit_answerer) on data made up here, where the right weights are known."""

from __future__ import annotations

import random
from pathlib import Path

from eval.dataset import EvalCase
from eval.fit_answerer import MAX_OVER_REFUSAL, CaseData, _fit_logistic, choose_threshold, fit_ranker
from rag.answer_model import AnswerModel, LogisticModel, load_answer_model
from rag.candidates import FEATURES, Candidate
from rag.models import Passage


def _passage(text: str) -> Passage:
    return Passage(passage_id=f"p::{text}", article_id="a", title="t", source="s", text=text, start=0, end=len(text))


def _case(item: str, answerable: bool = True) -> EvalCase:
    facts = [["alpha"]] if answerable else []
    return EvalCase(item, item, "factoid", None, "q?", answerable, facts, None, [], [])


def _features(**values: float) -> dict[str, float]:
    return {name: values.get(name, 0.0) for name in FEATURES}


def test_evidence_weights_stay_non_negative_and_question_kind_weights_are_free() -> None:
    rng = random.Random(7)
    rows, labels, groups = [], [], []
    for i in range(200):
        label = i % 2
        rows.append({"coverage": rng.random() - 0.3 * label, "has_constraints": float(label), "similarity": rng.random()})
        labels.append(label)
        groups.append(f"g{i // 4}")
    model, _ = _fit_logistic(rows, labels, groups, ("coverage", "has_constraints", "similarity"))
    weights = dict(zip(model.features, model.weights))
    assert weights["coverage"] >= 0.0  # the data pulls it negative; the bound holds it at zero
    assert weights["has_constraints"] > 1.0  # free to follow the data


def test_the_listwise_ranker_learns_which_feature_picks_the_right_candidate() -> None:
    rng = random.Random(3)
    data = []
    for q in range(40):
        candidates = []
        right = rng.randrange(4)
        for i in range(4):
            text = "alpha value" if i == right else f"other value {i}"
            near = 1.0 if i == right else rng.random() * 0.5
            candidates.append(Candidate(0, _passage(text), 0, len(text), _features(answer_near=near,
                                                                                    coverage=rng.random())))
        data.append(CaseData("synthetic", _case(f"i{q}"), "q?", candidates))
    model, info = fit_ranker(data)
    weights = dict(zip(model.features, model.weights))
    assert weights["answer_near"] > weights["coverage"]
    assert info["questions"] == 40


def _threshold_of(answerable_probabilities: list[float], answerable_labels: list[int],
                  unanswerable_probabilities: list[float]) -> tuple[float, list[dict[str, float]]]:
    n, m = len(answerable_probabilities), len(unanswerable_probabilities)
    data = [CaseData("s", _case(f"a{i}"), "q?", [None]) for i in range(n)]  # type: ignore[list-item]
    data += [CaseData("s", _case(f"u{i}", answerable=False), "q?", [None]) for i in range(m)]  # type: ignore[list-item]
    return choose_threshold(data, answerable_probabilities + unanswerable_probabilities,
                            answerable_labels + [0] * m, [True] * n + [False] * m)  # fmt: skip


def test_the_threshold_trades_right_answers_against_answered_unanswerables() -> None:
    # answerable right ones high, one wrong answer low, unanswerable low
    threshold, sweep = _threshold_of([0.9] * 9 + [0.2], [1] * 9 + [0], [0.3] * 10)
    assert 0.3 < threshold <= 0.9
    chosen = next(row for row in sweep if abs(row["threshold"] - threshold) < 1e-9)
    assert chosen["right"] == 0.9 and chosen["hallucination"] == 0.0 and chosen["over_refusal"] == 0.1


def test_the_threshold_refuses_no_more_answerable_questions_than_allowed() -> None:
    # refusing the unanswerable ones (0.3) would also refuse three answerable ones (0.2): over the cap
    threshold, sweep = _threshold_of([0.9] * 7 + [0.2] * 3, [1] * 7 + [0] * 3, [0.3] * 10)
    chosen = next(row for row in sweep if abs(row["threshold"] - threshold) < 1e-9)
    assert threshold <= 0.2 and chosen["over_refusal"] <= MAX_OVER_REFUSAL


def test_the_model_file_round_trips(tmp_path: Path) -> None:
    ranker = LogisticModel(("coverage",), (1.5,), 0.0, (0.2,), (0.1,))
    model = AnswerModel({"value": ranker, "sentence": ranker}, {"value": ranker, "sentence": ranker}, 0.4,
                        {"fitted": "test"})  # fmt: skip
    path = tmp_path / "model.json"
    model.save(path)
    loaded = load_answer_model(path)
    assert loaded.threshold == 0.4 and loaded.ranker["value"].logit({"coverage": 0.3}) == ranker.logit({"coverage": 0.3})
    assert loaded.answer_probability({"typed": 1.0, "coverage": 0.3}) == ranker.probability({"coverage": 0.3})


def test_the_shipped_model_was_fitted_on_dev_splits_only() -> None:
    provenance = load_answer_model().provenance
    assert provenance["suites"] and all(s.endswith(":dev") for s in provenance["suites"])
    assert not any(s.startswith("heldout") for s in provenance["suites"])


def test_the_out_of_fold_auc_orders_right_answers_and_is_none_with_one_class() -> None:
    from eval.fit_answerer import _auc

    assert _auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]) == 1.0
    assert _auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]) == 0.0
    assert _auc([0.9, 0.1, 0.8, 0.2], [1, 1, 0, 0]) == 0.5
    assert _auc([0.3, 0.6], [1, 1]) is None


def test_out_of_fold_probabilities_average_shuffled_grouped_folds_and_repeat_exactly() -> None:
    from eval.fit_answerer import out_of_fold_probabilities

    rng = random.Random(11)
    rows, labels, groups = [], [], []
    for i in range(120):
        label = int(rng.random() < 0.5)
        rows.append({"coverage": rng.gauss(0.6 if label else 0.4, 0.2)})
        labels.append(label)
        groups.append(f"g{i // 3}")
    once = out_of_fold_probabilities(rows, labels, groups, ("coverage",), 1.0, repeats=1)
    averaged = out_of_fold_probabilities(rows, labels, groups, ("coverage",), 1.0, repeats=4)
    assert averaged == out_of_fold_probabilities(rows, labels, groups, ("coverage",), 1.0, repeats=4)  # seeded
    assert averaged != once  # other splits of the same questions were averaged in
    assert all(0.0 < p < 1.0 for p in averaged)
