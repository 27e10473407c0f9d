"""Settings as `rag` reads them, in real processes: a bad value is one sentence and exit 2 (never a bug
report), what is ignored is one warning each, and a command that only reads leaves no store behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.rag.test_cli_ask import assert_one_line_error, run_rag
from tests.support import warm_process

SETTING_SENTENCE = re.compile(r"^Error: The setting (\w+) is invalid: .+; fix ([A-Z_]+) in the environment or \.env\.$")


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*")) if folder.exists() else []


def error_files(tmp_dir: Path) -> list[Path]:
    return sorted(tmp_dir.glob("rag-error-*"))


@pytest.mark.parametrize("name", ["x", "", "a b", "../evil", "a..b", "1.2.3.4"])
def test_an_invalid_collection_is_a_bad_setting(name: str, tmp_path: Path) -> None:
    data_dir, scratch = tmp_path / "data", tmp_path / "tmp"
    scratch.mkdir()
    for args in (["ingest"], ["ask", "Who called whom?"], ["status", "--no-check-endpoint"]):
        result = run_rag(args, data_dir, tmp_path, RAG_COLLECTION=name, TMPDIR=str(scratch))
        assert_one_line_error(result, 2, "The setting collection is invalid: the collection name")
        assert SETTING_SENTENCE.match(result.stderr.strip()).groups() == ("collection", "RAG_COLLECTION")  # type: ignore[union-attr]
    assert files_under(data_dir) == [] and error_files(scratch) == []


def test_the_longest_collection_name_allowed_works_end_to_end_and_a_longer_one_is_refused(tmp_path: Path) -> None:
    """242 characters: "<collection>.repairs.json" under the data folder's keyword/ must fit in a file name."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "talks.txt").write_text("Talks in Geneva\n\nNegotiators met in Geneva on Monday to resume the talks.\n")
    longer = run_rag(["ingest", str(articles)], tmp_path / "data", tmp_path, RAG_COLLECTION="c" * 243)
    assert_one_line_error(longer, 2, "The setting collection is invalid: the collection name")
    name = "c" * 242
    ingested = run_rag(["ingest", str(articles)], tmp_path / "data", tmp_path, RAG_COLLECTION=name)
    assert ingested.returncode == 0, ingested.stderr
    answered = run_rag(["ask", "Where did the negotiators meet?"], tmp_path / "data", tmp_path, RAG_COLLECTION=name)
    assert answered.returncode == 0 and "Geneva" in answered.stdout, answered.stderr


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"RAG_CHUNK_OVERLAP": "500"}, "RAG_CHUNK_OVERLAP (500) must be smaller than RAG_CHUNK_SIZE (230)"),
        ({"RAG_CHROMA_HOST": "127.0.0.1", "RAG_CHROMA_PORT": "99999"}, "The setting chroma_port is invalid: input"),
        ({"OPENAI_BASE_URL": "notaurl"}, "'notaurl' is not an http:// or https:// URL"),
        ({"RAG_OPENAI_BASE_URL": "http://[::1"}, "'http://[::1' is not a valid URL"),
    ],
)
def test_invalid_settings_are_one_sentence_and_exit_2(settings: dict[str, str], expected: str, tmp_path: Path) -> None:
    for args in (["status", "--no-check-endpoint"], ["ask", "--mode", "llm", "How long was the call?"]):
        assert_one_line_error(run_rag(args, tmp_path / "data", tmp_path, **settings), 2, expected)
    assert files_under(tmp_path / "data") == []


def test_a_data_dir_that_is_a_file_is_a_bad_setting(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder\n")
    for data_dir in (afile, afile / "data"):
        result = run_rag(["ingest"], data_dir, tmp_path)
        assert_one_line_error(result, 2, f"The setting data_dir is invalid: {afile}")
        assert "is a file, not a folder; fix RAG_DATA_DIR in the environment or .env." in result.stderr


def test_an_invalid_option_of_serve_names_the_option(tmp_path: Path) -> None:
    result = run_rag(["serve", "--port", "99999"], tmp_path / "data", tmp_path)
    assert_one_line_error(result, 2, "The option --port is invalid: input should be less than or equal to 65535")


def test_ignored_settings_are_one_warning_each(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("this line is not a setting\nRAG_TOPK=4\n", encoding="utf-8")
    # a new interpreter: every pydantic-settings class its imports create (chromadb's too) reads .env again
    result = run_rag(["status", "--no-check-endpoint"], tmp_path / "data", tmp_path, fresh=True,
                     RAG_CHUNKSIZE="64", **{"PYTHONPATH": str(warm_process.ROOT)})
    assert result.returncode == 0, result.stderr
    env_file = tmp_path / ".env"
    assert result.stderr.splitlines() == [
        f"Warning: {env_file} line 1 is not NAME=value, so it is ignored; fix or remove it.",
        "Warning: RAG_CHUNKSIZE (in the environment) is not a setting of Sourced, so it is ignored; "
        "did you mean RAG_CHUNK_SIZE?",
        f"Warning: RAG_TOPK (in {env_file}) is not a setting of Sourced, so it is ignored; did you mean RAG_TOP_K?",
    ]
    assert "top_k = 5" in result.stdout  # ignored indeed


@pytest.mark.parametrize("existing", [False, True])
def test_commands_that_only_read_create_no_store(tmp_path: Path, existing: bool) -> None:
    data_dir = tmp_path / "data"
    if existing:
        data_dir.mkdir()
    status = run_rag(["status", "--json", "--no-check-endpoint"], data_dir, tmp_path)
    assert status.returncode == 0, status.stderr
    assert '"articles": []' in status.stdout and str(data_dir / "keyword" / "articles") in status.stdout
    for args in (["ask", "Who called whom?"], ["delete", "some-article"]):
        assert_one_line_error(run_rag(args, data_dir, tmp_path), 4, "No articles are indexed yet; run `rag ingest` first.")
    chat = run_rag(["chat"], data_dir, tmp_path, stdin="Who called whom?\n")
    assert_one_line_error(chat, 4, "No articles are indexed yet")
    assert data_dir.exists() == existing and files_under(data_dir) == []
    # the command that writes still makes the store there
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "talks.txt").write_text("Talks in Geneva\n\nNegotiators met in Geneva on Monday to resume the talks.\n")
    assert run_rag(["ingest", str(articles)], data_dir, tmp_path).returncode == 0
    assert "Articles:   1" in run_rag(["status", "--no-check-endpoint"], data_dir, tmp_path).stdout


def test_help_paragraphs_are_not_broken_mid_sentence(tmp_path: Path) -> None:
    from rag.cli import app

    for command in app.registered_commands:
        name = command.name or ""
        shown = run_rag([name, "--help"], tmp_path / "data", tmp_path, COLUMNS="400")
        assert shown.returncode == 0, shown.stderr
        assert "design.md" not in shown.stdout
        lines = [" ".join(line.strip(" │").split()) for line in shown.stdout.splitlines()]
        doc = command.callback.__doc__ or ""  # type: ignore[union-attr]
        for paragraph in doc.split("\n\n"):
            text = " ".join(paragraph.split())
            if text:
                assert any(text in line for line in lines), (name, text, shown.stdout)
