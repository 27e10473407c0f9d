"""The look of the app: a theme on system fonts and the CSS of our own HTML.

System fonts because the page must load nothing from the internet (no Google
Fonts). Colours come from the theme's CSS variables so dark mode works.
"""

from __future__ import annotations

from typing import Any

# Gradio's footer links, for every launch (SourcedBlocks.launch and `rag serve`'s launch_options): "Use via
# API" and "Built with Gradio", but not gradio's own "Settings", which would be a second "Settings" beside
# ours (ui/README.md).
FOOTER_LINKS: tuple[str, ...] = ("api", "gradio")

APP_CSS = """
.gradio-container { max-width: 1400px !important; }
#app-header h1 { margin: 0; font-size: 1.6rem; }
#app-header p { margin: 0.2rem 0 0; color: var(--body-text-color-subdued); }

/* transcript */
#transcript .transcript { display: flex; flex-direction: column; gap: 0.9rem; padding: 0.25rem; }
#transcript .transcript.empty p { color: var(--body-text-color-subdued); }
#transcript .turn { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 0.7rem 0.9rem;
  background: var(--background-fill-primary); cursor: pointer; }
#transcript .turn.selected { border-color: var(--color-accent); box-shadow: 0 0 0 1px var(--color-accent); }
#transcript .turn.pending { cursor: default; opacity: 0.9; }
#transcript .question { font-weight: 600; margin-bottom: 0.4rem; }
#transcript .who { display: inline-block; font-size: 0.75rem; font-weight: 600; text-transform: uppercase;
  color: var(--body-text-color-subdued); margin-right: 0.5rem; }
#transcript .searched { font-size: 0.85rem; color: var(--body-text-color-subdued); font-style: italic;
  margin-bottom: 0.4rem; }
#transcript .filters { display: inline-block; font-size: 0.8rem; margin-bottom: 0.45rem; padding: 0.05rem 0.55rem;
  border-radius: 999px; border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); }
#transcript .answer { white-space: pre-wrap; line-height: 1.55; }
#transcript .answer.abstained { color: var(--body-text-color-subdued); }
#transcript .thinking { color: var(--body-text-color-subdued); }
#transcript .notice, #transcript .flagged { margin-top: 0.5rem; font-size: 0.85rem; padding: 0.4rem 0.6rem;
  border-radius: 6px; background: var(--background-fill-secondary); }
#transcript .flagged ul { margin: 0.2rem 0 0 1.1rem; }
#transcript button.cite { display: inline; border: none; background: var(--color-accent-soft);
  color: var(--color-accent); font-weight: 700; font-size: 0.85em; padding: 0 0.25em; margin: 0 0.05em;
  border-radius: 4px; cursor: pointer; }
#transcript button.cite:hover, #transcript button.cite:focus { background: var(--color-accent); color: white; }
#transcript .toolbar { display: flex; gap: 0.4rem; align-items: center; margin-top: 0.55rem; font-size: 0.8rem; }
#transcript .toolbar .mode { color: var(--body-text-color-subdued); margin-right: auto; }
/* gr.HTML's prose styles size buttons and space blockquotes; ours must win. */
#transcript .toolbar button { border: 1px solid var(--border-color-primary); background: transparent;
  border-radius: 6px; padding: 0.1rem 0.5rem; cursor: pointer; color: var(--body-text-color);
  font-size: 0.8rem !important; font-weight: 400 !important; }
#transcript .toolbar.rated-up button.up, #transcript .toolbar.rated-down button.down {
  background: var(--color-accent-soft); border-color: var(--color-accent); }

/* The sources of the selected answer: in the panel beside the transcript on a wide screen; on a narrow one,
   where the panel would sit far below, under the answer they belong to (.inline-sources). */
#transcript .inline-sources { display: none; cursor: default; }
#transcript .inline-head { display: flex; align-items: center; gap: 0.5rem; margin: 0.8rem 0 0.4rem;
  font-weight: 600; font-size: 0.9rem; }
#transcript .inline-head span { margin-right: auto; }
#article-view button.back { display: none; }
@media (max-width: 860px) {
  #transcript .inline-sources { display: block; }
  #sources { display: none !important; }
  #article-view button.back { display: inline-block; margin-left: 0.3rem; }
}
.sources-head { font-weight: 600; margin-bottom: 0.5rem; }
#sources .empty p, #sources .none { color: var(--body-text-color-subdued); }
details.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.5rem 0.7rem;
  margin-bottom: 0.6rem; }
details.source.active { border-color: var(--color-accent); box-shadow: 0 0 0 1px var(--color-accent); }
details.source summary { cursor: pointer; }
details.source .n { font-weight: 700; color: var(--color-accent); }
details.source .title, #article-view .title, #trace .title { font-weight: 600; }
details.source .meta, #article-view .meta, #trace .meta { color: var(--body-text-color-subdued); font-size: 0.85rem; }
details.source .verdict { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.35rem 0;
  font-size: 0.8rem; }
.support { padding: 0.05rem 0.45rem; border-radius: 999px; font-weight: 600; }
.support.supported, .support.answers { background: #e3f4e5; color: #1d6b2a; }
.support.partial { background: #fff4d6; color: #7a5400; }
.support.unsupported { background: #fdecea; color: #8a1c12; }
.support.related { background: #eef0f3; color: #3d4452; }
details.source .also { font-size: 0.85rem; font-style: italic; margin-bottom: 0.3rem; }
details.source blockquote.passage-text { white-space: pre-wrap; margin: 0.3rem 0 0.5rem !important;
  padding: 0.4rem 0.6rem; border-left: 3px solid var(--border-color-primary); font-size: 0.9rem; line-height: 1.5; }
mark.quote { background: #ffe58a; color: #1f1f1f; padding: 0 0.1em; border-radius: 2px; }
.source-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.source-actions button, #transcript .inline-head button, #article-view button.back {
  border: 1px solid var(--border-color-primary); background: transparent; border-radius: 6px;
  padding: 0.15rem 0.6rem; cursor: pointer; font-size: 0.85rem !important; font-weight: 400 !important;
  color: var(--body-text-color); }

/* A long unbroken word (a URL quoted in an article) wraps inside its card instead of running out of it, on a
   phone above all; text with spaces still breaks only at them. Inherited by quotes, passages and markers. */
#transcript .question, #transcript .answer, details.source, #article-view .article-head,
#article-view .article-text, #trace li.hit { overflow-wrap: anywhere; }

/* relevance: the retrieval rank in words and as a bar (longer is a closer match) */
.rank { display: inline-flex; align-items: center; gap: 0.35rem; color: var(--body-text-color-subdued);
  white-space: nowrap; }
.rank .bar { display: inline-block; width: 4rem; height: 0.4rem; border-radius: 999px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); overflow: hidden; }
.rank .fill { display: block; height: 100%; background: var(--color-accent); }

/* example questions */
#examples .examples { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
#examples .label { font-size: 0.85rem; color: var(--body-text-color-subdued); margin-right: 0.2rem; }
#examples button.example { border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary);
  border-radius: 999px; padding: 0.2rem 0.7rem; cursor: pointer; font-size: 0.85rem !important;
  font-weight: 400 !important; color: var(--body-text-color); text-align: left; }
#examples button.example:hover, #examples button.example:focus { border-color: var(--color-accent); }
#examples .empty p { color: var(--body-text-color-subdued); margin: 0; }

/* status lines */
.status { padding: 0.45rem 0.7rem; border-radius: 6px; font-size: 0.9rem; }
.status.error { background: #fdecea; color: #8a1c12; }
.status.info { background: var(--background-fill-secondary); }
.status.progress { background: var(--background-fill-secondary); display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center; }
.status.progress progress { flex: 1 1 10rem; max-width: 24rem; }
.status.progress .progress-hint { flex-basis: 100%; opacity: 0.75; font-size: 0.85rem; }

/* article viewer */
#article-view .article-head { position: sticky; top: 0; background: var(--background-fill-primary);
  padding: 0.3rem 0; border-bottom: 1px solid var(--border-color-primary); }
#article-view .label { font-weight: 700; color: var(--color-accent); margin-right: 0.3rem; }
#article-view .article-text { white-space: pre-wrap; line-height: 1.55; font-size: 0.92rem; padding-top: 0.4rem; }
#article-view .passage { background: var(--color-accent-soft); }
#article-view .empty p, #article-view .missing p { color: var(--body-text-color-subdued); }

/* retrieval trace: one block per passage, its text as wide as the panel */
#trace .trace-head, #library-table .library-head { font-size: 0.85rem; margin-bottom: 0.3rem;
  color: var(--body-text-color-subdued); }
#trace ol.hits { list-style: none; margin: 0 !important; padding: 0 !important; }
#trace li.hit { margin: 0 0 0.5rem !important; padding: 0.45rem 0.6rem; border-radius: 8px;
  border: 1px solid var(--border-color-primary); }
#trace li.hit.cited { background: var(--color-accent-soft); }
#trace .hit-head { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center; font-size: 0.8rem; }
#trace .ranks, #trace .cited-by { color: var(--body-text-color-subdued); }
#trace li.hit.cited .cited-by { color: var(--body-text-color); font-weight: 600; }
#trace .hit-title { margin-top: 0.2rem; font-size: 0.9rem; }
#trace p.snippet { margin: 0.2rem 0 0 !important; font-size: 0.88rem; line-height: 1.5; max-width: 75ch; }

/* library table, its filter box and page buttons */
#library-controls { align-items: center; }
#library-table table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
#library-table th, #library-table td { border-bottom: 1px solid var(--border-color-primary);
  padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
"""


def build_theme() -> Any:
    """The default theme with system fonts, so no font is fetched from Google."""
    import gradio as gr

    return gr.themes.Default(
        font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )
