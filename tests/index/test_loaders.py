from __future__ import annotations

import io
import os
import pickle
import random
from pathlib import Path

import pytest

from index.loaders import SUPPORTED_SUFFIXES, LoadedDocument, SkippedFile, load_document

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def _skip_reason(path: Path, **kwargs: int) -> str:
    with pytest.raises(SkippedFile) as info:
        load_document(path, **kwargs)
    exc = info.value
    assert exc.path == path
    assert str(exc) == f"{path.name}: {exc.reason}"
    return exc.reason


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text stream per page, correct xref."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages))).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info = ""
    if title is not None:
        objects.append(f"<< /Title ({title}) /Author (Jane Reporter) >>".encode("latin-1"))
        info = f" /Info {len(objects)} 0 R"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# --- plain text -------------------------------------------------------------------


def test_sample_articles_load_unchanged() -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        doc = load_document(path)
        assert isinstance(doc, LoadedDocument)
        assert doc.path == path
        assert doc.text == path.read_text(encoding="utf-8")
        assert doc.metadata == {}


def test_utf8_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line \xe2\x80\x94 caf\xc3\xa9\r\nSecond line\rThird line\r\n")
    assert load_document(path).text == "First line — café\nSecond line\nThird line\n"


@pytest.mark.parametrize(
    "text",
    [
        "Le café était délicieux, déjà vu à Zürich.\nÇà et là, les élèves étudièrent la leçon près de la forêt.\n",
        "Café crème, s'il vous plaît.",
        "Grüße aus München! Die Straße ist schön.\nÄrger über Öl, sagte der Bürgermeister.\n",
    ],
)
def test_latin1_text_decodes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load_document(path).text == text


def test_cp1252_punctuation_decodes(tmp_path: Path) -> None:
    text = "He said “hello” — then left… It’s done."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    assert load_document(path).text == text


def test_other_legacy_encodings_are_not_forced_into_cp1252(tmp_path: Path) -> None:
    cases = [
        ("Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig.", "cp1250"),
        ("Привет, мир. Переговоры продолжатся на следующей неделе, сказал Песков.", "cp1251"),
    ]
    for text, encoding in cases:
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert load_document(path).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_decode(tmp_path: Path, encoding: str) -> None:
    text = "Привет, мир — “quotes” and ünïcödé.\r\nSecond line, Ça va?"
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(encoding))  # "utf-16"/"utf-32" write a BOM, -le/-be do not
    assert load_document(path).text == text.replace("\r\n", "\n")


# --- Markdown ---------------------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\n"
        "title: Kremlin says talks will go on\n"
        "source: Example News\n"
        "date: 2025-07-03\n"
        "url: https://news.example.com/kremlin\n"
        "author: Jane Reporter\n"
        "---\n"
        "\n"
        "The Kremlin said talks would continue.\n\nA second paragraph.\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.metadata == {
        "title": "Kremlin says talks will go on",
        "publisher": "Example News",
        "published": "2025-07-03",
        "url": "https://news.example.com/kremlin",
    }
    assert doc.text.startswith("The Kremlin said talks would continue.")
    assert "---" not in doc.text and "title:" not in doc.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-07-03T21:15:00Z", "2025-07-03"),
        ("'2025-07-03'", "2025-07-03"),
        ("3 July 2025", "2025-07-03"),
        ("July 3, 2025", "2025-07-03"),
        ("2025-07-03 09:00:00+10:00", "2025-07-03"),
    ],
)
def test_markdown_published_is_normalised(tmp_path: Path, value: str, expected: str) -> None:
    path = tmp_path / "story.markdown"
    path.write_text(f"---\npublisher: RFE/RL\npublished: {value}\n---\nBody text.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.metadata == {"publisher": "RFE/RL", "published": expected}


def test_markdown_ambiguous_date_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: T\ndate: 03/07/2025\n---\nBody text.\n", encoding="utf-8")
    assert load_document(path).metadata == {"title": "T"}


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Heading\n\nJust text, with a rule below.\n\n---\n\nMore text.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.metadata == {}
    assert doc.text.startswith("# Heading") and "More text." in doc.text


def test_markdown_with_broken_front_matter_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    assert _skip_reason(path) == "has front matter that is not valid YAML"


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kremlin says talks will go on | Example News</title>
<meta property="og:title" content="Kremlin says talks will go on">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-07-03T21:15:00+00:00">
<link rel="canonical" href="https://news.example.com/world/kremlin-talks">
<script>var tracker = "SCRIPT_MARKER"; window.dataLayer = [];</script>
<style>.nav { content: "STYLE_MARKER" }</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAV_MARKER World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Kremlin says talks will go on</h1>
<p>The Kremlin said on Thursday that peace talks with Ukraine would continue next week in Istanbul, despite a fresh wave of drone attacks overnight.</p>
<p>Spokesman Dmitry Peskov told reporters that Moscow remained committed to a negotiated settlement but would not abandon its stated goals in the conflict.</p>
<p>Ukrainian officials said the talks would focus on prisoner exchanges and the return of children taken to Russia during the war.</p>
</article></main>
<footer><p>FOOTER_MARKER Copyright 2025 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>console.log("SCRIPT2_MARKER")</script>
</body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_main_text_and_metadata(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    paragraphs = doc.text.split("\n")
    assert "The Kremlin said on Thursday that peace talks with Ukraine would continue next week in Istanbul, despite a fresh wave of drone attacks overnight." in paragraphs
    assert paragraphs[-1] == "Ukrainian officials said the talks would focus on prisoner exchanges and the return of children taken to Russia during the war."
    for marker in ("SCRIPT_MARKER", "SCRIPT2_MARKER", "STYLE_MARKER", "NAV_MARKER", "FOOTER_MARKER", "Privacy", "<p>"):
        assert marker not in doc.text
    assert doc.metadata == {
        "title": "Kremlin says talks will go on",
        "publisher": "Example News",
        "published": "2025-07-03",
        "url": "https://news.example.com/world/kremlin-talks",
        "hostname": "news.example.com",  # the publisher of last resort
    }


# Pages written for these tests: one story, metadata declared in different ways.
_STORY = (
    "<p>The Fenwick school board on Wednesday postponed a vote on moving the high school start to 8:45 a.m., "
    "saying it wanted a bus schedule from the transportation office before deciding.</p>"
    "<p>Board members said the change would let students sleep later but could cost the district two more buses "
    "and about $180,000 a year in drivers' pay.</p>"
    "<p>The board expects the transportation office to report at its November meeting.</p>"
)
_HEADLINE = "Board delays vote on later school start, citing $180,000 bus cost"


def _page(head: str, before_story: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<aside><p>Harvest Fair | September 12, 2025</p><ul><li>Fair parade route set | Sept. 1, 2025</li></ul></aside>"
        f"<main><article><h1>{_HEADLINE}</h1>{before_story}{_STORY}</article></main>"
        "<footer><p>Copyright 2025 Fenwick Media Co. | October 30, 2025</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "publisher"),
    [
        # no og:site_name: the application name, the publisher meta tag, JSON-LD's publisher
        ('<meta name="application-name" content="Fenwick Daily Star">', "Fenwick Daily Star"),
        ('<meta name="publisher" content="Fenwick Daily Star">', "Fenwick Daily Star"),
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Board delays vote", "publisher": {"@type": "NewsMediaOrganization", '
            '"name": "Fenwick Daily Star"}}</script>',
            "Fenwick Daily Star",
        ),
        # only <title>: the part beside the headline, never the headline (trafilatura takes a title part
        # with a dot in it, "8.45", for a site name)
        (f"<title>{_HEADLINE} | Fenwick Daily Star</title>", "Fenwick Daily Star"),
        (f"<title>KFWN 1490 AM - {_HEADLINE}</title>", "KFWN 1490 AM"),
        (f"<title>{_HEADLINE} at 8.45 a.m. | Fenwick Daily Star</title>"
         f'<meta property="og:title" content="{_HEADLINE} at 8.45 a.m.">', "Fenwick Daily Star"),
        # a Facebook page in article:publisher is not a name
        (f'<meta property="article:publisher" content="https://www.facebook.com/fenwickstar">'
         f"<title>{_HEADLINE} | Fenwick Daily Star</title>", "Fenwick Daily Star"),
    ],
)
def test_html_publisher_is_a_site_name_never_the_headline(tmp_path: Path, head: str, publisher: str) -> None:
    path = tmp_path / "board.html"
    path.write_text(_page(head), encoding="utf-8")
    metadata = load_document(path).metadata
    assert metadata.get("publisher") == publisher
    assert "Board delays" not in metadata["publisher"]


def test_html_title_without_a_site_part_gives_no_publisher(tmp_path: Path) -> None:
    path = tmp_path / "board.html"
    path.write_text(_page(f"<title>{_HEADLINE}</title>"), encoding="utf-8")
    assert "publisher" not in load_document(path).metadata


@pytest.mark.parametrize(
    ("head", "before_story", "published"),
    [
        ('<meta property="article:published_time" content="2025-10-02T07:30:00-05:00">', "", "2025-10-02"),
        ("", '<time datetime="2025-10-02T07:30:00-05:00">Oct. 2, 2025</time>', "2025-10-02"),
        # only a visible dateline, in markup no date extractor knows
        ("", '<div class="post-meta">Posted by Newsroom Staff | October 2, 2025 | Schools</div>', "2025-10-02"),
        ("", '<p class="credit">By Ana Ruiz · Thu 2 Oct 2025 · 3 min read</p>', "2025-10-02"),
        # the date first, then who posted it
        ("", '<div class="entry-meta">Posted October 2, 2025 by KFWN Newsroom</div>', "2025-10-02"),
        ("", '<span class="meta">Published 7:30 AM, Oct. 2, 2025, by Ana Ruiz, Fenwick Daily Star</span>',
         "2025-10-02"),
        # no dateline: the sidebar's event date and the footer's are not the story's
        ("", "", None),
        ("", '<div class="post-meta">Posted by Newsroom Staff | 10/02/2025</div>', None),  # ambiguous
    ],
)
def test_html_date_from_markup_then_a_visible_dateline(
    tmp_path: Path, head: str, before_story: str, published: str | None
) -> None:
    path = tmp_path / "board.html"
    path.write_text(_page(head, before_story), encoding="utf-8")
    assert load_document(path).metadata.get("published") == published


def test_html_in_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "despite a fresh wave", "despite a fresh wave of attacks near the café, and"
    )
    path.write_bytes(page.encode("latin-1"))
    assert "near the café" in load_document(path).text


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Only a title</title><script>var a = 1;</script></head><body></body></html>")
    assert _skip_reason(path) == "has no article text that could be extracted from the HTML"


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_text_and_title(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        make_pdf(
            [["Kremlin says talks will continue.", "Peskov spoke on Thursday."], ["Page two (of two) text."]],
            title="Talks continue",
        )
    )
    doc = load_document(path)
    assert doc.text == "Kremlin says talks will continue.\nPeskov spoke on Thursday.\n\nPage two (of two) text."
    assert doc.metadata == {"title": "Talks continue"}  # /Author is not a publisher


def test_pdf_junk_title_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([["Some text."]], title="Microsoft Word - draft3.docx"))
    assert load_document(path).metadata == {}


def test_pdf_encrypted_with_empty_user_password_loads(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Readable without a password."]]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "open.pdf"
    path.write_bytes(buffer.getvalue())
    assert load_document(path).text == "Readable without a password."


def test_pdf_encrypted_is_skipped(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Secret words."]]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    assert _skip_reason(path) == "is an encrypted PDF that needs a password"


def test_pdf_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []]))
    assert _skip_reason(path) == "has no extractable text (scanned PDF?)"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog garbage",
        make_pdf([["Truncated document text."]])[:150],
    ],
)
def test_corrupted_pdf_is_skipped(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    assert _skip_reason(path) == "is a damaged PDF that could not be read"


def test_text_renamed_to_pdf_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("These are plain notes, not a PDF.")
    assert _skip_reason(path) == "is not a valid PDF (damaged or not a PDF at all)"


# --- skip reasons -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_files_are_skipped(tmp_path: Path, suffix: str) -> None:
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    assert _skip_reason(empty) == "is empty"
    blank = tmp_path / f"blank{suffix}"
    blank.write_bytes(b" \n\t\r\n  ")
    assert _skip_reason(blank) == "is empty"


def test_bom_only_and_front_matter_only_files_are_empty(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff \n".encode("utf-16"))
    assert _skip_reason(bom) == "is empty"
    meta_only = tmp_path / "meta.md"
    meta_only.write_text("---\ntitle: Nothing else\n---\n\n")
    assert _skip_reason(meta_only) == "is empty"


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_png_renamed_to_text_is_binary(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"image{suffix}"
    path.write_bytes(PNG)
    assert _skip_reason(path) == "looks like a binary file, not text"


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    rng = random.Random(7)
    with_nuls = tmp_path / "blob.txt"
    with_nuls.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    assert _skip_reason(with_nuls) == "looks like a binary file, not text"
    without_nuls = tmp_path / "blob2.txt"
    without_nuls.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)))
    assert _skip_reason(without_nuls) == "looks like a binary file, not text"


def test_text_with_control_characters_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.txt"
    path.write_bytes(b"abc\x01\x02\x03\x04\x05\x06def\x07\x08\x0e\x0f" * 50)
    assert _skip_reason(path) == "looks like a binary file, not text"


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfA declared UTF-8 file \xff\xfe with invalid bytes.",
        b"\xff\xfe" + "Declared UTF-16 ".encode("utf-16-le") + b"\x00\xdc" + "lone surrogate".encode("utf-16-le"),
    ],
)
def test_undecodable_text_is_skipped(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    assert _skip_reason(path) == "could not be decoded as text"


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(10_000_001)  # sparse: no 10 MB actually written
    assert _skip_reason(path) == "is larger than the 10 MB limit"
    small = tmp_path / "small.txt"
    small.write_text("x" * 3000)
    assert _skip_reason(small, max_bytes=2500) == "is larger than the 0.0025 MB limit"
    assert load_document(small, max_bytes=3000).text == "x" * 3000


@pytest.mark.parametrize("name", ["notes.xyz", "archive.docx", "README", "photo.PNG"])
def test_unsupported_suffix_is_skipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Some text.")
    suffix = path.suffix.lower() or "(no extension)"
    assert _skip_reason(path) == f"unsupported file type {suffix}; use .txt, .md, .html or .pdf"


def test_suffix_match_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "STORY.TXT"
    path.write_text("Upper-case suffix.")
    assert load_document(path).text == "Upper-case suffix."


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("You cannot read me.")
    if os.geteuid() != 0:  # root ignores file modes, so fake the error there
        path.chmod(0)
    else:
        real_open = Path.open

        def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", deny)
    try:
        assert _skip_reason(path) == "could not be read: permission denied"
    finally:
        path.chmod(0o644)


def test_missing_file_and_directory_are_skipped(tmp_path: Path) -> None:
    assert _skip_reason(tmp_path / "gone.txt") == "does not exist"
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _skip_reason(folder) == "is a directory, not a file"


def test_skipped_file_is_picklable_and_named() -> None:
    exc = SkippedFile(Path("/data/a.txt"), "is empty")
    again = pickle.loads(pickle.dumps(exc))
    assert (again.path, again.reason, str(again)) == (Path("/data/a.txt"), "is empty", "a.txt: is empty")


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_garbage_never_raises_anything_but_skipped_file(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(suffix)
    samples = [
        bytes(rng.randrange(256) for _ in range(rng.randrange(1, 600))),
        b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(300)),
        b"<html><body><p>" + b"\xff" * 40 + b"</p>",
        b"---\n: : :\n---\n",
        make_pdf([["ok"]])[:-40],
    ]
    for i, data in enumerate(samples):
        path = tmp_path / f"g{i}{suffix}"
        path.write_bytes(data)
        try:
            doc = load_document(path)
        except SkippedFile:
            continue
        assert isinstance(doc.text, str) and doc.text.strip()
