"""Unit tests of ui/render.py and its templates: escaping, clickable markers, quote and passage highlighting,
badges, ranks, filters, the copied Markdown and the trace."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import escape

from rag.models import CANNOT_ANSWER, Answer, Citation, Passage

from ui import render
from ui.session import ChatTurn

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=2">'
ARTICLE = (
    "Harbour council approves timetable.\n"
    "The council met on Tuesday. A resident wrote: " + SCRIPT + " and asked for a later ferry. "
    "The first crossing leaves at 21:15.\n"
    "Other news follows."
)


def esc(text: object) -> str:
    """Text as the templates escape it (Jinja2's autoescape is markupsafe's)."""
    return str(escape(text))


class _Tags(HTMLParser):
    """Collects every start tag, attribute name and attribute value the browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.values: dict[str, list[str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        for name, value in attrs:
            self.values.setdefault(name, []).append(value)


def tags_of(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    return parser


def citation_for(article: str, quote: str, passage: str, n: int = 1, **extra: object) -> Citation:
    passage_start = article.index(passage)
    start = article.index(quote)
    return Citation(
        n=n,
        passage_id=f"a::h::{n:04d}",
        article_id="harbour.txt",
        title="Harbour " + IMG + " council",
        source="Portmere <b>Gazette</b>",
        published="2025-06-12",
        url=None,
        text=passage,
        quote=quote,
        start=start,
        end=start + len(quote),
        passage_start=passage_start,
        score=0.0328,
        **extra,  # type: ignore[arg-type]
    )


PASSAGE = ARTICLE[ARTICLE.index("The council met") : ARTICLE.index("Other news")]
QUOTE = "A resident wrote: " + SCRIPT + " and asked for a later ferry."


def turn_with(answer_text: str, citations: list[Citation], **extra: object) -> ChatTurn:
    answer = Answer(question="What did a resident write? " + IMG, answer=answer_text, citations=citations, **extra)  # type: ignore[arg-type]
    return ChatTurn(answer, {"mode": "extractive"})


def test_templates_neutralise_markup_and_attribute_breakouts() -> None:
    breakout = '" onmouseover="x'
    markup = render.library_html([render.LibraryRow(breakout, SCRIPT, breakout, None, 1)])
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in markup
    parsed = tags_of(markup)
    assert "script" not in parsed.tags and "onmouseover" not in parsed.attributes
    assert parsed.values["data-article"] == [breakout]  # the whole value stays inside its attribute


def test_markers_of_real_citations_become_buttons_and_others_stay_text() -> None:
    body = render.answer_body_html("Putin spoke [1] and quoted a list [7]. " + SCRIPT + " [2]", turn=3, numbers=[1, 2])
    assert '<button type="button" class="cite" data-turn="3" data-n="1"' in body
    assert 'data-n="2"' in body
    assert 'data-n="7"' not in body and "[7]" in body
    assert tags_of(body).tags == ["button", "button"]
    assert "&lt;script&gt;" in body


def test_transcript_escapes_question_answer_and_rewritten_query() -> None:
    citation = citation_for(ARTICLE, QUOTE, PASSAGE)
    turn = turn_with(QUOTE + " [1]", [citation], rewritten_query="resident " + IMG, notice=IMG, flagged=[SCRIPT])
    markup = render.transcript_html([turn], selected=0, pending_question=IMG, pending_text=SCRIPT)
    parsed = tags_of(markup)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not [a for a in parsed.attributes if a.startswith("on")]
    assert "Searched for: resident &lt;img" in markup
    assert 'class="turn selected" data-turn="0"' in markup
    assert markup.count('class="cite"') == 1


def test_quote_is_highlighted_inside_its_passage_from_the_offsets() -> None:
    citation = citation_for(ARTICLE, QUOTE, PASSAGE)
    span = render.quote_span_in_passage(citation)
    assert span is not None and PASSAGE[span.start : span.end] == QUOTE
    markup = render.passage_html(citation)
    marked = re.findall(r'<mark class="quote">(.*?)</mark>', markup)
    assert marked == [esc(QUOTE)]
    assert markup.startswith(esc("The council met on Tuesday. "))
    assert "script" not in tags_of(markup).tags


def test_quote_is_found_by_text_when_offsets_disagree() -> None:
    citation = citation_for(ARTICLE, QUOTE, PASSAGE).model_copy(update={"start": 0, "end": 5})
    markup = render.passage_html(citation)
    assert re.findall(r'<mark class="quote">(.*?)</mark>', markup) == [esc(QUOTE)]


def test_article_view_highlights_passage_and_quote_in_the_whole_article() -> None:
    citation = citation_for(ARTICLE, QUOTE, PASSAGE)
    markup = render.article_html("Harbour " + IMG, "Portmere", "2025-06-12", "javascript:alert(1)", ARTICLE, citation)
    assert re.findall(r'<mark class="quote">(.*?)</mark>', markup) == [esc(QUOTE)]
    passage_text = "".join(re.findall(r'<span class="passage">(.*?)</span>', re.sub(r"</?mark[^>]*>", "", markup), re.S))
    assert passage_text == esc(PASSAGE)
    # Everything outside the passage is there too, unhighlighted.
    assert esc("Harbour council approves timetable.\n") in markup and "Other news follows." in markup
    parsed = tags_of(markup)
    assert "a" not in parsed.tags  # a javascript: url never becomes a link
    assert "img" not in parsed.tags and "script" not in parsed.tags


def test_only_http_links_are_rendered() -> None:
    assert render.safe_url("https://example.org/a") == "https://example.org/a"
    assert render.safe_url(" javascript:alert(1)") is None
    assert render.safe_url("data:text/html,x") is None
    citation = citation_for(ARTICLE, QUOTE, PASSAGE).model_copy(update={"url": 'https://x.org/"onmouseover="a'})
    markup = render.sources_html([turn_with("x [1]", [citation])], 0, None)
    parsed = tags_of(markup)
    assert parsed.values["href"] == ['https://x.org/"onmouseover="a'] and "onmouseover" not in parsed.attributes


def retrieved(*passage_ids: str) -> list[Passage]:
    return [
        Passage(passage_id=pid, article_id="a", title="T", source="S", text="t", start=0, end=1, score=0.03 - i / 1000,
                fused_rank=i + 1)
        for i, pid in enumerate(passage_ids)
    ]


def test_sources_panel_lists_each_source_with_verdict_rank_and_also_reported() -> None:
    first = citation_for(ARTICLE, QUOTE, PASSAGE, also_reported_by=["AP", "Reuters <i>"])
    second = citation_for(ARTICLE, "The first crossing leaves at 21:15.", PASSAGE, n=2, support="partial")
    passages = retrieved("other::1", first.passage_id, "other::2", second.passage_id)
    markup = render.sources_html([turn_with("a [1] b [2]", [first, second], retrieved=passages)], 0, active=2)
    assert markup.count('<details class="source') == 2
    assert '<details class="source active" data-n="2" open>' in markup
    assert '<details class="source" data-n="1">' in markup  # closed: the clicked source is the one open
    assert "Also reported by AP, Reuters &lt;i&gt;" in markup
    assert 'class="support partial">partly supported' in markup
    # relevance as the rank among the retrieved passages and a bar, never the raw fused score
    assert "rank 2 of 4" in markup and "rank 4 of 4" in markup and "0.0328" not in markup and "score" not in markup
    assert re.findall(r'class="fill" style="width: (\d+)%"', markup) == ["75", "25"]
    assert "Portmere &lt;b&gt;Gazette&lt;/b&gt; · 2025-06-12" in markup
    assert 'class="open-article" data-turn="0" data-n="2"' in markup
    assert {"img", "b", "i", "script"}.isdisjoint(tags_of(markup).tags)


def test_sources_panel_without_selection_or_citations() -> None:
    assert "appear here" in render.sources_html([], None, None)
    abstained = turn_with("The articles don't say.", [], abstained=True)
    assert "No passage answered" in render.sources_html([abstained], 0, None)


def test_trace_lists_each_passage_with_its_ranks_and_which_citations_used_it() -> None:
    cited = Passage(passage_id="a::1", article_id="a", title="T " + IMG, source="S", text="x" * 500, start=0, end=500,
                    score=0.0327, dense_rank=3, bm25_rank=1, fused_rank=1)
    other = Passage(passage_id="b::1", article_id="b", title="U", source="S", text="y " + SCRIPT, start=0, end=1,
                    score=0.01, dense_rank=None, bm25_rank=7, fused_rank=2)
    citation = citation_for(ARTICLE, QUOTE, PASSAGE).model_copy(update={"passage_id": "a::1"})
    answer = Answer(question="q", answer="a [1]", citations=[citation], retrieved=[cited, other], confidence=0.734,
                    timings_ms={"retrieve": 12.0, "answer": 3.0, "total": 15.4})
    markup = render.trace_html(answer)
    assert re.findall(r'<li class="hit( cited)?">', markup) == [" cited", ""]
    assert re.findall(r"rank (\d) of 2", markup) == ["1", "2"]
    assert "fused 1 · BM25 1 · vector 3" in markup and "fused 2 · BM25 7 · vector —" in markup
    assert "cited as [1]" in markup and "not cited" in markup
    assert "2 passages retrieved · retrieve 12 ms · answer 3 ms · total 15 ms · answer model confidence 73%" in markup
    # each passage is a paragraph of its own (readable at the panel's width), escaped, cut after 400 characters
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', markup)
    assert snippets == ["x" * render.TRACE_SNIPPET_CHARS + "…", esc("y " + SCRIPT)]
    assert {"img", "script"}.isdisjoint(tags_of(markup).tags)


def test_library_and_status_escape_their_text() -> None:
    rows = [render.LibraryRow("a.txt", "Title " + IMG, "Pub", None, 3)]
    markup = render.library_html(rows)
    assert "undated" in markup and "<td>3</td>" in markup and "img" not in tags_of(markup).tags
    status = render.statuses_html([SCRIPT], ["fine"])
    assert status.index("error") < status.index("info") and "script" not in tags_of(status).tags


def test_an_extractive_citation_shows_whether_it_answers_not_a_support_verdict_it_always_passes() -> None:
    answering = citation_for(ARTICLE, QUOTE, PASSAGE).model_copy(update={"relevance": "answers"})
    beside = citation_for(ARTICLE, "The first crossing leaves at 21:15.", PASSAGE, n=2).model_copy(
        update={"relevance": "related"}
    )
    markup = render.sources_html([turn_with("a [1] b [2]", [answering, beside])], 0, None)
    assert 'class="support answers">answers the question' in markup
    assert 'class="support related">related' in markup
    assert ">supported<" not in markup


def test_a_refusal_never_shows_a_green_badge() -> None:
    answering = citation_for(ARTICLE, QUOTE, PASSAGE).model_copy(update={"relevance": "answers"})
    checked = citation_for(ARTICLE, "The first crossing leaves at 21:15.", PASSAGE, n=2)  # support "supported"
    for text, abstained in ((CANNOT_ANSWER, True), (CANNOT_ANSWER, False)):
        markup = render.sources_html([turn_with(text, [answering, checked], abstained=abstained)], 0, None)
        assert re.findall(r'class="support (\w+)">', markup) == ["related", "related"]
    answered = render.sources_html([turn_with("a [1] b [2]", [answering, checked])], 0, None)
    assert re.findall(r'class="support (\w+)">', answered) == ["answers", "supported"]


def test_each_answer_shows_the_filters_it_was_searched_with_and_carries_its_markdown() -> None:
    citation = citation_for(ARTICLE, QUOTE, PASSAGE)
    filtered = turn_with(QUOTE + " [1]", [citation])
    filtered.settings = {"filters": {"publishers": ["Portmere <b>Gazette</b>", "AP"], "date_from": "2025-06-01",
                                     "date_to": "2025-06-30"}}
    plain = turn_with(QUOTE + " [1]", [citation])
    markup = render.transcript_html([filtered, plain], selected=1, pending_question="next?",
                                    pending_settings={"filters": {"publishers": [], "date_to": "2025-07-01"}})
    assert re.findall(r'<div class="filters"[^>]*>(.*?)</div>', markup) == [
        "Filtered: Portmere &lt;b&gt;Gazette&lt;/b&gt;, AP · 2025-06-01 to 2025-06-30",
        "Filtered: until 2025-07-01",  # the question being answered
    ]
    copies = tags_of(markup).values["data-copy"]
    assert len(copies) == 2 and copies[0].startswith(QUOTE + " [1]\n\nSources:\n\n1. *Harbour \\<img")


def test_the_opened_source_is_listed_under_its_answer_too() -> None:
    first = citation_for(ARTICLE, QUOTE, PASSAGE)
    second = citation_for(ARTICLE, "The first crossing leaves at 21:15.", PASSAGE, n=2)
    turns = [turn_with("a [1]", [first]), turn_with("a [1] b [2]", [first, second])]
    assert "inline-sources" not in render.transcript_html(turns, selected=1)  # no marker clicked
    markup = render.transcript_html(turns, selected=1, active=2)
    assert markup.count('<section class="inline-sources"') == 1
    inline = markup[markup.index('<section class="inline-sources"') :]
    assert markup.index('data-turn="1"') < markup.index('<section class="inline-sources"')
    assert '<details class="source active" data-n="2" open>' in inline and '<details class="source" data-n="1">' in inline
    assert re.findall(r'class="back" data-turn="(\d)"', inline) == ["1", "1", "1"]
    assert {"img", "script"}.isdisjoint(tags_of(markup).tags)


def test_a_refusal_shows_the_sentence_in_which_an_article_says_it_does_not_know() -> None:
    refused = ChatTurn(Answer(
        question="What caused the Tull Street fire?", answer=CANNOT_ANSWER, abstained=True,
        notice="Harbour Gazette says this is not known or not given: “The cause has not been <b>determined</b>.”",
    ), {"mode": "extractive"})  # fmt: skip
    markup = render.transcript_html([refused], selected=0)
    assert esc(CANNOT_ANSWER) in markup
    notices = re.findall(r'<div class="notice">(.*?)</div>', markup, re.S)
    assert notices == [esc(refused.answer.notice)]
