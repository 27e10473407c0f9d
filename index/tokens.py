"""Token counting with tiktoken's cl100k_base, offline.

tiktoken downloads its encodings on first use; llama-index ships cl100k_base
in its `_static/tiktoken_cache`, so we point tiktoken there (without importing
llama-index itself, which would cost seconds on the `rag ask` path).
"""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path
from typing import Any

ENCODING_NAME = "cl100k_base"


def _llama_index_tiktoken_cache() -> Path | None:
    spec = importlib.util.find_spec("llama_index.core")
    if spec is None or not spec.submodule_search_locations:
        return None
    cache_dir = Path(next(iter(spec.submodule_search_locations))) / "_static" / "tiktoken_cache"
    return cache_dir if cache_dir.is_dir() else None


@cache
def cl100k() -> Any:
    """The cl100k_base encoding, loaded from the offline copy when none is configured."""
    import tiktoken

    if "TIKTOKEN_CACHE_DIR" not in os.environ:
        cache_dir = _llama_index_tiktoken_cache()
        if cache_dir is not None:
            os.environ["TIKTOKEN_CACHE_DIR"] = str(cache_dir)
    return tiktoken.get_encoding(ENCODING_NAME)


def count_tokens(text: str) -> int:
    return len(cl100k().encode(text, disallowed_special=()))
