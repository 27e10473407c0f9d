"""Warm `ask` latency (extractive) against the raw retrieval floor, at several corpus sizes.

For each scale a store is built in a work directory:

- ``sample``: the bundled articles, ingested with ``rag.library.ingest_paths`` (what `rag ingest` runs) (real embeddings);
- ``10k`` / ``100k`` (any ``<n>k`` or plain integer): the sample articles again, plus
  synthetic passages written straight into the store with ``PassageStore.upsert_passages``.
  Embedding 100k chunks with the int8 ONNX model would take about an hour, so the
  synthetic passages get synthetic vectors: real embeddings of the sample articles'
  sentences, perturbed and re-normalised (chunk vector = mean of its sentences'
  vectors plus noise; sentence vectors = the real ones plus noise, packed with
  ``index.vector_codec.pack`` as the extractive answerer reads them). Their text
  recombines the sample sentences with other names, numbers and months. Each
  synthetic article (3-10 chunks, one sentence of overlap between chunks, like the
  real chunker) also gets its article record.

Then, in one process: one warm-up ask, and for every question (QUESTIONS, written
for this benchmark; not the evaluation set's) in every round:

- floor: ``encoder.embed_query`` + ``store.query(n=candidates)`` + ``bm25.search(k=candidates)``,
  timed directly: the least any hybrid retrieval can cost;
- ask: ``Assistant.ask(q, mode="extractive")`` end to end;
- raw floor (reported beside it): the same with ``store.query`` replaced by the bare
  Chroma ``collection.query`` (same n, documents + metadatas + distances), which
  shows what ``store.query`` adds on top of Chroma (a ``count()`` per call).

Floor and ask alternate question by question (the order flips every round) so that
load from other processes hits both. Reported: p50/p95 of each, the ratio
ask_p95 / floor_p95 (target: <= 2), the ask's own timing breakdown, and the HNSW
recall@10 of Chroma against exact (numpy) search over every stored vector.

    python bench/ask_bench.py                          # sample,10k,100k, 5 rounds
    python bench/ask_bench.py --scales sample,10k --rounds 3
    python bench/ask_bench.py --work-dir /tmp/askbench --keep   # reuse built stores next time

Writes bench/results/ask.json (``--out``) and prints a table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from bench.corpus import PUBLISHERS, fake_surnames, vary_sentence  # noqa: E402

DEFAULT_OUT = HERE / "results" / "ask.json"
GENERATOR_VERSION = 2  # bump when the synthetic corpus changes: reused stores are rebuilt
SEED = 20250703

# Questions about the sample articles, worded for this benchmark (the evaluation
# set's are not reused). The last three have no answer in the articles.
QUESTIONS = [
    "How long did the July 3 call between Trump and Putin last?",
    "What did Yury Ushakov tell reporters after the phone call?",
    "What did Putin say Russia would not abandon in Ukraine?",
    "For how many months had the war been going on according to RFE/RL?",
    "Why did the White House say it was halting some military aid?",
    "In which Danish city did Zelensky meet European leaders before the call?",
    "Which senior Russian navy officer was reported killed in the Kursk region?",
    "What did Ursula von der Leyen argue about military spending on Ukraine and the NATO pledge?",
    "What share of gross domestic product is the NATO defence spending target?",
    "What did Mette Frederiksen say the war in Ukraine is really about?",
    "Which bill did Trump tell Putin about during their conversation?",
    "What did Putin propose that the US and Russia could exchange?",
    "Which weapons were held up in the paused deliveries to Ukraine?",
    "When did Israel attack Iran?",
    "What did Peskov say about Trump's harsh rhetoric?",
    "What secondary tariffs did Trump threaten to impose on Russia?",
    "How many days did Trump give Putin to agree to a cease-fire?",
    "What did the European Union agree on July 18?",
    "Who led Ukraine's delegation in the first rounds of negotiations?",
    "How many southeastern provinces did Moscow demand that Ukraine surrender?",
    "What did Kaja Kallas say about the pressure on Russia?",
    "What price cap on Russian oil does Andriy Sybiha want the G7 to set?",
    "What did Tatiana Stanovaya say about Putin's memorandum?",
    "When was Pawel K arrested and what was he accused of?",
    "Which airport did Pawel K collect security information about?",
    "What did Johann Wadephul say Germany expects from Russia?",
    "What did Mikhailo Podolyak say about the status quo after the Trump-Putin phone call?",
    "Which sanctions package is the European Commission preparing next?",
    "How did Zelensky describe his conversation with Friedrich Merz?",
    "How many combat clashes did Ukraine report over the past 24 hours?",
    "What did Xi Jinping say about the Trump-Putin phone call?",
    "How many tanks did Sweden send to Ukraine in July?",
    "What was the weather like in Moscow during the call?",
]
TIE_TOLERANCE = 0.01  # a Chroma hit within this cosine of the exact 10th counts as a near-tie


# --------------------------------------------------------------------------- stats
def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else float("nan")


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(values, 50), 3),
        "p95": round(percentile(values, 95), 3),
        "mean": round(statistics.fmean(values), 3) if values else float("nan"),
        "min": round(min(values), 3) if values else float("nan"),
        "max": round(max(values), 3) if values else float("nan"),
        "n": len(values),
    }


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# ------------------------------------------------------------------ synthetic corpus
@dataclass
class SentencePool:
    texts: list[str]
    vectors: np.ndarray  # (n, 384) real embeddings of `texts`, L2-normalised


def build_sentence_pool(store: Any, encoder: Any) -> SentencePool:
    """The sample articles' sentences (4+ words) and their real embeddings."""
    from index.sentences import split_sentences

    texts: list[str] = []
    seen: set[str] = set()
    for record in store.article_records():
        for start, end in split_sentences(record.text):
            sentence = record.text[start:end].strip()
            if len(sentence.split()) >= 4 and sentence not in seen:
                seen.add(sentence)
                texts.append(sentence)
    vectors = np.asarray(encoder.embed_array(texts), dtype=np.float32)
    return SentencePool(texts, vectors)


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.clip(np.linalg.norm(matrix, axis=-1, keepdims=True), 1e-12, None)


def _noise(rng: np.random.Generator, shape: tuple[int, ...], cosine: float) -> np.ndarray:
    """Gaussian noise whose norm makes cos(v, normalise(v + noise)) about `cosine` for a unit v."""
    dims = shape[-1]
    norm = float(np.sqrt(1.0 / cosine**2 - 1.0))
    return rng.standard_normal(shape).astype(np.float32) * (norm / np.sqrt(dims))


class SyntheticCorpus:
    """Generates synthetic articles (records, passages with sentence spans and packed sentence vectors)."""

    def __init__(self, pool: SentencePool, seed: int = SEED, sentence_cosine: float = 0.92, chunk_cosine: float = 0.93):
        self.pool = pool
        self.rng = random.Random(seed)
        self.nrng = np.random.default_rng(seed)
        self.sentence_cosine = sentence_cosine
        self.chunk_cosine = chunk_cosine
        self.surnames = fake_surnames(self.rng, 3000)
        # chunks of the real ones have ~6-7 sentences (~980 characters)
        self.sentences_per_chunk = (5, 8)

    def _vary(self, sentence: str) -> str:
        """Other names, numbers and months: same prose, different facts (and a growing vocabulary)."""
        return vary_sentence(sentence, self.rng, self.surnames, said_that=0.3)

    def article(self, number: int) -> tuple[Any, list[Any], list[list[float]]]:
        """One synthetic article: (ArticleRecord, its PassageRecords, their embeddings)."""
        from index.store import ArticleRecord, PassageRecord
        from index.vector_codec import pack

        rng = self.rng
        chunk_count = rng.randint(3, 10)
        low, high = self.sentences_per_chunk
        # sentence windows with one sentence of overlap between consecutive chunks
        windows: list[tuple[int, int]] = []
        cursor = 0
        for _ in range(chunk_count):
            size = rng.randint(low, high)
            windows.append((cursor, cursor + size))
            cursor += size - 1
        total = cursor + 1
        picks = [rng.randrange(len(self.pool.texts)) for _ in range(total)]
        sentences = [self._vary(self.pool.texts[i]) for i in picks]
        offsets: list[tuple[int, int]] = []
        position = 0
        for sentence in sentences:
            offsets.append((position, position + len(sentence)))
            position += len(sentence) + 1
        text = " ".join(sentences)
        sentence_vectors = _normalise_rows(
            self.pool.vectors[picks] + _noise(self.nrng, (total, self.pool.vectors.shape[1]), self.sentence_cosine)
        )

        article_id = f"synthetic/{number:06d}.txt"
        digest = f"{self.rng.getrandbits(64):016x}"
        publisher = rng.choice(PUBLISHERS)
        published = (date(2024, 1, 1) + timedelta(days=rng.randrange(600))).isoformat()
        title = sentences[0][:90].rsplit(" ", 1)[0]
        passages: list[PassageRecord] = []
        embeddings: list[list[float]] = []
        for index, (first, last) in enumerate(windows):
            start, end = offsets[first][0], offsets[last - 1][1]
            spans = tuple((s - start, e - start) for s, e in offsets[first:last])
            rows = sentence_vectors[first:last]
            chunk_vector = _normalise_rows(
                _normalise_rows(rows.mean(axis=0)) + _noise(self.nrng, (rows.shape[1],), self.chunk_cosine)
            )
            passages.append(
                PassageRecord(
                    passage_id=f"{article_id}::{digest}::{index:04d}",
                    article_id=article_id,
                    text=text[start:end],
                    start=start,
                    end=end,
                    chunk_index=index,
                    title=title,
                    source=publisher,
                    published=published,
                    url=None,
                    content_hash=digest,
                    sentence_spans=spans,
                    sentence_vectors=pack(rows.astype(np.float32)),
                )
            )
            embeddings.append(chunk_vector.astype(np.float32).tolist())
        record = ArticleRecord(
            article_id=article_id,
            title=title,
            source=publisher,
            published=published,
            url=None,
            content_hash=digest,
            chunk_count=len(passages),
            path=f"/synthetic/{article_id}",
            text=text,
            raw_text=text,
            segments=((0, 0, len(text)),),
        )
        return record, passages, embeddings


class _UpsertRecorder:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def upsert(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)


def put_articles(store: Any, records: list[Any]) -> None:
    """`store.put_article` for many records in one Chroma upsert.

    Every Chroma write costs ~30-60 ms on this machine whatever its size, so one
    call per article would make the 100k build take a quarter of an hour. The
    records are serialised by `put_article` itself (its upsert captured), so the
    stored format is exactly the store's.
    """
    if not records:
        return
    recorder = _UpsertRecorder()
    articles = store._articles
    store._articles = recorder
    try:
        for record in records:
            store.put_article(record)
    finally:
        store._articles = articles
    keys = recorder.calls[0].keys()
    articles.upsert(**{key: [item for call in recorder.calls for item in call[key]] for key in keys})


def add_synthetic(store: Any, encoder: Any, chunks: int, log: Any) -> dict[str, Any]:
    """Write about `chunks` synthetic passages (and their articles) into an open-for-writing store."""
    began = time.perf_counter()
    pool = build_sentence_pool(store, encoder)
    log(f"  sentence pool: {len(pool.texts)} real sentences embedded in {time.perf_counter() - began:.1f} s")
    corpus = SyntheticCorpus(pool)
    written = articles = 0
    pending_records: list[Any] = []
    pending_passages: list[Any] = []
    pending_vectors: list[list[float]] = []
    write_s = generate_s = 0.0

    def flush() -> None:
        nonlocal write_s
        t0 = time.perf_counter()
        store.upsert_passages(pending_passages, pending_vectors)
        put_articles(store, pending_records)  # article records last, as the pipeline does
        write_s += time.perf_counter() - t0
        pending_records.clear()
        pending_passages.clear()
        pending_vectors.clear()

    last_report = time.perf_counter()
    while written < chunks:
        t0 = time.perf_counter()
        record, passages, vectors = corpus.article(articles)
        generate_s += time.perf_counter() - t0
        if len(passages) > chunks - written:  # the last article is cut short: its record says so
            passages, vectors = passages[: chunks - written], vectors[: chunks - written]
            record = replace(record, chunk_count=len(passages))
        pending_records.append(record)
        pending_passages.extend(passages)
        pending_vectors.extend(vectors)
        written += len(passages)
        articles += 1
        if len(pending_passages) >= 2000:
            flush()
            if time.perf_counter() - last_report > 20:
                log(f"  {written}/{chunks} synthetic chunks written ({time.perf_counter() - began:.0f} s)")
                last_report = time.perf_counter()
    if pending_passages:
        flush()
    return {
        "synthetic_chunks": written,
        "synthetic_articles": articles,
        "pool_sentences": len(pool.texts),
        "generate_s": round(generate_s, 1),
        "write_s": round(write_s, 1),
        "seconds": round(time.perf_counter() - began, 1),
        "sentence_cosine": corpus.sentence_cosine,
        "chunk_cosine": corpus.chunk_cosine,
    }


# ------------------------------------------------------------------------- building
def parse_scale(name: str) -> int:
    """0 for `sample`, else the number of synthetic chunks: `10k`, `100k`, `2500`."""
    name = name.strip().lower()
    if name == "sample":
        return 0
    if name.endswith("k"):
        return int(float(name[:-1]) * 1000)
    return int(name)


def settings_for(data_dir: Path) -> Any:
    from rag.settings import Settings

    # explicit values so a developer's .env or environment cannot change what is measured
    return Settings(data_dir=data_dir, chroma_host=None, chroma_port=None, embedding_backend="local",
                    answer_mode="extractive", openai_api_key=None, openai_base_url=None)


def build_scale(scale: str, data_dir: Path, encoder: Any, log: Any) -> dict[str, Any]:
    """Build (or reuse) the store of one scale under `data_dir`; returns how it was built."""
    from rag.library import ingest_paths
    from rag.services import build_store

    synthetic = parse_scale(scale)
    marker = data_dir / "bench_build.json"
    wanted = {"scale": scale, "synthetic_chunks": synthetic, "generator": GENERATOR_VERSION, "seed": SEED}
    if marker.is_file():
        built = json.loads(marker.read_text())
        if all(built.get(k) == v for k, v in wanted.items()):
            log(f"[{scale}] reusing the store in {data_dir}")
            return {**built, "reused": True}
        shutil.rmtree(data_dir)
    elif data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    settings = settings_for(data_dir)
    log(f"[{scale}] ingesting the sample articles into {data_dir}")
    began = time.perf_counter()
    report = ingest_paths(settings, [])
    built: dict[str, Any] = {**wanted, "ingest_s": round(time.perf_counter() - began, 1), "sample_chunks": report.chunks}
    if synthetic:
        log(f"[{scale}] writing {synthetic} synthetic chunks")
        store = build_store(settings, encoder).open_for_writing()
        with store.writing():  # one write session: the store is stamped consistent at its end
            built["synthetic"] = add_synthetic(store, encoder, synthetic, log)
        from index.repair import repair_store

        t0 = time.perf_counter()
        check = repair_store(store, trigger="bench build")
        built["repair_check_s"] = round(time.perf_counter() - t0, 2)
        log(f"[{scale}] full store check in {built['repair_check_s']} s: {check.summary()}")
        del store
        gc.collect()
    built["build_s"] = round(time.perf_counter() - began, 1)
    marker.write_text(json.dumps(built, indent=2))
    return {**built, "reused": False}


# ---------------------------------------------------------------------- measuring
def all_embeddings(store_settings: Any) -> tuple[list[str], np.ndarray]:
    """Every stored passage vector (for exact search), read from Chroma in pages."""
    from index.store import open_client

    client = open_client(Path(store_settings.data_dir))
    collection = client.get_collection(store_settings.collection, embedding_function=None)
    ids: list[str] = []
    rows: list[np.ndarray] = []
    offset = 0
    while True:
        got = collection.get(include=["embeddings"], limit=5000, offset=offset)
        if not got["ids"]:
            break
        ids.extend(got["ids"])
        rows.append(np.asarray(got["embeddings"], dtype=np.float32))
        offset += len(got["ids"])
    return ids, _normalise_rows(np.vstack(rows))


def hnsw_recall(store: Any, ids: list[str], matrix: np.ndarray, queries: np.ndarray, k: int = 10) -> dict[str, Any]:
    """Share of the exact top-k that Chroma's HNSW returns (and counting near-ties), plus both latencies."""
    exact_hits = strict = loose = 0
    exact_ms: list[float] = []
    chroma_ms: list[float] = []
    for query in queries:
        t0 = time.perf_counter()
        scores = matrix @ query
        top = np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top])]
        exact_ms.append((time.perf_counter() - t0) * 1000)
        exact = {ids[i] for i in top}
        kth = float(scores[top[-1]])
        t0 = time.perf_counter()
        hits = store.query(query.tolist(), k)
        chroma_ms.append((time.perf_counter() - t0) * 1000)
        exact_hits += k
        for hit in hits:
            if hit.passage.passage_id in exact:
                strict += 1
                loose += 1
            elif hit.similarity >= kth - TIE_TOLERANCE:
                loose += 1
    return {
        "recall_at_10": round(strict / exact_hits, 4),
        "recall_at_10_near_ties": round(loose / exact_hits, 4),
        "tie_tolerance": TIE_TOLERANCE,
        "queries": int(len(queries)),
        "exact_numpy_ms": summary(exact_ms),
        "chroma_top10_ms": summary(chroma_ms),
    }


def measure_scale(scale: str, data_dir: Path, encoder: Any, rounds: int, log: Any) -> dict[str, Any]:
    from rag.assistant import Assistant
    from rag.services import build_store

    settings = settings_for(data_dir)
    store = build_store(settings, encoder).open_for_reading()
    chunks = store.count()
    assistant = Assistant(settings, store, encoder)
    # every round asks the same questions: measure answering them, not handing out the answers kept
    assistant.answers.size = 0
    load_before = load_average()

    t0 = time.perf_counter()
    first = assistant.ask(QUESTIONS[0], mode="extractive")
    first_ask_s = time.perf_counter() - t0  # BM25 load/build + known terms (cached per revision afterwards)
    log(f"[{scale}] {chunks} chunks; first ask {first_ask_s:.2f} s: {first.answer[:80]!r}")
    bm25 = assistant.bm25
    candidates = settings.candidates
    from index.store import open_client

    # The same query straight on the Chroma collection: what `store.query` costs beyond it
    # (a count() per call, the records' parsing) shows as the gap between the two floors.
    collection = open_client(Path(settings.data_dir)).get_collection(settings.collection, embedding_function=None)

    def floor(question: str) -> dict[str, float]:
        t0 = time.perf_counter()
        vector = encoder.embed_query(question)
        t1 = time.perf_counter()
        store.query(vector, candidates)
        t2 = time.perf_counter()
        bm25.search(question, candidates)
        t3 = time.perf_counter()
        collection.query(query_embeddings=[vector], n_results=candidates,
                         include=["documents", "metadatas", "distances"])
        t4 = time.perf_counter()
        parts = {"embed": (t1 - t0) * 1000, "dense": (t2 - t1) * 1000, "bm25": (t3 - t2) * 1000,
                 "chroma_raw": (t4 - t3) * 1000}
        parts["total"] = parts["embed"] + parts["dense"] + parts["bm25"]
        parts["total_raw"] = parts["embed"] + parts["chroma_raw"] + parts["bm25"]
        return parts

    def ask(question: str) -> tuple[float, Any]:
        t0 = time.perf_counter()
        answer = assistant.ask(question, mode="extractive")
        return (time.perf_counter() - t0) * 1000, answer

    floor(QUESTIONS[1])  # warm the floor's own path once too
    floors: list[dict[str, float]] = []
    asks: list[float] = []
    breakdown: dict[str, list[float]] = {}
    outcomes: dict[str, dict[str, Any]] = {}
    sample_ids = {r.article_id for r in store.article_records() if not r.article_id.startswith("synthetic/")}
    for round_number in range(rounds):
        for question in QUESTIONS:
            order = ("floor", "ask") if round_number % 2 == 0 else ("ask", "floor")
            for step in order:
                if step == "floor":
                    floors.append(floor(question))
                else:
                    elapsed, answer = ask(question)
                    asks.append(elapsed)
                    for key, value in answer.timings_ms.items():
                        breakdown.setdefault(key, []).append(value)
                    if round_number == 0:
                        outcomes[question] = {
                            "abstained": answer.abstained,
                            "cites_sample_article": any(c.article_id in sample_ids for c in answer.citations),
                            "answer": answer.answer[:160],
                        }
    floor_total = [f["total"] for f in floors]
    floor_raw = [f["total_raw"] for f in floors]
    result: dict[str, Any] = {
        "chunks": chunks,
        "questions": len(QUESTIONS),
        "rounds": rounds,
        "first_ask_s": round(first_ask_s, 3),
        "floor_ms": summary(floor_total),
        "floor_parts_ms": {part: summary([f[part] for f in floors]) for part in ("embed", "dense", "bm25", "chroma_raw")},
        "floor_raw_ms": summary(floor_raw),
        "ask_ms": summary(asks),
        "ask_breakdown_ms": {key: summary(values) for key, values in sorted(breakdown.items())},
        "ratio_p95": round(percentile(asks, 95) / percentile(floor_total, 95), 2),
        "ratio_p50": round(percentile(asks, 50) / percentile(floor_total, 50), 2),
        "ratio_p95_raw_floor": round(percentile(asks, 95) / percentile(floor_raw, 95), 2),
        "ratio_p50_raw_floor": round(percentile(asks, 50) / percentile(floor_raw, 50), 2),
        "answered": sum(not o["abstained"] for o in outcomes.values()),
        "answered_from_sample": sum(o["cites_sample_article"] for o in outcomes.values()),
        "outcomes": outcomes,
        "load_before": load_before,
    }
    if parse_scale(scale):
        log(f"[{scale}] measuring HNSW recall against exact search")
        ids, matrix = all_embeddings(settings)
        question_vectors = np.asarray([encoder.embed_query(q) for q in QUESTIONS], dtype=np.float32)
        rng = np.random.default_rng(SEED)
        random_rows = matrix[rng.choice(len(matrix), size=200, replace=False)]
        perturbed = _normalise_rows(random_rows + _noise(rng, random_rows.shape, 0.9))
        result["recall_questions"] = hnsw_recall(store, ids, matrix, _normalise_rows(question_vectors))
        result["recall_random_200"] = hnsw_recall(store, ids, matrix, perturbed)
        del matrix
    result["load_after"] = load_average()
    return result


# --------------------------------------------------------------------------- report
def table(results: dict[str, dict[str, Any]]) -> str:
    header = (f"{'scale':>7} {'chunks':>7} | {'floor p50':>9} {'p95':>7} | {'ask p50':>8} {'p95':>7} | "
              f"{'p95 ratio':>9} {'p50 ratio':>9} | {'raw floor p95':>13} {'ratio':>5} | "
              f"{'recall@10':>9} {'(ties)':>7} | {'answered':>8} | load")
    lines = [header, "-" * len(header)]
    for scale, r in results.items():
        recall = r.get("recall_questions")
        lines.append(
            f"{scale:>7} {r['chunks']:>7} | {r['floor_ms']['p50']:>7.1f}ms {r['floor_ms']['p95']:>5.1f}ms | "
            f"{r['ask_ms']['p50']:>6.1f}ms {r['ask_ms']['p95']:>5.1f}ms | {r['ratio_p95']:>9.2f} {r['ratio_p50']:>9.2f} | "
            f"{r['floor_raw_ms']['p95']:>11.1f}ms {r['ratio_p95_raw_floor']:>5.2f} | "
            f"{(recall['recall_at_10'] if recall else float('nan')):>9.2f} "
            f"{(recall['recall_at_10_near_ties'] if recall else float('nan')):>7.2f} | "
            f"{r['answered']:>3}/{r['questions']:<4} | {r['load_before']} -> {r['load_after']}"
        )
    lines.append("")
    lines.append("ask breakdown p50 (ms): " + "; ".join(
        f"{scale}: " + ", ".join(f"{k.replace('retrieve_', 'r.')} {v['p50']:.1f}" for k, v in r["ask_breakdown_ms"].items())
        for scale, r in results.items()
    ))
    lines.append("floor parts p50 (ms): " + "; ".join(
        f"{scale}: " + ", ".join(f"{k} {v['p50']:.1f}" for k, v in r["floor_parts_ms"].items())
        for scale, r in results.items()
    ))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="sample,10k,100k", help="comma-separated: sample, 10k, 100k, or a number")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the questions (each: floor and ask)")
    parser.add_argument("--work-dir", type=Path, default=None, help="where stores are built (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work dir (stores are reused by the next run)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    parser.add_argument("--merge", action="store_true", help="keep the other scales already in --out")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    from rag.services import build_encoder

    work = args.work_dir or Path(tempfile.mkdtemp(prefix="ask-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    encoder = build_encoder(settings_for(work / "unused"))
    builds: dict[str, Any] = {}
    results: dict[str, dict[str, Any]] = {}
    try:
        for scale in [s.strip() for s in args.scales.split(",") if s.strip()]:
            data_dir = work / scale
            builds[scale] = build_scale(scale, data_dir, encoder, log)
            log(f"[{scale}] built in {builds[scale].get('build_s')} s; measuring {args.rounds} rounds")
            results[scale] = measure_scale(scale, data_dir, encoder, args.rounds, log)
            results[scale]["build"] = builds[scale]
            log(f"[{scale}] ask p95 {results[scale]['ask_ms']['p95']:.1f} ms, floor p95 "
                f"{results[scale]['floor_ms']['p95']:.1f} ms, ratio {results[scale]['ratio_p95']}")
            gc.collect()
    finally:
        if not args.keep and args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)

    report = {
        "benchmark": "ask (extractive, warm) vs raw retrieval floor",
        "target": "ask p95 <= 2x floor p95",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": round(time.perf_counter() - started, 1),
        "scales": results,
    }
    for scale, r in results.items():
        r["meets_target"] = r["ratio_p95"] <= 2.0
    if args.merge and args.out.is_file():
        previous = json.loads(args.out.read_text()).get("scales", {})
        report["scales"] = {**{k: v for k, v in previous.items() if k not in results}, **results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(table(results))
    print(f"\nwritten {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
