"""Word likeness from the real local encoder (rag.word_likeness), on words chosen for these tests."""

from __future__ import annotations

from typing import Sequence

import pytest

from rag.word_likeness import SAME_WORD_ONLY, EncoderWordLikeness


@pytest.fixture(scope="module")
def similarity(encoder: object) -> object:
    return EncoderWordLikeness(encoder)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "alike", "unlike"),
    [
        ("injure", "hurt", "elect"),
        ("house", "home", "tractor"),
        ("pupil", "student", "bridge"),
        ("cost", "price", "rain"),
    ],
)
def test_a_word_is_nearer_a_word_used_alike_than_an_unrelated_one(
    similarity: object, word: str, alike: str, unlike: str
) -> None:
    assert similarity(word, alike) > similarity(word, unlike) + 0.1  # type: ignore[operator]


def test_a_word_is_like_itself_whatever_its_case_and_nothing_is_like_an_empty_word(similarity: object) -> None:
    assert similarity("Levee", "levee ") == 1.0  # type: ignore[operator]
    assert similarity("", "levee") == 0.0  # type: ignore[operator]
    assert 0.0 <= similarity("north", "south") <= 1.0  # type: ignore[operator]


def test_words_the_encoder_reads_alike_are_at_most_1(similarity: object) -> None:
    # the tokenizer drops accents, so the two vectors are one, and their float32 cosine may pass 1
    assert similarity("é", "e") == 1.0  # type: ignore[operator]
    assert similarity("café", "cafe") == 1.0  # type: ignore[operator]


def test_each_word_is_embedded_once(encoder: object) -> None:
    calls: list[str] = []

    class Counting:
        fingerprint = "counting"

        def embed_query(self, text: str) -> list[float]:
            calls.append(text)
            return encoder.embed_query(text)  # type: ignore[attr-defined]

        def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
            raise AssertionError("words are embedded as queries")

    similarity = EncoderWordLikeness(Counting())  # type: ignore[arg-type]
    first = similarity("ferry", "boat")
    assert similarity("boat", "ferry") == first
    similarity("ferry", "dock")
    assert sorted(calls) == ["boat", "dock", "ferry"]


def test_without_an_encoder_only_the_same_word_counts() -> None:
    assert SAME_WORD_ONLY("Ferry", "ferry") == 1.0
    assert SAME_WORD_ONLY("ferry", "boat") == 0.0
    assert SAME_WORD_ONLY("", "") == 0.0


def test_the_answerers_word_likeness_comes_from_the_local_minilm_whatever_the_backend(encoder: object) -> None:
    # the refusal model was fitted on MiniLM likeness: another backend's vectors would be on another scale
    from index.embedder import MiniLMOnnxEncoder
    from rag.services import build_word_likeness
    from rag.settings import Settings

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    shared = build_word_likeness(settings, encoder)  # type: ignore[arg-type]
    assert shared._encoder is encoder  # type: ignore[attr-defined]

    class Remote:
        fingerprint = "remote"

        def embed_query(self, text: str) -> list[float]:
            raise AssertionError("a remote encoder is never asked for word vectors")

        def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
            raise AssertionError("a remote encoder is never asked for word vectors")

    local = build_word_likeness(settings, Remote())  # type: ignore[arg-type]
    assert isinstance(local._encoder, MiniLMOnnxEncoder)  # type: ignore[attr-defined]
    assert local("ferry", "boat") > local("ferry", "tax")  # type: ignore[operator]
