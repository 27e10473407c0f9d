"""What Copy puts on the clipboard: the answer and its numbered sources, in Markdown.

The `[n]` markers of an answer mean nothing once pasted elsewhere, so the
answer goes with the list they point to: for each source its title,
publisher, date, link and the quoted words, numbered as the markers are
(citations are numbered 1, 2, ... by first appearance). A refusal is copied
alone, since it cites nothing.
"""

from __future__ import annotations

import re

from rag.models import CANNOT_ANSWER, Answer, Citation

# Characters that would turn a title into emphasis, a link or code in Markdown.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a `javascript:` URL in an article's metadata must not."""
    if url and re.match(r"^https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def markdown_text(text: str) -> str:
    """`text` with Markdown's special characters escaped, on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def source_markdown(citation: Citation) -> str:
    """One entry of the list: `1. *Title*, Publisher, 2025-07-03, <https://...>` then the quote as a blockquote."""
    details = [f"*{markdown_text(citation.title)}*" if citation.title.strip() else "*untitled*"]
    if citation.source.strip():
        details.append(markdown_text(citation.source))
    details.append(citation.published or "undated")
    link = safe_url(citation.url)
    if link and not re.search(r"[\s<>]", link):
        details.append(f"<{link}>")
    quote = [f"   > {line.strip()}" for line in citation.quote.strip().splitlines() if line.strip()]
    return "\n".join([f"{citation.n}. " + ", ".join(details), *quote])


def answer_markdown(answer: Answer) -> str:
    """The answer text followed by its numbered sources."""
    text = answer.answer.strip()
    if answer.abstained or text == CANNOT_ANSWER or not answer.citations:
        return text
    entries = "\n\n".join(source_markdown(c) for c in sorted(answer.citations, key=lambda c: c.n))
    return f"{text}\n\nSources:\n\n{entries}\n"
