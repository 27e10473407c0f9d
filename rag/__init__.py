"""Sourced's core: settings, the data model, retrieval, the answerers, the `Assistant` API and the `rag` CLI.

    from rag import Assistant
    answer = Assistant.from_settings().ask("How long did the July 3 call last?")

The names below are imported on first use, so `import rag` (and every
`rag.<module>` import, `rag ask` included) costs nothing extra.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rag.assistant import Assistant
    from rag.library import Library
    from rag.models import CANNOT_ANSWER, Answer, Citation, Passage
    from rag.settings import Settings

_EXPORTS = {
    "Assistant": "rag.assistant",
    "Library": "rag.library",
    "Answer": "rag.models",
    "Citation": "rag.models",
    "Passage": "rag.models",
    "CANNOT_ANSWER": "rag.models",
    "Settings": "rag.settings",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
