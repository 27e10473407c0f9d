"""`rag eval fit --check` (eval.fit_check): a fit judged on suites it was not fitted on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import pytest

from eval.fit_check import (
    ALWAYS_ANSWER,
    ANSWERERS,
    IN_USE,
    NEVER_ANSWER,
    REFIT,
    CheckedGroup,
    FitCheck,
    Tally,
    as_json,
    fold_suites,
    render_markdown,
)

# The bundled dev questions dealt into three pretend suites, so that a fold can be left out.
PRETEND_SUITES = ("alpha", "beta", "gamma")


@pytest.fixture(scope="module")
def dev_cases(assistant):  # type: ignore[no-untyped-def]
    """The bundled articles' dev questions, asked of the session's store, dealt round-robin into PRETEND_SUITES."""
    from eval.fit_answerer import collect_from
    from eval.suites import get_suite

    data = collect_from(assistant, "sample", get_suite("sample").items("dev"))
    for i, case in enumerate(data):
        case.suite = PRETEND_SUITES[i % len(PRETEND_SUITES)]
    return data


def test_suites_are_cut_into_runs_in_their_order_as_even_as_can_be() -> None:
    assert fold_suites(["a", "b", "c", "d", "e"], 2) == [("a", "b", "c"), ("d", "e")]
    assert fold_suites(["a", "b", "c", "d", "e", "f", "g"], 3) == [("a", "b", "c"), ("d", "e"), ("f", "g")]
    assert fold_suites(["a", "b"], 2) == [("a",), ("b",)]


@pytest.mark.parametrize("folds", [1, 4])
def test_a_fold_count_that_leaves_nothing_to_fit_or_check_is_one_sentence(folds: int) -> None:
    from eval.commands import UsageError

    with pytest.raises(UsageError, match=rf"^Cannot leave suites out in {folds} folds of 3 suites; choose from 2 to 3 "
                                         r"folds\.$"):  # fmt: skip
        fold_suites(["a", "b", "c"], folds)


def test_no_fold_is_fitted_on_its_own_questions_and_check_on_is_answered_by_the_fit_on_all(dev_cases) -> None:  # type: ignore[no-untyped-def]
    from eval.fit_check import check_fit
    from rag.answer_model import load_answer_model

    in_use = load_answer_model()
    fitted_on: list[set[str]] = []

    def recording_fit(cases: Sequence) -> object:  # type: ignore[type-arg]
        fitted_on.append({case.suite for case in cases})
        return in_use

    check = check_fit(dev_cases, [("alpha",), ("beta",)], ["gamma"], in_use, fit=recording_fit)  # type: ignore[arg-type]
    assert fitted_on == [{"beta"}, {"alpha"}, {"alpha", "beta"}]
    assert [group.suites for group in check.left_out] == [("alpha",), ("beta",)]
    assert [group.fitted_on for group in check.left_out] == [("beta",), ("alpha",)]
    assert check.checked_on is not None and check.checked_on.fitted_on == ("alpha", "beta")
    per_suite = {name: sum(case.suite == name for case in dev_cases) for name in PRETEND_SUITES}
    for group in [*check.left_out, check.checked_on]:
        assert {name: group.tallies[name].questions for name in ANSWERERS} == dict.fromkeys(
            ANSWERERS, per_suite[group.suites[0]])
        # the "refit" here is the model in use itself: the same answers
        assert group.tallies[REFIT] == group.tallies[IN_USE]
    assert check.total()[REFIT].questions == per_suite["alpha"] + per_suite["beta"]


def test_answering_from_the_candidates_gives_the_assistants_own_answers_and_the_trivial_answerers_bound_them(
        dev_cases) -> None:  # type: ignore[no-untyped-def]
    from eval.fit_check import outcome
    from rag.answer_model import load_answer_model

    in_use = load_answer_model()
    for case in dev_cases:
        answered = outcome(case, in_use) not in ("refused", "unanswerable_refused")
        assert answered is case.answered, case.case.question  # what `rag ask` did with it
    never = Tally()
    for case in dev_cases:
        never.count(outcome(case, None))
    answerable = sum(case.case.answerable for case in dev_cases)
    assert never == Tally(refused=answerable, unanswerable_refused=len(dev_cases) - answerable)


def test_a_real_refit_without_a_fold_answers_it_and_leaves_the_candidates_as_they_were(dev_cases) -> None:  # type: ignore[no-untyped-def]
    from eval.fit_check import check_fit
    from rag.answer_model import load_answer_model

    order = [[id(c) for c in case.candidates] for case in dev_cases]
    check = check_fit(dev_cases, fold_suites(list(PRETEND_SUITES), 3), [], load_answer_model())
    assert [[id(c) for c in case.candidates] for case in dev_cases] == order  # the fit reorders; put back
    for group in check.left_out:
        # the model in use was fitted on these questions, but under the suite name "sample"
        assert 0.05 <= group.threshold <= 0.95 and not group.in_use_in_sample
        always, never = group.tallies[ALWAYS_ANSWER], group.tallies[NEVER_ANSWER]
        for name in (REFIT, IN_USE):
            tally = group.tallies[name]
            # refusing can only lose right answers and spare unanswerable ones, against always answering
            assert tally.right <= always.right and tally.unanswerable_answered <= always.unanswerable_answered
            assert never.right == 0 and tally.questions == never.questions
    total = check.total()
    assert total[REFIT].questions == len(dev_cases)
    assert total[REFIT].right > 0  # a refit on two thirds of the questions still answers some rightly


def _group(suites: tuple[str, ...], in_sample: bool, **tallies: Tally) -> CheckedGroup:
    group = CheckedGroup(suites, ("x",), 0.3, in_sample)
    group.tallies = {name: tallies.get(name, Tally()) for name in ANSWERERS}
    return group


def test_the_table_labels_in_sample_rows_and_sums_the_folds() -> None:
    refit = {REFIT: Tally(right=3, wrong=1, refused=1, unanswerable_answered=1, unanswerable_refused=2)}
    check = FitCheck([_group(("a", "b"), True, **refit), _group(("c",), False, **refit)],
                     _group(("d",), False, **refit))  # fmt: skip
    table = render_markdown(check)
    assert "| fold 1: a, b | refit without them (threshold 0.30) | 3 of 5 | 1 | 1 | 1 of 3 | 5 of 8 |" in table
    assert f"| | {IN_USE} (in-sample: fitted on them) |" in table.replace("|  |", "| |")
    assert f"{IN_USE} (not fitted on them)" in table
    assert "| all folds | refit without them | 6 of 10 | 2 | 2 | 2 of 6 | 10 of 16 |" in table
    assert f"{IN_USE} (in-sample on some folds)" in table
    assert "| checked on: d | fit on every fold (threshold 0.30) | 3 of 5 |" in table
    data = json.loads(json.dumps(as_json(check)))
    assert data["all_folds"][REFIT] == {"right": 6, "wrong": 2, "refused": 2, "unanswerable_answered": 2,
                                        "unanswerable_refused": 4, "score": 10, "questions": 16}  # fmt: skip
    assert data["left_out"][0]["suites"] == ["a", "b"] and data["checked_on"]["suites"] == ["d"]


@pytest.mark.parametrize(("args", "message"), [
    (["--folds", "2"], "--folds, --check-on and --json go with --check; add --check to check a fit on left-out "
                       "suites."),
    (["--json"], "--folds, --check-on and --json go with --check; add --check to check a fit on left-out suites."),
    (["--check", "--dry-run"], "--check writes nothing already; drop --dry-run."),
    (["--check", "--suites", "sample,towns", "--folds", "3"], "Cannot leave suites out in 3 folds of 2 suites; "
                                                              "choose from 2 to 2 folds."),
    (["--check", "--suites", "sample,nonesuch"], None),
    (["--suites", " , "], "No suite named; give suite names separated by commas, or none for the development "
                          "suites."),
])  # fmt: skip
def test_bad_options_are_one_sentence_exit_2_and_build_no_store(run_eval, monkeypatch, args: list[str],
                                                                message: str | None) -> None:  # type: ignore[no-untyped-def]
    from rag.answer_model import MODEL_FILE

    before = MODEL_FILE.read_bytes()
    monkeypatch.setattr("eval.corpus.open_assistant", lambda *a, **k: pytest.fail("a store was built"))
    result = run_eval("fit", *args)
    assert result.code == 2 and result.out == ""
    if message is None:
        assert result.err.strip().startswith("Error: There is no evaluation suite 'nonesuch'")
    else:
        assert result.err.strip() == f"Error: {message}"
    assert "Traceback" not in result.err and MODEL_FILE.read_bytes() == before


def test_the_command_checks_suites_of_its_own_and_writes_no_model(run_eval, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eval.fit_answerer as fit_answerer
    from eval.suites import Suite, get_suite
    from rag.answer_model import MODEL_FILE
    from rag.settings import BUNDLED_ARTICLES_DIR
    from tests.eval.conftest import dataset_lines

    ids = [item.id for item in get_suite("sample").items("dev")]
    suites = {}
    for i, name in enumerate(("one", "two", "three")):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("\n".join(json.dumps(line) for line in dataset_lines(*ids[i::3])) + "\n", encoding="utf-8")
        suites[name] = Suite(name, BUNDLED_ARTICLES_DIR, {"dev": path})
    monkeypatch.setattr(fit_answerer, "get_suite", suites.__getitem__)
    before = MODEL_FILE.read_bytes()
    result = run_eval("fit", "--check", "--suites", "one,two", "--folds", "2", "--check-on", "three", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert [g["suites"] for g in data["left_out"]] == [["one"], ["two"]]
    assert [g["fitted_on"] for g in data["left_out"]] == [["two"], ["one"]]
    assert data["checked_on"]["suites"] == ["three"] and data["checked_on"]["fitted_on"] == ["one", "two"]
    assert data["all_folds"][NEVER_ANSWER]["right"] == 0
    # every turn of a conversation is a question of its own
    asked = {name: tally["questions"] for name, tally in data["all_folds"].items()}
    assert asked == dict.fromkeys(ANSWERERS, asked[REFIT]) and asked[REFIT] >= len(ids[0::3]) + len(ids[1::3])
    assert result.err == ""  # --no-progress
    assert MODEL_FILE.read_bytes() == before
