"""Where answers are lost: the extractive answerer's steps followed question by question (`rag eval funnel`).

A wrong or missing answer has one of a few causes, and each calls for different work: retrieval that never
brought the evidence, candidate finding that never offered the right value, a rule that dropped it, the ranker
putting another candidate first, or the refusal model turning a right first candidate away (or letting a wrong
one through). The figures of `rag eval suites` mix them; this module separates them. Every question of the
chosen suites' splits is asked of a fresh store (as `rag eval suites` builds them), and its candidates are
replayed through `rag.extractive.decide` (the ranker and the rules that reorder or drop candidates, as the
answer uses them). Answerable questions are placed by where their right answer is:

- not in the retrieved passages (no top-k passage holds a gold quote and no candidate states a fact);
- retrieved, but no candidate states it;
- a candidate, dropped by a rule (`rag.extractive.fitting_first` and the check for orders to assistants), with the
  rule named when it is one of the checks of a value of something else (`rag.ordering.something_else_check`);
- a candidate third or later, the second candidate, or the first.

Unanswerable questions are placed by whether the answerer had any candidate at all. Each place is split into
the questions the assistant's own answer gave and refused (that answer also refuses when an article says the
thing is not known, and uses the configured threshold).

"Right" is the label `rag eval fit` trains on (`eval.fit_answerer.candidate_label`): the candidate's value, or
its sentence when it has none, holds an alias of a reference fact. An answer whose first candidate is not right
may still state a fact in its supporting sentences. Places count candidates, not distinct values: two sentences
giving the same wrong value before the right one put it third. Compound questions ("..., and who said so?") are
answered part by part and left out, as in the fit; follow-up turns are asked in their conversation, so the
question replayed is the one the answerer searched with.

`place` and `funnel_rows` are pure functions over `QuestionPath` records; `follow_suites` makes them.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from eval.dataset import DatasetError, expand_cases
from eval.suites import DEV_POOL, IN_SAMPLE_ARTICLES, UNSEEN_POOL, get_suite, pool_of, suites
from rag.settings import Settings

if TYPE_CHECKING:
    from eval.fit_answerer import CaseData
    from rag.candidates import Candidate

# Where an answerable question's right answer is, in funnel order: each place is reached only when the
# answer is not in a later one.
NOT_RETRIEVED = "not in the retrieved passages"
NOT_A_CANDIDATE = "retrieved, no candidate states it"
DROPPED = "a candidate, dropped by a rule"
ANOTHER_RULE = "another rule of rag.ordering.fitting_first or rag.reasons"
LATER = "a candidate, third or later"
SECOND = "the second candidate"
FIRST = "the first candidate"
ANSWERABLE_PLACES = (NOT_RETRIEVED, NOT_A_CANDIDATE, DROPPED, LATER, SECOND, FIRST)
# Unanswerable questions: whether the answerer had anything to offer.
NO_CANDIDATE = "unanswerable, no candidate"
SOME_CANDIDATE = "unanswerable, candidates"
UNANSWERABLE_PLACES = (SOME_CANDIDATE, NO_CANDIDATE)

# The pools of `rag eval suites` and `rag eval diff` (eval.suites.pool_of), and the bundled articles' test split.
IN_SAMPLE_TEST_GROUP = f"{IN_SAMPLE_ARTICLES} test (articles in-sample)"


@dataclass(frozen=True)
class QuestionPath:
    """One question's way through the answerer's steps."""

    suite: str
    split: str
    case_id: str
    answerable: bool
    evidence_retrieved: bool  # some top-k passage holds a gold quote (False for unanswerable questions)
    candidates: int  # after the rules that drop candidates
    right_position: int | None  # 1-based place of the first candidate that states a fact; None when none does
    answered: bool  # the assistant's answer did not refuse
    found_right: bool = False  # some candidate stated a fact before the rules dropped any
    # for a right answer a rule dropped: the check of rag.ordering.something_else_check that finds the first right
    # candidate of something else, or ANOTHER_RULE (a rule of the question's kind: a reason, a vote, yes or no)
    dropped_by: str | None = None


@dataclass(frozen=True)
class FunnelRun:
    paths: list[QuestionPath]
    compound_left_out: int  # questions answered part by part, not placed


def place(path: QuestionPath) -> str:
    """Where the question's right answer is (ANSWERABLE_PLACES), or whether an unanswerable one had candidates."""
    if not path.answerable:
        return SOME_CANDIDATE if path.candidates else NO_CANDIDATE
    if path.right_position is not None:
        return {1: FIRST, 2: SECOND}.get(path.right_position, LATER)
    if path.found_right:
        return DROPPED
    return NOT_A_CANDIDATE if path.evidence_retrieved else NOT_RETRIEVED


def group_of(path: QuestionPath) -> str:
    """The pool a question's figures belong to, as `rag eval suites` pools them: unseen, dev, or the bundled
    articles' test split."""
    found = pool_of(path.suite, path.split)
    if found is not None:
        return found
    return IN_SAMPLE_TEST_GROUP if path.suite == IN_SAMPLE_ARTICLES else f"{path.suite} {path.split}"


def funnel_rows(paths: Sequence[QuestionPath]) -> tuple[list[str], list[list[str]]]:
    """A table: each place with its questions, how many were answered and refused (share of its kind)."""
    header = ["where the right answer is", "questions", "answered", "refused"]
    rows: list[list[str]] = []
    for places, answerable in ((ANSWERABLE_PLACES, True), (UNANSWERABLE_PLACES, False)):
        kind = [p for p in paths if p.answerable == answerable]
        for name in places:
            here = [p for p in kind if place(p) == name]
            answered = sum(p.answered for p in here)
            rows.append([name, _count(len(here), len(kind)), _count(answered, len(kind)),
                         _count(len(here) - answered, len(kind))])  # fmt: skip
    return header, rows


def funnel_json(run: FunnelRun) -> dict[str, Any]:
    """Counts per group (`groups`) and per suite split (`splits`), then every question's path."""
    counts: dict[str, dict[str, dict[str, dict[str, int]]]] = {"groups": {}, "splits": {}}
    for path in run.paths:
        for table, key in (("groups", group_of(path)), ("splits", f"{path.suite}/{path.split}")):
            cell = counts[table].setdefault(key, {}).setdefault(place(path), {"answered": 0, "refused": 0})
            cell["answered" if path.answered else "refused"] += 1
    return {**counts, "compound_left_out": run.compound_left_out,
            "questions": [{**asdict(p), "place": place(p)} for p in run.paths]}  # fmt: skip


def _count(part: int, whole: int) -> str:
    return f"{part} ({part / whole:.0%})" if whole else "0"


def grouped(paths: Iterable[QuestionPath]) -> dict[str, list[QuestionPath]]:
    """The paths by group_of, dev first, then unseen, then the rest in order of appearance."""
    groups: dict[str, list[QuestionPath]] = {DEV_POOL: [], UNSEEN_POOL: []}
    for path in paths:
        groups.setdefault(group_of(path), []).append(path)
    return {name: members for name, members in groups.items() if members}


def follow_suites(settings: Settings, names: Sequence[str] | None, split: str,
                  progress: Callable[[str], None] | None = None) -> FunnelRun:  # fmt: skip
    """Every question of the named suites' splits (`split` "all", "dev" or "test"), asked of fresh stores."""
    from eval.corpus import variant_assistant
    from eval.fit_answerer import collect_from

    named = [(name, get_suite(name)) for name in names or list(suites())]  # an unknown name fails before any work
    chosen = [(name, suite, [s for s in suite.splits if split == "all" or s == split]) for name, suite in named]
    if not any(splits for _, _, splits in chosen):
        have = sorted({s for _, suite in named for s in suite.splits})
        raise DatasetError(f"No suite chosen has a {split} split (they have {' and '.join(have)}); "
                           f"choose --split {have[0] if len(have) == 1 else 'all'}.")  # fmt: skip
    paths: list[QuestionPath] = []
    left_out = 0
    for name, suite, splits in chosen:
        if not splits:
            continue
        with tempfile.TemporaryDirectory(prefix=f"sourced-funnel-{name}-") as scratch:
            assistant = variant_assistant(settings, Path(scratch), suite.articles_dir)
            for split_name in splits:
                if progress:
                    progress(f"{name} {split_name}")
                items = suite.items(split_name)  # type: ignore[arg-type]
                cases = collect_from(assistant, name, items)
                left_out += sum(len(expand_cases(item)) for item in items) - len(cases)
                paths.extend(_question_path(name, split_name, case) for case in cases)
    return FunnelRun(paths, left_out)


def _question_path(suite: str, split: str, case: CaseData) -> QuestionPath:
    from eval.fit_answerer import candidate_label
    from eval.metrics import quote_in_passage
    from rag.extractive import decide

    candidates, _ = decide(case.analysis, case.passages, case.idf, query_vector=case.query_vector,
                           article_text=case.article_text, knows=case.knows,
                           word_likeness=case.word_likeness)  # fmt: skip
    right = next((i for i, c in enumerate(candidates, 1) if candidate_label(c, case.case)), None)
    dropped = next((c for c in case.candidates if candidate_label(c, case.case)), None) if right is None else None
    retrieved = any(quote_in_passage(e.quote, p.text) for e in case.case.evidence for p in case.passages)
    return QuestionPath(suite, split, case.case.case_id, case.case.answerable, retrieved, len(candidates), right,
                        case.answered, right is not None or dropped is not None,
                        None if dropped is None else dropping_rule(dropped, case))  # fmt: skip


def dropping_rule(candidate: "Candidate", case: CaseData) -> str:
    """Which rule dropped a right candidate: the check that finds its value of something else than asked, or
    ANOTHER_RULE."""
    from rag.ordering import something_else_check

    return something_else_check(candidate, case.analysis, case.word_likeness) or ANOTHER_RULE


def dropped_by_line(paths: Sequence[QuestionPath]) -> str | None:
    """"Dropped by: pays_for_something_else 3, ...": how many right answers each rule dropped, most first (None
    when none was dropped)."""
    counts = Counter(p.dropped_by for p in paths if p.answerable and place(p) == DROPPED and p.dropped_by)
    if not counts:
        return None
    return "Right answers dropped, by the rule: " + ", ".join(f"{name} {n}" for name, n in counts.most_common()) + "."
