"""Helpers for the eval tests: running `rag eval` in-process and small evaluation sets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pytest

from eval.dataset import DEFAULT_DATASET

if TYPE_CHECKING:
    from eval.suites import Suite


@dataclass
class EvalRun:
    code: int
    out: str
    err: str

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture()
def run_eval(sample_settings, capsys) -> Callable[..., EvalRun]:  # type: ignore[no-untyped-def]
    """`rag eval ARGS` in-process over the session's ingested sample store."""
    from eval.cli import main

    def run(*args: str, settings=None) -> EvalRun:  # type: ignore[no-untyped-def]
        capsys.readouterr()
        code = main([*args, "--no-progress"], settings or sample_settings)
        captured = capsys.readouterr()
        return EvalRun(code, captured.out, captured.err)

    return run


def dataset_lines(*ids: str) -> list[dict]:
    wanted = set(ids)
    lines = [json.loads(l) for l in DEFAULT_DATASET.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [line for line in lines if line["id"] in wanted]


def two_split_suite(folder: Path, name: str = "tiny") -> "Suite":
    """A suite over the bundled articles whose dev split holds one answerable question (q006) and whose test
    split one unanswerable question (q074), its files written to `folder`."""
    from eval.suites import Suite
    from rag.settings import BUNDLED_ARTICLES_DIR

    files = {}
    for split, ids in (("dev", ("q006",)), ("test", ("q074",))):
        files[split] = folder / f"{split}.jsonl"
        files[split].write_text("\n".join(json.dumps(line) for line in dataset_lines(*ids)) + "\n", encoding="utf-8")
    return Suite(name, BUNDLED_ARTICLES_DIR, files)


# An item no answer can pass: its fact is a nonsense word (its source and quote are real).
IMPOSSIBLE = {
    "id": "zz-impossible", "question": "Which White House spokesperson said the US was halting some military aid?",
    "answerable": True, "reference": "Qqzzxv.", "facts": [["qqzzxv"]], "sources": ["000_037889587b53874b.txt"],
    "evidence": [{"source": "000_037889587b53874b.txt", "quote": "White House spokeswoman Anna Kelly"}],
    "type": "factoid",
}


@pytest.fixture()
def small_dataset(tmp_path: Path) -> Path:
    """Three items: an answerable one, the impossible one, an unanswerable one."""
    path = tmp_path / "small.jsonl"
    lines = [*dataset_lines("q006", "q074"), IMPOSSIBLE]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path
