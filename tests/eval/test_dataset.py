"""The evaluation set's integrity against the sample corpus, and the loader's validation."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.dataset import DEFAULT_DATASET, DatasetError, corpus_problems, expand_cases, load_dataset, select_items
from rag.settings import BUNDLED_ARTICLES_DIR


@pytest.fixture(scope="module")
def raw_lines() -> list[dict]:
    return [json.loads(line) for line in DEFAULT_DATASET.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_ids_are_unique(raw_lines: list[dict]) -> None:
    repeated = [i for i, n in Counter(line["id"] for line in raw_lines).items() if n > 1]
    assert not repeated


def test_every_source_exists_and_every_quote_is_an_exact_substring_of_its_article(raw_lines: list[dict]) -> None:
    for line in raw_lines:
        for source in line["sources"]:
            assert (BUNDLED_ARTICLES_DIR / source).is_file(), f"{line['id']}: {source} missing"
        for evidence in line["evidence"]:
            text = (BUNDLED_ARTICLES_DIR / evidence["source"]).read_text(encoding="utf-8")
            assert evidence["quote"] in text, f"{line['id']}: quote not verbatim in {evidence['source']}"
    assert corpus_problems(load_dataset(), BUNDLED_ARTICLES_DIR) == []


def test_the_set_is_large_and_varied_enough() -> None:
    items = load_dataset()
    types = Counter(item.type for item in items)
    assert len(items) >= 50
    assert types["unanswerable"] >= 10 and types["conversation"] >= 5
    assert all(item.answerable == (item.type != "unanswerable") for item in items)


def test_evidence_quotes_survive_cleaning(assistant) -> None:  # type: ignore[no-untyped-def]
    """Passages are slices of the cleaned text: a quote cleaning altered could never be retrieved."""
    from eval.corpus import check_index

    warnings = check_index(assistant, load_dataset())
    assert not [w for w in warnings if "not in the cleaned article text" in w]


def test_conversation_turns_get_the_evidence_holding_their_facts() -> None:
    item = next(i for i in load_dataset() if i.id == "c02")
    cases = expand_cases(item)
    assert [c.case_id for c in cases] == ["c02#1", "c02#2", "c02#3"]
    assert len(cases[1].evidence) == 1 and "movies" in cases[1].evidence[0].quote
    assert all(c.item_id == "c02" and c.type == "conversation" for c in cases)


def test_select_items_by_type_and_limit() -> None:
    items = load_dataset()
    chosen = select_items(items, ["numeric", "date"], 4)
    assert len(chosen) == 4 and {i.type for i in chosen} <= {"numeric", "date"}


def _write(path: Path, *lines: dict | str) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines), encoding="utf-8")
    return path


GOOD = {"id": "a", "question": "Who?", "answerable": True, "reference": "X.", "facts": [["X"]],
        "sources": ["s.txt"], "evidence": [{"source": "s.txt", "quote": "X"}], "type": "factoid"}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([GOOD, GOOD], "repeats the id"),
        (["{not json"], "not valid JSON"),
        ([{**GOOD, "facts": []}], "needs facts"),
        ([{**GOOD, "evidence": [{"source": "other.txt", "quote": "X"}]}], "evidence source"),
        ([{**GOOD, "answerable": False}], "unanswerable"),
        ([{**GOOD, "draft": True}], "draft"),
        ([{**GOOD, "type": "opinion"}], "type"),
    ],
)
def test_loader_names_the_bad_line(tmp_path: Path, lines: list, message: str) -> None:
    with pytest.raises(DatasetError, match=message):
        load_dataset(_write(tmp_path / "set.jsonl", *lines))


def test_loader_accepts_a_valid_file(tmp_path: Path) -> None:
    assert [i.id for i in load_dataset(_write(tmp_path / "set.jsonl", GOOD, "", {**GOOD, "id": "b"}))] == ["a", "b"]
