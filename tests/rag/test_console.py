"""`rag` writing into a pipe whose reader has left (`rag status | head -1`): a real process, its stdout the
write end of a pipe already closed for reading, ends quietly with exit code 141 and leaves no error file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.warm_process import ROOT

COMMANDS = {
    "status": ["status", "--no-check-endpoint"],
    "ask": ["ask", "How long did the July 3 call last?"],
    "ask --json": ["ask", "--json", "How long did the July 3 call last?"],
    "chat": ["chat"],
    "help": ["ask", "--help"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_output_into_a_closed_pipe_ends_quietly_with_141(command: str, sample_data_dir: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"  # where an error file would be written (tempfile reads TMPDIR)
    scratch.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment.update(RAG_DATA_DIR=str(sample_data_dir), TMPDIR=str(scratch), PYTHONPATH=str(ROOT))
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written: every write fails
    try:
        result = subprocess.run(
            [sys.executable, "-m", "rag.cli", *COMMANDS[command]], stdout=write_end, stderr=subprocess.PIPE,
            input="How long did the July 3 call last?\n", text=True, cwd=tmp_path, env=environment, timeout=180,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, "")
    assert list(scratch.glob("rag-error-*")) == []
