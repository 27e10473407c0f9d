"""The Python API: `Assistant.ask / stream / chat`, returning typed `Answer`s with their sources.

    from rag import Assistant
    assistant = Assistant.from_settings()
    answer = assistant.ask("How long did the July 3 call last?")
    print(answer.answer, [c.quote for c in answer.citations])

Ingesting and deleting go through `assistant.library` (rag/library.py), which
`rag ingest`, `rag delete` and the UI share.

One Assistant answers on many threads at once (`rag serve` runs RAG_ASK_WORKERS
questions in parallel): what it derives from the store is made once per store
generation and shared read-only, its caches are locked, and each question reads
the store under its read lock (index/commit_lock.py), so it sees an upload's
commit entirely or not at all while the upload goes on beside it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from index.embedder import TextEncoder
from index.loaders import SUPPORTED_SUFFIXES
from index.outdated import OutdatedArticles, find_outdated
from index.pipeline import PIPELINE_VERSION, IngestReport
from index.keyword_index import KeywordIndex
from index.store import ArticlePage, ArticleRecord, PassageStore
from rag.chat import Conversation, looks_like_follow_up, resolve_follow_up
from rag.answer_cache import AnswerCache
from rag.errors import EndpointError, LLMNotConfiguredError
from rag.constraint_checker import ArticleTerms, article_terms
from rag.extractive import extractive_answer
from rag.publishers import named_publishers, publisher_words
from rag.query import QuestionAnalysis, analyse
from rag.questions_in_flight import QuestionsInFlight
from rag.models import Answer, Passage
from rag.retrieval import HybridRetriever, RetrievalFilters, RetrievalMode, RetrievalResult
from rag.errors import StoreUnavailableError
from rag.requests import AnswerModeChoice, AskRequest, RequestOptions
from rag.scope import NO_MATCH_NOTICE, resolve_scope
from rag.services import article_id_for, build_encoder, build_word_likeness, open_store_for_reading
from rag.settings import Settings

if TYPE_CHECKING:
    from rag.library import DeletedArticle, EditedArticle, Library

__all__ = ["SUPPORTED_SUFFIXES", "AskRequest", "Assistant", "StreamEvent"]

StreamEvent = str | Answer
"""`Assistant.stream` yields text deltas (str) and ends with the final `Answer`."""

# Article texts kept in memory for constraint checks (a few questions' worth).
ARTICLE_TEXT_CACHE = 64
# Passages that name the person a "Who is X?" question asks about, looked up by the name alone and added
# to those the question retrieved: a sentence giving X's role may rank low for the question itself.
IDENTITY_PASSAGES = 10
# Threads parsing questions while retrieval runs: the model parses one text at a time (index.nlp), so more
# would only wait; two let a second question's parse queue while the first's runs.
PARSE_THREADS = 2
FALLBACK_NOTICE = "The language model failed ({reason}) so this answer was extracted from the articles instead."
UNSUPPORTED_NOTICE = "The language model's answer was not supported by the articles, so this answer was extracted from them instead."


class Assistant:
    """Answers questions about the indexed articles. Collaborators are passed in; see `from_settings`."""

    def __init__(
        self,
        settings: Settings,
        store: PassageStore,
        encoder: TextEncoder,
    ) -> None:
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self._current: _Indexes | None = None
        self._llm_answerer = None
        self._lock = threading.Lock()  # each derived thing (indexes, LLM client, library) is made once
        self._library: Library | None = None
        self.answers = AnswerCache()
        self.questions = QuestionsInFlight()  # being answered now: uploads give way to them
        self._parse_threads: ThreadPoolExecutor | None = None
        self.word_likeness = build_word_likeness(settings, encoder)  # loads nothing until first used

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "Assistant":
        """Open the configured store for reading (raises IndexEmptyError / EmbeddingMismatchError)."""
        settings = settings or Settings()
        encoder = build_encoder(settings)
        store = open_store_for_reading(settings, encoder)
        return cls(settings, store, encoder)

    # --- collaborators ----------------------------------------------------
    def _parse_ahead(self, query: str, publisher_names: frozenset[str]) -> "Future[QuestionAnalysis]":
        """The question's analysis, parsed on a worker thread while the caller retrieves; parsed here when no
        worker can take it (the pool was shut down, or the interpreter is exiting: "cannot schedule new
        futures after interpreter shutdown" would otherwise fail a question still in flight)."""
        try:
            return self._parser().submit(analyse, query, publisher_names)
        except RuntimeError:
            parsed: Future[QuestionAnalysis] = Future()
            parsed.set_result(analyse(query, publisher_names))
            return parsed

    def _parser(self) -> ThreadPoolExecutor:
        """The threads that parse questions while they are being retrieved (made on first use)."""
        if self._parse_threads is not None:  # no lock once made: an index rebuild holds it for seconds
            return self._parse_threads
        with self._lock:
            if self._parse_threads is None:
                self._parse_threads = ThreadPoolExecutor(max_workers=PARSE_THREADS, thread_name_prefix="parse")
            return self._parse_threads

    def _indexes(self) -> "_Indexes":
        """The keyword index and the known terms for the store's current revision (read once per question)."""
        revision = self.store.read_key  # the revision, and each commit of an ingest in this process
        current = self._current
        if current is not None and current.revision == revision:
            return current
        with self._lock:  # two requests after an ingest must not both read the records
            if self._current is None or self._current.revision != revision:
                keyword = self._keyword_index()
                # publishers come from the keyword index: reading every article record from
                # Chroma (their texts too) took seconds at 100k passages
                publishers = keyword.publishers()
                self._current = _Indexes(
                    revision, keyword, frozenset(publishers), publisher_words(publishers),
                    find_outdated(self.store, PIPELINE_VERSION), _ArticleTexts(self.store),
                )
            return self._current

    def _keyword_index(self) -> KeywordIndex:
        """The store's keyword index, seeing the latest commits; built from Chroma for a store that
        predates it (a one-off: ~1 s per 2,000 passages)."""
        keyword = self.store.keyword
        if keyword is None:
            raise StoreUnavailableError("This store has no keyword index; open it with rag.services.build_store.")
        keyword.refresh()
        if keyword.count() == 0 and self.store.count() > 0:
            from index.repair import sync_keyword_index

            sync_keyword_index(self.store)
        return keyword

    def outdated(self) -> OutdatedArticles:
        """The articles an older (or newer) version of the ingest pipeline wrote: `rag ingest` processes them again."""
        return self._indexes().outdated

    def outdated_notice(self) -> str | None:
        """The sentence every answer's `notice` carries while some articles are outdated (None: none is)."""
        return self._indexes().outdated_notice

    @property
    def bm25(self) -> KeywordIndex:
        """The keyword index (BM25 search, `idf`, `knows`)."""
        return self._indexes().bm25

    def analyse(self, question: str) -> QuestionAnalysis:
        """The question's answer type, focus and constraints (rag.query); publisher names are no constraints."""
        return analyse(question, self._indexes().publisher_words)

    def _article_text(self, article_id: str) -> "ArticleTerms":
        """An article's cleaned text as compared with a question's constraints (normalised, and its words)."""
        return (self._current or self._indexes()).article_texts(article_id)

    def _retriever(self, bm25: KeywordIndex) -> HybridRetriever:
        return HybridRetriever(
            self.store, self.encoder, bm25, candidates=self.settings.candidates, rrf_k=self.settings.rrf_k
        )

    @property
    def llm(self):  # type: ignore[no-untyped-def]
        if not self.settings.llm_configured:
            from rag.messages import LLM_NOT_CONFIGURED

            raise LLMNotConfiguredError(LLM_NOT_CONFIGURED)
        if self._llm_answerer is None:
            from rag.llm import LLMAnswerer, LLMClient

            with self._lock:
                if self._llm_answerer is None:
                    self._llm_answerer = LLMAnswerer(LLMClient(self.settings))
        return self._llm_answerer

    # --- asking -------------------------------------------------------------
    def retrieve(
        self,
        query: str,
        top_k: int | None = None,
        mode: RetrievalMode | None = None,
        filters: RetrievalFilters | None = None,
    ) -> tuple[list[Passage], dict[str, float]]:
        result = self.retrieve_full(query, top_k, mode, filters)
        return result.passages, result.timings_ms

    def retrieve_full(
        self,
        query: str,
        top_k: int | None = None,
        mode: RetrievalMode | None = None,
        filters: RetrievalFilters | None = None,
        indexes: "_Indexes | None" = None,
    ) -> RetrievalResult:
        if top_k is not None or mode is not None:  # a top_k of -1 would drop the last passage
            RequestOptions.parse({"top_k": top_k, "retrieval_mode": mode})
        indexes = indexes or self._indexes()
        return self._retriever(indexes.bm25).retrieve(
            query,
            top_k or self.settings.top_k,
            mode or self.settings.retrieval_mode,
            filters,
            named_sources=named_publishers(query, indexes.publishers),
        )

    def request(self, question: "str | AskRequest", **options: Any) -> AskRequest:
        """The validated request for `ask`/`stream`'s arguments: an AskRequest as it is, or one built from the
        question and keyword options (mode, top_k, retrieval_mode, publishers, since, until, or filters)."""
        if isinstance(question, AskRequest):
            if any(value is not None for value in options.values()):
                raise TypeError("pass the options inside the AskRequest, not beside it")
            return AskRequest.parse(question.model_dump(), max_question_chars=self.settings.max_question_chars)
        return AskRequest.build(question, max_question_chars=self.settings.max_question_chars, **options)

    def ask(
        self,
        question: "str | AskRequest",
        *,
        mode: AnswerModeChoice | None = None,
        top_k: int | None = None,
        filters: RetrievalFilters | None = None,
        conversation: Conversation | None = None,
        retrieval_mode: RetrievalMode | None = None,
        fallback: bool = True,
        publishers: "str | Sequence[str] | None" = None,
        since: "str | date | None" = None,
        until: "str | date | None" = None,
    ) -> Answer:
        """The answer to one question; see `stream` for the options."""
        answer: Answer | None = None
        for event in self.stream(
            question,
            mode=mode,
            top_k=top_k,
            filters=filters,
            conversation=conversation,
            retrieval_mode=retrieval_mode,
            fallback=fallback,
            publishers=publishers,
            since=since,
            until=until,
        ):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None  # stream always ends with an Answer
        return answer

    def stream(
        self,
        question: "str | AskRequest",
        *,
        mode: AnswerModeChoice | None = None,
        top_k: int | None = None,
        filters: RetrievalFilters | None = None,
        conversation: Conversation | None = None,
        retrieval_mode: RetrievalMode | None = None,
        fallback: bool = True,
        publishers: "str | Sequence[str] | None" = None,
        since: "str | date | None" = None,
        until: "str | date | None" = None,
    ) -> Iterator[StreamEvent]:
        """Text deltas as the answer is written, then the final Answer (also added to `conversation`).

        `question` is an `AskRequest`, or the question text with the request's options as keywords
        (`filters` may stand for publishers/since/until); invalid ones raise InvalidRequestError.
        `publishers` are matched by any of their names ("AP", "the gazette"). When the filters
        select no article the answer abstains with a sentence saying so (and NO_MATCH_NOTICE).
        With `fallback` (the default) a failing LLM endpoint degrades to the
        extractive answer with a notice; without it, EndpointError is raised.
        """
        began = time.perf_counter()
        with self.questions.asking():  # an upload gives way to it (rag/questions_in_flight.py)
            request = self.request(
                question, mode=mode, top_k=top_k, filters=filters, retrieval_mode=retrieval_mode,
                publishers=publishers, since=since, until=until,
            )
            question = request.question
            chosen_mode = request.mode or self.settings.effective_answer_mode
            if chosen_mode == "llm":
                self.llm  # noqa: B018 - fail fast with LLMNotConfiguredError
                outcome = yield from self._generated(request, conversation, fallback)
            else:
                outcome = self._extracted(request, conversation)
                yield outcome.answer.answer
            answer = outcome.answer
            answer.question = question
            answer.rewritten_query = outcome.rewritten
            answer.timings_ms = {**outcome.timings_ms, "total": _ms(began)}
            if conversation is not None:
                conversation.add(answer)
            yield answer

    def _extracted(self, request: AskRequest, conversation: Conversation | None) -> "_Outcome":
        """The extractive answer, read under the store's read lock throughout: one revision, and an upload's
        commits wait for it (index/commit_lock.py); an answer kept for the same question at that revision is
        handed out again (rag/answer_cache.py)."""
        began = time.perf_counter()
        with self.store.reading():
            indexes = self._indexes()
            scope = resolve_scope(request, indexes.publishers, indexes.bm25)
            rewritten = self._rewrite(request.question, conversation, "extractive") if scope.empty is None else None
            query = rewritten or request.question
            key = self._answer_key(query, request, "extractive")
            kept = self.answers.get(indexes.revision, key)
            if kept is not None:
                return _Outcome(kept, rewritten, {"retrieve": 0.0, "answer": 0.0, "answer_cache": _ms(began)})
            if scope.empty is not None:  # nothing to search: say so, rather than "the articles don't say"
                retrieved = RetrievalResult([], {})
                answer = _no_match(request.question, scope.empty, "extractive")
                retrieve_ms = _ms(began)
                answer_began = time.perf_counter()
            else:
                # the question's parse (spaCy, a few ms) runs while retrieval embeds and searches (ONNX and the
                # vector index let go of the GIL): a question asked for the first time waits for the longer of
                # the two, not for both
                parsed = self._parse_ahead(query, indexes.publisher_words)
                retrieved = self.retrieve_full(query, request.top_k, request.retrieval_mode, scope.filters, indexes)
                retrieve_ms = _ms(began)
                answer_began = time.perf_counter()
                answer = self._extractive(query, retrieved, indexes, scope.filters, parsed.result())
            _add_notices(answer, scope.notice, indexes.outdated_notice)
            self.answers.put(indexes.revision, key, answer)
        timings = {"retrieve": retrieve_ms, "answer": _ms(answer_began),
                   **{f"retrieve_{k}": v for k, v in retrieved.timings_ms.items()}}
        return _Outcome(answer, rewritten, timings)

    def _generated(
        self, request: AskRequest, conversation: Conversation | None, fallback: bool
    ) -> Iterator[StreamEvent]:
        """The LLM's answer as it is written (returns the _Outcome). No lock is held while the LLM is called
        (rewriting a follow-up, writing the answer); the store is read under its read lock."""
        began = time.perf_counter()
        with self.store.reading():
            indexes = self._indexes()
            scope = resolve_scope(request, indexes.publishers, indexes.bm25)
        rewritten = self._rewrite(request.question, conversation, "llm") if scope.empty is None else None
        query = rewritten or request.question
        with self.store.reading():
            indexes = self._indexes()
            if scope.empty is not None:
                retrieved = RetrievalResult([], {})
            else:
                retrieved = self.retrieve_full(query, request.top_k, request.retrieval_mode, scope.filters, indexes)
        retrieve_ms = _ms(began)
        answer_began = time.perf_counter()
        if scope.empty is not None:
            answer = _no_match(request.question, scope.empty, "llm")
            yield answer.answer
        else:
            answer = yield from self._stream_llm(query, retrieved, indexes, fallback, scope.filters)
        _add_notices(answer, scope.notice, indexes.outdated_notice)
        timings = {"retrieve": retrieve_ms, "answer": _ms(answer_began),
                   **{f"retrieve_{k}": v for k, v in retrieved.timings_ms.items()}}
        return _Outcome(answer, rewritten, timings)

    def _answer_key(self, query: str, request: AskRequest, mode: str) -> tuple[str, ...]:
        """What an extractive answer depends on besides the store: the standalone question (after any follow-up
        rewrite, so the conversation counts through it), the request's options and the settings."""
        return (
            " ".join(query.split()),
            mode,
            request.model_dump_json(exclude={"question", "mode"}),
            self.settings.model_dump_json(),
        )

    def chat(self, question: str, conversation: Conversation, **options: object) -> Answer:
        """One turn of a conversation: follow-ups are rewritten using its history."""
        return self.ask(question, conversation=conversation, **options)  # type: ignore[arg-type]

    def new_conversation(self) -> Conversation:
        return Conversation(max_tokens=self.settings.history_tokens)

    # --- answerers ----------------------------------------------------------
    def _extractive(
        self, query: str, retrieved: RetrievalResult, indexes: "_Indexes", filters: RetrievalFilters | None,
        analysis: QuestionAnalysis | None = None,
    ) -> Answer:
        query_vector = retrieved.query_vector
        if query_vector is None and any(p.sentence_vectors for p in retrieved.passages):
            query_vector = self.encoder.embed_query(query)  # BM25-only retrieval embedded nothing yet
        if analysis is None:
            analysis = analyse(query, indexes.publisher_words)
        passages = retrieved.passages
        if analysis.identity_of:
            # "Who is Castell?": the sentence that says who she is ("Orlow aide Mira Castell") is often in a
            # passage the question ranks low, as every passage about her matches it as well: look the name up
            named = self._retriever(indexes.bm25).retrieve(analysis.identity_of, IDENTITY_PASSAGES, "bm25", filters)
            seen = {p.passage_id for p in passages}
            passages = passages + [p for p in named.passages if p.passage_id not in seen]
        return extractive_answer(
            analysis,
            passages,
            indexes.bm25.idf,
            max_sentences=self.settings.max_answer_sentences,
            query_vector=query_vector,
            article_text=indexes.article_texts.for_question([p.article_id for p in passages]),
            knows=indexes.bm25.knows,
            threshold=self.settings.abstain_threshold,
            word_likeness=self.word_likeness,
        )

    def _stream_llm(
        self, query: str, retrieved: RetrievalResult, indexes: "_Indexes", fallback: bool,
        filters: RetrievalFilters | None,
    ) -> Iterator[StreamEvent]:
        from rag.llm import parse_generated

        passages = retrieved.passages
        pieces: list[str] = []
        try:
            for delta in self.llm.stream_text(query, passages):
                pieces.append(delta)
                yield delta
        except EndpointError as failure:
            if not fallback:
                raise
            with self.store.reading():
                degraded = self._extractive(query, retrieved, indexes, filters)
            degraded.notice = FALLBACK_NOTICE.format(reason=failure.message.rstrip("."))
            return degraded
        answer = parse_generated(query, "".join(pieces), passages)
        if not answer.abstained and not any(s.support == "supported" for s in answer.sentences):
            with self.store.reading():
                degraded = self._extractive(query, retrieved, indexes, filters)
            degraded.notice = UNSUPPORTED_NOTICE
            degraded.flagged = answer.flagged
            return degraded
        return answer

    def _rewrite(self, question: str, conversation: Conversation | None, mode: str) -> str | None:
        if conversation is None or not conversation.turns:
            return None
        if mode == "llm" and looks_like_follow_up(question):
            try:
                rewritten = self.llm.condense(conversation.history_text(), question)
            except EndpointError:
                rewritten = None  # the rule-based rewrite below still works
            if rewritten and rewritten != question:
                return rewritten
        return resolve_follow_up(question, conversation)

    # --- library ------------------------------------------------------------
    @property
    def library(self) -> "Library":
        """The articles of this Assistant's store: list, ingest, delete (rag/library.py)."""
        if self._library is None:
            from rag.library import Library  # not needed to answer: kept off `rag ask`'s imports

            with self._lock:
                if self._library is None:
                    self._library = Library(self.settings, self.store, self.encoder)
        return self._library

    def articles(self) -> list[ArticleRecord]:
        """Every article with its texts: a read of the whole library (`article_page` lists it a page at a time)."""
        return self.store.article_records()

    def article_page(
        self, offset: int = 0, limit: int = 50, contains: str = "", uploads_only: bool = False
    ) -> ArticlePage:
        """A page of the library, newest first, with counts (`Library.page`): what a list of the articles shows."""
        with self.store.reading():
            self._indexes()  # the keyword index, which orders the page, synced with the store and refreshed
            return self.library.page(offset, limit, contains, uploads_only)

    def publishers(self) -> list[str]:
        """The publishers of the indexed articles, from the keyword index (no article record is read)."""
        with self.store.reading():
            return sorted(self._indexes().publishers)

    def article(self, article_id: str) -> ArticleRecord | None:
        return self.store.article(article_id)

    def ingest(self, paths: Sequence[Path], **options: object) -> IngestReport:
        """Add or update files (e.g. uploads; options as `Library.ingest`); the keyword index is written
        along with Chroma, so the next question sees them at no extra cost."""
        report = self.library.ingest(paths, **options)  # type: ignore[arg-type]
        self._indexes()
        return report

    def article_id_for(self, path: Path) -> str:
        """The id the article read from `path` has (or would get) in the store."""
        return article_id_for(self.settings, path)

    def delete_article(self, article_id: str) -> "DeletedArticle":
        """Remove one article, its passages and its uploaded copy (ArticleNotFoundError for an unknown id)."""
        (deleted,) = self.library.delete([article_id])
        self._indexes()
        return deleted

    def edit_article(self, article_id: str, **details: object) -> "EditedArticle":
        """Change an article's title, publisher, published date or url (`Library.edit_metadata`: written to its
        folder's manifest.json, its file ingested again); the next question sees the new details."""
        edited = self.library.edit_metadata(article_id, **details)  # type: ignore[arg-type]
        self._indexes()
        return edited


class _ArticleTexts:
    """Articles' texts as a question's constraints are checked against them (rag.constraint_checker.ArticleTerms), read
    from the store once per revision; the last ARTICLE_TEXT_CACHE read are kept. Shared by the threads answering."""

    def __init__(self, store: PassageStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._terms: OrderedDict[str, ArticleTerms] = OrderedDict()

    def __call__(self, article_id: str) -> ArticleTerms:
        with self._lock:
            found = self._terms.get(article_id)
            if found is not None:
                self._terms.move_to_end(article_id)
                return found
        record = self._store.article(article_id)  # not under the lock: other questions need not wait for it
        terms = article_terms(record.title, record.text, record.published) if record else article_terms("", "", None)
        return self._keep(article_id, terms)

    def for_question(self, article_ids: Sequence[str]) -> Callable[[str], ArticleTerms]:
        """The texts for one question whose passages come from `article_ids`: the first article it needs that
        is not kept reads every one of them not kept yet, in one store call (one round trip to a Chroma server
        where a read per article cost one each); their terms are worked out only when asked for."""
        wanted = list(dict.fromkeys(article_ids))
        records: dict[str, ArticleRecord | None] = {}

        def article_text(article_id: str) -> ArticleTerms:
            with self._lock:
                found = self._terms.get(article_id)
            if found is not None:
                return found
            if article_id not in records:
                with self._lock:
                    unread = [a for a in dict.fromkeys([article_id, *wanted]) if a not in records and a not in self._terms]
                read = self._store.articles(unread)
                records.update({a: read.get(a) for a in unread})
            record = records.get(article_id)
            terms = article_terms(record.title, record.text, record.published) if record else article_terms("", "", None)
            return self._keep(article_id, terms)

        return article_text

    def kept(self, article_id: str) -> ArticleTerms | None:
        with self._lock:
            return self._terms.get(article_id)

    def _keep(self, article_id: str, terms: ArticleTerms) -> ArticleTerms:
        with self._lock:
            found = self._terms.setdefault(article_id, terms)  # another thread's copy, when it was first
            while len(self._terms) > ARTICLE_TEXT_CACHE:
                self._terms.popitem(last=False)
        return found


@dataclass(frozen=True)
class _Indexes:
    """What is derived from the store at one revision."""

    revision: str
    bm25: KeywordIndex
    publishers: frozenset[str]
    publisher_words: frozenset[str]
    outdated: OutdatedArticles
    article_texts: _ArticleTexts = field(compare=False, repr=False)

    @property
    def outdated_notice(self) -> str | None:
        from rag.messages import outdated_index

        return outdated_index(len(self.outdated.older), len(self.outdated.newer), self.outdated.total)


@dataclass
class _Outcome:
    """An answer before the fields of the one request are set (question, rewritten query, total time)."""

    answer: Answer
    rewritten: str | None
    timings_ms: dict[str, float]


def _no_match(question: str, sentence: str, mode: str) -> Answer:
    return Answer(question=question, answer=sentence, abstained=True, mode=mode, notice=NO_MATCH_NOTICE)  # type: ignore[arg-type]


def _add_notices(answer: Answer, scope_notice: str | None, outdated_notice: str | None) -> None:
    if scope_notice:
        answer.notice = f"{scope_notice} {answer.notice}" if answer.notice else scope_notice
    if outdated_notice:  # an old index answers worse: say so until `rag ingest` brings it up to date
        answer.notice = f"{answer.notice} {outdated_notice}" if answer.notice else outdated_notice


def _ms(began: float) -> float:
    return round((time.perf_counter() - began) * 1000, 3)
