"""The reliability tests share the session's fixtures (tests/conftest.py): the Chroma server, the encoder, both backends."""
