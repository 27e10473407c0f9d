"""The role a "Who ...?" question asks the holder of (rag.asked_roles), on questions written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who is the prosecutor handling the case against Tam Ollerby?", "prosecutor"),
        ("Who was the county's new engineer?", "engineer"),
        ("Who was the second man the deputies were looking for?", None),  # anyone, not a role
        ("Who is Tam Ollerby?", None),  # asks about a name
        # a verb of leading asks for whoever holds its titles
        ("Who chairs the Dunmere planning board?", "chair chairman chairwoman chairperson"),
        ("Who is a candidate for mayor?", None),  # any one of them
        # a title written with a capital is a role all the same, not a name
        ("Who was the Orlow City Council President at the hearing?", "president"),
        ("Who is the Mayor of Dunmere?", "mayor"),
        ("Who is Mayor Quist?", None),  # asks about a name
        # a unique post takes no article
        ("Who is president of the Dunmere irrigation board?", "president"),
        ("Who was mayor of Dunmere in 2019?", "mayor"),
        ("Who is part of the Dunmere planning board?", None),
        # leading or owning, seldom a title before a name ("Police Chief Omar Reyes", "owned by Harrow Textiles")
        ("Who is head of the Dunmere police department?", None),
        ("Who is owner of the Dunmere mill?", None),
        # the noun's participle has lost its preposition's object to "who": whom it is done to or by, no role
        ("Who is the new Tesk library named after?", None),
        ("Who was the Velt paving contract awarded to?", None),
        ("Who is the prosecutor named in the Orby lawsuit?", "prosecutor"),
        ("Who was the Orby arts grant given to?", None),
        # (a preposition that lost its object further down is not the participle's own)
        ("Who is the contractor chosen for the project Orby applied for?", "contractor"),
        # a progressive the model read as "is" and a noun: who does it, not who the thing is
        ("Who's mapping Tesk's stormwater pipes?", None),
        ("Who's the acting chief in Orby?", "chief"),
    ],
)
def test_who_is_the_n_asks_for_the_holder_of_a_role(question: str, role: str | None) -> None:
    assert analyse(question).role == role


def test_who_heads_runs_or_owns_something_asks_for_whoever_holds_its_title() -> None:
    assert "director" in (analyse("Who heads the Orlow Trust?").role or "").split()
    assert "owner" in (analyse("Who runs the Orlow marina?").role or "").split()
    assert analyse("Who is the director of the Orlow Trust?").role == "director"
    assert analyse("Who won the Orlow race?").role is None
    assert analyse("Who is running for mayor of Orlow?").role is None  # runs for an office, runs nothing


@pytest.mark.parametrize(("question", "post"), [
    # the post after a verb's "as": the one asked for is to hold it
    ("Who was hired as Tesk's town auditor?", "auditor"),
    ("Who will serve as the Orby library's interim director?", "director"),
    ("Whom did the Tesk board hire as its clerk?", "clerk"),
    ("Who was sworn in as Orby County's coroner?", "coroner"),
    # not any one of a kind, no post at all, nor what something is called
    ("Who was hired as a consultant for the Orby pool?", None),
    ("Who was hired by the Orby board?", None),
    ("Who described fuel costs as the chief worry for Orby Freight?", None),
    ("When was Ada Quist hired as Orby's auditor?", None),
    # a post named by the words before "officer", which another title may be ("CFO")
    ("Who will take over as Orby Freight's chief financial officer?", None),
])  # fmt: skip
def test_who_is_put_in_a_post_by_as_asks_for_the_one_who_holds_it(question: str, post: str | None) -> None:
    analysis = analyse(question)
    assert analysis.post == post
    assert analysis.role is None
