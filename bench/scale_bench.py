"""Sourced at scale (100k, 1M passages): ask latency, HNSW recall, memory, disk, uploads; embedded Chroma and a Chroma server.

**Stores.** ``DIR/<N>`` is an ordinary data directory (``RAG_DATA_DIR=DIR/<N> rag ask ...``
and ``rag ingest`` use it as it is): the bundled sample articles ingested with
``rag.library.ingest_paths`` (real embeddings; the collection records the embedder's
fingerprint), then N synthetic passages written through the store's own write path
(``PassageStore.upsert_passages``, which writes Chroma and the keyword index, then
``PassageStore.put_articles``) in one write session, then the full store check
``rag ingest`` runs (``index.repair.repair_store``). The synthetic articles come from
the ask benchmark's generator (``bench.ask_bench.SyntheticCorpus``: the sample
sentences recombined, real sentence embeddings plus noise), with article ids of the
current id scheme (``index.identity``) so that ``rag ingest`` treats them as current.
A build is resumable (the generator is deterministic; articles already stored are
skipped) and reused by later runs (``bench_build.json`` in the store).

**Measurements**, per store and per mode (``embedded``: Chroma in the process;
``server``: ``chroma run --path DIR/<N>/chroma`` on a loopback port, the same files),
each in a fresh process so that memory figures are the process's own and an embedded
store is never open in two processes at once:

- *ask*: one warm-up ask, then for each question (``bench.ask_bench.QUESTIONS``) in each
  round the floor and the ask, alternating (the floor as ``ask_bench`` defines it:
  ``encoder.embed_query`` + ``store.query(n=candidates)`` + keyword ``search(k=candidates)``;
  the ask: ``Assistant.ask(q, mode="extractive")``). Target: ask p95 <= 2x floor p95.
- *recall@10*: Chroma's top 10 against exact search over every stored vector (computed
  once per store by streaming the vectors out of Chroma, cached in ``bench_truth.npz``),
  for the questions' vectors and 200 perturbed stored vectors; "ties" also counts a hit
  within 0.01 cosine of the exact 10th. Target: >= 0.95 at 1M.
- *ef_search sweep* (``--ef-search``, embedded): the collection's ``ef_search`` set with
  ``collection.modify(configuration=...)`` (Chroma applies it when the index is next
  loaded, so each value is measured in a new process), recall@10 and top-10 query latency;
  the original value is put back.
- *upload*: one generated article (``bench.upload_bench.upload_files``) through
  ``Assistant.ingest([file], prune=False)`` (what the UI runs after copying an upload),
  then its first ask, then ``Assistant.delete_article``; one untimed warm-up.
  Also ``rag ingest FILE --json`` as a new process (the CLI; it checks the whole store first only when the
  last write did not end cleanly, or with ``--check``).
- *cold ask*: ``rag ask "..." --json`` as a new process.
- *rag serve*: started as a process, warm-up, a few asks and an upload through its API
  (``/ask``, ``/upload_article``, ``/delete_article`` with ``gradio_client``); its resident
  memory (VmRSS, anonymous and file-backed, and the peak VmHWM) after start-up and after
  the asks; with a server, the Chroma server's too. Target: < 4 GB at 1M. A `rag serve` or an
  in-process worker above ``--rss-cap-gb`` (default 8) is stopped and recorded as an error, so that
  a run at 1M cannot take the memory other jobs on the machine need.
- CLI processes (`rag ask`, `rag ingest`): wall time and CPU time (``wait4``), which a loaded
  machine stretches far less.
- *disk*: the Chroma folder, the keyword index.

    python bench/scale_bench.py --chunks 100000 --work-dir /work/scale
    nohup python bench/scale_bench.py --chunks 1000000 --work-dir /work/scale --build-only > build.log 2>&1 &
    python bench/scale_bench.py --chunks 1000000 --work-dir /work/scale --modes embedded,server --ef-search 50,100,200,400
    python bench/scale_bench.py --table bench/results/scale_100000.json bench/results/scale_1000000.json

Writes ``bench/results/scale_<N>.json`` (``--out``) and prints a table; progress on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ask_bench import (  # noqa: E402  the ask benchmark's generator, questions and statistics
    GENERATOR_VERSION,
    QUESTIONS,
    SEED,
    TIE_TOLERANCE,
    SentencePool,
    SyntheticCorpus,
    _noise,
    _normalise_rows,
    load_average,
    percentile,
    summary,
)

# Bump when what this script writes changes (ids, batching that changes content): reused stores are rebuilt.
BUILD_VERSION = 1
# Passages per write: one Chroma upsert per 1,000 (index.store.WRITE_BATCH) and one keyword commit per flush.
FLUSH_CHUNKS = 5000
PROGRESS_EVERY = 50_000
# A build stops (resumable) rather than fill the disk other jobs share.
MIN_FREE_GB = 10.0
# A measured process (`rag serve`, an in-process worker) is stopped above this resident memory: twice
# the 4 GB target is a clear miss, and the machine's memory is shared with other jobs.
RSS_CAP_GB = 8.0
RANDOM_QUERIES = 200
SYNTHETIC_NAMESPACE = "synthetic"
SYNTHETIC_FOLDER = Path("/synthetic")  # a path no file lives at: the records' `path`, keyed like a namespace folder
BENCH_QUESTION = QUESTIONS[0]
VENV_BIN = Path(sys.executable).parent

Log = Callable[[str], None]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- settings
def store_graph(data_dir: Path) -> str | None:
    """The local model graph the store at `data_dir` was built with (its build marker says), None for the default.
    A store built with another graph than the configured one is refused, and re-embedding a million passages
    to measure them is not the point: every process measuring a store uses the store's graph."""
    marker = data_dir / "bench_build.json"
    return json.loads(marker.read_text()).get("embedding_graph") if marker.is_file() else None


def record_store_graph(data_dir: Path) -> str | None:
    """Find (from the collection's embedder fingerprint) and record in the build marker the graph of a store
    built before the marker named it. Call before any measuring process opens the store."""
    marker = data_dir / "bench_build.json"
    if not marker.is_file() or store_graph(data_dir):
        return store_graph(data_dir)
    from index.embedder import MiniLMOnnxEncoder
    from index.store import open_client

    try:
        collection = open_client(data_dir).get_collection(settings_for(data_dir).collection, embedding_function=None)
    except Exception:  # noqa: BLE001  no store yet: the build writes it with the configured graph
        return None
    built_with = (collection.metadata or {}).get("embedding_model")
    for graph in ("fused-int8", "export-int8"):
        if MiniLMOnnxEncoder(graph=graph).fingerprint == built_with:
            built = json.loads(marker.read_text())
            built["embedding_graph"] = graph
            marker.write_text(json.dumps(built, indent=1))
            log(f"  the store was built with the {graph} graph ({built_with}): measured with it")
            return graph
    raise SystemExit(f"Error: the store in {data_dir} was built with {built_with!r}, which no local graph gives")


def settings_for(data_dir: Path, host: str | None = None, port: int | None = None) -> Any:
    from rag.settings import Settings

    graph = store_graph(data_dir)
    # explicit values so a developer's .env or environment cannot change what is measured
    return Settings(data_dir=data_dir, chroma_host=host, chroma_port=port, embedding_backend="local",
                    answer_mode="extractive", openai_api_key=None, openai_base_url=None,
                    **({"embedding_graph": graph} if graph else {}))


def rag_env(data_dir: Path, host: str | None = None, port: int | None = None) -> dict[str, str]:
    """The environment a `rag` process gets: this store (and its model graph), extractive answers, no endpoint."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update({"RAG_DATA_DIR": str(data_dir), "RAG_ANSWER_MODE": "extractive", "RAG_EMBEDDING_BACKEND": "local"})
    if store_graph(data_dir):
        env["RAG_EMBEDDING_GRAPH"] = str(store_graph(data_dir))
    if host:
        env.update({"RAG_CHROMA_HOST": host, "RAG_CHROMA_PORT": str(port)})
    return env


# ------------------------------------------------------------------------------- memory, disk
def memory_of(pid: int) -> dict[str, float]:
    """Resident memory of a process in MB (/proc/<pid>/status): VmRSS, its anonymous and
    file-backed parts, and the peak VmHWM."""
    fields = {"VmRSS": "rss_mb", "RssAnon": "anon_mb", "RssFile": "file_mb", "VmHWM": "peak_mb"}
    found: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in fields:
                found[fields[key]] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return found


class MemoryWatch:
    """Samples a process's resident memory every `every` seconds; stops it (SIGTERM, then SIGKILL) above `cap_mb`."""

    def __init__(self, proc: subprocess.Popen[Any], cap_mb: float, every: float = 0.5) -> None:
        import threading

        self.proc = proc
        self.cap_mb = cap_mb
        self.every = every
        self.max_mb = 0.0
        self.stopped_at_mb: float | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.wait(self.every) and self.proc.poll() is None:
            rss = memory_of(self.proc.pid).get("rss_mb", 0.0)
            self.max_mb = max(self.max_mb, rss)
            if rss > self.cap_mb:
                self.stopped_at_mb = rss
                log(f"  process {self.proc.pid} at {rss:.0f} MB resident, above the cap of {self.cap_mb:.0f} MB: stopped")
                stop_process(self.proc, signal.SIGTERM, 15.0)
                return

    def close(self) -> None:
        self._done.set()
        self._thread.join(5)

    def over_cap(self) -> str | None:
        if self.stopped_at_mb is None:
            return None
        return f"stopped at {self.stopped_at_mb:.0f} MB resident (cap {self.cap_mb:.0f} MB, --rss-cap-gb)"


def disk_bytes(path: Path) -> int:
    """Bytes allocated on disk under `path` (like du)."""
    if path.is_file():
        return path.stat().st_blocks * 512
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += (Path(folder) / name).stat().st_blocks * 512
            except OSError:
                pass
    return total


def disk_use(data_dir: Path, collection: str = "articles") -> dict[str, float]:
    keyword = data_dir / "keyword" / collection
    return {
        "chroma_mb": round(disk_bytes(data_dir / "chroma") / 1e6, 1),
        "keyword_index_mb": round(disk_bytes(keyword) / 1e6, 1),
        "total_mb": round(disk_bytes(data_dir) / 1e6, 1),
    }


# ------------------------------------------------------------------------------------ build
class ScaleCorpus(SyntheticCorpus):
    """The ask benchmark's synthetic articles, with ids of the current scheme.

    `SyntheticCorpus` names its articles `synthetic/000123.txt`, which `index.identity`
    reads as an id of an earlier scheme: the next `rag ingest` would re-key every one.
    Here each article is keyed as the file `/synthetic/0000123.txt` of a namespace
    `synthetic`, as the pipeline would key it: `synthetic/0000123.txt~<hash>`.
    """

    def article(self, number: int) -> tuple[Any, list[Any], list[list[float]]]:
        from index.identity import Namespace, article_id
        from index.pipeline import PIPELINE_VERSION

        record, passages, vectors = super().article(number)
        path = SYNTHETIC_FOLDER / f"{number:07d}.txt"
        new_id = article_id(path, [Namespace(SYNTHETIC_NAMESPACE, SYNTHETIC_FOLDER, prefix=SYNTHETIC_NAMESPACE)])
        passages = [
            replace(p, article_id=new_id, passage_id=f"{new_id}::{p.content_hash}::{p.chunk_index:04d}")
            for p in passages
        ]
        # written as the current pipeline writes: `rag ingest` must not take them for outdated articles
        return replace(record, article_id=new_id, path=str(path), pipeline_version=PIPELINE_VERSION), passages, vectors


def stamp_pipeline_version(data_dir: Path, encoder: Any) -> int:
    """Record the current pipeline version on synthetic article records that name none or another.

    Stores built before records carried it (index/outdated.py) would otherwise count every
    synthetic article as outdated: each answer would say so and `rag ingest FILE` would
    re-process all of them from their stored text (re-embedding a million passages). Their
    passages are the generator's either way; only the records' `pipeline_version` changes
    (a metadata update, in a write session). Returns the records stamped."""
    from index.outdated import find_outdated
    from index.pipeline import PIPELINE_VERSION
    from index.store import WRITE_BATCH, open_client
    from rag.services import build_store

    settings = settings_for(data_dir)
    store = build_store(settings, encoder).open_for_writing()
    ids = sorted(i for i in find_outdated(store, PIPELINE_VERSION).ids if i.startswith(SYNTHETIC_NAMESPACE + "/"))
    if not ids:
        return 0
    records = open_client(data_dir).get_collection(store.articles_collection_name, embedding_function=None)
    with store.writing():
        store.begin_change()
        for begin in range(0, len(ids), WRITE_BATCH):
            batch = ids[begin : begin + WRITE_BATCH]
            records.update(ids=batch, metadatas=[{"pipeline_version": PIPELINE_VERSION}] * len(batch))
    log(f"  recorded pipeline version {PIPELINE_VERSION} on {len(ids)} synthetic article records")
    return len(ids)


def sentence_pool(encoder: Any) -> SentencePool:
    """The bundled articles' sentences (`bench.corpus.sample_sentences`) and their real embeddings:
    read from the files, not the store, so a resumed build draws exactly the same articles."""
    from bench.corpus import sample_sentences

    texts = list(sample_sentences())
    return SentencePool(texts, np.asarray(encoder.embed_array(texts), dtype=np.float32))


class DiskFullSoon(RuntimeError):
    pass


def build(chunks: int, data_dir: Path, encoder: Any, min_free_gb: float = MIN_FREE_GB) -> dict[str, Any]:
    """Build (or reuse, or resume) the store of `chunks` synthetic passages at `data_dir`."""
    from index.repair import repair_store
    from rag.library import ingest_paths
    from rag.services import build_store

    marker = data_dir / "bench_build.json"
    wanted = {"synthetic_chunks": chunks, "generator": GENERATOR_VERSION, "build_version": BUILD_VERSION,
              "seed": SEED}
    built: dict[str, Any] = json.loads(marker.read_text()) if marker.is_file() else {}
    if built and built.get("complete") and all(built.get(k) == v for k, v in wanted.items() if k != "generator"):
        # a finished store's passages do not change when the generator later does: hours of build are kept
        # (the marker's "generator" says which version wrote them)
        note = "" if built.get("generator") == GENERATOR_VERSION else f" (written by generator {built.get('generator')})"
        log(f"[{chunks}] reusing the store in {data_dir}{note}")
        return {**built, "reused": True, "pipeline_version_stamped": stamp_pipeline_version(data_dir, encoder)}
    if built and all(built.get(k) == v for k, v in wanted.items()):
        log(f"[{chunks}] resuming the build in {data_dir} (after {built.get('written', 0)} passages)")
    else:
        if data_dir.exists():
            shutil.rmtree(data_dir)
        data_dir.mkdir(parents=True)
        # the marker names the model graph first: every later process (settings_for) opens the store with it
        built = {**wanted, "complete": False, "embedding_graph": getattr(encoder, "graph", None), "runs": [],
                 "progress": []}
        marker.write_text(json.dumps(built, indent=1))
        settings = settings_for(data_dir)
        log(f"[{chunks}] ingesting the sample articles into {data_dir}")
        began = time.perf_counter()
        report = ingest_paths(settings, encoder=encoder)
        built.update({"sample_ingest_s": round(time.perf_counter() - began, 1), "sample_chunks": report.chunks})
        marker.write_text(json.dumps(built, indent=1))

    settings = settings_for(data_dir)
    store = build_store(settings, encoder).open_for_writing()
    already = {a for a in store.article_ids() if a.startswith(SYNTHETIC_NAMESPACE + "/")}
    run = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "skipped_articles": len(already), "load": load_average()}
    built["runs"].append(run)
    began = time.perf_counter()
    pool = sentence_pool(encoder)
    corpus = ScaleCorpus(pool)
    written = articles = 0
    pending_records: list[Any] = []
    pending_passages: list[Any] = []
    pending_vectors: list[list[float]] = []
    times = {"generate_s": 0.0, "write_s": 0.0}
    next_report = PROGRESS_EVERY
    last = (time.perf_counter(), 0)

    def flush() -> None:
        t0 = time.perf_counter()
        store.upsert_passages(pending_passages, pending_vectors)  # Chroma, then the keyword index
        store.put_articles(pending_records)  # records last, as the pipeline writes them
        times["write_s"] += time.perf_counter() - t0
        pending_records.clear()
        pending_passages.clear()
        pending_vectors.clear()
        free_gb = shutil.disk_usage(data_dir).free / 1e9
        if free_gb < min_free_gb:
            raise DiskFullSoon(f"only {free_gb:.1f} GB left on the disk of {data_dir}: stopped the build; free some "
                               f"space (or lower --min-free-gb) and run the same command again to resume it")

    with store.writing():  # one session: the keyword index is stamped with the final revision at its end
        while written < chunks:
            t0 = time.perf_counter()
            record, passages, vectors = corpus.article(articles)
            times["generate_s"] += time.perf_counter() - t0
            if len(passages) > chunks - written:  # the last article is cut short: its record says so
                passages, vectors = passages[: chunks - written], vectors[: chunks - written]
                record = replace(record, chunk_count=len(passages))
            articles += 1
            written += len(passages)
            if record.article_id not in already:
                pending_records.append(record)
                pending_passages.extend(passages)
                pending_vectors.extend(vectors)
                if len(pending_passages) >= FLUSH_CHUNKS:
                    flush()
            if written >= next_report or written >= chunks:
                if pending_passages:
                    flush()
                now = time.perf_counter()
                rate = (written - last[1]) / max(now - last[0], 1e-9)
                point = {"written": written, "elapsed_s": round(now - began, 1), "rate_per_s": round(rate, 1),
                         "rss_mb": memory_of(os.getpid()).get("rss_mb"), "load": load_average(),
                         "disk_mb": disk_use(data_dir)["total_mb"], "at": time.strftime("%H:%M:%S")}
                built["progress"].append(point)
                built["written"] = written
                marker.write_text(json.dumps(built, indent=1))
                eta = (chunks - written) / rate if rate > 0 else float("nan")
                log(f"[{chunks}] {written} passages ({rate:.0f}/s over the last {written - last[1]}; "
                    f"RSS {point['rss_mb']} MB, disk {point['disk_mb'] / 1000:.1f} GB, load {point['load']}; "
                    f"about {eta / 60:.0f} min to go)")
                last = (now, written)
                next_report += PROGRESS_EVERY
        if pending_passages:
            flush()
    run.update({"synthetic_articles": articles, "seconds": round(time.perf_counter() - began, 1),
                **{k: round(v, 1) for k, v in times.items()}})
    log(f"[{chunks}] written in {run['seconds']:.0f} s; checking the whole store (what `rag ingest` runs first)")
    t0 = time.perf_counter()
    check = repair_store(store, trigger="scale bench build")
    built.update({"complete": True, "written": written, "synthetic_articles": articles,
                  "repair_check_s": round(time.perf_counter() - t0, 1), "repair_summary": check.summary(),
                  "passages": store.count(), "disk": disk_use(data_dir), "finished": time.strftime("%Y-%m-%dT%H:%M:%S")})
    marker.write_text(json.dumps(built, indent=1))
    log(f"[{chunks}] store check in {built['repair_check_s']} s: {check.summary()}; {built['passages']} passages, "
        f"{built['disk']}")
    # a build resumed from records written before they carried the version
    return {**built, "reused": False, "pipeline_version_stamped": stamp_pipeline_version(data_dir, encoder)}


# ------------------------------------------------------------------------- helpers: processes
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_process(proc: subprocess.Popen[Any], first: int = signal.SIGINT, wait: float = 60.0) -> None:
    """Stop a process this script started: `first` (Ctrl-C), then SIGTERM, then SIGKILL."""
    for sig, seconds in ((first, wait), (signal.SIGTERM, 15.0), (signal.SIGKILL, 10.0)):
        if proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(seconds)
            return
        except subprocess.TimeoutExpired:
            continue


class ChromaServer:
    """`chroma run --path <store>/chroma` on a free loopback port, started and stopped by this script."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.path = data_dir / "chroma"
        self.log_path = log_path
        self.host = "127.0.0.1"
        self.port = free_port()
        self.proc: subprocess.Popen[Any] | None = None

    def start(self, timeout: float = 300.0) -> float:
        import urllib.request

        began = time.perf_counter()
        with open(self.log_path, "ab") as out:
            self.proc = subprocess.Popen(
                [str(VENV_BIN / "chroma"), "run", "--path", str(self.path), "--host", self.host, "--port", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        while time.perf_counter() - began < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://{self.host}:{self.port}/api/v2/heartbeat", timeout=2):
                    return time.perf_counter() - began
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"chroma run did not answer within {timeout:.0f} s; see {self.log_path}")

    def memory(self) -> dict[str, float]:
        return memory_of(self.proc.pid) if self.proc else {}

    def stop(self) -> None:
        if self.proc is not None:
            stop_process(self.proc, signal.SIGTERM, 30.0)
            self.proc = None


def run_timed(cmd: Sequence[str], env: dict[str, str], cwd: Path) -> dict[str, Any]:
    """Run a command; its wall time and its CPU time (user + system, from wait4: a loaded machine stretches
    wall time far more than CPU time) and peak resident memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        proc = subprocess.Popen(list(cmd), env=env, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - began
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return {"seconds": round(seconds, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "returncode": proc.returncode, "load": load_average(),
            "stdout": stdout, "stderr_tail": stderr[-600:]}


def run_worker(task: str, data_dir: Path, result_dir: Path, *extra: str, server: ChromaServer | None = None,
               rss_cap_mb: float | None = None) -> Any:
    """Run one measurement in a new process (its memory its own; an embedded store open in one process only).
    With `rss_cap_mb` the process is stopped above that resident memory and {"error": ...} returned."""
    out = result_dir / f"worker-{task}-{os.getpid()}-{time.monotonic_ns()}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", task, "--data-dir", str(data_dir),
           "--result", str(out), *extra]
    if server is not None:
        cmd += ["--host", server.host, "--port", str(server.port)]
    proc = subprocess.Popen(cmd, cwd=result_dir)
    watch = MemoryWatch(proc, rss_cap_mb) if rss_cap_mb else None
    proc.wait()
    if watch is not None:
        watch.close()
        if watch.over_cap():
            return {"error": f"the {task} worker was {watch.over_cap()}"}
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    result = json.loads(out.read_text())
    out.unlink()
    return result


# ----------------------------------------------------------------------- exact search (truth)
TRUTH_FILE = "bench_truth.npz"
PAGE = 5000


def truth_path(data_dir: Path) -> Path:
    return data_dir / TRUTH_FILE


def build_stamp(data_dir: Path) -> str:
    marker = data_dir / "bench_build.json"
    return str(json.loads(marker.read_text()).get("finished", "")) if marker.is_file() else ""


def compute_truth(data_dir: Path, encoder: Any) -> dict[str, Any]:
    """Exact top-10 (cosine) over every stored vector for the benchmark's queries: the 33 questions'
    vectors and 200 stored vectors with noise (cosine ~0.9 to the original), streamed page by page."""
    from index.store import open_client
    from rag.services import build_store

    settings = settings_for(data_dir)
    store = build_store(settings, encoder).open_for_reading()
    began = time.perf_counter()
    ids = store.all_passage_ids()
    rng = np.random.default_rng(SEED)
    picked = [ids[i] for i in rng.choice(len(ids), size=min(RANDOM_QUERIES, len(ids)), replace=False)]
    stored = store.passage_vectors(picked)
    base = _normalise_rows(np.asarray([stored[p] for p in picked], dtype=np.float32))
    random_queries = _normalise_rows(base + _noise(rng, base.shape, 0.9))
    question_queries = _normalise_rows(np.asarray([encoder.embed_query(q) for q in QUESTIONS], dtype=np.float32))
    queries = np.vstack([question_queries, random_queries])
    k = 10
    best_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_ids = np.full((len(queries), k), "", dtype=object)
    collection = open_client(data_dir).get_collection(settings.collection, embedding_function=None)
    seen = 0
    while True:
        got = collection.get(include=["embeddings"], limit=PAGE, offset=seen)
        if not got["ids"]:
            break
        page = _normalise_rows(np.asarray(got["embeddings"], dtype=np.float32))
        scores = queries @ page.T
        take = min(k, scores.shape[1])
        top = np.argpartition(-scores, take - 1, axis=1)[:, :take]
        page_ids = np.asarray(got["ids"], dtype=object)
        merged_scores = np.hstack([best_scores, np.take_along_axis(scores, top, axis=1)])
        merged_ids = np.hstack([best_ids, page_ids[top]])
        order = np.argsort(-merged_scores, axis=1, kind="stable")[:, :k]
        best_scores = np.take_along_axis(merged_scores, order, axis=1)
        best_ids = np.take_along_axis(merged_ids, order, axis=1)
        seen += len(got["ids"])
        if seen % 100_000 < PAGE:
            log(f"  exact search: {seen} vectors streamed ({time.perf_counter() - began:.0f} s)")
    if seen != len(ids):
        raise RuntimeError(f"streamed {seen} vectors but the store holds {len(ids)}: was it written meanwhile?")
    np.savez(truth_path(data_dir), queries=queries, ids=best_ids.astype(str), scores=best_scores,
             questions=np.asarray(len(QUESTIONS)), count=np.asarray(seen), stamp=np.asarray(build_stamp(data_dir)))
    return {"vectors": seen, "seconds": round(time.perf_counter() - began, 1)}


def load_truth(data_dir: Path) -> dict[str, Any] | None:
    path = truth_path(data_dir)
    if not path.is_file():
        return None
    data = np.load(path, allow_pickle=False)
    if str(data["stamp"]) != build_stamp(data_dir):
        return None
    return {key: data[key] for key in data.files}


def recall_at_10(store: Any, truth: dict[str, Any]) -> dict[str, Any]:
    """Share of the exact top 10 that `store.query` returns, per query kind; near-ties counted apart."""
    questions = int(truth["questions"])
    counts = {"questions": [0, 0, 0], "random": [0, 0, 0]}  # strict, with ties, possible
    latency: list[float] = []
    for row, query in enumerate(truth["queries"]):
        exact = set(truth["ids"][row].tolist())
        kth = float(truth["scores"][row][-1])
        t0 = time.perf_counter()
        hits = store.query(query.tolist(), 10)
        latency.append((time.perf_counter() - t0) * 1000)
        kind = counts["questions" if row < questions else "random"]
        kind[2] += 10
        for hit in hits:
            if hit.passage.passage_id in exact:
                kind[0] += 1
                kind[1] += 1
            elif hit.similarity >= kth - TIE_TOLERANCE:
                kind[1] += 1
    strict = sum(c[0] for c in counts.values())
    ties = sum(c[1] for c in counts.values())
    possible = sum(c[2] for c in counts.values())
    return {
        "recall_at_10": round(strict / possible, 4),
        "recall_at_10_ties": round(ties / possible, 4),
        **{f"recall_at_10_{kind}": round(c[0] / c[2], 4) for kind, c in counts.items()},
        **{f"recall_at_10_{kind}_ties": round(c[1] / c[2], 4) for kind, c in counts.items()},
        "queries": int(len(truth["queries"])),
        "tie_tolerance": TIE_TOLERANCE,
        "top10_query_ms": summary(latency),
    }


# ------------------------------------------------------------------------------ in-process part
def measure_uploads(assistant: Any, folder: Path, count: int) -> dict[str, Any]:
    """`count` one-article uploads (after an untimed one) through `Assistant.ingest`, each asked about, then deleted."""
    from bench.upload_bench import upload_files

    files = upload_files(folder, count + 1)
    for path, _ in files:  # left by an interrupted earlier run: each upload must be new
        if assistant.article(assistant.article_id_for(path)) is not None:
            assistant.delete_article(assistant.article_id_for(path))
    rows = []
    for number, (path, question) in enumerate(files):
        t0 = time.perf_counter()
        report = assistant.ingest([path], prune=False)
        t1 = time.perf_counter()
        answer = assistant.ask(question, mode="extractive")
        t2 = time.perf_counter()
        article_id = assistant.article_id_for(path)
        cited = article_id in {c.article_id for c in answer.citations}
        assistant.delete_article(article_id)
        t3 = time.perf_counter()
        log(f"  upload {number}: {t1 - t0:.2f} s + first ask {t2 - t1:.3f} s ({report.chunks} chunks, cited: {cited}); "
            f"delete {t3 - t2:.2f} s{' (warm-up)' if number == 0 else ''}")
        if number:
            rows.append({"upload_s": t1 - t0, "first_ask_s": t2 - t1, "end_to_end_s": t2 - t0, "delete_s": t3 - t2,
                         "chunks": report.chunks, "cited": cited})
    return {"uploads": rows, **{key: summary([r[key] for r in rows]) for key in
                                ("upload_s", "first_ask_s", "end_to_end_s", "delete_s")}}


def measure_in_process(data_dir: Path, host: str | None, port: int | None, rounds: int, uploads: int) -> dict[str, Any]:
    from rag.assistant import Assistant
    from rag.services import build_encoder, build_store

    pid = os.getpid()
    settings = settings_for(data_dir, host, port)
    memory = {"imported": memory_of(pid)}
    encoder = build_encoder(settings)
    t0 = time.perf_counter()
    store = build_store(settings, encoder).open_for_reading()
    open_s = time.perf_counter() - t0
    assistant = Assistant(settings, store, encoder)
    # every round asks the same questions: measure answering them, not handing out the answers kept
    assistant.answers.size = 0
    passages = store.count()
    t0 = time.perf_counter()
    first = assistant.ask(BENCH_QUESTION, mode="extractive")
    first_ask_s = time.perf_counter() - t0
    memory["after_first_ask"] = memory_of(pid)
    log(f"  {passages} passages; store opened in {open_s:.2f} s, first ask {first_ask_s:.2f} s: {first.answer[:70]!r}")
    keyword = assistant.bm25
    candidates = settings.candidates

    def floor(question: str) -> dict[str, float]:
        t0 = time.perf_counter()
        vector = encoder.embed_query(question)
        t1 = time.perf_counter()
        store.query(vector, candidates)
        t2 = time.perf_counter()
        keyword.search(question, candidates)
        t3 = time.perf_counter()
        return {"embed": (t1 - t0) * 1000, "dense": (t2 - t1) * 1000, "keyword": (t3 - t2) * 1000,
                "total": (t3 - t0) * 1000}

    # Every question's terms read once before timing: at 1M the keyword index's pages for a term come
    # from disk the first time (up to ~0.4 s), and whichever of floor or ask ran first would pay it.
    for question in QUESTIONS:
        floor(question)
    floors: list[dict[str, float]] = []
    asks: list[float] = []
    breakdown: dict[str, list[float]] = {}
    answered = 0
    load_before = load_average()
    for round_number in range(rounds):
        for question in QUESTIONS:
            for step in (("floor", "ask") if round_number % 2 == 0 else ("ask", "floor")):
                if step == "floor":
                    floors.append(floor(question))
                    continue
                t0 = time.perf_counter()
                answer = assistant.ask(question, mode="extractive")
                asks.append((time.perf_counter() - t0) * 1000)
                for key, value in answer.timings_ms.items():
                    breakdown.setdefault(key, []).append(value)
                answered += round_number == 0 and not answer.abstained
    memory["after_asks"] = memory_of(pid)
    floor_total = [f["total"] for f in floors]
    result: dict[str, Any] = {
        "passages": passages,
        "open_s": round(open_s, 3),
        "first_ask_s": round(first_ask_s, 3),
        "rounds": rounds,
        "questions": len(QUESTIONS),
        "answered": int(answered),
        "floor_ms": summary(floor_total),
        "floor_parts_ms": {part: summary([f[part] for f in floors]) for part in ("embed", "dense", "keyword")},
        "ask_ms": summary(asks),
        "ask_breakdown_ms": {key: summary(values) for key, values in sorted(breakdown.items())},
        "ratio_p95": round(percentile(asks, 95) / percentile(floor_total, 95), 2),
        "ratio_p50": round(percentile(asks, 50) / percentile(floor_total, 50), 2),
        "load": [load_before, load_average()],
    }
    truth = load_truth(data_dir)
    if truth is not None:
        log("  recall@10 against exact search")
        result["recall"] = recall_at_10(store, truth)
    if uploads:
        log("  one-article uploads (Assistant.ingest, as the UI runs it)")
        folder = Path(tempfile.mkdtemp(prefix="scale-uploads-"))
        try:
            result["upload"] = measure_uploads(assistant, folder, uploads)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    memory["end"] = memory_of(pid)
    result["memory"] = memory
    return result


def measure_recall_only(data_dir: Path, host: str | None, port: int | None) -> dict[str, Any]:
    """Recall@10 and query latency in a new process (after an ef_search change)."""
    from rag.services import build_encoder, build_store

    settings = settings_for(data_dir, host, port)
    encoder = build_encoder(settings)
    store = build_store(settings, encoder).open_for_reading()
    truth = load_truth(data_dir)
    if truth is None:
        raise RuntimeError("no exact-search results for this store: run the benchmark without --worker first")
    t0 = time.perf_counter()
    store.query(truth["queries"][0].tolist(), 10)  # loads the index (embedded)
    load_s = time.perf_counter() - t0
    result = recall_at_10(store, truth)
    latency30: list[float] = []
    for query in truth["queries"]:
        t0 = time.perf_counter()
        store.query(query.tolist(), settings.candidates)
        latency30.append((time.perf_counter() - t0) * 1000)
    result["top30_query_ms"] = summary(latency30)
    result["first_query_s"] = round(load_s, 3)
    result["memory"] = memory_of(os.getpid())
    return result


def collection_ef_search(data_dir: Path, ef: int | None) -> dict[str, Any]:
    """The passages collection's ef_search, set to `ef` when given (embedded client: no server may be running)."""
    from index.store import open_client

    collection = open_client(data_dir).get_collection(settings_for(data_dir).collection, embedding_function=None)
    before = int((collection.configuration or {}).get("hnsw", {}).get("ef_search"))
    if ef is not None and ef != before:
        collection.modify(configuration={"hnsw": {"ef_search": ef}})
    return {"before": before, "after": ef if ef is not None else before}


def delete_article(data_dir: Path, host: str | None, port: int | None, article_id: str) -> dict[str, Any]:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(settings_for(data_dir, host, port))
    deleted = assistant.delete_article(article_id)  # a DeletedArticle (rag.library): its passages removed
    return {"removed": deleted.passages}


# -------------------------------------------------------------------------------- CLI processes
def measure_cli(data_dir: Path, work: Path, server: ChromaServer | None, cold_asks: int) -> dict[str, Any]:
    """`rag ask` as new processes, and one `rag ingest FILE` (then the article deleted again)."""
    from bench.upload_bench import upload_files
    from rag.services import article_id_for

    host, port = (server.host, server.port) if server else (None, None)
    env = rag_env(data_dir, host, port)
    result: dict[str, Any] = {"cold_ask": []}
    for number in range(cold_asks):
        run = run_timed([str(VENV_BIN / "rag"), "ask", QUESTIONS[number % len(QUESTIONS)], "--json"], env, work)
        timings = json.loads(run["stdout"]).get("timings_ms", {}) if run["returncode"] == 0 else {}
        result["cold_ask"].append({"seconds": run["seconds"], "cpu_s": run["cpu_s"], "peak_rss_mb": run["peak_rss_mb"],
                                   "load": run["load"], "returncode": run["returncode"], "timings_ms": timings,
                                   **({} if run["returncode"] == 0 else {"stderr": run["stderr_tail"]})})
        log(f"  cold `rag ask` {number + 1}: {run['seconds']:.2f} s, CPU {run['cpu_s']:.2f} s (exit {run['returncode']})")
    folder = work / "cli-upload"
    shutil.rmtree(folder, ignore_errors=True)
    path, _ = upload_files(folder, 1)[0]
    run = run_timed([str(VENV_BIN / "rag"), "ingest", str(path), "--json"], env, work)
    report = json.loads(run["stdout"]) if run["returncode"] == 0 else {}
    result["cli_ingest"] = {"seconds": run["seconds"], "cpu_s": run["cpu_s"], "peak_rss_mb": run["peak_rss_mb"],
                            "load": run["load"], "returncode": run["returncode"],
                            "report_seconds": report.get("seconds"), "chunks": report.get("chunks"),
                            **({} if run["returncode"] == 0 else {"stderr": run["stderr_tail"]})}
    log(f"  `rag ingest FILE`: {run['seconds']:.2f} s (its report: {report.get('seconds')} s, exit {run['returncode']})")
    article_id = article_id_for(settings_for(data_dir, host, port), path)
    extra = ["--article-id", article_id]
    result["cli_ingest"]["deleted"] = run_worker("delete", data_dir, work, *extra, server=server)["removed"]
    shutil.rmtree(folder, ignore_errors=True)
    return result


def measure_serve(data_dir: Path, work: Path, server: ChromaServer | None, asks: int, uploads: int,
                  timeout: float = 3600.0, rss_cap_mb: float = RSS_CAP_GB * 1000) -> dict[str, Any]:
    """`rag serve` as a process: start-up, asks and uploads through its API, its resident memory
    (sampled every 0.5 s; the process is stopped above `rss_cap_mb`)."""
    import threading

    from gradio_client import Client, handle_file

    from bench.upload_bench import upload_files

    host, port = (server.host, server.port) if server else (None, None)
    ui_port = free_port()
    log_path = work / f"serve-{data_dir.name}-{'server' if server else 'embedded'}.log"
    began = time.perf_counter()
    with open(log_path, "w") as err:
        # Ctrl-C must reach it even when this benchmark runs under `nohup ... &` (which ignores SIGINT, and an
        # ignored signal stays ignored across exec): otherwise each stop waits 60 s for the SIGTERM fallback
        proc = subprocess.Popen([str(VENV_BIN / "rag"), "serve", "--port", str(ui_port)], env=rag_env(data_dir, host, port),
                                cwd=work, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, text=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    url: list[str] = []
    ready = threading.Event()

    def read_stdout() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if "running at" in line and not url:
                url.append(line.split("running at", 1)[1].split()[0])
                ready.set()

    threading.Thread(target=read_stdout, daemon=True).start()
    watch = MemoryWatch(proc, rss_cap_mb)
    samples: list[float] = []
    result: dict[str, Any] = {}
    try:
        while not ready.wait(0.5):
            samples.append(memory_of(proc.pid).get("rss_mb", 0.0))
            if proc.poll() is not None or time.perf_counter() - began > timeout:
                result["error"] = watch.over_cap() or f"rag serve did not start (exit {proc.poll()}); see {log_path}"
                log(f"  {result['error']}")
                return result
        result["startup_s"] = round(time.perf_counter() - began, 2)
        result["memory_ready"] = memory_of(proc.pid)
        log(f"  rag serve up in {result['startup_s']} s at {url[0]}: {result['memory_ready']}")
        try:
            _serve_requests(Client(url[0], verbose=False), handle_file, upload_files, work, asks, uploads, result, proc)
        except Exception as failure:  # noqa: BLE001  a stopped or failing server: recorded, the other modes go on
            result["error"] = watch.over_cap() or f"{type(failure).__name__}: {failure}"
            log(f"  rag serve: {result['error']}")
        result["startup_rss_samples_max_mb"] = max(samples) if samples else None
    finally:
        watch.close()
        result["max_rss_sampled_mb"] = watch.max_mb
        result["memory_end"] = memory_of(proc.pid)
        stop_process(proc)
    return result


def _serve_requests(client: Any, handle_file: Any, upload_files: Any, work: Path, asks: int, uploads: int,
                    result: dict[str, Any], proc: subprocess.Popen[Any]) -> None:
    """Asks and uploads through `rag serve`'s API, timed, with its memory after each part (into `result`)."""
    t0 = time.perf_counter()
    client.predict(question=BENCH_QUESTION, mode="extractive", api_name="/ask")
    result["first_ask_s"] = round(time.perf_counter() - t0, 3)
    times = []
    for question in QUESTIONS[1 : 1 + asks]:
        t0 = time.perf_counter()
        client.predict(question=question, mode="extractive", api_name="/ask")
        times.append((time.perf_counter() - t0) * 1000)
    result["ask_ms"] = summary(times)
    result["memory_after_asks"] = memory_of(proc.pid)
    log(f"  rag serve: first ask {result['first_ask_s']} s, then p50 {result['ask_ms']['p50']:.0f} ms; "
        f"{result['memory_after_asks']}")
    if uploads:
        folder = work / "serve-uploads"
        shutil.rmtree(folder, ignore_errors=True)
        rows = []
        for number, (path, _) in enumerate(upload_files(folder, uploads + 1)):
            t0 = time.perf_counter()
            outcome = client.predict([handle_file(str(path))], api_name="/upload_article")
            t1 = time.perf_counter()
            added = outcome.get("added") or []
            for article_id in added:
                client.predict(article_id, api_name="/delete_article")
            t2 = time.perf_counter()
            log(f"  upload through rag serve {number}: {t1 - t0:.2f} s, delete {t2 - t1:.2f} s "
                f"({'added' if added else outcome}){' (warm-up)' if number == 0 else ''}")
            if number:
                rows.append({"upload_s": t1 - t0, "delete_s": t2 - t1, "added": bool(added)})
        shutil.rmtree(folder, ignore_errors=True)
        result["upload"] = {"uploads": rows, "upload_s": summary([r["upload_s"] for r in rows]),
                            "delete_s": summary([r["delete_s"] for r in rows])}
        result["memory_after_uploads"] = memory_of(proc.pid)


# ------------------------------------------------------------------------------ one store, all modes
def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    from rag.services import build_encoder

    work = args.work_dir.expanduser().resolve()
    data_dir = work / str(args.chunks)
    record_store_graph(data_dir)
    encoder = build_encoder(settings_for(data_dir))
    started = time.perf_counter()
    report: dict[str, Any] = {
        "benchmark": "Sourced at scale: embedded Chroma and a Chroma server",
        "command": "python bench/scale_bench.py " + " ".join(sys.argv[1:]),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "chunks": args.chunks,
    }
    try:
        report["build"] = build(args.chunks, data_dir, encoder, args.min_free_gb)
    except DiskFullSoon as stop:
        raise SystemExit(f"Error: {stop}") from None
    del encoder
    if args.build_only:
        return report
    results = work / "results"
    results.mkdir(exist_ok=True)
    if load_truth(data_dir) is None:
        log(f"[{args.chunks}] exact top-10 of {len(QUESTIONS) + RANDOM_QUERIES} queries over every stored vector")
        report["truth"] = run_worker("truth", data_dir, results)
    report["disk"] = disk_use(data_dir)
    report["keyword_index_bytes"] = disk_bytes(data_dir / "keyword" / "articles")
    report["modes"] = {}
    for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
        log(f"[{args.chunks}] mode {mode}")
        server = ChromaServer(data_dir, results / f"chroma-server-{args.chunks}.log") if mode == "server" else None
        entry: dict[str, Any] = {}
        try:
            if server is not None:
                entry["server_start_s"] = round(server.start(), 2)
                log(f"  chroma server on port {server.port}, up in {entry['server_start_s']} s")
            entry["in_process"] = run_worker("measure", data_dir, results, "--rounds", str(args.rounds),
                                             "--uploads", str(args.uploads), server=server,
                                             rss_cap_mb=args.rss_cap_gb * 1000)
            if server is not None:
                entry["server_memory_after_asks"] = server.memory()
            entry["cli"] = measure_cli(data_dir, results, server, args.cold_asks)
            entry["serve"] = measure_serve(data_dir, results, server, args.serve_asks, args.serve_uploads,
                                           rss_cap_mb=args.rss_cap_gb * 1000)
            if server is not None:
                entry["server_memory_end"] = server.memory()
        finally:
            if server is not None:
                server.stop()
        report["modes"][mode] = entry
        log(f"[{args.chunks}] {mode}: {headline(entry)}")
    if args.ef_search:
        report["ef_search"] = ef_sweep(data_dir, results, [int(v) for v in args.ef_search.split(",")])
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def ef_sweep(data_dir: Path, results: Path, values: list[int]) -> list[dict[str, Any]]:
    """Recall@10 and query latency at each ef_search (embedded, each in a new process); the original is put back."""
    original = run_worker("ef", data_dir, results)["before"]
    rows = []
    try:
        for ef in values:
            run_worker("ef", data_dir, results, "--ef", str(ef))
            measured = run_worker("recall", data_dir, results)
            rows.append({"ef_search": ef, **measured})
            log(f"  ef_search {ef}: recall@10 {measured['recall_at_10']} (ties {measured['recall_at_10_ties']}), "
                f"top-10 p50/p95 {measured['top10_query_ms']['p50']:.1f}/{measured['top10_query_ms']['p95']:.1f} ms")
    finally:
        run_worker("ef", data_dir, results, "--ef", str(original))
    return rows


def headline(entry: dict[str, Any]) -> str:
    r = entry.get("in_process", {})
    serve = entry.get("serve", {})
    recall = r.get("recall", {})
    return (f"ask p95 {r.get('ask_ms', {}).get('p95', float('nan')):.1f} ms / floor p95 "
            f"{r.get('floor_ms', {}).get('p95', float('nan')):.1f} ms = {r.get('ratio_p95')}; recall@10 "
            f"{recall.get('recall_at_10')} ({recall.get('recall_at_10_ties')}); rag serve RSS "
            f"{serve.get('memory_after_asks', {}).get('rss_mb')} MB")


# ------------------------------------------------------------------------------------- report
def _ms(stats: dict[str, Any] | None, key: str) -> str:
    return f"{stats[key]:.1f}" if stats and key in stats else "-"


def _gb(mb: float | None) -> str:
    return f"{mb / 1000:.2f} GB" if mb else "-"


def table(reports: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| passages | Chroma | floor p50 / p95 | ask p50 / p95 | ask p95 / floor p95 | recall@10 (ties) | "
        "cold `rag ask` (CPU) | `rag serve` start | `rag serve` RSS (peak) | Chroma server RSS | upload p50 / max | "
        "`rag ingest FILE` |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for report in reports:
        passages = report["build"].get("passages", report["chunks"])
        for mode, entry in report.get("modes", {}).items():
            r = entry.get("in_process", {})
            recall = r.get("recall", {})
            cold = [c["seconds"] for c in entry.get("cli", {}).get("cold_ask", []) if c["returncode"] == 0]
            cold_cpu = [c["cpu_s"] for c in entry.get("cli", {}).get("cold_ask", []) if c.get("cpu_s") is not None]
            cold_cell = f"{statistics_median(cold):.1f} s" if cold else "-"
            if cold and cold_cpu:
                cold_cell += f" ({statistics_median(cold_cpu):.1f} s)"
            serve = entry.get("serve", {})
            serve_memory = serve.get("memory_end") or serve.get("memory_after_asks") or {}
            after_asks = serve.get("memory_after_asks", {})
            serve_rss = f"**{_gb(after_asks.get('rss_mb'))}** ({_gb(serve_memory.get('peak_mb'))})"
            if serve.get("error"):
                serve_rss = f"**{serve['error']}**"
            start_cell = f"{serve['startup_s']:.0f} s" if serve.get("startup_s") else "-"
            upload = r.get("upload", {})
            cli_ingest = entry.get("cli", {}).get("cli_ingest", {})
            server_memory = entry.get("server_memory_end") or entry.get("server_memory_after_asks") or {}
            stats = upload.get("upload_s")
            upload_cell = f"{stats['p50']:.2f} / {stats['max']:.2f} s" if stats else "-"
            cli_cell = f"{cli_ingest['seconds']:.1f} s" if cli_ingest.get("returncode") == 0 else "-"
            if r.get("error"):  # the in-process worker was stopped: its columns say why
                lines.append(f"| {passages:,} | {mode} | **{r['error']}** | | | | {cold_cell} | {start_cell} | "
                             f"{serve_rss} | | | {cli_cell} |")
                continue
            lines.append(
                f"| {passages:,} | {mode} | {_ms(r.get('floor_ms'), 'p50')} / {_ms(r.get('floor_ms'), 'p95')} ms | "
                f"{_ms(r.get('ask_ms'), 'p50')} / {_ms(r.get('ask_ms'), 'p95')} ms | **{r.get('ratio_p95', '-')}** | "
                f"**{recall.get('recall_at_10', '-')}** ({recall.get('recall_at_10_ties', '-')}) | "
                f"{cold_cell} | {start_cell} | {serve_rss} | "
                f"{_gb(server_memory.get('rss_mb')) if mode == 'server' else '-'} | "
                f"{upload_cell} | "
                f"{cli_cell} |"
            )
    lines += ["", "| passages | Chroma folder | keyword index | build (synthetic passages) | store check |",
              "| ---: | ---: | ---: | ---: | ---: |"]
    for report in reports:
        build = report["build"]
        disk = report.get("disk") or build.get("disk", {})
        seconds = sum(run.get("seconds", 0) for run in build.get("runs", []))
        lines.append(f"| {build.get('passages', report['chunks']):,} | {disk.get('chroma_mb', 0) / 1000:.2f} GB | "
                     f"{disk.get('keyword_index_mb', 0) / 1000:.2f} GB | {seconds / 60:.0f} min | "
                     f"{build.get('repair_check_s', '-')} s |")
    sweeps = [(r["build"].get("passages", r["chunks"]), r["ef_search"]) for r in reports if r.get("ef_search")]
    if sweeps:
        lines += ["", "| passages | ef_search | recall@10 (ties) | questions / random queries | top-10 p50 / p95 | "
                  "top-30 p50 / p95 |", "| ---: | ---: | ---: | ---: | ---: | ---: |"]
        for passages, rows in sweeps:
            for row in rows:
                lines.append(
                    f"| {passages:,} | {row['ef_search']} | {row['recall_at_10']} ({row['recall_at_10_ties']}) | "
                    f"{row['recall_at_10_questions']} / {row['recall_at_10_random']} | "
                    f"{_ms(row['top10_query_ms'], 'p50')} / {_ms(row['top10_query_ms'], 'p95')} ms | "
                    f"{_ms(row['top30_query_ms'], 'p50')} / {_ms(row['top30_query_ms'], 'p95')} ms |")
    return "\n".join(lines)


def statistics_median(values: Sequence[float]) -> float:
    return float(np.median(np.asarray(values, dtype=np.float64)))


# ------------------------------------------------------------------------------------- main
def worker(args: argparse.Namespace) -> int:
    data_dir = args.data_dir.expanduser().resolve()
    if args.worker == "truth":
        from rag.services import build_encoder

        result: Any = compute_truth(data_dir, build_encoder(settings_for(data_dir)))
    elif args.worker == "measure":
        result = measure_in_process(data_dir, args.host, args.port, args.rounds, args.uploads)
    elif args.worker == "recall":
        result = measure_recall_only(data_dir, args.host, args.port)
    elif args.worker == "ef":
        result = collection_ef_search(data_dir, args.ef)
    elif args.worker == "delete":
        result = delete_article(data_dir, args.host, args.port, args.article_id)
    else:
        raise SystemExit(f"unknown worker {args.worker}")
    args.result.write_text(json.dumps(result, indent=1))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, help="synthetic passages in the store (e.g. 100000, 1000000)")
    parser.add_argument("--work-dir", type=Path, help="where stores are built, at <work-dir>/<chunks>, and reused")
    parser.add_argument("--build-only", action="store_true", help="build (or resume) the store, measure nothing")
    parser.add_argument("--min-free-gb", type=float, default=MIN_FREE_GB,
                        help="stop a build (resumable) when the disk has less free space than this")
    parser.add_argument("--modes", default="embedded,server", help="embedded, server or both (comma-separated)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the questions (each: floor and ask)")
    parser.add_argument("--uploads", type=int, default=3, help="timed one-article uploads in-process (after a warm-up)")
    parser.add_argument("--cold-asks", type=int, default=3, help="`rag ask` runs as new processes")
    parser.add_argument("--serve-asks", type=int, default=5, help="asks through `rag serve` after its warm-up")
    parser.add_argument("--serve-uploads", type=int, default=2, help="uploads through `rag serve` (after a warm-up)")
    parser.add_argument("--rss-cap-gb", type=float, default=RSS_CAP_GB,
                        help="stop `rag serve` or an in-process worker above this resident memory (recorded as an error)")
    parser.add_argument("--ef-search", default="", help="ef_search values to sweep (embedded), e.g. 50,100,200,400")
    parser.add_argument("--out", type=Path, help="results JSON (default bench/results/scale_<chunks>.json)")
    parser.add_argument("--table", type=Path, nargs="+", help="print the table of these results files and exit")
    # a measurement in a process of its own (run by the benchmark itself)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--host", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--ef", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--article-id", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    if args.table:
        print(table([json.loads(path.read_text()) for path in args.table]))
        return 0
    if not args.chunks or not args.work_dir:
        parser.error("--chunks and --work-dir are required")
    report = run_benchmark(args)
    if args.build_only:
        return 0
    out = args.out or HERE / "results" / f"scale_{args.chunks}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(table([report]))
    print(f"\nwritten {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
