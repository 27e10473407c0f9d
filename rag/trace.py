"""The retrieval trace `rag ask --trace` prints on stderr: what was retrieved, ranked how, and cited."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rag.models import Answer


def format_trace(answer: "Answer") -> str:
    """The retrieval trace for people: each retrieved passage, its fused rank and score, its dense and BM25
    ranks, where it is from, whether the answer cites it; then the timings."""
    cited = {c.passage_id: c.n for c in answer.citations}
    searched = f" (searched for: {answer.rewritten_query})" if answer.rewritten_query else ""
    lines = [f"Retrieved {len(answer.retrieved)} passage{'' if len(answer.retrieved) == 1 else 's'}{searched}:"]
    # numbered by place in the list: a fused rank skips the ranks of passages merged into a better-ranked one
    for position, passage in enumerate(answer.retrieved, start=1):
        named = (("fused", passage.fused_rank), ("dense", passage.dense_rank), ("BM25", passage.bm25_rank))
        ranks = ", ".join(f"{name} #{rank}" for name, rank in named if rank) or "no rank"
        marker = f"  cited as [{cited[passage.passage_id]}]" if passage.passage_id in cited else ""
        lines.append(
            f"  {position:>2}. score {passage.score:.4f} ({ranks}){marker}\n"
            f"      {passage.title} - {passage.source}, {passage.published or 'undated'} [{passage.passage_id}]\n"
            f"      \"{_excerpt(passage.text)}\""
        )
    timings = answer.timings_ms
    if timings:
        shown = ", ".join(f"{key} {value:.0f} ms" for key, value in timings.items())
        lines.append(f"Timings: {shown}")
    return "\n".join(lines)


def _excerpt(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"
