"""Running a Typer app as a command does, with Sourced's manners: an exit code back, never a usage dump.

Click (vendored by Typer) prints a usage block and a boxed message for a
mistyped option; here it is one line on stderr
(`Error: No such option: --bogus; see `rag eval --help`.`) with exit code 2,
like every other bad input. Output into a pipe that closed early
(`rag status | head -1`) ends the command quietly with exit code 141.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Sequence

import typer

# 128 + SIGPIPE (13): what a shell reports for a command a closed pipe ended, as 130 is for Ctrl-C
CLOSED_PIPE_EXIT = 141


def closed_pipe() -> int:
    """After a write into a closed pipe: nothing more to say, and nowhere to say it. Returns the exit code.

    stdout and stderr are pointed at /dev/null, as the Python docs advise ("Note on SIGPIPE" in the
    signal module), so that the interpreter's last flush of what is still buffered does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                os.dup2(devnull, stream.fileno())
            except (AttributeError, OSError, ValueError):  # a stream without a file (tests' StringIO)
                pass
    finally:
        os.close(devnull)
    return CLOSED_PIPE_EXIT


def _stdout_silenced() -> bool:
    """Whether a library has met a closed pipe and silenced stdout: click wraps the stream (its
    PacifyFlushWrapper), rich points it at /dev/null (Console.on_broken_pipe)."""
    if type(sys.stdout).__name__ == "PacifyFlushWrapper":
        return True
    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), os.stat(os.devnull))
    except (AttributeError, OSError, ValueError):
        return False


def usage_sentence(error: Any) -> str:
    """A usage error's message as one sentence pointing at the command's help."""
    message = error.format_message().strip().rstrip(".")
    context = getattr(error, "ctx", None)
    where = context.command_path if context is not None else ""
    return f"{message}; see `{where} --help`." if where else f"{message}."


def invoke(app: typer.Typer, args: Sequence[str], prog_name: str, obj: Any = None) -> int:
    """Run `app` on `args` in this process; returns the exit code (errors already printed)."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=list(args), prog_name=prog_name, standalone_mode=False, obj=obj)
    except BrokenPipeError:
        return closed_pipe()
    except SystemExit as stop:
        # a closed pipe met outside a command (printing --help) is answered by click or rich: exit 1
        if stop.code == 1 and _stdout_silenced():
            return closed_pipe()
        raise
    except typer.TyperException as error:  # click's exceptions, as Typer vendors them
        if type(error).__name__ == "NoArgsIsHelpError":  # `rag` alone: the help, as click shows it
            print(error.format_message(), file=sys.stderr)
        else:
            print(f"Error: {usage_sentence(error)}", file=sys.stderr)
        return int(getattr(error, "exit_code", 2))
    except typer.Abort:
        print("Error: Interrupted.", file=sys.stderr)
        return 130
    return result if isinstance(result, int) else 0
