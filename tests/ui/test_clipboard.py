"""What Copy puts on the clipboard: the answer with a numbered source list in Markdown."""

from __future__ import annotations

from rag.models import CANNOT_ANSWER, Answer, Citation

from ui.clipboard import answer_markdown, markdown_text

PASSAGE = (
    "The Saltmarsh district council voted on Thursday to build a tide barrier.\n"
    "The barrier will cost 18 million pounds and is due to open in 2029,\nthe council said."
)


def cite(n: int, quote: str, **extra: object) -> Citation:
    start = PASSAGE.index(quote)
    fields: dict[str, object] = {
        "n": n, "passage_id": f"p{n}", "article_id": "saltmarsh", "title": "Saltmarsh council votes for a barrier",
        "source": "Elverton Courier", "published": "2026-03-14", "url": "https://courier.example/barrier",
        "text": PASSAGE, "quote": quote, "start": start, "end": start + len(quote), "passage_start": 0,
    }
    fields.update(extra)
    return Citation(**fields)  # type: ignore[arg-type]


def test_the_answer_is_followed_by_its_sources_numbered_as_its_markers() -> None:
    first = cite(1, "The Saltmarsh district council voted on Thursday to build a tide barrier.")
    second = cite(2, "The barrier will cost 18 million pounds and is due to open in 2029,\nthe council said.",
                  title="Barrier *costs* [rise]", source="Wend_Post", published=None, url="javascript:alert(1)")
    answer = Answer(question="q", answer="The council voted for a barrier [1]. It costs 18 million pounds [2].",
                    citations=[second, first])
    assert answer_markdown(answer) == (
        "The council voted for a barrier [1]. It costs 18 million pounds [2].\n"
        "\n"
        "Sources:\n"
        "\n"
        "1. *Saltmarsh council votes for a barrier*, Elverton Courier, 2026-03-14, <https://courier.example/barrier>\n"
        "   > The Saltmarsh district council voted on Thursday to build a tide barrier.\n"
        "\n"
        "2. *Barrier \\*costs\\* \\[rise\\]*, Wend\\_Post, undated\n"  # no javascript: link, Markdown escaped
        "   > The barrier will cost 18 million pounds and is due to open in 2029,\n"
        "   > the council said.\n"
    )


def test_a_refusal_is_copied_alone() -> None:
    refusal = Answer(question="q", answer=CANNOT_ANSWER, abstained=True)
    assert answer_markdown(refusal) == CANNOT_ANSWER
    uncited = Answer(question="q", answer="Nothing to cite.")
    assert answer_markdown(uncited) == "Nothing to cite."


def test_markdown_text_keeps_one_line_and_escapes_what_markdown_would_read() -> None:
    assert markdown_text("a\n  b_c *d* `e` <f> [g]") == "a b\\_c \\*d\\* \\`e\\` \\<f> \\[g\\]"
