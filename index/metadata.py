"""Article metadata: title, publisher, publication date, url.

Precedence: a `manifest.json` in the ingested folder, then what the loader
found (front matter, HTML meta, PDF info), then inference from the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Mapping

MANIFEST_NAME = "manifest.json"
UNKNOWN_PUBLISHER = "Unknown publisher"
# Headlines are short; a first line longer than this is body text, not a title.
MAX_TITLE_CHARS = 160


@dataclass(frozen=True)
class ArticleMetadata:
    title: str
    publisher: str
    published: str | None  # YYYY-MM-DD
    url: str | None


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """Per-file metadata from `folder/manifest.json`, keyed by file name; {} when absent or unreadable."""
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    articles = data.get("articles", {}) if isinstance(data, dict) else {}
    if not isinstance(articles, dict):  # e.g. a list: unusable, like bad JSON
        return {}
    return {str(k): v for k, v in articles.items() if isinstance(v, dict)}


def normalise_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date, datetime or common date string; None when it isn't one."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    for fmt in ("%d %b %Y", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    match = re.search(r"\b(\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})\b", text)
    if match:
        return normalise_date(match[1])
    return None


def infer_title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else line[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return fallback


def resolve_metadata(
    file_name: str,
    text: str,
    manifest_entry: Mapping[str, Any] | None,
    loader_metadata: Mapping[str, str],
) -> ArticleMetadata:
    """Merge the metadata sources, most explicit first."""
    merged: dict[str, Any] = {}
    for source in (loader_metadata, manifest_entry or {}):
        merged.update({k: v for k, v in source.items() if v not in (None, "")})
    title = str(merged.get("title") or infer_title(text, Path(file_name).stem))
    publisher = str(merged.get("publisher") or merged.get("source") or UNKNOWN_PUBLISHER)
    published = normalise_date(merged.get("published") or merged.get("date"))
    url = merged.get("url") or None
    return ArticleMetadata(title=title, publisher=publisher, published=published, url=str(url) if url else None)
