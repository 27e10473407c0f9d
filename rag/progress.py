"""The ingest progress bar on stderr, as `rag ingest`, `rag serve`'s first start and `rag eval` draw it.

    with IngestProgress(enabled=sys.stderr.isatty()) as bar:
        report = ingest_paths(settings, paths, progress=bar.update, on_skip=bar.skipped)

Skipped files are named on stderr as they are met, whether or not the bar is drawn.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class IngestProgress:
    """A tqdm bar of chunks embedded (hidden when `enabled` is false) plus lines written above it.

    The bar is drawn from the first update with something to embed: a run with nothing to
    embed, or one that fails first (a damaged store at `rag serve`'s start), leaves stderr
    to its own sentences."""

    def __init__(self, enabled: bool, description: str = "Embedding") -> None:
        from tqdm import tqdm

        self._tqdm = tqdm
        self._enabled = enabled
        self._description = description
        self._bar: Any = None

    def update(self, done: int, total: int) -> None:
        if self._bar is None:
            if not total:
                return
            self._bar = self._tqdm(total=total, unit="chunk", desc=self._description, file=sys.stderr,
                                   disable=not self._enabled, leave=False)
        self._bar.total = total
        self._bar.n = done
        self._bar.refresh()

    def say(self, message: str) -> None:
        """A line on stderr that does not break the bar."""
        self._tqdm.write(message, file=sys.stderr)

    def skipped(self, skipped: Any) -> None:
        self.say(f"Skipped {skipped.path}: {skipped.reason}")

    def __enter__(self) -> "IngestProgress":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
