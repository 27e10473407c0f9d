"""The index tests' fixtures (a real `chroma run` server, the ONNX encoder, both store backends), shared for the session."""

from tests.index.conftest import Backend, backend, chroma_server, encoder  # noqa: F401  (fixtures)
