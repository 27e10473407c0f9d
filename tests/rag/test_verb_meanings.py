"""Verbs of one act in other words (rag.verb_meanings), on sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("asked", "sentence", "verb", "same"), [
    ("catch", "Police arrested the man in Quell.", "arrested", True),
    ("close", "The mill shut down in June.", "shut", True),
    ("hire", "The board appointed Ada Quist.", "appointed", True),
    ("approve", "The council rejected the plan.", "rejected", False),  # another outcome, not the same act
    ("hire", "The board fired Ada Quist.", "fired", False),
    ("quit", "Coach Orla Venn stepped down on Friday.", "stepped", True),
    ("postpone", "The Tesk Players pushed back their opening night.", "pushed", True),
    ("delay", "The county put off the Quarle Road repaving.", "put", True),
    ("cancel", "Organizers scrapped the Ellwick parade.", "scrapped", True),
    ("cancel", "Organizers called off the Ellwick parade.", "called", True),
    ("cancel", "Organizers called the Ellwick parade a success.", "called", False),
    ("land", "The village won a state grant in August.", "won", True),
    ("finalize", "The county completed the Quarle sale on May 2.", "completed", True),
    ("land", "The village lost its bid for a state grant.", "lost", False),
    # laying off workers cuts jobs
    ("cut", "The Orlow mill laid off 40 workers.", "laid", True),
    ("cut", "Organizers slashed ticket prices.", "slashed", False),  # no laying off
    ("cut", "The Orlow mill laid new floors.", "laid", False),
])  # fmt: skip
def test_a_verb_of_the_same_act_in_other_words(asked: str, sentence: str, verb: str, same: bool) -> None:
    from index.nlp import sentence_parse
    from rag.verb_meanings import same_act

    token = next(t for t in sentence_parse(sentence) if t.text == verb)
    assert same_act(asked, token) is same
