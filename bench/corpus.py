"""A synthetic news corpus, generated offline and deterministically, written as article files.

The sample articles' sentences are recombined into new articles with other
names, places, numbers and months, so the prose (sentence lengths, vocabulary,
punctuation, quotes) is real news prose while every article is different. Each
article gets a headline, a dateline (dropped by the cleaner like the samples'),
now and then a "SEE ALSO:" teaser (also boilerplate), 1-3 sentences per
paragraph, and an entry in ``manifest.json`` (title, publisher, date, url).

Used by the ingest and upload benchmarks and the ingestion tests; the ask
benchmark (``bench/ask_bench.py``) writes its synthetic passages straight into a
store but varies their sentences with the same ``vary_sentence``.

    python bench/corpus.py OUT_DIR --articles 40 --seed 7
    python bench/corpus.py OUT_DIR --chunks 10000        # as many articles as make 10,000 chunks
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index.dates import MONTH_NAMES  # noqa: E402  (after the sys.path line above)

SAMPLE_DIR = ROOT / "data" / "articles"
DEFAULT_SEED = 20250703

FIRST_NAMES = ["Anna", "Oleh", "Marta", "Pavel", "Ingrid", "Tomas", "Leila", "Dmytro", "Sofia", "Erik", "Nadia",
               "Karl", "Irina", "Jonas", "Helena", "Bogdan", "Clara", "Viktor", "Agnes", "Ruben", "Yana", "Mikael", "Greta", "Artem"]
_SYLLABLES = ["kov", "len", "mar", "sch", "ber", "vin", "dor", "tal", "ros", "ham", "nik", "vel", "gar", "sten", "lun",
              "mir", "bau", "kel", "tor", "zen", "pol", "var", "ost", "fen", "dal", "rik", "sol", "bran", "ley", "mont"]
_ENDINGS = ["enko", "ov", "ova", "sky", "son", "er", "ini", "ard", "man", "ez", "ic", "berg", "ley", "o", "ides"]
PLACES = ["Brenov", "Ostrava", "Kalmar", "Tervola", "Mirgorod", "Varna", "Lindau", "Kherson", "Poltava", "Tallinn",
          "Gdansk", "Narva", "Sumy", "Uzhhorod", "Riga", "Vilnius", "Turku", "Bergen", "Split", "Constanta"]
PUBLISHERS = ["The Baltic Courier", "Northern Ledger", "Eastern Wire", "The Daily Dispatch", "Continental Review",
              "Harbour Times Online", "The Morning Standard", "Global Affairs Monitor", "The Evening Gazette",
              "Danube Press Agency", "The Capital Observer", "Frontline Report"]
_MONTHS = list(MONTH_NAMES)
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
# a capitalised word inside a sentence (after a lower-case word or punctuation): a name or a place
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]{3,}\b")


@dataclass(frozen=True)
class GeneratedArticle:
    file_name: str
    text: str
    title: str
    publisher: str
    published: str
    url: str

    def manifest_entry(self) -> dict[str, str]:
        return {"title": self.title, "publisher": self.publisher, "published": self.published, "url": self.url}


@lru_cache(maxsize=1)
def sample_sentences() -> tuple[str, ...]:
    """The sample articles' sentences of 4+ words, after cleaning, in a stable order."""
    from index.cleaning import clean_article
    from index.sentences import split_sentences

    sentences: list[str] = []
    seen: set[str] = set()
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        text = clean_article(path.read_text(encoding="utf-8")).text
        for start, end in split_sentences(text):
            sentence = text[start:end].strip()
            if len(sentence.split()) >= 4 and sentence not in seen:
                seen.add(sentence)
                sentences.append(sentence)
    return tuple(sentences)


def fake_surnames(rng: random.Random, count: int) -> list[str]:
    """`count` made-up surnames ("Kovenko", "Marberg"), sorted; deterministic for the state of `rng`."""
    names: set[str] = set()
    while len(names) < count:
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 2)))
        names.add((name + rng.choice(_ENDINGS)).capitalize())
    return sorted(names)


def vary_sentence(sentence: str, rng: random.Random, surnames: list[str], said_that: float = 0.2) -> str:
    """The same prose with other facts: names and places, numbers (same number of digits) and months replaced;
    with probability `said_that` the sentence becomes reported speech of a made-up person."""

    def name(match: re.Match[str]) -> str:
        if rng.random() < 0.5:
            return match.group(0)
        return rng.choice(surnames) if rng.random() < 0.8 else rng.choice(PLACES)

    def number(match: re.Match[str]) -> str:
        digits = match.group(0).replace(",", "").split(".")[0]
        size = max(1, len(digits))
        return str(rng.randint(10 ** (size - 1) if size > 1 else 1, 10**size - 1))

    varied = _CAPITALISED.sub(name, sentence)
    varied = _NUMBER.sub(number, varied)
    varied = _MONTH.sub(lambda _: rng.choice(_MONTHS), varied)
    if rng.random() < said_that:
        varied = f"{rng.choice(FIRST_NAMES)} {rng.choice(surnames)} said that {varied[:1].lower()}{varied[1:]}"
    return varied


class CorpusGenerator:
    """Deterministic for a given seed: the n-th article is the same on every run."""

    def __init__(self, seed: int = DEFAULT_SEED, paragraphs: tuple[int, int] = (8, 30)) -> None:
        self.rng = random.Random(seed)
        self.paragraphs = paragraphs
        self.sentences = sample_sentences()
        self.surnames = fake_surnames(self.rng, 2000)

    def _vary(self, sentence: str) -> str:
        return vary_sentence(sentence, self.rng, self.surnames)

    def article(self, number: int) -> GeneratedArticle:
        rng = self.rng
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(600))
        headline = self._vary(rng.choice(self.sentences)).rstrip(".")
        if len(headline) > 110:
            headline = headline[:110].rsplit(" ", 1)[0]
        publisher = rng.choice(PUBLISHERS)
        paragraphs: list[str] = []
        for _ in range(rng.randint(*self.paragraphs)):
            count = rng.choice((1, 1, 2, 2, 2, 3))
            paragraphs.append(" ".join(self._vary(rng.choice(self.sentences)) for _ in range(count)))
            if rng.random() < 0.04:  # site boilerplate the cleaner removes
                paragraphs.append("SEE ALSO:")
                paragraphs.append(self._vary(rng.choice(self.sentences)).rstrip("."))
        month = MONTH_NAMES[published.month - 1][:3]  # not strftime("%b"), which follows the locale
        dateline = f"{published.day:02d} {month} {published.year}, {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT"
        text = "\n".join([headline, dateline, *paragraphs]) + "\n"
        slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:48]
        return GeneratedArticle(
            file_name=f"{number:06d}.txt",
            text=text,
            title=headline,
            publisher=publisher,
            published=published.isoformat(),
            url=f"https://news.example.org/{published.year}/{number:06d}-{slug}",
        )

    def articles(self, count: int) -> list[GeneratedArticle]:
        return [self.article(i) for i in range(count)]


def write_corpus(folder: Path, articles: list[GeneratedArticle]) -> list[Path]:
    """Write the articles as .txt files plus their manifest.json; returns the article paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / article.file_name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    manifest = {"articles": {a.file_name: a.manifest_entry() for a in articles}}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return paths


def generate_corpus(folder: Path, count: int, seed: int = DEFAULT_SEED, paragraphs: tuple[int, int] = (8, 30)) -> list[Path]:
    return write_corpus(folder, CorpusGenerator(seed, paragraphs).articles(count))


def chunk_count(article: GeneratedArticle, chunk_size: int = 230, chunk_overlap: int = 40) -> int:
    """Chunks the ingest pipeline will make of this article (cleaned, then chunked)."""
    from index.chunking import chunk_text
    from index.cleaning import clean_article

    return len(chunk_text(clean_article(article.text).text, chunk_size, chunk_overlap))


def corpus_for_chunks(
    folder: Path, target_chunks: int, seed: int = DEFAULT_SEED, chunk_size: int = 230, chunk_overlap: int = 40
) -> tuple[list[Path], int]:
    """Generate articles until they make at least `target_chunks` chunks; returns (paths, chunks)."""
    generator = CorpusGenerator(seed)
    articles: list[GeneratedArticle] = []
    total = 0
    while total < target_chunks:
        article = generator.article(len(articles))
        articles.append(article)
        total += chunk_count(article, chunk_size, chunk_overlap)
    return write_corpus(folder, articles), total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the articles and manifest.json into")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--articles", type=int, help="number of articles")
    group.add_argument("--chunks", type=int, help="generate articles until they make this many chunks")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.articles is not None:
        paths = generate_corpus(args.out, args.articles, args.seed)
        print(f"{len(paths)} articles in {args.out}")
    else:
        paths, chunks = corpus_for_chunks(args.out, args.chunks, args.seed)
        print(f"{len(paths)} articles, {chunks} chunks (230/40) in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
