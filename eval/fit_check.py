"""How a fit of the answer model does on suites it was not fitted on: `rag eval fit --check`.

A fit's own figures (out-of-fold AUC, the dev objective at its threshold) are measured on the
questions it was fitted on, folded by item: they say little about a refit on more or other data,
whose questions share articles and authors. This check leaves whole suites out instead:

- the suites named are cut into `folds` groups (in the order given, so related suites can be
  kept together); for each group the model is refitted on the others, and the group's dev
  questions are answered from their candidates with that refit, as `rag ask` would answer them
  (eval.fit_answerer.collect records what it needs: answering from it gives the same answers
  as a full run);
- suites named to `check_on` are only answered, by the model fitted on all the named suites;
- beside each refit, the same questions answered by the model in use (rag/answer_model.json,
  marked in-sample where it was fitted on them) and by the two trivial answerers: one that
  always answers with its best candidate, one that never answers.

"Right" is an answerable question answered with a fact of its answer, or an unanswerable
question refused: the score counts both, as the fit's threshold weighs them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Callable, Sequence

from eval.fit_answerer import CaseData, fit_model, states_a_fact
from rag.answer_model import AnswerModel
from rag.extractive import extractive_answer

REFIT = "refit without them"
IN_USE = "model in use"
ALWAYS_ANSWER = "always answer (trivial)"
NEVER_ANSWER = "never answer (trivial)"
ANSWERERS = (REFIT, IN_USE, ALWAYS_ANSWER, NEVER_ANSWER)


@dataclass
class Tally:
    """What one answerer did with one group of questions."""

    right: int = 0  # answerable, answered with a fact of the answer
    wrong: int = 0  # answerable, answered with no fact of it
    refused: int = 0  # answerable, refused
    unanswerable_answered: int = 0
    unanswerable_refused: int = 0

    @property
    def questions(self) -> int:
        return self.right + self.wrong + self.refused + self.unanswerable_answered + self.unanswerable_refused

    @property
    def score(self) -> int:
        return self.right + self.unanswerable_refused

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(*(a + b for a, b in zip(asdict(self).values(), asdict(other).values())))


@dataclass
class CheckedGroup:
    """One group of suites, answered by a model not fitted on them and by the references."""

    suites: tuple[str, ...]
    fitted_on: tuple[str, ...]  # the suites the refit learnt from
    threshold: float  # the refit's
    in_use_in_sample: bool  # the model in use was fitted on some of these suites
    tallies: dict[str, Tally] = field(default_factory=dict)  # by ANSWERERS


@dataclass
class FitCheck:
    left_out: list[CheckedGroup]  # each fold of the fitted suites
    checked_on: CheckedGroup | None  # the `check_on` suites, answered by the fit on every fold

    def total(self) -> dict[str, Tally]:
        return {name: sum((group.tallies[name] for group in self.left_out), Tally()) for name in ANSWERERS}


def outcome(case: CaseData, model: AnswerModel | None) -> str:
    """A Tally field: what `model` (None: never answer) does with the case, answering from its candidates."""
    answered = ""
    if model is not None:
        answer = extractive_answer(case.analysis, case.passages, case.idf, model=model, query_vector=case.query_vector,
                                   article_text=case.article_text, knows=case.knows,
                                   word_likeness=case.word_likeness)  # fmt: skip
        answered = "" if answer.abstained else answer.answer
    if not case.case.answerable:
        return "unanswerable_answered" if answered else "unanswerable_refused"
    if not answered:
        return "refused"
    return "right" if states_a_fact(answered, case.case) else "wrong"


def fold_suites(names: Sequence[str], folds: int) -> list[tuple[str, ...]]:
    """`names` cut into `folds` runs in their order, as even as can be (the first ones one longer)."""
    if not 2 <= folds <= len(names):
        from eval.commands import UsageError

        raise UsageError(f"Cannot leave suites out in {folds} folds of {len(names)} suites; choose from 2 to "
                         f"{len(names)} folds.")  # fmt: skip
    size, extra = divmod(len(names), folds)
    groups, start = [], 0
    for i in range(folds):
        end = start + size + (i < extra)
        groups.append(tuple(names[start:end]))
        start = end
    return groups


def refit(data: Sequence[CaseData]) -> AnswerModel:
    """The answer model fitted on `data`; fitting reorders each case's candidates, so their order is put back."""
    kept = [list(case.candidates) for case in data]
    try:
        return fit_model(list(data)).model
    finally:
        for case, candidates in zip(data, kept):
            case.candidates = candidates


def _check_group(data: Sequence[CaseData], suites: tuple[str, ...], fitted_on: tuple[str, ...], in_use: AnswerModel,
                 fit: Callable[[Sequence[CaseData]], AnswerModel]) -> CheckedGroup:  # fmt: skip
    model = fit([case for case in data if case.suite in fitted_on])
    in_use_suites = {name.split(":")[0] for name in in_use.provenance.get("suites", [])}
    group = CheckedGroup(suites, fitted_on, model.threshold, bool(in_use_suites & set(suites)))
    answerers: dict[str, AnswerModel | None] = {REFIT: model, IN_USE: in_use,
                                                ALWAYS_ANSWER: replace(in_use, threshold=-1.0), NEVER_ANSWER: None}
    for name, answerer in answerers.items():
        tally = group.tallies[name] = Tally()
        for case in data:
            if case.suite in suites:
                tally.count(outcome(case, answerer))
    return group


def check_fit(data: Sequence[CaseData], folds: Sequence[tuple[str, ...]], check_on: Sequence[str],
              in_use: AnswerModel, fit: Callable[[Sequence[CaseData]], AnswerModel] = refit,
              progress: Callable[[str], None] = lambda _: None) -> FitCheck:  # fmt: skip
    """Refit without each fold and answer its questions; answer `check_on` with the fit on every fold."""
    fitted = tuple(name for fold in folds for name in fold)
    left_out = []
    for i, fold in enumerate(folds, 1):
        progress(f"Fold {i} of {len(folds)}: fitting without {', '.join(fold)} ...")
        left_out.append(_check_group(data, fold, tuple(n for n in fitted if n not in fold), in_use, fit))
    checked_on = None
    if check_on:
        progress(f"Fitting on all {len(fitted)} suites to answer {', '.join(check_on)} ...")
        checked_on = _check_group(data, tuple(check_on), fitted, in_use, fit)
    return FitCheck(left_out, checked_on)


def _row(label: str, name: str, tally: Tally) -> str:
    answerable = tally.right + tally.wrong + tally.refused
    unanswerable = tally.unanswerable_answered + tally.unanswerable_refused
    return (f"| {label} | {name} | {tally.right} of {answerable} | {tally.wrong} | {tally.refused} | "
            f"{tally.unanswerable_answered} of {unanswerable} | {tally.score} of {tally.questions} |")  # fmt: skip


def _group_rows(label: str, group: CheckedGroup, refit_name: str = REFIT) -> list[str]:
    names = {REFIT: f"{refit_name} (threshold {group.threshold:.2f})",
             IN_USE: f"{IN_USE} ({'in-sample: fitted on them' if group.in_use_in_sample else 'not fitted on them'})"}
    return [_row(label if i == 0 else "", names.get(name, name), group.tallies[name])
            for i, name in enumerate(ANSWERERS)]


def render_markdown(check: FitCheck) -> str:
    lines = ["Each group's dev questions answered by a model fitted without them (rag eval fit --check).", "",
             "| questions | answerer | right | wrong | refused | unanswerable answered | score |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for i, group in enumerate(check.left_out, 1):
        lines += _group_rows(f"fold {i}: {', '.join(group.suites)}", group)
    total = check.total()
    in_sample = any(group.in_use_in_sample for group in check.left_out)
    for i, name in enumerate(ANSWERERS):
        shown = f"{IN_USE} (in-sample on some folds)" if name == IN_USE and in_sample else name
        lines.append(_row("all folds" if i == 0 else "", shown, total[name]))
    if check.checked_on is not None:
        group = check.checked_on
        lines += _group_rows(f"checked on: {', '.join(group.suites)}", group, "fit on every fold")
    lines += ["", "Right: an answerable question answered with a fact of its answer. Score: right answers plus "
                  "unanswerable questions refused."]  # fmt: skip
    return "\n".join(lines)


def _tallies_json(tallies: dict[str, Tally]) -> dict[str, dict[str, int]]:
    return {name: {**asdict(t), "score": t.score, "questions": t.questions} for name, t in tallies.items()}


def as_json(check: FitCheck) -> dict[str, Any]:
    def group_json(group: CheckedGroup) -> dict[str, Any]:
        return {"suites": list(group.suites), "fitted_on": list(group.fitted_on), "threshold": group.threshold,
                "in_use_in_sample": group.in_use_in_sample, "answerers": _tallies_json(group.tallies)}  # fmt: skip

    return {"left_out": [group_json(g) for g in check.left_out], "all_folds": _tallies_json(check.total()),
            "checked_on": group_json(check.checked_on) if check.checked_on else None}


def run_check(names: Sequence[str], folds: int, check_on: Sequence[str], settings: Any, json_output: bool,
              progress: Callable[[str], None]) -> int:  # fmt: skip
    """`rag eval fit --check`: collect the suites' dev questions, check, print the table (or JSON); write nothing."""
    import json
    import tempfile
    from pathlib import Path

    from eval.fit_answerer import collect_suites, with_dev_split
    from rag.answer_model import load_answer_model

    names, check_on = with_dev_split(names), with_dev_split([n for n in check_on if n not in names])
    groups = fold_suites(names, folds)  # before the long collection: a bad --folds fails at once
    with tempfile.TemporaryDirectory(prefix="sourced-fit-check-") as work:
        data = collect_suites([*names, *check_on], settings, Path(work), progress)
        # answered while their stores still exist: an answer may read its article's whole text
        result = check_fit(data, groups, check_on, load_answer_model(), progress=progress)
    print(json.dumps(as_json(result), indent=2) if json_output else render_markdown(result))
    return 0
