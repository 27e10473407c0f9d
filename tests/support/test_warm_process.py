"""The warm process helper behaves like `subprocess.run` of a new process: its own pid, cwd, environment and
stdio, exit codes, a traceback and exit 1 for an uncaught error, -9 for SIGKILL, a timeout, runs in parallel."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from tests.support.warm_process import run_module

PROBE = "tests.support.process_probe"


def probe(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, input: str | None = None,
          timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    return run_module(PROBE, ["probe", *args], env=env if env is not None else dict(os.environ),
                      cwd=cwd or Path.cwd(), input=input, timeout=timeout)


def test_a_run_is_its_own_process_with_the_given_cwd_environment_and_stdin(tmp_path: Path) -> None:
    done = probe("describe", env={**os.environ, "PROBE": "yes"}, cwd=tmp_path, input="line one\nline two\n")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["pid"] != os.getpid()
    assert (seen["cwd"], seen["probe"], seen["argv"]) == (str(tmp_path), "yes", ["probe", "describe"])
    assert seen["stdin"] == "line one\nline two\n" and not seen["stdin_is_tty"]
    assert done.stderr == "to stderr\n"
    again = json.loads(probe("describe", env={k: v for k, v in os.environ.items() if k != "PROBE"}).stdout)
    assert again["probe"] is None and again["pid"] != seen["pid"], "each run starts from the helper, not the last run"


def test_exit_codes_errors_and_sigkill_are_a_processes(tmp_path: Path) -> None:
    assert probe("exit", "3").returncode == 3
    failed = probe("raise")
    assert failed.returncode == 1 and "ValueError: probe failure" in failed.stderr and "Traceback" in failed.stderr
    killed = probe("kill")
    assert killed.returncode == -signal.SIGKILL and killed.stdout == "", "a killed process flushes nothing"


def test_a_run_past_its_timeout_is_killed() -> None:
    with pytest.raises(subprocess.TimeoutExpired):
        probe("sleep", "600", timeout=1.0)


def test_runs_from_several_threads_overlap(tmp_path: Path) -> None:
    # the first run ends only once the second has run: runs one after another would never end it
    flag, started = tmp_path / "flag", tmp_path / "started"
    waited: list[int] = []
    waiter = threading.Thread(target=lambda: waited.append(probe("wait-for", str(flag), str(started)).returncode))
    waiter.start()
    while not started.exists() and waiter.is_alive():
        threading.Event().wait(0.02)
    assert probe("touch", str(flag)).returncode == 0
    waiter.join()
    assert waited == [0]
