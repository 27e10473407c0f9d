"""End-to-end ingest throughput against the raw embedder, on the same chunks, in one process.

Two corpora:

- ``sample``: the five bundled articles (~25 chunks). Tiny, so it is ingested
  ``--rounds`` times, each time into a fresh temporary store;
- ``large``: a generated corpus (``bench/corpus.py``: the sample sentences recombined
  with other names, numbers and months; deterministic seed) of at least ``--chunks``
  chunks (default 10,000), written as .txt files plus manifest.json to a temp folder.

Measured, on exactly the chunk texts the pipeline makes (``index.pipeline.prepare_article``):

- raw ``embed_with_spans``: ``MiniLMOnnxEncoder.embed_with_spans(texts, sentence spans)``,
  what the pipeline calls;
- raw ``embed_array``: ``MiniLMOnnxEncoder.embed_array(texts)``, the plain embedder;
- pipeline: ``index.pipeline.ingest`` from the files to a Chroma store (load, clean,
  metadata, chunk, embed, pack sentence vectors, upsert, article records).

Reported: chunks/s of each and the ratios pipeline ÷ raw (target >= 0.85), from wall
time; the same ratios from this process's CPU time are reported too (steadier when other
processes load the machine, but blind to I/O waits). The large corpus is cut into
``--slices`` slices (~250 chunks each at 10,000) and raw and pipeline alternate slice by
slice, the order flipping each time (the pipeline ingests each slice into the same,
growing store), so that load from other processes hits both alike. The pipeline's time is broken down
(embedding, Chroma writes, Chroma reads, the rest) by timing the encoder's and the
store's methods.

    python bench/ingest_bench.py                  # sample (5 rounds) + 10,000-chunk corpus
    python bench/ingest_bench.py --chunks 2000    # a quicker large run
    python bench/ingest_bench.py --chunks 0       # sample only

Writes bench/results/ingest.json (``--out``) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import DEFAULT_SEED, corpus_for_chunks  # noqa: E402
from index.embedder import MiniLMOnnxEncoder  # noqa: E402
from index.metadata import read_manifest  # noqa: E402
from index.pipeline import ChunkSettings, IngestReport, ingest, prepare_article  # noqa: E402
from index.store import PassageStore, open_client  # noqa: E402

DEFAULT_OUT = HERE / "results" / "ingest.json"
SAMPLE_DIR = ROOT / "data" / "articles"
TARGET_RATIO = 0.85


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# --------------------------------------------------------------------- instrumentation
class Timings:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def timed(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - began
                self.calls[name] += 1

        return wrapper


class TimedEncoder(MiniLMOnnxEncoder):
    """The real encoder; its `embed_with_spans` time is recorded (the pipeline's embedding share)."""

    timings: Timings | None = None

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Any]) -> Any:
        began = time.perf_counter()
        try:
            return super().embed_with_spans(texts, spans)
        finally:
            if self.timings is not None:
                self.timings.seconds["embed"] += time.perf_counter() - began
                self.timings.calls["embed"] += 1


STORE_WRITES = ("upsert_passages", "delete_passages", "put_article", "put_articles", "delete_article", "bump_revision")
STORE_READS = ("article", "passage_ids", "article_records")


def instrument_store(store: PassageStore, timings: Timings) -> None:
    for name in STORE_WRITES + STORE_READS:
        method = getattr(store, name, None)
        if method is not None:
            setattr(store, name, timings.timed(name, method))


# --------------------------------------------------------------------------- clocks
class Clock:
    """Wall time (what a user waits) and this process's CPU time (all threads; steadier when other
    processes load the machine, but blind to time spent waiting on I/O such as sqlite syncs)."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


# --------------------------------------------------------------------------- workloads
@dataclass
class Chunks:
    texts: list[str]
    spans: list[tuple[tuple[int, int], ...]]
    sentence_count: int = 0
    characters: int = 0


def pipeline_chunks(files: Sequence[Path], chunks: ChunkSettings) -> Chunks:
    """The chunk texts and sentence spans the pipeline will embed for these files."""
    manifests: dict[Path, dict[str, Any]] = {}
    texts: list[str] = []
    spans: list[tuple[tuple[int, int], ...]] = []
    for path in files:
        manifest = manifests.setdefault(path.parent, read_manifest(path.parent))
        _, passages = prepare_article(path, path.name, manifest, chunks, 10_000_000)
        texts.extend(p.text for p in passages)
        spans.extend(p.sentence_spans for p in passages)
    return Chunks(texts, spans, sum(len(s) for s in spans), sum(len(t) for t in texts))


def time_raw_spans(encoder: MiniLMOnnxEncoder, work: Chunks) -> tuple[float, float]:
    clock = Clock()
    encoder.embed_with_spans(work.texts, work.spans)
    return clock.stop()


def time_raw_array(encoder: MiniLMOnnxEncoder, work: Chunks) -> tuple[float, float]:
    clock = Clock()
    encoder.embed_array(work.texts)
    return clock.stop()


def new_store(data_dir: Path, encoder: MiniLMOnnxEncoder) -> PassageStore:
    return PassageStore(open_client(data_dir), "articles", encoder.fingerprint).open_for_writing()


def time_pipeline(paths: Sequence[Path], store: PassageStore, encoder: TimedEncoder, chunks: ChunkSettings,
                  timings: Timings) -> tuple[tuple[float, float], IngestReport]:
    encoder.timings = timings
    try:
        clock = Clock()
        report = ingest(paths, store, encoder, chunks=chunks)
        return clock.stop(), report
    finally:
        encoder.timings = None


@dataclass
class Totals:
    chunks: int = 0
    wall: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    rounds: list[dict[str, Any]] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)

    def add(self, chunks: int, spans: tuple[float, float], array: tuple[float, float], pipeline: tuple[float, float],
            **extra: Any) -> dict[str, Any]:
        self.chunks += chunks
        for name, (wall, cpu) in (("raw_spans", spans), ("raw_array", array), ("pipeline", pipeline)):
            self.wall[name] += wall
            self.cpu[name] += cpu
        row = {
            "chunks": chunks,
            "raw_spans_s": round(spans[0], 3),
            "raw_array_s": round(array[0], 3),
            "pipeline_s": round(pipeline[0], 3),
            "ratio_vs_spans": round(spans[0] / pipeline[0], 3),
            "ratio_vs_array": round(array[0] / pipeline[0], 3),
            "cpu_s": {"raw_spans": round(spans[1], 3), "raw_array": round(array[1], 3), "pipeline": round(pipeline[1], 3)},
            "load": load_average(),
            **extra,
        }
        self.rounds.append(row)
        return row

    def summary(self) -> dict[str, Any]:
        t = self.timings.seconds
        writes = sum(t[name] for name in STORE_WRITES)
        reads = sum(t[name] for name in STORE_READS)
        wall, cpu = self.wall, self.cpu
        return {
            "chunks": self.chunks,
            "raw_spans_chunks_per_s": round(self.chunks / wall["raw_spans"], 2),
            "raw_array_chunks_per_s": round(self.chunks / wall["raw_array"], 2),
            "pipeline_chunks_per_s": round(self.chunks / wall["pipeline"], 2),
            "ratio_vs_spans": round(wall["raw_spans"] / wall["pipeline"], 3),
            "ratio_vs_array": round(wall["raw_array"] / wall["pipeline"], 3),
            "cpu_ratio_vs_spans": round(cpu["raw_spans"] / cpu["pipeline"], 3),
            "cpu_ratio_vs_array": round(cpu["raw_array"] / cpu["pipeline"], 3),
            "cpu_seconds": {name: round(value, 2) for name, value in cpu.items()},
            "per_round_ratio_vs_spans": _spread([r["ratio_vs_spans"] for r in self.rounds]),
            "per_round_ratio_vs_array": _spread([r["ratio_vs_array"] for r in self.rounds]),
            "pipeline_breakdown_s": {
                "total": round(wall["pipeline"], 2),
                "embed (embed_with_spans)": round(t["embed"], 2),
                "chroma writes": round(writes, 2),
                "chroma reads": round(reads, 2),
                "other (load, clean, metadata, chunk, pack)": round(wall["pipeline"] - t["embed"] - writes - reads, 2),
            },
            "store_calls": {name: {"calls": self.timings.calls[name], "seconds": round(t[name], 2)}
                            for name in STORE_WRITES + STORE_READS if self.timings.calls[name]},
        }


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "min": min(values), "max": max(values)} if values else {}


# ------------------------------------------------------------------------------ runs
def run_sample(encoder: TimedEncoder, chunks: ChunkSettings, rounds: int, work_dir: Path) -> dict[str, Any]:
    files = sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix == ".txt")
    work = pipeline_chunks(files, chunks)
    totals = Totals()
    log(f"sample: {len(files)} articles, {len(work.texts)} chunks, {rounds} rounds")
    for number in range(rounds):
        store_dir = work_dir / f"sample-{number}"
        opened = time.perf_counter()
        store = new_store(store_dir, encoder)
        open_s = time.perf_counter() - opened
        instrument_store(store, totals.timings)
        if number % 2 == 0:  # alternate the order so drifting load hits both sides
            spans_s, array_s = time_raw_spans(encoder, work), time_raw_array(encoder, work)
            pipeline_s, report = time_pipeline([SAMPLE_DIR], store, encoder, chunks, totals.timings)
        else:
            pipeline_s, report = time_pipeline([SAMPLE_DIR], store, encoder, chunks, totals.timings)
            spans_s, array_s = time_raw_spans(encoder, work), time_raw_array(encoder, work)
        assert report.chunks == len(work.texts) and len(report.added) == len(files), report.as_json()
        row = totals.add(len(work.texts), spans_s, array_s, pipeline_s, store_open_s=round(open_s, 3))
        log(f"  round {number + 1}: raw spans {spans_s[0]:.2f} s, raw array {array_s[0]:.2f} s, pipeline {pipeline_s[0]:.2f} s "
            f"(+{open_s:.2f} s to open the store) -> ratio {row['ratio_vs_spans']:.3f} / {row['ratio_vs_array']:.3f}")
        shutil.rmtree(store_dir, ignore_errors=True)
    result = totals.summary()
    result.update(articles=len(files), rounds=rounds, characters_per_chunk=round(work.characters / len(work.texts)),
                  sentences_per_chunk=round(work.sentence_count / len(work.texts), 2), per_round=totals.rounds)
    return result


def run_large(encoder: TimedEncoder, chunks: ChunkSettings, target: int, slices: int, work_dir: Path,
              seed: int) -> dict[str, Any]:
    corpus = work_dir / "large-corpus"
    began = time.perf_counter()
    files, expected = corpus_for_chunks(corpus, target, seed, chunks.chunk_size, chunks.chunk_overlap)
    log(f"large: generated {len(files)} articles, {expected} chunks in {time.perf_counter() - began:.1f} s")
    store = new_store(work_dir / "large-store", encoder)
    totals = Totals()
    instrument_store(store, totals.timings)
    per_slice = -(-len(files) // slices)
    for number in range(slices):
        part = files[number * per_slice : (number + 1) * per_slice]
        if not part:
            break
        work = pipeline_chunks(part, chunks)
        if number % 2 == 0:
            spans_s, array_s = time_raw_spans(encoder, work), time_raw_array(encoder, work)
            pipeline_s, report = time_pipeline(part, store, encoder, chunks, totals.timings)
        else:
            pipeline_s, report = time_pipeline(part, store, encoder, chunks, totals.timings)
            spans_s, array_s = time_raw_spans(encoder, work), time_raw_array(encoder, work)
        assert report.chunks == len(work.texts) and len(report.added) == len(part), report.as_json()
        row = totals.add(len(work.texts), spans_s, array_s, pipeline_s, articles=len(part), store_size=store.count())
        log(f"  slice {number + 1}/{slices}: {len(work.texts)} chunks; raw spans {spans_s[0]:.1f} s, raw array "
            f"{array_s[0]:.1f} s, pipeline {pipeline_s[0]:.1f} s -> ratio {row['ratio_vs_spans']:.3f} / "
            f"{row['ratio_vs_array']:.3f}; load {row['load']}")
    assert store.count() == expected, (store.count(), expected)
    sample_meta = next(store.iter_passages(page_size=200)).metadata()
    result = totals.summary()
    result.update(
        articles=len(files),
        slices=len(totals.rounds),
        seed=seed,
        characters_per_chunk=round(sum(len(p.text) for p in store.iter_passages()) / expected),
        sentence_vectors_bytes_per_chunk=len(sample_meta.get("sentence_vectors", "")),
        per_slice=totals.rounds,
    )
    return result


# ------------------------------------------------------------------------------ report
def table(results: dict[str, Any]) -> str:
    lines = [
        f"{'corpus':<8} {'chunks':>7} {'raw spans/s':>12} {'raw array/s':>12} {'pipeline/s':>11} "
        f"{'ratio vs spans':>15} {'ratio vs array':>15} {'CPU-time ratios':>16}",
    ]
    for name in ("sample", "large"):
        r = results.get(name)
        if not r:
            continue
        lines.append(
            f"{name:<8} {r['chunks']:>7} {r['raw_spans_chunks_per_s']:>12.2f} {r['raw_array_chunks_per_s']:>12.2f} "
            f"{r['pipeline_chunks_per_s']:>11.2f} {r['ratio_vs_spans']:>15.3f} {r['ratio_vs_array']:>15.3f} "
            f"{r['cpu_ratio_vs_spans']:>7.3f} / {r['cpu_ratio_vs_array']:.3f}"
        )
    for name in ("sample", "large"):
        r = results.get(name)
        if r:
            parts = ", ".join(f"{k} {v:.2f} s" for k, v in r["pipeline_breakdown_s"].items())
            lines.append(f"{name} pipeline time: {parts}")
    lines.append(f"target: pipeline / raw >= {TARGET_RATIO}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=10_000, help="chunks of the generated corpus (0: sample only)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds on the sample corpus")
    parser.add_argument("--slices", type=int, default=40, help="raw/pipeline alternations on the large corpus")
    parser.add_argument("--batch-size", type=int, default=32, help="embedder batch size (RAG_EMBED_BATCH_SIZE)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work-dir", type=Path, default=None, help="where temp corpora and stores go")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    chunks = ChunkSettings()  # the defaults `rag ingest` uses: 230 / 40 tokens
    encoder = TimedEncoder(batch_size=args.batch_size)
    encoder.embed_with_spans(["Warm-up sentence."], [[(0, 17)]])  # load the model outside every timing
    work_dir = Path(tempfile.mkdtemp(prefix="ingest-bench-", dir=args.work_dir))
    results: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, "bench/ingest_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "embedder": encoder.fingerprint,
        "batch_size": args.batch_size,
        "chunk_size": chunks.chunk_size,
        "chunk_overlap": chunks.chunk_overlap,
        "load_before": load_average(),
    }
    began = time.perf_counter()
    try:
        results["sample"] = run_sample(encoder, chunks, args.rounds, work_dir)
        if args.chunks > 0:
            results["large"] = run_large(encoder, chunks, args.chunks, args.slices, work_dir, args.seed)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    results["load_after"] = load_average()
    results["wall_seconds"] = round(time.perf_counter() - began, 1)
    results["target_ratio"] = TARGET_RATIO
    results["meets_target"] = {
        name: results[name]["ratio_vs_spans"] >= TARGET_RATIO and results[name]["ratio_vs_array"] >= TARGET_RATIO
        for name in ("sample", "large") if name in results
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
