"""Running the evaluation set through an answerer: every case asked, timed and scored."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping

from eval.answerers import Answerer
from eval.dataset import EvalItem, expand_cases
from eval.scoring import CaseResult, failed_case, score_case
from rag.errors import LLMNotConfiguredError, SourcedError


@dataclass
class ItemResult:
    item: EvalItem
    cases: list[CaseResult]

    @property
    def passed(self) -> bool:
        return all(case.passed for case in self.cases)

    @property
    def reasons(self) -> list[str]:
        reasons = []
        for case in self.cases:
            prefix = f"turn {case.case.turn + 1}: " if case.case.turn is not None else ""
            reasons.extend(prefix + reason for reason in case.reasons)
        return reasons


@dataclass
class RunResult:
    """One configuration run over the selected items."""

    config: dict[str, Any]
    items: list[ItemResult]
    started: str
    wall_seconds: float
    judge: dict[str, Any] | None = None  # set when LLM-judge metrics were added
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def cases(self) -> list[CaseResult]:
        return [case for item in self.items for case in item.cases]

    @property
    def k(self) -> int:
        return int(self.config.get("top_k") or 0)


def run_suite(
    items: list[EvalItem], answerer: Answerer, *, progress: bool | None = None, label: str = "",
    source_names: Mapping[str, str] | None = None,
) -> RunResult:
    """Ask every case (conversation turns in order, in one chat) and score it.

    `source_names`: article id -> the file name the dataset's `sources` use (eval.corpus.source_names).

    `progress`: a tqdm bar on stderr; None shows it only when stderr is a terminal.
    A SourcedError on one question fails that case and the run goes on; a
    missing LLM configuration stops the run (every case would fail alike).
    """
    from tqdm import tqdm

    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    began = time.perf_counter()
    total = sum(len(expand_cases(item)) for item in items)
    bar = tqdm(total=total, desc=label or answerer.name, unit="q", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress, leave=False)
    results: list[ItemResult] = []
    _warm_up(answerer, items)
    try:
        for item in items:
            conversation = answerer.new_conversation()
            cases: list[CaseResult] = []
            for case in expand_cases(item):
                asked = time.perf_counter()
                try:
                    answer = answerer.ask(case.question, conversation)
                except LLMNotConfiguredError:
                    raise
                except SourcedError as exc:
                    cases.append(failed_case(case, exc.message, _ms(asked)))
                else:
                    cases.append(score_case(case, answer, _ms(asked), answerer.top_k, source_names))
                bar.update(1)
            results.append(ItemResult(item, cases))
    finally:
        bar.close()
    return RunResult(answerer.describe(), results, started, round(time.perf_counter() - began, 3))


def _warm_up(answerer: Answerer, items: list[EvalItem]) -> None:
    """Ask one question untimed: loading the embedder and BM25 is start-up cost, not per-question latency."""
    first = next((case for item in items for case in expand_cases(item)), None)
    if first is None:
        return
    try:
        answerer.ask(first.question, answerer.new_conversation())
    except SourcedError:
        pass  # the timed run records it


def _ms(began: float) -> float:
    return round((time.perf_counter() - began) * 1000, 3)
