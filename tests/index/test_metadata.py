"""Article metadata: manifest first, then what the file carries, then inference from the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.metadata import (
    MAX_TITLE_CHARS,
    UNKNOWN_PUBLISHER,
    TextHeader,
    infer_title,
    read_manifest,
    read_text_header,
    resolve_metadata,
)
from index.pipeline import ChunkSettings, prepare_article
from rag.settings import BUNDLED_ARTICLES_DIR


def test_the_title_is_the_first_non_blank_line_shortened_when_it_is_body_text() -> None:
    assert infer_title("\n\n  Putin calls Trump  \nBody.", "fallback") == "Putin calls Trump"
    assert infer_title(" \n ", "fallback") == "fallback"
    long_line = "word " * 100
    title = infer_title(long_line, "fallback")
    assert len(title) == MAX_TITLE_CHARS and title.endswith("…")


def test_manifest_entries_are_read_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(
        json.dumps({"articles": {"a.txt": {"title": "A", "publisher": "P"}, "b.txt": "not a mapping"}}),
        encoding="utf-8",
    )
    assert read_manifest(tmp_path) == {"a.txt": {"title": "A", "publisher": "P"}}


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"articles": []}', ""])
def test_an_unusable_manifest_is_ignored(tmp_path: Path, content: str) -> None:
    (tmp_path / "manifest.json").write_text(content, encoding="utf-8")
    assert read_manifest(tmp_path) == {}


def test_no_manifest_means_no_entries(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}


def test_the_manifest_beats_the_file_which_beats_inference() -> None:
    text = "Headline in the text\nBody."
    loader = {"title": "Front-matter title", "publisher": "Front Matter Times", "published": "2024-01-02"}
    manifest = {"title": "Manifest title", "published": "3 Jul 2025", "url": "https://example.org/a"}
    meta = resolve_metadata("a.md", text, manifest, loader)
    assert meta.title == "Manifest title"
    assert meta.publisher == "Front Matter Times"  # the manifest does not say, so the file's value stays
    assert meta.published == "2025-07-03"
    assert meta.url == "https://example.org/a"

    only_loader = resolve_metadata("a.md", text, None, loader)
    assert (only_loader.title, only_loader.published, only_loader.url) == ("Front-matter title", "2024-01-02", None)

    inferred = resolve_metadata("a.txt", text, {"title": "", "publisher": None}, {})
    assert inferred.title == "Headline in the text"
    assert inferred.publisher == UNKNOWN_PUBLISHER
    assert inferred.published is None


def test_source_and_date_are_accepted_as_synonyms() -> None:
    meta = resolve_metadata("a.txt", "T\nB", {"source": "Reuters", "date": "2025-05-20"}, {})
    assert (meta.publisher, meta.published) == ("Reuters", "2025-05-20")


@pytest.mark.parametrize("name", sorted(read_manifest(BUNDLED_ARTICLES_DIR)))
def test_sample_articles_take_their_metadata_from_the_manifest(name: str) -> None:
    entry = read_manifest(BUNDLED_ARTICLES_DIR)[name]
    record, passages = prepare_article(
        BUNDLED_ARTICLES_DIR / name, name, read_manifest(BUNDLED_ARTICLES_DIR), ChunkSettings(), 10_000_000
    )
    assert (record.title, record.source, record.published, record.url) == (
        entry["title"],
        entry["publisher"],
        entry["published"],
        entry["url"],
    )
    assert passages and all(
        (p.title, p.source, p.published, p.url) == (record.title, record.source, record.published, record.url)
        for p in passages
    )


def test_stored_articles_carry_the_manifest_metadata(sample_data_dir: Path) -> None:
    """What `rag ingest` stored for the sample corpus: one record per manifest entry, same metadata."""
    from index.embedder import MiniLMOnnxEncoder
    from index.store import PassageStore, open_client

    store = PassageStore(open_client(sample_data_dir), "articles", MiniLMOnnxEncoder().fingerprint).open_for_reading()
    manifest = read_manifest(BUNDLED_ARTICLES_DIR)
    stored = {Path(r.path).name: r for r in store.article_records()}
    assert set(stored) == set(manifest)
    for name, entry in manifest.items():
        assert stored[name].title == entry["title"]
        assert stored[name].source == entry["publisher"]
        assert stored[name].published == entry["published"]
    name_of = {r.article_id: name for name, r in stored.items()}
    for passage in store.iter_passages():
        assert passage.published == manifest[name_of[passage.article_id]]["published"]


# --- metadata read from the lines above the story (texts written for these tests) ---------


@pytest.mark.parametrize(
    ("header", "publisher", "published"),
    [
        (["Quarry Bay Herald / April 9, 2025", "Ferry fares to rise in May"], "Quarry Bay Herald", "2025-04-09"),
        (["Quarry Bay Herald | April 9, 2025", "Ferry fares to rise in May"], "Quarry Bay Herald", "2025-04-09"),
        (["By Jane Doe, AP, July 3, 2025", "Ferry fares to rise in May"], "AP", "2025-07-03"),
        (["Ferry fares to rise in May", "By Jane Doe | Harbor Gazette"], "Harbor Gazette", None),
        (["Ferry fares to rise in May", "Published April 9, 2025"], None, "2025-04-09"),
        # a masthead counts when a byline or staff credit names the paper again
        (["The Quarry Bay Herald", "Ferry fares to rise in May", "By Jane Doe", "Herald staff"],
         "The Quarry Bay Herald", None),
        (["Fenwick Daily Star | KFWN", "Ferry fares to rise in May", "By Jane Doe, Star Staff"],
         "Fenwick Daily Star", None),
        # ... and not otherwise: a first line may be a kicker ("Breaking News")
        (["Breaking News", "Ferry fares to rise in May", "By Jane Doe"], None, None),
        # the publication date beats a later update; an update alone is better than nothing
        (["Ferry fares to rise in May", "Updated July 5, 2025", "Published: July 3, 2025 8:00 AM"], None, "2025-07-03"),
        (["Ferry fares to rise in May", "Updated: 7:55 AM CST Jan 18, 2024"], None, "2024-01-18"),
        # an ambiguous date is no date
        (["Quarry Bay Herald / 03/04/2025", "Ferry fares to rise in May"], "Quarry Bay Herald", None),
        # a broadcaster's call sign and channel name the outlet when a headline follows ...
        (["WPLN 12 Nightside", "Ferry fares to rise in May", "By Jane Doe"], "WPLN 12 Nightside", None),
        (["KTRV Country 98.5", "Home | Farm Report | Local News | Contact", "Ferry fares to rise in May",
          "Posted July 3, 2025 by KTRV Newsroom"], "KTRV Country 98.5", "2025-07-03"),
        (["WPLN 4 News", "Home | News | Weather | Watch Live | 4 On Your Side | Sports | Election Results | Contact",
          "Posted Jul. 3, 2025 6:12 PM CDT | Updated Jul. 4, 2025 8:00 AM CDT", "Ferry fares to rise in May",
          "By Jane Doe"], "WPLN 4 News", "2025-07-03"),
        # ... so does a name right above the site menu or a bare edition date
        (["Quarry Bay Herald", "Log in | Subscribe | Digital Edition", "Ferry fares to rise in May"],
         "Quarry Bay Herald", None),
        (["Quarry Bay Herald", "Friday, July 4, 2025", "Ferry fares to rise in May"], "Quarry Bay Herald", "2025-07-04"),
        # ... but not a headline in title case above its date, with no headline below it
        (["Ferry Fares To Rise In May", "July 3, 2025", "By Jane Doe"], None, "2025-07-03"),
        (["WPLN 12 Nightside", "By Jane Doe"], None, None),
    ],
)
def test_the_lines_above_the_story_name_publisher_and_date(
    header: list[str], publisher: str | None, published: str | None
) -> None:
    body = "The harbour authority said on Tuesday that ferry fares would rise by 40 cents in May."
    found = read_text_header("\n".join([*header, "", body, "Dated July 9, 2025"]))
    assert (found.publisher, found.published) == (publisher, published)


@pytest.mark.parametrize(
    ("byline", "body", "publisher"),
    [
        # the place the story is filed from, named again in the byline, is no publisher
        ("By Ada Quist, Staff Writer | TARNBY, June 14, 2023", "TARNBY - The council adopted a budget on Monday.",
         None),
        ("By Ada Quist | NORTH TARNBY, June 14, 2023", "NORTH TARNBY, Ore. (RNS) - The council adopted a budget.",
         None),
        ("By Ada Quist | Tarnby Ledger, June 14, 2023", "TARNBY - The council adopted a budget on Monday.",
         "Tarnby Ledger"),
        ("By Ada Quist | AP, June 14, 2023", "TARNBY (AP) - The council adopted a budget on Monday night.", "AP"),
        # ... and so is a name in capitals the story writes in its own words
        ("By Ada Quist | NORTH TARNBY, June 14, 2023", "The North Tarnby council adopted a budget on Monday.", None),
        ("By Ada Quist | KWTB, June 14, 2023", "The Tarnby council adopted a budget, KWTB has learned.", "KWTB"),
        ("By Ada Quist | TARNBY LEDGER, June 14, 2023", "The council adopted a budget, it told the Tarnby Ledger.",
         "TARNBY LEDGER"),
        ("By Ada Quist | TARNBY, June 14, 2023", "The council adopted a budget on Monday night, officials said.",
         "TARNBY"),
    ],
)
def test_the_storys_dateline_place_in_a_byline_is_not_its_publisher(byline: str, body: str, publisher: str | None) -> None:
    found = read_text_header("\n".join(["Council adopts a budget", byline, "", body]))
    assert (found.publisher, found.published) == (publisher, "2023-06-14")


def test_a_date_in_the_story_is_not_the_publication_date() -> None:
    text = "Ferry fares to rise\n\nThe new fares take effect on May 1, 2025, the harbour authority said on Tuesday.\n"
    assert read_text_header(text) == TextHeader()


TEXT_PAGE = """Quarry Bay Herald / April 9, 2025
Home | Harbour | Business | Opinion | Obituaries

Ferry fares to rise 40 cents in May

By Jane Doe
Herald Staff Writer

QUARRY BAY - The harbour authority voted 4-1 on Tuesday to raise ferry fares by 40 cents, the first increase since 2019.
The new fares take effect on May 1, 2025.
"""


@pytest.mark.parametrize("name", ["fares.txt", "fares.md"])
def test_a_text_file_gets_its_metadata_from_its_header_lines(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(TEXT_PAGE, encoding="utf-8")
    record, passages = prepare_article(path, name, {}, ChunkSettings(), 10_000_000)
    assert (record.title, record.source, record.published) == (
        "Ferry fares to rise 40 cents in May",
        "Quarry Bay Herald",
        "2025-04-09",
    )
    # the header lines are not answer text, and offsets still map to the file
    for header_line in ("Quarry Bay Herald / April 9, 2025", "Home | Harbour", "By Jane Doe", "Herald Staff Writer"):
        assert header_line not in record.text
        assert all(header_line not in p.text for p in passages)
    for clean_start, raw_start, length in record.segments:
        assert record.raw_text[raw_start : raw_start + length] == record.text[clean_start : clean_start + length]
    assert all(record.text[p.start : p.end] == p.text for p in passages)


def test_the_manifest_and_front_matter_beat_the_header_lines(tmp_path: Path) -> None:
    path = tmp_path / "fares.md"
    path.write_text("---\npublisher: Harbour Weekly\n---\n" + TEXT_PAGE, encoding="utf-8")
    record, _ = prepare_article(path, "fares.md", {}, ChunkSettings(), 10_000_000)
    assert (record.source, record.published) == ("Harbour Weekly", "2025-04-09")  # the date was not in front matter
    manifest = {"fares.md": {"title": "Fares", "published": "2025-04-10", "publisher": "Manifest Post"}}
    record, _ = prepare_article(path, "fares.md", manifest, ChunkSettings(), 10_000_000)
    assert (record.title, record.source, record.published) == ("Fares", "Manifest Post", "2025-04-10")


def test_an_unusable_manifest_date_gives_way_to_the_next_source() -> None:
    meta = resolve_metadata("a.txt", "T\nB", {"published": "03/07/2025"}, {"published": "2025-07-03"})
    assert meta.published == "2025-07-03"
    meta = resolve_metadata("a.txt", "T\nB", {"date": "someday"}, {}, header_text="T\nPublished 4 July 2025\nB")
    assert meta.published == "2025-07-04"


def test_a_host_name_is_the_publisher_of_last_resort() -> None:
    loader = {"title": "T", "hostname": "harbourweekly.example"}
    assert resolve_metadata("a.html", "T\nBody.", None, loader).publisher == "harbourweekly.example"
    header = "T\nBy Jane Doe | Harbor Gazette\nBody."
    assert resolve_metadata("a.html", "T\nBody.", None, loader, header_text=header).publisher == "Harbor Gazette"


def test_the_title_skips_markdown_marks_and_a_masthead() -> None:
    assert infer_title("# Ferry fares to rise\nBody.", "fallback") == "Ferry fares to rise"
    text = "The Quarry Bay Harbour Herald\nFerry fares to rise\nBody."
    assert infer_title(text, "f", skip="The Quarry Bay Harbour Herald") == "Ferry fares to rise"
    text = "Quarry Bay Harbour Herald | KQBH\nFerry fares to rise\nBody."
    assert infer_title(text, "f", skip="Quarry Bay Harbour Herald") == "Ferry fares to rise"
    award = "Quarry Bay Harbour Herald wins award for ferry coverage"  # a headline that starts with the name
    assert infer_title(award + "\nBody.", "f", skip="Quarry Bay Harbour Herald") == award


STATION_PAGE = """KTRV Country 98.5
Home | Farm Report | Swap Shop | Local News | Contact

Grain elevator fire closes Route 4 near Dunmore

Posted June 2, 2025 by KTRV Newsroom

DUNMORE - A fire in the co-op grain elevator kept Route 4 closed for most of Sunday, the county sheriff said on Monday.
No one was hurt, and the cause is still under investigation.
"""

SLOGAN_PAGE = """Dunmore Weekly Press
Friday, June 6, 2025
Covering Dunmore and the upper valley since 1911

Grain elevator fire closes Route 4 near Dunmore

By Omar Reyes
Press Editor

DUNMORE - A fire in the co-op grain elevator kept Route 4 closed for most of Sunday, the county sheriff said on Monday.
"""


@pytest.mark.parametrize(
    ("page", "publisher", "published"),
    [(STATION_PAGE, "KTRV Country 98.5", "2025-06-02"), (SLOGAN_PAGE, "Dunmore Weekly Press", "2025-06-06")],
)
def test_the_title_is_the_headline_below_the_masthead(
    tmp_path: Path, page: str, publisher: str, published: str
) -> None:
    path = tmp_path / "fire.txt"
    path.write_text(page, encoding="utf-8")
    record, _ = prepare_article(path, "fire.txt", {}, ChunkSettings(), 10_000_000)
    assert (record.title, record.source, record.published) == (
        "Grain elevator fire closes Route 4 near Dunmore",
        publisher,
        published,
    )
    assert "Posted June 2" not in record.text  # the dateline with its byline is not story text


@pytest.mark.parametrize(
    "raw",
    [
        # the headline and its dek in the masthead's block: nothing below it is a headline
        "Quarry Bay Herald\nHome | Harbour | Business | Opinion\nFerry fares to rise in May\nMore trips on weekends too",
        # the masthead alone in its block, then the headline, then the dek
        "Quarry Bay Herald\nHome | Harbour | Business | Opinion\n\nFerry fares to rise in May\n\nMore trips on weekends too",
        # no masthead, menu or edition date in the first block: the first line is the title
        "Ferry fares to rise in May\n\nMore trips on weekends too",
    ],
)
def test_the_headline_is_not_passed_over_for_its_dek(raw: str) -> None:
    body = "The harbour authority said on Tuesday that fares would rise by 40 cents."
    cleaned = f"Ferry fares to rise in May\nMore trips on weekends too\n{body}"
    header_text = f"{raw}\n\nBy Jane Doe\n\n{body}"
    assert infer_title(cleaned, "f", skip="Quarry Bay Herald", header_text=header_text) == "Ferry fares to rise in May"
