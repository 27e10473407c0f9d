"""Upload checks: safe names, refusals, and ingesting into a real store."""

from __future__ import annotations

from pathlib import Path

import pytest


from tests.conftest import make_settings
from rag.library import remove_uploaded_copy as remove_uploaded_file
from ui.uploads import accept_uploads, refusal, safe_file_name, uploads_dir

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
        ("a b?*<>.html", "a b.html"),
        ("...", "article"),
        ("x" * 300 + ".txt", "x" * 116 + ".txt"),
        # letters of every script stay readable; control and bidi-override characters go
        ("Путин.txt", "Путин.txt"),
        ("特朗普 访问.md", "特朗普 访问.md"),
        ("हिन्दी समाचार.txt", "हिन्दी समाचार.txt"),
        ("news\u202etxt.exe.txt", "newstxt.exe.txt"),
        ("tab\there\n.txt", "tab here.txt"),
        # a long name in a wide script is cut by bytes as well as characters
        ("界" * 100 + ".txt", "界" * 65 + ".txt"),
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

    saved = uploads_dir(fresh_data_dir) / "portmere ferries.md"
    assert outcome.added == [assistant.article_id_for(saved)] and outcome.added[0].startswith("upload/portmere-ferries.md~")
    assert sorted(outcome.refused) == ["big.txt", "binary.txt", "tool.exe"]
    assert any("binary.txt looks like a binary file" in p for p in outcome.problems), outcome.problems
    assert any("tool.exe was refused" in p for p in outcome.problems)
    assert outcome.notes == ["Added “Portmere harbour approves evening ferries” (1 passage); ask about it in the Chat tab."]
    assert calls and calls[-1][0] == calls[-1][1] > 0
    # Only the ingested file stays in uploads/; refused ones were never copied.
    assert sorted(p.name for p in uploads_dir(fresh_data_dir).iterdir()) == ["portmere ferries.md"]
    record = assistant.article(outcome.added[0])
    assert record is not None and record.source == "Portmere Gazette" and record.published == "2025-06-12"
    # the upload wrote the keyword index along with Chroma: BM25 finds the new article at once
    hits = assistant.bm25.search("When does the first evening ferry leave Portmere?", 3)
    assert hits and hits[0].passage.article_id == outcome.added[0]
    answer = assistant.ask("When does the first evening ferry leave Portmere?")
    assert any(c.article_id == outcome.added[0] for c in answer.citations)


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


# --- add as new by default, replace only when asked ---------------------------------------------------------------

HARBOUR_V1 = "---\ntitle: Harbour dues rise\n---\nPortmere harbour dues will rise by 4 percent in April, the board said.\n"
HARBOUR_V2 = "---\ntitle: Harbour dues rise again\n---\nPortmere harbour dues will rise by 6 percent in May, the board said.\n"
BRIDGE = "Bridge closure\nThe Kellin bridge will close for three nights of repairs starting on 14 October.\n"


def _file(tmp_path: Path, name: str, text: str) -> tuple[Path, str]:
    """A file as Gradio hands it over: a temporary copy, with the name the user chose."""
    folder = tmp_path / f"tmp-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name, name


def test_a_name_taken_gets_a_number_and_replacing_needs_an_explicit_choice(fresh_data_dir: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(make_settings(fresh_data_dir))
    folder = uploads_dir(fresh_data_dir)
    (first,) = accept_uploads(assistant, [_file(tmp_path, "Порт.md", HARBOUR_V1)]).added

    # the same name with other text: a second article, "Порт (2).md"; the first is untouched
    second_outcome = accept_uploads(assistant, [_file(tmp_path, "Порт.md", HARBOUR_V2)])
    (second,) = second_outcome.added
    assert second != first and second.startswith("upload/Порт-2.md~")
    assert sorted(p.name for p in folder.iterdir()) == ["Порт (2).md", "Порт.md"]
    assert "4 percent" in assistant.article(first).text and "6 percent" in assistant.article(second).text  # type: ignore[union-attr]

    # the very same file again is recognised, not duplicated
    again = accept_uploads(assistant, [_file(tmp_path, "Порт.md", HARBOUR_V1)])
    assert again.added == [first] and again.notes == ["Порт.md is already in the library, unchanged."]
    assert len(list(folder.iterdir())) == 2

    # replacing, when asked: same file type, so the article keeps its id and takes the new text
    replaced = accept_uploads(assistant, [_file(tmp_path, "dues-corrected.md", HARBOUR_V2 + "Corrected.\n")], replace=first)
    assert replaced.ok and replaced.added == [first], replaced.problems
    assert replaced.notes[0].startswith("Replaced “Harbour dues rise” with “Harbour dues rise again”")
    assert "Corrected." in assistant.article(first).text  # type: ignore[union-attr]
    assert (folder / "Порт.md").read_text(encoding="utf-8").endswith("Corrected.\n")
    assert len(assistant.articles()) == 7

    # another file type: a new id, and the replaced article and its file are gone
    (text,) = accept_uploads(assistant, [_file(tmp_path, "bridge.txt", BRIDGE)], replace=second).added
    assert text.startswith("upload/Порт-2.txt~") and assistant.article(second) is None
    assert sorted(p.name for p in folder.iterdir()) == ["Порт (2).txt", "Порт.md"]
    assert len(assistant.articles()) == 7


def test_replacing_is_refused_for_managed_articles_and_several_files(fresh_data_dir: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant

    assistant = Assistant.from_settings(make_settings(fresh_data_dir))
    managed = assistant.articles()[0]
    outcome = accept_uploads(assistant, [_file(tmp_path, "new.txt", BRIDGE)], replace=managed.article_id)
    assert outcome.refused == ["new.txt"] and outcome.problems == [
        f"“{managed.title}” comes from the articles folder, not from an upload, so it can't be replaced here; "
        "change its file there and run `rag ingest`."
    ]
    assert assistant.article(managed.article_id) == managed

    (uploaded,) = accept_uploads(assistant, [_file(tmp_path, "dues.md", HARBOUR_V1)]).added
    two = [_file(tmp_path, "a.txt", BRIDGE), _file(tmp_path, "b.txt", HARBOUR_V2)]
    outcome = accept_uploads(assistant, two, replace=uploaded)
    assert outcome.problems == ["Choose exactly one file to replace “Harbour dues rise” with."]
    assert sorted(p.name for p in uploads_dir(fresh_data_dir).iterdir()) == ["dues.md"]

    # a replacement the loader refuses leaves the old article and its file as they were
    outcome = accept_uploads(assistant, [_file(tmp_path, "empty.md", "   \n")], replace=uploaded)
    assert outcome.refused == ["empty.md"] and "is empty" in outcome.problems[0]
    assert (uploads_dir(fresh_data_dir) / "dues.md").read_text(encoding="utf-8") == HARBOUR_V1
    assert "4 percent" in assistant.article(uploaded).text  # type: ignore[union-attr]


def test_the_library_offers_only_uploaded_articles_for_replacing(fresh_data_dir: Path, tmp_path: Path) -> None:
    from rag.assistant import Assistant
    from ui.library import LibraryController

    library = LibraryController(Assistant.from_settings(make_settings(fresh_data_dir)))
    assert library.replace_choices() == []
    (path, name) = _file(tmp_path, "Порт.md", HARBOUR_V1)
    (uploaded,) = library.upload([str(path)]).added
    assert library.replace_choices() == [("Harbour dues rise (Порт.md)", uploaded)]
    (path, name) = _file(tmp_path, "Порт.md", HARBOUR_V2)
    assert library.upload([str(path)], replace=uploaded).added == [uploaded]
    assert len(library.rows()) == 6


def test_an_upload_waits_while_a_question_is_answered_and_goes_on_when_it_ends(fresh_data_dir: Path, tmp_path: Path) -> None:
    """The app's uploads give way to its questions (rag/questions_in_flight.py): held at a checkpoint while
    one is answered, nothing of the upload committed, then in once it ends. Shown by order, not timings."""
    import time

    from rag.assistant import Assistant
    from ui.library import LibraryController

    assistant = Assistant.from_settings(make_settings(fresh_data_dir))
    assistant.questions.max_pause = 60.0  # longer than the question: the upload waits it out
    library = LibraryController(assistant)
    (path, _name) = _file(tmp_path, "harbour.md", HARBOUR_V1)
    with assistant.questions.asking():
        job = library.start_upload([str(path)])
        deadline = time.monotonic() + 60
        while assistant.questions.giving_way == 0:
            assert time.monotonic() < deadline and not job.finished, "the upload did not give way to the question"
            time.sleep(0.005)
        assert not job.finished and job.snapshot().passages_done == 0 and len(assistant.articles()) == 5
    assert job.wait(60) and job.error is None
    assert len(job.result.added) == 1 and len(assistant.articles()) == 6
