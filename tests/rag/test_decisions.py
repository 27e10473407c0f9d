"""The checks of rag.decisions on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.rag.candidate_helpers import _flags, _value_candidate

if TYPE_CHECKING:
    from rag.candidate import Candidate


def test_a_body_that_voted_to_do_something_else_is_not_who_did_what_is_asked() -> None:
    """"The Tarrow Board of Education voted to hire Dana Lisle as superintendent": the board voted and hired; it
    did not become superintendent. A vote tells who approved or rejected, and the one hired is no decider."""
    from rag.decisions import decided_another_thing

    text = "The Tarrow Board of Education voted 5-0 on Monday to hire Dana Lisle as superintendent."
    board = "The Tarrow Board of Education"
    assert _flags(decided_another_thing, "Who became Tarrow's superintendent?", text, board, "ORG")
    assert not _flags(decided_another_thing, "Who hired Dana Lisle?", text, board, "ORG")
    assert not _flags(decided_another_thing, "Who became Tarrow's superintendent?", text, "Dana Lisle", "PERSON")
    against = "The Tarrow Board of Education voted 4-1 against the busing plan on Monday."
    assert not _flags(decided_another_thing, "Who rejected the Tarrow busing plan?", against, board, "ORG")


def test_a_person_who_voted_and_a_vote_without_a_to_clause_tell_who_did_it() -> None:
    """"Council member Rita Okafor voted against the plan" tells who opposed it, and a mayor who "decided to veto"
    the budget is who blocked it; "voted against" has no other doer."""
    from rag.decisions import decided_another_thing

    plan = "Council member Rita Okafor voted against the parking plan drawn up by City Manager Dale Pruitt."
    assert not _flags(decided_another_thing, "Who opposed the parking plan?", plan, "Rita Okafor", "PERSON")
    veto = "Mayor Dana Orme decided to veto the budget passed by the Wexcombe City Council."
    assert not _flags(decided_another_thing, "Who blocked the budget?", veto, "Dana Orme", "PERSON")
    council = "The Wexcombe Town Council voted against the parking plan drawn up by City Manager Dale Pruitt."
    assert not _flags(decided_another_thing, "Who opposed the parking plan?", council, "The Wexcombe Town Council",
                      "ORG")  # fmt: skip


def test_only_a_name_in_what_was_decided_is_decided_upon() -> None:
    """"voted to prohibit fireworks, over objections from Mayor Lena Vasko": the mayor objected; the name the
    decision is about is the one hired, not one set off by a comma."""
    from rag.decisions import decided_upon

    hire = _value_candidate("The Ashcombe Board of Education voted 5-0 to hire Marcus Reid as superintendent.",
                            "The Ashcombe Board of Education", "ORG")  # fmt: skip
    assert decided_upon(hire, _same(hire, "Marcus Reid", "PERSON"))
    ban = _value_candidate("The Wexcombe Town Council voted 4-3 to prohibit fireworks, over objections from Mayor "
                           "Lena Vasko.", "The Wexcombe Town Council", "ORG")  # fmt: skip
    assert not decided_upon(ban, _same(ban, "Lena Vasko", "PERSON"))


def _same(first: "Candidate", value: str, label: str) -> "Candidate":
    """Another value candidate of `first`'s sentence."""
    from rag.candidate import Candidate

    start = first.passage.text.index(value)
    return Candidate(0, first.passage, first.start, first.end, {}, [(start, start + len(value), label)])
