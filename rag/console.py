"""Running a Typer app as a command does, with Sourced's manners: an exit code back, never a usage dump.

Click (vendored by Typer) prints a usage block and a boxed message for a
mistyped option; here it is one line on stderr
(`Error: No such option: --bogus; see `rag eval --help`.`) with exit code 2,
like every other bad input.
"""

from __future__ import annotations

import sys
from typing import Any, Sequence

import typer


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
