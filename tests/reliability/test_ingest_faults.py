"""Ingest faults of the fault table in README.md ("What fails how") that no other test covered.

- file names in any script, including names that are not UTF-8 at all (Latin-1 or
  CP1251 bytes from an old archive: they once stopped the whole ingest with an
  "Unexpected UnicodeEncodeError"; now each is skipped with its reason);
- a second writer while an ingest holds the store: it waits, then stops with one
  sentence, while questions are still answered.
"""

from __future__ import annotations

import json
import os
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

from index.identity import slug
from rag.services import build_store
from tests.conftest import make_settings
from tests.index.conftest import assert_consistent
from tests.support import warm_process


# One article per script, each about something else (written for this test).
SCRIPTS = {
    "Путин.txt": "Ferry timetable\nThe Kellin ferry will leave Portmere at 07:40 instead of 07:15 from Monday.\n",
    "東京の電車.md": "Tram fares\nTram fares in Orlen will rise by twenty cents in May, the transit board said.\n",
    "القاهرة.txt": "Library hours\nThe Dunmore library will open on Sundays after the council found 12,000 pounds.\n",
    "Ελλάδα.txt": "Bridge repairs\nThe Vell road bridge will close for six weeks while engineers replace its bearings.\n",
    "हिन्दी समाचार.txt": "River festival\nThe Kessel river festival moves to September after a July heat wave.\n",
    unicodedata.normalize("NFC", "café.txt"): "Market day\nThe Saltmere fish market will open an hour earlier on Fridays.\n",
    unicodedata.normalize("NFD", "café.txt"): "Harbour dredging\nDredgers will deepen the Saltmere harbour channel by two metres.\n",
}
# Names that are not UTF-8: "café" in Latin-1 and "Путин" in CP1251.
NOT_UTF8 = {b"caf\xe9-latin1.txt": "caf\\xe9-latin1.txt", b"\xcf\xf3\xf2\xe8\xed.txt": "\\xcf\\xf3\\xf2\\xe8\\xed.txt"}
NOT_UTF8_REASON = "has a name that is not UTF-8 text (its bytes are shown as \\xNN); rename it to ingest it"
BUSY = "Another process is writing to this store (an ingest?); try again when it has finished."


def rag(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    environment["RAG_DATA_DIR"] = str(data_dir)
    done = warm_process.run_rag(list(args), env=environment, cwd=data_dir.parent, timeout=600)
    assert "Traceback" not in done.stderr and "Unexpected" not in done.stderr, done.stderr
    return done


def ok_json(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_file_names_in_any_script_are_readable_articles_and_names_not_utf8_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SCRIPTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    for raw_name in NOT_UTF8:
        with open(os.path.join(os.fsencode(folder), raw_name), "wb") as handle:
            handle.write(b"Old archive\nThe old archive file says the pier opened in 1911.\n")
    data = tmp_path / "data"

    report = ok_json(rag(data, "ingest", "--json", str(folder)))
    assert (report["added"], report["removed"]) == (len(SCRIPTS), 0), report
    assert sorted(report["skipped"], key=lambda s: s["path"]) == sorted(
        ({"path": f"{folder}/{escaped}", "reason": NOT_UTF8_REASON} for escaped in NOT_UTF8.values()),
        key=lambda s: s["path"],
    )
    status = ok_json(rag(data, "status", "--json", "--no-check-endpoint"))
    by_path = {Path(a["path"]).name: a["article_id"] for a in status["articles"]}
    assert set(by_path) == set(SCRIPTS)  # the two spellings of café are two files, so two articles
    for name, article_id in by_path.items():
        assert article_id.startswith(f"{slug(name)}~"), (name, article_id)  # readable in its own script
    assert len(set(by_path.values())) == len(SCRIPTS)

    answer = ok_json(rag(data, "ask", "--json", "--trace", "How much did the council find for the Dunmore library?"))
    assert answer["retrieved"][0]["article_id"] == by_path["القاهرة.txt"], answer["retrieved"]
    text = rag(data, "ingest", str(folder))  # the text summary and the skip lines print too
    assert text.returncode == 0 and f"{len(SCRIPTS)} unchanged" in text.stdout
    assert sorted(line for line in text.stderr.splitlines() if line.startswith("Skipped")) == sorted(
        f"Skipped {folder}/{escaped}: {NOT_UTF8_REASON}" for escaped in NOT_UTF8.values()
    )


def test_a_second_writer_waits_then_stops_with_one_sentence_and_questions_are_still_answered(
    tmp_path: Path, encoder: Any
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, name in ((first, "Путин.txt"), (second, "Ελλάδα.txt")):
        folder.mkdir()
        (folder / name).write_text(SCRIPTS[name], encoding="utf-8")
    data = tmp_path / "data"
    ok_json(rag(data, "ingest", "--json", str(first)))
    store = build_store(make_settings(data), encoder).open_for_writing()
    before = assert_consistent(store)
    (article_id,) = before

    with store.writing():  # an ingest in progress (held by this process)
        for args in (("ingest", "--json", str(second)), ("delete", article_id)):
            done = rag(data, *args)
            assert (done.returncode, done.stdout, done.stderr.strip()) == (3, "", f"Error: {BUSY}"), args
        answer = ok_json(rag(data, "ask", "--json", "When will the Kellin ferry leave Portmere?"))
        assert "07:40" in answer["answer"]
    assert assert_consistent(store) == before  # the refused writers changed nothing

    report = ok_json(rag(data, "ingest", "--json", str(second)))  # once the first writer is done
    assert report["added"] == 1 and len(assert_consistent(store)) == 2
