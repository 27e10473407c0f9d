"""Sentence boundaries in news prose (index/sentences.py)."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "title", ["Capt.", "Sgt.", "Det.", "Supt.", "Rev.", "Lt.", "Gov.", "Dr."],
)
def test_a_title_before_a_name_ends_no_sentence(title: str) -> None:
    text = f"The Tarnby council voted 5-2 to hire county sheriff's {title} Wenna Colquite. She starts May 1."
    assert sentences(text) == [
        f"The Tarnby council voted 5-2 to hire county sheriff's {title} Wenna Colquite.",
        "She starts May 1.",
    ]


def test_sentences_end_at_a_full_stop_before_a_capital_and_at_line_breaks() -> None:
    text = "Fares rise May 1. The board voted 4-1.\nRiders objected, said Ada Pell. A hearing is set."
    assert sentences(text) == ["Fares rise May 1.", "The board voted 4-1.", "Riders objected, said Ada Pell.",
                               "A hearing is set."]


def test_an_abbreviation_ends_a_word_only_as_a_word_of_its_own() -> None:
    """"Ms." before a name ends no sentence; "ATMs." ends one."""
    assert sentences("The branch has two ATMs. The lobby closes at 5.") == ["The branch has two ATMs.",
                                                                            "The lobby closes at 5."]
    assert sentences("She thanked Ms. Orrow for the report.") == ["She thanked Ms. Orrow for the report."]
