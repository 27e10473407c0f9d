"""Fixtures of the reliability tests: the index tests' real ONNX encoder, shared for the session."""

from tests.index.conftest import encoder  # noqa: F401  (fixture)
