"""What each `rag eval` sub-command does (eval/cli.py parses the arguments into `EvalOptions`).

Errors are one sentence on stderr, never a traceback (unless --debug): see `describe_failure`.
"""

from __future__ import annotations

import json
import sys
import tempfile
import textwrap
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence, get_args

from rag.messages import counted
from rag.settings import BUNDLED_ARTICLES_DIR, Settings


class UsageError(Exception):
    """Bad combination of options; the message is the sentence to print."""


@dataclass
class EvalOptions:
    """Every option of the `rag eval` sub-commands (the flags of the same names); None: the default."""

    dataset: Path | None = None
    suite: str | None = None
    split: str = "all"
    suites: str | None = None
    only: list[str] | None = None
    limit: int | None = None
    mode: str | None = None
    top_k: int | None = None
    retrieval_mode: str | None = None
    articles: Path = BUNDLED_ARTICLES_DIR
    index: str | None = None
    judge: bool = False
    report: Path | None = None
    json: bool = False
    no_progress: bool = False
    debug: bool = False
    compare: bool = False
    compare_set: str | None = None
    gate: bool = False
    thresholds: Path | None = None
    baseline: Path | None = None
    update_baseline: bool = False
    update_thresholds: bool = False
    margin: float | None = None
    feedback: Path | None = None
    out: Path | None = None
    before: Path | None = None
    after: Path | None = None
    changes: bool = True

    def __post_init__(self) -> None:
        from eval.gate import DEFAULT_BASELINE, DEFAULT_MARGIN, DEFAULT_THRESHOLDS

        self.thresholds = self.thresholds or DEFAULT_THRESHOLDS
        self.baseline = self.baseline or DEFAULT_BASELINE
        self.margin = DEFAULT_MARGIN if self.margin is None else self.margin


def guarded(options: EvalOptions, action: Any, *args: Any) -> int:
    """Run one sub-command's action; every failure becomes one sentence on stderr and an exit code."""
    try:
        return int(action(options, *args))
    except KeyboardInterrupt:
        print("Error: Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of stdout left (`rag eval suites | head`): quiet, as in rag/cli.py
        from rag.console import closed_pipe

        return closed_pipe()
    except Exception as exc:  # every failure is one sentence; see describe_failure
        if options.debug:
            raise
        message, code = describe_failure(exc)
        print(f"Error: {message}", file=sys.stderr)
        return code


def describe_failure(exc: Exception) -> tuple[str, int]:
    from eval.dataset import DatasetError
    from eval.diff import DiffError
    from eval.gate import GateFileError
    from rag.errors import SourcedError

    if isinstance(exc, SourcedError):
        return exc.message, exc.exit_code
    if isinstance(exc, (UsageError, DatasetError, GateFileError, DiffError)):
        return str(exc), 2
    if isinstance(exc, OSError):
        return f"Cannot use {exc.filename or 'a file'} ({exc.strerror or exc}).", 2
    return f"The evaluation failed unexpectedly ({type(exc).__name__}: {exc}); re-run with --debug for details.", 1


def run_or_compare(args: EvalOptions, settings: Settings) -> int:
    """`rag eval run`, `gate` and `compare`: select the items, open the index, run, write the reports."""
    _check_options(args)
    from eval.dataset import DEFAULT_DATASET, load_dataset, select_items

    dataset_path: Path = args.dataset or DEFAULT_DATASET
    if args.suite:
        from eval.suites import get_suite

        suite = get_suite(args.suite)
        args.articles = suite.articles_dir
        args.index = args.index or ("configured" if args.suite == "sample" else "fresh")
        loaded = suite.items(args.split)
        dataset_path = suite.files.get(args.split) or suite.files.get("all") or dataset_path
    else:
        loaded = load_dataset(dataset_path)
    items = select_items(loaded, _types(args.only), args.limit)
    if not items:
        raise UsageError(f"No item of {dataset_path} matches --only {', '.join(_types(args.only))}.")
    with ExitStack() as stack:  # temporary stores live until the reports are written
        if args.compare or args.compare_set:
            return _compare(args, settings, items, dataset_path, stack)
        return _run(args, settings, items, dataset_path, stack)


def _types(only: Sequence[str] | None) -> list[str]:
    return [t.strip() for group in only or [] for t in group.split(",") if t.strip()]


def _check_options(args: EvalOptions) -> None:
    from eval.dataset import ItemType

    unknown = [t for t in _types(args.only) if t not in get_args(ItemType)]
    if unknown:
        raise UsageError(f"Unknown question type {unknown[0]!r}; choose from {', '.join(get_args(ItemType))}.")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit needs a positive number.")
    if args.top_k is not None and not 1 <= args.top_k <= 50:
        raise UsageError("--top-k needs a number from 1 to 50.")
    if not 0 <= args.margin < 1:
        raise UsageError("--margin needs a number from 0 to 1, e.g. 0.04.")
    if (args.update_baseline or args.update_thresholds) and (args.only or args.limit is not None):
        raise UsageError("--update-baseline and --update-thresholds need the whole dataset; drop --only and --limit.")


def _progress(args: EvalOptions) -> bool | None:
    return False if args.no_progress or args.json else None


def _targets(args: EvalOptions) -> dict[str, Any]:
    from eval.gate import DEFAULT_TARGETS, GateFileError, load_thresholds

    try:
        return load_thresholds(args.thresholds).get("targets", DEFAULT_TARGETS)
    except GateFileError:
        return DEFAULT_TARGETS


def _open(args: EvalOptions, settings: Settings, items: list[Any], stack: ExitStack) -> tuple[Any, list[str]]:
    """The Assistant to evaluate: over the configured index, or over a fresh temporary one (--index fresh)."""
    from eval.corpus import check_index, open_assistant, variant_assistant

    gating = args.gate or args.update_baseline or args.update_thresholds
    if (args.index or ("fresh" if gating else "configured")) == "fresh":
        # the gate, and the files it compares with, measure the code and the
        # settings, not whatever a local store happens to hold
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="sourced-eval-")))
        assistant = variant_assistant(settings, scratch, args.articles)
    else:
        show = _progress(args) is not False and sys.stderr.isatty()
        assistant = open_assistant(settings, args.articles, show_progress=show)
    warnings = check_index(assistant, items, args.articles)
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    return assistant, warnings


def _run(args: EvalOptions, settings: Settings, items: list[Any], dataset_path: Path, stack: ExitStack) -> int:
    from eval.answerers import AssistantAnswerer
    from eval.corpus import source_names
    from eval.gate import evaluate_gate, load_baseline, load_thresholds
    from eval.metrics import JUDGE_METRICS
    from eval.report import ReportContext, default_report_dir, file_sha256, write_run_report
    from eval.runner import run_suite
    from eval.summary import summarise
    from rag.errors import LLMNotConfiguredError
    from rag.messages import LLM_NOT_CONFIGURED

    # read the gate's files before spending a run on it
    thresholds = load_thresholds(args.thresholds) if args.gate else None
    baseline = load_baseline(args.baseline) if args.gate else None
    measured = (thresholds or {}).get("config", {})
    mode, top_k, retrieval_mode = _configuration(args, settings, measured)
    if mode == "llm" and not settings.llm_configured:
        raise LLMNotConfiguredError(LLM_NOT_CONFIGURED)
    judge = _judge(settings) if args.judge else None

    assistant, warnings = _open(args, settings, items, stack)
    answerer = AssistantAnswerer(assistant, name=f"{mode}-{retrieval_mode}", mode=mode, top_k=top_k,
                                 retrieval_mode=retrieval_mode)
    names = source_names(assistant.articles(), args.articles)
    run = run_suite(items, answerer, progress=_progress(args), source_names=names)
    if judge is not None:
        warnings += _add_judge(run, judge, args)
    summary = summarise(run, JUDGE_METRICS if judge is not None else ())

    gate_result = None
    if thresholds is not None and baseline is not None:
        gate_result = evaluate_gate(summary["overall"], {i.item.id: i.passed for i in run.items}, thresholds, baseline)
        if args.limit is not None or args.only or args.dataset:
            warnings.append("The gate ran on a subset; thresholds were measured on the whole set.")
        warnings += _config_drift(run.config, measured)
    context = ReportContext(str(dataset_path), file_sha256(dataset_path), _types(args.only), args.limit, warnings,
                            _targets(args), gate_result.to_json() if gate_result else None)
    directory = args.report or default_report_dir()
    paths = write_run_report(directory, run, summary, context)
    updated = _update_files(args, run, summary)

    if args.json:
        print(json.dumps({"report": {k: str(v) for k, v in paths.items()}, "config": run.config, "summary": summary,
                          "gate": context.gate, "updated": updated, "warnings": warnings}, indent=2, ensure_ascii=False))
    else:
        _print_run(run, summary, context, paths, updated)
    return 1 if gate_result is not None and not gate_result.passed else 0


def _configuration(args: EvalOptions, settings: Settings, measured: dict[str, Any]) -> tuple[Any, int, Any]:
    """(answer mode, top k, retrieval mode): an option, else what the thresholds were measured with, else the settings.

    The gate and the files it reads are offline: they default to extractive
    answers even when an LLM is configured.
    """
    offline = args.gate or args.update_baseline or args.update_thresholds
    mode = args.mode or measured.get("mode") or ("extractive" if offline else settings.effective_answer_mode)
    top_k = args.top_k or measured.get("top_k") or settings.top_k
    retrieval_mode = args.retrieval_mode or measured.get("retrieval_mode") or settings.retrieval_mode
    return mode, top_k, retrieval_mode


def _judge(settings: Settings) -> Any:
    from eval.judge import Judge, JudgeCache, default_cache_dir

    return Judge(settings, JudgeCache(default_cache_dir(settings)))


def _add_judge(run: Any, judge: Any, args: EvalOptions) -> list[str]:
    from eval.judge import judge_run
    from rag.errors import EndpointError

    try:
        judge_run(run, judge, progress=_progress(args))
    except EndpointError as exc:
        message = f"LLM-judge metrics are incomplete: {exc.message}"
        print(f"Warning: {message}", file=sys.stderr)
        run.judge = {**judge.describe(), "error": exc.message}
        return [message]
    return []


def _config_drift(config: dict[str, Any], measured: dict[str, Any]) -> list[str]:
    drift = [f"{key} {config.get(key)} (thresholds: {value})" for key, value in measured.items()
             if key in config and config.get(key) != value]
    return [f"This run's settings differ from the thresholds' run: {', '.join(drift)}."] if drift else []


def _update_files(args: EvalOptions, run: Any, summary: dict[str, Any]) -> list[str]:
    from eval.gate import DEFAULT_TARGETS, baseline_from, thresholds_from, write_json_file

    updated: list[str] = []
    outcomes = {item.item.id: item.passed for item in run.items}
    if args.update_baseline:
        write_json_file(args.baseline, baseline_from(outcomes, _gate_config(run.config), run.started))
        updated.append(str(args.baseline))
    if args.update_thresholds:
        targets = _targets(args) if args.thresholds.is_file() else DEFAULT_TARGETS
        write_json_file(args.thresholds,
                        thresholds_from(summary["overall"], args.margin, _gate_config(run.config), run.started, targets))
        updated.append(str(args.thresholds))
    return updated


def _gate_config(config: dict[str, Any]) -> dict[str, Any]:
    """What a gate run must reproduce: the answerer's settings, not its display name."""
    return {key: value for key, value in config.items() if key != "name"}


def _print_run(run: Any, summary: dict[str, Any], context: Any, paths: dict[str, Path], updated: list[str]) -> None:
    from eval.gate import bound_met
    from eval.report import describe_config
    from eval.summary import plain_summary, worst_items
    from eval.tables import default_metric_names, format_value, metric_label, metric_rows, plain_table

    counts = summary["counts"]
    print(f"Sourced evaluation: {describe_config(run.config)}")
    print(f"{counted(counts['items'], 'item')}, {counted(counts['cases'], 'question')}, {run.wall_seconds:.1f} s.\n")
    print(textwrap.fill(" ".join(plain_summary(run)), width=110) + "\n")
    print(plain_table(*metric_rows(summary, default_metric_names(summary))))
    measured = {t: b for t, b in context.targets.items() if summary["overall"].get(t) is not None}
    missed = [t for t, bound in measured.items() if not bound_met(summary["overall"][t], bound)]
    if measured:
        print("\nTargets: " + ("all met." if not missed else "missed " + ", ".join(
            f"{metric_label(t, summary['k'])} ({format_value(t, summary['overall'].get(t))})" for t in missed) + "."))
    worst = worst_items(run, 5)
    if worst:
        print("\nWorst items:")
        for item in worst:
            print(f"  {item.item.id} ({item.item.type}): {'; '.join(item.reasons) or 'error'}")
    if context.gate is not None:
        print("\nGate: " + ("passed." if context.gate["passed"] else "FAILED."))
        for failure in context.gate["failures"]:
            print(f"  {failure}")
    for path in updated:
        print(f"Updated {path}")
    print(f"\nReport: {paths['html']} (also {paths['summary'].name}, {paths['results'].name})")


def _compare(args: EvalOptions, settings: Settings, items: list[Any], dataset_path: Path, stack: ExitStack) -> int:
    from eval.compare import compare_text, config_set, run_compare, write_compare_report
    from eval.report import ReportContext, default_report_dir, file_sha256

    assistant, warnings = _open(args, settings, items, stack)
    specs = config_set(args.compare_set or "default", settings.llm_configured)
    result = run_compare(assistant, items, specs, articles_dir=args.articles, progress=_progress(args))
    context = ReportContext(str(dataset_path), file_sha256(dataset_path), _types(args.only), args.limit, warnings)
    directory = args.report or default_report_dir()
    paths = write_compare_report(directory, result, context)
    if args.json:
        print(json.dumps({"report": {k: str(v) for k, v in paths.items()},
                          "configs": {n: r.config for n, r in result.runs.items()},
                          "summaries": result.summaries, "warnings": warnings}, indent=2, ensure_ascii=False))
    else:
        print(f"Sourced evaluation: {counted(len(specs), 'configuration')}, {counted(len(items), 'item')}, "
              f"{result.wall_seconds:.1f} s\n")
        print(compare_text(result))
        print(f"\nReport: {paths['html']} (each configuration's own report in its subfolder)")
    return 0


def suites(args: EvalOptions, settings: Settings) -> int:
    """`rag eval suites [NAMES]`: every suite and split apart, each next to the trivial baseline."""
    from eval.suite_report import pooled_intervals_table, rows_json, run_suites, suites_table

    rows = run_suites(settings, _suite_names(args), progress=_progress(args), report_dir=args.report)
    if args.json:
        print(json.dumps(rows_json(rows), indent=2, ensure_ascii=False))
    else:
        print(suites_table(rows))
        pooled = pooled_intervals_table(rows)
        if pooled:
            print("\nThe pooled figures with their 95% intervals (Wilson for rates, bootstrap for fact recall):\n")
            print(pooled)
        if args.report:
            print(f"\nReports: {args.report} (SUITE/SPLIT/results.json; compare two with `rag eval diff`)")
    return 0


def comma_separated(text: str | None) -> list[str]:
    """The names of a comma-separated option, each once, in order (none for None or blanks)."""
    return list(dict.fromkeys(n.strip() for n in (text or "").split(",") if n.strip()))


def _suite_names(args: EvalOptions) -> list[str] | None:
    """The suites named (comma-separated, each once, in order), or None for all."""
    if args.suites is None or args.suites.strip() == "all":
        return None
    names = comma_separated(args.suites)
    if not names:
        raise UsageError("No suite named; give suite names separated by commas, or none for every suite.")
    return names


def funnel(args: EvalOptions, settings: Settings) -> int:
    """`rag eval funnel [NAMES]`: where the answerer loses answers, step by step (eval/funnel.py)."""
    from eval.funnel import dropped_by_line, follow_suites, funnel_json, funnel_rows, grouped
    from eval.tables import plain_table

    show = None if _progress(args) is False else (lambda step: print(f"funnel: {step}", file=sys.stderr, flush=True))
    run = follow_suites(settings, _suite_names(args), args.split, progress=show)
    if args.json:
        print(json.dumps(funnel_json(run), indent=2, ensure_ascii=False))
        return 0
    for group, members in grouped(run.paths).items():
        answerable = sum(p.answerable for p in members)
        print(f"{group}: {counted(answerable, 'answerable question')}, {len(members) - answerable} unanswerable\n")
        print(plain_table(*funnel_rows(members)) + "\n")
        dropped = dropped_by_line(members)
        if dropped:
            print(dropped + "\n")
    print("Shares are of the group's answerable questions (first six rows) or unanswerable ones (last two); answered "
          "and refused are what the assistant's answer did. In the first-candidate row the answer's first value or "
          "sentence states a fact; in the others it does not, though a supporting sentence may."
          + (f" {counted(run.compound_left_out, 'compound question')} (answered part by part) left out."
             if run.compound_left_out else ""))  # fmt: skip
    return 0


def diff(args: EvalOptions, settings: Settings) -> int:
    """`rag eval diff BEFORE AFTER`: two runs over the same questions, question by question (eval/diff.py)."""
    from eval.diff import describe_changed, diff_json, diff_rows, diff_runs, load_outcomes
    from eval.tables import plain_table

    assert args.before is not None and args.after is not None
    result = diff_runs(load_outcomes(args.before), load_outcomes(args.after))
    if args.json:
        print(json.dumps(diff_json(result), indent=2, ensure_ascii=False))
        return 0
    print(f"{counted(result.paired, 'question')} in both runs"
          + (f"; {result.only_before} only before" if result.only_before else "")
          + (f"; {result.only_after} only after" if result.only_after else "")
          + (f"; {result.skipped} left out, answerable in one run and not in the other" if result.skipped else "")
          + ".\n")
    print(plain_table(*diff_rows(result)))
    print("\n* the 95% interval of the change leaves out zero. better / worse: questions whose value moved that way; "
          "sign test p: the chance of a split at least as uneven if each move were a coin toss.")
    if args.changes and result.changed:
        print(f"\n{counted(len(result.changed), 'question')} changed:\n")
        print("\n".join(describe_changed(case) for case in result.changed))
    return 0


def from_feedback(args: EvalOptions, settings: Settings) -> int:
    """`rag eval from-feedback`: thumbs-down answers from the UI become draft items (under RAG_DATA_DIR)."""
    from eval.feedback import default_drafts_path, default_feedback_path, drafts_from_feedback

    source = args.feedback or default_feedback_path(settings)
    if not source.is_file():
        raise UsageError(f"There is no feedback file at {source}; rate some answers in the UI first, or pass --feedback FILE.")
    outcome = drafts_from_feedback(source, args.out or default_drafts_path(settings))
    if args.json:
        print(json.dumps({"written": outcome.written, "already_drafted": outcome.already_drafted,
                          "skipped_lines": outcome.skipped_lines, "path": str(outcome.path)}))
    else:
        print(f"Wrote {counted(outcome.written, 'draft item')} to {outcome.path} "
              f"({outcome.already_drafted} already drafted, {counted(outcome.skipped_lines, 'unreadable line')} skipped); "
              "complete each one's answerable, reference, facts, sources and evidence, remove \"draft\", "
              "and move it to eval/dataset.jsonl.")
    return 0
