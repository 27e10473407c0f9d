"""The suites' splits: dev and test never share an item, and the test splits are frozen."""

from __future__ import annotations

import hashlib

import pytest

from eval.suites import get_suite, suites

# sha256 of the sorted test ids of each development suite: a test split that changes fails here, on purpose.
# (The held-out suites are pinned by their files' digests below.)
FROZEN_TEST_IDS = {
    "sample": "c137a83cc0c5f48d14e8685aefb836a38873f12a01eb5db829bc9036f9a0b067",
    "towns": "07d0ad9b4dfea365265e1f8baa620d8187085616368851df2e3d5ec399896cdc",
    "county": "e0cd16a6eec738aa8f0522563bd532987e50af694de38f34ad80bb2658f06d49",
    "valley": "3f86b537f6b39c4ee07bd5860d06c34ca92b11e5c4520f403e9663187cbfb91f",
}


def _digest(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()


@pytest.mark.parametrize("name", sorted(FROZEN_TEST_IDS))
def test_test_splits_are_frozen(name: str) -> None:
    assert _digest([item.id for item in get_suite(name).items("test")]) == FROZEN_TEST_IDS[name]


@pytest.mark.parametrize("name", sorted(FROZEN_TEST_IDS))
def test_dev_and_test_share_no_item_and_cover_the_suite(name: str) -> None:
    suite = get_suite(name)
    dev, test = {i.id for i in suite.items("dev")}, {i.id for i in suite.items("test")}
    assert dev and test and not dev & test
    assert dev | test == {i.id for i in suite.items("all")}


# sha256 of each held-out suite's whole question file: not a question, fact or quote can change unnoticed.
HELD_OUT_FILES = {
    "heldout": "a25104446faf250e329d1a5aa220c6dcfc5e22aa51a94762e4b4dedfe3fbae46",
    "prairie": "fcc6912474fc1b4ecf27396edce8913f16e323b7b0a25c95801e4b5422becedd",
    "mountain": "b02eea9f2d0fdad1c0d49bc0bbd2bf18d6c4cce85e6449854dccbeafd31096cc",
    "rail": "43f53de69b50458cd332baae086914f25d5699f179bbfe52c161cfe6dcfeecc5",
    "desert": "3251bfbcd450b73fd8d4e1116d2831571a2e7c5b0fd172e0dbddc10f288ec370",
    "forest": "e71b3f3853742af70760418831ac3c8d7308335e92508bc6eaa6ae126f1e4554",
    "metro": "9c0a878b8975448d91f8767b387dba327b4c0ae9391f6bc6a62f29cecd0b3ac4",
    "coast": "9dc360211ea0f3ed305d1fbe2d5a66f1a9da6ff23ac5ed7eb4b64ca9d1f85305",
    "farm": "0786008ddc195294f228fff8a78813739fe4f05b91b22d8778e1fcf0f4205005",
    "planning": "8ccb529f61c8783f9ad517e287913c3d10510dad01e70f9f499c68ad663dcd78",
}


@pytest.mark.parametrize("name", sorted(HELD_OUT_FILES))
def test_held_out_suites_are_frozen_whole_and_have_only_a_test_split(name: str) -> None:
    suite = get_suite(name)
    assert suite.splits == ("test",)
    assert hashlib.sha256(suite.files["test"].read_bytes()).hexdigest() == HELD_OUT_FILES[name]


def test_every_suite_with_articles_is_listed_and_heldout_has_only_a_test_split() -> None:
    found = suites()
    assert {"sample", "towns", "county", "valley", "harbor", "campus", "heldout", "prairie", "mountain", "rail",
            "desert", "forest", "metro", "coast", "farm"} <= set(found)
    assert found["heldout"].splits == ("test",)
    with pytest.raises(Exception, match="no dev split"):
        found["heldout"].items("dev")
