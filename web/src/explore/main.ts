// The explorer page: search, expand, read the citations, filter, travel in time, find
// paths, read accountability reports, run saved queries, export. The URL holds the view.
import * as api from './api';
import { $, h, show } from './dom';
import { setPanel, setupDrawers } from './drawers';
import { setupExports } from './export';
import * as panels from './panels';
import { setupSaved } from './saved';
import { type ViewState, firstYear, latestDate, monthIndex, monthOf, monthWords, readState, writeState } from './state';
import { confidences, glyphs, kinds, lines, moreRing, relTypes } from './style';
import { setupSearch } from './search';
import { drawnTable } from './table';
import { type DrawnPath, GraphView } from './view';

/** An expansion bringing more relationships than this is shown before it is made. */
const bigExpansion = 25;

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

/** Says something to screen readers (the polite live region), without moving the focus. */
function announce(text: string): void {
  show($('announce'), text);
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
  const undated = view.cy.edges('.undated:visible').length;
  if (state.asOf && undated) parts.push(`${undated} undated (◯ on the line): the sources give no date`);
  if (view.idle) parts.push(`${view.idle} faded: nothing of theirs shown is true on ${state.asOf}`);
  if (view.truncated.length) parts.push(`some neighbourhoods were cut at 200 neighbours`);
  if (doing || busy) parts.push(doing ?? 'working…');
  show($('status'), parts.join(' — '));
  $('status').dataset.busy = busy ? 'true' : 'false';
}

async function restore(): Promise<void> {
  syncControls();
  await run('Loading the view', async () => {
    try {
      view.filter(state);
      await view.load(state.ids);
    } finally {
      view.filter(state);
      if (state.ids.length !== view.nodes.size) commit(false); // what could not be shown leaves the URL
    }
  });
  if (state.path) await findPaths(state.path[0], state.path[1], false);
  else if (state.selected && view.nodes.has(state.selected)) await selectNode(state.selected);
  else if (state.selected && view.edges.has(state.selected)) { view.cy.getElementById(state.selected).select(); selectEdge(state.selected); }
  else welcome();
  status();
}

function welcome(): void {
  takePanel();
  panel.classList.remove('wide'); // and, on a phone, the drawer stays as it was
  show(panel, h('h2', {}, 'Explore the graph'),
    h('p', {}, 'Search for a person, an organization, a post or an event: any spelling or script.'),
    h('ul', {}, h('li', {}, 'Click an entity or a relationship: what it is and who says so.'),
      h('li', {}, 'Double-click an entity: its neighbours.'),
      h('li', {}, 'Dashed lines are allegations; solid, heavy lines are what a court decided.'),
      h('li', {}, 'Tab to “Table” for what is drawn as a list, by keyboard or screen reader.')));
}

// ---- search

setupSearch((text) => run('Searching', () => api.search(text)), (ids) => void pick(ids));

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
  setPanel(false);
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
  view.cy.elements().unselect();
  view.cy.getElementById(id).select();
  takePanel();
  state.selected = id;
  setPanel(false);
  show(panel, panels.edgePanel(e, (n) => view.nodes.get(n)?.label ?? n));
  commit(false);
}

view.cy.on('tap', 'node', (ev) => { void selectNode(ev.target.id()); });
view.cy.on('tap', 'edge', (ev) => selectEdge(ev.target.id()));
view.cy.on('dbltap', 'node', (ev) => { void expand(ev.target.id()); });

async function expand(id: string): Promise<void> {
  // an entity with few relationships is expanded at once, without asking what it would bring
  const degree = view.nodes.get(id)?.degree ?? 0;
  const stats = degree > bigExpansion ? await run('Counting neighbours', () => api.expandStats(id, null)) : [];
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
    announce(added ? `${added} neighbours added: ${view.nodes.size} entities shown` : 'No new neighbours.');
    await selectNode(id);
  };
  if (total <= bigExpansion) return go();
  takePanel();
  setPanel(false);
  show(panel, panels.expandPrompt(view.nodes.get(id)?.label ?? id, stats, () => void go(), () => void selectNode(id)));
}

async function reload(): Promise<void> {
  await run('Loading', async () => {
    await view.load(view.ids());
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
  // the paths listed go with the marks on the drawing
  if (state.path || panel.querySelector('.path-item')) welcome();
  state.path = null;
  view.highlight([]);
  commit();
  announce('Paths cleared.');
});

const drawn = (p: api.Path): DrawnPath => ({ nodes: p.steps.flatMap((s) => [s.from.id, s.to.id]), edges: p.steps.map((s) => s.edge.id) });

async function findPaths(from: string, to: string, push: boolean): Promise<void> {
  const found = await run('Finding paths', async () => {
    // the relationship types the sidebar shows; statements only when asked for
    const types = relTypes.filter((r) => !state.hiddenRels.includes(r) && (state.pathMentions || (r !== 'STATED' && r !== 'ABOUT')));
    const list = types.length ? await api.paths(from, to, state.asOf, types, state.minConfidence) : [];
    await view.add([from, to, ...list.flatMap((p) => drawn(p).nodes)]);
    view.filter(state);
    return list;
  });
  if (!found) return;
  takePanel();
  setPathEnd('from', from);
  setPathEnd('to', to);
  state.path = [from, to];
  const name = (id: string) => view.nodes.get(id)?.label ?? id;
  const all = found.map(drawn);
  // choosing a path marks it alone, in its colour, and brings it into view; "all" marks every one
  const pick = (i: number | null) => view.highlight(all, i ?? undefined);
  setPanel(true);
  show(panel, panels.pathsPanel(name(from), name(to), found, pick));
  view.highlight(all);
  announce(found.length ? `${found.length} path(s) found from ${name(from)} to ${name(to)}.` : `No path from ${name(from)} to ${name(to)}.`);
  commit(push);
}

/** A new result (a report, a saved query) replaces the last one: its paths' marks, and the title an export takes from them. */
function endPaths(): void {
  state.path = null;
  view.highlight([]);
}

async function showAccountability(id: string): Promise<void> {
  const current = takePanel();
  const report = await run('Building the accountability report', () => api.accountability(id, state.asOf));
  if (!report || !current()) return;
  // the drawing shows what the report is about: its subject and the paths to those it names
  endPaths();
  view.focus([report.subject.id, ...report.entries.flatMap((e) => drawn(e.path).nodes)]);
  commit();
  setPanel(true);
  show(panel, panels.accountabilityPanel(report, (p) => {
    void run('Drawing the path', async () => {
      const d = drawn(p);
      await view.add(d.nodes);
      view.filter(state);
      view.highlight([d]);
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
  for (const id of ['time-slider', 'time-date', 'undated']) ($(id) as HTMLInputElement).disabled = !on;
  ($('undated') as HTMLSelectElement).value = state.hideUndated ? 'hide' : 'show';
  if (state.asOf) {
    ($('time-date') as HTMLInputElement).value = state.asOf;
    setSlider(monthIndex(state.asOf));
  }
}

/** Moves the slider, which reads (to a screen reader too) as a month and year, never a number. */
function setSlider(i: number): void {
  const slider = $('time-slider') as HTMLInputElement;
  slider.value = String(i);
  slider.setAttribute('aria-valuetext', monthWords(monthOf(Number(slider.value))));
}

function buildControls(): void {
  show($('kinds'), Object.entries(kinds).map(([kind, k]) => h('label', {},
    h('input', { type: 'checkbox', value: kind, checked: true, onchange: filtersChanged }),
    h('span', { class: 'glyph', style: `color:${k.color}` }, glyphs[kind as api.Kind]), k.label)));
  show($('rels'), relTypes.map((r) => h('label', {}, h('input', { type: 'checkbox', value: r, checked: true, onchange: filtersChanged }), r)));
  show($('lines'), confidences.map((c) => h('div', {},
    h('span', { class: 'line', style: `border-top: ${lines[c].width}px ${lines[c].style} #8a8f98` }), h('span', {}, `${c.toLowerCase()}: ${lines[c].label}`))),
  h('div', {}, h('span', { class: 'line undated-line' }), h('span', {}, 'undated (under a date): no date given')),
  h('div', {}, h('span', { class: 'ring', style: `border-color:${moreRing}` }), h('span', {}, 'ring: more neighbours to expand')));
  const min = $('min-confidence') as HTMLSelectElement;
  show(min, h('option', { value: '' }, 'any (not retracted)'), confidences.slice(0, 5).map((c) => h('option', { value: c }, `${c.toLowerCase()} or stronger`)));
  min.addEventListener('change', filtersChanged);
  const slider = $('time-slider') as HTMLInputElement;
  const now = new Date();
  slider.min = '0';
  slider.max = String((now.getUTCFullYear() - firstYear) * 12 + now.getUTCMonth());
  setSlider(Number(slider.max));
  slider.addEventListener('input', () => {
    ($('time-date') as HTMLInputElement).value = monthOf(Number(slider.value));
    setSlider(Number(slider.value));
  });
  slider.addEventListener('change', () => void setDate(monthOf(Number(slider.value))));
  $('time-date').addEventListener('change', () => {
    const v = ($('time-date') as HTMLInputElement).value.trim();
    if (/^\d{4}(-\d{2})?$/.test(v)) void setDate(v);
    else fail(`A date is a year (1988) or a month (1988-07), not “${v}”.`);
  });
  $('time-on').addEventListener('change', () => {
    const on = ($('time-on') as HTMLInputElement).checked;
    // the slider starts at the latest date the relationships shown give, where something is true
    const latest = latestDate([...view.edges.values()].map((e) => e.validTo ?? e.validFrom));
    void setDate(on ? latest ?? monthOf(Number(slider.value)) : null);
  });
  $('undated').addEventListener('change', () => {
    state.hideUndated = ($('undated') as HTMLSelectElement).value === 'hide';
    view.filter(state);
    commit();
    status();
  });
}

function filtersChanged(): void {
  state.hiddenKinds = [...document.querySelectorAll<HTMLInputElement>('#kinds input:not(:checked)')].map((b) => b.value as api.Kind);
  state.hiddenRels = [...document.querySelectorAll<HTMLInputElement>('#rels input:not(:checked)')].map((b) => b.value);
  state.minConfidence = (($('min-confidence') as HTMLSelectElement).value || null) as api.Confidence | null;
  view.filter(state);
  commit();
  status();
}

/** The date filters what is already there: nothing is asked of the server. */
function setDate(asOf: string | null): void {
  state.asOf = asOf;
  syncControls();
  view.highlight([]);
  view.filter(state);
  commit();
  status();
  announce(asOf ? `Showing what was true in ${monthWords(asOf)}: ${view.cy.edges(':visible').length} relationships.` : 'Showing every date.');
}

// ---- saved queries

void setupSaved({ run, announce, open: () => { takePanel(); endPaths(); commit(); setPanel(true); return panel; } });

// ---- exports: the image carries its title, date, legend and sources

setupExports(view, () => state, { run, fail, announce });

// ---- the table of what is drawn, the drawers (drawers.ts)

function refreshTable(): void {
  if ($('table-view').hidden) return;
  show($('table-view'), drawnTable(view, {
    select: (id) => { if (view.nodes.has(id)) void selectNode(id); else selectEdge(id); },
    expand: (id) => void expand(id),
  }));
}
view.onChange = () => { refreshTable(); status(); };

$('toggle-table').addEventListener('click', () => {
  const open = $('table-view').hidden;
  $('table-view').hidden = !open;
  $('toggle-table').setAttribute('aria-pressed', String(open));
  document.body.classList.toggle('table-open', open);
  refreshTable();
  if (open) $('table-view').focus();
});

setupDrawers();

window.addEventListener('popstate', () => {
  state = readState(location.search);
  view.highlight([]);
  void restore();
});

buildControls();
void restore();
