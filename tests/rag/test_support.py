"""The deterministic support check and the text primitives it rests on."""

from __future__ import annotations

from index.sentences import split_sentences
from rag.support import support_verdict

PASSAGE = (
    "The call, which lasted about an hour, was the sixth between the two leaders since Trump took office on "
    "January 20. The White House had yet to comment on the call."
)


def test_verbatim_sentence_is_supported() -> None:
    assert support_verdict("The call lasted about an hour [1].", PASSAGE) == "supported"


def test_wrong_number_or_name_is_not_supported() -> None:
    assert support_verdict("The call was the seventh since Trump took office on January 21.", PASSAGE) != "supported"
    assert support_verdict("The call was the sixth between Biden and Putin.", PASSAGE) != "supported"


def test_a_number_must_match_a_whole_number_of_the_passage() -> None:
    assert support_verdict("The call was the sixth since Trump took office on January 2.", PASSAGE) != "supported"
    assert support_verdict("The call was the sixth since Trump took office on January 20.", PASSAGE) == "supported"


def test_partial_and_unsupported() -> None:
    assert support_verdict("The call lasted about an hour, was the sixth, and ended badly.", PASSAGE) == "partial"
    assert support_verdict("Sanctions on Russian oil were tightened by the EU.", PASSAGE) == "unsupported"
    assert support_verdict("[1]", PASSAGE) == "unsupported"


def test_sentence_splitter_keeps_abbreviations_and_quotes() -> None:
    text = "U.S. President Donald J. Trump said “no progress.” Mr. Peskov disagreed. It cost $4.5 trillion.\nNext"
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences == [
        "U.S. President Donald J. Trump said “no progress.”",
        "Mr. Peskov disagreed.",
        "It cost $4.5 trillion.",
        "Next",
    ]


CALL = (
    "The call, which lasted about an hour, was the sixth between the two leaders since Trump took office on "
    "January 20. Trump also said he would impose 100 percent secondary tariffs on Russia if Putin refused to "
    "agree to a cease-fire in the following 50 days."
)


def test_other_number_words_or_ordinals_are_not_supported() -> None:
    changed = "The call, which lasted about three hours, was the tenth between the two leaders since January 20."
    assert support_verdict(changed, CALL) != "supported"
    assert support_verdict("The call was the tenth between the two leaders.", CALL) != "supported"
    # the same number in another form, before the same noun, is
    assert support_verdict("The call, which lasted about an hour, was the sixth between the 2 leaders.", CALL) == (
        "supported"
    )


def test_numbers_swapped_between_nouns_are_not_supported() -> None:
    swapped = "Trump said he would impose 50 percent secondary tariffs on Russia if Putin refused a cease-fire in 100 days."
    assert support_verdict(swapped, CALL) != "supported"
    right = "Trump said he would impose 100 percent secondary tariffs on Russia if Putin refused a cease-fire in 50 days."
    assert support_verdict(right, CALL) == "supported"
