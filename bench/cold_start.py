"""Cold `rag ask`: wall time of a fresh process answering one question (target: under 3 s).

Each run starts `rag ask QUESTION` as a new process (RAG_DATA_DIR pointing at a store
of the ingested sample articles) and times it to exit. In the same run, interleaved
with it, two references: `python -c pass` (the interpreter alone) and
`python -c "import chromadb"` (the store's library alone). Then one run with
`python -X importtime` lists the imports that cost most on the ask path, and one
run with a phase breakdown (imports, settings, encoder, store, first answer).

    python bench/cold_start.py                       # ingests the sample into a temp dir
    python bench/cold_start.py --data-dir DIR --runs 9

Writes bench/results/cold_start.json (``--out``) and prints a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "results" / "cold_start.json"
QUESTION = "How long did the July 3 call between Trump and Putin last?"
TARGET_S = 3.0

# Runs inside a fresh interpreter: the same steps as `rag ask`, each timed.
PHASES_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
marks = {}
import rag.cli  # typer and the CLI module, what `rag` loads before any command
marks["import rag.cli"] = time.perf_counter()
from rag.assistant import Assistant
marks["import rag.assistant"] = time.perf_counter()
from rag.settings import Settings
settings = Settings()
marks["settings"] = time.perf_counter()
from rag.services import build_encoder, build_store
encoder = build_encoder(settings)
store = build_store(settings, encoder)
marks["chroma client"] = time.perf_counter()
store.open_for_reading()
marks["open store"] = time.perf_counter()
encoder.embed_query("warm")
marks["embedder ready (first query)"] = time.perf_counter()
assistant = Assistant(settings, store, encoder)
answer = assistant.ask(sys.argv[1], mode="extractive")
marks["first ask"] = time.perf_counter()
previous, phases = t0, {}
for name, at in marks.items():
    phases[name] = round((at - previous) * 1000, 1)
    previous = at
phases["total in-process"] = round((previous - t0) * 1000, 1)
phases["ask timings_ms"] = answer.timings_ms
print(json.dumps(phases))
"""


def rag_executable() -> str:
    beside = Path(sys.executable).parent / "rag"
    found = str(beside) if beside.is_file() else shutil.which("rag")
    if not found:
        raise SystemExit("The `rag` command is not installed; run `pip install -e .` in the project folder.")
    return found


def timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    began = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    return time.perf_counter() - began, done


def stats(values: list[float]) -> dict[str, float]:
    return {
        "median_s": round(statistics.median(values), 3),
        "min_s": round(min(values), 3),
        "max_s": round(max(values), 3),
        "runs": len(values),
    }


def import_offenders(env: dict[str, str], top: int) -> dict[str, Any]:
    """`python -X importtime` of the ask path: top-level packages by cumulative time, and the biggest self times."""
    code = f"import sys; sys.argv = ['rag', 'ask', {QUESTION!r}]; from rag.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, capture_output=True, text=True,
        cwd=tempfile.gettempdir(),
    )
    top_level: dict[str, int] = {}
    self_times: list[tuple[int, str]] = []
    total = 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_part, cumulative_part, name = line[len("import time:"):].split("|", 2)
        self_us_int, cumulative = int(self_part), int(cumulative_part)
        level = (len(name) - len(name.lstrip()) - 1) // 2
        package = name.strip()
        self_times.append((self_us_int, package))
        total += self_us_int
        if level == 0:  # imported directly by the entry point: its cumulative time is all of its subtree
            root = package.split(".")[0]
            top_level[root] = top_level.get(root, 0) + cumulative
    return {
        "total_import_s": round(total / 1e6, 3),
        "top_level_packages_s": {
            name: round(us / 1e6, 3) for name, us in sorted(top_level.items(), key=lambda kv: -kv[1])[:top]
        },
        "largest_self_ms": {name: round(us / 1e3, 1) for us, name in sorted(self_times, reverse=True)[:top]},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each command")
    parser.add_argument("--data-dir", type=Path, default=None, help="an ingested store (default: ingest the sample)")
    parser.add_argument("--top", type=int, default=15, help="import offenders listed")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    args = parser.parse_args(argv)

    rag = rag_executable()
    temporary = None
    data_dir = args.data_dir
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    if data_dir is None:
        temporary = Path(tempfile.mkdtemp(prefix="cold-start-"))
        data_dir = temporary / "data"
    env["RAG_DATA_DIR"] = str(data_dir)
    env["RAG_ANSWER_MODE"] = "extractive"
    try:
        if temporary is not None:
            print(f"ingesting the sample articles into {data_dir}", file=sys.stderr)
            seconds, done = timed([rag, "ingest", "--json"], env)
            if done.returncode:
                raise SystemExit(f"rag ingest failed: {done.stderr.strip()}")
        commands = {
            "rag ask": [rag, "ask", QUESTION],
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import chromadb'": [sys.executable, "-c", "import chromadb"],
        }
        # one untimed run each: the first start after an install compiles .pyc files and fills the page cache
        first_run_s = {}
        for name, command in commands.items():
            seconds, done = timed(command, env)
            first_run_s[name] = round(seconds, 3)
            if done.returncode:
                raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr.strip()}")
        answer_head = done.stdout  # of the last command; the ask's is checked below
        times: dict[str, list[float]] = {name: [] for name in commands}
        loads = [os.getloadavg()]
        for _ in range(args.runs):
            for name, command in commands.items():  # interleaved so load drifts hit all three
                seconds, done = timed(command, env)
                if done.returncode:
                    raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr.strip()}")
                if name == "rag ask":
                    answer_head = done.stdout.splitlines()[0][:100] if done.stdout else ""
                times[name].append(seconds)
        loads.append(os.getloadavg())
        phases = json.loads(
            subprocess.run(
                [sys.executable, "-c", PHASES_SCRIPT, QUESTION], env=env, capture_output=True, text=True, check=True,
                cwd=tempfile.gettempdir(),
            ).stdout.strip().splitlines()[-1]
        )
        offenders = import_offenders(env, args.top)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    results = {name: stats(values) for name, values in times.items()}
    ask = results["rag ask"]
    report = {
        "benchmark": "cold `rag ask` process time",
        "question": QUESTION,
        "target_s": TARGET_S,
        "meets_target": ask["max_s"] < TARGET_S,
        "meets_target_median": ask["median_s"] < TARGET_S,
        "commands": results,
        "ask_minus_import_chromadb_median_s": round(
            ask["median_s"] - results["python -c 'import chromadb'"]["median_s"], 3
        ),
        "first_run_s": first_run_s,
        "answer_first_line": answer_head,
        "phases_ms": phases,
        "imports": offenders,
        "load_average": {"before": [round(x, 2) for x in loads[0]], "after": [round(x, 2) for x in loads[1]]},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    print(f"cold `rag ask` ({args.runs} runs, load {report['load_average']['before']} -> {report['load_average']['after']})")
    for name, r in results.items():
        print(f"  {name:<30} median {r['median_s']:.2f} s   min {r['min_s']:.2f} s   max {r['max_s']:.2f} s")
    verdict = "meets" if report["meets_target"] else ("median meets" if report["meets_target_median"] else "misses")
    print(f"  target < {TARGET_S:.0f} s: {verdict}")
    print("phases (ms): " + ", ".join(f"{k} {v}" for k, v in phases.items() if not isinstance(v, dict)))
    print(f"imports: {offenders['total_import_s']:.2f} s in all; top-level: " + ", ".join(
        f"{k} {v:.2f}" for k, v in list(offenders["top_level_packages_s"].items())[:10]))
    print("largest self times (ms): " + ", ".join(f"{k} {v}" for k, v in list(offenders["largest_self_ms"].items())[:10]))
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
