"""Read article files into text plus whatever metadata the file itself carries.

Supported: plain text, Markdown (optional YAML front matter), HTML (main text via
trafilatura, offline) and PDF (text layer via pypdf). The returned text is the raw
article text, decoded and with newlines normalised to ``\\n``; boilerplate
removal happens later in ``index.cleaning``.

Every problem with a file is reported as ``SkippedFile`` with a one-sentence
reason, so the ingest pipeline can list skipped files and carry on.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.dates import iso_date
from index.html_metadata import read_html_metadata

__all__ = ["SUPPORTED_SUFFIXES", "LoadedDocument", "SkippedFile", "load_document"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")


@dataclass(frozen=True)
class LoadedDocument:
    path: Path
    text: str  # decoded, newline-normalised text (raw, before cleaning)
    # any of: title, publisher, published (YYYY-MM-DD), url; and for HTML, hostname (the site's
    # host name, a publisher of last resort when neither the page nor its text names one)
    metadata: dict[str, str]


class SkippedFile(Exception):
    """Raised with a one-sentence reason when a file cannot be ingested."""

    def __init__(self, path: Path, reason: str):
        # Both values go to Exception.args so the exception survives pickling
        # (e.g. when ingest runs in worker processes).
        super().__init__(path, reason)
        self.path = Path(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


def load_document(path: Path, max_bytes: int = 10_000_000) -> LoadedDocument:
    """Load one file; raise ``SkippedFile`` (and nothing else) for a bad file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(no extension)"
        raise SkippedFile(path, f"unsupported file type {shown}; use .txt, .md, .html or .pdf")

    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise SkippedFile(path, "is empty")

    try:
        if suffix == ".pdf":
            text, metadata = _load_pdf(path, data)
        elif suffix in (".html", ".htm"):
            text, metadata = _load_html(path, data)
        elif suffix in (".md", ".markdown"):
            text, metadata = _load_markdown(path, data)
        else:
            text, metadata = _decode_text(path, data), {}
    except SkippedFile:
        raise
    except Exception as exc:  # a parser bug on one odd file must not stop the ingest
        detail = (str(exc).strip().splitlines() or [""])[0]
        raise SkippedFile(path, f"could not be read ({type(exc).__name__}: {detail})") from exc

    if not text.strip():
        raise SkippedFile(path, "is empty")
    return LoadedDocument(path=path, text=text, metadata=metadata)


# --- reading and decoding ----------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise SkippedFile(path, "is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise SkippedFile(path, f"is larger than the {_megabytes(max_bytes)} MB limit")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except SkippedFile:
        raise
    except FileNotFoundError:
        raise SkippedFile(path, "does not exist") from None
    except PermissionError:
        raise SkippedFile(path, "could not be read: permission denied") from None
    except OSError as exc:
        raise SkippedFile(path, f"could not be read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise SkippedFile(path, f"is larger than the {_megabytes(max_bytes)} MB limit")
    return data


def _megabytes(n_bytes: int) -> str:
    return f"{n_bytes / 1_000_000:g}"


_BINARY = "looks like a binary file, not text"
_UNDECODABLE = "could not be decoded as text"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"SQLite format 3\x00",
)


def _decode_text(path: Path, data: bytes) -> str:
    """Decode bytes to text, refusing binary data, and normalise newlines."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                # A BOM is an explicit declaration; guessing past it would
                # produce mojibake rather than the author's text.
                raise SkippedFile(path, _UNDECODABLE) from None
            return _finish(path, text)

    if data.startswith(_MAGIC):
        raise SkippedFile(path, _BINARY)

    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise SkippedFile(path, _BINARY)
        try:
            return _finish(path, data.decode(encoding))
        except UnicodeDecodeError:
            raise SkippedFile(path, _UNDECODABLE) from None

    try:
        return _finish(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass

    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        # Nothing fits: tell binary junk apart from text in an unknown encoding.
        if _control_ratio(data.decode("latin-1")) > _MAX_CONTROL_RATIO:
            raise SkippedFile(path, _BINARY)
        raise SkippedFile(path, _UNDECODABLE)
    best = matches[0]
    # On short texts charset-normalizer often ranks cp1257 or mac_latin2 above
    # cp1252 for plain Latin-1 prose ("déją vu"). Legacy-encoded English and
    # Western European news is overwhelmingly cp1252/Latin-1, so that reading
    # wins whenever it is nearly as clean as the top guess; when the bytes are
    # not valid cp1252 text (e.g. Polish cp1250) it is not a candidate at all.
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.percent_chaos <= best.percent_chaos + _CP1252_MARGIN:
            best = match
            break
    return _finish(path, str(best))


_CP1252_MARGIN = 10.0  # percentage points of charset-normalizer "chaos"


def _bomless_utf16(data: bytes) -> str | None:
    # Text in UTF-16 without a BOM has a NUL in every other byte (for the Latin
    # range); binary files have NULs scattered anywhere.
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_MAX_CONTROL_RATIO = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    )
    return bad / len(sample)


def _finish(path: Path, text: str) -> str:
    text = text.removeprefix("\ufeff")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise SkippedFile(path, _BINARY)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Markdown ----------------------------------------------------------------------


def _load_markdown(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    import frontmatter

    text = _decode_text(path, data)
    try:
        post = frontmatter.loads(text)
    except Exception:
        raise SkippedFile(path, "has front matter that is not valid YAML") from None
    meta = post.metadata if isinstance(post.metadata, dict) else {}
    metadata = _pick_metadata(
        title=meta.get("title"),
        publisher=_first(meta, "publisher", "source", "site_name", "sitename"),
        published=_first(meta, "published", "date", "pubdate", "published_at"),
        url=_first(meta, "url", "link", "canonical_url"),
    )
    return post.content, metadata


def _first(meta: dict[str, Any], *keys: str) -> Any:
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, ""):
            return value
    return None


# --- HTML --------------------------------------------------------------------------


def _load_html(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    import trafilatura

    html = _decode_text(path, data)
    options: dict[str, Any] = dict(
        favor_recall=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        output_format="txt",
        with_metadata=False,
    )
    text = trafilatura.extract(html, include_tables=False, **options)
    if not text or not text.strip():
        # Some pages keep the whole story in a layout table.
        text = trafilatura.extract(html, include_tables=True, **options)
    if not text or not text.strip():
        raise SkippedFile(path, "has no article text that could be extracted from the HTML")

    metadata: dict[str, str] = {}
    try:
        found = read_html_metadata(html)
    except Exception:  # a metadata bug on one odd page must not lose its text
        found = None
    if found is not None:
        metadata = _pick_metadata(title=found.title, publisher=found.publisher, published=found.published, url=found.url)
        if found.hostname:
            metadata["hostname"] = found.hostname
    return text.replace("\r\n", "\n").replace("\r", "\n"), metadata


# --- PDF ---------------------------------------------------------------------------


def _load_pdf(path: Path, data: bytes) -> tuple[str, dict[str, str]]:
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:
        raise SkippedFile(path, "is not a valid PDF (damaged or not a PDF at all)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")  # many PDFs are "encrypted" with an empty password
            except Exception:
                unlocked = 0
            if not unlocked:
                raise SkippedFile(path, "is an encrypted PDF that needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except SkippedFile:
        raise
    except Exception:
        raise SkippedFile(path, "is a damaged PDF that could not be read") from None

    text = "\n\n".join(p.strip("\n") for p in pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SkippedFile(path, "has no extractable text (scanned PDF?)")

    title: str | None = None
    try:
        info = reader.metadata
        title = info.title if info is not None else None
    except Exception:
        title = None
    if title and re.match(_JUNK_PDF_TITLE, title.strip(), re.I):
        title = None
    # /Author is a person, not a publisher, and /CreationDate is when the PDF
    # was made, not when the article was published: neither is mapped.
    return text, _pick_metadata(title=title)


_JUNK_PDF_TITLE = r"^(?:untitled(?:\s+document)?|document\d*|microsoft\s+word\s*-.*|.*\.(?:docx?|pdf|indd))$"


# --- metadata helpers ------------------------------------------------------------------


def _pick_metadata(
    title: Any = None, publisher: Any = None, published: Any = None, url: Any = None
) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for key, value in (("title", title), ("publisher", publisher), ("url", url)):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # YAML reads a title like 1984 as a number
        if isinstance(value, str) and value.strip():
            metadata[key] = " ".join(value.split())
    date = iso_date(published)  # one rule for every date: index/dates.py
    if date:
        metadata["published"] = date
    return metadata
