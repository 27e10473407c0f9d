"""`rag eval`: the evaluation's sub-commands (run, gate, compare, suites, diff, funnel, fit, from-feedback), a Typer
group.

`rag/cli.py` loads this group only when `rag eval` is asked for. This module
only parses arguments: what each sub-command does is in eval/commands.py.
The flags of the single command `rag eval` had before still work and are read
as the sub-command they mean (`rag eval --gate` is `rag eval gate`, `rag eval
--compare` is `rag eval compare`, `rag eval --limit 5` is `rag eval run --limit
5`). Exit codes: 0 done (gate passed), 1 gate failed or unexpected error, 2
usage or setup error, others as the SourcedError raised.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Literal, Optional

import typer
from typer.core import TyperGroup

from rag.settings import BUNDLED_ARTICLES_DIR, Settings

EXAMPLES = """\b
Examples:
  rag eval                        run the suite, write reports/eval-<timestamp>/
  rag eval run --only factoid --limit 10
  rag eval compare                baseline vs dense vs BM25 vs hybrid
  rag eval compare --set full     ... plus top-k 3/8 and chunk sizes 128/512
  rag eval gate                   CI: exit 1 on a threshold miss or a regression
  rag eval run --update-baseline --update-thresholds --margin 0.04
  rag eval suites                 every suite and split, each beside the trivial baseline
  rag eval fit --dry-run          fit the extractive answerer on the dev splits
  rag eval fit --check            refit leaving suites out: how a fit answers what it never saw
  rag eval funnel --split dev     where answers are lost: retrieval, candidates, ranking, refusal
  rag eval from-feedback          UI thumbs-down answers -> RAG_DATA_DIR/eval-drafts.jsonl
The flags of the one-command form still work: `rag eval --gate` is `rag eval gate`.
"""

# Flags of the one-command `rag eval` that name a sub-command, in the order they are looked for.
_LEGACY_SUBCOMMANDS = (("--from-feedback", "from-feedback"), ("--suites", "suites"), ("--compare", "compare"),
                       ("--compare-set", "compare"), ("--gate", "gate"))


def legacy_arguments(args: list[str]) -> list[str]:
    """`rag eval` arguments of the one-command form, as the sub-command they mean (unchanged otherwise)."""
    if args and (not args[0].startswith("-") or args[0] in ("--help", "-h")):
        return args  # a sub-command, or the group's own help
    rest = list(args)
    for flag, command in _LEGACY_SUBCOMMANDS:
        for position, arg in enumerate(rest):
            name, equals, value = arg.partition("=")
            if name != flag:
                continue
            if flag == "--compare-set":  # an option of `compare` too: keep it
                return [command, *rest]
            del rest[position]
            if flag == "--suites":  # --suites [NAMES]: the names become the argument
                if equals:
                    rest.insert(0, value)
                elif position < len(rest) and not rest[position].startswith("-"):
                    rest.insert(0, rest.pop(position))
            return [command, *rest]
    return ["run", *rest]


class _EvalGroup(TyperGroup):
    """Reads the one-command flags as sub-commands, so `rag eval --gate` (scripts/test.sh) keeps working."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, legacy_arguments(args))


app = typer.Typer(
    name="eval",
    cls=_EvalGroup,
    help="Measure how right Sourced's answers and citations are (eval/README.md).",
    epilog=EXAMPLES,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# --- options, defined once and shared by the sub-commands --------------------------------------------
Dataset = Annotated[Optional[Path], typer.Option(help="Evaluation set (default: eval/dataset.jsonl).")]
Suite = Annotated[
    Optional[str], typer.Option(help="A named suite (sample, towns, county, heldout: eval/suites.py) instead of --dataset.")
]
Split = Annotated[Literal["dev", "test", "all"], typer.Option(help="Which part of --suite.")]
Only = Annotated[
    Optional[list[str]],
    typer.Option(metavar="TYPE", help="Only items of this type (repeat or comma-separate: factoid, numeric, date, "
                 "multi-doc, disagreement, conversation, unanswerable)."),
]
Limit = Annotated[Optional[int], typer.Option(metavar="N", help="Only the first N selected items.")]
Mode = Annotated[Optional[Literal["extractive", "llm"]], typer.Option(help="Answer mode (default: the configured one).")]
TopK = Annotated[Optional[int], typer.Option("--top-k", metavar="N", help="Passages per answer (default: RAG_TOP_K).")]
RetrievalMode = Annotated[Optional[Literal["hybrid", "dense", "bm25"]], typer.Option(help="Default: RAG_RETRIEVAL_MODE.")]
Articles = Annotated[
    Path,
    typer.Option(show_default=False, help="Corpus ingested when the store is empty (default: the bundled sample corpus)."),
]
IndexChoice = Annotated[
    Optional[Literal["configured", "fresh"]],
    typer.Option(help="Answer from the configured store (default; the corpus is ingested when it is empty) or from "
                      "a fresh temporary store built with the current settings (default with gate and --update-*)."),
]
Judge = Annotated[bool, typer.Option("--judge", help="Add LLM-judge metrics (needs an LLM endpoint; cached).")]
Report = Annotated[
    Optional[Path], typer.Option(metavar="DIR", help="Report folder (default: reports/eval-<timestamp>/).")
]
Json = Annotated[bool, typer.Option("--json", help="Print the summary as JSON instead of tables.")]
NoProgress = Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show a traceback on unexpected errors.")]
Thresholds = Annotated[Optional[Path], typer.Option(help="Default: eval/thresholds.json.")]
Baseline = Annotated[Optional[Path], typer.Option(help="Default: eval/baseline.json.")]
UpdateBaseline = Annotated[bool, typer.Option("--update-baseline", help="Rewrite the baseline from this run.")]
UpdateThresholds = Annotated[bool, typer.Option("--update-thresholds", help="Rewrite thresholds: measured ∓ --margin.")]
Margin = Annotated[Optional[float], typer.Option(help="Margin of --update-thresholds (default 0.04).")]


def _settings(ctx: typer.Context) -> Settings:
    """The settings `rag` (or `main`) handed down: a factory, so a bad setting is reported by the command."""
    source: Any = ctx.find_root().obj
    if isinstance(source, Settings):
        return source
    return source() if callable(source) else Settings()


def _finish(ctx: typer.Context, action: Callable[..., int], **options: Any) -> None:
    from eval.commands import EvalOptions, guarded

    settings = _settings(ctx)  # a bad setting ends the command here, as one sentence
    chosen = EvalOptions(**options)
    code = guarded(chosen, lambda opts: action(opts, settings))
    if code:
        raise typer.Exit(code)


def _run_command(gate: bool) -> Callable[..., None]:
    """`rag eval run` and `rag eval gate`: one set of options, the gate on or off."""

    def command(
        ctx: typer.Context, dataset: Dataset = None, suite: Suite = None, split: Split = "all", only: Only = None,
        limit: Limit = None, mode: Mode = None, top_k: TopK = None, retrieval_mode: RetrievalMode = None,
        articles: Articles = BUNDLED_ARTICLES_DIR, index: IndexChoice = None, judge: Judge = False,
        report: Report = None, as_json: Json = False, no_progress: NoProgress = False, debug: Debug = False,
        thresholds: Thresholds = None, baseline: Baseline = None, update_baseline: UpdateBaseline = False,
        update_thresholds: UpdateThresholds = False, margin: Margin = None,
    ) -> None:
        options = {**_options(locals()), "gate": gate}
        from eval.commands import run_or_compare

        _finish(ctx, run_or_compare, **options)

    return command


app.command("run", help="Run the evaluation set and write results.json, summary.md and report.html.")(
    _run_command(gate=False)
)
app.command("gate", help="Run as CI does: exit 1 on a metric below its threshold or an item that passed in the "
                         "baseline and now fails.")(_run_command(gate=True))


@app.command("compare")
def compare_command(
    ctx: typer.Context,
    compare_set: Annotated[
        Optional[Literal["default", "full"]],
        typer.Option("--set", "--compare-set", help="'full' adds top-k 3/8 and chunk sizes 128/512."),
    ] = None,
    dataset: Dataset = None, suite: Suite = None, split: Split = "all", only: Only = None, limit: Limit = None,
    mode: Mode = None, top_k: TopK = None, retrieval_mode: RetrievalMode = None,
    articles: Articles = BUNDLED_ARTICLES_DIR, index: IndexChoice = None, report: Report = None,
    as_json: Json = False, no_progress: NoProgress = False, debug: Debug = False,
) -> None:
    """Baseline, dense, BM25 and hybrid retrieval (and LLM answers if configured) side by side."""
    options = _options(locals())
    from eval.commands import run_or_compare

    _finish(ctx, run_or_compare, compare=True, **options)


@app.command("suites")
def suites_command(
    ctx: typer.Context,
    names: Annotated[Optional[str], typer.Argument(help="Comma-separated suite names (default: all).")] = None,
    report: Annotated[Optional[Path], typer.Option(metavar="DIR", help="Also write each split's report (Sourced's "
                                                  "answers) to DIR/SUITE/SPLIT/, for `rag eval diff`.")] = None,
    as_json: Json = False, no_progress: NoProgress = False, debug: Debug = False,
) -> None:
    """Every suite and split apart (fresh stores), each next to the trivial baseline."""
    options = _options(locals())
    from eval.commands import suites

    _finish(ctx, suites, suites=options.pop("names"), **options)


@app.command("diff")
def diff_command(
    ctx: typer.Context,
    before: Annotated[Path, typer.Argument(help="The earlier run: a results.json or the folder `rag eval run "
                                                "--report` or `rag eval suites --report` wrote.")],
    after: Annotated[Path, typer.Argument(help="The later run, the same way.")],
    changes: Annotated[bool, typer.Option("--changes/--no-changes", help="List the questions whose outcome "
                                                                        "changed.")] = True,
    as_json: Json = False, debug: Debug = False,
) -> None:
    """Two runs over the same questions, question by question: each metric's change with its 95% interval."""
    options = _options(locals())
    from eval.commands import diff

    _finish(ctx, diff, **options)


@app.command("funnel")
def funnel_command(
    ctx: typer.Context,
    names: Annotated[Optional[str], typer.Argument(help="Comma-separated suite names (default: all).")] = None,
    split: Split = "all", as_json: Json = False, no_progress: NoProgress = False, debug: Debug = False,
) -> None:
    """Where answers are lost: retrieval, candidates, ranking or refusal, question by question (fresh stores)."""
    options = _options(locals())
    from eval.commands import funnel

    _finish(ctx, funnel, suites=options.pop("names"), **options)


@app.command("fit")
def fit_command(
    ctx: typer.Context,
    suites: Annotated[Optional[str], typer.Option(help="Dev suites to fit on, comma-separated (default: every "
                                                       "development suite).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the fitted weights; write nothing.")] = False,
    check: Annotated[bool, typer.Option("--check", help="Write nothing; instead refit without each fold of the "
                                                        "suites and answer its dev questions, beside the model in "
                                                        "use and the trivial answerers.")] = False,
    folds: Annotated[Optional[int], typer.Option(help="With --check: how many groups the suites are cut into, in "
                                                      "their order (default: 3).")] = None,
    check_on: Annotated[Optional[str], typer.Option(help="With --check: suites only answered (never fitted on), by "
                                                         "the fit on all the suites, comma-separated.")] = None,
    as_json: Json = False, no_progress: NoProgress = False, debug: Debug = False,
) -> None:
    """Fit the extractive answerer's ranker and refusal model on the dev splits (writes rag/answer_model.json)."""

    def fit(options: Any, settings: Settings) -> int:
        from eval.commands import UsageError, comma_separated
        from eval.fit_answerer import DEVELOPMENT_SUITES, fit as fit_model

        chosen = comma_separated(suites or ",".join(DEVELOPMENT_SUITES))
        if not chosen:
            raise UsageError("No suite named; give suite names separated by commas, or none for the development "
                             "suites.")  # fmt: skip
        if not check:
            if check_on is not None or folds is not None or as_json:
                raise UsageError("--folds, --check-on and --json go with --check; add --check to check a fit on "
                                 "left-out suites.")  # fmt: skip
            return fit_model(chosen, dry_run, settings)
        if dry_run:
            raise UsageError("--check writes nothing already; drop --dry-run.")
        from eval.fit_check import run_check

        def progress(step: str) -> None:
            if not no_progress:
                print(f"fit --check: {step}", file=sys.stderr, flush=True)

        return run_check(chosen, folds or 3, comma_separated(check_on), settings, as_json, progress)

    _finish(ctx, fit, debug=debug)


@app.command("from-feedback")
def from_feedback_command(
    ctx: typer.Context,
    feedback: Annotated[Optional[Path], typer.Option(help="Feedback file (default: RAG_DATA_DIR/feedback.jsonl).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Drafts file (default: RAG_DATA_DIR/eval-drafts.jsonl).")] = None,
    as_json: Json = False, debug: Debug = False,
) -> None:
    """Turn the UI's thumbs-down answers into draft evaluation items for a person to complete."""
    options = _options(locals())
    from eval.commands import from_feedback

    _finish(ctx, from_feedback, **options)


def _options(values: dict[str, Any]) -> dict[str, Any]:
    """A command's parameters as EvalOptions fields (`as_json` is `json`; the context and the rest are left out)."""
    from dataclasses import fields

    from eval.commands import EvalOptions

    renamed = {("json" if key == "as_json" else key): value for key, value in values.items()}
    names = {field.name for field in fields(EvalOptions)} | {"names"}
    return {key: value for key, value in renamed.items() if key in names}


def main(argv: list[str], settings: Settings) -> int:
    """`rag eval ARGS` in this process, with these settings; returns the exit code (tests call this)."""
    from rag.console import invoke

    return invoke(app, argv, "rag eval", obj=settings)
