"""A `main()` for tests/support/test_warm_process.py: does what its arguments say, as a process would."""

from __future__ import annotations

import json
import os
import signal
import sys
import time


def main() -> None:
    command = sys.argv[1]
    if command == "describe":  # what the process sees of itself
        print(json.dumps({"pid": os.getpid(), "cwd": os.getcwd(), "probe": os.environ.get("PROBE"),
                          "argv": sys.argv, "stdin": sys.stdin.read(), "stdin_is_tty": sys.stdin.isatty()}))
        print("to stderr", file=sys.stderr)
    elif command == "exit":
        print("leaving", file=sys.stderr)
        sys.exit(int(sys.argv[2]))
    elif command == "raise":
        raise ValueError("probe failure")
    elif command == "kill":
        sys.stdout.write("half a line")
        os.kill(os.getpid(), signal.SIGKILL)
    elif command == "sleep":
        time.sleep(float(sys.argv[2]))
    elif command == "wait-for":  # say so in STARTED, then exit 0 once FILE exists, 1 if it never does
        open(sys.argv[3], "w").close()
        deadline = time.monotonic() + 120
        while not os.path.exists(sys.argv[2]):
            if time.monotonic() > deadline:
                sys.exit(1)
            time.sleep(0.02)
    elif command == "touch":
        open(sys.argv[2], "w").close()
