"""The keyword index: BM25 over each passage's stems (Tantivy), with the passage itself stored beside them.

Every passage is indexed under the tokens `index.terms.stems` gives (Snowball
stems of the content words, stopwords removed), joined by spaces and split
again by Tantivy's whitespace tokenizer, so the index ranks exactly the tokens
the answerers compare. Each document also stores the whole `PassageRecord`
(text, offsets, article metadata, sentence spans and packed sentence vectors),
so a BM25 hit needs no read from Chroma, and carries the publisher and date
as indexed fields, so filters apply inside the search.

Why Tantivy and not SQLite FTS5 (bench/README.md, "Keyword index"): FTS5's
`bm25()` scores every passage that matches any query term, ~20-30 ms a
question at 10k passages and ~10x that at 100k, where bm25s took 0.3 ms and
Tantivy (block-max WAND) 0.2 ms.

Writes are atomic: each call is one Tantivy commit (the new segment files,
then `meta.json` swapped in), so a crash leaves every batch either in or out.
Readers in this process see a commit only when the reader reloads (the reload
policy is manual): `write` reloads at once, unless told not to
(`publish=False`), and then the commit stays unseen, even by `refresh`, until
`publish` (index/store.py commits the keyword side of a group before it holds
questions off, and publishes it within the hold, with Chroma's writes).
Every article's passages of one content version go in one call, which is what
makes `versions()` (passages per article and content hash) a check of the
index against the store's article records.

BM25 is Tantivy's (k1 1.2, b 0.75, idf ln(1 + (N - n + 0.5) / (n + 0.5)));
`idf()` is the same idf over the live passages, for the extractive answerer.
"""

from __future__ import annotations

import base64
import json
import math
import os
import shutil
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from index.errors import StoreUnavailableError
from index.store import FIRST_PASSAGE_SUFFIX, PassageRecord
from index.terms import stems

# Tantivy's writer buffers this much before flushing a segment (its floor is 15 MB a thread).
WRITER_HEAP_BYTES = 64_000_000
# Another process (an ingest beside the app) may hold the index writer for one commit.
WRITER_WAIT_SECONDS = 120.0
_VERSION_SEPARATOR = "\x1f"
# Versions counted by one aggregation at most (tantivy's own limit is 65,000 buckets); more are read record by record.
VERSION_BUCKETS = 50_000
_STATE_FILE = "state.json"
# Bump when the schema changes: an index of another schema is deleted and rebuilt from Chroma.
SCHEMA_VERSION = 1
# Titles are kept whole in the record; the facet field (known terms) keeps their start.
_TITLE_FACET_CHARS = 200
# Passages kept decoded per searcher: what questions hit again need no JSON decoding (~0.1 ms each).
RECORD_CACHE = 4096


@dataclass(frozen=True)
class KeywordHit:
    passage: PassageRecord
    score: float


@dataclass
class _View:
    """One searcher (the index as of one reload) and what is derived from it, so that what a thread reads
    of one view is never mixed with another's when a refresh replaces it meanwhile."""

    searcher: Any
    count: int
    document_frequencies: dict[str, int] = field(default_factory=dict)
    records: dict[tuple[int, int], PassageRecord] = field(default_factory=dict)


class KeywordIndex:
    """One Tantivy index in a folder of its own (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._index: Any = None
        self._schema: Any = None
        self._view_now: _View | None = None
        self._write_lock = threading.Lock()
        # a reload (refresh, publish) and marking a commit unpublished exclude each other, so that no reader
        # reloads between the mark and the commit's end (it would see the commit early)
        self._reload_lock = threading.Lock()
        self._unpublished = False  # a commit of this process waits for `publish`: readers keep their view

    # --- opening --------------------------------------------------------------
    def _open(self) -> Any:
        if self._index is None:
            import tantivy

            builder = tantivy.SchemaBuilder()
            builder.add_text_field("passage_id", tokenizer_name="raw", index_option="basic")
            builder.add_text_field("article_id", tokenizer_name="raw", index_option="basic")
            builder.add_text_field("version", tokenizer_name="raw", index_option="basic", fast=True)
            builder.add_text_field("source", tokenizer_name="raw", index_option="basic", fast=True)
            builder.add_text_field("title", tokenizer_name="raw", index_option="basic", fast=True)
            builder.add_integer_field("published", indexed=True, fast=True)
            builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
            builder.add_bytes_field("record", stored=True)
            builder.add_bytes_field("vectors", stored=True)
            schema = builder.build()
            if self.path.is_dir() and self.stamps().get("schema") != SCHEMA_VERSION:
                shutil.rmtree(self.path, ignore_errors=True)  # derived data: rebuilt from Chroma
            try:
                fresh = not self.path.is_dir()
                self.path.mkdir(parents=True, exist_ok=True)
                self._index = tantivy.Index(schema, path=str(self.path))
                # readers see new commits when `refresh` or `publish` reloads, never on their own
                self._index.config_reader(reload_policy="Manual")
                if fresh:
                    self.set_stamps(schema=SCHEMA_VERSION)
            except (OSError, ValueError) as exc:
                raise StoreUnavailableError(
                    f"Cannot open the keyword index at {self.path} ({exc}); set RAG_DATA_DIR to a writable folder, "
                    "or delete that folder and run `rag ingest` to rebuild it."
                ) from exc
            self._schema = schema
        return self._index

    def refresh(self) -> None:
        """See what other processes committed since (cheap: reopens only new segments). While a commit of
        this process waits for `publish`, readers keep the view they have."""
        with self._reload_lock:
            if self._unpublished:
                return
            self._reload()

    def publish(self) -> None:
        """Let readers see every commit made so far (those written with `publish=False` too)."""
        with self._reload_lock:
            self._reload()
            self._unpublished = False

    def _reload(self) -> None:
        if self._index is not None:
            self._index.reload()
        self._view_now = None

    def _view(self) -> _View | None:
        """The current view (None while the index folder does not exist). Read once per call: another thread's
        refresh() may replace it meanwhile (an ingest beside questions)."""
        view = self._view_now
        if view is None:
            if not self.path.is_dir():
                return None
            searcher = self._open().searcher()
            view = self._view_now = _View(searcher, int(searcher.num_docs))
        return view

    def _current(self) -> Any:
        view = self._view()
        return view.searcher if view is not None else self._open().searcher()

    # --- writing ---------------------------------------------------------------
    def write(
        self,
        add: Sequence[PassageRecord] = (),
        *,
        delete_articles: Iterable[str] = (),
        keep_versions: Mapping[str, str] | None = None,
        delete_passages: Iterable[str] = (),
        publish: bool = True,
    ) -> None:
        """One atomic commit: delete `delete_articles` (all their passages, or all but the version
        `keep_versions[article_id]` when given) and the passages `delete_passages`, then add or
        replace the passages `add`. Readers in this process see it at once, or with `publish=False`
        only after `publish()` (which the caller must then call, whether this raised or not)."""
        import tantivy

        delete_articles = list(delete_articles)
        delete_passages = list(delete_passages)
        if not add and not delete_articles and not delete_passages:
            return
        keep_versions = keep_versions or {}
        index = self._open()
        schema = self._schema
        documents = [(passage.passage_id, _document(passage)) for passage in add]  # stems, JSON: before the lock
        with self._write_lock:
            if not publish:
                with self._reload_lock:
                    self._unpublished = True
            writer = self._writer(index)
            try:
                for article_id in delete_articles:
                    keep = keep_versions.get(article_id)
                    if keep is None:
                        writer.delete_documents_by_term("article_id", article_id)
                    else:
                        writer.delete_documents_by_query(
                            tantivy.Query.boolean_query([
                                (tantivy.Occur.Must, tantivy.Query.term_query(schema, "article_id", article_id)),
                                (tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "version", _version(article_id, keep))),
                            ])
                        )
                for passage_id in delete_passages:
                    writer.delete_documents_by_term("passage_id", passage_id)
                for passage_id, document in documents:
                    # a delete applies to the documents added before it: replacing one id is delete + add
                    writer.delete_documents_by_term("passage_id", passage_id)
                    writer.add_document(document)
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
        if publish:
            self.publish()

    def clear(self) -> None:
        """Remove every passage and the stamps (a rebuild)."""
        with self._write_lock, self._reload_lock:
            self._index = self._schema = self._view_now = None
            self._unpublished = False
            shutil.rmtree(self.path, ignore_errors=True)

    def _writer(self, index: Any) -> Any:
        deadline = time.monotonic() + WRITER_WAIT_SECONDS
        while True:
            try:
                return index.writer(WRITER_HEAP_BYTES, 1)
            except ValueError as exc:
                if "LockBusy" not in str(exc) or time.monotonic() > deadline:
                    raise StoreUnavailableError(
                        f"Cannot write the keyword index at {self.path} ({exc}); another process holds it: "
                        "wait for it to finish and try again."
                    ) from exc
                time.sleep(0.05)

    # --- reading ---------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int,
        *,
        publishers: Sequence[str] = (),
        date_from: int | None = None,
        date_to: int | None = None,
    ) -> list[KeywordHit]:
        """Top-k passages by BM25 for the query's stems; `publishers` and the date ordinals
        (inclusive) restrict the search itself, so a selective filter loses no hit."""
        import tantivy

        terms = stems(query)
        view = self._view() if terms and k >= 1 else None
        if view is None:
            return []
        schema = self._schema
        text = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "terms", term)) for term in terms]
        )
        filters = _filter_queries(schema, publishers, date_from, date_to)
        if filters:
            # filters must match but add nothing to the score
            clauses = [(tantivy.Occur.Must, text)]
            clauses += [(tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)) for f in filters]
            text = tantivy.Query.boolean_query(clauses)
        searcher, records = view.searcher, view.records
        hits: list[KeywordHit] = []
        for score, address in searcher.search(text, k, count=False).hits:
            if score <= 0:
                break
            key = (address.segment_ord, address.doc)
            record = records.get(key)
            if record is None:
                record = _record(searcher.doc(address))
                if len(records) < RECORD_CACHE:
                    records[key] = record
            hits.append(KeywordHit(record, float(score)))
        return hits

    def holds_other_versions(self, versions: Mapping[str, str | None]) -> bool:
        """Any passage of these articles but of the given version (None: any passage at all)?
        Lets a delete that would remove nothing skip its commit (~20-200 ms of fsync)."""
        if not versions or not self.path.is_dir():
            return False
        import tantivy

        schema = self._schema if self._schema is not None else self._open() and self._schema
        clauses = []
        for article_id, keep in versions.items():
            match = tantivy.Query.term_query(schema, "article_id", article_id)
            if keep is not None:
                match = tantivy.Query.boolean_query([
                    (tantivy.Occur.Must, match),
                    (tantivy.Occur.MustNot, tantivy.Query.term_query(schema, "version", _version(article_id, keep))),
                ])
            clauses.append((tantivy.Occur.Should, match))
        return bool(self._current().search(tantivy.Query.boolean_query(clauses), 1, count=False).hits)

    def count(self) -> int:
        """Live passages."""
        view = self._view()
        return view.count if view is not None else 0

    def document_frequency(self, stem: str) -> int:
        """Live passages with this stem (deleted ones not yet merged away are not counted)."""
        view = self._view()
        return self._document_frequency(view, stem) if view is not None else 0

    def _document_frequency(self, view: _View, stem: str) -> int:
        cached = view.document_frequencies.get(stem)
        if cached is None:
            import tantivy

            query = tantivy.Query.term_query(self._schema, "terms", stem)
            cached = view.document_frequencies[stem] = int(view.searcher.search(query, 1, count=True).count)
        return cached

    def idf(self, stem: str) -> float:
        """BM25's idf of a stem over the passages; a stem no passage has gets the highest."""
        view = self._view()
        if view is None:
            return math.log(1.0 + 0.5 / 0.5)
        df = self._document_frequency(view, stem)
        return math.log(1.0 + (view.count - df + 0.5) / (df + 0.5))

    def knows(self, stem: str) -> bool:
        return self.document_frequency(stem) > 0

    def facets(self) -> tuple[list[str], list[str]]:
        """The distinct titles (their first 200 characters) and publishers of the live passages."""
        if not self.path.is_dir() or self.count() == 0:
            return [], []
        import tantivy

        searcher = self._current()
        size = max(1, searcher.num_docs)
        result = searcher.aggregate(
            tantivy.Query.all_query(),
            {"t": {"terms": {"field": "title", "size": size}}, "s": {"terms": {"field": "source", "size": size}}},
        )
        return [str(b["key"]) for b in result["t"]["buckets"]], [str(b["key"]) for b in result["s"]["buckets"]]

    def articles(
        self, *, offset: int = 0, limit: int = 50, contains: str = "", id_prefix: str = ""
    ) -> tuple[int, list[PassageRecord]]:
        """A page of articles, newest publication date first (undated last): (how many match, the first
        passage of each article on the page). `contains`: a case-insensitive piece of the title or the
        publisher; `id_prefix`: only article ids starting with it (uploads: "upload/").

        One query over the articles' first passages (FIRST_PASSAGE_SUFFIX), sorted by the date field:
        no article record is read, so a page costs the same in a library of any size (~20 ms at 100k
        passages, for the term scan that finds the first passages)."""
        if not self.path.is_dir() or self.count() == 0 or limit < 1:
            return 0, []
        import tantivy

        self._open()
        schema = self._schema
        clauses = [(tantivy.Occur.Must, tantivy.Query.regex_query(schema, "passage_id", f".*{_literal(FIRST_PASSAGE_SUFFIX)}"))]
        if id_prefix:
            clauses.append((tantivy.Occur.Must, tantivy.Query.regex_query(schema, "article_id", f"{_literal(id_prefix)}.*")))
        if contains.strip():
            # the title field keeps a title's first 200 characters, verbatim: matched anywhere, in any case
            pattern = f"(?i).*{_literal(' '.join(contains.split()))}.*"
            clauses.append((tantivy.Occur.Must, tantivy.Query.boolean_query([
                (tantivy.Occur.Should, tantivy.Query.regex_query(schema, "title", pattern)),
                (tantivy.Occur.Should, tantivy.Query.regex_query(schema, "source", pattern)),
            ])))
        searcher = self._current()
        found = searcher.search(
            tantivy.Query.boolean_query(clauses), limit, count=True, order_by_field="published", offset=max(0, offset)
        )
        return int(found.count), [_record(searcher.doc(address)) for _, address in found.hits]

    def has_article_ids_outside(self, pattern: str) -> bool:
        """Whether some article's id does not match the regular expression `pattern` (whole) in full: one query,
        where listing every article id from the store reads them all."""
        if not self.path.is_dir() or self.count() == 0:
            return False
        import tantivy

        self._open()
        query = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, tantivy.Query.all_query()),
            (tantivy.Occur.MustNot, tantivy.Query.regex_query(self._schema, "article_id", pattern)),
        ])
        return bool(self._current().search(query, 1, count=False).hits)

    def publishers(self) -> list[str]:
        """The distinct publishers of the live passages (one aggregation, without `facets`' titles)."""
        if not self.path.is_dir() or self.count() == 0:
            return []
        import tantivy

        searcher = self._current()
        result = searcher.aggregate(
            tantivy.Query.all_query(), {"s": {"terms": {"field": "source", "size": max(1, searcher.num_docs)}}}
        )
        return [str(b["key"]) for b in result["s"]["buckets"]]

    def count_matching(
        self, *, publishers: Sequence[str] = (), date_from: int | None = None, date_to: int | None = None
    ) -> int:
        """Live passages of these publishers (any, when empty) dated within the ordinals (inclusive)."""
        if not self.path.is_dir() or self.count() == 0:
            return 0
        import tantivy

        filters = _filter_queries(self._schema, publishers, date_from, date_to)
        query = tantivy.Query.boolean_query([(tantivy.Occur.Must, f) for f in filters]) if filters else (
            tantivy.Query.all_query()
        )
        return int(self._current().search(query, 1, count=True).count)

    def date_spans(self) -> dict[str, tuple[int | None, int | None]]:
        """Each publisher's first and last publication date (day ordinals; None when none is dated)."""
        if not self.path.is_dir() or self.count() == 0:
            return {}
        import tantivy

        searcher = self._current()
        result = searcher.aggregate(
            tantivy.Query.all_query(),
            {
                "s": {
                    "terms": {"field": "source", "size": max(1, searcher.num_docs)},
                    "aggs": {"first": {"min": {"field": "published"}}, "last": {"max": {"field": "published"}}},
                }
            },
        )

        def ordinal(bucket: dict[str, Any], key: str) -> int | None:
            value = (bucket.get(key) or {}).get("value")
            return int(value) if value is not None else None

        return {str(b["key"]): (ordinal(b, "first"), ordinal(b, "last")) for b in result["s"]["buckets"]}

    def versions(self) -> dict[str, dict[str, int]]:
        """Passages per article and content hash: what reconciling with the store's records compares."""
        if not self.path.is_dir() or self.count() == 0:
            return {}
        import tantivy

        searcher = self._current()
        try:
            result = searcher.aggregate(
                tantivy.Query.all_query(), {"v": {"terms": {"field": "version", "size": VERSION_BUCKETS + 1}}}
            )
        except ValueError as error:  # tantivy refuses over 65,000 buckets: 154k articles at 1M passages
            if "bucket limit" not in str(error):
                raise
            return self._versions_read_one_by_one()
        buckets = result["v"]["buckets"]
        if len(buckets) > VERSION_BUCKETS:
            return self._versions_read_one_by_one()
        versions: dict[str, dict[str, int]] = {}
        for bucket in buckets:
            article_id, _, content_hash = str(bucket["key"]).rpartition(_VERSION_SEPARATOR)
            versions.setdefault(article_id, {})[content_hash] = int(bucket["doc_count"])
        return versions

    def _versions_read_one_by_one(self) -> dict[str, dict[str, int]]:
        """The same counts from every stored record: slower, for more versions than one aggregation holds."""
        versions: dict[str, dict[str, int]] = {}
        for record in self.all_passages():
            counts = versions.setdefault(record.article_id, {})
            counts[record.content_hash] = counts.get(record.content_hash, 0) + 1
        return versions

    def all_passages(self) -> list[PassageRecord]:
        """Every live passage (for checks and tests; a search is what questions use)."""
        total = self.count()
        if total == 0:
            return []
        import tantivy

        searcher = self._current()
        hits = searcher.search(tantivy.Query.all_query(), total, count=False).hits
        return [_record(searcher.doc(address)) for _, address in hits]

    def size_bytes(self) -> int:
        if not self.path.is_dir():
            return 0
        return sum(f.stat().st_size for f in self.path.iterdir() if f.is_file())

    # --- stamps: which store revision the index was last known to match -----------
    def stamps(self) -> dict[str, Any]:
        try:
            return dict(json.loads((self.path / _STATE_FILE).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return {}

    def set_stamps(self, **values: Any) -> None:
        """Merge `values` into the stamps (None removes a key); written atomically."""
        state = self.stamps()
        for key, value in values.items():
            if value is None:
                state.pop(key, None)
            else:
                state[key] = value
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            temporary = self.path / f".{_STATE_FILE}.{os.getpid()}"
            temporary.write_text(json.dumps(state), encoding="utf-8")
            os.replace(temporary, self.path / _STATE_FILE)
        except OSError:
            pass  # a read-only data dir: the stamps only save work, the next open checks again


def _filter_queries(schema: Any, publishers: Sequence[str], date_from: int | None, date_to: int | None) -> list[Any]:
    """The queries a passage must match to pass the publisher and date filters."""
    import tantivy

    filters = []
    if publishers:
        filters.append(
            tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "source", p)) for p in publishers]
            )
        )
    if date_from is not None or date_to is not None:
        filters.append(tantivy.Query.range_query(schema, "published", tantivy.FieldType.Integer, date_from, date_to))
    return filters


# What Tantivy's regular expressions (Rust's regex syntax) treat as special: escaped to match literally.
_REGEX_SPECIAL = frozenset("\\.+*?()|[]{}^$#&-~")


def _literal(text: str) -> str:
    """`text` as a regular expression that matches it literally (Rust's `regex::escape`)."""
    return "".join(f"\\{ch}" if ch in _REGEX_SPECIAL else ch for ch in text)


def _version(article_id: str, content_hash: str) -> str:
    return f"{article_id}{_VERSION_SEPARATOR}{content_hash}"


def _document(passage: PassageRecord) -> Any:
    import tantivy

    record = asdict(passage)
    packed = record.pop("sentence_vectors")
    fields: dict[str, Any] = {
        "passage_id": passage.passage_id,
        "article_id": passage.article_id,
        "version": _version(passage.article_id, passage.content_hash),
        "source": passage.source,
        "title": passage.title[:_TITLE_FACET_CHARS],
        "terms": " ".join(stems(passage.text)),
        "record": json.dumps(record, ensure_ascii=False).encode("utf-8"),
        "vectors": base64.b64decode(packed) if packed else b"",
    }
    ordinal = passage.metadata().get("published_ordinal")
    if ordinal is not None:
        fields["published"] = int(ordinal)
    return tantivy.Document(**fields)


def _record(document: Any) -> PassageRecord:
    data = json.loads(document.get_first("record"))
    data["sentence_spans"] = tuple(tuple(span) for span in data.get("sentence_spans") or ())
    data["entities"] = tuple((int(s), int(e), str(label)) for s, e, label in data.get("entities") or ())
    raw = document.get_first("vectors") or b""
    data["sentence_vectors"] = base64.b64encode(raw).decode("ascii") if raw else ""
    return PassageRecord(**data)
