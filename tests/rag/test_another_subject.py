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


def test_a_hyphenated_surname_alone_is_the_person_named_not_a_namesake() -> None:
    """"Abernathy-Quell, who has worked in the office for 11 years" is Noor Abernathy-Quell by her surname, not a
    person whose given name is "Abernathy"."""
    text = "Abernathy-Quell, who has worked in the Orlow clerk's office for 11 years, said she would stay."
    passage = _passage(text, [*_tagged(text, "PERSON", "Abernathy-Quell"), *_tagged(text, "DATE", "11 years")])
    assert "11 years" in _answers("How long has Noor Abernathy-Quell worked in the Orlow clerk's office?", passage)
    # a given name written with an accent, or joined and apart, is the same given name
    from rag.another_subject import names_a_namesake
    from rag.query import analyse

    for question, text, name in [
        ("When did Renee Dubois retire?", "Renée Dubois, 61, retired from the Tarnby clinic in May.", "Renée Dubois"),
        ("When did Mary-Kate Orr join the board?", "Mary Kate Orr joined the Orlow board in May.", "Mary Kate Orr"),
    ]:
        passage = _passage(text, _tagged(text, "PERSON", name))
        assert not names_a_namesake(passage, 0, len(text), analyse(question).constraints, "date")


def test_an_article_naming_another_of_the_surname_and_never_the_first_name_asked_is_about_a_namesake() -> None:
    """"What did Ada Renn say about the levy?": an article about Donald Renn that says "Renn said ..." is not about
    her, although "Renn" holds in its sentences; one that names her, or calls her by a title it inflects, may be."""
    from rag.another_subject import namesake_articles
    from rag.constraint_checker import ConstraintChecker
    from rag.query import analyse

    about_donald = "Council member Donald Renn voted for the Orlow levy.\nRenn said the levy was fair."
    about_both = "Donald Renn and his wife, Ada Renn, spoke.\nRenn said the levy was fair."
    titled = "Councilors Ada Renn and Tom Pell voted no.\nCouncilor Pell said the levy was too large."
    passages = [_passage(text, _tagged(text, "PERSON", *names)) for text, names in
                ((about_donald, ["Donald Renn"]), (about_both, ["Donald Renn", "Ada Renn"]),
                 (titled, ["Ada Renn", "Tom Pell"]))]  # fmt: skip
    for i, passage in enumerate(passages):
        passage.article_id = f"article-{i}"

    def namesakes(question: str) -> frozenset[str]:
        constraints = analyse(question).constraints
        return namesake_articles(passages, constraints, ConstraintChecker(constraints, None).article_stems)

    assert namesakes("What did Ada Renn say about the levy?") == {"article-0"}
    assert namesakes("What did Donald Renn say about the levy?") == {"article-2"}  # there, "Renn" is Ada
    assert namesakes("What did Renn say about the levy?") == set()  # no first name asked: any Renn
    assert namesakes("Why did Councilor Pell vote no?") == set()  # "Councilors" names the title asked
