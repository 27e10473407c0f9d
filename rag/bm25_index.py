"""A BM25 index (bm25s) over the store's passages, kept in sync by the store's revision.

Built once from the store and cached on disk under the data directory, keyed
by the collection's revision (which every ingest that changes passages bumps),
so it is never rebuilt per query and a stale one is never used.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Sequence

from index.store import PassageStore
from rag.text import stems


@dataclass(frozen=True)
class BM25Hit:
    passage_id: str
    score: float


class BM25Index:
    def __init__(self, retriever: Any, passage_ids: list[str], doc_freq: dict[str, int]) -> None:
        self._retriever = retriever
        self.passage_ids = passage_ids
        self.doc_freq = doc_freq

    def idf(self, stem: str) -> float:
        """BM25's idf of a stem over the passages; a stem no passage has gets the highest."""
        total = len(self.passage_ids)
        df = self.doc_freq.get(stem, 0)
        return math.log(1.0 + (total - df + 0.5) / (df + 0.5))

    def knows(self, stem: str) -> bool:
        return stem in self.doc_freq

    @classmethod
    def build(cls, passages: Sequence[tuple[str, str]]) -> "BM25Index":
        """From (passage_id, text) pairs."""
        import bm25s

        retriever = bm25s.BM25()
        corpus_tokens = [stems(text) or ["\u2205"] for _, text in passages]
        if corpus_tokens:
            retriever.index(corpus_tokens, show_progress=False)
        doc_freq = Counter(stem for tokens in corpus_tokens for stem in set(tokens))
        return cls(retriever, [pid for pid, _ in passages], dict(doc_freq))

    @classmethod
    def for_store(cls, store: PassageStore, cache_root: Path) -> "BM25Index":
        """Load the cached index for the store's current revision, or build and cache it."""
        revision = store.revision
        folder = cache_root / store.name / revision
        loaded = cls._load(folder)
        if loaded is not None:
            return loaded
        index = cls.build([(p.passage_id, p.text) for p in store.iter_passages()])
        index._save(folder)
        for old in folder.parent.iterdir() if folder.parent.is_dir() else ():
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
        return index

    @classmethod
    def _load(cls, folder: Path) -> "BM25Index | None":
        ids_file = folder / "passage_ids.json"
        if not ids_file.is_file():
            return None
        import bm25s

        try:
            saved = json.loads(ids_file.read_text(encoding="utf-8"))
            passage_ids, doc_freq = saved["passage_ids"], saved["doc_freq"]
            retriever = bm25s.BM25.load(str(folder / "bm25")) if passage_ids else bm25s.BM25()
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return cls(retriever, passage_ids, doc_freq)

    def _save(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if self.passage_ids:
                self._retriever.save(str(folder / "bm25"))
            # written last: its presence marks a complete cache entry
            payload = {"passage_ids": self.passage_ids, "doc_freq": self.doc_freq}
            (folder / "passage_ids.json").write_text(json.dumps(payload), encoding="utf-8")
        except OSError:
            pass  # a read-only data dir just means no cache: the index still works in memory

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[BM25Hit]:
        """Top-k passages by BM25; `allowed` restricts to those ids (filters)."""
        if not self.passage_ids:
            return []
        tokens = [t for t in stems(query) if t in self._vocab]
        if not tokens:
            return []
        mask = None
        if allowed is not None:
            # a filter masks the other passages out inside bm25s: over-fetching and
            # filtering afterwards loses hits when the filter is selective
            import numpy as np

            rows = [self._row[pid] for pid in allowed if pid in self._row]
            if not rows:
                return []
            mask = np.zeros(len(self.passage_ids), dtype=np.float32)
            mask[rows] = 1.0
        wanted = min(len(self.passage_ids), k)
        documents, scores = self._retriever.retrieve([tokens], k=wanted, show_progress=False, weight_mask=mask)
        hits: list[BM25Hit] = []
        for doc, score in zip(documents[0], scores[0]):
            if score <= 0:
                break
            passage_id = self.passage_ids[int(doc)]
            if allowed is not None and passage_id not in allowed:
                continue
            hits.append(BM25Hit(passage_id, float(score)))
            if len(hits) >= k:
                break
        return hits

    @cached_property
    def _row(self) -> dict[str, int]:
        return {pid: i for i, pid in enumerate(self.passage_ids)}

    @property
    def _vocab(self) -> dict[str, int]:
        return self._retriever.vocab_dict or {}
