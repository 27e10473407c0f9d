"""What is said about the settings: the one sentence for an invalid value, and the warnings for what is ignored
(a `.env` line that is not NAME=value, a `RAG_` name that is no setting). The CLI says them at start."""

from __future__ import annotations

import difflib
import io
import logging
import os
from pathlib import Path
from typing import Mapping

from pydantic import AliasChoices, ValidationError

from rag.settings import ENV_FILE, ENV_PREFIX, Settings


def invalid_setting_sentence(error: ValidationError, options: Mapping[str, str] | None = None) -> str:
    """The first problem of a ValidationError of Settings as one sentence naming the setting and what to fix.

    `options` maps fields to the command-line options that set them (`ui_port` to `--port`), so a bad
    option value is not blamed on the environment."""
    first = error.errors()[0]
    reason = str(first["msg"]).removeprefix("Value error, ")
    if not first["loc"]:  # a rule over several settings: its message is the whole sentence
        return reason if reason.endswith(".") else f"{reason}."
    name = str(first["loc"][0])
    field = name.lower() if name.lower() in Settings.model_fields else name
    if reason[:1].isupper() and reason[1:2].islower():  # pydantic's "Input should be ..." inside a sentence
        reason = reason[0].lower() + reason[1:]
    if options and field in options:
        return f"The option {options[field]} is invalid: {reason}; fix its value."
    variable = name if name.isupper() else f"{ENV_PREFIX}{name.upper()}"
    return f"The setting {field} is invalid: {reason}; fix {variable} in the environment or .env."


def quiet_dotenv() -> None:
    """Silence python-dotenv's own warnings about `.env` lines it cannot read.

    Every pydantic-settings class in the process (ours, chromadb's, ...) reads `.env` and would repeat the
    warning, naming no file; `setting_warnings` says it once, with the file and the line."""
    logging.getLogger("dotenv.main").setLevel(logging.ERROR)


def known_setting_names() -> set[str]:
    """Every environment name Settings reads that starts with RAG_ (upper case: names are not case-sensitive)."""
    names = {f"{ENV_PREFIX}{field.upper()}" for field in Settings.model_fields}
    for field in Settings.model_fields.values():
        if isinstance(field.validation_alias, AliasChoices):
            names.update(str(choice).upper() for choice in field.validation_alias.choices)
    return {name for name in names if name.startswith(ENV_PREFIX)}


def setting_warnings(environ: Mapping[str, str] | None = None, env_file: str | Path = ENV_FILE) -> list[str]:
    """Lines for stderr about configuration that is ignored: lines of `env_file` that are not NAME=value,
    and RAG_ names that are no setting (a misspelling like RAG_TOPK), each with the setting it is most like."""
    environ = os.environ if environ is None else environ
    warnings: list[str] = []
    file_names: list[str] = []
    path = Path(env_file).expanduser()
    if path.is_file():
        from dotenv.parser import parse_stream

        shown = os.path.abspath(path)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return [f"Warning: {shown} cannot be read ({exc.strerror or exc}), so its settings are ignored."]
        bad_lines: list[int] = []
        for binding in parse_stream(io.StringIO(text)):
            if binding.error:
                bad_lines.append(binding.original.line)
            elif binding.key:
                file_names.append(binding.key)
        if bad_lines:
            many = len(bad_lines) > 1
            numbers = (f"lines {', '.join(map(str, bad_lines[:-1]))} and {bad_lines[-1]} are" if many
                       else f"line {bad_lines[0]} is")
            they, them = ("they are", "them") if many else ("it is", "it")
            warnings.append(f"Warning: {shown} {numbers} not NAME=value, so {they} ignored; fix or remove {them}.")
    stems = {name[len(ENV_PREFIX):]: name for name in known_setting_names()}
    seen: set[str] = set()
    sources = [(name, "in the environment") for name in environ]
    sources += [(name, f"in {os.path.abspath(path)}") for name in file_names]
    for name, where in sources:
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or upper[len(ENV_PREFIX):] in stems or upper in seen:
            continue
        seen.add(upper)
        # compared without the prefix every name shares, which would make any two names look alike
        close = difflib.get_close_matches(upper[len(ENV_PREFIX):], list(stems), n=1)
        hint = f"did you mean {stems[close[0]]}?" if close else ".env.example lists the settings."
        warnings.append(f"Warning: {name} ({where}) is not a setting of Sourced, so it is ignored; {hint}")
    return warnings
