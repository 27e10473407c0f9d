"""Question analysis (rag.query) on questions written for these tests: what the analysis gathers beside its parts."""

from __future__ import annotations

from rag.query import analyse


def test_questions_to_the_assistant_are_recognised() -> None:
    assert analyse("Do you use cookies?").about_the_assistant
    assert analyse("What is your name?").about_the_assistant
    assert not analyse("Did the council say you can appeal the fee?").about_the_assistant
    assert not analyse("What did the mayor tell you?").about_the_assistant
