"""The index the evaluation runs against: the configured one (ingesting the corpus when it is empty), or a temp one."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from eval.dataset import EvalItem
from eval.metrics import quote_in_passage
from rag.assistant import Assistant
from rag.errors import SourcedError
from rag.library import ArticleRecord, IngestReport, open_assistant as open_library
from rag.progress import IngestProgress
from rag.settings import BUNDLED_ARTICLES_DIR, Settings


class EvalSetupError(SourcedError):
    """The index cannot serve the evaluation set (e.g. it lacks the articles the set cites)."""

    exit_code = 2


def open_assistant(settings: Settings, articles_dir: Path = BUNDLED_ARTICLES_DIR, show_progress: bool = False) -> Assistant:
    """An Assistant over the configured store; an empty library gets the corpus ingested first (rag.library)."""
    with IngestProgress(enabled=show_progress) as bar:
        opened = open_library(settings, articles_dir, progress=bar.update, on_skip=bar.skipped, trigger="eval")
    if opened.ingested is not None:
        _check_ingested(opened.ingested, articles_dir)
    return opened.assistant


def _check_ingested(report: IngestReport, articles_dir: Path) -> None:
    if report.skipped and not (report.added or report.updated or report.unchanged):
        raise EvalSetupError(f"Could not ingest the evaluation corpus from {articles_dir}: {report.skipped[0].reason}.")


def variant_assistant(settings: Settings, data_dir: Path, articles_dir: Path = BUNDLED_ARTICLES_DIR,
                      **overrides: Any) -> Assistant:
    """The corpus ingested into a fresh embedded store under `data_dir` with other settings (e.g. chunk_size)."""
    variant = settings.model_copy(update={"data_dir": data_dir, "chroma_host": None, "chroma_port": None, **overrides})
    return open_assistant(variant, articles_dir)


def source_names(articles: Iterable[ArticleRecord], articles_dir: Path) -> dict[str, str]:
    """Article id -> the article's file relative to `articles_dir`, as the dataset's `sources` name it.

    Ids are not file names (index/identity.py): the stored path of each article
    is what ties it to a `sources` entry. Articles from elsewhere are left out.
    """
    root = Path(articles_dir).expanduser().resolve()
    names: dict[str, str] = {}
    for record in articles:
        path = Path(record.path) if record.path else None
        if path is not None and path.is_relative_to(root):
            names[record.article_id] = path.relative_to(root).as_posix()
    return names


def check_index(assistant: Assistant, items: list[EvalItem], articles_dir: Path = BUNDLED_ARTICLES_DIR) -> list[str]:
    """Raise when articles the items cite are missing; return warnings about anything else that skews results."""
    records = assistant.articles()
    names = source_names(records, articles_dir)
    by_source = {names[record.article_id]: record for record in records if record.article_id in names}
    cited = sorted({source for item in items for source in item.sources})
    missing = [source for source in cited if source not in by_source]
    if missing:
        where = Path(assistant.settings.data_dir).expanduser()
        raise EvalSetupError(
            f"The index at {where} lacks {len(missing)} article(s) the evaluation set cites (e.g. {missing[0]}); "
            "ingest the sample corpus (rag ingest data/articles) or point RAG_DATA_DIR at an empty folder."
        )
    warnings: list[str] = []
    extra = len(records) - len(by_source)
    if extra:
        warnings.append(f"The index holds {extra} article(s) from outside {articles_dir}; "
                        "numbers may differ from the committed baseline.")
    lost = [
        f"{item.id}: {e.quote[:50]!r}"
        for item in items
        for e in item.evidence
        if not quote_in_passage(e.quote, by_source[e.source].text)
    ]
    if lost:
        warnings.append(f"{len(lost)} evidence quote(s) are not in the cleaned article text, so no passage can hold "
                        f"them (first: {lost[0]}); check index/cleaning.py or the item.")
    return warnings
