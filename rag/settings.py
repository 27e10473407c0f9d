"""Every setting of Sourced, in one typed object read from the environment and `.env`.

`OPENAI_API_KEY` and `OPENAI_BASE_URL` keep their standard names; everything
else starts with `RAG_`. `.env.example` lists each field with its default.
`.env` is read from the current directory; the default data and articles
folders are in the Sourced folder itself (PROJECT_ROOT), wherever `rag` runs.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.minilm_graph import user_cache_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLES_DIR = PROJECT_ROOT / "data" / "articles"
DEFAULT_DATA_DIR = PROJECT_ROOT / ".sourced"

ENV_FILE = ".env"  # relative: read from the current directory, as pydantic-settings does
ENV_PREFIX = "RAG_"
# Chroma's rule for collection names (3-512 characters, checked by its Rust core). Other names are made
# from the collection: "<collection>-articles" in Chroma (index/store.py), and "<collection>",
# "<collection>.lock" and "<collection>.repairs.json" under the data folder's keyword/ (index/store.py,
# index/repair.py); a file name has at most 255 bytes on common file systems, so 242 characters fit them all.
_CHROMA_NAME = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]")
_CHROMA_NAME_LENGTH = (3, 255 - len(".repairs.json"))

AnswerMode = Literal["auto", "extractive", "llm"]
EmbeddingBackend = Literal["local", "openai"]


class Settings(BaseSettings):
    """Configuration of the whole application; pass it in, never read the env elsewhere."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=ENV_FILE,
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    # --- where things live -------------------------------------------------
    data_dir: Path = Field(
        DEFAULT_DATA_DIR,
        description="Directory for all persisted state: the Chroma store, the keyword (BM25) index, feedback, logs "
        "(default: .sourced in the Sourced folder, wherever `rag` runs; a relative path is taken from the current "
        "directory).",
    )
    articles_dir: Path = Field(
        BUNDLED_ARTICLES_DIR,
        description="Folder that `rag ingest` reads when given no paths (default: the bundled sample corpus, "
        "data/articles in the Sourced folder).",
    )
    collection: str = Field(
        "articles",
        description="Name of the Chroma collection holding the passages: 3-242 characters from a-z, A-Z, 0-9, "
        "'.', '_' and '-', starting and ending with a letter or digit.",
    )
    chroma_host: str | None = Field(
        None, description="Chroma server host; when set (with the port) the server is used instead of the embedded store."
    )
    chroma_port: int | None = Field(None, ge=1, le=65535, description="Chroma server port (1-65535).")

    # --- ingestion ---------------------------------------------------------
    embedding_backend: EmbeddingBackend = Field(
        "local",
        description="`local` (all-MiniLM-L6-v2, offline ONNX) or `openai` (needs OPENAI_API_KEY).",
    )
    openai_embedding_model: str = Field(
        "text-embedding-3-small", description="Embedding model used when embedding_backend is `openai`."
    )
    embed_batch_size: int = Field(32, ge=1, le=2048, description="Chunks embedded per batch.")
    embedding_graph: Literal["fused-int8", "export-int8"] = Field(
        "fused-int8",
        description="Local model graph: `fused-int8` (built once from the packaged weights, fast) or `export-int8` "
        "(the packaged ONNX export as is, for an index built before fused-int8 existed).",
    )
    embed_threads: int = Field(
        0, ge=0, le=1024, description="CPU threads the local embedding model uses per call (0: every core)."
    )
    model_cache_dir: Path = Field(
        default_factory=user_cache_dir,
        description="Where the local embedding model's built graph is cached "
        "(default: $XDG_CACHE_HOME/sourced/models, else ~/.cache/sourced/models).",
    )
    # all-MiniLM-L6-v2 reads 256 wordpieces (254 after [CLS]/[SEP]); on news
    # prose a chunk of 230 cl100k tokens measured at most ~250 wordpieces, so
    # nothing is silently truncated at embedding time. 40 tokens of overlap
    # (about one sentence) keeps a fact that straddles a boundary whole in at
    # least one chunk.
    chunk_size: int = Field(230, ge=32, le=8192, description="Chunk size in tiktoken cl100k_base tokens.")
    chunk_overlap: int = Field(
        40,
        ge=0,
        le=1024,
        description="Overlap between consecutive chunks, in tokens; smaller than the chunk size (at most half "
        "of it is used).",
    )
    max_file_mb: float = Field(10.0, gt=0, description="Files larger than this are skipped at ingest (MB).")

    # --- retrieval and answers ---------------------------------------------
    top_k: int = Field(5, ge=1, le=50, description="Passages handed to the answerer.")
    candidates: int = Field(
        30, ge=1, le=500, description="Candidates each retriever (dense, BM25) returns before fusion."
    )
    hnsw_ef_search: int | None = Field(
        None,
        ge=10,
        le=5000,
        description="How broadly a dense query searches the HNSW graph (ef_search); unset: grows with the library, "
        "100 up to 100k passages and 400 at 1M. Written at the end of each ingest; read by processes started "
        "afterwards (a Chroma server: after its restart).",
    )
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant (60 as in Cormack et al.).")
    retrieval_mode: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="Which retrievers feed the answerer."
    )
    answer_mode: AnswerMode = Field(
        "auto", description="`extractive`, `llm`, or `auto` (llm when an endpoint is configured)."
    )
    max_answer_sentences: int = Field(
        3, ge=1, le=10, description="Sentences in an extractive answer to a non-value question (lists may use more)."
    )
    # None: the threshold fitted with the answer model on the development splits (rag/answer_model.json,
    # eval/README.md). A value overrides it: lower answers more questions (and more it should not), higher
    # refuses more.
    abstain_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Extractive answers whose probability of being right is below this are refused "
        "(default: the threshold fitted on the development splits).",
    )
    max_question_chars: int = Field(1000, ge=10, description="Longest accepted question, in characters.")
    history_tokens: int = Field(1500, ge=100, description="Chat history kept for follow-up rewriting, in tokens.")

    # --- LLM ---------------------------------------------------------------
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "RAG_OPENAI_API_KEY"),
        description="OpenAI (or compatible endpoint) API key; enables the LLM answerer.",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "RAG_OPENAI_BASE_URL"),
        description="OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server): an http:// or https:// URL, "
        "e.g. http://127.0.0.1:11434/v1.",
    )
    llm_model: str = Field("gpt-4o-mini", description="Chat model name at the endpoint.")
    llm_temperature: float = Field(0.0, ge=0.0, le=2.0, description="Sampling temperature of the LLM answerer.")
    llm_timeout: float = Field(
        30.0, gt=0, description="Seconds an LLM answer may take from request to last token before it is abandoned."
    )
    # The prompt asks for at most three short sentences (~100 tokens), so 512
    # leaves room for lists and wordy models while a model that misses its stop
    # token (and would otherwise write until its context is full) is cut after
    # seconds, not minutes. Reasoning models count their hidden reasoning here too.
    llm_max_tokens: int = Field(
        512,
        ge=1,
        le=32768,
        description="Most tokens the LLM may write for one answer; an answer cut at this cap is not used "
        "(the extractive answer is shown, with a notice).",
    )
    llm_max_retries: int = Field(
        2,
        ge=0,
        le=10,
        description="Retries of a failed LLM request (429, 5xx, connection errors); a missed RAG_LLM_TIMEOUT is not retried.",
    )

    # --- UI ----------------------------------------------------------------
    ui_host: str = Field("127.0.0.1", description="Address `rag serve` binds to.")
    ui_port: int = Field(7860, ge=0, le=65535, description="Port `rag serve` listens on.")
    parse_process: bool = Field(
        True,
        description="`rag serve` parses questions, and finds uploads' named entities, in two helper processes, so "
        "many users asking at once, and uploads, do not wait for each other (~300 MB more memory); false: in the "
        "server process.",
    )
    ui_auth: SecretStr | None = Field(
        None, description="`user:password` required by the UI; set it before binding to a non-loopback address."
    )
    max_upload_mb: float = Field(10.0, gt=0, description="Largest file the UI accepts for upload (MB).")
    # A news article makes 2-20 passages and a 250-page report about 1,000; a 10 MB HTML page of tables
    # made 7,669, minutes of embedding, which this refuses before anything is embedded.
    max_upload_chunks: int = Field(
        1000,
        ge=1,
        description="Most passages one uploaded file may make (counted after cleaning, before embedding); "
        "a file making more is refused.",
    )
    ui_allow_unauthenticated: bool = Field(
        False,
        description="Let `rag serve` listen on a non-loopback address without RAG_UI_AUTH (only on a trusted network).",
    )
    ui_login_attempts: int = Field(
        5, ge=1, le=1000, description="Failed sign-ins allowed from one address before it has to wait."
    )
    ui_login_wait: float = Field(
        30.0,
        gt=0,
        le=3600,
        description="Seconds of the first wait after too many failed sign-ins; each further failure doubles it (at most 1 hour).",
    )
    ui_answer_memory: int = Field(
        1000,
        ge=1,
        le=100_000,
        description="Recent answers the UI server remembers so they can be rated; older ones can no longer be rated.",
    )
    # Answering is mostly Python (one core at a time) with the model, Chroma and Tantivy calls beside it; on
    # 2 cores, 4 at once kept both busy while others waited in the queue (bench/README.md, "Concurrency").
    ask_workers: int = Field(
        4,
        ge=1,
        le=64,
        description="Questions `rag serve` answers at once through the page and gradio_client, and as many again through the HTTP API (/api/ask); more wait in turn.",
    )
    ui_library_page: int = Field(
        50,
        ge=1,
        le=1000,
        description="Articles the Library tab lists per page (a filter box finds the others).",
    )

    @field_validator("openai_base_url", "chroma_host", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("chroma_port", mode="before")
    @classmethod
    def _blank_port_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("collection")
    @classmethod
    def _collection_is_a_chroma_name(cls, value: str) -> str:
        # Chroma's own rules (also no ".." and not an IP address), checked here so that a bad name is a bad
        # setting, not a failure deep in the store; shorter than Chroma's limit (see _CHROMA_NAME_LENGTH)
        low, high = _CHROMA_NAME_LENGTH
        if not (low <= len(value) <= high and _CHROMA_NAME.fullmatch(value) and ".." not in value
                and not _is_ip_address(value)):
            raise ValueError(
                f"the collection name {value!r} must be {low} to {high} characters from ASCII letters, digits, "
                "'.', '_' and '-', start and end with a letter or digit, have no '..' and not be an IP address"
            )
        return value

    @field_validator("data_dir")
    @classmethod
    def _data_dir_can_be_a_folder(cls, value: Path) -> Path:
        # the nearest part of the path that exists must be a folder, or no store can ever be made there
        path = value.expanduser()
        for place in (path, *path.parents):
            if place.exists():
                if not place.is_dir():
                    what = "is a file, not a folder" if place.is_file() else "is not a folder"
                    where = "" if place == path else f" (part of {path})"
                    raise ValueError(f"{place}{where} {what}")
                break
        return value

    @field_validator("openai_base_url")
    @classmethod
    def _base_url_is_http(cls, value: str | None) -> str | None:
        if value is None:
            return None
        url = value.strip()
        shown = "the URL" if "@" in url else repr(url)  # a URL with user:password@ is not repeated
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018  a port that is not a number raises here
        except ValueError as exc:
            raise ValueError(f"{shown} is not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{shown} is not an http:// or https:// URL like http://127.0.0.1:11434/v1")
        return url

    @model_validator(mode="after")
    def _overlap_is_smaller_than_the_chunk(self) -> "Settings":
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError(
                f"The settings chunk_overlap and chunk_size do not fit together: RAG_CHUNK_OVERLAP "
                f"({self.chunk_overlap}) must be smaller than RAG_CHUNK_SIZE ({self.chunk_size}); lower the "
                "overlap or raise the chunk size in the environment or .env"
            )
        return self

    @property
    def llm_configured(self) -> bool:
        """An endpoint is usable: an API key, or a custom base URL (local servers need no key)."""
        return self.openai_api_key is not None or self.openai_base_url is not None

    @property
    def effective_answer_mode(self) -> Literal["extractive", "llm"]:
        if self.answer_mode == "auto":
            return "llm" if self.llm_configured else "extractive"
        return self.answer_mode

    @property
    def uses_chroma_server(self) -> bool:
        return self.chroma_host is not None

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1_000_000)

    def public_dict(self) -> dict[str, Any]:
        """Settings in effect, secrets masked, for `rag status` and logs."""
        shown: dict[str, Any] = {}
        for name, value in self.model_dump().items():
            if isinstance(getattr(self, name), SecretStr):
                shown[name] = "********" if getattr(self, name) is not None else None
            elif isinstance(value, Path):
                shown[name] = str(value)
            elif name == "openai_base_url" and value is not None:
                shown[name] = url_without_password(value)
            else:
                shown[name] = value
        return shown


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment and `.env`, with explicit overrides on top."""
    return Settings(**overrides)


def url_without_password(url: str) -> str:
    """`url` with the password of a user:password@ part masked: it is a secret like the API key."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"{parts.username}:********@{host}").geturl()


def _is_ip_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
