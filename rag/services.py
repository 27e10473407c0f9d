"""Builds the collaborators (embedder, store) that the settings describe."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from index.embedder import MiniLMOnnxEncoder, OpenAIEncoder, TextEncoder
from index.errors import IndexEmptyError
from index.identity import Namespace, article_id
from index.pipeline import ChunkSettings
from index.store import PassageStore, open_client
from rag.settings import Settings, url_without_password
from rag.word_likeness import EncoderWordLikeness, WordLikeness

UPLOADS_FOLDER = "uploads"  # under RAG_DATA_DIR
UPLOAD_ID_PREFIX = "upload"  # uploads' article ids start with "upload/" (index/identity.py)


def build_encoder(settings: Settings) -> TextEncoder:
    if settings.embedding_backend == "openai":
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAIEncoder(settings.openai_embedding_model, key, settings.openai_base_url, settings.embed_batch_size)
    return local_encoder(settings)


def local_encoder(settings: Settings) -> MiniLMOnnxEncoder:
    """The offline all-MiniLM-L6-v2 encoder (loads its weights when first used)."""
    return MiniLMOnnxEncoder(
        batch_size=settings.embed_batch_size,
        graph=settings.embedding_graph,
        cache_dir=Path(settings.model_cache_dir).expanduser(),
        threads=settings.embed_threads or None,
    )


def build_word_likeness(settings: Settings, encoder: TextEncoder) -> WordLikeness:
    """Word likeness for the extractive answerer, always from the local MiniLM weights: the answer model was
    fitted on their scale, and a remote embedding endpoint would cost a request per word."""
    return EncoderWordLikeness(encoder if isinstance(encoder, MiniLMOnnxEncoder) else local_encoder(settings))


def build_store(settings: Settings, encoder: TextEncoder) -> PassageStore:
    """A store handle (not yet opened): call `open_for_reading` or `open_for_writing`."""
    client = open_client(Path(settings.data_dir), settings.chroma_host, settings.chroma_port)
    return PassageStore(
        client, settings.collection, encoder.fingerprint, keyword_index_dir(settings), settings.hnsw_ef_search
    )


def store_exists(settings: Settings) -> bool:
    """Whether there is a store to read: a Chroma server is asked; the embedded store exists once an
    ingest has created its database (opening Chroma's embedded client creates one, so check first)."""
    if settings.uses_chroma_server:
        return True
    return (Path(settings.data_dir).expanduser() / "chroma" / "chroma.sqlite3").is_file()


def open_store_for_reading(settings: Settings, encoder: TextEncoder) -> PassageStore:
    """The configured store, opened for reading; IndexEmptyError when there is none yet, and then no file
    is left behind (`rag status`, `ask` or `delete` in an empty folder create nothing there)."""
    if not store_exists(settings):
        raise IndexEmptyError("No articles are indexed yet; run `rag ingest` first.")
    return build_store(settings, encoder).open_for_reading()


def chunk_settings(settings: Settings) -> ChunkSettings:
    return ChunkSettings(chunk_size=settings.chunk_size, chunk_overlap=settings.chunk_overlap)


def uploads_dir(settings: Settings) -> Path:
    """Where the UI keeps uploaded files: a namespace of their own, so an upload never takes another article's id."""
    return Path(settings.data_dir).expanduser() / UPLOADS_FOLDER


def id_namespaces(settings: Settings) -> tuple[Namespace, ...]:
    """Folders whose files are keyed by their place inside them (index/identity.py): uploads, the articles folder."""
    return (
        Namespace("upload", uploads_dir(settings), prefix=UPLOAD_ID_PREFIX),
        Namespace("articles", Path(settings.articles_dir)),
    )


def article_id_for(settings: Settings, path: Path) -> str:
    """The id the article read from `path` has (or will have) in the store."""
    return article_id(path, id_namespaces(settings))


def keyword_index_dir(settings: Settings) -> Path:
    """The keyword (BM25) index of the configured collection: under the data directory, also
    when Chroma is a server."""
    return Path(settings.data_dir).expanduser() / "keyword" / settings.collection


def describe_store(settings: Settings) -> dict[str, object]:
    if settings.uses_chroma_server:
        return {"kind": "chroma-server", "host": settings.chroma_host, "port": settings.chroma_port or 8000,
                "collection": settings.collection}
    return {"kind": "embedded", "path": str(Path(settings.data_dir).expanduser() / "chroma"),
            "collection": settings.collection}


def endpoint_status(settings: Settings) -> dict[str, Any]:
    """The configured LLM endpoint and whether it answers (`GET /models`, 3 s); secrets never leave: a
    redirect is not followed (urllib would send the key on to whatever host it names), and a password in
    the URL is not shown."""
    if not settings.llm_configured:
        return {"configured": False, "reachable": None}
    import urllib.error
    import urllib.request

    base = (settings.openai_base_url or "https://api.openai.com/v1").rstrip("/")
    request = urllib.request.Request(f"{base}/models")
    if settings.openai_api_key:
        request.add_header("Authorization", f"Bearer {settings.openai_api_key.get_secret_value()}")

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        """Answers a redirect with its own status (the endpoint is there) instead of following it."""

        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    key_accepted: bool | None = None
    try:
        with urllib.request.build_opener(NoRedirects).open(request, timeout=3):
            reachable, key_accepted = True, True
    except urllib.error.HTTPError as exc:
        reachable = exc.code < 500
        if exc.code in (401, 403):
            key_accepted = False
    except (urllib.error.URLError, OSError, ValueError):
        reachable = False
    return {"configured": True, "base_url": url_without_password(base), "model": settings.llm_model,
            "reachable": reachable, "key_accepted": key_accepted}


def start_nlp_helpers(settings: Settings) -> Callable[[], None]:
    """For `rag serve`: questions parsed, and uploads' named entities found, in two helper processes
    (index/parse_process.py) unless `RAG_PARSE_PROCESS` is false; returns what stops them."""
    if not settings.parse_process:
        return lambda: None
    from index.nlp import use_entity_process, use_parse_process
    from index.parse_process import ParseProcess

    questions, entities = ParseProcess.start("parse"), ParseProcess.start("entities")
    use_parse_process(questions)
    use_entity_process(entities)

    def stop() -> None:
        use_parse_process(None)
        use_entity_process(None)
        questions.stop()
        entities.stop()

    return stop
