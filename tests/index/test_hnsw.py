"""The HNSW search breadth grows with the library as the 1M benchmark measured."""

from __future__ import annotations

import pytest

from index.hnsw import EF_SEARCH_CEILING, EF_SEARCH_FLOOR, EF_SEARCH_STEP, ef_search_for


@pytest.mark.parametrize(("passages", "breadth"), [(0, 100), (40, 100), (100_000, 100), (1_000_000, 400)])
def test_the_breadth_matches_the_measured_points(passages: int, breadth: int) -> None:
    # bench/README.md: recall@10 0.953 at ef_search 100 with 100k passages, 0.967 at 400 with 1M.
    assert ef_search_for(passages) == breadth


def test_the_breadth_never_shrinks_as_the_library_grows_and_stays_within_its_bounds() -> None:
    sizes = [0, 50_000, 100_001, 150_000, 300_000, 700_000, 1_000_000, 3_000_000, 50_000_000]
    breadths = [ef_search_for(n) for n in sizes]
    assert breadths == sorted(breadths)
    assert breadths[0] == EF_SEARCH_FLOOR and breadths[-1] == EF_SEARCH_CEILING
    assert all(b % EF_SEARCH_STEP == 0 for b in breadths)
    assert EF_SEARCH_FLOOR < ef_search_for(300_000) < ef_search_for(1_000_000)
