"""`rag eval diff BEFORE AFTER`: two runs over the same questions, question by question, and whether the change
is more than chance.

BEFORE and AFTER are each a `results.json` of `rag eval run`, or a folder holding such files at any depth (what
`rag eval run --report DIR` or `rag eval suites --report DIR` writes). A question is the same question in both
when it has the same case id in a file at the same place under its folder. For every metric the diff gives the
two values over the questions of both runs, the mean change with its 95% bootstrap interval, how many questions
got better and how many worse, and the sign test's p-value (eval/intervals.py).

The groups: every file's questions, all of them together, and, for a `rag eval suites` report (files at
SUITE/SPLIT/results.json), the dev splits (where the answer model was fitted: in-sample) and the pooled splits
whose articles nothing was tuned on, as `rag eval suites` pools them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from eval.intervals import PairedChange, paired_change
from eval.suites import DEV_POOL, READ_POOL, UNSEEN_POOL, pool_of, suites

RESULTS_FILE = "results.json"
ALL_GROUP = "all"


class DiffError(Exception):
    """A report that cannot be read or compared; the message is the sentence to print."""


@dataclass(frozen=True)
class CaseOutcome:
    """What one run did with one question, as its report recorded it."""

    question: str
    answerable: bool
    answered: bool
    fact_recall: float | None  # answerable questions; a refusal scores 0
    gold_cited: float | None  # answered answerable questions
    answer: str = ""


CaseKey = tuple[str, str]  # (the file's folder under the report, the case id)


@dataclass(frozen=True)
class MetricDef:
    name: str
    label: str
    higher_is_better: bool
    value: Callable[[CaseOutcome], float | None]  # None: the question is not in this metric's scope


METRICS: tuple[MetricDef, ...] = (
    MetricDef("fact_recall", "fact recall", True, lambda c: (c.fact_recall or 0.0) if c.answerable else None),
    MetricDef("gold_cited", "gold evidence cited (answered in both)", True, lambda c: c.gold_cited),
    MetricDef("hallucination_rate", "wrong answers to unanswerable", False,
              lambda c: None if c.answerable else float(c.answered)),
    MetricDef("over_refusal_rate", "refusals of answerable", False,
              lambda c: float(not c.answered) if c.answerable else None),
)  # fmt: skip


@dataclass
class GroupDiff:
    group: str
    metrics: dict[str, PairedChange]


@dataclass
class ChangedCase:
    key: CaseKey
    question: str
    changes: dict[str, tuple[float, float]]  # metric -> (before, after)
    answer_before: str
    answer_after: str


@dataclass
class RunDiff:
    paired: int
    only_before: int
    only_after: int
    groups: list[GroupDiff]
    changed: list[ChangedCase] = field(default_factory=list)
    skipped: int = 0  # questions whose answerability differs between the two runs: the dataset changed


def load_outcomes(path: Path) -> dict[CaseKey, CaseOutcome]:
    """Every case of every run report at `path` (a results.json, or a folder searched at any depth)."""
    if not path.exists():
        raise DiffError(f"There is no report at {path}; pass a results.json or the folder that "
                        f"`rag eval run --report` or `rag eval suites --report` wrote.")  # fmt: skip
    files = [path] if path.is_file() else sorted(path.rglob(RESULTS_FILE))
    outcomes: dict[CaseKey, CaseOutcome] = {}
    for file in files:
        data = _read(file)
        if data.get("kind") != "run":
            continue  # a comparison's summary: its configurations' own reports are in its subfolders
        folder = "" if path.is_file() else file.parent.relative_to(path).as_posix()
        for item in data.get("items", []):
            for case in item.get("cases", []):
                outcomes[(folder, str(case["case_id"]))] = _outcome(case)
    if not outcomes:
        raise DiffError(f"{path} holds no report of `rag eval run` or `rag eval suites`; pass the folder one of them "
                        f"wrote with --report, or its results.json.")  # fmt: skip
    return outcomes


def _read(file: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DiffError(f"Cannot read {file} as a report ({exc}); pass a results.json that `rag eval` wrote.") from None
    if not isinstance(data, dict):
        raise DiffError(f"{file} is not a report of `rag eval`; pass a results.json that `rag eval` wrote.")
    return data


def _outcome(case: Mapping[str, Any]) -> CaseOutcome:
    metrics = case.get("metrics") or {}
    answerable = bool(case["answerable"])
    answered = not case.get("abstained", False) and not case.get("error")
    return CaseOutcome(str(case.get("question", "")), answerable, answered,
                       metrics.get("fact_recall") if answerable else None,
                       metrics.get("gold_cited") if answerable and answered else None,
                       str(case.get("answer") or ""))  # fmt: skip


def diff_runs(before: Mapping[CaseKey, CaseOutcome], after: Mapping[CaseKey, CaseOutcome]) -> RunDiff:
    """The questions of both runs compared, per file, all together and (for suites reports) the unseen pool."""
    common = [key for key in before if key in after]
    skipped = [key for key in common if before[key].answerable != after[key].answerable]
    keys = [key for key in common if before[key].answerable == after[key].answerable]
    if not keys:
        raise DiffError("The two reports share no question; compare reports of the same dataset or suites.")
    groups: list[GroupDiff] = []
    folders = list(dict.fromkeys(folder for folder, _ in keys))
    if len(folders) > 1:
        for folder in folders:
            groups.append(_group(folder, [k for k in keys if k[0] == folder], before, after))
    known = set(suites())  # the corpora folder is read once, not per question
    splits = {folder: _split(folder, known) for folder in folders}
    pools = {folder: pool_of(folder.split("/")[0], split) for folder, split in splits.items() if split is not None}
    for name in (DEV_POOL, READ_POOL, UNSEEN_POOL):
        chosen = [k for k in keys if pools.get(k[0]) == name]
        if chosen and len(chosen) < len(keys):
            groups.append(_group(name, chosen, before, after))
    groups.append(_group(ALL_GROUP, keys, before, after))
    return RunDiff(len(keys), len(before) - len(common), len(after) - len(common), groups,
                   _changed(keys, before, after), len(skipped))  # fmt: skip


def _split(folder: str, suite_names: set[str]) -> str | None:
    """The split of a `rag eval suites` report's folder SUITE/SPLIT, None for any other folder."""
    parts = folder.split("/")
    return parts[1] if len(parts) == 2 and parts[1] in ("dev", "test") and parts[0] in suite_names else None


def _group(name: str, keys: Sequence[CaseKey], before: Mapping[CaseKey, CaseOutcome],
           after: Mapping[CaseKey, CaseOutcome]) -> GroupDiff:  # fmt: skip
    changes: dict[str, PairedChange] = {}
    for metric in METRICS:
        pairs = [(metric.value(before[k]), metric.value(after[k])) for k in keys]
        scoped = [(b, a) for b, a in pairs if b is not None and a is not None]
        if scoped:
            changes[metric.name] = paired_change([b for b, _ in scoped], [a for _, a in scoped],
                                                 metric.higher_is_better)  # fmt: skip
    return GroupDiff(name, changes)


def _changed(keys: Iterable[CaseKey], before: Mapping[CaseKey, CaseOutcome],
             after: Mapping[CaseKey, CaseOutcome]) -> list[ChangedCase]:  # fmt: skip
    changed = []
    for key in keys:
        moved = {}
        for metric in METRICS:
            b, a = metric.value(before[key]), metric.value(after[key])
            if b is not None and a is not None and b != a:
                moved[metric.name] = (b, a)
        if moved:
            changed.append(ChangedCase(key, after[key].question, moved, before[key].answer, after[key].answer))
    return changed


def diff_rows(diff: RunDiff) -> tuple[list[str], list[list[str]]]:
    header = ["group", "metric", "questions", "before", "after", "change", "95% interval", "better", "worse",
              "sign test p"]  # fmt: skip
    rows = []
    labels = {metric.name: metric.label for metric in METRICS}
    for group in diff.groups:
        for name, change in group.metrics.items():
            rows.append([group.group, labels[name], str(change.questions), f"{change.before:.3f}",
                         f"{change.after:.3f}", f"{change.change:+.3f}" + (" *" if change.beyond_chance else ""),
                         change.interval.signed(), str(change.better), str(change.worse),
                         f"{change.p_value:.2f}"])  # fmt: skip
    return header, rows


def describe_changed(case: ChangedCase) -> str:
    folder, case_id = case.key
    where = f"{folder} {case_id}" if folder else case_id
    moves = ", ".join(f"{name} {b:g} -> {a:g}" for name, (b, a) in case.changes.items())
    return (f"{where}: {moves}\n    Q: {case.question}\n    before: {_clip(case.answer_before)}\n"
            f"    after:  {_clip(case.answer_after)}")


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()) or "(refused)"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def diff_json(diff: RunDiff) -> dict[str, Any]:
    return {
        "paired_questions": diff.paired,
        "only_before": diff.only_before,
        "only_after": diff.only_after,
        "skipped_answerability_changed": diff.skipped,
        "groups": [
            {"group": group.group, "metrics": {
                name: {"questions": c.questions, "before": round(c.before, 4), "after": round(c.after, 4),
                       "change": round(c.change, 4), "interval": [round(c.interval.low, 4), round(c.interval.high, 4)],
                       "better": c.better, "worse": c.worse, "p_value": round(c.p_value, 4),
                       "higher_is_better": c.higher_is_better, "beyond_chance": c.beyond_chance}
                for name, c in group.metrics.items()}}
            for group in diff.groups
        ],
        "changed": [
            {"file": case.key[0], "case_id": case.key[1], "question": case.question,
             "changes": {name: {"before": b, "after": a} for name, (b, a) in case.changes.items()},
             "answer_before": case.answer_before, "answer_after": case.answer_after}
            for case in diff.changed
        ],
    }  # fmt: skip
