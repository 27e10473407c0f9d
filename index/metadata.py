"""Article metadata: title, publisher, publication date, url.

Each field is taken from the first source that gives a usable value:

1. `manifest.json` in the ingested folder (per file name);
2. what the loader read from the file itself: Markdown front matter, HTML meta
   tags / JSON-LD / `<title>` / a visible dateline, the PDF title;
3. the lines above the story in its text (`read_text_header`): a
   "Publisher / date" line, a byline ("By Jane Doe, AP, July 3, 2025"), a
   "Published ..." line, a masthead: a first line the page names again in a
   byline, a broadcaster's call-sign name ("KWRN News Radio 1230"), or a name
   right above the site menu or the edition's date, with a headline below;
4. for the title, the first line of the cleaned text that is not the masthead
   (the headline when the page had one: the cleaner drops the header lines
   above it), passing over a slogan in the masthead's block of lines when a
   headline follows; for the publisher of an HTML page, its host name; else
   "Unknown publisher" and no date.

Dates go through `index.dates.parse_date` (one rule for every source; an
ambiguous "03/07/2025" is no date). A value that is present but unusable
(an ambiguous date in the manifest) gives way to the next source.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from index.dates import find_dates, iso_date
from index.header_lines import (
    is_navigation_bar,
    is_prose,
    is_role,
    is_station_name,
    name_like,
    read_header_line,
    unmark,
)

MANIFEST_NAME = "manifest.json"
UNKNOWN_PUBLISHER = "Unknown publisher"
# Headlines are short; a first line longer than this is body text, not a title.
MAX_TITLE_CHARS = 160
# The header of a story is at most this many non-blank lines above its first paragraph.
MAX_HEADER_LINES = 15
# The nouns newspapers call themselves by ("MARROW FALLS MESSENGER", "THE KESTON STAR"): a name in capitals with one
# is a publisher's, however often the story names it ("told the Marrow Falls Messenger"). English nouns of the trade.
_A_PUBLICATION_WORD = re.compile(
    r"\b(?:NEWS|TIMES|HERALD|GAZETTE|JOURNAL|POST|TRIBUNE|LEDGER|COURIER|DISPATCH|BEACON|PRESS|SENTINEL|CHRONICLE|"
    r"OBSERVER|RECORD|REGISTER|REVIEW|EXAMINER|BULLETIN|MESSENGER|STAR|STANDARD|MONITOR|EXPRESS|DAILY|WEEKLY|"
    r"GUARDIAN|TELEGRAPH|INQUIRER|ENTERPRISE|LEADER|REPUBLICAN|DEMOCRAT|GLOBE|MAIL|VOICE|CITIZEN|PATRIOT)\b"
)
# The place a story is filed from, opening its first paragraph in capitals before a dash: "HARROWGATE - ",
# "BIRCH HOLLOW, Ore. (AP) - ". A byline may name it too ("By Jane Doe | HARROWGATE, June 14, 2023"), where it
# is no publisher.
_STORY_DATELINE = re.compile(
    r"^([A-Z][A-Z.'’-]*(?:[ ,]+[A-Z][A-Z.'’-]*){0,4})(?:,\s*[A-Z][a-z]{1,9}\.?)?\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s"
)
# Keys read from a manifest entry or front matter, most specific first.
TITLE_KEYS = ("title",)
PUBLISHER_KEYS = ("publisher", "source")
DATE_KEYS = ("published", "date")
URL_KEYS = ("url",)


@dataclass(frozen=True)
class ArticleMetadata:
    title: str
    publisher: str
    published: str | None  # YYYY-MM-DD
    url: str | None


@dataclass(frozen=True)
class TextHeader:
    """What the lines above a story say."""

    publisher: str | None = None
    published: str | None = None  # YYYY-MM-DD
    masthead: str | None = None  # the first line, when it is the publisher's name (not a title)


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


class ManifestUnreadableError(ValueError):
    """A manifest.json that exists but is not a JSON object with an "articles" object: rewriting it would lose it."""


# The keys a manifest entry may give each field by, most specific first (an edit sets the first, drops the rest).
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": TITLE_KEYS, "publisher": PUBLISHER_KEYS, "published": DATE_KEYS, "url": URL_KEYS,
}


def update_manifest_entry(folder: Path, file_name: str, changes: Mapping[str, str | None]) -> bytes | None:
    """Set (a string) or drop (None) fields of `file_name`'s entry in `folder/manifest.json`; returns the file's
    bytes before the change (None: there was no manifest), so a caller can put them back (`restore_manifest`).

    `changes` is keyed by the names of FIELD_KEYS. Other entries, other keys of this
    entry and the file's other top-level keys are kept; the file is replaced in
    one step (a temporary file renamed over it), so a reader never sees half of it.
    Raises ManifestUnreadableError for a manifest that is not valid, OSError when it can't be written.
    """

    def edit(entry: dict[str, Any]) -> dict[str, Any]:
        for field_name, value in changes.items():
            first, *aliases = FIELD_KEYS[field_name]
            for key in aliases:
                entry.pop(key, None)
            if value is None:
                entry.pop(first, None)
            else:
                entry[first] = value
        return entry

    return _rewrite_manifest(folder, file_name, edit)


def remove_manifest_entry(folder: Path, file_name: str) -> bool:
    """Drop `file_name`'s entry from `folder/manifest.json` (its file was deleted); False when there was none."""
    if file_name not in read_manifest(folder):
        return False
    _rewrite_manifest(folder, file_name, lambda entry: {})
    return True


def restore_manifest(folder: Path, before: bytes | None) -> None:
    """Put back the manifest `update_manifest_entry` changed (None: there was none, so remove it)."""
    path = folder / MANIFEST_NAME
    if before is None:
        path.unlink(missing_ok=True)
    else:
        write_atomically(path, before)


def _rewrite_manifest(folder: Path, file_name: str, edit: Any) -> bytes | None:
    path = folder / MANIFEST_NAME
    before = path.read_bytes() if path.is_file() else None
    data: Any = {"articles": {}}
    if before is not None:
        try:
            data = json.loads(before.decode("utf-8"))
        except ValueError as failure:
            raise ManifestUnreadableError(f"{path} is not valid JSON ({failure})") from failure
        if not isinstance(data, dict) or not isinstance(data.setdefault("articles", {}), dict):
            raise ManifestUnreadableError(f"{path} does not hold an \"articles\" object")
    entry = data["articles"].get(file_name)
    entry = edit(dict(entry) if isinstance(entry, dict) else {})
    if entry:
        data["articles"][file_name] = entry
    else:
        data["articles"].pop(file_name, None)
    write_atomically(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return before


def write_atomically(path: Path, data: bytes) -> None:
    """Write via a hidden temporary file in the same folder, renamed over `path`: never a half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_text_header(text: str) -> TextHeader:
    """Publisher and date from the lines above the story (its first paragraph of prose).

    Publisher: a name beside a date ("Millbrook Ledger / April 9, 2025"), else
    the organisation in a byline ("By Jane Doe, AP", "By Jane Doe | Harbor
    Gazette"), else the masthead: a first line that is a name the header repeats
    in a byline or staff credit ("The Harlan Courier" ... "Courier staff"), or,
    with a headline below it, a broadcaster's name ("KWRN News Radio 1230") or a
    name right above the site menu or the edition's date. Date: the first date in
    a dateline or byline, one labelled Updated only when there is no other.
    """
    lines = list(_header_lines(text))
    dateline_publisher = byline_publisher = None
    dates: list[tuple[bool, str]] = []  # (labelled "updated", YYYY-MM-DD)
    credit_words: set[str] = set()
    for line in lines:
        header = read_header_line(line)
        if header is None:
            if is_role(unmark(line)):
                credit_words.update(_words(line))
            continue
        if header.published is not None:
            dates.append((header.updated, header.published.isoformat()))
        if header.kind == "dateline":
            dateline_publisher = dateline_publisher or header.publisher
        else:
            byline_publisher = byline_publisher or header.publisher
            credit_words.update(header.credit_words)
    masthead = _masthead(lines, credit_words) if lines else None
    published = next((d for updated, d in dates if not updated), None) or next((d for _, d in dates), None)
    filed_from = _dateline_place(text)
    named = [name for name in (dateline_publisher, byline_publisher)
             if name and not _a_place_of_the_story(name, text, filed_from)]  # fmt: skip
    return TextHeader(publisher=next(iter(named), None) or masthead, published=published, masthead=masthead)


def _dateline_place(text: str) -> str | None:
    """The place the story's first paragraph opens with ("tarnby" of "TARNBY - The council ..."), casefolded."""
    first = next((line.strip() for line in text.split("\n") if is_prose(line.strip())), "")
    opening = _STORY_DATELINE.match(unmark(first))
    return opening.group(1).strip(" ,").casefold() if opening else None


def _a_place_of_the_story(name: str, text: str, filed_from: str | None) -> bool:
    """Whether a name beside a byline's date is the place the story is filed from, not its publisher: the place
    its first paragraph opens with (`filed_from`), or a name in capitals that the story writes in its own words
    ("NORTH TARNBY" and "the North Tarnby council"; not "AP" and "(AP)")."""
    if filed_from is not None and name.casefold() == filed_from:
        return True
    return (name.isupper() and not _A_PUBLICATION_WORD.search(name)
            and re.search(rf"(?<![\w(]){re.escape(name.title())}(?!\w)", text) is not None)  # fmt: skip


def _header_lines(text: str) -> Iterable[str]:
    count = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if is_prose(line) or count >= MAX_HEADER_LINES:
            return
        count += 1
        yield line


_SEPARATOR_CHARS = "|/·•–—"


def _masthead(lines: list[str], credit_words: set[str]) -> str | None:
    """The first line's name ("NewsChannel 8" of "NewsChannel 8 | WTVL") when it is the outlet's name.

    It is when a byline or credit repeats it; or, when a headline follows in the
    header, when it is a broadcaster's name (call sign and channel) or stands right
    above the site menu or a bare edition date ("Thursday, May 8, 2025"), where a
    kicker or a headline does not.
    """
    first_line = lines[0]
    if read_header_line(first_line) is not None or is_navigation_bar(first_line):
        return None
    text = unmark(first_line)
    for sep in _SEPARATOR_CHARS:
        text = text.split(f" {sep} ")[0]
    text = text.strip()
    if not name_like(text):
        return None
    distinctive = {w for w in _words(text) if len(w) >= 3 and w not in {"the", "and", "for"}}
    if distinctive & credit_words:
        return text
    placed = is_station_name(first_line) or (
        len(lines) > 1 and (is_navigation_bar(lines[1]) or _is_bare_date(lines[1]))
    )
    return text if placed and any(_headline_shaped(line) for line in lines[1:]) else None


def _is_bare_date(line: str) -> bool:
    """A date and nothing else ("Thursday, May 8, 2025"): an edition date, not a labelled story time."""
    text = unmark(line)
    found = find_dates(text, ambiguous=True)
    if len(found) != 1:
        return False
    return not any(c.isalnum() for c in text[: found[0].start] + text[found[0].end :])


# A headline has at least this many words (the cleaner takes shorter header lines for labels).
MIN_HEADLINE_WORDS = 4


def _headline_shaped(line: str) -> bool:
    """A header line that could be the headline: words enough, and no byline, dateline, menu or role."""
    text = unmark(line)
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return (
        len(words) >= MIN_HEADLINE_WORDS
        and read_header_line(text) is None
        and not is_navigation_bar(text)
        and not is_role(text)
    )


def _words(text: str) -> set[str]:
    return {w.strip(".,;:()'’\"“”").lower() for w in text.split()} - {""}


def infer_title(text: str, fallback: str, skip: str | None = None, header_text: str | None = None) -> str:
    """The headline: the first line of `text` (Markdown marks removed) that is not the masthead `skip`,
    shortened when it is body text.

    `header_text` is the text `text` was cleaned from. When the lines above the story
    offer more than one headline, those in its first block of lines (up to the first
    blank line) are passed over when that block is the site's masthead, its menu
    or the edition's date: a line there is a slogan ("Serving the valley since
    1898"), and the headline is below.
    """
    lines = [unmark(line) for line in text.split("\n")]
    kept = [i for i, line in enumerate(lines) if line and not _is_masthead_line(line, skip)]
    if not kept:
        return fallback
    header = []
    for i in kept:
        if is_prose(lines[i]):
            break
        header.append(i)
    if len(header) >= 2 and header_text is not None:
        in_masthead_block = _in_masthead_block(text, header_text, skip)
        below = [i for i in header if i not in in_masthead_block]
        if below and len(below) < len(header):
            kept = below
    line = lines[kept[0]]
    return line if len(line) <= MAX_TITLE_CHARS else line[: MAX_TITLE_CHARS - 1].rstrip() + "…"


def _is_masthead_line(line: str, masthead: str | None) -> bool:
    return bool(masthead) and (line == masthead or bool(re.match(rf"{re.escape(masthead)}\s+[{_SEPARATOR_CHARS}-]\s", line)))


def _in_masthead_block(text: str, header_text: str, masthead: str | None) -> set[int]:
    """Lines of `text` (by index) that stand in the first block of `header_text` when that block is the
    site's masthead: it holds the masthead, a menu or a bare date."""
    cleaned = text.split("\n")
    block: list[tuple[str, int | None]] = []  # (raw line, index in `text` when the cleaner kept it)
    at = 0
    for raw in header_text.split("\n"):
        line = raw.strip()
        if not line:
            if block:
                break
            continue
        while at < len(cleaned) and not cleaned[at].strip():
            at += 1
        kept = at < len(cleaned) and cleaned[at] == line
        block.append((line, at if kept else None))
        at += 1 if kept else 0
    chrome = any(
        _is_masthead_line(unmark(line), masthead) or is_navigation_bar(line) or _is_bare_date(line)
        for line, _ in block
    )
    return {i for _, i in block if i is not None} if chrome else set()


def resolve_metadata(
    file_name: str,
    text: str,
    manifest_entry: Mapping[str, Any] | None,
    loader_metadata: Mapping[str, str],
    header_text: str | None = None,
) -> ArticleMetadata:
    """Merge the metadata sources, most explicit first.

    `text` is the cleaned text (its first line is the headline); `header_text`
    the text before cleaning, whose header lines say who published it and when
    (the cleaned text no longer has them). Without it, `text` is read for both.
    """
    sources = [manifest_entry or {}, loader_metadata]
    header = read_text_header(header_text if header_text is not None else text)
    title = _first(sources, TITLE_KEYS) or infer_title(
        text, Path(file_name).stem, skip=header.masthead, header_text=header_text
    )
    publisher = (
        _first(sources, PUBLISHER_KEYS) or header.publisher or _first(sources, ("hostname",)) or UNKNOWN_PUBLISHER
    )
    published = next((d for d in (iso_date(v) for v in _values(sources, DATE_KEYS)) if d), None) or header.published
    url = _first(sources, URL_KEYS)
    return ArticleMetadata(title=title, publisher=publisher, published=published, url=url)


def _values(sources: Iterable[Mapping[str, Any]], keys: Iterable[str]) -> Iterable[Any]:
    for source in sources:
        for key in keys:
            value = source.get(key)
            if value not in (None, ""):
                yield value


def _first(sources: Iterable[Mapping[str, Any]], keys: Iterable[str]) -> str | None:
    for value in _values(sources, keys):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # a title like 1984 read as a number from JSON
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None
