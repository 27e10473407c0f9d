"""HTML for the chat transcript, the sources panel, the article viewer, the trace and the library.

Every piece of text that came from an article, an answer, a question or the
metadata goes through `esc` before any markup of ours is put around it:
gr.HTML renders its value with innerHTML and does not sanitise, so this module
is the only thing standing between an article containing `<img onerror=...>`
and the browser. Nothing here imports gradio, so it is unit-testable alone.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from rag.models import CANNOT_ANSWER, Answer, Citation, Passage

from ui.session import ChatTurn

_MARKER = re.compile(r"\[(\d{1,3})\]")
# Citations whose quote offsets disagree with the passage are still shown, but
# the quote is then located by text; this many characters are shown of each
# passage in the trace table.
TRACE_SNIPPET_CHARS = 160


def esc(text: object) -> str:
    """Escape text for an HTML element body or a double-quoted attribute."""
    return html.escape("" if text is None else str(text), quote=True)


def _date(published: str | None) -> str:
    return published or "undated"


# --- the answer text ----------------------------------------------------------
def answer_body_html(text: str, turn: int, numbers: Iterable[int]) -> str:
    """The answer, escaped, with each `[n]` of a real citation turned into a button that opens source n.

    A bracketed number that is not one of this answer's citations (an article
    quoting "[3]", say) stays plain text, so a click can never open a wrong source.
    """
    known = set(numbers)

    def button(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in known:
            return match.group(0)
        return (
            f'<button type="button" class="cite" data-turn="{turn}" data-n="{n}" '
            f'title="Show source {n}" aria-label="Show source {n}">[{n}]</button>'
        )

    # Escaping leaves "[", "]" and digits alone, so markers survive it intact.
    return _MARKER.sub(button, esc(text))


# --- the quote inside its passage, the passage inside its article -------------
@dataclass(frozen=True)
class Span:
    start: int
    end: int


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


def highlighted(text: str, outer: Span | None, inner: Span | None) -> str:
    """`text` escaped, `outer` wrapped in a passage span and `inner` (inside it) in a quote mark."""
    if inner is not None and outer is not None:
        inner = Span(max(inner.start, outer.start), min(inner.end, outer.end))
        if inner.start >= inner.end:
            inner = None
    cuts = sorted({0, len(text), *(p for s in (outer, inner) if s for p in (s.start, s.end))})
    pieces: list[str] = []
    for begin, finish in zip(cuts, cuts[1:]):
        piece = esc(text[begin:finish])
        if inner and inner.start <= begin and finish <= inner.end:
            piece = f'<mark class="quote">{piece}</mark>'
        if outer and outer.start <= begin and finish <= outer.end:
            piece = f'<span class="passage">{piece}</span>'
        pieces.append(piece)
    return "".join(pieces)


def passage_html(citation: Citation) -> str:
    return highlighted(citation.text, None, quote_span_in_passage(citation))


def article_spans(article_text: str, citation: Citation) -> tuple[Span | None, Span | None]:
    """The passage and the quote as offsets in the cleaned article, checked against the text."""
    passage = Span(citation.passage_start, citation.passage_start + len(citation.text))
    if article_text[passage.start : passage.end] != citation.text:
        passage = _find(article_text, citation.text)  # type: ignore[assignment]
    quote = Span(citation.start, citation.end)
    if article_text[quote.start : quote.end] != citation.quote:
        quote = _find(article_text, citation.quote)  # type: ignore[assignment]
    return passage, quote


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become anchors: a `javascript:` URL in an article's metadata must not."""
    if url and re.match(r"^https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def _byline(title: str, source: str, published: str | None, url: str | None) -> str:
    link = safe_url(url)
    shown = esc(title)
    if link:
        shown = f'<a href="{esc(link)}" target="_blank" rel="noopener noreferrer">{shown}</a>'
    return (
        f'<span class="title">{shown}</span> '
        f'<span class="meta">{esc(source)} · {esc(_date(published))}</span>'
    )


# --- the transcript -----------------------------------------------------------
def _turn_html(index: int, turn: ChatTurn, selected: bool) -> str:
    answer = turn.answer
    numbers = [c.n for c in answer.citations]
    classes = "turn selected" if selected else "turn"
    body_class = "answer abstained" if answer.abstained or answer.answer == CANNOT_ANSWER else "answer"
    parts = [
        f'<div class="{classes}" data-turn="{index}">',
        f'<div class="question"><span class="who">You</span>{esc(answer.question)}</div>',
    ]
    if answer.rewritten_query:
        parts.append(f'<div class="searched">Searched for: {esc(answer.rewritten_query)}</div>')
    parts.append(f'<div class="{body_class}">{answer_body_html(answer.answer, index, numbers)}</div>')
    if answer.notice:
        parts.append(f'<div class="notice">{esc(answer.notice)}</div>')
    if answer.flagged:
        flagged = "".join(f"<li>{esc(s)}</li>" for s in answer.flagged)
        parts.append(f'<div class="flagged">Not supported by a cited passage:<ul>{flagged}</ul></div>')
    rated = {"up": " rated-up", "down": " rated-down"}.get(turn.rating or "", "")
    parts.append(
        f'<div class="toolbar{rated}">'
        f'<span class="mode">{esc(answer.mode)} · {len(answer.citations)} sources</span>'
        f'<button type="button" class="copy" data-turn="{index}" title="Copy the answer">Copy</button>'
        # Words rather than 👍/👎: many Linux desktops (and CI) have no emoji font.
        f'<button type="button" class="rate up" data-turn="{index}" data-rating="up" '
        f'title="Thumbs up: a good answer">Good</button>'
        f'<button type="button" class="rate down" data-turn="{index}" data-rating="down" '
        f'title="Thumbs down: a wrong or unsupported answer">Bad</button>'
        "</div>"
    )
    parts.append("</div>")
    return "".join(parts)


def transcript_html(
    turns: Sequence[ChatTurn], selected: int | None, pending_question: str | None = None, pending_text: str = ""
) -> str:
    """Every turn of the chat; `pending_*` is the question being answered and the text streamed so far."""
    if not turns and pending_question is None:
        return (
            '<div class="transcript empty"><p>Ask a question about the articles. Every claim in the answer '
            "carries a numbered marker: click it to see the passage it rests on.</p></div>"
        )
    parts = ['<div class="transcript">']
    parts.extend(_turn_html(i, turn, i == selected) for i, turn in enumerate(turns))
    if pending_question is not None:
        streamed = esc(pending_text) if pending_text else '<span class="thinking">Searching the articles…</span>'
        parts.append(
            '<div class="turn pending">'
            f'<div class="question"><span class="who">You</span>{esc(pending_question)}</div>'
            f'<div class="answer streaming">{streamed}</div></div>'
        )
    parts.append("</div>")
    return "".join(parts)


# --- the sources panel --------------------------------------------------------
_SUPPORT_LABELS = {"supported": "supported", "partial": "partly supported", "unsupported": "unsupported"}
# An extractive answer quotes its passages word for word, so "supported" would always be true of it: its
# badge says instead whether the quoted sentence answers the question or only stands beside the answer.
_RELEVANCE_LABELS = {"answers": "answers the question", "related": "related"}


def verdict(citation: Citation) -> tuple[str, str]:
    """(css class, label) of a citation's badge: relevance for extractive answers, the support check for LLM ones."""
    if citation.relevance is not None:
        return citation.relevance, _RELEVANCE_LABELS[citation.relevance]
    return citation.support, _SUPPORT_LABELS.get(citation.support, citation.support)


def _source_html(turn_index: int, citation: Citation, active: int | None) -> str:
    is_active = active == citation.n
    opened = " open" if active is None or is_active else ""
    classes = "source active" if is_active else "source"
    also = ""
    if citation.also_reported_by:
        also = f'<div class="also">Also reported by {esc(", ".join(citation.also_reported_by))}</div>'
    return (
        f'<details class="{classes}" data-n="{citation.n}"{opened}>'
        f'<summary><span class="n">[{citation.n}]</span> '
        f"{_byline(citation.title, citation.source, citation.published, citation.url)}</summary>"
        f'<div class="verdict"><span class="support {esc(verdict(citation)[0])}">'
        f"{esc(verdict(citation)[1])}</span>"
        f'<span class="score">retrieval score {citation.score:.4f}</span></div>'
        f"{also}"
        f'<blockquote class="passage-text">{passage_html(citation)}</blockquote>'
        f'<button type="button" class="open-article" data-turn="{turn_index}" data-n="{citation.n}">'
        "Open article</button>"
        "</details>"
    )


def sources_html(turns: Sequence[ChatTurn], selected: int | None, active: int | None) -> str:
    """The numbered sources of the selected answer; `active` is the one a marker click opened."""
    if selected is None or not 0 <= selected < len(turns):
        return '<div class="sources empty"><p>Sources of the selected answer appear here.</p></div>'
    answer = turns[selected].answer
    head = f'<div class="sources-head">Sources for “{esc(answer.question)}”</div>'
    if not answer.citations:
        reason = "The answer cites no passage." if not answer.abstained else "No passage answered the question."
        return f'<div class="sources">{head}<p class="none">{esc(reason)}</p></div>'
    cards = "".join(_source_html(selected, c, active) for c in answer.citations)
    return f'<div class="sources" data-turn="{selected}">{head}{cards}</div>'


def article_html(
    title: str, source: str, published: str | None, url: str | None, text: str, citation: Citation | None
) -> str:
    """The whole cleaned article, the cited passage and quote highlighted (the viewer scrolls to the quote)."""
    passage, quote = article_spans(text, citation) if citation else (None, None)
    label = f"Source [{citation.n}]" if citation else "Article"
    return (
        '<div class="article">'
        f'<div class="article-head"><span class="label">{esc(label)}</span> '
        f"{_byline(title, source, published, url)}</div>"
        f'<div class="article-text">{highlighted(text, passage, quote)}</div>'
        "</div>"
    )


def article_missing_html(title: str) -> str:
    return f'<div class="article missing"><p>“{esc(title)}” is no longer in the library.</p></div>'


ARTICLE_PLACEHOLDER = '<div class="article empty"><p>Open an article from a source to read it whole.</p></div>'


# --- the retrieval trace ------------------------------------------------------
def _rank(value: int | None) -> str:
    return "—" if value is None else str(value)


def trace_html(answer: Answer | None) -> str:
    """BM25, vector and fused rank of every retrieved passage, and which citations used it."""
    if answer is None:
        return '<div class="trace empty"><p>The retrieval trace of the selected answer appears here.</p></div>'
    cited: dict[str, list[int]] = {}
    for citation in answer.citations:
        cited.setdefault(citation.passage_id, []).append(citation.n)
    rows = "".join(_trace_row(p, cited.get(p.passage_id, [])) for p in answer.retrieved)
    timings = " · ".join(f"{esc(k)} {v:.0f} ms" for k, v in answer.timings_ms.items() if k in ("retrieve", "answer", "total"))
    return (
        '<div class="trace">'
        f'<div class="trace-head">{len(answer.retrieved)} passages retrieved · {timings}</div>'
        "<table><thead><tr><th>Fused</th><th>BM25</th><th>Vector</th><th>Score</th><th>Passage</th><th>Cited</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _trace_row(passage: Passage, numbers: list[int]) -> str:
    snippet = passage.text if len(passage.text) <= TRACE_SNIPPET_CHARS else passage.text[:TRACE_SNIPPET_CHARS] + "…"
    cited = " ".join(f"[{n}]" for n in numbers) if numbers else "—"
    row_class = ' class="cited"' if numbers else ""
    return (
        f"<tr{row_class}><td>{_rank(passage.fused_rank)}</td><td>{_rank(passage.bm25_rank)}</td>"
        f"<td>{_rank(passage.dense_rank)}</td><td>{passage.score:.4f}</td>"
        f'<td><span class="title">{esc(passage.title)}</span> <span class="meta">{esc(passage.source)}</span>'
        f'<div class="snippet">{esc(snippet)}</div></td><td>{esc(cited)}</td></tr>'
    )


# --- status lines and the library ---------------------------------------------
def status_html(message: str | None, kind: str = "error") -> str:
    if not message:
        return ""
    role = ' role="alert"' if kind == "error" else ' role="status"'
    return f'<div class="status {esc(kind)}"{role}>{esc(message)}</div>'


def statuses_html(problems: Sequence[str], notes: Sequence[str]) -> str:
    """Several outcomes at once (an upload of many files): problems first."""
    return "".join([*(status_html(p, "error") for p in problems), *(status_html(n, "info") for n in notes)])


@dataclass(frozen=True)
class LibraryRow:
    article_id: str
    title: str
    source: str
    published: str | None
    chunks: int


def library_html(rows: Sequence[LibraryRow]) -> str:
    if not rows:
        return '<div class="library empty"><p>No articles are indexed. Upload some below.</p></div>'
    body = "".join(
        f'<tr data-article="{esc(r.article_id)}"><td class="title">{esc(r.title)}</td><td>{esc(r.source)}</td>'
        f"<td>{esc(_date(r.published))}</td><td>{r.chunks}</td></tr>"
        for r in rows
    )
    return (
        f'<div class="library"><div class="library-head">{len(rows)} articles indexed</div>'
        "<table><thead><tr><th>Title</th><th>Publisher</th><th>Date</th><th>Passages</th></tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )
