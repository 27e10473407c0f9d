"""Chunking: cl100k-token budgets, sentence boundaries, overlap, and exact character offsets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from index.chunking import Chunk, chunk_text
from index.cleaning import clean_article
from index.loaders import load_document
from index.sentences import split_sentences
from index.tokens import count_tokens
from rag.settings import BUNDLED_ARTICLES_DIR

SAMPLE_FILES = sorted(BUNDLED_ARTICLES_DIR.glob("*.txt"))


def cleaned(path: Path) -> str:
    return clean_article(load_document(path).text).text


def assert_tiles(text: str, chunks: list[Chunk]) -> None:
    """Exact slices, in order, each advancing, consecutive ones overlapping or touching, covering the text."""
    assert chunks, "non-blank text gave no chunks"
    assert [c.index for c in chunks] == list(range(len(chunks)))
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip() and chunk.text
    for a, b in zip(chunks, chunks[1:]):
        assert a.start < b.start and a.end < b.end, f"chunk {b.index} does not advance past chunk {a.index}"
        # overlap (b starts inside a) or touch (only the whitespace a chunk is trimmed of lies between)
        assert b.start <= a.end or text[a.end : b.start].strip() == "", f"text lost between chunks {a.index} and {b.index}"
    assert chunks[0].start == len(text) - len(text.lstrip())
    assert chunks[-1].end == len(text.rstrip())


# --- the sample corpus --------------------------------------------------------------


def test_there_are_five_sample_articles() -> None:
    assert len(SAMPLE_FILES) == 5


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_article_chunks_are_exact_slices_within_budget(path: Path) -> None:
    text = cleaned(path)
    chunks = chunk_text(text)  # the defaults: 230 tokens, 40 overlap
    assert_tiles(text, chunks)
    for chunk in chunks:
        assert count_tokens(chunk.text) <= 230
    assert len(chunks) >= count_tokens(text) / 230


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_article_chunks_start_and_end_on_sentence_boundaries(path: Path) -> None:
    text = cleaned(path)
    sentences = split_sentences(text)
    starts = {s for s, _ in sentences}
    ends = {e for _, e in sentences}
    for chunk in chunk_text(text):
        assert chunk.start in starts, f"chunk {chunk.index} starts mid-sentence: {chunk.text[:60]!r}"
        assert chunk.end in ends, f"chunk {chunk.index} ends mid-sentence: {chunk.text[-60:]!r}"


def test_sample_corpus_chunks_overlap_by_whole_sentences_within_the_overlap_budget() -> None:
    overlaps = 0
    for path in SAMPLE_FILES:
        text = cleaned(path)
        starts = {s for s, _ in split_sentences(text)}
        chunks = chunk_text(text, 230, 40)
        for a, b in zip(chunks, chunks[1:]):
            if b.start < a.end:
                overlaps += 1
                assert b.start in starts
                # the splitter budgets the overlap per sentence; a joined text may take a token or two more
                assert count_tokens(text[b.start : a.end]) <= 40 + 2
    # the splitter overlaps where the last sentence fits the overlap budget; at paragraph ends it only touches
    assert overlaps >= 5


def test_chunk_size_is_counted_in_cl100k_tokens_not_characters() -> None:
    text = cleaned(SAMPLE_FILES[4])  # the longest article
    for size in (64, 128, 230):
        chunks = chunk_text(text, size, 10)
        assert_tiles(text, chunks)
        counts = [count_tokens(c.text) for c in chunks]
        assert max(counts) <= size
        # greedy packing: chunks are filled close to the budget, so the count follows the token total
        assert len(chunks) <= 2 * count_tokens(text) / size + 1
    # a budget in tokens: ~4 characters per token of English, so 64 tokens is nowhere near 64 characters
    assert min(len(c.text) for c in chunk_text(text, 64, 10)[:-1]) > 100


def test_blank_text_gives_no_chunks() -> None:
    assert chunk_text("") == []
    assert chunk_text(" \n\t\n") == []


def test_a_repeated_paragraph_is_located_at_its_own_copy() -> None:
    # Found by hypothesis: the chunk holding the second copy was placed at the first copy's offsets.
    first = "Water the rose the ruling market.\n"
    text = first + REPEATED_PARAGRAPH + "\n" + REPEATED_PARAGRAPH + "\n" + PARAGRAPH_AFTER
    chunks = chunk_text(text, 158, 46)
    assert_tiles(text, chunks)
    second_copy = len(first) + len(REPEATED_PARAGRAPH) + 1
    assert any(c.start == second_copy and c.text.startswith(REPEATED_PARAGRAPH) for c in chunks)


def test_runs_of_spaces_do_not_push_a_chunk_over_its_budget() -> None:
    # Found by hypothesis: with two spaces after full stops, a chunk packed to 79 tokens piece by piece
    # took 80 once joined (runs of spaces tokenise differently joined than apart).
    text = (Path(__file__).parent / "data" / "double_spaced.txt").read_text(encoding="utf-8").strip()
    assert "  " in text
    for size in (64, 79, 100):
        chunks = chunk_text(text, size, 35)
        assert_tiles(text, chunks)
        assert max(count_tokens(c.text) for c in chunks) <= size


def test_token_counting_works_offline() -> None:
    """cl100k_base comes from llama-index's bundled cache; no download is attempted (a dead proxy proves it)."""
    env = {k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"}
    env.update(HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    code = "from index.tokens import count_tokens; print(count_tokens('Putin told Trump that Moscow will not give up.'))"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 10


# --- generated prose ------------------------------------------------------------------

WORDS = (
    "the a minister said on talks city river budget council vote plan army border market prices rose fell "
    "sharply after week month report officials agreed rejected new old strong weak north south energy grid "
    "water school hospital court judge ruling ceasefire sanctions pipeline"
).split()
NAMES = "Putin Trump Kyiv Moscow Berlin Ushakov Zelensky Brussels Aarhus".split()
WORD = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.integers(0, 99_999).map(str))


@st.composite
def sentences(draw: st.DrawFn, max_words: int = 20) -> str:
    words = draw(st.lists(WORD, min_size=3, max_size=max_words))
    words[0] = words[0][:1].upper() + words[0][1:]
    if len(words) > 3 and draw(st.booleans()):
        words[draw(st.integers(1, len(words) - 2))] += ","
    body = " ".join(words) + draw(st.sampled_from([".", ".", ".", "!", "?"]))
    return f"“{body}”" if draw(st.integers(0, 9)) == 0 else body


@st.composite
def prose(draw: st.DrawFn, max_words: int = 20, paragraphs: int = 8) -> tuple[str, set[int], set[int]]:
    """News-like text, plus the offsets where its sentences start and end."""
    spacing = draw(st.sampled_from([" ", " ", "  "]))
    text, starts, ends = "", set(), set()
    for p in range(draw(st.integers(1, paragraphs))):
        if p:
            text += "\n"
        for s, sentence in enumerate(draw(st.lists(sentences(max_words), min_size=1, max_size=14))):
            if s:
                text += spacing
            starts.add(len(text))
            text += sentence
            ends.add(len(text))
    return text, starts, ends


REPEATED_PARAGRAPH = (
    "Brussels Zelensky 158 report grid Zelensky Trump a water sharply 774 3076 council minister 458 on Ushakov court "
    "1605. Zelensky Ushakov 4799 540 2066 Ushakov court Moscow, 32 Moscow 169. Strong Trump 377 Brussels 31 sharply "
    "279 1082 1700 south 4999 sharply 256 1208 186 149 454 the rose north Moscow Putin 361 Brussels! Brussels "
    "Zelensky water. Brussels Zelensky 1059, Kyiv Putin."
)
PARAGRAPH_AFTER = (
    "740 Brussels south on 0 Putin 198 Moscow Trump 523, fell. Ushakov Trump Moscow 147 Zelensky fell! Putin a "
    "Moscow Moscow,! The 363, old! Court prices fell 1524 Brussels 184 water Kyiv water Moscow new city prices, weak "
    "1983 Ushakov grid the. Month 736 after 496 school."
)
# no example database: nothing is written into the working tree (the known failures are pinned with @example)
PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(prose(), st.integers(80, 300), st.integers(0, 80))
@example(
    (
        "Water the rose the ruling market.\n" + "\n".join([REPEATED_PARAGRAPH] * 2) + "\n" + PARAGRAPH_AFTER,
        None,
        None,
    ),
    158,
    46,
).via("a paragraph repeated: its second copy must map to its own offsets (found by hypothesis)")
def test_generated_prose_chunks_are_exact_in_budget_and_on_sentence_boundaries(
    generated: tuple[str, set[int] | None, set[int] | None], chunk_size: int, chunk_overlap: int
) -> None:
    text, starts, ends = generated
    chunks = chunk_text(text, chunk_size, chunk_overlap)
    assert_tiles(text, chunks)
    for chunk in chunks:
        assert count_tokens(chunk.text) <= chunk_size
    if starts is not None and ends is not None:
        # every generated sentence (<= 20 words + punctuation, < 80 tokens) fits a chunk, so no chunk cuts one
        assert max(count_tokens(text[s:e]) for s, e in zip(sorted(starts), sorted(ends))) <= chunk_size
        for chunk in chunks:
            assert chunk.start in starts, f"starts mid-sentence: {chunk.text[:50]!r}"
            assert chunk.end in ends, f"ends mid-sentence: {chunk.text[-50:]!r}"


@PROPERTY_SETTINGS
@given(prose(max_words=8, paragraphs=1), st.integers(96, 256), st.integers(32, 48))
def test_generated_paragraph_chunks_overlap_by_whole_sentences(
    generated: tuple[str, set[int], set[int]], chunk_size: int, chunk_overlap: int
) -> None:
    """Within a paragraph of short sentences, every chunk repeats the previous one's last sentence(s)."""
    text, starts, _ = generated
    chunks = chunk_text(text, chunk_size, chunk_overlap)
    assert_tiles(text, chunks)
    for a, b in zip(chunks, chunks[1:]):
        assert b.start < a.end, f"chunks {a.index} and {b.index} do not overlap"
        assert b.start in starts
        assert count_tokens(text[b.start : a.end]) <= chunk_overlap + 2
        # greedy, counted as the splitter counts (each sentence with its trailing space): the sentence
        # after a chunk would not have fitted in it (a token or two of slack for a re-split budget)
        ordered = sorted(starts) + [len(text)]
        first, following = ordered.index(a.start), ordered.index(b.start)
        while ordered[following] < a.end:
            following += 1
        pieces = [text[ordered[i] : ordered[i + 1]] for i in range(first, following + 1)]
        assert sum(count_tokens(piece) for piece in pieces) > chunk_size - 3
