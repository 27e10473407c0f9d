"""How long an ingest's commits hold questions off, and where that time goes: in-process, no server.

Questions in the app wait while an ingest holds the write side of the store's
readers-writer lock (index/commit_lock.py). This benchmark ingests the bundled
sample articles into a fresh temporary store (not timed), then ``--articles``
generated articles (bench/corpus.py) in commits of ``--group-chunks`` passages
(64: what an upload uses, ui/uploads.py), and records every time the write
side is held: how long, and how much of it went to each leaf call made under
it by the committing thread (Chroma's upsert / get / delete / modify, the
keyword index's document building, writer, commit, merge wait and reader
reload, its stamps file); ``other`` is the rest (Python between the calls).

The encoder is a cheap stand-in by default (``--encoder hash``: a 384-d vector
per text and per sentence, from the text's hash), so the run costs little CPU
and the writes carry what real ones carry (a vector per passage, packed
sentence vectors in the metadata); ``--encoder minilm`` uses the real one.
Embedding happens outside the commits either way.

``--project DIR`` imports ``index`` from another checkout (e.g. main exported with
``git archive``); ``--compare DIR`` runs this checkout and DIR in turn, ``--rounds``
times each in child processes, alternating, and prints the ratios new ÷ old of the
pooled p50 / p95 / max hold of the group commits.

    python bench/commit_hold_bench.py                             # this checkout: breakdown
    python bench/commit_hold_bench.py --project /tmp/main-copy    # another checkout
    python bench/commit_hold_bench.py --compare /tmp/main-copy --rounds 3 --out bench/results/commit_hold.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

ROOT = Path(__file__).resolve().parent.parent
DIMENSIONS = 384


class HashEncoder:
    """Deterministic stand-in vectors: every distinct text gets its own direction (cheap, no model)."""

    fingerprint = "bench-hash-384"

    def _vector(self, text: str) -> Any:
        import numpy as np

        seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
        vector = np.random.default_rng(seed).standard_normal(DIMENSIONS).astype(np.float32)
        return vector / np.linalg.norm(vector)

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return [self._vector(t).tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text).tolist()

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> tuple[Any, list[Any]]:
        import numpy as np

        vectors = np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, DIMENSIONS), np.float32)
        per_text = [
            np.stack([self._vector(t[s:e]) for s, e in text_spans]) if text_spans else np.zeros((0, DIMENSIONS), np.float32)
            for t, text_spans in zip(texts, spans)
        ]
        return vectors, per_text


class HoldRecorder:
    """Times every outermost hold of the write side, and the leaf calls the holding thread makes under it."""

    def __init__(self) -> None:
        self.holds: list[dict[str, Any]] = []
        self._local = threading.local()

    def current(self) -> dict[str, float] | None:
        return getattr(self._local, "phases", None)

    def install(self) -> None:
        from index.commit_lock import CommitLock

        original = CommitLock.writing
        recorder = self

        @contextmanager
        def writing(lock: Any) -> Iterator[bool]:
            with original(lock) as outermost:
                if not outermost:
                    yield outermost
                    return
                phases: dict[str, float] = defaultdict(float)
                recorder._local.phases = phases
                began = time.perf_counter()
                try:
                    yield outermost
                finally:
                    held = time.perf_counter() - began
                    recorder._local.phases = None
                    recorder.holds.append({"seconds": held, "phases": dict(phases)})

        CommitLock.writing = writing  # type: ignore[method-assign]

    def timed(self, label: Callable[..., str] | str, function: Callable[..., Any]) -> Callable[..., Any]:
        recorder = self

        def call(*args: Any, **kwargs: Any) -> Any:
            phases = recorder.current()
            if phases is None or getattr(recorder._local, "inside", False):
                return function(*args, **kwargs)
            recorder._local.inside = True  # leaves only: a timed call inside another is not counted twice
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                recorder._local.inside = False
                name = label(*args, **kwargs) if callable(label) else label
                phases[name] += time.perf_counter() - began

        return call


def instrument(recorder: HoldRecorder) -> None:
    from chromadb.api.models.Collection import Collection

    import index.keyword_index as keyword_index

    recorder.install()
    for method in ("upsert", "delete", "get", "modify", "count"):
        original = getattr(Collection, method)

        def label(collection: Any, *args: Any, _method: str = method, **kwargs: Any) -> str:
            kind = "articles" if collection.name.endswith("-articles") else "passages"
            return f"chroma {kind} {_method}"

        setattr(Collection, method, recorder.timed(label, original))
    from chromadb.api.client import Client

    Client.get_collection = recorder.timed("chroma get_collection", Client.get_collection)  # type: ignore[method-assign]

    keyword_index._document = recorder.timed("keyword: build documents (stems, JSON)", keyword_index._document)
    KeywordIndex = keyword_index.KeywordIndex
    KeywordIndex.refresh = recorder.timed("keyword: reader reload", KeywordIndex.refresh)  # type: ignore[method-assign]
    if hasattr(KeywordIndex, "publish"):  # code that commits the keyword index before the write side
        KeywordIndex.publish = recorder.timed("keyword: reader reload", KeywordIndex.publish)  # type: ignore[method-assign]
    KeywordIndex.set_stamps = recorder.timed("keyword: stamps file", KeywordIndex.set_stamps)  # type: ignore[method-assign]
    KeywordIndex.holds_other_versions = recorder.timed(  # type: ignore[method-assign]
        "keyword: holds_other_versions query", KeywordIndex.holds_other_versions
    )
    original_writer = KeywordIndex._writer

    def writer(self: Any, index: Any) -> Any:
        return _TimedWriter(recorder.timed("keyword: open writer", original_writer)(self, index), recorder)

    KeywordIndex._writer = writer  # type: ignore[method-assign]


class _TimedWriter:
    """A tantivy IndexWriter whose calls are timed (its class is native: it cannot be patched)."""

    _LABELS = {
        "commit": "keyword: commit (segment files, fsync)",
        "wait_merging_threads": "keyword: wait_merging_threads",
        "add_document": "keyword: add/delete documents",
        "delete_documents_by_term": "keyword: add/delete documents",
        "delete_documents_by_query": "keyword: add/delete documents",
    }

    def __init__(self, writer: Any, recorder: HoldRecorder) -> None:
        self._writer = writer
        self._recorder = recorder

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._writer, name)
        if callable(value):
            return self._recorder.timed(self._LABELS.get(name, f"keyword: {name}"), value)
        return value


def percentile(values: Sequence[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if len(values) else float("nan")


def run_once(articles: int, seed: int, group_chunks: int, encoder_name: str) -> dict[str, Any]:
    """Ingest the samples (untimed), then `articles` generated articles; return every hold."""
    from index.pipeline import ingest
    from index.store import PassageStore, open_client

    import index

    sys.path.append(str(ROOT))  # bench.corpus (generation only); `index` stays the measured checkout's
    from bench.corpus import generate_corpus

    if encoder_name == "minilm":
        from index.embedder import MiniLMOnnxEncoder

        encoder: Any = MiniLMOnnxEncoder()
    else:
        encoder = HashEncoder()
    recorder = HoldRecorder()
    instrument(recorder)
    with tempfile.TemporaryDirectory(prefix="commit-hold-") as temporary:
        data = Path(temporary)
        store = PassageStore(open_client(data / "data"), "bench", encoder.fingerprint, data / "data" / "keyword")
        store.open_for_writing()
        ingest([ROOT / "data" / "articles"], store, encoder, group_chunks=group_chunks)
        recorder.holds.clear()
        folder = data / "generated"
        generate_corpus(folder, articles, seed=seed)
        began = time.perf_counter()
        report = ingest([folder], store, encoder, group_chunks=group_chunks)
        seconds = time.perf_counter() - began
        holds = list(recorder.holds)
    groups = [h for h in holds if h["phases"].get("chroma passages upsert")]
    return {
        "index_package": str(Path(index.__file__).parent),
        "articles": len(report.added),
        "chunks": report.chunks,
        "ingest_seconds": round(seconds, 2),
        "holds": holds,
        "group_holds_ms": [round(h["seconds"] * 1000, 2) for h in groups],
        "group_phases_ms": _phase_totals(groups),
    }


def _phase_totals(holds: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per phase: ms per group commit (p50, mean, max) and its share of the total hold."""
    total = sum(h["seconds"] for h in holds) or 1.0
    names = sorted({name for h in holds for name in h["phases"]})
    rows: dict[str, dict[str, float]] = {}
    for name in [*names, "other"]:
        if name == "other":
            values = [h["seconds"] - sum(h["phases"].values()) for h in holds]
        else:
            values = [h["phases"].get(name, 0.0) for h in holds]
        rows[name] = {
            "p50_ms": round(statistics.median(values) * 1000, 2) if values else 0.0,
            "mean_ms": round(statistics.fmean(values) * 1000, 2) if values else 0.0,
            "max_ms": round(max(values) * 1000, 2) if values else 0.0,
            "share": round(sum(values) / total, 3),
        }
    return rows


def summary(holds_ms: Sequence[float]) -> dict[str, float]:
    return {
        "commits": len(holds_ms),
        "p50_ms": round(percentile(holds_ms, 50), 1),
        "p95_ms": round(percentile(holds_ms, 95), 1),
        "max_ms": round(max(holds_ms), 1) if holds_ms else float("nan"),
        "total_ms": round(sum(holds_ms), 1),
    }


def print_breakdown(result: dict[str, Any], label: str) -> None:
    print(f"{label} ({result['index_package']}): {result['articles']} articles, {result['chunks']} passages, ingest {result['ingest_seconds']} s")
    print(f"  group commits: {summary(result['group_holds_ms'])}")
    print(f"  {'phase (under the write side)':45s} {'p50 ms':>8s} {'mean ms':>8s} {'max ms':>8s} {'share':>6s}")
    for name, row in sorted(result["group_phases_ms"].items(), key=lambda item: -item[1]["share"]):
        print(f"  {name:45s} {row['p50_ms']:8.1f} {row['mean_ms']:8.1f} {row['max_ms']:8.1f} {row['share']:6.1%}")


def child(project: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [
        sys.executable, str(Path(__file__).resolve()), "--project", str(project), "--json",
        "--articles", str(args.articles), "--seed", str(args.seed), "--group-chunks", str(args.group_chunks),
        "--encoder", args.encoder,
    ]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=str(project))
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout whose `index` package is measured")
    parser.add_argument("--compare", type=Path, help="another checkout to compare with this one (child processes)")
    parser.add_argument("--rounds", type=int, default=3, help="with --compare: runs of each, alternating")
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--seed", type=int, default=20251203)
    parser.add_argument("--group-chunks", type=int, default=64)
    parser.add_argument("--encoder", choices=("hash", "minilm"), default="hash")
    parser.add_argument("--json", action="store_true", help="print one JSON line (what --compare reads)")
    parser.add_argument("--out", type=Path, help="with --compare: write every run's figures here")
    args = parser.parse_args(argv)

    if args.compare is None:
        sys.path.insert(0, str(args.project.resolve()))
        result = run_once(args.articles, args.seed, args.group_chunks, args.encoder)
        if args.json:
            result.pop("holds")
            print(json.dumps(result))
        else:
            print_breakdown(result, str(args.project))
        return 0

    runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
    for round_number in range(args.rounds):
        order = [("old", args.compare), ("new", ROOT)]
        if round_number % 2:
            order.reverse()
        for name, project in order:
            result = child(project.resolve(), args)
            runs[name].append(result)
            print(f"round {round_number + 1} {name}: {summary(result['group_holds_ms'])}", file=sys.stderr)
    pooled = {name: summary([ms for r in results for ms in r["group_holds_ms"]]) for name, results in runs.items()}
    for name in ("old", "new"):
        print_breakdown(runs[name][0], f"{name} (first round)")
    print(f"pooled over {args.rounds} rounds: old {pooled['old']}")
    print(f"                        new {pooled['new']}")
    ratios = {k: round(pooled["new"][k] / pooled["old"][k], 3) for k in ("p50_ms", "p95_ms", "max_ms", "total_ms")}
    print(f"new ÷ old: {ratios}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "runs": runs,
                                        "pooled": pooled, "ratios": ratios}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
