"""The index tests' fixtures (a real `chroma run` server, the ONNX encoder, both store backends)."""

from tests.index.conftest import Backend, backend, chroma_server, encoder  # noqa: F401  (fixtures)
