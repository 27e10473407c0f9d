"""Title, publisher, publication date and url that an HTML page declares.

Publisher, first found of:

1. the site name trafilatura reads: og:site_name, the publisher and
   application-name meta tags, JSON-LD ``publisher``; never the headline (a
   ``<title>`` part trafilatura took for a site name because it has a dot,
   "$42.6 million"), a URL (a Facebook page in ``article:publisher``) or the
   host name (trafilatura's fallback; kept apart as ``hostname``, a publisher of
   last resort after what the text's own header lines say);
2. the part of ``<title>`` beside the headline: "Headline | The Harlan Courier".

Date, first found of (each read by `index.dates.parse_date`, so the one rule for
ambiguous numeric dates holds here too):

1. a publication-date meta tag (Open Graph ``article:published_time``,
   schema.org ``datePublished``, Dublin Core ``dc.date``, ``pubdate``, ...);
2. JSON-LD ``datePublished``;
3. the first ``<time>`` element of the page (its ``datetime``, else its text);
4. the first visible dateline or byline with a date ("Posted by Staff |
   June 25, 2024", "Posted June 25, 2024 by Staff";
   `index.header_lines.read_header_line`), for pages with no date markup;
5. a modification date (meta tag or JSON-LD ``dateModified``): the story is at
   least that old.

Sidebars, menus, footers, links and list items are never read for a date: their
dates belong to other stories or to the copyright line. trafilatura's own date
(htmldate) is not used: it guesses from any element, footers included, and reads
"10/02/2025" day-first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from index.dates import iso_date
from index.header_lines import read_header_line

__all__ = ["HtmlMetadata", "read_html_metadata"]

# meta name / property / itemprop values (lower-cased) that carry the publication date
PUBLISHED_KEYS = frozenset({
    "article:published_time", "article:published", "og:published_time", "og:article:published_time", "og:pubdate",
    "datepublished", "datecreated", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "published_time", "published-date", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.date", "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date",
    "parsely-pub-date", "sailthru.date", "article.published",
})  # fmt: skip
MODIFIED_KEYS = frozenset({
    "article:modified_time", "og:updated_time", "og:modified_time", "datemodified", "dcterms.modified",
    "last-modified", "lastmodified", "modified",
})  # fmt: skip
# Elements whose text is never the article's dateline: links, menus, lists of other stories, captions.
NOT_ARTICLE_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "nav", "footer", "aside",
    "a", "li", "figure", "figcaption", "form", "button", "select", "option",
})  # fmt: skip
MAX_DATELINE_CHARS = 200
# A site name is a name, not a sentence: a longer candidate is a headline taken for one.
MAX_SITE_NAME_WORDS = 8
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—•·»~:-]|::)\s+")


@dataclass(frozen=True)
class HtmlMetadata:
    title: str | None
    publisher: str | None
    published: str | None  # YYYY-MM-DD
    url: str | None
    hostname: str | None  # the page's host, "www." removed


def read_html_metadata(html: str) -> HtmlMetadata | None:
    """What the page declares about itself; None when it cannot be parsed."""
    import trafilatura

    doc = trafilatura.extract_metadata(html, extensive=False)
    tree = trafilatura.load_html(html)
    if doc is None or tree is None:
        return None
    headline = doc.title
    host = _host(doc.url)
    publisher = doc.sitename if _usable_site_name(doc.sitename, headline, host) else None
    return HtmlMetadata(
        title=headline,
        publisher=publisher or _site_beside_headline(tree, headline),
        published=_published(tree),
        url=doc.url,
        hostname=host,
    )


# --- publisher -------------------------------------------------------------------------


def _host(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


def _usable_site_name(name: str | None, headline: str | None, host: str | None) -> bool:
    if not name or not name.strip() or _same_text(name, headline):
        return False
    if "://" in name or name.lower().startswith("www.") or _same_text(name, host):
        return False
    return len(name.split()) <= MAX_SITE_NAME_WORDS


def _site_beside_headline(tree: Any, headline: str | None) -> str | None:
    """The site name in ``<title>`` next to the headline: "Headline - KXGR News Radio 1340"."""
    element = tree.find(".//head//title")
    if element is None or not headline:
        return None
    title = " ".join(element.text_content().split())
    norm_headline = " ".join(headline.split()).casefold()
    rest: str | None = None
    if title.casefold().startswith(norm_headline):
        match = _TITLE_SEPARATOR.match(title, len(norm_headline))
        rest = title[match.end() :] if match else None
    elif title.casefold().endswith(norm_headline):
        before = title[: len(title) - len(norm_headline)]
        separators = list(_TITLE_SEPARATOR.finditer(before))
        rest = before[: separators[-1].start()] if separators and separators[-1].end() == len(before) else None
    if not rest or not any(c.isalpha() for c in rest) or len(rest.split()) > MAX_SITE_NAME_WORDS:
        return None
    return rest.strip()


# --- date ----------------------------------------------------------------------------------


def _published(tree: Any) -> str | None:
    for candidates in (
        _meta_values(tree, PUBLISHED_KEYS),
        _json_ld_values(tree, "datePublished"),
        _time_values(tree),
        _visible_datelines(tree),
        _meta_values(tree, MODIFIED_KEYS),
        _json_ld_values(tree, "dateModified"),
    ):
        for value in candidates:
            found = iso_date(value)
            if found:
                return found
    return None


def _meta_values(tree: Any, keys: frozenset[str]) -> Iterator[str]:
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if key.strip().lower() in keys and element.get("content"):
            yield element.get("content")
    for element in tree.xpath(".//*[@itemprop][@datetime or @content]"):  # <span itemprop="datePublished" ...>
        if element.tag != "meta" and element.get("itemprop", "").strip().lower() in keys:
            yield element.get("datetime") or element.get("content")


def _json_ld_values(tree: Any, key: str) -> Iterator[str]:
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content(), strict=False)
        except ValueError:
            continue
        for node in _json_nodes(data):
            value = node.get(key)
            if isinstance(value, str):
                yield value


def _json_nodes(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _json_nodes(value)
    elif isinstance(data, list):
        for item in data:
            yield from _json_nodes(item)


def _article_elements(tree: Any, tag: str | None = None) -> Iterator[Any]:
    """Elements of the page body outside sidebars, menus, footers, links and lists, in document order."""
    body = tree.find(".//body")
    for element in (body if body is not None else tree).iter(tag):
        if not isinstance(element.tag, str) or element.tag in NOT_ARTICLE_TAGS:
            continue
        if any(isinstance(a.tag, str) and a.tag in NOT_ARTICLE_TAGS for a in element.iterancestors()):
            continue
        yield element


def _time_values(tree: Any) -> Iterator[str]:
    for element in _article_elements(tree, "time"):
        yield element.get("datetime") or element.text_content()


def _visible_datelines(tree: Any) -> Iterator[str]:
    for element in _article_elements(tree):
        text = " ".join(element.text_content().split())
        if not text or len(text) > MAX_DATELINE_CHARS:
            continue
        header = read_header_line(text)
        if header is not None and header.published is not None:
            yield header.published.isoformat()
