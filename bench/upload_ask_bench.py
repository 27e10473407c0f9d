"""Ask latency while uploads are ingested: one user and 20 concurrent users, against the running app's API.

Starts the app as `rag serve` does (``python -m rag.cli serve``, a process of its own,
over the sample corpus in a fresh data dir) from the project folder it is run in, and
measures the wall time of ``/ask`` calls made with gradio_client from this process.
Per round, the conditions alternate so that load from other processes hits them all:

- **1 user, no upload** (the baseline): ``--asks`` questions one after another;
- **1 user, during an upload**: ``/upload_article`` with ``--files`` generated articles
  (``bench/upload_bench.upload_files``: ~4-9 passages each), questions asked one after
  another until it has finished; every ask begun while the upload ran counts, however
  long it waited (with the code before, the first one waited for the whole upload);
- **20 users, no upload**: ``--users`` threads (one gradio_client each), ``--asks``
  questions each, all at once;
- **20 users, during an upload**: the same threads asking until a second upload of the
  same size has finished.

Questions (``--questions``): **distinct** (the default) gives every ask a question no
other ask of the run has had (until the 1,000-odd variants run out): one of QUESTIONS
with a lead-in and a closing of its own ("Quick question: ... Thanks."), so an answer
cache cannot flatter the figures; **shared** lets each user pick any of QUESTIONS, so
users repeat each other's questions as real users of one library might.

Every failed ask is counted (``errors`` in the results) instead of stopping the run.
The clients talk plain HTTP to 127.0.0.1 with ``ssl_verify=False``: with the default,
gradio_client builds a TLS context with the whole CA bundle for every request even
for an http:// URL (~50 ms of CPU per ask here), which in this one process of 20
client threads took much of the 2 cores the app was being measured on
(``--client-ssl-verify`` measures that way).

After each upload its articles are deleted (``/delete_article``), so every condition
meets the same library. Figures are ratios against the 1-user baseline of the same
run. ``--big-html`` adds one upload of a generated 9.9 MB HTML page (paragraphs, no
tables), which the default RAG_MAX_UPLOAD_CHUNKS refuses after reading and chunking it:
asks are timed while it is read.

    python bench/upload_ask_bench.py                     # 2 rounds, 100 files, 20 users
    python bench/upload_ask_bench.py --rounds 1 --files 30 --users 8 --asks 20
    cd OTHER_CHECKOUT && python /path/to/bench/upload_ask_bench.py --out before.json   # the code there

Writes bench/results/upload_ask.json (``--out``) and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from bench.ask_bench import QUESTIONS, load_average, percentile, summary  # noqa: E402
from bench.upload_bench import upload_files  # noqa: E402

DEFAULT_OUT = HERE / "results" / "upload_ask.json"
START_SECONDS = 600  # the first start ingests the sample corpus


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class App:
    """`rag serve` of the code in `project` (the current folder), over `data_dir`, on a free port."""

    def __init__(self, project: Path, data_dir: Path, log: Callable[[str], None],
                 settings: dict[str, str] | None = None) -> None:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_") and not k.startswith("OPENAI_")}
        env.update(RAG_DATA_DIR=str(data_dir), RAG_ANSWER_MODE="extractive", PYTHONPATH=str(project),
                   GRADIO_ANALYTICS_ENABLED="False", **(settings or {}))
        self.log_path = data_dir.parent / "serve.log"
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rag.cli", "serve", "--port", str(self.port)],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=self._log, text=True,
        )
        deadline = time.monotonic() + START_SECONDS
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # "Sourced is running at URL (Ctrl-C to stop)"
        found = re.search(r"(http://\S+)", line)
        if not found or time.monotonic() > deadline:
            self.stop()
            raise SystemExit(f"rag serve did not start: {line!r}; see {self.log_path}")
        self.url = found.group(1)
        log(f"app at {self.url} (pid {self.process.pid})")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self._log.close()


def client(url: str, ssl_verify: bool = False) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, ssl_verify=ssl_verify)


class GradioAsker:
    """Asks through gradio's /ask with gradio_client (a queue join and an event stream per call)."""

    def __init__(self, url: str, ssl_verify: bool = False) -> None:
        self._client = client(url, ssl_verify)

    def __call__(self, question: str) -> Any:
        return self._client.predict(question=question, api_name="/ask")


class RestAsker:
    """Asks through the plain JSON API (POST /api/ask, ui/rest.py): one request per question, a kept-alive
    connection per user (httpx)."""

    def __init__(self, url: str) -> None:
        import httpx

        self._client = httpx.Client(base_url=url.rstrip("/"), timeout=600)

    def __call__(self, question: str) -> Any:
        response = self._client.post("/api/ask", json={"question": question})
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")
        return response.json()


def asker(kind: str, url: str, ssl_verify: bool = False) -> Callable[[str], Any]:
    return RestAsker(url) if kind == "rest" else GradioAsker(url, ssl_verify)


# Distinct questions: QUESTIONS, each with one of these lead-ins and closings (written for this benchmark).
LEAD_INS = ("", "Tell me: ", "Quick question: ", "I wonder: ", "Please answer: ", "Can you check: ", "One more: ",
            "From the articles: ")
CLOSINGS = ("", " Thanks.", " Please cite it.", " Briefly, please.")


class Questions:
    """The question of each ask. `distinct`: every ask of the run gets a variant no other ask got (in a shuffled
    order; once all are used they come round again, counted in `repeats`); `shared`: a random one of QUESTIONS."""

    def __init__(self, kind: str, seed: int = 11) -> None:
        self.kind = kind
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._variants = [f"{lead}{q}{end}" for q in QUESTIONS for lead in LEAD_INS for end in CLOSINGS]
        self._rng.shuffle(self._variants)
        self._next = 0
        self.repeats = 0

    def __call__(self, rng: random.Random) -> str:
        if self.kind == "shared":
            return rng.choice(QUESTIONS)
        with self._lock:
            if self._next >= len(self._variants):
                self.repeats += 1
            question = self._variants[self._next % len(self._variants)]
            self._next += 1
            return question


class Tally:
    """Ask timings of one condition (client wall time, and the app's own `timings_ms.total`) and its errors."""

    def __init__(self) -> None:
        self.client_ms: list[float] = []
        self.server_ms: list[float] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()

    def ask(self, api: Any, question: str) -> None:
        began = time.perf_counter()
        try:
            answer = api(question)
            if not isinstance(answer, dict) or "answer" not in answer:
                raise ValueError(f"not an answer: {answer!r:.200}")
        except Exception as error:  # noqa: BLE001  counted and reported, the run goes on
            with self._lock:
                self.errors.append(f"{type(error).__name__}: {error}"[:300])
            return
        ms = (time.perf_counter() - began) * 1000
        with self._lock:
            self.client_ms.append(ms)
            self.server_ms.append(float(answer.get("timings_ms", {}).get("total", float("nan"))))

    def extend(self, other: "Tally") -> None:
        self.client_ms += other.client_ms
        self.server_ms += other.server_ms
        self.errors += other.errors


class Upload:
    """One /upload_article call in the background; `running` while it has not returned."""

    def __init__(self, api: Any, files: list[Path]) -> None:
        from gradio_client import handle_file

        self.began = time.perf_counter()
        self.job = api.submit(paths=[handle_file(str(f)) for f in files], api_name="/upload_article")
        self.ended: float | None = None
        self.result: dict[str, Any] | None = None
        self.error: str | None = None
        self._thread = threading.Thread(target=self._wait, daemon=True)
        self._thread.start()

    def _wait(self) -> None:
        try:
            self.result = self.job.result(timeout=3600)
        except Exception as error:  # noqa: BLE001  reported; the asking stops with it
            self.error = f"{type(error).__name__}: {error}"
        self.ended = time.perf_counter()

    @property
    def running(self) -> bool:
        return self.ended is None

    def join(self) -> dict[str, Any]:
        self._thread.join()
        if self.result is None:
            raise SystemExit(f"the upload failed in the client: {self.error}")
        return self.result

    @property
    def seconds(self) -> float:
        return (self.ended or time.perf_counter()) - self.began


def one_user(api: Any, count: int, rng: random.Random, questions: Questions) -> Tally:
    tally = Tally()
    for _ in range(count):
        tally.ask(api, questions(rng))
    return tally


def one_user_during(api: Any, upload: Upload, rng: random.Random, questions: Questions) -> Tally:
    """Questions one after another while the upload runs (each asked before it had finished counts, however
    long it waited: with the code before, the first one waited for the whole upload)."""
    tally = Tally()
    while upload.running:
        tally.ask(api, questions(rng))
    return tally


def many_users(apis: list[Any], asks: int | None, upload: Upload | None, seed: int, questions: Questions) -> Tally:
    """Each user (thread, own client) asks `asks` questions, or asks until `upload` has finished."""
    tally = Tally()
    start = threading.Barrier(len(apis))

    def user(number: int, api: Any) -> None:
        rng = random.Random(seed * 1000 + number)
        start.wait()
        done = 0
        while (upload.running if upload is not None else done < (asks or 0)):
            tally.ask(api, questions(rng))  # asked while the upload ran: counts (see one_user_during)
            done += 1

    threads = [threading.Thread(target=user, args=(n, api)) for n, api in enumerate(apis)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def delete_uploaded(api: Any, result: dict[str, Any]) -> None:
    for article_id in result.get("added", []):
        api.predict(article_id=article_id, api_name="/delete_article")


def big_html(path: Path, target_bytes: int = 9_900_000, seed: int = 5) -> Path:
    """A long HTML page of generated paragraphs (no public text)."""
    rng = random.Random(seed)
    words = ("harbour council ferry budget line approved committee tram depot village well market roof pounds "
             "report the a of and said on in").split()
    parts, size, n = [], 0, 0
    while size < target_bytes:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + "."
        paragraph = f"<p>{sentence} Item {n} cost {rng.randint(1, 9999)} pounds.</p>\n"
        parts.append(paragraph)
        size += len(paragraph)
        n += 1
    path.write_text("<html><head><title>Long report</title></head><body><article><h1>Long report</h1>\n"
                    + "".join(parts) + "</article></body></html>", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--files", type=int, default=100, help="files in each upload")
    parser.add_argument("--users", type=int, default=20, help="concurrent users")
    parser.add_argument("--asks", type=int, default=10, help="questions per user without an upload (1 user: x4)")
    parser.add_argument("--questions", choices=("distinct", "shared"), default="distinct",
                        help="distinct: no two asks of the run share a question; shared: users pick from the same few")
    parser.add_argument("--big-html", action="store_true", help="also time asks during a 9.9 MB HTML upload")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the checkout whose app is measured")
    parser.add_argument("--app-env", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the app, e.g. RAG_ASK_WORKERS=1 (repeatable)")
    parser.add_argument("--api", choices=("gradio", "rest"), default="gradio",
                        help="ask through gradio's /ask (gradio_client) or the plain JSON API's POST /api/ask (httpx)")
    parser.add_argument("--client-ssl-verify", action="store_true",
                        help="let gradio_client build a TLS context per request as by default (see above)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    app_env = dict(item.split("=", 1) for item in args.app_env)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    work = Path(tempfile.mkdtemp(prefix="upload-ask-bench-"))
    started = time.perf_counter()
    app = App(args.project.resolve(), work / "data", log, app_env)
    try:
        files = [path for path, _ in upload_files(work / "files", args.files)]
        api = asker(args.api, app.url, args.client_ssl_verify)
        # uploads and deletes on a session of their own: a client whose event stream a job shares with
        # questions asked meanwhile once lost the upload's end (gradio_client cancelled it) under load
        uploader = client(app.url, args.client_ssl_verify)
        apis = [asker(args.api, app.url, args.client_ssl_verify) for _ in range(args.users)]
        rng = random.Random(7)
        questions = Questions(args.questions)
        one_user(api, 3, rng, Questions("shared"))  # warm-up: the keyword index, the model
        users = f"{args.users} users"
        results: dict[str, Tally] = {name: Tally() for name in ("1 user", "1 user, upload", users, f"{users}, upload")}
        load: dict[str, list[list[float]]] = {name: [] for name in results}
        uploads: list[dict[str, Any]] = []

        def record_upload(upload: Upload, with_users: int) -> None:
            result = upload.join()
            assert result.get("added") and not result.get("refused"), result
            uploads.append({"users": with_users, "seconds": round(upload.seconds, 2), "files": len(files),
                            "articles": len(result["added"])})
            log(f"  upload of {len(files)} files with {with_users} user(s) asking: {upload.seconds:.1f} s")
            delete_uploaded(uploader, result)

        def run(name: str, condition: Callable[[], Tally]) -> None:
            load[name].append(load_average())
            results[name].extend(condition())

        for round_number in range(args.rounds):
            log(f"round {round_number + 1}")
            run("1 user", lambda: one_user(api, args.asks * 4, rng, questions))
            upload = Upload(uploader, files)
            run("1 user, upload", lambda: one_user_during(api, upload, rng, questions))
            record_upload(upload, 1)
            run(users, lambda: many_users(apis, args.asks, None, round_number, questions))
            upload = Upload(uploader, files)
            run(f"{users}, upload", lambda: many_users(apis, None, upload, round_number + 100, questions))
            record_upload(upload, args.users)
            for name, tally in results.items():
                values = tally.client_ms
                log(f"  {name}: n={len(values)} p50 {percentile(values, 50):.0f} ms p95 {percentile(values, 95):.0f} ms"
                    f" errors {len(tally.errors)}")

        big: dict[str, Any] | None = None
        if args.big_html:
            page = big_html(work / "long report.html")
            upload = Upload(uploader, [page])
            name = "1 user, 9.9 MB HTML upload"
            load[name] = [load_average()]
            results[name] = one_user_during(api, upload, rng, questions)
            outcome = upload.join()
            big = {"bytes": page.stat().st_size, "seconds": round(upload.seconds, 1), "outcome": outcome}
            log(f"  9.9 MB HTML: {upload.seconds:.1f} s, {outcome.get('messages')}")
            delete_uploaded(uploader, outcome)

        timings = {name: tally.client_ms for name, tally in results.items()}
        base = timings["1 user"]
        many = timings[users]
        result = {
            "benchmark": f"ask latency (client wall time of {'POST /api/ask' if args.api == 'rest' else 'gradio /ask'}) with and without an upload being ingested, "
                         "1 user and concurrent users, against `rag serve`",
            "project": str(args.project.resolve()),
            "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=args.project, capture_output=True,
                                     text=True).stdout.strip(),
            "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "load_average": load_average(),
            "load_average_at_start_of_each_condition": load,
            "settings": {"rounds": args.rounds, "files": args.files, "users": args.users, "asks": args.asks,
                         "questions": args.questions, "api": args.api, "app_env": app_env,
                         "client_ssl_verify": args.client_ssl_verify},
            "repeated_questions": questions.repeats,
            "ask_ms": {name: summary(values) for name, values in timings.items()},
            "app_total_ms": {name: summary(tally.server_ms) for name, tally in results.items()},
            # every ask's client time, so runs made in turn (e.g. before/after, interleaved) can be pooled
            "ask_ms_each": {name: [round(ms, 1) for ms in values] for name, values in timings.items()},
            "errors": {name: {"count": len(tally.errors), "first": tally.errors[:3]} for name, tally in results.items()},
            "ratio_to_1_user": {
                name: {"p50": round(percentile(v, 50) / percentile(base, 50), 2),
                       "p95": round(percentile(v, 95) / percentile(base, 95), 2)}
                for name, v in timings.items() if v
            },
            "upload_during_vs_without_upload_same_users": {
                "1 user": {q: round(percentile(timings["1 user, upload"], p) / percentile(base, p), 2)
                           for q, p in (("p50", 50), ("p95", 95))},
                users: {q: round(percentile(timings[f"{users}, upload"], p) / percentile(many, p), 2)
                        for q, p in (("p50", 50), ("p95", 95))},
            },
            "uploads": uploads,
            "big_html": big,
            "seconds": round(time.perf_counter() - started, 1),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
        print(table(result))
        print(f"\nwritten {args.out}")
    finally:
        app.stop()
        if any(tally.errors for tally in results.values()) if "results" in locals() else True:
            kept = args.out.with_suffix(".serve.log")  # what the app said about the failed asks
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(app.log_path, kept)
            log(f"some asks failed: the app's log is kept at {kept}")
        shutil.rmtree(work, ignore_errors=True)
    return 0


def table(result: dict[str, Any]) -> str:
    lines = ["condition | asks | errors | p50 (ms) | p95 (ms) | max (ms) | p50 / 1-user p50 | p95 / 1-user p95 "
             "| app's own p50 (ms) | load average",
             "--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---"]
    for name, stats in result["ask_ms"].items():
        ratio = result["ratio_to_1_user"].get(name, {"p50": float("nan"), "p95": float("nan")})
        own = result["app_total_ms"][name]
        load = ", ".join(f"{sample[0]:.1f}" for sample in result["load_average_at_start_of_each_condition"][name] if sample)
        lines.append(f"{name} | {stats['n']} | {result['errors'][name]['count']} | {stats['p50']:.0f} | {stats['p95']:.0f}"
                     f" | {stats['max']:.0f} | {ratio['p50']} | {ratio['p95']} | {own['p50']:.0f} | {load}")
    lines.append("")
    lines.append("uploads (s): " + ", ".join(f"{u['seconds']} ({u['users']} asking)" for u in result["uploads"]))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
