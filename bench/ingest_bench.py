"""Ingest throughput, old setup against new, end to end and for the raw embedder, in one process.

A *setup* is an embedder plus a way of running the pipeline:

- ``old``: what `rag ingest` ran before the fused graph: the packaged int8 ONNX
  export (``MiniLMOnnxEncoder(graph="export-int8")``, onnxruntime's default
  session options, padded batches of 32) and the stages one after another
  (``ingest(..., overlap=False)``);
- ``new``: the default now: the fused int8 graph built by ``index.minilm_graph``
  on every core, and reading / embedding / writing overlapped;
- ``new-sequential`` (opt-in): the fused graph with the stages one after another,
  which separates what the graph gains from what the overlap gains;
- ``new-no-ner`` (opt-in): ``new`` with the named-entity step (spaCy, run on every
  changed article at ingest) replaced by one that finds nothing: what NER costs end
  to end.

Two corpora:

- ``sample``: the five bundled articles (~25 chunks), ingested ``--rounds`` times,
  each time into fresh temporary stores;
- ``large``: a generated corpus (``bench/corpus.py``: the sample sentences recombined
  with other names, numbers and months; deterministic seed) of at least ``--chunks``
  chunks, cut into ``--slices`` slices, each ingested into one growing store per setup.

For each round or slice, every setup runs its raw embedder on exactly the chunk
texts the pipeline makes (``embed_with_spans``: chunk vectors plus late-chunked
sentence vectors, what the pipeline calls) and then the pipeline
(``index.pipeline.ingest``: load, clean, metadata, chunk, named entities, embed,
pack sentence vectors, Chroma and keyword index upserts, article records). Setups take turns, the order rotating
every round, so load from other processes hits all of them alike.

Reported per setup: chunks/s raw and end to end, pipeline ÷ raw, the cores the
pipeline kept busy (process CPU time ÷ wall time) and where its time went (NER
included); and
the ratios new ÷ old for raw and end to end, from wall time and from CPU time
(steadier on a shared machine, blind to I/O waits), with their spread over rounds.

    python bench/ingest_bench.py                        # sample (5 rounds) + 2,000-chunk corpus
    python bench/ingest_bench.py --chunks 0             # sample only
    python bench/ingest_bench.py --setups old,new,new-sequential --chunks 1000 --slices 6

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
from index import pipeline as pipeline_module  # noqa: E402
from index.embedder import MiniLMOnnxEncoder  # noqa: E402
from index.metadata import read_manifest  # noqa: E402
from index.pipeline import ChunkSettings, IngestReport, ingest, read_article  # noqa: E402
from index.sentences import split_sentences  # noqa: E402
from index.store import PassageStore, open_client  # noqa: E402

DEFAULT_OUT = HERE / "results" / "ingest.json"
SAMPLE_DIR = ROOT / "data" / "articles"
TARGET_SPEEDUP = 2.5  # new ÷ old, end to end
TARGET_PIPELINE_RATIO = 0.85  # pipeline ÷ raw, per setup


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# --------------------------------------------------------------------------- setups
@dataclass
class Setup:
    name: str
    encoder: MiniLMOnnxEncoder
    overlap: bool
    ner: bool = True

    def describe(self) -> dict[str, Any]:
        return {
            "graph": self.encoder.graph,
            "pipeline": "overlapped" if self.overlap else "one stage after another",
            "ner": "spaCy entities per changed article" if self.ner else "none (entities replaced by an empty list)",
            "fingerprint": self.encoder.fingerprint,
            "intra_op_threads": self.encoder.intra_op_threads or "onnxruntime default (one per physical core)",
            "batch_size": self.encoder.batch_size,
        }


def make_setups(names: Sequence[str], batch_size: int) -> list[Setup]:
    known = {
        "old": lambda: Setup("old", MiniLMOnnxEncoder(batch_size=batch_size, graph="export-int8"), overlap=False),
        "new": lambda: Setup("new", MiniLMOnnxEncoder(batch_size=batch_size), overlap=True),
        "new-sequential": lambda: Setup("new-sequential", MiniLMOnnxEncoder(batch_size=batch_size), overlap=False),
        "new-no-ner": lambda: Setup("new-no-ner", MiniLMOnnxEncoder(batch_size=batch_size), overlap=True, ner=False),
    }
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown setup(s) {unknown}; choose from {sorted(known)}")
    setups = [known[name]() for name in names]
    for setup in setups:  # load (and for the fused graph build, once) outside every timing
        setup.encoder.embed_with_spans(["Warm-up sentence."], [[(0, 17)]])
    REAL_ENTITIES(["Warm-up sentence in Lisbon."])  # the spaCy model's import and load, outside every timing
    return setups


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


STORE_WRITES = ("upsert_passages", "delete_passages", "delete_other_versions", "put_article", "put_articles",
                "delete_article", "delete_articles", "bump_revision")
STORE_READS = ("article", "passage_ids", "article_records", "article_ids")
REAL_ENTITIES = pipeline_module.entities_by_line


def no_entities(texts: Sequence[str], *args: Any, **kwargs: Any) -> list[list[Any]]:
    return [[] for _ in texts]


class TimedEncoder:
    """Passes every call to the real encoder; `embed_with_spans` (the pipeline's embedding) is timed."""

    def __init__(self, inner: MiniLMOnnxEncoder, timings: Timings) -> None:
        self._inner = inner
        self.embed_with_spans = timings.timed("embed", inner.embed_with_spans)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def instrument_store(store: PassageStore, timings: Timings) -> None:
    if getattr(store, "_bench_timed", False):  # a growing store is reused slice after slice: wrap it once
        return
    store._bench_timed = True  # type: ignore[attr-defined]
    for name in STORE_WRITES + STORE_READS:
        method = getattr(store, name, None)
        if method is not None:
            setattr(store, name, timings.timed(name, method))


class Clock:
    """Wall time (what a user waits) and this process's CPU time (all threads)."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


# ------------------------------------------------------------------------ workloads
@dataclass
class Chunks:
    texts: list[str]
    spans: list[tuple[tuple[int, int], ...]]


def pipeline_chunks(files: Sequence[Path], chunks: ChunkSettings) -> Chunks:
    """The chunk texts and sentence spans the pipeline will embed for these files (no NER: not embedded)."""
    manifests: dict[Path, dict[str, Any]] = {}
    texts: list[str] = []
    spans: list[tuple[tuple[int, int], ...]] = []
    for path in files:
        manifest = manifests.setdefault(path.parent, read_manifest(path.parent))
        article = read_article(path, path.name, manifest, chunks, 10_000_000)
        texts.extend(piece.text for piece in article.pieces)
        spans.extend(tuple(split_sentences(piece.text)) for piece in article.pieces)
    return Chunks(texts, spans)


def new_store(data_dir: Path, setup: Setup) -> PassageStore:
    """Chroma plus the keyword index, as `rag ingest` writes them."""
    return PassageStore(
        open_client(data_dir), "articles", setup.encoder.fingerprint, keyword_path=data_dir / "keyword" / "articles"
    ).open_for_writing()


@dataclass
class Totals:
    """Sums over rounds for one setup."""

    chunks: int = 0
    wall: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    cpu: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    timings: Timings = field(default_factory=Timings)

    def summary(self) -> dict[str, Any]:
        t, wall, cpu = self.timings.seconds, self.wall, self.cpu
        return {
            "chunks": self.chunks,
            "raw_chunks_per_s": round(self.chunks / wall["raw"], 2),
            "pipeline_chunks_per_s": round(self.chunks / wall["pipeline"], 2),
            "pipeline_over_raw": round(wall["raw"] / wall["pipeline"], 3),
            "cpu_pipeline_over_raw": round(cpu["raw"] / cpu["pipeline"], 3),
            "cores_busy": {"raw": round(cpu["raw"] / wall["raw"], 2), "pipeline": round(cpu["pipeline"] / wall["pipeline"], 2)},
            "seconds": {"raw": round(wall["raw"], 2), "pipeline": round(wall["pipeline"], 2)},
            "cpu_seconds": {"raw": round(cpu["raw"], 2), "pipeline": round(cpu["pipeline"], 2)},
            # in an overlapped pipeline these run at the same time, so they add up to more than its wall time
            "pipeline_time_s": {
                "wall": round(wall["pipeline"], 2),
                "embed (embed_with_spans)": round(t["embed"], 2),
                "ner (entities_by_line)": round(t["ner"], 2),
                "chroma writes": round(sum(t[n] for n in STORE_WRITES), 2),
                "chroma reads": round(sum(t[n] for n in STORE_READS), 2),
            },
        }


class Comparison:
    """Every setup's totals, and each round's times, for the ratios against the first setup."""

    def __init__(self, setups: list[Setup]) -> None:
        self.setups = setups
        self.totals = {s.name: Totals() for s in setups}
        self.rounds: list[dict[str, Any]] = []

    def run_round(self, number: int, paths: Sequence[Path], articles: int, work: Chunks,
                  store_for: Callable[[Setup], PassageStore], chunks: ChunkSettings, **extra: Any) -> dict[str, Any]:
        shift = number % len(self.setups)
        order = self.setups[shift:] + self.setups[:shift]
        if number % 2:
            order = order[::-1]
        row: dict[str, Any] = {"order": [s.name for s in order], "chunks": len(work.texts), "load": load_average(), **extra}
        for setup in order:
            totals = self.totals[setup.name]
            store = store_for(setup)
            instrument_store(store, totals.timings)
            encoder = TimedEncoder(setup.encoder, totals.timings)
            clock = Clock()
            setup.encoder.embed_with_spans(work.texts, work.spans)
            raw = clock.stop()
            pipeline_module.entities_by_line = totals.timings.timed("ner", REAL_ENTITIES if setup.ner else no_entities)
            try:
                clock = Clock()
                report: IngestReport = ingest(list(paths), store, encoder, chunks=chunks, overlap=setup.overlap)  # type: ignore[arg-type]
                pipeline = clock.stop()
            finally:
                pipeline_module.entities_by_line = REAL_ENTITIES
            assert report.chunks == len(work.texts) and len(report.added) == articles, report.as_json()
            totals.chunks += len(work.texts)
            for name, (wall, cpu) in (("raw", raw), ("pipeline", pipeline)):
                totals.wall[name] += wall
                totals.cpu[name] += cpu
            row[setup.name] = {"raw_s": round(raw[0], 3), "pipeline_s": round(pipeline[0], 3),
                               "raw_cpu_s": round(raw[1], 3), "pipeline_cpu_s": round(pipeline[1], 3)}
        base = self.setups[0].name
        for setup in self.setups[1:]:
            row[f"{setup.name}_over_{base}"] = {
                "raw": round(row[base]["raw_s"] / row[setup.name]["raw_s"], 3),
                "end_to_end": round(row[base]["pipeline_s"] / row[setup.name]["pipeline_s"], 3),
            }
        self.rounds.append(row)
        return row

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"setups": {s.name: {**s.describe(), **self.totals[s.name].summary()} for s in self.setups}}
        base = self.totals[self.setups[0].name]
        for setup in self.setups[1:]:
            other = self.totals[setup.name]
            key = f"{setup.name}_over_{self.setups[0].name}"
            per_round = [r[key]["end_to_end"] for r in self.rounds]
            result[key] = {
                "raw": round(base.wall["raw"] / other.wall["raw"], 3),
                "end_to_end": round(base.wall["pipeline"] / other.wall["pipeline"], 3),
                "cpu_raw": round(base.cpu["raw"] / other.cpu["raw"], 3),
                "cpu_end_to_end": round(base.cpu["pipeline"] / other.cpu["pipeline"], 3),
                "per_round_end_to_end": _spread(per_round),
            }
        result["rounds"] = self.rounds
        return result


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "min": min(values), "max": max(values)} if values else {}


# ----------------------------------------------------------------------------- runs
def run_sample(setups: list[Setup], chunks: ChunkSettings, rounds: int, work_dir: Path) -> dict[str, Any]:
    files = sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix == ".txt")
    work = pipeline_chunks(files, chunks)
    comparison = Comparison(setups)
    log(f"sample: {len(files)} articles, {len(work.texts)} chunks, {rounds} rounds")
    for number in range(rounds):
        stores: list[Path] = []

        def store_for(setup: Setup) -> PassageStore:
            stores.append(work_dir / f"sample-{number}-{setup.name}")
            return new_store(stores[-1], setup)

        row = comparison.run_round(number, [SAMPLE_DIR], len(files), work, store_for, chunks)
        log(f"  round {number + 1}: " + _row_text(row, setups))
        for folder in stores:
            shutil.rmtree(folder, ignore_errors=True)
    result = comparison.summary()
    result.update(articles=len(files), rounds=rounds,
                  characters_per_chunk=round(sum(map(len, work.texts)) / len(work.texts)))
    return result


def run_large(setups: list[Setup], chunks: ChunkSettings, target: int, slices: int, work_dir: Path,
              seed: int) -> dict[str, Any]:
    corpus = work_dir / "large-corpus"
    began = time.perf_counter()
    files, expected = corpus_for_chunks(corpus, target, seed, chunks.chunk_size, chunks.chunk_overlap)
    log(f"large: generated {len(files)} articles, {expected} chunks in {time.perf_counter() - began:.1f} s")
    stores = {s.name: new_store(work_dir / f"large-store-{s.name}", s) for s in setups}
    comparison = Comparison(setups)
    per_slice = -(-len(files) // slices)
    for number in range(slices):
        part = files[number * per_slice : (number + 1) * per_slice]
        if not part:
            break
        work = pipeline_chunks(part, chunks)
        row = comparison.run_round(number, part, len(part), work, lambda s: stores[s.name], chunks)
        log(f"  slice {number + 1}/{slices}: {len(work.texts)} chunks; " + _row_text(row, setups))
    for store in stores.values():
        assert store.count() == expected, (store.count(), expected)
    result = comparison.summary()
    result.update(articles=len(files), slices=len(comparison.rounds), seed=seed,
                  characters_per_chunk=round(sum(len(p.text) for p in next(iter(stores.values())).iter_passages()) / expected))
    return result


def _row_text(row: dict[str, Any], setups: list[Setup]) -> str:
    parts = [f"{s.name} raw {row[s.name]['raw_s']:.1f} s / pipeline {row[s.name]['pipeline_s']:.1f} s" for s in setups]
    ratios = [f"{k}: raw {v['raw']:.2f}x, end to end {v['end_to_end']:.2f}x" for k, v in row.items() if "_over_" in k]
    return "; ".join(parts + ratios) + f"; load {row['load']}"


# --------------------------------------------------------------------------- report
def table(results: dict[str, Any]) -> str:
    lines = [f"{'corpus':<8} {'setup':<15} {'chunks':>7} {'raw/s':>8} {'pipeline/s':>11} {'pipe÷raw':>9} {'cores busy':>11}"]
    ratio_lines = []
    for corpus in ("sample", "large"):
        r = results.get(corpus)
        if not r:
            continue
        for name, s in r["setups"].items():
            lines.append(f"{corpus:<8} {name:<15} {s['chunks']:>7} {s['raw_chunks_per_s']:>8.2f} "
                         f"{s['pipeline_chunks_per_s']:>11.2f} {s['pipeline_over_raw']:>9.3f} {s['cores_busy']['pipeline']:>11.2f}")
        for key, v in r.items():
            if "_over_" in key:
                spread = v["per_round_end_to_end"]
                ratio_lines.append(
                    f"{corpus} {key.replace('_over_', ' ÷ ')}: raw {v['raw']:.2f}x, end to end {v['end_to_end']:.2f}x "
                    f"(CPU time {v['cpu_raw']:.2f}x / {v['cpu_end_to_end']:.2f}x; per round {spread['median']:.2f}x, "
                    f"{spread['min']:.2f}-{spread['max']:.2f})"
                )
    return "\n".join(lines + ratio_lines + [f"targets: new ÷ old end to end >= {TARGET_SPEEDUP}; pipeline ÷ raw >= {TARGET_PIPELINE_RATIO}"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setups", default="old,new",
                        help="comma-separated: old, new, new-sequential, new-no-ner (first = baseline)")
    parser.add_argument("--chunks", type=int, default=2_000, help="chunks of the generated corpus (0: sample only)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds on the sample corpus")
    parser.add_argument("--slices", type=int, default=8, help="slices of the generated corpus")
    parser.add_argument("--batch-size", type=int, default=32, help="embedder batch size (RAG_EMBED_BATCH_SIZE)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--work-dir", type=Path, default=None, help="where temp corpora and stores go")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    chunks = ChunkSettings()  # the defaults `rag ingest` uses: 230 / 40 tokens
    setups = make_setups([n.strip() for n in args.setups.split(",") if n.strip()], args.batch_size)
    work_dir = Path(tempfile.mkdtemp(prefix="ingest-bench-", dir=args.work_dir))
    results: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, "bench/ingest_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "chunk_size": chunks.chunk_size,
        "chunk_overlap": chunks.chunk_overlap,
        "load_before": load_average(),
    }
    began = time.perf_counter()
    try:
        results["sample"] = run_sample(setups, chunks, args.rounds, work_dir)
        if args.chunks > 0:
            results["large"] = run_large(setups, chunks, args.chunks, args.slices, work_dir, args.seed)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    results["load_after"] = load_average()
    results["wall_seconds"] = round(time.perf_counter() - began, 1)
    results["targets"] = {"new_over_old_end_to_end": TARGET_SPEEDUP, "pipeline_over_raw": TARGET_PIPELINE_RATIO}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
