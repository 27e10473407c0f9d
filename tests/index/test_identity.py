"""Article ids: readable in any script, unique by where the file is, the same however the file is reached."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.identity import MAX_SLUG_CHARS, MAX_SUFFIX_CHARS, Namespace, article_id, article_key, is_current_id, slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_037889587b53874b.txt", "000_037889587b53874b.txt"),
        ("Путин.txt", "Путин.txt"),
        ("Путин (2).TXT", "Путин-2.txt"),
        ("हिन्दी समाचार.md", "हिन्दी-समाचार.md"),  # vowel signs and viramas are kept
        ("特朗普 访问.html", "特朗普-访问.html"),
        ("a::b ~ c.txt", "a-b-c.txt"),  # "::" separates passage ids, "~" the hash
        ("!!!.pdf", "article.pdf"),
        ("README", "README"),
        (".hidden.txt", "hidden.txt"),
    ],
)
def test_slugs_keep_every_script_readable(name: str, expected: str) -> None:
    assert slug(name) == expected


@given(st.text(min_size=1, max_size=300))
def test_a_slug_is_never_empty_and_never_holds_a_separator(name: str) -> None:
    value = slug(name)
    assert value and len(value) <= MAX_SLUG_CHARS + 1 + MAX_SUFFIX_CHARS
    assert not any(ch in value for ch in "/\\:~ \t\n")
    assert is_current_id(f"{value}~0123abcd")


def test_the_id_is_the_slug_and_a_hash_of_the_absolute_path(tmp_path: Path) -> None:
    path = tmp_path / "Путин.txt"
    digest = hashlib.sha256(path.resolve().as_posix().encode("utf-8")).hexdigest()[:8]
    assert article_id(path) == f"Путин.txt~{digest}"
    assert is_current_id(article_id(path))


def test_two_folders_same_name_two_ids_and_one_file_one_id_however_reached(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.txt").write_text("x")
    assert article_id(tmp_path / "a" / "article.txt") != article_id(tmp_path / "b" / "article.txt")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    spellings = [tmp_path / "a" / "article.txt", tmp_path / "b" / ".." / "a" / "article.txt", tmp_path / "link" / "article.txt"]
    assert len({article_id(p) for p in spellings}) == 1
    cwd = os.getcwd()
    try:
        os.chdir(tmp_path)
        assert article_id(Path("a/article.txt")) == article_id(spellings[0])
    finally:
        os.chdir(cwd)


def test_namespaces_key_files_by_their_place_inside_and_uploads_get_a_prefix(tmp_path: Path) -> None:
    def spaces(root: Path) -> list[Namespace]:
        return [Namespace("articles", root / "articles"), Namespace("upload", root / "articles" / "uploads", "upload")]

    managed = tmp_path / "one" / "articles" / "gen_001.txt"
    uploaded = tmp_path / "one" / "articles" / "uploads" / "gen_001.txt"
    assert article_key(managed, spaces(tmp_path / "one")) == "articles/gen_001.txt"
    assert article_key(uploaded, spaces(tmp_path / "one")) == "upload/gen_001.txt"  # the deepest namespace wins
    ids = {article_id(managed, spaces(tmp_path / "one")), article_id(uploaded, spaces(tmp_path / "one")), article_id(managed)}
    assert len(ids) == 3, "an upload, a managed file and a file ingested by path never share an id"
    assert article_id(uploaded, spaces(tmp_path / "one")).startswith("upload/gen_001.txt~")
    # a namespace folder moved elsewhere: the same ids
    moved = tmp_path / "two" / "articles" / "gen_001.txt"
    assert article_id(moved, spaces(tmp_path / "two")) == article_id(managed, spaces(tmp_path / "one"))


@pytest.mark.parametrize(
    ("value", "current"),
    [
        ("000_037889587b53874b.txt", False),
        ("sub/story.txt", False),
        ("article.txt", False),
        ("portmere_ferries.md", False),
        ("000_037889587b53874b.txt~0a1b2c3d", True),
        ("upload/Путин.txt~0a1b2c3d", True),
        ("upload/Путин.txt~0A1B2C3D", False),
    ],
)
def test_ids_of_the_earlier_scheme_are_told_apart(value: str, current: bool) -> None:
    assert is_current_id(value) is current


def test_the_bundled_corpus_ids_do_not_depend_on_where_it_is_installed(tmp_path: Path) -> None:
    from rag.settings import BUNDLED_ARTICLES_DIR

    copy = tmp_path / "elsewhere"
    shutil.copytree(BUNDLED_ARTICLES_DIR, copy)
    name = "000_037889587b53874b.txt"
    assert article_id(copy / name, [Namespace("articles", copy)]) == article_id(
        BUNDLED_ARTICLES_DIR / name, [Namespace("articles", BUNDLED_ARTICLES_DIR)]
    )
