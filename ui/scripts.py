"""The `js_on_load` code of the HTML components: turning clicks on our markup into Python events.

gr.HTML runs this once per component with `element` (its root), `trigger`
(fire a named event whose data reaches Python as gr.EventData) and `watch`
(run after a re-render). One listener on the root (event delegation) survives
every re-render of the content, which replaces the buttons themselves.
The event names must appear quoted here: gradio finds custom events that way.
"""

from __future__ import annotations

# Shared by the transcript (a source opened under its answer) and the sources panel: a passage can be taller
# than the box it scrolls in, so showing the source's top can leave its highlighted quote out of sight. The
# quote is then centred, as the article view does with it.
REVEAL_QUOTE_JS = r"""
const revealQuote = (source, block) => {
  source.scrollIntoView({block});
  const quote = source.querySelector('mark.quote');
  if (!quote) return;
  let top = 0, bottom = window.innerHeight;
  for (let box = quote.parentElement; box; box = box.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight) {
      const edges = box.getBoundingClientRect();
      top = Math.max(top, edges.top); bottom = Math.min(bottom, edges.bottom);
    }
  }
  const at = quote.getBoundingClientRect();
  if (at.top < top || at.bottom > bottom) quote.scrollIntoView({block: 'center'});
};
"""

TRANSCRIPT_JS = REVEAL_QUOTE_JS + r"""
const copyText = async (text) => {
  try { await navigator.clipboard.writeText(text); return true; } catch (error) {
    const area = document.createElement('textarea');
    area.value = text; document.body.appendChild(area); area.select();
    const done = document.execCommand('copy'); area.remove(); return done;
  }
};
// On a narrow screen the sources open under their answer (.inline-sources, hidden on wide screens,
// where the sources panel sits beside the transcript).
const shown = (el) => el !== null && el.offsetParent !== null;
const inlineSource = (turn, n) =>
  element.querySelector(`.turn[data-turn="${turn}"] .inline-sources .source[data-n="${n}"]`);
let wanted = null;  // the source a marker asked for, scrolled to once it is drawn
let followUntil = 0;  // until when a new answer's growth is followed to the bottom (see followNewest)
element.addEventListener('click', async (event) => {
  followUntil = 0;  // the reader acts (opens a source, goes back): stop pulling the view to the bottom
  const cite = event.target.closest('button.cite');
  if (cite) {
    const turn = Number(cite.dataset.turn), n = Number(cite.dataset.n);
    const here = inlineSource(turn, n);
    if (shown(here) && here.classList.contains('active')) {
      here.open = true; revealQuote(here, 'start');  // drawn already: nothing will change
    } else {
      wanted = {turn, n};
    }
    trigger('cite', {turn, n});
    return;
  }
  const back = event.target.closest('button.back');
  if (back) {
    const turn = element.querySelector(`.turn[data-turn="${back.dataset.turn}"]`);
    if (turn) {
      turn.scrollIntoView({block: 'start'});
      const marker = turn.querySelector(`.answer button.cite[data-n="${back.dataset.n}"]`);
      if (marker) marker.focus({preventScroll: true});
    }
    return;
  }
  const open = event.target.closest('button.open-article');
  if (open) {
    trigger('open_article', {turn: Number(open.dataset.turn), n: Number(open.dataset.n)});
    return;
  }
  // Opening and closing a source under an answer is not choosing the answer.
  if (event.target.closest('.inline-sources')) return;
  const rate = event.target.closest('button.rate');
  if (rate) {
    trigger('rate', {turn: Number(rate.dataset.turn), rating: rate.dataset.rating});
    return;
  }
  const copy = event.target.closest('button.copy');
  if (copy) {
    const copied = await copyText(copy.dataset.copy);
    copy.textContent = copied ? 'Copied' : 'Copy failed';
    setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
    return;
  }
  const turn = event.target.closest('.turn[data-turn]');
  // Selecting text to copy it should not count as choosing the answer.
  if (turn && !String(window.getSelection() || '')) {
    trigger('pick', {turn: Number(turn.dataset.turn)});
  }
});
// Our own autoscroll: gr.HTML's would pull a source opened under an earlier answer down to the bottom.
// New answers (and the one being streamed, while the reader stays at the bottom) are scrolled into view.
const scroller = () => {
  for (let box = element.parentElement; box; box = box.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(box).overflowY)) return box;
  }
  return null;
};
const atBottom = (box) => box === null
  ? window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 100
  : box.scrollTop + box.offsetHeight >= box.scrollHeight - 100;
let turnCount = 0;
let nearBottom = true;
let wasPending = false;
(scroller() || window).addEventListener('scroll', () => { nearBottom = atBottom(scroller()); }, {passive: true});
// The bottom of the transcript, and of the page when the transcript's box reaches below the window (a phone):
// the newest turn's toolbar (Copy / Good / Bad) must be wholly visible.
const followNewest = () => {
  const box = scroller();
  if (box) box.scrollTo(0, box.scrollHeight);
  const bars = element.querySelectorAll('.turn .toolbar');
  const bar = bars.length ? bars[bars.length - 1] : null;
  if (bar && bar.getBoundingClientRect().bottom > window.innerHeight) bar.scrollIntoView({block: 'end'});
};
// The answer's final markup is taller than the streamed one (its toolbar, its sources) and can still grow
// after `watch` runs (layout, fonts): keep following the bottom for a moment after a turn arrives.
new ResizeObserver(() => { if (performance.now() < followUntil) followNewest(); }).observe(element);
watch('value', () => {
  const turns = element.querySelectorAll('.turn').length;
  const grew = turns > turnCount;
  turnCount = turns;
  const pending = element.querySelector('.turn.pending') !== null;
  const finished = wasPending && !pending;  // the streamed turn became the answer: same count, taller
  wasPending = pending;
  if (wanted !== null) {
    const source = inlineSource(wanted.turn, wanted.n);
    wanted = null;
    if (shown(source)) { revealQuote(source, 'start'); return; }
  }
  if (grew || (nearBottom && (pending || finished))) {
    followNewest();
    nearBottom = true;
    followUntil = performance.now() + 1000;
  }
});
"""

SOURCES_JS = REVEAL_QUOTE_JS + r"""
element.addEventListener('click', (event) => {
  const open = event.target.closest('button.open-article');
  if (open) {
    trigger('open_article', {turn: Number(open.dataset.turn), n: Number(open.dataset.n)});
  }
});
watch('value', () => {
  const active = element.querySelector('.source.active');
  if (active) revealQuote(active, 'nearest');
});
"""

ARTICLE_JS = r"""
element.addEventListener('click', (event) => {
  const back = event.target.closest('button.back');
  if (!back) return;
  const turn = document.querySelector(`#transcript .turn[data-turn="${back.dataset.turn}"]`);
  if (turn) turn.scrollIntoView({block: 'start'});
});
watch('value', () => {
  const target = element.querySelector('mark.quote') || element.querySelector('.passage');
  if (target) target.scrollIntoView({block: 'center'});
});
"""

EXAMPLES_JS = r"""
element.addEventListener('click', (event) => {
  const example = event.target.closest('button.example');
  if (example) trigger('pick_example', {question: example.dataset.question});
});
"""
