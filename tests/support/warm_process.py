"""Real `rag` processes without paying the imports each time: forked from a warm parent.

A CLI test that runs `rag` as a user does (its own process, its exit code, stdout
and stderr apart, SIGKILL when a test kills it) pays ~3-5 s of imports per run
(chromadb, llama-index, nltk, spaCy, onnxruntime) and ~2 s loading the spaCy
pipelines and the tiktoken encoding: most of the suite's time. Here one helper
process does those once, with no thread started, then forks a child per run:
the child is a real process (its own pid, cwd, environment, stdio files; an exit
code, or -9 when SIGKILLed) running the same entry point as the `rag` executable
(`rag.cli:main`), or another module's `main()` (tests/reliability/kill_at_step.py).
What it does not repeat is the interpreter's start-up, the imports and those
per-process caches (index/nlp.py, index/tokens.py: functions of the installed
packages alone, whose loading and hash checks tests/index/test_nlp.py and
test_chunking.py test in-process and in a fresh interpreter). Tests about
start-up itself (imports, the console script) run a fresh interpreter instead:
`run_rag(..., fresh=True)` or plain `subprocess`. The embedder's ONNX session is
not made here (onnxruntime starts threads), so every child loads its own.

    from tests.support.warm_process import run_rag
    done = run_rag(["ask", "--json", "Who?"], env=env, cwd=tmp_path)   # a CompletedProcess

Started on first use, one per test process (so one per xdist worker), stopped at
exit. Protocol (helper's stdin/stdout): one JSON request per line
{"id", "module", "argv", "cwd", "env", "stdin", "stdout", "stderr", "timeout"},
one JSON reply per finished child {"id", "returncode", "timed_out"}.
"""

from __future__ import annotations

import atexit
import importlib
import io
import itertools
import json
import locale
import os
import pkgutil
import select
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RAG = str(Path(sys.executable).with_name("rag"))
# Imported by the helper before it forks: every module of rag/ and index/, and what their
# functions import lazily (the CLI's commands reach all of these). Imports only: nothing
# is loaded or opened, so no thread runs when the helper forks.
PRELOAD_PACKAGES = ("rag", "index")
PRELOAD_MODULES = (
    "chromadb",
    "chromadb.api.rust",
    "llama_index.core",
    "llama_index.core.node_parser",
    "nltk",
    "spacy",
    "onnxruntime",
    "tokenizers",
    "tantivy",
    "tiktoken",
    "tests.reliability.kill_at_step",
)
START_SECONDS = 300.0


# --------------------------------------------------------------------------- the helper process


def _native_threads() -> int:
    return len(os.listdir("/proc/self/task"))


def _preload() -> None:
    for package in PRELOAD_PACKAGES:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
            importlib.import_module(info.name)
    for name in PRELOAD_MODULES:
        importlib.import_module(name)
    # numpy's BLAS keeps an idle pool (fork-safe: it has fork handlers); nothing may add to it
    imported = _native_threads()
    from index.chunking import chunk_text
    from index.nlp import entity_pipeline, full_pipeline

    entity_pipeline()
    full_pipeline()
    chunk_text("Warm the splitter. It compiles its sentence patterns once.", 64, 10)  # and loads cl100k
    if threading.active_count() != 1 or _native_threads() > imported:
        names = [thread.name for thread in threading.enumerate()]
        raise RuntimeError(f"the helper started threads {names}: forking now could deadlock the children")


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def _child(request: dict[str, Any]) -> None:
    """In the forked child: become the requested process, run its main(), exit like the interpreter would."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        fds = (
            os.open(request["stdin"] or os.devnull, os.O_RDONLY),
            os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
            os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        )
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        # fresh text streams on fds 0-2, as a new interpreter makes them (nothing read ahead
        # from the helper's requests, nothing left in a buffer)
        encoding = locale.getpreferredencoding(False)
        errors = "surrogateescape" if encoding.lower() in ("ascii", "ansi_x3.4-1968") else "strict"
        sys.stdin = sys.__stdin__ = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)),
                                                     encoding=encoding, errors=errors)
        sys.stdout = sys.__stdout__ = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)),
                                                       encoding=encoding, errors=errors)
        sys.stderr = sys.__stderr__ = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)),
                                                       encoding=encoding, errors="backslashreplace",
                                                       line_buffering=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.argv = list(request["argv"])
        try:
            importlib.import_module(request["module"]).main()
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc)
        except BaseException:  # noqa: BLE001  (the interpreter prints it and exits 1)
            traceback.print_exc()
            code = 1
        # the interpreter's own ending: wait for non-daemon threads, then atexit handlers
        shutdown = getattr(threading, "_shutdown", None)
        if shutdown is not None:
            shutdown()
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001
                pass
        os._exit(code)


def _serve() -> None:
    """The helper's loop: fork a child per request, reply when it ends (or kill it at its timeout)."""
    import time

    _preload()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    children: dict[int, list[Any]] = {}  # pidfd -> [pid, request id, deadline]
    timed_out: set[int] = set()
    pending = b""
    while True:
        now = time.monotonic()
        wait = min((deadline for _, _, deadline in children.values()), default=float("inf"))
        readable, _, _ = select.select([0, *children], [], [], None if wait == float("inf") else max(0.0, wait - now))
        for pidfd, (pid, request_id, deadline) in list(children.items()):
            if pidfd in readable:
                _, status = os.waitpid(pid, 0)
                os.close(pidfd)
                del children[pidfd]
                reply = {"id": request_id, "returncode": os.waitstatus_to_exitcode(status),
                         "timed_out": pid in timed_out}
                timed_out.discard(pid)
                sys.stdout.write(json.dumps(reply) + "\n")
                sys.stdout.flush()
            elif time.monotonic() >= deadline:
                os.kill(pid, signal.SIGKILL)
                timed_out.add(pid)
                children[pidfd][2] = float("inf")  # reaped when its pidfd says so
        if 0 in readable:
            data = os.read(0, 1 << 16)
            if not data:  # the tests ended: take the children along
                for pid, _, _ in children.values():
                    os.kill(pid, signal.SIGKILL)
                return
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                request = json.loads(line)
                sys.stdout.flush()
                pid = os.fork()
                if pid == 0:
                    _child(request)
                children[os.pidfd_open(pid)] = [pid, request["id"], time.monotonic() + request["timeout"]]


# --------------------------------------------------------------------------- the tests' side


class WarmProcesses:
    """The helper process, seen from the tests: `run` blocks until its child ends; threads may run several."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._replies: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._files = tempfile.TemporaryDirectory(prefix="warm-rag-")

    def _start(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.support.warm_process"], cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], START_SECONDS)
        line = process.stdout.readline() if ready else ""
        if line.strip() != "ready":
            process.kill()
            raise RuntimeError(f"the warm process helper did not start (said {line!r}, exit {process.poll()})")
        threading.Thread(target=self._read_replies, args=(process,), name="warm-process-replies",
                         daemon=True).start()
        self._process = process
        return process

    def _read_replies(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            reply = json.loads(line)
            with self._arrived:
                self._replies[reply["id"]] = reply
                self._arrived.notify_all()
        with self._arrived:  # the helper died: wake everyone waiting
            self._replies[-1] = {"id": -1}
            self._arrived.notify_all()

    def run(self, module: str, argv: list[str], *, env: dict[str, str], cwd: Path | str,
            input: str | None = None, timeout: float = 600.0) -> subprocess.CompletedProcess[str]:
        with self._lock:
            process = self._start()
            request_id = next(self._ids)
        folder = Path(self._files.name)
        stdin = None
        if input is not None:
            stdin = folder / f"{request_id}.in"
            stdin.write_text(input, encoding=locale.getpreferredencoding(False))
        stdout, stderr = folder / f"{request_id}.out", folder / f"{request_id}.err"
        request = {"id": request_id, "module": module, "argv": argv, "cwd": str(cwd), "env": env,
                   "stdin": str(stdin) if stdin else None, "stdout": str(stdout), "stderr": str(stderr),
                   "timeout": timeout}
        with self._lock:
            assert process.stdin is not None
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
        with self._arrived:
            self._arrived.wait_for(lambda: request_id in self._replies or -1 in self._replies)
            reply = self._replies.pop(request_id, None)
        if reply is None:
            raise RuntimeError("the warm process helper died")
        out, err = (_read_text(path) for path in (stdout, stderr))
        for path in (stdin, stdout, stderr):
            if path is not None:
                path.unlink(missing_ok=True)
        if reply["timed_out"]:
            raise subprocess.TimeoutExpired(argv, timeout, out, err)
        return subprocess.CompletedProcess(argv, reply["returncode"], out, err)

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            assert process.stdin is not None
            process.stdin.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._files.cleanup()


def _read_text(path: Path) -> str:
    """As subprocess.run(text=True) reads a pipe: the locale's encoding, universal newlines."""
    if not path.exists():
        return ""
    with path.open(encoding=locale.getpreferredencoding(False), newline=None) as handle:
        return handle.read()


_WARM: WarmProcesses | None = None
_WARM_LOCK = threading.Lock()


def warm_processes() -> WarmProcesses:
    global _WARM
    with _WARM_LOCK:
        if _WARM is None:
            _WARM = WarmProcesses()
            atexit.register(_WARM.stop)
        return _WARM


def run_module(module: str, argv: list[str], *, env: dict[str, str], cwd: Path | str, input: str | None = None,
               timeout: float = 600.0) -> subprocess.CompletedProcess[str]:
    """`python -m MODULE ARGS` as a real process forked from the warm helper (MODULE must have `main()`)."""
    return warm_processes().run(module, argv, env=env, cwd=cwd, input=input, timeout=timeout)


def run_rag(args: list[str], *, env: dict[str, str], cwd: Path | str, input: str | None = None,
            timeout: float = 600.0, fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """`rag ARGS` in its own process: forked from the warm helper, or with `fresh` the installed `rag`
    executable in a new interpreter (for what start-up itself does: the console script, its imports)."""
    if fresh:
        return subprocess.run([RAG, *args], cwd=cwd, env=env, input=input, capture_output=True, text=True,
                              timeout=timeout)
    return run_module("rag.cli", [RAG, *args], env=env, cwd=cwd, input=input, timeout=timeout)


if __name__ == "__main__":
    _serve()
