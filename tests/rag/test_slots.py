"""Where the question word stands to its verb (rag.slots), on questions written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("question", "slot"),
    [("Who's fixing the Lanford bridge?", "subject"), ("Who's going to build the Corvale jail?", "subject"),
     ("Who's been hired as Lanford's chief?", "object"), ("Who's the mayor of Corvale?", None)],
)  # fmt: skip
def test_who_s_is_read_as_who_is_or_who_has(question: str, slot: str | None) -> None:
    assert analyse(question).asked_slot == slot
