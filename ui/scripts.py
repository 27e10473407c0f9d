"""The `js_on_load` code of the HTML components: turning clicks on our markup into Python events.

gr.HTML runs this once per component with `element` (its root), `trigger`
(fire a named event whose data reaches Python as gr.EventData) and `watch`
(run after a re-render). One listener on the root (event delegation) survives
every re-render of the content, which replaces the buttons themselves.
The event names must appear quoted here: gradio finds custom events that way.
"""

from __future__ import annotations

TRANSCRIPT_JS = r"""
const copyText = async (text) => {
  try { await navigator.clipboard.writeText(text); return true; } catch (error) {
    const area = document.createElement('textarea');
    area.value = text; document.body.appendChild(area); area.select();
    const done = document.execCommand('copy'); area.remove(); return done;
  }
};
element.addEventListener('click', async (event) => {
  const cite = event.target.closest('button.cite');
  if (cite) {
    trigger('cite', {turn: Number(cite.dataset.turn), n: Number(cite.dataset.n)});
    return;
  }
  const rate = event.target.closest('button.rate');
  if (rate) {
    trigger('rate', {turn: Number(rate.dataset.turn), rating: rate.dataset.rating});
    return;
  }
  const copy = event.target.closest('button.copy');
  if (copy) {
    const answer = copy.closest('.turn').querySelector('.answer');
    const copied = await copyText(answer.innerText);
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
"""

SOURCES_JS = r"""
element.addEventListener('click', (event) => {
  const open = event.target.closest('button.open-article');
  if (open) {
    trigger('open_article', {turn: Number(open.dataset.turn), n: Number(open.dataset.n)});
  }
});
watch('value', () => {
  const active = element.querySelector('.source.active');
  if (active) active.scrollIntoView({block: 'nearest'});
});
"""

ARTICLE_JS = r"""
watch('value', () => {
  const target = element.querySelector('mark.quote') || element.querySelector('.passage');
  if (target) target.scrollIntoView({block: 'center'});
});
"""
