"""The BM25 index: ranking, filters applied inside the search, and the on-disk cache per store revision."""

from __future__ import annotations

from rag.bm25_index import BM25Index


def corpus(n_strong: int) -> list[tuple[str, str]]:
    strong = [(f"strong-{i}", f"Ferry timetable ferry harbour ferry number {i}.") for i in range(n_strong)]
    return [*strong, ("weak", "A council report mentions one ferry among many other topics today."),
            ("other", "Weather and football results.")]


def test_ranks_by_term_weight_and_skips_unmatched_passages() -> None:
    index = BM25Index.build(corpus(3))
    hits = index.search("ferry harbour", k=10)
    assert {h.passage_id for h in hits[:3]} == {"strong-0", "strong-1", "strong-2"}
    assert "other" not in {h.passage_id for h in hits}
    assert hits[-1].passage_id == "weak"
    assert index.knows("ferri") and not index.knows("submarin")
    assert index.idf("submarin") > index.idf("ferri")


def test_a_selective_filter_still_finds_a_low_ranked_allowed_passage() -> None:
    # 2,000 passages outrank the only allowed one: filtering after a bounded over-fetch would miss it
    index = BM25Index.build(corpus(2000))
    hits = index.search("ferry harbour", k=5, allowed={"weak", "other"})
    assert [h.passage_id for h in hits] == ["weak"]
    assert index.search("ferry", k=5, allowed={"unknown-id"}) == []
