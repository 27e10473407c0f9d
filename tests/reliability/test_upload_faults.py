"""An upload whose store fails part-way loses nothing and duplicates nothing, on a real `chroma run` server.

The server is stopped after two of four uploaded articles are committed: those two
stay in the library with their files, the other two are refused with the store's
sentence and their files removed; with the server back, uploading the same four
files again adds exactly the missing two (the others are recognised), so the
library ends with each article once. Before, every file of the failed upload was
removed although two of its articles were in, and the retry added those two again
as "name (2).md".
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import make_settings
from tests.index.conftest import CHROMA_CLI, _heartbeat, assert_consistent, free_port

# Articles written for this test, one passage each.
ARTICLES = {
    "tram depot.md": "Tram depot opens\nThe Harrowgate tram depot opened on Friday with room for thirty-two trams.\n",
    "village wells.md": "Wells restored\nVolunteers in Brackwater restored the three village wells over the summer.\n",
    "winter ferry.md": "Winter ferry\nThe Kellin ferry will add a 17:30 winter crossing from November, the operator said.\n",
    "market hall.md": "Market hall\nThe Oxley market hall will reopen in spring after its roof was replaced for 2 million pounds.\n",
}


class ChromaProcess:
    """A `chroma run` server of this test alone, which it may stop and start again on the same port and files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.host, self.port = "127.0.0.1", free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = (self.folder / "chroma.log").open("ab")
        self.process = subprocess.Popen(
            [str(CHROMA_CLI), "run", "--path", str(self.folder / "db"), "--host", self.host, "--port", str(self.port)],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        log.close()
        deadline = time.monotonic() + 60
        while not _heartbeat(self.host, self.port):
            assert self.process.poll() is None and time.monotonic() < deadline, "chroma run did not start"
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


@pytest.fixture()
def chroma(tmp_path: Path) -> Iterator[ChromaProcess]:
    server = ChromaProcess(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def received(tmp_path: Path) -> list[tuple[Path, str]]:
    """The four files as Gradio hands them over: temporary copies, with the names the user chose."""
    folder = tmp_path / "received"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [(folder / name, name) for name in ARTICLES]


def test_an_upload_whose_store_fails_part_way_keeps_what_was_committed_and_the_retry_adds_only_the_rest(
    chroma: ChromaProcess, tmp_path: Path, encoder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.uploads
    from rag.assistant import Assistant
    from rag.services import build_store
    from ui.uploads import accept_uploads, uploads_dir

    import index.pipeline

    # one article per commit (the uploads' group size, and the pipeline's default as the code before used it)
    monkeypatch.setattr(ui.uploads, "UPLOAD_GROUP_CHUNKS", 1, raising=False)
    monkeypatch.setattr(index.pipeline, "EMBED_GROUP_CHUNKS", 1)
    settings = make_settings(tmp_path / "data", chroma_host=chroma.host, chroma_port=chroma.port)
    assistant = Assistant(settings, build_store(settings, encoder).open_for_writing(), encoder)
    files = received(tmp_path)

    def store_dies_after_two(done: int, total: int) -> None:
        if done == 2 and chroma.running:  # two articles committed, the third not yet written
            chroma.stop()

    failed = accept_uploads(assistant, files, progress=store_dies_after_two)

    assert not chroma.running, "the failure was not injected during the upload"
    kept = ["tram depot.md", "village wells.md"]
    assert failed.refused == ["winter ferry.md", "market hall.md"], failed
    (problem,) = failed.problems
    assert re.fullmatch(
        rf"The Chroma server at 127\.0\.0\.1:{chroma.port} stopped answering during the write, and the 2 articles "
        r"written before are kept; start it again \(.+\) and rerun `rag ingest` \(or the upload\) to add the rest\.",
        problem,
    ), problem
    assert len(failed.added) == 2 and len(failed.notes) == 2 and all(n.startswith("Added “") for n in failed.notes)
    # the files of the committed articles stay (they are in the library); the others are gone
    assert sorted(p.name for p in uploads_dir(settings.data_dir).iterdir()) == sorted(kept)

    chroma.start()
    retried = accept_uploads(assistant, files)

    assert retried.ok and retried.refused == [], retried
    assert sorted(retried.added) == sorted({*failed.added, *retried.added}) and len(set(retried.added)) == 4
    assert sorted(n for n in retried.notes if n.endswith("is already in the library, unchanged.")) == [
        f"{name} is already in the library, unchanged." for name in sorted(kept)
    ]
    # each article once, each file once under its own name, passages whole in Chroma and the keyword index
    assert sorted(p.name for p in uploads_dir(settings.data_dir).iterdir()) == sorted(ARTICLES)
    store = build_store(settings, encoder).open_for_reading()
    records = store.article_records()
    assert sorted(Path(r.path).name for r in records) == sorted(ARTICLES)
    assert_consistent(store)
    assert sorted(p.passage_id for p in store.keyword.all_passages()) == sorted(store.all_passage_ids())
