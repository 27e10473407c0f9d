"""`rag eval`: run the evaluation suite, compare configurations, gate CI, draft items from feedback.

`rag/cli.py` forwards every argument here: `main(argv, settings) -> exit code`.
Exit codes: 0 done (gate passed), 1 gate failed or unexpected error, 2 usage
or setup error, others as the SourcedError raised. Errors are one sentence on
stderr, never a traceback (unless --debug).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn, Sequence, get_args

from rag.settings import BUNDLED_ARTICLES_DIR, Settings

PROG = "rag eval"
EXAMPLES = """examples:
  rag eval                          run the suite, write reports/eval-<timestamp>/
  rag eval --only factoid --limit 10
  rag eval --compare                baseline vs dense vs BM25 vs hybrid
  rag eval --compare-set full       ... plus top-k 3/8 and chunk sizes 128/512
  rag eval --gate                   CI: non-zero exit on a threshold miss or a regression
  rag eval --update-baseline --update-thresholds --margin 0.04
  rag eval --from-feedback          thumbs-down answers from the UI -> eval/drafts.jsonl
"""


class UsageError(Exception):
    """Bad combination of options; the message is the sentence to print."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # one sentence, no usage dump
        print(f"Error: {message[:1].upper()}{message[1:]}; see `rag eval --help`.", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from eval.compare import COMPARE_SETS
    from eval.gate import DEFAULT_BASELINE, DEFAULT_MARGIN, DEFAULT_THRESHOLDS

    parser = _Parser(prog=PROG, description="Measure how right Sourced's answers and citations are.",
                     epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    run = parser.add_argument_group("what to run")
    run.add_argument("--dataset", type=Path, help="evaluation set (default: eval/dataset.jsonl)")
    run.add_argument("--suite", help="a named suite (sample, towns, heldout: eval/suites.py) instead of --dataset")
    run.add_argument("--split", choices=["dev", "test", "all"], default="all", help="which part of --suite")
    run.add_argument("--suites", nargs="?", const="all", metavar="NAMES",
                     help="every suite and split apart, each next to the trivial baseline (comma-separated names)")
    run.add_argument("--only", action="append", metavar="TYPE",
                     help="only items of this type (repeat or comma-separate: factoid, numeric, date, multi-doc, "
                          "disagreement, conversation, unanswerable)")
    run.add_argument("--limit", type=int, metavar="N", help="only the first N selected items")
    run.add_argument("--mode", choices=["extractive", "llm"], help="answer mode (default: the configured one)")
    run.add_argument("--top-k", type=int, metavar="N", help="passages per answer (default: RAG_TOP_K)")
    run.add_argument("--retrieval-mode", choices=["hybrid", "dense", "bm25"], help="default: RAG_RETRIEVAL_MODE")
    run.add_argument("--articles", type=Path, default=BUNDLED_ARTICLES_DIR,
                     help="corpus ingested when the store is empty (default: the bundled sample corpus)")
    run.add_argument("--index", choices=["configured", "fresh"],
                     help="answer from the configured store (default; the corpus is ingested when it is empty) or "
                          "from a fresh temporary store built with the current settings (default with --gate and --update-*)")
    run.add_argument("--judge", action="store_true", help="add LLM-judge metrics (needs an LLM endpoint; cached)")
    out = parser.add_argument_group("output")
    out.add_argument("--report", type=Path, metavar="DIR", help="report folder (default: reports/eval-<timestamp>/)")
    out.add_argument("--json", action="store_true", help="print the summary as JSON instead of tables")
    out.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    out.add_argument("--debug", action="store_true", help="show a traceback on unexpected errors")
    compare = parser.add_argument_group("compare configurations")
    compare.add_argument("--compare", action="store_true", help="baseline, dense, BM25, hybrid (and LLM if configured)")
    compare.add_argument("--compare-set", choices=COMPARE_SETS, help="'full' adds top-k 3/8 and chunk sizes 128/512")
    gate = parser.add_argument_group("gate (CI)")
    gate.add_argument("--gate", action="store_true", help="exit 1 on a metric below threshold or a baseline regression")
    gate.add_argument("--thresholds", type=Path, default=DEFAULT_THRESHOLDS, help="default: eval/thresholds.json")
    gate.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE, help="default: eval/baseline.json")
    gate.add_argument("--update-baseline", action="store_true", help="rewrite the baseline from this run")
    gate.add_argument("--update-thresholds", action="store_true", help="rewrite thresholds: measured ∓ --margin")
    gate.add_argument("--margin", type=float, default=DEFAULT_MARGIN, help=f"default {DEFAULT_MARGIN}")
    feedback = parser.add_argument_group("drafts from feedback")
    feedback.add_argument("--from-feedback", action="store_true", help="turn UI thumbs-down entries into draft items")
    feedback.add_argument("--feedback", type=Path, help="feedback file (default: <RAG_DATA_DIR>/feedback.jsonl)")
    feedback.add_argument("--out", type=Path, help="drafts file (default: eval/drafts.jsonl)")
    return parser


def main(argv: list[str], settings: Settings) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error already printed
        return int(exit_.code or 0)
    try:
        return dispatch(args, settings)
    except KeyboardInterrupt:
        print("Error: Interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # every failure is one sentence; see _describe
        if args.debug:
            raise
        message, code = _describe(exc)
        print(f"Error: {message}", file=sys.stderr)
        return code


def _describe(exc: Exception) -> tuple[str, int]:
    from eval.dataset import DatasetError
    from eval.gate import GateFileError
    from rag.errors import SourcedError

    if isinstance(exc, SourcedError):
        return exc.message, exc.exit_code
    if isinstance(exc, (UsageError, DatasetError, GateFileError)):
        return str(exc), 2
    if isinstance(exc, OSError):
        return f"Cannot use {exc.filename or 'a file'} ({exc.strerror or exc}).", 2
    return f"The evaluation failed unexpectedly ({type(exc).__name__}: {exc}); re-run with --debug for details.", 1


def dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.from_feedback:
        return _from_feedback(args, settings)
    _check_options(args)
    if args.suites:
        return _suites(args, settings)
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


def _check_options(args: argparse.Namespace) -> None:
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
    comparing = args.compare or args.compare_set
    if comparing and (args.gate or args.update_baseline or args.update_thresholds or args.judge):
        raise UsageError("--compare runs several configurations; use --gate, --update-* and --judge without it.")
    if (args.update_baseline or args.update_thresholds) and (args.only or args.limit is not None):
        raise UsageError("--update-baseline and --update-thresholds need the whole dataset; drop --only and --limit.")


def _progress(args: argparse.Namespace) -> bool | None:
    return False if args.no_progress or args.json else None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _targets(args: argparse.Namespace) -> dict[str, Any]:
    from eval.gate import DEFAULT_TARGETS, GateFileError, load_thresholds

    try:
        return load_thresholds(args.thresholds).get("targets", DEFAULT_TARGETS)
    except GateFileError:
        return DEFAULT_TARGETS


def _open(args: argparse.Namespace, settings: Settings, items: list[Any], stack: ExitStack) -> tuple[Any, list[str]]:
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


def _run(args: argparse.Namespace, settings: Settings, items: list[Any], dataset_path: Path, stack: ExitStack) -> int:
    from eval.answerers import AssistantAnswerer
    from eval.corpus import source_names
    from eval.gate import evaluate_gate, load_baseline, load_thresholds
    from eval.metrics import JUDGE_METRICS
    from eval.report import ReportContext, default_report_dir, write_run_report
    from eval.runner import run_suite
    from eval.summary import summarise
    from rag.errors import LLMNotConfiguredError

    # read the gate's files before spending a run on it
    thresholds = load_thresholds(args.thresholds) if args.gate else None
    baseline = load_baseline(args.baseline) if args.gate else None
    measured = (thresholds or {}).get("config", {})
    mode, top_k, retrieval_mode = _configuration(args, settings, measured)
    if mode == "llm" and not settings.llm_configured:
        raise LLMNotConfiguredError("--mode llm needs an endpoint; set OPENAI_API_KEY, or OPENAI_BASE_URL and RAG_LLM_MODEL.")
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
    context = ReportContext(str(dataset_path), _sha256(dataset_path), _types(args.only), args.limit, warnings,
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


def _configuration(args: argparse.Namespace, settings: Settings, measured: dict[str, Any]) -> tuple[Any, int, Any]:
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


def _add_judge(run: Any, judge: Any, args: argparse.Namespace) -> list[str]:
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


def _update_files(args: argparse.Namespace, run: Any, summary: dict[str, Any]) -> list[str]:
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
    from eval.summary import worst_items
    from eval.tables import default_metric_names, format_value, metric_label, metric_rows, plain_table

    counts = summary["counts"]
    print(f"Sourced evaluation: {describe_config(run.config)}")
    print(f"{counts['items']} items, {counts['cases']} questions, {run.wall_seconds:.1f} s; "
          f"{counts['items_passed']} items pass every check.\n")
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


def _compare(args: argparse.Namespace, settings: Settings, items: list[Any], dataset_path: Path, stack: ExitStack) -> int:
    from eval.compare import compare_text, config_set, run_compare, write_compare_report
    from eval.report import ReportContext, default_report_dir

    assistant, warnings = _open(args, settings, items, stack)
    specs = config_set(args.compare_set or "default", settings.llm_configured)
    result = run_compare(assistant, items, specs, articles_dir=args.articles, progress=_progress(args))
    context = ReportContext(str(dataset_path), _sha256(dataset_path), _types(args.only), args.limit, warnings)
    directory = args.report or default_report_dir()
    paths = write_compare_report(directory, result, context)
    if args.json:
        print(json.dumps({"report": {k: str(v) for k, v in paths.items()},
                          "configs": {n: r.config for n, r in result.runs.items()},
                          "summaries": result.summaries, "warnings": warnings}, indent=2, ensure_ascii=False))
    else:
        print(f"Sourced evaluation: {len(specs)} configurations, {len(items)} items, {result.wall_seconds:.1f} s\n")
        print(compare_text(result))
        print(f"\nReport: {paths['html']} (each configuration's own report in its subfolder)")
    return 0


def _suites(args: argparse.Namespace, settings: Settings) -> int:
    from eval.suite_report import rows_json, run_suites, suites_table

    names = None if args.suites == "all" else [n.strip() for n in args.suites.split(",") if n.strip()]
    rows = run_suites(settings, names, progress=_progress(args))
    if args.json:
        print(json.dumps(rows_json(rows), indent=2, ensure_ascii=False))
    else:
        print(suites_table(rows))
    return 0


def _from_feedback(args: argparse.Namespace, settings: Settings) -> int:
    from eval.feedback import DEFAULT_DRAFTS, default_feedback_path, drafts_from_feedback

    source = args.feedback or default_feedback_path(settings)
    if not source.is_file():
        raise UsageError(f"There is no feedback file at {source}; rate some answers in the UI first, or pass --feedback FILE.")
    outcome = drafts_from_feedback(source, args.out or DEFAULT_DRAFTS)
    if args.json:
        print(json.dumps({"written": outcome.written, "already_drafted": outcome.already_drafted,
                          "skipped_lines": outcome.skipped_lines, "path": str(outcome.path)}))
    else:
        print(f"Wrote {outcome.written} draft item(s) to {outcome.path} "
              f"({outcome.already_drafted} already drafted, {outcome.skipped_lines} unreadable line(s) skipped); "
              "complete each one's answerable, reference, facts, sources and evidence, remove \"draft\", "
              "and move it to eval/dataset.jsonl.")
    return 0
