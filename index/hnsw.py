"""The dense index's HNSW settings, and how broadly a query searches as the library grows.

Recall of an HNSW search at a fixed breadth (`ef_search`) falls as the graph
grows; a wider search costs a little time and keeps recall. Chroma lets
`ef_search` change on an existing collection, so the store sets it from the
passage count after each write session (`PassageStore.writing`). Chroma 1.5
reads it when a process loads the index: `rag ask` and `rag ingest` use the
new breadth at once, a running `rag serve` after its restart, and a Chroma
server after the server's restart (one library grows past 100k passages
rarely, and the breadth changes in steps of 50).
"""

from __future__ import annotations

import math

# Measured on this machine kind at 100k chunks: the defaults (16 / 100 / 100)
# found 0.71 of the exact top-10; 32 / 200 / 100 found 0.82 (0.98 counting
# near-ties) at p95 2.7 ms. `ef_search` here is the starting breadth; see below.
HNSW_CONFIGURATION = {"space": "cosine", "max_neighbors": 32, "ef_construction": 200, "ef_search": 100}

# Recall@10 against exact search (bench/README.md, "1M passages, measured"):
# ef_search 100 found 0.953 at 100k passages but 0.837 at 1M, where 200 found
# 0.915 and 400 found 0.967 (top-10 p95 15 ms). The breadth that holds ~0.95
# grows about as the 0.6th power of the size: 100 at 100k, 400 at 1M.
EF_SEARCH_FLOOR = 100
EF_SEARCH_AT_FLOOR_SIZE = 100_000
EF_SEARCH_GROWTH = math.log10(4)  # 4x the breadth for 10x the passages
# Past this, recall gains little and every query pays (unmeasured above 1M).
EF_SEARCH_CEILING = 1000
# Steps the breadth moves in (to the nearest), so small ingests do not rewrite the configuration each time.
EF_SEARCH_STEP = 50


def ef_search_for(passages: int) -> int:
    """The HNSW search breadth for a library of `passages` passages."""
    if passages <= EF_SEARCH_AT_FLOOR_SIZE:
        return EF_SEARCH_FLOOR
    wanted = EF_SEARCH_FLOOR * (passages / EF_SEARCH_AT_FLOOR_SIZE) ** EF_SEARCH_GROWTH
    stepped = EF_SEARCH_STEP * round(wanted / EF_SEARCH_STEP)
    return min(EF_SEARCH_CEILING, max(EF_SEARCH_FLOOR, stepped))
