"""The lines above a story that say who published it and when: bylines, datelines, navigation.

Pages copied as text start with lines such as::

    Millbrook Ledger / April 9, 2025
    Home | News | Sports | Opinion
    By Jane Doe, AP, July 3, 2025
    By Jane Doe | Harbor Gazette
    Published April 9, 2025

`read_header_line` tells what such a line says (a publisher, a date) and
`is_navigation_bar` recognises menus and breadcrumbs. The cleaner drops these
lines (they are not reporting) and the metadata step reads them, so both use
this one reading. A line is read only when all of it is accounted for: names,
a date and time, labels such as "Published", reading times ("3 min read");
a sentence that merely starts with "By" or mentions a date is not a header line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Literal

from index.dates import TIME_PATTERN, find_dates

__all__ = [
    "HeaderLine",
    "is_navigation_bar",
    "is_prose",
    "is_role",
    "is_station_name",
    "name_like",
    "read_header_line",
    "unmark",
]

# Words that may stand lower-case inside a name ("Bank of the West", "Ludwig van Beethoven").
_CONNECTORS = frozenset({"of", "the", "and", "&", "for", "on", "in", "at", "de", "da", "del", "der", "den", "van",
                         "von", "la", "le", "du", "y", "al", "el", "bin", "ibn"})  # fmt: skip
# Newsroom roles: "Staff Writer", "Courier staff", "Senior Correspondent" say who someone is, not who published.
_ROLE_NOUNS = frozenset({
    "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
    "columnist", "columnists", "contributor", "contributors", "photographer", "photographers", "meteorologist",
    "producer", "producers", "intern", "interns", "critic", "analyst", "anchor", "journalist", "journalists",
})  # fmt: skip
# Labels that say what a date is.
_LABEL = r"(?:(?:first\s+)?published|(?:last\s+)?updated|posted|modified|dated?)(?:\s+(?:on|at))?"
MAX_HEADER_WORDS = 24  # a header line is short; longer lines are prose
# Words of site menus copied without their separators ("Home News Sports Obituaries Contact").
_MENU_WORDS = frozenset({
    "home", "news", "local", "sports", "weather", "opinion", "obituaries", "obits", "contact", "subscribe",
    "login", "log", "sign", "in", "register", "e-edition", "classifieds", "business", "entertainment",
    "lifestyle", "life", "video", "videos", "photos", "podcasts", "events", "jobs", "search", "menu", "about",
    "us", "advertise", "listen", "live", "watch", "traffic", "politics", "world", "nation", "health",
    "education", "schools", "community", "calendar", "newsletters", "shop", "donate", "tips", "arts",
    "features", "editorials", "letters", "columns", "more", "archives", "radio", "tv", "shows", "schedule",
})  # fmt: skip


@dataclass(frozen=True)
class HeaderLine:
    kind: Literal["byline", "dateline"]  # a dateline is a date with at most a publisher and labels
    publisher: str | None
    published: date | None
    updated: bool = False  # the date is labelled Updated/Modified, not Published/Posted (the story may be older)
    credit_words: frozenset[str] = frozenset()  # words of the byline's other parts ("Courier staff" -> courier)


@cache
def _rx(source: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(source, flags)


_MARKUP = r"^(?:#{1,6}\s+|[*_>]+\s*)+|[*_]+$"
# Between the parts of a header line: pipes, bullets, slashes and dashes with spaces around them, commas.
_DATE_MARK, _TIME_MARK = "\x00", "\x01"  # where a date or a time was taken out of a line
_SEPARATOR = r"\s+[|/·•–—-]\s+|\s*[|·•\x00\x01]\s*|\s*,\s*|\s+(?:at|on)\s+"
_BYLINE_PREFIX = r"^(?:(?:posted|written|submitted|words|story)\s+)?by\s+"
_READING_TIME = r"^\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read$"
_SENTENCE_END = r"[.!?…:;]['’\"”)\]]*$|[\"”’]$"


def unmark(line: str) -> str:
    """The line without Markdown heading and emphasis marks around it ("**By Jane Doe**" -> "By Jane Doe")."""
    return _rx(_MARKUP).sub("", line.strip()).strip()


def name_like(part: str, max_words: int = 6) -> bool:
    """A proper name: a few words, each capitalised, a number or a connector ("Bank of the West", "KHAR 5")."""
    words = part.split()
    if not 1 <= len(words) <= max_words or not any(c.isalpha() for c in part):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if part.endswith(("!", "?", ":", ";", ",")) or (part.endswith(".") and len(words[-1]) > 4):
        return False  # a short last word with a dot is an abbreviation ("Co.", "Inc.", "D.C.")
    for word in words:
        core = word.strip("()[]'’\"“”")
        if not core or (core.lower() not in _CONNECTORS and not (core[0].isupper() or core[0].isdigit())):
            return False
    return True


def is_role(part: str) -> bool:
    """A newsroom role: "Staff Writer", "Courier staff", "StormWatch 5 Meteorologist", "Special to the Gazette"."""
    words = part.split()
    if not 1 <= len(words) <= 5:
        return False
    if part.lower().startswith("special to "):
        return True
    return words[-1].lower().strip(".") in _ROLE_NOUNS and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _ROLE_NOUNS or w.lower() in _CONNECTORS for w in words
    )


def is_prose(line: str) -> bool:
    """A paragraph of the story: a sentence of eight words or more, or any line of twenty words or more."""
    n = sum(any(ch.isalnum() for ch in word) for word in line.split())  # a menu's "|" is no word
    return n >= 20 or (n >= 8 and bool(_rx(_SENTENCE_END).search(line.rstrip())))


def is_navigation_bar(line: str) -> bool:
    """A menu or breadcrumb: "Home | News | Sports", "Subscribe | Log in | e-Edition", "News › Local Government".

    At least three items between pipes, bullets or spaced slashes ("Home / News /
    Local Government"), or two between breadcrumb arrows; every item one to four
    words, starting with a letter (or a channel's number: "8 On Your Side"), no
    sentence punctuation and no date. A menu
    copied without its separators is three or more capitalised menu words
    ("Home News Sports Obituaries Contact").
    """
    text = unmark(line)
    if _rx(r"\s[›»>]\s|[›»]").search(text):
        items, least = _rx(r"\s*[›»]\s*|\s+>\s+").split(text), 2
    else:
        items, least = _rx(r"\s+[|·•/]\s+|\s*\|\s*").split(text), 3
    items = [item.strip() for item in items]
    if len(items) == 1:
        words = text.split()
        return len(words) >= 3 and all(w[0].isupper() and w.lower() in _MENU_WORDS for w in words)
    if len(items) < least or find_dates(text, ambiguous=True):
        return False
    return all(
        item
        and 1 <= len(item.split()) <= 4
        # a broadcaster's menu names segments by its channel: "8 On Your Side", "4 Investigates"
        and (item[0].isalpha() or (item[0].isdigit() and len(item.split()) > 1 and item.split()[1][0].isalpha()))
        and not _rx(_SENTENCE_END).search(item)
        for item in items
    )


# A broadcaster's call sign ("KBRM", "WVCQ", "ABC"; "KXGR-FM") and a channel or frequency ("6", "1490", "101.7").
_CALL_SIGN = r"^[A-Z]{3,4}(?:-[A-Z]{2})?$"
_CHANNEL = r"^\d{1,4}(?:\.\d)?$"


def is_station_name(line: str) -> bool:
    """A broadcaster's name: a call sign, a channel or frequency number and a few capitalised words
    ("KBRM News Talk 1490", "WVCQ 6 News", "NewsChannel 8 | WTVL"): it names the outlet, never the story.

    The name is the call sign, the number right after it or last, and at most four other
    capitalised words; or a name with a number beside a bare call sign across a pipe, slash or dash.
    """
    text = unmark(line)
    parts = [p.strip() for p in _rx(r"\s+[|/·•–—-]\s+|\s*\|\s*").split(text) if p.strip()]
    if not parts or not all(name_like(p) for p in parts):
        return False
    if len(parts) >= 2:
        return any(_rx(_CALL_SIGN, 0).match(p) for p in parts) and any(c.isdigit() for c in text)
    words = parts[0].split()
    return (
        2 <= len(words) <= 6
        and bool(_rx(_CALL_SIGN, 0).match(words[0]))
        and any(_rx(_CHANNEL).match(w) for w in (words[1], words[-1]))  # "WVCQ 6 News", "KBRM News Talk 1490"
    )


@lru_cache(maxsize=4096)  # the cleaner asks twice per line (byline, dateline)
def read_header_line(line: str) -> HeaderLine | None:
    """What a byline or dateline says, or None when the line is anything else.

    Bylines start with "By" and a name; the parts after the name may be roles,
    a publisher, a date and a reading time ("By Jane Doe, AP, July 3, 2025").
    Datelines are a date, with labels ("Published", "Updated") and at most a
    publisher's name ("Millbrook Ledger / April 9, 2025").
    """
    text = unmark(line)
    if not text or len(text.split()) > MAX_HEADER_WORDS:
        return None
    if not _rx(_BYLINE_PREFIX).match(text) and not any(c.isdigit() for c in text):
        return None  # neither a byline nor a date: most lines of a story, cheaply
    dates = find_dates(text, ambiguous=True)
    # Take the dates and times out, leaving a mark so the parts around them stay apart.
    rest = text
    for found in reversed(dates):
        rest = rest[: found.start] + f" {_DATE_MARK} " + rest[found.end :]
    rest = _rx(TIME_PATTERN).sub(f" {_TIME_MARK} ", rest)
    labelled_update = bool(_rx(r"\b(?:last\s+)?(?:updated|modified)\b").search(rest)) and not _rx(
        r"\b(?:published|posted)\b"
    ).search(rest)
    published = next((d.value for d in dates if d.value), None)  # an ambiguous date says no date

    byline = _rx(_BYLINE_PREFIX).match(rest)
    if byline:
        return _read_byline(rest[byline.end() :], published, labelled_update)
    if not dates:
        return None
    # "Posted March 14, 2019 by Jane Doe": a date (and labels) first, then the byline.
    late_byline = _rx(rf"[\s,]by\s+(?=[^{_DATE_MARK}]*$)").search(rest)
    if late_byline and _DATE_MARK in rest[: late_byline.start()]:
        if all(_is_label(part) for part in _parts(rest[: late_byline.start()])):
            return _read_byline(rest[late_byline.end() :], published, labelled_update)
        return None
    parts = _parts(rest)
    # A name beside the date must be set off by a pipe, slash, bullet or dash: "Millbrook Ledger / April 9,
    # 2025" names a publisher, "Opening Day, April 9, 2025" is a heading.
    strong_separator = bool(_rx(r"\s[|/·•–—-]\s|[|·•]").search(text))
    names = []
    for part in parts:
        if _is_label(part):
            continue
        if not (strong_separator and name_like(part)):
            return None
        names.append(part)
    publisher = names[0] if names and not is_role(names[0]) else None
    return HeaderLine("dateline", publisher, published, updated=labelled_update)


def _is_label(part: str) -> bool:
    """A word that says what a date is ("Published", "Updated on"), a lone "at", or a reading time."""
    return bool(_rx(rf"^(?:{_LABEL}|on|at)\s*:?$").match(part) or _rx(_READING_TIME).match(part))


def _parts(text: str) -> list[str]:
    stray = " .:|/·•–—-"  # separators left at the edge of a part
    return [p.strip(stray) for p in _rx(_SEPARATOR).split(text) if p and p.strip(stray)]


def _read_byline(rest: str, published: date | None, updated: bool) -> HeaderLine | None:
    # The author first, then roles, more authors, the organisation, the date: "By Jane Doe, AP, July 3, 2025".
    parts = _parts(rest)
    if not parts:
        return None
    author, others = parts[0], parts[1:]
    if not _authors_like(author):
        return None
    publisher: str | None = None
    credit: set[str] = set()
    before_date = _parts(rest.split(_DATE_MARK)[0])
    for part in others:
        if _is_label(part):
            continue
        if is_role(part):
            credit.update(w.lower() for w in part.split())
            continue
        if _rx(r"\s(?:and|&)\s").search(part) and _authors_like(part):
            continue  # more authors: "By Jane Doe, John Roe and Ann Poe"
        if not name_like(part):
            return None
        credit.update(w.lower() for w in part.split())
        if part in before_date[1:]:
            publisher = part  # the last name before the date: the organisation the author writes for
    return HeaderLine("byline", publisher, published, updated=updated, credit_words=frozenset(credit))


def _authors_like(part: str) -> bool:
    names = _rx(r"\s*(?:,|\band\b|&)\s*").split(part)
    return all(name_like(name, max_words=4) for name in names if name) and any(names)
