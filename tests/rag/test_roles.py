"""The checks of rag.roles on text written for these tests."""

from __future__ import annotations

import pytest

from tests.rag.candidate_helpers import _answers, _passage, _tagged


@pytest.mark.parametrize(("text", "name", "label", "holds"), [
    ("The Tarnby school board named Dana Lisle its new superintendent on Monday.", "Dana Lisle", "PERSON", True),
    ("The city hired a Tarrow firm named Orrel Design as architect for the new library.", "Orrel Design", "ORG",
     True),
    ("A Tarrow firm called Hesketh Partners will serve as architect for the new library.", "Hesketh Partners", "ORG",
     True),
    ("A group called Save Hollin sued the architect of the new library on Monday.", "Save Hollin", "ORG", False),
])  # fmt: skip
def test_a_word_of_naming_gives_a_role_named_right_after_the_name(text: str, name: str, label: str,
                                                                  holds: bool) -> None:  # fmt: skip
    """"named Dana Lisle its new superintendent": the role's noun follows the name, with only "as", "its new",
    "will serve as" between; "called Save Hollin sued the architect" gives the group no role."""
    from rag.roles import names_the_focus
    from rag.text import stems

    start = text.index(name)
    role = "superintendent" if "superintendent" in text else "architect"
    assert names_the_focus(text, (start, start + len(name), label), set(stems(role)), set(), (0, len(text)),
                            True) is holds  # fmt: skip


@pytest.mark.parametrize(("question", "text", "another"), [
    ("Who is president of the Tarnby teachers union?", "Board President Ada Renn said the vote was 5-2.", True),
    ("Who is president of the Tarnby school board?", "Board President Ada Renn said the vote was 5-2.", False),
    ("Who is president of the Tarnby teachers union?", "Union President Ada Renn said members voted.", False),
    ("Who is president of the Tarnby teachers union?", "President Ada Renn said members voted.", False),
])  # fmt: skip
def test_the_head_of_another_body_does_not_answer_for_the_body_asked(question: str, text: str,
                                                                    another: bool) -> None:  # fmt: skip
    from rag.roles import head_of_another_body

    at = text.index("Ada Renn")
    assert head_of_another_body("president", question, text, (at, at + 8), (0, len(text))) is another
    passage = _passage(text, _tagged(text, "PERSON", "Ada Renn"), "Tarnby", "Oxley Star")
    assert ("Ada Renn" in _answers(question, passage)) is not another


@pytest.mark.parametrize(
    ("role", "question", "text", "name", "another"),
    [
        # the kind before the role: a word of status, a lowercase noun, a possessive
        ("chief", "Who will be Tarnby's permanent police chief?", "Deputy Chief Ada Renn will serve as interim chief "
         "until the search ends.", "Ada Renn", True),
        ("driver", "What is the name of the sedan driver who was hurt?", "The van's driver, Dale Orrin, 52, had minor "
         "injuries.", "Dale Orrin", True),
        ("coach", "Who is the head coach at Tarnby High?", "Assistant coach Bo Lisle ran Tuesday's practice.",
         "Bo Lisle", True),
        ("director", "Who is Tarnby's finance director?", "The roof leaks, library director Ada Renn said.",
         "Ada Renn", True),  # a noun the role is a compound of
        # the same kind, a kind of one meaning, or no kind on either side
        ("chief", "Who is Tarnby's acting police chief?", "The council named Ada Renn interim chief.", "Ada Renn",
         False),
        ("driver", "What is the name of the sedan driver who was hurt?", "The sedan's driver, Dale Orrin, 52, was "
         "flown to Orlow General.", "Dale Orrin", False),
        ("chief", "Who is Tarnby's new police chief?", "The council named Ada Renn interim police chief.", "Ada Renn",
         False),
        ("principal", "Who is the new principal of Tarnby Middle School?", "Tarnby Middle School Principal Ada Renn "
         "will retire in June.", "Ada Renn", False),
        # a service's word in capitals right before the title is its kind ("Fire Chief")
        ("chief", "Who is the police chief in Tarnby?", "Fire Chief Ada Renn said crews went door to door.",
         "Ada Renn", True),
        ("chief", "Who is the fire chief in Tarnby?", "Fire Chief Ada Renn said crews went door to door.",
         "Ada Renn", False),
        ("chief", "Who is the chief of the Tarnby police?", "Deputy Chief Ada Renn spoke for the department.",
         "Ada Renn", False),
        # a post under the one named is another post, whether the title has a kind of its own or none
        ("chief", "Who is the deputy fire chief in Tarnby?", "Tarnby Fire Chief Ada Renn said crews went door to "
         "door.", "Ada Renn", True),
        ("chief", "Who is Tarnby's deputy chief?", "Chief Ada Renn said crews went door to door.", "Ada Renn", True),
        ("principal", "Who is the assistant principal at Tarnby High?", "Tarnby High Principal Ada Renn said classes "
         "resume Monday.", "Ada Renn", True),
        ("chief", "Who is the deputy fire chief in Tarnby?", "Deputy Fire Chief Ada Renn said crews went door to "
         "door.", "Ada Renn", False),
        ("chief", "Who is the deputy fire chief in Tarnby?", "Ada Renn, the deputy chief, said crews went door to "
         "door.", "Ada Renn", False),
        # a sentence's other words before the role are no kind of it
        ("principal", "Who is the high school principal?", "Classes start Sept. 3, said longtime principal Ada "
         "Renn.", "Ada Renn", False),
        ("director", "Who is the county's health director?", "Ada Renn, who became director of the health "
         "department in May, spoke.", "Ada Renn", False),
        ("director", "Who is Tarnby's finance director?", "The budget is balanced, finance director Ada Renn said.",
         "Ada Renn", False),
        ("superintendent", "Who is the Tarnby school superintendent?", "Tarnby schools superintendent Ada Renn "
         "spoke.", "Ada Renn", False),  # the compound's noun in the plural
    ],
)  # fmt: skip
def test_a_role_of_another_kind_does_not_answer_for_the_kind_asked(
    role: str, question: str, text: str, name: str, another: bool
) -> None:
    from rag.roles import another_kind_of

    at = text.index(name)
    assert another_kind_of(role, question, text, (at, at + len(name)), (0, len(text))) is another


@pytest.mark.parametrize(("text", "name", "post", "another"), [
    # a title of a post a firm may also be hired for is still another post before a person's name, taken into it
    # or not
    ("The gift goes into the endowment, Treasurer Ida Holm said.", "Treasurer Ida Holm", "director", True),
    ("The gift goes into the endowment, Treasurer Ida Holm said.", "Ida Holm", "director", True),
    ("The audit is done, Town Clerk Ida Holm said.", "Ida Holm", "superintendent", True),
    ("The gift goes into the endowment, Treasurer Ida Holm said.", "Ida Holm", "treasurer", False),
    # the sentence before names the post asked of someone else; naming her too, it may give her the post
    ("Ned Voss will serve until the board hires a permanent superintendent. Board President Ida Holm said the "
     "board hopes to hire by spring.", "Ida Holm", "superintendent", True),
    ("The board picked Ida Holm as its next superintendent. Board President Ida Holm will leave the board in May.",
     "Ida Holm", "superintendent", False),
    ("Board President Ida Holm, the board's pick for superintendent, will leave the board in May.", "Ida Holm",
     "superintendent", False),
])  # fmt: skip
def test_a_name_titled_with_another_post_does_not_hold_the_post_asked(text: str, name: str, post: str,
                                                                      another: bool) -> None:
    from rag.candidate import sentence_spans
    from rag.roles import titled_with_another_post

    passage = _passage(text)
    at = text.rindex(name)
    start, end = next((s, e) for s, e in sentence_spans(passage) if s <= at < e)
    assert titled_with_another_post(passage, start, end, at, post) is another


@pytest.mark.parametrize("title", ["Commissioner", "Councilor", "Trustee", "Alderman"])
def test_a_member_of_a_body_is_named_by_the_members_title(title: str) -> None:
    """"Which member of the Orby commission voted no?": news writes "Commissioner Lark Fennimore", not "member"."""
    text = (f"ORBY - The Orby water commission voted 4-1 on Monday to raise rates. {title} Lark Fennimore cast the "
            "lone vote against the package.")
    passage = _passage(text, _tagged(text, "PERSON", "Lark Fennimore"))
    assert "Lark Fennimore" in _answers("Who was the only member of the Orby water commission to vote no?", passage)


@pytest.mark.parametrize(("question", "kind_asked"), [
    # a verb of the question before the role is no kind of it
    ("Who was chair of the Orby Arts Council in 2023?", False),
    ("Who is chair of the Orby Arts Council?", False),
    ("Who was named interim chair of the Orby Arts Council?", True),
    ("Who was elected chair of the Orby Arts Council?", False),
])  # fmt: skip
def test_only_a_word_of_a_kind_before_the_role_asks_for_that_kind(question: str, kind_asked: bool) -> None:
    """"council chair Ada Renn" is the chair asked of by "Who was chair ...?"; not by "Who was named interim
    chair?", whose kind the sentence does not give."""
    from rag.roles import another_kind_of

    text = '"This money stays here," said council chair Ada Renn.'
    start = text.index("Ada Renn")
    assert another_kind_of("chair", question, text, (start, start + 8), (0, len(text))) is kind_asked
