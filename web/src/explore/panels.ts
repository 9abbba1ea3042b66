// What the side panel shows: an entity, a relationship, paths, an accountability report,
// the cost of an expansion, a saved query's table. Every fact comes with who says so.
import type { AccountabilityReport, Citation, EntityDetails, ExpandStat, GraphEdge, HeldAtTime, Path, PostAtTime, SavedQueryInfo, SavedTable } from './api';
import { h } from './dom';
import { glyphs, kinds, pathColor, words } from './style';

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
    list.length ? h('ol', {}, list.map(citation)) : h('p', { class: 'muted' }, 'No citation.'),
    stakes(list));
}

/**
 * Each source's stake, once however often it is cited; its sentence on how its claims are
 * recorded ("recorded as ALLEGED") only where it is cited at that confidence.
 */
function stakes(list: Citation[]): HTMLElement | null {
  const bySource = new Map<string, Citation[]>();
  for (const c of list) if (c.source.stake) bySource.set(c.source.id, [...(bySource.get(c.source.id) ?? []), c]);
  if (!bySource.size) return null;
  return h('div', { class: 'stakes' }, h('h4', {}, 'About the sources'), [...bySource.values()].map((cs) => {
    const cited = new Set(cs.map((c) => c.confidence));
    const said = cs[0].source.stake!.split(/(?<=\.)\s+/)
      .filter((sentence) => !/recorded as [A-Z]+/.test(sentence) || [...cited].some((c) => sentence.includes(c))).join(' ');
    return h('p', { class: 'stake' }, h('strong', {}, cs[0].source.publisher || cs[0].source.title), ': ', said);
  }));
}

/** Who makes the claims cited, in a few words: "claimed by A, B" (or the sources, when no one is named). */
export function claimants(list: Citation[]): string {
  const who = [...new Set(list.map((c) => c.claimedBy?.name).filter((n): n is string => !!n))];
  if (who.length) return `claimed by ${who.join(', ')}`;
  const from = [...new Set(list.map((c) => c.source.publisher || c.source.title))];
  return from.length ? `according to ${from.join(', ')}` : 'no citation';
}

/** An organization's, event's or source's kind in words: ATTACK_PLOT reads "attack plot". */
const kindWords = (k: string | null | undefined) => (k ? words(k) : null);

/** A role code in words: CARRIED_OUT reads "carried out". */
/** A role code in words (CARRIED_OUT reads "carried out"); a post's name, as it is written. */
const role = (r: string) => (/^[A-Z_]+$/.test(r) ? words(r) : r);

function citation(c: Citation): HTMLElement {
  const s = c.source;
  const title = webURL(s.url) ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : h('span', {}, s.title);
  return h('li', { class: 'citation' },
    c.quote ? h('blockquote', {}, `“${c.quote}”`) : null,
    h('div', { class: 'claim' }, confidenceBadge(c.confidence), c.claimedBy ? ` claimed by ${c.claimedBy.name}` : '',
      c.stance === 'DISPUTES' ? h('span', { class: 'disputes' }, ' — disputes it') : ''),
    c.checked ? null : h('div', { class: 'unchecked' }, 'not checked against the document'),
    h('div', { class: 'source' }, title, ' — ', s.publisher, s.published ? `, ${s.published}` : '', c.locator ? ` (${c.locator})` : ''));
}

export interface EntityActions {
  expand(): void; pathFrom(): void; pathTo(): void; accountability(): void; remove(): void;
}

export function entityPanel(e: EntityDetails, kind: string, act: EntityActions): Parts {
  const k = kinds[kind as keyof typeof kinds];
  const canReport = ['EVENT', 'PERSON', 'ORGANIZATION'].includes(kind);
  return [
    h('h2', {}, h('span', { class: 'glyph', style: `color:${k?.color}` }, glyphs[kind as keyof typeof glyphs] ?? '●'), ' ', e.name),
    h('div', { class: 'meta' }, badge(k?.label ?? kind), ' ', confidenceBadge(e.confidence), ' ', h('code', {}, e.id)),
    e.aliases.length ? h('div', { class: 'aliases' }, h('span', { class: 'name' }, 'Also: '), e.aliases.join(' · ')) : null,
    e.description ? h('p', { class: 'description' }, e.description) : null,
    e.retraction ? h('p', { class: 'retracted' }, 'Retracted: ', e.retraction) : null,
    e.text ? h('blockquote', {}, e.text) : null,
    field('Kind', kindWords(e.orgKind ?? e.eventKind ?? e.sourceKind)), field('Dates', dates(e.from, e.to)), field('Date', e.date ?? e.published),
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
    h('h2', {}, words(e.type)),
    h('p', { class: 'edge-ends' }, h('strong', {}, name(e.source)), ` —${words(e.type)}→ `, h('strong', {}, name(e.target))),
    h('div', { class: 'meta' }, confidenceBadge(e.confidence)),
    field('Role', e.role ? role(e.role) : null), field('Dates', dates(e.from, e.to) ?? 'undated: the sources give no date'),
    e.inference ? h('p', { class: 'inference' }, h('strong', {}, 'Inferred, not stated: '), e.inference) : null,
    citations(e.citations),
  ];
}

function steps(p: Path): HTMLElement {
  return h('ol', { class: 'steps' }, p.steps.map((s) => h('li', {},
    h('div', {}, h('strong', {}, s.from.name), s.direction === 'FORWARD' ? ` —${words(s.edge.type)}→ ` : ` ←${words(s.edge.type)}— `,
      h('strong', {}, s.to.name), ' ', confidenceBadge(s.edge.confidence),
      s.edge.mention ? h('span', { class: 'mention' }, ' mention: talk, not a chain of command') : '',
      s.edge.inference ? h('span', { class: 'inference', title: s.edge.inference }, ' inferred, not stated') : '',
      s.edge.role ? ` (${role(s.edge.role)})` : '', dates(s.edge.from, s.edge.to) ? ` ${dates(s.edge.from, s.edge.to)}` : ''),
    h('div', { class: 'claimants' }, claimants(s.edge.citations)),
    h('details', {}, h('summary', {}, `${s.edge.citations.length} citation(s)`), citations(s.edge.citations)))));
}

/** The paths found, each in the colour it is drawn in; choosing one (or all) marks it and brings it into view. */
export function pathsPanel(from: string, to: string, list: Path[], pick: (i: number | null) => void): Parts {
  if (!list.length) return [h('h2', {}, 'Paths'), h('p', {}, `No path from ${from} to ${to} within 6 steps.`)];
  return [
    h('h2', {}, `Paths from ${from} to ${to}`),
    h('p', { class: 'muted' }, `${list.length} path(s), shortest first; a path is as strong as its weakest step. `,
      h('button', { type: 'button', class: 'link', onclick: () => pick(null) }, 'Show all')),
    ...list.map((p, i) => h('section', { class: 'path-item', 'data-path': String(i) },
      h('h3', {}, h('span', { class: 'swatch', style: `background:${pathColor(i)}`, 'aria-hidden': 'true' }),
        h('button', { type: 'button', class: 'link', onclick: () => pick(i), title: 'Mark this path alone and bring it into view' }, `Path ${i + 1}`),
        ` — ${p.length} step(s) `, confidenceBadge(p.confidence)),
      steps(p))),
  ];
}

const posts = (label: string, ts: PostAtTime[]) =>
  ts.length ? h('div', { class: 'field' }, h('span', { class: 'name' }, label),
    ts.map((t) => `${t.tenure.position.name}: ${t.note}`).join('; ')) : null;

/** What the latest posts are, as the sources date them: never "now", which the sources cannot say. */
function latest(ts: PostAtTime[], asOf: string | null | undefined): HTMLElement | null {
  if (!ts.length) return null;
  if (asOf) return posts(`Held in ${asOf}`, ts);
  return h('div', { class: 'field latest' }, ts.map((t) => h('div', {}, h('span', { class: 'name' }, latestLabel(t)), t.tenure.position.name)));
}

const latestLabel = (t: HeldAtTime) => t.dating === 'ATTESTED' && t.attested ? `Latest attested (${t.attested})` : 'Latest dated';

/** What a path passes through between its ends: two entries for the same person differ by it. */
function via(p: Path): HTMLElement | null {
  const between = p.steps.slice(0, -1).map((s) => s.to.name);
  return between.length ? h('div', { class: 'field' }, h('span', { class: 'name' }, 'Via'), between.join(' → ')) : null;
}

/**
 * A heading per basis, in words. Members and post holders are split by what the sources say
 * of the time (heldThen): held then, or the sources cannot say, under a heading that says so.
 */
const bases: Record<string, string> = {
  DIRECT: 'Directly responsible', INSTITUTIONAL: 'Institutions above the responsible ones',
  MEMBER: 'Members of a responsible body', COMMAND: 'Held a post in a responsible body or above it',
  'MEMBER YES': 'Members of a responsible body at the time',
  'COMMAND YES': 'In command at the time: held a post in a responsible body or above it',
  'MEMBER UNKNOWN': 'Members of a responsible body, at the time or not: the sources do not say',
  'COMMAND UNKNOWN': 'Held a post in a responsible body or above it, at the time or not: the sources do not say',
};

export function accountabilityPanel(r: AccountabilityReport, show: (p: Path) => void): Parts {
  const groups = new Map<string, typeof r.entries>();
  for (const e of r.entries) {
    const basis = e.heldThen ? `${e.basis} ${e.heldThen.held}` : e.basis;
    groups.set(basis, [...(groups.get(basis) ?? []), e]);
  }
  return [
    h('h2', {}, `Accountability: ${r.subject.name}`),
    h('p', { class: 'muted' }, r.asOf ? `Posts: as held in ${r.asOf}.` : 'Posts: the latest the sources date, not a claim about today.'),
    r.entries.length ? null : h('p', {}, 'No one is linked to it on any basis.'),
    ...[...groups].map(([basis, entries]) => h('section', { class: 'basis' },
      h('h3', {}, `${bases[basis] ?? bases[basis.split(' ')[0]] ?? basis} (${entries.length})`),
      h('ul', {}, entries.map((e) => h('li', {},
        h('div', {}, h('button', { type: 'button', class: 'link', onclick: () => show(e.path), title: 'Draw and mark the path' }, e.entity.name),
          e.role ? ` — ${role(e.role)} ` : ' ', confidenceBadge(e.confidence)),
        h('div', { class: 'claimants' }, claimants(e.citations)),
        via(e.path),
        e.heldThen?.held === 'UNKNOWN' ? h('div', { class: 'field' }, h('span', { class: 'name' }, 'Time'), e.heldThen.note) : null,
        posts('Then', e.postsThen), latest(e.postsNow, r.asOf),
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

/** Entities whose names match a text, for the pickers of saved-query forms. */
export type Suggest = (text: string) => Promise<{ id: string; name: string; kind: string }[]>;

/**
 * A saved query's form: each variable labelled in words, its default shown, an entity
 * variable (an ID) picked by typing a name and choosing among the search's answers.
 */
export function savedPanel(q: SavedQueryInfo, run: (vars: Record<string, string>) => void, suggest: Suggest,
  nameOf: (id: string) => Promise<string | null>): Parts {
  const named = new Map<string, string>(); // a default entity's name, shown in its field, to its id
  const inputs = (q.variables ?? []).map((v, i) => {
    const def = v.default === undefined || v.default === null ? '' : String(v.default);
    const label = v.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const entity = v.type.startsWith('ID');
    const list = entity ? h('datalist', { id: `saved-options-${i}` }) : null;
    const input = h('input', { name: v.name, value: def, placeholder: entity ? 'type a name, then choose' : def ? `default: ${def}` : '',
      required: v.required, list: entity ? `saved-options-${i}` : undefined, autocomplete: 'off' }) as HTMLInputElement;
    if (list) {
      let timer: number | undefined;
      input.addEventListener('input', () => {
        clearTimeout(timer);
        const text = input.value.trim();
        if (text.length < 2 || text.includes(':')) return; // an id typed or chosen is left as it is
        timer = window.setTimeout(async () => {
          const hits = await suggest(text).catch(() => []);
          list.replaceChildren(...hits.map((hit) => h('option', { value: hit.id, label: `${hit.name} (${kinds[hit.kind as keyof typeof kinds]?.label ?? hit.kind})` })));
        }, 200);
      });
    }
    const hint = def ? h('span', { class: 'muted hint' }, `Default: ${def} (left empty, the query runs with it)`) : null;
    if (entity && def.includes(':')) {
      // the default entity by its name, not its internal id
      void nameOf(def).catch(() => null).then((name) => {
        if (!name) return;
        named.set(`${v.name}=${name}`, def);
        if (input.value === def) input.value = name;
        hint?.replaceChildren(`Default: ${name} (left empty, the query runs with it)`);
      });
    }
    return h('label', {}, h('span', { class: 'name' }, label[0].toUpperCase() + label.slice(1), v.required ? ' (required)' : ''),
      input, list, hint);
  });
  const form = h('form', { class: 'saved-form' }, ...inputs, h('button', { type: 'submit' }, 'Run')) as HTMLFormElement;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    run(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, named.get(`${k}=${String(v)}`) ?? String(v)])));
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
