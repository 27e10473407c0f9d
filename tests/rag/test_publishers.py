"""How a question names a publisher (rag.publishers): by a capitalised name, never by a common word."""

from __future__ import annotations

from rag.publishers import named_publishers, publisher_names, publisher_words

PUBLISHERS = ["Harbor Gazette", "Valley Wire", "The Daily Times", "RFE/RL", "Associated Press", "The Beacon"]


def test_names_initials_and_distinctive_last_words() -> None:
    assert publisher_names("Harbor Gazette") == {"Harbor Gazette", "HG", "Gazette"}
    assert publisher_names("RFE/RL") == {"RFE", "RL"}
    assert "Times" not in publisher_names("The Daily Times")  # too common to name one paper


def test_questions_name_publishers_only_by_capitalised_names() -> None:
    assert named_publishers("What did the Gazette report?", PUBLISHERS) == {"Harbor Gazette"}
    assert named_publishers("According to AP, who voted no?", PUBLISHERS) == {"Associated Press"}
    assert named_publishers("Per RFE, when did it start?", PUBLISHERS) == {"RFE/RL"}
    assert named_publishers("Did a gazette or a wire service report this morning's vote?", PUBLISHERS) == set()
    assert named_publishers("Was the beacon on the lighthouse repaired?", PUBLISHERS) == set()


def test_publisher_words_are_whole_names() -> None:
    words = publisher_words(["Pell County Courier"])
    assert "pell county courier" in words and "courier" in words
    assert "pell county" not in words


def test_a_filter_names_a_publisher_in_any_case_by_full_name_initials_or_last_word() -> None:
    from rag.publishers import match_publishers

    known = [*PUBLISHERS, "Portmere Gazette", "The Sydney Morning Herald"]
    assert match_publishers("AP", known) == match_publishers("ap", known) == {"Associated Press"}
    assert match_publishers("the harbor gazette", known) == {"Harbor Gazette"}  # the full name picks one
    assert match_publishers("the gazette", known) == {"Harbor Gazette", "Portmere Gazette"}  # a shared name picks both
    assert match_publishers("rfe/rl", known) == match_publishers("RFE", known) == {"RFE/RL"}
    assert match_publishers("The SMH", known) == match_publishers("the herald", known) == {"The Sydney Morning Herald"}
    assert match_publishers("daily times", known) == {"The Daily Times"}
    assert match_publishers("times", known) == set()  # too common a word to name one paper
    assert match_publishers("Wire Service", known) == match_publishers("the", known) == set()
