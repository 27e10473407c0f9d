"""Token-aware chunking on sentence boundaries, with character offsets into the article.

Defaults (see `Settings.chunk_size` / `chunk_overlap`): 230 cl100k tokens,
which stays inside the embedder's 256-wordpiece window, so nothing is
truncated at embedding time; 40 tokens of overlap, about one sentence of news
prose.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from index.tokens import cl100k, count_tokens


@dataclass(frozen=True)
class Chunk:
    """A passage of an article; `article_text[start:end] == text` always holds."""

    index: int
    text: str
    start: int
    end: int


@lru_cache(maxsize=8)
def _splitter(chunk_size: int, chunk_overlap: int) -> Any:
    from llama_index.core.node_parser import SentenceSplitter

    encoding = cl100k()
    return SentenceSplitter(
        chunk_size=chunk_size,
        chunk_overlap=min(chunk_overlap, chunk_size // 2),
        tokenizer=lambda text: encoding.encode(text, disallowed_special=()),
        paragraph_separator="\n",
        include_metadata=False,
        include_prev_next_rel=False,
    )


def chunk_text(article_text: str, chunk_size: int = 230, chunk_overlap: int = 40) -> list[Chunk]:
    """Split cleaned article text into overlapping chunks that are exact slices of it.

    The splitter sums the token counts of its pieces, and a joined text can
    take more tokens than its parts (runs of spaces tokenise differently), so
    an article whose chunks overshoot is split again with a tighter budget.
    """
    if not article_text.strip():
        return []
    budget = chunk_size
    while True:
        chunks = _chunk(article_text, budget, chunk_overlap)
        excess = max((count_tokens(chunk.text) for chunk in chunks), default=0) - chunk_size
        if excess <= 0 or budget - excess < chunk_size // 2:
            return chunks
        budget -= excess


def _chunk(article_text: str, chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    pieces = _splitter(chunk_size, chunk_overlap).split_text(article_text)
    chunks: list[Chunk] = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        # Overlap means a chunk may start before the previous one ended, but
        # never before the previous one started, and it always ends later
        # (which skips an earlier copy of a repeated paragraph).
        search_from = chunks[-1].start + 1 if chunks else 0
        start = _find_advancing(article_text, piece, search_from, chunks[-1].end + 1 if chunks else 0)
        if start < 0:
            start = article_text.find(piece, search_from)
        if start < 0:
            start = article_text.find(piece, cursor)
        if start < 0:
            # The splitter rewrote whitespace inside the piece; realign on its
            # first and last words so the chunk stays an exact slice.
            start, end = _realign(article_text, piece, search_from)
        else:
            end = start + len(piece)
        chunks.append(Chunk(index=len(chunks), text=article_text[start:end], start=start, end=end))
        cursor = end
    return chunks


def _find_advancing(article_text: str, piece: str, search_from: int, min_end: int) -> int:
    """First occurrence of `piece` at or after `search_from` that ends at or after `min_end`; -1 if none."""
    start = article_text.find(piece, search_from)
    while start >= 0 and start + len(piece) < min_end:
        start = article_text.find(piece, start + 1)
    return start


def _realign(article_text: str, piece: str, search_from: int) -> tuple[int, int]:
    head, tail = piece[:40], piece[-40:]
    start = article_text.find(head, search_from)
    if start < 0:
        start = search_from
    tail_at = article_text.find(tail, start)
    end = tail_at + len(tail) if tail_at >= 0 else min(len(article_text), start + len(piece))
    return start, end
