"""Run the `rag` CLI in this process, killing it with SIGKILL just before its N-th store write.

    python -m tests.reliability.kill_at_step STEP_LOG KILL_AT [RULE] -- ingest PATH ...

Write steps are the calls that change persisted state: Chroma collection
`upsert`/`add`/`update`/`delete`/`modify` (embedded or server) and, where the
code has them, the keyword index's commits and stamps. Each step is appended
to STEP_LOG (one line, flushed) before it runs, so a run with KILL_AT 0 (no
kill) lists the steps of a whole ingest. Instead of a step number, RULE
`bump-after-write` kills at the first `modify` (a revision bump) after a
passage upsert, `after-first-upsert` right after the first passage upsert, and
`after-first-keyword-write` right after the keyword index's first commit.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable


def main() -> None:
    separator = sys.argv.index("--")
    step_log, kill_at, *rule = sys.argv[1:separator]
    cli_args = sys.argv[separator + 1 :]
    target = int(kill_at)
    state = {"steps": 0, "upserted": False}
    log = Path(step_log).open("a", encoding="utf-8")

    def guard(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def step(self: Any, *args: Any, **kwargs: Any) -> Any:
            label = f"{name}:{getattr(self, 'name', '')}"
            state["steps"] += 1
            log.write(label + "\n")
            log.flush()
            if rule == ["bump-after-write"]:
                if name == "chroma.modify" and state["upserted"]:
                    os.kill(os.getpid(), signal.SIGKILL)
            elif state["steps"] == target:
                os.kill(os.getpid(), signal.SIGKILL)
            result = original(self, *args, **kwargs)
            if name == "keyword.write" and rule == ["after-first-keyword-write"]:
                os.kill(os.getpid(), signal.SIGKILL)
            if name == "chroma.upsert" and not str(getattr(self, "name", "")).endswith("-articles"):
                state["upserted"] = True
                if rule == ["after-first-upsert"]:
                    os.kill(os.getpid(), signal.SIGKILL)
            return result

        return step

    if os.environ.get("TEST_EMBED_GROUP_CHUNKS"):  # several embedding groups from a small corpus
        import index.pipeline

        index.pipeline.EMBED_GROUP_CHUNKS = int(os.environ["TEST_EMBED_GROUP_CHUNKS"])

    from chromadb.api.models.Collection import Collection

    for method in ("upsert", "add", "update", "delete", "modify"):
        setattr(Collection, method, guard(f"chroma.{method}", getattr(Collection, method)))
    try:
        from index.keyword_index import KeywordIndex
    except ImportError:  # code from before the keyword index
        pass
    else:
        KeywordIndex.write = guard("keyword.write", KeywordIndex.write)  # type: ignore[method-assign]
        KeywordIndex.set_stamps = guard("keyword.stamp", KeywordIndex.set_stamps)  # type: ignore[method-assign]

    from rag.cli import app

    sys.argv = ["rag", *cli_args]
    app()


if __name__ == "__main__":
    main()
