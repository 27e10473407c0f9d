"""The checks of rag.another_subject on text written for these tests."""

from __future__ import annotations

from tests.rag.candidate_helpers import _answers, _passage, _tagged


def test_a_sentence_about_a_namesake_does_not_answer_of_the_person_named() -> None:
    """"His son Tom Quell took over in 1981" does not answer "When did Harold Quell retire?"; it answers of Tom Quell
    and of Harold Quell's son, and a sentence naming both answers of either."""
    text = "Harold Quell opened the Orlow diner in 1950.\nHis son Tom Quell took over in 1981."
    passage = _passage(text, [*_tagged(text, "PERSON", "Harold Quell", "Tom Quell"), *_tagged(text, "DATE", "1950",
                                                                                         "1981")])  # fmt: skip
    assert "1981" not in _answers("When did Harold Quell retire?", passage)
    assert "1981" in _answers("When did Tom Quell take over the diner?", passage)
    assert "1981" in _answers("When did Harold Quell's son take over the diner?", passage)
    both = "Tom Quell took over from his father, Harold Quell, in 1981."
    passage = _passage(both, [*_tagged(both, "PERSON", "Harold Quell", "Tom Quell"), *_tagged(both, "DATE", "1981")])
    assert _answers("When did Harold Quell retire?", passage) == ["1981"]
    # a family member is often the one a who question asks for
    from rag.another_subject import names_a_namesake
    from rag.query import analyse

    wife = "He is survived by his wife of 60 years, Edna Quell."
    passage = _passage(wife, _tagged(wife, "PERSON", "Edna Quell"))
    constraints = analyse("Who was Harold Quell married to?").constraints
    assert not names_a_namesake(passage, 0, len(wife), constraints, "person")
    assert names_a_namesake(passage, 0, len(wife), constraints, "date")
