"""Article ids: unique by construction, readable in any script, the same on every run.

An article's id is a readable slug of its file name plus a short hash of its
*key*, `<slug>~<8 hex digits>`:

- a file inside a namespace folder (the uploads folder, the managed articles
  folder) has the key `<namespace>/<path relative to that folder>`, so the id
  survives moving the folder; uploads' ids also carry the prefix `upload/`, so
  an upload can never take the id of an article from anywhere else;
- any other file has its absolute path (symbolic links resolved) as its key,
  so `a/article.txt` and `b/article.txt` never share an id, whichever run
  ingested them.

The id is a function of the file's place alone: ingesting the same file again,
through its folder or on its own, gives the same id. Ids written by earlier
versions (the path relative to the folder ingested, e.g. `article.txt`) are
recognised by `is_current_id` and re-keyed by the pipeline.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

__all__ = ["MAX_SLUG_CHARS", "MAX_SUFFIX_CHARS", "Namespace", "article_id", "article_key", "is_current_id", "slug"]

HASH_CHARS = 8
MAX_SLUG_CHARS = 60
MAX_SUFFIX_CHARS = 16
_CURRENT_ID = re.compile(rf"(?:[\w-]+/)?[^/]+~[0-9a-f]{{{HASH_CHARS}}}")
# Ids of this scheme whose namespace prefix is ASCII (Sourced's are: "upload/"), as a regular expression the
# keyword index (Rust's syntax, the same here) builds in a millisecond: Unicode's \w took ~0.8 s to build.
# Every id it matches is current; an id outside it may still be (a prefix in another script): check it exactly.
CURRENT_ASCII_ID_PATTERN = rf"(?:[A-Za-z0-9_-]+/)?[^/]+~[0-9a-f]{{{HASH_CHARS}}}"


@dataclass(frozen=True)
class Namespace:
    """A folder whose files are keyed by their path inside it; `prefix`, when set, starts their ids."""

    name: str
    folder: Path
    prefix: str = ""

    def resolved(self) -> "Namespace":
        return Namespace(self.name, Path(self.folder).expanduser().resolve(), self.prefix)


def slug(name: str) -> str:
    """A file name made safe to read in an id: letters and digits of any script kept, the rest a hyphen."""
    name = unicodedata.normalize("NFC", name)
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        stem, suffix = name, ""
    # by Unicode category rather than \w: \w drops the vowel signs and viramas of Indic scripts
    kept = "".join(ch if unicodedata.category(ch)[0] in "LNM" or ch == "_" else "-" for ch in stem)
    stem = re.sub(r"-{2,}", "-", kept).strip("-")[:MAX_SLUG_CHARS].rstrip("-") or "article"
    suffix = "".join(ch for ch in suffix if ch.isalnum()).lower()[:MAX_SUFFIX_CHARS]
    return f"{stem}.{suffix}" if suffix else stem


def _namespace_of(path: Path, namespaces: Sequence[Namespace]) -> Namespace | None:
    # the deepest folder wins (an uploads folder inside the articles folder is still uploads)
    inside = [ns for ns in namespaces if path.is_relative_to(ns.folder)]
    return max(inside, key=lambda ns: len(ns.folder.parts), default=None)


def article_key(path: Path, namespaces: Sequence[Namespace] = ()) -> str:
    """What the id's hash is taken of: `<namespace>/<relative path>`, or the absolute path."""
    resolved = Path(path).expanduser().resolve()
    namespace = _namespace_of(resolved, [ns.resolved() for ns in namespaces])
    if namespace is None:
        return resolved.as_posix()
    return f"{namespace.name}/{resolved.relative_to(namespace.folder).as_posix()}"


def article_id(path: Path, namespaces: Sequence[Namespace] = ()) -> str:
    """The id of the article read from `path` (see the module docstring)."""
    resolved = Path(path).expanduser().resolve()
    namespace = _namespace_of(resolved, [ns.resolved() for ns in namespaces])
    digest = hashlib.sha256(article_key(resolved, namespaces).encode("utf-8")).hexdigest()[:HASH_CHARS]
    prefix = f"{namespace.prefix}/" if namespace is not None and namespace.prefix else ""
    return f"{prefix}{slug(resolved.name)}~{digest}"


def is_current_id(value: str) -> bool:
    """True for ids of this scheme; False for the file-name ids of earlier versions."""
    return bool(_CURRENT_ID.fullmatch(value))
