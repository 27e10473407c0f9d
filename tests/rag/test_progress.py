"""The ingest progress bar: drawn only once there is something to embed."""

from __future__ import annotations

import pytest

from rag.progress import IngestProgress


def test_nothing_is_drawn_when_nothing_is_embedded(capsys: pytest.CaptureFixture[str]) -> None:
    # `rag serve` on a library that needs no ingest (or a store that fails at opening): stderr keeps
    # only its own sentences, never the frame of an empty bar
    with IngestProgress(enabled=True) as bar:
        bar.update(0, 0)
        bar.say("Repaired the store: nothing.")
    assert capsys.readouterr().err == "Repaired the store: nothing.\n"


def test_the_bar_counts_the_chunks_once_there_are_some(capsys: pytest.CaptureFixture[str]) -> None:
    with IngestProgress(enabled=True) as bar:
        bar.update(0, 12)
        bar.update(12, 12)
    err = capsys.readouterr().err
    assert "Embedding:" in err and "12/12" in err
    with IngestProgress(enabled=False) as bar:
        bar.update(3, 12)
    assert capsys.readouterr().err == ""
