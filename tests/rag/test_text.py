"""Text primitives (rag.text) on words written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("noun", "other"), [("people", "person"), ("children", "child"), ("woman", "women")])
def test_a_noun_with_an_irregular_plural_has_the_stems_of_both_numbers(noun: str, other: str) -> None:
    from rag.text import noun_stems, stems

    assert set(stems(other)) <= noun_stems(noun)


def test_a_regular_noun_has_its_own_stems_only() -> None:
    from rag.text import noun_stems, stems

    assert noun_stems("firefighters") == set(stems("firefighter"))
