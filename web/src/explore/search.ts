// The search box: names (each result with its kind's symbol, as the legend draws it) and
// the quotes that mention the words; arrows move through the results, Enter picks the one
// marked (or the first, as soon as the results arrive), Escape closes them.
import type * as api from './api';
import { $, h, show } from './dom';
import { glyphs, kinds } from './style';

type Found = { hits: api.SearchHit[]; mentions: api.Mention[] };

/** Wires the search box: find runs a search (undefined when it failed), pick opens what was chosen. */
export function setupSearch(find: (text: string) => Promise<Found | undefined>, pick: (ids: string[]) => void): void {
  const input = $('search') as HTMLInputElement;
  const results = $('results');
  const items = () => [...results.querySelectorAll<HTMLElement>('li[data-id], li[data-mention]')];
  let timer: number | undefined;
  let typed = 0; // the search of the text as typed last
  let shown = 0; // the search whose results the list holds
  let enterWaiting = false; // Enter came before the results of what is typed: pick the first when they do

  async function search(mine: number): Promise<void> {
    const text = input.value.trim();
    const found = text.length < 2 ? undefined : await find(text);
    if (mine !== typed) return; // a later keystroke won
    shown = mine;
    show(results, found ? list(found, text, pick) : []);
    results.hidden = !found;
    if (enterWaiting && found) items()[0]?.click();
    enterWaiting = false;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const mine = ++typed;
    timer = window.setTimeout(() => { timer = undefined; void search(mine); }, 200);
  });
  input.addEventListener('keydown', (ev) => {
    const list = items();
    const at = list.findIndex((li) => li.classList.contains('active'));
    if ((ev.key === 'ArrowDown' || ev.key === 'ArrowUp') && shown === typed) {
      ev.preventDefault();
      if (!list.length) return;
      const next = ev.key === 'ArrowDown' ? (at + 1) % list.length : (at <= 0 ? list.length : at) - 1;
      list.forEach((li, i) => li.classList.toggle('active', i === next));
      list[next].scrollIntoView({ block: 'nearest' });
    }
    if (ev.key === 'Enter') {
      ev.preventDefault();
      if (shown === typed) {
        list[Math.max(at, 0)]?.click();
        return;
      }
      enterWaiting = true;
      if (timer !== undefined) { // typed but not searched yet: search now
        clearTimeout(timer);
        timer = undefined;
        void search(typed);
      }
    }
    if (ev.key === 'Escape') { results.hidden = true; enterWaiting = false; }
  });
  document.addEventListener('click', (ev) => {
    if (!(ev.target as HTMLElement).closest('.search')) results.hidden = true;
  });
}

function list({ hits, mentions }: Found, text: string, pick: (ids: string[]) => void): (HTMLElement | null)[] {
  return [
    ...hits.map((hit) => h('li', { role: 'option', 'data-id': hit.entity.id, onclick: () => pick([hit.entity.id]) },
      h('span', { class: 'glyph', style: `color:${kinds[hit.kind].color}`, 'aria-hidden': 'true' }, glyphs[hit.kind]),
      h('span', { class: 'hit-name' }, hit.entity.name), h('span', { class: 'badge' }, kinds[hit.kind].label),
      hit.matched !== hit.entity.name ? h('span', { class: 'matched' }, `matched “${hit.matched}”`) : null)),
    !hits.length ? h('li', { class: 'muted' }, `No name matches “${text}”.`) : null,
    mentions.length ? h('li', { class: 'section', role: 'presentation' }, 'Mentioned in') : null,
    ...mentions.map((m, i) => {
      // a statement opens itself; a citation the entities its fact is about
      const ids = m.statement ? [m.statement.id] : m.about.map((a) => a.id);
      return h('li', { role: 'option', class: 'mention', 'data-mention': String(i), onclick: () => pick(ids) },
        h('span', { class: 'quote' }, ...excerpt(m.quote, text)),
        h('span', { class: 'said' }, m.saidBy.length ? `— ${m.saidBy.map((e) => e.name).join(', ')}` : '',
          m.statement ? ` (statement “${m.statement.name}”)` : m.citation ? `, in “${m.citation.source.title}”` : '',
          m.about.length && !m.statement ? ` · about ${m.about.map((a) => a.name).join(' and ')}` : ''));
    }),
  ];
}

/** The part of a quote around the first word searched for, the words marked. */
function excerpt(quote: string, text: string): (string | HTMLElement)[] {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
  const lower = quote.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), quote.length);
  const start = at === quote.length || at < 60 ? 0 : quote.lastIndexOf(' ', at - 50) + 1;
  const end = Math.min(quote.length, start + 160);
  const part = quote.slice(start, end);
  const out: (string | HTMLElement)[] = start > 0 ? ['…'] : [];
  const re = words.length ? new RegExp(`(${words.join('|')})`, 'giu') : null; // words are letters and digits only
  for (const piece of re ? part.split(re) : [part]) {
    out.push(re && words.includes(piece.toLowerCase()) ? h('mark', {}, piece) : piece);
  }
  if (end < quote.length) out.push('…');
  return out;
}
