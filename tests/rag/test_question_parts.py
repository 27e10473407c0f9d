"""The questions of a compound one (rag.question_parts), on questions written for these tests."""

from __future__ import annotations

from rag.query import analyse


def test_a_compound_question_is_split_where_and_starts_a_new_question() -> None:
    compound = analyse("What rating did the storm get in Dorsey, and when did the survey team visit?")
    assert [(p.question, p.answer_type) for p in compound.parts] == [
        ("What rating did the storm get in Dorsey?", "description"),
        ("When did the survey team visit?", "date"),
    ]
    assert analyse("Who won and when?").parts == ()
    assert analyse("When did Ashby and Corliss sign the merger?").parts == ()


def test_a_part_that_counts_without_a_noun_counts_what_the_part_before_counts() -> None:
    compound = analyse("How many jobs did Orlow lose, and how many does the new Tellbury plant expect to create?")
    assert [(p.question, p.focus) for p in compound.parts] == [
        ("How many jobs did Orlow lose?", "job"),
        ("How many jobs does the new Tellbury plant expect to create?", "job"),
    ]
    amounts = analyse("How much rain fell in Orlow, and how much did Tellbury get?")
    assert [p.question for p in amounts.parts][1] == "How much rain did Tellbury get?"
    # a part that says what it counts keeps its own noun
    own = analyse("How many jobs did Orlow lose, and how many workers did the Tellbury plant hire?")
    assert [p.focus for p in own.parts] == ["job", "worker"]


def test_a_part_takes_only_a_noun_counted_as_it_counts() -> None:
    """"how much" measures what "how many" does not count: "How much jobs will ... cost?" is no question."""
    jobs = analyse("How many jobs did Wenlow lose, and how much will the new Harwick plant cost?")
    assert [p.question for p in jobs.parts][1] == "How much will the new Harwick plant cost?"
    rain = analyse("How much rain fell in Wenlow, and how many were left without power?")
    assert [p.question for p in rain.parts][1] == "How many were left without power?"
