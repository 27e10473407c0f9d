"""How a value answer stands in its sentence (rag.answer_features), on text written for these tests."""

from __future__ import annotations

from rag.answer_features import _specific


def test_a_bare_year_is_less_precise_than_a_full_date() -> None:
    assert _specific("2019") < _specific("March 4, 2019") == 1.0
    assert _specific("2019") > _specific("March")
    assert _specific("$4 million") == 1.0
