"""The layers of design.md, read from the source with `ast`: who may import whom.

- `index/` is the bottom layer: it imports none of `rag/`, `ui/`, `eval/`;
- `eval/` and `ui/` reach `index/` only through `rag/`;
- nothing imports the CLI module `rag.cli` (what it does lives in rag/library.py and
  the Assistant); tests import only its entry points (`app`, `main`) to run it;
- `rag/` imports `ui/` and `eval/` only in the CLI, which starts them.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/cold_start.py times `import rag.cli`: the start-up of the entry point itself.
ENTRY_POINT_USERS = {"bench/cold_start.py"}


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in the file, function-level ones included."""
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if ".venv" not in p.parts)


def top(module: str) -> str:
    return module.split(".")[0]


def _violations(folders: tuple[str, ...], forbidden: set[str]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in sources(*folders)
        for module, _ in imports(path)
        if top(module) in forbidden
    ]


def test_index_is_the_bottom_layer() -> None:
    assert _violations(("index",), {"rag", "ui", "eval"}) == []


def test_eval_and_ui_reach_index_only_through_rag() -> None:
    assert _violations(("eval", "ui"), {"index"}) == []


def test_nothing_imports_the_cli_module() -> None:
    offenders = []
    for path in sources("rag", "index", "ui", "eval", "bench", "tests"):
        relative = path.relative_to(ROOT).as_posix()
        if relative == "rag/cli.py" or relative in ENTRY_POINT_USERS:
            continue
        for module, names in imports(path):
            if module == "rag.cli" and not (relative.startswith("tests/") and set(names) <= {"app", "main"}):
                offenders.append(f"{relative} imports {module} {names}")
            if module == "rag" and "cli" in names:
                offenders.append(f"{relative} imports rag.cli")
    assert offenders == []


def test_only_the_cli_starts_ui_and_eval() -> None:
    offenders = [v for v in _violations(("rag",), {"ui", "eval"}) if not v.startswith("rag/cli.py ")]
    assert offenders == []
