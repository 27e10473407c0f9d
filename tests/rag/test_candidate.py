"""Answer candidates and the sentences around them (rag.candidate) on text written for these tests."""

from __future__ import annotations

from rag.candidate import text_stems
from rag.text import stems


def test_a_hyphenated_word_is_also_read_as_one_word() -> None:
    assert set(stems("ceasefire")) <= text_stems("They demanded a 30-day cease-fire.")
    assert set(stems("email")) <= text_stems("She sent an e-mail to the board.")
    assert set(stems("cease fire")) <= text_stems("a cease-fire")
