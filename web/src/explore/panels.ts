// What the side panel shows: an entity, a relationship, paths, an accountability report,
// the cost of an expansion, a saved query's table. Every fact comes with who says so.
import type { AccountabilityReport, Citation, EntityDetails, ExpandStat, GraphEdge, Path, PostAtTime, SavedQueryInfo, SavedTable } from './api';
import { h } from './dom';
import { kinds } from './style';

/** What a panel shows, top to bottom; null leaves a line out. */
type Parts = (HTMLElement | null)[];

const badge = (text: string, cls = '') => h('span', { class: `badge ${cls}`.trim() }, text);
export const confidenceBadge = (c: string) => badge(c, `conf conf-${c.toLowerCase()}`);
const field = (name: string, value: unknown) =>
  value === null || value === undefined || value === '' ? null : h('div', { class: 'field' }, h('span', { class: 'name' }, name), String(value));

export function dates(from?: string | null, to?: string | null): string | null {
  if (!from && !to) return null;
  return from === to ? String(from) : `${from ?? '?'} – ${to ?? '?'}`;
}

/** Whether u is an http(s) URL: only those become links (a javascript: URL would run here). */
function webURL(u?: string | null): u is string {
  return !!u && /^https?:\/\//i.test(u);
}

export function citations(list: Citation[], heading = 'Who says so'): HTMLElement {
  return h('section', { class: 'citations' },
    h('h3', {}, `${heading} (${list.length})`),
    list.length ? h('ol', {}, list.map(citation)) : h('p', { class: 'muted' }, 'No citation.'));
}

function citation(c: Citation): HTMLElement {
  const s = c.source;
  const title = webURL(s.url) ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : h('span', {}, s.title);
  return h('li', { class: 'citation' },
    c.quote ? h('blockquote', {}, `“${c.quote}”`) : null,
    h('div', { class: 'claim' }, confidenceBadge(c.confidence), c.claimedBy ? ` claimed by ${c.claimedBy.name}` : ''),
    h('div', { class: 'source' }, title, ' — ', s.publisher, s.published ? `, ${s.published}` : '', c.locator ? ` (${c.locator})` : ''),
    s.stake ? h('div', { class: 'stake' }, s.stake) : null);
}

export interface EntityActions {
  expand(): void; pathFrom(): void; pathTo(): void; accountability(): void; remove(): void;
}

export function entityPanel(e: EntityDetails, kind: string, act: EntityActions): Parts {
  const k = kinds[kind as keyof typeof kinds];
  const canReport = ['EVENT', 'PERSON', 'ORGANIZATION'].includes(kind);
  return [
    h('h2', {}, h('span', { class: 'glyph', style: `color:${k?.color}` }, '●'), ' ', e.name),
    h('div', { class: 'meta' }, badge(k?.label ?? kind), ' ', confidenceBadge(e.confidence), ' ', h('code', {}, e.id)),
    e.aliases.length ? h('div', { class: 'aliases' }, h('span', { class: 'name' }, 'Also: '), e.aliases.join(' · ')) : null,
    e.description ? h('p', { class: 'description' }, e.description) : null,
    e.retraction ? h('p', { class: 'retracted' }, 'Retracted: ', e.retraction) : null,
    e.text ? h('blockquote', {}, e.text) : null,
    field('Kind', e.orgKind ?? e.eventKind ?? e.sourceKind), field('Dates', dates(e.from, e.to)), field('Date', e.date ?? e.published),
    field('Victims', e.victims), field('Country', e.country), field('Publisher', e.publisher), field('Stake', e.stake),
    webURL(e.url) ? h('div', { class: 'field' }, h('span', { class: 'name' }, 'URL'), h('a', { href: e.url, target: '_blank', rel: 'noopener noreferrer' }, e.url)) : null,
    h('div', { class: 'actions' },
      h('button', { onclick: act.expand, title: 'Show its neighbours (or double-click the node)' }, 'Expand'),
      h('button', { onclick: act.pathFrom }, 'Path from here'),
      h('button', { onclick: act.pathTo }, 'Path to here'),
      canReport ? h('button', { onclick: act.accountability }, 'Accountability') : null,
      h('button', { onclick: act.remove }, 'Remove')),
    citations(e.citations),
  ];
}

export function edgePanel(e: GraphEdge, name: (id: string) => string): Parts {
  return [
    h('h2', {}, e.type.replaceAll('_', ' ').toLowerCase()),
    h('p', { class: 'edge-ends' }, h('strong', {}, name(e.source)), ` —${e.type}→ `, h('strong', {}, name(e.target))),
    h('div', { class: 'meta' }, confidenceBadge(e.confidence)),
    field('Role', e.role), field('Dates', dates(e.from, e.to)),
    citations(e.citations),
  ];
}

function steps(p: Path): HTMLElement {
  return h('ol', { class: 'steps' }, p.steps.map((s) => h('li', {},
    h('div', {}, h('strong', {}, s.from.name), s.direction === 'FORWARD' ? ` —${s.edge.type}→ ` : ` ←${s.edge.type}— `,
      h('strong', {}, s.to.name), ' ', confidenceBadge(s.edge.confidence),
      s.edge.mention ? h('span', { class: 'mention' }, ' mention: talk, not a chain of command') : '',
      s.edge.role ? ` (${s.edge.role})` : '', dates(s.edge.from, s.edge.to) ? ` ${dates(s.edge.from, s.edge.to)}` : ''),
    h('details', {}, h('summary', {}, `${s.edge.citations.length} citation(s)`), citations(s.edge.citations)))));
}

export function pathsPanel(from: string, to: string, list: Path[], pick: (i: number) => void): Parts {
  if (!list.length) return [h('h2', {}, 'Paths'), h('p', {}, `No path from ${from} to ${to} within 6 steps.`)];
  return [
    h('h2', {}, `Paths from ${from} to ${to}`),
    h('p', { class: 'muted' }, `${list.length} path(s), shortest first; a path is as strong as its weakest step.`),
    ...list.map((p, i) => h('section', { class: 'path-item' },
      h('h3', {}, h('a', { href: '#', onclick: (ev: Event) => { ev.preventDefault(); pick(i); } }, `Path ${i + 1}`),
        ` — ${p.length} step(s) `, confidenceBadge(p.confidence)),
      steps(p))),
  ];
}

const posts = (label: string, ts: PostAtTime[]) =>
  ts.length ? h('div', { class: 'field' }, h('span', { class: 'name' }, label),
    ts.map((t) => `${t.tenure.position.name}: ${t.note}`).join('; ')) : null;

const bases: Record<string, string> = {
  DIRECT: 'Directly responsible', MEMBER: 'Members of a responsible body', COMMAND: 'In command (posts held)',
  INSTITUTIONAL: 'Institutions above',
};

export function accountabilityPanel(r: AccountabilityReport, show: (p: Path) => void): Parts {
  const groups = new Map<string, typeof r.entries>();
  for (const e of r.entries) groups.set(e.basis, [...(groups.get(e.basis) ?? []), e]);
  return [
    h('h2', {}, `Accountability: ${r.subject.name}`),
    h('p', { class: 'muted' }, r.asOf ? `Posts now: as of ${r.asOf}.` : 'Posts now: the latest the sources know.'),
    r.entries.length ? null : h('p', {}, 'No one is linked to it on any basis.'),
    ...[...groups].map(([basis, entries]) => h('section', { class: 'basis' },
      h('h3', {}, `${bases[basis] ?? basis} (${entries.length})`),
      h('ul', {}, entries.map((e) => h('li', {},
        h('div', {}, h('a', { href: '#', onclick: (ev: Event) => { ev.preventDefault(); show(e.path); } }, e.entity.name),
          e.role ? ` — ${e.role} ` : ' ', confidenceBadge(e.confidence)),
        e.heldThen?.held === 'UNKNOWN' ? h('div', { class: 'field' }, h('span', { class: 'name' }, 'Time'), e.heldThen.note) : null,
        posts('Then', e.postsThen), posts('Now', e.postsNow),
        h('details', {}, h('summary', {}, `path of ${e.path.length} step(s), ${e.citations.length} citation(s)`), steps(e.path))))))),
    r.verdicts.length ? h('section', {}, h('h3', {}, 'Verdicts'),
      h('ul', {}, r.verdicts.map((v) => h('li', {}, v.name, v.date ? ` (${v.date})` : '')))) : null,
  ];
}

export function expandPrompt(name: string, stats: ExpandStat[], go: () => void, cancel: () => void): Parts {
  const total = stats.reduce((n, s) => n + s.count, 0);
  return [
    h('h2', {}, `Expand ${name}?`),
    h('p', {}, `It would bring ${total} relationships:`),
    h('table', { class: 'stats' },
      h('tr', {}, h('th', {}, 'relationship'), h('th', {}, 'direction'), h('th', {}, 'to'), h('th', {}, 'count')),
      stats.map((s) => h('tr', {}, h('td', {}, s.relType), h('td', {}, s.direction === 'OUT' ? '→' : '←'),
        h('td', {}, kinds[s.kind]?.label ?? s.kind), h('td', { class: 'num' }, s.count)))),
    h('div', { class: 'actions' }, h('button', { onclick: go }, 'Expand all'), h('button', { onclick: cancel }, 'Cancel')),
  ];
}

export function savedPanel(q: SavedQueryInfo, run: (vars: Record<string, string>) => void): Parts {
  const inputs = (q.variables ?? []).map((v) => {
    const def = v.default === undefined || v.default === null ? '' : String(v.default);
    return h('label', {}, `${v.name} `, h('input', { name: v.name, value: def, placeholder: v.type, required: v.required }));
  });
  const form = h('form', { class: 'saved-form' }, ...inputs, h('button', { type: 'submit' }, 'Run')) as HTMLFormElement;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    run(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)])));
  });
  return [h('h2', {}, q.title), q.description ? h('p', { class: 'muted' }, q.description) : null, form, h('div', { id: 'saved-result' })];
}

export function savedTable(t: SavedTable, csvURL: string): Parts {
  return [
    h('p', {}, `${t.rows.length} row(s) `, h('a', { href: csvURL, download: '', class: 'button', id: 'saved-csv' }, 'Download CSV')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'saved-table' },
      h('tr', {}, t.columns.map((c) => h('th', {}, c))),
      t.rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, cellText(c))))))),
  ];
}

/** A typed table cell as text: a list joined as the CSV joins it, false as "false". */
function cellText(c: unknown): string {
  if (c === null || c === undefined) return '';
  if (Array.isArray(c)) return c.map(cellText).join(' | ');
  return String(c);
}
