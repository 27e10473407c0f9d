"""Integrity of every extra evaluation corpus under eval/corpora/.

A corpus folder holds `articles/` and one or more evaluation sets (`*.jsonl`,
e.g. a dev and a frozen test split) whose sources are file names under
`articles/`. Every such folder is checked the same way, so a corpus added later
is covered without touching this file.
"""

from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path

import pytest

from eval.dataset import DatasetError, corpus_problems, load_dataset
from eval.metrics import quote_in_passage
from index.cleaning import clean_article
from index.loaders import SkippedFile, load_document

CORPORA_ROOT = Path(__file__).resolve().parents[2] / "eval" / "corpora"


def corpus_folders(root: Path = CORPORA_ROOT) -> list[Path]:
    """Folders under `root` with an `articles/` folder and at least one `*.jsonl` set."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "articles").is_dir() and any(p.glob("*.jsonl")))


def _question_key(line: dict) -> str:
    # a conversation is identified by its sequence of turns
    questions = [line.get("question") or ""] if not line.get("turns") else [t.get("question", "") for t in line["turns"]]
    return " / ".join(re.sub(r"\s+", " ", q).strip().casefold() for q in questions)


def folder_problems(folder: Path) -> list[str]:
    """Everything wrong with one corpus folder, one sentence each; [] when it is consistent."""
    articles = folder / "articles"
    problems: list[str] = []
    raw: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        try:
            items = load_dataset(path)
        except DatasetError as exc:
            problems.append(str(exc))
            continue
        problems += [f"{path.name}: {p}" for p in corpus_problems(items, articles)]
        raw[path.name] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    owners: dict[str, str] = {}
    for name, lines in raw.items():
        for line in lines:
            if line["id"] in owners and owners[line["id"]] != name:
                problems.append(f"id {line['id']!r} is in both {owners[line['id']]} and {name}")
            owners.setdefault(line["id"], name)
    for (name_a, lines_a), (name_b, lines_b) in combinations(raw.items(), 2):
        shared = {_question_key(l) for l in lines_a} & {_question_key(l) for l in lines_b}
        problems += [f"{name_a} and {name_b} both ask {q!r}" for q in sorted(shared)]

    cleaned: dict[str, str | None] = {}
    for name, lines in raw.items():
        for line in lines:
            for evidence in line["evidence"]:
                source = evidence["source"]
                if source not in cleaned:
                    try:
                        cleaned[source] = clean_article(load_document(articles / source).text).text
                    except SkippedFile:
                        cleaned[source] = None  # reported above as a missing source, or unreadable
                text = cleaned[source]
                if text is not None and not quote_in_passage(evidence["quote"], text):
                    problems.append(f"{name}: {line['id']}: quote {evidence['quote'][:50]!r} does not survive cleaning "
                                    f"of {source}")
    return problems


def test_there_is_a_corpus_to_check() -> None:
    assert corpus_folders(), f"no corpus folder (articles/ plus *.jsonl) under {CORPORA_ROOT}"


@pytest.mark.parametrize("folder", corpus_folders(), ids=lambda p: p.name)
def test_corpus_folder_is_consistent(folder: Path) -> None:
    assert folder_problems(folder) == []


# --- the checks themselves catch what they are for ----------------------------------------

ARTICLE = (
    "Riverton Gazette\n\n"
    "Riverton council approves pool repairs\n\n"
    "By Sam Example\n\n"
    "The Riverton council voted 3-2 on Monday to spend $40,000 repairing the town pool.\n\n"
    "Sign up for our free newsletter to get Riverton news in your inbox.\n"
)


def _item(id: str, question: str, quote: str = "voted 3-2 on Monday", source: str = "pool.txt") -> dict:
    return {"id": id, "type": "numeric", "question": question, "answerable": True, "reference": "3-2.",
            "facts": [["3-2"]], "sources": [source], "evidence": [{"source": source, "quote": quote}]}


def _corpus(tmp_path: Path, dev: list[dict], test: list[dict]) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "pool.txt").write_text(ARTICLE, encoding="utf-8")
    for name, lines in (("dev", dev), ("test", test)):
        (tmp_path / f"{name}.jsonl").write_text("\n".join(json.dumps(l) for l in lines) + "\n", encoding="utf-8")
    return tmp_path


def test_a_consistent_folder_has_no_problems(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, [_item("a", "What was the vote on the pool?")], [_item("b", "How much for the pool?")])
    assert corpus_folders(tmp_path.parent) and folder_problems(folder) == []


@pytest.mark.parametrize(
    ("dev", "test", "message"),
    [
        ([_item("a", "Q one?")], [_item("a", "Q two?")], "is in both dev.jsonl and test.jsonl"),
        ([_item("a", "What was the vote?")], [_item("b", "what  was the VOTE?")], "both ask"),
        ([_item("a", "Q one?", quote="voted 4-1 on Monday")], [_item("b", "Q two?")], "is not in pool.txt"),
        ([_item("a", "Q one?", source="gone.txt")], [_item("b", "Q two?")], "does not exist"),
        ([_item("a", "Q one?", quote="Sign up for our free newsletter")], [_item("b", "Q two?")],
         "does not survive cleaning"),
        ([{**_item("a", "Q one?"), "facts": []}], [_item("b", "Q two?")], "needs facts"),
    ],
)
def test_each_kind_of_problem_is_reported(tmp_path: Path, dev: list[dict], test: list[dict], message: str) -> None:
    problems = folder_problems(_corpus(tmp_path, dev, test))
    assert any(message in p for p in problems), problems
