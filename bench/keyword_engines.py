"""Which engine for the keyword index: SQLite FTS5, Tantivy or bm25s, on the same stems.

The synthetic passages of ``bench/ask_bench.py`` (sample sentences recombined with
other names, numbers and months; text only, no embeddings) are stemmed with
``index.terms.stems`` and indexed three ways, each the whole corpus at once:

- SQLite FTS5 (the Python stdlib's SQLite), the stems as a space-separated column,
  ranked by ``bm25()`` over an OR of the question's stems;
- Tantivy (whitespace tokenizer over the same string), a boolean OR of term queries;
- bm25s (what the project used before), ``retrieve`` on the stems it knows.

Reported: build time, size on disk (FTS5 and Tantivy; bm25s keeps its index in
memory), query p50/p95 over the ask benchmark's 33 questions x 3 rounds (top 30,
ids only), and how much of bm25s's top 10 each engine returns.

    python bench/keyword_engines.py --passages 10000
    python bench/keyword_engines.py --passages 100000    # ~3 minutes of stemming on a loaded machine
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ask_bench import QUESTIONS, SentencePool, SyntheticCorpus, load_average  # noqa: E402
from bench.corpus import sample_sentences  # noqa: E402
from index.terms import stems  # noqa: E402


def timed_queries(search, rounds: int = 3) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    latencies = []
    for _ in range(rounds):
        for question in QUESTIONS:
            began = time.perf_counter()
            search(question, 30)
            latencies.append((time.perf_counter() - began) * 1000)
    return float(np.percentile(latencies, 50)), float(np.percentile(latencies, 95))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=10000)
    args = parser.parse_args(argv)
    import bm25s
    import tantivy

    texts = list(sample_sentences())
    corpus = SyntheticCorpus(SentencePool(texts, np.zeros((len(texts), 384), dtype=np.float32)))
    passages: list[str] = []
    number = 0
    while len(passages) < args.passages:
        passages.extend(p.text for p in corpus.article(number)[1])
        number += 1
    tokens = [stems(text) for text in passages]
    work = Path(tempfile.mkdtemp(prefix="keyword-engines-"))
    rows = []
    try:
        began = time.perf_counter()
        db = sqlite3.connect(work / "fts.sqlite3")
        db.execute("CREATE VIRTUAL TABLE f USING fts5(terms, tokenize='unicode61 remove_diacritics 0')")
        with db:
            db.executemany("INSERT INTO f(rowid, terms) VALUES (?, ?)", ((i, " ".join(t)) for i, t in enumerate(tokens)))
        fts_build = time.perf_counter() - began

        def fts_search(question: str, k: int) -> list[int]:
            terms = stems(question)
            if not terms:
                return []
            expression = " OR ".join(f'"{t}"' for t in terms)
            return [r[0] for r in db.execute("SELECT rowid FROM f WHERE f MATCH ? ORDER BY rank LIMIT ?", (expression, k))]

        began = time.perf_counter()
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
        builder.add_integer_field("row", stored=True)
        schema = builder.build()
        (work / "tantivy").mkdir()
        index = tantivy.Index(schema, path=str(work / "tantivy"))
        writer = index.writer(100_000_000, 1)
        for i, row in enumerate(tokens):
            writer.add_document(tantivy.Document(terms=" ".join(row), row=i))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        searcher = index.searcher()
        tantivy_build = time.perf_counter() - began

        def tantivy_search(question: str, k: int) -> list[int]:
            query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "terms", t)) for t in stems(question)]
            )
            return [searcher.doc(address)["row"][0] for _, address in searcher.search(query, k).hits]

        began = time.perf_counter()
        retriever = bm25s.BM25()
        retriever.index([t or ["\u2205"] for t in tokens], show_progress=False)
        bm25s_build = time.perf_counter() - began
        vocab = retriever.vocab_dict

        def bm25s_search(question: str, k: int) -> list[int]:
            known = [t for t in stems(question) if t in vocab]
            if not known:
                return []
            documents, _ = retriever.retrieve([known], k=k, show_progress=False)
            return [int(d) for d in documents[0]]

        reference = {q: set(bm25s_search(q, 10)) for q in QUESTIONS}
        for name, search, build, size in (
            ("SQLite FTS5 bm25()", fts_search, fts_build, (work / "fts.sqlite3").stat().st_size),
            ("Tantivy", tantivy_search, tantivy_build, sum(f.stat().st_size for f in (work / "tantivy").iterdir())),
            ("bm25s", bm25s_search, bm25s_build, None),
        ):
            p50, p95 = timed_queries(search)
            overlap = np.mean([len(set(search(q, 10)) & reference[q]) / max(1, len(reference[q])) for q in QUESTIONS])
            rows.append((name, build, size, p50, p95, overlap))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(passages)} passages, load average {load_average()}")
    print("engine | build (s) | size (MB) | query p50 / p95 (ms) | top-10 overlap with bm25s")
    print("--- | ---: | ---: | ---: | ---:")
    for name, build, size, p50, p95, overlap in rows:
        print(f"{name} | {build:.1f} | {size / 1e6 if size else float('nan'):.1f} | {p50:.2f} / {p95:.2f} | {overlap:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
