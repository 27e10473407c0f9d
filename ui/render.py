"""What the page shows, as data for the templates in ui/templates/, and the rendered HTML.

Python decides what to show (which markers are real citations, where a quote
sits in its passage and article, which badge a citation gets, how it ranked);
the Jinja2 templates turn that into markup, autoescaped (ui/templating.py).
Nothing here builds markup itself, and nothing here imports gradio, so it is
unit-testable alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from rag.models import CANNOT_ANSWER, Answer, Citation, Passage

# safe_url: the one rule for which URLs become links, shared by the templates and the copied Markdown
from ui.clipboard import answer_markdown, safe_url
from ui.session import ChatTurn
from ui.templating import macro, render

_MARKER = re.compile(r"\[(\d{1,3})\]")
# The trace shows the start of each retrieved passage: as much as the browser stores (ui/session.py).
TRACE_SNIPPET_CHARS = 400


def _date(published: str | None) -> str:
    return published or "undated"


def is_refusal(answer: Answer) -> bool:
    return answer.abstained or answer.answer.strip() == CANNOT_ANSWER


# --- the answer text ----------------------------------------------------------
@dataclass(frozen=True)
class AnswerPiece:
    """A run of answer text, or (n set) the marker of citation n, shown as a button."""

    text: str
    n: int | None = None


def answer_pieces(text: str, numbers: Iterable[int]) -> list[AnswerPiece]:
    """The answer cut at each `[n]` of a real citation; a bracketed number that is not one of this answer's
    citations (an article quoting "[3]", say) stays plain text, so a click can never open a wrong source."""
    known = set(numbers)
    pieces: list[AnswerPiece] = []
    position = 0
    for match in _MARKER.finditer(text):
        n = int(match.group(1))
        if n not in known:
            continue
        if match.start() > position:
            pieces.append(AnswerPiece(text[position : match.start()]))
        pieces.append(AnswerPiece(match.group(0), n))
        position = match.end()
    if position < len(text):
        pieces.append(AnswerPiece(text[position:]))
    return pieces


def answer_body_html(text: str, turn: int, numbers: Iterable[int]) -> str:
    """The answer with each `[n]` of a real citation turned into a button that opens source n."""
    return str(macro("macros.html", "answer_body")(answer_pieces(text, numbers), turn))


# --- the quote inside its passage, the passage inside its article -------------
@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class TextPiece:
    """A run of text and whether it lies in the cited passage and in the quote."""

    text: str
    passage: bool = False
    quote: bool = False


def quote_span_in_passage(citation: Citation) -> Span | None:
    """Where the cited quote sits in `citation.text`, from the article offsets; by search if they disagree."""
    text = citation.text
    start = citation.start - citation.passage_start
    end = citation.end - citation.passage_start
    if 0 <= start < end <= len(text) and text[start:end] == citation.quote:
        return Span(start, end)
    return _find(text, citation.quote)


def _find(text: str, needle: str) -> Span | None:
    if not needle:
        return None
    found = text.find(needle)
    if found < 0:
        found = text.find(needle.strip())
        needle = needle.strip()
    return Span(found, found + len(needle)) if found >= 0 and needle else None


def highlighted(text: str, outer: Span | None, inner: Span | None) -> list[TextPiece]:
    """`text` cut into pieces, each marked as inside `outer` (the passage) and `inner` (the quote, inside it)."""
    if inner is not None and outer is not None:
        inner = Span(max(inner.start, outer.start), min(inner.end, outer.end))
        if inner.start >= inner.end:
            inner = None
    cuts = sorted({0, len(text), *(p for s in (outer, inner) if s for p in (s.start, s.end))})
    return [
        TextPiece(
            text[begin:finish],
            passage=bool(outer and outer.start <= begin and finish <= outer.end),
            quote=bool(inner and inner.start <= begin and finish <= inner.end),
        )
        for begin, finish in zip(cuts, cuts[1:])
    ]


def passage_html(citation: Citation) -> str:
    """The cited passage with its quote marked."""
    return str(macro("macros.html", "highlighted")(highlighted(citation.text, None, quote_span_in_passage(citation))))


def article_spans(article_text: str, citation: Citation) -> tuple[Span | None, Span | None]:
    """The passage and the quote as offsets in the cleaned article, checked against the text."""
    passage: Span | None = Span(citation.passage_start, citation.passage_start + len(citation.text))
    if article_text[passage.start : passage.end] != citation.text:  # type: ignore[union-attr]
        passage = _find(article_text, citation.text)
    quote: Span | None = Span(citation.start, citation.end)
    if article_text[quote.start : quote.end] != citation.quote:  # type: ignore[union-attr]
        quote = _find(article_text, citation.quote)
    return passage, quote


@dataclass(frozen=True)
class Byline:
    title: str
    source: str
    date: str
    url: str | None  # only an http(s) URL, else None


def byline(title: str, source: str, published: str | None, url: str | None) -> Byline:
    return Byline(title, source, _date(published), safe_url(url))


# --- badges and ranks -----------------------------------------------------------
_SUPPORT_LABELS = {"supported": "supported", "partial": "partly supported", "unsupported": "unsupported"}
# An extractive answer quotes its passages word for word, so "supported" would always be true of it: its
# badge says instead whether the quoted sentence answers the question or only stands beside the answer.
_RELEVANCE_LABELS = {"answers": "answers the question", "related": "related"}
# The badges drawn green: a refusal never shows one, since nothing it cites answered the question.
_GREEN = frozenset({"supported", "answers"})


def verdict(citation: Citation) -> tuple[str, str]:
    """(css class, label) of a citation's badge: relevance for extractive answers, the support check for LLM ones."""
    if citation.relevance is not None:
        return citation.relevance, _RELEVANCE_LABELS[citation.relevance]
    return citation.support, _SUPPORT_LABELS.get(citation.support, citation.support)


def shown_verdict(citation: Citation, refused: bool) -> tuple[str, str]:
    """The badge as shown: on a refusal a passage can at most be related, whatever its check said."""
    css, label = verdict(citation)
    if refused and css in _GREEN:
        return "related", "related"
    return css, label


@dataclass(frozen=True)
class Rank:
    """Where a passage came among those retrieved for the question (1 = best), and the bar's length."""

    position: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * (self.total - self.position + 1) / self.total)


def rank_of(answer: Answer, passage_id: str) -> Rank | None:
    ids = [p.passage_id for p in answer.retrieved]
    if passage_id not in ids:
        return None
    return Rank(ids.index(passage_id) + 1, len(ids))


# --- the sources of an answer ---------------------------------------------------
@dataclass(frozen=True)
class SourceCard:
    turn: int
    n: int
    byline: Byline
    badge_class: str
    badge_label: str
    rank: Rank | None
    also: list[str]
    pieces: list[TextPiece]
    active: bool
    open: bool


def source_cards(turn_index: int, answer: Answer, active: int | None) -> list[SourceCard]:
    refused = is_refusal(answer)
    cards = []
    for citation in answer.citations:
        css, label = shown_verdict(citation, refused)
        cards.append(
            SourceCard(
                turn=turn_index,
                n=citation.n,
                byline=byline(citation.title, citation.source, citation.published, citation.url),
                badge_class=css,
                badge_label=label,
                rank=rank_of(answer, citation.passage_id),
                also=list(citation.also_reported_by),
                pieces=highlighted(citation.text, None, quote_span_in_passage(citation)),
                active=active == citation.n,
                open=active is None or active == citation.n,
            )
        )
    return cards


@dataclass(frozen=True)
class SourcesView:
    turn: int
    question: str
    cards: list[SourceCard]
    empty_reason: str


def sources_view(turns: Sequence[ChatTurn], selected: int | None, active: int | None) -> SourcesView | None:
    if selected is None or not 0 <= selected < len(turns):
        return None
    answer = turns[selected].answer
    reason = "No passage answered the question." if answer.abstained else "The answer cites no passage."
    return SourcesView(selected, answer.question, source_cards(selected, answer, active), reason)


def sources_html(turns: Sequence[ChatTurn], selected: int | None, active: int | None) -> str:
    """The numbered sources of the selected answer; `active` is the one a marker click opened."""
    return render("sources.html", view=sources_view(turns, selected, active))


# --- the transcript -----------------------------------------------------------
def filters_text(settings: dict[str, Any] | None) -> str | None:
    """The filters an answer was searched with, in words ("RFE/RL, AP · from 2025-07-01"), None without any."""
    filters = (settings or {}).get("filters") or {}
    if not isinstance(filters, dict):
        return None
    parts = []
    publishers = [str(p) for p in filters.get("publishers") or [] if p]
    if publishers:
        parts.append(", ".join(publishers))
    if filters.get("date_from") and filters.get("date_to"):
        parts.append(f"{filters['date_from']} to {filters['date_to']}")
    elif filters.get("date_from"):
        parts.append(f"from {filters['date_from']}")
    elif filters.get("date_to"):
        parts.append(f"until {filters['date_to']}")
    return " · ".join(parts) or None


@dataclass(frozen=True)
class TurnView:
    index: int
    selected: bool
    question: str
    rewritten_query: str | None
    filters: str | None
    pieces: list[AnswerPiece]
    refused: bool
    notice: str | None
    flagged: list[str]
    rating: str | None
    mode: str
    source_count: int
    copy_text: str
    inline: SourcesView | None  # the sources opened under this answer (shown on narrow screens)


@dataclass(frozen=True)
class PendingView:
    question: str
    text: str
    filters: str | None


@dataclass(frozen=True)
class TranscriptView:
    turns: list[TurnView] = field(default_factory=list)
    pending: PendingView | None = None


def turn_view(index: int, turn: ChatTurn, selected: bool, active: int | None) -> TurnView:
    answer = turn.answer
    inline = None
    if selected and active is not None and answer.citations:
        inline = SourcesView(index, answer.question, source_cards(index, answer, active), "")
    return TurnView(
        index=index,
        selected=selected,
        question=answer.question,
        rewritten_query=answer.rewritten_query,
        filters=filters_text(turn.settings),
        pieces=answer_pieces(answer.answer, [c.n for c in answer.citations]),
        refused=is_refusal(answer),
        notice=answer.notice,
        flagged=list(answer.flagged),
        rating=turn.rating,
        mode=answer.mode,
        source_count=len(answer.citations),
        copy_text=answer_markdown(answer),
        inline=inline,
    )


def transcript_html(
    turns: Sequence[ChatTurn],
    selected: int | None,
    pending_question: str | None = None,
    pending_text: str = "",
    active: int | None = None,
    pending_settings: dict[str, Any] | None = None,
) -> str:
    """Every turn of the chat; `active` is the source opened under the selected answer; `pending_*` is the
    question being answered, the text streamed so far and the settings it was asked with."""
    view = TranscriptView(
        [turn_view(i, turn, i == selected, active) for i, turn in enumerate(turns)],
        None
        if pending_question is None
        else PendingView(pending_question, pending_text, filters_text(pending_settings)),
    )
    return render("transcript.html", view=view)


# --- the article viewer ---------------------------------------------------------
@dataclass(frozen=True)
class ArticleView:
    label: str
    byline: Byline
    pieces: list[TextPiece]
    turn: int | None  # the answer the article was opened from, for the way back


def article_html(
    title: str,
    source: str,
    published: str | None,
    url: str | None,
    text: str,
    citation: Citation | None,
    turn: int | None = None,
) -> str:
    """The whole cleaned article, the cited passage and quote highlighted (the viewer scrolls to the quote)."""
    passage, quote = article_spans(text, citation) if citation else (None, None)
    view = ArticleView(
        f"Source [{citation.n}]" if citation else "Article",
        byline(title, source, published, url),
        highlighted(text, passage, quote),
        turn,
    )
    return render("article.html", view=view, missing=None)


def article_missing_html(title: str) -> str:
    return render("article.html", view=None, missing=title)


def article_placeholder_html() -> str:
    return render("article.html", view=None, missing=None)


# --- the retrieval trace ------------------------------------------------------
@dataclass(frozen=True)
class TraceHit:
    rank: Rank
    fused_rank: int | None
    bm25_rank: int | None
    dense_rank: int | None
    score: float
    title: str
    source: str
    snippet: str
    cited: list[int]


@dataclass(frozen=True)
class TraceView:
    hits: list[TraceHit]
    timings: list[tuple[str, float]]
    confidence: float | None


def trace_view(answer: Answer | None) -> TraceView | None:
    if answer is None:
        return None
    cited: dict[str, list[int]] = {}
    for citation in answer.citations:
        cited.setdefault(citation.passage_id, []).append(citation.n)
    total = len(answer.retrieved)
    hits = [
        TraceHit(
            rank=Rank(position, total),
            fused_rank=p.fused_rank,
            bm25_rank=p.bm25_rank,
            dense_rank=p.dense_rank,
            score=p.score,
            title=p.title,
            source=p.source,
            snippet=_snippet(p),
            cited=cited.get(p.passage_id, []),
        )
        for position, p in enumerate(answer.retrieved, start=1)
    ]
    timings = [(k, v) for k, v in answer.timings_ms.items() if k in ("retrieve", "answer", "total")]
    confidence = answer.confidence if answer.mode == "extractive" else None
    return TraceView(hits, timings, confidence)


def _snippet(passage: Passage) -> str:
    text = passage.text
    return text if len(text) <= TRACE_SNIPPET_CHARS else text[:TRACE_SNIPPET_CHARS].rstrip() + "…"


def trace_html(answer: Answer | None) -> str:
    """Every retrieved passage in rank order, readable at the panel's width, with its retrievers' ranks and the
    citations that used it."""
    return render("trace.html", view=trace_view(answer))


# --- status lines, the header, examples and the library -------------------------
@dataclass(frozen=True)
class StatusLine:
    kind: str  # "error" or "info"
    message: str


def status_html(message: str | None, kind: str = "error") -> str:
    if not message:
        return ""
    return render("status.html", lines=[StatusLine(kind, message)])


def statuses_html(problems: Sequence[str], notes: Sequence[str]) -> str:
    """Several outcomes at once (an upload of many files): problems first."""
    lines = [*(StatusLine("error", p) for p in problems if p), *(StatusLine("info", n) for n in notes if n)]
    return render("status.html", lines=lines) if lines else ""


def upload_progress_html(sentence: str, done: int, total: int) -> str:
    """An upload being ingested: the sentence, a progress bar (files done of total), and that asking goes on."""
    return render("upload_progress.html", sentence=sentence, done=max(0, min(done, total)), total=max(total, 1))


def header_html(mode_label: str) -> str:
    return render("header.html", mode=mode_label)


def examples_html(questions: Sequence[str], library_empty: bool) -> str:
    """Example questions to click; for an empty library, how to add articles."""
    return render("examples.html", questions=list(questions), library_empty=library_empty)


@dataclass(frozen=True)
class LibraryRow:
    article_id: str
    title: str
    source: str
    published: str | None
    chunks: int

    @property
    def date(self) -> str:
        return _date(self.published)


@dataclass(frozen=True)
class LibraryCounts:
    """Where a page of the library sits: the articles it starts at (1-based) and ends at, how many the filter
    matches and how many are indexed, and the filter."""

    first: int
    last: int
    matching: int
    total: int
    contains: str = ""

    @classmethod
    def of(cls, page: Any, contains: str = "") -> "LibraryCounts":
        """From an ArticlePage (rag.library) and the filter it was asked with."""
        shown = len(page.articles)
        return cls(page.offset + 1 if shown else 0, page.offset + shown, page.matching, page.total, contains)

    @property
    def sentence(self) -> str:
        """ "5 articles indexed", "Showing 51–100 of 15,395 articles, newest first", "3 of 15,395 articles match “dam”"."""
        whole = self.first <= 1 and self.last >= self.matching
        if not self.contains:
            if whole:
                return f"{_count(self.total, 'article')} indexed"
            return f"Showing {self.first:,}–{self.last:,} of {_count(self.total, 'article')}, newest first"
        if not self.matching:
            return f"No title or publisher contains “{self.contains}” ({_count(self.total, 'article')} indexed)"
        if whole:
            verb = "matches" if self.matching == 1 else "match"
            return f"{self.matching:,} of {_count(self.total, 'article')} {verb} “{self.contains}”"
        return (
            f"Showing {self.first:,}–{self.last:,} of {_count(self.matching, 'article')} matching “{self.contains}”"
            f" ({self.total:,} indexed), newest first"
        )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun if n == 1 else noun + 's'}"


def library_html(rows: Sequence[LibraryRow], counts: LibraryCounts | None = None) -> str:
    """The table of one page of the library; `counts` (default: every row shown) says which part of it."""
    rows = list(rows)
    counts = counts or LibraryCounts(1 if rows else 0, len(rows), len(rows), len(rows))
    return render("library.html", rows=rows, counts=counts)
