"""The articles an extractive answer reads for its constraint checks: one store read per article, or one per question.

`rag/candidates.py` checks a question's constraints ("July 3", a name) against the whole
article of a sentence that does not state them, and the article texts come from the store.
Until 2026-12-03 each article was read alone (`PassageStore.article`, a Chroma `get`, an HTTP
round trip through a server); now the first article a question needs brings every article of
its passages in one `get` (`_ArticleTexts.for_question` in rag/assistant.py). This benchmark runs both in one
process, on the same store, interleaved per question, with the retrieval floor beside them:

- *floor*: `encoder.embed_query` + `store.query(n=candidates)` + keyword `search(k=candidates)`
  (as bench/scale_bench.py and bench/ask_bench.py define it);
- *batched*: `Assistant.ask(q, mode="extractive")` as shipped;
- *per article*: the same ask with `for_question` replaced by the earlier reader (one
  `store.article` per article needed, its terms cached).

Before each ask the assistant's article cache is emptied, so every question reads its articles
(otherwise later rounds would find them cached and measure nothing). The order of the two asks
alternates per question. Reported: p50/p95 of each, ask p95 / floor p95, the answer phase's
time, and the store reads per question. With `--server` the store is served by `chroma run`
(started and stopped here) on the same files.

    python bench/article_reads_bench.py --data-dir /work/scale/100000 --server --rounds 5
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ask_bench import QUESTIONS, load_average, percentile, summary  # noqa: E402
from bench.scale_bench import ChromaServer, log, memory_of, record_store_graph, settings_for  # noqa: E402


def per_article_texts(texts: Any) -> Callable[[Sequence[str]], Callable[[str], Any]]:
    """The reader answers used before: each article read alone when a check first needs it (the kept texts'
    own `__call__`)."""

    def texts_for(article_ids: Sequence[str]) -> Callable[[str], Any]:
        return texts

    return texts_for


class CountedReads:
    """Counts the store's article reads (calls, and records returned) without changing them."""

    def __init__(self, store: Any) -> None:
        self.calls = 0
        self.records = 0
        single, batched = store.article, store.articles

        def article(article_id: str) -> Any:
            self.calls += 1
            found = single(article_id)
            self.records += found is not None
            return found

        def articles(article_ids: Sequence[str]) -> Any:
            self.calls += 1
            found = batched(article_ids)
            self.records += len(found)
            return found

        store.article, store.articles = article, articles


def measure(data_dir: Path, host: str | None, port: int | None, rounds: int) -> dict[str, Any]:
    from rag.assistant import Assistant
    from rag.services import build_encoder, build_store

    settings = settings_for(data_dir, host, port)
    encoder = build_encoder(settings)
    store = build_store(settings, encoder).open_for_reading()
    assistant = Assistant(settings, store, encoder)
    reads = CountedReads(store)
    assistant.answers.size = 0  # the answer cache would answer a repeat without reading anything
    assistant.ask(QUESTIONS[0], mode="extractive")  # warm-up: spaCy, the ONNX session, the HNSW index
    texts = assistant._indexes().article_texts
    batched = texts.for_question
    alone = per_article_texts(texts)
    keyword = assistant.bm25

    def floor(question: str) -> float:
        t0 = time.perf_counter()
        vector = encoder.embed_query(question)
        store.query(vector, settings.candidates)
        keyword.search(question, settings.candidates)
        return (time.perf_counter() - t0) * 1000

    def ask(question: str, variant: str) -> tuple[float, float, int, int]:
        texts.for_question = batched if variant == "batched" else alone  # type: ignore[method-assign]
        texts._terms.clear()
        calls, records = reads.calls, reads.records
        t0 = time.perf_counter()
        answer = assistant.ask(question, mode="extractive")
        total = (time.perf_counter() - t0) * 1000
        return total, float(answer.timings_ms["answer"]), reads.calls - calls, reads.records - records

    floor(QUESTIONS[1])
    rows: dict[str, dict[str, list[float]]] = {
        v: {"ask": [], "answer": [], "calls": [], "records": []} for v in ("batched", "per article")
    }
    floors: list[float] = []
    load_before = load_average()
    for number in range(rounds):
        for index, question in enumerate(QUESTIONS):
            floors.append(floor(question))
            order = ("batched", "per article") if (number + index) % 2 == 0 else ("per article", "batched")
            for variant in order:
                total, answer_ms, calls, records = ask(question, variant)
                row = rows[variant]
                row["ask"].append(total)
                row["answer"].append(answer_ms)
                row["calls"].append(calls)
                row["records"].append(records)
        log(f"  round {number + 1}: floor p95 {percentile(floors, 95):.1f} ms; "
            + "; ".join(f"{v} p95 {percentile(r['ask'], 95):.1f} ms" for v, r in rows.items()))
    result: dict[str, Any] = {
        "passages": store.count(),
        "store": "server" if host else "embedded",
        "rounds": rounds,
        "questions": len(QUESTIONS),
        "floor_ms": summary(floors),
        "load": [load_before, load_average()],
        "memory": memory_of(__import__("os").getpid()),
    }
    floor_p95, floor_p50 = percentile(floors, 95), percentile(floors, 50)
    for variant, row in rows.items():
        result[variant] = {
            "ask_ms": summary(row["ask"]),
            "answer_ms": summary(row["answer"]),
            "ratio_p95": round(percentile(row["ask"], 95) / floor_p95, 2),
            "ratio_p50": round(percentile(row["ask"], 50) / floor_p50, 2),
            "store_calls_per_question": round(sum(row["calls"]) / len(row["calls"]), 2),
            "article_records_per_question": round(sum(row["records"]) / len(row["records"]), 2),
            "questions_reading_articles": round(sum(c > 0 for c in row["calls"]) / len(row["calls"]), 2),
        }
    return result


def table(result: dict[str, Any]) -> str:
    lines = [
        f"{result['passages']:,} passages, {result['store']} Chroma, {result['rounds']} rounds x {result['questions']} "
        f"questions; floor p50 / p95 {result['floor_ms']['p50']:.1f} / {result['floor_ms']['p95']:.1f} ms; load "
        f"{result['load']}",
        "",
        "| article reads | ask p50 / p95 | ask p95 / floor p95 | ask p50 / floor p50 | answer phase p50 / p95 | "
        "store reads per question | records per question |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for variant in ("per article", "batched"):
        r = result[variant]
        lines.append(
            f"| {variant} | {r['ask_ms']['p50']:.1f} / {r['ask_ms']['p95']:.1f} ms | **{r['ratio_p95']}** | "
            f"{r['ratio_p50']} | {r['answer_ms']['p50']:.1f} / {r['answer_ms']['p95']:.1f} ms | "
            f"{r['store_calls_per_question']} | {r['article_records_per_question']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="a store (e.g. one scale_bench.py built)")
    parser.add_argument("--server", action="store_true", help="serve the store with `chroma run` for the measurement")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the questions")
    parser.add_argument("--out", type=Path, help="results JSON (default: print only)")
    args = parser.parse_args(argv)
    data_dir = args.data_dir.expanduser().resolve()
    record_store_graph(data_dir)
    server = ChromaServer(data_dir, data_dir.parent / f"chroma-server-{data_dir.name}-reads.log") if args.server else None
    try:
        if server is not None:
            log(f"chroma server up in {server.start():.1f} s on port {server.port}")
        result = measure(data_dir, server.host if server else None, server.port if server else None, args.rounds)
    finally:
        if server is not None:
            server.stop()
    result["command"] = "python bench/article_reads_bench.py " + " ".join(sys.argv[1:] if argv is None else argv)
    if args.out:
        args.out.write_text(json.dumps(result, indent=1))
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
