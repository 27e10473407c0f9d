"""One-article uploads into an empty and a large library, and BM25 queries: the keyword index vs bm25s.

Stores are built as by ``bench/ask_bench.py`` (the sample articles plus N synthetic
passages; ``--work-dir`` shares them with it). In one process:

- **Upload**: ``Assistant.ingest([file], prune=False)`` (what an upload in the UI runs
  after copying the file) of one generated article (``bench.corpus``, a seed of its
  own, ~4-9 chunks), then the first ``Assistant.ask`` about it; timed separately and
  summed ("end to end"). Then ``Assistant.delete_article`` puts the library back.
  Uploads alternate between the empty library and the large one, so load from other
  processes hits both. **Target**: large-library upload < 2 s end to end and within
  2x the same upload into the empty library.
- **Before** (today's design until this change): each upload, delete or ingest rebuilt
  bm25s over every passage read back from Chroma; that rebuild is timed once per
  library (``LegacyBM25.for_store``) and reported beside the upload.
- **Queries** (large library): ``KeywordIndex.search(q, 30)`` (ranked hits with their
  whole passages) against bm25s ``retrieve`` on the same stems (``LegacyBM25.search``,
  ids only) and against bm25s plus the Chroma ``get`` of those 30 passages (the old
  retrieval read the BM25-only hits that could reach the top k), interleaved question by
  question over ``--rounds``; also with a publisher filter, where the old path first
  read the matching ids from Chroma (``passage_ids_where``) to mask bm25s.
- **Size on disk**: the keyword index folder vs the bm25s files the old design cached.

    python bench/upload_bench.py --work-dir /tmp/askbench --scale 100k
    python bench/upload_bench.py --scale 10k --uploads 3 --rounds 3

Writes bench/results/upload.json (``--out``) and prints a table.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import platform
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ask_bench import QUESTIONS, build_scale, load_average, percentile, settings_for, summary  # noqa: E402

DEFAULT_OUT = HERE / "results" / "upload.json"
UPLOAD_SEED = 424242


class LegacyBM25:
    """The BM25 index this project used before the keyword index (rag/bm25_index.py at 36f6a62):
    bm25s over every passage's stems, rebuilt from the store after every change."""

    def __init__(self, retriever: Any, passage_ids: list[str], doc_freq: dict[str, int]) -> None:
        self.retriever = retriever
        self.passage_ids = passage_ids
        self.doc_freq = doc_freq
        self.row = {pid: i for i, pid in enumerate(passage_ids)}

    @classmethod
    def for_store(cls, store: Any) -> "LegacyBM25":
        import bm25s

        from index.terms import stems

        passages = [(p.passage_id, p.text) for p in store.iter_passages()]
        retriever = bm25s.BM25()
        tokens = [stems(text) or ["\u2205"] for _, text in passages]
        retriever.index(tokens, show_progress=False)
        doc_freq = Counter(stem for row in tokens for stem in set(row))
        return cls(retriever, [pid for pid, _ in passages], dict(doc_freq))

    def search(self, query: str, k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        from index.terms import stems

        vocab = self.retriever.vocab_dict or {}
        tokens = [t for t in stems(query) if t in vocab]
        if not tokens:
            return []
        mask = None
        if allowed is not None:
            rows = [self.row[pid] for pid in allowed if pid in self.row]
            if not rows:
                return []
            mask = np.zeros(len(self.passage_ids), dtype=np.float32)
            mask[rows] = 1.0
        documents, scores = self.retriever.retrieve([tokens], k=min(k, len(self.passage_ids)), show_progress=False,
                                                    weight_mask=mask)
        return [(self.passage_ids[int(d)], float(s)) for d, s in zip(documents[0], scores[0]) if s > 0]

    def size_bytes(self) -> int:
        folder = Path(tempfile.mkdtemp(prefix="bm25s-size-"))
        try:
            self.retriever.save(str(folder / "bm25"))
            (folder / "passage_ids.json").write_text(json.dumps({"passage_ids": self.passage_ids,
                                                                 "doc_freq": self.doc_freq}))
            return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def upload_files(folder: Path, count: int) -> list[tuple[Path, str]]:
    """`count` generated articles, one file each, with a question each (its longest sentence)."""
    from bench.corpus import CorpusGenerator
    from index.cleaning import clean_article
    from index.sentences import split_sentences

    generator = CorpusGenerator(UPLOAD_SEED, paragraphs=(8, 14))
    folder.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Path, str]] = []
    for number in range(count):
        article = generator.article(number)
        path = folder / f"upload-{number:03d}.md"
        path.write_text(f"---\ntitle: {json.dumps(article.title)}\npublisher: {article.publisher}\n"
                        f"published: {article.published}\n---\n\n{article.text}", encoding="utf-8")
        text = clean_article(article.text).text
        sentences = [text[s:e] for s, e in split_sentences(text)]
        made.append((path, max(sentences[1:], key=len)))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", default="100k", help="the large library: 10k, 100k or a number of synthetic chunks")
    parser.add_argument("--uploads", type=int, default=5, help="uploads into each library")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the questions for query latency")
    parser.add_argument("--work-dir", type=Path, default=None, help="where stores are built (shared with ask_bench)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    from rag.assistant import Assistant
    from rag.services import build_encoder, build_store

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="upload-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    encoder = build_encoder(settings_for(work / "unused"))
    try:
        builds = {"large": build_scale(args.scale, work / args.scale, encoder, log)}
        empty_dir = work / "empty"
        shutil.rmtree(empty_dir, ignore_errors=True)
        libraries: dict[str, Any] = {}
        for name, data_dir in (("empty", empty_dir), ("large", work / args.scale)):
            settings = settings_for(data_dir)
            store = build_store(settings, encoder).open_for_writing()
            libraries[name] = Assistant(settings, store, encoder)
            libraries[name].bm25  # noqa: B018 - open the keyword index and read the records once
        sizes = {name: a.store.count() for name, a in libraries.items()}
        log(f"libraries: {sizes}")

        files = upload_files(work / "uploads", args.uploads + 1)
        for path, _ in files:  # left by an interrupted earlier run: each upload must be new
            for assistant in libraries.values():
                if assistant.article(assistant.article_id_for(path)) is not None:
                    assistant.delete_article(assistant.article_id_for(path))
        uploads: dict[str, list[dict[str, float]]] = {"empty": [], "large": []}
        legacy_rebuild: dict[str, float] = {}
        legacy_indexes: dict[str, LegacyBM25] = {}
        for number, (path, question) in enumerate(files):
            order = ("empty", "large") if number % 2 == 0 else ("large", "empty")
            for name in order:
                assistant = libraries[name]
                t0 = time.perf_counter()
                report = assistant.ingest([path], prune=False)
                t1 = time.perf_counter()
                answer = assistant.ask(question, mode="extractive")
                t2 = time.perf_counter()
                # article ids are not file names (index/identity.py)
                found = assistant.article_id_for(path) in {c.article_id for c in answer.citations}
                if number == 1:  # what the old design added to this upload: bm25s rebuilt over every passage
                    log(f"  rebuilding bm25s over the {name} library, as every change did before")
                    began = time.perf_counter()
                    legacy_indexes[name] = LegacyBM25.for_store(assistant.store)
                    legacy_rebuild[name] = round(time.perf_counter() - began, 3)
                    log(f"  bm25s rebuild {legacy_rebuild[name]:.2f} s")
                t_delete = time.perf_counter()
                assistant.delete_article(assistant.article_id_for(path))
                t3 = time.perf_counter()
                if number == 0:  # warm-up (imports, first chunking): not counted
                    continue
                uploads[name].append({"ingest_s": t1 - t0, "first_ask_s": t2 - t1, "end_to_end_s": t2 - t0,
                                      "delete_s": t3 - t_delete, "chunks": report.chunks, "cited": found})
                log(f"  upload {number} into {name}: {t1 - t0:.2f} s + ask {t2 - t1:.3f} s "
                    f"({report.chunks} chunks, cited: {found}); delete {t3 - t_delete:.2f} s")

        large = libraries["large"]
        legacy = legacy_indexes["large"]  # built with one upload in: that passage is gone from the store now

        keyword = large.bm25
        publisher = sorted({r.source for r in large.articles()})[-1]
        from rag.retrieval import RetrievalFilters

        where = RetrievalFilters(publishers=(publisher,)).chroma_where()
        timings: dict[str, list[float]] = {
            k: [] for k in ("keyword", "bm25s", "bm25s_and_chroma_get", "keyword_filtered", "bm25s_filtered")
        }
        overlap: list[float] = []
        for round_number in range(args.rounds):
            for question in QUESTIONS:
                steps = ["keyword", "bm25s", "bm25s_and_chroma_get", "keyword_filtered", "bm25s_filtered"]
                if round_number % 2:
                    steps.reverse()
                for step in steps:
                    t0 = time.perf_counter()
                    if step == "keyword":
                        new = [h.passage.passage_id for h in keyword.search(question, 30)]
                    elif step == "bm25s":
                        old = [pid for pid, _ in legacy.search(question, 30)]
                    elif step == "bm25s_and_chroma_get":  # the old retrieval read hits' passages from Chroma
                        large.store.passages_by_id([pid for pid, _ in legacy.search(question, 30)])
                    elif step == "keyword_filtered":
                        keyword.search(question, 30, publishers=(publisher,))
                    else:
                        legacy.search(question, 30, large.store.passage_ids_where(where))
                    timings[step].append((time.perf_counter() - t0) * 1000)
                if round_number == 0:
                    overlap.append(len(set(new[:10]) & set(old[:10])) / max(1, min(10, len(old))))

        result = {
            "benchmark": "one-article upload and BM25 queries: keyword index (Tantivy) vs bm25s rebuilds",
            "targets": "large-library upload end to end < 2 s and <= 2x the empty library's",
            "machine": {"python": platform.python_version(), "platform": platform.platform()},
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "load_average": load_average(),
            "passages": sizes,
            "build": builds,
            "uploads": uploads,
            "upload_summary": {
                name: {key: summary([u[key] * 1000 for u in rows]) for key in ("ingest_s", "first_ask_s",
                                                                                 "end_to_end_s", "delete_s")}
                for name, rows in uploads.items()
            },
            "legacy_bm25s_rebuild_s": legacy_rebuild,
            "query_ms": {key: summary(values) for key, values in timings.items()},
            "top10_overlap_with_bm25s": round(float(np.mean(overlap)), 3) if overlap else math.nan,
            "size_bytes": {"keyword_index": keyword.size_bytes(), "bm25s": legacy.size_bytes()},
            "seconds": round(time.perf_counter() - started, 1),
        }
        med = {n: percentile([u["end_to_end_s"] for u in rows], 50) for n, rows in uploads.items()}
        result["upload_ratio_p50"] = round(med["large"] / med["empty"], 2)
        result["meets_target"] = bool(
            max(u["end_to_end_s"] for u in uploads["large"]) < 2.0 and result["upload_ratio_p50"] <= 2.0
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
        print(table(result))
        print(f"\nwritten {args.out}")
        del libraries, legacy
        gc.collect()
    finally:
        if not args.keep and args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def table(result: dict[str, Any]) -> str:
    up = result["upload_summary"]
    lines = ["library | passages | upload p50 / max (s) | first ask p50 (ms) | end to end p50 / max (s) | delete p50 (s) | bm25s rebuild before (s)",
             "--- | ---: | ---: | ---: | ---: | ---: | ---:"]
    for name in ("empty", "large"):
        rows = result["uploads"][name]
        lines.append(
            f"{name} | {result['passages'][name]} | {up[name]['ingest_s']['p50'] / 1000:.2f} / "
            f"{max(r['ingest_s'] for r in rows):.2f} | {up[name]['first_ask_s']['p50']:.0f} | "
            f"{up[name]['end_to_end_s']['p50'] / 1000:.2f} / {max(r['end_to_end_s'] for r in rows):.2f} | "
            f"{up[name]['delete_s']['p50'] / 1000:.2f} | {result['legacy_bm25s_rebuild_s'][name]}"
        )
    q = result["query_ms"]
    lines.append("")
    lines.append("query (ms) | p50 | p95")
    lines.append("--- | ---: | ---:")
    for key, value in q.items():
        lines.append(f"{key} | {value['p50']:.2f} | {value['p95']:.2f}")
    lines.append("")
    lines.append(f"upload ratio large/empty (p50): {result['upload_ratio_p50']}; top-10 overlap with bm25s "
                 f"{result['top10_overlap_with_bm25s']}; size: keyword index "
                 f"{result['size_bytes']['keyword_index'] / 1e6:.1f} MB, bm25s {result['size_bytes']['bm25s'] / 1e6:.1f} MB")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
