// The explorer page: search, expand, read the citations, filter, travel in time, find
// paths, read accountability reports, run saved queries, export. The URL holds the view.
import * as api from './api';
import { $, h, show } from './dom';
import { exportGraphML, exportPNG } from './export';
import * as panels from './panels';
import { type ViewState, readState, writeState } from './state';
import { confidences, kinds, lines, relTypes } from './style';
import { GraphView } from './view';

/** An expansion bringing more relationships than this is shown before it is made. */
const bigExpansion = 25;
/** The time slider runs by month from January of this year to now. */
const firstYear = 1950;

const view = new GraphView($('graph'));
// for scripting the page from the console (and for the end-to-end tests)
(window as unknown as { explorer: unknown }).explorer = { view, cy: view.cy };

let state: ViewState = readState(location.search);
const panel = $('panel');
const pathEnds: { from: string | null; to: string | null } = { from: null, to: null };

// ---- state, history, errors

function commit(push = true): void {
  state.ids = view.ids();
  const url = writeState(state);
  if (url === location.search || (url === location.pathname && !location.search)) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

let busy = 0;
async function run<T>(what: string, task: () => Promise<T>): Promise<T | undefined> {
  busy++;
  status(`${what}…`);
  try {
    return await task();
  } catch (err) {
    fail(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  } finally {
    busy--;
    status();
  }
}

/** Shows a problem until the user dismisses it (or the next one replaces it). */
function fail(message: string): void {
  show($('error'), message, h('button', { class: 'dismiss', title: 'Dismiss', onclick: () => { $('error').hidden = true; } }, '×'));
  $('error').hidden = false;
}

function status(doing?: string): void {
  const shown = view.cy.nodes(':visible').length;
  const rels = view.cy.edges(':visible').length;
  const parts = [`${shown} entities · ${rels} relationships shown`];
  if (view.nodes.size > shown) parts.push(`${view.nodes.size - shown} entities filtered out`);
  parts.push(state.asOf ? `true on ${state.asOf}` : 'at any time');
  if (view.truncated.length) parts.push(`some neighbourhoods were cut at 200 neighbours`);
  if (doing || busy) parts.push(doing ?? 'working…');
  show($('status'), parts.join(' — '));
  $('status').dataset.busy = busy ? 'true' : 'false';
}

async function restore(): Promise<void> {
  syncControls();
  await run('Loading the view', async () => {
    try {
      await view.load(state.ids, state.asOf);
    } finally {
      view.filter(state);
      if (state.ids.length !== view.nodes.size) commit(false); // what could not be shown leaves the URL
    }
  });
  if (state.path) await findPaths(state.path[0], state.path[1], false);
  else if (state.selected && view.nodes.has(state.selected)) await selectNode(state.selected);
  else if (state.selected && view.edges.has(state.selected)) selectEdge(state.selected);
  else welcome();
  status();
}

function welcome(): void {
  takePanel();
  panel.classList.remove('wide');
  show(panel, h('h2', {}, 'Explore the graph'),
    h('p', {}, 'Search for a person, an organization, a post or an event: any spelling or script.'),
    h('ul', {}, h('li', {}, 'Click an entity or a relationship: what it is and who says so.'),
      h('li', {}, 'Double-click an entity: its neighbours.'),
      h('li', {}, 'Dashed lines are allegations; solid, heavy lines are what a court decided.')));
}

// ---- search

let searchTimer: number | undefined;
let searchSeq = 0;
$('search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(doSearch, 200);
});
// arrows move through the results, Enter picks the one marked (or the first), Escape closes
$('search').addEventListener('keydown', (ev) => {
  const items = [...$('results').querySelectorAll<HTMLElement>('li[data-id], li[data-mention]')];
  const at = items.findIndex((li) => li.classList.contains('active'));
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    if (!items.length) return;
    const next = ev.key === 'ArrowDown' ? (at + 1) % items.length : (at <= 0 ? items.length : at) - 1;
    items.forEach((li, i) => li.classList.toggle('active', i === next));
    items[next].scrollIntoView({ block: 'nearest' });
  }
  if (ev.key === 'Enter' && items.length) items[Math.max(at, 0)].click();
  if (ev.key === 'Escape') $('results').hidden = true;
});
document.addEventListener('click', (ev) => {
  if (!(ev.target as HTMLElement).closest('.search')) $('results').hidden = true;
});

async function doSearch(): Promise<void> {
  const text = ($('search') as HTMLInputElement).value.trim();
  const seq = ++searchSeq;
  if (text.length < 2) { $('results').hidden = true; return; }
  const found = await run('Searching', () => api.search(text));
  if (!found || seq !== searchSeq) return; // a later keystroke won
  const { hits, mentions } = found;
  show($('results'),
    hits.map((hit) => h('li', { role: 'option', 'data-id': hit.entity.id, onclick: () => pick([hit.entity.id]) },
      h('span', { class: 'glyph', style: `color:${kinds[hit.kind].color}` }, '●'),
      h('span', { class: 'hit-name' }, hit.entity.name), h('span', { class: 'badge' }, kinds[hit.kind].label),
      hit.matched !== hit.entity.name ? h('span', { class: 'matched' }, `matched “${hit.matched}”`) : null)),
    !hits.length ? h('li', { class: 'muted' }, `No name matches “${text}”.`) : null,
    mentions.length ? h('li', { class: 'section', role: 'presentation' }, 'Mentioned in') : null,
    mentions.map((m, i) => {
      // a statement opens itself; a citation the entities its fact is about
      const ids = m.statement ? [m.statement.id] : m.about.map((a) => a.id);
      return h('li', { role: 'option', class: 'mention', 'data-mention': String(i), onclick: () => pick(ids) },
        h('span', { class: 'quote' }, ...excerpt(m.quote, text)),
        h('span', { class: 'said' }, m.saidBy.length ? `— ${m.saidBy.map((e) => e.name).join(', ')}` : '',
          m.statement ? ` (statement “${m.statement.name}”)` : m.citation ? `, in “${m.citation.source.title}”` : '',
          m.about.length && !m.statement ? ` · about ${m.about.map((a) => a.name).join(' and ')}` : ''));
    }));
  $('results').hidden = false;
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

async function pick(ids: string[]): Promise<void> {
  $('results').hidden = true;
  if (!ids.length) return;
  await run('Adding', async () => {
    await view.add(ids);
    view.filter(state);
  });
  await selectNode(ids[0]);
  commit();
}

// ---- selection and panels

// Whatever asked for the panel last owns it: a slow answer to an earlier click (a double
// click is two clicks first) must not replace what a later action showed.
let panelTurn = 0;
function takePanel(): () => boolean {
  const mine = ++panelTurn;
  return () => mine === panelTurn;
}

async function selectNode(id: string): Promise<void> {
  view.cy.elements().unselect();
  view.cy.getElementById(id).select();
  state.selected = id;
  const current = takePanel();
  const e = await run('Reading', () => api.entity(id));
  if (!e || !current()) return;
  panel.classList.remove('wide');
  show(panel, panels.entityPanel(e, view.nodes.get(id)?.kind ?? '', {
    expand: () => expand(id),
    pathFrom: () => setPathEnd('from', id),
    pathTo: () => setPathEnd('to', id),
    accountability: () => showAccountability(id),
    remove: () => { view.cy.getElementById(id).remove(); view.nodes.delete(id); state.selected = null; welcome(); void reload(); },
  }));
  commit(false);
}

function selectEdge(id: string): void {
  const e = view.edges.get(id);
  if (!e) return;
  takePanel();
  state.selected = id;
  panel.classList.remove('wide');
  show(panel, panels.edgePanel(e, (n) => view.nodes.get(n)?.label ?? n));
  commit(false);
}

view.cy.on('tap', 'node', (ev) => { void selectNode(ev.target.id()); });
view.cy.on('tap', 'edge', (ev) => selectEdge(ev.target.id()));
view.cy.on('dbltap', 'node', (ev) => { void expand(ev.target.id()); });

async function expand(id: string): Promise<void> {
  const stats = await run('Counting neighbours', () => api.expandStats(id, state.asOf));
  if (!stats) return;
  const total = stats.reduce((n, s) => n + s.count, 0);
  const go = async () => {
    const added = await run('Expanding', async () => {
      const n = await view.expand(id);
      view.filter(state);
      return n;
    });
    if (added === undefined) return;
    commit();
    status(added ? undefined : 'no new neighbours');
    await selectNode(id);
  };
  if (total <= bigExpansion) return go();
  takePanel();
  panel.classList.remove('wide');
  show(panel, panels.expandPrompt(view.nodes.get(id)?.label ?? id, stats, () => void go(), () => void selectNode(id)));
}

async function reload(): Promise<void> {
  await run('Loading', async () => {
    await view.load(view.ids(), state.asOf);
    view.filter(state);
  });
  commit();
}

// ---- paths and accountability

function setPathEnd(end: 'from' | 'to', id: string): void {
  pathEnds[end] = id;
  show($(`path-${end}`), view.nodes.get(id)?.label ?? id);
  ($('path-find') as HTMLButtonElement).disabled = !(pathEnds.from && pathEnds.to);
}

$('path-mentions').addEventListener('change', () => {
  state.pathMentions = ($('path-mentions') as HTMLInputElement).checked;
  commit();
});
$('path-find').addEventListener('click', () => {
  if (pathEnds.from && pathEnds.to) void findPaths(pathEnds.from, pathEnds.to, true);
});
$('path-clear').addEventListener('click', () => {
  pathEnds.from = pathEnds.to = null;
  show($('path-from'), 'pick a node');
  show($('path-to'), 'pick a node');
  ($('path-find') as HTMLButtonElement).disabled = true;
  state.path = null;
  view.highlight([], []);
  commit();
});

const pathIds = (p: api.Path) => [p.steps.flatMap((s) => [s.from.id, s.to.id]), p.steps.map((s) => s.edge.id)];

async function findPaths(from: string, to: string, push: boolean): Promise<void> {
  const found = await run('Finding paths', async () => {
    // the relationship types the sidebar shows; statements only when asked for
    const types = relTypes.filter((r) => !state.hiddenRels.includes(r) && (state.pathMentions || (r !== 'STATED' && r !== 'ABOUT')));
    const list = types.length ? await api.paths(from, to, state.asOf, types, state.minConfidence) : [];
    await view.add([from, to, ...list.flatMap((p) => pathIds(p)[0])]);
    view.filter(state);
    return list;
  });
  if (!found) return;
  takePanel();
  setPathEnd('from', from);
  setPathEnd('to', to);
  state.path = [from, to];
  const name = (id: string) => view.nodes.get(id)?.label ?? id;
  const pick = (i: number) => view.highlight(...(pathIds(found[i]) as [string[], string[]]));
  view.highlight(found.flatMap((p) => pathIds(p)[0]), found.flatMap((p) => pathIds(p)[1]));
  panel.classList.add('wide');
  show(panel, panels.pathsPanel(name(from), name(to), found, pick));
  requestAnimationFrame(() => view.cy.fit(view.cy.$('.path'), 40));
  commit(push);
}

async function showAccountability(id: string): Promise<void> {
  const current = takePanel();
  const report = await run('Building the accountability report', () => api.accountability(id, state.asOf));
  if (!report || !current()) return;
  panel.classList.add('wide');
  show(panel, panels.accountabilityPanel(report, (p) => {
    void run('Drawing the path', async () => {
      const [nodes, edges] = pathIds(p);
      await view.add(nodes);
      view.filter(state);
      view.highlight(nodes, edges);
      commit();
    });
  }));
}

// ---- filters and the date

function syncControls(): void {
  for (const box of document.querySelectorAll<HTMLInputElement>('#kinds input')) box.checked = !state.hiddenKinds.includes(box.value as api.Kind);
  for (const box of document.querySelectorAll<HTMLInputElement>('#rels input')) box.checked = !state.hiddenRels.includes(box.value);
  ($('min-confidence') as HTMLSelectElement).value = state.minConfidence ?? '';
  ($('path-mentions') as HTMLInputElement).checked = state.pathMentions;
  const on = state.asOf !== null;
  ($('time-on') as HTMLInputElement).checked = on;
  ($('time-slider') as HTMLInputElement).disabled = !on;
  ($('time-date') as HTMLInputElement).disabled = !on;
  if (state.asOf) {
    ($('time-date') as HTMLInputElement).value = state.asOf;
    ($('time-slider') as HTMLInputElement).value = String(monthIndex(state.asOf));
  }
}

function buildControls(): void {
  show($('kinds'), Object.entries(kinds).map(([kind, k]) => h('label', {},
    h('input', { type: 'checkbox', value: kind, checked: true, onchange: filtersChanged }),
    h('span', { class: 'glyph', style: `color:${k.color}` }, glyphs[kind]), k.label)));
  show($('rels'), relTypes.map((r) => h('label', {}, h('input', { type: 'checkbox', value: r, checked: true, onchange: filtersChanged }), r)));
  show($('lines'), confidences.map((c) => h('div', {},
    h('span', { class: 'line', style: `border-top: ${lines[c].width}px ${lines[c].style} #8a8f98` }), h('span', {}, `${c.toLowerCase()}: ${lines[c].label}`))));
  const min = $('min-confidence') as HTMLSelectElement;
  show(min, h('option', { value: '' }, 'any (not retracted)'), confidences.slice(0, 5).map((c) => h('option', { value: c }, `${c.toLowerCase()} or stronger`)));
  min.addEventListener('change', filtersChanged);
  const slider = $('time-slider') as HTMLInputElement;
  const now = new Date();
  slider.min = '0';
  slider.max = String((now.getUTCFullYear() - firstYear) * 12 + now.getUTCMonth());
  slider.value = slider.max;
  slider.addEventListener('input', () => { ($('time-date') as HTMLInputElement).value = monthOf(Number(slider.value)); });
  slider.addEventListener('change', () => void setDate(monthOf(Number(slider.value))));
  $('time-date').addEventListener('change', () => {
    const v = ($('time-date') as HTMLInputElement).value.trim();
    if (/^\d{4}(-\d{2})?$/.test(v)) void setDate(v);
    else fail(`A date is a year (1988) or a month (1988-07), not “${v}”.`);
  });
  $('time-on').addEventListener('change', () => {
    const on = ($('time-on') as HTMLInputElement).checked;
    void setDate(on ? monthOf(Number(slider.value)) : null);
  });
}

const glyphs: Record<string, string> = { PERSON: '●', ORGANIZATION: '■', POSITION: '◆', EVENT: '★', VERDICT: '⬢', STATEMENT: '◀', SOURCE: '▬', PLACE: '▲' };
const monthOf = (i: number) => `${firstYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const monthIndex = (d: string) => (Number(d.slice(0, 4)) - firstYear) * 12 + (d.length >= 7 ? Number(d.slice(5, 7)) - 1 : 0);

function filtersChanged(): void {
  state.hiddenKinds = [...document.querySelectorAll<HTMLInputElement>('#kinds input:not(:checked)')].map((b) => b.value as api.Kind);
  state.hiddenRels = [...document.querySelectorAll<HTMLInputElement>('#rels input:not(:checked)')].map((b) => b.value);
  state.minConfidence = (($('min-confidence') as HTMLSelectElement).value || null) as api.Confidence | null;
  view.filter(state);
  commit();
  status();
}

async function setDate(asOf: string | null): Promise<void> {
  state.asOf = asOf;
  syncControls();
  view.highlight([], []);
  await reload();
  status();
}

// ---- saved queries and exports

async function loadSaved(): Promise<void> {
  const list = await run('Listing saved queries', api.savedQueries);
  if (!list) return;
  const select = $('saved') as HTMLSelectElement;
  select.append(...list.map((q) => h('option', { value: q.name }, q.title)));
  select.addEventListener('change', () => {
    const q = list.find((x) => x.name === select.value);
    select.value = '';
    if (!q) return;
    takePanel();
    panel.classList.add('wide');
    show(panel, panels.savedPanel(q, async (vars) => {
      const table = await run(`Running ${q.title}`, () => api.runSaved(q.name, vars));
      if (table) show($('saved-result'), panels.savedTable(table, api.savedURL(q.name, vars, '.csv')));
    }));
  });
}

$('export-png').addEventListener('click', () => exportPNG(view));
$('export-graphml').addEventListener('click', () => exportGraphML(view));
window.addEventListener('popstate', () => {
  state = readState(location.search);
  view.highlight([], []);
  void restore();
});

buildControls();
void loadSaved();
void restore();
