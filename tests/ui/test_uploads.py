"""Upload checks: safe names, refusals, and ingesting into a real store."""

from __future__ import annotations

from pathlib import Path

import pytest


from tests.conftest import make_settings
from ui.uploads import accept_uploads, refusal, remove_uploaded_file, safe_file_name, uploads_dir

ARTICLE_MD = """---
title: Portmere harbour approves evening ferries
publisher: Portmere Gazette
date: 2025-06-12
---
The Portmere harbour council approved three evening ferry crossings to Kellin Island on Tuesday.
Councillor Ada Brennan said the crossings would cost 40,000 pounds a year, paid from mooring fees.
The first evening ferry leaves Portmere at 21:15 on 1 July.
"""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\report.PDF", "report.pdf"),
        (".hidden.md", "hidden.md"),
        ("a b?*<>.html", "a_b.html"),
        ("...", "article"),
        ("x" * 300 + ".txt", "x" * 116 + ".txt"),
    ],
)
def test_safe_file_name(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


def test_refusals_say_why() -> None:
    assert refusal("notes.txt", 10, 1.0) is None
    assert "upload .txt, .md, .html or .pdf" in (refusal("setup.exe", 10, 1.0) or "")
    assert "without an extension" in (refusal("README", 10, 1.0) or "")
    assert refusal("big.pdf", 2_500_000, 2.0) == "big.pdf was refused: it is 2.5 MB and the limit is 2 MB (RAG_MAX_UPLOAD_MB)."
    assert "it is 12 KB and the limit is 10 KB" in (refusal("a.md", 12_400, 0.01) or "")
    assert refusal("exact.md", 10_000, 0.01) is None


def test_accepted_upload_is_saved_and_ingested_and_refusals_do_not_stop_it(fresh_data_dir: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(make_settings(fresh_data_dir, max_upload_mb=0.01))
    good = tmp_path / "portmere ferries.md"
    good.write_text(ARTICLE_MD, encoding="utf-8")
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x00\x01")
    big = tmp_path / "big.txt"
    big.write_text("word " * 4000, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    calls: list[tuple[int, int]] = []

    outcome = accept_uploads(
        assistant,
        [(good, good.name), (exe, exe.name), (big, big.name), (binary, binary.name)],
        progress=lambda done, total: calls.append((done, total)),
    )

    assert outcome.added == ["portmere_ferries.md"]
    assert sorted(outcome.refused) == ["big.txt", "binary.txt", "tool.exe"]
    assert any("binary.txt looks like a binary file" in p for p in outcome.problems), outcome.problems
    assert any("tool.exe was refused" in p for p in outcome.problems)
    assert outcome.notes == ["Added “Portmere harbour approves evening ferries” (1 passage); ask about it in the Chat tab."]
    assert calls and calls[-1][0] == calls[-1][1] > 0
    # Only the ingested file stays in uploads/; refused ones were never copied.
    assert sorted(p.name for p in uploads_dir(fresh_data_dir).iterdir()) == ["portmere_ferries.md"]
    record = assistant.article("portmere_ferries.md")
    assert record is not None and record.source == "Portmere Gazette" and record.published == "2025-06-12"
    # the upload wrote the keyword index along with Chroma: BM25 finds the new article at once
    hits = assistant.bm25.search("When does the first evening ferry leave Portmere?", 3)
    assert hits and hits[0].passage.article_id == "portmere_ferries.md"
    answer = assistant.ask("When does the first evening ferry leave Portmere?")
    assert any(c.article_id == "portmere_ferries.md" for c in answer.citations)


def test_remove_uploaded_file_never_leaves_the_uploads_folder(tmp_path: Path) -> None:
    outside = tmp_path / "article.txt"
    outside.write_text("x")
    remove_uploaded_file(tmp_path, str(outside))
    assert outside.exists()
    inside = uploads_dir(tmp_path) / "article.txt"
    inside.parent.mkdir()
    inside.write_text("x")
    remove_uploaded_file(tmp_path, str(uploads_dir(tmp_path) / ".." / "article.txt"))
    assert outside.exists() and inside.exists()
    remove_uploaded_file(tmp_path, str(inside))
    assert not inside.exists()
