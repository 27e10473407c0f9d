"""Candidate features (rag.candidates) on text written for these tests."""

from __future__ import annotations

from rag.candidates import _specific, text_stems
from rag.text import stems


def test_a_hyphenated_word_is_also_read_as_one_word() -> None:
    assert set(stems("ceasefire")) <= text_stems("They demanded a 30-day cease-fire.")
    assert set(stems("email")) <= text_stems("She sent an e-mail to the board.")
    assert set(stems("cease fire")) <= text_stems("a cease-fire")


def test_a_bare_year_is_less_precise_than_a_full_date() -> None:
    assert _specific("2019") < _specific("March 4, 2019") == 1.0
    assert _specific("2019") > _specific("March")
    assert _specific("$4 million") == 1.0
